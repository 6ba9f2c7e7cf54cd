//! Importing a content pack from the Settings screen: a good pack appears on the home screen
//! and stays after a restart; a broken one is refused with reasons and changes nothing.

#[path = "harness/files.rs"]
mod files;
use files::copy_dir;

#[path = "harness/app.rs"]
mod harness;

use std::fs;
use std::path::Path;

use harness::{assert_shows, click, open, shows, shows_containing, type_into};
use latih_asn::lang::Lang;
use latih_asn::screen::{profile, settings};

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
