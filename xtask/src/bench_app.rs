//! `cargo xtask bench-app`: what the app costs a user.  Prints the stripped
//! exe size for every target this machine can build, the resident memory
//! after start-up and at its peak, CPU time and wake-ups (context switches
//! of all threads) while idle, how long a menu rebuild takes for 1 and
//! 500 networks (the app's own `--bench-menu`), how long one update of
//! the window's tables takes for 1,000 and 10,000 peers (`--bench-peers`),
//! and the window itself (`--bench-window`: opening, an update through the
//! toolkit, memory before, open and after closing).
//!
//! `--idle-seconds N` sets the idle window (default 60).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::toolchain::{arm64_env, under_display, ARM64_TARGET, WINE_TARGET};
use crate::util::{self, cargo, cmd, run};

pub fn run_bench(args: &[String]) -> Result<(), String> {
    let idle = args
        .windows(2)
        .find(|w| w[0] == "--idle-seconds")
        .map(|w| w[1].parse::<u64>().map_err(|e| format!("--idle-seconds: {e}")))
        .transpose()?
        .unwrap_or(60);
    sizes()?;
    let exe = util::root().join("target/release/zerotier_desktop_ui");
    for panel in [false, true] {
        idle_figures(&exe, Duration::from_secs(idle), panel)?;
    }
    menu_figures(&exe)?;
    parse_figures(&exe)?;
    window_figures(&exe)?;
    window_open_figures(&exe)
}

/// Release builds for the host and the Windows targets, stripped.
fn sizes() -> Result<(), String> {
    let root = util::root();
    println!("\nstripped exe size");
    for target in [None, Some(WINE_TARGET), Some(ARM64_TARGET)] {
        let mut build = cargo();
        build.args(["build", "--release", "--quiet", "-p", "zerotier_desktop_ui"]);
        if let Some(t) = target {
            build.args(["--target", t]);
        }
        if target == Some(ARM64_TARGET) {
            arm64_env(&mut build)?;
        }
        run(&mut build)?;
        let dir = match target {
            Some(t) => root.join("target").join(t).join("release"),
            None => root.join("target/release"),
        };
        let name = if target.is_some() { "zerotier_desktop_ui.exe" } else { "zerotier_desktop_ui" };
        let built = dir.join(name);
        let stripped = dir.join(format!("stripped-{name}"));
        run(&mut cmd("llvm-strip", ["-o".as_ref(), stripped.as_os_str(), built.as_os_str()]))?;
        let size = std::fs::metadata(&stripped).map_err(|e| format!("{}: {e}", stripped.display()))?.len();
        println!("  {:<28} {:>8.0} KiB", target.unwrap_or("host"), size as f64 / 1024.0);
    }
    Ok(())
}

/// Per-process figures from /proc.
pub(crate) struct Sample {
    pub(crate) rss_kib: u64,
    pub(crate) peak_kib: u64,
    /// Anonymous memory (heap, stacks, relocated data: the part no other process shares).
    pub(crate) anon_kib: u64,
    cpu_ticks: u64,
    switches: u64,
}

pub(crate) fn sample(pid: u32) -> Result<Sample, String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).map_err(|e| e.to_string())?;
    let field = |text: &str, key: &str| -> u64 {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).map_err(|e| e.to_string())?;
    // Fields after the parenthesised name; utime and stime are the 14th and 15th.
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let nums: Vec<u64> = after.split_whitespace().map(|f| f.parse().unwrap_or(0)).collect();
    let cpu_ticks = nums.get(11).copied().unwrap_or(0) + nums.get(12).copied().unwrap_or(0);
    let mut switches = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).map_err(|e| e.to_string())?.flatten() {
        let text = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
        switches += field(&text, "voluntary_ctxt_switches:") + field(&text, "nonvoluntary_ctxt_switches:");
    }
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    Ok(Sample {
        rss_kib: field(&status, "VmRSS:"),
        peak_kib: field(&status, "VmHWM:"),
        anon_kib: field(&rollup, "Anonymous:"),
        cpu_ticks,
        switches,
    })
}

