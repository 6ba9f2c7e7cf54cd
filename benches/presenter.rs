//! Presenter mode: what the trainer waits for after pressing the clicker, against the budget of
//! 50 ms a slide change at 1920×1080 with software rendering. Each step is the key handled
//! (`Presenter::key` and `update`), the view rebuilt and laid out, and the frame rendered to
//! pixels with the tiny-skia renderer, over 40 slide changes through the real content (module
//! titles, lesson slides with their legal basis, key points).
//!
//! Two ways, both printed:
//! - `simulator`: as iced_test does it, a new `Simulator` per slide and its `snapshot()`. A
//!   simulator starts with a new renderer (empty glyph cache) and snapshots at scale factor 2:
//!   a simulator of 1920×1080 draws 3840×2160 pixels (an upper bound), one of 960×540 draws
//!   1920×1080 pixels of the same picture (the slide's type follows the window).
//! - `runtime`: as the app's event loop does it, one renderer and the user interface's cache
//!   kept from frame to frame, drawn at scale 1, so 1920×1080 is 1920×1080 pixels.
//!
//! ```text
//! ICED_TEST_BACKEND=tiny-skia cargo bench --bench presenter
//! ```

use std::time::{Duration, Instant};

use iced::keyboard::key::Named;
use iced::keyboard::{Key, Modifiers};
use iced::{Size, Theme};
use iced_test::Simulator;
use iced_test::core::renderer::{Headless, Style};
use iced_test::core::{Pixels, mouse, theme::Base};
use iced_test::futures::futures::executor::block_on;
use iced_test::runtime::user_interface::{self, UserInterface};

use latih_asn::app::Ctx;
use latih_asn::content::{Catalog, load_embedded};
use latih_asn::fonts;
use latih_asn::lang::Lang;
use latih_asn::screen::trainer::presenter::Presenter;
use latih_asn::settings::ThemeChoice;
use latih_asn::theme::Colors;
use latih_asn::training::slides;

/// Slide changes timed per size.
const CHANGES: usize = 40;

fn presenter(catalog: &Catalog) -> Presenter {
    let ids: Vec<String> = catalog.modules.iter().map(|m| m.id.clone()).collect();
    Presenter::new(
        slides(catalog, &ids, Lang::Id),
        "Sosialisasi Netralitas ASN dan Penyuluhan Antikorupsi, Mesuji",
    )
}

/// The clicker's "next", as the app's key subscription hands it over.
fn press_next(presenter: &mut Presenter) {
    let message = presenter
        .key(&Key::Named(Named::PageDown), Modifiers::empty())
        .expect("PageDown is next");
    let _ = presenter.update(message);
}

fn settings(with_fonts: bool) -> iced::Settings {
    iced::Settings {
        // Fonts go into the process's font system once; loading them again per simulator
        // would time font parsing, which the app does once at start-up.
        fonts: if with_fonts { fonts::all() } else { Vec::new() },
        default_font: fonts::DEFAULT,
        ..iced::Settings::default()
    }
}

/// A new simulator per slide and its snapshot (scale factor 2).
fn by_simulator(catalog: &Catalog, ctx: &Ctx<'_>, size: Size) -> Vec<Duration> {
    let mut presenter = presenter(catalog);
    let theme = Theme::Dark;
    // The first slide is on screen before the trainer presses anything.
    let mut ui = Simulator::with_size(settings(true), size, presenter.view(ctx));
    ui.snapshot(&theme).expect("snapshot");
    drop(ui);
    (0..CHANGES)
        .map(|_| {
            let start = Instant::now();
            press_next(&mut presenter);
            let mut ui = Simulator::with_size(settings(false), size, presenter.view(ctx));
            ui.snapshot(&theme).expect("snapshot");
            start.elapsed()
        })
        .collect()
}

/// One renderer and one interface cache for all frames, drawn at scale 1 (as the app runs).
fn by_runtime(catalog: &Catalog, ctx: &Ctx<'_>, size: Size) -> (String, Vec<Duration>) {
    let mut presenter = presenter(catalog);
    let theme = Theme::Dark;
    for font in fonts::all() {
        iced_test::renderer::graphics::text::font_system()
            .write()
            .expect("the font system")
            .load_font(font);
    }
    let mut renderer = block_on(<iced_test::renderer::Renderer as Headless>::new(
        fonts::DEFAULT,
        Pixels(16.0),
        Some("tiny-skia"),
    ))
    .expect("a tiny-skia renderer");
    let physical = iced::Size::new(size.width as u32, size.height as u32);
    let background = theme.base().background_color;
    let style = Style {
        text_color: theme.base().text_color,
    };
    let frame = |presenter: &Presenter, cache: user_interface::Cache, renderer: &mut _| {
        let mut ui = UserInterface::build(presenter.view(ctx), size, cache, renderer);
        ui.draw(renderer, &theme, &style, mouse::Cursor::Unavailable);
        let cache = ui.into_cache();
        let pixels = Headless::screenshot(renderer, physical, 1.0, background);
        assert_eq!(
            pixels.len(),
            (physical.width * physical.height * 4) as usize
        );
        cache
    };
    let mut cache = frame(&presenter, user_interface::Cache::default(), &mut renderer);
    let times = (0..CHANGES)
        .map(|_| {
            let start = Instant::now();
            press_next(&mut presenter);
            cache = frame(&presenter, std::mem::take(&mut cache), &mut renderer);
            start.elapsed()
        })
        .collect();
    (Headless::name(&renderer), times)
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[times.len() / 2]);
    let max = ms(times[times.len() - 1]);
    let verdict = if max <= 50.0 { "within" } else { "OVER" };
    println!(
        "{what:<44} median {median:6.1} ms   min {:6.1} ms   max {max:6.1} ms   ({} changes, {verdict} 50 ms)",
        ms(times[0]),
        times.len()
    );
}

fn main() {
    let catalog = load_embedded().expect("embedded content loads");
    let theme = Theme::Dark;
    let ctx = Ctx {
        lang: Lang::Id,
        colors: Colors::of(ThemeChoice::Dark),
        theme: &theme,
        catalog: &catalog,
        learner: None,
    };
    println!(
        "presenter slide change: key, update, view, layout, tiny-skia render ({} slides; ICED_TEST_BACKEND={})",
        presenter(&catalog).len(),
        std::env::var("ICED_TEST_BACKEND").unwrap_or_else(|_| "unset".into())
    );
    for (w, h) in [(1920.0, 1080.0), (1024.0, 768.0)] {
        let size = Size::new(w, h);
        let (name, times) = by_runtime(&catalog, &ctx, size);
        report(&format!("runtime {w}x{h} ({name}, scale 1)"), times);
        let half = Size::new(w / 2.0, h / 2.0);
        report(
            &format!(
                "simulator {}x{} (scale 2: {w}x{h} px)",
                half.width, half.height
            ),
            by_simulator(&catalog, &ctx, half),
        );
        report(
            &format!("simulator {w}x{h} (scale 2: {}x{} px)", w * 2.0, h * 2.0),
            by_simulator(&catalog, &ctx, size),
        );
    }
}
