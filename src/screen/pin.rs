//! The admin PIN gate in front of the HR area: sets the PIN on first entry, asks for it after.

use iced::widget::{column, row, scrollable, text_input};
use iced::{Element, Length};

use crate::app::Ctx;
use crate::widget;

pub const PIN_FIELD: &str = "pin_field";
pub const AGAIN_FIELD: &str = "pin_again";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// No PIN yet: choose one, twice.
    Set,
    /// Type the PIN.
    Enter,
}

#[derive(Debug, Clone)]
pub struct PinGate {
    pub mode: Mode,
    pin: String,
    again: String,
    error: Option<String>,
    /// A check is running (Argon2 takes a moment): no second submit meanwhile.
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    PinChanged(String),
    AgainChanged(String),
    Submitted,
    CancelPressed,
}

pub enum Action {
    None,
    /// Save this as the first PIN.
    Set {
        pin: String,
        again: String,
    },
    /// Check this PIN.
    Check(String),
    Cancel,
}

impl PinGate {
    pub fn new(mode: Mode) -> Self {
        PinGate {
            mode,
            pin: String::new(),
            again: String::new(),
            error: None,
            busy: false,
        }
    }

    /// The check or save came back with a problem: say it, and let the user try again.
    pub fn failed(&mut self, message: String) {
        self.error = Some(message);
        self.pin.clear();
        self.again.clear();
        self.busy = false;
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::PinChanged(pin) => {
                self.pin = pin.chars().filter(char::is_ascii_digit).take(12).collect();
                Action::None
            }
            Message::AgainChanged(again) => {
                self.again = again
                    .chars()
                    .filter(char::is_ascii_digit)
                    .take(12)
                    .collect();
                Action::None
            }
            Message::Submitted if self.busy => Action::None,
            Message::Submitted => {
                self.busy = true;
                self.error = None;
                match self.mode {
                    Mode::Set => Action::Set {
                        pin: self.pin.clone(),
                        again: self.again.clone(),
                    },
                    Mode::Enter => Action::Check(self.pin.clone()),
                }
            }
            Message::CancelPressed => Action::Cancel,
        }
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let (title, intro) = match self.mode {
            Mode::Set => ("pin-set-title", "pin-set-intro"),
            Mode::Enter => ("pin-enter-title", "pin-enter-intro"),
        };
        let field = |hint: String, value: &str, on_input: fn(String) -> Message| {
            text_input(&hint, value)
                .id(PIN_FIELD)
                .secure(true)
                .on_input(on_input)
                .on_submit(Message::Submitted)
                .size(widget::size::BODY)
                .padding(10)
                .width(Length::Fixed(280.0))
        };
        let mut form = column![
            widget::h1(ctx.t(title)),
            widget::body(ctx.t(intro)),
            widget::body(ctx.t("pin-label")),
            field(ctx.t("pin-hint"), &self.pin, Message::PinChanged),
        ]
        .spacing(12)
        .max_width(720);
        if self.mode == Mode::Set {
            form = form.push(widget::body(ctx.t("pin-again-label"))).push(
                text_input(&ctx.t("pin-hint"), &self.again)
                    .id(AGAIN_FIELD)
                    .secure(true)
                    .on_input(Message::AgainChanged)
                    .on_submit(Message::Submitted)
                    .size(widget::size::BODY)
                    .padding(10)
                    .width(Length::Fixed(280.0)),
            );
        }
        if let Some(error) = &self.error {
            form = form.push(
                iced::widget::text(error.as_str())
                    .size(widget::size::BODY)
                    .style(crate::theme::texts::danger(ctx.colors)),
            );
        }
        let submit = (!self.busy).then_some(Message::Submitted);
        form = form.push(
            row![
                widget::primary(ctx, ctx.t("pin-submit"), submit),
                widget::secondary(ctx, ctx.t("common-back"), Some(Message::CancelPressed)),
            ]
            .spacing(12)
            .wrap(),
        );
        if self.mode == Mode::Enter {
            form = form.push(widget::muted(ctx, ctx.t("pin-forgotten")));
        }
        scrollable(form.padding(24)).into()
    }
}