/// The shell line that runs `inner` on the private bus; with `panel`,
/// xfce4-panel starts first and owns the StatusNotifierWatcher, as on a
/// desktop with a tray, and goes when `inner` ends.
fn with_panel(panel: bool, inner: &str) -> String {
    if panel {
        // Waits (up to 30 s) for the panel's watcher: on a busy machine a fixed pause can end
        // before it is there, and the app would dock through XEmbed instead.
        format!(
            "xfce4-panel --disable-wm-check >/dev/null 2>&1 & panel=$!; \
             for i in $(seq 150); do gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus \
               -m org.freedesktop.DBus.NameHasOwner org.kde.StatusNotifierWatcher 2>/dev/null | grep -q true \
               && break; sleep 0.2; done; {inner}; kill $panel"
        )
    } else {
        inner.to_string()
    }
}

/// Starts the release app under a virtual display and a private bus, with no
/// service to talk to (it polls and backs off as a user's would), and
/// watches it idle: docked through XEmbed (no watcher: GTK's widgets), or
/// with `panel` as a StatusNotifierItem (D-Bus only).
fn idle_figures(exe: &Path, window: Duration, panel: bool) -> Result<(), String> {
    let work = util::state_dir().join("bench-app");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let pid_file = work.join("pid");
    let items = work.join("items");
    // With the panel, the watcher's list is saved a little after the start, so that an app that
    // fell back to XEmbed is not reported as a StatusNotifierItem.
    let app = format!(
        "\"{exe}\" & app=$!; echo $app > \"{pid}\"; {list} wait $app",
        exe = exe.display(),
        pid = pid_file.display(),
        list = if panel {
            format!(
                "(sleep 3; gdbus call --session -d org.kde.StatusNotifierWatcher -o /StatusNotifierWatcher \
                 -m org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher \
                 RegisteredStatusNotifierItems > \"{}\" 2>&1) &",
                items.display()
            )
        } else {
            String::new()
        }
    );
    let script = with_panel(panel, &app);
    let mut child = spawn_in_private_session(&script, "1280x800x24", &work.join("home"), &work)?;
    let outcome = (|| {
        let pid = wait_for_pid(&pid_file)?;
        std::thread::sleep(Duration::from_secs(3)); // start-up done
        let start = sample(pid)?;
        let began = Instant::now();
        std::thread::sleep(window);
        let end = sample(pid)?;
        let listed = std::fs::read_to_string(&items).unwrap_or_default();
        if panel && !listed.contains(&format!("StatusNotifierItem-{pid}-")) {
            return Err(format!("the app never registered with xfce4-panel's watcher: {listed}"));
        }
        let minutes = began.elapsed().as_secs_f64() / 60.0;
        let hz = 100.0; // USER_HZ on Linux
        let host = if panel { "StatusNotifierItem in xfce4-panel" } else { "XEmbed fallback, no watcher" };
        println!("\nidle (release build, no service, {host}, {:.0} s)", began.elapsed().as_secs_f64());
        println!("  resident after start-up      {:>8} KiB", start.rss_kib);
        println!("  resident at the end          {:>8} KiB", end.rss_kib);
        println!("  peak resident                {:>8} KiB", end.peak_kib);
        println!("  private anonymous at the end {:>8} KiB", end.anon_kib);
        let cpu = (end.cpu_ticks - start.cpu_ticks) as f64 / hz;
        println!(
            "  CPU while idle               {:>8.2} s ({:.3} %)",
            cpu,
            cpu / began.elapsed().as_secs_f64() * 100.0
        );
        println!("  wake-ups per minute          {:>8.0}", (end.switches - start.switches) as f64 / minutes);
        Ok(pid)
    })();
    if let Ok(pid) = &outcome {
        let _ = cmd("kill", ["-TERM", &pid.to_string()]).status();
    }
    let _ = child.wait();
    outcome.map(|_| ())
}

