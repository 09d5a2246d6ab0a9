//! The `registry` tier: our publishable crates as a registry user gets them.
//! It runs the release command's dry run (`cargo xtask publish`: the C staged
//! into the -sys packages, every crate packaged and built from its `.crate`
//! alone against a local directory registry), then builds a fixture outside
//! the workspace that names our crates by version only, offline against that
//! registry: natively, for Windows under Wine, for ARM64 MSVC (compile check)
//! and ARM64 GNU (linked). Last, `cargo doc` with `DOCS_RS` set and no
//! pkg-config must succeed.

use std::fs;
use std::path::Path;

use crate::pe_coff;
use crate::publish::{self, copy_dir, registry_config, write};
use crate::toolchain::{arm64_env, msvc_env, under_display, wine_env, ARM64_TARGET, WINE_TARGET};
use crate::util::{self, cargo, run};

pub fn registry() -> Result<(), String> {
    let work = util::state_dir().join("registry");
    plain_package_names_the_command(&work.join("plain"))?;
    let packaged = publish::publish(&work.join("publish"), false, None)?;
    let fixture = work.join("fixture");
    // The fixture's builds are kept while our .crate files stay byte for byte the same.
    publish::keep_if_made_from(&fixture.join("target"), &packaged.made_from)?;
    // Resolved afresh: a kept lock file would name the old crates' checksums.
    let _ = fs::remove_file(fixture.join("Cargo.lock"));
    copy_dir(&util::root().join("fixtures/registry"), &fixture)?;
    write(&fixture.join(".cargo/config.toml"), &registry_config(&packaged.registry))?;
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
    let pe = pe_coff::check_arm64_exe(&data).map_err(|e| format!("{}: {e}", exe.display()))?;
    println!("{}: PE32+ ARM64, imports {:?}", exe.display(), pe.dlls);
    docs_without_system_packages(&fixture)
}

/// Plain `cargo package` (here of zt-native-build and zt-libui-sys, so the
/// first needs no registry) leaves the C out; its verify step must stop with
/// one line naming the release command.
fn plain_package_names_the_command(target_dir: &Path) -> Result<(), String> {
    let mut c = cargo();
    c.args(["package", "--allow-dirty", "-p", "zt-native-build", "-p", "zt-libui-sys"])
        .env("CARGO_TARGET_DIR", target_dir);
    println!("+ cargo package -p zt-native-build -p zt-libui-sys (without staging)");
    let out = c.output().map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let naming: Vec<&str> = stderr.lines().filter(|l| l.contains("cargo xtask publish")).collect();
    if out.status.success() || naming.len() != 1 || !naming[0].contains("error:") {
        return Err(format!("plain cargo package must fail with one line naming `cargo xtask publish`:\n{stderr}"));
    }
    println!("plain cargo package stops: {}", naming[0].trim());
    Ok(())
}

/// What docs.rs does: `DOCS_RS` set, and no toolkit development files (here:
/// a pkg-config that finds nothing).
fn docs_without_system_packages(fixture: &Path) -> Result<(), String> {
    let mut doc = cargo();
    doc.current_dir(fixture).args(["doc", "--quiet", "--no-deps"]);
    for name in publish::publish_order()?.iter().filter(|n| *n != "zt-native-build") {
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
