//! What every test that runs xfce4-panel needs, shared by tray-sys's panel test and the
//! app's pictures (`tests/support/panel.rs`, which includes this file by path).

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The panel's config: one bar along the top with the Status Tray and a clock.
pub const PANEL_CONFIG: &str = include_str!("xfce4-panel.xml");

/// xfconfd, the panel's settings daemon; it lives in a library folder, not on PATH.
pub fn xfconfd() -> Option<PathBuf> {
    let multiarch = std::fs::read_dir("/usr/lib").ok()?.filter_map(|e| e.ok()).map(|e| e.path());
    multiarch
        .map(|d| d.join("xfce4/xfconf/xfconfd"))
        .chain([PathBuf::from("/usr/libexec/xfce4/xfconf/xfconfd")])
        .find(|p| p.is_file())
}

/// Asks `ok` every 50 ms until it holds or `limit` has passed; whether it held.
pub fn wait_for(limit: Duration, mut ok: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + limit;
    while Instant::now() < end {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    ok()
}
