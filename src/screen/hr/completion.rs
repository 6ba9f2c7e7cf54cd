//! Completion by unit and module: filters, a bar chart, the unit table, and drill-down from a
//! unit to its people and from a person to every attempt with its verification status.

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use crate::app::Ctx;
use crate::hr::completion::{Counts, Filter, OFF_ROSTER, Standing, Tally};
use crate::hr::completion_csv;
use crate::hr::snapshot::Snapshot;
use crate::records::Status;
use crate::screen::hr::{Env, dated, to_top};
use crate::theme;
use crate::widget;

/// Lists longer than this are cut, with a note to narrow the search: drawing 10,000 rows would
/// make every keystroke slow.
pub const MAX_ROWS: usize = 200;
pub const SEARCH: &str = "hr_search";
pub const FROM: &str = "hr_from";
pub const TO: &str = "hr_to";

#[derive(Debug, Default)]
pub struct CompletionTab {
    pub filter: Filter,
    pub tally: Tally,
    from_text: String,
    to_text: String,
    date_error: bool,
    /// The person opened from the unit's list (index into the board).
    pub person: Option<usize>,
    export_result: Option<(bool, String)>,
}

#[derive(Debug, Clone)]
pub enum Message {
    ModulePicked(Option<String>),
    UnitPicked(Option<String>),
    FromChanged(String),
    ToChanged(String),
    SearchChanged(String),
    ClearPressed,
    PersonPicked(Option<usize>),
    ExportUnitsPressed,
    ExportPeoplePressed,
    ExportTo(Which, Option<PathBuf>),
    Exported(Result<String, String>),
}

#[derive(Debug, Clone, Copy)]
pub enum Which {
    Units,
    People,
}

impl CompletionTab {
    /// New records arrived: count again under the same filter.
    pub fn refresh(&mut self, data: &Snapshot) {
        self.tally = data.board.tally(&self.filter);
        if self.person.is_some_and(|p| p >= data.board.people.len()) {
            self.person = None;
        }
    }

