//! Language, theme and text size, remembered across starts; content packs (install, list,
//! switch off, remove); records exchange; where the data is kept.

use std::path::PathBuf;

use iced::widget::{column, row, text, text_input};
use iced::{Element, Length, Task};

use crate::app::Ctx;
use crate::content::{
    InstalledPack, PackDone, PackError, PackRequest, Trust, Unconfirmed, trust_line,
};
use crate::i18n;
use crate::lang::Lang;
use crate::settings::{Settings, TEXT_SCALES, ThemeChoice};
use crate::theme;
use crate::widget::{self, size};

/// Widget id of the pack folder field.
pub const PACK_INPUT: &str = "pack_path";
/// What the records buttons export.
pub use crate::records::transfer::ExportKind;

#[derive(Debug, Clone, Default)]
pub struct SettingsScreen {
    /// The folder typed for a content pack to import.
    pack_path: String,
    /// A pack change (install, removal, switch) is running.
    pack_busy: bool,
    /// A pack change waiting for the admin's yes.
    pending: Option<Pending>,
    /// The outcome of the last pack change, translated when drawn.
    outcome: Option<Result<(PackRequest, String), PackError>>,
    /// The records file for HR is being written.
    records_busy: bool,
    /// What the last records export did, line by line; `Err` when something failed.
    records_outcome: Option<Result<Vec<String>, Vec<String>>>,
    /// This PC's key fingerprint, which HR compares before approving its records.
    fingerprint: Option<String>,
    /// Where exports go, when the user chose a folder (else the data folder's `exports/`).
    export_dir: Option<PathBuf>,
}

/// A pack change that needs a second click.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pending {
    /// The pack passed the check but is not signed by a trusted publisher.
    Install {
        source: PathBuf,
        pack: Box<Unconfirmed>,
    },
    /// Removing takes the pack's modules off every learner's home screen.
    Remove { id: String },
}

#[derive(Debug, Clone)]
pub enum Message {
    LanguagePicked(Lang),
    ThemePicked(ThemeChoice),
    ScalePicked(u16),
    PackPathChanged(String),
    ImportPressed,
    /// The admin accepts a pack that is not signed by a trusted publisher.
    InstallConfirmed,
    /// Remove pack (id), asked once more before it happens.
    RemovePressed(String),
    RemoveConfirmed,
    /// Switch pack (id) on (`true`) or off.
    EnablePressed(String, bool),
    /// A pending install or removal is called off.
    PendingCancelled,
    /// Open the system's dialog for a pack folder, or for the folder exports go to.
    PickPack,
    PackPicked(Option<PathBuf>),
    PickExportFolder,
    ExportFolderPicked(Option<PathBuf>),
    ExportPressed(ExportKind),
    OpenDataFolderPressed,
    /// Into HR's area (behind the admin PIN).
    HrPressed,
    TrainerPressed,
    BackPressed,
}

