//! What a learner tripped over, tried in a window of the minimum size: every new screen opens
//! at its top; lessons scroll from the keyboard and count as read once their end is reached;
//! after an answer the verdict comes into view first; feedback explains every option.

#[path = "harness/app.rs"]
mod harness;
#[path = "harness/keyboard.rs"]
mod keyboard;

use iced::keyboard::key::Named;

use harness::{click, open, type_into};
use keyboard::Keyboard;
use latih_asn::app::{App, Message, Screen};
use latih_asn::lang::Lang;
use latih_asn::screen::learn::{home, lesson, module, profile, quiz, result};

fn with_profile(dir: &std::path::Path) -> App {
    let mut app = open(dir, Lang::Id);
    type_into(&mut app, profile::NAME_INPUT, "Siti Aminah");
    type_into(&mut app, profile::NIP_INPUT, "198001012005012001");
    type_into(&mut app, profile::UNIT_INPUT, "Bagian Umum");
    type_into(&mut app, profile::INSTANSI_INPUT, "Pemkab Mesuji");
    click(&mut app, "Simpan profil");
    app
}

/// The minimum window at 100% text (at 200% the same page is laid out in half the pixels).
const W: f32 = 720.0;
const H: f32 = 520.0;

#[test]
fn every_new_screen_opens_at_its_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = Keyboard::sized(with_profile(dir.path()), W, H);
    let went = |kb: &mut Keyboard, message: Message, what: &str| {
        kb.scroll_page_to(f32::MAX);
        assert!(
            kb.page_offset() > 0.0,
            "{what}: the page before could scroll"
        );
        kb.send(message);
        assert_eq!(kb.page_offset(), 0.0, "{what} opens at its top");
    };
    went(
        &mut kb,
        Message::Home(home::Message::ModuleOpened("asn".into())),
        "module page",
    );
    went(
        &mut kb,
        Message::Module(module::Message::LessonOpened(0)),
        "lesson",
    );
    went(
        &mut kb,
        Message::Lesson(lesson::Message::NextKey),
        "next lesson",
    );
    went(
        &mut kb,
        Message::Lesson(lesson::Message::BackPressed),
        "module page again",
    );
    went(&mut kb, Message::SettingsPressed, "settings");
    went(&mut kb, Message::HomePressed, "home");
    kb.send(Message::Home(home::Message::ModuleOpened("asn".into())));
    kb.send(Message::Module(module::Message::PracticePressed));
    // Answer everything; the result opens at its top with the score in view.
    for _ in 0..100 {
        if !matches!(kb.app.screen(), Screen::Quiz(_)) {
            break;
        }
        if kb.page_offset() == 0.0 {
            kb.scroll_page_to(f32::MAX);
        }
        kb.type_text("1");
        kb.tap(Named::Enter);
    }
    assert!(matches!(kb.app.screen(), Screen::Result(_)));
    assert_eq!(kb.page_offset(), 0.0, "the result opens at its top");
}

#[test]
fn lessons_scroll_from_the_keyboard_and_count_as_read_at_their_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = Keyboard::sized(with_profile(dir.path()), W, H);
    kb.send(Message::Home(home::Message::ModuleOpened("asn".into())));
    kb.send(Message::Module(module::Message::LessonOpened(0)));
    assert_eq!(kb.page_offset(), 0.0);
    kb.tap(Named::ArrowDown);
    let line = kb.page_offset();
    assert!(line > 0.0, "Down scrolls");
    kb.tap(Named::PageDown);
    let page = kb.page_offset();
    assert!(page > line + 200.0, "PageDown scrolls most of a window");
    kb.tap(Named::PageUp);
    assert!(kb.page_offset() < page);
    kb.tap(Named::Space);
    assert!(kb.page_offset() > line);
    kb.tap(Named::Home);
    assert_eq!(kb.page_offset(), 0.0);
    // Paging past lesson 1 unread does not mark it read.
    kb.tap(Named::ArrowRight);
    assert!(matches!(kb.app.screen(), Screen::Lesson(reader) if reader.index == 1));
    let read = |kb: &Keyboard, lesson: usize| {
        let id = &latih_asn::content::load_embedded()
            .unwrap()
            .module("asn")
            .unwrap()
            .lessons[lesson]
            .id
            .clone();
        kb.app
            .progress_of_current()
            .is_some_and(|p| p.is_read("asn", id))
    };
    assert!(!read(&kb, 0), "lesson 1 was only paged past");
    // Reading lesson 2 to its end, then moving on, marks it read.
    kb.tap(Named::End);
    kb.tap(Named::ArrowRight);
    assert!(matches!(kb.app.screen(), Screen::Lesson(reader) if reader.index == 2));
    assert!(read(&kb, 1), "lesson 2 was read to its end");
}

