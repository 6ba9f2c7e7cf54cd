//! From a file HR chose to employees and bad rows. Every row below the header ends up in one of
//! the two lists (or is blank): a bad row is never dropped without a word.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use crate::i18n;
use crate::lang::Lang;
use crate::records::{Nip, NipError};

use super::columns::{Column, Columns};
use super::table::{self, Cell, Row};
use super::{Employee, RosterError};

/// Files over this size are refused before they are read (a roster of 10,000 is about 1 MB).
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// What a file holds: the employees on good rows and every bad row, each with its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Good rows in file order, with their line as the spreadsheet shows it. No two have the
    /// same NIP.
    pub rows: Vec<(usize, Employee)>,
    /// Bad rows in file order.
    pub bad: Vec<BadRow>,
    /// Where the columns were found.
    pub columns: Columns,
}

/// A row that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// 1-based, as the spreadsheet shows it.
    pub line: usize,
    /// The NIP cell as written, for showing next to the reason.
    pub nip_text: String,
    /// The NIP when it is valid (the row is bad for another reason). The person it names is
    /// never removed by the import: their row is there, only wrong.
    pub nip: Option<String>,
    pub reason: BadReason,
}

/// Why a row was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadReason {
    /// The NIP cell is empty.
    NoNip,
    /// The NIP is not a valid NIP.
    Nip(NipError),
    /// The NIP was an Excel number (or Excel wrote it into the CSV as one, `1,98501E+17`):
    /// its last digits are lost.
    StoredAsNumber,
    /// The same NIP is on an earlier line.
    Duplicate {
        first_line: usize,
    },
    NoName,
    NoUnit,
}

impl BadReason {
    pub fn message(self, lang: Lang) -> String {
        match self {
            BadReason::NoNip => i18n::tr(lang, "roster-bad-no-nip"),
            BadReason::Nip(error) => error.message(lang),
            BadReason::StoredAsNumber => i18n::tr(lang, "roster-bad-number"),
            BadReason::Duplicate { first_line } => i18n::tr_args(
                lang,
                "roster-bad-duplicate",
                &[("line", &first_line.to_string())],
            ),
            BadReason::NoName => i18n::tr(lang, "roster-bad-no-name"),
            BadReason::NoUnit => i18n::tr(lang, "roster-bad-no-unit"),
        }
    }
}

/// Reads and parses the file at `path` (CSV or `.xlsx`). A file over [`MAX_FILE_BYTES`] is
/// refused before it is read. NIPs are checked against `today`.
pub fn parse_file(path: &Path, today: NaiveDate) -> Result<Parsed, RosterError> {
    let file = std::fs::File::open(path).map_err(|e| RosterError::read(path, e))?;
    let size = file
        .metadata()
        .map_err(|e| RosterError::read(path, e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(RosterError::TooLarge { bytes: size });
    }
    // The file may grow between the check and the read: read one byte past the limit at most.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| RosterError::read(path, e))?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_bytes(&name, &bytes, today)
}

/// Parses the bytes of a file named `name` (the name only matters for telling a broken `.xlsx`
/// from a CSV). NIPs are checked against `today`.
pub fn parse_bytes(name: &str, bytes: &[u8], today: NaiveDate) -> Result<Parsed, RosterError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(RosterError::TooLarge { bytes: size });
    }
    let table = table::read(name, bytes)?;
    Ok(rows(&table.rows[table.header + 1..], table.columns, today))
}

fn rows(rows: &[Row], columns: Columns, today: NaiveDate) -> Parsed {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut first = true;
    for row in rows {
        if row.is_blank() {
            continue;
        }
        let is_first = std::mem::take(&mut first);
        if (is_first && is_column_numbers(row)) || repeats_header(row, &columns) {
            continue;
        }
        let nip_cell = row.cell(columns.nip.index);
        let nip_text = nip_cell.text().trim().to_owned();
        let name = tidy(&row.cell(columns.name.index).text());
        let unit = tidy(&row.cell(columns.unit.index).text());
        let position = columns
            .position
            .as_ref()
            .map(|found| tidy(&row.cell(found.index).text()))
            .filter(|position| !position.is_empty());
        let checked = check_nip(nip_cell, today).and_then(|nip| {
            let nip = nip.as_str().to_owned();
            if let Some(&line) = first_line.get(&nip) {
                return Err((BadReason::Duplicate { first_line: line }, Some(nip)));
            }
            first_line.insert(nip.clone(), row.line);
            if name.is_empty() {
                Err((BadReason::NoName, Some(nip)))
            } else if unit.is_empty() {
                Err((BadReason::NoUnit, Some(nip)))
            } else {
                Ok(nip)
            }
        });
        match checked {
            Ok(nip) => good.push((
                row.line,
                Employee {
                    nip,
                    name,
                    unit,
                    position,
                },
            )),
            Err((reason, nip)) => bad.push(BadRow {
                line: row.line,
                nip_text,
                nip,
                reason,
            }),
        }
    }
    Parsed {
        rows: good,
        bad,
        columns,
    }
}

/// The NIP in a cell, as HR's files write it: `'1985…` (Excel's text prefix), `="1985…"` (our
/// own CSV export, so Excel keeps the digits), with spaces or dots between the groups.
fn check_nip(cell: &Cell, today: NaiveDate) -> Result<Nip, (BadReason, Option<String>)> {
    let text = match cell {
        Cell::Number(_) => return Err((BadReason::StoredAsNumber, None)),
        Cell::Empty => return Err((BadReason::NoNip, None)),
        Cell::Text(text) => text.trim(),
    };
    let text = text.strip_prefix('\'').unwrap_or(text);
    let text = text
        .strip_prefix("=\"")
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(text)
        .trim();
    if text.is_empty() {
        return Err((BadReason::NoNip, None));
    }
    if is_scientific(text) {
        return Err((BadReason::StoredAsNumber, None));
    }
    Nip::parse(text, today).map_err(|error| (BadReason::Nip(error), None))
}

