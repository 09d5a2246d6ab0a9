//! Source checks: formatting, clippy for the host and Windows, the CI workflow.

use crate::files::files_in;
use crate::setup;
use crate::toolchain::WINE_TARGET;
use crate::util::{self, cargo, run};
use std::process::Command;

/// Files each -sys crate carries its own copy of (each is packaged alone), which must not drift.
const TWINS: &[(&str, &str)] = &[("libui-sys/tests/gui/runner.rs", "tray-sys/tests/gui/runner.rs")];

/// Each Win32 backend's private header, which sets the Windows version only where the toolchain
/// has not; it must come before any system header can pick a default.
const WIN32_FIRST_INCLUDES: &[(&str, &str)] =
    &[("vendor/libui/windows", "uipriv_windows.h"), ("vendor/tray/windows", "trayp_windows.h")];

pub fn lint() -> Result<(), String> {
    for (dir, header) in WIN32_FIRST_INCLUDES {
        for file in files_in(&util::root().join(dir), "c") {
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let first = text.lines().find(|l| l.starts_with("#include")).unwrap_or("");
            if first != format!("#include \"{header}\"") {
                return Err(format!("{}: the first #include must be \"{header}\", not {first:?}", file.display()));
            }
        }
    }
    for (a, b) in TWINS {
        let read = |p: &str| std::fs::read(util::root().join(p)).map_err(|e| format!("{p}: {e}"));
        if read(a)? != read(b)? {
            return Err(format!("{a} and {b} must be identical copies; make them the same again"));
        }
    }
    run(cargo().args(["fmt", "--all", "--check"]))?;
    for target in [None, Some(WINE_TARGET)] {
        let mut clippy = cargo();
        clippy.args(["clippy", "--workspace", "--all-targets"]);
        if let Some(t) = target {
            clippy.args(["--target", t]);
        }
        clippy.args(["--", "-D", "warnings"]);
        run(&mut clippy)?;
    }
    Ok(())
}

pub fn workflow() -> Result<(), String> {
    let actionlint = setup::actionlint()?;
    let workflows = files_in(&util::root().join(".github/workflows"), "yml");
    if workflows.is_empty() {
        return Err("no workflows in .github/workflows".into());
    }
    // First prove the linter reports a broken workflow, then lint ours.
    let broken = util::state_dir().join("broken-workflow.yml");
    std::fs::write(
        &broken,
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n",
    )
    .map_err(|e| e.to_string())?;
    let caught = Command::new(&actionlint).arg(&broken).output().map_err(|e| e.to_string())?;
    if caught.status.success() {
        return Err("actionlint accepted a broken workflow: the check would prove nothing".into());
    }
    let mut lint = Command::new(&actionlint);
    lint.args(&workflows).current_dir(util::root());
    run(&mut lint)
}
