//! Which devices HR trusts, and why.
//!
//! Every learner PC signs its records with its own key; a key is only a claim until HR's
//! authority approves it. HR approves a device in one of two ways:
//! - by **fingerprint**: the PC shows the short form of its key in Settings; HR compares it with
//!   what `records devices` lists for the imported bundle and approves it;
//! - by **enrolment**: before the PC sends anything, its enrolment request (its public key) is
//!   signed by HR's authority; the PC keeps that certificate and carries it in every bundle, and
//!   the import approves it.
//!
//! Approvals are files signed by the authority (`approvals/`), so a hand-made one counts for
//! nothing. The first approved key of a device stays: a second key under the same device id is
//! never approved, and its records are held and shown, not merged.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::records::authority::{self, Authority, AuthorityKey};
use crate::records::identity::{DeviceKey, Identity};

pub const APPROVAL_VERSION: u32 = 1;
pub const ENROLMENT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Approved,
    Rejected,
}

/// How HR came to trust (or refuse) a device key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum How {
    /// HR compared the fingerprint with the one the PC shows.
    Fingerprint,
    /// HR signed the PC's enrolment request beforehand.
    Enrolment,
    /// The HR PC's own device key, approved when the authority was made.
    Own,
}

/// HR's decision about one device key, signed by the authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub version: u32,
    pub id: Uuid,
    pub device: Uuid,
    pub public_key: String,
    pub decision: Decision,
    pub how: How,
    /// Who decided, as typed by the officer.
    pub by: String,
    pub at: DateTime<Utc>,
    /// The authority that signed (public key, hex).
    pub authority: String,
    pub signature: String,
}

impl Approval {
    pub fn signed(
        authority: &Authority,
        key: &DeviceKey,
        decision: Decision,
        how: How,
        by: &str,
        at: DateTime<Utc>,
    ) -> Approval {
        let mut approval = Approval {
            version: APPROVAL_VERSION,
            id: Uuid::new_v4(),
            device: key.device,
            public_key: key.public_key.clone(),
            decision,
            how,
            by: by.trim().to_owned(),
            at,
            authority: authority.key.public_key.clone(),
            signature: String::new(),
        };
        approval.signature = authority.sign(&approval.signed_bytes());
        approval
    }

    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut body = self.clone();
        body.signature = String::new();
        ron::to_string(&body).unwrap_or_default().into_bytes()
    }

    pub fn verifies_with(&self, authority: &AuthorityKey) -> bool {
        self.authority == authority.public_key
            && authority.verifies(&self.signed_bytes(), &self.signature)
    }
}

/// What a learner PC hands HR to be enrolled: its public key and a label for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentRequest {
    pub version: u32,
    pub key: DeviceKey,
    /// Which PC this is ("Bag. Umum, meja 3"), as typed at the PC.
    pub label: String,
    pub created: DateTime<Utc>,
}

/// HR's certificate on a PC's key: carried in that PC's bundles, approved on import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    pub version: u32,
    pub key: DeviceKey,
    pub label: String,
    pub issued: DateTime<Utc>,
    pub authority: AuthorityKey,
    pub signature: String,
}

impl Enrolment {
    pub fn issue(
        authority: &Authority,
        request: &EnrolmentRequest,
        at: DateTime<Utc>,
    ) -> Enrolment {
        let mut enrolment = Enrolment {
            version: ENROLMENT_VERSION,
            key: request.key.clone(),
            label: request.label.trim().to_owned(),
            issued: at,
            authority: authority.key.clone(),
            signature: String::new(),
        };
        enrolment.signature = authority.sign(&enrolment.signed_bytes());
        enrolment
    }

    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut body = self.clone();
        body.signature = String::new();
        ron::to_string(&body).unwrap_or_default().into_bytes()
    }

    /// Signed by the authority it names (says nothing about whether that authority is trusted).
    pub fn is_authentic(&self) -> bool {
        self.authority
            .verifies(&self.signed_bytes(), &self.signature)
    }

    /// Signed by `trusted` for `key`.
    pub fn certifies(&self, key: &DeviceKey, trusted: &AuthorityKey) -> bool {
        self.key == *key
            && self.authority.public_key == trusted.public_key
            && trusted.verifies(&self.signed_bytes(), &self.signature)
    }
}

/// How far a device key is trusted here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTrust {
    /// This installation's own key, or a key HR approved.
    Trusted,
    /// No decision yet: its records are held ("perangkat belum disetujui").
    Awaiting,
    /// HR refused this key.
    Rejected,
    /// Another key is approved for this device id: this one is a re-keyed or forged copy.
    Foreign,
}

/// The trust decisions in force on this installation.
#[derive(Debug, Clone, Default)]
pub struct Trust {
    pub own: Option<DeviceKey>,
    pub authority: Option<AuthorityKey>,
    /// The approved key of each device (the earliest approval wins).
    pub approved: HashMap<Uuid, Approval>,
    /// Rejected keys: (device, public key).
    pub rejected: HashMap<(Uuid, String), Approval>,
    /// Approval files that do not verify with this installation's authority: ignored, reported.
    pub forged: Vec<Uuid>,
}

