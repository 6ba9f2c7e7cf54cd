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

/// A field of the profile form, in the order the form shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Nip,
    Unit,
    Instansi,
}

impl Field {
    /// The field Enter moves on to (`None` after the last one: Enter saves there). The NIP
    /// field is skipped when the participant has none.
    pub fn next(self, without_nip: bool) -> Option<Field> {
        match self {
            Field::Name if without_nip => Some(Field::Unit),
            Field::Name => Some(Field::Nip),
            Field::Nip => Some(Field::Unit),
            Field::Unit => Some(Field::Instansi),
            Field::Instansi => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum LearnerError {
    #[error("name is required")]
    NameMissing,
    #[error("the NIP is required (or tick \"no NIP\")")]
    NipMissing,
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
            LearnerError::NipMissing => i18n::tr(lang, "profile-error-nip"),
            LearnerError::UnitMissing => i18n::tr(lang, "profile-error-unit"),
            LearnerError::InstansiMissing => i18n::tr(lang, "profile-error-instansi"),
            LearnerError::Nip(error) => error.message(lang),
            LearnerError::DuplicateNip => i18n::tr(lang, "profile-error-duplicate"),
        }
    }

    /// The form field the problem is in.
    pub fn field(self) -> Field {
        match self {
            LearnerError::NameMissing => Field::Name,
            LearnerError::NipMissing | LearnerError::Nip(_) | LearnerError::DuplicateNip => {
                Field::Nip
            }
            LearnerError::UnitMissing => Field::Unit,
            LearnerError::InstansiMissing => Field::Instansi,
        }
    }
}

impl LearnerDraft {
    /// The form filled in with a profile as it is, to change it.
    pub fn of(learner: &Learner) -> LearnerDraft {
        LearnerDraft {
            name: learner.name.clone(),
            nip: learner
                .nip
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            without_nip: learner.nip.is_none(),
            unit: learner.unit.clone(),
            instansi: learner.instansi.clone(),
        }
    }

