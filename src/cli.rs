//! The command line: one module per command group. `main.rs` only parses the arguments and
//! chooses between the window and a command.

pub mod admin;
pub mod certificate;
pub mod content;
pub mod records;
pub mod roster;
