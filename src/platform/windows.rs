//! The few Windows system calls the app makes itself. Each is a plain call into `user32`,
//! `gdi32`, `kernel32`, `ole32` or `shell32` with buffers owned here; nothing is kept across
//! calls.

use std::ffi::OsStr;
use std::os::windows::ffi::OsStrExt;
use std::path::Path;
use std::ptr::{null, null_mut};

use windows_sys::Win32::Foundation::{
    GENERIC_READ, GENERIC_WRITE, HANDLE, INVALID_HANDLE_VALUE, LPARAM, RECT,
};
use windows_sys::Win32::Graphics::Gdi::{
    EnumDisplayMonitors, GetDC, GetDeviceCaps, GetMonitorInfoW, HDC, HMONITOR, LOGPIXELSX,
    MONITORINFO, ReleaseDC,
};
use windows_sys::Win32::Storage::FileSystem::{
    CreateFileW, FILE_SHARE_READ, FILE_SHARE_WRITE, FILE_TYPE_CHAR, FILE_TYPE_DISK, FILE_TYPE_PIPE,
    GetFileType, OPEN_EXISTING,
};
use windows_sys::Win32::System::Com::{
    COINIT_APARTMENTTHREADED, COINIT_DISABLE_OLE1DDE, CoInitializeEx, CoUninitialize,
};
use windows_sys::Win32::System::Console::{
    ATTACH_PARENT_PROCESS, AttachConsole, GetConsoleMode, GetStdHandle, STD_ERROR_HANDLE,
    STD_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, SetStdHandle,
};
use windows_sys::Win32::UI::Shell::ShellExecuteW;
use windows_sys::Win32::UI::WindowsAndMessaging::{MONITORINFOF_PRIMARY, SW_SHOWNORMAL};
use windows_sys::core::BOOL;

use super::window_fit::{Monitor, Rect};

fn wide(text: &OsStr) -> Vec<u16> {
    text.encode_wide().chain(std::iter::once(0)).collect()
}

/// The command line of a GUI-subsystem program prints nowhere: started from `cmd.exe` or
/// PowerShell, write to the console it was started from. Output sent to a file or a pipe
/// (`> out.txt`, `| more`, a test harness) stays where it was sent.
pub fn attach_parent_console() {
    let streams = [STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE];
    // SAFETY: GetStdHandle only reads this process's standard handles.
    let before = streams.map(|stream| unsafe { GetStdHandle(stream) });
    if before[1..].iter().all(|&handle| redirected(handle)) {
        return;
    }
    // SAFETY: no arguments but a constant; fails harmlessly when the parent has no console
    // (started from Explorer) or this process has one already.
    if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
        return;
    }
    for (stream, handle) in streams.into_iter().zip(before) {
        if redirected(handle) {
            continue;
        }
        let name = if stream == STD_INPUT_HANDLE {
            "CONIN$"
        } else {
            "CONOUT$"
        };
        set_console_handle(stream, name);
    }
}

/// A handle the parent gave that leads to a file, a pipe or a device other than a console
/// (`NUL`): it must be kept.
fn redirected(handle: HANDLE) -> bool {
    if handle.is_null() || handle == INVALID_HANDLE_VALUE {
        return false;
    }
    // SAFETY: both calls only query the handle; an invalid one gives FILE_TYPE_UNKNOWN / 0.
    match unsafe { GetFileType(handle) } {
        FILE_TYPE_DISK | FILE_TYPE_PIPE => true,
        FILE_TYPE_CHAR => {
            let mut mode = 0;
            (unsafe { GetConsoleMode(handle, &mut mode) }) == 0
        }
        _ => false,
    }
}

fn set_console_handle(stream: STD_HANDLE, name: &str) {
    let name = wide(OsStr::new(name));
    // SAFETY: `name` is a NUL-terminated UTF-16 string that outlives the call.
    let handle = unsafe {
        CreateFileW(
            name.as_ptr(),
            GENERIC_READ | GENERIC_WRITE,
            FILE_SHARE_READ | FILE_SHARE_WRITE,
            null(),
            OPEN_EXISTING,
            0,
            null_mut(),
        )
    };
    if handle != INVALID_HANDLE_VALUE {
        // SAFETY: hands over a valid handle that this process keeps open until it ends.
        unsafe { SetStdHandle(stream, handle) };
    }
}

