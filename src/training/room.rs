//! The room quiz: questions the trainer projects and the room answers by raising cards. Pure:
//! which questions, and the share of the cards each option got.

use std::collections::BTreeMap;

use crate::content::{Module, QuestionKind};

/// Questions one room quiz asks: at about three minutes each (read, raise cards, count,
/// discuss), a good half hour.
pub const ROOM_QUIZ_MAX: usize = 8;

/// Most raised cards one option can be given: more people than any hall holds.
pub const COUNT_MAX: u32 = 999;

/// The module's questions for a room quiz, in pool order: its scenario questions (cases to
/// discuss, not facts to recall) that a raised card can answer (one right option: true/false
/// or single choice), spread over the lessons — each lesson's first such question, then each
/// lesson's second, and so on — up to [`ROOM_QUIZ_MAX`].
pub fn room_questions(module: &Module) -> Vec<String> {
    let mut by_lesson: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (position, question) in module.questions.iter().enumerate() {
        if question.scenario && question.kind != QuestionKind::Multiple {
            let lesson = module.lesson_index(&question.lesson).unwrap_or(usize::MAX);
            by_lesson.entry(lesson).or_default().push(position);
        }
    }
    let mut chosen = Vec::new();
    let deepest = by_lesson.values().map(Vec::len).max().unwrap_or(0);
    'rounds: for round in 0..deepest {
        for positions in by_lesson.values() {
            if chosen.len() == ROOM_QUIZ_MAX {
                break 'rounds;
            }
            if let Some(&position) = positions.get(round) {
                chosen.push(position);
            }
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|position| module.questions[position].id.clone())
        .collect()
}

/// Whole percents of `counts`' total that add up to exactly 100 (largest remainder), or all
/// zero when nothing was counted.
pub fn percents(counts: &[u32]) -> Vec<u32> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let mut shares: Vec<u32> = counts
        .iter()
        .map(|&c| u32::try_from(u64::from(c) * 100 / total).unwrap_or(100))
        .collect();
    let mut left = 100 - shares.iter().sum::<u32>();
    // Hand the points lost to rounding down to the largest remainders, the first on a tie.
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(u64::from(counts[i]) * 100 % total));
    for i in order {
        if left == 0 {
            break;
        }
        if counts[i] > 0 {
            shares[i] += 1;
            left -= 1;
        }
    }
    shares
}

/// A count over [`COUNT_MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverCap;

/// A typed count: its digits, as a number up to [`COUNT_MAX`]; `None` when there are none. A
/// number over the cap is refused, so a fourth digit leaves the field as it was.
pub fn parse_count(typed: &str) -> Result<Option<u32>, OverCap> {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= COUNT_MAX => Ok(Some(n)),
        _ => Err(OverCap),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_embedded;

    #[test]
    fn room_questions_are_scenarios_with_one_right_option_spread_over_the_lessons() {
        let catalog = load_embedded().unwrap();
        for module in &catalog.modules {
            let ids = room_questions(module);
            assert!(
                !ids.is_empty() && ids.len() <= ROOM_QUIZ_MAX,
                "{}",
                module.id
            );
            let positions: Vec<usize> = ids
                .iter()
                .map(|id| module.questions.iter().position(|q| &q.id == id).unwrap())
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "pool order");
            for id in &ids {
                let question = module.question(id).unwrap();
                assert!(question.scenario, "{id}");
                assert_ne!(question.kind, QuestionKind::Multiple, "{id}");
            }
            // Every lesson that has such a question is asked about.
            for lesson in &module.lessons {
                let has = module.questions.iter().any(|q| {
                    q.lesson == lesson.id && q.scenario && q.kind != QuestionKind::Multiple
                });
                let asked = ids
                    .iter()
                    .any(|id| module.question(id).unwrap().lesson == lesson.id);
                assert_eq!(has, asked, "{} {}", module.id, lesson.id);
            }
        }
    }

    #[test]
    fn room_questions_of_the_asn_module() {
        let catalog = load_embedded().unwrap();
        let asn = catalog.module("asn").unwrap();
        // Lessons 1–4 each give their first two scenario questions (q13 has several right
        // options), in pool order (asn-q04 is reviewed in lesson 3).
        assert_eq!(
            room_questions(asn),
            [
                "asn-q02", "asn-q04", "asn-q06", "asn-q08", "asn-q15", "asn-q19", "asn-q21",
                "asn-q30"
            ]
        );
    }

    #[test]
    fn percents_add_up_to_100() {
        assert_eq!(percents(&[1, 1, 1]), [34, 33, 33]);
        assert_eq!(percents(&[12, 38, 0, 0]), [24, 76, 0, 0]);
        assert_eq!(percents(&[0, 0]), [0, 0]);
        assert_eq!(percents(&[2, 1]), [67, 33]);
        assert_eq!(percents(&[999, 1, 0]), [100, 0, 0]);
        assert_eq!(percents(&[]), Vec::<u32>::new());
    }

    #[test]
    fn counts_take_digits_up_to_the_cap() {
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("12"), Ok(Some(12)));
        assert_eq!(parse_count("1a2"), Ok(Some(12)));
        assert_eq!(parse_count("007"), Ok(Some(7)));
        assert_eq!(parse_count("999"), Ok(Some(999)));
        assert_eq!(parse_count("1000"), Err(OverCap));
        assert_eq!(parse_count("-"), Ok(None));
    }
}
