//! The embedded curriculum is valid and complete, and content packs are checked the same way:
//! a broken pack is refused whole, with file and line, and nothing else changes.

#[path = "harness/files.rs"]
mod files;
use files::copy_dir;

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use latih_asn::content::coverage::coverage;
use latih_asn::content::{self, ContentErrorKind, DirFiles, Form, QuestionKind};
use latih_asn::lang::Lang;

fn fixture_pack() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pack-valid"),
        dir.path(),
    );
    dir
}

#[test]
fn embedded_content_is_valid() {
    let catalog = content::load_embedded().unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let ids: Vec<_> = catalog.modules.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["asn", "pilkada", "sanksi", "antikorupsi"]);
}

#[test]
fn curriculum_meets_the_bank_requirements() {
    let catalog = content::load_embedded().unwrap();
    let mut total = 0;
    for module in &catalog.modules {
        let n = module.questions.len();
        total += n;
        assert!(
            module.lessons.len() >= 4,
            "{}: {} lessons",
            module.id,
            module.lessons.len()
        );
        assert!(n >= 25, "{}: {n} questions", module.id);
        let scenarios = module.questions.iter().filter(|q| q.scenario).count();
        assert!(
            scenarios * 10 >= n * 4,
            "{}: {scenarios} of {n} are scenarios",
            module.id
        );
        let kinds: BTreeSet<_> = module
            .questions
            .iter()
            .map(|q| format!("{:?}", q.kind))
            .collect();
        assert_eq!(kinds.len(), 3, "{}: kinds {kinds:?}", module.id);
        for form in [Form::A, Form::B] {
            let in_form = module.questions.iter().filter(|q| q.form == form).count();
            assert!(
                in_form >= 10,
                "{}: only {in_form} in form {form:?}",
                module.id
            );
        }
        for lesson in &module.lessons {
            assert!(!lesson.cites.is_empty(), "{} has no legal basis", lesson.id);
            assert!(
                lesson.minutes >= 5 && lesson.minutes <= 10,
                "{} is {} minutes",
                lesson.id,
                lesson.minutes
            );
            assert!(!lesson.key_points.id.is_empty() && !lesson.key_points.en.is_empty());
            // Every lesson is reachable from some question ("Pelajari lagi").
            assert!(
                module.questions.iter().any(|q| q.lesson == lesson.id),
                "{} untested",
                lesson.id
            );
        }
    }
    assert!(total >= 100, "{total} questions in all");
}

#[test]
fn every_question_is_cited_and_its_citation_resolves() {
    let catalog = content::load_embedded().unwrap();
    for module in &catalog.modules {
        for question in &module.questions {
            assert!(!question.cites.is_empty(), "{}", question.id);
            for cite in &question.cites {
                let instrument = catalog
                    .instrument(&cite.instrument)
                    .unwrap_or_else(|| panic!("{}", question.id));
                // Questions never rest on a repealed instrument.
                assert!(
                    instrument.replaced_by.is_none(),
                    "{} cites repealed {}",
                    question.id,
                    instrument.id
                );
            }
            assert!(module.lesson(&question.lesson).is_some());
            assert!(module.objective(&question.objective).is_some());
            // Both locales have the same number of options; true/false keeps Benar/Salah order.
            assert_eq!(
                question.text.id.options.len(),
                question.text.en.options.len()
            );
            if question.kind == QuestionKind::TrueFalse {
                assert_eq!(question.text.id.options[0].text, "Benar", "{}", question.id);
                assert_eq!(question.text.en.options[0].text, "True", "{}", question.id);
            }
        }
    }
}

