//! Callbacks from C never unwind into C.  A panic is caught, the main loop is
//! asked to stop, and the panic is raised again on the UI thread once the
//! loop has returned to Rust ([`Ui::main`](crate::Ui::main) or
//! [`Ui::step`](crate::Ui::step)).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use zt_libui_sys as sys;

thread_local! {
    /// The first panic caught since the loop last returned (the cause; later
    /// ones are usually its consequences).
    static CAUGHT: RefCell<Option<Box<dyn Any + Send>>> = const { RefCell::new(None) };
    /// How many callbacks are running; closures replaced meanwhile are freed
    /// only when it is back to 0, since one of them may be the running one.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static GRAVEYARD: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
    /// Whether the [`Ui`](crate::Ui) lives on this thread.
    static HOME: Cell<bool> = const { Cell::new(false) };
}

pub(crate) fn set_home(here: bool) {
    HOME.with(|h| h.set(here));
}

/// Keeps `payload` (unless one is kept already) and asks the loop to stop.
fn keep(payload: Box<dyn Any + Send>) {
    CAUGHT.with(|c| {
        c.borrow_mut().get_or_insert(payload);
    });
    // SAFETY: uiQuit only posts a request to the running loop.
    unsafe { sys::uiQuit() };
}

/// See [`resume_panic_in_main`](crate::resume_panic_in_main).
pub(crate) fn keep_foreign(payload: Box<dyn Any + Send>) -> Result<(), Box<dyn Any + Send>> {
    if !HOME.with(|h| h.get()) {
        return Err(payload);
    }
    keep(payload);
    Ok(())
}

/// Runs a callback body; `fallback` is what C gets back if it panicked.
pub(crate) fn wrap<R>(fallback: R, f: impl FnOnce() -> R) -> R {
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        keep(payload);
        fallback
    });
    if DEPTH.with(|d| {
        d.set(d.get() - 1);
        d.get() == 0
    }) {
        let dead = GRAVEYARD.with(|g| std::mem::take(&mut *g.borrow_mut()));
        drop(dead);
    }
    result
}

/// Frees `value` now, or when the running callbacks have returned.
pub(crate) fn retire(value: Box<dyn Any>) {
    if DEPTH.with(|d| d.get()) > 0 {
        GRAVEYARD.with(|g| g.borrow_mut().push(value));
    } else {
        drop(value);
    }
}

/// Raises a caught panic again, now that no C frame is in between.
pub(crate) fn check() {
    if let Some(payload) = CAUGHT.with(|c| c.borrow_mut().take()) {
        resume_unwind(payload);
    }
}
