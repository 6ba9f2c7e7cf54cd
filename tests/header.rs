//! The smallest window at 200% text (720×520 on screen is 360×260 logical pixels), with a
//! realistic long name and unit: every header action is on screen, whole, and works, and no
//! text is cut or squeezed, on every learner screen and in both languages.

#[path = "harness/app.rs"]
mod harness;

use harness::{click, open, send, type_into};
use iced::Rectangle;
use iced_test::Simulator;
use iced_test::selector::Candidate;
use latih_asn::app::{App, Message, Screen};
use latih_asn::fonts;
use latih_asn::lang::Lang;
use latih_asn::quiz::Mode;
use latih_asn::screen::learn::{home, module, profile, quiz};

const W: f32 = 720.0 / 2.0;
const H: f32 = 520.0 / 2.0;
const NAME: &str = "Dr. Hj. Raden Ayu Siti Aminah Kusumawardhani, S.Sos., M.Si.";

fn small(app: &App) -> Simulator<'_, Message> {
    let settings = iced::Settings {
        fonts: fonts::all(),
        default_font: fonts::DEFAULT,
        ..iced::Settings::default()
    };
    Simulator::with_size(settings, (W, H), app.view())
}

/// Where the text exactly `label` is drawn, if anywhere.
fn bounds_of(app: &App, label: &str) -> Option<Rectangle> {
    let label = label.to_owned();
    small(app)
        .find(move |candidate: Candidate<'_>| match candidate {
            Candidate::Text {
                content, bounds, ..
            } if content == label => Some(bounds),
            _ => None,
        })
        .ok()
}

fn labels(lang: Lang, with_switch: bool) -> Vec<&'static str> {
    let all = match lang {
        Lang::Id => ["Beranda", "Ganti profil", "Pengaturan"],
        Lang::En => ["Home", "Switch profile", "Settings"],
    };
    all.into_iter()
        .enumerate()
        .filter(|(i, _)| with_switch || *i != 1)
        .map(|(_, label)| label)
        .collect()
}

fn every_action_is_whole_on_screen(app: &App, lang: Lang, with_switch: bool, screen: &str) {
    // Nothing on the page is cut or squeezed either (the quiz's way out once was).
    if let Some(cut) = harness::text_overflowing(app, W, H) {
        panic!("{screen} at the smallest window at 200%: {cut}");
    }
    for label in labels(lang, with_switch) {
        let at = bounds_of(app, label)
            .unwrap_or_else(|| panic!("{screen}: {label:?} is not in the header"));
        assert!(
            at.x >= 0.0 && at.x + at.width <= W + 0.5 && at.y + at.height <= H + 0.5,
            "{screen}: {label:?} is off screen at {at:?}"
        );
        // Squeezed into less room than it needs, a label wraps or is clipped: one line of
        // 17 px text is under 30 px high, and no Noto Sans letter is narrower than 4.5 px.
        let letters = label.chars().filter(|c| !c.is_whitespace()).count() as f32;
        assert!(
            at.height < 30.0 && at.width >= 4.5 * letters,
            "{screen}: {label:?} is squeezed into {at:?}"
        );
    }
}

fn walk(lang: Lang) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), lang);
    if let Some(cut) = harness::text_overflowing(&app, W, H) {
        panic!("the first start's profile form: {cut}");
    }
    type_into(&mut app, profile::NAME_INPUT, NAME);
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
    assert!(matches!(app.screen(), Screen::Home(_)));

    every_action_is_whole_on_screen(&app, lang, true, "home");
    send(
        &mut app,
        Message::Home(home::Message::ModuleOpened("asn".into())),
    );
    every_action_is_whole_on_screen(&app, lang, true, "module");
    send(&mut app, Message::Module(module::Message::LessonOpened(0)));
    every_action_is_whole_on_screen(&app, lang, true, "lesson");
    app.start_quiz_with_seed("sanksi", Mode::Practice, 3);
    every_action_is_whole_on_screen(&app, lang, true, "quiz");
    send(&mut app, Message::Quiz(quiz::Message::OptionPressed(0)));
    send(&mut app, Message::Quiz(quiz::Message::ConfirmPressed));
    every_action_is_whole_on_screen(&app, lang, true, "quiz feedback");
    app.start_quiz_with_seed("sanksi", Mode::Exam, 3);
    for _ in 0..10 {
        send(&mut app, Message::Quiz(quiz::Message::OptionPressed(0)));
        send(&mut app, Message::Quiz(quiz::Message::ConfirmPressed));
    }
    assert!(matches!(app.screen(), Screen::Result(_)));
    every_action_is_whole_on_screen(&app, lang, true, "result");
    send(
        &mut app,
        Message::Home(home::Message::ModuleOpened("sanksi".into())),
    );
    every_action_is_whole_on_screen(&app, lang, true, "module with its quiz history");
    send(&mut app, Message::Home(home::Message::JoinPressed));
    every_action_is_whole_on_screen(&app, lang, true, "joining a session test");
    send(&mut app, Message::SettingsPressed);
    every_action_is_whole_on_screen(&app, lang, true, "settings");
    send(&mut app, Message::SwitchProfilePressed);
    every_action_is_whole_on_screen(&app, lang, false, "profile list");

    // The name is shown, shortened to one line rather than pushing the actions away.
    send(&mut app, Message::HomePressed);
    let shown = small(&app)
        .find(|candidate: Candidate<'_>| match candidate {
            Candidate::Text {
                content, bounds, ..
            } if content.starts_with("Dr. Hj.") => Some((content.to_owned(), bounds)),
            _ => None,
        })
        .expect("the learner's name is in the header");
    assert!(shown.0.ends_with('…'), "{shown:?}");
    assert!(shown.1.x + shown.1.width <= W + 0.5, "{shown:?}");

    // And the actions work at this size: Settings opens, so 200% can be undone.
    let settings = if lang == Lang::Id {
        "Pengaturan"
    } else {
        "Settings"
    };
    let mut ui = small(&app);
    ui.click(settings).expect("settings is clickable");
    let messages: Vec<Message> = ui.into_messages().collect();
    for message in messages {
        send(&mut app, message);
    }
    assert!(matches!(app.screen(), Screen::Settings(_)));
}

#[test]
fn every_header_action_is_reachable_at_the_smallest_window_at_200_percent_in_indonesian() {
    walk(Lang::Id);
}

#[test]
fn every_header_action_is_reachable_at_the_smallest_window_at_200_percent_in_english() {
    walk(Lang::En);
}