/// Known traps from the fact sheet must not appear as facts in the content.
#[test]
fn content_avoids_known_wrong_facts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
    let mut text = String::new();
    for module in ["asn", "pilkada", "sanksi", "antikorupsi"] {
        for sub in ["", "id/", "en/"] {
            for entry in fs::read_dir(root.join(module).join(sub)).unwrap() {
                let path = entry.unwrap().path();
                if path.is_file() {
                    text.push_str(&fs::read_to_string(path).unwrap());
                }
            }
        }
    }
    // Wrong facts may be named only to warn against them ("Jangan mengutip ..."); the wrong date
    // of the Lampung article never appears as the briefing's date.
    assert!(
        !text.contains("Jumat, 6 Agustus 2024 di"),
        "the Lampung briefing was on 6 September 2024"
    );
    assert!(text.contains("6 September 2024"));
    // Citations that the fact sheet marks as wrong or unverified.
    let catalog = content::load_embedded().unwrap();
    let lessons = catalog
        .modules
        .iter()
        .flat_map(|m| m.lessons.iter().flat_map(|l| l.cites.iter()));
    let questions = catalog
        .modules
        .iter()
        .flat_map(|m| m.questions.iter().flat_map(|q| q.cites.iter()));
    for cite in lessons.chain(questions) {
        let key = cite.article_key();
        for wrong in [
            "pp-94-2021 pasal 14 huruf l ",
            "uu-tipikor pasal 12C ayat 3 ",
            "uu-20-2023 pasal 2 ",
            "uu-20-2023 pasal 56 ",
            "uu-20-2023 pasal 59 ",
            "uu-20-2023 pasal 1 ",
            "uu-10-2016 pasal 69 ",
        ] {
            assert!(
                !format!("{key} ").starts_with(wrong),
                "unverified citation {key}"
            );
        }
    }
}

/// An *angka* is a numbered point, not a paragraph: every citation with one reads "point N" in
/// English (never "Article 1(6)", which is paragraph 6), and the English texts name articles the
/// same way the citations render them ("Article 5(n) point 2", not "Article 5 letter n" or
/// "Article 1 number 6").
#[test]
fn english_names_an_angka_as_a_point() {
    let catalog = content::load_embedded().unwrap();
    let mut with_angka = 0;
    for module in &catalog.modules {
        let lessons = module.lessons.iter().map(|l| (&l.id, &l.cites));
        let questions = module.questions.iter().map(|q| (&q.id, &q.cites));
        for (owner, cites) in lessons.chain(questions) {
            for cite in cites.iter().filter(|c| c.angka.is_some()) {
                with_angka += 1;
                let angka = cite.angka.as_deref().unwrap();
                let instrument = catalog.instrument(&cite.instrument);
                let en = content::format_citation(cite, instrument, Lang::En);
                let id = content::format_citation(cite, instrument, Lang::Id);
                assert!(en.ends_with(&format!(" point {angka}")), "{owner}: {en}");
                assert!(!en.contains(&format!("({angka})")), "{owner}: {en}");
                assert!(id.ends_with(&format!(" angka {angka}")), "{owner}: {id}");
            }
        }
    }
    // The pool has them (PP 94/2021 Pasal 1 angka 6, Pasal 5 huruf n angka 1 to 7, ...).
    assert!(with_angka >= 20, "{with_angka} citations with an angka");

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
    for module in ["asn", "pilkada", "sanksi", "antikorupsi"] {
        for entry in fs::read_dir(root.join(module).join("en")).unwrap() {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            for (at, _) in text.match_indices("Article ") {
                let words: Vec<&str> = text[at..].split_whitespace().take(3).collect();
                assert!(
                    !matches!(words.get(2), Some(&"number" | &"letter")),
                    "{}: \"{}\"",
                    path.display(),
                    words.join(" ")
                );
            }
        }
    }
}

