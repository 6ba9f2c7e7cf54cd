//! HR's settings for certificates and the JP report: who issues and signs certificates, who
//! organised the training, and the yearly JP target per employee.
//!
//! Kept in `<data>/hr/settings.ron`, versioned, written atomically. A damaged file, or one from a
//! newer version of the app, is an error that names the file and is never overwritten: saving
//! over it would silently drop what HR typed (or what the newer version added).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::hr::error::{HrError, SettingField, SettingProblem};
use crate::records::{Nip, write_atomic};

/// The newest settings format this build reads and writes.
pub const HR_SETTINGS_FORMAT: u32 = 1;
/// The JP target per employee and year when HR sets none (20 JP: the usual yearly minimum of
/// competence development for an ASN).
pub const DEFAULT_JP_TARGET: u32 = 20;
/// Highest JP target accepted (a typo guard: 1000 JP is 750 hours).
pub const JP_TARGET_MAX: u32 = 1000;
/// Longest text setting, in characters (what fits on one line of a certificate).
pub const TEXT_CHARS: usize = 120;

/// The folder and file, under the data folder.
const DIR: &str = "hr";
const FILE: &str = "settings.ron";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrSettings {
    /// The file format's version ([`HR_SETTINGS_FORMAT`]); a newer one is refused, not rewritten.
    pub format: u32,
    /// The issuing agency, as printed at the top of a certificate ("Pemerintah Kabupaten Mesuji").
    pub instansi: String,
    /// Who signs certificates (name, title, and NIP if any).
    pub signer_name: String,
    pub signer_title: String,
    #[serde(default)]
    pub signer_nip: Option<String>,
    /// Penyelenggara: who organised the training, for the certificate and the JP export. When
    /// `None`, the instansi (see [`HrSettings::organiser`]).
    #[serde(default)]
    pub organiser: Option<String>,
    /// JP each employee should reach in a year.
    #[serde(default = "default_jp_target")]
    pub jp_target: u32,
}

fn default_jp_target() -> u32 {
    DEFAULT_JP_TARGET
}

impl Default for HrSettings {
    fn default() -> Self {
        HrSettings {
            format: HR_SETTINGS_FORMAT,
            instansi: String::new(),
            signer_name: String::new(),
            signer_title: String::new(),
            signer_nip: None,
            organiser: None,
            jp_target: DEFAULT_JP_TARGET,
        }
    }
}

/// Where the settings live under `data_dir`.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR).join(FILE)
}

#[derive(Deserialize)]
struct Versioned {
    format: u32,
}

impl HrSettings {
    /// The penyelenggara: the organiser if set, else the instansi.
    pub fn organiser(&self) -> &str {
        match &self.organiser {
            Some(organiser) if !organiser.trim().is_empty() => organiser,
            _ => &self.instansi,
        }
    }

    /// Whether certificates can be issued: instansi, signer name and title are set.
    pub fn is_complete(&self) -> bool {
        [&self.instansi, &self.signer_name, &self.signer_title]
            .iter()
            .all(|text| !text.trim().is_empty())
    }

