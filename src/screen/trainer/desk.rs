//! The trainer's area (*Pelatih*): the list of sessions, a new session, and one session's page
//! with its tabs (attendance, tests, report) and the hot seat. The desk owns its state and its
//! background work; `app.rs` routes messages here and records the attempts it hands back.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Local, Utc};
use iced::keyboard::Key;
use iced::widget::{checkbox, column, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length, Task};
use uuid::Uuid;

use crate::app::Ctx;
use crate::content::Catalog;
use crate::hr::roster::Roster;
use crate::lang::Lang;
use crate::records::{Attempt, Learner, Loaded, Store};
use crate::screen::hr::status_line;
use crate::screen::trainer::{attendance, hot_seat, report as report_view};
use crate::training::code::DeskCode;
use crate::training::documents::{self, Document, Gathered};
use crate::training::sessions::{self, LoadedSessions, SessionError};
use crate::training::{Session, SessionDraft, SessionTag, TestPhase};
use crate::widget;

pub const SCROLL: &str = "trainer_scroll";
pub const TITLE_FIELD: &str = "session_title";

/// What the desk reads from the app.
pub struct Env<'a> {
    pub store: &'a Store,
    pub lang: Lang,
    pub catalog: &'a Catalog,
    pub learners: &'a [Learner],
    pub attempts: &'a [Attempt],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Attendance,
    Tests,
    Report,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Attendance, Tab::Tests, Tab::Report];

    fn key(self) -> &'static str {
        match self {
            Tab::Attendance => "trainer-tab-attendance",
            Tab::Tests => "trainer-tab-tests",
            Tab::Report => "trainer-tab-report",
        }
    }
}

pub struct Desk {
    sessions: Vec<Session>,
    /// Session files that could not be read (kept as they are).
    problems: Vec<String>,
    roster: Option<Arc<Roster>>,
    page: Page,
    /// A save that failed, or another message for the whole area.
    notice: Option<(bool, String)>,
    loading: bool,
}

enum Page {
    List,
    Create(Box<SessionDraft>, Vec<String>),
    Session(Box<SessionPage>),
}

struct SessionPage {
    session: Session,
    tab: Tab,
    attendance: attendance::Attendance,
    hot_seat: Option<hot_seat::HotSeat>,
    import_result: Option<(bool, Vec<String>)>,
    busy: bool,
    /// The report as last computed (recomputed each time the tab opens).
    report: Option<Arc<Gathered>>,
    /// What the last document export said.
    export_result: Option<(bool, String)>,
}

/// What opening the area reads.
#[derive(Debug, Clone)]
pub struct Opened {
    sessions: Arc<LoadedSessions>,
    roster: Option<Arc<Roster>>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Opened(Box<Opened>),
    NewPressed,
    DraftTitle(String),
    DraftDate(String),
    DraftPlace(String),
    DraftTrainer(String),
    DraftInstansi(String),
    DraftJp(String),
    DraftModule(String, bool),
    CreatePressed,
    CancelPressed,
    OpenPressed(String),
    BackToListPressed,
    LeavePressed,
    TabPicked(Tab),
    Attendance(attendance::Message),
    Saved(Box<Result<Session, SessionError>>),
    HotSeatPressed(TestPhase),
    HotSeat(hot_seat::Message),
    SwapFormsPressed,
    ClosePressed,
    ReopenPressed,
    ImportPressed,
    ImportPicked(Option<PathBuf>),
    Imported(Result<Vec<String>, Vec<String>>, Box<Loaded>),
    ReportReady(Option<Arc<Gathered>>),
    PresentPressed,
    RoomQuizPressed,
    /// Save a document: the dialog first, then the file.
    ExportPressed(Document),
    ExportTo(Document, Option<PathBuf>),
    Exported(Result<String, String>),
}

/// What the app must do after a desk update.
pub enum Action {
    None,
    Run(Task<Message>),
    Leave,
    /// A hot-seat test is done: save the learner (when new on this PC) and record the attempt.
    Record {
        learner: Option<Box<Learner>>,
        attempt: Box<Attempt>,
        /// The session's own save (the participant was marked present), run alongside.
        also: Task<Message>,
    },
    /// Records were imported: the app takes the store as it now is.
    Reloaded(Box<Loaded>),
    /// Full screen on the projector: the session's slides.
    Present(Box<crate::screen::trainer::presenter::Presenter>),
    /// Full screen on the projector: the room quiz.
    RoomQuiz(Box<crate::screen::trainer::room_quiz::RoomQuiz>),
}

