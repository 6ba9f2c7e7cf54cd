//! Sending the records to an xAPI Learning Record Store, when a network is there.
//!
//! The statements are the xAPI export's ([`crate::records::export::XapiStatements`]): only
//! records that verify, voids as voiding statements, and each statement's id is its record's
//! id. A push sends them in batches (`POST {endpoint}/statements`, a JSON array, basic auth,
//! `X-Experience-API-Version: 1.0.3`) and keeps, per endpoint, the ids the LRS acknowledged,
//! saved after each acknowledged batch. So:
//!
//! - **it resumes where it stopped**: a push stopped by the user, the network or a crash sends
//!   only what was not acknowledged;
//! - **it never sends a statement twice**: what was acknowledged is never sent again to that
//!   endpoint; and should the record of it be lost, sending again is still safe, because an
//!   LRS keeps one statement per id;
//! - **trouble is retried**: timeouts, network errors, 5xx and 429 (after its `Retry-After`),
//!   with waits that double each time, up to a limit; then the push stops and says why;
//! - **refusals are found and named**: a batch the LRS refuses (400, 409, 413, 422) is split in
//!   halves until each refused statement stands alone, and reported with the status and the
//!   LRS's own message; the rest of the batch is sent;
//! - **it never says "done" when it is not**: [`PushReport::is_complete`] only when every
//!   statement was acknowledged.
//!
//! Settings (endpoint, user, key) live in `<data>/lrs/config.ron`, readable by its owner only.
//! The GUI calls [`push`] on a worker thread, shows [`PushProgress`], and may stop it through
//! the `cancel` flag:
//!
//! ```no_run
//! # use std::sync::{Arc, atomic::AtomicBool};
//! # use latih_asn::{lang::Lang, lrs::{self, LrsConfig, PushOptions}, records::Store};
//! # fn demo(store: Store, lang: Lang) -> Result<(), lrs::PushError> {
//! // Settings: check the fields, then save them.
//! let config = LrsConfig::new("https://lrs.example.go.id/xAPI", "bkd", "key")?;
//! config.save(store.root())?;
//! // Later, on a worker thread:
//! let config = LrsConfig::load(store.root())?.ok_or(lrs::PushError::NoConfig)?;
//! let cancel = Arc::new(AtomicBool::new(false)); // set it from the Stop button
//! let report = lrs::push(&config, &store, &PushOptions::default(), &cancel, |progress| {
//!     println!("{} / {}", progress.sent, progress.to_send);
//! })?;
//! println!("{}", report.summary(lang));
//! for refusal in &report.refused {
//!     println!("{}", refusal.message(lang));
//! }
//! if let Some(reason) = &report.stopped_by {
//!     println!("{}", reason.message(lang));
//! }
//! # Ok(()) }
//! ```

mod config;
mod http;
mod send;
mod sent;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;
use crate::records::export::XapiStatements;
use crate::records::{Store, people, verify_loaded};

pub use config::{ConfigError, LrsConfig, config_path};
pub use send::{PushOptions, PushProgress, PushReport, Refusal, Retrying, StopReason, Trouble};
pub use sent::{StateNote, acknowledged_count, sent_path};

/// Why a push could not start. Nothing was sent and nothing on disk changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PushError {
    /// No LRS is set up (Settings, or `records push --endpoint … --user … --save`).
    #[error("no LRS is set up")]
    NoConfig,
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// `config.ron` cannot be read or is damaged; it is left as it is.
    #[error("cannot read {path}: {detail}")]
    ConfigUnreadable { path: PathBuf, detail: String },
    /// The configuration could not be saved or removed.
    #[error("cannot save {path}: {detail}")]
    Save { path: PathBuf, detail: String },
    /// The record of what was sent cannot be read or written.
    #[error("cannot use {path}: {detail}")]
    State { path: PathBuf, detail: String },
    /// The record of what was sent is from a newer version of the app: left untouched.
    #[error("{path} is from a newer version ({version})")]
    StateNewer { path: PathBuf, version: u32 },
    /// Another push from this data folder is running.
    #[error("another push is running")]
    Busy,
}

