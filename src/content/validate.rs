//! Rules a content tree must meet before the app will teach from it: unique, well-formed ids,
//! a valid and unambiguous answer key, a citation on every question and lesson, resolvable
//! references, both locales complete, every lesson tested, every question's review lesson
//! citing one of the articles the question cites, parallel forms A and B for every objective,
//! numbers in range, texts within their caps, and lesson bodies without links, images or HTML.
//!
//! Every rule is one pass over the module with hash lookups, so the check stays linear in the
//! size of the pack, and it stops once [`limits::ERRORS`] errors are found.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::content::Citation;
use crate::content::error::{ContentError, ContentErrorKind as K, Counted, Field, Markup, line_of};
use crate::content::files::ContentFiles;
use crate::content::limits;
use crate::content::load::full;
use crate::content::model::{Form, Instrument, Module, QuestionKind};
use crate::lang::Lang;

/// Something to review that does not stop the content from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The question cites an instrument that has been replaced: check it against the new rule.
    CitesReplaced {
        module: String,
        item: String,
        instrument: String,
        replaced_by: String,
    },
    /// The module declares no `jp` (a pack made before JP existed): it counts `jp`, computed
    /// from its `minutes` of study (see `content::jp_for`).
    JpComputed {
        module: String,
        jp: u32,
        minutes: u32,
    },
}

impl Warning {
    /// What the author or admin reads, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Warning::CitesReplaced {
                module,
                item,
                instrument,
                replaced_by,
            } => crate::i18n::tr_args(
                lang,
                "content-warning-replaced",
                &[
                    ("module", module),
                    ("item", item),
                    ("instrument", instrument),
                    ("replaced", replaced_by),
                ],
            ),
            Warning::JpComputed {
                module,
                jp,
                minutes,
            } => {
                // Too short to declare any JP: the advice is to add study time, not a figure.
                let max = crate::content::model::jp_cap(*minutes);
                let key = if max == 0 {
                    "content-warning-jp-too-short"
                } else {
                    "content-warning-jp-computed"
                };
                crate::i18n::tr_args(
                    lang,
                    key,
                    &[
                        ("module", module),
                        ("jp", &jp.to_string()),
                        ("minutes", &minutes.to_string()),
                        ("max", &max.to_string()),
                    ],
                )
            }
        }
    }
}

/// Checks `modules` and appends every error; returns the warnings.
pub(super) fn validate(
    files: &dyn ContentFiles,
    instruments: &BTreeMap<String, Instrument>,
    modules: &[Module],
    errors: &mut Vec<ContentError>,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut module_ids = HashSet::new();
    let folders: HashSet<String> = files.modules().into_iter().collect();
    for module in modules {
        if full(errors) {
            break;
        }
        let path = format!("{}/module.ron", module.id);
        if !module_ids.insert(&module.id) {
            errors.push(ContentError::new(
                &path,
                None,
                K::DuplicateId(module.id.clone()),
            ));
        }
        if !folders.contains(&module.id) {
            errors.push(ContentError::new(
                &path,
                None,
                K::UnknownReference {
                    what: "module",
                    id: module.id.clone(),
                    target: "folder",
                    reference: module.id.clone(),
                },
            ));
        }
        let mut check = ModuleCheck {
            instruments,
            module,
            errors,
            module_text: files
                .read(&format!("{}/module.ron", module.id))
                .and_then(Result::ok)
                .unwrap_or_default(),
            questions_text: files
                .read(&format!("{}/questions.ron", module.id))
                .and_then(Result::ok)
                .unwrap_or_default(),
            lessons: module
                .lessons
                .iter()
                .map(|l| (l.id.as_str(), l.cites.as_slice()))
                .collect(),
            objectives: module.objectives.iter().map(|o| o.id.as_str()).collect(),
        };
        check.run();
    }
    warnings.extend(self::warnings(instruments, modules));
    warnings
}

