//! From a target to a build plan: which backend, sources, defines and
//! system libraries.  Pure data in, data out, so every target can be
//! unit-tested without a compiler.

use crate::hints;
use crate::package::PkgRequirement;
use crate::target::Target;

/// A vendored C library as its -sys crate describes it.
#[derive(Debug, Clone, Copy)]
pub struct Library {
    /// The static library's name and the `links` key: `ui` or `tray`.
    pub name: &'static str,
    /// Windows import libraries the Win32 backend needs, sorted.
    pub windows_libs: &'static [&'static str],
    /// pkg-config packages the GTK backend needs, in probe order.
    pub unix_packages: &'static [PkgRequirement],
}

/// Which native backend is compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Win32 API (every Windows target).
    Windows,
    /// GTK 3 (Linux and the BSDs).
    Gtk,
}

impl Backend {
    /// The vendored directory that holds this backend's sources.
    pub fn dir(self) -> &'static str {
        match self {
            Backend::Windows => "windows",
            Backend::Gtk => "unix",
        }
    }
}

/// Everything a build script needs to know to compile one vendored library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub name: &'static str,
    pub backend: Backend,
    /// Source directories below the vendored root, compiled in this order.
    pub source_dirs: Vec<&'static str>,
    /// Preprocessor definitions (name, value); an empty value defines `name` alone.
    pub defines: Vec<(&'static str, &'static str)>,
    /// Libraries linked by name (`cargo:rustc-link-lib`).
    pub system_libs: Vec<&'static str>,
    /// Libraries found through pkg-config.
    pub packages: Vec<PkgRequirement>,
}

/// Decides how `lib` is built for `target`, or why it cannot be.
pub fn plan(lib: &Library, target: &Target) -> Result<Plan, String> {
    let backend = backend(target)?;
    Ok(Plan {
        name: lib.name,
        backend,
        source_dirs: vec!["common", backend.dir()],
        defines: defines(backend, target),
        system_libs: system_libs(lib, backend),
        packages: match backend {
            Backend::Windows => Vec::new(),
            Backend::Gtk => lib.unix_packages.to_vec(),
        },
    })
}

fn backend(target: &Target) -> Result<Backend, String> {
    if target.is_windows() {
        match target.arch.as_str() {
            "x86" | "x86_64" | "aarch64" => Ok(Backend::Windows),
            other => Err(format!(
                "Windows on {other} is not supported: the Win32 backends are built and tested for x86, x86_64 and aarch64 ({})",
                target.triple
            )),
        }
    } else if target.is_gtk_unix() {
        Ok(Backend::Gtk)
    } else if target.is_apple() {
        Err(hints::cocoa_missing(target))
    } else {
        Err(format!(
            "target {} ({}) has no backend: supported are Windows (Win32) and Linux/BSD (GTK 3)",
            target.triple, target.os
        ))
    }
}

fn defines(backend: Backend, target: &Target) -> Vec<(&'static str, &'static str)> {
    let mut defines = Vec::new();
    if backend == Backend::Windows {
        // Wide-character Win32 APIs everywhere. The Windows version (WINVER, _WIN32_WINNT) is
        // set in the backends' private headers, only where the toolchain has not set it.
        defines.extend([("UNICODE", ""), ("_UNICODE", "")]);
        if target.is_msvc() {
            // The CRT's "use the _s variants" advice does not apply to code
            // that checks its own lengths.
            defines.push(("_CRT_SECURE_NO_WARNINGS", ""));
        }
    }
    defines
}

fn system_libs(lib: &Library, backend: Backend) -> Vec<&'static str> {
    match backend {
        Backend::Windows => lib.windows_libs.to_vec(),
        Backend::Gtk => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::GTK3;

    const LIB: Library = Library { name: "demo", windows_libs: &["gdi32", "user32"], unix_packages: &[GTK3] };

    #[test]
    fn windows_plan_uses_win32_sources_and_libs() {
        let p = plan(&LIB, &Target::from_triple("aarch64-pc-windows-msvc", &["crt-static"])).unwrap();
        assert_eq!(p.backend, Backend::Windows);
        assert_eq!(p.source_dirs, ["common", "windows"]);
        assert_eq!(p.system_libs, ["gdi32", "user32"]);
        assert!(p.defines.contains(&("_CRT_SECURE_NO_WARNINGS", "")));
        assert!(p.packages.is_empty());
    }

    #[test]
    fn gnu_windows_has_no_msvc_defines() {
        let p = plan(&LIB, &Target::from_triple("x86_64-pc-windows-gnu", &[])).unwrap();
        assert!(!p.defines.iter().any(|(n, _)| n.starts_with("_CRT")));
        assert!(p.defines.contains(&("UNICODE", "")));
    }

    #[test]
    fn unix_plan_uses_pkg_config() {
        let p = plan(&LIB, &Target::from_triple("x86_64-unknown-netbsd", &[])).unwrap();
        assert_eq!(p.backend, Backend::Gtk);
        assert_eq!(p.source_dirs, ["common", "unix"]);
        assert!(p.system_libs.is_empty());
        assert_eq!(p.packages.len(), 1);
    }

    #[test]
    fn unsupported_targets_explain_themselves() {
        let e = plan(&LIB, &Target::from_triple("x86_64-apple-darwin", &[])).unwrap_err();
        assert!(e.contains("Cocoa"), "{e}");
        let e = plan(&LIB, &Target::from_triple("wasm32-unknown-unknown", &[])).unwrap_err();
        assert!(e.contains("no backend"), "{e}");
        let e = plan(&LIB, &Target::from_triple("thumbv7a-pc-windows-msvc", &[])).unwrap_err();
        assert!(e.contains("arm"), "{e}");
    }
}
