//! Reading a content tree into modules. Every problem is collected (up to
//! [`limits::ERRORS`]) so an author can fix a pack in one pass; a tree with any error is
//! refused whole.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::content::error::{ContentError, ContentErrorKind, Counted, line_of};
use crate::content::files::{ContentFiles, EmbeddedFiles};
use crate::content::limits;
use crate::content::model::{
    Instrument, InstrumentsFile, Lesson, Module, ModuleFile, ModuleSource, ModuleTextFile,
    Objective, Question, QuestionText, QuestionTextFile, QuestionsFile,
};
use crate::content::packs::InstalledPack;
use crate::content::validate::{self, Warning};
use crate::lang::{Lang, PerLang};

/// The newest content format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// Everything the app can teach: modules in display order and the instruments they cite.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub instruments: BTreeMap<String, Instrument>,
    pub modules: Vec<Module>,
    /// Things to review that do not stop loading (e.g. a cited instrument was replaced).
    pub warnings: Vec<Warning>,
    /// The content packs installed in the data directory, enabled or not, in folder order
    /// (empty when only the embedded content was loaded).
    pub packs: Vec<InstalledPack>,
}

impl Catalog {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|module| module.id == id)
    }

    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.get(id)
    }
}

/// How much checking a load does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Depth {
    /// Every rule: for the embedded content, `content check` and installs.
    Full,
    /// The files are byte for byte those this version of the app checked in full at install
    /// (their hash matched the check record), so only what building the modules needs is done.
    Recorded,
}

/// Loads the content compiled into the binary (checked once per run, then copied).
pub fn load_embedded() -> Result<Catalog, Vec<ContentError>> {
    embedded().cloned().map_err(<[ContentError]>::to_vec)
}

/// The embedded content, loaded and checked on first use.
pub(super) fn embedded() -> Result<&'static Catalog, &'static [ContentError]> {
    static EMBEDDED: OnceLock<Result<Catalog, Vec<ContentError>>> = OnceLock::new();
    EMBEDDED
        .get_or_init(|| load(&EmbeddedFiles, &BTreeMap::new()))
        .as_ref()
        .map_err(Vec::as_slice)
}

/// Loads and validates one content tree. `known_instruments` are those a pack may cite without
/// declaring them (the embedded registry).
pub fn load(
    files: &dyn ContentFiles,
    known_instruments: &BTreeMap<String, Instrument>,
) -> Result<Catalog, Vec<ContentError>> {
    load_with(files, known_instruments, Depth::Full)
}

pub(super) fn load_with(
    files: &dyn ContentFiles,
    known_instruments: &BTreeMap<String, Instrument>,
    depth: Depth,
) -> Result<Catalog, Vec<ContentError>> {
    let mut errors = files.problems();
    let mut instruments = known_instruments.clone();
    let own_instruments = match files.read("instruments.ron") {
        Some(_) => read_instruments(files, &mut errors, !known_instruments.is_empty()),
        None if known_instruments.is_empty() => {
            errors.push(ContentError::new(
                "instruments.ron",
                None,
                ContentErrorKind::MissingFile,
            ));
            Vec::new()
        }
        None => Vec::new(),
    };
    for instrument in own_instruments {
        if known_instruments.contains_key(&instrument.id) {
            // A pack may not redefine an instrument the app already knows.
            errors.push(ContentError::new(
                "instruments.ron",
                None,
                ContentErrorKind::Conflict {
                    what: Counted::Instruments,
                    id: instrument.id.clone(),
                    by: None,
                },
            ));
            continue;
        }
        let id = instrument.id.clone();
        if instruments.insert(id.clone(), instrument).is_some() {
            errors.push(ContentError::new(
                "instruments.ron",
                None,
                ContentErrorKind::DuplicateId(id),
            ));
        }
    }

    let dirs = files.modules();
    let mut modules = Vec::new();
    if dirs.len() > limits::MODULES {
        errors.push(ContentError::new(
            files.label(),
            None,
            ContentErrorKind::TooMany {
                what: Counted::Modules,
                found: dirs.len(),
                limit: limits::MODULES,
            },
        ));
    } else {
        for dir in &dirs {
            if full(&errors) {
                break;
            }
            if let Some(module) = read_module(files, dir, &mut errors) {
                modules.push(module);
            }
        }
    }
    if dirs.is_empty() && errors.is_empty() {
        errors.push(ContentError::new(
            "module.ron",
            None,
            ContentErrorKind::MissingFile,
        ));
    }
    modules.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));

    let warnings = if depth == Depth::Full && !full(&errors) {
        validate::validate(files, &instruments, &modules, &mut errors)
    } else {
        validate::warnings(&instruments, &modules)
    };
    if errors.is_empty() {
        Ok(Catalog {
            instruments,
            modules,
            warnings,
            packs: Vec::new(),
        })
    } else {
        Err(cap_errors(errors))
    }
}

