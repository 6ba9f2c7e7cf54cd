//! The session's documents read back: the attendance list (PDF with lopdf, CSV with the csv
//! crate) for a small room and for 200 people, and the session report (PDF in both languages,
//! and its two CSV files against the report's own numbers).

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use latih_asn::content::{self, Catalog, Form, Module};
use latih_asn::lang::Lang;
use latih_asn::quiz::Score;
use latih_asn::records::{AnswerRecord, Attempt, LearnerInfo, Nip, Store};
use latih_asn::training::report::Gain;
use latih_asn::training::{
    Added, Report, Session, SessionDraft, SessionTag, TestPhase, attendance_csv, attendance_pdf,
    report_items_csv, report_pdf, report_people_csv,
};
use uuid::Uuid;

#[path = "harness/records.rs"]
mod made;

const TOKEN: &str = "K7Q39P";

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 1, 0, 0).unwrap() + Duration::minutes(minutes)
}

/// A valid NIP for person `n` (sequence 001–999).
fn nip(n: usize) -> String {
    format!("19850715201001{}{:03}", 1 + n % 2, n)
}

fn session(people: &[(&str, &str)], present: impl Fn(usize) -> bool) -> Session {
    let mut session = SessionDraft {
        title: "Sosialisasi Netralitas ASN dalam Pilkada 2024".into(),
        date: "2026-11-20".into(),
        place: "Aula Kantor Bupati Mesuji".into(),
        trainer: "Rina Wulandari, S.Sos., M.Si.".into(),
        instansi: "BKPSDM Kabupaten Mesuji".into(),
        modules: vec!["asn".into()],
        jp: "4".into(),
    }
    .build(TOKEN.into(), at(-60), None)
    .unwrap();
    for (index, (name, unit)) in people.iter().enumerate() {
        let n = index + 1;
        session
            .add(
                &nip(n),
                name,
                unit,
                Some("Analis Kepegawaian".into()),
                Added::Typed,
                at(-50),
            )
            .unwrap();
        if present(n) {
            session.set_present(&nip(n), true, at(n as i64 % 30));
        }
    }
    session
}

/// Keeps a document in the folder `TRAINING_DOCS_OUT` names, when set, to look at it
/// (`pdftoppm -png -r 60 …`).
fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("TRAINING_DOCS_OUT") {
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).unwrap();
    }
}

fn pages_text(bytes: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(bytes).unwrap();
    let count = document.get_pages().len() as u32;
    (1..=count)
        .map(|page| document.extract_text(&[page]).unwrap())
        .collect()
}

