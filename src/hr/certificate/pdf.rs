//! A certificate as a PDF page: A4 landscape, the text from Fluent (`certificate.ftl`) in the
//! chosen language, the embedded Noto Sans (so names with Indonesian letters print the same on
//! every PC), and the QR code drawn as vector squares (sharp at any print size). The signed
//! payload also goes into the document's metadata (its subject), so a PDF can be checked by
//! opening it, without scanning (see [`super::check::check_pdf`]).
//!
//! Written with `pdf-writer` (the low-level writer under typst and krilla). A higher-level
//! writer (krilla, with its shaper and font subsetter) was tried first and added 4.6 MB to the
//! binary, past its 20 MB budget; the fonts the app embeds are already subset to Latin (75 KB
//! each), so they are embedded whole (compressed), as CID fonts with Identity encoding, glyph
//! widths and a ToUnicode map, so text can be copied and searched. Text is laid out glyph by
//! glyph with the fonts' advances (`ttf-parser`): no kerning or ligatures, which Latin text
//! does without.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use qrcode::{Color as QrColor, EcLevel, QrCode};

use super::Certificate;
use crate::hr::error::HrError;
use crate::hr::settings::HrSettings;
use crate::i18n;
use crate::lang::Lang;

/// A4 landscape, in points. Layout coordinates run from the top left, as on paper; they are
/// turned into PDF coordinates (from the bottom left) when drawn.
const WIDTH: f32 = 841.89;
const HEIGHT: f32 = 595.28;
/// Widest line of centred text.
const TEXT_WIDTH: f32 = 660.0;
/// The QR code's side, and where it sits (bottom left, inside the frame).
const QR_SIZE: f32 = 132.0;
const QR_X: f32 = 72.0;
const QR_Y: f32 = 402.0;

/// An RGB colour, 0 to 1.
type Colour = (f32, f32, f32);

/// The ink colours: a dark blue for the frame and title, near-black for text.
const BLUE: Colour = (30.0 / 255.0, 58.0 / 255.0, 110.0 / 255.0);
const INK: Colour = (20.0 / 255.0, 20.0 / 255.0, 20.0 / 255.0);

/// One embedded typeface: its bytes, its metrics, and the glyphs a document used (for the
/// widths and the ToUnicode map).
struct Face {
    /// The resource name in content streams.
    resource: &'static [u8],
    base_font: &'static [u8],
    bytes: &'static [u8],
    metrics: ttf_parser::Face<'static>,
    used: BTreeMap<u16, char>,
}

impl Face {
    fn new(
        resource: &'static [u8],
        base_font: &'static [u8],
        bytes: &'static [u8],
    ) -> Result<Face, HrError> {
        Ok(Face {
            resource,
            base_font,
            bytes,
            metrics: ttf_parser::Face::parse(bytes, 0).map_err(|_| HrError::Pdf {
                detail: "embedded font unreadable".into(),
            })?,
            used: BTreeMap::new(),
        })
    }

    fn glyph(&self, c: char) -> u16 {
        self.metrics.glyph_index(c).map_or(0, |glyph| glyph.0)
    }

    fn advance(&self, glyph: u16) -> f32 {
        f32::from(
            self.metrics
                .glyph_hor_advance(ttf_parser::GlyphId(glyph))
                .unwrap_or(0),
        )
    }

    /// Font units to the PDF's thousandths of an em.
    fn scale(&self) -> f32 {
        1000.0 / f32::from(self.metrics.units_per_em())
    }

