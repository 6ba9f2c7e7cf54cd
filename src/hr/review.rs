//! Everything that waits for HR or does not verify, as one list: what `records verify` reports,
//! grouped so that one unapproved PC is one item, not a thousand attempts.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::records::trust::{self, KeyTrust};
use crate::records::{Correction, Learner, Loaded, ProfileStatus, Status, Verification};

/// One thing for HR to look at.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A PC whose key HR has not decided on: its records are held.
    Device {
        device: Uuid,
        fingerprint: String,
        attempts: usize,
        sources: Vec<String>,
    },
    /// An attempt that does not verify (and is not voided).
    Attempt {
        id: Uuid,
        learner: Uuid,
        who: String,
        nip: Option<String>,
        module: String,
        finished: DateTime<Utc>,
        status: Status,
    },
    /// The same record arrived twice with different content.
    Conflict {
        id: Uuid,
        kept: String,
        other: String,
    },
    /// Attempts missing from a PC's chain (deleted, or not yet brought).
    Gap { device: Uuid, missing: Vec<u64> },
    /// A void or waiver proposed by a PC or another HR: it counts only when HR makes it.
    Proposal(Correction),
    /// A correction whose signature does not hold: ignored.
    ForgedCorrection(Uuid),
    /// A profile changed by hand, or unsigned where old attempts rely on it.
    Profile {
        learner: Uuid,
        name: String,
        status: ProfileStatus,
    },
}

impl Item {
    /// The Fluent key of the plain-words explanation.
    pub fn meaning_key(&self) -> &'static str {
        match self {
            Item::Device { .. } => "hr-review-device-meaning",
            Item::Attempt { status, .. } => match status {
                Status::Edited => "hr-review-edited-meaning",
                Status::UnknownKey => "hr-review-unknown-key-meaning",
                Status::ForeignKey => "hr-review-foreign-key-meaning",
                Status::BrokenChain => "hr-review-broken-chain-meaning",
                Status::Unsigned => "hr-review-unsigned-meaning",
                Status::AwaitingApproval | Status::Rejected | Status::Valid => {
                    "hr-review-device-meaning"
                }
            },
            Item::Conflict { .. } => "hr-review-conflict-meaning",
            Item::Gap { .. } => "hr-review-gap-meaning",
            Item::Proposal(_) => "hr-review-proposal-meaning",
            Item::ForgedCorrection(_) => "hr-review-forged-meaning",
            Item::Profile { .. } => "hr-review-profile-meaning",
        }
    }
}

/// The list, devices first (approving one may settle many records), then records.
pub fn items(loaded: &Loaded, verification: &Verification) -> Vec<Item> {
    let mut items = Vec::new();
    for (device, keys) in &loaded.seen {
        for seen in keys {
            if loaded.trust.of(*device, &seen.key.public_key) == KeyTrust::Awaiting {
                items.push(Item::Device {
                    device: *device,
                    fingerprint: trust::fingerprint(&seen.key),
                    attempts: seen.attempts,
                    sources: seen.sources.clone(),
                });
            }
        }
    }
    let names: std::collections::HashMap<Uuid, &Learner> =
        loaded.learners.iter().map(|l| (l.id, l)).collect();
    let voided = verification.voided();
    let mut attempts: Vec<Item> = loaded
        .attempts
        .iter()
        .filter(|a| !voided.contains(&a.id))
        .filter_map(|attempt| {
            let status = verification.status_of(&attempt.id);
            // Held records are one device item; rejected ones are decided.
            if matches!(
                status,
                Status::Valid | Status::AwaitingApproval | Status::Rejected
            ) {
                return None;
            }
            let (who, nip) = match (&attempt.taken_by, names.get(&attempt.learner)) {
                (Some(info), _) => (
                    info.name.clone(),
                    info.nip.as_ref().map(|n| n.as_str().to_owned()),
                ),
                (None, Some(learner)) => (
                    learner.name.clone(),
                    learner.nip.as_ref().map(|n| n.as_str().to_owned()),
                ),
                (None, None) => (attempt.learner.to_string(), None),
            };
            Some(Item::Attempt {
                id: attempt.id,
                learner: attempt.learner,
                who,
                nip,
                module: attempt.module.clone(),
                finished: attempt.finished,
                status,
            })
        })
        .collect();
    attempts.sort_by_key(|item| match item {
        Item::Attempt { finished, .. } => *finished,
        _ => DateTime::<Utc>::MIN_UTC,
    });
    items.extend(attempts);
    items.extend(loaded.conflicts.iter().map(|c| Item::Conflict {
        id: c.id,
        kept: c.kept.clone(),
        other: c.other.clone(),
    }));
    items.extend(
        verification
            .missing
            .iter()
            .map(|(device, missing)| Item::Gap {
                device: *device,
                missing: missing.clone(),
            }),
    );
    items.extend(verification.proposals.iter().cloned().map(Item::Proposal));
    items.extend(
        verification
            .bad_corrections
            .iter()
            .copied()
            .map(Item::ForgedCorrection),
    );
    items.extend(verification.profiles.iter().map(|(learner, status)| {
        Item::Profile {
            learner: *learner,
            name: names
                .get(learner)
                .map_or_else(|| learner.to_string(), |l| l.name.clone()),
            status: *status,
        }
    }));
    items
}