/// "PPK" has one expansion in each language (*Pejabat Pembina Kepegawaian*, in English the
/// Personnel Development Official), and the first lesson explains it in a glossary.
#[test]
fn ppk_has_one_name_and_the_glossary_explains_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
    let mut named = 0;
    for (lang, name, heading) in [
        ("id", "Pejabat Pembina Kepegawaian", "## Daftar istilah"),
        ("en", "Personnel Development Official", "## Glossary"),
    ] {
        for module in ["asn", "pilkada", "sanksi", "antikorupsi"] {
            for entry in fs::read_dir(root.join(module).join(lang)).unwrap() {
                let path = entry.unwrap().path();
                let text = fs::read_to_string(&path).unwrap();
                assert!(!text.contains("Supervisory Official"), "{}", path.display());
                for (at, _) in text.match_indices("(PPK") {
                    named += 1;
                    let before = text[..at].trim_end_matches([' ', '*']);
                    assert!(
                        before.ends_with(name),
                        "{}: \"{}(PPK\"",
                        path.display(),
                        before
                            .char_indices()
                            .rev()
                            .nth(39)
                            .map_or(before, |(i, _)| &before[i..])
                    );
                }
            }
        }
        let first = fs::read_to_string(root.join(format!("asn/{lang}/asn-l1.md"))).unwrap();
        let glossary = &first[first.find(heading).expect("asn-l1 has a glossary")..];
        assert!(
            glossary.contains("**PPK**") && glossary.contains(name),
            "{lang}"
        );
        assert!(glossary.contains("Pejabat Pembina Kepegawaian"), "{lang}");
    }
    assert!(named >= 10, "{named}");
}

/// The two news articles are paraphrased: their sentences appear only inside quotation marks,
/// and a lesson quotes at most one sentence. The phrases are the articles' own words that the
/// content once used without quotation marks (or that it quotes).
#[test]
fn news_is_paraphrased_and_quoted_at_most_once() {
    const ARTICLE_WORDS: &[&str] = &[
        "berdiri di atas semua kepentingan politik",
        "bukan hanya kewajiban hukum, tetapi juga amanah moral",
        "memastikan pelayanan publik bebas dari intervensi politik",
        "meningkatkan kesadaran tentang bahaya korupsi",
        "merupakan refleksi atas penyelenggaraan Pemilu",
        "dengan memegang teguh integritas",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
    for module in ["asn", "pilkada", "sanksi", "antikorupsi"] {
        for entry in fs::read_dir(root.join(module).join("id")).unwrap() {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            // What stands outside “…”.
            let unquoted: String = text
                .split('“')
                .map(|part| part.split_once('”').map_or(part, |(_, after)| after))
                .collect();
            let unquoted = unquoted.to_lowercase();
            for words in ARTICLE_WORDS {
                assert!(
                    !unquoted.contains(&words.to_lowercase()),
                    "{} uses the article's words without quotation marks: {words}",
                    path.display()
                );
            }
        }
        for lang in ["id", "en"] {
            for entry in fs::read_dir(root.join(module).join(lang)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "md") {
                    let text = fs::read_to_string(&path).unwrap();
                    let quotes = text.lines().filter(|l| l.starts_with('>')).count();
                    assert!(quotes <= 1, "{}: {quotes} quotations", path.display());
                }
            }
        }
    }
}

