//! Problems every -sys crate of one build meets alike (no C compiler, no
//! GTK, `DOCS_RS`): cargo runs their build scripts side by side and shows
//! each failure, so the first crate to report prints the message and the
//! others only name that crate.
//!
//! The crates meet through a marker file in the build directory they share
//! (`target/<triple>/<profile>/build`), named after the build (cargo's
//! process and jobserver) and the message, holding the crate that claimed it.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

const PREFIX: &str = "zt-native-build-once-";

/// Who reports a message in this build.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// This crate: print the message.
    First,
    /// Another crate of this build printed it already.
    Taken(String),
}

/// Stops the build script with `message`, or, when another crate of the
/// same build stopped with the same message, with one line naming it.
pub fn fail(message: &str) -> ! {
    match claim(message) {
        Claim::First => crate::fail(message),
        Claim::Taken(by) => crate::fail(&pointer(message, &by)),
    }
}

/// Prints `message` as a cargo warning unless another crate of this build
/// already did.
pub fn warn(message: &str) {
    if claim(message) == Claim::First {
        crate::env::directive(&format!("warning={message}"));
    }
}

/// The line a later crate prints instead of the whole message: its first
/// sentence and the crate that printed the rest.
pub fn pointer(message: &str, by: &str) -> String {
    let line = message.lines().next().unwrap_or_default();
    let first = line.split(". ").next().unwrap_or_default().trim_end_matches(['.', ':']);
    format!("{first}: the same problem stopped {by} in this build; see its message for what to do.")
}

/// Claims `message` for the running crate, or names the crate that has it.
/// Without a build identity or a writable build directory every crate
/// reports (twice is better than never).
pub fn claim(message: &str) -> Claim {
    let (Some(build), Some(dir)) = (build_id(), shared_dir()) else {
        return Claim::First;
    };
    let crate_name = std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "another crate".into());
    claim_in(&dir, &build, message, &crate_name)
}

/// [`claim`] with its inputs spelled out (the tests use it).
pub fn claim_in(dir: &Path, build: &str, message: &str, crate_name: &str) -> Claim {
    let build_tag = format!("{PREFIX}{:016x}-", hash(build));
    forget_other_builds(dir, &build_tag);
    let marker = dir.join(format!("{build_tag}{:016x}", hash(message)));
    match fs::OpenOptions::new().write(true).create_new(true).open(&marker) {
        Ok(mut file) => {
            let _ = file.write_all(crate_name.as_bytes());
            Claim::First
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Claim::Taken(owner(&marker)),
        Err(_) => Claim::First,
    }
}

/// The crate named in a marker; the claimer writes right after creating
/// it, so an empty file is read again a few times.
fn owner(marker: &Path) -> String {
    for _ in 0..20 {
        match fs::read_to_string(marker) {
            Ok(name) if !name.is_empty() => return name,
            _ => std::thread::sleep(std::time::Duration::from_millis(10)),
        }
    }
    "another crate".into()
}

/// Markers of earlier builds would silence this one. Cargo never runs two
/// builds in one target directory at once, so any other build's marker is stale.
fn forget_other_builds(dir: &Path, build_tag: &str) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(PREFIX) && !name.starts_with(build_tag) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// What tells this cargo run from the last one: cargo's jobserver (a fresh
/// semaphore name per run on Windows) and, where the host can say, cargo's
/// process id (build scripts are cargo's children). Read without a rerun
/// directive: both change on every run.
fn build_id() -> Option<String> {
    let jobserver = std::env::var("CARGO_MAKEFLAGS").ok()?;
    // The host running this script, not the target, decides this.
    #[cfg(unix)]
    let parent = std::os::unix::process::parent_id();
    #[cfg(not(unix))]
    let parent = 0u32;
    Some(format!("{parent} {jobserver}"))
}

/// `target/<triple>/<profile>/build`, the parent of every crate's `OUT_DIR`.
fn shared_dir() -> Option<PathBuf> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR")?);
    Some(out.parent()?.parent()?.to_path_buf())
}

fn hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zt-once-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn first_crate_reports_the_next_points_at_it() {
        let dir = scratch("pair");
        assert_eq!(claim_in(&dir, "run 1", "no compiler", "zt-tray-sys"), Claim::First);
        assert_eq!(claim_in(&dir, "run 1", "no compiler", "zt-libui-sys"), Claim::Taken("zt-tray-sys".into()));
        // Another message in the same build is reported in full.
        assert_eq!(claim_in(&dir, "run 1", "no GTK", "zt-libui-sys"), Claim::First);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_new_build_reports_again() {
        let dir = scratch("rerun");
        assert_eq!(claim_in(&dir, "run 1", "no compiler", "zt-tray-sys"), Claim::First);
        assert_eq!(claim_in(&dir, "run 2", "no compiler", "zt-libui-sys"), Claim::First);
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "the first run's marker is gone");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_pointer_is_one_line_naming_the_crate() {
        let p = pointer("no MSVC C compiler (cl.exe) was found for x.\nInstall ...", "zt-tray-sys");
        assert_eq!(p.lines().count(), 1);
        assert!(p.starts_with("no MSVC C compiler (cl.exe) was found for x: "), "{p}");
        assert!(p.contains("zt-tray-sys"), "{p}");
        let p = pointer("pkg-config could not find gtk+-3.0 (version 3.22 or newer). Install the files:\nx", "a");
        assert!(p.starts_with("pkg-config could not find gtk+-3.0 (version 3.22 or newer): the same"), "{p}");
    }
}
