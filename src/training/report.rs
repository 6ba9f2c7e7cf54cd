//! The session report (*laporan sesi*): what the room learned, as plain numbers over a session,
//! its attempts and the module tested. Pure arithmetic, no I/O: the trainer's screen, the PDF
//! and the CSV files all read the same [`Report`], so they can never disagree.
//!
//! # How the numbers are made (what the trainer reads)
//!
//! - **Who counts.** The people on the session's list (not removed), in list order. An attempt
//!   belongs to a participant when the NIP it was taken under (`taken_by`) is theirs. Only
//!   attempts tagged with this session's token and made on the tested module are read; of
//!   those, an attempt whose NIP is on no one's list (or that has no NIP) counts only in
//!   [`Report::unmatched`].
//! - **Scores.** A participant's pre-test (post-test) score is the percent of their **first**
//!   pre-test (post-test) attempt of the session, by start time (a retake does not replace it),
//!   in whole percent 0–100 as the learner saw it. Everything below (means, medians, gains, pass
//!   rate, item and article shares) is computed from those first attempts only.
//! - **Mean and median** are over the participants who took that test. The median of an even
//!   count is the mean of the two middle scores.
//! - **Gain** is `post − pre`, in percentage points, for a participant who took both tests.
//! - **Normalised gain** (Hake's *g*) is `g = (post − pre) / (100 − pre)`: the share of what a
//!   participant could still gain that they gained (1 = everything, 0 = nothing, below 0 = they
//!   did worse). A participant with pre = 100 had nothing left to gain: their *g* is undefined,
//!   shown as [`Gain::PreAtMaximum`], left out of [`Report::mean_g`] and counted in
//!   [`Report::pre_at_maximum`].
//! - **Class gain** `<g>` is Hake's gain of the means, over the participants who took both
//!   tests: `(mean post − mean pre) / (100 − mean pre)`; none when their mean pre is 100.
//!   **Mean g** is the plain mean of the individual *g* values. The two differ: `<g>` weighs
//!   everyone's points alike, mean g weighs everyone's *g* alike.
//! - **Pass rate** is the share of post-test takers whose post-test passed the module's mark.
//! - **Items.** One row per question of the module that was asked in either test: how many of
//!   those who were asked it got it right, in the pre-test and in the post-test. The two tests
//!   use parallel forms (A and B), so a question is usually asked in one test only.
//! - **Articles.** One row per cited article (the citation as printed in the report's language):
//!   the answers to every question that cites it, added up per test. A question citing two
//!   articles counts in both. Articles are where the pre- and post-test meet.
//! - **Flag.** An item or article is *still misunderstood after training* when fewer than
//!   [`FLAG_BELOW_PERCENT`] % of its post-test answers were right, with at least
//!   [`FLAG_MIN_ANSWERS`] answers (fewer say too little to flag anything).

use std::collections::{BTreeMap, HashMap};

use crate::content::{Form, Instrument, Module, format_citation};
use crate::lang::Lang;
use crate::records::Attempt;
use crate::training::session::{Session, TestPhase};

/// Below this share of right post-test answers (in percent), an item or article is flagged.
pub const FLAG_BELOW_PERCENT: usize = 60;
/// Fewest post-test answers an item or article needs before it can be flagged.
pub const FLAG_MIN_ANSWERS: usize = 3;

