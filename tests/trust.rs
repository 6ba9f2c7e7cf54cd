//! Records HR can trust, attacked the way a dishonest PC or a careless hand would: a stranger's
//! key pair, a re-keyed bundle under a real device id, hand edits of profiles, a correction from
//! a stranger, a lost key, damaged and deleted files. Through the command line, on real folders.

#[path = "harness/records.rs"]
mod made;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::Utc;
use latih_asn::records::bundle;
use latih_asn::records::{Status, Store, verify_loaded};

fn cli(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .args(["--lang", "en"])
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

const SITI: &str = "198001012005012001";

/// A learner PC with Siti and `exams` passed exams.
fn make_desk(exams: u64) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = made::learner(&store, "Siti Aminah", SITI);
    for n in 0..exams {
        made::take_exam(&store, &siti, n, true);
    }
    (dir, store)
}

fn export_bundle(data: &Path, out: &Path, name: &str) -> PathBuf {
    let path = out.join(name);
    let done = cli(
        data,
        &[
            "records",
            "export",
            "--format",
            "bundle",
            "--out",
            path.to_str().unwrap(),
        ],
    );
    assert!(done.status.success(), "{}", text(&done));
    path
}

fn hr() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let made = cli(
        dir.path(),
        &[
            "records",
            "authority",
            "init",
            "--name",
            "BKPSDM Kab. Mesuji",
        ],
    );
    assert!(made.status.success(), "{}", text(&made));
    dir
}

fn approve(hr: &Path, desk: &Store) -> Output {
    let identity = desk.identity().unwrap();
    cli(
        hr,
        &[
            "records",
            "devices",
            "approve",
            &identity.key.device.to_string(),
            "--fingerprint",
            &identity.fingerprint(),
            "--by",
            "Kasubbag Kepegawaian",
        ],
    )
}

fn asn_passed(hr: &Path) -> String {
    let summary = cli(hr, &["records", "summary"]);
    String::from_utf8_lossy(&summary.stdout)
        .lines()
        .find(|l| l.starts_with("Bagian Umum"))
        .unwrap_or_default()
        .to_owned()
}

