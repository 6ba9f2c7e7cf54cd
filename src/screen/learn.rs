//! The learner's area (*Belajar*): profiles, modules, lessons, quizzes and results.

pub mod home;
pub mod join;
pub mod lesson;
pub mod module;
pub mod profile;
pub mod quiz;
pub mod result;
