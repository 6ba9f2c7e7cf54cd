//! Checking records: is each attempt exactly as its device signed it, and is every device's
//! chain of attempts complete and in order?

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::records::attempt::Attempt;
use crate::records::cache::Checked;
use crate::records::correction::Correction;
use crate::records::identity::DeviceKey;

/// What verification says about one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Signed by a known device and unchanged since.
    Valid,
    /// The signature does not match: the file was changed after it was written.
    Edited,
    /// Signed by a device whose public key this store has not seen.
    UnknownKey,
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
                Status::BrokenChain => "verify-broken-chain",
                Status::Unsigned => "verify-unsigned",
            },
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verification {
    pub status: HashMap<Uuid, Status>,
    /// Corrections that verify, which the summary applies.
    pub corrections: Vec<Correction>,
    /// Corrections whose signature does not verify: ignored, and reported.
    pub bad_corrections: Vec<Uuid>,
    /// Attempts missing from a device's chain: (device, sequence numbers).
    pub missing: BTreeMap<Uuid, Vec<u64>>,
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

    /// Everything checks out: every attempt valid, no chain gaps, no forged correction.
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty()
            && self.bad_corrections.is_empty()
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

    /// Checks corrections with the same keys; only signed, unchanged ones take effect.
    pub fn with_corrections(
        mut self,
        corrections: &[Correction],
        keys: &HashMap<Uuid, DeviceKey>,
    ) -> Self {
        for correction in corrections {
            let valid = match (
                &correction.signature,
                correction.device.and_then(|d| keys.get(&d)),
            ) {
                (Some(signature), Some(key)) => key.verifies(&correction.signed_bytes(), signature),
                _ => false,
            };
            if valid {
                self.corrections.push(correction.clone());
            } else {
                self.bad_corrections.push(correction.id);
            }
        }
        self
    }
}

/// Verifies everything a store holds: attempts, chains and corrections, reusing the checks
/// sealed at import time.
pub fn verify_loaded(loaded: &crate::records::Loaded) -> Verification {
    verify_with(&loaded.attempts, &loaded.devices, &loaded.checked)
        .with_corrections(&loaded.corrections, &loaded.devices)
}

pub fn verify(attempts: &[Attempt], keys: &HashMap<Uuid, DeviceKey>) -> Verification {
    verify_with(attempts, keys, &HashMap::new())
}

fn verify_with(
    attempts: &[Attempt],
    keys: &HashMap<Uuid, DeviceKey>,
    checked: &HashMap<Uuid, Checked>,
) -> Verification {
    let hash_of = |attempt: &Attempt| match checked.get(&attempt.id) {
        Some(done) => done.chain_hash.clone(),
        None => attempt.chain_hash(),
    };
    let mut result = Verification::default();
    let mut chains: HashMap<Uuid, Vec<&Attempt>> = HashMap::new();
    for attempt in attempts {
        let status = match (&attempt.signature, attempt.device) {
            (Some(signature), Some(device)) => match keys.get(&device) {
                None => Status::UnknownKey,
                Some(key) => {
                    let ok = match checked.get(&attempt.id) {
                        Some(done) => done.signature_ok,
                        None => key.verifies(&attempt.signed_bytes(), signature),
                    };
                    if ok {
                        chains.entry(device).or_default().push(attempt);
                        Status::Valid
                    } else {
                        Status::Edited
                    }
                }
            },
            _ => Status::Unsigned,
        };
        result.status.insert(attempt.id, status);
    }
    for (device, mut chain) in chains {
        chain.sort_by_key(|a| (a.sequence, a.id));
        let mut missing = Vec::new();
        let mut expected = 1;
        let mut previous: Option<&Attempt> = None;
        for attempt in chain {
            if attempt.sequence < expected {
                // A second record claiming a place already taken.
                result.status.insert(attempt.id, Status::BrokenChain);
                continue;
            }
            missing.extend(expected..attempt.sequence);
            let follows = match previous {
                Some(before) if before.sequence + 1 == attempt.sequence => {
                    attempt.previous.as_deref() == Some(hash_of(before).as_str())
                }
                // After a gap the link cannot be checked; the gap itself is reported.
                Some(_) => true,
                None => attempt.sequence != 1 || attempt.previous.is_none(),
            };
            if !follows {
                result.status.insert(attempt.id, Status::BrokenChain);
            }
            expected = attempt.sequence + 1;
            previous = Some(attempt);
        }
        if !missing.is_empty() {
            result.missing.insert(device, missing);
        }
    }
    result
}
