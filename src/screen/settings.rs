//! Language, theme and text size, remembered across starts; where the data is kept.

use std::path::PathBuf;

use iced::widget::{column, row, scrollable, text, text_input};
use iced::{Element, Length};

use crate::app::Ctx;
use crate::i18n;
use crate::lang::Lang;
use crate::settings::{Settings, TEXT_SCALES, ThemeChoice};
use crate::theme;
use crate::widget::{self, size};

/// Widget id of the pack folder field.
pub const PACK_INPUT: &str = "pack_path";
/// Widget id of the field for bundles to import.
pub const RECORDS_INPUT: &str = "records_path";

/// What the records buttons export.
pub use crate::records::transfer::ExportKind;

#[derive(Debug, Clone, Default)]
pub struct SettingsScreen {
    /// The folder typed for a content pack to import.
    pack_path: String,
    /// An import is running.
    importing: bool,
    /// The outcome of the last import: what was installed, or every reason it was refused.
    outcome: Option<Result<String, Vec<String>>>,
    /// A bundle file or a folder of bundles (a USB stick) to import.
    records_path: String,
    records_busy: bool,
    /// What the last records export or import did, line by line; `Err` when something failed.
    records_outcome: Option<Result<Vec<String>, Vec<String>>>,
    /// This PC's key fingerprint, which HR compares before approving its records.
    fingerprint: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    LanguagePicked(Lang),
    ThemePicked(ThemeChoice),
    ScalePicked(u16),
    PackPathChanged(String),
    ImportPressed,
    RecordsPathChanged(String),
    ExportPressed(ExportKind),
    ImportRecordsPressed,
    OpenDataFolderPressed,
    BackPressed,
}

#[derive(Debug, Clone)]
pub enum Action {
    None,
    Changed(Settings),
    ImportPack(PathBuf),
    ExportRecords(ExportKind),
    ImportRecords(PathBuf),
    OpenDataFolder,
    Back,
}

impl SettingsScreen {
    pub fn new(fingerprint: Option<String>) -> Self {
        SettingsScreen {
            fingerprint,
            ..SettingsScreen::default()
        }
    }

    pub fn update(&mut self, message: Message, current: &Settings) -> Action {
        let mut next = current.clone();
        match message {
            Message::LanguagePicked(lang) => next.language = Some(lang),
            Message::ThemePicked(choice) => next.theme = choice,
            Message::ScalePicked(scale) => next.text_scale = scale,
            Message::PackPathChanged(path) => {
                self.pack_path = path;
                return Action::None;
            }
            Message::ImportPressed => {
                let path = self.pack_path.trim();
                if path.is_empty() || self.importing {
                    return Action::None;
                }
                self.importing = true;
                self.outcome = None;
                return Action::ImportPack(PathBuf::from(path));
            }
            Message::RecordsPathChanged(path) => {
                self.records_path = path;
                return Action::None;
            }
            Message::ExportPressed(kind) if !self.records_busy => {
                self.records_busy = true;
                self.records_outcome = None;
                return Action::ExportRecords(kind);
            }
            Message::ImportRecordsPressed
                if !self.records_busy && !self.records_path.trim().is_empty() =>
            {
                self.records_busy = true;
                self.records_outcome = None;
                return Action::ImportRecords(PathBuf::from(self.records_path.trim()));
            }
            Message::ExportPressed(_) | Message::ImportRecordsPressed => return Action::None,
            Message::OpenDataFolderPressed => return Action::OpenDataFolder,
            Message::BackPressed => return Action::Back,
        }
        Action::Changed(next)
    }

    /// The app reports how a records export or import went.
    pub fn records_finished(&mut self, outcome: Result<Vec<String>, Vec<String>>) {
        self.records_busy = false;
        self.records_outcome = Some(outcome);
    }

