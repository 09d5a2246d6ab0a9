//! Safe wrapper over `tray-sys`: an owned menu tree with closures, turned into the C
//! library's `tray`/`tray_menu` arrays. The C library keeps pointers into those arrays
//! until the next update, so each built tree lives in a `Built` that is dropped only
//! after the library has switched to the next one — and, when the switch happens inside
//! one of its own callbacks, only after that callback has returned.
//!
//! Everything here runs on the UI thread: the C library calls back on the thread that
//! called `tray_init`, so the types are `!Send`.

use std::cell::{Cell, RefCell};
use std::ffi::{c_void, CString};
use std::fmt;
use std::marker::PhantomData;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::ptr::{null, null_mut};
use std::rc::{Rc, Weak};

use zt_tray_sys as sys;

/// Why a tray call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A string holds a NUL byte, which C cannot carry.
    InteriorNul(String),
    /// A menu entry's text is exactly "-", which the C library reads as a separator.
    ReservedText,
    /// Pixel data does not match width × height × 4, or the C library rejected the icon.
    Icon,
    /// The menu is deeper or larger than the C library allows.
    Menu,
    /// Another tray is already shown (the C library holds one per process).
    AlreadyInit,
    /// The tray was closed.
    NotInit,
    OutOfMemory,
    /// The platform refused: no display, no shell, no session bus.
    Platform,
    /// A code this wrapper does not know (a newer C library).
    Other(i32),
}

impl Error {
    fn from_code(code: i32) -> Error {
        match code {
            sys::TRAY_ERR_ICON => Error::Icon,
            sys::TRAY_ERR_MENU => Error::Menu,
            sys::TRAY_ERR_NOT_INIT => Error::NotInit,
            sys::TRAY_ERR_ALREADY_INIT => Error::AlreadyInit,
            sys::TRAY_ERR_NOMEM => Error::OutOfMemory,
            sys::TRAY_ERR_PLATFORM => Error::Platform,
            // NULL and invalid UTF-8 cannot come from this wrapper's inputs.
            other => Error::Other(other),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InteriorNul(s) => write!(f, "text contains a NUL byte: {s:?}"),
            Error::ReservedText => write!(f, "a menu entry cannot be labelled \"-\" (that marks a separator)"),
            Error::Other(code) => {
                // SAFETY: tray_strerror returns a static NUL-terminated string for any code.
                let text = unsafe { std::ffi::CStr::from_ptr(sys::tray_strerror(*code)) };
                write!(f, "tray error {code}: {}", text.to_string_lossy())
            }
            other => {
                let code = match other {
                    Error::Icon => sys::TRAY_ERR_ICON,
                    Error::Menu => sys::TRAY_ERR_MENU,
                    Error::NotInit => sys::TRAY_ERR_NOT_INIT,
                    Error::AlreadyInit => sys::TRAY_ERR_ALREADY_INIT,
                    Error::OutOfMemory => sys::TRAY_ERR_NOMEM,
                    _ => sys::TRAY_ERR_PLATFORM,
                };
                // SAFETY: as above.
                let text = unsafe { std::ffi::CStr::from_ptr(sys::tray_strerror(code)) };
                f.write_str(&text.to_string_lossy())
            }
        }
    }
}

impl std::error::Error for Error {}

type Action = Box<dyn FnMut()>;

/// One line of a menu.
pub enum MenuItem {
    Separator,
    Entry(Entry),
}

/// A labelled menu entry; build with [`MenuItem::action`] and friends.
pub struct Entry {
    text: String,
    enabled: bool,
    /// `Some` makes a check item.
    checked: Option<bool>,
    action: Option<Action>,
    submenu: Vec<MenuItem>,
}

impl MenuItem {
    /// An entry that runs `f` on the UI thread when chosen.
    pub fn action(text: impl Into<String>, f: impl FnMut() + 'static) -> MenuItem {
        MenuItem::Entry(Entry {
            text: text.into(),
            enabled: true,
            checked: None,
            action: Some(Box::new(f)),
            submenu: Vec::new(),
        })
    }

    /// An entry that does nothing (a status line); usually combined with `disabled`.
    pub fn label(text: impl Into<String>) -> MenuItem {
        MenuItem::Entry(Entry { text: text.into(), enabled: true, checked: None, action: None, submenu: Vec::new() })
    }

