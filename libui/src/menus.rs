//! The menu bar's menus.
//!
//! As in libui-ng, menus are made before the first [`Window`] and then stay as they are until the [`Ui`]
//! is dropped; every window made with `has_menubar` shows all of them.  Enabling, disabling and checking
//! items works at any time and shows in every window.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::ffi::{c_int, c_void};
use std::marker::PhantomData;

use zt_libui_sys as sys;

use crate::node::c_text;
use crate::{panic, Error, Ui, Window};

/// What an item is: it decides which calls make sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuItemKind {
    Plain,
    Check,
    Quit,
    Preferences,
    About,
}

type ClickedFn = dyn FnMut(&MenuItem, &Window);

/// An item's OnClicked closure, with the item it belongs to.
struct Clicked {
    item: MenuItem,
    f: RefCell<Box<ClickedFn>>,
}

/// The OnClicked closures by item address (C holds their addresses).  Whether
/// menus are fixed and which once-only items exist, C answers (ui_extras.h).
#[derive(Default)]
struct State {
    handlers: Vec<(usize, Box<Clicked>)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
    /// Bumped when the Ui goes: items of an earlier Ui then do nothing.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// The Ui is gone (after uiUninit freed the menus).
pub(crate) fn reset() {
    let old = STATE.with(|s| std::mem::take(&mut *s.borrow_mut()));
    GENERATION.with(|g| g.set(g.get() + 1));
    drop(old);
}

/// Whether a window exists, so menus can no longer change (C's rule).
fn frozen() -> bool {
    // SAFETY: a query; callers hold a Ui or a Menu, so this is the UI thread.
    unsafe { sys::uixMenusFrozen() != 0 }
}

fn generation() -> u64 {
    GENERATION.with(Cell::get)
}

/// A menu of the menu bar.
#[derive(Clone, Copy)]
pub struct Menu {
    ptr: *mut sys::uiMenu,
    generation: u64,
    _ui_thread: PhantomData<*const ()>,
}

/// An item of a [`Menu`]; a cheap copy that stays valid while its [`Ui`] exists.
#[derive(Clone, Copy)]
pub struct MenuItem {
    ptr: *mut sys::uiMenuItem,
    kind: MenuItemKind,
    generation: u64,
    _ui_thread: PhantomData<*const ()>,
}

impl PartialEq for MenuItem {
    fn eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr && self.generation == other.generation
    }
}

impl std::fmt::Debug for MenuItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MenuItem").field("kind", &self.kind).finish_non_exhaustive()
    }
}

impl Menu {
    /// A new menu named `name`; [`Error::MenusFixed`] once a window exists.
    pub fn new(_ui: &Ui, name: &str) -> Result<Menu, Error> {
        if frozen() {
            return Err(Error::MenusFixed);
        }
        // SAFETY: on the UI thread after init, before any window; the name is copied.
        let ptr = unsafe { sys::uiNewMenu(c_text(name).as_ptr()) };
        if ptr.is_null() {
            return Err(Error::MenusFixed);
        }
        Ok(Menu { ptr, generation: generation(), _ui_thread: PhantomData })
    }

    fn usable(&self) -> Result<*mut sys::uiMenu, Error> {
        if self.generation != generation() {
            return Err(Error::Destroyed);
        }
        if frozen() {
            return Err(Error::MenusFixed);
        }
        Ok(self.ptr)
    }

    fn append(&self, kind: MenuItemKind, name: &str) -> Result<MenuItem, Error> {
        let m = self.usable()?;
        let once = match kind {
            MenuItemKind::Quit => Some(sys::uixMenuItemQuit),
            MenuItemKind::Preferences => Some(sys::uixMenuItemPreferences),
            MenuItemKind::About => Some(sys::uixMenuItemAbout),
            MenuItemKind::Plain | MenuItemKind::Check => None,
        };
        // SAFETY: a query on the UI thread (Menu is !Send) of a live Ui.
        if once.is_some_and(|which| unsafe { sys::uixMenuHasItem(which as c_int) } != 0) {
            return Err(Error::OnlyOne);
        }
        let name = c_text(name);
        // SAFETY: a live menu of this Ui, before any window; the name is copied.
        let ptr = unsafe {
            match kind {
                MenuItemKind::Plain => sys::uiMenuAppendItem(m, name.as_ptr()),
                MenuItemKind::Check => sys::uiMenuAppendCheckItem(m, name.as_ptr()),
                MenuItemKind::Quit => sys::uiMenuAppendQuitItem(m),
                MenuItemKind::Preferences => sys::uiMenuAppendPreferencesItem(m),
                MenuItemKind::About => sys::uiMenuAppendAboutItem(m),
            }
        };
        if ptr.is_null() {
            return Err(Error::MenusFixed);
        }
        Ok(MenuItem { ptr, kind, generation: self.generation, _ui_thread: PhantomData })
    }

