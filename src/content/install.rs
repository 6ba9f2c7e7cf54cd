//! Installing a content pack: the one check (see `check.rs`), then a copy of exactly the bytes
//! checked into `packs/.staging/`, made visible as `packs/<id>/` by a single rename. A kill at
//! any moment leaves the pack fully installed or absent; a second install while one runs is
//! refused.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::content::check::{self, CheckedPack};
use crate::content::error::{ContentError, ContentErrorKind, Counted};
use crate::content::files::DirFiles;
use crate::content::pack::{CheckRecord, Publishers, Trust, fingerprint};
use crate::content::packs::{self, InstalledPack, STAGING, with_lock};
use crate::i18n;
use crate::lang::{Lang, PerLang};

/// Why a pack operation did not happen. Nothing was changed in any case.
#[derive(Debug, Clone, Error)]
pub enum PackError {
    #[error("the pack has {} errors", .0.len())]
    Invalid(Vec<ContentError>),
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    #[error("{0} is the app's own content, not a content pack")]
    AppContent(PathBuf),
    #[error("the pack is not signed by a trusted publisher; it installs only when confirmed")]
    NeedsConfirmation(Box<Unconfirmed>),
    #[error("another install or removal of a content pack is running")]
    Busy,
    #[error("no content pack {0} is installed")]
    NotInstalled(String),
    #[error("not an Ed25519 public key (64 hex digits), or no name given")]
    BadKey,
    #[error("cannot write {path}: {detail}")]
    Write { path: PathBuf, detail: String },
    #[error("the change stopped before it finished: {0}")]
    Interrupted(String),
}

/// A pack that passed the check but needs the admin's confirmation to install.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconfirmed {
    pub info: crate::content::PackInfo,
    pub trust: Trust,
    pub titles: Vec<PerLang<String>>,
}

impl PackError {
    pub(super) fn write(path: &Path, error: &io::Error) -> Self {
        PackError::Write {
            path: path.to_path_buf(),
            detail: error.to_string(),
        }
    }

    /// Every reason, in the user's language (at most `limit` content errors, then a count).
    pub fn messages(&self, lang: Lang, limit: usize) -> Vec<String> {
        match self {
            PackError::Invalid(errors) => {
                let mut lines: Vec<String> =
                    errors.iter().take(limit).map(|e| e.message(lang)).collect();
                if errors.len() > limit {
                    lines.push(i18n::tr_count(
                        lang,
                        "pack-more-errors",
                        "count",
                        i64::try_from(errors.len() - limit).unwrap_or(0),
                    ));
                }
                lines
            }
            PackError::NotAFolder(path) => vec![i18n::tr_args(
                lang,
                "pack-not-a-folder",
                &[("path", &path.display().to_string())],
            )],
            PackError::AppContent(path) => vec![i18n::tr_args(
                lang,
                "pack-error-app-content",
                &[("path", &path.display().to_string())],
            )],
            PackError::NeedsConfirmation(unconfirmed) => {
                vec![trust_line(&unconfirmed.trust, lang)]
            }
            PackError::Busy => vec![i18n::tr(lang, "pack-error-busy")],
            PackError::NotInstalled(id) => {
                vec![i18n::tr_args(
                    lang,
                    "pack-error-not-installed",
                    &[("pack", id)],
                )]
            }
            PackError::BadKey => vec![i18n::tr(lang, "pack-error-bad-key")],
            PackError::Interrupted(detail) => vec![i18n::tr_args(
                lang,
                "pack-error-interrupted",
                &[("detail", detail)],
            )],
            PackError::Write { path, detail } => vec![i18n::tr_args(
                lang,
                "pack-error-write",
                &[("detail", &format!("{}: {detail}", path.display()))],
            )],
        }
    }
}

/// One line saying who signed a pack, in the user's language.
pub fn trust_line(trust: &Trust, lang: Lang) -> String {
    match trust {
        Trust::Trusted { publisher, .. } => {
            i18n::tr_args(lang, "pack-trust-trusted", &[("publisher", publisher)])
        }
        Trust::UnknownPublisher { key } => i18n::tr_args(
            lang,
            "pack-trust-unknown",
            &[("fingerprint", &fingerprint(key))],
        ),
        Trust::Unsigned => i18n::tr(lang, "pack-trust-unsigned"),
    }
}

/// Checks the pack at `source` and installs it under `packs_dir`. A pack that is not signed by a
/// trusted publisher installs only when `confirmed` (else [`PackError::NeedsConfirmation`],
/// and nothing is written).
pub fn install_pack(
    source: &Path,
    packs_dir: &Path,
    confirmed: bool,
) -> Result<InstalledPack, PackError> {
    install_pack_with(source, packs_dir, confirmed, &mut |_| {})
}

