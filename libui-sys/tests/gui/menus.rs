//! Menus: libui-ng wants them made before the first window, so `setup` (called by the runner's init, before
//! any case makes a window) builds them and notes what it saw; the cases check the native menu bars, clicks
//! (native activation / WM_COMMAND) reaching the handler with the right window, check and enabled state in
//! every bar, the Quit item's uiOnShouldQuit round, and that a menu after a window is refused.
//!
//! These cases must run before `defects::queue_dropped_by_uninit`, whose uiUninit frees every menu.

use crate::{c, ctl, pump, CaseResult};
use std::ffi::{c_int, c_void};
use std::ptr::null_mut;
use std::sync::atomic::Ordering;
use std::sync::Mutex;
use zt_libui_sys::*;

/// The menus made by `setup`, as addresses (the statics must be Send).
#[derive(Clone, Copy)]
struct Made {
    open: usize,
    autosave: usize,
    quit: usize,
    prefs: usize,
    spare: usize,
    about: usize,
    file: usize,
}

static MADE: Mutex<Option<Made>> = Mutex::new(None);
/// What `setup` found wrong, reported by the first case (the runner's setup must not fail for it).
static SETUP_PROBLEMS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Every handler call: (item, window, whether the item was checked during the call).
static CLICKS: Mutex<Vec<(usize, usize, c_int)>> = Mutex::new(Vec::new());

extern "C" fn on_clicked(item: *mut uiMenuItem, window: *mut uiWindow, _: *mut c_void) {
    // Asked of the check item only: for the others it is a user bug.
    let is_check = MADE.lock().unwrap().is_some_and(|m| m.autosave == item as usize);
    let checked = if is_check { unsafe { uiMenuItemChecked(item) } } else { 0 };
    CLICKS.lock().unwrap().push((item as usize, window as usize, checked));
}

fn clicks() -> Vec<(usize, usize, c_int)> {
    std::mem::take(&mut *CLICKS.lock().unwrap())
}

/// Builds File (Open ✓, Autosave [check], separator, Quit), Edit (Preferences..., Spare) and Help (About).
pub fn setup() {
    let mut problems = Vec::new();
    let mut note = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_string());
        }
    };
    unsafe {
        let file = uiNewMenu(c("File").as_ptr());
        let edit = uiNewMenu(c("Edit").as_ptr());
        let help = uiNewMenu(c"H\xffelp".as_ptr());
        note(!file.is_null() && !edit.is_null() && !help.is_null(), "uiNewMenu returned NULL before any window");
        let open = uiMenuAppendItem(file, c("Open ✓").as_ptr());
        let autosave = uiMenuAppendCheckItem(file, c("Autosave").as_ptr());
        uiMenuAppendSeparator(file);
        let quit = uiMenuAppendQuitItem(file);
        let prefs = uiMenuAppendPreferencesItem(edit);
        let spare = uiMenuAppendItem(edit, null_mut());
        let about = uiMenuAppendAboutItem(help);
        note(
            [open, autosave, quit, prefs, spare, about].iter().all(|p| !p.is_null()),
            "an append returned NULL before any window",
        );
        // One Quit, Preferences and About per program; a NULL menu is no menu.
        note(uiMenuAppendQuitItem(edit).is_null(), "a second Quit item was made");
        note(uiMenuAppendPreferencesItem(file).is_null(), "a second Preferences item was made");
        note(uiMenuAppendAboutItem(file).is_null(), "a second About item was made");
        note(uiMenuAppendItem(null_mut(), c("x").as_ptr()).is_null(), "an item was appended to a NULL menu");
        note(uiMenuAppendItem(open.cast(), c("x").as_ptr()).is_null(), "an item was appended to an item");
        uiMenuAppendSeparator(null_mut());
        uiMenuItemOnClicked(open, Some(on_clicked), null_mut());
        uiMenuItemOnClicked(autosave, Some(on_clicked), null_mut());
        uiMenuItemOnClicked(prefs, Some(on_clicked), null_mut());
        uiMenuItemOnClicked(spare, Some(on_clicked), null_mut());
        uiMenuItemOnClicked(about, Some(on_clicked), null_mut());
        // Ignored (a user bug): the Quit item asks uiOnShouldQuit.
        uiMenuItemOnClicked(quit, Some(on_clicked), null_mut());
        *MADE.lock().unwrap() = Some(Made {
            open: open as usize,
            autosave: autosave as usize,
            quit: quit as usize,
            prefs: prefs as usize,
            spare: spare as usize,
            about: about as usize,
            file: file as usize,
        });
    }
    *SETUP_PROBLEMS.lock().unwrap() = problems;
}

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case { name: "menus_made_before_windows", needs_display: true, run: menus_made_before_windows },
        crate::Case { name: "menu_bar_shows_every_menu", needs_display: true, run: menu_bar_shows_every_menu },
        crate::Case { name: "menu_clicks_reach_the_window", needs_display: true, run: menu_clicks_reach_the_window },
        crate::Case { name: "menu_item_state_in_every_bar", needs_display: true, run: menu_item_state_in_every_bar },
        crate::Case { name: "menu_quit_asks_should_quit", needs_display: true, run: menu_quit_asks_should_quit },
        crate::Case { name: "menus_after_a_window_refused", needs_display: true, run: menus_after_a_window_refused },
        // "input_" like the other real-input cases, which the ARM64 tiers (no xdotool) skip.
        crate::Case { name: "input_menu_items_by_mouse_and_keys", needs_display: true, run: menu_items_by_real_input },
    ]
}

