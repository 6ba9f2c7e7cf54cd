//! Records HR can trust: signatures and chains, bundles between PCs, exports, and what happens
//! when files are edited, deleted, truncated, flipped, duplicated or written by two at once.

#[path = "harness/records.rs"]
mod made;

use made::{learner, take_exam};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::Utc;
use latih_asn::lang::Lang;
use latih_asn::records::bundle::{self, BundleError};
use latih_asn::records::export;
use latih_asn::records::summary::summarize;
use latih_asn::records::{Approval, Attempt, Authority, Decision, How, Status, Store, verify};
use rand::{Rng, SeedableRng};

/// An HR installation: a store with an authority key.
fn hr_store() -> (tempfile::TempDir, Store, Authority) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let authority = Authority::create(dir.path(), "BKPSDM Kab. Mesuji", Utc::now()).unwrap();
    (dir, store, authority)
}

/// HR approves `desk`'s key (as after comparing the fingerprint).
fn approve(hr: &Store, authority: &Authority, desk: &Store) {
    let key = desk.identity().unwrap().key;
    let approval = Approval::signed(
        authority,
        &key,
        Decision::Approved,
        How::Fingerprint,
        "Kasubbag",
        Utc::now(),
    );
    hr.save_approval(&approval).unwrap();
}

fn attempt_path(store: &Store, attempt: &Attempt) -> std::path::PathBuf {
    store.path("attempts").join(format!("{}.ron", attempt.id))
}

#[test]
fn recorded_attempts_are_signed_chained_and_verify() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti", "198001012005012001");
    let attempts: Vec<Attempt> = (0..4)
        .map(|n| take_exam(&store, &siti, n, n % 2 == 0))
        .collect();
    assert_eq!(
        attempts.iter().map(|a| a.sequence).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(
        attempts[1].previous.as_deref(),
        Some(attempts[0].chain_hash().as_str())
    );
    let loaded = store.load();
    let verification = verify(&loaded.attempts, &loaded.devices);
    assert!(verification.is_clean(), "{verification:?}");
    assert_eq!(verification.count(Status::Valid), 4);
}

#[test]
fn a_hand_edited_attempt_is_flagged_and_never_counted() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let budi = learner(&store, "Budi", "198502022010011002");
    let failed = take_exam(&store, &budi, 1, false);
    let path = attempt_path(&store, &failed);
    // Turn the failed exam into a pass by hand, as someone with a text editor would.
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("passed: false", "passed: true");
    fs::write(&path, text).unwrap();
    let loaded = store.load();
    let verification = verify(&loaded.attempts, &loaded.devices);
    assert_eq!(verification.status_of(&failed.id), Status::Edited);
    let summary = summarize(
        &loaded.learners,
        &loaded.attempts,
        &verification,
        &["asn".to_owned()],
    );
    assert!(
        !summary.rows[0].passed,
        "an edited record must not count as a completion"
    );
    assert_eq!(summary.flagged, 1);
    assert_eq!(summary.units[0].passed["asn"], 0);
}

#[test]
fn copying_a_record_to_another_learner_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti", "198001012005012001");
    let budi = learner(&store, "Budi", "198502022010011002");
    let passed = take_exam(&store, &siti, 2, true);
    let path = attempt_path(&store, &passed);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace(&siti.id.to_string(), &budi.id.to_string());
    fs::write(&path, text).unwrap();
    let loaded = store.load();
    assert_eq!(
        verify(&loaded.attempts, &loaded.devices).status_of(&passed.id),
        Status::Edited
    );
}

#[test]
fn a_deleted_attempt_is_missing_from_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti", "");
    let attempts: Vec<Attempt> = (0..5).map(|n| take_exam(&store, &siti, n, false)).collect();
    fs::remove_file(attempt_path(&store, &attempts[2])).unwrap();
    let loaded = store.load();
    let verification = verify(&loaded.attempts, &loaded.devices);
    let device = attempts[0].device.unwrap();
    assert_eq!(verification.missing.get(&device), Some(&vec![3]));
    assert!(!verification.is_clean());
}

