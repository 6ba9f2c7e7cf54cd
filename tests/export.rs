//! Exports HR can open: CSV that runs no formula and keeps 18-digit NIPs, an Excel workbook with
//! NIPs as text, xAPI with voiding statements written as a stream; through the library, the
//! app's buttons and the command line. Every file is read back.

#[path = "harness/records.rs"]
mod made;

use made::{hr_correct as correct, take};
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::{NaiveDate, Utc};
use latih_asn::lang::Lang;
use latih_asn::quiz::Mode;
use latih_asn::records::export::{self, ExportError, Format, Records};
use latih_asn::records::summary::{Summary, summarize};
use latih_asn::records::transfer::{ExportKind, export_to_folder};
use latih_asn::records::{
    CorrectionKind, Learner, LearnerDraft, Store, Verification, verify_loaded,
};
use serde_json::Value;

const NIP_A: &str = "198808082014031001";
const NIP_B: &str = "199001012015012003";
const HYPERLINK: &str = "=HYPERLINK(\"http://evil.example/x\",\"klik\")";

fn learner(store: &Store, name: &str, nip: &str) -> Learner {
    let draft = LearnerDraft {
        name: "Placeholder".into(),
        nip: nip.into(),
        without_nip: nip.is_empty(),
        unit: "Bagian Umum".into(),
        instansi: "Pemkab Mesuji".into(),
    };
    let mut learner = draft
        .build(
            &[],
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            Utc::now(),
        )
        .unwrap();
    // The form trims names; a profile carried in a bundle or edited by hand need not be.
    learner.name = name.into();
    store.save_learner(&learner).unwrap()
}

/// A store whose learners have hostile names, units and agencies; two have NIPs.
struct Hostile {
    _dir: tempfile::TempDir,
    store: Store,
    a: Learner,
    b: Learner,
}

fn hostile_store() -> Hostile {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut a = learner(&store, HYPERLINK, NIP_A);
    a.unit = "+62 Humas".into();
    a.instansi = "-2".into();
    let a = store.save_learner(&a).unwrap();
    let mut b = learner(&store, "@SUM(1+1)", NIP_B);
    b.unit = "\t=1+1".into();
    b.instansi = "\r=2+2".into();
    let b = store.save_learner(&b).unwrap();
    let honorer = learner(&store, "Budi", "");
    take(&store, &a, Mode::Exam, 1, true);
    take(&store, &a, Mode::Exam, 2, false);
    take(&store, &b, Mode::Exam, 3, true);
    take(&store, &b, Mode::Practice, 4, false);
    take(&store, &honorer, Mode::Exam, 5, true);
    Hostile {
        _dir: dir,
        store,
        a,
        b,
    }
}

fn modules() -> Vec<String> {
    vec!["asn".to_owned(), "pilkada".to_owned()]
}

fn loaded_summary(store: &Store) -> (latih_asn::records::Loaded, Verification, Summary) {
    let loaded = store.load();
    let verification = verify_loaded(&loaded);
    let summary = summarize(
        &loaded.learners,
        &loaded.attempts,
        &verification,
        &modules(),
    );
    (loaded, verification, summary)
}

/// The rows of a CSV export (BOM and `;` checked), header first.
fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// What a spreadsheet shows for a NIP cell written as `="…"`.
fn nip_shown(cell: &str) -> &str {
    cell.strip_prefix("=\"")
        .and_then(|c| c.strip_suffix('"'))
        .unwrap_or_else(|| panic!("NIP cell {cell:?} is not a text formula"))
}

/// No cell can run: the only cells that start like a formula are NIPs as `="<18 digits>"`.
fn assert_no_cell_runs(rows: &[Vec<String>]) {
    for row in rows {
        for cell in row {
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                let digits = nip_shown(cell);
                assert!(
                    digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit()),
                    "cell {cell:?} would run as a formula"
                );
            }
        }
    }
}

