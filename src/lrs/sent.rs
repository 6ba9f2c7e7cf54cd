//! What an LRS has acknowledged, so a push resumes where it stopped and never sends a statement
//! twice.
//!
//! One journal per endpoint, `<data>/lrs/sent-<hash of the endpoint>.log`: a header line
//! naming the endpoint, then one statement id per line, appended and flushed to disk after each
//! batch the LRS acknowledged. Appending keeps each save proportional to the batch (rewriting a
//! file of 100,000 ids after every batch of 100 would write gigabytes). A crash while appending
//! can only cut the last line short: that line is dropped and its statement sent again. Any
//! other damage sets the journal aside (renamed, never deleted) and the push starts over: safe,
//! because the LRS keeps one statement per id and answers a repeat with "already stored".

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::lrs::PushError;
use crate::lrs::config::LRS_DIR;

const MAGIC: &str = "latih-asn xapi-sent";
const VERSION: u32 = 1;

/// What was wrong with the journal of earlier pushes, and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateNote {
    /// The journal was damaged: it was moved to `set_aside` and every statement is sent again.
    SetAside { set_aside: PathBuf, detail: String },
    /// The last line was cut short (the program stopped while saving it): the statements of
    /// that line are sent again.
    Repaired { path: PathBuf },
}

impl StateNote {
    /// What the user sees, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StateNote::SetAside { set_aside, detail } => i18n::tr_args(
                lang,
                "lrs-state-set-aside",
                &[
                    ("path", &set_aside.display().to_string()),
                    ("detail", detail),
                ],
            ),
            StateNote::Repaired { path } => i18n::tr_args(
                lang,
                "lrs-state-repaired",
                &[("path", &path.display().to_string())],
            ),
        }
    }
}

/// The ids one LRS endpoint acknowledged, and the open journal to add to.
#[derive(Debug)]
pub(crate) struct SentLog {
    path: PathBuf,
    ids: HashSet<Uuid>,
    file: File,
}

/// `<data>/lrs/sent-<first 16 hex digits of BLAKE3(endpoint)>.log`.
pub fn sent_path(data_dir: &Path, endpoint: &str) -> PathBuf {
    let hash = blake3::hash(endpoint.as_bytes()).to_hex();
    data_dir
        .join(LRS_DIR)
        .join(format!("sent-{}.log", &hash.as_str()[..16]))
}

/// How many statements an endpoint has acknowledged from this data folder (0 when none or when
/// its journal is unreadable). Reads only.
pub fn acknowledged_count(data_dir: &Path, endpoint: &str) -> usize {
    fs::read_to_string(sent_path(data_dir, endpoint))
        .ok()
        .and_then(|text| parse(&text, endpoint).ok())
        .map_or(0, |parsed| parsed.ids.len())
}

struct Parsed {
    ids: HashSet<Uuid>,
    /// Bytes of the text that are whole lines, when the last line was cut short.
    torn_at: Option<usize>,
}

enum Damage {
    Newer(u32),
    Bad(String),
}

fn header(endpoint: &str) -> String {
    format!("{MAGIC} v{VERSION} {endpoint}\n")
}

fn parse(text: &str, endpoint: &str) -> Result<Parsed, Damage> {
    let (first, body) = text
        .split_once('\n')
        .ok_or_else(|| Damage::Bad("no header line".into()))?;
    let rest = first
        .strip_prefix(MAGIC)
        .and_then(|rest| rest.strip_prefix(" v"))
        .ok_or_else(|| Damage::Bad("not a journal of sent statements".into()))?;
    let (version, named) = rest.split_once(' ').unwrap_or((rest, ""));
    let version: u32 = version
        .parse()
        .map_err(|_| Damage::Bad("no version".into()))?;
    if version > VERSION {
        return Err(Damage::Newer(version));
    }
    if named != endpoint {
        return Err(Damage::Bad(format!("written for {named}")));
    }
    let mut ids = HashSet::new();
    let mut torn_at = None;
    let mut offset = first.len() + 1;
    for (n, line) in body.split_inclusive('\n').enumerate() {
        let Some(id) = line.strip_suffix('\n') else {
            // Only the last piece can lack its newline: an append cut short.
            torn_at = Some(offset);
            break;
        };
        let id = Uuid::parse_str(id.trim_end_matches('\r'))
            .map_err(|_| Damage::Bad(format!("line {}", n + 2)))?;
        ids.insert(id);
        offset += line.len();
    }
    Ok(Parsed { ids, torn_at })
}