/// Whether enough errors were found to stop looking for more (one past the cap, so that
/// [`cap_errors`] knows there were more).
pub(super) fn full(errors: &[ContentError]) -> bool {
    errors.len() > limits::ERRORS
}

/// At most [`limits::ERRORS`] errors, and a last line saying the check stopped there.
pub(super) fn cap_errors(mut errors: Vec<ContentError>) -> Vec<ContentError> {
    if errors.len() > limits::ERRORS {
        let last = errors[limits::ERRORS].file.clone();
        errors.truncate(limits::ERRORS);
        errors.push(ContentError::new(
            last,
            None,
            ContentErrorKind::TooManyErrors(limits::ERRORS),
        ));
    }
    errors
}

fn read_text(
    files: &dyn ContentFiles,
    path: &str,
    errors: &mut Vec<ContentError>,
) -> Option<String> {
    match files.read(path) {
        Some(Ok(text)) => Some(text),
        Some(Err(kind)) => {
            let error = ContentError::new(path, None, kind);
            // A special file was already named when the folder was listed.
            if !errors.contains(&error) {
                errors.push(error);
            }
            None
        }
        None => {
            errors.push(ContentError::new(path, None, ContentErrorKind::MissingFile));
            None
        }
    }
}

/// The file at `path`, parsed, with its text (to point errors at lines).
pub(super) fn parse<T: DeserializeOwned>(
    files: &dyn ContentFiles,
    path: &str,
    errors: &mut Vec<ContentError>,
) -> Option<(T, String)> {
    let text = read_text(files, path, errors)?;
    match ron::from_str(&text) {
        Ok(value) => Some((value, text)),
        Err(error) => {
            errors.push(ContentError::new(
                path,
                Some(error.span.start.line),
                ContentErrorKind::Syntax(error.code.to_string()),
            ));
            None
        }
    }
}

pub(super) fn check_version(version: u32, path: &str, errors: &mut Vec<ContentError>) -> bool {
    if version == 0 || version > FORMAT_VERSION {
        errors.push(ContentError::new(
            path,
            None,
            ContentErrorKind::Version(version),
        ));
        return false;
    }
    true
}

fn per_lang(map: &BTreeMap<String, String>) -> PerLang<String> {
    PerLang {
        id: map.get("id").cloned().unwrap_or_default(),
        en: map.get("en").cloned().unwrap_or_default(),
    }
}

fn read_instruments(
    files: &dyn ContentFiles,
    errors: &mut Vec<ContentError>,
    is_pack: bool,
) -> Vec<Instrument> {
    let path = "instruments.ron";
    let Some((file, text)) = parse::<InstrumentsFile>(files, path, errors) else {
        return Vec::new();
    };
    if !check_version(file.version, path, errors) {
        return Vec::new();
    }
    if is_pack && file.instruments.len() > limits::INSTRUMENTS {
        errors.push(ContentError::new(
            path,
            None,
            ContentErrorKind::TooMany {
                what: Counted::Instruments,
                found: file.instruments.len(),
                limit: limits::INSTRUMENTS,
            },
        ));
        return Vec::new();
    }
    let mut valid = Vec::new();
    for entry in file.instruments {
        if !limits::is_valid_id(&entry.id) {
            errors.push(ContentError::new(
                path,
                line_of(&text, &format!("\"{}\"", entry.id)),
                ContentErrorKind::InvalidId {
                    what: Counted::Instruments,
                    id: entry.id,
                },
            ));
            continue;
        }
        valid.push(Instrument {
            short: per_lang(&entry.short),
            title: per_lang(&entry.title),
            id: entry.id,
            kind: entry.kind,
            replaced_by: entry.replaced_by,
        });
    }
    valid
}

/// The per-locale files of one module, parsed.
struct Localized {
    module: ModuleTextFile,
    questions: QuestionTextFile,
}

