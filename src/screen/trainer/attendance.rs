//! The attendance tab (*daftar hadir*): one field to mark people present from the keyboard (type
//! part of a name or NIP, Enter), people added from the roster, by typing, or from a CSV/.xlsx.
//!
//! The field searches the session's list first, then HR's roster: Enter marks the first match
//! present, adding a walk-in from the roster on the way, and clears the field for the next
//! person, so a room of 40 takes well under five minutes.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Utc;
use iced::widget::{column, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::app::Ctx;
use crate::hr::roster::{Employee, Parsed, Roster, RosterError};
use crate::screen::hr::status_line;
use crate::training::session::{AddError, Added, Session};
use crate::widget;

pub const MARK_FIELD: &str = "attendance_mark";
pub const NIP_FIELD: &str = "attendance_nip";
/// Matches shown under the field.
const SHOWN: usize = 6;
/// Rows of the list shown at once (the PDF and CSV hold everyone).
const LIST_ROWS: usize = 300;

#[derive(Debug, Clone, Default)]
pub struct Attendance {
    typed: String,
    nip: String,
    name: String,
    unit: String,
    /// The last thing done, for the line under the field.
    status: Option<(bool, String)>,
    /// Bad rows of the last file import.
    file_problems: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Typed(String),
    Submitted,
    Mark(String, bool),
    AddListed(String),
    Remove(String),
    NipChanged(String),
    NameChanged(String),
    UnitChanged(String),
    AddPressed,
    FilePressed,
    FilePicked(Option<PathBuf>),
    FileRead(Arc<Result<Parsed, RosterError>>),
}

pub enum Outcome {
    None,
    /// The session changed: save it.
    Changed,
    Run(Task<Message>),
}

/// A person the field found: on the list already, or only on HR's roster.
enum Found<'a> {
    Listed(&'a crate::training::Participant),
    Roster(&'a Employee),
}

fn roster_matches<'a>(
    roster: Option<&'a Roster>,
    session: &Session,
    typed: &str,
) -> Vec<&'a Employee> {
    let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
    let Some(roster) = roster else {
        return Vec::new();
    };
    if words.is_empty() || typed.trim().chars().count() < 3 {
        return Vec::new();
    }
    roster
        .employees()
        .iter()
        .filter(|e| session.participant(&e.nip).is_none())
        .filter(|e| {
            let name = e.name.to_lowercase();
            words
                .iter()
                .all(|w| name.contains(w.as_str()) || e.nip.contains(w.as_str()))
        })
        .take(SHOWN)
        .collect()
}

fn found<'a>(session: &'a Session, roster: Option<&'a Roster>, typed: &str) -> Vec<Found<'a>> {
    let mut all: Vec<Found<'a>> = session
        .search(typed)
        .into_iter()
        .take(SHOWN)
        .map(Found::Listed)
        .collect();
    if all.len() < SHOWN {
        all.extend(
            roster_matches(roster, session, typed)
                .into_iter()
                .take(SHOWN - all.len())
                .map(Found::Roster),
        );
    }
    all
}

