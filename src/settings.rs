//! User preferences, remembered in `settings.ron` in the data directory.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::lang::Lang;

pub const SETTINGS_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
    HighContrast,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::HighContrast,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u32,
    /// `None` until the user picks one: then the system locale decides.
    #[serde(default)]
    pub language: Option<Lang>,
    #[serde(default)]
    pub theme: ThemeChoice,
    /// Text size in percent, 100 to 200.
    #[serde(default = "default_scale")]
    pub text_scale: u16,
    /// The profile used last, opened directly on the next start.
    #[serde(default)]
    pub last_learner: Option<Uuid>,
}

fn default_scale() -> u16 {
    100
}

pub const TEXT_SCALES: [u16; 5] = [100, 125, 150, 175, 200];

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: SETTINGS_VERSION,
            language: None,
            theme: ThemeChoice::default(),
            text_scale: 100,
            last_learner: None,
        }
    }
}

impl Settings {
    /// Brings values from a hand-edited or older file into range.
    pub fn sanitized(mut self) -> Self {
        self.text_scale = self.text_scale.clamp(100, 200);
        self.version = SETTINGS_VERSION;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_clamps_scale() {
        let settings = Settings {
            text_scale: 900,
            ..Settings::default()
        };
        assert_eq!(settings.sanitized().text_scale, 200);
        let settings = Settings {
            text_scale: 10,
            ..Settings::default()
        };
        assert_eq!(settings.sanitized().text_scale, 100);
    }
}
