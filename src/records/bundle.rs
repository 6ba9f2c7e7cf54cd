//! Bundles: one file that carries a device's records to the HR PC by USB stick or shared folder.
//!
//! A bundle holds a manifest (device, public key, dates, counts, content version), the learners
//! and attempts, and the public keys of every device whose attempts it carries; it is signed by
//! the exporting device. Importing checks the whole file first and refuses it on any doubt
//! (truncated, edited, newer format, a device key that changed); then it adds only what is new,
//! reports records that differ from what is already here, overwrites nothing, and writes what it
//! added as one new file in `imported/` plus a line in the import journal.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::records::attempt::Attempt;
use crate::records::correction::Correction;
use crate::records::error::StoreError;
use crate::records::identity::DeviceKey;
use crate::records::learner::Learner;
use crate::records::store::{DEVICES, IMPORTED, Store};

/// The newest bundle format this build reads.
pub const BUNDLE_VERSION: u32 = 1;
pub(super) const BATCH_VERSION: u32 = 1;
const JOURNAL: &str = "import-journal.ron";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub device: Uuid,
    pub public_key: String,
    pub created: DateTime<Utc>,
    /// Finish time of the first and last attempt carried.
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
    pub learners: usize,
    pub attempts: usize,
    /// "Berlaku per" dates of the content the attempts were taken on.
    pub content_versions: Vec<String>,
    pub app_version: String,
}

/// What is signed: everything but the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleBody {
    pub manifest: Manifest,
    pub devices: Vec<DeviceKey>,
    pub learners: Vec<Learner>,
    pub attempts: Vec<Attempt>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub version: u32,
    pub body: BundleBody,
    /// SHA-256 of the body as RON (hex), signed below.
    pub checksum: String,
    /// Ed25519 signature of the checksum by the manifest's key.
    pub signature: String,
}

/// Records added by one import, as a file in `imported/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportBatch {
    pub version: u32,
    pub imported_at: DateTime<Utc>,
    pub source: String,
    pub checksum: String,
    pub manifest: Manifest,
    pub learners: Vec<Learner>,
    pub attempts: Vec<Attempt>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

/// One line of the import journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub at: DateTime<Utc>,
    pub source: String,
    pub device: Option<Uuid>,
    pub added_attempts: usize,
    pub added_learners: usize,
    pub already_present: usize,
    pub conflicts: Vec<Uuid>,
    /// Why the bundle was refused, if it was.
    pub refused: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub added_attempts: usize,
    pub added_learners: usize,
    pub added_corrections: usize,
    pub already_present: usize,
    /// Records whose id is already here with different content: kept as they were, reported.
    pub conflicts: Vec<Uuid>,
}

#[derive(Debug, Clone, Error)]
pub enum BundleError {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the file is damaged or incomplete: {0}")]
    Damaged(String),
    #[error("the file is from a newer version of the app (format {0})")]
    Newer(u32),
    #[error("the contents do not match their checksum: the file was changed")]
    Checksum,
    #[error(
        "the signature does not match: the file was changed or is not from the device it names"
    )]
    Signature,
    #[error("device {0} is already known here with a different key")]
    KeyChanged(Uuid),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl BundleError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BundleError::Unreadable(detail) => {
                i18n::tr_args(lang, "bundle-error-unreadable", &[("detail", detail)])
            }
            BundleError::Damaged(detail) => {
                i18n::tr_args(lang, "bundle-error-damaged", &[("detail", detail)])
            }
            BundleError::Newer(version) => i18n::tr_args(
                lang,
                "bundle-error-newer",
                &[("version", &version.to_string())],
            ),
            BundleError::Checksum => i18n::tr(lang, "bundle-error-checksum"),
            BundleError::Signature => i18n::tr(lang, "bundle-error-signature"),
            BundleError::KeyChanged(device) => i18n::tr_args(
                lang,
                "bundle-error-key-changed",
                &[("device", &device.to_string())],
            ),
            BundleError::Store(error) => error.message(lang),
        }
    }
}

fn checksum(body: &BundleBody) -> String {
    hex::encode(Sha256::digest(
        ron::to_string(body).unwrap_or_default().as_bytes(),
    ))
}

/// Builds a signed bundle of every learner and attempt in the store.
pub fn build(store: &Store, now: DateTime<Utc>) -> Result<Bundle, StoreError> {
    let identity = store.identity()?;
    let loaded = store.load();
    Ok(assemble(
        &identity,
        loaded.learners,
        loaded.attempts,
        loaded.corrections,
        &loaded.devices,
        now,
    ))
}