/// The session report. Scores and shares are in percent (0–100); gains as described in the
/// module docs.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// People on the list.
    pub listed: usize,
    /// People on the list marked present.
    pub present: usize,
    /// The pre-test, over the participants who took it.
    pub pre: Stats,
    /// The post-test, over the participants who took it.
    pub post: Stats,
    /// Every listed participant, in list order.
    pub people: Vec<PersonRow>,
    /// Share (0..=1) of post-test takers who passed; `None` when nobody took it.
    pub pass_rate: Option<f64>,
    /// Post-test takers who passed (the numerator of `pass_rate`).
    pub passed: usize,
    /// Hake's `<g>` from the means of the participants who took both tests.
    pub class_gain: Option<f64>,
    /// Mean of the individual *g* (participants with both tests and pre < 100).
    pub mean_g: Option<f64>,
    /// Participants with both tests whose *g* is a number (those in `mean_g`).
    pub with_g: usize,
    /// Participants with both tests and pre = 100 (no *g*, left out of `mean_g`).
    pub pre_at_maximum: usize,
    /// Per question of the module asked in either test, in the module's order.
    pub items: Vec<ItemRow>,
    /// Per cited article, in the order the module's questions first cite them.
    pub articles: Vec<ArticleRow>,
    /// Attempts of this session and module whose NIP is not on the list.
    pub unmatched: usize,
}

/// Takers, mean and median of one test.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    pub takers: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

/// One participant's line.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub present: bool,
    /// Percent of the first pre-test.
    pub pre: Option<f64>,
    /// Percent of the first post-test.
    pub post: Option<f64>,
    /// `post − pre`, in points.
    pub gain: Option<f64>,
    pub g: Gain,
    /// Whether the first post-test passed.
    pub passed: Option<bool>,
}

/// A participant's normalised gain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gain {
    /// A test is missing.
    None,
    /// `(post − pre) / (100 − pre)`.
    Value(f64),
    /// Pre = 100: no room to gain, so *g* is undefined (left out of the means).
    PreAtMaximum,
}

impl Gain {
    pub fn value(self) -> Option<f64> {
        match self {
            Gain::Value(g) => Some(g),
            Gain::None | Gain::PreAtMaximum => None,
        }
    }
}

/// How one question went.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    /// The question's id.
    pub question: String,
    /// Its stem in the report's language.
    pub stem: String,
    pub form: Form,
    /// The learning objective it tests, in the report's language (its id when untranslated).
    pub objective: String,
    /// The articles it cites, as printed.
    pub articles: Vec<String>,
    pub pre: Option<Share>,
    pub post: Option<Share>,
    /// Still misunderstood after training (see the module docs).
    pub flagged: bool,
}

/// Right answers out of answers given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    pub right: usize,
    pub asked: usize,
}

impl Share {
    /// Percent right, 0–100 (0 when nothing was asked).
    pub fn percent(self) -> f64 {
        if self.asked == 0 {
            return 0.0;
        }
        self.right as f64 * 100.0 / self.asked as f64
    }

    fn add(&mut self, other: Share) {
        self.right += other.right;
        self.asked += other.asked;
    }
}

/// How the questions citing one article went.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRow {
    /// The citation as printed in the report's language.
    pub article: String,
    pub pre: Option<Share>,
    pub post: Option<Share>,
    pub flagged: bool,
}

/// Whether a post-test share flags its item or article (see the module docs).
pub fn is_flagged(post: Option<Share>) -> bool {
    post.is_some_and(|share| {
        share.asked >= FLAG_MIN_ANSWERS && share.right * 100 < FLAG_BELOW_PERCENT * share.asked
    })
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

fn stats(values: &[f64]) -> Stats {
    Stats {
        takers: values.len(),
        mean: mean(values),
        median: median(values),
    }
}

/// `g` of one participant.
fn normalised_gain(pre: f64, post: f64) -> Gain {
    if pre >= 100.0 {
        Gain::PreAtMaximum
    } else {
        Gain::Value((post - pre) / (100.0 - pre))
    }
}

/// The first pre- and post-test of each listed participant (by index on the list).
struct FirstAttempts<'a> {
    by_person: HashMap<(usize, TestPhase), &'a Attempt>,
    unmatched: usize,
}

