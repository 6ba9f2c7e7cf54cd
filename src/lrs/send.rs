//! Sending statements in batches: retries with back-off, bisection of refused batches, and the
//! report. Pure logic over a [`Transport`] (HTTP in `http.rs`, a script in the tests) and a
//! [`Ledger`] of what the LRS acknowledged.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use uuid::Uuid;

use crate::i18n;
use crate::lang::Lang;
use crate::lrs::sent::StateNote;

/// How a push sends. The defaults suit an LRS on the internet; tests shorten the waits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushOptions {
    /// Statements per request (at least 1).
    pub batch_size: usize,
    /// Retries of one request after a timeout, a network error, a 5xx or a 429, before the push
    /// stops.
    pub max_retries: u32,
    /// The first wait before a retry; each further retry waits twice as long.
    pub backoff_base: Duration,
    /// No wait is longer than this, even when the LRS asks for more (`Retry-After`).
    pub max_wait: Duration,
    pub connect_timeout: Duration,
    /// How long to wait for the LRS to answer (and for each part of its answer).
    pub read_timeout: Duration,
}

impl Default for PushOptions {
    fn default() -> Self {
        PushOptions {
            batch_size: 100,
            max_retries: 5,
            backoff_base: Duration::from_secs(1),
            max_wait: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(60),
        }
    }
}

/// Why a request did not get an answer worth keeping, and may be tried again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// No answer within the read timeout (the LRS may still have stored the batch: sending it
    /// again is harmless, the LRS keeps one statement per id).
    Timeout,
    /// No connection, or it broke: no network, connection refused or reset.
    Network(String),
    /// The LRS answered 5xx (its own failure), 429 (too many requests) or 408.
    Status { status: u16, reason: String },
}

impl Trouble {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Trouble::Timeout => i18n::tr(lang, "lrs-trouble-timeout"),
            Trouble::Network(detail) => {
                i18n::tr_args(lang, "lrs-trouble-network", &[("detail", detail)])
            }
            Trouble::Status { status, reason } => i18n::tr_args(
                lang,
                "lrs-trouble-status",
                &[("status", &status.to_string()), ("reason", reason)],
            ),
        }
    }
}

/// A statement the LRS refused, with its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub statement_id: Uuid,
    /// The HTTP status: 400 or 422 (the LRS finds the statement invalid), 409 (it holds another
    /// statement with this id), 413 (too large).
    pub status: u16,
    /// The LRS's own message, shortened to one line.
    pub reason: String,
}

impl Refusal {
    /// The LRS holds a different statement under this id: sending again never helps.
    pub fn is_conflict(&self) -> bool {
        self.status == 409
    }

