//! Cases for the controls added for issue 7: every getter, setter and event
//! libui-ng declares for them, range and clamping at the edges, events by
//! the API (which must not fire) and by native input (which must).

use crate::{c, ctl, new_window, pump, CaseResult};
use std::ffi::c_void;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicUsize, Ordering};
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        ("separators_take_their_orientation", separators_take_their_orientation),
        ("progress_bar_values_and_edges", progress_bar_values_and_edges),
        ("slider_range_clamping_and_events", slider_range_clamping_and_events),
        ("spinbox_range_clamping_and_events", spinbox_range_clamping_and_events),
        ("new_controls_leave_no_native_objects", new_controls_leave_no_native_objects),
    ]
}

fn separators_take_their_orientation() -> CaseResult {
    unsafe {
        let w = new_window("separators")?;
        let vbox = uiNewVerticalBox();
        let hbox = uiNewHorizontalBox();
        let hsep = uiNewHorizontalSeparator();
        let vsep = uiNewVerticalSeparator();
        check!(!hsep.is_null() && !vsep.is_null());
        uiBoxAppend(vbox, ctl(uiNewLabel(c("above").as_ptr())), 0);
        uiBoxAppend(vbox, ctl(hsep), 0);
        uiBoxAppend(hbox, ctl(uiNewLabel(c("left").as_ptr())), 0);
        uiBoxAppend(hbox, ctl(vsep), 0);
        uiBoxAppend(hbox, ctl(uiNewLabel(c("right").as_ptr())), 1);
        uiBoxAppend(vbox, ctl(hbox), 1);
        uiWindowSetChild(w, ctl(vbox));
        uiControlShow(ctl(w));
        pump(50);
        let h = crate::native::child_rect(uiControlHandle(ctl(hsep)));
        let v = crate::native::child_rect(uiControlHandle(ctl(vsep)));
        check!(h.2 > 100 && h.3 >= 1 && h.3 <= 8, "horizontal separator is {h:?}");
        check!(v.3 > 100 && v.2 >= 1 && v.2 <= 8, "vertical separator is {v:?}");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn progress_bar_values_and_edges() -> CaseResult {
    unsafe {
        let w = new_window("progress")?;
        let p = uiNewProgressBar();
        check!(!p.is_null());
        uiWindowSetChild(w, ctl(p));
        uiControlShow(ctl(w));
        check!(uiProgressBarValue(p) == 0);
        for v in [0, 1, 50, 99, 100] {
            uiProgressBarSetValue(p, v);
            check!(uiProgressBarValue(p) == v);
            let f = native::progress_fraction(uiControlHandle(ctl(p)));
            check!((f - v as f64 / 100.0).abs() < 0.011, "{v}: native fraction is {f}");
        }
        // Outside -1..100: a user bug, the value stays.
        uiProgressBarSetValue(p, 101);
        uiProgressBarSetValue(p, i32::MAX);
        check!(uiProgressBarValue(p) == 100);
        uiProgressBarSetValue(p, -1);
        check!(uiProgressBarValue(p) == -1);
        check!(
            native::progress_indeterminate(uiControlHandle(ctl(p))) != Some(false),
            "-1 did not make the bar indeterminate"
        );
        pump(250);
        uiProgressBarSetValue(p, -2);
        uiProgressBarSetValue(p, i32::MIN);
        check!(uiProgressBarValue(p) == -1);
        uiProgressBarSetValue(p, 30);
        check!(uiProgressBarValue(p) == 30);
        check!(native::progress_indeterminate(uiControlHandle(ctl(p))) != Some(true), "the bar stayed indeterminate");
        pump(20);
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static SLIDER_CHANGES: AtomicUsize = AtomicUsize::new(0);
static SLIDER_RELEASES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn slider_changed(_: *mut uiSlider, _: *mut c_void) {
    SLIDER_CHANGES.fetch_add(1, Ordering::SeqCst);
}

extern "C" fn slider_released(_: *mut uiSlider, _: *mut c_void) {
    SLIDER_RELEASES.fetch_add(1, Ordering::SeqCst);
}

fn slider_range_clamping_and_events() -> CaseResult {
    unsafe {
        let w = new_window("slider")?;
        let s = uiNewSlider(-10, 10);
        check!(!s.is_null());
        uiWindowSetChild(w, ctl(s));
        uiControlShow(ctl(w));
        check!(uiSliderValue(s) == -10, "starts at min, not {}", uiSliderValue(s));
        SLIDER_CHANGES.store(0, Ordering::SeqCst);
        uiSliderOnChanged(s, Some(slider_changed), null_mut());
        uiSliderOnReleased(s, Some(slider_released), null_mut());
        for (set, want) in [(0, 0), (10, 10), (11, 10), (i32::MAX, 10), (-10, -10), (-11, -10), (i32::MIN, -10), (3, 3)]
        {
            uiSliderSetValue(s, set);
            check!(uiSliderValue(s) == want, "set {set}: value {} not {want}", uiSliderValue(s));
        }
        // A new range clamps the value into it, quietly.
        uiSliderSetRange(s, 20, 5);
        check!(uiSliderValue(s) == 5, "value {} after range 5..20", uiSliderValue(s));
        uiSliderSetValue(s, 100);
        check!(uiSliderValue(s) == 20);
        uiSliderSetRange(s, 7, 7);
        check!(uiSliderValue(s) == 7);
        uiSliderSetRange(s, 0, 100);
        uiSliderSetValue(s, 50);
        pump(20);
        check!(SLIDER_CHANGES.load(Ordering::SeqCst) == 0, "OnChanged ran for the API's changes");
        check!(uiSliderHasToolTip(s) == 1);
        uiSliderSetHasToolTip(s, 0);
        check!(uiSliderHasToolTip(s) == 0);
        uiSliderSetHasToolTip(s, 5);
        check!(uiSliderHasToolTip(s) == 1);
        // The user moves it one step.
        native::slider_step(uiControlHandle(ctl(s)));
        pump(20);
        check!(uiSliderValue(s) == 51, "a user step gave {}", uiSliderValue(s));
        check!(
            SLIDER_CHANGES.load(Ordering::SeqCst) == 1,
            "OnChanged ran {} times",
            SLIDER_CHANGES.load(Ordering::SeqCst)
        );
        // Swapped at creation too.
        let r = uiNewSlider(9, 3);
        check!(uiSliderValue(r) == 3);
        uiSliderSetValue(r, 10);
        check!(uiSliderValue(r) == 9);
        uiControlDestroy(ctl(r));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static SPIN_CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn spin_changed(_: *mut uiSpinbox, _: *mut c_void) {
    SPIN_CHANGES.fetch_add(1, Ordering::SeqCst);
}

fn spinbox_range_clamping_and_events() -> CaseResult {
    unsafe {
        let w = new_window("spinbox")?;
        let s = uiNewSpinbox(-5, 5);
        check!(!s.is_null());
        uiWindowSetChild(w, ctl(s));
        uiControlShow(ctl(w));
        check!(uiSpinboxValue(s) == -5, "starts at min, not {}", uiSpinboxValue(s));
        SPIN_CHANGES.store(0, Ordering::SeqCst);
        uiSpinboxOnChanged(s, Some(spin_changed), null_mut());
        for (set, want) in [(0, 0), (5, 5), (6, 5), (i32::MAX, 5), (-5, -5), (-6, -5), (i32::MIN, -5), (2, 2)] {
            uiSpinboxSetValue(s, set);
            check!(uiSpinboxValue(s) == want, "set {set}: value {} not {want}", uiSpinboxValue(s));
            check!(native::spin_text(uiControlHandle(ctl(s))) == want.to_string(), "the box does not show {want}");
        }
        pump(20);
        check!(SPIN_CHANGES.load(Ordering::SeqCst) == 0, "OnChanged ran for uiSpinboxSetValue");
        native::spin_up(uiControlHandle(ctl(s)));
        pump(20);
        check!(uiSpinboxValue(s) == 3, "a user step gave {}", uiSpinboxValue(s));
        check!(SPIN_CHANGES.load(Ordering::SeqCst) == 1, "OnChanged ran {} times", SPIN_CHANGES.load(Ordering::SeqCst));
        // The top of the range: a step up changes nothing.
        uiSpinboxSetValue(s, 5);
        native::spin_up(uiControlHandle(ctl(s)));
        pump(20);
        check!(uiSpinboxValue(s) == 5);
        // Swapped, and the full int range works.
        let r = uiNewSpinbox(i32::MAX, i32::MIN);
        check!(uiSpinboxValue(r) == i32::MIN);
        uiSpinboxSetValue(r, i32::MAX);
        check!(uiSpinboxValue(r) == i32::MAX);
        uiControlDestroy(ctl(r));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn new_controls_leave_no_native_objects() -> CaseResult {
    unsafe {
        let before = native::object_count();
        for _ in 0..1000 {
            let made = [
                ctl(uiNewHorizontalSeparator()),
                ctl(uiNewVerticalSeparator()),
                ctl(uiNewProgressBar()),
                ctl(uiNewSlider(0, 10)),
                ctl(uiNewSpinbox(0, 10)),
            ];
            uiProgressBarSetValue(made[2].cast(), -1);
            for m in made {
                check!(!m.is_null());
                uiControlDestroy(m);
            }
        }
        pump(20);
        let after = native::object_count();
        if let (Some(before), Some(after)) = (before, after) {
            check!(
                after <= before + 5,
                "native windows grew from {before} to {after} over 1,000 create/destroy rounds"
            );
        }
    }
    Ok(())
}

/// Native views of the new controls.
#[cfg(unix)]
mod native {
    use std::ffi::{c_char, c_double, c_int, c_void, CStr};

    extern "C" {
        fn gtk_progress_bar_get_fraction(p: *mut c_void) -> c_double;
        fn gtk_range_get_value(r: *mut c_void) -> c_double;
        fn gtk_range_set_value(r: *mut c_void, v: c_double);
        fn gtk_spin_button_spin(s: *mut c_void, direction: c_int, increment: c_double);
        fn gtk_entry_get_text(e: *mut c_void) -> *const c_char;
    }

    // GtkSpinType
    const GTK_SPIN_STEP_FORWARD: c_int = 0;

    pub fn progress_fraction(handle: usize) -> f64 {
        unsafe { gtk_progress_bar_get_fraction(handle as *mut c_void) }
    }

    /// GtkProgressBar keeps its activity mode private: not observable here.
    pub fn progress_indeterminate(_handle: usize) -> Option<bool> {
        None
    }

    /// What a step by the user does: the value moves without the library's blocking.
    pub fn slider_step(handle: usize) {
        unsafe { gtk_range_set_value(handle as *mut c_void, gtk_range_get_value(handle as *mut c_void) + 1.0) }
    }

    pub fn spin_up(handle: usize) {
        unsafe { gtk_spin_button_spin(handle as *mut c_void, GTK_SPIN_STEP_FORWARD, 1.0) }
    }

    pub fn spin_text(handle: usize) -> String {
        unsafe { CStr::from_ptr(gtk_entry_get_text(handle as *mut c_void)) }.to_string_lossy().into_owned()
    }

    /// GTK has no process-wide count of widgets to read; the rounds still run
    /// (and the sanitize tier watches the same code for leaks of our own).
    pub fn object_count() -> Option<usize> {
        None
    }
}

#[cfg(windows)]
mod native {
    use std::ffi::c_void;

    type Hwnd = *mut c_void;

    #[link(name = "user32")]
    extern "system" {
        fn SendMessageW(hwnd: Hwnd, msg: u32, wparam: usize, lparam: isize) -> isize;
        fn GetWindowLongPtrW(hwnd: Hwnd, index: i32) -> isize;
        fn GetWindowTextW(hwnd: Hwnd, buf: *mut u16, n: i32) -> i32;
        fn EnumThreadWindows(thread: u32, f: extern "system" fn(Hwnd, isize) -> i32, data: isize) -> i32;
        fn EnumChildWindows(parent: Hwnd, f: extern "system" fn(Hwnd, isize) -> i32, data: isize) -> i32;
    }

    #[link(name = "kernel32")]
    extern "system" {
        fn GetCurrentThreadId() -> u32;
    }

    const WM_KEYDOWN: u32 = 0x0100;
    const WM_KEYUP: u32 = 0x0101;
    const VK_UP: usize = 0x26;
    const VK_RIGHT: usize = 0x27;
    const PBM_GETPOS: u32 = 0x0400 + 8;
    const PBS_MARQUEE: isize = 0x08;
    const GWL_STYLE: i32 = -16;

    pub fn progress_fraction(handle: usize) -> f64 {
        unsafe { SendMessageW(handle as Hwnd, PBM_GETPOS, 0, 0) as f64 / 100.0 }
    }

    pub fn progress_indeterminate(handle: usize) -> Option<bool> {
        Some(unsafe { GetWindowLongPtrW(handle as Hwnd, GWL_STYLE) } & PBS_MARQUEE != 0)
    }

    /// The right-arrow key, as a user presses it: the trackbar moves and notifies.
    pub fn slider_step(handle: usize) {
        unsafe {
            SendMessageW(handle as Hwnd, WM_KEYDOWN, VK_RIGHT, 0);
            SendMessageW(handle as Hwnd, WM_KEYUP, VK_RIGHT, 0);
        }
    }

    /// The up-arrow key in the EDIT, which the up-down buddy turns into a step.
    pub fn spin_up(handle: usize) {
        unsafe {
            SendMessageW(handle as Hwnd, WM_KEYDOWN, VK_UP, 0);
            SendMessageW(handle as Hwnd, WM_KEYUP, VK_UP, 0);
        }
    }

    pub fn spin_text(handle: usize) -> String {
        let mut buf = [0u16; 64];
        let n = unsafe { GetWindowTextW(handle as Hwnd, buf.as_mut_ptr(), buf.len() as i32) };
        String::from_utf16_lossy(&buf[..n.max(0) as usize])
    }

    extern "system" fn count(_: Hwnd, data: isize) -> i32 {
        unsafe { *(data as *mut usize) += 1 };
        1
    }

    extern "system" fn count_with_children(hwnd: Hwnd, data: isize) -> i32 {
        count(hwnd, data);
        unsafe { EnumChildWindows(hwnd, count, data) };
        1
    }

    /// Every window of this thread, children included (USER handles we made).
    pub fn object_count() -> Option<usize> {
        let mut n = 0usize;
        unsafe { EnumThreadWindows(GetCurrentThreadId(), count_with_children, &mut n as *mut usize as isize) };
        Some(n)
    }
}
