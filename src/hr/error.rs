//! What can go wrong at HR's desk (settings, certificates, the JP export), as one error type the
//! screens and the command line translate at the edge. `Clone` (through `Arc`) so it can ride
//! in a UI message.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;
use crate::records::{Status, StoreError};

/// A field of [`crate::hr::HrSettings`] that was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingField {
    Instansi,
    SignerName,
    SignerTitle,
    SignerNip,
    Organiser,
    JpTarget,
}

impl SettingField {
    /// The Fluent selector value.
    fn key(self) -> &'static str {
        match self {
            SettingField::Instansi => "instansi",
            SettingField::SignerName => "signername",
            SettingField::SignerTitle => "signertitle",
            SettingField::SignerNip => "signernip",
            SettingField::Organiser => "organiser",
            SettingField::JpTarget => "jptarget",
        }
    }
}

/// Why a setting was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingProblem {
    Empty,
    /// Longer than [`crate::hr::settings::TEXT_CHARS`], or more than one line.
    TooLong,
    NotANip(crate::records::NipError),
    /// The JP target is outside 1 to [`crate::hr::settings::JP_TARGET_MAX`].
    OutOfRange,
}

impl SettingProblem {
    fn message(self, lang: Lang) -> String {
        match self {
            SettingProblem::Empty => i18n::tr(lang, "hr-setting-empty"),
            SettingProblem::TooLong => i18n::tr_args(
                lang,
                "hr-setting-too-long",
                &[("limit", &crate::hr::settings::TEXT_CHARS.to_string())],
            ),
            SettingProblem::NotANip(error) => error.message(lang),
            SettingProblem::OutOfRange => i18n::tr_args(
                lang,
                "hr-setting-out-of-range",
                &[("max", &crate::hr::settings::JP_TARGET_MAX.to_string())],
            ),
        }
    }
}

#[derive(Debug, Clone, Error)]
pub enum HrError {
    /// `hr/settings.ron` cannot be read or parsed: left as it is, never overwritten.
    #[error("HR settings {path} are damaged: {detail}")]
    SettingsDamaged { path: PathBuf, detail: String },
    /// `hr/settings.ron` was written by a newer version of the app: left as it is.
    #[error("HR settings {path} are from a newer version ({version})")]
    SettingsNewer { path: PathBuf, version: u32 },
    /// A setting was refused (empty, too long, not a NIP, out of range).
    #[error("the setting {field:?} is invalid: {problem:?}")]
    InvalidSetting {
        field: SettingField,
        problem: SettingProblem,
    },
    /// Certificates need the instansi and the signer first.
    #[error("HR settings are incomplete (instansi, signer name and title)")]
    SettingsIncomplete,
    /// This PC has no HR authority key, so nothing can be signed.
    #[error("this PC has no HR authority key; run `latih-asn records authority init`")]
    NoAuthority,
    /// The authority key files exist but cannot be used.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file could not be written (disk full, permissions…).
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: Arc<io::Error>,
    },
    /// The spreadsheet library refused the workbook.
    #[error("cannot make the workbook {path}: {detail}")]
    Workbook { path: PathBuf, detail: String },
    /// The folder to write into does not exist (nothing is created on a guess).
    #[error("the folder {path} does not exist")]
    FolderMissing { path: PathBuf },
    /// The folder to write into is read-only.
    #[error("the folder {path} cannot be written to: {detail}")]
    FolderReadOnly { path: PathBuf, detail: String },
    /// The batch was cancelled; files already written are whole.
    #[error("cancelled after {written} of {total} files")]
    Cancelled { written: usize, total: usize },
    /// No learner matches (a NIP, or a unit with nobody in it).
    #[error("no learner {what}")]
    NoLearner { what: String },
    /// The module is not in the content loaded here.
    #[error("no module {module}")]
    NoModule { module: String },
    /// The learner has no valid, non-voided passed final test of the module.
    #[error("{name} has no valid pass of {module}")]
    NoPass { name: String, module: String },
    /// The attempt asked for does not exist.
    #[error("no attempt {attempt}")]
    NoAttempt { attempt: String },
    /// The attempt does not verify (edited, held, unknown key…): no certificate.
    #[error("the attempt does not verify ({status:?})")]
    NotVerified { status: Status },
    /// The attempt was voided by HR: no certificate.
    #[error("the attempt was voided")]
    Voided,
    /// The attempt is a practice quiz or a failed test.
    #[error("the attempt is not a passed final test")]
    NotAPass,
    /// The PDF writer failed.
    #[error("cannot make the PDF: {detail}")]
    Pdf { detail: String },
    /// A file given to check cannot be read as a PDF.
    #[error("cannot read {path} as a PDF: {detail}")]
    PdfUnreadable { path: PathBuf, detail: String },
    /// A PDF without a certificate payload in its metadata.
    #[error("{path} carries no latih-asn certificate")]
    NoPayload { path: PathBuf },
}

