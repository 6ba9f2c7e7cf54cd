//! Drawing a quiz from a module's pool.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::content::{Form, Module};

/// One question as it appears in a quiz: which question, and the order its options are shown in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Drawn {
    pub question: String,
    /// `order[shown] = written`: the written option index shown at each position.
    pub order: Vec<usize>,
}

/// Draws up to `count` questions (from one form, or the whole pool), in a shuffled order with
/// shuffled options. ChaCha8 is stable across platforms and crate versions, so a seed always
/// gives the same quiz.
pub fn draw(module: &Module, count: usize, seed: u64, form: Option<Form>) -> Vec<Drawn> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut pool: Vec<_> = module
        .questions
        .iter()
        .filter(|question| form.is_none_or(|form| question.form == form))
        .collect();
    pool.shuffle(&mut rng);
    pool.truncate(count);
    pool.into_iter()
        .map(|question| {
            let mut order: Vec<usize> = (0..question.option_count()).collect();
            if question.shuffles_options() {
                order.shuffle(&mut rng);
            }
            Drawn {
                question: question.id.clone(),
                order,
            }
        })
        .collect()
}