#[test]
fn a_record_from_an_unknown_device_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti", "");
    let attempt = take_exam(&store, &siti, 1, true);
    // Another folder without this device's key.
    let other = tempfile::tempdir().unwrap();
    let other_store = Store::open(other.path()).unwrap();
    fs::copy(
        attempt_path(&store, &attempt),
        attempt_path(&other_store, &attempt),
    )
    .unwrap();
    let loaded = other_store.load();
    assert_eq!(
        verify(&loaded.attempts, &loaded.devices).status_of(&attempt.id),
        Status::UnknownKey
    );
}

#[test]
fn two_writers_at_once_keep_one_unbroken_chain() {
    let dir = tempfile::tempdir().unwrap();
    let setup = Store::open(dir.path()).unwrap();
    let siti = learner(&setup, "Siti", "");
    setup.identity().unwrap();
    std::thread::scope(|scope| {
        for writer in 0..2u64 {
            let root = dir.path().to_path_buf();
            let siti = siti.clone();
            scope.spawn(move || {
                let store = Store::open(root).unwrap();
                for n in 0..6 {
                    take_exam(&store, &siti, writer * 100 + n, false);
                }
            });
        }
    });
    let loaded = setup.load();
    assert_eq!(loaded.attempts.len(), 12);
    let sequences: BTreeSet<u64> = loaded.attempts.iter().map(|a| a.sequence).collect();
    assert_eq!(sequences, (1..=12).collect());
    assert!(verify(&loaded.attempts, &loaded.devices).is_clean());
}

#[test]
fn killing_the_writer_mid_save_never_loses_or_damages_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut confirmed = BTreeSet::new();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    for _ in 0..12 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_latih-asn"))
            .args(["records", "stress-write", "100000", "--data-dir"])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(150..600)));
        child.kill().unwrap();
        let output = child.wait_with_output().unwrap();
        // Every id printed was durable before it was printed.
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            confirmed.insert(line.trim().to_owned());
        }
    }
    let store = Store::open(dir.path()).unwrap();
    let loaded = store.load();
    assert!(
        loaded.problems.is_empty(),
        "damaged files after kills: {:?}",
        loaded.problems
    );
    let present: BTreeSet<String> = loaded.attempts.iter().map(|a| a.id.to_string()).collect();
    assert!(
        confirmed.len() > 3,
        "the writer should have recorded some attempts"
    );
    for id in &confirmed {
        assert!(present.contains(id), "attempt {id} was lost");
    }
    let verification = verify(&loaded.attempts, &loaded.devices);
    assert!(verification.is_clean(), "{:?}", verification.missing);
}

fn device_with_records(exams: u64) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti Aminah", "198001012005012001");
    for n in 0..exams {
        take_exam(&store, &siti, n, n == 0);
    }
    (dir, store)
}

#[test]
fn bundles_carry_records_to_hr_and_importing_twice_adds_nothing() {
    let (_a, desk) = device_with_records(3);
    let out = tempfile::tempdir().unwrap();
    let path = bundle::export(&desk, out.path(), Utc::now()).unwrap();
    assert!(
        path.file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with(".bundle.ron")
    );
    let parsed = bundle::read(&path).unwrap();
    assert_eq!(parsed.body.manifest.attempts, 3);
    assert_eq!(parsed.body.manifest.learners, 1);
    assert_eq!(parsed.body.manifest.content_versions, ["2026-11-23"]);

    let (_hr_dir, hr, authority) = hr_store();
    approve(&hr, &authority, &desk);
    let first = bundle::import(&hr, &path, Utc::now()).unwrap();
    assert!(first.is_clean(), "{first:?}");
    assert_eq!(
        (
            first.added_attempts,
            first.added_learners,
            first.already_present
        ),
        (3, 1, 0)
    );
    let second = bundle::import(&hr, &path, Utc::now()).unwrap();
    assert_eq!(
        (
            second.added_attempts,
            second.added_learners,
            second.already_present
        ),
        (0, 0, 3)
    );
    let loaded = hr.load();
    assert_eq!(loaded.attempts.len(), 3);
    assert_eq!(loaded.learners.len(), 1);
    let verification = latih_asn::records::verify_loaded(&loaded);
    assert!(
        verification.is_clean(),
        "imported records verify with the approved key: {verification:?}"
    );
    let journal = bundle::journal(&hr);
    assert_eq!(journal.len(), 2);
    assert_eq!(journal[1].added_attempts, 0);

    // A later bundle from the same desk brings only what is new.
    let siti = desk.load().learners[0].clone();
    take_exam(&desk, &siti, 9, true);
    let later =
        bundle::export(&desk, out.path(), Utc::now() + chrono::Duration::seconds(1)).unwrap();
    let third = bundle::import(&hr, &later, Utc::now()).unwrap();
    assert_eq!((third.added_attempts, third.already_present), (1, 3));
    assert_eq!(hr.load().attempts.len(), 4);
}

