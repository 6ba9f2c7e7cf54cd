//! The admin PIN that keeps learners out of the HR and trainer areas.
//!
//! Only an Argon2id hash is stored (`admin/pin.ron`), with the count of wrong tries and when the
//! last one happened, so that closing the app does not reset the growing delay. The PIN guards
//! the screens of a shared PC, not the files: anyone who can edit the data folder can remove it,
//! which is why a reset is only possible from the command line and is written to the journal.

use std::path::{Path, PathBuf};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n;
use crate::lang::Lang;
use crate::records::write_atomic;

const FORMAT: u32 = 1;
pub const PIN_FILE: &str = "admin/pin.ron";
pub const MIN_LEN: usize = 6;
pub const MAX_LEN: usize = 12;
/// Wrong tries allowed before the app makes the user wait.
const FREE_TRIES: u32 = 3;
/// The longest wait: long enough to make guessing a 6-digit PIN take years.
const MAX_DELAY_SECS: i64 = 15 * 60;

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum PinError {
    #[error("the PIN must be {MIN_LEN} to {MAX_LEN} digits")]
    BadShape,
    #[error("the two PINs differ")]
    Mismatch,
    #[error("wrong PIN")]
    Wrong { wait_secs: i64 },
    #[error("too many wrong tries; wait {wait_secs} s")]
    Wait { wait_secs: i64 },
    #[error("no admin PIN has been set")]
    NotSet,
    #[error("the PIN file cannot be read: {0}")]
    Unreadable(String),
    #[error("the PIN file is from a newer version ({0})")]
    Newer(u32),
    #[error("the PIN cannot be saved: {0}")]
    Save(String),
}

impl PinError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PinError::BadShape => i18n::tr_args(
                lang,
                "pin-error-shape",
                &[("min", &MIN_LEN.to_string()), ("max", &MAX_LEN.to_string())],
            ),
            PinError::Mismatch => i18n::tr(lang, "pin-error-mismatch"),
            PinError::Wrong { wait_secs: 0 } => i18n::tr(lang, "pin-error-wrong"),
            PinError::Wrong { wait_secs } | PinError::Wait { wait_secs } => i18n::tr_args(
                lang,
                "pin-error-wait",
                &[("seconds", &wait_secs.to_string())],
            ),
            PinError::NotSet => i18n::tr(lang, "pin-error-not-set"),
            PinError::Unreadable(detail) => {
                i18n::tr_args(lang, "pin-error-unreadable", &[("detail", detail)])
            }
            PinError::Newer(version) => i18n::tr_args(
                lang,
                "pin-error-newer",
                &[("version", &version.to_string())],
            ),
            PinError::Save(detail) => i18n::tr_args(lang, "pin-error-save", &[("detail", detail)]),
        }
    }
}

/// What is stored: the hash and the record of wrong tries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPin {
    pub format: u32,
    /// Argon2id hash in PHC string form (carries its own salt and cost).
    pub hash: String,
    pub failures: u32,
    pub last_failure: Option<DateTime<Utc>>,
}

/// Checks that a new PIN has the right shape and that both entries agree.
pub fn validate(pin: &str, again: &str) -> Result<(), PinError> {
    let shape = (MIN_LEN..=MAX_LEN).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit());
    if !shape {
        return Err(PinError::BadShape);
    }
    if pin != again {
        return Err(PinError::Mismatch);
    }
    Ok(())
}

/// Argon2id with OWASP's smallest recommended memory (19 MiB, 2 passes): about 50 ms on an old
/// office PC, slow enough against guessing from a copied file.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

impl AdminPin {
    pub fn new(pin: &str) -> Result<AdminPin, PinError> {
        validate(pin, pin)?;
        let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
            .map_err(|error| PinError::Save(error.to_string()))?;
        let hash = hasher()
            .hash_password(pin.as_bytes(), &salt)
            .map_err(|error| PinError::Save(error.to_string()))?
            .to_string();
        Ok(AdminPin {
            format: FORMAT,
            hash,
            failures: 0,
            last_failure: None,
        })
    }

    /// How long the user must still wait before the next try.
    pub fn wait(&self, now: DateTime<Utc>) -> i64 {
        let Some(last) = self.last_failure else {
            return 0;
        };
        let until = last + Duration::seconds(delay_after(self.failures));
        (until - now).num_seconds().max(0)
    }

    /// Tries a PIN. A right PIN clears the wrong tries; a wrong one adds one (save afterwards).
    pub fn try_pin(&mut self, pin: &str, now: DateTime<Utc>) -> Result<(), PinError> {
        let wait_secs = self.wait(now);
        if wait_secs > 0 {
            return Err(PinError::Wait { wait_secs });
        }
        let parsed = PasswordHash::new(&self.hash)
            .map_err(|error| PinError::Unreadable(error.to_string()))?;
        if hasher().verify_password(pin.as_bytes(), &parsed).is_ok() {
            self.failures = 0;
            self.last_failure = None;
            Ok(())
        } else {
            self.failures = self.failures.saturating_add(1);
            self.last_failure = Some(now);
            Err(PinError::Wrong {
                wait_secs: delay_after(self.failures),
            })
        }
    }
}

/// The wait after `failures` wrong tries: none for the first three, then 5 s doubling to 15 min.
pub fn delay_after(failures: u32) -> i64 {
    if failures < FREE_TRIES {
        return 0;
    }
    let doublings = (failures - FREE_TRIES).min(16);
    (5_i64 << doublings).min(MAX_DELAY_SECS)
}

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(PIN_FILE)
}

