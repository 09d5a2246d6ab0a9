//! A window with one of each control, for screenshots and eyeballing layout:
//! `cargo run -p zt-libui-sys --example ui_gallery -- --quit-after-ms 4000`.
//! `cargo xtask test screenshots` captures it on Linux and under Wine.

use std::ffi::{c_int, c_void, CString};
use std::ptr::null_mut;
use zt_libui_sys::*;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

extern "C" fn quit_timer(_: *mut c_void) -> c_int {
    unsafe { uiQuit() };
    0
}

extern "C" fn closing(_: *mut uiWindow, _: *mut c_void) -> c_int {
    unsafe { uiQuit() };
    0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quit_after = args
        .iter()
        .position(|a| a == "--quit-after-ms")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse::<c_int>().ok());
    unsafe {
        let mut options = uiInitOptions { Size: 0 };
        let err = uiInit(&mut options);
        if !err.is_null() {
            uiFreeInitError(err);
            std::process::exit(1);
        }
        let w = uiNewWindow(c("libui gallery").as_ptr(), 420, 300, 0);
        uiWindowSetMargined(w, 1);
        uiWindowOnClosing(w, Some(closing), null_mut());
        let v = uiNewVerticalBox();
        uiBoxSetPadded(v, 1);
        uiBoxAppend(v, uiNewLabel(c("Network settings — ZeroTier ✓").as_ptr()).cast(), 0);

        let row = |label: &str, entry: *mut uiEntry| {
            let h = uiNewHorizontalBox();
            uiBoxSetPadded(h, 1);
            uiBoxAppend(h, uiNewLabel(c(label).as_ptr()).cast(), 0);
            uiBoxAppend(h, entry.cast(), 1);
            h
        };
        let id = uiNewEntry();
        uiEntrySetText(id, c("8056c2e21c000001").as_ptr());
        uiBoxAppend(v, row("Network ID:", id).cast(), 0);
        let pw = uiNewPasswordEntry();
        uiEntrySetText(pw, c("secret").as_ptr());
        uiBoxAppend(v, row("Token:", pw).cast(), 0);
        let ro = uiNewEntry();
        uiEntrySetText(ro, c("read-only entry").as_ptr());
        uiEntrySetReadOnly(ro, 1);
        uiBoxAppend(v, ro.cast(), 0);

        let checked = uiNewCheckbox(c("Allow managed addresses").as_ptr());
        uiCheckboxSetChecked(checked, 1);
        uiBoxAppend(v, checked.cast(), 0);
        let disabled = uiNewCheckbox(c("Allow default route (disabled)").as_ptr());
        uiControlDisable(disabled.cast());
        uiBoxAppend(v, disabled.cast(), 0);
        uiBoxAppend(v, uiNewLabel(c("A stretchy label\nspanning two lines").as_ptr()).cast(), 1);

        let buttons = uiNewHorizontalBox();
        uiBoxSetPadded(buttons, 1);
        uiBoxAppend(buttons, uiNewLabel(c("").as_ptr()).cast(), 1);
        uiBoxAppend(buttons, uiNewButton(c("Join").as_ptr()).cast(), 0);
        uiBoxAppend(buttons, uiNewButton(c("Cancel").as_ptr()).cast(), 0);
        uiBoxAppend(v, buttons.cast(), 0);

        uiWindowSetChild(w, v.cast());
        uiControlShow(w.cast());
        if let Some(ms) = quit_after {
            uiTimer(ms, Some(quit_timer), null_mut());
        }
        uiMain();
        uiControlDestroy(w.cast());
        uiUninit();
    }
}
