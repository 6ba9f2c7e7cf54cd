//! `latih-asn records …`: the same operations as the HR screens, for scripts and for HR's PC.
//!
//! Exit codes: 0 everything is as it should be; 1 the command ran and found (or left) a
//! problem: a refused bundle, records held or in conflict, records that do not verify; 2 the
//! command could not run (bad arguments, unreadable data folder, a failed write).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Utc;
use clap::Subcommand;

use crate::content;
use crate::i18n;
use crate::lang::Lang;
use crate::records::bundle;
use crate::records::trust::{self, Approval, Decision, Enrolment, EnrolmentRequest, How, KeyTrust};
use crate::records::{
    Authority, Correction, CorrectionKind, Identity, Loaded, ProblemKind, Status, Store,
    StoreError, Verification, export, people, summary, verify_loaded,
};

#[derive(Subcommand, Debug)]
pub enum RecordsCommand {
    /// Import bundle files (from USB sticks or a shared folder). Importing twice adds nothing.
    /// Records from devices HR has not approved are held, not counted (exit 1).
    Import { paths: Vec<PathBuf> },
    /// Export the records: csv (one row per attempt), csv-summary (learner × module), xlsx
    /// (Excel, both tables), xapi (JSON statements), or bundle (for another PC).
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Check every record and list every problem. Changes nothing on disk.
    Verify,
    /// Completion by module and by unit (only records that verify count).
    Summary,
    /// Void an attempt (it stops counting), with the reason and who decided. Nothing is deleted.
    /// Counts only when signed by this PC's HR authority; elsewhere it is saved as a proposal.
    Void {
        attempt: uuid::Uuid,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        by: String,
    },
    /// Count a module as completed for a learner (by NIP or profile id) without a test.
    /// Counts only when signed by this PC's HR authority; elsewhere it is saved as a proposal.
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
    /// Devices whose records reached this PC, with their key fingerprints and HR's decision.
    Devices {
        #[command(subcommand)]
        command: Option<DevicesCommand>,
    },
    /// HR's authority key (the trust anchor): make it once on HR's PC, show its fingerprint.
    Authority {
        #[command(subcommand)]
        command: AuthorityCommand,
    },
    /// This PC's signing identity: show its fingerprint, or make a new one when the old key is
    /// lost (the old files are kept).
    Identity {
        #[command(subcommand)]
        command: IdentityCommand,
    },
    /// Enrol learner PCs with HR beforehand, so their bundles are approved on import.
    Enrol {
        #[command(subcommand)]
        command: EnrolCommand,
    },
    /// Test helper for fault-injection tests: records signed attempts until killed.
    #[command(hide = true)]
    StressWrite { count: u64 },
}

