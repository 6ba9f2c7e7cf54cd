//! The profile form: a new profile, or a change to one. Each problem is shown at its own field,
//! and saving with problems takes the focus (and the page) to the first of them.

use iced::widget::{button, checkbox, column, container, row, space, text, text_input};
use iced::{Element, Length, Padding, Task};
use uuid::Uuid;

use super::{Env, Message};
use crate::app::Ctx;
use crate::records::{Field, Learner, LearnerDraft, LearnerError};
use crate::theme;
use crate::widget::{self, size};

/// Widget ids of the form's fields (for focus and for UI tests).
pub const NAME_INPUT: &str = "profile_name";
pub const NIP_INPUT: &str = "profile_nip";
pub const UNIT_INPUT: &str = "profile_unit";
pub const INSTANSI_INPUT: &str = "profile_instansi";

pub fn input_id(field: Field) -> &'static str {
    match field {
        Field::Name => NAME_INPUT,
        Field::Nip => NIP_INPUT,
        Field::Unit => UNIT_INPUT,
        Field::Instansi => INSTANSI_INPUT,
    }
}

/// The id of a field's problem, shown between its label and its input.
pub fn error_id(field: Field) -> &'static str {
    match field {
        Field::Name => "profile_name_error",
        Field::Nip => "profile_nip_error",
        Field::Unit => "profile_unit_error",
        Field::Instansi => "profile_instansi_error",
    }
}

/// The id of a whole field (label, problem, input), to scroll it into view.
fn field_id(field: Field) -> &'static str {
    match field {
        Field::Name => "profile_name_field",
        Field::Nip => "profile_nip_field",
        Field::Unit => "profile_unit_field",
        Field::Instansi => "profile_instansi_field",
    }
}

/// Focuses a field's input and scrolls the whole field (its label and problem too) into view.
pub fn focus<T: Send + 'static>(field: Field) -> Task<T> {
    iced::widget::operation::focus(input_id(field)).chain(widget::reveal_top(field_id(field)))
}

/// What a message to the form came to.
pub enum Outcome {
    None,
    /// Move the focus to this field (the next one, or the first wrong one).
    Focus(Field),
    Create(Box<Learner>),
    Revise(Box<Learner>),
    /// Saved with nothing changed: nothing to write.
    Unchanged,
}

#[derive(Debug, Clone, Default)]
pub struct Form {
    draft: LearnerDraft,
    /// The profile being changed; `None` for a new one.
    editing: Option<Uuid>,
    /// What is wrong, in the order of the fields (as found by the last save).
    errors: Vec<LearnerError>,
    /// The profile that already has the NIP typed (its id and name), to say whose it is.
    holder: Option<(Uuid, String)>,
    /// Opened from the home screen: saving or cancelling goes back there.
    from_home: bool,
}

impl Form {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn edit(learner: &Learner, from_home: bool) -> Self {
        Self {
            draft: LearnerDraft::of(learner),
            editing: Some(learner.id),
            from_home,
            ..Self::default()
        }
    }

    pub fn opened_from_home(&self) -> bool {
        self.from_home
    }

    pub fn errors(&self) -> &[LearnerError] {
        &self.errors
    }

    pub fn update(&mut self, message: Message, env: &Env<'_>) -> Outcome {
        match message {
            Message::NameChanged(value) => self.changed(Field::Name, |d| d.name = value),
            Message::NipChanged(value) => self.changed(Field::Nip, |d| d.nip = value),
            Message::WithoutNipToggled(value) => {
                self.changed(Field::Nip, |d| d.without_nip = value);
            }
            Message::UnitChanged(value) => self.changed(Field::Unit, |d| d.unit = value),
            Message::InstansiChanged(value) => {
                self.changed(Field::Instansi, |d| d.instansi = value);
            }
            // Enter moves on, as in a paper form: it does not check fields not yet filled in.
            Message::FieldSubmitted(field) => {
                return match field.next(self.draft.without_nip) {
                    Some(next) => Outcome::Focus(next),
                    None => self.save(env),
                };
            }
            Message::SavePressed => return self.save(env),
            _ => {}
        }
        Outcome::None
    }

    /// A field changed: its problem is gone until the next save says otherwise.
    fn changed(&mut self, field: Field, change: impl FnOnce(&mut LearnerDraft)) {
        change(&mut self.draft);
        self.errors.retain(|error| error.field() != field);
        if field == Field::Nip {
            self.holder = None;
        }
    }

