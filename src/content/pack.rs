//! What a content pack says about itself (`pack.ron`), who signed it (`pack.sig`), which
//! publishers the admin trusts, and the record an install leaves beside the pack
//! (`.checked.ron`): the hash of exactly the files that were checked.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The pack's description, `pack.ron` at its root. Optional: without it the pack's id is its
/// folder's name.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct PackFile {
    pub version: u32,
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub pack_version: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
}

/// Who a pack is and which version, as shown in Settings and kept in its check record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackInfo {
    /// The folder it is installed as under `packs/`.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub version: Option<String>,
    /// The publisher as the pack names itself (not proof of anything: see [`Trust`]).
    #[serde(default)]
    pub publisher: Option<String>,
}

/// How far a pack's origin can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trust {
    /// Signed by a publisher key the admin trusts: installs without asking.
    Trusted { publisher: String, key: String },
    /// Correctly signed, but by a key the admin has not trusted: installs only when confirmed.
    UnknownPublisher { key: String },
    /// No signature: installs only when confirmed.
    Unsigned,
}

impl Trust {
    pub fn is_trusted(&self) -> bool {
        matches!(self, Trust::Trusted { .. })
    }
}

/// `pack.sig`: an Ed25519 signature over the pack's content hash.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SignatureFile {
    pub version: u32,
    /// The publisher's public key, hex.
    pub key: String,
    /// The signature of [`signed_message`], hex.
    pub signature: String,
}

/// The signature file's name; it is not part of the hash it signs.
pub(crate) const SIGNATURE_FILE: &str = "pack.sig";
/// The pack description's name.
pub(super) const PACK_FILE: &str = "pack.ron";

/// What a publisher signs: the content hash, with a prefix so that the signature cannot be
/// taken for one over anything else.
fn signed_message(hash: &str) -> Vec<u8> {
    format!("latih-asn content pack v1\n{hash}").into_bytes()
}

/// Checks `signature` against the content `hash`: `Ok(key hex)` when it holds.
pub(super) fn verify_signature(file: &SignatureFile, hash: &str) -> Result<String, String> {
    let key: [u8; 32] = hex::decode(file.key.trim())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| "the key is not 32 bytes of hex".to_owned())?;
    let key = VerifyingKey::from_bytes(&key).map_err(|error| error.to_string())?;
    let signature: [u8; 64] = hex::decode(file.signature.trim())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| "the signature is not 64 bytes of hex".to_owned())?;
    key.verify(&signed_message(hash), &Signature::from_bytes(&signature))
        .map_err(|_| "the pack's files are not the ones that were signed".to_owned())?;
    Ok(hex::encode(key.to_bytes()))
}

/// A publisher's signing key, as `content keygen` writes it (hex of the 32 secret bytes).
pub struct PublisherKey(SigningKey);

impl PublisherKey {
    /// A new random key.
    pub fn generate() -> Self {
        use rand::RngCore;
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        PublisherKey(SigningKey::from_bytes(&secret))
    }

    /// Reads a key file written by [`PublisherKey::to_file_text`].
    pub fn from_file_text(text: &str) -> Option<Self> {
        let bytes: [u8; 32] = hex::decode(text.trim()).ok()?.try_into().ok()?;
        Some(PublisherKey(SigningKey::from_bytes(&bytes)))
    }

    pub fn to_file_text(&self) -> String {
        hex::encode(self.0.to_bytes())
    }

    /// The public key, hex: what an admin trusts.
    pub fn public_hex(&self) -> String {
        hex::encode(self.0.verifying_key().to_bytes())
    }

    pub(crate) fn sign(&self, hash: &str) -> SignatureFile {
        SignatureFile {
            version: 1,
            key: self.public_hex(),
            signature: hex::encode(self.0.sign(&signed_message(hash)).to_bytes()),
        }
    }
}

/// The publisher keys this installation trusts: `packs/.publishers.ron`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Publishers {
    pub version: u32,
    pub publishers: Vec<Publisher>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publisher {
    /// Who it is, as the admin named it.
    pub name: String,
    /// Ed25519 public key, hex.
    pub key: String,
}

impl Publishers {
    pub(super) const FILE: &'static str = ".publishers.ron";

