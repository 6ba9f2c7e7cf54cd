//! A learner profile. Several people often share one office PC, so there can be many.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::records::nip::{Nip, NipError};

/// Version 2 added the revision and the device signature.
pub const LEARNER_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learner {
    pub version: u32,
    pub id: Uuid,
    pub name: String,
    /// `None` for a participant without NIP (honorary staff, a guest), shown as such.
    pub nip: Option<Nip>,
    pub unit: String,
    pub instansi: String,
    pub created: DateTime<Utc>,
    /// 1 for the profile as created; a change is a new revision, signed again. (Absent fields
    /// are left out when written, so profiles inside earlier bundles keep their checksums.)
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u32,
    /// The installation that signed this revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<Uuid>,
    /// Ed25519 signature (hex) of everything above, by that device's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// Who took an attempt, as the profile said when it was taken. Part of the attempt, so its
/// signature covers it: editing a profile can never move an attempt to another person.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LearnerInfo {
    pub name: String,
    pub nip: Option<Nip>,
    pub unit: String,
    pub instansi: String,
}

impl Learner {
    pub fn has_nip(&self) -> bool {
        self.nip.is_some()
    }

    pub fn info(&self) -> LearnerInfo {
        LearnerInfo {
            name: self.name.clone(),
            nip: self.nip.clone(),
            unit: self.unit.clone(),
            instansi: self.instansi.clone(),
        }
    }

    /// The bytes a signature covers: the profile as RON without its signature.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut body = self.clone();
        body.signature = None;
        ron::to_string(&body).unwrap_or_default().into_bytes()
    }

    /// SHA-256 of the signed bytes and the signature: two copies with the same digest are the
    /// same revision.
    pub fn digest(&self) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        hasher.update(self.signed_bytes());
        hasher.update(self.signature.as_deref().unwrap_or_default().as_bytes());
        hasher.finalize().into()
    }

    /// Signs this revision with this installation's key.
    pub fn sign(&mut self, identity: &crate::records::Identity) {
        self.version = LEARNER_VERSION;
        self.revision = self.revision.max(1);
        self.device = Some(identity.key.device);
        self.signature = None;
        self.signature = Some(identity.sign(&self.signed_bytes()));
    }

    /// A changed profile: the next revision (to be signed when saved).
    pub fn revised(&self, info: LearnerInfo) -> Learner {
        Learner {
            name: info.name,
            nip: info.nip,
            unit: info.unit,
            instansi: info.instansi,
            revision: self.revision.max(1) + 1,
            signature: None,
            ..self.clone()
        }
    }
}

/// The profile form as typed, before checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LearnerDraft {
    pub name: String,
    pub nip: String,
    /// The participant has no NIP (honorary staff, guest).
    pub without_nip: bool,
    pub unit: String,
    pub instansi: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum LearnerError {
    #[error("name is required")]
    NameMissing,
    #[error("unit kerja is required")]
    UnitMissing,
    #[error("instansi is required")]
    InstansiMissing,
    #[error("invalid NIP: {0}")]
    Nip(NipError),
    #[error("a profile with this NIP already exists")]
    DuplicateNip,
}

impl LearnerError {
    pub fn message(self, lang: Lang) -> String {
        match self {
            LearnerError::NameMissing => i18n::tr(lang, "profile-error-name"),
            LearnerError::UnitMissing => i18n::tr(lang, "profile-error-unit"),
            LearnerError::InstansiMissing => i18n::tr(lang, "profile-error-instansi"),
            LearnerError::Nip(error) => error.message(lang),
            LearnerError::DuplicateNip => i18n::tr(lang, "profile-error-duplicate"),
        }
    }
}

impl LearnerDraft {
    /// Checks the form and builds the learner. `existing` guards against a second profile with
    /// the same NIP (the NIP identifies a person in HR's merge).
    pub fn build(
        &self,
        existing: &[Learner],
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Learner, LearnerError> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(LearnerError::NameMissing);
        }
        let nip = if self.without_nip {
            None
        } else {
            let nip = Nip::parse(&self.nip, today).map_err(LearnerError::Nip)?;
            if existing
                .iter()
                .any(|learner| learner.nip.as_ref() == Some(&nip))
            {
                return Err(LearnerError::DuplicateNip);
            }
            Some(nip)
        };
        let unit = self.unit.trim();
        if unit.is_empty() {
            return Err(LearnerError::UnitMissing);
        }
        let instansi = self.instansi.trim();
        if instansi.is_empty() {
            return Err(LearnerError::InstansiMissing);
        }
        Ok(Learner {
            version: LEARNER_VERSION,
            id: Uuid::new_v4(),
            name: name.to_owned(),
            nip,
            unit: unit.to_owned(),
            instansi: instansi.to_owned(),
            created: now,
            revision: 1,
            device: None,
            signature: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> LearnerDraft {
        LearnerDraft {
            name: " Siti Aminah ".into(),
            nip: "198001012005012001".into(),
            without_nip: false,
            unit: "Bagian Umum".into(),
            instansi: "Pemkab Mesuji".into(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn builds_a_trimmed_learner() {
        let learner = draft().build(&[], today(), Utc::now()).unwrap();
        assert_eq!(learner.name, "Siti Aminah");
        assert_eq!(learner.nip.unwrap().as_str(), "198001012005012001");
    }

    #[test]
    fn rejects_missing_fields_and_bad_nip() {
        let mut d = draft();
        d.name = "  ".into();
        assert_eq!(
            d.build(&[], today(), Utc::now()),
            Err(LearnerError::NameMissing)
        );
        let mut d = draft();
        d.nip = "123".into();
        assert_eq!(
            d.build(&[], today(), Utc::now()),
            Err(LearnerError::Nip(NipError::Length(3)))
        );
        let mut d = draft();
        d.unit.clear();
        assert_eq!(
            d.build(&[], today(), Utc::now()),
            Err(LearnerError::UnitMissing)
        );
    }

    #[test]
    fn without_nip_is_allowed_and_marked() {
        let mut d = draft();
        d.nip = "garbage".into();
        d.without_nip = true;
        let learner = d.build(&[], today(), Utc::now()).unwrap();
        assert!(!learner.has_nip());
    }

    #[test]
    fn duplicate_nip_is_refused() {
        let first = draft().build(&[], today(), Utc::now()).unwrap();
        assert_eq!(
            draft().build(&[first], today(), Utc::now()),
            Err(LearnerError::DuplicateNip)
        );
    }
}
