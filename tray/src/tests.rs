//! Unit tests of the Rust side: the C image of a menu, event delivery, the
//! deferred free and panic handling.  No display needed (the C library's
//! calls are replaced where a test needs them).

use super::*;
use std::cell::Cell;
use std::ffi::CStr;

#[derive(Clone, Debug, PartialEq)]
enum Act {
    Open,
    Auto,
    Inner,
    Boom,
    Swap,
}

fn icon() -> Icon {
    Icon::from_rgba(vec![0; 16], 2, 2).unwrap()
}

/// The events a recording handler saw.
type Seen = Rc<RefCell<Vec<Event<Act>>>>;

fn recorder() -> (Seen, Rc<Dispatch<Act>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    (seen, Dispatch::new(Box::new(move |e, _| s.borrow_mut().push(e)), nowhere()))
}

/// A handle to no tray, for dispatchers tested without one.
fn nowhere() -> TrayHandle<Act> {
    TrayHandle::from_weak(Weak::new())
}

unsafe fn texts(mut list: *const sys::tray_menu) -> Vec<String> {
    let mut out = Vec::new();
    while !(*list).text.is_null() {
        out.push(CStr::from_ptr((*list).text).to_string_lossy().into_owned());
        list = list.add(1);
    }
    out
}

unsafe fn choose(entry: *mut sys::tray_menu) {
    ((*entry).cb.expect("entry has a callback"))(entry);
}

#[test]
fn menu_tree_becomes_terminated_c_lists() {
    let (_, dispatch) = recorder();
    let menu = vec![
        MenuItem::action("Open", Act::Open),
        MenuItem::separator(),
        MenuItem::label("Status").disabled(),
        MenuItem::action("Auto", Act::Auto).checked(true),
        MenuItem::submenu("More", vec![MenuItem::action("Inner", Act::Inner).checked(false)]),
    ];
    let b = Built::new(&icon(), "tip", &menu, &dispatch).unwrap();
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
        assert!(b.tray.cb.is_none() && b.tray.event_cb.is_some());
    }
}

#[test]
fn chosen_entries_send_their_actions_to_the_one_handler() {
    let (seen, dispatch) = recorder();
    let menu = vec![
        MenuItem::action("Open", Act::Open),
        MenuItem::submenu("More", vec![MenuItem::action("Inner", Act::Inner)]),
    ];
    let b = Built::new(&icon(), "", &menu, &dispatch).unwrap();
    unsafe {
        choose(b.tray.menu);
        choose((*b.tray.menu.add(1)).submenu);
        let click = sys::tray_event { type_: sys::TRAY_EVENT_ACTIVATE, delta: 0, horizontal: 0 };
        (b.tray.event_cb.unwrap())(&*b.tray as *const sys::tray as *mut sys::tray, &click);
    }
    assert_eq!(*seen.borrow(), [Event::Menu(Act::Open), Event::Menu(Act::Inner), Event::IconClicked]);
}

#[test]
fn accelerators_reach_c_and_its_verdict_is_an_error() {
    let (_, d) = recorder();
    let menu = vec![MenuItem::action("Open", Act::Open).accelerator("Ctrl+O"), MenuItem::action("Auto", Act::Auto)];
    let b = Built::new(&icon(), "", &menu, &d).unwrap();
    unsafe {
        assert_eq!(CStr::from_ptr((*b.tray.menu).accelerator).to_str().unwrap(), "Ctrl+O");
        assert!((*b.tray.menu.add(1)).accelerator.is_null());
    }
    assert_eq!(MenuItem::<Act>::separator().accelerator("Ctrl+O"), MenuItem::Separator);
    // The C library owns the rule; its code becomes the crate's error with its own text.
    assert_eq!(Error::check(sys::TRAY_ERR_ACCEL), Err(Error::Accelerator));
    assert!(Error::Accelerator.to_string().contains("accelerator"), "{}", Error::Accelerator);
    assert_eq!(
        Built::new(&icon(), "", &[MenuItem::action("Open", Act::Open).accelerator("Ctrl+\0")], &d).err(),
        Some(Error::InteriorNul("Ctrl+\0".into()))
    );
}

#[test]
fn empty_menu_is_null_and_file_icons_pass_the_path() {
    let (_, dispatch) = recorder();
    let b = Built::new(&Icon::from_path("/usr/share/icons/x.png").unwrap(), "", &[], &dispatch).unwrap();
    assert!(b.tray.menu.is_null() && b.tray.icon_rgba.is_null());
    assert_eq!(unsafe { CStr::from_ptr(b.tray.icon) }.to_str().unwrap(), "/usr/share/icons/x.png");
}

#[test]
fn bad_strings_are_errors() {
    let (_, d) = recorder();
    let nul = Built::new(&icon(), "", &[MenuItem::label("a\0b")], &d).err();
    assert_eq!(nul, Some(Error::InteriorNul("a\0b".into())));
    assert!(matches!(Built::new::<Act>(&icon(), "x\0", &[], &d).err(), Some(Error::InteriorNul(_))));
    assert_eq!(Built::new(&icon(), "", &[MenuItem::label("-")], &d).err(), Some(Error::ReservedText));
}

