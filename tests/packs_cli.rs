//! Content packs through the command line of the built binary: `content check` and
//! `content install` agree on every attack, an install killed at any moment leaves the pack
//! whole or absent, two installs at once are refused, and signed packs install directly.

// Links, FIFOs and devices are Unix cases; elsewhere their helpers go unused.
#![cfg_attr(not(unix), allow(unused_imports, unused_mut, dead_code))]

#[path = "harness/files.rs"]
mod files;
#[path = "harness/pack.rs"]
mod pack;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use files::copy_dir;
use latih_asn::content;
use pack::{Spec, write_pack};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pack-valid");

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_latih-asn"));
    command.args(["--lang", "id"]);
    command
}

/// Runs `command`, killing it and failing the test if it has not finished within `limit`.
fn run(mut command: Command, limit: Duration) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} hung for {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn check(pack: &Path, data: &Path) -> Output {
    let mut command = bin();
    command
        .args(["content", "check"])
        .arg(pack)
        .arg("--data-dir")
        .arg(data);
    run(command, Duration::from_secs(60))
}

fn install(pack: &Path, data: &Path, yes: bool) -> Output {
    let mut command = bin();
    command
        .args(["content", "install"])
        .arg(pack)
        .arg("--data-dir")
        .arg(data);
    if yes {
        command.arg("--yes");
    }
    run(command, Duration::from_secs(60))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The fixture as `<dir>/paket-daerah`, changed by `mutate`.
fn pack_in(dir: &Path, mutate: &dyn Fn(&Path)) -> PathBuf {
    let pack = dir.join("paket-daerah");
    copy_dir(Path::new(FIXTURE), &pack);
    mutate(&pack);
    pack
}

type Mutation = Box<dyn Fn(&Path)>;

/// Every case of the issue, with what both commands must say: `None` accepted, else a piece
/// of the first error.
fn cases(secret: &Path) -> Vec<(&'static str, Mutation, Option<&'static str>)> {
    let secret = secret.to_path_buf();
    let mut cases: Vec<(&'static str, Mutation, Option<&'static str>)> = vec![
        ("valid", Box::new(|_: &Path| {}), None),
        (
            "byte order mark",
            Box::new(|pack: &Path| {
                for file in ["lokal/module.ron", "lokal/id/lokal-l1.md"] {
                    let mut bytes = b"\xEF\xBB\xBF".to_vec();
                    bytes.extend(fs::read(pack.join(file)).unwrap());
                    fs::write(pack.join(file), bytes).unwrap();
                }
            }),
            None,
        ),
        (
            "traversal id",
            Box::new(|pack: &Path| {
                replace_in(
                    &pack.join("lokal/module.ron"),
                    "id: \"lokal-l1\"",
                    "id: \"../../../rahasia\"",
                );
            }),
            Some("id materi \"../../../rahasia\" tidak sah"),
        ),
        (
            "huge sparse lesson",
            Box::new(|pack: &Path| {
                fs::File::create(pack.join("lokal/en/lokal-l1.md"))
                    .unwrap()
                    .set_len(200 * 1024 * 1024)
                    .unwrap();
            }),
            Some("lokal/en/lokal-l1.md: berkas lebih besar dari batas 64 KiB"),
        ),
        (
            "pass mark 0",
            Box::new(|pack: &Path| {
                replace_in(
                    &pack.join("lokal/module.ron"),
                    "pass_mark: 80",
                    "pass_mark: 0",
                );
            }),
            Some("nilai lulus (pass_mark) bernilai 0"),
        ),
        (
            "module id of the app",
            Box::new(|pack: &Path| {
                fs::rename(pack.join("lokal"), pack.join("asn")).unwrap();
                replace_in(&pack.join("asn/module.ron"), "id: \"lokal\"", "id: \"asn\"");
            }),
            Some("modul \"asn\" sudah ada di aplikasi"),
        ),
        (
            "redefined instrument",
            Box::new(|pack: &Path| {
                fs::write(
                    pack.join("instruments.ron"),
                    "(version: 1, instruments: [(id: \"uu-20-2023\", kind: Law, short: {\"id\": \"X\", \"en\": \"X\"}, title: {\"id\": \"X\", \"en\": \"X\"})])",
                )
                .unwrap();
            }),
            Some("sumber hukum \"uu-20-2023\" sudah ada di aplikasi"),
        ),
        (
            "link in a lesson",
            Box::new(|pack: &Path| {
                let path = pack.join("lokal/id/lokal-l1.md");
                let text = fs::read_to_string(&path).unwrap();
                fs::write(path, format!("{text}\n[unduh](http://contoh.id/x)\n")).unwrap();
            }),
            Some("memuat tautan"),
        ),
    ];
    #[cfg(unix)]
    {
        cases.push((
            "symlink out",
            Box::new(move |pack: &Path| {
                let lesson = pack.join("lokal/id/lokal-l1.md");
                fs::remove_file(&lesson).unwrap();
                std::os::unix::fs::symlink(&secret, &lesson).unwrap();
            }),
            Some("lokal/id/lokal-l1.md: berupa tautan simbolik"),
        ));
        cases.push((
            "fifo",
            Box::new(|pack: &Path| {
                let lesson = pack.join("lokal/en/lokal-l1.md");
                fs::remove_file(&lesson).unwrap();
                let status = Command::new("mkfifo").arg(&lesson).status().unwrap();
                assert!(status.success());
            }),
            Some("lokal/en/lokal-l1.md: berupa pipa bernama (FIFO)"),
        ));
    }
    #[cfg(not(unix))]
    let _ = secret;
    cases
}

#[test]
fn check_and_install_agree_on_every_case() {
    let tmp = tempfile::tempdir().unwrap();
    let secret = tmp.path().join("shadow");
    fs::write(&secret, "## RAHASIA").unwrap();
    for (index, (name, mutate, expected)) in cases(&secret).into_iter().enumerate() {
        let dir = tmp.path().join(format!("case-{index}"));
        let pack = pack_in(&dir, &*mutate);
        let data = dir.join("data");
        let checked = check(&pack, &data);
        let installed = install(&pack, &data, true);
        match expected {
            None => {
                assert!(checked.status.success(), "{name}: {}", stderr(&checked));
                assert!(installed.status.success(), "{name}: {}", stderr(&installed));
                assert!(data.join("packs/paket-daerah/lokal/module.ron").is_file());
            }
            Some(reason) => {
                assert_eq!(checked.status.code(), Some(1), "{name}: check accepted it");
                assert_eq!(
                    installed.status.code(),
                    Some(1),
                    "{name}: install accepted it"
                );
                assert!(
                    stderr(&checked).contains(reason),
                    "{name}: {}",
                    stderr(&checked)
                );
                // The same first line: the same check said it.
                assert_eq!(
                    stderr(&checked).lines().next(),
                    stderr(&installed).lines().next(),
                    "{name}"
                );
                let installed_any = fs::read_dir(data.join("packs"))
                    .unwrap()
                    .flatten()
                    .any(|e| !e.file_name().to_string_lossy().starts_with('.'));
                assert!(!installed_any, "{name}: something was installed");
            }
        }
    }
}

#[test]
fn the_app_source_tree_is_checked_as_the_app_and_cannot_be_installed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content");
    let data = tempfile::tempdir().unwrap();
    let checked = check(&root, data.path());
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(stdout(&checked).contains("Ini isi bawaan aplikasi"));
    let installed = install(&root, data.path(), true);
    assert_eq!(installed.status.code(), Some(1));
    assert!(stderr(&installed).contains("adalah isi bawaan aplikasi, bukan paket konten"));
}

/// Starts `content install-slow`, which prints each file once it is written to staging.
fn slow_install(pack: &Path, data: &Path, pause_ms: u64) -> std::process::Child {
    let mut command = bin();
    command
        .args(["content", "install-slow"])
        .arg(pack)
        .args(["--pause-ms", &pause_ms.to_string(), "--data-dir"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn an_install_killed_at_any_moment_leaves_the_pack_whole_or_absent() {
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("paket-besar");
    let spec = Spec {
        lessons: 20,
        questions: 40,
        ..Spec::small("besar")
    };
    write_pack(&source, &spec);
    // 2 × 20 lessons and 6 RON files.
    let files = 46;
    let mut outcomes = Vec::new();
    for (round, kill_after) in [0, 1, 10, 23, 40, files - 1, files].into_iter().enumerate() {
        let data = tmp.path().join(format!("data-{round}"));
        let mut child = slow_install(&source, &data, 15);
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        for _ in 0..kill_after {
            if lines.next().is_none() {
                break;
            }
        }
        child.kill().unwrap();
        let _ = child.wait();

        let packs = data.join("packs");
        let (catalog, refused) = content::load_with_packs(&packs).unwrap();
        assert!(refused.is_empty(), "round {round}: {refused:?}");
        match catalog.module("besar") {
            Some(module) => {
                assert_eq!(module.lessons.len(), spec.lessons, "round {round}");
                assert_eq!(module.questions.len(), spec.questions, "round {round}");
                outcomes.push(true);
            }
            None => {
                assert_eq!(catalog.modules.len(), 4, "round {round}");
                outcomes.push(false);
            }
        }
        // Leftovers are gone, and the pack installs (again) or is already there.
        let staging = packs.join(".staging");
        assert!(
            fs::read_dir(&staging).map_or(true, |mut e| e.next().is_none()),
            "round {round}: staging not cleaned"
        );
        let again = install(&source, &data, true);
        if outcomes[round] {
            assert_eq!(again.status.code(), Some(1), "round {round}");
            assert!(stderr(&again).contains("sudah dipasang oleh paket"));
        } else {
            assert!(again.status.success(), "round {round}: {}", stderr(&again));
        }
        let (catalog, _) = content::load_with_packs(&packs).unwrap();
        assert_eq!(
            catalog.module("besar").map(|m| m.lessons.len()),
            Some(spec.lessons)
        );
    }
    // Killed before its last file was written, the pack was absent, never half there.
    assert!(outcomes[..5].iter().all(|present| !present), "{outcomes:?}");
}

#[test]
fn two_installs_at_once_through_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let source = pack_in(tmp.path(), &|_| {});
    let mut first = slow_install(&source, &data, 300);
    let mut lines = BufReader::new(first.stdout.take().unwrap()).lines();
    // The first file is written: the first install holds the lock.
    assert!(lines.next().is_some());
    let second = install(&source, &data, true);
    assert_eq!(second.status.code(), Some(1));
    assert!(
        stderr(&second).contains("Pemasangan atau penghapusan paket lain sedang berjalan"),
        "{}",
        stderr(&second)
    );
    let rest: Vec<_> = lines.collect();
    assert!(first.wait().unwrap().success(), "{rest:?}");
    // Installed once; a third try is refused as already there.
    let third = install(&source, &data, true);
    assert_eq!(third.status.code(), Some(1));
    assert!(stderr(&third).contains("sudah dipasang oleh paket \"paket-daerah\""));
    let listed = run(
        {
            let mut c = bin();
            c.args(["content", "list", "--data-dir"]).arg(&data);
            c
        },
        Duration::from_secs(30),
    );
    assert_eq!(stdout(&listed).lines().count(), 1, "{}", stdout(&listed));
}

#[test]
fn a_signed_pack_installs_once_its_publisher_is_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let source = pack_in(tmp.path(), &|_| {});
    let key = tmp.path().join("penerbit.key");
    let made = run(
        {
            let mut c = bin();
            c.args(["content", "keygen", "--out"]).arg(&key);
            c
        },
        Duration::from_secs(30),
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let public = stdout(&made)
        .split_whitespace()
        .find(|word| word.len() == 64 && word.chars().all(|c| c.is_ascii_hexdigit()))
        .expect("the public key is printed")
        .to_owned();
    let signed = run(
        {
            let mut c = bin();
            c.args(["content", "sign"])
                .arg(&source)
                .arg("--key")
                .arg(&key);
            c
        },
        Duration::from_secs(30),
    );
    assert!(signed.status.success(), "{}", stderr(&signed));
    assert!(source.join("pack.sig").is_file());

    // Signed, but by nobody trusted here: the admin must confirm.
    let unconfirmed = install(&source, &data, false);
    assert_eq!(unconfirmed.status.code(), Some(1));
    assert!(stderr(&unconfirmed).contains("kunci yang belum dipercaya"));
    assert!(stderr(&unconfirmed).contains("--yes"));
    assert!(!data.join("packs/paket-daerah").exists());

    let trusted = run(
        {
            let mut c = bin();
            c.args([
                "content",
                "trust-publisher",
                &public,
                "--name",
                "BKD Lampung",
            ])
            .arg("--data-dir")
            .arg(&data);
            c
        },
        Duration::from_secs(30),
    );
    assert!(trusted.status.success(), "{}", stderr(&trusted));
    let installed = install(&source, &data, false);
    assert!(installed.status.success(), "{}", stderr(&installed));
    let listed = run(
        {
            let mut c = bin();
            c.args(["content", "list", "--data-dir"]).arg(&data);
            c
        },
        Duration::from_secs(30),
    );
    assert!(
        stdout(&listed).contains("ditandatangani oleh BKD Lampung"),
        "{}",
        stdout(&listed)
    );

    // Changed after signing: refused, even with --yes.
    replace_in(
        &source.join("lokal/module.ron"),
        "pass_mark: 80",
        "pass_mark: 90",
    );
    let tampered = check(&source, &tmp.path().join("other"));
    assert_eq!(tampered.status.code(), Some(1));
    assert!(stderr(&tampered).contains("pack.sig: tanda tangan paket tidak cocok"));
}

#[test]
fn packs_are_listed_switched_and_removed_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let source = pack_in(tmp.path(), &|_| {});
    assert!(install(&source, &data, true).status.success());
    let cli = |args: &[&str]| {
        let mut c = bin();
        c.args(["content"]).args(args).arg("--data-dir").arg(&data);
        run(c, Duration::from_secs(30))
    };
    let listed = cli(&["list"]);
    assert!(stdout(&listed).starts_with("paket-daerah\tpaket-daerah\t-\t"));
    assert!(stdout(&listed).contains("\taktif\ttidak ditandatangani"));
    assert!(cli(&["disable", "paket-daerah"]).status.success());
    assert!(stdout(&cli(&["list"])).contains("\tnonaktif"));
    let (catalog, _) = content::load_with_packs(&data.join("packs")).unwrap();
    assert!(catalog.module("lokal").is_none());
    assert!(cli(&["enable", "paket-daerah"]).status.success());
    let removed = cli(&["remove", "paket-daerah"]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    assert_eq!(
        stdout(&cli(&["list"])).trim(),
        "Belum ada paket konten terpasang."
    );
    let missing = cli(&["remove", "../data"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(data.join("learners").is_dir());
}
