//! An exam in progress, kept on disk after every answer so that leaving it, a closed window or
//! a crash does not lose it: the module page offers to go on where the learner stopped. One per
//! learner and module, at `<data>/unfinished/<learner>-<module>.ron`; removed once the exam is
//! recorded. Not a record: it counts for nothing, HR never sees it.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::content::Module;
use crate::quiz::{Drawn, Mode, QuizRun};
use crate::records::{Store, StoreError};
use crate::training::SessionTag;

pub const DIR: &str = "unfinished";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unfinished {
    pub version: u32,
    pub learner: Uuid,
    pub module: String,
    pub seed: u64,
    pub drawn: Vec<Drawn>,
    pub answers: Vec<Option<Vec<usize>>>,
    pub started: DateTime<Utc>,
    pub saved: DateTime<Utc>,
    #[serde(default)]
    pub session: Option<SessionTag>,
}

impl Unfinished {
    pub fn of(
        run: &QuizRun,
        learner: Uuid,
        started: DateTime<Utc>,
        session: Option<SessionTag>,
        now: DateTime<Utc>,
    ) -> Unfinished {
        Unfinished {
            version: VERSION,
            learner,
            module: run.module.clone(),
            seed: run.seed,
            drawn: run.drawn.clone(),
            answers: run.answers().to_vec(),
            started,
            saved: now,
            session,
        }
    }

    /// The run as it was, at the first unanswered question; `None` when its questions are no
    /// longer in the module (the content changed since).
    pub fn resume(&self, module: &Module) -> Option<QuizRun> {
        if self.module != module.id
            || self.drawn.iter().any(|d| {
                module
                    .question(&d.question)
                    .is_none_or(|q| q.option_count() != d.order.len())
            })
        {
            return None;
        }
        Some(QuizRun::resume(
            module,
            Mode::Exam,
            self.seed,
            self.drawn.clone(),
            self.answers.clone(),
        ))
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }
}

fn path(store: &Store, learner: Uuid, module: &str) -> PathBuf {
    // Module ids are checked to be plain names when content loads.
    store.path(DIR).join(format!("{learner}-{module}.ron"))
}

/// Saves (replaces) the learner's unfinished exam of its module.
pub fn save(store: &Store, unfinished: &Unfinished) -> Result<(), StoreError> {
    let path = path(store, unfinished.learner, &unfinished.module);
    let text = ron::to_string(unfinished).map_err(|e| StoreError::Encode(e.to_string()))?;
    crate::records::write_atomic(&path, text.as_bytes()).map_err(|e| StoreError::write(&path, e))
}

/// The learner's unfinished exam of `module`, if one was saved and still reads.
pub fn load(store: &Store, learner: Uuid, module: &str) -> Option<Unfinished> {
    let text = std::fs::read_to_string(path(store, learner, module)).ok()?;
    let unfinished: Unfinished = ron::from_str(&text).ok()?;
    (unfinished.version <= VERSION && unfinished.learner == learner).then_some(unfinished)
}

/// Removes it (the exam was recorded, or the learner started afresh).
pub fn remove(store: &Store, learner: Uuid, module: &str) -> Result<(), StoreError> {
    let path = path(store, learner, module);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(StoreError::write(&path, error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exam_is_saved_and_taken_up_at_the_first_unanswered_question() {
        let temp = tempfile::tempdir().unwrap();
        let store = Store::existing(temp.path());
        let catalog = crate::content::load_embedded().unwrap();
        let module = catalog.module("asn").unwrap();
        let drawn = crate::quiz::draw(module, module.quiz_size, 7, None);
        let mut run = QuizRun::new(module, Mode::Exam, 7, drawn);
        for _ in 0..3 {
            run.choose(module, 0);
            run.confirm();
        }
        let learner = Uuid::from_u128(9);
        let now = Utc::now();
        save(&store, &Unfinished::of(&run, learner, now, None, now)).unwrap();
        let saved = load(&store, learner, "asn").unwrap();
        assert_eq!(saved.answered(), 3);
        let resumed = saved.resume(module).unwrap();
        assert_eq!(resumed.position(), 3);
        assert_eq!(resumed.answers(), run.answers());
        assert!(load(&store, Uuid::from_u128(8), "asn").is_none());
        // Another module's questions do not resume here.
        assert!(saved.resume(catalog.module("pilkada").unwrap()).is_none());
        remove(&store, learner, "asn").unwrap();
        assert!(load(&store, learner, "asn").is_none());
        remove(&store, learner, "asn").unwrap();
    }
}
