//! The `sanitize` tier: vendor/libui's and vendor/tray's public APIs under
//! AddressSanitizer and UndefinedBehaviorSanitizer with a bad-input program each
//! (the tray's also sends nonsense to its D-Bus item and menu), and libui's
//! uiQueueMain queue under ThreadSanitizer (Linux, Debian's clang and compiler-rt).

use crate::files::files_in;
use crate::toolchain::under_display;
use crate::util::{self, cmd, output, run};
use std::path::Path;
use std::process::Command;

pub const ABOUT: &str =
    "libui's and the tray's C APIs under ASan+UBSan with bad input on every function (the tray's D-Bus item too), and libui's queue under TSan (Linux, clang)";

pub fn sanitize() -> Result<(), String> {
    let out = util::state_dir().join("sanitize");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let libui = util::root().join("vendor/libui");
    let tests = util::root().join("libui-sys/tests/c");

    // Every source of the GTK build, so new files are covered without a list here.
    let mut sources = files_in(&libui.join("common"), "c");
    sources.extend(files_in(&libui.join("unix"), "c"));
    sources.push(tests.join("bad_input.c"));
    let bad_input = out.join("bad_input");
    let mut build = clang(&libui, &["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]);
    build
        .args(pkg_config("--cflags", &["gtk+-3.0"])?)
        .args(&sources)
        .arg("-o")
        .arg(&bad_input)
        .args(pkg_config("--libs", &["gtk+-3.0"])?)
        .arg("-lm");
    run(&mut build)?;
    run_sanitized(&bad_input, &out)?;

    // The tray links GIO, GModule and gdk-pixbuf; GTK (headers here) is loaded at run time.
    let tray = util::root().join("vendor/tray");
    let mut sources = files_in(&tray.join("common"), "c");
    sources.extend(files_in(&tray.join("unix"), "c"));
    sources.push(util::root().join("tray-sys/tests/c/bad_input.c"));
    let tray_bad_input = out.join("tray_bad_input");
    let mut build = clang(&tray, &["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]);
    let linked = ["gio-2.0", "gmodule-2.0", "gdk-pixbuf-2.0"];
    build
        .args(pkg_config("--cflags", &["gtk+-3.0"])?)
        .args(&sources)
        .arg("-o")
        .arg(&tray_bad_input)
        .args(pkg_config("--libs", &linked)?);
    run(&mut build)?;
    run_sanitized(&tray_bad_input, &out)?;

    // GLib is not instrumented for TSan, so the queue runs with a stand-in main loop.
    let common = libui.join("common");
    let queue_race = out.join("queue_race");
    let mut build = clang(&libui, &["-fsanitize=thread", "-pthread"]);
    build
        .args(["queue.c", "control.c", "ptrset.c", "userbug.c"].map(|f| common.join(f)))
        .arg(tests.join("queue_race.c"))
        .arg("-o")
        .arg(&queue_race);
    run(&mut build)?;
    let mut race = Command::new(&queue_race);
    race.env("TSAN_OPTIONS", "halt_on_error=1:second_deadlock_stack=1");
    // Every uiQueueMain after the close reports a user bug; only the sanitizer's report and the summary matter.
    let result = race.output().map_err(|e| format!("cannot start {}: {e}", queue_race.display()))?;
    let stderr = String::from_utf8_lossy(&result.stderr);
    let report: Vec<&str> = stderr.lines().filter(|l| !l.starts_with("libui: uiQueueMain: ")).collect();
    print!("{}", String::from_utf8_lossy(&result.stdout));
    if !result.status.success() || stderr.contains("ThreadSanitizer") {
        return Err(format!("queue_race failed with {}:\n{}", result.status, report.join("\n")));
    }
    Ok(())
}

/// Runs a sanitized program under Xvfb with a private session bus; its reports go to files
/// (the programs capture their own stderr at times) and are shown on failure.
fn run_sanitized(program: &Path, out: &Path) -> Result<(), String> {
    let log = out.join("report");
    clear_reports(out)?;
    let mut test = Command::new(program);
    // GTK, fontconfig and Pango keep caches for the life of the process, so leak reports would be theirs.
    test.env(
        "ASAN_OPTIONS",
        format!("detect_leaks=0:halt_on_error=1:detect_stack_use_after_return=1:log_path={}", log.display()),
    )
    .env("UBSAN_OPTIONS", format!("print_stacktrace=1:halt_on_error=1:log_path={}", log.display()));
    if let Err(e) = run(&mut under_display(&mut test)) {
        return Err(format!("{e}\n{}", reports(out)?));
    }
    Ok(())
}

fn is_report(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("report."))
}

fn clear_reports(dir: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())?.flatten() {
        if is_report(&entry.path()) {
            std::fs::remove_file(entry.path()).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// The sanitizers' reports (one file per process), or a note that there are none.
fn reports(dir: &Path) -> Result<String, String> {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())?.flatten() {
        if is_report(&entry.path()) {
            text += &std::fs::read_to_string(entry.path()).unwrap_or_default();
        }
    }
    Ok(if text.is_empty() { "(no sanitizer report; see the program's output above)".into() } else { text })
}

/// clang for one vendored library (its include, common and unix folders on the path).
fn clang(library: &Path, sanitizers: &[&str]) -> Command {
    let mut c = cmd("clang", ["-std=c99", "-g", "-O1", "-fno-omit-frame-pointer", "-Wall", "-Wextra", "-Werror"]);
    c.args(sanitizers);
    for dir in ["include", "common", "unix"] {
        c.arg("-I").arg(library.join(dir));
    }
    c
}

fn pkg_config(what: &str, packages: &[&str]) -> Result<Vec<String>, String> {
    let out = output(cmd("pkg-config", [what]).args(packages))?;
    Ok(String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_owned).collect())
}
