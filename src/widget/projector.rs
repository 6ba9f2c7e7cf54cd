//! The projector's look, shared by presenter mode and the room quiz: type sized from the window
//! for the back of a hall, text measured with the embedded font so that a long point is set
//! smaller instead of running off the screen, the frame around a slide (label, counter in the
//! corner), and horizontal bars for the room's votes.

use std::sync::OnceLock;

use iced::widget::{Space, column, container, row, text};
use iced::{Alignment, Element, Length, Size};

use crate::theme::{self, Projector};
use crate::widget::BOLD;

/// The window a projector slide is designed on: 4:3, so 1024×768 gets exactly 1024/1440 of
/// every size and a 16:9 screen keeps the height's scale.
pub const DESIGN: Size = Size::new(1440.0, 1080.0);

/// iced's default line height, relative to the text size.
pub const LINE_HEIGHT: f32 = 1.3;

/// How far [`fit`] may shrink a crowded slide's type: at 1024×768 body text stays ≥ 21 px.
pub const MIN_SHRINK: f32 = 0.7;

/// Text sizes and spacing for one window, in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Type {
    /// A module's title, the closing words.
    pub title: f32,
    /// A lesson's title, a question.
    pub heading: f32,
    /// A key point: the big text of most slides.
    pub point: f32,
    /// Paragraphs, lists, options.
    pub body: f32,
    /// Labels, sources, the counter.
    pub small: f32,
    /// Padding at the window's edges.
    pub pad: f32,
    /// Space between blocks.
    pub gap: f32,
}

impl Type {
    /// Sizes for a window of this logical size: at 1920×1080 body text is 44 px, and everything
    /// scales with the window's height (or its width, on a window narrower than 4:3).
    pub fn for_window(window: Size) -> Type {
        let unit = (window.height / DESIGN.height)
            .min(window.width / DESIGN.width)
            .max(0.05);
        Type {
            title: 84.0,
            heading: 64.0,
            point: 60.0,
            body: 44.0,
            small: 30.0,
            pad: 48.0,
            gap: 28.0,
        }
        .scaled(unit)
    }

    /// Every size times `k`.
    pub fn scaled(self, k: f32) -> Type {
        Type {
            title: self.title * k,
            heading: self.heading * k,
            point: self.point * k,
            body: self.body * k,
            small: self.small * k,
            pad: self.pad * k,
            gap: self.gap * k,
        }
    }

    /// The width text has inside the window's padding.
    pub fn text_width(&self, window: Size) -> f32 {
        (window.width - 2.0 * self.pad).max(1.0)
    }
}

/// The largest type, from `ty` down to [`MIN_SHRINK`] of it, whose content `height` (measured
/// for a given type) fits `room` (also given the type: margins shrink with it). Past that the
/// smallest is used.
pub fn fit(ty: Type, room: impl Fn(&Type) -> f32, height: impl Fn(&Type) -> f32) -> Type {
    let mut k = 1.0;
    while k > MIN_SHRINK {
        let candidate = ty.scaled(k);
        if height(&candidate) <= room(&candidate) {
            return candidate;
        }
        k -= 0.025;
    }
    ty.scaled(MIN_SHRINK)
}

fn faces() -> &'static (ttf_parser::Face<'static>, ttf_parser::Face<'static>) {
    static FACES: OnceLock<(ttf_parser::Face<'static>, ttf_parser::Face<'static>)> =
        OnceLock::new();
    FACES.get_or_init(|| {
        let parse = |data: &'static [u8]| {
            ttf_parser::Face::parse(data, 0).expect("the embedded Noto Sans parses")
        };
        (parse(crate::fonts::REGULAR), parse(crate::fonts::BOLD))
    })
}

/// Width of `word` at `size` px in Noto Sans (regular or bold), from the font's advances.
pub fn text_width(word: &str, size: f32, bold: bool) -> f32 {
    let (regular, bold_face) = faces();
    let face = if bold { bold_face } else { regular };
    let per_unit = size / f32::from(face.units_per_em());
    let units: u32 = word
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|glyph| face.glyph_hor_advance(glyph))
                // A character the subset lacks is drawn from a fallback font: count it wide.
                .map_or(face.units_per_em(), |advance| advance)
        })
        .map(u32::from)
        .sum();
    units as f32 * per_unit
}

/// How many lines `content` takes at `size` px wrapped at `width`, breaking at spaces as the
/// renderer does (a word longer than the line is broken into pieces of the line's width).
pub fn lines(content: &str, size: f32, width: f32, bold: bool) -> usize {
    let space = text_width(" ", size, bold);
    content
        .split('\n')
        .map(|paragraph| {
            let mut count = 1;
            let mut used = 0.0;
            for word in paragraph.split(' ').filter(|word| !word.is_empty()) {
                // A little slack for kerning and rounding: never promise a line that won't fit.
                let w = text_width(word, size, bold) * 1.02;
                if used == 0.0 {
                    count += (w / width).ceil().max(1.0) as usize - 1;
                    used = w.min(width);
                } else if used + space + w <= width {
                    used += space + w;
                } else {
                    count += (w / width).ceil().max(1.0) as usize;
                    used = w.min(width);
                }
            }
            count
        })
        .sum()
}

