//! xAPI exports checked as an LRS would: every statement the command line exports passes strict
//! structure checks here, offline; and when `LRS_URL` and `LRS_AUTH` are set (the local LRS in
//! `../shared/tools/lrs/`, see its README: `eval "$(../shared/tools/lrs/lrs-up.sh)"`), the same
//! file is posted to that LRS, which must accept every statement and give each one back.

#[path = "harness/records.rs"]
mod made;

use made::{hr_correct as correct, learner, take};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use latih_asn::quiz::Mode;
use latih_asn::records::{CorrectionKind, Store};
use serde_json::{Value, json};
use uuid::Uuid;

/// Passes, a failure, a practice attempt, a waiver and a void, exported by the command line.
fn exported_statements(dir: &Path, out: &Path) -> Vec<Value> {
    let store = Store::open(dir).unwrap();
    let siti = learner(&store, "Siti Rahmawati", "198808082014031001");
    let budi = learner(&store, "Budi", "");
    let passed = take(&store, &siti, Mode::Exam, 1, true);
    take(&store, &siti, Mode::Exam, 2, false);
    take(&store, &siti, Mode::Exam, 3, true);
    take(&store, &budi, Mode::Practice, 4, true);
    take(&store, &budi, Mode::Exam, 5, true);
    correct(
        &store,
        CorrectionKind::Void { attempt: passed.id },
        "Dikerjakan dengan profil orang lain",
        "Kasubbag Kepegawaian",
    );
    correct(
        &store,
        CorrectionKind::Waive {
            learner: budi.id,
            module: "pilkada".into(),
        },
        "Keputusan PPK",
        "Kepala BKD",
    );
    let result = Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .args(["records", "export", "--format", "xapi", "--out"])
        .arg(out)
        .arg("--data-dir")
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

fn is_iri(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://"))
        && text.len() > "https://".len()
        && !text.contains(|c: char| c.is_whitespace() || c.is_control())
}

fn is_uuid(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|id| Uuid::parse_str(id).is_ok() && id.len() == 36)
}

fn is_language_map(value: &Value) -> bool {
    value.as_object().is_some_and(|map| {
        !map.is_empty()
            && map.iter().all(|(tag, text)| {
                !tag.is_empty()
                    && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && text.as_str().is_some_and(|t| !t.is_empty())
            })
    })
}

/// Empty strings and empty objects are refused by strict validators, except inside extensions.
fn empty_values(value: &Value, at: &str, found: &mut Vec<String>) {
    match value {
        Value::String(s) if s.is_empty() => found.push(format!("{at}: empty string")),
        Value::Object(map) if map.is_empty() => found.push(format!("{at}: empty object")),
        Value::Object(map) => {
            for (key, inner) in map {
                if key != "extensions" {
                    empty_values(inner, &format!("{at}.{key}"), found);
                }
            }
        }
        Value::Array(items) => {
            for (n, inner) in items.iter().enumerate() {
                empty_values(inner, &format!("{at}[{n}]"), found);
            }
        }
        _ => {}
    }
}

