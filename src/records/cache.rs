//! A derived, rebuildable cache of each import, so HR can summarise 100,000 attempts quickly.
//!
//! The RON batch in `imported/` stays the record of truth. When it is written, each record's
//! signature is checked once, against the key its bundle carried, and each attempt's chain hash
//! computed; both go, with the records (minus the answers, which no report needs), into a
//! compact `<batch>.cache` (postcard) sealed by this installation's key and tied to the RON
//! file's size and modification time. The file is a small head (the seal, a hash of the
//! payload, and an index of ids and content hashes) and the payload after it: an import reads
//! and checks only the head to tell new records from known ones; a load checks the payload
//! against the sealed hash too. Loading uses a cache only when the seal verifies, the payload is
//! the one sealed and the RON file is unchanged; otherwise it reads the RON and checks every
//! signature again, and a load that may write seals a new cache as it goes (a read-only one
//! leaves that to `Store::rebuild_caches`). Deleting the caches loses nothing; a cache of
//! another format version is not used, and is written again the same way.
//!
//! Whether a key is *trusted* is not cached: that is HR's decision, read fresh on every load.
//! Attempts loaded from a cache carry no answers, an empty signature text and no `previous`
//! text (their check and their predecessor's hash travel beside them), so they must never be
//! re-signed or re-exported: bundles are built from the RON files (`LoadMode::Full`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::quiz::{Mode, Score};
pub use crate::records::attempt::Checked;
use crate::records::attempt::{Attempt, parse_digest};
use crate::records::bundle::{ImportBatch, JournalEntry, Manifest};
use crate::records::correction::Correction;
use crate::records::identity::{DeviceKey, Identity};
use crate::records::learner::{Learner, LearnerInfo};
use crate::records::nip::Nip;
use crate::records::trust::Enrolment;

/// 6: a head (seal, payload hash, index) read apart from the payload; people, content versions
/// and module ids each stored once per batch.
const CACHE_VERSION: u32 = 7;

/// A 32-byte hash as one byte string: postcard reads it in one step rather than as 32 values
/// (100,000 attempts carry two each).
pub(super) mod hash_bytes {
    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(hash: &[u8; 32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(hash)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; 32], D::Error> {
        deserializer.deserialize_bytes(Hash)
    }

    struct Hash;

    impl Visitor<'_> for Hash {
        type Value = [u8; 32];

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("32 bytes")
        }

        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<[u8; 32], E> {
            bytes
                .try_into()
                .map_err(|_| E::invalid_length(bytes.len(), &self))
        }
    }

    /// `None` as no bytes.
    pub mod option {
        use serde::{Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            hash: &Option<[u8; 32]>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(hash.as_ref().map_or(&[], |h| h.as_slice()))
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<[u8; 32]>, D::Error> {
            deserializer.deserialize_bytes(Optional)
        }

        struct Optional;

        impl serde::de::Visitor<'_> for Optional {
            type Value = Option<[u8; 32]>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("no bytes or 32 bytes")
            }

            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Option<[u8; 32]>, E> {
                if bytes.is_empty() {
                    return Ok(None);
                }
                super::Hash.visit_bytes(bytes).map(Some)
            }
        }
    }
}

/// A batch as loaded: its records and the checks made on them.
#[derive(Debug, Clone)]
pub struct CachedBatch {
    pub batch: ImportBatch,
    pub attempts: Vec<Checked>,
    /// Whether each learner revision's signature holds with the key carried for its device.
    pub learners: Vec<bool>,
    /// From a cache: each attempt's `previous` as bytes (the attempts carry no hex text then).
    pub previous: Option<Vec<Option<[u8; 32]>>>,
}

impl CachedBatch {
    pub fn new(batch: ImportBatch, checks: (Vec<Checked>, Vec<bool>)) -> CachedBatch {
        CachedBatch {
            batch,
            attempts: checks.0,
            learners: checks.1,
            previous: None,
        }
    }

