//! The `msvc-run` tier: the aarch64-pc-windows-msvc build itself links and
//! runs, without Microsoft's libraries.
//!
//! Dynamic CRT only (`-C target-feature=-crt-static`): lld-link links against
//! COFF import libraries made with llvm-dlltool from the export lists in
//! Debian's arm64 `libwine-dev` (one archive member per exported function),
//! plus `xtask/msvc/crt.c`, our own startup code, as `msvcrt.lib`.  The
//! results run under the arm64 Wine of the `arm64-run` tier.

use super::arm64_run::{self, Arm64Wine};
use super::downstream::FIXTURES;
use crate::files::files_in;
use crate::toolchain::{msvc_env, under_display};
use crate::util::{self, cargo, cargo_target_var, cmd, run, timed};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "aarch64-pc-windows-msvc";

/// Wine 8.0 on arm64 cannot catch a C++-style exception (its
/// __CxxFrameHandler does not handle them there), so a Rust panic that should
/// be caught ends the process.  Tests that rely on catching one, by name (the
/// cases both ARM64 tiers skip come on top).
const SKIPPED: &[(&str, &str)] = &[
    ("tests::panics_are_kept_and_raised_again_in_rust", CATCHES),
    ("handler_panic_is_raised_after_the_loop", CATCHES),
    ("queue_runs_on_the_ui_thread_and_panics_come_back", CATCHES),
    ("channel_receiver_panic_is_raised_from_main", CATCHES),
    ("table_model_panic_is_raised_from_main", CATCHES),
    ("tests::on_panic_hands_handler_panics_to_the_hook", CATCHES),
    ("tray_panic", CATCHES),
    ("worker::tests::a_panicking_call_is_caught_and_reported_on_every_later_state", CATCHES),
    ("app_window", WINDOW),
    (
        "worker::tests::a_dead_worker_thread_is_restarted",
        "its worker thread panics on purpose, and Wine 8.0 on arm64 cannot unwind the panic",
    ),
];

/// The app's window test runs once per ARM64 platform, in arm64-run: as ARM64 code under
/// emulation it takes about five minutes (the C libraries' GUI cases are shared the same way).
const WINDOW: &str = "the window test runs once per ARM64 platform, in arm64-run (about 5 min under emulation)";

const CATCHES: &str = "it catches a panic, and Wine 8.0 on arm64 cannot unwind one (unhandled exception 0xe06d7363)";

pub(crate) fn msvc_run() -> Result<(), String> {
    let Some(wine) = arm64_run::prepare("msvc-run")? else { return Ok(()) };
    let (libs, secs) = timed(|| import_libraries(&wine));
    let libs = libs?;
    println!("import libraries: {} ({secs:.0} s)", libs.display());
    let crt = startup_library()?;
    let linker = write_linker(&crt, &libs)?;

    let explain = |e: String| {
        format!(
            "{e}\nnote: under msvc-run a failing assertion is a panic that Wine on arm64 cannot catch: \
             a failure shows as a crash (an exit status other than 101) or as the runner's time limit, \
             not as a clean FAILED line"
        )
    };
    for (name, why) in SKIPPED.iter().chain(arm64_run::ARM64_SKIPPED) {
        println!("msvc-run: skipping test {name}: {why}");
    }
    // Every test program takes `--skip NAME` (the GUI runners as libtest does);
    // doctests are built outside the checkout, which the runner does not mount.
    let mut tests = cargo();
    tests.args(["test", "--workspace", "--exclude", "xtask", "--lib", "--bins", "--tests", "--no-fail-fast"]);
    target_env(&mut tests, &linker, &wine)?;
    tests.env("GUI_SHARD", arm64_run::ARM64_GUI_SHARDS[1]);
    tests.arg("--");
    for (name, _) in SKIPPED.iter().chain(arm64_run::ARM64_SKIPPED) {
        tests.args(["--skip", name]);
    }
    run(&mut under_display(&mut arm64_run::in_session(&wine.runner, &mut tests))).map_err(explain)?;
    for fixture in FIXTURES {
        let mut fixture_run = cargo();
        fixture_run.current_dir(util::root().join("fixtures").join(fixture)).args(["run", "--quiet"]);
        target_env(&mut fixture_run, &linker, &wine)?;
        run(&mut under_display(&mut arm64_run::in_session(&wine.runner, &mut fixture_run))).map_err(explain)?;
    }
    let mut app = cargo();
    app.args(["run", "-p", "zerotier_desktop_ui"]);
    target_env(&mut app, &linker, &wine)?;
    app.args(["--", "--exit-after-init"]);
    run(&mut under_display(&mut arm64_run::in_session(&wine.runner, &mut app))).map_err(explain)
}

