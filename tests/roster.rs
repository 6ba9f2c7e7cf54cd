//! The roster (daftar pegawai) on real files: CSV in the encodings and separators HR's PCs
//! write, Excel workbooks made here with rust_xlsxwriter, the roster file in a temporary data
//! directory, and the `latih-asn roster` commands on the binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use chrono::{NaiveDate, TimeZone, Utc};
use rust_xlsxwriter::{Format, Workbook};

use latih_asn::hr::roster::{
    self, BadReason, Column, MAX_FILE_BYTES, Parsed, Roster, RosterError, TEMPLATE_HEADER,
};
use latih_asn::lang::Lang;
use latih_asn::records::NipError;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// A valid NIP for every `n` below 39,960: born 1 January 1970–1989, TMT January 2010.
fn nip(n: usize) -> String {
    format!(
        "{}0101201001{}{:03}",
        1970 + (n / 999) % 20,
        1 + (n / (999 * 20)) % 2,
        n % 999 + 1
    )
}

fn parse(name: &str, bytes: &[u8]) -> Parsed {
    match roster::parse_bytes(name, bytes, today()) {
        Ok(parsed) => parsed,
        Err(error) => panic!("{}", error.message(Lang::En)),
    }
}

fn names(parsed: &Parsed) -> Vec<(usize, String)> {
    parsed
        .rows
        .iter()
        .map(|(line, e)| (*line, e.name.clone()))
        .collect()
}

fn bad(parsed: &Parsed) -> Vec<(usize, BadReason)> {
    parsed.bad.iter().map(|b| (b.line, b.reason)).collect()
}

#[test]
fn semicolon_and_comma_csv() {
    let semicolon = format!(
        "NIP;Nama;Unit Kerja;Jabatan\r\n{};Siti Aminah, S.E.;Bagian Umum;Analis SDM\r\n",
        nip(1)
    );
    let comma = format!(
        "NIP,Nama,Unit Kerja,Jabatan\n{},\"Siti Aminah, S.E.\",Bagian Umum,Analis SDM\n",
        nip(1)
    );
    for text in [semicolon, comma] {
        let parsed = parse("pegawai.csv", text.as_bytes());
        assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
        let (line, employee) = &parsed.rows[0];
        assert_eq!(*line, 2);
        assert_eq!(employee.nip, nip(1));
        assert_eq!(employee.name, "Siti Aminah, S.E.");
        assert_eq!(employee.unit, "Bagian Umum");
        assert_eq!(employee.position.as_deref(), Some("Analis SDM"));
    }
}

#[test]
fn utf8_bom_and_windows_1252_from_excel() {
    let with_bom = format!("\u{feff}NIP;Nama;Unit Kerja\r\n{};Sitï;Désa\r\n", nip(1));
    let parsed = parse("pegawai.csv", with_bom.as_bytes());
    assert_eq!(parsed.columns.nip.header, "NIP");
    assert_eq!(names(&parsed), [(2, "Sitï".to_owned())]);

    // Excel's "CSV (pisah koma)" on Indonesian Windows: `;` and the ANSI code page.
    let mut ansi = b"NIP;Nama;Unit Kerja\r\n".to_vec();
    ansi.extend_from_slice(nip(1).as_bytes());
    ansi.extend_from_slice(b";Sit\xef;D\xe9sa\r\n");
    let parsed = parse("pegawai.csv", &ansi);
    assert_eq!(parsed.rows[0].1.name, "Sitï");
    assert_eq!(parsed.rows[0].1.unit, "Désa");
}

#[test]
fn title_rows_above_the_header() {
    let text = format!(
        "DAFTAR PEGAWAI NEGERI SIPIL;;;\n\
         PEMERINTAH KABUPATEN MESUJI;;;\n\
         ;;;\n\
         No;NIP;Nama Pegawai;Unit Kerja\n\
         1;2;3;4\n\
         1;{};Budi Santoso;Dinas Pendidikan\n",
        nip(2)
    );
    let parsed = parse("pegawai.csv", text.as_bytes());
    assert_eq!(parsed.columns.header_line, 4);
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    assert_eq!(names(&parsed), [(6, "Budi Santoso".to_owned())]);
}