/// Height of `content` set at `size` px in a box `width` wide.
pub fn text_height(content: &str, size: f32, width: f32, bold: bool) -> f32 {
    lines(content, size, width, bold) as f32 * size * LINE_HEIGHT
}

/// Text on the projector: white, or `color`, at `size`.
pub fn words<'a, M: 'a>(
    content: impl text::IntoFragment<'a>,
    size: f32,
    color: iced::Color,
    bold: bool,
) -> Element<'a, M> {
    text(content)
        .size(size)
        .font(if bold { BOLD } else { crate::fonts::DEFAULT })
        .style(theme::texts::colored(color))
        .width(Length::Fill)
        .into()
}

/// Which of a [`Type`]'s sizes a block of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    Point,
    Body,
    Small,
}

impl Role {
    pub fn size(self, ty: &Type) -> f32 {
        match self {
            Role::Title => ty.title,
            Role::Heading => ty.heading,
            Role::Point => ty.point,
            Role::Body => ty.body,
            Role::Small => ty.small,
        }
    }
}

/// A paragraph of a slide: measured and drawn from the same description, so what [`fit`]
/// counted is what is shown.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub role: Role,
    pub bold: bool,
    pub color: iced::Color,
    /// Space above the block, as a share of the type's gap (the first block's is ignored).
    pub before: f32,
}

impl<'a> Block<'a> {
    pub fn new(text: impl Into<std::borrow::Cow<'a, str>>, role: Role) -> Self {
        Block {
            text: text.into(),
            role,
            bold: false,
            color: Projector::COLORS.text,
            before: 1.0,
        }
    }

    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    pub fn color(mut self, color: iced::Color) -> Self {
        self.color = color;
        self
    }

    pub fn before(mut self, share: f32) -> Self {
        self.before = share;
        self
    }
}

/// Height of `blocks` stacked in a box `width` wide.
pub fn stack_height(blocks: &[Block<'_>], ty: &Type, width: f32) -> f32 {
    blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let gap = if i == 0 { 0.0 } else { ty.gap * block.before };
            gap + text_height(&block.text, block.role.size(ty), width, block.bold)
        })
        .sum()
}

/// `blocks` one under the other.
pub fn stack<'a, M: 'a>(blocks: Vec<Block<'a>>, ty: &Type) -> Element<'a, M> {
    column(blocks.into_iter().enumerate().map(|(i, block)| {
        let gap = if i == 0 { 0.0 } else { ty.gap * block.before };
        container(words(
            block.text,
            block.role.size(ty),
            block.color,
            block.bold,
        ))
        .padding(iced::Padding {
            top: gap,
            ..iced::Padding::ZERO
        })
        .into()
    }))
    .width(Length::Fill)
    .into()
}

/// A whole projector screen: `label` small at the top, `content` in the middle, `footer` (if
/// any) small above the bottom line, and the bottom line with `note` on the left and
/// `corner` (the counter) in the bottom-right corner. Heights follow [`frame_room`].
pub fn frame<'a, M: 'a>(
    ty: &Type,
    label: impl text::IntoFragment<'a>,
    content: Element<'a, M>,
    footer: Option<Element<'a, M>>,
    note: impl text::IntoFragment<'a>,
    corner: String,
) -> Element<'a, M> {
    let colors = Projector::COLORS;
    let mut page = column![
        words(label, ty.small, colors.muted, false),
        container(content)
            .width(Length::Fill)
            .height(Length::Fill)
            .align_y(Alignment::Center),
    ]
    .spacing(ty.gap);
    if let Some(footer) = footer {
        page = page.push(footer);
    }
    page = page.push(
        row![
            words(note, ty.small, colors.muted, false),
            text(corner)
                .size(ty.small)
                .font(BOLD)
                .style(theme::texts::colored(colors.text)),
        ]
        .spacing(ty.gap)
        .align_y(Alignment::End),
    );
    container(
        page.padding(ty.pad)
            .width(Length::Fill)
            .height(Length::Fill),
    )
    .width(Length::Fill)
    .height(Length::Fill)
    .style(theme::containers::projector(colors))
    .into()
}

/// Lines of small print (sources, the legal basis) one under the other; `None` for none.
pub fn small_print<'a, M: 'a>(lines: Vec<String>, ty: &Type) -> Option<Element<'a, M>> {
    (!lines.is_empty()).then(|| {
        column(
            lines
                .into_iter()
                .map(|line| words(line, ty.small, Projector::COLORS.muted, false)),
        )
        .into()
    })
}

