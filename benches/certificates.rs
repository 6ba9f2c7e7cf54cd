//! Certificates for a whole unit, timed as HR waits for them: 200 learners who passed, each
//! certificate an A4 PDF with embedded fonts and a signed QR code, written atomically into a
//! folder (and, for comparison, as one 200-page PDF). The records are made the way the app makes
//! them (signed profiles and exams on HR's own PC), then loaded, verified and certified.
//!
//! ```text
//! cargo bench --bench certificates
//! ```

#[path = "../tests/harness/records.rs"]
mod made;

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chrono::Utc;
use latih_asn::content;
use latih_asn::hr::HrSettings;
use latih_asn::hr::certificate::{self, BatchOutput, Issuer};
use latih_asn::lang::Lang;
use latih_asn::records::export::Records;
use latih_asn::records::{Authority, Store, people, verify_loaded};

const COUNT: usize = 200;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let authority = Authority::create(dir.path(), "BKPSDM Kab. Mesuji", Utc::now()).unwrap();
    let settings = HrSettings {
        instansi: "Pemerintah Kabupaten Mesuji".into(),
        signer_name: "Drs. Ahmad Yani, M.Si.".into(),
        signer_title: "Kepala BKPSDM Kabupaten Mesuji".into(),
        ..HrSettings::default()
    };
    for n in 0..COUNT {
        let nip = format!("198001012005012{:03}", n + 1);
        let learner = made::learner(&store, &format!("Peserta Pelatihan {n:03}"), &nip);
        made::take_exam(&store, &learner, n as u64, true);
    }
    let catalog = content::load_embedded().unwrap();

    let started = Instant::now();
    let loaded = store.read();
    let verification = verify_loaded(&loaded);
    let people = people(&loaded, &verification);
    let records = Records {
        learners: &people,
        attempts: &loaded.attempts,
        verification: &verification,
    };
    let members: Vec<(uuid::Uuid, String)> =
        people.iter().map(|l| (l.id, l.unit.clone())).collect();
    let issued = Issuer::new(records, &catalog, &authority).for_people(&members);
    assert_eq!(issued.certificates.len(), COUNT);
    let prepared = started.elapsed();

    let out = tempfile::tempdir().unwrap();
    let cancel = AtomicBool::new(false);
    let folder = Instant::now();
    let report = certificate::write_batch(
        &issued.certificates,
        &settings,
        Lang::Id,
        &BatchOutput::Folder(out.path().to_path_buf()),
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    let folder = folder.elapsed();
    let bytes: u64 = report
        .files
        .iter()
        .map(|path| std::fs::metadata(path).unwrap().len())
        .sum();

    let one = Instant::now();
    let path = out.path().join("unit.pdf");
    certificate::write_batch(
        &issued.certificates,
        &settings,
        Lang::Id,
        &BatchOutput::OnePdf(path.clone()),
        &mut |_| {},
        &cancel,
    )
    .unwrap();
    let one = one.elapsed();

    println!(
        "load, verify and issue {COUNT} certificates: {:.3} s",
        prepared.as_secs_f64()
    );
    println!(
        "{COUNT} PDFs into a folder: {:.3} s ({:.1} ms each, {} KiB each)",
        folder.as_secs_f64(),
        folder.as_secs_f64() * 1000.0 / COUNT as f64,
        bytes / COUNT as u64 / 1024
    );
    println!(
        "one {COUNT}-page PDF: {:.3} s ({} KiB)",
        one.as_secs_f64(),
        std::fs::metadata(&path).unwrap().len() / 1024
    );
}