fn made() -> Result<Made, String> {
    MADE.lock().unwrap().ok_or_else(|| "the runner's init did not make the menus".to_string())
}

fn window(title: &str, menubar: c_int) -> Result<*mut uiWindow, String> {
    crate::shown_window(title, 300, 200, menubar)
}

use crate::window_handle as handle;

fn menus_made_before_windows() -> CaseResult {
    let problems = SETUP_PROBLEMS.lock().unwrap().clone();
    check!(problems.is_empty(), "{}", problems.join("; "));
    let m = made()?;
    unsafe {
        check!(uiMenuItemChecked(m.autosave as *mut _) == 0, "a check item starts unchecked");
        // Check state belongs to check items only.
        check!(uiMenuItemChecked(m.open as *mut _) == 0);
        uiMenuItemSetChecked(m.open as *mut _, 1);
        check!(uiMenuItemChecked(m.open as *mut _) == 0, "a plain item was checked");
        uiMenuItemSetChecked(m.quit as *mut _, 1);
        check!(uiMenuItemChecked(m.quit as *mut _) == 0, "the Quit item was checked");
        check!(uiMenuItemChecked(null_mut()) == 0);
        uiMenuItemEnable(null_mut());
        uiMenuItemDisable(m.file as *mut _);
    }
    Ok(())
}

fn item(label: &str, enabled: bool, checked: bool) -> native::Item {
    native::Item { label: label.into(), separator: false, enabled, checked }
}

fn expected_bar(autosave: bool, spare_enabled: bool) -> Vec<(String, Vec<native::Item>)> {
    let sep = native::Item { label: String::new(), separator: true, enabled: true, checked: false };
    vec![
        (
            "File".into(),
            vec![item("Open ✓", true, false), item("Autosave", true, autosave), sep, item("Quit", true, false)],
        ),
        ("Edit".into(), vec![item("Preferences...", true, false), item("", spare_enabled, false)]),
        ("H\u{FFFD}elp".into(), vec![item("About", true, false)]),
    ]
}

fn menu_bar_shows_every_menu() -> CaseResult {
    unsafe {
        let with = window("with menus", 1)?;
        let without = window("without menus", 0)?;
        let bar = native::menu_bar(handle(with));
        check!(bar == expected_bar(false, true), "native menu bar is {bar:?}");
        check!(native::menu_bar(handle(without)).is_empty(), "a window made without hasMenubar has a menu bar");
        // The menu bar is not part of the content size.
        uiWindowSetContentSize(with, 300, 200);
        pump(50);
        let (mut cw, mut ch) = (0, 0);
        uiWindowContentSize(with, &mut cw, &mut ch);
        check!((cw, ch) == (300, 200), "content size with a menu bar is {cw}x{ch}");
        uiControlDestroy(ctl(with));
        uiControlDestroy(ctl(without));
    }
    Ok(())
}

fn menu_clicks_reach_the_window() -> CaseResult {
    let m = made()?;
    unsafe {
        let a = window("a", 1)?;
        let b = window("b", 1)?;
        clicks();
        native::activate(handle(b), 0, 0);
        pump(30);
        check!(clicks() == vec![(m.open, b as usize, 0)], "Open in window b");
        native::activate(handle(a), 1, 0);
        native::activate(handle(a), 2, 0);
        pump(30);
        check!(clicks() == vec![(m.prefs, a as usize, 0), (m.about, a as usize, 0)], "Preferences and About in a");
        // A check item is toggled before its handler runs, natively too, in every window.
        native::activate(handle(a), 0, 1);
        pump(30);
        check!(clicks() == vec![(m.autosave, a as usize, 1)], "the check item's handler saw it unchecked");
        check!(uiMenuItemChecked(m.autosave as *mut _) == 1);
        check!(native::menu_bar(handle(b)) == expected_bar(true, true), "window b does not show the check");
        native::activate(handle(b), 0, 1);
        pump(30);
        check!(clicks() == vec![(m.autosave, b as usize, 0)]);
        check!(native::menu_bar(handle(a)) == expected_bar(false, true), "window a still shows the check");
        uiControlDestroy(ctl(a));
        uiControlDestroy(ctl(b));
    }
    Ok(())
}

