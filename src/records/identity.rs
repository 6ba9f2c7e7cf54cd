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
    /// Loads the key pair from the data folder, or makes one on first start.
    pub fn load_or_create(root: &Path) -> Result<Identity, StoreError> {
        // Two copies of the app starting at once must not each make a key (the second would
        // replace the first and every record it signed would stop verifying).
        let lock_path = root.join(".identity.lock");
        let mut lock = crate::records::atomic::lock_file(&lock_path)?;
        let _guard = lock.write().map_err(|e| StoreError::write(&lock_path, e))?;
        let secret_path = root.join(SECRET_FILE);
        let device_path = root.join(DEVICE_FILE);
        if let (Ok(secret), Ok(device)) = (
            fs::read_to_string(&secret_path),
            fs::read_to_string(&device_path),
        ) {
            let bytes: Option<[u8; 32]> = hex::decode(secret.trim())
                .ok()
                .and_then(|b| b.try_into().ok());
            let key: Option<DeviceKey> = ron::from_str(&device).ok();
            if let (Some(bytes), Some(key)) = (bytes, key) {
                let signing = SigningKey::from_bytes(&bytes);
                if hex::encode(signing.verifying_key().to_bytes()) == key.public_key {
                    return Ok(Identity { key, signing });
                }
            }
            // A damaged identity is never overwritten: records signed with it must stay
            // verifiable by whoever has the old public key.
            return Err(StoreError::write(
                &secret_path,
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "device key and device.ron do not match",
                ),
            ));
        }
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
