//! Environment access for build scripts: every read is announced to cargo.

use std::path::PathBuf;

/// Reads `name` and prints `cargo:rerun-if-env-changed=name`, so that a
/// changed value reruns the build script and an unchanged one does not.
pub fn var(name: &str) -> Option<String> {
    println!("cargo:rerun-if-env-changed={name}");
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Like [`var`], for variables cargo always sets for build scripts.  A missing
/// one means the script was started outside cargo.
pub fn cargo_var(name: &str) -> String {
    var(name).unwrap_or_else(|| {
        crate::fail(&format!("environment variable {name} is not set; build scripts must be run by cargo"))
    })
}

/// `OUT_DIR`, where build outputs go.
pub fn out_dir() -> PathBuf {
    PathBuf::from(cargo_var("OUT_DIR"))
}

/// The directory of the package whose build script is running.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(cargo_var("CARGO_MANIFEST_DIR"))
}

/// Whether the cargo feature `name` of the running package is on.
pub fn feature(name: &str) -> bool {
    let key = format!("CARGO_FEATURE_{}", name.to_uppercase().replace('-', "_"));
    var(&key).is_some()
}

/// Looks up a compiler variable in the order cc does: `NAME_<target>`, the
/// same with underscores, `TARGET_NAME`, then plain `NAME`.
pub fn target_tool_var(name: &str, triple: &str) -> Option<String> {
    var(&format!("{name}_{triple}"))
        .or_else(|| var(&format!("{name}_{}", triple.replace('-', "_"))))
        .or_else(|| var(&format!("TARGET_{name}")))
        .or_else(|| var(name))
}
