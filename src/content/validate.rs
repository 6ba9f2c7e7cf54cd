//! Rules a content tree must meet before the app will teach from it: unique ids, a valid and
//! unambiguous answer key, a citation on every question and lesson, resolvable references, both
//! locales complete, every lesson tested, and parallel forms A and B for every objective.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::content::error::{ContentError, ContentErrorKind as K, line_of};
use crate::content::files::ContentFiles;
use crate::content::model::{
    Form, Instrument, Module, ModuleTextFile, QuestionKind, QuestionTextFile,
};
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
    for module in modules {
        let path = format!("{}/module.ron", module.id);
        if !module_ids.insert(&module.id) {
            errors.push(ContentError::new(
                &path,
                None,
                K::DuplicateId(module.id.clone()),
            ));
        }
        if !files.modules().contains(&module.id) {
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
            files,
            instruments,
            module,
            errors,
            warnings: &mut warnings,
            module_text: files
                .read(&format!("{}/module.ron", module.id))
                .and_then(Result::ok)
                .unwrap_or_default(),
            questions_text: files
                .read(&format!("{}/questions.ron", module.id))
                .and_then(Result::ok)
                .unwrap_or_default(),
        };
        check.run();
    }
    warnings
}

struct ModuleCheck<'a> {
    files: &'a dyn ContentFiles,
    instruments: &'a BTreeMap<String, Instrument>,
    module: &'a Module,
    errors: &'a mut Vec<ContentError>,
    warnings: &'a mut Vec<Warning>,
    module_text: String,
    questions_text: String,
}

