//! The lesson reader: the Markdown body, key points, the legal basis, previous and next.

use iced::keyboard::{Key, key::Named};
use iced::widget::{column, container, markdown, row, scrollable, space, text};
use iced::{Element, Length};

use crate::app::Ctx;
use crate::content::Module;
use crate::i18n;
use crate::lang::{Lang, PerLang};
use crate::theme;
use crate::widget::{self, size};

/// Id of the lesson's scrollable, to start each lesson at the top.
pub const SCROLL: &str = crate::widget::PAGE_SCROLL;
/// The lesson column's widest, padding included: about 70 characters of body text.
pub const READING_WIDTH: f32 = 720.0;

#[derive(Debug, Clone)]
pub struct LessonReader {
    pub module: String,
    pub index: usize,
    /// The body parsed once per language, not on every frame.
    items: PerLang<Vec<markdown::Item>>,
    /// Where *Kembali* leads: a lesson opened from a quiz's feedback or a result's review
    /// returns there, not to the module page.
    back: Return,
    /// See [`LessonReader::reached_end`].
    reached_end: bool,
}

/// Where a lesson was opened from, so its way back returns there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Return {
    Module,
    Quiz,
    Review,
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The buttons at the end of the lesson (so the learner has reached its end).
    PreviousPressed,
    NextPressed,
    /// Alt+arrows: another lesson, without having read to the end of this one.
    PreviousKey,
    NextKey,
    /// Up/Down, PageUp/PageDown, Space, Home/End.
    Scroll(crate::widget::Scroll),
    /// The page was scrolled (to tell when the end is reached).
    Scrolled(iced::widget::scrollable::Viewport),
    FinishPressed,
    BackPressed,
    /// Back to the quiz or the review the lesson was opened from.
    ReturnPressed,
    /// Lessons carry no links; a click on one is ignored.
    LinkClicked(markdown::Uri),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    None,
    /// Mark the current lesson read and open lesson `index`.
    Go(usize),
    /// Mark the current lesson read and return to the module page.
    Finish,
    Back,
    /// Back to the suspended quiz or review.
    Return,
    Scroll(crate::widget::Scroll),
}

impl LessonReader {
    pub fn new(module: &Module, index: usize, back: Return) -> Self {
        let index = index.min(module.lessons.len().saturating_sub(1));
        let body = &module.lessons[index].body;
        Self {
            module: module.id.clone(),
            index,
            items: PerLang {
                id: markdown::parse(&body.id).collect(),
                en: markdown::parse(&body.en).collect(),
            },
            back,
            reached_end: false,
        }
    }

    pub fn update(&mut self, message: Message, module: &Module) -> Action {
        let last = module.lessons.len().saturating_sub(1);
        match message {
            Message::Scroll(scroll) => {
                // End shows the end of the lesson, even one that fits the window (which never
                // scrolls, so `Scrolled` never says so).
                if scroll == crate::widget::Scroll::End {
                    self.reached_end = true;
                }
                Action::Scroll(scroll)
            }
            Message::Scrolled(viewport) => {
                if viewport.relative_offset().y >= 0.97 {
                    self.reached_end = true;
                }
                Action::None
            }
            Message::PreviousKey if self.index > 0 => Action::Go(self.index - 1),
            Message::NextKey if self.index < last => Action::Go(self.index + 1),
            Message::PreviousKey | Message::NextKey => Action::None,
            Message::PreviousPressed if self.index > 0 => {
                self.reached_end = true;
                Action::Go(self.index - 1)
            }
            Message::NextPressed if self.index < last => {
                self.reached_end = true;
                Action::Go(self.index + 1)
            }
            Message::NextPressed | Message::FinishPressed => {
                self.reached_end = true;
                Action::Finish
            }
            Message::BackPressed => Action::Back,
            Message::ReturnPressed if self.back != Return::Module => Action::Return,
            Message::PreviousPressed | Message::ReturnPressed | Message::LinkClicked(_) => {
                Action::None
            }
        }
    }

    /// Whether the learner reached the end of the lesson (scrolled there, or used the buttons
    /// at its end): only then does leaving it mark it read.
    pub fn reached_end(&self) -> bool {
        self.reached_end
    }

