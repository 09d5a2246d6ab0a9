//! End to end on Linux: the app started as a user would, its menu read and
//! clicked over D-Bus by a status-notifier host in this test.  Needs a
//! display and a private session bus (xvfb-run + dbus-run-session in the
//! test command); fails under CI without them.
#![cfg(target_os = "linux")]

#[path = "support/sni.rs"]
mod sni;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EXE: &str = env!("CARGO_BIN_EXE_zerotier_desktop_ui");
const WAIT: Duration = Duration::from_secs(20);

fn ready() -> bool {
    if std::env::var_os("DISPLAY").is_some() && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI runs this under xvfb-run and dbus-run-session");
    eprintln!("skipped: no DISPLAY or session bus");
    false
}

struct App(Child);

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(home: &Path) -> App {
    App(Command::new(EXE)
        .env("XDG_RUNTIME_DIR", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null())
        .spawn()
        .expect("the app starts"))
}

/// Waits until an X window with this exact title is mapped.
fn wait_for_window(title: &str) {
    let end = Instant::now() + WAIT;
    loop {
        let found = Command::new("xdotool").args(["search", "--onlyvisible", "--name", &format!("^{title}$")]).output();
        match found {
            Ok(out) if out.status.success() && !out.stdout.is_empty() => return,
            Ok(_) => {}
            Err(e) => panic!("xdotool is needed (apt install xdotool): {e}"),
        }
        assert!(Instant::now() < end, "no window titled {title:?} appeared");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// With `ZTUI_SCREENSHOTS=DIR` (the screenshots tier), saves the screen.
fn screenshot(name: &str) {
    if let Some(dir) = std::env::var_os("ZTUI_SCREENSHOTS") {
        std::thread::sleep(Duration::from_millis(500));
        let path = Path::new(&dir).join(name);
        let ok = Command::new("import").args(["-window", "root"]).arg(&path).status().is_ok_and(|s| s.success());
        assert!(ok, "cannot save {}", path.display());
    }
}

#[test]
fn menu_over_dbus_toggles_start_at_login_and_quits() {
    if !ready() {
        return;
    }
    let home = std::env::temp_dir().join(format!("ztui-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let host = sni::Host::start().expect("the test owns the StatusNotifierWatcher name");
    let mut app = start(&home);
    let item = host.wait_item(app.0.id(), WAIT).unwrap();
    let menu = host.layout_until(&item, WAIT, |m| m.find(&|l| l == "Start at login").is_some()).unwrap();
    for label in ["Refresh", "About ZeroTier Desktop UI", "Quit"] {
        let entry = menu.find(&|l| l == label);
        assert!(entry.is_some_and(|e| e.enabled), "no enabled {label:?} in {:#?}", menu.labels());
    }
    // No service here: the first line says so and cannot be chosen.
    assert!(!menu.children[0].enabled, "{:#?}", menu.labels());
    let autostart = home.join("config/autostart/zerotier-desktop-ui.desktop");
    let toggle = menu.find(&|l| l == "Start at login").unwrap();
    assert_eq!(toggle.checked, Some(false));
    host.click(&item, toggle.id).unwrap();
    let menu = host
        .layout_until(&item, WAIT, |m| m.find(&|l| l == "Start at login").and_then(|n| n.checked) == Some(true))
        .unwrap();
    assert!(autostart.is_file(), "checking Start at login writes {}", autostart.display());
    let toggle = menu.find(&|l| l == "Start at login").unwrap();
    host.click(&item, toggle.id).unwrap();
    host.layout_until(&item, WAIT, |m| m.find(&|l| l == "Start at login").and_then(|n| n.checked) == Some(false))
        .unwrap();
    assert!(!autostart.exists(), "unchecking removes it");

    // About opens a real window (found by its title through X).
    let about = host.layout(&item).unwrap().find(&|l| l == "About ZeroTier Desktop UI").unwrap().id;
    host.click(&item, about).unwrap();
    wait_for_window("About ZeroTier Desktop UI");
    screenshot("about-linux.png");

    let quit = host.layout(&item).unwrap().find(&|l| l == "Quit").unwrap().id;
    host.click(&item, quit).unwrap();
    let end = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = app.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < end, "Quit did not end the app");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let _ = std::fs::remove_dir_all(&home);
}
