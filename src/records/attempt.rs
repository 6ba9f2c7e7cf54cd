//! A finished quiz: every answer given, the score and the verdict. Written once, never edited.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::content::{Module, ModuleSource};
use crate::quiz::{Mode, QuizRun, Score};
use crate::records::learner::{Learner, LearnerInfo};

/// Version 2 added the device signature and chain fields; version 1 files load as unsigned.
/// Version 3 added who took it (`taken_by`), under the signature.
/// Version 4 added the training session it was taken in (`session`), under the signature.
pub const ATTEMPT_VERSION: u32 = 4;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub version: u32,
    pub id: Uuid,
    pub learner: Uuid,
    pub module: String,
    pub mode: Mode,
    pub seed: u64,
    pub started: DateTime<Utc>,
    pub finished: DateTime<Utc>,
    /// "Berlaku per" of the content the quiz was drawn from.
    pub content_checked: NaiveDate,
    pub pass_mark: u8,
    pub answers: Vec<AnswerRecord>,
    pub score: Score,
    pub passed: bool,
    /// Name, NIP, unit and instansi of the learner when the attempt was taken (version 3).
    /// Left out when absent, so version-2 records keep the exact bytes they were signed as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Shared between the attempts of one person when many are loaded (same bytes on disk).
    pub taken_by: Option<std::sync::Arc<LearnerInfo>>,
    /// The content it was drawn from: the app's own (by version) or a content pack (id,
    /// version, hash). Left out when absent, like `taken_by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<std::sync::Arc<ModuleSource>>,
    /// The trainer's session and test it was taken for (version 4). Left out when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<crate::training::SessionTag>,
    /// The installation that recorded it (set when it is signed).
    #[serde(default)]
    pub device: Option<Uuid>,
    /// Position in that device's chain of attempts, from 1; 0 when unsigned.
    #[serde(default)]
    pub sequence: u64,
    /// Hash of the device's previous attempt, so a deleted or reordered one is detected.
    #[serde(default)]
    pub previous: Option<String>,
    /// Ed25519 signature (hex) of everything above, by the device's key.
    #[serde(default)]
    pub signature: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub question: String,
    /// The options chosen, as written indexes (independent of the shuffled display order).
    pub chosen: Vec<usize>,
    /// The display order used, so the result screen can show the quiz as the learner saw it.
    pub order: Vec<usize>,
    pub correct: bool,
}

impl Attempt {
    /// The record of a finished run.
    pub fn from_run(
        run: &QuizRun,
        module: &Module,
        learner: &Learner,
        started: DateTime<Utc>,
        finished: DateTime<Utc>,
    ) -> Attempt {
        let answers = run
            .drawn
            .iter()
            .enumerate()
            .map(|(index, drawn)| AnswerRecord {
                question: drawn.question.clone(),
                chosen: run.answer(index).map(<[usize]>::to_vec).unwrap_or_default(),
                order: drawn.order.clone(),
                correct: run.is_right(module, index) == Some(true),
            })
            .collect();
        let score = run.score(module);
        Attempt {
            version: ATTEMPT_VERSION,
            id: Uuid::new_v4(),
            learner: learner.id,
            module: module.id.clone(),
            mode: run.mode,
            seed: run.seed,
            started,
            finished,
            content_checked: module.checked,
            pass_mark: module.pass_mark,
            answers,
            score,
            passed: score.passed(module.pass_mark),
            taken_by: Some(std::sync::Arc::new(learner.info())),
            content: Some(std::sync::Arc::new(module.source().clone())),
            session: None,
            device: None,
            sequence: 0,
            previous: None,
            signature: None,
        }
    }

    /// Signs this attempt as link `sequence` of `identity`'s chain, after `previous`.
    pub fn sign_as(
        &mut self,
        identity: &crate::records::Identity,
        sequence: u64,
        previous: Option<String>,
    ) {
        self.version = self.version.max(2);
        self.device = Some(identity.key.device);
        self.sequence = sequence;
        self.previous = previous;
        self.signature = None;
        self.signature = Some(identity.sign(&self.signed_bytes()));
    }

    /// The bytes a signature covers: the record as RON without its signature.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut body = self.clone();
        body.signature = None;
        ron::to_string(&body).unwrap_or_default().into_bytes()
    }

    /// The hash the next attempt in the chain refers to (covers the signature too), as hex.
    pub fn chain_hash(&self) -> String {
        hex::encode(self.chain_digest())
    }

    pub fn chain_digest(&self) -> [u8; 32] {
        digest(&self.signed_bytes(), self.signature.as_deref())
    }

    /// Checks the signature against `key` (hex) and computes the chain hash, serialising the
    /// record once for both.
    pub fn check_with(&self, key: Option<&str>) -> Checked {
        let key = key.and_then(crate::records::authority::parse_key);
        self.check_with_key(key.as_ref())
    }

    /// As [`Attempt::check_with`], with the key already read (see `authority::parse_key`); a
    /// key that could not be read is `None`, and nothing verifies with it.
    pub fn check_with_key(&self, key: Option<&ed25519_dalek::VerifyingKey>) -> Checked {
        let bytes = self.signed_bytes();
        let signature_ok = match (&self.signature, key) {
            (Some(signature), Some(key)) => {
                crate::records::authority::verifies_with(key, &bytes, signature)
            }
            _ => false,
        };
        Checked {
            signature_ok,
            chain: digest(&bytes, self.signature.as_deref()),
        }
    }
}

fn digest(signed: &[u8], signature: Option<&str>) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(signed);
    hasher.update(signature.unwrap_or_default().as_bytes());
    hasher.finalize().into()
}

/// A hash written as hex in a record (`previous`), as bytes; `None` when it is not one.
pub fn parse_digest(hex_text: &str) -> Option<[u8; 32]> {
    let mut digest = [0u8; 32];
    hex::decode_to_slice(hex_text, &mut digest).ok()?;
    Some(digest)
}

/// What was computed for one attempt: its signature check and its chain hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    /// The signature verified with the key the record was carried with.
    pub signature_ok: bool,
    /// SHA-256 of the signed bytes and the signature: what the next attempt's `previous` names.
    #[serde(with = "crate::records::cache::hash_bytes")]
    pub chain: [u8; 32],
}
