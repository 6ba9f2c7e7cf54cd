//! What the session's printed documents (the attendance list and the report) share: the page,
//! its margins, the heading with the session's facts, the footer with page numbers, the
//! trainer's signature block, and how numbers, dates and times are written in each language.

use chrono::{DateTime, Datelike, Local, NaiveDate, Utc};

use crate::i18n;
use crate::lang::Lang;
use crate::pdf::{Align, Cell, Colour, Column, Document, PageSize, Style, Table};
use crate::training::Session;

pub(super) const PAGE: PageSize = PageSize::A4_PORTRAIT;
pub(super) const LEFT: f32 = 42.0;
pub(super) const RIGHT: f32 = PAGE.width - 42.0;
pub(super) const WIDTH: f32 = RIGHT - LEFT;
/// Where the content of a page after the first starts.
const TOP: f32 = 44.0;
/// Where the content of a page stops (the footer is below).
pub(super) const BOTTOM: f32 = PAGE.height - 50.0;
/// A dark blue for titles and the post-test.
pub(super) const BLUE: Colour = Colour::rgb(30, 58, 110);
pub(super) const GREY: Colour = Colour::rgb(110, 110, 110);
/// Space the trainer's signature block takes.
pub(super) const SIGNATURE_HEIGHT: f32 = 104.0;

/// Width of the labels in the heading's "label: value" lines.
const LABEL_WIDTH: f32 = 130.0;

/// The day of the session written out: "Jumat, 20 November 2026".
pub(super) fn session_date(lang: Lang, date: NaiveDate) -> String {
    let weekday = match date.weekday().number_from_monday() {
        1 => "docs-weekday-1",
        2 => "docs-weekday-2",
        3 => "docs-weekday-3",
        4 => "docs-weekday-4",
        5 => "docs-weekday-5",
        6 => "docs-weekday-6",
        _ => "docs-weekday-7",
    };
    i18n::tr_args(
        lang,
        "docs-date",
        &[
            ("weekday", &i18n::tr(lang, weekday)),
            ("date", &i18n::long_date(lang, date)),
        ],
    )
}