    /// Width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| self.advance(self.glyph(c))).sum();
        units * size / f32::from(self.metrics.units_per_em())
    }

    /// `text` as two-byte glyph ids (Identity-H), noting the glyphs used.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let glyph = self.glyph(c);
            self.used.entry(glyph).or_insert(c);
            bytes.extend_from_slice(&glyph.to_be_bytes());
        }
        bytes
    }

    /// Writes the font's objects (Type0, CID font, descriptor, font file, ToUnicode), starting
    /// at `first`; returns the Type0 font's reference and the next free one.
    fn write(&self, pdf: &mut Pdf, first: Ref, bold: bool) -> (Ref, Ref) {
        let type0 = first;
        let cid = Ref::new(first.get() + 1);
        let descriptor = Ref::new(first.get() + 2);
        let file = Ref::new(first.get() + 3);
        let cmap_ref = Ref::new(first.get() + 4);
        let next = Ref::new(first.get() + 5);
        let info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(type0)
            .base_font(Name(self.base_font))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap_ref);
        let scale = self.scale();
        let mut font = pdf.cid_font(cid);
        font.subtype(CidFontType::Type2)
            .base_font(Name(self.base_font))
            .system_info(info)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut widths = font.widths();
        for glyph in self.used.keys() {
            widths.consecutive(*glyph, [self.advance(*glyph) * scale]);
        }
        widths.finish();
        font.finish();
        let m = &self.metrics;
        let bbox = m.global_bounding_box();
        let units = |v: i16| f32::from(v) * scale;
        pdf.font_descriptor(descriptor)
            .name(Name(self.base_font))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                units(bbox.x_min),
                units(bbox.y_min),
                units(bbox.x_max),
                units(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(units(m.ascender()))
            .descent(units(m.descender()))
            .cap_height(units(m.capital_height().unwrap_or(m.ascender())))
            .stem_v(if bold { 120.0 } else { 80.0 })
            .font_file2(file);
        let compressed = deflate(self.bytes);
        pdf.stream(file, &compressed)
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(self.bytes.len()).unwrap_or(i32::MAX),
            );
        let mut cmap = UnicodeCmap::<u16>::new(Name(b"Custom"), info);
        for (glyph, c) in &self.used {
            cmap.pair(*glyph, *c);
        }
        pdf.cmap(cmap_ref, &cmap.finish());
        (type0, next)
    }
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

struct Faces {
    regular: Face,
    bold: Face,
}

impl Faces {
    fn load() -> Result<Faces, HrError> {
        Ok(Faces {
            regular: Face::new(b"F1", b"NotoSans-Regular", crate::fonts::REGULAR)?,
            bold: Face::new(b"F2", b"NotoSans-Bold", crate::fonts::BOLD)?,
        })
    }

    fn get(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}

/// `text` broken into lines no wider than `width` at `size` (at word boundaries; a single word
/// wider than the line stays whole).
fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && face.width(&candidate, size) > width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The largest size from `size` down to `min` at which `text` fits `width` on one line.
fn fit(face: &Face, text: &str, size: f32, min: f32, width: f32) -> f32 {
    let mut size = size;
    while size > min && face.width(text, size) > width {
        size -= 1.0;
    }
    size
}

/// A date written out: "1 Desember 2026", "1 December 2026".
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let month = match date.month() {
        1 => "cert-month-1",
        2 => "cert-month-2",
        3 => "cert-month-3",
        4 => "cert-month-4",
        5 => "cert-month-5",
        6 => "cert-month-6",
        7 => "cert-month-7",
        8 => "cert-month-8",
        9 => "cert-month-9",
        10 => "cert-month-10",
        11 => "cert-month-11",
        _ => "cert-month-12",
    };
    format!("{} {} {}", date.day(), i18n::tr(lang, month), date.year())
}

/// Draws on one page: text with a font, colour and alignment; frames, lines, the QR code.
struct Pen<'a> {
    content: Content,
    faces: &'a mut Faces,
}

impl Pen<'_> {
    fn text(&mut self, bold: bool, size: f32, colour: Colour, x: f32, y: f32, text: &str) {
        let face = if bold {
            &mut self.faces.bold
        } else {
            &mut self.faces.regular
        };
        let glyphs = face.encode(text);
        self.content
            .set_fill_rgb(colour.0, colour.1, colour.2)
            .begin_text()
            .set_font(Name(face.resource), size)
            .set_text_matrix([1.0, 0.0, 0.0, 1.0, x, HEIGHT - y])
            .show(Str(&glyphs))
            .end_text();
    }

    fn centred(&mut self, bold: bool, size: f32, colour: Colour, centre: f32, y: f32, text: &str) {
        let x = centre - self.faces.get(bold).width(text, size) / 2.0;
        self.text(bold, size, colour, x, y, text);
    }

    fn frame(&mut self, inset: f32, width: f32) {
        self.content
            .set_stroke_rgb(BLUE.0, BLUE.1, BLUE.2)
            .set_line_width(width)
            .rect(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset)
            .stroke();
    }

    fn line(&mut self, x1: f32, x2: f32, y: f32) {
        self.content
            .set_stroke_rgb(INK.0, INK.1, INK.2)
            .set_line_width(0.7)
            .move_to(x1, HEIGHT - y)
            .line_to(x2, HEIGHT - y)
            .stroke();
    }

    /// The QR code of `payload`, `size` points wide, its top left at (`x`, `y`): black squares
    /// (runs of a row merged) on white, with a quiet zone of four modules.
    fn qr(&mut self, payload: &str, x: f32, y: f32, size: f32) -> Result<(), HrError> {
        let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).map_err(
            |error| HrError::Pdf {
                detail: error.to_string(),
            },
        )?;
        let modules = code.width();
        let quiet = 4;
        let unit = size / (modules + 2 * quiet) as f32;
        let colors = code.to_colors();
        self.content
            .set_fill_rgb(1.0, 1.0, 1.0)
            .rect(x, HEIGHT - y - size, size, size)
            .fill_nonzero()
            .set_fill_rgb(0.0, 0.0, 0.0);
        for row in 0..modules {
            let mut col = 0;
            while col < modules {
                if colors[row * modules + col] != QrColor::Dark {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < modules && colors[row * modules + col] == QrColor::Dark {
                    col += 1;
                }
                let top = y + (quiet + row) as f32 * unit;
                self.content.rect(
                    x + (quiet + start) as f32 * unit,
                    HEIGHT - top - unit,
                    (col - start) as f32 * unit,
                    unit,
                );
            }
        }
        self.content.fill_nonzero();
        Ok(())
    }
}

