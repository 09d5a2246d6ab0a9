//! The unix backend's clean-up of icon folders left by dead processes
//! (vendor/tray/unix/stale.c), called directly; tray_init calling it is
//! checked by the GUI case `linux_stale_icon_dirs_cleared_at_init`.
#![cfg(all(unix, not(target_os = "macos")))]

// Links the static library that holds the function.
use zt_tray_sys as _;

use std::ffi::{c_char, c_int, CString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

// Internal to the library (not in tray.h); linked from the same static archive.
extern "C" {
    fn trayp_remove_stale_icon_dirs(base: *const c_char) -> c_int;
}

fn remove_stale(base: &Path) -> c_int {
    let c = CString::new(base.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    unsafe { trayp_remove_stale_icon_dirs(c.as_ptr()) }
}

/// The pid of a process that has exited and been reaped.
pub fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

fn icon_dir(base: &Path, name: &str) -> PathBuf {
    let dir = base.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("icon-1.png"), b"png").unwrap();
    dir
}

#[test]
fn only_folders_of_dead_processes_are_removed() {
    let base = std::env::temp_dir().join(format!("tray-stale-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let dead = icon_dir(&base, &format!("tray-icons-{}", dead_pid()));
    let own = icon_dir(&base, &format!("tray-icons-{}", std::process::id()));
    let init = icon_dir(&base, "tray-icons-1"); // pid 1 always exists
    let other = icon_dir(&base, "tray-icons-x12");
    let leading_zero = icon_dir(&base, &format!("tray-icons-0{}", dead_pid()));
    // A link named like a dead process's folder must not lead the removal elsewhere.
    let target = icon_dir(&base, "precious");
    std::os::unix::fs::symlink(&target, base.join(format!("tray-icons-{}", dead_pid()))).unwrap_or(());
    assert_eq!(remove_stale(&base), 1);
    assert!(!dead.exists(), "the dead process's folder is gone");
    for kept in [&own, &init, &other, &leading_zero, &target] {
        assert!(kept.join("icon-1.png").exists(), "{} was touched", kept.display());
    }
    assert_eq!(remove_stale(&base.join("missing")), -1);
    // SAFETY: NULL is a defined input.
    assert_eq!(unsafe { trayp_remove_stale_icon_dirs(std::ptr::null()) }, -1);
    std::fs::remove_dir_all(&base).unwrap();
}