#[test]
fn after_an_answer_the_verdict_is_in_view_and_every_option_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    // 200% text: the minimum window is half as many logical pixels.
    let mut kb = Keyboard::sized(with_profile(dir.path()), W / 2.0, H / 2.0);
    kb.send(Message::Home(home::Message::ModuleOpened("asn".into())));
    kb.send(Message::Module(module::Message::PracticePressed));
    kb.type_text("1");
    kb.tap(Named::Enter);
    let (band, panel) = kb.band_and(quiz::FEEDBACK);
    let (top, _) = panel.expect("the feedback panel is shown");
    assert!(
        band.0 <= top && top < band.1,
        "the verdict's top {top} is in the visible band {band:?}"
    );
    // Every option has its "why": the right one, the pick, and the others.
    let Screen::Quiz(screen) = kb.app.screen() else {
        panic!("still on the quiz")
    };
    let catalog = latih_asn::content::load_embedded().unwrap();
    let question = catalog
        .module("asn")
        .unwrap()
        .question(&screen.run.current().unwrap().question)
        .unwrap()
        .clone();
    for option in &question.text(Lang::Id).options {
        assert!(
            harness::shows(&kb.app, &option.why),
            "the why of {:?} is shown",
            option.text
        );
    }
}

/// An exam is never lost without a question: leaving asks, the answers are kept after every
/// answer, and after a restart the module page offers to go on. Enter never leaves.
#[test]
fn an_unfinished_exam_asks_before_leaving_and_goes_on_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = Keyboard::new(with_profile(dir.path()));
    kb.send(Message::Home(home::Message::ModuleOpened("asn".into())));
    kb.send(Message::Module(module::Message::ExamPressed));
    // Enter on a focused "Keluar dari kuis" does not leave (Enter answers).
    kb.tab(4);
    kb.tap(Named::Enter);
    assert!(matches!(kb.app.screen(), Screen::Quiz(q) if q.leaving.is_none()));
    for _ in 0..3 {
        kb.type_text("1");
        kb.tap(Named::Enter);
    }
    // The header's way out asks first; staying keeps the exam.
    kb.send(Message::HomePressed);
    assert!(harness::shows(&kb.app, "Keluar dari ujian?"));
    kb.send(Message::Quiz(quiz::Message::StayPressed));
    assert!(matches!(kb.app.screen(), Screen::Quiz(q) if q.run.answered() == 3));
    // "Keluar dari kuis" asks too; leaving keeps the answers on disk.
    kb.send(Message::Quiz(quiz::Message::QuitPressed));
    assert!(harness::shows_containing(
        &kb.app,
        "3 dari 10 jawaban Anda sudah tersimpan"
    ));
    kb.send(Message::Quiz(quiz::Message::LeaveConfirmed));
    assert!(matches!(kb.app.screen(), Screen::Module(_)));
    assert!(harness::shows_containing(
        &kb.app,
        "3 dari 10 soal sudah dijawab"
    ));

    // A restart (the window closed, the PC switched off): the exam is still there.
    drop(kb);
    let mut kb = Keyboard::new(open(dir.path(), Lang::Id));
    kb.send(Message::Home(home::Message::ModuleOpened("asn".into())));
    assert!(harness::shows(&kb.app, "Lanjutkan ujian"));
    kb.send(Message::Module(module::Message::ResumePressed));
    let Screen::Quiz(quiz) = kb.app.screen() else {
        panic!("the exam goes on")
    };
    assert_eq!(quiz.run.position(), 3, "at the first unanswered question");
    for _ in 0..20 {
        if !matches!(kb.app.screen(), Screen::Quiz(_)) {
            break;
        }
        kb.type_text("1");
        kb.tap(Named::Enter);
    }
    assert!(matches!(kb.app.screen(), Screen::Result(_)));
    // Recorded once, with all ten answers; nothing left to resume.
    let exams: Vec<_> = kb
        .app
        .attempts()
        .iter()
        .filter(|a| a.mode == latih_asn::quiz::Mode::Exam)
        .collect();
    assert_eq!(exams.len(), 1);
    assert_eq!(exams[0].answers.len(), 10);
    assert!(exams[0].answers.iter().all(|a| !a.chosen.is_empty()));
    kb.send(Message::HomePressed);
    kb.send(Message::Home(home::Message::ModuleOpened("asn".into())));
    assert!(!harness::shows(&kb.app, "Lanjutkan ujian"));
    assert_eq!(
        std::fs::read_dir(dir.path().join("unfinished"))
            .unwrap()
            .count(),
        0
    );
}