    pub fn message(&self, lang: Lang) -> String {
        let args = [
            ("id", self.statement_id.to_string()),
            ("status", self.status.to_string()),
            ("reason", self.reason.clone()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if self.is_conflict() {
            i18n::tr_args(lang, "lrs-refused-conflict", &args)
        } else {
            i18n::tr_args(lang, "lrs-refused", &args)
        }
    }
}

/// Why a push stopped before every statement was acknowledged or refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StopReason {
    /// The user stopped it.
    Cancelled,
    /// A request kept failing: `attempts` tries, the last one with `last`.
    GaveUp { attempts: u32, last: Trouble },
    /// The LRS refused the request as a whole: wrong credentials (401, 403), wrong address (404,
    /// 405), moved elsewhere (3xx, with the new address as the reason)…
    Rejected { status: u16, reason: String },
    /// The answer was not one an LRS gives (a 200 without the stored ids, e.g. a hotspot's login
    /// page), so nothing was taken as stored.
    NotAnLrs { status: u16, reason: String },
    /// A failure retrying cannot fix, such as a TLS certificate the PC does not trust.
    Unreachable(String),
    /// Every statement of a batch was refused, one by one: the LRS or its address is more likely
    /// at fault than each statement, so the push stopped rather than try every other one.
    EveryStatementRefused { status: u16 },
    /// What the LRS acknowledged could not be saved, so the push stopped (going on would send
    /// those statements again at the next push).
    NotSaved { path: PathBuf, detail: String },
}

impl StopReason {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StopReason::Cancelled => i18n::tr(lang, "lrs-stop-cancelled"),
            StopReason::GaveUp { attempts, last } => i18n::tr_args(
                lang,
                "lrs-stop-gave-up",
                &[
                    ("attempts", &attempts.to_string()),
                    ("trouble", &last.message(lang)),
                ],
            ),
            StopReason::Rejected { status, reason } => {
                let key = match status {
                    401 | 403 => "lrs-stop-unauthorized",
                    300..=399 => "lrs-stop-redirected",
                    _ => "lrs-stop-rejected",
                };
                i18n::tr_args(
                    lang,
                    key,
                    &[("status", &status.to_string()), ("reason", reason)],
                )
            }
            StopReason::NotAnLrs { status, reason } => i18n::tr_args(
                lang,
                "lrs-stop-not-an-lrs",
                &[("status", &status.to_string()), ("reason", reason)],
            ),
            StopReason::Unreachable(detail) => {
                i18n::tr_args(lang, "lrs-stop-unreachable", &[("detail", detail)])
            }
            StopReason::EveryStatementRefused { status } => i18n::tr_args(
                lang,
                "lrs-stop-all-refused",
                &[("status", &status.to_string())],
            ),
            StopReason::NotSaved { path, detail } => i18n::tr_args(
                lang,
                "lrs-stop-not-saved",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
        }
    }
}

/// Where a push is, after each answer and before each wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushProgress {
    /// Statements to send in this push: those no earlier push had acknowledged.
    pub to_send: usize,
    /// Statements acknowledged by the LRS so far in this push.
    pub sent: usize,
    /// Statements refused so far in this push.
    pub refused: usize,
    /// Statements an earlier push had acknowledged: not sent again.
    pub already_sent: usize,
    /// Set while waiting to try a request again.
    pub retrying: Option<Retrying>,
}

/// A wait before trying a request again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retrying {
    /// Which retry this is (1 for the first).
    pub attempt: u32,
    pub max_retries: u32,
    pub wait: Duration,
    pub trouble: Trouble,
}

/// What a push did. It is complete ([`PushReport::is_complete`]) only when every statement to
/// send was acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PushReport {
    /// Acknowledged by the LRS in this push (and saved as such).
    pub sent: usize,
    /// Acknowledged by an earlier push to the same endpoint, so not sent again.
    pub already_sent: usize,
    /// Refused by the LRS, each with its status and reason. Not saved as sent: the next push
    /// tries them again.
    pub refused: Vec<Refusal>,
    /// Neither acknowledged nor refused, because the push stopped: the next push sends them.
    pub remaining: usize,
    pub stopped_by: Option<StopReason>,
    /// The record of earlier pushes was damaged and dealt with (see [`StateNote`]).
    pub state_note: Option<StateNote>,
}

impl PushReport {
    /// Every statement is in the LRS: nothing refused, nothing left, not stopped.
    pub fn is_complete(&self) -> bool {
        self.refused.is_empty() && self.remaining == 0 && self.stopped_by.is_none()
    }

    /// The counts on one line, in the user's language (says nothing of being done: see
    /// [`PushReport::is_complete`]).
    pub fn summary(&self, lang: Lang) -> String {
        i18n::tr_args(
            lang,
            "lrs-report",
            &[
                ("sent", &self.sent.to_string()),
                ("already", &self.already_sent.to_string()),
                ("refused", &self.refused.len().to_string()),
                ("remaining", &self.remaining.to_string()),
            ],
        )
    }
}