    /// An entry that opens `items`.
    pub fn submenu(text: impl Into<String>, items: Vec<MenuItem>) -> MenuItem {
        MenuItem::Entry(Entry { text: text.into(), enabled: true, checked: None, action: None, submenu: items })
    }

    pub fn separator() -> MenuItem {
        MenuItem::Separator
    }

    /// Greys the entry out (no effect on a separator).
    pub fn disabled(mut self) -> MenuItem {
        if let MenuItem::Entry(e) = &mut self {
            e.enabled = false;
        }
        self
    }

    /// Makes the entry a check item in the given state.
    pub fn checkbox(mut self, checked: bool) -> MenuItem {
        if let MenuItem::Entry(e) = &mut self {
            e.checked = Some(checked);
        }
        self
    }
}

/// The tray icon's image.
#[derive(Clone, Debug)]
pub enum Icon {
    /// Straight-alpha RGBA, rows top-down; `pixels.len()` must be `width * height * 4`.
    Rgba { width: u32, height: u32, pixels: Vec<u8> },
    /// An image file (.ico on Windows).
    File(PathBuf),
}

/// Everything the tray shows; `Tray::new` and `Handle::update` take a whole one.
pub struct TrayConfig {
    pub icon: Icon,
    pub tooltip: String,
    pub menu: Vec<MenuItem>,
    /// Click on the icon itself (Windows: left click; Linux: middle click).
    pub on_click: Option<Box<dyn FnMut()>>,
}

/// The C-side image of one `TrayConfig`. Boxes keep every address stable while the
/// `Built` itself moves.
struct Built {
    tray: Box<sys::tray>,
    lists: Vec<Box<[sys::tray_menu]>>,
    strings: Vec<CString>,
    pixels: Option<Box<[u8]>>,
    // Boxed: C holds their addresses, which must not move when the Vec grows.
    #[allow(clippy::vec_box)]
    actions: Vec<Box<RefCell<Action>>>,
}

fn c_string(s: &str) -> Result<CString, Error> {
    CString::new(s).map_err(|_| Error::InteriorNul(s.to_string()))
}

const END: sys::tray_menu = sys::tray_menu {
    text: null(),
    disabled: 0,
    checked: 0,
    checkbox: 0,
    cb: None,
    context: null_mut(),
    submenu: null_mut(),
};

impl Built {
    fn new(config: TrayConfig) -> Result<Built, Error> {
        let mut b = Built {
            tray: Box::new(sys::tray {
                icon: null(),
                tooltip: null(),
                menu: null_mut(),
                icon_rgba: null(),
                icon_width: 0,
                icon_height: 0,
                cb: None,
                context: null_mut(),
            }),
            lists: Vec::new(),
            strings: Vec::new(),
            pixels: None,
            actions: Vec::new(),
        };
        match config.icon {
            Icon::Rgba { width, height, pixels } => {
                let w = i32::try_from(width).map_err(|_| Error::Icon)?;
                let h = i32::try_from(height).map_err(|_| Error::Icon)?;
                // The C library reads exactly width*height*4 bytes: a short buffer would be read past.
                if (width as u64) * (height as u64) * 4 != pixels.len() as u64 {
                    return Err(Error::Icon);
                }
                let pixels = pixels.into_boxed_slice();
                b.tray.icon_rgba = pixels.as_ptr();
                b.tray.icon_width = w;
                b.tray.icon_height = h;
                b.pixels = Some(pixels);
            }
            Icon::File(path) => {
                let s = path.to_str().ok_or(Error::Icon)?;
                b.tray.icon = b.keep(s)?;
            }
        }
        b.tray.tooltip = b.keep(&config.tooltip)?;
        if !config.menu.is_empty() {
            b.tray.menu = b.list(config.menu)?;
        }
        if let Some(f) = config.on_click {
            let slot = Box::new(RefCell::new(f));
            b.tray.context = &*slot as *const RefCell<Action> as *mut c_void;
            b.tray.cb = Some(tray_trampoline);
            b.actions.push(slot);
        }
        Ok(b)
    }