impl Desk {
    pub fn open(env: &Env<'_>) -> (Desk, Task<Message>) {
        let store = env.store.clone();
        let desk = Desk {
            sessions: Vec::new(),
            problems: Vec::new(),
            roster: None,
            page: Page::List,
            notice: None,
            loading: true,
        };
        let task = Task::perform(
            async move {
                let roster = Roster::load(store.root())
                    .ok()
                    .filter(|r| !r.employees().is_empty())
                    .map(Arc::new);
                Opened {
                    sessions: Arc::new(sessions::load(&store)),
                    roster,
                }
            },
            |opened| Message::Opened(Box::new(opened)),
        );
        (desk, task)
    }

    /// The session shown, if any (tests and the app's key handling use it).
    pub fn session(&self) -> Option<&Session> {
        match &self.page {
            Page::Session(page) => Some(&page.session),
            _ => None,
        }
    }

    /// Whether a participant is in the middle of a hot-seat test (the header's buttons would
    /// drop it).
    pub fn in_test(&self) -> bool {
        matches!(&self.page, Page::Session(page) if page.hot_seat.as_ref().is_some_and(hot_seat::HotSeat::in_quiz))
    }

    pub fn update(&mut self, message: Message, env: &Env<'_>) -> Action {
        let lang = env.lang;
        match message {
            Message::Opened(opened) => {
                self.loading = false;
                self.sessions = opened.sessions.sessions.clone();
                self.problems = opened
                    .sessions
                    .problems
                    .iter()
                    .map(|(path, reason)| {
                        crate::i18n::tr_args(
                            lang,
                            "notice-stuck",
                            &[("file", &path.display().to_string()), ("detail", reason)],
                        )
                    })
                    .collect();
                self.roster = opened.roster;
                Action::None
            }
            Message::NewPressed => {
                let instansi = crate::hr::HrSettings::load(env.store.root())
                    .map(|s| s.instansi)
                    .unwrap_or_default();
                let draft = SessionDraft {
                    date: Local::now().date_naive().format("%Y-%m-%d").to_string(),
                    instansi,
                    modules: env
                        .catalog
                        .modules
                        .first()
                        .map(|m| m.id.clone())
                        .into_iter()
                        .collect(),
                    jp: "2".into(),
                    ..SessionDraft::default()
                };
                self.page = Page::Create(Box::new(draft), Vec::new());
                Action::Run(Task::batch([
                    to_top(),
                    iced::widget::operation::focus(TITLE_FIELD),
                ]))
            }
            Message::DraftTitle(v) => self.edit_draft(|d| d.title = v),
            Message::DraftDate(v) => self.edit_draft(|d| d.date = v),
            Message::DraftPlace(v) => self.edit_draft(|d| d.place = v),
            Message::DraftTrainer(v) => self.edit_draft(|d| d.trainer = v),
            Message::DraftInstansi(v) => self.edit_draft(|d| d.instansi = v),
            Message::DraftJp(v) => self.edit_draft(|d| d.jp = v),
            Message::DraftModule(id, on) => self.edit_draft(|d| {
                d.modules.retain(|m| *m != id);
                if on {
                    d.modules.push(id);
                }
            }),
            Message::CreatePressed => {
                let Page::Create(draft, errors) = &mut self.page else {
                    return Action::None;
                };
                let token = sessions::fresh_token(env.store);
                let device = env.store.identity().ok().map(|i| i.key.device);
                match draft.build(token, Utc::now(), device) {
                    Err(found) => {
                        *errors = found.iter().map(|e| draft_error(*e, lang)).collect();
                        Action::None
                    }
                    Ok(session) => {
                        self.sessions.insert(0, session.clone());
                        let save = save(env.store, &session);
                        self.page = Page::Session(Box::new(SessionPage::new(session)));
                        Action::Run(Task::batch([
                            save,
                            to_top(),
                            iced::widget::operation::focus(attendance::MARK_FIELD),
                        ]))
                    }
                }
            }
            Message::CancelPressed | Message::BackToListPressed => {
                self.page = Page::List;
                Action::Run(to_top())
            }
            Message::OpenPressed(token) => {
                if let Some(session) = self.sessions.iter().find(|s| s.token == token) {
                    self.page = Page::Session(Box::new(SessionPage::new(session.clone())));
                }
                Action::Run(Task::batch([
                    to_top(),
                    iced::widget::operation::focus(attendance::MARK_FIELD),
                ]))
            }
            Message::LeavePressed => Action::Leave,
            Message::Saved(result) => self.saved(*result, lang),
            message => self.update_session(message, env),
        }
    }

