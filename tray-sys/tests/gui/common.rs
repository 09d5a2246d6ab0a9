//! Building C trays and menus for the cases. Strings and arrays are leaked on purpose:
//! the library keeps pointers to them until the next update, and tests are short-lived.

use std::ffi::{c_char, c_void, CString};
use std::sync::atomic::{AtomicUsize, Ordering};
use zt_tray_sys::*;

/// bindgen types the macro 0 as u32; the functions return int.
pub const OK: i32 = TRAY_OK;

pub fn cstr(s: &str) -> *const c_char {
    CString::new(s).expect("test strings have no NUL").into_raw()
}

pub fn raw_bytes(b: &[u8]) -> *const c_char {
    let mut v = b.to_vec();
    v.push(0);
    Box::leak(v.into_boxed_slice()).as_ptr() as *const c_char
}

pub const END: tray_menu = tray_menu {
    text: std::ptr::null(),
    disabled: 0,
    checked: 0,
    checkbox: 0,
    cb: None,
    context: std::ptr::null_mut(),
    submenu: std::ptr::null_mut(),
    radio: 0,
    icons: std::ptr::null(),
    icon_count: 0,
    accelerator: std::ptr::null(),
};

pub fn item(text: &str, context: usize) -> tray_menu {
    tray_menu { text: cstr(text), cb: Some(record_item), context: context as *mut c_void, ..END }
}

/// A NULL-terminated menu list that lives for the rest of the process.
pub fn menu(mut items: Vec<tray_menu>) -> *mut tray_menu {
    items.push(END);
    Box::leak(items.into_boxed_slice()).as_mut_ptr()
}

/// A 16x16 pixel icon in the given colour, opaque.
pub fn pixels(rgb: [u8; 3]) -> &'static [u8] {
    let mut v = Vec::with_capacity(16 * 16 * 4);
    for _ in 0..16 * 16 {
        v.extend_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
    }
    Box::leak(v.into_boxed_slice())
}

pub fn pixel_tray(tooltip: &str, menu: *mut tray_menu) -> &'static mut tray {
    let px = pixels([0x20, 0x80, 0xf0]);
    Box::leak(Box::new(tray {
        icon: std::ptr::null(),
        tooltip: cstr(tooltip),
        menu,
        icon_rgba: px.as_ptr(),
        icon_width: 16,
        icon_height: 16,
        cb: Some(record_tray),
        context: 77 as *mut c_void,
        icons: std::ptr::null(),
        icon_count: 0,
        attention: 0,
        attention_icons: std::ptr::null(),
        attention_icon_count: 0,
        event_cb: None,
    }))
}

/// The standard menu the layout cases read back.
pub fn sample_menu() -> *mut tray_menu {
    let sub = menu(vec![item("Child A", 11), tray_menu { disabled: 1, ..item("Child B", 12) }]);
    menu(vec![
        item("First", 1),
        item("-", 0),
        tray_menu { checkbox: 1, checked: 1, ..item("Checked", 3) },
        tray_menu { checkbox: 1, checked: 0, ..item("Unchecked", 4) },
        tray_menu { disabled: 1, ..item("Disabled", 5) },
        tray_menu { checked: 1, ..item("Plain with checked set", 6) },
        tray_menu { submenu: sub, cb: None, ..item("Sub", 7) },
    ])
}

/// `depth` nested submenus, each holding one leaf "Level N" and the next submenu.
pub fn deep_menu(depth: usize) -> *mut tray_menu {
    let mut inner = menu(vec![item(&format!("Level {depth}"), 1000 + depth)]);
    for level in (0..depth).rev() {
        inner = menu(vec![
            item(&format!("Level {level}"), 1000 + level),
            tray_menu { submenu: inner, cb: None, ..item(&format!("Deeper {level}"), 0) },
        ]);
    }
    inner
}

pub fn wide_menu(n: usize) -> *mut tray_menu {
    menu((0..n).map(|i| item(&format!("Item {i}"), 10_000 + i)).collect())
}