#[test]
fn every_header_synonym() {
    let families: [(Column, &[&str]); 4] = [
        (
            Column::Nip,
            &[
                "NIP",
                "NIP Baru",
                "Nomor Induk Pegawai",
                "No. Induk Pegawai",
            ],
        ),
        (
            Column::Name,
            &[
                "Nama",
                "Nama Pegawai",
                "Nama Lengkap",
                "Nama (dengan gelar)",
            ],
        ),
        (
            Column::Unit,
            &[
                "Unit Kerja",
                "Unit",
                "Satuan Kerja",
                "Satker",
                "OPD",
                "Unit Organisasi",
            ],
        ),
        (Column::Position, &["Jabatan", "Nama Jabatan"]),
    ];
    for (column, spellings) in families {
        for spelling in spellings {
            let mut header = ["NIP", "Nama", "Unit Kerja", "Jabatan"];
            header[column as usize] = spelling;
            // Case and spaces do not matter either.
            let header = header.map(|h| {
                if h == *spelling {
                    format!(" {} ", h.to_uppercase())
                } else {
                    h.to_owned()
                }
            });
            let text = format!("{}\n{};Ani;Umum;Staf\n", header.join(";"), nip(3));
            let parsed = parse("pegawai.csv", text.as_bytes());
            let employee = &parsed.rows[0].1;
            assert_eq!(employee.nip, nip(3), "{spelling}");
            assert_eq!(employee.name, "Ani", "{spelling}");
            assert_eq!(employee.unit, "Umum", "{spelling}");
            assert_eq!(employee.position.as_deref(), Some("Staf"), "{spelling}");
        }
    }
}

#[test]
fn a_file_without_the_columns_says_what_it_found_and_what_is_missing() {
    let text = "No;Nama Pegawai;Alamat\n1;Ani;Jl. Merdeka\n";
    let error = roster::parse_bytes("pegawai.csv", text.as_bytes(), today()).unwrap_err();
    let RosterError::Columns { found, missing } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(found, &["No", "Nama Pegawai", "Alamat"]);
    assert_eq!(missing, &[Column::Nip, Column::Unit]);
    let message = error.message(Lang::Id);
    assert!(message.contains("Nama Pegawai, Alamat"), "{message}");
    assert!(message.contains("NIP, Unit Kerja"), "{message}");
    assert!(error.is_refused_input());
}

#[test]
fn every_bad_row_with_its_line_and_reason() {
    let text = format!(
        "NIP;Nama;Unit Kerja\n\
         {good};Ani;Umum\n\
         ;Tanpa NIP;Umum\n\
         \n\
         {short};Pendek;Umum\n\
         1980010120050110A1;Huruf;Umum\n\
         {good};Ani Lagi;Umum\n\
         {no_name};;Umum\n\
         {no_unit};Budi;\n\
         1,98501E+17;Angka;Umum\n\
         =\"{quoted}\";Dari Ekspor;Umum\n",
        good = nip(1),
        short = &nip(2)[..17],
        no_name = nip(3),
        no_unit = nip(4),
        quoted = nip(5),
    );
    let parsed = parse("pegawai.csv", text.as_bytes());
    assert_eq!(
        names(&parsed),
        [(2, "Ani".to_owned()), (11, "Dari Ekspor".to_owned())]
    );
    assert_eq!(
        bad(&parsed),
        [
            (3, BadReason::NoNip),
            (5, BadReason::Nip(NipError::Length(17))),
            (6, BadReason::Nip(NipError::NotDigits)),
            (7, BadReason::Duplicate { first_line: 2 }),
            (8, BadReason::NoName),
            (9, BadReason::NoUnit),
            (10, BadReason::StoredAsNumber),
        ]
    );
    assert_eq!(
        BadReason::Duplicate { first_line: 2 }.message(Lang::En),
        "the same NIP is already on line 2"
    );
}

