//! Language, theme and text size, remembered across starts; where the data is kept.

use iced::widget::{column, row, scrollable, text};
use iced::{Element, Length};

use crate::app::Ctx;
use crate::lang::Lang;
use crate::settings::{Settings, TEXT_SCALES, ThemeChoice};
use crate::theme;
use crate::widget::{self, size};

#[derive(Debug, Clone, Default)]
pub struct SettingsScreen;

#[derive(Debug, Clone)]
pub enum Message {
    LanguagePicked(Lang),
    ThemePicked(ThemeChoice),
    ScalePicked(u16),
    BackPressed,
}

#[derive(Debug, Clone)]
pub enum Action {
    Changed(Settings),
    Back,
}

impl SettingsScreen {
    pub fn update(&mut self, message: Message, current: &Settings) -> Action {
        let mut next = current.clone();
        match message {
            Message::LanguagePicked(lang) => next.language = Some(lang),
            Message::ThemePicked(choice) => next.theme = choice,
            Message::ScalePicked(scale) => next.text_scale = scale,
            Message::BackPressed => return Action::Back,
        }
        Action::Changed(next)
    }

    pub fn view<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        settings: &Settings,
        data_dir: String,
    ) -> Element<'a, Message> {
        let choice = |label: String, active: bool, message: Message| -> Element<'a, Message> {
            if active {
                widget::primary(ctx, label, Some(message))
            } else {
                widget::secondary(ctx, label, Some(message))
            }
        };
        let current_lang = ctx.lang;
        let languages = row(Lang::ALL.into_iter().map(|lang| {
            let key = match lang {
                Lang::Id => "settings-language-id",
                Lang::En => "settings-language-en",
            };
            choice(
                ctx.t(key),
                current_lang == lang,
                Message::LanguagePicked(lang),
            )
        }))
        .spacing(10)
        .wrap();
        let themes = row(ThemeChoice::ALL.into_iter().map(|theme| {
            let key = match theme {
                ThemeChoice::Light => "settings-theme-light",
                ThemeChoice::Dark => "settings-theme-dark",
                ThemeChoice::HighContrast => "settings-theme-contrast",
            };
            choice(
                ctx.t(key),
                settings.theme == theme,
                Message::ThemePicked(theme),
            )
        }))
        .spacing(10)
        .wrap();
        let scales = row(TEXT_SCALES.into_iter().map(|scale| {
            choice(
                format!("{scale}%"),
                settings.text_scale == scale,
                Message::ScalePicked(scale),
            )
        }))
        .spacing(10)
        .wrap();
        scrollable(
            column![
                widget::secondary(ctx, ctx.t("common-back"), Some(Message::BackPressed)),
                widget::h1(ctx.t("settings-title")),
                widget::h3(ctx.t("settings-language")),
                languages,
                widget::h3(ctx.t("settings-theme")),
                themes,
                widget::h3(ctx.t("settings-text-size")),
                scales,
                widget::h3(ctx.t("settings-data-dir")),
                text(data_dir).size(size::BODY).width(Length::Fill),
                text(ctx.t("settings-data-dir-hint"))
                    .size(size::SMALL)
                    .style(theme::texts::muted(ctx.colors)),
            ]
            .spacing(14)
            .padding(24),
        )
        .into()
    }
}
