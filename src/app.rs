//! The application: state, top-level messages, routing between screens, saving.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use iced::keyboard::{self, Key};
use iced::widget::{column, container, row, space};
use iced::{Alignment, Element, Length, Subscription, Task, Theme};
use uuid::Uuid;

use crate::content::{Catalog, Module, PackDone};
use crate::i18n;
use crate::lang::Lang;
use crate::quiz::{self, Mode, QuizRun};
use crate::records::{
    Attempt, Learner, Loaded, ModuleSummary, Problem, ProblemKind, Progress, Store, StoreError,
    summarize,
};
use crate::screen::learn::{home, join, lesson, module, profile, quiz as quiz_screen, result};
use crate::screen::settings as settings_screen;
use crate::screen::trainer::desk as trainer_screen;
use crate::screen::{hr as hr_screen, pin as pin_screen};
use crate::settings::Settings;
use crate::theme::{self, Colors};
use crate::widget;

/// Read-only context the screens draw with.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub colors: Colors,
    pub theme: &'a Theme,
    pub catalog: &'a Catalog,
    pub learner: Option<&'a Learner>,
}

impl Ctx<'_> {
    pub fn t(&self, key: &str) -> String {
        i18n::tr(self.lang, key)
    }

    pub fn t_args(&self, key: &str, args: &[(&str, &str)]) -> String {
        i18n::tr_args(self.lang, key, args)
    }
}

pub enum Screen {
    Profile(profile::Profile),
    Home(home::Home),
    Module(module::ModulePage),
    Lesson(lesson::LessonReader),
    Quiz(quiz_screen::QuizScreen),
    Result(result::ResultScreen),
    /// A trainer's session code typed at the learner's desk.
    Join(join::JoinScreen),
    Settings(settings_screen::SettingsScreen),
    /// The admin PIN asked before the HR area opens.
    Pin(pin_screen::PinGate),
    /// HR's area (*SDM*).
    Hr(Box<hr_screen::Desk>),
    /// The trainer's area (*Pelatih*).
    Trainer(Box<trainer_screen::Desk>),
    /// Full screen on the projector; the trainer's area waits behind it.
    Presenter(
        Box<crate::screen::trainer::presenter::Presenter>,
        Box<trainer_screen::Desk>,
    ),
    RoomQuiz(
        Box<crate::screen::trainer::room_quiz::RoomQuiz>,
        Box<trainer_screen::Desk>,
    ),
}

/// The areas behind the admin PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminArea {
    Hr,
    Trainer,
}

#[derive(Debug, Clone)]
pub enum Message {
    Profile(profile::Message),
    Home(home::Message),
    Module(module::Message),
    Lesson(lesson::Message),
    Quiz(quiz_screen::Message),
    Result(result::Message),
    Join(join::Message),
    Settings(settings_screen::Message),
    Pin(pin_screen::Message),
    /// The PIN was checked (or set): `Ok` opens the HR area.
    PinChecked(Result<(), crate::hr::pin::PinError>),
    Hr(hr_screen::Message),
    Trainer(trainer_screen::Message),
    Presenter(crate::screen::trainer::presenter::Message),
    RoomQuiz(crate::screen::trainer::room_quiz::Message),
    /// The window moved, was resized, or is being closed.
    Window(iced::window::Event),
    /// A key nobody else handled (no text field had focus).
    KeyPressed(Key, keyboard::Modifiers),
    HomePressed,
    SwitchProfilePressed,
    SettingsPressed,
    NoticeDismissed,
    /// A background save finished.
    Saved(Result<(), StoreError>),
    /// A finished attempt was signed and written (or why not).
    AttemptRecorded(Result<Box<Attempt>, StoreError>),
    /// Settings' records export finished: lines to show, `Err` when something failed.
    RecordsDone(Result<Vec<String>, Vec<String>>),
    /// A content pack change (install, removal, switch) finished, with the packs reloaded.
    PacksChanged(PackDone),
    ProgressSaved(Result<Progress, StoreError>),
}

pub struct App {
    store: Store,
    catalog: Catalog,
    settings: Settings,
    system_lang: Lang,
    learners: Vec<Learner>,
    progress: HashMap<Uuid, Progress>,
    attempts: Vec<Attempt>,
    learner: Option<Uuid>,
    screen: Screen,
    /// A quiz put aside while its learner reads a lesson from the feedback.
    suspended_quiz: Option<quiz_screen::QuizScreen>,
    /// The result whose review opened a lesson, and the answer to return to.
    suspended_review: Option<(result::ResultScreen, usize)>,
    /// Where the next page opens, instead of its top.
    pending_reveal: Option<iced::widget::Id>,
    /// Messages for the user: damaged files set aside, failed saves.
    notices: Vec<String>,
    theme: Theme,
    /// This PC's key fingerprint (shown in Settings for HR to compare), if it has a key.
    fingerprint: Option<String>,
    /// The area the PIN gate opens.
    admin_area: AdminArea,
    /// The current learner's exams left unfinished (saved after every answer).
    unfinished: Vec<crate::records::unfinished::Unfinished>,
}

