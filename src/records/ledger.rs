//! Putting the records of a store together: one copy per record id, chosen by what verifies.
//!
//! Records reach HR in many bundles, and the same id can come twice: identical (a re-export:
//! nothing to do) or different (an edited or re-signed copy). Then both versions stay on disk,
//! the copy signed by the device's trusted key is the one in use whichever arrived first, and the
//! pair is reported as a conflict. Nothing here trusts a key: `Trust` says which keys count.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use uuid::Uuid;

use crate::records::attempt::{Attempt, parse_digest};
use crate::records::bundle::JournalEntry;
use crate::records::cache::{self, CachedBatch, Checked};
use crate::records::correction::Correction;
use crate::records::held::HeldMap;
use crate::records::identity::DeviceKey;
use crate::records::learner::Learner;
use crate::records::progress::Progress;
use crate::records::store::{Conflict, FastMap, Held, Loaded, Problem, SeenKey};
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
    key: Option<Arc<str>>,
    ok: bool,
    genuine: bool,
    origin: String,
}

/// What to do with a copy of an attempt.
enum Admit {
    /// A new record: add it.
    New,
    /// It replaces the copy at this place (which does not verify).
    Replaces(usize),
    /// The same record again, or a copy that is not used: only noted.
    Known,
}

pub struct Ledger {
    trust: Trust,
    /// The copy in use of each attempt id, in the order first added.
    attempts: Vec<Attempt>,
    /// What is known of each, in the same order.
    held: Vec<Held>,
    /// Attempt id → its place in both.
    places: FastMap<Uuid, u32>,
    /// Where copies came from, named once ("attempts/", "imported/<file>").
    sources: Vec<String>,
    /// HR's decision per (device, key), worked out once per key rather than per record.
    decided: FastMap<(Uuid, usize), KeyTrust>,
    learners: HashMap<Uuid, LearnerPick>,
    corrections: Vec<Correction>,
    correction_ids: HashSet<Uuid>,
    conflicts: Vec<Conflict>,
    seen: BTreeMap<Uuid, Vec<SeenKey>>,
    pub batches: Vec<BatchInfo>,
    /// Keys pinned by earlier versions: which key a batch of theirs carried for other devices.
    legacy: HashMap<Uuid, DeviceKey>,
}

impl Ledger {
    pub fn new(trust: Trust, legacy: HashMap<Uuid, DeviceKey>) -> Ledger {
        Ledger {
            legacy,
            trust,
            attempts: Vec::new(),
            held: Vec::new(),
            places: FastMap::default(),
            sources: Vec::new(),
            decided: FastMap::default(),
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

    /// A name for where records came from ("attempts/", "imported/<file>").
    pub fn source(&mut self, name: String) -> u32 {
        self.sources.push(name);
        u32::try_from(self.sources.len() - 1).unwrap_or(u32::MAX)
    }

    fn source_name(&self, source: u32) -> String {
        self.sources
            .get(source as usize)
            .cloned()
            .unwrap_or_default()
    }

    /// HR's decision on `key` for `device` (keys are shared per batch, so this is looked up by
    /// the key's address).
    fn decide(&mut self, device: Uuid, key: &Arc<str>) -> KeyTrust {
        let slot = (device, Arc::as_ptr(key).cast::<u8>() as usize);
        if let Some(decided) = self.decided.get(&slot) {
            return *decided;
        }
        let decided = self.trust.of(device, key);
        self.decided.insert(slot, decided);
        decided
    }

    /// Adds one copy of an attempt, carried with `key`; `checked` when its signature was
    /// checked at import time (else it is checked now).
    pub fn add_attempt(
        &mut self,
        attempt: Attempt,
        key: Option<Arc<str>>,
        checked: Option<Checked>,
        source: u32,
    ) {
        let previous = attempt.previous.as_deref().and_then(parse_digest);
        self.add_attempt_with(attempt, key, checked, source, previous);
    }

    /// As [`Ledger::add_attempt`], with the predecessor's hash already as bytes.
    pub fn add_attempt_with(
        &mut self,
        attempt: Attempt,
        key: Option<Arc<str>>,
        checked: Option<Checked>,
        source: u32,
        previous: Option<[u8; 32]>,
    ) {
        let checked = checked.unwrap_or_else(|| attempt.check_with(key.as_deref()));
        let admit = self.admit(&attempt, key, checked, source, previous);
        self.keep(attempt, admit);
    }

    fn keep(&mut self, attempt: Attempt, admit: Admit) {
        match admit {
            Admit::New => self.attempts.push(attempt),
            Admit::Replaces(place) => self.attempts[place] = attempt,
            Admit::Known => {}
        }
    }

    /// Takes note of one copy of an attempt and says what to do with it.
    fn admit(
        &mut self,
        attempt: &Attempt,
        key: Option<Arc<str>>,
        checked: Checked,
        source: u32,
        previous: Option<[u8; 32]>,
    ) -> Admit {
        let trust = match (attempt.device, &key) {
            (Some(device), Some(key)) => Some(self.decide(device, key)),
            _ => None,
        };
        let held = Held {
            checked,
            key,
            trust,
            source,
            previous,
        };
        let id = attempt.id;
        let place = match self.places.entry(id) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(u32::try_from(self.held.len()).unwrap_or(u32::MAX));
                self.held.push(held);
                return Admit::New;
            }
            std::collections::hash_map::Entry::Occupied(slot) => *slot.get() as usize,
        };
        let here = &mut self.held[place];
        // The chain hash covers every signed byte and the signature: equal hashes are the same
        // record (one copy may have its answers left in the batch file).
        if here.checked.chain == held.checked.chain {
            return Admit::Known;
        }
        let here_source = here.source;
        let replaces = held.genuine() && !here.genuine();
        let (kept, other) = if replaces {
            *here = held;
            (source, here_source)
        } else {
            (here_source, source)
        };
        self.conflicts.push(Conflict {
            id,
            kept: self.source_name(kept),
            other: self.source_name(other),
        });
        if replaces {
            Admit::Replaces(place)
        } else {
            Admit::Known
        }
    }

