//! Finding the columns by their header, the way HR's own files spell them: offices export from
//! different systems (SIMPEG, SIASN, hand-made sheets), so the header is matched ignoring case,
//! spaces and punctuation, against the usual Indonesian names.

use serde::{Deserialize, Serialize};

use crate::i18n;
use crate::lang::Lang;

use super::table::Row;

/// How many non-blank rows may come before and including the header: offices put a title, a
/// date or the name of the office above the list.
pub const HEADER_SEARCH_ROWS: usize = 10;

/// At most this many cells of the closest row are named when the header is not found.
const FOUND_SHOWN: usize = 12;

/// A column of the roster file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    Nip,
    Name,
    Unit,
    /// Optional: a file without it is imported with no positions.
    Position,
}

impl Column {
    /// The columns a file must have.
    pub const REQUIRED: [Column; 3] = [Column::Nip, Column::Name, Column::Unit];

    /// Header names accepted for each column, normalized by [`normalize`].
    const SYNONYMS: [(Column, &'static [&'static str]); 4] = [
        (
            Column::Nip,
            &["nip", "nipbaru", "nomorindukpegawai", "noindukpegawai"],
        ),
        (
            Column::Name,
            &["nama", "namapegawai", "namalengkap", "namadengangelar"],
        ),
        (
            Column::Unit,
            &[
                "unitkerja",
                "unit",
                "satuankerja",
                "satker",
                "opd",
                "unitorganisasi",
                "skpd",
                "perangkatdaerah",
            ],
        ),
        (Column::Position, &["jabatan", "namajabatan"]),
    ];

    /// The column a header cell names, if any. "NIP Lama" (the old 9-digit number) is not
    /// the NIP: only whole names match.
    pub fn of_header(text: &str) -> Option<Column> {
        let key = normalize(text);
        Self::SYNONYMS
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map(|(column, _)| *column)
    }

    /// The column's name for people, as the template spells it.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Column::Nip => i18n::tr(lang, "roster-column-nip"),
            Column::Name => i18n::tr(lang, "roster-column-name"),
            Column::Unit => i18n::tr(lang, "roster-column-unit"),
            Column::Position => i18n::tr(lang, "roster-column-position"),
        }
    }
}

/// Lower case, letters and digits only: "No. Induk Pegawai" → "noindukpegawai".
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A column found in the file: where it is and its header as written there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// 0-based position among the cells of a row.
    pub index: usize,
    pub header: String,
}

/// The header the import used, so a screen can show "NIP ← 'NIP Baru'".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The worksheet the list was read from (Excel files only).
    pub sheet: Option<String>,
    /// The header's line number as the spreadsheet shows it (1-based).
    pub header_line: usize,
    pub nip: Found,
    pub name: Found,
    pub unit: Found,
    pub position: Option<Found>,
}

