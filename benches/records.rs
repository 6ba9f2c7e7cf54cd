//! Records at HR scale, timed as whole commands (what HR waits for), with a generator of
//! realistic synthetic data: 5,000 learners in 40 units, 100,000 signed attempts from 50
//! devices. Budgets from design.md and issue 9: `records summary` and `records verify` ≤ 0.5 s;
//! importing the 50 bundles ≤ 10 s; a small import into that store ≤ 0.3 s; CSV export ≤ 1 s;
//! xAPI export ≤ 2 s at ≤ 100 MB resident; lost caches rebuilt so the next run is fast.
//!
//! ```text
//! cargo bench --bench records
//! ```

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use std::process::Command;

use latih_asn::quiz::{Mode, Score};
use latih_asn::records::bundle;
use latih_asn::records::{
    AnswerRecord, Approval, Attempt, Authority, Decision, How, Identity, Learner, Store,
};
use rand::{Rng, SeedableRng};
use uuid::Uuid;

const MODULES: [&str; 4] = ["asn", "pilkada", "sanksi", "antikorupsi"];

fn learners(rng: &mut impl Rng, count: usize, units: usize) -> Vec<Learner> {
    (0..count)
        .map(|n| Learner {
            version: 2,
            id: Uuid::from_u128(rng.random()),
            name: format!("Peserta {n:05}"),
            nip: None,
            unit: format!("Unit Kerja {:02}", n % units),
            instansi: "Pemerintah Kabupaten Mesuji".into(),
            created: Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap(),
            revision: 0,
            device: None,
            signature: None,
        })
        .collect()
}

fn attempt(rng: &mut impl Rng, learner: &Learner) -> Attempt {
    let module = MODULES[rng.random_range(0..MODULES.len())];
    let correct = rng.random_range(3..=10);
    let score = Score { correct, total: 10 };
    let finished = Utc
        .with_ymd_and_hms(
            2026,
            rng.random_range(1..=11),
            rng.random_range(1..=28),
            9,
            0,
            0,
        )
        .unwrap();
    Attempt {
        version: 3,
        id: Uuid::from_u128(rng.random()),
        learner: learner.id,
        module: module.into(),
        mode: if rng.random_bool(0.6) {
            Mode::Exam
        } else {
            Mode::Practice
        },
        seed: rng.random(),
        started: finished - chrono::Duration::minutes(12),
        finished,
        content_checked: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        pass_mark: 80,
        answers: (0..10)
            .map(|q| AnswerRecord {
                question: format!("{module}-q{:02}", q + 1),
                chosen: vec![rng.random_range(0..4)],
                order: vec![2, 0, 3, 1],
                correct: q < correct,
            })
            .collect(),
        score,
        passed: score.passed(80),
        taken_by: Some(std::sync::Arc::new(learner.info())),
        content: Some(std::sync::Arc::new(
            latih_asn::content::ModuleSource::embedded(),
        )),
        device: None,
        sequence: 0,
        previous: None,
        signature: None,
    }
}

/// One desk PC's bundle: its learners (signed by it) and a signed, chained run of attempts.
/// Signed in memory (as `record_attempt` does) so generating 100,000 records takes no fsyncs.
fn desk_bundle(
    root: &Path,
    rng: &mut impl Rng,
    people: &[Learner],
    attempts: usize,
    out: &Path,
) -> (std::path::PathBuf, Identity) {
    let identity = Identity::load_or_create(root).unwrap();
    let signed_people: Vec<Learner> = people
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.sign(&identity);
            p
        })
        .collect();
    let mut chain: Vec<Attempt> = Vec::with_capacity(attempts);
    for n in 0..attempts {
        let learner = &signed_people[rng.random_range(0..signed_people.len())];
        let mut next = attempt(rng, learner);
        next.sign_as(
            &identity,
            n as u64 + 1,
            chain.last().map(Attempt::chain_hash),
        );
        chain.push(next);
    }
    let keys = HashMap::from([(identity.key.device, identity.key.clone())]);
    let built = bundle::assemble(
        &identity,
        signed_people,
        chain,
        Vec::new(),
        &keys,
        Utc::now(),
    );
    let path = out.join(format!("{}.bundle.ron", identity.key.device));
    std::fs::write(&path, ron::to_string(&built).unwrap()).unwrap();
    (path, identity)
}

/// Runs the release binary on `data` and returns (seconds, peak resident MB, exit code, stdout).
fn command(data: &Path, args: &[&str]) -> (f64, Option<f64>, i32, String) {
    let bin = env!("CARGO_BIN_EXE_latih-asn");
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M"]).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.arg("--data-dir").arg(data).args(args);
    let start = Instant::now();
    let output = cmd.output().unwrap();
    let elapsed = start.elapsed().as_secs_f64();
    let peak = timed
        .then(|| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
                .map(|kb| kb / 1024.0)
        })
        .flatten();
    (
        elapsed,
        peak,
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn report(what: &str, budget: f64, (seconds, peak, code, _): &(f64, Option<f64>, i32, String)) {
    let verdict = if *seconds <= budget { "within" } else { "OVER" };
    let memory = peak
        .map(|mb| format!(", peak {mb:.0} MB resident"))
        .unwrap_or_default();
    println!("{what}: {seconds:.3} s ({verdict} budget {budget:.1} s){memory}, exit {code}");
}

fn median(mut runs: Vec<(f64, Option<f64>, i32, String)>) -> (f64, Option<f64>, i32, String) {
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    runs.swap_remove(runs.len() / 2)
}

fn main() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let work = std::env::temp_dir().join(format!("latih-asn-bench-records-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let people = learners(&mut rng, 5_000, 40);

    println!("generating 100,000 signed attempts on 50 devices…");
    let generate = Instant::now();
    let mut bundles = Vec::new();
    let mut keys = Vec::new();
    for d in 0..50 {
        let root = work.join(format!("desk-{d:02}"));
        std::fs::create_dir_all(&root).unwrap();
        let share = &people[d * 100..(d + 1) * 100];
        let (path, identity) = desk_bundle(&root, &mut rng, share, 2_000, &work);
        bundles.push(path);
        keys.push(identity.key);
    }
    println!("generated in {:.1} s", generate.elapsed().as_secs_f64());

    // HR's PC: an authority, and the 50 devices approved (as after comparing fingerprints).
    let hr = work.join("hr");
    let store = Store::open(&hr).unwrap();
    let authority = Authority::create(&hr, "BKPSDM Kab. Mesuji", Utc::now()).unwrap();
    for key in &keys {
        let approval = Approval::signed(
            &authority,
            key,
            Decision::Approved,
            How::Fingerprint,
            "Kasubbag",
            Utc::now(),
        );
        store.save_approval(&approval).unwrap();
    }
    let paths: Vec<String> = bundles.iter().map(|p| p.display().to_string()).collect();
    let mut args = vec!["records", "import"];
    args.extend(paths.iter().map(String::as_str));
    let import = command(&hr, &args);
    report(
        "records import of 50 bundles (100,000 attempts)",
        10.0,
        &import,
    );
    assert_eq!(import.2, 0, "every device is approved: the import is clean");

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
    assert_eq!(verify.2, 0, "{}", verify.3);

    // A small import into that store: one desk's next bundle with 3 new attempts.
    let small_root = work.join("desk-small");
    std::fs::create_dir_all(&small_root).unwrap();
    let newcomers = learners(&mut rng, 3, 1);
    let (small, small_identity) = desk_bundle(&small_root, &mut rng, &newcomers, 3, &work);
    let approval = Approval::signed(
        &authority,
        &small_identity.key,
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
