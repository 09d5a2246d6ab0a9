//! The uiWindow calls beyond title, size, child and margins: position and its event (not fired by
//! uiWindowSetPosition, as libui-ng documents), full screen, borderless, focus and its event, each checked
//! against the native window.

use crate::{c, ctl, pump, CaseResult};
use std::ffi::c_void;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicUsize, Ordering};
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case { name: "window_position_and_event", needs_display: true, run: window_position_and_event },
        crate::Case { name: "window_fullscreen_round_trip", needs_display: true, run: window_fullscreen_round_trip },
        crate::Case { name: "window_borderless_round_trip", needs_display: true, run: window_borderless_round_trip },
        crate::Case { name: "window_focus_and_event", needs_display: true, run: window_focus_and_event },
        crate::Case { name: "window_extras_bad_input", needs_display: true, run: window_extras_bad_input },
    ]
}

fn shown(title: &str) -> Result<*mut uiWindow, String> {
    crate::shown_window(title, 240, 160, 0)
}

use crate::window_handle as handle;

fn position(w: *mut uiWindow) -> (i32, i32) {
    let (mut x, mut y) = (-1, -1);
    unsafe { uiWindowPosition(w, &mut x, &mut y) };
    (x, y)
}

static MOVES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn on_moved(_: *mut uiWindow, _: *mut c_void) {
    MOVES.fetch_add(1, Ordering::SeqCst);
}