    fn saved(&mut self, result: Result<Session, SessionError>, lang: Lang) -> Action {
        match result {
            Ok(saved) => {
                if let Some(slot) = self.sessions.iter_mut().find(|s| s.token == saved.token) {
                    *slot = slot.merged_with(&saved);
                }
                if let Page::Session(page) = &mut self.page
                    && page.session.token == saved.token
                {
                    page.session = page.session.merged_with(&saved);
                }
                Action::None
            }
            Err(error) => {
                log::error!("{error}");
                self.notice = Some((false, error.message(lang)));
                Action::None
            }
        }
    }

    fn edit_draft(&mut self, change: impl FnOnce(&mut SessionDraft)) -> Action {
        if let Page::Create(draft, _) = &mut self.page {
            change(draft);
        }
        Action::None
    }

    fn update_session(&mut self, message: Message, env: &Env<'_>) -> Action {
        let lang = env.lang;
        let Page::Session(page) = &mut self.page else {
            return Action::None;
        };
        let now = Utc::now();
        let action = match message {
            Message::TabPicked(tab) => {
                page.tab = tab;
                let then = match tab {
                    Tab::Attendance => iced::widget::operation::focus(attendance::MARK_FIELD),
                    Tab::Tests => Task::none(),
                    Tab::Report => {
                        page.busy = true;
                        let store = env.store.clone();
                        let session = page.session.clone();
                        let catalog = env.catalog.clone();
                        Task::perform(
                            async move {
                                documents::gather(&store, &session, &catalog, lang).map(Arc::new)
                            },
                            Message::ReportReady,
                        )
                    }
                };
                return Action::Run(Task::batch([to_top(), then]));
            }
            Message::PresentPressed => {
                let slides = crate::training::slides(env.catalog, &page.session.modules, lang);
                return Action::Present(Box::new(
                    crate::screen::trainer::presenter::Presenter::new(
                        slides,
                        page.session.title.clone(),
                    ),
                ));
            }
            Message::RoomQuizPressed => {
                let Some(module) = page
                    .session
                    .test_module()
                    .and_then(|id| env.catalog.module(id))
                else {
                    return Action::None;
                };
                // Not the post-test's questions: the room must not see them before the test.
                let post = page.session.form(TestPhase::Post);
                let questions: Vec<String> = crate::training::room_questions(module)
                    .into_iter()
                    .filter(|id| module.question(id).is_some_and(|q| q.form != post))
                    .collect();
                return Action::RoomQuiz(Box::new(
                    crate::screen::trainer::room_quiz::RoomQuiz::new(module, questions),
                ));
            }
            Message::ReportReady(gathered) => {
                page.busy = false;
                page.report = gathered;
                Action::None
            }
            Message::ExportPressed(document) => {
                let name = document.file_name(&page.session);
                let extension = document.extension();
                let ask = rfd::AsyncFileDialog::new()
                    .set_file_name(name)
                    .add_filter(extension.to_uppercase(), &[extension])
                    .save_file();
                Action::Run(Task::perform(
                    async move { ask.await.map(|file| file.path().to_path_buf()) },
                    move |path| Message::ExportTo(document, path),
                ))
            }
            Message::ExportTo(_, None) => Action::None,
            Message::ExportTo(document, Some(path)) => {
                page.export_result = None;
                let store = env.store.clone();
                let session = page.session.clone();
                let catalog = env.catalog.clone();
                Action::Run(Task::perform(
                    async move {
                        documents::write(document, &store, &session, &catalog, lang, &path)
                            .map(|()| {
                                crate::i18n::tr_args(
                                    lang,
                                    "records-written",
                                    &[("file", &path.display().to_string())],
                                )
                            })
                            .map_err(|error| error.message(lang))
                    },
                    Message::Exported,
                ))
            }
            Message::Exported(result) => {
                page.export_result = Some(match result {
                    Ok(line) => (true, line),
                    Err(line) => (false, line),
                });
                Action::None
            }
            Message::Attendance(message) => {
                match page.attendance.update(
                    message,
                    &mut page.session,
                    self.roster.as_deref(),
                    lang,
                ) {
                    attendance::Outcome::None => Action::None,
                    attendance::Outcome::Changed => Action::Run(save(env.store, &page.session)),
                    attendance::Outcome::Run(task) => Action::Run(task.map(Message::Attendance)),
                }
            }
            Message::HotSeatPressed(phase) => {
                if !page.session.is_open() {
                    return Action::None;
                }
                page.hot_seat = Some(hot_seat::HotSeat::new(phase));
                return Action::Run(Task::batch([
                    to_top(),
                    iced::widget::operation::focus(hot_seat::WHO_FIELD),
                ]));
            }
            Message::HotSeat(message) => {
                let Some(seat) = &mut page.hot_seat else {
                    return Action::None;
                };
                let Some(module) = page
                    .session
                    .test_module()
                    .and_then(|id| env.catalog.module(id))
                else {
                    return Action::None;
                };
                let done = taken(env.attempts, &page.session.token, seat.phase);
                match seat.update(message, &page.session, module, &done, lang) {
                    hot_seat::Action::None => Action::None,
                    hot_seat::Action::Focus => Action::Run(Task::batch([
                        to_top(),
                        iced::widget::operation::focus(hot_seat::WHO_FIELD),
                    ])),
                    hot_seat::Action::Leave => {
                        page.hot_seat = None;
                        Action::Run(to_top())
                    }
                    hot_seat::Action::Finished { who, run, started } => {
                        let phase = seat.phase;
                        // Taking the test is being there.
                        let marked = page.session.present_count();
                        page.session.set_present(&who.nip, true, now);
                        let instansi = page.session.instansi.clone();
                        let (learner, new) = learner_for(env, &who, &instansi, now);
                        let mut attempt = Attempt::from_run(&run, module, &learner, started, now);
                        attempt.session = Some(SessionTag {
                            token: page.session.token.clone(),
                            phase,
                        });
                        let also = if page.session.present_count() == marked {
                            Task::none()
                        } else {
                            save(env.store, &page.session)
                        };
                        Action::Record {
                            learner: new.then(|| Box::new(learner)),
                            attempt: Box::new(attempt),
                            also,
                        }
                    }
                }
            }
            Message::SwapFormsPressed => {
                page.session.swap_forms(now);
                Action::Run(save(env.store, &page.session))
            }
            Message::ClosePressed => {
                page.session.closed = Some(now);
                page.session.updated = now;
                Action::Run(save(env.store, &page.session))
            }
            Message::ReopenPressed => {
                page.session.closed = None;
                page.session.updated = now;
                Action::Run(save(env.store, &page.session))
            }
            Message::ImportPressed => Action::Run(crate::screen::file_dialog(
                rfd::AsyncFileDialog::new()
                    .add_filter("latih-asn", &["latihasn", "ron"])
                    .pick_file(),
                Message::ImportPicked,
            )),
            Message::ImportPicked(None) => Action::None,
            Message::ImportPicked(Some(path)) => {
                page.busy = true;
                page.import_result = None;
                let store = env.store.clone();
                let token = page.session.token.clone();
                Action::Run(Task::perform(
                    async move {
                        let outcome = import_results(&store, &path, &token, lang);
                        (outcome, Box::new(store.load()))
                    },
                    |(outcome, loaded)| Message::Imported(outcome, loaded),
                ))
            }
            Message::Imported(outcome, loaded) => {
                page.busy = false;
                page.import_result = Some(match outcome {
                    Ok(lines) => (true, lines),
                    Err(lines) => (false, lines),
                });
                Action::Reloaded(loaded)
            }
            _ => Action::None,
        };
        if let Page::Session(page) = &self.page
            && let Some(slot) = self
                .sessions
                .iter_mut()
                .find(|s| s.token == page.session.token)
        {
            *slot = page.session.clone();
        }
        action
    }

