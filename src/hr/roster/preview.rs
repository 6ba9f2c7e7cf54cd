//! What an import would do, shown before it is done; and doing it. The imported file is the
//! whole list: people absent from it leave the roster, unless the file gives reason to doubt
//! that they are really absent.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, Utc};

use super::{BadRow, Employee, Parsed, Roster, RosterImport};

/// The difference between the roster and a parsed file. Nothing changes on disk until
/// [`apply`] and [`Roster::save`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    /// In the file, not in the roster. Sorted by NIP.
    pub add: Vec<Employee>,
    /// In both, with a different name, unit or position: (now, from the file). Sorted by NIP.
    pub change: Vec<(Employee, Employee)>,
    /// In the roster, absent from the file. Sorted by NIP.
    pub remove: Vec<Employee>,
    /// Absent from the file but kept, because the file may hold them on a bad row whose NIP
    /// cannot be read, or holds nobody at all (an empty template, the wrong sheet). Fixing the
    /// file and importing it again removes them. Sorted by NIP.
    pub held: Vec<Employee>,
    /// In both and the same, or on a bad row whose NIP is valid (kept as they are).
    pub unchanged: usize,
    /// The file's bad rows, in file order.
    pub bad: Vec<BadRow>,
}

impl Preview {
    /// Nothing would change in the roster.
    pub fn changes_nothing(&self) -> bool {
        self.add.is_empty() && self.change.is_empty() && self.remove.is_empty()
    }
}

/// What importing `parsed` into `current` would do.
pub fn preview(current: &Roster, parsed: &Parsed) -> Preview {
    let in_file: HashMap<&str, &Employee> = parsed
        .rows
        .iter()
        .map(|(_, employee)| (employee.nip.as_str(), employee))
        .collect();
    let on_bad_rows: HashSet<&str> = parsed
        .bad
        .iter()
        .filter_map(|row| row.nip.as_deref())
        .collect();
    let mut result = Preview {
        bad: parsed.bad.clone(),
        ..Preview::default()
    };
    let mut absent = Vec::new();
    for employee in current.employees() {
        match in_file.get(employee.nip.as_str()) {
            Some(&new) if new == employee => result.unchanged += 1,
            Some(&new) => result.change.push((employee.clone(), new.clone())),
            None if on_bad_rows.contains(employee.nip.as_str()) => result.unchanged += 1,
            None => absent.push(employee.clone()),
        }
    }
    result.add = parsed
        .rows
        .iter()
        .map(|(_, employee)| employee)
        .filter(|employee| current.by_nip(&employee.nip).is_none())
        .cloned()
        .collect();
    result.add.sort_by(|a, b| a.nip.cmp(&b.nip));
    let unreadable_rows = parsed.bad.iter().any(|row| row.nip.is_none());
    if unreadable_rows || parsed.rows.is_empty() {
        result.held = absent;
    } else {
        result.remove = absent;
    }
    result
}