    /// Adds one revision of a learner profile; the newest genuine revision is the one in use.
    pub fn add_learner(
        &mut self,
        learner: Learner,
        key: Option<Arc<str>>,
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
            previous,
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
        let keys = cache::carried_keys(&batch, &self.legacy);
        let key_of = |device: Option<Uuid>| device.and_then(|d| keys.get(&d)).cloned();
        let source = self.source(origin.clone());
        let info = BatchInfo {
            path: path.to_path_buf(),
            id: batch.id,
            journal: batch.journal,
        };
        for (learner, ok) in batch.learners.into_iter().zip(learner_checks) {
            let key = key_of(learner.device);
            self.add_learner(learner, key, Some(ok), &origin);
        }
        let previous = previous.unwrap_or_else(|| {
            batch
                .attempts
                .iter()
                .map(|a| a.previous.as_deref().and_then(parse_digest))
                .collect()
        });
        for ((attempt, checked), previous) in batch.attempts.into_iter().zip(checks).zip(previous) {
            let key = key_of(attempt.device);
            let admit = self.admit(&attempt, key, checked, source, previous);
            self.keep(attempt, admit);
        }
        for correction in batch.corrections {
            self.add_correction(correction);
        }
        self.batches.push(info);
    }
    pub fn finish(
        self,
        settings: Settings,
        progress: HashMap<Uuid, Progress>,
        problems: Vec<Problem>,
    ) -> Loaded {
        let mut learners_ok = HashMap::new();
        let mut learner_keys = HashMap::new();
        let mut learners: Vec<Learner> = Vec::with_capacity(self.learners.len());
        for (id, pick) in self.learners {
            learners_ok.insert(id, pick.ok);
            if let Some(key) = pick.key {
                learner_keys.insert(id, key.to_string());
            }
            learners.push(pick.learner);
        }
        learners.sort_by_cached_key(|learner| (learner.name.to_lowercase(), learner.id));
        let mut conflicts = self.conflicts;
        conflicts.sort_by(|a, b| (a.id, &a.kept, &a.other).cmp(&(b.id, &b.kept, &b.other)));
        // Sorted by time: the order is worked out on small keys side by side (several times
        // faster than reaching into 100,000 records at every comparison), then applied in place
        // to the records and what is known of them alike. Seconds and nanoseconds order as the
        // time does, and a UUID's number as its bytes.
        let mut attempts = self.attempts;
        let mut held = self.held;
        let mut keys: Vec<(i64, u32, u128, usize)> = attempts
            .iter()
            .enumerate()
            .map(|(at, a)| {
                let time = a.finished;
                (
                    time.timestamp(),
                    time.timestamp_subsec_nanos(),
                    a.id.as_u128(),
                    at,
                )
            })
            .collect();
        keys.sort_unstable();
        let order: Vec<usize> = keys.into_iter().map(|key| key.3).collect();
        permute(&mut attempts, &order);
        permute(&mut held, &order);
        let held = HeldMap::in_order(attempts.iter().map(|a| a.id).collect(), held);
        let mut devices: HashMap<Uuid, DeviceKey> = self.legacy.clone();
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

            learner_keys,
            conflicts,
            corrections: self.corrections,
            held,
            learners_ok,
            trust: self.trust,
            journal: Default::default(),
            stale_caches: Vec::new(),
        }
    }
}

