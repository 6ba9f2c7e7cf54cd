//! The one check a content pack goes through, whether `content check` runs it, an install, or
//! the first start after a pack was copied into `packs/` by hand: confinement and bounds (by
//! [`DirFiles`]), every content rule, the pack's identity, its signature, and no clash with the
//! app's own content or with the packs already installed.

use std::sync::Arc;

use crate::content::error::{ContentError, ContentErrorKind, Counted, Field};
use crate::content::files::{ContentFiles, DirFiles};
use crate::content::limits;
use crate::content::load::{self, Catalog, Depth, cap_errors, check_version, parse};
use crate::content::model::ModuleSource;
use crate::content::pack::{
    self, FileDigest, PACK_FILE, PackFile, PackInfo, Publishers, SIGNATURE_FILE, SignatureFile,
    Trust,
};
use crate::content::packs::InstalledPack;
use crate::lang::PerLang;

/// A pack that passed the check: who it is, what it holds, and exactly the bytes checked.
#[derive(Debug, Clone)]
pub struct CheckedPack {
    pub info: PackInfo,
    pub trust: Trust,
    /// The content hash (SHA-256 over its files, see `pack::digests`).
    pub hash: String,
    /// Its own modules (with their source set) and its own instruments.
    pub catalog: Catalog,
    pub(super) digests: Vec<FileDigest>,
    /// The files an install writes, exactly as read and checked (`pack.sig` left out).
    pub(super) files: Vec<(String, Arc<Vec<u8>>)>,
}

impl CheckedPack {
    /// The module titles, for a confirmation or a message.
    pub fn titles(&self) -> Vec<PerLang<String>> {
        self.catalog
            .modules
            .iter()
            .map(|module| module.title.clone())
            .collect()
    }

    pub fn question_count(&self) -> usize {
        self.catalog.modules.iter().map(|m| m.questions.len()).sum()
    }
}

/// Whether the tree is the app's own content (a copy of `assets/content`) rather than a pack:
/// it declares its own instruments and has every module the app ships. `content check` checks
/// such a tree as the app's content; an install refuses it.
pub fn is_app_content(files: &DirFiles) -> bool {
    let Ok(embedded) = load::embedded() else {
        return false;
    };
    let modules = files.modules();
    files.read("instruments.ron").is_some()
        && embedded
            .modules
            .iter()
            .all(|module| modules.contains(&module.id))
}

/// Checks the pack in `files` (whose folder is named `folder`) against the app's own content,
/// and its signature against `publishers`. Clashes with installed packs are [`conflicts`]' job.
pub fn check_pack(
    files: &DirFiles,
    folder: &str,
    publishers: &Publishers,
) -> Result<CheckedPack, Vec<ContentError>> {
    let mut pack = check_content(files, folder)?;
    pack.trust = trust(files, &pack.hash, publishers)?;
    Ok(pack)
}

/// Who signed the pack, if anyone: a signature that does not match is an error, not "unsigned".
fn trust(
    files: &DirFiles,
    hash: &str,
    publishers: &Publishers,
) -> Result<Trust, Vec<ContentError>> {
    if files.read(SIGNATURE_FILE).is_none() {
        return Ok(Trust::Unsigned);
    }
    let mut errors = Vec::new();
    let file = match parse::<SignatureFile>(files, SIGNATURE_FILE, &mut errors) {
        Some((file, _)) if check_version(file.version, SIGNATURE_FILE, &mut errors) => file,
        _ => return Err(errors),
    };
    match pack::verify_signature(&file, hash) {
        Ok(key) => Ok(match publishers.find(&key) {
            Some(publisher) => Trust::Trusted {
                publisher: publisher.name.clone(),
                key,
            },
            None => Trust::UnknownPublisher { key },
        }),
        Err(detail) => Err(vec![ContentError::new(
            SIGNATURE_FILE,
            None,
            ContentErrorKind::BadSignature(detail),
        )]),
    }
}