/// The roster after the import `preview` describes, with the import added to its history.
/// Applied to `current` as a difference, so it is safe on a roster that moved since the
/// preview was made: only the previewed people change. `source` is reduced to the file name.
pub fn apply(current: &Roster, preview: &Preview, source: &str, at: DateTime<Utc>) -> Roster {
    let mut by_nip: BTreeMap<String, Employee> = current
        .employees()
        .iter()
        .map(|employee| (employee.nip.clone(), employee.clone()))
        .collect();
    for employee in &preview.remove {
        by_nip.remove(&employee.nip);
    }
    for employee in preview
        .change
        .iter()
        .map(|(_, new)| new)
        .chain(&preview.add)
    {
        by_nip.insert(employee.nip.clone(), employee.clone());
    }
    let source = Path::new(source).file_name().map_or_else(
        || source.to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    let mut history = current.history().to_vec();
    history.push(RosterImport {
        at,
        source,
        added: preview.add.len(),
        changed: preview.change.len(),
        removed: preview.remove.len(),
        bad: preview.bad.len(),
    });
    Roster::from_parts(by_nip.into_values().collect(), history)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hr::roster::BadReason;
    use crate::hr::roster::columns::{Columns, Found};
    use crate::records::NipError;

    fn person(nip: &str, name: &str, unit: &str) -> Employee {
        Employee {
            nip: nip.to_owned(),
            name: name.to_owned(),
            unit: unit.to_owned(),
            position: None,
        }
    }

    fn parsed(rows: Vec<Employee>, bad: Vec<BadRow>) -> Parsed {
        let found = |index| Found {
            index,
            header: String::new(),
        };
        Parsed {
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, e)| (i + 2, e))
                .collect(),
            bad,
            columns: Columns {
                sheet: None,
                header_line: 1,
                nip: found(0),
                name: found(1),
                unit: found(2),
                position: None,
            },
        }
    }

    fn bad(nip: Option<&str>) -> BadRow {
        BadRow {
            line: 9,
            nip_text: nip.unwrap_or("12").to_owned(),
            nip: nip.map(str::to_owned),
            reason: if nip.is_some() {
                BadReason::NoUnit
            } else {
                BadReason::Nip(NipError::Length(2))
            },
        }
    }

    fn roster() -> Roster {
        Roster::from_parts(
            vec![
                person("1", "Ani", "Umum"),
                person("2", "Budi", "Umum"),
                person("3", "Citra", "Keuangan"),
                person("4", "Dedi", "Keuangan"),
            ],
            Vec::new(),
        )
    }

    #[test]
    fn add_change_remove_unchanged() {
        let file = parsed(
            vec![
                person("5", "Eka", "Umum"),
                person("1", "Ani", "Umum"),
                person("2", "Budi", "Keuangan"),
            ],
            Vec::new(),
        );
        let preview = preview(&roster(), &file);
        assert_eq!(preview.add, [person("5", "Eka", "Umum")]);
        assert_eq!(
            preview.change,
            [(person("2", "Budi", "Umum"), person("2", "Budi", "Keuangan"))]
        );
        assert_eq!(
            preview.remove,
            [
                person("3", "Citra", "Keuangan"),
                person("4", "Dedi", "Keuangan")
            ]
        );
        assert!(preview.held.is_empty());
        assert_eq!(preview.unchanged, 1);

        let at = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
        let after = apply(&roster(), &preview, "/media/usb/pegawai.csv", at);
        let nips: Vec<&str> = after.employees().iter().map(|e| e.nip.as_str()).collect();
        assert_eq!(nips, ["1", "2", "5"]);
        assert_eq!(after.by_nip("2").unwrap().unit, "Keuangan");
        assert_eq!(
            after.history(),
            [RosterImport {
                at,
                source: "pegawai.csv".into(),
                added: 1,
                changed: 1,
                removed: 2,
                bad: 0,
            }]
        );
    }

    #[test]
    fn a_bad_row_with_a_valid_nip_keeps_that_person() {
        let file = parsed(vec![person("1", "Ani", "Umum")], vec![bad(Some("2"))]);
        let preview = preview(&roster(), &file);
        let removed: Vec<&str> = preview.remove.iter().map(|e| e.nip.as_str()).collect();
        assert_eq!(removed, ["3", "4"]);
        assert_eq!(preview.unchanged, 2);
    }

    #[test]
    fn an_unreadable_nip_or_an_empty_file_removes_nobody() {
        let file = parsed(vec![person("1", "Ani", "Umum")], vec![bad(None)]);
        let preview = preview(&roster(), &file);
        assert!(preview.remove.is_empty());
        assert_eq!(preview.held.len(), 3);
        let after = apply(&roster(), &preview, "x.csv", Utc::now());
        assert_eq!(after.employees().len(), 4);

        let empty = preview_of_empty();
        assert!(empty.remove.is_empty());
        assert_eq!(empty.held.len(), 4);
        assert!(empty.changes_nothing());
    }

    fn preview_of_empty() -> Preview {
        preview(&roster(), &parsed(Vec::new(), Vec::new()))
    }

    #[test]
    fn apply_on_a_roster_that_moved_changes_only_what_was_previewed() {
        let file = parsed(vec![person("9", "Gita", "Umum")], Vec::new());
        let preview = preview(&Roster::default(), &file);
        let after = apply(&roster(), &preview, "x.csv", Utc::now());
        assert_eq!(after.employees().len(), 5);
    }
}
