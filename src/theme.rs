//! Colours and widget styles. Every text/background pair a screen uses is listed in
//! [`Colors::text_pairs`], and a test holds each of them to WCAG AA contrast (4.5:1).

use iced::widget::{button, container, text, text_input};
use iced::{Background, Border, Color, Shadow, Theme, color};

use crate::settings::ThemeChoice;

/// The named colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colors {
    pub background: Color,
    pub surface: Color,
    pub text: Color,
    pub muted: Color,
    pub border: Color,
    pub primary: Color,
    pub on_primary: Color,
    pub selected: Color,
    pub on_selected: Color,
    pub success: Color,
    pub danger: Color,
    pub success_bg: Color,
    pub danger_bg: Color,
    pub focus: Color,
}

impl Colors {
    pub fn of(choice: ThemeChoice) -> Colors {
        match choice {
            ThemeChoice::Light => Colors {
                background: color!(0xf4f6f9),
                surface: color!(0xffffff),
                text: color!(0x1a1d21),
                muted: color!(0x4a5360),
                border: color!(0x7a8494),
                primary: color!(0x0b5cad),
                on_primary: color!(0xffffff),
                selected: color!(0xd6e8fb),
                on_selected: color!(0x0a2540),
                success: color!(0x1c6e30),
                danger: color!(0xa8231b),
                success_bg: color!(0xe3f4e7),
                danger_bg: color!(0xfbe7e5),
                focus: color!(0xc25e00),
            },
            ThemeChoice::Dark => Colors {
                background: color!(0x15181c),
                surface: color!(0x22272e),
                text: color!(0xeceff3),
                muted: color!(0xb4bcc6),
                border: color!(0x808a96),
                primary: color!(0x7bbcff),
                on_primary: color!(0x0a1c2e),
                selected: color!(0x1f3f63),
                on_selected: color!(0xffffff),
                success: color!(0x7ad696),
                danger: color!(0xff9a90),
                success_bg: color!(0x173322),
                danger_bg: color!(0x3d1b19),
                focus: color!(0xffb454),
            },
            ThemeChoice::HighContrast => Colors {
                background: color!(0x000000),
                surface: color!(0x000000),
                text: color!(0xffffff),
                muted: color!(0xf0f0f0),
                border: color!(0xffffff),
                primary: color!(0xffff00),
                on_primary: color!(0x000000),
                selected: color!(0x00ffff),
                on_selected: color!(0x000000),
                success: color!(0x5cff8a),
                danger: color!(0xff8c8c),
                success_bg: color!(0x000000),
                danger_bg: color!(0x000000),
                focus: color!(0xff00ff),
            },
        }
    }

    /// Every (foreground, background) pair the screens draw text with.
    pub fn text_pairs(&self) -> Vec<(&'static str, Color, Color)> {
        vec![
            ("text on background", self.text, self.background),
            ("text on surface", self.text, self.surface),
            ("muted on background", self.muted, self.background),
            ("muted on surface", self.muted, self.surface),
            ("button text on primary", self.on_primary, self.primary),
            ("selected answer", self.on_selected, self.selected),
            ("success on surface", self.success, self.surface),
            ("danger on surface", self.danger, self.surface),
            ("text on success panel", self.text, self.success_bg),
            ("text on danger panel", self.text, self.danger_bg),
            ("success on success panel", self.success, self.success_bg),
            ("danger on danger panel", self.danger, self.danger_bg),
            ("primary link on surface", self.primary, self.surface),
            ("primary link on background", self.primary, self.background),
        ]
    }
}

/// The projector's colours, the same whatever theme the app is in: a hall's projector washes
/// out anything short of strong contrast, so every text pair here is held to 7:1 (WCAG AAA).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projector {
    pub background: Color,
    pub text: Color,
    /// Labels, sources, the counter: quieter than the text, still 7:1.
    pub muted: Color,
    /// Headings and the bars of a vote.
    pub accent: Color,
    /// A right answer, and its bar.
    pub right: Color,
    /// The empty part of a bar, and lines.
    pub track: Color,
}

