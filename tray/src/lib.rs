//! A system-tray icon with a menu and desktop notifications, over the C
//! library in `zt-tray-sys` (Win32 `Shell_NotifyIcon` on Windows,
//! StatusNotifierItem with dbusmenu over D-Bus on Linux).
//!
//! The menu is plain data: every entry carries a value of the application's
//! own action type, and one event handler receives the action of the entry
//! the user chose.  Everything runs on the thread that created the tray (the
//! C library calls back there), so [`Tray`] is `!Send`.
//!
//! # Threads
//!
//! The tray belongs to the thread that built it, and on Linux and the BSDs
//! that must be the process's main thread, which GTK needs: elsewhere
//! [`TrayBuilder::build`] returns [`Error::WrongThread`].  [`Tray`] and
//! [`TrayHandle`] cannot leave that thread.  [`exit_loop`] is the one free
//! function; from any other thread it does nothing (the C library prints one
//! line about it on stderr), so a worker asks the UI thread to end the loop
//! (for example through `zt_libui::UiHandle::queue`).
//!
//! ```no_run
//! use zt_tray::{Event, Icon, MenuItem, Tray};
//!
//! #[derive(Clone, Debug, PartialEq)]
//! enum Action { Hello, Quit }
//!
//! let icon = Icon::from_rgba([0, 120, 255, 255].repeat(32 * 32), 32, 32)?;
//! let tray = Tray::builder(icon)
//!     .tooltip("Example")
//!     .menu(vec![
//!         MenuItem::label("Status: fine").disabled(),
//!         MenuItem::separator(),
//!         MenuItem::action("Say hello", Action::Hello),
//!         MenuItem::action("Quit", Action::Quit),
//!     ])
//!     .on_event(|event| match event {
//!         Event::Menu(Action::Hello) => println!("hello"),
//!         Event::Menu(Action::Quit) => zt_tray::exit_loop(),
//!         Event::IconClicked | Event::MiddleClicked | Event::Scrolled { .. } => {}
//!     })
//!     .build()?;
//! tray.set_tooltip("Example: running")?;
//! tray.run(); // or serve it from another main loop on this thread
//! # Ok::<(), zt_tray::Error>(())
//! ```
//!
//! A panic inside the handler does not unwind into C: it is kept and raised
//! again on this thread when control is back in this crate ([`Tray::pump`],
//! [`Tray::run`], or the next call on the tray).

mod built;
mod error;
mod icon;
mod menu;
mod panic;

use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::{Rc, Weak};

use zt_tray_sys as sys;

use built::{retire, Built, Dispatch};
pub use error::Error;
pub use icon::{Icon, MAX_ICON_SIDE, MAX_ICON_SIZES};
pub use menu::{Entry, Event, MenuItem};

/// The deepest submenu nesting the C library accepts.
pub const MAX_DEPTH: u32 = sys::TRAY_MAX_DEPTH as u32;
/// The most entries (all levels together) the C library accepts.
pub const MAX_ITEMS: u32 = sys::TRAY_MAX_ITEMS as u32;

/// Builds a [`Tray`]; see the crate example.
pub struct TrayBuilder<A> {
    icon: Icon,
    tooltip: String,
    menu: Vec<MenuItem<A>>,
    handler: Box<dyn FnMut(Event<A>)>,
}

impl<A: Clone + 'static> TrayBuilder<A> {
    pub fn tooltip(mut self, text: impl Into<String>) -> Self {
        self.tooltip = text.into();
        self
    }

    pub fn menu(mut self, menu: Vec<MenuItem<A>>) -> Self {
        self.menu = menu;
        self
    }

    /// The one handler for menu choices and icon clicks (on this thread).
    pub fn on_event(mut self, handler: impl FnMut(Event<A>) + 'static) -> Self {
        self.handler = Box::new(handler);
        self
    }

    /// Shows the icon.  Only one tray can exist per process
    /// ([`Error::AlreadyShown`] otherwise); on Linux and the BSDs only the
    /// main thread may build it ([`Error::WrongThread`] otherwise).
    pub fn build(self) -> Result<Tray<A>, Error> {
        panic::check();
        let inner = Rc::new(Inner {
            current: RefCell::new(None),
            shown: RefCell::new(Shown { icon: self.icon, tooltip: self.tooltip, menu: self.menu, attention: None }),
            dispatch: Dispatch::new(self.handler),
        });
        let next = inner.build(&inner.shown.borrow())?;
        inner.apply(next, |t| {
            // SAFETY: the tray and all it points to live in `inner` until replaced or exited.
            unsafe { sys::tray_init(t) }
        })?;
        Ok(Tray { inner, _ui_thread: PhantomData })
    }
}

