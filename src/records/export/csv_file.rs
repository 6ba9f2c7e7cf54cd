//! CSV files for Excel and LibreOffice: see the module docs of [`super`] for why cells that
//! could run as formulas get a `'` and why NIPs are written as `="…"`.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::lang::Lang;
use crate::records::attempt::Attempt;
use crate::records::learner::Learner;
use crate::records::summary::Summary;
use crate::records::verify::Verification;

use super::table::{
    ATTEMPT_COLUMNS, Cell, Labels, SUMMARY_COLUMNS, attempt_rows, header, summary_rows,
};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) fn csv_writer<W: Write>(mut out: W) -> io::Result<csv::Writer<W>> {
    out.write_all(BOM)?;
    Ok(csv::WriterBuilder::new().delimiter(b';').from_writer(out))
}

pub(crate) fn csv_error(error: csv::Error) -> io::Error {
    io::Error::other(error)
}

/// A text cell that no spreadsheet will run: a leading `=`, `+`, `-`, `@`, tab or carriage
/// return gets a `'` in front.
pub(crate) fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A NIP that Excel and LibreOffice keep as text with all its digits (see the module docs).
pub(crate) fn csv_nip(nip: &str) -> Cow<'_, str> {
    if !nip.is_empty() && nip.bytes().all(|b| b.is_ascii_digit()) {
        Cow::Owned(format!("=\"{nip}\""))
    } else {
        neutralise(nip)
    }
}

fn csv_cell<'a>(cell: &'a Cell<'a>) -> Cow<'a, str> {
    match cell {
        Cell::Text(text) => neutralise(text),
        Cell::Number(n) => Cow::Owned(n.to_string()),
        // −0.0 would print as "-0.0".
        Cell::Decimal { value, places } if *value == 0.0 => Cow::Owned(format!("{:.places$}", 0.0)),
        Cell::Decimal { value, places } => Cow::Owned(format!("{value:.places$}")),
        Cell::Nip(nip) => csv_nip(nip),
        Cell::Empty => Cow::Borrowed(""),
    }
}

fn write_csv_row<W: Write>(csv: &mut csv::Writer<W>, cells: &[Cell<'_>]) -> io::Result<()> {
    for cell in cells {
        csv.write_field(csv_cell(cell).as_bytes())
            .map_err(csv_error)?;
    }
    // An empty record ends the one built field by field.
    csv.write_record(None::<&[u8]>).map_err(csv_error)
}

/// Any table, with the same conventions as the record exports (BOM, `;`, neutralised text,
/// NIPs kept as text), for the HR screens' own exports.
pub fn table_csv<W: Write>(out: W, rows: &[Vec<Cell<'_>>]) -> io::Result<()> {
    let mut csv = csv_writer(out)?;
    for row in rows {
        write_csv_row(&mut csv, row)?;
    }
    csv.flush()
}

/// One row per attempt.
pub fn attempts_csv<W: Write>(
    out: W,
    learners: &[Learner],
    attempts: &[Attempt],
    verification: &Verification,
    lang: Lang,
) -> io::Result<()> {
    let labels = Labels::new(lang);
    let mut csv = csv_writer(out)?;
    csv.write_record(
        header(lang, &ATTEMPT_COLUMNS)
            .iter()
            .map(|h| neutralise(h).into_owned()),
    )
    .map_err(csv_error)?;
    for row in attempt_rows(learners, attempts, verification, &labels) {
        write_csv_row(&mut csv, &row)?;
    }
    csv.flush()
}

/// One row per learner × module, with the same numbers as the screens (verified exams only).
pub fn summary_csv<W: Write>(
    out: W,
    learners: &[Learner],
    summary: &Summary,
    lang: Lang,
) -> io::Result<()> {
    let labels = Labels::new(lang);
    let mut csv = csv_writer(out)?;
    csv.write_record(
        header(lang, &SUMMARY_COLUMNS)
            .iter()
            .map(|h| neutralise(h).into_owned()),
    )
    .map_err(csv_error)?;
    for row in summary_rows(learners, summary, &labels) {
        write_csv_row(&mut csv, &row)?;
    }
    csv.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_untouched() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"klik\")",
                "'=HYPERLINK(\"http://x\",\"klik\")",
            ),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("Siti Rahmawati", "Siti Rahmawati"),
            ("Bagian Umum - Kepegawaian", "Bagian Umum - Kepegawaian"),
            (" =1", " =1"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(neutralise(input), expected, "{input:?}");
        }
    }

    #[test]
    fn a_nip_of_digits_becomes_a_text_formula_anything_else_is_plain_text() {
        assert_eq!(csv_nip("198808082014031001"), "=\"198808082014031001\"");
        // A hand-edited NIP must not smuggle a formula through the quotes.
        assert_eq!(
            csv_nip("1\"&HYPERLINK(\"x\")&\""),
            "1\"&HYPERLINK(\"x\")&\""
        );
        assert_eq!(csv_nip("=1+1"), "'=1+1");
        assert_eq!(csv_nip(""), "");
    }

    #[test]
    fn csv_cells_keep_numbers_and_empty_cells_as_they_are() {
        assert_eq!(csv_cell(&Cell::Number(80)), "80");
        assert_eq!(csv_cell(&Cell::Empty), "");
        assert_eq!(csv_cell(&Cell::text("-5")), "'-5");
    }
}
