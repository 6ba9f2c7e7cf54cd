//! The session report as a PDF for the trainer and the organiser: the session, attendance, the
//! pre- and post-test figures (takers, mean, median, class gain, mean *g*, pass rate), charts
//! drawn as vectors (means, the score distribution, each article before and after), the items
//! still misunderstood, the participants' table, the item table, and how to read it all.
//! A4 portrait, as many pages as it takes; every figure comes from the [`Report`].

mod chart;

use fluent::{FluentArgs, FluentValue};

use crate::content::Module;
use crate::i18n;
use crate::lang::Lang;
use crate::pdf::{Align, Area, Cell, Colour, Document, Info, PdfError, Row, Style, Table};
use crate::training::Session;
use crate::training::paper::{
    self, BLUE, BOTTOM, LEFT, PAGE, WIDTH, footers, heading, number, percent,
};
use crate::training::report::{FLAG_BELOW_PERCENT, FLAG_MIN_ANSWERS, Gain, ItemRow, Report, Share};

/// The background of a flagged row.
const FLAGGED_FILL: Colour = Colour::rgb(252, 226, 226);

/// Where the next block goes, and how a page after the first is headed.
struct Flow {
    y: f32,
    continued: String,
}

impl Flow {
    /// Moves to a new page unless `height` more fits on this one.
    fn need(&mut self, document: &mut Document, height: f32) {
        if self.y + height > BOTTOM {
            self.y = paper::next_page(document, &self.continued);
        }
    }

    /// A section title, kept on one page with the first `then` points of what follows.
    fn section(&mut self, document: &mut Document, title: &str, then: f32) {
        let style = Style::bold(11.0).colour(BLUE);
        self.y += 10.0;
        self.need(document, 18.0 + then);
        document.text(style, LEFT, self.y + 11.0, title);
        self.y += 18.0;
    }

    /// A paragraph wrapped to the page's width, breaking pages between lines.
    fn paragraph(&mut self, document: &mut Document, style: Style, text: &str) {
        self.indented(document, style, 0.0, text);
    }

    /// A paragraph whose lines start `indent` points in.
    fn indented(&mut self, document: &mut Document, style: Style, indent: f32, text: &str) {
        for line in document.wrap(style, text, WIDTH - indent) {
            self.need(document, style.leading());
            document.text(style, LEFT + indent, self.y + style.size, &line);
            self.y += style.leading();
        }
        self.y += 3.0;
    }

    /// A table from here, its header repeated on the pages it runs onto.
    fn table(&mut self, document: &mut Document, table: &Table, rows: Vec<Row>) {
        let continued = self.continued.clone();
        let mut next = |document: &mut Document| paper::next_page(document, &continued);
        self.y = table.draw(document, self.y, BOTTOM, rows, &mut next);
    }
}

/// Fluent arguments, numbers as numbers (for plurals) and text as text.
fn args<'a>(numbers: &[(&'a str, usize)], texts: &[(&'a str, String)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, n) in numbers {
        args.set(*name, FluentValue::from(*n));
    }
    for (name, text) in texts {
        args.set(*name, FluentValue::from(text.clone()));
    }
    args
}

/// "60,0 % (3/5)", or "–".
fn share_text(lang: Lang, share: Option<Share>) -> String {
    share.map_or_else(
        || i18n::tr(lang, "docs-none"),
        |share| {
            format!(
                "{} ({}/{})",
                percent(lang, Some(share.percent())),
                share.right,
                share.asked
            )
        },
    )
}

/// The articles a question cites, or "–".
fn articles_text(lang: Lang, articles: &[String]) -> String {
    if articles.is_empty() {
        i18n::tr(lang, "docs-none")
    } else {
        articles.join("; ")
    }
}

