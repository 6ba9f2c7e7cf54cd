//! The installation's signing identity: an Ed25519 key pair made on first start. The public half
//! travels in bundles so HR can check records; the secret half never leaves this data folder.

use std::fs;
use std::path::Path;

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::records::atomic::write_atomic;
use crate::records::error::StoreError;

const DEVICE_FILE: &str = "device.ron";
const SECRET_FILE: &str = "device.key";

/// A device's public identity, as stored in `device.ron` and in `devices/<id>.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceKey {
    pub version: u32,
    pub device: Uuid,
    /// Ed25519 public key, hex.
    pub public_key: String,
}

impl DeviceKey {
    pub fn verifying_key(&self) -> Option<VerifyingKey> {
        let bytes: [u8; 32] = hex::decode(&self.public_key).ok()?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok()
    }

    /// Whether `signature` (hex) over `message` was made by this device.
    pub fn verifies(&self, message: &[u8], signature: &str) -> bool {
        let Some(key) = self.verifying_key() else {
            return false;
        };
        let Ok(bytes) = hex::decode(signature) else {
            return false;
        };
        let Ok(bytes) = <[u8; 64]>::try_from(bytes.as_slice()) else {
            return false;
        };
        key.verify(message, &Signature::from_bytes(&bytes)).is_ok()
    }
}

