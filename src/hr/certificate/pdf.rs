//! A certificate as a PDF page: A4 landscape, the text from Fluent (`certificate.ftl`) in the
//! chosen language, the embedded Noto Sans (so names with Indonesian letters print the same on
//! every PC), and the QR code drawn as vector squares (sharp at any print size). The signed
//! payload also goes into the document's metadata (its subject), so a PDF can be checked by
//! opening it, without scanning (see [`super::check::check_pdf`]).
//!
//! Drawn with the app's PDF module ([`crate::pdf`]), which says how fonts and text are written.

use qrcode::{Color as QrColor, EcLevel, QrCode};

use super::Certificate;
use crate::hr::error::HrError;
use crate::hr::settings::HrSettings;
use crate::i18n::{self, long_date};
use crate::lang::Lang;
use crate::pdf::{Area, Colour, Document, INK, Info, PageSize, PdfError, Style, WHITE};

const PAGE: PageSize = PageSize::A4_LANDSCAPE;
/// Widest line of centred text.
const TEXT_WIDTH: f32 = 660.0;
/// The QR code's side, and where it sits (bottom left, inside the frame).
const QR_SIZE: f32 = 132.0;
const QR_X: f32 = 72.0;
const QR_Y: f32 = 402.0;

/// A dark blue for the frame and title.
const BLUE: Colour = Colour::rgb(30, 58, 110);

fn pdf_error(error: PdfError) -> HrError {
    HrError::Pdf {
        detail: error.to_string(),
    }
}

/// The frame `inset` points inside the page's edge.
fn frame(document: &mut Document, inset: f32, width: f32) {
    let area = Area {
        x: inset,
        y: inset,
        width: PAGE.width - 2.0 * inset,
        height: PAGE.height - 2.0 * inset,
    };
    document.stroke_rect(area, width, BLUE);
}

/// The QR code of `payload`, `size` points wide, its top left at (`x`, `y`): black squares
/// (runs of a row merged) on white, with a quiet zone of four modules.
fn qr(document: &mut Document, payload: &str, x: f32, y: f32, size: f32) -> Result<(), HrError> {
    let code =
        QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).map_err(|error| {
            HrError::Pdf {
                detail: error.to_string(),
            }
        })?;
    let modules = code.width();
    let quiet = 4;
    let unit = size / (modules + 2 * quiet) as f32;
    let colors = code.to_colors();
    document.fill_rect(
        Area {
            x,
            y,
            width: size,
            height: size,
        },
        WHITE,
    );
    let mut runs = Vec::new();
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
            runs.push(Area {
                x: x + (quiet + start) as f32 * unit,
                y: y + (quiet + row) as f32 * unit,
                width: (col - start) as f32 * unit,
                height: unit,
            });
        }
    }
    document.fill_rects(Colour::rgb(0, 0, 0), runs);
    Ok(())
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
    let mut document = Document::new().map_err(pdf_error)?;
    for (index, certificate) in certificates.iter().enumerate() {
        document.add_page(PAGE);
        draw(&mut document, certificate, settings, lang)?;
        if !page_done(index + 1) {
            return Ok(None);
        }
    }
    let Some(first) = certificates.first() else {
        return Ok(Some(document.finish(&Info::default())));
    };
    let title = i18n::tr_args(
        lang,
        "cert-pdf-title",
        &[
            ("name", &first.name),
            ("module", first.module_title.get(lang)),
        ],
    );
    let keywords = format!("{}, {}", first.number, first.code);
    Ok(Some(document.finish(&Info {
        title: Some(&title),
        subject: Some(&first.payload),
        keywords: Some(&keywords),
        author: Some(&settings.instansi),
    })))
}