/// The rows of the CSV that `write` writes, after checking its BOM.
fn csv_rows(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Vec<Vec<String>> {
    let mut bytes = Vec::new();
    write(&mut bytes).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a UTF-8 BOM");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_attendance_list_of_a_small_room_reads_back() {
    let people = [
        ("Siti Aminah Nasution", "Bagian Umum"),
        ("Budi Santoso", "Dinas Pendidikan dan Kebudayaan"),
        (
            "Raden Ayu Kusumawardhani Puspitasari Ningrum Sekarwangi",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah Kabupaten Mesuji",
        ),
    ];
    let session = session(&people, |n| n != 2);
    for (lang, title, header) in [
        (Lang::Id, "DAFTAR HADIR", "Tanda tangan"),
        (Lang::En, "ATTENDANCE LIST", "Signature"),
    ] {
        let pages = pages_text(&attendance_pdf(&session, lang).unwrap());
        assert_eq!(pages.len(), 1);
        let text = &pages[0];
        for expected in [
            title,
            header,
            "Siti Aminah Nasution",
            "Budi Santoso",
            &nip(1),
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
        // The long name wraps inside its cell: every word is there.
        for word in people[2].0.split_whitespace() {
            assert!(text.contains(word), "{word}");
        }
        assert!(text.contains("Rina Wulandari, S.Sos., M.Si."));
    }
    let pdf = attendance_pdf(&session, Lang::Id).unwrap();
    keep("attendance-small.pdf", &pdf);
    let text = &pages_text(&pdf)[0];
    assert!(text.contains("Jumat, 20 November 2026"), "{text}");
    assert!(text.contains("Halaman 1 dari 1"));
    assert!(text.contains("Pelatih,"));
    assert!(text.contains("Peserta terdaftar: 3 orang; hadir: 2 orang."));

    let rows = csv_rows(|out| attendance_csv(out, &session, Lang::Id));
    assert_eq!(
        rows[0].join(";"),
        "No.;NIP;Nama;Unit kerja;Jabatan;Hadir;Waktu hadir"
    );
    assert_eq!(rows.len(), 4);
    // NIPs stay text with every digit (see the record exports).
    assert_eq!(rows[1][1], format!("=\"{}\"", nip(1)));
    assert_eq!(rows[1][2], "Siti Aminah Nasution");
    assert_eq!(rows[1][4], "Analis Kepegawaian");
    assert_eq!((rows[1][5].as_str(), rows[2][5].as_str()), ("ya", "tidak"));
    assert_eq!(rows[2][6], "");
    let marked = DateTime::parse_from_rfc3339(&rows[1][6]).unwrap();
    assert_eq!(marked, at(1));
    let rows = csv_rows(|out| attendance_csv(out, &session, Lang::En));
    assert_eq!(rows[0][6], "Marked present at");
    assert_eq!(rows[2][5], "no");
}

#[test]
fn two_hundred_people_page_with_the_header_on_every_page() {
    let names: Vec<String> = (1..=200).map(|n| format!("Peserta Nomor {n:03}")).collect();
    let people: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "Bagian Umum")).collect();
    let session = session(&people, |n| n % 3 != 0);
    let pdf = attendance_pdf(&session, Lang::Id).unwrap();
    keep("attendance-200.pdf", &pdf);
    let pages = pages_text(&pdf);
    let count = pages.len();
    let mut rows_on = Vec::new();
    for (index, text) in pages.iter().enumerate() {
        assert!(
            text.contains("Tanda tangan") || index == count - 1,
            "header on page {index}"
        );
        assert!(text.contains(&format!("Halaman {} dari {count}", index + 1)));
        rows_on.push(names.iter().filter(|n| text.contains(n.as_str())).count());
    }
    // Every name once, in order across the pages.
    assert_eq!(rows_on.iter().sum::<usize>(), 200);
    let mut seen = 0;
    for (text, rows) in pages.iter().zip(&rows_on) {
        for name in &names[seen..seen + rows] {
            assert!(text.contains(name.as_str()));
        }
        seen += rows;
    }
    // The first page has the heading; every later full page holds the same number of rows; the
    // last ends with the trainer's signature (alone on its page if the rows filled the one
    // before).
    let (first, full) = (rows_on[0], rows_on[1]);
    assert!(first >= 15 && full > first, "{rows_on:?}");
    assert!(
        rows_on[1..count - 1].iter().all(|r| *r == full),
        "{rows_on:?}"
    );
    let expected = 1 + (200 - first).div_ceil(full);
    assert!(
        count == expected || (count == expected + 1 && rows_on[count - 1] == 0),
        "{count} pages for {rows_on:?}"
    );
    assert!(pages[count - 1].contains("Pelatih,"));
    assert!(count <= 9, "{count} pages");
}

/// An attempt of the session by person `n`: the app's own record of an exam (`base`), as
/// taken under that person's NIP for `phase`, with `right` of the first ten questions of `form`
/// answered right (the first ones), scored out of those ten.
fn attempt(
    base: &Attempt,
    module: &Module,
    n: usize,
    (phase, form): (TestPhase, Form),
    right: usize,
    start: i64,
) -> Attempt {
    let mut attempt = base.clone();
    attempt.id = Uuid::new_v4();
    attempt.started = at(start);
    attempt.finished = at(start + 20);
    attempt.answers = module
        .questions
        .iter()
        .filter(|q| q.form == form)
        .take(10)
        .enumerate()
        .map(|(index, q)| AnswerRecord {
            question: q.id.clone(),
            chosen: vec![0],
            order: vec![0],
            correct: index < right,
        })
        .collect();
    attempt.score = Score {
        correct: right as u32,
        total: attempt.answers.len() as u32,
    };
    attempt.passed = attempt.score.passed(module.pass_mark);
    attempt.taken_by = Some(Arc::new(LearnerInfo {
        name: format!("Peserta {n}"),
        nip: Some(Nip::parse(&nip(n), at(0).date_naive()).unwrap()),
        unit: String::new(),
        instansi: String::new(),
    }));
    attempt.session = Some(SessionTag {
        token: TOKEN.into(),
        phase,
    });
    attempt
}

