//! HR's settings: the admin PIN, and the Learning Record Store the valid records are sent to
//! when a network is there.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Utc;
use iced::futures::{SinkExt, StreamExt};
use iced::widget::{column, row, text_input};
use iced::{Element, Length, Task};

use crate::app::Ctx;
use crate::hr::pin;
use crate::lrs::{self, LrsConfig, PushOptions};
use crate::screen::hr::Env;
use crate::widget;

pub const LRS_ENDPOINT: &str = "lrs_endpoint";
pub const LRS_USER: &str = "lrs_user";
pub const LRS_KEY: &str = "lrs_key";

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
    lrs: LrsForm,
    issuer: IssuerForm,
}

/// Who issues certificates and the JP target (`hr/settings.ron`).
#[derive(Debug, Default)]
struct IssuerForm {
    instansi: String,
    signer_name: String,
    signer_title: String,
    signer_nip: String,
    organiser: String,
    jp_target: String,
    result: Option<(bool, String)>,
}

/// The LRS fields and the push in progress.
#[derive(Debug, Default)]
struct LrsForm {
    endpoint: String,
    user: String,
    /// Typed only to change it: a saved key is never shown.
    key: String,
    key_saved: bool,
    loaded: bool,
    progress: Option<String>,
    report: Option<(bool, Vec<String>)>,
    cancel: Option<Arc<AtomicBool>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    CurrentChanged(String),
    NewChanged(String),
    AgainChanged(String),
    ChangePressed,
    Changed(Result<(), String>),
    Issuer(Field, String),
    SaveIssuerPressed,
    EndpointChanged(String),
    UserChanged(String),
    KeyChanged(String),
    SaveLrsPressed,
    PushPressed,
    CancelPushPressed,
    Pushing(String),
    Pushed(Result<(bool, Vec<String>), String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Instansi,
    SignerName,
    SignerTitle,
    SignerNip,
    Organiser,
    JpTarget,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Instansi => "issuer_instansi",
            Field::SignerName => "issuer_signer_name",
            Field::SignerTitle => "issuer_signer_title",
            Field::SignerNip => "issuer_signer_nip",
            Field::Organiser => "issuer_organiser",
            Field::JpTarget => "issuer_jp_target",
        }
    }
}

fn digits(text: String) -> String {
    text.chars()
        .filter(char::is_ascii_digit)
        .take(pin::MAX_LEN)
        .collect()
}

impl SettingsTab {
    /// The tab with what is saved filled in.
    pub fn new(env: &Env<'_>) -> SettingsTab {
        let mut tab = SettingsTab::default();
        tab.load_lrs(env);
        let (saved, problem) = match crate::hr::HrSettings::load(env.store.root()) {
            Ok(saved) => (saved, None),
            Err(error) => (
                crate::hr::HrSettings::default(),
                Some(error.message(env.lang)),
            ),
        };
        tab.issuer = IssuerForm {
            instansi: saved.instansi.clone(),
            signer_name: saved.signer_name.clone(),
            signer_title: saved.signer_title.clone(),
            signer_nip: saved.signer_nip.clone().unwrap_or_default(),
            organiser: saved.organiser.clone().unwrap_or_default(),
            jp_target: saved.jp_target.to_string(),
            result: problem.map(|line| (false, line)),
        };
        tab
    }

    fn save_issuer(&mut self, env: &Env<'_>) {
        let form = &self.issuer;
        let lang = env.lang;
        let Ok(jp_target) = form.jp_target.trim().parse::<u32>() else {
            self.issuer.result = Some((false, crate::i18n::tr(lang, "hr-issuer-jp-number")));
            return;
        };
        let optional = |text: &str| (!text.trim().is_empty()).then(|| text.trim().to_owned());
        let settings = crate::hr::HrSettings {
            instansi: form.instansi.trim().to_owned(),
            signer_name: form.signer_name.trim().to_owned(),
            signer_title: form.signer_title.trim().to_owned(),
            signer_nip: optional(&form.signer_nip),
            organiser: optional(&form.organiser),
            jp_target,
            ..crate::hr::HrSettings::default()
        };
        let today = chrono::Local::now().date_naive();
        self.issuer.result = Some(
            match settings
                .validated(today)
                .and_then(|valid| valid.save(env.store.root()))
            {
                Ok(()) => (true, crate::i18n::tr(lang, "hr-issuer-saved")),
                Err(error) => (false, error.message(lang)),
            },
        );
    }

