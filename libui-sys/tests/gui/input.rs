//! Real input: xdotool moves the X pointer, clicks and presses keys through XTEST, so every
//! event takes the path a user's does (X server, toolkit, native control, our handler). GTK
//! runs under Xvfb; the Win32 build runs under Wine, whose windows are X windows as well.
//!
//! The test starts xdotool itself, with screen coordinates asked of GTK or Win32. Under Wine
//! that is a Unix program started by a Windows one: Wine 8.0 runs it, but hands back no real
//! process (CreateProcess fails with ERROR_INVALID_HANDLE when the standard handles are
//! inherited; with files it succeeds, and the handle never reports an exit). So the end of
//! a run is seen in xdotool's output, not in an exit status: every run ends with
//! `getmouselocation`, which prints only once the commands before it are done.
//!
//! `mousemove` goes without `--sync`: that waits for the pointer to move, and a pointer already
//! at the spot (a second click on the same arrow) waits out xdotool's 15 s timeout. XTEST
//! requests are handled in order, so the click still lands where the pointer went.

use crate::runner::{Case, SKIP};
use crate::{c, ctl, pump, take, CaseResult};
use std::ffi::c_void;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use zt_libui_sys::*;

pub fn cases() -> Vec<Case> {
    vec![
        Case { name: "input_button_click_and_space", needs_display: true, run: button_click_and_space },
        Case { name: "input_checkbox_click_and_space", needs_display: true, run: checkbox_click_and_space },
        Case { name: "input_radio_buttons_click", needs_display: true, run: radio_buttons_click },
        Case { name: "input_combobox_popup_and_keys", needs_display: true, run: combobox_popup_and_keys },
        Case { name: "input_slider_keys_and_drag", needs_display: true, run: slider_keys_and_drag },
        Case { name: "input_spinbox_arrows_and_typing", needs_display: true, run: spinbox_arrows_and_typing },
        Case { name: "input_entry_typing_and_enter", needs_display: true, run: entry_typing_and_enter },
        Case { name: "input_multiline_typing_and_tab", needs_display: true, run: multiline_typing_and_tab },
    ]
}

/// Where xdotool is, or why these cases cannot run. A machine that should have it (Linux, Wine)
/// but does not skips, except under CI=true, where the test command installs it: there a
/// missing xdotool fails the case rather than pass by testing nothing.
fn xdotool() -> Result<PathBuf, String> {
    if !native::drivable_by_xdotool() {
        return Err(format!("{SKIP}Windows without Wine has no X server for xdotool to drive"));
    }
    let found = native::XDOTOOL_PLACES.iter().map(PathBuf::from).find(|p| p.is_file());
    match found {
        Some(p) => Ok(p),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            Err(format!("xdotool not found in {:?}, and CI=true forbids skipping", native::XDOTOOL_PLACES))
        }
        None => Err(format!("{SKIP}xdotool is not installed (apt install xdotool; `cargo xtask setup` does)")),
    }
}

static RUNS: AtomicUsize = AtomicUsize::new(0);

