//! Certificates and the JP report on real records in a temporary data folder: the PDF read back
//! (its text, and its QR code decoded from a rendered image of the page and verified), forged
//! payloads refused, codes checked against valid, voided, edited and unknown records, batches
//! that write whole files or nothing, and JP figures against hand-computed ones.

#[path = "harness/records.rs"]
mod made;

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Datelike, Utc};
use latih_asn::content::{self, Catalog};
use latih_asn::hr::certificate::{
    self, BatchOutput, CheckOutcome, Issuer, PayloadCheck, check_code, check_payload, check_pdf,
};
use latih_asn::hr::jp::{JpFormat, jp_per_person, jp_rows, write_jp};
use latih_asn::hr::{HrError, HrSettings};
use latih_asn::lang::Lang;
use latih_asn::quiz::Mode;
use latih_asn::records::export::Records;
use latih_asn::records::{
    Attempt, Authority, CorrectionKind, Learner, Loaded, Status, Store, Verification, people,
    verify_loaded,
};

const SITI: &str = "198001012005012001";
const BUDI: &str = "198502022010011002";

/// HR's PC: its own learners' passes count (its own device), with an authority and settings.
struct Desk {
    dir: tempfile::TempDir,
    store: Store,
    authority: Authority,
    settings: HrSettings,
    catalog: Catalog,
}

/// The records as the reports read them.
struct Read {
    loaded: Loaded,
    verification: Verification,
    people: Vec<Learner>,
}

impl Read {
    fn records(&self) -> Records<'_> {
        Records {
            learners: &self.people,
            attempts: &self.loaded.attempts,
            verification: &self.verification,
        }
    }
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let authority = Authority::create(dir.path(), "BKPSDM Kab. Mesuji", Utc::now()).unwrap();
        let settings = HrSettings {
            instansi: "Pemerintah Kabupaten Mesuji".into(),
            signer_name: "Drs. Ahmad Yani, M.Si.".into(),
            signer_title: "Kepala BKPSDM Kabupaten Mesuji".into(),
            signer_nip: Some("197001011990031005".into()),
            organiser: Some("BKPSDM Kabupaten Mesuji".into()),
            ..HrSettings::default()
        }
        .validated(Utc::now().date_naive())
        .unwrap();
        settings.save(dir.path()).unwrap();
        Desk {
            dir,
            store,
            authority,
            settings,
            catalog: content::load_embedded().unwrap(),
        }
    }

    fn read(&self) -> Read {
        let loaded = self.store.read();
        let verification = verify_loaded(&loaded);
        let people = people(&loaded, &verification);
        Read {
            loaded,
            verification,
            people,
        }
    }
}

fn render_first_page(bytes: Vec<u8>) -> (u32, u32, Vec<u8>) {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    let pdf = Pdf::new(Arc::new(bytes)).unwrap();
    let page = pdf.pages().iter().next().unwrap();
    let pixmap = hayro::render(
        page,
        &InterpreterSettings::default(),
        &hayro::RenderSettings {
            x_scale: 3.0,
            y_scale: 3.0,
            bg_color: WHITE,
            ..Default::default()
        },
    );
    let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    // RGBA (premultiplied, on white: opaque) to grey.
    let grey = pixmap
        .data_as_u8_slice()
        .chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 30 + u32::from(p[1]) * 59 + u32::from(p[2]) * 11) / 100) as u8)
        .collect();
    (width, height, grey)
}

fn decode_qr(width: u32, height: u32, grey: &[u8]) -> String {
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width as usize, height as usize, |x, y| {
            grey[y * width as usize + x]
        });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the page");
    grids[0].decode().unwrap().1
}

fn page_text(path: &Path) -> String {
    let document = lopdf::Document::load(path).unwrap();
    document.extract_text(&[1]).unwrap()
}

