//! The content model: what the app shows, assembled from the language-neutral files and the
//! per-locale text files (see `assets/content/FORMAT.md`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::content::citation::Citation;
use crate::lang::{Lang, PerLang};

/// A legal instrument or a news source that citations point to.
#[derive(Debug, Clone, PartialEq)]
pub struct Instrument {
    pub id: String,
    pub kind: InstrumentKind,
    pub short: PerLang<String>,
    pub title: PerLang<String>,
    /// Set when the instrument is no longer in force: what cites it needs review.
    pub replaced_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InstrumentKind {
    Law,
    /// A news article, paraphrased and attributed.
    News,
}

/// One training module: lessons and the question pool that tests them.
#[derive(Debug, Clone)]
pub struct Module {
    pub id: String,
    pub order: u32,
    /// Percent needed to pass the final test.
    pub pass_mark: u8,
    /// How many questions one quiz draws.
    pub quiz_size: usize,
    /// "Berlaku per": when the content was last checked against the law.
    pub checked: NaiveDate,
    /// Jam pelajaran (45-minute units) a pass is worth, for certificates and the JP export:
    /// the module's own `jp`, or computed from its minutes when it has none (see [`jp_for`]).
    pub jp: u32,
    /// Whether `jp` was written in `module.ron` (packs made before the field have none).
    pub jp_declared: bool,
    pub title: PerLang<String>,
    pub summary: PerLang<String>,
    pub objectives: Vec<Objective>,
    pub lessons: Vec<Lesson>,
    pub questions: Vec<Question>,
    /// Where the module came from: `None` for the embedded content, else the pack's id (its
    /// folder name under `packs/`). [`Module::source`] says which version and content exactly.
    pub pack: Option<String>,
    /// Exactly which content this module is, for records that must say what a pass came from.
    pub source: ModuleSource,
}

/// Where a loaded module came from, precisely enough to trace a result back to the content and
/// pass mark it was earned against.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ModuleSource {
    /// Compiled into the app, so the app's version names the content.
    Embedded { app_version: String },
    /// From an installed content pack.
    Pack {
        /// The pack's id (its folder under `packs/`).
        id: String,
        /// The version its author gave it (`pack.ron`), if any.
        version: Option<String>,
        /// SHA-256 (hex) of the pack's files as checked at install: two modules with the same
        /// hash were taught from the same bytes.
        hash: String,
    },
}

impl ModuleSource {
    /// The content compiled into this build.
    pub fn embedded() -> Self {
        ModuleSource::Embedded {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// Minutes of one jam pelajaran.
pub const JP_MINUTES: u32 = 45;

/// Minutes a module is taken to need: its lessons' reading time plus one minute per question
/// for a practice round and the final test (`2 × quiz_size`).
pub fn study_minutes(lesson_minutes: u32, quiz_size: usize) -> u32 {
    let quiz = u32::try_from(quiz_size).unwrap_or(u32::MAX / 4);
    lesson_minutes.saturating_add(quiz.saturating_mul(2))
}

/// The JP a module of `minutes` study minutes gets when it declares none: whole 45-minute
/// units, rounded up, at least 1 and at most [`crate::content::limits::JP_MAX`].
pub fn jp_for(minutes: u32) -> u32 {
    minutes.div_ceil(JP_MINUTES).clamp(
        crate::content::limits::JP_MIN,
        crate::content::limits::JP_MAX,
    )
}

/// The most JP `minutes` study minutes can justify: `JP × 45 ≤ 2 × minutes` (an author may
/// credit up to twice the estimated time, for self-study around the lessons, and no more).
pub fn jp_cap(minutes: u32) -> u32 {
    minutes.saturating_mul(2) / JP_MINUTES
}

impl Module {
    /// Jam pelajaran a pass of this module is worth.
    pub fn jp(&self) -> u32 {
        self.jp
    }

    /// Its study minutes: lessons plus quizzes (see [`study_minutes`]).
    pub fn study_minutes(&self) -> u32 {
        study_minutes(
            self.lessons
                .iter()
                .fold(0, |sum, lesson| sum.saturating_add(lesson.minutes)),
            self.quiz_size,
        )
    }

    /// Where this module came from (the app, or which pack, version and hash).
    pub fn source(&self) -> &ModuleSource {
        &self.source
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|lesson| lesson.id == id)
    }

    pub fn lesson_index(&self, id: &str) -> Option<usize> {
        self.lessons.iter().position(|lesson| lesson.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|question| question.id == id)
    }

    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|objective| objective.id == id)
    }
}