    /// Drops the answers (kept in the RON batch): reports never need them, and 100,000
    /// attempts' answers would take far more memory than everything else. Who took each
    /// attempt and the content it was taken on are shared between the attempts that name the
    /// same (as a batch read from its cache has them).
    pub fn strip_answers(&mut self) {
        let mut people: std::collections::HashSet<Arc<LearnerInfo>> = Default::default();
        let mut sources: Vec<Arc<crate::content::ModuleSource>> = Vec::new();
        for attempt in &mut self.batch.attempts {
            attempt.answers = Vec::new();
            if let Some(info) = &mut attempt.taken_by {
                match people.get(info) {
                    Some(shared) => *info = Arc::clone(shared),
                    None => {
                        people.insert(Arc::clone(info));
                    }
                }
            }
            if let Some(source) = &mut attempt.content {
                match sources.iter().find(|known| **known == *source) {
                    Some(shared) => *source = Arc::clone(shared),
                    None => sources.push(Arc::clone(source)),
                }
            }
        }
    }
}

/// The key a batch carried for `device`: the bundle's own list, else (batches written by older
/// versions) the manifest's signer or the keys those versions pinned.
pub fn carried_key(
    batch: &ImportBatch,
    device: Uuid,
    legacy: &HashMap<Uuid, DeviceKey>,
) -> Option<String> {
    batch
        .devices
        .iter()
        .find(|key| key.device == device)
        .map(|key| key.public_key.clone())
        .or_else(|| (batch.manifest.device == device).then(|| batch.manifest.public_key.clone()))
        .or_else(|| legacy.get(&device).map(|key| key.public_key.clone()))
}

/// The keys a batch carried, by device (see [`carried_key`]), looked up once per batch.
pub fn carried_keys(
    batch: &ImportBatch,
    legacy: &HashMap<Uuid, DeviceKey>,
) -> HashMap<Uuid, std::sync::Arc<str>> {
    let mut devices: Vec<Uuid> = batch.attempts.iter().filter_map(|a| a.device).collect();
    devices.extend(batch.learners.iter().filter_map(|l| l.device));
    devices.sort_unstable();
    devices.dedup();
    devices
        .into_iter()
        .filter_map(|device| {
            carried_key(batch, device, legacy).map(|key| (device, std::sync::Arc::from(key)))
        })
        .collect()
}

/// Checks every attempt and learner of a batch against the keys it carried.
pub fn check(batch: &ImportBatch, legacy: &HashMap<Uuid, DeviceKey>) -> (Vec<Checked>, Vec<bool>) {
    // Each key read once (a key that cannot be read verifies nothing).
    let keys: HashMap<Uuid, Option<ed25519_dalek::VerifyingKey>> = carried_keys(batch, legacy)
        .into_iter()
        .map(|(device, key)| (device, crate::records::authority::parse_key(&key)))
        .collect();
    let key_of = |device: Option<Uuid>| device.and_then(|d| keys.get(&d)?.as_ref());
    let attempts = batch
        .attempts
        .iter()
        .map(|attempt| attempt.check_with_key(key_of(attempt.device)))
        .collect();
    let learners = batch
        .learners
        .iter()
        .map(|learner| learner_ok_with_key(learner, key_of(learner.device)))
        .collect();
    (attempts, learners)
}

/// Whether a learner revision is signed by `key` (hex) and unchanged.
pub fn learner_ok(learner: &Learner, key: Option<&str>) -> bool {
    let key = key.and_then(crate::records::authority::parse_key);
    learner_ok_with_key(learner, key.as_ref())
}

/// As [`learner_ok`], with the key already read.
pub fn learner_ok_with_key(learner: &Learner, key: Option<&ed25519_dalek::VerifyingKey>) -> bool {
    match (&learner.signature, key) {
        (Some(signature), Some(key)) => {
            crate::records::authority::verifies_with(key, &learner.signed_bytes(), signature)
        }
        _ => false,
    }
}

// The cache's own record shapes: postcard needs every field present, while the RON records skip
// absent optional fields to keep the bytes older versions signed.

/// The start of a cache file; the postcard [`Payload`] follows it to the end of the file.
///
/// The seal signs the index and the payload's hash apart, so an import reads and checks only
/// this head (a few kilobytes of a batch's hundreds), and a load checks the payload against the
/// sealed hash.
#[derive(Serialize, Deserialize)]
struct Head {
    version: u32,
    /// Ed25519 signature (hex) of [`seal`] of the index and the payload's hash, by this
    /// installation's key.
    signature: String,
    /// BLAKE3 of the payload bytes that follow the head.
    payload_hash: [u8; 32],
    /// A small [`BatchIndex`]: what an import must know, read without the records.
    index: Vec<u8>,
}