/// A workbook with a title row, an 18-digit NIP as text, one as a number, and one formatted as
/// text but typed with Excel's apostrophe.
fn workbook_bytes() -> Vec<u8> {
    let text = Format::new().set_num_format("@");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Daftar Pegawai 2026").unwrap();
    for (col, title) in (0u16..).zip(["NIP", "Nama", "Unit Kerja", "Jabatan"]) {
        sheet.write_string(2, col, title).unwrap();
    }
    sheet.write_string_with_format(3, 0, nip(1), &text).unwrap();
    sheet.write_string(3, 1, "Ani").unwrap();
    sheet.write_string(3, 2, "Umum").unwrap();
    let number: f64 = nip(2).parse().unwrap();
    sheet.write_number(4, 0, number).unwrap();
    sheet.write_string(4, 1, "Budi").unwrap();
    sheet.write_string(4, 2, "Umum").unwrap();
    sheet.write_string(5, 0, format!("'{}", nip(3))).unwrap();
    sheet.write_string(5, 1, "Citra").unwrap();
    sheet.write_string(5, 2, "Keuangan").unwrap();
    sheet.write_number(5, 3, 7.0).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_a_nip_stored_as_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pegawai.xlsx");
    fs::write(&path, workbook_bytes()).unwrap();
    let parsed = roster::parse_file(&path, today()).unwrap();
    assert_eq!(parsed.columns.sheet.as_deref(), Some("Sheet1"));
    assert_eq!(parsed.columns.header_line, 3);
    assert_eq!(
        names(&parsed),
        [(4, "Ani".to_owned()), (6, "Citra".to_owned())]
    );
    assert_eq!(parsed.rows[1].1.position.as_deref(), Some("7"));
    assert_eq!(bad(&parsed), [(5, BadReason::StoredAsNumber)]);
    assert!(
        parsed.bad[0]
            .reason
            .message(Lang::En)
            .starts_with("stored as a number; format the NIP column as Text")
    );
}

#[test]
fn the_header_may_be_on_a_later_sheet() {
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Petunjuk")
        .unwrap()
        .write_string(0, 0, "Isi lembar Pegawai")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Pegawai").unwrap();
    for (col, title) in (0u16..).zip(["NIP", "Nama", "Unit Kerja"]) {
        sheet.write_string(0, col, title).unwrap();
    }
    sheet.write_string(1, 0, nip(1)).unwrap();
    sheet.write_string(1, 1, "Ani").unwrap();
    sheet.write_string(1, 2, "Umum").unwrap();
    let parsed = parse("pegawai.xlsx", &book.save_to_buffer().unwrap());
    assert_eq!(parsed.columns.sheet.as_deref(), Some("Pegawai"));
    assert_eq!(names(&parsed), [(2, "Ani".to_owned())]);
}

