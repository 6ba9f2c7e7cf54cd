//! Rendered pictures of every learner screen, compared pixel for pixel with the baselines in
//! `tests/snapshots/`: both languages, the three themes, and the smallest window (720×520) at
//! 100% and at 200% text (360×260 logical pixels). The pictures are drawn with tiny-skia at
//! twice the logical size, so a 200% picture is exactly what the user sees on screen.
//!
//! A missing baseline fails (iced_test would silently write it and pass). After a change that
//! is meant to change a screen, rewrite the baselines and look at every one before committing:
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test --test snapshots
//! ```
//!
//! A picture that differs is written to `target/snapshot-failures/` to be looked at. Linux
//! only: the baselines are the Linux CI's (Wine draws the same, but its data path differs).
#![cfg(target_os = "linux")]

#[path = "harness/app.rs"]
mod harness;

use std::path::{Path, PathBuf};

use harness::{click, open, send, type_into};
use iced_test::Simulator;
use latih_asn::app::{App, Message};
use latih_asn::fonts;
use latih_asn::lang::Lang;
use latih_asn::quiz::Mode;
use latih_asn::screen::learn::{home, module, profile, quiz};
use latih_asn::settings::{Settings, ThemeChoice};

const NAME: &str = "Dr. Hj. Raden Ayu Siti Aminah Kusumawardhani, S.Sos., M.Si.";
const NIP: &str = "198001012005012001";

/// The smallest window, at 100% and at 200% text.
const SIZES: [(&str, f32, f32); 2] = [("100", 720.0, 520.0), ("200", 360.0, 260.0)];

/// A data folder at a fixed path, so that the data folder shown in Settings is the same on
/// every run and machine.
fn data_dir(name: &str) -> PathBuf {
    let dir = Path::new("/tmp/latih-asn-snapshots").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn theme_name(theme: ThemeChoice) -> &'static str {
    match theme {
        ThemeChoice::Light => "light",
        ThemeChoice::Dark => "dark",
        ThemeChoice::HighContrast => "contrast",
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        Lang::En => "en",
    }
}

/// The app on a fresh data folder in this language and theme.
fn fresh(name: &str, lang: Lang, theme: ThemeChoice) -> App {
    let dir = data_dir(&format!("{name}-{}-{}", lang_name(lang), theme_name(theme)));
    let store = latih_asn::records::Store::open(&dir).unwrap();
    store
        .save_settings(&Settings {
            language: Some(lang),
            theme,
            ..Settings::default()
        })
        .unwrap();
    open(&dir, lang)
}

fn save_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Simpan profil",
        Lang::En => "Save profile",
    }
}

/// The app with one learner signed in, on Home.
fn signed_in(name: &str, lang: Lang, theme: ThemeChoice) -> App {
    let mut app = fresh(name, lang, theme);
    type_into(&mut app, profile::NAME_INPUT, NAME);
    type_into(&mut app, profile::NIP_INPUT, NIP);
    type_into(
        &mut app,
        profile::UNIT_INPUT,
        "Bagian Organisasi Sekretariat Daerah",
    );
    type_into(
        &mut app,
        profile::INSTANSI_INPUT,
        "Pemerintah Kabupaten Mesuji",
    );
    click(&mut app, save_label(lang));
    app
}

/// Draws the app at every size and compares each picture with its baseline; returns what
/// differs or is missing.
fn compare(app: &App, name: &str, lang: Lang, theme: ThemeChoice) -> Vec<String> {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for (size, width, height) in SIZES {
        let stem = format!("{name}-{}-{}-{size}", lang_name(lang), theme_name(theme));
        let settings = iced::Settings {
            fonts: fonts::all(),
            default_font: fonts::DEFAULT,
            ..iced::Settings::default()
        };
        let mut ui = Simulator::with_size(settings, (width, height), app.view());
        let snapshot = ui.snapshot(&app.theme()).expect("the screen draws");
        let baseline = root.join("tests/snapshots").join(format!("{stem}.png"));
        // iced_test names the file after the renderer.
        let file = root
            .join("tests/snapshots")
            .join(format!("{stem}-tiny-skia.png"));
        if update {
            let _ = std::fs::remove_file(&file);
        } else if !file.exists() {
            problems.push(format!(
                "{stem}: no baseline (UPDATE_SNAPSHOTS=1 writes it)"
            ));
            continue;
        }
        if !snapshot
            .matches_image(&baseline)
            .expect("the baseline reads")
        {
            let failed = root.join("target/snapshot-failures").join(&stem);
            std::fs::create_dir_all(failed.parent().unwrap()).unwrap();
            let _ = std::fs::remove_file(failed.with_file_name(format!("{stem}-tiny-skia.png")));
            snapshot
                .matches_image(failed.with_extension("png"))
                .expect("the failure writes");
            problems.push(format!(
                "{stem}: differs from its baseline (see target/snapshot-failures/)"
            ));
        }
    }
    problems
}

