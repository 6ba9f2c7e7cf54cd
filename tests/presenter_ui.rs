//! The trainer's projector screens in the simulator: presenter mode driven by a clicker's keys
//! on the real content, every slide checked for text cut off or running off a 1024×768
//! projector, and a room quiz question walked through its three stages with counts keyed in.

use iced::keyboard::key::Named;
use iced::keyboard::{Key, Modifiers};
use iced::{Element, Rectangle, Size, Theme};
use iced_test::Simulator;
use iced_test::selector::{Candidate, id};

use latih_asn::app::Ctx;
use latih_asn::content::Sources;
use latih_asn::content::{Catalog, load_embedded};
use latih_asn::fonts;
use latih_asn::lang::Lang;
use latih_asn::screen::trainer::presenter::{Action, Message, Presenter};
use latih_asn::screen::trainer::room_quiz::{self, RoomQuiz, Stage, room_questions};
use latih_asn::settings::ThemeChoice;
use latih_asn::theme::Colors;
use latih_asn::training::{SlideKind, slides};

const PROJECTOR: Size = Size::new(1024.0, 768.0);
const FULL_HD: Size = Size::new(1920.0, 1080.0);

fn ctx<'a>(catalog: &'a Catalog, theme: &'a Theme, lang: Lang) -> Ctx<'a> {
    Ctx {
        lang,
        colors: Colors::of(ThemeChoice::Light),
        theme,
        catalog,
        learner: None,
    }
}

fn simulator<'a, M>(size: Size, view: impl Into<Element<'a, M>>) -> Simulator<'a, M> {
    let settings = iced::Settings {
        fonts: fonts::all(),
        default_font: fonts::DEFAULT,
        ..iced::Settings::default()
    };
    Simulator::with_size(settings, size, view)
}

/// Every text on screen with its bounds.
fn texts<M>(ui: &mut Simulator<'_, M>) -> Vec<(String, Rectangle)> {
    let mut found = Vec::new();
    let _ = ui.find(|candidate: Candidate<'_>| {
        if let Candidate::Text {
            content, bounds, ..
        } = candidate
        {
            found.push((content.to_owned(), bounds));
        }
        None::<()>
    });
    found
}

/// The texts a view shows in a window of `size`.
fn screen<'a, M>(size: Size, view: impl Into<Element<'a, M>>) -> Vec<(String, Rectangle)> {
    texts(&mut simulator(size, view))
}

fn shows(screen: &[(String, Rectangle)], label: &str) -> bool {
    screen.iter().any(|(content, _)| content == label)
}

fn all_modules(catalog: &Catalog) -> Vec<String> {
    catalog.modules.iter().map(|m| m.id.clone()).collect()
}

/// Lays out `view` in a window of `size` and again with unlimited height: a text that the
/// window cuts short is shorter in the first, and one that runs off it ends past its edge.
fn cut_or_off_screen<'a, M>(size: Size, view: impl Fn() -> Element<'a, M>) -> Option<String> {
    let shown = texts(&mut simulator(size, view()));
    let free = texts(&mut simulator(Size::new(size.width, 20_000.0), view()));
    for ((content, bounds), (_, full)) in shown.iter().zip(&free) {
        if bounds.height + 0.5 < full.height {
            return Some(format!(
                "{content:?} cut: {bounds:?}, needs {}",
                full.height
            ));
        }
        if bounds.y + bounds.height > size.height + 0.5
            || bounds.x + bounds.width > size.width + 0.5
        {
            return Some(format!("{content:?} off screen: {bounds:?}"));
        }
    }
    assert_eq!(shown.len(), free.len());
    None
}

