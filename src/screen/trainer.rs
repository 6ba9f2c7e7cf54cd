//! The trainer's area (*Pelatih*): sessions, attendance, the tests in the room and at the desks.

pub mod attendance;
pub mod desk;
pub mod hot_seat;
pub mod report;