#[test]
fn a_certificate_pdf_reads_back_and_its_qr_verifies_offline() {
    let desk = Desk::new();
    let siti = made::learner(&desk.store, "Siti Aminah Nasution", SITI);
    made::take_exam(&desk.store, &siti, 3, false);
    let pass = made::take_exam(&desk.store, &siti, 4, true);
    made::take_exam(&desk.store, &siti, 5, true);
    let read = desk.read();
    let issuer = Issuer::new(read.records(), &desk.catalog, &desk.authority);
    let made = issuer
        .for_learner(siti.id, "asn", "Bagian Umum dan Kepegawaian")
        .unwrap();
    // The first valid pass is the one certified.
    assert_eq!(made.attempt, pass.id);
    assert_eq!(made.jp, 2);
    assert_eq!(made.score, pass.score.percent());
    assert_eq!(made.file_name(), format!("sertifikat-{SITI}-asn.pdf"));
    // The same pass always gives the same certificate number and code.
    let again = Issuer::new(read.records(), &desk.catalog, &desk.authority)
        .for_learner(siti.id, "asn", "x")
        .unwrap();
    assert_eq!((&again.number, &again.code), (&made.number, &made.code));

    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("siti.pdf");
    certificate::write_one(&made, &desk.settings, Lang::Id, &path).unwrap();

    let text = page_text(&path);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "SERTIFIKAT",
        "Siti Aminah Nasution",
        SITI,
        "Bagian Umum dan Kepegawaian",
        desk.catalog.module("asn").unwrap().title.id.as_str(),
        made.number.as_str(),
        made.code.as_str(),
        "Drs. Ahmad Yani, M.Si.",
        "2 JP",
    ] {
        assert!(flat.contains(expected), "{expected:?} not in {flat:?}");
    }

    // The QR code, as a phone would see it on the printed page.
    let (width, height, grey) = render_first_page(fs::read(&path).unwrap());
    let scanned = decode_qr(width, height, &grey);
    assert_eq!(scanned, made.payload);
    let PayloadCheck::Genuine(claims) = check_payload(&scanned, &desk.authority.key) else {
        panic!("{scanned}");
    };
    assert_eq!(claims.nip, SITI);
    assert_eq!(claims.code, made.code);
    assert_eq!(claims.jp, 2);
    // The same payload from the file itself.
    assert!(matches!(
        check_pdf(&path, &desk.authority.key).unwrap(),
        PayloadCheck::Genuine(c) if c == claims
    ));

    // Edited, or signed by another HR authority: refused.
    let edited = scanned.replace(
        &format!("score={}", claims.score),
        &format!("score={}", claims.score.saturating_sub(10)),
    );
    assert_ne!(edited, scanned);
    assert!(matches!(
        check_payload(&edited, &desk.authority.key),
        PayloadCheck::Forged(_)
    ));
    let other_dir = tempfile::tempdir().unwrap();
    let other = Authority::create(other_dir.path(), "Lain", Utc::now()).unwrap();
    assert!(matches!(
        check_payload(&scanned, &other.key),
        PayloadCheck::OtherAuthority(_)
    ));
    // Someone edits the name in the file's metadata (the document info's subject, a UTF-16
    // hex string): "Siti" becomes "Sita".
    let bytes = fs::read(&path).unwrap();
    let utf16_hex = |text: &str| -> Vec<u8> {
        text.encode_utf16()
            .map(|unit| format!("{unit:04X}"))
            .collect::<String>()
            .into_bytes()
    };
    let (from, to) = (utf16_hex("Siti"), utf16_hex("Sita"));
    let at = bytes
        .windows(from.len())
        .position(|w| w == from.as_slice())
        .expect("the payload is in the document info");
    let mut bytes = bytes;
    bytes[at..at + to.len()].copy_from_slice(&to);
    let tampered = out.path().join("tampered.pdf");
    fs::write(&tampered, bytes).unwrap();
    let verdict = check_pdf(&tampered, &desk.authority.key);
    assert!(
        matches!(&verdict, Ok(PayloadCheck::Forged(c)) if c.name == "Sita Aminah Nasution"),
        "{verdict:?}"
    );
}