/// The warnings alone, for content whose rules were already checked.
pub(super) fn warnings(
    instruments: &BTreeMap<String, Instrument>,
    modules: &[Module],
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for module in modules {
        if !module.jp_declared {
            warnings.push(Warning::JpComputed {
                module: module.id.clone(),
                jp: module.jp,
                minutes: module.study_minutes(),
            });
        }
        for question in &module.questions {
            for cite in &question.cites {
                if let Some(replaced_by) = instruments
                    .get(&cite.instrument)
                    .and_then(|i| i.replaced_by.as_ref())
                {
                    warnings.push(Warning::CitesReplaced {
                        module: module.id.clone(),
                        item: question.id.clone(),
                        instrument: cite.instrument.clone(),
                        replaced_by: replaced_by.clone(),
                    });
                }
            }
        }
    }
    warnings
}

struct ModuleCheck<'a> {
    instruments: &'a BTreeMap<String, Instrument>,
    module: &'a Module,
    errors: &'a mut Vec<ContentError>,
    module_text: String,
    questions_text: String,
    /// Each lesson's id and its citations ("Dasar hukum").
    lessons: HashMap<&'a str, &'a [Citation]>,
    objectives: HashSet<&'a str>,
}

impl<'a> ModuleCheck<'a> {
    fn module_path(&self) -> String {
        format!("{}/module.ron", self.module.id)
    }

    fn questions_path(&self) -> String {
        format!("{}/questions.ron", self.module.id)
    }

    fn at_module(&mut self, id: &str, kind: K) {
        if full(self.errors) {
            return;
        }
        let line = line_of(&self.module_text, &format!("\"{id}\""));
        self.errors
            .push(ContentError::new(self.module_path(), line, kind));
    }

    fn at_question(&mut self, id: &str, kind: K) {
        if full(self.errors) {
            return;
        }
        let line = line_of(&self.questions_text, &format!("\"{id}\""));
        self.errors
            .push(ContentError::new(self.questions_path(), line, kind));
    }

    fn at_locale(&mut self, file: &str, lang: Lang, kind: K) {
        if full(self.errors) {
            return;
        }
        let path = format!("{}/{}/{file}", self.module.id, lang.code());
        self.errors.push(ContentError::new(path, None, kind));
    }

    fn run(&mut self) {
        let module = self.module;
        if module.lessons.is_empty() || module.questions.is_empty() {
            self.at_module(&module.id, K::EmptyModule(module.id.clone()));
        }
        self.check_ranges();
        self.check_ids();
        self.check_lessons();
        self.check_questions();
        self.check_coverage();
    }

    fn check_ranges(&mut self) {
        let module = self.module;
        let pass_mark = u64::from(module.pass_mark);
        if !(limits::PASS_MARK_MIN..=limits::PASS_MARK_MAX).contains(&module.pass_mark) {
            self.at_range(
                "pass_mark",
                Field::PassMark,
                pass_mark,
                limits::PASS_MARK_MIN.into(),
                limits::PASS_MARK_MAX.into(),
            );
        }
        let pool = module.questions.len();
        if module.quiz_size == 0 || module.quiz_size > pool {
            self.at_range(
                "quiz_size",
                Field::QuizSize,
                module.quiz_size as u64,
                1,
                pool.max(1) as u64,
            );
        }
        self.check_jp();
        for lesson in &module.lessons {
            if !(limits::MINUTES_MIN..=limits::MINUTES_MAX).contains(&lesson.minutes) {
                let kind = K::OutOfRange {
                    id: lesson.id.clone(),
                    field: Field::Minutes,
                    value: lesson.minutes.into(),
                    min: limits::MINUTES_MIN.into(),
                    max: limits::MINUTES_MAX.into(),
                };
                self.at_module(&lesson.id, kind);
            }
        }
    }

