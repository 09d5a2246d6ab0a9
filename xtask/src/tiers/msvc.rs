//! The MSVC targets, compiled by clang-cl: archives inspected, the app and the C consumer fixture
//! type-checked (its C compiled).

use crate::files::find_file;
use crate::pe_coff;
use crate::toolchain::msvc_env;
use crate::util::{self, cargo, run};

const MSVC_TARGETS: &[(&str, u16)] = &[
    ("x86_64-pc-windows-msvc", pe_coff::MACHINE_AMD64),
    ("i686-pc-windows-msvc", pe_coff::MACHINE_I386),
    ("aarch64-pc-windows-msvc", pe_coff::MACHINE_ARM64),
];

pub fn msvc() -> Result<(), String> {
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
                pe_coff::check_msvc_archive(&data, *machine).map_err(|e| format!("{}: {e}", path.display()))?;
            println!(
                "{triple}: {lib}.lib has {} {} objects, default libs {:?}",
                summary.objects,
                pe_coff::machine_name(*machine),
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
        // The C consumer's own C (it redeclares every libui-ng function) through clang-cl: a
        // construct MSVC-mode clang refuses shows here, not only at the end of msvc-run.
        let mut consumer = cargo();
        consumer
            .args(["check", "--release", "--target", triple, "--manifest-path"])
            .arg(util::root().join("fixtures/c-consumer/Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target_dir);
        msvc_env(&mut consumer, triple)?;
        run(&mut consumer)?;
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