    fn keep(&mut self, s: &str) -> Result<*const std::ffi::c_char, Error> {
        let c = c_string(s)?;
        let p = c.as_ptr();
        self.strings.push(c);
        Ok(p)
    }

    /// Builds one NULL-terminated list (and, depth first, its submenus).
    fn list(&mut self, items: Vec<MenuItem>) -> Result<*mut sys::tray_menu, Error> {
        let mut out = Vec::with_capacity(items.len() + 1);
        for item in items {
            let entry = match item {
                MenuItem::Separator => {
                    out.push(sys::tray_menu { text: c"-".as_ptr(), ..END });
                    continue;
                }
                MenuItem::Entry(e) => e,
            };
            if entry.text == "-" {
                return Err(Error::ReservedText);
            }
            let mut m = sys::tray_menu {
                text: self.keep(&entry.text)?,
                disabled: (!entry.enabled) as i32,
                checked: entry.checked.unwrap_or(false) as i32,
                checkbox: entry.checked.is_some() as i32,
                ..END
            };
            if !entry.submenu.is_empty() {
                m.submenu = self.list(entry.submenu)?;
            }
            if let Some(f) = entry.action {
                let slot = Box::new(RefCell::new(f));
                m.context = &*slot as *const RefCell<Action> as *mut c_void;
                m.cb = Some(item_trampoline);
                self.actions.push(slot);
            }
            out.push(m);
        }
        out.push(END);
        let mut list = out.into_boxed_slice();
        let p = list.as_mut_ptr();
        self.lists.push(list);
        Ok(p)
    }
}

thread_local! {
    /// How many callbacks are running (a callback may run the loop and nest).
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Trees replaced while a callback ran; freed when the outermost one returns.
    static RETIRED: RefCell<Vec<Built>> = const { RefCell::new(Vec::new()) };
}

/// Runs one stored closure: never unwinds into C, and frees replaced trees only once
/// no callback can still be executing inside them.
fn run_action(slot: *const RefCell<Action>) {
    DEPTH.with(|d| d.set(d.get() + 1));
    // SAFETY: slot points into a Built that is either current or retired; retired ones
    // live until DEPTH is back to 0, which is after this call.
    let cell = unsafe { &*slot };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        // A closure that somehow re-enters itself is skipped rather than aliased.
        if let Ok(mut f) = cell.try_borrow_mut() {
            f();
        }
    }));
    if outcome.is_err() {
        eprintln!("tray: a menu callback panicked; the panic was stopped at the C boundary");
    }
    let depth = DEPTH.with(|d| {
        d.set(d.get() - 1);
        d.get()
    });
    if depth == 0 {
        let retired = RETIRED.with(|r| std::mem::take(&mut *r.borrow_mut()));
        drop(retired);
    }
}

unsafe extern "C" fn item_trampoline(item: *mut sys::tray_menu) {
    run_action((*item).context as *const RefCell<Action>);
}

unsafe extern "C" fn tray_trampoline(tray: *mut sys::tray) {
    run_action((*tray).context as *const RefCell<Action>);
}

/// Frees a replaced tree now, or after the running callback if there is one.
fn retire(old: Built) {
    if DEPTH.with(|d| d.get()) > 0 {
        RETIRED.with(|r| r.borrow_mut().push(old));
    } else {
        drop(old);
    }
}

struct Inner {
    current: RefCell<Option<Built>>,
}

impl Inner {
    /// Builds `config`, hands it to the C library with `apply`, then retires the old tree.
    fn install(&self, config: TrayConfig, apply: impl FnOnce(*mut sys::tray) -> i32) -> Result<(), Error> {
        let mut next = Built::new(config)?;
        let code = apply(&mut *next.tray);
        if code != 0 {
            return Err(Error::from_code(code));
        }
        let old = self.current.borrow_mut().replace(next);
        if let Some(old) = old {
            retire(old);
        }
        Ok(())
    }
}

/// The tray icon; dropping it removes the icon.
pub struct Tray {
    inner: Rc<Inner>,
    _ui_thread: PhantomData<*const ()>,
}

/// A weak reference to the tray for use inside callbacks (e.g. to update the menu).
#[derive(Clone)]
pub struct Handle {
    inner: Weak<Inner>,
    _ui_thread: PhantomData<*const ()>,
}

