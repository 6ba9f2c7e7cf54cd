//! `latih-asn roster …`: the employee roster (daftar pegawai) from the command line, with the
//! same preview-then-apply flow as the HR screen.
//!
//! Exit codes, as `records`: 0 all good; 1 the command ran and found a problem (a refused file,
//! bad rows, even when the good rows were applied); 2 it could not run (unreadable or newer
//! roster file, a file that cannot be read, a failed write, a bad argument).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, Utc};
use clap::Subcommand;

use crate::hr::roster::{self, Employee, Preview, Roster, RosterError};
use crate::i18n;
use crate::lang::Lang;

#[derive(Subcommand, Debug)]
pub enum RosterCommand {
    /// Read HR's employee list (CSV or .xlsx) and show what would change: who is added,
    /// changed, removed, and every bad row with its line. The file is the whole list: people
    /// absent from it are removed. Changes nothing without --yes.
    Import {
        file: PathBuf,
        /// Apply the changes shown (the good rows; bad rows are listed and skipped).
        #[arg(long)]
        yes: bool,
    },
    /// How many employees, in which units, and the imports so far.
    Show,
    /// Write an empty list to fill in, .csv or .xlsx by the extension.
    Template {
        #[arg(long)]
        out: PathBuf,
    },
}

fn say(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    i18n::tr_args(lang, key, args)
}

pub fn run(
    command: RosterCommand,
    data_dir: &Path,
    lang_flag: Option<Lang>,
    system: Lang,
) -> ExitCode {
    let lang = lang_flag
        .or_else(|| super::records::settings_language(data_dir))
        .unwrap_or(system);
    match command {
        RosterCommand::Import { file, yes } => import(data_dir, &file, yes, lang),
        RosterCommand::Show => show(data_dir, lang),
        RosterCommand::Template { out } => template(&out, lang),
    }
}

fn fail(error: &RosterError, lang: Lang) -> ExitCode {
    eprintln!("{}", error.message(lang));
    if error.is_refused_input() {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    }
}

fn import(data_dir: &Path, file: &Path, yes: bool, lang: Lang) -> ExitCode {
    // The roster first: a damaged or newer roster stops the import before any work.
    let current = match Roster::load(data_dir) {
        Ok(roster) => roster,
        Err(error) => return fail(&error, lang),
    };
    let parsed = match roster::parse_file(file, Local::now().date_naive()) {
        Ok(parsed) => parsed,
        Err(error) => return fail(&error, lang),
    };
    println!("{}", columns_line(&parsed.columns, lang));
    let preview = roster::preview(&current, &parsed);
    print_preview(&preview, lang);
    let problems = if preview.bad.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if !yes {
        if preview.changes_nothing() {
            println!("{}", say(lang, "roster-cli-nothing-to-change", &[]));
        } else {
            println!(
                "{}",
                say(
                    lang,
                    "roster-cli-not-applied",
                    &[("file", &file.display().to_string())]
                )
            );
        }
        return problems;
    }
    let source = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let updated = roster::apply(&current, &preview, &source, Utc::now());
    if let Err(error) = updated.save(data_dir) {
        return fail(&error, lang);
    }
    println!(
        "{}",
        say(
            lang,
            "roster-cli-applied",
            &[
                ("count", &updated.employees().len().to_string()),
                ("units", &updated.units().len().to_string()),
            ]
        )
    );
    problems
}

fn columns_line(columns: &roster::Columns, lang: Lang) -> String {
    let mut pairs = vec![
        (roster::Column::Nip, &columns.nip),
        (roster::Column::Name, &columns.name),
        (roster::Column::Unit, &columns.unit),
    ];
    if let Some(position) = &columns.position {
        pairs.push((roster::Column::Position, position));
    }
    let list: Vec<String> = pairs
        .into_iter()
        .map(|(column, found)| format!("{} = \"{}\"", column.label(lang), found.header))
        .collect();
    let line = columns.header_line.to_string();
    let list = list.join(", ");
    match &columns.sheet {
        Some(sheet) => say(
            lang,
            "roster-cli-columns-sheet",
            &[("sheet", sheet), ("line", &line), ("columns", &list)],
        ),
        None => say(
            lang,
            "roster-cli-columns",
            &[("line", &line), ("columns", &list)],
        ),
    }
}

