//! The few parts of vendor/libui the app uses, made safe: the main loop,
//! work queued from other threads, timers, message boxes and the "Join
//! network" window.  Callbacks from C run inside `catch_unwind`, so a panic
//! is reported and never unwinds into C.

use zt_libui_sys as sys;
use std::cell::RefCell;
use std::ffi::{c_int, c_void, CStr, CString};
use std::marker::PhantomData;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Proof that libui is initialised on this thread; `!Send`.
pub struct Ui {
    thread: UiThread,
}

/// A copyable, `!Send` witness of being on the UI thread, for callbacks
/// that need to open windows.
#[derive(Clone, Copy)]
pub struct UiThread {
    _not_send: PhantomData<*const ()>,
}

impl Ui {
    /// `uiInit`; the error text comes from the backend (e.g. no display).
    pub fn init() -> Result<Ui, String> {
        let mut options = sys::uiInitOptions { Size: std::mem::size_of::<sys::uiInitOptions>() };
        // SAFETY: options is a valid uiInitOptions; the error string is freed with uiFreeInitError.
        unsafe {
            let err = sys::uiInit(&mut options);
            if err.is_null() {
                Ok(Ui { thread: UiThread { _not_send: PhantomData } })
            } else {
                let text = CStr::from_ptr(err).to_string_lossy().into_owned();
                sys::uiFreeInitError(err);
                Err(text)
            }
        }
    }

    /// Runs the main loop until [`quit`].
    pub fn main(&self) {
        // SAFETY: on the thread that called uiInit.
        unsafe { sys::uiMain() }
    }

    /// Calls `f` every `ms` milliseconds on the UI thread while it returns true.
    pub fn timer(&self, ms: i32, f: impl FnMut() -> bool + 'static) {
        let data = Box::into_raw(Box::new(RefCell::new(Box::new(f) as Box<dyn FnMut() -> bool>)));
        // SAFETY: the box is freed by timer_trampoline when the timer stops.
        unsafe { sys::uiTimer(ms, Some(timer_trampoline), data.cast()) }
    }

    /// The witness to hand to callbacks.
    pub fn thread(&self) -> UiThread {
        self.thread
    }
}

impl UiThread {
    /// A modal message box.
    pub fn message(self, title: &str, text: &str) {
        let (title, text) = (c_text(title), c_text(text));
        // SAFETY: NULL parent is allowed; both strings outlive the call.
        unsafe { sys::uiMsgBox(std::ptr::null_mut(), title.as_ptr(), text.as_ptr()) }
    }
}

impl Drop for Ui {
    fn drop(&mut self) {
        // SAFETY: everything the app created is gone by now.
        unsafe { sys::uiUninit() }
    }
}

/// Makes [`Ui::main`] return; callable from any thread.
pub fn quit() {
    // SAFETY: uiQuit is documented as callable from any thread.
    unsafe { sys::uiQuit() }
}

type Queued = Box<dyn FnOnce() + Send>;

/// Runs `f` on the UI thread soon; callable from any thread.
pub fn queue_main(f: impl FnOnce() + Send + 'static) {
    let data = Box::into_raw(Box::new(Box::new(f) as Queued));
    // SAFETY: uiQueueMain is thread-safe; queue_trampoline takes the box back.
    unsafe { sys::uiQueueMain(Some(queue_trampoline), data.cast()) }
}

/// Text for C: interior NULs (which C would cut at) become U+FFFD.
fn c_text(text: &str) -> CString {
    CString::new(text.replace('\0', "\u{FFFD}")).expect("NULs were replaced")
}

fn guarded(what: &str, f: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(f)).is_err() {
        eprintln!("zerotier_desktop_ui: a {what} callback panicked; the panic was stopped at the C boundary");
    }
}

unsafe extern "C" fn queue_trampoline(data: *mut c_void) {
    // SAFETY: data came from Box::into_raw in queue_main and is taken back once.
    let f = unsafe { Box::from_raw(data.cast::<Queued>()) };
    guarded("queued", f);
}

unsafe extern "C" fn timer_trampoline(data: *mut c_void) -> c_int {
    let slot = data.cast::<RefCell<Box<dyn FnMut() -> bool>>>();
    let mut again = false;
    // SAFETY: slot lives until this function returns 0 and frees it.
    guarded("timer", || again = unsafe { (*(*slot).borrow_mut())() });
    if !again {
        // SAFETY: libui calls no more after a 0 return.
        drop(unsafe { Box::from_raw(slot) });
    }
    c_int::from(again)
}

