//! Drives the real `App` the way the runtime does: views are built in the `iced_test`
//! simulator, clicks become messages, and every `Task` the app returns (the saves) is run to
//! completion before the next step, so the data directory is what a user would leave behind.

#![allow(dead_code)]

use std::path::Path;

use iced_test::Simulator;
use iced_test::futures::futures::StreamExt;
use iced_test::futures::futures::executor::block_on;
use iced_test::runtime::{Action, task};

use latih_asn::app::{App, Message};
use latih_asn::content;
use latih_asn::fonts;
use latih_asn::lang::Lang;
use latih_asn::records::Store;

/// Starts the app on a data directory, as `main` does (minus the window).
pub fn open(dir: &Path, system_lang: Lang) -> App {
    let store = Store::open(dir).expect("open store");
    let (loaded, identity_problem) = store.start();
    assert!(identity_problem.is_none(), "{identity_problem:?}");
    let (catalog, refused) =
        content::load_with_packs(&store.packs_dir()).expect("embedded content loads");
    assert!(refused.is_empty(), "unexpected refused packs: {refused:?}");
    App::new(store, loaded, catalog, system_lang, Vec::new())
}

/// Sends a message and runs every task it starts, recursively.
pub fn send(app: &mut App, message: Message) {
    let task = app.update(message);
    run(app, task);
}

fn run(app: &mut App, task: iced::Task<Message>) {
    let Some(mut stream) = task::into_stream(task) else {
        return;
    };
    // One action at a time, as the runtime does: a widget operation's task only ends once its
    // action has been handled (here: dropped, since there is no persistent widget tree).
    while let Some(action) = block_on(stream.next()) {
        if let Action::Output(message) = action {
            send(app, message);
        }
    }
}

/// A tall window, so that every control of a long page is on screen without scrolling.
fn ui(app: &App) -> Simulator<'_, Message> {
    let settings = iced::Settings {
        fonts: fonts::all(),
        default_font: fonts::DEFAULT,
        ..iced::Settings::default()
    };
    Simulator::with_size(settings, (1366.0, 4000.0), app.view())
}

/// Clicks the widget showing exactly `label` and processes what that click does.
pub fn click(app: &mut App, label: &str) {
    let mut ui = ui(app);
    ui.click(label)
        .unwrap_or_else(|error| panic!("cannot click {label:?}: {error:?}"));
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(!messages.is_empty(), "clicking {label:?} did nothing");
    for message in messages {
        send(app, message);
    }
}

/// Focuses the text input with this widget id and types `text` into it.
pub fn type_into(app: &mut App, id: &'static str, text: &str) {
    let mut ui = ui(app);
    ui.click(iced_test::selector::id(id))
        .unwrap_or_else(|error| panic!("no input {id}: {error:?}"));
    let _ = ui.typewrite(text);
    let messages: Vec<Message> = ui.into_messages().collect();
    for message in messages {
        send(app, message);
    }
}

/// Whether the current screen shows exactly this text somewhere.
pub fn shows(app: &App, label: &str) -> bool {
    ui(app).find(label).is_ok()
}

pub fn assert_shows(app: &App, label: &str) {
    assert!(shows(app, label), "expected the screen to show {label:?}");
}

/// Whether some text on screen contains `part` (for messages that embed values).
pub fn shows_containing(app: &App, part: &str) -> bool {
    let part = part.to_owned();
    ui(app)
        .find(
            move |candidate: iced_test::selector::Candidate<'_>| match candidate {
                iced_test::selector::Candidate::Text { content, .. } if content.contains(&part) => {
                    Some(())
                }
                _ => None,
            },
        )
        .is_ok()
}

/// The first text that a window `width` × `height` logical pixels shows cut: running past the
/// right edge, or squeezed narrower than its longest word (so the word is broken or hidden).
pub fn text_overflowing(app: &App, width: f32, height: f32) -> Option<String> {
    let settings = iced::Settings {
        fonts: fonts::all(),
        default_font: fonts::DEFAULT,
        ..iced::Settings::default()
    };
    let mut ui = Simulator::with_size(settings, (width, height), app.view());
    ui.find(
        move |candidate: iced_test::selector::Candidate<'_>| match candidate {
            iced_test::selector::Candidate::Text {
                content, bounds, ..
            } => {
                let longest = content
                    .split_whitespace()
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0);
                // Noto Sans at 15–28 px: no word of n ≥ 3 characters is narrower than 4.5n pixels.
                let squeezed = longest >= 3 && bounds.width + 1.0 < 4.5 * longest as f32;
                let past_edge = bounds.x + bounds.width > width + 0.5;
                (squeezed || past_edge).then(|| format!("{content:?} shown {bounds:?}"))
            }
            iced_test::selector::Candidate::TextInput { bounds, .. }
                if bounds.x + bounds.width > width + 0.5 =>
            {
                Some(format!("a text field ends at {}", bounds.x + bounds.width))
            }
            _ => None,
        },
    )
    .ok()
}
