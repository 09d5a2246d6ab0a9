//! Crates outside the workspace that use the -sys crates the way a dependent would.

use crate::toolchain::{under_display, wine_env, WINE_TARGET};
use crate::util::{self, cargo, run};

pub fn downstream() -> Result<(), String> {
    // `downstream` has no build.rs; `c-consumer` compiles C against DEP_*_INCLUDE.
    for fixture in ["downstream", "c-consumer"] {
        let dir = util::root().join("fixtures").join(fixture);
        let mut native = cargo();
        native.current_dir(&dir).args(["run", "--quiet"]);
        run(&mut under_display(&mut native))?;
        let mut win = cargo();
        win.current_dir(&dir).args(["run", "--quiet", "--target", WINE_TARGET]);
        wine_env(&mut win)?;
        run(&mut under_display(&mut win))?;
    }
    Ok(())
}
