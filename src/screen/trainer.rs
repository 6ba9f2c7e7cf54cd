//! The trainer's area (*Pelatih*): presenting on the projector and the room quiz.

pub mod presenter;
pub mod room_quiz;
