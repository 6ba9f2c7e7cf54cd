//! The room quiz: no devices in the hall. For each question the trainer projects the question,
//! then its options (the room raises cards A, B, C…, the trainer may key in how many per
//! option), then the reveal: the right option marked, the room's votes as bars with counts and
//! percents, the explanation and the cited article. After the last question, a summary. No
//! timer and no points: it is for discussing the cases.

use iced::keyboard::{Key, Modifiers};
use iced::widget::{column, container, responsive, row, text, text_input};
use iced::{Alignment, Element, Length, Size};

use crate::app::Ctx;
use crate::content::sources;
use crate::content::{Catalog, Module, Question};
use crate::i18n;
use crate::lang::Lang;
use crate::screen::learn::quiz::letter;
use crate::screen::trainer::presenter::{Message as Nav, navigation};
use crate::theme::{self, Projector};
use crate::training::room::{parse_count, percents};
use crate::widget::projector::{self as look, Block, LINE_HEIGHT, Role, Type};

pub use crate::training::room::room_questions;

#[derive(Debug, Clone)]
pub struct RoomQuiz {
    module: String,
    /// The questions asked, in order (ids the module has).
    questions: Vec<String>,
    index: usize,
    stage: Stage,
    /// Raised cards per question and option, as keyed in (`None`: not counted).
    counts: Vec<Vec<Option<u32>>>,
    blank: bool,
}

/// What the room sees of the current question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The question alone, to read and think.
    Question,
    /// The question and its options: the room raises cards.
    Options,
    /// The right option(s), the votes, the explanation and the legal basis.
    Reveal,
    /// After the last question: the share of right cards per question.
    Summary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A clicker or keyboard key, as in presenter mode: next goes to the next stage (after the
    /// reveal, the next question), last to the summary.
    Nav(Nav),
    /// The count field of the option at this position was edited.
    CountChanged(usize, String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    /// Leave the room quiz: the app leaves full screen.
    Leave,
}

/// Widget id of the count field of the option at `position`, for tests and focus.
pub fn count_id(position: usize) -> String {
    format!("room_count_{position}")
}

impl RoomQuiz {
    /// A room quiz on these questions of `module` (ids it does not have are skipped).
    pub fn new(module: &Module, question_ids: Vec<String>) -> Self {
        let questions: Vec<String> = question_ids
            .into_iter()
            .filter(|id| module.question(id).is_some())
            .collect();
        let counts = questions
            .iter()
            .filter_map(|id| module.question(id))
            .map(|question| vec![None; question.option_count()])
            .collect();
        RoomQuiz {
            module: module.id.clone(),
            questions,
            index: 0,
            stage: Stage::Question,
            counts,
            blank: false,
        }
    }

    pub fn module(&self) -> &str {
        &self.module
    }

    pub fn questions(&self) -> &[String] {
        &self.questions
    }

    /// Position of the question shown, from 0.
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// Raised cards keyed in for the question at `position`, per option (0 where not keyed).
    pub fn counts(&self, position: usize) -> Vec<u32> {
        self.counts
            .get(position)
            .map(|counts| counts.iter().map(|c| c.unwrap_or(0)).collect())
            .unwrap_or_default()
    }

    pub fn update(&mut self, message: Message) -> Action {
        let last = self.questions.len().saturating_sub(1);
        match message {
            Message::Nav(Nav::NextPressed | Nav::PreviousPressed) if self.blank => {
                self.blank = false;
            }
            Message::Nav(Nav::NextPressed) => self.next(),
            Message::Nav(Nav::PreviousPressed) => self.previous(),
            Message::Nav(Nav::FirstPressed) => (self.index, self.stage) = (0, Stage::Question),
            Message::Nav(Nav::LastPressed) if !self.questions.is_empty() => {
                (self.index, self.stage) = (last, Stage::Summary);
            }
            Message::Nav(Nav::LastPressed) => {}
            Message::Nav(Nav::BlankPressed) => self.blank = !self.blank,
            Message::CountChanged(option, typed) => self.count(option, &typed),
            Message::Nav(Nav::LeavePressed) => return Action::Leave,
        }
        Action::None
    }

    fn next(&mut self) {
        let last = self.questions.len().saturating_sub(1);
        self.stage = match self.stage {
            Stage::Question => Stage::Options,
            Stage::Options => Stage::Reveal,
            Stage::Reveal if self.index < last => {
                self.index += 1;
                Stage::Question
            }
            Stage::Reveal | Stage::Summary if self.questions.is_empty() => Stage::Question,
            Stage::Reveal | Stage::Summary => Stage::Summary,
        };
    }

    fn previous(&mut self) {
        self.stage = match self.stage {
            Stage::Question if self.index > 0 => {
                self.index -= 1;
                Stage::Reveal
            }
            Stage::Question | Stage::Options => Stage::Question,
            Stage::Reveal => Stage::Options,
            Stage::Summary => Stage::Reveal,
        };
    }

    fn count(&mut self, option: usize, typed: &str) {
        let Some(slot) = self
            .counts
            .get_mut(self.index)
            .and_then(|counts| counts.get_mut(option))
        else {
            return;
        };
        // Digits only, at most `room::COUNT_MAX`: anything else leaves the field as it was.
        if let Ok(count) = parse_count(typed) {
            *slot = count;
        }
    }

    /// The same keys as presenter mode: on to the next stage or question, back, Home, End
    /// (the summary), B to black out, Escape to leave. A focused count field keeps the digits,
    /// Backspace and the arrows it types with; Enter and PageDown still go on.
    pub fn key(&self, key: &Key, modifiers: Modifiers) -> Option<Message> {
        navigation(key, modifiers).map(Message::Nav)
    }

    /// The quiz, laid out for the space the view is given (the whole window). Unlike presenter
    /// mode a click does not go on: a click that misses a count field must not reveal the
    /// answer before the cards are counted.
    pub fn view<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let (lang, catalog) = (ctx.lang, ctx.catalog);
        responsive(move |window| self.view_sized(lang, catalog, window)).into()
    }

    /// The quiz as laid out for a window of `window` logical pixels.
    pub fn view_at<'a>(&'a self, ctx: &Ctx<'a>, window: Size) -> Element<'a, Message> {
        self.view_sized(ctx.lang, ctx.catalog, window)
    }

    fn view_sized<'a>(
        &'a self,
        lang: Lang,
        catalog: &'a Catalog,
        window: Size,
    ) -> Element<'a, Message> {
        let module = catalog.module(&self.module);
        let question = module.and_then(|m| m.question(self.questions.get(self.index)?));
        let (Some(module), Some(question), false) = (module, question, self.blank) else {
            return look::blank();
        };
        let screen = Screen {
            quiz: self,
            lang,
            catalog,
            module,
            question,
            window,
        };
        screen.view()
    }
}

