//! The host build: the workspace tests and the app under a virtual display, and the
//! same tests linked against the meson-built libraries.

use crate::files::find_file;
use crate::toolchain::under_display;
use crate::util::{self, cargo, run};
use std::path::PathBuf;

pub fn native() -> Result<(), String> {
    let mut test = cargo();
    test.args(["test", "--workspace", "--no-fail-fast"]);
    run(&mut under_display(&mut test))?;
    // The app itself starts (toolkit, tray, service thread) and quits.
    let mut app = cargo();
    app.args(["run", "-p", "zerotier_desktop_ui", "--", "--exit-after-init"]);
    run(&mut under_display(&mut app))
}

pub fn meson() -> Result<(), String> {
    let meson_target = util::root().join("target/meson");
    let with_meson = |verb: &str| {
        let mut c = cargo();
        c.args([verb, "-p", "zt-libui-sys", "-p", "zt-tray-sys", "--features", "zt-libui-sys/meson,zt-tray-sys/meson"])
            .env("CARGO_TARGET_DIR", &meson_target);
        c
    };
    run(&mut with_meson("build"))?;
    let built: Vec<PathBuf> = ["ui", "tray"]
        .iter()
        .filter_map(|lib| find_file(&meson_target.join("debug/build"), &format!("lib{lib}.a"), "out/meson"))
        .collect();
    if built.len() != 2 {
        return Err(format!("meson did not produce libui.a and libtray.a: found {built:?}"));
    }
    // The same tests, linked against the meson-built archives.
    run(&mut under_display(&mut with_meson("test")))
}
