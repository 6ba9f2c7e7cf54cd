//! Quizzes: drawing questions from a pool, taking answers, scoring. Pure and seeded, so the same
//! seed gives the same quiz (tests, and a trainer's room quiz on several machines).

mod draw;
mod run;
mod score;

pub use draw::{Drawn, draw};
pub use run::{Phase, QuizRun};
pub use score::{Score, is_correct};

use serde::{Deserialize, Serialize};

/// How a quiz gives feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// Latihan: right or wrong, the explanation and the article after every answer.
    Practice,
    /// Ujian: feedback only at the end; the result counts for the module status.
    Exam,
}
