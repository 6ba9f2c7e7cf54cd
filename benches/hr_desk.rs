//! HR's completion view at the scale of a province's BKD: a roster of 10,000 and 100,000
//! attempts. Times what the HR clerk waits for after the records are loaded (loading itself is
//! in `benches/records.rs`): matching records to people and roster once, then each filter,
//! search and drill-down, against the budget of 100 ms each.
//!
//! ```text
//! cargo bench --bench hr_desk
//! ```

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use latih_asn::hr::completion::{Board, Filter, Listed, Sources};
use latih_asn::quiz::{Mode, Score};
use latih_asn::records::{Attempt, Learner, LearnerInfo, Nip, Status, Verification};

const PEOPLE: usize = 10_000;
const ATTEMPTS: usize = 100_000;
const UNITS: usize = 40;
const RUNS: usize = 7;

fn nip(n: usize) -> String {
    // Born 1970–1989, appointed 2000–2019: dates the NIP check accepts.
    let year = 1970 + n % 20;
    let month = 1 + n % 12;
    let day = 1 + n % 28;
    let tmt = 2000 + n % 20;
    format!(
        "{year}{month:02}{day:02}{tmt}{month:02}{}{:03}",
        1 + n % 2,
        1 + (n / 40) % 999
    )
}

fn modules() -> Vec<String> {
    ["asn", "pilkada", "sanksi", "antikorupsi"]
        .map(str::to_owned)
        .to_vec()
}

struct World {
    roster: Vec<Listed>,
    learners: Vec<Learner>,
    attempts: Vec<Attempt>,
    verification: Verification,
}

fn world() -> World {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let created = Utc.with_ymd_and_hms(2026, 8, 1, 8, 0, 0).unwrap();
    let mut roster = Vec::with_capacity(PEOPLE);
    let mut learners = Vec::with_capacity(PEOPLE);
    for n in 0..PEOPLE {
        let text = nip(n);
        let parsed = Nip::parse(&text, today).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let name = format!("Pegawai {n} binti Contoh");
        let unit = format!("Unit Kerja {:02}", n % UNITS);
        roster.push(Listed {
            nip: text,
            name: name.clone(),
            unit: unit.clone(),
        });
        // Nine in ten have opened the app; their profiles spell the unit their own way.
        if n % 10 != 0 {
            learners.push(Learner {
                version: 2,
                id: Uuid::new_v4(),
                name,
                nip: Some(parsed),
                unit: format!("Bag. {}", n % UNITS),
                instansi: "Pemkab Mesuji".into(),
                created,
                revision: 1,
                device: None,
                signature: None,
            });
        }
    }
    let modules = modules();
    let mut attempts = Vec::with_capacity(ATTEMPTS);
    let mut verification = Verification::default();
    for n in 0..ATTEMPTS {
        let learner = &learners[n % learners.len()];
        let finished = created + chrono::Duration::minutes(i64::try_from(n).unwrap());
        let correct = u32::try_from(n % 11).unwrap();
        let attempt = Attempt {
            version: 3,
            id: Uuid::new_v4(),
            learner: learner.id,
            module: modules[(n / 7) % modules.len()].clone(),
            mode: if n % 3 == 0 {
                Mode::Practice
            } else {
                Mode::Exam
            },
            seed: n as u64,
            started: finished - chrono::Duration::minutes(20),
            finished,
            content_checked: today,
            pass_mark: 80,
            answers: Vec::new(),
            score: Score { correct, total: 10 },
            passed: correct >= 8,
            taken_by: Some(Arc::new(LearnerInfo {
                name: learner.name.clone(),
                nip: learner.nip.clone(),
                unit: learner.unit.clone(),
                instansi: learner.instansi.clone(),
            })),
            content: None,
            session: None,
            device: None,
            sequence: 0,
            previous: None,
            signature: None,
        };
        let status = if n % 500 == 0 {
            Status::Edited
        } else {
            Status::Valid
        };
        verification.status.insert(attempt.id, status);
        attempts.push(attempt);
    }
    World {
        roster,
        learners,
        attempts,
        verification,
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time(label: &str, budget_ms: u128, mut run: impl FnMut() -> usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut size = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        size = run();
        times.push(start.elapsed());
    }
    let median = median(times);
    let verdict = if median.as_millis() <= budget_ms {
        "ok"
    } else {
        "OVER BUDGET"
    };
    println!(
        "{label:<48} {:>8.1} ms  (budget {budget_ms} ms, {verdict}; {size} rows)",
        median.as_secs_f64() * 1000.0
    );
}

fn main() {
    let world = world();
    let modules = modules();
    println!(
        "HR desk: roster {}, profiles {}, attempts {}, units {UNITS}; median of {RUNS} runs",
        world.roster.len(),
        world.learners.len(),
        world.attempts.len()
    );
    let sources = Sources {
        roster: Some(&world.roster),
        learners: &world.learners,
        attempts: &world.attempts,
        verification: &world.verification,
        conflicts: &[],
        modules: &modules,
    };
    time("match records to people and roster (once)", 1000, || {
        Board::build(&sources).people.len()
    });
    let board = Board::build(&sources);
    time("tally: no filter", 100, || {
        board.tally(&Filter::default()).units.len()
    });
    time("tally: one module", 100, || {
        board
            .tally(&Filter {
                module: Some("pilkada".into()),
                ..Filter::default()
            })
            .units
            .len()
    });
    time("tally: one unit (drill-down to its people)", 100, || {
        board
            .tally(&Filter {
                unit: Some("Unit Kerja 07".into()),
                ..Filter::default()
            })
            .people
            .len()
    });
    time("tally: since the campaign period began", 100, || {
        board
            .tally(&Filter {
                from: NaiveDate::from_ymd_opt(2026, 9, 25),
                ..Filter::default()
            })
            .units
            .len()
    });
    time("tally: search by name", 100, || {
        board
            .tally(&Filter {
                search: "pegawai 12".into(),
                ..Filter::default()
            })
            .people
            .len()
    });
    let nip_start = nip(1234)[..10].to_owned();
    time("tally: search by NIP", 100, || {
        board
            .tally(&Filter {
                search: nip_start.clone(),
                ..Filter::default()
            })
            .people
            .len()
    });
    let person = board
        .people
        .iter()
        .filter(|p| !p.learners.is_empty())
        .nth(5000)
        .expect("people who opened the app");
    time("drill-down: one person's attempts", 100, || {
        world
            .attempts
            .iter()
            .filter(|a| person.learners.contains(&a.learner))
            .count()
    });
}
