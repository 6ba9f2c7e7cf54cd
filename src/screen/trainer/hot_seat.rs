//! The hot seat: participants take the session's test one after another on the trainer's
//! laptop. Each first types (or picks) their NIP; the quiz starts clean; when it ends the screen
//! thanks them and shows their score only, and the next person starts from an empty field, so
//! nobody sees the previous person's answers.

use chrono::{DateTime, Utc};
use iced::keyboard::Key;
use iced::widget::{column, row, text, text_input};
use iced::{Alignment, Element, Length};

use crate::app::Ctx;
use crate::content::Module;
use crate::quiz::{self, Mode, QuizRun};
use crate::screen::hr::status_line;
use crate::screen::learn::quiz as quiz_screen;
use crate::training::{Participant, Session, TestPhase};
use crate::widget;

pub const WHO_FIELD: &str = "hot_seat_who";
const SHOWN: usize = 6;

pub struct HotSeat {
    pub phase: TestPhase,
    stage: Stage,
    typed: String,
    error: Option<String>,
}

enum Stage {
    /// Who is next: the field and the matching people.
    Identify,
    /// The person picked, to confirm before the test starts.
    Ready(Participant),
    Quiz {
        who: Participant,
        screen: Box<quiz_screen::QuizScreen>,
    },
    /// Saved: thanks and the score, nothing else.
    Done { name: String, percent: u8 },
}

#[derive(Debug, Clone)]
pub enum Message {
    Typed(String),
    Submitted,
    Picked(String),
    StartPressed,
    NotMePressed,
    Quiz(quiz_screen::Message),
    NextPersonPressed,
    LeavePressed,
}

pub enum Action {
    None,
    Focus,
    Leave,
    /// A participant finished: record this run for them.
    Finished {
        who: Participant,
        run: Box<QuizRun>,
        started: DateTime<Utc>,
    },
}

impl HotSeat {
    pub fn new(phase: TestPhase) -> Self {
        HotSeat {
            phase,
            stage: Stage::Identify,
            typed: String::new(),
            error: None,
        }
    }

