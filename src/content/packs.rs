//! The installed packs: `<data>/packs/`.
//!
//! ```text
//! packs/<id>/               one installed pack: exactly the files that were checked, plus
//!   .checked.ron            the check record (app version, date, trust, hash of every file)
//!   .disabled               present while the admin has the pack switched off
//! packs/.staging/           installs in progress and removals; whatever is left here after a
//!                           crash is deleted at the next start or install
//! packs/.set-aside/         packs that stopped matching their record or no longer pass the
//!                           check, moved here once (never deleted) so they are not checked again
//! packs/.publishers.ron     the publisher keys the admin trusts
//! .packs.lock               (in the data folder) held while a pack is installed, removed,
//!                           enabled or disabled
//! ```
//! Nothing whose name starts with a dot is ever loaded as a pack.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::content::check::{self, merge};
use crate::content::error::{ContentError, ContentErrorKind, Counted, FileType};
use crate::content::files::{ContentFiles, DirFiles, decode, read_regular};
use crate::content::install::PackError;
use crate::content::limits;
use crate::content::load::{self, Catalog, Depth};
use crate::content::model::ModuleSource;
use crate::content::pack::{CheckRecord, PackInfo, Publishers, Trust};
use crate::i18n;
use crate::lang::Lang;

pub(super) const STAGING: &str = ".staging";
pub(super) const SET_ASIDE: &str = ".set-aside";
pub(super) const DISABLED: &str = ".disabled";
/// The lock sits beside `packs/`, in the data folder, so that a refused install leaves
/// `packs/` exactly as it was.
const LOCK: &str = ".packs.lock";
/// Largest check record (a pack at the entries cap lists 2,000 files: about 300 KiB).
const RECORD_BYTES: u64 = 1024 * 1024;

/// An installed pack, as Settings lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalledPack {
    pub info: PackInfo,
    pub enabled: bool,
    /// When it was checked in full (at install, or at the first start of a new app version).
    pub checked_at: DateTime<Utc>,
    pub trust: Trust,
    pub hash: String,
    pub modules: Vec<String>,
    pub instruments: Vec<String>,
    /// Bytes of its files, against [`limits::INSTALLED_BYTES`].
    pub bytes: u64,
}

impl InstalledPack {
    pub(super) fn from_record(record: CheckRecord, enabled: bool) -> Self {
        InstalledPack {
            bytes: record.bytes(),
            info: record.pack,
            enabled,
            checked_at: record.checked_at,
            trust: record.trust,
            hash: record.hash,
            modules: record.modules,
            instruments: record.instruments,
        }
    }
}

/// A content pack that was not loaded, with every reason.
#[derive(Debug, Clone)]
pub struct RefusedPack {
    pub name: String,
    pub errors: Vec<ContentError>,
    /// Where it was moved so that it is not checked again at every start (`None`: it could not
    /// be moved and stays where it was).
    pub set_aside: Option<PathBuf>,
}

impl RefusedPack {
    /// The notice shown at start, in the user's language.
    pub fn notice(&self, lang: Lang) -> String {
        let detail = self
            .errors
            .first()
            .map(|error| error.message(lang))
            .unwrap_or_default();
        match &self.set_aside {
            Some(to) => i18n::tr_args(
                lang,
                "pack-set-aside",
                &[
                    ("pack", &self.name),
                    ("detail", &detail),
                    ("to", &to.display().to_string()),
                ],
            ),
            None => i18n::tr_args(
                lang,
                "notice-pack-refused",
                &[("pack", &self.name), ("detail", &detail)],
            ),
        }
    }
}

/// Runs `job` holding the packs folder's lock, which every change to installed packs takes (in
/// this process or another copy of the app on the same folder). A second change while one runs
/// is refused with [`PackError::Busy`] rather than queued: an admin clicking twice, or two PCs
/// installing into one shared folder, learn it at once.
pub(super) fn with_lock<T>(
    packs_dir: &Path,
    job: impl FnOnce() -> Result<T, PackError>,
) -> Result<T, PackError> {
    fs::create_dir_all(packs_dir).map_err(|e| PackError::write(packs_dir, &e))?;
    let path = match packs_dir.parent() {
        Some(data) if !data.as_os_str().is_empty() => data.join(LOCK),
        _ => packs_dir.join(LOCK),
    };
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| PackError::write(&path, &e))?;
    let mut lock = fd_lock::RwLock::new(file);
    let _guard = match lock.try_write() {
        Ok(guard) => guard,
        Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
            return Err(PackError::Busy);
        }
        Err(error) => return Err(PackError::write(&path, &error)),
    };
    job()
}

