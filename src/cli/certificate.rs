//! `latih-asn certificate …`: certificates, their offline check, HR's certificate settings and
//! the JP report, for HR's PC and scripts. The same logic as the HR screens (`crate::hr`).
//!
//! Exit codes as in `records`: 0 done and all good; 1 the command ran and found a problem (a
//! certificate that does not stand, nobody to certify, a pass whose module is not loaded);
//! 2 the command could not run (bad arguments, no HR authority, incomplete settings, a failed
//! write).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use chrono::{Datelike, Utc};
use clap::Subcommand;

use crate::content::{self, Catalog};
use crate::hr::certificate::{self, BatchOutput, Issuer};
use crate::hr::jp::{JpFormat, jp_rows, write_jp};
use crate::hr::{HrError, HrSettings};
use crate::i18n;
use crate::lang::Lang;
use crate::records::export::Records;
use crate::records::{Learner, Loaded, Store, Verification, people, verify_loaded};

#[derive(Subcommand, Debug)]
pub enum CertificateCommand {
    /// Make certificates (A4 PDF, signed QR code) for valid passes: one learner's (--nip and
    /// --module, --out FILE.pdf), or a whole unit's (--unit, --out FOLDER for a file each, or
    /// --out FILE.pdf for one file with a page each; --module to limit it to one module).
    Make {
        #[arg(long)]
        nip: Option<String>,
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        module: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a certificate, by its verification code (XXXXX-XXXXX) against the records here, or
    /// by its PDF file (the signed payload inside, then the records). Exit 0 when it stands.
    Check { what: String },
    /// The issuing agency, the signer and the yearly JP target.
    Settings {
        #[command(subcommand)]
        command: SettingsCommand,
    },
    /// JP per employee for a year (valid passes only), for a staff system: --out FILE.csv or
    /// FILE.xlsx.
    Jp {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum SettingsCommand {
    /// Show the settings.
    Show,
    /// Change the settings; what is not given stays as it was.
    Set {
        /// The issuing agency, e.g. "Pemerintah Kabupaten Mesuji".
        #[arg(long)]
        instansi: Option<String>,
        #[arg(long)]
        signer_name: Option<String>,
        #[arg(long)]
        signer_title: Option<String>,
        /// The signer's NIP ("" to remove it).
        #[arg(long)]
        signer_nip: Option<String>,
        /// Penyelenggara, when not the agency itself ("" for the agency).
        #[arg(long)]
        organiser: Option<String>,
        #[arg(long)]
        jp_target: Option<u32>,
    },
}

fn say(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    i18n::tr_args(lang, key, args)
}

fn fail(error: &HrError, lang: Lang) -> ExitCode {
    eprintln!("{}", error.message(lang));
    ExitCode::from(2)
}

pub fn run(
    command: CertificateCommand,
    data_dir: &Path,
    lang_flag: Option<Lang>,
    system: Lang,
) -> ExitCode {
    let store = match Store::open(data_dir) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("{}", error.message(lang_flag.unwrap_or(system)));
            return ExitCode::from(2);
        }
    };
    let lang = lang_flag
        .or_else(|| crate::cli::records::settings_language(data_dir))
        .unwrap_or(system);
    match command {
        CertificateCommand::Make {
            nip,
            unit,
            module,
            out,
        } => make(&store, nip, unit, module, &out, lang),
        CertificateCommand::Check { what } => check(&store, &what, lang),
        CertificateCommand::Settings { command } => settings(&store, command, lang),
        CertificateCommand::Jp { year, out } => jp(&store, year, &out, lang),
    }
}

/// The records as reports see them: loaded read-only, verified, people resolved.
struct Read {
    loaded: Loaded,
    verification: Verification,
    people: Vec<Learner>,
}

impl Read {
    fn new(store: &Store) -> Read {
        let loaded = store.read();
        let verification = verify_loaded(&loaded);
        let people = people(&loaded, &verification);
        Read {
            loaded,
            verification,
            people,
        }
    }

    fn records(&self) -> Records<'_> {
        Records {
            learners: &self.people,
            attempts: &self.loaded.attempts,
            verification: &self.verification,
        }
    }
}

