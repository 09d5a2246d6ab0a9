//! The environments the tiers build and run in: a virtual display with a private
//! session bus, the one Wine prefix, clang-cl for the MSVC targets, zig for ARM64.

use crate::util::{self, cargo_target_var, cmd, run, triple_var};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const WINE_TARGET: &str = "x86_64-pc-windows-gnu";
pub const ARM64_TARGET: &str = "aarch64-pc-windows-gnullvm";

/// Runs `inner` with a virtual X display and a private session bus.
pub fn under_display(inner: &mut Command) -> Command {
    let mut c = Command::new("xvfb-run");
    c.args(["-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--"]);
    c.arg(inner.get_program()).args(inner.get_args());
    c.current_dir(inner.get_current_dir().map(Path::to_path_buf).unwrap_or_else(util::root));
    for (k, v) in inner.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c
}

/// A private Wine prefix with the bcryptprimitives shim Rust's std needs on Wine 8.
pub fn wine_prefix() -> Result<PathBuf, String> {
    let prefix = util::state_dir().join("wine");
    let system32 = prefix.join("drive_c/windows/system32");
    if !prefix.join("system.reg").exists() {
        let mut boot = cmd("wineboot", ["-i"]);
        boot.env("WINEPREFIX", &prefix).env("WINEDEBUG", "-all");
        run(&mut boot)?;
        run(cmd("wineserver", ["-w"]).env("WINEPREFIX", &prefix))?;
    }
    let managed = prefix.join("xtask-unmanaged");
    if !managed.exists() {
        // Without a window manager (bare Xvfb) managed Wine windows wait 2 s
        // each on destruction; unmanaged ones do not.
        let mut reg = cmd(
            "wine",
            ["reg", "add", "HKCU\\Software\\Wine\\X11 Driver", "/v", "Managed", "/t", "REG_SZ", "/d", "N", "/f"],
        );
        reg.env("WINEPREFIX", &prefix).env("WINEDEBUG", "-all");
        run(&mut reg)?;
        run(cmd("wineserver", ["-w"]).env("WINEPREFIX", &prefix))?;
        std::fs::write(&managed, "Managed=N set\n").map_err(|e| e.to_string())?;
    }
    let shim = system32.join("bcryptprimitives.dll");
    if !shim.exists() {
        let src = util::root().join("xtask/wine");
        let mut cc = cmd("x86_64-w64-mingw32-gcc", ["-O2", "-shared", "-o"]);
        cc.arg(&shim).arg(src.join("bcryptprimitives.c")).arg(src.join("bcryptprimitives.def")).arg("-ladvapi32");
        run(&mut cc)?;
    }
    Ok(prefix)
}

pub fn wine_env(c: &mut Command) -> Result<(), String> {
    let prefix = wine_prefix()?;
    c.env("WINEPREFIX", prefix).env("WINEDEBUG", "-all").env(cargo_target_var(WINE_TARGET, "RUNNER"), "wine");
    Ok(())
}

pub fn stop_wine() {
    let prefix = util::state_dir().join("wine");
    if prefix.exists() {
        let _ = cmd("wineserver", ["-k"]).env("WINEPREFIX", prefix).status();
    }
}

/// clang in cl mode with Wine's MSVC headers.
pub fn msvc_env(c: &mut Command, triple: &str) -> Result<(), String> {
    let clang_cl = tool_dir()?.join("clang-cl");
    // In cl mode an absolute path can read as an option (/work/x.c is `/wo` + "rk/x.c"), and
    // cc's compiler probe passes its file without `--`: existing files become /./path.
    util::write_script(
        &clang_cl,
        "for a; do shift; case \"$a\" in /*) [ -f \"$a\" ] && a=\"/.$a\" ;; esac; set -- \"$@\" \"$a\"; done\n\
         exec clang --driver-mode=cl \"$@\"",
    )?;
    let mut cflags = String::from("/imsvc /usr/include/wine/wine/msvcrt /imsvc /usr/include/wine/wine/windows");
    if triple.starts_with("aarch64") {
        // clang 14 lacks this ARM64 intrinsic that Wine's winnt.h calls.
        cflags.push_str(" -D_InterlockedCompareExchange128=__wine_icx128");
    }
    let t = triple_var(triple);
    // CXX too, for C++ dependencies (the benchmark's reference); Wine has no C++ library headers.
    c.env(format!("CC_{t}"), &clang_cl)
        .env(format!("CXX_{t}"), &clang_cl)
        .env(format!("AR_{t}"), "llvm-lib")
        .env(format!("CXXFLAGS_{t}"), &cflags)
        .env(format!("CFLAGS_{t}"), cflags);
    Ok(())
}

/// zig as C compiler and linker for aarch64-pc-windows-gnullvm.
pub fn arm64_env(c: &mut Command) -> Result<(), String> {
    let zig_cc = tool_dir()?.join("zig-cc-aarch64-windows");
    // zig names the target itself and rejects the triple cc passes; it
    // brings its own C runtime (UCRT), so rustc's -lmsvcrt must go too.
    util::write_script(
        &zig_cc,
        "for a; do shift; case \"$a\" in --target=*|-lmsvcrt) ;; *) set -- \"$@\" \"$a\" ;; esac; done\n\
         exec python3 -m ziglang cc -target aarch64-windows-gnu \"$@\"",
    )?;
    let t = triple_var(ARM64_TARGET);
    c.env(format!("CC_{t}"), &zig_cc)
        .env(format!("AR_{t}"), "llvm-ar")
        .env(cargo_target_var(ARM64_TARGET, "LINKER"), &zig_cc);
    Ok(())
}

fn tool_dir() -> Result<PathBuf, String> {
    let dir = util::state_dir().join("bin");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}
