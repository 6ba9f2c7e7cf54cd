//! Bundles: one file that carries a device's records to the HR PC by USB stick or shared folder.
//!
//! A bundle holds a manifest (device, public key, dates, counts, content version), the learners
//! and attempts, the public keys of every device whose attempts it carries and, for an enrolled
//! PC, HR's certificate on its key; it is signed by the exporting device. Importing checks the
//! whole file first and refuses it on any doubt (truncated, edited, newer format, bad
//! signature); then, under a lock, it keeps what is new (including copies that differ from what
//! is here: both versions are kept, the one that verifies counts), overwrites nothing, and
//! writes it as one new file in `imported/` carrying its own journal entry, then the journal
//! file. Keys are never pinned by an import: which key counts is HR's signed decision
//! (`records devices`), so a forged bundle that arrives first cannot lock out the real one.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::records::attempt::{Attempt, Checked};
use crate::records::correction::Correction;
use crate::records::error::StoreError;
use crate::records::identity::DeviceKey;
use crate::records::learner::Learner;
use crate::records::store::{IMPORTED, ImportIndex, LoadMode, Store};
use crate::records::trust::{Approval, Decision, Enrolment, How, KeyTrust};

/// The newest bundle format this build reads.
pub const BUNDLE_VERSION: u32 = 1;
/// Version 2 added the batch id, the carried keys and enrolment, and the journal entry.
pub(super) const BATCH_VERSION: u32 = 2;

pub use crate::records::journal::JournalEntry;

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleBody {
    pub manifest: Manifest,
    pub devices: Vec<DeviceKey>,
    pub learners: Vec<Learner>,
    pub attempts: Vec<Attempt>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// HR's certificate on the exporting PC's key (left out when absent, so bundles written
    /// before enrolment existed keep their checksum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolment: Option<Enrolment>,
    /// The trainer's sessions on the exporting PC (left out when none, like `enrolment`), so
    /// HR receives a session with the attempts made in it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<crate::training::Session>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    #[serde(default)]
    pub id: Option<Uuid>,
    pub imported_at: DateTime<Utc>,
    pub source: String,
    pub checksum: String,
    /// SHA-256 (hex) of the bundle file as received.
    #[serde(default)]
    pub file_hash: Option<String>,
    pub manifest: Manifest,
    /// The device keys the bundle carried (claims, until HR approves them).
    #[serde(default)]
    pub devices: Vec<DeviceKey>,
    #[serde(default)]
    pub enrolment: Option<Enrolment>,
    /// This import's journal entry, so a batch never exists without one.
    #[serde(default)]
    pub journal: Option<JournalEntry>,
    pub learners: Vec<Learner>,
    pub attempts: Vec<Attempt>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub added_attempts: usize,
    pub added_learners: usize,
    pub added_corrections: usize,
    pub already_present: usize,
    /// Records whose id is already here with different content: both versions kept, reported.
    pub conflicts: Vec<Uuid>,
    /// New attempts from devices HR has not approved: kept, counted nowhere until approved.
    pub held: usize,
    /// The devices those attempts came from.
    pub awaiting: Vec<Uuid>,
    /// Corrections not signed by this HR: kept as proposals, counted nowhere.
    pub proposals: usize,
    /// The device was approved on import because it carried HR's enrolment certificate.
    pub enrolled: bool,
    /// The records were saved but the journal file could not be written (the batch carries the
    /// entry; the next start writes the file).
    pub journal_error: Option<String>,
    /// Trainer's sessions carried that were new here.
    pub added_sessions: usize,
    /// The sessions carried could not be saved (the records were).
    pub session_error: Option<String>,
}

impl ImportReport {
    /// Nothing that needs HR's attention: no conflict, nothing held, no proposal, journal written.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
            && self.held == 0
            && self.proposals == 0
            && self.journal_error.is_none()
            && self.session_error.is_none()
    }
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
            BundleError::Store(error) => error.message(lang),
        }
    }
}

fn checksum(body: &BundleBody) -> String {
    hex::encode(Sha256::digest(
        ron::to_string(body).unwrap_or_default().as_bytes(),
    ))
}

