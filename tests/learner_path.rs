//! The learner's whole path through real screens: create a profile, open a module, read, take
//! a practice quiz and the final test, see the result; then start the app again on the same
//! data directory and find everything as it was left.

#[path = "harness/app.rs"]
mod harness;

use harness::{assert_shows, click, open, send, shows, shows_containing, type_into};
use latih_asn::app::{App, Message, Screen};
use latih_asn::content::{self, Module};
use latih_asn::lang::Lang;
use latih_asn::quiz::Mode;
use latih_asn::screen::learn::{profile, quiz};

const NO_MODIFIERS: iced::keyboard::Modifiers = iced::keyboard::Modifiers::empty();

const MODULE_TITLE_ID: &str = "1. ASN dan UU No. 20 Tahun 2023";

fn module(id: &str) -> Module {
    content::load_embedded()
        .unwrap()
        .module(id)
        .unwrap()
        .clone()
}

fn create_profile(app: &mut App) {
    assert_shows(app, "Profil peserta baru");
    type_into(app, profile::NAME_INPUT, "Siti Aminah");
    type_into(app, profile::NIP_INPUT, "19800101 200501 2 001");
    type_into(app, profile::UNIT_INPUT, "Bagian Umum");
    type_into(app, profile::INSTANSI_INPUT, "Pemkab Mesuji");
    click(app, "Simpan profil");
}

/// The shown text of the option at written index `written` of the current question.
fn option_text(app: &App, module: &Module, written: usize) -> String {
    let Screen::Quiz(screen) = app.screen() else {
        panic!("not on the quiz screen")
    };
    let drawn = screen.run.current().unwrap();
    module
        .question(&drawn.question)
        .unwrap()
        .text(Lang::Id)
        .options[written]
        .text
        .clone()
}

fn current_question(app: &App, module: &Module) -> latih_asn::content::Question {
    let Screen::Quiz(screen) = app.screen() else {
        panic!("not on the quiz screen")
    };
    module
        .question(&screen.run.current().unwrap().question)
        .unwrap()
        .clone()
}

/// Answers the current question right (or, with `right == false`, picks a wrong option).
fn answer(app: &mut App, module: &Module, right: bool) {
    let question = current_question(app, module);
    let picks: Vec<usize> = if right {
        question.correct.clone()
    } else {
        let wrong = (0..question.option_count())
            .find(|i| !question.correct.contains(i))
            .unwrap();
        vec![wrong]
    };
    for written in picks {
        let label = option_text(app, module, written);
        click(app, &label);
    }
}

fn in_quiz(app: &App) -> bool {
    matches!(app.screen(), Screen::Quiz(_))
}

#[test]
fn learner_path_end_to_end_and_restart() {
    let dir = tempfile::tempdir().unwrap();
    let asn = module("asn");
    let mut app = open(dir.path(), Lang::Id);

    // A wrong NIP is refused with a message that says what is wrong.
    type_into(&mut app, profile::NAME_INPUT, "Siti Aminah");
    type_into(&mut app, profile::NIP_INPUT, "1980010120050120");
    type_into(&mut app, profile::UNIT_INPUT, "Bagian Umum");
    type_into(&mut app, profile::INSTANSI_INPUT, "Pemkab Mesuji");
    click(&mut app, "Simpan profil");
    assert_shows(&app, "NIP harus 18 angka; yang diketik 16 angka.");
    assert!(app.current_learner().is_none());

    // Start again with a good NIP.
    let mut app = open(dir.path(), Lang::Id);
    create_profile(&mut app);
    assert_shows(&app, "Selamat datang, Siti Aminah");
    assert_shows(&app, MODULE_TITLE_ID);

    // Open the module and read the first lesson, then go on to the second.
    click(&mut app, MODULE_TITLE_ID);
    assert_shows(&app, "Tujuan pembelajaran");
    click(&mut app, "Mulai membaca");
    assert_shows(&app, asn.lessons[0].title.id.as_str());
    assert_shows(&app, "Dasar hukum");
    assert!(shows_containing(&app, "Materi 1 dari 4"));
    click(&mut app, "Berikutnya ›");
    assert_shows(&app, asn.lessons[1].title.id.as_str());
    click(&mut app, "‹ Kembali");
    assert_shows(&app, "Lanjutkan membaca");
    assert_shows(&app, "Sudah dibaca");

    // Practice: a wrong answer shows why, with the article, and a way to the lesson and back.
    click(&mut app, "Latihan");
    assert!(in_quiz(&app));
    assert_shows(&app, "Soal 1 dari 10");
    answer(&mut app, &asn, false);
    click(&mut app, "Jawab");
    assert_shows(&app, "Belum tepat");
    assert!(shows_containing(&app, "Dasar hukum: "));
    let question = current_question(&app, &asn);
    let lesson_title = asn.lesson(&question.lesson).unwrap().title.id.clone();
    click(&mut app, &format!("Pelajari lagi: {lesson_title}"));
    assert_shows(&app, lesson_title.as_str());
    click(&mut app, "‹ Kembali ke kuis");
    assert_shows(&app, "Belum tepat");
    click(&mut app, "Lanjut ›");
    assert_shows(&app, "Soal 2 dari 10");
    click(&mut app, "Keluar dari kuis");

    // The final test: every answer right, confirmed with the button.
    click(&mut app, "Ujian akhir");
    for n in 1..=10 {
        assert_shows(&app, &format!("Soal {n} dari 10"));
        answer(&mut app, &asn, true);
        click(&mut app, "Simpan jawaban dan lanjut");
    }
    assert!(!in_quiz(&app));
    assert_shows(&app, "Lulus");
    assert_shows(&app, "Skor 100% (10 dari 10 benar)");
    assert_shows(&app, "Nilai lulus modul ini: 80%");
    assert_shows(&app, "Pembahasan setiap soal");
    assert_shows(&app, "Jawaban benar:");
    assert_eq!(app.attempts().len(), 1);
    let attempt_id = app.attempts()[0].id;

    // "Pelajari lagi" from the result opens the lesson that teaches the question.
    let Screen::Result(_) = app.screen() else {
        panic!("expected the result screen")
    };
    let first = &app.attempts()[0].answers[0];
    let lesson = asn
        .lesson(&asn.question(&first.question).unwrap().lesson)
        .unwrap()
        .title
        .id
        .clone();
    click(&mut app, &format!("Pelajari lagi: {lesson}"));
    assert_shows(&app, lesson.as_str());
    click(&mut app, "‹ Kembali ke hasil");
    assert_shows(&app, "Pembahasan setiap soal");

    // Close, start again on the same folder: the profile, progress and result are there.
    drop(app);
    let mut app = open(dir.path(), Lang::Id);
    assert_shows(&app, "Selamat datang, Siti Aminah");
    assert_shows(&app, "Lulus");
    assert!(shows_containing(&app, "Skor ujian terbaik: 100%"));
    assert!(shows_containing(&app, "1 dari 4 materi dibaca"));
    assert_eq!(app.attempts().len(), 1);
    assert_eq!(app.attempts()[0].id, attempt_id);
    click(&mut app, MODULE_TITLE_ID);
    assert_shows(&app, "Riwayat kuis");
    assert_shows(&app, "Lanjutkan membaca");
}