/// One frame of the room quiz being built: what every stage's view needs.
struct Screen<'a> {
    quiz: &'a RoomQuiz,
    lang: Lang,
    catalog: &'a Catalog,
    module: &'a Module,
    question: &'a Question,
    window: Size,
}

impl<'a> Screen<'a> {
    fn view(&self) -> Element<'a, Message> {
        let lang = self.lang;
        let quiz = self.quiz;
        let total = quiz.questions.len().to_string();
        let label = match quiz.stage {
            Stage::Summary => self.module.title.get(lang).clone(),
            _ => i18n::tr_args(
                lang,
                "projector-room-label",
                &[
                    ("module", self.module.title.get(lang)),
                    ("n", &(quiz.index + 1).to_string()),
                    ("total", &total),
                ],
            ),
        };
        let counter = i18n::tr_args(
            lang,
            "projector-counter",
            &[("n", &(quiz.index + 1).to_string()), ("total", &total)],
        );
        let last = letter(self.question.option_count().saturating_sub(1)).to_string();
        let note = match quiz.stage {
            Stage::Question => i18n::tr(lang, "projector-room-think"),
            Stage::Options => i18n::tr_args(lang, "projector-room-raise", &[("last", &last)]),
            Stage::Reveal => i18n::tr(lang, "projector-room-discuss"),
            Stage::Summary => i18n::tr(lang, "projector-room-done"),
        };
        let footer: Vec<String> = if quiz.stage == Stage::Reveal {
            sources(self.catalog, &self.question.cites, lang)
                .iter()
                .map(crate::content::Sources::line)
                .collect()
        } else {
            Vec::new()
        };
        let window = self.window;
        let stem = vec![Block::new(
            self.question.text(lang).stem.as_str(),
            Role::Point,
        )];
        let ty = look::fit(
            Type::for_window(window),
            |ty| look::frame_room(ty, window, &label, &footer, &note),
            |ty| match quiz.stage {
                Stage::Question => look::stack_height(&stem, ty, ty.text_width(window)),
                Stage::Options => self.options_height(ty),
                Stage::Reveal => self.reveal_height(ty),
                Stage::Summary => self.summary_height(ty),
            },
        );
        let content = match quiz.stage {
            Stage::Question => look::stack(stem, &ty),
            Stage::Options => self.options(&ty),
            Stage::Reveal => self.reveal(&ty),
            Stage::Summary => self.summary(&ty),
        };
        look::frame(
            &ty,
            label,
            content,
            look::small_print(footer, &ty),
            note,
            counter,
        )
    }

    /// Width of an option's letter badge ("D ✓").
    fn badge_width(ty: &Type) -> f32 {
        look::text_width("D \u{2713}", ty.body, true) + ty.gap * 0.5
    }

    /// Width of a count field: three digits, the cursor and the padding.
    fn field_width(ty: &Type) -> f32 {
        look::text_width("8888", ty.body, false) + ty.small * 1.2
    }

    fn field_height(ty: &Type) -> f32 {
        ty.body * LINE_HEIGHT + ty.small * 0.6
    }

    fn option_text_width(&self, ty: &Type) -> f32 {
        ty.text_width(self.window) - Self::badge_width(ty) - Self::field_width(ty) - ty.gap
    }

    fn options_height(&self, ty: &Type) -> f32 {
        let width = ty.text_width(self.window);
        let qtext = self.question.text(self.lang);
        let stem = look::text_height(&qtext.stem, ty.body, width, false);
        let caption = ty.small * LINE_HEIGHT;
        let rows: f32 = qtext
            .options
            .iter()
            .map(|option| {
                look::text_height(&option.text, ty.body, self.option_text_width(ty), false)
                    .max(Self::field_height(ty))
            })
            .sum();
        let gaps = ty.gap * (1.0 + 0.4 * qtext.options.len() as f32);
        stem + caption + rows + gaps
    }

    fn options(&self, ty: &Type) -> Element<'a, Message> {
        let colors = Projector::COLORS;
        let qtext = self.question.text(self.lang);
        let counts = &self.quiz.counts[self.quiz.index];
        let rows = qtext.options.iter().enumerate().map(|(position, option)| {
            row![
                self.badge(ty, position, false),
                look::words(option.text.as_str(), ty.body, colors.text, false),
                self.field(ty, position, counts[position]),
            ]
            .spacing(ty.gap * 0.5)
            .align_y(Alignment::Center)
            .into()
        });
        column![
            look::words(qtext.stem.as_str(), ty.body, colors.text, false),
            container(
                text(i18n::tr(self.lang, "projector-room-cards"))
                    .size(ty.small)
                    .style(theme::texts::colored(colors.muted))
            )
            .width(Length::Fill)
            .align_x(Alignment::End),
            column(rows).spacing(ty.gap * 0.4),
        ]
        .spacing(ty.gap * 0.5)
        .into()
    }

    fn reveal_height(&self, ty: &Type) -> f32 {
        let qtext = self.question.text(self.lang);
        let width = self.option_text_width(ty) - Self::result_width(ty) - ty.gap * 0.5;
        let rows: f32 = qtext
            .options
            .iter()
            .map(|option| {
                let label = look::text_height(&option.text, ty.small, width, true);
                (label + ty.small * 0.9 + ty.gap * 0.2).max(Self::field_height(ty))
            })
            .sum();
        let explanation = look::text_height(
            &qtext.explanation,
            ty.body,
            ty.text_width(self.window),
            false,
        );
        rows + ty.gap * 0.4 * qtext.options.len() as f32 + ty.gap + explanation
    }

    /// Width of "999 · 100%".
    fn result_width(ty: &Type) -> f32 {
        look::text_width("999 \u{00b7} 100%", ty.body, true)
    }

    fn reveal(&self, ty: &Type) -> Element<'a, Message> {
        let colors = Projector::COLORS;
        let qtext = self.question.text(self.lang);
        let counts = &self.quiz.counts[self.quiz.index];
        let values: Vec<u32> = counts.iter().map(|c| c.unwrap_or(0)).collect();
        let shares = percents(&values);
        let total = values.iter().sum::<u32>().max(1) as f32;
        let rows = qtext.options.iter().enumerate().map(|(position, option)| {
            let right = self.question.correct.contains(&position);
            let color = if right { colors.right } else { colors.muted };
            let result = match counts[position] {
                Some(n) => format!("{n} \u{00b7} {}%", shares[position]),
                None => "\u{2013}".to_owned(),
            };
            row![
                self.badge(ty, position, right),
                column![
                    look::words(option.text.as_str(), ty.small, color, right),
                    look::bar(
                        values[position] as f32 / total,
                        if right { colors.right } else { colors.accent },
                        ty.small * 0.9,
                    ),
                ]
                .spacing(ty.gap * 0.2)
                .width(Length::Fill),
                text(result)
                    .size(ty.body)
                    .font(crate::widget::BOLD)
                    .style(theme::texts::colored(colors.text))
                    .width(Length::Fixed(Self::result_width(ty)))
                    .align_x(Alignment::End),
                self.field(ty, position, counts[position]),
            ]
            .spacing(ty.gap * 0.5)
            .align_y(Alignment::Center)
            .into()
        });
        column![
            column(rows).spacing(ty.gap * 0.4),
            look::words(qtext.explanation.as_str(), ty.body, colors.text, false),
        ]
        .spacing(ty.gap)
        .into()
    }

    fn summary_height(&self, ty: &Type) -> f32 {
        let heading = look::text_height(
            &i18n::tr(self.lang, "projector-room-summary"),
            ty.heading,
            ty.text_width(self.window),
            true,
        );
        let rows = self.quiz.questions.len() as f32 * (ty.body * LINE_HEIGHT + ty.gap * 0.4);
        heading + ty.gap + rows
    }

    /// Per question: the share of raised cards that were right.
    fn summary(&self, ty: &Type) -> Element<'a, Message> {
        let colors = Projector::COLORS;
        let lang = self.lang;
        let label_width = look::text_width(
            &i18n::tr_args(lang, "projector-room-question", &[("n", "88")]),
            ty.body,
            true,
        ) + ty.gap * 0.5;
        let rows = self
            .quiz
            .questions
            .iter()
            .enumerate()
            .map(|(position, id)| {
                let counts = self.quiz.counts(position);
                let total: u32 = counts.iter().sum();
                let right: u32 = self
                    .module
                    .question(id)
                    .map(|q| q.correct.iter().filter_map(|&c| counts.get(c)).sum())
                    .unwrap_or(0);
                let share = percents(&[right, total - right])[0];
                let result = if total == 0 {
                    i18n::tr(lang, "projector-room-not-counted")
                } else {
                    i18n::tr_args(
                        lang,
                        "projector-room-right",
                        &[("percent", &share.to_string())],
                    )
                };
                row![
                    text(i18n::tr_args(
                        lang,
                        "projector-room-question",
                        &[("n", &(position + 1).to_string())]
                    ))
                    .size(ty.body)
                    .font(crate::widget::BOLD)
                    .style(theme::texts::colored(colors.text))
                    .width(Length::Fixed(label_width)),
                    look::bar(
                        if total == 0 {
                            0.0
                        } else {
                            right as f32 / total as f32
                        },
                        colors.right,
                        ty.small * 0.9
                    ),
                    text(result)
                        .size(ty.body)
                        .style(theme::texts::colored(colors.text))
                        .width(Length::Fixed(
                            look::text_width(
                                &i18n::tr_args(lang, "projector-room-right", &[("percent", "100")]),
                                ty.body,
                                false
                            )
                            .max(look::text_width(
                                &i18n::tr(lang, "projector-room-not-counted"),
                                ty.body,
                                false
                            )) + ty.gap * 0.5
                        ))
                        .align_x(Alignment::End),
                ]
                .spacing(ty.gap * 0.5)
                .align_y(Alignment::Center)
                .into()
            });
        column![
            look::stack(
                vec![
                    Block::new(i18n::tr(lang, "projector-room-summary"), Role::Heading)
                        .bold()
                        .color(colors.accent)
                ],
                ty
            ),
            column(rows).spacing(ty.gap * 0.4),
        ]
        .spacing(ty.gap)
        .into()
    }

    /// "A", or "B ✓" for a right option once revealed.
    fn badge(&self, ty: &Type, position: usize, right: bool) -> Element<'a, Message> {
        let colors = Projector::COLORS;
        let (content, color) = if right {
            (format!("{} \u{2713}", letter(position)), colors.right)
        } else {
            (letter(position).to_string(), colors.accent)
        };
        text(content)
            .size(ty.body)
            .font(crate::widget::BOLD)
            .style(theme::texts::colored(color))
            .width(Length::Fixed(Self::badge_width(ty)))
            .into()
    }

    /// The field the trainer keys the raised cards of one option into.
    fn field(&self, ty: &Type, position: usize, count: Option<u32>) -> Element<'a, Message> {
        let value = count.map(|n| n.to_string()).unwrap_or_default();
        text_input("", &value)
            .id(count_id(position))
            .on_input(move |typed| Message::CountChanged(position, typed))
            .size(ty.body)
            .padding([ty.small * 0.3, ty.small * 0.5])
            .width(Length::Fixed(Self::field_width(ty)))
            .align_x(Alignment::End)
            .style(theme::inputs::projector(Projector::COLORS))
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_embedded;

    fn quiz() -> (Catalog, RoomQuiz) {
        let catalog = load_embedded().unwrap();
        let module = catalog.module("pilkada").unwrap();
        let quiz = RoomQuiz::new(module, room_questions(module));
        (catalog, quiz)
    }

    #[test]
    fn each_question_goes_question_options_reveal_then_the_next() {
        let (_, mut quiz) = quiz();
        let n = quiz.questions().len();
        assert!(n >= 2);
        assert_eq!(quiz.stage(), Stage::Question);
        quiz.update(Message::Nav(Nav::NextPressed));
        assert_eq!(quiz.stage(), Stage::Options);
        quiz.update(Message::Nav(Nav::NextPressed));
        assert_eq!(quiz.stage(), Stage::Reveal);
        quiz.update(Message::Nav(Nav::NextPressed));
        assert_eq!((quiz.index(), quiz.stage()), (1, Stage::Question));
        quiz.update(Message::Nav(Nav::PreviousPressed));
        assert_eq!((quiz.index(), quiz.stage()), (0, Stage::Reveal));
        quiz.update(Message::Nav(Nav::LastPressed));
        assert_eq!(quiz.stage(), Stage::Summary);
        quiz.update(Message::Nav(Nav::NextPressed));
        assert_eq!(quiz.stage(), Stage::Summary);
        quiz.update(Message::Nav(Nav::PreviousPressed));
        assert_eq!((quiz.index(), quiz.stage()), (n - 1, Stage::Reveal));
        quiz.update(Message::Nav(Nav::FirstPressed));
        assert_eq!((quiz.index(), quiz.stage()), (0, Stage::Question));
        assert_eq!(quiz.update(Message::Nav(Nav::LeavePressed)), Action::Leave);
    }

    #[test]
    fn counts_are_digits_up_to_999_and_stay_with_their_question() {
        let (_, mut quiz) = quiz();
        quiz.update(Message::CountChanged(0, "12".into()));
        quiz.update(Message::CountChanged(1, "3x8".into()));
        quiz.update(Message::CountChanged(2, "1000".into()));
        assert_eq!(&quiz.counts(0)[..3], [12, 38, 0]);
        quiz.update(Message::CountChanged(0, String::new()));
        assert_eq!(quiz.counts(0)[0], 0);
        // An option the question does not have is ignored.
        quiz.update(Message::CountChanged(9, "5".into()));
        for _ in 0..3 {
            quiz.update(Message::Nav(Nav::NextPressed));
        }
        assert_eq!(quiz.counts(1).iter().sum::<u32>(), 0);
        assert_eq!(quiz.counts(0)[1], 38);
    }

    #[test]
    fn unknown_questions_are_skipped_and_an_empty_quiz_does_not_panic() {
        let catalog = load_embedded().unwrap();
        let module = catalog.module("asn").unwrap();
        let mut quiz = RoomQuiz::new(module, vec!["nope".into(), "asn-q02".into()]);
        assert_eq!(quiz.questions(), ["asn-q02"]);
        let mut empty = RoomQuiz::new(module, Vec::new());
        for message in [
            Message::Nav(Nav::NextPressed),
            Message::Nav(Nav::LastPressed),
            Message::Nav(Nav::PreviousPressed),
            Message::CountChanged(0, "1".into()),
        ] {
            empty.update(message.clone());
            quiz.update(message);
        }
        assert!(empty.counts(0).is_empty());
    }
}
