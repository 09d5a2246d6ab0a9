//! GUI tests of vendor/libui through the raw FFI, on the main thread, one case at a time
//! (runner.rs: the same runner as tray-sys's). Linux: run under `xvfb-run -a`; Windows
//! builds run under Wine (see README.md).

mod native;
mod runner;

use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::ptr::null_mut;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use zt_libui_sys::*;

use runner::{Case, CaseResult};

macro_rules! check {
    ($cond:expr) => {
        if !$cond {
            return Err(format!("line {}: {}", line!(), stringify!($cond)));
        }
    };
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(format!("line {}: {}", line!(), format!($($fmt)+)));
        }
    };
}

// After the macro, so the module can use it.
mod area;
mod area_input;
mod containers;
mod controls;
mod defects;
mod dialogs;
mod input;
mod mainloop;
mod menus;
mod pickers;
mod table;
mod text;
mod window_extras;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

/// Takes ownership of a string returned by the library.
fn take(p: *mut c_char) -> Result<String, String> {
    if p.is_null() {
        return Err("a string getter returned NULL".into());
    }
    let s = unsafe { CStr::from_ptr(p) }.to_str().map_err(|e| format!("returned text is not UTF-8: {e}"))?.to_owned();
    unsafe { uiFreeText(p) };
    Ok(s)
}

