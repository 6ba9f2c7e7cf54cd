//! latih-asn: offline training for Indonesian civil servants on political neutrality and
//! anti-corruption rules.
//!
//! The modules above `i18n` are pure logic with no GUI dependency; `app`, `screen`, `theme` and
//! `widget` are the iced front end.

pub mod content;
pub mod hr;
pub mod lang;
pub mod lrs;
pub mod pdf;
pub mod platform;
pub mod quiz;
pub mod records;
pub mod settings;
pub mod training;

pub mod i18n;

pub mod app;
pub mod cli;
pub mod fonts;
pub mod screen;
pub mod theme;
pub mod widget;