#[test]
fn preview_apply_save_reload_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let first = format!(
        "NIP;Nama;Unit Kerja\n{};Ani;Umum\n{};Budi;Umum\n{};Citra;Keuangan\n",
        nip(1),
        nip(2),
        nip(3)
    );
    let empty = Roster::load(data).unwrap();
    assert!(empty.employees().is_empty());
    let parsed = parse("pegawai-jan.csv", first.as_bytes());
    let preview = roster::preview(&empty, &parsed);
    assert_eq!(
        (
            preview.add.len(),
            preview.change.len(),
            preview.remove.len()
        ),
        (3, 0, 0)
    );
    // Nothing is on disk until the roster is saved.
    assert!(!Roster::path(data).exists());
    let at = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let roster = roster::apply(&empty, &preview, "/media/usb/pegawai-jan.csv", at);
    roster.save(data).unwrap();

    let second = format!(
        "NIP;Nama;Unit Kerja;Jabatan\n{};Ani;Umum;\n{};Budi;Keuangan;\n{};Dedi;Umum;Staf\n{};;Umum;\n",
        nip(1),
        nip(2),
        nip(4),
        nip(9)
    );
    let loaded = Roster::load(data).unwrap();
    assert_eq!(loaded, roster);
    let parsed = parse("pegawai-feb.csv", second.as_bytes());
    let preview = roster::preview(&loaded, &parsed);
    assert_eq!(preview.add.len(), 1);
    assert_eq!(preview.add[0].name, "Dedi");
    assert_eq!(preview.change.len(), 1);
    assert_eq!(preview.change[0].0.unit, "Umum");
    assert_eq!(preview.change[0].1.unit, "Keuangan");
    assert_eq!(preview.remove.len(), 1);
    assert_eq!(preview.remove[0].name, "Citra");
    assert_eq!(preview.unchanged, 1);
    assert_eq!(bad(&parsed), [(5, BadReason::NoName)]);
    let at2 = Utc.with_ymd_and_hms(2026, 2, 2, 9, 0, 0).unwrap();
    roster::apply(&loaded, &preview, "pegawai-feb.csv", at2)
        .save(data)
        .unwrap();

    let reloaded = Roster::load(data).unwrap();
    let nips: Vec<&str> = reloaded
        .employees()
        .iter()
        .map(|e| e.nip.as_str())
        .collect();
    let mut expected = [nip(1), nip(2), nip(4)];
    expected.sort();
    assert_eq!(nips, expected);
    assert_eq!(reloaded.by_nip(&nip(2)).unwrap().unit, "Keuangan");
    assert_eq!(
        reloaded.by_nip(&nip(4)).unwrap().position.as_deref(),
        Some("Staf")
    );
    assert!(reloaded.by_nip(&nip(3)).is_none());
    assert_eq!(reloaded.units(), ["Keuangan", "Umum"]);
    let history: Vec<_> = reloaded
        .history()
        .iter()
        .map(|h| {
            (
                h.at,
                h.source.as_str(),
                h.added,
                h.changed,
                h.removed,
                h.bad,
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            (at, "pegawai-jan.csv", 3, 0, 0, 0),
            (at2, "pegawai-feb.csv", 1, 1, 1, 1)
        ]
    );
}

#[test]
fn a_save_from_a_stale_roster_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let a = Roster::load(data).unwrap();
    let b = Roster::load(data).unwrap();
    let parsed = parse(
        "a.csv",
        format!("NIP;Nama;Unit\n{};Ani;Umum\n", nip(1)).as_bytes(),
    );
    roster::apply(&a, &roster::preview(&a, &parsed), "a.csv", Utc::now())
        .save(data)
        .unwrap();
    let saved = fs::read(Roster::path(data)).unwrap();
    let parsed = parse(
        "b.csv",
        format!("NIP;Nama;Unit\n{};Budi;Umum\n", nip(2)).as_bytes(),
    );
    let error = roster::apply(&b, &roster::preview(&b, &parsed), "b.csv", Utc::now())
        .save(data)
        .unwrap_err();
    assert!(matches!(error, RosterError::Changed), "{error:?}");
    assert_eq!(fs::read(Roster::path(data)).unwrap(), saved);
}