#[test]
fn codes_are_checked_against_valid_voided_edited_and_unknown_records() {
    let desk = Desk::new();
    let siti = made::learner(&desk.store, "Siti Aminah", SITI);
    let budi = made::learner(&desk.store, "Budi Santoso", BUDI);
    let kept = made::take_exam(&desk.store, &siti, 1, true);
    let voided = made::take_exam(&desk.store, &budi, 2, true);
    let practice = made::take(&desk.store, &budi, Mode::Practice, 3, true);
    made::hr_correct(
        &desk.store,
        CorrectionKind::Void { attempt: voided.id },
        "diambil oleh orang lain",
        "Kasubbag Kepegawaian",
    );
    let read = desk.read();
    let records = read.records();
    let key = &desk.authority.key;
    let code_of = |attempt: &Attempt| certificate::code::code(&key.public_key, attempt.id);

    match check_code(
        &code_of(&kept).to_lowercase().replace('-', " "),
        &records,
        key,
    ) {
        CheckOutcome::Valid(holder) => {
            assert_eq!(holder.name, "Siti Aminah");
            assert_eq!(holder.nip.as_deref(), Some(SITI));
            assert_eq!(holder.attempt, kept.id);
        }
        other => panic!("{other:?}"),
    }
    match check_code(&code_of(&voided), &records, key) {
        CheckOutcome::Voided { holder, reason, .. } => {
            assert_eq!(holder.name, "Budi Santoso");
            assert_eq!(reason, "diambil oleh orang lain");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        check_code(&code_of(&practice), &records, key),
        CheckOutcome::NotAPass(_)
    ));
    assert_eq!(
        check_code("ZZZZZ-ZZZZZ", &records, key),
        CheckOutcome::Unknown
    );
    assert_eq!(check_code("halo", &records, key), CheckOutcome::NotACode);
    // Another HR office's code for the same record matches nothing here.
    let other_dir = tempfile::tempdir().unwrap();
    let other = Authority::create(other_dir.path(), "Lain", Utc::now()).unwrap();
    let theirs = certificate::code::code(&other.key.public_key, kept.id);
    assert_eq!(check_code(&theirs, &records, key), CheckOutcome::Unknown);

    // A record edited by hand after it was signed no longer verifies: neither its code nor a
    // new certificate stands.
    let file = desk.dir.path().join(format!("attempts/{}.ron", kept.id));
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("seed: 1,", "seed: 7,", 1)).unwrap();
    let read = desk.read();
    assert_eq!(read.verification.status_of(&kept.id), Status::Edited);
    assert!(matches!(
        check_code(&code_of(&kept), &read.records(), key),
        CheckOutcome::NotVerified {
            status: Status::Edited,
            ..
        }
    ));
    let issuer = Issuer::new(read.records(), &desk.catalog, &desk.authority);
    assert!(matches!(
        issuer.for_attempt(kept.id, "Bagian Umum"),
        Err(HrError::NotVerified {
            status: Status::Edited
        })
    ));
    assert!(matches!(
        issuer.for_learner(siti.id, "asn", "Bagian Umum"),
        Err(HrError::NoPass { .. })
    ));
    assert!(matches!(
        issuer.for_attempt(voided.id, "Bagian Umum"),
        Err(HrError::Voided)
    ));
    assert!(matches!(
        issuer.for_attempt(practice.id, "Bagian Umum"),
        Err(HrError::NotAPass)
    ));
    assert!(matches!(
        issuer.for_learner(budi.id, "asn", "Bagian Umum"),
        Err(HrError::NoPass { .. })
    ));
}

/// `count` learners of one unit, each with a passed exam.
fn unit_of(desk: &Desk, count: usize) -> Vec<(uuid::Uuid, String)> {
    (0..count)
        .map(|n| {
            let nip = format!("1980010120050120{:02}", n + 1);
            let learner = made::learner(&desk.store, &format!("Peserta {n}"), &nip);
            made::take_exam(&desk.store, &learner, n as u64, true);
            (learner.id, learner.unit)
        })
        .collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_batch_into_a_missing_or_read_only_folder_writes_nothing() {
    let desk = Desk::new();
    let members = unit_of(&desk, 2);
    let read = desk.read();
    let issued = Issuer::new(read.records(), &desk.catalog, &desk.authority).for_people(&members);
    assert_eq!(issued.certificates.len(), 2);
    let out = tempfile::tempdir().unwrap();
    let cancel = AtomicBool::new(false);
    let write = |output: &BatchOutput| {
        certificate::write_batch(
            &issued.certificates,
            &desk.settings,
            Lang::En,
            output,
            &mut |_| {},
            &cancel,
        )
    };

    let missing = out.path().join("belum-ada");
    let error = write(&BatchOutput::Folder(missing.clone())).unwrap_err();
    assert!(matches!(error, HrError::FolderMissing { .. }), "{error:?}");
    assert!(error.message(Lang::En).contains("does not exist"));
    assert!(!missing.exists(), "a missing folder is not created");

    // A folder nobody may write into: Unix permissions. Windows ignores the read-only
    // attribute on folders (only an ACL denies writing there), so this part is Unix only.
    #[cfg(unix)]
    {
        let locked = out.path().join("locked");
        fs::create_dir(&locked).unwrap();
        let mut permissions = fs::metadata(&locked).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&locked, permissions.clone()).unwrap();
        for output in [
            BatchOutput::Folder(locked.clone()),
            BatchOutput::OnePdf(locked.join("unit.pdf")),
        ] {
            let error = write(&output).unwrap_err();
            assert!(matches!(error, HrError::FolderReadOnly { .. }), "{error:?}");
            assert!(error.message(Lang::Id).contains("Tidak ada yang ditulis"));
        }
        assert!(names_in(&locked).is_empty());
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        fs::set_permissions(&locked, permissions).unwrap();
    }

    // Incomplete settings: refused before anything is made.
    let error = certificate::write_batch(
        &issued.certificates,
        &HrSettings::default(),
        Lang::En,
        &BatchOutput::Folder(out.path().to_path_buf()),
        &mut |_| {},
        &cancel,
    )
    .unwrap_err();
    assert!(matches!(error, HrError::SettingsIncomplete));
    // Only the folder made above (on Unix) is there: nothing was written.
    let made: Vec<String> = if cfg!(unix) {
        vec!["locked".to_owned()]
    } else {
        Vec::new()
    };
    assert_eq!(names_in(out.path()), made);
}

