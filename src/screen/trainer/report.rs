//! The session report on screen: attendance, the pre- and post-test (takers, mean, median),
//! the gain, the pass rate, understanding per cited article before and after with the ones
//! still misunderstood flagged, and every participant. The same numbers as the PDF and CSV
//! (both come from [`crate::training::documents::gather`]).

use iced::widget::{column, container, row, text};
use iced::{Alignment, Color, Element, Length};

use crate::app::Ctx;
use crate::theme;
use crate::training::documents::Gathered;
use crate::training::paper::{number, percent};
use crate::training::report::{Gain, Share};
use crate::widget;

/// Participants listed on screen (the files hold everyone).
const PEOPLE_ROWS: usize = 200;

/// A horizontal bar of `value` out of 100, with its label after it.
fn bar<'a, M: 'a>(ctx: &Ctx<'_>, value: f64, color: Color, label: String) -> Element<'a, M> {
    let filled = (value.clamp(0.0, 100.0) * 10.0).round() as u16;
    let rest = 1000 - filled;
    let mut track = row![].height(Length::Fixed(18.0)).width(Length::Fill);
    if filled > 0 {
        track = track.push(
            container(text(""))
                .width(Length::FillPortion(filled))
                .height(Length::Fill)
                .style(theme::containers::swatch(color)),
        );
    }
    if rest > 0 {
        track = track.push(
            container(text(""))
                .width(Length::FillPortion(rest))
                .height(Length::Fill)
                .style(theme::containers::swatch(ctx.colors.background)),
        );
    }
    row![
        track,
        text(label)
            .size(widget::size::SMALL)
            .width(Length::Fixed(230.0))
    ]
    .spacing(10)
    .align_y(Alignment::Center)
    .into()
}

fn share_text(ctx: &Ctx<'_>, share: Option<Share>) -> String {
    share.map_or_else(
        || ctx.t("docs-none"),
        |s| {
            format!(
                "{} ({}/{})",
                percent(ctx.lang, Some(s.percent())),
                s.right,
                s.asked
            )
        },
    )
}

pub fn view<'a, M: 'a>(ctx: &Ctx<'a>, gathered: &'a Gathered) -> Element<'a, M> {
    let report = &gathered.report;
    let lang = ctx.lang;
    let (pre_color, post_color) = (ctx.colors.muted, ctx.colors.primary);
    let mut summary = column![
        widget::h3(ctx.t("docs-section-attendance")),
        widget::body(ctx.t_args(
            "docs-attendance-count",
            &[
                ("listed", &report.listed.to_string()),
                ("present", &report.present.to_string()),
            ],
        )),
        widget::h3(ctx.t("docs-section-results")),
    ]
    .spacing(8);
    for (label, stats, color) in [
        (ctx.t("docs-pre"), report.pre, pre_color),
        (ctx.t("docs-post"), report.post, post_color),
    ] {
        summary = summary.push(widget::body(format!(
            "{label}: {} {} · {} {} · {} {}",
            ctx.t("docs-col-takers"),
            stats.takers,
            ctx.t("docs-col-mean"),
            percent(lang, stats.mean),
            ctx.t("docs-col-median"),
            percent(lang, stats.median),
        )));
        summary = summary.push(bar(
            ctx,
            stats.mean.unwrap_or(0.0),
            color,
            format!("{label} {}", percent(lang, stats.mean)),
        ));
    }
    let g = |value: Option<f64>| value.map_or_else(|| ctx.t("docs-none"), |g| number(lang, g, 2));
    summary = summary.push(widget::body(format!(
        "{}: {}",
        ctx.t("docs-class-gain"),
        g(report.class_gain)
    )));
    let mut mean_g = format!("{}: {}", ctx.t("docs-mean-g"), g(report.mean_g));
    if report.mean_g.is_some() {
        mean_g = format!(
            "{}: {}",
            ctx.t("docs-mean-g"),
            ctx.t_args(
                "docs-mean-g-value",
                &[("g", &g(report.mean_g)), ("n", &report.with_g.to_string())]
            )
        );
    }
    if report.pre_at_maximum > 0 {
        mean_g.push(' ');
        mean_g.push_str(&ctx.t_args(
            "docs-mean-g-left-out",
            &[("n", &report.pre_at_maximum.to_string())],
        ));
    }
    summary = summary.push(widget::body(mean_g));
    summary = summary.push(widget::body(format!(
        "{}: {}",
        ctx.t("docs-pass-rate"),
        report.pass_rate.map_or_else(
            || ctx.t("docs-none"),
            |rate| ctx.t_args(
                "docs-pass-rate-value",
                &[
                    ("percent", &percent(lang, Some(rate * 100.0))),
                    ("passed", &report.passed.to_string()),
                    ("takers", &report.post.takers.to_string()),
                ],
            )
        )
    )));
    if report.unmatched > 0 {
        summary = summary.push(widget::muted(
            ctx,
            ctx.t_args("docs-unmatched", &[("n", &report.unmatched.to_string())]),
        ));
    }
    if gathered.left_out > 0 {
        summary = summary.push(widget::muted(
            ctx,
            ctx.t_args(
                "trainer-report-left-out",
                &[("n", &gathered.left_out.to_string())],
            ),
        ));
    }

    let mut articles = column![
        widget::h3(ctx.t("docs-section-articles")),
        widget::muted(
            ctx,
            ctx.t_args(
                "docs-legend-flagged",
                &[
                    (
                        "percent",
                        &crate::training::report::FLAG_BELOW_PERCENT.to_string()
                    ),
                    (
                        "min",
                        &crate::training::report::FLAG_MIN_ANSWERS.to_string()
                    ),
                ],
            )
        ),
    ]
    .spacing(8);
    if report.articles.is_empty() {
        articles = articles.push(widget::muted(ctx, ctx.t("docs-no-data")));
    }
    for article in &report.articles {
        let mut head = row![
            text(article.article.as_str())
                .size(widget::size::BODY)
                .font(widget::BOLD)
                .width(Length::Fill)
        ]
        .spacing(10);
        if article.flagged {
            head = head.push(
                text(ctx.t("docs-flagged"))
                    .size(widget::size::BODY)
                    .style(theme::texts::danger(ctx.colors)),
            );
        }
        articles = articles.push(column![
            head,
            bar(
                ctx,
                article.pre.map_or(0.0, Share::percent),
                pre_color,
                format!("{} {}", ctx.t("docs-pre"), share_text(ctx, article.pre)),
            ),
            bar(
                ctx,
                article.post.map_or(0.0, Share::percent),
                post_color,
                format!("{} {}", ctx.t("docs-post"), share_text(ctx, article.post)),
            ),
        ]);
    }

    let mut flagged = column![widget::h3(ctx.t("docs-section-flagged"))].spacing(8);
    let mut any = false;
    for item in report.flagged_items() {
        any = true;
        flagged = flagged.push(widget::body(ctx.t_args(
            "docs-flagged-item",
            &[
                ("question", &item.question),
                ("stem", &item.stem),
                ("share", &share_text(ctx, item.post)),
                ("articles", &item.articles.join("; ")),
            ],
        )));
    }
    if !any {
        flagged = flagged.push(widget::muted(ctx, ctx.t("docs-no-flagged")));
    }

    let mut people = column![widget::h3(ctx.t("docs-section-people"))].spacing(6);
    for person in report.people.iter().take(PEOPLE_ROWS) {
        let gain = match person.g {
            Gain::Value(value) => number(lang, value, 2),
            Gain::PreAtMaximum => ctx.t("docs-na"),
            Gain::None => ctx.t("docs-none"),
        };
        people = people.push(
            row![
                column![
                    widget::body(person.name.as_str()),
                    widget::muted(ctx, format!("{} · {}", person.nip, person.unit)),
                ]
                .width(Length::Fill),
                text(format!(
                    "{} {} · {} {} · g {}",
                    ctx.t("docs-pre"),
                    percent(lang, person.pre),
                    ctx.t("docs-post"),
                    percent(lang, person.post),
                    gain
                ))
                .size(widget::size::BODY),
            ]
            .spacing(10)
            .align_y(Alignment::Center)
            .wrap(),
        );
    }
    column![
        widget::card(ctx, summary),
        widget::card(ctx, articles),
        widget::card(ctx, flagged),
        widget::card(ctx, people),
    ]
    .spacing(16)
    .into()
}