/// Starts `sh -c script` on a virtual display of `screen` with a private
/// session bus, its own home (config under `home/config`) and runtime folder,
/// so a benchmark never meets the user's desktop settings; output discarded.
pub(crate) fn spawn_in_private_session(
    script: &str,
    screen: &str,
    home: &Path,
    runtime: &Path,
) -> Result<std::process::Child, String> {
    cmd("xvfb-run", ["-a", "-s", &format!("-screen 0 {screen}"), "dbus-run-session", "--", "sh", "-c", script])
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_RUNTIME_DIR", runtime)
        .env("NO_AT_BRIDGE", "1")
        .env_remove("SESSION_MANAGER")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start xvfb-run: {e}"))
}

pub(crate) fn wait_for_pid(file: &PathBuf) -> Result<u32, String> {
    let end = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(pid) = std::fs::read_to_string(file).ok().and_then(|t| t.trim().parse().ok()) {
            return Ok(pid);
        }
        if Instant::now() > end {
            return Err("the app did not start within 30 s".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The app times its own reading of a `GET /network` answer: the work grows
/// with the answer's size, not with its square.
fn parse_figures(exe: &Path) -> Result<(), String> {
    println!("\nnetwork list parsing (JSON answer to kept list, median of the app's own runs)");
    for networks in ["20000", "40000", "160000"] {
        println!("  {}", app_figure(exe, "bench-parse", networks, false)?);
    }
    Ok(())
}

/// The app times one update of the (future) window's tables: the peers
/// answer read, the rows and row notifications, the latency history.
fn window_figures(exe: &Path) -> Result<(), String> {
    println!("\nwindow update per poll (peers answer, table rows and notifications, latency history; median of the app's own runs)");
    for peers in ["1000", "10000"] {
        println!("  {}", app_figure(exe, "bench-peers", peers, false)?);
    }
    Ok(())
}

/// The app times its own menu rebuild (model plus tray update) for a
/// synthetic state of N networks.
fn menu_figures(exe: &Path) -> Result<(), String> {
    println!("\nmenu rebuild (model + tray update, median of the app's own runs)");
    for networks in ["1", "500"] {
        println!("  {} (XEmbed fallback)", app_figure(exe, "bench-menu", networks, true)?);
    }
    println!("  {} (StatusNotifierItem in xfce4-panel)", menu_in_panel(exe, "500")?);
    Ok(())
}

/// `--bench-menu N` with xfce4-panel as the watcher, so the tray exports its
/// menu over D-Bus (the panel reads each new layout, outside the timing).
fn menu_in_panel(exe: &Path, networks: &str) -> Result<String, String> {
    let work = util::state_dir().join("bench-app-menu");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let script = with_panel(true, &format!("\"{}\" --bench-menu {networks}", exe.display()));
    let mut run = cmd("sh", ["-c", &script]);
    run.env("XDG_RUNTIME_DIR", &work).env("HOME", work.join("home")).env("NO_AT_BRIDGE", "1");
    let out = util::output(&mut under_display(&mut run))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("bench-menu"));
    line.map(str::to_string).ok_or_else(|| format!("no bench-menu line in the panel: {text}"))
}

/// Runs the app's hidden `--MODE COUNT` and returns the line it prints
/// starting with MODE; `display` runs it under Xvfb.
fn app_figure(exe: &Path, mode: &str, count: &str, display: bool) -> Result<String, String> {
    let flag = format!("--{mode}");
    let mut run = cmd(exe.to_str().ok_or("exe path is not UTF-8")?, [flag.as_str(), count]);
    let out = if display { util::output(&mut under_display(&mut run))? } else { util::output(&mut run)? };
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with(mode))
        .ok_or_else(|| format!("the app printed no {mode} line: {}{}", text, String::from_utf8_lossy(&out.stderr)))?;
    Ok(line.to_string())
}

/// The window itself under Xvfb: time to open it, a peers update through
/// the toolkit for 1,000 peers, and resident memory before, open and after closing.
fn window_open_figures(exe: &Path) -> Result<(), String> {
    println!("\nthe window (release build, opened and updated through the toolkit)");
    println!("  {}", app_figure(exe, "bench-window", "1000", true)?);
    Ok(())
}
