//! A training session (*sesi*): what a trainer sets up and the room it gathers. Pure data and
//! the changes the trainer's screens make to it; saving is in [`crate::training::sessions`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::content::Form;
use crate::records::Nip;
use crate::training::code;

/// Version of the session file this build writes.
pub const SESSION_VERSION: u32 = 1;

/// Which of the two tests of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TestPhase {
    Pre,
    Post,
}

/// What an attempt made for a session carries (inside its signature): which session, by its
/// token, and which test. A desk PC knows the token from the code it was given, not the session.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SessionTag {
    pub token: String,
    pub phase: TestPhase,
}

impl SessionTag {
    /// The session id (and xAPI registration) this tag belongs to.
    pub fn session_id(&self) -> Uuid {
        code::session_id(&self.token)
    }
}

/// How a participant came onto the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Added {
    Roster,
    Typed,
    File,
}

/// One person on the attendance list, keyed by NIP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub nip: String,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub position: Option<String>,
    pub added: Added,
    /// When the trainer marked them present.
    #[serde(default)]
    pub present: Option<DateTime<Utc>>,
    /// Taken off the list (kept, so a second running copy does not bring them back).
    #[serde(default)]
    pub removed: bool,
    /// Last change to this entry: when two copies changed the same person, the later wins.
    pub changed: DateTime<Utc>,
}

/// The forms the two tests use (pre A and post B unless the trainer swaps them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forms {
    pub pre: Form,
    pub post: Form,
}

impl Default for Forms {
    fn default() -> Self {
        Forms {
            pre: Form::A,
            post: Form::B,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    /// Derived from the token ([`code::session_id`]).
    pub id: Uuid,
    /// Six characters, shown to the room and carried by every attempt of the session.
    pub token: String,
    pub title: String,
    pub date: NaiveDate,
    pub place: String,
    pub trainer: String,
    /// The organising instansi (printed on the attendance list and the report).
    pub instansi: String,
    /// Modules covered; the first is the one the pre- and post-test are drawn from.
    pub modules: Vec<String>,
    pub jp: u32,
    #[serde(default)]
    pub forms: Forms,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    #[serde(default)]
    pub closed: Option<DateTime<Utc>>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// The laptop that created it.
    #[serde(default)]
    pub device: Option<Uuid>,
}

/// The session form as typed, before checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionDraft {
    pub title: String,
    pub date: String,
    pub place: String,
    pub trainer: String,
    pub instansi: String,
    pub modules: Vec<String>,
    pub jp: String,
}

/// A field of the session form that was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("title is required")]
    Title,
    #[error("date must be YYYY-MM-DD")]
    Date,
    #[error("place is required")]
    Place,
    #[error("trainer is required")]
    Trainer,
    #[error("at least one module")]
    Modules,
    #[error("JP must be a whole number from 1 to 40")]
    Jp,
}

/// Most JP one session can be worth (a week of full days).
pub const JP_MAX: u32 = 40;
/// Longest text in a session field.
pub const TEXT_CHARS: usize = 160;

fn field(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && text.chars().count() <= TEXT_CHARS && !text.contains('\n'))
        .then(|| text.to_owned())
}

