//! Every documented error path. Cases marked needs_display reach the platform part.

use crate::common::*;
use crate::runner::Case;
use std::ffi::{c_char, CStr};
use std::ptr::null_mut;
use zt_tray_sys::*;

// Private helpers of vendor/tray/common (trayp.h), linked from the same static library:
// the tooltip cut is only observable through them.
extern "C" {
    fn trayp_utf8_to_utf16(s: *const c_char, out: *mut u16, cap: usize) -> usize;
    fn trayp_utf8_valid(s: *const c_char) -> i32;
    fn trayp_check_tray(tray: *const tray, items: *mut i32) -> i32;
    fn trayp_image_pick(images: *const tray_image, count: i32, size: i32) -> *const tray_image;
    fn trayp_accel_parse(text: *const c_char, out: *mut Accel) -> i32;
    fn trayp_accel_text(accel: *const Accel, out: *mut c_char, cap: usize);
}

/// struct trayp_accel.
#[repr(C)]
struct Accel {
    mods: i32,
    key: [c_char; 12],
    label: [c_char; 12],
}

pub fn cases() -> Vec<Case> {
    vec![
        Case { name: "null_tray", needs_display: false, run: null_tray },
        Case { name: "update_and_loop_before_init", needs_display: false, run: before_init },
        Case { name: "invalid_utf8", needs_display: false, run: invalid_utf8 },
        Case { name: "missing_or_bad_icon", needs_display: false, run: bad_icon },
        Case { name: "menu_limits", needs_display: false, run: menu_limits },
        Case { name: "bad_image_lists", needs_display: false, run: bad_image_lists },
        Case { name: "image_pick_rule", needs_display: false, run: image_pick },
        Case { name: "accelerators_parsed_or_rejected", needs_display: false, run: accelerators },
        Case { name: "notify_arguments", needs_display: false, run: notify_arguments },
        Case { name: "strerror", needs_display: false, run: strerror },
        Case { name: "utf8_validation_and_tooltip_cut", needs_display: false, run: utf16_cut },
        Case { name: "double_init", needs_display: true, run: double_init },
        Case { name: "init_exit_init", needs_display: true, run: init_exit_init },
        Case { name: "calls_from_another_thread", needs_display: true, run: calls_from_another_thread },
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd", target_os = "dragonfly"))]
        Case { name: "init_off_the_main_thread", needs_display: false, run: init_off_the_main_thread },
    ]
}

/// The image lists (icons, attention icons, menu icons) reject what they cannot show,
/// before anything reaches the platform.
fn bad_image_lists() -> Result<(), String> {
    let ok = image(16, 16, [1, 2, 3, 255]);
    let no_pixels = tray_image { rgba: std::ptr::null(), ..ok };
    let one = images(vec![ok]).0;
    let cases: Vec<(&str, (*const tray_image, i32), i32)> = vec![
        ("NULL list with a count", (std::ptr::null(), 2), TRAY_ERR_NULL),
        ("list with count 0", (one, 0), TRAY_ERR_ICON),
        ("negative count", (one, -1), TRAY_ERR_ICON),
        ("17 sizes", images(vec![ok; 17]), TRAY_ERR_ICON),
        ("NULL pixels", images(vec![ok, no_pixels]), TRAY_ERR_NULL),
        ("zero width", images(vec![tray_image { width: 0, ..ok }]), TRAY_ERR_ICON),
        ("negative height", images(vec![tray_image { height: -4, ..ok }]), TRAY_ERR_ICON),
        ("too large", images(vec![tray_image { width: TRAY_MAX_ICON_SIZE + 1, ..ok }]), TRAY_ERR_ICON),
    ];
    for (what, (list, count), want) in cases {
        let t = pixel_tray("x", sample_menu());
        (t.icons, t.icon_count) = (list, count);
        unsafe { expect(&format!("icons: {what}"), tray_init(t), want)? };
        let t = pixel_tray("x", sample_menu());
        (t.attention_icons, t.attention_icon_count) = (list, count);
        unsafe { expect(&format!("attention icons: {what}"), tray_init(t), want)? };
        let deep = menu(vec![tray_menu { icons: list, icon_count: count, ..item("bad icon", 1) }]);
        let t = pixel_tray("x", menu(vec![item("fine", 2), tray_menu { submenu: deep, ..item("sub", 0) }]));
        unsafe { expect(&format!("menu icon: {what}"), tray_init(t), want)? };
    }
    // icons needs no icon or icon_rgba beside it.
    let t = pixel_tray("x", std::ptr::null_mut());
    (t.icon_rgba, t.icons, t.icon_count) = (std::ptr::null(), one, 1);
    unsafe { expect("icons alone", trayp_check_tray(t, &mut 0), OK) }
}