/// The session report as a PDF, in `lang` (the report's article labels are in the language it
/// was made in).
pub fn report_pdf(
    report: &Report,
    session: &Session,
    module: &Module,
    lang: Lang,
) -> Result<Vec<u8>, PdfError> {
    let tr = |key: &str| i18n::tr(lang, key);
    let mut document = Document::new()?;
    document.add_page(PAGE);
    let title = tr("docs-report-title");
    let forms = i18n::tr_args(
        lang,
        "docs-forms",
        &[
            ("pre", &format!("{:?}", session.forms.pre)),
            ("post", &format!("{:?}", session.forms.post)),
        ],
    );
    let extra = [
        (tr("docs-label-module"), module.title.get(lang).clone()),
        (tr("docs-label-forms"), forms),
    ];
    let y = heading(&mut document, lang, &title, session, &extra);
    let mut flow = Flow {
        y,
        continued: i18n::tr_args(
            lang,
            "docs-continued",
            &[("title", &format!("{title} · {}", session.title))],
        ),
    };

    attendance(&mut document, &mut flow, report, lang);
    results(&mut document, &mut flow, report, lang);
    flow.section(&mut document, &tr("docs-section-charts"), chart::HEIGHT);
    chart::means(
        &mut document,
        Area {
            x: LEFT,
            y: flow.y,
            width: 190.0,
            height: chart::HEIGHT,
        },
        lang,
        report.pre.mean,
        report.post.mean,
    );
    let scores = |pick: fn(&crate::training::report::PersonRow) -> Option<f64>| {
        report.people.iter().filter_map(pick).collect::<Vec<_>>()
    };
    chart::distribution(
        &mut document,
        Area {
            x: LEFT + 210.0,
            y: flow.y,
            width: WIDTH - 210.0,
            height: chart::HEIGHT,
        },
        lang,
        &scores(|p| p.pre),
        &scores(|p| p.post),
    );
    flow.y += chart::HEIGHT;

    flagged(&mut document, &mut flow, report, lang);
    flow.section(&mut document, &tr("docs-section-articles"), 60.0);
    if report.articles.is_empty() {
        flow.paragraph(&mut document, Style::regular(9.5), &tr("docs-no-data"));
    } else {
        chart::articles(&mut document, &mut flow, lang, &report.articles);
    }
    people(&mut document, &mut flow, report, lang);
    items(&mut document, &mut flow, &report.items, lang);
    how_to_read(&mut document, &mut flow, lang);

    footers(&mut document, lang, session);
    let document_title = format!("{title}: {}", session.title);
    Ok(document.finish(&Info {
        title: Some(&document_title),
        author: Some(&session.trainer),
        ..Info::default()
    }))
}

fn attendance(document: &mut Document, flow: &mut Flow, report: &Report, lang: Lang) {
    flow.section(document, &i18n::tr(lang, "docs-section-attendance"), 14.0);
    let count = i18n::tr_args(
        lang,
        "docs-attendance-count",
        &[
            ("listed", &report.listed.to_string()),
            ("present", &report.present.to_string()),
        ],
    );
    flow.paragraph(document, Style::regular(9.5), &count);
    if report.unmatched > 0 {
        let text = i18n::tr_fluent(
            lang,
            "docs-unmatched",
            &args(&[("n", report.unmatched)], &[]),
        );
        flow.paragraph(document, Style::regular(9.5), &text);
    }
}

/// "label: value" lines with the labels in a column `label_width` wide; each part of a value
/// starts a line of its own.
fn facts(
    document: &mut Document,
    flow: &mut Flow,
    facts: &[(String, Vec<String>)],
    label_width: f32,
) {
    let style = Style::regular(9.5);
    for (label, value) in facts {
        let lines: Vec<String> = value
            .iter()
            .flat_map(|part| document.wrap_lines(style, part, WIDTH - label_width, 3))
            .collect();
        flow.need(document, style.leading() * lines.len() as f32);
        for (n, line) in lines.iter().enumerate() {
            if n == 0 {
                let label = document.truncate(style, label, label_width - 14.0);
                document.text(style, LEFT, flow.y + style.size, &label);
                document.text(style, LEFT + label_width - 8.0, flow.y + style.size, ":");
            }
            document.text(style, LEFT + label_width, flow.y + style.size, line);
            flow.y += style.leading();
        }
    }
}

fn results(document: &mut Document, flow: &mut Flow, report: &Report, lang: Lang) {
    let tr = |key: &str| i18n::tr(lang, key);
    flow.section(document, &tr("docs-section-results"), 60.0);
    let table = paper::table(
        lang,
        &[&[
            ("docs-col-test", 190.0, Align::Left),
            ("docs-col-takers", 107.0, Align::Right),
            ("docs-col-mean", 107.0, Align::Right),
        ]],
        ("docs-col-median", Align::Right),
    );
    let row = |name: &str, stats: crate::training::report::Stats| {
        Row::new(vec![
            name.into(),
            stats.takers.to_string().into(),
            percent(lang, stats.mean).into(),
            percent(lang, stats.median).into(),
        ])
    };
    let rows = vec![
        row(&tr("docs-pre"), report.pre),
        row(&tr("docs-post"), report.post),
    ];
    flow.table(document, &table, rows);
    flow.y += 8.0;

    let none = tr("docs-none");
    let g = |value: Option<f64>| value.map_or_else(|| none.clone(), |g| number(lang, g, 2));
    let mut mean_g = vec![i18n::tr_fluent(
        lang,
        "docs-mean-g-value",
        &args(&[("n", report.with_g)], &[("g", g(report.mean_g))]),
    )];
    if report.pre_at_maximum > 0 {
        mean_g.push(i18n::tr_fluent(
            lang,
            "docs-mean-g-left-out",
            &args(&[("n", report.pre_at_maximum)], &[]),
        ));
    }
    let pass_rate = match report.pass_rate {
        Some(rate) => i18n::tr_fluent(
            lang,
            "docs-pass-rate-value",
            &args(
                &[("passed", report.passed), ("takers", report.post.takers)],
                &[("percent", percent(lang, Some(rate * 100.0)))],
            ),
        ),
        None => none.clone(),
    };
    facts(
        document,
        flow,
        &[
            (tr("docs-class-gain"), vec![g(report.class_gain)]),
            (tr("docs-mean-g"), mean_g),
            (tr("docs-pass-rate"), vec![pass_rate]),
        ],
        200.0,
    );
}

