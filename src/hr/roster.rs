//! The roster (daftar pegawai): who works where, imported from the list HR already keeps (CSV or
//! Excel), so completion can be reported against everyone who should train, not only those who
//! did.
//!
//! The flow, for the HR screen and `latih-asn roster import` alike:
//! [`parse_file`] → [`preview`] (shown to HR) → [`apply`] → [`Roster::save`]. Nothing is
//! written before `save`, and `save` never overwrites a roster file it cannot read.

mod columns;
mod error;
mod parse;
mod preview;
mod table;
mod template;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use columns::{Column, Columns, Found, HEADER_SEARCH_ROWS};
pub use error::RosterError;
pub use parse::{BadReason, BadRow, MAX_FILE_BYTES, Parsed, parse_bytes, parse_file};
pub use preview::{Preview, apply, preview};
pub use template::{TEMPLATE_HEADER, write_template};

/// The format of `roster.ron` this version writes and reads.
pub const FORMAT: u32 = 1;

/// One employee, as the roster file had them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Employee {
    /// 18 digits, checked by [`crate::records::Nip::parse`] on import.
    pub nip: String,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub position: Option<String>,
}

/// One import, kept so HR can tell when the roster was last brought up to date, and from what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterImport {
    pub at: DateTime<Utc>,
    /// The file's name only (where it lay on a USB stick says nothing later).
    pub source: String,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub bad: usize,
}

/// Everyone on the roster, sorted by NIP, and the imports that made it.
///
/// The fields are private so the order holds: [`Roster::by_nip`] is a binary search over it,
/// about 14 comparisons at 10,000 employees, with no second copy of the NIPs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    format: u32,
    employees: Vec<Employee>,
    #[serde(default)]
    history: Vec<RosterImport>,
}

impl Default for Roster {
    fn default() -> Self {
        Roster {
            format: FORMAT,
            employees: Vec::new(),
            history: Vec::new(),
        }
    }
}

/// Only the format, read first so a newer file is recognised even when the rest would not parse.
#[derive(Deserialize)]
struct Versioned {
    format: u32,
}

impl Roster {
    /// A roster of `employees` (any order; sorted here) with `history`.
    pub(crate) fn from_parts(mut employees: Vec<Employee>, history: Vec<RosterImport>) -> Roster {
        employees.sort_by(|a, b| a.nip.cmp(&b.nip));
        Roster {
            format: FORMAT,
            employees,
            history,
        }
    }

    /// The format the roster was read in (always [`FORMAT`] once saved by this version).
    pub fn format(&self) -> u32 {
        self.format
    }

    /// Everyone, sorted by NIP.
    pub fn employees(&self) -> &[Employee] {
        &self.employees
    }

    /// The imports, oldest first.
    pub fn history(&self) -> &[RosterImport] {
        &self.history
    }

    /// The employee with this NIP (18 digits, no spaces).
    pub fn by_nip(&self, nip: &str) -> Option<&Employee> {
        self.employees
            .binary_search_by(|employee| employee.nip.as_str().cmp(nip))
            .ok()
            .map(|index| &self.employees[index])
    }

    /// Every unit kerja on the roster, sorted, each once.
    pub fn units(&self) -> Vec<String> {
        let units: BTreeSet<&str> = self.employees.iter().map(|e| e.unit.as_str()).collect();
        units.into_iter().map(str::to_owned).collect()
    }

    /// `<data>/hr/roster.ron`.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("hr").join("roster.ron")
    }

    /// The saved roster; an empty one when there is no roster file yet. A roster file from a
    /// newer version or a damaged one is an error, and stays as it is.
    pub fn load(data_dir: &Path) -> Result<Roster, RosterError> {
        let path = Roster::path(data_dir);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Roster::default());
            }
            Err(error) => return Err(RosterError::read(&path, error)),
        };
        let damaged = |detail: String| RosterError::Damaged {
            path: path.clone(),
            detail,
        };
        let text = String::from_utf8(bytes).map_err(|error| damaged(error.to_string()))?;
        let Versioned { format } =
            ron::from_str(&text).map_err(|error| damaged(error.to_string()))?;
        if format > FORMAT {
            return Err(RosterError::Newer { path, format });
        }
        let mut roster: Roster =
            ron::from_str(&text).map_err(|error| damaged(error.to_string()))?;
        roster.employees.sort_by(|a, b| a.nip.cmp(&b.nip));
        if let Some(pair) = roster.employees.windows(2).find(|p| p[0].nip == p[1].nip) {
            return Err(damaged(format!("NIP {} appears twice", pair[0].nip)));
        }
        Ok(roster)
    }

    /// Saves the roster atomically to [`Roster::path`]. Refused, with nothing written, when the
    /// file there cannot be read (newer or damaged: it is never overwritten) or when it holds an
    /// import this roster does not (another window or command imported meanwhile; load again).
    pub fn save(&self, data_dir: &Path) -> Result<(), RosterError> {
        let path = Roster::path(data_dir);
        let dir = data_dir.join("hr");
        std::fs::create_dir_all(&dir).map_err(|error| RosterError::write(&dir, error))?;
        let lock_path = dir.join("roster.lock");
        let lock_file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|error| RosterError::write(&lock_path, error))?;
        let mut lock = fd_lock::RwLock::new(lock_file);
        let _held = lock
            .write()
            .map_err(|error| RosterError::write(&lock_path, error))?;
        let on_disk = Roster::load(data_dir)?;
        if !self.history.starts_with(&on_disk.history) {
            return Err(RosterError::Changed);
        }
        let mut saved = self.clone();
        saved.format = FORMAT;
        let text = ron::ser::to_string_pretty(&saved, ron::ser::PrettyConfig::default())
            .map_err(|error| RosterError::write(&path, error))?;
        crate::records::write_atomic(&path, text.as_bytes())
            .map_err(|error| RosterError::write(&path, error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(nip: &str, unit: &str) -> Employee {
        Employee {
            nip: nip.to_owned(),
            name: format!("Pegawai {nip}"),
            unit: unit.to_owned(),
            position: None,
        }
    }

    #[test]
    fn by_nip_and_units() {
        let roster = Roster::from_parts(
            vec![
                person("3", "Umum"),
                person("1", "Keuangan"),
                person("2", "Umum"),
            ],
            Vec::new(),
        );
        assert_eq!(roster.by_nip("2").map(|e| e.nip.as_str()), Some("2"));
        assert!(roster.by_nip("4").is_none());
        assert_eq!(roster.units(), ["Keuangan", "Umum"]);
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Roster::load(dir.path()).unwrap(), Roster::default());
        let roster = Roster::from_parts(vec![person("1", "Umum")], Vec::new());
        roster.save(dir.path()).unwrap();
        assert_eq!(Roster::load(dir.path()).unwrap(), roster);
    }
}
