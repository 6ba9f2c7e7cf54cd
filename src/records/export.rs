//! Exports for HR: CSV that opens correctly in Excel on an Indonesian-locale Windows (UTF-8
//! with BOM, `;` separators since `,` is the decimal mark there, proper quoting, ISO dates), and
//! xAPI statements for a learning record store.

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Value, json};
use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::quiz::Mode;
use crate::records::attempt::Attempt;
use crate::records::learner::Learner;
use crate::records::summary::Summary;
use crate::records::verify::{Status, Verification};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn writer<W: Write>(mut out: W) -> std::io::Result<csv::Writer<W>> {
    out.write_all(BOM)?;
    Ok(csv::WriterBuilder::new().delimiter(b';').from_writer(out))
}

fn header(lang: Lang, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|key| i18n::tr(lang, key)).collect()
}

fn csv_error(error: csv::Error) -> std::io::Error {
    std::io::Error::other(error)
}

/// Name, NIP (as text, all 18 digits), unit and instansi; empty when the learner is unknown.
fn learner_columns(learner: Option<&Learner>) -> [String; 4] {
    let Some(learner) = learner else {
        return Default::default();
    };
    [
        learner.name.clone(),
        learner
            .nip
            .as_ref()
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default(),
        learner.unit.clone(),
        learner.instansi.clone(),
    ]
}

/// One row per attempt.
pub fn attempts_csv<W: Write>(
    out: W,
    learners: &[Learner],
    attempts: &[Attempt],
    verification: &Verification,
    lang: Lang,
) -> std::io::Result<()> {
    let by_id: HashMap<Uuid, &Learner> = learners.iter().map(|l| (l.id, l)).collect();
    let voided = verification.voided();
    let mut csv = writer(out)?;
    csv.write_record(header(
        lang,
        &[
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
        ],
    ))
    .map_err(csv_error)?;
    for attempt in attempts {
        let learner = by_id.get(&attempt.learner);
        let status = verification.status_of(&attempt.id);
        let mut record = vec![attempt.id.to_string()];
        record.extend(learner_columns(learner.copied()));
        record.extend([
            attempt.module.clone(),
            i18n::tr(
                lang,
                if attempt.mode == Mode::Exam {
                    "mode-exam"
                } else {
                    "mode-practice"
                },
            ),
            attempt
                .started
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            attempt
                .finished
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            attempt.score.percent().to_string(),
            attempt.score.correct.to_string(),
            attempt.score.total.to_string(),
            attempt.pass_mark.to_string(),
            i18n::tr(lang, if attempt.passed { "csv-yes" } else { "csv-no" }),
            if voided.contains(&attempt.id) {
                i18n::tr(lang, "verify-voided")
            } else {
                status.label(lang)
            },
        ]);
        csv.write_record(&record).map_err(csv_error)?;
    }
    csv.flush()
}

/// One row per learner × module, with the same numbers as the screens (verified exams only).
pub fn summary_csv<W: Write>(
    out: W,
    learners: &[Learner],
    summary: &Summary,
    lang: Lang,
) -> std::io::Result<()> {
    let by_id: HashMap<Uuid, &Learner> = learners.iter().map(|l| (l.id, l)).collect();
    let mut csv = writer(out)?;
    csv.write_record(header(
        lang,
        &[
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
        ],
    ))
    .map_err(csv_error)?;
    for row in &summary.rows {
        let learner = by_id.get(&row.learner);
        let mut record = learner_columns(learner.copied()).to_vec();
        record.extend([
            row.module.clone(),
            row.exams.to_string(),
            row.best_exam.map(|b| b.to_string()).unwrap_or_default(),
            i18n::tr(lang, if row.passed { "csv-yes" } else { "csv-no" }),
            row.last
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                .unwrap_or_default(),
            row.flagged.to_string(),
        ]);
        csv.write_record(&record).map_err(csv_error)?;
    }
    csv.flush()
}

/// Where the IRIs of this app's activities live. `.invalid` is reserved: it names the app, not a
/// web site, so no LRS will ever try to fetch it.
pub const ACTIVITY_BASE: &str = "https://latih-asn.invalid/xapi";
/// The account home page for NIP identities: BKN issues NIPs.
pub const NIP_HOME_PAGE: &str = "https://www.bkn.go.id";

