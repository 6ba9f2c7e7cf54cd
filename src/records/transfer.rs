//! The record exports and imports behind the app's buttons: files go to `<data>/exports/`, and a
//! folder given to import is searched for bundle files.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::lang::Lang;
use crate::records::bundle::{self, BundleError, ImportReport};
use crate::records::export::{self, ExportError, Format, Records};
use crate::records::store::Store;
use crate::records::verify::{people, verify_loaded};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// A signed bundle for the HR PC.
    Bundle,
    /// Two CSV files: one row per attempt, one per learner × module.
    Csv,
    /// One Excel workbook with the same two tables, one sheet each.
    Xlsx,
    /// xAPI statements (JSON) for a learning record store.
    Xapi,
}

pub fn exports_dir(store: &Store) -> PathBuf {
    store.path("exports")
}

/// Writes the export into `<data>/exports/` and returns the files written. Each file is written
/// atomically and streamed, so a large export neither sits whole in memory nor leaves half a
/// file behind.
pub fn export_to_folder(
    store: &Store,
    kind: ExportKind,
    modules: &[String],
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, ExportError> {
    export_into(store, &exports_dir(store), kind, modules, lang, now)
}

/// Like [`export_to_folder`], into a folder the user chose (a USB stick, a shared folder).
pub fn export_into(
    store: &Store,
    dir: &std::path::Path,
    kind: ExportKind,
    modules: &[String],
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, ExportError> {
    let dir = dir.to_path_buf();
    let stamp = now.format("%Y%m%dT%H%M%S");
    let files: Vec<(Format, String)> = match kind {
        // Each write makes the folder when it is missing.
        ExportKind::Bundle => return Ok(vec![bundle::export(store, &dir, now)?]),
        ExportKind::Csv => vec![
            (
                Format::AttemptsCsv,
                format!("latih-asn-attempts-{stamp}.csv"),
            ),
            (Format::SummaryCsv, format!("latih-asn-summary-{stamp}.csv")),
        ],
        ExportKind::Xlsx => vec![(Format::Xlsx, format!("latih-asn-{stamp}.xlsx"))],
        ExportKind::Xapi => vec![(Format::Xapi, format!("latih-asn-xapi-{stamp}.json"))],
    };
    let loaded = store.load();
    let verification = verify_loaded(&loaded);
    // Who each learner is as the records signed it, as `records export` says it too.
    let learners = people(&loaded, &verification);
    let records = Records {
        learners: &learners,
        attempts: &loaded.attempts,
        verification: &verification,
    };
    files
        .into_iter()
        .map(|(format, name)| {
            let path = dir.join(name);
            export::write_file(&path, format, &records, modules, lang)?;
            Ok(path)
        })
        .collect()
}

/// Runs an export into `dir` (the data folder's `exports` when `None`) and says, line by
/// line, which files were written, or what went wrong, in the user's language.
pub fn export_lines(
    store: &Store,
    dir: Option<PathBuf>,
    kind: ExportKind,
    modules: &[String],
    lang: Lang,
) -> Result<Vec<String>, Vec<String>> {
    let dir = dir.unwrap_or_else(|| exports_dir(store));
    export_into(store, &dir, kind, modules, lang, chrono::Utc::now())
        .map(|files| {
            files
                .iter()
                .map(|f| {
                    crate::i18n::tr_args(
                        lang,
                        "records-written",
                        &[("file", &f.display().to_string())],
                    )
                })
                .collect()
        })
        .map_err(|error| vec![error.message(lang)])
}

/// Bundle files at `path`: the file itself, or every `*.bundle.ron` in a folder (a USB stick).
pub fn bundle_files(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.to_string_lossy().ends_with(".bundle.ron"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    }
}

/// What one import did, in the user's language (for the app and the command line alike).
pub fn import_message(
    file: &Path,
    result: &Result<ImportReport, BundleError>,
    lang: Lang,
) -> String {
    let file = file.display().to_string();
    match result {
        Ok(report) => std::iter::once(crate::i18n::tr_args(
            lang,
            "cli-import-ok",
            &[
                ("file", &file),
                ("added", &report.added_attempts.to_string()),
                ("learners", &report.added_learners.to_string()),
                ("present", &report.already_present.to_string()),
                ("conflicts", &report.conflicts.len().to_string()),
            ],
        ))
        .chain(report_details(report, lang))
        .collect::<Vec<_>>()
        .join("\n"),
        Err(error) => crate::i18n::tr_args(
            lang,
            "cli-import-refused",
            &[("file", &file), ("detail", &error.message(lang))],
        ),
    }
}

/// What an import left for HR to look at, line by line.
pub fn report_details(report: &ImportReport, lang: Lang) -> Vec<String> {
    let say = |key: &str, args: &[(&str, &str)]| crate::i18n::tr_args(lang, key, args);
    let mut lines = Vec::new();
    if report.enrolled {
        lines.push(say("cli-import-enrolled", &[]));
    }
    if report.held > 0 {
        let devices: Vec<String> = report
            .awaiting
            .iter()
            .map(|d| d.simple().to_string()[..8].to_owned())
            .collect();
        lines.push(say(
            "cli-import-held",
            &[
                ("count", &report.held.to_string()),
                ("devices", &devices.join(", ")),
            ],
        ));
    }
    if report.proposals > 0 {
        lines.push(say(
            "cli-import-proposals",
            &[("count", &report.proposals.to_string())],
        ));
    }
    for id in &report.conflicts {
        lines.push(say("cli-import-conflict", &[("id", &id.to_string())]));
    }
    if let Some(error) = &report.journal_error {
        lines.push(say("cli-import-journal-failed", &[("detail", error)]));
    }
    if report.added_sessions > 0 {
        lines.push(say(
            "cli-import-sessions",
            &[("count", &report.added_sessions.to_string())],
        ));
    }
    if let Some(error) = &report.session_error {
        lines.push(say("cli-import-sessions-failed", &[("detail", error)]));
    }
    lines
}

/// Imports every bundle at `path`; each is accepted or refused on its own.
pub fn import_path(
    store: &Store,
    path: &Path,
    now: DateTime<Utc>,
) -> Vec<(PathBuf, Result<ImportReport, BundleError>)> {
    bundle::import_many(store, &bundle_files(path), now)
}