/// The header among the first [`HEADER_SEARCH_ROWS`] non-blank rows: the first row that names
/// every required column. Returns its index in `rows` and the columns. When there is none, the
/// cells of the row that came closest (the most columns recognised, else the first non-blank
/// row) and what it lacks.
pub(crate) fn find_header(
    rows: &[Row],
    sheet: Option<&str>,
) -> Result<(usize, Columns), (Vec<String>, Vec<Column>)> {
    let mut closest: Option<(usize, usize)> = None; // (recognised, row index)
    for (index, row) in rows
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.is_blank())
        .take(HEADER_SEARCH_ROWS)
    {
        let mut found: [Option<Found>; 4] = [None, None, None, None];
        for (cell_index, cell) in row.cells.iter().enumerate() {
            let text = cell.text();
            if let Some(column) = Column::of_header(&text) {
                // The first column of a kind wins ("Nama" before "Nama Lengkap").
                found[column as usize].get_or_insert(Found {
                    index: cell_index,
                    header: text.trim().to_owned(),
                });
            }
        }
        let recognised = found.iter().flatten().count();
        if closest.is_none_or(|(best, _)| recognised > best) {
            closest = Some((recognised, index));
        }
        let [nip, name, unit, position] = found;
        if let (Some(nip), Some(name), Some(unit)) = (nip, name, unit) {
            return Ok((
                index,
                Columns {
                    sheet: sheet.map(str::to_owned),
                    header_line: row.line,
                    nip,
                    name,
                    unit,
                    position,
                },
            ));
        }
    }
    let Some((_, index)) = closest else {
        return Err((Vec::new(), Column::REQUIRED.to_vec()));
    };
    let row = &rows[index];
    let present: Vec<Column> = row
        .cells
        .iter()
        .filter_map(|cell| Column::of_header(&cell.text()))
        .collect();
    let missing = Column::REQUIRED
        .into_iter()
        .filter(|column| !present.contains(column))
        .collect();
    let cells: Vec<String> = row
        .cells
        .iter()
        .map(|cell| cell.text().trim().to_owned())
        .filter(|text| !text.is_empty())
        .collect();
    let mut found: Vec<String> = cells.iter().take(FOUND_SHOWN).cloned().collect();
    if cells.len() > FOUND_SHOWN {
        found.push("…".to_owned());
    }
    Err((found, missing))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hr::roster::table::Cell;

    fn row(line: usize, cells: &[&str]) -> Row {
        Row {
            line,
            cells: cells.iter().map(|c| Cell::Text((*c).to_owned())).collect(),
        }
    }

    #[test]
    fn every_synonym_in_any_case_and_punctuation() {
        let cases = [
            ("NIP", Some(Column::Nip)),
            ("nip baru", Some(Column::Nip)),
            ("Nomor Induk Pegawai", Some(Column::Nip)),
            ("No. Induk Pegawai", Some(Column::Nip)),
            (" N.I.P ", Some(Column::Nip)),
            ("NIP Lama", None),
            ("Nama", Some(Column::Name)),
            ("NAMA PEGAWAI", Some(Column::Name)),
            ("Nama Lengkap", Some(Column::Name)),
            ("Nama (dengan gelar)", Some(Column::Name)),
            ("Unit Kerja", Some(Column::Unit)),
            ("Unit", Some(Column::Unit)),
            ("Satuan Kerja", Some(Column::Unit)),
            ("SATKER", Some(Column::Unit)),
            ("OPD", Some(Column::Unit)),
            ("Unit Organisasi", Some(Column::Unit)),
            ("Jabatan", Some(Column::Position)),
            ("Nama Jabatan", Some(Column::Position)),
            ("No", None),
            ("Alamat", None),
        ];
        for (header, expected) in cases {
            assert_eq!(Column::of_header(header), expected, "{header:?}");
        }
    }

    #[test]
    fn header_below_a_title_and_blank_rows() {
        let rows = vec![
            row(1, &["DAFTAR PEGAWAI KAB. MESUJI"]),
            row(2, &[]),
            row(3, &["No", "NIP Baru", "Nama Lengkap", "Jabatan", "Satker"]),
        ];
        let (index, columns) = find_header(&rows, None).unwrap();
        assert_eq!(index, 2);
        assert_eq!(columns.header_line, 3);
        assert_eq!(columns.nip.index, 1);
        assert_eq!(columns.nip.header, "NIP Baru");
        assert_eq!(columns.name.index, 2);
        assert_eq!(columns.unit.index, 4);
        assert_eq!(columns.position.map(|p| p.index), Some(3));
    }

    #[test]
    fn no_header_names_the_closest_row_and_what_it_lacks() {
        let rows = vec![
            row(1, &["Daftar"]),
            row(2, &["No", "Nama Pegawai", "Alamat"]),
        ];
        let (found, missing) = find_header(&rows, None).unwrap_err();
        assert_eq!(found, ["No", "Nama Pegawai", "Alamat"]);
        assert_eq!(missing, [Column::Nip, Column::Unit]);
    }

    #[test]
    fn header_too_far_down_is_not_found() {
        let mut rows: Vec<Row> = (1..=HEADER_SEARCH_ROWS)
            .map(|line| row(line, &["judul"]))
            .collect();
        rows.push(row(11, &["NIP", "Nama", "Unit"]));
        let (_, missing) = find_header(&rows, None).unwrap_err();
        assert_eq!(missing, Column::REQUIRED);
    }

    #[test]
    fn empty_file_lacks_everything() {
        let (found, missing) = find_header(&[], None).unwrap_err();
        assert!(found.is_empty());
        assert_eq!(missing, Column::REQUIRED);
    }
}
