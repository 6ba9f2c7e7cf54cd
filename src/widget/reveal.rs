//! Keeps the keyboard focus in view: after Tab moves it, the page scrolls so the focused control
//! is on screen (iced does not do this by itself, and a keyboard user cannot see off-screen).

use iced::Rectangle;
use iced::Vector;
use iced::advanced::widget::operation::scrollable::{AbsoluteOffset, Scrollable};
use iced::advanced::widget::operation::{Focusable, Outcome};
use iced::advanced::widget::{Id, Operation};

/// The id every screen gives its page scrollable.
pub const PAGE_SCROLL: &str = "page_scroll";

/// First pass: find the focused control inside the page scrollable; then chain a scroll.
#[derive(Default)]
struct Reveal {
    /// The page scrollable: its bounds, the content's bounds and the current offset.
    page: Option<(Rectangle, Rectangle, Vector)>,
    focused: Option<Rectangle>,
}

impl Operation for Reveal {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        content_bounds: Rectangle,
        translation: Vector,
        _state: &mut dyn Scrollable,
    ) {
        if id == Some(&Id::new(PAGE_SCROLL)) {
            self.page = Some((bounds, content_bounds, translation));
        }
    }

    fn focusable(&mut self, _id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        if state.is_focused() {
            self.focused = Some(bounds);
        }
    }

    fn finish(&self) -> Outcome<()> {
        let (Some((page, content, translation)), Some(focused)) = (self.page, self.focused) else {
            return Outcome::None;
        };
        match offset_to_show(page, content, translation, focused) {
            Some(y) => Outcome::Chain(Box::new(
                iced::advanced::widget::operation::scrollable::scroll_to(
                    Id::new(PAGE_SCROLL),
                    AbsoluteOffset {
                        x: None,
                        y: Some(y),
                    },
                ),
            )),
            None => Outcome::None,
        }
    }
}

/// The vertical offset that brings `focused` (in content coordinates) into the visible part
/// of the page, with a margin; `None` when it is already visible.
pub fn offset_to_show(
    page: Rectangle,
    content: Rectangle,
    translation: Vector,
    focused: Rectangle,
) -> Option<f32> {
    const MARGIN: f32 = 24.0;
    let top = focused.y - content.y;
    let bottom = top + focused.height;
    let visible_top = translation.y;
    let visible_bottom = translation.y + page.height;
    if top < visible_top {
        Some((top - MARGIN).max(0.0))
    } else if bottom > visible_bottom {
        Some(bottom - page.height + MARGIN)
    } else {
        None
    }
}

/// A task that scrolls the page to the focused control.
pub fn reveal_focused<T: Send + 'static>() -> iced::Task<T> {
    iced::advanced::widget::operate(Reveal::default()).discard()
}

/// Finds the container with an id inside the page scrollable, then scrolls its top into view.
struct RevealTop {
    target: Id,
    page: Option<(Rectangle, Rectangle, Vector)>,
    found: Option<Rectangle>,
}

impl Operation for RevealTop {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn container(&mut self, id: Option<&Id>, bounds: Rectangle) {
        if id == Some(&self.target) {
            self.found = Some(bounds);
        }
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        content_bounds: Rectangle,
        translation: Vector,
        _state: &mut dyn Scrollable,
    ) {
        if id == Some(&Id::new(PAGE_SCROLL)) {
            self.page = Some((bounds, content_bounds, translation));
        }
    }

    fn finish(&self) -> Outcome<()> {
        let (Some((page, content, translation)), Some(found)) = (self.page, self.found) else {
            return Outcome::None;
        };
        match offset_to_show_top(page, content, translation, found) {
            Some(y) => Outcome::Chain(Box::new(
                iced::advanced::widget::operation::scrollable::scroll_to(
                    Id::new(PAGE_SCROLL),
                    AbsoluteOffset {
                        x: None,
                        y: Some(y),
                    },
                ),
            )),
            None => Outcome::None,
        }
    }
}

/// The offset that shows `target` from its top: unchanged when it is wholly visible, else its
/// top at the top of the page (a panel taller than the window is read from its start).
pub fn offset_to_show_top(
    page: Rectangle,
    content: Rectangle,
    translation: Vector,
    target: Rectangle,
) -> Option<f32> {
    const MARGIN: f32 = 12.0;
    let top = target.y - content.y;
    let bottom = top + target.height;
    let visible = translation.y..=translation.y + page.height;
    if visible.contains(&top) && visible.contains(&bottom) {
        None
    } else {
        Some((top - MARGIN).max(0.0))
    }
}

/// A reading key's scroll of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    Top,
    End,
}

/// Height of a line step: about two lines of body text.
const LINE: f32 = 48.0;

/// Reads the page scrollable's size and offset, then scrolls it by a step.
struct ScrollPage {
    step: Scroll,
    page: Option<(Rectangle, Rectangle, Vector)>,
}

