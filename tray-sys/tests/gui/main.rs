//! Runs the tray library for real (GTK + D-Bus on Linux, Win32 under Windows or Wine)
//! on the main thread, one case at a time (runner.rs: the same runner as libui-sys's).

mod common;
mod errors;
#[cfg(target_os = "linux")]
mod linux;
mod runner;
#[cfg(windows)]
mod windows;

fn main() {
    #[allow(unused_mut)]
    let mut cases = errors::cases();
    #[cfg(target_os = "linux")]
    cases.extend(linux::cases());
    #[cfg(windows)]
    cases.extend(windows::cases());
    let setup = || {
        // A private session bus and runtime directory for the StatusNotifierItem cases.
        #[cfg(target_os = "linux")]
        return linux::setup();
        #[cfg(not(target_os = "linux"))]
        Ok(())
    };
    let teardown = || {
        #[cfg(target_os = "linux")]
        linux::teardown();
    };
    // Leave no half-initialised tray behind a failed case.
    runner::run(cases, setup, || unsafe { zt_tray_sys::tray_exit() }, teardown);
}
