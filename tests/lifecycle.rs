//! The app as a process: a second start in the same session leaves at once,
//! and SIGTERM ends the first cleanly, taking its tray icon files with it.
//! Needs a display and a session bus (the test command runs it under
//! xvfb-run and dbus-run-session); without them it fails under CI.
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
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

fn icon_dir(runtime: &Path, pid: u32) -> PathBuf {
    runtime.join(format!("tray-icons-{pid}"))
}

#[test]
fn second_instance_leaves_and_sigterm_cleans_up() {
    if !display_or_skip() {
        return;
    }
    let runtime = std::env::temp_dir().join(format!("ztui-lifecycle-{}", std::process::id()));
    std::fs::create_dir_all(&runtime).unwrap();
    let mut first = start(&runtime);
    let icons = icon_dir(&runtime, first.id());
    wait_for("the tray's icon folder", Duration::from_secs(20), || icons.is_dir());

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
    assert!(!icons.exists(), "the tray's icon folder was left behind");
    let _ = std::fs::remove_dir_all(&runtime);
}
