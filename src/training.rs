//! The trainer's sessions (*Pelatih*): a session with its attendance list, the pre- and
//! post-test taken in the room or at the participants' desks, and the report of what the room
//! learned. Pure logic and files; the screens are in `screen::trainer`.

pub mod attendance;
pub mod code;
pub mod documents;
pub mod paper;
pub mod report;
pub mod report_csv;
pub mod report_pdf;
pub mod room;
pub mod session;
pub mod sessions;
pub mod slides;

pub use attendance::{attendance_csv, attendance_pdf};
pub use code::{DeskCode, session_id};
pub use report::Report;
pub use report_csv::{report_items_csv, report_people_csv};
pub use report_pdf::report_pdf;
pub use room::room_questions;
pub use session::{Added, Participant, Session, SessionDraft, SessionTag, TestPhase};
pub use sessions::SessionError;
pub use slides::{Slide, SlideKind, slides};