    /// A declared JP is a whole number in range that the module's own minutes can justify. A
    /// computed one (no `jp` written) is only a warning: packs made before JP keep loading.
    fn check_jp(&mut self) {
        let module = self.module;
        if !module.jp_declared {
            return;
        }
        if !(limits::JP_MIN..=limits::JP_MAX).contains(&module.jp) {
            self.at_range(
                "jp",
                Field::Jp,
                module.jp.into(),
                limits::JP_MIN.into(),
                limits::JP_MAX.into(),
            );
            return;
        }
        let minutes = module.study_minutes();
        let max = crate::content::model::jp_cap(minutes);
        if module.jp > max {
            let line = line_of(&self.module_text, "jp:");
            if !full(self.errors) {
                self.errors.push(ContentError::new(
                    self.module_path(),
                    line,
                    K::JpTooHigh {
                        id: module.id.clone(),
                        jp: module.jp,
                        minutes,
                        max,
                    },
                ));
            }
        }
    }

    fn at_range(&mut self, key: &str, field: Field, value: u64, min: u64, max: u64) {
        if full(self.errors) {
            return;
        }
        let line = line_of(&self.module_text, &format!("{key}:"));
        self.errors.push(ContentError::new(
            self.module_path(),
            line,
            K::OutOfRange {
                id: self.module.id.clone(),
                field,
                value,
                min,
                max,
            },
        ));
    }

    fn check_ids(&mut self) {
        let module = self.module;
        let mut seen = HashSet::new();
        for (id, what) in module
            .objectives
            .iter()
            .map(|o| (&o.id, Counted::Objectives))
            .chain(module.lessons.iter().map(|l| (&l.id, Counted::Lessons)))
        {
            if !limits::is_valid_id(id) {
                self.at_module(
                    id,
                    K::InvalidId {
                        what,
                        id: id.clone(),
                    },
                );
            }
            if !seen.insert(id.as_str()) {
                self.at_module(id, K::DuplicateId(id.clone()));
            }
        }
        for question in &module.questions {
            if !limits::is_valid_id(&question.id) {
                self.at_question(
                    &question.id,
                    K::InvalidId {
                        what: Counted::Questions,
                        id: question.id.clone(),
                    },
                );
            }
            if !seen.insert(question.id.as_str()) {
                self.at_question(&question.id, K::DuplicateId(question.id.clone()));
            }
            if full(self.errors) {
                return;
            }
        }
    }

    fn check_citations(
        &mut self,
        owner: &str,
        cites: &[crate::content::Citation],
        in_questions: bool,
    ) {
        let report = |check: &mut Self, kind: K| {
            if in_questions {
                check.at_question(owner, kind);
            } else {
                check.at_module(owner, kind);
            }
        };
        if cites.is_empty() {
            report(self, K::NoCitation(owner.to_owned()));
        }
        if cites.len() > limits::CITATIONS {
            report(
                self,
                K::TooMany {
                    what: Counted::Citations,
                    found: cites.len(),
                    limit: limits::CITATIONS,
                },
            );
            return;
        }
        for cite in cites {
            if !self.instruments.contains_key(&cite.instrument) {
                report(
                    self,
                    K::UnknownReference {
                        what: if in_questions { "question" } else { "lesson" },
                        id: owner.to_owned(),
                        target: "instrument",
                        reference: cite.instrument.clone(),
                    },
                );
            }
            let parts = [&cite.pasal, &cite.ayat, &cite.huruf, &cite.angka];
            if parts
                .into_iter()
                .flatten()
                .any(|part| part.chars().count() > limits::SHORT_CHARS)
            {
                report(
                    self,
                    K::TooLong {
                        id: owner.to_owned(),
                        field: Field::Citation,
                        limit: limits::SHORT_CHARS,
                    },
                );
            }
        }
    }

