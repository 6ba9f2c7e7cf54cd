//! A derived, rebuildable cache of each import, so HR can summarise 100,000 attempts quickly.
//!
//! The RON batch in `imported/` stays the record of truth. When it is written, each attempt's
//! signature is checked once and its chain hash computed; both go, with the records, into a
//! compact binary `<batch>.cache` sealed by this installation's key. Loading uses a cache only
//! when its seal verifies with this installation's public key; otherwise it reads the RON and
//! checks every signature again. Deleting the caches loses nothing.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::records::attempt::Attempt;
use crate::records::bundle::ImportBatch;
use crate::records::identity::{DeviceKey, Identity};

/// What was computed for one attempt when its batch was imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    /// The signature verified with the device's key at import time.
    pub signature_ok: bool,
    pub chain_hash: String,
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// SHA-256 (hex) of the payload, signed below.
    digest: String,
    signature: String,
    payload: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct Payload {
    /// SHA-256 (hex) of the RON batch file this cache was made from: an edited RON file
    /// invalidates the cache, so the edit is seen (and its signatures checked again).
    ron_digest: String,
    batch: ImportBatch,
    checked: Vec<Checked>,
}

/// Checks every attempt of a batch against the known keys.
pub fn check(batch: &ImportBatch, keys: &HashMap<Uuid, DeviceKey>) -> Vec<Checked> {
    batch
        .attempts
        .iter()
        .map(|attempt| Checked {
            signature_ok: signature_ok(attempt, keys),
            chain_hash: attempt.chain_hash(),
        })
        .collect()
}

pub(super) fn signature_ok(attempt: &Attempt, keys: &HashMap<Uuid, DeviceKey>) -> bool {
    match (
        &attempt.signature,
        attempt.device.and_then(|d| keys.get(&d)),
    ) {
        (Some(signature), Some(key)) => key.verifies(&attempt.signed_bytes(), signature),
        _ => false,
    }
}

/// Writes the sealed cache next to the batch file.
pub fn write(
    path: &Path,
    ron_text: &[u8],
    batch: &ImportBatch,
    checked: Vec<Checked>,
    identity: &Identity,
) -> std::io::Result<()> {
    let payload = bincode::serialize(&Payload {
        ron_digest: hex::encode(Sha256::digest(ron_text)),
        batch: batch.clone(),
        checked,
    })
    .map_err(std::io::Error::other)?;
    let digest = hex::encode(Sha256::digest(&payload));
    let file = CacheFile {
        version: 1,
        signature: identity.sign(digest.as_bytes()),
        digest,
        payload,
    };
    let bytes = bincode::serialize(&file).map_err(std::io::Error::other)?;
    crate::records::atomic::write_atomic(path, &bytes)
}

/// Reads the cache of the RON batch at `ron_path`, if its seal verifies with `own` (this
/// installation's public key) and the RON file is unchanged since.
pub fn read(ron_path: &Path, own: &DeviceKey) -> Option<(ImportBatch, Vec<Checked>)> {
    let bytes = std::fs::read(ron_path.with_extension("cache")).ok()?;
    let file: CacheFile = bincode::deserialize(&bytes).ok()?;
    if file.version != 1 || hex::encode(Sha256::digest(&file.payload)) != file.digest {
        return None;
    }
    if !own.verifies(file.digest.as_bytes(), &file.signature) {
        return None;
    }
    let payload: Payload = bincode::deserialize(&file.payload).ok()?;
    let ron = std::fs::read(ron_path).ok()?;
    if hex::encode(Sha256::digest(&ron)) != payload.ron_digest {
        return None;
    }
    (payload.checked.len() == payload.batch.attempts.len())
        .then_some((payload.batch, payload.checked))
}
