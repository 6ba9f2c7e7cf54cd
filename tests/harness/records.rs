//! Records made the way the app makes them, shared by the integration tests: a signed profile
//! and a finished, signed quiz.

#![allow(dead_code)]

use chrono::{NaiveDate, Utc};
use latih_asn::content;
use latih_asn::quiz::{self, Mode, QuizRun};
use latih_asn::records::{
    Attempt, Authority, Correction, CorrectionKind, Learner, LearnerDraft, Store,
};

/// A profile as the form makes it (unit "Bagian Umum", instansi "Pemkab Mesuji"), saved signed.
/// An empty `nip` makes a participant without NIP.
pub fn learner(store: &Store, name: &str, nip: &str) -> Learner {
    let draft = LearnerDraft {
        name: name.into(),
        nip: nip.into(),
        without_nip: nip.is_empty(),
        unit: "Bagian Umum".into(),
        instansi: "Pemkab Mesuji".into(),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let learner = draft.build(&[], today, Utc::now()).unwrap();
    store.save_learner(&learner).unwrap()
}

/// Takes a quiz of module "asn" (right answers when `pass`) and records it signed.
pub fn take(store: &Store, learner: &Learner, mode: Mode, seed: u64, pass: bool) -> Attempt {
    take_in(store, learner, "asn", mode, seed, pass)
}

/// Takes a quiz of an embedded module (right answers when `pass`) and records it signed.
pub fn take_in(
    store: &Store,
    learner: &Learner,
    module: &str,
    mode: Mode,
    seed: u64,
    pass: bool,
) -> Attempt {
    let catalog = content::load_embedded().unwrap();
    let module = catalog.module(module).unwrap();
    let mut run = QuizRun::new(module, mode, seed, quiz::draw(module, 10, seed, None));
    while run.phase() != quiz::Phase::Finished {
        let drawn = run.current().unwrap().clone();
        let question = module.question(&drawn.question).unwrap();
        let picks: Vec<usize> = if pass {
            question.correct.clone()
        } else {
            vec![
                (0..question.option_count())
                    .find(|i| !question.correct.contains(i))
                    .unwrap(),
            ]
        };
        for written in picks {
            let shown = drawn.order.iter().position(|w| *w == written).unwrap();
            run.choose(module, shown);
        }
        run.confirm();
        // Practice shows feedback after each answer; an exam has already moved on.
        run.next();
    }
    let attempt = Attempt::from_run(&run, module, learner, Utc::now(), Utc::now());
    store.record_attempt(&attempt).unwrap()
}

/// An exam, passed or not.
pub fn take_exam(store: &Store, learner: &Learner, seed: u64, pass: bool) -> Attempt {
    take(store, learner, Mode::Exam, seed, pass)
}

/// A correction decided by HR: signed by the store's authority key (made if it has none), so
/// it counts.
pub fn hr_correct(store: &Store, kind: CorrectionKind, reason: &str, by: &str) -> Correction {
    let authority = match store.authority().unwrap() {
        Some(authority) => authority,
        None => Authority::create(store.root(), "BKPSDM Kab. Mesuji", Utc::now()).unwrap(),
    };
    let correction = Correction::by_authority(kind, reason, by, Utc::now(), &authority);
    store.save_correction(&correction).unwrap();
    correction
}
