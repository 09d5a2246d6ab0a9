//! The Networks / Peers / This node window, in this process against the
//! service double (GTK natively, Win32 under Wine and ARM64 Wine): opened
//! as "Show ZeroTier…" opens it, its tables read back, a network selected
//! and a switch toggled, a join typed into the field, the selection kept
//! across an update that inserts rows above it, 1,000 peers shown, and the
//! size and tab kept in settings.json when it closes.  Own main: the
//! toolkit and the tray want the main thread.  Needs a display (and on
//! Linux a session bus), as the other GUI tests do.

#[path = "support/args.rs"]
mod args;
#[path = "support/double.rs"]
mod double;

#[cfg(target_os = "linux")]
#[path = "support/sni.rs"]
#[allow(dead_code)]
mod sni;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use double::{Double, NET_A, NET_B, NODE, TOKEN};
use zerotier_desktop_ui::window_probe::{self as probe, Snapshot};
use zerotier_desktop_ui::{App, Overrides};

const WAIT: Duration = Duration::from_secs(30);

fn main() -> ExitCode {
    if args::skip_requested("app_window") {
        println!("app_window: skipped\n0 passed, 0 failed, 1 skipped");
        return ExitCode::SUCCESS;
    }
    if cfg!(not(windows)) && std::env::var_os("DISPLAY").is_none() {
        if std::env::var_os("CI").is_some() {
            println!("app_window: FAILED no DISPLAY under CI\n0 passed, 1 failed");
            return ExitCode::FAILURE;
        }
        println!("app_window: SKIP no DISPLAY (run under xvfb-run)\n0 passed, 0 failed, 1 skipped");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(summary) => {
            println!("app_window: ok ({summary})\n1 passed, 0 failed");
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("app_window: FAILED {e}\n0 passed, 1 failed");
            ExitCode::FAILURE
        }
    }
}

