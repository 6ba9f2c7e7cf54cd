//! Scoring: a question is right when exactly the right options are chosen (multiple select is
//! all-or-nothing, so guessing every box never scores).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::content::Question;

pub fn is_correct(question: &Question, chosen: &[usize]) -> bool {
    let chosen: BTreeSet<usize> = chosen.iter().copied().collect();
    let right: BTreeSet<usize> = question.correct.iter().copied().collect();
    !chosen.is_empty() && chosen == right
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Score {
    pub correct: u32,
    pub total: u32,
}

impl Score {
    /// Whole percent, rounded down so that 79.9% never shows as a pass mark of 80.
    pub fn percent(self) -> u8 {
        if self.total == 0 {
            return 0;
        }
        u8::try_from(self.correct * 100 / self.total).unwrap_or(100)
    }

    /// Passed when the exact ratio reaches the pass mark (no rounding in the learner's favour
    /// or against it).
    pub fn passed(self, pass_mark: u8) -> bool {
        self.total > 0 && self.correct * 100 >= u32::from(pass_mark) * self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_and_pass() {
        let cases = [
            (8, 10, 80, 80, true),
            (7, 10, 70, 80, false),
            (10, 10, 100, 80, true),
            (0, 10, 0, 80, false),
            (0, 0, 0, 80, false),
            (2, 3, 66, 66, true),
            (2, 3, 66, 67, false),
            (11, 12, 91, 80, true),
        ];
        for (correct, total, percent, mark, passed) in cases {
            let score = Score { correct, total };
            assert_eq!(score.percent(), percent, "{correct}/{total}");
            assert_eq!(score.passed(mark), passed, "{correct}/{total} vs {mark}");
        }
    }
}
