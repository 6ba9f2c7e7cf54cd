//! Certificates: every valid pass of one unit (or everyone), one PDF each or a whole unit at
//! once with progress and cancel, and *Cek sertifikat* for a typed code or an opened PDF.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use iced::futures::{SinkExt, StreamExt};
use iced::widget::{column, row, text, text_input};
use iced::{Element, Length, Task};

use crate::app::Ctx;
use crate::content::Catalog;
use crate::hr::HrSettings;
use crate::hr::certificate::{self, BatchOutput, Certificate, Issuer};
use crate::hr::completion::OFF_ROSTER;
use crate::hr::jp::{self, JpFormat, PersonJp};
use crate::hr::snapshot::Snapshot;
use crate::lang::Lang;
use crate::records::export::Records;
use crate::screen::file_dialog;
use crate::screen::hr::completion::MAX_ROWS;
use crate::screen::hr::{Env, status_line};
use crate::widget;

pub const CODE: &str = "certificate_code";
pub const YEAR: &str = "jp_year";

#[derive(Debug, Default)]
pub struct CertificatesTab {
    /// The unit chosen (`None`: everyone).
    unit: Option<String>,
    /// The certificates of the chosen people, made when the unit is picked.
    certificates: Option<Arc<Vec<Certificate>>>,
    code: String,
    check: Option<(bool, Vec<String>)>,
    result: Option<(bool, String)>,
    progress: Option<(usize, usize)>,
    cancel: Option<Arc<AtomicBool>>,
    /// The year whose JP is shown (typed; empty means this year).
    year: String,
    jp: Option<Arc<Vec<PersonJp>>>,
    jp_result: Option<(bool, String)>,
}

#[derive(Debug, Clone)]
pub enum Message {
    UnitPicked(Option<String>),
    Made(Result<Arc<Vec<Certificate>>, String>),
    SaveOnePressed(usize),
    SaveOneTo(usize, Option<PathBuf>),
    SaveAllPdfPressed,
    SaveAllFolderPressed,
    SaveAllTo(bool, Option<PathBuf>),
    Progress(usize, usize),
    Written(Result<String, String>),
    CancelPressed,
    CodeChanged(String),
    CheckPressed,
    OpenPdfPressed,
    PdfPicked(Option<PathBuf>),
    Checked(Result<(bool, Vec<String>), String>),
    YearChanged(String),
    JpPressed,
    JpCounted(Result<Arc<Vec<PersonJp>>, String>),
    JpExportPressed,
    JpExportTo(Option<PathBuf>),
    JpExported(Result<String, String>),
}

