//! One quiz in progress: where the learner is, what they chose, what they confirmed.

use crate::content::{Module, QuestionKind};
use crate::quiz::Mode;
use crate::quiz::draw::Drawn;
use crate::quiz::score::{Score, is_correct};

/// Where the learner is on the current question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Choosing; nothing confirmed yet.
    Answering,
    /// Practice mode, after confirming: the feedback is shown.
    Feedback,
    /// Every question is answered.
    Finished,
}

#[derive(Debug, Clone)]
pub struct QuizRun {
    pub module: String,
    pub mode: Mode,
    pub seed: u64,
    pub drawn: Vec<Drawn>,
    /// Confirmed answers as written option indexes, one per drawn question.
    answers: Vec<Option<Vec<usize>>>,
    /// The current selection, as shown positions.
    selection: Vec<usize>,
    position: usize,
    phase: Phase,
}

impl QuizRun {
    pub fn new(module: &Module, mode: Mode, seed: u64, drawn: Vec<Drawn>) -> Self {
        let count = drawn.len();
        Self {
            module: module.id.clone(),
            mode,
            seed,
            drawn,
            answers: vec![None; count],
            selection: Vec::new(),
            position: 0,
            phase: if count == 0 {
                Phase::Finished
            } else {
                Phase::Answering
            },
        }
    }

    /// A run taken up again: the answers confirmed before, the first unanswered question next.
    /// Answers that do not fit the drawn questions (a changed file) are dropped.
    pub fn resume(
        module: &Module,
        mode: Mode,
        seed: u64,
        drawn: Vec<Drawn>,
        answers: Vec<Option<Vec<usize>>>,
    ) -> Self {
        let mut run = Self::new(module, mode, seed, drawn);
        for (slot, answer) in run.answers.iter_mut().zip(answers) {
            *slot = answer;
        }
        for (index, drawn) in run.drawn.iter().enumerate() {
            let fits = run.answers[index]
                .as_ref()
                .is_none_or(|a| !a.is_empty() && a.iter().all(|&o| o < drawn.order.len()));
            if !fits {
                run.answers[index] = None;
            }
        }
        match run.answers.iter().position(Option::is_none) {
            Some(next) => run.position = next,
            None => {
                run.position = run.drawn.len().saturating_sub(1);
                run.phase = Phase::Finished;
            }
        }
        run
    }

    /// Every confirmed answer, by drawn question (for saving an unfinished exam).
    pub fn answers(&self) -> &[Option<Vec<usize>>] {
        &self.answers
    }

    /// How many questions have a confirmed answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    pub fn position(&self) -> usize {
        self.position
    }

    pub fn len(&self) -> usize {
        self.drawn.len()
    }

    pub fn is_empty(&self) -> bool {
        self.drawn.is_empty()
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn current(&self) -> Option<&Drawn> {
        self.drawn.get(self.position)
    }

    /// Shown positions currently selected.
    pub fn selection(&self) -> &[usize] {
        &self.selection
    }

    /// The confirmed answer to drawn question `index`, as written option indexes.
    pub fn answer(&self, index: usize) -> Option<&[usize]> {
        self.answers.get(index)?.as_deref()
    }

    /// Chooses the option shown at `shown`: replaces the choice for single answer questions,
    /// toggles it for multiple select. Ignored once confirmed.
    pub fn choose(&mut self, module: &Module, shown: usize) {
        if self.phase != Phase::Answering {
            return;
        }
        let Some(drawn) = self.current() else { return };
        if shown >= drawn.order.len() {
            return;
        }
        let multiple = module
            .question(&drawn.question)
            .is_some_and(|q| q.kind == QuestionKind::Multiple);
        if multiple {
            if let Some(at) = self.selection.iter().position(|&s| s == shown) {
                self.selection.remove(at);
            } else {
                self.selection.push(shown);
                self.selection.sort_unstable();
            }
        } else {
            self.selection = vec![shown];
        }
    }

    pub fn can_confirm(&self) -> bool {
        self.phase == Phase::Answering && !self.selection.is_empty()
    }

    /// Locks in the selection. Practice shows feedback next; an exam moves on.
    pub fn confirm(&mut self) {
        if !self.can_confirm() {
            return;
        }
        let Some(drawn) = self.current() else { return };
        let mut written: Vec<usize> = self
            .selection
            .iter()
            .map(|&shown| drawn.order[shown])
            .collect();
        written.sort_unstable();
        self.answers[self.position] = Some(written);
        match self.mode {
            Mode::Practice => self.phase = Phase::Feedback,
            Mode::Exam => self.advance(),
        }
    }

    /// After feedback, goes to the next question (or finishes).
    pub fn next(&mut self) {
        if self.phase == Phase::Feedback {
            self.advance();
        }
    }

    fn advance(&mut self) {
        self.selection.clear();
        if self.position + 1 < self.drawn.len() {
            self.position += 1;
            self.phase = Phase::Answering;
        } else {
            self.phase = Phase::Finished;
        }
    }

    /// Whether the confirmed answer to drawn question `index` is right.
    pub fn is_right(&self, module: &Module, index: usize) -> Option<bool> {
        let drawn = self.drawn.get(index)?;
        let answer = self.answer(index)?;
        Some(
            module
                .question(&drawn.question)
                .is_some_and(|q| is_correct(q, answer)),
        )
    }

    pub fn score(&self, module: &Module) -> Score {
        let correct = (0..self.drawn.len())
            .filter(|&index| self.is_right(module, index) == Some(true))
            .count();
        Score {
            correct: u32::try_from(correct).unwrap_or(u32::MAX),
            total: u32::try_from(self.drawn.len()).unwrap_or(u32::MAX),
        }
    }
}