    /// Fills the LRS fields from what is saved (the key stays hidden).
    fn load_lrs(&mut self, env: &Env<'_>) {
        if self.lrs.loaded {
            return;
        }
        self.lrs.loaded = true;
        match LrsConfig::load(env.store.root()) {
            Ok(Some(config)) => {
                self.lrs.endpoint = config.endpoint;
                self.lrs.user = config.user;
                self.lrs.key_saved = !config.key.is_empty();
            }
            Ok(None) => {}
            Err(error) => self.lrs.report = Some((false, vec![error.message(env.lang)])),
        }
    }

    /// The config as typed, with the saved key when no new one was typed.
    fn typed_config(&self, env: &Env<'_>) -> Result<LrsConfig, String> {
        let key = if self.lrs.key.is_empty() {
            LrsConfig::load(env.store.root())
                .ok()
                .flatten()
                .map(|c| c.key)
                .unwrap_or_default()
        } else {
            self.lrs.key.clone()
        };
        LrsConfig::new(&self.lrs.endpoint, &self.lrs.user, &key)
            .map_err(|error| error.message(env.lang))
    }

    pub fn update(&mut self, message: Message, env: &Env<'_>) -> Option<Task<Message>> {
        self.load_lrs(env);
        match message {
            Message::Issuer(field, text) => {
                let form = &mut self.issuer;
                match field {
                    Field::Instansi => form.instansi = text,
                    Field::SignerName => form.signer_name = text,
                    Field::SignerTitle => form.signer_title = text,
                    Field::SignerNip => form.signer_nip = text,
                    Field::Organiser => form.organiser = text,
                    Field::JpTarget => form.jp_target = digits(text),
                }
            }
            Message::SaveIssuerPressed => self.save_issuer(env),
            Message::EndpointChanged(text) => self.lrs.endpoint = text,
            Message::UserChanged(text) => self.lrs.user = text,
            Message::KeyChanged(text) => self.lrs.key = text,
            Message::SaveLrsPressed => {
                self.lrs.report = Some(match self.typed_config(env) {
                    Ok(config) => match config.save(env.store.root()) {
                        Ok(()) => {
                            self.lrs.key_saved = !config.key.is_empty();
                            self.lrs.key.clear();
                            let mut lines = vec![crate::i18n::tr(env.lang, "hr-lrs-saved")];
                            if config.sends_key_in_clear() {
                                lines.push(crate::i18n::tr(env.lang, "lrs-cli-key-in-clear"));
                            }
                            (true, lines)
                        }
                        Err(error) => (false, vec![error.message(env.lang)]),
                    },
                    Err(line) => (false, vec![line]),
                });
            }
            Message::PushPressed if self.lrs.cancel.is_none() => {
                let config = match self.typed_config(env) {
                    Ok(config) => config,
                    Err(line) => {
                        self.lrs.report = Some((false, vec![line]));
                        return None;
                    }
                };
                let cancel = Arc::new(AtomicBool::new(false));
                self.lrs.cancel = Some(cancel.clone());
                self.lrs.report = None;
                self.lrs.progress = None;
                return Some(push_task(config, env.store.clone(), cancel, env.lang));
            }
            Message::PushPressed => {}
            Message::CancelPushPressed => {
                if let Some(cancel) = &self.lrs.cancel {
                    cancel.store(true, Ordering::Relaxed);
                }
            }
            Message::Pushing(line) => self.lrs.progress = Some(line),
            Message::Pushed(result) => {
                self.lrs.cancel = None;
                self.lrs.report = Some(match result {
                    Ok(report) => report,
                    Err(line) => (false, vec![line]),
                });
            }
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
        column![
            self.view_issuer(ctx),
            widget::card(ctx, items),
            self.view_lrs(ctx)
        ]
        .spacing(12)
        .into()
    }

    fn view_issuer<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let form = &self.issuer;
        let field = |field: Field, label: &str, value: &'a str| {
            column![
                widget::body(ctx.t(label)),
                text_input("", value)
                    .id(field.id())
                    .on_input(move |text| Message::Issuer(field, text))
                    .size(widget::size::BODY)
                    .padding(8)
                    .width(Length::Fill),
            ]
            .spacing(4)
        };
        let mut items = column![
            widget::h3(ctx.t("hr-issuer-title")),
            widget::muted(ctx, ctx.t("hr-issuer-intro")),
            field(Field::Instansi, "hr-issuer-instansi", &form.instansi),
            field(
                Field::SignerName,
                "hr-issuer-signer-name",
                &form.signer_name
            ),
            field(
                Field::SignerTitle,
                "hr-issuer-signer-title",
                &form.signer_title
            ),
            field(Field::SignerNip, "hr-issuer-signer-nip", &form.signer_nip),
            field(Field::Organiser, "hr-issuer-organiser", &form.organiser),
            field(Field::JpTarget, "hr-issuer-jp-target", &form.jp_target),
            widget::primary(
                ctx,
                ctx.t("hr-issuer-save"),
                Some(Message::SaveIssuerPressed)
            ),
        ]
        .spacing(10);
        if let Some((ok, line)) = &form.result {
            items = items.push(super::status_line(ctx, *ok, line.as_str()));
        }
        widget::card(ctx, items)
    }

    fn view_lrs<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let form = &self.lrs;
        let pushing = form.cancel.is_some();
        let field = |id: &'static str, label: String, value: &'a str, on: fn(String) -> Message| {
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
        let key_label = if form.key_saved {
            ctx.t("hr-lrs-key-saved")
        } else {
            ctx.t("hr-lrs-key")
        };
        let mut items = column![
            widget::h3(ctx.t("hr-lrs-title")),
            widget::muted(ctx, ctx.t("hr-lrs-intro")),
            field(
                LRS_ENDPOINT,
                ctx.t("hr-lrs-endpoint"),
                &form.endpoint,
                Message::EndpointChanged
            ),
            field(
                LRS_USER,
                ctx.t("hr-lrs-user"),
                &form.user,
                Message::UserChanged
            ),
            column![
                widget::body(key_label),
                text_input("", &form.key)
                    .id(LRS_KEY)
                    .secure(true)
                    .on_input(Message::KeyChanged)
                    .size(widget::size::BODY)
                    .padding(8)
                    .width(Length::Fill),
            ]
            .spacing(4),
            row![
                widget::secondary(
                    ctx,
                    ctx.t("hr-lrs-save"),
                    (!pushing).then_some(Message::SaveLrsPressed)
                ),
                widget::primary(
                    ctx,
                    ctx.t("hr-lrs-push"),
                    (!pushing).then_some(Message::PushPressed)
                ),
                widget::secondary(
                    ctx,
                    ctx.t("hr-lrs-cancel"),
                    pushing.then_some(Message::CancelPushPressed)
                ),
            ]
            .spacing(10)
            .wrap(),
        ]
        .spacing(10);
        if pushing && let Some(line) = &form.progress {
            items = items.push(widget::body(line.as_str()));
        }
        if let Some((ok, lines)) = &form.report {
            for line in lines {
                items = items.push(super::status_line(ctx, *ok, line.as_str()));
            }
        }
        widget::card(ctx, items)
    }
}

/// Runs the push on its own thread (it blocks on the network) and streams its progress.
fn push_task(
    config: LrsConfig,
    store: crate::records::Store,
    cancel: Arc<AtomicBool>,
    lang: crate::lang::Lang,
) -> Task<Message> {
    let stream = iced::stream::channel(
        16,
        move |mut out: iced::futures::channel::mpsc::Sender<Message>| async move {
            let (events, mut received) = iced::futures::channel::mpsc::unbounded();
            std::thread::spawn(move || {
                let progress = events.clone();
                let result = lrs::push(&config, &store, &PushOptions::default(), &cancel, |p| {
                    let _ = progress.unbounded_send(Message::Pushing(lrs::progress_line(&p, lang)));
                });
                let done = result
                    .map(|report| lrs::report_lines(&report, lang))
                    .map_err(|error| error.message(lang));
                let _ = events.unbounded_send(Message::Pushed(done));
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