    fn check_lessons(&mut self) {
        let module = self.module;
        let title = module.title.clone();
        let summary = module.summary.clone();
        for lang in Lang::ALL {
            self.text_in(
                "module.ron",
                lang,
                &module.id,
                Field::Title,
                title.get(lang),
            );
            self.text_in(
                "module.ron",
                lang,
                &module.id,
                Field::Summary,
                summary.get(lang),
            );
        }
        for objective in &module.objectives {
            for lang in Lang::ALL {
                self.text_in(
                    "module.ron",
                    lang,
                    &objective.id,
                    Field::Objective,
                    objective.text.get(lang),
                );
            }
        }
        for lesson in &module.lessons {
            if full(self.errors) {
                return;
            }
            self.check_citations(&lesson.id, &lesson.cites, false);
            for objective in &lesson.objectives {
                if !self.objectives.contains(objective.as_str()) {
                    self.at_module(
                        &lesson.id,
                        K::UnknownReference {
                            what: "lesson",
                            id: lesson.id.clone(),
                            target: "objective",
                            reference: objective.clone(),
                        },
                    );
                }
            }
            for lang in Lang::ALL {
                if lesson.body.get(lang).trim().is_empty()
                    || lesson.title.get(lang).trim().is_empty()
                {
                    self.at_module(
                        &lesson.id,
                        K::EmptyText {
                            id: lesson.id.clone(),
                            lang: lang.code(),
                        },
                    );
                }
                self.text_in(
                    "module.ron",
                    lang,
                    &lesson.id,
                    Field::Title,
                    lesson.title.get(lang),
                );
                let points = lesson.key_points.get(lang);
                if points.len() > limits::KEY_POINTS {
                    self.at_locale(
                        "module.ron",
                        lang,
                        K::TooMany {
                            what: Counted::KeyPoints,
                            found: points.len(),
                            limit: limits::KEY_POINTS,
                        },
                    );
                }
                for point in points {
                    self.text_in("module.ron", lang, &lesson.id, Field::KeyPoint, point);
                }
                if let Some(markup) = forbidden_markup(lesson.body.get(lang)) {
                    if full(self.errors) {
                        return;
                    }
                    let path = format!("{}/{}/{}.md", module.id, lang.code(), lesson.id);
                    let line = markup.1;
                    self.errors.push(ContentError::new(
                        path,
                        Some(line),
                        K::Markup {
                            id: lesson.id.clone(),
                            lang: lang.code(),
                            markup: markup.0,
                        },
                    ));
                }
            }
        }
    }

    /// A text over its cap, reported against the locale file.
    fn text_in(&mut self, file: &str, lang: Lang, id: &str, field: Field, text: &str) {
        let limit = match field {
            Field::Title | Field::Name => limits::TITLE_CHARS,
            Field::Summary => limits::SUMMARY_CHARS,
            Field::Objective => limits::OBJECTIVE_CHARS,
            Field::KeyPoint => limits::KEY_POINT_CHARS,
            Field::Stem => limits::STEM_CHARS,
            Field::Option => limits::OPTION_CHARS,
            Field::Why => limits::WHY_CHARS,
            Field::Explanation => limits::EXPLANATION_CHARS,
            Field::Citation | Field::Version => limits::SHORT_CHARS,
            Field::PassMark | Field::QuizSize | Field::Minutes | Field::Jp => return,
        };
        // Bytes bound characters from above: count characters only for long texts.
        if text.len() > limit && text.chars().count() > limit {
            self.at_locale(
                file,
                lang,
                K::TooLong {
                    id: id.to_owned(),
                    field,
                    limit,
                },
            );
        }
    }