    pub fn append_item(&self, name: &str) -> Result<MenuItem, Error> {
        self.append(MenuItemKind::Plain, name)
    }

    /// An item with a check mark, which a click toggles before the handler runs.
    pub fn append_check_item(&self, name: &str) -> Result<MenuItem, Error> {
        self.append(MenuItemKind::Check, name)
    }

    /// "Quit": a click asks [`Ui::on_should_quit`] and ends the loop if it agrees.  One per program.
    pub fn append_quit_item(&self) -> Result<MenuItem, Error> {
        self.append(MenuItemKind::Quit, "")
    }

    /// "Preferences..."; one per program.
    pub fn append_preferences_item(&self) -> Result<MenuItem, Error> {
        self.append(MenuItemKind::Preferences, "")
    }

    /// "About"; one per program.
    pub fn append_about_item(&self) -> Result<MenuItem, Error> {
        self.append(MenuItemKind::About, "")
    }

    pub fn append_separator(&self) -> Result<(), Error> {
        let m = self.usable()?;
        // SAFETY: a live menu of this Ui, before any window.
        unsafe { sys::uiMenuAppendSeparator(m) };
        Ok(())
    }
}

impl MenuItem {
    pub fn kind(&self) -> MenuItemKind {
        self.kind
    }

    /// The C item while its Ui lives.
    fn live(&self) -> Option<*mut sys::uiMenuItem> {
        (self.generation == generation()).then_some(self.ptr)
    }

    pub fn enable(&self) {
        if let Some(m) = self.live() {
            // SAFETY: an item of the live Ui.
            unsafe { sys::uiMenuItemEnable(m) }
        }
    }

    pub fn disable(&self) {
        if let Some(m) = self.live() {
            // SAFETY: as above.
            unsafe { sys::uiMenuItemDisable(m) }
        }
    }

    /// Whether a check item is checked; false for other items.
    pub fn checked(&self) -> bool {
        match self.live() {
            // SAFETY: a check item of the live Ui.
            Some(m) if self.kind == MenuItemKind::Check => unsafe { sys::uiMenuItemChecked(m) != 0 },
            _ => false,
        }
    }

    /// Checks or unchecks a check item (without calling the handler); other items ignore it.
    pub fn set_checked(&self, checked: bool) {
        match self.live() {
            // SAFETY: as above.
            Some(m) if self.kind == MenuItemKind::Check => unsafe {
                sys::uiMenuItemSetChecked(m, c_int::from(checked))
            },
            _ => {}
        }
    }

    /// Replaces the handler called with the item and the window whose menu bar was clicked.  The Quit item has
    /// none: it asks [`Ui::on_should_quit`].
    pub fn on_clicked(&self, f: impl FnMut(&MenuItem, &Window) + 'static) {
        let Some(m) = self.live().filter(|_| self.kind != MenuItemKind::Quit) else { return };
        let slot = Box::new(Clicked { item: *self, f: RefCell::new(Box::new(f)) });
        let data = &*slot as *const Clicked as *mut c_void;
        let old = STATE.with(|s| {
            let mut s = s.borrow_mut();
            let old = s.handlers.iter().position(|(p, _)| *p == m as usize).map(|i| s.handlers.remove(i).1);
            s.handlers.push((m as usize, slot));
            old
        });
        if let Some(old) = old {
            panic::retire(old as Box<dyn Any>);
        }
        // SAFETY: the closure lives in STATE until replaced or the Ui goes.
        unsafe { sys::uiMenuItemOnClicked(m, Some(item_clicked), data) }
    }
}

unsafe extern "C" fn item_clicked(_: *mut sys::uiMenuItem, window: *mut sys::uiWindow, data: *mut c_void) {
    // SAFETY: the slot lives in STATE (or the graveyard) during the call.
    let slot = unsafe { &*data.cast_const().cast::<Clicked>() };
    panic::wrap((), || {
        // Every window is made through Window::new, so it is in the open list.
        let Some(window) = crate::window::find(window) else { return };
        if let Ok(mut f) = slot.f.try_borrow_mut() {
            f(&slot.item, &window);
        }
    })
}
