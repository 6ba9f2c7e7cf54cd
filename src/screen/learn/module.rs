//! A module's page: what it teaches, its lessons with reading progress, and the quizzes.

use iced::widget::{button, column, row, text};
use iced::{Alignment, Element, Length};
use uuid::Uuid;

use crate::app::Ctx;
use crate::content::Module;
use crate::i18n;
use crate::quiz::Mode;
use crate::records::{Attempt, Progress};
use crate::theme;
use crate::widget::{self, size};

#[derive(Debug, Clone)]
pub struct ModulePage {
    pub module: String,
}

#[derive(Debug, Clone)]
pub enum Message {
    LessonOpened(usize),
    ContinuePressed,
    PracticePressed,
    ExamPressed,
    /// Go on with the exam left unfinished.
    ResumePressed,
    AttemptOpened(Uuid),
    BackPressed,
}

#[derive(Debug, Clone)]
pub enum Action {
    None,
    OpenLesson(usize),
    StartQuiz(Mode),
    ResumeExam,
    OpenAttempt(Uuid),
    Back,
}

impl ModulePage {
    pub fn new(module: String) -> Self {
        Self { module }
    }

    pub fn update(
        &mut self,
        message: Message,
        module: &Module,
        progress: Option<&Progress>,
    ) -> Action {
        match message {
            Message::LessonOpened(index) => Action::OpenLesson(index),
            Message::ContinuePressed => Action::OpenLesson(continue_index(module, progress)),
            Message::PracticePressed => Action::StartQuiz(Mode::Practice),
            Message::ExamPressed => Action::StartQuiz(Mode::Exam),
            Message::ResumePressed => Action::ResumeExam,
            Message::AttemptOpened(id) => Action::OpenAttempt(id),
            Message::BackPressed => Action::Back,
        }
    }

    pub fn view<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        module: &'a Module,
        progress: Option<&Progress>,
        attempts: &[&'a Attempt],
        unfinished: Option<(usize, usize)>,
    ) -> Element<'a, Message> {
        let lang = ctx.lang;
        let started =
            progress.is_some_and(|p| p.read.get(&module.id).is_some_and(|r| !r.is_empty()));
        let continue_label = if started {
            ctx.t("module-continue")
        } else {
            ctx.t("module-start-reading")
        };
        let lessons =
            module
                .lessons
                .iter()
                .enumerate()
                .map(|(index, lesson)| -> Element<'a, Message> {
                    let read = progress.is_some_and(|p| p.is_read(&module.id, &lesson.id));
                    let state = if read {
                        ctx.t("lesson-state-read")
                    } else {
                        ctx.t("lesson-state-unread")
                    };
                    let state_style = theme::texts::colored(if read {
                        ctx.colors.success
                    } else {
                        ctx.colors.muted
                    });
                    let lesson_row = button(
                        row![
                            text(format!("{}. {}", index + 1, lesson.title.get(lang)))
                                .size(size::BODY)
                                .font(widget::BOLD)
                                .width(Length::Fill),
                            widget::muted(
                                ctx,
                                i18n::tr_count(
                                    lang,
                                    "lesson-minutes",
                                    "minutes",
                                    i64::from(lesson.minutes)
                                )
                            ),
                            text(state).size(size::SMALL).style(state_style),
                        ]
                        .spacing(12)
                        .align_y(Alignment::Center),
                    )
                    .width(Length::Fill)
                    .padding(12)
                    .style(theme::buttons::row(ctx.colors));
                    widget::button_with(ctx, lesson_row, Some(Message::LessonOpened(index)))
                });
        let objectives = module
            .objectives
            .iter()
            .map(|objective| widget::bullet(objective.text.get(lang).clone()))
            .collect();
        let mut content = column![
            widget::secondary(ctx, ctx.t("common-back"), Some(Message::BackPressed)),
            widget::h1(module.title.get(lang).as_str()),
            text(module.summary.get(lang)).size(size::BODY),
            widget::muted(
                ctx,
                i18n::tr_args(
                    lang,
                    "module-checked",
                    &[("date", &module.checked.format("%d-%m-%Y").to_string())]
                )
            ),
            unfinished.map_or_else(
                || column![].into(),
                |(answered, total)| -> Element<'a, Message> {
                    widget::card(
                        ctx,
                        column![
                            widget::body(i18n::tr_args(
                                lang,
                                "module-unfinished",
                                &[
                                    ("answered", &answered.to_string()),
                                    ("total", &total.to_string())
                                ],
                            )),
                            widget::primary(
                                ctx,
                                ctx.t("module-resume"),
                                Some(Message::ResumePressed)
                            ),
                        ]
                        .spacing(10),
                    )
                }
            ),
            row![
                widget::primary(ctx, continue_label, Some(Message::ContinuePressed)),
                widget::secondary(
                    ctx,
                    ctx.t("module-practice"),
                    Some(Message::PracticePressed)
                ),
                widget::secondary(ctx, ctx.t("module-exam"), Some(Message::ExamPressed)),
            ]
            .spacing(12)
            .wrap(),
            widget::muted(
                ctx,
                i18n::tr_args(
                    lang,
                    "module-quiz-info",
                    &[
                        (
                            "count",
                            &module.quiz_size.min(module.questions.len()).to_string()
                        ),
                        ("mark", &module.pass_mark.to_string()),
                    ]
                )
            ),
            widget::section(ctx, ctx.t("module-objectives"), objectives),
            widget::h2(ctx.t("module-lessons")),
            column(lessons).spacing(8),
        ]
        .spacing(14);
        if !attempts.is_empty() {
            content = content.push(widget::h2(ctx.t("module-attempts")));
            for attempt in attempts.iter().rev() {
                content = content.push(view_attempt(ctx, attempt));
            }
        }
        widget::page(content.padding(24), widget::WIDE)
            .id(crate::widget::PAGE_SCROLL)
            .into()
    }
}

