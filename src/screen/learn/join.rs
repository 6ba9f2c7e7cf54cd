//! Taking a trainer's session test at one's own desk: the learner types the code the trainer
//! shows; the code says which module, which test and which question set, so this PC needs no
//! copy of the session. The attempt carries the session, and its bundle, imported on the
//! trainer's laptop, joins the session's results.

use iced::widget::{column, text_input};
use iced::{Element, Length};

use crate::app::Ctx;
use crate::content::{Catalog, Form};
use crate::lang::Lang;
use crate::screen::hr::status_line;
use crate::training::SessionTag;
use crate::training::code::{CodeError, DeskCode, module_tag};
use crate::widget;

pub const CODE_FIELD: &str = "join_code";

#[derive(Debug, Clone, Default)]
pub struct JoinScreen {
    typed: String,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Typed(String),
    Submitted,
    BackPressed,
}

pub enum Action {
    None,
    Back,
    /// Start the session's test: this module, this question set, tagged with the session.
    Start {
        module: String,
        form: Form,
        tag: SessionTag,
    },
}

/// Why a code cannot start a test here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinError {
    Code(CodeError),
    /// No module on this PC (or more than one) matches the code's module.
    NoModule,
    /// The profile has no NIP: the result could not be matched to the attendance list.
    NoNip,
}

impl JoinError {
    pub fn message(self, lang: Lang) -> String {
        crate::i18n::tr(
            lang,
            match self {
                JoinError::Code(CodeError::Length) => "join-error-length",
                JoinError::Code(CodeError::Character) => "join-error-character",
                JoinError::Code(CodeError::Check) => "join-error-check",
                JoinError::NoModule => "join-error-module",
                JoinError::NoNip => "join-error-nip",
            },
        )
    }
}

/// What a typed code starts on this PC. Pure, so it is tested without a screen.
pub fn resolve(typed: &str, catalog: &Catalog, has_nip: bool) -> Result<Action, JoinError> {
    let code = DeskCode::parse(typed).map_err(JoinError::Code)?;
    let mut matching = catalog
        .modules
        .iter()
        .filter(|m| module_tag(&m.id) == code.module_tag);
    let (Some(module), None) = (matching.next(), matching.next()) else {
        return Err(JoinError::NoModule);
    };
    if !has_nip {
        return Err(JoinError::NoNip);
    }
    Ok(Action::Start {
        module: module.id.clone(),
        form: code.form,
        tag: SessionTag {
            token: code.token,
            phase: code.phase,
        },
    })
}

impl JoinScreen {
    pub fn update(
        &mut self,
        message: Message,
        catalog: &Catalog,
        has_nip: bool,
        lang: Lang,
    ) -> Action {
        match message {
            Message::Typed(typed) => {
                self.typed = typed;
                self.error = None;
                Action::None
            }
            Message::Submitted => match resolve(&self.typed, catalog, has_nip) {
                Ok(action) => action,
                Err(error) => {
                    self.error = Some(error.message(lang));
                    Action::None
                }
            },
            Message::BackPressed => Action::Back,
        }
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let mut items = column![
            widget::secondary(ctx, ctx.t("common-back"), Some(Message::BackPressed)),
            widget::h1(ctx.t("join-title")),
            widget::body(ctx.t("join-intro")),
            text_input("XXX-XXX-XXX", &self.typed)
                .id(CODE_FIELD)
                .on_input(Message::Typed)
                .on_submit(Message::Submitted)
                .size(widget::size::H2)
                .padding(12),
            widget::primary(ctx, ctx.t("join-start"), Some(Message::Submitted)),
        ]
        .spacing(14)
        .padding(24);
        if let Some(error) = &self.error {
            items = items.push(status_line(ctx, false, error.as_str()));
        }
        items = items.push(widget::muted(ctx, ctx.t("join-after")));
        widget::page(items, widget::NARROW)
            .id(crate::widget::PAGE_SCROLL)
            .height(Length::Fill)
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::TestPhase;

    #[test]
    fn a_code_starts_the_right_test_or_says_why_not() {
        let catalog = crate::content::load_embedded().unwrap();
        let code = DeskCode::new("K7Q39P", TestPhase::Post, Form::B, "sanksi").to_code();
        match resolve(&code, &catalog, true) {
            Ok(Action::Start { module, form, tag }) => {
                assert_eq!(module, "sanksi");
                assert_eq!(form, Form::B);
                assert_eq!(tag.token, "K7Q39P");
                assert_eq!(tag.phase, TestPhase::Post);
            }
            _ => panic!("the code should start the sanksi post-test"),
        }
        assert_eq!(
            resolve(&code, &catalog, false).err(),
            Some(JoinError::NoNip)
        );
        let mut typo: Vec<char> = code.chars().collect();
        typo[1] = if typo[1] == 'X' { 'Y' } else { 'X' };
        let typo: String = typo.into_iter().collect();
        assert!(matches!(
            resolve(&typo, &catalog, true),
            Err(JoinError::Code(_))
        ));
        let unknown = DeskCode::new("K7Q39P", TestPhase::Pre, Form::A, "not-here").to_code();
        if catalog
            .modules
            .iter()
            .all(|m| module_tag(&m.id) != module_tag("not-here"))
        {
            assert_eq!(
                resolve(&unknown, &catalog, true).err(),
                Some(JoinError::NoModule)
            );
        }
    }
}
