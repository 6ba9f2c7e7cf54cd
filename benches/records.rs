//! Records at HR scale, with a generator of realistic synthetic data: 5,000 learners in 40
//! units, 100,000 signed attempts from 50 devices. Budgets from design.md: load and summarise
//! 100,000 attempts ≤ 1 s; import 10,000 attempts from bundles ≤ 3 s; CSV export of 100,000
//! attempts ≤ 1 s.
//!
//! ```text
//! cargo bench --bench records
//! ```

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use latih_asn::lang::Lang;
use latih_asn::quiz::{Mode, Score};
use latih_asn::records::bundle;
use latih_asn::records::export;
use latih_asn::records::summary::summarize;
use latih_asn::records::{AnswerRecord, Attempt, Identity, Learner, Store, verify_loaded};
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
        taken_by: Some(learner.info()),
        device: None,
        sequence: 0,
        previous: None,
        signature: None,
    }
}

/// One desk PC's bundle: its learners and a signed, chained run of attempts. Signed in memory
/// (as `record_attempt` does) so that generating 100,000 records does not take 200,000 fsyncs.
fn desk_bundle(
    root: &Path,
    rng: &mut impl Rng,
    people: &[Learner],
    attempts: usize,
    out: &Path,
) -> std::path::PathBuf {
    let identity = Identity::load_or_create(root).unwrap();
    let mut chain: Vec<Attempt> = Vec::with_capacity(attempts);
    for n in 0..attempts {
        let learner = &people[rng.random_range(0..people.len())];
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
        people.to_vec(),
        chain,
        Vec::new(),
        &keys,
        Utc::now(),
    );
    let path = out.join(format!("{}.bundle.ron", identity.key.device));
    std::fs::write(&path, ron::to_string(&built).unwrap()).unwrap();
    path
}

fn time<T>(what: &str, budget: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = f();
    let elapsed = start.elapsed();
    let verdict = if elapsed <= budget { "within" } else { "OVER" };
    println!(
        "{what}: {:.3} s ({verdict} budget {:.1} s)",
        elapsed.as_secs_f64(),
        budget.as_secs_f64()
    );
    value
}

fn main() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let work = std::env::temp_dir().join(format!("latih-asn-bench-records-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let people = learners(&mut rng, 5_000, 40);

    // 50 desks of 2,000 attempts each, exported as bundles.
    println!("generating 100,000 signed attempts on 50 devices…");
    let generate = Instant::now();
    let mut bundles = Vec::new();
    for d in 0..50 {
        let root = work.join(format!("desk-{d:02}"));
        std::fs::create_dir_all(&root).unwrap();
        let share = &people[d * 100..(d + 1) * 100];
        bundles.push(desk_bundle(&root, &mut rng, share, 2_000, &work));
    }
    println!("generated in {:.1} s", generate.elapsed().as_secs_f64());

    // Import 10,000 attempts (5 bundles) into an empty HR folder.
    let hr_small = Store::open(work.join("hr-10k")).unwrap();
    time(
        "import 10,000 attempts from 5 bundles",
        Duration::from_secs(3),
        || {
            for path in &bundles[..5] {
                bundle::import(&hr_small, path, Utc::now()).unwrap();
            }
        },
    );

    // The HR folder with all 100,000: one combined bundle (as a trainer's laptop that collected
    // the 50 desks would send), imported once.
    let mut learners_all = Vec::new();
    let mut attempts_all = Vec::new();
    let mut keys = HashMap::new();
    for path in &bundles {
        let parsed = bundle::read(path).unwrap();
        keys.extend(parsed.body.devices.iter().map(|k| (k.device, k.clone())));
        learners_all.extend(parsed.body.learners);
        attempts_all.extend(parsed.body.attempts);
    }
    std::fs::create_dir_all(work.join("collector")).unwrap();
    let collector = Identity::load_or_create(&work.join("collector")).unwrap();
    let combined = bundle::assemble(
        &collector,
        learners_all,
        attempts_all,
        Vec::new(),
        &keys,
        Utc::now(),
    );
    let combined_path = work.join("combined.bundle.ron");
    std::fs::write(&combined_path, ron::to_string(&combined).unwrap()).unwrap();
    let hr = Store::open(work.join("hr-100k")).unwrap();
    bundle::import(&hr, &combined_path, Utc::now()).unwrap();
    let modules: Vec<String> = MODULES.iter().map(|m| (*m).to_owned()).collect();
    let (loaded, verification) = time(
        "load, verify and summarise 100,000 attempts",
        Duration::from_secs(1),
        || {
            let loaded = time("  of which: load", Duration::from_secs(1), || hr.load());
            let verification = time("  of which: verify", Duration::from_secs(1), || {
                verify_loaded(&loaded)
            });
            let summary = time("  of which: summarise", Duration::from_secs(1), || {
                summarize(&loaded.learners, &loaded.attempts, &verification, &modules)
            });
            assert_eq!(summary.attempts, 100_000);
            (loaded, verification)
        },
    );
    assert!(verification.is_clean());
    let out = work.join("attempts.csv");
    time(
        "CSV export of 100,000 attempts",
        Duration::from_secs(1),
        || {
            let file = std::io::BufWriter::new(std::fs::File::create(&out).unwrap());
            export::attempts_csv(
                file,
                &loaded.learners,
                &loaded.attempts,
                &verification,
                Lang::Id,
            )
            .unwrap();
        },
    );
    let _ = std::fs::remove_dir_all(&work);
}
