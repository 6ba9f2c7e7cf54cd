//! The session report as two CSV files for a spreadsheet, with the record exports' conventions
//! (UTF-8 with a BOM, `;`, NIPs kept as text): one row per participant, and one per question.
//! Numbers have a dot and one decimal (*g*, a ratio, two); a missing value is an empty cell,
//! and a *g* that is undefined (pre-test 100) says so in words.

use std::io::{self, Write};

use crate::i18n;
use crate::lang::Lang;
use crate::records::export::{Cell, table_csv};
use crate::training::report::{Gain, Report, Share};

fn decimal(value: Option<f64>, places: usize) -> Cell<'static> {
    value.map_or(Cell::Empty, |value| Cell::Decimal { value, places })
}

fn count(n: usize) -> Cell<'static> {
    Cell::Number(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Right, asked and percent of a share; three empty cells when there is none.
fn share_cells(share: Option<Share>) -> [Cell<'static>; 3] {
    match share {
        Some(share) => [
            count(share.right),
            count(share.asked),
            decimal(Some(share.percent()), 1),
        ],
        None => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

fn header(lang: Lang, keys: &[&str]) -> Vec<Cell<'static>> {
    keys.iter()
        .map(|key| Cell::text(i18n::tr(lang, key)))
        .collect()
}

/// One row per participant on the list: number, NIP, name, unit, present, pre-test and
/// post-test percent, gain in points, *g*, passed.
pub fn report_people_csv<W: Write>(out: W, report: &Report, lang: Lang) -> io::Result<()> {
    let yes = i18n::tr(lang, "docs-yes");
    let no = i18n::tr(lang, "docs-no");
    let not_applicable = i18n::tr(lang, "docs-na");
    let yes_no = |value: bool| Cell::text(if value { yes.as_str() } else { no.as_str() });
    let mut rows = vec![header(
        lang,
        &[
            "docs-col-no",
            "docs-col-nip",
            "docs-col-name",
            "docs-col-unit",
            "docs-col-present",
            "docs-col-pre",
            "docs-col-post",
            "docs-col-gain",
            "docs-col-g",
            "docs-col-passed",
        ],
    )];
    for (number, person) in (1u32..).zip(&report.people) {
        rows.push(vec![
            Cell::Number(number),
            Cell::Nip(&person.nip),
            Cell::text(person.name.as_str()),
            Cell::text(person.unit.as_str()),
            yes_no(person.present),
            decimal(person.pre, 1),
            decimal(person.post, 1),
            decimal(person.gain, 1),
            match person.g {
                Gain::None => Cell::Empty,
                Gain::Value(g) => decimal(Some(g), 2),
                Gain::PreAtMaximum => Cell::text(not_applicable.as_str()),
            },
            person.passed.map_or(Cell::Empty, yes_no),
        ]);
    }
    table_csv(out, &rows)
}

/// One row per question asked: its id, form, stem, objective and articles, right / asked /
/// percent in each test, and whether it is flagged as still misunderstood.
pub fn report_items_csv<W: Write>(out: W, report: &Report, lang: Lang) -> io::Result<()> {
    let yes = i18n::tr(lang, "docs-yes");
    let no = i18n::tr(lang, "docs-no");
    let mut rows = vec![header(
        lang,
        &[
            "docs-col-question",
            "docs-col-form",
            "docs-col-stem",
            "docs-col-objective",
            "docs-col-articles",
            "docs-col-pre-right",
            "docs-col-pre-asked",
            "docs-col-pre-percent",
            "docs-col-post-right",
            "docs-col-post-asked",
            "docs-col-post-percent",
            "docs-col-flagged",
        ],
    )];
    for item in &report.items {
        let mut row = vec![
            Cell::text(item.question.as_str()),
            Cell::text(format!("{:?}", item.form)),
            Cell::text(item.stem.as_str()),
            Cell::text(item.objective.as_str()),
            Cell::text(item.articles.join(" | ")),
        ];
        row.extend(share_cells(item.pre));
        row.extend(share_cells(item.post));
        row.push(Cell::text(if item.flagged {
            yes.as_str()
        } else {
            no.as_str()
        }));
        rows.push(row);
    }
    table_csv(out, &rows)
}