#[test]
fn the_clicker_pages_through_the_real_content_and_escape_leaves() {
    let catalog = load_embedded().unwrap();
    let theme = Theme::Light;
    let ctx = ctx(&catalog, &theme, Lang::Id);
    let deck = slides(&catalog, &all_modules(&catalog), Lang::Id);
    let total = deck.len();
    let first_title = catalog.modules[0].title.id.clone();
    let mut presenter = Presenter::new(deck, "Sosialisasi Netralitas ASN, Mesuji");

    let ui = screen(PROJECTOR, presenter.view(&ctx));
    assert!(shows(&ui, &format!("1 / {total}")));
    assert!(shows(&ui, &first_title));
    assert!(shows(&ui, "Sosialisasi Netralitas ASN, Mesuji"));
    assert!(shows(&ui, "Modul 1 dari 4"));

    let press = |presenter: &mut Presenter, key: Key| {
        let message = presenter
            .key(&key, Modifiers::empty())
            .unwrap_or_else(|| panic!("{key:?} does nothing"));
        presenter.update(message)
    };
    for _ in 0..11 {
        assert_eq!(
            press(&mut presenter, Key::Named(Named::PageDown)),
            Action::None
        );
    }
    let ui = screen(PROJECTOR, presenter.view(&ctx));
    assert!(shows(&ui, &format!("12 / {total}")));
    let shown = presenter.current().unwrap().heading.clone();
    assert!(shows(&ui, &shown), "{shown}");

    press(&mut presenter, Key::Named(Named::PageUp));
    press(&mut presenter, Key::Named(Named::ArrowLeft));
    assert_eq!(presenter.index(), 9);
    press(&mut presenter, Key::Named(Named::Space));
    press(&mut presenter, Key::Named(Named::ArrowRight));
    press(&mut presenter, Key::Named(Named::Enter));
    assert_eq!(presenter.index(), 12);

    // B blacks the screen out: nothing is shown, not even the counter; the next press brings
    // back the same slide.
    press(&mut presenter, Key::Character("b".into()));
    let ui = screen(PROJECTOR, presenter.view(&ctx));
    assert!(ui.iter().all(|(content, _)| content.is_empty()));
    press(&mut presenter, Key::Named(Named::PageDown));
    let ui = screen(PROJECTOR, presenter.view(&ctx));
    assert!(shows(&ui, &format!("13 / {total}")));

    press(&mut presenter, Key::Named(Named::End));
    let ui = screen(FULL_HD, presenter.view(&ctx));
    assert!(shows(&ui, &format!("{total} / {total}")));
    assert!(shows(&ui, "Terima kasih"));
    press(&mut presenter, Key::Named(Named::Home));
    assert_eq!(presenter.index(), 0);

    assert_eq!(
        press(&mut presenter, Key::Named(Named::Escape)),
        Action::Leave
    );
}

#[test]
fn a_key_point_slide_shows_its_lesson_and_sources_in_english() {
    let catalog = load_embedded().unwrap();
    let theme = Theme::Light;
    let ctx = ctx(&catalog, &theme, Lang::En);
    let deck = slides(&catalog, &["pilkada".to_owned()], Lang::En);
    // Module title, lesson 1 and its 4 points, lesson 2 (Lampung, news), its first point.
    let mut presenter = Presenter::new(deck, "Briefing");
    for _ in 0..7 {
        presenter.update(Message::NextPressed);
    }
    let slide = presenter.current().unwrap().clone();
    assert_eq!(slide.kind, SlideKind::Point);
    let ui = screen(PROJECTOR, presenter.view(&ctx));
    assert!(shows(&ui, &slide.heading));
    assert!(shows(&ui, &slide.label));
    let lines: Vec<String> = slide.sources.iter().map(Sources::line).collect();
    assert!(
        lines.iter().any(|l| l.starts_with("Source: Radar Lampung")),
        "{lines:?}"
    );
    for line in &lines {
        assert!(shows(&ui, line), "{line}");
    }
}

#[test]
fn no_slide_is_cut_or_runs_off_a_1024_by_768_projector_and_body_text_stays_28_px() {
    let catalog = load_embedded().unwrap();
    let theme = Theme::Light;
    for lang in Lang::ALL {
        let ctx = ctx(&catalog, &theme, lang);
        let deck = slides(&catalog, &all_modules(&catalog), lang);
        let mut presenter = Presenter::new(deck, "Sosialisasi Netralitas ASN dan Antikorupsi");
        let mut longest_point = (0, 0);
        loop {
            let slide = presenter.current().unwrap();
            if let Some(problem) =
                cut_or_off_screen(PROJECTOR, || presenter.view_at(&ctx, PROJECTOR))
            {
                panic!("{lang:?}, slide {}: {problem}", presenter.index() + 1);
            }
            // The content as it is fits at 28 px or more for body text on every slide (a
            // crowded slide may be set smaller than the window's type, not below that).
            let ty = presenter.type_at(PROJECTOR).unwrap();
            assert!(ty.body >= 28.0, "{lang:?} {}: {ty:?}", slide.heading);
            if slide.kind == SlideKind::Point {
                let chars = slide.heading.chars().count();
                if chars > longest_point.0 {
                    longest_point = (chars, presenter.index());
                }
            }
            if presenter.index() + 1 == presenter.len() {
                break;
            }
            presenter.update(Message::NextPressed);
        }
        // The longest key point, also at full HD.
        presenter.update(Message::FirstPressed);
        for _ in 0..longest_point.1 {
            presenter.update(Message::NextPressed);
        }
        assert!(longest_point.0 > 200, "{longest_point:?}");
        assert_eq!(
            cut_or_off_screen(FULL_HD, || presenter.view_at(&ctx, FULL_HD)),
            None
        );
        let at_full_hd = presenter.type_at(FULL_HD).unwrap();
        assert!(at_full_hd.point >= 40.0, "{at_full_hd:?}");
    }
}