fn too_many(path: &str, what: Counted, found: usize, limit: usize) -> Option<ContentError> {
    (found > limit)
        .then(|| ContentError::new(path, None, ContentErrorKind::TooMany { what, found, limit }))
}

fn read_module(
    files: &dyn ContentFiles,
    dir: &str,
    errors: &mut Vec<ContentError>,
) -> Option<Module> {
    let module_path = format!("{dir}/module.ron");
    if !limits::is_valid_id(dir) {
        errors.push(ContentError::new(
            &module_path,
            None,
            ContentErrorKind::InvalidId {
                what: Counted::Modules,
                id: dir.to_owned(),
            },
        ));
        return None;
    }
    let questions_path = format!("{dir}/questions.ron");
    let meta = parse::<ModuleFile>(files, &module_path, errors);
    let pool = parse::<QuestionsFile>(files, &questions_path, errors);
    // The locale files are parsed even when the neutral ones are broken, so that one pass
    // lists the syntax errors of all four.
    let mut parsed = Vec::new();
    for lang in Lang::ALL {
        let code = lang.code();
        let text = parse::<ModuleTextFile>(files, &format!("{dir}/{code}/module.ron"), errors);
        let questions =
            parse::<QuestionTextFile>(files, &format!("{dir}/{code}/questions.ron"), errors);
        if let (Some(text), Some(questions)) = (text, questions) {
            parsed.push((lang, text, questions));
        }
    }
    let ((meta, module_text), (pool, _)) = (meta?, pool?);
    let versions_ok = check_version(meta.version, &module_path, errors)
        & check_version(pool.version, &questions_path, errors);
    if !versions_ok || parsed.len() != Lang::ALL.len() {
        return None;
    }
    if meta.id != dir {
        errors.push(ContentError::new(
            &module_path,
            line_of(&module_text, "id:"),
            ContentErrorKind::FolderMismatch {
                id: meta.id,
                folder: dir.to_owned(),
            },
        ));
        return None;
    }
    // Counts first: nothing below is done for a pool past its caps.
    let counts = [
        too_many(
            &module_path,
            Counted::Lessons,
            meta.lessons.len(),
            limits::LESSONS,
        ),
        too_many(
            &module_path,
            Counted::Objectives,
            meta.objectives.len(),
            limits::OBJECTIVES,
        ),
        too_many(
            &questions_path,
            Counted::Questions,
            pool.questions.len(),
            limits::QUESTIONS,
        ),
    ];
    let before = errors.len();
    errors.extend(counts.into_iter().flatten());
    // Every lesson id becomes a file name: check them all before reading any body.
    for lesson in &meta.lessons {
        if !limits::is_valid_id(&lesson.id) {
            errors.push(ContentError::new(
                &module_path,
                line_of(&module_text, &format!("\"{}\"", lesson.id)),
                ContentErrorKind::InvalidId {
                    what: Counted::Lessons,
                    id: lesson.id.clone(),
                },
            ));
        }
    }
    if errors.len() > before {
        return None;
    }

    let mut localized = BTreeMap::new();
    for (lang, (module, m_text), (questions, q_text)) in parsed {
        check_translations(
            dir,
            lang,
            (&meta, &pool),
            (&module, &questions),
            [&m_text, &q_text],
            errors,
        );
        localized.insert(lang, Localized { module, questions });
    }
    let Ok(checked) = NaiveDate::parse_from_str(&meta.checked, "%Y-%m-%d") else {
        errors.push(ContentError::new(
            &module_path,
            line_of(&module_text, "checked"),
            ContentErrorKind::BadDate(meta.checked),
        ));
        return None;
    };

    let both = |f: &dyn Fn(&Localized) -> Option<String>| PerLang {
        id: f(&localized[&Lang::Id]).unwrap_or_default(),
        en: f(&localized[&Lang::En]).unwrap_or_default(),
    };

    let objectives = meta
        .objectives
        .iter()
        .map(|id| Objective {
            id: id.clone(),
            text: both(&|l| l.module.objectives.get(id).cloned()),
        })
        .collect();

    let mut lessons = Vec::new();
    for entry in meta.lessons {
        let body = PerLang {
            id: read_text(files, &format!("{dir}/id/{}.md", entry.id), errors).unwrap_or_default(),
            en: read_text(files, &format!("{dir}/en/{}.md", entry.id), errors).unwrap_or_default(),
        };
        lessons.push(Lesson {
            title: both(&|l| l.module.lessons.get(&entry.id).map(|t| t.title.clone())),
            key_points: PerLang {
                id: key_points(&localized[&Lang::Id], &entry.id),
                en: key_points(&localized[&Lang::En], &entry.id),
            },
            body,
            id: entry.id,
            minutes: entry.minutes,
            objectives: entry.objectives,
            cites: entry.cites,
        });
    }

    let questions = pool
        .questions
        .into_iter()
        .map(|entry| Question {
            text: PerLang {
                id: question_text(&localized[&Lang::Id], &entry.id),
                en: question_text(&localized[&Lang::En], &entry.id),
            },
            id: entry.id,
            kind: entry.kind,
            correct: entry.correct,
            lesson: entry.lesson,
            objective: entry.objective,
            form: entry.form,
            scenario: entry.scenario,
            cites: entry.cites,
        })
        .collect();

    let minutes = crate::content::model::study_minutes(
        lessons.iter().fold(0u32, |sum, lesson: &Lesson| {
            sum.saturating_add(lesson.minutes)
        }),
        meta.quiz_size,
    );
    Some(Module {
        jp: meta
            .jp
            .unwrap_or_else(|| crate::content::model::jp_for(minutes)),
        jp_declared: meta.jp.is_some(),
        title: both(&|l| Some(l.module.title.clone())),
        summary: both(&|l| Some(l.module.summary.clone())),
        id: meta.id,
        order: meta.order,
        pass_mark: meta.pass_mark,
        quiz_size: meta.quiz_size,
        checked,
        objectives,
        lessons,
        questions,
        pack: None,
        source: ModuleSource::embedded(),
    })
}