/// UU 20/2023 names the BerAKHLAK values; what *Akuntabel* means comes from their elaboration in
/// the code of ethics and code of conduct. A question that gives that meaning says so in its
/// explanation, and no text attributes the meaning to the Law itself.
#[test]
fn the_meaning_of_a_core_value_is_attributed_to_the_code_of_ethics() {
    let catalog = content::load_embedded().unwrap();
    let mut found = 0;
    for (lang, meaning, source) in [
        (
            Lang::Id,
            "menyalahgunakan kewenangan jabatan",
            "kode etik dan kode perilaku",
        ),
        (
            Lang::En,
            "abusing the authority",
            "code of ethics and code of conduct",
        ),
    ] {
        for question in catalog.modules.iter().flat_map(|m| &m.questions) {
            let text = question.text.get(lang);
            let all = std::iter::once(&text.stem)
                .chain(text.options.iter().flat_map(|o| [&o.text, &o.why]))
                .chain(std::iter::once(&text.explanation));
            if all.into_iter().any(|t| t.contains(meaning)) {
                found += 1;
                assert!(text.explanation.contains(source), "{}", question.id);
            }
        }
    }
    assert!(found >= 2, "{found}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
    for wrong in [
        "Menurut UU No. 20 Tahun 2023, nilai Akuntabel",
        "Under Law No. 20 of 2023, the value Accountable",
        "Akuntabel** dalam UU No. 20 Tahun 2023 mencakup",
        "Accountable** in Law No. 20 of 2023 includes",
    ] {
        for module in ["asn", "antikorupsi"] {
            for lang in ["id", "en"] {
                for entry in fs::read_dir(root.join(module).join(lang)).unwrap() {
                    let path = entry.unwrap().path();
                    let text = fs::read_to_string(&path).unwrap();
                    assert!(!text.contains(wrong), "{}: {wrong}", path.display());
                }
            }
        }
    }
}

/// The Radar Lampung article on Samsudin's briefing gives only the number of his four neutrality
/// indicators; what they are was reported by Lampung Post. Every lesson or question that speaks of
/// the indicators cites that report.
#[test]
fn the_four_indicators_cite_the_report_that_lists_them() {
    let catalog = content::load_embedded().unwrap();
    let lists_them = |cites: &[content::Citation]| {
        cites
            .iter()
            .any(|c| c.instrument == "news-lampost-samsudin-2024")
    };
    let mut found = 0;
    for module in &catalog.modules {
        for lesson in &module.lessons {
            if lesson.body.id.to_lowercase().contains("indikator") {
                found += 1;
                assert!(lists_them(&lesson.cites), "{}", lesson.id);
            }
        }
        for question in &module.questions {
            let text = &question.text.id;
            let all = std::iter::once(&text.stem)
                .chain(text.options.iter().map(|o| &o.text))
                .chain(std::iter::once(&text.explanation));
            if all
                .into_iter()
                .any(|t| t.to_lowercase().contains("indikator"))
            {
                found += 1;
                assert!(lists_them(&question.cites), "{}", question.id);
            }
        }
    }
    assert!(found >= 3, "{found}");
}

/// PP 94/2021 forbids "ikut kampanye" (the SKB "ikut kegiatan kampanye") while the Home Affairs
/// Minister and Bawaslu allow passive attendance: every lesson that teaches the ban also explains
/// passive attendance and cites the Minister's statement, and the two Pilkada lessons point at
/// each other.
#[test]
fn the_ban_on_taking_part_in_a_campaign_is_read_with_passive_attendance() {
    let catalog = content::load_embedded().unwrap();
    let mut found = 0;
    for lesson in catalog.modules.iter().flat_map(|m| &m.lessons) {
        let text = lesson.body.id.to_lowercase();
        if text.contains("ikut kampanye") || text.contains("ikut kegiatan kampanye") {
            found += 1;
            assert!(lesson.body.id.contains("pasif"), "{} (id)", lesson.id);
            assert!(lesson.body.en.contains("passive"), "{} (en)", lesson.id);
            assert!(
                lesson
                    .cites
                    .iter()
                    .any(|c| c.instrument == "news-mendagri-kampanye-2024"),
                "{}",
                lesson.id
            );
        }
    }
    assert!(found >= 3, "{found}");
    let pilkada = catalog.module("pilkada").unwrap();
    let body = |id: &str| &pilkada.lesson(id).unwrap().body;
    assert!(body("pilkada-l3").id.contains("**Pelajaran 4**"));
    assert!(body("pilkada-l3").en.contains("**Lesson 4**"));
    assert!(body("pilkada-l4").id.contains("**pelajaran 3**"));
    assert!(body("pilkada-l4").en.contains("**lesson 3**"));
}

#[test]
fn coverage_lists_articles_and_objectives() {
    let catalog = content::load_embedded().unwrap();
    let report = coverage(&catalog, Lang::Id);
    assert_eq!(
        report.questions,
        catalog
            .modules
            .iter()
            .map(|m| m.questions.len())
            .sum::<usize>()
    );
    let counted: usize = report.articles.iter().map(|a| a.questions.len()).sum();
    let cites: usize = catalog
        .modules
        .iter()
        .flat_map(|m| &m.questions)
        .map(|q| q.cites.len())
        .sum();
    assert_eq!(counted, cites);
    let neutrality = report
        .articles
        .iter()
        .find(|a| a.citation == "UU No. 20 Tahun 2023, Pasal 24 ayat (1) huruf d")
        .expect("the neutrality duty is tested");
    assert!(neutrality.questions.len() >= 3);
    for row in &report.objectives {
        assert!(
            !row.form_a.is_empty() && !row.form_b.is_empty(),
            "{} {}",
            row.module,
            row.objective
        );
    }
}

#[test]
fn a_valid_pack_adds_its_module() {
    let pack = fixture_pack();
    let data = tempfile::tempdir().unwrap();
    copy_dir(pack.path(), &data.path().join("packs/daerah"));
    let (catalog, refused) = content::load_with_packs(&data.path().join("packs")).unwrap();
    assert!(refused.is_empty(), "{refused:?}");
    let module = catalog.module("lokal").expect("pack module loaded");
    assert_eq!(module.pack.as_deref(), Some("daerah"));
    assert_eq!(catalog.modules.len(), 5);
    assert_eq!(catalog.modules.last().unwrap().id, "lokal");
}

fn refusal(mutate: impl FnOnce(&Path)) -> Vec<content::ContentError> {
    let pack = fixture_pack();
    mutate(&pack.path().join("lokal"));
    let base = content::load_embedded().unwrap();
    let errors = content::add_pack(&base, &DirFiles::new(pack.path()), "daerah").unwrap_err();
    assert!(!errors.is_empty());
    errors
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn syntax_error_is_reported_with_file_and_line() {
    let errors =
        refusal(|dir| replace_in(&dir.join("questions.ron"), "kind: Single,", "kind: Single"));
    let error = &errors[0];
    assert_eq!(error.file, "lokal/questions.ron");
    assert_eq!(error.line, Some(17));
    assert!(matches!(error.kind, ContentErrorKind::Syntax(_)));
    // The message is in the user's language.
    assert!(
        error
            .message(Lang::Id)
            .starts_with("lokal/questions.ron:17: kesalahan penulisan RON")
    );
}

#[test]
fn broken_references_and_keys_are_refused() {
    let errors = refusal(|dir| {
        replace_in(
            &dir.join("questions.ron"),
            "lesson: \"lokal-l1\",",
            "lesson: \"lokal-l9\",",
        );
    });
    assert!(errors.iter().any(|e| matches!(&e.kind, ContentErrorKind::UnknownReference { reference, .. } if reference == "lokal-l9")));
    assert_eq!(errors[0].line, Some(5));

    let errors =
        refusal(|dir| replace_in(&dir.join("questions.ron"), "correct: [1],", "correct: [3],"));
    assert!(
        errors
            .iter()
            .any(|e| matches!(e.kind, ContentErrorKind::AnswerKey { .. }))
    );

    let errors = refusal(|dir| {
        replace_in(
            &dir.join("questions.ron"),
            "correct: [0],",
            "correct: [0, 1],",
        );
    });
    assert!(
        errors
            .iter()
            .any(|e| matches!(e.kind, ContentErrorKind::AnswerKey { .. }))
    );

    let errors = refusal(|dir| {
        replace_in(
            &dir.join("questions.ron"),
            "id: \"lokal-q02\"",
            "id: \"lokal-q01\"",
        );
    });
    assert!(
        errors
            .iter()
            .any(|e| matches!(&e.kind, ContentErrorKind::DuplicateId(id) if id == "lokal-q01"))
    );

    let errors = refusal(|dir| {
        replace_in(
            &dir.join("questions.ron"),
            "form: B,\n            scenario: true,\n            cites: [(instrument: \"uu-20-2023\", pasal: Some(\"24\"), ayat: Some(\"1\"), huruf: Some(\"d\"))],",
            "form: B,\n            scenario: true,\n            cites: [],",
        );
    });
    assert!(
        errors
            .iter()
            .any(|e| matches!(&e.kind, ContentErrorKind::NoCitation(id) if id == "lokal-q02"))
    );

    let errors = refusal(|dir| {
        replace_in(
            &dir.join("questions.ron"),
            "instrument: \"uu-20-2023\"",
            "instrument: \"uu-99-2099\"",
        );
    });
    assert!(errors.iter().any(|e| matches!(&e.kind, ContentErrorKind::UnknownReference { reference, .. } if reference == "uu-99-2099")));
}

#[test]
fn missing_or_extra_translation_is_refused() {
    let errors = refusal(|dir| {
        let path = dir.join("en/questions.ron");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("\"lokal-q02\"", "\"lokal-q99\"")).unwrap();
    });
    let kinds: HashMap<_, _> = errors
        .iter()
        .map(|e| (format!("{:?}", std::mem::discriminant(&e.kind)), e))
        .collect();
    assert!(errors.iter().any(|e| matches!(&e.kind, ContentErrorKind::MissingTranslation { id, lang: "en" } if id == "lokal-q02")));
    assert!(errors.iter().any(|e| matches!(&e.kind, ContentErrorKind::ExtraTranslation { id, lang: "en" } if id == "lokal-q99")));
    assert!(kinds.len() >= 2);

    let errors = refusal(|dir| fs::remove_file(dir.join("id/lokal-l1.md")).unwrap());
    assert!(
        errors
            .iter()
            .any(|e| e.file == "lokal/id/lokal-l1.md" && e.kind == ContentErrorKind::MissingFile)
    );
}

#[test]
fn parallel_forms_must_cover_every_objective() {
    let errors = refusal(|dir| replace_in(&dir.join("questions.ron"), "form: B,", "form: A,"));
    assert!(
        errors
            .iter()
            .any(|e| matches!(&e.kind, ContentErrorKind::FormGap { form: "B", .. }))
    );
}

/// A question's review lesson ("Pelajari lagi") must cite one of the articles the question
/// cites: the same instrument and article, the parts below it not differing. A question that
/// sends the learner to a lesson about something else is refused, with its file and line.
#[test]
fn a_review_lesson_that_teaches_none_of_the_cited_articles_is_refused() {
    // lokal-l1 teaches Pasal 24 ayat (1) huruf d; lokal-q02 now tests Pasal 9 ayat (2) only.
    let to_pasal_9 = |dir: &Path| {
        replace_in(
            &dir.join("questions.ron"),
            "form: B,\n            scenario: true,\n            cites: [(instrument: \"uu-20-2023\", pasal: Some(\"24\"), ayat: Some(\"1\"), huruf: Some(\"d\"))],",
            "form: B,\n            scenario: true,\n            cites: [(instrument: \"uu-20-2023\", pasal: Some(\"9\"), ayat: Some(\"2\"))],",
        );
    };
    let errors = refusal(to_pasal_9);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(error.file, "lokal/questions.ron");
    assert_eq!(error.line, Some(15));
    assert_eq!(
        error.kind,
        ContentErrorKind::ReviewLessonMismatch {
            id: "lokal-q02".into(),
            lesson: "lokal-l1".into(),
        }
    );
    assert!(error.message(Lang::Id).contains("lokal-q02"));
    assert!(
        error
            .message(Lang::En)
            .contains("cites none of the articles")
    );

    // Another part of the same article is not taught either: ayat (1) huruf a is not huruf d.
    let errors = refusal(|dir| {
        replace_in(
            &dir.join("module.ron"),
            "huruf: Some(\"d\")",
            "huruf: Some(\"a\")",
        );
    });
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .all(|e| matches!(e.kind, ContentErrorKind::ReviewLessonMismatch { .. }))
    );

    // The law alone is not enough for a question that cites one of its articles.
    let errors = refusal(|dir| {
        to_pasal_9(dir);
        replace_in(
            &dir.join("module.ron"),
            "cites: [(instrument",
            "cites: [(instrument: \"uu-20-2023\"), (instrument",
        );
        replace_in(
            &dir.join("questions.ron"),
            "cites: [(instrument: \"uu-20-2023\", pasal: Some(\"9\")",
            "cites: [(instrument: \"uu-20-2023\"), (instrument: \"uu-20-2023\", pasal: Some(\"9\")",
        );
    });
    assert!(errors.iter().any(|e| matches!(&e.kind, ContentErrorKind::ReviewLessonMismatch { id, .. } if id == "lokal-q02")));

    // The whole article taught covers a question on one of its parts.
    let pack = fixture_pack();
    replace_in(
        &pack.path().join("lokal/module.ron"),
        ", ayat: Some(\"1\"), huruf: Some(\"d\")",
        "",
    );
    let base = content::load_embedded().unwrap();
    assert!(content::add_pack(&base, &DirFiles::new(pack.path()), "daerah").is_ok());
}

