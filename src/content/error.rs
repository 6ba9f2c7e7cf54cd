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
    #[error(
        "question {id}: its review lesson {lesson} cites none of the articles the question cites"
    )]
    ReviewLessonMismatch { id: String, lesson: String },
    #[error("objective {objective} has no question in form {form}")]
    FormGap {
        objective: String,
        form: &'static str,
    },
    #[error("invalid date {0} (expected YYYY-MM-DD)")]
    BadDate(String),
    #[error("module {0} has no lessons or no questions")]
    EmptyModule(String),
    #[error("is a {0}; only regular files are read")]
    NotAFile(FileType),
    #[error("is larger than {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("the pack is larger than {limit} bytes in all")]
    PackTooLarge { limit: u64 },
    #[error("with the packs already installed ({installed} bytes) it would pass {limit} bytes")]
    InstalledTooLarge { installed: u64, limit: u64 },
    #[error("the pack has more than {limit} files and folders")]
    TooManyEntries { limit: usize },
    #[error("folders are nested deeper than {limit} levels")]
    TooDeep { limit: usize },
    #[error("the file name is not valid UTF-8")]
    BadFileName,
    #[error("the path {0} is not allowed in a content tree")]
    BadPath(String),
    #[error("changed while it was being read")]
    ChangedWhileRead,
    #[error("{what} id {id:?} is invalid (1 to 64 of a-z, 0-9 and -)")]
    InvalidId { what: Counted, id: String },
    #[error("module {id} is in the folder {folder}; they must be the same")]
    FolderMismatch { id: String, folder: String },
    #[error("{found} {what} (at most {limit})")]
    TooMany {
        what: Counted,
        found: usize,
        limit: usize,
    },
    #[error("{id}: {field} is longer than {limit} characters")]
    TooLong {
        id: String,
        field: Field,
        limit: usize,
    },
    #[error("{id}: {field} is {value}, allowed {min} to {max}")]
    OutOfRange {
        id: String,
        field: Field,
        value: u64,
        min: u64,
        max: u64,
    },
    #[error("{id} ({lang}) contains {markup}, which lessons may not have")]
    Markup {
        id: String,
        lang: &'static str,
        markup: Markup,
    },
    #[error(
        "{id}: jp is {jp}, but {minutes} study minutes justify at most {max} (JP × 45 ≤ 2 × minutes)"
    )]
    JpTooHigh {
        id: String,
        jp: u32,
        minutes: u32,
        max: u32,
    },
    #[error("the check stopped after {0} errors")]
    TooManyErrors(usize),
    #[error("{what} {id} is already provided by {}", by.as_deref().unwrap_or("the app"))]
    Conflict {
        what: Counted,
        id: String,
        /// The pack that already has it, or `None` for the app's own content.
        by: Option<String>,
    },
    #[error("the signature does not match the pack: {0}")]
    BadSignature(String),
    #[error("changed since the pack was checked at install")]
    ChangedSinceCheck,
}

/// What a path turned out to be, when it is not a regular file or a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Symlink,
    Fifo,
    Device,
    Socket,
    Other,
}

impl FileType {
    /// The Fluent selector value.
    fn key(self) -> &'static str {
        match self {
            FileType::Symlink => "symlink",
            FileType::Fifo => "fifo",
            FileType::Device => "device",
            FileType::Socket => "socket",
            FileType::Other => "other",
        }
    }
}

impl fmt::Display for FileType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileType::Symlink => "symbolic link",
            FileType::Fifo => "named pipe (FIFO)",
            FileType::Device => "device",
            FileType::Socket => "socket",
            FileType::Other => "special file",
        })
    }
}

/// Things that are counted and capped, or whose ids are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Packs,
    Modules,
    Lessons,
    Objectives,
    Questions,
    Options,
    Citations,
    KeyPoints,
    Instruments,
    Pack,
}

impl Counted {
    fn key(self) -> &'static str {
        match self {
            Counted::Packs => "packs",
            Counted::Modules => "modules",
            Counted::Lessons => "lessons",
            Counted::Objectives => "objectives",
            Counted::Questions => "questions",
            Counted::Options => "options",
            Counted::Citations => "citations",
            Counted::KeyPoints => "keypoints",
            Counted::Instruments => "instruments",
            Counted::Pack => "pack",
        }
    }
}

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Counted::KeyPoints => "key points",
            other => other.key(),
        })
    }
}

/// Fields with a length cap or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Summary,
    Objective,
    KeyPoint,
    Stem,
    Option,
    Why,
    Explanation,
    Citation,
    Name,
    Version,
    PassMark,
    QuizSize,
    Minutes,
    Jp,
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Objective => "objective",
            Field::KeyPoint => "keypoint",
            Field::Stem => "stem",
            Field::Option => "option",
            Field::Why => "why",
            Field::Explanation => "explanation",
            Field::Citation => "citation",
            Field::Name => "name",
            Field::Version => "version",
            Field::PassMark => "passmark",
            Field::QuizSize => "quizsize",
            Field::Minutes => "minutes",
            Field::Jp => "jp",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::KeyPoint => "a key point",
            Field::PassMark => "pass_mark",
            Field::QuizSize => "quiz_size",
            Field::Minutes => "minutes",
            Field::Option => "an option",
            other => other.key(),
        })
    }
}

