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
use latih_asn::lang::Lang;
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
    let cli = Cli::parse();
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(PathBuf::from));
    let env = std::env::var(records::DATA_DIR_ENV).ok();
    let system_lang = Lang::from_system_locale(sys_locale::get_locale().as_deref());
    let flag_lang = cli.lang.as_deref().and_then(Lang::from_code);

    let data_dir = || {
        records::resolve_data_dir(cli.data_dir.as_deref(), env.as_deref(), exe_dir.as_deref())
            .map_err(|error| {
                eprintln!("{}", error.message(flag_lang.unwrap_or(system_lang)));
                ExitCode::from(2)
            })
    };
    match cli.command {
        Some(Command::Content { command }) => {
            let lang = flag_lang.unwrap_or(system_lang);
            let dir = records::resolve_data_dir(
                cli.data_dir.as_deref(),
                env.as_deref(),
                exe_dir.as_deref(),
            );
            latih_asn::cli::content::run(command, lang, dir.ok().as_deref())
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
        None => match data_dir() {
            Ok(dir) => run_gui(dir, flag_lang, system_lang),
            Err(code) => code,
        },
    }
}

fn run_gui(data_dir: PathBuf, flag_lang: Option<Lang>, system_lang: Lang) -> ExitCode {
    let store = match Store::open(&data_dir) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("{}", error.message(flag_lang.unwrap_or(system_lang)));
            return ExitCode::FAILURE;
        }
    };
    let _logger = start_logging(&data_dir);
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
                eprintln!("{error}");
            }
            return ExitCode::FAILURE;
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
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// The window as it was last closed (or a size that fits a 1366×768 screen), with its icon.
fn window_settings(
    placement: Option<latih_asn::settings::WindowPlacement>,
    scale: f32,
) -> iced::window::Settings {
    // iced scales the window with the text size; sizes are kept at 100%.
    let (size, position) = match placement {
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
    };
    iced::window::Settings {
        size,
        position,
        min_size: Some({
            let (width, height) = latih_asn::settings::min_window(scale);
            iced::Size::new(width, height)
        }),
        icon: iced::window::icon::from_rgba(ICON_RGBA.to_vec(), 64, 64).ok(),
        ..iced::window::Settings::default()
    }
}

/// 64×64 RGBA pixels of `assets/icons/latih-asn.png`, so no image decoder is needed at start.
const ICON_RGBA: &[u8] = include_bytes!("../assets/icons/latih-asn-64.rgba");

/// Logs to a rotating file in the data directory (Windows release builds have no console).
fn start_logging(data_dir: &std::path::Path) -> Option<flexi_logger::LoggerHandle> {
    use flexi_logger::{Cleanup, Criterion, FileSpec, Logger, Naming};
    Logger::try_with_env_or_str("info")
        .ok()?
        .log_to_file(
            FileSpec::default()
                .directory(data_dir.join("logs"))
                .basename("latih-asn"),
        )
        .rotate(
            Criterion::Size(1_000_000),
            Naming::Numbers,
            Cleanup::KeepLogFiles(5),
        )
        .start()
        .ok()
}
