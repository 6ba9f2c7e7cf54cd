//! The console twin (`latih-asn.com` on Windows) runs the program beside it with the same
//! arguments and hands back the same output and exit code. Under Wine (`windows-check
//! --tests`) this is the real chain: a console program starting the GUI-subsystem release exe.

use std::process::{Command, Output};

fn run(program: &str, args: &[&str], data: &std::path::Path) -> Output {
    Command::new(program)
        .args(args)
        .env("LATIH_ASN_DATA_DIR", data)
        .output()
        .unwrap()
}

fn same_through_the_twin(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    let direct = run(env!("CARGO_BIN_EXE_latih-asn"), args, data.path());
    let twin = run(env!("CARGO_BIN_EXE_latih-asn-console"), args, data.path());
    assert_eq!(twin.status.code(), direct.status.code(), "{args:?}");
    assert_eq!(
        String::from_utf8_lossy(&twin.stdout),
        String::from_utf8_lossy(&direct.stdout),
        "{args:?}"
    );
    assert_eq!(
        String::from_utf8_lossy(&twin.stderr),
        String::from_utf8_lossy(&direct.stderr),
        "{args:?}"
    );
    twin
}

#[test]
fn output_and_success_come_through() {
    let out = same_through_the_twin(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("latih-asn "));
    let out = same_through_the_twin(&["--lang", "en", "records", "summary"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn failure_and_its_exit_code_come_through() {
    let out = same_through_the_twin(&["--lang", "en", "content", "check", "no-such-folder"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(!out.stderr.is_empty() || !out.stdout.is_empty());
    let out = same_through_the_twin(&["records", "no-such-command"]);
    assert_eq!(out.status.code(), Some(2), "clap's usage error");
}
