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
//! <data>/devices/<uuid>.ron  public keys of other devices, learned from imported bundles
//! <data>/imported/<uuid>.ron one file per import: the records it added, as received
//! <data>/import-journal.ron  every import: when, from which file, what it added or refused
//! ```

use std::collections::HashMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::records::atomic::{lock_file, write_atomic};
use crate::records::attempt::{ATTEMPT_VERSION, Attempt};
use crate::records::bundle::{BATCH_VERSION, ImportBatch};
use crate::records::cache::Checked;
use crate::records::correction::{CORRECTION_VERSION, Correction};
use crate::records::error::StoreError;
use crate::records::identity::{DeviceKey, Identity};
use crate::records::learner::{LEARNER_VERSION, Learner};
use crate::records::progress::{PROGRESS_VERSION, Progress};
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
}

/// Everything in the data directory, plus what could not be loaded.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub settings: Settings,
    pub learners: Vec<Learner>,
    pub progress: HashMap<Uuid, Progress>,
    pub attempts: Vec<Attempt>,
    pub problems: Vec<Problem>,
    /// Public keys of every device whose records this store holds (its own included).
    pub devices: HashMap<Uuid, DeviceKey>,
    /// The same record id arriving with different content (from different imports).
    pub conflicts: Vec<Uuid>,
    /// Voids and waivers, local and imported.
    pub corrections: Vec<Correction>,
    /// Signature checks and chain hashes done at import time (from sealed caches).
    pub checked: HashMap<Uuid, Checked>,
}

#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

const CHAIN_HEAD: &str = ".chain-head.ron";

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
        ] {
            let path = root.join(dir);
            fs::create_dir_all(&path).map_err(|e| StoreError::write(&path, e))?;
        }
        Ok(Store { root })
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

    /// Reads everything. Never fails as a whole: each bad file is set aside and reported.
    pub fn load(&self) -> Loaded {
        let mut problems = Vec::new();
        let settings = match fs::read_to_string(self.settings_path()) {
            Err(_) => Settings::default(),
            Ok(text) => self
                .decode::<Settings>(
                    &self.settings_path(),
                    &text,
                    SETTINGS_VERSION,
                    &mut problems,
                )
                .map(Settings::sanitized)
                .unwrap_or_default(),
        };
        let mut learners: Vec<Learner> = self.load_dir(LEARNERS, LEARNER_VERSION, &mut problems);
        learners.sort_by_key(|learner| learner.name.to_lowercase());
        let progress = self
            .load_dir::<Progress>(PROGRESS, PROGRESS_VERSION, &mut problems)
            .into_iter()
            .map(|progress| (progress.learner, progress))
            .collect();
        let mut attempts: Vec<Attempt> = self.load_dir(ATTEMPTS, ATTEMPT_VERSION, &mut problems);
        let own_key = fs::read_to_string(self.root.join("device.ron"))
            .ok()
            .and_then(|text| ron::from_str::<DeviceKey>(&text).ok());
        let (batches, checked) = self.load_imported(own_key.as_ref(), &mut problems);
        let mut corrections: Vec<Correction> =
            self.load_dir(CORRECTIONS, CORRECTION_VERSION, &mut problems);
        let mut conflicts = Vec::new();
        let mut seen: HashMap<Uuid, usize> = attempts
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
        let mut known_learners: HashMap<Uuid, usize> = learners
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id, i))
            .collect();
        for batch in batches {
            for correction in batch.corrections {
                if !corrections.iter().any(|c| c.id == correction.id) {
                    corrections.push(correction);
                }
            }
            for learner in batch.learners {
                if let std::collections::hash_map::Entry::Vacant(slot) =
                    known_learners.entry(learner.id)
                {
                    slot.insert(learners.len());
                    learners.push(learner);
                }
            }
            for attempt in batch.attempts {
                match seen.get(&attempt.id) {
                    Some(&at) if attempts[at] != attempt => conflicts.push(attempt.id),
                    Some(_) => {}
                    None => {
                        seen.insert(attempt.id, attempts.len());
                        attempts.push(attempt);
                    }
                }
            }
        }
        learners.sort_by_key(|learner| learner.name.to_lowercase());
        attempts.sort_by_key(|attempt| attempt.finished);
        let mut devices: HashMap<Uuid, DeviceKey> = self
            .load_dir::<DeviceKey>(DEVICES, 1, &mut problems)
            .into_iter()
            .map(|key| (key.device, key))
            .collect();
        if let Some(own) = own_key {
            devices.insert(own.device, own);
        }
        Loaded {
            settings,
            learners,
            progress,
            attempts,
            problems,
            devices,
            conflicts,
            corrections,
            checked,
        }
    }

    /// The record files of a folder, sorted: `*.ron`, not the hidden temporary files a crash
    /// between write and rename can leave.
    fn record_files(&self, dir: &str) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.root.join(dir)) else {
            return Vec::new();
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
        paths
    }

    /// The import batches: from their sealed caches where the seal holds, else from the RON.
    fn load_imported(
        &self,
        own_key: Option<&DeviceKey>,
        problems: &mut Vec<Problem>,
    ) -> (Vec<ImportBatch>, HashMap<Uuid, Checked>) {
        let paths = self.record_files(IMPORTED);
        let mut batches = Vec::new();
        let mut checked = HashMap::new();
        for path in paths {
            let cached = own_key.and_then(|key| crate::records::cache::read(&path, key));
            if let Some((batch, results)) = cached {
                checked.extend(batch.attempts.iter().map(|a| a.id).zip(results));
                batches.push(batch);
                continue;
            }
            match fs::read_to_string(&path) {
                Ok(text) => {
                    if let Some(batch) =
                        self.decode::<ImportBatch>(&path, &text, BATCH_VERSION, problems)
                    {
                        batches.push(batch);
                    }
                }
                Err(error) => self.quarantine(&path, error.to_string(), problems),
            }
        }
        (batches, checked)
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
        problems: &mut Vec<Problem>,
    ) -> Vec<T> {
        let paths = self.record_files(dir);
        paths
            .into_iter()
            .filter_map(|path| match fs::read_to_string(&path) {
                Ok(text) => self.decode(&path, &text, current, problems),
                Err(error) => {
                    self.quarantine(&path, error.to_string(), problems);
                    None
                }
            })
            .collect()
    }

    /// Parses one record; a damaged one goes to quarantine, a newer one is left alone.
    fn decode<T: DeserializeOwned>(
        &self,
        path: &Path,
        text: &str,
        current: u32,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
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
                self.quarantine(path, error.to_string(), problems);
                return None;
            }
        }
        match ron::from_str::<T>(text) {
            Ok(value) => Some(value),
            Err(error) => {
                self.quarantine(path, error.to_string(), problems);
                None
            }
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

    pub fn save_learner(&self, learner: &Learner) -> Result<(), StoreError> {
        self.write(
            &self.root.join(LEARNERS).join(format!("{}.ron", learner.id)),
            learner,
        )
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
        self.record_files(ATTEMPTS).len()
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
            .load_dir::<Attempt>(ATTEMPTS, ATTEMPT_VERSION, &mut problems)
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
            if let Some(on_disk) =
                self.decode::<Progress>(&path, &text, PROGRESS_VERSION, &mut problems)
            {
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
