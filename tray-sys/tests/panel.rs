//! The Linux tray in real hosts, driven by real input: `xfce4-panel` (its Status Tray plugin
//! hosts StatusNotifierItems and draws the dbusmenu) and `trayer` (an XEmbed tray, no
//! watcher), each on its own Xvfb display and private session bus, with the `tray_minimal`
//! example as the application. The icon is found on screen by its colour, clicked with
//! xdotool, and what reached the example's callbacks is read from its output.
//!
//! Skipped when a tool is missing, except under `CI=true`, where that fails.
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[path = "panel/common.rs"]
mod common;
use common::{wait_for, xfconfd, PANEL_CONFIG};

const TOOLS: &[&str] =
    &["Xvfb", "dbus-daemon", "xfce4-panel", "trayer", "xdotool", "import", "convert", "gdbus", "xprop"];
/// tray_minimal's icon colour.
const ORANGE: &str = "#ffb000";

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The examples cargo builds for `cargo test` sit next to the test's deps folder.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().join("examples").join(name)
}

/// Kills the child when dropped, so a failed assertion leaves no process behind.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A display, a session bus and a fresh home for one host.
struct Desk {
    display: String,
    bus: String,
    home: PathBuf,
    _x: Proc,
    _dbus: Proc,
}

impl Desk {
    fn start(tag: &str) -> Desk {
        let mut x = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "480x240x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb");
        let mut line = String::new();
        BufReader::new(x.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let display = format!(":{}", line.trim());
        let mut d = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon");
        let mut bus = String::new();
        BufReader::new(d.stdout.take().unwrap()).read_line(&mut bus).unwrap();
        let home = std::env::temp_dir().join(format!("tray-panel-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(home.join("runtime")).unwrap();
        let channels = home.join("config/xfce4/xfconf/xfce-perchannel-xml");
        std::fs::create_dir_all(&channels).unwrap();
        std::fs::write(channels.join("xfce4-panel.xml"), PANEL_CONFIG).unwrap();
        Desk { display, bus: bus.trim().to_string(), home, _x: Proc(x), _dbus: Proc(d) }
    }

    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(program);
        c.env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join("config"))
            .env("XDG_RUNTIME_DIR", self.home.join("runtime"))
            .env("NO_AT_BRIDGE", "1")
            .env_remove("SESSION_MANAGER");
        c
    }