/// Every file under `root` with its bytes, to prove a command changed nothing.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.insert(path.clone(), Vec::new());
                stack.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_strangers_key_pair_with_invented_passes_counts_nowhere_until_hr_approves() {
    let (stranger_dir, _stranger) = make_desk(2);
    let out = tempfile::tempdir().unwrap();
    let forged = export_bundle(stranger_dir.path(), out.path(), "forged.bundle.ron");
    let hr = hr();
    let import = cli(hr.path(), &["records", "import", forged.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(1), "{}", text(&import));
    assert!(text(&import).contains("2 attempts are held"));
    assert_eq!(
        asn_passed(hr.path()),
        "",
        "an unapproved PC adds nobody to the summary"
    );
    let verify = cli(hr.path(), &["records", "verify"]);
    assert_eq!(verify.status.code(), Some(1));
    assert!(text(&verify).contains("is not approved: 2 attempts held"));
    // Exports carry nothing of it as a result.
    let xapi = out.path().join("x.json");
    cli(
        hr.path(),
        &[
            "records",
            "export",
            "--format",
            "xapi",
            "--out",
            xapi.to_str().unwrap(),
        ],
    );
    assert!(!fs::read_to_string(&xapi).unwrap().contains("/verbs/passed"));
    let devices = cli(hr.path(), &["records", "devices"]);
    assert_eq!(devices.status.code(), Some(1));
    assert!(text(&devices).contains("AWAITING APPROVAL"));
}

#[test]
fn a_rekeyed_bundle_under_a_real_device_id_never_displaces_or_blocks_the_genuine_one() {
    let (genuine_dir, genuine) = make_desk(1);
    let identity = genuine.identity().unwrap();
    // The attacker's PC claims the genuine device id with a key of its own.
    let (attacker_dir, attacker) = make_desk(0);
    let own = attacker.identity().unwrap();
    let claimed = latih_asn::records::DeviceKey {
        device: identity.key.device,
        ..own.key.clone()
    };
    fs::write(
        attacker_dir.path().join("device.ron"),
        ron::to_string(&claimed).unwrap(),
    )
    .unwrap();
    let siti = attacker.load().learners[0].clone();
    made::take_exam(&attacker, &siti, 7, true);
    made::take_exam(&attacker, &siti, 8, true);
    let out = tempfile::tempdir().unwrap();
    let forged = export_bundle(attacker_dir.path(), out.path(), "forged.bundle.ron");
    let real = export_bundle(genuine_dir.path(), out.path(), "real.bundle.ron");

    let hr = hr();
    // The forged copy reaches HR first; neither bundle is refused, both are held.
    assert_eq!(
        cli(hr.path(), &["records", "import", forged.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    let second = cli(hr.path(), &["records", "import", real.to_str().unwrap()]);
    assert_eq!(second.status.code(), Some(1), "{}", text(&second));
    assert!(text(&second).contains("1 attempts are held"));
    // HR compares the fingerprint the genuine PC shows and approves that key.
    let approved = approve(hr.path(), &genuine);
    assert!(approved.status.success(), "{}", text(&approved));
    assert_eq!(asn_passed(hr.path()), "Bagian Umum\t1\t1\t0\t0\t0");
    let store = Store::open(hr.path()).unwrap();
    let verification = verify_loaded(&store.read());
    assert_eq!(verification.count(Status::Valid), 1);
    assert_eq!(verification.count(Status::ForeignKey), 2);
    let verify = cli(hr.path(), &["records", "verify"]);
    assert!(text(&verify).contains("signed with another key"));
    // The forged key can never be approved for that device afterwards.
    let attacker_print = latih_asn::records::authority::fingerprint(&own.key.public_key);
    let again = cli(
        hr.path(),
        &[
            "records",
            "devices",
            "approve",
            &identity.key.device.to_string(),
            "--fingerprint",
            &attacker_print,
            "--by",
            "x",
        ],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("already has another approved key"));
}

#[test]
fn an_approval_file_made_by_hand_or_by_another_hr_counts_for_nothing() {
    let (desk_dir, desk) = make_desk(1);
    let out = tempfile::tempdir().unwrap();
    let path = export_bundle(desk_dir.path(), out.path(), "d.bundle.ron");
    let hr = hr();
    cli(hr.path(), &["records", "import", path.to_str().unwrap()]);
    // A stranger's "HR" approves the device and the file is dropped into HR's approvals.
    let stranger = tempfile::tempdir().unwrap();
    cli(
        stranger.path(),
        &["records", "authority", "init", "--name", "Palsu"],
    );
    cli(
        stranger.path(),
        &["records", "import", path.to_str().unwrap()],
    );
    assert!(approve(stranger.path(), &desk).status.success());
    for entry in fs::read_dir(stranger.path().join("approvals")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(
            entry.path(),
            hr.path().join("approvals").join(entry.file_name()),
        )
        .unwrap();
    }
    assert_eq!(asn_passed(hr.path()), "");
    let verify = cli(hr.path(), &["records", "verify"]);
    assert!(text(&verify).contains("is not signed by this HR's authority"));
}

#[test]
fn an_enrolled_pc_is_approved_on_import_and_a_strangers_enrolment_is_not() {
    let (desk_dir, desk) = make_desk(1);
    let hr = hr();
    let stick = tempfile::tempdir().unwrap();
    let request = stick.path().join("meja3.request.ron");
    let asked = cli(
        desk_dir.path(),
        &[
            "records",
            "enrol",
            "request",
            "--label",
            "Bag. Umum meja 3",
            "--out",
            request.to_str().unwrap(),
        ],
    );
    assert!(asked.status.success(), "{}", text(&asked));
    let signed = cli(
        hr.path(),
        &[
            "records",
            "enrol",
            "sign",
            request.to_str().unwrap(),
            "--out",
            stick.path().to_str().unwrap(),
            "--by",
            "Kasubbag",
        ],
    );
    assert!(signed.status.success(), "{}", text(&signed));
    let certificate = stick.path().join(format!(
        "{}.enrolment.ron",
        desk.identity().unwrap().key.device.simple()
    ));
    // The certificate applies only to the PC it was made for.
    let (other_dir, _other) = make_desk(0);
    let wrong = cli(
        other_dir.path(),
        &["records", "enrol", "apply", certificate.to_str().unwrap()],
    );
    assert_eq!(wrong.status.code(), Some(1));
    let applied = cli(
        desk_dir.path(),
        &["records", "enrol", "apply", certificate.to_str().unwrap()],
    );
    assert!(applied.status.success(), "{}", text(&applied));
    let path = export_bundle(desk_dir.path(), stick.path(), "d.bundle.ron");
    // Even if HR's approval file were lost, the certificate in the bundle approves the PC.
    for entry in fs::read_dir(hr.path().join("approvals")).unwrap() {
        let entry = entry.unwrap().path();
        if !fs::read_to_string(&entry).unwrap().contains("Own") {
            fs::remove_file(entry).unwrap();
        }
    }
    let import = cli(hr.path(), &["records", "import", path.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(0), "{}", text(&import));
    assert!(text(&import).contains("enrolment certificate"));
    assert_eq!(asn_passed(hr.path()), "Bagian Umum\t1\t1\t0\t0\t0");
    // Another HR that did not sign it holds the same bundle.
    let other_hr = hr_only();
    let held = cli(
        other_hr.path(),
        &["records", "import", path.to_str().unwrap()],
    );
    assert_eq!(held.status.code(), Some(1));
}

fn hr_only() -> tempfile::TempDir {
    hr()
}

#[test]
fn editing_a_name_or_nip_by_hand_never_moves_an_attempt() {
    let (desk_dir, desk) = make_desk(1);
    let out = tempfile::tempdir().unwrap();
    let path = export_bundle(desk_dir.path(), out.path(), "d.bundle.ron");
    let hr = hr();
    assert_eq!(
        cli(hr.path(), &["records", "import", path.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    assert!(approve(hr.path(), &desk).status.success());
    // At HR, someone edits the imported profile: another person's NIP and name.
    let batch = fs::read_dir(hr.path().join("imported"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let other = "199001012015012003";
    let edited = fs::read_to_string(&batch)
        .unwrap()
        .replacen(
            &format!("nip:Some(\"{SITI}\")"),
            &format!("nip:Some(\"{other}\")"),
            1,
        )
        .replacen("name:\"Siti Aminah\"", "name:\"Orang Lain\"", 1);
    assert!(edited.contains(other));
    fs::write(&batch, edited).unwrap();
    let verify = cli(hr.path(), &["records", "verify"]);
    assert_eq!(verify.status.code(), Some(1));
    assert!(
        text(&verify).contains("was changed by hand"),
        "{}",
        text(&verify)
    );
    let csv = out.path().join("a.csv");
    cli(
        hr.path(),
        &[
            "records",
            "export",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    let csv = fs::read_to_string(&csv).unwrap();
    assert!(csv.contains(SITI) && csv.contains("Siti Aminah"), "{csv}");
    assert!(!csv.contains(other) && !csv.contains("Orang Lain"));

    // On the learner PC, the same edit of learners/ is seen there too.
    let file = fs::read_dir(desk_dir.path().join("learners"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let edited = fs::read_to_string(&file).unwrap().replace(SITI, other);
    fs::write(&file, edited).unwrap();
    let verify = cli(desk_dir.path(), &["records", "verify"]);
    assert_eq!(verify.status.code(), Some(1));
    assert!(text(&verify).contains("was changed by hand"));
    let loaded = desk.read();
    let people = latih_asn::records::people(&loaded, &verify_loaded(&loaded));
    assert_eq!(people[0].nip.as_ref().unwrap().as_str(), SITI);
}

#[test]
fn verify_changes_nothing_and_lists_every_problem() {
    let (desk_dir, desk) = make_desk(3);
    let out = tempfile::tempdir().unwrap();
    let path = export_bundle(desk_dir.path(), out.path(), "d.bundle.ron");
    let hr = hr();
    approve(hr.path(), &desk);
    cli(hr.path(), &["records", "import", path.to_str().unwrap()]);
    let root = hr.path();
    // A damaged attempt, a file from a newer version, a damaged legacy journal, a file already
    // in quarantine, a missing cache, and an import whose batch was deleted.
    fs::write(root.join("attempts/broken.ron"), "(version: 3, id: ").unwrap();
    fs::write(root.join("attempts/future.ron"), "(version: 99)").unwrap();
    fs::write(root.join("import-journal.ron"), "[(at: ").unwrap();
    fs::create_dir_all(root.join("quarantine")).unwrap();
    fs::write(root.join("quarantine/attempts-old.ron.damaged"), "x").unwrap();
    let batch = fs::read_dir(root.join("imported"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    fs::remove_file(batch.with_extension("cache")).unwrap();
    let before = snapshot(root);
    let verify = cli(root, &["records", "verify"]);
    assert_eq!(snapshot(root), before, "verify changed the data folder");
    assert_eq!(verify.status.code(), Some(1));
    let said = text(&verify);
    for expected in [
        "broken.ron",
        "future.ron",
        "import-journal.ron",
        "attempts-old.ron.damaged",
    ] {
        assert!(
            said.contains(expected),
            "verify did not mention {expected}:\n{said}"
        );
    }
    assert!(said.contains("newer version"));
    // One broken byte in an imported batch: reported, not a silent loss of a whole device.
    let original = fs::read(&batch).unwrap();
    let mut broken = original.clone();
    let middle = broken.len() / 2;
    broken[middle] = b'\xff';
    fs::write(&batch, &broken).unwrap();
    let verify = cli(root, &["records", "verify"]);
    assert_eq!(verify.status.code(), Some(1));
    let said = text(&verify);
    assert!(
        said.contains(&batch.file_name().unwrap().to_string_lossy().to_string()),
        "{said}"
    );
    assert!(
        said.contains("0 of 0 attempts are valid") || said.contains("Damaged"),
        "{said}"
    );
    fs::write(&batch, &original).unwrap();
    // Delete the batch: the journal still names it.
    fs::remove_file(&batch).unwrap();
    let verify = cli(root, &["records", "verify"]);
    assert!(
        text(&verify).contains("its records are gone"),
        "{}",
        text(&verify)
    );
    // An attempts folder that cannot be read is a problem, not "0 of 0 valid".
    let empty = tempfile::tempdir().unwrap();
    Store::open(empty.path()).unwrap();
    fs::remove_dir(empty.path().join("attempts")).unwrap();
    fs::write(empty.path().join("attempts"), "not a folder").unwrap();
    let verify = cli(empty.path(), &["records", "verify"]);
    assert_eq!(verify.status.code(), Some(1), "{}", text(&verify));
}

#[test]
fn a_lost_key_stops_signing_and_a_new_identity_is_made_only_on_request() {
    let (desk_dir, desk) = make_desk(2);
    let device = fs::read_to_string(desk_dir.path().join("device.ron")).unwrap();
    fs::remove_file(desk_dir.path().join("device.key")).unwrap();
    let write = cli(desk_dir.path(), &["records", "stress-write", "1"]);
    assert_eq!(write.status.code(), Some(2));
    assert!(
        !desk_dir.path().join("device.key").exists(),
        "no key was made behind the user's back"
    );
    assert_eq!(
        fs::read_to_string(desk_dir.path().join("device.ron")).unwrap(),
        device
    );
    let siti = desk.read().learners[0].clone();
    assert!(desk.save_learner(&siti).is_err());
    // Unreadable key: the same.
    fs::write(desk_dir.path().join("device.key"), "not a key").unwrap();
    let shown = cli(desk_dir.path(), &["records", "identity", "show"]);
    assert_eq!(shown.status.code(), Some(2));
    assert!(text(&shown).contains("cannot be used"));
    // The user asks: without --yes nothing happens; with it the old files are kept aside.
    assert_eq!(
        cli(desk_dir.path(), &["records", "identity", "new"])
            .status
            .code(),
        Some(2)
    );
    let new = cli(desk_dir.path(), &["records", "identity", "new", "--yes"]);
    assert!(new.status.success(), "{}", text(&new));
    let old = fs::read_dir(desk_dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("identity-old-")
        })
        .unwrap();
    assert_eq!(fs::read_to_string(old.join("device.ron")).unwrap(), device);
    assert!(
        cli(desk_dir.path(), &["records", "stress-write", "1"])
            .status
            .success()
    );
}

#[test]
fn exports_to_a_bare_file_name_and_leftover_temporary_files_are_cleaned() {
    let (desk_dir, _desk) = make_desk(1);
    let here = tempfile::tempdir().unwrap();
    let done = Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .current_dir(here.path())
        .args([
            "records",
            "export",
            "--format",
            "csv",
            "--out",
            "laporan.csv",
            "--data-dir",
        ])
        .arg(desk_dir.path())
        .output()
        .unwrap();
    assert_eq!(done.status.code(), Some(0), "{}", text(&done));
    assert!(here.path().join("laporan.csv").exists());
    // A temporary file a crash left an hour ago goes; a fresh one (a save in progress) stays.
    let stale = desk_dir.path().join("attempts/.x.ron.1.abc.tmp");
    let fresh = desk_dir.path().join("attempts/.y.ron.1.abc.tmp");
    fs::write(&stale, "half").unwrap();
    fs::write(&fresh, "half").unwrap();
    let file = fs::File::options().write(true).open(&stale).unwrap();
    file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    drop(file);
    assert!(
        cli(desk_dir.path(), &["records", "verify"])
            .status
            .success()
    );
    assert!(stale.exists(), "verify removes nothing");
    cli(desk_dir.path(), &["records", "summary"]);
    assert!(!stale.exists());
    assert!(fresh.exists());
}

#[test]
fn two_imports_of_one_bundle_at_once_add_it_once() {
    let (desk_dir, desk) = make_desk(3);
    let out = tempfile::tempdir().unwrap();
    let path = export_bundle(desk_dir.path(), out.path(), "d.bundle.ron");
    let hr = hr();
    approve(hr.path(), &desk);
    let added: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let store = Store::open(hr.path()).unwrap();
                    bundle::import(&store, &path, Utc::now())
                        .unwrap()
                        .added_attempts
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    assert_eq!(added, 3);
    assert_eq!(Store::open(hr.path()).unwrap().read().attempts.len(), 3);
}

#[test]
fn a_failed_write_during_import_says_exactly_what_was_saved() {
    let (desk_dir, desk) = make_desk(1);
    let out = tempfile::tempdir().unwrap();
    let path = export_bundle(desk_dir.path(), out.path(), "d.bundle.ron");
    let hr = hr();
    approve_after_import(hr.path(), &desk, &path);
    let (desk2_dir, _desk2) = make_desk(2);
    let second = export_bundle(desk2_dir.path(), out.path(), "e.bundle.ron");
    let store = Store::open(hr.path()).unwrap();
    // The records folder cannot be written (a file stands where the folder should be): the
    // import is refused and nothing is saved.
    fs::remove_dir_all(hr.path().join("imported")).unwrap();
    fs::write(hr.path().join("imported"), "").unwrap();
    let refused = bundle::import(&store, &second, Utc::now());
    assert!(
        matches!(refused, Err(bundle::BundleError::Store(_))),
        "{refused:?}"
    );
    let message =
        latih_asn::records::transfer::import_message(&second, &refused, latih_asn::lang::Lang::En);
    assert!(message.contains("refused, nothing changed"), "{message}");
    fs::remove_file(hr.path().join("imported")).unwrap();
    fs::create_dir(hr.path().join("imported")).unwrap();
    // The journal cannot be written: the records are saved, and the report says so.
    fs::remove_dir_all(hr.path().join("journal")).unwrap();
    fs::write(hr.path().join("journal"), "").unwrap();
    let report = bundle::import(&store, &second, Utc::now()).unwrap();
    assert_eq!(report.added_attempts, 2);
    assert!(report.journal_error.is_some());
    let message = latih_asn::records::transfer::import_message(
        &second,
        &Ok(report),
        latih_asn::lang::Lang::En,
    );
    assert!(
        message.contains("The records were saved, but the journal entry could not be written"),
        "{message}"
    );
    // The batch carries its own entry: the next start writes the journal file.
    fs::remove_file(hr.path().join("journal")).unwrap();
    fs::create_dir(hr.path().join("journal")).unwrap();
    assert_eq!(fs::read_dir(hr.path().join("journal")).unwrap().count(), 0);
    store.load();
    assert_eq!(fs::read_dir(hr.path().join("journal")).unwrap().count(), 1);
}

fn approve_after_import(hr: &Path, desk: &Store, bundle: &Path) {
    cli(hr, &["records", "import", bundle.to_str().unwrap()]);
    assert!(approve(hr, desk).status.success());
}