/// Everything wrong with the statements, as xAPI 1.0.3 and a strict LRS see it.
fn problems(statements: &[Value]) -> Vec<String> {
    let mut found = Vec::new();
    let mut seen: HashMap<&str, bool> = HashMap::new(); // id → is a voiding statement
    for (n, s) in statements.iter().enumerate() {
        let mut problem = |what: &str| found.push(format!("#{n} {}: {what}", s["id"]));
        if !is_uuid(&s["id"]) {
            problem("id is not a UUID");
        }
        let actor = &s["actor"];
        if !matches!(actor.get("objectType"), None | Some(Value::String(_))) {
            problem("actor.objectType");
        }
        let ifis = ["mbox", "mbox_sha1sum", "openid", "account"]
            .iter()
            .filter(|key| actor.get(**key).is_some())
            .count();
        if ifis != 1 {
            problem(&format!("actor has {ifis} identifiers, not exactly one"));
        }
        if let Some(account) = actor.get("account")
            && !(account["homePage"].as_str().is_some_and(is_iri)
                && account["name"].as_str().is_some_and(|n| !n.is_empty()))
        {
            problem("actor.account needs an IRI homePage and a name");
        }
        if let Some(mbox) = actor.get("mbox")
            && !mbox.as_str().is_some_and(|m| m.starts_with("mailto:"))
        {
            problem("actor.mbox is not mailto:");
        }
        let verb = s["verb"]["id"].as_str().unwrap_or_default();
        if !is_iri(verb) {
            problem("verb.id is not an IRI");
        }
        if !is_language_map(&s["verb"]["display"]) {
            problem("verb.display is not a language map");
        }
        let voiding = verb == "http://adlnet.gov/expapi/verbs/voided";
        let object = &s["object"];
        match object.get("objectType").and_then(Value::as_str) {
            None | Some("Activity") => {
                if !object["id"].as_str().is_some_and(is_iri) {
                    problem("object.id is not an IRI");
                }
                if let Some(name) = object["definition"].get("name")
                    && !is_language_map(name)
                {
                    problem("object.definition.name is not a language map");
                }
                if voiding {
                    problem("a voiding statement must point at a StatementRef");
                }
            }
            Some("StatementRef") => {
                let target = object["id"].as_str().unwrap_or_default();
                if !is_uuid(&object["id"]) {
                    problem("StatementRef id is not a UUID");
                }
                match seen.get(target) {
                    None => problem("voids a statement that is not sent before it"),
                    Some(true) => problem("voids a voiding statement"),
                    Some(false) => {}
                }
                if !voiding {
                    problem("StatementRef with a verb other than voided");
                }
                if s["context"].get("platform").is_some() {
                    problem("context.platform with a StatementRef object");
                }
            }
            Some(other) => problem(&format!("unexpected object type {other}")),
        }
        if let Some(score) = s["result"].get("score") {
            let number = |key: &str| score.get(key).and_then(Value::as_f64);
            if let Some(scaled) = number("scaled")
                && !(0.0..=1.0).contains(&scaled)
            {
                problem("score.scaled outside [0, 1]");
            }
            match (number("min"), number("raw"), number("max")) {
                (Some(min), Some(raw), Some(max)) if min <= raw && raw <= max => {}
                _ => problem("score needs min ≤ raw ≤ max"),
            }
        }
        for flag in ["success", "completion"] {
            if s["result"].get(flag).is_some_and(|v| !v.is_boolean()) {
                problem(&format!("result.{flag} is not a boolean"));
            }
        }
        if let Some(registration) = s["context"].get("registration")
            && !is_uuid(registration)
        {
            problem("context.registration is not a UUID");
        }
        if let Some(extensions) = s["context"]["extensions"].as_object()
            && !extensions.keys().all(|k| is_iri(k))
        {
            problem("an extension key is not an IRI");
        }
        let timestamp = s["timestamp"].as_str().unwrap_or_default();
        if chrono::DateTime::parse_from_rfc3339(timestamp).is_err() {
            problem("timestamp is not RFC 3339");
        }
        let mut empty = Vec::new();
        empty_values(s, "", &mut empty);
        for what in empty {
            problem(&what);
        }
        if let Some(id) = s["id"].as_str()
            && seen.insert(id, voiding).is_some()
        {
            problem("id used twice");
        }
    }
    found
}

#[test]
fn the_strict_checks_catch_what_an_lrs_refuses() {
    let good = json!({
        "id": "6b1f0c4e-8a51-4d7e-9c0b-2f3a4d5e6f70",
        "actor": { "objectType": "Agent", "account": { "homePage": "https://www.bkn.go.id", "name": "198808082014031001" } },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/passed", "display": { "en-US": "passed" } },
        "object": { "objectType": "Activity", "id": "https://latih-asn.invalid/xapi/module/asn" },
        "result": { "score": { "scaled": 0.8, "raw": 8, "min": 0, "max": 10 } },
        "timestamp": "2026-11-20T14:32:05.000Z"
    });
    assert!(problems(std::slice::from_ref(&good)).is_empty());
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut s = good.clone();
        change(&mut s);
        problems(&[s]).len()
    };
    assert_eq!(broken(&|s| s["id"] = json!("attempt-1")), 1);
    assert_eq!(
        broken(&|s| s["actor"]["mbox"] = json!("mailto:a@b.go.id")),
        1
    );
    assert_eq!(broken(&|s| s["result"]["score"]["scaled"] = json!(1.5)), 1);
    assert_eq!(broken(&|s| s["result"]["score"]["raw"] = json!(11)), 1);
    assert_eq!(broken(&|s| s["timestamp"] = json!("20/11/2026")), 1);
    assert_eq!(broken(&|s| s["verb"]["id"] = json!("passed")), 1);
    assert_eq!(broken(&|s| s["actor"]["name"] = json!("")), 1);
    assert_eq!(
        broken(&|s| s["object"] = json!({ "objectType": "StatementRef", "id": Uuid::nil() })),
        2,
        "a StatementRef to nothing, with a verb other than voided"
    );
}

