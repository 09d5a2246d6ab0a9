//! The Rust side of one C control: whether it is still alive, who its parent
//! and children are, and the closures C holds pointers to.  Every control
//! type is a cheap `Rc` handle to a `Node`; a call on a destroyed control does
//! nothing (or returns the default) without touching the C object.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::ffi::{c_char, c_void, CStr, CString};
use std::rc::{Rc, Weak};

use zt_libui_sys as sys;

use crate::panic;

/// A control's `Rc<Node>`, `Send` and `Sync` only so that the compiler's
/// "cannot be sent between threads" message names the control and its
/// `PhantomData<*const ()>`, the one reason it gives, instead of this module.
#[derive(Clone)]
pub struct Local<T>(pub(crate) T);

// SAFETY: a Local is only ever a field of a control type, which is !Send and
// !Sync through its own PhantomData<*const ()>: the value never changes thread.
unsafe impl<T> Send for Local<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for Local<T> {}

impl<T> std::ops::Deref for Local<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

pub struct Node {
    ptr: *mut sys::uiControl,
    alive: Cell<bool>,
    is_window: bool,
    /// Ownership only: a container keeps its children's handles, and with
    /// them their closures, alive while C holds them.  Unordered: which child
    /// sits where, who the parent is and whether a child may be adopted are
    /// C's answers (`uixControlChild`, `uiControlParent`, `uixControlCanAdopt`).
    children: RefCell<Vec<Rc<Node>>>,
    /// Closures handed to C, one per event name; replaced ones are retired.
    handlers: RefCell<Vec<(&'static str, Box<dyn Any>)>>,
}

impl Node {
    pub(crate) fn new(ptr: *mut sys::uiControl, is_window: bool) -> Rc<Node> {
        // Constructors take &Ui, so C is initialised and on its thread: NULL is a bug of this crate.
        assert!(!ptr.is_null(), "zt-libui bug: libui returned NULL for a new control");
        Rc::new(Node {
            ptr,
            alive: Cell::new(true),
            is_window,
            children: RefCell::new(Vec::new()),
            handlers: RefCell::new(Vec::new()),
        })
    }

    /// The C control while it is alive.
    pub(crate) fn ptr<T>(&self) -> Option<*mut T> {
        self.alive.get().then_some(self.ptr.cast())
    }

    pub(crate) fn alive(&self) -> bool {
        self.alive.get()
    }

    /// Keeps `child` (C has just adopted it).
    pub(crate) fn adopt(&self, child: &Rc<Node>) {
        self.children.borrow_mut().push(child.clone());
    }

    /// Whether C has `child` in `self` (both alive).
    pub(crate) fn is_parent_of(&self, child: &Node) -> bool {
        let (Some(me), Some(c)) = (self.ptr::<sys::uiControl>(), child.ptr::<sys::uiControl>()) else { return false };
        // SAFETY: a live control on the UI thread.
        unsafe { sys::uiControlParent(c) == me }
    }

    /// The C control at `index` in this container's order, as C says it is.
    pub(crate) fn child_at(&self, index: usize) -> Option<*mut sys::uiControl> {
        let me = self.ptr::<sys::uiControl>()?;
        let index = std::ffi::c_int::try_from(index).ok()?;
        // SAFETY: a live control on the UI thread; C answers NULL for no child.
        let c = unsafe { sys::uixControlChild(me, index) };
        (!c.is_null()).then_some(c)
    }

    /// Forgets the child whose C control is `c` (C has just let it go).
    pub(crate) fn release(&self, c: Option<*mut sys::uiControl>) -> Option<Rc<Node>> {
        let c = c?;
        let mut children = self.children.borrow_mut();
        let i = children.iter().position(|n| n.ptr == c && n.alive.get())?;
        Some(children.swap_remove(i))
    }

    /// Destroys the C control and its children, then marks the subtree dead.
    pub(crate) fn destroy(&self) {
        if !self.alive.get() {
            return;
        }
        // SAFETY: alive, so the C control exists; C destroys the children with it.
        unsafe { sys::uiControlDestroy(self.ptr) };
        self.mark_dead();
    }