    fn check_questions(&mut self) {
        let module = self.module;
        for question in &module.questions {
            if full(self.errors) {
                return;
            }
            let id = question.id.as_str();
            self.check_citations(id, &question.cites, true);
            match self.lessons.get(question.lesson.as_str()) {
                None => self.at_question(
                    id,
                    K::UnknownReference {
                        what: "question",
                        id: id.to_owned(),
                        target: "lesson",
                        reference: question.lesson.clone(),
                    },
                ),
                Some(taught) if checkable(&question.cites) && !teaches(taught, &question.cites) => {
                    self.at_question(
                        id,
                        K::ReviewLessonMismatch {
                            id: id.to_owned(),
                            lesson: question.lesson.clone(),
                        },
                    );
                }
                Some(_) => {}
            }
            if !self.objectives.contains(question.objective.as_str()) {
                self.at_question(
                    id,
                    K::UnknownReference {
                        what: "question",
                        id: id.to_owned(),
                        target: "objective",
                        reference: question.objective.clone(),
                    },
                );
            }
            let expected = question.text.id.options.len();
            if expected > limits::OPTIONS {
                self.at_question(
                    id,
                    K::TooMany {
                        what: Counted::Options,
                        found: expected,
                        limit: limits::OPTIONS,
                    },
                );
                continue;
            }
            if let Some(reason) = answer_key_problem(question.kind, &question.correct, expected) {
                self.at_question(
                    id,
                    K::AnswerKey {
                        id: id.to_owned(),
                        reason,
                    },
                );
            }
            for lang in Lang::ALL {
                let text = question.text.get(lang);
                if text.options.len() != expected {
                    self.at_question(
                        id,
                        K::OptionCount {
                            id: id.to_owned(),
                            lang: lang.code(),
                            found: text.options.len(),
                            expected,
                        },
                    );
                }
                let empty = text.stem.trim().is_empty()
                    || text.explanation.trim().is_empty()
                    || text
                        .options
                        .iter()
                        .any(|o| o.text.trim().is_empty() || o.why.trim().is_empty());
                if empty {
                    self.at_question(
                        id,
                        K::EmptyText {
                            id: id.to_owned(),
                            lang: lang.code(),
                        },
                    );
                }
                let file = "questions.ron";
                self.text_in(file, lang, id, Field::Stem, &text.stem);
                self.text_in(file, lang, id, Field::Explanation, &text.explanation);
                for option in text.options.iter().take(limits::OPTIONS) {
                    self.text_in(file, lang, id, Field::Option, &option.text);
                    self.text_in(file, lang, id, Field::Why, &option.why);
                }
            }
        }
    }

    /// Every lesson is tested, and every objective has a question in each form.
    fn check_coverage(&mut self) {
        let module = self.module;
        let tested: HashSet<&str> = module.questions.iter().map(|q| q.lesson.as_str()).collect();
        let mut forms: HashMap<&str, BTreeSet<Form>> = HashMap::new();
        for question in &module.questions {
            forms
                .entry(question.objective.as_str())
                .or_default()
                .insert(question.form);
        }
        for lesson in &module.lessons {
            if !tested.contains(lesson.id.as_str()) {
                self.at_module(&lesson.id, K::LessonUntested(lesson.id.clone()));
            }
        }
        for objective in &module.objectives {
            for (form, name) in [(Form::A, "A"), (Form::B, "B")] {
                let covered = forms
                    .get(objective.id.as_str())
                    .is_some_and(|set| set.contains(&form));
                if !covered {
                    self.at_module(
                        &objective.id,
                        K::FormGap {
                            objective: objective.id.clone(),
                            form: name,
                        },
                    );
                }
            }
        }
    }
}

/// A question's citations are compared with its lesson's only when they are there and within
/// their cap (both are reported on their own otherwise).
fn checkable(cites: &[Citation]) -> bool {
    !cites.is_empty() && cites.len() <= limits::CITATIONS
}

/// Whether a lesson whose "Dasar hukum" is `lesson` teaches what a question citing `question`
/// tests: the lesson cites at least one of the question's articles (see FORMAT.md, "The review
/// lesson").
///
/// Only citations are compared (the data has nothing finer): the same instrument and the same
/// `pasal`, an elucidation only with an elucidation, and `ayat`, `huruf` and `angka` equal
/// wherever both name one, so that the two point at overlapping text (Pasal 5 huruf n covers
/// Pasal 5 huruf n angka 3; Pasal 8 ayat (1) does not cover Pasal 8 ayat (3)). An instrument
/// cited alone (no article verified) matches only the same instrument cited alone, and a
/// question's instrument-alone citation counts only when the question cites no article of that
/// instrument: beside "UU 20/2023 Pasal 52" it names no place to look up, and any lesson that
/// names the law at all would pass on it.
pub(super) fn teaches(lesson: &[Citation], question: &[Citation]) -> bool {
    let tested = question.iter().filter(|cite| {
        cite.pasal.is_some()
            || !question
                .iter()
                .any(|other| other.instrument == cite.instrument && other.pasal.is_some())
    });
    let overlap = |taught: &Citation, tested: &Citation| {
        let agree = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        taught.instrument == tested.instrument
            && taught.pasal == tested.pasal
            && taught.penjelasan == tested.penjelasan
            && agree(&taught.ayat, &tested.ayat)
            && agree(&taught.huruf, &tested.huruf)
            && agree(&taught.angka, &tested.angka)
    };
    tested
        .into_iter()
        .any(|tested| lesson.iter().any(|taught| overlap(taught, tested)))
}

