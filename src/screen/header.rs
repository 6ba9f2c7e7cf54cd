//! The bar at the top of every non-projector screen: the app's name, who is signed in (or which
//! admin area is open) and the ways out (home, switch profile, settings).
//!
//! The layout follows the room it gets, not a guess at the window: at 200% text in the
//! smallest window (360×260 logical pixels) the wide bar would push *Pengaturan* off screen,
//! so a narrow bar drops the app's name (the window title carries it), puts the name on one
//! shortened line and lets the buttons wrap. Every action stays on screen at every size.

use iced::widget::{Row, button, column, container, responsive, row, space, text};
use iced::{Alignment, Element, Length, Size};

use crate::theme::{self, Colors};
use crate::widget::{BOLD, Focus, size};

/// Who the bar names.
#[derive(Debug, Clone)]
pub enum Who {
    Nobody,
    /// A learner: name and unit (the unit may be empty).
    Learner {
        name: String,
        unit: String,
    },
    /// An admin area's title ("Area SDM").
    Area(String),
}

/// Everything the bar shows; owned, because the bar is laid out again whenever its width
/// changes.
pub struct Header<M> {
    pub app_name: String,
    pub who: Who,
    /// Label and message of each action, in the order they are shown (and tabbed through).
    pub actions: Vec<(String, M)>,
    pub colors: Colors,
}

/// An estimate of a line's width in logical pixels. Noto Sans averages about 0.55 em a
/// character (bold a little more); erring wide only picks the narrow bar a little early.
fn text_width(text: &str, font_size: f32, bold: bool) -> f32 {
    let em = if bold { 0.62 } else { 0.58 };
    text.chars().count() as f32 * font_size * em
}

const PAD_X: f32 = 24.0;
const SPACING: f32 = 16.0;
const BUTTON_PAD_X: f32 = 14.0;
/// The least width the learner's name gets in the wide bar before the narrow one is used.
const NAME_ROOM: f32 = 260.0;

/// Whether the wide bar (name, who and the actions on one line) fits `width`.
pub fn fits_wide(width: f32, app_name: &str, action_labels: &[&str]) -> bool {
    let buttons: f32 = action_labels
        .iter()
        .map(|label| text_width(label, size::BODY, false) + 2.0 * BUTTON_PAD_X + SPACING)
        .sum();
    let needed = 2.0 * PAD_X + text_width(app_name, size::H2, true) + SPACING + NAME_ROOM + buttons;
    width >= needed
}

/// `name` cut to what fits `width` at the body size in bold, ending in "…" when cut.
pub fn shorten(name: &str, width: f32) -> String {
    let fits = (width / (size::BODY * 0.62)).floor().max(4.0) as usize;
    if name.chars().count() <= fits {
        return name.to_owned();
    }
    let kept: String = name.chars().take(fits - 1).collect();
    format!("{}…", kept.trim_end())
}

impl<M: Clone + 'static> Header<M> {
    pub fn view<'a>(self) -> Element<'a, M> {
        let colors = self.colors;
        responsive(move |room: Size| {
            let labels: Vec<&str> = self
                .actions
                .iter()
                .map(|(label, _)| label.as_str())
                .collect();
            let wide = fits_wide(room.width, &self.app_name, &labels);
            let bar = if wide {
                self.wide()
            } else {
                self.narrow(room.width)
            };
            container(bar)
                .padding(if wide { [10.0, PAD_X] } else { [6.0, 12.0] })
                .width(Length::Fill)
                .style(theme::containers::header(colors))
                .into()
        })
        .height(Length::Shrink)
        .into()
    }

    /// The actions; `tight` in the narrow bar, so that three fit one line at 200%.
    fn buttons(&self, tight: bool) -> Vec<Element<'static, M>> {
        let padding = if tight {
            [5.0, 9.0]
        } else {
            [8.0, BUTTON_PAD_X]
        };
        self.actions
            .iter()
            .map(|(label, message)| {
                let content = button(text(label.clone()).size(size::BODY))
                    .padding(padding)
                    .style(theme::buttons::secondary(self.colors))
                    .on_press(message.clone());
                Focus::new(content, message.clone(), self.colors.focus).into()
            })
            .collect()
    }

    /// Name on the left, who in the middle (wrapping), actions on the right.
    fn wide(&self) -> Element<'static, M> {
        let who: Element<'static, M> = match &self.who {
            Who::Nobody => space::horizontal().into(),
            Who::Area(title) => container(text(title.clone()).size(size::BODY).font(BOLD))
                .width(Length::Fill)
                .align_x(Alignment::End)
                .into(),
            Who::Learner { name, unit } => column![
                text(name.clone()).size(size::BODY).font(BOLD),
                text(unit.clone())
                    .size(size::SMALL)
                    .style(theme::texts::muted(self.colors)),
            ]
            .width(Length::Fill)
            .align_x(Alignment::End)
            .into(),
        };
        let mut bar = row![text(self.app_name.clone()).size(size::H2).font(BOLD), who]
            .spacing(SPACING)
            .align_y(Alignment::Center);
        for button in self.buttons(false) {
            bar = bar.push(button);
        }
        bar.into()
    }

    /// Who on one shortened line, the actions below it, wrapping as the width requires.
    fn narrow(&self, width: f32) -> Element<'static, M> {
        let line = match &self.who {
            Who::Nobody => None,
            Who::Area(title) => Some(title.clone()),
            Who::Learner { name, .. } => Some(name.clone()),
        };
        let buttons = Row::with_children(self.buttons(true))
            .spacing(6)
            .wrap()
            .vertical_spacing(6);
        let mut bar = column![].spacing(4);
        if let Some(line) = line {
            bar = bar.push(
                text(shorten(&line, width - 24.0))
                    .size(size::BODY)
                    .font(BOLD)
                    .wrapping(text::Wrapping::None),
            );
        }
        bar.push(buttons).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wide_bar_is_kept_where_it_fits_and_dropped_at_the_smallest_window_at_200_percent() {
        let labels = ["Beranda", "Ganti profil", "Pengaturan"];
        assert!(fits_wide(1200.0, "latih-asn", &labels));
        // 720×520 at 200% is 360 logical pixels wide.
        assert!(!fits_wide(360.0, "latih-asn", &labels));
        assert!(!fits_wide(600.0, "latih-asn", &labels));
    }

    #[test]
    fn a_long_name_is_shortened_with_an_ellipsis_and_a_short_one_kept() {
        let name = "Dr. Hj. Raden Ayu Siti Aminah Kusumawardhani, S.Sos., M.Si.";
        let short = shorten(name, 336.0);
        assert!(short.ends_with('…'), "{short}");
        assert!(short.chars().count() < name.chars().count());
        assert!(name.starts_with(short.trim_end_matches('…')));
        assert_eq!(shorten("Budi", 336.0), "Budi");
    }
}
