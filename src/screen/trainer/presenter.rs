//! Presenter mode: the session's slides full screen on the projector, in type sized for the back
//! of a hall, driven by a presentation clicker (PageDown/PageUp, arrows, Space, B) or the
//! keyboard. The view has no app chrome and its own high-contrast colours, whatever the app's
//! theme.

use std::borrow::Cow;

use iced::keyboard::{Key, Modifiers, key::Named};
use iced::widget::{mouse_area, responsive};
use iced::{Element, Size, Task, window};

use crate::app::Ctx;
use crate::i18n;
use crate::lang::Lang;
use crate::theme::Projector;
use crate::training::{Slide, SlideKind};
use crate::widget::projector::{self as look, Block, Role, Type};

#[derive(Debug, Clone)]
pub struct Presenter {
    slides: Vec<Slide>,
    /// The session's title, small in the bottom-left corner.
    title: String,
    index: usize,
    /// The screen is blacked out (B or `.` on a clicker), so the room looks at the trainer.
    blank: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Right, Down, Space, PageDown, Enter, a left click: the next slide.
    NextPressed,
    /// Left, Up, PageUp, Backspace, Shift+Space, a right click: the slide before.
    PreviousPressed,
    /// Home.
    FirstPressed,
    /// End.
    LastPressed,
    /// B or `.`: black out the screen, or bring the slide back.
    BlankPressed,
    /// Escape.
    LeavePressed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    /// Leave presenter mode: the app leaves full screen and shows where the trainer came from.
    Leave,
}

impl Presenter {
    pub fn new(slides: Vec<Slide>, title: impl Into<String>) -> Self {
        Presenter {
            slides,
            title: title.into(),
            index: 0,
            blank: false,
        }
    }

    /// Position of the slide shown, from 0.
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn len(&self) -> usize {
        self.slides.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }

    pub fn is_blank(&self) -> bool {
        self.blank
    }

    pub fn current(&self) -> Option<&Slide> {
        self.slides.get(self.index)
    }

    pub fn update(&mut self, message: Message) -> Action {
        let last = self.slides.len().saturating_sub(1);
        match message {
            // Coming back from black shows the same slide: nobody misses one.
            Message::NextPressed | Message::PreviousPressed if self.blank => self.blank = false,
            Message::NextPressed => self.index = (self.index + 1).min(last),
            Message::PreviousPressed => self.index = self.index.saturating_sub(1),
            Message::FirstPressed => self.go(0),
            Message::LastPressed => self.go(last),
            Message::BlankPressed => self.blank = !self.blank,
            Message::LeavePressed => return Action::Leave,
        }
        Action::None
    }

    fn go(&mut self, index: usize) {
        self.index = index;
        self.blank = false;
    }

    /// The keys of a presentation clicker and of a keyboard. Keys held with Ctrl, Alt or the
    /// logo key are left to the app.
    pub fn key(&self, key: &Key, modifiers: Modifiers) -> Option<Message> {
        navigation(key, modifiers)
    }

    /// The slide, laid out for the space the view is given (the whole window, in presenter
    /// mode). A left click goes on, a right click back.
    pub fn view<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let lang = ctx.lang;
        let slide = responsive(move |window| self.view_sized(lang, window));
        mouse_area(slide)
            .on_press(Message::NextPressed)
            .on_right_press(Message::PreviousPressed)
            .into()
    }

    /// The slide as laid out for a window of `window` logical pixels.
    pub fn view_at<'a>(&'a self, ctx: &Ctx<'a>, window: Size) -> Element<'a, Message> {
        self.view_sized(ctx.lang, window)
    }

    fn view_sized(&self, lang: Lang, window: Size) -> Element<'_, Message> {
        let (Some(slide), false) = (self.current(), self.blank) else {
            return look::blank();
        };
        let counter = i18n::tr_args(
            lang,
            "projector-counter",
            &[
                ("n", &(self.index + 1).to_string()),
                ("total", &self.slides.len().to_string()),
            ],
        );
        let footer = footer(slide);
        let blocks = blocks(slide);
        let ty = self.fit(slide, &blocks, &footer, window);
        look::frame(
            &ty,
            &slide.label,
            look::stack(blocks, &ty),
            look::small_print(footer, &ty),
            &self.title,
            counter,
        )
    }

    /// The type the slide shown is set in at `window`: [`Type::for_window`], or smaller when
    /// its text would not fit.
    pub fn type_at(&self, window: Size) -> Option<Type> {
        let slide = self.current()?;
        Some(self.fit(slide, &blocks(slide), &footer(slide), window))
    }

    fn fit(&self, slide: &Slide, blocks: &[Block<'_>], footer: &[String], window: Size) -> Type {
        look::fit(
            Type::for_window(window),
            |ty| look::frame_room(ty, window, &slide.label, footer, &self.title),
            |ty| look::stack_height(blocks, ty, ty.text_width(window)),
        )
    }
}

/// The small print at the bottom: a key point's legal basis and sources.
fn footer(slide: &Slide) -> Vec<String> {
    match slide.kind {
        SlideKind::Point => slide
            .sources
            .iter()
            .map(crate::content::Sources::line)
            .collect(),
        _ => Vec::new(),
    }
}

