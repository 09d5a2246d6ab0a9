//! A panic in the tray's event handler, with the tray served by zt-libui's
//! loop and no `on_panic` hook: the loop stops and `Ui::main` raises it, as it
//! does for a panic in a window callback.  The icon is clicked as the desktop
//! does it (Linux: `Activate` over D-Bus from a status-notifier host in this
//! test; Windows: the shell's callback message).  Own main: the toolkit and the
//! tray want the main thread; needs a display (and on Linux a session bus).

#[path = "support/args.rs"]
mod args;

#[cfg(target_os = "linux")]
#[path = "support/sni.rs"]
#[allow(dead_code)]
mod sni;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use zt_libui::Ui;
use zt_tray::{Event, Icon, Tray};

const PAYLOAD: &str = "the tray handler panicked";
const LIMIT: Duration = Duration::from_secs(20);

/// Clicks the icon from outside the UI thread's code, once the tray is up.
#[cfg(target_os = "linux")]
fn click_icon(ui: &Ui) -> Result<(), String> {
    let host = sni::Host::start().map_err(|e| format!("watcher: {e}"))?;
    let _ = ui;
    std::thread::spawn(move || {
        let click = || -> Result<(), String> {
            let item = host.wait_item(std::process::id(), LIMIT)?;
            let connection = zbus::blocking::Connection::session().map_err(|e| e.to_string())?;
            let sni = zbus::blocking::Proxy::new(
                &connection,
                item.service.as_str(),
                item.path.as_str(),
                "org.kde.StatusNotifierItem",
            )
            .map_err(|e| e.to_string())?;
            sni.call::<_, _, ()>("Activate", &(0i32, 0i32)).map_err(|e| format!("Activate: {e}"))
        };
        if let Err(e) = click() {
            eprintln!("tray_panic: could not click the icon: {e}");
        }
        // Keep the watcher until the process ends: the tray is registered with it.
        std::thread::park();
        drop(host);
    });
    Ok(())
}

/// The shell's message for a left click, posted to the tray's window and delivered by
/// libui's loop: NIN_SELECT in the NOTIFYICON_VERSION_4 shape, WM_LBUTTONUP in the old one
/// (the window reads only the shape the shell accepted, so one of the two is a click).
#[cfg(windows)]
fn click_icon(ui: &Ui) -> Result<(), String> {
    use windows_sys::Win32::UI::WindowsAndMessaging::{FindWindowW, PostMessageW, WM_APP, WM_LBUTTONUP};
    const NIN_SELECT: isize = 0x400;
    let class: Vec<u16> = "TrayMessageWindow".encode_utf16().chain([0]).collect();
    let hwnd = unsafe { FindWindowW(class.as_ptr(), std::ptr::null()) };
    if hwnd.is_null() {
        return Err("the tray window was not found".into());
    }
    ui.timer(100, move || {
        unsafe {
            PostMessageW(hwnd, WM_APP + 1, 0, NIN_SELECT | (1 << 16));
            PostMessageW(hwnd, WM_APP + 1, 0, WM_LBUTTONUP as isize);
        }
        false
    });
    Ok(())
}

fn run() -> Result<(), String> {
    let ui = Ui::init().map_err(|e| e.to_string())?;
    let icon = Icon::from_rgba([200, 40, 40, 255].repeat(16 * 16), 16, 16).map_err(|e| e.to_string())?;
    #[cfg(target_os = "linux")]
    click_icon(&ui)?;
    let tray = Tray::builder(icon)
        .tooltip("tray_panic")
        .on_event(|event, _| {
            if event == Event::IconClicked {
                panic!("{PAYLOAD}");
            }
        })
        .build()
        .map_err(|e| format!("tray: {e}"))?;
    #[cfg(windows)]
    click_icon(&ui)?;
    // Without the fix the loop would run on: end it after LIMIT and fail.
    let started = Instant::now();
    ui.timer(200, move || {
        if started.elapsed() > LIMIT {
            zt_libui::quit();
            return false;
        }
        true
    });
    let outcome = catch_unwind(AssertUnwindSafe(|| ui.main()));
    drop(tray);
    match outcome {
        Ok(()) => Err(format!("Ui::main returned without the handler's panic after {:?}", started.elapsed())),
        Err(payload) => match payload.downcast_ref::<String>() {
            Some(text) if text == PAYLOAD => Ok(()),
            _ => Err("Ui::main raised another panic than the handler's".into()),
        },
    }
}

fn main() -> std::process::ExitCode {
    if args::skip_requested("tray_panic") {
        println!("tray_panic: skipped\n0 passed, 0 failed, 1 skipped");
        return std::process::ExitCode::SUCCESS;
    }
    if cfg!(not(windows)) && std::env::var_os("DISPLAY").is_none() {
        println!("no DISPLAY: run under xvfb-run\n0 passed, 1 failed");
        return std::process::ExitCode::FAILURE;
    }
    // The handler's panic is expected: its message would read as a failure.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.payload().downcast_ref::<String>().map(String::as_str) != Some(PAYLOAD) {
            default_hook(info);
        }
    }));
    match run() {
        Ok(()) => {
            println!("tray_panic: ok (raised from Ui::main)\n1 passed, 0 failed");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            println!("tray_panic: FAILED {e}\n0 passed, 1 failed");
            std::process::ExitCode::FAILURE
        }
    }
}