#[test]
fn csv_cells_never_run_as_formulas_and_nips_keep_all_18_digits() {
    let h = hostile_store();
    let (loaded, verification, _) = loaded_summary(&h.store);
    let mut bytes = Vec::new();
    export::attempts_csv(
        &mut bytes,
        &loaded.learners,
        &loaded.attempts,
        &verification,
        Lang::Id,
    )
    .unwrap();
    let rows = read_csv(&bytes);
    assert_eq!(rows.len(), 1 + 5);
    assert_eq!(rows[0][1], "Nama");
    assert_no_cell_runs(&rows);
    let of = |learner: &Learner| -> Vec<&Vec<String>> {
        rows.iter()
            .filter(|r| r[2] == format!("=\"{}\"", learner.nip.as_ref().unwrap().as_str()))
            .collect()
    };
    let a = of(&h.a);
    assert_eq!(a.len(), 2);
    assert_eq!(
        a[0][1],
        format!("'{HYPERLINK}"),
        "the name is shown, not run"
    );
    assert_eq!(nip_shown(&a[0][2]), NIP_A, "all 18 digits, as text");
    assert_eq!(a[0][3], "'+62 Humas");
    assert_eq!(a[0][4], "'-2");
    let b = of(&h.b);
    assert_eq!(b.len(), 2);
    assert_eq!(b[0][1], "'@SUM(1+1)");
    assert_eq!(nip_shown(&b[0][2]), NIP_B);
    assert_eq!(b[0][3], "'\t=1+1", "a leading tab is neutralised");
    assert_eq!(
        b[0][4], "'\r=2+2",
        "a leading carriage return is neutralised"
    );
    let honorer: Vec<_> = rows.iter().filter(|r| r[1] == "Budi").collect();
    assert_eq!(honorer[0][2], "", "no NIP, empty cell");
    // Numbers stay numbers.
    assert!(rows[1..].iter().all(|r| r[9].parse::<u8>().is_ok()));
}

#[test]
fn the_summary_csv_is_safe_and_has_the_summary_numbers() {
    let h = hostile_store();
    let (loaded, _, summary) = loaded_summary(&h.store);
    let mut bytes = Vec::new();
    export::summary_csv(&mut bytes, &loaded.learners, &summary, Lang::En).unwrap();
    let rows = read_csv(&bytes);
    assert_eq!(rows[0][1], "NIP");
    assert_no_cell_runs(&rows);
    assert_eq!(rows.len(), 1 + summary.rows.len());
    for (row, expected) in rows[1..].iter().zip(&summary.rows) {
        assert_eq!(row[4], expected.module);
        assert_eq!(row[5], expected.exams.to_string());
        assert_eq!(
            row[6],
            expected
                .best_exam
                .map(|b| b.to_string())
                .unwrap_or_default()
        );
        assert_eq!(row[7], if expected.passed { "yes" } else { "no" });
        assert_eq!(row[9], expected.flagged.to_string());
        let learner = loaded
            .learners
            .iter()
            .find(|l| l.id == expected.learner)
            .unwrap();
        match &learner.nip {
            Some(nip) => assert_eq!(nip_shown(&row[1]), nip.as_str()),
            None => assert_eq!(row[1], ""),
        }
    }
    let a = rows
        .iter()
        .find(|r| r[0] == format!("'{HYPERLINK}"))
        .unwrap();
    assert_eq!(
        (a[5].as_str(), a[6].as_str(), a[7].as_str()),
        ("2", "100", "yes")
    );
}

fn write_workbook(store: &Store, lang: Lang) -> (tempfile::TempDir, std::path::PathBuf) {
    let (loaded, verification, _) = loaded_summary(store);
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("laporan.xlsx");
    let records = Records {
        learners: &loaded.learners,
        attempts: &loaded.attempts,
        verification: &verification,
    };
    export::write_file(&path, Format::Xlsx, &records, &modules(), lang).unwrap();
    (out, path)
}

fn text(cell: &Data) -> &str {
    match cell {
        Data::String(s) => s,
        Data::Empty => "",
        other => panic!("expected a text cell, got {other:?}"),
    }
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(n) => *n,
        Data::Int(n) => *n as f64,
        other => panic!("expected a number cell, got {other:?}"),
    }
}