    pub fn key(&self, key: &Key) -> Option<Message> {
        use iced::keyboard::key::Named;
        match &self.page {
            Page::Session(page) => match &page.hot_seat {
                Some(seat) => seat.key(key).map(Message::HotSeat),
                None if *key == Key::Named(Named::Escape) => Some(Message::BackToListPressed),
                None => None,
            },
            Page::Create(..) if *key == Key::Named(Named::Escape) => Some(Message::CancelPressed),
            _ => None,
        }
    }

    pub fn view<'a>(&'a self, ctx: &Ctx<'a>, env: &Env<'a>) -> Element<'a, Message> {
        if let Page::Session(page) = &self.page
            && let Some(seat) = &page.hot_seat
            && let Some(module) = page
                .session
                .test_module()
                .and_then(|id| ctx.catalog.module(id))
        {
            let done = taken(env.attempts, &page.session.token, seat.phase);
            return seat
                .view(ctx, &page.session, module, &done)
                .map(Message::HotSeat);
        }
        let body: Element<'a, Message> = match &self.page {
            Page::List => self.view_list(ctx),
            Page::Create(draft, errors) => view_create(ctx, draft, errors),
            Page::Session(page) => page.view(ctx, env, self.roster.as_deref()),
        };
        let mut page = column![].spacing(16).padding(24);
        if let Some((ok, line)) = &self.notice {
            page = page.push(status_line(ctx, *ok, line.as_str()));
        }
        scrollable(page.push(body).max_width(1100))
            .id(SCROLL)
            .height(Length::Fill)
            .into()
    }

    fn view_list<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let mut items = column![
            row![
                widget::h1(ctx.t("trainer-title")),
                iced::widget::space::horizontal(),
                widget::secondary(ctx, ctx.t("trainer-leave"), Some(Message::LeavePressed)),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
            widget::muted(ctx, ctx.t("trainer-intro")),
            widget::primary(ctx, ctx.t("trainer-new"), Some(Message::NewPressed)),
        ]
        .spacing(16);
        for problem in &self.problems {
            items = items.push(status_line(ctx, false, problem.as_str()));
        }
        if self.loading {
            items = items.push(widget::muted(ctx, ctx.t("hr-loading")));
        } else if self.sessions.is_empty() {
            items = items.push(widget::muted(ctx, ctx.t("trainer-none")));
        }
        for session in &self.sessions {
            let state = if session.is_open() {
                ctx.t("trainer-state-open")
            } else {
                ctx.t("trainer-state-closed")
            };
            items = items.push(widget::card(
                ctx,
                row![
                    column![
                        widget::h3(session.title.as_str()),
                        widget::muted(
                            ctx,
                            ctx.t_args(
                                "trainer-session-line",
                                &[
                                    ("date", &session.date.format("%d-%m-%Y").to_string()),
                                    ("place", &session.place),
                                    ("present", &session.present_count().to_string()),
                                    ("listed", &session.listed().count().to_string()),
                                    ("state", &state),
                                ],
                            )
                        ),
                    ]
                    .spacing(4)
                    .width(Length::Fill),
                    widget::secondary(
                        ctx,
                        ctx.t("trainer-open"),
                        Some(Message::OpenPressed(session.token.clone()))
                    ),
                ]
                .spacing(12)
                .align_y(Alignment::Center),
            ));
        }
        items.into()
    }
}