/// The size an icon list shows at a given pixel size (Win32 tray and menu icons, the XEmbed
/// fallback, dbusmenu icon-data): the smallest at least that large, else the largest.
fn image_pick() -> Result<(), String> {
    // Out of order on purpose, with one wide image: its longer side counts.
    let list = [image(32, 32, [0; 4]), image(16, 16, [0; 4]), image(48, 20, [0; 4]), image(24, 24, [0; 4])];
    for (size, want) in
        [(1, 16), (16, 16), (17, 24), (20, 24), (24, 24), (25, 32), (33, 48), (48, 48), (64, 48), (96, 48)]
    {
        let got = unsafe { *trayp_image_pick(list.as_ptr(), list.len() as i32, size) };
        ensure(got.width == want, format!("at {size} px picked {}x{}, want width {want}", got.width, got.height))?;
    }
    Ok(())
}

/// The accelerator rule every backend shares: what is understood, how each backend names
/// it (Windows text, X keysym), and that anything else is TRAY_ERR_ACCEL before the platform.
fn accelerators() -> Result<(), String> {
    let parse = |text: &str| unsafe {
        let mut a = Accel { mods: -1, key: [1; 12], label: [1; 12] };
        let r = trayp_accel_parse(cstr(text), &mut a);
        let mut out = [0 as c_char; 48];
        trayp_accel_text(&a, out.as_mut_ptr(), out.len());
        let key = CStr::from_ptr(a.key.as_ptr()).to_string_lossy().into_owned();
        (r, CStr::from_ptr(out.as_ptr()).to_string_lossy().into_owned(), key)
    };
    for (text, shown, keysym) in [
        ("ctrl+q", "Ctrl+Q", "q"),
        ("Shift+Control+F5", "Ctrl+Shift+F5", "F5"),
        ("alt+super+enter", "Alt+Win+Enter", "Return"),
        ("Win+Return", "Win+Enter", "Return"),
        ("Ctrl++", "Ctrl++", "plus"),
        ("Ctrl+Plus", "Ctrl++", "plus"),
        ("Alt+,", "Alt+,", "comma"),
        ("Ctrl+\\", "Ctrl+\\", "backslash"),
        ("pgdn", "PgDn", "Page_Down"),
        ("Meta+F24", "Win+F24", "F24"),
        ("CTRL+ALT+SHIFT+SUPER+BACKSPACE", "Ctrl+Alt+Shift+Win+Backspace", "BackSpace"),
        ("7", "7", "7"),
    ] {
        let got = parse(text);
        ensure(got == (OK, shown.into(), keysym.into()), format!("{text:?}: {got:?}"))?;
    }
    let long = format!("{}Q", "Ctrl+".repeat(13));
    for bad in [
        "",
        "Ctrl+",
        "Ctrl",
        "+Ctrl",
        "Hyper+Q",
        "Ctrl+Ctrl+Q",
        "Ctrl+Control+Q",
        "Ctrl+Q+W",
        "F0",
        "F25",
        "F1a",
        "Ctrl+é",
        "Ctrl+QQ",
        "Ctrl+ Q",
        "Ctrl-Q",
        &long,
    ] {
        let got = parse(bad);
        ensure(got == (TRAY_ERR_ACCEL, String::new(), String::new()), format!("{bad:?} gave {got:?}"))?;
        // Top level and in a submenu alike, before anything reaches the platform.
        let t = pixel_tray("x", menu(vec![tray_menu { accelerator: cstr(bad), ..item("bad", 1) }]));
        unsafe { expect(&format!("tray_init with {bad:?}"), tray_init(t), TRAY_ERR_ACCEL)? };
        let deep = menu(vec![tray_menu { accelerator: cstr(bad), ..item("bad", 1) }]);
        let t = pixel_tray("x", menu(vec![tray_menu { submenu: deep, ..item("sub", 0) }]));
        unsafe { expect(&format!("submenu accelerator {bad:?}"), trayp_check_tray(t, &mut 0), TRAY_ERR_ACCEL)? };
    }
    let t = pixel_tray("x", menu(vec![tray_menu { accelerator: raw_bytes(b"Ctrl+\xff"), ..item("bad", 1) }]));
    unsafe { expect("accelerator not UTF-8", trayp_check_tray(t, &mut 0), TRAY_ERR_UTF8)? };
    unsafe {
        expect(
            "NULL accelerator",
            trayp_accel_parse(std::ptr::null(), &mut Accel { mods: 0, key: [0; 12], label: [0; 12] }),
            OK,
        )?
    };
    unsafe { expect("accelerator menu", trayp_check_tray(pixel_tray("x", accel_menu()), &mut 0), OK) }
}

