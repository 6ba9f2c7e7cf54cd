//! HR's desk, as pure logic: the roster, completion by unit, certificates, JP and the admin PIN.
//! The screens in `screen::hr` and the `latih-asn` commands both call into these; nothing here
//! depends on iced.
pub mod completion;
pub mod completion_csv;
pub mod pin;
pub mod review;
pub mod roster;
pub mod snapshot;
