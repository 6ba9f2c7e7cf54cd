//! Installing a content pack: check it against what is loaded, then copy it into the data
//! directory's `packs/` so it loads on every start. A pack that fails the check is not copied.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::content::error::ContentError;
use crate::content::files::DirFiles;
use crate::content::load::{Catalog, add_pack};
use crate::i18n;
use crate::lang::Lang;

#[derive(Debug, Clone, Error)]
pub enum InstallError {
    #[error("the pack has {} errors", .0.len())]
    Invalid(Vec<ContentError>),
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    #[error("cannot copy the pack: {0}")]
    Copy(String),
}

impl InstallError {
    /// Every reason, in the user's language (at most `limit` content errors, then a count).
    pub fn messages(&self, lang: Lang, limit: usize) -> Vec<String> {
        match self {
            InstallError::Invalid(errors) => {
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
            InstallError::NotAFolder(path) => {
                vec![i18n::tr_args(
                    lang,
                    "pack-not-a-folder",
                    &[("path", &path.display().to_string())],
                )]
            }
            InstallError::Copy(detail) => vec![i18n::tr_args(
                lang,
                "pack-copy-failed",
                &[("detail", detail)],
            )],
        }
    }
}

/// Checks the pack at `source` against `base` and installs it under `packs_dir`. Returns the
/// catalog with the pack added and the folder name it was installed as.
pub fn install_pack(
    base: &Catalog,
    source: &Path,
    packs_dir: &Path,
) -> Result<(Catalog, String), InstallError> {
    if !source.is_dir() {
        return Err(InstallError::NotAFolder(source.to_path_buf()));
    }
    let stem = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty() && !n.starts_with('.'))
        .unwrap_or_else(|| "pack".to_owned());
    let name = free_name(packs_dir, &stem);
    let catalog = add_pack(base, &DirFiles::new(source), &name).map_err(InstallError::Invalid)?;
    // Copy into a hidden folder first and rename at the end, so a half-copied pack is never
    // picked up on the next start.
    let staging = packs_dir.join(format!(".incoming-{}", uuid::Uuid::new_v4().simple()));
    let result =
        copy_dir(source, &staging).and_then(|()| fs::rename(&staging, packs_dir.join(&name)));
    if let Err(error) = result {
        let _ignored_cleanup = fs::remove_dir_all(&staging);
        return Err(InstallError::Copy(error.to_string()));
    }
    Ok((catalog, name))
}

fn free_name(packs_dir: &Path, stem: &str) -> String {
    let mut name = stem.to_owned();
    let mut n = 2;
    while packs_dir.join(&name).exists() {
        name = format!("{stem}-{n}");
        n += 1;
    }
    name
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
