//! The two tables HR gets (one row per attempt, one per learner × module), shared by the CSV
//! and Excel exports so that both always have the same columns and values.

use std::borrow::Cow;
use std::collections::HashMap;

use uuid::Uuid;

use crate::content::ModuleSource;
use crate::i18n;
use crate::lang::Lang;
use crate::quiz::Mode;
use crate::records::attempt::Attempt;
use crate::records::learner::Learner;
use crate::records::summary::{LearnerModule, Summary};
use crate::records::verify::{Status, Verification};

/// One cell of a table, typed so that each file format can write it its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(u32),
    /// A number with decimals: CSV writes it with a dot and `places` decimals, a workbook as a
    /// number.
    Decimal {
        value: f64,
        places: usize,
    },
    /// A learner's NIP, which must stay text with every digit.
    Nip(&'a str),
    Empty,
}

impl<'a> Cell<'a> {
    pub fn text(text: impl Into<Cow<'a, str>>) -> Self {
        Cell::Text(text.into())
    }
}

/// Column headers (Fluent keys) of the table with one row per attempt.
pub(super) const ATTEMPT_COLUMNS: [&str; 18] = [
    "csv-attempt",
    "csv-name",
    "csv-nip",
    "csv-unit",
    "csv-instansi",
    "csv-module",
    "csv-mode",
    "csv-started",
    "csv-finished",
    "csv-score",
    "csv-correct",
    "csv-total",
    "csv-pass-mark",
    "csv-passed",
    "csv-verification",
    "csv-content",
    "csv-session",
    "csv-session-test",
];

/// Column headers (Fluent keys) of the table with one row per learner × module.
pub(super) const SUMMARY_COLUMNS: [&str; 10] = [
    "csv-name",
    "csv-nip",
    "csv-unit",
    "csv-instansi",
    "csv-module",
    "csv-exams",
    "csv-best",
    "csv-passed",
    "csv-last",
    "csv-flagged",
];

pub(super) fn header(lang: Lang, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|key| i18n::tr(lang, key)).collect()
}