fn imported_files(store: &Store) -> usize {
    fs::read_dir(store.path("imported")).unwrap().count()
}

#[test]
fn truncated_flipped_future_and_forged_bundles_are_refused_and_change_nothing() {
    let (_a, desk) = device_with_records(2);
    let out = tempfile::tempdir().unwrap();
    let path = bundle::export(&desk, out.path(), Utc::now()).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let hr_dir = tempfile::tempdir().unwrap();
    let hr = Store::open(hr_dir.path()).unwrap();
    let write = |name: &str, content: &str| {
        let p = out.path().join(name);
        fs::write(&p, content).unwrap();
        p
    };

    let truncated = write("truncated.ron", &text[..text.len() * 2 / 3]);
    assert!(matches!(
        bundle::import(&hr, &truncated, Utc::now()),
        Err(BundleError::Damaged(_))
    ));

    let future = write(
        "future.ron",
        &text.replacen("(version:1,", "(version:9,", 1),
    );
    assert!(matches!(
        bundle::import(&hr, &future, Utc::now()),
        Err(BundleError::Newer(9))
    ));

    // Editing a score inside the bundle breaks its checksum.
    let edited = write(
        "edited.ron",
        &text.replacen("passed:false", "passed:true", 1),
    );
    assert!(matches!(
        bundle::import(&hr, &edited, Utc::now()),
        Err(BundleError::Checksum)
    ));

    // Editing and recomputing the checksum still fails the signature.
    let mut forged = bundle::parse(&text).unwrap();
    forged.body.attempts[1].passed = true;
    forged.checksum = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(
            ron::to_string(&forged.body).unwrap().as_bytes(),
        ))
    };
    let forged_path = write("forged.ron", &ron::to_string(&forged).unwrap());
    assert!(matches!(
        bundle::import(&hr, &forged_path, Utc::now()),
        Err(BundleError::Signature)
    ));

    assert_eq!(imported_files(&hr), 0, "a refused bundle adds nothing");
    assert!(hr.load().attempts.is_empty());
    let journal = bundle::journal(&hr);
    assert_eq!(journal.len(), 4);
    assert!(journal.iter().all(|entry| entry.refused.is_some()));
}

#[test]
fn random_bit_flips_never_get_a_bundle_accepted() {
    let (_a, desk) = device_with_records(1);
    let original = bundle::build(&desk, Utc::now()).unwrap();
    let text = ron::to_string(&original).unwrap().into_bytes();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
    for _ in 0..300 {
        let mut damaged = text.clone();
        let at = rng.random_range(0..damaged.len());
        damaged[at] ^= 1 << rng.random_range(0..8);
        let Ok(damaged) = String::from_utf8(damaged) else {
            continue;
        };
        if let Ok(parsed) = bundle::parse(&damaged) {
            // Only a flip that changes nothing the bundle means (e.g. letter case in hex) may pass.
            assert_eq!(parsed.body, original.body);
        }
    }
}