/// What a batch holds, by id and content hash: enough for an import to tell new from known.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BatchIndex {
    pub attempts: Vec<(Uuid, [u8; 32])>,
    /// (learner id, revision, content hash)
    pub learners: Vec<(Uuid, u32, [u8; 32])>,
    pub corrections: Vec<Uuid>,
}

impl BatchIndex {
    pub fn of(batch: &ImportBatch, checked: &[Checked]) -> BatchIndex {
        BatchIndex {
            attempts: batch
                .attempts
                .iter()
                .zip(checked)
                .map(|(a, c)| (a.id, c.chain))
                .collect(),
            learners: batch
                .learners
                .iter()
                .map(|l| (l.id, l.revision, l.digest()))
                .collect(),
            corrections: batch.corrections.iter().map(|c| c.id).collect(),
        }
    }
}

fn seal(index: &[u8], payload_hash: &[u8; 32]) -> [u8; 32] {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"latih-asn import cache v6");
    hasher.update(blake3::hash(index).as_bytes());
    hasher.update(payload_hash);
    *hasher.finalize().as_bytes()
}

#[derive(Serialize, Deserialize)]
struct Payload {
    /// Size and modification time of the RON batch file this cache was made from: an edited
    /// RON file no longer matches, so the edit is seen (and its signatures checked again).
    /// Hashing 100,000 records' worth of RON on every command would cost more than the rest of
    /// the load; an edit that also restores the file's size and time to the nanosecond would
    /// change nothing that counts anyway, since the records in use are the ones checked at
    /// import (and whoever can do that on HR's PC can also reseal the cache with its key).
    ron_file: (u64, i128),
    header: Header,
    learners: Vec<CLearner>,
    /// Who took the attempts, each distinct person once (a desk's thousand attempts name about
    /// a hundred people): attempts refer to them by place, so loading builds each once.
    people: Vec<CInfo>,
    /// The content the attempts were taken on, each version once.
    sources: Vec<crate::content::ModuleSource>,
    /// Module ids, each once.
    modules: Vec<String>,
    attempts: Vec<CAttempt>,
    /// Corrections are few: kept as RON text, exactly as in the batch.
    corrections: Vec<String>,
    checked: Vec<Checked>,
    learners_ok: Vec<bool>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    id: Option<Uuid>,
    imported_at: DateTime<Utc>,
    source: String,
    checksum: String,
    file_hash: Option<String>,
    manifest: Manifest,
    devices: Vec<DeviceKey>,
    enrolment: Option<String>,
    journal: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct CInfo {
    name: String,
    nip: Option<String>,
    unit: String,
    instansi: String,
}

#[derive(Serialize, Deserialize)]
struct CLearner {
    version: u32,
    id: Uuid,
    info: CInfo,
    /// Times as nanoseconds since 1970: parsing 200,000 date strings costs more than the rest.
    created: i64,
    revision: u32,
    device: Option<Uuid>,
    signature: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct CAttempt {
    version: u32,
    id: Uuid,
    learner: Uuid,
    /// Place in `Payload::modules`.
    module: u32,
    practice: bool,
    seed: u64,
    started: i64,
    finished: i64,
    /// Days since 1 January of the year 1 (a date string per attempt is slow to read).
    content_checked: i32,
    pass_mark: u8,
    correct: u32,
    total: u32,
    passed: bool,
    /// Place in `Payload::people`.
    taken_by: Option<u32>,
    /// Place in `Payload::sources`.
    content: Option<u32>,
    /// The trainer's session (version 7 of the cache).
    session: Option<crate::training::SessionTag>,
    device: Option<Uuid>,
    sequence: u64,
    #[serde(with = "hash_bytes::option")]
    previous: Option<[u8; 32]>,
    /// Whether it was signed. The signature itself stays in the RON batch: its check is cached,
    /// and 100,000 copies of it would only take memory.
    signed: bool,
}

/// Gives each distinct value a place in a table, for records that refer to it by place.
struct Table<T> {
    values: Vec<T>,
    places: HashMap<T, u32>,
}

impl<T: Clone + Eq + std::hash::Hash> Table<T> {
    fn new() -> Self {
        Table {
            values: Vec::new(),
            places: HashMap::new(),
        }
    }