impl Operation for ScrollPage {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        id: Option<&Id>,
        bounds: Rectangle,
        content_bounds: Rectangle,
        translation: Vector,
        _state: &mut dyn Scrollable,
    ) {
        if id == Some(&Id::new(PAGE_SCROLL)) {
            self.page = Some((bounds, content_bounds, translation));
        }
    }

    fn finish(&self) -> Outcome<()> {
        let Some((page, content, translation)) = self.page else {
            return Outcome::None;
        };
        let y = scrolled_offset(self.step, page.height, content.height, translation.y);
        Outcome::Chain(Box::new(
            iced::advanced::widget::operation::scrollable::scroll_to(
                Id::new(PAGE_SCROLL),
                AbsoluteOffset {
                    x: None,
                    y: Some(y),
                },
            ),
        ))
    }
}

/// The offset after a step: a line, most of a page (a line of overlap keeps the reader's
/// place), or an end; never before the start or past the end.
pub fn scrolled_offset(step: Scroll, page: f32, content: f32, offset: f32) -> f32 {
    let most = (content - page).max(0.0);
    let y = match step {
        Scroll::LineDown => offset + LINE,
        Scroll::LineUp => offset - LINE,
        Scroll::PageDown => offset + (page - LINE).max(LINE),
        Scroll::PageUp => offset - (page - LINE).max(LINE),
        Scroll::Top => 0.0,
        Scroll::End => most,
    };
    y.clamp(0.0, most)
}

/// A task that scrolls the page by a reading key's step.
pub fn scroll_page<T: Send + 'static>(step: Scroll) -> iced::Task<T> {
    iced::advanced::widget::operate(ScrollPage { step, page: None }).discard()
}

/// A task that scrolls the page so the container with `id` shows from its top.
pub fn reveal_top<T: Send + 'static>(id: impl Into<Id>) -> iced::Task<T> {
    iced::advanced::widget::operate(RevealTop {
        target: id.into(),
        page: None,
        found: None,
    })
    .discard()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(y: f32, height: f32) -> Rectangle {
        Rectangle {
            x: 0.0,
            y,
            width: 100.0,
            height,
        }
    }

    #[test]
    fn reading_keys_step_within_the_page() {
        // A 500 px window over 2000 px of text.
        assert_eq!(scrolled_offset(Scroll::LineDown, 500.0, 2000.0, 0.0), 48.0);
        assert_eq!(scrolled_offset(Scroll::LineUp, 500.0, 2000.0, 0.0), 0.0);
        assert_eq!(
            scrolled_offset(Scroll::PageDown, 500.0, 2000.0, 100.0),
            552.0
        );
        assert_eq!(
            scrolled_offset(Scroll::PageDown, 500.0, 2000.0, 1400.0),
            1500.0
        );
        assert_eq!(scrolled_offset(Scroll::PageUp, 500.0, 2000.0, 300.0), 0.0);
        assert_eq!(scrolled_offset(Scroll::End, 500.0, 2000.0, 0.0), 1500.0);
        assert_eq!(scrolled_offset(Scroll::Top, 500.0, 2000.0, 900.0), 0.0);
        // Text shorter than the window does not move.
        assert_eq!(scrolled_offset(Scroll::PageDown, 500.0, 300.0, 0.0), 0.0);
    }

    #[test]
    fn a_panel_out_of_view_shows_from_its_top() {
        let page = rect(60.0, 500.0);
        let content = rect(60.0, 2000.0);
        let at = |y| Vector::new(0.0, y);
        // Wholly visible: stays.
        assert_eq!(
            offset_to_show_top(page, content, at(0.0), rect(200.0, 100.0)),
            None
        );
        // Below the fold, or taller than the window: its top goes to the top.
        assert_eq!(
            offset_to_show_top(page, content, at(0.0), rect(460.0, 300.0)),
            Some(460.0 - 60.0 - 12.0)
        );
        assert_eq!(
            offset_to_show_top(page, content, at(500.0), rect(460.0, 900.0)),
            Some(460.0 - 60.0 - 12.0)
        );
    }

    #[test]
    fn scrolls_only_when_the_focus_is_out_of_view() {
        let page = rect(60.0, 500.0);
        let content = rect(60.0, 2000.0);
        let at = |y| Vector::new(0.0, y);
        assert_eq!(
            offset_to_show(page, content, at(0.0), rect(200.0, 40.0)),
            None
        );
        assert_eq!(
            offset_to_show(page, content, at(0.0), rect(900.0, 40.0)),
            Some(900.0 - 60.0 + 40.0 - 500.0 + 24.0)
        );
        assert_eq!(
            offset_to_show(page, content, at(800.0), rect(300.0, 40.0)),
            Some(300.0 - 60.0 - 24.0)
        );
    }
}
