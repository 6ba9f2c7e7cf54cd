//! Putting the records of a store together: one copy per record id, chosen by what verifies.
//!
//! Records reach HR in many bundles, and the same id can come twice: identical (a re-export:
//! nothing to do) or different (an edited or re-signed copy). Then both versions stay on disk,
//! the copy signed by the device's trusted key is the one in use whichever arrived first, and the
//! pair is reported as a conflict. Nothing here trusts a key: `Trust` says which keys count.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::records::attempt::Attempt;
use crate::records::bundle::JournalEntry;
use crate::records::cache::{self, CachedBatch, Checked};
use crate::records::correction::Correction;
use crate::records::identity::DeviceKey;
use crate::records::learner::Learner;
use crate::records::progress::Progress;
use crate::records::store::{Conflict, Loaded, Problem, SeenKey};
use crate::records::trust::{KeyTrust, Trust};
use crate::settings::Settings;

/// An import batch as far as the journal cares.
#[derive(Debug, Clone)]
pub struct BatchInfo {
    pub path: PathBuf,
    pub id: Option<Uuid>,
    pub journal: Option<JournalEntry>,
}

struct LearnerPick {
    learner: Learner,
    key: Option<String>,
    ok: bool,
    genuine: bool,
    origin: String,
}

pub struct Ledger {
    trust: Trust,
    attempts: Vec<Attempt>,
    index: HashMap<Uuid, usize>,
    origins: HashMap<Uuid, String>,
    genuine: HashMap<Uuid, bool>,
    keys: HashMap<Uuid, String>,
    checked: HashMap<Uuid, Checked>,
    learners: HashMap<Uuid, LearnerPick>,
    corrections: Vec<Correction>,
    correction_ids: HashSet<Uuid>,
    conflicts: Vec<Conflict>,
    seen: BTreeMap<Uuid, Vec<SeenKey>>,
    pub batches: Vec<BatchInfo>,
}

impl Ledger {
    pub fn new(trust: Trust) -> Ledger {
        Ledger {
            trust,
            attempts: Vec::new(),
            index: HashMap::new(),
            origins: HashMap::new(),
            genuine: HashMap::new(),
            keys: HashMap::new(),
            checked: HashMap::new(),
            learners: HashMap::new(),
            corrections: Vec::new(),
            correction_ids: HashSet::new(),
            conflicts: Vec::new(),
            seen: BTreeMap::new(),
            batches: Vec::new(),
        }
    }

    fn trusted(&self, device: Option<Uuid>, key: Option<&str>) -> bool {
        match (device, key) {
            (Some(device), Some(key)) => self.trust.of(device, key) == KeyTrust::Trusted,
            _ => false,
        }
    }

    /// Adds one copy of an attempt, carried with `key`; `checked` when its signature was
    /// checked at import time (else it is checked now).
    pub fn add_attempt(
        &mut self,
        attempt: Attempt,
        key: Option<String>,
        checked: Option<Checked>,
        origin: &str,
    ) {
        let checked = checked.unwrap_or_else(|| Checked {
            signature_ok: match (&attempt.signature, &key) {
                (Some(signature), Some(key)) => {
                    crate::records::authority::verifies(key, &attempt.signed_bytes(), signature)
                }
                _ => false,
            },
            chain_hash: attempt.chain_hash(),
        });
        let genuine = checked.signature_ok && self.trusted(attempt.device, key.as_deref());
        match self.index.get(&attempt.id).copied() {
            None => {
                let id = attempt.id;
                self.index.insert(id, self.attempts.len());
                self.attempts.push(attempt);
                self.origins.insert(id, origin.to_owned());
                self.genuine.insert(id, genuine);
                if let Some(key) = key {
                    self.keys.insert(id, key);
                }
                self.checked.insert(id, checked);
            }
            Some(at) => {
                let id = attempt.id;
                // The chain hash covers every signed byte and the signature: equal hashes are
                // the same record (one copy may have its answers left in the batch file).
                if self.checked.get(&id).map(|c| &c.chain_hash) == Some(&checked.chain_hash) {
                    return;
                }
                let here = self.origins.get(&id).cloned().unwrap_or_default();
                let replace = genuine && !self.genuine.get(&id).copied().unwrap_or(false);
                if replace {
                    self.attempts[at] = attempt;
                    self.origins.insert(id, origin.to_owned());
                    self.genuine.insert(id, true);
                    match key {
                        Some(key) => self.keys.insert(id, key),
                        None => self.keys.remove(&id),
                    };
                    self.checked.insert(id, checked);
                    self.conflicts.push(Conflict {
                        id,
                        kept: origin.to_owned(),
                        other: here,
                    });
                } else {
                    self.conflicts.push(Conflict {
                        id,
                        kept: here,
                        other: origin.to_owned(),
                    });
                }
            }
        }
    }