/// Who, in one line: "198501012010011001 Siti Aminah (Bagian Umum, Analis SDM)".
fn who(employee: &Employee) -> String {
    match &employee.position {
        Some(position) => format!(
            "{} {} ({}, {position})",
            employee.nip, employee.name, employee.unit
        ),
        None => format!("{} {} ({})", employee.nip, employee.name, employee.unit),
    }
}

fn print_preview(preview: &Preview, lang: Lang) {
    println!(
        "{}",
        say(
            lang,
            "roster-cli-counts",
            &[
                ("add", &preview.add.len().to_string()),
                ("change", &preview.change.len().to_string()),
                ("remove", &preview.remove.len().to_string()),
                ("unchanged", &preview.unchanged.to_string()),
                ("bad", &preview.bad.len().to_string()),
            ]
        )
    );
    for (old, new) in &preview.change {
        println!(
            "{}",
            say(
                lang,
                "roster-cli-change",
                &[("old", &who(old)), ("new", &who(new))]
            )
        );
    }
    for employee in &preview.remove {
        println!(
            "{}",
            say(lang, "roster-cli-remove", &[("who", &who(employee))])
        );
    }
    if !preview.held.is_empty() {
        println!(
            "{}",
            say(
                lang,
                "roster-cli-held",
                &[("count", &preview.held.len().to_string())]
            )
        );
    }
    for row in &preview.bad {
        let line = row.line.to_string();
        let reason = row.reason.message(lang);
        let text = if row.nip_text.is_empty() {
            say(
                lang,
                "roster-cli-bad-row",
                &[("line", &line), ("reason", &reason)],
            )
        } else {
            say(
                lang,
                "roster-cli-bad-row-nip",
                &[("line", &line), ("nip", &row.nip_text), ("reason", &reason)],
            )
        };
        println!("{text}");
    }
}

fn show(data_dir: &Path, lang: Lang) -> ExitCode {
    let roster = match Roster::load(data_dir) {
        Ok(roster) => roster,
        Err(error) => return fail(&error, lang),
    };
    if roster.employees().is_empty() && roster.history().is_empty() {
        println!("{}", say(lang, "roster-cli-empty", &[]));
        return ExitCode::SUCCESS;
    }
    let units = roster.units();
    println!(
        "{}",
        say(
            lang,
            "roster-cli-show-count",
            &[
                ("count", &roster.employees().len().to_string()),
                ("units", &units.len().to_string()),
            ]
        )
    );
    // Employees are sorted by NIP, not unit: count per unit in one pass.
    let mut per_unit: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for employee in roster.employees() {
        *per_unit.entry(employee.unit.as_str()).or_default() += 1;
    }
    for (unit, count) in per_unit {
        println!(
            "{}",
            say(
                lang,
                "roster-cli-show-unit",
                &[("unit", unit), ("count", &count.to_string())]
            )
        );
    }
    println!("{}", say(lang, "roster-cli-show-history", &[]));
    for import in roster.history() {
        println!(
            "{}",
            say(
                lang,
                "roster-cli-show-import",
                &[
                    (
                        "at",
                        &import
                            .at
                            .with_timezone(&Local)
                            .format("%Y-%m-%d %H:%M")
                            .to_string()
                    ),
                    ("source", &import.source),
                    ("add", &import.added.to_string()),
                    ("change", &import.changed.to_string()),
                    ("remove", &import.removed.to_string()),
                    ("bad", &import.bad.to_string()),
                ]
            )
        );
    }
    ExitCode::SUCCESS
}

fn template(out: &Path, lang: Lang) -> ExitCode {
    match roster::write_template(out) {
        Ok(()) => {
            println!(
                "{}",
                say(
                    lang,
                    "roster-cli-template-written",
                    &[("file", &out.display().to_string())]
                )
            );
            ExitCode::SUCCESS
        }
        // A wrong extension is a bad argument here, not a refused file: exit 2 either way.
        Err(error) => {
            eprintln!("{}", error.message(lang));
            ExitCode::from(2)
        }
    }
}