/// One PDF with a page per certificate, in `lang`. Its metadata carries the payload of the first
/// (a single certificate's file is checkable by opening it; a unit's file by any of its QRs).
pub fn render(
    certificates: &[Certificate],
    settings: &HrSettings,
    lang: Lang,
) -> Result<Vec<u8>, HrError> {
    Ok(render_with(certificates, settings, lang, &mut |_| true)?.unwrap_or_default())
}

/// Like [`render`], calling `page_done(pages so far)` after each page; it returns `false` to
/// stop (then `Ok(None)`: nothing was made).
pub(super) fn render_with(
    certificates: &[Certificate],
    settings: &HrSettings,
    lang: Lang,
    page_done: &mut dyn FnMut(usize) -> bool,
) -> Result<Option<Vec<u8>>, HrError> {
    if !settings.is_complete() {
        return Err(HrError::SettingsIncomplete);
    }
    let mut faces = Faces::load()?;
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(8);
    let mut next = 13;
    let mut pages = Vec::with_capacity(certificates.len());
    for (index, certificate) in certificates.iter().enumerate() {
        let mut pen = Pen {
            content: Content::new(),
            faces: &mut faces,
        };
        draw(&mut pen, certificate, settings, lang)?;
        let content = deflate(&pen.content.finish());
        let page = Ref::new(next);
        let stream = Ref::new(next + 1);
        next += 2;
        let mut writer = pdf.page(page);
        writer
            .media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT))
            .parent(tree)
            .contents(stream);
        let mut resources = writer.resources();
        resources
            .fonts()
            .pair(Name(faces.regular.resource), regular)
            .pair(Name(faces.bold.resource), bold);
        resources.finish();
        writer.finish();
        pdf.stream(stream, &content).filter(Filter::FlateDecode);
        pages.push(page);
        if !page_done(index + 1) {
            return Ok(None);
        }
    }
    faces.regular.write(&mut pdf, regular, false);
    faces.bold.write(&mut pdf, bold, true);
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(pages.iter().copied())
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    if let Some(first) = certificates.first() {
        let title = i18n::tr_args(
            lang,
            "cert-pdf-title",
            &[
                ("name", &first.name),
                ("module", first.module_title.get(lang)),
            ],
        );
        pdf.document_info(Ref::new(next))
            .title(TextStr(&title))
            .subject(TextStr(&first.payload))
            .keywords(TextStr(&format!("{}, {}", first.number, first.code)))
            .author(TextStr(&settings.instansi))
            .creator(TextStr("latih-asn"));
    }
    Ok(Some(pdf.finish()))
}