struct Room {
    catalog: Catalog,
    session: Session,
    attempts: Vec<Attempt>,
}

impl Room {
    fn new() -> Room {
        let catalog = content::load_embedded().unwrap();
        let module = catalog.module("asn").unwrap().clone();
        let session = session(
            &[
                ("Siti Aminah", "Bagian Umum"),
                ("Budi Santoso", "Bagian Umum"),
                ("Citra Lestari", "Dinas Kesehatan"),
                ("Dedi Kurniawan", "Dinas Kesehatan"),
                ("Eka Putri", "Sekretariat DPRD"),
            ],
            |n| n != 5,
        );
        let pre = (TestPhase::Pre, session.forms.pre);
        let post = (TestPhase::Post, session.forms.post);
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let someone = made::learner(&store, "Peserta", &nip(1));
        let base = made::take_exam(&store, &someone, 1, true);
        let taken = |n, test, right, start| attempt(&base, &module, n, test, right, start);
        let attempts = vec![
            taken(1, pre, 4, 0),
            taken(2, pre, 6, 0),
            taken(3, pre, 10, 0),
            taken(4, pre, 5, 0),
            taken(5, pre, 2, 0),
            taken(1, post, 7, 120),
            taken(2, post, 9, 120),
            taken(3, post, 9, 120),
            taken(4, post, 4, 120),
            // Not on the list.
            taken(9, post, 10, 120),
        ];
        Room {
            catalog,
            session,
            attempts,
        }
    }

    fn module(&self) -> &Module {
        self.catalog.module("asn").unwrap()
    }

    fn report(&self, lang: Lang) -> Report {
        Report::new(
            &self.session,
            &self.attempts,
            self.module(),
            &self.catalog.instruments,
            lang,
        )
    }
}

#[test]
fn the_report_pdf_prints_the_figures_in_both_languages() {
    let room = Room::new();
    let report = room.report(Lang::Id);
    // The module draws ten questions per form: scores are 40, 60, 100, 50, 20 and 70, 90, 90,
    // 40 (see the unit tests for the arithmetic).
    assert_eq!(report.pre.mean, Some(54.0));
    assert_eq!(report.post.mean, Some(72.5));
    let expected_id = [
        "LAPORAN HASIL PELATIHAN",
        "Hasil pre-test dan post-test",
        "Rata-rata",
        "Median",
        "Gain ternormalisasi kelas <g>",
        "Butir yang masih belum dipahami",
        "Pemahaman per pasal",
        "Cara membaca laporan ini",
        "Siti Aminah",
        "Eka Putri",
        // Means, medians (54,0 and 50,0; 72,5 and 80,0), <g> 10 / 37,5, mean g 0,35.
        "54,0 %",
        "50,0 %",
        "72,5 %",
        "80,0 %",
        "0,27",
        "0,35 (dari 3 peserta)",
        "1 peserta dengan pre-test 100 tidak dihitung",
        "50,0 % (2 dari 4 peserta)",
        "tidak berlaku",
        "-10,0",
        "Halaman 1 dari",
        "1 hasil tes sesi ini",
    ];
    let expected_en = [
        "TRAINING SESSION REPORT",
        "Pre-test and post-test results",
        "Mean",
        "Class normalised gain <g>",
        "Items still misunderstood",
        "How to read this report",
        "Siti Aminah",
        "54.0 %",
        "72.5 %",
        "0.27",
        "0.35 (over 3 participants)",
        "one participant with a pre-test of 100 left out",
        "n/a",
        "Page 1 of",
        "One test result of this session",
    ];
    for (lang, expected) in [(Lang::Id, &expected_id[..]), (Lang::En, &expected_en[..])] {
        let report = room.report(lang);
        let pdf = report_pdf(&report, &room.session, room.module(), lang).unwrap();
        keep(&format!("report-{}.pdf", lang.code()), &pdf);
        let text = pages_text(&pdf).concat();
        for expected in expected {
            assert!(text.contains(expected), "{expected:?} missing in {lang:?}");
        }
        for item in report.flagged_items() {
            assert!(text.contains(&item.question), "{}", item.question);
        }
    }
}