/// The build for TARGET: its own target directory (the `msvc` tier's builds
/// use the static CRT), clang-cl as in the `msvc` tier, our linker, the runner.
fn target_env(c: &mut Command, linker: &Path, wine: &Arm64Wine) -> Result<(), String> {
    c.args(["--target", TARGET])
        .env("CARGO_TARGET_DIR", util::root().join("target/msvc-run"))
        // Replaces .cargo/config.toml's +crt-static, which needs Microsoft's libcmt.lib.
        .env("RUSTFLAGS", "-C target-feature=-crt-static")
        .env(cargo_target_var(TARGET, "LINKER"), linker)
        .env(cargo_target_var(TARGET, "RUNNER"), &wine.runner);
    msvc_env(c, TARGET)
}

/// COFF import libraries for every DLL in arm64 `libwine-dev`, cached by the
/// package's file name (its version).  The package is fetched by apt inside
/// the arm64 root, which knows that architecture.
fn import_libraries(wine: &Arm64Wine) -> Result<PathBuf, String> {
    let downloads = wine.root.join("var/cache/xtask-libwine-dev");
    let deb = match newest_deb(&downloads) {
        Some(deb) => deb,
        None => {
            std::fs::create_dir_all(&downloads).map_err(|e| e.to_string())?;
            let mut fetch = Command::new("chroot");
            fetch.arg(&wine.root).args([
                "/bin/sh",
                "-c",
                "apt-get update -qq && cd /var/cache/xtask-libwine-dev && apt-get download -q libwine-dev",
            ]);
            run(&mut fetch)?;
            newest_deb(&downloads).ok_or("apt-get download libwine-dev left no .deb")?
        }
    };
    let stem = deb.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let cache = arm64_run::cache_dir()?;
    let out = cache.join(format!("msvc-implibs-{stem}"));
    if out.join("kernel32.lib").exists() {
        return Ok(out);
    }
    let partial = cache.join(format!("msvc-implibs-{stem}.partial"));
    arm64_run::remove_tree(&partial)?;
    std::fs::create_dir_all(&partial).map_err(|e| e.to_string())?;
    let unpacked = partial.join("deb");
    run(cmd("dpkg-deb", ["-x"]).arg(&deb).arg(&unpacked))?;
    let archives = unpacked.join("usr/lib/aarch64-linux-gnu/wine/aarch64-unix");
    let mut made = 0;
    for archive in files_in(&archives, "a") {
        let name = archive.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let name = name.strip_prefix("lib").unwrap_or(&name).to_string();
        // Quiet: two hundred archives would bury the log.
        let nm = cmd("llvm-nm", ["--undefined-only", "--format=just-symbols"])
            .arg(&archive)
            .output()
            .map_err(|e| format!("cannot run llvm-nm: {e}"))?;
        if !nm.status.success() {
            return Err(format!("llvm-nm {}: {}", archive.display(), String::from_utf8_lossy(&nm.stderr)));
        }
        let exports = wine_exports(&String::from_utf8_lossy(&nm.stdout));
        // Static helper libraries (uuid, dxguid, winecrt0) export nothing.
        for (dll, functions) in exports {
            if !dll.eq_ignore_ascii_case(&name) && !dll.to_ascii_lowercase().starts_with(&format!("{name}.")) {
                continue;
            }
            let file = if dll.contains('.') { dll.clone() } else { format!("{dll}.dll") };
            let def = partial.join(format!("{name}.def"));
            let mut text = format!("LIBRARY {file}\nEXPORTS\n");
            for f in functions {
                text.push_str(&format!("    {f}\n"));
            }
            std::fs::write(&def, text).map_err(|e| e.to_string())?;
            let mut dlltool = cmd("llvm-dlltool", ["-m", "arm64", "-d"]);
            dlltool.arg(&def).arg("-l").arg(partial.join(format!("{name}.lib")));
            let made_lib = dlltool.output().map_err(|e| format!("cannot run llvm-dlltool: {e}"))?;
            if !made_lib.status.success() {
                return Err(format!("llvm-dlltool {}: {}", def.display(), String::from_utf8_lossy(&made_lib.stderr)));
            }
            made += 1;
        }
    }
    arm64_run::remove_tree(&unpacked)?;
    if made < 100 {
        return Err(format!("only {made} import libraries came out of {}", deb.display()));
    }
    std::fs::rename(&partial, &out).map_err(|e| format!("cannot rename {}: {e}", partial.display()))?;
    println!("made {made} import libraries from {}", deb.display());
    Ok(out)
}