    fn save(&mut self, env: &Env<'_>) -> Outcome {
        let checked = match self.editing {
            None => self
                .draft
                .create(env.learners, env.today, env.now)
                .map(|learner| Outcome::Create(Box::new(learner))),
            Some(id) => {
                let Some(learner) = env.learners.iter().find(|l| l.id == id) else {
                    return Outcome::None;
                };
                self.draft
                    .revise(learner, env.learners, env.today)
                    .map(|revised| match revised {
                        Some(revised) => Outcome::Revise(Box::new(revised)),
                        None => Outcome::Unchanged,
                    })
            }
        };
        match checked {
            Ok(outcome) => {
                self.errors.clear();
                self.holder = None;
                outcome
            }
            Err(errors) => {
                self.holder = self
                    .draft
                    .holder(env.learners, self.editing, env.today)
                    .map(|l| (l.id, l.name.clone()));
                self.errors = errors;
                self.errors
                    .first()
                    .map_or(Outcome::None, |first| Outcome::Focus(first.field()))
            }
        }
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, can_cancel: bool) -> Element<'a, Message> {
        let (title, hint, save) = if self.editing.is_some() {
            (
                "profile-edit-title",
                "profile-edit-hint",
                "profile-save-changes",
            )
        } else {
            ("profile-new-title", "profile-new-hint", "profile-save")
        };
        let mut form = column![
            widget::h1(ctx.t(title)),
            widget::muted(ctx, ctx.t(hint)),
            self.view_field(ctx, Field::Name, &self.draft.name, Message::NameChanged),
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
            form =
                form.push(self.view_field(ctx, Field::Nip, &self.draft.nip, Message::NipChanged));
        }
        form = form
            .push(self.view_field(ctx, Field::Unit, &self.draft.unit, Message::UnitChanged))
            .push(self.view_field(
                ctx,
                Field::Instansi,
                &self.draft.instansi,
                Message::InstansiChanged,
            ));
        let mut actions = row![widget::primary(
            ctx,
            ctx.t(save),
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
        form.push(actions.wrap()).into()
    }

    /// A field: its label, its problem (if any) right under the label, so it is read before
    /// the input and scrolls into view with it, then the input.
    fn view_field<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        field: Field,
        value: &'a str,
        on_input: fn(String) -> Message,
    ) -> Element<'a, Message> {
        let (label, hint) = match field {
            Field::Name => ("profile-name", "profile-name-hint"),
            Field::Nip => ("profile-nip", "profile-nip-hint"),
            Field::Unit => ("profile-unit", "profile-unit-hint"),
            Field::Instansi => ("profile-instansi", "profile-instansi-hint"),
        };
        // The problem's slot is always there (empty without one), so a problem appearing or
        // going does not move the input to another place in the widget tree, which would drop
        // its keyboard focus at the first key typed to fix it.
        let problem: Element<'a, Message> = match self.errors.iter().find(|e| e.field() == field) {
            Some(error) => container(
                container(self.view_error(ctx, *error))
                    .id(error_id(field))
                    .padding([6, 12])
                    .width(Length::Fill)
                    .style(theme::containers::verdict(ctx.colors, false)),
            )
            .padding(Padding::ZERO.bottom(6))
            .into(),
            None => container(space()).into(),
        };
        let block = column![
            container(text(ctx.t(label)).size(size::BODY).font(widget::BOLD))
                .padding(Padding::ZERO.bottom(6)),
            problem,
            text_input(&ctx.t(hint), value)
                .id(input_id(field))
                .on_input(on_input)
                .on_submit(Message::FieldSubmitted(field))
                .size(size::BODY)
                .padding(10),
        ];
        container(block).id(field_id(field)).into()
    }

    fn view_error<'a>(&'a self, ctx: &Ctx<'a>, error: LearnerError) -> Element<'a, Message> {
        let said = |message: String| {
            text(message)
                .size(size::BODY)
                .font(widget::BOLD)
                .style(theme::texts::danger(ctx.colors))
        };
        match (error, &self.holder) {
            // Whose NIP it is; a new profile may simply be that one (taken off this PC's list,
            // or forgotten), so it can be used from here.
            (LearnerError::DuplicateNip, Some((id, name))) if self.editing.is_none() => column![
                said(ctx.t_args("profile-duplicate-named", &[("name", name)])),
                widget::button_with(
                    ctx,
                    button(text(ctx.t("profile-use-existing")).size(size::BODY))
                        .padding([8, 14])
                        .style(theme::buttons::secondary(ctx.colors)),
                    Some(Message::UseExistingPressed(*id)),
                ),
            ]
            .spacing(8)
            .into(),
            (LearnerError::DuplicateNip, Some((_, name))) => {
                said(ctx.t_args("profile-duplicate-other", &[("name", name)])).into()
            }
            _ => said(error.message(ctx.lang)).into(),
        }
    }
}