#[test]
fn keyboard_answers_a_practice_quiz() {
    let dir = tempfile::tempdir().unwrap();
    let asn = module("asn");
    let mut app = open(dir.path(), Lang::Id);
    create_profile(&mut app);
    app.start_quiz_with_seed("asn", Mode::Practice, 7);
    let Screen::Quiz(screen) = app.screen() else {
        panic!()
    };
    let drawn = screen.run.current().unwrap().clone();
    let question = asn.question(&drawn.question).unwrap().clone();
    // Type the letter of each right option, as shown after shuffling.
    for written in &question.correct {
        let shown = drawn.order.iter().position(|w| w == written).unwrap();
        let letter = quiz::letter(shown).to_ascii_lowercase().to_string();
        send(
            &mut app,
            Message::KeyPressed(iced::keyboard::Key::Character(letter.into()), NO_MODIFIERS),
        );
    }
    send(
        &mut app,
        Message::KeyPressed(
            iced::keyboard::Key::Named(iced::keyboard::key::Named::Enter),
            NO_MODIFIERS,
        ),
    );
    assert_shows(&app, "Benar");
    send(
        &mut app,
        Message::KeyPressed(
            iced::keyboard::Key::Named(iced::keyboard::key::Named::Enter),
            NO_MODIFIERS,
        ),
    );
    assert_shows(&app, "Soal 2 dari 10");
}

#[test]
fn english_system_locale_and_language_switch_are_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), Lang::En);
    assert_shows(&app, "New participant profile");
    click(&mut app, "Settings");
    click(&mut app, "Bahasa Indonesia");
    assert_shows(&app, "Pengaturan");
    drop(app);
    // The choice wins over the system locale on the next start.
    let app = open(dir.path(), Lang::En);
    assert_shows(&app, "Profil peserta baru");
    assert!(!shows(&app, "New participant profile"));
}

#[test]
fn participant_without_nip_is_registered_and_marked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), Lang::Id);
    type_into(&mut app, profile::NAME_INPUT, "Budi Honorer");
    click(
        &mut app,
        "Saya tidak memiliki NIP (tenaga honorer atau tamu)",
    );
    type_into(&mut app, profile::UNIT_INPUT, "Dinas Kesehatan");
    type_into(&mut app, profile::INSTANSI_INPUT, "Pemkab Mesuji");
    click(&mut app, "Simpan profil");
    assert_shows(&app, "Selamat datang, Budi Honorer");
    click(&mut app, "Ganti profil");
    assert!(shows_containing(&app, "Tanpa NIP"));
}

#[test]
fn window_size_and_position_are_remembered_at_close() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), Lang::Id);
    send(
        &mut app,
        Message::Window(iced::window::Event::Resized(iced::Size::new(900.0, 640.0))),
    );
    send(
        &mut app,
        Message::Window(iced::window::Event::Moved(iced::Point::new(40.0, 30.0))),
    );
    send(
        &mut app,
        Message::Window(iced::window::Event::CloseRequested),
    );
    let settings = latih_asn::records::Store::open(dir.path())
        .unwrap()
        .load()
        .settings;
    let placement = settings.window.expect("saved at close");
    assert_eq!((placement.width, placement.height), (900.0, 640.0));
    assert_eq!((placement.x, placement.y), (Some(40.0), Some(30.0)));
}