/// Deletes what killed installs and removals left in `.staging`. Call with the lock held.
pub(super) fn clean_staging(packs_dir: &Path) {
    let staging = packs_dir.join(STAGING);
    if let Ok(entries) = fs::read_dir(&staging) {
        for entry in entries.flatten() {
            let path = entry.path();
            let result = match fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path),
                Ok(_) => fs::remove_file(&path),
                Err(error) => Err(error),
            };
            match result {
                Ok(()) => log::info!("removed the leftover {}", path.display()),
                Err(error) => log::warn!("cannot remove {}: {error}", path.display()),
            }
        }
    }
    // Versions before the staging folder copied into `packs/.incoming-…`.
    if let Ok(entries) = fs::read_dir(packs_dir) {
        for entry in entries.flatten() {
            let is_old_staging = entry
                .file_name()
                .to_str()
                .is_some_and(|name| name.starts_with(".incoming-"));
            if is_old_staging && entry.file_type().is_ok_and(|t| t.is_dir()) {
                let _ignored = fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// The pack folders (visible entries) under `packs_dir`, in name order.
fn pack_entries(packs_dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = fs::read_dir(packs_dir) else {
        return Vec::new();
    };
    let mut list: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            (!name.starts_with('.')).then(|| (name, entry.path()))
        })
        .collect();
    list.sort();
    list
}

/// The check record of the pack in `dir`, if it has a readable one.
pub(super) fn read_record(dir: &Path) -> Option<CheckRecord> {
    let bytes = read_regular(&dir.join(CheckRecord::FILE), RECORD_BYTES).ok()?;
    let text = decode(&bytes).ok()?;
    ron::from_str(&text).ok()
}

fn is_disabled(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(DISABLED)).is_ok()
}

/// Every installed pack with a check record, enabled or not. Reads only the records: for
/// conflicts at install and for `content check`, which change nothing.
pub fn installed_packs(packs_dir: &Path) -> Vec<InstalledPack> {
    pack_entries(packs_dir)
        .into_iter()
        .filter(|(_, dir)| fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()))
        .filter_map(|(_, dir)| {
            let record = read_record(&dir)?;
            Some(InstalledPack::from_record(record, !is_disabled(&dir)))
        })
        .collect()
}

/// Loads the embedded content plus every enabled pack under `packs_dir`. A pack whose files
/// still hash to its check record loads without the full check; one without a record (copied by
/// hand) or checked by another app version is checked in full once and recorded. A pack that
/// fails is set aside and reported; the rest loads. Leftovers of killed installs are deleted.
pub fn load_with_packs(packs_dir: &Path) -> Result<(Catalog, Vec<RefusedPack>), Vec<ContentError>> {
    let mut catalog = load::load_embedded()?;
    let mut refused = Vec::new();
    // With the lock: never delete the staging folder of an install running right now.
    let cleaned = with_lock(packs_dir, || {
        clean_staging(packs_dir);
        Ok(())
    });
    if let Err(error) = cleaned {
        log::info!("leftovers not cleaned now: {error}");
    }
    let publishers = Publishers::load(packs_dir);
    let mut loaded = 0usize;
    let mut loaded_bytes = 0u64;
    for (name, dir) in pack_entries(packs_dir) {
        if is_disabled(&dir) {
            if let Some(record) = read_record(&dir) {
                catalog
                    .packs
                    .push(InstalledPack::from_record(record, false));
            }
            continue;
        }
        let result = if loaded >= limits::PACKS {
            Err(vec![ContentError::new(
                &name,
                None,
                ContentErrorKind::TooMany {
                    what: Counted::Packs,
                    found: loaded + 1,
                    limit: limits::PACKS,
                },
            )])
        } else {
            load_installed(&catalog, &dir, &name, &publishers)
        };
        // Packs copied in by hand can add up past the cap that installs keep to: the ones past
        // it wait where they are (not set aside: nothing is wrong with them).
        let over = result.as_ref().ok().and_then(|(_, pack)| {
            (loaded_bytes + pack.bytes > limits::INSTALLED_BYTES).then(|| {
                ContentError::new(
                    &name,
                    None,
                    ContentErrorKind::InstalledTooLarge {
                        installed: loaded_bytes,
                        limit: limits::INSTALLED_BYTES,
                    },
                )
            })
        });
        if let Some(error) = over {
            refused.push(RefusedPack {
                name,
                errors: vec![error],
                set_aside: None,
            });
            continue;
        }
        match result {
            Ok((merged, pack)) => {
                catalog = merged;
                loaded_bytes += pack.bytes;
                catalog.packs.push(pack);
                loaded += 1;
            }
            Err(errors) => {
                log::warn!("content pack {name} refused: {errors:?}");
                let set_aside = set_aside(packs_dir, &dir, &name);
                refused.push(RefusedPack {
                    name,
                    errors,
                    set_aside,
                });
            }
        }
    }
    Ok((catalog, refused))
}

