//! Structured legal citations: instrument, pasal, ayat, huruf, angka.

use serde::{Deserialize, Serialize};

use crate::content::Catalog;
use crate::content::model::{Instrument, InstrumentKind};
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
///
/// In English an *ayat* (paragraph) and a *huruf* (letter) are bracketed, as English legal text
/// writes them, but an *angka* (a numbered point) is written out as "point N": "Pasal 1 angka 6"
/// is "Article 1 point 6", never "Article 1(6)", which would read as paragraph 6.
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

/// Citations of one kind under their caption: "Dasar hukum" for laws, "Sumber" for news.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    pub kind: InstrumentKind,
    pub caption: String,
    pub items: Vec<String>,
}

impl Sources {
    /// "Dasar hukum: A; B", on one line of small print.
    pub fn line(&self) -> String {
        format!("{}: {}", self.caption, self.items.join("; "))
    }
}

/// Citations rendered in `lang` and grouped: the laws under "Dasar hukum", then the news
/// articles under "Sumber" (a news report is attributed, never called a legal basis). Within a
/// group, one item per instrument with the articles cited from it ("PP No. 94 Tahun 2021, Pasal
/// 5 huruf n, Pasal 1 angka 6"), in the order they are first cited: a projector has no room to
/// repeat a law's name for each article. Empty groups are left out.
pub fn sources(catalog: &Catalog, cites: &[Citation], lang: Lang) -> Vec<Sources> {
    [
        (InstrumentKind::Law, "cite-legal-basis"),
        (InstrumentKind::News, "cite-source"),
    ]
    .into_iter()
    .filter_map(|(kind, caption)| {
        // (instrument id, its name, the articles cited from it)
        let mut cited: Vec<(&str, String, Vec<String>)> = Vec::new();
        for cite in cites {
            let instrument = catalog.instrument(&cite.instrument);
            // An instrument missing from the catalog is cited as a law: the validator refuses
            // such content, and a news source must never pass for one.
            if instrument.map_or(InstrumentKind::Law, |i| i.kind) != kind {
                continue;
            }
            let at = match cited.iter().position(|(id, ..)| *id == cite.instrument) {
                Some(at) => at,
                None => {
                    let name = instrument_name(cite, instrument, lang);
                    cited.push((cite.instrument.as_str(), name, Vec::new()));
                    cited.len() - 1
                }
            };
            let articles = &mut cited[at].2;
            if let Some(article) = format_article(cite, lang)
                && !articles.contains(&article)
            {
                articles.push(article);
            }
        }
        let items: Vec<String> = cited
            .into_iter()
            .map(|(_, name, articles)| {
                if articles.is_empty() {
                    name
                } else {
                    format!("{name}, {}", articles.join(", "))
                }
            })
            .collect();
        (!items.is_empty()).then(|| Sources {
            kind,
            caption: i18n::tr(lang, caption),
            items,
        })
    })
    .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::model::InstrumentKind;
    use crate::lang::PerLang;

    fn law(id: &str, short_id: &str, short_en: &str) -> Instrument {
        Instrument {
            id: id.into(),
            kind: InstrumentKind::Law,
            short: PerLang {
                id: short_id.into(),
                en: short_en.into(),
            },
            title: PerLang::default(),
            replaced_by: None,
        }
    }

    pub(crate) fn uu20() -> Instrument {
        law("uu-20-2023", "UU No. 20 Tahun 2023", "Law No. 20 of 2023")
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

    fn pp94() -> Instrument {
        law(
            "pp-94-2021",
            "PP No. 94 Tahun 2021",
            "Government Regulation No. 94 of 2021",
        )
    }

    #[test]
    fn angka_is_a_point_not_a_paragraph() {
        // (pasal, ayat, huruf, angka, Indonesian, English); the last only shows the shape of an
        // ayat next to an angka, it is no real citation.
        let cases = [
            ("1", None, None, "6", "Pasal 1 angka 6", "Article 1 point 6"),
            (
                "5",
                None,
                Some("n"),
                "4",
                "Pasal 5 huruf n angka 4",
                "Article 5(n) point 4",
            ),
            (
                "2",
                Some("3"),
                None,
                "1",
                "Pasal 2 ayat (3) angka 1",
                "Article 2(3) point 1",
            ),
        ];
        let pp94 = pp94();
        for (pasal, ayat, huruf, angka, id, en) in cases {
            let mut c = cite(Some(pasal), ayat, huruf);
            c.instrument = pp94.id.clone();
            c.angka = Some(angka.into());
            assert_eq!(
                format_citation(&c, Some(&pp94), Lang::Id),
                format!("PP No. 94 Tahun 2021, {id}")
            );
            assert_eq!(
                format_citation(&c, Some(&pp94), Lang::En),
                format!("Government Regulation No. 94 of 2021, {en}")
            );
        }
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