impl App {
    /// Builds the app from what was loaded. Pure: no I/O, so tests can build it from a temporary
    /// data directory.
    pub fn new(
        store: Store,
        loaded: Loaded,
        catalog: Catalog,
        system_lang: Lang,
        notices: Vec<String>,
    ) -> Self {
        let settings = loaded.settings;
        let lang = settings.language.unwrap_or(system_lang);
        // Files already in quarantine were announced when they were moved there.
        let mut all_notices: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| p.kind != ProblemKind::InQuarantine)
            .map(|p| problem_notice(p, lang))
            .collect();
        all_notices.extend(notices);
        // On a shared PC with several profiles, each person picks their own.
        let learner = crate::records::profiles::opened_at_start(
            &loaded.learners,
            &settings.hidden_learners,
            settings.last_learner,
        );
        let screen = if learner.is_some() {
            Screen::Home(home::Home)
        } else {
            Screen::Profile(profile::Profile::new(
                crate::records::profiles::listed(&loaded.learners, &settings.hidden_learners)
                    .next()
                    .is_some(),
            ))
        };
        let theme = theme::iced_theme(settings.theme);
        let fingerprint = loaded
            .trust
            .own
            .as_ref()
            .map(crate::records::trust::fingerprint);
        let mut app = App {
            store,
            catalog,
            settings,
            system_lang,
            learners: loaded.learners,
            progress: loaded.progress,
            attempts: loaded.attempts,
            learner,
            screen,
            suspended_quiz: None,
            suspended_review: None,
            pending_reveal: None,
            notices: all_notices,
            theme,
            fingerprint,
            admin_area: AdminArea::Hr,
            unfinished: Vec::new(),
        };
        app.load_unfinished();
        app
    }

    /// Reads the current learner's unfinished exams (a few small files).
    fn load_unfinished(&mut self) {
        self.unfinished = match self.learner {
            Some(learner) => self
                .catalog
                .modules
                .iter()
                .filter_map(|m| crate::records::unfinished::load(&self.store, learner, &m.id))
                .collect(),
            None => Vec::new(),
        };
    }

    /// What runs once the window is open: the first page's focus (on the first start, the
    /// name field of the profile form, so typing goes there).
    pub fn start(&self) -> Task<Message> {
        match &self.screen {
            Screen::Profile(screen) => screen.opened().map(Message::Profile),
            _ => Task::none(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.language.unwrap_or(self.system_lang)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }

    /// The current learner's reading progress, as the app holds it.
    pub fn progress_of_current(&self) -> Option<&Progress> {
        self.learner_progress()
    }

    pub fn current_learner(&self) -> Option<&Learner> {
        let id = self.learner?;
        self.learners.iter().find(|l| l.id == id)
    }

    pub fn title(&self) -> String {
        i18n::tr(self.lang(), "app-title")
    }

    pub fn theme(&self) -> Theme {
        self.theme.clone()
    }

    pub fn scale_factor(&self) -> f32 {
        f32::from(self.settings.text_scale) / 100.0
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed { key, modifiers, .. } => {
                Some(Message::KeyPressed(key, modifiers))
            }
            _ => None,
        });
        let window = iced::window::events().filter_map(|(_, event)| match event {
            iced::window::Event::Moved(_)
            | iced::window::Event::Resized(_)
            | iced::window::Event::CloseRequested => Some(Message::Window(event)),
            _ => None,
        });
        Subscription::batch([keys, window])
    }

    /// Remembers the window's place; on close, saves it and exits (the save happens once, not
    /// on every pixel of a drag).
    fn window_event(&mut self, event: iced::window::Event) -> Task<Message> {
        let scale = self.scale_factor();
        let placement = self
            .settings
            .window
            .get_or_insert(crate::settings::WindowPlacement {
                width: 1200.0,
                height: 720.0,
                x: None,
                y: None,
            });
        match event {
            iced::window::Event::Moved(point) => {
                // iced reports moves in text-size-scaled units; the window is placed unscaled.
                placement.x = Some(point.x * scale);
                placement.y = Some(point.y * scale);
                Task::none()
            }
            iced::window::Event::Resized(size) => {
                // Stored at 100% so that a change of text size keeps the window's real size.
                placement.width = size.width * scale;
                placement.height = size.height * scale;
                Task::none()
            }
            iced::window::Event::CloseRequested => {
                let store = self.store.clone();
                let settings = self.settings.clone();
                Task::perform(async move { store.save_settings(&settings) }, |result| {
                    if let Err(error) = result {
                        log::error!("{error}");
                    }
                })
                .then(|()| iced::exit())
            }
            _ => Task::none(),
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            lang: self.lang(),
            colors: Colors::of(self.settings.theme),
            theme: &self.theme,
            catalog: &self.catalog,
            learner: self.current_learner(),
        }
    }

    fn learner_attempts(&self) -> Vec<&Attempt> {
        self.attempts
            .iter()
            .filter(|a| Some(a.learner) == self.learner)
            .collect()
    }

    fn learner_progress(&self) -> Option<&Progress> {
        self.progress.get(&self.learner?)
    }

    /// The home-screen summary of every module for the current learner.
    pub fn summaries(&self) -> Vec<ModuleSummary> {
        let attempts = self.learner_attempts();
        self.catalog
            .modules
            .iter()
            .map(|module| summarize(module, self.learner_progress(), &attempts))
            .collect()
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        let before = self.screen_tag();
        let task = self.dispatch(message);
        if self.screen_tag() == before {
            task
        } else {
            // A new page starts with nothing focused, so Tab begins at its top, and opens at
            // its top: iced keeps a scrollable's offset when the next page puts one in the same
            // place, so a result would open scrolled to where the quiz was.
            let unfocus = iced::advanced::widget::operate(
                iced::advanced::widget::operation::focusable::unfocus(),
            );
            // A page returned to (a review after its lesson) opens at what the learner left.
            if let Some(id) = self.pending_reveal.take() {
                return Task::batch([unfocus, widget::reveal_top(id), task]);
            }
            let top = iced::widget::operation::RelativeOffset::START;
            Task::batch([
                unfocus,
                iced::widget::operation::snap_to(widget::PAGE_SCROLL, top),
                iced::widget::operation::snap_to(hr_screen::SCROLL, top),
                iced::widget::operation::snap_to(trainer_screen::SCROLL, top),
                task,
            ])
        }
    }

    /// The text size scales the whole window in iced; resize it so it keeps its size on the
    /// screen (a 200% window must still fit a 1366×768 screen).
    fn keep_window_on_screen(&self) -> Task<Message> {
        let scale = self.scale_factor();
        let (width, height) = self
            .settings
            .window
            .map_or((1200.0, 720.0), |p| (p.width, p.height));
        let size = iced::Size::new(width / scale, height / scale);
        let (min_width, min_height) = crate::settings::min_window(scale);
        let min = iced::Size::new(min_width, min_height);
        iced::window::latest().then(move |id| match id {
            Some(id) => Task::batch([
                iced::window::set_min_size(id, Some(min)),
                iced::window::resize(id, size),
            ]),
            None => Task::none(),
        })
    }

    /// Which page is shown, to notice when it changes.
    fn screen_tag(&self) -> (u8, usize) {
        match &self.screen {
            Screen::Profile(screen) => (0, screen.page()),
            Screen::Home(_) => (1, 0),
            Screen::Module(_) => (2, 0),
            Screen::Lesson(reader) => (3, reader.index),
            Screen::Quiz(_) => (4, 0),
            Screen::Result(_) => (5, 0),
            Screen::Settings(_) => (6, 0),
            Screen::Pin(_) => (7, 0),
            Screen::Hr(_) => (8, 0),
            Screen::Trainer(_) => (9, 0),
            Screen::Join(_) => (10, 0),
            Screen::Presenter(..) => (11, 0),
            Screen::RoomQuiz(..) => (12, 0),
        }
    }

    fn dispatch(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Profile(message) => self.update_profile(message),
            Message::Home(message) => self.update_home(message),
            Message::Module(message) => self.update_module(message),
            Message::Lesson(message) => self.update_lesson(message),
            Message::Quiz(message) => self.update_quiz(message),
            Message::Result(message) => self.update_result(message),
            Message::Join(message) => self.update_join(message),
            Message::Settings(message) => self.update_settings(message),
            Message::Pin(message) => self.update_pin(message),
            Message::PinChecked(result) => self.pin_checked(result),
            Message::Hr(message) => self.update_hr(message),
            Message::Trainer(message) => self.update_trainer(message),
            Message::Presenter(message) => self.update_presenter(message),
            Message::RoomQuiz(message) => self.update_room_quiz(message),
            Message::KeyPressed(key, modifiers) => self.key_pressed(&key, modifiers),
            Message::Window(event) => self.window_event(event),
            Message::HomePressed if self.quiz_asks(quiz_screen::Leave::Home) => Task::none(),
            Message::SwitchProfilePressed if self.quiz_asks(quiz_screen::Leave::SwitchProfile) => {
                Task::none()
            }
            Message::SettingsPressed if self.quiz_asks(quiz_screen::Leave::Settings) => {
                Task::none()
            }
            Message::HomePressed => self.go_home(),
            Message::SwitchProfilePressed => {
                self.drop_suspended();
                self.open_profiles()
            }
            Message::SettingsPressed => {
                self.screen = Screen::Settings(settings_screen::SettingsScreen::new(
                    self.fingerprint.clone(),
                ));
                Task::none()
            }
            Message::NoticeDismissed => {
                self.notices.clear();
                Task::none()
            }
            Message::RecordsDone(outcome) => {
                if let Screen::Settings(screen) = &mut self.screen {
                    screen.records_finished(outcome);
                }
                Task::none()
            }
            Message::PacksChanged(mut done) => {
                if let Some(catalog) = done.catalog.take() {
                    self.catalog = *catalog;
                }
                let lang = self.lang();
                self.notices
                    .extend(done.refused.iter().map(|pack| pack.notice(lang)));
                if let Screen::Settings(screen) = &mut self.screen {
                    screen.pack_finished(done);
                }
                Task::none()
            }
            Message::AttemptRecorded(result) => {
                match result {
                    // Keep the signed copy, as it is on disk.
                    Ok(signed) => {
                        if let Some(slot) = self.attempts.iter_mut().find(|a| a.id == signed.id) {
                            *slot = *signed;
                        }
                    }
                    Err(error) => self.note_save_result(Some(error)),
                }
                Task::none()
            }
            Message::Saved(result) => {
                self.note_save_result(result.err());
                Task::none()
            }
            Message::ProgressSaved(result) => {
                match result {
                    Ok(merged) => {
                        // Keep what another running copy may have added meanwhile.
                        self.progress
                            .entry(merged.learner)
                            .or_insert_with(|| Progress::new(merged.learner))
                            .merge(&merged);
                    }
                    Err(error) => self.note_save_result(Some(error)),
                }
                Task::none()
            }
        }
    }

    /// Whether the exam on screen must ask before leaving for `to` (it then asks).
    fn quiz_asks(&mut self, to: quiz_screen::Leave) -> bool {
        match &mut self.screen {
            Screen::Quiz(quiz) => quiz.asks_before(to),
            _ => false,
        }
    }

    /// Saves the exam on screen as unfinished (after each answer), or removes the saved one.
    fn keep_unfinished(&mut self) -> Task<Message> {
        use crate::records::unfinished::{self, Unfinished};
        let (Screen::Quiz(quiz), Some(learner)) = (&self.screen, self.learner) else {
            return Task::none();
        };
        if quiz.run.mode != Mode::Exam || !quiz.keeps_unfinished {
            return Task::none();
        }
        let saved = Unfinished::of(
            &quiz.run,
            learner,
            quiz.started,
            quiz.session.clone(),
            Utc::now(),
        );
        self.unfinished.retain(|u| u.module != saved.module);
        self.unfinished.push(saved.clone());
        let store = self.store.clone();
        Task::perform(
            async move { unfinished::save(&store, &saved) },
            Message::Saved,
        )
    }

    fn drop_unfinished(&mut self, module: &str) -> Task<Message> {
        let Some(learner) = self.learner else {
            return Task::none();
        };
        if !self.unfinished.iter().any(|u| u.module == module) {
            return Task::none();
        }
        self.unfinished.retain(|u| u.module != module);
        let store = self.store.clone();
        let module = module.to_owned();
        Task::perform(
            async move { crate::records::unfinished::remove(&store, learner, &module) },
            Message::Saved,
        )
    }

    fn note_save_result(&mut self, error: Option<StoreError>) {
        if let Some(error) = error {
            log::error!("{error}");
            self.notices.push(error.message(self.lang()));
        }
    }

    fn go_home(&mut self) -> Task<Message> {
        self.drop_suspended();
        if self.learner.is_some() {
            self.screen = Screen::Home(home::Home);
            Task::none()
        } else {
            self.open_profiles()
        }
    }

    /// The profile pages: the list, or the form when nobody is on this PC's list.
    fn open_profiles(&mut self) -> Task<Message> {
        let listed =
            crate::records::profiles::listed(&self.learners, &self.settings.hidden_learners)
                .next()
                .is_some();
        let screen = profile::Profile::new(listed);
        let opened = screen.opened().map(Message::Profile);
        self.screen = Screen::Profile(screen);
        opened
    }

    fn update_profile(&mut self, message: profile::Message) -> Task<Message> {
        let env = profile::Env::now(&self.learners, &self.settings.hidden_learners);
        let Screen::Profile(screen) = &mut self.screen else {
            return Task::none();
        };
        match screen.update(message, &env) {
            profile::Action::None => Task::none(),
            profile::Action::Run(task) => task.map(Message::Profile),
            profile::Action::Revise { learner, home } => {
                // A new revision, signed when saved; attempts keep the profile they signed.
                let save = self.save_learner(learner);
                if home {
                    Task::batch([save, self.go_home()])
                } else {
                    save
                }
            }
            profile::Action::Remove(id) => {
                let opened = screen.opened().map(Message::Profile);
                // Off this PC's list only: the profile's files and attempts stay for HR.
                if !self.settings.hidden_learners.contains(&id) {
                    self.settings.hidden_learners.push(id);
                }
                if self.learner == Some(id) {
                    self.learner = None;
                    self.load_unfinished();
                }
                if self.settings.last_learner == Some(id) {
                    self.settings.last_learner = None;
                }
                Task::batch([self.save_settings(), opened])
            }
            profile::Action::Restore(id) => {
                self.settings.hidden_learners.retain(|hidden| *hidden != id);
                self.save_settings()
            }
            profile::Action::Home => self.go_home(),
            profile::Action::Create(learner) => {
                let id = learner.id;
                let save = self.save_learner(learner);
                Task::batch([save, self.pick_learner(id)])
            }
            profile::Action::Pick(id) => self.pick_learner(id),
        }
    }

    /// Keeps a new profile, or a profile's new revision, and saves it signed.
    fn save_learner(&mut self, learner: Learner) -> Task<Message> {
        match self.learners.iter_mut().find(|l| l.id == learner.id) {
            Some(slot) => *slot = learner.clone(),
            None => self.learners.push(learner.clone()),
        }
        self.learners
            .sort_by_key(|learner| learner.name.to_lowercase());
        let store = self.store.clone();
        Task::perform(
            async move { store.save_learner(&learner).map(|_signed| ()) },
            Message::Saved,
        )
    }

    fn pick_learner(&mut self, id: Uuid) -> Task<Message> {
        self.learner = Some(id);
        self.load_unfinished();
        self.settings.hidden_learners.retain(|hidden| *hidden != id);
        self.screen = Screen::Home(home::Home);
        self.settings.last_learner = Some(id);
        self.save_settings()
    }

    fn save_settings(&self) -> Task<Message> {
        let store = self.store.clone();
        let settings = self.settings.clone();
        Task::perform(
            async move { store.save_settings(&settings) },
            Message::Saved,
        )
    }

    fn update_home(&mut self, message: home::Message) -> Task<Message> {
        let Screen::Home(screen) = &mut self.screen else {
            return Task::none();
        };
        match screen.update(message) {
            home::Action::OpenModule(id) => {
                if self.catalog.module(&id).is_some() {
                    self.screen = Screen::Module(module::ModulePage::new(id));
                }
                Task::none()
            }
            home::Action::JoinSession => {
                self.screen = Screen::Join(join::JoinScreen::default());
                iced::widget::operation::focus(join::CODE_FIELD)
            }
            home::Action::EditProfile => {
                let Some(learner) = self.current_learner() else {
                    return Task::none();
                };
                let screen = profile::Profile::edit(learner, true);
                let opened = screen.opened().map(Message::Profile);
                self.screen = Screen::Profile(screen);
                opened
            }
        }
    }

    fn update_join(&mut self, message: join::Message) -> Task<Message> {
        let has_nip = self.current_learner().is_some_and(Learner::has_nip);
        let lang = self.lang();
        let Screen::Join(screen) = &mut self.screen else {
            return Task::none();
        };
        match screen.update(message, &self.catalog, has_nip, lang) {
            join::Action::None => Task::none(),
            join::Action::Back => self.go_home(),
            join::Action::Start { module, form, tag } => {
                let Some(found) = self.catalog.module(&module) else {
                    return Task::none();
                };
                let seed = rand::random::<u64>();
                let drawn = quiz::draw(found, found.quiz_size, seed, Some(form));
                let run = QuizRun::new(found, Mode::Exam, seed, drawn);
                let mut quiz = quiz_screen::QuizScreen::new(run, Utc::now());
                quiz.session = Some(tag);
                self.drop_suspended();
                self.screen = Screen::Quiz(quiz);
                Task::none()
            }
        }
    }

    fn update_module(&mut self, message: module::Message) -> Task<Message> {
        let Screen::Module(screen) = &mut self.screen else {
            return Task::none();
        };
        let Some(module) = self.catalog.module(&screen.module) else {
            return Task::none();
        };
        let progress = self.learner.and_then(|id| self.progress.get(&id));
        match screen.update(message, module, progress) {
            module::Action::None => Task::none(),
            module::Action::OpenLesson(index) => {
                let id = module.id.clone();
                self.open_lesson(&id, index, lesson::Return::Module)
            }
            module::Action::StartQuiz(mode) => {
                let id = module.id.clone();
                self.start_quiz(&id, mode);
                // A new exam replaces the one left unfinished.
                if mode == Mode::Exam {
                    self.drop_unfinished(&id)
                } else {
                    Task::none()
                }
            }
            module::Action::ResumeExam => {
                let id = module.id.clone();
                let saved = self.unfinished.iter().find(|u| u.module == id).cloned();
                match saved.and_then(|u| Some((u.resume(module)?, u))) {
                    Some((run, saved)) => {
                        let mut quiz = quiz_screen::QuizScreen::new(run, saved.started);
                        quiz.session = saved.session;
                        self.drop_suspended();
                        self.screen = Screen::Quiz(quiz);
                        Task::none()
                    }
                    // Its questions are gone from the module: it cannot go on.
                    None => self.drop_unfinished(&id),
                }
            }
            module::Action::OpenAttempt(attempt) => {
                self.screen = Screen::Result(result::ResultScreen::new(attempt));
                Task::none()
            }
            module::Action::Back => self.go_home(),
        }
    }

    /// Opens a lesson and remembers it as the place to continue from.
    fn open_lesson(
        &mut self,
        module_id: &str,
        index: usize,
        back: lesson::Return,
    ) -> Task<Message> {
        let Some(module) = self.catalog.module(module_id) else {
            return Task::none();
        };
        let reader = lesson::LessonReader::new(module, index, back);
        let lesson_id = module.lessons[reader.index].id.clone();
        self.screen = Screen::Lesson(reader);
        self.change_progress(|progress, now| {
            progress
                .last_lesson
                .insert(module_id.to_owned(), lesson_id.clone());
            progress.updated = now;
        })
    }

    fn change_progress(
        &mut self,
        change: impl FnOnce(&mut Progress, DateTime<Utc>),
    ) -> Task<Message> {
        let Some(learner) = self.learner else {
            return Task::none();
        };
        let progress = self
            .progress
            .entry(learner)
            .or_insert_with(|| Progress::new(learner));
        change(progress, Utc::now());
        let store = self.store.clone();
        let snapshot = progress.clone();
        Task::perform(
            async move { store.save_progress(&snapshot) },
            Message::ProgressSaved,
        )
    }

    fn update_lesson(&mut self, message: lesson::Message) -> Task<Message> {
        let Screen::Lesson(screen) = &mut self.screen else {
            return Task::none();
        };
        let Some(module) = self.catalog.module(&screen.module) else {
            return Task::none();
        };
        let module_id = module.id.clone();
        let lesson_id = module.lessons[screen.index].id.clone();
        let action = screen.update(message, module);
        // A lesson counts as read once its end was reached, not when it is paged past.
        let read = screen.reached_end();
        match action {
            lesson::Action::None => Task::none(),
            lesson::Action::Scroll(step) => widget::scroll_page(step),
            lesson::Action::Go(index) => {
                let back = self.lesson_return();
                let mark = if read {
                    self.mark_read(&module_id, &lesson_id)
                } else {
                    Task::none()
                };
                Task::batch([mark, self.open_lesson(&module_id, index, back)])
            }
            lesson::Action::Finish => {
                self.drop_suspended();
                let mark = if read {
                    self.mark_read(&module_id, &lesson_id)
                } else {
                    Task::none()
                };
                self.screen = Screen::Module(module::ModulePage::new(module_id));
                mark
            }
            lesson::Action::Back => {
                self.drop_suspended();
                self.screen = Screen::Module(module::ModulePage::new(module_id));
                Task::none()
            }
            lesson::Action::Return => {
                if let Some(quiz) = self.suspended_quiz.take() {
                    self.screen = Screen::Quiz(quiz);
                } else if let Some((review, answer)) = self.suspended_review.take() {
                    self.screen = Screen::Result(review);
                    self.pending_reveal = Some(result::answer_id(answer));
                }
                Task::none()
            }
        }
    }

    /// Where a lesson opened now leads back to: the quiz or review it was opened from.
    fn lesson_return(&self) -> lesson::Return {
        if self.suspended_quiz.is_some() {
            lesson::Return::Quiz
        } else if self.suspended_review.is_some() {
            lesson::Return::Review
        } else {
            lesson::Return::Module
        }
    }

    /// Forgets the quiz or review a lesson would return to (the learner went elsewhere).
    fn drop_suspended(&mut self) {
        self.suspended_quiz = None;
        self.suspended_review = None;
    }

    fn mark_read(&mut self, module: &str, lesson: &str) -> Task<Message> {
        self.change_progress(|progress, now| progress.mark_read(module, lesson, now))
    }

    /// Starts a quiz with a fresh seed. The seed is recorded in the attempt, so the exact quiz can
    /// be reconstructed.
    fn start_quiz(&mut self, module_id: &str, mode: Mode) {
        let seed = u64::from_le_bytes(
            Uuid::new_v4().as_bytes()[..8]
                .try_into()
                .unwrap_or_default(),
        );
        self.start_quiz_with_seed(module_id, mode, seed);
    }

    /// Starts a quiz from a given seed (tests use this for a known question order).
    pub fn start_quiz_with_seed(&mut self, module_id: &str, mode: Mode, seed: u64) {
        let Some(module) = self.catalog.module(module_id) else {
            return;
        };
        let drawn = quiz::draw(module, module.quiz_size, seed, None);
        let run = QuizRun::new(module, mode, seed, drawn);
        self.drop_suspended();
        self.screen = Screen::Quiz(quiz_screen::QuizScreen::new(run, Utc::now()));
    }

    fn update_quiz(&mut self, message: quiz_screen::Message) -> Task<Message> {
        let Screen::Quiz(screen) = &mut self.screen else {
            return Task::none();
        };
        let Some(module) = self.catalog.module(&screen.run.module) else {
            return Task::none();
        };
        let before = (screen.run.position(), screen.run.phase());
        let answered = screen.run.answered();
        match screen.update(message, module) {
            quiz_screen::Action::None => {
                let after = (screen.run.position(), screen.run.phase());
                let keep = if screen.run.answered() > answered {
                    self.keep_unfinished()
                } else {
                    Task::none()
                };
                let Screen::Quiz(screen) = &self.screen else {
                    return keep;
                };
                let scroll =
                    if after.1 == quiz::Phase::Feedback && before.1 != quiz::Phase::Feedback {
                        // The verdict first: at 200% the panel is taller than the window, and
                        // scrolling to its end would put "Lanjut" in view and the verdict above it.
                        widget::reveal_top(quiz_screen::FEEDBACK)
                    } else if after.0 != before.0 {
                        iced::widget::operation::snap_to(
                            quiz_screen::SCROLL,
                            iced::widget::operation::RelativeOffset::START,
                        )
                    } else if screen.leaving.is_some() {
                        widget::reveal_top(quiz_screen::LEAVE)
                    } else {
                        Task::none()
                    };
                Task::batch([keep, scroll])
            }
            quiz_screen::Action::Finished => {
                let Some(learner) = self
                    .learner
                    .and_then(|id| self.learners.iter().find(|l| l.id == id))
                else {
                    return Task::none();
                };
                let mut attempt =
                    Attempt::from_run(&screen.run, module, learner, screen.started, Utc::now());
                attempt.session = screen.session.clone();
                let id = attempt.id;
                let module_id = attempt.module.clone();
                self.attempts.push(attempt.clone());
                self.screen = Screen::Result(result::ResultScreen::new(id));
                let store = self.store.clone();
                let learner = attempt.learner;
                let keeps = attempt.mode == Mode::Exam;
                self.unfinished.retain(|u| u.module != module_id);
                Task::perform(
                    async move {
                        let recorded = store.record_attempt(&attempt).map(Box::new);
                        // Only once the attempt is on disk is the unfinished copy let go.
                        if keeps
                            && recorded.is_ok()
                            && let Err(error) =
                                crate::records::unfinished::remove(&store, learner, &module_id)
                        {
                            log::warn!("{error}");
                        }
                        recorded
                    },
                    Message::AttemptRecorded,
                )
            }
            quiz_screen::Action::OpenLesson(lesson_id) => {
                let module_id = module.id.clone();
                let Some(index) = module.lesson_index(&lesson_id) else {
                    return Task::none();
                };
                let Screen::Quiz(quiz) =
                    std::mem::replace(&mut self.screen, Screen::Home(home::Home))
                else {
                    return Task::none();
                };
                self.suspended_quiz = Some(quiz);
                self.open_lesson(&module_id, index, lesson::Return::Quiz)
            }
            quiz_screen::Action::Leave(to) => {
                let module_id = module.id.clone();
                // Off the quiz first, so the header's own way out does not ask again.
                self.screen = Screen::Module(module::ModulePage::new(module_id));
                match to {
                    quiz_screen::Leave::Quit => Task::none(),
                    quiz_screen::Leave::Home => self.go_home(),
                    quiz_screen::Leave::Settings => self.update(Message::SettingsPressed),
                    quiz_screen::Leave::SwitchProfile => self.update(Message::SwitchProfilePressed),
                }
            }
        }
    }

    fn update_result(&mut self, message: result::Message) -> Task<Message> {
        let Screen::Result(screen) = &mut self.screen else {
            return Task::none();
        };
        let Some(attempt) = self.attempts.iter().find(|a| a.id == screen.attempt) else {
            return Task::none();
        };
        let module_id = attempt.module.clone();
        match screen.update(message, attempt) {
            result::Action::OpenLesson(answer, lesson_id) => {
                let index = self
                    .catalog
                    .module(&module_id)
                    .and_then(|m| m.lesson_index(&lesson_id))
                    .unwrap_or(0);
                self.suspended_review = Some((screen.clone(), answer));
                self.open_lesson(&module_id, index, lesson::Return::Review)
            }
            result::Action::Retry(mode) => {
                self.start_quiz(&module_id, mode);
                Task::none()
            }
            result::Action::Back => {
                self.screen = Screen::Module(module::ModulePage::new(module_id));
                Task::none()
            }
        }
    }

    fn update_settings(&mut self, message: settings_screen::Message) -> Task<Message> {
        let Screen::Settings(screen) = &mut self.screen else {
            return Task::none();
        };
        match screen.update(message, &self.settings) {
            settings_screen::Action::Changed(settings) => {
                let rescaled = settings.text_scale != self.settings.text_scale;
                self.settings = settings;
                self.theme = theme::iced_theme(self.settings.theme);
                if rescaled {
                    Task::batch([self.save_settings(), self.keep_window_on_screen()])
                } else {
                    self.save_settings()
                }
            }
            settings_screen::Action::Back => self.go_home(),
            settings_screen::Action::None => Task::none(),
            settings_screen::Action::Packs(request) => {
                settings_screen::run_pack_request(request, self.store.packs_dir())
                    .map(Message::PacksChanged)
            }
            settings_screen::Action::Dialog(task) => task.map(Message::Settings),
            settings_screen::Action::OpenHr => self.open_pin_gate(AdminArea::Hr),
            settings_screen::Action::OpenTrainer => self.open_pin_gate(AdminArea::Trainer),
            settings_screen::Action::ExportRecords(kind, dir) => {
                let store = self.store.clone();
                let lang = self.lang();
                let modules: Vec<String> =
                    self.catalog.modules.iter().map(|m| m.id.clone()).collect();
                Task::perform(
                    async move {
                        crate::records::transfer::export_lines(&store, dir, kind, &modules, lang)
                    },
                    Message::RecordsDone,
                )
            }
            settings_screen::Action::OpenDataFolder => {
                if let Err(error) = crate::platform::open_folder(self.store.root()) {
                    log::warn!("cannot open the data folder: {error}");
                    self.notices.push(i18n::tr_args(
                        self.lang(),
                        "error-open-folder",
                        &[("path", &self.store.root().display().to_string())],
                    ));
                }
                Task::none()
            }
        }
    }

    /// The HR and trainer areas are behind the admin PIN: set it on first entry, ask for it
    /// after.
    fn open_pin_gate(&mut self, area: AdminArea) -> Task<Message> {
        self.drop_suspended();
        self.admin_area = area;
        let mode = match crate::hr::pin::load(self.store.root()) {
            Ok(Some(_)) => pin_screen::Mode::Enter,
            Ok(None) => pin_screen::Mode::Set,
            // An unreadable PIN file must not open the door; the gate says why.
            Err(error) => {
                let mut gate = pin_screen::PinGate::new(pin_screen::Mode::Enter);
                gate.failed(error.message(self.lang()));
                self.screen = Screen::Pin(gate);
                return Task::none();
            }
        };
        self.screen = Screen::Pin(pin_screen::PinGate::new(mode));
        iced::widget::operation::focus(pin_screen::PIN_FIELD)
    }

    fn update_pin(&mut self, message: pin_screen::Message) -> Task<Message> {
        let Screen::Pin(gate) = &mut self.screen else {
            return Task::none();
        };
        let dir = self.store.root().to_path_buf();
        match gate.update(message) {
            pin_screen::Action::None => Task::none(),
            pin_screen::Action::Cancel => self.go_home(),
            pin_screen::Action::Set { pin, again } => Task::perform(
                async move { crate::hr::pin::set(&dir, &pin, &again) },
                Message::PinChecked,
            ),
            pin_screen::Action::Check(pin) => Task::perform(
                async move { crate::hr::pin::unlock(&dir, &pin, Utc::now()) },
                Message::PinChecked,
            ),
        }
    }

    fn pin_checked(&mut self, result: Result<(), crate::hr::pin::PinError>) -> Task<Message> {
        let lang = self.lang();
        match (result, &mut self.screen) {
            (Ok(()), Screen::Pin(_)) => match self.admin_area {
                AdminArea::Hr => {
                    let (desk, load) = hr_screen::Desk::open(&self.hr_env());
                    self.screen = Screen::Hr(Box::new(desk));
                    load.map(Message::Hr)
                }
                AdminArea::Trainer => {
                    let (desk, load) = trainer_screen::Desk::open(&self.trainer_env());
                    self.screen = Screen::Trainer(Box::new(desk));
                    load.map(Message::Trainer)
                }
            },
            (Err(error), Screen::Pin(gate)) => {
                gate.failed(error.message(lang));
                iced::widget::operation::focus(pin_screen::PIN_FIELD)
            }
            _ => Task::none(),
        }
    }

    fn hr_env(&self) -> hr_screen::Env<'_> {
        hr_screen::Env {
            store: &self.store,
            lang: self.lang(),
            modules: self.catalog.modules.iter().map(|m| m.id.clone()).collect(),
            catalog: &self.catalog,
        }
    }

    fn update_hr(&mut self, message: hr_screen::Message) -> Task<Message> {
        let env = hr_screen::Env {
            store: &self.store,
            lang: self.settings.language.unwrap_or(self.system_lang),
            modules: self.catalog.modules.iter().map(|m| m.id.clone()).collect(),
            catalog: &self.catalog,
        };
        let Screen::Hr(desk) = &mut self.screen else {
            return Task::none();
        };
        match desk.update(message, &env) {
            hr_screen::Action::None => Task::none(),
            hr_screen::Action::Run(task) => task.map(Message::Hr),
            hr_screen::Action::Leave => self.go_home(),
        }
    }

    fn trainer_env(&self) -> trainer_screen::Env<'_> {
        trainer_screen::Env {
            store: &self.store,
            lang: self.lang(),
            catalog: &self.catalog,
            learners: &self.learners,
            attempts: &self.attempts,
        }
    }

    fn update_trainer(&mut self, message: trainer_screen::Message) -> Task<Message> {
        let env = trainer_screen::Env {
            store: &self.store,
            lang: self.settings.language.unwrap_or(self.system_lang),
            catalog: &self.catalog,
            learners: &self.learners,
            attempts: &self.attempts,
        };
        let Screen::Trainer(desk) = &mut self.screen else {
            return Task::none();
        };
        match desk.update(message, &env) {
            trainer_screen::Action::None => Task::none(),
            trainer_screen::Action::Run(task) => task.map(Message::Trainer),
            trainer_screen::Action::Leave => self.go_home(),
            trainer_screen::Action::Record {
                learner,
                attempt,
                also,
            } => {
                let store = self.store.clone();
                let mut save_settings = Task::none();
                if let Some(learner) = &learner {
                    self.learners.push((**learner).clone());
                    self.learners
                        .sort_by_key(|learner| learner.name.to_lowercase());
                    // A participant's profile made in the hot seat is not one of this laptop's
                    // own: it stays off the profile list (its records are kept as any other).
                    self.settings.hidden_learners.push(learner.id);
                    save_settings = self.save_settings();
                }
                self.attempts.push((*attempt).clone());
                // The profile first, so the attempt never names a person this PC has no
                // record of.
                let record = Task::perform(
                    async move {
                        if let Some(learner) = learner {
                            store.save_learner(&learner)?;
                        }
                        store.record_attempt(&attempt).map(Box::new)
                    },
                    Message::AttemptRecorded,
                );
                Task::batch([record, save_settings, also.map(Message::Trainer)])
            }
            trainer_screen::Action::Reloaded(loaded) => {
                self.learners = loaded.learners;
                self.attempts = loaded.attempts;
                Task::none()
            }
            trainer_screen::Action::Present(presenter) => {
                self.project(|desk| Screen::Presenter(presenter, desk))
            }
            trainer_screen::Action::RoomQuiz(quiz) => {
                self.project(|desk| Screen::RoomQuiz(quiz, desk))
            }
        }
    }

    /// Puts a projector screen up, full screen, with the trainer's area kept behind it.
    fn project(
        &mut self,
        screen: impl FnOnce(Box<trainer_screen::Desk>) -> Screen,
    ) -> Task<Message> {
        let Screen::Trainer(desk) = std::mem::replace(&mut self.screen, Screen::Home(home::Home))
        else {
            return Task::none();
        };
        self.screen = screen(desk);
        crate::screen::trainer::presenter::enter_fullscreen()
    }

    /// Back from the projector to the trainer's area, as it was.
    fn leave_projector(&mut self) -> Task<Message> {
        let desk = match std::mem::replace(&mut self.screen, Screen::Home(home::Home)) {
            Screen::Presenter(_, desk) | Screen::RoomQuiz(_, desk) => desk,
            other => {
                self.screen = other;
                return Task::none();
            }
        };
        self.screen = Screen::Trainer(desk);
        crate::screen::trainer::presenter::leave_fullscreen()
    }

    fn update_presenter(
        &mut self,
        message: crate::screen::trainer::presenter::Message,
    ) -> Task<Message> {
        let Screen::Presenter(presenter, _) = &mut self.screen else {
            return Task::none();
        };
        match presenter.update(message) {
            crate::screen::trainer::presenter::Action::None => Task::none(),
            crate::screen::trainer::presenter::Action::Leave => self.leave_projector(),
        }
    }

    fn update_room_quiz(
        &mut self,
        message: crate::screen::trainer::room_quiz::Message,
    ) -> Task<Message> {
        let Screen::RoomQuiz(quiz, _) = &mut self.screen else {
            return Task::none();
        };
        match quiz.update(message) {
            crate::screen::trainer::room_quiz::Action::None => Task::none(),
            crate::screen::trainer::room_quiz::Action::Leave => self.leave_projector(),
        }
    }

    /// Keys the focused widget did not use: Tab moves the focus, Escape goes back, and each
    /// screen maps its own shortcuts.
    fn key_pressed(&mut self, key: &Key, modifiers: keyboard::Modifiers) -> Task<Message> {
        use keyboard::key::Named;
        if *key == Key::Named(Named::Tab) {
            let focus = if modifiers.shift() {
                iced::widget::operation::focus_previous()
            } else {
                iced::widget::operation::focus_next()
            };
            return focus.chain(widget::reveal_focused());
        }
        let escape = *key == Key::Named(Named::Escape);
        let message = match &self.screen {
            Screen::Quiz(screen) => screen.key(key).map(Message::Quiz),
            Screen::Lesson(screen) => screen.key(key, modifiers).map(Message::Lesson),
            Screen::Module(_) if escape => Some(Message::Module(module::Message::BackPressed)),
            Screen::Result(_) if escape => Some(Message::Result(result::Message::BackPressed)),
            Screen::Join(_) if escape => Some(Message::Join(join::Message::BackPressed)),
            Screen::Settings(_) if escape => {
                Some(Message::Settings(settings_screen::Message::BackPressed))
            }
            Screen::Pin(_) if escape => Some(Message::Pin(pin_screen::Message::CancelPressed)),
            Screen::Trainer(desk) => desk.key(key).map(Message::Trainer),
            Screen::Presenter(presenter, _) => {
                presenter.key(key, modifiers).map(Message::Presenter)
            }
            Screen::RoomQuiz(quiz, _) => quiz.key(key, modifiers).map(Message::RoomQuiz),
            _ => None,
        };
        match message {
            Some(message) => self.update(message),
            None => Task::none(),
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let ctx = self.ctx();
        // The projector screens are the whole window: no header, no notices.
        match &self.screen {
            Screen::Presenter(presenter, _) => return presenter.view(&ctx).map(Message::Presenter),
            Screen::RoomQuiz(quiz, _) => return quiz.view(&ctx).map(Message::RoomQuiz),
            _ => {}
        }
        let body: Element<'_, Message> = match &self.screen {
            Screen::Profile(screen) => screen
                .view(
                    &ctx,
                    &profile::Env::now(&self.learners, &self.settings.hidden_learners),
                )
                .map(Message::Profile),
            Screen::Home(screen) => screen.view(&ctx, &self.summaries()).map(Message::Home),
            Screen::Module(screen) => match self.catalog.module(&screen.module) {
                Some(module) => screen
                    .view(
                        &ctx,
                        module,
                        self.learner_progress(),
                        &self.module_attempts(module),
                        self.unfinished
                            .iter()
                            .find(|u| u.module == module.id)
                            .map(|u| (u.answered(), u.drawn.len())),
                    )
                    .map(Message::Module),
                None => widget::body(ctx.t("error-module-missing")),
            },
            Screen::Lesson(screen) => match self.catalog.module(&screen.module) {
                Some(module) => screen.view(&ctx, module).map(Message::Lesson),
                None => widget::body(ctx.t("error-module-missing")),
            },
            Screen::Quiz(screen) => match self.catalog.module(&screen.run.module) {
                Some(module) => screen.view(&ctx, module).map(Message::Quiz),
                None => widget::body(ctx.t("error-module-missing")),
            },
            Screen::Result(screen) => {
                let attempt = self.attempts.iter().find(|a| a.id == screen.attempt);
                match attempt.and_then(|a| Some((a, self.catalog.module(&a.module)?))) {
                    Some((attempt, module)) => {
                        screen.view(&ctx, module, attempt).map(Message::Result)
                    }
                    None => widget::body(ctx.t("error-module-missing")),
                }
            }
            Screen::Settings(screen) => screen
                .view(
                    &ctx,
                    &self.settings,
                    self.store.root().display().to_string(),
                )
                .map(Message::Settings),
            Screen::Pin(gate) => gate.view(&ctx).map(Message::Pin),
            Screen::Join(screen) => screen.view(&ctx).map(Message::Join),
            Screen::Hr(desk) => desk.view(&ctx).map(Message::Hr),
            Screen::Trainer(desk) => desk.view(&ctx, &self.trainer_env()).map(Message::Trainer),
            Screen::Presenter(..) | Screen::RoomQuiz(..) => space::horizontal().into(),
        };
        let mut page = column![self.view_header(&ctx)];
        if !self.notices.is_empty() {
            page = page.push(self.view_notices(&ctx));
        }
        container(
            page.push(
                container(body)
                    .width(Length::Fill)
                    .height(Length::Fill)
                    .center_x(Length::Fill),
            ),
        )
        .width(Length::Fill)
        .height(Length::Fill)
        .style(theme::containers::page(ctx.colors))
        .into()
    }

    fn module_attempts<'a>(&'a self, module: &Module) -> Vec<&'a Attempt> {
        self.learner_attempts()
            .into_iter()
            .filter(|a| a.module == module.id)
            .collect()
    }

    fn view_header<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        use crate::screen::header::{Header, Who};
        let admin = matches!(
            self.screen,
            Screen::Hr(_) | Screen::Pin(_) | Screen::Trainer(_)
        );
        let area = match (&self.screen, self.admin_area) {
            (Screen::Trainer(_), _) | (Screen::Pin(_), AdminArea::Trainer) => "trainer-area",
            _ => "hr-area",
        };
        let who = match ctx.learner {
            _ if admin => Who::Area(ctx.t(area)),
            Some(learner) => Who::Learner {
                name: learner.name.clone(),
                unit: learner.unit.as_str().to_owned(),
            },
            None => Who::Nobody,
        };
        let mut actions = Vec::new();
        // A participant taking a hot-seat test on the trainer's laptop gets no way out of it
        // but the test's own (which asks nothing of the trainer's area).
        let in_test = matches!(&self.screen, Screen::Trainer(desk) if desk.in_test());
        if self.learner.is_some() && !in_test {
            actions.push((ctx.t("nav-home"), Message::HomePressed));
        }
        if !matches!(self.screen, Screen::Profile(_)) && !admin {
            actions.push((ctx.t("nav-switch-profile"), Message::SwitchProfilePressed));
        }
        if !in_test {
            actions.push((ctx.t("nav-settings"), Message::SettingsPressed));
        }
        Header {
            app_name: ctx.t("app-name"),
            who,
            actions,
            colors: ctx.colors,
        }
        .view()
    }

    fn view_notices<'a>(&'a self, ctx: &Ctx<'a>) -> Element<'a, Message> {
        let items = self
            .notices
            .iter()
            .map(|notice| widget::body(notice.as_str()));
        container(
            row![
                column(items).spacing(4).width(Length::Fill),
                widget::secondary(ctx, ctx.t("common-dismiss"), Some(Message::NoticeDismissed)),
            ]
            .spacing(12)
            .align_y(Alignment::Center),
        )
        .padding([10, 24])
        .width(Length::Fill)
        .style(theme::containers::verdict(ctx.colors, false))
        .into()
    }
}

