//! xAPI statements for a learning record store, made one at a time: written to a file by the
//! export, sent in batches by `lrs::push`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::quiz::Mode;
use crate::records::attempt::Attempt;
use crate::records::authority::fingerprint;
use crate::records::correction::{Correction, CorrectionKind};
use crate::records::learner::Learner;
use crate::records::verify::{Status, Verification};

/// Spelled once, so the IRIs below can be built at compile time.
macro_rules! iri {
    ($path:literal) => {
        concat!("https://latih-asn.invalid/xapi", $path)
    };
}

/// Where the IRIs of this app's activities live. `.invalid` is reserved: it names the app, not a
/// web site, so no LRS will ever try to fetch it.
pub const ACTIVITY_BASE: &str = iri!("");
/// The account home page for NIP identities: BKN issues NIPs.
pub const NIP_HOME_PAGE: &str = "https://www.bkn.go.id";
/// The account home page of the HR offices that void records: the account name is the
/// fingerprint of the office's authority key.
pub const AUTHORITY_HOME_PAGE: &str = iri!("/authority");
const LEARNER_HOME_PAGE: &str = iri!("/learner");

const EXT_CONTENT_VERSION: &str = iri!("/extensions/content-version");
const EXT_MODE: &str = iri!("/extensions/mode");
const EXT_UNIT: &str = iri!("/extensions/unit");
const EXT_SESSION_TEST: &str = iri!("/extensions/session-test");
const EXT_WAIVER_REASON: &str = iri!("/extensions/waiver-reason");
const EXT_VOID_REASON: &str = iri!("/extensions/void-reason");
const EXT_DECIDED_BY: &str = iri!("/extensions/decided-by");

const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
const VERB_ATTEMPTED: &str = "http://adlnet.gov/expapi/verbs/attempted";
const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
/// The verb xAPI reserves for voiding: its object is a `StatementRef` to the voided statement.
pub const VERB_VOIDED: &str = "http://adlnet.gov/expapi/verbs/voided";

const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
const COURSE: &str = "http://adlnet.gov/expapi/activities/course";
const PLATFORM: &str = "latih-asn";
const LANGUAGE: &str = "id-ID";

/// A language map with one entry, e.g. `{ "en-US": "passed" }`.
struct LanguageMap<'a>(&'static str, &'a str);

impl Serialize for LanguageMap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, self.1)?;
        map.end()
    }
}

/// Context extensions: IRI → text.
struct Extensions<'a>(Vec<(&'static str, Cow<'a, str>)>);

impl Serialize for Extensions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Statement<'a> {
    id: Uuid,
    actor: Agent<'a>,
    verb: Verb,
    object: Object<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<Outcome>,
    context: Context<'a>,
    timestamp: String,
}

/// An xAPI Agent identified by an account (its one inverse functional identifier).
#[derive(Serialize)]
struct Agent<'a> {
    #[serde(rename = "objectType")]
    object_type: &'static str,
    /// Left out when empty: xAPI has no empty names.
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
    account: Account<'a>,
}

#[derive(Serialize)]
struct Account<'a> {
    #[serde(rename = "homePage")]
    home_page: &'static str,
    name: Cow<'a, str>,
}

#[derive(Serialize)]
struct Verb {
    id: &'static str,
    display: LanguageMap<'static>,
}

impl Verb {
    fn new(id: &'static str) -> Verb {
        // The display is the IRI's last segment: "passed", "voided"…
        let word = id.rsplit('/').next().unwrap_or(id);
        Verb {
            id,
            display: LanguageMap("en-US", word),
        }
    }
}

#[derive(Serialize)]
#[serde(tag = "objectType")]
enum Object<'a> {
    Activity {
        id: String,
        definition: Definition<'a>,
    },
    StatementRef {
        id: Uuid,
    },
}

#[derive(Serialize)]
struct Definition<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: LanguageMap<'a>,
}

#[derive(Serialize)]
struct Outcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<Score>,
    #[serde(skip_serializing_if = "Option::is_none")]
    success: Option<bool>,
    completion: bool,
}

#[derive(Serialize)]
struct Score {
    scaled: f64,
    raw: u32,
    min: u32,
    max: u32,
}

#[derive(Serialize)]
struct Context<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    registration: Option<Uuid>,
    /// Only for statements about an activity (xAPI forbids it with a `StatementRef`).
    #[serde(skip_serializing_if = "Option::is_none")]
    platform: Option<&'static str>,
    language: &'static str,
    extensions: Extensions<'a>,
}

