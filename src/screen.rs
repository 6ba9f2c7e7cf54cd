//! Screens grouped by area: `learn` (*Belajar*), `hr` (*SDM*), plus the shared Settings and the
//! admin PIN gate. Each screen has its own state, `Message`, `Action`, `update` and `view`.

pub mod header;
pub mod hr;
pub mod learn;
pub mod pin;
pub mod settings;
pub mod trainer;

use std::path::PathBuf;

/// Runs a system file dialog off the UI thread; `None` when the user cancelled it (or no dialog
/// could be shown: the typed path stays as the fallback).
pub fn file_dialog<M: Send + 'static>(
    ask: impl std::future::Future<Output = Option<rfd::FileHandle>> + Send + 'static,
    done: fn(Option<PathBuf>) -> M,
) -> iced::Task<M> {
    iced::Task::perform(
        async move { ask.await.map(|file| file.path().to_path_buf()) },
        done,
    )
}