    /// The people who may take this test now: on the list, without a result for it yet.
    fn candidates<'a>(&self, session: &'a Session, done: &[String]) -> Vec<&'a Participant> {
        let typed = self.typed.trim();
        let pool: Vec<&Participant> = if typed.is_empty() {
            session.listed().collect()
        } else {
            session.search(typed)
        };
        pool.into_iter()
            .filter(|p| !done.contains(&p.nip))
            .take(SHOWN)
            .collect()
    }

    pub fn in_quiz(&self) -> bool {
        matches!(self.stage, Stage::Quiz { .. })
    }

    /// `done`: NIPs that already have a result for this test.
    pub fn update(
        &mut self,
        message: Message,
        session: &Session,
        module: &Module,
        done: &[String],
        lang: crate::lang::Lang,
    ) -> Action {
        match message {
            Message::Typed(typed) => {
                self.typed = typed;
                self.error = None;
                Action::None
            }
            Message::Submitted => {
                let typed = self.typed.trim();
                let exact = session.participant(typed).cloned();
                let first =
                    exact.or_else(|| self.candidates(session, done).first().map(|p| (*p).clone()));
                match first {
                    Some(person) if done.contains(&person.nip) => {
                        self.error = Some(crate::i18n::tr_args(
                            lang,
                            "trainer-seat-already",
                            &[("name", &person.name)],
                        ));
                        Action::None
                    }
                    Some(person) => {
                        self.stage = Stage::Ready(person);
                        Action::None
                    }
                    None => {
                        self.error = Some(crate::i18n::tr_args(
                            lang,
                            "trainer-seat-not-listed",
                            &[("typed", typed)],
                        ));
                        Action::None
                    }
                }
            }
            Message::Picked(nip) => {
                if let Some(person) = session.participant(&nip) {
                    self.stage = Stage::Ready(person.clone());
                }
                Action::None
            }
            Message::StartPressed => {
                let Stage::Ready(who) = &self.stage else {
                    return Action::None;
                };
                let seed = rand::random::<u64>();
                let form = session.form(self.phase);
                let drawn = quiz::draw(module, module.quiz_size, seed, Some(form));
                let run = QuizRun::new(module, Mode::Exam, seed, drawn);
                let mut screen = quiz_screen::QuizScreen::new(run, Utc::now());
                screen.keeps_unfinished = false;
                self.stage = Stage::Quiz {
                    who: who.clone(),
                    screen: Box::new(screen),
                };
                Action::None
            }
            Message::NotMePressed => {
                self.next_person();
                Action::Focus
            }
            Message::Quiz(message) => {
                let Stage::Quiz { screen, .. } = &mut self.stage else {
                    return Action::None;
                };
                match screen.update(message, module) {
                    quiz_screen::Action::Finished => {
                        let Stage::Quiz { who, screen } =
                            std::mem::replace(&mut self.stage, Stage::Identify)
                        else {
                            return Action::None;
                        };
                        let percent = screen.run.score(module).percent();
                        self.stage = Stage::Done {
                            name: who.name.clone(),
                            percent,
                        };
                        Action::Finished {
                            who,
                            run: Box::new(screen.run),
                            started: screen.started,
                        }
                    }
                    // Leaving the test drops its answers: nothing was saved for it.
                    quiz_screen::Action::Leave(_) => {
                        self.next_person();
                        Action::Focus
                    }
                    quiz_screen::Action::None | quiz_screen::Action::OpenLesson(_) => Action::None,
                }
            }
            Message::NextPersonPressed => {
                self.next_person();
                Action::Focus
            }
            Message::LeavePressed => Action::Leave,
        }
    }

    fn next_person(&mut self) {
        self.stage = Stage::Identify;
        self.typed.clear();
        self.error = None;
    }

    /// Keys: the quiz's own while a test runs; Enter moves on from the other stages.
    pub fn key(&self, key: &Key) -> Option<Message> {
        use iced::keyboard::key::Named;
        match &self.stage {
            Stage::Quiz { screen, .. } => screen.key(key).map(Message::Quiz),
            Stage::Ready(_) if *key == Key::Named(Named::Enter) => Some(Message::StartPressed),
            Stage::Done { .. } if *key == Key::Named(Named::Enter) => {
                Some(Message::NextPersonPressed)
            }
            _ if *key == Key::Named(Named::Escape) => match self.stage {
                Stage::Identify => Some(Message::LeavePressed),
                _ => Some(Message::NotMePressed),
            },
            _ => None,
        }
    }

    pub fn view<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        session: &'a Session,
        module: &'a Module,
        done: &[String],
    ) -> Element<'a, Message> {
        let title = ctx.t(match self.phase {
            TestPhase::Pre => "trainer-seat-title-pre",
            TestPhase::Post => "trainer-seat-title-post",
        });
        let body: Element<'a, Message> = match &self.stage {
            Stage::Quiz { screen, .. } => return screen.view(ctx, module).map(Message::Quiz),
            Stage::Identify => {
                let mut items = column![
                    widget::body(ctx.t("trainer-seat-intro")),
                    text_input(&ctx.t("trainer-seat-hint"), &self.typed)
                        .id(WHO_FIELD)
                        .on_input(Message::Typed)
                        .on_submit(Message::Submitted)
                        .size(widget::size::BODY)
                        .padding(10),
                ]
                .spacing(10);
                if let Some(error) = &self.error {
                    items = items.push(status_line(ctx, false, error.as_str()));
                }
                for person in self.candidates(session, done) {
                    items = items.push(
                        row![
                            text(format!("{} · {}", person.name, masked(&person.nip)))
                                .size(widget::size::BODY)
                                .width(Length::Fill),
                            widget::secondary(
                                ctx,
                                ctx.t("trainer-seat-pick"),
                                Some(Message::Picked(person.nip.clone())),
                            ),
                        ]
                        .spacing(10)
                        .align_y(Alignment::Center),
                    );
                }
                items = items.push(widget::secondary(
                    ctx,
                    ctx.t("trainer-seat-leave"),
                    Some(Message::LeavePressed),
                ));
                items.into()
            }
            Stage::Ready(who) => column![
                widget::h2(who.name.as_str()),
                widget::body(format!("{} · {}", who.nip, who.unit)),
                widget::body(ctx.t("trainer-seat-ready")),
                row![
                    widget::primary(
                        ctx,
                        ctx.t("trainer-seat-start"),
                        Some(Message::StartPressed)
                    ),
                    widget::secondary(
                        ctx,
                        ctx.t("trainer-seat-not-me"),
                        Some(Message::NotMePressed)
                    ),
                ]
                .spacing(10)
                .wrap(),
            ]
            .spacing(12)
            .into(),
            Stage::Done { name, percent } => column![
                widget::h2(ctx.t_args("trainer-seat-thanks", &[("name", name)])),
                widget::body(ctx.t_args("trainer-seat-score", &[("score", &percent.to_string())])),
                widget::body(ctx.t("trainer-seat-hand-over")),
                widget::primary(
                    ctx,
                    ctx.t("trainer-seat-next"),
                    Some(Message::NextPersonPressed)
                ),
            ]
            .spacing(12)
            .into(),
        };
        iced::widget::scrollable(
            column![widget::h1(title), widget::card(ctx, body)]
                .spacing(16)
                .padding(24)
                .max_width(900),
        )
        .height(Length::Fill)
        .into()
    }
}

/// A NIP on the shared screen with its middle hidden: enough for a person to find themselves.
fn masked(nip: &str) -> String {
    if nip.len() < 10 {
        return nip.to_owned();
    }
    format!("{}…{}", &nip[..4], &nip[nip.len() - 4..])
}