impl CertificatesTab {
    pub fn update(
        &mut self,
        message: Message,
        data: &Arc<Snapshot>,
        env: &Env<'_>,
        catalog: &Arc<Catalog>,
    ) -> Option<Task<Message>> {
        let lang = env.lang;
        match message {
            Message::UnitPicked(unit) => {
                self.unit = unit.clone();
                self.certificates = None;
                self.result = None;
                let (data, catalog, store) = (data.clone(), catalog.clone(), env.store.clone());
                return Some(Task::perform(
                    async move {
                        let authority =
                            certificate::authority(&store).map_err(|e| e.message(lang))?;
                        let people = people_of(&data, unit.as_deref());
                        let records = records(&data);
                        let issued = Issuer::new(records, &catalog, &authority).for_people(&people);
                        Ok(Arc::new(issued.certificates))
                    },
                    Message::Made,
                ));
            }
            Message::Made(Ok(list)) => self.certificates = Some(list),
            Message::Made(Err(line)) => self.result = Some((false, line)),
            Message::SaveOnePressed(index) => {
                let name = self.certificates.as_ref()?.get(index)?.file_name();
                return Some(Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_file_name(name)
                            .add_filter("PDF", &["pdf"])
                            .save_file()
                            .await
                            .map(|file| file.path().to_path_buf())
                    },
                    move |path| Message::SaveOneTo(index, path),
                ));
            }
            Message::SaveOneTo(index, Some(path)) => {
                let certificate = self.certificates.as_ref()?.get(index)?.clone();
                let store = env.store.clone();
                return Some(Task::perform(
                    async move {
                        let settings =
                            HrSettings::load(store.root()).map_err(|e| e.message(lang))?;
                        if !settings.is_complete() {
                            return Err(crate::hr::HrError::SettingsIncomplete.message(lang));
                        }
                        certificate::write_one(&certificate, &settings, lang, &path)
                            .map(|()| written(lang, &path))
                            .map_err(|e| e.message(lang))
                    },
                    Message::Written,
                ));
            }
            Message::SaveAllPdfPressed => {
                let name = crate::screen::hr::dated("sertifikat", "pdf");
                return Some(file_dialog(
                    rfd::AsyncFileDialog::new()
                        .set_file_name(name)
                        .add_filter("PDF", &["pdf"])
                        .save_file(),
                    |path| Message::SaveAllTo(true, path),
                ));
            }
            Message::SaveAllFolderPressed => {
                return Some(file_dialog(
                    rfd::AsyncFileDialog::new().pick_folder(),
                    |path| Message::SaveAllTo(false, path),
                ));
            }
            Message::SaveAllTo(one_pdf, Some(path)) => {
                let list = self.certificates.clone()?;
                if self.cancel.is_some() {
                    return None;
                }
                let output = if one_pdf {
                    BatchOutput::OnePdf(path)
                } else {
                    BatchOutput::Folder(path)
                };
                let cancel = Arc::new(AtomicBool::new(false));
                self.cancel = Some(cancel.clone());
                self.progress = Some((0, list.len()));
                self.result = None;
                return Some(batch_task(list, output, env.store.clone(), cancel, lang));
            }
            Message::SaveOneTo(_, None) | Message::SaveAllTo(_, None) => {}
            Message::Progress(done, total) => self.progress = Some((done, total)),
            Message::Written(result) => {
                self.cancel = None;
                self.progress = None;
                self.result = Some(match result {
                    Ok(line) => (true, line),
                    Err(line) => (false, line),
                });
            }
            Message::CancelPressed => {
                if let Some(cancel) = &self.cancel {
                    cancel.store(true, Ordering::Relaxed);
                }
            }
            Message::CodeChanged(code) => self.code = code,
            Message::CheckPressed if !self.code.trim().is_empty() => {
                return Some(self.check_task(self.code.clone(), data, env));
            }
            Message::CheckPressed => {}
            Message::OpenPdfPressed => {
                return Some(file_dialog(
                    rfd::AsyncFileDialog::new()
                        .add_filter("PDF", &["pdf"])
                        .pick_file(),
                    Message::PdfPicked,
                ));
            }
            Message::PdfPicked(Some(path)) => {
                return Some(self.check_task(path.display().to_string(), data, env));
            }
            Message::PdfPicked(None) => {}
            Message::YearChanged(year) => {
                self.year = year.chars().filter(char::is_ascii_digit).take(4).collect();
            }
            Message::JpPressed => {
                let year = self.year();
                let (data, catalog, store) = (data.clone(), catalog.clone(), env.store.clone());
                return Some(Task::perform(
                    async move {
                        let settings =
                            HrSettings::load(store.root()).map_err(|e| e.message(lang))?;
                        Ok(Arc::new(jp::jp_per_person(
                            &records(&data),
                            &catalog,
                            &settings,
                            year,
                        )))
                    },
                    Message::JpCounted,
                ));
            }
            Message::JpCounted(Ok(people)) => self.jp = Some(people),
            Message::JpCounted(Err(line)) => self.jp_result = Some((false, line)),
            Message::JpExportPressed => {
                let name = format!("jp-{}.xlsx", self.year());
                return Some(file_dialog(
                    rfd::AsyncFileDialog::new()
                        .set_file_name(name)
                        .add_filter("Excel", &["xlsx"])
                        .add_filter("CSV", &["csv"])
                        .save_file(),
                    Message::JpExportTo,
                ));
            }
            Message::JpExportTo(Some(path)) => {
                let year = self.year();
                let (data, catalog, store) = (data.clone(), catalog.clone(), env.store.clone());
                return Some(Task::perform(
                    async move {
                        let settings =
                            HrSettings::load(store.root()).map_err(|e| e.message(lang))?;
                        let format = JpFormat::from_path(&path).unwrap_or(JpFormat::Xlsx);
                        let rows = jp::jp_rows(&records(&data), &catalog, &settings, year, lang);
                        jp::write_jp(&path, &rows, format, lang)
                            .map(|()| written(lang, &path))
                            .map_err(|e| e.message(lang))
                    },
                    Message::JpExported,
                ));
            }
            Message::JpExportTo(None) => {}
            Message::JpExported(result) => {
                self.jp_result = Some(match result {
                    Ok(line) => (true, line),
                    Err(line) => (false, line),
                });
            }
            Message::Checked(result) => {
                self.check = Some(match result {
                    Ok(verdict) => verdict,
                    Err(line) => (false, vec![line]),
                });
            }
        }
        None
    }

    /// The year typed, or this year.
    fn year(&self) -> i32 {
        use chrono::Datelike;
        self.year
            .parse()
            .ok()
            .filter(|year| (2000..=2100).contains(year))
            .unwrap_or_else(|| chrono::Local::now().year())
    }

    fn view_jp<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let mut items = column![
            widget::h3(ctx.t("hr-jp-title")),
            widget::muted(ctx, ctx.t("hr-jp-intro")),
            row![
                text_input(&self.year().to_string(), &self.year)
                    .id(YEAR)
                    .on_input(Message::YearChanged)
                    .on_submit(Message::JpPressed)
                    .size(widget::size::BODY)
                    .padding(10)
                    .width(Length::Fixed(120.0)),
                widget::primary(ctx, ctx.t("hr-jp-count"), Some(Message::JpPressed)),
                widget::secondary(ctx, ctx.t("hr-jp-export"), Some(Message::JpExportPressed)),
            ]
            .spacing(10)
            .wrap(),
        ]
        .spacing(10);
        if let Some(people) = &self.jp {
            let reached = people.iter().filter(|p| p.reached()).count();
            items = items.push(widget::body(ctx.t_args(
                "hr-jp-summary",
                &[
                    ("reached", &reached.to_string()),
                    ("total", &people.len().to_string()),
                    (
                        "target",
                        &people.first().map_or(0, |p| p.target).to_string(),
                    ),
                ],
            )));
            let short: Vec<&PersonJp> = people.iter().filter(|p| !p.reached()).collect();
            for person in short.iter().take(MAX_ROWS) {
                items = items.push(widget::body(format!(
                    "{} ({}) — {}: {} / {} JP",
                    person.name,
                    person.nip.as_deref().unwrap_or("-"),
                    person.unit,
                    person.jp,
                    person.target
                )));
            }
            if short.len() > MAX_ROWS {
                items = items.push(widget::muted(
                    ctx,
                    ctx.t_args(
                        "hr-more-rows",
                        &[("count", &(short.len() - MAX_ROWS).to_string())],
                    ),
                ));
            }
        }
        if let Some((ok, line)) = &self.jp_result {
            items = items.push(status_line(ctx, *ok, line.as_str()));
        }
        widget::card(ctx, items)
    }

    fn check_task(&self, what: String, data: &Arc<Snapshot>, env: &Env<'_>) -> Task<Message> {
        let (data, store, lang) = (data.clone(), env.store.clone(), env.lang);
        Task::perform(
            async move {
                let authority = certificate::authority(&store).map_err(|e| e.message(lang))?;
                match certificate::verdict(&what, &records(&data), &authority.key, lang) {
                    Ok(verdict) => Ok((verdict.stands, verdict.lines)),
                    Err(certificate::VerdictError::NotACode(line)) => Err(line),
                    Err(certificate::VerdictError::Unreadable(error)) => Err(error.message(lang)),
                }
            },
            Message::Checked,
        )
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, data: &'a Snapshot) -> Element<'a, Message> {
        let choice = |label: String, active: bool, message: Message| {
            if active {
                widget::primary(ctx, label, Some(message))
            } else {
                widget::secondary(ctx, label, Some(message))
            }
        };
        let mut units = vec![choice(
            ctx.t("hr-cert-everyone"),
            self.unit.is_none() && self.certificates.is_some(),
            Message::UnitPicked(None),
        )];
        for unit in data.board.units() {
            let label = if unit == OFF_ROSTER {
                ctx.t("hr-off-roster")
            } else {
                unit.clone()
            };
            units.push(choice(
                label,
                self.unit.as_deref() == Some(unit.as_str()),
                Message::UnitPicked(Some(unit)),
            ));
        }
        let mut items = vec![widget::card(
            ctx,
            column![
                widget::h3(ctx.t("hr-cert-title")),
                widget::muted(ctx, ctx.t("hr-cert-intro")),
                row(units).spacing(8).wrap(),
            ]
            .spacing(10),
        )];
        if let Some((ok, line)) = &self.result {
            items.push(status_line(ctx, *ok, line.as_str()));
        }
        if let Some(list) = &self.certificates {
            items.push(self.view_list(ctx, list));
        }
        items.push(self.view_check(ctx));
        items.push(self.view_jp(ctx));
        column(items).spacing(12).into()
    }

    fn view_list<'a>(&'a self, ctx: &Ctx<'a>, list: &'a [Certificate]) -> Element<'a, Message> {
        let busy = self.cancel.is_some();
        let mut lines = vec![widget::body(
            ctx.t_args("hr-cert-count", &[("count", &list.len().to_string())]),
        )];
        if !list.is_empty() {
            lines.push(
                row![
                    widget::primary(
                        ctx,
                        ctx.t("hr-cert-all-pdf"),
                        (!busy).then_some(Message::SaveAllPdfPressed)
                    ),
                    widget::secondary(
                        ctx,
                        ctx.t("hr-cert-all-folder"),
                        (!busy).then_some(Message::SaveAllFolderPressed)
                    ),
                    widget::secondary(
                        ctx,
                        ctx.t("hr-cert-cancel"),
                        busy.then_some(Message::CancelPressed)
                    ),
                ]
                .spacing(10)
                .wrap()
                .into(),
            );
        }
        if let Some((done, total)) = self.progress {
            lines.push(widget::body(ctx.t_args(
                "hr-cert-progress",
                &[("done", &done.to_string()), ("total", &total.to_string())],
            )));
        }
        for (index, certificate) in list.iter().enumerate().take(MAX_ROWS) {
            let title = certificate.module_title.get(ctx.lang);
            lines.push(
                row![
                    column![
                        text(certificate.name.as_str())
                            .size(widget::size::BODY)
                            .font(widget::BOLD),
                        widget::muted(
                            ctx,
                            format!(
                                "{} · {} · {} · {}% · {} JP · {}",
                                certificate.nip.as_deref().unwrap_or("-"),
                                title,
                                certificate.passed,
                                certificate.score,
                                certificate.jp,
                                certificate.code
                            )
                        ),
                    ]
                    .width(Length::Fill),
                    widget::secondary(
                        ctx,
                        ctx.t("hr-cert-save-one"),
                        (!busy).then_some(Message::SaveOnePressed(index))
                    ),
                ]
                .spacing(10)
                .align_y(iced::Alignment::Center)
                .into(),
            );
        }
        if list.len() > MAX_ROWS {
            lines.push(widget::muted(
                ctx,
                ctx.t_args(
                    "hr-more-rows",
                    &[("count", &(list.len() - MAX_ROWS).to_string())],
                ),
            ));
        }
        widget::card(ctx, column(lines).spacing(8))
    }

    fn view_check<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let mut items = column![
            widget::h3(ctx.t("hr-cert-check-title")),
            widget::muted(ctx, ctx.t("hr-cert-check-intro")),
            row![
                text_input(&ctx.t("hr-cert-code-hint"), &self.code)
                    .id(CODE)
                    .on_input(Message::CodeChanged)
                    .on_submit(Message::CheckPressed)
                    .size(widget::size::BODY)
                    .padding(10)
                    .width(Length::Fixed(260.0)),
                widget::primary(
                    ctx,
                    ctx.t("hr-cert-check"),
                    (!self.code.trim().is_empty()).then_some(Message::CheckPressed)
                ),
                widget::secondary(
                    ctx,
                    ctx.t("hr-cert-open-pdf"),
                    Some(Message::OpenPdfPressed)
                ),
            ]
            .spacing(10)
            .wrap(),
        ]
        .spacing(10);
        if let Some((ok, lines)) = &self.check {
            for line in lines {
                items = items.push(status_line(ctx, *ok, line.as_str()));
            }
        }
        widget::card(ctx, items)
    }
}