    /// The trusted publishers of the packs folder `packs_dir` (none when the file is missing or
    /// unreadable: an unreadable list trusts nobody).
    pub fn load(packs_dir: &Path) -> Self {
        let path = packs_dir.join(Self::FILE);
        if std::fs::symlink_metadata(&path).is_err() {
            return Self::default();
        }
        let text = super::files::read_regular(&path, 256 * 1024)
            .and_then(|bytes| super::files::decode(&bytes));
        match text.map(|text| ron::from_str::<Self>(&text)) {
            Ok(Ok(list)) => list,
            Ok(Err(error)) => {
                log::warn!("{}: {error}; trusting nobody", path.display());
                Self::default()
            }
            Err(error) => {
                log::warn!("{}: {error}; trusting nobody", path.display());
                Self::default()
            }
        }
    }

    /// The trusted publisher with this key (hex), if any.
    pub fn find(&self, key: &str) -> Option<&Publisher> {
        self.publishers
            .iter()
            .find(|publisher| publisher.key.eq_ignore_ascii_case(key))
    }
}

/// One file of a pack and its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileDigest {
    pub path: String,
    pub len: u64,
    pub sha256: String,
}

/// The digest of every file, and the pack's content hash over them: SHA-256 over each file's
/// path, length and digest, in path order. `pack.sig` is left out (it signs this hash).
pub(super) fn digests(files: &[(String, Arc<Vec<u8>>)]) -> (Vec<FileDigest>, String) {
    let mut list = Vec::with_capacity(files.len());
    let mut tree = Sha256::new();
    for (path, bytes) in files {
        if path == SIGNATURE_FILE {
            continue;
        }
        let digest = Sha256::digest(bytes.as_slice());
        tree.update(path.as_bytes());
        tree.update([0]);
        tree.update((bytes.len() as u64).to_le_bytes());
        tree.update(digest);
        list.push(FileDigest {
            path: path.clone(),
            len: bytes.len() as u64,
            sha256: hex::encode(digest),
        });
    }
    (list, hex::encode(tree.finalize()))
}

/// The record an install writes beside the pack, `packs/<id>/.checked.ron`: the pack was checked
/// in full by this app version, and these were its files. At start, a pack whose files still
/// hash to this record is loaded without checking every rule again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CheckRecord {
    pub version: u32,
    /// The app version that checked it: another version checks it again, once.
    pub app_version: String,
    pub checked_at: DateTime<Utc>,
    pub pack: PackInfo,
    pub trust: Trust,
    /// The content hash (see [`digests`]).
    pub hash: String,
    pub files: Vec<FileDigest>,
    /// The module ids and the instrument ids the pack adds, for conflicts with later installs.
    pub modules: Vec<String>,
    #[serde(default)]
    pub instruments: Vec<String>,
}

impl CheckRecord {
    pub(super) const FILE: &'static str = ".checked.ron";
    pub(super) const VERSION: u32 = 1;

    /// Bytes of the pack's files.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|file| file.len).sum()
    }

    pub(super) fn is_current(&self) -> bool {
        self.version == Self::VERSION && self.app_version == env!("CARGO_PKG_VERSION")
    }

    pub(super) fn to_text(&self) -> Result<String, ron::Error> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
    }
}

/// A short fingerprint of a public key for people to compare (first 16 hex digits, grouped).
pub fn fingerprint(key: &str) -> String {
    let mut out = String::new();
    for (index, c) in key.chars().take(16).enumerate() {
        if index > 0 && index % 4 == 0 {
            out.push(' ');
        }
        let _ = write!(out, "{c}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_only_for_the_hash_it_signed() {
        let key = PublisherKey::generate();
        let file = key.sign("abc");
        assert_eq!(verify_signature(&file, "abc").unwrap(), key.public_hex());
        assert!(verify_signature(&file, "abd").is_err());
        let again = PublisherKey::from_file_text(&key.to_file_text()).unwrap();
        assert_eq!(again.public_hex(), key.public_hex());
    }

    #[test]
    fn the_hash_covers_paths_and_contents_but_not_the_signature() {
        let file = |path: &str, text: &str| (path.to_owned(), Arc::new(text.as_bytes().to_vec()));
        let (_, one) = digests(&[file("a.ron", "x"), file("b.md", "y")]);
        let (_, renamed) = digests(&[file("a.ron", "x"), file("c.md", "y")]);
        let (_, edited) = digests(&[file("a.ron", "x"), file("b.md", "z")]);
        let (list, signed) = digests(&[
            file("a.ron", "x"),
            file("b.md", "y"),
            file(SIGNATURE_FILE, "s"),
        ]);
        assert_ne!(one, renamed);
        assert_ne!(one, edited);
        assert_eq!(one, signed);
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn fingerprints_are_grouped() {
        assert_eq!(fingerprint("0123456789abcdef0123"), "0123 4567 89ab cdef");
    }
}
