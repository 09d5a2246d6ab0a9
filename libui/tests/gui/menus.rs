//! The safe menus, file dialogs and window extras.  Menus must come before the first window, so
//! `make_menus` runs right after `Ui::init`, before any case.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use zt_libui::{open_file, open_folder, save_file, Control, Error, Menu, MenuItem, MenuItemKind, Ui, Window};

use crate::{pump, Case};

#[derive(Clone, Copy)]
struct Items {
    open: MenuItem,
    autosave: MenuItem,
    quit: MenuItem,
}

thread_local! {
    static ITEMS: RefCell<Option<Items>> = const { RefCell::new(None) };
}

fn items() -> Result<Items, String> {
    ITEMS.with(|i| *i.borrow()).ok_or_else(|| "make_menus did not run or failed".to_string())
}

/// The menus, before any window: File (Open, Autosave, separator, Quit), Help (About).
pub fn make_menus(ui: &Ui) -> Result<(), String> {
    let file = Menu::new(ui, "File").map_err(|e| e.to_string())?;
    let help = Menu::new(ui, "Help").map_err(|e| e.to_string())?;
    let open = file.append_item("Open").map_err(|e| e.to_string())?;
    let autosave = file.append_check_item("Autosave").map_err(|e| e.to_string())?;
    file.append_separator().map_err(|e| e.to_string())?;
    let quit = file.append_quit_item().map_err(|e| e.to_string())?;
    help.append_about_item().map_err(|e| e.to_string())?;
    check!(help.append_quit_item() == Err(Error::OnlyOne));
    check!(file.append_about_item() == Err(Error::OnlyOne));
    check!(open.kind() == MenuItemKind::Plain && autosave.kind() == MenuItemKind::Check);
    check!(quit.kind() == MenuItemKind::Quit);
    ITEMS.with(|i| *i.borrow_mut() = Some(Items { open, autosave, quit }));
    Ok(())
}

pub const CASES: &[Case] = &[
    ("menus_are_fixed_by_the_first_window", menus_are_fixed_by_the_first_window),
    ("menu_clicks_reach_the_handler_with_the_window", menu_clicks_reach_the_handler_with_the_window),
    ("quit_item_asks_on_should_quit", quit_item_asks_on_should_quit),
    ("file_dialogs_cancelled_give_none", file_dialogs_cancelled_give_none),
    ("window_extras_round_trip", window_extras_round_trip),
];

/// After the Ui is gone its items do nothing (and touch no freed memory).
pub fn items_of_a_dropped_ui_do_nothing() -> bool {
    items().is_ok_and(|i| {
        i.autosave.set_checked(true);
        i.open.disable();
        !i.autosave.checked()
    })
}

/// Chooses item `item` of menu `menu` in the window's menu bar, as the platform does.
fn choose(window: &Window, menu: usize, item: usize) {
    let handle = window.native_handle();
    #[cfg(windows)]
    {
        extern "system" {
            fn GetMenu(h: usize) -> usize;
            fn GetSubMenu(m: usize, pos: i32) -> usize;
            fn GetMenuItemID(m: usize, pos: i32) -> u32;
            fn SendMessageW(h: usize, msg: u32, w: usize, l: isize) -> isize;
        }
        // SAFETY: a live window with a menu bar.
        unsafe {
            let id = GetMenuItemID(GetSubMenu(GetMenu(handle), menu as i32), item as i32);
            SendMessageW(handle, 0x0111, id as usize, 0); // WM_COMMAND from a menu
        }
    }
    #[cfg(not(windows))]
    {
        extern "C" {
            fn gtk_bin_get_child(b: usize) -> usize;
            fn gtk_menu_item_get_submenu(m: usize) -> usize;
            fn gtk_menu_item_activate(m: usize);
        }
        let nth = |container: usize, n: usize| crate::user::children(container)[n];
        // The window holds a box: the menu bar, then the content.
        // SAFETY: live widgets of a window made with a menu bar.
        unsafe {
            let bar = nth(gtk_bin_get_child(handle), 0);
            gtk_menu_item_activate(nth(gtk_menu_item_get_submenu(nth(bar, menu)), item));
        }
    }
}

fn menus_are_fixed_by_the_first_window(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "menus", 300, 200, true);
    check!(Menu::new(ui, "Late").err() == Some(Error::MenusFixed));
    w.destroy();
    Ok(())
}