/// What one request came to, as the transport saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Answer {
    /// The LRS answered with this status.
    Status {
        status: u16,
        /// The answer's text (possibly shortened).
        body: String,
        /// The wait a 429 or 503 asked for.
        retry_after: Option<Duration>,
        /// Where a 3xx points.
        location: Option<String>,
    },
    /// No answer within the read timeout.
    Timeout,
    /// The connection failed or broke: worth trying again.
    Network(String),
    /// A failure that trying again cannot fix.
    Broken(String),
}

/// Posts one JSON array of statements.
pub(crate) trait Transport {
    fn post(&mut self, body: &[u8]) -> Answer;
}

/// What the LRS acknowledged: asked before sending, told after each acknowledged request.
pub(crate) trait Ledger {
    fn contains(&self, id: &Uuid) -> bool;
    fn record(&mut self, ids: &[Uuid]) -> io::Result<()>;
    fn place(&self) -> &Path;
}

impl Ledger for crate::lrs::sent::SentLog {
    fn contains(&self, id: &Uuid) -> bool {
        crate::lrs::sent::SentLog::contains(self, id)
    }
    fn record(&mut self, ids: &[Uuid]) -> io::Result<()> {
        crate::lrs::sent::SentLog::record(self, ids)
    }
    fn place(&self) -> &Path {
        self.path()
    }
}

/// A statement to send: its id and, only when it is sent, its JSON.
pub(crate) trait Outgoing {
    fn id(&self) -> Uuid;
    fn json(&self) -> String;
}

impl Outgoing for crate::records::export::XapiStatement<'_> {
    fn id(&self) -> Uuid {
        crate::records::export::XapiStatement::id(self)
    }
    fn json(&self) -> String {
        self.to_json()
    }
}

/// What an answer means for the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verdict {
    Acknowledged,
    /// The LRS refuses something in the batch: split it to find what.
    Refused {
        status: u16,
        reason: String,
    },
    Retry {
        trouble: Trouble,
        after: Option<Duration>,
    },
    Stop(StopReason),
}

fn judge(answer: Answer) -> Verdict {
    let (status, body, retry_after, location) = match answer {
        Answer::Status {
            status,
            body,
            retry_after,
            location,
        } => (status, body, retry_after, location),
        Answer::Timeout => {
            return Verdict::Retry {
                trouble: Trouble::Timeout,
                after: None,
            };
        }
        Answer::Network(detail) => {
            return Verdict::Retry {
                trouble: Trouble::Network(detail),
                after: None,
            };
        }
        Answer::Broken(detail) => return Verdict::Stop(StopReason::Unreachable(detail)),
    };
    let reason = || reason_of(&body);
    match status {
        // xAPI answers a POST with the array of stored ids; Ralph answers 204 when every
        // statement was already stored.
        200 if is_id_list(&body) => Verdict::Acknowledged,
        204 => Verdict::Acknowledged,
        200..=299 => Verdict::Stop(StopReason::NotAnLrs {
            status,
            reason: reason(),
        }),
        300..=399 => Verdict::Stop(StopReason::Rejected {
            status,
            reason: location.unwrap_or_else(reason),
        }),
        // About the statements: invalid (400, or 422 for Ralph), an id already used for another
        // statement (409), too large (413).
        400 | 409 | 413 | 422 => Verdict::Refused {
            status,
            reason: reason(),
        },
        408 | 429 | 500..=599 => Verdict::Retry {
            trouble: Trouble::Status {
                status,
                reason: reason(),
            },
            after: retry_after,
        },
        _ => Verdict::Stop(StopReason::Rejected {
            status,
            reason: reason(),
        }),
    }
}

fn is_id_list(body: &str) -> bool {
    serde_json::from_str::<Vec<String>>(body).is_ok()
}