fn window_position_and_event() -> CaseResult {
    unsafe {
        let w = shown("position")?;
        MOVES.store(0, Ordering::SeqCst);
        uiWindowOnPositionChanged(w, Some(on_moved), null_mut());
        uiWindowSetPosition(w, 120, 90);
        pump(100);
        check!(position(w) == (120, 90), "position is {:?}", position(w));
        check!(native::position(handle(w)) == (120, 90), "native position is {:?}", native::position(handle(w)));
        check!(MOVES.load(Ordering::SeqCst) == 0, "OnPositionChanged ran for uiWindowSetPosition");
        native::move_to(handle(w), 200, 150);
        pump(100);
        check!(position(w) == (200, 150), "after a native move the position is {:?}", position(w));
        check!(MOVES.load(Ordering::SeqCst) >= 1, "OnPositionChanged did not run for a native move");
        uiWindowPosition(w, null_mut(), null_mut());
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn window_fullscreen_round_trip() -> CaseResult {
    unsafe {
        let w = shown("fullscreen")?;
        uiWindowSetContentSize(w, 240, 160);
        pump(50);
        let before = native::outer_size(handle(w));
        let screen = native::screen_size();
        check!(uiWindowFullscreen(w) == 0);
        uiWindowSetFullscreen(w, 3);
        pump(200);
        check!(uiWindowFullscreen(w) == 1);
        let full = native::outer_size(handle(w));
        check!(full == screen, "full screen window is {full:?}, the screen {screen:?}");
        uiWindowSetFullscreen(w, 0);
        pump(200);
        check!(uiWindowFullscreen(w) == 0);
        let after = native::outer_size(handle(w));
        check!(after == before, "the size before full screen ({before:?}) did not come back: {after:?}");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn window_borderless_round_trip() -> CaseResult {
    unsafe {
        let w = shown("borderless")?;
        uiWindowSetContentSize(w, 240, 160);
        pump(50);
        check!(uiWindowBorderless(w) == 0);
        check!(native::has_frame(handle(w)), "a new window has no frame");
        uiWindowSetBorderless(w, 1);
        pump(50);
        check!(uiWindowBorderless(w) == 1);
        check!(!native::has_frame(handle(w)), "a borderless window still has a frame");
        let (mut cw, mut ch) = (0, 0);
        uiWindowContentSize(w, &mut cw, &mut ch);
        check!((cw, ch) == (240, 160), "content size changed to {cw}x{ch}");
        uiWindowSetBorderless(w, 0);
        pump(50);
        check!(uiWindowBorderless(w) == 0);
        check!(native::has_frame(handle(w)));
        // Resizeable and borderless are kept apart.
        uiWindowSetResizeable(w, 0);
        uiWindowSetBorderless(w, 1);
        uiWindowSetBorderless(w, 0);
        check!(uiWindowResizeable(w) == 0, "borderless lost the resizeable setting");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static FOCUS_A: AtomicUsize = AtomicUsize::new(0);
static FOCUS_B: AtomicUsize = AtomicUsize::new(0);

extern "C" fn on_focus(_: *mut uiWindow, data: *mut c_void) {
    let counter = unsafe { &*(data as *const AtomicUsize) };
    counter.fetch_add(1, Ordering::SeqCst);
}

/// Waits up to 2 s for the focus to settle on `w`.
fn focus_settles(w: *mut uiWindow) -> bool {
    for _ in 0..100 {
        pump(20);
        if unsafe { uiWindowFocused(w) } == 1 {
            return true;
        }
    }
    false
}

fn window_focus_and_event() -> CaseResult {
    unsafe {
        let a = shown("focus a")?;
        let b = shown("focus b")?;
        FOCUS_A.store(0, Ordering::SeqCst);
        FOCUS_B.store(0, Ordering::SeqCst);
        uiWindowOnFocusChanged(a, Some(on_focus), &FOCUS_A as *const AtomicUsize as *mut c_void);
        uiWindowOnFocusChanged(b, Some(on_focus), &FOCUS_B as *const AtomicUsize as *mut c_void);
        native::activate(handle(a));
        check!(focus_settles(a), "window a did not get the focus");
        check!(uiWindowFocused(b) == 0, "both windows say they have the focus");
        check!(native::is_active(handle(a)), "the native window a is not the active one");
        let (fa, fb) = (FOCUS_A.load(Ordering::SeqCst), FOCUS_B.load(Ordering::SeqCst));
        native::activate(handle(b));
        check!(focus_settles(b), "window b did not get the focus");
        check!(uiWindowFocused(a) == 0);
        check!(FOCUS_A.load(Ordering::SeqCst) > fa, "a's OnFocusChanged did not run when it lost the focus");
        check!(FOCUS_B.load(Ordering::SeqCst) > fb, "b's OnFocusChanged did not run when it gained the focus");
        uiControlDestroy(ctl(a));
        uiControlDestroy(ctl(b));
    }
    Ok(())
}

fn window_extras_bad_input() -> CaseResult {
    unsafe {
        let l = uiNewLabel(c("not a window").as_ptr());
        let (mut x, mut y) = (-1, -1);
        uiWindowPosition(l.cast(), &mut x, &mut y);
        check!((x, y) == (0, 0), "a label's position is {x},{y}");
        uiWindowPosition(null_mut(), null_mut(), null_mut());
        uiWindowSetPosition(null_mut(), 1, 1);
        uiWindowOnPositionChanged(l.cast(), Some(on_moved), null_mut());
        uiWindowSetFullscreen(l.cast(), 1);
        check!(uiWindowFullscreen(l.cast()) == 0);
        uiWindowSetBorderless(null_mut(), 1);
        check!(uiWindowBorderless(l.cast()) == 0);
        uiWindowOnFocusChanged(null_mut(), None, null_mut());
        check!(uiWindowFocused(l.cast()) == 0);
        uiControlDestroy(ctl(l));
    }
    Ok(())
}

/// The same questions answered by GTK/GDK or Win32 directly.
mod native {
    #[cfg(unix)]
    pub use gtk::*;
    #[cfg(windows)]
    pub use win::*;

    #[cfg(unix)]
    mod gtk {
        use std::ffi::{c_int, c_void};

        type Widget = *mut c_void;

        extern "C" {
            fn gtk_widget_get_window(w: Widget) -> *mut c_void;
            fn gdk_window_get_root_origin(w: *mut c_void, x: *mut c_int, y: *mut c_int);
            fn gdk_window_get_width(w: *mut c_void) -> c_int;
            fn gdk_window_get_height(w: *mut c_void) -> c_int;
            fn gdk_screen_get_default() -> *mut c_void;
            fn gdk_screen_get_width(s: *mut c_void) -> c_int;
            fn gdk_screen_get_height(s: *mut c_void) -> c_int;
            fn gtk_window_move(w: Widget, x: c_int, y: c_int);
            fn gtk_window_get_decorated(w: Widget) -> c_int;
            fn gtk_window_present(w: Widget);
            fn gtk_window_is_active(w: Widget) -> c_int;
        }

        pub fn position(handle: usize) -> (i32, i32) {
            let (mut x, mut y) = (0, 0);
            unsafe { gdk_window_get_root_origin(gtk_widget_get_window(handle as Widget), &mut x, &mut y) };
            (x, y)
        }

        pub fn move_to(handle: usize, x: i32, y: i32) {
            unsafe { gtk_window_move(handle as Widget, x, y) }
        }

        pub fn outer_size(handle: usize) -> (i32, i32) {
            let g = unsafe { gtk_widget_get_window(handle as Widget) };
            unsafe { (gdk_window_get_width(g), gdk_window_get_height(g)) }
        }

        pub fn screen_size() -> (i32, i32) {
            let s = unsafe { gdk_screen_get_default() };
            unsafe { (gdk_screen_get_width(s), gdk_screen_get_height(s)) }
        }

        pub fn has_frame(handle: usize) -> bool {
            unsafe { gtk_window_get_decorated(handle as Widget) != 0 }
        }

        pub fn activate(handle: usize) {
            unsafe { gtk_window_present(handle as Widget) }
        }

        pub fn is_active(handle: usize) -> bool {
            unsafe { gtk_window_is_active(handle as Widget) != 0 }
        }
    }

    #[cfg(windows)]
    mod win {
        use std::ffi::c_void;
        use std::ptr::null_mut;

        type Hwnd = *mut c_void;

        #[link(name = "user32")]
        extern "system" {
            fn SetWindowPos(h: Hwnd, after: Hwnd, x: i32, y: i32, cx: i32, cy: i32, flags: u32) -> i32;
            fn GetWindowLongPtrW(h: Hwnd, index: i32) -> isize;
            fn GetSystemMetrics(index: i32) -> i32;
            fn SetForegroundWindow(h: Hwnd) -> i32;
            fn SetActiveWindow(h: Hwnd) -> Hwnd;
            fn GetActiveWindow() -> Hwnd;
        }

        const GWL_STYLE: i32 = -16;
        const WS_CAPTION: isize = 0x00C0_0000;
        const SM_CXSCREEN: i32 = 0;
        const SM_CYSCREEN: i32 = 1;
        const SWP_NOSIZE: u32 = 0x0001;
        const SWP_NOZORDER: u32 = 0x0004;
        const SWP_NOACTIVATE: u32 = 0x0010;

        pub fn position(handle: usize) -> (i32, i32) {
            let (left, top, _, _) = crate::native::window_rect(handle);
            (left, top)
        }

        pub fn move_to(handle: usize, x: i32, y: i32) {
            unsafe { SetWindowPos(handle as Hwnd, null_mut(), x, y, 0, 0, SWP_NOSIZE | SWP_NOZORDER | SWP_NOACTIVATE) };
        }

        pub fn outer_size(handle: usize) -> (i32, i32) {
            let (left, top, right, bottom) = crate::native::window_rect(handle);
            (right - left, bottom - top)
        }

        pub fn screen_size() -> (i32, i32) {
            unsafe { (GetSystemMetrics(SM_CXSCREEN), GetSystemMetrics(SM_CYSCREEN)) }
        }

        pub fn has_frame(handle: usize) -> bool {
            unsafe { GetWindowLongPtrW(handle as Hwnd, GWL_STYLE) & WS_CAPTION == WS_CAPTION }
        }

        pub fn activate(handle: usize) {
            unsafe {
                SetForegroundWindow(handle as Hwnd);
                SetActiveWindow(handle as Hwnd);
            }
        }

        pub fn is_active(handle: usize) -> bool {
            unsafe { GetActiveWindow() == handle as Hwnd }
        }
    }
}
