//! The result of an attempt: score, pass mark, verdict, then every question with the learner's
//! answer, the right answer, the explanation, the article and a way back to the lesson.

use iced::widget::{column, container, row, space, text};
use iced::{Alignment, Element, Length};
use uuid::Uuid;

use crate::app::Ctx;
use crate::content::Module;
use crate::i18n;
use crate::quiz::Mode;
use crate::records::{AnswerRecord, Attempt};
use crate::screen::learn::quiz::letter;
use crate::theme;
use crate::widget::{self, size};

#[derive(Debug, Clone)]
pub struct ResultScreen {
    pub attempt: Uuid,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// *Pelajari lagi* on the review of answer `usize`: the lesson `String`.
    LessonPressed(usize, String),
    RetryPressed,
    BackPressed,
}

#[derive(Debug, Clone)]
pub enum Action {
    /// Open the lesson; the review returns to answer `usize`.
    OpenLesson(usize, String),
    Retry(Mode),
    Back,
}

impl ResultScreen {
    pub fn new(attempt: Uuid) -> Self {
        Self { attempt }
    }

    pub fn update(&mut self, message: Message, attempt: &Attempt) -> Action {
        match message {
            Message::LessonPressed(index, lesson) => Action::OpenLesson(index, lesson),
            Message::RetryPressed => Action::Retry(attempt.mode),
            Message::BackPressed => Action::Back,
        }
    }

    pub fn view<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        module: &'a Module,
        attempt: &'a Attempt,
    ) -> Element<'a, Message> {
        let lang = ctx.lang;
        // Practice is not graded: no pass/fail verdict in green or red, only the score.
        let practice = attempt.mode == Mode::Practice;
        let (verdict, verdict_style) = if practice {
            (
                ctx.t("result-practice-done"),
                theme::texts::colored(ctx.colors.text),
            )
        } else if attempt.passed {
            (
                ctx.t("result-passed"),
                theme::texts::colored(ctx.colors.success),
            )
        } else {
            (
                ctx.t("result-not-passed"),
                theme::texts::colored(ctx.colors.danger),
            )
        };
        let score = i18n::tr_args(
            lang,
            "result-score",
            &[
                ("score", &attempt.score.percent().to_string()),
                ("correct", &attempt.score.correct.to_string()),
                ("total", &attempt.score.total.to_string()),
            ],
        );
        let mark = i18n::tr_args(
            lang,
            if practice {
                "result-practice-note"
            } else {
                "result-pass-mark"
            },
            &[("mark", &attempt.pass_mark.to_string())],
        );
        let summary = container(
            column![
                widget::muted(ctx, module.title.get(lang).as_str()),
                text(verdict)
                    .size(size::H1)
                    .font(widget::BOLD)
                    .style(verdict_style),
                widget::h2(score),
                widget::body(mark),
                row![
                    widget::secondary(ctx, ctx.t("result-back"), Some(Message::BackPressed)),
                    widget::primary(ctx, ctx.t("result-retry"), Some(Message::RetryPressed)),
                ]
                .spacing(12)
                .wrap(),
            ]
            .spacing(10),
        )
        .padding(20)
        .width(Length::Fill)
        .style({
            let (colors, passed) = (ctx.colors, attempt.passed);
            move |theme: &iced::Theme| {
                if practice {
                    theme::containers::card(colors)(theme)
                } else {
                    theme::containers::verdict(colors, passed)(theme)
                }
            }
        });
        let items = attempt
            .answers
            .iter()
            .enumerate()
            .map(|(index, answer)| view_answer(ctx, module, index, answer));
        widget::page(
            column![
                summary,
                widget::h2(ctx.t("result-review")),
                column(items).spacing(12)
            ]
            .spacing(16)
            .padding(24),
            widget::WIDE,
        )
        .id(crate::widget::PAGE_SCROLL)
        .into()
    }
}

fn view_answer<'a>(
    ctx: &Ctx<'a>,
    module: &'a Module,
    index: usize,
    answer: &'a AnswerRecord,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let Some(question) = module.question(&answer.question) else {
        return widget::muted(ctx, ctx.t("result-question-missing"));
    };
    let qtext = question.text(lang);
    let shown = |written: usize| {
        let position = answer
            .order
            .iter()
            .position(|&w| w == written)
            .unwrap_or(written);
        format!(
            "{}. {}",
            letter(position),
            qtext.options.get(written).map_or("", |o| o.text.as_str())
        )
    };
    // One option a line: option texts end in a full stop, so joining them in a sentence
    // reads badly ("….; B. …").
    let list = |indexes: &[usize]| -> Vec<Element<'a, Message>> {
        if indexes.is_empty() {
            return vec![widget::body(ctx.t("result-no-answer"))];
        }
        indexes.iter().map(|&w| widget::body(shown(w))).collect()
    };
    let mut right_sorted = question.correct.clone();
    right_sorted.sort_by_key(|w| answer.order.iter().position(|o| o == w));
    let (mark, style) = if answer.correct {
        (
            ctx.t("quiz-right"),
            theme::texts::colored(ctx.colors.success),
        )
    } else {
        (
            ctx.t("quiz-wrong"),
            theme::texts::colored(ctx.colors.danger),
        )
    };
    let sources = column(
        crate::content::sources(ctx.catalog, &question.cites, lang)
            .into_iter()
            .map(|group| widget::muted(ctx, group.line())),
    )
    .spacing(2);
    let lesson_title = module
        .lesson(&question.lesson)
        .map(|l| l.title.get(lang).clone())
        .unwrap_or_default();
    let card = widget::card(
        ctx,
        column![
            row![
                text(i18n::tr_args(
                    lang,
                    "result-question-n",
                    &[("n", &(index + 1).to_string())]
                ))
                .size(size::BODY)
                .font(widget::BOLD),
                space::horizontal(),
                text(mark).size(size::BODY).font(widget::BOLD).style(style),
            ]
            .align_y(Alignment::Center),
            text(&qtext.stem).size(size::BODY),
            column![widget::muted(ctx, ctx.t("result-your-answer"))]
                .extend(list(&answer.chosen))
                .spacing(2),
            column![
                text(ctx.t("result-right-answer"))
                    .size(size::SMALL)
                    .font(widget::BOLD)
            ]
            .extend(list(&right_sorted))
            .spacing(2),
            widget::body(qtext.explanation.as_str()),
            sources,
            widget::secondary(
                ctx,
                i18n::tr_args(lang, "quiz-study-again", &[("lesson", &lesson_title)]),
                Some(Message::LessonPressed(index, question.lesson.clone())),
            ),
        ]
        .spacing(8),
    );
    container(card).id(answer_id(index)).into()
}

/// The review card of answer `index`: a lesson opened from it returns here.
pub fn answer_id(index: usize) -> iced::widget::Id {
    iced::widget::Id::from(format!("review-answer-{index}"))
}
