//! HR's decisions on records: voiding or waiving (signed corrections) and approving or rejecting
//! a device's key. The command line and the HR screens both call these, so a decision means the
//! same wherever it is made.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::records::authority::fingerprint_matches;
use crate::records::correction::{Correction, CorrectionKind};
use crate::records::error::StoreError;
use crate::records::store::{Loaded, Store};
use crate::records::trust::{self, Approval, Decision, How};

#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    #[error("a reason and the name of who decided are required")]
    NeedsReason,
    #[error("no device {0}")]
    UnknownDevice(String),
    #[error("the fingerprint does not match device {0}")]
    FingerprintMismatch(Uuid),
    #[error("device {0} is already approved with another key")]
    OtherKey(Uuid),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DecideError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DecideError::NeedsReason => i18n::tr(lang, "cli-correction-needs-reason"),
            DecideError::UnknownDevice(what) => {
                i18n::tr_args(lang, "cli-not-found", &[("what", what)])
            }
            DecideError::FingerprintMismatch(device) => i18n::tr_args(
                lang,
                "cli-devices-fingerprint-mismatch",
                &[("device", &device.to_string())],
            ),
            DecideError::OtherKey(device) => i18n::tr_args(
                lang,
                "cli-devices-other-key",
                &[("device", &device.to_string())],
            ),
            DecideError::Store(error) => error.message(lang),
        }
    }
}

/// How a correction was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corrected {
    /// Signed by this PC's HR authority: it counts.
    Saved(Uuid),
    /// No HR authority here: saved as a proposal for HR, it changes no number.
    Proposed(Uuid),
}

/// Saves a void or a waiver, signed by HR's authority when this PC holds it.
pub fn correct(
    store: &Store,
    kind: CorrectionKind,
    reason: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Corrected, DecideError> {
    if reason.trim().is_empty() || by.trim().is_empty() {
        return Err(DecideError::NeedsReason);
    }
    let (correction, saved): (Correction, fn(Uuid) -> Corrected) = match store.authority()? {
        Some(authority) => (
            Correction::by_authority(kind, reason.trim(), by.trim(), now, &authority),
            Corrected::Saved,
        ),
        None => (
            Correction::signed(kind, reason.trim(), by.trim(), now, &store.identity()?),
            Corrected::Proposed,
        ),
    };
    store.save_correction(&correction)?;
    Ok(saved(correction.id))
}

/// What a device decision did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceDecided {
    /// Saved; `attempts` is how many records the decision applies to.
    Done { device: Uuid, attempts: usize },
    /// The device was already approved with this very key.
    Already { device: Uuid },
}

/// Approves or rejects the key a device signed with, after HR compared its fingerprint with the
/// one that PC shows. `device` may be the full id or the start of it, as printed.
pub fn decide_device(
    store: &Store,
    loaded: &Loaded,
    device: &str,
    fingerprint: &str,
    by: &str,
    decision: Decision,
    now: DateTime<Utc>,
) -> Result<DeviceDecided, DecideError> {
    if by.trim().is_empty() {
        return Err(DecideError::NeedsReason);
    }
    let authority = store.authority()?.ok_or(StoreError::NoAuthority)?;
    let wanted = device.trim().to_ascii_lowercase().replace('-', "");
    let matches: Vec<_> = loaded
        .seen
        .iter()
        .filter(|(id, _)| !wanted.is_empty() && id.simple().to_string().starts_with(&wanted))
        .collect();
    let [(id, keys)] = matches.as_slice() else {
        return Err(DecideError::UnknownDevice(device.to_owned()));
    };
    let id = **id;
    let seen = keys
        .iter()
        .find(|s| fingerprint_matches(&trust::fingerprint(&s.key), fingerprint))
        .ok_or(DecideError::FingerprintMismatch(id))?;
    if decision == Decision::Approved
        && let Some(approved) = loaded.trust.approved.get(&id)
    {
        return if approved.public_key == seen.key.public_key {
            Ok(DeviceDecided::Already { device: id })
        } else {
            Err(DecideError::OtherKey(id))
        };
    }
    let approval = Approval::signed(&authority, &seen.key, decision, How::Fingerprint, by, now);
    store.save_approval(&approval)?;
    Ok(DeviceDecided::Done {
        device: id,
        attempts: seen.attempts,
    })
}
