//! Screens grouped by area: `learn` (*Belajar*), `hr` (*SDM*), plus the shared Settings and the
//! admin PIN gate. Each screen has its own state, `Message`, `Action`, `update` and `view`.

pub mod hr;
pub mod learn;
pub mod pin;
pub mod settings;