#[test]
fn the_workbook_has_both_tables_with_nips_as_text_and_the_summary_numbers() {
    let h = hostile_store();
    let (_out, path) = write_workbook(&h.store, Lang::En);
    let (loaded, _, summary) = loaded_summary(&h.store);
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["Attempts", "Summary"]);

    let attempts = workbook.worksheet_range("Attempts").unwrap();
    let rows: Vec<&[Data]> = attempts.rows().collect();
    assert_eq!(rows.len(), 1 + loaded.attempts.len());
    assert_eq!(text(&rows[0][2]), "NIP");
    for (row, attempt) in rows[1..].iter().zip(&loaded.attempts) {
        assert_eq!(text(&row[0]), attempt.id.to_string());
        let learner = loaded
            .learners
            .iter()
            .find(|l| l.id == attempt.learner)
            .unwrap();
        // A typed text cell holds the exact text: no `'`, and it never runs.
        assert_eq!(text(&row[1]), learner.name);
        match &learner.nip {
            Some(nip) => {
                assert!(matches!(&row[2], Data::String(s) if s == nip.as_str() && s.len() == 18));
            }
            None => assert_eq!(row[2], Data::Empty),
        }
        assert_eq!(number(&row[9]), f64::from(attempt.score.percent()));
        assert_eq!(number(&row[10]), f64::from(attempt.score.correct));
        assert_eq!(number(&row[11]), f64::from(attempt.score.total));
        assert_eq!(number(&row[12]), f64::from(attempt.pass_mark));
    }
    let formulas = workbook.worksheet_formula("Attempts").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "the workbook holds no formula"
    );

    let sheet = workbook.worksheet_range("Summary").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 1 + summary.rows.len());
    for (row, expected) in rows[1..].iter().zip(&summary.rows) {
        assert_eq!(text(&row[4]), expected.module);
        assert_eq!(number(&row[5]), expected.exams as f64);
        match expected.best_exam {
            Some(best) => assert_eq!(number(&row[6]), f64::from(best)),
            None => assert_eq!(row[6], Data::Empty),
        }
        assert_eq!(text(&row[7]), if expected.passed { "yes" } else { "no" });
        assert_eq!(number(&row[9]), expected.flagged as f64);
    }
    let a = rows.iter().find(|r| text(&r[0]) == HYPERLINK).unwrap();
    assert_eq!(text(&a[1]), NIP_A);
    assert_eq!((number(&a[5]), number(&a[6])), (2.0, 100.0));
}

