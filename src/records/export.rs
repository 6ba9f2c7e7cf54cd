//! Exports for HR: CSV and Excel workbooks to open on an office PC, and xAPI statements for a
//! learning record store.
//!
//! # CSV
//!
//! Made for Excel on an Indonesian-locale Windows and for LibreOffice: UTF-8 with a BOM (or Excel
//! guesses the ANSI code page), `;` between cells (`,` is the decimal mark there), quoting where
//! needed, ISO 8601 dates.
//!
//! **Nothing in a cell runs as a formula.** A spreadsheet treats a cell that starts with `=`, `+`,
//! `-` or `@` as a formula, and some also after a leading tab or carriage return. Names, units and
//! agencies are typed by learners, so a profile named `=HYPERLINK("http://…","klik")` would
//! otherwise become a live link, or worse, on the HR PC. Every text cell that starts with one of
//! those characters gets a `'` in front (the OWASP advice for CSV injection). Both programs then
//! show the text as it was, with the `'` visible; scripts that read the CSV see it too. The
//! `.xlsx` export needs no such prefix: its cells are typed, and a text cell is never evaluated.
//!
//! **NIPs keep their 18 digits.** Opened as they are, both programs read an 18-digit NIP as a
//! number and keep 15 significant digits: `198808082014031001` becomes `1.98808082014031E+17`,
//! and saving the sheet loses the last digits for good. What was considered:
//! - a leading `'`: shown literally by both programs on CSV import (the apostrophe-as-text
//!   convention only applies to typing);
//! - a leading tab, space or invisible character: the digits stop matching the NIP in lookups
//!   (`VLOOKUP`, SIASN), and a leading tab is itself one of the formula triggers above;
//! - quoting the cell: both programs ignore quotes when they guess a cell's type;
//! - **`="198808082014031001"`** (chosen): a formula whose result is that text. Excel evaluates
//!   it on opening, in every locale (it has no function names or separators to translate), and
//!   LibreOffice does too with its default import settings; the cell then holds the 18 digits
//!   as text. Where formula evaluation is off (LibreOffice's "Evaluate formulas" import option)
//!   the cell shows `="198808082014031001"`: still every digit. This is the one formula these
//!   exports write, built only from a NIP of 18 ASCII digits (a hand-edited NIP with anything
//!   else is written as neutralised text). Scripts reading the CSV strip `="` and `"`; the
//!   `.xlsx` and xAPI exports carry the plain digits.
//!
//! # xAPI
//!
//! Statements are written one at a time (memory stays flat whatever the number of records), as
//! a JSON array with one statement per line. Only attempts that verify are sent; a voided attempt
//! is sent followed by a voiding statement, so an LRS that already had it learns of the void, and
//! one that did not gets both (which xAPI allows) and shows it as voided.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rust_xlsxwriter::XlsxError;
use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;
use crate::records::attempt::Attempt;
use crate::records::error::StoreError;
use crate::records::learner::Learner;
use crate::records::summary::summarize;
use crate::records::verify::Verification;

pub(crate) mod csv_file;
mod table;
mod workbook;
mod xapi;

pub use csv_file::{attempts_csv, summary_csv, table_csv};
pub use table::Cell;
pub use workbook::xlsx;
pub use xapi::{
    ACTIVITY_BASE, AUTHORITY_HOME_PAGE, NIP_HOME_PAGE, VERB_VOIDED, XapiStatement, XapiStatements,
    xapi_statements, xapi_write,
};

/// One export file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV, one row per attempt.
    AttemptsCsv,
    /// CSV, one row per learner × module.
    SummaryCsv,
    /// An Excel workbook with both tables, one sheet each.
    Xlsx,
    /// xAPI statements (a JSON array).
    Xapi,
}

impl Format {
    /// Whether the export needs the summary (and so the list of modules).
    pub fn uses_summary(self) -> bool {
        matches!(self, Format::SummaryCsv | Format::Xlsx)
    }
}

/// The records an export reads: everything loaded, with what verification said about it.
#[derive(Debug, Clone, Copy)]
pub struct Records<'a> {
    pub learners: &'a [Learner],
    pub attempts: &'a [Attempt],
    pub verification: &'a Verification,
}

/// Why an export file could not be written.
#[derive(Debug, Clone, Error)]
pub enum ExportError {
    /// The file could not be written (folder missing or read-only, disk full…).
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: Arc<io::Error>,
    },
    /// The spreadsheet library refused the workbook (e.g. more rows than a sheet holds).
    #[error("cannot make the workbook {path}: {detail}")]
    Workbook { path: PathBuf, detail: String },
    /// A bundle could not be built or saved.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ExportError {
    /// What the user sees, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::Write { path, source } => i18n::tr_args(
                lang,
                "export-error-write",
                &[
                    ("path", &path.display().to_string()),
                    ("detail", &source.to_string()),
                ],
            ),
            ExportError::Workbook { path, detail } => i18n::tr_args(
                lang,
                "export-error-workbook",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
            ExportError::Store(error) => error.message(lang),
        }
    }
}

/// What went wrong inside one atomic write, before the path is attached.
enum Failure {
    Io(io::Error),
    Xlsx(XlsxError),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Io(error)
    }
}

impl From<XlsxError> for Failure {
    fn from(error: XlsxError) -> Self {
        match error {
            XlsxError::IoError(error) => Failure::Io(error),
            other => Failure::Xlsx(other),
        }
    }
}

/// Writes one export to `path`, atomically: the file is complete or absent (an older file of that
/// name stays as it was). `modules` are the catalogue's modules, for the summary.
pub fn write_file(
    path: &Path,
    format: Format,
    records: &Records<'_>,
    modules: &[String],
    lang: Lang,
) -> Result<(), ExportError> {
    let summary = || {
        summarize(
            records.learners,
            records.attempts,
            records.verification,
            modules,
        )
    };
    let written = crate::records::atomic::write_atomic_with(
        path,
        |out: &mut BufWriter<File>| -> Result<(), Failure> {
            match format {
                Format::AttemptsCsv => attempts_csv(
                    out,
                    records.learners,
                    records.attempts,
                    records.verification,
                    lang,
                )?,
                Format::SummaryCsv => summary_csv(out, records.learners, &summary(), lang)?,
                Format::Xlsx => xlsx(out, records, &summary(), lang)?,
                Format::Xapi => {
                    xapi_write(
                        out,
                        records.learners,
                        records.attempts,
                        records.verification,
                    )?;
                }
            }
            Ok(())
        },
    );
    written.map_err(|failure| match failure {
        Failure::Io(error) => ExportError::Write {
            path: path.to_path_buf(),
            source: Arc::new(error),
        },
        Failure::Xlsx(error) => ExportError::Workbook {
            path: path.to_path_buf(),
            detail: error.to_string(),
        },
    })
}

/// Writes a signed bundle of this installation's records to `path` (the command line's
/// `--format bundle`; the app's button names the file itself, see [`crate::records::bundle::export`]).
pub fn write_bundle(
    store: &crate::records::Store,
    path: &Path,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ExportError> {
    let bundle = crate::records::bundle::build(store, now)?;
    let text = ron::to_string(&bundle).map_err(|e| StoreError::Encode(e.to_string()))?;
    crate::records::atomic::write_atomic_with(path, |out| {
        std::io::Write::write_all(out, text.as_bytes())
    })
    .map_err(|error| ExportError::Write {
        path: path.to_path_buf(),
        source: Arc::new(error),
    })
}