#[test]
fn cancelling_a_batch_leaves_only_whole_files() {
    let desk = Desk::new();
    let members = unit_of(&desk, 5);
    let read = desk.read();
    let issued = Issuer::new(read.records(), &desk.catalog, &desk.authority).for_people(&members);
    assert_eq!(issued.certificates.len(), 5);
    let out = tempfile::tempdir().unwrap();
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    let result = certificate::write_batch(
        &issued.certificates,
        &desk.settings,
        Lang::Id,
        &BatchOutput::Folder(out.path().to_path_buf()),
        &mut |progress| {
            seen.push((progress.done, progress.total));
            if progress.done == 2 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert!(matches!(
        result,
        Err(HrError::Cancelled {
            written: 2,
            total: 5
        })
    ));
    assert_eq!(seen, vec![(1, 5), (2, 5)]);
    let names = names_in(out.path());
    assert_eq!(
        names,
        vec![
            issued.certificates[0].file_name(),
            issued.certificates[1].file_name()
        ]
    );
    for name in &names {
        assert!(matches!(
            check_pdf(&out.path().join(name), &desk.authority.key).unwrap(),
            PayloadCheck::Genuine(_)
        ));
    }

    // One multi-page file: cancelled, nothing; finished, one page per certificate.
    let one = out.path().join("unit.pdf");
    let cancel = AtomicBool::new(false);
    let result = certificate::write_batch(
        &issued.certificates,
        &desk.settings,
        Lang::Id,
        &BatchOutput::OnePdf(one.clone()),
        &mut |progress| cancel.store(progress.done == 3, Ordering::Relaxed),
        &cancel,
    );
    assert!(matches!(result, Err(HrError::Cancelled { written: 0, .. })));
    assert!(!one.exists());
    assert_eq!(names_in(out.path()).len(), 2, "no temporary file is left");
    let cancel = AtomicBool::new(false);
    let report = certificate::write_batch(
        &issued.certificates,
        &desk.settings,
        Lang::Id,
        &BatchOutput::OnePdf(one.clone()),
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    assert_eq!(report.certificates, 5);
    assert_eq!(lopdf::Document::load(&one).unwrap().get_pages().len(), 5);
}

#[test]
fn no_authority_means_no_certificate_and_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let error = certificate::authority(&store).unwrap_err();
    assert!(matches!(error, HrError::NoAuthority));
    assert!(
        error
            .message(Lang::En)
            .contains("latih-asn records authority init")
    );
    assert!(
        error
            .message(Lang::Id)
            .contains("latih-asn records authority init")
    );
}

#[test]
fn jp_counts_each_first_valid_pass_once_in_its_year() {
    let desk = Desk::new();
    let siti = made::learner(&desk.store, "Siti Aminah", SITI);
    let budi = made::learner(&desk.store, "Budi Santoso", BUDI);
    let tamu = made::learner(&desk.store, "Tamu Undangan", "");
    let rina = made::learner(&desk.store, "Rina Marlina", "199001012015012003");
    // Siti: asn twice (counts once) and pilkada: 2 + 2 = 4 JP, two rows.
    let first = made::take_exam(&desk.store, &siti, 1, true);
    made::take_exam(&desk.store, &siti, 2, true);
    made::take_in(&desk.store, &siti, "pilkada", Mode::Practice, 3, false);
    made::take_in(&desk.store, &siti, "pilkada", Mode::Exam, 4, true);
    // Budi: a pass HR voided, and a waiver: 0 JP.
    let voided = made::take_exam(&desk.store, &budi, 5, true);
    made::hr_correct(
        &desk.store,
        CorrectionKind::Void { attempt: voided.id },
        "salah profil",
        "Kasubbag",
    );
    made::hr_correct(
        &desk.store,
        CorrectionKind::Waive {
            learner: budi.id,
            module: "sanksi".into(),
        },
        "dibebaskan PPK",
        "Kasubbag",
    );
    // Rina: failed and practised only: 0 JP. The guest without NIP: 2 JP, not exported.
    made::take_exam(&desk.store, &rina, 6, false);
    made::take(&desk.store, &rina, Mode::Practice, 7, true);
    made::take_exam(&desk.store, &tamu, 8, true);

    let read = desk.read();
    let records = read.records();
    let year = certificate::day_of(first.finished).year();
    let totals: Vec<(String, u32, u32)> =
        jp_per_person(&records, &desk.catalog, &desk.settings, year)
            .into_iter()
            .map(|p| (p.name, p.jp, p.target))
            .collect();
    assert_eq!(
        totals,
        vec![
            ("Budi Santoso".to_owned(), 0, 20),
            ("Rina Marlina".to_owned(), 0, 20),
            ("Siti Aminah".to_owned(), 4, 20),
            ("Tamu Undangan".to_owned(), 2, 20),
        ]
    );
    assert!(
        jp_per_person(&records, &desk.catalog, &desk.settings, year - 1)
            .iter()
            .all(|p| p.jp == 0)
    );

    let rows = jp_rows(&records, &desk.catalog, &desk.settings, year, Lang::Id);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r.nip == SITI && r.jp == 2));
    assert!(rows.iter().all(|r| r.kind == "E-Learning"));
    assert!(
        rows.iter()
            .all(|r| r.organiser == "BKPSDM Kabupaten Mesuji")
    );
    // The row's certificate number is the certificate's.
    let issuer = Issuer::new(read.records(), &desk.catalog, &desk.authority);
    let asn = issuer.for_learner(siti.id, "asn", "Bagian Umum").unwrap();
    let row = rows
        .iter()
        .find(|r| r.training == desk.catalog.module("asn").unwrap().title.id)
        .unwrap();
    assert_eq!(row.number, asn.number);
    assert_eq!(row.end, asn.passed);
    assert!(rows.iter().all(|r| r.start <= r.end));
    assert!(jp_rows(&records, &desk.catalog, &desk.settings, year - 1, Lang::Id).is_empty());

    // As CSV: BOM, `;`, the NIP kept whole, the numbers as computed.
    let out = tempfile::tempdir().unwrap();
    let csv_path = out.path().join("jp.csv");
    write_jp(&csv_path, &rows, JpFormat::Csv, Lang::Id).unwrap();
    let bytes = fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("NIP;Nama;Jenis;Nama pelatihan;Penyelenggara;"));
    assert!(lines[1].starts_with(&format!("\"=\"\"{SITI}\"\"\";Siti Aminah;E-Learning;")));
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(&format!(";2;{}", asn.number)))
    );

    // As Excel: the NIP a text cell, JP a number.
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let xlsx_path = out.path().join("jp.xlsx");
    write_jp(&xlsx_path, &rows, JpFormat::Xlsx, Lang::En).unwrap();
    let mut workbook: Xlsx<_> = open_workbook(&xlsx_path).unwrap();
    let sheet = workbook.worksheet_range("JP").unwrap();
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("NIP".into())));
    assert_eq!(sheet.get((1, 0)), Some(&Data::String(SITI.into())));
    assert_eq!(sheet.get((1, 7)), Some(&Data::Float(2.0)));
    assert_eq!(sheet.height(), 3);
}

