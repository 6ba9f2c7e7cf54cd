//! HR's desk, as pure logic: the roster, completion by unit, certificates, JP and the admin PIN.
//! The screens in `screen::hr` and the `latih-asn` commands both call into these; nothing here
//! depends on iced.
//!
//! For the screens, with the records as the exports read them ([`crate::records::export::Records`]:
//! `people(&loaded, &verification)`, the attempts and the verification) and the catalog:
//!
//! - settings: [`HrSettings::load`], [`HrSettings::validated`], [`HrSettings::save`],
//!   [`HrSettings::is_complete`];
//! - certificates: [`certificate::authority`] (this PC's HR key, or [`HrError::NoAuthority`]),
//!   [`certificate::Issuer::new`], then `for_learner`, `for_attempt` or `for_people`;
//!   [`certificate::write_one`] and [`certificate::write_batch`] (progress callback, cancel
//!   flag); [`certificate::check_code`], [`certificate::check_payload`],
//!   [`certificate::check_pdf`];
//! - JP: [`jp::jp_per_person`] for the screen, [`jp::jp_rows`] and [`jp::write_jp`] for the export.
//!
//! Every error is an [`HrError`]; `HrError::message(lang)` is what the user reads.

pub mod certificate;
pub mod completion;
pub mod completion_csv;
mod error;
pub mod jp;
pub mod pin;
pub mod review;
pub mod roster;
pub mod settings;
pub mod snapshot;

pub use error::{HrError, SettingField, SettingProblem};
pub use settings::HrSettings;
