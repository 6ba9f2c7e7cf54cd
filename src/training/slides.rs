//! The trainer's slides: the content of the session's modules cut into one idea per slide, for
//! presenter mode on the projector. Pure: every string is already translated, so the screen
//! only lays them out.

use crate::content::{Catalog, Module, Sources, sources};
use crate::i18n;
use crate::lang::Lang;

/// What a slide is, which decides how it is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlideKind {
    /// A module's title and summary.
    Module,
    /// A lesson's title and its legal basis.
    Lesson,
    /// One key point of a lesson.
    Point,
    /// The end of the deck.
    Closing,
}

/// One slide, in the language it was built for.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    pub kind: SlideKind,
    /// Small line above the text: where the slide stands ("Modul 1 dari 4", the lesson's title).
    pub label: String,
    /// The big text: a module or lesson title, or the key point itself.
    pub heading: String,
    /// Paragraphs under the heading (a module's summary, the closing words).
    pub body: Vec<String>,
    /// What the slide rests on, laws apart from news: the body of a lesson slide, the small
    /// print at the bottom of a key point.
    pub sources: Vec<Sources>,
}

/// The deck for the modules with these ids, in this order (ids not in the catalog are
/// skipped): per module a title slide, per lesson a slide with its legal basis and one slide
/// per key point, and a closing slide.
pub fn slides(catalog: &Catalog, modules: &[String], lang: Lang) -> Vec<Slide> {
    let modules: Vec<&Module> = modules.iter().filter_map(|id| catalog.module(id)).collect();
    let mut deck = Vec::new();
    for (m, module) in modules.iter().enumerate() {
        deck.push(Slide {
            kind: SlideKind::Module,
            label: i18n::tr_args(
                lang,
                "projector-module-label",
                &[
                    ("n", &(m + 1).to_string()),
                    ("total", &modules.len().to_string()),
                ],
            ),
            heading: module.title.get(lang).clone(),
            body: vec![module.summary.get(lang).clone()],
            sources: Vec::new(),
        });
        let module_title = module.title.get(lang);
        for (l, lesson) in module.lessons.iter().enumerate() {
            let title = lesson.title.get(lang);
            let sources = sources(catalog, &lesson.cites, lang);
            deck.push(Slide {
                kind: SlideKind::Lesson,
                label: i18n::tr_args(
                    lang,
                    "projector-lesson-label",
                    &[
                        ("module", module_title),
                        ("n", &(l + 1).to_string()),
                        ("total", &module.lessons.len().to_string()),
                    ],
                ),
                heading: title.clone(),
                body: Vec::new(),
                sources: sources.clone(),
            });
            let points = lesson.key_points.get(lang);
            for (p, point) in points.iter().enumerate() {
                deck.push(Slide {
                    kind: SlideKind::Point,
                    label: i18n::tr_args(
                        lang,
                        "projector-point-label",
                        &[
                            ("lesson", title),
                            ("n", &(p + 1).to_string()),
                            ("total", &points.len().to_string()),
                        ],
                    ),
                    heading: point.clone(),
                    body: Vec::new(),
                    sources: sources.clone(),
                });
            }
        }
    }
    deck.push(Slide {
        kind: SlideKind::Closing,
        label: i18n::tr(lang, "projector-closing-label"),
        heading: i18n::tr(lang, "projector-closing-heading"),
        body: vec![i18n::tr(lang, "projector-closing-body")],
        sources: Vec::new(),
    });
    deck
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{
        Citation, InstrumentKind, format_article, instrument_name, load_embedded,
    };

    fn catalog() -> Catalog {
        load_embedded().expect("embedded content loads")
    }

    fn all_ids(catalog: &Catalog) -> Vec<String> {
        catalog.modules.iter().map(|m| m.id.clone()).collect()
    }

    #[test]
    fn one_title_per_module_one_slide_per_lesson_and_key_point_and_a_closing_slide() {
        let catalog = catalog();
        for lang in Lang::ALL {
            for module in &catalog.modules {
                let deck = slides(&catalog, std::slice::from_ref(&module.id), lang);
                let expected = 1
                    + module
                        .lessons
                        .iter()
                        .map(|lesson| 1 + lesson.key_points.get(lang).len())
                        .sum::<usize>()
                    + 1;
                assert_eq!(deck.len(), expected, "{} in {lang:?}", module.id);
                assert_eq!(deck[0].kind, SlideKind::Module);
                assert_eq!(deck[0].heading, *module.title.get(lang));
                assert_eq!(deck.last().map(|s| s.kind), Some(SlideKind::Closing));
                let lessons = deck.iter().filter(|s| s.kind == SlideKind::Lesson).count();
                assert_eq!(lessons, module.lessons.len());
            }
            let whole = slides(&catalog, &all_ids(&catalog), lang);
            let modules = whole.iter().filter(|s| s.kind == SlideKind::Module).count();
            assert_eq!(modules, catalog.modules.len());
            assert_eq!(
                whole
                    .iter()
                    .filter(|s| s.kind == SlideKind::Closing)
                    .count(),
                1
            );
        }
    }

    #[test]
    fn modules_come_in_the_order_asked_and_unknown_ids_are_skipped() {
        let catalog = catalog();
        let ids = vec![
            "antikorupsi".to_owned(),
            "no-such-module".to_owned(),
            "asn".to_owned(),
        ];
        let deck = slides(&catalog, &ids, Lang::Id);
        let titles: Vec<&str> = deck
            .iter()
            .filter(|s| s.kind == SlideKind::Module)
            .map(|s| s.heading.as_str())
            .collect();
        let expected: Vec<&str> = ["antikorupsi", "asn"]
            .iter()
            .map(|id| catalog.module(id).unwrap().title.id.as_str())
            .collect();
        assert_eq!(titles, expected);
        assert_eq!(deck[0].label, "Modul 1 dari 2");
    }

    #[test]
    fn no_slide_has_an_empty_text_and_every_lesson_slide_names_its_basis() {
        let catalog = catalog();
        for lang in Lang::ALL {
            for slide in slides(&catalog, &all_ids(&catalog), lang) {
                assert!(!slide.label.trim().is_empty(), "{slide:?}");
                assert!(!slide.heading.trim().is_empty(), "{slide:?}");
                assert!(slide.body.iter().all(|p| !p.trim().is_empty()), "{slide:?}");
                for group in &slide.sources {
                    assert!(!group.caption.is_empty() && !group.items.is_empty());
                    assert!(group.items.iter().all(|i| !i.trim().is_empty()));
                }
                // No Fluent key leaks through as text.
                for text in [&slide.label, &slide.heading] {
                    assert!(!text.starts_with("projector-"), "{text}");
                }
                if matches!(slide.kind, SlideKind::Lesson | SlideKind::Point) {
                    assert!(!slide.sources.is_empty(), "{slide:?}");
                }
            }
        }
    }

    #[test]
    fn news_is_attributed_as_a_source_and_never_as_legal_basis() {
        let catalog = catalog();
        // Pilkada lesson 2 cites the Radar Lampung articles and one article of law.
        let deck = slides(&catalog, &["pilkada".to_owned()], Lang::Id);
        let lesson = deck
            .iter()
            .find(|s| s.kind == SlideKind::Lesson && s.heading.contains("Lampung"))
            .expect("the Lampung lesson");
        let [law, news] = lesson.sources.as_slice() else {
            panic!("laws and news apart: {:?}", lesson.sources)
        };
        assert_eq!(law.kind, InstrumentKind::Law);
        assert_eq!(law.caption, "Dasar hukum");
        assert_eq!(news.kind, InstrumentKind::News);
        assert_eq!(news.caption, "Sumber");
        assert!(news.line().starts_with("Sumber: Radar Lampung"));
        assert!(news.items.iter().any(|i| i.contains("Mesuji")));
        for slide in &deck {
            for group in &slide.sources {
                let news = group.items.iter().any(|i| i.contains("Radar Lampung"));
                assert!(!news || group.kind == InstrumentKind::News, "{group:?}");
            }
        }
        let en = slides(&catalog, &["pilkada".to_owned()], Lang::En);
        let lesson = en
            .iter()
            .find(|s| s.kind == SlideKind::Lesson && s.heading.contains("Lampung"))
            .expect("the Lampung lesson");
        assert_eq!(lesson.sources[0].caption, "Legal basis");
        assert_eq!(lesson.sources[1].caption, "Source");
    }

    #[test]
    fn articles_of_one_law_share_one_item() {
        let catalog = catalog();
        let cite = |instrument: &str, pasal: Option<&str>, ayat: Option<&str>| Citation {
            instrument: instrument.into(),
            pasal: pasal.map(Into::into),
            ayat: ayat.map(Into::into),
            huruf: None,
            angka: None,
            penjelasan: false,
        };
        let cites = [
            cite("uu-20-2023", Some("9"), Some("2")),
            cite("pkpu-2-2024", None, None),
            cite("uu-20-2023", Some("24"), Some("1")),
            cite("news-radar-lampung-mesuji-2024", None, None),
            cite("uu-20-2023", Some("9"), Some("2")),
        ];
        let groups = sources(&catalog, &cites, Lang::Id);
        assert_eq!(
            groups[0].line(),
            "Dasar hukum: UU No. 20 Tahun 2023, Pasal 9 ayat (2), Pasal 24 ayat (1); \
             PKPU No. 2 Tahun 2024"
        );
        assert_eq!(
            groups[1].line(),
            "Sumber: Radar Lampung, sosialisasi di Mesuji (2024)"
        );
        let en = sources(&catalog, &cites, Lang::En);
        assert_eq!(
            en[0].items[0],
            "Law No. 20 of 2023, Article 9(2), Article 24(1)"
        );
    }

    #[test]
    fn a_key_point_slide_carries_the_point_its_lesson_and_its_citations() {
        let catalog = catalog();
        let module = catalog.module("asn").unwrap();
        let lesson = &module.lessons[0];
        for lang in Lang::ALL {
            let deck = slides(&catalog, &["asn".to_owned()], lang);
            // Module title, lesson 1, then its first key point.
            let point = &deck[2];
            assert_eq!(point.kind, SlideKind::Point);
            assert_eq!(point.heading, lesson.key_points.get(lang)[0]);
            assert!(point.label.contains(lesson.title.get(lang).as_str()));
            // The lesson's first citation leads its legal basis: the law, then the article.
            let cite = &lesson.cites[0];
            let name = instrument_name(cite, catalog.instrument(&cite.instrument), lang);
            let first = &point.sources[0].items[0];
            assert!(first.starts_with(&name), "{first}");
            if let Some(article) = format_article(cite, lang) {
                assert!(first.contains(&article), "{first}");
            }
        }
        let deck = slides(&catalog, &["asn".to_owned()], Lang::En);
        assert!(deck[2].label.contains("point 1 of"), "{}", deck[2].label);
        assert_eq!(deck.last().unwrap().heading, "Thank you");
    }
}