#[test]
fn a_broken_pack_is_refused_and_the_rest_loads() {
    let data = tempfile::tempdir().unwrap();
    let good = fixture_pack();
    copy_dir(good.path(), &data.path().join("packs/a-good"));
    let bad = fixture_pack();
    replace_in(
        &bad.path().join("lokal/questions.ron"),
        "version: 1",
        "version: 7",
    );
    // The broken copy also reuses the module id; it must not replace the good one.
    copy_dir(bad.path(), &data.path().join("packs/b-bad"));
    let (catalog, refused) = content::load_with_packs(&data.path().join("packs")).unwrap();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].name, "b-bad");
    assert!(
        refused[0]
            .errors
            .iter()
            .any(|e| e.kind == ContentErrorKind::Version(7))
    );
    assert_eq!(
        catalog.module("lokal").unwrap().pack.as_deref(),
        Some("a-good")
    );
    assert_eq!(catalog.modules.len(), 5);
}

#[test]
fn a_pack_cannot_replace_an_embedded_module() {
    let errors = refusal(|dir| {
        replace_in(&dir.join("module.ron"), "id: \"lokal\"", "id: \"asn\"");
    });
    assert!(!errors.is_empty());
}

#[test]
fn questions_citing_a_replaced_instrument_are_flagged() {
    let pack = fixture_pack();
    let dir = pack.path().join("lokal");
    let questions = dir.join("questions.ron");
    let text = fs::read_to_string(&questions).unwrap();
    fs::write(
        &questions,
        text.replacen("instrument: \"uu-20-2023\"", "instrument: \"uu-5-2014\"", 2),
    )
    .unwrap();
    // The review lesson cites the same article, so that it still teaches what they cite.
    replace_in(
        &dir.join("module.ron"),
        "instrument: \"uu-20-2023\"",
        "instrument: \"uu-5-2014\"",
    );
    let base = content::load_embedded().unwrap();
    let merged = content::add_pack(&base, &DirFiles::new(pack.path()), "daerah").unwrap();
    assert!(
        merged.warnings.iter().any(
            |w| matches!(w, content::Warning::CitesReplaced { item, .. } if item == "lokal-q01")
        )
    );
    let report = coverage(&merged, Lang::Id);
    assert!(
        report
            .articles
            .iter()
            .any(|a| a.needs_review && a.questions.contains(&"lokal-q01".to_owned()))
    );
}