/// Runs xdotool with `args` while the UI loop keeps running, and returns when it is done
/// and the toolkit has handled what it sent.
pub(crate) fn xdo(args: &[String]) -> CaseResult {
    let tool = xdotool()?;
    let n = RUNS.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir();
    let out = dir.join(format!("libui-input-{}-{n}.out", std::process::id()));
    let err = dir.join(format!("libui-input-{}-{n}.err", std::process::id()));
    let file = |p: &PathBuf| std::fs::File::create(p).map_err(|e| format!("cannot create {}: {e}", p.display()));
    let started = Command::new(&tool)
        .args(args)
        .arg("getmouselocation")
        .stdin(Stdio::null())
        .stdout(file(&out)?)
        .stderr(file(&err)?)
        .spawn();
    let mut child = match started {
        Ok(child) => Some(child),
        // Wine: started, but no handle (see the top of this file).
        Err(e) if cfg!(windows) && e.raw_os_error() == Some(6) => None,
        Err(e) => return Err(format!("cannot start {}: {e}", tool.display())),
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    let result = loop {
        pump(5);
        let printed = std::fs::read_to_string(&out).unwrap_or_default();
        let status = child.as_mut().and_then(|c| c.try_wait().ok().flatten());
        if status.is_some_and(|s| !s.success()) || (status.is_some() && !printed.contains("x:")) {
            let why = std::fs::read_to_string(&err).unwrap_or_default();
            break Err(format!("xdotool {args:?} failed ({status:?}): {why}"));
        }
        // The last line is printed when all else is done (under Wine the handle may never
        // report an exit).
        if printed.contains("x:") {
            break Ok(());
        }
        if Instant::now() > deadline {
            if let Some(c) = child.as_mut() {
                let _ = c.kill();
            }
            break Err(format!("xdotool {args:?} did not finish within 20 s"));
        }
    };
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(&err);
    // What xdotool sent last still has to reach the handlers.
    pump(150);
    result
}

/// xdotool arguments from words and numbers.
macro_rules! args {
    // A Vec, as some callers extend it.
    ($($a:expr),* $(,)?) => {{
        #[allow(clippy::useless_vec)]
        let a = vec![$($a.to_string()),*];
        a
    }};
}

/// The centre of a control on the screen.
fn centre(control: *mut uiControl) -> (i32, i32) {
    let (x, y, w, h) = native::screen_rect(unsafe { uiControlHandle(control) });
    (x + w / 2, y + h / 2)
}

/// Moves the pointer onto `control` and clicks the first button.
fn click(control: *mut uiControl) -> CaseResult {
    let (x, y) = centre(control);
    xdo(&args!["mousemove", x, y, "click", 1])
}

/// `key` arguments that type `text` (`type` would take every argument after it as text,
/// `key` stops at the next command). Letters, digits, space, '-' and newline.
pub(crate) fn typing(text: &str) -> Vec<String> {
    let mut a = args!["key", "--delay", 30];
    a.extend(text.chars().map(|ch| match ch {
        ' ' => "space".to_string(),
        '-' => "minus".to_string(),
        '\n' => "Return".to_string(),
        ch if ch.is_ascii_alphanumeric() => ch.to_string(),
        ch => panic!("typing has no key name for {ch:?}"),
    }));
    a
}

fn keys(names: &[&str]) -> CaseResult {
    let mut a = args!["key", "--delay", 40];
    a.extend(names.iter().map(|k| k.to_string()));
    xdo(&a)
}

/// A handler's counter; leaked, so a handler of a window a failed case left behind never
/// writes to freed memory.
fn counter() -> &'static AtomicUsize {
    Box::leak(Box::new(AtomicUsize::new(0)))
}

fn data(n: &'static AtomicUsize) -> *mut c_void {
    n as *const AtomicUsize as *mut c_void
}

extern "C" fn bump<T>(_: *mut T, data: *mut c_void) {
    unsafe { &*(data as *const AtomicUsize) }.fetch_add(1, Ordering::SeqCst);
}

/// A shown window holding `child`, destroyed when dropped, so a failed case leaves no window
/// in the way of the next case's clicks.
struct Shown(*mut uiWindow);

impl Drop for Shown {
    fn drop(&mut self) {
        unsafe { uiControlDestroy(ctl(self.0)) };
        pump(30);
    }
}

fn show(title: &str, child: *mut uiControl) -> Shown {
    unsafe {
        let w = uiNewWindow(c(title).as_ptr(), 360, 240, 0);
        uiWindowSetMargined(w, 1);
        uiWindowSetChild(w, child);
        uiControlShow(ctl(w));
        pump(200);
        Shown(w)
    }
}

fn vbox(children: &[*mut uiControl]) -> *mut uiControl {
    unsafe {
        let b = uiNewVerticalBox();
        uiBoxSetPadded(b, 1);
        for &child in children {
            uiBoxAppend(b, child, 0);
        }
        ctl(b)
    }
}

fn button_click_and_space() -> CaseResult {
    unsafe {
        let b = uiNewButton(c("Press me").as_ptr());
        let other = uiNewButton(c("Other").as_ptr());
        let _w = show("input: button", vbox(&[ctl(b), ctl(other)]));
        let clicks = counter();
        uiButtonOnClicked(b, Some(bump), data(clicks));
        click(ctl(b))?;
        check!(
            clicks.load(Ordering::SeqCst) == 1,
            "OnClicked ran {} times for one click",
            clicks.load(Ordering::SeqCst)
        );
        // The click gave it the focus: the space bar presses it too.
        keys(&["space"])?;
        check!(clicks.load(Ordering::SeqCst) == 2, "OnClicked ran {} times after space", clicks.load(Ordering::SeqCst));
        uiControlDisable(ctl(b));
        click(ctl(b))?;
        check!(clicks.load(Ordering::SeqCst) == 2, "a disabled button ran OnClicked");
    }
    Ok(())
}