fn menu_clicks_reach_the_handler_with_the_window(ui: &Ui) -> Result<(), String> {
    let items = items()?;
    let a = Window::new(ui, "a", 300, 200, true);
    let b = Window::new(ui, "b", 300, 200, true);
    a.show();
    b.show();
    pump(ui, 30);
    let seen: Rc<RefCell<Vec<(MenuItemKind, String, bool)>>> = Rc::default();
    for item in [items.open, items.autosave] {
        let seen = seen.clone();
        item.on_clicked(move |item, window| seen.borrow_mut().push((item.kind(), window.title(), item.checked())));
    }
    choose(&b, 0, 0);
    choose(&a, 0, 1);
    pump(ui, 20);
    let got = seen.borrow().clone();
    let want = vec![(MenuItemKind::Plain, "b".to_string(), false), (MenuItemKind::Check, "a".to_string(), true)];
    check!(got == want);
    check!(items.autosave.checked());
    items.autosave.set_checked(false);
    check!(!items.autosave.checked());
    items.open.set_checked(true);
    check!(!items.open.checked());
    // A disabled item does not call its handler.
    items.open.disable();
    choose(&a, 0, 0);
    pump(ui, 20);
    check!(seen.borrow().len() == 2);
    items.open.enable();
    choose(&a, 0, 0);
    pump(ui, 20);
    check!(seen.borrow().len() == 3);
    a.destroy();
    b.destroy();
    Ok(())
}

fn quit_item_asks_on_should_quit(ui: &Ui) -> Result<(), String> {
    let items = items()?;
    let w = Window::new(ui, "quit", 300, 200, true);
    w.show();
    pump(ui, 30);
    let asked = Rc::new(RefCell::new(0));
    let a = asked.clone();
    ui.on_should_quit(move || {
        *a.borrow_mut() += 1;
        true
    });
    items.quit.on_clicked(|_, _| panic!("the Quit item has no handler"));
    choose(&w, 0, 3);
    let mut ended = false;
    for _ in 0..200 {
        if !ui.step(false) {
            ended = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    check!(ended && *asked.borrow() == 1);
    ui.on_should_quit(|| false);
    w.destroy();
    Ok(())
}

/// Cancels the file dialog the platform shows; false while there is none yet.
fn cancel_dialog() -> bool {
    #[cfg(windows)]
    {
        extern "system" {
            fn FindWindowW(class: *const u16, title: *const u16) -> usize;
            fn PostMessageW(h: usize, msg: u32, w: usize, l: isize) -> i32;
        }
        let class: Vec<u16> = "#32770".encode_utf16().chain(Some(0)).collect();
        // SAFETY: plain window lookup and a posted IDCANCEL.
        let d = unsafe { FindWindowW(class.as_ptr(), std::ptr::null()) };
        d != 0 && unsafe { PostMessageW(d, 0x0111, 2, 0) } != 0
    }
    #[cfg(not(windows))]
    {
        extern "C" {
            fn gtk_file_chooser_dialog_get_type() -> usize;
            fn g_type_check_instance_is_a(instance: usize, type_: usize) -> i32;
            fn gtk_dialog_response(d: usize, response: i32);
        }
        // SAFETY: GTK's own list of toplevels; a file chooser gets a cancel.
        let dialog = crate::user::toplevels()
            .into_iter()
            .find(|&w| unsafe { g_type_check_instance_is_a(w, gtk_file_chooser_dialog_get_type()) } != 0);
        dialog.inspect(|&d| unsafe { gtk_dialog_response(d, -6) }).is_some() // GTK_RESPONSE_CANCEL
    }
}

fn file_dialogs_cancelled_give_none(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "owner", 300, 200, false);
    w.show();
    pump(ui, 30);
    for which in 0..3 {
        let cancelled = Rc::new(RefCell::new(false));
        let c = cancelled.clone();
        // Runs inside the dialog's modal loop.
        ui.timer(50, move || {
            let done = cancel_dialog();
            *c.borrow_mut() |= done;
            !done
        });
        let got = match which {
            0 => open_file(None),
            1 => open_folder(Some(&w)),
            _ => save_file(Some(&w)),
        };
        check!(got.is_none() && *cancelled.borrow());
    }
    w.destroy();
    Ok(())
}

fn window_extras_round_trip(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "extras", 240, 160, false);
    w.show();
    pump(ui, 50);
    let moved = Rc::new(RefCell::new(0));
    let m = moved.clone();
    w.on_position_changed(move |_| *m.borrow_mut() += 1);
    w.on_focus_changed(|_| {});
    w.set_position(100, 80);
    pump(ui, 100);
    check!(w.position() == (100, 80));
    check!(*moved.borrow() == 0);
    check!(!w.borderless());
    w.set_borderless(true);
    check!(w.borderless());
    w.set_borderless(false);
    check!(!w.fullscreen());
    w.set_fullscreen(true);
    check!(w.fullscreen());
    w.set_fullscreen(false);
    check!(!w.fullscreen());
    let _ = w.focused();
    w.destroy();
    check!(w.position() == (0, 0) && !w.focused() && !w.borderless());
    Ok(())
}