type Submit = Box<dyn FnMut(&str) -> Result<(), String>>;

struct JoinState {
    window: *mut sys::uiWindow,
    entry: *mut sys::uiEntry,
    error: *mut sys::uiLabel,
    submit: Submit,
}

thread_local! {
    /// The open "Join network" window, if any (one at a time).
    static JOIN: RefCell<Option<Box<JoinState>>> = const { RefCell::new(None) };
}

/// Opens (or raises) the "Join network" window.  `submit` gets the typed
/// text; an `Err` is shown under the entry and the window stays open.
pub fn show_join_window(_ui: UiThread, submit: impl FnMut(&str) -> Result<(), String> + 'static) {
    if JOIN.with(|j| j.borrow().is_some()) {
        return;
    }
    // SAFETY: all calls on the UI thread; controls are owned by the window,
    // which close_join destroys; callbacks receive the boxed state's address.
    unsafe {
        let window = sys::uiNewWindow(c"Join a ZeroTier network".as_ptr(), 360, 140, 0);
        let vbox = sys::uiNewVerticalBox();
        sys::uiBoxSetPadded(vbox, 1);
        let prompt = sys::uiNewLabel(c"Network ID (16 hexadecimal digits):".as_ptr());
        let entry = sys::uiNewEntry();
        let error = sys::uiNewLabel(c"".as_ptr());
        let buttons = sys::uiNewHorizontalBox();
        sys::uiBoxSetPadded(buttons, 1);
        let join = sys::uiNewButton(c"Join".as_ptr());
        let cancel = sys::uiNewButton(c"Cancel".as_ptr());
        sys::uiBoxAppend(buttons, sys::uiNewLabel(c"".as_ptr()).cast(), 1);
        sys::uiBoxAppend(buttons, cancel.cast(), 0);
        sys::uiBoxAppend(buttons, join.cast(), 0);
        let rows: [(*mut sys::uiControl, c_int); 4] =
            [(prompt.cast(), 0), (entry.cast(), 0), (error.cast(), 1), (buttons.cast(), 0)];
        for (control, stretchy) in rows {
            sys::uiBoxAppend(vbox, control, stretchy);
        }
        sys::uiWindowSetChild(window, vbox.cast());
        sys::uiWindowSetMargined(window, 1);
        let state = Box::new(JoinState { window, entry, error, submit: Box::new(submit) });
        sys::uiButtonOnClicked(join, Some(join_clicked), std::ptr::null_mut());
        sys::uiButtonOnClicked(cancel, Some(cancel_clicked), std::ptr::null_mut());
        sys::uiWindowOnClosing(window, Some(join_closing), std::ptr::null_mut());
        JOIN.with(|j| *j.borrow_mut() = Some(state));
        sys::uiControlShow(window.cast());
    }
}

fn close_join() {
    if let Some(state) = JOIN.with(|j| j.borrow_mut().take()) {
        // SAFETY: destroying the window destroys its children; no callback can run after.
        unsafe { sys::uiControlDestroy(state.window.cast()) };
    }
}

unsafe extern "C" fn join_clicked(_: *mut sys::uiButton, _: *mut c_void) {
    guarded("join", || {
        let outcome = JOIN.with(|j| {
            let mut guard = j.borrow_mut();
            let state = guard.as_mut()?;
            // SAFETY: the entry lives as long as the window; the text is freed with uiFreeText.
            let text = unsafe {
                let raw = sys::uiEntryText(state.entry);
                let text = CStr::from_ptr(raw).to_string_lossy().into_owned();
                sys::uiFreeText(raw);
                text
            };
            Some(match (state.submit)(&text) {
                Ok(()) => Ok(()),
                Err(e) => {
                    let msg = c_text(&e);
                    // SAFETY: the label lives as long as the window.
                    unsafe { sys::uiLabelSetText(state.error, msg.as_ptr()) };
                    Err(())
                }
            })
        });
        if outcome == Some(Ok(())) {
            close_join();
        }
    });
}

unsafe extern "C" fn cancel_clicked(_: *mut sys::uiButton, _: *mut c_void) {
    guarded("cancel", close_join);
}

unsafe extern "C" fn join_closing(_: *mut sys::uiWindow, _: *mut c_void) -> c_int {
    // Destroy it ourselves (and forget the state) instead of letting libui do it.
    guarded("close", close_join);
    0
}
