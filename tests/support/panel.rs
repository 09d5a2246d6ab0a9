//! A real panel for the Linux pictures: xfce4-panel (its Status Tray hosts the app's
//! StatusNotifierItem and draws its dbusmenu) on the test's display and session bus, with
//! the one-bar config tray-sys's panel test uses. Its settings daemon is started here with a
//! private XDG_CONFIG_HOME, so the user's own panel config is neither read nor changed.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use zbus::blocking::{fdo::DBusProxy, Connection, Proxy};

const CONFIG: &str = include_str!("../../tray-sys/tests/panel/xfce4-panel.xml");
const WATCHER: &str = "org.kde.StatusNotifierWatcher";
/// The bar's height and icon size in the config.
const BAR: i32 = 30;
const ICON: i32 = 22;

pub struct Panel {
    panel: Child,
    xfconf: Child,
    bus: Connection,
    /// Where the bar's drawing starts before any icon is there (the clock).
    clock: i32,
}

// xfconfd() and wait() repeat tray-sys/tests/panel/common.rs: including that file by
// #[path] from this package compiles, but rust-analyzer (the `ide` tier) does not load a
// module from another package's folder.

/// xfconfd lives in a library folder, not on PATH.
fn xfconfd() -> Option<PathBuf> {
    let multiarch = std::fs::read_dir("/usr/lib").ok()?.filter_map(|e| e.ok()).map(|e| e.path());
    multiarch
        .map(|d| d.join("xfce4/xfconf/xfconfd"))
        .chain([PathBuf::from("/usr/libexec/xfce4/xfconf/xfconfd")])
        .find(|p| p.is_file())
}

fn wait(limit: Duration, mut ok: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + limit;
    while Instant::now() < end {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    ok()
}

impl Panel {
    /// Starts the settings daemon and the panel (config kept under `home`), and waits until
    /// the panel's StatusNotifierWatcher is on the bus.
    pub fn start(home: &Path) -> Result<Panel, String> {
        let config = home.join("panel-config");
        let channels = config.join("xfce4/xfconf/xfce-perchannel-xml");
        std::fs::create_dir_all(&channels).map_err(|e| e.to_string())?;
        std::fs::write(channels.join("xfce4-panel.xml"), CONFIG).map_err(|e| e.to_string())?;
        let spawn = |program: &Path, args: &[&str]| {
            Command::new(program)
                .args(args)
                .env("XDG_CONFIG_HOME", &config)
                .env("NO_AT_BRIDGE", "1")
                .env_remove("SESSION_MANAGER")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("cannot start {}: {e}", program.display()))
        };
        let bus = Connection::session().map_err(|e| e.to_string())?;
        let dbus = DBusProxy::new(&bus).map_err(|e| e.to_string())?;
        let owned = |name: &str| dbus.name_has_owner(name.try_into().unwrap()).unwrap_or(false);
        let daemon = xfconfd().ok_or("xfconfd is needed (apt install xfconf)")?;
        let xfconf = spawn(&daemon, &[])?;
        if !wait(Duration::from_secs(10), || owned("org.xfce.Xfconf")) {
            return Err("xfconfd never took its bus name".into());
        }
        let panel = spawn(Path::new("xfce4-panel"), &["--disable-wm-check"])?;
        let mut started = Panel { panel, xfconf, bus: bus.clone(), clock: 0 };
        let scratch = home.join("bar.png");
        let mut clock = None;
        if !wait(Duration::from_secs(20), || {
            owned(WATCHER) && {
                clock = bar_left(&scratch);
                clock.is_some()
            }
        }) {
            started.stop();
            return Err("xfce4-panel's StatusNotifierWatcher and clock never appeared".into());
        }
        started.clock = clock.unwrap_or(0);
        Ok(started)
    }

    /// Waits until some item is registered with the panel.
    pub fn wait_item(&self, limit: Duration) -> Result<(), String> {
        let items = || -> Vec<String> {
            Proxy::new(&self.bus, WATCHER, "/StatusNotifierWatcher", WATCHER)
                .and_then(|p| p.get_property("RegisteredStatusNotifierItems"))
                .unwrap_or_default()
        };
        if wait(limit, || !items().is_empty()) {
            Ok(())
        } else {
            Err(format!("no item registered with xfce4-panel within {limit:?}"))
        }
    }

    /// The middle of the tray's first icon, once drawn: the bar holds an empty stretch, then
    /// the Status Tray, then the clock, so the leftmost thing drawn left of the clock is that
    /// icon.
    pub fn first_icon(&self, scratch: &Path, limit: Duration) -> Result<(i32, i32), String> {
        let mut left = None;
        if !wait(limit, || {
            left = bar_left(scratch).filter(|&x| x < self.clock - 8);
            left.is_some()
        }) {
            return Err(format!("no icon drawn on xfce4-panel's bar within {limit:?} (see {})", scratch.display()));
        }
        Ok((left.unwrap_or(0) + ICON / 2, BAR / 2))
    }

    fn stop(&mut self) {
        for child in [&mut self.panel, &mut self.xfconf] {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Where the first thing drawn on the bar starts, if anything is.
fn bar_left(scratch: &Path) -> Option<i32> {
    let crop = format!("2000x{BAR}+0+0");
    let ok = Command::new("import").args(["-window", "root", "-crop", &crop]).arg(scratch).status();
    if !ok.is_ok_and(|s| s.success()) {
        return None;
    }
    let out = Command::new("convert")
        .arg(scratch)
        .args(["+repage", "-fuzz", "8%", "-trim", "-format", "%X %w", "info:"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut fields = text.split_whitespace().map(|t| t.trim_start_matches('+').parse::<i32>().ok());
    // A bar with nothing drawn on it trims to one pixel.
    match (fields.next()??, fields.next()??) {
        (x, w) if w > 1 => Some(x),
        _ => None,
    }
}

impl Drop for Panel {
    fn drop(&mut self) {
        self.stop();
    }
}