/// xAPI statements for the attempts that verify (records that do not verify are not sent to an
/// LRS as if they were true). The statement id is the attempt id, so re-sending adds nothing.
pub fn xapi_statements(
    learners: &[Learner],
    attempts: &[Attempt],
    verification: &Verification,
) -> Vec<Value> {
    let by_id: HashMap<Uuid, &Learner> = learners.iter().map(|l| (l.id, l)).collect();
    let voided = verification.voided();
    attempts
        .iter()
        .filter(|a| verification.status_of(&a.id) == Status::Valid && !voided.contains(&a.id))
        .filter_map(|attempt| {
            let learner = by_id.get(&attempt.learner)?;
            let account = account(learner);
            let (verb, display) = match (attempt.mode, attempt.passed) {
                (Mode::Exam, true) => ("http://adlnet.gov/expapi/verbs/passed", "passed"),
                (Mode::Exam, false) => ("http://adlnet.gov/expapi/verbs/failed", "failed"),
                (Mode::Practice, _) => ("http://adlnet.gov/expapi/verbs/attempted", "attempted"),
            };
            let total = attempt.score.total.max(1);
            Some(json!({
                "id": attempt.id.to_string(),
                "actor": { "objectType": "Agent", "name": learner.name, "account": account },
                "verb": { "id": verb, "display": { "en-US": display } },
                "object": {
                    "objectType": "Activity",
                    "id": format!("{ACTIVITY_BASE}/module/{}", attempt.module),
                    "definition": {
                        "type": "http://adlnet.gov/expapi/activities/assessment",
                        "name": { "id-ID": attempt.module }
                    }
                },
                "result": {
                    "score": {
                        "scaled": f64::from(attempt.score.correct) / f64::from(total),
                        "raw": attempt.score.correct,
                        "min": 0,
                        "max": attempt.score.total
                    },
                    "success": attempt.passed,
                    "completion": true
                },
                "context": {
                    "registration": attempt.id.to_string(),
                    "platform": "latih-asn",
                    "language": "id-ID",
                    "extensions": {
                        format!("{ACTIVITY_BASE}/extensions/content-version"): attempt.content_checked.to_string(),
                        format!("{ACTIVITY_BASE}/extensions/mode"): if attempt.mode == Mode::Exam { "exam" } else { "practice" },
                        format!("{ACTIVITY_BASE}/extensions/unit"): learner.unit
                    }
                },
                "timestamp": attempt.finished.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            }))
        })
        .chain(waiver_statements(&by_id, verification))
        .collect()
}

/// A waived module is reported as "completed" (no score): the learner completed the requirement
/// by a decision, not a test. The statement id is the correction's id.
fn waiver_statements<'a>(
    by_id: &'a HashMap<Uuid, &'a Learner>,
    verification: &'a Verification,
) -> impl Iterator<Item = Value> + 'a {
    verification.corrections.iter().filter_map(move |correction| {
        let crate::records::CorrectionKind::Waive { learner, module } = &correction.kind else {
            return None;
        };
        let learner = by_id.get(learner)?;
        Some(json!({
            "id": correction.id.to_string(),
            "actor": { "objectType": "Agent", "name": learner.name, "account": account(learner) },
            "verb": { "id": "http://adlnet.gov/expapi/verbs/completed", "display": { "en-US": "completed" } },
            "object": {
                "objectType": "Activity",
                "id": format!("{ACTIVITY_BASE}/module/{module}"),
                "definition": { "type": "http://adlnet.gov/expapi/activities/course", "name": { "id-ID": module } }
            },
            "result": { "completion": true },
            "context": {
                "platform": "latih-asn",
                "language": "id-ID",
                "extensions": {
                    format!("{ACTIVITY_BASE}/extensions/waiver-reason"): correction.reason,
                    format!("{ACTIVITY_BASE}/extensions/decided-by"): correction.by
                }
            },
            "timestamp": correction.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        }))
    })
}

/// The xAPI account of a learner: the NIP at BKN, or the profile id for learners without NIP.
fn account(learner: &Learner) -> Value {
    match &learner.nip {
        Some(nip) => json!({ "homePage": NIP_HOME_PAGE, "name": nip.as_str() }),
        None => {
            json!({ "homePage": format!("{ACTIVITY_BASE}/learner"), "name": learner.id.to_string() })
        }
    }
}