fn checkbox_click_and_space() -> CaseResult {
    unsafe {
        let cb = uiNewCheckbox(c("Tick me").as_ptr());
        let _w = show("input: checkbox", vbox(&[ctl(cb)]));
        let toggles = counter();
        uiCheckboxOnToggled(cb, Some(bump), data(toggles));
        click(ctl(cb))?;
        check!(uiCheckboxChecked(cb) == 1, "a click did not check the box");
        check!(toggles.load(Ordering::SeqCst) == 1, "OnToggled ran {} times", toggles.load(Ordering::SeqCst));
        keys(&["space"])?;
        check!(uiCheckboxChecked(cb) == 0, "space did not uncheck the box");
        check!(toggles.load(Ordering::SeqCst) == 2, "OnToggled ran {} times", toggles.load(Ordering::SeqCst));
    }
    Ok(())
}

fn radio_buttons_click() -> CaseResult {
    unsafe {
        let r = uiNewRadioButtons();
        for t in ["Red", "Green", "Blue"] {
            uiRadioButtonsAppend(r, c(t).as_ptr());
        }
        let _w = show("input: radio", vbox(&[ctl(r)]));
        let selections = counter();
        uiRadioButtonsOnSelected(r, Some(bump), data(selections));
        check!(uiRadioButtonsSelected(r) == -1);
        for (i, want_events) in [(2u32, 1), (0, 2), (0, 2)] {
            let (x, y, w, h) = native::screen_rect(native::radio_button(uiControlHandle(ctl(r)), i));
            // On the circle, left of the text.
            xdo(&args!["mousemove", x + 8.min(w / 2), y + h / 2, "click", 1])?;
            check!(uiRadioButtonsSelected(r) == i as i32, "clicking button {i} selected {}", uiRadioButtonsSelected(r));
            let n = selections.load(Ordering::SeqCst);
            check!(n == want_events, "OnSelected ran {n} times after clicking {i}, not {want_events}");
        }
    }
    Ok(())
}

fn combobox_popup_and_keys() -> CaseResult {
    unsafe {
        let cb = uiNewCombobox();
        for t in ["Alpha", "Beta", "Gamma", "Delta"] {
            uiComboboxAppend(cb, c(t).as_ptr());
        }
        uiComboboxSetSelected(cb, 0);
        let _w = show("input: combobox", vbox(&[ctl(cb)]));
        let selections = counter();
        uiComboboxOnSelected(cb, Some(bump), data(selections));
        // A click opens the list; the next item is chosen in it by key.
        click(ctl(cb))?;
        keys(&["Down", "Return"])?;
        check!(uiComboboxSelected(cb) == 1, "choosing in the open list selected {}", uiComboboxSelected(cb));
        check!(selections.load(Ordering::SeqCst) == 1, "OnSelected ran {} times", selections.load(Ordering::SeqCst));
        // Closed, with the focus: arrows and End move the choice, and stop at the last item.
        keys(&["Down"])?;
        check!(uiComboboxSelected(cb) == 2, "Down selected {}", uiComboboxSelected(cb));
        keys(&["End"])?;
        check!(uiComboboxSelected(cb) == 3, "End selected {}", uiComboboxSelected(cb));
        keys(&["Down"])?;
        check!(uiComboboxSelected(cb) == 3, "Down past the end selected {}", uiComboboxSelected(cb));
        check!(selections.load(Ordering::SeqCst) == 3, "OnSelected ran {} times", selections.load(Ordering::SeqCst));
    }
    Ok(())
}

