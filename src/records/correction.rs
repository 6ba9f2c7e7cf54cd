//! Corrections: records are never edited; a mistake is corrected by a new signed record that
//! voids an attempt (e.g. taken under someone else's profile) or waives a module for a learner
//! (e.g. exempted by a decision of the PPK). HR sees both, with who made them and why.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::records::authority::{Authority, AuthorityKey};
use crate::records::identity::Identity;

pub const CORRECTION_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CorrectionKind {
    /// The attempt no longer counts.
    Void { attempt: Uuid },
    /// The learner counts as having completed the module without a test.
    Waive { learner: Uuid, module: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub version: u32,
    pub id: Uuid,
    pub kind: CorrectionKind,
    pub reason: String,
    /// Who decided it (name and position), as typed by the officer.
    pub by: String,
    pub at: DateTime<Utc>,
    #[serde(default)]
    pub device: Option<Uuid>,
    #[serde(default)]
    pub signature: Option<String>,
    /// The HR authority that signed it (public key, hex). Without one, a correction is only a
    /// proposal from a PC: shown to HR, counted nowhere. Left out when absent, so earlier records
    /// keep the bytes they were signed as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
}

impl Correction {
    /// A correction decided by HR, signed by its authority key: the only kind that counts.
    pub fn by_authority(
        kind: CorrectionKind,
        reason: &str,
        by: &str,
        at: DateTime<Utc>,
        authority: &Authority,
    ) -> Correction {
        let mut correction = Self::unsigned(kind, reason, by, at);
        correction.authority = Some(authority.key.public_key.clone());
        correction.signature = Some(authority.sign(&correction.signed_bytes()));
        correction
    }

    fn unsigned(kind: CorrectionKind, reason: &str, by: &str, at: DateTime<Utc>) -> Correction {
        Correction {
            version: CORRECTION_VERSION,
            id: Uuid::new_v4(),
            kind,
            reason: reason.trim().to_owned(),
            by: by.trim().to_owned(),
            at,
            device: None,
            signature: None,
            authority: None,
        }
    }

    /// Whether HR's authority `trusted` signed this correction, unchanged.
    pub fn signed_by(&self, trusted: &AuthorityKey) -> bool {
        match (&self.authority, &self.signature) {
            (Some(authority), Some(signature)) => {
                *authority == trusted.public_key
                    && trusted.verifies(&self.signed_bytes(), signature)
            }
            _ => false,
        }
    }

    /// A proposal from a PC without HR's authority, signed by this installation.
    pub fn signed(
        kind: CorrectionKind,
        reason: &str,
        by: &str,
        at: DateTime<Utc>,
        identity: &Identity,
    ) -> Correction {
        let mut correction = Self::unsigned(kind, reason, by, at);
        correction.device = Some(identity.key.device);
        correction.signature = Some(identity.sign(&correction.signed_bytes()));
        correction
    }

    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut body = self.clone();
        body.signature = None;
        ron::to_string(&body).unwrap_or_default().into_bytes()
    }
}
