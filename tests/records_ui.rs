//! Records between PCs: a desk PC saves a bundle from Settings (in plain words, with no
//! exports meant for HR), the HR PC imports it in HR's area (twice: nothing is added the second
//! time) and exports CSV and xAPI there, and a damaged file is refused.

#[path = "harness/app.rs"]
mod harness;

use std::fs;

use harness::{assert_shows, click, open, send, shows_containing, type_into};
use latih_asn::app::{App, Message};
use latih_asn::lang::Lang;
use latih_asn::quiz::Mode;
use latih_asn::screen::{hr as hr_screen, learn::profile, learn::quiz, pin, settings};

fn desk_with_an_exam(dir: &std::path::Path) -> App {
    let mut app = open(dir, Lang::Id);
    type_into(&mut app, profile::NAME_INPUT, "Siti Aminah");
    type_into(&mut app, profile::NIP_INPUT, "198001012005012001");
    type_into(&mut app, profile::UNIT_INPUT, "Bagian Umum");
    type_into(&mut app, profile::INSTANSI_INPUT, "Pemkab Mesuji");
    click(&mut app, "Simpan profil");
    app.start_quiz_with_seed("asn", Mode::Exam, 5);
    for _ in 0..10 {
        send(&mut app, Message::Quiz(quiz::Message::OptionPressed(0)));
        send(&mut app, Message::Quiz(quiz::Message::ConfirmPressed));
    }
    app
}

/// Into HR's area, setting the admin PIN on first entry.
fn enter_hr(app: &mut App) {
    send(app, Message::SettingsPressed);
    click(app, "Area SDM (admin)…");
    if harness::shows(app, "Buat PIN admin") {
        type_into(app, pin::AGAIN_FIELD, "246810");
    }
    type_into(app, pin::PIN_FIELD, "246810");
    click(app, "Lanjut");
    assert_shows(app, "Meja SDM");
}

#[test]
fn a_bundle_goes_from_a_desk_to_hr_once() {
    let desk_dir = tempfile::tempdir().unwrap();
    let mut desk = desk_with_an_exam(desk_dir.path());
    assert!(
        desk.attempts()[0].signature.is_some(),
        "the finished attempt is signed"
    );
    click(&mut desk, "Pengaturan");
    // The fingerprint HR compares before approving this PC's records.
    let fingerprint = latih_asn::records::Store::open(desk_dir.path())
        .unwrap()
        .identity()
        .unwrap()
        .fingerprint();
    assert!(shows_containing(&desk, &fingerprint));
    // A learner sees no words for programmers, and no HR tools.
    for hidden in [
        "Ekspor CSV",
        "Ekspor xAPI",
        "Ekspor Excel (.xlsx)",
        "Impor catatan",
    ] {
        assert!(
            !harness::shows(&desk, hidden),
            "{hidden} in a learner's Settings"
        );
    }
    for word in ["bundle", "xAPI", "RON", "--data-dir", "LATIH_ASN_DATA_DIR"] {
        assert!(
            !shows_containing(&desk, word),
            "{word:?} in a learner's Settings"
        );
    }
    click(&mut desk, "Simpan catatan untuk SDM");
    assert!(shows_containing(&desk, "Ditulis: "));
    let exports = desk_dir.path().join("exports");
    let bundle = fs::read_dir(&exports)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(bundle.to_string_lossy().ends_with(".bundle.ron"));
    assert_eq!(fs::read_dir(&exports).unwrap().count(), 1, "the bundle");

    // The HR PC imports the folder (a USB stick), twice, in HR's area.
    let hr_dir = tempfile::tempdir().unwrap();
    let mut hr = open(hr_dir.path(), Lang::Id);
    enter_hr(&mut hr);
    type_into(&mut hr, hr_screen::IMPORT_PATH, exports.to_str().unwrap());
    click(&mut hr, "Impor dari jalur ini");
    assert!(shows_containing(
        &hr,
        "1 percobaan dan 1 peserta ditambahkan, 0 sudah ada, 0 konflik."
    ));
    // Nobody approved that PC here yet: its record is held, and the screen says so.
    assert!(shows_containing(
        &hr,
        "1 percobaan ditahan sampai SDM menyetujui perangkat"
    ));
    click(&mut hr, "Impor dari jalur ini");
    assert!(shows_containing(
        &hr,
        "0 percobaan dan 0 peserta ditambahkan, 1 sudah ada, 0 konflik."
    ));
    // HR's exports: two CSV files and the xAPI statements.
    click(&mut hr, "Ekspor CSV");
    click(&mut hr, "Ekspor xAPI");
    assert!(shows_containing(&hr, "Ditulis: "));
    assert_eq!(
        fs::read_dir(hr_dir.path().join("exports")).unwrap().count(),
        3,
        "two CSV files, xAPI"
    );

    // A damaged bundle is refused and named.
    let damaged = hr_dir.path().join("rusak.bundle.ron");
    let text = fs::read_to_string(&bundle).unwrap();
    fs::write(&damaged, &text[..text.len() / 2]).unwrap();
    let mut hr = open(hr_dir.path(), Lang::Id);
    enter_hr(&mut hr);
    type_into(&mut hr, hr_screen::IMPORT_PATH, damaged.to_str().unwrap());
    click(&mut hr, "Impor dari jalur ini");
    assert!(shows_containing(
        &hr,
        "ditolak, tidak ada yang berubah: berkas rusak atau tidak lengkap"
    ));
    assert_eq!(
        latih_asn::records::Store::open(hr_dir.path())
            .unwrap()
            .load()
            .attempts
            .len(),
        1
    );
    assert_shows(&hr, "Impor dari jalur ini");
}

#[test]
fn exports_go_to_the_folder_chosen_in_the_dialog() {
    let desk_dir = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let mut desk = desk_with_an_exam(desk_dir.path());
    click(&mut desk, "Pengaturan");
    // What the system dialog answers when the user picks the USB stick.
    send(
        &mut desk,
        Message::Settings(settings::Message::ExportFolderPicked(Some(
            usb.path().to_path_buf(),
        ))),
    );
    assert!(shows_containing(&desk, &usb.path().display().to_string()));
    click(&mut desk, "Simpan catatan untuk SDM");
    let written: Vec<_> = fs::read_dir(usb.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].ends_with(".bundle.ron"));
    // The file name carries the date.
    let today = chrono::Utc::now().format("%Y%m%d").to_string();
    assert!(written[0].contains(&today), "{written:?}");
    assert!(!desk_dir.path().join("exports").exists());
}
