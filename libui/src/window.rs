//! Top-level windows and message boxes.

use std::cell::RefCell;
use std::ffi::{c_int, c_void};
use std::rc::Rc;

use zt_libui_sys as sys;

use std::marker::PhantomData;

use crate::node::{c_text, event_trampoline, take_text, Handler, Local, Node};
use crate::{check_adopt, Control, Error, Ui};

/// A top-level window.  It stays open until the user closes it (and the
/// `on_closing` handler agrees) or [`Window::destroy`] is called.
#[derive(Clone)]
pub struct Window(Local<Rc<Node>>, PhantomData<*const ()>);

thread_local! {
    /// Open windows: they live on without a Rust handle, as on screen.
    static OPEN: RefCell<Vec<Rc<Node>>> = const { RefCell::new(Vec::new()) };
}

impl Window {
    fn wrap(node: Rc<Node>) -> Self {
        Window(Local(node), PhantomData)
    }
}

impl Control for Window {
    fn node(&self) -> &Rc<Node> {
        &self.0
    }
}

impl Window {
    /// A hidden window with a content area of `width` × `height`; call
    /// [`Control::show`].  Closing it destroys it unless `on_closing` says no.
    pub fn new(_ui: &Ui, title: &str, width: i32, height: i32, has_menubar: bool) -> Window {
        // SAFETY: the library copies the title.
        let ptr = unsafe { sys::uiNewWindow(c_text(title).as_ptr(), width, height, c_int::from(has_menubar)) };
        let window = Window::wrap(Node::new(ptr.cast(), true));
        OPEN.with(|o| o.borrow_mut().push(Rc::clone(&window.0)));
        window.on_closing(|_| true);
        window
    }

    pub fn title(&self) -> String {
        // SAFETY: alive window.
        self.0.ptr().map_or_else(String::new, |w| take_text(unsafe { sys::uiWindowTitle(w) }))
    }

