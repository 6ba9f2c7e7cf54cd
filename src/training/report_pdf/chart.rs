//! The report's charts, drawn as vectors (sharp on paper and on a projector): the two means,
//! the distribution of scores, and each article's share of right answers before and after.

use super::{FLAGGED_FILL, Flow, share_text};
use crate::i18n;
use crate::lang::Lang;
use crate::pdf::{Area, Colour, Document, Style};
use crate::training::paper::{BLUE, GREY, LEFT, WIDTH, number};
use crate::training::report::{ArticleRow, FLAG_BELOW_PERCENT, FLAG_MIN_ANSWERS};

/// Height of the means and distribution charts.
pub(super) const HEIGHT: f32 = 170.0;
const PRE: Colour = Colour::rgb(150, 172, 204);
const POST: Colour = BLUE;
const FLAG: Colour = Colour::rgb(190, 40, 40);
const GRID: Colour = Colour::rgb(205, 205, 205);

/// The chart's title at its top left.
fn title(document: &mut Document, area: Area, text: &str) {
    let style = Style::bold(9.0);
    let text = document.truncate(style, text, area.width);
    document.text(style, area.x, area.y + 9.0, &text);
}

/// Horizontal gridlines across `plot` at `0, step, 2 step … max`, labelled at the left.
fn grid(document: &mut Document, plot: Area, max: f32, step: f32) {
    let style = Style::regular(6.5).colour(GREY);
    let mut value = 0.0;
    while value <= max + 0.001 {
        let y = plot.y + plot.height - value / max * plot.height;
        document.line((plot.x, y), (plot.x + plot.width, y), 0.3, GRID);
        document.right(style, plot.x - 3.0, y + 2.2, &format!("{value}"));
        value += step;
    }
    let bottom = plot.y + plot.height;
    document.line((plot.x, bottom), (plot.x + plot.width, bottom), 0.7, GREY);
}

/// A bar standing on the bottom of `plot`, `value / max` of its height.
fn bar(document: &mut Document, plot: Area, x: f32, width: f32, value: f32, max: f32, c: Colour) {
    let height = (value / max).clamp(0.0, 1.0) * plot.height;
    if height > 0.0 {
        let y = plot.y + plot.height - height;
        document.fill_rect(
            Area {
                x,
                y,
                width,
                height,
            },
            c,
        );
    }
}

/// Coloured squares with their names, from (`x`, `y`); returns the `x` after the last.
fn legend(document: &mut Document, x: f32, y: f32, entries: &[(Colour, &str)]) -> f32 {
    let style = Style::regular(7.0);
    let mut x = x;
    for (colour, name) in entries {
        document.fill_rect(
            Area {
                x,
                y: y - 6.0,
                width: 7.0,
                height: 7.0,
            },
            *colour,
        );
        document.text(style, x + 10.0, y, name);
        x += 10.0 + document.width(style, name) + 12.0;
    }
    x
}

/// The mean pre-test and post-test scores as two bars on a 0–100 scale.
pub(super) fn means(
    document: &mut Document,
    area: Area,
    lang: Lang,
    pre: Option<f64>,
    post: Option<f64>,
) {
    title(document, area, &i18n::tr(lang, "docs-chart-means"));
    let plot = Area {
        x: area.x + 26.0,
        y: area.y + 24.0,
        width: area.width - 30.0,
        height: area.height - 24.0 - 18.0,
    };
    grid(document, plot, 100.0, 20.0);
    let slot = plot.width / 2.0;
    let bars = [
        (i18n::tr(lang, "docs-pre"), pre, PRE),
        (i18n::tr(lang, "docs-post"), post, POST),
    ];
    let label = Style::regular(7.5);
    for (index, (name, value, colour)) in bars.into_iter().enumerate() {
        let centre = plot.x + slot * (index as f32 + 0.5);
        let width = slot * 0.5;
        let shown = value.map_or_else(|| i18n::tr(lang, "docs-none"), |v| number(lang, v, 1));
        let top = value.map_or(0.0, |v| v as f32);
        bar(
            document,
            plot,
            centre - width / 2.0,
            width,
            top,
            100.0,
            colour,
        );
        let y = plot.y + plot.height - top / 100.0 * plot.height - 3.0;
        document.centred(Style::bold(8.0), centre, y, &shown);
        document.centred(label, centre, plot.y + plot.height + 11.0, &name);
    }
}