    /// The reading keys scroll (arrows up and down, PageUp/PageDown, Space and Shift+Space,
    /// Home/End); left and right arrows page through lessons; Escape goes back.
    pub fn key(&self, key: &Key, modifiers: iced::keyboard::Modifiers) -> Option<Message> {
        use crate::widget::Scroll;
        match key {
            Key::Named(Named::ArrowDown) => Some(Message::Scroll(Scroll::LineDown)),
            Key::Named(Named::ArrowUp) => Some(Message::Scroll(Scroll::LineUp)),
            Key::Named(Named::PageDown) => Some(Message::Scroll(Scroll::PageDown)),
            Key::Named(Named::PageUp) => Some(Message::Scroll(Scroll::PageUp)),
            Key::Named(Named::Space) if modifiers.shift() => Some(Message::Scroll(Scroll::PageUp)),
            Key::Named(Named::Space) => Some(Message::Scroll(Scroll::PageDown)),
            Key::Named(Named::Home) => Some(Message::Scroll(Scroll::Top)),
            Key::Named(Named::End) => Some(Message::Scroll(Scroll::End)),
            Key::Named(Named::ArrowRight) => Some(Message::NextKey),
            Key::Named(Named::ArrowLeft) => Some(Message::PreviousKey),
            Key::Named(Named::Escape) if self.back != Return::Module => {
                Some(Message::ReturnPressed)
            }
            Key::Named(Named::Escape) => Some(Message::BackPressed),
            _ => None,
        }
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, module: &'a Module) -> Element<'a, Message> {
        let lang = ctx.lang;
        let lesson = &module.lessons[self.index];
        let total = module.lessons.len();
        let position = i18n::tr_args(
            lang,
            "lesson-position",
            &[
                ("n", &(self.index + 1).to_string()),
                ("total", &total.to_string()),
            ],
        );
        let minutes = i18n::tr_count(lang, "lesson-minutes", "minutes", i64::from(lesson.minutes));
        let body =
            markdown::view(self.items.get(lang), markdown_settings(ctx)).map(Message::LinkClicked);
        let key_points = lesson
            .key_points
            .get(lang)
            .iter()
            .map(|point| widget::bullet(point.clone()))
            .collect();
        // Laws and news apart: a news report is a source, never a legal basis.
        let sources = crate::content::sources(ctx.catalog, &lesson.cites, lang)
            .into_iter()
            .map(|group| {
                widget::section(
                    ctx,
                    group.caption,
                    group.items.into_iter().map(widget::bullet).collect(),
                )
            });
        let back: Element<'a, Message> = match self.back {
            Return::Quiz => widget::primary(
                ctx,
                ctx.t("lesson-back-to-quiz"),
                Some(Message::ReturnPressed),
            ),
            Return::Review => widget::primary(
                ctx,
                ctx.t("lesson-back-to-review"),
                Some(Message::ReturnPressed),
            ),
            Return::Module => {
                widget::secondary(ctx, ctx.t("common-back"), Some(Message::BackPressed))
            }
        };
        let last = self.index + 1 == total;
        let next: Element<'a, Message> = if last {
            widget::primary(ctx, ctx.t("lesson-finish"), Some(Message::FinishPressed))
        } else {
            widget::primary(ctx, ctx.t("lesson-next"), Some(Message::NextPressed))
        };
        let content = column![
            back,
            widget::muted(
                ctx,
                format!(
                    "{} \u{00b7} {position} \u{00b7} {minutes}",
                    module.title.get(lang)
                )
            ),
            widget::h1(lesson.title.get(lang).as_str()),
            body,
            widget::section(ctx, ctx.t("lesson-key-points"), key_points),
            column(sources).spacing(12),
            checked_line(ctx, module, lang),
            // The first lesson has no previous one: no button that does nothing.
            row![
                if self.index > 0 {
                    widget::secondary(
                        ctx,
                        ctx.t("lesson-previous"),
                        Some(Message::PreviousPressed),
                    )
                } else {
                    space::horizontal().width(0).into()
                },
                space::horizontal(),
                next,
            ]
            .width(Length::Fill),
            widget::muted(ctx, ctx.t("lesson-keys-hint")),
        ]
        .spacing(16)
        .padding(24)
        .max_width(READING_WIDTH);
        // Centred, and no wider than about 70 characters a line: long lines on a wide screen
        // are hard to follow back to their start.
        scrollable(container(content).center_x(Length::Fill))
            .id(SCROLL)
            .on_scroll(Message::Scrolled)
            .into()
    }
}

/// Markdown headings sized below the lesson title, so the page reads top-down.
fn markdown_settings(ctx: &Ctx<'_>) -> markdown::Settings {
    let mut settings = markdown::Settings::with_text_size(size::BODY, ctx.theme);
    settings.h1_size = size::H2.into();
    settings.h2_size = size::H2.into();
    settings.h3_size = size::H3.into();
    settings.h4_size = size::BODY.into();
    settings.style.font = crate::fonts::DEFAULT;
    settings
}

fn checked_line<'a>(ctx: &Ctx<'_>, module: &Module, lang: Lang) -> Element<'a, Message> {
    text(i18n::tr_args(
        lang,
        "module-checked",
        &[("date", &module.checked.format("%d-%m-%Y").to_string())],
    ))
    .size(size::SMALL)
    .style(theme::texts::muted(ctx.colors))
    .into()
}
