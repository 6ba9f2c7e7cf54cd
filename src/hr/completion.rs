//! Completion by unit and module: who has passed, who is learning, who has not started, and
//! whose records need HR's review.
//!
//! [`Board::build`] does the work that does not depend on the filters once (matching records to
//! people, units from the roster); [`Board::tally`] then answers any filter in a few
//! milliseconds, so the screen stays responsive with 10,000 people and 100,000 attempts. The CSV
//! export uses the same tally, so a file always carries the numbers the screen shows.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::quiz::Mode;
use crate::records::{Attempt, Conflict, CorrectionKind, FastMap, Learner, Status, Verification};

/// The group of people with records who are not on the roster (*di luar daftar*). No real
/// unit is named by an empty string: the roster refuses a row without a unit.
pub const OFF_ROSTER: &str = "";

/// A person's standing in one module, most settled first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Standing {
    /// A valid exam at or above the pass mark, or HR's waiver.
    Passed,
    /// Records that do not verify, or in conflict, and no valid pass: HR must look.
    Review,
    /// Valid attempts (practice or exam), no pass yet.
    InProgress,
    /// Nothing in the period.
    NotStarted,
}

impl Standing {
    pub const ALL: [Standing; 4] = [
        Standing::Passed,
        Standing::InProgress,
        Standing::NotStarted,
        Standing::Review,
    ];

    /// The Fluent key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Standing::Passed => "hr-standing-passed",
            Standing::InProgress => "hr-standing-in-progress",
            Standing::NotStarted => "hr-standing-not-started",
            Standing::Review => "hr-standing-review",
        }
    }

    fn index(self) -> usize {
        match self {
            Standing::Passed => 0,
            Standing::InProgress => 1,
            Standing::NotStarted => 2,
            Standing::Review => 3,
        }
    }
}

/// One person on HR's list: from the roster, or known only from records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub nip: Option<String>,
    pub name: String,
    /// The roster's unit when the person is on it, else the unit their profile gives.
    pub unit: String,
    pub on_roster: bool,
    /// Their learner profiles (one person may have used several PCs).
    pub learners: Vec<Uuid>,
}

/// An employee as the roster lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub nip: String,
    pub name: String,
    pub unit: String,
}

/// Something that happened to one person in one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Event {
    at: DateTime<Utc>,
    kind: EventKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EventKind {
    Passed { score: u8 },
    Attempted { score: u8, exam: bool },
    Flagged,
}

/// What the filters select.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// One module, or all.
    pub module: Option<String>,
    /// One unit, or all.
    pub unit: Option<String>,
    /// Records from this day on (local calendar days, inclusive).
    pub from: Option<NaiveDate>,
    /// Records up to this day (inclusive).
    pub to: Option<NaiveDate>,
    /// Part of a name or NIP; empty for everyone.
    pub search: String,
}

impl Filter {
    fn in_range(&self, at: DateTime<Utc>) -> bool {
        let day = at.with_timezone(&chrono::Local).date_naive();
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }

    /// Whether the search text (lowercased) finds the person.
    fn finds(person: &Person, needle: &str) -> bool {
        needle.is_empty()
            || person.name.to_lowercase().contains(needle)
            || person
                .nip
                .as_deref()
                .is_some_and(|nip| nip.contains(needle))
    }
}

/// Counts of each standing, indexed like [`Standing::ALL`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts(pub [usize; 4]);

impl Counts {
    pub fn get(&self, standing: Standing) -> usize {
        self.0[standing.index()]
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Whole percent of the total, rounded half up; 0 for an empty row.
    pub fn percent(&self, standing: Standing) -> u32 {
        let total = self.total();
        if total == 0 {
            return 0;
        }
        let part = self.get(standing);
        u32::try_from((part * 200 + total) / (total * 2)).unwrap_or(100)
    }

    fn add(&mut self, standing: Standing) {
        self.0[standing.index()] += 1;
    }
}

/// One unit's row: counts per module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitTally {
    pub unit: String,
    pub people: usize,
    pub modules: BTreeMap<String, Counts>,
}

/// The answer to one filter: units × modules, and the people it selected.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub units: Vec<UnitTally>,
    pub totals: BTreeMap<String, Counts>,
    /// Indexes into [`Board::people`], in the board's order.
    pub people: Vec<usize>,
}

/// Records matched to people, ready to be tallied under any filter.
#[derive(Debug, Clone, Default)]
pub struct Board {
    pub people: Vec<Person>,
    pub modules: Vec<String>,
    /// Per person, per module (same order as `modules`): what happened, oldest first.
    events: Vec<Vec<Vec<Event>>>,
    /// Whether a roster was given: without one, every person is "on the list".
    pub has_roster: bool,
}

/// What [`Board::build`] reads.
pub struct Sources<'a> {
    /// The roster's employees; `None` when HR has not imported one.
    pub roster: Option<&'a [Listed]>,
    /// People as the records identify them (`records::people`).
    pub learners: &'a [Learner],
    pub attempts: &'a [Attempt],
    pub verification: &'a Verification,
    pub conflicts: &'a [Conflict],
    pub modules: &'a [String],
}

