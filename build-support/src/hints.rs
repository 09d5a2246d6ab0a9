//! The messages a build script prints when a tool or library is missing:
//! each names exactly what to install.

use crate::package::PkgRequirement;
use crate::target::Target;

/// Visual Studio component that provides the MSVC compiler for `target`:
/// (display name, component ID).
pub fn msvc_component(target: &Target) -> (&'static str, &'static str) {
    match target.arch.as_str() {
        "aarch64" => (
            "MSVC v143 - VS 2022 C++ ARM64/ARM64EC build tools (Latest)",
            "Microsoft.VisualStudio.Component.VC.Tools.ARM64",
        ),
        _ => (
            "MSVC v143 - VS 2022 C++ x64/x86 build tools (Latest)",
            "Microsoft.VisualStudio.Component.VC.Tools.x86.x64",
        ),
    }
}

/// The Windows SDK component (headers, import libraries, rc.exe).
pub const WINDOWS_SDK: (&str, &str) =
    ("Windows 11 SDK (10.0.22621.0)", "Microsoft.VisualStudio.Component.Windows11SDK.22621");

/// No C compiler for an MSVC target.
pub fn msvc_missing(target: &Target, detail: &str) -> String {
    let (name, id) = msvc_component(target);
    let (sdk_name, sdk_id) = WINDOWS_SDK;
    let mut msg = format!(
        "no MSVC C compiler (cl.exe) was found for {triple}.\n\
         Install Visual Studio 2022 or its Build Tools with these components:\n\
         \x20 - {name} [{id}]\n\
         \x20 - {sdk_name} [{sdk_id}]\n\
         In one command (PowerShell or cmd):\n\
         \x20 winget install --id Microsoft.VisualStudio.2022.BuildTools --override \"--quiet --wait --add {id} --add {sdk_id}\"\n\
         If Build Tools are already installed, add the component with the Visual Studio Installer (Modify > Individual components)\n\
         or: \"%ProgramFiles(x86)%\\Microsoft Visual Studio\\Installer\\setup.exe\" modify --installPath \"%ProgramFiles(x86)%\\Microsoft Visual Studio\\2022\\BuildTools\" --add {id} --quiet\n\
         No Developer Prompt or vcvars is needed: the build finds Visual Studio by itself.",
        triple = target.triple,
    );
    if !target.host_is_windows() {
        msg.push_str(&format!(
            "\nThis build runs on {host}, not Windows: cross-compiling for MSVC needs clang-cl plus the MSVC CRT and Windows SDK \
             (e.g. the ones cargo-xwin downloads); point CC_{var} at clang-cl and AR_{var} at llvm-lib.",
            host = target.host,
            var = target.triple.replace('-', "_"),
        ));
    }
    with_detail(msg, detail)
}

/// No C compiler for a MinGW (GNU ABI) Windows target.
pub fn mingw_missing(target: &Target, detail: &str) -> String {
    let var = target.triple.replace('-', "_");
    let body = if target.is_gnullvm() {
        format!(
            "{triple} needs an LLVM MinGW C compiler: llvm-mingw (clang with the {arch}-w64-mingw32 target) or zig.\n\
             With zig from PyPI: pip install ziglang, then set CC_{var} to a wrapper that runs\n\
             \x20 python3 -m ziglang cc -target {arch}-windows-gnu \"$@\"",
            triple = target.triple,
            arch = target.arch,
        )
    } else {
        let (debian, fedora, arch, msys) = match target.arch.as_str() {
            "x86" => ("gcc-mingw-w64-i686", "mingw32-gcc", "mingw-w64-gcc", "mingw-w64-i686-gcc"),
            _ => ("gcc-mingw-w64-x86-64", "mingw64-gcc", "mingw-w64-gcc", "mingw-w64-x86_64-gcc"),
        };
        format!(
            "{triple} needs the MinGW-w64 C compiler ({prefix}-w64-mingw32-gcc). Install it with\n\
             \x20 Debian/Ubuntu: apt install {debian}\n\
             \x20 Fedora:        dnf install {fedora}\n\
             \x20 Arch:          pacman -S {arch}\n\
             \x20 Windows/MSYS2: pacman -S {msys}\n\
             or point CC_{var} at another C compiler for this target.",
            triple = target.triple,
            prefix = if target.arch == "x86" { "i686" } else { "x86_64" },
        )
    };
    with_detail(format!("no C compiler was found: {body}"), detail)
}

/// No C compiler for a Unix target.
pub fn unix_compiler_missing(target: &Target, detail: &str) -> String {
    with_detail(
        format!(
            "no C compiler was found for {}. Install one:\n\
             \x20 Debian/Ubuntu: apt install build-essential\n\
             \x20 Fedora:        dnf install gcc\n\
             \x20 Arch:          pacman -S base-devel\n\
             or set CC to a C compiler.",
            target.triple
        ),
        detail,
    )
}

/// The message for a compiler that cannot be found or run for `target`.
pub fn compiler_missing(target: &Target, detail: &str) -> String {
    if target.is_msvc() {
        msvc_missing(target, detail)
    } else if target.is_windows() {
        mingw_missing(target, detail)
    } else {
        unix_compiler_missing(target, detail)
    }
}

