//! The RON store on real files in a temporary data directory: round trips, damaged and foreign
//! files, formats from newer versions, released-format fixtures, and two writers at once.

use std::fs;
use std::path::Path;

use chrono::{NaiveDate, Utc};
use latih_asn::content;
use latih_asn::quiz::{self, Mode, QuizRun};
use latih_asn::records::{Attempt, LearnerDraft, ProblemKind, Progress, Store};
use latih_asn::settings::{Settings, ThemeChoice};
use uuid::Uuid;

fn learner(store: &Store, name: &str) -> latih_asn::records::Learner {
    let draft = LearnerDraft {
        name: name.into(),
        nip: String::new(),
        without_nip: true,
        unit: "Bagian Umum".into(),
        instansi: "Pemkab Mesuji".into(),
    };
    let learner = draft
        .build(
            &[],
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            Utc::now(),
        )
        .unwrap();
    store.save_learner(&learner).unwrap()
}

fn attempt(learner: &latih_asn::records::Learner) -> Attempt {
    let catalog = content::load_embedded().unwrap();
    let module = catalog.module("asn").unwrap();
    let mut run = QuizRun::new(module, Mode::Exam, 1, quiz::draw(module, 3, 1, None));
    while run.phase() != quiz::Phase::Finished {
        run.choose(module, 0);
        run.confirm();
    }
    Attempt::from_run(&run, module, learner, Utc::now(), Utc::now())
}

#[test]
fn everything_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti");
    let mut progress = Progress::new(siti.id);
    progress.mark_read("asn", "asn-l1", Utc::now());
    store.save_progress(&progress).unwrap();
    let attempt = attempt(&siti);
    store.save_attempt(&attempt).unwrap();
    let settings = Settings {
        theme: ThemeChoice::Dark,
        text_scale: 150,
        last_learner: Some(siti.id),
        ..Settings::default()
    };
    store.save_settings(&settings).unwrap();

    let loaded = Store::open(dir.path()).unwrap().load();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.learners, vec![siti.clone()]);
    assert_eq!(loaded.progress[&siti.id], progress);
    assert_eq!(loaded.attempts, vec![attempt]);
    assert_eq!(loaded.settings, settings);
}

#[test]
fn damaged_file_is_quarantined_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti");
    let budi = learner(&store, "Budi");
    // Truncate Budi's file mid-record, as a power cut during a non-atomic save would.
    let budi_path = dir.path().join(format!("learners/{}.ron", budi.id));
    let text = fs::read_to_string(&budi_path).unwrap();
    fs::write(&budi_path, &text[..text.len() / 2]).unwrap();
    // A foreign file that is not RON at all.
    fs::write(
        dir.path().join("attempts/photo.ron"),
        [0xff, 0xd8, 0xff, 0xe0],
    )
    .unwrap();

    let loaded = store.load();
    assert_eq!(loaded.learners, vec![siti]);
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    for problem in &loaded.problems {
        let ProblemKind::Quarantined { to, .. } = &problem.kind else {
            panic!("{problem:?}")
        };
        // Moved aside intact, never deleted or overwritten.
        assert!(to.starts_with(dir.path().join("quarantine")));
        assert!(to.exists());
        assert!(!problem.file.exists());
    }
    let quarantined = fs::read_dir(dir.path().join("quarantine")).unwrap().count();
    assert_eq!(quarantined, 2);
    let moved = loaded
        .problems
        .iter()
        .find(|p| p.file == budi_path)
        .and_then(|p| match &p.kind {
            ProblemKind::Quarantined { to, .. } => Some(to.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(fs::read_to_string(moved).unwrap(), text[..text.len() / 2]);
    // The next start is clean.
    assert!(store.load().problems.is_empty());
}

#[test]
fn damaged_settings_fall_back_to_defaults_without_losing_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    fs::write(
        dir.path().join("settings.ron"),
        "(version: 1, theme: Purple",
    )
    .unwrap();
    let loaded = store.load();
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(loaded.problems.len(), 1);
    assert!(!dir.path().join("settings.ron").exists());
}

#[test]
fn a_file_from_a_newer_version_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = dir.path().join("learners/future.ron");
    let future = "(version: 9, id: \"x\", fancy_new_field: true)";
    fs::write(&path, future).unwrap();
    let loaded = store.load();
    assert!(loaded.learners.is_empty());
    assert!(matches!(
        loaded.problems[0].kind,
        ProblemKind::Newer { version: 9 }
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), future);
}

