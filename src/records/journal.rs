//! The import journal: one small file per import or refusal in `journal/`, never rewritten.
//!
//! An import writes its batch (which carries its own journal entry) and then the journal file
//! naming that batch. So a batch never exists without its entry; and a batch deleted by hand is
//! found, because its journal file still names it. A crash between the two leaves a batch whose
//! journal file is missing: the next tidy writes it from the batch's own entry. The journal of
//! earlier versions (`import-journal.ron`, one file rewritten on every import) is read, never
//! written again; a damaged one is kept aside and reported.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::records::error::StoreError;
use crate::records::ledger::BatchInfo;
use crate::records::store::{LoadMode, Problem, ProblemKind, Store};

pub const JOURNAL_DIR: &str = "journal";
const LEGACY_JOURNAL: &str = "import-journal.ron";

/// One import or refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub at: DateTime<Utc>,
    pub source: String,
    pub device: Option<Uuid>,
    pub added_attempts: usize,
    pub added_learners: usize,
    pub already_present: usize,
    pub conflicts: Vec<Uuid>,
    /// Why the bundle was refused, if it was.
    pub refused: Option<String>,
    #[serde(default)]
    pub id: Option<Uuid>,
    /// SHA-256 (hex) of the bundle file as received.
    #[serde(default)]
    pub file_hash: Option<String>,
    /// The batch file in `imported/` that holds what this import added.
    #[serde(default)]
    pub batch: Option<Uuid>,
    /// Corrections that arrived as proposals (not signed by this HR).
    #[serde(default)]
    pub proposals: usize,
    /// Attempts held because their device is not approved.
    #[serde(default)]
    pub held: usize,
    /// Set when the entry records an administrative act, not an import.
    #[serde(default)]
    pub event: Option<AdminEvent>,
}

/// Acts on this PC that HR must be able to see afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdminEvent {
    /// The admin PIN was removed from the command line (a forgotten PIN). `by` is the name the
    /// person gave, `account` the operating-system user who ran the command.
    PinReset { by: String, account: String },
}

impl JournalEntry {
    /// An entry for an administrative act.
    pub fn admin(event: AdminEvent, at: DateTime<Utc>) -> JournalEntry {
        JournalEntry {
            at,
            source: String::new(),
            device: None,
            added_attempts: 0,
            added_learners: 0,
            already_present: 0,
            conflicts: Vec::new(),
            refused: None,
            id: Some(Uuid::new_v4()),
            file_hash: None,
            batch: None,
            proposals: 0,
            held: 0,
            event: Some(event),
        }
    }
}

/// What the journal says, and what is wrong with it.
#[derive(Debug, Clone, Default)]
pub struct JournalState {
    pub entries: Vec<JournalEntry>,
    /// Imports the journal lists whose batch file is gone.
    pub missing_batches: Vec<JournalEntry>,
    /// Damaged journal files (kept where they are, or set aside by a tidy).
    pub damaged: Vec<PathBuf>,
}

/// Writes one journal entry as its own file.
pub fn append(store: &Store, entry: &JournalEntry) -> Result<PathBuf, StoreError> {
    let id = entry.id.unwrap_or_else(Uuid::new_v4);
    let path = store.path(JOURNAL_DIR).join(format!(
        "{}-{}.ron",
        entry.at.format("%Y%m%dT%H%M%S%.3f"),
        id.simple()
    ));
    store.write(&path, entry)?;
    Ok(path)
}

/// Reads the journal and checks it against the batches found.
pub fn state(
    store: &Store,
    mode: LoadMode,
    batches: &[BatchInfo],
    problems: &mut Vec<Problem>,
) -> JournalState {
    let mut state = JournalState::default();
    // The journal of earlier versions.
    let legacy = store.path(LEGACY_JOURNAL);
    if let Ok(text) = fs::read_to_string(&legacy) {
        match ron::from_str::<Vec<JournalEntry>>(&text) {
            Ok(entries) => state.entries.extend(entries),
            Err(error) => set_aside(store, legacy, error.to_string(), mode, &mut state, problems),
        }
    }
    let mut files: Vec<PathBuf> = fs::read_dir(store.path(JOURNAL_DIR))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for path in files {
        match fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| ron::from_str::<JournalEntry>(&text).map_err(|e| e.to_string()))
        {
            Ok(entry) => state.entries.push(entry),
            Err(reason) => set_aside(store, path, reason, mode, &mut state, problems),
        }
    }
    let present: HashSet<Uuid> = batches.iter().filter_map(|b| b.id).collect();
    let journaled: HashSet<Uuid> = state.entries.iter().filter_map(|e| e.id).collect();
    for entry in &state.entries {
        if let Some(batch) = entry.batch
            && !present.contains(&batch)
        {
            state.missing_batches.push(entry.clone());
        }
    }
    // A batch whose journal file was not written (a crash in between): its own entry stands in,
    // and a tidy writes the file.
    for batch in batches {
        if let Some(entry) = &batch.journal
            && entry.id.is_some_and(|id| !journaled.contains(&id))
        {
            if mode == LoadMode::Tidy
                && let Err(error) = append(store, entry)
            {
                log::warn!("{error}");
            }
            state.entries.push(entry.clone());
        }
    }
    state.entries.sort_by_key(|e| e.at);
    state
}

/// A damaged journal file is never overwritten: a tidy renames it aside, a check only reports.
fn set_aside(
    store: &Store,
    path: PathBuf,
    reason: String,
    mode: LoadMode,
    state: &mut JournalState,
    problems: &mut Vec<Problem>,
) {
    if mode == LoadMode::Tidy {
        // Into the quarantine folder, so every later check still lists it.
        let to = store.path("quarantine").join(format!(
            "journal-{}.{}.damaged",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Utc::now().format("%Y%m%dT%H%M%S%.3f")
        ));
        match fs::create_dir_all(store.path("quarantine")).and_then(|()| fs::rename(&path, &to)) {
            Ok(()) => {
                state.damaged.push(to.clone());
                problems.push(Problem {
                    file: path,
                    kind: ProblemKind::Quarantined { to, reason },
                });
            }
            Err(error) => {
                state.damaged.push(path.clone());
                problems.push(Problem {
                    file: path,
                    kind: ProblemKind::Stuck {
                        reason: format!("{reason}; {error}"),
                    },
                });
            }
        }
    } else {
        state.damaged.push(path.clone());
        problems.push(Problem {
            file: path,
            kind: ProblemKind::Damaged { reason },
        });
    }
}