    fn mark_dead(&self) {
        self.alive.set(false);
        for (_, handler) in self.handlers.borrow_mut().drain(..) {
            panic::retire(handler);
        }
        for child in self.children.borrow_mut().drain(..) {
            child.mark_dead();
        }
    }

    /// Stores `handler` for `event` and returns the pointer C gets; the one it
    /// replaces is freed once no callback runs.
    pub(crate) fn keep<H: 'static>(&self, event: &'static str, handler: Box<H>) -> *mut c_void {
        let p = &*handler as *const H as *mut c_void;
        let mut handlers = self.handlers.borrow_mut();
        if let Some(i) = handlers.iter().position(|(e, _)| *e == event) {
            let (_, old) = handlers.remove(i);
            panic::retire(old);
        }
        handlers.push((event, handler));
        p
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        // The last handle to a control nobody owns: nothing can show it again.
        // Windows are owned by the open-window list until destroyed.
        if self.alive.get() && !self.is_window {
            self.destroy();
        }
    }
}

/// A control's event closure; `RefCell` so a re-entered event is skipped
/// instead of aliased.
type Callback<T, R> = RefCell<Box<dyn FnMut(&T) -> R>>;

/// A closure of a control's event, with a weak way back to the control.
pub(crate) struct Handler<T, R> {
    f: Callback<T, R>,
    node: Weak<Node>,
    wrap: fn(Rc<Node>) -> T,
}

impl<T: 'static, R: 'static> Handler<T, R> {
    pub(crate) fn install(
        node: &Rc<Node>,
        event: &'static str,
        wrap: fn(Rc<Node>) -> T,
        f: impl FnMut(&T) -> R + 'static,
    ) -> *mut c_void {
        node.keep(event, Box::new(Handler { f: RefCell::new(Box::new(f)), node: Rc::downgrade(node), wrap }))
    }

    /// Calls the closure behind `data` (from a C callback); `fallback` when
    /// the control is gone, the closure is already running, or it panicked.
    ///
    /// # Safety
    /// `data` must come from [`Handler::install`] with the same `T` and `R`.
    pub(crate) unsafe fn fire(data: *mut c_void, fallback: R) -> R
    where
        R: Copy,
    {
        panic::wrap(fallback, || {
            // SAFETY: the handler lives in its node's list, or in the
            // graveyard until this callback returns.
            let handler = unsafe { &*(data as *const Handler<T, R>) };
            let Some(node) = handler.node.upgrade().filter(|n| n.alive()) else { return fallback };
            let Ok(mut f) = handler.f.try_borrow_mut() else { return fallback };
            f(&(handler.wrap)(node))
        })
    }
}

/// A C callback of the `void (*)(T *sender, void *data)` shape that fires the closure installed
/// with [`Handler::install`] for the wrapper type.
macro_rules! event_trampoline {
    ($name:ident, $c_type:ty, $wrapper:ty) => {
        unsafe extern "C" fn $name(_: *mut $c_type, data: *mut std::ffi::c_void) {
            // SAFETY: data was installed by Handler::install with this wrapper type and ().
            unsafe { $crate::node::Handler::<$wrapper, ()>::fire(data, ()) }
        }
    };
}
pub(crate) use event_trampoline;

/// Text for C.  A NUL byte, which C would stop at, becomes U+FFFD so the rest
/// of the text still shows.
pub(crate) fn c_text(text: &str) -> CString {
    CString::new(text.replace('\0', "\u{FFFD}")).expect("NUL bytes were replaced")
}

/// Takes a string the library allocated and frees it.
pub(crate) fn take_text(p: *mut c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the library returns NUL-terminated text to be freed with uiFreeText.
    unsafe {
        let text = CStr::from_ptr(p).to_string_lossy().into_owned();
        sys::uiFreeText(p);
        text
    }
}