fn null_tray() -> Result<(), String> {
    unsafe {
        expect("tray_init(NULL)", tray_init(null_mut()), TRAY_ERR_NULL)?;
        expect("tray_native_menu before init", tray_native_menu().is_null() as i32, 1)
    }
}

fn before_init() -> Result<(), String> {
    let t = pixel_tray("x", sample_menu());
    unsafe {
        expect("tray_update before init", tray_update(t), TRAY_ERR_NOT_INIT)?;
        expect("tray_update(NULL) before init", tray_update(null_mut()), TRAY_ERR_NOT_INIT)?;
        expect("tray_notify before init", tray_notify(cstr("a"), cstr("b")), TRAY_ERR_NOT_INIT)?;
        // tray_exit without init is a no-op; the loop still has nothing to run.
        tray_exit();
        expect("tray_loop before init", tray_loop(0), TRAY_ERR_NOT_INIT)
    }
}

fn invalid_utf8() -> Result<(), String> {
    let bad: [&[u8]; 6] = [b"\xff", b"abc\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82"];
    for b in bad {
        let t = pixel_tray("ok", menu(vec![item("fine", 1), tray_menu { text: raw_bytes(b), ..END }]));
        unsafe { expect(&format!("item text {b:x?}"), tray_init(t), TRAY_ERR_UTF8)? };
        let t = pixel_tray("ok", sample_menu());
        t.tooltip = raw_bytes(b);
        unsafe { expect(&format!("tooltip {b:x?}"), tray_init(t), TRAY_ERR_UTF8)? };
        // Deep inside a submenu too.
        let t = pixel_tray(
            "ok",
            menu(vec![tray_menu { submenu: menu(vec![tray_menu { text: raw_bytes(b), ..END }]), ..item("s", 0) }]),
        );
        unsafe { expect(&format!("submenu text {b:x?}"), tray_init(t), TRAY_ERR_UTF8)? };
        let t = pixel_tray("ok", null_mut());
        t.icon_rgba = std::ptr::null();
        t.icon = raw_bytes(b);
        unsafe { expect(&format!("icon path {b:x?}"), tray_init(t), TRAY_ERR_UTF8)? };
    }
    Ok(())
}