fn slider_keys_and_drag() -> CaseResult {
    unsafe {
        let s = uiNewSlider(0, 10);
        let _w = show("input: slider", vbox(&[ctl(s)]));
        let (changes, releases) = (counter(), counter());
        let handle = uiControlHandle(ctl(s));
        // A click on the thumb only gives the focus.
        let (tx, ty) = native::slider_thumb(handle);
        xdo(&args!["mousemove", tx, ty, "click", 1])?;
        uiSliderSetValue(s, 5);
        pump(50);
        uiSliderOnChanged(s, Some(bump), data(changes));
        uiSliderOnReleased(s, Some(bump), data(releases));
        keys(&["Right"])?;
        check!(uiSliderValue(s) == 6, "Right gave {}", uiSliderValue(s));
        keys(&["End", "Right"])?;
        check!(uiSliderValue(s) == 10, "End and Right gave {} (max 10)", uiSliderValue(s));
        keys(&["Home", "Left"])?;
        check!(uiSliderValue(s) == 0, "Home and Left gave {} (min 0)", uiSliderValue(s));
        check!(
            changes.load(Ordering::SeqCst) == 3,
            "OnChanged ran {} times for 3 changes",
            changes.load(Ordering::SeqCst)
        );
        // Dragged far past either end: the value stops at the end.
        let (x, _, w, _) = native::screen_rect(handle);
        // (X has no negative coordinates: a window at the screen's left edge gets 0.)
        for (to, want) in [(x + w + 60, 10), ((x - 60).max(0), 0)] {
            let before = releases.load(Ordering::SeqCst);
            let (tx, ty) = native::slider_thumb(handle);
            let mid = (tx + to) / 2;
            xdo(&args!["mousemove", tx, ty, "mousedown", 1, "mousemove", mid, ty, "mousemove", to, ty, "mouseup", 1])?;
            check!(uiSliderValue(s) == want, "dragged to x={to}: value {} not {want}", uiSliderValue(s));
            check!(releases.load(Ordering::SeqCst) > before, "OnReleased did not run when the drag ended");
        }
        check!(changes.load(Ordering::SeqCst) >= 5, "OnChanged did not run for the drags");
    }
    Ok(())
}

fn spinbox_arrows_and_typing() -> CaseResult {
    unsafe {
        let s = uiNewSpinbox(-10, 10);
        let _w = show("input: spinbox", vbox(&[ctl(s)]));
        let changes = counter();
        uiSpinboxOnChanged(s, Some(bump), data(changes));
        let handle = uiControlHandle(ctl(s));
        let (x, y, _, h) = native::screen_rect(handle);
        // Into the text, then the up-arrow key.
        xdo(&args!["mousemove", x + 10, y + h / 2, "click", 1])?;
        check!(uiSpinboxValue(s) == -10, "a click into the text changed the value");
        keys(&["Up"])?;
        check!(uiSpinboxValue(s) == -9, "Up gave {}", uiSpinboxValue(s));
        check!(changes.load(Ordering::SeqCst) == 1, "OnChanged ran {} times", changes.load(Ordering::SeqCst));
        // The up arrow, clicked.
        let (ux, uy) = native::spin_up_arrow(handle);
        xdo(&args!["mousemove", ux, uy, "click", 1])?;
        check!(uiSpinboxValue(s) == -8, "the up arrow gave {}", uiSpinboxValue(s));
        // At the top the up key changes nothing, nor does the arrow in the end (Wine's
        // up-down briefly writes max - 1 into the box, so it may report two changes).
        uiSpinboxSetValue(s, 10);
        let before = changes.load(Ordering::SeqCst);
        keys(&["Up"])?;
        check!(uiSpinboxValue(s) == 10, "Up past the top: {}", uiSpinboxValue(s));
        check!(changes.load(Ordering::SeqCst) == before, "OnChanged ran for Up at the top of the range");
        xdo(&args!["mousemove", ux, uy, "click", 1])?;
        check!(uiSpinboxValue(s) == 10, "the up arrow past the top: {}", uiSpinboxValue(s));
        let before = changes.load(Ordering::SeqCst);
        // Typed numbers beyond the range count as the nearest end.
        for (typed, want) in [("3", 3), ("99", 10), ("-99", -10)] {
            let mut a = args!["mousemove", x + 10, y + h / 2, "click", 1, "key", "ctrl+a"];
            a.extend(typing(typed));
            a.extend(args!["key", "Return"]);
            xdo(&a)?;
            check!(uiSpinboxValue(s) == want, "typing {typed} gave {} not {want}", uiSpinboxValue(s));
        }
        check!(changes.load(Ordering::SeqCst) >= before + 3, "OnChanged did not run for typing");
    }
    Ok(())
}