/// The first link, image or piece of raw HTML in a Markdown body, with its 1-based line.
///
/// Deliberately stricter than Markdown: lesson bodies need none of these, so anything that
/// could become one is refused (`](` and `![` anywhere, a reference definition `[x]: …`, and
/// `<` followed by a letter, `/`, `!` or `?`, which covers tags, comments and autolinks).
/// A single pass over the text.
pub(super) fn forbidden_markup(body: &str) -> Option<(Markup, usize)> {
    for (index, line) in body.lines().enumerate() {
        let number = index + 1;
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() <= 3 && is_reference_definition(trimmed) {
            return Some((Markup::Link, number));
        }
        let bytes = line.as_bytes();
        for pair in bytes.windows(2) {
            match pair {
                [b'!', b'['] => return Some((Markup::Image, number)),
                [b']', b'('] => return Some((Markup::Link, number)),
                [b'<', next]
                    if next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?') =>
                {
                    return Some((Markup::Html, number));
                }
                _ => {}
            }
        }
    }
    None
}

/// `[label]: destination`, the start of a link reference definition (or a footnote).
fn is_reference_definition(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else {
        return false;
    };
    rest.find("]:")
        .is_some_and(|end| end > 0 && !rest[..end].contains(']'))
}

/// Why an answer key is invalid for a question of `kind` with `options` options, if it is.
pub(super) fn answer_key_problem(
    kind: QuestionKind,
    correct: &[usize],
    options: usize,
) -> Option<&'static str> {
    let unique: BTreeSet<usize> = correct.iter().copied().collect();
    if unique.len() != correct.len() {
        return Some("an option is listed twice");
    }
    if correct.iter().any(|&index| index >= options) {
        return Some("an index is past the last option");
    }
    match kind {
        QuestionKind::TrueFalse if options != 2 => Some("true/false needs exactly two options"),
        QuestionKind::TrueFalse | QuestionKind::Single if correct.len() != 1 => {
            Some("needs exactly one right option")
        }
        QuestionKind::Single if !(3..=6).contains(&options) => Some("needs three to six options"),
        QuestionKind::Multiple if correct.len() < 2 => {
            Some("multiple select needs two or more right options")
        }
        QuestionKind::Multiple if correct.len() >= options => {
            Some("multiple select needs at least one wrong option")
        }
        QuestionKind::Multiple if !(3..=6).contains(&options) => Some("needs three to six options"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_found_with_its_line() {
        let cases: &[(&str, Option<(Markup, usize)>)] = &[
            (
                "## Judul\n\nTeks **tebal** dan *miring*.\n\n> kutipan",
                None,
            ),
            ("nilai < 50 dan 3 > 2", None),
            ("Pasal [1] ayat (2)", None),
            ("a\nlihat [ini](https://contoh.id)", Some((Markup::Link, 2))),
            ("![gambar](x.png)", Some((Markup::Image, 1))),
            ("<script>alert(1)</script>", Some((Markup::Html, 1))),
            ("a <!-- komentar -->", Some((Markup::Html, 1))),
            ("<https://contoh.id>", Some((Markup::Html, 1))),
            ("[ref]: https://contoh.id", Some((Markup::Link, 1))),
            ("   [^1]: catatan", Some((Markup::Link, 1))),
        ];
        for (body, expected) in cases {
            assert_eq!(forbidden_markup(body), *expected, "{body}");
        }
    }

    /// Citations written "instrument pasal ayat huruf angka", parts left out from the end or
    /// written `-`, several joined by `;`: "uu-20-2023 52 3 j; skb-netralitas-2022".
    fn cites(text: &str) -> Vec<Citation> {
        let cite = |one: &str| {
            let mut parts = one.split_whitespace();
            let instrument = parts.next().unwrap().to_owned();
            let mut next = || parts.next().filter(|p| *p != "-").map(str::to_owned);
            Citation {
                instrument,
                pasal: next(),
                ayat: next(),
                huruf: next(),
                angka: next(),
                penjelasan: false,
            }
        };
        text.split(';').map(cite).collect()
    }

    #[test]
    fn a_lesson_teaches_a_question_that_cites_an_overlapping_article() {
        // (what, the lesson's citations, the question's citations, taught)
        let cases = [
            ("same article", "uu-20-2023 52 4", "uu-20-2023 52 4", true),
            (
                "lesson broader",
                "pp-94-2021 5 - n",
                "pp-94-2021 5 - n 3",
                true,
            ),
            (
                "lesson narrower",
                "uu-20-2023 24 1 d",
                "uu-20-2023 24",
                true,
            ),
            ("other ayat", "uu-20-2023 8 1", "uu-20-2023 8 3", false),
            (
                "other angka",
                "pp-94-2021 5 - n 2",
                "pp-94-2021 5 - n 3",
                false,
            ),
            ("other pasal", "uu-20-2023 9 2", "uu-20-2023 52 4", false),
            ("other instrument", "uu-5-2014 24", "uu-20-2023 24", false),
            (
                "both alone",
                "skb-netralitas-2022",
                "skb-netralitas-2022",
                true,
            ),
            (
                "law alone teaches no article",
                "uu-20-2023",
                "uu-20-2023 52 4",
                false,
            ),
            (
                "an article teaches no law alone",
                "uu-20-2023 8",
                "uu-20-2023",
                false,
            ),
            // asn-q17 as it was: "UU 20/2023" beside its own Pasal 52 is no match for a lesson
            // that cites the law alone and other articles.
            (
                "alone beside an article of the same law",
                "uu-20-2023; uu-20-2023 8",
                "uu-20-2023; uu-20-2023 52 3 j; uu-20-2023 52 4",
                false,
            ),
            // A source without article numbers still counts beside another law's article.
            (
                "alone beside another law",
                "skb-netralitas-2022",
                "skb-netralitas-2022; pp-94-2021 5 - n 3",
                true,
            ),
            (
                "one is enough",
                "uu-20-2023 9 2",
                "uu-20-2023 24 1 d; uu-20-2023 9 2",
                true,
            ),
        ];
        for (name, lesson, question, expected) in cases {
            assert_eq!(
                teaches(&cites(lesson), &cites(question)),
                expected,
                "{name}"
            );
        }
        let body = cites("uu-tipikor 12B");
        let mut elucidation = body.clone();
        elucidation[0].penjelasan = true;
        assert!(teaches(&elucidation, &elucidation));
        assert!(!teaches(&body, &elucidation));
    }

    #[test]
    fn answer_keys() {
        use QuestionKind::*;
        let cases: &[(QuestionKind, &[usize], usize, bool)] = &[
            (Single, &[1], 4, true),
            (Single, &[], 4, false),
            (Single, &[0, 1], 4, false),
            (Single, &[4], 4, false),
            (Single, &[0], 2, false),
            (Multiple, &[0, 2], 4, true),
            (Multiple, &[0], 4, false),
            (Multiple, &[0, 1, 2, 3], 4, false),
            (Multiple, &[1, 1], 4, false),
            (TrueFalse, &[0], 2, true),
            (TrueFalse, &[1], 2, true),
            (TrueFalse, &[0], 3, false),
            (TrueFalse, &[0, 1], 2, false),
        ];
        for (kind, correct, options, ok) in cases {
            assert_eq!(
                answer_key_problem(*kind, correct, *options).is_none(),
                *ok,
                "{kind:?} {correct:?} of {options}"
            );
        }
    }
}
