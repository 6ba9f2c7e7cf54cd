//! Start-up: command line, logging, data directory, content, then the window or a subcommand.

// Windows release builds open no console window behind the app.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use latih_asn::app::App;
use latih_asn::cli::content::ContentCommand;
use latih_asn::content;
use latih_asn::fonts;
use latih_asn::i18n;
use latih_asn::lang::Lang;
use latih_asn::platform;
use latih_asn::records::{self, Store};

#[derive(Parser, Debug)]
#[command(
    name = "latih-asn",
    version,
    about = "Pelatihan netralitas ASN dan antikorupsi, luring"
)]
struct Cli {
    /// Folder for learners, attempts and settings (also LATIH_ASN_DATA_DIR).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// Language of messages: id or en (default: the saved setting, else the system locale).
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lesson content and content packs: check, install, sign and manage packs; list what the
    /// questions cover.
    Content {
        #[command(subcommand)]
        command: ContentCommand,
    },
    /// Learning records: import bundles, export CSV/xAPI/bundles, verify, summarise.
    /// Exit codes: 0 all good, 1 problems found (refused bundle, records that do not verify),
    /// 2 the command could not run (bad arguments, unreadable data folder, write error).
    Records {
        #[command(subcommand)]
        command: latih_asn::cli::records::RecordsCommand,
    },
    /// This PC only: reset a forgotten admin PIN (written to the journal).
    Admin {
        #[command(subcommand)]
        command: latih_asn::cli::admin::AdminCommand,
    },
    /// The employee roster (daftar pegawai): import HR's list from CSV or Excel (preview, then
    /// --yes to apply), show it, write an empty template.
    /// Exit codes: 0 all good, 1 problems found (a refused file, bad rows), 2 the command could
    /// not run (unreadable or newer roster file, write error).
    Roster {
        #[command(subcommand)]
        command: latih_asn::cli::roster::RosterCommand,
    },
    /// Certificates (PDF with a signed QR code) for valid passes, their offline check, HR's
    /// certificate settings, and the JP report per employee and year.
    /// Exit codes: 0 all good, 1 a problem found (a certificate that does not stand, nobody to
    /// certify), 2 the command could not run (no HR authority, incomplete settings, write error).
    Certificate {
        #[command(subcommand)]
        command: latih_asn::cli::certificate::CertificateCommand,
    },
}

fn main() -> ExitCode {
    // A command typed in cmd.exe or PowerShell prints there (help, errors and reports alike);
    // a double-click has no arguments and opens no console.
    if std::env::args_os().len() > 1 {
        platform::attach_parent_console();
    }
    let cli = Cli::parse();
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(PathBuf::from));
    let env = std::env::var(records::DATA_DIR_ENV).ok();
    let system_lang = Lang::from_system_locale(sys_locale::get_locale().as_deref());
    let flag_lang = cli.lang.as_deref().and_then(Lang::from_code);

    // Every command moves an earlier build's data folder first, so that nothing is written to
    // the new place before the old records are there.
    let resolve = || {
        records::resolve_data_dir(cli.data_dir.as_deref(), env.as_deref(), exe_dir.as_deref()).map(
            |dir| {
                let (dir, note) = after_move(dir);
                if let Some(note) = note {
                    eprintln!("{note}");
                }
                dir
            },
        )
    };
    let data_dir = || {
        resolve().map_err(|error| {
            eprintln!("{}", error.message(flag_lang.unwrap_or(system_lang)));
            ExitCode::from(2)
        })
    };
    match cli.command {
        Some(Command::Content { command }) => {
            let lang = flag_lang.unwrap_or(system_lang);
            latih_asn::cli::content::run(command, lang, resolve().ok().as_deref())
        }
        Some(Command::Admin { command }) => match data_dir() {
            Ok(dir) => latih_asn::cli::admin::run(command, &dir, flag_lang.unwrap_or(system_lang)),
            Err(code) => code,
        },
        Some(Command::Records { command }) => match data_dir() {
            Ok(dir) => latih_asn::cli::records::run(command, &dir, flag_lang, system_lang),
            Err(code) => code,
        },
        Some(Command::Roster { command }) => match data_dir() {
            Ok(dir) => latih_asn::cli::roster::run(command, &dir, flag_lang, system_lang),
            Err(code) => code,
        },
        Some(Command::Certificate { command }) => match data_dir() {
            Ok(dir) => latih_asn::cli::certificate::run(command, &dir, flag_lang, system_lang),
            Err(code) => code,
        },
        None => match records::resolve_data_dir(
            cli.data_dir.as_deref(),
            env.as_deref(),
            exe_dir.as_deref(),
        ) {
            Ok(dir) => run_gui(dir, flag_lang, system_lang),
            Err(error) => {
                let lang = flag_lang.unwrap_or(system_lang);
                let logger = start_logging(&fallback_log_dir());
                log::error!("no data folder: {error}");
                startup_failed(lang, error.message(lang), logger.as_ref())
            }
        },
    }
}