impl SessionDraft {
    /// Checks the form and makes the session (with a new token, or `token` when given).
    pub fn build(
        &self,
        token: String,
        now: DateTime<Utc>,
        device: Option<Uuid>,
    ) -> Result<Session, Vec<DraftError>> {
        let mut errors = Vec::new();
        let title = field(&self.title).ok_or(DraftError::Title);
        let date =
            NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d").map_err(|_| DraftError::Date);
        let place = field(&self.place).ok_or(DraftError::Place);
        let trainer = field(&self.trainer).ok_or(DraftError::Trainer);
        let jp = self
            .jp
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|jp| (1..=JP_MAX).contains(jp))
            .ok_or(DraftError::Jp);
        if self.modules.is_empty() {
            errors.push(DraftError::Modules);
        }
        for error in [
            title.as_ref().err(),
            date.as_ref().err(),
            place.as_ref().err(),
            trainer.as_ref().err(),
            jp.as_ref().err(),
        ]
        .into_iter()
        .flatten()
        {
            errors.push(*error);
        }
        errors.sort_by_key(|e| *e as u8);
        match (title, date, place, trainer, jp) {
            (Ok(title), Ok(date), Ok(place), Ok(trainer), Ok(jp)) if errors.is_empty() => {
                Ok(Session {
                    version: SESSION_VERSION,
                    id: code::session_id(&token),
                    token,
                    title,
                    date,
                    place,
                    trainer,
                    instansi: self.instansi.trim().to_owned(),
                    modules: self.modules.clone(),
                    jp,
                    forms: Forms::default(),
                    created: now,
                    updated: now,
                    closed: None,
                    participants: Vec::new(),
                    device,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Why a participant could not be added.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddError {
    #[error("invalid NIP: {0}")]
    Nip(crate::records::NipError),
    #[error("name is required")]
    Name,
    #[error("already on the list")]
    Duplicate,
}

impl Session {
    /// The module the tests are drawn from.
    pub fn test_module(&self) -> Option<&str> {
        self.modules.first().map(String::as_str)
    }

    pub fn form(&self, phase: TestPhase) -> Form {
        match phase {
            TestPhase::Pre => self.forms.pre,
            TestPhase::Post => self.forms.post,
        }
    }

    /// Pre takes B and post A (or back), for a room that saw form A last time.
    pub fn swap_forms(&mut self, now: DateTime<Utc>) {
        self.forms = Forms {
            pre: self.forms.post,
            post: self.forms.pre,
        };
        self.updated = now;
    }

    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// The people on the list (not removed), in the order they were added.
    pub fn listed(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| !p.removed)
    }

    pub fn participant(&self, nip: &str) -> Option<&Participant> {
        self.listed().find(|p| p.nip == nip)
    }

    pub fn present_count(&self) -> usize {
        self.listed().filter(|p| p.present.is_some()).count()
    }

    /// Adds a person after checking the NIP (the same check as a profile) and the name; a
    /// person taken off the list earlier comes back.
    pub fn add(
        &mut self,
        nip: &str,
        name: &str,
        unit: &str,
        position: Option<String>,
        added: Added,
        now: DateTime<Utc>,
    ) -> Result<(), AddError> {
        let nip = Nip::parse(nip, now.date_naive()).map_err(AddError::Nip)?;
        let name = field(name).ok_or(AddError::Name)?;
        if self.participant(nip.as_str()).is_some() {
            return Err(AddError::Duplicate);
        }
        let entry = Participant {
            nip: nip.as_str().to_owned(),
            name,
            unit: unit.trim().to_owned(),
            position,
            added,
            present: None,
            removed: false,
            changed: now,
        };
        match self.participants.iter_mut().find(|p| p.nip == entry.nip) {
            Some(slot) => *slot = entry,
            None => self.participants.push(entry),
        }
        self.updated = now;
        Ok(())
    }

    /// Marks a person present (or not); `false` when nobody on the list has that NIP.
    pub fn set_present(&mut self, nip: &str, present: bool, now: DateTime<Utc>) -> bool {
        let Some(person) = self
            .participants
            .iter_mut()
            .find(|p| p.nip == nip && !p.removed)
        else {
            return false;
        };
        person.present = present.then_some(person.present.unwrap_or(now));
        person.changed = now;
        self.updated = now;
        true
    }

    pub fn remove(&mut self, nip: &str, now: DateTime<Utc>) -> bool {
        let Some(person) = self.participants.iter_mut().find(|p| p.nip == nip) else {
            return false;
        };
        person.removed = true;
        person.present = None;
        person.changed = now;
        self.updated = now;
        true
    }

    /// The people whose name or NIP contains every word typed, best first: those not yet
    /// marked, then by name. What the attendance field shows as the trainer types.
    pub fn search(&self, typed: &str) -> Vec<&Participant> {
        let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<&Participant> = self
            .listed()
            .filter(|p| {
                let name = p.name.to_lowercase();
                words
                    .iter()
                    .all(|w| name.contains(w.as_str()) || p.nip.contains(w.as_str()))
            })
            .collect();
        found.sort_by_key(|p| (p.present.is_some(), p.name.to_lowercase()));
        found
    }

    /// Combines this copy with the one on disk (another running copy may have marked people):
    /// per person the later change wins; the session's own fields are this copy's.
    pub fn merged_with(&self, disk: &Session) -> Session {
        let mut merged = self.clone();
        for theirs in &disk.participants {
            match merged.participants.iter_mut().find(|p| p.nip == theirs.nip) {
                Some(ours) if theirs.changed > ours.changed => *ours = theirs.clone(),
                Some(_) => {}
                None => merged.participants.push(theirs.clone()),
            }
        }
        merged.updated = self.updated.max(disk.updated);
        if merged.closed.is_none() {
            merged.closed = disk.closed;
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    pub(crate) fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap()
    }

    pub(crate) fn draft() -> SessionDraft {
        SessionDraft {
            title: "Sosialisasi netralitas ASN".into(),
            date: "2026-11-20".into(),
            place: "Aula Kantor Bupati Mesuji".into(),
            trainer: "Rina Wulandari".into(),
            instansi: "BKPSDM Kabupaten Mesuji".into(),
            modules: vec!["pilkada".into(), "asn".into()],
            jp: "4".into(),
        }
    }

    #[test]
    fn a_session_is_built_from_a_checked_form() {
        let session = draft().build("K7Q39P".into(), now(), None).unwrap();
        assert_eq!(session.test_module(), Some("pilkada"));
        assert_eq!(session.id, code::session_id("K7Q39P"));
        assert_eq!(session.form(TestPhase::Pre), Form::A);
        let bad = SessionDraft {
            title: " ".into(),
            date: "20-11-2026".into(),
            modules: vec![],
            jp: "41".into(),
            ..draft()
        };
        assert_eq!(
            bad.build("K7Q39P".into(), now(), None).unwrap_err(),
            vec![
                DraftError::Title,
                DraftError::Date,
                DraftError::Modules,
                DraftError::Jp
            ]
        );
    }

    #[test]
    fn attendance_adds_checks_marks_and_merges() {
        let mut session = draft().build("K7Q39P".into(), now(), None).unwrap();
        let nip = "198507152010012003";
        session
            .add(nip, "Siti Aminah", "Bagian Umum", None, Added::Typed, now())
            .unwrap();
        assert_eq!(
            session.add(nip, "Siti", "", None, Added::Typed, now()),
            Err(AddError::Duplicate)
        );
        assert!(matches!(
            session.add("123", "X", "", None, Added::Typed, now()),
            Err(AddError::Nip(_))
        ));
        assert_eq!(session.search("amin")[0].nip, nip);
        assert_eq!(session.search("2010012003")[0].name, "Siti Aminah");
        assert!(session.search("budi").is_empty());

        let disk = session.clone();
        let later = now() + chrono::Duration::minutes(5);
        assert!(session.set_present(nip, true, later));
        assert_eq!(session.present_count(), 1);
        // The copy on disk is older: the mark survives the merge, in either direction.
        assert_eq!(session.merged_with(&disk).present_count(), 1);
        assert_eq!(disk.merged_with(&session).present_count(), 1);

        assert!(session.remove(nip, later));
        assert_eq!(session.listed().count(), 0);
        session
            .add(nip, "Siti Aminah", "Bagian Umum", None, Added::Typed, later)
            .unwrap();
        assert_eq!(session.listed().count(), 1);
    }
}
