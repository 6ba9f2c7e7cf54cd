//! The learner's path with the keyboard only: Tab through the controls, type into fields,
//! Enter or Space to activate, arrows and Escape in lessons, letters and Enter in quizzes.

#[path = "harness/app.rs"]
mod harness;
#[path = "harness/keyboard.rs"]
mod keyboard_driver;

use harness::{assert_shows, open, shows_containing};
use iced::keyboard::key::Named;
use keyboard_driver::Keyboard;
use latih_asn::app::Screen;
use latih_asn::lang::Lang;

#[test]
fn the_learner_path_works_without_a_mouse() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = Keyboard::new(open(dir.path(), Lang::Id));

    // Profile form: the name field has the focus from the start; Tab follows reading order
    // (past the "no NIP" checkbox to the NIP), Enter moves on to the next field and saves in
    // the last one.
    kb.type_text("Siti Aminah");
    kb.tab(2);
    kb.type_text("198001012005012001");
    kb.tap(Named::Enter);
    kb.type_text("Bagian Umum");
    kb.tap(Named::Enter);
    kb.type_text("Pemkab Mesuji");
    kb.tap(Named::Enter);
    assert_eq!(
        kb.app.current_learner().map(|l| l.name.as_str()),
        Some("Siti Aminah")
    );
    assert_shows(&kb.app, "Selamat datang, Siti Aminah");

    // Home: three header buttons, "Ubah data profil", then the first module card.
    kb.tab(5);
    kb.tap(Named::Enter);
    assert!(matches!(kb.app.screen(), Screen::Module(_)));

    // Module page: header (3), "Kembali", then "Mulai membaca".
    kb.tab(5);
    kb.tap(Named::Space);
    assert!(matches!(kb.app.screen(), Screen::Lesson(reader) if reader.index == 0));

    // End reaches the end of the lesson; arrows page through lessons and mark the one left
    // behind as read once its end was reached; Escape goes back.
    kb.tap(Named::End);
    kb.tap(Named::ArrowRight);
    assert!(matches!(kb.app.screen(), Screen::Lesson(reader) if reader.index == 1));
    kb.tap(Named::ArrowLeft);
    assert!(matches!(kb.app.screen(), Screen::Lesson(reader) if reader.index == 0));
    kb.tap(Named::Escape);
    assert!(matches!(kb.app.screen(), Screen::Module(_)));
    assert_shows(&kb.app, "Sudah dibaca");

    // Escape from the module page returns home; focus starts afresh on the new page.
    kb.tap(Named::Escape);
    assert!(matches!(kb.app.screen(), Screen::Home(_)));
    assert!(shows_containing(&kb.app, "materi dibaca"));
}

#[test]
fn space_chooses_the_focused_answer_and_enter_confirms() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = Keyboard::new(open(dir.path(), Lang::Id));
    kb.type_text("Budi");
    kb.tab(1);
    kb.tap(Named::Space); // tick "no NIP"
    kb.tab(1);
    kb.type_text("Dinas Kesehatan");
    kb.tab(1);
    kb.type_text("Pemkab Mesuji");
    kb.tap(Named::Enter);
    assert!(kb.app.current_learner().is_some_and(|l| l.nip.is_none()));

    kb.app
        .start_quiz_with_seed("asn", latih_asn::quiz::Mode::Practice, 3);
    // Header (3 buttons), "Keluar dari kuis", then option A.
    kb.tab(5);
    kb.tap(Named::Space);
    let Screen::Quiz(screen) = kb.app.screen() else {
        panic!("quiz")
    };
    assert_eq!(screen.run.selection(), &[0]);
    kb.tap(Named::Enter);
    let Screen::Quiz(screen) = kb.app.screen() else {
        panic!("quiz")
    };
    assert_eq!(screen.run.phase(), latih_asn::quiz::Phase::Feedback);
}
