//! A certificate as a PDF page: A4 landscape, the text from Fluent (`certificate.ftl`) in the
//! chosen language, the embedded Noto Sans (so names with Indonesian letters print the same on
//! every PC; the fonts are subset into the file), and the QR code drawn as vector squares (sharp
//! at any print size). The signed payload also goes into the document's metadata (its subject),
//! so a PDF can be checked by opening it, without scanning (see [`super::check::check_pdf`]).
//!
//! Written with `krilla`, which embeds and subsets TrueType fonts; text is measured with
//! `ttf-parser` (the parser krilla's shaper uses) to centre and wrap it.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use qrcode::{Color as QrColor, EcLevel, QrCode};

use super::Certificate;
use crate::hr::error::HrError;
use crate::hr::settings::HrSettings;
use crate::i18n;
use crate::lang::Lang;

/// A4 landscape, in points.
const WIDTH: f32 = 841.89;
const HEIGHT: f32 = 595.28;
/// Widest line of centred text.
const TEXT_WIDTH: f32 = 660.0;
/// The QR code's side, and where it sits (bottom left, inside the frame).
const QR_SIZE: f32 = 132.0;
const QR_X: f32 = 72.0;
const QR_Y: f32 = 402.0;

/// The ink colours: a dark blue for the frame and title, near-black for text.
fn blue() -> rgb::Color {
    rgb::Color::new(30, 58, 110)
}

fn ink() -> rgb::Color {
    rgb::Color::new(20, 20, 20)
}

/// One embedded typeface: what krilla draws with and what we measure with.
struct Face {
    font: Font,
    metrics: ttf_parser::Face<'static>,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Result<Face, HrError> {
        let bad = || HrError::Pdf {
            detail: "embedded font unreadable".into(),
        };
        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes);
        Ok(Face {
            font: Font::new(data.into(), 0).ok_or_else(bad)?,
            metrics: ttf_parser::Face::parse(bytes, 0).map_err(|_| bad())?,
        })
    }

    /// Width of `text` at `size` points (advances only; kerning moves it by a hair).
    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                self.metrics
                    .glyph_index(c)
                    .and_then(|glyph| self.metrics.glyph_hor_advance(glyph))
                    .map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(self.metrics.units_per_em())
    }
}

struct Faces {
    regular: Face,
    bold: Face,
}