fn entry_typing_and_enter() -> CaseResult {
    unsafe {
        let e = uiNewEntry();
        let ro = uiNewEntry();
        uiEntrySetText(ro, c("fixed").as_ptr());
        uiEntrySetReadOnly(ro, 1);
        let _w = show("input: entry", vbox(&[ctl(e), ctl(ro)]));
        let (changes, enters) = (counter(), counter());
        uiEntryOnChanged(e, Some(bump), data(changes));
        uixEntryOnActivated(e, Some(bump), data(enters));
        let (x, y) = centre(ctl(e));
        let typed = "Hello libui 42";
        let mut a = args!["mousemove", x, y, "click", 1];
        a.extend(typing(typed));
        xdo(&a)?;
        check!(take(uiEntryText(e))? == typed, "the entry holds {:?}", take(uiEntryText(e))?);
        let n = changes.load(Ordering::SeqCst);
        check!(n == typed.len(), "OnChanged ran {n} times for {} keys", typed.len());
        check!(enters.load(Ordering::SeqCst) == 0);
        keys(&["Return", "BackSpace", "BackSpace"])?;
        check!(enters.load(Ordering::SeqCst) == 1, "Enter ran the handler {} times", enters.load(Ordering::SeqCst));
        check!(take(uiEntryText(e))? == "Hello libui ");
        check!(changes.load(Ordering::SeqCst) == typed.len() + 2);
        let (x, y) = centre(ctl(ro));
        let mut a = args!["mousemove", x, y, "click", 1];
        a.extend(typing("xyz"));
        xdo(&a)?;
        check!(take(uiEntryText(ro))? == "fixed", "a read-only entry took typing");
    }
    Ok(())
}

/// Typing with Enter makes lines; the Tab key moves the focus into the multi-line entry and
/// out again (Win32: Tab, as in dialogs; GTK: Tab inserts a tab there, Ctrl+Tab leaves).
fn multiline_typing_and_tab() -> CaseResult {
    unsafe {
        let before = uiNewEntry();
        let m = uiNewMultilineEntry();
        let after = uiNewButton(c("After").as_ptr());
        let _w = show("input: multiline", vbox(&[ctl(before), ctl(m), ctl(after)]));
        let changes = counter();
        uiMultilineEntryOnChanged(m, Some(bump), data(changes));
        let (x, y) = centre(ctl(m));
        let mut a = args!["mousemove", x, y, "click", 1];
        a.extend(typing("one\ntwo"));
        xdo(&a)?;
        check!(take(uiMultilineEntryText(m))? == "one\ntwo", "the entry holds {:?}", take(uiMultilineEntryText(m))?);
        check!(changes.load(Ordering::SeqCst) >= 7, "OnChanged ran {} times", changes.load(Ordering::SeqCst));
        let (bx, by) = centre(ctl(before));
        xdo(&args!["mousemove", bx, by, "click", 1])?;
        check!(native::has_focus(uiControlHandle(ctl(before))), "a click did not focus the entry");
        keys(&["Tab"])?;
        check!(native::has_focus(uiControlHandle(ctl(m))), "Tab did not move the focus into the multi-line entry");
        keys(&[native::LEAVE_MULTILINE])?;
        check!(native::has_focus(uiControlHandle(ctl(after))), "{} did not move the focus on", native::LEAVE_MULTILINE);
        check!(
            take(uiMultilineEntryText(m))? == "one\ntwo",
            "leaving typed into it: {:?}",
            take(uiMultilineEntryText(m))?
        );
        keys(&["shift+Tab"])?;
        check!(native::has_focus(uiControlHandle(ctl(m))), "Shift+Tab did not move the focus back");
    }
    Ok(())
}

#[cfg(unix)]
pub(crate) mod native {
    use std::ffi::{c_int, c_void};

    pub const XDOTOOL_PLACES: &[&str] = &["/usr/bin/xdotool", "/usr/local/bin/xdotool"];
    /// GtkTextView takes Tab as text; Ctrl+Tab is GTK's way out of it.
    pub const LEAVE_MULTILINE: &str = "ctrl+Tab";

    #[repr(C)]
    struct GList {
        data: *mut c_void,
        next: *mut GList,
        prev: *mut GList,
    }

