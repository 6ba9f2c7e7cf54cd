//! The RON store in the data directory.
//!
//! ```text
//! <data>/settings.ron
//! <data>/learners/<uuid>.ron
//! <data>/progress/<learner-uuid>.ron
//! <data>/attempts/<uuid>.ron
//! <data>/quarantine/        damaged files, moved here, never deleted
//! <data>/packs/             content packs
//! <data>/device.ron, device.key   this installation's signing key pair
//! <data>/devices/<uuid>.ron  public keys pinned by earlier versions (read, never written now)
//! <data>/imported/<uuid>.ron one file per import: the records it added, as received
//! <data>/journal/<time>-<uuid>.ron  every import: when, which file (and its hash), what it
//!                            added or refused (the batch carries its own entry too)
//! <data>/authority.ron, authority.key  HR's authority key pair (HR's PC only)
//! <data>/approvals/<uuid>.ron HR's signed decisions about device keys
//! <data>/enrolment.ron       this PC's enrolment certificate from HR, if any
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Utc;
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::records::atomic::{lock_file, write_atomic};
use crate::records::attempt::{ATTEMPT_VERSION, Attempt};
use crate::records::authority::Authority;
use crate::records::bundle::{BATCH_VERSION, ImportBatch};
use crate::records::cache::{self, Checked};
use crate::records::correction::{CORRECTION_VERSION, Correction};
use crate::records::error::StoreError;
use crate::records::identity::{DeviceKey, Identity};
use crate::records::journal::{self, JOURNAL_DIR, JournalState};
use crate::records::learner::{LEARNER_VERSION, Learner};
use crate::records::ledger::Ledger;
use crate::records::progress::{PROGRESS_VERSION, Progress};
use crate::records::trust::{APPROVAL_VERSION, Approval, Enrolment, KeyTrust, Trust};
use crate::settings::{SETTINGS_VERSION, Settings};

const LEARNERS: &str = "learners";
const PROGRESS: &str = "progress";
const ATTEMPTS: &str = "attempts";
const QUARANTINE: &str = "quarantine";
pub const PACKS: &str = "packs";
pub(super) const DEVICES: &str = "devices";
pub(super) const IMPORTED: &str = "imported";
pub(super) const CORRECTIONS: &str = "corrections";

/// A file that could not be used, and what was done with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Unreadable or damaged: moved to the quarantine folder (the new path).
    Quarantined { to: PathBuf, reason: String },
    /// Written by a newer version of the app: left where it is, untouched.
    Newer { version: u32 },
    /// Could not even be moved aside; left in place.
    Stuck { reason: String },
    /// Unreadable or damaged, found by a read-only check: left where it is.
    Damaged { reason: String },
    /// A file set aside earlier, still in the quarantine folder.
    InQuarantine,
}

/// The same record id with different content in two places. Both versions stay on disk; the
/// one that verifies (if any) is the one that counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: Uuid,
    /// Where the version in use came from, and where the other one is.
    pub kept: String,
    pub other: String,
}

/// A hash map with a fast hasher, for the maps keyed by 100,000 record ids (ids are random
/// UUIDs from this app, so flooding is no concern).
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// What is known of one attempt's copy.
#[derive(Debug, Clone)]
pub struct Held {
    pub checked: Checked,
    /// The key its device had in the bundle (or this PC's own key).
    pub key: Option<Arc<str>>,
    /// HR's decision on that key; `None` when there is no key to decide on.
    pub trust: Option<KeyTrust>,
    /// Where the copy came from (see `Ledger::source`).
    pub source: u32,
    /// The chain hash it names as its predecessor (`Attempt::previous`, as bytes: copies loaded
    /// from a cache leave the hex text out).
    pub previous: Option<[u8; 32]>,
}

impl Held {
    /// Signed by a trusted key and unchanged.
    pub fn genuine(&self) -> bool {
        self.checked.signature_ok && self.trust == Some(KeyTrust::Trusted)
    }
}

/// One device key as carried by imported bundles, before or after HR's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenKey {
    pub key: DeviceKey,
    /// Attempts carried under this key.
    pub attempts: usize,
    /// The bundle files it came in.
    pub sources: Vec<String>,
    /// HR's enrolment certificate, when the bundle carried one.
    pub enrolment: Option<Enrolment>,
}