/// `1,98501E+17` or `1.98501e17`: what Excel writes into a CSV for a number too long to show.
fn is_scientific(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once(['.', ',']) {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(mantissa),
    };
    mantissa_ok && digits(exponent)
}

/// The row of column numbers (1, 2, 3, …) that official tables put under the header.
fn is_column_numbers(row: &Row) -> bool {
    let numbers: Vec<u32> = row
        .cells
        .iter()
        .map(|cell| cell.text().trim().to_owned())
        .filter(|text| !text.is_empty())
        .map(|text| text.parse::<u32>().unwrap_or(u32::MAX))
        .collect();
    numbers.len() >= 3
        && numbers[0] == 1
        && numbers
            .windows(2)
            .all(|pair| pair[0].checked_add(1) == Some(pair[1]))
}

/// The header again (exports repeat it on every printed page).
fn repeats_header(row: &Row, columns: &Columns) -> bool {
    Column::of_header(&row.cell(columns.nip.index).text()) == Some(Column::Nip)
        && Column::of_header(&row.cell(columns.name.index).text()) == Some(Column::Name)
}

/// Trimmed, with runs of spaces (and line breaks inside a cell) as one space, so that a
/// re-typed cell is not a change.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn parse(text: &str) -> Parsed {
        parse_bytes("pegawai.csv", text.as_bytes(), today()).unwrap()
    }

    #[test]
    fn nip_as_hr_files_write_it() {
        let nip = "198501012010011001";
        for written in [
            nip,
            "'198501012010011001",
            "=\"198501012010011001\"",
            "19850101 201001 1 001",
            " 19850101.201001.1.001 ",
        ] {
            let cell = Cell::Text(written.to_owned());
            assert_eq!(
                check_nip(&cell, today()).map(|n| n.as_str().to_owned()),
                Ok(nip.to_owned()),
                "{written:?}"
            );
        }
        let number = Cell::Number("198501012010011008".into());
        assert_eq!(
            check_nip(&number, today()).unwrap_err().0,
            BadReason::StoredAsNumber
        );
        for scientific in ["1,98501E+17", "1.98501e17", "2E+17"] {
            let cell = Cell::Text(scientific.to_owned());
            assert_eq!(
                check_nip(&cell, today()).unwrap_err().0,
                BadReason::StoredAsNumber,
                "{scientific}"
            );
        }
        assert_eq!(
            check_nip(&Cell::Text("  ".into()), today()).unwrap_err().0,
            BadReason::NoNip
        );
        assert_eq!(
            check_nip(&Cell::Text("1985".into()), today())
                .unwrap_err()
                .0,
            BadReason::Nip(NipError::Length(4))
        );
    }

    #[test]
    fn every_bad_reason_with_its_line() {
        let parsed = parse(
            "NIP;Nama;Unit Kerja\n\
             198501012010011001;Siti;Umum\n\
             ;Tanpa NIP;Umum\n\
             1985;Pendek;Umum\n\
             198501012010011001;Siti Lagi;Umum\n\
             198601012010012002;;Umum\n\
             198701012010011003;Budi;\n\
             1,98501E+17;Angka;Umum\n",
        );
        assert_eq!(parsed.rows.len(), 1);
        let bad: Vec<(usize, BadReason)> = parsed.bad.iter().map(|b| (b.line, b.reason)).collect();
        assert_eq!(
            bad,
            [
                (3, BadReason::NoNip),
                (4, BadReason::Nip(NipError::Length(4))),
                (5, BadReason::Duplicate { first_line: 2 }),
                (6, BadReason::NoName),
                (7, BadReason::NoUnit),
                (8, BadReason::StoredAsNumber),
            ]
        );
        assert_eq!(parsed.bad[1].nip_text, "1985");
        assert_eq!(parsed.bad[3].nip.as_deref(), Some("198601012010012002"));
        assert_eq!(parsed.bad[1].nip, None);
    }

    #[test]
    fn blank_rows_column_numbers_and_repeated_headers_are_not_people() {
        let parsed = parse(
            "NIP;Nama;Unit Kerja;Jabatan\n\
             1;2;3;4\n\
             \n\
             ;;;\n\
             198501012010011001;  Siti   Aminah ;Umum;\n\
             NIP;Nama;Unit Kerja;Jabatan\n\
             198601012010012002;Budi;Umum;Analis\n",
        );
        assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
        let rows: Vec<(usize, &str, Option<&str>)> = parsed
            .rows
            .iter()
            .map(|(line, e)| (*line, e.name.as_str(), e.position.as_deref()))
            .collect();
        assert_eq!(
            rows,
            [(5, "Siti Aminah", None), (7, "Budi", Some("Analis"))]
        );
    }

    #[test]
    fn reasons_are_translated() {
        let reasons = [
            BadReason::NoNip,
            BadReason::Nip(NipError::Gender),
            BadReason::StoredAsNumber,
            BadReason::Duplicate { first_line: 12 },
            BadReason::NoName,
            BadReason::NoUnit,
        ];
        for reason in reasons {
            let id = reason.message(Lang::Id);
            let en = reason.message(Lang::En);
            assert!(!id.starts_with("roster-"), "{id}");
            assert_ne!(id, en);
        }
        assert!(
            BadReason::Duplicate { first_line: 12 }
                .message(Lang::Id)
                .contains("12")
        );
        assert!(
            BadReason::StoredAsNumber
                .message(Lang::En)
                .contains("format the NIP column as Text")
        );
    }
}