fn iso(time: chrono::DateTime<chrono::Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The words a table repeats on every row, looked up once.
pub(super) struct Labels {
    lang: Lang,
    exam: String,
    practice: String,
    yes: String,
    no: String,
    voided: String,
}

impl Labels {
    pub(super) fn new(lang: Lang) -> Self {
        Labels {
            lang,
            exam: i18n::tr(lang, "mode-exam"),
            practice: i18n::tr(lang, "mode-practice"),
            yes: i18n::tr(lang, "csv-yes"),
            no: i18n::tr(lang, "csv-no"),
            voided: i18n::tr(lang, "verify-voided"),
        }
    }

    fn yes_no(&self, yes: bool) -> &str {
        if yes { &self.yes } else { &self.no }
    }
}

/// Name, NIP, unit and instansi; empty when the learner is unknown.
fn learner_cells(learner: Option<&Learner>) -> [Cell<'_>; 4] {
    let Some(learner) = learner else {
        return [Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty];
    };
    [
        Cell::text(learner.name.as_str()),
        learner
            .nip
            .as_ref()
            .map_or(Cell::Empty, |nip| Cell::Nip(nip.as_str())),
        Cell::text(learner.unit.as_str()),
        Cell::text(learner.instansi.as_str()),
    ]
}

/// Rows of the attempts table, in the order of `attempts`.
pub(super) fn attempt_rows<'a>(
    learners: &'a [Learner],
    attempts: &'a [Attempt],
    verification: &'a Verification,
    labels: &'a Labels,
) -> impl Iterator<Item = [Cell<'a>; 18]> + 'a {
    let by_id: HashMap<Uuid, &Learner> = learners.iter().map(|l| (l.id, l)).collect();
    let voided = verification.voided();
    // Looked up once per status that occurs, whatever statuses verification knows.
    let mut verdicts: HashMap<Status, String> = HashMap::new();
    attempts.iter().map(move |attempt| {
        let [name, nip, unit, instansi] = learner_cells(by_id.get(&attempt.learner).copied());
        let verdict = if voided.contains(&attempt.id) {
            labels.voided.clone()
        } else {
            let status = verification.status_of(&attempt.id);
            verdicts
                .entry(status)
                .or_insert_with(|| status.label(labels.lang))
                .clone()
        };
        [
            Cell::text(attempt.id.to_string()),
            name,
            nip,
            unit,
            instansi,
            Cell::text(attempt.module.as_str()),
            Cell::text(if attempt.mode == Mode::Exam {
                labels.exam.as_str()
            } else {
                labels.practice.as_str()
            }),
            Cell::text(iso(attempt.started)),
            Cell::text(iso(attempt.finished)),
            Cell::Number(u32::from(attempt.score.percent())),
            Cell::Number(attempt.score.correct),
            Cell::Number(attempt.score.total),
            Cell::Number(u32::from(attempt.pass_mark)),
            Cell::text(labels.yes_no(attempt.passed)),
            Cell::text(verdict),
            attempt.content.as_ref().map_or(Cell::Empty, |source| {
                Cell::text(content_label(source, labels))
            }),
            attempt
                .session
                .as_ref()
                .map_or(Cell::Empty, |tag| Cell::text(tag.token.as_str())),
            attempt.session.as_ref().map_or(Cell::Empty, |tag| {
                Cell::text(match tag.phase {
                    crate::training::TestPhase::Pre => "pre",
                    crate::training::TestPhase::Post => "post",
                })
            }),
        ]
    })
}

/// Which content an attempt was taken on: the app's own (by version) or a pack (id, version and
/// the start of its hash), so HR can tell which pass mark and questions a pass came from.
fn content_label(source: &ModuleSource, labels: &Labels) -> String {
    match source {
        ModuleSource::Embedded { app_version } => {
            i18n::tr_args(labels.lang, "csv-content-app", &[("version", app_version)])
        }
        ModuleSource::Pack { id, version, hash } => i18n::tr_args(
            labels.lang,
            "csv-content-pack",
            &[
                ("id", id),
                ("version", version.as_deref().unwrap_or("-")),
                ("hash", hash.get(..12).unwrap_or(hash)),
            ],
        ),
    }
}

/// Rows of the learner × module table, with the same numbers as the screens.
pub(super) fn summary_rows<'a>(
    learners: &'a [Learner],
    summary: &'a Summary,
    labels: &'a Labels,
) -> impl Iterator<Item = [Cell<'a>; 10]> + 'a {
    let by_id: HashMap<Uuid, &Learner> = learners.iter().map(|l| (l.id, l)).collect();
    summary.rows.iter().map(move |row: &LearnerModule| {
        let [name, nip, unit, instansi] = learner_cells(by_id.get(&row.learner).copied());
        [
            name,
            nip,
            unit,
            instansi,
            Cell::text(row.module.as_str()),
            Cell::Number(u32::try_from(row.exams).unwrap_or(u32::MAX)),
            row.best_exam
                .map_or(Cell::Empty, |best| Cell::Number(u32::from(best))),
            Cell::text(labels.yes_no(row.passed)),
            row.last.map_or(Cell::Empty, |t| Cell::text(iso(t))),
            Cell::Number(u32::try_from(row.flagged).unwrap_or(u32::MAX)),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_have_as_many_headers_as_cells() {
        let labels = Labels::new(Lang::En);
        let summary = Summary::default();
        assert_eq!(summary_rows(&[], &summary, &labels).count(), 0);
        assert_eq!(header(Lang::En, &ATTEMPT_COLUMNS).len(), 18);
        assert_eq!(header(Lang::En, &SUMMARY_COLUMNS).len(), 10);
        assert_eq!(header(Lang::Id, &SUMMARY_COLUMNS)[1], "NIP");
    }
}