/// Everything in the data directory, plus what could not be loaded.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub settings: Settings,
    /// One profile per learner: the newest revision whose signature holds, if any.
    pub learners: Vec<Learner>,
    pub progress: HashMap<Uuid, Progress>,
    /// One copy per attempt id: the copy that verifies, when copies differ.
    pub attempts: Vec<Attempt>,
    pub problems: Vec<Problem>,
    /// A public key for every device whose records this store holds (its own included): the
    /// approved one where HR decided, else the first one seen. Bundles carry these.
    pub devices: HashMap<Uuid, DeviceKey>,
    /// Every key seen for each device, with what it carried (several means a re-keyed copy).
    pub seen: BTreeMap<Uuid, Vec<SeenKey>>,
    /// What is known of each attempt's copy in use: its checks, the key it was carried with
    /// and HR's decision on that key.
    pub held: crate::records::held::HeldMap,
    /// The key each learner revision in use was carried with.
    pub learner_keys: HashMap<Uuid, String>,
    /// The same record id arriving with different content.
    pub conflicts: Vec<Conflict>,
    /// Voids and waivers, local and imported (HR's and proposals alike; verify tells them apart).
    pub corrections: Vec<Correction>,
    /// Learner profiles (by id) whose signature was checked and holds.
    pub learners_ok: HashMap<Uuid, bool>,
    /// HR's decisions in force here.
    pub trust: Trust,
    pub journal: JournalState,
    /// Imported batches whose cache was missing or stale and was not written again by this load
    /// (a read-only one writes nothing): `Store::rebuild_caches` writes them.
    pub stale_caches: Vec<PathBuf>,
}

#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

const CHAIN_HEAD: &str = ".chain-head.ron";
pub(super) const APPROVALS: &str = "approvals";
const ENROLMENT: &str = "enrolment.ron";

/// A shortcut to the end of this device's chain, so a save need not read every attempt.
#[derive(serde::Serialize, serde::Deserialize)]
struct ChainHead {
    version: u32,
    sequence: u64,
    hash: String,
    /// How many attempt files there were when it was written.
    files: usize,
}

#[derive(serde::Deserialize)]
struct Versioned {
    version: u32,
}

/// How a load treats the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadMode {
    /// The app and commands that write: damaged files go to quarantine.
    Tidy,
    /// `records verify` and reports: nothing on disk changes; damaged files are only reported.
    ReadOnly,
    /// Full records from the RON files (no cache, answers included), read-only: for bundles.
    Full,
}