/// This installation's key pair.
#[derive(Clone)]
pub struct Identity {
    pub key: DeviceKey,
    signing: SigningKey,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl Identity {
    /// Loads the key pair from the data folder, or makes one on a fresh installation.
    ///
    /// A missing, unreadable or damaged key is an error, never a reason to make a new one: every
    /// record signed with the old key would stop verifying. A key is made only when this folder
    /// has never had one (no key files, no recorded attempt, no marker) or when the user asks
    /// for a new identity ([`Identity::replace`]).
    pub fn load_or_create(root: &Path) -> Result<Identity, StoreError> {
        // Two copies of the app starting at once must not each make a key (the second would
        // replace the first and every record it signed would stop verifying).
        let lock_path = root.join(".identity.lock");
        let mut lock = crate::records::atomic::lock_file(&lock_path)?;
        let _guard = lock.write().map_err(|e| StoreError::write(&lock_path, e))?;
        let secret_path = root.join(SECRET_FILE);
        let device_path = root.join(DEVICE_FILE);
        let present = |path: &Path| match fs::symlink_metadata(path) {
            Ok(_) => true,
            Err(error) => error.kind() != std::io::ErrorKind::NotFound,
        };
        let (secret, device) = (present(&secret_path), present(&device_path));
        if secret && device {
            return Self::read(&secret_path, &device_path);
        }
        if Self::signed_anything(root) {
            // Records carry this PC's signature: only the user may decide to start anew.
            return if secret || device {
                Self::read(&secret_path, &device_path)
            } else {
                Err(StoreError::IdentityMissing { path: secret_path })
            };
        }
        // Nothing was ever signed: a first start, or a start whose key creation was cut off
        // (a half-made pair is kept aside, never deleted).
        if secret || device {
            return Self::replace_locked(root, chrono::Utc::now()).map(|(identity, _)| identity);
        }
        Self::make(root)
    }

    /// Loads the key pair; never creates one.
    pub fn load(root: &Path) -> Result<Identity, StoreError> {
        Self::read(&root.join(SECRET_FILE), &root.join(DEVICE_FILE))
    }

    fn read(secret_path: &Path, device_path: &Path) -> Result<Identity, StoreError> {
        let unreadable = |path: &Path, detail: String| StoreError::KeyUnreadable {
            path: path.to_path_buf(),
            detail,
        };
        let secret = fs::read_to_string(secret_path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => StoreError::IdentityMissing {
                path: secret_path.to_path_buf(),
            },
            _ => unreadable(secret_path, e.to_string()),
        })?;
        let device = fs::read_to_string(device_path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => StoreError::IdentityMissing {
                path: device_path.to_path_buf(),
            },
            _ => unreadable(device_path, e.to_string()),
        })?;
        let bytes: [u8; 32] = hex::decode(secret.trim())
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| unreadable(secret_path, "not a key".into()))?;
        let key: DeviceKey =
            ron::from_str(&device).map_err(|e| unreadable(device_path, e.to_string()))?;
        let signing = SigningKey::from_bytes(&bytes);
        if hex::encode(signing.verifying_key().to_bytes()) != key.public_key {
            return Err(unreadable(
                secret_path,
                "device.key does not match device.ron".into(),
            ));
        }
        Ok(Identity { key, signing })
    }

    /// Whether this folder holds anything signed with its key: attempts, the chain head, or a
    /// signed learner profile.
    fn signed_anything(root: &Path) -> bool {
        let non_empty = |dir: &str| {
            fs::read_dir(root.join(dir))
                .map(|mut entries| entries.next().is_some())
                .unwrap_or(false)
        };
        root.join(".chain-head.ron").exists()
            || non_empty("attempts")
            || fs::read_dir(root.join("learners"))
                .map(|entries| {
                    entries.filter_map(Result::ok).any(|entry| {
                        fs::read_to_string(entry.path())
                            .is_ok_and(|text| text.contains("signature:"))
                    })
                })
                .unwrap_or(false)
    }

    fn make(root: &Path) -> Result<Identity, StoreError> {
        let secret_path = root.join(SECRET_FILE);
        let device_path = root.join(DEVICE_FILE);
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        let signing = SigningKey::from_bytes(&secret);
        let key = DeviceKey {
            version: 1,
            device: Uuid::new_v4(),
            public_key: hex::encode(signing.verifying_key().to_bytes()),
        };
        write_atomic(&secret_path, hex::encode(secret).as_bytes())
            .map_err(|e| StoreError::write(&secret_path, e))?;
        let text = ron::ser::to_string_pretty(&key, ron::ser::PrettyConfig::default())
            .map_err(|e| StoreError::Encode(e.to_string()))?;
        write_atomic(&device_path, text.as_bytes())
            .map_err(|e| StoreError::write(&device_path, e))?;
        Ok(Identity { key, signing })
    }

    /// Makes a new identity because the user asked: the old key files (if any) are moved to
    /// `identity-old-<time>/`, never deleted, so records they signed stay checkable. Returns the
    /// new identity and the folder the old files went to.
    pub fn replace(
        root: &Path,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(Identity, Option<std::path::PathBuf>), StoreError> {
        let lock_path = root.join(".identity.lock");
        let mut lock = crate::records::atomic::lock_file(&lock_path)?;
        let _guard = lock.write().map_err(|e| StoreError::write(&lock_path, e))?;
        Self::replace_locked(root, now)
    }

    fn replace_locked(
        root: &Path,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(Identity, Option<std::path::PathBuf>), StoreError> {
        let old = root.join(format!("identity-old-{}", now.format("%Y%m%dT%H%M%S%.3f")));
        let mut moved = false;
        for name in [SECRET_FILE, DEVICE_FILE, ".chain-head.ron", "enrolment.ron"] {
            let path = root.join(name);
            if fs::symlink_metadata(&path).is_ok() {
                fs::create_dir_all(&old).map_err(|e| StoreError::write(&old, e))?;
                fs::rename(&path, old.join(name)).map_err(|e| StoreError::write(&path, e))?;
                moved = true;
            }
        }
        let identity = Self::make(root)?;
        Ok((identity, moved.then_some(old)))
    }

    /// The short form of this PC's public key, shown in Settings for HR to compare.
    pub fn fingerprint(&self) -> String {
        crate::records::authority::fingerprint(&self.key.public_key)
    }

    pub fn sign(&self, message: &[u8]) -> String {
        hex::encode(self.signing.sign(message).to_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_once_and_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let first = Identity::load_or_create(dir.path()).unwrap();
        let again = Identity::load_or_create(dir.path()).unwrap();
        assert_eq!(first.key, again.key);
        let signature = first.sign(b"hello");
        assert!(again.key.verifies(b"hello", &signature));
        assert!(!again.key.verifies(b"hellO", &signature));
    }

    #[test]
    fn two_copies_starting_at_once_share_one_key() {
        let dir = tempfile::tempdir().unwrap();
        let keys: Vec<DeviceKey> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| Identity::load_or_create(dir.path()).unwrap().key))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(keys.windows(2).all(|pair| pair[0] == pair[1]));
    }

    #[test]
    fn a_missing_key_is_not_replaced_silently_but_on_request() {
        let dir = tempfile::tempdir().unwrap();
        let first = Identity::load_or_create(dir.path()).unwrap();
        // Something was signed with it (an attempt on disk).
        fs::create_dir_all(dir.path().join("attempts")).unwrap();
        fs::write(dir.path().join("attempts/a.ron"), "(version: 3)").unwrap();
        fs::remove_file(dir.path().join(SECRET_FILE)).unwrap();
        assert!(matches!(
            Identity::load_or_create(dir.path()),
            Err(StoreError::IdentityMissing { .. })
        ));
        fs::remove_file(dir.path().join(DEVICE_FILE)).unwrap();
        assert!(matches!(
            Identity::load_or_create(dir.path()),
            Err(StoreError::IdentityMissing { .. })
        ));
        let (second, old) = Identity::replace(dir.path(), chrono::Utc::now()).unwrap();
        assert_ne!(first.key, second.key);
        assert!(old.is_none());
        let (third, old) = Identity::replace(dir.path(), chrono::Utc::now()).unwrap();
        let old = old.unwrap();
        assert_eq!(
            fs::read_to_string(old.join(DEVICE_FILE)).unwrap(),
            ron::ser::to_string_pretty(&second.key, ron::ser::PrettyConfig::default()).unwrap()
        );
        assert_eq!(Identity::load(dir.path()).unwrap().key, third.key);
    }

    #[test]
    fn a_key_creation_cut_off_before_anything_was_signed_starts_again() {
        let dir = tempfile::tempdir().unwrap();
        Identity::load_or_create(dir.path()).unwrap();
        fs::remove_file(dir.path().join(DEVICE_FILE)).unwrap();
        let again = Identity::load_or_create(dir.path()).unwrap();
        assert_eq!(Identity::load(dir.path()).unwrap().key, again.key);
        let kept = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().starts_with("identity-old-"));
        assert!(kept, "the half-made key is kept aside");
    }

    #[test]
    fn a_damaged_key_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        Identity::load_or_create(dir.path()).unwrap();
        fs::write(dir.path().join(SECRET_FILE), "00").unwrap();
        assert!(Identity::load_or_create(dir.path()).is_err());
        assert_eq!(
            fs::read_to_string(dir.path().join(SECRET_FILE)).unwrap(),
            "00"
        );
    }
}