#[test]
fn embedded_modules_declare_the_jp_their_minutes_give_rounded_up() {
    let catalog = content::load_embedded().unwrap();
    let expected = [
        ("asn", 50),
        ("pilkada", 47),
        ("sanksi", 54),
        ("antikorupsi", 56),
    ];
    for (id, minutes) in expected {
        let module = catalog.module(id).unwrap();
        assert_eq!(module.study_minutes(), minutes, "{id}");
        assert!(module.jp_declared, "{id} writes its jp");
        assert_eq!(module.jp(), content::jp_for(minutes), "{id}");
        assert_eq!(module.jp(), 2, "{id}");
    }
    assert!(
        !catalog
            .warnings
            .iter()
            .any(|w| matches!(w, content::Warning::JpComputed { .. }))
    );
}

#[test]
fn a_pack_made_before_jp_loads_with_a_computed_jp_and_a_warning() {
    let pack = fixture_pack();
    let base = content::load_embedded().unwrap();
    let merged = content::add_pack(&base, &DirFiles::new(pack.path()), "daerah").unwrap();
    let module = merged.module("lokal").unwrap();
    // One 5-minute lesson and quiz_size 2: 5 + 2 × 2 = 9 minutes, rounded up to 1 JP.
    assert_eq!(module.study_minutes(), 9);
    assert_eq!(module.jp(), 1);
    assert!(!module.jp_declared);
    let warning = merged
        .warnings
        .iter()
        .find(|w| matches!(w, content::Warning::JpComputed { module, jp: 1, minutes: 9 } if module == "lokal"))
        .expect("a warning names the computed JP");
    // Nine minutes are too few to declare any JP: the warning says to add study time.
    assert!(warning.message(Lang::En).contains("Add lesson time"));
    assert!(warning.message(Lang::Id).contains("Tambah waktu materi"));
    let long = content::Warning::JpComputed {
        module: "lokal".into(),
        jp: 2,
        minutes: 64,
    };
    assert!(
        long.message(Lang::En)
            .contains("jp: 2 (at most 2 for these minutes)")
    );
}

