//! Drives the app with the keyboard only, the way the runtime does: one persistent widget tree
//! (so focus survives between frames), key events go to the widgets first, the keys they ignore
//! go to the app (its keyboard subscription), and widget operations from tasks (focus next,
//! unfocus, scroll) are applied to the tree.

#![allow(dead_code)]

use iced::advanced::widget::operation::Outcome;
use iced::keyboard::{self, Key};
use iced::{Event, Size};
use iced_test::core::renderer::Headless;
use iced_test::core::{clipboard, event, mouse};
use iced_test::futures::futures::StreamExt;
use iced_test::futures::futures::executor::block_on;
use iced_test::runtime::user_interface::{Cache, UserInterface};
use iced_test::runtime::{Action, task};

use latih_asn::app::{App, Message};
use latih_asn::fonts;

pub struct Keyboard {
    pub app: App,
    cache: Option<Cache>,
    renderer: iced::Renderer,
    /// The window, in logical pixels (tall by default, so no page needs scrolling).
    size: Size,
}

impl Keyboard {
    pub fn new(app: App) -> Self {
        static FONTS: std::sync::Once = std::sync::Once::new();
        FONTS.call_once(|| {
            let mut system = iced_test::renderer::graphics::text::font_system()
                .write()
                .expect("font system");
            for font in fonts::all() {
                system.load_font(font);
            }
        });
        let renderer = block_on(<iced::Renderer as Headless>::new(
            fonts::DEFAULT,
            16.into(),
            None,
        ))
        .expect("headless renderer");
        let mut keyboard = Self {
            app,
            cache: Some(Cache::default()),
            renderer,
            size: Size::new(1366.0, 4000.0),
        };
        // What the runtime runs once the window is open (the first page's focus).
        let start = keyboard.app.start();
        keyboard.run(start);
        keyboard
    }

    /// The same, in a window of a real size (for scrolling).
    pub fn sized(app: App, width: f32, height: f32) -> Self {
        let mut keyboard = Self::new(app);
        keyboard.size = Size::new(width, height);
        keyboard
    }

    /// Scrolls the page as a mouse wheel would (to its end with `f32::MAX`).
    pub fn scroll_page_to(&mut self, y: f32) {
        let mut operation = iced::advanced::widget::operation::scrollable::scroll_to::<()>(
            iced::advanced::widget::Id::new(latih_asn::widget::PAGE_SCROLL),
            iced::advanced::widget::operation::scrollable::AbsoluteOffset {
                x: None,
                y: Some(y),
            },
        );
        self.with_ui(|ui, renderer| ui.operate(renderer, &mut operation));
    }

    /// The page's visible band (top, bottom) and where the container (or text field) with `id`
    /// starts and ends, all in content coordinates.
    pub fn band_and(
        &mut self,
        id: impl Into<iced::advanced::widget::Id>,
    ) -> ((f32, f32), Option<(f32, f32)>) {
        struct Find {
            id: iced::advanced::widget::Id,
            page: Option<(iced::Rectangle, iced::Rectangle, iced::Vector)>,
            found: Option<iced::Rectangle>,
        }
        impl iced::advanced::widget::Operation for Find {
            fn traverse(
                &mut self,
                operate: &mut dyn FnMut(&mut dyn iced::advanced::widget::Operation),
            ) {
                operate(self);
            }
            fn container(
                &mut self,
                id: Option<&iced::advanced::widget::Id>,
                bounds: iced::Rectangle,
            ) {
                if id == Some(&self.id) {
                    self.found = Some(bounds);
                }
            }
            // A text field by its id, too.
            fn focusable(
                &mut self,
                id: Option<&iced::advanced::widget::Id>,
                bounds: iced::Rectangle,
                _state: &mut dyn iced::advanced::widget::operation::Focusable,
            ) {
                self.container(id, bounds);
            }
            fn scrollable(
                &mut self,
                id: Option<&iced::advanced::widget::Id>,
                bounds: iced::Rectangle,
                content: iced::Rectangle,
                translation: iced::Vector,
                _state: &mut dyn iced::advanced::widget::operation::Scrollable,
            ) {
                if id
                    == Some(&iced::advanced::widget::Id::new(
                        latih_asn::widget::PAGE_SCROLL,
                    ))
                {
                    self.page = Some((bounds, content, translation));
                }
            }
        }
        let mut find = Find {
            id: id.into(),
            page: None,
            found: None,
        };
        self.with_ui(|ui, renderer| ui.operate(renderer, &mut find));
        let (page, content, translation) = find.page.expect("a page scrollable");
        let band = (translation.y, translation.y + page.height);
        let found = find
            .found
            .map(|b| (b.y - content.y, b.y - content.y + b.height));
        (band, found)
    }