/// Loads one installed pack into `base`: by its record when the files match it, else by the
/// full check (recording the result).
fn load_installed(
    base: &Catalog,
    dir: &Path,
    name: &str,
    publishers: &Publishers,
) -> Result<(Catalog, InstalledPack), Vec<ContentError>> {
    if !fs::symlink_metadata(dir).is_ok_and(|meta| meta.is_dir()) {
        let kind = match fs::symlink_metadata(dir) {
            Ok(meta) if meta.file_type().is_symlink() => FileType::Symlink,
            _ => FileType::Other,
        };
        return Err(vec![ContentError::new(
            name,
            None,
            ContentErrorKind::NotAFile(kind),
        )]);
    }
    let files = DirFiles::new(dir);
    match read_record(dir) {
        Some(record) if record.is_current() && record.pack.id == name => {
            let pack = load_recorded(&files, &record)?;
            let merged = merge(base, pack)?;
            Ok((merged, InstalledPack::from_record(record, true)))
        }
        // A record from another app version is not proof that this version's rules hold: check
        // once more. A pack whose record no longer matches its files was changed after it was
        // checked, so it is set aside without another check.
        Some(record) if record.is_current() => Err(vec![ContentError::new(
            name,
            None,
            ContentErrorKind::FolderMismatch {
                id: record.pack.id,
                folder: name.to_owned(),
            },
        )]),
        stale => {
            let mut pack = check::check_pack(&files, name, publishers)?;
            // The signature is not kept with an installed pack: what the install found about
            // these same bytes still holds after an app update.
            if let Some(old) = stale.filter(|old| old.hash == pack.hash) {
                pack.trust = old.trust;
            }
            if pack.info.id != name {
                return Err(vec![ContentError::new(
                    "pack.ron",
                    None,
                    ContentErrorKind::FolderMismatch {
                        id: pack.info.id,
                        folder: name.to_owned(),
                    },
                )]);
            }
            let record = record_of(&pack);
            let merged = merge(base, pack.catalog)?;
            // Paid once: the next start loads by the record. A folder that cannot be written
            // (read-only media) is checked again next time, which is slower but still right.
            let path = dir.join(CheckRecord::FILE);
            match record
                .to_text()
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    crate::records::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())
                }) {
                Ok(()) => log::info!("content pack {name} checked and recorded"),
                Err(error) => log::warn!("cannot record the check of {name}: {error}"),
            }
            Ok((merged, InstalledPack::from_record(record, true)))
        }
    }
}

/// The record of a pack that passed the check now.
pub(super) fn record_of(pack: &check::CheckedPack) -> CheckRecord {
    CheckRecord {
        version: CheckRecord::VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        checked_at: Utc::now(),
        pack: pack.info.clone(),
        trust: pack.trust.clone(),
        hash: pack.hash.clone(),
        files: pack.digests.clone(),
        modules: pack.catalog.modules.iter().map(|m| m.id.clone()).collect(),
        instruments: pack
            .catalog
            .instruments
            .keys()
            .filter(|id| {
                load::embedded()
                    .map(|embedded| !embedded.instruments.contains_key(*id))
                    .unwrap_or(true)
            })
            .cloned()
            .collect(),
    }
}

