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
//! enum Action { Hello, Mute, Quit }
//!
//! fn menu(muted: bool) -> Vec<MenuItem<Action>> {
//!     vec![
//!         MenuItem::label("Status: fine").disabled(),
//!         MenuItem::separator(),
//!         MenuItem::action("Say hello", Action::Hello),
//!         MenuItem::action("Mute", Action::Mute).checked(muted),
//!         MenuItem::action("Quit", Action::Quit),
//!     ]
//! }
//!
//! let icon = Icon::from_rgba([0, 120, 255, 255].repeat(32 * 32), 32, 32)?;
//! let mut muted = false;
//! let tray = Tray::builder(icon)
//!     .tooltip("Example")
//!     .menu(menu(muted))
//!     // The handler gets its own tray: changing it is one line.
//!     .on_event(move |event, tray| match event {
//!         Event::Menu(Action::Hello) => println!("hello"),
//!         Event::Menu(Action::Mute) => {
//!             muted = !muted; // the check mark shows what the menu says
//!             let _ = tray.set_menu(menu(muted));
//!         }
//!         Event::Menu(Action::Quit) => zt_tray::exit_loop(),
//!         Event::IconClicked | Event::MiddleClicked | Event::Scrolled { .. } => {}
//!     })
//!     .build()?;
//! tray.set_tooltip("Example: running")?;
//! tray.run(); // this crate's own loop; see below for a program with windows
//! # Ok::<(), zt_tray::Error>(())
//! ```
//!
//! A tray with no menu needs no type annotation: the action type is `()`
//! until [`TrayBuilder::menu`] gives entries of another.
//!
//! ```no_run
//! let icon = zt_tray::Icon::from_rgba(vec![255; 16 * 16 * 4], 16, 16)?;
//! let tray = zt_tray::Tray::builder(icon).tooltip("Just an icon").build()?;
//! # Ok::<(), zt_tray::Error>(())
//! ```
//!
//! # What each backend shows
//!
//! | feature | Windows (`Shell_NotifyIcon`) | Linux, StatusNotifierItem (KDE, GNOME with the AppIndicator extension, Xfce, waybar, ...) | Linux, XEmbed fallback (trays without a watcher) |
//! | --- | --- | --- | --- |
//! | [`Event::IconClicked`] | left click (and Enter/Space on the icon) | left click (`Activate`), where the host sends it; GNOME's extension does | left click |
//! | [`Event::MiddleClicked`] | middle click | `SecondaryActivate`, where the host sends it | middle click |
//! | [`Event::Scrolled`] | never: the shell passes no wheel messages to notification icons | `Scroll`, delta and orientation as the host sends them | 120 per notch |
//! | menu | right click | the host's menu from dbusmenu | right click |
//! | tooltip ([`Tray::set_tooltip`]) | on hover, 127 UTF-16 units at most | the `ToolTip` property; shown where the host shows tooltips (KDE, Xfce; not GNOME's extension) | on hover |
//! | icon sizes, HiDPI ([`Icon::from_sizes`]) | the smallest size at least the small-icon size at the monitor's DPI, picked again on `WM_DPICHANGED` (at the new DPI) and `TaskbarCreated` | every size offered as `IconPixmap`; the host picks for its panel size and scale | the smallest size at least the panel's icon size (else the largest); GTK scales |
//! | attention ([`Tray::set_attention`]) | the attention icon in place of the icon | `Status` NeedsAttention with `AttentionIconPixmap` | the attention icon in place of the icon |
//! | check items | yes (not toggled by a click, see below) | yes | yes |
//! | radio items ([`MenuItem::radio`]) | `MFT_RADIOCHECK` | `toggle-type` radio | yes |
//! | icons in menu items ([`MenuItem::icon`]) | yes | yes (PNG `icon-data`) | at 16 px, on items other than check and radio items (those show their mark) |
//! | keyboard accelerators shown in the menu ([`MenuItem::accelerator`]) | after a tab in the item, right-aligned (`Ctrl+Shift+Q`) | dbusmenu `shortcut`; drawn where the host draws shortcuts | GTK accelerator label |
//! | dark popup menu (Windows 10/11 app theme) | follows the system's app mode from Windows 10 1809 on (uxtheme's ordinals 135, 133, 136, looked up at run time); light where they are missing | the host's theme | GTK's theme |
//! | notifications ([`Tray::notify`]) | balloon / toast | `org.freedesktop.Notifications` | `org.freedesktop.Notifications` |
//!
//! # Check items
//!
//! The menu is data, and the tray shows exactly what it says: a check item
//! does not toggle itself when clicked.  The handler decides (the click may
//! be refused, or its effect may fail) and shows the new state with
//! `tray.set_menu(..)`, as `Mute` does above.
//!
//! # Constructors and errors
//!
//! Every fallible call returns [`Result`] with [`Error`]: [`Icon::from_rgba`]
//! checks the pixels, [`TrayBuilder::build`] reports the platform, a second
//! tray ([`Error::AlreadyShown`]) and the wrong thread ([`Error::WrongThread`])
//! instead of panicking, and every method of a closed tray is
//! [`Error::Closed`].  Menu items are plain data and cannot fail.
//!
//! # With windows: one loop, one quit
//!
//! In a program with zt-libui windows, run only `Ui::main`: its loop serves
//! the tray too (GTK's main context on Linux, the thread's message queue on
//! Windows).  Quit with `zt_libui::quit()`, then drop the [`Tray`], which
//! removes the icon; do not call [`exit_loop`] or [`Tray::run`] there.
//! Enable this crate's `libui` feature (`zt-tray = { version = "0.1",
//! features = ["libui"] }`): a panic in the handler then stops `Ui::main`
//! and is raised from it, like a panic in any window callback.
//! `examples/tray_with_window.rs` in the repository is such a program, with
//! a worker thread updating a window through `Ui::channel`; the test command
//! runs it on Linux and under Wine.
//!
//! A panic inside the handler does not unwind into C.  In order, it goes to
//! the [`on_panic`](TrayBuilder::on_panic) hook when one is set; with the
//! `libui` feature, outside this crate's own loop and while a `zt_libui::Ui`
//! lives on the thread, to that loop, which stops and raises it from
//! `Ui::main`; otherwise it is kept and raised again on this thread when
//! control is back in this crate ([`Tray::pump`], [`Tray::run`], or the next
//! call on the tray).
//!
//! [`Tray`] and [`TrayHandle`] cannot be sent to another thread; the
//! compiler says so in terms of the public types:
//!
//! ```compile_fail
//! # let icon = zt_tray::Icon::from_rgba(vec![255; 16 * 16 * 4], 16, 16).unwrap();
//! let tray = zt_tray::Tray::builder(icon).build().unwrap();
//! let handle = tray.handle();
//! std::thread::spawn(move || handle.set_tooltip("from a worker"));
//! ```