#[test]
fn conflicting_copies_of_a_record_are_reported_not_merged() {
    let (_a, desk) = device_with_records(1);
    let out = tempfile::tempdir().unwrap();
    let original_path = bundle::export(&desk, out.path(), Utc::now()).unwrap();
    // A trainer laptop imported the desk's bundle and, later, its copy of the record changed.
    let trainer_dir = tempfile::tempdir().unwrap();
    let trainer = Store::open(trainer_dir.path()).unwrap();
    bundle::import(&trainer, &original_path, Utc::now()).unwrap();
    let batch = fs::read_dir(trainer.path("imported"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let text = fs::read_to_string(&batch).unwrap();
    assert!(text.contains("seed:0"));
    fs::write(&batch, text.replacen("seed:0", "seed:5", 1)).unwrap();
    let trainer_bundle = bundle::export(
        &trainer,
        out.path(),
        Utc::now() + chrono::Duration::seconds(5),
    )
    .unwrap();

    // Whichever copy reaches HR first, the genuine one counts and both are kept and shown.
    for order in [
        [&original_path, &trainer_bundle],
        [&trainer_bundle, &original_path],
    ] {
        let (_hr_dir, hr, authority) = hr_store();
        approve(&hr, &authority, &desk);
        bundle::import(&hr, order[0], Utc::now()).unwrap();
        let report = bundle::import(&hr, order[1], Utc::now()).unwrap();
        assert_eq!(report.conflicts.len(), 1, "{report:?}");
        assert!(!report.is_clean());
        let loaded = hr.load();
        assert_eq!(loaded.attempts.len(), 1);
        assert_eq!(
            loaded.attempts[0].seed, 0,
            "the genuine record is the one in use"
        );
        assert_eq!(loaded.conflicts.len(), 1);
        let verification = latih_asn::records::verify_loaded(&loaded);
        assert_eq!(verification.count(Status::Valid), 1);
        assert_eq!(
            fs::read_dir(hr.path("imported"))
                .unwrap()
                .filter(|e| e
                    .as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "ron"))
                .count(),
            2,
            "both versions kept"
        );
    }

    // An import skips the signature check of records the store already holds unchanged. Here
    // the record was known when the import began; when the changed copy is written first (the
    // two bundles are read at once, so either may be), the known copy no longer matches the
    // store and is checked after all. Either way the genuine copy counts.
    for _ in 0..6 {
        let (_hr_dir, hr, authority) = hr_store();
        approve(&hr, &authority, &desk);
        bundle::import(&hr, &original_path, Utc::now()).unwrap();
        let results = bundle::import_many(
            &hr,
            &[trainer_bundle.clone(), original_path.clone()],
            Utc::now(),
        );
        let reports: Vec<_> = results.into_iter().map(|(_, r)| r.unwrap()).collect();
        assert_eq!(reports[0].conflicts.len(), 1, "{:?}", reports[0]);
        let original = &reports[1];
        assert!(
            original.already_present == 1 || original.conflicts.len() == 1,
            "{original:?}"
        );
        assert_eq!(original.held, 0);
        let loaded = hr.load();
        assert_eq!(loaded.attempts.len(), 1);
        assert_eq!(loaded.attempts[0].seed, 0, "the genuine record is in use");
        let verification = latih_asn::records::verify_loaded(&loaded);
        assert_eq!(verification.count(Status::Valid), 1);
        // The same bundle again: every record already here, nothing added.
        let again = bundle::import(&hr, &original_path, Utc::now()).unwrap();
        assert_eq!((again.added_attempts, again.already_present), (0, 1));
    }
}

#[test]
fn csv_opens_in_excel_and_matches_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let tricky = learner(&store, "Dewi \"Ayu\"; S.Pd.", "199001012015012003");
    take_exam(&store, &tricky, 3, true);
    take_exam(&store, &tricky, 4, false);
    let loaded = store.load();
    let verification = verify(&loaded.attempts, &loaded.devices);
    let mut bytes = Vec::new();
    export::attempts_csv(
        &mut bytes,
        &loaded.learners,
        &loaded.attempts,
        &verification,
        Lang::Id,
    )
    .unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 BOM so Excel reads it as UTF-8"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[1], "Nama");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        &rows[0][1], "Dewi \"Ayu\"; S.Pd.",
        "quoting survives a round trip"
    );
    assert_eq!(
        &rows[0][2], "=\"199001012015012003\"",
        "NIP as a text formula, so spreadsheets keep all 18 digits (see records::export)"
    );
    assert!(
        rows.iter()
            .all(|r| r[8].ends_with('Z') && r[8].contains('T')),
        "ISO 8601 dates"
    );
    assert_eq!(&rows[0][14], "sah");

    let summary = summarize(
        &loaded.learners,
        &loaded.attempts,
        &verification,
        &["asn".to_owned()],
    );
    let mut bytes = Vec::new();
    export::summary_csv(&mut bytes, &loaded.learners, &summary, Lang::En).unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[4], "asn");
    assert_eq!(&row[5], "2");
    assert_eq!(&row[6], "100");
    assert_eq!(&row[7], "yes");
}