/// Builds the pack's modules from files that must hash exactly to `record`.
fn load_recorded(files: &DirFiles, record: &CheckRecord) -> Result<Catalog, Vec<ContentError>> {
    let mut errors = files.problems();
    for digest in &record.files {
        match files.read_bytes(&digest.path) {
            Some(Ok(_)) => {}
            Some(Err(kind)) => errors.push(ContentError::new(&digest.path, None, kind)),
            None => errors.push(ContentError::new(
                &digest.path,
                None,
                ContentErrorKind::MissingFile,
            )),
        }
        if load::full(&errors) {
            return Err(load::cap_errors(errors));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (digests, hash) = crate::content::pack::digests(&files.read_so_far());
    if hash != record.hash || digests != record.files {
        let changed = record
            .files
            .iter()
            .filter(|expected| !digests.contains(expected))
            .map(|expected| {
                ContentError::new(&expected.path, None, ContentErrorKind::ChangedSinceCheck)
            })
            .take(limits::ERRORS)
            .collect::<Vec<_>>();
        return Err(if changed.is_empty() {
            vec![ContentError::new(
                CheckRecord::FILE,
                None,
                ContentErrorKind::ChangedSinceCheck,
            )]
        } else {
            changed
        });
    }
    let embedded = load::embedded().map_err(<[ContentError]>::to_vec)?;
    let mut catalog = load::load_with(files, &embedded.instruments, Depth::Recorded)?;
    // The build read only recorded files (same bytes, same reads): anything else means the
    // record and the files disagree.
    if files.read_so_far().len() != record.files.len() {
        return Err(vec![ContentError::new(
            CheckRecord::FILE,
            None,
            ContentErrorKind::ChangedSinceCheck,
        )]);
    }
    let source = ModuleSource::Pack {
        id: record.pack.id.clone(),
        version: record.pack.version.clone(),
        hash: record.hash.clone(),
    };
    for module in &mut catalog.modules {
        module.pack = Some(record.pack.id.clone());
        module.source = source.clone();
    }
    Ok(catalog)
}

/// Moves a refused pack to `.set-aside/<name>-<time>`, so it is not checked at every start.
fn set_aside(packs_dir: &Path, dir: &Path, name: &str) -> Option<PathBuf> {
    let aside = packs_dir.join(SET_ASIDE);
    if let Err(error) = fs::create_dir_all(&aside) {
        log::warn!("cannot create {}: {error}", aside.display());
        return None;
    }
    let stamp = Utc::now().format("%Y%m%d-%H%M%S");
    let mut target = aside.join(format!("{name}-{stamp}"));
    if fs::symlink_metadata(&target).is_ok() {
        target = aside.join(format!("{name}-{stamp}-{}", uuid::Uuid::new_v4().simple()));
    }
    match fs::rename(dir, &target) {
        Ok(()) => Some(target),
        Err(error) => {
            log::warn!("cannot set {} aside: {error}", dir.display());
            None
        }
    }
}

/// The folder of installed pack `id`, checked to be a real folder (never a link).
pub(super) fn pack_dir(packs_dir: &Path, id: &str) -> Result<PathBuf, PackError> {
    let dir = packs_dir.join(id);
    let is_dir = limits::is_valid_id(id) && fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir());
    if is_dir {
        Ok(dir)
    } else {
        Err(PackError::NotInstalled(id.to_owned()))
    }
}

/// Switches an installed pack off (it stays installed, and is not loaded) or back on.
pub fn set_enabled(packs_dir: &Path, id: &str, enabled: bool) -> Result<(), PackError> {
    with_lock(packs_dir, || {
        let dir = pack_dir(packs_dir, id)?;
        // A pack not checked yet (copied by hand, the app not started since) has no record to
        // be listed by: it could not be found again to switch it on.
        if read_record(&dir).is_none() {
            return Err(PackError::NotInstalled(id.to_owned()));
        }
        let marker = dir.join(DISABLED);
        if enabled {
            match fs::remove_file(&marker) {
                Ok(()) => Ok(()),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(error) => Err(PackError::write(&marker, &error)),
            }
        } else {
            crate::records::write_atomic(&marker, b"disabled by the admin\n")
                .map_err(|error| PackError::write(&marker, &error))
        }
    })
}

/// Removes an installed pack: one rename out of `packs/`, then deletion (a leftover of an
/// interrupted deletion sits in `.staging` and goes at the next start).
pub fn remove_pack(packs_dir: &Path, id: &str) -> Result<(), PackError> {
    with_lock(packs_dir, || {
        let dir = pack_dir(packs_dir, id)?;
        let staging = packs_dir.join(STAGING);
        fs::create_dir_all(&staging).map_err(|error| PackError::write(&staging, &error))?;
        let doomed = staging.join(format!("removed-{}", uuid::Uuid::new_v4().simple()));
        fs::rename(&dir, &doomed).map_err(|error| PackError::write(&dir, &error))?;
        if let Err(error) = fs::remove_dir_all(&doomed) {
            log::warn!(
                "{} will be deleted at the next start: {error}",
                doomed.display()
            );
        }
        Ok(())
    })
}

/// Adds a publisher key (hex) to the trusted list of `packs_dir`, under `name`.
pub fn trust_publisher(packs_dir: &Path, name: &str, key: &str) -> Result<(), PackError> {
    let key = key.trim().to_ascii_lowercase();
    let valid = hex::decode(&key)
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .is_some_and(|bytes| ed25519_dalek::VerifyingKey::from_bytes(&bytes).is_ok());
    if !valid || name.trim().is_empty() {
        return Err(PackError::BadKey);
    }
    with_lock(packs_dir, || {
        let mut list = Publishers::load(packs_dir);
        list.version = 1;
        list.publishers.retain(|publisher| publisher.key != key);
        list.publishers.push(crate::content::pack::Publisher {
            name: name.trim().to_owned(),
            key: key.clone(),
        });
        let path = packs_dir.join(Publishers::FILE);
        let text = ron::ser::to_string_pretty(&list, ron::ser::PrettyConfig::default()).map_err(
            |error| PackError::Write {
                path: path.clone(),
                detail: error.to_string(),
            },
        )?;
        crate::records::write_atomic(&path, text.as_bytes())
            .map_err(|error| PackError::write(&path, &error))
    })
}

/// A change to the installed packs, as Settings asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackRequest {
    /// Check and install the pack in this folder (`confirmed`: the admin accepted a pack not
    /// signed by a trusted publisher).
    Install {
        source: PathBuf,
        confirmed: bool,
    },
    Remove(String),
    SetEnabled {
        id: String,
        enabled: bool,
    },
}