impl PushError {
    /// What the user sees, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PushError::NoConfig => i18n::tr(lang, "lrs-error-no-config"),
            PushError::Config(error) => error.message(lang),
            PushError::ConfigUnreadable { path, detail } => i18n::tr_args(
                lang,
                "lrs-error-config-unreadable",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
            PushError::Save { path, detail } => i18n::tr_args(
                lang,
                "lrs-error-save",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
            PushError::State { path, detail } => i18n::tr_args(
                lang,
                "lrs-error-state",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
            PushError::StateNewer { path, version } => i18n::tr_args(
                lang,
                "lrs-error-state-newer",
                &[
                    ("path", &path.display().to_string()),
                    ("version", &version.to_string()),
                ],
            ),
            PushError::Busy => i18n::tr(lang, "lrs-error-busy"),
        }
    }
}

/// Sends every valid record of `store` to the LRS of `config` that it has not acknowledged
/// before, and reports. Blocking: run it on a worker thread. `progress` hears after each
/// answer and before each wait; setting `cancel` stops the push between requests and during
/// waits (a request under way finishes or times out first).
///
/// `Err` only when the push could not start (a bad configuration, an unusable record of what
/// was sent, another push running). Otherwise the report says what happened, including a
/// stop: see [`PushReport::is_complete`].
pub fn push(
    config: &LrsConfig,
    store: &Store,
    options: &PushOptions,
    cancel: &AtomicBool,
    mut progress: impl FnMut(PushProgress),
) -> Result<PushReport, PushError> {
    // The fields are public: check what the caller built as `LrsConfig::new` would.
    let config = LrsConfig::new(&config.endpoint, &config.user, &config.key)?;
    let data_dir = store.root();
    let lock_path = data_dir.join(config::LRS_DIR).join("push.lock");
    std::fs::create_dir_all(data_dir.join(config::LRS_DIR)).map_err(|error| PushError::State {
        path: lock_path.clone(),
        detail: error.to_string(),
    })?;
    let mut lock = crate::records::lock_file(&lock_path).map_err(|error| PushError::State {
        path: lock_path.clone(),
        detail: error.to_string(),
    })?;
    let _running = lock.try_write().map_err(|_| PushError::Busy)?;

    let (mut sent, state_note) = sent::SentLog::open(data_dir, &config.endpoint)?;
    let loaded = store.read();
    let verification = verify_loaded(&loaded);
    let learners = people(&loaded, &verification);
    let mut transport = http::Http::new(&config, options);
    let mut report = send::send_all(
        || XapiStatements::new(&learners, &loaded.attempts, &verification),
        &mut sent,
        &mut transport,
        options,
        cancel,
        &mut progress,
    );
    report.state_note = state_note;
    log::info!(
        "LRS push to {}: {} sent, {} already, {} refused, {} remaining, stopped by {:?}",
        config.endpoint,
        report.sent,
        report.already_sent,
        report.refused.len(),
        report.remaining,
        report.stopped_by
    );
    Ok(report)
}

/// One line saying how far a push is (or why it waits), for the command line and Settings.
pub fn progress_line(p: &PushProgress, lang: Lang) -> String {
    match &p.retrying {
        Some(retry) => i18n::tr_args(
            lang,
            "lrs-cli-retrying",
            &[
                ("trouble", &retry.trouble.message(lang)),
                ("seconds", &format!("{:.1}", retry.wait.as_secs_f64())),
                ("attempt", &retry.attempt.to_string()),
                ("max", &retry.max_retries.to_string()),
            ],
        ),
        None => i18n::tr_args(
            lang,
            "lrs-cli-progress",
            &[
                ("sent", &p.sent.to_string()),
                ("refused", &p.refused.to_string()),
                ("total", &p.to_send.to_string()),
                ("already", &p.already_sent.to_string()),
            ],
        ),
    }
}

/// What a push did, line by line, and whether every valid record is now in the LRS.
pub fn report_lines(report: &PushReport, lang: Lang) -> (bool, Vec<String>) {
    let mut lines = Vec::new();
    if let Some(note) = &report.state_note {
        lines.push(note.message(lang));
    }
    lines.push(report.summary(lang));
    lines.extend(
        report
            .refused
            .iter()
            .map(|r| format!("  {}", r.message(lang))),
    );
    if let Some(reason) = &report.stopped_by {
        lines.push(i18n::tr_args(
            lang,
            "lrs-cli-stopped",
            &[("reason", &reason.message(lang))],
        ));
    }
    let complete = report.is_complete();
    lines.push(i18n::tr(
        lang,
        if complete {
            "lrs-cli-complete"
        } else {
            "lrs-cli-incomplete"
        },
    ));
    (complete, lines)
}