/// Runs the event loop without blocking for about `ms` milliseconds.
fn pump(ms: u64) {
    let end = Instant::now() + Duration::from_millis(ms);
    while Instant::now() < end {
        unsafe { uiMainStep(0) };
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Steps the loop for up to `ms` milliseconds; true once uiMainStep reports a uiQuit.
fn loop_quits_within(ms: u64) -> bool {
    let end = Instant::now() + Duration::from_millis(ms);
    while Instant::now() < end {
        if unsafe { uiMainStep(0) } == 0 {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

static WATCHDOG_FIRED: AtomicBool = AtomicBool::new(false);

extern "C" fn watchdog(_: *mut c_void) -> c_int {
    WATCHDOG_FIRED.store(true, Ordering::SeqCst);
    unsafe { uiQuit() };
    0
}

/// uiMain with a 5 s watchdog, so a broken quit path fails instead of hanging.
/// Returns false if the watchdog had to end the loop.
fn main_with_watchdog() -> bool {
    WATCHDOG_FIRED.store(false, Ordering::SeqCst);
    // Timers cannot be cancelled through the API; a watchdog firing later in
    // another case would end that case's loop early, so each gets a fresh flag.
    static GENERATION: AtomicUsize = AtomicUsize::new(0);
    let generation = GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    extern "C" fn guarded(data: *mut c_void) -> c_int {
        if data as usize == GENERATION.load(Ordering::SeqCst) {
            watchdog(data);
        }
        0
    }
    unsafe {
        uiTimer(5000, Some(guarded), generation as *mut c_void);
        uiMain();
    }
    GENERATION.fetch_add(1, Ordering::SeqCst);
    !WATCHDOG_FIRED.load(Ordering::SeqCst)
}

/// A window of this content size (with every menu in its bar if `menubar` is 1), shown, with
/// its first events handled.
fn shown_window(title: &str, width: c_int, height: c_int, menubar: c_int) -> Result<*mut uiWindow, String> {
    let w = unsafe { uiNewWindow(c(title).as_ptr(), width, height, menubar) };
    if w.is_null() {
        return Err("uiNewWindow returned NULL".into());
    }
    unsafe { uiControlShow(ctl(w)) };
    pump(50);
    Ok(w)
}

/// The native handle of a window, as the native checks take it.
fn window_handle(w: *mut uiWindow) -> usize {
    unsafe { uiControlHandle(ctl(w)) }
}

fn new_window(title: &str) -> Result<*mut uiWindow, String> {
    let t = c(title);
    let w = unsafe { uiNewWindow(t.as_ptr(), 320, 240, 0) };
    if w.is_null() {
        return Err("uiNewWindow returned NULL".into());
    }
    Ok(w)
}

fn ctl<T>(p: *mut T) -> *mut uiControl {
    p.cast()
}

// ---- cases ---------------------------------------------------------------

/// The runner's setup: every case needs the toolkit.
fn init() -> CaseResult {
    let mut opts = uiInitOptions { Size: 0 };
    let err = unsafe { uiInit(&mut opts) };
    if !err.is_null() {
        let msg = unsafe { CStr::from_ptr(err) }.to_string_lossy().into_owned();
        unsafe { uiFreeInitError(err) };
        return Err(format!("uiInit: {msg}"));
    }
    // libui-ng wants menus before the first window, and cases make windows.
    menus::setup();
    Ok(())
}

/// A second uiInit is refused with a message rather than corrupting state.
fn init_twice_is_refused() -> CaseResult {
    let again = unsafe { uiInit(null_mut()) };
    check!(!again.is_null(), "second uiInit succeeded");
    unsafe { uiFreeInitError(again) };
    Ok(())
}

fn window_show_title_and_texts() -> CaseResult {
    let w = new_window("first")?;
    unsafe {
        check!(uiControlToplevel(ctl(w)) == 1);
        check!(uiControlVisible(ctl(w)) == 0, "windows start hidden");
        check!(uiControlHandle(ctl(w)) != 0);
        uiControlShow(ctl(w));
        pump(50);
        check!(uiControlVisible(ctl(w)) == 1);
        check!(native::is_shown(uiControlHandle(ctl(w))), "native window not shown");

        let title = "Zürich ✓ 日本";
        uiWindowSetTitle(w, c(title).as_ptr());
        check!(take(uiWindowTitle(w))? == title);
        check!(native::window_title(uiControlHandle(ctl(w))) == title, "native title differs");

        let vbox = uiNewVerticalBox();
        let label = uiNewLabel(c("label ä").as_ptr());
        let button = uiNewButton(c("button ö").as_ptr());
        let check = uiNewCheckbox(c("check ü").as_ptr());
        let entry = uiNewEntry();
        check!(!vbox.is_null() && !label.is_null() && !button.is_null() && !check.is_null() && !entry.is_null());
        uiBoxAppend(vbox, ctl(label), 0);
        uiBoxAppend(vbox, ctl(button), 0);
        uiBoxAppend(vbox, ctl(check), 0);
        uiBoxAppend(vbox, ctl(entry), 0);
        uiWindowSetChild(w, ctl(vbox));
        check!(uiControlParent(ctl(vbox)) == ctl(w));
        check!(uiControlParent(ctl(label)) == ctl(vbox));
        check!(uiControlToplevel(ctl(label)) == 0);
        check!(take(uiLabelText(label))? == "label ä");
        check!(take(uiButtonText(button))? == "button ö");
        check!(take(uiCheckboxText(check))? == "check ü");
        check!(take(uiEntryText(entry))?.is_empty());
        uiLabelSetText(label, c("two\nlines").as_ptr());
        uiButtonSetText(button, c("Press ✓").as_ptr());
        uiCheckboxSetText(check, c("Tick").as_ptr());
        uiEntrySetText(entry, c("typed €").as_ptr());
        check!(take(uiLabelText(label))? == "two\nlines");
        check!(take(uiButtonText(button))? == "Press ✓");
        check!(take(uiCheckboxText(check))? == "Tick");
        check!(take(uiEntryText(entry))? == "typed €");
        pump(50);
        // Laid out: every control got a real size and they do not overlap.
        let rects: Vec<_> = [ctl(label), ctl(button), ctl(check), ctl(entry)]
            .iter()
            .map(|&p| native::child_rect(uiControlHandle(p)))
            .collect();
        for (i, r) in rects.iter().enumerate() {
            check!(r.2 > 0 && r.3 > 0, "control {i} has no size: {r:?}");
        }
        for pair in rects.windows(2) {
            check!(pair[0].1 + pair[0].3 <= pair[1].1, "controls overlap vertically: {rects:?}");
        }
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static QUEUED_RAN_ON_MAIN: AtomicBool = AtomicBool::new(false);
static QUEUED_RUNS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn queued_from_thread(data: *mut c_void) {
    let main_id = unsafe { &*(data as *const std::thread::ThreadId) };
    QUEUED_RAN_ON_MAIN.store(std::thread::current().id() == *main_id, Ordering::SeqCst);
    QUEUED_RUNS.fetch_add(1, Ordering::SeqCst);
    unsafe { uiQuit() };
}

fn queue_main_from_other_thread() -> CaseResult {
    let main_id = Box::new(std::thread::current().id());
    let data = &*main_id as *const std::thread::ThreadId as usize;
    QUEUED_RUNS.store(0, Ordering::SeqCst);
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        unsafe { uiQueueMain(Some(queued_from_thread), data as *mut c_void) };
    });
    let ok = main_with_watchdog();
    t.join().map_err(|_| "thread panicked")?;
    check!(ok, "uiMain did not end: the queued function never ran");
    check!(QUEUED_RUNS.load(Ordering::SeqCst) == 1);
    check!(QUEUED_RAN_ON_MAIN.load(Ordering::SeqCst), "queued function ran on another thread");
    Ok(())
}

static TICKS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn tick(_: *mut c_void) -> c_int {
    let n = TICKS.fetch_add(1, Ordering::SeqCst) + 1;
    if n == 3 {
        unsafe { uiQuit() };
        return 0;
    }
    1
}

fn timer_fires_and_stops() -> CaseResult {
    TICKS.store(0, Ordering::SeqCst);
    let start = Instant::now();
    unsafe { uiTimer(20, Some(tick), null_mut()) };
    check!(main_with_watchdog(), "timer never ended uiMain");
    check!(TICKS.load(Ordering::SeqCst) == 3);
    check!(start.elapsed() >= Duration::from_millis(55), "3 ticks of 20 ms took {:?}", start.elapsed());
    pump(100);
    check!(TICKS.load(Ordering::SeqCst) == 3, "timer kept firing after returning 0");
    Ok(())
}

static CLOSING_CALLS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn on_closing(_: *mut uiWindow, data: *mut c_void) -> c_int {
    CLOSING_CALLS.fetch_add(1, Ordering::SeqCst);
    // data says whether to allow the close.
    data as usize as c_int
}

fn closing_handler() -> CaseResult {
    let w = new_window("closing")?;
    unsafe {
        uiControlShow(ctl(w));
        pump(30);
        let handle = uiControlHandle(ctl(w));
        let alive = native::watch_destruction(handle);
        CLOSING_CALLS.store(0, Ordering::SeqCst);
        uiWindowOnClosing(w, Some(on_closing), std::ptr::null_mut::<c_void>());
        native::request_close(handle);
        pump(50);
        check!(
            CLOSING_CALLS.load(Ordering::SeqCst) == 1,
            "handler called {} times",
            CLOSING_CALLS.load(Ordering::SeqCst)
        );
        check!(alive(), "window destroyed although the handler returned 0");
        check!(take(uiWindowTitle(w))? == "closing");
        uiWindowOnClosing(w, Some(on_closing), 1 as *mut c_void);
        native::request_close(handle);
        pump(50);
        check!(CLOSING_CALLS.load(Ordering::SeqCst) == 2);
        check!(!alive(), "window not destroyed although the handler returned 1");
    }
    Ok(())
}

extern "C" fn quit_now(_: *mut c_void) {
    unsafe { uiQuit() };
}

fn quit_ends_main_and_steps() -> CaseResult {
    unsafe {
        uiQueueMain(Some(quit_now), null_mut());
        check!(main_with_watchdog(), "queued uiQuit did not end uiMain");
        // Quit before uiMain: it returns at once.
        uiQuit();
        check!(main_with_watchdog(), "uiQuit before uiMain did not end it");
        // Stepping: the request is reported once, then stepping goes on.
        uiMainSteps();
        uiQuit();
        let mut saw_quit = false;
        for _ in 0..50 {
            if uiMainStep(0) == 0 {
                saw_quit = true;
                break;
            }
        }
        check!(saw_quit, "uiMainStep never returned 0 after uiQuit");
        check!(uiMainStep(0) == 1, "quit reported twice");
        // uiQuit from another thread also ends uiMain.
        let t = std::thread::spawn(|| {
            std::thread::sleep(Duration::from_millis(50));
            uiQuit();
        });
        let ok = main_with_watchdog();
        t.join().map_err(|_| "thread panicked")?;
        check!(ok, "uiQuit from another thread did not end uiMain");
    }
    Ok(())
}

fn box_append_delete() -> CaseResult {
    unsafe {
        let w = new_window("box")?;
        let b = uiNewHorizontalBox();
        uiWindowSetChild(w, ctl(b));
        check!(uiBoxNumChildren(b) == 0);
        let a = uiNewButton(c("a").as_ptr());
        let bb = uiNewButton(c("b").as_ptr());
        let e = uiNewEntry();
        uiBoxAppend(b, ctl(a), 0);
        uiBoxAppend(b, ctl(bb), 1);
        uiBoxAppend(b, ctl(e), 1);
        check!(uiBoxNumChildren(b) == 3);
        uiControlShow(ctl(w));
        pump(30);
        // Stretchy children share the width left over by the fixed one.
        let (ra, rb, re) = (
            native::child_rect(uiControlHandle(ctl(a))),
            native::child_rect(uiControlHandle(ctl(bb))),
            native::child_rect(uiControlHandle(ctl(e))),
        );
        check!(ra.0 < rb.0 && rb.0 < re.0, "not left to right: {ra:?} {rb:?} {re:?}");
        check!((rb.2 - re.2).abs() <= 2, "stretchy widths differ: {rb:?} {re:?}");
        // Rejected: a child that already has a parent, a window, self, out-of-range delete.
        uiBoxAppend(b, ctl(a), 0);
        uiBoxAppend(b, ctl(w), 0);
        uiBoxAppend(b, ctl(b), 0);
        uiBoxDelete(b, 3);
        uiBoxDelete(b, -1);
        check!(uiBoxNumChildren(b) == 3);
        uiBoxDelete(b, 1);
        check!(uiBoxNumChildren(b) == 2);
        check!(uiControlParent(ctl(bb)).is_null());
        check!(take(uiButtonText(bb))? == "b", "deleted child must stay alive");
        let other = uiNewVerticalBox();
        uiBoxAppend(other, ctl(bb), 0);
        check!(uiBoxNumChildren(other) == 1 && uiControlParent(ctl(bb)) == ctl(other));
        // A parented control cannot be destroyed directly.
        uiControlDestroy(ctl(bb));
        check!(take(uiButtonText(bb))? == "b");
        uiBoxDelete(other, 0);
        uiControlDestroy(ctl(bb));
        uiControlDestroy(ctl(other));
        check!(uiBoxPadded(b) == 0);
        uiBoxSetPadded(b, 5);
        check!(uiBoxPadded(b) == 1);
        uiControlHide(ctl(a));
        check!(uiControlVisible(ctl(a)) == 0);
        pump(20);
        check!(!native::is_shown(uiControlHandle(ctl(a))));
        uiControlShow(ctl(a));
        check!(uiControlVisible(ctl(a)) == 1);
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn on_changed(_: *mut uiEntry, _: *mut c_void) {
    CHANGES.fetch_add(1, Ordering::SeqCst);
}

fn entry_read_only_and_password() -> CaseResult {
    unsafe {
        let e = uiNewEntry();
        let p = uiNewPasswordEntry();
        check!(!e.is_null() && !p.is_null());
        check!(uiEntryReadOnly(e) == 0);
        uiEntrySetReadOnly(e, 1);
        check!(uiEntryReadOnly(e) == 1);
        check!(native::entry_is_read_only(uiControlHandle(ctl(e))), "native entry still editable");
        uiEntrySetReadOnly(e, 0);
        check!(uiEntryReadOnly(e) == 0);
        check!(!native::entry_is_read_only(uiControlHandle(ctl(e))));
        CHANGES.store(0, Ordering::SeqCst);
        uiEntryOnChanged(e, Some(on_changed), null_mut());
        uiEntrySetText(e, c("by API").as_ptr());
        pump(10);
        check!(CHANGES.load(Ordering::SeqCst) == 0, "OnChanged ran for uiEntrySetText");
        native::type_into_entry(uiControlHandle(ctl(e)), "x");
        pump(10);
        check!(CHANGES.load(Ordering::SeqCst) >= 1, "OnChanged did not run for a user edit");
        uiEntrySetText(p, c("s3cret").as_ptr());
        check!(take(uiEntryText(p))? == "s3cret");
        check!(native::entry_hides_text(uiControlHandle(ctl(p))), "password entry shows its text");
        check!(!native::entry_hides_text(uiControlHandle(ctl(e))));
        uiControlDestroy(ctl(e));
        uiControlDestroy(ctl(p));
    }
    Ok(())
}

static TOGGLES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn on_toggled(_: *mut uiCheckbox, _: *mut c_void) {
    TOGGLES.fetch_add(1, Ordering::SeqCst);
}

fn checkbox_toggling() -> CaseResult {
    unsafe {
        let w = new_window("checkbox")?;
        let cb = uiNewCheckbox(c("Option").as_ptr());
        uiWindowSetChild(w, ctl(cb));
        uiControlShow(ctl(w));
        TOGGLES.store(0, Ordering::SeqCst);
        uiCheckboxOnToggled(cb, Some(on_toggled), null_mut());
        check!(uiCheckboxChecked(cb) == 0);
        uiCheckboxSetChecked(cb, 7);
        check!(uiCheckboxChecked(cb) == 1);
        uiCheckboxSetChecked(cb, 0);
        check!(uiCheckboxChecked(cb) == 0);
        pump(10);
        check!(TOGGLES.load(Ordering::SeqCst) == 0, "OnToggled ran for uiCheckboxSetChecked");
        native::click(uiControlHandle(ctl(cb)));
        pump(20);
        check!(
            TOGGLES.load(Ordering::SeqCst) == 1,
            "OnToggled ran {} times for one click",
            TOGGLES.load(Ordering::SeqCst)
        );
        check!(uiCheckboxChecked(cb) == 1, "a click did not check the box");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static CLICKS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn on_clicked(_: *mut uiButton, _: *mut c_void) {
    CLICKS.fetch_add(1, Ordering::SeqCst);
}

fn button_click_and_enable() -> CaseResult {
    unsafe {
        let w = new_window("button")?;
        let b = uiNewVerticalBox();
        let btn = uiNewButton(c("Go").as_ptr());
        uiBoxAppend(b, ctl(btn), 0);
        uiWindowSetChild(w, ctl(b));
        uiControlShow(ctl(w));
        uiButtonOnClicked(btn, Some(on_clicked), null_mut());
        CLICKS.store(0, Ordering::SeqCst);
        native::click(uiControlHandle(ctl(btn)));
        pump(20);
        check!(CLICKS.load(Ordering::SeqCst) == 1);
        check!(uiControlEnabled(ctl(btn)) == 1);
        uiControlDisable(ctl(b));
        check!(uiControlEnabled(ctl(b)) == 0);
        check!(uiControlEnabled(ctl(btn)) == 1, "the child's own flag is unchanged");
        check!(uiControlEnabledToUser(ctl(btn)) == 0, "EnabledToUser ignores the disabled box");
        check!(!native::is_enabled(uiControlHandle(ctl(btn))), "child of a disabled box is usable");
        uiControlEnable(ctl(b));
        check!(native::is_enabled(uiControlHandle(ctl(btn))));
        check!(uiControlEnabledToUser(ctl(btn)) == 1 && uiControlEnabledToUser(ctl(w)) == 1);
        uiControlDisable(ctl(w));
        check!(uiControlEnabledToUser(ctl(btn)) == 0, "the window above is disabled");
        uiControlEnable(ctl(w));
        // Checks only: a verified parent change changes nothing, a refused one is a user bug (ignored).
        let free = uiNewButton(c("free").as_ptr());
        uiControlVerifySetParent(ctl(free), ctl(b));
        uiControlVerifySetParent(ctl(btn), null_mut());
        uiControlVerifySetParent(ctl(btn), ctl(b));
        uiControlVerifySetParent(ctl(free), null_mut());
        uiControlVerifySetParent(ctl(w), null_mut());
        uiControlVerifySetParent(null_mut(), ctl(b));
        uiUserBugCannotSetParentOnToplevel(c("uiWindow").as_ptr());
        uiUserBugCannotSetParentOnToplevel(std::ptr::null());
        uiUserBugCannotSetParentOnToplevel(c"\xff\xfe".as_ptr());
        check!(uiControlParent(ctl(free)).is_null() && uiControlParent(ctl(btn)) == ctl(b));
        check!(uiBoxNumChildren(b) == 1);
        uiControlDestroy(ctl(free));
        check!(uiControlEnabledToUser(ctl(free)) == 0, "destroyed controls answer the default");
        uiControlDisable(ctl(btn));
        check!(!native::is_enabled(uiControlHandle(ctl(btn))));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static SIZE_CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn on_size(_: *mut uiWindow, _: *mut c_void) {
    SIZE_CHANGES.fetch_add(1, Ordering::SeqCst);
}

fn window_size_margins_resizeable() -> CaseResult {
    unsafe {
        let w = new_window("size")?;
        let l = uiNewLabel(c("content").as_ptr());
        uiWindowSetChild(w, ctl(l));
        uiControlShow(ctl(w));
        pump(50);
        SIZE_CHANGES.store(0, Ordering::SeqCst);
        uiWindowOnContentSizeChanged(w, Some(on_size), null_mut());
        uiWindowSetContentSize(w, 410, 290);
        pump(100);
        let (mut cw, mut ch) = (0, 0);
        uiWindowContentSize(w, &mut cw, &mut ch);
        check!((cw, ch) == (410, 290), "content size is {cw}x{ch}");
        check!(SIZE_CHANGES.load(Ordering::SeqCst) == 0, "OnContentSizeChanged ran for uiWindowSetContentSize");
        native::user_resize(uiControlHandle(ctl(w)), 500, 330);
        pump(100);
        check!(SIZE_CHANGES.load(Ordering::SeqCst) >= 1, "OnContentSizeChanged did not run for an outside resize");
        uiWindowContentSize(w, null_mut(), null_mut());
        check!(uiWindowMargined(w) == 0);
        let before = native::child_rect(uiControlHandle(ctl(l)));
        uiWindowSetMargined(w, 1);
        pump(30);
        let after = native::child_rect(uiControlHandle(ctl(l)));
        check!(uiWindowMargined(w) == 1);
        check!(after.0 > before.0 && after.1 > before.1, "margin did not move the child: {before:?} -> {after:?}");
        check!(uiWindowResizeable(w) == 1);
        uiWindowSetResizeable(w, 0);
        check!(uiWindowResizeable(w) == 0);
        pump(30);
        uiWindowContentSize(w, &mut cw, &mut ch);
        check!(cw > 0 && ch > 0);
        uiWindowSetResizeable(w, 1);
        check!(uiWindowResizeable(w) == 1);
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn bad_input() -> CaseResult {
    unsafe {
        let w = new_window("bad")?;
        let l = uiNewLabel(null_mut());
        check!(!l.is_null(), "uiNewLabel(NULL) failed");
        check!(take(uiLabelText(l))?.is_empty(), "NULL text is \"\"");
        uiWindowSetTitle(w, null_mut());
        check!(take(uiWindowTitle(w))?.is_empty());
        // Invalid UTF-8: each bad byte becomes U+FFFD.
        let bad: &[u8] = b"a\xffb\xe2\x82c\xed\xa0\x80\0";
        uiWindowSetTitle(w, bad.as_ptr().cast());
        check!(take(uiWindowTitle(w))? == "a\u{FFFD}b\u{FFFD}\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}");
        uiLabelSetText(l, c"\xc0\xaf".as_ptr());
        check!(take(uiLabelText(l))? == "\u{FFFD}\u{FFFD}", "overlong encoding accepted");
        // Oversized: cut at the limit, on a character boundary.
        let limit = uiTextLimit as usize;
        let big = c(&"é".repeat(limit)); // 2 bytes each: twice the limit
        let e = uiNewEntry();
        uiEntrySetText(e, big.as_ptr());
        let got = take(uiEntryText(e))?;
        check!(got.len() <= limit && got.len() >= limit - 2, "entry kept {} bytes", got.len());
        check!(got.chars().all(|ch| ch == 'é'));
        let huge = c(&"x".repeat(limit * 3));
        uiLabelSetText(l, huge.as_ptr());
        check!(take(uiLabelText(l))?.len() == limit);
        // NULL and wrong-type controls: ignored, getters give defaults.
        check!(take(uiLabelText(null_mut()))?.is_empty());
        uiLabelSetText(null_mut(), c("x").as_ptr());
        uiControlShow(null_mut());
        uiControlDestroy(null_mut());
        check!(uiControlHandle(null_mut()) == 0);
        check!(uiControlParent(null_mut()).is_null());
        check!(uiBoxNumChildren(null_mut()) == 0);
        check!(uiControlToplevel(null_mut()) == 0);
        uiWindowSetTitle(l.cast(), c("not a window").as_ptr());
        check!(take(uiLabelText(l))?.len() == limit, "a label was changed through uiWindowSetTitle");
        check!(take(uiWindowTitle(l.cast()))?.is_empty());
        uiBoxAppend(l.cast(), ctl(e), 0);
        check!(uiControlParent(ctl(e)).is_null());
        uiBoxAppend(null_mut(), ctl(e), 0);
        uiWindowSetChild(w, null_mut());
        uiWindowSetChild(w, ctl(w));
        uiWindowContentSize(null_mut(), null_mut(), null_mut());
        let (mut cw, mut ch) = (-1, -1);
        uiWindowContentSize(null_mut(), &mut cw, &mut ch);
        check!((cw, ch) == (0, 0));
        uiWindowSetContentSize(w, -5, 1_000_000);
        uiQueueMain(None, null_mut());
        uiTimer(-1, None, null_mut());
        uiFreeText(null_mut());
        MSGBOX_CLOSED.store(0, Ordering::SeqCst);
        uiTimer(100, Some(close_msgbox), null_mut());
        uiMsgBox(null_mut(), null_mut(), null_mut());
        check!(MSGBOX_CLOSED.load(Ordering::SeqCst) == 1, "uiMsgBox(NULL...) returned without being dismissed");
        uiControlDestroy(ctl(l));
        uiControlDestroy(ctl(e));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static MSGBOX_CLOSED: AtomicUsize = AtomicUsize::new(0);

extern "C" fn close_msgbox(_: *mut c_void) -> c_int {
    if native::close_message_box() {
        MSGBOX_CLOSED.fetch_add(1, Ordering::SeqCst);
        return 0;
    }
    1
}

fn msgboxes_return_when_dismissed() -> CaseResult {
    unsafe {
        let w = new_window("owner")?;
        uiControlShow(ctl(w));
        MSGBOX_CLOSED.store(0, Ordering::SeqCst);
        uiTimer(100, Some(close_msgbox), null_mut());
        uiMsgBox(w, c("Title ✓").as_ptr(), c("Description").as_ptr());
        check!(MSGBOX_CLOSED.load(Ordering::SeqCst) == 1, "uiMsgBox returned without being dismissed");
        uiTimer(100, Some(close_msgbox), null_mut());
        uiMsgBoxError(null_mut(), c("Error").as_ptr(), c"bad \xff".as_ptr());
        check!(MSGBOX_CLOSED.load(Ordering::SeqCst) == 2);
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static SHOULD_QUIT_CALLS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn should_quit(data: *mut c_void) -> c_int {
    SHOULD_QUIT_CALLS.fetch_add(1, Ordering::SeqCst);
    data as usize as c_int
}

fn should_quit_on_system_request() -> CaseResult {
    unsafe {
        let w = new_window("session")?;
        uiControlShow(ctl(w));
        pump(20);
        SHOULD_QUIT_CALLS.store(0, Ordering::SeqCst);
        // Refused: the program goes on (on Unix it survives SIGTERM) and its loop does not end.
        uiOnShouldQuit(Some(should_quit), std::ptr::null_mut::<c_void>());
        check!(!native::system_quit_request(uiControlHandle(ctl(w))), "a refused request was allowed");
        check!(!loop_quits_within(100), "a refused request ended the loop");
        check!(SHOULD_QUIT_CALLS.load(Ordering::SeqCst) == 1);
        // Accepted: uiQuit is called, so the loop ends.
        uiOnShouldQuit(Some(should_quit), 1 as *mut c_void);
        check!(native::system_quit_request(uiControlHandle(ctl(w))), "an accepted request did not end the loop");
        check!(SHOULD_QUIT_CALLS.load(Ordering::SeqCst) == 2);
        uiOnShouldQuit(None, null_mut());
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn main() {
    let mut cases = vec![
        Case { name: "init_twice_is_refused", needs_display: true, run: init_twice_is_refused },
        Case { name: "window_show_title_and_texts", needs_display: true, run: window_show_title_and_texts },
        Case { name: "queue_main_from_other_thread", needs_display: true, run: queue_main_from_other_thread },
        Case { name: "timer_fires_and_stops", needs_display: true, run: timer_fires_and_stops },
        Case { name: "closing_handler", needs_display: true, run: closing_handler },
        Case { name: "quit_ends_main_and_steps", needs_display: true, run: quit_ends_main_and_steps },
        Case { name: "box_append_delete", needs_display: true, run: box_append_delete },
        Case { name: "entry_read_only_and_password", needs_display: true, run: entry_read_only_and_password },
        Case { name: "checkbox_toggling", needs_display: true, run: checkbox_toggling },
        Case { name: "button_click_and_enable", needs_display: true, run: button_click_and_enable },
        Case { name: "window_size_margins_resizeable", needs_display: true, run: window_size_margins_resizeable },
        Case { name: "bad_input", needs_display: true, run: bad_input },
        Case { name: "msgboxes_return_when_dismissed", needs_display: true, run: msgboxes_return_when_dismissed },
        Case { name: "should_quit_on_system_request", needs_display: true, run: should_quit_on_system_request },
    ];
    // Before defects: its uiUninit frees the menus.
    cases.extend(menus::cases());
    cases.extend(area::cases());
    cases.extend(text::cases());
    cases.extend(defects::cases());
    cases.extend(mainloop::cases());
    cases.extend(controls::cases());
    cases.extend(pickers::cases());
    cases.extend(containers::cases());
    cases.extend(input::cases());
    cases.extend(area_input::cases());
    cases.extend(window_extras::cases());
    cases.extend(dialogs::cases());
    cases.extend(table::cases());
    cases.extend(native::platform_cases());
    runner::run(cases, init, || {}, || unsafe { uiUninit() });
}