impl SentLog {
    /// Opens (creating) the journal of `endpoint` under `data_dir`. A damaged journal is set
    /// aside and replaced by an empty one, and said in the note; one from a newer version of
    /// the app is left untouched and the push does not run.
    pub fn open(
        data_dir: &Path,
        endpoint: &str,
    ) -> Result<(SentLog, Option<StateNote>), PushError> {
        let path = sent_path(data_dir, endpoint);
        let state_error = |error: io::Error| PushError::State {
            path: path.clone(),
            detail: error.to_string(),
        };
        let mut note = None;
        let ids = match fs::read(&path) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                crate::records::write_atomic(&path, header(endpoint).as_bytes())
                    .map_err(state_error)?;
                HashSet::new()
            }
            Err(error) => return Err(state_error(error)),
            Ok(bytes) => {
                let parsed = String::from_utf8(bytes)
                    .map_err(|_| Damage::Bad("not text".into()))
                    .and_then(|text| {
                        let parsed = parse(&text, endpoint)?;
                        Ok((text, parsed))
                    });
                match parsed {
                    Ok((text, parsed)) => {
                        if let Some(whole) = parsed.torn_at {
                            crate::records::write_atomic(&path, &text.as_bytes()[..whole])
                                .map_err(state_error)?;
                            note = Some(StateNote::Repaired { path: path.clone() });
                        }
                        parsed.ids
                    }
                    Err(Damage::Newer(version)) => {
                        return Err(PushError::StateNewer { path, version });
                    }
                    Err(Damage::Bad(detail)) => {
                        let set_aside = aside_name(&path);
                        fs::rename(&path, &set_aside).map_err(state_error)?;
                        crate::records::write_atomic(&path, header(endpoint).as_bytes())
                            .map_err(state_error)?;
                        log::warn!(
                            "LRS journal {} damaged ({detail}), set aside",
                            path.display()
                        );
                        note = Some(StateNote::SetAside { set_aside, detail });
                        HashSet::new()
                    }
                }
            }
        };
        let file = OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(state_error)?;
        Ok((SentLog { path, ids, file }, note))
    }

    pub fn contains(&self, id: &Uuid) -> bool {
        self.ids.contains(id)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds what the LRS acknowledged, durably, before the push goes on: one write of whole
    /// lines, then a flush to disk.
    pub fn record(&mut self, ids: &[Uuid]) -> io::Result<()> {
        let mut lines = String::with_capacity(ids.len() * 37);
        for id in ids {
            lines.push_str(&id.hyphenated().to_string());
            lines.push('\n');
        }
        self.file.write_all(lines.as_bytes())?;
        self.file.sync_data()?;
        self.ids.extend(ids.iter().copied());
        Ok(())
    }
}

/// `sent-….log` → `sent-….log.damaged-<time>`, beside it.
fn aside_name(path: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".damaged-{stamp}"));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENDPOINT: &str = "https://lrs.example.go.id/xAPI";

    fn ids(n: u128) -> Vec<Uuid> {
        (1..=n).map(Uuid::from_u128).collect()
    }

    #[test]
    fn acknowledged_ids_survive_a_reopen_per_endpoint() {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, note) = SentLog::open(dir.path(), ENDPOINT).unwrap();
        assert_eq!(note, None);
        log.record(&ids(3)).unwrap();
        drop(log);
        let (log, note) = SentLog::open(dir.path(), ENDPOINT).unwrap();
        assert_eq!(note, None);
        assert!(ids(3).iter().all(|id| log.contains(id)));
        assert!(!log.contains(&Uuid::from_u128(4)));
        assert_eq!(acknowledged_count(dir.path(), ENDPOINT), 3);
        // Another LRS has received nothing.
        let (other, _) = SentLog::open(dir.path(), "https://other.example/xAPI").unwrap();
        assert!(!other.contains(&Uuid::from_u128(1)));
    }

    #[test]
    fn a_line_cut_short_is_dropped_and_said() {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, _) = SentLog::open(dir.path(), ENDPOINT).unwrap();
        log.record(&ids(2)).unwrap();
        let path = log.path().to_owned();
        drop(log);
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str("00000000-0000-0000-0000-0000000");
        fs::write(&path, &text).unwrap();

        let (mut log, note) = SentLog::open(dir.path(), ENDPOINT).unwrap();
        assert_eq!(note, Some(StateNote::Repaired { path: path.clone() }));
        assert!(ids(2).iter().all(|id| log.contains(id)));
        // Appending goes on after the whole lines.
        log.record(&[Uuid::from_u128(9)]).unwrap();
        drop(log);
        let (log, note) = SentLog::open(dir.path(), ENDPOINT).unwrap();
        assert_eq!(note, None);
        assert!(log.contains(&Uuid::from_u128(9)));
        assert_eq!(fs::read_to_string(&path).unwrap().lines().count(), 4);
    }

    #[test]
    fn damage_sets_the_journal_aside_and_starts_over() {
        for damaged in [
            format!("{}not-an-id\n", header(ENDPOINT)),
            "garbage".to_owned(),
            header("https://elsewhere.example"),
            "\u{0}\u{1}\n".to_owned(),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = sent_path(dir.path(), ENDPOINT);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &damaged).unwrap();
            let (log, note) = SentLog::open(dir.path(), ENDPOINT).unwrap();
            let Some(StateNote::SetAside { set_aside, .. }) = note else {
                panic!("{damaged:?}: {note:?}");
            };
            assert_eq!(fs::read_to_string(&set_aside).unwrap(), damaged);
            assert!(log.ids.is_empty());
            assert_eq!(fs::read_to_string(&path).unwrap(), header(ENDPOINT));
        }
    }

    #[test]
    fn a_journal_from_a_newer_app_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = sent_path(dir.path(), ENDPOINT);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let newer = format!("{MAGIC} v9 {ENDPOINT}\nwhatever\n");
        fs::write(&path, &newer).unwrap();
        assert!(matches!(
            SentLog::open(dir.path(), ENDPOINT),
            Err(PushError::StateNewer { version: 9, .. })
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), newer);
        assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }
}