impl Store {
    /// Opens (and creates, if needed) the store at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let root = root.into();
        for dir in [
            LEARNERS,
            PROGRESS,
            ATTEMPTS,
            PACKS,
            DEVICES,
            IMPORTED,
            CORRECTIONS,
            APPROVALS,
            JOURNAL_DIR,
        ] {
            let path = root.join(dir);
            if !path.is_dir() {
                fs::create_dir_all(&path).map_err(|e| StoreError::write(&path, e))?;
            }
        }
        Ok(Store { root })
    }

    /// Opens an existing store without creating anything (for `records verify`).
    pub fn existing(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn packs_dir(&self) -> PathBuf {
        self.root.join(PACKS)
    }

    fn settings_path(&self) -> PathBuf {
        self.root.join("settings.ron")
    }

    /// Reads everything, moving damaged files to quarantine. Never fails as a whole: each bad
    /// file is set aside and reported.
    pub fn load(&self) -> Loaded {
        self.load_with(LoadMode::Tidy)
    }

    /// What the app does when it starts on this folder: clears leftover temporary files, makes
    /// the key pair on a fresh installation (a lost or damaged one is returned as the error, to
    /// be said at once, not at the first test), reads everything, rebuilds lost caches, and signs
    /// this PC's profiles written before profiles were signed.
    pub fn start(&self) -> (Loaded, Option<StoreError>) {
        self.clean_temporary_files();
        let identity_problem = self.identity().err();
        let mut loaded = self.load();
        self.rebuild_caches(&loaded);
        if identity_problem.is_none() {
            match self.sign_unsigned_learners(&loaded.learners) {
                Ok(signed) => {
                    for learner in signed {
                        if let Some(slot) = loaded.learners.iter_mut().find(|l| l.id == learner.id)
                        {
                            *slot = learner;
                        }
                    }
                }
                Err(error) => log::warn!("{error}"),
            }
        }
        if loaded.trust.own.is_none() {
            loaded.trust.own = Identity::load(&self.root).ok().map(|identity| identity.key);
        }
        (loaded, identity_problem)
    }

    /// Reads everything and changes nothing on disk.
    pub fn read(&self) -> Loaded {
        self.load_with(LoadMode::ReadOnly)
    }

    pub fn load_with(&self, mode: LoadMode) -> Loaded {
        let mut problems = Vec::new();
        let settings = match fs::read_to_string(self.settings_path()) {
            Err(_) => Settings::default(),
            Ok(text) => self
                .decode::<Settings>(
                    &self.settings_path(),
                    &text,
                    SETTINGS_VERSION,
                    mode,
                    &mut problems,
                )
                .map(Settings::sanitized)
                .unwrap_or_default(),
        };
        let own = self.own_key(&mut problems);
        let authority = match Authority::public(&self.root) {
            Ok(authority) => authority,
            Err(error) => {
                problems.push(Problem {
                    file: self.root.join("authority.ron"),
                    kind: ProblemKind::Damaged {
                        reason: error.to_string(),
                    },
                });
                None
            }
        };
        let approvals: Vec<Approval> =
            self.load_dir(APPROVALS, APPROVAL_VERSION, mode, &mut problems);
        let trust = Trust::new(own.clone(), authority, approvals);
        let progress = self
            .load_dir::<Progress>(PROGRESS, PROGRESS_VERSION, mode, &mut problems)
            .into_iter()
            .map(|progress| (progress.learner, progress))
            .collect();
        // Keys that older versions of the app pinned at import: still used to tell which key a
        // legacy batch carried, never as approvals.
        let legacy_keys: HashMap<Uuid, DeviceKey> = self
            .load_dir::<DeviceKey>(DEVICES, 1, mode, &mut problems)
            .into_iter()
            .map(|key| (key.device, key))
            .collect();
        let local_key = |device: Option<Uuid>| -> Option<Arc<str>> {
            let device = device?;
            match &own {
                Some(own) if own.device == device => Some(Arc::from(own.public_key.as_str())),
                _ => legacy_keys
                    .get(&device)
                    .map(|k| Arc::from(k.public_key.as_str())),
            }
        };
        let mut ledger = Ledger::new(trust, legacy_keys.clone());
        for learner in self.load_dir::<Learner>(LEARNERS, LEARNER_VERSION, mode, &mut problems) {
            let key = local_key(learner.device);
            ledger.add_learner(learner, key, None, "learners/");
        }
        let local = ledger.source("attempts/".to_owned());
        for attempt in self.load_dir::<Attempt>(ATTEMPTS, ATTEMPT_VERSION, mode, &mut problems) {
            let key = local_key(attempt.device);
            ledger.add_attempt(attempt, key, None, local);
        }
        for correction in
            self.load_dir::<Correction>(CORRECTIONS, CORRECTION_VERSION, mode, &mut problems)
        {
            ledger.add_correction(correction);
        }
        let stale =
            self.load_imported(mode, own.as_ref(), &legacy_keys, &mut ledger, &mut problems);
        let journal = journal::state(self, mode, &ledger.batches, &mut problems);
        // A check lists what sits in quarantine; the app announced each file when it moved it.
        if mode != LoadMode::Tidy {
            problems.extend(self.quarantined_files());
        }
        let mut loaded = ledger.finish(settings, progress, problems);
        loaded.journal = journal;
        loaded.stale_caches = stale;
        loaded
    }

    /// What an import needs to know about this store, read quickly: ids and content hashes of
    /// every attempt, learner revision and correction, and HR's decisions. Imported batches are
    /// read from their cache's index; a batch without a usable cache is read from its RON, and
    /// its cache is written again with `identity` (so the next command is fast).
    pub fn import_index(&self, identity: Option<&Identity>) -> ImportIndex {
        let mut problems = Vec::new();
        let own = self.own_key(&mut problems);
        let authority = Authority::public(&self.root).ok().flatten();
        let approvals: Vec<Approval> =
            self.load_dir(APPROVALS, APPROVAL_VERSION, LoadMode::Tidy, &mut problems);
        let mut index = ImportIndex {
            trust: Trust::new(own.clone(), authority, approvals),
            ..ImportIndex::default()
        };
        for learner in
            self.load_dir::<Learner>(LEARNERS, LEARNER_VERSION, LoadMode::Tidy, &mut problems)
        {
            index.add_learner(learner.id, learner.revision, learner.digest());
        }
        for attempt in
            self.load_dir::<Attempt>(ATTEMPTS, ATTEMPT_VERSION, LoadMode::Tidy, &mut problems)
        {
            index.add_attempt(attempt.id, attempt.chain_digest());
        }
        for correction in self.load_dir::<Correction>(
            CORRECTIONS,
            CORRECTION_VERSION,
            LoadMode::Tidy,
            &mut problems,
        ) {
            index.corrections.insert(correction.id);
        }
        let legacy: HashMap<Uuid, DeviceKey> = self
            .load_dir::<DeviceKey>(DEVICES, 1, LoadMode::Tidy, &mut problems)
            .into_iter()
            .map(|key| (key.device, key))
            .collect();
        for path in self.files_or_report(IMPORTED, &mut problems) {
            let cached = own.as_ref().and_then(|own| cache::read_index(&path, own));
            let batch_index = match cached {
                Some(batch_index) => batch_index,
                None => {
                    let Ok(text) = fs::read_to_string(&path) else {
                        continue;
                    };
                    let Ok(batch) = ron::from_str::<ImportBatch>(&text) else {
                        continue;
                    };
                    let checks = cache::check(&batch, &legacy);
                    let batch_index = cache::BatchIndex::of(&batch, &checks.0);
                    if let Some(identity) = identity
                        && let Err(error) =
                            cache::write(&path, &batch, (&checks.0, &checks.1), identity)
                    {
                        log::warn!("cannot write the cache of {}: {error}", path.display());
                    }
                    batch_index
                }
            };
            for (id, chain) in batch_index.attempts {
                index.add_attempt(id, chain);
            }
            for (id, revision, digest) in batch_index.learners {
                index.add_learner(id, revision, digest);
            }
            index.corrections.extend(batch_index.corrections);
        }
        index
    }

    /// This installation's public key, if it has one. A damaged `device.ron` is reported.
    fn own_key(&self, problems: &mut Vec<Problem>) -> Option<DeviceKey> {
        let path = self.root.join("device.ron");
        match fs::read_to_string(&path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => {
                problems.push(Problem {
                    file: path,
                    kind: ProblemKind::Damaged {
                        reason: error.to_string(),
                    },
                });
                None
            }
            Ok(text) => match ron::from_str::<DeviceKey>(&text) {
                Ok(key) => Some(key),
                Err(error) => {
                    problems.push(Problem {
                        file: path,
                        kind: ProblemKind::Damaged {
                            reason: error.to_string(),
                        },
                    });
                    None
                }
            },
        }
    }

    /// Files set aside earlier: a check lists them so nothing disappears from view.
    fn quarantined_files(&self) -> Vec<Problem> {
        let Ok(entries) = fs::read_dir(self.root.join(QUARANTINE)) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        files
            .into_iter()
            .map(|file| Problem {
                file,
                kind: ProblemKind::InQuarantine,
            })
            .collect()
    }

    /// The record files of a folder, sorted: `*.ron`, not the hidden temporary files a crash
    /// between write and rename can leave. An unreadable folder is reported, not taken as empty.
    fn record_files(&self, dir: &str) -> Result<Vec<PathBuf>, std::io::Error> {
        let entries = match fs::read_dir(self.root.join(dir)) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(error),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
            .filter(|path| {
                !path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        Ok(paths)
    }

    fn files_or_report(&self, dir: &str, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
        match self.record_files(dir) {
            Ok(paths) => paths,
            Err(error) => {
                problems.push(Problem {
                    file: self.root.join(dir),
                    kind: ProblemKind::Damaged {
                        reason: error.to_string(),
                    },
                });
                Vec::new()
            }
        }
    }

    /// The import batches: from their sealed caches where the seal holds, else from the RON
    /// (checking every signature). Returns the batches whose cache needs rebuilding.
    fn load_imported(
        &self,
        mode: LoadMode,
        own: Option<&DeviceKey>,
        legacy_keys: &HashMap<Uuid, DeviceKey>,
        ledger: &mut Ledger,
        problems: &mut Vec<Problem>,
    ) -> Vec<PathBuf> {
        let paths = self.files_or_report(IMPORTED, problems);
        let mut stale = Vec::new();
        // A load that may write seals a new cache for each batch it had to read from the RON
        // (a lost cache, or one from an earlier version), as it reads it: the records are
        // parsed and checked once, and the next run is fast again.
        let sealer = match mode {
            LoadMode::Tidy => Identity::load(&self.root).ok(),
            LoadMode::ReadOnly | LoadMode::Full => None,
        };
        let sealer = sealer.as_ref();
        // Batches are independent: read them on every core, and add each to the ledger as it
        // arrives, so only a few decoded batches are in memory at once.
        let workers = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 4);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let (sender, receiver) = std::sync::mpsc::sync_channel::<(PathBuf, BatchRead)>(workers);
        let paths = &paths;
        let next = &next;
        let mut results: Vec<(PathBuf, BatchRead)> = Vec::new();
        std::thread::scope(|scope| {
            for _ in 0..workers {
                let sender = sender.clone();
                scope.spawn(move || {
                    loop {
                        let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(path) = paths.get(at) else { break };
                        let read = self.read_batch(path, mode, own, legacy_keys, sealer);
                        if sender.send((path.clone(), read)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            for (path, read) in receiver {
                match read {
                    BatchRead::Cached(cached) | BatchRead::Resealed(cached) => {
                        ledger.add_batch(*cached, &path);
                    }
                    BatchRead::Parsed(cached) => {
                        stale.push(path.clone());
                        ledger.add_batch(*cached, &path);
                    }
                    other => results.push((path, other)),
                }
            }
        });
        for (path, read) in results {
            match read {
                BatchRead::Cached(_) | BatchRead::Resealed(_) | BatchRead::Parsed(_) => {}
                BatchRead::Newer(version) => problems.push(Problem {
                    file: path,
                    kind: ProblemKind::Newer { version },
                }),
                BatchRead::Damaged(reason) => {
                    if mode == LoadMode::Tidy {
                        self.quarantine(&path, reason, problems);
                    } else {
                        problems.push(Problem {
                            file: path,
                            kind: ProblemKind::Damaged { reason },
                        });
                    }
                }
            }
        }
        stale
    }

    fn read_batch(
        &self,
        path: &Path,
        mode: LoadMode,
        own: Option<&DeviceKey>,
        legacy_keys: &HashMap<Uuid, DeviceKey>,
        sealer: Option<&Identity>,
    ) -> BatchRead {
        if mode != LoadMode::Full
            && let Some(own) = own
            && let Some(cached) = cache::read(path, own)
        {
            return BatchRead::Cached(Box::new(cached));
        }
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => return BatchRead::Damaged(error.to_string()),
        };
        match ron::from_str::<Versioned>(&text) {
            Ok(Versioned { version }) if version > BATCH_VERSION => {
                return BatchRead::Newer(version);
            }
            Ok(_) => {}
            Err(error) => return BatchRead::Damaged(error.to_string()),
        }
        match ron::from_str::<ImportBatch>(&text) {
            Ok(batch) => {
                let checked = cache::check(&batch, legacy_keys);
                let resealed = sealer.is_some_and(|identity| {
                    cache::write(path, &batch, (&checked.0, &checked.1), identity)
                        .inspect_err(|error| {
                            log::warn!("cannot write the cache of {}: {error}", path.display());
                        })
                        .is_ok()
                });
                let mut cached = cache::CachedBatch::new(batch, checked);
                if mode != LoadMode::Full {
                    cached.strip_answers();
                }
                if resealed {
                    BatchRead::Resealed(Box::new(cached))
                } else {
                    BatchRead::Parsed(Box::new(cached))
                }
            }
            Err(error) => BatchRead::Damaged(error.to_string()),
        }
    }

    /// Writes the caches that were missing or stale, so the next run is fast again. Needs this
    /// installation's key to seal them; without it, nothing is written (loading stays correct,
    /// only slower).
    pub fn rebuild_caches(&self, loaded: &Loaded) {
        if loaded.stale_caches.is_empty() {
            return;
        }
        let Ok(identity) = Identity::load(&self.root) else {
            return;
        };
        let empty = HashMap::new();
        for path in &loaded.stale_caches {
            let Ok(text) = fs::read_to_string(path) else {
                continue;
            };
            let Ok(batch) = ron::from_str::<ImportBatch>(&text) else {
                continue;
            };
            let legacy: HashMap<Uuid, DeviceKey> = if batch.devices.is_empty() {
                loaded.devices.clone()
            } else {
                empty.clone()
            };
            let checked = cache::check(&batch, &legacy);
            if let Err(error) = cache::write(path, &batch, (&checked.0, &checked.1), &identity) {
                log::warn!("cannot write the cache of {}: {error}", path.display());
            }
        }
    }

    /// Removes the temporary files a crash between write and rename can leave (this app's own
    /// `.<name>.<pid>.<id>.tmp`), older than a minute so a save in progress is never touched.
    pub fn clean_temporary_files(&self) -> usize {
        let mut removed = 0;
        let mut dirs = vec![self.root.clone()];
        for dir in [
            LEARNERS,
            PROGRESS,
            ATTEMPTS,
            IMPORTED,
            CORRECTIONS,
            APPROVALS,
            JOURNAL_DIR,
            DEVICES,
        ] {
            dirs.push(self.root.join(dir));
        }
        let now = std::time::SystemTime::now();
        for dir in dirs {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !(name.starts_with('.') && name.ends_with(".tmp")) {
                    continue;
                }
                let old = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| now.duration_since(t).ok())
                    .is_some_and(|age| age.as_secs() >= 60);
                if old && fs::remove_file(entry.path()).is_ok() {
                    removed += 1;
                }
            }
        }
        removed
    }

    /// HR's authority key pair, when this is an HR installation.
    pub fn authority(&self) -> Result<Option<Authority>, StoreError> {
        Authority::load(&self.root)
    }

    /// HR's certificate on this PC's key, if it was enrolled. A damaged file is an error.
    pub fn enrolment(&self) -> Result<Option<Enrolment>, StoreError> {
        let path = self.root.join(ENROLMENT);
        match fs::read_to_string(&path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(StoreError::Read {
                path,
                detail: error.to_string(),
            }),
            Ok(text) => ron::from_str(&text)
                .map(Some)
                .map_err(|e| StoreError::Read {
                    path,
                    detail: e.to_string(),
                }),
        }
    }

    /// Keeps HR's certificate on this PC's key, to carry in every bundle.
    pub fn save_enrolment(&self, enrolment: &Enrolment) -> Result<(), StoreError> {
        self.write(&self.root.join(ENROLMENT), enrolment)
    }

    /// Saves HR's signed decision about a device key.
    pub fn save_approval(&self, approval: &Approval) -> Result<(), StoreError> {
        self.write(
            &self
                .root
                .join(APPROVALS)
                .join(format!("{}.ron", approval.id)),
            approval,
        )
    }

    /// Saves a signed correction (a new record; nothing existing is changed).
    pub fn save_correction(&self, correction: &Correction) -> Result<(), StoreError> {
        self.write(
            &self
                .root
                .join(CORRECTIONS)
                .join(format!("{}.ron", correction.id)),
            correction,
        )
    }

    pub(super) fn load_dir<T: DeserializeOwned>(
        &self,
        dir: &str,
        current: u32,
        mode: LoadMode,
        problems: &mut Vec<Problem>,
    ) -> Vec<T> {
        let paths = self.files_or_report(dir, problems);
        paths
            .into_iter()
            .filter_map(|path| match fs::read_to_string(&path) {
                Ok(text) => self.decode(&path, &text, current, mode, problems),
                Err(error) => {
                    self.set_aside(&path, error.to_string(), mode, problems);
                    None
                }
            })
            .collect()
    }

    /// Parses one record; a damaged one goes to quarantine (or is only reported, read-only), a
    /// newer one is left alone.
    fn decode<T: DeserializeOwned>(
        &self,
        path: &Path,
        text: &str,
        current: u32,
        mode: LoadMode,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        // A byte-order mark from a Windows editor is not damage.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match ron::from_str::<Versioned>(text) {
            Ok(Versioned { version }) if version > current => {
                problems.push(Problem {
                    file: path.to_path_buf(),
                    kind: ProblemKind::Newer { version },
                });
                return None;
            }
            Ok(_) => {}
            Err(error) => {
                self.set_aside(path, error.to_string(), mode, problems);
                return None;
            }
        }
        match ron::from_str::<T>(text) {
            Ok(value) => Some(value),
            Err(error) => {
                self.set_aside(path, error.to_string(), mode, problems);
                None
            }
        }
    }

    fn set_aside(&self, path: &Path, reason: String, mode: LoadMode, problems: &mut Vec<Problem>) {
        if mode == LoadMode::Tidy {
            self.quarantine(path, reason, problems);
        } else {
            problems.push(Problem {
                file: path.to_path_buf(),
                kind: ProblemKind::Damaged { reason },
            });
        }
    }

    /// Moves a damaged file into `quarantine/`, keeping its name and adding a timestamp, so it is
    /// never overwritten and can be inspected or restored by hand.
    fn quarantine(&self, path: &Path, reason: String, problems: &mut Vec<Problem>) {
        let folder = self.root.join(QUARANTINE);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let parent = path
            .parent()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3f");
        let to = folder.join(format!("{parent}-{name}.{stamp}.damaged"));
        let moved = fs::create_dir_all(&folder).and_then(|()| fs::rename(path, &to));
        log::warn!("damaged file {}: {reason}", path.display());
        problems.push(Problem {
            file: path.to_path_buf(),
            kind: match moved {
                Ok(()) => ProblemKind::Quarantined { to, reason },
                Err(error) => ProblemKind::Stuck {
                    reason: format!("{reason}; {error}"),
                },
            },
        });
    }

    pub(super) fn write<T: Serialize>(&self, path: &Path, value: &T) -> Result<(), StoreError> {
        let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
            .map_err(|e| StoreError::Encode(e.to_string()))?;
        write_atomic(path, text.as_bytes()).map_err(|e| StoreError::write(path, e))
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.write(&self.settings_path(), settings)
    }

    /// Signs the profile with this installation's key and writes it. Returns what was saved.
    pub fn save_learner(&self, learner: &Learner) -> Result<Learner, StoreError> {
        let identity = self.identity()?;
        let mut signed = learner.clone();
        signed.sign(&identity);
        self.write(
            &self.root.join(LEARNERS).join(format!("{}.ron", learner.id)),
            &signed,
        )?;
        Ok(signed)
    }

    /// Signs this PC's unsigned profiles (written before profiles were signed). Returns them.
    pub fn sign_unsigned_learners(&self, learners: &[Learner]) -> Result<Vec<Learner>, StoreError> {
        let mut signed = Vec::new();
        for learner in learners.iter().filter(|l| l.signature.is_none()) {
            let path = self.root.join(LEARNERS).join(format!("{}.ron", learner.id));
            // Only this PC's own files: a profile that came in a bundle is another PC's to sign.
            if path.exists() {
                signed.push(self.save_learner(learner)?);
            }
        }
        Ok(signed)
    }

    /// Writes a finished attempt. Attempts are never rewritten: saving one whose file exists is
    /// a no-op, so a retried save cannot clobber a record.
    pub fn save_attempt(&self, attempt: &Attempt) -> Result<(), StoreError> {
        let path = self.root.join(ATTEMPTS).join(format!("{}.ron", attempt.id));
        if path.exists() {
            return Ok(());
        }
        self.write(&path, attempt)
    }

    /// This installation's signing identity (made on first use).
    pub fn identity(&self) -> Result<Identity, StoreError> {
        Identity::load_or_create(&self.root)
    }

    /// Signs a finished attempt as the next link of this device's chain and writes it. Runs
    /// under a lock, so two copies of the app on one folder never take the same place.
    pub fn record_attempt(&self, attempt: &Attempt) -> Result<Attempt, StoreError> {
        let identity = self.identity()?;
        let lock_path = self.root.join(".chain.lock");
        let mut lock = lock_file(&lock_path)?;
        let _guard = lock.write().map_err(|e| StoreError::write(&lock_path, e))?;
        let (sequence, previous) = self.chain_head(&identity)?;
        let mut signed = attempt.clone();
        signed.sign_as(&identity, sequence + 1, previous);
        let path = self.root.join(ATTEMPTS).join(format!("{}.ron", signed.id));
        if path.exists() {
            return Err(StoreError::write(
                &path,
                std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "attempt already recorded",
                ),
            ));
        }
        self.write(&path, &signed)?;
        let head = ChainHead {
            version: 1,
            sequence: signed.sequence,
            hash: signed.chain_hash(),
            files: self.count_attempt_files(),
        };
        // The head is only a shortcut: if this write is lost, the next save rebuilds it.
        if let Err(error) = self.write(&self.root.join(CHAIN_HEAD), &head) {
            log::warn!("{error}");
        }
        Ok(signed)
    }

    fn count_attempt_files(&self) -> usize {
        self.record_files(ATTEMPTS).map_or(0, |files| files.len())
    }

    /// The last link of this device's chain: (sequence, hash). The head file is trusted only
    /// when the number of attempt files matches what it saw; otherwise (after a crash between
    /// writing an attempt and its head, or files added by hand) the chain is read from the files.
    fn chain_head(&self, identity: &Identity) -> Result<(u64, Option<String>), StoreError> {
        let files = self.count_attempt_files();
        if let Ok(text) = fs::read_to_string(self.root.join(CHAIN_HEAD))
            && let Ok(head) = ron::from_str::<ChainHead>(&text)
            && head.files == files
        {
            return Ok((head.sequence, Some(head.hash)));
        }
        let mut problems = Vec::new();
        let head = self
            .load_dir::<Attempt>(ATTEMPTS, ATTEMPT_VERSION, LoadMode::ReadOnly, &mut problems)
            .into_iter()
            .filter(|a| a.device == Some(identity.key.device))
            .max_by_key(|a| a.sequence);
        Ok(head.map_or((0, None), |h| (h.sequence, Some(h.chain_hash()))))
    }

    /// Saves progress merged with what is on disk, under a lock, so two running copies of the app
    /// for the same learner keep each other's lessons. Returns the merged progress.
    pub fn save_progress(&self, progress: &Progress) -> Result<Progress, StoreError> {
        let dir = self.root.join(PROGRESS);
        let path = dir.join(format!("{}.ron", progress.learner));
        let lock_path = dir.join(format!(".{}.lock", progress.learner));
        let mut lock = lock_file(&lock_path)?;
        let _guard = lock.write().map_err(|e| StoreError::write(&lock_path, e))?;
        let mut merged = progress.clone();
        if let Ok(text) = fs::read_to_string(&path) {
            let mut problems = Vec::new();
            if let Some(on_disk) = self.decode::<Progress>(
                &path,
                &text,
                PROGRESS_VERSION,
                LoadMode::Tidy,
                &mut problems,
            ) {
                merged.merge(&on_disk);
            }
        }
        self.write(&path, &merged)?;
        Ok(merged)
    }

    /// Checks that another process can create files here (used at start-up for a clear message
    /// on a read-only USB stick).
    pub fn probe_writable(&self) -> Result<(), StoreError> {
        let path = self
            .root
            .join(format!(".probe-{}", Uuid::new_v4().simple()));
        File::create(&path).map_err(|e| StoreError::write(&path, e))?;
        fs::remove_file(&path).map_err(|e| StoreError::write(&path, e))
    }
}

/// What reading one import batch gave.
enum BatchRead {
    Cached(Box<cache::CachedBatch>),
    /// Read from the RON (its cache was missing or stale), and a new cache written.
    Resealed(Box<cache::CachedBatch>),
    /// Read from the RON: its cache is missing or stale.
    Parsed(Box<cache::CachedBatch>),
    Newer(u32),
    Damaged(String),
}

/// What an import compares a bundle with (see [`Store::import_index`]).
#[derive(Debug, Clone, Default)]
pub struct ImportIndex {
    /// Attempt id → chain hash of the copy here (the first one found).
    pub attempts: FastMap<Uuid, [u8; 32]>,
    /// Chain hashes of further, conflicting copies of the same ids, so a copy already here is
    /// known as such whichever of the copies was found first.
    pub other_copies: HashMap<Uuid, Vec<[u8; 32]>>,
    /// Learner id → the newest revision here and its content hash.
    pub learners: HashMap<Uuid, (u32, [u8; 32])>,
    pub corrections: std::collections::HashSet<Uuid>,
    pub trust: Trust,
}

impl ImportIndex {
    /// Notes a copy of an attempt held here.
    pub fn add_attempt(&mut self, id: Uuid, chain: [u8; 32]) {
        match self.attempts.get(&id) {
            None => {
                self.attempts.insert(id, chain);
            }
            Some(first) if *first == chain => {}
            Some(_) => {
                let others = self.other_copies.entry(id).or_default();
                if !others.contains(&chain) {
                    others.push(chain);
                }
            }
        }
    }

    /// Whether this very copy (by chain hash) of the attempt is held here.
    pub fn holds(&self, id: &Uuid, chain: &[u8; 32]) -> bool {
        self.attempts.get(id) == Some(chain)
            || self
                .other_copies
                .get(id)
                .is_some_and(|others| others.contains(chain))
    }

    pub fn add_learner(&mut self, id: Uuid, revision: u32, digest: [u8; 32]) {
        let slot = self.learners.entry(id).or_insert((revision, digest));
        if revision > slot.0 {
            *slot = (revision, digest);
        }
    }
}
