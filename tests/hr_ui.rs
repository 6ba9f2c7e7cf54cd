//! HR's area clicked through in the simulator: the admin PIN, importing a learner PC's records,
//! approving that PC after comparing its fingerprint, completion by unit with drill-down and
//! filters, the CSV that carries the screen's numbers, and voiding an edited record.

#[path = "harness/fake_lrs.rs"]
mod fake_lrs;
#[path = "harness/app.rs"]
mod harness;
#[path = "harness/records.rs"]
mod made;

use std::path::{Path, PathBuf};
use std::process::Command;

use harness::{assert_shows, click, open, send, shows, shows_containing, type_into};
use latih_asn::app::{App, Message, Screen};
use latih_asn::hr::completion::{Filter, Standing};
use latih_asn::lang::Lang;
use latih_asn::quiz::Mode;
use latih_asn::records::Store;
use latih_asn::screen::hr::completion::{self as completion_screen, Which};
use latih_asn::screen::hr::{self as hr_screen, review};
use latih_asn::screen::pin;

const SITI: &str = "198001012005012001";
const BUDI: &str = "198502022010011002";
const PIN: &str = "246810";

fn run(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .unwrap()
}

fn cli(data: &Path, args: &[&str]) {
    let out = run(data, args);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A learner PC where Siti passed the exam and Budi only practised; its bundle.
fn desk_bundle(out: &Path) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let siti = made::learner(&store, "Siti Aminah", SITI);
    made::take_exam(&store, &siti, 1, true);
    let budi = made::learner(&store, "Budi Santoso", BUDI);
    made::take(&store, &budi, Mode::Practice, 2, false);
    let bundle = out.join("meja-1.bundle.ron");
    cli(
        dir.path(),
        &[
            "records",
            "export",
            "--format",
            "bundle",
            "--out",
            bundle.to_str().unwrap(),
        ],
    );
    let fingerprint = store.identity().unwrap().fingerprint();
    (dir, bundle, fingerprint)
}

fn hr_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    cli(
        dir.path(),
        &[
            "records",
            "authority",
            "init",
            "--name",
            "BKPSDM Kab. Mesuji",
        ],
    );
    dir
}

fn enter_with_new_pin(app: &mut App) {
    open_hr(app);
    assert_shows(app, "Buat PIN admin");
    type_into(app, pin::PIN_FIELD, PIN);
    type_into(app, pin::AGAIN_FIELD, "246811");
    click(app, "Lanjut");
    assert_shows(app, "Kedua PIN tidak sama. Ketik ulang keduanya.");
    type_into(app, pin::PIN_FIELD, PIN);
    type_into(app, pin::AGAIN_FIELD, PIN);
    click(app, "Lanjut");
    assert_shows(app, "Meja SDM");
}

fn desk(app: &App) -> &hr_screen::Desk {
    match app.screen() {
        Screen::Hr(desk) => desk,
        _ => panic!("not in the HR area"),
    }
}