#[test]
fn released_v1_fixtures_still_load() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
    let dir = tempfile::tempdir().unwrap();
    for sub in ["learners", "progress", "attempts"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in fs::read_dir(fixtures.join(sub)).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    fs::copy(
        fixtures.join("settings.ron"),
        dir.path().join("settings.ron"),
    )
    .unwrap();
    let loaded = Store::open(dir.path()).unwrap().load();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.learners.len(), 1);
    assert_eq!(loaded.learners[0].name, "Siti Aminah");
    assert_eq!(loaded.attempts.len(), 1);
    assert_eq!(loaded.attempts[0].answers.len(), 10);
    assert_eq!(loaded.attempts[0].seed, 42);
    assert_eq!(loaded.progress.len(), 1);
    assert_eq!(loaded.settings.last_learner, Some(loaded.learners[0].id));
}

#[test]
fn a_saved_attempt_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti");
    let first = attempt(&siti);
    store.save_attempt(&first).unwrap();
    let mut changed = first.clone();
    changed.passed = !changed.passed;
    store.save_attempt(&changed).unwrap();
    assert_eq!(store.load().attempts, vec![first]);
}

#[test]
fn two_writers_keep_each_others_progress() {
    let dir = tempfile::tempdir().unwrap();
    let learner = Uuid::new_v4();
    let lessons: Vec<String> = (1..=20).map(|n| format!("asn-l{n}")).collect();
    std::thread::scope(|scope| {
        for half in lessons.chunks(10) {
            let root = dir.path().to_path_buf();
            scope.spawn(move || {
                // Each "copy of the app" has its own store and its own idea of the progress.
                let store = Store::open(root).unwrap();
                let mut progress = Progress::new(learner);
                for lesson in half {
                    progress.mark_read("asn", lesson, Utc::now());
                    store.save_progress(&progress).unwrap();
                }
            });
        }
    });
    let loaded = Store::open(dir.path()).unwrap().load();
    let progress = &loaded.progress[&learner];
    for lesson in &lessons {
        assert!(progress.is_read("asn", lesson), "{lesson} was lost");
    }
}

#[test]
fn leftover_temporary_files_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti");
    // What a crash between write and rename leaves behind.
    fs::write(
        dir.path()
            .join(format!("learners/.{}.ron.123.abc.tmp", siti.id)),
        "(version: 1, na",
    )
    .unwrap();
    let loaded = store.load();
    assert_eq!(loaded.learners, vec![siti]);
    assert!(loaded.problems.is_empty());
}

/// Released formats: signed attempts (format 2), corrections, the device key file and bundle
/// format 1 must keep loading and verifying.
#[test]
fn released_v2_fixtures_still_load_and_verify() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2");
    let dir = tempfile::tempdir().unwrap();
    for sub in ["learners", "attempts", "corrections"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in fs::read_dir(fixtures.join(sub)).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
        }
    }
    fs::copy(fixtures.join("device.ron"), dir.path().join("device.ron")).unwrap();
    let loaded = Store::open(dir.path()).unwrap().load();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.attempts.len(), 2);
    assert_eq!(loaded.corrections.len(), 1);
    let verification = latih_asn::records::verify_loaded(&loaded);
    // Both signed attempts still verify with the device key of format 2.
    assert_eq!(verification.count(latih_asn::records::Status::Valid), 2);
    // A correction made on a PC (format 2 had no HR authority) is now a proposal: it is kept
    // and shown, and counts nowhere.
    assert!(verification.corrections.is_empty());
    assert_eq!(verification.proposals.len(), 1);
    // Format-2 attempts do not carry who took them; the profile they rely on is unsigned, which
    // verify reports until the PC signs it (the app does so at its next start).
    assert_eq!(
        verification.profiles.values().collect::<Vec<_>>(),
        vec![&latih_asn::records::ProfileStatus::Unsigned]
    );
    let store = Store::open(dir.path()).unwrap();
    fs::copy(fixtures.join("device.ron"), dir.path().join("device.ron")).unwrap();
    assert!(
        store.identity().is_err(),
        "format 2 fixture has no secret key"
    );

    let bundle = latih_asn::records::bundle::read(&fixtures.join("bundle-v1.bundle.ron")).unwrap();
    assert_eq!(bundle.body.attempts.len(), 2);
    assert_eq!(bundle.body.corrections.len(), 1);
}
