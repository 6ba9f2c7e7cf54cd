//! What is known of each attempt's copy in use, kept in the order of `Loaded::attempts`.
//!
//! Reports walk 100,000 attempts in order; keeping what is known of them in the same order lets
//! them read it side by side instead of looking each one up in a large map (a cache miss per
//! record, the largest single cost of a load). Lookups by id still work, through a small map of
//! places.

use std::ops::Index;

use uuid::Uuid;

use crate::records::store::{FastMap, Held};

#[derive(Debug, Clone, Default)]
pub struct HeldMap {
    /// Attempt id → its place.
    places: FastMap<Uuid, u32>,
    /// The ids and what is known of them, in place order.
    ids: Vec<Uuid>,
    held: Vec<Held>,
}

impl HeldMap {
    /// From what is known of each attempt, in the order of the attempts (ids unique).
    pub(crate) fn in_order(ids: Vec<Uuid>, held: Vec<Held>) -> HeldMap {
        let mut places = FastMap::with_capacity_and_hasher(ids.len(), Default::default());
        for (place, id) in ids.iter().enumerate() {
            places.insert(*id, u32::try_from(place).unwrap_or(u32::MAX));
        }
        HeldMap { places, ids, held }
    }

    pub fn get(&self, id: &Uuid) -> Option<&Held> {
        self.held.get(*self.places.get(id)? as usize)
    }

    /// What is known of the attempt `id` at `place` in `Loaded::attempts`: read in place when it
    /// is there (the usual case), else looked up (a list that was changed since it was loaded).
    pub fn of(&self, place: usize, id: &Uuid) -> Option<&Held> {
        if self.ids.get(place) == Some(id) {
            return self.held.get(place);
        }
        self.get(id)
    }

    pub fn contains_key(&self, id: &Uuid) -> bool {
        self.places.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// Ids and what is known of them, in the order of the attempts.
    pub fn iter(&self) -> impl Iterator<Item = (&Uuid, &Held)> {
        self.ids.iter().zip(&self.held)
    }
}

impl Index<&Uuid> for HeldMap {
    type Output = Held;

    /// Panics when the id is not held, as a map does.
    fn index(&self, id: &Uuid) -> &Held {
        self.get(id).expect("an attempt id that is held")
    }
}
