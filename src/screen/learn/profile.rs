//! Pick an existing profile or create one (several people often share one office PC).

use chrono::{DateTime, NaiveDate, Utc};
use iced::widget::{button, checkbox, column, row, scrollable, text, text_input};
use iced::{Element, Length};
use uuid::Uuid;

use crate::app::Ctx;
use crate::records::{Learner, LearnerDraft, LearnerError};
use crate::theme;
use crate::widget::{self, size};

/// Widget ids of the form's fields (for focus and for UI tests).
pub const NAME_INPUT: &str = "profile_name";
pub const NIP_INPUT: &str = "profile_nip";
pub const UNIT_INPUT: &str = "profile_unit";
pub const INSTANSI_INPUT: &str = "profile_instansi";

#[derive(Debug, Clone, Default)]
pub struct Profile {
    draft: LearnerDraft,
    error: Option<LearnerError>,
    /// Showing the form rather than the list of profiles.
    creating: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    NameChanged(String),
    NipChanged(String),
    WithoutNipToggled(bool),
    UnitChanged(String),
    InstansiChanged(String),
    SavePressed,
    LearnerPicked(Uuid),
    NewPressed,
    CancelPressed,
}

#[derive(Debug, Clone)]
pub enum Action {
    None,
    /// A new, checked profile to save and use.
    Create(Learner),
    Pick(Uuid),
}

impl Profile {
    /// Opens on the form when there is nobody yet, else on the list.
    pub fn new(has_learners: bool) -> Self {
        Self {
            creating: !has_learners,
            ..Self::default()
        }
    }

    pub fn error(&self) -> Option<LearnerError> {
        self.error
    }

    pub fn update(
        &mut self,
        message: Message,
        existing: &[Learner],
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Action {
        match message {
            Message::NameChanged(value) => self.draft.name = value,
            Message::NipChanged(value) => self.draft.nip = value,
            Message::WithoutNipToggled(value) => self.draft.without_nip = value,
            Message::UnitChanged(value) => self.draft.unit = value,
            Message::InstansiChanged(value) => self.draft.instansi = value,
            Message::SavePressed => match self.draft.build(existing, today, now) {
                Ok(learner) => {
                    self.error = None;
                    return Action::Create(learner);
                }
                Err(error) => self.error = Some(error),
            },
            Message::LearnerPicked(id) => return Action::Pick(id),
            Message::NewPressed => {
                self.creating = true;
                self.error = None;
            }
            Message::CancelPressed => {
                self.creating = false;
                self.draft = LearnerDraft::default();
                self.error = None;
            }
        }
        Action::None
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, learners: &'a [Learner]) -> Element<'a, Message> {
        let content = if self.creating || learners.is_empty() {
            self.view_form(ctx, !learners.is_empty())
        } else {
            self.view_list(ctx, learners)
        };
        scrollable(column![content].padding(24).max_width(760))
            .id(crate::widget::PAGE_SCROLL)
            .into()
    }

    fn view_list<'a>(&'a self, ctx: &Ctx<'a>, learners: &'a [Learner]) -> Element<'a, Message> {
        let rows = learners.iter().map(|learner| -> Element<'a, Message> {
            let nip = learner
                .nip
                .as_ref()
                .map_or_else(|| ctx.t("profile-without-nip-badge"), ToString::to_string);
            let row = button(
                column![
                    text(&learner.name).size(size::H3).font(widget::BOLD),
                    text(format!(
                        "{nip} \u{00b7} {} \u{00b7} {}",
                        learner.unit, learner.instansi
                    ))
                    .size(size::SMALL),
                ]
                .spacing(4),
            )
            .width(Length::Fill)
            .padding(14)
            .style(theme::buttons::row(ctx.colors));
            widget::button_with(ctx, row, Some(Message::LearnerPicked(learner.id)))
        });
        column![
            widget::h1(ctx.t("profile-pick-title")),
            widget::muted(ctx, ctx.t("profile-pick-hint")),
            column(rows).spacing(8),
            widget::primary(ctx, ctx.t("profile-new"), Some(Message::NewPressed)),
        ]
        .spacing(16)
        .into()
    }

    fn view_form<'a>(&'a self, ctx: &Ctx<'a>, can_cancel: bool) -> Element<'a, Message> {
        let field = |id: &'static str,
                     label: String,
                     hint: String,
                     value: &'a str,
                     on_input: fn(String) -> Message| {
            column![
                text(label).size(size::BODY).font(widget::BOLD),
                text_input(&hint, value)
                    .id(id)
                    .on_input(on_input)
                    .on_submit(Message::SavePressed)
                    .size(size::BODY)
                    .padding(10),
            ]
            .spacing(6)
        };
        let mut form = column![
            widget::h1(ctx.t("profile-new-title")),
            widget::muted(ctx, ctx.t("profile-new-hint")),
            field(
                NAME_INPUT,
                ctx.t("profile-name"),
                ctx.t("profile-name-hint"),
                &self.draft.name,
                Message::NameChanged
            ),
        ]
        .spacing(16);
        // The "no NIP" box comes before the NIP field, so ticking it (which hides the field)
        // leaves the keyboard focus where it was.
        form = form.push(widget::focusable(
            ctx,
            checkbox(self.draft.without_nip)
                .label(ctx.t("profile-without-nip"))
                .text_size(size::BODY)
                .on_toggle(Message::WithoutNipToggled),
            Message::WithoutNipToggled(!self.draft.without_nip),
        ));
        if !self.draft.without_nip {
            form = form.push(field(
                NIP_INPUT,
                ctx.t("profile-nip"),
                ctx.t("profile-nip-hint"),
                &self.draft.nip,
                Message::NipChanged,
            ));
        }
        form = form
            .push(field(
                UNIT_INPUT,
                ctx.t("profile-unit"),
                ctx.t("profile-unit-hint"),
                &self.draft.unit,
                Message::UnitChanged,
            ))
            .push(field(
                INSTANSI_INPUT,
                ctx.t("profile-instansi"),
                ctx.t("profile-instansi-hint"),
                &self.draft.instansi,
                Message::InstansiChanged,
            ));
        if let Some(error) = self.error {
            form = form.push(
                text(error.message(ctx.lang))
                    .size(size::BODY)
                    .style(theme::texts::danger(ctx.colors)),
            );
        }
        let mut actions = row![widget::primary(
            ctx,
            ctx.t("profile-save"),
            Some(Message::SavePressed)
        )]
        .spacing(12);
        if can_cancel {
            actions = actions.push(widget::secondary(
                ctx,
                ctx.t("common-cancel"),
                Some(Message::CancelPressed),
            ));
        }
        form.push(actions).into()
    }
}
