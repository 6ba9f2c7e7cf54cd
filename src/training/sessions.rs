//! Sessions on disk: `<data>/sessions/<token>.ron`, one file per session, written atomically
//! under a lock and merged with what another running copy wrote (see
//! [`Session::merged_with`]). A file that cannot be read is set aside beside the others, never
//! overwritten; a file from a newer version of the app is left alone and not written over.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;
use crate::records::Store;
use crate::training::code;
use crate::training::session::{SESSION_VERSION, Session};

pub const DIR: &str = "sessions";

#[derive(Debug, Clone, Error)]
pub enum SessionError {
    #[error("cannot write {path}: {detail}")]
    Write { path: PathBuf, detail: Arc<str> },
    #[error("{path} was written by a newer version ({version})")]
    Newer { path: PathBuf, version: u32 },
    #[error("no session with code {0}")]
    Unknown(String),
    #[error("the session is closed")]
    Closed,
}

impl SessionError {
    fn write(path: &Path, error: impl std::fmt::Display) -> Self {
        SessionError::Write {
            path: path.to_path_buf(),
            detail: error.to_string().into(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            SessionError::Write { path, detail } => i18n::tr_args(
                lang,
                "error-save",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
            SessionError::Newer { path, version } => i18n::tr_args(
                lang,
                "notice-newer",
                &[
                    ("file", &path.display().to_string()),
                    ("version", &version.to_string()),
                ],
            ),
            SessionError::Unknown(token) => {
                i18n::tr_args(lang, "trainer-error-unknown-session", &[("code", token)])
            }
            SessionError::Closed => i18n::tr(lang, "trainer-error-closed"),
        }
    }
}

/// What loading found: the sessions, newest first, and the files it could not use.
#[derive(Debug, Clone, Default)]
pub struct LoadedSessions {
    pub sessions: Vec<Session>,
    pub problems: Vec<(PathBuf, String)>,
}

pub fn dir(store: &Store) -> PathBuf {
    store.path(DIR)
}

fn file(store: &Store, token: &str) -> PathBuf {
    dir(store).join(format!("{token}.ron"))
}

#[derive(Deserialize)]
struct Versioned {
    version: u32,
}

enum OnDisk {
    Missing,
    Session(Box<Session>),
    Newer(u32),
    Damaged(String),
}

fn read(path: &Path) -> OnDisk {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return OnDisk::Missing,
        Err(error) => return OnDisk::Damaged(error.to_string()),
    };
    if let Ok(Versioned { version }) = ron::from_str::<Versioned>(&text)
        && version > SESSION_VERSION
    {
        return OnDisk::Newer(version);
    }
    match ron::from_str::<Session>(&text) {
        Ok(session) => OnDisk::Session(Box::new(session)),
        Err(error) => OnDisk::Damaged(error.to_string()),
    }
}

/// Every session on this PC, newest date first.
pub fn load(store: &Store) -> LoadedSessions {
    let mut loaded = LoadedSessions::default();
    let Ok(entries) = fs::read_dir(dir(store)) else {
        return loaded;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_session = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".ron"))
            .is_some_and(code::is_token);
        if !is_session {
            continue;
        }
        match read(&path) {
            OnDisk::Session(session) => loaded.sessions.push(*session),
            OnDisk::Missing => {}
            OnDisk::Newer(version) => loaded
                .problems
                .push((path, format!("newer format {version}"))),
            OnDisk::Damaged(reason) => loaded.problems.push((path, reason)),
        }
    }
    // Newest first.
    loaded
        .sessions
        .sort_by_key(|s| std::cmp::Reverse((s.date, s.created)));
    loaded
}

/// Saves a session, merged with the copy on disk, and returns what was written (the screens
/// keep that, so a mark made by another running copy shows).
pub fn save(store: &Store, session: &Session) -> Result<Session, SessionError> {
    let folder = dir(store);
    fs::create_dir_all(&folder).map_err(|e| SessionError::write(&folder, e))?;
    let lock_path = folder.join(".lock");
    let mut lock =
        crate::records::lock_file(&lock_path).map_err(|e| SessionError::write(&lock_path, e))?;
    let _guard = lock
        .write()
        .map_err(|e| SessionError::write(&lock_path, e))?;
    let path = file(store, &session.token);
    let merged = match read(&path) {
        OnDisk::Missing => session.clone(),
        OnDisk::Session(disk) => session.merged_with(&disk),
        OnDisk::Newer(version) => return Err(SessionError::Newer { path, version }),
        OnDisk::Damaged(reason) => {
            // Kept beside the others under a name loading skips: nothing is lost.
            let aside = folder.join(format!(
                "{}.damaged-{}.ron",
                session.token,
                chrono::Utc::now().format("%Y%m%dT%H%M%S")
            ));
            log::warn!("session file {} is damaged ({reason})", path.display());
            fs::rename(&path, &aside).map_err(|e| SessionError::write(&path, e))?;
            session.clone()
        }
    };
    let text = ron::ser::to_string_pretty(&merged, ron::ser::PrettyConfig::default())
        .map_err(|e| SessionError::write(&path, e))?;
    crate::records::write_atomic(&path, text.as_bytes())
        .map_err(|e| SessionError::write(&path, e))?;
    Ok(merged)
}

/// A new token no session on this PC has.
pub fn fresh_token(store: &Store) -> String {
    loop {
        let token = code::new_token();
        if !file(store, &token).exists() {
            return token;
        }
    }
}

/// Sessions that arrived in a bundle: each merged into this PC's copy (or written when new).
/// Returns how many were new here.
pub fn absorb(store: &Store, sessions: &[Session]) -> Result<usize, SessionError> {
    let mut added = 0;
    for session in sessions {
        if !code::is_token(&session.token) || session.id != code::session_id(&session.token) {
            continue;
        }
        let path = file(store, &session.token);
        let merged = match read(&path) {
            OnDisk::Session(ours) => ours.merged_with(session),
            _ => {
                added += 1;
                session.clone()
            }
        };
        save(store, &merged)?;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::session::SessionDraft;
    use chrono::{TimeZone, Utc};

    fn session(token: &str) -> Session {
        SessionDraft {
            title: "Sosialisasi".into(),
            date: "2026-11-20".into(),
            place: "Aula".into(),
            trainer: "Rina".into(),
            instansi: String::new(),
            modules: vec!["pilkada".into()],
            jp: "2".into(),
        }
        .build(
            token.into(),
            Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap(),
            None,
        )
        .unwrap()
    }

    #[test]
    fn saved_sessions_load_and_damaged_files_are_kept() {
        let temp = tempfile::tempdir().unwrap();
        let store = Store::existing(temp.path());
        save(&store, &session("K7Q39P")).unwrap();
        save(&store, &session("A1B2C3")).unwrap();
        assert_eq!(load(&store).sessions.len(), 2);

        let path = file(&store, "A1B2C3");
        fs::write(&path, "(version: 1, broken").unwrap();
        let loaded = load(&store);
        assert_eq!(loaded.sessions.len(), 1);
        assert_eq!(loaded.problems.len(), 1);
        // Saving again sets the damaged file aside instead of overwriting it.
        save(&store, &session("A1B2C3")).unwrap();
        let aside: Vec<_> = fs::read_dir(dir(&store))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("damaged"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(
            fs::read_to_string(aside[0].path()).unwrap(),
            "(version: 1, broken"
        );

        fs::write(&path, "(version: 9)").unwrap();
        assert!(matches!(
            save(&store, &session("A1B2C3")),
            Err(SessionError::Newer { version: 9, .. })
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "(version: 9)");
    }
}