    /// The settings saved under `data_dir`, or the defaults when there are none yet. A damaged
    /// or newer file is an error (and stays as it is).
    pub fn load(data_dir: &Path) -> Result<HrSettings, HrError> {
        let path = path(data_dir);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(HrSettings::default());
            }
            Err(error) => {
                return Err(HrError::SettingsDamaged {
                    path,
                    detail: error.to_string(),
                });
            }
        };
        let damaged = |detail: String| HrError::SettingsDamaged {
            path: path.clone(),
            detail,
        };
        let version = ron::from_str::<Versioned>(&text)
            .map_err(|error| damaged(error.to_string()))?
            .format;
        if version > HR_SETTINGS_FORMAT {
            return Err(HrError::SettingsNewer { path, version });
        }
        ron::from_str::<HrSettings>(&text).map_err(|error| damaged(error.to_string()))
    }

    /// Checks and tidies what was typed: trimmed texts within [`TEXT_CHARS`], the instansi and
    /// signer not empty, a signer NIP that is a NIP (checked against `today`), a JP target of
    /// 1 to [`JP_TARGET_MAX`].
    pub fn validated(mut self, today: NaiveDate) -> Result<HrSettings, HrError> {
        let invalid = |field: SettingField, problem: SettingProblem| HrError::InvalidSetting {
            field,
            problem,
        };
        for (field, text) in [
            (SettingField::Instansi, &mut self.instansi),
            (SettingField::SignerName, &mut self.signer_name),
            (SettingField::SignerTitle, &mut self.signer_title),
        ] {
            *text = text.trim().to_owned();
            if text.is_empty() {
                return Err(invalid(field, SettingProblem::Empty));
            }
            if text.chars().count() > TEXT_CHARS || text.contains(['\n', '\r']) {
                return Err(invalid(field, SettingProblem::TooLong));
            }
        }
        self.organiser = self
            .organiser
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty());
        if let Some(organiser) = &self.organiser
            && (organiser.chars().count() > TEXT_CHARS || organiser.contains(['\n', '\r']))
        {
            return Err(invalid(SettingField::Organiser, SettingProblem::TooLong));
        }
        self.signer_nip = match self.signer_nip.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(typed) => Some(
                Nip::parse(typed, today)
                    .map_err(|error| {
                        invalid(SettingField::SignerNip, SettingProblem::NotANip(error))
                    })?
                    .as_str()
                    .to_owned(),
            ),
        };
        if !(1..=JP_TARGET_MAX).contains(&self.jp_target) {
            return Err(invalid(SettingField::JpTarget, SettingProblem::OutOfRange));
        }
        self.format = HR_SETTINGS_FORMAT;
        Ok(self)
    }

    /// Saves atomically under `data_dir`. Refuses (and changes nothing) when the file there is
    /// damaged or newer: HR must look at it first.
    pub fn save(&self, data_dir: &Path) -> Result<(), HrError> {
        Self::load(data_dir)?;
        let path = path(data_dir);
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(
            |error| HrError::SettingsDamaged {
                path: path.clone(),
                detail: error.to_string(),
            },
        )?;
        write_atomic(&path, text.as_bytes()).map_err(|error| HrError::write(&path, error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn filled() -> HrSettings {
        HrSettings {
            instansi: "  Pemerintah Kabupaten Mesuji ".into(),
            signer_name: "Drs. Ahmad Yani, M.Si.".into(),
            signer_title: "Kepala BKPSDM".into(),
            signer_nip: Some("1970 0101 199003 1 005".into()),
            organiser: Some("  ".into()),
            ..HrSettings::default()
        }
    }

    #[test]
    fn settings_round_trip_and_default_when_absent() {
        let dir = tempfile::tempdir().unwrap();
        let none = HrSettings::load(dir.path()).unwrap();
        assert_eq!(none, HrSettings::default());
        assert_eq!(none.jp_target, 20);
        assert!(!none.is_complete());

        let settings = filled().validated(today()).unwrap();
        assert_eq!(settings.instansi, "Pemerintah Kabupaten Mesuji");
        assert_eq!(settings.signer_nip.as_deref(), Some("197001011990031005"));
        assert_eq!(settings.organiser, None);
        assert_eq!(settings.organiser(), "Pemerintah Kabupaten Mesuji");
        settings.save(dir.path()).unwrap();
        assert!(dir.path().join("hr/settings.ron").is_file());
        assert_eq!(HrSettings::load(dir.path()).unwrap(), settings);
    }

    #[test]
    fn bad_values_are_refused_with_the_field() {
        let field_of = |settings: HrSettings| match settings.validated(today()) {
            Err(HrError::InvalidSetting { field, .. }) => Some(field),
            _ => None,
        };
        let mut empty = filled();
        empty.signer_title = " ".into();
        assert_eq!(field_of(empty), Some(SettingField::SignerTitle));
        let mut nip = filled();
        nip.signer_nip = Some("12345".into());
        assert_eq!(field_of(nip), Some(SettingField::SignerNip));
        let mut target = filled();
        target.jp_target = 0;
        assert_eq!(field_of(target), Some(SettingField::JpTarget));
        let mut long = filled();
        long.instansi = "x".repeat(TEXT_CHARS + 1);
        assert_eq!(field_of(long), Some(SettingField::Instansi));
    }

    #[test]
    fn a_damaged_or_newer_file_is_an_error_and_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path());
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        let settings = filled().validated(today()).unwrap();
        for (text, newer) in [
            ("(format: 1, instansi: \"Pemkab", false),
            ("(format: 9, instansi: \"x\")", true),
        ] {
            fs::write(&file, text).unwrap();
            let loaded = HrSettings::load(dir.path());
            assert_eq!(
                matches!(loaded, Err(HrError::SettingsNewer { version: 9, .. })),
                newer
            );
            assert!(loaded.is_err());
            assert!(settings.save(dir.path()).is_err());
            assert_eq!(fs::read_to_string(&file).unwrap(), text);
        }
    }
}