pub enum Action {
    None,
    Changed(Settings),
    /// Change the installed packs (run it off the UI thread: see [`run_pack_request`]).
    Packs(PackRequest),
    /// Export into the chosen folder, or the data folder's `exports/` when none was chosen.
    ExportRecords(ExportKind, Option<PathBuf>),
    /// A system file dialog to show (its answer comes back as a message).
    Dialog(iced::Task<Message>),
    OpenDataFolder,
    /// Open HR's area: the app asks for the admin PIN first.
    OpenHr,
    /// The trainer's area (*Pelatih*), behind the same PIN.
    OpenTrainer,
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
                if path.is_empty() || self.pack_busy {
                    return Action::None;
                }
                let source = PathBuf::from(path);
                return self.admin_request(PackRequest::Install {
                    source,
                    confirmed: false,
                });
            }
            Message::InstallConfirmed => {
                let Some(Pending::Install { source, .. }) = self.pending.clone() else {
                    return Action::None;
                };
                return self.admin_request(PackRequest::Install {
                    source,
                    confirmed: true,
                });
            }
            Message::RemovePressed(id) => {
                if !self.pack_busy {
                    self.pending = Some(Pending::Remove { id });
                }
                return Action::None;
            }
            Message::RemoveConfirmed => {
                let Some(Pending::Remove { id, .. }) = self.pending.clone() else {
                    return Action::None;
                };
                return self.admin_request(PackRequest::Remove(id));
            }
            Message::EnablePressed(id, enabled) => {
                return self.admin_request(PackRequest::SetEnabled { id, enabled });
            }
            Message::PendingCancelled => {
                self.pending = None;
                return Action::None;
            }
            Message::PickPack => {
                return Action::Dialog(crate::screen::file_dialog(
                    rfd::AsyncFileDialog::new().pick_folder(),
                    Message::PackPicked,
                ));
            }
            Message::PackPicked(Some(path)) => {
                self.pack_path = path.display().to_string();
                return self.update(Message::ImportPressed, current);
            }
            Message::PickExportFolder => {
                return Action::Dialog(crate::screen::file_dialog(
                    rfd::AsyncFileDialog::new().pick_folder(),
                    Message::ExportFolderPicked,
                ));
            }
            Message::ExportFolderPicked(Some(path)) => {
                self.export_dir = Some(path);
                return Action::None;
            }
            Message::PackPicked(None) | Message::ExportFolderPicked(None) => return Action::None,
            Message::ExportPressed(kind) if !self.records_busy => {
                self.records_busy = true;
                self.records_outcome = None;
                return Action::ExportRecords(kind, self.export_dir.clone());
            }
            Message::ExportPressed(_) => return Action::None,
            Message::OpenDataFolderPressed => return Action::OpenDataFolder,
            Message::HrPressed => return Action::OpenHr,
            Message::TrainerPressed => return Action::OpenTrainer,
            Message::BackPressed => return Action::Back,
        }
        Action::Changed(next)
    }

    /// The folder exports go to when the user chose one.
    pub fn export_dir(&self) -> Option<&std::path::Path> {
        self.export_dir.as_deref()
    }

    /// The app reports how the records export went.
    pub fn records_finished(&mut self, outcome: Result<Vec<String>, Vec<String>>) {
        self.records_busy = false;
        self.records_outcome = Some(outcome);
    }

    /// Every pack change leaves the screen through here. Changing packs changes what every
    /// learner on this PC is taught, so it is an admin's act: there is no admin PIN yet, and
    /// when there is, this is where it is asked for (hold the request until it is given).
    fn admin_request(&mut self, request: PackRequest) -> Action {
        if self.pack_busy {
            return Action::None;
        }
        self.pack_busy = true;
        self.pending = None;
        self.outcome = None;
        Action::Packs(request)
    }

    /// The app reports how a pack change went. A pack that needs confirmation waits for it.
    pub fn pack_finished(&mut self, done: PackDone) {
        self.pack_busy = false;
        match done.result {
            Err(PackError::NeedsConfirmation(pack)) => {
                if let PackRequest::Install { source, .. } = done.request {
                    self.pending = Some(Pending::Install { source, pack });
                }
            }
            Ok(name) => {
                if matches!(done.request, PackRequest::Install { .. }) {
                    self.pack_path.clear();
                }
                self.outcome = Some(Ok((done.request, name)));
            }
            Err(error) => self.outcome = Some(Err(error)),
        }
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
        widget::page(
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
                // Last: a learner's own settings come first; the admin areas are for trainers
                // and HR staff.
                row![
                    widget::secondary(
                        ctx,
                        ctx.t("settings-open-trainer"),
                        Some(Message::TrainerPressed)
                    ),
                    widget::secondary(ctx, ctx.t("settings-open-hr"), Some(Message::HrPressed)),
                    widget::muted(ctx, ctx.t("settings-open-hr-hint")),
                ]
                .spacing(10)
                .align_y(iced::Alignment::Center)
                .wrap(),
            ]
            .spacing(14)
            .padding(24),
            widget::WIDE,
        )
        .id(crate::widget::PAGE_SCROLL)
        .into()
    }

    fn view_packs<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let mut section = column![
            widget::h3(ctx.t("pack-title")),
            widget::muted(ctx, ctx.t("pack-hint")),
        ]
        .spacing(10);
        if ctx.catalog.packs.is_empty() {
            section = section.push(widget::muted(ctx, ctx.t("pack-none")));
        }
        for pack in &ctx.catalog.packs {
            section = section.push(self.view_installed(ctx, pack));
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
                    (!self.pack_busy && !self.pack_path.trim().is_empty())
                        .then_some(Message::ImportPressed)
                ),
            ]
            .spacing(10),
        );
        section = section.push(widget::secondary(
            ctx,
            ctx.t("settings-pick-folder"),
            (!self.pack_busy).then_some(Message::PickPack),
        ));
        if self.pack_busy {
            section = section.push(widget::muted(ctx, ctx.t("pack-busy")));
        }
        if let Some(Pending::Install { pack, .. }) = &self.pending {
            section = section.push(view_confirm_install(ctx, pack));
        }
        if let Some(outcome) = &self.outcome {
            section = section.push(view_outcome(ctx, outcome));
        }
        section.into()
    }

    /// One installed pack: who it is, its state, its modules, and what the admin can do.
    fn view_installed<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        pack: &'a InstalledPack,
    ) -> Element<'a, Message> {
        let lang = ctx.lang;
        let title = match &pack.info.version {
            Some(version) => i18n::tr_args(
                lang,
                "pack-name-version",
                &[("name", &pack.info.name), ("version", version)],
            ),
            None => pack.info.name.clone(),
        };
        let state = if pack.enabled {
            ctx.t("pack-state-enabled")
        } else {
            ctx.t("pack-state-disabled")
        };
        let details = i18n::tr_args(
            lang,
            "pack-details",
            &[
                (
                    "date",
                    &pack
                        .checked_at
                        .with_timezone(&chrono::Local)
                        .format("%d-%m-%Y")
                        .to_string(),
                ),
                ("state", &state),
                ("trust", &trust_line(&pack.trust, lang)),
            ],
        );
        let mut card = column![
            text(title).size(size::BODY).font(widget::BOLD),
            widget::muted(ctx, details),
        ]
        .spacing(6);
        for module in ctx
            .catalog
            .modules
            .iter()
            .filter(|m| m.pack.as_deref() == Some(pack.info.id.as_str()))
        {
            card = card.push(widget::bullet(i18n::tr_args(
                lang,
                "pack-installed-module",
                &[("module", module.title.get(lang)), ("pack", &pack.info.id)],
            )));
        }
        let idle = !self.pack_busy;
        let toggle = if pack.enabled {
            widget::secondary(
                ctx,
                ctx.t("pack-disable"),
                idle.then(|| Message::EnablePressed(pack.info.id.clone(), false)),
            )
        } else {
            widget::secondary(
                ctx,
                ctx.t("pack-enable"),
                idle.then(|| Message::EnablePressed(pack.info.id.clone(), true)),
            )
        };
        let removing = matches!(&self.pending, Some(Pending::Remove { id }) if *id == pack.info.id);
        if removing {
            card = card.push(
                text(i18n::tr_args(
                    lang,
                    "pack-remove-confirm",
                    &[("pack", &pack.info.name)],
                ))
                .size(size::BODY)
                .style(theme::texts::colored(ctx.colors.danger)),
            );
            card = card.push(
                row![
                    widget::primary(
                        ctx,
                        ctx.t("pack-remove-yes"),
                        idle.then_some(Message::RemoveConfirmed)
                    ),
                    widget::secondary(ctx, ctx.t("common-cancel"), Some(Message::PendingCancelled)),
                ]
                .spacing(10)
                .wrap(),
            );
        } else {
            card = card.push(
                row![
                    toggle,
                    widget::secondary(
                        ctx,
                        ctx.t("pack-remove"),
                        idle.then(|| Message::RemovePressed(pack.info.id.clone())),
                    ),
                ]
                .spacing(10)
                .wrap(),
            );
        }
        widget::card(ctx, card)
    }

    fn view_records<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let idle = !self.records_busy;
        // The fingerprint on a line of its own, large, so it can be read aloud without a break.
        let fingerprint: Element<'a, Message> = match &self.fingerprint {
            Some(print) => column![
                text(ctx.t("records-fingerprint")).size(size::BODY),
                widget::h3(print.as_str()),
            ]
            .spacing(4)
            .into(),
            None => text(ctx.t("records-no-fingerprint"))
                .size(size::BODY)
                .into(),
        };
        let mut section = column![
            widget::h3(ctx.t("records-title")),
            widget::muted(ctx, ctx.t("records-hint")),
            fingerprint,
            widget::primary(
                ctx,
                ctx.t("records-export-bundle"),
                idle.then_some(Message::ExportPressed(ExportKind::Bundle))
            ),
            widget::export_folder(
                ctx,
                self.export_dir.as_deref(),
                idle.then_some(Message::PickExportFolder),
            ),
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

/// The admin's confirmation for a pack that is not signed by a trusted publisher.
fn view_confirm_install<'a>(ctx: &Ctx<'a>, pack: &Unconfirmed) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut items = column![
        text(i18n::tr_args(
            lang,
            "pack-confirm-title",
            &[("pack", &pack.info.name)]
        ))
        .size(size::BODY)
        .font(widget::BOLD),
        text(trust_line(&pack.trust, lang))
            .size(size::BODY)
            .style(theme::texts::colored(ctx.colors.danger)),
    ]
    .spacing(8);
    if let Some(publisher) = &pack.info.publisher {
        items = items.push(widget::muted(
            ctx,
            i18n::tr_args(lang, "pack-claims-publisher", &[("publisher", publisher)]),
        ));
    }
    for title in &pack.titles {
        items = items.push(widget::bullet(title.get(lang).clone()));
    }
    let hint = match pack.trust {
        Trust::UnknownPublisher { .. } => "pack-confirm-hint-unknown",
        Trust::Unsigned | Trust::Trusted { .. } => "pack-confirm-hint",
    };
    items = items.push(widget::muted(ctx, ctx.t(hint)));
    items = items.push(
        row![
            widget::primary(ctx, ctx.t("pack-confirm"), Some(Message::InstallConfirmed)),
            widget::secondary(ctx, ctx.t("common-cancel"), Some(Message::PendingCancelled)),
        ]
        .spacing(10)
        .wrap(),
    );
    widget::card(ctx, items)
}