/// What a [`PackRequest`] did, with the packs loaded again when something changed.
#[derive(Debug, Clone)]
pub struct PackDone {
    pub request: PackRequest,
    /// The pack's name (install) or id (other changes), or why nothing changed.
    pub result: Result<String, PackError>,
    /// Everything the app can teach now (`None` when nothing changed or loading failed).
    pub catalog: Option<Box<Catalog>>,
    /// Packs that did not load when the packs were loaded again.
    pub refused: Vec<RefusedPack>,
}

/// Carries out `request` on `packs_dir` and loads the packs again. Blocking: run it off the UI
/// thread.
pub fn apply(request: PackRequest, packs_dir: &Path) -> PackDone {
    let result = match &request {
        PackRequest::Install { source, confirmed } => {
            crate::content::install::install_pack(source, packs_dir, *confirmed)
                .map(|pack| pack.info.name)
        }
        PackRequest::Remove(id) => remove_pack(packs_dir, id).map(|()| id.clone()),
        PackRequest::SetEnabled { id, enabled } => {
            set_enabled(packs_dir, id, *enabled).map(|()| id.clone())
        }
    };
    let (catalog, refused) = match &result {
        Ok(_) => match load_with_packs(packs_dir) {
            Ok((catalog, refused)) => (Some(Box::new(catalog)), refused),
            Err(errors) => {
                log::error!("embedded content failed to load: {errors:?}");
                (None, Vec::new())
            }
        },
        Err(_) => (None, Vec::new()),
    };
    PackDone {
        request,
        result,
        catalog,
        refused,
    }
}