/// The projector's background and nothing else: a blacked-out screen.
pub fn blank<'a, M: 'a>() -> Element<'a, M> {
    container(Space::new())
        .width(Length::Fill)
        .height(Length::Fill)
        .style(theme::containers::projector(Projector::COLORS))
        .into()
}

/// The height left for a [`frame`]'s content in `window`, given its label, footer lines (each
/// small print, measured) and bottom note.
pub fn frame_room(ty: &Type, window: Size, label: &str, footer: &[String], note: &str) -> f32 {
    let width = ty.text_width(window);
    let small = |content: &str| text_height(content, ty.small, width, false);
    // The counter sits beside the note: give the note what the counter leaves.
    let note_width = (width - ty.gap - text_width("888 / 888", ty.small, true)).max(1.0);
    let bottom = text_height(note, ty.small, note_width, false).max(ty.small * LINE_HEIGHT);
    let footer_height: f32 = footer.iter().map(|line| small(line)).sum::<f32>();
    let blocks = 2 + usize::from(!footer.is_empty());
    window.height - 2.0 * ty.pad - small(label) - footer_height - bottom - ty.gap * blocks as f32
}

/// A horizontal bar filled to `share` (0..=1) in `fill`, the rest in the projector's track.
pub fn bar<'a, M: 'a>(share: f32, fill: iced::Color, height: f32) -> Element<'a, M> {
    let colors = Projector::COLORS;
    // Parts of a thousand, so a small share still shows as a sliver.
    let filled = (share.clamp(0.0, 1.0) * 1000.0).round() as u16;
    let mut bar = row![].width(Length::Fill).height(Length::Fixed(height));
    if filled > 0 {
        bar = bar.push(
            container(Space::new())
                .width(Length::FillPortion(filled))
                .height(Length::Fill)
                .style(theme::containers::swatch(fill)),
        );
    }
    if filled < 1000 {
        bar = bar.push(
            container(Space::new())
                .width(Length::FillPortion(1000 - filled))
                .height(Length::Fill)
                .style(theme::containers::swatch(colors.track)),
        );
    }
    bar.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_text_is_40_px_or_more_on_a_full_hd_projector() {
        let ty = Type::for_window(Size::new(1920.0, 1080.0));
        assert!(ty.body >= 40.0, "{ty:?}");
        assert!(ty.heading > ty.body && ty.title > ty.heading && ty.point > ty.body);
        assert!(ty.small < ty.body);
    }

    #[test]
    fn at_1024_by_768_type_scales_down_with_the_height_and_stays_28_px_or_more() {
        let big = Type::for_window(Size::new(1920.0, 1080.0));
        let small = Type::for_window(Size::new(1024.0, 768.0));
        let k = 768.0 / 1080.0;
        assert!((small.body - big.body * k).abs() < 0.01, "{small:?}");
        assert!((small.point - big.point * k).abs() < 0.01, "{small:?}");
        assert!(small.body >= 28.0, "{small:?}");
        // A window narrower than 4:3 scales by its width, so lines keep their length.
        let narrow = Type::for_window(Size::new(720.0, 1080.0));
        assert!((narrow.body - big.body * 0.5).abs() < 0.01, "{narrow:?}");
    }

    #[test]
    fn fit_shrinks_only_what_does_not_fit_and_not_past_the_floor() {
        let ty = Type::for_window(Size::new(1024.0, 768.0));
        assert_eq!(fit(ty, |_| 500.0, |_| 400.0), ty);
        let shrunk = fit(ty, |_| 500.0, |t| t.body * 20.0);
        assert!(
            shrunk.body * 20.0 <= 500.0 && shrunk.body < ty.body,
            "{shrunk:?}"
        );
        let floor = fit(ty, |_| 1.0, |t| t.body);
        assert!((floor.body - ty.body * MIN_SHRINK).abs() < 0.01);
    }

    #[test]
    fn lines_wrap_at_spaces_like_the_renderer() {
        let size = 40.0;
        let word = text_width("netralitas", size, false);
        assert!(word > 4.0 * size && word < 8.0 * size, "{word}");
        assert!(text_width("netralitas", size, true) > word);
        assert_eq!(lines("netralitas", size, word * 1.1, false), 1);
        assert_eq!(lines("netralitas netralitas", size, word * 1.5, false), 2);
        assert_eq!(lines("netralitas netralitas", size, word * 2.5, false), 1);
        assert_eq!(lines("a\nb", size, 1000.0, false), 2);
        // A word wider than the line takes as many lines as it needs.
        assert_eq!(lines("netralitas", size, word / 2.5, false), 3);
    }
}