impl SessionPage {
    fn new(session: Session) -> Self {
        SessionPage {
            session,
            tab: Tab::Attendance,
            attendance: attendance::Attendance::default(),
            hot_seat: None,
            import_result: None,
            busy: false,
            report: None,
            export_result: None,
        }
    }

    fn view<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        env: &Env<'a>,
        roster: Option<&'a Roster>,
    ) -> Element<'a, Message> {
        let session = &self.session;
        let modules: Vec<String> = session
            .modules
            .iter()
            .map(|id| {
                ctx.catalog
                    .module(id)
                    .map_or_else(|| id.clone(), |m| m.title.get(ctx.lang).clone())
            })
            .collect();
        let tabs = row(Tab::ALL.into_iter().map(|tab| {
            if tab == self.tab {
                widget::primary(ctx, ctx.t(tab.key()), Some(Message::TabPicked(tab)))
            } else {
                widget::secondary(ctx, ctx.t(tab.key()), Some(Message::TabPicked(tab)))
            }
        }))
        .spacing(10)
        .wrap();
        let mut head = column![
            widget::secondary(ctx, ctx.t("trainer-back"), Some(Message::BackToListPressed)),
            widget::h1(session.title.as_str()),
            widget::muted(
                ctx,
                ctx.t_args(
                    "trainer-session-head",
                    &[
                        ("date", &session.date.format("%d-%m-%Y").to_string()),
                        ("place", &session.place),
                        ("trainer", &session.trainer),
                        ("jp", &session.jp.to_string()),
                    ],
                )
            ),
            widget::muted(
                ctx,
                ctx.t_args(
                    "trainer-session-modules",
                    &[("modules", &modules.join(", "))]
                )
            ),
            row![
                widget::primary(ctx, ctx.t("trainer-present"), Some(Message::PresentPressed)),
                widget::secondary(
                    ctx,
                    ctx.t("trainer-room-quiz"),
                    Some(Message::RoomQuizPressed)
                ),
            ]
            .spacing(10)
            .wrap(),
            widget::muted(ctx, ctx.t("trainer-present-hint")),
        ]
        .spacing(8);
        if !session.is_open() {
            head = head.push(status_line(ctx, false, ctx.t("trainer-error-closed")));
        }
        let body = match self.tab {
            Tab::Attendance => column![
                self.view_exports(
                    ctx,
                    &[
                        (Document::AttendancePdf, "trainer-export-attendance-pdf"),
                        (Document::AttendanceCsv, "trainer-export-attendance-csv"),
                    ]
                ),
                self.attendance
                    .view(ctx, session, roster)
                    .map(Message::Attendance),
            ]
            .spacing(16)
            .into(),
            Tab::Tests => self.view_tests(ctx, env),
            Tab::Report => {
                let mut items = column![self.view_exports(
                    ctx,
                    &[
                        (Document::ReportPdf, "trainer-export-report-pdf"),
                        (Document::ReportPeopleCsv, "trainer-export-report-people"),
                        (Document::ReportItemsCsv, "trainer-export-report-items"),
                    ]
                )]
                .spacing(16);
                items = match (&self.report, self.busy) {
                    (_, true) => items.push(widget::muted(ctx, ctx.t("hr-loading"))),
                    (Some(gathered), false) => items.push(report_view::view(ctx, gathered)),
                    (None, false) => items.push(widget::muted(ctx, ctx.t("error-module-missing"))),
                };
                items.into()
            }
        };
        column![head, tabs, body].spacing(16).into()
    }

    fn view_exports<'a>(
        &'a self,
        ctx: &Ctx<'a>,
        documents: &[(Document, &str)],
    ) -> Element<'a, Message> {
        let mut items = column![
            row(documents.iter().map(|(document, key)| {
                widget::secondary(ctx, ctx.t(key), Some(Message::ExportPressed(*document)))
            }))
            .spacing(10)
            .wrap()
        ]
        .spacing(8);
        if let Some((ok, line)) = &self.export_result {
            items = items.push(status_line(ctx, *ok, line.as_str()));
        }
        items.into()
    }

    fn view_tests<'a>(&'a self, ctx: &Ctx<'a>, env: &Env<'a>) -> Element<'a, Message> {
        let session = &self.session;
        let open = session.is_open();
        let listed = session.listed().count();
        let module = session.test_module().unwrap_or_default();
        let mut items = column![widget::muted(ctx, ctx.t("trainer-tests-intro"))].spacing(16);
        for phase in [TestPhase::Pre, TestPhase::Post] {
            let form = session.form(phase);
            let done = taken(env.attempts, &session.token, phase).len();
            let code = DeskCode::new(&session.token, phase, form, module).to_code();
            let (title, start) = match phase {
                TestPhase::Pre => ("trainer-pre-title", "trainer-pre-start"),
                TestPhase::Post => ("trainer-post-title", "trainer-post-start"),
            };
            items = items.push(widget::card(
                ctx,
                column![
                    widget::h2(ctx.t_args(title, &[("form", &format!("{form:?}"))])),
                    widget::body(ctx.t_args(
                        "trainer-tests-done",
                        &[("done", &done.to_string()), ("listed", &listed.to_string())],
                    )),
                    widget::primary(
                        ctx,
                        ctx.t(start),
                        open.then_some(Message::HotSeatPressed(phase))
                    ),
                    widget::body(ctx.t("trainer-desk-code")),
                    text(code).size(widget::size::H1 * 1.4).font(widget::BOLD),
                    widget::muted(ctx, ctx.t("trainer-desk-code-hint")),
                ]
                .spacing(10),
            ));
        }
        let mut import = column![
            widget::h3(ctx.t("trainer-import-title")),
            widget::muted(ctx, ctx.t("trainer-import-intro")),
            widget::secondary(
                ctx,
                ctx.t("trainer-import"),
                (!self.busy).then_some(Message::ImportPressed)
            ),
        ]
        .spacing(8);
        if self.busy {
            import = import.push(widget::muted(ctx, ctx.t("hr-loading")));
        }
        if let Some((ok, lines)) = &self.import_result {
            for line in lines {
                import = import.push(status_line(ctx, *ok, line.as_str()));
            }
        }
        items = items.push(widget::card(ctx, import));
        items = items.push(
            row![
                widget::secondary(
                    ctx,
                    ctx.t("trainer-swap-forms"),
                    open.then_some(Message::SwapFormsPressed)
                ),
                if open {
                    widget::secondary(ctx, ctx.t("trainer-close"), Some(Message::ClosePressed))
                } else {
                    widget::secondary(ctx, ctx.t("trainer-reopen"), Some(Message::ReopenPressed))
                },
            ]
            .spacing(10)
            .wrap(),
        );
        items.into()
    }
}