#[test]
fn hr_imports_approves_a_pc_and_drills_down_from_unit_to_attempt() {
    let out = tempfile::tempdir().unwrap();
    let (_desk, bundle, fingerprint) = desk_bundle(out.path());
    let hr = hr_dir();
    let mut app = open(hr.path(), Lang::Id);
    enter_with_new_pin(&mut app);
    // The PIN is stored as an Argon2id hash, never as the digits.
    let stored = std::fs::read_to_string(hr.path().join("admin/pin.ron")).unwrap();
    assert!(stored.contains("$argon2id$") && !stored.contains(PIN));

    type_into(&mut app, hr_screen::IMPORT_PATH, bundle.to_str().unwrap());
    click(&mut app, "Impor dari jalur ini");
    // Held: the PC is not approved, so nobody counts yet.
    assert!(shows_containing(&app, "ditahan"));
    assert_shows(&app, "Perlu ditinjau (1)");
    click(&mut app, "Perlu ditinjau (1)");
    assert!(shows_containing(&app, &fingerprint));
    click(&mut app, "Putuskan…");
    // A wrong fingerprint is refused, and nothing is approved.
    type_into(&mut app, review::DETAIL, "0000 0000 0000 0000");
    type_into(&mut app, review::BY, "Kasubbag Kepegawaian");
    type_into(&mut app, review::PIN, PIN);
    click(&mut app, "Setujui PC ini");
    assert!(shows_containing(&app, "tidak ada yang disetujui"));
    assert_shows(&app, "Perlu ditinjau (1)");
    // The right one, but a wrong PIN: refused too.
    send(
        &mut app,
        Message::Hr(hr_screen::Message::Review(review::Message::DetailChanged(
            fingerprint.clone(),
        ))),
    );
    type_into(&mut app, review::PIN, "999999");
    click(&mut app, "Setujui PC ini");
    assert_shows(&app, "PIN salah.");
    type_into(&mut app, review::PIN, PIN);
    click(&mut app, "Setujui PC ini");
    assert!(shows_containing(&app, "disetujui"));
    assert_shows(&app, "Perlu ditinjau (0)");
    assert_shows(&app, "Tidak ada yang perlu ditinjau.");

    click(&mut app, "Penyelesaian");
    let tally = &desk(&app).completion.tally;
    let unit = &tally.units[0];
    assert_eq!(unit.unit, "Bagian Umum");
    assert_eq!(unit.people, 2);
    let asn = unit.modules["asn"];
    assert_eq!(asn.get(Standing::Passed), 1);
    assert_eq!(asn.get(Standing::InProgress), 1);
    assert_eq!(unit.modules["pilkada"].get(Standing::NotStarted), 2);
    // Unit → people → attempts.
    click(&mut app, "Bagian Umum");
    assert_shows(&app, "‹ Semua unit");
    click(&mut app, "Siti Aminah");
    assert_shows(&app, "Semua percobaan");
    assert_shows(&app, "sah");
    click(&mut app, "‹ Kembali");
    // Search narrows the people; the module filter narrows the counts.
    type_into(&mut app, completion_screen::SEARCH, "budi");
    assert_eq!(desk(&app).completion.tally.people.len(), 1);
    assert!(shows(&app, "Budi Santoso") && !shows(&app, "Siti Aminah"));
}

#[test]
fn the_completion_csv_carries_the_filters_and_numbers_of_the_screen() {
    let out = tempfile::tempdir().unwrap();
    let (_desk, bundle, fingerprint) = desk_bundle(out.path());
    let hr = hr_dir();
    // Held until approved: the import says so with exit 1.
    let held = run(hr.path(), &["records", "import", bundle.to_str().unwrap()]);
    assert_eq!(held.status.code(), Some(1));
    let store = Store::open(hr.path()).unwrap();
    let device = store.read().seen.keys().next().copied().unwrap();
    cli(
        hr.path(),
        &[
            "records",
            "devices",
            "approve",
            &device.to_string(),
            "--fingerprint",
            &fingerprint,
            "--by",
            "Kasubbag",
        ],
    );
    let mut app = open(hr.path(), Lang::Id);
    enter_with_new_pin(&mut app);
    send(
        &mut app,
        Message::Hr(hr_screen::Message::Completion(
            completion_screen::Message::ModulePicked(Some("asn".into())),
        )),
    );
    type_into(&mut app, completion_screen::SEARCH, "siti");
    let csv = out.path().join("unit.csv");
    send(
        &mut app,
        Message::Hr(hr_screen::Message::Completion(
            completion_screen::Message::ExportTo(Which::Units, Some(csv.clone())),
        )),
    );
    assert!(shows_containing(&app, "Ditulis: "));
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<Vec<&str>> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(';').collect())
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    // Unit; module; people; passed; %; learning; not started; review; from; to; search
    assert_eq!(
        rows[1],
        [
            "Bagian Umum",
            "asn",
            "1",
            "1",
            "100",
            "0",
            "0",
            "0",
            "",
            "",
            "siti"
        ]
    );
    let tally = desk(&app).completion.tally.clone();
    assert_eq!(tally.totals["asn"].get(Standing::Passed), 1);
    assert_eq!(
        desk(&app).completion.filter,
        Filter {
            module: Some("asn".into()),
            search: "siti".into(),
            ..Filter::default()
        }
    );
    let people = out.path().join("people.csv");
    send(
        &mut app,
        Message::Hr(hr_screen::Message::Completion(
            completion_screen::Message::ExportTo(Which::People, Some(people.clone())),
        )),
    );
    let text = std::fs::read_to_string(&people).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].contains(&format!("=\"\"{SITI}\"\"")) || lines[1].contains(SITI));
    assert!(
        lines[1].contains(";Siti Aminah;asn;Lulus;100;"),
        "{}",
        lines[1]
    );
}

