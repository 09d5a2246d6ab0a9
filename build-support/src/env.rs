//! Environment access for build scripts: every read is announced to cargo.

use std::path::PathBuf;
use std::sync::Mutex;

/// Directives held back by [`hold`]: `None` prints at once.
static HELD: Mutex<Option<Vec<String>>> = Mutex::new(None);

/// Prints `cargo:{line}`, or keeps it until [`release`] after [`hold`].
pub fn directive(line: &str) {
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    match held.as_mut() {
        Some(lines) => lines.push(line.to_string()),
        None => println!("cargo:{line}"),
    }
}

/// Keeps directives back until [`release`].  Cargo prints a failed build
/// script's whole stdout above its message, and reruns a failed script
/// anyway, so a script that may still stop holds them: a failure shows the
/// message alone.
pub fn hold() {
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    held.get_or_insert_with(Vec::new);
}

/// Prints the held directives, and every later one at once.
pub fn release() {
    let lines = HELD.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
    for line in lines {
        println!("cargo:{line}");
    }
}

/// Reads `name` and prints `cargo:rerun-if-env-changed=name`, so that a
/// changed value reruns the build script and an unchanged one does not.
pub fn var(name: &str) -> Option<String> {
    directive(&format!("rerun-if-env-changed={name}"));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_directives_wait_for_release() {
        hold();
        directive("rerun-if-env-changed=ZT_TEST_HELD");
        assert_eq!(HELD.lock().unwrap().as_deref(), Some(&["rerun-if-env-changed=ZT_TEST_HELD".to_string()][..]));
        release();
        assert!(HELD.lock().unwrap().is_none(), "after release, directives print at once");
    }
}