/// `value` with `places` decimals and the language's decimal mark ("72,5" in Indonesian,
/// "72.5" in English).
pub fn number(lang: Lang, value: f64, places: usize) -> String {
    // −0.0 would print as "-0.0".
    let value = if value == 0.0 { 0.0 } else { value };
    let text = format!("{value:.places$}");
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A percent with one decimal: "72,5 %" / "72.5 %"; "–" when there is none.
pub fn percent(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(
        || i18n::tr(lang, "docs-none"),
        |value| format!("{} %", number(lang, value, 1)),
    )
}

/// The time of day on this PC's clock ("08.15" in Indonesian, "08:15" in English): the
/// trainer prints the list in the room, where this is the time on the wall.
pub(super) fn clock(lang: Lang, time: DateTime<Utc>) -> String {
    let local = time.with_timezone(&Local);
    match lang {
        Lang::Id => local.format("%H.%M").to_string(),
        Lang::En => local.format("%H:%M").to_string(),
    }
}

/// A column as (title key, width, alignment).
pub(super) type ColumnSpec = (&'static str, f32, Align);

/// The columns that name a participant: number, name, NIP.
pub(super) const PERSON: [ColumnSpec; 3] = [
    ("docs-col-no", 24.0, Align::Right),
    ("docs-col-name", 130.0, Align::Left),
    ("docs-col-nip", 98.0, Align::Left),
];

/// The cells of [`PERSON`] for the participant at `index` (from 0) on the list.
pub(super) fn person_cells(index: usize, name: &str, nip: &str) -> Vec<Cell> {
    vec![(index + 1).to_string().into(), name.into(), nip.into()]
}

/// A table across the page with the columns of `parts` in turn, and `last` taking what is
/// left of the page's width.
pub(super) fn table(lang: Lang, parts: &[&[ColumnSpec]], last: (&str, Align)) -> Table {
    let spec: Vec<&ColumnSpec> = parts.iter().flat_map(|part| part.iter()).collect();
    let used: f32 = spec.iter().map(|(_, width, _)| width).sum();
    let columns = spec
        .into_iter()
        .map(|(key, width, align)| Column::new(i18n::tr(lang, key), *width, *align))
        .chain([Column::new(i18n::tr(lang, last.0), WIDTH - used, last.1)])
        .collect();
    Table::new(columns, LEFT)
}

/// The first page's heading: the document's title, the session's title, and the session's
/// facts (and `extra` ones) as "label: value" lines. Returns the `y` below it.
pub(super) fn heading(
    document: &mut Document,
    lang: Lang,
    title: &str,
    session: &Session,
    extra: &[(String, String)],
) -> f32 {
    let centre = PAGE.width / 2.0;
    let style = document.fit(Style::bold(16.0).colour(BLUE), title, 11.0, WIDTH);
    document.centred(style, centre, 56.0, title);
    let mut y = 76.0;
    let name = Style::bold(12.0);
    for line in document.wrap_lines(name, &session.title, WIDTH, 2) {
        document.centred(name, centre, y, &line);
        y += name.leading();
    }
    y += 8.0;
    let tr = |key: &str| i18n::tr(lang, key);
    let mut facts = vec![
        (tr("docs-label-date"), session_date(lang, session.date)),
        (tr("docs-label-place"), session.place.clone()),
        (tr("docs-label-trainer"), session.trainer.clone()),
    ];
    if !session.instansi.is_empty() {
        facts.push((tr("docs-label-instansi"), session.instansi.clone()));
    }
    facts.extend(extra.iter().cloned());
    let label = Style::regular(9.5);
    for (name, value) in facts {
        document.text(label, LEFT, y, &name);
        document.text(label, LEFT + LABEL_WIDTH - 8.0, y, ":");
        for line in document.wrap_lines(label, &value, WIDTH - LABEL_WIDTH, 2) {
            document.text(label, LEFT + LABEL_WIDTH, y, &line);
            y += label.leading();
        }
    }
    y + 6.0
}

/// Adds a page headed by `title` in small type (the first page has the full heading);
/// returns the `y` where its content starts.
pub(super) fn next_page(document: &mut Document, title: &str) -> f32 {
    document.add_page(PAGE);
    let style = Style::bold(8.5).colour(GREY);
    let line = document.truncate(style, title, WIDTH);
    document.text(style, LEFT, TOP, &line);
    TOP + 12.0
}

/// The footer of every page: the session's title and code at the left, "page x of y" at the
/// right.
pub(super) fn footers(document: &mut Document, lang: Lang, session: &Session) {
    let style = Style::regular(7.5).colour(GREY);
    let y = PAGE.height - 28.0;
    document.each_page(|document, index, count| {
        let page = i18n::tr_args(
            lang,
            "docs-page",
            &[
                ("page", &(index + 1).to_string()),
                ("pages", &count.to_string()),
            ],
        );
        let page_width = document.width(style, &page);
        document.right(style, RIGHT, y, &page);
        let left = format!("{} · {}", session.title, session.token);
        let left = document.truncate(style, &left, WIDTH - page_width - 20.0);
        document.text(style, LEFT, y, &left);
        document.line((LEFT, y - 10.0), (RIGHT, y - 10.0), 0.4, GREY);
    });
}

/// The trainer's signature block in the right half, its top at `y`: place and date, "Pelatih,",
/// room to sign, the trainer's name underlined. Returns the `y` below it.
pub(super) fn trainer_signature(
    document: &mut Document,
    lang: Lang,
    session: &Session,
    y: f32,
) -> f32 {
    let centre = RIGHT - 110.0;
    let width = 210.0;
    let style = Style::regular(9.5);
    let signed = i18n::tr_args(
        lang,
        "docs-signed-at",
        &[
            ("place", &session.place),
            ("date", &i18n::long_date(lang, session.date)),
        ],
    );
    let signed = document.truncate(style, &signed, width);
    document.centred(style, centre, y + 12.0, &signed);
    document.centred(
        style,
        centre,
        y + 26.0,
        &i18n::tr(lang, "docs-trainer-sign"),
    );
    let name = document.fit(Style::bold(10.0), &session.trainer, 7.0, width);
    let name_text = document.truncate(name, &session.trainer, width);
    document.centred(name, centre, y + 86.0, &name_text);
    let half = (document.width(name, &name_text) / 2.0).max(60.0);
    document.line(
        (centre - half, y + 89.0),
        (centre + half, y + 89.0),
        0.6,
        crate::pdf::INK,
    );
    y + SIGNATURE_HEIGHT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_in_each_language() {
        assert_eq!(number(Lang::Id, 72.5, 1), "72,5");
        assert_eq!(number(Lang::En, 72.5, 1), "72.5");
        assert_eq!(number(Lang::En, -0.0, 1), "0.0");
        assert_eq!(number(Lang::Id, 10.0 / 37.5, 2), "0,27");
        assert_eq!(percent(Lang::Id, None), "–");
        let friday = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        assert_eq!(session_date(Lang::Id, friday), "Jumat, 20 November 2026");
        assert_eq!(session_date(Lang::En, friday), "Friday, 20 November 2026");
    }
}
