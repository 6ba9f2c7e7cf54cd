//! The two languages of the app. Bahasa Indonesia is the default and the reference text.

use serde::{Deserialize, Serialize};

/// A UI and content language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The folder and BCP 47 code used for this language in `locales/` and `assets/content/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language to start in when the user has not chosen one: English only when the
    /// system locale is English outside Indonesia, Indonesian otherwise (the app is for
    /// Indonesian offices, where Windows is often installed in English with the region set to
    /// Indonesia: `en-ID` starts in Bahasa Indonesia).
    pub fn from_system_locale(locale: Option<&str>) -> Lang {
        let Some(locale) = locale else {
            return Lang::Id;
        };
        let locale = locale.to_ascii_lowercase().replace('_', "-");
        let mut parts = locale.split(['-', '.', '@']);
        let language = parts.next().unwrap_or_default();
        let in_indonesia = parts.any(|part| part == "id");
        if language == "en" && !in_indonesia {
            Lang::En
        } else {
            Lang::Id
        }
    }
}

/// A value written once per language, e.g. a title in a content file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PerLang<T> {
    pub id: T,
    pub en: T,
}

impl<T> PerLang<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_locale_picks_english_only_for_english() {
        assert_eq!(Lang::from_system_locale(Some("en-US")), Lang::En);
        assert_eq!(Lang::from_system_locale(Some("EN_gb")), Lang::En);
        assert_eq!(Lang::from_system_locale(Some("id-ID")), Lang::Id);
        assert_eq!(Lang::from_system_locale(Some("de-DE")), Lang::Id);
        assert_eq!(Lang::from_system_locale(None), Lang::Id);
        // English Windows in Indonesia.
        assert_eq!(Lang::from_system_locale(Some("en-ID")), Lang::Id);
        assert_eq!(Lang::from_system_locale(Some("en_ID.UTF-8")), Lang::Id);
        assert_eq!(Lang::from_system_locale(Some("en_US.UTF-8")), Lang::En);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
