//! Importing a content pack from the Settings screen: a good pack appears on the home screen
//! and stays after a restart; a broken one is refused with reasons and changes nothing.

#[path = "harness/files.rs"]
mod files;
use files::copy_dir;

#[path = "harness/app.rs"]
mod harness;

use std::fs;
use std::path::{Path, PathBuf};

use harness::{assert_shows, click, open, shows, shows_containing, type_into};
use latih_asn::lang::Lang;
use latih_asn::screen::{learn::profile, settings};

fn with_profile(dir: &Path) -> latih_asn::app::App {
    let mut app = open(dir, Lang::Id);
    type_into(&mut app, profile::NAME_INPUT, "Siti Aminah");
    click(
        &mut app,
        "Saya tidak memiliki NIP (tenaga honorer atau tamu)",
    );
    type_into(&mut app, profile::UNIT_INPUT, "Bagian Umum");
    type_into(&mut app, profile::INSTANSI_INPUT, "Pemkab Mesuji");
    click(&mut app, "Simpan profil");
    app
}

#[test]
fn a_good_pack_is_installed_from_settings_and_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let source = tempfile::tempdir().unwrap();
    let pack = source.path().join("paket-daerah");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pack-valid"),
        &pack,
    );

    let mut app = with_profile(data.path());
    click(&mut app, "Pengaturan");
    assert_shows(&app, "Belum ada paket konten terpasang.");
    type_into(&mut app, settings::PACK_INPUT, pack.to_str().unwrap());
    click(&mut app, "Impor paket");
    // The fixture is not signed: nothing is installed until the admin confirms.
    assert_shows(
        &app,
        "Paket \"paket-daerah\" lolos pemeriksaan, tetapi bukan dari penerbit tepercaya.",
    );
    assert!(!data.path().join("packs/paket-daerah").exists());
    click(&mut app, "Pasang paket ini");
    assert_shows(
        &app,
        "Paket \"paket-daerah\" terpasang. Modulnya kini ada di Beranda.",
    );
    assert!(shows_containing(
        &app,
        "Paket Lokal: Kewajiban Netralitas (paket paket-daerah)"
    ));
    click(&mut app, "Beranda");
    assert_shows(&app, "10. Paket Lokal: Kewajiban Netralitas");
    assert!(
        data.path()
            .join("packs/paket-daerah/lokal/module.ron")
            .exists()
    );

    drop(app);
    let app = open(data.path(), Lang::Id);
    assert_shows(&app, "10. Paket Lokal: Kewajiban Netralitas");
}

#[test]
fn a_broken_pack_is_refused_with_reasons_and_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let source = tempfile::tempdir().unwrap();
    let pack = source.path().join("paket-rusak");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pack-valid"),
        &pack,
    );
    let questions = pack.join("lokal/questions.ron");
    let text = fs::read_to_string(&questions).unwrap();
    fs::write(&questions, text.replace("correct: [1],", "correct: [7],")).unwrap();

    let mut app = with_profile(data.path());
    click(&mut app, "Pengaturan");
    type_into(&mut app, settings::PACK_INPUT, pack.to_str().unwrap());
    click(&mut app, "Impor paket");
    assert_shows(&app, "Paket ditolak. Tidak ada yang berubah. Alasannya:");
    assert!(shows_containing(
        &app,
        "lokal/questions.ron:15: kunci jawaban soal lokal-q02 tidak sah"
    ));
    assert!(
        fs::read_dir(data.path().join("packs"))
            .unwrap()
            .next()
            .is_none(),
        "nothing was copied"
    );
    click(&mut app, "Beranda");
    assert!(!shows(&app, "10. Paket Lokal: Kewajiban Netralitas"));
}

fn fixture_at(dir: &Path, name: &str) -> PathBuf {
    let pack = dir.join(name);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pack-valid"),
        &pack,
    );
    pack
}