fn view_create<'a>(
    ctx: &Ctx<'a>,
    draft: &'a SessionDraft,
    errors: &'a [String],
) -> Element<'a, Message> {
    let field = |label: String, value: &'a str, on: fn(String) -> Message| {
        column![
            widget::body(label),
            text_input("", value)
                .on_input(on)
                .on_submit(Message::CreatePressed)
                .size(widget::size::BODY)
                .padding(10),
        ]
        .spacing(4)
    };
    let modules = column(ctx.catalog.modules.iter().map(|module| {
        let on = draft.modules.contains(&module.id);
        let position = draft.modules.iter().position(|m| *m == module.id);
        let label = match position {
            Some(0) => format!(
                "{} ({})",
                module.title.get(ctx.lang),
                ctx.t("trainer-new-tested")
            ),
            _ => module.title.get(ctx.lang).clone(),
        };
        checkbox(on)
            .label(label)
            .on_toggle({
                let id = module.id.clone();
                move |on| Message::DraftModule(id.clone(), on)
            })
            .size(20)
            .text_size(widget::size::BODY)
            .into()
    }))
    .spacing(8);
    let mut form = column![
        widget::h1(ctx.t("trainer-new-title")),
        column![
            widget::body(ctx.t("trainer-new-name")),
            text_input("", &draft.title)
                .id(TITLE_FIELD)
                .on_input(Message::DraftTitle)
                .on_submit(Message::CreatePressed)
                .size(widget::size::BODY)
                .padding(10),
        ]
        .spacing(4),
        field(ctx.t("trainer-new-date"), &draft.date, Message::DraftDate),
        field(
            ctx.t("trainer-new-place"),
            &draft.place,
            Message::DraftPlace
        ),
        field(
            ctx.t("trainer-new-trainer"),
            &draft.trainer,
            Message::DraftTrainer
        ),
        field(
            ctx.t("trainer-new-instansi"),
            &draft.instansi,
            Message::DraftInstansi
        ),
        field(ctx.t("trainer-new-jp"), &draft.jp, Message::DraftJp),
        widget::body(ctx.t("trainer-new-modules")),
        widget::muted(ctx, ctx.t("trainer-new-modules-hint")),
        modules,
    ]
    .spacing(12);
    for error in errors {
        form = form.push(status_line(ctx, false, error.as_str()));
    }
    form.push(
        row![
            widget::primary(
                ctx,
                ctx.t("trainer-new-create"),
                Some(Message::CreatePressed)
            ),
            widget::secondary(ctx, ctx.t("common-cancel"), Some(Message::CancelPressed)),
        ]
        .spacing(10),
    )
    .into()
}