/// A pkg-config package (or all of its alternatives) is missing.
pub fn package_missing(req: &PkgRequirement, detail: &str) -> String {
    let names: Vec<&str> = req.alternatives.iter().map(|(name, _)| *name).collect();
    with_detail(
        format!(
            "pkg-config could not find {names} (version {min} or newer). Install the development files:\n\
             \x20 Debian/Ubuntu: apt install {debian}\n\
             \x20 Fedora:        dnf install {fedora}\n\
             \x20 Arch:          pacman -S {arch}\n\
             and pkg-config itself if it is missing (Debian/Ubuntu: pkg-config, Fedora: pkgconf-pkg-config, Arch: pkgconf).",
            names = names.join(" or "),
            min = req.min_version,
            debian = req.debian,
            fedora = req.fedora,
            arch = req.arch,
        ),
        detail,
    )
}

/// macOS and the other Apple systems.
pub fn cocoa_missing(target: &Target) -> String {
    format!(
        "{} is not supported yet: the Cocoa (macOS) backends of vendor/libui and vendor/tray do not exist. \
         Supported targets are Windows (MSVC, GNU, GNU-LLVM on x86, x86_64, aarch64) and Linux/BSD with GTK 3.",
        target.triple
    )
}

fn with_detail(mut msg: String, detail: &str) -> String {
    if !detail.is_empty() {
        msg.push_str(&format!("\n(the probe said: {detail})"));
    }
    msg
}

/// The warning for an MSVC target built without `crt-static` (the exe would
/// need the Visual C++ runtime DLLs), or `None`.
pub fn dynamic_crt(target: &Target) -> Option<String> {
    (target.is_msvc() && !target.crt_static()).then(|| {
        format!(
            "{} builds with the DLL C runtime: the exe will need vcruntime140.dll. For one self-contained exe add to \
             .cargo/config.toml: [target.'cfg(all(target_os = \"windows\", target_env = \"msvc\"))'] \
             rustflags = [\"-C\", \"target-feature=+crt-static\"]",
            target.triple
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arm64_msvc_names_the_arm64_component_and_winget() {
        let t = Target::from_triple("aarch64-pc-windows-msvc", &[]);
        let m = compiler_missing(&t, "");
        assert!(m.contains("Microsoft.VisualStudio.Component.VC.Tools.ARM64"), "{m}");
        assert!(m.contains("ARM64/ARM64EC build tools"), "{m}");
        assert!(m.contains("winget install --id Microsoft.VisualStudio.2022.BuildTools"), "{m}");
        assert!(m.contains("clang-cl"), "a Linux host is told about cross-compiling: {m}");
    }

    #[test]
    fn x64_msvc_names_the_x64_component() {
        let mut t = Target::from_triple("x86_64-pc-windows-msvc", &[]);
        t.host = "x86_64-pc-windows-msvc".into();
        let m = compiler_missing(&t, "program not found");
        assert!(m.contains("Microsoft.VisualStudio.Component.VC.Tools.x86.x64"), "{m}");
        assert!(!m.contains("clang-cl"), "a Windows host needs no cross hint: {m}");
        assert!(m.contains("program not found"));
    }

    #[test]
    fn mingw_and_unix_name_packages() {
        let m = compiler_missing(&Target::from_triple("i686-pc-windows-gnu", &[]), "");
        assert!(m.contains("gcc-mingw-w64-i686") && m.contains("mingw32-gcc"), "{m}");
        let m = compiler_missing(&Target::from_triple("aarch64-pc-windows-gnullvm", &[]), "");
        assert!(m.contains("ziglang") && m.contains("CC_aarch64_pc_windows_gnullvm"), "{m}");
        let m = compiler_missing(&Target::from_triple("x86_64-unknown-linux-gnu", &[]), "");
        assert!(m.contains("build-essential"), "{m}");
    }

    #[test]
    fn missing_package_names_every_distribution() {
        let req = PkgRequirement {
            alternatives: &[("webkit2gtk-4.1", "A"), ("webkit2gtk-4.0", "B")],
            min_version: "2.40",
            debian: "libwebkit2gtk-4.1-dev",
            fedora: "webkit2gtk4.1-devel",
            arch: "webkit2gtk-4.1",
            link: true,
        };
        let m = package_missing(&req, "");
        for needle in [
            "webkit2gtk-4.1 or webkit2gtk-4.0",
            "libwebkit2gtk-4.1-dev",
            "webkit2gtk4.1-devel",
            "pacman -S webkit2gtk-4.1",
        ] {
            assert!(m.contains(needle), "{needle} missing in {m}");
        }
    }

    #[test]
    fn only_msvc_without_crt_static_is_warned() {
        let warned = dynamic_crt(&Target::from_triple("aarch64-pc-windows-msvc", &[])).unwrap();
        assert!(warned.contains("vcruntime140.dll") && warned.contains("+crt-static"), "{warned}");
        assert_eq!(dynamic_crt(&Target::from_triple("aarch64-pc-windows-msvc", &["crt-static"])), None);
        assert_eq!(dynamic_crt(&Target::from_triple("x86_64-pc-windows-gnu", &[])), None);
        assert_eq!(dynamic_crt(&Target::from_triple("x86_64-unknown-linux-gnu", &[])), None);
    }
}
