//! What can go wrong with the roster as a whole: a file that cannot be imported, or a roster
//! file that cannot be read or saved. Problems of single rows are [`super::BadReason`]s instead,
//! because they never stop an import.
//!
//! `Clone` (through `Arc`) so the errors can travel inside UI messages.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;

use super::Column;

#[derive(Debug, Clone, Error)]
pub enum RosterError {
    /// The import file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: Arc<io::Error>,
    },
    /// Over [`super::MAX_FILE_BYTES`]: refused before reading.
    #[error("the file is {bytes} bytes, over the limit")]
    TooLarge { bytes: u64 },
    /// Binary bytes, or a file named `.xlsx` that is not a workbook.
    #[error("not a CSV or Excel file")]
    NotSpreadsheet,
    /// An old `.xls` workbook or a password-protected one (both are OLE compound files).
    #[error("an old .xls or a password-protected workbook")]
    OldExcel,
    /// A zip that calamine could not read as a workbook.
    #[error("the workbook cannot be read: {detail}")]
    Workbook { detail: String },
    /// No header row with the required columns in the first rows.
    #[error("columns missing: {missing:?} (found {found:?})")]
    Columns {
        /// The cells of the row that came closest to a header, as written in the file.
        found: Vec<String>,
        missing: Vec<Column>,
    },
    /// `roster.ron` was written by a newer version of the app: left untouched.
    #[error("{path} has format {format}, newer than this app reads")]
    Newer { path: PathBuf, format: u32 },
    /// `roster.ron` cannot be read or parsed: left untouched.
    #[error("{path} is damaged: {detail}")]
    Damaged { path: PathBuf, detail: String },
    /// The roster on disk changed after it was loaded (an import in another window or
    /// command): saving would lose that import.
    #[error("the roster changed on disk since it was loaded")]
    Changed,
    #[error("cannot write {path}: {detail}")]
    Write { path: PathBuf, detail: String },
    /// A template can be `.csv` or `.xlsx`.
    #[error("a template must be .csv or .xlsx: {path}")]
    TemplateKind { path: PathBuf },
}

impl RosterError {
    pub(crate) fn read(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self::Read {
            path: path.into(),
            source: Arc::new(source),
        }
    }

    pub(crate) fn write(path: impl Into<PathBuf>, detail: impl ToString) -> Self {
        Self::Write {
            path: path.into(),
            detail: detail.to_string(),
        }
    }

    /// A file HR chose was refused (as opposed to the roster or the disk failing): the
    /// command line exits 1 for these and 2 for the others.
    pub fn is_refused_input(&self) -> bool {
        matches!(
            self,
            RosterError::TooLarge { .. }
                | RosterError::NotSpreadsheet
                | RosterError::OldExcel
                | RosterError::Workbook { .. }
                | RosterError::Columns { .. }
        )
    }

    /// What the user sees: what failed and what to do, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RosterError::Read { path, source } => i18n::tr_args(
                lang,
                "roster-error-read",
                &[
                    ("path", &path.display().to_string()),
                    ("detail", &source.to_string()),
                ],
            ),
            RosterError::TooLarge { bytes } => i18n::tr_args(
                lang,
                "roster-error-too-large",
                &[
                    ("size", &megabytes(*bytes)),
                    ("limit", &megabytes(super::MAX_FILE_BYTES)),
                ],
            ),
            RosterError::NotSpreadsheet => i18n::tr(lang, "roster-error-not-spreadsheet"),
            RosterError::OldExcel => i18n::tr(lang, "roster-error-old-excel"),
            RosterError::Workbook { detail } => {
                i18n::tr_args(lang, "roster-error-workbook", &[("detail", detail)])
            }
            RosterError::Columns { found, missing } => {
                let missing: Vec<String> = missing.iter().map(|c| c.label(lang)).collect();
                let missing = missing.join(", ");
                if found.is_empty() {
                    i18n::tr_args(lang, "roster-error-columns-empty", &[("missing", &missing)])
                } else {
                    i18n::tr_args(
                        lang,
                        "roster-error-columns",
                        &[("missing", &missing), ("found", &found.join(", "))],
                    )
                }
            }
            RosterError::Newer { path, format } => i18n::tr_args(
                lang,
                "roster-error-newer",
                &[
                    ("path", &path.display().to_string()),
                    ("format", &format.to_string()),
                ],
            ),
            RosterError::Damaged { path, detail } => i18n::tr_args(
                lang,
                "roster-error-damaged",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
            RosterError::Changed => i18n::tr(lang, "roster-error-changed"),
            RosterError::Write { path, detail } => i18n::tr_args(
                lang,
                "roster-error-write",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
            RosterError::TemplateKind { path } => i18n::tr_args(
                lang,
                "roster-error-template-kind",
                &[("path", &path.display().to_string())],
            ),
        }
    }
}

/// "20.0 MB", with one decimal, in units of 1,048,576 bytes (what Windows Explorer shows).
fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / 1_048_576.0;
    format!("{mb:.1} MB")
}
