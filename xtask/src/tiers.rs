//! The test command: each tier proves one part of the build promise that a
//! Linux machine can prove, and reports on its own.

use crate::checks;
use crate::setup;
use crate::util::{self, cargo, cargo_target_var, cmd, output, run, timed, triple_var};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TIERS: &[(&str, &str)] = &[
    ("lint", "rustfmt --check, and clippy with warnings as errors for the host and x86_64-pc-windows-gnu"),
    ("native", "cargo test --workspace on the host, GUI under xvfb-run with a private D-Bus; the app starts and quits"),
    ("hints", "builds without MSVC, without GTK and for macOS fail with one message naming what to install"),
    ("noop", "a second build runs no build script; touching one C file rebuilds only its crate"),
    ("meson", "both -sys crates built through meson + ninja (feature `meson`)"),
    ("msvc", "x86_64/i686/aarch64-pc-windows-msvc: C by clang-cl, archives checked (machine, LIBCMT), app checked"),
    ("wine", "x86_64-pc-windows-gnu workspace tests run under Wine + Xvfb; the app starts and quits"),
    ("arm64", "aarch64-pc-windows-gnullvm app and examples linked by zig; PE32+ ARM64, system DLLs only"),
    ("downstream", "crates outside the workspace that depend on the -sys crates (one without build.rs, one compiling C against DEP_*_INCLUDE), native and under Wine"),
    ("registry", "publishable crates packaged into a local registry; a fixture depending on them by version built offline (native, Wine, ARM64 MSVC check, ARM64 GNU link) and documented as docs.rs would"),
    ("ide", "rust-analyzer loads the workspace, runs the build scripts, reports no errors; no rebuild after"),
    ("workflow", "actionlint checks .github/workflows (and proves it catches a broken one)"),
    ("screenshots", "tray menu open and a libui window, on Linux and under Wine, saved to artifacts/*.png"),
    ("sanitize", crate::sanitize::ABOUT),
];

const MSVC_TARGETS: &[(&str, u16)] = &[
    ("x86_64-pc-windows-msvc", checks::MACHINE_AMD64),
    ("i686-pc-windows-msvc", checks::MACHINE_I386),
    ("aarch64-pc-windows-msvc", checks::MACHINE_ARM64),
];

pub(crate) const WINE_TARGET: &str = "x86_64-pc-windows-gnu";
pub(crate) const ARM64_TARGET: &str = "aarch64-pc-windows-gnullvm";

/// `cargo xtask test [TIER...]`
pub fn run_selected(names: &[String]) -> Result<(), String> {
    let selected: Vec<&str> = if names.is_empty() {
        TIERS.iter().map(|(n, _)| *n).collect()
    } else {
        for name in names {
            if !TIERS.iter().any(|(n, _)| n == name) {
                return Err(format!(
                    "unknown tier `{name}`; tiers: {:?}",
                    TIERS.iter().map(|t| t.0).collect::<Vec<_>>()
                ));
            }
        }
        names.iter().map(String::as_str).collect()
    };
    setup::install_all()?;
    let mut results = Vec::new();
    for name in &selected {
        println!("\n==== tier {name} ====");
        let (result, secs) = timed(|| run_tier(name));
        match &result {
            Ok(()) => println!("==== tier {name}: PASS ({secs:.0} s)"),
            Err(e) => println!("==== tier {name}: FAIL ({secs:.0} s)\n{e}"),
        }
        results.push((*name, result.is_ok(), secs));
    }
    stop_wine();
    println!("\n==== summary ====");
    for (name, ok, secs) in &results {
        println!("{:<11} {} {secs:>6.0} s", name, if *ok { "PASS" } else { "FAIL" });
    }
    let failed = results.iter().filter(|r| !r.1).count();
    println!("tiers: {} passed, {failed} failed", results.len() - failed);
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} tier(s) failed"))
    }
}