impl Attendance {
    pub fn update(
        &mut self,
        message: Message,
        session: &mut Session,
        roster: Option<&Roster>,
        lang: crate::lang::Lang,
    ) -> Outcome {
        let t = |key: &str, args: &[(&str, &str)]| crate::i18n::tr_args(lang, key, args);
        let now = Utc::now();
        match message {
            Message::Typed(typed) => {
                self.typed = typed;
                Outcome::None
            }
            Message::Submitted => {
                let first =
                    found(session, roster, &self.typed)
                        .into_iter()
                        .next()
                        .map(|f| match f {
                            Found::Listed(p) => (p.nip.clone(), None),
                            Found::Roster(e) => (e.nip.clone(), Some(e.clone())),
                        });
                match first {
                    None => {
                        self.status = Some((
                            false,
                            t("trainer-att-none-found", &[("typed", self.typed.trim())]),
                        ));
                        Outcome::None
                    }
                    Some((nip, from_roster)) => {
                        if let Some(employee) = from_roster
                            && session
                                .add(
                                    &employee.nip,
                                    &employee.name,
                                    &employee.unit,
                                    employee.position.clone(),
                                    Added::Roster,
                                    now,
                                )
                                .is_err()
                        {
                            return Outcome::None;
                        }
                        session.set_present(&nip, true, now);
                        self.marked(session, &nip, lang);
                        self.typed.clear();
                        Outcome::Changed
                    }
                }
            }
            Message::Mark(nip, present) => {
                if session.set_present(&nip, present, now) {
                    if present {
                        self.marked(session, &nip, lang);
                    }
                    Outcome::Changed
                } else {
                    Outcome::None
                }
            }
            Message::AddListed(nip) => {
                let Some(employee) = roster.and_then(|r| r.by_nip(&nip)).cloned() else {
                    return Outcome::None;
                };
                match session.add(
                    &employee.nip,
                    &employee.name,
                    &employee.unit,
                    employee.position,
                    Added::Roster,
                    now,
                ) {
                    Ok(()) => {
                        session.set_present(&nip, true, now);
                        self.marked(session, &nip, lang);
                        self.typed.clear();
                        Outcome::Changed
                    }
                    Err(error) => {
                        self.status = Some((false, add_error(&error, lang)));
                        Outcome::None
                    }
                }
            }
            Message::Remove(nip) => {
                if session.remove(&nip, now) {
                    Outcome::Changed
                } else {
                    Outcome::None
                }
            }
            Message::NipChanged(value) => {
                self.nip = value;
                Outcome::None
            }
            Message::NameChanged(value) => {
                self.name = value;
                Outcome::None
            }
            Message::UnitChanged(value) => {
                self.unit = value;
                Outcome::None
            }
            Message::AddPressed => {
                match session.add(&self.nip, &self.name, &self.unit, None, Added::Typed, now) {
                    Ok(()) => {
                        self.status =
                            Some((true, t("trainer-att-added", &[("name", self.name.trim())])));
                        self.nip.clear();
                        self.name.clear();
                        self.unit.clear();
                        Outcome::Changed
                    }
                    Err(error) => {
                        self.status = Some((false, add_error(&error, lang)));
                        Outcome::None
                    }
                }
            }
            Message::FilePressed => Outcome::Run(crate::screen::file_dialog(
                rfd::AsyncFileDialog::new()
                    .add_filter("CSV / Excel", &["csv", "xlsx", "txt"])
                    .pick_file(),
                Message::FilePicked,
            )),
            Message::FilePicked(None) => Outcome::None,
            Message::FilePicked(Some(path)) => Outcome::Run(Task::perform(
                async move {
                    Arc::new(crate::hr::roster::parse_file(
                        &path,
                        chrono::Local::now().date_naive(),
                    ))
                },
                Message::FileRead,
            )),
            Message::FileRead(result) => match result.as_ref() {
                Err(error) => {
                    self.status = Some((false, error.message(lang)));
                    self.file_problems.clear();
                    Outcome::None
                }
                Ok(parsed) => {
                    let mut added = 0;
                    let mut already = 0;
                    for (_, employee) in &parsed.rows {
                        match session.add(
                            &employee.nip,
                            &employee.name,
                            &employee.unit,
                            employee.position.clone(),
                            Added::File,
                            now,
                        ) {
                            Ok(()) => added += 1,
                            Err(_) => already += 1,
                        }
                    }
                    self.file_problems = parsed
                        .bad
                        .iter()
                        .map(|bad| {
                            t(
                                "trainer-att-bad-row",
                                &[
                                    ("line", &bad.line.to_string()),
                                    ("nip", &bad.nip_text),
                                    ("reason", &bad.reason.message(lang)),
                                ],
                            )
                        })
                        .collect();
                    self.status = Some((
                        parsed.bad.is_empty(),
                        t(
                            "trainer-att-file-added",
                            &[
                                ("added", &added.to_string()),
                                ("already", &already.to_string()),
                                ("bad", &parsed.bad.len().to_string()),
                            ],
                        ),
                    ));
                    if added > 0 {
                        Outcome::Changed
                    } else {
                        Outcome::None
                    }
                }
            },
        }
    }

    fn marked(&mut self, session: &Session, nip: &str, lang: crate::lang::Lang) {
        if let Some(person) = session.participant(nip) {
            self.status = Some((
                true,
                crate::i18n::tr_args(
                    lang,
                    "trainer-att-marked",
                    &[
                        ("name", &person.name),
                        ("present", &session.present_count().to_string()),
                        ("listed", &session.listed().count().to_string()),
                    ],
                ),
            ));
        }
    }

