//! `records push` and `lrs::push` against a scripted LRS on loopback (500 then 200, silence,
//! 429 with Retry-After, a refused statement in a batch, 409, an interrupted push, a second
//! push, damaged state, bad settings), and, when `LRS_URL` and `LRS_AUTH` are set, against the
//! real LRS in `../shared/tools/lrs/` (see the README: `eval "$(../shared/tools/lrs/lrs-up.sh)";
//! export LRS_URL LRS_AUTH`).

#[path = "harness/records.rs"]
mod made;

#[path = "harness/fake_lrs.rs"]
mod fake_lrs;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use base64::Engine;
use fake_lrs::{FakeLrs, Reply};
use latih_asn::lang::Lang;
use latih_asn::lrs::{
    self, LrsConfig, PushOptions, PushProgress, PushReport, StateNote, StopReason, Trouble,
};
use latih_asn::quiz::Mode;
use latih_asn::records::{CorrectionKind, Store, export, people, verify_loaded};
use made::{hr_correct, learner, take};
use serde_json::Value;

const KEY: &str = "kunci rahasia: 7Gq!";

/// Passes, a failure, practice, a void and a waiver: 7 statements. Returns them as the xAPI
/// export makes them, in order.
fn records(dir: &Path) -> Vec<Value> {
    let store = Store::open(dir).unwrap();
    let siti = learner(&store, "Siti Rahmawati", "199203152019032005");
    let budi = learner(&store, "Budi", "");
    let passed = take(&store, &siti, Mode::Exam, 1, true);
    take(&store, &siti, Mode::Exam, 2, false);
    take(&store, &siti, Mode::Exam, 3, true);
    take(&store, &budi, Mode::Practice, 4, true);
    take(&store, &budi, Mode::Exam, 5, true);
    hr_correct(
        &store,
        CorrectionKind::Void { attempt: passed.id },
        "Dikerjakan dengan profil orang lain",
        "Kasubbag Kepegawaian",
    );
    hr_correct(
        &store,
        CorrectionKind::Waive {
            learner: budi.id,
            module: "pilkada".into(),
        },
        "Keputusan PPK",
        "Kepala BKD",
    );
    let loaded = store.read();
    let verification = verify_loaded(&loaded);
    let learners = people(&loaded, &verification);
    let statements = export::xapi_statements(&learners, &loaded.attempts, &verification);
    assert_eq!(statements.len(), 7);
    statements
}

