//! The records as HR's screens see them at one moment: loaded, verified, matched to people and
//! to the roster. Built once in the background when the HR area opens or after an import; every
//! filter then works on it in memory.

use crate::hr::completion::{Board, Listed, Sources};
use crate::hr::review::{self, Item};
use crate::records::{Learner, Loaded, Store, Verification, people, verify_loaded};

pub struct Snapshot {
    pub loaded: Loaded,
    pub verification: Verification,
    pub people: Vec<Learner>,
    pub board: Board,
    pub review: Vec<Item>,
}

impl Snapshot {
    /// Reads the store without tidying it (the learner side of the app tidies at start).
    pub fn read(store: &Store, roster: Option<&[Listed]>, modules: &[String]) -> Snapshot {
        Snapshot::of(store.read(), roster, modules)
    }

    pub fn of(loaded: Loaded, roster: Option<&[Listed]>, modules: &[String]) -> Snapshot {
        let verification = verify_loaded(&loaded);
        let people = people(&loaded, &verification);
        let board = Board::build(&Sources {
            roster,
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
        }
    }
}