#[derive(Subcommand, Debug)]
pub enum DevicesCommand {
    /// Approve a device's key after comparing the fingerprint with the one its PC shows in
    /// Settings. The first approved key of a device stays.
    Approve {
        /// The device id (or the first characters that `records devices` shows).
        device: String,
        /// The fingerprint as read from the PC ("3F9A 22C1 8B07 D4E5").
        #[arg(long)]
        fingerprint: String,
        #[arg(long)]
        by: String,
    },
    /// Refuse a device key: its records stay held and are listed as refused.
    Reject {
        device: String,
        #[arg(long)]
        fingerprint: String,
        #[arg(long)]
        by: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuthorityCommand {
    /// Make HR's authority key on this PC (once). This PC's own records are approved with it.
    Init {
        /// The office, e.g. "BKPSDM Kab. Mesuji".
        #[arg(long)]
        name: String,
    },
    /// Show the authority's fingerprint.
    Show,
}

#[derive(Subcommand, Debug)]
pub enum IdentityCommand {
    /// This PC's device id and key fingerprint (what HR compares before approving).
    Show,
    /// Make a new key pair because the old one is lost or damaged. The old files are moved to
    /// `identity-old-…/`, never deleted. HR must approve the new key.
    New {
        /// Confirms that a new identity is wanted.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum EnrolCommand {
    /// On a learner PC: write its enrolment request (its public key) for HR.
    Request {
        /// Which PC this is, for people ("Bag. Umum, meja 3").
        #[arg(long)]
        label: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// On HR's PC: sign enrolment requests; writes one `.enrolment.ron` per request into
    /// `--out` and approves those devices here.
    Sign {
        requests: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        by: String,
    },
    /// On the learner PC: keep HR's certificate, to carry in every bundle from now on.
    Apply { file: PathBuf },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum ExportFormat {
    Csv,
    CsvSummary,
    Xlsx,
    Xapi,
    Bundle,
}

fn say(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    i18n::tr_args(lang, key, args)
}

pub fn run(
    command: RecordsCommand,
    data_dir: &Path,
    lang_flag: Option<Lang>,
    system: Lang,
) -> ExitCode {
    // `verify` must not change what it checks: it does not even create missing folders.
    let store = if matches!(command, RecordsCommand::Verify) {
        if !data_dir.is_dir() {
            eprintln!(
                "{}",
                say(
                    lang_flag.unwrap_or(system),
                    "cli-no-data-folder",
                    &[("path", &data_dir.display().to_string())]
                )
            );
            return ExitCode::from(2);
        }
        Store::existing(data_dir)
    } else {
        match Store::open(data_dir) {
            Ok(store) => store,
            Err(error) => {
                eprintln!("{}", error.message(lang_flag.unwrap_or(system)));
                return ExitCode::from(2);
            }
        }
    };
    let lang = lang_flag
        .or_else(|| settings_language(data_dir))
        .unwrap_or(system);
    if !matches!(command, RecordsCommand::Verify) {
        store.clean_temporary_files();
    }
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
            let known = store.read().attempts.iter().any(|a| a.id == attempt);
            if !known {
                eprintln!(
                    "{}",
                    say(lang, "cli-not-found", &[("what", &attempt.to_string())])
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
            let loaded = store.read();
            let verification = verify_loaded(&loaded);
            let found = people(&loaded, &verification).into_iter().find(|l| {
                l.id.to_string() == learner || l.nip.as_ref().is_some_and(|n| n.as_str() == learner)
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
                    eprintln!("{}", say(lang, "cli-not-found", &[("what", &learner)]));
                    ExitCode::from(1)
                }
            }
        }
        RecordsCommand::Devices { command } => match command {
            None => list_devices(&store, lang),
            Some(DevicesCommand::Approve {
                device,
                fingerprint,
                by,
            }) => decide(&store, &device, &fingerprint, &by, Decision::Approved, lang),
            Some(DevicesCommand::Reject {
                device,
                fingerprint,
                by,
            }) => decide(&store, &device, &fingerprint, &by, Decision::Rejected, lang),
        },
        RecordsCommand::Authority { command } => authority(&store, command, lang),
        RecordsCommand::Identity { command } => identity(&store, command, lang),
        RecordsCommand::Enrol { command } => enrol(&store, command, lang),
    }
}

/// The language saved in Settings, read without touching anything.
pub(crate) fn settings_language(data_dir: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(data_dir.join("settings.ron")).ok()?;
    ron::from_str::<crate::settings::Settings>(&text)
        .ok()?
        .language
}

fn fail(error: &StoreError, lang: Lang) -> ExitCode {
    eprintln!("{}", error.message(lang));
    ExitCode::from(2)
}

fn import(store: &Store, paths: &[PathBuf], lang: Lang) -> ExitCode {
    let mut trouble = false;
    let files: Vec<PathBuf> = paths
        .iter()
        .flat_map(|path| crate::records::transfer::bundle_files(path))
        .collect();
    if files.is_empty() {
        eprintln!("{}", say(lang, "cli-import-nothing", &[]));
        return ExitCode::from(1);
    }
    for (path, result) in bundle::import_many(store, &files, Utc::now()) {
        let message = crate::records::transfer::import_message(&path, &result, lang);
        match &result {
            Ok(report) if report.is_clean() => println!("{message}"),
            Ok(_) => {
                trouble = true;
                println!("{message}");
            }
            Err(_) => {
                trouble = true;
                eprintln!("{message}");
            }
        }
    }
    if trouble {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn export_to(store: &Store, format: ExportFormat, out: &Path, lang: Lang) -> ExitCode {
    let format = match format {
        ExportFormat::Bundle => None,
        ExportFormat::Csv => Some(export::Format::AttemptsCsv),
        ExportFormat::CsvSummary => Some(export::Format::SummaryCsv),
        ExportFormat::Xlsx => Some(export::Format::Xlsx),
        ExportFormat::Xapi => Some(export::Format::Xapi),
    };
    let result = match format {
        None => export::write_bundle(store, out, Utc::now()),
        Some(format) => {
            let loaded = store.load();
            store.rebuild_caches(&loaded);
            let verification = verify_loaded(&loaded);
            let learners = people(&loaded, &verification);
            let records = export::Records {
                learners: &learners,
                attempts: &loaded.attempts,
                verification: &verification,
            };
            let modules = if format.uses_summary() {
                module_ids()
            } else {
                Vec::new()
            };
            export::write_file(out, format, &records, &modules, lang)
        }
    }
    .map_err(|error| error.message(lang));
    match result {
        Ok(()) => {
            println!(
                "{}",
                say(
                    lang,
                    "cli-export-ok",
                    &[("file", &out.display().to_string())]
                )
            );
            ExitCode::SUCCESS
        }
        Err(detail) => {
            eprintln!("{}", say(lang, "cli-export-failed", &[("detail", &detail)]));
            ExitCode::from(2)
        }
    }
}

fn module_ids() -> Vec<String> {
    content::load_embedded()
        .map(|catalog| catalog.modules.iter().map(|m| m.id.clone()).collect())
        .unwrap_or_default()
}

/// Every problem the store has, one line each, in the user's language. Empty when all is well.
pub fn problems(loaded: &Loaded, verification: &Verification, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for problem in &loaded.problems {
        let file = problem.file.display().to_string();
        lines.push(match &problem.kind {
            ProblemKind::Damaged { reason }
            | ProblemKind::Stuck { reason }
            | ProblemKind::Quarantined { reason, .. } => say(
                lang,
                "cli-verify-damaged",
                &[("file", &file), ("detail", reason)],
            ),
            ProblemKind::Newer { version } => say(
                lang,
                "cli-verify-newer",
                &[("file", &file), ("version", &version.to_string())],
            ),
            ProblemKind::InQuarantine => say(lang, "cli-verify-quarantined", &[("file", &file)]),
        });
    }
    let mut attempts: Vec<_> = loaded
        .attempts
        .iter()
        .filter(|a| verification.status_of(&a.id) != Status::Valid)
        .collect();
    attempts.sort_by_key(|a| (verification.status_of(&a.id), a.id));
    for attempt in attempts {
        lines.push(say(
            lang,
            "cli-verify-attempt",
            &[
                ("id", &attempt.id.to_string()),
                ("status", &verification.status_of(&attempt.id).label(lang)),
            ],
        ));
    }
    for (device, missing) in &verification.missing {
        let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
        lines.push(say(
            lang,
            "cli-verify-missing",
            &[
                ("device", &device.to_string()),
                ("sequences", &list.join(", ")),
            ],
        ));
    }
    for conflict in &loaded.conflicts {
        lines.push(say(
            lang,
            "cli-verify-conflict",
            &[
                ("id", &conflict.id.to_string()),
                ("kept", &conflict.kept),
                ("other", &conflict.other),
            ],
        ));
    }
    for (device, keys) in &loaded.seen {
        for seen in keys {
            let state = loaded.trust.of(*device, &seen.key.public_key);
            if state == KeyTrust::Awaiting || state == KeyTrust::Foreign {
                lines.push(say(
                    lang,
                    if state == KeyTrust::Awaiting {
                        "cli-verify-awaiting"
                    } else {
                        "cli-verify-foreign"
                    },
                    &[
                        ("device", &device.to_string()),
                        ("fingerprint", &trust::fingerprint(&seen.key)),
                        ("count", &seen.attempts.to_string()),
                    ],
                ));
            }
        }
    }
    for id in &loaded.trust.forged {
        lines.push(say(
            lang,
            "cli-verify-forged-approval",
            &[("id", &id.to_string())],
        ));
    }
    for proposal in &verification.proposals {
        lines.push(say(
            lang,
            "cli-verify-proposal",
            &[("id", &proposal.id.to_string()), ("by", &proposal.by)],
        ));
    }
    for id in &verification.bad_corrections {
        lines.push(say(
            lang,
            "cli-verify-bad-correction",
            &[("id", &id.to_string())],
        ));
    }
    for (learner, status) in &verification.profiles {
        lines.push(say(
            lang,
            match status {
                crate::records::ProfileStatus::Edited => "cli-verify-profile-edited",
                crate::records::ProfileStatus::Unsigned => "cli-verify-profile-unsigned",
            },
            &[("id", &learner.to_string())],
        ));
    }
    for entry in &loaded.journal.missing_batches {
        lines.push(say(
            lang,
            "cli-verify-batch-missing",
            &[
                ("source", &entry.source),
                ("at", &entry.at.format("%Y-%m-%d %H:%M").to_string()),
                ("count", &entry.added_attempts.to_string()),
            ],
        ));
    }
    lines
}

fn verify_all(store: &Store, lang: Lang) -> ExitCode {
    let loaded = store.read();
    let verification = verify_loaded(&loaded);
    let lines = problems(&loaded, &verification, lang);
    for line in &lines {
        println!("{line}");
    }
    println!(
        "{}",
        say(
            lang,
            "cli-verify-total",
            &[
                ("total", &loaded.attempts.len().to_string()),
                ("valid", &verification.count(Status::Valid).to_string()),
            ]
        )
    );
    // 100,000 records are freed faster by the end of the process than one by one.
    std::mem::forget(loaded);
    if lines.is_empty() {
        println!("{}", say(lang, "cli-verify-clean", &[]));
        ExitCode::SUCCESS
    } else {
        println!(
            "{}",
            say(
                lang,
                "cli-verify-problems",
                &[("count", &lines.len().to_string())]
            )
        );
        ExitCode::from(1)
    }
}

fn summarize(store: &Store, lang: Lang) -> ExitCode {
    let loaded = store.load();
    store.rebuild_caches(&loaded);
    let verification = verify_loaded(&loaded);
    let modules = module_ids();
    let learners = people(&loaded, &verification);
    let summary = summary::summarize(&learners, &loaded.attempts, &verification, &modules);
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
        say(
            lang,
            "cli-summary-total",
            &[
                ("attempts", &summary.attempts.to_string()),
                ("flagged", &summary.flagged.to_string())
            ]
        )
    );
    let problems = problems(&loaded, &verification, lang).len();
    // 100,000 records are freed faster by the end of the process than one by one.
    std::mem::forget((loaded, summary, learners, verification));
    if problems > 0 {
        println!(
            "{}",
            say(
                lang,
                "cli-summary-see-verify",
                &[("count", &problems.to_string())]
            )
        );
    }
    ExitCode::SUCCESS
}

fn correct(store: &Store, kind: CorrectionKind, reason: &str, by: &str, lang: Lang) -> ExitCode {
    if reason.trim().is_empty() || by.trim().is_empty() {
        eprintln!("{}", i18n::tr(lang, "cli-correction-needs-reason"));
        return ExitCode::from(2);
    }
    let authority = match store.authority() {
        Ok(authority) => authority,
        Err(error) => return fail(&error, lang),
    };
    let (correction, key) = match &authority {
        Some(authority) => (
            Correction::by_authority(kind, reason, by, Utc::now(), authority),
            "cli-correction-saved",
        ),
        None => match store.identity() {
            Ok(identity) => (
                Correction::signed(kind, reason, by, Utc::now(), &identity),
                "cli-correction-proposed",
            ),
            Err(error) => return fail(&error, lang),
        },
    };
    match store.save_correction(&correction) {
        Ok(()) => {
            println!("{}", say(lang, key, &[("id", &correction.id.to_string())]));
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error, lang),
    }
}

fn list_devices(store: &Store, lang: Lang) -> ExitCode {
    let loaded = store.read();
    if let Some(own) = &loaded.trust.own {
        println!(
            "{}",
            say(
                lang,
                "cli-devices-own",
                &[
                    ("device", &own.device.to_string()),
                    ("fingerprint", &trust::fingerprint(own))
                ]
            )
        );
    }
    let mut awaiting = 0;
    for (device, keys) in &loaded.seen {
        for seen in keys {
            let state = loaded.trust.of(*device, &seen.key.public_key);
            let label = match state {
                KeyTrust::Trusted => "cli-devices-approved",
                KeyTrust::Awaiting => {
                    awaiting += 1;
                    "cli-devices-awaiting"
                }
                KeyTrust::Rejected => "cli-devices-rejected",
                KeyTrust::Foreign => "cli-devices-foreign",
            };
            let enrolled = seen
                .enrolment
                .as_ref()
                .map(|e| format!(" [{}]", e.label))
                .unwrap_or_default();
            println!(
                "{}  {}  {}  {}{}",
                device,
                trust::fingerprint(&seen.key),
                i18n::tr(lang, label),
                say(
                    lang,
                    "cli-devices-attempts",
                    &[("count", &seen.attempts.to_string())]
                ),
                enrolled
            );
        }
    }
    if loaded.seen.is_empty() {
        println!("{}", say(lang, "cli-devices-none", &[]));
    }
    if awaiting > 0 {
        println!("{}", say(lang, "cli-devices-how-to-approve", &[]));
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn decide(
    store: &Store,
    device: &str,
    fingerprint: &str,
    by: &str,
    decision: Decision,
    lang: Lang,
) -> ExitCode {
    if by.trim().is_empty() {
        eprintln!("{}", say(lang, "cli-correction-needs-reason", &[]));
        return ExitCode::from(2);
    }
    let authority = match store.authority() {
        Ok(Some(authority)) => authority,
        Ok(None) => return fail(&StoreError::NoAuthority, lang),
        Err(error) => return fail(&error, lang),
    };
    let loaded = store.read();
    let wanted = device.trim().to_ascii_lowercase().replace('-', "");
    let matches: Vec<_> = loaded
        .seen
        .iter()
        .filter(|(id, _)| !wanted.is_empty() && id.simple().to_string().starts_with(&wanted))
        .collect();
    let [(id, keys)] = matches.as_slice() else {
        eprintln!("{}", say(lang, "cli-not-found", &[("what", device)]));
        return ExitCode::from(1);
    };
    let Some(seen) = keys.iter().find(|s| {
        crate::records::authority::fingerprint_matches(&trust::fingerprint(&s.key), fingerprint)
    }) else {
        eprintln!(
            "{}",
            say(
                lang,
                "cli-devices-fingerprint-mismatch",
                &[("device", &id.to_string())]
            )
        );
        return ExitCode::from(1);
    };
    if decision == Decision::Approved
        && let Some(approved) = loaded.trust.approved.get(id)
    {
        if approved.public_key == seen.key.public_key {
            println!(
                "{}",
                say(lang, "cli-devices-already", &[("device", &id.to_string())])
            );
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "{}",
            say(
                lang,
                "cli-devices-other-key",
                &[("device", &id.to_string())]
            )
        );
        return ExitCode::from(1);
    }
    let approval = Approval::signed(
        &authority,
        &seen.key,
        decision,
        How::Fingerprint,
        by,
        Utc::now(),
    );
    match store.save_approval(&approval) {
        Ok(()) => {
            let key = if decision == Decision::Approved {
                "cli-devices-approved-now"
            } else {
                "cli-devices-rejected-now"
            };
            println!(
                "{}",
                say(
                    lang,
                    key,
                    &[
                        ("device", &id.to_string()),
                        ("count", &seen.attempts.to_string())
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error, lang),
    }
}

fn authority(store: &Store, command: AuthorityCommand, lang: Lang) -> ExitCode {
    match command {
        AuthorityCommand::Init { name } => {
            if name.trim().is_empty() {
                eprintln!("{}", say(lang, "cli-authority-needs-name", &[]));
                return ExitCode::from(2);
            }
            let made = Authority::create(store.root(), &name, Utc::now());
            let authority = match made {
                Ok(authority) => authority,
                Err(error) => return fail(&error, lang),
            };
            // HR's own PC: its records count here from the start.
            if let Ok(identity) = store.identity() {
                let approval = Approval::signed(
                    &authority,
                    &identity.key,
                    Decision::Approved,
                    How::Own,
                    &name,
                    Utc::now(),
                );
                if let Err(error) = store.save_approval(&approval) {
                    return fail(&error, lang);
                }
            }
            show_authority(&authority, lang)
        }
        AuthorityCommand::Show => match store.authority() {
            Ok(Some(authority)) => show_authority(&authority, lang),
            Ok(None) => {
                println!("{}", say(lang, "error-no-authority", &[]));
                ExitCode::from(1)
            }
            Err(error) => fail(&error, lang),
        },
    }
}

fn show_authority(authority: &Authority, lang: Lang) -> ExitCode {
    let fingerprint = authority.key.fingerprint();
    let args = [
        ("name", authority.key.name.as_str()),
        ("fingerprint", &fingerprint),
    ];
    println!("{}", say(lang, "cli-authority-made", &args));
    ExitCode::SUCCESS
}

fn identity(store: &Store, command: IdentityCommand, lang: Lang) -> ExitCode {
    match command {
        IdentityCommand::Show => match store.identity() {
            Ok(identity) => {
                println!(
                    "{}",
                    say(
                        lang,
                        "cli-identity-show",
                        &[
                            ("device", &identity.key.device.to_string()),
                            ("fingerprint", &identity.fingerprint())
                        ]
                    )
                );
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error, lang),
        },
        IdentityCommand::New { yes } => {
            if !yes {
                eprintln!("{}", say(lang, "cli-identity-confirm", &[]));
                return ExitCode::from(2);
            }
            match Identity::replace(store.root(), Utc::now()) {
                Ok((identity, old)) => {
                    println!(
                        "{}",
                        say(
                            lang,
                            "cli-identity-new",
                            &[
                                ("device", &identity.key.device.to_string()),
                                ("fingerprint", &identity.fingerprint()),
                                (
                                    "old",
                                    &old.map(|p| p.display().to_string())
                                        .unwrap_or_else(|| "-".into())
                                ),
                            ]
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => fail(&error, lang),
            }
        }
    }
}

fn enrol(store: &Store, command: EnrolCommand, lang: Lang) -> ExitCode {
    match command {
        EnrolCommand::Request { label, out } => {
            let identity = match store.identity() {
                Ok(identity) => identity,
                Err(error) => return fail(&error, lang),
            };
            let request = trust::request(&identity, &label, Utc::now());
            let written = ron::ser::to_string_pretty(&request, ron::ser::PrettyConfig::default())
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    crate::records::write_atomic(&out, text.as_bytes()).map_err(|e| e.to_string())
                });
            match written {
                Ok(()) => {
                    println!(
                        "{}",
                        say(
                            lang,
                            "cli-enrol-requested",
                            &[
                                ("file", &out.display().to_string()),
                                ("fingerprint", &identity.fingerprint())
                            ]
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(detail) => {
                    eprintln!("{}", say(lang, "cli-export-failed", &[("detail", &detail)]));
                    ExitCode::from(2)
                }
            }
        }
        EnrolCommand::Sign { requests, out, by } => {
            let authority = match store.authority() {
                Ok(Some(authority)) => authority,
                Ok(None) => return fail(&StoreError::NoAuthority, lang),
                Err(error) => return fail(&error, lang),
            };
            let loaded = store.read();
            let mut trouble = false;
            for path in requests {
                let request = std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|t| ron::from_str::<EnrolmentRequest>(&t).map_err(|e| e.to_string()));
                let request = match request {
                    Ok(request) => request,
                    Err(detail) => {
                        trouble = true;
                        eprintln!(
                            "{}",
                            say(
                                lang,
                                "cli-import-refused",
                                &[("file", &path.display().to_string()), ("detail", &detail)]
                            )
                        );
                        continue;
                    }
                };
                if let Some(key) = loaded.trust.trusted_key(request.key.device)
                    && key != request.key.public_key
                {
                    trouble = true;
                    eprintln!(
                        "{}",
                        say(
                            lang,
                            "cli-devices-other-key",
                            &[("device", &request.key.device.to_string())]
                        )
                    );
                    continue;
                }
                let enrolment = Enrolment::issue(&authority, &request, Utc::now());
                let approval = Approval::signed(
                    &authority,
                    &request.key,
                    Decision::Approved,
                    How::Enrolment,
                    &by,
                    Utc::now(),
                );
                let file = out.join(format!("{}.enrolment.ron", request.key.device.simple()));
                let written =
                    ron::ser::to_string_pretty(&enrolment, ron::ser::PrettyConfig::default())
                        .map_err(|e| StoreError::Encode(e.to_string()))
                        .and_then(|text| {
                            crate::records::write_atomic(&file, text.as_bytes())
                                .map_err(|e| StoreError::write(&file, e))
                        })
                        .and_then(|()| store.save_approval(&approval));
                match written {
                    Ok(()) => println!(
                        "{}",
                        say(
                            lang,
                            "cli-enrol-signed",
                            &[
                                ("label", &request.label),
                                ("fingerprint", &trust::fingerprint(&request.key)),
                                ("file", &file.display().to_string())
                            ]
                        )
                    ),
                    Err(error) => {
                        eprintln!("{}", error.message(lang));
                        return ExitCode::from(2);
                    }
                }
            }
            if trouble {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        EnrolCommand::Apply { file } => {
            let identity = match store.identity() {
                Ok(identity) => identity,
                Err(error) => return fail(&error, lang),
            };
            let enrolment = std::fs::read_to_string(&file)
                .map_err(|e| e.to_string())
                .and_then(|t| ron::from_str::<Enrolment>(&t).map_err(|e| e.to_string()));
            let enrolment = match enrolment {
                Ok(enrolment) => enrolment,
                Err(detail) => {
                    eprintln!(
                        "{}",
                        say(
                            lang,
                            "cli-import-refused",
                            &[("file", &file.display().to_string()), ("detail", &detail)]
                        )
                    );
                    return ExitCode::from(1);
                }
            };
            if !enrolment.is_authentic() || enrolment.key != identity.key {
                eprintln!("{}", say(lang, "cli-enrol-not-for-this-pc", &[]));
                return ExitCode::from(1);
            }
            match store.save_enrolment(&enrolment) {
                Ok(()) => {
                    println!(
                        "{}",
                        say(
                            lang,
                            "cli-enrol-applied",
                            &[
                                ("authority", &enrolment.authority.name),
                                ("fingerprint", &enrolment.authority.fingerprint())
                            ]
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => fail(&error, lang),
            }
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
    let learner = crate::records::Learner {
        version: 2,
        id: uuid::Uuid::nil(),
        name: "Stress".into(),
        nip: None,
        unit: "Uji".into(),
        instansi: "Uji".into(),
        created: Utc::now(),
        revision: 1,
        device: None,
        signature: None,
    };
    for n in 0..count {
        let drawn = crate::quiz::draw(module, 10, n, None);
        let mut run = crate::quiz::QuizRun::new(module, crate::quiz::Mode::Exam, n, drawn);
        while run.phase() != crate::quiz::Phase::Finished {
            run.choose(module, 0);
            run.confirm();
        }
        let attempt =
            crate::records::Attempt::from_run(&run, module, &learner, Utc::now(), Utc::now());
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
