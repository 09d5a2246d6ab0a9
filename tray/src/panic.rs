//! A panic inside a callback must not unwind into C.  It is caught, kept
//! here, and raised again on this thread as soon as control is back in Rust
//! code of this crate (the loop's return, or the next call on the tray).

use std::any::Any;
use std::cell::RefCell;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

thread_local! {
    /// The first panic caught since the last check; later ones are dropped
    /// because the first is the cause.
    static CAUGHT: RefCell<Option<Box<dyn Any + Send>>> = const { RefCell::new(None) };
}

/// Runs `f` (called from C); a panic is kept instead of unwinding.
pub(crate) fn wrap(f: impl FnOnce()) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(f)) {
        CAUGHT.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = Some(payload);
            }
        });
    }
}

/// Raises a kept panic again, now that no C frame is in between.
pub(crate) fn check() {
    if let Some(payload) = CAUGHT.with(|c| c.borrow_mut().take()) {
        resume_unwind(payload);
    }
}

#[cfg(test)]
pub(crate) fn pending() -> bool {
    CAUGHT.with(|c| c.borrow().is_some())
}
