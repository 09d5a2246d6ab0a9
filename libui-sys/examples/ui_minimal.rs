//! The smallest vendored-libui program, through the raw FFI: a window with a
//! label and a Quit button.  `--exit-after-init` queues uiQuit before the
//! loop starts and exits 0: a link-and-start check for every target (ARM64
//! included) that needs no one to click.

use std::ffi::{c_int, c_void, CStr};
use std::ptr::null_mut;
use zt_libui_sys::*;

extern "C" fn quit_clicked(_: *mut uiButton, _: *mut c_void) {
    unsafe { uiQuit() };
}

extern "C" fn closing(_: *mut uiWindow, _: *mut c_void) -> c_int {
    unsafe { uiQuit() };
    // The window is destroyed below, after uiMain returns.
    0
}

extern "C" fn quit_queued(_: *mut c_void) {
    unsafe { uiQuit() };
}

fn main() {
    let exit_after_init = std::env::args().any(|a| a == "--exit-after-init");
    unsafe {
        let mut options = uiInitOptions { Size: 0 };
        let err = uiInit(&mut options);
        if !err.is_null() {
            eprintln!("uiInit failed: {}", CStr::from_ptr(err).to_string_lossy());
            uiFreeInitError(err);
            std::process::exit(1);
        }
        let window = uiNewWindow(c"libui minimal".as_ptr(), 300, 100, 0);
        if window.is_null() {
            eprintln!("uiNewWindow failed");
            std::process::exit(1);
        }
        let vbox = uiNewVerticalBox();
        uiBoxSetPadded(vbox, 1);
        uiBoxAppend(vbox, uiNewLabel(c"Hello from vendor/libui.".as_ptr()).cast(), 0);
        let quit = uiNewButton(c"Quit".as_ptr());
        uiButtonOnClicked(quit, Some(quit_clicked), null_mut());
        uiBoxAppend(vbox, quit.cast(), 0);
        uiWindowSetChild(window, vbox.cast());
        uiWindowSetMargined(window, 1);
        uiWindowOnClosing(window, Some(closing), null_mut());
        uiControlShow(window.cast());
        if exit_after_init {
            uiQueueMain(Some(quit_queued), null_mut());
        }
        uiMain();
        uiControlDestroy(window.cast());
        uiUninit();
    }
}
