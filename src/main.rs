//! Start-up: command line, logging, data directory, content, then the window or a subcommand.

// Windows release builds open no console window behind the app.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use latih_asn::app::App;
use latih_asn::content::{self, cli::ContentCommand};
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
        command: RecordsCommand,
    },
}

#[derive(Subcommand, Debug)]
enum RecordsCommand {
    /// Import bundle files (from USB sticks or a shared folder). Importing twice adds nothing.
    Import { paths: Vec<PathBuf> },
    /// Export the records: csv (one row per attempt), csv-summary (learner × module), xapi
    /// (JSON statements), or bundle (for another PC).
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Check every attempt's signature and every device's chain.
    Verify,
    /// Completion by module and by unit (only records that verify count).
    Summary,
    /// Void an attempt (it stops counting), with the reason and who decided. Nothing is deleted.
    Void {
        attempt: uuid::Uuid,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        by: String,
    },
    /// Count a module as completed for a learner (by NIP or profile id) without a test.
    Waive {
        #[arg(long)]
        learner: String,
        #[arg(long)]
        module: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        by: String,
    },
    /// Test helper for fault-injection tests: records signed attempts until killed.
    #[command(hide = true)]
    StressWrite { count: u64 },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ExportFormat {
    Csv,
    CsvSummary,
    Xapi,
    Bundle,
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
            content::cli::run(command, lang, dir.ok().as_deref())
        }
        Some(Command::Records { command }) => match data_dir() {
            Ok(dir) => records_cli::run(command, &dir, flag_lang, system_lang),
            Err(code) => code,
        },
        None => match data_dir() {
            Ok(dir) => run_gui(dir, flag_lang, system_lang),
            Err(code) => code,
        },
    }
}

mod records_cli {
    //! `latih-asn records …`: the same operations as the HR screens, for scripts.

    use std::path::Path;
    use std::process::ExitCode;

    use chrono::Utc;
    use latih_asn::content;
    use latih_asn::i18n;
    use latih_asn::lang::Lang;
    use latih_asn::records::{
        Correction, CorrectionKind, Store, bundle, export, summary, verify_loaded,
    };

    use super::{ExportFormat, RecordsCommand};

    pub fn run(
        command: RecordsCommand,
        data_dir: &Path,
        flag_lang: Option<Lang>,
        system_lang: Lang,
    ) -> ExitCode {
        let store = match Store::open(data_dir) {
            Ok(store) => store,
            Err(error) => {
                eprintln!("{}", error.message(flag_lang.unwrap_or(system_lang)));
                return ExitCode::from(2);
            }
        };
        let lang = flag_lang
            .or(store.load().settings.language)
            .unwrap_or(system_lang);
        match command {
            RecordsCommand::Import { paths } => import(&store, &paths, lang),
            RecordsCommand::Export { format, out } => export_to(&store, format, &out, lang),
            RecordsCommand::Verify => verify_all(&store, lang),
            RecordsCommand::Summary => summarize(&store, lang),
            RecordsCommand::StressWrite { count } => stress_write(&store, count),
            RecordsCommand::Void {
                attempt,
                reason,
                by,
            } => {
                let known = store.load().attempts.iter().any(|a| a.id == attempt);
                if !known {
                    eprintln!(
                        "{}",
                        i18n::tr_args(lang, "cli-not-found", &[("what", &attempt.to_string())])
                    );
                    return ExitCode::from(1);
                }
                correct(&store, CorrectionKind::Void { attempt }, &reason, &by, lang)
            }
            RecordsCommand::Waive {
                learner,
                module,
                reason,
                by,
            } => {
                let loaded = store.load();
                let found = loaded.learners.iter().find(|l| {
                    l.id.to_string() == learner
                        || l.nip.as_ref().is_some_and(|n| n.as_str() == learner)
                });
                match found {
                    Some(l) => correct(
                        &store,
                        CorrectionKind::Waive {
                            learner: l.id,
                            module,
                        },
                        &reason,
                        &by,
                        lang,
                    ),
                    None => {
                        eprintln!(
                            "{}",
                            i18n::tr_args(lang, "cli-not-found", &[("what", &learner)])
                        );
                        ExitCode::from(1)
                    }
                }
            }
        }
    }

    fn import(store: &Store, paths: &[std::path::PathBuf], lang: Lang) -> ExitCode {
        let mut refused = false;
        for path in paths {
            let result = bundle::import(store, path, Utc::now());
            let message = latih_asn::records::transfer::import_message(path, &result, lang);
            if result.is_ok() {
                println!("{message}");
            } else {
                refused = true;
                eprintln!("{message}");
            }
        }
        if refused {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    fn export_to(store: &Store, format: ExportFormat, out: &Path, lang: Lang) -> ExitCode {
        let loaded = store.load();
        let verification = verify_loaded(&loaded);
        let result = match format {
            ExportFormat::Bundle => bundle::build(store, Utc::now())
                .map_err(|e| e.message(lang))
                .and_then(|b| ron::to_string(&b).map_err(|e| e.to_string()))
                .and_then(|text| {
                    latih_asn::records::write_atomic(out, text.as_bytes())
                        .map_err(|e| e.to_string())
                }),
            ExportFormat::Xapi => serde_json::to_vec_pretty(&export::xapi_statements(
                &loaded.learners,
                &loaded.attempts,
                &verification,
            ))
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                latih_asn::records::write_atomic(out, &bytes).map_err(|e| e.to_string())
            }),
            ExportFormat::Csv | ExportFormat::CsvSummary => {
                let mut bytes = Vec::new();
                let written = if matches!(format, ExportFormat::Csv) {
                    export::attempts_csv(
                        &mut bytes,
                        &loaded.learners,
                        &loaded.attempts,
                        &verification,
                        lang,
                    )
                } else {
                    let modules = module_ids();
                    let summary = summary::summarize(
                        &loaded.learners,
                        &loaded.attempts,
                        &verification,
                        &modules,
                    );
                    export::summary_csv(&mut bytes, &loaded.learners, &summary, lang)
                };
                written.map_err(|e| e.to_string()).and_then(|()| {
                    latih_asn::records::write_atomic(out, &bytes).map_err(|e| e.to_string())
                })
            }
        };
        match result {
            Ok(()) => {
                println!(
                    "{}",
                    i18n::tr_args(
                        lang,
                        "cli-export-ok",
                        &[("file", &out.display().to_string())]
                    )
                );
                ExitCode::SUCCESS
            }
            Err(detail) => {
                eprintln!(
                    "{}",
                    i18n::tr_args(lang, "cli-export-failed", &[("detail", &detail)])
                );
                ExitCode::from(2)
            }
        }
    }

