//! Reading a content tree into modules. Every problem is collected (not just the first) so an
//! author can fix a pack in one pass; a tree with any error is refused whole.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::content::error::{ContentError, ContentErrorKind, line_of};
use crate::content::files::{ContentFiles, DirFiles, EmbeddedFiles};
use crate::content::model::{
    Instrument, InstrumentsFile, Lesson, Module, ModuleFile, ModuleTextFile, Objective, Question,
    QuestionText, QuestionTextFile, QuestionsFile,
};
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
}

impl Catalog {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|module| module.id == id)
    }

    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.get(id)
    }
}

/// A content pack that was refused, with every reason.
#[derive(Debug, Clone)]
pub struct RefusedPack {
    pub name: String,
    pub errors: Vec<ContentError>,
}

/// Loads the content compiled into the binary.
pub fn load_embedded() -> Result<Catalog, Vec<ContentError>> {
    load(&EmbeddedFiles, &BTreeMap::new())
}

/// Loads the embedded content plus every pack folder under `packs_dir`. A broken pack is refused
/// whole and reported; the rest loads.
pub fn load_with_packs(packs_dir: &Path) -> Result<(Catalog, Vec<RefusedPack>), Vec<ContentError>> {
    let mut catalog = load_embedded()?;
    let mut refused = Vec::new();
    let Ok(entries) = std::fs::read_dir(packs_dir) else {
        return Ok((catalog, refused));
    };
    let mut packs: Vec<_> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .collect();
    packs.sort_by_key(std::fs::DirEntry::file_name);
    for entry in packs {
        let name = entry.file_name().to_string_lossy().into_owned();
        match add_pack(&catalog, &DirFiles::new(entry.path()), &name) {
            Ok(merged) => catalog = merged,
            Err(errors) => refused.push(RefusedPack { name, errors }),
        }
    }
    Ok((catalog, refused))
}

/// Returns `base` with the pack's modules (and instruments) added, or every reason to refuse it.
/// `base` is never changed, so a refused pack leaves the catalog as it was.
pub fn add_pack(
    base: &Catalog,
    files: &dyn ContentFiles,
    name: &str,
) -> Result<Catalog, Vec<ContentError>> {
    let mut pack = load(files, &base.instruments)?;
    let mut errors = Vec::new();
    for module in &mut pack.modules {
        if base.module(&module.id).is_some() {
            errors.push(ContentError::new(
                format!("{}/module.ron", module.id),
                None,
                ContentErrorKind::DuplicateId(module.id.clone()),
            ));
        }
        module.pack = Some(name.to_owned());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut merged = base.clone();
    merged.instruments.extend(pack.instruments);
    merged.modules.extend(pack.modules);
    merged
        .modules
        .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    merged.warnings.extend(pack.warnings);
    Ok(merged)
}

/// Loads and validates one content tree. `known_instruments` are those a pack may cite without
/// declaring them (the embedded registry).
pub fn load(
    files: &dyn ContentFiles,
    known_instruments: &BTreeMap<String, Instrument>,
) -> Result<Catalog, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut instruments = known_instruments.clone();
    let own_instruments = match files.read("instruments.ron") {
        Some(_) => read_instruments(files, &mut errors),
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
        if instruments.contains_key(&instrument.id) && !known_instruments.is_empty() {
            // A pack may not redefine an instrument the app already knows.
            errors.push(ContentError::new(
                "instruments.ron",
                None,
                ContentErrorKind::DuplicateId(instrument.id.clone()),
            ));
            continue;
        }
        if instruments
            .insert(instrument.id.clone(), instrument.clone())
            .is_some()
        {
            errors.push(ContentError::new(
                "instruments.ron",
                None,
                ContentErrorKind::DuplicateId(instrument.id),
            ));
        }
    }

    let mut modules = Vec::new();
    for dir in files.modules() {
        if let Some(module) = read_module(files, &dir, &mut errors) {
            modules.push(module);
        }
    }
    if modules.is_empty() && errors.is_empty() {
        errors.push(ContentError::new(
            "module.ron",
            None,
            ContentErrorKind::MissingFile,
        ));
    }
    modules.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));

    let warnings = validate::validate(files, &instruments, &modules, &mut errors);
    if errors.is_empty() {
        Ok(Catalog {
            instruments,
            modules,
            warnings,
        })
    } else {
        Err(errors)
    }
}

fn read_text(
    files: &dyn ContentFiles,
    path: &str,
    errors: &mut Vec<ContentError>,
) -> Option<String> {
    match files.read(path) {
        Some(Ok(text)) => Some(text),
        Some(Err(detail)) => {
            errors.push(ContentError::new(
                path,
                None,
                ContentErrorKind::Unreadable(detail),
            ));
            None
        }
        None => {
            errors.push(ContentError::new(path, None, ContentErrorKind::MissingFile));
            None
        }
    }
}

fn parse<T: DeserializeOwned>(
    files: &dyn ContentFiles,
    path: &str,
    errors: &mut Vec<ContentError>,
) -> Option<T> {
    let text = read_text(files, path, errors)?;
    match ron::from_str(&text) {
        Ok(value) => Some(value),
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

fn check_version(version: u32, path: &str, errors: &mut Vec<ContentError>) -> bool {
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

fn read_instruments(files: &dyn ContentFiles, errors: &mut Vec<ContentError>) -> Vec<Instrument> {
    let path = "instruments.ron";
    let Some(file) = parse::<InstrumentsFile>(files, path, errors) else {
        return Vec::new();
    };
    if !check_version(file.version, path, errors) {
        return Vec::new();
    }
    file.instruments
        .into_iter()
        .map(|entry| Instrument {
            short: per_lang(&entry.short),
            title: per_lang(&entry.title),
            id: entry.id,
            kind: entry.kind,
            replaced_by: entry.replaced_by,
        })
        .collect()
}

/// The per-locale files of one module, parsed.
struct Localized {
    module: ModuleTextFile,
    questions: QuestionTextFile,
}

fn read_module(
    files: &dyn ContentFiles,
    dir: &str,
    errors: &mut Vec<ContentError>,
) -> Option<Module> {
    let module_path = format!("{dir}/module.ron");
    let questions_path = format!("{dir}/questions.ron");
    let meta = parse::<ModuleFile>(files, &module_path, errors);
    let pool = parse::<QuestionsFile>(files, &questions_path, errors);
    let mut localized = BTreeMap::new();
    for lang in Lang::ALL {
        let text =
            parse::<ModuleTextFile>(files, &format!("{dir}/{}/module.ron", lang.code()), errors);
        let questions = parse::<QuestionTextFile>(
            files,
            &format!("{dir}/{}/questions.ron", lang.code()),
            errors,
        );
        if let (Some(module), Some(questions)) = (text, questions) {
            localized.insert(lang, Localized { module, questions });
        }
    }
    let (meta, pool) = (meta?, pool?);
    let versions_ok = check_version(meta.version, &module_path, errors)
        & check_version(pool.version, &questions_path, errors);
    if !versions_ok || localized.len() != Lang::ALL.len() {
        return None;
    }
    let module_text = files
        .read(&module_path)
        .and_then(Result::ok)
        .unwrap_or_default();
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

    Some(Module {
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
    })
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