mod built;
mod error;
mod icon;
mod menu;
mod panic;

use std::any::Any;
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

/// The event handler's type: it gets the event and a handle to its own tray,
/// so `tray.set_menu(..)` inside it is one line.
type HandlerFn<A> = dyn FnMut(Event<A>, &TrayHandle<A>);

/// What a handler panic is handed to instead of being kept (see [`TrayBuilder::on_panic`]).
type PanicFn = dyn Fn(Box<dyn Any + Send>);

/// Builds a [`Tray`]; see the crate example.  `H` records whether
/// [`on_event`](TrayBuilder::on_event) was called, so that a menu of another
/// action type cannot silently drop a handler written for the old one.
pub struct TrayBuilder<A, H = NoHandler> {
    icon: Icon,
    tooltip: String,
    menu: Vec<MenuItem<A>>,
    handler: H,
    on_panic: Option<Box<PanicFn>>,
}

/// A [`TrayBuilder`] whose handler is not set yet: events are ignored.
pub struct NoHandler;

/// A [`TrayBuilder`] whose handler is set.
pub struct WithHandler<A>(Box<HandlerFn<A>>);

impl<A: Clone + 'static, H> TrayBuilder<A, H> {
    pub fn tooltip(mut self, text: impl Into<String>) -> Self {
        self.tooltip = text.into();
        self
    }

    /// Hands a panic of the event handler to `f` instead of keeping it for
    /// the next call into this crate.  For a loop other than this crate's
    /// and zt-libui's (which the `libui` feature serves without a hook, see
    /// the crate docs): pass the panic to that loop so it stops and raises it.
    pub fn on_panic(mut self, f: impl Fn(Box<dyn Any + Send>) + 'static) -> Self {
        self.on_panic = Some(Box::new(f));
        self
    }

    fn with_handler(self, handler: Box<HandlerFn<A>>) -> Result<Tray<A>, Error> {
        panic::check();
        let Self { icon, tooltip, menu, on_panic, .. } = self;
        let inner = Rc::new_cyclic(|weak| Inner {
            current: RefCell::new(None),
            shown: RefCell::new(Shown { icon, tooltip, menu, attention: None }),
            dispatch: Dispatch::new(handler, TrayHandle::from_weak(weak.clone())),
        });
        let next = inner.build(&inner.shown.borrow())?;
        inner.apply(next, |t| {
            // SAFETY: the tray and all it points to live in `inner` until replaced or exited.
            unsafe { sys::tray_init(t) }
        })?;
        panic::set_hook(on_panic);
        Ok(Tray { inner: Local(inner), _ui_thread: PhantomData })
    }
}

