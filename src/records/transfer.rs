//! The record exports and imports behind the app's buttons: files go to `<data>/exports/`, and a
//! folder given to import is searched for bundle files.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::lang::Lang;
use crate::records::bundle::{self, BundleError, ImportReport};
use crate::records::error::StoreError;
use crate::records::export;
use crate::records::store::Store;
use crate::records::summary::summarize;
use crate::records::verify::verify_loaded;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// A signed bundle for the HR PC.
    Bundle,
    /// Two CSV files: one row per attempt, one per learner × module.
    Csv,
    /// xAPI statements (JSON) for a learning record store.
    Xapi,
}

pub fn exports_dir(store: &Store) -> PathBuf {
    store.path("exports")
}

/// Writes the export into `<data>/exports/` and returns the files written.
pub fn export_to_folder(
    store: &Store,
    kind: ExportKind,
    modules: &[String],
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, StoreError> {
    let dir = exports_dir(store);
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::write(&dir, e))?;
    let stamp = now.format("%Y%m%dT%H%M%S");
    match kind {
        ExportKind::Bundle => Ok(vec![bundle::export(store, &dir, now)?]),
        ExportKind::Csv | ExportKind::Xapi => {
            let loaded = store.load();
            let verification = verify_loaded(&loaded);
            let write = |name: String, bytes: Vec<u8>| -> Result<PathBuf, StoreError> {
                let path = dir.join(name);
                crate::records::atomic::write_atomic(&path, &bytes)
                    .map_err(|e| StoreError::write(&path, e))?;
                Ok(path)
            };
            let encode = |e: std::io::Error| StoreError::Encode(e.to_string());
            if kind == ExportKind::Xapi {
                let statements =
                    export::xapi_statements(&loaded.learners, &loaded.attempts, &verification);
                let bytes = serde_json::to_vec_pretty(&statements)
                    .map_err(|e| StoreError::Encode(e.to_string()))?;
                return Ok(vec![write(format!("latih-asn-xapi-{stamp}.json"), bytes)?]);
            }
            let mut attempts = Vec::new();
            export::attempts_csv(
                &mut attempts,
                &loaded.learners,
                &loaded.attempts,
                &verification,
                lang,
            )
            .map_err(encode)?;
            let summary = summarize(&loaded.learners, &loaded.attempts, &verification, modules);
            let mut rows = Vec::new();
            export::summary_csv(&mut rows, &loaded.learners, &summary, lang).map_err(encode)?;
            Ok(vec![
                write(format!("latih-asn-attempts-{stamp}.csv"), attempts)?,
                write(format!("latih-asn-summary-{stamp}.csv"), rows)?,
            ])
        }
    }
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