    fn place(&mut self, value: &T) -> u32 {
        if let Some(place) = self.places.get(value) {
            return *place;
        }
        let place = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.values.push(value.clone());
        self.places.insert(value.clone(), place);
        place
    }
}

impl CInfo {
    fn from(info: &LearnerInfo) -> CInfo {
        CInfo {
            name: info.name.clone(),
            nip: info.nip.as_ref().map(|n| n.as_str().to_owned()),
            unit: info.unit.clone(),
            instansi: info.instansi.clone(),
        }
    }

    fn into_info(self) -> LearnerInfo {
        LearnerInfo {
            name: self.name,
            nip: self.nip.map(Nip::trusted),
            unit: self.unit,
            instansi: self.instansi,
        }
    }
}

/// The shared value at `place` in `table`: `Some(None)` when there is none, `None` when the
/// place is not in the table (a cache that does not hold together).
fn shared<T>(table: &[Arc<T>], place: Option<u32>) -> Option<Option<Arc<T>>> {
    match place {
        None => Some(None),
        Some(place) => table
            .get(place as usize)
            .map(|value| Some(Arc::clone(value))),
    }
}

/// Nanoseconds since 1970 (records are from 1677–2262, which this covers).
fn nanos(time: DateTime<Utc>) -> i64 {
    time.timestamp_nanos_opt().unwrap_or_default()
}

fn ron_text<T: Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_default()
}

/// Writes the sealed cache next to the batch file.
pub fn write(
    ron_path: &Path,
    batch: &ImportBatch,
    checks: (&[Checked], &[bool]),
    identity: &Identity,
) -> std::io::Result<()> {
    let index = BatchIndex::of(batch, checks.0);
    let mut people = Table::new();
    let mut sources = Table::new();
    let mut modules = Table::new();
    let attempts = batch
        .attempts
        .iter()
        .map(|a| CAttempt {
            version: a.version,
            id: a.id,
            learner: a.learner,
            module: modules.place(&a.module),
            practice: a.mode == Mode::Practice,
            seed: a.seed,
            started: nanos(a.started),
            finished: nanos(a.finished),
            content_checked: a.content_checked.num_days_from_ce(),
            pass_mark: a.pass_mark,
            correct: a.score.correct,
            total: a.score.total,
            passed: a.passed,
            taken_by: a.taken_by.as_deref().map(|info| people.place(info)),
            content: a.content.as_deref().map(|source| sources.place(source)),
            session: a.session.clone(),
            device: a.device,
            sequence: a.sequence,
            previous: a.previous.as_deref().and_then(parse_digest),
            signed: a.signature.is_some(),
        })
        .collect();
    let payload = Payload {
        ron_file: file_stamp(ron_path)?,
        header: Header {
            version: batch.version,
            id: batch.id,
            imported_at: batch.imported_at,
            source: batch.source.clone(),
            checksum: batch.checksum.clone(),
            file_hash: batch.file_hash.clone(),
            manifest: batch.manifest.clone(),
            devices: batch.devices.clone(),
            enrolment: batch.enrolment.as_ref().map(ron_text),
            journal: batch.journal.as_ref().map(ron_text),
        },
        learners: batch
            .learners
            .iter()
            .map(|l| CLearner {
                version: l.version,
                id: l.id,
                info: CInfo::from(&l.info()),
                created: nanos(l.created),
                revision: l.revision,
                device: l.device,
                signature: l.signature.clone(),
            })
            .collect(),
        people: people.values.iter().map(CInfo::from).collect(),
        sources: sources.values,
        modules: modules.values,
        attempts,
        corrections: batch.corrections.iter().map(ron_text).collect(),
        checked: checks.0.to_vec(),
        learners_ok: checks.1.to_vec(),
    };
    let payload = postcard::to_allocvec(&payload).map_err(std::io::Error::other)?;
    let index = postcard::to_allocvec(&index).map_err(std::io::Error::other)?;
    let payload_hash = *blake3::hash(&payload).as_bytes();
    let head = Head {
        version: CACHE_VERSION,
        signature: identity.sign(&seal(&index, &payload_hash)),
        payload_hash,
        index,
    };
    let mut bytes = postcard::to_allocvec(&head).map_err(std::io::Error::other)?;
    bytes.extend_from_slice(&payload);
    crate::records::atomic::write_atomic(&ron_path.with_extension("cache"), &bytes)
}

/// A file's size and modification time (nanoseconds since 1970).
fn file_stamp(path: &Path) -> std::io::Result<(u64, i128)> {
    let meta = std::fs::metadata(path)?;
    let modified = meta.modified()?;
    let nanos = match modified.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => i128::try_from(after.as_nanos()).unwrap_or(i128::MAX),
        Err(before) => -i128::try_from(before.duration().as_nanos()).unwrap_or(i128::MAX),
    };
    Ok((meta.len(), nanos))
}

