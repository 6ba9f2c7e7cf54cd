//! Content errors, each with the file (and line where known) so an author can fix it.

use std::fmt;

use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;

/// One problem found in a content tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Path of the file, relative to the content root.
    pub file: String,
    pub line: Option<usize>,
    pub kind: ContentErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentErrorKind {
    #[error("file is missing")]
    MissingFile,
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("syntax error: {0}")]
    Syntax(String),
    #[error("unsupported format version {0}")]
    Version(u32),
    #[error("duplicate id {0}")]
    DuplicateId(String),
    #[error("{what} {id} refers to unknown {target} {reference}")]
    UnknownReference {
        what: &'static str,
        id: String,
        target: &'static str,
        reference: String,
    },
    #[error("question {id}: invalid answer key: {reason}")]
    AnswerKey { id: String, reason: &'static str },
    #[error("{0} has no citation")]
    NoCitation(String),
    #[error("{id} has no text in locale {lang}")]
    MissingTranslation { id: String, lang: &'static str },
    #[error("{id} in locale {lang} does not exist in the neutral file")]
    ExtraTranslation { id: String, lang: &'static str },
    #[error("question {id}: locale {lang} has {found} options, expected {expected}")]
    OptionCount {
        id: String,
        lang: &'static str,
        found: usize,
        expected: usize,
    },
    #[error("{id}: empty text in locale {lang}")]
    EmptyText { id: String, lang: &'static str },
    #[error("lesson {0} is not tested by any question")]
    LessonUntested(String),
    #[error("objective {objective} has no question in form {form}")]
    FormGap {
        objective: String,
        form: &'static str,
    },
    #[error("invalid date {0} (expected YYYY-MM-DD)")]
    BadDate(String),
    #[error("module {0} has no lessons or no questions")]
    EmptyModule(String),
}

impl ContentError {
    pub fn new(file: impl Into<String>, line: Option<usize>, kind: ContentErrorKind) -> Self {
        Self {
            file: file.into(),
            line,
            kind,
        }
    }

    /// The message in the user's language, for the content-pack import screen.
    pub fn message(&self, lang: Lang) -> String {
        let location = match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        };
        i18n::tr_args(
            lang,
            "content-error",
            &[
                ("location", location.as_str()),
                ("detail", &self.kind.message(lang)),
            ],
        )
    }
}

impl ContentErrorKind {
    /// The detail in the user's language (the `Display` text is English, for logs and the CLI).
    pub fn message(&self, lang: Lang) -> String {
        use ContentErrorKind as K;
        let (key, args): (&str, Vec<(&str, String)>) = match self {
            K::MissingFile => ("content-error-missing-file", vec![]),
            K::Unreadable(detail) => ("content-error-unreadable", vec![("detail", detail.clone())]),
            K::Syntax(detail) => ("content-error-syntax", vec![("detail", detail.clone())]),
            K::Version(version) => (
                "content-error-version",
                vec![("version", version.to_string())],
            ),
            K::DuplicateId(id) => ("content-error-duplicate", vec![("id", id.clone())]),
            K::UnknownReference { id, reference, .. } => (
                "content-error-reference",
                vec![("id", id.clone()), ("reference", reference.clone())],
            ),
            K::AnswerKey { id, reason } => (
                "content-error-answer-key",
                vec![("id", id.clone()), ("detail", (*reason).to_string())],
            ),
            K::NoCitation(id) => ("content-error-no-citation", vec![("id", id.clone())]),
            K::MissingTranslation { id, lang } => (
                "content-error-missing-translation",
                vec![("id", id.clone()), ("lang", (*lang).to_string())],
            ),
            K::ExtraTranslation { id, lang } => (
                "content-error-extra-translation",
                vec![("id", id.clone()), ("lang", (*lang).to_string())],
            ),
            K::OptionCount { id, lang, .. } => (
                "content-error-option-count",
                vec![("id", id.clone()), ("lang", (*lang).to_string())],
            ),
            K::EmptyText { id, lang } => (
                "content-error-empty-text",
                vec![("id", id.clone()), ("lang", (*lang).to_string())],
            ),
            K::LessonUntested(id) => ("content-error-lesson-untested", vec![("id", id.clone())]),
            K::FormGap { objective, form } => (
                "content-error-form-gap",
                vec![("id", objective.clone()), ("form", (*form).to_string())],
            ),
            K::BadDate(date) => ("content-error-date", vec![("detail", date.clone())]),
            K::EmptyModule(id) => ("content-error-empty-module", vec![("id", id.clone())]),
        };
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n::tr_args(lang, key, &args)
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.kind),
            None => write!(f, "{}: {}", self.file, self.kind),
        }
    }
}

/// The 1-based line of the first occurrence of `needle` in `text`, to point an author at the
/// entry a semantic error is about.
pub(super) fn line_of(text: &str, needle: &str) -> Option<usize> {
    let offset = text.find(needle)?;
    Some(text[..offset].matches('\n').count() + 1)
}