/// The most useful line of an LRS's answer: its `message` or `detail` when it is JSON (Learning
/// Locker, Ralph), else the text; whitespace folded, at most 300 characters.
pub(crate) fn reason_of(body: &str) -> String {
    const MAX: usize = 300;
    let from_json = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|value| {
            let field = ["message", "detail", "error", "errors"]
                .iter()
                .find_map(|key| value.get(key).cloned())?;
            Some(match field {
                serde_json::Value::String(text) => text,
                // Ralph and FastAPI: [{"loc": [...], "msg": "...", ...}, ...]
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|item| match (item.get("loc"), item.get("msg")) {
                        (Some(loc), Some(serde_json::Value::String(msg))) => {
                            format!("{}: {msg}", path_of(loc))
                        }
                        (None, Some(serde_json::Value::String(msg))) => msg.clone(),
                        _ => item.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                other => other.to_string(),
            })
        });
    let text = from_json.unwrap_or_else(|| body.to_owned());
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= MAX {
        return folded;
    }
    let mut cut: String = folded.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}

/// `["body", 0, "actor"]` → `body.0.actor`.
fn path_of(loc: &serde_json::Value) -> String {
    match loc {
        serde_json::Value::Array(parts) => parts
            .iter()
            .map(|part| match part {
                serde_json::Value::String(text) => text.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("."),
        other => other.to_string(),
    }
}

/// The wait before retry `attempt` (1, 2, …): `base`, then twice as long each time.
fn backoff(base: Duration, attempt: u32) -> Duration {
    let factor = 1u32
        .checked_shl(attempt.saturating_sub(1))
        .unwrap_or(u32::MAX);
    base.saturating_mul(factor)
}

/// Sleeps for `wait`, waking often enough to notice a cancel. Returns false when cancelled.
fn sleep_unless_cancelled(wait: Duration, cancel: &AtomicBool) -> bool {
    let until = Instant::now() + wait;
    loop {
        if cancel.load(Ordering::Relaxed) {
            return false;
        }
        let now = Instant::now();
        if now >= until {
            return true;
        }
        std::thread::sleep((until - now).min(Duration::from_millis(25)));
    }
}

/// What the LRS did with a whole request, once trouble is behind it.
enum Outcome {
    Acknowledged,
    Refused { status: u16, reason: String },
}

/// One push in progress.
struct Push<'a, T, L, P> {
    transport: &'a mut T,
    ledger: &'a mut L,
    options: &'a PushOptions,
    cancel: &'a AtomicBool,
    progress: &'a mut P,
    state: PushProgress,
    refused: Vec<Refusal>,
}

impl<T: Transport, L: Ledger, P: FnMut(PushProgress)> Push<'_, T, L, P> {
    fn tell(&mut self, retrying: Option<Retrying>) {
        self.state.refused = self.refused.len();
        self.state.retrying = retrying;
        (self.progress)(self.state.clone());
    }

    /// Sends `batch`; on a refusal, each half on its own, down to the single statements the
    /// LRS refuses (an xAPI batch is stored whole or not at all).
    fn send(&mut self, batch: &[(Uuid, String)]) -> Result<(), StopReason> {
        match self.post(batch)? {
            Outcome::Acknowledged => {
                let ids: Vec<Uuid> = batch.iter().map(|(id, _)| *id).collect();
                self.ledger
                    .record(&ids)
                    .map_err(|error| StopReason::NotSaved {
                        path: self.ledger.place().to_owned(),
                        detail: error.to_string(),
                    })?;
                self.state.sent += batch.len();
                self.tell(None);
                Ok(())
            }
            Outcome::Refused { status, reason } => {
                if let [(id, _)] = batch {
                    self.refused.push(Refusal {
                        statement_id: *id,
                        status,
                        reason,
                    });
                    self.tell(None);
                    return Ok(());
                }
                let (first, second) = batch.split_at(batch.len() / 2);
                self.send(first)?;
                self.send(second)
            }
        }
    }

    /// Posts one request, trying again after trouble.
    fn post(&mut self, batch: &[(Uuid, String)]) -> Result<Outcome, StopReason> {
        let mut body =
            Vec::with_capacity(batch.iter().map(|(_, json)| json.len() + 1).sum::<usize>() + 2);
        body.push(b'[');
        for (n, (_, json)) in batch.iter().enumerate() {
            if n > 0 {
                body.push(b',');
            }
            body.extend_from_slice(json.as_bytes());
        }
        body.push(b']');
        let mut retries = 0;
        loop {
            if self.cancel.load(Ordering::Relaxed) {
                return Err(StopReason::Cancelled);
            }
            match judge(self.transport.post(&body)) {
                Verdict::Acknowledged => return Ok(Outcome::Acknowledged),
                Verdict::Refused { status, reason } => {
                    return Ok(Outcome::Refused { status, reason });
                }
                Verdict::Stop(reason) => return Err(reason),
                Verdict::Retry { trouble, after } => {
                    if retries >= self.options.max_retries {
                        return Err(StopReason::GaveUp {
                            attempts: retries + 1,
                            last: trouble,
                        });
                    }
                    retries += 1;
                    let wait = backoff(self.options.backoff_base, retries)
                        .max(after.unwrap_or_default())
                        .min(self.options.max_wait);
                    log::info!("LRS: {trouble:?}; retry {retries} in {wait:?}");
                    self.tell(Some(Retrying {
                        attempt: retries,
                        max_retries: self.options.max_retries,
                        wait,
                        trouble,
                    }));
                    if !sleep_unless_cancelled(wait, self.cancel) {
                        return Err(StopReason::Cancelled);
                    }
                }
            }
        }
    }
}