fn draft_error(error: crate::training::session::DraftError, lang: Lang) -> String {
    use crate::training::session::DraftError;
    let key = match error {
        DraftError::Title => "trainer-new-error-title",
        DraftError::Date => "trainer-new-error-date",
        DraftError::Place => "trainer-new-error-place",
        DraftError::Trainer => "trainer-new-error-trainer",
        DraftError::Modules => "trainer-new-error-modules",
        DraftError::Jp => "trainer-new-error-jp",
    };
    crate::i18n::tr_args(
        lang,
        key,
        &[("max", &crate::training::session::JP_MAX.to_string())],
    )
}

fn save(store: &Store, session: &Session) -> Task<Message> {
    let store = store.clone();
    let session = session.clone();
    Task::perform(
        async move { Box::new(sessions::save(&store, &session)) },
        Message::Saved,
    )
}

fn to_top() -> Task<Message> {
    iced::widget::operation::snap_to(SCROLL, iced::widget::operation::RelativeOffset::START)
}

/// NIPs with a result for this test of the session (any record naming it; the report decides
/// which count).
pub fn taken(attempts: &[Attempt], token: &str, phase: TestPhase) -> Vec<String> {
    attempts
        .iter()
        .filter(|a| {
            a.session
                .as_ref()
                .is_some_and(|tag| tag.token == token && tag.phase == phase)
        })
        .filter_map(|a| Some(a.taken_by.as_ref()?.nip.as_ref()?.as_str().to_owned()))
        .collect()
}