/// On Windows, the data folder that earlier builds kept in the roaming profile is moved to the
/// local one first (once; `platform::data_move`). While it cannot be, the old folder is used.
/// The second value says what happened, for the log.
fn after_move(dir: PathBuf) -> (PathBuf, Option<String>) {
    use latih_asn::platform::data_move::{Outcome, move_once};
    let Some(old) = records::roaming_data_dir(&dir) else {
        return (dir, None);
    };
    let (old_shown, new_shown) = (old.display().to_string(), dir.display().to_string());
    match move_once(&old, &dir) {
        Ok(Outcome::Nothing) => (dir, None),
        Ok(Outcome::Moved { aside }) => {
            let note = format!(
                "moved the data folder from {old_shown} to {new_shown}; the old one is kept as {}",
                aside.display()
            );
            (dir, Some(note))
        }
        Ok(Outcome::OldKept { error }) => {
            let note = format!(
                "moved the data folder from {old_shown} to {new_shown}, but could not rename the \
                 old one ({error}); tried again at the next start"
            );
            (dir, Some(note))
        }
        Ok(Outcome::BothKept) => {
            let note = format!(
                "both {old_shown} (earlier builds) and {new_shown} hold records; {new_shown} is \
                 used and neither is changed"
            );
            (dir, Some(note))
        }
        Err(error) => {
            let note = format!(
                "cannot move the data folder to {new_shown} yet ({error}); {old_shown} is used \
                 this time, and nothing was changed in it"
            );
            (old, Some(note))
        }
    }
}

/// Where the log goes when the data folder cannot be used: the user's temporary folder.
fn fallback_log_dir() -> PathBuf {
    std::env::temp_dir().join("latih-asn").join("logs")
}

/// The app cannot start: say so where the user sees it (a message box on Windows), with what
/// to do and where the log is.
fn startup_failed(
    lang: Lang,
    problem: String,
    logger: Option<&flexi_logger::LoggerHandle>,
) -> ExitCode {
    let log = logger.and_then(|handle| {
        use flexi_logger::LogfileSelector;
        handle.flush();
        let files = handle
            .existing_log_files(&LogfileSelector::none().with_r_current())
            .ok()?;
        files.into_iter().next()
    });
    let log_line = match log {
        Some(path) => i18n::tr_args(
            lang,
            "startup-error-log",
            &[("path", &path.display().to_string())],
        ),
        None => i18n::tr(lang, "startup-error-no-log"),
    };
    platform::show_startup_error(
        &i18n::tr(lang, "startup-error-title"),
        &format!("{problem}\n\n{log_line}"),
    );
    ExitCode::FAILURE
}