/// A signed bundle of the given records (the keys of every device they name are carried).
pub fn assemble(
    identity: &crate::records::Identity,
    learners: Vec<Learner>,
    attempts: Vec<Attempt>,
    corrections: Vec<Correction>,
    known: &HashMap<Uuid, DeviceKey>,
    now: DateTime<Utc>,
) -> Bundle {
    let devices_used: BTreeSet<Uuid> = attempts.iter().filter_map(|a| a.device).collect();
    let mut devices: Vec<DeviceKey> = devices_used
        .iter()
        .filter_map(|device| known.get(device).cloned())
        .collect();
    if !devices.iter().any(|d| d.device == identity.key.device) {
        devices.push(identity.key.clone());
    }
    let content_versions: BTreeSet<String> = attempts
        .iter()
        .map(|a| a.content_checked.format("%Y-%m-%d").to_string())
        .collect();
    let body = BundleBody {
        manifest: Manifest {
            device: identity.key.device,
            public_key: identity.key.public_key.clone(),
            created: now,
            first: attempts.iter().map(|a| a.finished).min(),
            last: attempts.iter().map(|a| a.finished).max(),
            learners: learners.len(),
            attempts: attempts.len(),
            content_versions: content_versions.into_iter().collect(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        },
        devices,
        learners,
        attempts,
        corrections,
    };
    let checksum = checksum(&body);
    let signature = identity.sign(checksum.as_bytes());
    Bundle {
        version: BUNDLE_VERSION,
        body,
        checksum,
        signature,
    }
}

/// Writes a bundle of the store's records into `dir`, named for the device and the time.
pub fn export(store: &Store, dir: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let bundle = build(store, now)?;
    let short = bundle.body.manifest.device.simple().to_string();
    let name = format!(
        "latih-asn-{}-{}.bundle.ron",
        &short[..8],
        now.format("%Y%m%dT%H%M%S")
    );
    let path = dir.join(name);
    let text = ron::to_string(&bundle).map_err(|e| StoreError::Encode(e.to_string()))?;
    crate::records::atomic::write_atomic(&path, text.as_bytes())
        .map_err(|e| StoreError::write(&path, e))?;
    Ok(path)
}

#[derive(Deserialize)]
struct Versioned {
    version: u32,
}

/// Reads and checks a bundle completely; any doubt refuses it.
pub fn read(path: &Path) -> Result<Bundle, BundleError> {
    let text = fs::read_to_string(path).map_err(|e| BundleError::Unreadable(e.to_string()))?;
    parse(&text)
}

pub fn parse(text: &str) -> Result<Bundle, BundleError> {
    let version = ron::from_str::<Versioned>(text)
        .map_err(|e| BundleError::Damaged(e.to_string()))?
        .version;
    if version > BUNDLE_VERSION {
        return Err(BundleError::Newer(version));
    }
    let bundle: Bundle = ron::from_str(text).map_err(|e| BundleError::Damaged(e.to_string()))?;
    if checksum(&bundle.body) != bundle.checksum {
        return Err(BundleError::Checksum);
    }
    let signer = DeviceKey {
        version: 1,
        device: bundle.body.manifest.device,
        public_key: bundle.body.manifest.public_key.clone(),
    };
    if !signer.verifies(bundle.checksum.as_bytes(), &bundle.signature) {
        return Err(BundleError::Signature);
    }
    Ok(bundle)
}

/// Imports one bundle file into the store. Refused bundles change nothing but the journal.
pub fn import(store: &Store, path: &Path, now: DateTime<Utc>) -> Result<ImportReport, BundleError> {
    let source = path.display().to_string();
    let result = read(path).and_then(|bundle| import_bundle(store, bundle, &source, now));
    let entry = match &result {
        Ok(report) => JournalEntry {
            at: now,
            source,
            device: None,
            added_attempts: report.added_attempts,
            added_learners: report.added_learners,
            already_present: report.already_present,
            conflicts: report.conflicts.clone(),
            refused: None,
        },
        Err(error) => JournalEntry {
            at: now,
            source,
            device: None,
            added_attempts: 0,
            added_learners: 0,
            already_present: 0,
            conflicts: Vec::new(),
            refused: Some(error.to_string()),
        },
    };
    append_journal(store, entry)?;
    result
}

fn import_bundle(
    store: &Store,
    bundle: Bundle,
    source: &str,
    now: DateTime<Utc>,
) -> Result<ImportReport, BundleError> {
    let loaded = store.load();
    // A device may not change its key: that would let anyone re-sign records as that device.
    let mut carried: HashMap<Uuid, &DeviceKey> = HashMap::new();
    for key in &bundle.body.devices {
        if let Some(known) = loaded.devices.get(&key.device)
            && known.public_key != key.public_key
        {
            return Err(BundleError::KeyChanged(key.device));
        }
        carried.insert(key.device, key);
    }
    if let Some(known) = loaded.devices.get(&bundle.body.manifest.device)
        && known.public_key != bundle.body.manifest.public_key
    {
        return Err(BundleError::KeyChanged(bundle.body.manifest.device));
    }
    let existing: HashMap<Uuid, &Attempt> = loaded.attempts.iter().map(|a| (a.id, a)).collect();
    let existing_learners: HashMap<Uuid, &Learner> =
        loaded.learners.iter().map(|l| (l.id, l)).collect();
    let mut report = ImportReport::default();
    let mut attempts = Vec::new();
    let mut in_bundle = BTreeSet::new();
    for attempt in bundle.body.attempts {
        if !in_bundle.insert(attempt.id) {
            continue;
        }
        match existing.get(&attempt.id) {
            Some(present) if **present == attempt => report.already_present += 1,
            Some(_) => report.conflicts.push(attempt.id),
            None => attempts.push(attempt),
        }
    }
    let mut learners = Vec::new();
    for learner in bundle.body.learners {
        match existing_learners.get(&learner.id) {
            Some(present) if **present == learner => {}
            Some(_) => report.conflicts.push(learner.id),
            None => learners.push(learner),
        }
    }
    let known_corrections: BTreeSet<Uuid> = loaded.corrections.iter().map(|c| c.id).collect();
    let corrections: Vec<Correction> = bundle
        .body
        .corrections
        .into_iter()
        .filter(|c| !known_corrections.contains(&c.id))
        .collect();
    report.added_attempts = attempts.len();
    report.added_learners = learners.len();
    report.added_corrections = corrections.len();
    if attempts.is_empty() && learners.is_empty() && corrections.is_empty() {
        return Ok(report);
    }
    // Keys first, then the records: a crash in between leaves keys without records (harmless),
    // never records whose key is unknown.
    for key in carried.values() {
        if !loaded.devices.contains_key(&key.device) {
            store.write(
                &store.path(DEVICES).join(format!("{}.ron", key.device)),
                *key,
            )?;
        }
    }
    let batch = ImportBatch {
        version: BATCH_VERSION,
        imported_at: now,
        source: source.to_owned(),
        checksum: bundle.checksum,
        manifest: bundle.body.manifest,
        learners,
        attempts,
        corrections,
    };
    let id = Uuid::new_v4();
    let path = store.path(IMPORTED).join(format!("{id}.ron"));
    let text = ron::to_string(&batch).map_err(|e| StoreError::Encode(e.to_string()))?;
    crate::records::atomic::write_atomic(&path, text.as_bytes())
        .map_err(|e| StoreError::write(&path, e))?;
    // The cache only speeds up loading; if writing it fails, loading reads the RON instead.
    let mut keys = loaded.devices.clone();
    keys.extend(
        carried
            .into_iter()
            .map(|(device, key)| (device, key.clone())),
    );
    let checked = crate::records::cache::check(&batch, &keys);
    let cache_path = store.path(IMPORTED).join(format!("{id}.cache"));
    match store.identity() {
        Ok(identity) => {
            if let Err(error) = crate::records::cache::write(
                &cache_path,
                text.as_bytes(),
                &batch,
                checked,
                &identity,
            ) {
                log::warn!("cannot write {}: {error}", cache_path.display());
            }
        }
        Err(error) => log::warn!("{error}"),
    }
    Ok(report)
}

/// The import journal, oldest first.
pub fn journal(store: &Store) -> Vec<JournalEntry> {
    fs::read_to_string(store.path(JOURNAL))
        .ok()
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default()
}

fn append_journal(store: &Store, entry: JournalEntry) -> Result<(), StoreError> {
    let lock_path = store.path(".journal.lock");
    let mut lock = crate::records::atomic::lock_file(&lock_path)?;
    let _guard = lock.write().map_err(|e| StoreError::write(&lock_path, e))?;
    let mut entries = journal(store);
    entries.push(entry);
    store.write(&store.path(JOURNAL), &entries)
}
