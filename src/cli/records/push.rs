//! `latih-asn records push`: send the records to an xAPI LRS, and show or forget the saved LRS.

use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::i18n;
use crate::lang::Lang;
use crate::lrs::{self, LrsConfig, PushError, PushOptions, PushProgress, PushReport};
use crate::records::Store;

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PushArgs {
    #[command(subcommand)]
    command: Option<PushCommand>,
    /// The LRS's xAPI endpoint, e.g. https://lrs.example.go.id/xAPI (statements go to
    /// ENDPOINT/statements).
    #[arg(long)]
    endpoint: Option<String>,
    /// The user the LRS gave HR (basic auth).
    #[arg(long)]
    user: Option<String>,
    /// The LRS key (password). Prefer the environment variable, which stays out of the list of
    /// running processes.
    #[arg(long, env = "LATIH_ASN_LRS_KEY", hide_env_values = true)]
    key: Option<String>,
    /// Save endpoint, user and key (once checked) for later pushes and for the app.
    #[arg(long)]
    save: bool,
    /// Statements per request.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..=1000))]
    batch: u16,
    /// Tries again after a timeout, a network error or a busy LRS, before stopping.
    #[arg(long, default_value_t = 5)]
    retries: u32,
    /// Seconds to wait for the LRS to answer a request.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    timeout: u64,
    /// The first wait before trying again, in milliseconds (it doubles each time); for tests.
    #[arg(long, default_value_t = 1000, hide = true)]
    backoff_ms: u64,
}

#[derive(Subcommand, Debug)]
enum PushCommand {
    /// Show the saved LRS: its address and user (never the key).
    ShowConfig,
    /// Forget the saved LRS and its key. What was sent is remembered: a push to the same LRS
    /// later sends only what is new.
    ClearConfig,
}

fn say(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    i18n::tr_args(lang, key, args)
}

pub fn run(store: &Store, args: PushArgs, lang: Lang) -> ExitCode {
    match args.command {
        Some(PushCommand::ShowConfig) => return show(store, lang),
        Some(PushCommand::ClearConfig) => return clear(store, lang),
        None => {}
    }
    let config = match resolve(store, &args) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    };
    if config.sends_key_in_clear() {
        eprintln!("{}", say(lang, "lrs-cli-key-in-clear", &[]));
    }
    if args.save {
        if let Err(error) = config.save(store.root()) {
            eprintln!("{}", error.message(lang));
            return ExitCode::from(2);
        }
        println!(
            "{}",
            say(
                lang,
                "lrs-cli-saved",
                &[(
                    "path",
                    &lrs::config_path(store.root()).display().to_string()
                )]
            )
        );
    }
    let options = PushOptions {
        batch_size: usize::from(args.batch),
        max_retries: args.retries,
        backoff_base: Duration::from_millis(args.backoff_ms),
        read_timeout: Duration::from_secs(args.timeout),
        ..PushOptions::default()
    };
    println!(
        "{}",
        say(
            lang,
            "lrs-cli-pushing",
            &[("endpoint", &config.endpoint), ("user", &config.user)]
        )
    );
    // Ctrl+C ends the process; what was acknowledged is already saved batch by batch.
    let cancel = AtomicBool::new(false);
    let result = lrs::push(&config, store, &options, &cancel, |p| progress(&p, lang));
    match result {
        Ok(report) => print_report(&report, lang),
        Err(error) => {
            eprintln!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
}

/// The saved LRS with the command line's overrides, checked.
fn resolve(store: &Store, args: &PushArgs) -> Result<LrsConfig, PushError> {
    let saved = LrsConfig::load(store.root())?;
    let endpoint = args
        .endpoint
        .clone()
        .or_else(|| saved.as_ref().map(|c| c.endpoint.clone()));
    let Some(endpoint) = endpoint else {
        return Err(PushError::NoConfig);
    };
    let user = args
        .user
        .clone()
        .or_else(|| saved.as_ref().map(|c| c.user.clone()))
        .unwrap_or_default();
    let key = args
        .key
        .clone()
        .or_else(|| saved.as_ref().map(|c| c.key.clone()))
        .unwrap_or_default();
    Ok(LrsConfig::new(&endpoint, &user, &key)?)
}

fn progress(p: &PushProgress, lang: Lang) {
    eprintln!("{}", lrs::progress_line(p, lang));
}

/// The report on stdout; exit 0 only when every statement is in the LRS.
fn print_report(report: &PushReport, lang: Lang) -> ExitCode {
    let (complete, lines) = lrs::report_lines(report, lang);
    for line in lines {
        println!("{line}");
    }
    if complete {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn show(store: &Store, lang: Lang) -> ExitCode {
    match LrsConfig::load(store.root()) {
        Ok(Some(config)) => {
            let key = if config.key.is_empty() {
                "lrs-cli-key-empty"
            } else {
                "lrs-cli-key-set"
            };
            let acknowledged = lrs::acknowledged_count(store.root(), &config.endpoint);
            println!(
                "{}",
                say(
                    lang,
                    "lrs-cli-config",
                    &[
                        ("endpoint", &config.endpoint),
                        ("user", &config.user),
                        ("key", &i18n::tr(lang, key)),
                        ("acknowledged", &acknowledged.to_string()),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            println!("{}", PushError::NoConfig.message(lang));
            ExitCode::from(1)
        }
        Err(error) => {
            eprintln!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
}

fn clear(store: &Store, lang: Lang) -> ExitCode {
    match LrsConfig::clear(store.root()) {
        Ok(true) => {
            println!("{}", say(lang, "lrs-cli-cleared", &[]));
            ExitCode::SUCCESS
        }
        Ok(false) => {
            println!("{}", PushError::NoConfig.message(lang));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
}