#[test]
fn a_report_of_a_room_that_took_no_test_still_prints() {
    let room = Room::new();
    let report = Report::new(
        &room.session,
        &[],
        room.module(),
        &room.catalog.instruments,
        Lang::Id,
    );
    let text =
        pages_text(&report_pdf(&report, &room.session, room.module(), Lang::Id).unwrap()).concat();
    assert!(text.contains("Belum ada jawaban tes."));
    assert!(text.contains("Siti Aminah"));
    assert!(!text.contains("NaN"));
}

#[test]
fn the_report_csv_files_carry_the_reports_numbers() {
    let room = Room::new();
    let report = room.report(Lang::Id);
    let rows = csv_rows(|out| report_people_csv(out, &report, Lang::Id));
    assert_eq!(
        rows[0].join(";"),
        "No.;NIP;Nama;Unit kerja;Hadir;Pre-test (%);Post-test (%);Kenaikan (poin);g;Lulus"
    );
    assert_eq!(rows.len(), 1 + report.people.len());
    let cell = |value: Option<f64>, places: usize| {
        value.map_or_else(String::new, |v| format!("{v:.places$}"))
    };
    for (row, person) in rows[1..].iter().zip(&report.people) {
        assert_eq!(row[1], format!("=\"{}\"", person.nip));
        assert_eq!(row[2], person.name);
        assert_eq!(row[5], cell(person.pre, 1));
        assert_eq!(row[6], cell(person.post, 1));
        assert_eq!(row[7], cell(person.gain, 1));
        let g = match person.g {
            Gain::None => String::new(),
            Gain::Value(g) => format!("{g:.2}"),
            Gain::PreAtMaximum => "tidak berlaku".into(),
        };
        assert_eq!(row[8], g);
        let passed = person.passed.map_or("", |p| if p { "ya" } else { "tidak" });
        assert_eq!(row[9], passed);
    }
    // Siti 40 → 70; Citra 100 → 90 (n/a); Eka took only the pre-test.
    assert_eq!(rows[1][5..9], ["40.0", "70.0", "30.0", "0.50"]);
    assert_eq!(rows[3][7..9], ["-10.0", "tidak berlaku"]);
    assert_eq!(rows[5][5..10], ["20.0", "", "", "", ""]);

    let rows = csv_rows(|out| report_items_csv(out, &report, Lang::En));
    assert_eq!(rows[0][0], "Question id");
    assert_eq!(rows[0][11], "Still misunderstood");
    assert_eq!(rows.len(), 1 + report.items.len());
    let share = |share: Option<latih_asn::training::report::Share>| match share {
        Some(s) => vec![
            s.right.to_string(),
            s.asked.to_string(),
            format!("{:.1}", s.percent()),
        ],
        None => vec![String::new(); 3],
    };
    for (row, item) in rows[1..].iter().zip(&report.items) {
        assert_eq!(row[0], item.question);
        assert_eq!(row[5..8], share(item.pre)[..]);
        assert_eq!(row[8..11], share(item.post)[..]);
        assert_eq!(row[11], if item.flagged { "yes" } else { "no" });
    }
    // Ten questions of form A and ten of form B were asked.
    assert_eq!(report.items.len(), 20);
    assert!(report.flagged_items().count() > 0);
}