/// The profile a participant's attempt is recorded under: the one on this PC with their NIP,
/// or a new one (saved with the attempt). `true` when new.
fn learner_for(
    env: &Env<'_>,
    who: &crate::training::Participant,
    instansi: &str,
    now: chrono::DateTime<Utc>,
) -> (Learner, bool) {
    if let Some(learner) = env
        .learners
        .iter()
        .find(|l| l.nip.as_ref().is_some_and(|n| n.as_str() == who.nip))
    {
        return (learner.clone(), false);
    }
    let learner = Learner {
        version: crate::records::LEARNER_VERSION,
        id: Uuid::new_v4(),
        name: who.name.clone(),
        nip: crate::records::Nip::parse(&who.nip, now.date_naive()).ok(),
        unit: who.unit.clone(),
        instansi: instansi.to_owned(),
        created: now,
        revision: 1,
        device: None,
        signature: None,
    };
    (learner, true)
}

/// Imports a results file for this session: refused whole when it holds no test of this
/// session (another session's, or none), so a wrong USB file changes nothing.
pub fn import_results(
    store: &Store,
    path: &std::path::Path,
    token: &str,
    lang: Lang,
) -> Result<Vec<String>, Vec<String>> {
    let t = |key: &str, args: &[(&str, &str)]| crate::i18n::tr_args(lang, key, args);
    let file = path.display().to_string();
    let bundle = match crate::records::bundle::read(path) {
        Ok(bundle) => bundle,
        Err(error) => {
            return Err(vec![t(
                "cli-import-refused",
                &[("file", &file), ("detail", &error.message(lang))],
            )]);
        }
    };
    let tags: Vec<&SessionTag> = bundle
        .body
        .attempts
        .iter()
        .filter_map(|a| a.session.as_ref())
        .collect();
    let ours = tags.iter().filter(|tag| tag.token == token).count();
    if ours == 0 {
        let others: std::collections::BTreeSet<&str> =
            tags.iter().map(|tag| tag.token.as_str()).collect();
        let reason = if others.is_empty() {
            t("trainer-import-no-session", &[("file", &file)])
        } else {
            t(
                "trainer-import-other-session",
                &[
                    ("file", &file),
                    ("codes", &others.into_iter().collect::<Vec<_>>().join(", ")),
                ],
            )
        };
        return Err(vec![reason]);
    }
    let mut lines = vec![t(
        "trainer-import-found",
        &[("count", &ours.to_string()), ("file", &file)],
    )];
    // Records from participants' PCs wait for HR's approval of those PCs before they count
    // for HR; the session report counts them when their signatures hold. So a held import is
    // a success here, and only a refusal is an error.
    let results = crate::records::transfer::import_path(store, path, Utc::now());
    let refused = results.iter().any(|(_, result)| result.is_err());
    lines.extend(
        results
            .iter()
            .map(|(file, result)| crate::records::transfer::import_message(file, result, lang)),
    );
    if refused { Err(lines) } else { Ok(lines) }
}