impl Trust {
    /// Builds the decisions from the approval files; only those the authority signed count.
    pub fn new(
        own: Option<DeviceKey>,
        authority: Option<AuthorityKey>,
        approvals: Vec<Approval>,
    ) -> Trust {
        let mut trust = Trust {
            own,
            authority,
            ..Trust::default()
        };
        let mut approvals = approvals;
        approvals.sort_by_key(|a| (a.at, a.id));
        for approval in approvals {
            let genuine = trust
                .authority
                .as_ref()
                .is_some_and(|authority| approval.verifies_with(authority));
            if !genuine {
                trust.forged.push(approval.id);
                continue;
            }
            match approval.decision {
                Decision::Approved => {
                    trust.approved.entry(approval.device).or_insert(approval);
                }
                Decision::Rejected => {
                    trust
                        .rejected
                        .insert((approval.device, approval.public_key.clone()), approval);
                }
            }
        }
        trust
    }

    pub fn of(&self, device: Uuid, public_key: &str) -> KeyTrust {
        if let Some(own) = &self.own
            && own.device == device
        {
            return if own.public_key == public_key {
                KeyTrust::Trusted
            } else {
                KeyTrust::Foreign
            };
        }
        if let Some(approval) = self.approved.get(&device) {
            return if approval.public_key == public_key {
                KeyTrust::Trusted
            } else {
                KeyTrust::Foreign
            };
        }
        if self.rejected.contains_key(&(device, public_key.to_owned())) {
            return KeyTrust::Rejected;
        }
        KeyTrust::Awaiting
    }

    /// The key that counts for `device`, if any.
    pub fn trusted_key(&self, device: Uuid) -> Option<&str> {
        if let Some(own) = &self.own
            && own.device == device
        {
            return Some(&own.public_key);
        }
        self.approved.get(&device).map(|a| a.public_key.as_str())
    }
}

/// An enrolment request for this PC.
pub fn request(identity: &Identity, label: &str, now: DateTime<Utc>) -> EnrolmentRequest {
    EnrolmentRequest {
        version: ENROLMENT_VERSION,
        key: identity.key.clone(),
        label: label.trim().to_owned(),
        created: now,
    }
}

/// The fingerprint of a device key, as `records devices` and Settings show it.
pub fn fingerprint(key: &DeviceKey) -> String {
    authority::fingerprint(&key.public_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device() -> (tempfile::TempDir, Identity) {
        let dir = tempfile::tempdir().unwrap();
        let identity = Identity::load_or_create(dir.path()).unwrap();
        (dir, identity)
    }

    #[test]
    fn only_approvals_signed_by_this_authority_count_and_the_first_key_stays() {
        let hr = tempfile::tempdir().unwrap();
        let authority = Authority::create(hr.path(), "BKPSDM", Utc::now()).unwrap();
        let stranger_dir = tempfile::tempdir().unwrap();
        let stranger = Authority::create(stranger_dir.path(), "x", Utc::now()).unwrap();
        let (_a, pc) = device();
        let (_b, rekeyed) = device();
        let forged_key = DeviceKey {
            device: pc.key.device,
            ..rekeyed.key.clone()
        };
        let t0 = Utc::now();
        let approvals = vec![
            Approval::signed(
                &authority,
                &pc.key,
                Decision::Approved,
                How::Fingerprint,
                "A",
                t0,
            ),
            Approval::signed(
                &authority,
                &forged_key,
                Decision::Approved,
                How::Fingerprint,
                "A",
                t0 + chrono::Duration::seconds(1),
            ),
            Approval::signed(
                &stranger,
                &rekeyed.key,
                Decision::Approved,
                How::Own,
                "B",
                t0,
            ),
        ];
        let trust = Trust::new(None, Some(authority.key.clone()), approvals);
        assert_eq!(
            trust.of(pc.key.device, &pc.key.public_key),
            KeyTrust::Trusted
        );
        assert_eq!(
            trust.of(pc.key.device, &forged_key.public_key),
            KeyTrust::Foreign
        );
        assert_eq!(
            trust.of(rekeyed.key.device, &rekeyed.key.public_key),
            KeyTrust::Awaiting
        );
        assert_eq!(trust.forged.len(), 1);
    }

    #[test]
    fn enrolments_certify_one_key_for_one_authority() {
        let hr = tempfile::tempdir().unwrap();
        let authority = Authority::create(hr.path(), "BKPSDM", Utc::now()).unwrap();
        let (_a, pc) = device();
        let (_b, other) = device();
        let enrolment =
            Enrolment::issue(&authority, &request(&pc, "meja 3", Utc::now()), Utc::now());
        assert!(enrolment.is_authentic());
        assert!(enrolment.certifies(&pc.key, &authority.key));
        assert!(!enrolment.certifies(&other.key, &authority.key));
        let mut tampered = enrolment.clone();
        tampered.key = other.key.clone();
        assert!(!tampered.is_authentic());
    }
}
