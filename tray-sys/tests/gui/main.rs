//! Runs the tray library for real (GTK + D-Bus on Linux, Win32 under Windows or Wine)
//! on the main thread, one case at a time, and prints `N passed, N failed`.

mod common;
mod errors;
#[cfg(target_os = "linux")]
mod linux;
#[cfg(windows)]
mod windows;

use common::Case;

fn main() {
    let mut cases: Vec<Case> = errors::cases();
    #[allow(unused_mut)]
    let mut env_ok = true;
    #[cfg(target_os = "linux")]
    {
        match linux::setup() {
            Ok(()) => cases.extend(linux::cases()),
            Err(why) => {
                env_ok = false;
                println!("SKIP linux display cases: {why}");
            }
        }
    }
    #[cfg(windows)]
    cases.extend(windows::cases());

    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for case in cases {
        if !filter.is_empty() && !filter.iter().any(|f| case.name.contains(f.as_str())) {
            continue;
        }
        if case.needs_display && !common::has_display() {
            println!("SKIP {}: needs a display (DISPLAY unset and not Windows)", case.name);
            skipped += 1;
            continue;
        }
        // Leave no half-initialised tray behind a failed case.
        let result = std::panic::catch_unwind(case.run).unwrap_or_else(|p| Err(common::panic_text(&p)));
        unsafe { zt_tray_sys::tray_exit() };
        match result {
            Ok(()) => {
                println!("ok   {}", case.name);
                passed += 1;
            }
            Err(e) => {
                println!("FAIL {}: {e}", case.name);
                failed += 1;
            }
        }
    }
    #[cfg(target_os = "linux")]
    linux::teardown();
    if !env_ok {
        failed += 1;
        println!("FAIL environment: the Linux display cases could not be set up");
    }
    if skipped > 0 {
        println!("{passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("{passed} passed, {failed} failed");
    }
    std::process::exit(if failed == 0 { 0 } else { 1 });
}