/// A panic in the handler is kept, not unwound into C, and raised again on
/// the next call into the crate.
#[test]
fn panics_are_kept_and_raised_again_in_rust() {
    let hits = Rc::new(Cell::new(0));
    let h = hits.clone();
    let dispatch = Dispatch::new(
        Box::new(move |e: Event<Act>, _: &TrayHandle<Act>| {
            if e == Event::Menu(Act::Boom) {
                panic!("handler panic");
            }
            h.set(h.get() + 1);
        }),
        nowhere(),
    );
    let menu = vec![MenuItem::action("Count", Act::Open), MenuItem::action("Boom", Act::Boom)];
    let b = Built::new(&icon(), "", &menu, &dispatch).unwrap();
    unsafe {
        choose(b.tray.menu);
        choose(b.tray.menu.add(1));
    }
    assert!(panic::pending(), "the panic was not kept");
    let raised = std::panic::catch_unwind(panic::check).expect_err("kept panic not raised");
    assert_eq!(raised.downcast_ref::<&str>(), Some(&"handler panic"));
    assert!(!panic::pending());
    unsafe { choose(b.tray.menu) };
    assert_eq!(hits.get(), 2);
    assert!(built::idle());
}

/// The handler replaces the tree its own entry lives in: the old tree must
/// survive until the handler returns and be freed right after.
#[test]
fn update_from_inside_the_handler_defers_the_free() {
    let inner: Rc<Inner<Act>> = Rc::new(Inner {
        current: RefCell::new(None),
        shown: RefCell::new(Shown { icon: icon(), tooltip: String::new(), menu: Vec::new(), attention: None }),
        dispatch: Dispatch::new(Box::new(|_, _| {}), nowhere()),
    });
    let weak = Rc::downgrade(&inner);
    let freed_during = Rc::new(Cell::new(None));
    let seen = freed_during.clone();
    let probe = Rc::new(());
    let watch = Rc::downgrade(&probe);
    // The handler swaps the tree, then checks that the first tree's slot
    // (which holds `probe` through the dispatch it points at) is still there.
    *inner.dispatch.handler.borrow_mut() = Box::new(move |e, _| {
        if e == Event::Menu(Act::Swap) {
            let inner = weak.upgrade().unwrap();
            let next = inner.build(&Shown {
                icon: icon(),
                tooltip: String::new(),
                menu: vec![MenuItem::label("New")],
                attention: None,
            });
            inner.apply(next.unwrap(), |_| 0).unwrap();
            seen.set(Some(built::idle()));
        }
    });
    let first = inner.build(&Shown {
        icon: icon(),
        tooltip: String::new(),
        menu: vec![MenuItem::action("Swap", Act::Swap)],
        attention: None,
    });
    inner.apply(first.unwrap(), |_| 0).unwrap();
    drop(probe);
    assert!(watch.upgrade().is_none());
    let menu = inner.current.borrow().as_ref().unwrap().tray.menu;
    unsafe { choose(menu) };
    assert_eq!(freed_during.get(), Some(false), "old tree freed while its handler ran");
    assert!(built::idle(), "old tree not freed after the handler returned");
    let now = inner.current.borrow().as_ref().unwrap().tray.menu;
    assert_eq!(unsafe { texts(now) }, ["New"]);
}

#[test]
fn refused_update_keeps_the_old_tree() {
    let inner: Rc<Inner<Act>> = Rc::new(Inner {
        current: RefCell::new(None),
        shown: RefCell::new(Shown { icon: icon(), tooltip: String::new(), menu: Vec::new(), attention: None }),
        dispatch: Dispatch::new(Box::new(|_, _| {}), nowhere()),
    });
    let old = inner.build(&Shown {
        icon: icon(),
        tooltip: String::new(),
        menu: vec![MenuItem::label("Old")],
        attention: None,
    });
    inner.apply(old.unwrap(), |_| 0).unwrap();
    let new = inner.build(&Shown {
        icon: icon(),
        tooltip: String::new(),
        menu: vec![MenuItem::label("New")],
        attention: None,
    });
    assert_eq!(inner.apply(new.unwrap(), |_| sys::TRAY_ERR_MENU), Err(Error::Menu));
    let menu = inner.current.borrow().as_ref().unwrap().tray.menu;
    assert_eq!(unsafe { texts(menu) }, ["Old"]);
    assert!(Error::Menu.to_string().contains("menu"), "{}", Error::Menu);
}

