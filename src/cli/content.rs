//! `latih-asn content …`: check, install and manage content packs from a terminal, with the
//! same functions the Settings screen uses, so the two can never disagree.
//!
//! Exit codes: 0 done, 1 refused (invalid pack, needs confirmation, busy), 2 could not run (no
//! data folder, a write failed, bad arguments).

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use crate::content::check::{self, is_app_content};
use crate::content::coverage;
use crate::content::files::DirFiles;
use crate::content::install::{self, PackError, trust_line};
use crate::content::pack::{PublisherKey, fingerprint};
use crate::content::packs::{self, InstalledPack};
use crate::content::{limits, load};
use crate::i18n;
use crate::lang::Lang;
use crate::records::Store;

/// The packs folder's name in the data folder, as `Store::packs_dir` has it (a test keeps the
/// two equal): `content check` reads it without opening the store, which would create folders.
const PACKS: &str = "packs";

#[derive(Subcommand, Debug)]
pub enum ContentCommand {
    /// Check a content pack exactly as an install would (or the app's own source tree) and
    /// print every error with its file and line. Exit code 0 when valid, 1 when not.
    Check { path: PathBuf },
    /// Each cited article and how many questions test it; each objective and its questions.
    Coverage,
    /// Check a content pack and install it into the data folder. A pack that is not signed by
    /// a trusted publisher installs only with --yes (the admin's confirmation).
    Install {
        path: PathBuf,
        /// Confirm the install of a pack not signed by a trusted publisher.
        #[arg(long)]
        yes: bool,
    },
    /// The installed packs: id, name, version, when checked, on or off, who signed.
    List,
    /// Remove an installed pack (by its id).
    Remove { id: String },
    /// Switch an installed pack off: it stays installed but is not loaded.
    Disable { id: String },
    /// Switch a disabled pack back on.
    Enable { id: String },
    /// Make a publisher key: the secret key is written to --out (keep it safe; it is never
    /// needed on the training PCs), the public key is printed for admins to trust.
    Keygen {
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a pack and sign it with a publisher key: writes pack.sig into the pack folder.
    Sign {
        path: PathBuf,
        #[arg(long)]
        key: PathBuf,
    },
    /// Trust a publisher's public key (64 hex digits) on this installation: packs it signed
    /// install without confirmation.
    TrustPublisher {
        key: String,
        #[arg(long)]
        name: String,
    },
    /// Test helper for kill tests: installs a pack (confirmed), pausing after each file.
    #[command(hide = true)]
    InstallSlow {
        path: PathBuf,
        #[arg(long, default_value_t = 50)]
        pause_ms: u64,
    },
}

/// Runs a content command. `data_dir` is the resolved data folder, if there is one.
pub fn run(command: ContentCommand, lang: Lang, data_dir: Option<&Path>) -> ExitCode {
    let packs_dir = || -> Result<PathBuf, ExitCode> {
        let Some(dir) = data_dir else {
            eprintln!("{}", i18n::tr(lang, "error-no-data-dir"));
            return Err(ExitCode::from(2));
        };
        Store::open(dir)
            .map(|store| store.packs_dir())
            .map_err(|error| {
                eprintln!("{}", error.message(lang));
                ExitCode::from(2)
            })
    };
    match command {
        ContentCommand::Check { path } => {
            // Read only: a data folder that does not exist is not created for a check.
            let packs = data_dir.map(|dir| dir.join(PACKS));
            check(&path, packs.as_deref().filter(|p| p.is_dir()), lang)
        }
        ContentCommand::Coverage => match load::load_embedded() {
            Ok(catalog) => {
                print!("{}", coverage::render(&coverage::coverage(&catalog, lang)));
                ExitCode::SUCCESS
            }
            Err(errors) => {
                for error in &errors {
                    eprintln!("{error}");
                }
                ExitCode::FAILURE
            }
        },
        ContentCommand::Install { path, yes } => match packs_dir() {
            Ok(packs) => finish_install(install::install_pack(&path, &packs, yes), lang),
            Err(code) => code,
        },
        ContentCommand::InstallSlow { path, pause_ms } => match packs_dir() {
            Ok(packs) => {
                let mut progress = |file: &str| {
                    println!("{file}");
                    let _ = std::io::stdout().flush();
                    std::thread::sleep(std::time::Duration::from_millis(pause_ms));
                };
                finish_install(
                    install::install_pack_with(&path, &packs, true, &mut progress),
                    lang,
                )
            }
            Err(code) => code,
        },
        ContentCommand::List => match packs_dir() {
            Ok(packs) => list(&packs::installed_packs(&packs), lang),
            Err(code) => code,
        },
        ContentCommand::Remove { id } => manage(packs_dir(), lang, &id, "cli-pack-removed", |p| {
            packs::remove_pack(p, &id)
        }),
        ContentCommand::Disable { id } => {
            manage(packs_dir(), lang, &id, "cli-pack-disabled", |p| {
                packs::set_enabled(p, &id, false)
            })
        }
        ContentCommand::Enable { id } => manage(packs_dir(), lang, &id, "cli-pack-enabled", |p| {
            packs::set_enabled(p, &id, true)
        }),
        ContentCommand::TrustPublisher { key, name } => {
            manage(packs_dir(), lang, &name, "cli-pack-trusted", |p| {
                packs::trust_publisher(p, &name, &key)
            })
        }
        ContentCommand::Keygen { out } => keygen(&out, lang),
        ContentCommand::Sign { path, key } => sign(&path, &key, lang),
    }
}

fn print_errors(errors: &[crate::content::ContentError], lang: Lang) {
    for error in errors {
        eprintln!("{}", error.message(lang));
    }
    eprintln!(
        "{}",
        i18n::tr_count(
            lang,
            "cli-content-errors",
            "count",
            i64::try_from(errors.len()).unwrap_or(0)
        )
    );
}

fn check(path: &Path, packs_dir: Option<&Path>, lang: Lang) -> ExitCode {
    let ok = |modules: usize, questions: usize| {
        i18n::tr_args(
            lang,
            "cli-content-ok",
            &[
                ("modules", &modules.to_string()),
                ("questions", &questions.to_string()),
            ],
        )
    };
    let files = DirFiles::new(path);
    if is_app_content(&files) {
        // The app's own source tree brings its own instruments and every embedded module: it
        // is checked as the app's content (an install refuses it as a pack).
        return match load::load(&files, &BTreeMap::new()) {
            Ok(catalog) => {
                let questions = catalog.modules.iter().map(|m| m.questions.len()).sum();
                println!("{}", ok(catalog.modules.len(), questions));
                println!("{}", i18n::tr(lang, "cli-content-app"));
                for warning in &catalog.warnings {
                    println!("{}", warning.message(lang));
                }
                ExitCode::SUCCESS
            }
            Err(errors) => {
                print_errors(&errors, lang);
                ExitCode::FAILURE
            }
        };
    }
    match install::check_for_install(path, packs_dir) {
        Ok(pack) => {
            println!("{}", ok(pack.catalog.modules.len(), pack.question_count()));
            println!(
                "{}",
                i18n::tr_args(
                    lang,
                    "cli-pack-identity",
                    &[
                        ("pack", &pack.info.id),
                        ("name", &pack.info.name),
                        ("version", pack.info.version.as_deref().unwrap_or("-")),
                        ("hash", &pack.hash),
                    ],
                )
            );
            println!("{}", trust_line(&pack.trust, lang));
            for warning in &pack.catalog.warnings {
                println!("{}", warning.message(lang));
            }
            ExitCode::SUCCESS
        }
        Err(PackError::Invalid(errors)) => {
            print_errors(&errors, lang);
            ExitCode::FAILURE
        }
        Err(error) => {
            for line in error.messages(lang, limits::ERRORS) {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn finish_install(result: Result<InstalledPack, PackError>, lang: Lang) -> ExitCode {
    match result {
        Ok(pack) => {
            println!(
                "{}",
                i18n::tr_args(
                    lang,
                    "cli-pack-installed",
                    &[
                        ("pack", &pack.info.id),
                        ("modules", &pack.modules.join(", ")),
                    ],
                )
            );
            ExitCode::SUCCESS
        }
        Err(PackError::Invalid(errors)) => {
            print_errors(&errors, lang);
            ExitCode::FAILURE
        }
        Err(PackError::NeedsConfirmation(unconfirmed)) => {
            eprintln!("{}", trust_line(&unconfirmed.trust, lang));
            eprintln!("{}", i18n::tr(lang, "cli-pack-needs-yes"));
            ExitCode::FAILURE
        }
        Err(error @ PackError::Write { .. }) => {
            for line in error.messages(lang, limits::ERRORS) {
                eprintln!("{line}");
            }
            ExitCode::from(2)
        }
        Err(error) => {
            for line in error.messages(lang, limits::ERRORS) {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn list(installed: &[InstalledPack], lang: Lang) -> ExitCode {
    if installed.is_empty() {
        println!("{}", i18n::tr(lang, "pack-none"));
    }
    for pack in installed {
        let state = if pack.enabled {
            i18n::tr(lang, "pack-state-enabled")
        } else {
            i18n::tr(lang, "pack-state-disabled")
        };
        println!(
            "{}\t{}\t{}\t{}\t{state}\t{}",
            pack.info.id,
            pack.info.name,
            pack.info.version.as_deref().unwrap_or("-"),
            pack.checked_at
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d"),
            trust_line(&pack.trust, lang)
        );
    }
    ExitCode::SUCCESS
}

fn manage(
    packs_dir: Result<PathBuf, ExitCode>,
    lang: Lang,
    what: &str,
    done_key: &str,
    job: impl FnOnce(&Path) -> Result<(), PackError>,
) -> ExitCode {
    let packs_dir = match packs_dir {
        Ok(dir) => dir,
        Err(code) => return code,
    };
    match job(&packs_dir) {
        Ok(()) => {
            println!("{}", i18n::tr_args(lang, done_key, &[("pack", what)]));
            ExitCode::SUCCESS
        }
        Err(error) => {
            for line in error.messages(lang, limits::ERRORS) {
                eprintln!("{line}");
            }
            if matches!(error, PackError::Write { .. }) {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn keygen(out: &Path, lang: Lang) -> ExitCode {
    let key = PublisherKey::generate();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options.open(out).and_then(|mut file| {
        file.write_all(key.to_file_text().as_bytes())?;
        file.sync_all()
    });
    match written {
        Ok(()) => {
            println!(
                "{}",
                i18n::tr_args(
                    lang,
                    "cli-pack-keygen",
                    &[
                        ("file", &out.display().to_string()),
                        ("key", &key.public_hex()),
                        ("fingerprint", &fingerprint(&key.public_hex())),
                    ],
                )
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!(
                "{}",
                i18n::tr_args(
                    lang,
                    "pack-error-write",
                    &[("detail", &format!("{}: {error}", out.display()))]
                )
            );
            ExitCode::from(2)
        }
    }
}

fn sign(path: &Path, key_file: &Path, lang: Lang) -> ExitCode {
    let key = std::fs::File::open(key_file).and_then(|file| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::Read::take(file, 1024), &mut text)?;
        Ok(text)
    });
    let Some(key) = key
        .ok()
        .and_then(|text| PublisherKey::from_file_text(&text))
    else {
        eprintln!("{}", i18n::tr(lang, "pack-error-bad-key"));
        return ExitCode::from(2);
    };
    let files = DirFiles::new(path);
    let folder = path
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let pack = match check::check_content(&files, &folder) {
        Ok(pack) => pack,
        Err(errors) => {
            print_errors(&errors, lang);
            return ExitCode::FAILURE;
        }
    };
    let signature = key.sign(&pack.hash);
    let target = path.join(crate::content::pack::SIGNATURE_FILE);
    let written = ron::ser::to_string_pretty(&signature, ron::ser::PrettyConfig::default())
        .map_err(|error| error.to_string())
        .and_then(|text| {
            crate::records::write_atomic(&target, text.as_bytes()).map_err(|e| e.to_string())
        });
    match written {
        Ok(()) => {
            println!(
                "{}",
                i18n::tr_args(
                    lang,
                    "cli-pack-signed",
                    &[
                        ("pack", &pack.info.id),
                        ("hash", &pack.hash),
                        ("fingerprint", &fingerprint(&key.public_hex())),
                    ],
                )
            );
            ExitCode::SUCCESS
        }
        Err(detail) => {
            eprintln!(
                "{}",
                i18n::tr_args(
                    lang,
                    "pack-error-write",
                    &[("detail", &format!("{}: {detail}", target.display()))]
                )
            );
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packs_folder_is_the_stores() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.packs_dir(), dir.path().join(PACKS));
    }
}
