//! At 200% text size on a 1366×768 screen the window is 683×384 logical pixels: every screen
//! must reflow so that no text runs off the right edge (the page scrolls vertically instead).

#[path = "harness/app.rs"]
mod harness;

use harness::{click, open, send, text_overflowing, type_into};
use latih_asn::app::{App, Message};
use latih_asn::lang::Lang;
use latih_asn::quiz::Mode;
use latih_asn::screen::learn::{profile, quiz};

const WIDTH: f32 = 1366.0 / 2.0;
const HEIGHT: f32 = 768.0 / 2.0;

fn check(app: &App, screen: &str) {
    if let Some(overflow) = text_overflowing(app, WIDTH, HEIGHT) {
        panic!("{screen} at 200%: {overflow}");
    }
}

fn walk(lang: Lang) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), lang);
    check(&app, "new profile form");
    type_into(
        &mut app,
        profile::NAME_INPUT,
        "Raden Ayu Siti Aminah Kusumawardhani, S.E., M.Si.",
    );
    type_into(&mut app, profile::NIP_INPUT, "198001012005012001");
    type_into(
        &mut app,
        profile::UNIT_INPUT,
        "Bagian Organisasi dan Tata Laksana Sekretariat Daerah",
    );
    type_into(
        &mut app,
        profile::INSTANSI_INPUT,
        "Pemerintah Kabupaten Mesuji",
    );
    click(
        &mut app,
        if lang == Lang::Id {
            "Simpan profil"
        } else {
            "Save profile"
        },
    );
    check(&app, "home");
    for module in ["asn", "pilkada", "sanksi", "antikorupsi"] {
        send(
            &mut app,
            Message::Home(latih_asn::screen::learn::home::Message::ModuleOpened(
                module.into(),
            )),
        );
        check(&app, module);
        send(
            &mut app,
            Message::Module(latih_asn::screen::learn::module::Message::ContinuePressed),
        );
        check(&app, &format!("{module} first lesson"));
        send(&mut app, Message::HomePressed);
    }
    app.start_quiz_with_seed("sanksi", Mode::Practice, 11);
    check(&app, "quiz");
    send(&mut app, Message::Quiz(quiz::Message::OptionPressed(0)));
    send(&mut app, Message::Quiz(quiz::Message::ConfirmPressed));
    check(&app, "quiz feedback");
    app.start_quiz_with_seed("pilkada", Mode::Exam, 11);
    for _ in 0..10 {
        send(&mut app, Message::Quiz(quiz::Message::OptionPressed(1)));
        send(&mut app, Message::Quiz(quiz::Message::ConfirmPressed));
    }
    check(&app, "result");
    send(&mut app, Message::SettingsPressed);
    check(&app, "settings");
    send(&mut app, Message::SwitchProfilePressed);
    check(&app, "profile list");
}

#[test]
fn indonesian_screens_reflow_at_200_percent() {
    walk(Lang::Id);
}

#[test]
fn english_screens_reflow_at_200_percent() {
    walk(Lang::En);
}

/// The check itself must see overflow when there is some: at 80 pixels not even one header
/// button fits.
#[test]
fn the_overflow_check_detects_cut_text() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path(), Lang::Id);
    assert!(text_overflowing(&app, 80.0, HEIGHT).is_some());
}