    extern "C" {
        fn gtk_widget_get_toplevel(w: *mut c_void) -> *mut c_void;
        fn gtk_widget_get_window(w: *mut c_void) -> *mut c_void;
        fn gtk_widget_translate_coordinates(
            src: *mut c_void,
            dest: *mut c_void,
            x: c_int,
            y: c_int,
            dx: *mut c_int,
            dy: *mut c_int,
        ) -> c_int;
        fn gtk_widget_get_allocated_width(w: *mut c_void) -> c_int;
        fn gtk_widget_get_allocated_height(w: *mut c_void) -> c_int;
        fn gtk_widget_is_focus(w: *mut c_void) -> c_int;
        fn gtk_bin_get_child(b: *mut c_void) -> *mut c_void;
        fn gtk_container_get_children(c: *mut c_void) -> *mut GList;
        fn g_list_nth_data(l: *mut GList, n: u32) -> *mut c_void;
        fn g_list_free(l: *mut GList);
        fn gdk_window_get_origin(w: *mut c_void, x: *mut c_int, y: *mut c_int) -> c_int;
        fn gtk_range_get_slider_range(r: *mut c_void, start: *mut c_int, end: *mut c_int);
        fn g_type_check_instance_is_a(instance: *mut c_void, type_: usize) -> c_int;
        fn gtk_scrolled_window_get_type() -> usize;
        fn gdk_display_get_default() -> *mut c_void;
        fn gdk_display_get_default_seat(d: *mut c_void) -> *mut c_void;
        fn gdk_seat_grab(
            seat: *mut c_void,
            window: *mut c_void,
            capabilities: c_int,
            owner_events: c_int,
            cursor: *mut c_void,
            event: *mut c_void,
            prepare: *mut c_void,
            data: *mut c_void,
        ) -> c_int;
        fn gdk_seat_ungrab(seat: *mut c_void);
    }

    const GDK_SEAT_CAPABILITY_POINTER: c_int = 1 << 1;
    const GDK_GRAB_SUCCESS: c_int = 0;

    pub fn drivable_by_xdotool() -> bool {
        true
    }

    /// (x, y, width, height) on the screen.
    pub fn screen_rect(handle: usize) -> (i32, i32, i32, i32) {
        let w = handle as *mut c_void;
        let (mut x, mut y, mut ox, mut oy) = (0, 0, 0, 0);
        unsafe {
            let top = gtk_widget_get_toplevel(w);
            gtk_widget_translate_coordinates(w, top, 0, 0, &mut x, &mut y);
            gdk_window_get_origin(gtk_widget_get_window(top), &mut ox, &mut oy);
            (ox + x, oy + y, gtk_widget_get_allocated_width(w), gtk_widget_get_allocated_height(w))
        }
    }

    pub fn radio_button(handle: usize, index: u32) -> usize {
        unsafe {
            let children = gtk_container_get_children(handle as *mut c_void);
            let b = g_list_nth_data(children, index);
            g_list_free(children);
            b as usize
        }
    }

    /// The centre of the slider's knob on the screen.
    pub fn slider_thumb(handle: usize) -> (i32, i32) {
        let (x, y, _, h) = screen_rect(handle);
        let (mut start, mut end) = (0, 0);
        unsafe { gtk_range_get_slider_range(handle as *mut c_void, &mut start, &mut end) };
        (x + (start + end) / 2, y + h / 2)
    }

    /// GtkSpinButton draws [text][-][+]: the + button is the right end.
    pub fn spin_up_arrow(handle: usize) -> (i32, i32) {
        let (x, y, w, h) = screen_rect(handle);
        (x + w - 10, y + h / 2)
    }

    /// Grabs the pointer for another of our windows, as a popup does: a drag in progress
    /// elsewhere loses it.
    pub fn take_pointer(window: usize) -> Result<(), String> {
        unsafe {
            let seat = gdk_display_get_default_seat(gdk_display_get_default());
            let gdk_window = gtk_widget_get_window(window as *mut c_void);
            let null = std::ptr::null_mut();
            let r = gdk_seat_grab(seat, gdk_window, GDK_SEAT_CAPABILITY_POINTER, 0, null, null, null, null);
            if r != GDK_GRAB_SUCCESS {
                return Err(format!("gdk_seat_grab failed ({r})"));
            }
        }
        Ok(())
    }

    pub fn release_pointer() {
        unsafe { gdk_seat_ungrab(gdk_display_get_default_seat(gdk_display_get_default())) };
    }