#[test]
fn an_installed_pack_is_listed_switched_off_and_on_and_removed() {
    let data = tempfile::tempdir().unwrap();
    let source = tempfile::tempdir().unwrap();
    let pack = fixture_at(source.path(), "paket-daerah");
    latih_asn::content::install_pack(&pack, &data.path().join("packs"), true).unwrap();

    let mut app = with_profile(data.path());
    assert_shows(&app, "10. Paket Lokal: Kewajiban Netralitas");
    click(&mut app, "Pengaturan");
    // Name, checked date, state and signer.
    let today = chrono::Local::now().format("%d-%m-%Y").to_string();
    assert!(shows_containing(
        &app,
        &format!("Diperiksa {today} · aktif · tidak ditandatangani")
    ));
    click(&mut app, "Nonaktifkan");
    assert_shows(
        &app,
        "Paket \"paket-daerah\" dinonaktifkan. Modulnya tidak ditampilkan sampai diaktifkan lagi.",
    );
    assert!(shows_containing(
        &app,
        "nonaktif (modulnya tidak ditampilkan)"
    ));
    click(&mut app, "Beranda");
    assert!(!shows(&app, "10. Paket Lokal: Kewajiban Netralitas"));

    // Off survives a restart; on again brings the module back.
    drop(app);
    let mut app = open(data.path(), Lang::Id);
    assert!(!shows(&app, "10. Paket Lokal: Kewajiban Netralitas"));
    click(&mut app, "Pengaturan");
    click(&mut app, "Aktifkan");
    click(&mut app, "Beranda");
    assert_shows(&app, "10. Paket Lokal: Kewajiban Netralitas");

    // Remove asks once more, then the pack is gone from the screen and the disk.
    click(&mut app, "Pengaturan");
    click(&mut app, "Hapus paket");
    assert!(shows_containing(&app, "Hapus paket \"paket-daerah\"?"));
    assert!(data.path().join("packs/paket-daerah").exists());
    click(&mut app, "Ya, hapus paket");
    assert_shows(&app, "Paket \"paket-daerah\" sudah dihapus.");
    assert_shows(&app, "Belum ada paket konten terpasang.");
    assert!(!data.path().join("packs/paket-daerah").exists());
    click(&mut app, "Beranda");
    assert!(!shows(&app, "10. Paket Lokal: Kewajiban Netralitas"));
}

#[test]
fn a_pack_signed_by_a_trusted_publisher_installs_without_asking() {
    let data = tempfile::tempdir().unwrap();
    let source = tempfile::tempdir().unwrap();
    let pack = fixture_at(source.path(), "paket-bkd");
    fs::write(
        pack.join("pack.ron"),
        "(version: 1, id: \"paket-bkd\", name: \"Paket BKD Lampung\", pack_version: Some(\"2026.1\"))",
    )
    .unwrap();
    let key = latih_asn::content::PublisherKey::generate();
    let key_file = source.path().join("bkd.key");
    fs::write(&key_file, key.to_file_text()).unwrap();
    let signed = std::process::Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .args(["content", "sign"])
        .arg(&pack)
        .arg("--key")
        .arg(&key_file)
        .output()
        .unwrap();
    assert!(signed.status.success());
    latih_asn::content::trust_publisher(
        &data.path().join("packs"),
        "BKD Provinsi Lampung",
        &key.public_hex(),
    )
    .unwrap();

    let mut app = with_profile(data.path());
    click(&mut app, "Pengaturan");
    type_into(&mut app, settings::PACK_INPUT, pack.to_str().unwrap());
    click(&mut app, "Impor paket");
    assert_shows(
        &app,
        "Paket \"Paket BKD Lampung\" terpasang. Modulnya kini ada di Beranda.",
    );
    assert_shows(&app, "Paket BKD Lampung (versi 2026.1)");
    assert!(shows_containing(
        &app,
        "ditandatangani oleh BKD Provinsi Lampung (penerbit tepercaya)"
    ));
}

#[test]
fn an_unsigned_pack_is_not_installed_when_the_admin_cancels() {
    let data = tempfile::tempdir().unwrap();
    let source = tempfile::tempdir().unwrap();
    let pack = fixture_at(source.path(), "paket-daerah");
    let mut app = with_profile(data.path());
    click(&mut app, "Pengaturan");
    type_into(&mut app, settings::PACK_INPUT, pack.to_str().unwrap());
    click(&mut app, "Impor paket");
    assert_shows(&app, "tidak ditandatangani");
    click(&mut app, "Batal");
    assert!(!shows(&app, "Pasang paket ini"));
    assert!(!data.path().join("packs/paket-daerah").exists());
    click(&mut app, "Beranda");
    assert!(!shows(&app, "10. Paket Lokal: Kewajiban Netralitas"));
}