/// Posts `body` with curl; returns the HTTP status and the answer.
fn curl(method: &str, url: &str, auth: &str, body: Option<&Path>) -> (u16, String) {
    let mut command = Command::new("curl");
    command
        .args(["-sS", "-X", method, "-K", "-", "-w", "\n%{http_code}"])
        .args(["-H", "X-Experience-API-Version: 1.0.3"])
        .args(["-H", "Content-Type: application/json"]);
    if let Some(body) = body {
        command
            .arg("--data-binary")
            .arg(format!("@{}", body.display()));
    }
    // The password goes through stdin, not the command line.
    let mut child = command
        .arg(url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("curl is needed to talk to the LRS");
    let config = format!(
        "user = \"{}\"\n",
        auth.replace('\\', "\\\\").replace('"', "\\\"")
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(config.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (answer, code) = text.rsplit_once('\n').unwrap_or(("", &text));
    (code.trim().parse().unwrap_or(0), answer.to_owned())
}

#[test]
fn exported_statements_pass_strict_checks_and_the_lrs_when_one_is_running() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("statements.json");
    let statements = exported_statements(dir.path(), &file);

    let verbs: Vec<&str> = statements
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
        .collect();
    let count = |verb: &str| verbs.iter().filter(|v| **v == verb).count();
    assert_eq!(
        (
            count("passed"),
            count("failed"),
            count("attempted"),
            count("completed"),
            count("voided")
        ),
        (3, 1, 1, 1, 1),
        "{verbs:?}"
    );
    let problems = problems(&statements);
    assert!(problems.is_empty(), "{problems:#?}");

    let (Ok(url), Ok(auth)) = (std::env::var("LRS_URL"), std::env::var("LRS_AUTH")) else {
        eprintln!("LRS_URL/LRS_AUTH not set: offline checks only");
        return;
    };
    let endpoint = format!("{}/xAPI/statements", url.trim_end_matches('/'));
    let (status, answer) = curl("POST", &endpoint, &auth, Some(&file));
    assert_eq!(status, 200, "the LRS refused the export: {answer}");
    let stored: Vec<String> = serde_json::from_str(&answer).unwrap();
    let ids: Vec<&str> = statements
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(stored, ids, "the LRS stored every statement, in order");

    // Sending the same file again (an HR officer exporting twice) changes nothing.
    let (status, answer) = curl("POST", &endpoint, &auth, Some(&file));
    assert!((200..300).contains(&status), "{status}: {answer}");

    // Every statement comes back as it was sent.
    for statement in &statements {
        let id = statement["id"].as_str().unwrap();
        let (status, answer) = curl("GET", &format!("{endpoint}?statementId={id}"), &auth, None);
        assert_eq!(status, 200, "{id}: {answer}");
        let back: Value = serde_json::from_str(&answer).unwrap();
        // Ralph answers {"statements": [...]}; xAPI says the bare statement.
        let back = back
            .get("statements")
            .and_then(|list| list.get(0))
            .unwrap_or(&back);
        for key in ["id", "actor", "verb", "object"] {
            assert_eq!(back[key], statement[key], "{id}: {key}");
        }
    }

    // The LRS's own strict model check, when its tools are beside the project.
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/lrs/post-statements.sh");
    if script.is_file() {
        let checked = Command::new("bash")
            .arg(&script)
            .arg(&file)
            .env("LRS_STRICT", "1")
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&checked.stdout);
        assert_eq!(checked.status.code(), Some(0), "{report}");
        let flagged: HashSet<&str> = report
            .lines()
            .filter(|line| line.contains("INVALID"))
            .collect();
        assert!(flagged.is_empty(), "{flagged:?}");
    }
}
