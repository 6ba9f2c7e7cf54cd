//! HR's area (*SDM*): completion by unit, records to review, importing records. The desk owns
//! its tabs and runs its own background work; `app.rs` only routes messages to it.

pub mod certificates;
pub mod completion;
pub mod review;
pub mod roster;
pub mod settings;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Utc;
use iced::widget::{column, container, row, scrollable, text, text_input};
use iced::{Element, Length, Task};

use crate::app::Ctx;
use crate::hr::snapshot::Snapshot;
use crate::i18n;
use crate::lang::Lang;
use crate::records::Store;
use crate::records::transfer::{ExportKind, export_lines};
use crate::theme;
use crate::widget;

pub const SCROLL: &str = "hr_scroll";
pub const IMPORT_PATH: &str = "hr_import_path";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Completion,
    Review,
    Roster,
    Certificates,
    Settings,
}

impl Tab {
    const ALL: [Tab; 5] = [
        Tab::Completion,
        Tab::Review,
        Tab::Roster,
        Tab::Certificates,
        Tab::Settings,
    ];

    fn key(self) -> &'static str {
        match self {
            Tab::Completion => "hr-tab-completion",
            Tab::Review => "hr-tab-review",
            Tab::Roster => "hr-tab-roster",
            Tab::Certificates => "hr-tab-certificates",
            Tab::Settings => "hr-tab-settings",
        }
    }
}

/// What the desk needs from the app to do its work.
pub struct Env<'a> {
    pub store: &'a Store,
    pub lang: Lang,
    pub modules: Vec<String>,
    pub catalog: &'a crate::content::Catalog,
}

pub struct Desk {
    pub tab: Tab,
    pub data: Option<Arc<Snapshot>>,
    pub completion: completion::CompletionTab,
    pub review: review::ReviewTab,
    pub settings: settings::SettingsTab,
    pub roster: roster::RosterTab,
    pub certificates: certificates::CertificatesTab,
    /// The content as it was when the area opened (certificates print module titles and JP).
    catalog: Arc<crate::content::Catalog>,
    import_path: String,
    /// What the last import said, and whether it went cleanly.
    import_result: Option<(bool, Vec<String>)>,
    /// Where exports go: the folder HR chose, or the data folder's `exports/`.
    export_dir: Option<PathBuf>,
    /// What the last export wrote, or why it failed.
    export_result: Option<(bool, Vec<String>)>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    TabPicked(Tab),
    Loaded(Arc<Snapshot>),
    Completion(completion::Message),
    Review(review::Message),
    Settings(settings::Message),
    Roster(roster::Message),
    Certificates(certificates::Message),
    ImportPathChanged(String),
    /// Import from the typed path.
    ImportPressed,
    /// Choose a file or a folder with the system dialog.
    ImportFilePressed,
    ImportFolderPressed,
    ImportPicked(Option<PathBuf>),
    Imported(Result<Vec<String>, Vec<String>>),
    /// Every record on this PC as CSV, Excel or xAPI (for a learning record store), or as one
    /// signed file for another HR PC.
    ExportPressed(ExportKind),
    ExportFolderPressed,
    ExportFolderPicked(Option<PathBuf>),
    Exported(Result<Vec<String>, Vec<String>>),
    LeavePressed,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("attempts", &self.loaded.attempts.len())
            .field("people", &self.board.people.len())
            .finish()
    }
}

/// What the app must do after a desk update.
pub enum Action {
    None,
    Run(Task<Message>),
    Leave,
}

impl Desk {
    /// The desk, and the task that reads the records for it.
    pub fn open(env: &Env<'_>) -> (Desk, Task<Message>) {
        let desk = Desk {
            tab: Tab::Completion,
            data: None,
            completion: completion::CompletionTab::default(),
            review: review::ReviewTab::default(),
            settings: settings::SettingsTab::new(env),
            roster: roster::RosterTab::default(),
            certificates: certificates::CertificatesTab::default(),
            catalog: Arc::new(env.catalog.clone()),
            import_path: String::new(),
            import_result: None,
            export_dir: None,
            export_result: None,
            busy: true,
        };
        (desk, reload(env))
    }

