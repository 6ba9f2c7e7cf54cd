//! Records to review: every item that does not verify or waits for HR, what it means in plain
//! words, and what HR can do about it. Every decision needs the decider's name and the admin
//! PIN again, and is saved as a signed record (an approval or a correction).

use chrono::Utc;
use iced::widget::{column, row, text, text_input};
use iced::{Element, Length, Task};

use crate::app::Ctx;
use crate::hr::pin;
use crate::hr::review::Item;
use crate::hr::snapshot::Snapshot;
use crate::lang::Lang;
use crate::records::decide::{self, Corrected, DeviceDecided};
use crate::records::trust::Decision;
use crate::records::{CorrectionKind, Store};
use crate::screen::hr::Env;
use crate::screen::hr::completion::MAX_ROWS;
use crate::theme;
use crate::widget;

pub const DETAIL: &str = "review_detail";
pub const BY: &str = "review_by";
pub const PIN: &str = "review_pin";

#[derive(Debug, Default)]
pub struct ReviewTab {
    /// The item whose form is open (index into the snapshot's list).
    open: Option<usize>,
    by: String,
    pin: String,
    /// The fingerprint HR reads off the PC, or the reason of a correction.
    detail: String,
    result: Option<(bool, String)>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Opened(Option<usize>),
    ByChanged(String),
    PinChanged(String),
    DetailChanged(String),
    Decided(Choice),
    Done(Result<String, String>),
}

/// What HR decided about the open item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Approve,
    Reject,
    Void,
    Waive,
    /// Make a proposal HR's own correction.
    Accept,
}

pub enum Outcome {
    None,
    Run(Task<Message>),
    /// A decision was saved: the records must be read again.
    Changed,
}