/// Participants per score range (0–9, 10–19, … 90–100), pre-test and post-test side by side.
pub(super) fn distribution(
    document: &mut Document,
    area: Area,
    lang: Lang,
    pre: &[f64],
    post: &[f64],
) {
    title(document, area, &i18n::tr(lang, "docs-chart-distribution"));
    let bins = |scores: &[f64]| {
        let mut counts = [0usize; 10];
        for score in scores {
            // 100 goes with 90–99.
            let bin = (score / 10.0).floor().clamp(0.0, 9.0) as usize;
            counts[bin] += 1;
        }
        counts
    };
    let (pre, post) = (bins(pre), bins(post));
    let most = pre.iter().chain(&post).copied().max().unwrap_or(0).max(1);
    let step = most.div_ceil(5).max(1);
    let max = (most.div_ceil(step) * step) as f32;
    let plot = Area {
        x: area.x + 22.0,
        y: area.y + 24.0,
        width: area.width - 26.0,
        height: area.height - 24.0 - 18.0,
    };
    let (pre_name, post_name) = (i18n::tr(lang, "docs-pre"), i18n::tr(lang, "docs-post"));
    legend(
        document,
        plot.x,
        area.y + 19.0,
        &[(PRE, &pre_name), (POST, &post_name)],
    );
    grid(document, plot, max, step as f32);
    let slot = plot.width / 10.0;
    let label = Style::regular(6.0);
    for bin in 0..10 {
        let x = plot.x + slot * bin as f32;
        let width = slot * 0.36;
        bar(
            document,
            plot,
            x + slot * 0.12,
            width,
            pre[bin] as f32,
            max,
            PRE,
        );
        bar(
            document,
            plot,
            x + slot * 0.52,
            width,
            post[bin] as f32,
            max,
            POST,
        );
        let range = if bin == 9 {
            "90–100".to_owned()
        } else {
            format!("{}–{}", bin * 10, bin * 10 + 9)
        };
        document.centred(label, x + slot / 2.0, plot.y + plot.height + 10.0, &range);
    }
}

/// Where the article chart's bars start, and how wide 100 % is.
const ARTICLE_LABEL: f32 = 190.0;
const BARS_X: f32 = LEFT + ARTICLE_LABEL + 8.0;
const BARS_WIDTH: f32 = WIDTH - ARTICLE_LABEL - 8.0 - 84.0;

/// "0 %", "50 %", "100 %" above the bars.
fn article_scale(document: &mut Document, flow: &mut Flow) {
    let style = Style::regular(6.5).colour(GREY);
    for fraction in [0.0, 0.5, 1.0] {
        let x = BARS_X + BARS_WIDTH * fraction;
        document.centred(style, x, flow.y + 7.0, &format!("{} %", fraction * 100.0));
    }
    flow.y += 10.0;
}

/// One row per article: its label, the pre-test share and the post-test share as horizontal
/// bars on a 0–100 % scale, flagged rows shaded with a red post-test bar. Breaks pages between
/// rows.
pub(super) fn articles(
    document: &mut Document,
    flow: &mut Flow,
    lang: Lang,
    articles: &[ArticleRow],
) {
    let (pre_name, post_name) = (i18n::tr(lang, "docs-pre"), i18n::tr(lang, "docs-post"));
    let flagged = i18n::tr_args(
        lang,
        "docs-legend-flagged",
        &[
            ("percent", &FLAG_BELOW_PERCENT.to_string()),
            ("min", &FLAG_MIN_ANSWERS.to_string()),
        ],
    );
    legend(
        document,
        LEFT,
        flow.y + 8.0,
        &[(PRE, &pre_name), (POST, &post_name), (FLAG, &flagged)],
    );
    flow.y += 14.0;
    article_scale(document, flow);
    let label = Style::regular(7.5);
    let value = Style::regular(6.5);
    for article in articles {
        let style = if article.flagged {
            Style::bold(7.5).colour(FLAG)
        } else {
            label
        };
        let lines = document.wrap_lines(style, &article.article, ARTICLE_LABEL, 2);
        let height = (lines.len() as f32 * style.leading()).max(18.0) + 6.0;
        let pages = document.page_count();
        flow.need(document, height);
        if document.page_count() != pages {
            article_scale(document, flow);
        }
        let top = flow.y;
        if article.flagged {
            document.fill_rect(
                Area {
                    x: LEFT,
                    y: top,
                    width: WIDTH,
                    height,
                },
                FLAGGED_FILL,
            );
        }
        for fraction in [0.0, 0.5, 1.0] {
            let x = BARS_X + BARS_WIDTH * fraction;
            document.line((x, top), (x, top + height), 0.3, GRID);
        }
        let mut y = top + 3.0 + style.size;
        for line in &lines {
            document.text(style, LEFT + 2.0, y, line);
            y += style.leading();
        }
        let post_colour = if article.flagged { FLAG } else { POST };
        for (offset, share, colour) in [(3.0, article.pre, PRE), (12.0, article.post, post_colour)]
        {
            let y = top + offset;
            let width = share.map_or(0.0, |s| s.percent() as f32 / 100.0 * BARS_WIDTH);
            if width > 0.0 {
                document.fill_rect(
                    Area {
                        x: BARS_X,
                        y,
                        width,
                        height: 7.0,
                    },
                    colour,
                );
            }
            document.text(
                value,
                BARS_X + width + 3.0,
                y + 6.0,
                &share_text(lang, share),
            );
        }
        document.line(
            (LEFT, top + height),
            (LEFT + WIDTH, top + height),
            0.3,
            GRID,
        );
        flow.y += height;
    }
}