fn bad_icon() -> Result<(), String> {
    let missing = if cfg!(windows) { "C:\\no\\such\\dir\\icon.ico" } else { "/no/such/dir/icon.png" };
    let t = pixel_tray("ok", sample_menu());
    t.icon_rgba = std::ptr::null();
    t.icon = cstr(missing);
    unsafe { expect("missing icon file", tray_init(t), TRAY_ERR_ICON)? };
    // A file that exists but is no image.
    let junk = std::env::temp_dir().join(format!("tray-not-an-icon-{}.ico", std::process::id()));
    std::fs::write(&junk, b"this is not an image").map_err(|e| e.to_string())?;
    t.icon = cstr(junk.to_str().unwrap());
    let r = unsafe { tray_init(t) };
    let _ = std::fs::remove_file(&junk);
    expect("unreadable icon file", r, TRAY_ERR_ICON)?;
    t.icon = std::ptr::null();
    unsafe { expect("no icon at all", tray_init(t), TRAY_ERR_ICON)? };
    let px = pixels([1, 2, 3]);
    for (w, h) in [(0, 16), (16, 0), (-1, 16), (16, -5), (2000, 16), (16, 1025)] {
        t.icon_rgba = px.as_ptr();
        t.icon_width = w;
        t.icon_height = h;
        unsafe { expect(&format!("pixels {w}x{h}"), tray_init(t), TRAY_ERR_ICON)? };
    }
    Ok(())
}

fn menu_limits() -> Result<(), String> {
    let t = pixel_tray("ok", deep_menu(TRAY_MAX_DEPTH as usize + 1));
    unsafe { expect("too deep", tray_init(t), TRAY_ERR_MENU)? };
    t.menu = wide_menu(TRAY_MAX_ITEMS as usize + 1);
    unsafe { expect("too many items", tray_init(t), TRAY_ERR_MENU)? };
    // A submenu that points back at its parent is a cycle, caught by the depth limit.
    let cyclic = menu(vec![item("loop", 1)]);
    unsafe { (*cyclic).submenu = cyclic };
    t.menu = cyclic;
    unsafe { expect("cyclic submenu", tray_init(t), TRAY_ERR_MENU) }
}

fn notify_arguments() -> Result<(), String> {
    unsafe {
        expect("notify NULL title", tray_notify(std::ptr::null(), cstr("b")), TRAY_ERR_NULL)?;
        expect("notify NULL text", tray_notify(cstr("a"), std::ptr::null()), TRAY_ERR_NULL)?;
        expect("notify bad UTF-8", tray_notify(raw_bytes(b"\xff"), cstr("b")), TRAY_ERR_UTF8)
    }
}

fn strerror() -> Result<(), String> {
    let codes = [
        OK,
        TRAY_ERR_NULL,
        TRAY_ERR_UTF8,
        TRAY_ERR_ICON,
        TRAY_ERR_MENU,
        TRAY_ERR_NOT_INIT,
        TRAY_ERR_ALREADY_INIT,
        TRAY_ERR_NOMEM,
        TRAY_ERR_PLATFORM,
        TRAY_ERR_THREAD,
        TRAY_ERR_ACCEL,
        -1000,
    ];
    let texts: Vec<String> =
        codes.iter().map(|&c| unsafe { CStr::from_ptr(tray_strerror(c)).to_string_lossy().into_owned() }).collect();
    let mut unique = texts.clone();
    unique.sort();
    unique.dedup();
    ensure(unique.len() == codes.len() && texts.iter().all(|t| !t.is_empty()), format!("not distinct: {texts:?}"))
}

fn utf16_cut() -> Result<(), String> {
    unsafe {
        for (s, valid) in [("", true), ("héllo €𝄞", true)] {
            ensure((trayp_utf8_valid(cstr(s)) != 0) == valid, format!("valid {s:?}"))?;
        }
        ensure(trayp_utf8_valid(raw_bytes(b"\xe0\x80\x80")) == 0, "overlong 3-byte accepted")?;
        // 126 ASCII units, then an emoji (a surrogate pair) that does not fit in 127: it is dropped whole.
        let text = format!("{}😀tail", "a".repeat(126));
        let mut buf = [0xffffu16; 128];
        let n = trayp_utf8_to_utf16(cstr(&text), buf.as_mut_ptr(), 128);
        ensure(n == 126 && buf[126] == 0, format!("cut at {n}, unit 126 = {:#x}", buf[126]))?;
        // With room for the pair it is kept, and nothing after it is half-written.
        let text = format!("{}😀tail", "a".repeat(125));
        let n = trayp_utf8_to_utf16(cstr(&text), buf.as_mut_ptr(), 128);
        let want: Vec<u16> = text.encode_utf16().take(127).collect();
        ensure(n == 127 && buf[..127] == want[..] && buf[127] == 0, format!("kept {n}"))?;
        let n = trayp_utf8_to_utf16(cstr("x"), buf.as_mut_ptr(), 0);
        ensure(n == 0, "zero capacity")
    }
}

