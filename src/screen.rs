//! One module per screen, each with its own state, `Message`, `Action`, `update` and `view`.

pub mod home;
pub mod lesson;
pub mod module;
pub mod profile;
pub mod quiz;
pub mod result;
pub mod settings;