fn draw(
    document: &mut Document,
    certificate: &Certificate,
    settings: &HrSettings,
    lang: Lang,
) -> Result<(), HrError> {
    let centre = PAGE.width / 2.0;
    let tr = |key: &str| i18n::tr(lang, key);
    let tr_args = |key: &str, args: &[(&str, &str)]| i18n::tr_args(lang, key, args);
    let regular = Style::regular;
    let bold = Style::bold;
    frame(document, 22.0, 2.5);
    frame(document, 30.0, 0.8);

    let instansi = settings.instansi.to_uppercase();
    let style = document.fit(bold(15.0), &instansi, 10.0, TEXT_WIDTH);
    document.centred(style, centre, 80.0, &instansi);
    document.centred(bold(36.0).colour(BLUE), centre, 132.0, &tr("cert-title"));
    let number = tr_args("cert-number", &[("number", &certificate.number)]);
    document.centred(regular(11.0), centre, 154.0, &number);
    document.centred(regular(13.0), centre, 188.0, &tr("cert-given-to"));
    let style = document.fit(bold(26.0), &certificate.name, 14.0, TEXT_WIDTH);
    document.centred(style, centre, 222.0, &certificate.name);
    let mut y = 242.0;
    if let Some(nip) = &certificate.nip {
        let nip = tr_args("cert-nip", &[("nip", nip)]);
        document.centred(regular(12.0), centre, y, &nip);
        y += 16.0;
    }
    if !certificate.unit.is_empty() {
        let unit = tr_args("cert-unit", &[("unit", &certificate.unit)]);
        let style = document.fit(regular(11.0), &unit, 8.0, TEXT_WIDTH);
        document.centred(style, centre, y, &unit);
    }
    document.centred(regular(13.0), centre, 286.0, &tr("cert-passed"));
    let title = certificate.module_title.get(lang);
    let mut style = bold(17.0).colour(BLUE);
    let mut lines = document.wrap(style, title, TEXT_WIDTH);
    if lines.len() > 2 {
        style = style.size(13.0);
        lines = document.wrap(style, title, TEXT_WIDTH);
    }
    let mut y = 310.0;
    for line in lines.iter().take(3) {
        document.centred(style, centre, y, line);
        y += style.size + 4.0;
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
    document.centred(regular(12.0), centre, y, &detail);
    y += 17.0;
    let organiser = tr_args("cert-organiser", &[("organiser", settings.organiser())]);
    let style = document.fit(regular(11.0), &organiser, 8.0, TEXT_WIDTH);
    document.centred(style, centre, y, &organiser);

    // Bottom left: the QR code, the verification code and how to check it.
    qr(document, &certificate.payload, QR_X, QR_Y, QR_SIZE)?;
    let x = QR_X + QR_SIZE + 10.0;
    document.text(regular(9.0), x, 466.0, &tr("cert-code-label"));
    document.text(bold(15.0), x, 484.0, &certificate.code);
    let hint = tr_args("cert-check-hint", &[("code", &certificate.code)]);
    let mut y = 500.0;
    for line in document.wrap(regular(7.5), &hint, 200.0).iter().take(4) {
        document.text(regular(7.5), x, y, line);
        y += 9.5;
    }

    // Bottom right: the signer.
    let signer_centre = 640.0;
    let width = 250.0;
    let date = long_date(lang, certificate.passed);
    document.centred(regular(11.0), signer_centre, 420.0, &date);
    let mut y = 436.0;
    for line in document
        .wrap(regular(11.0), &settings.signer_title, width)
        .iter()
        .take(2)
    {
        document.centred(regular(11.0), signer_centre, y, line);
        y += 14.0;
    }
    let style = document.fit(bold(12.0), &settings.signer_name, 8.0, width);
    document.centred(style, signer_centre, 512.0, &settings.signer_name);
    let half = (document.width(style, &settings.signer_name) / 2.0).max(60.0);
    document.line(
        (signer_centre - half, 515.0),
        (signer_centre + half, 515.0),
        0.7,
        INK,
    );
    if let Some(nip) = &settings.signer_nip {
        let nip = tr_args("cert-nip", &[("nip", nip)]);
        document.centred(regular(10.0), signer_centre, 529.0, &nip);
    }
    Ok(())
}