    /// Adds one revision of a learner profile; the newest genuine revision is the one in use.
    pub fn add_learner(
        &mut self,
        learner: Learner,
        key: Option<String>,
        ok: Option<bool>,
        origin: &str,
    ) {
        let ok = ok.unwrap_or_else(|| cache::learner_ok(&learner, key.as_deref()));
        let genuine = ok && self.trusted(learner.device, key.as_deref());
        let pick = LearnerPick {
            learner,
            key,
            ok,
            genuine,
            origin: origin.to_owned(),
        };
        let id = pick.learner.id;
        let Some(current) = self.learners.get(&id) else {
            self.learners.insert(id, pick);
            return;
        };
        if current.learner == pick.learner {
            return;
        }
        let better =
            (pick.genuine, pick.learner.revision) > (current.genuine, current.learner.revision);
        let same_place = pick.learner.revision == current.learner.revision;
        if same_place || !pick.genuine || !current.genuine {
            // Two different profiles claiming the same revision, or a copy that does not verify:
            // somebody changed one. Newer genuine revisions are ordinary profile changes.
            let (kept, other) = if better {
                (pick.origin.clone(), current.origin.clone())
            } else {
                (current.origin.clone(), pick.origin.clone())
            };
            self.conflicts.push(Conflict { id, kept, other });
        }
        if better {
            self.learners.insert(id, pick);
        }
    }

    pub fn add_correction(&mut self, correction: Correction) {
        if self.correction_ids.insert(correction.id) {
            self.corrections.push(correction);
        }
    }

    /// Adds everything an import batch holds.
    pub fn add_batch(&mut self, cached: CachedBatch, path: &Path) {
        let CachedBatch {
            batch,
            attempts: checks,
            learners: learner_checks,
        } = cached;
        let origin = path
            .file_name()
            .map(|n| format!("imported/{}", n.to_string_lossy()))
            .unwrap_or_default();
        let source = batch.source.clone();
        // The keys this bundle carried, with how many of its attempts each signed.
        let mut carried: Vec<DeviceKey> = batch.devices.clone();
        if !carried.iter().any(|k| k.device == batch.manifest.device) {
            carried.push(DeviceKey {
                version: 1,
                device: batch.manifest.device,
                public_key: batch.manifest.public_key.clone(),
            });
        }
        for key in carried {
            let count = batch
                .attempts
                .iter()
                .filter(|a| a.device == Some(key.device))
                .count();
            let enrolment = batch.enrolment.clone().filter(|e| e.key == key);
            let entries = self.seen.entry(key.device).or_default();
            match entries
                .iter_mut()
                .find(|s| s.key.public_key == key.public_key)
            {
                Some(seen) => {
                    seen.attempts += count;
                    if !seen.sources.contains(&source) {
                        seen.sources.push(source.clone());
                    }
                    if seen.enrolment.is_none() {
                        seen.enrolment = enrolment;
                    }
                }
                None => entries.push(SeenKey {
                    key,
                    attempts: count,
                    sources: vec![source.clone()],
                    enrolment,
                }),
            }
        }
        let legacy = HashMap::new();
        for (learner, ok) in batch.learners.iter().zip(learner_checks) {
            let key = learner
                .device
                .and_then(|d| cache::carried_key(&batch, d, &legacy));
            self.add_learner(learner.clone(), key, Some(ok), &origin);
        }
        for (attempt, checked) in batch.attempts.iter().zip(checks) {
            let key = attempt
                .device
                .and_then(|d| cache::carried_key(&batch, d, &legacy));
            self.add_attempt(attempt.clone(), key, Some(checked), &origin);
        }
        for correction in &batch.corrections {
            self.add_correction(correction.clone());
        }
        self.batches.push(BatchInfo {
            path: path.to_path_buf(),
            id: batch.id,
            journal: batch.journal.clone(),
        });
    }

    pub fn finish(
        self,
        settings: Settings,
        progress: HashMap<Uuid, Progress>,
        problems: Vec<Problem>,
        legacy_keys: &HashMap<Uuid, DeviceKey>,
    ) -> Loaded {
        let mut learners_ok = HashMap::new();
        let mut learner_keys = HashMap::new();
        let mut learners: Vec<Learner> = Vec::with_capacity(self.learners.len());
        for (id, pick) in self.learners {
            learners_ok.insert(id, pick.ok);
            if let Some(key) = pick.key {
                learner_keys.insert(id, key);
            }
            learners.push(pick.learner);
        }
        learners.sort_by_cached_key(|learner| (learner.name.to_lowercase(), learner.id));
        let mut attempts = self.attempts;
        attempts.sort_by_key(|attempt| (attempt.finished, attempt.id));
        let mut devices: HashMap<Uuid, DeviceKey> = legacy_keys.clone();
        for (device, keys) in &self.seen {
            let chosen = self
                .trust
                .trusted_key(*device)
                .and_then(|trusted| keys.iter().find(|s| s.key.public_key == trusted))
                .or_else(|| keys.first());
            if let Some(seen) = chosen {
                devices.insert(*device, seen.key.clone());
            }
        }
        if let Some(own) = &self.trust.own {
            devices.insert(own.device, own.clone());
        }
        Loaded {
            settings,
            learners,
            progress,
            attempts,
            problems,
            devices,
            seen: self.seen,
            keys: self.keys,
            learner_keys,
            conflicts: self.conflicts,
            corrections: self.corrections,
            checked: self.checked,
            learners_ok,
            trust: self.trust,
            journal: Default::default(),
            stale_caches: Vec::new(),
        }
    }
}