/// [`install_pack`], calling `progress` with each file's path once it is written to staging.
pub fn install_pack_with(
    source: &Path,
    packs_dir: &Path,
    confirmed: bool,
    progress: &mut dyn FnMut(&str),
) -> Result<InstalledPack, PackError> {
    with_lock(packs_dir, || {
        packs::clean_staging(packs_dir);
        let pack = check_for_install(source, Some(packs_dir))?;
        if !confirmed && !pack.trust.is_trusted() {
            return Err(PackError::NeedsConfirmation(Box::new(Unconfirmed {
                titles: pack.titles(),
                info: pack.info,
                trust: pack.trust,
            })));
        }
        let record = packs::record_of(&pack);
        let staging = packs_dir
            .join(STAGING)
            .join(uuid::Uuid::new_v4().simple().to_string());
        let result = stage(&pack, &record, &staging, progress).and_then(|()| {
            let target = packs_dir.join(&pack.info.id);
            // The one step that makes the pack visible. The target cannot exist (the check
            // refused an installed id, and the lock keeps other installs out); if a folder
            // appeared by hand meanwhile, the rename fails rather than merging into it.
            fs::rename(&staging, &target).map_err(|e| PackError::write(&target, &e))?;
            sync_dir(packs_dir).map_err(|e| PackError::write(packs_dir, &e))
        });
        if let Err(error) = result {
            let _ignored_cleanup = fs::remove_dir_all(&staging);
            return Err(error);
        }
        Ok(packs::installed_packs(packs_dir)
            .into_iter()
            .find(|installed| installed.info.id == pack.info.id)
            .unwrap_or_else(|| InstalledPack::from_record(record, true)))
    })
}

/// Exactly what an install checks, without the lock and without writing: what `content check`
/// runs on a pack. Without `packs_dir` (no data folder), nothing is installed to clash with and
/// no publisher is trusted.
pub fn check_for_install(
    source: &Path,
    packs_dir: Option<&Path>,
) -> Result<CheckedPack, PackError> {
    if !fs::metadata(source).is_ok_and(|meta| meta.is_dir()) {
        return Err(PackError::NotAFolder(source.to_path_buf()));
    }
    let files = DirFiles::new(source);
    if check::is_app_content(&files) {
        return Err(PackError::AppContent(source.to_path_buf()));
    }
    let folder = source
        .canonicalize()
        .ok()
        .and_then(|path| path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let publishers = packs_dir.map(Publishers::load).unwrap_or_default();
    let pack = check::check_pack(&files, &folder, &publishers).map_err(PackError::Invalid)?;
    let Some(packs_dir) = packs_dir else {
        return Ok(pack);
    };
    let mut conflicts = check::conflicts(&pack, &packs::installed_packs(packs_dir));
    // A folder of that name without a record (copied by hand, not yet loaded) is taken too.
    if conflicts.is_empty() && packs::pack_dir(packs_dir, &pack.info.id).is_ok() {
        conflicts.push(ContentError::new(
            "pack.ron",
            None,
            ContentErrorKind::Conflict {
                what: Counted::Pack,
                id: pack.info.id.clone(),
                by: Some(pack.info.id.clone()),
            },
        ));
    }
    if conflicts.is_empty() {
        Ok(pack)
    } else {
        Err(PackError::Invalid(conflicts))
    }
}

/// Writes the checked bytes and the record into `staging`, each file flushed to disk.
fn stage(
    pack: &CheckedPack,
    record: &CheckRecord,
    staging: &Path,
    progress: &mut dyn FnMut(&str),
) -> Result<(), PackError> {
    fs::create_dir_all(staging).map_err(|e| PackError::write(staging, &e))?;
    let mut dirs = vec![staging.to_path_buf()];
    for (path, bytes) in &pack.files {
        let target = staging.join(path);
        if let Some(parent) = target.parent()
            && !dirs.iter().any(|dir| dir == parent)
        {
            fs::create_dir_all(parent).map_err(|e| PackError::write(parent, &e))?;
            dirs.push(parent.to_path_buf());
        }
        write_new(&target, bytes).map_err(|e| PackError::write(&target, &e))?;
        progress(path);
    }
    let text = record.to_text().map_err(|error| PackError::Write {
        path: staging.join(CheckRecord::FILE),
        detail: error.to_string(),
    })?;
    let target = staging.join(CheckRecord::FILE);
    write_new(&target, text.as_bytes()).map_err(|e| PackError::write(&target, &e))?;
    // Folder entries are durable before the rename publishes them.
    for dir in dirs.iter().rev() {
        sync_dir(dir).map_err(|e| PackError::write(dir, &e))?;
    }
    Ok(())
}

fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create_new(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
