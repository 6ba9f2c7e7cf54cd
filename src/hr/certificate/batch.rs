//! Writing certificates to disk: one file, one multi-page file for many people, or a folder with
//! a file per certificate. Every file is written atomically ([`crate::records::write_atomic`]),
//! so a cancel, a crash or a full disk never leaves half a PDF: a file is whole or absent (an
//! older file of the same name stays until its replacement is complete).
//!
//! The target folder must exist and be writable before anything is made: a missing folder is
//! not created on a guess (a mistyped path would scatter certificates), and a read-only one is
//! refused up front rather than after the first page.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Certificate, pdf};
use crate::hr::error::HrError;
use crate::hr::settings::HrSettings;
use crate::lang::Lang;
use crate::records::write_atomic;

/// Where a batch goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchOutput {
    /// One PDF with a page per certificate.
    OnePdf(PathBuf),
    /// A folder, with `sertifikat-<NIP>-<module>.pdf` per certificate
    /// ([`Certificate::file_name`]).
    Folder(PathBuf),
}

/// How far a batch is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchProgress {
    /// Certificates made so far (pages, or files written).
    pub done: usize,
    pub total: usize,
}

/// What a finished batch wrote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BatchReport {
    pub files: Vec<PathBuf>,
    pub certificates: usize,
}

/// Refuses a folder that is missing or cannot be written, before anything is made.
fn check_folder(dir: &Path) -> Result<(), HrError> {
    // `Path::parent` of a bare name is "": the current folder.
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let metadata = match fs::metadata(dir) {
        Ok(metadata) if metadata.is_dir() => metadata,
        _ => {
            return Err(HrError::FolderMissing {
                path: dir.to_path_buf(),
            });
        }
    };
    let read_only = |detail: String| HrError::FolderReadOnly {
        path: dir.to_path_buf(),
        detail,
    };
    // A folder marked read-only is refused even where the system would let this user write
    // (an administrator): whoever marked it meant it.
    if metadata.permissions().readonly() {
        return Err(read_only(
            std::io::Error::from(std::io::ErrorKind::PermissionDenied).to_string(),
        ));
    }
    let probe = dir.join(format!(
        ".latih-asn-probe-{}.tmp",
        uuid::Uuid::new_v4().simple()
    ));
    match fs::File::create_new(&probe) {
        Ok(_) => {
            let _cleanup = fs::remove_file(&probe);
            Ok(())
        }
        Err(error) => Err(read_only(error.to_string())),
    }
}

fn write_pdf(path: &Path, bytes: &[u8]) -> Result<(), HrError> {
    write_atomic(path, bytes).map_err(|error| HrError::write(path, error))
}

/// Writes one certificate to `path` (a `.pdf` file) in `lang`.
pub fn write_one(
    certificate: &Certificate,
    settings: &HrSettings,
    lang: Lang,
    path: &Path,
) -> Result<(), HrError> {
    check_folder(path.parent().unwrap_or(Path::new(".")))?;
    let bytes = pdf::render(std::slice::from_ref(certificate), settings, lang)?;
    write_pdf(path, &bytes)
}

/// Writes `certificates` to `output` in `lang`, calling `progress` after each certificate and
/// stopping when `cancel` is set. On cancel: [`HrError::Cancelled`]; a one-file batch wrote
/// nothing, a folder batch keeps the whole files written before the cancel.
pub fn write_batch(
    certificates: &[Certificate],
    settings: &HrSettings,
    lang: Lang,
    output: &BatchOutput,
    progress: &mut dyn FnMut(BatchProgress),
    cancel: &AtomicBool,
) -> Result<BatchReport, HrError> {
    if !settings.is_complete() {
        return Err(HrError::SettingsIncomplete);
    }
    let total = certificates.len();
    match output {
        BatchOutput::OnePdf(path) => {
            check_folder(path.parent().unwrap_or(Path::new(".")))?;
            let bytes = pdf::render_with(certificates, settings, lang, &mut |done| {
                progress(BatchProgress { done, total });
                !cancel.load(Ordering::Relaxed)
            })?;
            let Some(bytes) = bytes.filter(|_| !cancel.load(Ordering::Relaxed)) else {
                return Err(HrError::Cancelled { written: 0, total });
            };
            write_pdf(path, &bytes)?;
            Ok(BatchReport {
                files: vec![path.clone()],
                certificates: total,
            })
        }
        BatchOutput::Folder(dir) => {
            check_folder(dir)?;
            let mut report = BatchReport::default();
            for (index, certificate) in certificates.iter().enumerate() {
                if cancel.load(Ordering::Relaxed) {
                    return Err(HrError::Cancelled {
                        written: index,
                        total,
                    });
                }
                let path = dir.join(certificate.file_name());
                let bytes = pdf::render(std::slice::from_ref(certificate), settings, lang)?;
                write_pdf(&path, &bytes)?;
                report.files.push(path);
                report.certificates += 1;
                progress(BatchProgress {
                    done: index + 1,
                    total,
                });
            }
            Ok(report)
        }
    }
}