    pub fn update(
        &mut self,
        message: Message,
        data: &Snapshot,
        env: &Env<'_>,
    ) -> Option<Task<Message>> {
        let mut scroll = false;
        match message {
            Message::ModulePicked(module) => self.filter.module = module,
            Message::UnitPicked(unit) => {
                self.filter.unit = unit;
                self.person = None;
                scroll = true;
            }
            Message::FromChanged(value) => {
                self.from_text = value;
                self.parse_dates();
            }
            Message::ToChanged(value) => {
                self.to_text = value;
                self.parse_dates();
            }
            Message::SearchChanged(value) => self.filter.search = value,
            Message::ClearPressed => {
                *self = CompletionTab::default();
            }
            Message::PersonPicked(person) => {
                self.person = person;
                self.refresh(data);
                return Some(to_top());
            }
            Message::ExportUnitsPressed | Message::ExportPeoplePressed => {
                let which = if matches!(message, Message::ExportUnitsPressed) {
                    Which::Units
                } else {
                    Which::People
                };
                let name = match which {
                    Which::Units => dated("penyelesaian-unit", "csv"),
                    Which::People => dated("penyelesaian-pegawai", "csv"),
                };
                return Some(Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_file_name(name)
                            .add_filter("CSV", &["csv"])
                            .save_file()
                            .await
                            .map(|file| file.path().to_path_buf())
                    },
                    move |path| Message::ExportTo(which, path),
                ));
            }
            Message::ExportTo(_, None) => return None,
            Message::ExportTo(which, Some(path)) => {
                return Some(self.export(which, path, data, env));
            }
            Message::Exported(result) => {
                self.export_result = Some(match result {
                    Ok(line) => (true, line),
                    Err(line) => (false, line),
                });
                return None;
            }
        }
        self.refresh(data);
        scroll.then(to_top)
    }

    /// Writes the CSV of what the screen shows now (same filter, same tally).
    pub fn export(
        &self,
        which: Which,
        path: PathBuf,
        data: &Snapshot,
        env: &Env<'_>,
    ) -> Task<Message> {
        let lang = env.lang;
        let filter = self.filter.clone();
        let tally = self.tally.clone();
        let board = data.board.clone();
        Task::perform(
            async move {
                let written = crate::records::write_atomic_with(&path, |out| match which {
                    Which::Units => completion_csv::units_csv(out, &tally, &filter, lang),
                    Which::People => completion_csv::people_csv(out, &board, &tally, &filter, lang),
                });
                let file = path.display().to_string();
                match written {
                    Ok(()) => Ok(crate::i18n::tr_args(
                        lang,
                        "records-written",
                        &[("file", &file)],
                    )),
                    Err(error) => Err(crate::i18n::tr_args(
                        lang,
                        "hr-export-failed",
                        &[("file", &file), ("detail", &error.to_string())],
                    )),
                }
            },
            Message::Exported,
        )
    }

    fn parse_dates(&mut self) {
        let parse = |text: &str| -> Result<Option<NaiveDate>, ()> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(text, "%d-%m-%Y"))
                .map(Some)
                .map_err(|_| ())
        };
        match (parse(&self.from_text), parse(&self.to_text)) {
            (Ok(from), Ok(to)) => {
                self.filter.from = from;
                self.filter.to = to;
                self.date_error = false;
            }
            // A half-typed date keeps the last good filter and says so.
            _ => self.date_error = true,
        }
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, data: &'a Snapshot) -> Element<'a, Message> {
        if let Some(person) = self.person {
            return self.view_person(ctx, data, person);
        }
        let mut page = column![self.view_filters(ctx, data)].spacing(16);
        if data.board.people.is_empty() {
            return page.push(widget::body(ctx.t("hr-no-people"))).into();
        }
        page = page.push(self.view_chart(ctx));
        page = match &self.filter.unit {
            None => page.push(self.view_units(ctx)),
            Some(unit) => page.push(self.view_people(ctx, data, unit)),
        };
        page.into()
    }

    fn view_filters<'a>(&'a self, ctx: &Ctx<'a>, data: &'a Snapshot) -> Element<'a, Message> {
        let choice = |label: String, active: bool, message: Message| {
            if active {
                widget::primary(ctx, label, Some(message))
            } else {
                widget::secondary(ctx, label, Some(message))
            }
        };
        let mut modules = vec![choice(
            ctx.t("hr-all-modules"),
            self.filter.module.is_none(),
            Message::ModulePicked(None),
        )];
        for id in &data.board.modules {
            let title = ctx
                .catalog
                .module(id)
                .map_or_else(|| id.clone(), |m| m.title.get(ctx.lang).clone());
            modules.push(choice(
                title,
                self.filter.module.as_deref() == Some(id),
                Message::ModulePicked(Some(id.clone())),
            ));
        }
        let field =
            |id: &'static str, hint: String, value: &'a str, on_input: fn(String) -> Message| {
                text_input(&hint, value)
                    .id(id)
                    .on_input(on_input)
                    .size(widget::size::BODY)
                    .padding(8)
                    .width(Length::Fixed(170.0))
            };
        let mut dates = column![
            row![
                column![
                    widget::body(ctx.t("hr-from")),
                    field(
                        FROM,
                        ctx.t("hr-date-hint"),
                        &self.from_text,
                        Message::FromChanged
                    )
                ]
                .spacing(4),
                column![
                    widget::body(ctx.t("hr-to")),
                    field(TO, ctx.t("hr-date-hint"), &self.to_text, Message::ToChanged)
                ]
                .spacing(4),
                column![
                    widget::body(ctx.t("hr-search")),
                    text_input(&ctx.t("hr-search-hint"), &self.filter.search)
                        .id(SEARCH)
                        .on_input(Message::SearchChanged)
                        .size(widget::size::BODY)
                        .padding(8)
                        .width(Length::Fixed(260.0)),
                ]
                .spacing(4),
            ]
            .spacing(12)
            .wrap()
        ];
        if self.date_error {
            dates = dates.push(
                text(ctx.t("hr-date-error"))
                    .size(widget::size::BODY)
                    .style(theme::texts::danger(ctx.colors)),
            );
        }
        let mut actions = row![
            widget::secondary(ctx, ctx.t("hr-clear-filters"), Some(Message::ClearPressed)),
            widget::secondary(
                ctx,
                ctx.t("hr-export-units"),
                Some(Message::ExportUnitsPressed)
            ),
            widget::secondary(
                ctx,
                ctx.t("hr-export-people"),
                Some(Message::ExportPeoplePressed)
            ),
        ]
        .spacing(10);
        if let Some((ok, line)) = &self.export_result {
            actions = actions.push(super::status_line(ctx, *ok, line));
        }
        let actions = actions.wrap();
        widget::card(
            ctx,
            column![
                widget::h3(ctx.t("hr-filters")),
                row(modules).spacing(8).wrap(),
                dates,
                actions,
            ]
            .spacing(10),
        )
    }

    /// The selected modules' counts summed over the row, for the chart and the table.
    fn counts_of(&self, modules: &std::collections::BTreeMap<String, Counts>) -> Counts {
        let mut sum = Counts::default();
        for counts in modules.values() {
            for (i, n) in counts.0.iter().enumerate() {
                sum.0[i] += n;
            }
        }
        sum
    }

    fn unit_label(ctx: &Ctx<'_>, unit: &str) -> String {
        if unit == OFF_ROSTER {
            ctx.t("hr-off-roster")
        } else {
            unit.to_owned()
        }
    }

    /// A horizontal stacked bar per unit (or for the one unit open), drawn with containers so
    /// it scales with the text size and needs no canvas.
    fn view_chart<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let colors = ctx.colors;
        let fills = [colors.success, colors.primary, colors.muted, colors.danger];
        let legend = row(Standing::ALL
            .into_iter()
            .zip(fills)
            .map(|(standing, color)| {
                row![
                    container(text(""))
                        .width(Length::Fixed(16.0))
                        .height(Length::Fixed(16.0))
                        .style(theme::containers::swatch(color)),
                    widget::body(ctx.t(standing.key())),
                ]
                .spacing(6)
                .align_y(Alignment::Center)
                .into()
            }))
        .spacing(16)
        .wrap();
        let bars = self.tally.units.iter().take(MAX_ROWS).map(|unit| {
            let counts = self.counts_of(&unit.modules);
            let total = counts.total().max(1);
            let segments = Standing::ALL
                .into_iter()
                .zip(fills)
                .filter_map(|(standing, color)| {
                    let n = counts.get(standing);
                    // Parts of a thousand, so a small share still shows as a sliver.
                    let share = u16::try_from((n * 1000).div_ceil(total)).unwrap_or(1000);
                    (n > 0).then(|| {
                        container(text(""))
                            .width(Length::FillPortion(share.max(1)))
                            .height(Length::Fixed(18.0))
                            .style(theme::containers::swatch(color))
                            .into()
                    })
                });
            column![
                widget::body(format!(
                    "{} — {}% {}",
                    Self::unit_label(ctx, &unit.unit),
                    counts.percent(Standing::Passed),
                    ctx.t("hr-standing-passed").to_lowercase()
                )),
                row(segments).width(Length::Fill),
            ]
            .spacing(4)
            .into()
        });
        widget::card(
            ctx,
            column![
                widget::h3(ctx.t("hr-chart-title")),
                legend,
                column(bars).spacing(10)
            ]
            .spacing(10),
        )
    }

    fn cell<'a>(content: impl Into<Element<'a, Message>>, portion: u16) -> Element<'a, Message> {
        container(content)
            .width(Length::FillPortion(portion))
            .into()
    }

    fn counts_cells<'a>(counts: Counts) -> Vec<Element<'a, Message>> {
        Standing::ALL
            .into_iter()
            .map(|standing| {
                Self::cell(
                    widget::body(format!(
                        "{} ({}%)",
                        counts.get(standing),
                        counts.percent(standing)
                    )),
                    2,
                )
            })
            .collect()
    }

    fn header_row<'a>(ctx: &Ctx<'_>, first: String) -> Element<'a, Message> {
        let mut cells = vec![
            Self::cell(text(first).size(widget::size::BODY).font(widget::BOLD), 4),
            Self::cell(
                text(ctx.t("hr-col-people"))
                    .size(widget::size::BODY)
                    .font(widget::BOLD),
                1,
            ),
        ];
        cells.extend(Standing::ALL.into_iter().map(|s| {
            Self::cell(
                text(ctx.t(s.key()))
                    .size(widget::size::BODY)
                    .font(widget::BOLD),
                2,
            )
        }));
        // The same inset as the rows below it, which are buttons with padding.
        container(row(cells).spacing(8)).padding([0, 9]).into()
    }

    fn view_units<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let mut rows = vec![
            widget::muted(ctx, ctx.t("hr-units-intro")),
            Self::header_row(ctx, ctx.t("hr-col-unit")),
        ];
        for unit in &self.tally.units {
            let counts = self.counts_of(&unit.modules);
            let mut cells = vec![
                Self::cell(widget::body(Self::unit_label(ctx, &unit.unit)), 4),
                Self::cell(widget::body(unit.people.to_string()), 1),
            ];
            cells.extend(Self::counts_cells(counts));
            let line = button(row(cells).spacing(8))
                .width(Length::Fill)
                .padding([6, 8])
                .style(theme::buttons::row(ctx.colors));
            rows.push(widget::button_with(
                ctx,
                line,
                Some(Message::UnitPicked(Some(unit.unit.clone()))),
            ));
        }
        let total = self.counts_of(&self.tally.totals);
        let mut cells = vec![
            Self::cell(
                text(ctx.t("hr-total"))
                    .size(widget::size::BODY)
                    .font(widget::BOLD),
                4,
            ),
            Self::cell(widget::body(self.tally.people.len().to_string()), 1),
        ];
        cells.extend(Self::counts_cells(total));
        rows.push(container(row(cells).spacing(8)).padding([6, 8]).into());
        widget::card(ctx, column(rows).spacing(4))
    }

    fn view_people<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        data: &'a Snapshot,
        unit: &'a str,
    ) -> Element<'a, Message> {
        let board = &data.board;
        let modules: Vec<usize> = match &self.filter.module {
            Some(module) => board.module_index(module).into_iter().collect(),
            None => (0..board.modules.len()).collect(),
        };
        let mut rows = vec![
            widget::secondary(ctx, ctx.t("hr-all-units"), Some(Message::UnitPicked(None))),
            widget::h2(Self::unit_label(ctx, unit)),
        ];
        if let Some(row) = self.tally.units.first() {
            let mut cells = vec![
                Self::cell(widget::body(ctx.t("hr-total")), 4),
                Self::cell(widget::body(row.people.to_string()), 1),
            ];
            cells.extend(Self::counts_cells(self.counts_of(&row.modules)));
            rows.push(Self::header_row(ctx, ctx.t("hr-col-unit")));
            rows.push(iced::widget::row(cells).spacing(8).into());
        }
        for &index in self.tally.people.iter().take(MAX_ROWS) {
            let person = &board.people[index];
            let standings = modules.iter().map(|&m| {
                let standing = board.standing(index, m, &self.filter);
                let title = ctx.catalog.module(&board.modules[m]).map_or_else(
                    || board.modules[m].clone(),
                    |m| m.title.get(ctx.lang).clone(),
                );
                widget::muted(ctx, format!("{title}: {}", ctx.t(standing.key())))
            });
            let who = column![
                text(person.name.as_str())
                    .size(widget::size::BODY)
                    .font(widget::BOLD),
                widget::muted(
                    ctx,
                    person.nip.clone().unwrap_or_else(|| ctx.t("hr-no-nip"))
                ),
            ];
            let line = button(
                row![
                    container(who).width(Length::FillPortion(2)),
                    container(column(standings).spacing(2)).width(Length::FillPortion(3)),
                ]
                .spacing(12),
            )
            .width(Length::Fill)
            .padding([6, 8])
            .style(theme::buttons::row(ctx.colors));
            rows.push(widget::button_with(
                ctx,
                line,
                Some(Message::PersonPicked(Some(index))),
            ));
        }
        if self.tally.people.len() > MAX_ROWS {
            rows.push(widget::muted(
                ctx,
                ctx.t_args(
                    "hr-more-rows",
                    &[("count", &(self.tally.people.len() - MAX_ROWS).to_string())],
                ),
            ));
        }
        widget::card(ctx, column(rows).spacing(6))
    }

    fn view_person<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        data: &'a Snapshot,
        index: usize,
    ) -> Element<'a, Message> {
        let person = &data.board.people[index];
        let mut items = vec![
            widget::secondary(ctx, ctx.t("common-back"), Some(Message::PersonPicked(None))),
            widget::h2(person.name.as_str()),
            widget::body(format!(
                "{}: {}",
                ctx.t("hr-col-nip"),
                person.nip.clone().unwrap_or_else(|| ctx.t("hr-no-nip"))
            )),
            widget::body(format!("{}: {}", ctx.t("hr-col-unit"), person.unit)),
        ];
        if data.board.has_roster && !person.on_roster {
            items.push(widget::muted(ctx, ctx.t("hr-off-roster")));
        }
        let mut attempts: Vec<_> = data
            .loaded
            .attempts
            .iter()
            .filter(|a| person.learners.contains(&a.learner))
            .collect();
        attempts.sort_by_key(|a| std::cmp::Reverse(a.finished));
        let voided = data.verification.voided();
        items.push(widget::h3(ctx.t("hr-attempts")));
        if attempts.is_empty() {
            items.push(widget::body(ctx.t("hr-no-attempts")));
        }
        for attempt in attempts {
            let status = data.verification.status_of(&attempt.id);
            let module = ctx
                .catalog
                .module(&attempt.module)
                .map_or_else(|| attempt.module.clone(), |m| m.title.get(ctx.lang).clone());
            let mode = match (&attempt.session, attempt.mode) {
                // A trainer's session test says which session and which test.
                (Some(tag), _) => ctx.t_args(
                    match tag.phase {
                        crate::training::TestPhase::Pre => "hr-mode-session-pre",
                        crate::training::TestPhase::Post => "hr-mode-session-post",
                    },
                    &[("code", &tag.token)],
                ),
                (None, crate::quiz::Mode::Exam) => ctx.t("hr-mode-exam"),
                (None, crate::quiz::Mode::Practice) => ctx.t("hr-mode-practice"),
            };
            let verdict = if voided.contains(&attempt.id) {
                ctx.t("hr-voided")
            } else {
                status.label(ctx.lang)
            };
            let style = theme::texts::colored(
                if status == Status::Valid && !voided.contains(&attempt.id) {
                    ctx.colors.success
                } else {
                    ctx.colors.danger
                },
            );
            items.push(widget::card(
                ctx,
                column![
                    text(format!("{module} — {mode}"))
                        .size(widget::size::BODY)
                        .font(widget::BOLD),
                    widget::body(format!(
                        "{} · {}% · {}",
                        attempt
                            .finished
                            .with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M"),
                        attempt.score.percent(),
                        if attempt.passed {
                            ctx.t("hr-standing-passed")
                        } else {
                            ctx.t("hr-not-passed")
                        }
                    )),
                    text(verdict).size(widget::size::BODY).style(style),
                    widget::muted(ctx, attempt.id.to_string()),
                ]
                .spacing(4),
            ));
        }
        column(items).spacing(8).into()
    }
}
