//! HR's desk at the scale of a regency: 10,000 people and 100,000 attempts from 100 approved
//! desk PCs (real keys, real signatures, imported as bundles through `records import`). Budgets
//! from issue 10: the HR summary in process (load, verify, people, summary) ≤ 0.3 s; the first
//! load of the HR area as the app does it (`Store::start`, `verify_loaded`, `people`) ≤ 1 s;
//! importing 10,000 new attempts into that store ≤ 2 s (also reported: the same attempts sent
//! as each desk's whole history, as the app's export does); everything loaded in ≤ 150 MB.
//!
//! ```text
//! cargo bench --bench hr_scale            # LATIH_ASN_BENCH_KEEP=1 keeps the data
//! ```
//!
//! Generation is timed apart and counts nowhere. The in-process figures run in a fresh
//! process each (this bench started again with `HR_SCALE_CHILD`), so the peak memory read from
//! `/proc/self/status` (VmHWM) is what the app would have, not what generating left behind.

#[path = "support/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::Utc;
use generate::{Desk, Run, command, median, parallel, report};
use latih_asn::records::summary;
use latih_asn::records::{Approval, Authority, Decision, How, Store, people, verify_loaded};
use rand::SeedableRng;

const PEOPLE: usize = 10_000;
const UNITS: usize = 80;
const DESKS: usize = 100;
const PER_DESK: usize = 1_000;
/// Desks that send a second bundle of `PER_DESK` new attempts: 10,000 new attempts in all.
const SECOND: usize = 10;

/// A desk, its first bundle, and for the desks that send twice: the next bundle and the desk's
/// whole history.
type Made = (Desk, PathBuf, Option<(PathBuf, PathBuf)>);

const CHILD: &str = "HR_SCALE_CHILD";
const CHILD_DATA: &str = "HR_SCALE_DATA";