    pub fn update(&mut self, message: Message, env: &Env<'_>) -> Action {
        match message {
            Message::TabPicked(tab) => {
                self.tab = tab;
                Action::Run(to_top())
            }
            Message::Loaded(data) => {
                self.busy = false;
                self.completion.refresh(&data);
                self.data = Some(data);
                Action::None
            }
            Message::Completion(message) => match &self.data {
                Some(data) => self
                    .completion
                    .update(message, data, env)
                    .map_or(Action::None, |task| {
                        Action::Run(task.map(Message::Completion))
                    }),
                None => Action::None,
            },
            Message::Review(message) => {
                let Some(data) = &self.data else {
                    return Action::None;
                };
                match self.review.update(message, data, env) {
                    review::Outcome::None => Action::None,
                    review::Outcome::Run(task) => Action::Run(task.map(Message::Review)),
                    review::Outcome::Changed => {
                        self.busy = true;
                        Action::Run(reload(env))
                    }
                }
            }
            Message::Settings(message) => self
                .settings
                .update(message, env)
                .map_or(Action::None, |task| {
                    Action::Run(task.map(Message::Settings))
                }),
            Message::Roster(message) => match self.roster.update(message, env) {
                roster::Outcome::None => Action::None,
                roster::Outcome::Run(task) => Action::Run(task.map(Message::Roster)),
                roster::Outcome::Changed => {
                    self.busy = true;
                    Action::Run(reload(env))
                }
            },
            Message::Certificates(message) => match &self.data {
                Some(data) => self
                    .certificates
                    .update(message, data, env, &self.catalog)
                    .map_or(Action::None, |task| {
                        Action::Run(task.map(Message::Certificates))
                    }),
                None => Action::None,
            },
            Message::ImportPathChanged(path) => {
                self.import_path = path;
                Action::None
            }
            Message::ImportPressed => {
                let path = PathBuf::from(self.import_path.trim());
                if self.import_path.trim().is_empty() {
                    return Action::None;
                }
                self.import(path, env)
            }
            Message::ImportFilePressed => Action::Run(Task::perform(
                async {
                    rfd::AsyncFileDialog::new()
                        .add_filter("latih-asn", &["latihasn", "ron"])
                        .pick_file()
                        .await
                        .map(|file| file.path().to_path_buf())
                },
                Message::ImportPicked,
            )),
            Message::ImportFolderPressed => Action::Run(Task::perform(
                async {
                    rfd::AsyncFileDialog::new()
                        .pick_folder()
                        .await
                        .map(|folder| folder.path().to_path_buf())
                },
                Message::ImportPicked,
            )),
            Message::ImportPicked(Some(path)) => {
                self.import_path = path.display().to_string();
                self.import(path, env)
            }
            Message::ImportPicked(None) => Action::None,
            Message::Imported(result) => {
                self.import_result = Some(match result {
                    Ok(lines) => (true, lines),
                    Err(lines) => (false, lines),
                });
                Action::Run(reload(env))
            }
            Message::ExportPressed(kind) if !self.busy => {
                self.busy = true;
                self.export_result = None;
                let store = env.store.clone();
                let (dir, modules, lang) = (self.export_dir.clone(), env.modules.clone(), env.lang);
                Action::Run(Task::perform(
                    async move { export_lines(&store, dir, kind, &modules, lang) },
                    Message::Exported,
                ))
            }
            Message::ExportPressed(_) => Action::None,
            Message::ExportFolderPressed => Action::Run(crate::screen::file_dialog(
                rfd::AsyncFileDialog::new().pick_folder(),
                Message::ExportFolderPicked,
            )),
            Message::ExportFolderPicked(Some(dir)) => {
                self.export_dir = Some(dir);
                Action::None
            }
            Message::ExportFolderPicked(None) => Action::None,
            Message::Exported(result) => {
                self.busy = false;
                self.export_result = Some(match result {
                    Ok(lines) => (true, lines),
                    Err(lines) => (false, lines),
                });
                Action::None
            }
            Message::LeavePressed => Action::Leave,
        }
    }