    pub fn set_title(&self, title: &str) {
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window.
            unsafe { sys::uiWindowSetTitle(w, c_text(title).as_ptr()) }
        }
    }

    pub fn content_size(&self) -> (i32, i32) {
        let (mut width, mut height) = (0, 0);
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window, valid out pointers.
            unsafe { sys::uiWindowContentSize(w, &mut width, &mut height) }
        }
        (width, height)
    }

    pub fn set_content_size(&self, width: i32, height: i32) {
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window.
            unsafe { sys::uiWindowSetContentSize(w, width, height) }
        }
    }

    pub fn margined(&self) -> bool {
        // SAFETY: alive window.
        self.0.ptr().is_some_and(|w| unsafe { sys::uiWindowMargined(w) } != 0)
    }

    pub fn set_margined(&self, margined: bool) {
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window.
            unsafe { sys::uiWindowSetMargined(w, c_int::from(margined)) }
        }
    }

    pub fn resizeable(&self) -> bool {
        // SAFETY: alive window.
        self.0.ptr().is_some_and(|w| unsafe { sys::uiWindowResizeable(w) } != 0)
    }

    pub fn set_resizeable(&self, resizeable: bool) {
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window.
            unsafe { sys::uiWindowSetResizeable(w, c_int::from(resizeable)) }
        }
    }

    /// Puts `child` in the window; a previous child is destroyed unless
    /// something else still holds it.
    pub fn set_child(&self, child: &dyn Control) -> Result<(), Error> {
        let c = check_adopt(&self.0, child)?;
        let w = self.0.ptr::<sys::uiWindow>().ok_or(Error::Destroyed)?;
        let old = self.0.child_at(0);
        // SAFETY: both alive, child free, no cycle.
        unsafe { sys::uiWindowSetChild(w, c) };
        self.0.release(old);
        self.0.adopt(child.node());
        Ok(())
    }

    /// Replaces the handler asked when the user closes the window: true
    /// closes (destroys) it, false keeps it open.
    pub fn on_closing(&self, f: impl FnMut(&Window) -> bool + 'static) {
        let Some(w) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "closing", Window::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiWindowOnClosing(w, Some(window_closing), data) }
    }

    /// Replaces the handler called after the user resized the window.
    pub fn on_content_size_changed(&self, f: impl FnMut(&Window) + 'static) {
        let Some(w) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "size", Window::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiWindowOnContentSizeChanged(w, Some(window_event), data) }
    }

    /// The top left corner's position on the screen, in screen pixels.
    pub fn position(&self) -> (i32, i32) {
        let (mut x, mut y) = (0, 0);
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window, valid out pointers.
            unsafe { sys::uiWindowPosition(w, &mut x, &mut y) }
        }
        (x, y)
    }

    /// Moves the window (a hint the system may ignore); `on_position_changed` is not called.
    pub fn set_position(&self, x: i32, y: i32) {
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window.
            unsafe { sys::uiWindowSetPosition(w, x, y) }
        }
    }

    /// Replaces the handler called after the user (or system) moved the window.
    pub fn on_position_changed(&self, f: impl FnMut(&Window) + 'static) {
        let Some(w) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "position", Window::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiWindowOnPositionChanged(w, Some(window_event), data) }
    }

    pub fn fullscreen(&self) -> bool {
        // SAFETY: alive window.
        self.0.ptr().is_some_and(|w| unsafe { sys::uiWindowFullscreen(w) } != 0)
    }

    /// Covers the whole monitor without a frame, or gives back the window's place.
    pub fn set_fullscreen(&self, fullscreen: bool) {
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window.
            unsafe { sys::uiWindowSetFullscreen(w, c_int::from(fullscreen)) }
        }
    }

    /// Whether the window is the active one, with the keyboard focus.
    pub fn focused(&self) -> bool {
        // SAFETY: alive window.
        self.0.ptr().is_some_and(|w| unsafe { sys::uiWindowFocused(w) } != 0)
    }

    /// Replaces the handler called when the window gains or loses the focus.
    pub fn on_focus_changed(&self, f: impl FnMut(&Window) + 'static) {
        let Some(w) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "focus", Window::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiWindowOnFocusChanged(w, Some(window_event), data) }
    }

    pub fn borderless(&self) -> bool {
        // SAFETY: alive window.
        self.0.ptr().is_some_and(|w| unsafe { sys::uiWindowBorderless(w) } != 0)
    }

    /// Removes or restores the title bar and frame; the content keeps its size.
    pub fn set_borderless(&self, borderless: bool) {
        if let Some(w) = self.0.ptr() {
            // SAFETY: alive window.
            unsafe { sys::uiWindowSetBorderless(w, c_int::from(borderless)) }
        }
    }

    /// The C window while it is open.
    pub(crate) fn ptr(&self) -> Option<*mut sys::uiWindow> {
        self.0.ptr()
    }

    /// Closes the window and destroys everything in it.
    pub fn destroy(&self) {
        OPEN.with(|o| o.borrow_mut().retain(|n| !Rc::ptr_eq(n, &self.0)));
        self.0.destroy();
    }
}

unsafe extern "C" fn window_closing(w: *mut sys::uiWindow, data: *mut c_void) -> c_int {
    // SAFETY: data was installed by on_closing with these types.
    let close = unsafe { Handler::<Window, bool>::fire(data, false) };
    if close {
        // Destroyed here rather than by libui, so the Rust side knows.
        if let Some(window) = find(w) {
            window.destroy();
        }
    }
    0
}

// The size, position and focus events: a handler with nothing to return.
event_trampoline!(window_event, sys::uiWindow, Window);

/// The open window whose C pointer is `w`.
pub(crate) fn find(w: *mut sys::uiWindow) -> Option<Window> {
    OPEN.with(|o| o.borrow().iter().find(|n| n.ptr::<sys::uiWindow>() == Some(w)).cloned()).map(Window::wrap)
}

/// Destroys every open window (the Ui is shutting down).
pub(crate) fn destroy_all() {
    let open = OPEN.with(|o| std::mem::take(&mut *o.borrow_mut()));
    for node in open {
        node.destroy();
    }
}