    fn module_ids() -> Vec<String> {
        content::load_embedded()
            .map(|catalog| catalog.modules.iter().map(|m| m.id.clone()).collect())
            .unwrap_or_default()
    }

    fn verify_all(store: &Store, lang: Lang) -> ExitCode {
        let loaded = store.load();
        let verification = verify_loaded(&loaded);
        for attempt in &loaded.attempts {
            let status = verification.status_of(&attempt.id);
            if status != latih_asn::records::Status::Valid {
                println!("{}\t{}", attempt.id, status.label(lang));
            }
        }
        for (device, missing) in &verification.missing {
            let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
            println!(
                "{}",
                i18n::tr_args(
                    lang,
                    "cli-verify-missing",
                    &[
                        ("device", &device.to_string()),
                        ("sequences", &list.join(", "))
                    ]
                )
            );
        }
        println!(
            "{}",
            i18n::tr_args(
                lang,
                "cli-verify-total",
                &[
                    ("total", &loaded.attempts.len().to_string()),
                    (
                        "valid",
                        &verification
                            .count(latih_asn::records::Status::Valid)
                            .to_string()
                    ),
                ]
            )
        );
        if verification.is_clean() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    fn summarize(store: &Store, lang: Lang) -> ExitCode {
        let loaded = store.load();
        let verification = verify_loaded(&loaded);
        let modules = module_ids();
        let summary =
            summary::summarize(&loaded.learners, &loaded.attempts, &verification, &modules);
        println!(
            "{}\t{}\t{}",
            i18n::tr(lang, "csv-unit"),
            i18n::tr(lang, "cli-summary-learners"),
            modules.join("\t")
        );
        for unit in &summary.units {
            let passed: Vec<String> = modules
                .iter()
                .map(|m| unit.passed.get(m).copied().unwrap_or(0).to_string())
                .collect();
            println!("{}\t{}\t{}", unit.unit, unit.learners, passed.join("\t"));
        }
        println!(
            "{}",
            i18n::tr_args(
                lang,
                "cli-summary-total",
                &[
                    ("attempts", &summary.attempts.to_string()),
                    ("flagged", &summary.flagged.to_string())
                ]
            )
        );
        ExitCode::SUCCESS
    }

    fn correct(
        store: &Store,
        kind: CorrectionKind,
        reason: &str,
        by: &str,
        lang: Lang,
    ) -> ExitCode {
        if reason.trim().is_empty() || by.trim().is_empty() {
            eprintln!("{}", i18n::tr(lang, "cli-correction-needs-reason"));
            return ExitCode::from(2);
        }
        let result = store
            .identity()
            .map(|identity| Correction::signed(kind, reason, by, Utc::now(), &identity))
            .and_then(|correction| store.save_correction(&correction).map(|()| correction));
        match result {
            Ok(correction) => {
                println!(
                    "{}",
                    i18n::tr_args(
                        lang,
                        "cli-correction-saved",
                        &[("id", &correction.id.to_string())]
                    )
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{}", error.message(lang));
                ExitCode::from(2)
            }
        }
    }

    /// Records signed attempts one after another, printing each id once it is durable.
    fn stress_write(store: &Store, count: u64) -> ExitCode {
        use std::io::Write;
        let Ok(catalog) = content::load_embedded() else {
            return ExitCode::from(2);
        };
        let Some(module) = catalog.module("asn") else {
            return ExitCode::from(2);
        };
        let learner = uuid::Uuid::nil();
        for n in 0..count {
            let drawn = latih_asn::quiz::draw(module, 10, n, None);
            let mut run =
                latih_asn::quiz::QuizRun::new(module, latih_asn::quiz::Mode::Exam, n, drawn);
            while run.phase() != latih_asn::quiz::Phase::Finished {
                run.choose(module, 0);
                run.confirm();
            }
            let attempt = latih_asn::records::Attempt::from_run(
                &run,
                module,
                learner,
                Utc::now(),
                Utc::now(),
            );
            match store.record_attempt(&attempt) {
                Ok(signed) => {
                    println!("{}", signed.id);
                    let _ = std::io::stdout().flush();
                }
                Err(error) => {
                    eprintln!("{error}");
                    return ExitCode::from(2);
                }
            }
        }
        ExitCode::SUCCESS
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
    let mut loaded = store.load();
    if let Some(lang) = flag_lang {
        loaded.settings.language = Some(lang);
    }
    let lang = loaded.settings.language.unwrap_or(system_lang);
    let mut notices = Vec::new();
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
        app.lock()
            .ok()
            .and_then(|mut slot| slot.take())
            .expect("iced boots the application once")
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
