//! Checking records: is each attempt exactly as its device signed it, and is every device's
//! chain of attempts complete and in order?

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::records::attempt::{Attempt, parse_digest};
use crate::records::authority::AuthorityKey;
use crate::records::correction::Correction;
use crate::records::identity::DeviceKey;
use crate::records::learner::Learner;
use crate::records::store::FastMap;
use crate::records::trust::KeyTrust;

/// What verification says about one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Signed by a trusted device key and unchanged since.
    Valid,
    /// The signature does not match: the file was changed after it was written.
    Edited,
    /// No public key for its device came with it.
    UnknownKey,
    /// Signed by a device HR has not approved yet: held, counted nowhere.
    AwaitingApproval,
    /// Signed by a device key HR refused.
    Rejected,
    /// Signed by a key other than the one approved for its device: a re-keyed or forged copy.
    ForeignKey,
    /// Its place in the device's chain is wrong (reordered, duplicated or replaced).
    BrokenChain,
    /// Written before records were signed (format version 1).
    Unsigned,
}

impl Status {
    /// Only valid records count as completions.
    pub fn counts(self) -> bool {
        self == Status::Valid
    }

    pub fn label(self, lang: Lang) -> String {
        i18n::tr(
            lang,
            match self {
                Status::Valid => "verify-valid",
                Status::Edited => "verify-edited",
                Status::UnknownKey => "verify-unknown-key",
                Status::AwaitingApproval => "verify-awaiting",
                Status::Rejected => "verify-rejected",
                Status::ForeignKey => "verify-foreign-key",
                Status::BrokenChain => "verify-broken-chain",
                Status::Unsigned => "verify-unsigned",
            },
        )
    }
}

/// What is wrong with a learner profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProfileStatus {
    /// Its signature does not match: changed by hand. Reports use what the attempts signed.
    Edited,
    /// Not signed, and attempts from before version 3 rely on it for who took them.
    Unsigned,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verification {
    pub status: crate::records::store::FastMap<Uuid, Status>,
    /// Corrections signed by this installation's HR authority: the summary applies them.
    pub corrections: Vec<Correction>,
    /// Corrections from PCs (or another authority), authentic but counted nowhere, and not yet
    /// matched by a correction of HR's own.
    pub proposals: Vec<Correction>,
    /// Corrections whose signature does not verify: ignored, and reported.
    pub bad_corrections: Vec<Uuid>,
    /// Attempts missing from a device's chain: (device, sequence numbers).
    pub missing: BTreeMap<Uuid, Vec<u64>>,
    /// Learner profiles that are edited, or unsigned where attempts depend on them.
    pub profiles: BTreeMap<Uuid, ProfileStatus>,
}

impl Verification {
    pub fn status_of(&self, attempt: &Uuid) -> Status {
        self.status
            .get(attempt)
            .copied()
            .unwrap_or(Status::Unsigned)
    }

    pub fn count(&self, status: Status) -> usize {
        self.status.values().filter(|s| **s == status).count()
    }

    /// Every attempt valid, no chain gaps, no forged correction, no open proposal, every
    /// profile sound.
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty()
            && self.bad_corrections.is_empty()
            && self.proposals.is_empty()
            && self.profiles.is_empty()
            && self.status.values().all(|s| *s == Status::Valid)
    }

    /// Attempts voided by a valid correction: they do not count and are not exported as results.
    pub fn voided(&self) -> std::collections::HashSet<Uuid> {
        self.corrections
            .iter()
            .filter_map(|c| match &c.kind {
                crate::records::CorrectionKind::Void { attempt } => Some(*attempt),
                crate::records::CorrectionKind::Waive { .. } => None,
            })
            .collect()
    }

    /// Sorts corrections: HR's own count, authentic others are proposals, the rest are forged.
    pub fn with_corrections(
        mut self,
        corrections: &[Correction],
        authority: Option<&AuthorityKey>,
        keys: &HashMap<Uuid, DeviceKey>,
    ) -> Self {
        for correction in corrections {
            if authority.is_some_and(|a| correction.signed_by(a)) {
                self.corrections.push(correction.clone());
                continue;
            }
            let authentic = match (&correction.signature, &correction.authority) {
                (Some(signature), Some(other)) => crate::records::authority::verifies(
                    other,
                    &correction.signed_bytes(),
                    signature,
                ),
                (Some(signature), None) => correction
                    .device
                    .and_then(|d| keys.get(&d))
                    .is_some_and(|key| key.verifies(&correction.signed_bytes(), signature)),
                _ => false,
            };
            if authentic {
                self.proposals.push(correction.clone());
            } else {
                self.bad_corrections.push(correction.id);
            }
        }
        // A proposal HR has since decided the same way is no longer open.
        let decided: Vec<crate::records::CorrectionKind> =
            self.corrections.iter().map(|c| c.kind.clone()).collect();
        self.proposals.retain(|p| !decided.contains(&p.kind));
        self
    }
}

