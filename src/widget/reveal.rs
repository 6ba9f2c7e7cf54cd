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
