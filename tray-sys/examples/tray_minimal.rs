//! The smallest tray: an icon drawn in memory, "Hello" and "Quit", a line printed for a
//! click on the icon, and the library's own loop. `--exit-after-init` (or TRAY_EXIT_AFTER_INIT=1) stops right after tray_init, so
//! cross builds can prove they link and start.

use std::ffi::{c_void, CStr};
use std::ptr::{null, null_mut};
use zt_tray_sys::*;

unsafe extern "C" fn hello(item: *mut tray_menu) {
    let text = CStr::from_ptr((*item).text);
    println!("clicked {}", text.to_string_lossy());
}

unsafe extern "C" fn icon_clicked(_tray: *mut tray) {
    println!("clicked icon");
}

unsafe extern "C" fn quit(_item: *mut tray_menu) {
    tray_exit();
}

const fn entry(text: &'static CStr, cb: Option<unsafe extern "C" fn(*mut tray_menu)>) -> tray_menu {
    tray_menu {
        text: text.as_ptr(),
        disabled: 0,
        checked: 0,
        checkbox: 0,
        cb,
        context: null_mut(),
        submenu: null_mut(),
        radio: 0,
        icons: null(),
        icon_count: 0,
        accelerator: null(),
    }
}

fn main() {
    // A filled circle, so the icon needs no file.
    const SIZE: i32 = 32;
    let mut pixels = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (dx, dy) = (x as f32 - 15.5, y as f32 - 15.5);
            let inside = dx * dx + dy * dy <= 15.0 * 15.0;
            pixels.extend_from_slice(if inside { &[0xff, 0xb0, 0x00, 0xff] } else { &[0, 0, 0, 0] });
        }
    }
    let mut menu = [entry(c"Hello", Some(hello)), entry(c"Quit", Some(quit)), entry(c"", None)];
    menu[2].text = null();
    let mut t = tray {
        icon: null(),
        tooltip: c"tray_minimal".as_ptr(),
        menu: menu.as_mut_ptr(),
        icon_rgba: pixels.as_ptr(),
        icon_width: SIZE,
        icon_height: SIZE,
        cb: Some(icon_clicked),
        context: null_mut::<c_void>(),
        icons: null(),
        icon_count: 0,
        attention: 0,
        attention_icons: null(),
        attention_icon_count: 0,
        event_cb: None,
    };
    let r = unsafe { tray_init(&mut t) };
    if r != 0 {
        let why = unsafe { CStr::from_ptr(tray_strerror(r)) };
        eprintln!("tray_init failed: {}", why.to_string_lossy());
        std::process::exit(1);
    }
    let exit_now = std::env::args().any(|a| a == "--exit-after-init")
        || std::env::var_os("TRAY_EXIT_AFTER_INIT").is_some_and(|v| v == "1");
    if exit_now {
        unsafe { tray_exit() };
        return;
    }
    while unsafe { tray_loop(1) } == 0 {}
}
