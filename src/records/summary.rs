//! The HR summary: who has completed which module, by unit. Only attempts that verify count.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::quiz::Mode;
use crate::records::attempt::Attempt;
use crate::records::correction::CorrectionKind;
use crate::records::learner::Learner;
use crate::records::store::FastMap;
use crate::records::verify::{Status, Verification};

/// One learner in one module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerModule {
    pub learner: Uuid,
    pub module: String,
    /// Exam attempts that verify.
    pub exams: usize,
    pub best_exam: Option<u8>,
    pub passed: bool,
    pub last: Option<DateTime<Utc>>,
    /// Attempts that did not verify (edited, unknown key, broken chain, unsigned).
    pub flagged: usize,
    /// Attempts voided by a correction.
    pub voided: usize,
    /// Completed by a waiver, not a test.
    pub waived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitRow {
    pub unit: String,
    pub learners: usize,
    /// Learners who passed, per module.
    pub passed: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub rows: Vec<LearnerModule>,
    pub units: Vec<UnitRow>,
    pub attempts: usize,
    pub flagged: usize,
}

pub fn summarize(
    learners: &[Learner],
    attempts: &[Attempt],
    verification: &Verification,
    modules: &[String],
) -> Summary {
    let mut cells = Cells::default();
    let mut flagged = 0;
    let voided: std::collections::HashSet<Uuid, foldhash::fast::RandomState> = verification
        .corrections
        .iter()
        .filter_map(|c| match &c.kind {
            CorrectionKind::Void { attempt } => Some(*attempt),
            CorrectionKind::Waive { .. } => None,
        })
        .collect();
    for attempt in attempts {
        let status = verification.status_of(&attempt.id);
        let cell = cells.of(attempt.learner, &attempt.module);
        if !voided.is_empty() && voided.contains(&attempt.id) {
            cell.voided += 1;
            continue;
        }
        if status != Status::Valid {
            cell.flagged += 1;
            flagged += 1;
            continue;
        }
        cell.last = cell.last.max(Some(attempt.finished));
        if attempt.mode == Mode::Exam {
            cell.exams += 1;
            cell.best_exam = cell.best_exam.max(Some(attempt.score.percent()));
            cell.passed |= attempt.passed;
        }
    }
    for correction in &verification.corrections {
        if let CorrectionKind::Waive { learner, module } = &correction.kind {
            let cell = cells.of(*learner, module);
            cell.waived = true;
            cell.passed = true;
        }
    }
    let mut units: BTreeMap<&str, UnitRow> = BTreeMap::new();
    for learner in learners {
        let row = units
            .entry(learner.unit.as_str())
            .or_insert_with(|| UnitRow {
                unit: learner.unit.clone(),
                ..UnitRow::default()
            });
        row.learners += 1;
        for module in modules {
            let passed = usize::from(cells.get(learner.id, module).is_some_and(|c| c.passed));
            // Counted in place: the module's name is copied once per unit, not per learner.
            match row.passed.get_mut(module) {
                Some(count) => *count += passed,
                None => {
                    row.passed.insert(module.clone(), passed);
                }
            }
        }
    }
    let mut rows = cells.rows;
    rows.sort_unstable_by(|a, b| (a.learner, &a.module).cmp(&(b.learner, &b.module)));
    Summary {
        rows,
        units: units.into_values().collect(),
        attempts: attempts.len(),
        flagged,
    }
}

/// One row per learner and module, kept side by side and found through a small map of places.
/// Module ids are numbered as they are met (there are a handful), so a lookup hashes an id and
/// a number, not text.
#[derive(Default)]
struct Cells<'a> {
    modules: Vec<&'a str>,
    places: FastMap<(Uuid, u32), u32>,
    rows: Vec<LearnerModule>,
}

impl<'a> Cells<'a> {
    fn number(&self, module: &str) -> Option<u32> {
        let at = self.modules.iter().position(|known| *known == module)?;
        u32::try_from(at).ok()
    }

    fn get(&self, learner: Uuid, module: &str) -> Option<&LearnerModule> {
        let place = self.places.get(&(learner, self.number(module)?))?;
        self.rows.get(*place as usize)
    }

    fn of(&mut self, learner: Uuid, module: &'a str) -> &mut LearnerModule {
        let number = match self.number(module) {
            Some(number) => number,
            None => {
                self.modules.push(module);
                u32::try_from(self.modules.len() - 1).unwrap_or(u32::MAX)
            }
        };
        let next = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        let place = *self.places.entry((learner, number)).or_insert(next) as usize;
        if place == self.rows.len() {
            self.rows.push(LearnerModule {
                learner,
                module: module.to_owned(),
                exams: 0,
                best_exam: None,
                passed: false,
                last: None,
                flagged: 0,
                voided: 0,
                waived: false,
            });
        }
        &mut self.rows[place]
    }
}