    /// How far the page scrollable is scrolled down, in logical pixels.
    pub fn page_offset(&mut self) -> f32 {
        struct Find(Option<f32>);
        impl iced::advanced::widget::Operation for Find {
            fn traverse(
                &mut self,
                operate: &mut dyn FnMut(&mut dyn iced::advanced::widget::Operation),
            ) {
                operate(self);
            }
            fn scrollable(
                &mut self,
                id: Option<&iced::advanced::widget::Id>,
                _bounds: iced::Rectangle,
                _content: iced::Rectangle,
                translation: iced::Vector,
                _state: &mut dyn iced::advanced::widget::operation::Scrollable,
            ) {
                if id
                    == Some(&iced::advanced::widget::Id::new(
                        latih_asn::widget::PAGE_SCROLL,
                    ))
                {
                    self.0 = Some(translation.y);
                }
            }
        }
        let mut find = Find(None);
        self.with_ui(|ui, renderer| ui.operate(renderer, &mut find));
        find.0.expect("the page has a page scrollable")
    }

    fn with_ui<R>(
        &mut self,
        f: impl FnOnce(
            &mut UserInterface<'_, Message, iced::Theme, iced::Renderer>,
            &mut iced::Renderer,
        ) -> R,
    ) -> R {
        let cache = self.cache.take().unwrap_or_default();
        let mut ui = UserInterface::build(self.app.view(), self.size, cache, &mut self.renderer);
        let result = f(&mut ui, &mut self.renderer);
        self.cache = Some(ui.into_cache());
        result
    }

    /// Presses (and releases) a key with modifiers.
    pub fn press(&mut self, key: Key, modifiers: keyboard::Modifiers) {
        let text = match &key {
            Key::Character(c) => Some(c.clone()),
            Key::Named(keyboard::key::Named::Space) => Some(" ".into()),
            _ => None,
        };
        let pressed = Event::Keyboard(keyboard::Event::KeyPressed {
            key: key.clone(),
            modified_key: key.clone(),
            physical_key: keyboard::key::Physical::Unidentified(
                keyboard::key::NativeCode::Unidentified,
            ),
            location: keyboard::Location::Standard,
            modifiers,
            text,
            repeat: false,
        });
        let released = Event::Keyboard(keyboard::Event::KeyReleased {
            key: key.clone(),
            modified_key: key.clone(),
            physical_key: keyboard::key::Physical::Unidentified(
                keyboard::key::NativeCode::Unidentified,
            ),
            location: keyboard::Location::Standard,
            modifiers,
        });
        let (messages, status) = self.with_ui(|ui, renderer| {
            let mut messages = Vec::new();
            let (_, statuses) = ui.update(
                &[pressed, released],
                mouse::Cursor::Unavailable,
                renderer,
                &mut clipboard::Null,
                &mut messages,
            );
            (messages, statuses[0])
        });
        for message in messages {
            self.send(message);
        }
        if status == event::Status::Ignored {
            self.send(Message::KeyPressed(key, modifiers));
        }
    }

    pub fn tap(&mut self, named: keyboard::key::Named) {
        self.press(Key::Named(named), keyboard::Modifiers::empty());
    }

