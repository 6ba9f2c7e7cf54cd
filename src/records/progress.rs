//! Reading progress per learner, and the per-module summary the home screen shows.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::content::Module;
use crate::quiz::Mode;
use crate::records::attempt::Attempt;

pub const PROGRESS_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    pub learner: Uuid,
    /// Lessons read, by module.
    #[serde(default)]
    pub read: BTreeMap<String, BTreeSet<String>>,
    /// The lesson last opened in each module, to continue where the learner left off.
    #[serde(default)]
    pub last_lesson: BTreeMap<String, String>,
    pub updated: DateTime<Utc>,
}

impl Progress {
    pub fn new(learner: Uuid) -> Self {
        Self {
            version: PROGRESS_VERSION,
            learner,
            read: BTreeMap::new(),
            last_lesson: BTreeMap::new(),
            updated: DateTime::<Utc>::MIN_UTC,
        }
    }

    pub fn mark_read(&mut self, module: &str, lesson: &str, now: DateTime<Utc>) {
        self.read
            .entry(module.to_owned())
            .or_default()
            .insert(lesson.to_owned());
        self.last_lesson
            .insert(module.to_owned(), lesson.to_owned());
        self.updated = now;
    }

    pub fn is_read(&self, module: &str, lesson: &str) -> bool {
        self.read
            .get(module)
            .is_some_and(|lessons| lessons.contains(lesson))
    }

    /// Combines two versions of the same learner's progress (e.g. written by two running copies
    /// of the app): lessons read are united, and the newer "last lesson" wins.
    pub fn merge(&mut self, other: &Progress) {
        for (module, lessons) in &other.read {
            self.read
                .entry(module.clone())
                .or_default()
                .extend(lessons.iter().cloned());
        }
        if other.updated > self.updated {
            self.last_lesson.extend(other.last_lesson.clone());
            self.updated = other.updated;
        } else {
            for (module, lesson) in &other.last_lesson {
                self.last_lesson
                    .entry(module.clone())
                    .or_insert_with(|| lesson.clone());
            }
        }
    }
}

/// Where a learner stands in a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleStatus {
    /// Belum mulai.
    NotStarted,
    /// Sedang belajar.
    InProgress,
    /// Lulus: an exam attempt reached the pass mark.
    Passed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleSummary {
    pub lessons_read: usize,
    pub lessons_total: usize,
    /// Best exam score in percent.
    pub best_exam: Option<u8>,
    pub status: ModuleStatus,
}

/// The home-screen summary of one module for one learner.
pub fn summarize(
    module: &Module,
    progress: Option<&Progress>,
    attempts: &[&Attempt],
) -> ModuleSummary {
    let lessons_read = module
        .lessons
        .iter()
        .filter(|lesson| progress.is_some_and(|p| p.is_read(&module.id, &lesson.id)))
        .count();
    let in_module = || attempts.iter().filter(|a| a.module == module.id);
    let best_exam = in_module()
        .filter(|a| a.mode == Mode::Exam)
        .map(|a| a.score.percent())
        .max();
    let passed = in_module().any(|a| a.mode == Mode::Exam && a.passed);
    let status = if passed {
        ModuleStatus::Passed
    } else if lessons_read > 0 || in_module().next().is_some() {
        ModuleStatus::InProgress
    } else {
        ModuleStatus::NotStarted
    };
    ModuleSummary {
        lessons_read,
        lessons_total: module.lessons.len(),
        best_exam,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn merge_unites_lessons_and_keeps_newest_last_lesson() {
        let learner = Uuid::new_v4();
        let t1 = Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap();
        let t2 = Utc.with_ymd_and_hms(2026, 1, 2, 8, 0, 0).unwrap();
        let mut a = Progress::new(learner);
        a.mark_read("asn", "asn-l1", t1);
        let mut b = Progress::new(learner);
        b.mark_read("asn", "asn-l2", t2);
        b.mark_read("pilkada", "pilkada-l1", t2);
        a.merge(&b);
        assert!(
            a.is_read("asn", "asn-l1")
                && a.is_read("asn", "asn-l2")
                && a.is_read("pilkada", "pilkada-l1")
        );
        assert_eq!(a.last_lesson["asn"], "asn-l2");
        assert_eq!(a.updated, t2);
        // Merging an older copy changes nothing that is newer.
        let mut older = Progress::new(learner);
        older.mark_read("asn", "asn-l3", t1);
        a.merge(&older);
        assert_eq!(a.last_lesson["asn"], "asn-l2");
        assert!(a.is_read("asn", "asn-l3"));
    }
}
