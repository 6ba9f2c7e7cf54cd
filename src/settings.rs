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
    /// The profile used last, opened directly on the next start when it is the only one on
    /// this PC's list.
    #[serde(default)]
    pub last_learner: Option<Uuid>,
    /// Profiles taken off this PC's list. Their files and attempts stay on disk and in
    /// bundles; only the list on this PC leaves them out (see `records::profiles`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_learners: Vec<Uuid>,
    /// Window size and position when the app was last closed.
    #[serde(default)]
    pub window: Option<WindowPlacement>,
}

/// Where the window was, in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WindowPlacement {
    pub width: f32,
    pub height: f32,
    #[serde(default)]
    pub x: Option<f32>,
    #[serde(default)]
    pub y: Option<f32>,
}

/// The smallest window the screens are laid out for, at 100% text size.
pub const MIN_WINDOW: (f32, f32) = (720.0, 520.0);

/// The minimum window size in iced's (text-size scaled) units: the same size on screen.
pub fn min_window(scale: f32) -> (f32, f32) {
    (MIN_WINDOW.0 / scale, MIN_WINDOW.1 / scale)
}

impl WindowPlacement {
    /// Keeps a remembered placement usable: at least the minimum size, not absurdly large, and
    /// not placed off to the left or top (a monitor that was unplugged).
    pub fn sanitized(self) -> Self {
        let finite = |v: f32, default: f32| if v.is_finite() { v } else { default };
        Self {
            width: finite(self.width, 1200.0).clamp(MIN_WINDOW.0, 8000.0),
            height: finite(self.height, 760.0).clamp(MIN_WINDOW.1, 8000.0),
            x: self.x.filter(|x| x.is_finite()).map(|x| x.max(0.0)),
            y: self.y.filter(|y| y.is_finite()).map(|y| y.max(0.0)),
        }
    }
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
            hidden_learners: Vec::new(),
            window: None,
        }
    }
}

impl Settings {
    /// Brings values from a hand-edited or older file into range.
    pub fn sanitized(mut self) -> Self {
        self.text_scale = self.text_scale.clamp(100, 200);
        self.window = self.window.map(WindowPlacement::sanitized);
        self.hidden_learners.sort_unstable();
        self.hidden_learners.dedup();
        self.version = SETTINGS_VERSION;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_placement_is_kept_usable() {
        let placement = WindowPlacement {
            width: 100.0,
            height: f32::NAN,
            x: Some(-500.0),
            y: Some(f32::INFINITY),
        }
        .sanitized();
        assert_eq!(placement.width, MIN_WINDOW.0);
        assert_eq!(placement.height, 760.0);
        assert_eq!(placement.x, Some(0.0));
        assert_eq!(placement.y, None);
    }

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

    #[test]
    fn settings_without_a_hidden_list_still_load_and_write_the_same() {
        let old = "(version: 1, theme: Dark, text_scale: 150)";
        let settings: Settings = ron::from_str(old).unwrap();
        assert!(settings.hidden_learners.is_empty());
        let written = ron::to_string(&settings).unwrap();
        assert!(!written.contains("hidden_learners"), "{written}");
    }
}