/// Puts `items` in `order` (`order[k]` is the index of the item that goes to place `k`), in
/// place, following each cycle of the permutation.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        if done[start] {
            continue;
        }
        let mut at = start;
        loop {
            done[at] = true;
            let next = order[at];
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::Arc;

    use chrono::{NaiveDate, TimeZone, Utc};
    use uuid::Uuid;

    use super::Ledger;
    use crate::quiz::{Mode, Score};
    use crate::records::attempt::{Attempt, Checked};
    use crate::records::identity::DeviceKey;
    use crate::records::trust::Trust;

    const DEVICE: Uuid = Uuid::from_u128(7);
    const KEY: &str = "this device's key";

    fn attempt(id: u128, minute: u32, passed: bool) -> Attempt {
        let finished = Utc.with_ymd_and_hms(2026, 3, 1, 9, minute, 0).unwrap();
        Attempt {
            version: 3,
            id: Uuid::from_u128(id),
            learner: Uuid::from_u128(1),
            module: "asn".into(),
            mode: Mode::Exam,
            seed: 0,
            started: finished,
            finished,
            content_checked: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            pass_mark: 80,
            answers: Vec::new(),
            score: Score {
                correct: 1,
                total: 1,
            },
            passed,
            taken_by: None,
            content: None,
            session: None,
            device: Some(DEVICE),
            sequence: 0,
            previous: None,
            signature: Some(String::new()),
        }
    }

    fn checked(chain: u8, signature_ok: bool) -> Option<Checked> {
        Some(Checked {
            signature_ok,
            chain: [chain; 32],
        })
    }

    #[test]
    fn permute_applies_an_order_in_place() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e'];
        super::permute(&mut items, &[3, 0, 4, 1, 2]);
        assert_eq!(items, ['d', 'a', 'e', 'b', 'c']);
    }

    #[test]
    fn records_come_out_once_each_in_time_order_and_the_copy_that_verifies_counts() {
        let own = DeviceKey {
            version: 1,
            device: DEVICE,
            public_key: KEY.into(),
        };
        let mut ledger = Ledger::new(Trust::new(Some(own), None, Vec::new()), HashMap::new());
        let key = || Some(Arc::<str>::from(KEY));
        let source = ledger.source("attempts/".into());
        // An edited copy (its signature fails) arrives first, the genuine one after it.
        ledger.add_attempt_with(attempt(3, 30, true), key(), checked(3, false), source, None);
        ledger.add_attempt_with(attempt(1, 50, true), key(), checked(1, true), source, None);
        ledger.add_attempt_with(attempt(2, 10, true), key(), checked(2, true), source, None);
        ledger.add_attempt_with(attempt(1, 50, true), key(), checked(1, true), source, None);
        ledger.add_attempt_with(attempt(3, 20, false), key(), checked(4, true), source, None);
        let loaded = ledger.finish(Default::default(), HashMap::new(), Vec::new());
        let order: Vec<(u128, bool)> = loaded
            .attempts
            .iter()
            .map(|a| (a.id.as_u128(), a.passed))
            .collect();
        assert_eq!(order, [(2, true), (3, false), (1, true)]);
        assert_eq!(loaded.held.len(), 3);
        assert_eq!(loaded.held[&Uuid::from_u128(3)].checked.chain, [4; 32]);
        assert_eq!(
            loaded.conflicts.len(),
            1,
            "the edited copy is reported, once"
        );
    }
}
