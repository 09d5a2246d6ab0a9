//! aarch64-pc-windows-gnullvm linked by zig: well-formed ARM64 images with the app's resources.

use crate::files::files_in;
use crate::pe_coff;
use crate::toolchain::{arm64_env, ARM64_TARGET};
use crate::util::{self, cargo, run};

pub fn arm64() -> Result<(), String> {
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
        let pe = pe_coff::check_arm64_exe(&data).map_err(|e| format!("{}: {e}", exe.display()))?;
        println!("{}: PE32+ ARM64, imports {:?}", exe.display(), pe.dlls);
    }
    let app = std::fs::read(&exes[0]).map_err(|e| e.to_string())?;
    let resources = app_resources(&app)?;
    println!("{}: resources {resources:?}", exes[0].display());
    Ok(())
}

/// The app's resources (type, name) as read back from the PE.
fn app_resources(pe: &[u8]) -> Result<Vec<(u16, u16)>, String> {
    let found = zt_winres::read_pe_resources(pe)?;
    let kinds: Vec<(u16, u16)> = found.iter().map(|r| (r.type_id, r.name_id)).collect();
    for needed in [(24, 1), (16, 1), (14, 1)] {
        if !kinds.contains(&needed) {
            return Err(format!("resource {needed:?} (type, id) missing: {kinds:?}"));
        }
    }
    Ok(kinds)
}