/// Both locale files must name exactly the ids of the neutral files (set lookups: linear).
fn check_translations(
    dir: &str,
    lang: Lang,
    (meta, pool): (&ModuleFile, &QuestionsFile),
    (texts, questions): (&ModuleTextFile, &QuestionTextFile),
    [m_text, q_text]: [&str; 2],
    errors: &mut Vec<ContentError>,
) {
    let code = lang.code();
    let q_path = format!("{dir}/{code}/questions.ron");
    let m_path = format!("{dir}/{code}/module.ron");
    let same_ids = IdsInFile {
        lang: code,
        path: &q_path,
        text: q_text,
    };
    same_ids.compare(
        pool.questions.iter().map(|q| q.id.as_str()),
        questions.keys().map(String::as_str),
        errors,
    );
    let same_ids = IdsInFile {
        lang: code,
        path: &m_path,
        text: m_text,
    };
    same_ids.compare(
        meta.lessons.iter().map(|l| l.id.as_str()),
        texts.lessons.keys().map(String::as_str),
        errors,
    );
    same_ids.compare(
        meta.objectives.iter().map(String::as_str),
        texts.objectives.keys().map(String::as_str),
        errors,
    );
}

/// A locale file whose ids are compared with the neutral file's.
struct IdsInFile<'a> {
    lang: &'static str,
    path: &'a str,
    text: &'a str,
}

impl IdsInFile<'_> {
    fn compare<'i>(
        &self,
        expected: impl Iterator<Item = &'i str> + Clone,
        found: impl Iterator<Item = &'i str> + Clone,
        errors: &mut Vec<ContentError>,
    ) {
        let expected_set: HashSet<&str> = expected.clone().collect();
        let found_set: HashSet<&str> = found.clone().collect();
        let mut reported = HashSet::new();
        for missing in expected.filter(|id| !found_set.contains(id)) {
            if reported.insert(missing) && !full(errors) {
                errors.push(ContentError::new(
                    self.path,
                    None,
                    ContentErrorKind::MissingTranslation {
                        id: missing.to_owned(),
                        lang: self.lang,
                    },
                ));
            }
        }
        for extra in found.filter(|id| !expected_set.contains(id)) {
            if full(errors) {
                return;
            }
            errors.push(ContentError::new(
                self.path,
                line_of(self.text, &format!("\"{extra}\"")),
                ContentErrorKind::ExtraTranslation {
                    id: extra.to_owned(),
                    lang: self.lang,
                },
            ));
        }
    }
}

fn key_points(localized: &Localized, lesson: &str) -> Vec<String> {
    localized
        .module
        .lessons
        .get(lesson)
        .map(|text| text.key_points.clone())
        .unwrap_or_default()
}

fn question_text(localized: &Localized, id: &str) -> QuestionText {
    localized.questions.get(id).cloned().unwrap_or_default()
}
