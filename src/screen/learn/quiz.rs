//! Taking a quiz: one question at a time, keyboard-friendly (1–6 or A–F to choose, Enter to
//! confirm), with feedback after every answer in practice mode.

use chrono::{DateTime, Utc};
use iced::keyboard::{Key, key::Named};
use iced::widget::{button, column, container, row, space, text};
use iced::{Alignment, Element, Length};

use crate::app::Ctx;
use crate::content::{Module, Question, QuestionKind};
use crate::i18n;
use crate::quiz::{Mode, Phase, QuizRun};
use crate::theme;
use crate::widget::{self, size};

/// Id of the quiz's scrollable: feedback is scrolled into view, a new question starts at the top.
pub const SCROLL: &str = crate::widget::PAGE_SCROLL;
/// Id of the feedback panel, brought into view (its top first) after an answer.
pub const FEEDBACK: &str = "quiz_feedback";
/// Id of the "leave the exam?" panel.
pub const LEAVE: &str = "quiz_leave";

#[derive(Debug, Clone)]
pub struct QuizScreen {
    pub run: QuizRun,
    pub started: DateTime<Utc>,
    /// The trainer's session test this run is for (a code typed at the learner's desk).
    pub session: Option<crate::training::SessionTag>,
    /// Leaving an exam with answers was asked for: the question is on screen.
    pub leaving: Option<Leave>,
    /// Whether an exam left unfinished is kept to continue later (not in a trainer's hot
    /// seat, where the next person takes the laptop).
    pub keeps_unfinished: bool,
}

/// Where the learner asked to go from an unfinished exam.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// *Keluar dari kuis*: back to the module page.
    Quit,
    Home,
    Settings,
    SwitchProfile,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The option at this shown position was pressed (or its key typed).
    OptionPressed(usize),
    ConfirmPressed,
    NextPressed,
    LessonPressed(String),
    QuitPressed,
    /// The answer to "leave the exam?": stay.
    StayPressed,
    /// The answer to "leave the exam?": leave (its answers stay saved).
    LeaveConfirmed,
}

#[derive(Debug, Clone)]
pub enum Action {
    None,
    /// Every question is answered: record the attempt and show the result.
    Finished,
    /// Practice feedback's "Pelajari lagi": open the lesson, keep this quiz to return to.
    OpenLesson(String),
    /// Leave the quiz for this place (asked first for an exam with answers).
    Leave(Leave),
}

/// Option labels: A, B, C…
pub fn letter(shown: usize) -> char {
    char::from(b'A' + u8::try_from(shown).unwrap_or(25).min(25))
}

impl QuizScreen {
    /// Whether leaving for `to` must be asked first (an exam with answers given); if so, the
    /// question is put on screen.
    pub fn asks_before(&mut self, to: Leave) -> bool {
        let ask = self.run.mode == Mode::Exam && self.run.answered() > 0;
        if ask {
            self.leaving = Some(to);
        }
        ask
    }

    pub fn new(run: QuizRun, started: DateTime<Utc>) -> Self {
        Self {
            run,
            started,
            session: None,
            leaving: None,
            keeps_unfinished: true,
        }
    }

    pub fn update(&mut self, message: Message, module: &Module) -> Action {
        match message {
            Message::OptionPressed(shown) => self.run.choose(module, shown),
            Message::ConfirmPressed => self.run.confirm(),
            Message::NextPressed => self.run.next(),
            Message::LessonPressed(lesson) => return Action::OpenLesson(lesson),
            Message::QuitPressed => {
                if !self.asks_before(Leave::Quit) {
                    return Action::Leave(Leave::Quit);
                }
                return Action::None;
            }
            Message::StayPressed => {
                self.leaving = None;
                return Action::None;
            }
            Message::LeaveConfirmed => {
                return self.leaving.take().map_or(Action::None, Action::Leave);
            }
        }
        if self.run.phase() == Phase::Finished {
            Action::Finished
        } else {
            Action::None
        }
    }