#[test]
fn a_newer_or_damaged_roster_file_is_refused_and_never_overwritten() {
    for (text, newer) in [
        ("(format: 2, employees: [], history: [], teams: [])", true),
        ("(format: 1, employees: [(nip: \"1\"", false),
        ("\u{0}\u{1}binary", false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = Roster::path(dir.path());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        let error = Roster::load(dir.path()).unwrap_err();
        match (&error, newer) {
            (RosterError::Newer { format: 2, .. }, true) | (RosterError::Damaged { .. }, false) => {
            }
            _ => panic!("{text:?}: {error:?}"),
        }
        assert!(!error.is_refused_input());
        // A save (of an empty roster, as a careless caller might) does not replace it.
        let save = Roster::default().save(dir.path()).unwrap_err();
        assert_eq!(save.message(Lang::En), error.message(Lang::En));
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
    }
}

#[test]
fn a_file_over_20_mb_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("besar.csv");
    let file = fs::File::create(&path).unwrap();
    file.set_len(21 * 1024 * 1024).unwrap();
    let error = roster::parse_file(&path, today()).unwrap_err();
    assert!(
        matches!(error, RosterError::TooLarge { bytes } if bytes > MAX_FILE_BYTES),
        "{error:?}"
    );
    assert!(error.message(Lang::En).contains("21.0 MB"));
}

#[test]
fn garbage_is_not_a_csv_or_excel_file() {
    let mut noise = Vec::with_capacity(1 << 20);
    let mut x: u32 = 0x2545_F491;
    for _ in 0..(1 << 20) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push(x.to_le_bytes()[0]);
    }
    // A zip that is not a workbook (a .docx, a folder of scans).
    let mut zipped = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut zipped);
        zip.start_file("scan.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, b"hello").unwrap();
        zip.finish().unwrap();
    }
    for (name, bytes) in [
        ("pegawai.xlsx", noise.as_slice()),
        ("pegawai.csv", noise.as_slice()),
        ("pegawai.xlsx", b"NIP;Nama;Unit\n".as_slice()),
        ("pegawai.xlsx", zipped.get_ref().as_slice()),
    ] {
        let started = std::time::Instant::now();
        let error = roster::parse_bytes(name, bytes, today()).unwrap_err();
        assert!(
            matches!(error, RosterError::NotSpreadsheet),
            "{name}: {error:?}"
        );
        assert!(started.elapsed().as_secs_f64() < 1.0);
        assert_eq!(
            error.message(Lang::En),
            "This is not a CSV or Excel (.xlsx) file. Save the employee list from Excel as .xlsx or CSV and import it again."
        );
    }
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert!(matches!(
        roster::parse_bytes("lama.xls", &ole, today()),
        Err(RosterError::OldExcel)
    ));
}

#[test]
fn templates_round_trip_with_no_rows_and_no_error() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["templat.csv", "templat.xlsx", "TEMPLAT.XLSX"] {
        let path = dir.path().join(name);
        roster::write_template(&path).unwrap();
        let parsed = roster::parse_file(&path, today()).unwrap();
        assert!(parsed.rows.is_empty() && parsed.bad.is_empty(), "{name}");
        assert_eq!(parsed.columns.nip.header, TEMPLATE_HEADER[0]);
        assert_eq!(
            parsed.columns.position.map(|p| p.header).as_deref(),
            Some("Jabatan")
        );
    }
    let csv = fs::read(dir.path().join("templat.csv")).unwrap();
    assert_eq!(csv, "\u{feff}NIP;Nama;Unit Kerja;Jabatan\r\n".as_bytes());
    // The workbook's NIP column is Text, so what HR types there keeps its 18 digits.
    let xlsx = fs::File::open(dir.path().join("templat.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(xlsx).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(styles.contains("formatCode=\"@\""), "{styles}");
    let nip_column = sheet
        .split("<col ")
        .find(|col| col.starts_with("min=\"1\" max=\"1\""))
        .and_then(|col| col.split("/>").next())
        .unwrap_or_default();
    assert!(nip_column.contains("style="), "{sheet}");

    let error = roster::write_template(&dir.path().join("templat.ods")).unwrap_err();
    assert!(matches!(error, RosterError::TemplateKind { .. }));
}