fn timestamp(time: chrono::DateTime<chrono::Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A module id as one IRI path segment: anything but unreserved characters is percent-encoded.
fn iri_segment(text: &str) -> Cow<'_, str> {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || b"-._~".contains(&b);
    if text.bytes().all(unreserved) {
        return Cow::Borrowed(text);
    }
    let mut encoded = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if unreserved(byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    Cow::Owned(encoded)
}

fn module_activity<'a>(module: &'a str, kind: &'static str) -> Object<'a> {
    Object::Activity {
        id: format!("{ACTIVITY_BASE}/module/{}", iri_segment(module)),
        definition: Definition {
            kind,
            name: LanguageMap(LANGUAGE, module),
        },
    }
}

/// The learner as an xAPI Agent: the NIP at BKN, or the profile id for learners without NIP.
fn learner_agent(learner: &Learner) -> Agent<'_> {
    let account = match learner.nip.as_ref().filter(|nip| !nip.as_str().is_empty()) {
        Some(nip) => Account {
            home_page: NIP_HOME_PAGE,
            name: Cow::Borrowed(nip.as_str()),
        },
        None => Account {
            home_page: LEARNER_HOME_PAGE,
            name: Cow::Owned(learner.id.to_string()),
        },
    };
    Agent {
        object_type: "Agent",
        name: learner.name.trim(),
        account,
    }
}

/// The statement for one verified attempt. Its id is the attempt id, so sending it again adds
/// nothing and a void can refer to it.
fn attempt_statement<'a>(attempt: &'a Attempt, learner: &'a Learner) -> Statement<'a> {
    let verb = match (attempt.mode, attempt.passed) {
        (Mode::Exam, true) => VERB_PASSED,
        (Mode::Exam, false) => VERB_FAILED,
        (Mode::Practice, _) => VERB_ATTEMPTED,
    };
    let total = attempt.score.total.max(1);
    Statement {
        id: attempt.id,
        actor: learner_agent(learner),
        verb: Verb::new(verb),
        object: module_activity(&attempt.module, ASSESSMENT),
        result: Some(Outcome {
            score: Some(Score {
                scaled: f64::from(attempt.score.correct) / f64::from(total),
                raw: attempt.score.correct,
                min: 0,
                max: attempt.score.total,
            }),
            success: Some(attempt.passed),
            completion: true,
        }),
        context: Context {
            // A session's attempts share its registration (the id its token names), so an LRS
            // groups a room's pre- and post-tests; other attempts are their own registration.
            registration: Some(
                attempt
                    .session
                    .as_ref()
                    .map_or(attempt.id, crate::training::SessionTag::session_id),
            ),
            platform: Some(PLATFORM),
            language: LANGUAGE,
            extensions: Extensions(
                vec![
                    (
                        EXT_CONTENT_VERSION,
                        Cow::Owned(attempt.content_checked.to_string()),
                    ),
                    (
                        EXT_MODE,
                        Cow::Borrowed(if attempt.mode == Mode::Exam {
                            "exam"
                        } else {
                            "practice"
                        }),
                    ),
                    (EXT_UNIT, Cow::Borrowed(learner.unit.as_str())),
                ]
                .into_iter()
                .chain(attempt.session.as_ref().map(|tag| {
                    (
                        EXT_SESSION_TEST,
                        Cow::Borrowed(match tag.phase {
                            crate::training::TestPhase::Pre => "pre",
                            crate::training::TestPhase::Post => "post",
                        }),
                    )
                }))
                .collect(),
            ),
        },
        timestamp: timestamp(attempt.finished),
    }
}

/// A waived module is reported as "completed" (no score): the learner completed the requirement
/// by a decision, not a test. The statement id is the correction's id.
fn waiver_statement<'a>(
    correction: &'a Correction,
    learner: &'a Learner,
    module: &'a str,
) -> Statement<'a> {
    Statement {
        id: correction.id,
        actor: learner_agent(learner),
        verb: Verb::new(VERB_COMPLETED),
        object: module_activity(module, COURSE),
        result: Some(Outcome {
            score: None,
            success: None,
            completion: true,
        }),
        context: Context {
            registration: None,
            platform: Some(PLATFORM),
            language: LANGUAGE,
            extensions: Extensions(vec![
                (EXT_WAIVER_REASON, Cow::Borrowed(correction.reason.as_str())),
                (EXT_DECIDED_BY, Cow::Borrowed(correction.by.as_str())),
            ]),
        },
        timestamp: timestamp(correction.at),
    }
}

/// The voiding statement for an attempt's statement: made by the HR office whose authority key
/// signed the correction (named by that key's fingerprint, as HR reads it aloud), at the time of
/// the correction. Its id is the correction's id.
fn voiding_statement(correction: &Correction, attempt: Uuid) -> Statement<'_> {
    let office = match (&correction.authority, correction.device) {
        (Some(key), _) => Cow::Owned(fingerprint(key)),
        (None, Some(device)) => Cow::Owned(device.to_string()),
        (None, None) => Cow::Borrowed("hr"),
    };
    Statement {
        id: correction.id,
        actor: Agent {
            object_type: "Agent",
            name: correction.by.trim(),
            account: Account {
                home_page: AUTHORITY_HOME_PAGE,
                name: office,
            },
        },
        verb: Verb::new(VERB_VOIDED),
        object: Object::StatementRef { id: attempt },
        result: None,
        context: Context {
            registration: Some(attempt),
            platform: None,
            language: LANGUAGE,
            extensions: Extensions(vec![
                (EXT_VOID_REASON, Cow::Borrowed(correction.reason.as_str())),
                (EXT_DECIDED_BY, Cow::Borrowed(correction.by.as_str())),
            ]),
        },
        timestamp: timestamp(correction.at),
    }
}