/// What is on screen, kept so one part can change without restating the rest.
struct Shown<A> {
    icon: Icon,
    tooltip: String,
    menu: Vec<MenuItem<A>>,
    /// The attention picture while the tray asks for attention.
    attention: Option<Icon>,
}

struct Inner<A> {
    current: RefCell<Option<Built>>,
    shown: RefCell<Shown<A>>,
    dispatch: Rc<Dispatch<A>>,
}

impl<A: Clone + 'static> Inner<A> {
    fn build(&self, shown: &Shown<A>) -> Result<Built, Error> {
        let mut built = Built::new(&shown.icon, &shown.tooltip, &shown.menu, &self.dispatch)?;
        if let Some(icon) = &shown.attention {
            built.set_attention(icon)?;
        }
        Ok(built)
    }

    /// Hands `next` to the C library with `call`, then retires the old tree.
    fn apply(&self, mut next: Built, call: impl FnOnce(*mut sys::tray) -> i32) -> Result<(), Error> {
        Error::check(call(&mut *next.tray))?;
        if let Some(old) = self.current.borrow_mut().replace(next) {
            retire(old);
        }
        Ok(())
    }

    /// Changes one part of what is shown; on error nothing changes.
    fn change(&self, edit: impl FnOnce(&mut Shown<A>)) -> Result<(), Error> {
        panic::check();
        if self.current.borrow().is_none() {
            return Err(Error::Closed);
        }
        let mut candidate = self.shown.borrow().clone();
        edit(&mut candidate);
        let next = self.build(&candidate)?;
        // SAFETY: as in build(); the old tree is freed only after the library let go of it.
        self.apply(next, |t| unsafe { sys::tray_update(t) })?;
        *self.shown.borrow_mut() = candidate;
        Ok(())
    }

    /// A new icon; showing the same one again costs nothing (the app sets
    /// it on every refresh).
    fn set_icon(&self, icon: Icon) -> Result<(), Error> {
        if self.unchanged(|s| s.icon == icon)? {
            return Ok(());
        }
        self.change(|s| s.icon = icon)
    }

    fn set_attention(&self, icon: Option<Icon>) -> Result<(), Error> {
        if self.unchanged(|s| s.attention == icon)? {
            return Ok(());
        }
        self.change(|s| s.attention = icon)
    }

    fn set_tooltip(&self, text: &str) -> Result<(), Error> {
        if self.unchanged(|s| s.tooltip == text)? {
            return Ok(());
        }
        self.change(|s| s.tooltip = text.to_string())
    }

    /// Whether what is shown already satisfies `same`; the same checks as a change.
    fn unchanged(&self, same: impl FnOnce(&Shown<A>) -> bool) -> Result<bool, Error> {
        panic::check();
        if self.current.borrow().is_none() {
            return Err(Error::Closed);
        }
        Ok(same(&self.shown.borrow()))
    }

    fn notify(&self, title: &str, body: &str) -> Result<(), Error> {
        panic::check();
        if self.current.borrow().is_none() {
            return Err(Error::Closed);
        }
        let (title, body) = (built::c_string(title)?, built::c_string(body)?);
        // SAFETY: both strings outlive the call; the library copies them.
        Error::check(unsafe { sys::tray_notify(title.as_ptr(), body.as_ptr()) })
    }
}

/// The tray icon; dropping it removes the icon.
pub struct Tray<A: Clone + 'static> {
    inner: Rc<Inner<A>>,
    _ui_thread: PhantomData<*const ()>,
}

/// A weak reference to the tray, for the event handler (which cannot own the
/// tray it belongs to).  Calls fail with [`Error::Closed`] once the tray is gone.
pub struct TrayHandle<A: Clone + 'static> {
    inner: Weak<Inner<A>>,
}

impl<A: Clone + 'static> Clone for TrayHandle<A> {
    fn clone(&self) -> Self {
        TrayHandle { inner: self.inner.clone() }
    }
}