    /// 1–6 or A–F choose, Enter confirms or moves on.
    pub fn key(&self, key: &Key) -> Option<Message> {
        if self.leaving.is_some() {
            return match key {
                Key::Named(Named::Escape) => Some(Message::StayPressed),
                _ => None,
            };
        }
        match key {
            Key::Named(Named::Enter) => match self.run.phase() {
                Phase::Answering if self.run.can_confirm() => Some(Message::ConfirmPressed),
                Phase::Feedback => Some(Message::NextPressed),
                _ => None,
            },
            Key::Character(c) => {
                let c = c.chars().next()?.to_ascii_lowercase();
                let index = match c {
                    '1'..='6' => usize::from(c as u8 - b'1'),
                    'a'..='f' => usize::from(c as u8 - b'a'),
                    _ => return None,
                };
                let options = self.run.current()?.order.len();
                (index < options).then_some(Message::OptionPressed(index))
            }
            _ => None,
        }
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, module: &'a Module) -> Element<'a, Message> {
        let lang = ctx.lang;
        let Some(drawn) = self.run.current() else {
            return widget::body(ctx.t("quiz-empty"));
        };
        let Some(question) = module.question(&drawn.question) else {
            return widget::body(ctx.t("quiz-empty"));
        };
        let qtext = question.text(lang);
        let mode = ctx.t(match self.run.mode {
            Mode::Practice => "mode-practice",
            Mode::Exam => "mode-exam",
        });
        let position = i18n::tr_args(
            lang,
            "quiz-position",
            &[
                ("n", &(self.run.position() + 1).to_string()),
                ("total", &self.run.len().to_string()),
            ],
        );
        let hint = ctx.t(match question.kind {
            QuestionKind::Multiple => "quiz-hint-multiple",
            QuestionKind::Single => "quiz-hint-single",
            QuestionKind::TrueFalse => "quiz-hint-true-false",
        });
        let feedback = self.run.phase() == Phase::Feedback;
        let options =
            drawn
                .order
                .iter()
                .enumerate()
                .map(|(shown, &written)| -> Element<'a, Message> {
                    let selected = self.run.selection().contains(&shown)
                        || (feedback
                            && self
                                .run
                                .answer(self.run.position())
                                .is_some_and(|answer| answer.contains(&written)));
                    let label = row![
                        text(format!("{}.", letter(shown)))
                            .size(size::BODY)
                            .font(widget::BOLD)
                            .width(Length::Fixed(28.0)),
                        text(&qtext.options[written].text)
                            .size(size::BODY)
                            .width(Length::Fill),
                    ]
                    .spacing(8);
                    let option = button(label)
                        .width(Length::Fill)
                        .padding(14)
                        .style(theme::buttons::answer(ctx.colors, selected));
                    if feedback {
                        option.into()
                    } else {
                        // Space chooses the focused option; Enter stays "confirm the answer".
                        widget::Focus::new(
                            option.on_press(Message::OptionPressed(shown)),
                            Message::OptionPressed(shown),
                            ctx.colors.focus,
                        )
                        .space_only()
                        .into()
                    }
                });
        let mut content = column![
            // The title wraps in what the button leaves it, never squeezing the way out.
            row![
                text(format!("{} \u{00b7} {mode}", module.title.get(lang)))
                    .size(size::SMALL)
                    .style(theme::texts::muted(ctx.colors))
                    .width(Length::Fill),
                // Space or a click: Enter answers, it never leaves.
                widget::Focus::new(
                    button(text(ctx.t("quiz-quit")).size(size::BODY))
                        .padding([10, 18])
                        .style(theme::buttons::secondary(ctx.colors))
                        .on_press(Message::QuitPressed),
                    Message::QuitPressed,
                    ctx.colors.focus,
                )
                .space_only(),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            widget::h2(position),
            text(&qtext.stem).size(size::H3),
            widget::muted(ctx, hint),
            column(options).spacing(10),
        ]
        .spacing(16);
        if self.leaving.is_some() {
            content = content.push(
                container(
                    column![
                        text(ctx.t("quiz-leave-title"))
                            .size(size::H3)
                            .font(widget::BOLD),
                        widget::body(i18n::tr_args(
                            lang,
                            if self.keeps_unfinished {
                                "quiz-leave-body"
                            } else {
                                "quiz-leave-body-lost"
                            },
                            &[
                                ("answered", &self.run.answered().to_string()),
                                ("total", &self.run.len().to_string()),
                            ],
                        )),
                        row![
                            widget::primary(
                                ctx,
                                ctx.t("quiz-leave-stay"),
                                Some(Message::StayPressed)
                            ),
                            widget::secondary(
                                ctx,
                                ctx.t("quiz-leave-go"),
                                Some(Message::LeaveConfirmed)
                            ),
                        ]
                        .spacing(12)
                        .wrap(),
                    ]
                    .spacing(10),
                )
                .id(LEAVE)
                .padding(16)
                .width(Length::Fill)
                .style(theme::containers::verdict(ctx.colors, false)),
            );
        }
        if feedback {
            content = content.push(self.view_feedback(ctx, module, question));
        } else {
            let confirm_label = match self.run.mode {
                Mode::Practice => ctx.t("quiz-confirm"),
                Mode::Exam => ctx.t("quiz-confirm-exam"),
            };
            content = content.push(widget::primary(
                ctx,
                confirm_label,
                self.run.can_confirm().then_some(Message::ConfirmPressed),
            ));
        }
        content = content.push(widget::muted(ctx, ctx.t("quiz-keys-hint")));
        widget::page(content.padding(24), widget::WIDE)
            .id(SCROLL)
            .into()
    }

    fn view_feedback<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        module: &'a Module,
        question: &'a Question,
    ) -> Element<'a, Message> {
        let lang = ctx.lang;
        let right = self.run.is_right(module, self.run.position()) == Some(true);
        let chosen = self.run.answer(self.run.position()).unwrap_or_default();
        let qtext = question.text(lang);
        let Some(drawn) = self.run.current() else {
            return space::vertical().into();
        };
        let verdict = if right {
            ctx.t("quiz-right")
        } else {
            ctx.t("quiz-wrong")
        };
        let verdict_style = theme::texts::colored(if right {
            ctx.colors.success
        } else {
            ctx.colors.danger
        });
        let mut panel = column![
            text(verdict)
                .size(size::H2)
                .font(widget::BOLD)
                .style(verdict_style)
        ]
        .spacing(10);
        // Every option with why it is right or wrong, the learner's own picks marked (a right
        // pick in a multiple-select question says so).
        for (shown, &written) in drawn.order.iter().enumerate() {
            let tag = ctx.t(option_tag(
                question.correct.contains(&written),
                chosen.contains(&written),
            ));
            panel = panel.push(
                column![
                    text(format!(
                        "{tag}: {}. {}",
                        letter(shown),
                        qtext.options[written].text
                    ))
                    .size(size::BODY)
                    .font(widget::BOLD),
                    text(&qtext.options[written].why).size(size::BODY),
                ]
                .spacing(4),
            );
        }
        panel = panel.push(text(&qtext.explanation).size(size::BODY));
        // Laws under "Dasar hukum", a news report under "Sumber": never called a legal basis.
        for group in crate::content::sources(ctx.catalog, &question.cites, lang) {
            panel = panel.push(text(group.line()).size(size::BODY).font(widget::BOLD));
        }
        let lesson_title = module
            .lesson(&question.lesson)
            .map(|l| l.title.get(lang).clone())
            .unwrap_or_default();
        panel = panel.push(
            // Wraps on a narrow window instead of squeezing "Lanjut" away.
            row![
                widget::primary(ctx, ctx.t("quiz-next"), Some(Message::NextPressed)),
                widget::secondary(
                    ctx,
                    i18n::tr_args(lang, "quiz-study-again", &[("lesson", &lesson_title)]),
                    Some(Message::LessonPressed(question.lesson.clone()))
                ),
            ]
            .spacing(12)
            .wrap(),
        );
        container(panel)
            .id(FEEDBACK)
            .padding(16)
            .width(Length::Fill)
            .style(theme::containers::verdict(ctx.colors, right))
            .into()
    }
}

/// The label of an option in the feedback: right or not, chosen or not.
pub fn option_tag(right: bool, chosen: bool) -> &'static str {
    match (right, chosen) {
        (true, true) => "quiz-your-right-answer",
        (true, false) => "quiz-correct-answer",
        (false, true) => "quiz-your-answer",
        (false, false) => "quiz-other-option",
    }
}
