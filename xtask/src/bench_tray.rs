//! `cargo xtask bench-tray`: what the smallest tray costs in memory. tray-sys's
//! `tray_minimal` and the same tray made with ksni (`fixtures/ksni-tray`, a pure-Rust
//! StatusNotifierItem) are built here in release mode, each started alone in xfce4-panel
//! on a virtual display with a private session bus, and measured once both are registered
//! with the panel's watcher and idle.

use std::path::Path;
use std::time::Duration;

use crate::bench_app::{sample, spawn_in_private_session, wait_for_pid};
use crate::util::{self, cargo, cmd, run};

pub fn run_bench() -> Result<(), String> {
    let root = util::root();
    run(cargo().args(["build", "--release", "--quiet", "-p", "zt-tray-sys", "--example", "tray_minimal"]))?;
    let ksni_target = root.join("target/ksni-tray");
    let mut ksni = cargo();
    ksni.args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(root.join("fixtures/ksni-tray/Cargo.toml"))
        .env("CARGO_TARGET_DIR", &ksni_target);
    run(&mut ksni)?;
    let ours = resident(&root.join("target/release/examples/tray_minimal"))?;
    let theirs = resident(&ksni_target.join("release/ksni-tray"))?;
    println!("\nresident memory, registered with xfce4-panel and idle (release builds)");
    println!("  tray_minimal (vendor/tray)   {:>8} KiB (peak {} KiB)", ours.0, ours.1);
    println!("  ksni-tray (ksni)             {:>8} KiB (peak {} KiB)", theirs.0, theirs.1);
    Ok(())
}

/// (resident, peak resident) in KiB of exe, hosted by a fresh xfce4-panel.
fn resident(exe: &Path) -> Result<(u64, u64), String> {
    let work = util::state_dir().join("bench-tray");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("runtime")).map_err(|e| e.to_string())?;
    let pid_file = work.join("pid");
    let items = work.join("items");
    // The panel first (it owns the watcher), then the tray; the watcher's list is saved
    // so that a tray that fell back to XEmbed is not measured as a StatusNotifierItem.
    let script = format!(
        "xfce4-panel --disable-wm-check >/dev/null 2>&1 & panel=$!; sleep 4; \
         \"{exe}\" >/dev/null 2>&1 & app=$!; echo $app > \"{pid}\"; sleep 3; \
         gdbus call --session -d org.kde.StatusNotifierWatcher -o /StatusNotifierWatcher \
           -m org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems \
           > \"{items}\" 2>&1; wait $app; kill $panel",
        exe = exe.display(),
        pid = pid_file.display(),
        items = items.display()
    );
    let home = work.join("home");
    let mut child = spawn_in_private_session(&script, "800x200x24", &home, &work.join("runtime"))?;
    let outcome = (|| {
        let pid = wait_for_pid(&pid_file)?;
        std::thread::sleep(Duration::from_secs(5));
        let figures = sample(pid)?;
        let _ = cmd("kill", ["-TERM", &pid.to_string()]).status();
        let listed = std::fs::read_to_string(&items).unwrap_or_default();
        if !listed.contains(&format!("StatusNotifierItem-{pid}-")) {
            return Err(format!("{} never registered with xfce4-panel's watcher: {listed}", name(exe)));
        }
        Ok((figures.rss_kib, figures.peak_kib))
    })();
    let _ = child.wait();
    outcome
}

fn name(exe: &Path) -> String {
    exe.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