    pub fn has_focus(handle: usize) -> bool {
        let w = handle as *mut c_void;
        unsafe {
            // A multi-line entry's handle is the scrolled window around the text view.
            let w = if g_type_check_instance_is_a(w, gtk_scrolled_window_get_type()) != 0 {
                gtk_bin_get_child(w)
            } else {
                w
            };
            gtk_widget_is_focus(w) != 0
        }
    }
}

#[cfg(windows)]
pub(crate) mod native {
    use std::ffi::c_void;

    /// Wine's view of the Unix file system (drive Z: is /).
    pub const XDOTOOL_PLACES: &[&str] = &["Z:\\usr\\bin\\xdotool", "Z:\\usr\\local\\bin\\xdotool"];
    /// In a window served by IsDialogMessage, Tab leaves a multi-line EDIT as it leaves any control.
    pub const LEAVE_MULTILINE: &str = "Tab";

    type Hwnd = *mut c_void;

    #[repr(C)]
    #[derive(Default)]
    struct Rect {
        left: i32,
        top: i32,
        right: i32,
        bottom: i32,
    }

    #[link(name = "user32")]
    extern "system" {
        fn GetWindowRect(h: Hwnd, r: *mut Rect) -> i32;
        fn GetWindow(h: Hwnd, cmd: u32) -> Hwnd;
        fn GetFocus() -> Hwnd;
        fn SendMessageW(h: Hwnd, msg: u32, w: usize, l: isize) -> isize;
        fn MapWindowPoints(from: Hwnd, to: Hwnd, pts: *mut Rect, n: u32) -> i32;
        fn SetCapture(h: Hwnd) -> Hwnd;
        fn ReleaseCapture() -> i32;
    }

    #[link(name = "kernel32")]
    extern "system" {
        fn GetModuleHandleW(name: *const u16) -> *mut c_void;
        fn GetProcAddress(module: *mut c_void, name: *const std::ffi::c_char) -> *mut c_void;
    }

    const GW_CHILD: u32 = 5;
    const GW_HWNDNEXT: u32 = 2;
    const TBM_GETTHUMBRECT: u32 = 0x0400 + 25;

    /// Only Wine's windows are X windows; ntdll says which it is.
    pub fn drivable_by_xdotool() -> bool {
        let name: Vec<u16> = "ntdll.dll".encode_utf16().chain(Some(0)).collect();
        unsafe { !GetProcAddress(GetModuleHandleW(name.as_ptr()), c"wine_get_version".as_ptr()).is_null() }
    }

    /// (x, y, width, height) on the screen, which under Wine is the X screen.
    pub fn screen_rect(handle: usize) -> (i32, i32, i32, i32) {
        let mut r = Rect::default();
        unsafe { GetWindowRect(handle as Hwnd, &mut r) };
        (r.left, r.top, r.right - r.left, r.bottom - r.top)
    }

    pub fn radio_button(handle: usize, index: u32) -> usize {
        unsafe {
            let mut b = GetWindow(handle as Hwnd, GW_CHILD);
            for _ in 0..index {
                b = GetWindow(b, GW_HWNDNEXT);
            }
            b as usize
        }
    }

    pub fn slider_thumb(handle: usize) -> (i32, i32) {
        let mut r = Rect::default();
        unsafe {
            SendMessageW(handle as Hwnd, TBM_GETTHUMBRECT, 0, &mut r as *mut Rect as isize);
            MapWindowPoints(handle as Hwnd, std::ptr::null_mut(), &mut r, 2);
        }
        ((r.left + r.right) / 2, (r.top + r.bottom) / 2)
    }

    /// The up-down buddy sits right of the EDIT (the handle); its upper half steps up.
    pub fn spin_up_arrow(handle: usize) -> (i32, i32) {
        let (x, y, w, h) = screen_rect(handle);
        (x + w + 5, y + h / 4)
    }

    /// Another of our windows takes the mouse capture, as a popup does: a drag in progress
    /// elsewhere loses it.
    pub fn take_pointer(window: usize) -> Result<(), String> {
        unsafe { SetCapture(window as Hwnd) };
        Ok(())
    }

    pub fn release_pointer() {
        unsafe { ReleaseCapture() };
    }

    pub fn has_focus(handle: usize) -> bool {
        unsafe { GetFocus() == handle as Hwnd }
    }
}