#[test]
fn a_declared_jp_is_a_whole_number_in_range_that_the_minutes_justify() {
    let with_jp = |jp: &str, minutes: &str| {
        refusal(|dir| {
            let path = dir.join("module.ron");
            replace_in(
                &path,
                "quiz_size: 2,",
                &format!("quiz_size: 2,\n    jp: {jp},"),
            );
            replace_in(&path, "minutes: 5,", &format!("minutes: {minutes},"));
        })
    };
    for jp in ["0", "41"] {
        let errors = with_jp(jp, "60");
        assert!(
            errors.iter().any(|e| e.file == "lokal/module.ron"
                && e.line == Some(7)
                && matches!(
                    e.kind,
                    ContentErrorKind::OutOfRange {
                        field: content::Field::Jp,
                        min: 1,
                        max: 40,
                        ..
                    }
                )),
            "{jp}: {errors:?}"
        );
    }
    // 60 lesson minutes + 4 quiz minutes = 64: at most 2 JP (2 × 45 ≤ 128 < 3 × 45).
    let errors = with_jp("3", "60");
    assert!(
        errors.iter().any(|e| matches!(
            e.kind,
            ContentErrorKind::JpTooHigh {
                jp: 3,
                minutes: 64,
                max: 2,
                ..
            }
        )),
        "{errors:?}"
    );
    assert!(errors[0].message(Lang::Id).contains("paling banyak 2 JP"));
    // A 9-minute module can declare none at all.
    let errors = with_jp("1", "5");
    assert!(
        errors
            .iter()
            .any(|e| matches!(e.kind, ContentErrorKind::JpTooHigh { max: 0, .. }))
    );
    // Not a whole number: refused as RON that does not fit.
    let errors = with_jp("1.5", "60");
    assert!(
        matches!(errors[0].kind, ContentErrorKind::Syntax(_)),
        "{errors:?}"
    );

    // Within the limit it loads, with no warning.
    let pack = fixture_pack();
    let path = pack.path().join("lokal/module.ron");
    replace_in(&path, "quiz_size: 2,", "quiz_size: 2,\n    jp: 2,");
    replace_in(&path, "minutes: 5,", "minutes: 60,");
    let base = content::load_embedded().unwrap();
    let merged = content::add_pack(&base, &DirFiles::new(pack.path()), "daerah").unwrap();
    assert_eq!(merged.module("lokal").unwrap().jp(), 2);
    assert!(merged.warnings.is_empty(), "{:?}", merged.warnings);
}
