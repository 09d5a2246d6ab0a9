//! End to end on Linux: the app started as a user would, its menu read and
//! clicked over D-Bus by a status-notifier host in this test.  Needs a
//! display and a private session bus (xvfb-run + dbus-run-session in the
//! test command); fails under CI without them.
#![cfg(target_os = "linux")]

#[path = "support/sni.rs"]
mod sni;

#[path = "support/double.rs"]
mod double;

#[path = "support/notifications.rs"]
mod notifications;

#[path = "support/panel.rs"]
mod panel;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EXE: &str = env!("CARGO_BIN_EXE_zerotier_desktop_ui");
const WAIT: Duration = Duration::from_secs(20);
/// The app's poll interval and per-call deadline in these tests.
const POLL: Duration = Duration::from_millis(300);
const CALL_DEADLINE: Duration = Duration::from_millis(1500);
/// A change of the service must show by the end of the next poll: the poll starts within POLL,
/// a hung call ends at its deadline, and the rest (building the menu, D-Bus round trips of the
/// test host) gets a fixed allowance.
const ONE_POLL: Duration = Duration::from_millis(POLL.as_millis() as u64 + CALL_DEADLINE.as_millis() as u64 + 2500);

/// One app per session (the app's own rule) and one watcher per bus: the
/// cases take turns.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

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
    start_with(home, &[])
}