/// Verifies everything a store holds: attempts, chains, learner profiles and corrections,
/// reusing the checks made at import time. Trust comes from HR's signed decisions only.
pub fn verify_loaded(loaded: &crate::records::Loaded) -> Verification {
    let mut result = Verification::default();
    result.status.reserve(loaded.attempts.len());
    let mut chains: FastMap<Uuid, Vec<Link>> = FastMap::default();
    for (place, attempt) in loaded.attempts.iter().enumerate() {
        let held = loaded.held.of(place, &attempt.id);
        let status = match (&attempt.signature, attempt.device, held) {
            (Some(_), Some(device), Some(held)) => match (held.trust, held.checked.signature_ok) {
                (None, _) => Status::UnknownKey,
                (Some(_), false) => Status::Edited,
                (Some(KeyTrust::Trusted), true) => {
                    chains.entry(device).or_default().push(Link {
                        id: attempt.id,
                        sequence: attempt.sequence,
                        hash: held.checked.chain,
                        previous: held.previous,
                    });
                    Status::Valid
                }
                (Some(KeyTrust::Awaiting), true) => Status::AwaitingApproval,
                (Some(KeyTrust::Rejected), true) => Status::Rejected,
                (Some(KeyTrust::Foreign), true) => Status::ForeignKey,
            },
            (Some(_), Some(_), None) => Status::UnknownKey,
            _ => Status::Unsigned,
        };
        result.status.insert(attempt.id, status);
    }
    check_chains(&mut result, chains);
    // Profiles: an edited one is always reported; an unsigned one when a counted attempt from
    // before version 3 takes its identity from it.
    let genuine = |learner: &Learner| profile_genuine(loaded, learner);
    let relies: std::collections::HashSet<Uuid> = loaded
        .attempts
        .iter()
        .filter(|a| a.taken_by.is_none() && result.status_of(&a.id) == Status::Valid)
        .map(|a| a.learner)
        .collect();
    for learner in &loaded.learners {
        if learner.signature.is_some()
            && !loaded
                .learners_ok
                .get(&learner.id)
                .copied()
                .unwrap_or(false)
        {
            result.profiles.insert(learner.id, ProfileStatus::Edited);
        } else if relies.contains(&learner.id) && !genuine(learner) {
            result.profiles.insert(learner.id, ProfileStatus::Unsigned);
        }
    }
    result.with_corrections(
        &loaded.corrections,
        loaded.trust.authority.as_ref(),
        &loaded.devices,
    )
}

/// A profile whose signature holds, by its device's trusted key.
fn profile_genuine(loaded: &crate::records::Loaded, learner: &Learner) -> bool {
    let ok = loaded
        .learners_ok
        .get(&learner.id)
        .copied()
        .unwrap_or(false);
    let trusted = match (learner.device, loaded.learner_keys.get(&learner.id)) {
        (Some(device), Some(key)) => loaded.trust.of(device, key) == KeyTrust::Trusted,
        _ => false,
    };
    ok && trusted
}

