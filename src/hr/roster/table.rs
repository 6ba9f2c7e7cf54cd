//! From the bytes of a file to rows of cells, whatever the file is: a CSV in UTF-8 (with or
//! without BOM), UTF-16 or Windows-1252 (Excel's "CSV" on an Indonesian Windows), separated by
//! `;`, `,` or tabs; or an Excel workbook. Everything after this works on [`Row`]s.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use encoding_rs::{Encoding, WINDOWS_1252};

use super::RosterError;
use super::columns::{self, Column, Columns, HEADER_SEARCH_ROWS};

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    /// An Excel number cell, as Excel would show it without a format. A NIP cannot be trusted
    /// in one: 18 digits do not fit the 15 to 17 significant digits of a double.
    Number(String),
    Empty,
}

impl Cell {
    pub(crate) fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(text) | Cell::Number(text) => Cow::Borrowed(text),
            Cell::Empty => Cow::Borrowed(""),
        }
    }
}

/// One row with its line number as the spreadsheet shows it (1-based).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub line: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.text().trim().is_empty())
    }

    pub(crate) fn cell(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&Cell::Empty)
    }
}

/// The list as found: its rows, the index of the header row among them, and the columns.
pub(crate) struct Table {
    pub rows: Vec<Row>,
    pub header: usize,
    pub columns: Columns,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// OLE compound files: `.xls` before 2007, and any password-protected workbook.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Names that promise a workbook: if the bytes are not one, the file is refused.
const WORKBOOK_EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xlsb", "ods"];
/// More control characters than this share of the first characters means binary, not text.
const CONTROL_SHARE: usize = 100;
const SNIFF_CHARS: usize = 64 * 1024;

/// Reads the list in `bytes` (the file named `name`) and finds its header.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Table, RosterError> {
    if bytes.starts_with(ZIP_MAGIC) {
        return workbook(bytes);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(RosterError::OldExcel);
    }
    let extension = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if WORKBOOK_EXTENSIONS.contains(&extension.as_str()) {
        return Err(RosterError::NotSpreadsheet);
    }
    let text = decode(bytes);
    if looks_binary(&text) {
        return Err(RosterError::NotSpreadsheet);
    }
    csv_table(&text)
}

/// UTF-8 or UTF-16 by their BOM; UTF-8 when the bytes are valid UTF-8; otherwise the Windows
/// ANSI code page of Indonesian Windows (Windows-1252), which Excel uses for "CSV".
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// A NUL anywhere (no spreadsheet text has one; UTF-16 was decoded above), or more than one
/// control character in a hundred at the start (and more than a few: a short CSV may end in a
/// DOS end-of-file mark).
fn looks_binary(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    let mut chars = 0;
    let mut controls = 0;
    for c in text.chars().take(SNIFF_CHARS) {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            controls += 1;
        }
    }
    controls > 4 && controls * CONTROL_SHARE > chars
}

/// The separator is the one of `;`, `,` and tab with which the header is found; when none
/// finds it, the error comes from the one that came closest.
fn csv_table(text: &str) -> Result<Table, RosterError> {
    let mut closest: Option<(Vec<String>, Vec<Column>)> = None;
    for delimiter in [b';', b',', b'\t'] {
        // The header is among the first rows; look there before reading everything.
        let head = csv_rows(text, delimiter, Some(HEADER_SEARCH_ROWS));
        match columns::find_header(&head, None) {
            Ok(_) => {
                let rows = csv_rows(text, delimiter, None);
                let (header, columns) = columns::find_header(&rows, None)
                    .map_err(|(found, missing)| RosterError::Columns { found, missing })?;
                return Ok(Table {
                    rows,
                    header,
                    columns,
                });
            }
            Err((found, missing)) => {
                if closest
                    .as_ref()
                    .is_none_or(|(_, best)| missing.len() < best.len())
                {
                    closest = Some((found, missing));
                }
            }
        }
    }
    let (found, missing) = closest.unwrap_or_default();
    Err(RosterError::Columns { found, missing })
}

/// The records of `text`, each with the row Excel would show it on: the text line where it
/// starts, less the line breaks inside quoted cells of the records before it. With `limit`,
/// stops after that many non-blank records.
fn csv_rows(text: &str, delimiter: u8, limit: Option<usize>) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    // Line numbers are counted here: the csv reader gives a record that follows blank lines
    // the position of the first blank line.
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut inner_breaks = 0usize;
    let mut non_blank = 0usize;
    let mut record = csv::StringRecord::new();
    // Reading a `str` with a flexible reader cannot fail: no I/O, every field is UTF-8 (the
    // separators are ASCII) and rows may have any length.
    while let Ok(true) = reader.read_record(&mut record) {
        let mut start = record
            .position()
            .map_or(counted_to, |p| usize::try_from(p.byte()).unwrap_or(0))
            .clamp(counted_to, bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += bytecount_newlines(&bytes[counted_to..start]);
        counted_to = start;
        let row = Row {
            line: line - inner_breaks,
            cells: record
                .iter()
                .map(|field| Cell::Text(field.to_owned()))
                .collect(),
        };
        inner_breaks += record
            .iter()
            .map(|field| field.matches('\n').count())
            .sum::<usize>();
        if !row.is_blank() {
            non_blank += 1;
        }
        rows.push(row);
        if limit.is_some_and(|limit| non_blank >= limit) {
            break;
        }
    }
    rows
}

