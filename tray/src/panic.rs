//! A panic inside a callback must not unwind into C.  It is caught, kept
//! here, and raised again on this thread as soon as control is back in Rust
//! code of this crate (the loop's return, or the next call on the tray).

use std::any::Any;
use std::cell::RefCell;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;

use crate::PanicFn;

thread_local! {
    /// The first panic caught since the last check; later ones are dropped
    /// because the first is the cause.
    static CAUGHT: RefCell<Option<Box<dyn Any + Send>>> = const { RefCell::new(None) };
    /// Where panics go instead, while the tray that set it lives.
    static HOOK: RefCell<Option<Rc<PanicFn>>> = const { RefCell::new(None) };
}

/// Sets (or with `None` clears) the hook panics are handed to.
pub(crate) fn set_hook(hook: Option<Box<PanicFn>>) {
    let old = HOOK.with(|h| std::mem::replace(&mut *h.borrow_mut(), hook.map(Rc::from)));
    drop(old);
}

/// Runs `f` (called from C); a panic is kept (or handed to the hook)
/// instead of unwinding.
pub(crate) fn wrap(f: impl FnOnce()) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(f)) {
        let payload = match HOOK.with(|h| h.borrow().clone()) {
            Some(hook) => {
                // The hook may itself panic: never unwind into C.
                let _ = catch_unwind(AssertUnwindSafe(|| hook(payload)));
                return;
            }
            None => payload,
        };
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
