//! Crates outside the workspace that use the -sys crates the way a dependent would.

use crate::toolchain::{under_display, wine_env, WINE_TARGET};
use crate::util::{self, cargo, cmd, output, run};
use std::path::PathBuf;

/// The crates outside the workspace that use the -sys crates: `downstream`
/// has no build.rs, `c-consumer` compiles C against DEP_*_INCLUDE.
pub const FIXTURES: &[&str] = &["downstream", "c-consumer"];

pub fn downstream() -> Result<(), String> {
    for fixture in FIXTURES {
        let dir = util::root().join("fixtures").join(fixture);
        let mut native = cargo();
        native.current_dir(&dir).args(["run", "--quiet"]);
        run(&mut under_display(&mut native))?;
        let mut win = cargo();
        win.current_dir(&dir).args(["run", "--quiet", "--target", WINE_TARGET]);
        wine_env(&mut win)?;
        run(&mut under_display(&mut win))?;
    }
    for windows in [false, true] {
        run_gallery(windows)?;
    }
    Ok(())
}

/// fixtures/c-gallery: a C program using only ui.h (its own `main`), also pictured by the
/// screenshots tier. Builds it natively or for Wine and returns the executable.
pub fn gallery_exe(windows: bool) -> Result<PathBuf, String> {
    let dir = util::root().join("fixtures/c-gallery");
    let mut build = cargo();
    build.current_dir(&dir).args(["build", "--quiet"]);
    let mut exe = dir.join("target");
    if windows {
        build.args(["--target", WINE_TARGET]);
        exe = exe.join(WINE_TARGET);
    }
    run(&mut build)?;
    Ok(exe.join("debug").join(if windows { "c-gallery.exe" } else { "c-gallery" }))
}

/// The gallery shows every control, quits by itself and says so; a hang is cut off by
/// `timeout` (a wrong quit path would otherwise stop the tier forever).  It runs once per page,
/// so its table page (written from libui-ng's table API alone) is drawn and then freed in
/// libui-ng's order on both backends.
fn run_gallery(windows: bool) -> Result<(), String> {
    let exe = gallery_exe(windows)?;
    for page in ["controls", "table"] {
        let mut gallery = cmd("timeout", ["-k", "5", "120"]);
        if windows {
            gallery.arg("wine");
            wine_env(&mut gallery)?;
        }
        gallery.arg(&exe).args(["--quit-after-ms", "1500", "--page", page]);
        let out = output(&mut under_display(&mut gallery))?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if !text.contains("controls shown, quit cleanly") {
            return Err(format!("{} --page {page} did not report a clean run: {text:?}", exe.display()));
        }
        println!("{} (page {page})", text.trim());
    }
    Ok(())
}