#[test]
fn xapi_statements_describe_verified_attempts() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti", "198001012005012001");
    let honorer = learner(&store, "Budi", "");
    let passed = take_exam(&store, &siti, 1, true);
    take_exam(&store, &honorer, 2, false);
    let edited = take_exam(&store, &siti, 3, false);
    let path = attempt_path(&store, &edited);
    fs::write(
        &path,
        fs::read_to_string(&path)
            .unwrap()
            .replace("passed: false", "passed: true"),
    )
    .unwrap();
    let loaded = store.load();
    let verification = verify(&loaded.attempts, &loaded.devices);
    let statements = export::xapi_statements(&loaded.learners, &loaded.attempts, &verification);
    assert_eq!(statements.len(), 2, "the edited record is not sent");
    let s = statements
        .iter()
        .find(|s| s["id"] == passed.id.to_string())
        .unwrap();
    assert_eq!(s["actor"]["account"]["name"], "198001012005012001");
    assert_eq!(s["actor"]["account"]["homePage"], "https://www.bkn.go.id");
    assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
    assert_eq!(s["result"]["score"]["scaled"], 1.0);
    assert_eq!(s["result"]["success"], true);
    assert_eq!(
        s["object"]["id"],
        "https://latih-asn.invalid/xapi/module/asn"
    );
    assert_eq!(s["context"]["registration"], passed.id.to_string());
    let failed = statements
        .iter()
        .find(|s| s["id"] != passed.id.to_string())
        .unwrap();
    assert_eq!(
        failed["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/failed"
    );
    assert_eq!(
        failed["actor"]["account"]["homePage"],
        "https://latih-asn.invalid/xapi/learner"
    );
}

#[test]
fn records_cli_exit_codes_scripts_can_rely_on() {
    let (desk_dir, desk) = device_with_records(2);
    let bin = env!("CARGO_BIN_EXE_latih-asn");
    let run = |args: &[&str], data: &Path| {
        Command::new(bin)
            .args(args)
            .arg("--data-dir")
            .arg(data)
            .output()
            .unwrap()
    };
    let out = tempfile::tempdir().unwrap();
    let bundle_path = out.path().join("desk.bundle.ron");
    let status = run(
        &[
            "--lang",
            "en",
            "records",
            "export",
            "--format",
            "bundle",
            "--out",
            bundle_path.to_str().unwrap(),
        ],
        desk_dir.path(),
    );
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );

    let hr = tempfile::tempdir().unwrap();
    let init = run(
        &["records", "authority", "init", "--name", "BKPSDM"],
        hr.path(),
    );
    assert_eq!(init.status.code(), Some(0));
    let held = run(
        &[
            "--lang",
            "en",
            "records",
            "import",
            bundle_path.to_str().unwrap(),
        ],
        hr.path(),
    );
    // A device HR has not approved: its records are held, and the import says so (exit 1).
    assert_eq!(held.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&held.stdout).contains("held until HR approves"));
    assert_eq!(
        run(&["records", "verify"], hr.path()).status.code(),
        Some(1)
    );
    let fingerprint = desk.identity().unwrap().fingerprint();
    let device = desk.identity().unwrap().key.device.to_string();
    let wrong = run(
        &[
            "records",
            "devices",
            "approve",
            &device[..8],
            "--fingerprint",
            "0000 0000 0000 0000",
            "--by",
            "Kasubbag",
        ],
        hr.path(),
    );
    assert_eq!(
        wrong.status.code(),
        Some(1),
        "a wrong fingerprint approves nothing"
    );
    let approved = run(
        &[
            "records",
            "devices",
            "approve",
            &device[..8],
            "--fingerprint",
            &fingerprint.to_lowercase(),
            "--by",
            "Kasubbag",
        ],
        hr.path(),
    );
    assert_eq!(
        approved.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&approved.stderr)
    );
    let imported = run(
        &[
            "--lang",
            "en",
            "records",
            "import",
            bundle_path.to_str().unwrap(),
        ],
        hr.path(),
    );
    assert_eq!(imported.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&imported.stdout)
            .contains("0 attempts and 0 learners added, 2 already present")
    );

    let verified = run(&["records", "verify"], hr.path());
    assert_eq!(verified.status.code(), Some(0));

    let csv_path = out.path().join("attempts.csv");
    let exported = run(
        &[
            "records",
            "export",
            "--format",
            "csv",
            "--out",
            csv_path.to_str().unwrap(),
        ],
        hr.path(),
    );
    assert_eq!(exported.status.code(), Some(0));
    assert!(fs::read(&csv_path).unwrap().starts_with(b"\xEF\xBB\xBF"));

    let summary = run(&["--lang", "id", "records", "summary"], hr.path());
    assert_eq!(summary.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&summary.stdout).contains("Bagian Umum\t1\t1"));

    // Damage the desk's records: verification now fails with exit code 1.
    let attempt = desk.load().attempts[0].clone();
    let path = attempt_path(&desk, &attempt);
    fs::write(
        &path,
        fs::read_to_string(&path)
            .unwrap()
            .replace("seed: 0", "seed: 5"),
    )
    .unwrap();
    assert_eq!(
        run(&["records", "verify"], desk_dir.path()).status.code(),
        Some(1)
    );

    let refused = run(
        &[
            "--lang",
            "id",
            "records",
            "import",
            csv_path.to_str().unwrap(),
        ],
        hr.path(),
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("ditolak, tidak ada yang berubah"));
}

