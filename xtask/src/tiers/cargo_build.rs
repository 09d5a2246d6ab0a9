//! What cargo itself must do with the build scripts: stop with one clear message when a
//! tool or library is missing, do nothing on a no-op rebuild, agree with rust-analyzer.

use crate::files::{first_file, touch};
use crate::util::{self, cargo, cmd, output, run};

/// A build that must fail with the build script's own message.
struct HintCase {
    what: &'static str,
    target: Option<&'static str>,
    env: &'static [(&'static str, &'static str)],
    needles: &'static [&'static str],
}

const HINT_CASES: &[HintCase] = &[
    HintCase {
        what: "ARM64 MSVC without Visual Studio",
        target: Some("aarch64-pc-windows-msvc"),
        env: &[],
        needles: &["Microsoft.VisualStudio.Component.VC.Tools.ARM64", "winget install"],
    },
    HintCase {
        what: "x64 MSVC without Visual Studio",
        target: Some("x86_64-pc-windows-msvc"),
        env: &[],
        needles: &["Microsoft.VisualStudio.Component.VC.Tools.x86.x64"],
    },
    HintCase {
        what: "Linux without GTK development files",
        target: None,
        env: &[("PKG_CONFIG_LIBDIR", "/nonexistent"), ("PKG_CONFIG_PATH", "")],
        needles: &["libgtk-3-dev", "gtk3-devel", "pacman -S gtk3"],
    },
    HintCase {
        what: "macOS",
        target: Some("aarch64-apple-darwin"),
        env: &[],
        needles: &["Cocoa", "not supported yet"],
    },
];

/// Each failing build must end in the build script's own message, not in
/// a compiler's errors.
pub fn hints() -> Result<(), String> {
    let target_dir = util::root().join("target/hints");
    for case in HINT_CASES {
        let what = case.what;
        let mut build = cargo();
        build.args(["build", "-p", "zt-tray-sys"]).env("CARGO_TARGET_DIR", &target_dir);
        if let Some(t) = case.target {
            build.args(["--target", t]);
        }
        build.envs(case.env.iter().copied());
        println!("+ {what}");
        let out = build.output().map_err(|e| e.to_string())?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            return Err(format!("{what}: the build succeeded"));
        }
        for needle in case.needles {
            if !stderr.contains(needle) {
                return Err(format!("{what}: the error does not mention {needle:?}:\n{stderr}"));
            }
        }
        if stderr.contains("No such file or directory") || stderr.contains("fatal error") {
            return Err(format!("{what}: the compiler ran before the build script stopped:\n{stderr}"));
        }
        println!("{what}: one clear message");
    }
    Ok(())
}

pub fn noop() -> Result<(), String> {
    run(cargo().args(["build", "--workspace"]))?;
    let again = output(cargo().args(["build", "--workspace", "-v"]))?;
    let log = String::from_utf8_lossy(&again.stderr).into_owned();
    let work: Vec<&str> = log.lines().filter(|l| is_work_line(l)).collect();
    if !work.is_empty() {
        return Err(format!("a no-op build did work:\n{}", work.join("\n")));
    }
    // Touching one vendored C file reruns only that crate's build script.
    let tray_sources = first_file(&util::root().join("vendor/tray/common"), "c")?;
    touch(&tray_sources)?;
    let after = output(cargo().args(["build", "--workspace", "-v"]))?;
    let log = String::from_utf8_lossy(&after.stderr).into_owned();
    let reran = |pkg: &str| {
        log.lines().any(|l| {
            l.contains("Running `") && l.contains(&format!("/build/{pkg}-")) && l.contains("build-script-build`")
        })
    };
    if !reran("zt-tray-sys") {
        return Err(format!("touching {} did not rerun tray-sys's build script:\n{log}", tray_sources.display()));
    }
    if reran("zt-libui-sys") {
        return Err(format!("touching {} also reran libui-sys's build script:\n{log}", tray_sources.display()));
    }
    println!("no-op build: nothing ran; one touched C file reran tray-sys only");
    Ok(())
}

fn is_work_line(line: &str) -> bool {
    let l = line.trim_start();
    l.starts_with("Compiling") || l.starts_with("Running") || l.starts_with("Dirty")
}

pub fn ide() -> Result<(), String> {
    run(cargo().args(["build", "--workspace"]))?;
    let mut ra = cmd("rust-analyzer", ["diagnostics", "."]);
    println!("+ rust-analyzer diagnostics .");
    let diag = ra.output().map_err(|e| format!("cannot start rust-analyzer: {e}"))?;
    // Progress lines use carriage returns; findings say `: Error ...`.
    let text = String::from_utf8_lossy(&diag.stdout).replace('\r', "\n");
    let errors: Vec<&str> = text.lines().filter(|l| l.contains(": Error ")).map(str::trim).collect();
    if !diag.status.success() || !errors.is_empty() {
        return Err(format!("rust-analyzer reported errors ({}):\n{}", diag.status, errors.join("\n")));
    }
    println!("rust-analyzer: no errors");
    // What rust-analyzer ran must leave the command-line build fresh.
    let again = output(cargo().args(["build", "--workspace", "-v"]))?;
    let log = String::from_utf8_lossy(&again.stderr).into_owned();
    let work: Vec<&str> = log.lines().filter(|l| is_work_line(l)).collect();
    if work.is_empty() {
        Ok(())
    } else {
        Err(format!("after rust-analyzer, cargo build did work again:\n{}", work.join("\n")))
    }
}
