//! Fonts embedded in the binary, so the app looks the same on every PC (many office PCs lack
//! good fonts). Noto Sans, subset to Latin (Indonesian and English) to keep the binary small.

use std::borrow::Cow;

use iced::Font;

pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../assets/fonts/NotoSans-Italic.ttf");

/// The default font for all text.
pub const DEFAULT: Font = Font::with_name("Noto Sans");

pub fn all() -> Vec<Cow<'static, [u8]>> {
    vec![
        Cow::Borrowed(REGULAR),
        Cow::Borrowed(BOLD),
        Cow::Borrowed(ITALIC),
    ]
}

/// Prepares the text system on a thread of its own while the records and content load and the
/// window opens. The first frame waits on it otherwise: cosmic-text reads every system font
/// before it draws a glyph (hundreds on a Windows PC), then parses the faces it shapes with.
/// Loading the same `'static` bytes again later (as iced does at start) is a no-op.
pub fn warm_up() {
    let _ = std::thread::Builder::new().name("fonts".into()).spawn(|| {
        use iced::advanced::graphics::text::{Paragraph, font_system};
        use iced::advanced::text::{self, Paragraph as _};
        if let Ok(mut system) = font_system().write() {
            for font in all() {
                system.load_font(font);
            }
        }
        let bold = Font {
            weight: iced::font::Weight::Bold,
            ..DEFAULT
        };
        for font in [DEFAULT, bold] {
            let _ = Paragraph::with_text(text::Text {
                content: "Selamat datang — Beranda, Pengaturan 0123456789",
                bounds: iced::Size::INFINITE,
                size: iced::Pixels(17.0),
                line_height: text::LineHeight::default(),
                font,
                align_x: text::Alignment::Default,
                align_y: iced::alignment::Vertical::Top,
                shaping: text::Shaping::Advanced,
                wrapping: text::Wrapping::Word,
            });
        }
    });
}