    pub fn view<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        session: &'a Session,
        roster: Option<&'a Roster>,
    ) -> Element<'a, Message> {
        let open = session.is_open();
        let field = text_input(&ctx.t("trainer-att-mark-hint"), &self.typed)
            .id(MARK_FIELD)
            .on_input_maybe(open.then_some(Message::Typed))
            .on_submit_maybe(open.then_some(Message::Submitted))
            .size(widget::size::BODY)
            .padding(10);
        let mut mark = column![
            widget::h3(ctx.t("trainer-att-mark-title")),
            widget::muted(ctx, ctx.t("trainer-att-mark-intro")),
            field,
        ]
        .spacing(8);
        if let Some((ok, line)) = &self.status {
            mark = mark.push(status_line(ctx, *ok, line.as_str()));
        }
        for item in found(session, roster, &self.typed) {
            mark = mark.push(match item {
                Found::Listed(person) => row![
                    text(format!(
                        "{} · {} · {}",
                        person.name, person.nip, person.unit
                    ))
                    .size(widget::size::BODY)
                    .width(Length::Fill),
                    if person.present.is_some() {
                        widget::muted(ctx, ctx.t("trainer-att-present"))
                    } else {
                        widget::secondary(
                            ctx,
                            ctx.t("trainer-att-mark"),
                            open.then(|| Message::Mark(person.nip.clone(), true)),
                        )
                    },
                ]
                .spacing(10)
                .align_y(Alignment::Center),
                Found::Roster(employee) => row![
                    text(format!(
                        "{} · {} · {} ({})",
                        employee.name,
                        employee.nip,
                        employee.unit,
                        ctx.t("trainer-att-from-roster")
                    ))
                    .size(widget::size::BODY)
                    .width(Length::Fill),
                    widget::secondary(
                        ctx,
                        ctx.t("trainer-att-add-mark"),
                        open.then(|| Message::AddListed(employee.nip.clone())),
                    ),
                ]
                .spacing(10)
                .align_y(Alignment::Center),
            });
        }
        let add = column![
            widget::h3(ctx.t("trainer-att-add-title")),
            row![
                text_input(&ctx.t("trainer-att-nip"), &self.nip)
                    .id(NIP_FIELD)
                    .on_input_maybe(open.then_some(Message::NipChanged))
                    .size(widget::size::BODY)
                    .padding(10),
                text_input(&ctx.t("trainer-att-name"), &self.name)
                    .on_input_maybe(open.then_some(Message::NameChanged))
                    .size(widget::size::BODY)
                    .padding(10),
            ]
            .spacing(10),
            row![
                text_input(&ctx.t("trainer-att-unit"), &self.unit)
                    .on_input_maybe(open.then_some(Message::UnitChanged))
                    .on_submit_maybe(open.then_some(Message::AddPressed))
                    .size(widget::size::BODY)
                    .padding(10),
                widget::secondary(
                    ctx,
                    ctx.t("trainer-att-add"),
                    open.then_some(Message::AddPressed)
                ),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
            row![
                widget::secondary(
                    ctx,
                    ctx.t("trainer-att-from-file"),
                    open.then_some(Message::FilePressed)
                ),
                widget::muted(ctx, ctx.t("trainer-att-from-file-hint")),
            ]
            .spacing(10)
            .align_y(Alignment::Center)
            .wrap(),
        ]
        .spacing(8);
        let mut add = add;
        for problem in &self.file_problems {
            add = add.push(status_line(ctx, false, problem.as_str()));
        }
        let listed: Vec<_> = session.listed().collect();
        let mut list = column![widget::h3(ctx.t_args(
            "trainer-att-list-title",
            &[
                ("present", &session.present_count().to_string()),
                ("listed", &listed.len().to_string()),
            ],
        ))]
        .spacing(6);
        if listed.is_empty() {
            list = list.push(widget::muted(ctx, ctx.t("trainer-att-empty")));
        }
        for (number, person) in listed.iter().enumerate().take(LIST_ROWS) {
            let present = person.present.is_some();
            list = list.push(
                row![
                    text(format!("{}.", number + 1))
                        .size(widget::size::BODY)
                        .width(Length::Fixed(44.0)),
                    column![
                        widget::body(person.name.as_str()),
                        widget::muted(ctx, format!("{} · {}", person.nip, person.unit)),
                    ]
                    .width(Length::Fill),
                    if present {
                        widget::secondary(
                            ctx,
                            ctx.t("trainer-att-unmark"),
                            open.then(|| Message::Mark(person.nip.clone(), false)),
                        )
                    } else {
                        widget::secondary(
                            ctx,
                            ctx.t("trainer-att-mark"),
                            open.then(|| Message::Mark(person.nip.clone(), true)),
                        )
                    },
                    widget::secondary(
                        ctx,
                        ctx.t("trainer-att-remove"),
                        open.then(|| Message::Remove(person.nip.clone())),
                    ),
                ]
                .spacing(10)
                .align_y(Alignment::Center),
            );
        }
        if listed.len() > LIST_ROWS {
            list = list.push(widget::muted(
                ctx,
                ctx.t_args(
                    "trainer-att-more",
                    &[("count", &(listed.len() - LIST_ROWS).to_string())],
                ),
            ));
        }
        column![
            widget::card(ctx, mark),
            widget::card(ctx, add),
            widget::card(ctx, list)
        ]
        .spacing(16)
        .into()
    }
}

fn add_error(error: &AddError, lang: crate::lang::Lang) -> String {
    match error {
        AddError::Nip(error) => error.message(lang),
        AddError::Name => crate::i18n::tr(lang, "trainer-att-error-name"),
        AddError::Duplicate => crate::i18n::tr(lang, "trainer-att-error-duplicate"),
    }
}