/// Runs the app's loop until `done` gives a value, or fails naming `what`.
fn pump<T>(app: &App, what: &str, mut done: impl FnMut(&Snapshot) -> Option<T>) -> Result<T, String> {
    let end = Instant::now() + WAIT;
    loop {
        app.step();
        if let Some(value) = probe::snapshot().as_ref().and_then(&mut done) {
            return Ok(value);
        }
        if Instant::now() > end {
            return Err(format!("timed out waiting for {what}; window: {:?}", probe::snapshot()));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn row_of(rows: &[Vec<String>], column: usize, text: &str) -> Option<usize> {
    rows.iter().position(|r| r.get(column).map(String::as_str) == Some(text))
}

fn sandbox() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ztui-window-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run() -> Result<String, String> {
    let dir = sandbox();
    let token = dir.join("token");
    std::fs::write(&token, TOKEN).unwrap();
    let double = Double::start(false);
    std::env::set_var("ZT_POLL_MS", "5000");
    std::env::set_var("ZT_TIMEOUT_MS", "3000");
    // The settings file goes to the sandbox on either platform.
    std::env::set_var("APPDATA", &dir);
    std::env::set_var("XDG_CONFIG_HOME", &dir);
    std::fs::write(
        settings_file(&dir),
        "{\"notifications\": false, \"window\": {\"width\": 700, \"height\": 500, \"tab\": 0}}",
    )
    .ok();
    #[cfg(target_os = "linux")]
    let _host = sni::Host::start().map_err(|e| format!("no status-notifier host on the session bus: {e}"))?;
    let overrides =
        Overrides { service_home: Some(dir.clone()), port: Some(double.port().to_string()), token_file: Some(token) };
    let app = App::start(overrides)?;
    app.show_window();

    // The tables and This node, read back; the tray polls every 5 s, the open window every second.
    let started = Instant::now();
    let s = pump(&app, "both networks and peers", |s| (s.networks.len() == 2 && s.peers.len() == 2).then_some(()))
        .map(|()| probe::snapshot().unwrap())?;
    let opened_in = started.elapsed();
    let a = row_of(&s.networks, 1, NET_A).ok_or(format!("{NET_A} not in {:?}", s.networks))?;
    check(&s.networks[a][0] == "earth" && s.networks[a][2] == "OK", "the earth row", &s.networks[a])?;
    check(s.networks[a][4] == "10.147.17.5/24, fd80:56c2:e21c::1/88", "managed addresses", &s.networks[a])?;
    check(s.networks[a][5] == "ztabcdef12" && s.networks[a][6] == "32:a1:b2:c3:d4:e5", "device and MAC", &s.networks)?;
    let planet = row_of(&s.peers, 0, "778cde7190").ok_or(format!("no planet in {:?}", s.peers))?;
    check(s.peers[planet][1] == "planet" && s.peers[planet][3] == "87 ms", "the planet's row", &s.peers[planet])?;
    check(s.peers[planet][4].starts_with("direct (192.0.2.10/9993)"), "direct link", &s.peers[planet])?;
    let node = |label: &str| s.node.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone()).unwrap_or_default();
    check(node("Address") == NODE && node("Online") == "yes", "node address and online", &s.node)?;
    check(node("Planet world ID") == "149604618" && node("Ports") == "9993, 41234", "planet and ports", &s.node)?;
    check(node("API port").contains("override"), "where the port came from", &s.node)?;
    check(s.tab == Some(0), "the saved tab", &s.tab)?;

    if let Some(dir) = std::env::var_os("ZTUI_SCREENSHOTS") {
        pictures(&app, &double, std::path::Path::new(&dir), &s)?;
    }

    // Select a network: its details; the SSO one offers its login page by host.
    let b = row_of(&s.networks, 1, NET_B).unwrap();
    probe::select_network(Some(b));
    let s = probe::snapshot().unwrap();
    check(s.network_selected == Some(b), "the toolkit's selection", &s.network_selected)?;
    check(s.login_button == ("Open login page on login.example".into(), true), "login button", &s.login_button)?;
    probe::select_network(Some(a));
    let s = probe::snapshot().unwrap();
    check(s.details.starts_with(NET_A) && s.allow == [true, false, false, true], "earth's details", &s)?;
    check(!s.login_button.1, "no login page for earth", &s.login_button)?;

    // Toggle "Allow Default Route Override": asked of the service, shown by the next poll.
    probe::toggle(2);
    let on = || double.networks().iter().any(|n| n["id"] == NET_A && n["allowDefault"] == true);
    pump(&app, "the service to have the switch on", |_| on().then_some(()))?;
    let asked = double.requests().iter().any(|r| r == &format!("POST /network/{NET_A}"));
    check(asked, "a POST for the switch", &double.requests())?;
    let polls = double.requests().len();
    pump(&app, "a poll after the change", |_| (double.requests().len() > polls + 2).then_some(()))?;
    let s = probe::snapshot().unwrap();
    check(s.allow == [true, false, true, true], "the switch as the service has it", &s.allow)?;

    // The selection survives an update that inserts rows above it and changes its row.
    let mut nets = double.networks();
    nets.push(double::network("0000000000000001", "first"));
    nets.push(double::network("0000000000000002", "second"));
    for n in nets.iter_mut().filter(|n| n["id"] == NET_A) {
        n["status"] = "ACCESS_DENIED".into();
    }
    double.set_networks(nets);
    let s = pump(&app, "the two new rows", |s| (s.networks.len() == 4).then(|| s.clone()))?;
    let moved = row_of(&s.networks, 1, NET_A).unwrap();
    check(moved == a + 2, "earth moved down two rows", &s.networks)?;
    pump(&app, "earth to be denied", |s| (s.networks[moved][2] == "ACCESS_DENIED").then_some(()))?;
    let s = probe::snapshot().unwrap();
    check(s.network_selected == Some(moved), "the selection followed earth", &(s.network_selected, moved))?;
    check(s.details.contains("ACCESS_DENIED"), "the details follow the change", &s.details)?;

    // Join through the field: filtered as typed, enabled only for a valid ID, sent, answered.
    probe::type_join("8056 c2e2-1c00", false);
    let s = probe::snapshot().unwrap();
    check(s.join_text == "8056c2e21c00" && !s.join_enabled, "a partial ID", &(s.join_text, s.join_enabled))?;
    let new_id = "feedc0de00000042";
    probe::type_join(&new_id.to_uppercase(), true);
    pump(&app, "the join to be answered", |s| (s.join_message == format!("Joined {new_id}.")).then_some(()))?;
    check(double.requests().contains(&format!("POST /network/{new_id}")), "the join's POST", &double.requests())?;
    pump(&app, "the joined network's row", |s| row_of(&s.networks, 1, new_id))?;

    // 1,000 peers: shown, updated in place, filtered, one selected keeps its graph.
    let many: Vec<_> = (0..1000u64).map(|i| double::peer(&format!("{:010x}", 0x10_0000_0000u64 + i), false)).collect();
    double.set_peers(many.clone());
    probe::select_tab(1);
    pump(&app, "1,000 peers", |s| (s.peers.len() == 1000).then_some(()))?;
    probe::select_peer(Some(500));
    let picked = probe::snapshot().unwrap().peers[500][0].clone();
    let mut slower = many;
    for p in slower.iter_mut().step_by(10) {
        p["latency"] = 250.into();
    }
    double.set_peers(slower);
    let s = pump(&app, "the latencies to change", |s| (s.peers[0][3] == "250 ms").then(|| s.clone()))?;
    check(
        s.peer_selected.map(|r| s.peers[r][0].clone()) == Some(picked.clone()),
        "the peer stays selected",
        &s.peer_selected,
    )?;
    check(s.graph_title.contains(&picked) && s.paths.contains("192.0.2.10/9993"), "paths and graph", &s.paths)?;
    let update_1000 = s.last_peers_update;
    probe::set_filter(&picked[6..]);
    let s = probe::snapshot().unwrap();
    check(s.peers.len() == 1 && s.peer_selected == Some(0), "filtered to the one", &s.peers)?;

    // Closing keeps the tray running and the size and tab for the next time.
    zerotier_desktop_ui::window_probe::close();
    check(probe::snapshot().is_none(), "the window closed", &())?;
    for _ in 0..20 {
        app.step();
    }
    let text = std::fs::read_to_string(settings_file(&dir)).unwrap_or_default();
    check(text.contains("\"tab\": 1") && text.contains("\"width\""), "settings.json keeps the tab", &text)?;
    check(text.contains("\"notifications\": false"), "settings.json keeps the other settings", &text)?;
    app.show_window();
    pump(&app, "the window to reopen on Peers", |s| (s.tab == Some(1)).then_some(()))?;
    zerotier_desktop_ui::window_probe::close();
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(format!(
        "opened with both tables in {} ms; last 1,000-peer update {:.1} ms",
        opened_in.as_millis(),
        update_1000.as_secs_f64() * 1000.0
    ))
}

/// For the screenshots tier (`ZTUI_SCREENSHOTS=DIR`): each tab as a user
/// sees it, a network selected, a peer selected with a few seconds of
/// latency history; then back to where the test was.
fn pictures(app: &App, double: &Double, dir: &std::path::Path, s: &Snapshot) -> Result<(), String> {
    let platform = if cfg!(windows) { "wine" } else { "linux" };
    probe::select_network(row_of(&s.networks, 1, NET_A));
    settle(app, Duration::from_millis(800));
    save_window(app, &dir.join(format!("window-networks-{platform}")))?;
    probe::select_tab(1);
    probe::select_peer(row_of(&s.peers, 0, "778cde7190"));
    let base: Vec<_> = ["778cde7190", "1a2b3c4d5e"].iter().map(|a| double::peer(a, a.starts_with('7'))).collect();
    for second in 0..12u32 {
        let mut peers = base.clone();
        peers[0]["latency"] = (60 + (second * 37) % 50).into();
        double.set_peers(peers);
        settle(app, Duration::from_millis(1000));
    }
    save_window(app, &dir.join(format!("window-peers-{platform}")))?;
    probe::select_tab(2);
    settle(app, Duration::from_millis(800));
    save_window(app, &dir.join(format!("window-node-{platform}")))?;
    double.set_peers(base);
    probe::select_tab(0);
    probe::select_network(None);
    probe::select_peer(None);
    Ok(())
}

fn settle(app: &App, time: Duration) {
    let end = Instant::now() + time;
    while Instant::now() < end {
        app.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Saves the window titled "ZeroTier" as `<path>.png` (ImageMagick's import).
#[cfg(not(windows))]
fn save_window(_app: &App, path: &std::path::Path) -> Result<(), String> {
    let out = std::process::Command::new("xdotool").args(["search", "--onlyvisible", "--name", "^ZeroTier$"]).output();
    let id = out.ok().and_then(|o| String::from_utf8_lossy(&o.stdout).lines().next().map(str::to_string));
    let id = id.ok_or("the window is not on the screen (xdotool found no \"ZeroTier\")")?;
    let png = path.with_extension("png");
    let ok = std::process::Command::new("import").args(["-window", &id]).arg(&png).status();
    check(ok.is_ok_and(|s| s.success()), "import saved the window", &png)
}

/// Asks the screenshots tier for a picture of the window: writes
/// `<path>.ready` with the window's place on the screen (`WxH+X+Y`), then
/// runs the app until the tier (outside Wine, with ImageMagick's import)
/// has saved `<path>.png`.
#[cfg(windows)]
fn save_window(app: &App, path: &std::path::Path) -> Result<(), String> {
    #[repr(C)]
    struct Rect {
        left: i32,
        top: i32,
        right: i32,
        bottom: i32,
    }
    #[link(name = "user32")]
    extern "system" {
        fn FindWindowW(class: *const u16, name: *const u16) -> *mut std::ffi::c_void;
        fn GetWindowRect(hwnd: *mut std::ffi::c_void, rect: *mut Rect) -> i32;
    }
    let title: Vec<u16> = "ZeroTier".encode_utf16().chain(Some(0)).collect();
    let hwnd = unsafe { FindWindowW(std::ptr::null(), title.as_ptr()) };
    check(!hwnd.is_null(), "the window for the picture", &"FindWindowW(\"ZeroTier\")")?;
    let mut r = Rect { left: 0, top: 0, right: 0, bottom: 0 };
    check(unsafe { GetWindowRect(hwnd, &mut r) } != 0, "the window's place", &())?;
    let geometry = format!("{}x{}+{}+{}", r.right - r.left, r.bottom - r.top, r.left.max(0), r.top.max(0));
    let (ready, png) = (path.with_extension("ready"), path.with_extension("png"));
    let _ = std::fs::remove_file(&png);
    std::fs::write(&ready, geometry).map_err(|e| format!("{}: {e}", ready.display()))?;
    let end = Instant::now() + Duration::from_secs(20);
    while !png.exists() {
        check(Instant::now() < end, "the tier to take the picture", &png)?;
        settle(app, Duration::from_millis(100));
    }
    Ok(())
}

fn settings_file(dir: &std::path::Path) -> PathBuf {
    let folder = if cfg!(windows) { "ZeroTier Desktop UI" } else { "zerotier-desktop-ui" };
    let _ = std::fs::create_dir_all(dir.join(folder));
    dir.join(folder).join("settings.json")
}

fn check(ok: bool, what: &str, seen: &dyn std::fmt::Debug) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("{what}: {seen:?}"))
    }
}