/// Every rule but the signature (which `content sign` replaces): the pack's content hash is
/// over what was read here, `pack.sig` never among it.
pub fn check_content(files: &DirFiles, folder: &str) -> Result<CheckedPack, Vec<ContentError>> {
    let embedded = load::embedded().map_err(<[ContentError]>::to_vec)?;
    let loaded = load::load_with(files, &embedded.instruments, Depth::Full);
    let mut errors = Vec::new();
    let info = pack_info(files, folder, &mut errors);
    let mut catalog = match loaded {
        Ok(catalog) => catalog,
        Err(mut load_errors) => {
            load_errors.extend(errors);
            return Err(cap_errors(load_errors));
        }
    };
    for module in &catalog.modules {
        if embedded.module(&module.id).is_some() {
            errors.push(ContentError::new(
                format!("{}/module.ron", module.id),
                None,
                ContentErrorKind::Conflict {
                    what: Counted::Modules,
                    id: module.id.clone(),
                    by: None,
                },
            ));
        }
    }
    let Some(info) = info.filter(|_| errors.is_empty()) else {
        return Err(cap_errors(errors));
    };

    let read = files.read_so_far();
    let (digests, hash) = pack::digests(&read);
    let source = ModuleSource::Pack {
        id: info.id.clone(),
        version: info.version.clone(),
        hash: hash.clone(),
    };
    for module in &mut catalog.modules {
        module.pack = Some(info.id.clone());
        module.source = source.clone();
    }
    let files = read
        .into_iter()
        .filter(|(path, _)| path != SIGNATURE_FILE)
        .collect();
    Ok(CheckedPack {
        info,
        trust: Trust::Unsigned,
        hash,
        catalog,
        digests,
        files,
    })
}

/// Who the pack is: `pack.ron`, or else an id made from its folder's name.
fn pack_info(files: &DirFiles, folder: &str, errors: &mut Vec<ContentError>) -> Option<PackInfo> {
    if files.read(PACK_FILE).is_none() {
        let id = id_from_folder(folder);
        if !limits::is_valid_id(&id) {
            errors.push(ContentError::new(
                PACK_FILE,
                None,
                ContentErrorKind::InvalidId {
                    what: Counted::Pack,
                    id: folder.to_owned(),
                },
            ));
            return None;
        }
        return Some(PackInfo {
            name: id.clone(),
            id,
            version: None,
            publisher: None,
        });
    }
    let (file, _) = parse::<PackFile>(files, PACK_FILE, errors)?;
    if !check_version(file.version, PACK_FILE, errors) {
        return None;
    }
    let before = errors.len();
    if !limits::is_valid_id(&file.id) {
        errors.push(ContentError::new(
            PACK_FILE,
            None,
            ContentErrorKind::InvalidId {
                what: Counted::Pack,
                id: file.id.clone(),
            },
        ));
    }
    let texts = [
        (Field::Name, Some(&file.name), limits::TITLE_CHARS),
        (
            Field::Version,
            file.pack_version.as_ref(),
            limits::SHORT_CHARS,
        ),
        (Field::Name, file.publisher.as_ref(), limits::TITLE_CHARS),
    ];
    for (field, text, limit) in texts {
        if text.is_some_and(|text| text.chars().count() > limit) {
            errors.push(ContentError::new(
                PACK_FILE,
                None,
                ContentErrorKind::TooLong {
                    id: file.id.clone(),
                    field,
                    limit,
                },
            ));
        }
    }
    if file.name.trim().is_empty() {
        errors.push(ContentError::new(
            PACK_FILE,
            None,
            ContentErrorKind::EmptyText {
                id: file.id.clone(),
                lang: "id",
            },
        ));
    }
    (errors.len() == before).then(|| PackInfo {
        id: file.id,
        name: file.name,
        version: file.pack_version.filter(|v| !v.trim().is_empty()),
        publisher: file.publisher.filter(|p| !p.trim().is_empty()),
    })
}

/// A folder name as an id: lowercase, anything but letters and digits turned into `-`.
fn id_from_folder(folder: &str) -> String {
    let mut id = String::new();
    for c in folder.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-')
        .chars()
        .take(limits::ID_CHARS)
        .collect()
}