fn run_tier(name: &str) -> Result<(), String> {
    match name {
        "lint" => lint(),
        "native" => native(),
        "hints" => hints(),
        "noop" => noop(),
        "meson" => meson(),
        "msvc" => msvc(),
        "wine" => wine(),
        "arm64" => arm64(),
        "downstream" => downstream(),
        "registry" => crate::registry::registry(),
        "ide" => ide(),
        "workflow" => workflow(),
        "screenshots" => screenshots(),
        "sanitize" => crate::sanitize::sanitize(),
        _ => unreachable!("tier names are checked in run()"),
    }
}

/// `cargo xtask bindings`
pub fn update_bindings() -> Result<(), String> {
    let mut c = cargo();
    c.args(["test", "-p", "zt-libui-sys", "-p", "zt-tray-sys", "--test", "bindings"]).env("UPDATE_BINDINGS", "1");
    run(&mut c)
}

/// Runs `inner` with a virtual X display and a private session bus.
pub(crate) fn under_display(inner: &mut Command) -> Command {
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

fn lint() -> Result<(), String> {
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

fn native() -> Result<(), String> {
    let mut test = cargo();
    test.args(["test", "--workspace", "--no-fail-fast"]);
    run(&mut under_display(&mut test))?;
    // The app itself starts (toolkit, tray, service thread) and quits.
    let mut app = cargo();
    app.args(["run", "-p", "zerotier_desktop_ui", "--", "--exit-after-init"]);
    run(&mut under_display(&mut app))
}

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
        what: "Linux without GTK and AppIndicator development files",
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
fn hints() -> Result<(), String> {
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

fn noop() -> Result<(), String> {
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

fn meson() -> Result<(), String> {
    let meson_target = util::root().join("target/meson");
    let with_meson = |verb: &str| {
        let mut c = cargo();
        c.args([verb, "-p", "zt-libui-sys", "-p", "zt-tray-sys", "--features", "zt-libui-sys/meson,zt-tray-sys/meson"])
            .env("CARGO_TARGET_DIR", &meson_target);
        c
    };
    run(&mut with_meson("build"))?;
    let built: Vec<PathBuf> = ["ui", "tray"]
        .iter()
        .filter_map(|lib| find_file(&meson_target.join("debug/build"), &format!("lib{lib}.a"), "out/meson"))
        .collect();
    if built.len() != 2 {
        return Err(format!("meson did not produce libui.a and libtray.a: found {built:?}"));
    }
    // The same tests, linked against the meson-built archives.
    run(&mut under_display(&mut with_meson("test")))
}

/// clang in cl mode (the name decides the driver mode) with Wine's MSVC headers.
pub fn msvc_env(c: &mut Command, triple: &str) -> Result<(), String> {
    let bin = tool_dir()?;
    let clang_cl = bin.join("clang-cl");
    if !clang_cl.exists() {
        symlink(Path::new("/usr/bin/clang"), &clang_cl)?;
    }
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

fn msvc() -> Result<(), String> {
    let target_dir = util::root().join("target/msvc");
    for (triple, machine) in MSVC_TARGETS {
        let mut build = cargo();
        build
            .args(["build", "--release", "-p", "zt-libui-sys", "-p", "zt-tray-sys", "--target", triple])
            .env("CARGO_TARGET_DIR", &target_dir);
        msvc_env(&mut build, triple)?;
        run(&mut build)?;
        for lib in ["ui", "tray"] {
            let dir = target_dir.join(triple).join("release/build");
            let path = find_file(&dir, &format!("{lib}.lib"), "out")
                .ok_or_else(|| format!("no {lib}.lib under {}", dir.display()))?;
            let data = std::fs::read(&path).map_err(|e| e.to_string())?;
            let summary =
                checks::check_msvc_archive(&data, *machine).map_err(|e| format!("{}: {e}", path.display()))?;
            println!(
                "{triple}: {lib}.lib has {} {} objects, default libs {:?}",
                summary.objects,
                checks::machine_name(*machine),
                summary.default_libs
            );
        }
        // The app and the tray/libui examples: build scripts (resources included) run and Rust type-checks.
        // Linking needs Microsoft's CRT and SDK libraries, which are not here.
        let mut check = cargo();
        check
            .args(["check", "--release", "--target", triple, "--bins", "--examples"])
            .args(["-p", "zerotier_desktop_ui", "-p", "zt-tray-sys", "-p", "zt-libui-sys"])
            .env("CARGO_TARGET_DIR", &target_dir);
        msvc_env(&mut check, triple)?;
        run(&mut check)?;
        let res = find_file(&target_dir.join(triple).join("release/build"), "resources.obj", "out")
            .ok_or("the app's build script wrote no resources.obj")?;
        let obj = std::fs::read(&res).map_err(|e| e.to_string())?;
        let found = u16::from_le_bytes([obj[0], obj[1]]);
        if found != *machine {
            return Err(format!("{}: machine {found:#06x}, expected {machine:#06x}", res.display()));
        }
    }
    println!("note: the final MSVC link needs Microsoft's libraries (not on this machine); CI on Windows links it");
    Ok(())
}

/// A private Wine prefix with the bcryptprimitives shim Rust's std needs on Wine 8.
fn wine_prefix() -> Result<PathBuf, String> {
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

pub(crate) fn wine_env(c: &mut Command) -> Result<(), String> {
    let prefix = wine_prefix()?;
    c.env("WINEPREFIX", prefix).env("WINEDEBUG", "-all").env(cargo_target_var(WINE_TARGET, "RUNNER"), "wine");
    Ok(())
}

fn stop_wine() {
    let prefix = util::state_dir().join("wine");
    if prefix.exists() {
        let _ = cmd("wineserver", ["-k"]).env("WINEPREFIX", prefix).status();
    }
}

fn wine() -> Result<(), String> {
    let mut test = cargo();
    test.args(["test", "--workspace", "--exclude", "xtask", "--no-fail-fast", "--target", WINE_TARGET]);
    wine_env(&mut test)?;
    run(&mut under_display(&mut test))?;
    let mut app = cargo();
    app.args(["run", "-p", "zerotier_desktop_ui", "--target", WINE_TARGET, "--", "--exit-after-init"]);
    wine_env(&mut app)?;
    run(&mut under_display(&mut app))
}

/// zig as C compiler and linker for aarch64-pc-windows-gnullvm.
pub(crate) fn arm64_env(c: &mut Command) -> Result<(), String> {
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

fn arm64() -> Result<(), String> {
    let mut build = cargo();
    build.args([
        "build",
        "--release",
        "--target",
        ARM64_TARGET,
        "-p",
        "zerotier_desktop_ui",
        "-p",
        "zt-libui-sys",
        "-p",
        "zt-tray-sys",
        "--bins",
        "--examples",
    ]);
    arm64_env(&mut build)?;
    run(&mut build)?;
    let out = util::root().join("target").join(ARM64_TARGET).join("release");
    let mut exes = vec![out.join("zerotier_desktop_ui.exe")];
    // examples/ also holds hash-suffixed copies of the same files.
    exes.extend(
        files_in(&out.join("examples"), "exe")
            .into_iter()
            .filter(|p| !p.file_stem().is_some_and(|n| n.to_string_lossy().contains('-'))),
    );
    for needed in ["tray_minimal.exe", "ui_minimal.exe"] {
        if !exes.iter().any(|p| p.ends_with(needed)) {
            return Err(format!("the ARM64 build lacks examples/{needed}: found {exes:?}"));
        }
    }
    for exe in &exes {
        let data = std::fs::read(exe).map_err(|e| format!("{}: {e}", exe.display()))?;
        let pe = checks::check_arm64_exe(&data).map_err(|e| format!("{}: {e}", exe.display()))?;
        println!("{}: PE32+ ARM64, imports {:?}", exe.display(), pe.dlls);
    }
    let app = std::fs::read(&exes[0]).map_err(|e| e.to_string())?;
    let resources = build_support_resources(&app)?;
    println!("{}: resources {resources:?}", exes[0].display());
    Ok(())
}

/// The app's resources (type, name) as read back from the PE.
fn build_support_resources(pe: &[u8]) -> Result<Vec<(u16, u16)>, String> {
    let found = zt_winres::read_pe_resources(pe)?;
    let kinds: Vec<(u16, u16)> = found.iter().map(|r| (r.type_id, r.name_id)).collect();
    for needed in [(24, 1), (16, 1), (14, 1)] {
        if !kinds.contains(&needed) {
            return Err(format!("resource {needed:?} (type, id) missing: {kinds:?}"));
        }
    }
    Ok(kinds)
}

fn downstream() -> Result<(), String> {
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

fn ide() -> Result<(), String> {
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

fn workflow() -> Result<(), String> {
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

/// Runs the -sys crates' screenshot scripts and checks each picture has
/// content (a blank or one-colour capture means nothing was drawn).
fn screenshots() -> Result<(), String> {
    let prefix = wine_prefix()?;
    let artifacts = util::root().join("artifacts");
    let steps: [(&str, &[&str], &[&str]); 3] = [
        ("tray-sys/scripts/screenshot-linux.sh", &["artifacts/tray-linux.png"], &["tray-linux.png"]),
        ("tray-sys/scripts/screenshot-wine.sh", &["artifacts/tray-wine.png"], &["tray-wine.png"]),
        ("libui-sys/scripts/screenshots.sh", &["linux", "wine"], &["libui-linux.png", "libui-wine.png"]),
    ];
    for (script, args, pictures) in steps {
        for picture in pictures {
            let _ = std::fs::remove_file(artifacts.join(picture));
        }
        let mut c = cmd("sh", std::iter::once(script).chain(args.iter().copied()));
        c.env("WINEPREFIX", &prefix).env("WINEDEBUG", "-all");
        run(&mut c)?;
        for picture in pictures {
            let path = artifacts.join(picture);
            let out = output(cmd("identify", ["-format", "%w %h %k"]).arg(&path))?;
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let colours: u32 = text.split_whitespace().nth(2).and_then(|k| k.parse().ok()).unwrap_or(0);
            if colours < 16 {
                return Err(format!("{} looks empty ({text}: width, height, colours)", path.display()));
            }
            println!("{}: {text} (width, height, colours)", path.display());
        }
    }
    stop_wine();
    Ok(())
}

fn tool_dir() -> Result<PathBuf, String> {
    let dir = util::state_dir().join("bin");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}

#[cfg(unix)]
fn symlink(from: &Path, to: &Path) -> Result<(), String> {
    std::os::unix::fs::symlink(from, to).map_err(|e| format!("cannot link {}: {e}", to.display()))
}

#[cfg(not(unix))]
fn symlink(_from: &Path, to: &Path) -> Result<(), String> {
    Err(format!("{}: the MSVC compile checks need a Unix host with clang", to.display()))
}

pub fn touch(path: &Path) -> Result<(), String> {
    let file = std::fs::File::options().append(true).open(path).map_err(|e| e.to_string())?;
    file.set_modified(std::time::SystemTime::now()).map_err(|e| e.to_string())
}

pub fn first_file(dir: &Path, ext: &str) -> Result<PathBuf, String> {
    files_in(dir, ext).into_iter().next().ok_or_else(|| format!("no .{ext} file in {}", dir.display()))
}

fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == ext)).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Finds `name` in a `<dir>/<pkg>-<hash>/<sub>/` tree (cargo's build dirs),
/// newest first.
fn find_file(dir: &Path, name: &str, sub: &str) -> Option<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join(sub).join(name))
        .filter(|p| p.exists())
        .filter_map(|p| Some((p.metadata().ok()?.modified().ok()?, p)))
        .collect();
    found.sort();
    found.pop().map(|(_, p)| p)
}
