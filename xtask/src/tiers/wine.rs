//! The Windows build run under Wine: the Win32 C code and the Windows-only Rust execute.

use crate::toolchain::{under_display, wine_env, WINE_TARGET};
use crate::util::{cargo, run};

pub fn wine() -> Result<(), String> {
    let mut test = cargo();
    test.args(["test", "--workspace", "--exclude", "xtask", "--no-fail-fast", "--target", WINE_TARGET]);
    wine_env(&mut test)?;
    run(&mut under_display(&mut test))?;
    let mut app = cargo();
    app.args(["run", "-p", "zerotier_desktop_ui", "--target", WINE_TARGET, "--", "--exit-after-init"]);
    wine_env(&mut app)?;
    run(&mut under_display(&mut app))
}
