//! The modules as cards, each with the learner's progress.

use iced::widget::{button, column, container, row, text};
use iced::{Alignment, Element, Length};

use crate::app::Ctx;
use crate::content::Module;
use crate::i18n;
use crate::records::{ModuleStatus, ModuleSummary};
use crate::theme;
use crate::widget::{self, size};

#[derive(Debug, Clone, Default)]
pub struct Home;

#[derive(Debug, Clone)]
pub enum Message {
    ModuleOpened(String),
    JoinPressed,
    EditProfilePressed,
}

#[derive(Debug, Clone)]
pub enum Action {
    OpenModule(String),
    /// Take a trainer's session test with the code the trainer shows.
    JoinSession,
    /// Change the learner's own profile (a typo in the name, a new unit).
    EditProfile,
}

impl Home {
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::ModuleOpened(id) => Action::OpenModule(id),
            Message::JoinPressed => Action::JoinSession,
            Message::EditProfilePressed => Action::EditProfile,
        }
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, summaries: &[ModuleSummary]) -> Element<'a, Message> {
        let name = ctx.learner.map(|l| l.name.clone()).unwrap_or_default();
        let cards = ctx
            .catalog
            .modules
            .iter()
            .zip(summaries)
            .map(|(module, summary)| view_card(ctx, module, summary));
        widget::page(
            column![
                widget::h1(i18n::tr_args(
                    ctx.lang,
                    "home-greeting",
                    &[("name", name.as_str())]
                )),
                row![
                    widget::muted(ctx, ctx.t("home-hint")),
                    widget::secondary(
                        ctx,
                        ctx.t("home-edit-profile"),
                        Some(Message::EditProfilePressed)
                    ),
                ]
                .spacing(12)
                .align_y(Alignment::Center)
                .wrap(),
                column(cards).spacing(14),
                row![
                    widget::secondary(ctx, ctx.t("join-open"), Some(Message::JoinPressed)),
                    widget::muted(ctx, ctx.t("join-open-hint")),
                ]
                .spacing(10)
                .align_y(Alignment::Center)
                .wrap(),
            ]
            .spacing(16)
            .padding(24),
            widget::WIDE,
        )
        .id(crate::widget::PAGE_SCROLL)
        .into()
    }
}

pub fn status_label(ctx: &Ctx<'_>, status: ModuleStatus) -> String {
    ctx.t(match status {
        ModuleStatus::NotStarted => "status-not-started",
        ModuleStatus::InProgress => "status-in-progress",
        ModuleStatus::Passed => "status-passed",
    })
}

fn view_card<'a>(
    ctx: &Ctx<'a>,
    module: &'a Module,
    summary: &ModuleSummary,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let read = i18n::tr_args(
        lang,
        "home-lessons-read",
        &[
            ("read", &summary.lessons_read.to_string()),
            ("total", &summary.lessons_total.to_string()),
        ],
    );
    let best = match summary.best_exam {
        Some(percent) => i18n::tr_args(lang, "home-best-score", &[("score", &percent.to_string())]),
        None => ctx.t("home-no-score"),
    };
    let status_style = theme::texts::colored(match summary.status {
        ModuleStatus::Passed => ctx.colors.success,
        ModuleStatus::InProgress => ctx.colors.primary,
        ModuleStatus::NotStarted => ctx.colors.muted,
    });
    let status = text(status_label(ctx, summary.status))
        .size(size::BODY)
        .font(widget::BOLD)
        .style(status_style);
    let body = column![
        row![
            text(format!("{}. {}", module.order, module.title.get(lang)))
                .size(size::H2)
                .font(widget::BOLD)
                .width(Length::Fill),
            status,
        ]
        .spacing(12)
        .align_y(Alignment::Center),
        text(module.summary.get(lang)).size(size::BODY),
        // The counts wrap in what "Buka modul" leaves them, never squeezing it.
        row![
            text(format!("{read} \u{00b7} {best}"))
                .size(size::SMALL)
                .style(theme::texts::muted(ctx.colors))
                .width(Length::Fill),
            text(ctx.t("home-open-module"))
                .size(size::BODY)
                .font(widget::BOLD)
                .style(theme::texts::primary(ctx.colors)),
        ]
        .spacing(10)
        .align_y(Alignment::Center),
    ]
    .spacing(8);
    let card = button(body)
        .padding(16)
        .width(Length::Fill)
        .style(theme::buttons::row(ctx.colors));
    container(widget::button_with(
        ctx,
        card,
        Some(Message::ModuleOpened(module.id.clone())),
    ))
    .width(Length::Fill)
    .into()
}
