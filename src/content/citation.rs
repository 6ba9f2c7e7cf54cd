//! Structured legal citations: instrument, pasal, ayat, huruf, angka.

use serde::{Deserialize, Serialize};

use crate::content::model::Instrument;
use crate::i18n;
use crate::lang::Lang;

/// A reference to a legal instrument, as precise as the verified source allows and no more.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    /// Id of an entry in `instruments.ron`.
    pub instrument: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pasal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ayat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub huruf: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub angka: Option<String>,
    /// The elucidation (Penjelasan) of the article rather than its body.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub penjelasan: bool,
}

impl Citation {
    /// A key that identifies the cited article (without the instrument's display name), used to
    /// group questions by article in the coverage report.
    pub fn article_key(&self) -> String {
        let mut key = self.instrument.clone();
        for (label, part) in [
            ("pasal", &self.pasal),
            ("ayat", &self.ayat),
            ("huruf", &self.huruf),
            ("angka", &self.angka),
        ] {
            if let Some(part) = part {
                key.push_str(&format!(" {label} {part}"));
            }
        }
        if self.penjelasan {
            key.push_str(" penjelasan");
        }
        key
    }
}

/// Renders a citation in the user's language, e.g. "UU No. 20 Tahun 2023, Pasal 24 ayat (1)
/// huruf d" or "Law No. 20 of 2023, Article 24(1)(d)".
pub fn format_citation(citation: &Citation, instrument: Option<&Instrument>, lang: Lang) -> String {
    let name = instrument_name(citation, instrument, lang);
    match format_article(citation, lang) {
        Some(article) => format!("{name}, {article}"),
        None => name,
    }
}

/// The cited instrument's short name in `lang` (its id when the catalog lacks it).
pub fn instrument_name(citation: &Citation, instrument: Option<&Instrument>, lang: Lang) -> String {
    instrument.map_or_else(
        || citation.instrument.clone(),
        |instrument| instrument.short.get(lang).clone(),
    )
}

/// The article part of a citation, e.g. "Pasal 24 ayat (1) huruf d"; `None` when it cites the
/// instrument as a whole.
pub fn format_article(citation: &Citation, lang: Lang) -> Option<String> {
    let pasal = citation.pasal.as_ref()?;
    let mut article = i18n::tr_args(lang, "citation-pasal", &[("pasal", pasal.as_str())]);
    if let Some(ayat) = &citation.ayat {
        article.push_str(&i18n::tr_args(
            lang,
            "citation-ayat",
            &[("ayat", ayat.as_str())],
        ));
    }
    if let Some(huruf) = &citation.huruf {
        article.push_str(&i18n::tr_args(
            lang,
            "citation-huruf",
            &[("huruf", huruf.as_str())],
        ));
    }
    if let Some(angka) = &citation.angka {
        article.push_str(&i18n::tr_args(
            lang,
            "citation-angka",
            &[("angka", angka.as_str())],
        ));
    }
    if citation.penjelasan {
        article = i18n::tr_args(
            lang,
            "citation-penjelasan",
            &[("article", article.as_str())],
        );
    }
    Some(article)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::model::InstrumentKind;
    use crate::lang::PerLang;

    pub(crate) fn uu20() -> Instrument {
        Instrument {
            id: "uu-20-2023".into(),
            kind: InstrumentKind::Law,
            short: PerLang {
                id: "UU No. 20 Tahun 2023".into(),
                en: "Law No. 20 of 2023".into(),
            },
            title: PerLang::default(),
            replaced_by: None,
        }
    }

    fn cite(pasal: Option<&str>, ayat: Option<&str>, huruf: Option<&str>) -> Citation {
        Citation {
            instrument: "uu-20-2023".into(),
            pasal: pasal.map(Into::into),
            ayat: ayat.map(Into::into),
            huruf: huruf.map(Into::into),
            angka: None,
            penjelasan: false,
        }
    }

    #[test]
    fn formats_full_citation_in_both_languages() {
        let c = cite(Some("24"), Some("1"), Some("d"));
        assert_eq!(
            format_citation(&c, Some(&uu20()), Lang::Id),
            "UU No. 20 Tahun 2023, Pasal 24 ayat (1) huruf d"
        );
        assert_eq!(
            format_citation(&c, Some(&uu20()), Lang::En),
            "Law No. 20 of 2023, Article 24(1)(d)"
        );
    }

    #[test]
    fn instrument_alone_has_no_article() {
        let c = cite(None, None, None);
        assert_eq!(
            format_citation(&c, Some(&uu20()), Lang::Id),
            "UU No. 20 Tahun 2023"
        );
    }

    #[test]
    fn penjelasan_wraps_the_article() {
        let mut c = cite(Some("12B"), None, None);
        c.penjelasan = true;
        assert_eq!(
            format_citation(&c, Some(&uu20()), Lang::Id),
            "UU No. 20 Tahun 2023, Penjelasan Pasal 12B"
        );
        assert_eq!(
            format_citation(&c, Some(&uu20()), Lang::En),
            "Law No. 20 of 2023, Elucidation of Article 12B"
        );
    }

    #[test]
    fn article_key_names_every_part() {
        let c = cite(Some("52"), Some("3"), Some("j"));
        assert_eq!(c.article_key(), "uu-20-2023 pasal 52 ayat 3 huruf j");
    }
}