/// The work areas of all monitors, in logical pixels at the primary monitor's scale (the
/// scale at which the window is created), so they compare with iced's window settings.
pub fn work_areas() -> Vec<Monitor> {
    unsafe extern "system" fn collect(
        monitor: HMONITOR,
        _: HDC,
        _: *mut RECT,
        found: LPARAM,
    ) -> BOOL {
        // SAFETY: `found` is the `Vec` passed to EnumDisplayMonitors below, alive for the call.
        let found = unsafe { &mut *(found as *mut Vec<HMONITOR>) };
        found.push(monitor);
        1
    }
    let mut handles: Vec<HMONITOR> = Vec::new();
    // SAFETY: the callback runs during this call only and gets a pointer to `handles`.
    let listed = unsafe {
        EnumDisplayMonitors(
            null_mut(),
            null(),
            Some(collect),
            &mut handles as *mut Vec<HMONITOR> as LPARAM,
        )
    };
    if listed == 0 {
        return Vec::new();
    }
    let scale = system_scale();
    handles
        .into_iter()
        .filter_map(|handle| {
            let mut info = MONITORINFO {
                cbSize: size_of::<MONITORINFO>() as u32,
                rcMonitor: RECT {
                    left: 0,
                    top: 0,
                    right: 0,
                    bottom: 0,
                },
                rcWork: RECT {
                    left: 0,
                    top: 0,
                    right: 0,
                    bottom: 0,
                },
                dwFlags: 0,
            };
            // SAFETY: `info` is a MONITORINFO with its size set, as the call requires.
            (unsafe { GetMonitorInfoW(handle, &mut info) } != 0).then(|| {
                let work = info.rcWork;
                Monitor {
                    work_area: Rect {
                        x: work.left as f32 / scale,
                        y: work.top as f32 / scale,
                        width: (work.right - work.left) as f32 / scale,
                        height: (work.bottom - work.top) as f32 / scale,
                    },
                    primary: info.dwFlags & MONITORINFOF_PRIMARY != 0,
                }
            })
        })
        .collect()
}

/// The primary monitor's scale (1.0 at 96 dpi). `gdi32`'s own call, present on every Windows,
/// where the per-monitor one would need a newer system DLL.
fn system_scale() -> f32 {
    // SAFETY: the screen's device context is taken and given back here.
    let dpi = unsafe {
        let screen = GetDC(null_mut());
        if screen.is_null() {
            return 1.0;
        }
        let dpi = GetDeviceCaps(screen, LOGPIXELSX as i32);
        ReleaseDC(null_mut(), screen);
        dpi
    };
    if dpi > 0 { dpi as f32 / 96.0 } else { 1.0 }
}

/// Opens a folder in Explorer through the shell itself (`ShellExecuteW`, verb `open`): no
/// PowerShell or other program in between, which office policies often block.
pub fn open_folder(path: &Path) -> std::io::Result<()> {
    let path = wide(path.as_os_str());
    let verb = wide(OsStr::new("open"));
    // SAFETY: COM is initialised for this thread as the shell asks; a thread that has it
    // already (the event loop's) answers S_FALSE or RPC_E_CHANGED_MODE and goes on as it was.
    let com = unsafe {
        CoInitializeEx(
            null(),
            (COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE) as u32,
        )
    };
    // SAFETY: both strings are NUL-terminated UTF-16 and outlive the call.
    let result = unsafe {
        ShellExecuteW(
            null_mut(),
            verb.as_ptr(),
            path.as_ptr(),
            null(),
            null(),
            SW_SHOWNORMAL,
        )
    };
    if com >= 0 {
        // SAFETY: balances the successful CoInitializeEx above.
        unsafe { CoUninitialize() };
    }
    // ShellExecuteW reports success with a value above 32.
    if result as isize > 32 {
        Ok(())
    } else {
        Err(std::io::Error::other(format!(
            "ShellExecuteW failed ({})",
            result as isize
        )))
    }
}
