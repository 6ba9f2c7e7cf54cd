//! Records at HR scale, timed as whole commands (what HR waits for), with a generator of
//! realistic synthetic data: 5,000 learners in 40 units, 100,000 signed attempts from 50
//! devices. Budgets from design.md and issue 9: `records summary` and `records verify` ≤ 0.5 s;
//! importing the 50 bundles ≤ 10 s; a small import into that store ≤ 0.3 s; CSV export ≤ 1 s;
//! xAPI export ≤ 2 s at ≤ 100 MB resident; lost caches rebuilt so the next run is fast.
//!
//! ```text
//! cargo bench --bench records
//! ```

#[path = "support/generate.rs"]
mod generate;

use std::time::Instant;

use chrono::Utc;
use generate::{Desk, command, median, report};
use latih_asn::records::{Approval, Authority, Decision, How, Store};
use rand::SeedableRng;

fn main() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let work = std::env::temp_dir().join(format!("latih-asn-bench-records-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let people = generate::learners(&mut rng, 5_000, 40);

    println!("generating 100,000 signed attempts on 50 devices…");
    let generate = Instant::now();
    let desks = generate::desks(&work, &people, 50, 2026);
    let made: Vec<(Desk, std::path::PathBuf)> = generate::parallel(desks, |mut desk| {
        let path = desk.bundle(2_000, &work);
        (desk, path)
    });
    println!("generated in {:.1} s", generate.elapsed().as_secs_f64());

    // HR's PC: an authority, and the 50 devices approved (as after comparing fingerprints).
    let hr = work.join("hr");
    let store = Store::open(&hr).unwrap();
    let authority = Authority::create(&hr, "BKPSDM Kab. Mesuji", Utc::now()).unwrap();
    for (desk, _) in &made {
        let approval = Approval::signed(
            &authority,
            &desk.identity.key,
            Decision::Approved,
            How::Fingerprint,
            "Kasubbag",
            Utc::now(),
        );
        store.save_approval(&approval).unwrap();
    }
    let paths: Vec<String> = made.iter().map(|m| m.1.display().to_string()).collect();
    let mut args = vec!["records", "import"];
    args.extend(paths.iter().map(String::as_str));
    let import = command(&hr, &args);
    report(
        "records import of 50 bundles (100,000 attempts)",
        10.0,
        &import,
    );
    assert_eq!(
        import.code, 0,
        "every device is approved: the import is clean"
    );

    let summary = median(
        (0..5)
            .map(|_| command(&hr, &["records", "summary"]))
            .collect(),
    );
    report("records summary over 100,000 attempts", 0.5, &summary);
    let verify = median(
        (0..5)
            .map(|_| command(&hr, &["records", "verify"]))
            .collect(),
    );
    report("records verify over 100,000 attempts", 0.5, &verify);
    assert_eq!(verify.code, 0, "{}", verify.stdout);

    // A small import into that store: one desk's next bundle with 3 new attempts.
    let newcomers = generate::learners(&mut rng, 3, 1);
    let mut small_desk = Desk::new(&work.join("desk-small"), &newcomers, 7);
    let small = small_desk.bundle(3, &work);
    let approval = Approval::signed(
        &authority,
        &small_desk.identity.key,
        Decision::Approved,
        How::Fingerprint,
        "Kasubbag",
        Utc::now(),
    );
    store.save_approval(&approval).unwrap();
    let small_import = command(&hr, &["records", "import", small.to_str().unwrap()]);
    report(
        "records import of 3 attempts into the 100,000 store",
        0.3,
        &small_import,
    );

    let csv = work.join("attempts.csv");
    let csv_run = command(
        &hr,
        &[
            "records",
            "export",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    report(
        "records export --format csv of 100,000 attempts",
        1.0,
        &csv_run,
    );
    let xapi = work.join("statements.json");
    let xapi_run = command(
        &hr,
        &[
            "records",
            "export",
            "--format",
            "xapi",
            "--out",
            xapi.to_str().unwrap(),
        ],
    );
    report(
        "records export --format xapi of 100,000 attempts",
        2.0,
        &xapi_run,
    );

    // Caches lost: the first run after reads the RON (slow) and rebuilds them; the next is fast.
    for entry in std::fs::read_dir(hr.join("imported")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "cache") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let cold = command(&hr, &["records", "summary"]);
    report(
        "records summary with every cache lost (rebuilds them)",
        30.0,
        &cold,
    );
    let warm = command(&hr, &["records", "summary"]);
    report("records summary on the next run", 0.5, &warm);
    if std::env::var_os("LATIH_ASN_BENCH_KEEP").is_some() {
        println!("data kept in {}", work.display());
    } else {
        let _ = std::fs::remove_dir_all(&work);
    }
}
