//! Lessons, question pools and citations: the data the app teaches from.
//!
//! Content is read from files (embedded in the binary, or a content pack folder), validated as a
//! whole, and only then handed to the app. Nothing here knows about iced.

pub(crate) mod check;
pub(crate) mod citation;
mod error;
pub(crate) mod files;
pub(crate) mod install;
pub(crate) mod load;
mod model;
pub(crate) mod pack;
pub(crate) mod packs;
mod validate;

pub mod coverage;
pub mod limits;

pub use check::{CheckedPack, add_pack, check_content, check_pack, conflicts, is_app_content};
pub use citation::{Citation, Sources, format_article, format_citation, instrument_name, sources};
pub use error::{ContentError, ContentErrorKind, Counted, Field, FileType, Markup};
pub use files::{ContentFiles, DirFiles, EmbeddedFiles};
pub use install::{
    PackError, Unconfirmed, check_for_install, install_pack, install_pack_with, trust_line,
};
pub use load::{Catalog, load, load_embedded};
pub use model::{
    Form, Instrument, InstrumentKind, JP_MINUTES, Lesson, Module, ModuleSource, Objective,
    OptionText, Question, QuestionKind, QuestionText, jp_cap, jp_for, study_minutes,
};
pub use pack::{CheckRecord, FileDigest, PackInfo, Publisher, PublisherKey, Publishers, Trust};
pub use packs::{
    InstalledPack, PackDone, PackRequest, RefusedPack, apply, installed_packs, load_with_packs,
    remove_pack, set_enabled, trust_publisher,
};
pub use validate::Warning;
