//! Both languages define exactly the same UI keys, parse cleanly, and every key the code uses
//! exists.

use std::collections::BTreeSet;
use std::path::Path;

use latih_asn::i18n;
use latih_asn::lang::Lang;

/// Strings in the code that look like keys but are ids of other things.
const NOT_KEYS: &[&str] = &[
    "latih-asn",
    "latih-asn-data",
    "penyelesaian-unit",
    "penyelesaian-pegawai",
    // File names of the session documents (src/training/documents.rs).
    "daftar-hadir",
    "laporan-sesi",
    "laporan-sesi-peserta",
    "laporan-sesi-butir-soal",
];

fn literals_in(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            literals_in(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            // Unit tests may use content ids ("asn-l1"); keys are looked up outside tests.
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for literal in code.split('"').skip(1).step_by(2) {
                let looks_like_key = literal.contains('-')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && literal.starts_with(|c: char| c.is_ascii_lowercase());
                if looks_like_key && !NOT_KEYS.contains(&literal) {
                    found.insert(literal.to_owned());
                }
            }
        }
    }
}

#[test]
fn both_languages_have_the_same_keys() {
    let id = i18n::keys(Lang::Id);
    let en = i18n::keys(Lang::En);
    assert!(id.len() > 50, "suspiciously few keys: {}", id.len());
    let missing_en: Vec<_> = id.difference(&en).collect();
    let missing_id: Vec<_> = en.difference(&id).collect();
    assert!(
        missing_en.is_empty(),
        "keys missing from locales/en: {missing_en:?}"
    );
    assert!(
        missing_id.is_empty(),
        "keys missing from locales/id: {missing_id:?}"
    );
}

#[test]
fn ftl_files_parse() {
    for lang in Lang::ALL {
        assert!(
            i18n::syntax_errors(lang).is_empty(),
            "{:?}",
            i18n::syntax_errors(lang)
        );
    }
}

#[test]
fn every_key_used_in_code_exists_and_every_key_is_used() {
    let mut used = BTreeSet::new();
    literals_in(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut used,
    );
    let defined = i18n::keys(Lang::Id);
    let undefined: Vec<_> = used.difference(&defined).collect();
    assert!(
        undefined.is_empty(),
        "keys used in src/ but not defined: {undefined:?}"
    );
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(unused.is_empty(), "keys defined but never used: {unused:?}");
}

#[test]
fn lookups_fill_arguments_and_plurals() {
    assert_eq!(
        i18n::tr_args(Lang::Id, "quiz-position", &[("n", "3"), ("total", "10")]),
        "Soal 3 dari 10"
    );
    assert_eq!(
        i18n::tr_args(Lang::En, "quiz-position", &[("n", "3"), ("total", "10")]),
        "Question 3 of 10"
    );
    assert_eq!(
        i18n::tr_count(Lang::En, "lesson-minutes", "minutes", 1),
        "1 minute"
    );
    assert_eq!(
        i18n::tr_count(Lang::En, "lesson-minutes", "minutes", 7),
        "7 minutes"
    );
    assert_eq!(
        i18n::tr_count(Lang::Id, "lesson-minutes", "minutes", 7),
        "7 menit"
    );
    // A missing key shows itself rather than crashing.
    assert_eq!(i18n::tr(Lang::Id, "no-such-key"), "no-such-key");
}

/// Every character the screens show is in the embedded Noto Sans subset: a missing glyph is
/// drawn from whatever system font has it (or as a box), so it looks different on every PC and
/// breaks the snapshots. Checked for every UI string in both languages and all embedded
/// content. Strings only the command line prints (`-cli-`) go to a terminal, not the window.
#[test]
fn every_character_shown_is_in_the_embedded_font() {
    let fonts = [
        latih_asn::fonts::REGULAR,
        latih_asn::fonts::BOLD,
        latih_asn::fonts::ITALIC,
    ]
    .map(|bytes| ttf_parser::Face::parse(bytes, 0).expect("the font parses"));
    let missing = |text: &str| -> Vec<char> {
        text.chars()
            .filter(|c| !c.is_control() && !('\u{2068}'..='\u{2069}').contains(c))
            .filter(|&c| fonts.iter().any(|face| face.glyph_index(c).is_none()))
            .collect()
    };
    let mut problems = Vec::new();
    for lang in [Lang::Id, Lang::En] {
        for key in i18n::keys(lang) {
            if key.contains("-cli-") {
                continue;
            }
            let shown = i18n::tr(lang, &key);
            let gaps = missing(&shown);
            if !gaps.is_empty() {
                problems.push(format!("{lang:?} {key}: {gaps:?}"));
            }
        }
    }
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
    let mut files = vec![content];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.file_name().is_some_and(|n| n != "FORMAT.md") {
            let text = std::fs::read_to_string(&path).unwrap();
            let gaps = missing(&text);
            if !gaps.is_empty() {
                problems.push(format!("{}: {gaps:?}", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