/// What the last pack change did.
fn view_outcome<'a>(
    ctx: &Ctx<'a>,
    outcome: &Result<(PackRequest, String), PackError>,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    match outcome {
        Ok((request, name)) => {
            let key = match request {
                PackRequest::Install { .. } => "pack-import-ok",
                PackRequest::Remove(_) => "pack-removed",
                PackRequest::SetEnabled { enabled: true, .. } => "pack-enabled",
                PackRequest::SetEnabled { enabled: false, .. } => "pack-disabled",
            };
            text(i18n::tr_args(lang, key, &[("pack", name)]))
                .size(size::BODY)
                .style(theme::texts::colored(ctx.colors.success))
                .into()
        }
        Err(error) => {
            let header = match error {
                PackError::Invalid(_) | PackError::NotAFolder(_) | PackError::AppContent(_) => {
                    "pack-import-refused"
                }
                _ => "pack-change-failed",
            };
            let mut lines = column![
                text(ctx.t(header))
                    .size(size::BODY)
                    .font(widget::BOLD)
                    .style(theme::texts::colored(ctx.colors.danger)),
            ]
            .spacing(4);
            for reason in error.messages(lang, 8) {
                lines = lines.push(widget::bullet(reason));
            }
            lines.into()
        }
    }
}

/// Runs a pack change on its own thread (never on iced's worker pool, which a slow USB stick
/// must not tie up) and reports what it did.
pub fn run_pack_request(request: PackRequest, packs_dir: PathBuf) -> Task<PackDone> {
    Task::perform(
        async move {
            let (sender, receiver) = iced::futures::channel::oneshot::channel();
            let fallback = request.clone();
            let spawned = std::thread::Builder::new()
                .name("content pack".to_owned())
                .spawn(move || {
                    let _ignored_if_screen_closed =
                        sender.send(crate::content::apply(request, &packs_dir));
                });
            let lost = |detail: String| PackDone {
                request: fallback.clone(),
                result: Err(PackError::Interrupted(detail)),
                catalog: None,
                refused: Vec::new(),
            };
            match spawned {
                Ok(_handle) => receiver
                    .await
                    .unwrap_or_else(|_| lost("the worker stopped".to_owned())),
                Err(error) => lost(error.to_string()),
            }
        },
        std::convert::identity,
    )
}
