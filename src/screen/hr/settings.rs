//! HR's settings: the admin PIN (and, beside it, what certificates and the LRS need).

use chrono::Utc;
use iced::widget::{column, text_input};
use iced::{Element, Length, Task};

use crate::app::Ctx;
use crate::hr::pin;
use crate::screen::hr::Env;
use crate::widget;

pub const CURRENT: &str = "pin_current";
pub const NEW: &str = "pin_new";
pub const AGAIN: &str = "pin_new_again";

#[derive(Debug, Default)]
pub struct SettingsTab {
    current: String,
    new: String,
    again: String,
    result: Option<(bool, String)>,
    busy: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    CurrentChanged(String),
    NewChanged(String),
    AgainChanged(String),
    ChangePressed,
    Changed(Result<(), String>),
}

fn digits(text: String) -> String {
    text.chars()
        .filter(char::is_ascii_digit)
        .take(pin::MAX_LEN)
        .collect()
}

impl SettingsTab {
    pub fn update(&mut self, message: Message, env: &Env<'_>) -> Option<Task<Message>> {
        match message {
            Message::CurrentChanged(text) => self.current = digits(text),
            Message::NewChanged(text) => self.new = digits(text),
            Message::AgainChanged(text) => self.again = digits(text),
            Message::ChangePressed if !self.busy => {
                self.busy = true;
                self.result = None;
                let dir = env.store.root().to_path_buf();
                let lang = env.lang;
                let (current, new, again) = (
                    std::mem::take(&mut self.current),
                    std::mem::take(&mut self.new),
                    std::mem::take(&mut self.again),
                );
                return Some(Task::perform(
                    async move {
                        pin::change(&dir, &current, &new, &again, Utc::now())
                            .map_err(|error| error.message(lang))
                    },
                    Message::Changed,
                ));
            }
            Message::ChangePressed => {}
            Message::Changed(result) => {
                self.busy = false;
                self.result = Some(match result {
                    Ok(()) => (true, crate::i18n::tr(env.lang, "hr-pin-changed")),
                    Err(line) => (false, line),
                });
            }
        }
        None
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let field = |id: &'static str, label: String, value: &'a str, on: fn(String) -> Message| {
            column![
                widget::body(label),
                text_input(&ctx.t("pin-hint"), value)
                    .id(id)
                    .secure(true)
                    .on_input(on)
                    .on_submit(Message::ChangePressed)
                    .size(widget::size::BODY)
                    .padding(8)
                    .width(Length::Fixed(240.0)),
            ]
            .spacing(4)
        };
        let ready = !self.busy && !self.current.is_empty() && !self.new.is_empty();
        let mut items = column![
            widget::h3(ctx.t("hr-pin-title")),
            field(
                CURRENT,
                ctx.t("hr-pin-current"),
                &self.current,
                Message::CurrentChanged
            ),
            field(NEW, ctx.t("hr-pin-new"), &self.new, Message::NewChanged),
            field(
                AGAIN,
                ctx.t("pin-again-label"),
                &self.again,
                Message::AgainChanged
            ),
            widget::primary(
                ctx,
                ctx.t("hr-pin-change"),
                ready.then_some(Message::ChangePressed)
            ),
        ]
        .spacing(10);
        if let Some((ok, line)) = &self.result {
            items = items.push(super::status_line(ctx, *ok, line));
        }
        widget::card(ctx, items)
    }
}
