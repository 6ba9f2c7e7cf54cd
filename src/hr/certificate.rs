//! Certificates for passed modules: which pass a certificate is for, what it says, its number
//! and verification code, the signed payload in its QR code, the PDF, batches, and the offline
//! check of a code, a payload or a PDF.
//!
//! **What earns a certificate.** A final test (exam) that passed, whose record verifies
//! ([`Status::Valid`]: signed by a device HR trusts, unchanged, in its chain) and that HR has not
//! voided. A learner gets one certificate per module, for their *first* such pass: its date is
//! the date passed, its number and code are derived from that record, so a reprint is the same
//! certificate. If HR voids that pass, the next valid one becomes the basis (a new number).
//! **Waivers earn none**: a waiver records a decision, not a test passed, so there is no date
//! passed, no score and no JP to print (see also [`crate::hr::jp`]).
//!
//! **Dates** are days in WIB (UTC+7), fixed rather than the PC's zone, so that the same record
//! gives the same date, year and number on every PC. (A pass between 17:00 and 24:00 UTC is
//! dated the next day; in WITA or WIT a pass in the last one or two hours of a day is dated by
//! WIB.)
//!
//! **Signing** needs this PC's HR authority key ([`crate::records::Authority`]): the QR payload
//! is signed with it, and the verification code is derived from its public key. A PC without it
//! cannot issue certificates ([`HrError::NoAuthority`]).

pub mod batch;
pub mod check;
pub mod code;
pub mod payload;
pub mod pdf;
pub mod verdict;

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use uuid::Uuid;

use crate::content::Catalog;
use crate::hr::error::HrError;
use crate::lang::PerLang;
use crate::quiz::Mode;
use crate::records::export::Records;
use crate::records::{Attempt, Authority, Learner, Status, Store};

pub use batch::{BatchOutput, BatchProgress, BatchReport, write_batch, write_one};
pub use check::{CheckOutcome, Holder, check_code, check_payload, check_pdf, payload_of_pdf};
pub use payload::{Claims, PayloadCheck};
pub use verdict::{Verdict, VerdictError, verdict};

/// The offset of WIB from UTC, in hours.
const WIB_HOURS: i64 = 7;

/// The day `time` falls on in WIB (see the module docs).
pub fn day_of(time: DateTime<Utc>) -> NaiveDate {
    (time + chrono::Duration::hours(WIB_HOURS)).date_naive()
}

/// Everything printed on one certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    /// The passed final test it certifies.
    pub attempt: Uuid,
    pub learner: Uuid,
    pub name: String,
    /// `None` for a participant without NIP.
    pub nip: Option<String>,
    /// Unit kerja, as the caller gave it (the GUI takes it from the roster).
    pub unit: String,
    pub module: String,
    pub module_title: PerLang<String>,
    /// The day the learner first started the module (its earliest valid attempt).
    pub started: NaiveDate,
    /// The day the final test was passed.
    pub passed: NaiveDate,
    /// Score in whole percent.
    pub score: u8,
    /// Jam pelajaran of the module ([`crate::content::Module::jp`]).
    pub jp: u32,
    /// Nomor sertifikat ([`code::number`]).
    pub number: String,
    /// Verification code `XXXXX-XXXXX` ([`code::code`]).
    pub code: String,
    /// The signed text in the QR code and the PDF metadata ([`payload`]).
    pub payload: String,
}

impl Certificate {
    /// The file name of this certificate in a folder: `sertifikat-<NIP>-<module>.pdf` (a
    /// participant without NIP is named by the start of their profile id).
    pub fn file_name(&self) -> String {
        let who = match &self.nip {
            Some(nip) => nip.clone(),
            None => format!("id{}", &self.learner.simple().to_string()[..8]),
        };
        format!("sertifikat-{who}-{}.pdf", self.module)
    }
}

/// A learner's pass of a module that a certificate and the JP report rest on.
#[derive(Debug, Clone, Copy)]
pub struct Pass<'a> {
    pub attempt: &'a Attempt,
    /// When the learner first started the module: the earliest valid, non-voided attempt of
    /// it (practice or test) that started before this pass finished.
    pub started: DateTime<Utc>,
}

