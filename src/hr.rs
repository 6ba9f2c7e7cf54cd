//! HR's desk, as pure logic: the roster, completion by unit, certificates, JP and the admin PIN.
//! The screens in `screen::hr` and the `latih-asn` commands both call into these; nothing here
//! depends on iced.

pub mod certificate;
mod error;
pub mod jp;
pub mod settings;

pub use error::{HrError, SettingField, SettingProblem};
pub use settings::HrSettings;
