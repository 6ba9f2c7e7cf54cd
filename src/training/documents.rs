//! A session's documents as files: the attendance list and the report, each as PDF or CSV,
//! written atomically where the trainer chose. Also where the report's numbers are gathered
//! from the store, so the screen and the files show the same ones.

use std::path::Path;

use crate::content::Catalog;
use crate::lang::Lang;
use crate::records::{LoadMode, Status, Store};
use crate::training::{Report, Session};

/// The documents a session makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    AttendancePdf,
    AttendanceCsv,
    ReportPdf,
    ReportPeopleCsv,
    ReportItemsCsv,
}

impl Document {
    /// A file name for the save dialog: what it is, the session's code, and its date.
    pub fn file_name(self, session: &Session) -> String {
        let (what, extension) = match self {
            Document::AttendancePdf => ("daftar-hadir", "pdf"),
            Document::AttendanceCsv => ("daftar-hadir", "csv"),
            Document::ReportPdf => ("laporan-sesi", "pdf"),
            Document::ReportPeopleCsv => ("laporan-sesi-peserta", "csv"),
            Document::ReportItemsCsv => ("laporan-sesi-butir-soal", "csv"),
        };
        format!(
            "{what}-{}-{}.{extension}",
            session.token,
            session.date.format("%Y-%m-%d")
        )
    }

    pub fn extension(self) -> &'static str {
        match self {
            Document::AttendancePdf | Document::ReportPdf => "pdf",
            _ => "csv",
        }
    }
}

/// The report and how many of the session's records were left out of it.
#[derive(Debug, Clone)]
pub struct Gathered {
    pub report: Report,
    /// Session records whose signature does not hold (edited, unknown or refused key, broken
    /// chain): shown as a number, never counted.
    pub left_out: usize,
}

/// Whether a record counts in a session report: its signature holds. A participant's PC that
/// HR has not approved yet still counts here (the trainer saw the test taken); HR's own views
/// wait for HR's approval.
fn counts(status: Status) -> bool {
    matches!(status, Status::Valid | Status::AwaitingApproval)
}

/// Reads the store (answers included) and computes the session's report.
pub fn gather(store: &Store, session: &Session, catalog: &Catalog, lang: Lang) -> Option<Gathered> {
    let module = catalog.module(session.test_module()?)?;
    let loaded = store.load_with(LoadMode::Full);
    let verification = crate::records::verify_loaded(&loaded);
    let voided = verification.voided();
    let mut left_out = 0;
    let attempts: Vec<_> = loaded
        .attempts
        .into_iter()
        .filter(|a| {
            a.session
                .as_ref()
                .is_some_and(|tag| tag.token == session.token)
        })
        .filter(|a| {
            let ok = counts(verification.status_of(&a.id)) && !voided.contains(&a.id);
            left_out += usize::from(!ok);
            ok
        })
        .collect();
    Some(Gathered {
        report: Report::new(session, &attempts, module, &catalog.instruments, lang),
        left_out,
    })
}

/// Why a document could not be written.
#[derive(Debug, Clone, thiserror::Error)]
pub enum DocumentError {
    #[error("the session's tested module is not on this PC")]
    NoModule,
    #[error("{0}")]
    Pdf(String),
    #[error("cannot write {path}: {detail}")]
    Write { path: String, detail: String },
}

impl DocumentError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DocumentError::NoModule => crate::i18n::tr(lang, "error-module-missing"),
            DocumentError::Pdf(detail) => detail.clone(),
            DocumentError::Write { path, detail } => {
                crate::i18n::tr_args(lang, "error-save", &[("path", path), ("detail", detail)])
            }
        }
    }
}

/// Writes `document` to `path` (replaced whole, or left as it was on failure).
pub fn write(
    document: Document,
    store: &Store,
    session: &Session,
    catalog: &Catalog,
    lang: Lang,
    path: &Path,
) -> Result<(), DocumentError> {
    let failed = |e: std::io::Error| DocumentError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let report = || gather(store, session, catalog, lang).ok_or(DocumentError::NoModule);
    let bytes = match document {
        Document::AttendancePdf => crate::training::attendance_pdf(session, lang)
            .map_err(|e| DocumentError::Pdf(e.message(lang)))?,
        Document::AttendanceCsv => {
            let mut out = Vec::new();
            crate::training::attendance_csv(&mut out, session, lang).map_err(failed)?;
            out
        }
        Document::ReportPdf => {
            let gathered = report()?;
            let module = session
                .test_module()
                .and_then(|id| catalog.module(id))
                .ok_or(DocumentError::NoModule)?;
            crate::training::report_pdf(&gathered.report, session, module, lang)
                .map_err(|e| DocumentError::Pdf(e.message(lang)))?
        }
        Document::ReportPeopleCsv => {
            let mut out = Vec::new();
            crate::training::report_people_csv(&mut out, &report()?.report, lang)
                .map_err(failed)?;
            out
        }
        Document::ReportItemsCsv => {
            let mut out = Vec::new();
            crate::training::report_items_csv(&mut out, &report()?.report, lang).map_err(failed)?;
            out
        }
    };
    crate::records::write_atomic(path, &bytes).map_err(failed)
}
