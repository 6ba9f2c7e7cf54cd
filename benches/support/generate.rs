//! Synthetic HR data for the records benches: learners with NIPs in units, desk PCs that sign
//! and chain their attempts exactly as the app does, and bundles written as the app writes them.
//! Everything is seeded, so two runs make the same records (keys differ: they are made fresh).

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use latih_asn::content::ModuleSource;
use latih_asn::quiz::{Mode, Score};
use latih_asn::records::bundle;
use latih_asn::records::{AnswerRecord, Attempt, Identity, Learner, Nip};
use rand::{Rng, SeedableRng};
use uuid::Uuid;

pub const MODULES: [&str; 4] = ["asn", "pilkada", "sanksi", "antikorupsi"];

/// `count` learners spread over `units` units; most have a valid NIP, one in ten has none
/// (honorary staff), as in a regency's roster.
pub fn learners(rng: &mut impl Rng, count: usize, units: usize) -> Vec<Learner> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    (0..count)
        .map(|n| {
            let born = 1965 + rng.random_range(0..35);
            let nip = (!n.is_multiple_of(10)).then(|| {
                let text = format!(
                    "{born}{:02}{:02}{}{:02}{}{:03}",
                    rng.random_range(1..=12),
                    rng.random_range(1..=28),
                    (born + 22 + rng.random_range(0..8)).min(2025),
                    rng.random_range(1..=12),
                    rng.random_range(1..=2),
                    rng.random_range(1..=999),
                );
                Nip::parse(&text, today).expect("a valid generated NIP")
            });
            Learner {
                version: 2,
                id: Uuid::from_u128(rng.random()),
                name: format!("Peserta {n:05}"),
                nip,
                unit: format!("Unit Kerja {:02}", n % units),
                instansi: "Pemerintah Kabupaten Mesuji".into(),
                created: Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap(),
                revision: 0,
                device: None,
                signature: None,
            }
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
            rng.random_range(7..=16),
            rng.random_range(0..60),
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
        taken_by: Some(Arc::new(learner.info())),
        content: Some(Arc::new(ModuleSource::embedded())),
        session: None,
        device: None,
        sequence: 0,
        previous: None,
        signature: None,
    }
}

/// One desk PC: its key, the profiles it signed, and where its chain of attempts ends.
pub struct Desk {
    pub identity: Identity,
    pub people: Vec<Learner>,
    rng: rand_chacha::ChaCha8Rng,
    sequence: u64,
    last: Option<String>,
    /// Every attempt signed so far, when kept (see [`Desk::keep_history`]).
    history: Option<Vec<Attempt>>,
}

impl Desk {
    /// A desk PC whose installation lives in `root`, used by `people`.
    pub fn new(root: &Path, people: &[Learner], seed: u64) -> Desk {
        std::fs::create_dir_all(root).unwrap();
        let identity = Identity::load_or_create(root).unwrap();
        let people = people
            .iter()
            .map(|p| {
                let mut p = p.clone();
                p.sign(&identity);
                p
            })
            .collect();
        Desk {
            identity,
            people,
            rng: rand_chacha::ChaCha8Rng::seed_from_u64(seed),
            sequence: 0,
            last: None,
            history: None,
        }
    }

    /// Keeps what this desk signs from now on, for [`Desk::history_bundle`].
    pub fn keep_history(&mut self) {
        self.history.get_or_insert_with(Vec::new);
    }

    /// A bundle of everything kept, as the app's own export makes it: the desk's whole history.
    pub fn history_bundle(&self, out: &Path) -> PathBuf {
        let chain = self.history.clone().unwrap_or_default();
        self.write(chain, out, "history")
    }

    /// The next `count` attempts of this desk, signed and chained as `record_attempt` does
    /// (in memory, so 100,000 records take no fsyncs), as a bundle file in `out`. A later
    /// bundle continues the chain and carries only the new attempts.
    pub fn bundle(&mut self, count: usize, out: &Path) -> PathBuf {
        let mut chain: Vec<Attempt> = Vec::with_capacity(count);
        for _ in 0..count {
            let at = self.rng.random_range(0..self.people.len());
            let mut next = attempt(&mut self.rng, &self.people[at]);
            self.sequence += 1;
            next.sign_as(&self.identity, self.sequence, self.last.take());
            self.last = Some(next.chain_hash());
            chain.push(next);
        }
        if let Some(history) = &mut self.history {
            history.extend(chain.iter().cloned());
        }
        self.write(chain, out, &format!("{:06}", self.sequence))
    }

    fn write(&self, chain: Vec<Attempt>, out: &Path, tag: &str) -> PathBuf {
        let keys = HashMap::from([(self.identity.key.device, self.identity.key.clone())]);
        let built = bundle::assemble(
            &self.identity,
            self.people.clone(),
            chain,
            Vec::new(),
            &keys,
            Utc::now(),
        );
        let path = out.join(format!("{}-{tag}.bundle.ron", self.identity.key.device));
        std::fs::write(&path, ron::to_string(&built).unwrap()).unwrap();
        path
    }
}

/// Makes `desks` desk PCs under `work`, each with its share of `people`, on every core.
pub fn desks(work: &Path, people: &[Learner], desks: usize, seed: u64) -> Vec<Desk> {
    let share = people.len().div_ceil(desks);
    parallel((0..desks).collect(), |d| {
        let root = work.join(format!("desk-{d:03}"));
        let mine = &people[(d * share).min(people.len())..((d + 1) * share).min(people.len())];
        Desk::new(&root, mine, seed.wrapping_add(d as u64))
    })
}

/// `f` over `items` on every core, results in order.
pub fn parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let items: Vec<(usize, T)> = items.into_iter().enumerate().collect();
    let queue = std::sync::Mutex::new(items);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().unwrap().pop();
                    let Some((at, item)) = next else { break };
                    let result = f(item);
                    results.lock().unwrap().push((at, result));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(at, _)| *at);
    results.into_iter().map(|(_, r)| r).collect()
}

/// One whole command of the release binary: seconds, peak resident MB, exit code, stdout.
pub struct Run {
    pub seconds: f64,
    pub peak_mb: Option<f64>,
    pub code: i32,
    pub stdout: String,
}

/// Runs the release binary on `data` (timed from process start to exit, as HR waits for it),
/// with peak resident memory from `/usr/bin/time` when it is there. `LATIH_ASN_BIN` names
/// another binary (an earlier build, to measure before and after on the same machine).
pub fn command(data: &Path, args: &[&str]) -> Run {
    let bin =
        std::env::var_os("LATIH_ASN_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_latih-asn").into());
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
    let seconds = start.elapsed().as_secs_f64();
    let peak_mb = timed
        .then(|| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
                .map(|kb| kb / 1024.0)
        })
        .flatten();
    Run {
        seconds,
        peak_mb,
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
    }
}

pub fn report(what: &str, budget: f64, run: &Run) {
    let verdict = if run.seconds <= budget {
        "within"
    } else {
        "OVER"
    };
    let memory = run
        .peak_mb
        .map(|mb| format!(", peak {mb:.0} MB resident"))
        .unwrap_or_default();
    println!(
        "{what}: {:.3} s ({verdict} budget {budget:.1} s){memory}, exit {}",
        run.seconds, run.code
    );
}

/// The run in the middle, by time.
pub fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    runs.swap_remove(runs.len() / 2)
}