fn cli(data: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .args(["--lang", "en"])
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .unwrap()
}

fn said(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn the_command_line_makes_checks_and_reports_with_exit_codes() {
    // No authority on this PC: nothing can be signed, and it says how to fix that.
    let bare = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("siti.pdf");
    let file_arg = file.to_str().unwrap();
    let settings = [
        "certificate",
        "settings",
        "set",
        "--instansi",
        "Pemerintah Kabupaten Mesuji",
        "--signer-name",
        "Drs. Ahmad Yani",
        "--signer-title",
        "Kepala BKPSDM",
    ];
    assert!(cli(bare.path(), &settings).status.success());
    let refused = cli(
        bare.path(),
        &[
            "certificate",
            "make",
            "--nip",
            SITI,
            "--module",
            "asn",
            "--out",
            file_arg,
        ],
    );
    assert_eq!(refused.status.code(), Some(2), "{}", said(&refused));
    assert!(said(&refused).contains("latih-asn records authority init"));
    assert!(!file.exists());

    let desk = Desk::new();
    let data = desk.dir.path();
    let siti = made::learner(&desk.store, "Siti Aminah", SITI);
    let pass = made::take_exam(&desk.store, &siti, 1, true);

    let bad = cli(
        data,
        &["certificate", "settings", "set", "--signer-nip", "12345"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(said(&bad).contains("Signer's NIP"), "{}", said(&bad));
    let set = cli(
        data,
        &["certificate", "settings", "set", "--jp-target", "24"],
    );
    assert!(set.status.success(), "{}", said(&set));
    let show = cli(data, &["certificate", "settings", "show"]);
    assert!(show.status.success());
    assert!(
        said(&show).contains("JP target per year\t24"),
        "{}",
        said(&show)
    );
    assert!(
        said(&show).contains("Drs. Ahmad Yani, M.Si."),
        "unchanged fields stay"
    );

    let made = cli(
        data,
        &[
            "certificate",
            "make",
            "--nip",
            SITI,
            "--module",
            "asn",
            "--out",
            file_arg,
        ],
    );
    assert!(made.status.success(), "{}", said(&made));
    let code = certificate::code::code(&desk.authority.key.public_key, pass.id);
    assert!(said(&made).contains(&code));
    let checked = cli(data, &["certificate", "check", file_arg]);
    assert!(checked.status.success(), "{}", said(&checked));
    assert!(said(&checked).contains("genuine"));
    assert!(said(&checked).contains("Siti Aminah"));
    let checked = cli(data, &["certificate", "check", &code]);
    assert!(checked.status.success(), "{}", said(&checked));
    let unknown = cli(data, &["certificate", "check", "ZZZZZ-ZZZZZ"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(said(&unknown).contains("matches no record"));
    let no_pass = cli(
        data,
        &[
            "certificate",
            "make",
            "--nip",
            SITI,
            "--module",
            "sanksi",
            "--out",
            file_arg,
        ],
    );
    assert_eq!(no_pass.status.code(), Some(1), "{}", said(&no_pass));

    let folder = out.path().join("unit");
    fs::create_dir(&folder).unwrap();
    let unit = cli(
        data,
        &[
            "certificate",
            "make",
            "--unit",
            "bagian umum",
            "--out",
            folder.to_str().unwrap(),
        ],
    );
    assert!(unit.status.success(), "{}", said(&unit));
    assert_eq!(
        names_in(&folder),
        vec![format!("sertifikat-{SITI}-asn.pdf")]
    );
    let nobody = cli(
        data,
        &[
            "certificate",
            "make",
            "--unit",
            "Dinas Lain",
            "--out",
            folder.to_str().unwrap(),
        ],
    );
    assert_eq!(nobody.status.code(), Some(1));

    let year = certificate::day_of(pass.finished).year().to_string();
    let csv = out.path().join("jp.csv");
    let jp = cli(
        data,
        &[
            "certificate",
            "jp",
            "--year",
            &year,
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(jp.status.success(), "{}", said(&jp));
    assert!(said(&jp).contains("1 row (2 JP)"), "{}", said(&jp));
    assert!(fs::read_to_string(&csv).unwrap().contains(SITI));
    let wrong = cli(
        data,
        &["certificate", "jp", "--year", &year, "--out", "jp.txt"],
    );
    assert_eq!(wrong.status.code(), Some(2));

    made::hr_correct(
        &desk.store,
        CorrectionKind::Void { attempt: pass.id },
        "salah profil",
        "Kasubbag",
    );
    let voided = cli(data, &["certificate", "check", file_arg]);
    assert_eq!(voided.status.code(), Some(1));
    assert!(said(&voided).contains("VOIDED"), "{}", said(&voided));
}