pub static ITEM_CALLS: AtomicUsize = AtomicUsize::new(0);
pub static LAST_ITEM_CONTEXT: AtomicUsize = AtomicUsize::new(0);
pub static TRAY_CALLS: AtomicUsize = AtomicUsize::new(0);
pub static LAST_TRAY_CONTEXT: AtomicUsize = AtomicUsize::new(0);

pub unsafe extern "C" fn record_item(m: *mut tray_menu) {
    LAST_ITEM_CONTEXT.store((*m).context as usize, Ordering::SeqCst);
    ITEM_CALLS.fetch_add(1, Ordering::SeqCst);
}

pub unsafe extern "C" fn record_tray(t: *mut tray) {
    LAST_TRAY_CONTEXT.store((*t).context as usize, Ordering::SeqCst);
    TRAY_CALLS.fetch_add(1, Ordering::SeqCst);
}

pub fn reset_calls() {
    ITEM_CALLS.store(0, Ordering::SeqCst);
    LAST_ITEM_CONTEXT.store(0, Ordering::SeqCst);
    TRAY_CALLS.store(0, Ordering::SeqCst);
    LAST_TRAY_CONTEXT.store(0, Ordering::SeqCst);
}

pub fn item_calls() -> (usize, usize) {
    (ITEM_CALLS.load(Ordering::SeqCst), LAST_ITEM_CONTEXT.load(Ordering::SeqCst))
}

pub fn tray_calls() -> (usize, usize) {
    (TRAY_CALLS.load(Ordering::SeqCst), LAST_TRAY_CONTEXT.load(Ordering::SeqCst))
}

/// Fails with the library's own description of an unexpected result.
pub fn expect(what: &str, got: i32, want: i32) -> Result<(), String> {
    if got == want {
        return Ok(());
    }
    let text = |c| unsafe { std::ffi::CStr::from_ptr(tray_strerror(c)).to_string_lossy().into_owned() };
    Err(format!("{what}: got {got} ({}), want {want} ({})", text(got), text(want)))
}

pub fn ensure(cond: bool, what: impl Into<String>) -> Result<(), String> {
    if cond {
        Ok(())
    } else {
        Err(what.into())
    }
}

/// A menu whose first item, when chosen, swaps in a new menu from inside its own callback.
pub static SELF_UPDATES: AtomicUsize = AtomicUsize::new(0);
static mut SELF_TRAY: *mut tray = std::ptr::null_mut();

pub unsafe extern "C" fn update_from_callback(m: *mut tray_menu) {
    let n = SELF_UPDATES.fetch_add(1, Ordering::SeqCst) + 1;
    let ctx = (*m).context as usize;
    let t = &mut *SELF_TRAY;
    t.menu = self_updating_menu(n);
    let r = tray_update(t);
    assert_eq!(r, OK, "tray_update inside a callback");
    LAST_ITEM_CONTEXT.store(ctx, Ordering::SeqCst);
}

pub fn self_updating_menu(generation: usize) -> *mut tray_menu {
    menu(vec![
        tray_menu { cb: Some(update_from_callback), ..item(&format!("Generation {generation}"), 500 + generation) },
        item("Other", 2),
    ])
}

pub fn self_updating_tray() -> *mut tray {
    let t = pixel_tray("self-updating", self_updating_menu(0));
    unsafe { SELF_TRAY = t };
    t
}

/// sample_menu's shape with other texts, states and contexts (101.., 111..):
/// what an in-place update gets.
pub fn sample_menu_reworded() -> *mut tray_menu {
    let sub = menu(vec![item("Child A2", 111), item("Child B2", 112)]);
    menu(vec![
        item("First again", 101),
        item("-", 0),
        tray_menu { checkbox: 1, checked: 0, ..item("Checked", 103) },
        tray_menu { checkbox: 1, checked: 1, ..item("Unchecked", 104) },
        item("Enabled now", 105),
        item("Plain", 106),
        tray_menu { submenu: sub, ..item("Sub", 0) },
    ])
}