impl ReviewTab {
    pub fn update(&mut self, message: Message, data: &Snapshot, env: &Env<'_>) -> Outcome {
        match message {
            Message::Opened(open) => {
                self.open = open;
                self.detail = match open.and_then(|i| data.review.get(i)) {
                    Some(Item::Proposal(correction)) => correction.reason.clone(),
                    _ => String::new(),
                };
                self.result = None;
            }
            Message::ByChanged(by) => self.by = by,
            Message::PinChanged(pin) => {
                self.pin = pin.chars().filter(char::is_ascii_digit).take(12).collect();
            }
            Message::DetailChanged(detail) => self.detail = detail,
            Message::Decided(choice) => {
                let Some(item) = self.open.and_then(|i| data.review.get(i)) else {
                    return Outcome::None;
                };
                if self.busy {
                    return Outcome::None;
                }
                let Some(request) = Request::of(item, choice, &self.detail) else {
                    return Outcome::None;
                };
                self.busy = true;
                let store = env.store.clone();
                let lang = env.lang;
                let (by, pin) = (self.by.clone(), std::mem::take(&mut self.pin));
                return Outcome::Run(Task::perform(
                    async move { run(&store, request, &by, &pin, lang) },
                    Message::Done,
                ));
            }
            Message::Done(result) => {
                self.busy = false;
                let changed = result.is_ok();
                self.result = Some(match result {
                    Ok(line) => (true, line),
                    Err(line) => (false, line),
                });
                if changed {
                    self.open = None;
                    self.detail.clear();
                    return Outcome::Changed;
                }
            }
        }
        Outcome::None
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, data: &'a Snapshot) -> Element<'a, Message> {
        let mut items = vec![widget::body(ctx.t("hr-review-intro"))];
        if let Some((ok, line)) = &self.result {
            items.push(super::status_line(ctx, *ok, line));
        }
        if data.review.is_empty() {
            items.push(widget::h3(ctx.t("hr-review-empty")));
        }
        for (index, item) in data.review.iter().enumerate().take(MAX_ROWS) {
            items.push(self.view_item(ctx, index, item));
        }
        if data.review.len() > MAX_ROWS {
            items.push(widget::muted(
                ctx,
                ctx.t_args(
                    "hr-more-rows",
                    &[("count", &(data.review.len() - MAX_ROWS).to_string())],
                ),
            ));
        }
        column(items).spacing(10).into()
    }

    fn view_item<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        index: usize,
        item: &'a Item,
    ) -> Element<'a, Message> {
        let title = title(ctx, item);
        let mut lines = vec![
            text(title)
                .size(widget::size::BODY)
                .font(widget::BOLD)
                .into(),
            widget::body(ctx.t(item.meaning_key())),
        ];
        let choices = choices(item);
        if self.open == Some(index) {
            lines.push(self.view_form(ctx, item, &choices));
        } else if !choices.is_empty() {
            lines.push(widget::secondary(
                ctx,
                ctx.t("hr-review-decide"),
                Some(Message::Opened(Some(index))),
            ));
        }
        widget::card(ctx, column(lines).spacing(6))
    }

    fn view_form<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        item: &'a Item,
        choices: &[Choice],
    ) -> Element<'a, Message> {
        let input = |id: &'static str, label: String, value: &'a str, on: fn(String) -> Message| {
            column![
                widget::body(label),
                text_input("", value)
                    .id(id)
                    .on_input(on)
                    .size(widget::size::BODY)
                    .padding(8)
                    .width(Length::Fill),
            ]
            .spacing(4)
        };
        let detail_label = if matches!(item, Item::Device { .. }) {
            ctx.t("hr-review-fingerprint")
        } else {
            ctx.t("hr-review-reason")
        };
        let mut form = column![
            input(DETAIL, detail_label, &self.detail, Message::DetailChanged),
            input(BY, ctx.t("hr-review-by"), &self.by, Message::ByChanged),
            column![
                widget::body(ctx.t("hr-review-pin")),
                text_input("", &self.pin)
                    .id(PIN)
                    .secure(true)
                    .on_input(Message::PinChanged)
                    .size(widget::size::BODY)
                    .padding(8)
                    .width(Length::Fixed(200.0)),
            ]
            .spacing(4),
        ]
        .spacing(8);
        let ready = !self.busy
            && !self.by.trim().is_empty()
            && !self.pin.is_empty()
            && !self.detail.trim().is_empty();
        let mut buttons = row![].spacing(10);
        for &choice in choices {
            let key = match choice {
                Choice::Approve => "hr-review-approve",
                Choice::Reject => "hr-review-reject",
                Choice::Void => "hr-review-void",
                Choice::Waive => "hr-review-waive",
                Choice::Accept => "hr-review-accept",
            };
            let message = ready.then_some(Message::Decided(choice));
            buttons = buttons.push(if matches!(choice, Choice::Approve | Choice::Accept) {
                widget::primary(ctx, ctx.t(key), message)
            } else {
                widget::secondary(ctx, ctx.t(key), message)
            });
        }
        buttons = buttons.push(widget::secondary(
            ctx,
            ctx.t("common-cancel"),
            Some(Message::Opened(None)),
        ));
        form = form.push(buttons.wrap());
        if !ready {
            form = form.push(
                text(ctx.t("hr-review-needs"))
                    .size(widget::size::SMALL)
                    .style(theme::texts::muted(ctx.colors)),
            );
        }
        form.into()
    }
}