impl Tray {
    /// Shows the tray. Only one can exist per process.
    pub fn new(config: TrayConfig) -> Result<Tray, Error> {
        let inner = Rc::new(Inner { current: RefCell::new(None) });
        // SAFETY: the tray and everything it points to stay alive in `inner` until replaced or exit.
        inner.install(config, |t| unsafe { sys::tray_init(t) })?;
        Ok(Tray { inner, _ui_thread: PhantomData })
    }

    pub fn handle(&self) -> Handle {
        Handle { inner: Rc::downgrade(&self.inner), _ui_thread: PhantomData }
    }

    /// Runs one iteration of the library's own event loop; false once the tray has exited.
    /// Not needed when another main loop (libui's) runs on this thread.
    pub fn pump(&self, blocking: bool) -> bool {
        // SAFETY: plain call on the UI thread.
        unsafe { sys::tray_loop(blocking as i32) == 0 }
    }
}

impl Handle {
    /// Replaces icon, tooltip, menu and click action at once; safe inside a callback.
    pub fn update(&self, config: TrayConfig) -> Result<(), Error> {
        let inner = self.inner.upgrade().ok_or(Error::NotInit)?;
        // SAFETY: as in Tray::new; the old tree is freed only after the library let go of it.
        inner.install(config, |t| unsafe { sys::tray_update(t) })
    }

    /// Shows a desktop notification.
    pub fn notify(&self, title: &str, text: &str) -> Result<(), Error> {
        self.inner.upgrade().ok_or(Error::NotInit)?;
        let (title, text) = (c_string(title)?, c_string(text)?);
        // SAFETY: both strings outlive the call; the library copies them.
        match unsafe { sys::tray_notify(title.as_ptr(), text.as_ptr()) } {
            0 => Ok(()),
            code => Err(Error::from_code(code)),
        }
    }
}

