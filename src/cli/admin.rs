//! `latih-asn admin …`: what only someone at this PC's command line may do, such as removing a
//! forgotten admin PIN. The reset is written to the journal first, so it is never silent.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use clap::Subcommand;

use crate::hr::pin;
use crate::i18n;
use crate::lang::Lang;
use crate::records::Store;
use crate::records::journal::{self, AdminEvent, JournalEntry};

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Remove a forgotten admin PIN; the next entry to the HR area sets a new one. The reset is
    /// written to the import journal with your name and the system account.
    ResetPin {
        /// Who is resetting the PIN (written to the journal).
        #[arg(long)]
        by: String,
    },
}

pub fn run(command: AdminCommand, data_dir: &Path, lang: Lang) -> ExitCode {
    match command {
        AdminCommand::ResetPin { by } => reset_pin(data_dir, &by, lang),
    }
}

fn reset_pin(data_dir: &Path, by: &str, lang: Lang) -> ExitCode {
    if by.trim().is_empty() {
        eprintln!("{}", i18n::tr(lang, "cli-correction-needs-reason"));
        return ExitCode::from(2);
    }
    match pin::load(data_dir) {
        Ok(Some(_)) => {}
        Ok(None) => {
            println!("{}", i18n::tr(lang, "pin-reset-none"));
            return ExitCode::SUCCESS;
        }
        // A damaged PIN file is exactly what a reset is for.
        Err(error) => log::warn!("resetting an unreadable PIN file: {error}"),
    }
    let store = match Store::open(data_dir) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    };
    let account = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    let event = AdminEvent::PinReset {
        by: by.trim().to_owned(),
        account,
    };
    if let Err(error) = journal::append(&store, &JournalEntry::admin(event, Utc::now())) {
        eprintln!("{}", error.message(lang));
        return ExitCode::from(2);
    }
    if let Err(error) = std::fs::remove_file(pin::path(data_dir)) {
        eprintln!(
            "{}",
            i18n::tr_args(lang, "pin-error-save", &[("detail", &error.to_string())])
        );
        return ExitCode::from(2);
    }
    println!("{}", i18n::tr(lang, "pin-reset-done"));
    ExitCode::SUCCESS
}
