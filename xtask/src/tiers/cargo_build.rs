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
    /// A phrase the full message holds exactly once: counted to prove it is printed once.
    once: &'static str,
    /// No `--- stdout` section: our directives are held back until success. (pkg-config
    /// prints its own probe lines, so the GTK case cannot promise this.)
    quiet: bool,
}

const HINT_CASES: &[HintCase] = &[
    HintCase {
        what: "ARM64 MSVC without Visual Studio",
        target: Some("aarch64-pc-windows-msvc"),
        env: &[],
        needles: &["Microsoft.VisualStudio.Component.VC.Tools.ARM64", "winget install"],
        once: "winget install --id",
        quiet: true,
    },
    HintCase {
        what: "x64 MSVC without Visual Studio",
        target: Some("x86_64-pc-windows-msvc"),
        env: &[],
        needles: &["Microsoft.VisualStudio.Component.VC.Tools.x86.x64"],
        once: "winget install --id",
        quiet: true,
    },
    HintCase {
        what: "Linux without GTK development files",
        target: None,
        env: &[("PKG_CONFIG_LIBDIR", "/nonexistent"), ("PKG_CONFIG_PATH", "")],
        needles: &["libgtk-3-dev", "gtk3-devel", "pacman -S gtk3"],
        once: "Debian/Ubuntu: apt install",
        quiet: false,
    },
    HintCase {
        what: "macOS",
        target: Some("aarch64-apple-darwin"),
        env: &[],
        needles: &["Cocoa", "not supported yet"],
        once: "Supported targets are",
        quiet: true,
    },
];

/// What cc prints while it looks for a compiler; none of it may reach the user.
const CC_NOISE: &[&str] =
    &["GNU compiler is not supported", "rerun-if-env-changed=CC", "CFLAGS", "CRATE_CC_NO_DEFAULTS", "= None"];

/// Each failing build must end in the build script's own message, once, not
/// in a compiler's errors or cc's probe output.  Both -sys crates are built
/// with `--keep-going`, so both scripts run and meet the same problem: the
/// first prints the message, the second one line naming the first.
pub fn hints() -> Result<(), String> {
    let target_dir = util::root().join("target/hints");
    for case in HINT_CASES {
        let what = case.what;
        let mut build = cargo();
        build
            .args(["build", "--keep-going", "-p", "zt-tray-sys", "-p", "zt-libui-sys"])
            .env("CARGO_TARGET_DIR", &target_dir);
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
        check_one_message(case, &stderr).map_err(|e| format!("{what}: {e}:\n{stderr}"))?;
        println!("{what}: one clear message, the other crate points at it");
    }
    docs_rs_build(&target_dir)
}

fn check_one_message(case: &HintCase, stderr: &str) -> Result<(), String> {
    for needle in case.needles {
        if !stderr.contains(needle) {
            return Err(format!("the error does not mention {needle:?}"));
        }
    }
    if stderr.contains("No such file or directory") || stderr.contains("fatal error") {
        return Err("the compiler ran before the build script stopped".into());
    }
    let full = stderr.matches(case.once).count();
    if full != 1 {
        return Err(format!("the message is printed {full} times, not once"));
    }
    let pointers = stderr.matches("the same problem stopped zt-").count();
    if pointers != 1 {
        return Err(format!("{pointers} lines point at the first crate's message, not 1"));
    }
    if let Some(noise) = CC_NOISE.iter().find(|n| stderr.contains(**n)) {
        return Err(format!("cc's probe output ({noise:?}) reached the user"));
    }
    if case.quiet && stderr.contains("--- stdout") {
        return Err("the build scripts' directives were printed with the message".into());
    }
    Ok(())
}

/// `DOCS_RS=1 cargo build` compiles no C and says so in one warning.
fn docs_rs_build(target_dir: &std::path::Path) -> Result<(), String> {
    let what = "DOCS_RS=1 cargo build";
    println!("+ {what}");
    let mut build = cargo();
    build
        .args(["build", "-p", "zt-tray-sys", "-p", "zt-libui-sys"])
        .env("DOCS_RS", "1")
        .env("CARGO_TARGET_DIR", target_dir);
    let out = build.output().map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("{what} failed:\n{stderr}"));
    }
    let warnings: Vec<&str> =
        stderr.lines().filter(|l| l.starts_with("warning:") && l.contains("DOCS_RS is set")).collect();
    if warnings.len() != 1 {
        return Err(format!("{what}: {} warnings that the C was skipped, not 1:\n{stderr}", warnings.len()));
    }
    println!("{what}: one warning that the C was skipped");
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