/// Icon events received through event_cb: (type, delta, horizontal, context).
pub static EVENTS: std::sync::Mutex<Vec<(i32, i32, i32, usize)>> = std::sync::Mutex::new(Vec::new());

pub unsafe extern "C" fn record_event(t: *mut tray, ev: *const tray_event) {
    let ev = &*ev;
    EVENTS.lock().unwrap().push((ev.type_, ev.delta, ev.horizontal, (*t).context as usize));
}

pub fn take_events() -> Vec<(i32, i32, i32, usize)> {
    std::mem::take(&mut *EVENTS.lock().unwrap())
}

/// A w x h opaque image in one colour, leaked like everything else here.
pub fn image(w: i32, h: i32, rgba: [u8; 4]) -> tray_image {
    let px = Box::leak(rgba.repeat((w * h) as usize).into_boxed_slice());
    tray_image { rgba: px.as_ptr(), width: w, height: h }
}

/// A list of images that lives for the rest of the process: (pointer, count).
pub fn images(list: Vec<tray_image>) -> (*const tray_image, i32) {
    let n = list.len() as i32;
    (Box::leak(list.into_boxed_slice()).as_ptr(), n)
}

/// The standard three sizes, one colour each: 16 red, 32 green, 48 blue.
pub fn three_sizes() -> (*const tray_image, i32) {
    images(vec![image(16, 16, [255, 0, 0, 255]), image(32, 32, [0, 255, 0, 255]), image(48, 48, [0, 0, 255, 255])])
}

/// A menu with a radio group (the second item checked) and an item with an icon.
pub fn radio_icon_menu() -> *mut tray_menu {
    let (icons, icon_count) = three_sizes();
    menu(vec![
        tray_menu { radio: 1, ..item("Radio A", 21) },
        tray_menu { radio: 1, checked: 1, ..item("Radio B", 22) },
        tray_menu { icons, icon_count, ..item("With icon", 23) },
        item("Plain", 24),
    ])
}

/// radio_icon_menu's shape with the mark on "Radio A" and no icon: an in-place update.
pub fn radio_moved_menu() -> *mut tray_menu {
    menu(vec![
        tray_menu { radio: 1, checked: 1, ..item("Radio A", 21) },
        tray_menu { radio: 1, ..item("Radio B", 22) },
        item("With icon", 23),
        item("Plain", 24),
    ])
}

/// A menu with accelerators: plain, several modifiers in another order, punctuation, the
/// '+' key, none, and one on a submenu entry (ignored).
pub fn accel_menu() -> *mut tray_menu {
    menu(vec![
        tray_menu { accelerator: cstr("ctrl+q"), ..item("Quit", 31) },
        tray_menu { accelerator: cstr("Shift+Control+F5"), ..item("Reload", 32) },
        tray_menu { accelerator: cstr("Alt+,"), ..item("Comma", 33) },
        tray_menu { accelerator: cstr("Ctrl++"), ..item("Zoom", 34) },
        item("None", 35),
        tray_menu { accelerator: cstr("Ctrl+S"), submenu: menu(vec![item("Inside", 36)]), ..item("Sub", 0) },
    ])
}

/// accel_menu's shape with "Quit" rebound, "Reload" unbound and "None" bound: in place.
pub fn accel_moved_menu() -> *mut tray_menu {
    menu(vec![
        tray_menu { accelerator: cstr("Super+Escape"), ..item("Quit", 31) },
        item("Reload", 32),
        tray_menu { accelerator: cstr("Alt+,"), ..item("Comma", 33) },
        tray_menu { accelerator: cstr("Ctrl++"), ..item("Zoom", 34) },
        tray_menu { accelerator: cstr("PageDown"), ..item("None", 35) },
        tray_menu { accelerator: cstr("Ctrl+S"), submenu: menu(vec![item("Inside", 36)]), ..item("Sub", 0) },
    ])
}