/// Builds the screen `build` leads to in both languages and every theme, and compares it.
fn screen(name: &str, build: impl Fn(Lang, ThemeChoice) -> App) {
    let mut problems = Vec::new();
    for lang in [Lang::Id, Lang::En] {
        for theme in ThemeChoice::ALL {
            let app = build(lang, theme);
            problems.extend(compare(&app, name, lang, theme));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn first_start_profile_form() {
    screen("profile-new", |lang, theme| {
        fresh("profile-new", lang, theme)
    });
}

#[test]
fn profile_form_with_errors() {
    screen("profile-errors", |lang, theme| {
        let mut app = fresh("profile-errors", lang, theme);
        type_into(&mut app, profile::NIP_INPUT, "19800132200513200");
        click(&mut app, save_label(lang));
        app
    });
}

#[test]
fn profile_picker() {
    screen("profile-picker", |lang, theme| {
        let mut app = signed_in("profile-picker", lang, theme);
        send(&mut app, Message::SwitchProfilePressed);
        app
    });
}

#[test]
fn home() {
    screen("home", signed_in_as("home"));
}

fn signed_in_as(name: &'static str) -> impl Fn(Lang, ThemeChoice) -> App {
    move |lang, theme| signed_in(name, lang, theme)
}

#[test]
fn module_page() {
    screen("module", |lang, theme| {
        let mut app = signed_in("module", lang, theme);
        send(
            &mut app,
            Message::Home(home::Message::ModuleOpened("asn".into())),
        );
        app
    });
}

#[test]
fn lesson() {
    screen("lesson", |lang, theme| {
        let mut app = signed_in("lesson", lang, theme);
        send(
            &mut app,
            Message::Home(home::Message::ModuleOpened("asn".into())),
        );
        send(&mut app, Message::Module(module::Message::LessonOpened(0)));
        app
    });
}

#[test]
fn quiz_question() {
    screen("quiz", |lang, theme| {
        let mut app = signed_in("quiz", lang, theme);
        app.start_quiz_with_seed("asn", Mode::Practice, 7);
        send(&mut app, Message::Quiz(quiz::Message::OptionPressed(1)));
        app
    });
}

#[test]
fn quiz_feedback() {
    screen("feedback", |lang, theme| {
        let mut app = signed_in("feedback", lang, theme);
        app.start_quiz_with_seed("asn", Mode::Practice, 7);
        send(&mut app, Message::Quiz(quiz::Message::OptionPressed(1)));
        send(&mut app, Message::Quiz(quiz::Message::ConfirmPressed));
        app
    });
}

#[test]
fn exam_result() {
    screen("result", |lang, theme| {
        let mut app = signed_in("result", lang, theme);
        app.start_quiz_with_seed("sanksi", Mode::Exam, 7);
        for _ in 0..10 {
            send(&mut app, Message::Quiz(quiz::Message::OptionPressed(0)));
            send(&mut app, Message::Quiz(quiz::Message::ConfirmPressed));
        }
        app
    });
}

#[test]
fn settings() {
    screen("settings", |lang, theme| {
        let mut app = signed_in("settings", lang, theme);
        send(&mut app, Message::SettingsPressed);
        app
    });
}

#[test]
fn join_a_session_test() {
    screen("join", |lang, theme| {
        let mut app = signed_in("join", lang, theme);
        send(&mut app, Message::Home(home::Message::JoinPressed));
        app
    });
}