fn start_with(home: &Path, args: &[&str]) -> App {
    App(Command::new(EXE)
        .args(args)
        .env("XDG_RUNTIME_DIR", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("ZT_POLL_MS", POLL.as_millis().to_string())
        .env("ZT_TIMEOUT_MS", CALL_DEADLINE.as_millis().to_string())
        .stdin(Stdio::null())
        .spawn()
        .expect("the app starts"))
}

/// Waits until the double has seen `request` ("METHOD /path").
fn wait_for_request(double: &double::Double, request: &str) {
    let end = Instant::now() + WAIT;
    while !double.requests().iter().any(|r| r == request) {
        assert!(Instant::now() < end, "the service never saw {request}: {:?}", double.requests());
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The X CLIPBOARD selection's text, read as another program would.
fn x_clipboard() -> String {
    let out = Command::new("xclip").args(["-o", "-selection", "clipboard"]).output();
    let out = out.unwrap_or_else(|e| panic!("xclip is needed (apt install xclip): {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Types into the window with this title (real key events through XTEST).
fn type_into(title: &str, text: &str) {
    let id =
        Command::new("xdotool").args(["search", "--onlyvisible", "--name", &format!("^{title}$")]).output().unwrap();
    let id = String::from_utf8_lossy(&id.stdout).lines().next().expect("the window exists").to_string();
    let ok = Command::new("xdotool").args(["windowfocus", "--sync", &id]).status().unwrap().success()
        && Command::new("xdotool").args(["type", "--delay", "20", text]).status().unwrap().success()
        && Command::new("xdotool").args(["key", "Return"]).status().unwrap().success();
    assert!(ok, "xdotool could not type into {title:?}");
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

/// With `ZTUI_SCREENSHOTS=DIR` (the screenshots tier), saves the window with this title
/// (exactly the window: there is no window manager, so no frame).
fn screenshot(title: &str, name: &str) {
    if let Some(dir) = std::env::var_os("ZTUI_SCREENSHOTS") {
        std::thread::sleep(Duration::from_millis(500));
        let id = Command::new("xdotool").args(["search", "--onlyvisible", "--name", &format!("^{title}$")]).output();
        let id = id.ok().and_then(|o| String::from_utf8_lossy(&o.stdout).lines().next().map(str::to_string));
        let id = id.unwrap_or_else(|| panic!("no window titled {title:?} to take"));
        let path = Path::new(&dir).join(name);
        let ok = Command::new("import").args(["-window", &id]).arg(&path).status().is_ok_and(|s| s.success());
        assert!(ok, "cannot save {}", path.display());
    }
}

#[test]
fn menu_over_dbus_toggles_start_at_login_and_quits() {
    if !ready() {
        return;
    }
    let _turn = turn();
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

/// The running app against the service double: each choice reaches the
/// service, copies land on the X clipboard, and a dead or hung service shows
/// in the menu by the end of the next poll.
#[test]
fn menu_over_dbus_drives_the_service() {
    if !ready() {
        return;
    }
    let _turn = turn();
    use double::{Double, Misbehaviour, NET_A, NODE, TOKEN};
    let home = std::env::temp_dir().join(format!("ztui-e2e-double-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let token = home.join("token");
    std::fs::write(&token, TOKEN).unwrap();
    let double = Double::start(false);
    let host = sni::Host::start().expect("the test owns the StatusNotifierWatcher name");
    let port = double.port().to_string();
    let app = start_with(
        &home,
        &["--port", &port, "--token-file", token.to_str().unwrap(), "--service-home", home.to_str().unwrap()],
    );
    let item = host.wait_item(app.0.id(), WAIT).unwrap();
    let address = format!("My address: {NODE}");
    let net = format!("{NET_A} earth");
    let has = |label: &str| {
        let label = label.to_string();
        move |m: &sni::Node| m.find(&|l| l == label).is_some()
    };
    let menu = host.layout_until(&item, WAIT, has(&address)).unwrap();

    host.click(&item, menu.find(&|l| l == address).unwrap().id).unwrap();
    let end = Instant::now() + WAIT;
    while x_clipboard() != NODE {
        assert!(Instant::now() < end, "the address never reached the X clipboard");
        std::thread::sleep(Duration::from_millis(100));
    }

    // About, with the service's version (also the screenshots tier's picture of it).
    host.click(&item, menu.find(&|l| l == "About ZeroTier Desktop UI").unwrap().id).unwrap();
    wait_for_window("About ZeroTier Desktop UI");
    screenshot("About ZeroTier Desktop UI", "about-linux.png");

    // A setting: the double sees the change and the check follows it.
    let network = menu.find(&|l| l == net).unwrap().clone();
    let toggle = network.find(&|l| l == "Allow Default Route Override").unwrap();
    assert_eq!(toggle.checked, Some(false));
    host.click(&item, toggle.id).unwrap();
    // GTK flips a check item's mark by itself when it is clicked, so the
    // service's side is what proves the click was handled.
    wait_for_request(&double, &format!("POST /network/{NET_A}"));
    host.layout_until(&item, WAIT, |m| {
        m.find(&|l| l == net).and_then(|n| n.find(&|l| l == "Allow Default Route Override")).and_then(|n| n.checked)
            == Some(true)
    })
    .unwrap();

    // Disconnect remembers; Reconnect joins again.
    let disconnect = network.find(&|l| l == "Disconnect").unwrap().id;
    host.click(&item, disconnect).unwrap();
    wait_for_request(&double, &format!("DELETE /network/{NET_A}"));
    let menu = host.layout_until(&item, WAIT, has("Saved networks")).unwrap();
    assert!(home.join("config/zerotier-desktop-ui/saved-networks.json").is_file());
    let reconnect = menu.find(&|l| l == "Saved networks").unwrap().find(&|l| l == "Reconnect").unwrap().id;
    host.click(&item, reconnect).unwrap();
    host.layout_until(&item, WAIT, |m| m.children.iter().any(|c| c.label.starts_with(NET_A))).unwrap();

    // Join through the window, typed as a user types (Enter submits).
    let join = host.layout(&item).unwrap().find(&|l| l == "Join Network…").unwrap().id;
    host.click(&item, join).unwrap();
    wait_for_window("Join a ZeroTier network");
    screenshot("Join a ZeroTier network", "join-linux.png");
    type_into("Join a ZeroTier network", "e000 0000 0000 0001");
    wait_for_request(&double, "POST /network/e000000000000001");
    host.layout_until(&item, WAIT, |m| m.children.iter().any(|c| c.label.starts_with("e000000000000001"))).unwrap();

    // A network named with bidi controls and a lone `-` address (the tray's
    // separator mark): the menu still follows the service, cleaned.
    double.set_networks(vec![double::hostile_network(NET_A)]);
    let shown = host
        .layout_until(&item, ONE_POLL, |m| m.children.iter().any(|c| c.label.contains("evil\u{fffd} bank")))
        .unwrap_or_else(|e| panic!("the menu stopped following the service: {e}"));
    let hostile = shown.children.iter().find(|c| c.label.contains("evil")).unwrap();
    assert!(
        !hostile.label.contains(['\u{202E}', '\u{202C}', '\u{200B}', '\u{FEFF}', '\u{2028}']),
        "{:?}",
        hostile.label
    );
    let addresses = hostile.find(&|l| l == "Managed addresses").unwrap();
    assert_eq!(addresses.children.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(), ["\u{2010}"]);

    // A hung service, then a dead one, each shown by the end of the next poll.
    double.misbehave(Misbehaviour::Hung);
    host.layout_until(&item, ONE_POLL, |m| {
        m.children.first().is_some_and(|c| c.label == "ZeroTier One is not answering")
    })
    .expect("a hung service shows within one poll");
    double.misbehave(Misbehaviour::None);
    // Coming back is not bound to one poll: while the service is down the app backs off (5 s
    // first), so it is seen at the next backed-off poll.
    host.layout_until(&item, WAIT, has(&address)).expect("the answering service shows again");
    drop(double);
    host.layout_until(&item, ONE_POLL, |m| {
        m.children.first().is_some_and(|c| c.label == "ZeroTier One is not running")
    })
    .expect("a dead service shows within one poll");
    let _ = std::fs::remove_dir_all(&home);
}

/// Desktop notifications as a notification server receives them: none for
/// the state found at start, one per change the user cares about, none while
/// the "Notifications" item is unchecked (which is saved for the next start).
#[test]
fn notifications_follow_the_service_and_can_be_switched_off() {
    if !ready() {
        return;
    }
    let _turn = turn();
    use double::{Double, NET_A, NODE, TOKEN};
    let home = std::env::temp_dir().join(format!("ztui-e2e-notify-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();
    let token = home.join("token");
    std::fs::write(&token, TOKEN).unwrap();
    let double = Double::start(false);
    double.set_status(NET_A, "REQUESTING_CONFIGURATION");
    let host = sni::Host::start().expect("the test owns the StatusNotifierWatcher name");
    let shown = notifications::Notifications::start().expect("the test owns the notification server's name");
    let port = double.port().to_string();
    let args = ["--port", &port, "--token-file", token.to_str().unwrap(), "--service-home", home.to_str().unwrap()];
    let app = start_with(&home, &args);
    let item = host.wait_item(app.0.id(), WAIT).unwrap();
    let address = format!("My address: {NODE}");
    host.layout_until(&item, WAIT, |m| m.find(&|l| l == address).is_some()).unwrap();
    // The double's second network waits for a login from the start: that is the state, not news.
    std::thread::sleep(POLL * 4);
    assert_eq!(shown.shown(), [], "nothing at start");

    double.set_status(NET_A, "OK");
    shown.wait_for(&format!("Connected to earth ({NET_A})"), ONE_POLL).unwrap();
    double.set_status(NET_A, "ACCESS_DENIED");
    let denied = format!("Access denied to earth ({NET_A})");
    shown.wait_for(&denied, ONE_POLL).unwrap();
    std::thread::sleep(POLL * 4);
    assert_eq!(shown.shown().iter().filter(|s| s.summary == denied).count(), 1, "never twice for one change");

    // Switched off: saved, and still off after a restart.
    let toggle = host.layout(&item).unwrap().find(&|l| l == "Notifications").unwrap().clone();
    assert_eq!(toggle.checked, Some(true), "on until switched off");
    host.click(&item, toggle.id).unwrap();
    let settings = home.join("config/zerotier-desktop-ui/settings.json");
    let end = Instant::now() + WAIT;
    while !std::fs::read_to_string(&settings).is_ok_and(|t| t.contains("\"notifications\": false")) {
        assert!(Instant::now() < end, "unchecking Notifications is not saved in {}", settings.display());
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(app);
    let app = start_with(&home, &args);
    let item = host.wait_item(app.0.id(), WAIT).unwrap();
    let menu = host.layout_until(&item, WAIT, |m| m.find(&|l| l == address).is_some()).unwrap();
    assert_eq!(menu.find(&|l| l == "Notifications").unwrap().checked, Some(false), "the setting survives a restart");
    let before = shown.shown().len();
    double.set_status(NET_A, "NOT_FOUND");
    let net = format!("{NET_A} earth");
    host.layout_until(&item, ONE_POLL, |m| {
        // The test host drops underscores (GTK mnemonics) from labels.
        m.find(&|l| l == net).and_then(|n| n.find(&|l| l == "Status: NOTFOUND")).is_some()
    })
    .unwrap();
    std::thread::sleep(POLL * 3);
    assert_eq!(shown.shown().len(), before, "nothing while switched off: {:#?}", shown.shown());

    // On again: the service stopping is news.
    let toggle = host.layout(&item).unwrap().find(&|l| l == "Notifications").unwrap().id;
    host.click(&item, toggle).unwrap();
    host.layout_until(&item, WAIT, |m| m.find(&|l| l == "Notifications").and_then(|n| n.checked) == Some(true))
        .unwrap();
    drop(double);
    shown.wait_for("ZeroTier One is not running", ONE_POLL).unwrap();
    assert_eq!(shown.shown().len(), before + 1, "only the service stopping: {:#?}", shown.shown());
    drop(app);
    let _ = std::fs::remove_dir_all(&home);
}

/// For the screenshots tier only (`ZTUI_SCREENSHOTS`): the app's menu as a user sees it,
/// opened with a right click on its icon in xfce4-panel, with the double's networks.
#[test]
fn menu_picture() {
    let Some(dir) = std::env::var_os("ZTUI_SCREENSHOTS") else { return };
    let _turn = turn();
    use double::{Double, TOKEN};
    let home = std::env::temp_dir().join(format!("ztui-e2e-picture-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let token = home.join("token");
    std::fs::write(&token, TOKEN).unwrap();
    // As a careful user keeps it (else the menu rightly warns about it).
    std::fs::set_permissions(&token, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let double = Double::start(false);
    let panel = panel::Panel::start(&home).unwrap_or_else(|e| panic!("{e}"));
    let port = double.port().to_string();
    let _app = start_with(&home, &["--port", &port, "--token-file", token.to_str().unwrap()]);
    panel.wait_item(WAIT).unwrap();
    // The first polls fill the menu.
    wait_for_request(&double, "GET /network");
    std::thread::sleep(Duration::from_secs(1));
    let (x, y) = panel.first_icon(&home.join("bar.png"), WAIT).unwrap();
    let click = ["mousemove", &x.to_string(), &y.to_string(), "click", "3"];
    assert!(Command::new("xdotool").args(click).status().unwrap().success());
    std::thread::sleep(Duration::from_millis(1500));
    // The bar's right end and the menu below it, not the whole empty screen.
    let path = Path::new(&dir).join("menu-linux.png");
    let screen = Command::new("xdotool").arg("getdisplaygeometry").output().unwrap();
    let width: i32 = String::from_utf8_lossy(&screen.stdout).split_whitespace().next().unwrap().parse().unwrap();
    let crop = format!("640x360+{}+0", width - 640);
    assert!(Command::new("import").args(["-window", "root", "-crop", &crop]).arg(&path).status().unwrap().success());
    Command::new("xdotool").args(["key", "Escape"]).status().unwrap();
    drop(panel);
    let _ = std::fs::remove_dir_all(&home);
}