impl ModuleCheck<'_> {
    fn module_path(&self) -> String {
        format!("{}/module.ron", self.module.id)
    }

    fn questions_path(&self) -> String {
        format!("{}/questions.ron", self.module.id)
    }

    fn at_module(&mut self, id: &str, kind: K) {
        let line = line_of(&self.module_text, &format!("\"{id}\""));
        self.errors
            .push(ContentError::new(self.module_path(), line, kind));
    }

    fn at_question(&mut self, id: &str, kind: K) {
        let line = line_of(&self.questions_text, &format!("\"{id}\""));
        self.errors
            .push(ContentError::new(self.questions_path(), line, kind));
    }

    fn run(&mut self) {
        let module = self.module;
        if module.lessons.is_empty() || module.questions.is_empty() {
            self.at_module(&module.id, K::EmptyModule(module.id.clone()));
        }
        self.check_ids();
        self.check_lessons();
        self.check_questions();
        self.check_translations();
        self.check_coverage();
    }

    fn check_ids(&mut self) {
        let module = self.module;
        let mut seen = HashSet::new();
        for id in module
            .objectives
            .iter()
            .map(|o| &o.id)
            .chain(module.lessons.iter().map(|l| &l.id))
        {
            if !seen.insert(id.clone()) {
                self.at_module(id, K::DuplicateId(id.clone()));
            }
        }
        for question in &module.questions {
            if !seen.insert(question.id.clone()) {
                self.at_question(&question.id, K::DuplicateId(question.id.clone()));
            }
        }
    }

    fn check_citations(
        &mut self,
        owner: &str,
        cites: &[crate::content::Citation],
        in_questions: bool,
    ) {
        if cites.is_empty() {
            if in_questions {
                self.at_question(owner, K::NoCitation(owner.to_owned()));
            } else {
                self.at_module(owner, K::NoCitation(owner.to_owned()));
            }
        }
        for cite in cites {
            match self.instruments.get(&cite.instrument) {
                None => {
                    let kind = K::UnknownReference {
                        what: if in_questions { "question" } else { "lesson" },
                        id: owner.to_owned(),
                        target: "instrument",
                        reference: cite.instrument.clone(),
                    };
                    if in_questions {
                        self.at_question(owner, kind);
                    } else {
                        self.at_module(owner, kind);
                    }
                }
                Some(instrument) => {
                    if let Some(replaced_by) = &instrument.replaced_by
                        && in_questions
                    {
                        self.warnings.push(Warning::CitesReplaced {
                            module: self.module.id.clone(),
                            item: owner.to_owned(),
                            instrument: instrument.id.clone(),
                            replaced_by: replaced_by.clone(),
                        });
                    }
                }
            }
        }
    }

    fn check_lessons(&mut self) {
        let module = self.module;
        for lesson in &module.lessons {
            self.check_citations(&lesson.id, &lesson.cites, false);
            for objective in &lesson.objectives {
                if module.objective(objective).is_none() {
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
            }
        }
    }

    fn check_questions(&mut self) {
        let module = self.module;
        for question in &module.questions {
            let id = question.id.as_str();
            self.check_citations(id, &question.cites, true);
            if module.lesson(&question.lesson).is_none() {
                self.at_question(
                    id,
                    K::UnknownReference {
                        what: "question",
                        id: id.to_owned(),
                        target: "lesson",
                        reference: question.lesson.clone(),
                    },
                );
            }
            if module.objective(&question.objective).is_none() {
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
            if let Some(reason) =
                answer_key_problem(question.kind, &question.correct, question.option_count())
            {
                self.at_question(
                    id,
                    K::AnswerKey {
                        id: id.to_owned(),
                        reason,
                    },
                );
            }
            let expected = question.text.id.options.len();
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
            }
        }
    }

    /// Both locale files must name exactly the ids of the neutral files.
    fn check_translations(&mut self) {
        let module = self.module;
        let question_ids: BTreeSet<&str> = module.questions.iter().map(|q| q.id.as_str()).collect();
        let lesson_ids: BTreeSet<&str> = module.lessons.iter().map(|l| l.id.as_str()).collect();
        let objective_ids: BTreeSet<&str> =
            module.objectives.iter().map(|o| o.id.as_str()).collect();
        for lang in Lang::ALL {
            let code = lang.code();
            let q_path = format!("{}/{code}/questions.ron", module.id);
            let m_path = format!("{}/{code}/module.ron", module.id);
            let q_text = self
                .files
                .read(&q_path)
                .and_then(Result::ok)
                .unwrap_or_default();
            let m_text = self
                .files
                .read(&m_path)
                .and_then(Result::ok)
                .unwrap_or_default();
            let Ok(questions) = ron::from_str::<QuestionTextFile>(&q_text) else {
                continue;
            };
            let Ok(texts) = ron::from_str::<ModuleTextFile>(&m_text) else {
                continue;
            };
            let pairs: [(BTreeSet<&str>, &BTreeSet<&str>, &str, &str); 3] = [
                (
                    questions.keys().map(String::as_str).collect(),
                    &question_ids,
                    &q_path,
                    &q_text,
                ),
                (
                    texts.lessons.keys().map(String::as_str).collect(),
                    &lesson_ids,
                    &m_path,
                    &m_text,
                ),
                (
                    texts.objectives.keys().map(String::as_str).collect(),
                    &objective_ids,
                    &m_path,
                    &m_text,
                ),
            ];
            for (found, expected, path, text) in pairs {
                for missing in expected.difference(&found) {
                    self.errors.push(ContentError::new(
                        path,
                        None,
                        K::MissingTranslation {
                            id: (*missing).to_owned(),
                            lang: code,
                        },
                    ));
                }
                for extra in found.difference(expected) {
                    self.errors.push(ContentError::new(
                        path,
                        line_of(text, &format!("\"{extra}\"")),
                        K::ExtraTranslation {
                            id: (*extra).to_owned(),
                            lang: code,
                        },
                    ));
                }
            }
        }
    }

    /// Every lesson is tested, and every objective has a question in each form.
    fn check_coverage(&mut self) {
        let module = self.module;
        for lesson in &module.lessons {
            if !module.questions.iter().any(|q| q.lesson == lesson.id) {
                self.at_module(&lesson.id, K::LessonUntested(lesson.id.clone()));
            }
        }
        for objective in &module.objectives {
            for (form, name) in [(Form::A, "A"), (Form::B, "B")] {
                let covered = module
                    .questions
                    .iter()
                    .any(|q| q.objective == objective.id && q.form == form);
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