/// The slide's text, big to small: what [`look::fit`] measures is what is drawn.
fn blocks(slide: &Slide) -> Vec<Block<'_>> {
    let colors = Projector::COLORS;
    let body = || {
        slide
            .body
            .iter()
            .map(|paragraph| Block::new(paragraph.as_str(), Role::Body))
    };
    match slide.kind {
        SlideKind::Module | SlideKind::Closing => std::iter::once(
            Block::new(slide.heading.as_str(), Role::Title)
                .bold()
                .color(colors.accent),
        )
        .chain(body())
        .collect(),
        SlideKind::Lesson => {
            let mut blocks = vec![
                Block::new(slide.heading.as_str(), Role::Heading)
                    .bold()
                    .color(colors.accent),
            ];
            for group in &slide.sources {
                blocks.push(
                    Block::new(group.caption.as_str(), Role::Body)
                        .bold()
                        .color(colors.muted),
                );
                blocks.extend(group.items.iter().map(|item| {
                    Block::new(Cow::Owned(format!("\u{2022}  {item}")), Role::Body).before(0.25)
                }));
            }
            blocks
        }
        SlideKind::Point => std::iter::once(Block::new(slide.heading.as_str(), Role::Point))
            .chain(body())
            .collect(),
    }
}

/// The keys presenter mode and the room quiz share: a clicker's PageDown/PageUp (and the arrows,
/// Space and Enter some send), Home/End, B or `.` to black out, Escape to leave.
pub fn navigation(key: &Key, modifiers: Modifiers) -> Option<Message> {
    if modifiers.control() || modifiers.alt() || modifiers.logo() {
        return None;
    }
    match key {
        Key::Named(Named::Space) if modifiers.shift() => Some(Message::PreviousPressed),
        Key::Named(
            Named::ArrowRight | Named::ArrowDown | Named::Space | Named::PageDown | Named::Enter,
        ) => Some(Message::NextPressed),
        Key::Named(Named::ArrowLeft | Named::ArrowUp | Named::PageUp | Named::Backspace) => {
            Some(Message::PreviousPressed)
        }
        Key::Named(Named::Home) => Some(Message::FirstPressed),
        Key::Named(Named::End) => Some(Message::LastPressed),
        Key::Named(Named::Escape) => Some(Message::LeavePressed),
        Key::Character(c) if matches!(c.as_str(), "b" | "B" | ".") => Some(Message::BlankPressed),
        _ => None,
    }
}

/// Puts the app's window in full screen, on the monitor it is on.
///
/// iced 0.14 cannot choose a monitor: `window::set_mode(Fullscreen)` fills the monitor the
/// window is on, and iced lists no monitors and says nothing of their positions. With a laptop
/// and a projector the trainer either mirrors the screens (the OS's "duplicate"; a 1024×768
/// projector then sets the resolution for both) or extends the desktop, drags the window onto
/// the projector, and only then starts presenting.
pub fn enter_fullscreen<M: Send + 'static>() -> Task<M> {
    set_mode(window::Mode::Fullscreen)
}

/// Puts the app's window back in a normal window.
pub fn leave_fullscreen<M: Send + 'static>() -> Task<M> {
    set_mode(window::Mode::Windowed)
}

fn set_mode<M: Send + 'static>(mode: window::Mode) -> Task<M> {
    window::latest().then(move |id| match id {
        Some(id) => window::set_mode(id, mode),
        None => Task::none(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(n: usize) -> Presenter {
        let slides = (0..n)
            .map(|i| Slide {
                kind: SlideKind::Point,
                label: format!("label {i}"),
                heading: format!("point {i}"),
                body: Vec::new(),
                sources: Vec::new(),
            })
            .collect();
        Presenter::new(slides, "Sesi")
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        let mut p = deck(3);
        assert_eq!(p.update(Message::PreviousPressed), Action::None);
        assert_eq!(p.index(), 0);
        p.update(Message::NextPressed);
        p.update(Message::NextPressed);
        p.update(Message::NextPressed);
        assert_eq!(p.index(), 2);
        p.update(Message::FirstPressed);
        assert_eq!(p.index(), 0);
        p.update(Message::LastPressed);
        assert_eq!(p.index(), 2);
        assert_eq!(p.update(Message::LeavePressed), Action::Leave);
    }

    #[test]
    fn a_blacked_out_screen_comes_back_on_the_same_slide() {
        let mut p = deck(3);
        p.update(Message::NextPressed);
        p.update(Message::BlankPressed);
        assert!(p.is_blank());
        p.update(Message::NextPressed);
        assert!(!p.is_blank());
        assert_eq!(p.index(), 1);
        p.update(Message::BlankPressed);
        p.update(Message::BlankPressed);
        assert!(!p.is_blank());
    }

    #[test]
    fn an_empty_deck_does_not_panic() {
        let mut p = deck(0);
        p.update(Message::NextPressed);
        p.update(Message::LastPressed);
        assert_eq!(p.index(), 0);
        assert!(p.current().is_none());
    }

    #[test]
    fn clicker_and_keyboard_keys() {
        let none = Modifiers::empty();
        let named = |n| navigation(&Key::Named(n), none);
        for n in [
            Named::ArrowRight,
            Named::ArrowDown,
            Named::Space,
            Named::PageDown,
            Named::Enter,
        ] {
            assert_eq!(named(n), Some(Message::NextPressed), "{n:?}");
        }
        for n in [
            Named::ArrowLeft,
            Named::ArrowUp,
            Named::PageUp,
            Named::Backspace,
        ] {
            assert_eq!(named(n), Some(Message::PreviousPressed), "{n:?}");
        }
        assert_eq!(named(Named::Home), Some(Message::FirstPressed));
        assert_eq!(named(Named::End), Some(Message::LastPressed));
        assert_eq!(named(Named::Escape), Some(Message::LeavePressed));
        assert_eq!(
            navigation(&Key::Character("b".into()), none),
            Some(Message::BlankPressed)
        );
        assert_eq!(
            navigation(&Key::Named(Named::Space), Modifiers::SHIFT),
            Some(Message::PreviousPressed)
        );
        assert_eq!(
            navigation(&Key::Named(Named::ArrowRight), Modifiers::CTRL),
            None
        );
        assert_eq!(navigation(&Key::Character("x".into()), none), None);
    }
}