fn first_attempts<'a>(
    session: &Session,
    listed: &[&crate::training::Participant],
    attempts: &'a [Attempt],
    module: &Module,
) -> FirstAttempts<'a> {
    let index: HashMap<&str, usize> = listed
        .iter()
        .enumerate()
        .map(|(i, p)| (p.nip.as_str(), i))
        .collect();
    let mut ours: Vec<(&'a Attempt, TestPhase)> = attempts
        .iter()
        .filter(|a| a.module == module.id)
        .filter_map(|a| {
            let tag = a.session.as_ref()?;
            (tag.token == session.token).then_some((a, tag.phase))
        })
        .collect();
    ours.sort_by_key(|(a, _)| (a.started, a.finished, a.id));
    let mut first = FirstAttempts {
        by_person: HashMap::new(),
        unmatched: 0,
    };
    for (attempt, phase) in ours {
        let nip = attempt
            .taken_by
            .as_ref()
            .and_then(|info| info.nip.as_ref())
            .map(crate::records::Nip::as_str);
        match nip.and_then(|nip| index.get(nip)) {
            Some(&person) => {
                first.by_person.entry((person, phase)).or_insert(attempt);
            }
            None => first.unmatched += 1,
        }
    }
    first
}

impl Report {
    /// The report of `session` from its `attempts` on the tested `module`; article labels are
    /// printed in `lang` with the names in `instruments` (the catalogue's).
    pub fn new(
        session: &Session,
        attempts: &[Attempt],
        module: &Module,
        instruments: &BTreeMap<String, Instrument>,
        lang: Lang,
    ) -> Report {
        let listed: Vec<_> = session.listed().collect();
        let first = first_attempts(session, &listed, attempts, module);
        let score = |person: usize, phase: TestPhase| {
            first
                .by_person
                .get(&(person, phase))
                .map(|a| f64::from(a.score.percent()))
        };

        let people: Vec<PersonRow> = listed
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let pre = score(i, TestPhase::Pre);
                let post = score(i, TestPhase::Post);
                let (gain, g) = match (pre, post) {
                    (Some(pre), Some(post)) => (Some(post - pre), normalised_gain(pre, post)),
                    _ => (None, Gain::None),
                };
                PersonRow {
                    nip: p.nip.clone(),
                    name: p.name.clone(),
                    unit: p.unit.clone(),
                    present: p.present.is_some(),
                    pre,
                    post,
                    gain,
                    g,
                    passed: first.by_person.get(&(i, TestPhase::Post)).map(|a| a.passed),
                }
            })
            .collect();

        let pre: Vec<f64> = people.iter().filter_map(|p| p.pre).collect();
        let post: Vec<f64> = people.iter().filter_map(|p| p.post).collect();
        let passed = people.iter().filter(|p| p.passed == Some(true)).count();
        let both: Vec<(f64, f64)> = people
            .iter()
            .filter_map(|p| Some((p.pre?, p.post?)))
            .collect();
        let class_gain = match (
            mean(&both.iter().map(|b| b.0).collect::<Vec<_>>()),
            mean(&both.iter().map(|b| b.1).collect::<Vec<_>>()),
        ) {
            (Some(mean_pre), Some(mean_post)) if mean_pre < 100.0 => {
                Some((mean_post - mean_pre) / (100.0 - mean_pre))
            }
            _ => None,
        };
        let gs: Vec<f64> = people.iter().filter_map(|p| p.g.value()).collect();

        let (items, articles) = item_analysis(&first, module, instruments, lang);
        Report {
            listed: listed.len(),
            present: session.present_count(),
            pre: stats(&pre),
            post: stats(&post),
            pass_rate: (!post.is_empty()).then(|| passed as f64 / post.len() as f64),
            passed,
            class_gain,
            mean_g: mean(&gs),
            with_g: gs.len(),
            pre_at_maximum: people.iter().filter(|p| p.g == Gain::PreAtMaximum).count(),
            people,
            items,
            articles,
            unmatched: first.unmatched,
        }
    }

    /// The items flagged as still misunderstood.
    pub fn flagged_items(&self) -> impl Iterator<Item = &ItemRow> {
        self.items.iter().filter(|item| item.flagged)
    }
}

