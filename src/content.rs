//! Lessons, question pools and citations: the data the app teaches from.
//!
//! Content is read from files (embedded in the binary, or a content pack folder), validated as a
//! whole, and only then handed to the app. Nothing here knows about iced.

mod citation;
mod error;
mod files;
mod install;
mod load;
mod model;
mod validate;

pub mod coverage;

pub use citation::{Citation, format_citation};
pub use error::{ContentError, ContentErrorKind};
pub use files::{ContentFiles, DirFiles, EmbeddedFiles};
pub use install::{InstallError, install_pack};
pub use load::{Catalog, RefusedPack, add_pack, load, load_embedded, load_with_packs};
pub use model::{
    Form, Instrument, InstrumentKind, Lesson, Module, Objective, OptionText, Question,
    QuestionKind, QuestionText,
};
pub use validate::Warning;