    /// Checks every field and says every problem, in the order of the form (so the first is
    /// where the user goes first). `existing` guards against a second profile with the same NIP
    /// (the NIP identifies a person in HR's merge); `editing` is the profile being changed,
    /// which may of course keep its own NIP.
    pub fn check(
        &self,
        existing: &[Learner],
        editing: Option<Uuid>,
        today: NaiveDate,
    ) -> Result<LearnerInfo, Vec<LearnerError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(LearnerError::NameMissing);
        }
        let nip = if self.without_nip {
            None
        } else if self.nip.trim().is_empty() {
            errors.push(LearnerError::NipMissing);
            None
        } else {
            match Nip::parse(&self.nip, today) {
                Ok(nip) => {
                    if self.holder(existing, editing, today).is_some() {
                        errors.push(LearnerError::DuplicateNip);
                    }
                    Some(nip)
                }
                Err(error) => {
                    errors.push(LearnerError::Nip(error));
                    None
                }
            }
        };
        let unit = self.unit.trim();
        if unit.is_empty() {
            errors.push(LearnerError::UnitMissing);
        }
        let instansi = self.instansi.trim();
        if instansi.is_empty() {
            errors.push(LearnerError::InstansiMissing);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LearnerInfo {
            name: name.to_owned(),
            nip,
            unit: unit.to_owned(),
            instansi: instansi.to_owned(),
        })
    }

    /// The other profile that already has the NIP typed here, if any.
    pub fn holder<'a>(
        &self,
        existing: &'a [Learner],
        editing: Option<Uuid>,
        today: NaiveDate,
    ) -> Option<&'a Learner> {
        if self.without_nip {
            return None;
        }
        let nip = Nip::parse(&self.nip, today).ok()?;
        existing
            .iter()
            .find(|learner| Some(learner.id) != editing && learner.nip.as_ref() == Some(&nip))
    }

    /// Checks the form and builds a new learner (to be signed when saved), or says every problem.
    pub fn create(
        &self,
        existing: &[Learner],
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Learner, Vec<LearnerError>> {
        let info = self.check(existing, None, today)?;
        Ok(Learner {
            version: LEARNER_VERSION,
            id: Uuid::new_v4(),
            name: info.name,
            nip: info.nip,
            unit: info.unit,
            instansi: info.instansi,
            created: now,
            revision: 1,
            device: None,
            signature: None,
        })
    }

    /// [`LearnerDraft::create`] with only the first problem.
    pub fn build(
        &self,
        existing: &[Learner],
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Learner, LearnerError> {
        self.create(existing, today, now)
            .map_err(|errors| errors[0])
    }

    /// Checks the form as a change of `learner`: its next revision (to be signed when saved),
    /// or `None` when nothing changed (no new revision for nothing).
    pub fn revise(
        &self,
        learner: &Learner,
        existing: &[Learner],
        today: NaiveDate,
    ) -> Result<Option<Learner>, Vec<LearnerError>> {
        let info = self.check(existing, Some(learner.id), today)?;
        Ok((info != learner.info()).then(|| learner.revised(info)))
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

    #[test]
    fn every_problem_is_said_in_the_order_of_the_form() {
        let d = LearnerDraft::default();
        let errors = d.check(&[], None, today()).unwrap_err();
        assert_eq!(
            errors,
            vec![
                LearnerError::NameMissing,
                LearnerError::NipMissing,
                LearnerError::UnitMissing,
                LearnerError::InstansiMissing
            ]
        );
        let fields: Vec<Field> = errors.iter().map(|e| e.field()).collect();
        assert_eq!(
            fields,
            vec![Field::Name, Field::Nip, Field::Unit, Field::Instansi]
        );
        let mut d = draft();
        d.nip = "1980".into();
        d.instansi = " ".into();
        assert_eq!(
            d.check(&[], None, today()).unwrap_err(),
            vec![
                LearnerError::Nip(NipError::Length(4)),
                LearnerError::InstansiMissing
            ]
        );
    }

    #[test]
    fn enter_moves_through_the_fields_in_order() {
        assert_eq!(Field::Name.next(false), Some(Field::Nip));
        assert_eq!(Field::Name.next(true), Some(Field::Unit));
        assert_eq!(Field::Nip.next(false), Some(Field::Unit));
        assert_eq!(Field::Unit.next(false), Some(Field::Instansi));
        assert_eq!(Field::Instansi.next(false), None);
    }

    #[test]
    fn a_change_is_the_next_revision_and_keeps_identity() {
        let first = draft().build(&[], today(), Utc::now()).unwrap();
        let mut d = LearnerDraft::of(&first);
        let all = std::slice::from_ref(&first);
        assert_eq!(d.revise(&first, all, today()), Ok(None));
        d.name = "Siti Aminah, S.E.".into();
        let next = d.revise(&first, all, today()).unwrap().unwrap();
        assert_eq!(next.id, first.id);
        assert_eq!(next.created, first.created);
        assert_eq!(next.revision, 2);
        assert_eq!(next.name, "Siti Aminah, S.E.");
        assert_eq!(next.nip, first.nip, "the NIP as shown (grouped) reads back");
    }

    #[test]
    fn a_change_to_another_profiles_nip_is_refused() {
        let siti = draft().build(&[], today(), Utc::now()).unwrap();
        let mut other = draft();
        other.name = "Budi".into();
        other.nip = "198505052010011002".into();
        let budi = other
            .build(std::slice::from_ref(&siti), today(), Utc::now())
            .unwrap();
        let all = [siti.clone(), budi.clone()];
        let mut d = LearnerDraft::of(&budi);
        d.nip = siti.nip.as_ref().unwrap().to_string();
        assert_eq!(
            d.revise(&budi, &all, today()),
            Err(vec![LearnerError::DuplicateNip])
        );
        assert_eq!(d.holder(&all, Some(budi.id), today()), Some(&siti));
        assert_eq!(d.holder(&all, Some(siti.id), today()), None);
    }
}