/// Answers every question of the running quiz with the first option.
fn answer_all(kb: &mut Keyboard) {
    for _ in 0..100 {
        if !matches!(kb.app.screen(), Screen::Quiz(_)) {
            break;
        }
        kb.type_text("1");
        kb.tap(Named::Enter);
    }
    assert!(matches!(kb.app.screen(), Screen::Result(_)));
}

/// *Pelajari lagi* from the review opens the lesson with a way back to the review, which
/// comes back at the answer the learner left (not at the module page, not at the top).
#[test]
fn a_lesson_opened_from_the_review_returns_to_that_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = Keyboard::sized(with_profile(dir.path()), W, H);
    kb.send(Message::Home(home::Message::ModuleOpened("asn".into())));
    kb.send(Message::Module(module::Message::PracticePressed));
    answer_all(&mut kb);
    let attempt = kb.app.attempts().last().cloned().unwrap();
    let last = attempt.answers.len() - 1;
    let catalog = latih_asn::content::load_embedded().unwrap();
    let lesson_id = catalog
        .module("asn")
        .unwrap()
        .question(&attempt.answers[last].question)
        .unwrap()
        .lesson
        .clone();
    kb.scroll_page_to(f32::MAX);
    kb.send(Message::Result(result::Message::LessonPressed(
        last,
        lesson_id.clone(),
    )));
    assert!(matches!(kb.app.screen(), Screen::Lesson(_)));
    assert_eq!(kb.page_offset(), 0.0, "the lesson opens at its top");
    // Reading on to the next lesson keeps the way back.
    kb.tap(Named::ArrowRight);
    assert!(harness::shows(&kb.app, "‹ Kembali ke hasil"));
    kb.tap(Named::Escape);
    assert!(matches!(kb.app.screen(), Screen::Result(r) if r.attempt == attempt.id));
    let (band, card) = kb.band_and(result::answer_id(last));
    let (top, _) = card.expect("the review of the last answer is shown");
    assert!(
        band.0 <= top && top < band.1 && band.0 > 0.0,
        "back at the last answer's review: its top {top} in the band {band:?}"
    );
    // From the module page, a lesson goes back to the module page as before.
    kb.send(Message::Result(result::Message::BackPressed));
    kb.send(Message::Module(module::Message::LessonOpened(0)));
    assert!(harness::shows(&kb.app, "‹ Kembali"));
    assert!(!harness::shows(&kb.app, "‹ Kembali ke hasil"));
}

/// Practice is not graded: its result and its row in the history show the score, never a big
/// *Lulus* or *Belum lulus*; an exam's do.
#[test]
fn a_practice_run_shows_no_pass_or_fail() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = Keyboard::sized(with_profile(dir.path()), W, H);
    kb.send(Message::Home(home::Message::ModuleOpened("sanksi".into())));
    kb.send(Message::Module(module::Message::PracticePressed));
    answer_all(&mut kb);
    assert!(harness::shows(&kb.app, "Latihan selesai"));
    assert!(!harness::shows(&kb.app, "Lulus"));
    assert!(!harness::shows(&kb.app, "Belum lulus"));
    kb.send(Message::Result(result::Message::BackPressed));
    assert!(!harness::shows(&kb.app, "Lulus"));
    assert!(!harness::shows(&kb.app, "Belum lulus"));
    kb.send(Message::Module(module::Message::ExamPressed));
    answer_all(&mut kb);
    let passed = kb.app.attempts().last().unwrap().passed;
    let verdict = if passed { "Lulus" } else { "Belum lulus" };
    assert!(harness::shows(&kb.app, verdict));
    kb.send(Message::Result(result::Message::BackPressed));
    assert!(
        harness::shows(&kb.app, verdict),
        "the exam's row says {verdict}"
    );
}

