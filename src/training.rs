//! The trainer's sessions (*Pelatih*): a session with its attendance list, the pre- and
//! post-test taken in the room or at the participants' desks, and the report of what the room
//! learned. Pure logic and files; the screens are in `screen::trainer`.

pub mod code;
pub mod room;
pub mod session;
pub mod sessions;
pub mod slides;

pub use code::{DeskCode, session_id};
pub use room::room_questions;
pub use session::{Added, Participant, Session, SessionDraft, SessionTag, TestPhase};
pub use sessions::SessionError;
pub use slides::{Slide, SlideKind, Sources, slides};