/// Adds `share` to `slot`, making it when it is the first.
fn add_to(slot: &mut Option<Share>, share: Share) {
    slot.get_or_insert_with(Share::default).add(share);
}

fn item_analysis(
    first: &FirstAttempts<'_>,
    module: &Module,
    instruments: &BTreeMap<String, Instrument>,
    lang: Lang,
) -> (Vec<ItemRow>, Vec<ArticleRow>) {
    let mut shares: HashMap<(&str, TestPhase), Share> = HashMap::new();
    for (&(_, phase), attempt) in &first.by_person {
        for answer in &attempt.answers {
            let share = shares.entry((answer.question.as_str(), phase)).or_default();
            share.asked += 1;
            share.right += usize::from(answer.correct);
        }
    }
    let mut items = Vec::new();
    let mut articles: Vec<ArticleRow> = Vec::new();
    let mut article_index: HashMap<String, usize> = HashMap::new();
    for question in &module.questions {
        let pre = shares.get(&(question.id.as_str(), TestPhase::Pre)).copied();
        let post = shares
            .get(&(question.id.as_str(), TestPhase::Post))
            .copied();
        if pre.is_none() && post.is_none() {
            continue;
        }
        let mut labels: Vec<String> = Vec::new();
        for cite in &question.cites {
            let label = format_citation(cite, instruments.get(&cite.instrument), lang);
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        for label in &labels {
            let at = *article_index.entry(label.clone()).or_insert_with(|| {
                articles.push(ArticleRow {
                    article: label.clone(),
                    pre: None,
                    post: None,
                    flagged: false,
                });
                articles.len() - 1
            });
            let row = &mut articles[at];
            if let Some(pre) = pre {
                add_to(&mut row.pre, pre);
            }
            if let Some(post) = post {
                add_to(&mut row.post, post);
            }
        }
        items.push(ItemRow {
            question: question.id.clone(),
            stem: question.text(lang).stem.clone(),
            form: question.form,
            objective: module
                .objective(&question.objective)
                .map_or_else(|| question.objective.clone(), |o| o.text.get(lang).clone()),
            articles: labels,
            pre,
            post,
            flagged: is_flagged(post),
        });
    }
    for row in &mut articles {
        row.flagged = is_flagged(row.post);
    }
    (items, articles)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::content::{Citation, ModuleSource, Objective, Question, QuestionKind, QuestionText};
    use crate::lang::PerLang;
    use crate::quiz::{Mode, Score};
    use crate::records::{AnswerRecord, LearnerInfo, Nip};
    use crate::training::session::{Added, Forms, SESSION_VERSION};
    use crate::training::{Participant, SessionTag};

    const TOKEN: &str = "K7Q39P";

    fn at(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap() + Duration::minutes(minutes)
    }

    pub(crate) fn nip(n: u32) -> String {
        format!("19850101201001{}{n:03}", 1 + n % 2)
    }

    fn per_lang(text: &str) -> PerLang<String> {
        PerLang {
            id: text.into(),
            en: format!("{text} (en)"),
        }
    }

    fn cite(pasal: &str, ayat: Option<&str>, huruf: Option<&str>) -> Citation {
        Citation {
            instrument: "uu-20-2023".into(),
            pasal: Some(pasal.into()),
            ayat: ayat.map(Into::into),
            huruf: huruf.map(Into::into),
            angka: None,
            penjelasan: false,
        }
    }

    pub(crate) fn instruments() -> BTreeMap<String, Instrument> {
        let uu = crate::content::citation::tests::uu20();
        BTreeMap::from([(uu.id.clone(), uu)])
    }

    fn question(id: &str, form: Form, cites: Vec<Citation>) -> Question {
        let text = |stem: String| QuestionText {
            stem,
            options: Vec::new(),
            explanation: String::new(),
        };
        Question {
            id: id.into(),
            kind: QuestionKind::Single,
            correct: vec![0],
            lesson: "l1".into(),
            objective: "o1".into(),
            form,
            scenario: false,
            cites,
            text: PerLang {
                id: text(format!("Soal {id}")),
                en: text(format!("Question {id}")),
            },
        }
    }

    /// Article X is Pasal 9, Y is Pasal 24 ayat (1) huruf d, Z is Pasal 52.
    pub(crate) fn module() -> Module {
        let x = || cite("9", None, None);
        let y = || cite("24", Some("1"), Some("d"));
        Module {
            id: "asn".into(),
            order: 1,
            pass_mark: 80,
            quiz_size: 10,
            checked: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            jp: 2,
            jp_declared: true,
            title: per_lang("ASN dan UU No. 20 Tahun 2023"),
            summary: per_lang(""),
            objectives: vec![Objective {
                id: "o1".into(),
                text: per_lang("Memahami netralitas"),
            }],
            lessons: Vec::new(),
            questions: vec![
                question("a1", Form::A, vec![x()]),
                // Cites X twice (ayat and body): counted once for X.
                question("a2", Form::A, vec![x(), y(), x()]),
                question("a3", Form::A, vec![x()]),
                question("b1", Form::B, vec![x()]),
                question("b2", Form::B, vec![y()]),
                question("b3", Form::B, vec![cite("52", None, None)]),
            ],
            pack: None,
            source: ModuleSource::embedded(),
        }
    }

    fn person(n: u32, name: &str, present: bool) -> Participant {
        Participant {
            nip: nip(n),
            name: name.into(),
            unit: "Bagian Umum".into(),
            position: None,
            added: Added::Typed,
            present: present.then(|| at(-30)),
            removed: false,
            changed: at(-60),
        }
    }

    pub(crate) fn session(participants: Vec<Participant>) -> Session {
        Session {
            version: SESSION_VERSION,
            id: crate::training::session_id(TOKEN),
            token: TOKEN.into(),
            title: "Sosialisasi netralitas ASN".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            place: "Aula Kantor Bupati Mesuji".into(),
            trainer: "Rina Wulandari".into(),
            instansi: "BKPSDM Kabupaten Mesuji".into(),
            modules: vec!["asn".into()],
            jp: 2,
            forms: Forms::default(),
            created: at(-120),
            updated: at(-60),
            closed: None,
            participants,
            device: None,
        }
    }

    /// An attempt of the session by the NIP `n`, scored `correct` out of 10 (its answers list
    /// only the questions the item analysis looks at), started `minute` minutes after eight.
    pub(crate) fn attempt(
        n: u32,
        phase: TestPhase,
        correct: u32,
        minute: i64,
        answers: &[(&str, bool)],
    ) -> Attempt {
        let score = Score { correct, total: 10 };
        Attempt {
            version: 4,
            id: Uuid::new_v4(),
            learner: Uuid::new_v4(),
            module: "asn".into(),
            mode: Mode::Exam,
            seed: 1,
            started: at(minute),
            finished: at(minute + 10),
            content_checked: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            pass_mark: 80,
            answers: answers
                .iter()
                .map(|(question, correct)| AnswerRecord {
                    question: (*question).into(),
                    chosen: vec![0],
                    order: vec![0],
                    correct: *correct,
                })
                .collect(),
            score,
            passed: score.passed(80),
            taken_by: Some(Arc::new(LearnerInfo {
                name: format!("Peserta {n}"),
                nip: Some(Nip::trusted(nip(n))),
                unit: String::new(),
                instansi: String::new(),
            })),
            content: None,
            session: Some(SessionTag {
                token: TOKEN.into(),
                phase,
            }),
            device: None,
            sequence: 0,
            previous: None,
            signature: None,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Six listed (Fajar absent, took nothing), one taken off the list; the attempts below.
    fn room() -> (Session, Vec<Attempt>) {
        use TestPhase::{Post, Pre};
        let mut removed = person(9, "Gita (dihapus)", true);
        removed.removed = true;
        let session = session(vec![
            person(1, "Ani", true),
            person(2, "Budi", true),
            removed,
            person(3, "Citra", true),
            person(4, "Dedi", true),
            person(5, "Eka", true),
            person(6, "Fajar", false),
        ]);
        let mut attempts = vec![
            // Pre-test (form A): a1 and a2.
            attempt(1, Pre, 4, 0, &[("a1", true), ("a2", false)]),
            attempt(2, Pre, 6, 0, &[("a1", true), ("a2", true)]),
            attempt(3, Pre, 10, 0, &[("a1", true), ("a2", true)]),
            attempt(4, Pre, 5, 0, &[("a1", false), ("a2", false)]),
            attempt(5, Pre, 2, 0, &[("a1", false)]),
            // Post-test (form B): b1, b2, and b3 for Dedi only.
            attempt(1, Post, 7, 60, &[("b1", true), ("b2", false)]),
            attempt(2, Post, 9, 60, &[("b1", true), ("b2", false)]),
            attempt(3, Post, 9, 60, &[("b1", true), ("b2", true)]),
            attempt(
                4,
                Post,
                4,
                60,
                &[("b1", false), ("b2", false), ("b3", false)],
            ),
            // Ani's retake is later: her first post-test (70) counts, its answers do not.
            attempt(1, Post, 10, 90, &[("b2", true)]),
            // Not on the list (and Gita was taken off it): unmatched, in no figure.
            attempt(7, Post, 10, 60, &[("b2", true)]),
            attempt(9, Post, 10, 60, &[("b2", true)]),
        ];
        // Another session's attempt and another module's: not read at all.
        let mut other = attempt(1, Post, 0, 30, &[("b1", false)]);
        other.session.as_mut().unwrap().token = "A1B2C3".into();
        attempts.push(other);
        let mut other_module = attempt(2, Pre, 0, -10, &[("a1", false)]);
        other_module.module = "pilkada".into();
        attempts.push(other_module);
        // The retake is listed first: order in the slice does not matter, start time does.
        attempts.rotate_right(5);
        (session, attempts)
    }

    fn report() -> Report {
        let (session, attempts) = room();
        Report::new(&session, &attempts, &module(), &instruments(), Lang::Id)
    }

    #[test]
    fn counts_means_medians_and_the_pass_rate() {
        let report = report();
        assert_eq!((report.listed, report.present), (6, 5));
        // Pre: Ani 40, Budi 60, Citra 100, Dedi 50, Eka 20. Mean 270 / 5 = 54; sorted
        // 20 40 50 60 100, median (odd) 50.
        assert_eq!(report.pre.takers, 5);
        assert!(close(report.pre.mean.unwrap(), 54.0));
        assert!(close(report.pre.median.unwrap(), 50.0));
        // Post: Ani 70, Budi 90, Citra 90, Dedi 40. Mean 290 / 4 = 72.5; sorted 40 70 90 90,
        // median (even) (70 + 90) / 2 = 80.
        assert_eq!(report.post.takers, 4);
        assert!(close(report.post.mean.unwrap(), 72.5));
        assert!(close(report.post.median.unwrap(), 80.0));
        // Pass mark 80: Budi 90 and Citra 90 pass, Ani 70 and Dedi 40 do not: 2 / 4 = 0.5.
        assert_eq!(report.passed, 2);
        assert!(close(report.pass_rate.unwrap(), 0.5));
        // Student 7 and Gita (taken off the list) took a post-test each.
        assert_eq!(report.unmatched, 2);
    }

    #[test]
    fn gains_individual_and_for_the_class() {
        let report = report();
        let names: Vec<&str> = report.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ani", "Budi", "Citra", "Dedi", "Eka", "Fajar"]);
        let row = |name: &str| report.people.iter().find(|p| p.name == name).unwrap();
        // Ani 40 → 70: +30 points, g = 30 / (100 − 40) = 0.5; failed (70 < 80).
        let ani = row("Ani");
        assert_eq!(
            (ani.pre, ani.post, ani.gain),
            (Some(40.0), Some(70.0), Some(30.0))
        );
        assert_eq!(ani.g, Gain::Value(0.5));
        assert_eq!(ani.passed, Some(false));
        // Budi 60 → 90: g = 30 / 40 = 0.75.
        assert_eq!(row("Budi").g, Gain::Value(0.75));
        // Citra 100 → 90: −10 points, g undefined.
        assert_eq!(row("Citra").gain, Some(-10.0));
        assert_eq!(row("Citra").g, Gain::PreAtMaximum);
        // Dedi 50 → 40: −10 points, g = −10 / 50 = −0.2.
        assert_eq!(row("Dedi").g, Gain::Value(-0.2));
        // Eka took only the pre-test; Fajar nothing.
        let eka = row("Eka");
        assert_eq!((eka.pre, eka.post, eka.gain), (Some(20.0), None, None));
        assert_eq!((eka.g, eka.passed), (Gain::None, None));
        let fajar = row("Fajar");
        assert_eq!(
            (fajar.pre, fajar.present, fajar.g),
            (None, false, Gain::None)
        );
        // Class <g> over the four with both: mean pre (40 + 60 + 100 + 50) / 4 = 62.5, mean
        // post 72.5: (72.5 − 62.5) / (100 − 62.5) = 10 / 37.5 = 0.2666…
        assert!(close(report.class_gain.unwrap(), 10.0 / 37.5));
        // Mean g without Citra: (0.5 + 0.75 − 0.2) / 3 = 1.05 / 3 = 0.35.
        assert!(close(report.mean_g.unwrap(), 0.35));
        assert_eq!((report.with_g, report.pre_at_maximum), (3, 1));
    }

    #[test]
    fn items_and_articles_with_their_flags() {
        let report = report();
        let ids: Vec<&str> = report.items.iter().map(|i| i.question.as_str()).collect();
        // a3 was asked in neither test.
        assert_eq!(ids, ["a1", "a2", "b1", "b2", "b3"]);
        let item = |id: &str| report.items.iter().find(|i| i.question == id).unwrap();
        let share = |right, asked| Some(Share { right, asked });
        // a1: Ani, Budi, Citra right, Dedi, Eka wrong: 3 / 5 = 60 %. a2: 2 / 4 = 50 %.
        assert_eq!((item("a1").pre, item("a1").post), (share(3, 5), None));
        assert!(close(item("a1").pre.unwrap().percent(), 60.0));
        assert_eq!(item("a2").pre, share(2, 4));
        // Pre-test shares flag nothing.
        assert!(!item("a2").flagged);
        // b1: 3 / 4 = 75 %, not flagged. b2: Citra only, 1 / 4 = 25 % with 4 answers: flagged.
        // b3: 0 / 1, too few answers to flag.
        assert_eq!((item("b1").post, item("b1").flagged), (share(3, 4), false));
        assert_eq!((item("b2").post, item("b2").flagged), (share(1, 4), true));
        assert_eq!((item("b3").post, item("b3").flagged), (share(0, 1), false));
        assert_eq!(
            item("a2").articles,
            [
                "UU No. 20 Tahun 2023, Pasal 9",
                "UU No. 20 Tahun 2023, Pasal 24 ayat (1) huruf d"
            ]
        );
        assert_eq!(item("a2").stem, "Soal a2");
        assert_eq!(item("a2").objective, "Memahami netralitas");
        assert_eq!(report.flagged_items().count(), 1);

        let labels: Vec<&str> = report.articles.iter().map(|a| a.article.as_str()).collect();
        assert_eq!(
            labels,
            [
                "UU No. 20 Tahun 2023, Pasal 9",
                "UU No. 20 Tahun 2023, Pasal 24 ayat (1) huruf d",
                "UU No. 20 Tahun 2023, Pasal 52"
            ]
        );
        // X (Pasal 9): pre a1 3/5 + a2 2/4 = 5/9; post b1 3/4 = 75 %, not flagged.
        let x = &report.articles[0];
        assert_eq!(
            (x.pre, x.post, x.flagged),
            (share(5, 9), share(3, 4), false)
        );
        // Y (Pasal 24): pre a2 2/4; post b2 1/4 = 25 %: flagged.
        let y = &report.articles[1];
        assert_eq!((y.pre, y.post, y.flagged), (share(2, 4), share(1, 4), true));
        // Z (Pasal 52): no pre-test question; post 0/1, too few to flag.
        let z = &report.articles[2];
        assert_eq!((z.pre, z.post, z.flagged), (None, share(0, 1), false));
        // In English the labels follow the language.
        let (session, attempts) = room();
        let en = Report::new(&session, &attempts, &module(), &instruments(), Lang::En);
        assert_eq!(
            en.articles[1].article,
            "Law No. 20 of 2023, Article 24(1)(d)"
        );
        assert_eq!(en.items[0].stem, "Question a1");
    }

    #[test]
    fn the_flag_rule_at_its_edges() {
        let share = |right, asked| Some(Share { right, asked });
        // 60 % is not below 60 %; 59 % is.
        assert!(!is_flagged(share(3, 5)));
        assert!(is_flagged(share(59, 100)));
        // Three answers are enough, two are not.
        assert!(is_flagged(share(1, 3)));
        assert!(!is_flagged(share(0, 2)));
        assert!(!is_flagged(None));
    }

    #[test]
    fn nobody_took_a_test() {
        let session = session(vec![person(1, "Ani", true), person(2, "Budi", false)]);
        let report = Report::new(&session, &[], &module(), &instruments(), Lang::Id);
        assert_eq!((report.listed, report.present, report.unmatched), (2, 1, 0));
        assert_eq!(report.pre, Stats::default());
        assert_eq!(report.post, Stats::default());
        assert_eq!(
            (report.pass_rate, report.class_gain, report.mean_g),
            (None, None, None)
        );
        assert!(report.items.is_empty() && report.articles.is_empty());
        assert!(report.people.iter().all(|p| p.pre.is_none()
            && p.gain.is_none()
            && p.g == Gain::None
            && p.passed.is_none()));
        // An empty room too.
        let empty = Report::new(
            &session_with_nobody(),
            &[],
            &module(),
            &instruments(),
            Lang::En,
        );
        assert_eq!((empty.listed, empty.people.len()), (0, 0));
    }

    fn session_with_nobody() -> Session {
        session(Vec::new())
    }

    #[test]
    fn a_room_that_all_started_at_100_has_no_class_gain() {
        use TestPhase::{Post, Pre};
        let session = session(vec![person(1, "Ani", true), person(2, "Budi", true)]);
        let attempts = [
            attempt(1, Pre, 10, 0, &[]),
            attempt(2, Pre, 10, 0, &[]),
            attempt(1, Post, 10, 60, &[]),
            attempt(2, Post, 8, 60, &[]),
        ];
        let report = Report::new(&session, &attempts, &module(), &instruments(), Lang::Id);
        // Mean pre 100: (90 − 100) / 0 is undefined, so none, and no NaN anywhere.
        assert_eq!(report.class_gain, None);
        assert_eq!(report.mean_g, None);
        assert_eq!((report.with_g, report.pre_at_maximum), (0, 2));
        assert!(close(report.post.mean.unwrap(), 90.0));
        assert!(close(report.pass_rate.unwrap(), 1.0));
    }
}