fn ids(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

fn fast(batch: usize) -> PushOptions {
    PushOptions {
        batch_size: batch,
        max_retries: 2,
        backoff_base: Duration::from_millis(5),
        max_wait: Duration::from_secs(3),
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(400),
    }
}

/// A push through the library, as the app makes it; returns the report and every progress.
fn push(
    dir: &Path,
    endpoint: &str,
    options: &PushOptions,
    cancel: &AtomicBool,
    mut on_progress: impl FnMut(&PushProgress),
) -> (PushReport, Vec<PushProgress>) {
    let config = LrsConfig::new(endpoint, "hr-bkd", KEY).unwrap();
    let store = Store::open(dir).unwrap();
    let mut seen = Vec::new();
    let report = lrs::push(&config, &store, options, cancel, |p| {
        on_progress(&p);
        seen.push(p);
    })
    .unwrap();
    (report, seen)
}

fn push_simply(dir: &Path, endpoint: &str, options: &PushOptions) -> PushReport {
    push(dir, endpoint, options, &AtomicBool::new(false), |_| {}).0
}

/// `latih-asn --lang en records push ARGS… --data-dir DIR`, with the key (if any) in the
/// environment.
fn cli(dir: &Path, args: &[&str], key: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_latih-asn"));
    command
        .args(["--lang", "en", "records", "push"])
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("LATIH_ASN_LRS_KEY")
        .env_remove("LATIH_ASN_DATA_DIR");
    if let Some(key) = key {
        command.env("LATIH_ASN_LRS_KEY", key);
    }
    command.output().unwrap()
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Every file under `dir` with its content, to show that a command changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.insert(format!("{}/", path.display()), Vec::new());
                stack.push(path);
            } else {
                files.insert(path.display().to_string(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_server_error_is_retried_and_every_statement_arrives_as_exported() {
    let dir = tempfile::tempdir().unwrap();
    let statements = records(dir.path());
    let fake = FakeLrs::start(|n, _| {
        if n == 0 {
            Reply::Status(500, vec![], "Internal Server Error".into())
        } else {
            Reply::Lrs
        }
    });
    let (report, seen) = push(
        dir.path(),
        &fake.endpoint,
        &fast(3),
        &AtomicBool::new(false),
        |_| {},
    );
    assert!(report.is_complete(), "{report:?}");
    assert_eq!((report.sent, report.already_sent), (7, 0));
    let retried: Vec<&Trouble> = seen
        .iter()
        .filter_map(|p| p.retrying.as_ref().map(|r| &r.trouble))
        .collect();
    assert_eq!(
        retried,
        [&Trouble::Status {
            status: 500,
            reason: "Internal Server Error".into()
        }]
    );

    // The first batch twice (500, then stored), then the other two: 3 + 3 + 1.
    let requests = fake.requests();
    let sizes: Vec<usize> = requests.iter().map(|r| r.statements.len()).collect();
    assert_eq!(sizes, [3, 3, 3, 1]);
    assert_eq!(requests[0].ids(), requests[1].ids());
    for request in &requests {
        assert_eq!(request.method, "POST");
        assert_eq!(request.path, "/xAPI/statements");
        assert_eq!(request.headers["x-experience-api-version"], "1.0.3");
        assert_eq!(request.headers["content-type"], "application/json");
        let credentials = base64::engine::general_purpose::STANDARD.encode(format!("hr-bkd:{KEY}"));
        assert_eq!(
            request.headers["authorization"],
            format!("Basic {credentials}")
        );
    }
    // What the LRS holds is exactly the file export's statements.
    let stored = fake.stored.lock().unwrap();
    for statement in &statements {
        assert_eq!(&stored[statement["id"].as_str().unwrap()], statement);
    }
    assert_eq!(stored.len(), 7);
}

#[test]
fn an_lrs_that_never_answers_is_reported_and_nothing_is_marked_sent() {
    let dir = tempfile::tempdir().unwrap();
    records(dir.path());
    let fake = FakeLrs::start(|_, _| Reply::Silence(Duration::from_secs(3)));
    let started = Instant::now();
    let report = push_simply(dir.path(), &fake.endpoint, &fast(3));
    assert_eq!(
        report.stopped_by,
        Some(StopReason::GaveUp {
            attempts: 3,
            last: Trouble::Timeout
        })
    );
    assert_eq!((report.sent, report.remaining), (0, 7));
    assert!(!report.is_complete());
    assert_eq!(
        fake.requests().len(),
        3,
        "the first request and two retries"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the read timeout held"
    );
    assert_eq!(lrs::acknowledged_count(dir.path(), &fake.endpoint), 0);
    let message = report.stopped_by.unwrap().message(Lang::En);
    assert!(message.contains("did not answer in time"), "{message}");
}

#[test]
fn a_busy_lrs_is_waited_for_as_long_as_it_asks() {
    let dir = tempfile::tempdir().unwrap();
    records(dir.path());
    let fake = FakeLrs::start(|n, _| {
        if n == 0 {
            Reply::Status(
                429,
                vec![("Retry-After", "1".into())],
                "Too Many Requests".into(),
            )
        } else {
            Reply::Lrs
        }
    });
    let started = Instant::now();
    let (report, seen) = push(
        dir.path(),
        &fake.endpoint,
        &fast(10),
        &AtomicBool::new(false),
        |_| {},
    );
    assert!(report.is_complete(), "{report:?}");
    assert!(started.elapsed() >= Duration::from_secs(1));
    let waits: Vec<Duration> = seen
        .iter()
        .filter_map(|p| p.retrying.as_ref().map(|r| r.wait))
        .collect();
    assert_eq!(waits, [Duration::from_secs(1)]);
    assert_eq!(fake.requests().len(), 2);
}

#[test]
fn one_refused_statement_is_found_and_the_rest_of_its_batch_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let statements = records(dir.path());
    let all = ids(&statements);
    let bad = all[3].clone();
    let fake = FakeLrs::start({
        let bad = bad.clone();
        move |_, request| {
            if request.ids().contains(&bad) {
                Reply::Status(
                    400,
                    vec![("Content-Type", "application/json".into())],
                    r#"{"message": "Invalid statement:\n   result.score.scaled must be in [-1, 1]"}"#
                        .into(),
                )
            } else {
                Reply::Lrs
            }
        }
    });
    let out = cli(
        dir.path(),
        &[
            "--endpoint",
            &fake.endpoint,
            "--user",
            "hr-bkd",
            "--batch",
            "7",
            "--backoff-ms",
            "1",
        ],
        Some(KEY),
    );
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains(&format!(
            "Refused {bad}: 400 Invalid statement: result.score.scaled must be in [-1, 1]"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("Sent: 6; sent before: 0; refused: 1; not sent yet: 0."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Not every record is in the LRS yet"),
        "{stdout}"
    );
    let mut expected: Vec<String> = all.iter().filter(|id| **id != bad).cloned().collect();
    expected.sort();
    assert_eq!(fake.stored_ids(), expected);
    assert_eq!(lrs::acknowledged_count(dir.path(), &fake.endpoint), 6);

    // The refused one is tried again by the next push (and refused again): nothing else is.
    let out = cli(
        dir.path(),
        &["--endpoint", &fake.endpoint, "--user", "hr-bkd"],
        Some(KEY),
    );
    assert_eq!(out.status.code(), Some(1));
    let requests = fake.requests();
    assert_eq!(requests[requests.len() - 1].ids(), [bad]);
}

#[test]
fn a_statement_the_lrs_holds_in_another_version_is_refused_as_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let statements = records(dir.path());
    let fake = FakeLrs::honest();
    let mut other = statements[0].clone();
    other["verb"]["display"]["en-US"] = "experienced".into();
    let first = statements[0]["id"].as_str().unwrap().to_owned();
    fake.stored.lock().unwrap().insert(first.clone(), other);

    let report = push_simply(dir.path(), &fake.endpoint, &fast(4));
    assert_eq!(report.refused.len(), 1, "{report:?}");
    let refusal = &report.refused[0];
    assert_eq!(refusal.statement_id.to_string(), first);
    assert_eq!(refusal.status, 409);
    assert!(refusal.is_conflict());
    assert!(
        refusal
            .message(Lang::En)
            .contains("already holds a different statement with this id")
    );
    assert_eq!((report.sent, report.remaining), (6, 0));
    assert_eq!(report.stopped_by, None);
}

#[test]
fn an_interrupted_push_resumes_with_the_rest_and_nothing_is_sent_twice() {
    let dir = tempfile::tempdir().unwrap();
    let statements = records(dir.path());
    let fake = FakeLrs::honest();
    let cancel = AtomicBool::new(false);
    let (first, _) = push(dir.path(), &fake.endpoint, &fast(3), &cancel, |p| {
        if p.sent >= 3 {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert_eq!(first.stopped_by, Some(StopReason::Cancelled));
    assert_eq!((first.sent, first.remaining), (3, 4));
    assert!(!first.is_complete());

    let second = push_simply(dir.path(), &fake.endpoint, &fast(3));
    assert!(second.is_complete(), "{second:?}");
    assert_eq!((second.sent, second.already_sent), (4, 3));
    // Every statement posted once, in the export's order.
    assert_eq!(fake.posted_ids(), ids(&statements));

    let third = push_simply(dir.path(), &fake.endpoint, &fast(3));
    assert_eq!((third.sent, third.already_sent), (0, 7));
    assert!(third.is_complete());
    assert_eq!(fake.requests().len(), 3);
}

#[test]
fn a_damaged_record_of_sent_statements_starts_over_safely_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    records(dir.path());
    let fake = FakeLrs::honest();
    assert!(push_simply(dir.path(), &fake.endpoint, &fast(7)).is_complete());
    let journal = lrs::sent_path(dir.path(), &fake.endpoint);
    let mut damaged = std::fs::read_to_string(&journal).unwrap();
    damaged.insert_str(damaged.len() / 2, "\n#?!\n");
    std::fs::write(&journal, &damaged).unwrap();

    let report = push_simply(dir.path(), &fake.endpoint, &fast(7));
    let Some(StateNote::SetAside { set_aside, .. }) = &report.state_note else {
        panic!("{report:?}");
    };
    assert_eq!(std::fs::read_to_string(set_aside).unwrap(), damaged);
    // Sent again; the LRS answered that it had them all (204) and stored nothing new.
    assert!(report.is_complete(), "{report:?}");
    assert_eq!(report.sent, 7);
    assert_eq!(fake.stored_ids().len(), 7);
    assert_eq!(lrs::acknowledged_count(dir.path(), &fake.endpoint), 7);
    let message = report.state_note.unwrap().message(Lang::En);
    assert!(message.contains("damaged"), "{message}");
}

#[test]
fn the_command_line_saves_the_lrs_and_a_second_push_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    records(dir.path());
    let fake = FakeLrs::honest();
    let out = cli(
        dir.path(),
        &[
            "--endpoint",
            &format!("{}/", fake.endpoint),
            "--user",
            "hr-bkd",
            "--save",
            "--batch",
            "3",
        ],
        Some(KEY),
    );
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("Sent: 7; sent before: 0; refused: 0; not sent yet: 0."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Every valid record is in the LRS."),
        "{stdout}"
    );
    assert!(stderr.contains("7 of 7 sent"), "{stderr}");
    assert_eq!(fake.requests().len(), 3);

    let saved = lrs::config_path(dir.path());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&saved).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the key is readable by its owner only");
    }
    assert_eq!(
        LrsConfig::load(dir.path()).unwrap(),
        Some(LrsConfig::new(&fake.endpoint, "hr-bkd", KEY).unwrap())
    );

    // The saved settings are used; nothing is sent again.
    let out = cli(dir.path(), &[], None);
    let (stdout, _) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("Sent: 0; sent before: 7; refused: 0; not sent yet: 0."),
        "{stdout}"
    );
    assert_eq!(fake.requests().len(), 3);

    // show-config never prints the key.
    let out = cli(dir.path(), &["show-config"], None);
    let (stdout, _) = text(&out);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.contains(&fake.endpoint) && stdout.contains("hr-bkd"),
        "{stdout}"
    );
    assert!(stdout.contains("saved (not shown)"), "{stdout}");
    assert!(
        stdout.contains("Statements acknowledged so far: 7"),
        "{stdout}"
    );
    assert!(!stdout.contains("rahasia"), "{stdout}");

    // clear-config forgets it; a push then cannot run.
    let out = cli(dir.path(), &["clear-config"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(!saved.exists());
    let out = cli(dir.path(), &[], None);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("No LRS is set up"), "{stderr}");
}

#[test]
fn bad_settings_are_refused_with_exit_2_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    records(dir.path());
    let before = snapshot(dir.path());
    for (args, says) in [
        (vec![], "No LRS is set up"),
        (vec!["--save"], "No LRS is set up"),
        (
            vec![
                "--endpoint",
                "lrs.bkd.example.go.id/xAPI",
                "--user",
                "hr",
                "--save",
            ],
            "is not a web address",
        ),
        (
            vec![
                "--endpoint",
                "ftp://lrs.bkd.example.go.id/xAPI",
                "--user",
                "hr",
                "--save",
            ],
            "is not an http:// or https:// address",
        ),
        (
            vec![
                "--endpoint",
                "https://lrs.bkd.example.go.id/xAPI/statements",
                "--user",
                "hr",
            ],
            "ends with /statements",
        ),
        (
            vec!["--endpoint", "https://lrs.bkd.example.go.id/xAPI", "--save"],
            "The LRS user is empty",
        ),
    ] {
        let out = cli(dir.path(), &args, Some(KEY));
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stdout}\n{stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert_eq!(snapshot(dir.path()), before, "nothing was written");
    assert!(!dir.path().join("lrs").exists());

    // In Indonesian too.
    let out = Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .args(["--lang", "id", "records", "push", "--data-dir"])
        .arg(dir.path())
        .env_remove("LATIH_ASN_LRS_KEY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("LRS belum diatur"));
}

#[test]
fn an_lrs_that_keeps_failing_gets_a_clear_message_exit_1_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    records(dir.path());
    let fake = FakeLrs::start(|_, _| Reply::Status(500, vec![], "database down".into()));
    let before = snapshot(dir.path());
    let out = cli(
        dir.path(),
        &[
            "--endpoint",
            &fake.endpoint,
            "--user",
            "hr-bkd",
            "--retries",
            "1",
            "--backoff-ms",
            "1",
        ],
        Some(KEY),
    );
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains(
            "Stopped: No answer worth keeping after 2 tries: the LRS answered 500 (database down)."
        ),
        "{stdout}"
    );
    assert!(stdout.contains("not sent yet: 7."), "{stdout}");
    assert!(stderr.contains("Trying again in"), "{stderr}");
    assert_eq!(fake.requests().len(), 2);
    // The records are as they were; the only new file is the (empty) record of what was sent.
    let after = snapshot(dir.path());
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    // (Windows writes the folder's own entry with a `/`, the files in it with `\`.)
    assert!(
        added
            .iter()
            .all(|path| path.replace('\\', "/").contains("/lrs/")),
        "{added:?}"
    );
    assert!(
        before
            .iter()
            .all(|(path, bytes)| after.get(path) == Some(bytes))
    );
    assert_eq!(lrs::acknowledged_count(dir.path(), &fake.endpoint), 0);
}

/// GETs `url` from the real LRS with basic auth: (status, body).
fn get(url: &str, auth: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let credentials = base64::engine::general_purpose::STANDARD.encode(auth);
    let mut response = agent
        .get(url)
        .header("Authorization", &format!("Basic {credentials}"))
        .header("X-Experience-API-Version", "1.0.3")
        .call()
        .unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

/// How many statements the LRS holds, following its `more` links.
fn count_stored(base: &str, auth: &str) -> usize {
    let mut total = 0;
    let mut url = format!("{base}/xAPI/statements?limit=100");
    for _page in 0..1000 {
        let (status, body) = get(&url, auth);
        assert_eq!(status, 200, "{body}");
        let page: Value = serde_json::from_str(&body).unwrap();
        total += page["statements"].as_array().map_or(0, Vec::len);
        match page["more"].as_str().filter(|more| !more.is_empty()) {
            Some(more) if more.starts_with("http") => url = more.to_owned(),
            Some(more) => url = format!("{base}{more}"),
            None => return total,
        }
    }
    panic!("more than 1000 pages");
}

#[test]
fn a_real_lrs_stores_each_statement_once_when_one_is_running() {
    let (Ok(base), Ok(auth)) = (std::env::var("LRS_URL"), std::env::var("LRS_AUTH")) else {
        eprintln!(
            "LRS_URL/LRS_AUTH not set: the real-LRS push test is skipped \
             (eval \"$(../shared/tools/lrs/lrs-up.sh)\"; export LRS_URL LRS_AUTH)"
        );
        return;
    };
    let base = base.trim_end_matches('/').to_owned();
    let (user, key) = auth.split_once(':').expect("LRS_AUTH is user:password");
    let endpoint = format!("{base}/xAPI");
    let dir = tempfile::tempdir().unwrap();
    let statements = records(dir.path());
    let stored_before = count_stored(&base, &auth);

    let out = cli(
        dir.path(),
        &[
            "--endpoint",
            &endpoint,
            "--user",
            user,
            "--save",
            "--batch",
            "3",
        ],
        Some(key),
    );
    let (stdout, stderr) = text(&out);
    eprintln!("first push:\n{stdout}{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("Sent: 7; sent before: 0; refused: 0; not sent yet: 0."));
    let stored_after_first = count_stored(&base, &auth);

    // Each statement comes back as it was sent.
    for statement in &statements {
        let id = statement["id"].as_str().unwrap();
        let (status, body) = get(&format!("{endpoint}/statements?statementId={id}"), &auth);
        assert_eq!(status, 200, "{id}: {body}");
        let back: Value = serde_json::from_str(&body).unwrap();
        // Ralph answers {"statements": [...]}; xAPI says the bare statement.
        let back = back
            .get("statements")
            .and_then(|list| list.get(0))
            .unwrap_or(&back);
        for field in ["id", "actor", "verb", "object", "result", "timestamp"] {
            assert_eq!(back[field], statement[field], "{id}: {field}");
        }
    }

    // A second push sends nothing.
    let out = cli(dir.path(), &[], None);
    let (stdout, stderr) = text(&out);
    eprintln!("second push:\n{stdout}{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("Sent: 0; sent before: 7"), "{stdout}");

    // With the record of what was sent gone, everything is sent again, and the LRS, which
    // keeps one statement per id, stores nothing new.
    std::fs::remove_file(lrs::sent_path(dir.path(), &endpoint)).unwrap();
    let out = cli(dir.path(), &[], None);
    let (stdout, stderr) = text(&out);
    eprintln!("push with the record of what was sent removed:\n{stdout}{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("Sent: 7; sent before: 0"), "{stdout}");
    let stored_after_all = count_stored(&base, &auth);
    eprintln!(
        "statements in the LRS: {stored_before} before, {stored_after_first} after the first push, \
         {stored_after_all} after all three"
    );
    assert!(stored_after_first > stored_before);
    assert_eq!(
        stored_after_all, stored_after_first,
        "nothing new was stored"
    );
}

#[test]
fn a_second_push_from_the_same_folder_waits_its_turn() {
    let dir = tempfile::tempdir().unwrap();
    records(dir.path());
    let fake = FakeLrs::start(|_, _| Reply::Silence(Duration::from_millis(1500)));
    let options = PushOptions {
        max_retries: 0,
        read_timeout: Duration::from_millis(1000),
        ..fast(7)
    };
    std::thread::scope(|scope| {
        let first = scope.spawn(|| push_simply(dir.path(), &fake.endpoint, &options));
        let waited = Instant::now();
        while fake.requests().is_empty() {
            assert!(waited.elapsed() < Duration::from_secs(10));
            std::thread::sleep(Duration::from_millis(10));
        }
        let config = LrsConfig::new(&fake.endpoint, "hr-bkd", KEY).unwrap();
        let store = Store::open(dir.path()).unwrap();
        let second = lrs::push(&config, &store, &options, &AtomicBool::new(false), |_| {});
        assert_eq!(second, Err(lrs::PushError::Busy));
        assert!(matches!(
            first.join().unwrap().stopped_by,
            Some(StopReason::GaveUp { attempts: 1, .. })
        ));
    });
    assert_eq!(fake.requests().len(), 1);
}
