//! What differs on the users' platform, Windows: where the first window goes, the console of
//! the command line, the start-up error box, opening a folder, and moving the data folder out
//! of the roaming profile. The logic is pure and tested everywhere; the system calls are in
//! `platform/windows.rs`, compiled for Windows only.

pub mod data_move;
pub mod window_fit;

#[cfg(windows)]
#[allow(unsafe_code)]
mod windows;

use std::path::Path;

/// Started from `cmd.exe` or PowerShell with a command: print to that console (Windows release
/// builds are GUI programs, which have none of their own). Elsewhere nothing to do.
pub fn attach_parent_console() {
    #[cfg(windows)]
    windows::attach_parent_console();
}

/// The monitors' work areas, where the system tells them (Windows); empty elsewhere, where the
/// window manager places the window.
pub fn work_areas() -> Vec<window_fit::Monitor> {
    #[cfg(windows)]
    return windows::work_areas();
    #[cfg(not(windows))]
    Vec::new()
}

/// Opens a folder in the system's file manager: on Windows through the shell's own API,
/// elsewhere with the desktop's opener.
pub fn open_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    return windows::open_folder(path);
    #[cfg(not(windows))]
    open::that_detached(path)
}

/// Tells the user the app cannot start. A double-clicked Windows program has no console, so
/// there it is a message box; elsewhere the message goes to standard error, as before.
pub fn show_startup_error(title: &str, text: &str) {
    eprintln!("{text}");
    #[cfg(windows)]
    {
        let _shown = rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title(title)
            .set_description(text)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
    #[cfg(not(windows))]
    let _ = title;
}