/// One statement of the export, made but not yet serialized: a push can skip it by its id
/// without paying for the JSON.
pub struct XapiStatement<'a>(Statement<'a>);

impl XapiStatement<'_> {
    /// The statement id: the attempt's id, or the correction's for a waiver or a void.
    pub fn id(&self) -> Uuid {
        self.0.id
    }

    /// The statement as compact JSON text.
    pub fn to_json(&self) -> String {
        // Every map key is a string and every number finite, so serializing cannot fail.
        serde_json::to_string(&self.0).expect("an xAPI statement always serializes")
    }

    /// The statement as a JSON value.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(&self.0).expect("an xAPI statement always serializes")
    }
}

/// Every statement to send, made one at a time (memory stays flat whatever the number of
/// records), in the order an LRS must receive them: first each attempt that verifies (voided
/// ones too), then each waiver, then a voiding statement for each voided attempt that was sent.
/// Records that do not verify are not sent to an LRS as if they were true, and a void of an
/// attempt that is not sent is not sent either, so every `StatementRef` points at a statement
/// that comes before it. The file export and `lrs::push` both read this one sequence.
pub struct XapiStatements<'a> {
    by_id: HashMap<Uuid, &'a Learner>,
    attempts: std::slice::Iter<'a, Attempt>,
    waivers: std::slice::Iter<'a, Correction>,
    voids: std::slice::Iter<'a, Correction>,
    verification: &'a Verification,
    /// Attempts already yielded, so that only their voids follow.
    sent: HashSet<Uuid>,
}

impl<'a> XapiStatements<'a> {
    pub fn new(
        learners: &'a [Learner],
        attempts: &'a [Attempt],
        verification: &'a Verification,
    ) -> Self {
        XapiStatements {
            by_id: learners.iter().map(|l| (l.id, l)).collect(),
            attempts: attempts.iter(),
            waivers: verification.corrections.iter(),
            voids: verification.corrections.iter(),
            verification,
            sent: HashSet::new(),
        }
    }
}

impl<'a> Iterator for XapiStatements<'a> {
    type Item = XapiStatement<'a>;

    fn next(&mut self) -> Option<XapiStatement<'a>> {
        for attempt in self.attempts.by_ref() {
            if self.verification.status_of(&attempt.id) != Status::Valid {
                continue;
            }
            if let Some(learner) = self.by_id.get(&attempt.learner) {
                self.sent.insert(attempt.id);
                return Some(XapiStatement(attempt_statement(attempt, learner)));
            }
        }
        for correction in self.waivers.by_ref() {
            if let CorrectionKind::Waive { learner, module } = &correction.kind
                && let Some(learner) = self.by_id.get(learner)
            {
                return Some(XapiStatement(waiver_statement(correction, learner, module)));
            }
        }
        for correction in self.voids.by_ref() {
            if let CorrectionKind::Void { attempt } = &correction.kind
                && self.sent.contains(attempt)
            {
                return Some(XapiStatement(voiding_statement(correction, *attempt)));
            }
        }
        None
    }
}

/// Writes the xAPI statements to `out` as a JSON array, one statement per line, without holding
/// them all in memory. Returns how many were written.
pub fn xapi_write<W: Write>(
    mut out: W,
    learners: &[Learner],
    attempts: &[Attempt],
    verification: &Verification,
) -> io::Result<usize> {
    out.write_all(b"[")?;
    let mut count = 0;
    for statement in XapiStatements::new(learners, attempts, verification) {
        out.write_all(if count == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut out, &statement.0)?;
        count += 1;
    }
    out.write_all(if count == 0 { b"]\n" } else { b"\n]\n" })?;
    out.flush()?;
    Ok(count)
}

/// The statements [`xapi_write`] writes, as JSON values (for tests and small exports).
pub fn xapi_statements(
    learners: &[Learner],
    attempts: &[Attempt],
    verification: &Verification,
) -> Vec<Value> {
    XapiStatements::new(learners, attempts, verification)
        .map(|statement| statement.to_value())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_ids_are_safe_iri_segments() {
        assert_eq!(iri_segment("asn"), "asn");
        assert_eq!(iri_segment("anti-korupsi_2.1"), "anti-korupsi_2.1");
        assert_eq!(iri_segment("a b/c"), "a%20b%2Fc");
        assert_eq!(iri_segment("é"), "%C3%A9");
    }

    #[test]
    fn verbs_display_their_last_segment() {
        let verb = serde_json::to_value(Verb::new(VERB_VOIDED)).unwrap();
        assert_eq!(
            verb,
            serde_json::json!({ "id": VERB_VOIDED, "display": { "en-US": "voided" } })
        );
    }

    #[test]
    fn an_empty_export_is_an_empty_json_array() {
        let mut out = Vec::new();
        let count = xapi_write(&mut out, &[], &[], &Verification::default()).unwrap();
        assert_eq!(count, 0);
        let parsed: Vec<Value> = serde_json::from_slice(&out).unwrap();
        assert!(parsed.is_empty());
    }
}
