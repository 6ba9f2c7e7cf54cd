//! The records as HR's screens see them at one moment: loaded, verified, matched to people and
//! to the roster. Built once in the background when the HR area opens or after an import; every
//! filter then works on it in memory.

use crate::hr::completion::{Board, Listed, Sources};
use crate::hr::review::{self, Item};
use crate::hr::roster::{Roster, RosterError};
use crate::records::{Learner, Loaded, Store, Verification, people, verify_loaded};

pub struct Snapshot {
    pub loaded: Loaded,
    pub verification: Verification,
    pub people: Vec<Learner>,
    pub board: Board,
    pub review: Vec<Item>,
    pub roster: Roster,
    /// The roster file could not be read (newer or damaged): the views work without it and
    /// say why.
    pub roster_error: Option<RosterError>,
}

impl Snapshot {
    /// Reads the store without tidying it (the learner side of the app tidies at start), and
    /// HR's roster.
    pub fn read(store: &Store, modules: &[String]) -> Snapshot {
        let (roster, roster_error) = match Roster::load(store.root()) {
            Ok(roster) => (roster, None),
            Err(error) => (Roster::default(), Some(error)),
        };
        Snapshot::of(store.read(), roster, roster_error, modules)
    }

    pub fn of(
        loaded: Loaded,
        roster: Roster,
        roster_error: Option<RosterError>,
        modules: &[String],
    ) -> Snapshot {
        let listed: Vec<Listed> = roster
            .employees()
            .iter()
            .map(|e| Listed {
                nip: e.nip.clone(),
                name: e.name.clone(),
                unit: e.unit.clone(),
            })
            .collect();
        // No roster imported yet: units come from the learners' profiles.
        let roster_rows = (!listed.is_empty()).then_some(listed.as_slice());
        let verification = verify_loaded(&loaded);
        let people = people(&loaded, &verification);
        let board = Board::build(&Sources {
            roster: roster_rows,
            learners: &people,
            attempts: &loaded.attempts,
            verification: &verification,
            conflicts: &loaded.conflicts,
            modules,
        });
        let review = review::items(&loaded, &verification);
        Snapshot {
            loaded,
            verification,
            people,
            board,
            review,
            roster,
            roster_error,
        }
    }
}