fn catalog(store: &Store, lang: Lang) -> Result<Catalog, ExitCode> {
    match content::load_with_packs(&store.packs_dir()) {
        Ok((catalog, refused)) => {
            for pack in refused {
                eprintln!("{}", pack.notice(lang));
            }
            Ok(catalog)
        }
        Err(errors) => {
            for error in errors {
                eprintln!("{}", error.message(lang));
            }
            Err(ExitCode::from(2))
        }
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn make(
    store: &Store,
    nip: Option<String>,
    unit: Option<String>,
    module: Option<String>,
    out: &Path,
    lang: Lang,
) -> ExitCode {
    let settings = match HrSettings::load(store.root()) {
        Ok(settings) if settings.is_complete() => settings,
        Ok(_) => return fail(&HrError::SettingsIncomplete, lang),
        Err(error) => return fail(&error, lang),
    };
    let authority = match certificate::authority(store) {
        Ok(authority) => authority,
        Err(error) => return fail(&error, lang),
    };
    let catalog = match catalog(store, lang) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    let read = Read::new(store);
    let issuer = Issuer::new(read.records(), &catalog, &authority);
    match (nip, unit) {
        (Some(nip), None) => {
            let Some(module) = module else {
                eprintln!("{}", say(lang, "cli-cert-need-module", &[]));
                return ExitCode::from(2);
            };
            let digits: String = nip.chars().filter(char::is_ascii_digit).collect();
            let Some(person) = read
                .people
                .iter()
                .find(|l| l.nip.as_ref().is_some_and(|n| n.as_str() == digits))
            else {
                return found_nothing(&HrError::NoLearner { what: nip }, lang);
            };
            match issuer.for_learner(person.id, &module, &person.unit) {
                Ok(made) => {
                    if let Err(error) = certificate::write_one(&made, &settings, lang, out) {
                        return fail(&error, lang);
                    }
                    println!(
                        "{}",
                        say(
                            lang,
                            "cli-cert-made",
                            &[
                                ("path", &out.display().to_string()),
                                ("name", &made.name),
                                ("number", &made.number),
                                ("code", &made.code),
                            ],
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(error @ HrError::NoModule { .. }) => fail(&error, lang),
                Err(error) => found_nothing(&error, lang),
            }
        }
        (None, Some(unit)) => {
            let members: Vec<(uuid::Uuid, String)> = read
                .people
                .iter()
                .filter(|l| same(&l.unit, &unit))
                .map(|l| (l.id, l.unit.clone()))
                .collect();
            if members.is_empty() {
                return found_nothing(&HrError::NoLearner { what: unit }, lang);
            }
            let mut issued = issuer.for_people(&members);
            if let Some(module) = &module {
                issued.certificates.retain(|c| &c.module == module);
            }
            for problem in &issued.problems {
                eprintln!("{}", problem.message(lang));
            }
            if issued.certificates.is_empty() {
                eprintln!("{}", say(lang, "cli-cert-none", &[("unit", &unit)]));
                return ExitCode::from(1);
            }
            let output = if out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                BatchOutput::OnePdf(out.to_path_buf())
            } else {
                BatchOutput::Folder(out.to_path_buf())
            };
            let cancel = AtomicBool::new(false);
            let written = certificate::write_batch(
                &issued.certificates,
                &settings,
                lang,
                &output,
                &mut |_| {},
                &cancel,
            );
            match written {
                Ok(report) => {
                    let mut args = fluent::FluentArgs::new();
                    args.set("count", report.certificates);
                    args.set("path", out.display().to_string());
                    println!("{}", i18n::tr_fluent(lang, "cli-cert-batch", &args));
                    if issued.problems.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    }
                }
                Err(error) => fail(&error, lang),
            }
        }
        _ => {
            eprintln!("{}", say(lang, "cli-cert-need-who", &[]));
            ExitCode::from(2)
        }
    }
}

fn found_nothing(error: &HrError, lang: Lang) -> ExitCode {
    eprintln!("{}", error.message(lang));
    ExitCode::from(1)
}

fn check(store: &Store, what: &str, lang: Lang) -> ExitCode {
    let authority = match store.authority() {
        Ok(Some(authority)) => authority.key,
        Ok(None) => return fail(&HrError::NoAuthority, lang),
        Err(error) => return fail(&HrError::Store(error), lang),
    };
    let read = Read::new(store);
    match certificate::verdict(what, &read.records(), &authority, lang) {
        Ok(verdict) => {
            for line in &verdict.lines {
                println!("{line}");
            }
            if verdict.stands {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(certificate::VerdictError::NotACode(line)) => {
            eprintln!("{line}");
            ExitCode::from(2)
        }
        Err(certificate::VerdictError::Unreadable(error)) => found_nothing(&error, lang),
    }
}

fn settings(store: &Store, command: SettingsCommand, lang: Lang) -> ExitCode {
    let current = match HrSettings::load(store.root()) {
        Ok(settings) => settings,
        Err(error) => return fail(&error, lang),
    };
    match command {
        SettingsCommand::Show => {
            print_settings(&current, lang);
            if current.is_complete() {
                ExitCode::SUCCESS
            } else {
                println!("{}", HrError::SettingsIncomplete.message(lang));
                ExitCode::from(1)
            }
        }
        SettingsCommand::Set {
            instansi,
            signer_name,
            signer_title,
            signer_nip,
            organiser,
            jp_target,
        } => {
            let mut next = current;
            if let Some(value) = instansi {
                next.instansi = value;
            }
            if let Some(value) = signer_name {
                next.signer_name = value;
            }
            if let Some(value) = signer_title {
                next.signer_title = value;
            }
            if let Some(value) = signer_nip {
                next.signer_nip = Some(value);
            }
            if let Some(value) = organiser {
                next.organiser = Some(value);
            }
            if let Some(value) = jp_target {
                next.jp_target = value;
            }
            let saved = next
                .validated(Utc::now().date_naive())
                .and_then(|valid| valid.save(store.root()).map(|()| valid));
            match saved {
                Ok(valid) => {
                    print_settings(&valid, lang);
                    ExitCode::SUCCESS
                }
                Err(error) => fail(&error, lang),
            }
        }
    }
}

fn print_settings(settings: &HrSettings, lang: Lang) {
    let none = "-";
    let rows = [
        ("cli-cert-setting-instansi", settings.instansi.as_str()),
        ("cli-cert-setting-signer-name", &settings.signer_name),
        ("cli-cert-setting-signer-title", &settings.signer_title),
        (
            "cli-cert-setting-signer-nip",
            settings.signer_nip.as_deref().unwrap_or(none),
        ),
        ("cli-cert-setting-organiser", settings.organiser()),
    ];
    for (key, value) in rows {
        println!(
            "{}\t{}",
            i18n::tr(lang, key),
            if value.is_empty() { none } else { value }
        );
    }
    println!(
        "{}\t{}",
        i18n::tr(lang, "cli-cert-setting-jp-target"),
        settings.jp_target
    );
}

fn jp(store: &Store, year: i32, out: &Path, lang: Lang) -> ExitCode {
    let Some(format) = JpFormat::from_path(out) else {
        eprintln!("{}", say(lang, "cli-cert-jp-format", &[]));
        return ExitCode::from(2);
    };
    if !(2000..=Utc::now().year() + 1).contains(&year) {
        eprintln!(
            "{}",
            say(lang, "cli-cert-jp-year", &[("year", &year.to_string())])
        );
        return ExitCode::from(2);
    }
    let settings = match HrSettings::load(store.root()) {
        Ok(settings) => settings,
        Err(error) => return fail(&error, lang),
    };
    let catalog = match catalog(store, lang) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    let read = Read::new(store);
    let rows = jp_rows(&read.records(), &catalog, &settings, year, lang);
    if let Err(error) = write_jp(out, &rows, format, lang) {
        return fail(&error, lang);
    }
    let total: u32 = rows.iter().map(|row| row.jp).sum();
    let mut args = fluent::FluentArgs::new();
    args.set("rows", rows.len());
    args.set("jp", total);
    args.set("year", year.to_string());
    args.set("path", out.display().to_string());
    println!("{}", i18n::tr_fluent(lang, "cli-cert-jp-written", &args));
    ExitCode::SUCCESS
}
