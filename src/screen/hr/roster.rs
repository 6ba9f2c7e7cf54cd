//! The roster (*daftar pegawai*): import HR's own list from CSV or Excel, see what would change
//! and every bad row before anything is saved, apply it, or save an empty template.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Local, Utc};
use iced::widget::{column, row, text, text_input};
use iced::{Element, Length, Task};

use crate::app::Ctx;
use crate::hr::roster::{self, Employee, Preview, Roster};
use crate::hr::snapshot::Snapshot;
use crate::lang::Lang;
use crate::screen::file_dialog;
use crate::screen::hr::{Env, status_line};
use crate::theme;
use crate::widget;

pub const PATH: &str = "roster_path";
/// Rows of each kind shown in the preview; the counts are always whole.
const SHOWN: usize = 50;

#[derive(Debug, Default)]
pub struct RosterTab {
    path: String,
    /// A file read and compared with the roster, waiting for HR's yes.
    pending: Option<Arc<Pending>>,
    result: Option<(bool, String)>,
    busy: bool,
}

#[derive(Debug)]
pub struct Pending {
    source: String,
    preview: Preview,
    /// The roster the preview was made against: applying saves on top of exactly this one.
    base: Roster,
}

#[derive(Debug, Clone)]
pub enum Message {
    PathChanged(String),
    PickPressed,
    Picked(Option<PathBuf>),
    PreviewPressed,
    Previewed(Result<Arc<Pending>, String>),
    ApplyPressed,
    CancelPressed,
    Applied(Result<String, String>),
    TemplatePressed,
    TemplateTo(Option<PathBuf>),
    TemplateWritten(Result<String, String>),
}

pub enum Outcome {
    None,
    Run(Task<Message>),
    /// The roster was saved: read everything again.
    Changed,
}