/// What stops `pack` from joining the installed packs: the same pack id, module or instrument
/// already installed, or too many packs.
pub fn conflicts(pack: &CheckedPack, installed: &[InstalledPack]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let installed_bytes: u64 = installed.iter().map(|pack| pack.bytes).sum();
    let bytes: u64 = pack.digests.iter().map(|file| file.len).sum();
    if installed_bytes + bytes > limits::INSTALLED_BYTES {
        errors.push(ContentError::new(
            PACK_FILE,
            None,
            ContentErrorKind::InstalledTooLarge {
                installed: installed_bytes,
                limit: limits::INSTALLED_BYTES,
            },
        ));
    }
    if installed.len() >= limits::PACKS {
        errors.push(ContentError::new(
            PACK_FILE,
            None,
            ContentErrorKind::TooMany {
                what: Counted::Packs,
                found: installed.len() + 1,
                limit: limits::PACKS,
            },
        ));
    }
    let instruments: Vec<&String> = pack
        .catalog
        .instruments
        .keys()
        .filter(|id| {
            load::embedded()
                .map(|embedded| !embedded.instruments.contains_key(*id))
                .unwrap_or(true)
        })
        .collect();
    for other in installed {
        let by = Some(other.info.id.clone());
        if other.info.id == pack.info.id {
            errors.push(ContentError::new(
                PACK_FILE,
                None,
                ContentErrorKind::Conflict {
                    what: Counted::Pack,
                    id: pack.info.id.clone(),
                    by: by.clone(),
                },
            ));
        }
        for module in &pack.catalog.modules {
            if other.modules.contains(&module.id) {
                errors.push(ContentError::new(
                    format!("{}/module.ron", module.id),
                    None,
                    ContentErrorKind::Conflict {
                        what: Counted::Modules,
                        id: module.id.clone(),
                        by: by.clone(),
                    },
                ));
            }
        }
        for id in &instruments {
            if other.instruments.contains(id) {
                errors.push(ContentError::new(
                    "instruments.ron",
                    None,
                    ContentErrorKind::Conflict {
                        what: Counted::Instruments,
                        id: (*id).clone(),
                        by: by.clone(),
                    },
                ));
            }
        }
    }
    errors
}

/// Returns `base` with the pack's modules (and instruments) added, or every reason to refuse it:
/// the check above, and no module or instrument that `base` already has. `base` is never
/// changed, so a refused pack leaves the catalog as it was.
pub fn add_pack(
    base: &Catalog,
    files: &DirFiles,
    name: &str,
) -> Result<Catalog, Vec<ContentError>> {
    let pack = check_pack(files, name, &Publishers::default())?;
    merge(base, pack.catalog)
}

/// `base` plus `pack`, unless one of the pack's modules or instruments is already there.
pub(super) fn merge(base: &Catalog, pack: Catalog) -> Result<Catalog, Vec<ContentError>> {
    let mut errors = Vec::new();
    for module in &pack.modules {
        if let Some(existing) = base.module(&module.id) {
            errors.push(ContentError::new(
                format!("{}/module.ron", module.id),
                None,
                ContentErrorKind::Conflict {
                    what: Counted::Modules,
                    id: module.id.clone(),
                    by: existing.pack.clone(),
                },
            ));
        }
    }
    for (id, instrument) in &pack.instruments {
        if base
            .instruments
            .get(id)
            .is_some_and(|existing| existing != instrument)
        {
            errors.push(ContentError::new(
                "instruments.ron",
                None,
                ContentErrorKind::Conflict {
                    what: Counted::Instruments,
                    id: id.clone(),
                    by: None,
                },
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut merged = base.clone();
    merged.instruments.extend(pack.instruments);
    merged.modules.extend(pack.modules);
    merged
        .modules
        .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    merged.warnings.extend(pack.warnings);
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_become_ids() {
        assert_eq!(id_from_folder("paket-daerah"), "paket-daerah");
        assert_eq!(id_from_folder("Paket Daerah 2026"), "paket-daerah-2026");
        assert_eq!(id_from_folder("..//x"), "x");
        assert_eq!(id_from_folder("..."), "");
    }
}