impl Projector {
    pub const COLORS: Projector = Projector {
        background: color!(0x0b0d10),
        text: color!(0xffffff),
        muted: color!(0xc9ced6),
        accent: color!(0xffd24a),
        right: color!(0x6ee58f),
        track: color!(0x3a4049),
    };

    /// Every (foreground, background) pair the projector screens draw text with.
    pub fn text_pairs(&self) -> Vec<(&'static str, Color, Color)> {
        vec![
            ("text", self.text, self.background),
            ("muted", self.muted, self.background),
            ("accent", self.accent, self.background),
            ("right", self.right, self.background),
            ("text on a bar", self.background, self.accent),
            ("text on a right bar", self.background, self.right),
        ]
    }
}

/// The iced theme for a choice, so built-in widgets (text inputs, scrollbars) match.
pub fn iced_theme(choice: ThemeChoice) -> Theme {
    let colors = Colors::of(choice);
    let name = match choice {
        ThemeChoice::Light => "latih-asn light",
        ThemeChoice::Dark => "latih-asn dark",
        ThemeChoice::HighContrast => "latih-asn high contrast",
    };
    Theme::custom_with_fn(
        name,
        iced::theme::Palette {
            background: colors.background,
            text: colors.text,
            primary: colors.primary,
            success: colors.success,
            warning: colors.focus,
            danger: colors.danger,
        },
        move |palette| {
            // iced draws text-field and checkbox borders with `background.strong` and the
            // scroller on `background.weak` with `background.strongest`; the generated shades
            // sit too close to the background (near-black on black in high contrast). The
            // theme's own border colour keeps every control's edge at 3:1 (WCAG 1.4.11).
            let mut extended = iced::theme::palette::Extended::generate(palette);
            extended.background.strong.color = colors.border;
            extended.background.strongest.color = colors.border;
            extended.background.weak.color = colors.surface;
            extended
        },
    )
}

impl Colors {
    /// Every (control boundary, what it sits on) pair: field and checkbox borders, the
    /// scroller on its rail, the focus ring. WCAG 1.4.11 asks 3:1 of each.
    pub fn control_pairs(&self) -> Vec<(&'static str, Color, Color)> {
        vec![
            ("field border on background", self.border, self.background),
            ("field border on surface", self.border, self.surface),
            ("scroller on its rail", self.border, self.surface),
            ("focus ring on background", self.focus, self.background),
            ("focus ring on surface", self.focus, self.surface),
            ("primary button on surface", self.primary, self.surface),
        ]
    }
}