/// The lesson to continue with: the first unread one after the last opened, else the first unread.
pub fn continue_index(module: &Module, progress: Option<&Progress>) -> usize {
    let unread = |index: &usize| {
        !progress.is_some_and(|p| p.is_read(&module.id, &module.lessons[*index].id))
    };
    let last = progress
        .and_then(|p| p.last_lesson.get(&module.id))
        .and_then(|id| module.lesson_index(id));
    if let Some(last) = last
        && unread(&last)
    {
        return last;
    }
    (0..module.lessons.len()).find(unread).unwrap_or(0)
}

fn view_attempt<'a>(ctx: &Ctx<'a>, attempt: &'a Attempt) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mode = ctx.t(match attempt.mode {
        Mode::Practice => "mode-practice",
        Mode::Exam => "mode-exam",
    });
    // Practice is not graded: its row shows the score only.
    let verdict = match attempt.mode {
        Mode::Practice => String::new(),
        Mode::Exam if attempt.passed => ctx.t("result-passed"),
        Mode::Exam => ctx.t("result-not-passed"),
    };
    let when = attempt
        .finished
        .with_timezone(&chrono::Local)
        .format("%d-%m-%Y %H:%M")
        .to_string();
    let row = button(
        row![
            text(when).size(size::BODY).width(Length::Fixed(170.0)),
            text(mode).size(size::BODY).width(Length::Fill),
            text(i18n::tr_args(
                lang,
                "result-score-short",
                &[("score", &attempt.score.percent().to_string())]
            ))
            .size(size::BODY),
            text(verdict).size(size::BODY).font(widget::BOLD),
        ]
        .spacing(12),
    )
    .width(Length::Fill)
    .padding(10)
    .style(theme::buttons::row(ctx.colors));
    widget::button_with(ctx, row, Some(Message::AttemptOpened(attempt.id)))
}