fn run_gui(data_dir: PathBuf, flag_lang: Option<Lang>, system_lang: Lang) -> ExitCode {
    // In parallel with everything below, so the first frame does not wait for the fonts.
    fonts::warm_up();
    let (data_dir, moved) = after_move(data_dir);
    let store = match Store::open(&data_dir) {
        Ok(store) => store,
        Err(error) => {
            let lang = flag_lang.unwrap_or(system_lang);
            let logger = start_logging(&fallback_log_dir());
            log::error!("cannot open the data folder: {error}");
            let problem = i18n::tr_args(
                lang,
                "startup-error-data-folder",
                &[
                    ("problem", &error.message(lang)),
                    ("folder", &data_dir.display().to_string()),
                ],
            );
            return startup_failed(lang, problem, logger.as_ref());
        }
    };
    let logger = start_logging(&data_dir.join("logs"));
    if let Some(note) = moved {
        log::warn!("{note}");
    }
    let (mut loaded, identity_problem) = store.start();
    if let Some(lang) = flag_lang {
        loaded.settings.language = Some(lang);
    }
    let lang = loaded.settings.language.unwrap_or(system_lang);
    let mut notices = Vec::new();
    if let Some(error) = identity_problem {
        notices.push(error.message(lang));
    }
    if let Err(error) = store.probe_writable() {
        notices.push(error.message(lang));
    }
    let catalog = match content::load_with_packs(&store.packs_dir()) {
        Ok((catalog, refused)) => {
            for pack in refused {
                log::warn!("content pack {} refused: {:?}", pack.name, pack.errors);
                notices.push(pack.notice(lang));
            }
            catalog
        }
        Err(errors) => {
            // The embedded content is checked by the test suite; this only guards a broken build.
            for error in &errors {
                log::error!("{error}");
            }
            let problem = i18n::tr(lang, "startup-error-content");
            return startup_failed(lang, problem, logger.as_ref());
        }
    };
    // iced asks for a boot function; the app was built (and its files read) before the window
    // opens, so boot hands over that one instance.
    let placement = loaded.settings.window;
    let scale = f32::from(loaded.settings.text_scale) / 100.0;
    let app = std::sync::Mutex::new(Some(App::new(store, loaded, catalog, system_lang, notices)));
    let boot = move || {
        let app = app
            .lock()
            .ok()
            .and_then(|mut slot| slot.take())
            .expect("iced boots the application once");
        // Runs once the window is open (e.g. the first profile form's name field takes focus).
        let start = app.start();
        (app, start)
    };
    let mut application = iced::application(boot, App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .scale_factor(App::scale_factor)
        .default_font(fonts::DEFAULT)
        .exit_on_close_request(false)
        .window(window_settings(placement, scale));
    for font in fonts::all() {
        application = application.font(font);
    }
    match application.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            log::error!("{error}");
            let problem = i18n::tr_args(
                lang,
                "startup-error-window",
                &[("problem", &error.to_string())],
            );
            startup_failed(lang, problem, logger.as_ref())
        }
    }
}

/// The window as it was last closed, or the preferred size, fitted to the work area of the
/// monitor it opens on (Windows: `platform::window_fit`), with its icon.
fn window_settings(
    placement: Option<latih_asn::settings::WindowPlacement>,
    scale: f32,
) -> iced::window::Settings {
    // iced scales the window with the text size; sizes are kept at 100%.
    let (size, position, maximized) =
        match latih_asn::platform::window_fit::fit(placement, &platform::work_areas()) {
            Some(fit) => (
                iced::Size::new(fit.size.width / scale, fit.size.height / scale),
                iced::window::Position::Specific(iced::Point::new(fit.position.0, fit.position.1)),
                fit.maximized,
            ),
            // No monitor list (Linux, macOS): the window manager keeps windows on screen.
            None => {
                let (size, position) = placement_or_default(placement, scale);
                (size, position, false)
            }
        };
    iced::window::Settings {
        size,
        position,
        maximized,
        min_size: Some({
            let (width, height) = latih_asn::settings::min_window(scale);
            iced::Size::new(width, height)
        }),
        icon: iced::window::icon::from_rgba(ICON_RGBA.to_vec(), 64, 64).ok(),
        ..iced::window::Settings::default()
    }
}

/// The remembered window, or a size that fits a 1366×768 screen, where the window manager
/// places it.
fn placement_or_default(
    placement: Option<latih_asn::settings::WindowPlacement>,
    scale: f32,
) -> (iced::Size, iced::window::Position) {
    match placement {
        Some(p) => (
            iced::Size::new(p.width / scale, p.height / scale),
            match (p.x, p.y) {
                (Some(x), Some(y)) => iced::window::Position::Specific(iced::Point::new(x, y)),
                _ => iced::window::Position::Centered,
            },
        ),
        // Centring is computed on the unscaled size, which puts a scaled window off-centre.
        None if scale > 1.0 => (
            iced::Size::new(1200.0 / scale, 720.0 / scale),
            iced::window::Position::Default,
        ),
        None => (
            iced::Size::new(1200.0, 720.0),
            iced::window::Position::Centered,
        ),
    }
}

/// 64×64 RGBA pixels of `assets/icons/latih-asn.png`, so no image decoder is needed at start.
const ICON_RGBA: &[u8] = include_bytes!("../assets/icons/latih-asn-64.rgba");

/// Logs to rotating files in `dir`, `<data>/logs` (Windows release builds have no console).
fn start_logging(dir: &std::path::Path) -> Option<flexi_logger::LoggerHandle> {
    use flexi_logger::{Cleanup, Criterion, FileSpec, Logger, Naming};
    Logger::try_with_env_or_str("info")
        .ok()?
        .log_to_file(FileSpec::default().directory(dir).basename("latih-asn"))
        .rotate(
            Criterion::Size(1_000_000),
            Naming::Numbers,
            Cleanup::KeepLogFiles(5),
        )
        .start()
        .ok()
}
