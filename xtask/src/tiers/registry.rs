//! The `registry` tier: our publishable crates as a registry user gets them.
//! `cargo package` makes the `.crate` files (with the C staged into the -sys
//! packages), they are unpacked into a local directory registry beside the
//! third-party crates they need, and a fixture outside the workspace that
//! names them by version only is built offline against it: natively, for
//! Windows under Wine, for ARM64 MSVC (compile check) and ARM64 GNU (linked).
//! Last, `cargo doc` with `DOCS_RS` set and no pkg-config must succeed.

use std::fs;
use std::path::{Path, PathBuf};

use crate::checks;
use crate::toolchain::{arm64_env, msvc_env, under_display, wine_env, ARM64_TARGET, WINE_TARGET};
use crate::util::{self, cargo, cmd, run};

/// Every crate a downstream user needs, dependencies before dependents.
pub const PUBLISHED: &[&str] = &["zt-native-build", "zt-libui-sys", "zt-tray-sys", "zt-libui", "zt-tray"];

/// The C each -sys package carries: (package folder, vendored library).
const STAGED: &[(&str, &str)] = &[("libui-sys", "libui"), ("tray-sys", "tray")];

pub fn registry() -> Result<(), String> {
    let work = util::state_dir().join("registry");
    let _ = fs::remove_dir_all(&work);
    let crates = package()?;
    let index = work.join("crates");
    fill_registry(&index, &crates)?;
    let fixture = work.join("fixture");
    copy_dir(&util::root().join("fixtures/registry"), &fixture)?;
    write(
        &fixture.join(".cargo/config.toml"),
        &format!(
            "[source.crates-io]\nreplace-with = \"local\"\n\n[source.local]\ndirectory = \"{}\"\n\n[net]\noffline = true\n",
            index.display()
        ),
    )?;
    let in_fixture = |args: &[&str]| {
        let mut c = cargo();
        c.current_dir(&fixture).args(args);
        c
    };
    run(&mut under_display(&mut in_fixture(&["run", "--quiet"])))?;
    let mut win = in_fixture(&["run", "--quiet", "--target", WINE_TARGET]);
    wine_env(&mut win)?;
    run(&mut under_display(&mut win))?;
    let mut msvc = in_fixture(&["check", "--quiet", "--target", "aarch64-pc-windows-msvc"]);
    msvc_env(&mut msvc, "aarch64-pc-windows-msvc")?;
    run(&mut msvc)?;
    let mut arm = in_fixture(&["build", "--quiet", "--release", "--target", ARM64_TARGET]);
    arm64_env(&mut arm)?;
    run(&mut arm)?;
    let exe = fixture.join("target").join(ARM64_TARGET).join("release/registry-fixture.exe");
    let data = fs::read(&exe).map_err(|e| format!("{}: {e}", exe.display()))?;
    let pe = checks::check_arm64_exe(&data).map_err(|e| format!("{}: {e}", exe.display()))?;
    println!("{}: PE32+ ARM64, imports {:?}", exe.display(), pe.dlls);
    docs_without_system_packages(&fixture)
}

/// `cargo package` for every published crate; the -sys packages get their
/// C copied in for the moment (the one copy in git stays in vendor/).
fn package() -> Result<Vec<PathBuf>, String> {
    let root = util::root();
    let _staged = Staged::copy(&root)?;
    let mut c = cargo();
    // --allow-dirty: the staged C is untracked by design; --no-verify: the
    // fixture builds below are the verification, against the registry copies.
    c.args(["package", "--no-verify", "--allow-dirty"]);
    for name in PUBLISHED {
        c.args(["-p", name]);
    }
    run(&mut c)?;
    let version = env!("CARGO_PKG_VERSION");
    let crates: Vec<PathBuf> =
        PUBLISHED.iter().map(|n| root.join("target/package").join(format!("{n}-{version}.crate"))).collect();
    for (name, file) in PUBLISHED.iter().zip(&crates) {
        if !file.exists() {
            return Err(format!("cargo package made no {}", file.display()));
        }
        if STAGED.iter().any(|(dir, _)| name.ends_with(dir)) {
            check_carries_c(file)?;
        }
    }
    Ok(crates)
}

/// A -sys `.crate` must hold the C it compiles.
fn check_carries_c(file: &Path) -> Result<(), String> {
    let listing = util::output(&mut cmd("tar", ["tzf".as_ref(), file.as_os_str()]))?;
    let names = String::from_utf8_lossy(&listing.stdout).into_owned();
    let count = |ext: &str| names.lines().filter(|l| l.contains("/vendor/") && l.ends_with(ext)).count();
    let (c, h) = (count(".c"), count(".h"));
    println!("{}: {c} C sources, {h} headers", file.display());
    if c == 0 || h == 0 {
        return Err(format!("{} carries no C sources or headers", file.display()));
    }
    Ok(())
}

/// The staged copies of vendor/<lib> inside the -sys packages, removed again
/// on drop, so a stale copy never shadows the real vendor/ in later builds.
struct Staged(Vec<PathBuf>);

impl Staged {
    fn copy(root: &Path) -> Result<Staged, String> {
        let mut staged = Staged(Vec::new());
        for (dir, lib) in STAGED {
            let dest = root.join(dir).join("vendor");
            let _ = fs::remove_dir_all(&dest);
            staged.0.push(dest.clone());
            copy_dir(&root.join("vendor").join(lib), &dest.join(lib))?;
        }
        Ok(staged)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for dir in &self.0 {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

/// A directory registry: the third-party crates from `cargo vendor`, plus
/// our `.crate` files unpacked with the checksum file cargo requires.
fn fill_registry(index: &Path, crates: &[PathBuf]) -> Result<(), String> {
    let mut vendor = cargo();
    vendor.args(["vendor", "--quiet", "--versioned-dirs"]).arg(index).stdout(std::process::Stdio::null());
    run(&mut vendor)?;
    for file in crates {
        run(&mut cmd("tar", ["xzf".as_ref(), file.as_os_str(), "-C".as_ref(), index.as_os_str()]))?;
        let name = file.file_stem().and_then(|s| s.to_str()).ok_or("odd .crate name")?;
        // No package checksum: the fixture's lock file is made against this copy.
        write(&index.join(name).join(".cargo-checksum.json"), "{\"files\":{},\"package\":null}")?;
    }
    Ok(())
}

/// What docs.rs does: `DOCS_RS` set, and no toolkit development files (here:
/// a pkg-config that finds nothing).
fn docs_without_system_packages(fixture: &Path) -> Result<(), String> {
    let mut doc = cargo();
    doc.current_dir(fixture).args(["doc", "--quiet", "--no-deps"]);
    for name in PUBLISHED.iter().filter(|n| **n != "zt-native-build") {
        doc.args(["-p", name]);
    }
    doc.env("DOCS_RS", "1")
        .env("PKG_CONFIG_PATH", "")
        .env("PKG_CONFIG_LIBDIR", "/nonexistent")
        .env("CARGO_TARGET_DIR", fixture.join("target/docs-rs"));
    run(&mut doc)?;
    let index = fixture.join("target/docs-rs/doc/zt_tray/index.html");
    if !index.exists() {
        return Err(format!("cargo doc wrote no {}", index.display()));
    }
    println!("docs built with DOCS_RS=1 and no pkg-config packages");
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let dest = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&entry.path(), &dest)?;
            }
        } else {
            fs::copy(entry.path(), &dest).map_err(|e| format!("{}: {e}", dest.display()))?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