/// A user opens File with the mouse and chooses with the keyboard (the same keys on GTK and
/// Windows: Down to the first item, again to the next, Return), through xdotool.
fn menu_items_by_real_input() -> CaseResult {
    let m = made()?;
    let choose = |w: *mut uiWindow, downs: usize| -> CaseResult {
        let (x, y, width, height) = native::title_rect(handle(w), 0).ok_or("no File title in the menu bar")?;
        let mut a: Vec<String> =
            ["mousemove", &(x + width / 2).to_string(), &(y + height / 2).to_string()].map(String::from).to_vec();
        a.extend(["click", "1", "sleep", "0.5", "key", "--delay", "150"].map(String::from));
        a.extend(std::iter::repeat("Down".to_string()).take(downs));
        a.push("Return".into());
        crate::input::xdo(&a)
    };
    unsafe {
        let w = window("real menu input", 1)?;
        pump(100);
        clicks();
        choose(w, 1)?;
        check!(clicks() == vec![(m.open, w as usize, 0)], "Open chosen by mouse and keys in its window");
        let before = uiMenuItemChecked(m.autosave as *mut _);
        choose(w, 2)?;
        let after = uiMenuItemChecked(m.autosave as *mut _);
        check!(after == 1 - before, "the check item did not toggle: {before} -> {after}");
        check!(clicks() == vec![(m.autosave, w as usize, after)], "Autosave chosen by mouse and keys");
        uiMenuItemSetChecked(m.autosave as *mut _, before);
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn menu_item_state_in_every_bar() -> CaseResult {
    let m = made()?;
    unsafe {
        let a = window("a", 1)?;
        let b = window("b", 1)?;
        clicks();
        uiMenuItemSetChecked(m.autosave as *mut _, 5);
        check!(uiMenuItemChecked(m.autosave as *mut _) == 1);
        uiMenuItemDisable(m.spare as *mut _);
        pump(20);
        for w in [a, b] {
            let bar = native::menu_bar(handle(w));
            check!(bar == expected_bar(true, false), "checked and disabled not shown natively: {bar:?}");
        }
        check!(clicks().is_empty(), "uiMenuItemSetChecked called the handler");
        // A disabled item does nothing even if a click gets through.
        native::activate(handle(a), 1, 1);
        pump(20);
        check!(clicks().is_empty(), "a disabled item called its handler");
        uiMenuItemEnable(m.spare as *mut _);
        uiMenuItemSetChecked(m.autosave as *mut _, 0);
        pump(20);
        check!(native::menu_bar(handle(b)) == expected_bar(false, true));
        native::activate(handle(b), 1, 1);
        pump(20);
        check!(clicks() == vec![(m.spare, b as usize, 0)], "the re-enabled item did not reach its handler");
        // A window made after the changes starts with them.
        uiMenuItemDisable(m.spare as *mut _);
        let c2 = window("c", 1)?;
        check!(native::menu_bar(handle(c2)) == expected_bar(false, false));
        uiMenuItemEnable(m.spare as *mut _);
        for w in [a, b, c2] {
            uiControlDestroy(ctl(w));
        }
    }
    Ok(())
}

/// The handler and counter of main.rs's system-quit case: data says whether to allow.
use crate::{should_quit, SHOULD_QUIT_CALLS};

fn menu_quit_asks_should_quit() -> CaseResult {
    unsafe {
        let w = window("quit", 1)?;
        SHOULD_QUIT_CALLS.store(0, Ordering::SeqCst);
        clicks();
        uiOnShouldQuit(Some(should_quit), null_mut());
        native::activate(handle(w), 0, 3);
        check!(!crate::loop_quits_within(100), "Quit ended the loop although the handler refused");
        check!(SHOULD_QUIT_CALLS.load(Ordering::SeqCst) == 1, "the handler was not asked once");
        uiOnShouldQuit(Some(should_quit), 1 as *mut c_void);
        native::activate(handle(w), 0, 3);
        check!(crate::loop_quits_within(1000), "Quit did not end the loop although the handler allowed it");
        check!(SHOULD_QUIT_CALLS.load(Ordering::SeqCst) == 2);
        uiOnShouldQuit(None, null_mut());
        native::activate(handle(w), 0, 3);
        check!(crate::loop_quits_within(1000), "Quit without a handler did not end the loop");
        check!(clicks().is_empty(), "the OnClicked handler set on Quit was called");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn menus_after_a_window_refused() -> CaseResult {
    let m = made()?;
    unsafe {
        let w = window("first", 1)?;
        check!(uiNewMenu(c("Late").as_ptr()).is_null(), "a menu was made after a window");
        check!(uiMenuAppendItem(m.file as *mut _, c("Late").as_ptr()).is_null(), "an item was added after a window");
        check!(uiMenuAppendCheckItem(m.file as *mut _, c("Late").as_ptr()).is_null());
        uiMenuAppendSeparator(m.file as *mut _);
        let w2 = window("second", 1)?;
        check!(native::menu_bar(handle(w2)) == expected_bar(false, true), "the model changed after a window");
        uiControlDestroy(ctl(w));
        uiControlDestroy(ctl(w2));
    }
    Ok(())
}

/// The native menu bar of a window, read and clicked behind the library's back.
mod native {
    #[derive(Debug, PartialEq)]
    pub struct Item {
        pub label: String,
        pub separator: bool,
        pub enabled: bool,
        pub checked: bool,
    }

    #[cfg(unix)]
    pub use gtk::*;
    #[cfg(windows)]
    pub use win::*;

    #[cfg(unix)]
    mod gtk {
        use super::Item;
        use crate::native::{children as children_of, is_a as is};

        fn children(w: Widget) -> Vec<Widget> {
            children_of(w as usize)
        }
        use std::ffi::{c_char, c_int, c_void, CStr};

        type Widget = *mut c_void;

        extern "C" {
            fn gtk_bin_get_child(b: Widget) -> Widget;
            fn gtk_menu_bar_get_type() -> usize;
            fn gtk_box_get_type() -> usize;
            fn gtk_separator_menu_item_get_type() -> usize;
            fn gtk_check_menu_item_get_type() -> usize;
            fn gtk_menu_item_get_label(m: Widget) -> *const c_char;
            fn gtk_menu_item_get_submenu(m: Widget) -> Widget;
            fn gtk_menu_item_activate(m: Widget);
            fn gtk_check_menu_item_get_active(m: Widget) -> c_int;
            fn gtk_widget_get_sensitive(w: Widget) -> c_int;
        }

        /// The GtkMenuBar above the content: the first child of the window's box.
        fn bar(handle: usize) -> Option<Widget> {
            let top = unsafe { gtk_bin_get_child(handle as Widget) };
            if top.is_null() || !is(top, unsafe { gtk_box_get_type() }) {
                return None;
            }
            let first = *children(top).first()?;
            is(first, unsafe { gtk_menu_bar_get_type() }).then_some(first)
        }

        fn label(w: Widget) -> String {
            let l = unsafe { gtk_menu_item_get_label(w) };
            if l.is_null() {
                return String::new();
            }
            unsafe { CStr::from_ptr(l) }.to_string_lossy().into_owned()
        }

        fn items(header: Widget) -> Vec<Widget> {
            children(unsafe { gtk_menu_item_get_submenu(header) })
        }

        pub fn menu_bar(handle: usize) -> Vec<(String, Vec<Item>)> {
            let Some(bar) = bar(handle) else { return Vec::new() };
            children(bar)
                .into_iter()
                .map(|h| {
                    let list = items(h)
                        .into_iter()
                        .map(|i| {
                            let separator = is(i, unsafe { gtk_separator_menu_item_get_type() });
                            Item {
                                label: if separator { String::new() } else { label(i) },
                                separator,
                                enabled: unsafe { gtk_widget_get_sensitive(i) } != 0,
                                checked: is(i, unsafe { gtk_check_menu_item_get_type() })
                                    && unsafe { gtk_check_menu_item_get_active(i) } != 0,
                            }
                        })
                        .collect();
                    (label(h), list)
                })
                .collect()
        }

        /// Where the title of menu `index` is on the screen.
        pub fn title_rect(handle: usize, index: usize) -> Option<(i32, i32, i32, i32)> {
            let title = *children(bar(handle)?).get(index)?;
            Some(crate::input::native::screen_rect(title as usize))
        }

        /// What choosing the item does: GTK's own activation of that menu item.
        pub fn activate(handle: usize, menu: usize, item: usize) {
            if let Some(bar) = bar(handle) {
                if let Some(&h) = children(bar).get(menu) {
                    if let Some(&i) = items(h).get(item) {
                        unsafe { gtk_menu_item_activate(i) };
                    }
                }
            }
        }
    }

    #[cfg(windows)]
    mod win {
        use super::Item;
        use std::ffi::c_void;
        use std::ptr::null_mut;

        type Handle = *mut c_void;

        #[repr(C)]
        struct MenuItemInfo {
            size: u32,
            mask: u32,
            kind: u32,
            state: u32,
            id: u32,
            submenu: Handle,
            checked_bitmap: Handle,
            unchecked_bitmap: Handle,
            data: usize,
            text: *mut u16,
            text_len: u32,
            bitmap: Handle,
        }

        #[link(name = "user32")]
        extern "system" {
            fn GetMenu(h: Handle) -> Handle;
            fn GetMenuItemCount(m: Handle) -> i32;
            fn GetMenuItemInfoW(m: Handle, item: u32, by_position: i32, info: *mut MenuItemInfo) -> i32;
            fn SendMessageW(h: Handle, msg: u32, w: usize, l: isize) -> isize;
        }

        const MIIM_STATE: u32 = 0x1;
        const MIIM_ID: u32 = 0x2;
        const MIIM_SUBMENU: u32 = 0x4;
        const MIIM_STRING: u32 = 0x40;
        const MIIM_FTYPE: u32 = 0x100;
        const MFT_SEPARATOR: u32 = 0x800;
        const MFS_GRAYED: u32 = 0x3;
        const MFS_CHECKED: u32 = 0x8;
        const WM_COMMAND: u32 = 0x0111;

        /// (label, separator, enabled, checked, id, submenu) of the item at pos.
        fn info(menu: Handle, pos: u32) -> (Item, u32, Handle) {
            let mut buf = [0u16; 256];
            let mut mi = MenuItemInfo {
                size: std::mem::size_of::<MenuItemInfo>() as u32,
                mask: MIIM_STATE | MIIM_ID | MIIM_SUBMENU | MIIM_STRING | MIIM_FTYPE,
                kind: 0,
                state: 0,
                id: 0,
                submenu: null_mut(),
                checked_bitmap: null_mut(),
                unchecked_bitmap: null_mut(),
                data: 0,
                text: buf.as_mut_ptr(),
                text_len: buf.len() as u32,
                bitmap: null_mut(),
            };
            unsafe { GetMenuItemInfoW(menu, pos, 1, &mut mi) };
            let end = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
            let separator = mi.kind & MFT_SEPARATOR != 0;
            let item = Item {
                label: if separator { String::new() } else { String::from_utf16_lossy(&buf[..end]) },
                separator,
                // Separators cannot be chosen anyway; Wine reports them greyed, Windows not.
                enabled: separator || mi.state & MFS_GRAYED == 0,
                checked: mi.state & MFS_CHECKED != 0,
            };
            (item, mi.id, mi.submenu)
        }

        fn count(menu: Handle) -> u32 {
            unsafe { GetMenuItemCount(menu) }.max(0) as u32
        }

        pub fn menu_bar(handle: usize) -> Vec<(String, Vec<Item>)> {
            let bar = unsafe { GetMenu(handle as Handle) };
            if bar.is_null() {
                return Vec::new();
            }
            (0..count(bar))
                .map(|i| {
                    let (header, _, popup) = info(bar, i);
                    (header.label, (0..count(popup)).map(|j| info(popup, j).0).collect())
                })
                .collect()
        }

        /// What choosing the item does: WM_COMMAND with its id, no control and code 0.
        pub fn activate(handle: usize, menu: usize, item: usize) {
            let bar = unsafe { GetMenu(handle as Handle) };
            if bar.is_null() {
                return;
            }
            let (_, _, popup) = info(bar, menu as u32);
            let (_, id, _) = info(popup, item as u32);
            unsafe { SendMessageW(handle as Handle, WM_COMMAND, id as usize, 0) };
        }

        #[repr(C)]
        #[derive(Default)]
        struct Rect {
            left: i32,
            top: i32,
            right: i32,
            bottom: i32,
        }

        #[link(name = "user32")]
        extern "system" {
            fn GetMenuItemRect(h: Handle, menu: Handle, item: u32, rect: *mut Rect) -> i32;
        }

        /// Where the title of menu `index` is on the screen (under Wine, the X screen).
        pub fn title_rect(handle: usize, index: usize) -> Option<(i32, i32, i32, i32)> {
            let mut r = Rect::default();
            let ok = unsafe { GetMenuItemRect(handle as Handle, GetMenu(handle as Handle), index as u32, &mut r) };
            (ok != 0).then(|| (r.left, r.top, r.right - r.left, r.bottom - r.top))
        }
    }
}