/// Imports bundles and says, per file, what was added or why it was refused.
pub fn import_lines(
    store: &Store,
    path: &std::path::Path,
    lang: Lang,
) -> Result<Vec<String>, Vec<String>> {
    let results = crate::records::transfer::import_path(store, path, Utc::now());
    if results.is_empty() {
        return Err(vec![i18n::tr_args(
            lang,
            "records-none-found",
            &[("path", &path.display().to_string())],
        )]);
    }
    // Records held for approval, conflicts and proposals need HR's attention as much as a
    // refusal does: the screen shows them as such.
    let refused = results.iter().any(|(_, result)| {
        !result
            .as_ref()
            .is_ok_and(crate::records::bundle::ImportReport::is_clean)
    });
    let lines = results
        .iter()
        .map(|(file, result)| crate::records::transfer::import_message(file, result, lang))
        .collect();
    if refused { Err(lines) } else { Ok(lines) }
}

/// What the user is told about a file that could not be loaded.
pub fn problem_notice(problem: &Problem, lang: Lang) -> String {
    let file = problem.file.display().to_string();
    match &problem.kind {
        ProblemKind::Quarantined { to, .. } => i18n::tr_args(
            lang,
            "notice-quarantined",
            &[("file", &file), ("to", &to.display().to_string())],
        ),
        ProblemKind::Newer { version } => i18n::tr_args(
            lang,
            "notice-newer",
            &[("file", &file), ("version", &version.to_string())],
        ),
        ProblemKind::Stuck { reason } | ProblemKind::Damaged { reason } => {
            i18n::tr_args(lang, "notice-stuck", &[("file", &file), ("detail", reason)])
        }
        ProblemKind::InQuarantine => {
            i18n::tr_args(lang, "notice-in-quarantine", &[("file", &file)])
        }
    }
}
