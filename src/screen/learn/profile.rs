//! Profiles on this PC (several people often share one office PC): pick one, create one, change
//! one, or take one off this PC's list.
//!
//! The pages are a [`picker`] (the list, and the question before taking a profile off it) and a
//! [`form`] (a new profile, or a change to one).

mod form;
mod picker;

use chrono::{DateTime, NaiveDate, Utc};
use iced::{Element, Task};
use uuid::Uuid;

use crate::app::Ctx;
use crate::records::{Field, Learner, LearnerError};
use crate::widget;

pub use form::{INSTANSI_INPUT, NAME_INPUT, NIP_INPUT, UNIT_INPUT, error_id, input_id};

/// What the profile pages read: every profile on this PC, and the ones taken off its list.
pub struct Env<'a> {
    pub learners: &'a [Learner],
    pub hidden: &'a [Uuid],
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
}

impl<'a> Env<'a> {
    /// The profiles as they are now (today's date checks a NIP's dates).
    pub fn now(learners: &'a [Learner], hidden: &'a [Uuid]) -> Self {
        Self {
            learners,
            hidden,
            today: chrono::Local::now().date_naive(),
            now: Utc::now(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Profile {
    page: Page,
    /// The list also shows the profiles taken off it (to put one back).
    show_hidden: bool,
}

#[derive(Debug, Clone)]
enum Page {
    List,
    Form(form::Form),
    /// Asking before a profile is taken off this PC's list.
    ConfirmRemove(Uuid),
}

#[derive(Debug, Clone)]
pub enum Message {
    NameChanged(String),
    NipChanged(String),
    WithoutNipToggled(bool),
    UnitChanged(String),
    InstansiChanged(String),
    /// Enter in a field: the focus moves on to the next field (the last one saves).
    FieldSubmitted(Field),
    SavePressed,
    /// "Use that profile", offered when the NIP typed for a new profile is already one here.
    UseExistingPressed(Uuid),
    LearnerPicked(Uuid),
    NewPressed,
    EditPressed(Uuid),
    RemovePressed(Uuid),
    RemoveConfirmed,
    /// Shows or hides the profiles taken off the list.
    HiddenToggled,
    RestorePressed(Uuid),
    CancelPressed,
}

pub enum Action {
    None,
    /// Moves the keyboard focus (and the page with it).
    Run(Task<Message>),
    /// A new, checked profile to save and use.
    Create(Learner),
    /// The next revision of a profile, to sign and save; then back home when the change was
    /// opened from there.
    Revise {
        learner: Learner,
        home: bool,
    },
    /// Use this profile (put back on the list if it was taken off).
    Pick(Uuid),
    /// Take this profile off this PC's list (its records stay).
    Remove(Uuid),
    /// Put a profile back on this PC's list.
    Restore(Uuid),
    /// Leave a change opened from the home screen.
    Home,
}

impl Profile {
    /// Opens on the form when nobody is on this PC's list yet, else on the list.
    pub fn new(has_listed: bool) -> Self {
        Self {
            page: if has_listed {
                Page::List
            } else {
                Page::Form(form::Form::new())
            },
            show_hidden: false,
        }
    }

    /// The form filled in with `learner`, to change it; `from_home` when opened from the home
    /// screen (saving or cancelling goes back there).
    pub fn edit(learner: &Learner, from_home: bool) -> Self {
        Self {
            page: Page::Form(form::Form::edit(learner, from_home)),
            show_hidden: false,
        }
    }

    /// What to do as the page appears: a form starts with its first field focused, so what is
    /// typed goes into it (a space typed into the name is a space, not a press of a button).
    pub fn opened(&self) -> Task<Message> {
        match &self.page {
            Page::Form(_) => form::focus(Field::Name),
            Page::List | Page::ConfirmRemove(_) => Task::none(),
        }
    }

    /// Which page is shown (a new page starts at its top with nothing focused).
    pub fn page(&self) -> usize {
        match self.page {
            Page::List => 0,
            Page::Form(_) => 1,
            Page::ConfirmRemove(_) => 2,
        }
    }

    /// The problems the form shows, in the order of its fields.
    pub fn errors(&self) -> &[LearnerError] {
        match &self.page {
            Page::Form(form) => form.errors(),
            Page::List | Page::ConfirmRemove(_) => &[],
        }
    }

    pub fn update(&mut self, message: Message, env: &Env<'_>) -> Action {
        match message {
            Message::LearnerPicked(id) | Message::UseExistingPressed(id) => Action::Pick(id),
            Message::NewPressed => self.open(Page::Form(form::Form::new())),
            Message::EditPressed(id) => match env.learners.iter().find(|l| l.id == id) {
                Some(learner) => self.open(Page::Form(form::Form::edit(learner, false))),
                None => Action::None,
            },
            Message::RemovePressed(id) => {
                self.page = Page::ConfirmRemove(id);
                Action::None
            }
            Message::RemoveConfirmed => {
                let Page::ConfirmRemove(id) = self.page else {
                    return Action::None;
                };
                let left =
                    crate::records::profiles::listed(env.learners, env.hidden).any(|l| l.id != id);
                *self = Profile::new(left);
                Action::Remove(id)
            }
            Message::HiddenToggled => {
                self.show_hidden = !self.show_hidden;
                Action::None
            }
            Message::RestorePressed(id) => Action::Restore(id),
            Message::CancelPressed => match &self.page {
                Page::Form(form) if form.opened_from_home() => Action::Home,
                _ => {
                    self.page = Page::List;
                    Action::None
                }
            },
            message => {
                let Page::Form(form) = &mut self.page else {
                    return Action::None;
                };
                let home = form.opened_from_home();
                match form.update(message, env) {
                    form::Outcome::None => Action::None,
                    form::Outcome::Focus(field) => Action::Run(form::focus(field)),
                    form::Outcome::Create(learner) => Action::Create(*learner),
                    form::Outcome::Revise(learner) => {
                        if !home {
                            self.page = Page::List;
                        }
                        Action::Revise {
                            learner: *learner,
                            home,
                        }
                    }
                    form::Outcome::Unchanged if home => Action::Home,
                    form::Outcome::Unchanged => {
                        self.page = Page::List;
                        Action::None
                    }
                }
            }
        }
    }

    fn open(&mut self, page: Page) -> Action {
        self.page = page;
        Action::Run(self.opened())
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, env: &Env<'a>) -> Element<'a, Message> {
        let listed: Vec<&'a Learner> =
            crate::records::profiles::listed(env.learners, env.hidden).collect();
        let content = match &self.page {
            // Cancel goes back to the list (or home), when there is one to go back to.
            Page::Form(form) => form.view(ctx, !env.learners.is_empty() || form.opened_from_home()),
            Page::List => picker::view_list(ctx, &listed, env, self.show_hidden),
            Page::ConfirmRemove(id) => match env.learners.iter().find(|l| l.id == *id) {
                Some(learner) => picker::view_confirm(ctx, learner),
                None => picker::view_list(ctx, &listed, env, self.show_hidden),
            },
        };
        widget::page(iced::widget::column![content].padding(24), widget::NARROW)
            .id(widget::PAGE_SCROLL)
            .into()
    }
}
