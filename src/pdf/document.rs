//! A document being drawn: its pages, the faces they use, and the drawing and measuring calls.

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::PdfError;
use super::face::{Faces, deflate};

/// An RGB colour, each part 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour {
    pub r: f32,
    pub g: f32,
    pub b: f32,
}

impl Colour {
    /// A colour from 0–255 parts.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Colour {
        Colour {
            r: r as f32 / 255.0,
            g: g as f32 / 255.0,
            b: b as f32 / 255.0,
        }
    }
}

/// A page's size in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

impl PageSize {
    pub const A4_PORTRAIT: PageSize = PageSize {
        width: 595.28,
        height: 841.89,
    };
    pub const A4_LANDSCAPE: PageSize = PageSize {
        width: 841.89,
        height: 595.28,
    };
}

/// How text is set: size in points, weight, colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
}

impl Style {
    pub const fn regular(size: f32) -> Style {
        Style {
            size,
            bold: false,
            colour: super::INK,
        }
    }

    pub const fn bold(size: f32) -> Style {
        Style {
            size,
            bold: true,
            colour: super::INK,
        }
    }

    pub const fn colour(self, colour: Colour) -> Style {
        Style { colour, ..self }
    }

    pub const fn size(self, size: f32) -> Style {
        Style { size, ..self }
    }

    /// The distance between baselines of wrapped lines.
    pub fn leading(self) -> f32 {
        self.size * 1.25
    }
}

/// A rectangle on the page: its top left corner, width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// What the document's metadata says; fields left `None` are not written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Info<'a> {
    pub title: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub keywords: Option<&'a str>,
    pub author: Option<&'a str>,
}

struct Page {
    size: PageSize,
    content: Content,
}

/// A PDF being drawn. Drawing goes to the current page (the last added, or the one selected
/// again, e.g. to write "page 2 of 5" once the count is known).
pub struct Document {
    faces: Faces,
    pages: Vec<Page>,
    current: usize,
}

impl Document {
    pub fn new() -> Result<Document, PdfError> {
        Ok(Document {
            faces: Faces::load()?,
            pages: Vec::new(),
            current: 0,
        })
    }

    /// Adds a page and makes it the current one; returns its index.
    pub fn add_page(&mut self, size: PageSize) -> usize {
        self.pages.push(Page {
            size,
            content: Content::new(),
        });
        self.current = self.pages.len() - 1;
        self.current
    }

    /// Draws on page `index` (from 0) from now on.
    pub fn select_page(&mut self, index: usize) {
        if index < self.pages.len() {
            self.current = index;
        }
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Calls `draw(document, page index, page count)` on every page in turn, for what needs
    /// the count (page numbers).
    pub fn each_page(&mut self, mut draw: impl FnMut(&mut Document, usize, usize)) {
        let count = self.pages.len();
        for index in 0..count {
            self.current = index;
            draw(self, index, count);
        }
    }

    /// The size of the current page (A4 portrait when there is none yet).
    pub fn size(&self) -> PageSize {
        self.pages
            .get(self.current)
            .map_or(PageSize::A4_PORTRAIT, |page| page.size)
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.add_page(PageSize::A4_PORTRAIT);
        }
        &mut self.pages[self.current]
    }

    // ---- Measuring ----

    /// Width of `text` in `style`.
    pub fn width(&self, style: Style, text: &str) -> f32 {
        self.faces.get(style.bold).width(text, style.size)
    }