impl Board {
    pub fn build(sources: &Sources<'_>) -> Board {
        let mut people: Vec<Person> = Vec::new();
        let mut by_nip: FastMap<String, usize> = FastMap::default();
        if let Some(roster) = sources.roster {
            for listed in roster {
                by_nip.insert(listed.nip.clone(), people.len());
                people.push(Person {
                    nip: Some(listed.nip.clone()),
                    name: listed.name.clone(),
                    unit: listed.unit.clone(),
                    on_roster: true,
                    learners: Vec::new(),
                });
            }
        }
        let mut by_learner: FastMap<Uuid, usize> = FastMap::default();
        for learner in sources.learners {
            let nip = learner.nip.as_ref().map(|n| n.as_str().to_owned());
            let index = match nip.as_ref().and_then(|n| by_nip.get(n)) {
                Some(&index) => index,
                None => {
                    let index = people.len();
                    if let Some(nip) = &nip {
                        by_nip.insert(nip.clone(), index);
                    }
                    people.push(Person {
                        nip,
                        name: learner.name.clone(),
                        unit: learner.unit.clone(),
                        on_roster: false,
                        learners: Vec::new(),
                    });
                    index
                }
            };
            people[index].learners.push(learner.id);
            by_learner.insert(learner.id, index);
        }
        let module_index: FastMap<&str, usize> = sources
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| (m.as_str(), i))
            .collect();
        let mut events = vec![vec![Vec::new(); sources.modules.len()]; people.len()];
        let voided = sources.verification.voided();
        let conflicted: std::collections::HashSet<Uuid> =
            sources.conflicts.iter().map(|c| c.id).collect();
        for attempt in sources.attempts {
            let Some(&module) = module_index.get(attempt.module.as_str()) else {
                continue;
            };
            // Records from PCs HR has not approved name their person only by what they signed:
            // match them through the roster's NIP so the person shows as needing review.
            let person = by_learner.get(&attempt.learner).copied().or_else(|| {
                let nip = attempt.taken_by.as_ref()?.nip.as_ref()?;
                by_nip.get(nip.as_str()).copied()
            });
            let Some(person) = person else { continue };
            if voided.contains(&attempt.id) {
                continue;
            }
            let status = sources.verification.status_of(&attempt.id);
            let score = attempt.score.percent();
            let kind = if status != Status::Valid || conflicted.contains(&attempt.id) {
                EventKind::Flagged
            } else if attempt.mode == Mode::Exam && attempt.passed {
                EventKind::Passed { score }
            } else {
                EventKind::Attempted {
                    score,
                    exam: attempt.mode == Mode::Exam,
                }
            };
            events[person][module].push(Event {
                at: attempt.finished,
                kind,
            });
        }
        for correction in &sources.verification.corrections {
            if let CorrectionKind::Waive { learner, module } = &correction.kind
                && let (Some(&person), Some(&module)) =
                    (by_learner.get(learner), module_index.get(module.as_str()))
            {
                events[person][module].push(Event {
                    at: correction.at,
                    kind: EventKind::Passed { score: 0 },
                });
            }
        }
        for cells in &mut events {
            for cell in cells {
                cell.sort_by_key(|e| e.at);
            }
        }
        // Units in order, people by name within them: the order every list shows.
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&people[a], &people[b]);
            (&a.unit, a.name.to_lowercase(), &a.nip).cmp(&(&b.unit, b.name.to_lowercase(), &b.nip))
        });
        let mut sorted_people = Vec::with_capacity(people.len());
        let mut sorted_events = Vec::with_capacity(people.len());
        let mut events: Vec<Option<Vec<Vec<Event>>>> = events.into_iter().map(Some).collect();
        for index in order {
            sorted_people.push(people[index].clone());
            sorted_events.push(events[index].take().unwrap_or_default());
        }
        Board {
            people: sorted_people,
            modules: sources.modules.to_vec(),
            events: sorted_events,
            has_roster: sources.roster.is_some(),
        }
    }

    /// The unit a person is counted under. With a roster, people not on it form one group,
    /// [`OFF_ROSTER`], so a unit typed differently on a PC does not split a real unit.
    pub fn group_of<'a>(&self, person: &'a Person) -> &'a str {
        if self.has_roster && !person.on_roster {
            OFF_ROSTER
        } else {
            &person.unit
        }
    }

    /// Units in the order the table shows them (the off-roster group, if any, last).
    pub fn units(&self) -> Vec<String> {
        let mut units: Vec<String> = self
            .people
            .iter()
            .map(|p| self.group_of(p).to_owned())
            .collect();
        units.sort();
        units.dedup();
        if units.first().is_some_and(|u| u == OFF_ROSTER) {
            units.rotate_left(1);
        }
        units
    }

    /// A person's standing in a module under the filter's dates.
    pub fn standing(&self, person: usize, module: usize, filter: &Filter) -> Standing {
        let mut standing = Standing::NotStarted;
        for event in &self.events[person][module] {
            if !filter.in_range(event.at) {
                continue;
            }
            let this = match event.kind {
                EventKind::Passed { .. } => return Standing::Passed,
                EventKind::Flagged => Standing::Review,
                EventKind::Attempted { .. } => Standing::InProgress,
            };
            standing = standing.min(this);
        }
        standing
    }

    /// The best valid score in the period (exams and practice alike), if any.
    pub fn best_score(&self, person: usize, module: usize, filter: &Filter) -> Option<u8> {
        self.events[person][module]
            .iter()
            .filter(|e| filter.in_range(e.at))
            .filter_map(|e| match e.kind {
                EventKind::Passed { score } | EventKind::Attempted { score, exam: true } => {
                    Some(score)
                }
                _ => None,
            })
            .max()
    }

    /// The day of the first pass in the period.
    pub fn passed_on(
        &self,
        person: usize,
        module: usize,
        filter: &Filter,
    ) -> Option<DateTime<Utc>> {
        self.events[person][module]
            .iter()
            .find(|e| filter.in_range(e.at) && matches!(e.kind, EventKind::Passed { .. }))
            .map(|e| e.at)
    }

    pub fn module_index(&self, module: &str) -> Option<usize> {
        self.modules.iter().position(|m| m == module)
    }

    /// Counts every selected person in every selected module.
    pub fn tally(&self, filter: &Filter) -> Tally {
        let needle = filter.search.trim().to_lowercase();
        let modules: Vec<usize> = match &filter.module {
            Some(module) => self.module_index(module).into_iter().collect(),
            None => (0..self.modules.len()).collect(),
        };
        let group_filter = filter.unit.as_deref();
        let mut units: BTreeMap<&str, UnitTally> = BTreeMap::new();
        let mut totals: BTreeMap<String, Counts> = BTreeMap::new();
        let mut people = Vec::new();
        for (index, person) in self.people.iter().enumerate() {
            let group = self.group_of(person);
            if group_filter.is_some_and(|wanted| wanted != group) {
                continue;
            }
            if !Filter::finds(person, &needle) {
                continue;
            }
            people.push(index);
            let row = units.entry(group).or_insert_with(|| UnitTally {
                unit: group.to_owned(),
                people: 0,
                modules: BTreeMap::new(),
            });
            row.people += 1;
            for &module in &modules {
                let standing = self.standing(index, module, filter);
                let id = &self.modules[module];
                row.modules.entry(id.clone()).or_default().add(standing);
                totals.entry(id.clone()).or_default().add(standing);
            }
        }
        // The off-roster group sorts first in the map; it belongs last in the table.
        let mut rows: Vec<UnitTally> = Vec::with_capacity(units.len());
        let off_roster = units.remove(OFF_ROSTER);
        rows.extend(units.into_values());
        rows.extend(off_roster);
        Tally {
            units: rows,
            totals,
            people,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(passed: usize, learning: usize, not_started: usize, review: usize) -> Counts {
        Counts([passed, learning, not_started, review])
    }

    #[test]
    fn percent_rounds_half_up_and_handles_empty() {
        assert_eq!(counts(1, 0, 2, 0).percent(Standing::Passed), 33);
        assert_eq!(counts(2, 0, 1, 0).percent(Standing::Passed), 67);
        assert_eq!(counts(1, 1, 0, 0).percent(Standing::Passed), 50);
        assert_eq!(counts(1, 7, 0, 0).percent(Standing::Passed), 13);
        assert_eq!(Counts::default().percent(Standing::Passed), 0);
    }

    #[test]
    fn standing_prefers_a_pass_then_review_then_learning() {
        let at = |day: u32| {
            NaiveDate::from_ymd_opt(2026, 9, day)
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap()
                .and_utc()
        };
        let board = Board {
            people: vec![Person {
                nip: None,
                name: "A".into(),
                unit: "U".into(),
                on_roster: true,
                learners: vec![],
            }],
            modules: vec!["m".into()],
            events: vec![vec![vec![
                Event {
                    at: at(1),
                    kind: EventKind::Attempted {
                        score: 40,
                        exam: false,
                    },
                },
                Event {
                    at: at(10),
                    kind: EventKind::Flagged,
                },
                Event {
                    at: at(20),
                    kind: EventKind::Passed { score: 90 },
                },
            ]]],
            has_roster: false,
        };
        let all = Filter::default();
        assert_eq!(board.standing(0, 0, &all), Standing::Passed);
        let until = |day| Filter {
            to: Some(NaiveDate::from_ymd_opt(2026, 9, day).unwrap()),
            ..Filter::default()
        };
        assert_eq!(board.standing(0, 0, &until(15)), Standing::Review);
        assert_eq!(board.standing(0, 0, &until(5)), Standing::InProgress);
        let after = Filter {
            from: Some(NaiveDate::from_ymd_opt(2026, 9, 25).unwrap()),
            ..Filter::default()
        };
        assert_eq!(board.standing(0, 0, &after), Standing::NotStarted);
        assert_eq!(board.best_score(0, 0, &until(15)), None);
        assert_eq!(board.best_score(0, 0, &all), Some(90));
    }
}
