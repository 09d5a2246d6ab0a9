//! The safe menus, file dialogs and window extras against the real toolkit (GTK under Xvfb, Win32 under
//! Wine).  A program of its own: menus must be made before the first window, which the cases of
//! tests/gui.rs make.  One line per case, then `N passed, M failed`; a missing display is a failure.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use zt_libui::{open_file, open_folder, save_file, Control, Error, Menu, MenuItem, MenuItemKind, Ui, Window};

macro_rules! check {
    ($cond:expr) => {
        if !$cond {
            return Err(format!("line {}: {}", line!(), stringify!($cond)));
        }
    };
}

fn pump(ui: &Ui, ms: u64) {
    let end = Instant::now() + Duration::from_millis(ms);
    while Instant::now() < end {
        ui.step(false);
        std::thread::sleep(Duration::from_millis(2));
    }
}

struct Items {
    open: MenuItem,
    autosave: MenuItem,
    quit: MenuItem,
}

/// The menus, before any window: File (Open, Autosave, separator, Quit), Help (About).
fn make_menus(ui: &Ui) -> Result<Items, String> {
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
    Ok(Items { open, autosave, quit })
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
        #[repr(C)]
        struct GList {
            data: usize,
            next: *mut GList,
        }
        extern "C" {
            fn gtk_bin_get_child(b: usize) -> usize;
            fn gtk_container_get_children(c: usize) -> *mut GList;
            fn gtk_menu_item_get_submenu(m: usize) -> usize;
            fn gtk_menu_item_activate(m: usize);
        }
        fn nth(container: usize, n: usize) -> usize {
            // SAFETY: a live container; the list is leaked (a test helper).
            let mut node = unsafe { gtk_container_get_children(container) };
            for _ in 0..n {
                node = unsafe { (*node).next };
            }
            unsafe { (*node).data }
        }
        // The window holds a box: the menu bar, then the content.
        // SAFETY: live widgets of a window made with a menu bar.
        unsafe {
            let bar = nth(gtk_bin_get_child(handle), 0);
            gtk_menu_item_activate(nth(gtk_menu_item_get_submenu(nth(bar, menu)), item));
        }
    }
}

fn menus_are_fixed_by_the_first_window(ui: &Ui, items: &Items) -> Result<(), String> {
    let w = Window::new(ui, "menus", 300, 200, true);
    check!(Menu::new(ui, "Late").err() == Some(Error::MenusFixed));
    let _ = items;
    w.destroy();
    Ok(())
}

fn clicks_reach_the_handler_with_the_window(ui: &Ui, items: &Items) -> Result<(), String> {
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

fn quit_item_asks_on_should_quit(ui: &Ui, items: &Items) -> Result<(), String> {
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
        #[repr(C)]
        struct GList {
            data: usize,
            next: *mut GList,
        }
        extern "C" {
            fn gtk_window_list_toplevels() -> *mut GList;
            fn gtk_file_chooser_dialog_get_type() -> usize;
            fn g_type_check_instance_is_a(instance: usize, type_: usize) -> i32;
            fn gtk_dialog_response(d: usize, response: i32);
        }
        // SAFETY: walks GTK's own list of toplevels (leaked: a test helper).
        unsafe {
            let mut node = gtk_window_list_toplevels();
            while !node.is_null() {
                if g_type_check_instance_is_a((*node).data, gtk_file_chooser_dialog_get_type()) != 0 {
                    gtk_dialog_response((*node).data, -6); // GTK_RESPONSE_CANCEL
                    return true;
                }
                node = (*node).next;
            }
        }
        false
    }
}

fn file_dialogs_cancelled_give_none(ui: &Ui, _: &Items) -> Result<(), String> {
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

fn window_extras_round_trip(ui: &Ui, _: &Items) -> Result<(), String> {
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

type Case = (&'static str, fn(&Ui, &Items) -> Result<(), String>);

fn main() -> std::process::ExitCode {
    if cfg!(not(windows)) && std::env::var_os("DISPLAY").is_none() {
        println!("no DISPLAY: run under xvfb-run\n0 passed, 1 failed");
        return std::process::ExitCode::FAILURE;
    }
    let ui = match Ui::init() {
        Ok(ui) => ui,
        Err(e) => {
            println!("init: FAILED ({e})\n0 passed, 1 failed");
            return std::process::ExitCode::FAILURE;
        }
    };
    let items = match make_menus(&ui) {
        Ok(items) => items,
        Err(e) => {
            println!("make_menus: FAILED {e}\n0 passed, 1 failed");
            return std::process::ExitCode::FAILURE;
        }
    };
    let cases: &[Case] = &[
        ("menus_are_fixed_by_the_first_window", menus_are_fixed_by_the_first_window),
        ("clicks_reach_the_handler_with_the_window", clicks_reach_the_handler_with_the_window),
        ("quit_item_asks_on_should_quit", quit_item_asks_on_should_quit),
        ("file_dialogs_cancelled_give_none", file_dialogs_cancelled_give_none),
        ("window_extras_round_trip", window_extras_round_trip),
    ];
    let (mut passed, mut failed) = (0, 0);
    for (name, case) in cases {
        match case(&ui, &items) {
            Ok(()) => {
                passed += 1;
                println!("{name}: ok");
            }
            Err(e) => {
                failed += 1;
                println!("{name}: FAILED {e}");
            }
        }
    }
    drop(ui);
    // The items of a dropped Ui do nothing.
    items.autosave.set_checked(true);
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