    /// The app reports how the import went.
    pub fn import_finished(&mut self, outcome: Result<String, Vec<String>>) {
        self.importing = false;
        if outcome.is_ok() {
            self.pack_path.clear();
        }
        self.outcome = Some(outcome);
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
                self.view_packs(ctx),
                self.view_records(ctx),
                widget::h3(ctx.t("settings-data-dir")),
                text(data_dir).size(size::BODY).width(Length::Fill),
                text(ctx.t("settings-data-dir-hint"))
                    .size(size::SMALL)
                    .style(theme::texts::muted(ctx.colors)),
                widget::secondary(
                    ctx,
                    ctx.t("settings-open-data-dir"),
                    Some(Message::OpenDataFolderPressed)
                ),
            ]
            .spacing(14)
            .padding(24),
        )
        .id(crate::widget::PAGE_SCROLL)
        .into()
    }

    fn view_packs<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let lang = ctx.lang;
        let installed: Vec<Element<'a, Message>> = ctx
            .catalog
            .modules
            .iter()
            .filter_map(|module| {
                let pack = module.pack.as_ref()?;
                Some(widget::bullet(i18n::tr_args(
                    lang,
                    "pack-installed-module",
                    &[("module", module.title.get(lang)), ("pack", pack)],
                )))
            })
            .collect();
        let mut section = column![
            widget::h3(ctx.t("pack-title")),
            widget::muted(ctx, ctx.t("pack-hint")),
        ]
        .spacing(10);
        if installed.is_empty() {
            section = section.push(widget::muted(ctx, ctx.t("pack-none")));
        } else {
            section = section.push(column(installed).spacing(4));
        }
        section = section.push(
            row![
                text_input(&ctx.t("pack-path-hint"), &self.pack_path)
                    .id(PACK_INPUT)
                    .on_input(Message::PackPathChanged)
                    .on_submit(Message::ImportPressed)
                    .size(size::BODY)
                    .padding(10)
                    .width(Length::Fill),
                widget::primary(
                    ctx,
                    ctx.t("pack-import"),
                    (!self.importing && !self.pack_path.trim().is_empty())
                        .then_some(Message::ImportPressed)
                ),
            ]
            .spacing(10),
        );
        match &self.outcome {
            Some(Ok(name)) => {
                section = section.push(
                    text(i18n::tr_args(lang, "pack-import-ok", &[("pack", name)]))
                        .size(size::BODY)
                        .style(theme::texts::colored(ctx.colors.success)),
                );
            }
            Some(Err(reasons)) => {
                section = section.push(
                    text(ctx.t("pack-import-refused"))
                        .size(size::BODY)
                        .font(widget::BOLD)
                        .style(theme::texts::colored(ctx.colors.danger)),
                );
                for reason in reasons {
                    section = section.push(widget::bullet(reason.clone()));
                }
            }
            None => {}
        }
        section.into()
    }

    fn view_records<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let idle = !self.records_busy;
        let fingerprint = match &self.fingerprint {
            Some(print) => ctx.t_args("records-fingerprint", &[("fingerprint", print)]),
            None => ctx.t("records-no-fingerprint"),
        };
        let mut section = column![
            widget::h3(ctx.t("records-title")),
            widget::muted(ctx, ctx.t("records-hint")),
            text(fingerprint).size(size::BODY),
            row![
                widget::primary(
                    ctx,
                    ctx.t("records-export-bundle"),
                    idle.then_some(Message::ExportPressed(ExportKind::Bundle))
                ),
                widget::secondary(
                    ctx,
                    ctx.t("records-export-csv"),
                    idle.then_some(Message::ExportPressed(ExportKind::Csv))
                ),
                widget::secondary(
                    ctx,
                    ctx.t("records-export-xlsx"),
                    idle.then_some(Message::ExportPressed(ExportKind::Xlsx))
                ),
                widget::secondary(
                    ctx,
                    ctx.t("records-export-xapi"),
                    idle.then_some(Message::ExportPressed(ExportKind::Xapi))
                ),
            ]
            .spacing(10)
            .wrap(),
            row![
                text_input(&ctx.t("records-path-hint"), &self.records_path)
                    .id(RECORDS_INPUT)
                    .on_input(Message::RecordsPathChanged)
                    .on_submit(Message::ImportRecordsPressed)
                    .size(size::BODY)
                    .padding(10)
                    .width(Length::Fill),
                widget::primary(
                    ctx,
                    ctx.t("records-import"),
                    (idle && !self.records_path.trim().is_empty())
                        .then_some(Message::ImportRecordsPressed)
                ),
            ]
            .spacing(10),
        ]
        .spacing(10);
        match &self.records_outcome {
            Some(Ok(lines)) => {
                for line in lines {
                    section = section.push(
                        text(line.clone())
                            .size(size::BODY)
                            .style(theme::texts::colored(ctx.colors.success)),
                    );
                }
            }
            Some(Err(lines)) => {
                for line in lines {
                    section = section.push(
                        text(line.clone())
                            .size(size::BODY)
                            .style(theme::texts::colored(ctx.colors.danger)),
                    );
                }
            }
            None => {}
        }
        section.into()
    }
}