/// Builds a signed bundle of every learner and attempt in the store (full records, answers
/// included, read from the RON files), with this PC's enrolment certificate if it has one.
pub fn build(store: &Store, now: DateTime<Utc>) -> Result<Bundle, StoreError> {
    let identity = store.identity()?;
    let loaded = store.load_with(LoadMode::Full);
    let mut bundle = assemble(
        &identity,
        loaded.learners,
        loaded.attempts,
        loaded.corrections,
        &loaded.devices,
        now,
    );
    let enrolment = store.enrolment()?;
    let sessions = crate::training::sessions::load(store).sessions;
    if enrolment.is_some() || !sessions.is_empty() {
        bundle.body.enrolment = enrolment;
        bundle.body.sessions = sessions;
        bundle.checksum = checksum(&bundle.body);
        bundle.signature = identity.sign(bundle.checksum.as_bytes());
    }
    Ok(bundle)
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
        enrolment: None,
        sessions: Vec::new(),
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
    if let Some(checked) = parse_as_written(text) {
        return checked;
    }
    parse_any(text)
}

/// Checks a bundle laid out exactly as this app writes it (`(version:N,body:BODY,checksum:"…",
/// signature:"…")`, no spaces) by hashing the body's own text, instead of reading it and
/// writing it out again to hash it (a tenth of an import's time). The body is then read from
/// exactly the bytes that were hashed and signed, so nothing is taken on trust that the full
/// check would refuse. `None` when the layout or the checksum does not match: the full check
/// ([`parse_any`]) then decides, and says what is wrong.
fn parse_as_written(text: &str) -> Option<Result<Bundle, BundleError>> {
    const CHECKSUM: &str = ",checksum:\"";
    const SIGNATURE: &str = "\",signature:\"";
    const END: &str = "\")";
    let rest = text.strip_prefix("(version:")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let version: u32 = rest[..digits].parse().ok()?;
    let rest = rest[digits..].strip_prefix(",body:")?;
    // A body is a struct: `(` first (so no `#![enable(…)]` can change how it reads on its own).
    if !rest.starts_with('(') {
        return None;
    }
    let tail = CHECKSUM.len() + 64 + SIGNATURE.len() + 128 + END.len();
    let split = rest.len().checked_sub(tail)?;
    let (body_text, suffix) = (rest.get(..split)?, rest.get(split..)?);
    let suffix = suffix.strip_prefix(CHECKSUM)?;
    let (checksum, suffix) = (suffix.get(..64)?, suffix.get(64..)?);
    let suffix = suffix.strip_prefix(SIGNATURE)?;
    let (signature, suffix) = (suffix.get(..128)?, suffix.get(128..)?);
    if suffix != END {
        return None;
    }
    if version > BUNDLE_VERSION {
        return Some(Err(BundleError::Newer(version)));
    }
    if hex::encode(Sha256::digest(body_text.as_bytes())) != checksum {
        return None;
    }
    let body: BundleBody = ron::from_str(body_text).ok()?;
    let bundle = Bundle {
        version,
        body,
        checksum: checksum.to_owned(),
        signature: signature.to_owned(),
    };
    Some(signed(bundle))
}

/// Checks a bundle in any layout RON allows: read it, write the body out again and hash that.
fn parse_any(text: &str) -> Result<Bundle, BundleError> {
    // Parsed once; only a file that does not parse is read again, for its format version (a
    // newer format says so instead of "damaged").
    let bundle: Bundle = match ron::from_str(text) {
        Ok(bundle) => bundle,
        Err(error) => {
            return Err(match ron::from_str::<Versioned>(text) {
                Ok(Versioned { version }) if version > BUNDLE_VERSION => {
                    BundleError::Newer(version)
                }
                _ => BundleError::Damaged(error.to_string()),
            });
        }
    };
    if bundle.version > BUNDLE_VERSION {
        return Err(BundleError::Newer(bundle.version));
    }
    if checksum(&bundle.body) != bundle.checksum {
        return Err(BundleError::Checksum);
    }
    signed(bundle)
}