fn bytecount_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// The first worksheet with a header; when none has one, the error comes from the sheet that
/// came closest.
fn workbook(bytes: &[u8]) -> Result<Table, RosterError> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|error| {
        log::info!("roster: not an Excel workbook: {error}");
        RosterError::NotSpreadsheet
    })?;
    let names = book.sheet_names();
    if names.is_empty() {
        // A zip, but not a workbook (a .docx, a folder of scans).
        return Err(RosterError::NotSpreadsheet);
    }
    let mut closest: Option<(Vec<String>, Vec<Column>)> = None;
    for name in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|error| RosterError::Workbook {
                detail: error.to_string(),
            })?;
        let rows = sheet_rows(&range);
        match columns::find_header(&rows, Some(&name)) {
            Ok((header, columns)) => {
                return Ok(Table {
                    rows,
                    header,
                    columns,
                });
            }
            Err((found, missing)) => {
                if closest
                    .as_ref()
                    .is_none_or(|(_, best)| missing.len() < best.len())
                {
                    closest = Some((found, missing));
                }
            }
        }
    }
    let (found, missing) = closest.unwrap_or_else(|| (Vec::new(), Column::REQUIRED.to_vec()));
    Err(RosterError::Columns { found, missing })
}

fn sheet_rows(range: &calamine::Range<Data>) -> Vec<Row> {
    let first_row = range
        .start()
        .map_or(0, |(row, _)| usize::try_from(row).unwrap_or(0));
    range
        .rows()
        .enumerate()
        .map(|(index, cells)| Row {
            line: first_row + index + 1,
            cells: cells.iter().map(cell).collect(),
        })
        .collect()
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(n.to_string()),
        // Whole numbers as Excel shows them in a General cell (no ".0", no exponent).
        Data::Float(n) if n.fract() == 0.0 && n.abs() < 1e21 => Cell::Number(format!("{n:.0}")),
        Data::Float(n) => Cell::Number(n.to_string()),
        other => Cell::Text(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(rows: &[Row]) -> Vec<usize> {
        rows.iter().map(|row| row.line).collect()
    }

    #[test]
    fn decodes_utf8_bom_utf16_and_windows_1252() {
        assert_eq!(decode("\u{feff}Désa".as_bytes()), "Désa");
        assert_eq!(decode("Sitï".as_bytes()), "Sitï");
        assert_eq!(decode(b"Sit\xef;D\xe9sa"), "Sitï;Désa");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Désa".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), "Désa");
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(looks_binary("NIP;Nama\0"));
        let noise: String = (0u8..=255).map(char::from).cycle().take(5000).collect();
        assert!(looks_binary(&noise));
        assert!(!looks_binary("NIP;Nama;Unit\r\n1;Siti;Umum\t\r\n\x1a"));
        assert!(looks_binary("\x01\x02\x03\x04\x05 PK"));
    }

    #[test]
    fn csv_lines_follow_the_spreadsheet_across_blank_lines_and_quoted_breaks() {
        let text = "NIP;Nama\n\n1;\"Siti\nAminah\"\n2;Budi\n";
        let rows = csv_rows(text, b';', None);
        // Blank line 2 is not a record but keeps its row; the break inside the quoted name
        // is one cell in Excel, so "2;Budi" is row 4, not text line 5.
        assert_eq!(lines(&rows), [1, 3, 4]);
        let rows = csv_rows("NIP;Nama\r\n\r\n;\r\n\r\n1;x\r\n2;y", b';', None);
        assert_eq!(lines(&rows), [1, 3, 5, 6]);
    }

    #[test]
    fn the_separator_is_the_one_that_finds_the_header() {
        let comma = csv_table("NIP,Nama,Unit Kerja\n1,\"Siti; S.E.\",Umum\n").unwrap();
        assert_eq!(comma.rows[1].cells[1], Cell::Text("Siti; S.E.".into()));
        let tab = csv_table("NIP\tNama\tUnit\n1\tSiti\tUmum\n").unwrap();
        assert_eq!(tab.columns.unit.index, 2);
    }

    #[test]
    fn numbers_show_as_excel_shows_them() {
        // 18 digits, but not the NIP that was typed: a double keeps 15 to 17 of them.
        let Cell::Number(shown) = cell(&Data::Float(198_501_012_010_011_001.0)) else {
            panic!("a number cell");
        };
        assert_eq!(shown.len(), 18);
        assert_ne!(shown, "198501012010011001");
        assert_eq!(cell(&Data::Float(2.5)), Cell::Number("2.5".into()));
        assert_eq!(cell(&Data::Int(7)), Cell::Number("7".into()));
    }
}