    /// `text` broken into lines no wider than `width`, at spaces; a word wider than the line
    /// is broken between its letters.
    pub fn wrap(&self, style: Style, text: &str, width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(style, &candidate) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: whole if it fits, else in pieces that do.
            for c in word.chars() {
                line.push(c);
                if line.chars().count() > 1 && self.width(style, &line) > width {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// [`Document::wrap`], at most `max` lines: the last one shown ends with "…" when text was
    /// left out.
    pub fn wrap_lines(&self, style: Style, text: &str, width: f32, max: usize) -> Vec<String> {
        let mut lines = self.wrap(style, text, width);
        if lines.len() > max {
            lines.truncate(max);
            if let Some(last) = lines.last_mut() {
                *last = self.truncate(style, &format!("{last}…"), width);
            }
        }
        lines
    }

    /// `text` cut to `width` with "…" at the end when it does not fit.
    pub fn truncate(&self, style: Style, text: &str, width: f32) -> String {
        if self.width(style, text) <= width {
            return text.to_owned();
        }
        let ellipsis = if self.faces.get(style.bold).has('…') {
            "…"
        } else {
            "..."
        };
        let mut cut: String = text.to_owned();
        while !cut.is_empty() {
            cut.pop();
            let candidate = format!("{}{ellipsis}", cut.trim_end());
            if self.width(style, &candidate) <= width {
                return candidate;
            }
        }
        String::new()
    }

    /// `style` at the largest size from its own down to `min` at which `text` fits `width` on
    /// one line.
    pub fn fit(&self, style: Style, text: &str, min: f32, width: f32) -> Style {
        let mut style = style;
        while style.size > min && self.width(style, text) > width {
            style.size = (style.size - 0.5).max(min);
        }
        style
    }

    // ---- Drawing ----

    /// `text` with its baseline starting at (`x`, `y`).
    pub fn text(&mut self, style: Style, x: f32, y: f32, text: &str) {
        let face = self.faces.get_mut(style.bold);
        let glyphs = face.encode(text);
        let resource = face.resource;
        let height = self.size().height;
        let Colour { r, g, b } = style.colour;
        self.page()
            .content
            .set_fill_rgb(r, g, b)
            .begin_text()
            .set_font(Name(resource), style.size)
            .set_text_matrix([1.0, 0.0, 0.0, 1.0, x, height - y])
            .show(Str(&glyphs))
            .end_text();
    }

    /// `text` centred on `centre`.
    pub fn centred(&mut self, style: Style, centre: f32, y: f32, text: &str) {
        let x = centre - self.width(style, text) / 2.0;
        self.text(style, x, y, text);
    }

    /// `text` ending at `right`.
    pub fn right(&mut self, style: Style, right: f32, y: f32, text: &str) {
        let x = right - self.width(style, text);
        self.text(style, x, y, text);
    }

    /// A straight line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32, colour: Colour) {
        let height = self.size().height;
        self.page()
            .content
            .set_stroke_rgb(colour.r, colour.g, colour.b)
            .set_line_width(width)
            .move_to(from.0, height - from.1)
            .line_to(to.0, height - to.1)
            .stroke();
    }

    /// The outline of `area`.
    pub fn stroke_rect(&mut self, area: Area, width: f32, colour: Colour) {
        let height = self.size().height;
        self.page()
            .content
            .set_stroke_rgb(colour.r, colour.g, colour.b)
            .set_line_width(width)
            .rect(
                area.x,
                height - area.y - area.height,
                area.width,
                area.height,
            )
            .stroke();
    }

    /// `area` filled.
    pub fn fill_rect(&mut self, area: Area, colour: Colour) {
        self.fill_rects(colour, [area]);
    }

    /// Every area filled with one colour, as one path.
    pub fn fill_rects(&mut self, colour: Colour, areas: impl IntoIterator<Item = Area>) {
        let height = self.size().height;
        let content = &mut self.page().content;
        content.set_fill_rgb(colour.r, colour.g, colour.b);
        for area in areas {
            content.rect(
                area.x,
                height - area.y - area.height,
                area.width,
                area.height,
            );
        }
        content.fill_nonzero();
    }

    /// The finished file, with `info` as its metadata (written uncompressed, so a payload in
    /// the subject can be found in the bytes).
    pub fn finish(self, info: &Info<'_>) -> Vec<u8> {
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(8);
        let mut next = 13;
        let mut pages = Vec::with_capacity(self.pages.len());
        for page in self.pages {
            let content = deflate(&page.content.finish());
            let page_ref = Ref::new(next);
            let stream = Ref::new(next + 1);
            next += 2;
            let mut writer = pdf.page(page_ref);
            writer
                .media_box(Rect::new(0.0, 0.0, page.size.width, page.size.height))
                .parent(tree)
                .contents(stream);
            let mut resources = writer.resources();
            resources
                .fonts()
                .pair(Name(self.faces.regular.resource), regular)
                .pair(Name(self.faces.bold.resource), bold);
            resources.finish();
            writer.finish();
            pdf.stream(stream, &content).filter(Filter::FlateDecode);
            pages.push(page_ref);
        }
        self.faces.regular.write(&mut pdf, regular);
        self.faces.bold.write(&mut pdf, bold);
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(pages.iter().copied())
            .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
        if info.title.is_some() || info.subject.is_some() || info.author.is_some() {
            let mut dict = pdf.document_info(Ref::new(next));
            if let Some(title) = info.title {
                dict.title(TextStr(title));
            }
            if let Some(subject) = info.subject {
                dict.subject(TextStr(subject));
            }
            if let Some(keywords) = info.keywords {
                dict.keywords(TextStr(keywords));
            }
            if let Some(author) = info.author {
                dict.author(TextStr(author));
            }
            dict.creator(TextStr("latih-asn"));
        }
        pdf.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_wrap_within_the_width() {
        let document = Document::new().unwrap();
        let style = Style::bold(17.0);
        let title = "Netralitas Aparatur Sipil Negara dalam Pemilihan Kepala Daerah Serentak \
                     Tahun 2024 di Provinsi Lampung dan Kabupaten Mesuji";
        let lines = document.wrap(style, title, 300.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| document.width(style, l) <= 300.0));
        assert_eq!(
            lines.join(" "),
            title.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(document.fit(style.size(26.0), title, 14.0, 300.0).size <= 14.0);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_and_cut_text_ends_with_an_ellipsis() {
        let document = Document::new().unwrap();
        let style = Style::regular(10.0);
        let word = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten";
        let nip = "198507152010012003";
        let lines = document.wrap(style, nip, 40.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| document.width(style, l) <= 40.0));
        assert_eq!(lines.concat(), nip);

        let two = document.wrap_lines(style, word, 90.0, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'), "{two:?}");
        assert!(two.iter().all(|l| document.width(style, l) <= 90.0));
        let cut = document.truncate(style, word, 100.0);
        assert!(cut.ends_with('…') && document.width(style, &cut) <= 100.0);
        assert_eq!(document.truncate(style, "Aula", 100.0), "Aula");
    }
}