/// A multiple-select review lists each option on its own line: no "….; B. …".
#[test]
fn a_multiple_answer_review_shows_one_option_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = Keyboard::sized(with_profile(dir.path()), W, H);
    let catalog = latih_asn::content::load_embedded().unwrap();
    let mut multi_seen = false;
    for module in ["asn", "pilkada", "sanksi", "antikorupsi"] {
        kb.send(Message::Home(home::Message::ModuleOpened(module.into())));
        kb.send(Message::Module(module::Message::PracticePressed));
        answer_all(&mut kb);
        assert!(!harness::shows_containing(&kb.app, ".;"), "{module}");
        let attempt = kb.app.attempts().last().cloned().unwrap();
        for answer in &attempt.answers {
            let question = catalog
                .module(module)
                .unwrap()
                .question(&answer.question)
                .unwrap();
            if question.correct.len() < 2 {
                continue;
            }
            multi_seen = true;
            // Each right option is a text of its own, "X. option".
            for &right in &question.correct {
                let option = &question.text(Lang::Id).options[right].text;
                let position = answer.order.iter().position(|&w| w == right).unwrap();
                let letter = char::from(b'A' + position as u8);
                assert!(
                    harness::shows(&kb.app, &format!("{letter}. {option}")),
                    "{module}: {letter}. {option} on a line of its own"
                );
            }
        }
        kb.send(Message::HomePressed);
    }
    assert!(multi_seen, "some drawn question has several right answers");
}

/// Words for people: the learner's screens (the profile form with a wrong NIP, home, a module,
/// a lesson, a quiz's feedback, a result, Settings) never show the words of programmers or of
/// HR's tools; a news report is cited as a *Sumber*, never as *Dasar hukum*.
#[test]
fn learner_screens_speak_plainly_and_cite_news_as_a_source() {
    const JARGON: [&str; 7] = [
        "bundle",
        "xAPI",
        "RON",
        "--data-dir",
        "LATIH_ASN_DATA_DIR",
        "yyyymm",
        "berkas RON",
    ];
    let plain = |app: &App, screen: &str| {
        for word in JARGON {
            assert!(
                !harness::shows_containing(app, word),
                "{screen} shows {word:?}"
            );
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), Lang::Id);
    type_into(&mut app, profile::NAME_INPUT, "Siti Aminah");
    // Born on the 32nd of a month, appointed in month 13.
    type_into(&mut app, profile::NIP_INPUT, "198001322005132001");
    click(&mut app, "Simpan profil");
    assert!(harness::shows_containing(&app, "misalnya 19800101"));
    plain(&app, "the profile form");
    let mut app = with_profile(tempfile::tempdir().unwrap().path());
    plain(&app, "home");
    harness::send(
        &mut app,
        Message::Home(home::Message::ModuleOpened("pilkada".into())),
    );
    plain(&app, "the module page");
    let catalog = latih_asn::content::load_embedded().unwrap();
    let pilkada = catalog.module("pilkada").unwrap();
    fn news<'c>(
        catalog: &latih_asn::content::Catalog,
        cites: &'c [latih_asn::content::Citation],
    ) -> Option<&'c latih_asn::content::Citation> {
        cites.iter().find(|c| {
            catalog.instrument(&c.instrument).map(|i| i.kind)
                == Some(latih_asn::content::InstrumentKind::News)
        })
    }
    let (index, lesson) = pilkada
        .lessons
        .iter()
        .enumerate()
        .find(|(_, l)| news(&catalog, &l.cites).is_some())
        .expect("a pilkada lesson cites a news report");
    harness::send(
        &mut app,
        Message::Module(module::Message::LessonOpened(index)),
    );
    plain(&app, "a lesson");
    let source = catalog
        .instrument(&news(&catalog, &lesson.cites).unwrap().instrument)
        .unwrap()
        .short
        .id
        .clone();
    assert!(
        harness::shows(&app, "Sumber"),
        "the lesson has a Sumber section"
    );
    assert!(harness::shows_containing(&app, &source));
    // The quiz: a question citing a news report says "Sumber: …" under its explanation.
    app.start_quiz_with_seed("pilkada", latih_asn::quiz::Mode::Practice, 1);
    let mut news_seen = 0;
    for _ in 0..20 {
        harness::send(&mut app, Message::Quiz(quiz::Message::OptionPressed(0)));
        harness::send(&mut app, Message::Quiz(quiz::Message::ConfirmPressed));
        plain(&app, "quiz feedback");
        let Screen::Quiz(screen) = app.screen() else {
            break;
        };
        let question = pilkada
            .question(&screen.run.current().unwrap().question)
            .unwrap();
        if let Some(cite) = news(&catalog, &question.cites) {
            news_seen += 1;
            let name = &catalog.instrument(&cite.instrument).unwrap().short.id;
            assert!(harness::shows_containing(&app, &format!("Sumber: {name}")));
            assert!(!harness::shows_containing(
                &app,
                &format!("Dasar hukum: {name}")
            ));
        }
        harness::send(&mut app, Message::Quiz(quiz::Message::NextPressed));
    }
    assert!(
        news_seen > 0,
        "the drawn quiz has a question citing a news report"
    );
    assert!(matches!(app.screen(), Screen::Result(_)));
    plain(&app, "the result");
    harness::send(&mut app, Message::SettingsPressed);
    plain(&app, "Settings");
    // The way to hand in a session test names the button as Settings shows it.
    assert!(harness::shows(&app, "Simpan catatan untuk SDM"));
    harness::send(&mut app, Message::HomePressed);
    harness::send(&mut app, Message::Home(home::Message::JoinPressed));
    plain(&app, "joining a session test");
    assert!(harness::shows_containing(
        &app,
        "(Pengaturan › Simpan catatan untuk SDM)"
    ));
}