fn records(data: &Snapshot) -> Records<'_> {
    Records {
        learners: &data.people,
        attempts: &data.loaded.attempts,
        verification: &data.verification,
    }
}

/// The learner profiles of the people in `unit` (everyone for `None`), each with the unit the
/// certificate prints: the roster's, where the person is on it.
fn people_of(data: &Snapshot, unit: Option<&str>) -> Vec<(uuid::Uuid, String)> {
    let board = &data.board;
    board
        .people
        .iter()
        .filter(|person| unit.is_none_or(|unit| board.group_of(person) == unit))
        .flat_map(|person| {
            person
                .learners
                .iter()
                .map(|learner| (*learner, person.unit.clone()))
        })
        .collect()
}

fn written(lang: Lang, path: &std::path::Path) -> String {
    crate::i18n::tr_args(
        lang,
        "records-written",
        &[("file", &path.display().to_string())],
    )
}

/// Writes many certificates on a worker thread, streaming progress; cancel stops between PDFs.
fn batch_task(
    list: Arc<Vec<Certificate>>,
    output: BatchOutput,
    store: crate::records::Store,
    cancel: Arc<AtomicBool>,
    lang: Lang,
) -> Task<Message> {
    let stream = iced::stream::channel(
        16,
        move |mut out: iced::futures::channel::mpsc::Sender<Message>| async move {
            let (events, mut received) = iced::futures::channel::mpsc::unbounded();
            std::thread::spawn(move || {
                let done = HrSettings::load(store.root())
                    .map_err(|e| e.message(lang))
                    .and_then(|settings| {
                        let progress = events.clone();
                        certificate::write_batch(
                            &list,
                            &settings,
                            lang,
                            &output,
                            &mut |p| {
                                let _ = progress.unbounded_send(Message::Progress(p.done, p.total));
                            },
                            &cancel,
                        )
                        .map(|report| {
                            crate::i18n::tr_args(
                                lang,
                                "hr-cert-written",
                                &[
                                    ("count", &report.certificates.to_string()),
                                    ("files", &report.files.len().to_string()),
                                ],
                            )
                        })
                        .map_err(|e| e.message(lang))
                    });
                let _ = events.unbounded_send(Message::Written(done));
            });
            while let Some(message) = received.next().await {
                if out.send(message).await.is_err() {
                    break;
                }
            }
        },
    );
    Task::run(stream, |message| message)
}