#[test]
fn corrections_count_only_when_hr_signs_them() {
    let (desk_dir, desk) = device_with_records(2);
    let loaded = desk.load();
    let passed = loaded.attempts.iter().find(|a| a.passed).unwrap().clone();
    let bin = env!("CARGO_BIN_EXE_latih-asn");
    let run = |args: &[&str], data: &Path| {
        Command::new(bin)
            .args(["--lang", "en"])
            .args(args)
            .arg("--data-dir")
            .arg(data)
            .output()
            .unwrap()
    };
    let modules = vec!["asn".to_owned(), "pilkada".to_owned()];

    // On a learner PC (no HR authority) a void and a waiver are only proposals.
    let before = fs::read_to_string(attempt_path(&desk, &passed)).unwrap();
    let void = [
        "records",
        "void",
        &passed.id.to_string(),
        "--reason",
        "Dikerjakan dengan profil orang lain",
        "--by",
        "Kasubbag Kepegawaian",
    ];
    let out = run(&void, desk_dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("proposal"));
    assert_eq!(
        fs::read_to_string(attempt_path(&desk, &passed)).unwrap(),
        before
    );
    let waive = [
        "records",
        "waive",
        "--learner",
        "198001012005012001",
        "--module",
        "pilkada",
        "--reason",
        "Keputusan PPK",
        "--by",
        "Kepala BKD",
    ];
    assert!(run(&waive, desk_dir.path()).status.success());
    let loaded = desk.load();
    let verification = latih_asn::records::verify_loaded(&loaded);
    assert_eq!(verification.proposals.len(), 2);
    assert!(verification.corrections.is_empty());
    let summary = summarize(&loaded.learners, &loaded.attempts, &verification, &modules);
    assert!(
        summary
            .rows
            .iter()
            .find(|r| r.module == "asn")
            .unwrap()
            .passed
    );
    assert!(
        !summary
            .rows
            .iter()
            .any(|r| r.module == "pilkada" && r.passed)
    );

    // At HR the proposals arrive, are reported, and change no number.
    let out_dir = tempfile::tempdir().unwrap();
    let path = bundle::export(&desk, out_dir.path(), Utc::now()).unwrap();
    let (hr_dir, hr, authority) = hr_store();
    approve(&hr, &authority, &desk);
    let report = bundle::import(&hr, &path, Utc::now()).unwrap();
    assert_eq!(report.proposals, 2);
    assert!(!report.is_clean());
    let loaded = hr.load();
    let verification = latih_asn::records::verify_loaded(&loaded);
    assert_eq!(verification.proposals.len(), 2);
    let summary = summarize(&loaded.learners, &loaded.attempts, &verification, &modules);
    assert_eq!(summary.units[0].passed["asn"], 1);
    assert_eq!(summary.units[0].passed["pilkada"], 0);
    assert_eq!(
        run(&["records", "verify"], hr_dir.path()).status.code(),
        Some(1)
    );

    // HR decides the same on its own PC: signed by its authority, the corrections count and the
    // proposals are settled.
    assert!(run(&void, hr_dir.path()).status.success());
    assert!(run(&waive, hr_dir.path()).status.success());
    let loaded = hr.load();
    let verification = latih_asn::records::verify_loaded(&loaded);
    assert!(verification.is_clean(), "{verification:?}");
    let summary = summarize(&loaded.learners, &loaded.attempts, &verification, &modules);
    assert_eq!(summary.units[0].passed["asn"], 0);
    assert_eq!(summary.units[0].passed["pilkada"], 1);
    let asn = summary.rows.iter().find(|r| r.module == "asn").unwrap();
    assert_eq!(asn.voided, 1);
    assert_eq!(
        run(&["records", "verify"], hr_dir.path()).status.code(),
        Some(0)
    );

    // xAPI: the voided exam is sent with a voiding statement after it (an LRS that already has
    // it learns of the void); the waiver is a "completed" statement.
    let statements = export::xapi_statements(&loaded.learners, &loaded.attempts, &verification);
    assert!(statements.iter().any(|s| {
        s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
            && s["object"]["id"] == passed.id.to_string()
    }));
    let completed: Vec<_> = statements
        .iter()
        .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed")
        .collect();
    assert_eq!(completed.len(), 1);
    let mut bytes = Vec::new();
    export::attempts_csv(
        &mut bytes,
        &loaded.learners,
        &loaded.attempts,
        &verification,
        Lang::En,
    )
    .unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("voided (correction)"));

    // A correction edited by hand is ignored and reported.
    let correction = fs::read_dir(hr.path("corrections"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| fs::read_to_string(p).unwrap().contains("Keputusan PPK"))
        .unwrap();
    let text = fs::read_to_string(&correction).unwrap();
    fs::write(&correction, text.replace("Keputusan PPK", "Keputusan saya")).unwrap();
    let loaded = hr.load();
    let verification = latih_asn::records::verify_loaded(&loaded);
    assert_eq!(verification.bad_corrections.len(), 1);
    let summary = summarize(&loaded.learners, &loaded.attempts, &verification, &modules);
    assert_eq!(summary.units[0].passed["pilkada"], 0);

    // A correction signed by another HR authority (a stranger's "HR" install) is a proposal.
    let stranger = tempfile::tempdir().unwrap();
    Store::open(stranger.path()).unwrap();
    assert!(
        run(
            &["records", "authority", "init", "--name", "Palsu"],
            stranger.path()
        )
        .status
        .success()
    );
    let stranger_store = Store::open(stranger.path()).unwrap();
    let forged = latih_asn::records::Correction::by_authority(
        latih_asn::records::CorrectionKind::Void { attempt: passed.id },
        "x",
        "y",
        Utc::now(),
        &stranger_store.authority().unwrap().unwrap(),
    );
    hr.save_correction(&forged).unwrap();
    let verification = latih_asn::records::verify_loaded(&hr.load());
    assert!(verification.corrections.iter().all(|c| c.id != forged.id));

    // A reason is required.
    assert_eq!(
        run(
            &[
                "records",
                "void",
                &passed.id.to_string(),
                "--reason",
                " ",
                "--by",
                "x"
            ],
            hr_dir.path()
        )
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn the_import_cache_is_used_only_while_its_seal_and_source_hold() {
    let (_a, desk) = device_with_records(3);
    let out = tempfile::tempdir().unwrap();
    let path = bundle::export(&desk, out.path(), Utc::now()).unwrap();
    let (_hr_dir, hr, authority) = hr_store();
    approve(&hr, &authority, &desk);
    bundle::import(&hr, &path, Utc::now()).unwrap();
    let files: Vec<std::path::PathBuf> = fs::read_dir(hr.path("imported"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let ron = files
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap()
        .clone();
    let cache = ron.with_extension("cache");
    assert!(cache.exists());

    let loaded = hr.load();
    assert!(loaded.stale_caches.is_empty(), "the sealed cache is used");
    assert!(latih_asn::records::verify_loaded(&loaded).is_clean());

    // A damaged cache is ignored: the RON is read and every signature checked again.
    let mut bytes = fs::read(&cache).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    fs::write(&cache, &bytes).unwrap();
    let loaded = hr.read();
    assert_eq!(loaded.stale_caches.len(), 1);
    assert!(latih_asn::records::verify_loaded(&loaded).is_clean());
    // ... and sealed again by the next load that may write, so the next run is fast again.
    assert!(hr.read().stale_caches.len() == 1, "a check writes nothing");
    let loaded = hr.load();
    assert!(loaded.stale_caches.is_empty(), "written as it was read");
    assert!(latih_asn::records::verify_loaded(&loaded).is_clean());
    assert!(hr.read().stale_caches.is_empty());
    // Without this installation's key nothing can be sealed: the command that may write
    // later rebuilds what is missing.
    fs::remove_file(&cache).unwrap();
    fs::rename(hr.path("device.key"), hr.path("device.key.away")).unwrap();
    let loaded = hr.load();
    assert_eq!(loaded.stale_caches.len(), 1);
    fs::rename(hr.path("device.key.away"), hr.path("device.key")).unwrap();
    hr.rebuild_caches(&loaded);
    assert!(hr.read().stale_caches.is_empty());

    // Rebuild a good cache by importing into a fresh folder, then edit the RON: the cache no
    // longer matches its source, so the edit is seen and flagged.
    let (_hr2_dir, hr2, authority2) = hr_store();
    approve(&hr2, &authority2, &desk);
    bundle::import(&hr2, &path, Utc::now()).unwrap();
    let ron2 = fs::read_dir(hr2.path("imported"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let text = fs::read_to_string(&ron2).unwrap();
    fs::write(&ron2, text.replacen("passed:false", "passed:true", 1)).unwrap();
    let loaded = hr2.read();
    assert_eq!(loaded.stale_caches.len(), 1);
    let verification = latih_asn::records::verify_loaded(&loaded);
    assert_eq!(verification.count(Status::Edited), 1);
    // A new cache of the edited file keeps what its check found: still flagged, every run.
    let loaded = hr2.load();
    assert!(loaded.stale_caches.is_empty());
    assert_eq!(
        latih_asn::records::verify_loaded(&loaded).count(Status::Edited),
        1
    );
    let loaded = hr2.read();
    assert!(loaded.stale_caches.is_empty(), "read from the new cache");
    assert_eq!(
        latih_asn::records::verify_loaded(&loaded).count(Status::Edited),
        1
    );
}

#[test]
fn an_attempt_records_the_content_it_was_taken_on_and_the_csv_shows_it() {
    let (_dir, desk) = device_with_records(1);
    let loaded = desk.load();
    let attempt = &loaded.attempts[0];
    assert_eq!(
        attempt.content.as_deref(),
        Some(&latih_asn::content::ModuleSource::embedded())
    );
    // Signed with the rest: changing the content named breaks the signature.
    let mut changed = attempt.clone();
    changed.content = Some(std::sync::Arc::new(
        latih_asn::content::ModuleSource::Pack {
            id: "paket-lain".into(),
            version: None,
            hash: "00".into(),
        },
    ));
    assert_ne!(changed.signed_bytes(), attempt.signed_bytes());
    let verification = latih_asn::records::verify_loaded(&loaded);
    let mut bytes = Vec::new();
    export::attempts_csv(
        &mut bytes,
        &loaded.learners,
        &loaded.attempts,
        &verification,
        Lang::Id,
    )
    .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("Konten"));
    assert!(text.contains(&format!("aplikasi {}", env!("CARGO_PKG_VERSION"))));
}