    pub fn tab(&mut self, times: usize) {
        for _ in 0..times {
            self.tap(keyboard::key::Named::Tab);
        }
    }

    /// Types text into whatever has focus.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(
                Key::Character(c.to_string().into()),
                keyboard::Modifiers::empty(),
            );
        }
    }

    pub fn send(&mut self, message: Message) {
        let task = self.app.update(message);
        self.run(task);
    }

    /// Runs a task as the runtime does: its messages go to the app, its widget operations to
    /// the widget tree.
    fn run(&mut self, task: iced::Task<Message>) {
        let Some(mut stream) = task::into_stream(task) else {
            return;
        };
        while let Some(action) = block_on(stream.next()) {
            match action {
                Action::Output(message) => self.send(message),
                Action::Widget(operation) => {
                    let mut current = Some(operation);
                    while let Some(mut operation) = current.take() {
                        self.with_ui(|ui, renderer| ui.operate(renderer, operation.as_mut()));
                        if let Outcome::Chain(next) = operation.finish() {
                            current = Some(next);
                        }
                    }
                }
                _ => {}
            }
        }
        self.redraw();
    }

    /// What the runtime does after an update: the window redraws, and widgets that report on
    /// redraw (a scrollable's `on_scroll` after a programmatic scroll) publish their messages.
    fn redraw(&mut self) {
        let redraw = Event::Window(iced::window::Event::RedrawRequested(
            std::time::Instant::now(),
        ));
        let messages = self.with_ui(|ui, renderer| {
            let mut messages = Vec::new();
            let _ = ui.update(
                &[redraw],
                mouse::Cursor::Unavailable,
                renderer,
                &mut clipboard::Null,
                &mut messages,
            );
            messages
        });
        for message in messages {
            self.send(message);
        }
    }
}

impl Keyboard {
    /// Bounds of every focusable control in Tab order, and which one has focus (for debugging
    /// and for tests of the focus order).
    pub fn focusables(&mut self) -> (Vec<iced::Rectangle>, Option<usize>) {
        use iced::advanced::widget::Operation;
        use iced::advanced::widget::operation::Focusable;
        struct List {
            bounds: Vec<iced::Rectangle>,
            focused: Option<usize>,
        }
        impl Operation for List {
            fn focusable(
                &mut self,
                _id: Option<&iced::advanced::widget::Id>,
                bounds: iced::Rectangle,
                state: &mut dyn Focusable,
            ) {
                if state.is_focused() {
                    self.focused = Some(self.bounds.len());
                }
                self.bounds.push(bounds);
            }
            fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
                operate(self);
            }
        }
        let mut list = List {
            bounds: Vec::new(),
            focused: None,
        };
        self.with_ui(|ui, renderer| ui.operate(renderer, &mut list));
        (list.bounds, list.focused)
    }
}

impl Keyboard {
    /// Whether the control with this widget id (a text field) has the keyboard focus.
    pub fn is_focused(&mut self, id: &'static str) -> bool {
        use iced::advanced::widget::operation::Focusable;
        use iced::advanced::widget::{Id, Operation};
        struct Find {
            id: Id,
            focused: bool,
        }
        impl Operation for Find {
            fn focusable(
                &mut self,
                id: Option<&Id>,
                _bounds: iced::Rectangle,
                state: &mut dyn Focusable,
            ) {
                if id == Some(&self.id) && state.is_focused() {
                    self.focused = true;
                }
            }
            fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
                operate(self);
            }
        }
        let mut find = Find {
            id: Id::new(id),
            focused: false,
        };
        self.with_ui(|ui, renderer| ui.operate(renderer, &mut find));
        find.focused
    }

    /// Where the container or text field with this widget id is, in the page's content
    /// coordinates (as `band_and` gives the visible band).
    pub fn place_of(&mut self, id: &'static str) -> Option<(f32, f32)> {
        self.band_and(id).1
    }
}