/// Every learner's first valid, non-voided passed final test of each module, keyed by
/// (learner, module).
pub fn first_passes<'a>(records: &Records<'a>) -> HashMap<(Uuid, &'a str), Pass<'a>> {
    let voided = records.verification.voided();
    let counts = |attempt: &Attempt| {
        records.verification.status_of(&attempt.id) == Status::Valid
            && !voided.contains(&attempt.id)
    };
    let mut passes: HashMap<(Uuid, &'a str), Pass<'a>> = HashMap::new();
    for attempt in records.attempts {
        if attempt.mode != Mode::Exam || !attempt.passed || !counts(attempt) {
            continue;
        }
        let key = (attempt.learner, attempt.module.as_str());
        let pass = passes.entry(key).or_insert(Pass {
            attempt,
            started: attempt.started,
        });
        if (attempt.finished, attempt.id) < (pass.attempt.finished, pass.attempt.id) {
            *pass = Pass {
                attempt,
                started: attempt.started,
            };
        }
    }
    for attempt in records.attempts {
        if let Some(pass) = passes.get_mut(&(attempt.learner, attempt.module.as_str()))
            && attempt.started < pass.started
            && attempt.started <= pass.attempt.finished
            && counts(attempt)
        {
            pass.started = attempt.started;
        }
    }
    passes
}

/// Makes certificates from the records: one at a time or for many people. Built once per batch
/// (it indexes the passes and people), with this PC's HR authority to sign.
pub struct Issuer<'a> {
    records: Records<'a>,
    catalog: &'a Catalog,
    authority: &'a Authority,
    passes: HashMap<(Uuid, &'a str), Pass<'a>>,
    people: HashMap<Uuid, &'a Learner>,
}

/// Certificates made for many people, and what could not be made.
#[derive(Debug, Clone, Default)]
pub struct Issued {
    pub certificates: Vec<Certificate>,
    /// Passes whose module is not in the content loaded here (a pack since removed).
    pub problems: Vec<HrError>,
}

impl<'a> Issuer<'a> {
    /// `records.learners` are the people as reports know them ([`crate::records::people`]).
    pub fn new(records: Records<'a>, catalog: &'a Catalog, authority: &'a Authority) -> Self {
        Issuer {
            passes: first_passes(&records),
            people: records.learners.iter().map(|l| (l.id, l)).collect(),
            records,
            catalog,
            authority,
        }
    }

    /// The certificate of `learner`'s first valid pass of `module`, for a learner in `unit`.
    pub fn for_learner(
        &self,
        learner: Uuid,
        module: &str,
        unit: &str,
    ) -> Result<Certificate, HrError> {
        let Some(pass) = self.passes.get(&(learner, module)) else {
            return Err(HrError::NoPass {
                name: self
                    .people
                    .get(&learner)
                    .map_or_else(|| learner.to_string(), |l| l.name.clone()),
                module: module.to_owned(),
            });
        };
        self.make(pass, unit)
    }

    /// The certificate of one attempt: refused unless it is a valid, non-voided, passed test.
    pub fn for_attempt(&self, attempt: Uuid, unit: &str) -> Result<Certificate, HrError> {
        let Some(found) = self.records.attempts.iter().find(|a| a.id == attempt) else {
            return Err(HrError::NoAttempt {
                attempt: attempt.to_string(),
            });
        };
        if self.records.verification.voided().contains(&attempt) {
            return Err(HrError::Voided);
        }
        let status = self.records.verification.status_of(&attempt);
        if status != Status::Valid {
            return Err(HrError::NotVerified { status });
        }
        if found.mode != Mode::Exam || !found.passed {
            return Err(HrError::NotAPass);
        }
        let started = self
            .passes
            .get(&(found.learner, found.module.as_str()))
            .map_or(found.started, |first| first.started.min(found.started));
        self.make(
            &Pass {
                attempt: found,
                started,
            },
            unit,
        )
    }

    /// A certificate for every module each of `people` (learner id, unit) has passed, in the
    /// order given and by module order; passes of modules not loaded here are problems.
    pub fn for_people(&self, people: &[(Uuid, String)]) -> Issued {
        let mut issued = Issued::default();
        let mut by_learner: HashMap<Uuid, Vec<&Pass<'a>>> = HashMap::new();
        for ((learner, _), pass) in &self.passes {
            by_learner.entry(*learner).or_default().push(pass);
        }
        for (learner, unit) in people {
            let mut theirs = by_learner.get(learner).cloned().unwrap_or_default();
            theirs.sort_by_key(|pass| {
                let module = &pass.attempt.module;
                (
                    self.catalog.module(module).map_or(u32::MAX, |m| m.order),
                    module.clone(),
                )
            });
            for pass in theirs {
                match self.make(pass, unit) {
                    Ok(certificate) => issued.certificates.push(certificate),
                    Err(error) => issued.problems.push(error),
                }
            }
        }
        issued
    }

    fn make(&self, pass: &Pass<'_>, unit: &str) -> Result<Certificate, HrError> {
        let attempt = pass.attempt;
        let module = self
            .catalog
            .module(&attempt.module)
            .ok_or_else(|| HrError::NoModule {
                module: attempt.module.clone(),
            })?;
        let person = self.people.get(&attempt.learner);
        let signed = attempt.taken_by.as_deref();
        let name = person
            .map(|l| l.name.clone())
            .or_else(|| signed.map(|info| info.name.clone()))
            .unwrap_or_default();
        let nip = person
            .map(|l| l.nip.clone())
            .or_else(|| signed.map(|info| info.nip.clone()))
            .flatten()
            .map(|nip| nip.as_str().to_owned());
        let passed = day_of(attempt.finished);
        let number = code::number(attempt.id, &module.id, passed.year());
        let code = code::code(&self.authority.key.public_key, attempt.id);
        let score = attempt.score.percent();
        let payload = Claims {
            code: code.clone(),
            number: number.clone(),
            nip: nip.clone().unwrap_or_default(),
            name: name.clone(),
            module: module.id.clone(),
            date: passed,
            score,
            jp: module.jp(),
            authority: String::new(),
        }
        .sign(self.authority);
        Ok(Certificate {
            attempt: attempt.id,
            learner: attempt.learner,
            name,
            nip,
            unit: unit.trim().to_owned(),
            module: module.id.clone(),
            module_title: module.title.clone(),
            started: day_of(pass.started),
            passed,
            score,
            jp: module.jp(),
            number,
            code,
            payload,
        })
    }
}

/// This PC's HR authority, or the error that says how to make one.
pub fn authority(store: &Store) -> Result<Authority, HrError> {
    store.authority()?.ok_or(HrError::NoAuthority)
}
