//! PDF documents the app writes (certificates, the attendance list, the session report): A4
//! pages, text in the embedded Noto Sans, lines and filled rectangles, tables that break across
//! pages. No iced; bytes in memory, so the callers decide where files go.
//!
//! Written with `pdf-writer` (the low-level writer under typst and krilla). A higher-level
//! writer (krilla, with its shaper and font subsetter) was tried first and added 4.6 MB to the
//! binary, past its 20 MB budget; the fonts the app embeds are already subset to Latin (75 KB
//! each), so they are embedded whole (compressed), as CID fonts with Identity encoding, glyph
//! widths and a ToUnicode map, so text can be copied and searched. Text is laid out glyph by
//! glyph with the fonts' advances (`ttf-parser`): no kerning or ligatures, which Latin text
//! does without.
//!
//! Layout coordinates run from the top left of the page, as on paper, in points; a text's `y`
//! is its baseline. They are turned into PDF coordinates (from the bottom left) when drawn.

mod document;
mod face;
mod table;

pub use document::{Area, Colour, Document, Info, PageSize, Style};
pub use table::{Align, Cell, Column, Row, Table};

use crate::i18n;
use crate::lang::Lang;

/// Near-black, for text.
pub const INK: Colour = Colour::rgb(20, 20, 20);
/// White.
pub const WHITE: Colour = Colour::rgb(255, 255, 255);

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be read (a broken build, not a user's doing).
    #[error("embedded font unreadable")]
    Font,
}

impl PdfError {
    /// What the user sees, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PdfError::Font => i18n::tr(lang, "docs-error-font"),
        }
    }
}
