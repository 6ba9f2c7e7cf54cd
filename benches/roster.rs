//! The roster at office scale: HR imports a list of 10,000 employees (CSV or Excel) over a
//! roster of 10,000, as it does each month. Timed in process, as the HR screen calls it:
//! reading and parsing the file, then the preview against the roster. Budget (issue 10): ≤ 1 s
//! each. Also times loading and saving the roster file and looking people up by NIP.
//!
//! ```text
//! cargo bench --bench roster
//! ```

use std::time::Instant;

use chrono::{NaiveDate, Utc};
use rust_xlsxwriter::{Format, Workbook};

use latih_asn::hr::roster::{self, Roster};

const EMPLOYEES: usize = 10_000;
const RUNS: usize = 7;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// A valid NIP for every `n` below 39,960.
fn nip(n: usize) -> String {
    format!(
        "{}0101201001{}{:03}",
        1970 + (n / 999) % 20,
        1 + (n / (999 * 20)) % 2,
        n % 999 + 1
    )
}

/// Next month's list: 1 in 50 moved to another unit, 1 in 100 left (replaced by a newcomer),
/// 1 in 500 with a mistyped NIP, names and positions as real lists have them.
fn rows() -> Vec<[String; 4]> {
    (0..EMPLOYEES)
        .map(|n| {
            let who = if n % 100 == 7 { n + EMPLOYEES } else { n };
            let unit = if n % 50 == 3 { n + 1 } else { n } % 40;
            let mut nip = nip(who);
            if n % 500 == 11 {
                nip.truncate(17);
            }
            [
                nip,
                format!("Pegawai Nomor {who:05}, S.Sos."),
                format!("Dinas Unit Kerja {unit:02}"),
                format!("Analis Kebijakan Ahli Pertama {}", n % 7),
            ]
        })
        .collect()
}

fn csv(rows: &[[String; 4]]) -> Vec<u8> {
    let mut text = String::from("\u{feff}DAFTAR PEGAWAI;;;\r\nNIP;Nama;Unit Kerja;Jabatan\r\n");
    for row in rows {
        text.push_str(&format!(
            "=\"{}\";{};{};{}\r\n",
            row[0], row[1], row[2], row[3]
        ));
    }
    text.into_bytes()
}

fn xlsx(rows: &[[String; 4]]) -> Vec<u8> {
    let text = Format::new().set_num_format("@");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "DAFTAR PEGAWAI").unwrap();
    for (col, title) in (0u16..).zip(["NIP", "Nama", "Unit Kerja", "Jabatan"]) {
        sheet.write_string(1, col, title).unwrap();
    }
    for (r, row) in (2u32..).zip(rows) {
        sheet
            .write_string_with_format(r, 0, &row[0], &text)
            .unwrap();
        for (col, value) in (1u16..).zip(&row[1..]) {
            sheet.write_string(r, col, value).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// This month's roster: everyone as they were.
fn current() -> Roster {
    let mut text = String::from("NIP;Nama;Unit Kerja;Jabatan\n");
    for n in 0..EMPLOYEES {
        text.push_str(&format!(
            "{};Pegawai Nomor {n:05}, S.Sos.;Dinas Unit Kerja {:02};Analis Kebijakan Ahli Pertama {}\n",
            nip(n),
            n % 40,
            n % 7
        ));
    }
    let parsed = roster::parse_bytes("awal.csv", text.as_bytes(), today()).unwrap();
    assert_eq!(parsed.rows.len(), EMPLOYEES);
    let empty = Roster::default();
    roster::apply(
        &empty,
        &roster::preview(&empty, &parsed),
        "awal.csv",
        Utc::now(),
    )
}

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn report(what: &str, budget: Option<f64>, runs: Vec<f64>) {
    let (min, max) = (
        runs.iter().copied().fold(f64::INFINITY, f64::min),
        runs.iter().copied().fold(0.0, f64::max),
    );
    let median = median(runs);
    let verdict = match budget {
        Some(budget) if median <= budget => format!(", within the {budget:.1} s budget"),
        Some(budget) => format!(", OVER the {budget:.1} s budget"),
        None => String::new(),
    };
    println!(
        "{what}: median {:.1} ms (min {:.1}, max {:.1}) of {RUNS}{verdict}",
        median * 1e3,
        min * 1e3,
        max * 1e3
    );
}

fn time(mut run: impl FnMut()) -> Vec<f64> {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed().as_secs_f64()
        })
        .collect()
}

fn main() {
    let roster = current();
    let rows = rows();
    let files = [("pegawai.csv", csv(&rows)), ("pegawai.xlsx", xlsx(&rows))];
    for (name, bytes) in &files {
        println!(
            "{name}: {EMPLOYEES} rows, {:.2} MB",
            bytes.len() as f64 / 1_048_576.0
        );
        let mut last = None;
        let parse = time(|| {
            last = Some(roster::parse_bytes(name, bytes, today()).unwrap());
        });
        let parsed = last.take().unwrap();
        let mut preview = None;
        let compare = time(|| preview = Some(roster::preview(&roster, &parsed)));
        let preview = preview.unwrap();
        let whole = time(|| {
            let parsed = roster::parse_bytes(name, bytes, today()).unwrap();
            std::hint::black_box(roster::preview(&roster, &parsed));
        });
        println!(
            "  preview: +{} ~{} -{} ={} held {} bad {}",
            preview.add.len(),
            preview.change.len(),
            preview.remove.len(),
            preview.unchanged,
            preview.held.len(),
            preview.bad.len()
        );
        assert_eq!(preview.bad.len(), EMPLOYEES / 500);
        report(&format!("  parse {name}"), None, parse);
        report("  preview against 10,000", None, compare);
        report(
            &format!("  parse + preview of {name}, 10,000 rows over a roster of 10,000"),
            Some(1.0),
            whole,
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let save = time(|| {
        // A fresh folder each run: save refuses to replace a roster with a different history.
        let _ = std::fs::remove_dir_all(dir.path().join("hr"));
        roster.save(dir.path()).unwrap();
    });
    report("save roster.ron (10,000 employees)", None, save);
    let load = time(|| {
        std::hint::black_box(Roster::load(dir.path()).unwrap());
    });
    report("load roster.ron (10,000 employees)", None, load);
    let nips: Vec<String> = (0..EMPLOYEES).map(nip).collect();
    let lookups = time(|| {
        for nip in &nips {
            std::hint::black_box(roster.by_nip(nip));
        }
    });
    report("10,000 lookups by NIP", None, lookups);
    let units = time(|| {
        std::hint::black_box(roster.units());
    });
    report("units() of 10,000", None, units);
}