/// The head of a cache file and the bytes after it, if its version is this one and its seal
/// (of the index and the payload's hash) verifies with `own`. The payload itself is not checked
/// here: see [`read`].
fn sealed<'a>(bytes: &'a [u8], own: &DeviceKey) -> Option<(Head, &'a [u8])> {
    let (head, rest): (Head, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
    (head.version == CACHE_VERSION
        && own.verifies(&seal(&head.index, &head.payload_hash), &head.signature))
    .then_some((head, rest))
}

/// Only the index of a batch's cache, if its seal verifies: for an import, which needs to know
/// what is here, not the records. Reads the head of the file only. (Whether the RON file changed
/// since does not matter there: the index says what was imported and checked.)
pub fn read_index(ron_path: &Path, own: &DeviceKey) -> Option<BatchIndex> {
    use std::io::Read;
    let mut file = std::fs::File::open(ron_path.with_extension("cache")).ok()?;
    let mut bytes = Vec::new();
    let mut want = 64 * 1024;
    loop {
        let before = bytes.len();
        (&mut file)
            .take(u64::try_from(want - before).ok()?)
            .read_to_end(&mut bytes)
            .ok()?;
        let ended = bytes.len() < want;
        match postcard::take_from_bytes::<Head>(&bytes) {
            Ok(_) => break,
            // The head goes on past what was read: read more, unless the file ended.
            Err(postcard::Error::DeserializeUnexpectedEnd) if !ended => want *= 4,
            Err(_) => return None,
        }
    }
    let (head, _) = sealed(&bytes, own)?;
    postcard::from_bytes(&head.index).ok()
}

/// Reads the cache of the RON batch at `ron_path`, if its seal verifies with `own` (this
/// installation's public key), its payload is the one sealed, and the RON file is unchanged
/// since.
pub fn read(ron_path: &Path, own: &DeviceKey) -> Option<CachedBatch> {
    let bytes = std::fs::read(ron_path.with_extension("cache")).ok()?;
    let (head, payload) = sealed(&bytes, own)?;
    if *blake3::hash(payload).as_bytes() != head.payload_hash {
        return None;
    }
    let payload: Payload = postcard::from_bytes(payload).ok()?;
    drop(bytes);
    if file_stamp(ron_path).ok()? != payload.ron_file {
        return None;
    }
    if payload.checked.len() != payload.attempts.len()
        || payload.learners_ok.len() != payload.learners.len()
    {
        return None;
    }
    let header = payload.header;
    let people: Vec<Arc<LearnerInfo>> = payload
        .people
        .into_iter()
        .map(|info| Arc::new(info.into_info()))
        .collect();
    let sources: Vec<Arc<crate::content::ModuleSource>> =
        payload.sources.into_iter().map(Arc::new).collect();
    let modules = payload.modules;
    let previous: Vec<Option<[u8; 32]>> = payload.attempts.iter().map(|a| a.previous).collect();
    let corrections: Option<Vec<Correction>> = payload
        .corrections
        .iter()
        .map(|text| ron::from_str(text).ok())
        .collect();
    let attempts: Option<Vec<Attempt>> = payload
        .attempts
        .into_iter()
        .map(|a| {
            Some(Attempt {
                version: a.version,
                id: a.id,
                learner: a.learner,
                module: modules.get(a.module as usize)?.clone(),
                mode: if a.practice {
                    Mode::Practice
                } else {
                    Mode::Exam
                },
                seed: a.seed,
                started: DateTime::from_timestamp_nanos(a.started),
                finished: DateTime::from_timestamp_nanos(a.finished),
                content_checked: NaiveDate::from_num_days_from_ce_opt(a.content_checked)?,
                pass_mark: a.pass_mark,
                answers: Vec::new(),
                score: Score {
                    correct: a.correct,
                    total: a.total,
                },
                passed: a.passed,
                taken_by: shared(&people, a.taken_by)?,
                content: shared(&sources, a.content)?,
                session: a.session,
                device: a.device,
                sequence: a.sequence,
                // In `CachedBatch::previous`, as bytes.
                previous: None,
                // Signed, checked at import (see `checked`); the text is in the RON batch.
                signature: a.signed.then(String::new),
            })
        })
        .collect();
    let batch = ImportBatch {
        version: header.version,
        id: header.id,
        imported_at: header.imported_at,
        source: header.source,
        checksum: header.checksum,
        file_hash: header.file_hash,
        manifest: header.manifest,
        devices: header.devices,
        enrolment: match header.enrolment {
            Some(text) => Some(ron::from_str::<Enrolment>(&text).ok()?),
            None => None,
        },
        journal: match header.journal {
            Some(text) => Some(ron::from_str::<JournalEntry>(&text).ok()?),
            None => None,
        },
        learners: payload
            .learners
            .into_iter()
            .map(|l| {
                let info = l.info.into_info();
                Learner {
                    version: l.version,
                    id: l.id,
                    name: info.name,
                    nip: info.nip,
                    unit: info.unit,
                    instansi: info.instansi,
                    created: DateTime::from_timestamp_nanos(l.created),
                    revision: l.revision,
                    device: l.device,
                    signature: l.signature,
                }
            })
            .collect(),
        attempts: attempts?,
        corrections: corrections?,
    };
    Some(CachedBatch {
        batch,
        attempts: payload.checked,
        learners: payload.learners_ok,
        previous: Some(previous),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::bundle::Manifest;

    fn attempt(id: u128, taken_by: &Arc<LearnerInfo>) -> Attempt {
        let finished = DateTime::from_timestamp(1_780_000_000 + id as i64, 5).unwrap();
        Attempt {
            version: 3,
            id: Uuid::from_u128(id),
            learner: Uuid::from_u128(1),
            module: if id.is_multiple_of(2) {
                "asn"
            } else {
                "pilkada"
            }
            .into(),
            mode: Mode::Exam,
            seed: 42,
            started: finished,
            finished,
            content_checked: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            pass_mark: 80,
            answers: Vec::new(),
            score: Score {
                correct: 9,
                total: 10,
            },
            passed: true,
            taken_by: Some(Arc::clone(taken_by)),
            content: Some(Arc::new(crate::content::ModuleSource::embedded())),
            session: None,
            device: Some(Uuid::from_u128(7)),
            sequence: id as u64,
            previous: Some("ab".repeat(32)),
            signature: Some("cd".repeat(64)),
        }
    }

    fn batch() -> ImportBatch {
        let info = Arc::new(LearnerInfo {
            name: "Siti Aminah".into(),
            nip: None,
            unit: "Bagian Umum".into(),
            instansi: "Kabupaten Mesuji".into(),
        });
        ImportBatch {
            version: 2,
            id: Some(Uuid::from_u128(9)),
            imported_at: DateTime::from_timestamp(1_780_000_000, 0).unwrap(),
            source: "usb/desk.bundle.ron".into(),
            checksum: "00".into(),
            file_hash: None,
            manifest: Manifest {
                device: Uuid::from_u128(7),
                public_key: "ef".repeat(32),
                created: DateTime::from_timestamp(1_780_000_000, 0).unwrap(),
                first: None,
                last: None,
                learners: 0,
                attempts: 3,
                content_versions: Vec::new(),
                app_version: "0.1.0".into(),
            },
            devices: Vec::new(),
            enrolment: None,
            journal: None,
            learners: Vec::new(),
            attempts: (1..=3).map(|id| attempt(id, &info)).collect(),
            corrections: Vec::new(),
        }
    }

    fn checks(batch: &ImportBatch) -> (Vec<Checked>, Vec<bool>) {
        let attempts = batch
            .attempts
            .iter()
            .map(|a| Checked {
                signature_ok: a.sequence != 2,
                chain: [a.sequence as u8; 32],
            })
            .collect();
        (attempts, Vec::new())
    }

    /// A batch file and its cache in a fresh folder, sealed by that folder's installation.
    fn written() -> (tempfile::TempDir, std::path::PathBuf, Identity) {
        let dir = tempfile::tempdir().unwrap();
        let identity = Identity::load_or_create(dir.path()).unwrap();
        let ron_path = dir.path().join("batch.ron");
        std::fs::write(&ron_path, ron::to_string(&batch()).unwrap()).unwrap();
        let batch = batch();
        let checks = checks(&batch);
        write(&ron_path, &batch, (&checks.0, &checks.1), &identity).unwrap();
        (dir, ron_path, identity)
    }

    #[test]
    fn a_cache_gives_back_the_records_and_their_checks() {
        let (_dir, ron_path, identity) = written();
        let cached = read(&ron_path, &identity.key).unwrap();
        assert_eq!(
            cached.batch.attempts,
            batch().attempts[..]
                .iter()
                .map(|a| Attempt {
                    previous: None,
                    signature: Some(String::new()),
                    ..a.clone()
                })
                .collect::<Vec<_>>()
        );
        assert_eq!(cached.attempts, checks(&batch()).0);
        assert_eq!(cached.previous.unwrap(), vec![Some([0xab; 32]); 3]);
        // Who took them is one shared copy.
        let people = &cached.batch.attempts;
        assert!(Arc::ptr_eq(
            people[0].taken_by.as_ref().unwrap(),
            people[2].taken_by.as_ref().unwrap()
        ));
        let index = read_index(&ron_path, &identity.key).unwrap();
        assert_eq!(index.attempts[1], (Uuid::from_u128(2), [2; 32]));
    }

    #[test]
    fn a_damaged_cache_is_not_used_but_its_sealed_index_still_is() {
        let (_dir, ron_path, identity) = written();
        let cache = ron_path.with_extension("cache");
        let mut bytes = std::fs::read(&cache).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&cache, &bytes).unwrap();
        assert!(
            read(&ron_path, &identity.key).is_none(),
            "the payload is checked"
        );
        assert!(read_index(&ron_path, &identity.key).is_some());
        // A damaged head: nothing of it is used.
        bytes[5] ^= 1;
        std::fs::write(&cache, &bytes).unwrap();
        assert!(read_index(&ron_path, &identity.key).is_none());
        assert!(read(&ron_path, &identity.key).is_none());
    }

    #[test]
    fn a_cache_of_another_version_or_installation_is_not_used() {
        let (dir, ron_path, identity) = written();
        let cache = ron_path.with_extension("cache");
        let bytes = std::fs::read(&cache).unwrap();
        let (mut head, payload): (Head, &[u8]) = postcard::take_from_bytes(&bytes).unwrap();
        head.version = CACHE_VERSION - 1;
        head.signature = identity.sign(&seal(&head.index, &head.payload_hash));
        let mut older = postcard::to_allocvec(&head).unwrap();
        older.extend_from_slice(payload);
        std::fs::write(&cache, &older).unwrap();
        assert!(read(&ron_path, &identity.key).is_none());
        assert!(read_index(&ron_path, &identity.key).is_none());
        std::fs::create_dir(dir.path().join("other")).unwrap();
        let other = Identity::load_or_create(&dir.path().join("other")).unwrap();
        let batch = batch();
        let checks = checks(&batch);
        write(&ron_path, &batch, (&checks.0, &checks.1), &other).unwrap();
        assert!(
            read(&ron_path, &identity.key).is_none(),
            "sealed by another key"
        );
        assert!(read(&ron_path, &other.key).is_some());
    }
}
