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
        let w = uiNewWindow(c("libui gallery").as_ptr(), 600, 360, 0);
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

        // The second column: the controls added for libui-ng's API, in a group.
        let more = uiNewVerticalBox();
        uiBoxSetPadded(more, 1);
        let slider = uiNewSlider(0, 100);
        uiSliderSetValue(slider, 40);
        uiBoxAppend(more, slider.cast(), 0);
        let spin = uiNewSpinbox(0, 65535);
        uiSpinboxSetValue(spin, 9993);
        uiBoxAppend(more, spin.cast(), 0);
        let progress = uiNewProgressBar();
        uiProgressBarSetValue(progress, 60);
        uiBoxAppend(more, progress.cast(), 0);
        uiBoxAppend(more, uiNewHorizontalSeparator().cast(), 0);
        let combo = uiNewCombobox();
        for item in ["Public network", "Private network"] {
            uiComboboxAppend(combo, c(item).as_ptr());
        }
        uiComboboxSetSelected(combo, 1);
        uiBoxAppend(more, combo.cast(), 0);
        let editable = uiNewEditableCombobox();
        uiEditableComboboxAppend(editable, c("10.147.17.0/24").as_ptr());
        uiEditableComboboxSetText(editable, c("10.147.17.0/24").as_ptr());
        uiBoxAppend(more, editable.cast(), 0);
        let radios = uiNewRadioButtons();
        for item in ["IPv4", "IPv6", "Both"] {
            uiRadioButtonsAppend(radios, c(item).as_ptr());
        }
        uiRadioButtonsSetSelected(radios, 2);
        uiBoxAppend(more, radios.cast(), 0);
        let group = uiNewGroup(c("More controls").as_ptr());
        uiGroupSetMargined(group, 1);
        uiGroupSetChild(group, more.cast());

        let columns = uiNewHorizontalBox();
        uiBoxSetPadded(columns, 1);
        uiBoxAppend(columns, v.cast(), 1);
        uiBoxAppend(columns, uiNewVerticalSeparator().cast(), 0);
        uiBoxAppend(columns, group.cast(), 1);
        uiWindowSetChild(w, columns.cast());
        uiControlShow(w.cast());
        if let Some(ms) = quit_after {
            uiTimer(ms, Some(quit_timer), null_mut());
        }
        uiMain();
        uiControlDestroy(w.cast());
        uiUninit();
    }
}