impl HrError {
    pub(crate) fn write(path: impl Into<PathBuf>, source: io::Error) -> Self {
        HrError::Write {
            path: path.into(),
            source: Arc::new(source),
        }
    }

    /// What the user sees, in their language.
    pub fn message(&self, lang: Lang) -> String {
        let path_arg = |path: &PathBuf| path.display().to_string();
        match self {
            HrError::SettingsDamaged { path, detail } => i18n::tr_args(
                lang,
                "hr-error-settings-damaged",
                &[("path", &path_arg(path)), ("detail", detail)],
            ),
            HrError::SettingsNewer { path, version } => i18n::tr_args(
                lang,
                "hr-error-settings-newer",
                &[("path", &path_arg(path)), ("version", &version.to_string())],
            ),
            HrError::InvalidSetting { field, problem } => i18n::tr_args(
                lang,
                "hr-error-setting-invalid",
                &[("field", field.key()), ("detail", &problem.message(lang))],
            ),
            HrError::SettingsIncomplete => i18n::tr(lang, "hr-error-settings-incomplete"),
            HrError::NoAuthority => i18n::tr(lang, "hr-error-no-authority"),
            HrError::Store(error) => error.message(lang),
            HrError::Write { path, source } => i18n::tr_args(
                lang,
                "hr-error-write",
                &[("path", &path_arg(path)), ("detail", &source.to_string())],
            ),
            HrError::Workbook { path, detail } => i18n::tr_args(
                lang,
                "hr-error-workbook",
                &[("path", &path_arg(path)), ("detail", detail)],
            ),
            HrError::FolderMissing { path } => i18n::tr_args(
                lang,
                "hr-error-folder-missing",
                &[("path", &path_arg(path))],
            ),
            HrError::FolderReadOnly { path, detail } => i18n::tr_args(
                lang,
                "hr-error-folder-read-only",
                &[("path", &path_arg(path)), ("detail", detail)],
            ),
            HrError::Cancelled { written, total } => i18n::tr_args(
                lang,
                "hr-error-cancelled",
                &[
                    ("written", &written.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
            HrError::NoLearner { what } => {
                i18n::tr_args(lang, "hr-error-no-learner", &[("what", what)])
            }
            HrError::NoModule { module } => {
                i18n::tr_args(lang, "hr-error-no-module", &[("module", module)])
            }
            HrError::NoPass { name, module } => i18n::tr_args(
                lang,
                "hr-error-no-pass",
                &[("name", name), ("module", module)],
            ),
            HrError::NoAttempt { attempt } => {
                i18n::tr_args(lang, "hr-error-no-attempt", &[("attempt", attempt)])
            }
            HrError::NotVerified { status } => i18n::tr_args(
                lang,
                "hr-error-not-verified",
                &[("status", &status.label(lang))],
            ),
            HrError::Voided => i18n::tr(lang, "hr-error-voided"),
            HrError::NotAPass => i18n::tr(lang, "hr-error-not-a-pass"),
            HrError::Pdf { detail } => i18n::tr_args(lang, "hr-error-pdf", &[("detail", detail)]),
            HrError::PdfUnreadable { path, detail } => i18n::tr_args(
                lang,
                "hr-error-pdf-unreadable",
                &[("path", &path_arg(path)), ("detail", detail)],
            ),
            HrError::NoPayload { path } => {
                i18n::tr_args(lang, "hr-error-no-payload", &[("path", &path_arg(path))])
            }
        }
    }
}