impl Drop for Tray {
    fn drop(&mut self) {
        // SAFETY: after tray_exit the library holds no pointer into our trees.
        unsafe { sys::tray_exit() };
        if let Some(old) = self.inner.current.borrow_mut().take() {
            retire(old);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    fn config(menu: Vec<MenuItem>) -> TrayConfig {
        TrayConfig {
            icon: Icon::Rgba { width: 2, height: 2, pixels: vec![0; 16] },
            tooltip: "tip".into(),
            menu,
            on_click: None,
        }
    }

    unsafe fn texts(mut list: *const sys::tray_menu) -> Vec<String> {
        let mut out = Vec::new();
        while !(*list).text.is_null() {
            out.push(CStr::from_ptr((*list).text).to_string_lossy().into_owned());
            list = list.add(1);
        }
        out
    }

    #[test]
    fn menu_tree_becomes_terminated_c_lists() {
        let b = Built::new(config(vec![
            MenuItem::action("Open", || {}),
            MenuItem::separator(),
            MenuItem::label("Status").disabled(),
            MenuItem::action("Auto", || {}).checkbox(true),
            MenuItem::submenu("More", vec![MenuItem::action("Inner", || {}).checkbox(false)]),
        ]))
        .unwrap();
        unsafe {
            let top = b.tray.menu;
            assert_eq!(texts(top), ["Open", "-", "Status", "Auto", "More"]);
            let (open, status, auto, more) = (&*top, &*top.add(2), &*top.add(3), &*top.add(4));
            assert!(open.cb.is_some() && !open.context.is_null() && open.checkbox == 0);
            assert!(status.disabled == 1 && status.cb.is_none());
            assert!(auto.checkbox == 1 && auto.checked == 1 && auto.disabled == 0);
            assert_eq!(texts(more.submenu), ["Inner"]);
            let inner = &*more.submenu;
            assert!(inner.checkbox == 1 && inner.checked == 0 && inner.cb.is_some());
            assert!(more.cb.is_none());
            assert_eq!(CStr::from_ptr(b.tray.tooltip).to_str().unwrap(), "tip");
            assert_eq!((b.tray.icon_width, b.tray.icon_height), (2, 2));
            assert!(b.tray.icon.is_null() && !b.tray.icon_rgba.is_null());
        }
        assert_eq!(b.actions.len(), 3);
    }

    #[test]
    fn empty_menu_is_null_and_file_icons_pass_the_path() {
        let mut c = config(Vec::new());
        c.icon = Icon::File("/usr/share/icons/x.png".into());
        let b = Built::new(c).unwrap();
        assert!(b.tray.menu.is_null() && b.tray.icon_rgba.is_null());
        assert_eq!(unsafe { CStr::from_ptr(b.tray.icon) }.to_str().unwrap(), "/usr/share/icons/x.png");
    }

    #[test]
    fn bad_strings_and_pixels_are_errors() {
        let nul = Built::new(config(vec![MenuItem::label("a\0b")])).err();
        assert_eq!(nul, Some(Error::InteriorNul("a\0b".into())));
        let mut c = config(Vec::new());
        c.tooltip = "x\0".into();
        assert!(matches!(Built::new(c).err(), Some(Error::InteriorNul(_))));
        assert_eq!(Built::new(config(vec![MenuItem::label("-")])).err(), Some(Error::ReservedText));
        let mut c = config(Vec::new());
        c.icon = Icon::Rgba { width: 4, height: 4, pixels: vec![0; 63] };
        assert_eq!(Built::new(c).err(), Some(Error::Icon));
        let mut c = config(Vec::new());
        c.icon = Icon::Rgba { width: u32::MAX, height: 1, pixels: Vec::new() };
        assert_eq!(Built::new(c).err(), Some(Error::Icon));
    }

    #[test]
    fn callbacks_run_and_panics_stay_inside() {
        let hits = Rc::new(Cell::new(0));
        let h = hits.clone();
        let b = Built::new(config(vec![
            MenuItem::action("Count", move || h.set(h.get() + 1)),
            MenuItem::action("Boom", || panic!("callback panic")),
        ]))
        .unwrap();
        unsafe {
            item_trampoline(b.tray.menu);
            item_trampoline(b.tray.menu.add(1));
            item_trampoline(b.tray.menu);
        }
        assert_eq!(hits.get(), 2);
        assert_eq!(DEPTH.with(|d| d.get()), 0);
    }

    /// The closure replaces the tree it lives in: the old tree must survive until the
    /// closure returns and be freed right after.
    #[test]
    fn update_from_inside_a_callback_defers_the_free() {
        let inner = Rc::new(Inner { current: RefCell::new(None) });
        let dropped = Rc::new(Cell::new(false));
        struct Flag(Rc<Cell<bool>>);
        impl Drop for Flag {
            fn drop(&mut self) {
                self.0.set(true);
            }
        }
        let flag = Flag(dropped.clone());
        let weak = Rc::downgrade(&inner);
        let seen_during = Rc::new(Cell::new(None));
        let seen = seen_during.clone();
        let d = dropped.clone();
        let first = config(vec![MenuItem::action("Swap", move || {
            let _keep = &flag; // owned by this closure: dropped with the old tree
            let inner = weak.upgrade().unwrap();
            inner.install(config(vec![MenuItem::label("New")]), |_| 0).unwrap();
            seen.set(Some(d.get()));
        })]);
        inner.install(first, |_| 0).unwrap();
        let menu = inner.current.borrow().as_ref().unwrap().tray.menu;
        unsafe { item_trampoline(menu) };
        assert_eq!(seen_during.get(), Some(false), "old tree freed while its callback ran");
        assert!(dropped.get(), "old tree not freed after the callback returned");
        let now = inner.current.borrow().as_ref().unwrap().tray.menu;
        assert_eq!(unsafe { texts(now) }, ["New"]);
        assert!(RETIRED.with(|r| r.borrow().is_empty()));
    }

    #[test]
    fn failed_apply_keeps_the_old_tree() {
        let inner = Rc::new(Inner { current: RefCell::new(None) });
        inner.install(config(vec![MenuItem::label("Old")]), |_| 0).unwrap();
        let e = inner.install(config(vec![MenuItem::label("New")]), |_| sys::TRAY_ERR_MENU);
        assert_eq!(e, Err(Error::Menu));
        let menu = inner.current.borrow().as_ref().unwrap().tray.menu;
        assert_eq!(unsafe { texts(menu) }, ["Old"]);
        assert!(Error::Menu.to_string().contains("menu"));
    }
}
