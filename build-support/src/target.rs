//! What is being built for, as cargo describes it to build scripts.

use crate::env;

/// The compilation target of the running build script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The full triple, e.g. `aarch64-pc-windows-msvc`.
    pub triple: String,
    /// `CARGO_CFG_TARGET_ARCH`: `x86_64`, `x86`, `aarch64`, ...
    pub arch: String,
    /// `CARGO_CFG_TARGET_OS`: `windows`, `linux`, `macos`, `freebsd`, ...
    pub os: String,
    /// `CARGO_CFG_TARGET_ENV`: `msvc`, `gnu`, ... (empty where there is none).
    pub env: String,
    /// `CARGO_CFG_TARGET_ABI`: `llvm` for the `*-gnullvm` targets.
    pub abi: String,
    /// `CARGO_CFG_TARGET_FEATURE`, split at commas (`crt-static`, `neon`, ...).
    pub features: Vec<String>,
    /// The triple of the machine running the build (`HOST`).
    pub host: String,
}

impl Target {
    /// Reads the target from cargo's environment (never from `cfg!`, which
    /// describes the host the build script was compiled for).
    pub fn from_env() -> Target {
        let features = env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
        Target {
            triple: env::cargo_var("TARGET"),
            arch: env::cargo_var("CARGO_CFG_TARGET_ARCH"),
            os: env::cargo_var("CARGO_CFG_TARGET_OS"),
            env: env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default(),
            abi: env::var("CARGO_CFG_TARGET_ABI").unwrap_or_default(),
            features: split_features(&features),
            host: env::cargo_var("HOST"),
        }
    }

    /// Builds a target from its triple alone, the way rustc's built-in target
    /// specs fill in the cfg values.  Used by tests and tools that plan for a
    /// target without running cargo; `features` is the `target-feature` list.
    pub fn from_triple(triple: &str, features: &[&str]) -> Target {
        let mut parts = triple.split('-');
        let arch = match parts.next().unwrap_or_default() {
            "i686" | "i586" | "i386" => "x86",
            "armv7" | "thumbv7a" | "arm" => "arm",
            other => other,
        }
        .to_string();
        let os = if triple.contains("-windows") {
            "windows"
        } else if triple.contains("-linux") {
            "linux"
        } else if triple.contains("-darwin") {
            "macos"
        } else if triple.contains("-freebsd") {
            "freebsd"
        } else if triple.contains("-netbsd") {
            "netbsd"
        } else if triple.contains("-openbsd") {
            "openbsd"
        } else if triple.contains("-dragonfly") {
            "dragonfly"
        } else if triple.contains("-ios") {
            "ios"
        } else {
            "unknown"
        }
        .to_string();
        let last = triple.rsplit('-').next().unwrap_or_default();
        let (env, abi) = match last {
            "msvc" => ("msvc", ""),
            "gnu" => ("gnu", ""),
            "gnullvm" => ("gnu", "llvm"),
            "musl" => ("musl", ""),
            "gnueabihf" => ("gnu", "eabihf"),
            _ => ("", ""),
        };
        Target {
            triple: triple.to_string(),
            arch,
            os,
            env: env.to_string(),
            abi: abi.to_string(),
            features: features.iter().map(|f| f.to_string()).collect(),
            host: "x86_64-unknown-linux-gnu".to_string(),
        }
    }

    pub fn is_windows(&self) -> bool {
        self.os == "windows"
    }

    /// MSVC ABI: compiled by cl.exe (or clang-cl), linked by link.exe.
    pub fn is_msvc(&self) -> bool {
        self.is_windows() && self.env == "msvc"
    }

    /// `*-pc-windows-gnullvm`: the MinGW ABI with LLVM's runtime (llvm-mingw, zig).
    pub fn is_gnullvm(&self) -> bool {
        self.is_windows() && self.env == "gnu" && self.abi == "llvm"
    }

    pub fn is_apple(&self) -> bool {
        matches!(self.os.as_str(), "macos" | "ios" | "tvos" | "watchos" | "visionos")
    }

    /// Unix systems served by the GTK 3 backends.
    pub fn is_gtk_unix(&self) -> bool {
        matches!(self.os.as_str(), "linux" | "freebsd" | "netbsd" | "openbsd" | "dragonfly" | "illumos" | "solaris")
    }

    /// Whether the C runtime is linked statically (`-C target-feature=+crt-static`).
    pub fn crt_static(&self) -> bool {
        self.features.iter().any(|f| f == "crt-static")
    }

    /// Whether the build script runs on Windows (decides where to look for
    /// Visual Studio; it says nothing about the target).
    pub fn host_is_windows(&self) -> bool {
        self.host.contains("-windows")
    }
}

fn split_features(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|f| !f.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triples_map_to_cfg_values() {
        let t = Target::from_triple("aarch64-pc-windows-msvc", &["crt-static", "neon"]);
        assert_eq!((t.arch.as_str(), t.os.as_str(), t.env.as_str()), ("aarch64", "windows", "msvc"));
        assert!(t.is_msvc() && t.crt_static() && !t.is_gnullvm());

        let t = Target::from_triple("i686-pc-windows-gnu", &[]);
        assert_eq!((t.arch.as_str(), t.env.as_str()), ("x86", "gnu"));
        assert!(!t.is_msvc() && !t.crt_static());

        let t = Target::from_triple("aarch64-pc-windows-gnullvm", &[]);
        assert!(t.is_gnullvm() && t.is_windows());

        let t = Target::from_triple("x86_64-unknown-freebsd", &[]);
        assert!(t.is_gtk_unix() && !t.is_windows());

        let t = Target::from_triple("aarch64-apple-darwin", &[]);
        assert!(t.is_apple() && !t.is_gtk_unix());
    }

    #[test]
    fn feature_list_is_split_and_trimmed() {
        assert_eq!(split_features("crt-static, sse2,,neon"), ["crt-static", "sse2", "neon"]);
        assert!(split_features("").is_empty());
    }
}
