//! The attendance list (*daftar hadir*) of a session, as offices file it: a PDF to print and
//! sign, and a CSV for a spreadsheet.
//!
//! The PDF is A4 portrait: the heading (title, the session, its day written out, place,
//! trainer, organiser), then one row per participant on the list, in list order: number, name,
//! NIP, unit, the time they were marked present (empty for those not marked, so the list can be
//! printed before the session and signed in the room), and a wide signature column where odd
//! numbers sign on the left and even numbers on the right, as the common Indonesian form does,
//! so neighbours' signatures never collide. The table's header repeats on every page; every
//! page has "page x of y" at its foot, and the last ends with the trainer's signature block.

use std::io::{self, Write};

use crate::i18n;
use crate::lang::Lang;
use crate::pdf::{Align, Cell, Document, Info, PdfError, Row, Style};
use crate::records::export::{self, table_csv};
use crate::training::Session;
use crate::training::paper::{
    self, BOTTOM, LEFT, PAGE, SIGNATURE_HEIGHT, footers, heading, trainer_signature,
};

/// Least height of a row: room for a signature.
const ROW_HEIGHT: f32 = 24.0;

/// The signature cell of row `number` (from 1): the number and a dotted line, in the left half
/// for odd numbers and the right half for even ones.
fn signature_cell(document: &Document, style: Style, number: usize, half: f32) -> Cell {
    let label = format!("{number}. ");
    let dot = document.width(style, ".");
    let room = half - document.width(style, &label);
    let dots = if dot > 0.0 {
        (room / dot).floor().max(0.0) as usize
    } else {
        0
    };
    let text = format!("{label}{}", ".".repeat(dots));
    let at = if number % 2 == 1 { 0.0 } else { 0.5 };
    Cell::from(text).aligned(Align::From(at))
}

/// The attendance list as a PDF, in `lang`.
pub fn attendance_pdf(session: &Session, lang: Lang) -> Result<Vec<u8>, PdfError> {
    let tr = |key: &str| i18n::tr(lang, key);
    let mut document = Document::new()?;
    document.add_page(PAGE);
    let title = tr("docs-attendance-title");
    let mut y = heading(&mut document, lang, &title, session, &[]);
    let listed: Vec<_> = session.listed().collect();
    let count = i18n::tr_args(
        lang,
        "docs-attendance-count",
        &[
            ("listed", &listed.len().to_string()),
            ("present", &session.present_count().to_string()),
        ],
    );
    document.text(Style::regular(9.5), LEFT, y + 4.0, &count);
    y += 14.0;

    let mut table = paper::table(
        lang,
        &[
            &paper::PERSON,
            &[
                ("docs-col-unit", 124.0, Align::Left),
                ("docs-col-present", 34.0, Align::Centre),
            ],
        ],
        ("docs-col-signature", Align::Left),
    );
    table.min_height = ROW_HEIGHT;
    let signature = table.columns.last().map_or(0.0, |column| column.width);
    let half = signature / 2.0 - 2.0 * table.padding;
    let rows: Vec<Row> = listed
        .iter()
        .enumerate()
        .map(|(index, person)| {
            let mut cells = paper::person_cells(index, &person.name, &person.nip);
            cells.extend([
                person.unit.as_str().into(),
                person
                    .present
                    .map(|at| paper::clock(lang, at))
                    .unwrap_or_default()
                    .into(),
                signature_cell(&document, table.body, index + 1, half),
            ]);
            Row::new(cells)
        })
        .collect();
    let continued = i18n::tr_args(
        lang,
        "docs-continued",
        &[("title", &format!("{title} · {}", session.title))],
    );
    let mut next = |document: &mut Document| paper::next_page(document, &continued);
    let mut y = table.draw(&mut document, y, BOTTOM, rows, &mut next);
    if y + 10.0 + SIGNATURE_HEIGHT > BOTTOM {
        y = next(&mut document);
    }
    trainer_signature(&mut document, lang, session, y + 10.0);
    footers(&mut document, lang, session);
    let document_title = format!("{title}: {}", session.title);
    Ok(document.finish(&Info {
        title: Some(&document_title),
        author: Some(if session.instansi.is_empty() {
            &session.trainer
        } else {
            &session.instansi
        }),
        ..Info::default()
    }))
}

/// The attendance list as CSV (UTF-8 with a BOM, `;`, as the record exports): number, NIP,
/// name, unit, position, present (yes/no) and when they were marked present (ISO 8601, UTC).
pub fn attendance_csv<W: Write>(out: W, session: &Session, lang: Lang) -> io::Result<()> {
    let tr = |key: &str| export::Cell::text(i18n::tr(lang, key));
    let (yes, no) = (i18n::tr(lang, "docs-yes"), i18n::tr(lang, "docs-no"));
    let mut rows = vec![vec![
        tr("docs-col-no"),
        tr("docs-col-nip"),
        tr("docs-col-name"),
        tr("docs-col-unit"),
        tr("docs-col-position"),
        tr("docs-col-present"),
        tr("docs-col-present-at"),
    ]];
    for (number, person) in (1u32..).zip(session.listed()) {
        rows.push(vec![
            export::Cell::Number(number),
            export::Cell::Nip(&person.nip),
            export::Cell::text(person.name.as_str()),
            export::Cell::text(person.unit.as_str()),
            person
                .position
                .as_deref()
                .map_or(export::Cell::Empty, export::Cell::text),
            export::Cell::text(if person.present.is_some() {
                yes.as_str()
            } else {
                no.as_str()
            }),
            person.present.map_or(export::Cell::Empty, |at| {
                export::Cell::text(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            }),
        ]);
    }
    table_csv(out, &rows)
}