    fn import(&mut self, path: PathBuf, env: &Env<'_>) -> Action {
        self.busy = true;
        self.import_result = None;
        let store = env.store.clone();
        let lang = env.lang;
        Action::Run(Task::perform(
            async move { crate::app::import_lines(&store, &path, lang) },
            Message::Imported,
        ))
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let tabs = row(Tab::ALL.into_iter().map(|tab| {
            let mut label = ctx.t(tab.key());
            if tab == Tab::Review
                && let Some(data) = &self.data
            {
                label = format!("{label} ({})", data.review.len());
            }
            if tab == self.tab {
                widget::primary(ctx, label, Some(Message::TabPicked(tab)))
            } else {
                widget::secondary(ctx, label, Some(Message::TabPicked(tab)))
            }
        }))
        .spacing(10)
        .wrap();
        let body: Element<'a, Message> = match &self.data {
            None => widget::body(ctx.t("hr-loading")),
            Some(data) => match self.tab {
                Tab::Completion => self.completion.view(ctx, data).map(Message::Completion),
                Tab::Review => self.review.view(ctx, data).map(Message::Review),
                Tab::Roster => self.roster.view(ctx, data).map(Message::Roster),
                Tab::Certificates => self.certificates.view(ctx, data).map(Message::Certificates),
                Tab::Settings => self.settings.view(ctx).map(Message::Settings),
            },
        };
        let mut page = column![
            row![
                widget::h1(ctx.t("hr-title")),
                iced::widget::space::horizontal(),
                widget::secondary(ctx, ctx.t("hr-leave"), Some(Message::LeavePressed)),
            ]
            .spacing(12)
            .align_y(iced::Alignment::Center),
            tabs,
        ]
        .spacing(16)
        .padding(24);
        if matches!(self.tab, Tab::Completion | Tab::Review) {
            page = page.push(self.view_import(ctx));
        }
        if self.busy && self.data.is_some() {
            page = page.push(widget::muted(ctx, ctx.t("hr-loading")));
        }
        page = page.push(body);
        scrollable(page).id(SCROLL).height(Length::Fill).into()
    }

    fn view_import<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let go =
            (!self.busy && !self.import_path.trim().is_empty()).then_some(Message::ImportPressed);
        let mut items = column![
            widget::h3(ctx.t("hr-import-title")),
            widget::muted(ctx, ctx.t("hr-import-intro")),
            row![
                widget::secondary(
                    ctx,
                    ctx.t("hr-import-file"),
                    (!self.busy).then_some(Message::ImportFilePressed)
                ),
                widget::secondary(
                    ctx,
                    ctx.t("hr-import-folder"),
                    (!self.busy).then_some(Message::ImportFolderPressed)
                ),
            ]
            .spacing(10)
            .wrap(),
            row![
                text_input(&ctx.t("records-path-hint"), &self.import_path)
                    .id(IMPORT_PATH)
                    .on_input(Message::ImportPathChanged)
                    .on_submit(Message::ImportPressed)
                    .size(widget::size::BODY)
                    .padding(10),
                widget::secondary(ctx, ctx.t("hr-import-go"), go),
            ]
            .spacing(10),
        ]
        .spacing(8);
        if let Some((clean, lines)) = &self.import_result {
            items = items.push(column(
                lines
                    .iter()
                    .map(|line| status_line(ctx, *clean, line.as_str())),
            ));
        }
        column![widget::card(ctx, items), self.view_export(ctx)]
            .spacing(16)
            .into()
    }

    fn view_export<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let idle = !self.busy;
        let export = |key: &str, kind: ExportKind| {
            widget::secondary(
                ctx,
                ctx.t(key),
                idle.then_some(Message::ExportPressed(kind)),
            )
        };
        let mut items = column![
            widget::h3(ctx.t("hr-export-title")),
            widget::muted(ctx, ctx.t("hr-export-intro")),
            row![
                export("records-export-csv", ExportKind::Csv),
                export("records-export-xlsx", ExportKind::Xlsx),
                export("records-export-xapi", ExportKind::Xapi),
                export("hr-export-bundle", ExportKind::Bundle),
            ]
            .spacing(10)
            .wrap(),
            widget::export_folder(
                ctx,
                self.export_dir.as_deref(),
                idle.then_some(Message::ExportFolderPressed),
            ),
        ]
        .spacing(8);
        if let Some((clean, lines)) = &self.export_result {
            items = items.push(column(
                lines
                    .iter()
                    .map(|line| status_line(ctx, *clean, line.as_str())),
            ));
        }
        widget::card(ctx, items)
    }
}

/// Reads the records for the desk in the background.
pub fn reload(env: &Env<'_>) -> Task<Message> {
    let store = env.store.clone();
    let modules = env.modules.clone();
    Task::perform(
        async move { Arc::new(Snapshot::read(&store, &modules)) },
        Message::Loaded,
    )
}

/// A new tab or drill-down starts at its top.
pub fn to_top<T: Send + 'static>() -> Task<T> {
    iced::widget::operation::snap_to(SCROLL, iced::widget::operation::RelativeOffset::START)
}

/// A one-line status for the tabs' own messages.
pub fn status_line<'a, M: 'a>(
    ctx: &Ctx<'_>,
    ok: bool,
    line: impl iced::widget::text::IntoFragment<'a>,
) -> Element<'a, M> {
    let style = theme::texts::colored(if ok {
        ctx.colors.success
    } else {
        ctx.colors.danger
    });
    container(text(line).size(widget::size::BODY).style(style)).into()
}

/// Today's date for default file names.
pub fn dated(prefix: &str, extension: &str) -> String {
    format!(
        "{prefix}-{}.{extension}",
        Utc::now().with_timezone(&chrono::Local).format("%Y-%m-%d")
    )
}

pub fn tr(lang: Lang, key: &str) -> String {
    i18n::tr(lang, key)
}
