//! The modal dialogs: choosing a file or folder, and message boxes.

use std::path::PathBuf;
use std::ptr::null_mut;

use zt_libui_sys as sys;

use crate::node::{c_text, take_text};
use crate::Window;

fn dialog(
    parent: Option<&Window>,
    f: unsafe extern "C" fn(*mut sys::uiWindow) -> *mut std::ffi::c_char,
) -> Option<PathBuf> {
    let parent = parent.and_then(|w| w.ptr()).unwrap_or(null_mut());
    // SAFETY: NULL or a live window; the result is NULL or text to free.
    let p = unsafe { f(parent) };
    (!p.is_null()).then(|| PathBuf::from(take_text(p)))
}

/// A modal dialog to choose an existing file; None when cancelled.
pub fn open_file(parent: Option<&Window>) -> Option<PathBuf> {
    dialog(parent, sys::uiOpenFile)
}

/// A modal dialog to choose a folder; None when cancelled.
pub fn open_folder(parent: Option<&Window>) -> Option<PathBuf> {
    dialog(parent, sys::uiOpenFolder)
}

/// A modal dialog to choose a file to save to (the user confirms replacing one); None when cancelled.
pub fn save_file(parent: Option<&Window>) -> Option<PathBuf> {
    dialog(parent, sys::uiSaveFile)
}

/// A modal message box; returns when the user dismisses it.
pub fn msg_box(parent: Option<&Window>, title: &str, description: &str) {
    let parent = parent.and_then(|w| w.ptr()).unwrap_or(null_mut());
    // SAFETY: NULL or an alive window; the strings outlive the call.
    unsafe { sys::uiMsgBox(parent, c_text(title).as_ptr(), c_text(description).as_ptr()) }
}

/// A modal error message box.
pub fn msg_box_error(parent: Option<&Window>, title: &str, description: &str) {
    let parent = parent.and_then(|w| w.ptr()).unwrap_or(null_mut());
    // SAFETY: as in msg_box.
    unsafe { sys::uiMsgBoxError(parent, c_text(title).as_ptr(), c_text(description).as_ptr()) }
}
