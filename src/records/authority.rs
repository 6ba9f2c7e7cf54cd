//! HR's authority key: the trust anchor of the records.
//!
//! An HR installation makes one Ed25519 key pair when HR sets up (`records authority init`).
//! Only what this key signs is trusted: approvals of learner PCs, enrolment certificates, and
//! corrections (void, waive). A PC that HR never approved can sign records with its own key, but
//! they count nowhere at HR. The secret half never leaves the HR data folder.

use std::fs;
use std::path::Path;

use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::records::atomic::write_atomic;
use crate::records::error::StoreError;

const PUBLIC_FILE: &str = "authority.ron";
const SECRET_FILE: &str = "authority.key";

/// The public half of an HR authority, as stored in `authority.ron` and carried in enrolments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorityKey {
    pub version: u32,
    /// Ed25519 public key, hex.
    pub public_key: String,
    /// The office, as HR typed it ("BKPSDM Kab. Mesuji").
    pub name: String,
    pub created: DateTime<Utc>,
}

impl AuthorityKey {
    pub fn verifies(&self, message: &[u8], signature: &str) -> bool {
        verifies(&self.public_key, message, signature)
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(&self.public_key)
    }
}

/// Whether `signature` (hex) over `message` was made by the holder of `public_key` (hex).
pub fn verifies(public_key: &str, message: &[u8], signature: &str) -> bool {
    parse_key(public_key).is_some_and(|key| verifies_with(&key, message, signature))
}

/// A public key (hex) ready to check signatures with. Reading it decompresses a curve point,
/// which costs about a fifth of a check: a batch's records share a few keys, read once.
pub fn parse_key(public_key: &str) -> Option<VerifyingKey> {
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(public_key, &mut bytes).ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Whether `signature` (hex) over `message` was made by the holder of `key`.
pub fn verifies_with(key: &VerifyingKey, message: &[u8], signature: &str) -> bool {
    let mut bytes = [0u8; 64];
    if hex::decode_to_slice(signature, &mut bytes).is_err() {
        return false;
    }
    key.verify(message, &Signature::from_bytes(&bytes)).is_ok()
}

/// A short form of a public key that two people can read to each other over the phone:
/// 16 hex digits of its SHA-256 in four groups ("3F9A 22C1 8B07 D4E5"). 64 bits: enough that
/// nobody can make a second key with the same fingerprint by trying.
pub fn fingerprint(public_key: &str) -> String {
    let digest = Sha256::digest(public_key.trim().to_ascii_lowercase().as_bytes());
    let text = hex::encode_upper(&digest[..8]);
    text.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `typed` (as a person typed it: any case, spaces or dashes) is `fingerprint`.
pub fn fingerprint_matches(fingerprint: &str, typed: &str) -> bool {
    let clean = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let typed = clean(typed);
    !typed.is_empty() && clean(fingerprint) == typed
}

/// This installation's authority key pair (only on HR's PC).
#[derive(Clone)]
pub struct Authority {
    pub key: AuthorityKey,
    signing: SigningKey,
}

impl std::fmt::Debug for Authority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Authority")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl Authority {
    /// The public half, if this installation is an HR installation. A damaged file is an error,
    /// never "no authority": that would quietly stop every approval from counting.
    pub fn public(root: &Path) -> Result<Option<AuthorityKey>, StoreError> {
        let path = root.join(PUBLIC_FILE);
        match fs::read_to_string(&path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(StoreError::KeyUnreadable {
                path,
                detail: error.to_string(),
            }),
            Ok(text) => ron::from_str(&text)
                .map(Some)
                .map_err(|error| StoreError::KeyUnreadable {
                    path,
                    detail: error.to_string(),
                }),
        }
    }

    /// The key pair, to sign with. `Ok(None)` when this PC has no authority.
    pub fn load(root: &Path) -> Result<Option<Authority>, StoreError> {
        let Some(key) = Self::public(root)? else {
            return Ok(None);
        };
        let path = root.join(SECRET_FILE);
        let secret = fs::read_to_string(&path).map_err(|error| StoreError::KeyUnreadable {
            path: path.clone(),
            detail: error.to_string(),
        })?;
        let bytes: [u8; 32] = hex::decode(secret.trim())
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| StoreError::KeyUnreadable {
                path: path.clone(),
                detail: "not a key".into(),
            })?;
        let signing = SigningKey::from_bytes(&bytes);
        if hex::encode(signing.verifying_key().to_bytes()) != key.public_key {
            return Err(StoreError::KeyUnreadable {
                path,
                detail: "authority.key does not match authority.ron".into(),
            });
        }
        Ok(Some(Authority { key, signing }))
    }

    /// Makes the authority key pair. Refuses when one exists (replacing it would orphan every
    /// approval and correction it signed).
    pub fn create(root: &Path, name: &str, now: DateTime<Utc>) -> Result<Authority, StoreError> {
        let lock_path = root.join(".identity.lock");
        let mut lock = crate::records::atomic::lock_file(&lock_path)?;
        let _guard = lock.write().map_err(|e| StoreError::write(&lock_path, e))?;
        let public = root.join(PUBLIC_FILE);
        if public.exists() || root.join(SECRET_FILE).exists() {
            return Err(StoreError::AuthorityExists);
        }
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        let signing = SigningKey::from_bytes(&secret);
        let key = AuthorityKey {
            version: 1,
            public_key: hex::encode(signing.verifying_key().to_bytes()),
            name: name.trim().to_owned(),
            created: now,
        };
        // Secret first: a crash before the public file leaves no authority (and a retry works);
        // the other order could leave an authority whose secret is gone.
        let secret_path = root.join(SECRET_FILE);
        write_atomic(&secret_path, hex::encode(secret).as_bytes())
            .map_err(|e| StoreError::write(&secret_path, e))?;
        let text = ron::ser::to_string_pretty(&key, ron::ser::PrettyConfig::default())
            .map_err(|e| StoreError::Encode(e.to_string()))?;
        write_atomic(&public, text.as_bytes()).map_err(|e| StoreError::write(&public, e))?;
        Ok(Authority { key, signing })
    }

    pub fn sign(&self, message: &[u8]) -> String {
        hex::encode(self.signing.sign(message).to_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_short_stable_and_typed_loosely() {
        let print = fingerprint("ab".repeat(32).as_str());
        assert_eq!(print.len(), 19);
        assert_eq!(print, fingerprint(&"AB".repeat(32)));
        assert!(fingerprint_matches(
            &print,
            &print.to_lowercase().replace(' ', "-")
        ));
        assert!(!fingerprint_matches(&print, ""));
        assert_ne!(print, fingerprint(&"ac".repeat(32)));
    }

    #[test]
    fn made_once_signs_and_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Authority::load(dir.path()).unwrap().is_none());
        let made = Authority::create(dir.path(), "BKPSDM", Utc::now()).unwrap();
        let loaded = Authority::load(dir.path()).unwrap().unwrap();
        assert_eq!(made.key, loaded.key);
        assert!(loaded.key.verifies(b"x", &made.sign(b"x")));
        assert!(matches!(
            Authority::create(dir.path(), "again", Utc::now()),
            Err(StoreError::AuthorityExists)
        ));
        fs::write(dir.path().join(SECRET_FILE), "zz").unwrap();
        assert!(Authority::load(dir.path()).is_err());
    }
}
