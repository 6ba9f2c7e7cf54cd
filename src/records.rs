//! Learners, reading progress and quiz attempts, kept as RON files in the data directory.
//!
//! One file per record, so that two running copies of the app, or records merged from many PCs,
//! never write the same file; every file carries a schema version; every write is atomic.

mod atomic;
mod attempt;
pub mod authority;
pub mod bundle;
mod cache;
mod correction;
pub mod decide;
mod error;
pub mod export;
mod held;
mod identity;
pub mod journal;
mod learner;
mod ledger;
mod location;
mod nip;
pub mod profiles;
mod progress;
mod store;
pub mod summary;
pub mod transfer;
pub mod trust;
pub mod unfinished;
mod verify;

pub(crate) use atomic::lock_file;
pub use atomic::{write_atomic, write_atomic_with};
pub use attempt::{AnswerRecord, Attempt};
pub use authority::{Authority, AuthorityKey};
pub use correction::{Correction, CorrectionKind};
pub use error::StoreError;
pub use held::HeldMap;
pub use identity::{DeviceKey, Identity};
pub use learner::{Field, LEARNER_VERSION, Learner, LearnerDraft, LearnerError, LearnerInfo};
pub use location::{DATA_DIR_ENV, PORTABLE_DIR, resolve_data_dir, roaming_data_dir};
pub use nip::{Nip, NipError};
pub use progress::{ModuleStatus, ModuleSummary, Progress, summarize};
pub use store::{Conflict, FastMap, LoadMode, Loaded, Problem, ProblemKind, SeenKey, Store};
pub use trust::{Approval, Decision, Enrolment, EnrolmentRequest, How, KeyTrust, Trust};
pub use verify::{ProfileStatus, Status, Verification, people, verify, verify_loaded};