fn draw(
    pen: &mut Pen<'_>,
    certificate: &Certificate,
    settings: &HrSettings,
    lang: Lang,
) -> Result<(), HrError> {
    let centre = WIDTH / 2.0;
    let tr = |key: &str| i18n::tr(lang, key);
    let tr_args = |key: &str, args: &[(&str, &str)]| i18n::tr_args(lang, key, args);
    pen.frame(22.0, 2.5);
    pen.frame(30.0, 0.8);

    let instansi = settings.instansi.to_uppercase();
    let size = fit(&pen.faces.bold, &instansi, 15.0, 10.0, TEXT_WIDTH);
    pen.centred(true, size, INK, centre, 80.0, &instansi);
    pen.centred(true, 36.0, BLUE, centre, 132.0, &tr("cert-title"));
    pen.centred(
        false,
        11.0,
        INK,
        centre,
        154.0,
        &tr_args("cert-number", &[("number", &certificate.number)]),
    );
    pen.centred(false, 13.0, INK, centre, 188.0, &tr("cert-given-to"));
    let size = fit(&pen.faces.bold, &certificate.name, 26.0, 14.0, TEXT_WIDTH);
    pen.centred(true, size, INK, centre, 222.0, &certificate.name);
    let mut y = 242.0;
    if let Some(nip) = &certificate.nip {
        pen.centred(
            false,
            12.0,
            INK,
            centre,
            y,
            &tr_args("cert-nip", &[("nip", nip)]),
        );
        y += 16.0;
    }
    if !certificate.unit.is_empty() {
        let unit = tr_args("cert-unit", &[("unit", &certificate.unit)]);
        let size = fit(&pen.faces.regular, &unit, 11.0, 8.0, TEXT_WIDTH);
        pen.centred(false, size, INK, centre, y, &unit);
    }
    pen.centred(false, 13.0, INK, centre, 286.0, &tr("cert-passed"));
    let title = certificate.module_title.get(lang);
    let mut size = 17.0;
    let mut lines = wrap(&pen.faces.bold, title, size, TEXT_WIDTH);
    if lines.len() > 2 {
        size = 13.0;
        lines = wrap(&pen.faces.bold, title, size, TEXT_WIDTH);
    }
    let mut y = 310.0;
    for line in lines.iter().take(3) {
        pen.centred(true, size, BLUE, centre, y, line);
        y += size + 4.0;
    }
    y += 4.0;
    let detail = tr_args(
        "cert-detail",
        &[
            ("date", &long_date(lang, certificate.passed)),
            ("score", &certificate.score.to_string()),
            ("jp", &certificate.jp.to_string()),
        ],
    );
    pen.centred(false, 12.0, INK, centre, y, &detail);
    y += 17.0;
    let organiser = tr_args("cert-organiser", &[("organiser", settings.organiser())]);
    let size = fit(&pen.faces.regular, &organiser, 11.0, 8.0, TEXT_WIDTH);
    pen.centred(false, size, INK, centre, y, &organiser);

    // Bottom left: the QR code, the verification code and how to check it.
    pen.qr(&certificate.payload, QR_X, QR_Y, QR_SIZE)?;
    let x = QR_X + QR_SIZE + 10.0;
    pen.text(false, 9.0, INK, x, 466.0, &tr("cert-code-label"));
    pen.text(true, 15.0, INK, x, 484.0, &certificate.code);
    let hint = tr_args("cert-check-hint", &[("code", &certificate.code)]);
    let mut y = 500.0;
    for line in wrap(&pen.faces.regular, &hint, 7.5, 200.0).iter().take(4) {
        pen.text(false, 7.5, INK, x, y, line);
        y += 9.5;
    }

    // Bottom right: the signer.
    let signer_centre = 640.0;
    let width = 250.0;
    pen.centred(
        false,
        11.0,
        INK,
        signer_centre,
        420.0,
        &long_date(lang, certificate.passed),
    );
    let mut y = 436.0;
    for line in wrap(&pen.faces.regular, &settings.signer_title, 11.0, width)
        .iter()
        .take(2)
    {
        pen.centred(false, 11.0, INK, signer_centre, y, line);
        y += 14.0;
    }
    let size = fit(&pen.faces.bold, &settings.signer_name, 12.0, 8.0, width);
    pen.centred(true, size, INK, signer_centre, 512.0, &settings.signer_name);
    let half = (pen.faces.bold.width(&settings.signer_name, size) / 2.0).max(60.0);
    pen.line(signer_centre - half, signer_centre + half, 515.0);
    if let Some(nip) = &settings.signer_nip {
        pen.centred(
            false,
            10.0,
            INK,
            signer_centre,
            529.0,
            &tr_args("cert-nip", &[("nip", nip)]),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_in_each_language() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(long_date(Lang::Id, date), "1 Desember 2026");
        assert_eq!(long_date(Lang::En, date), "1 December 2026");
    }

    #[test]
    fn long_titles_wrap_within_the_width() {
        let faces = Faces::load().unwrap();
        let title = "Netralitas Aparatur Sipil Negara dalam Pemilihan Kepala Daerah Serentak \
                     Tahun 2024 di Provinsi Lampung dan Kabupaten Mesuji";
        let lines = wrap(&faces.bold, title, 17.0, 300.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| faces.bold.width(l, 17.0) <= 300.0));
        assert_eq!(
            lines.join(" "),
            title.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(fit(&faces.bold, title, 26.0, 14.0, 300.0) <= 14.0);
    }
}