/// The bundle, if its checksum is signed by the key its manifest names.
fn signed(bundle: Bundle) -> Result<Bundle, BundleError> {
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

/// Imports one bundle file into the store. A refused bundle changes nothing but the journal.
pub fn import(store: &Store, path: &Path, now: DateTime<Utc>) -> Result<ImportReport, BundleError> {
    import_many(store, &[path.to_path_buf()], now)
        .pop()
        .map_or_else(
            || Err(BundleError::Unreadable(path.display().to_string())),
            |(_, r)| r,
        )
}

/// A bundle read and checked, ready to be compared with the store.
struct Prepared {
    source: String,
    file_hash: Option<String>,
    bundle: Result<(Bundle, Vec<Seen>, Vec<bool>), BundleError>,
}

/// What a worker found out about one attempt of a bundle.
#[derive(Debug, Clone, Copy)]
struct Seen {
    /// Its chain hash (covers every signed byte and the signature).
    chain: [u8; 32],
    /// Its signature checked with the key carried for its device; `None` when the store
    /// already holds a record with this id and chain hash. That record was checked when it was
    /// imported (the store's index says so, under this installation's seal), and an identical
    /// copy is not added again, so its check would tell nothing. A desk that sends its whole
    /// history each time has most of it checked once, not at every import.
    signature_ok: Option<bool>,
}

/// Reads a bundle, checks its checksum and signature, and checks every record in it against
/// the keys it carries (the records `known` holds with the same chain hash only for their
/// hash). Independent of the store, so several run at once.
fn prepare(path: &Path, known: &ImportIndex) -> Prepared {
    let bytes = fs::read(path).map_err(|e| BundleError::Unreadable(e.to_string()));
    let file_hash = bytes.as_ref().ok().map(|b| hex::encode(Sha256::digest(b)));
    let bundle = bytes.and_then(|bytes| {
        let text = String::from_utf8(bytes).map_err(|e| BundleError::Damaged(e.to_string()))?;
        let bundle = parse(&text)?;
        // Each carried key read once (a key that cannot be read verifies nothing).
        let parse = crate::records::authority::parse_key;
        let mut carried: HashMap<Uuid, Option<VerifyingKey>> = bundle
            .body
            .devices
            .iter()
            .map(|k| (k.device, parse(&k.public_key)))
            .collect();
        carried.insert(
            bundle.body.manifest.device,
            parse(&bundle.body.manifest.public_key),
        );
        let key_of = |device: Option<Uuid>| device.and_then(|d| carried.get(&d)?.as_ref());
        let attempts: Vec<Seen> = bundle
            .body
            .attempts
            .iter()
            .map(|a| {
                if known.attempts.contains_key(&a.id) {
                    let chain = a.chain_digest();
                    if known.holds(&a.id, &chain) {
                        return Seen {
                            chain,
                            signature_ok: None,
                        };
                    }
                }
                let checked = a.check_with_key(key_of(a.device));
                Seen {
                    chain: checked.chain,
                    signature_ok: Some(checked.signature_ok),
                }
            })
            .collect();
        let learners: Vec<bool> = bundle
            .body
            .learners
            .iter()
            .map(|l| crate::records::cache::learner_ok_with_key(l, key_of(l.device)))
            .collect();
        drop(carried);
        Ok((bundle, attempts, learners))
    });
    Prepared {
        source: path.display().to_string(),
        file_hash,
        bundle,
    }
}

/// Imports bundle files one after another, under one lock, reading the store once. Each is
/// accepted or refused on its own; a refusal changes nothing but the journal.
pub fn import_many(
    store: &Store,
    paths: &[PathBuf],
    now: DateTime<Utc>,
) -> Vec<(PathBuf, Result<ImportReport, BundleError>)> {
    // One import at a time: two copies importing the same bundle add (and report) it once.
    let lock_path = store.path(".import.lock");
    let mut lock = match crate::records::atomic::lock_file(&lock_path) {
        Ok(lock) => lock,
        Err(error) => {
            return paths
                .iter()
                .map(|p| (p.clone(), Err(BundleError::Store(error.clone()))))
                .collect();
        }
    };
    let _guard = match lock.write() {
        Ok(guard) => guard,
        Err(error) => {
            let error = StoreError::write(&lock_path, error);
            return paths
                .iter()
                .map(|p| (p.clone(), Err(BundleError::Store(error.clone()))))
                .collect();
        }
    };
    let identity = store.identity().ok();
    let authority = store.authority();
    let mut index = store.import_index(identity.as_ref());
    // What the store held when the import began, for the workers (the index grows as bundles
    // are written; a record added meanwhile is only checked once more).
    let known = ImportIndex {
        attempts: index.attempts.clone(),
        other_copies: index.other_copies.clone(),
        ..ImportIndex::default()
    };
    let known = &known;
    let signer = authority.as_ref().ok().cloned().flatten();
    // Reading and checking bundles is the slow part: workers do it while this thread compares
    // and writes, one bundle at a time, in the order they are ready. The channel is short, so
    // only a few parsed bundles are in memory at once.
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(usize, Prepared)>(1);
    let mut results: Vec<(usize, PathBuf, Result<ImportReport, BundleError>)> =
        Vec::with_capacity(paths.len());
    let next = &next;
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            scope.spawn(move || {
                loop {
                    let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = paths.get(at) else { break };
                    if sender.send((at, prepare(path, known))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (at, prepared) in receiver {
            let result = match &authority {
                Err(error) => Err(BundleError::Store(error.clone())),
                Ok(_) => commit(
                    store,
                    &mut index,
                    signer.as_ref(),
                    identity.as_ref(),
                    prepared,
                    now,
                ),
            };
            results.push((at, paths[at].clone(), result));
        }
    });
    results.sort_by_key(|(at, _, _)| *at);
    results
        .into_iter()
        .map(|(_, path, result)| (path, result))
        .collect()
}

/// Compares a checked bundle with the store and writes what is new: the batch (with its
/// journal entry), its cache, any enrolment approval, then the journal file.
fn commit(
    store: &Store,
    index: &mut ImportIndex,
    authority: Option<&crate::records::Authority>,
    identity: Option<&crate::records::Identity>,
    prepared: Prepared,
    now: DateTime<Utc>,
) -> Result<ImportReport, BundleError> {
    let Prepared {
        source,
        file_hash,
        bundle,
    } = prepared;
    let (bundle, checks, learner_checks) = match bundle {
        Ok(parts) => parts,
        Err(error) => {
            let entry = JournalEntry {
                at: now,
                source,
                device: None,
                added_attempts: 0,
                added_learners: 0,
                already_present: 0,
                conflicts: Vec::new(),
                refused: Some(error.to_string()),
                id: Some(Uuid::new_v4()),
                file_hash,
                batch: None,
                proposals: 0,
                held: 0,
                event: None,
            };
            if let Err(journal_error) = crate::records::journal::append(store, &entry) {
                log::warn!("{journal_error}");
            }
            return Err(error);
        }
    };
    let mut report = ImportReport::default();
    let mut body = bundle.body;
    let sessions = std::mem::take(&mut body.sessions);
    let manifest_key = DeviceKey {
        version: 1,
        device: body.manifest.device,
        public_key: body.manifest.public_key.clone(),
    };
    // An enrolled PC: HR's certificate on its key approves it, unless the device id already has
    // another approved key (the first approved key stays). Saved after the records, so a
    // refused or failed import changes nothing.
    let enrol_approval = match (&body.enrolment, authority) {
        (Some(enrolment), Some(authority))
            if enrolment.certifies(&manifest_key, &authority.key)
                && index.trust.trusted_key(manifest_key.device).is_none() =>
        {
            Some(Approval::signed(
                authority,
                &manifest_key,
                Decision::Approved,
                How::Enrolment,
                &enrolment.label,
                now,
            ))
        }
        _ => None,
    };
    let mut trust = index.trust.clone();
    if let Some(approval) = &enrol_approval {
        trust.approved.insert(approval.device, approval.clone());
    }
    let mut carried: Vec<DeviceKey> = body.devices.clone();
    if !carried.iter().any(|k| k.device == manifest_key.device) {
        carried.push(manifest_key.clone());
    }
    let key_of = |device: Option<Uuid>| -> Option<&str> {
        let device = device?;
        carried
            .iter()
            .find(|k| k.device == device)
            .map(|k| k.public_key.as_str())
    };
    let mut attempts = Vec::new();
    let mut attempt_checks = Vec::new();
    let mut in_bundle = BTreeSet::new();
    let mut awaiting = BTreeSet::new();
    // The key a worker checked with: the manifest's for the exporting device (as `prepare`).
    let checked_with = |device: Option<Uuid>| -> Option<&str> {
        if device == Some(manifest_key.device) {
            Some(manifest_key.public_key.as_str())
        } else {
            key_of(device)
        }
    };
    for (attempt, seen) in body.attempts.into_iter().zip(checks) {
        if !in_bundle.insert(attempt.id) {
            continue;
        }
        match index.attempts.get(&attempt.id) {
            _ if index.holds(&attempt.id, &seen.chain) => report.already_present += 1,
            present => {
                // Known when the import began but not as it stands now: checked after all.
                let signature_ok = seen.signature_ok.unwrap_or_else(|| {
                    attempt
                        .check_with(checked_with(attempt.device))
                        .signature_ok
                });
                let checked = Checked {
                    signature_ok,
                    chain: seen.chain,
                };
                if present.is_some() {
                    report.conflicts.push(attempt.id);
                }
                let trusted = match (attempt.device, key_of(attempt.device)) {
                    (Some(device), Some(key)) => trust.of(device, key) == KeyTrust::Trusted,
                    _ => false,
                };
                if !trusted {
                    report.held += 1;
                    if let Some(device) = attempt.device {
                        awaiting.insert(device);
                    }
                }
                attempts.push(attempt);
                attempt_checks.push(checked);
            }
        }
    }
    report.awaiting = awaiting.into_iter().collect();
    let mut learners = Vec::new();
    let mut kept_learner_checks = Vec::new();
    for (learner, ok) in body.learners.into_iter().zip(learner_checks) {
        match index.learners.get(&learner.id) {
            Some((_, digest)) if *digest == learner.digest() => {}
            Some((revision, _)) if *revision >= learner.revision => {
                report.conflicts.push(learner.id);
                learners.push(learner);
                kept_learner_checks.push(ok);
            }
            _ => {
                learners.push(learner);
                kept_learner_checks.push(ok);
            }
        }
    }
    let corrections: Vec<Correction> = body
        .corrections
        .into_iter()
        .filter(|c| !index.corrections.contains(&c.id))
        .collect();
    report.proposals = corrections
        .iter()
        .filter(|c| !trust.authority.as_ref().is_some_and(|a| c.signed_by(a)))
        .count();
    report.added_attempts = attempts.len();
    report.added_learners = learners.len();
    report.added_corrections = corrections.len();
    let batch_id = Uuid::new_v4();
    let nothing_new = attempts.is_empty() && learners.is_empty() && corrections.is_empty();
    let entry = JournalEntry {
        at: now,
        source: source.clone(),
        device: Some(body.manifest.device),
        added_attempts: report.added_attempts,
        added_learners: report.added_learners,
        already_present: report.already_present,
        conflicts: report.conflicts.clone(),
        refused: None,
        id: Some(Uuid::new_v4()),
        file_hash: file_hash.clone(),
        batch: (!nothing_new).then_some(batch_id),
        proposals: report.proposals,
        held: report.held,
        event: None,
    };
    if !nothing_new {
        let batch = ImportBatch {
            version: BATCH_VERSION,
            id: Some(batch_id),
            imported_at: now,
            source,
            checksum: bundle.checksum,
            file_hash,
            manifest: body.manifest,
            devices: carried.clone(),
            enrolment: body.enrolment,
            journal: Some(entry.clone()),
            learners,
            attempts,
            corrections,
        };
        let path = store.path(IMPORTED).join(format!("{batch_id}.ron"));
        let text = ron::to_string(&batch).map_err(|e| StoreError::Encode(e.to_string()))?;
        // The one write that decides: before it nothing was saved, after it everything was.
        crate::records::atomic::write_atomic(&path, text.as_bytes())
            .map_err(|e| StoreError::write(&path, e))?;
        for (attempt, checked) in batch.attempts.iter().zip(&attempt_checks) {
            index.add_attempt(attempt.id, checked.chain);
        }
        for learner in &batch.learners {
            index.add_learner(learner.id, learner.revision, learner.digest());
        }
        index
            .corrections
            .extend(batch.corrections.iter().map(|c| c.id));
        // The cache only speeds up loading; if writing it fails, loading reads the RON instead.
        match identity {
            Some(identity) => {
                if let Err(error) = crate::records::cache::write(
                    &path,
                    &batch,
                    (&attempt_checks, &kept_learner_checks),
                    identity,
                ) {
                    log::warn!("cannot write the cache of {}: {error}", path.display());
                }
            }
            None => log::warn!(
                "no device key: the cache of {} is not written",
                path.display()
            ),
        }
    }
    if let Some(approval) = &enrol_approval {
        match store.save_approval(approval) {
            Ok(()) => {
                report.enrolled = true;
                index
                    .trust
                    .approved
                    .insert(approval.device, approval.clone());
            }
            Err(error) => {
                // The records are kept (held); HR can approve the device by hand.
                log::warn!("{error}");
                report.awaiting = vec![approval.device];
            }
        }
    }
    match crate::training::sessions::absorb(store, &sessions) {
        Ok(added) => report.added_sessions = added,
        Err(error) => report.session_error = Some(error.to_string()),
    }
    if let Err(error) = crate::records::journal::append(store, &entry) {
        report.journal_error = Some(error.to_string());
    }
    Ok(report)
}

/// The import journal, oldest first.
pub fn journal(store: &Store) -> Vec<JournalEntry> {
    store.read().journal.entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> (tempfile::TempDir, Bundle) {
        let dir = tempfile::tempdir().unwrap();
        let identity = crate::records::Identity::load_or_create(dir.path()).unwrap();
        let learner = Learner {
            version: 2,
            id: Uuid::from_u128(5),
            name: "Siti \"Ani\" Rahma".into(),
            nip: None,
            unit: "Bagian Umum".into(),
            instansi: "Pemerintah Kabupaten Mesuji".into(),
            created: Utc::now(),
            revision: 1,
            device: None,
            signature: None,
        };
        let bundle = assemble(
            &identity,
            vec![learner],
            Vec::new(),
            Vec::new(),
            &HashMap::new(),
            Utc::now(),
        );
        (dir, bundle)
    }

    #[test]
    fn a_bundle_as_written_is_checked_from_its_own_text_like_any_other() {
        let (_dir, bundle) = bundle();
        let text = ron::to_string(&bundle).unwrap();
        assert_eq!(parse_as_written(&text).unwrap().unwrap(), bundle);
        assert_eq!(parse_any(&text).unwrap(), bundle);
        // Laid out otherwise, it is checked the long way, with the same result.
        let pretty = ron::ser::to_string_pretty(&bundle, Default::default()).unwrap();
        assert!(parse_as_written(&pretty).is_none());
        assert_eq!(parse(&pretty).unwrap(), bundle);
    }

    #[test]
    fn an_edited_bundle_as_written_is_refused_for_what_is_wrong() {
        let (_dir, bundle) = bundle();
        let text = ron::to_string(&bundle).unwrap();
        let edited = text.replace("Bagian Umum", "Bagian Lain");
        assert!(matches!(parse(&edited), Err(BundleError::Checksum)));
        let mut forged = bundle.clone();
        forged.signature = "0".repeat(128);
        let forged = ron::to_string(&forged).unwrap();
        assert!(matches!(parse(&forged), Err(BundleError::Signature)));
        let newer = text.replacen("(version:1,", "(version:9,", 1);
        assert!(matches!(parse(&newer), Err(BundleError::Newer(9))));
        let cut = &text[..text.len() - 1];
        assert!(matches!(parse(cut), Err(BundleError::Damaged(_))));
    }
}