/// WCAG 2.x contrast ratio between two opaque colours.
pub fn contrast(a: Color, b: Color) -> f32 {
    fn channel(c: f32) -> f32 {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Color) -> f32 {
        0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

pub mod containers {
    use super::*;

    pub fn page(colors: Colors) -> impl Fn(&Theme) -> container::Style {
        move |_| container::Style {
            background: Some(Background::Color(colors.background)),
            text_color: Some(colors.text),
            ..container::Style::default()
        }
    }

    pub fn card(colors: Colors) -> impl Fn(&Theme) -> container::Style {
        move |_| container::Style {
            background: Some(Background::Color(colors.surface)),
            text_color: Some(colors.text),
            border: Border {
                color: colors.border,
                width: 1.0,
                radius: 8.0.into(),
            },
            ..container::Style::default()
        }
    }

    pub fn header(colors: Colors) -> impl Fn(&Theme) -> container::Style {
        move |_| container::Style {
            background: Some(Background::Color(colors.surface)),
            text_color: Some(colors.text),
            border: Border {
                color: colors.border,
                width: 1.0,
                radius: 0.0.into(),
            },
            ..container::Style::default()
        }
    }

    /// A solid block of one colour: chart bars and their legend.
    pub fn swatch(color: Color) -> impl Fn(&Theme) -> container::Style {
        move |_| container::Style {
            background: Some(Background::Color(color)),
            ..container::Style::default()
        }
    }

    /// The whole projector screen.
    pub fn projector(colors: Projector) -> impl Fn(&Theme) -> container::Style {
        move |_| container::Style {
            background: Some(Background::Color(colors.background)),
            text_color: Some(colors.text),
            ..container::Style::default()
        }
    }

    /// Feedback after an answer: green for right, red for wrong.
    pub fn verdict(colors: Colors, right: bool) -> impl Fn(&Theme) -> container::Style {
        move |_| container::Style {
            background: Some(Background::Color(if right {
                colors.success_bg
            } else {
                colors.danger_bg
            })),
            text_color: Some(colors.text),
            border: Border {
                color: if right { colors.success } else { colors.danger },
                width: 2.0,
                radius: 8.0.into(),
            },
            ..container::Style::default()
        }
    }
}

pub mod buttons {
    use super::*;

    fn base(background: Color, text: Color, border: Color, width: f32) -> button::Style {
        button::Style {
            background: Some(Background::Color(background)),
            text_color: text,
            border: Border {
                color: border,
                width,
                radius: 6.0.into(),
            },
            shadow: Shadow::default(),
            snap: true,
        }
    }

    // Hover is not the focus ring: the ring (drawn by `widget::Focus`, in `colors.focus`, outside
    // the control) says where the keyboard is; hover only tints or outlines the control in the
    // text colour, so the two are never confused.

    /// A disabled action: no fill and no border, so it does not look like a button at all.
    fn disabled(colors: Colors) -> button::Style {
        button::Style {
            background: None,
            text_color: colors.muted,
            border: Border {
                color: Color::TRANSPARENT,
                width: 0.0,
                radius: 6.0.into(),
            },
            shadow: Shadow::default(),
            snap: true,
        }
    }

    /// The main action of a screen.
    pub fn primary(colors: Colors) -> impl Fn(&Theme, button::Status) -> button::Style {
        move |_, status| match status {
            button::Status::Hovered | button::Status::Pressed => {
                base(colors.primary, colors.on_primary, colors.text, 2.0)
            }
            button::Status::Disabled => disabled(colors),
            button::Status::Active => base(colors.primary, colors.on_primary, colors.primary, 1.0),
        }
    }

    /// Other actions: outlined.
    pub fn secondary(colors: Colors) -> impl Fn(&Theme, button::Status) -> button::Style {
        move |_, status| match status {
            button::Status::Hovered | button::Status::Pressed => {
                base(colors.selected, colors.on_selected, colors.text, 1.0)
            }
            button::Status::Disabled => disabled(colors),
            button::Status::Active => base(colors.surface, colors.text, colors.border, 1.0),
        }
    }

    /// An answer option; `selected` when the learner picked it.
    pub fn answer(
        colors: Colors,
        selected: bool,
    ) -> impl Fn(&Theme, button::Status) -> button::Style {
        move |_, status| {
            let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
            match (selected, hovered) {
                (true, _) => base(colors.selected, colors.on_selected, colors.primary, 3.0),
                (false, true) => base(colors.surface, colors.text, colors.text, 2.0),
                (false, false) => base(colors.surface, colors.text, colors.border, 1.0),
            }
        }
    }

    /// A list row that opens something (a lesson, a profile).
    pub fn row(colors: Colors) -> impl Fn(&Theme, button::Status) -> button::Style {
        move |_, status| match status {
            button::Status::Hovered | button::Status::Pressed => {
                base(colors.selected, colors.on_selected, colors.text, 1.0)
            }
            _ => base(colors.surface, colors.text, colors.border, 1.0),
        }
    }
}

pub mod inputs {
    use super::*;

    /// A number field on the projector: white digits, outlined in the accent, thicker when
    /// focused.
    pub fn projector(
        colors: Projector,
    ) -> impl Fn(&Theme, text_input::Status) -> text_input::Style {
        move |_, status| {
            let (border, width) = match status {
                text_input::Status::Focused { .. } => (colors.accent, 3.0),
                text_input::Status::Hovered => (colors.text, 2.0),
                text_input::Status::Active | text_input::Status::Disabled => (colors.muted, 2.0),
            };
            text_input::Style {
                background: Background::Color(colors.background),
                border: Border {
                    color: border,
                    width,
                    radius: 6.0.into(),
                },
                icon: colors.muted,
                placeholder: colors.muted,
                value: colors.text,
                selection: colors.track,
            }
        }
    }
}

pub mod texts {
    use super::*;

    /// Text in a given colour; use one of `Colors`' fields so contrast stays tested.
    pub fn colored(color: Color) -> impl Fn(&Theme) -> text::Style {
        move |_| text::Style { color: Some(color) }
    }

    pub fn muted(colors: Colors) -> impl Fn(&Theme) -> text::Style {
        move |_| text::Style {
            color: Some(colors.muted),
        }
    }

    pub fn success(colors: Colors) -> impl Fn(&Theme) -> text::Style {
        move |_| text::Style {
            color: Some(colors.success),
        }
    }

    pub fn danger(colors: Colors) -> impl Fn(&Theme) -> text::Style {
        move |_| text::Style {
            color: Some(colors.danger),
        }
    }

    pub fn primary(colors: Colors) -> impl Fn(&Theme) -> text::Style {
        move |_| text::Style {
            color: Some(colors.primary),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_pair_meets_wcag_aa() {
        for choice in ThemeChoice::ALL {
            let colors = Colors::of(choice);
            for (name, fg, bg) in colors.text_pairs() {
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "{choice:?}: {name} has contrast {ratio:.2}");
            }
        }
    }

    /// Hover must never look like the keyboard's focus ring, and a disabled button must not
    /// look like one that works.
    #[test]
    fn hover_differs_from_focus_and_disabled_from_enabled() {
        use iced::widget::button::Status;
        for choice in ThemeChoice::ALL {
            let colors = Colors::of(choice);
            let theme = iced_theme(choice);
            type Style = Box<dyn Fn(&Theme, Status) -> button::Style>;
            let styles: [(&str, Style); 5] = [
                ("primary", Box::new(buttons::primary(colors))),
                ("secondary", Box::new(buttons::secondary(colors))),
                ("answer", Box::new(buttons::answer(colors, false))),
                ("picked answer", Box::new(buttons::answer(colors, true))),
                ("row", Box::new(buttons::row(colors))),
            ];
            for (name, style) in &styles {
                let hovered = style(&theme, Status::Hovered);
                assert_ne!(
                    hovered.border.color, colors.focus,
                    "{choice:?}: hovering a {name} button draws the focus colour"
                );
            }
            for (name, style) in &styles[..2] {
                let active = style(&theme, Status::Active);
                let disabled = style(&theme, Status::Disabled);
                assert!(
                    disabled.background.is_none() && disabled.border.width == 0.0,
                    "{choice:?}: a disabled {name} button still has a fill or a border"
                );
                assert_ne!(active.text_color, disabled.text_color, "{choice:?}: {name}");
            }
        }
    }

    #[test]
    fn every_control_boundary_meets_wcag_1_4_11() {
        for choice in ThemeChoice::ALL {
            let colors = Colors::of(choice);
            for (name, fg, bg) in colors.control_pairs() {
                let ratio = contrast(fg, bg);
                assert!(ratio >= 3.0, "{choice:?}: {name} has contrast {ratio:.2}");
            }
            // What iced's own widgets draw with, read back from the theme.
            let theme = iced_theme(choice);
            let palette = theme.extended_palette();
            for (name, fg, bg) in [
                (
                    "text field / checkbox border",
                    palette.background.strong.color,
                    palette.background.base.color,
                ),
                (
                    "scroller on rail",
                    palette.background.strongest.color,
                    palette.background.weak.color,
                ),
            ] {
                let ratio = contrast(fg, bg);
                assert!(ratio >= 3.0, "{choice:?}: {name} has contrast {ratio:.2}");
            }
        }
    }

    #[test]
    fn the_projector_meets_wcag_aaa() {
        for (name, fg, bg) in Projector::COLORS.text_pairs() {
            let ratio = contrast(fg, bg);
            assert!(ratio >= 7.0, "projector: {name} has contrast {ratio:.2}");
        }
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        assert!((contrast(Color::BLACK, Color::WHITE) - 21.0).abs() < 0.01);
    }
}