/// Reads the PIN file: `Ok(None)` when no PIN has been set yet.
pub fn load(data_dir: &Path) -> Result<Option<AdminPin>, PinError> {
    let text = match std::fs::read_to_string(path(data_dir)) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(PinError::Unreadable(error.to_string())),
    };
    let pin: AdminPin =
        ron::from_str(&text).map_err(|error| PinError::Unreadable(error.to_string()))?;
    if pin.format > FORMAT {
        return Err(PinError::Newer(pin.format));
    }
    Ok(Some(pin))
}

pub fn save(data_dir: &Path, pin: &AdminPin) -> Result<(), PinError> {
    let text = ron::ser::to_string_pretty(pin, ron::ser::PrettyConfig::default())
        .map_err(|error| PinError::Save(error.to_string()))?;
    write_atomic(&path(data_dir), text.as_bytes())
        .map_err(|error| PinError::Save(error.to_string()))
}

/// Checks a PIN against the stored one and records the try, so the delay survives a restart.
pub fn unlock(data_dir: &Path, pin: &str, now: DateTime<Utc>) -> Result<(), PinError> {
    let mut stored = load(data_dir)?.ok_or(PinError::NotSet)?;
    let before = stored.clone();
    let outcome = stored.try_pin(pin, now);
    if stored != before {
        save(data_dir, &stored)?;
    }
    outcome
}

/// Sets the first PIN, or replaces one after `unlock` succeeded.
pub fn set(data_dir: &Path, pin: &str, again: &str) -> Result<(), PinError> {
    validate(pin, again)?;
    save(data_dir, &AdminPin::new(pin)?)
}

/// Replaces the PIN: the current one is checked first (and counts as a try).
pub fn change(
    data_dir: &Path,
    current: &str,
    new: &str,
    again: &str,
    now: DateTime<Utc>,
) -> Result<(), PinError> {
    validate(new, again)?;
    unlock(data_dir, current, now)?;
    set(data_dir, new, again)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_and_confirmation() {
        assert_eq!(validate("12345", "12345"), Err(PinError::BadShape));
        assert_eq!(validate("12345a", "12345a"), Err(PinError::BadShape));
        assert_eq!(
            validate("1234567890123", "1234567890123"),
            Err(PinError::BadShape)
        );
        assert_eq!(validate("123456", "123457"), Err(PinError::Mismatch));
        assert_eq!(validate("123456", "123456"), Ok(()));
    }

    #[test]
    fn right_pin_opens_and_wrong_tries_grow_the_wait() {
        let now = Utc::now();
        let mut pin = AdminPin::new("246810").unwrap();
        assert!(pin.hash.starts_with("$argon2id$"));
        assert!(!pin.hash.contains("246810"));
        assert_eq!(
            pin.try_pin("000000", now),
            Err(PinError::Wrong { wait_secs: 0 })
        );
        assert_eq!(
            pin.try_pin("000000", now),
            Err(PinError::Wrong { wait_secs: 0 })
        );
        assert_eq!(
            pin.try_pin("000000", now),
            Err(PinError::Wrong { wait_secs: 5 })
        );
        // Even the right PIN waits now.
        assert_eq!(
            pin.try_pin("246810", now),
            Err(PinError::Wait { wait_secs: 5 })
        );
        let later = now + Duration::seconds(6);
        assert_eq!(
            pin.try_pin("999999", later),
            Err(PinError::Wrong { wait_secs: 10 })
        );
        let later = later + Duration::seconds(11);
        assert_eq!(pin.try_pin("246810", later), Ok(()));
        assert_eq!(pin.failures, 0);
        assert_eq!(pin.wait(later), 0);
    }

    #[test]
    fn delay_is_capped() {
        assert_eq!(delay_after(0), 0);
        assert_eq!(delay_after(2), 0);
        assert_eq!(delay_after(3), 5);
        assert_eq!(delay_after(4), 10);
        assert_eq!(delay_after(100), MAX_DELAY_SECS);
    }

    #[test]
    fn stored_and_read_back_with_its_failures() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), Ok(None));
        let mut pin = AdminPin::new("135790").unwrap();
        let _ = pin.try_pin("111111", Utc::now());
        save(dir.path(), &pin).unwrap();
        let back = load(dir.path()).unwrap().unwrap();
        assert_eq!(back, pin);
        assert_eq!(back.failures, 1);
    }

    #[test]
    fn change_needs_the_current_pin() {
        let dir = tempfile::tempdir().unwrap();
        set(dir.path(), "135790", "135790").unwrap();
        let now = Utc::now();
        assert_eq!(
            change(dir.path(), "000000", "246810", "246810", now),
            Err(PinError::Wrong { wait_secs: 0 })
        );
        assert_eq!(
            change(dir.path(), "135790", "246810", "246811", now),
            Err(PinError::Mismatch)
        );
        change(dir.path(), "135790", "246810", "246810", now).unwrap();
        assert_eq!(unlock(dir.path(), "246810", now), Ok(()));
        assert!(unlock(dir.path(), "135790", now).is_err());
    }

    #[test]
    fn newer_or_damaged_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("admin")).unwrap();
        std::fs::write(path(dir.path()), "garbage(").unwrap();
        assert!(matches!(load(dir.path()), Err(PinError::Unreadable(_))));
        let mut pin = AdminPin::new("135790").unwrap();
        pin.format = 9;
        let text = ron::to_string(&pin).unwrap();
        std::fs::write(path(dir.path()), text).unwrap();
        assert_eq!(load(dir.path()), Err(PinError::Newer(9)));
    }
}
