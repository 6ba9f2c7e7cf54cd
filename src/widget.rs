//! Small view helpers shared by the screens, so every screen draws headings, buttons and cards
//! the same way, and every control can be reached with the keyboard.

mod focus;
pub mod projector;
mod reveal;

pub use focus::Focus;
pub use reveal::{PAGE_SCROLL, Scroll, reveal_focused, reveal_top, scroll_page};

use iced::widget::{button, column, container, text};
use iced::{Element, Font, Length, font};

use crate::app::Ctx;
use crate::theme;

/// Text sizes in logical pixels at 100%; the text-size setting scales the whole window.
pub mod size {
    pub const BODY: f32 = 17.0;
    pub const SMALL: f32 = 15.0;
    pub const H1: f32 = 28.0;
    pub const H2: f32 = 22.0;
    pub const H3: f32 = 19.0;
}

pub const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..Font::with_name("Noto Sans")
};

pub fn h1<'a, M: 'a>(content: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(content).size(size::H1).font(BOLD).into()
}

pub fn h2<'a, M: 'a>(content: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(content).size(size::H2).font(BOLD).into()
}

pub fn h3<'a, M: 'a>(content: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(content).size(size::H3).font(BOLD).into()
}

pub fn body<'a, M: 'a>(content: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(content).size(size::BODY).into()
}

pub fn muted<'a, M: 'a>(ctx: &Ctx<'_>, content: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(content)
        .size(size::SMALL)
        .style(theme::texts::muted(ctx.colors))
        .into()
}

/// Makes `content` reachable with Tab and activated with Space or Enter, sending `message`.
pub fn focusable<'a, M: Clone + 'a>(
    ctx: &Ctx<'_>,
    content: impl Into<Element<'a, M>>,
    message: M,
) -> Element<'a, M> {
    Focus::new(content, message, ctx.colors.focus).into()
}

/// A button with a keyboard focus ring. `None` draws it disabled (and out of the Tab order).
pub fn button_with<'a, M: Clone + 'a>(
    ctx: &Ctx<'_>,
    content: button::Button<'a, M>,
    on_press: Option<M>,
) -> Element<'a, M> {
    match on_press {
        Some(message) => focusable(ctx, content.on_press(message.clone()), message),
        None => content.into(),
    }
}

/// The main action of a screen. `None` draws it disabled.
pub fn primary<'a, M: Clone + 'a>(
    ctx: &Ctx<'_>,
    label: String,
    on_press: Option<M>,
) -> Element<'a, M> {
    let content = button(text(label).size(size::BODY).font(BOLD))
        .padding([10, 20])
        .style(theme::buttons::primary(ctx.colors));
    button_with(ctx, content, on_press)
}

pub fn secondary<'a, M: Clone + 'a>(
    ctx: &Ctx<'_>,
    label: String,
    on_press: Option<M>,
) -> Element<'a, M> {
    let content = button(text(label).size(size::BODY))
        .padding([10, 18])
        .style(theme::buttons::secondary(ctx.colors));
    button_with(ctx, content, on_press)
}

/// A page's scrolling body, no wider than `max_width` and centred: on a wide screen lines
/// stay short enough to read and the page does not hug the left edge.
pub fn page<'a, M: 'a>(
    content: impl Into<Element<'a, M>>,
    max_width: f32,
) -> iced::widget::Scrollable<'a, M> {
    iced::widget::scrollable(
        container(container(content).max_width(max_width)).center_x(Length::Fill),
    )
}

/// The width of a form or a short page; a page of cards or a quiz gets [`WIDE`].
pub const NARROW: f32 = 760.0;
pub const WIDE: f32 = 960.0;

/// The button that picks the folder exports go to, and where they go now (the data folder's
/// `exports/` until one is chosen). `None` draws the button disabled.
pub fn export_folder<'a, M: Clone + 'a>(
    ctx: &Ctx<'_>,
    chosen: Option<&std::path::Path>,
    pick: Option<M>,
) -> Element<'a, M> {
    let shown = match chosen {
        Some(dir) => ctx.t_args(
            "settings-export-folder-chosen",
            &[("path", &dir.display().to_string())],
        ),
        None => ctx.t("settings-export-folder-default"),
    };
    iced::widget::row![
        secondary(ctx, ctx.t("settings-export-folder"), pick),
        muted(ctx, shown),
    ]
    .spacing(10)
    .align_y(iced::Alignment::Center)
    .wrap()
    .into()
}

/// A bordered panel.
pub fn card<'a, M: 'a>(ctx: &Ctx<'_>, content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(content)
        .padding(16)
        .width(Length::Fill)
        .style(theme::containers::card(ctx.colors))
        .into()
}

/// A titled panel, e.g. "Dasar hukum".
pub fn section<'a, M: 'a>(
    ctx: &Ctx<'_>,
    title: String,
    items: Vec<Element<'a, M>>,
) -> Element<'a, M> {
    card(
        ctx,
        column![h3(title), column(items).spacing(6)].spacing(10),
    )
}

/// A bullet list item.
pub fn bullet<'a, M: 'a>(content: String) -> Element<'a, M> {
    text(format!("\u{2022}  {content}")).size(size::BODY).into()
}