#[test]
fn ten_thousand_rows_keep_their_order_and_lines() {
    let mut text = String::from("NIP;Nama;Unit Kerja\n");
    for n in 0..10_000 {
        text.push_str(&format!("{};Pegawai {n};Unit {}\n", nip(n), n % 40));
    }
    let parsed = parse("pegawai.csv", text.as_bytes());
    assert_eq!(parsed.rows.len(), 10_000);
    assert!(parsed.bad.is_empty());
    assert_eq!(parsed.rows[9_999].0, 10_001);
    let roster = roster::apply(
        &Roster::default(),
        &roster::preview(&Roster::default(), &parsed),
        "pegawai.csv",
        Utc::now(),
    );
    assert_eq!(roster.employees().len(), 10_000);
    assert_eq!(roster.units().len(), 40);
    assert_eq!(roster.by_nip(&nip(4_321)).unwrap().name, "Pegawai 4321");
}

// The command line.

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .args(["--lang", "en", "--data-dir"])
        .arg(data)
        .arg("roster")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn cli_import_previews_then_applies_with_yes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("pegawai.csv");
    fs::write(
        &file,
        format!(
            "NIP;Nama;Unit Kerja\n{};Ani;Umum\n{};Budi;Umum\n",
            nip(1),
            nip(2)
        ),
    )
    .unwrap();
    let file = file.to_str().unwrap();

    let out = run(&data, &["import", file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Added: 2, changed: 0, removed: 0"));
    assert!(stdout(&out).contains("Nothing was changed. To apply"));
    assert!(!Roster::path(&data).exists());

    let out = run(&data, &["import", file, "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Roster saved: 2 employees in 1 units."));
    assert_eq!(Roster::load(&data).unwrap().employees().len(), 2);

    let out = run(&data, &["import", file]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("The roster already matches this file."));

    let out = run(&data, &["show"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("2 employees in 1 units."), "{shown}");
    assert!(shown.contains("Umum: 2"), "{shown}");
    assert!(
        shown.contains("pegawai.csv: +2 ~0 -0, bad rows 0"),
        "{shown}"
    );
}

#[test]
fn cli_bad_rows_exit_1_even_when_the_good_ones_are_applied() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("pegawai.csv");
    fs::write(
        &file,
        format!(
            "NIP;Nama;Unit Kerja\n{};Ani;Umum\n12345;Budi;Umum\n",
            nip(1)
        ),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let out = run(&data, &["import", file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("Line 3 (NIP 12345): "),
        "{}",
        stdout(&out)
    );
    assert!(!Roster::path(&data).exists());

    let out = run(&data, &["import", file, "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(Roster::load(&data).unwrap().employees().len(), 1);
}

#[test]
fn cli_refused_files_exit_1_and_broken_setups_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let garbage = dir.path().join("pegawai.xlsx");
    fs::write(&garbage, [0x00, 0xFF, 0x13, 0x37].repeat(1000)).unwrap();
    let out = run(&data, &["import", garbage.to_str().unwrap(), "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a CSV or Excel"));

    let wrong = dir.path().join("alamat.csv");
    fs::write(&wrong, "Nama;Alamat\nAni;Jl. Merdeka\n").unwrap();
    let out = run(&data, &["import", wrong.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Columns found: Nama, Alamat"));

    let missing = dir.path().join("tidak-ada.csv");
    let out = run(&data, &["import", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));

    let out = run(&data, &["template", "--out", "templat.txt"]);
    assert_eq!(out.status.code(), Some(2));

    let template = dir.path().join("templat.xlsx");
    let out = run(&data, &["template", "--out", template.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(template.is_file());

    // A roster from a newer app: import and show refuse to run, and the file stays.
    let path = Roster::path(&data);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "(format: 9, employees: [])").unwrap();
    let good = dir.path().join("pegawai.csv");
    fs::write(&good, format!("NIP;Nama;Unit\n{};Ani;Umum\n", nip(1))).unwrap();
    let out = run(&data, &["import", good.to_str().unwrap(), "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("newer version"));
    let out = run(&data, &["show"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(format: 9, employees: [])"
    );
}
