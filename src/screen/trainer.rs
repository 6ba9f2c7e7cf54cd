//! The trainer's area (*Pelatih*): sessions, attendance, the tests in the room and at the desks,
//! the report, presenting on the projector and the room quiz.

pub mod attendance;
pub mod desk;
pub mod hot_seat;
pub mod presenter;
pub mod report;
pub mod room_quiz;