/// Markdown that lessons may not contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Link,
    Image,
    Html,
}

impl Markup {
    fn key(self) -> &'static str {
        match self {
            Markup::Link => "link",
            Markup::Image => "image",
            Markup::Html => "html",
        }
    }
}

impl fmt::Display for Markup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Markup::Link => "a link",
            Markup::Image => "an image",
            Markup::Html => "raw HTML",
        })
    }
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
            K::ReviewLessonMismatch { id, lesson } => (
                "content-error-review-lesson",
                vec![("id", id.clone()), ("lesson", lesson.clone())],
            ),
            K::FormGap { objective, form } => (
                "content-error-form-gap",
                vec![("id", objective.clone()), ("form", (*form).to_string())],
            ),
            K::BadDate(date) => ("content-error-date", vec![("detail", date.clone())]),
            K::EmptyModule(id) => ("content-error-empty-module", vec![("id", id.clone())]),
            K::NotAFile(kind) => (
                "pack-error-not-a-file",
                vec![("kind", kind.key().to_owned())],
            ),
            K::TooLarge { limit } => ("pack-error-too-large", vec![("limit", kib(*limit))]),
            K::PackTooLarge { limit } => {
                ("pack-error-pack-too-large", vec![("limit", kib(*limit))])
            }
            K::InstalledTooLarge { installed, limit } => (
                "pack-error-installed-too-large",
                vec![("installed", kib(*installed)), ("limit", kib(*limit))],
            ),
            K::TooManyEntries { limit } => (
                "pack-error-too-many-entries",
                vec![("limit", limit.to_string())],
            ),
            K::TooDeep { limit } => ("pack-error-too-deep", vec![("limit", limit.to_string())]),
            K::BadFileName => ("pack-error-file-name", vec![]),
            K::BadPath(path) => ("pack-error-path", vec![("path", path.clone())]),
            K::ChangedWhileRead => ("pack-error-changed-while-read", vec![]),
            K::InvalidId { what, id } => (
                "pack-error-invalid-id",
                vec![("what", what.key().to_owned()), ("id", id.clone())],
            ),
            K::FolderMismatch { id, folder } => (
                "pack-error-folder-mismatch",
                vec![("id", id.clone()), ("folder", folder.clone())],
            ),
            K::TooMany { what, found, limit } => (
                "pack-error-too-many",
                vec![
                    ("what", what.key().to_owned()),
                    ("found", found.to_string()),
                    ("limit", limit.to_string()),
                ],
            ),
            K::TooLong { id, field, limit } => (
                "pack-error-too-long",
                vec![
                    ("id", id.clone()),
                    ("field", field.key().to_owned()),
                    ("limit", limit.to_string()),
                ],
            ),
            K::OutOfRange {
                id,
                field,
                value,
                min,
                max,
            } => (
                "pack-error-out-of-range",
                vec![
                    ("id", id.clone()),
                    ("field", field.key().to_owned()),
                    ("value", value.to_string()),
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                ],
            ),
            K::Markup { id, lang, markup } => (
                "pack-error-markup",
                vec![
                    ("id", id.clone()),
                    ("lang", (*lang).to_owned()),
                    ("markup", markup.key().to_owned()),
                ],
            ),
            K::JpTooHigh {
                id,
                jp,
                minutes,
                max,
            } => (
                "pack-error-jp-too-high",
                vec![
                    ("id", id.clone()),
                    ("jp", jp.to_string()),
                    ("minutes", minutes.to_string()),
                    ("max", max.to_string()),
                ],
            ),
            K::TooManyErrors(limit) => (
                "pack-error-too-many-errors",
                vec![("limit", limit.to_string())],
            ),
            K::Conflict { what, id, by } => match by {
                Some(pack) => (
                    "pack-error-conflict-pack",
                    vec![
                        ("what", what.key().to_owned()),
                        ("id", id.clone()),
                        ("pack", pack.clone()),
                    ],
                ),
                None => (
                    "pack-error-conflict-app",
                    vec![("what", what.key().to_owned()), ("id", id.clone())],
                ),
            },
            K::BadSignature(detail) => {
                ("pack-error-bad-signature", vec![("detail", detail.clone())])
            }
            K::ChangedSinceCheck => ("pack-error-changed-since-check", vec![]),
        };
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n::tr_args(lang, key, &args)
    }
}

/// A byte count as whole KiB, for messages.
fn kib(bytes: u64) -> String {
    (bytes / 1024).to_string()
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
