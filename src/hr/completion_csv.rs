//! The completion view's CSV exports: the unit table and the people list, with the filters that
//! made them written on every row, so a file handed to a head of office says what it counts.

use std::io::{self, Write};

use crate::hr::completion::{Board, Filter, OFF_ROSTER, Standing, Tally};
use crate::i18n;
use crate::lang::Lang;
use crate::records::export::{Cell, table_csv};

fn filter_cells<'a>(filter: &'a Filter) -> [Cell<'a>; 3] {
    let day = |d: Option<chrono::NaiveDate>| {
        d.map_or(Cell::Empty, |d| {
            Cell::text(d.format("%Y-%m-%d").to_string())
        })
    };
    [
        day(filter.from),
        day(filter.to),
        Cell::text(filter.search.trim()),
    ]
}

fn unit_name(unit: &str, lang: Lang) -> String {
    if unit == OFF_ROSTER {
        i18n::tr(lang, "hr-off-roster")
    } else {
        unit.to_owned()
    }
}

fn count(n: usize) -> Cell<'static> {
    Cell::Number(u32::try_from(n).unwrap_or(u32::MAX))
}

/// One row per unit and module: the numbers of the screen's table.
pub fn units_csv<W: Write>(out: W, tally: &Tally, filter: &Filter, lang: Lang) -> io::Result<()> {
    let t = |key: &str| Cell::text(i18n::tr(lang, key));
    let mut rows = vec![vec![
        t("hr-col-unit"),
        t("hr-col-module"),
        t("hr-col-people"),
        t("hr-standing-passed"),
        t("hr-col-percent-passed"),
        t("hr-standing-in-progress"),
        t("hr-standing-not-started"),
        t("hr-standing-review"),
        t("hr-col-from"),
        t("hr-col-to"),
        t("hr-col-search"),
    ]];
    for unit in &tally.units {
        for (module, counts) in &unit.modules {
            let mut row = vec![
                Cell::text(unit_name(&unit.unit, lang)),
                Cell::text(module.as_str()),
                count(counts.total()),
                count(counts.get(Standing::Passed)),
                Cell::Number(counts.percent(Standing::Passed)),
                count(counts.get(Standing::InProgress)),
                count(counts.get(Standing::NotStarted)),
                count(counts.get(Standing::Review)),
            ];
            row.extend(filter_cells(filter));
            rows.push(row);
        }
    }
    table_csv(out, &rows)
}

/// One row per selected person and module.
pub fn people_csv<W: Write>(
    out: W,
    board: &Board,
    tally: &Tally,
    filter: &Filter,
    lang: Lang,
) -> io::Result<()> {
    let t = |key: &str| Cell::text(i18n::tr(lang, key));
    let mut rows = vec![vec![
        t("hr-col-unit"),
        t("hr-col-nip"),
        t("hr-col-name"),
        t("hr-col-module"),
        t("hr-col-standing"),
        t("hr-col-best"),
        t("hr-col-passed-on"),
        t("hr-col-from"),
        t("hr-col-to"),
        t("hr-col-search"),
    ]];
    let modules: Vec<usize> = match &filter.module {
        Some(module) => board.module_index(module).into_iter().collect(),
        None => (0..board.modules.len()).collect(),
    };
    for &index in &tally.people {
        let person = &board.people[index];
        for &module in &modules {
            let standing = board.standing(index, module, filter);
            let mut row = vec![
                Cell::text(unit_name(board.group_of(person), lang)),
                person.nip.as_deref().map_or(Cell::Empty, Cell::Nip),
                Cell::text(person.name.as_str()),
                Cell::text(board.modules[module].as_str()),
                Cell::text(i18n::tr(lang, standing.key())),
                board
                    .best_score(index, module, filter)
                    .map_or(Cell::Empty, |s| Cell::Number(u32::from(s))),
                board
                    .passed_on(index, module, filter)
                    .map_or(Cell::Empty, |at| {
                        Cell::text(
                            at.with_timezone(&chrono::Local)
                                .format("%Y-%m-%d")
                                .to_string(),
                        )
                    }),
            ];
            row.extend(filter_cells(filter));
            rows.push(row);
        }
    }
    table_csv(out, &rows)
}
