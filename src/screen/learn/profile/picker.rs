//! The list of this PC's profiles: pick one, change one, take one off the list (after asking),
//! or put back one taken off.

use iced::widget::{button, column, row, text};
use iced::{Alignment, Element, Length};

use super::{Env, Message};
use crate::app::Ctx;
use crate::records::Learner;
use crate::theme;
use crate::widget::{self, size};

/// NIP (or "no NIP"), unit and instansi on one line.
fn details(ctx: &Ctx<'_>, learner: &Learner) -> String {
    let nip = learner
        .nip
        .as_ref()
        .map_or_else(|| ctx.t("profile-without-nip-badge"), ToString::to_string);
    format!(
        "{nip} \u{00b7} {} \u{00b7} {}",
        learner.unit, learner.instansi
    )
}

fn small<'a>(ctx: &Ctx<'_>, label: String, message: Message) -> Element<'a, Message> {
    widget::button_with(
        ctx,
        button(text(label).size(size::SMALL))
            .padding([6, 12])
            .style(theme::buttons::secondary(ctx.colors)),
        Some(message),
    )
}

pub fn view_list<'a>(
    ctx: &Ctx<'a>,
    listed: &[&'a Learner],
    env: &Env<'a>,
    show_hidden: bool,
) -> Element<'a, Message> {
    let rows = listed.iter().map(|learner| -> Element<'a, Message> {
        let pick = button(
            column![
                text(&learner.name).size(size::H3).font(widget::BOLD),
                text(details(ctx, learner)).size(size::SMALL),
            ]
            .spacing(4),
        )
        .width(Length::Fill)
        .padding(14)
        .style(theme::buttons::row(ctx.colors));
        column![
            widget::button_with(ctx, pick, Some(Message::LearnerPicked(learner.id))),
            row![
                small(ctx, ctx.t("profile-edit"), Message::EditPressed(learner.id)),
                small(
                    ctx,
                    ctx.t("profile-remove"),
                    Message::RemovePressed(learner.id)
                ),
            ]
            .spacing(8)
            .wrap(),
        ]
        .spacing(6)
        .into()
    });
    let mut page = column![
        widget::h1(ctx.t("profile-pick-title")),
        widget::muted(ctx, ctx.t("profile-pick-hint")),
        column(rows).spacing(18),
        widget::primary(ctx, ctx.t("profile-new"), Some(Message::NewPressed)),
    ]
    .spacing(16);
    let hidden: Vec<&'a Learner> =
        crate::records::profiles::taken_off(env.learners, env.hidden).collect();
    if !hidden.is_empty() {
        let count = i64::try_from(hidden.len()).unwrap_or(i64::MAX);
        let toggle = if show_hidden {
            ctx.t("profile-hidden-hide")
        } else {
            crate::i18n::tr_count(ctx.lang, "profile-hidden-show", "count", count)
        };
        page = page.push(widget::secondary(ctx, toggle, Some(Message::HiddenToggled)));
        if show_hidden {
            page = page.push(widget::muted(ctx, ctx.t("profile-hidden-hint")));
            page = page.push(
                column(hidden.into_iter().map(|learner| {
                    widget::card(
                        ctx,
                        column![
                            text(&learner.name).size(size::BODY).font(widget::BOLD),
                            widget::muted(ctx, details(ctx, learner)),
                            small(
                                ctx,
                                ctx.t("profile-restore"),
                                Message::RestorePressed(learner.id)
                            ),
                        ]
                        .spacing(6),
                    )
                }))
                .spacing(8),
            );
        }
    }
    page.into()
}

/// Asks before a profile is taken off this PC's list, and says what that does and does not do.
pub fn view_confirm<'a>(ctx: &Ctx<'a>, learner: &'a Learner) -> Element<'a, Message> {
    column![
        widget::h1(ctx.t("profile-remove-title")),
        widget::card(
            ctx,
            column![
                text(&learner.name).size(size::H3).font(widget::BOLD),
                text(details(ctx, learner)).size(size::SMALL),
            ]
            .spacing(4),
        ),
        widget::body(ctx.t("profile-remove-body")),
        widget::body(ctx.t("profile-remove-undo")),
        row![
            widget::primary(
                ctx,
                ctx.t("profile-remove-confirm"),
                Some(Message::RemoveConfirmed)
            ),
            widget::secondary(ctx, ctx.t("common-cancel"), Some(Message::CancelPressed)),
        ]
        .spacing(12)
        .align_y(Alignment::Center)
        .wrap(),
    ]
    .spacing(16)
    .into()
}