fn main() {
    if let Ok(what) = std::env::var(CHILD) {
        let data = PathBuf::from(std::env::var(CHILD_DATA).expect("HR_SCALE_DATA"));
        child(&what, &data);
        return;
    }
    let work = std::env::temp_dir().join(format!("latih-asn-bench-hr-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let bundles = work.join("bundles");
    let later = work.join("later");
    let whole = work.join("whole");
    for dir in [&bundles, &later, &whole] {
        std::fs::create_dir_all(dir).unwrap();
    }

    println!(
        "generating {PEOPLE} people and {} signed attempts on {DESKS} desks…",
        DESKS * PER_DESK
    );
    let started = Instant::now();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2026);
    let people = generate::learners(&mut rng, PEOPLE, UNITS);
    let desks = generate::desks(&work, &people, DESKS, 2026);
    let made: Vec<Made> = parallel(desks.into_iter().enumerate().collect(), |(d, mut desk)| {
        if d < SECOND {
            desk.keep_history();
        }
        let first = desk.bundle(PER_DESK, &bundles);
        let second = (d < SECOND).then(|| {
            let new = desk.bundle(PER_DESK, &later);
            (new, desk.history_bundle(&whole))
        });
        (desk, first, second)
    });
    println!("generated in {:.1} s", started.elapsed().as_secs_f64());

    // HR's PC: an authority that approved every desk (as after comparing fingerprints).
    let hr = work.join("hr");
    let store = Store::open(&hr).unwrap();
    let authority = Authority::create(&hr, "BKPSDM Kab. Mesuji", Utc::now()).unwrap();
    for (desk, _, _) in &made {
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
    let firsts: Vec<String> = made.iter().map(|m| m.1.display().to_string()).collect();
    let seconds: Vec<String> = made
        .iter()
        .filter_map(|m| m.2.as_ref().map(|p| p.0.display().to_string()))
        .collect();
    let histories: Vec<String> = made
        .iter()
        .filter_map(|m| m.2.as_ref().map(|p| p.1.display().to_string()))
        .collect();

    let import = import_all(&hr, &firsts);
    report(
        &format!(
            "records import of {DESKS} bundles ({} attempts)",
            DESKS * PER_DESK
        ),
        20.0,
        &import,
    );
    assert_eq!(import.code, 0, "every desk is approved: {}", import.stdout);

    let runs = |args: &[&str]| median((0..5).map(|_| command(&hr, args)).collect());
    let summary = runs(&["records", "summary"]);
    report("records summary, whole command", 0.5, &summary);
    assert_eq!(summary.code, 0, "{}", summary.stdout);
    let verify = runs(&["records", "verify"]);
    report("records verify, whole command", 0.5, &verify);
    assert_eq!(verify.code, 0, "{}", verify.stdout);

    in_process(&hr, "summary", "in process: the HR summary", 0.3);
    in_process(&hr, "gui", "in process: the HR area's first load", 1.0);

    // 10,000 new attempts: the next bundle of ten desks, into copies of the 100,000 store.
    let copy = work.join("hr-copy");
    let mut imports = Vec::new();
    for _ in 0..3 {
        copy_store(&hr, &copy);
        let run = import_all(&copy, &seconds);
        assert_eq!(run.code, 0, "{}", run.stdout);
        imports.push(run);
    }
    report(
        &format!(
            "records import of {SECOND} bundles ({} new attempts) into the {} store",
            SECOND * PER_DESK,
            DESKS * PER_DESK
        ),
        2.0,
        &median(imports),
    );
    // The same, as the app's own export sends it: each desk's whole history, half of it here.
    let history_copy = work.join("hr-history");
    let mut imports = Vec::new();
    for _ in 0..3 {
        copy_store(&hr, &history_copy);
        let run = import_all(&history_copy, &histories);
        assert_eq!(run.code, 0, "{}", run.stdout);
        imports.push(run);
    }
    let _ = std::fs::remove_dir_all(&history_copy);
    report(
        &format!(
            "the same as each desk's whole history ({} records, {} of them new)",
            2 * SECOND * PER_DESK,
            SECOND * PER_DESK
        ),
        2.0,
        &median(imports),
    );
    let after = command(&copy, &["records", "verify"]);
    assert_eq!(after.code, 0, "the chains go on: {}", after.stdout);
    in_process(
        &copy,
        "gui",
        &format!(
            "in process: the HR area's first load with {} attempts",
            (DESKS + SECOND) * PER_DESK
        ),
        1.0,
    );

    if std::env::var_os("LATIH_ASN_BENCH_KEEP").is_some() {
        println!("data kept in {}", work.display());
    } else {
        let _ = std::fs::remove_dir_all(&work);
    }
}

fn import_all(data: &Path, paths: &[String]) -> Run {
    let mut args = vec!["records", "import"];
    args.extend(paths.iter().map(String::as_str));
    command(data, &args)
}

/// A copy that keeps modification times to the nanosecond (the caches are tied to them).
fn copy_store(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    let status = Command::new("cp").arg("-a").arg(from).arg(to).status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "cp -a {}",
        from.display()
    );
}

/// Runs `what` in a fresh process five times and reports the median run, phase by phase.
fn in_process(data: &Path, what: &str, label: &str, budget: f64) {
    let mut runs: Vec<Vec<(String, f64)>> = (0..5)
        .map(|_| {
            let output = Command::new(std::env::current_exe().unwrap())
                .env(CHILD, what)
                .env(CHILD_DATA, data)
                .output()
                .unwrap();
            assert!(output.status.success(), "{output:?}");
            String::from_utf8_lossy(&output.stdout)
                .lines()
                .filter_map(|line| {
                    let (name, value) = line.split_once('=')?;
                    Some((name.to_owned(), value.parse().ok()?))
                })
                .collect()
        })
        .collect();
    let total = |run: &Vec<(String, f64)>| {
        run.iter()
            .find(|(name, _)| name == "total")
            .map_or(f64::MAX, |(_, s)| *s)
    };
    runs.sort_by(|a, b| total(a).total_cmp(&total(b)));
    let run = &runs[runs.len() / 2];
    let seconds = total(run);
    let verdict = if seconds <= budget { "within" } else { "OVER" };
    let phases: Vec<String> = run
        .iter()
        .filter(|(name, _)| name != "total" && name != "peak_mb")
        .map(|(name, s)| format!("{name} {:.0} ms", s * 1000.0))
        .collect();
    let peak = run
        .iter()
        .find(|(name, _)| name == "peak_mb")
        .map_or(0.0, |(_, mb)| *mb);
    let memory = if peak <= 150.0 { "within" } else { "OVER" };
    println!(
        "{label}: {seconds:.3} s ({verdict} budget {budget:.1} s; {}), peak {peak:.0} MB ({memory} 150 MB)",
        phases.join(", ")
    );
}

/// In a fresh process: what `records summary` does, or what the app does when HR opens it;
/// or (`phases`, for finding where the time goes on a busy machine) each phase of the summary
/// seven times over, the fastest of each.
fn child(what: &str, data: &Path) {
    if what == "phases" {
        phases(data);
        return;
    }
    let store = Store::existing(data);
    let modules: Vec<String> = generate::MODULES.iter().map(|m| (*m).to_owned()).collect();
    let start = Instant::now();
    let mut last = Instant::now();
    let mut phase = |name: &str| {
        println!("{name}={}", last.elapsed().as_secs_f64());
        last = Instant::now();
    };
    let loaded = match what {
        "summary" => {
            let loaded = store.load();
            store.rebuild_caches(&loaded);
            loaded
        }
        _ => store.start().0,
    };
    phase("load");
    let verification = verify_loaded(&loaded);
    phase("verify");
    let learners = people(&loaded, &verification);
    phase("people");
    let summary = summary::summarize(&learners, &loaded.attempts, &verification, &modules);
    phase("summarize");
    println!("total={}", start.elapsed().as_secs_f64());
    assert_eq!(learners.len(), PEOPLE);
    assert!(summary.flagged == 0 && verification.is_clean());
    println!("peak_mb={}", peak_mb());
}

fn phases(data: &Path) {
    let store = Store::existing(data);
    let modules: Vec<String> = generate::MODULES.iter().map(|m| (*m).to_owned()).collect();
    let mut best = [f64::MAX; 4];
    for _ in 0..7 {
        let mut times = [0.0; 4];
        let start = Instant::now();
        let loaded = store.read();
        times[0] = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let verification = verify_loaded(&loaded);
        times[1] = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let learners = people(&loaded, &verification);
        times[2] = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let summary = summary::summarize(&learners, &loaded.attempts, &verification, &modules);
        times[3] = start.elapsed().as_secs_f64();
        assert_eq!(summary.attempts, loaded.attempts.len());
        for (best, time) in best.iter_mut().zip(times) {
            *best = best.min(time);
        }
    }
    for (name, time) in ["load", "verify", "people", "summarize"].iter().zip(best) {
        println!("{name}: {:.1} ms", time * 1000.0);
    }
}

/// The process's peak resident memory (VmHWM), in MB.
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
