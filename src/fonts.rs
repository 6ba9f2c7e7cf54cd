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
