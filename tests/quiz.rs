//! The quiz engine: seeded drawing and shuffling, answering, feedback flow, scoring.

use std::collections::BTreeSet;

use latih_asn::content::{self, Form, Module, QuestionKind};
use latih_asn::quiz::{Mode, Phase, QuizRun, draw, is_correct};

fn asn() -> Module {
    content::load_embedded()
        .unwrap()
        .module("asn")
        .unwrap()
        .clone()
}

#[test]
fn the_same_seed_draws_the_same_quiz() {
    let module = asn();
    assert_eq!(draw(&module, 10, 42, None), draw(&module, 10, 42, None));
    assert_ne!(draw(&module, 10, 42, None), draw(&module, 10, 43, None));
}

#[test]
fn draws_distinct_questions_and_shuffles_options_but_not_true_false() {
    let module = asn();
    let mut shuffled_somewhere = false;
    for seed in 0..20 {
        let drawn = draw(&module, 10, seed, None);
        assert_eq!(drawn.len(), 10);
        let ids: BTreeSet<_> = drawn.iter().map(|d| &d.question).collect();
        assert_eq!(ids.len(), 10);
        for d in &drawn {
            let question = module.question(&d.question).unwrap();
            let mut sorted = d.order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..question.option_count()).collect::<Vec<_>>());
            if question.kind == QuestionKind::TrueFalse {
                assert_eq!(d.order, vec![0, 1]);
            } else if d.order != sorted {
                shuffled_somewhere = true;
            }
        }
    }
    assert!(shuffled_somewhere);
}

#[test]
fn draw_is_capped_by_the_pool_and_can_take_one_form() {
    let module = asn();
    let all = draw(&module, 1000, 1, None);
    assert_eq!(all.len(), module.questions.len());
    let form_b = draw(&module, 1000, 1, Some(Form::B));
    assert!(!form_b.is_empty());
    assert!(
        form_b
            .iter()
            .all(|d| module.question(&d.question).unwrap().form == Form::B)
    );
}

/// The shown position of written option `written` in the current question.
fn shown(run: &QuizRun, written: usize) -> usize {
    run.current()
        .unwrap()
        .order
        .iter()
        .position(|&w| w == written)
        .unwrap()
}

#[test]
fn practice_shows_feedback_and_exam_moves_on() {
    let module = asn();
    let mut practice = QuizRun::new(&module, Mode::Practice, 5, draw(&module, 3, 5, None));
    assert!(!practice.can_confirm());
    practice.choose(&module, 0);
    practice.confirm();
    assert_eq!(practice.phase(), Phase::Feedback);
    assert_eq!(practice.position(), 0);
    // Choosing after confirming changes nothing.
    let before = practice.answer(0).unwrap().to_vec();
    practice.choose(&module, 1);
    assert_eq!(practice.answer(0).unwrap(), before.as_slice());
    practice.next();
    assert_eq!(
        (practice.phase(), practice.position()),
        (Phase::Answering, 1)
    );

    let mut exam = QuizRun::new(&module, Mode::Exam, 5, draw(&module, 3, 5, None));
    for n in 0..3 {
        assert_eq!(exam.position(), n);
        exam.choose(&module, 0);
        exam.confirm();
    }
    assert_eq!(exam.phase(), Phase::Finished);
}

#[test]
fn scoring_counts_exactly_right_answers() {
    let module = asn();
    let drawn = draw(&module, 10, 9, None);
    let mut run = QuizRun::new(&module, Mode::Exam, 9, drawn);
    let mut expected = 0;
    for n in 0..10 {
        let question = module
            .question(&run.current().unwrap().question)
            .unwrap()
            .clone();
        // Right on even positions, wrong on odd ones.
        let picks: Vec<usize> = if n % 2 == 0 {
            expected += 1;
            question.correct.clone()
        } else {
            vec![
                (0..question.option_count())
                    .find(|i| !question.correct.contains(i))
                    .unwrap(),
            ]
        };
        for written in picks {
            let at = shown(&run, written);
            run.choose(&module, at);
        }
        run.confirm();
    }
    let score = run.score(&module);
    assert_eq!((score.correct, score.total), (expected, 10));
    assert!(!score.passed(80));
}

#[test]
fn multiple_select_toggles_and_is_all_or_nothing() {
    let module = asn();
    let question = module
        .questions
        .iter()
        .find(|q| q.kind == QuestionKind::Multiple)
        .unwrap();
    assert!(is_correct(question, &question.correct));
    assert!(!is_correct(question, &question.correct[..1]));
    let all: Vec<usize> = (0..question.option_count()).collect();
    assert!(
        !is_correct(question, &all),
        "ticking every box must not score"
    );
    assert!(!is_correct(question, &[]));

    let drawn = vec![latih_asn::quiz::Drawn {
        question: question.id.clone(),
        order: (0..question.option_count()).collect(),
    }];
    let mut run = QuizRun::new(&module, Mode::Practice, 0, drawn);
    run.choose(&module, 0);
    run.choose(&module, 1);
    run.choose(&module, 0);
    assert_eq!(run.selection(), &[1]);
}