impl<A: Clone + 'static> Tray<A> {
    /// Starts a tray showing `icon`, with no tooltip, no menu and a handler
    /// that ignores events.
    pub fn builder(icon: Icon) -> TrayBuilder<A> {
        TrayBuilder { icon, tooltip: String::new(), menu: Vec::new(), handler: Box::new(|_| {}) }
    }

    /// Replaces the whole menu (safe inside the event handler).
    pub fn set_menu(&self, menu: Vec<MenuItem<A>>) -> Result<(), Error> {
        self.inner.change(|s| s.menu = menu)
    }

    pub fn set_icon(&self, icon: Icon) -> Result<(), Error> {
        self.inner.set_icon(icon)
    }

    /// Asks for the user's attention with `Some(icon)`, or stops with `None`.
    /// Linux: the item's Status becomes NeedsAttention and `icon` is its
    /// attention icon (the panel decides how to show it); Windows, which has
    /// no such state, shows `icon` in place of the tray's icon.  The icon
    /// must be made of pixels ([`Error::Icon`] for a file icon).
    pub fn set_attention(&self, icon: Option<Icon>) -> Result<(), Error> {
        self.inner.set_attention(icon)
    }

    /// Sets the hover text; Windows shows at most 127 UTF-16 units, and the C
    /// library cuts longer text on a character boundary.
    pub fn set_tooltip(&self, text: &str) -> Result<(), Error> {
        self.inner.set_tooltip(text)
    }

    /// Shows a desktop notification (a balloon on Windows).
    pub fn notify(&self, title: &str, body: &str) -> Result<(), Error> {
        self.inner.notify(title, body)
    }

    /// A weak reference for the event handler.
    pub fn handle(&self) -> TrayHandle<A> {
        TrayHandle { inner: Rc::downgrade(&self.inner) }
    }

    /// Runs one iteration of the library's own event loop; false once
    /// [`exit_loop`] was called.  Not needed when another main loop (GTK's,
    /// libui's, a Win32 message loop) runs on this thread.
    pub fn pump(&self, blocking: bool) -> bool {
        // SAFETY: plain call on the thread that created the tray.
        let going = unsafe { sys::tray_loop(i32::from(blocking)) } == 0;
        panic::check();
        going
    }

    /// Runs the library's own event loop until [`exit_loop`].
    pub fn run(&self) {
        while self.pump(true) {}
    }

    /// Raises a panic caught in the event handler, if any.  Useful after a
    /// foreign main loop returns; every other method does it on entry.
    pub fn resume_panic(&self) {
        panic::check();
    }
}

impl<A: Clone + 'static> TrayHandle<A> {
    fn get(&self) -> Result<Rc<Inner<A>>, Error> {
        self.inner.upgrade().ok_or(Error::Closed)
    }

    pub fn set_menu(&self, menu: Vec<MenuItem<A>>) -> Result<(), Error> {
        self.get()?.change(|s| s.menu = menu)
    }

    pub fn set_icon(&self, icon: Icon) -> Result<(), Error> {
        self.get()?.set_icon(icon)
    }

    pub fn set_tooltip(&self, text: &str) -> Result<(), Error> {
        self.get()?.set_tooltip(text)
    }

    pub fn set_attention(&self, icon: Option<Icon>) -> Result<(), Error> {
        self.get()?.set_attention(icon)
    }

    pub fn notify(&self, title: &str, body: &str) -> Result<(), Error> {
        self.get()?.notify(title, body)
    }
}

/// Makes [`Tray::run`] return (and [`Tray::pump`] answer false) and removes
/// the icon; call it from the event handler.  Called on any thread but the
/// tray's, it does nothing (the C library prints one line on stderr).
pub fn exit_loop() {
    // SAFETY: tray_exit is a no-op when no tray is shown, and ignores calls
    // from threads other than the tray's.
    unsafe { sys::tray_exit() };
}

impl<A: Clone + 'static> Drop for Tray<A> {
    fn drop(&mut self) {
        // SAFETY: after tray_exit the library holds no pointer into our trees.
        unsafe { sys::tray_exit() };
        if let Some(old) = self.inner.current.borrow_mut().take() {
            retire(old);
        }
    }
}

impl<A: Clone> Clone for Shown<A> {
    fn clone(&self) -> Self {
        Shown {
            icon: self.icon.clone(),
            tooltip: self.tooltip.clone(),
            menu: self.menu.clone(),
            attention: self.attention.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_icons;