fn newest_deb(dir: &Path) -> Option<PathBuf> {
    files_in(dir, "deb").pop()
}

/// Exported functions per DLL, from the undefined `__wine$func$DLL$ORDINAL$NAME`
/// symbols of Wine's ELF import archives.
fn wine_exports(symbols: &str) -> BTreeMap<String, Vec<String>> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for symbol in symbols.lines().map(str::trim) {
        let mut parts = symbol.splitn(5, '$');
        if let (Some("__wine"), Some("func"), Some(dll), Some(_ordinal), Some(name)) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        {
            found.entry(dll.to_string()).or_default().push(name.to_string());
        }
    }
    for names in found.values_mut() {
        names.sort();
        names.dedup();
    }
    found
}

/// `msvcrt.lib` (our startup code) and an empty `oldnames.lib`, the two
/// default libraries clang-cl's /MD objects name, in their own folder.
fn startup_library() -> Result<PathBuf, String> {
    let dir = util::state_dir().join("msvc-crt");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let obj = dir.join("crt.obj");
    let mut cl = Command::new("clang");
    cl.args(["--driver-mode=cl", "--target=aarch64-pc-windows-msvc", "/nologo", "/c", "/O2", "/MD", "/Zl", "/W4"])
        .arg(format!("/Fo{}", obj.display()))
        // A path like /work/... would otherwise read as cl's /w option.
        .arg("--")
        .arg(util::root().join("xtask/msvc/crt.c"));
    run(&mut cl)?;
    let mut lib = cmd("llvm-lib", ["/nologo"]);
    lib.arg(format!("/out:{}", dir.join("msvcrt.lib").display())).arg(&obj);
    run(&mut lib)?;
    std::fs::write(dir.join("oldnames.lib"), b"!<arch>\n").map_err(|e| e.to_string())?;
    Ok(dir)
}

/// lld-link with our folders first; vcruntime140 and ucrtbase lead the
/// libraries so memcpy and friends bind there, not to ntdll.
fn write_linker(crt: &Path, libs: &Path) -> Result<PathBuf, String> {
    let linker = util::state_dir().join("msvc-run-link.sh");
    util::write_script(
        &linker,
        &format!(
            "exec lld-link \"/libpath:{}\" \"/libpath:{}\" vcruntime140.lib ucrtbase.lib \"$@\"",
            crt.display(),
            libs.display()
        ),
    )?;
    Ok(linker)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_come_from_wine_function_symbols() {
        let nm = "__wine$func$kernel32$2$AddAtomW\n__wine$func$kernel32$1$AcquireSRWLockShared\n\
                  other\n__wine$func$ntoskrnl.exe$9$__chkstk\n__wine$func$kernel32$2$AddAtomW\n";
        let found = wine_exports(nm);
        assert_eq!(found["kernel32"], ["AcquireSRWLockShared", "AddAtomW"]);
        assert_eq!(found["ntoskrnl.exe"], ["__chkstk"]);
        assert_eq!(found.len(), 2);
    }
}
