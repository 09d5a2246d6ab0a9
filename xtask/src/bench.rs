//! `cargo xtask bench-build`: how long building the native dependencies
//! takes, for the host and for aarch64-pc-windows-msvc (clang-cl), next to
//! libui-ffi 0.5.0 (libui-ng's C++ compiled by cc, plus bindgen) built the
//! same way in the same run.
//!
//! Figures: clean release build of libui-sys + tray-sys (and the share of
//! it spent in their build scripts, i.e. compiling C), a no-op rebuild, and
//! a rebuild after touching one C file.

use crate::files::{first_file, touch};
use crate::toolchain::msvc_env;
use crate::util::{self, cargo, output, timed};
use std::path::{Path, PathBuf};
use std::process::Command;

pub(crate) const REFERENCE: &str = "libui-ffi";
pub(crate) const REFERENCE_VERSION: &str = "=0.5.0";

struct Figures {
    clean: f64,
    build_scripts: f64,
    noop: f64,
    touched: Option<f64>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let host_only = args.iter().any(|a| a == "--host-only");
    let mut targets = vec![None];
    if !host_only {
        targets.push(Some("aarch64-pc-windows-msvc"));
    }
    let reference = reference_crate()?;
    // Downloads are not build time: fetch everything first.
    crate::util::run(cargo().args(["fetch"]))?;
    crate::util::run(cargo().current_dir(&reference).args(["fetch"]))?;

    println!(
        "\n{:<26} {:<11} {:>9} {:>13} {:>8} {:>12}",
        "target", "what", "clean s", "build-script s", "no-op s", "touch-C s"
    );
    for target in targets {
        let label = target.unwrap_or("host");
        let ours = measure(&util::root(), &["-p", "zt-libui-sys", "-p", "zt-tray-sys"], target, "ours", true);
        let theirs = measure(&reference, &[], target, "reference", false);
        print_row(label, "ours", &ours);
        print_row(label, REFERENCE, &theirs);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => println!(
                "{label:<26} ratio      clean {:.2}x of the reference (aim: <= 0.50), no-op {:.2}x",
                a.clean / b.clean,
                a.noop / b.noop
            ),
            _ => println!("{label:<26} ratio      n/a (one side did not build)"),
        }
    }
    Ok(())
}

fn print_row(target: &str, what: &str, figures: &Result<Figures, String>) {
    match figures {
        Ok(f) => println!(
            "{target:<26} {what:<11} {:>9.2} {:>13.2} {:>8.2} {:>12}",
            f.clean,
            f.build_scripts,
            f.noop,
            f.touched.map(|t| format!("{t:.2}")).unwrap_or_else(|| "-".into())
        ),
        Err(e) => {
            // The first compiler error says why; cargo's closing lines do not.
            let why =
                e.lines().find(|l| l.contains("fatal error") || l.contains("error:")).unwrap_or("see the log above");
            println!("{target:<26} {what:<11} failed: {}", why.trim())
        }
    }
}

/// A throwaway crate that depends on the reference, under target/.
fn reference_crate() -> Result<PathBuf, String> {
    let dir = util::state_dir().join("bench-reference");
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let manifest = format!(
        "[package]\nname = \"bench-reference\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{REFERENCE} = {{ version = \"{REFERENCE_VERSION}\", default-features = false, features = [\"build\"] }}\n\n\
         [workspace]\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("src/lib.rs"), "pub use libui_ffi as _reference;\n").map_err(|e| e.to_string())?;
    Ok(dir)
}

fn measure(dir: &Path, packages: &[&str], target: Option<&str>, name: &str, touch_c: bool) -> Result<Figures, String> {
    let target_dir = util::state_dir().join("bench").join(target.unwrap_or("host")).join(name);
    let _ = std::fs::remove_dir_all(&target_dir);
    let build = || {
        let mut c = cargo();
        c.current_dir(dir)
            .args(["build", "--release", "--timings"])
            .args(packages)
            .env("CARGO_TARGET_DIR", &target_dir);
        if let Some(t) = target {
            c.args(["--target", t]);
        }
        env_for(&mut c, target)?;
        Ok::<Command, String>(c)
    };
    let (result, clean) = timed(|| output(&mut build()?));
    result?;
    let build_scripts = build_script_seconds(&target_dir.join("cargo-timings/cargo-timing.html"))?;
    let (result, noop) = timed(|| output(&mut build()?));
    result?;
    let touched = if touch_c {
        touch(&first_file(&util::root().join("vendor/tray/common"), "c")?)?;
        let (result, secs) = timed(|| output(&mut build()?));
        result?;
        Some(secs)
    } else {
        None
    };
    Ok(Figures { clean, build_scripts, noop, touched })
}

fn env_for(c: &mut Command, target: Option<&str>) -> Result<(), String> {
    match target {
        Some(t) if t.ends_with("-msvc") => msvc_env(c, t),
        _ => Ok(()),
    }
}

/// Sums the durations of the build-script runs ("run-custom-build" units)
/// recorded in cargo's --timings report.
fn build_script_seconds(report: &Path) -> Result<f64, String> {
    let html = std::fs::read_to_string(report).map_err(|e| format!("{}: {e}", report.display()))?;
    let start =
        html.find("const UNIT_DATA = ").ok_or("no UNIT_DATA in the timings report")? + "const UNIT_DATA = ".len();
    let end = html[start..].find(";\n").ok_or("unterminated UNIT_DATA")? + start;
    let units: serde_json::Value = serde_json::from_str(&html[start..end]).map_err(|e| e.to_string())?;
    let total = units
        .as_array()
        .ok_or("UNIT_DATA is not a list")?
        .iter()
        .filter(|u| u["mode"] == "run-custom-build")
        .filter_map(|u| u["duration"].as_f64())
        .sum();
    Ok(total)
}
