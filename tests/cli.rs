//! The command line of the same binary: `content check` and `content coverage`.

#[path = "harness/files.rs"]
mod files;
use files::copy_dir;

use std::fs;
use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_latih-asn"))
}

#[test]
fn content_check_accepts_the_source_tree_and_a_valid_pack() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = bin()
        .args(["--lang", "en", "content", "check"])
        .arg(root.join("assets/content"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Content is valid: 4 modules"));

    let out = bin()
        .args(["content", "check"])
        .arg(root.join("tests/fixtures/pack-valid"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn content_check_prints_every_error_with_file_and_line_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pack-valid"),
        dir.path(),
    );
    let questions = dir.path().join("lokal/questions.ron");
    let text = fs::read_to_string(&questions).unwrap();
    fs::write(
        &questions,
        text.replace("lesson: \"lokal-l1\"", "lesson: \"lokal-l7\""),
    )
    .unwrap();
    let out = bin()
        .args(["--lang", "id", "content", "check"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("lokal/questions.ron:5: lokal-q01 merujuk ke lokal-l7"),
        "{stderr}"
    );
    assert!(
        stderr.contains("lokal/questions.ron:15: lokal-q02 merujuk ke lokal-l7"),
        "{stderr}"
    );
    assert!(
        stderr.contains("kesalahan ditemukan; konten ditolak."),
        "{stderr}"
    );
}

#[test]
fn coverage_lists_articles_and_objectives() {
    let out = bin()
        .args(["--lang", "id", "content", "coverage"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("UU No. 20 Tahun 2023, Pasal 24 ayat (1) huruf d"),
        "{stdout}"
    );
    assert!(stdout.contains("Learning objectives"));
    assert!(stdout.contains("asn asn-o1:"));
}