fn double_init() -> Result<(), String> {
    let t = pixel_tray("double", sample_menu());
    unsafe {
        expect("first init", tray_init(t), OK)?;
        expect("second init", tray_init(t), TRAY_ERR_ALREADY_INIT)?;
        expect("update(NULL) after init", tray_update(null_mut()), TRAY_ERR_NULL)?;
        // A bad update leaves the tray as it was.
        let bad = pixel_tray("x", null_mut());
        bad.icon_width = 0;
        expect("bad update", tray_update(bad), TRAY_ERR_ICON)?;
        expect("loop still runs", tray_loop(0), 0)?;
        tray_exit();
        expect("loop after exit", tray_loop(0), 1)?;
        expect("update after exit", tray_update(t), TRAY_ERR_NOT_INIT)
    }
}

fn init_exit_init() -> Result<(), String> {
    for round in 0..3 {
        let t = pixel_tray(&format!("round {round}"), sample_menu());
        unsafe {
            expect("init", tray_init(t), OK)?;
            // Linux has a GtkMenu only in the XEmbed fallback; these runs have a watcher.
            #[cfg(windows)]
            ensure(!tray_native_menu().is_null(), "native menu after init")?;
            tray_exit();
            ensure(tray_native_menu().is_null(), "native menu after exit")?;
        }
    }
    Ok(())
}

/// Every call but tray_strerror from a thread other than the tray's is ignored with
/// TRAY_ERR_THREAD (NULL, nothing); the tray goes on as if it had not happened.
fn calls_from_another_thread() -> Result<(), String> {
    let t = pixel_tray("threads", sample_menu());
    unsafe { expect("init", tray_init(t), OK)? };
    let tray_addr = t as *mut tray as usize;
    let from_worker = std::thread::spawn(move || -> Result<(), String> {
        let t = tray_addr as *mut tray;
        unsafe {
            expect("update from a worker", tray_update(t), TRAY_ERR_THREAD)?;
            expect("loop from a worker", tray_loop(0), TRAY_ERR_THREAD)?;
            expect("notify from a worker", tray_notify(cstr("a"), cstr("b")), TRAY_ERR_THREAD)?;
            expect("init from a worker", tray_init(t), TRAY_ERR_THREAD)?;
            ensure(tray_native_menu().is_null(), "no native menu for a worker")?;
            tray_exit();
            ensure(!CStr::from_ptr(tray_strerror(TRAY_ERR_THREAD)).to_bytes().is_empty(), "strerror from a worker")
        }
    })
    .join()
    .map_err(|_| "the worker panicked".to_string())?;
    from_worker?;
    unsafe {
        expect("loop after the worker's exit", tray_loop(0), 0)?;
        // Linux has a GtkMenu only in the XEmbed fallback; the update below proves the tray lives.
        #[cfg(windows)]
        ensure(!tray_native_menu().is_null(), "native menu still there")?;
        expect("update on the tray's thread", tray_update(t), OK)?;
        tray_exit();
        expect("loop after exit", tray_loop(0), 1)
    }
}

/// GTK needs the main thread: tray_init refuses any other before touching the platform.
#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd", target_os = "dragonfly"))]
fn init_off_the_main_thread() -> Result<(), String> {
    let t = pixel_tray("worker", sample_menu()) as *mut tray as usize;
    std::thread::spawn(move || unsafe { expect("init on a worker", tray_init(t as *mut tray), TRAY_ERR_THREAD) })
        .join()
        .map_err(|_| "the worker panicked".to_string())?
}