/// On a 1920×1080 screen the pages are no wider than a comfortable reading width and sit in
/// the middle: every text below the header starts at least a third of the way from the left
/// edge minus the margin, and ends as far from the right.
#[test]
fn pages_are_centred_and_narrow_on_a_wide_screen() {
    const WIDTH: f32 = 1920.0;
    fn span(app: &App) -> (f32, f32) {
        let settings = iced::Settings {
            fonts: latih_asn::fonts::all(),
            default_font: latih_asn::fonts::DEFAULT,
            ..iced::Settings::default()
        };
        let mut ui = iced_test::Simulator::with_size(settings, (WIDTH, 1080.0), app.view());
        let seen = std::sync::Mutex::new((f32::MAX, 0.0_f32));
        let _ = ui.find(|candidate: iced_test::selector::Candidate<'_>| {
            if let iced_test::selector::Candidate::Text { bounds, .. } = candidate
                && bounds.y > 120.0
            {
                let mut seen = seen.lock().unwrap();
                seen.0 = seen.0.min(bounds.x);
                seen.1 = seen.1.max(bounds.x + bounds.width);
            }
            None::<()>
        });
        seen.into_inner().unwrap()
    }
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_profile(dir.path());
    let check = |app: &mut App, screen: &str| {
        let (left, right) = span(app);
        assert!(left < right, "{screen}: no text found below the header");
        assert!(
            left >= (WIDTH - latih_asn::widget::WIDE) / 2.0 - 1.0
                && right <= (WIDTH + latih_asn::widget::WIDE) / 2.0 + 1.0,
            "{screen}: text spans {left}..{right} of {WIDTH}"
        );
    };
    check(&mut app, "home");
    harness::send(
        &mut app,
        Message::Home(home::Message::ModuleOpened("asn".into())),
    );
    check(&mut app, "module");
    harness::send(&mut app, Message::Module(module::Message::LessonOpened(0)));
    check(&mut app, "lesson");
    app.start_quiz_with_seed("asn", latih_asn::quiz::Mode::Practice, 2);
    check(&mut app, "quiz");
    harness::send(&mut app, Message::SettingsPressed);
    check(&mut app, "settings");
    harness::send(&mut app, Message::SwitchProfilePressed);
    check(&mut app, "profiles");
}
