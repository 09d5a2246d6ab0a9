//! A panic inside a callback must not unwind into C.  It is caught and kept
//! here, and raised again on this thread as soon as control is back in Rust
//! code of this crate (the loop's return, or the next call on the tray).
//! With the `libui` feature, a panic outside this crate's own loop goes to
//! zt-libui instead: its running loop stops and `Ui::main` raises it.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;

use crate::PanicFn;

thread_local! {
    /// The first panic caught since the last check; later ones are dropped
    /// because the first is the cause.
    static CAUGHT: RefCell<Option<Box<dyn Any + Send>>> = const { RefCell::new(None) };
    /// Where panics go instead, while the tray that set it lives.
    static HOOK: RefCell<Option<Rc<PanicFn>>> = const { RefCell::new(None) };
    /// How many of this crate's own loop iterations ([`Tray::pump`](crate::Tray::pump)) run.
    static OWN_LOOP: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` as one iteration of this crate's own loop: panics in it stay here.
pub(crate) fn in_own_loop<R>(f: impl FnOnce() -> R) -> R {
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            OWN_LOOP.with(|n| n.set(n.get() - 1));
        }
    }
    OWN_LOOP.with(|n| n.set(n.get() + 1));
    let _leave = Leave;
    f()
}

/// Where a panic goes when no hook takes it: to a running zt-libui loop when
/// this crate's own loop is not the one serving the tray, else kept here.
fn hand_over(payload: Box<dyn Any + Send>) -> Option<Box<dyn Any + Send>> {
    #[cfg(feature = "libui")]
    if OWN_LOOP.with(|n| n.get()) == 0 {
        return zt_libui::resume_panic_in_main(payload).err();
    }
    Some(payload)
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
            None => match hand_over(payload) {
                Some(payload) => payload,
                None => return,
            },
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
