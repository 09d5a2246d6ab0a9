//! The app as a process: a second start in the same session leaves at once,
//! and SIGTERM ends the first cleanly, taking its tray item off the bus.
//! Needs a display and a session bus (the test command runs it under
//! xvfb-run and dbus-run-session); without them it fails under CI.
#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EXE: &str = env!("CARGO_BIN_EXE_zerotier_desktop_ui");

fn display_or_skip() -> bool {
    if std::env::var_os("DISPLAY").is_some() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI runs this under xvfb-run: DISPLAY must be set");
    eprintln!("skipped: no DISPLAY");
    false
}

fn start(runtime: &Path) -> Child {
    Command::new(EXE)
        .env("XDG_RUNTIME_DIR", runtime)
        .env("XDG_CONFIG_HOME", runtime.join("config"))
        .stdin(Stdio::null())
        .spawn()
        .expect("the app starts")
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let end = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Whether the tray of process `pid` owns its StatusNotifierItem bus name.
fn tray_on_bus(pid: u32) -> bool {
    let out = Command::new("gdbus")
        .args(["call", "--session", "-d", "org.freedesktop.DBus", "-o", "/org/freedesktop/DBus"])
        .args(["-m", "org.freedesktop.DBus.ListNames"])
        .output()
        .expect("gdbus (libglib2.0-bin)");
    String::from_utf8_lossy(&out.stdout).contains(&format!("org.kde.StatusNotifierItem-{pid}-"))
}

#[test]
fn second_instance_leaves_and_sigterm_cleans_up() {
    if !display_or_skip() {
        return;
    }
    let runtime = std::env::temp_dir().join(format!("ztui-lifecycle-{}", std::process::id()));
    std::fs::create_dir_all(&runtime).unwrap();
    let mut first = start(&runtime);
    let pid = first.id();
    wait_for("the tray's bus name", Duration::from_secs(20), || tray_on_bus(pid));

    let mut second = start(&runtime);
    let mut status = None;
    wait_for("the second instance to leave", Duration::from_secs(20), || {
        status = second.try_wait().unwrap();
        status.is_some()
    });
    assert!(status.unwrap().success(), "a second start leaves quietly: {status:?}");
    assert!(first.try_wait().unwrap().is_none(), "the first instance keeps running");

    let killed = Command::new("kill").args(["-TERM", &first.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let mut status = None;
    wait_for("the app to end after SIGTERM", Duration::from_secs(20), || {
        status = first.try_wait().unwrap();
        status.is_some()
    });
    assert!(status.unwrap().success(), "SIGTERM ends the app like Quit: {status:?}");
    assert!(!tray_on_bus(pid), "the tray's bus name outlived the app");
    // The icon travels over D-Bus: nothing was written for it.
    let written: Vec<_> = std::fs::read_dir(&runtime).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    assert!(written.iter().all(|n| !n.to_string_lossy().starts_with("tray")), "{written:?}");
    let _ = std::fs::remove_dir_all(&runtime);
}