    fn spawn(&self, program: &str, args: &[&str]) -> Proc {
        Proc(self.command(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect(program))
    }

    /// The example, with its output lines collected.
    fn app(&self) -> (Proc, Arc<Mutex<Vec<String>>>) {
        let mut child = self
            .command(example("tray_minimal"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("tray_minimal (built by cargo test)");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let out = child.stdout.take().unwrap();
        let sink = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        (Proc(child), lines)
    }

    /// xfce4-panel with the config above. Its settings daemon is started here first, with
    /// this desk's XDG_CONFIG_HOME: started by D-Bus activation it would read and write the
    /// config of whoever runs the test.
    fn xfce4_panel(&self) -> (Proc, Proc) {
        let daemon = xfconfd().expect("xfconfd (Debian package xfconf)");
        let conf = self.spawn(daemon.to_str().unwrap(), &[]);
        let owned = wait_for(Duration::from_secs(10), || {
            self.gdbus(&[
                "call",
                "--session",
                "-d",
                "org.freedesktop.DBus",
                "-o",
                "/org/freedesktop/DBus",
                "-m",
                "org.freedesktop.DBus.NameHasOwner",
                "org.xfce.Xfconf",
            ])
            .contains("true")
        });
        assert!(owned, "xfconfd never took its bus name");
        (conf, self.spawn("xfce4-panel", &["--disable-wm-check"]))
    }

    fn gdbus(&self, args: &[&str]) -> String {
        let out = self.command("gdbus").args(args).output().expect("gdbus");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The items the panel's watcher lists ("" when there is no watcher).
    fn registered(&self) -> String {
        self.gdbus(&[
            "call",
            "--session",
            "-d",
            "org.kde.StatusNotifierWatcher",
            "-o",
            "/StatusNotifierWatcher",
            "-m",
            "org.freedesktop.DBus.Properties.Get",
            "org.kde.StatusNotifierWatcher",
            "RegisteredStatusNotifierItems",
        ])
    }

    /// Where the icon is on screen: the centre of the orange pixels, if any.
    fn find_icon(&self, picture: &Path) -> Option<(i32, i32)> {
        let ok = self.command("import").args(["-window", "root"]).arg(picture).status().is_ok_and(|s| s.success());
        if !ok {
            return None;
        }
        let out = Command::new("convert")
            .arg(picture)
            .args(["-fuzz", "12%", "-fill", "black", "+opaque", ORANGE, "-trim", "-format", "%w %h %X %Y", "info:"])
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let v: Vec<i32> = text.split_whitespace().filter_map(|t| t.trim_start_matches('+').parse().ok()).collect();
        // A picture with nothing orange trims to 1x1.
        match v[..] {
            [w, h, x, y] if w > 3 && h > 3 => Some((x + w / 2, y + h / 2)),
            _ => None,
        }
    }

    /// Waits until the icon is drawn and returns its centre as xdotool arguments; the last
    /// look at the screen is kept as `picture`.
    fn wait_icon(&self, picture: &str, limit: Duration) -> (String, String) {
        let shot = pictures().join(picture);
        let mut at = None;
        let drawn = wait_for(limit, || {
            at = self.find_icon(&shot);
            at.is_some()
        });
        assert!(drawn, "the icon is not on screen (see {})", shot.display());
        let (x, y) = at.unwrap();
        (x.to_string(), y.to_string())
    }

    /// Whether a tooltip window is on screen: GTK marks its tooltips with the window
    /// type _NET_WM_WINDOW_TYPE_TOOLTIP.
    fn tooltip_shown(&self) -> bool {
        let out = self.command("xdotool").args(["search", "--onlyvisible", "--name", ""]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).split_whitespace().any(|id| {
            let prop = self.command("xprop").args(["-id", id, "_NET_WM_WINDOW_TYPE"]).output().unwrap();
            String::from_utf8_lossy(&prop.stdout).contains("_NET_WM_WINDOW_TYPE_TOOLTIP")
        })
    }

    fn xdotool(&self, args: &[&str]) {
        assert!(self.command("xdotool").args(args).status().unwrap().success(), "xdotool {args:?}");
    }
}

fn saw(lines: &Arc<Mutex<Vec<String>>>, line: &str) -> bool {
    lines.lock().unwrap().iter().any(|l| l == line)
}

/// Whether the test can run here; a missing tool is a failure only in CI.
fn tools_present() -> bool {
    let mut missing: Vec<&str> = TOOLS.iter().copied().filter(|t| !have(t)).collect();
    if xfconfd().is_none() {
        missing.push("xfconfd");
    }
    if missing.is_empty() {
        return true;
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "missing {missing:?} (cargo xtask setup installs them)");
    eprintln!("skipped: missing {missing:?}");
    false
}

fn pictures() -> PathBuf {
    let dir = example("").parent().unwrap().join("tray-panel");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn xfce4_panel_hosts_clicks_and_survives_restarts() {
    if !tools_present() {
        return;
    }
    let desk = Desk::start("xfce");
    let (xfconf, panel) = desk.xfce4_panel();
    assert!(
        wait_for(Duration::from_secs(20), || desk.registered().contains('[')),
        "xfce4-panel's watcher never appeared"
    );
    let (_app, lines) = desk.app();
    assert!(
        wait_for(Duration::from_secs(10), || desk.registered().contains("StatusNotifierItem-")),
        "never registered"
    );
    let (xs, ys) = desk.wait_icon("xfce4-panel.png", Duration::from_secs(10));

    // Hover: the panel shows the item's ToolTip (no tooltip while the pointer is away).
    desk.xdotool(&["mousemove", "0", "200"]);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!desk.tooltip_shown(), "a tooltip before the pointer reached the icon");
    desk.xdotool(&["mousemove", &xs, &ys]);
    assert!(wait_for(Duration::from_secs(5), || desk.tooltip_shown()), "hovering the icon shows no tooltip");
    let _ = desk.command("import").args(["-window", "root"]).arg(pictures().join("xfce4-panel-tooltip.png")).status();
    desk.xdotool(&["mousemove", "0", "200"]);

    // Left click: the icon's callback (Activate), not the menu.
    desk.xdotool(&["mousemove", &xs, &ys, "click", "1"]);
    assert!(wait_for(Duration::from_secs(5), || saw(&lines, "clicked icon")), "left click never arrived: {lines:?}");

    // Right click: the panel opens the dbusmenu; the first entry is "Hello".
    desk.xdotool(&["mousemove", &xs, &ys, "click", "3"]);
    std::thread::sleep(Duration::from_millis(800));
    let _ = desk.command("import").args(["-window", "root"]).arg(pictures().join("xfce4-panel-menu.png")).status();
    desk.xdotool(&["key", "Down", "Return"]);
    assert!(wait_for(Duration::from_secs(5), || saw(&lines, "clicked Hello")), "menu choice never arrived: {lines:?}");

    // The panel dies (SIGKILL) and comes back: within 2 s of the new watcher the item is
    // registered again and its icon is on the bar.
    drop(panel);
    assert!(wait_for(Duration::from_secs(5), || !desk.registered().contains('[')), "the watcher did not go away");
    let panel = desk.spawn("xfce4-panel", &["--disable-wm-check"]);
    assert!(wait_for(Duration::from_secs(20), || desk.registered().contains('[')), "xfce4-panel did not come back");
    let back = Instant::now();
    assert!(
        wait_for(Duration::from_secs(2), || desk.registered().contains("StatusNotifierItem-")),
        "not registered again within 2 s: {}",
        desk.registered()
    );
    eprintln!("registered again {:?} after the watcher", back.elapsed());
    desk.wait_icon("xfce4-panel-restarted.png", Duration::from_secs(2).saturating_sub(back.elapsed()));
    eprintln!("drawn again {:?} after the watcher", back.elapsed());
    drop(panel);
    drop(xfconf);
}

#[test]
fn trayer_shows_the_xembed_fallback() {
    if !tools_present() {
        return;
    }
    let desk = Desk::start("trayer");
    let _trayer = desk.spawn(
        "trayer",
        &["--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "120", "--height", "32"],
    );
    std::thread::sleep(Duration::from_millis(500));
    let (_app, lines) = desk.app();
    let (x, y) = desk.wait_icon("trayer.png", Duration::from_secs(15));
    desk.xdotool(&["mousemove", &x, &y, "click", "1"]);
    assert!(wait_for(Duration::from_secs(5), || saw(&lines, "clicked icon")), "click never arrived: {lines:?}");
}