impl RosterTab {
    pub fn update(&mut self, message: Message, env: &Env<'_>) -> Outcome {
        let lang = env.lang;
        match message {
            Message::PathChanged(path) => self.path = path,
            Message::PickPressed => {
                return Outcome::Run(file_dialog(
                    rfd::AsyncFileDialog::new()
                        .add_filter("Excel / CSV", &["xlsx", "csv", "txt"])
                        .pick_file(),
                    Message::Picked,
                ));
            }
            Message::Picked(Some(path)) => {
                self.path = path.display().to_string();
                return self.update(Message::PreviewPressed, env);
            }
            Message::Picked(None) => {}
            Message::PreviewPressed if !self.busy && !self.path.trim().is_empty() => {
                self.busy = true;
                self.pending = None;
                self.result = None;
                let path = PathBuf::from(self.path.trim());
                let dir = env.store.root().to_path_buf();
                return Outcome::Run(Task::perform(
                    async move { read_preview(&dir, &path, lang) },
                    Message::Previewed,
                ));
            }
            Message::PreviewPressed => {}
            Message::Previewed(result) => {
                self.busy = false;
                match result {
                    Ok(pending) => self.pending = Some(pending),
                    Err(line) => self.result = Some((false, line)),
                }
            }
            Message::CancelPressed => self.pending = None,
            Message::ApplyPressed if !self.busy => {
                let Some(pending) = self.pending.clone() else {
                    return Outcome::None;
                };
                self.busy = true;
                let dir = env.store.root().to_path_buf();
                return Outcome::Run(Task::perform(
                    async move {
                        let updated = roster::apply(
                            &pending.base,
                            &pending.preview,
                            &pending.source,
                            Utc::now(),
                        );
                        updated
                            .save(&dir)
                            .map(|()| {
                                crate::i18n::tr_args(
                                    lang,
                                    "roster-cli-applied",
                                    &[
                                        ("count", &updated.employees().len().to_string()),
                                        ("units", &updated.units().len().to_string()),
                                    ],
                                )
                            })
                            .map_err(|error| error.message(lang))
                    },
                    Message::Applied,
                ));
            }
            Message::ApplyPressed => {}
            Message::Applied(result) => {
                self.busy = false;
                let saved = result.is_ok();
                self.result = Some(match result {
                    Ok(line) => (true, line),
                    Err(line) => (false, line),
                });
                if saved {
                    self.pending = None;
                    self.path.clear();
                    return Outcome::Changed;
                }
            }
            Message::TemplatePressed => {
                return Outcome::Run(file_dialog(
                    rfd::AsyncFileDialog::new()
                        .set_file_name("templat-daftar-pegawai.xlsx")
                        .add_filter("Excel", &["xlsx"])
                        .add_filter("CSV", &["csv"])
                        .save_file(),
                    Message::TemplateTo,
                ));
            }
            Message::TemplateTo(Some(path)) => {
                return Outcome::Run(Task::perform(
                    async move {
                        roster::write_template(&path)
                            .map(|()| {
                                crate::i18n::tr_args(
                                    lang,
                                    "roster-cli-template-written",
                                    &[("file", &path.display().to_string())],
                                )
                            })
                            .map_err(|error| error.message(lang))
                    },
                    Message::TemplateWritten,
                ));
            }
            Message::TemplateTo(None) => {}
            Message::TemplateWritten(result) => {
                self.result = Some(match result {
                    Ok(line) => (true, line),
                    Err(line) => (false, line),
                });
            }
        }
        Outcome::None
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, data: &'a Snapshot) -> Element<'a, Message> {
        let mut items = vec![self.view_current(ctx, data)];
        let idle = !self.busy;
        items.push(widget::card(
            ctx,
            column![
                widget::h3(ctx.t("hr-roster-import")),
                widget::muted(ctx, ctx.t("hr-roster-import-intro")),
                row![
                    widget::primary(
                        ctx,
                        ctx.t("hr-roster-pick"),
                        idle.then_some(Message::PickPressed)
                    ),
                    widget::secondary(
                        ctx,
                        ctx.t("hr-roster-template"),
                        Some(Message::TemplatePressed)
                    ),
                ]
                .spacing(10)
                .wrap(),
                row![
                    text_input(&ctx.t("hr-roster-path-hint"), &self.path)
                        .id(PATH)
                        .on_input(Message::PathChanged)
                        .on_submit(Message::PreviewPressed)
                        .size(widget::size::BODY)
                        .padding(10)
                        .width(Length::Fill),
                    widget::secondary(
                        ctx,
                        ctx.t("hr-roster-preview"),
                        (idle && !self.path.trim().is_empty()).then_some(Message::PreviewPressed)
                    ),
                ]
                .spacing(10),
            ]
            .spacing(10),
        ));
        if let Some((ok, line)) = &self.result {
            items.push(status_line(ctx, *ok, line));
        }
        if let Some(pending) = &self.pending {
            items.push(self.view_preview(ctx, pending));
        }
        column(items).spacing(12).into()
    }

    fn view_current<'a>(&'a self, ctx: &Ctx<'a>, data: &'a Snapshot) -> Element<'a, Message> {
        let roster = &data.roster;
        let mut lines = vec![widget::h3(ctx.t("hr-roster-current"))];
        if let Some(error) = &data.roster_error {
            lines.push(status_line(ctx, false, error.message(ctx.lang)));
        }
        lines.push(widget::body(if roster.employees().is_empty() {
            ctx.t("hr-roster-none")
        } else {
            ctx.t_args(
                "roster-cli-show-count",
                &[
                    ("count", &roster.employees().len().to_string()),
                    ("units", &roster.units().len().to_string()),
                ],
            )
        }));
        if let Some(last) = roster.history().last() {
            lines.push(widget::muted(
                ctx,
                ctx.t_args(
                    "roster-cli-show-import",
                    &[
                        (
                            "at",
                            &last
                                .at
                                .with_timezone(&Local)
                                .format("%Y-%m-%d %H:%M")
                                .to_string(),
                        ),
                        ("source", &last.source),
                        ("add", &last.added.to_string()),
                        ("change", &last.changed.to_string()),
                        ("remove", &last.removed.to_string()),
                        ("bad", &last.bad.to_string()),
                    ],
                ),
            ));
        }
        widget::card(ctx, column(lines).spacing(6))
    }

    fn view_preview<'a>(&'a self, ctx: &Ctx<'a>, pending: &'a Pending) -> Element<'a, Message> {
        let preview = &pending.preview;
        let who = |e: &Employee| format!("{} — {} — {}", e.nip, e.name, e.unit);
        let mut lines = vec![
            widget::h3(ctx.t_args("hr-roster-preview-title", &[("file", &pending.source)])),
            widget::body(ctx.t_args(
                "roster-cli-counts",
                &[
                    ("add", &preview.add.len().to_string()),
                    ("change", &preview.change.len().to_string()),
                    ("remove", &preview.remove.len().to_string()),
                    ("unchanged", &preview.unchanged.to_string()),
                    ("bad", &preview.bad.len().to_string()),
                ],
            )),
        ];
        if !preview.bad.is_empty() {
            lines.push(widget::h3(ctx.t("hr-roster-bad")));
            for bad in preview.bad.iter().take(SHOWN) {
                let line = if bad.nip_text.trim().is_empty() {
                    ctx.t_args(
                        "roster-cli-bad-row",
                        &[
                            ("line", &bad.line.to_string()),
                            ("reason", &bad.reason.message(ctx.lang)),
                        ],
                    )
                } else {
                    ctx.t_args(
                        "roster-cli-bad-row-nip",
                        &[
                            ("line", &bad.line.to_string()),
                            ("nip", &bad.nip_text),
                            ("reason", &bad.reason.message(ctx.lang)),
                        ],
                    )
                };
                lines.push(
                    text(line)
                        .size(widget::size::BODY)
                        .style(theme::texts::colored(ctx.colors.danger))
                        .into(),
                );
            }
            lines.push(widget::muted(ctx, ctx.t("hr-roster-bad-kept")));
        }
        let mut section = |title: &str, rows: Vec<String>| {
            if rows.is_empty() {
                return;
            }
            lines.push(widget::h3(ctx.t(title)));
            let total = rows.len();
            for row in rows.into_iter().take(SHOWN) {
                lines.push(widget::body(row));
            }
            if total > SHOWN {
                lines.push(widget::muted(
                    ctx,
                    ctx.t_args("hr-more-rows", &[("count", &(total - SHOWN).to_string())]),
                ));
            }
        };
        section("hr-roster-add", preview.add.iter().map(who).collect());
        section(
            "hr-roster-change",
            preview
                .change
                .iter()
                .map(|(old, new)| format!("{} → {}", who(old), who(new)))
                .collect(),
        );
        section("hr-roster-remove", preview.remove.iter().map(who).collect());
        if !preview.held.is_empty() {
            lines.push(widget::muted(
                ctx,
                ctx.t_args(
                    "roster-cli-held",
                    &[("count", &preview.held.len().to_string())],
                ),
            ));
        }
        let apply = (!self.busy && !preview.changes_nothing()).then_some(Message::ApplyPressed);
        if preview.changes_nothing() {
            lines.push(widget::body(ctx.t("roster-cli-nothing-to-change")));
        }
        lines.push(
            row![
                widget::primary(ctx, ctx.t("hr-roster-apply"), apply),
                widget::secondary(ctx, ctx.t("common-cancel"), Some(Message::CancelPressed)),
            ]
            .spacing(10)
            .wrap()
            .into(),
        );
        widget::card(ctx, column(lines).spacing(6))
    }
}

/// Reads the file and compares it with the saved roster. Nothing is written.
fn read_preview(
    dir: &std::path::Path,
    path: &std::path::Path,
    lang: Lang,
) -> Result<Arc<Pending>, String> {
    let base = Roster::load(dir).map_err(|error| error.message(lang))?;
    let parsed =
        roster::parse_file(path, Local::now().date_naive()).map_err(|error| error.message(lang))?;
    let preview = roster::preview(&base, &parsed);
    let source = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Arc::new(Pending {
        source,
        preview,
        base,
    }))
}