#[test]
fn the_workbook_header_is_bold_and_frozen_with_filters_and_fitting_columns() {
    let h = hostile_store();
    let (_out, path) = write_workbook(&h.store, Lang::Id);
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["Percobaan", "Ringkasan"]);
    for sheet in ["Percobaan", "Ringkasan"] {
        let styles = workbook.worksheet_style(sheet).unwrap();
        let bold = |pos| {
            styles
                .get(pos)
                .and_then(|s| s.font.as_ref())
                .is_some_and(calamine::Font::is_bold)
        };
        assert!(bold((0, 0)) && bold((0, 4)), "{sheet}: bold header");
        assert!(!bold((1, 0)), "{sheet}: plain rows");
    }
    let mut zip = zip::ZipArchive::new(fs::File::open(&path).unwrap()).unwrap();
    for n in 1..=2 {
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(
            xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
            "sheet {n}: header row frozen"
        );
        assert!(xml.contains("<autoFilter"), "sheet {n}: filters");
        // `<col min="a" max="b" width="w" …/>`; neighbours of one width share an element.
        let attribute = |col: &str, name: &str| -> f64 {
            let value = col.split(&format!(r#" {name}=""#)).nth(1).unwrap();
            value[..value.find('"').unwrap()].parse().unwrap()
        };
        let mut widths = Vec::new();
        for col in xml.split("<col").skip(1).filter(|c| c.starts_with(' ')) {
            let col = format!(" {}", col.trim_start());
            for _ in attribute(&col, "min") as usize..=attribute(&col, "max") as usize {
                widths.push(attribute(&col, "width"));
            }
        }
        assert_eq!(widths.len(), if n == 1 { 18 } else { 10 });
        assert!(
            widths.iter().all(|w| (8.0..=61.0).contains(w)),
            "{widths:?}"
        );
        // The NIP column fits 18 digits.
        assert!(widths[if n == 1 { 2 } else { 1 }] >= 20.0, "{widths:?}");
    }
}

#[test]
fn a_void_sends_the_attempt_then_a_voiding_statement_from_hr() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti", NIP_A);
    let budi = learner(&store, "Budi", "");
    let passed = take(&store, &siti, Mode::Exam, 1, true);
    take(&store, &siti, Mode::Exam, 2, false);
    take(&store, &budi, Mode::Practice, 3, true);
    let tampered = take(&store, &budi, Mode::Exam, 4, false);
    let void = correct(
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
    // A void of a record that does not verify: neither the record nor its void is sent.
    correct(
        &store,
        CorrectionKind::Void {
            attempt: tampered.id,
        },
        "Salah profil",
        "Kasubbag Kepegawaian",
    );
    let path = store.path("attempts").join(format!("{}.ron", tampered.id));
    fs::write(
        &path,
        fs::read_to_string(&path)
            .unwrap()
            .replace("passed: false", "passed: true"),
    )
    .unwrap();

    let loaded = store.load();
    let verification = verify_loaded(&loaded);
    assert!(verification.voided().contains(&passed.id));
    let statements = export::xapi_statements(&loaded.learners, &loaded.attempts, &verification);
    assert_eq!(statements.len(), 3 + 1 + 1, "{statements:#?}");
    let position = |id: String| statements.iter().position(|s| s["id"] == id);
    let original = position(passed.id.to_string()).expect("the voided attempt is still sent");
    let voiding = position(void.id.to_string()).expect("and so is its void");
    assert!(original < voiding, "the statement comes before its void");
    assert_eq!(position(tampered.id.to_string()), None);

    let s = &statements[voiding];
    assert_eq!(s["verb"]["id"], export::VERB_VOIDED);
    assert_eq!(s["verb"]["display"]["en-US"], "voided");
    assert_eq!(
        s["object"],
        serde_json::json!({ "objectType": "StatementRef", "id": passed.id.to_string() })
    );
    // The actor is the HR office, by the fingerprint of the authority key that signed the void.
    let fingerprint = store.authority().unwrap().unwrap().key.fingerprint();
    assert_eq!(s["actor"]["objectType"], "Agent");
    assert_eq!(s["actor"]["name"], "Kasubbag Kepegawaian");
    assert_eq!(
        s["actor"]["account"],
        serde_json::json!({ "homePage": export::AUTHORITY_HOME_PAGE, "name": fingerprint })
    );
    assert_eq!(
        s["timestamp"],
        void.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    );
    assert!(s.get("result").is_none());
    assert!(
        s["context"].get("platform").is_none(),
        "xAPI allows no platform with a StatementRef"
    );
    let voids: Vec<&Value> = statements
        .iter()
        .filter(|s| s["verb"]["id"] == export::VERB_VOIDED)
        .collect();
    assert_eq!(voids.len(), 1, "no void of a record that was not sent");

    // The voided original still says what happened.
    assert_eq!(
        statements[original]["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/passed"
    );
    // Deterministic: the same store gives the same statements.
    assert_eq!(
        export::xapi_statements(&loaded.learners, &loaded.attempts, &verification),
        statements
    );
}

#[test]
fn xapi_is_written_as_a_stream_of_one_statement_per_line() {
    let h = hostile_store();
    let (loaded, verification, _) = loaded_summary(&h.store);
    let mut bytes = Vec::new();
    let count = export::xapi_write(
        &mut bytes,
        &loaded.learners,
        &loaded.attempts,
        &verification,
    )
    .unwrap();
    assert_eq!(count, 5);
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first(), Some(&"["));
    assert_eq!(lines.last(), Some(&"]"));
    assert_eq!(lines.len(), count + 2);
    for line in &lines[1..lines.len() - 1] {
        let one: Value = serde_json::from_str(line.trim_end_matches(',')).unwrap();
        assert!(one["id"].is_string());
    }
    let all: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(
        all,
        export::xapi_statements(&loaded.learners, &loaded.attempts, &verification)
    );
    // A writer that fails half-way stops the export with the error.
    struct Full(usize);
    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 < buf.len() {
                return Err(std::io::Error::other("disk full"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let full = export::xapi_write(Full(200), &loaded.learners, &loaded.attempts, &verification);
    assert!(full.is_err());
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[test]
fn the_command_line_exports_every_format_to_a_bare_file_name() {
    let h = hostile_store();
    let cwd = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_latih-asn");
    for (format, name) in [
        ("csv", "laporan.csv"),
        ("csv-summary", "ringkasan.csv"),
        ("xlsx", "laporan.xlsx"),
        ("xapi", "laporan.json"),
        ("bundle", "meja.bundle.ron"),
    ] {
        let out = Command::new(bin)
            .current_dir(cwd.path())
            .args(["--lang", "en", "records", "export", "--format", format])
            .args(["--out", name, "--data-dir"])
            .arg(h.store.root())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains(name));
        assert!(cwd.path().join(name).is_file(), "{format}");
    }
    assert!(leftovers(cwd.path()).is_empty());
    let rows = read_csv(&fs::read(cwd.path().join("laporan.csv")).unwrap());
    assert_eq!(rows.len(), 6);
    assert_no_cell_runs(&rows);
    let mut workbook: Xlsx<_> = open_workbook(cwd.path().join("laporan.xlsx")).unwrap();
    assert_eq!(workbook.worksheet_range("Attempts").unwrap().height(), 6);
    let statements: Vec<Value> =
        serde_json::from_slice(&fs::read(cwd.path().join("laporan.json")).unwrap()).unwrap();
    assert_eq!(statements.len(), 5);
}

#[test]
fn the_app_buttons_write_csv_xlsx_and_xapi_into_the_exports_folder() {
    let h = hostile_store();
    let now = Utc::now();
    let csv = export_to_folder(&h.store, ExportKind::Csv, &modules(), Lang::Id, now).unwrap();
    assert_eq!(csv.len(), 2);
    assert!(csv.iter().all(|p| p.extension().unwrap() == "csv"));
    assert_no_cell_runs(&read_csv(&fs::read(&csv[0]).unwrap()));
    assert_no_cell_runs(&read_csv(&fs::read(&csv[1]).unwrap()));
    let xlsx = export_to_folder(&h.store, ExportKind::Xlsx, &modules(), Lang::Id, now).unwrap();
    assert_eq!(xlsx.len(), 1);
    let mut workbook: Xlsx<_> = open_workbook(&xlsx[0]).unwrap();
    assert_eq!(workbook.worksheet_range("Percobaan").unwrap().height(), 6);
    let xapi = export_to_folder(&h.store, ExportKind::Xapi, &modules(), Lang::Id, now).unwrap();
    let statements: Vec<Value> = serde_json::from_slice(&fs::read(&xapi[0]).unwrap()).unwrap();
    assert_eq!(statements.len(), 5);
    for file in csv.iter().chain(&xlsx).chain(&xapi) {
        assert_eq!(file.parent().unwrap(), h.store.path("exports"));
    }
    assert!(leftovers(&h.store.path("exports")).is_empty());
}

#[test]
fn an_export_that_cannot_be_written_says_where_and_leaves_nothing_behind() {
    let h = hostile_store();
    let (loaded, verification, _) = loaded_summary(&h.store);
    let records = Records {
        learners: &loaded.learners,
        attempts: &loaded.attempts,
        verification: &verification,
    };
    let out = tempfile::tempdir().unwrap();
    // The target is a folder: every format fails at the rename, and the folder is untouched.
    let target = out.path().join("laporan.xlsx");
    fs::create_dir(&target).unwrap();
    for format in [
        Format::AttemptsCsv,
        Format::SummaryCsv,
        Format::Xlsx,
        Format::Xapi,
    ] {
        let error = export::write_file(&target, format, &records, &modules(), Lang::Id)
            .expect_err("a folder is in the way");
        assert!(matches!(error, ExportError::Write { .. }), "{error:?}");
        let message = error.message(Lang::Id);
        assert!(message.contains("Tidak dapat menulis"), "{message}");
        assert!(message.contains("laporan.xlsx"), "{message}");
        assert!(target.is_dir());
        assert!(leftovers(out.path()).is_empty(), "{format:?}");
    }
}

#[test]
fn a_hand_edited_profile_does_not_move_attempts_in_the_app_exports() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = learner(&store, "Siti Rahmawati", NIP_A);
    take(&store, &siti, Mode::Exam, 1, true);
    let path = store.path("learners").join(format!("{}.ron", siti.id));
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("Siti Rahmawati", "Orang Lain")
            .replace(NIP_A, NIP_B),
    )
    .unwrap();
    let files =
        export_to_folder(&store, ExportKind::Csv, &modules(), Lang::Id, Utc::now()).unwrap();
    let rows = read_csv(&fs::read(&files[0]).unwrap());
    assert_eq!(rows[1][1], "Siti Rahmawati");
    assert_eq!(nip_shown(&rows[1][2]), NIP_A);
}