#[derive(Debug, Clone)]
pub struct Objective {
    pub id: String,
    pub text: PerLang<String>,
}

#[derive(Debug, Clone)]
pub struct Lesson {
    pub id: String,
    /// Estimated reading time.
    pub minutes: u32,
    pub objectives: Vec<String>,
    /// "Dasar hukum": the legal basis of the lesson.
    pub cites: Vec<Citation>,
    pub title: PerLang<String>,
    pub key_points: PerLang<Vec<String>>,
    /// Markdown body.
    pub body: PerLang<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// One right option.
    Single,
    /// Two or more right options; scored all-or-nothing.
    Multiple,
    /// A statement that is true (`correct: [0]`) or false (`correct: [1]`).
    TrueFalse,
}

/// Parallel forms for a pre-test (A) and a post-test (B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Form {
    A,
    B,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    /// Indexes of the right options, in the order the options are written.
    pub correct: Vec<usize>,
    pub lesson: String,
    pub objective: String,
    pub form: Form,
    pub scenario: bool,
    pub cites: Vec<Citation>,
    pub text: PerLang<QuestionText>,
}

impl Question {
    pub fn option_count(&self) -> usize {
        self.text.id.options.len()
    }

    /// Whether the options may be shown in a shuffled order (true/false keeps its order).
    pub fn shuffles_options(&self) -> bool {
        self.kind != QuestionKind::TrueFalse
    }

    pub fn text(&self, lang: Lang) -> &QuestionText {
        self.text.get(lang)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionText {
    pub stem: String,
    pub options: Vec<OptionText>,
    pub explanation: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionText {
    pub text: String,
    /// Why this option is right or wrong.
    pub why: String,
}

// ---- The file formats, as serde reads them. ----

#[derive(Debug, Deserialize)]
pub(super) struct InstrumentsFile {
    pub version: u32,
    pub instruments: Vec<InstrumentEntry>,
}

#[derive(Debug, Deserialize)]
pub(super) struct InstrumentEntry {
    pub id: String,
    pub kind: InstrumentKind,
    pub short: BTreeMap<String, String>,
    pub title: BTreeMap<String, String>,
    #[serde(default)]
    pub replaced_by: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct ModuleFile {
    pub version: u32,
    pub id: String,
    pub order: u32,
    #[serde(default = "default_pass_mark")]
    pub pass_mark: u8,
    #[serde(default = "default_quiz_size")]
    pub quiz_size: usize,
    /// Jam pelajaran; absent in packs made before JP existed (computed then, with a warning).
    /// Written as a plain number (`jp: 2`), not `Some(2)`.
    #[serde(default, deserialize_with = "present")]
    pub jp: Option<u32>,
    pub checked: String,
    pub objectives: Vec<String>,
    pub lessons: Vec<LessonEntry>,
}

/// A field that is optional in the file but written bare when present.
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(deserializer).map(Some)
}

fn default_pass_mark() -> u8 {
    80
}

fn default_quiz_size() -> usize {
    10
}

#[derive(Debug, Deserialize)]
pub(super) struct LessonEntry {
    pub id: String,
    pub minutes: u32,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub cites: Vec<Citation>,
}

#[derive(Debug, Deserialize)]
pub(super) struct QuestionsFile {
    pub version: u32,
    pub questions: Vec<QuestionEntry>,
}

#[derive(Debug, Deserialize)]
pub(super) struct QuestionEntry {
    pub id: String,
    pub kind: QuestionKind,
    pub correct: Vec<usize>,
    pub lesson: String,
    pub objective: String,
    pub form: Form,
    #[serde(default)]
    pub scenario: bool,
    #[serde(default)]
    pub cites: Vec<Citation>,
}

#[derive(Debug, Deserialize)]
pub(super) struct ModuleTextFile {
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub objectives: BTreeMap<String, String>,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonTextEntry>,
}

#[derive(Debug, Deserialize)]
pub(super) struct LessonTextEntry {
    pub title: String,
    #[serde(default)]
    pub key_points: Vec<String>,
}

pub(super) type QuestionTextFile = BTreeMap<String, QuestionText>;