/// Who each learner is, for every report: the newest profile revision whose signature holds;
/// else what their newest valid attempt signed about them; else the profile as it is (attempts
/// from before version 3, which verify reports). Learners known only from attempts are included;
/// learners known only from devices HR has not approved are not. So a profile edited by hand
/// never moves an attempt to another person, and an unapproved PC adds nobody.
pub fn people(loaded: &crate::records::Loaded, verification: &Verification) -> Vec<Learner> {
    let mut latest: crate::records::store::FastMap<Uuid, &Attempt> = Default::default();
    let mut counted: std::collections::HashSet<Uuid, foldhash::fast::RandomState> =
        Default::default();
    for attempt in &loaded.attempts {
        if verification.status_of(&attempt.id) != Status::Valid {
            continue;
        }
        counted.insert(attempt.learner);
        if attempt.taken_by.is_some() {
            let slot = latest.entry(attempt.learner).or_insert(attempt);
            if attempt.finished > slot.finished {
                *slot = attempt;
            }
        }
    }
    let mut people: Vec<Learner> = Vec::with_capacity(loaded.learners.len());
    let mut known = std::collections::HashSet::new();
    for learner in &loaded.learners {
        known.insert(learner.id);
        let genuine = profile_genuine(loaded, learner);
        if !genuine && !counted.contains(&learner.id) {
            continue;
        }
        if genuine {
            people.push(learner.clone());
            continue;
        }
        match latest.get(&learner.id).and_then(|a| a.taken_by.as_ref()) {
            Some(info) => people.push(Learner {
                name: info.name.clone(),
                nip: info.nip.clone(),
                unit: info.unit.clone(),
                instansi: info.instansi.clone(),
                ..learner.clone()
            }),
            None => people.push(learner.clone()),
        }
    }
    for (id, attempt) in latest {
        if known.contains(&id) {
            continue;
        }
        let Some(info) = &attempt.taken_by else {
            continue;
        };
        people.push(Learner {
            version: crate::records::learner::LEARNER_VERSION,
            id,
            name: info.name.clone(),
            nip: info.nip.clone(),
            unit: info.unit.clone(),
            instansi: info.instansi.clone(),
            created: attempt.started,
            revision: 0,
            device: attempt.device,
            signature: None,
        });
    }
    people.sort_by_cached_key(|learner| (learner.name.to_lowercase(), learner.id));
    people
}

/// Checks plain attempts against plain keys (no trust decisions): every device key given is
/// taken as trusted. For tests and tools that hold records outside a store.
pub fn verify(attempts: &[Attempt], keys: &HashMap<Uuid, DeviceKey>) -> Verification {
    let mut result = Verification::default();
    let mut chains: FastMap<Uuid, Vec<Link>> = FastMap::default();
    for attempt in attempts {
        let status = match (&attempt.signature, attempt.device) {
            (Some(signature), Some(device)) => match keys.get(&device) {
                None => Status::UnknownKey,
                Some(key) if key.verifies(&attempt.signed_bytes(), signature) => {
                    chains.entry(device).or_default().push(Link {
                        id: attempt.id,
                        sequence: attempt.sequence,
                        hash: attempt.chain_digest(),
                        previous: attempt.previous.as_deref().and_then(parse_digest),
                    });
                    Status::Valid
                }
                Some(_) => Status::Edited,
            },
            _ => Status::Unsigned,
        };
        result.status.insert(attempt.id, status);
    }
    check_chains(&mut result, chains);
    result
}

/// What the chain check needs of one valid attempt: its place, its hash and the hash it names
/// as its predecessor, side by side (not looked up per comparison).
struct Link {
    id: Uuid,
    sequence: u64,
    hash: [u8; 32],
    previous: Option<[u8; 32]>,
}

fn check_chains(result: &mut Verification, chains: FastMap<Uuid, Vec<Link>>) {
    for (device, mut chain) in chains {
        chain.sort_unstable_by_key(|link| (link.sequence, link.id));
        let mut missing = Vec::new();
        let mut expected = 1;
        let mut previous: Option<&Link> = None;
        for link in &chain {
            if link.sequence < expected {
                // A second record claiming a place already taken.
                result.status.insert(link.id, Status::BrokenChain);
                continue;
            }
            missing.extend(expected..link.sequence);
            let follows = match previous {
                Some(before) if before.sequence + 1 == link.sequence => {
                    link.previous == Some(before.hash)
                }
                // After a gap the link cannot be checked; the gap itself is reported.
                Some(_) => true,
                None => link.sequence != 1 || link.previous.is_none(),
            };
            if !follows {
                result.status.insert(link.id, Status::BrokenChain);
            }
            expected = link.sequence + 1;
            previous = Some(link);
        }
        if !missing.is_empty() {
            result.missing.insert(device, missing);
        }
    }
}
