//! The console twin of the Windows program, shipped as `latih-asn.com` beside `latih-asn.exe`.
//!
//! `latih-asn.exe` is a GUI program, so that a double-click opens no console window; but then
//! `cmd.exe` and PowerShell neither wait for it nor see its exit code. Both try `.com` before
//! `.exe` for a command typed without extension (PATHEXT), so `latih-asn records summary` runs
//! this small console program instead: it starts `latih-asn.exe` with the same arguments, the
//! same console and the same redirections, waits, and exits with its exit code. Elsewhere it
//! does the same with the `latih-asn` beside it (tested on every platform).

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let app = match std::env::current_exe() {
        Ok(me) => me.with_file_name(format!("latih-asn{}", std::env::consts::EXE_SUFFIX)),
        Err(error) => {
            eprintln!("latih-asn: {error}");
            return ExitCode::from(2);
        }
    };
    let mut command = Command::new(&app);
    command.args(std::env::args_os().skip(1));
    if std::env::args_os().len() == 1 {
        // Double-clicked: open the window and let this console close.
        return match command.spawn() {
            Ok(_) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("latih-asn: {}: {error}", app.display());
                ExitCode::from(2)
            }
        };
    }
    // Ctrl+C reaches the program itself, which stops as it does in any console; this one waits
    // for it to end and passes its exit code on.
    keep_waiting_on_ctrl_c();
    match command.status() {
        Ok(status) => match status.code() {
            Some(code) => std::process::exit(code),
            None => ExitCode::FAILURE,
        },
        Err(error) => {
            eprintln!("latih-asn: {}: {error}", app.display());
            ExitCode::from(2)
        }
    }
}

#[cfg(windows)]
#[allow(unsafe_code)]
fn keep_waiting_on_ctrl_c() {
    use windows_sys::Win32::System::Console::SetConsoleCtrlHandler;
    use windows_sys::core::BOOL;
    unsafe extern "system" fn handled(_event: u32) -> BOOL {
        1
    }
    // SAFETY: registers a handler that only returns; it lives as long as the program. (Not a
    // null handler: ignoring Ctrl+C that way would be inherited by the program it starts.)
    unsafe { SetConsoleCtrlHandler(Some(handled), 1) };
}

#[cfg(not(windows))]
fn keep_waiting_on_ctrl_c() {}