/// Events that arrive while the handler runs (a nested loop) wait their turn.
#[test]
fn reentrant_events_are_queued_not_lost() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let slot: Rc<RefCell<Option<Rc<Dispatch<Act>>>>> = Rc::new(RefCell::new(None));
    let (s, me) = (seen.clone(), slot.clone());
    let dispatch = Dispatch::new(
        Box::new(move |e: Event<Act>, _: &TrayHandle<Act>| {
            s.borrow_mut().push(e.clone());
            if e == Event::Menu(Act::Open) {
                let d = me.borrow().clone().unwrap();
                d.deliver_for_test(Event::Menu(Act::Inner));
                assert_eq!(s.borrow().len(), 1, "nested event ran inside the handler");
            }
        }),
        nowhere(),
    );
    *slot.borrow_mut() = Some(dispatch.clone());
    dispatch.deliver_for_test(Event::Menu(Act::Open));
    assert_eq!(*seen.borrow(), [Event::Menu(Act::Open), Event::Menu(Act::Inner)]);
    slot.borrow_mut().take();
}

/// Test threads are not the main thread, which GTK needs: the C library
/// refuses before it touches GTK, so no display is involved.
#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd", target_os = "dragonfly"))]
#[test]
fn building_off_the_main_thread_is_an_error() {
    // No menu, no handler and no type annotation: the action type defaults to ().
    let built = Tray::builder(icon()).tooltip("worker").build();
    assert_eq!(built.err(), Some(Error::WrongThread));
    // Nothing was shown, so leaving the loop from here is a harmless no-op.
    crate::exit_loop();
    assert!(Error::WrongThread.to_string().contains("thread"), "{}", Error::WrongThread);
}

/// The handler gets a handle to its own tray, so it can change it in one line.
#[test]
fn the_handler_gets_its_own_tray() {
    let same = Rc::new(Cell::new(false));
    let seen = same.clone();
    let inner: Rc<Inner<Act>> = Rc::new_cyclic(|weak: &Weak<Inner<Act>>| {
        let me = weak.clone();
        Inner {
            current: RefCell::new(None),
            shown: RefCell::new(Shown { icon: icon(), tooltip: String::new(), menu: Vec::new(), attention: None }),
            dispatch: Dispatch::new(
                Box::new(move |_, tray: &TrayHandle<Act>| {
                    let (Ok(got), Some(mine)) = (tray.get(), me.upgrade()) else { return };
                    seen.set(Rc::ptr_eq(&got, &mine));
                }),
                TrayHandle::from_weak(weak.clone()),
            ),
        }
    });
    inner.dispatch.deliver_for_test(Event::IconClicked);
    assert!(same.get(), "the handler's handle is not its own tray");
    // A tray that was never shown (or is closed) says so through the handle.
    let handle = TrayHandle::from_weak(Rc::downgrade(&inner));
    assert_eq!(handle.set_tooltip("x"), Err(Error::Closed));
}

/// With `on_panic`, a handler panic goes to the hook (another loop's way to
/// stop and raise it) instead of waiting for the next tray call.
#[test]
fn on_panic_hands_handler_panics_to_the_hook() {
    let got: Rc<RefCell<Option<String>>> = Rc::default();
    let g = got.clone();
    panic::set_hook(Some(Box::new(move |p: Box<dyn std::any::Any + Send>| {
        *g.borrow_mut() = p.downcast_ref::<&str>().map(|s| s.to_string());
    })));
    let dispatch = Dispatch::new(Box::new(|_, _: &TrayHandle<Act>| panic!("to the hook")), nowhere());
    let b = Built::new(&icon(), "", &[MenuItem::action("Boom", Act::Boom)], &dispatch).unwrap();
    unsafe { choose(b.tray.menu) };
    panic::set_hook(None);
    assert_eq!(got.borrow().as_deref(), Some("to the hook"));
    assert!(!panic::pending(), "the panic was also kept");
}

/// A builder without a handler can take a menu of any action type; after
/// `on_event` the menu keeps the handler's type.
#[test]
fn the_builder_takes_the_menus_action_type() {
    let b = Tray::builder(icon()).menu(vec![MenuItem::action("Open", Act::Open)]);
    let b = b.on_event(|_: Event<Act>, _| {}).menu(vec![MenuItem::action("Auto", Act::Auto)]);
    assert_eq!(b.menu.len(), 1);
}

/// The crate docs' table of what each backend shows covers every tray feature the
/// crate offers, in every backend's column, and none is left "not yet".
#[test]
fn the_backend_table_covers_every_feature() {
    let docs: Vec<&str> = include_str!("lib.rs").lines().filter_map(|l| l.strip_prefix("//! |")).collect();
    for feature in [
        "[`Event::IconClicked`]",
        "tooltip",
        "icon sizes, HiDPI",
        "icons in menu items",
        "radio items",
        "keyboard accelerators",
        "dark popup menu",
    ] {
        let row =
            docs.iter().find(|r| r.trim_start().starts_with(feature)).unwrap_or_else(|| panic!("no row {feature}"));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // feature, Windows, StatusNotifierItem, XEmbed, and the empty cell after the last bar.
        assert_eq!(cells.len(), 5, "{feature}: {row}");
        assert!(cells[1..4].iter().all(|c| !c.is_empty() && !c.contains("not yet")), "{feature}: {row}");
    }
}