/// Sends every statement the ledger does not hold, in batches, and reports. `statements` makes
/// the sequence afresh (it is read twice: to count, then to send, so only one batch is ever
/// held in memory). Stops at the first request that cannot succeed, after saving everything
/// acknowledged before it.
pub(crate) fn send_all<I, S, T, L, P>(
    statements: impl Fn() -> I,
    ledger: &mut L,
    transport: &mut T,
    options: &PushOptions,
    cancel: &AtomicBool,
    progress: &mut P,
) -> PushReport
where
    I: Iterator<Item = S>,
    S: Outgoing,
    T: Transport,
    L: Ledger,
    P: FnMut(PushProgress),
{
    let mut total = 0;
    let mut to_send = 0;
    for statement in statements() {
        total += 1;
        if !ledger.contains(&statement.id()) {
            to_send += 1;
        }
    }
    let batch_size = options.batch_size.max(1);
    let mut push = Push {
        transport,
        ledger,
        options,
        cancel,
        progress,
        state: PushProgress {
            to_send,
            sent: 0,
            refused: 0,
            already_sent: total - to_send,
            retrying: None,
        },
        refused: Vec::new(),
    };
    push.tell(None);
    let mut stopped_by = None;
    let mut pending = statements();
    let mut batch: Vec<(Uuid, String)> = Vec::with_capacity(batch_size);
    loop {
        batch.clear();
        for statement in pending.by_ref() {
            let id = statement.id();
            if !push.ledger.contains(&id) {
                batch.push((id, statement.json()));
                if batch.len() == batch_size {
                    break;
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let refused_before = push.refused.len();
        if let Err(reason) = push.send(&batch) {
            stopped_by = Some(reason);
            break;
        }
        let refused_now = &push.refused[refused_before..];
        if batch.len() > 1 && refused_now.len() == batch.len() {
            stopped_by = Some(StopReason::EveryStatementRefused {
                status: refused_now[0].status,
            });
            break;
        }
    }
    let sent = push.state.sent;
    let refused = push.refused;
    PushReport {
        sent,
        already_sent: total - to_send,
        remaining: to_send - sent - refused.len(),
        refused,
        stopped_by,
        state_note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashSet, VecDeque};

    /// A statement whose JSON is its id, so the transport can read which were sent.
    struct Fake(Uuid);

    impl Outgoing for Fake {
        fn id(&self) -> Uuid {
            self.0
        }
        fn json(&self) -> String {
            format!("\"{}\"", self.0)
        }
    }

    fn ids(n: u128) -> Vec<Uuid> {
        (1..=n).map(Uuid::from_u128).collect()
    }

    #[derive(Default)]
    struct Book {
        ids: HashSet<Uuid>,
        fail: bool,
    }

    impl Ledger for Book {
        fn contains(&self, id: &Uuid) -> bool {
            self.ids.contains(id)
        }
        fn record(&mut self, ids: &[Uuid]) -> io::Result<()> {
            if self.fail {
                return Err(io::Error::other("disk full"));
            }
            self.ids.extend(ids);
            Ok(())
        }
        fn place(&self) -> &Path {
            Path::new("sent.log")
        }
    }

    type Fallback = Box<dyn FnMut(&[Uuid]) -> Answer>;

    /// Answers from a script, then `fallback` for whatever comes after; keeps each request's ids.
    struct Script {
        answers: VecDeque<Answer>,
        fallback: Fallback,
        requests: Vec<Vec<Uuid>>,
    }

    impl Script {
        fn new(answers: Vec<Answer>) -> Script {
            Script::with(answers, ok)
        }
        fn with(answers: Vec<Answer>, fallback: impl FnMut(&[Uuid]) -> Answer + 'static) -> Script {
            Script {
                answers: answers.into(),
                fallback: Box::new(fallback),
                requests: Vec::new(),
            }
        }
    }

    impl Transport for Script {
        fn post(&mut self, body: &[u8]) -> Answer {
            let ids: Vec<Uuid> = serde_json::from_slice(body).unwrap();
            self.requests.push(ids.clone());
            self.answers
                .pop_front()
                .unwrap_or_else(|| (self.fallback)(&ids))
        }
    }

    fn ok(ids: &[Uuid]) -> Answer {
        status(200, &serde_json::to_string(ids).unwrap())
    }

    fn status(status: u16, body: &str) -> Answer {
        Answer::Status {
            status,
            body: body.into(),
            retry_after: None,
            location: None,
        }
    }

    fn fast() -> PushOptions {
        PushOptions {
            batch_size: 4,
            max_retries: 3,
            backoff_base: Duration::from_millis(1),
            max_wait: Duration::from_millis(20),
            ..PushOptions::default()
        }
    }

    fn run(
        statements: &[Uuid],
        book: &mut Book,
        script: &mut Script,
        options: &PushOptions,
    ) -> (PushReport, Vec<PushProgress>) {
        let mut seen = Vec::new();
        let report = send_all(
            || statements.iter().copied().map(Fake),
            book,
            script,
            options,
            &AtomicBool::new(false),
            &mut |p| seen.push(p),
        );
        (report, seen)
    }

    #[test]
    fn batches_are_sent_and_saved_and_a_second_push_sends_nothing() {
        let all = ids(10);
        let mut book = Book::default();
        let mut script = Script::new(vec![]);
        let (report, seen) = run(&all, &mut book, &mut script, &fast());
        assert!(report.is_complete(), "{report:?}");
        assert_eq!((report.sent, report.already_sent), (10, 0));
        let sizes: Vec<usize> = script.requests.iter().map(Vec::len).collect();
        assert_eq!(sizes, [4, 4, 2]);
        assert_eq!(book.ids.len(), 10);
        assert_eq!(seen.last().unwrap().sent, 10);
        assert_eq!(seen.first().unwrap().to_send, 10);

        let mut again = Script::new(vec![]);
        let (report, _) = run(&all, &mut book, &mut again, &fast());
        assert!(report.is_complete());
        assert_eq!((report.sent, report.already_sent), (0, 10));
        assert!(again.requests.is_empty());
    }

    #[test]
    fn server_errors_and_timeouts_are_retried() {
        let all = ids(2);
        let mut book = Book::default();
        let mut script = Script::new(vec![
            status(500, "boom"),
            Answer::Timeout,
            Answer::Network("connection reset".into()),
        ]);
        let (report, seen) = run(&all, &mut book, &mut script, &fast());
        assert!(report.is_complete(), "{report:?}");
        assert_eq!(script.requests.len(), 4);
        let waits: Vec<Duration> = seen
            .iter()
            .filter_map(|p| p.retrying.as_ref().map(|r| r.wait))
            .collect();
        assert_eq!(
            waits,
            [1, 2, 4].map(Duration::from_millis),
            "exponential back-off"
        );
    }

    #[test]
    fn after_the_retries_the_push_stops_and_keeps_what_was_acknowledged() {
        let all = ids(8);
        let mut book = Book::default();
        let mut script = Script::with(vec![], |_| Answer::Timeout);
        script.answers.push_back(ok(&ids(4)));
        let (report, _) = run(&all, &mut book, &mut script, &fast());
        assert!(!report.is_complete());
        assert_eq!(report.sent, 4);
        assert_eq!(report.remaining, 4);
        assert_eq!(
            report.stopped_by,
            Some(StopReason::GaveUp {
                attempts: 4,
                last: Trouble::Timeout
            })
        );
        assert_eq!(book.ids, ids(4).into_iter().collect());
        assert_eq!(script.requests.len(), 1 + 4);
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_longest_wait() {
        let all = ids(1);
        let mut book = Book::default();
        let busy = |secs| Answer::Status {
            status: 429,
            body: String::new(),
            retry_after: Some(Duration::from_millis(secs)),
            location: None,
        };
        let mut script = Script::new(vec![busy(15), busy(500)]);
        let (report, seen) = run(&all, &mut book, &mut script, &fast());
        assert!(report.is_complete());
        let waits: Vec<Duration> = seen
            .iter()
            .filter_map(|p| p.retrying.as_ref().map(|r| r.wait))
            .collect();
        assert_eq!(waits, [15, 20].map(Duration::from_millis));
    }

    #[test]
    fn a_refused_batch_is_bisected_down_to_the_refused_statements() {
        let all = ids(8);
        let bad = [Uuid::from_u128(3), Uuid::from_u128(8)];
        let mut book = Book::default();
        let mut script = Script::with(vec![], move |ids| {
            if ids.iter().any(|id| bad.contains(id)) {
                status(400, r#"{"message": "Invalid  statement:\n actor"}"#)
            } else {
                ok(ids)
            }
        });
        let options = PushOptions {
            batch_size: 8,
            ..fast()
        };
        let (report, _) = run(&all, &mut book, &mut script, &options);
        let refused: Vec<Uuid> = report.refused.iter().map(|r| r.statement_id).collect();
        assert_eq!(refused, bad);
        assert_eq!(report.refused[0].status, 400);
        assert_eq!(report.refused[0].reason, "Invalid statement: actor");
        assert_eq!(report.sent, 6);
        assert_eq!(report.remaining, 0);
        assert_eq!(report.stopped_by, None);
        assert!(!report.is_complete());
        assert!(!book.ids.contains(&bad[0]) && !book.ids.contains(&bad[1]));
        // 8 → 4+4 → (2+2) + (2+2) → the two pairs holding a bad one split again.
        assert_eq!(script.requests.len(), 1 + 2 + 4 + 4);
    }

    #[test]
    fn a_conflict_is_a_refusal_and_not_retried() {
        let all = ids(1);
        let mut book = Book::default();
        let mut script = Script::new(vec![status(409, "Conflict: id already stored")]);
        let (report, _) = run(&all, &mut book, &mut script, &fast());
        assert_eq!(script.requests.len(), 1);
        assert!(report.refused[0].is_conflict());
        assert!(book.ids.is_empty());
    }

    #[test]
    fn a_batch_refused_whole_stops_the_push() {
        let all = ids(12);
        let mut book = Book::default();
        let mut script = Script::with(vec![], |_| status(422, "nope"));
        let (report, _) = run(&all, &mut book, &mut script, &fast());
        assert_eq!(report.refused.len(), 4);
        assert_eq!(report.remaining, 8);
        assert_eq!(
            report.stopped_by,
            Some(StopReason::EveryStatementRefused { status: 422 })
        );
    }

    #[test]
    fn credentials_addresses_and_strange_answers_stop_at_once() {
        for (answer, stop) in [
            (
                status(401, "Unauthorized"),
                StopReason::Rejected {
                    status: 401,
                    reason: "Unauthorized".into(),
                },
            ),
            (
                status(404, "Not Found"),
                StopReason::Rejected {
                    status: 404,
                    reason: "Not Found".into(),
                },
            ),
            (
                Answer::Status {
                    status: 301,
                    body: String::new(),
                    retry_after: None,
                    location: Some("https://lrs.id/xAPI/statements".into()),
                },
                StopReason::Rejected {
                    status: 301,
                    reason: "https://lrs.id/xAPI/statements".into(),
                },
            ),
            (
                status(200, "<html>Login hotspot</html>"),
                StopReason::NotAnLrs {
                    status: 200,
                    reason: "<html>Login hotspot</html>".into(),
                },
            ),
            (
                Answer::Broken("invalid certificate".into()),
                StopReason::Unreachable("invalid certificate".into()),
            ),
        ] {
            let mut book = Book::default();
            let mut script = Script::new(vec![answer]);
            let (report, _) = run(&ids(3), &mut book, &mut script, &fast());
            assert_eq!(report.stopped_by, Some(stop));
            assert_eq!(script.requests.len(), 1);
            assert_eq!((report.sent, report.remaining), (0, 3));
            assert!(book.ids.is_empty());
        }
    }

    #[test]
    fn a_failed_save_stops_the_push() {
        let mut book = Book {
            fail: true,
            ..Book::default()
        };
        let mut script = Script::new(vec![]);
        let (report, _) = run(&ids(8), &mut book, &mut script, &fast());
        assert!(matches!(
            report.stopped_by,
            Some(StopReason::NotSaved { .. })
        ));
        assert_eq!(script.requests.len(), 1);
        assert_eq!(report.sent, 0);
        assert_eq!(report.remaining, 8);
    }

    #[test]
    fn cancel_stops_between_requests() {
        let cancel = AtomicBool::new(false);
        let all = ids(12);
        let mut book = Book::default();
        let mut script = Script::new(vec![]);
        let report = send_all(
            || all.iter().copied().map(Fake),
            &mut book,
            &mut script,
            &fast(),
            &cancel,
            &mut |p: PushProgress| {
                if p.sent == 4 {
                    cancel.store(true, Ordering::Relaxed);
                }
            },
        );
        assert_eq!(report.stopped_by, Some(StopReason::Cancelled));
        assert_eq!((report.sent, report.remaining), (4, 8));
        assert_eq!(script.requests.len(), 1);
    }

    #[test]
    fn reasons_are_the_lrs_message_on_one_short_line() {
        assert_eq!(reason_of("plain\n  text "), "plain text");
        assert_eq!(reason_of(r#"{"message": "bad actor"}"#), "bad actor");
        assert_eq!(reason_of(r#"{"detail": "Unauthorized"}"#), "Unauthorized");
        assert_eq!(
            reason_of(
                r#"{"detail": [{"loc": ["body", 0, "actor"], "msg": "field required", "type": "x"}]}"#
            ),
            "body.0.actor: field required"
        );
        let long = reason_of(&"é".repeat(1000));
        assert_eq!(long.chars().count(), 300);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn backoff_doubles_and_saturates() {
        let base = Duration::from_millis(100);
        assert_eq!(backoff(base, 1), base);
        assert_eq!(backoff(base, 2), base * 2);
        assert_eq!(backoff(base, 4), base * 8);
        assert!(backoff(base, 99) >= Duration::from_secs(1_000_000));
    }
}