fn title(ctx: &Ctx<'_>, item: &Item) -> String {
    let module_title = |id: &str| {
        ctx.catalog
            .module(id)
            .map_or_else(|| id.to_owned(), |m| m.title.get(ctx.lang).clone())
    };
    match item {
        Item::Device {
            device,
            fingerprint,
            attempts,
            ..
        } => ctx.t_args(
            "hr-review-device",
            &[
                ("device", &device.to_string()),
                ("fingerprint", fingerprint),
                ("count", &attempts.to_string()),
            ],
        ),
        Item::Attempt {
            who,
            nip,
            module,
            finished,
            status,
            ..
        } => format!(
            "{} — {}{} — {} — {}",
            status.label(ctx.lang),
            who,
            nip.as_ref().map(|n| format!(" ({n})")).unwrap_or_default(),
            module_title(module),
            finished
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M"),
        ),
        Item::Conflict { id, kept, other } => ctx.t_args(
            "hr-review-conflict",
            &[("id", &id.to_string()), ("kept", kept), ("other", other)],
        ),
        Item::Gap { device, missing } => ctx.t_args(
            "hr-review-gap",
            &[
                ("device", &device.to_string()),
                (
                    "missing",
                    &missing
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        ),
        Item::Proposal(correction) => {
            let what = match &correction.kind {
                CorrectionKind::Void { attempt } => {
                    ctx.t_args("hr-review-proposal-void", &[("id", &attempt.to_string())])
                }
                CorrectionKind::Waive { module, .. } => ctx.t_args(
                    "hr-review-proposal-waive",
                    &[("module", &module_title(module))],
                ),
            };
            format!("{what} — {} ({})", correction.reason, correction.by)
        }
        Item::ForgedCorrection(id) => ctx.t_args("hr-review-forged", &[("id", &id.to_string())]),
        Item::Profile { name, .. } => ctx.t_args("hr-review-profile", &[("name", name)]),
    }
}

/// What HR can do about an item; nothing for what only explains (gaps, conflicts, forgeries).
fn choices(item: &Item) -> Vec<Choice> {
    match item {
        Item::Device { .. } => vec![Choice::Approve, Choice::Reject],
        Item::Attempt { .. } => vec![Choice::Void, Choice::Waive],
        Item::Proposal(_) => vec![Choice::Accept],
        _ => Vec::new(),
    }
}

/// A decision, with everything needed to carry it out off the UI thread.
#[derive(Debug, Clone)]
enum Request {
    Device {
        device: String,
        fingerprint: String,
        decision: Decision,
    },
    Correct {
        kind: CorrectionKind,
        reason: String,
    },
}

impl Request {
    fn of(item: &Item, choice: Choice, detail: &str) -> Option<Request> {
        Some(match (item, choice) {
            (Item::Device { device, .. }, Choice::Approve | Choice::Reject) => Request::Device {
                device: device.to_string(),
                fingerprint: detail.to_owned(),
                decision: if choice == Choice::Approve {
                    Decision::Approved
                } else {
                    Decision::Rejected
                },
            },
            (Item::Attempt { id, .. }, Choice::Void) => Request::Correct {
                kind: CorrectionKind::Void { attempt: *id },
                reason: detail.to_owned(),
            },
            (
                Item::Attempt {
                    learner, module, ..
                },
                Choice::Waive,
            ) => Request::Correct {
                kind: CorrectionKind::Waive {
                    learner: *learner,
                    module: module.clone(),
                },
                reason: detail.to_owned(),
            },
            (Item::Proposal(correction), Choice::Accept) => Request::Correct {
                kind: correction.kind.clone(),
                reason: detail.to_owned(),
            },
            _ => return None,
        })
    }
}

/// Checks the PIN again, then saves the decision.
fn run(
    store: &Store,
    request: Request,
    by: &str,
    pin_text: &str,
    lang: Lang,
) -> Result<String, String> {
    pin::unlock(store.root(), pin_text, Utc::now()).map_err(|error| error.message(lang))?;
    let tr = crate::i18n::tr_args;
    match request {
        Request::Device {
            device,
            fingerprint,
            decision,
        } => {
            let loaded = store.read();
            match decide::decide_device(
                store,
                &loaded,
                &device,
                &fingerprint,
                by,
                decision,
                Utc::now(),
            ) {
                Ok(DeviceDecided::Already { device }) => Ok(tr(
                    lang,
                    "cli-devices-already",
                    &[("device", &device.to_string())],
                )),
                Ok(DeviceDecided::Done { device, attempts }) => Ok(tr(
                    lang,
                    if decision == Decision::Approved {
                        "cli-devices-approved-now"
                    } else {
                        "cli-devices-rejected-now"
                    },
                    &[
                        ("device", &device.to_string()),
                        ("count", &attempts.to_string()),
                    ],
                )),
                Err(error) => Err(error.message(lang)),
            }
        }
        Request::Correct { kind, reason } => {
            match decide::correct(store, kind, &reason, by, Utc::now()) {
                Ok(Corrected::Saved(id)) => {
                    Ok(tr(lang, "cli-correction-saved", &[("id", &id.to_string())]))
                }
                Ok(Corrected::Proposed(id)) => Ok(tr(
                    lang,
                    "cli-correction-proposed",
                    &[("id", &id.to_string())],
                )),
                Err(error) => Err(error.message(lang)),
            }
        }
    }
}