fn flagged(document: &mut Document, flow: &mut Flow, report: &Report, lang: Lang) {
    flow.section(document, &i18n::tr(lang, "docs-section-flagged"), 30.0);
    let style = Style::regular(9.5);
    let mut any = false;
    for item in report.flagged_items() {
        any = true;
        let text = i18n::tr_args(
            lang,
            "docs-flagged-item",
            &[
                ("question", &item.question),
                ("stem", &item.stem),
                ("share", &share_text(lang, item.post)),
                ("articles", &articles_text(lang, &item.articles)),
            ],
        );
        flow.need(document, style.leading());
        document.text(style, LEFT + 2.0, flow.y + style.size, "•");
        flow.indented(document, style, 10.0, &text);
    }
    if !any {
        flow.paragraph(document, style, &i18n::tr(lang, "docs-no-flagged"));
    }
}

fn people(document: &mut Document, flow: &mut Flow, report: &Report, lang: Lang) {
    let tr = |key: &str| i18n::tr(lang, key);
    flow.section(document, &tr("docs-section-people"), 50.0);
    let mut table = paper::table(
        lang,
        &[
            &paper::PERSON,
            &[
                ("docs-col-present", 34.0, Align::Centre),
                ("docs-pre", 46.0, Align::Right),
                ("docs-post", 46.0, Align::Right),
                ("docs-col-gain", 48.0, Align::Right),
                ("docs-col-g", 40.0, Align::Right),
            ],
        ],
        ("docs-col-passed", Align::Centre),
    );
    table.max_lines = 2;
    let (yes, no, none) = (tr("docs-yes"), tr("docs-no"), tr("docs-none"));
    let yes_no = |value: bool| if value { yes.clone() } else { no.clone() };
    let score = |value: Option<f64>| value.map_or_else(|| none.clone(), |v| number(lang, v, 1));
    let rows = report
        .people
        .iter()
        .enumerate()
        .map(|(index, person)| {
            let mut cells = paper::person_cells(index, &person.name, &person.nip);
            cells.extend([
                yes_no(person.present).into(),
                score(person.pre).into(),
                score(person.post).into(),
                score(person.gain).into(),
                match person.g {
                    Gain::None => none.clone(),
                    Gain::Value(g) => number(lang, g, 2),
                    Gain::PreAtMaximum => tr("docs-na"),
                }
                .into(),
                person.passed.map_or_else(|| none.clone(), yes_no).into(),
            ]);
            Row::new(cells)
        })
        .collect();
    flow.table(document, &table, rows);
}

fn items(document: &mut Document, flow: &mut Flow, items: &[ItemRow], lang: Lang) {
    let tr = |key: &str| i18n::tr(lang, key);
    flow.section(document, &tr("docs-section-items"), 50.0);
    if items.is_empty() {
        flow.paragraph(document, Style::regular(9.5), &tr("docs-no-data"));
        return;
    }
    let table = paper::table(
        lang,
        &[&[
            ("docs-col-stem", 180.0, Align::Left),
            ("docs-col-form", 40.0, Align::Centre),
            ("docs-col-articles", 120.0, Align::Left),
            ("docs-pre", 52.0, Align::Right),
            ("docs-post", 52.0, Align::Right),
        ]],
        ("docs-col-note", Align::Left),
    );
    let flag = tr("docs-flagged");
    let rows = items
        .iter()
        .map(|item| {
            Row::new(vec![
                format!("{} · {}", item.question, item.stem).into(),
                format!("{:?}", item.form).into(),
                articles_text(lang, &item.articles).into(),
                share_text(lang, item.pre).into(),
                share_text(lang, item.post).into(),
                if item.flagged {
                    Cell::from(flag.as_str()).styled(Style::bold(8.5))
                } else {
                    Cell::from("")
                },
            ])
            .filled(item.flagged.then_some(FLAGGED_FILL))
        })
        .collect();
    flow.table(document, &table, rows);
}

fn how_to_read(document: &mut Document, flow: &mut Flow, lang: Lang) {
    flow.section(document, &i18n::tr(lang, "docs-section-howto"), 40.0);
    let rule = [
        ("percent", FLAG_BELOW_PERCENT.to_string()),
        ("min", FLAG_MIN_ANSWERS.to_string()),
    ];
    let rule: Vec<(&str, &str)> = rule.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let style = Style::regular(9.0);
    for key in [
        "docs-howto-scores",
        "docs-howto-median",
        "docs-howto-g",
        "docs-howto-max",
        "docs-howto-class",
        "docs-howto-flag",
        "docs-howto-articles",
    ] {
        flow.paragraph(document, style, &i18n::tr_args(lang, key, &rule));
    }
}