impl<A: Clone + 'static> TrayBuilder<A, NoHandler> {
    /// The menu; its entries' action type becomes the tray's (call it before
    /// [`on_event`](Self::on_event), whose handler takes that type).
    pub fn menu<B: Clone + 'static>(self, menu: Vec<MenuItem<B>>) -> TrayBuilder<B, NoHandler> {
        let Self { icon, tooltip, handler, on_panic, .. } = self;
        TrayBuilder { icon, tooltip, menu, handler, on_panic }
    }

    /// The one handler for menu choices and icon clicks (on this thread),
    /// with a handle to its own tray.
    pub fn on_event(self, handler: impl FnMut(Event<A>, &TrayHandle<A>) + 'static) -> TrayBuilder<A, WithHandler<A>> {
        let Self { icon, tooltip, menu, on_panic, .. } = self;
        TrayBuilder { icon, tooltip, menu, handler: WithHandler(Box::new(handler)), on_panic }
    }

    /// Shows the icon, with a handler that ignores events; see
    /// [`TrayBuilder::<A, WithHandler<A>>::build`](TrayBuilder::build) for the errors.
    pub fn build(self) -> Result<Tray<A>, Error> {
        self.with_handler(Box::new(|_, _| {}))
    }
}

impl<A: Clone + 'static> TrayBuilder<A, WithHandler<A>> {
    /// Replaces the menu (same action type as the handler).
    pub fn menu(mut self, menu: Vec<MenuItem<A>>) -> Self {
        self.menu = menu;
        self
    }

    /// Shows the icon.  Only one tray can exist per process
    /// ([`Error::AlreadyShown`] otherwise); on Linux and the BSDs only the
    /// main thread may build it ([`Error::WrongThread`] otherwise).
    pub fn build(self) -> Result<Tray<A>, Error> {
        let Self { icon, tooltip, menu, handler, on_panic } = self;
        TrayBuilder { icon, tooltip, menu, handler: NoHandler, on_panic }.with_handler(handler.0)
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
    inner: Local<Rc<Inner<A>>>,
    _ui_thread: PhantomData<*const ()>,
}

/// A weak reference to the tray: the event handler gets one (it cannot own
/// the tray it belongs to).  Calls fail with [`Error::Closed`] once the tray
/// is gone.
pub struct TrayHandle<A> {
    inner: Local<Weak<Inner<A>>>,
    _ui_thread: PhantomData<*const ()>,
}

/// Keeps the crate's private types out of the compiler's "cannot be sent
/// between threads" messages: the one reason [`Tray`] and [`TrayHandle`] are
/// `!Send` and `!Sync` it names is their public `PhantomData<*const ()>`.
struct Local<T>(T);

// SAFETY: a Local is only ever a field of a type that is !Send and !Sync
// through its own marker, so the value never reaches another thread.
unsafe impl<T> Send for Local<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for Local<T> {}

impl<T> std::ops::Deref for Local<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<A> Clone for TrayHandle<A> {
    fn clone(&self) -> Self {
        TrayHandle::from_weak(self.inner.0.clone())
    }
}

impl<A> TrayHandle<A> {
    fn from_weak(inner: Weak<Inner<A>>) -> Self {
        TrayHandle { inner: Local(inner), _ui_thread: PhantomData }
    }
}

impl Tray<()> {
    /// Starts a tray showing `icon`, with no tooltip, no menu and a handler
    /// that ignores events.  The action type is `()` until
    /// [`menu`](TrayBuilder::menu) gives entries of the application's own, so
    /// a tray without a menu needs no type annotation.
    pub fn builder(icon: Icon) -> TrayBuilder<()> {
        TrayBuilder { icon, tooltip: String::new(), menu: Vec::new(), handler: NoHandler, on_panic: None }
    }
}

impl<A: Clone + 'static> Tray<A> {
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
        TrayHandle::from_weak(Rc::downgrade(&self.inner))
    }

    /// Runs one iteration of the library's own event loop; false once
    /// [`exit_loop`] was called.  Not needed when another main loop (GTK's,
    /// libui's, a Win32 message loop) runs on this thread.
    pub fn pump(&self, blocking: bool) -> bool {
        // SAFETY: plain call on the thread that created the tray.
        let going = panic::in_own_loop(|| unsafe { sys::tray_loop(i32::from(blocking)) }) == 0;
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
        panic::set_hook(None);
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