impl Faces {
    fn load() -> Result<Faces, HrError> {
        Ok(Faces {
            regular: Face::new(crate::fonts::REGULAR)?,
            bold: Face::new(crate::fonts::BOLD)?,
        })
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

/// Draws text on the page with a font, colour and alignment.
struct Pen<'a, 'b> {
    surface: &'a mut Surface<'b>,
    faces: &'a Faces,
}

impl Pen<'_, '_> {
    fn text(&mut self, bold: bool, size: f32, colour: rgb::Color, x: f32, y: f32, text: &str) {
        let face = if bold {
            &self.faces.bold
        } else {
            &self.faces.regular
        };
        self.surface.set_fill(Some(Fill {
            paint: colour.into(),
            ..Fill::default()
        }));
        self.surface.draw_text(
            Point::from_xy(x, y),
            face.font.clone(),
            size,
            text,
            false,
            TextDirection::LeftToRight,
        );
    }

    fn centred(
        &mut self,
        bold: bool,
        size: f32,
        colour: rgb::Color,
        centre: f32,
        y: f32,
        text: &str,
    ) {
        let face = if bold {
            &self.faces.bold
        } else {
            &self.faces.regular
        };
        let x = centre - face.width(text, size) / 2.0;
        self.text(bold, size, colour, x, y, text);
    }

    fn frame(&mut self, inset: f32, width: f32) {
        let mut path = PathBuilder::new();
        if let Some(rect) = Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset)
        {
            path.push_rect(rect);
        }
        if let Some(path) = path.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: blue().into(),
                width,
                ..Stroke::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    fn line(&mut self, x1: f32, x2: f32, y: f32) {
        let mut path = PathBuilder::new();
        path.move_to(x1, y);
        path.line_to(x2, y);
        if let Some(path) = path.finish() {
            self.surface.set_stroke(Some(Stroke {
                paint: ink().into(),
                width: 0.7,
                ..Stroke::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    /// The QR code of `payload`, `size` points wide, its top left at (`x`, `y`): one path of
    /// black squares (runs of a row merged), on white with a quiet zone of four modules.
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
        let mut path = PathBuilder::new();
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
                if let Some(rect) = Rect::from_xywh(
                    x + (quiet + start) as f32 * unit,
                    y + (quiet + row) as f32 * unit,
                    (col - start) as f32 * unit,
                    unit,
                ) {
                    path.push_rect(rect);
                }
            }
        }
        let mut white = PathBuilder::new();
        if let Some(rect) = Rect::from_xywh(x, y, size, size) {
            white.push_rect(rect);
        }
        self.surface.set_stroke(None);
        if let Some(white) = white.finish() {
            self.surface.set_fill(Some(Fill {
                paint: rgb::Color::white().into(),
                opacity: NormalizedF32::ONE,
                ..Fill::default()
            }));
            self.surface.draw_path(&white);
        }
        if let Some(path) = path.finish() {
            self.surface.set_fill(Some(Fill::default()));
            self.surface.draw_path(&path);
        }
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
    let faces = Faces::load()?;
    let mut document = Document::new();
    for (index, certificate) in certificates.iter().enumerate() {
        let mut page =
            document.start_page_with(PageSettings::from_wh(WIDTH, HEIGHT).ok_or_else(|| {
                HrError::Pdf {
                    detail: "page size".into(),
                }
            })?);
        let mut surface = page.surface();
        draw(
            &mut Pen {
                surface: &mut surface,
                faces: &faces,
            },
            certificate,
            settings,
            lang,
        )?;
        surface.finish();
        page.finish();
        if !page_done(index + 1) {
            return Ok(None);
        }
    }
    if let Some(first) = certificates.first() {
        document.set_metadata(
            Metadata::new()
                .title(i18n::tr_args(
                    lang,
                    "cert-pdf-title",
                    &[
                        ("name", &first.name),
                        ("module", first.module_title.get(lang)),
                    ],
                ))
                .description(first.payload.clone())
                .keywords(vec![first.number.clone(), first.code.clone()])
                .authors(vec![settings.instansi.clone()])
                .creator("latih-asn".to_owned())
                .language(lang.code().to_owned()),
        );
    }
    document.finish().map(Some).map_err(|error| HrError::Pdf {
        detail: format!("{error:?}"),
    })
}

fn draw(
    pen: &mut Pen<'_, '_>,
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
    pen.centred(true, size, ink(), centre, 80.0, &instansi);
    pen.centred(true, 36.0, blue(), centre, 132.0, &tr("cert-title"));
    pen.centred(
        false,
        11.0,
        ink(),
        centre,
        154.0,
        &tr_args("cert-number", &[("number", &certificate.number)]),
    );
    pen.centred(false, 13.0, ink(), centre, 188.0, &tr("cert-given-to"));
    let size = fit(&pen.faces.bold, &certificate.name, 26.0, 14.0, TEXT_WIDTH);
    pen.centred(true, size, ink(), centre, 222.0, &certificate.name);
    let mut y = 242.0;
    if let Some(nip) = &certificate.nip {
        pen.centred(
            false,
            12.0,
            ink(),
            centre,
            y,
            &tr_args("cert-nip", &[("nip", nip)]),
        );
        y += 16.0;
    }
    if !certificate.unit.is_empty() {
        let unit = tr_args("cert-unit", &[("unit", &certificate.unit)]);
        let size = fit(&pen.faces.regular, &unit, 11.0, 8.0, TEXT_WIDTH);
        pen.centred(false, size, ink(), centre, y, &unit);
    }
    pen.centred(false, 13.0, ink(), centre, 286.0, &tr("cert-passed"));
    let title = certificate.module_title.get(lang);
    let mut size = 17.0;
    let mut lines = wrap(&pen.faces.bold, title, size, TEXT_WIDTH);
    if lines.len() > 2 {
        size = 13.0;
        lines = wrap(&pen.faces.bold, title, size, TEXT_WIDTH);
    }
    let mut y = 310.0;
    for line in lines.iter().take(3) {
        pen.centred(true, size, blue(), centre, y, line);
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
    pen.centred(false, 12.0, ink(), centre, y, &detail);
    y += 17.0;
    let organiser = tr_args("cert-organiser", &[("organiser", settings.organiser())]);
    let size = fit(&pen.faces.regular, &organiser, 11.0, 8.0, TEXT_WIDTH);
    pen.centred(false, size, ink(), centre, y, &organiser);

    // Bottom left: the QR code, the verification code and how to check it.
    pen.qr(&certificate.payload, QR_X, QR_Y, QR_SIZE)?;
    let x = QR_X + QR_SIZE + 10.0;
    pen.text(false, 9.0, ink(), x, 466.0, &tr("cert-code-label"));
    pen.text(true, 15.0, ink(), x, 484.0, &certificate.code);
    let hint = tr_args("cert-check-hint", &[("code", &certificate.code)]);
    let mut y = 500.0;
    for line in wrap(&pen.faces.regular, &hint, 7.5, 200.0).iter().take(4) {
        pen.text(false, 7.5, ink(), x, y, line);
        y += 9.5;
    }

    // Bottom right: the signer.
    let signer_centre = 640.0;
    let width = 250.0;
    pen.centred(
        false,
        11.0,
        ink(),
        signer_centre,
        420.0,
        &long_date(lang, certificate.passed),
    );
    let mut y = 436.0;
    for line in wrap(&pen.faces.regular, &settings.signer_title, 11.0, width)
        .iter()
        .take(2)
    {
        pen.centred(false, 11.0, ink(), signer_centre, y, line);
        y += 14.0;
    }
    let size = fit(&pen.faces.bold, &settings.signer_name, 12.0, 8.0, width);
    pen.centred(
        true,
        size,
        ink(),
        signer_centre,
        512.0,
        &settings.signer_name,
    );
    let half = (pen.faces.bold.width(&settings.signer_name, size) / 2.0).max(60.0);
    pen.line(signer_centre - half, signer_centre + half, 515.0);
    if let Some(nip) = &settings.signer_nip {
        pen.centred(
            false,
            10.0,
            ink(),
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