#[test]
fn an_edited_record_is_voided_from_the_review_list_with_the_pin_asked_again() {
    let hr = hr_dir();
    let store = Store::open(hr.path()).unwrap();
    let siti = made::learner(&store, "Siti Aminah", SITI);
    let attempt = made::take_exam(&store, &siti, 1, false);
    let file = std::fs::read_dir(hr.path().join("attempts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(&attempt.id.to_string()))
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("passed: false", "passed: true")).unwrap();

    let mut app = open(hr.path(), Lang::Id);
    enter_with_new_pin(&mut app);
    click(&mut app, "Perlu ditinjau (1)");
    assert!(shows_containing(&app, "diubah setelah ditulis"));
    click(&mut app, "Putuskan…");
    type_into(&mut app, review::DETAIL, "Nilai diubah dengan tangan");
    type_into(&mut app, review::BY, "Kasubbag Kepegawaian");
    type_into(&mut app, review::PIN, PIN);
    click(&mut app, "Batalkan percobaan");
    assert!(shows_containing(&app, "Koreksi disimpan"));
    assert_shows(&app, "Perlu ditinjau (0)");
    let verification = latih_asn::records::verify_loaded(&store.read());
    assert!(verification.voided().contains(&attempt.id));
}

#[test]
fn a_wrong_pin_keeps_hr_out_and_the_wait_grows() {
    let hr = hr_dir();
    let mut app = open(hr.path(), Lang::Id);
    enter_with_new_pin(&mut app);
    click(&mut app, "Keluar dari area SDM");
    assert!(!shows(&app, "Meja SDM"));
    open_hr(&mut app);
    assert_shows(&app, "PIN admin");
    for _ in 0..2 {
        type_into(&mut app, pin::PIN_FIELD, "000000");
        click(&mut app, "Lanjut");
        assert_shows(&app, "PIN salah.");
    }
    type_into(&mut app, pin::PIN_FIELD, "000000");
    click(&mut app, "Lanjut");
    assert_shows(&app, "PIN salah terlalu sering. Coba lagi dalam 5 detik.");
    // Even the right PIN waits now, and a restart does not reset the count.
    let mut app = open(hr.path(), Lang::Id);
    open_hr(&mut app);
    type_into(&mut app, pin::PIN_FIELD, PIN);
    click(&mut app, "Lanjut");
    assert!(shows_containing(&app, "Coba lagi dalam"));
    assert!(!shows(&app, "Meja SDM"));
}

#[test]
fn a_forgotten_pin_is_reset_from_the_command_line_and_journalled() {
    let hr = hr_dir();
    latih_asn::hr::pin::set(hr.path(), PIN, PIN).unwrap();
    cli(
        hr.path(),
        &["admin", "reset-pin", "--by", "Kasubbag Kepegawaian"],
    );
    assert!(!hr.path().join("admin/pin.ron").exists());
    let journal: String = std::fs::read_dir(hr.path().join("journal"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(journal.contains("PinReset"), "{journal}");
    assert!(journal.contains("Kasubbag Kepegawaian"));
    let mut app = open(hr.path(), Lang::Id);
    open_hr(&mut app);
    assert_shows(&app, "Buat PIN admin");
}

#[test]
fn hr_changes_the_pin_after_giving_the_current_one() {
    let hr = hr_dir();
    let mut app = open(hr.path(), Lang::Id);
    enter_with_new_pin(&mut app);
    click(&mut app, "Pengaturan SDM");
    type_into(&mut app, hr_screen::settings::CURRENT, "111111");
    type_into(&mut app, hr_screen::settings::NEW, "13579135");
    type_into(&mut app, hr_screen::settings::AGAIN, "13579135");
    click(&mut app, "Ganti PIN");
    assert_shows(&app, "PIN salah.");
    type_into(&mut app, hr_screen::settings::CURRENT, PIN);
    type_into(&mut app, hr_screen::settings::NEW, "13579135");
    type_into(&mut app, hr_screen::settings::AGAIN, "13579135");
    click(&mut app, "Ganti PIN");
    assert_shows(&app, "PIN admin diganti.");
    let now = chrono::Utc::now();
    assert_eq!(
        latih_asn::hr::pin::unlock(hr.path(), "13579135", now),
        Ok(())
    );
}

#[test]
fn hr_imports_the_roster_with_bad_rows_shown_and_units_come_from_it() {
    let hr = hr_dir();
    let store = Store::open(hr.path()).unwrap();
    // Siti's own PC says "Bagian Umum"; the roster says where she really works. Budi is not on
    // the roster at all.
    let siti = made::learner(&store, "Siti Aminah", SITI);
    made::take_exam(&store, &siti, 1, true);
    made::learner(&store, "Budi Santoso", BUDI);
    let file = hr.path().join("pegawai.csv");
    std::fs::write(
        &file,
        format!(
            "NIP;Nama;Unit Kerja;Jabatan\n{SITI};Siti Aminah;Sekretariat Daerah;Analis\n12345;Tono;Dinas Sosial;Staf\n198303032008012003;;Dinas Sosial;Staf\n198404042009022004;Rina Wati;Dinas Sosial;Staf\n"
        ),
    )
    .unwrap();
    let mut app = open(hr.path(), Lang::Id);
    enter_with_new_pin(&mut app);
    click(&mut app, "Daftar pegawai");
    assert_shows(
        &app,
        "Belum ada daftar pegawai. Tanpa daftar, unit kerja diambil dari profil peserta.",
    );
    type_into(&mut app, hr_screen::roster::PATH, file.to_str().unwrap());
    click(&mut app, "Pratinjau");
    // Every bad row with its line and reason; nothing saved yet.
    assert!(shows_containing(&app, "Baris 3 (NIP 12345)"));
    assert!(shows_containing(
        &app,
        "Baris 4 (NIP 198303032008012003): nama kosong"
    ));
    assert!(shows_containing(&app, "Ditambah: 2"));
    assert!(!latih_asn::hr::roster::Roster::path(hr.path()).exists());
    click(&mut app, "Terapkan");
    assert!(shows_containing(&app, "2 pegawai di 2 unit kerja"));
    let saved = latih_asn::hr::roster::Roster::load(hr.path()).unwrap();
    assert_eq!(saved.employees().len(), 2);
    assert_eq!(saved.history().len(), 1);

    click(&mut app, "Penyelesaian");
    let tally = &desk(&app).completion.tally;
    let units: Vec<&str> = tally.units.iter().map(|u| u.unit.as_str()).collect();
    // Rina has never opened the app: she counts as not started in her unit. Budi has records
    // but is not on the roster: his own group, last.
    assert_eq!(units, ["Dinas Sosial", "Sekretariat Daerah", ""]);
    assert_eq!(tally.units[0].modules["asn"].get(Standing::NotStarted), 1);
    assert_eq!(tally.units[1].modules["asn"].get(Standing::Passed), 1);
    assert_shows(&app, "Di luar daftar pegawai");
}

#[test]
fn hr_sends_the_valid_records_to_an_lrs_once_and_a_refusal_is_shown() {
    let hr = hr_dir();
    let store = Store::open(hr.path()).unwrap();
    let siti = made::learner(&store, "Siti Aminah", SITI);
    let passed = made::take_exam(&store, &siti, 1, true);
    made::take_exam(&store, &siti, 2, false);
    let fake = fake_lrs::FakeLrs::honest();
    let mut app = open(hr.path(), Lang::Id);
    enter_with_new_pin(&mut app);
    click(&mut app, "Pengaturan SDM");
    type_into(&mut app, hr_screen::settings::LRS_ENDPOINT, "bukan alamat");
    type_into(&mut app, hr_screen::settings::LRS_USER, "bkd");
    type_into(&mut app, hr_screen::settings::LRS_KEY, "rahasia");
    click(&mut app, "Simpan pengaturan LRS");
    assert!(shows_containing(&app, "bukan alamat web"));
    assert!(!hr.path().join("lrs/config.ron").exists());
    endpoint(&mut app, &fake.endpoint);
    click(&mut app, "Simpan pengaturan LRS");
    assert_shows(&app, "Pengaturan LRS disimpan.");
    // The key is saved but never shown again.
    assert!(!shows_containing(&app, "rahasia"));
    click(&mut app, "Kirim catatan sekarang");
    assert_shows(&app, "Semua catatan yang sah sudah ada di LRS.");
    let stored = fake.stored_ids();
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(stored.contains(&passed.id.to_string()));
    // A second push sends nothing again.
    click(&mut app, "Kirim catatan sekarang");
    assert!(shows_containing(
        &app,
        "Terkirim: 0; sudah terkirim sebelumnya: 2"
    ));
    assert_eq!(fake.posted_ids().len(), 2);

    // An LRS that refuses the key: the push stops at once and says so, nothing marked sent.
    let locked = fake_lrs::FakeLrs::start(|_, _| {
        fake_lrs::Reply::Status(401, vec![], "bad credentials".into())
    });
    endpoint(&mut app, &locked.endpoint);
    click(&mut app, "Kirim catatan sekarang");
    assert!(shows_containing(&app, "LRS menolak pengguna atau kunci"));
    assert!(shows_containing(&app, "Belum semua catatan ada di LRS"));
}

/// Replaces what the endpoint field holds (typing appends).
fn endpoint(app: &mut App, url: &str) {
    send(
        app,
        Message::Hr(hr_screen::Message::Settings(
            hr_screen::settings::Message::EndpointChanged(url.to_owned()),
        )),
    );
}

#[test]
fn hr_sets_the_issuer_makes_certificates_checks_them_and_counts_jp() {
    use hr_screen::certificates;
    use hr_screen::settings::Field;
    let hr = hr_dir();
    let store = Store::open(hr.path()).unwrap();
    let siti = made::learner(&store, "Siti Aminah", SITI);
    let passed = made::take_exam(&store, &siti, 1, true);
    let out = tempfile::tempdir().unwrap();
    let mut app = open(hr.path(), Lang::Id);
    enter_with_new_pin(&mut app);

    // Without an issuer a certificate cannot be saved, and says why.
    click(&mut app, "Sertifikat & JP");
    click(&mut app, "Semua pegawai");
    assert_shows(&app, "1 sertifikat.");
    let cert = |m| Message::Hr(hr_screen::Message::Certificates(m));
    let one = out.path().join("siti.pdf");
    send(
        &mut app,
        cert(certificates::Message::SaveOneTo(0, Some(one.clone()))),
    );
    assert!(!one.exists());

    click(&mut app, "Pengaturan SDM");
    for (field, value) in [
        (Field::Instansi, "Pemerintah Kabupaten Mesuji"),
        (Field::SignerName, "Drs. H. Ahmad Fauzi, M.Si."),
        (Field::SignerTitle, "Kepala BKPSDM"),
    ] {
        type_into(&mut app, field.id(), value);
    }
    click(&mut app, "Simpan penerbit");
    assert_shows(&app, "Pengaturan penerbit sertifikat disimpan.");

    click(&mut app, "Sertifikat & JP");
    click(&mut app, "Semua pegawai");
    send(
        &mut app,
        cert(certificates::Message::SaveOneTo(0, Some(one.clone()))),
    );
    assert!(shows_containing(&app, "Ditulis: "));
    assert!(std::fs::read(&one).unwrap().starts_with(b"%PDF"));
    // The PDF opened again is checked offline: its signature, then its code against the records.
    send(
        &mut app,
        cert(certificates::Message::PdfPicked(Some(one.clone()))),
    );
    assert!(shows_containing(&app, "Tanda tangan di sertifikat ini sah"));
    let authority = store.authority().unwrap().unwrap();
    let code = latih_asn::hr::certificate::code::code(&authority.key.public_key, passed.id);
    assert!(shows_containing(&app, &format!("Kode {code} sah")));
    type_into(&mut app, certificates::CODE, "ABCDE-12345");
    click(&mut app, "Cek");
    assert!(shows_containing(
        &app,
        "tidak cocok dengan catatan mana pun"
    ));

    // A whole unit into a folder; a read-only folder writes nothing.
    let folder = out.path().join("unit");
    std::fs::create_dir(&folder).unwrap();
    send(
        &mut app,
        cert(certificates::Message::SaveAllTo(
            false,
            Some(folder.clone()),
        )),
    );
    assert!(shows_containing(
        &app,
        "1 sertifikat disimpan dalam 1 berkas"
    ));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = out.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        send(
            &mut app,
            cert(certificates::Message::SaveAllTo(
                false,
                Some(locked.clone()),
            )),
        );
        assert!(!shows_containing(
            &app,
            "1 sertifikat disimpan dalam 1 berkas"
        ));
        assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 0);
    }

    // JP this year against the default target of 20: the asn module gives 2.
    click(&mut app, "Hitung JP");
    assert!(shows_containing(
        &app,
        "0 dari 1 pegawai sudah mencapai target 20 JP"
    ));
    assert!(shows_containing(&app, "2 / 20 JP"));
    let jp = out.path().join("jp.csv");
    send(
        &mut app,
        cert(certificates::Message::JpExportTo(Some(jp.clone()))),
    );
    let text = std::fs::read_to_string(&jp).unwrap();
    assert!(text.contains("Siti Aminah"), "{text}");
    assert!(text.contains(";2;"), "{text}");
}

/// Settings → HR area, as HR gets there.
fn open_hr(app: &mut App) {
    if !shows(app, "Area SDM (admin)…") {
        click(app, "Pengaturan");
    }
    click(app, "Area SDM (admin)…");
}

#[test]
fn every_hr_tab_reflows_at_200_percent_in_both_languages() {
    for (lang, tabs) in [
        (
            Lang::Id,
            [
                "Penyelesaian",
                "Perlu ditinjau (0)",
                "Daftar pegawai",
                "Sertifikat & JP",
                "Pengaturan SDM",
            ],
        ),
        (
            Lang::En,
            [
                "Completion",
                "To review (0)",
                "Roster",
                "Certificates & JP",
                "HR settings",
            ],
        ),
    ] {
        let hr = hr_dir();
        let store = Store::open(hr.path()).unwrap();
        let siti = made::learner(
            &store,
            "Raden Ayu Siti Aminah Kusumawardhani, S.E., M.Si.",
            SITI,
        );
        made::take_exam(&store, &siti, 1, true);
        latih_asn::hr::pin::set(hr.path(), PIN, PIN).unwrap();
        let mut app = open(hr.path(), lang);
        let (settings, area, next) = match lang {
            Lang::Id => ("Pengaturan", "Area SDM (admin)…", "Lanjut"),
            Lang::En => ("Settings", "HR area (admin)…", "Continue"),
        };
        click(&mut app, settings);
        click(&mut app, area);
        type_into(&mut app, pin::PIN_FIELD, PIN);
        click(&mut app, next);
        for tab in tabs {
            click(&mut app, tab);
            // A 1366×768 screen at 200% text is 683×384 logical pixels.
            if let Some(overflow) = harness::text_overflowing(&app, 683.0, 384.0) {
                panic!("{tab} at 200%: {overflow}");
            }
        }
    }
}