#[test]
fn a_room_quiz_question_walks_through_its_three_stages_with_counts() {
    let catalog = load_embedded().unwrap();
    let theme = Theme::Light;
    let ctx = ctx(&catalog, &theme, Lang::Id);
    let module = catalog.module("pilkada").unwrap();
    let ids = room_questions(module);
    let mut quiz = RoomQuiz::new(module, ids.clone());
    let question = module.question(&ids[0]).unwrap();
    let text = question.text(Lang::Id);
    assert_eq!(question.option_count(), 4);
    let right = question.correct[0];
    let key = |quiz: &RoomQuiz, key: Named| {
        quiz.key(&Key::Named(key), Modifiers::empty())
            .expect("a navigation key")
    };

    // 1. The question alone.
    let ui = screen(PROJECTOR, quiz.view(&ctx));
    assert!(shows(&ui, &text.stem));
    assert!(!shows(&ui, &text.options[0].text));
    assert!(shows(&ui, &format!("1 / {}", ids.len())));

    // 2. The options; the trainer keys in the raised cards.
    let message = key(&quiz, Named::PageDown);
    quiz.update(message);
    assert_eq!(quiz.stage(), Stage::Options);
    let ui = screen(PROJECTOR, quiz.view(&ctx));
    for option in &text.options {
        assert!(shows(&ui, &option.text), "{}", option.text);
    }
    assert!(shows(&ui, "Angkat kartu jawaban Anda: A sampai D."));
    for (position, typed) in ["5", "30", "1x0", "5000"].iter().enumerate() {
        let mut ui = simulator(PROJECTOR, quiz.view(&ctx));
        ui.click(id(room_quiz::count_id(position))).unwrap();
        let _ = ui.typewrite(typed);
        for message in ui.into_messages() {
            quiz.update(message);
        }
    }
    // Letters are dropped, and a count over 999 is refused digit by digit ("500" stays).
    assert_eq!(quiz.counts(0), [5, 30, 10, 500]);

    // 3. The reveal: the right option marked, bars with counts and percents, the explanation
    // and the article.
    let message = key(&quiz, Named::Enter);
    quiz.update(message);
    assert_eq!(quiz.stage(), Stage::Reveal);
    let ui = screen(PROJECTOR, quiz.view(&ctx));
    for result in ["5 · 1%", "30 · 5%", "10 · 2%", "500 · 92%"] {
        assert!(shows(&ui, result), "{result}");
    }
    let mark = format!("{} \u{2713}", char::from(b'A' + right as u8));
    assert!(shows(&ui, &mark), "{mark}");
    assert!(shows(&ui, &text.explanation));
    assert!(shows(&ui, "Dasar hukum: PKPU No. 2 Tahun 2024"));
    assert_eq!(
        cut_or_off_screen(PROJECTOR, || quiz.view_at(&ctx, PROJECTOR)),
        None
    );

    // On to the next question; Escape leaves.
    let message = key(&quiz, Named::ArrowRight);
    quiz.update(message);
    assert_eq!((quiz.index(), quiz.stage()), (1, Stage::Question));
    let message = key(&quiz, Named::Escape);
    assert_eq!(quiz.update(message), room_quiz::Action::Leave);
}

#[test]
fn every_room_quiz_screen_fits_a_1024_by_768_projector() {
    let catalog = load_embedded().unwrap();
    let theme = Theme::Light;
    for lang in Lang::ALL {
        let ctx = ctx(&catalog, &theme, lang);
        for module in &catalog.modules {
            let ids = room_questions(module);
            let mut quiz = RoomQuiz::new(module, ids.clone());
            for _ in 0..ids.len() {
                for stage in [Stage::Question, Stage::Options, Stage::Reveal] {
                    assert_eq!(quiz.stage(), stage);
                    if stage == Stage::Reveal {
                        for option in 0..4 {
                            quiz.update(room_quiz::Message::CountChanged(option, "199".into()));
                        }
                    }
                    if let Some(problem) =
                        cut_or_off_screen(PROJECTOR, || quiz.view_at(&ctx, PROJECTOR))
                    {
                        panic!(
                            "{lang:?} {} {stage:?}: {problem}",
                            quiz.questions()[quiz.index()]
                        );
                    }
                    quiz.update(room_quiz::Message::Nav(Message::NextPressed));
                }
            }
            assert_eq!(quiz.stage(), Stage::Summary);
            assert_eq!(
                cut_or_off_screen(PROJECTOR, || quiz.view_at(&ctx, PROJECTOR)),
                None
            );
            let ui = screen(PROJECTOR, quiz.view(&ctx));
            let right = if lang == Lang::Id { "benar" } else { "right" };
            assert!(
                ui.iter()
                    .any(|(content, _)| content.ends_with(&format!("% {right}"))),
                "{lang:?}"
            );
        }
    }
}
