//! Windows (and Wine): reads back what the library handed to Win32 — the notification
//! icon through Shell_NotifyIconW, the HMENU through GetMenuItemInfoW — and drives the
//! hidden window with the messages the shell and the menu would send.

#[path = "windows_display.rs"]
mod display;

use crate::common::*;
use crate::runner::Case;
use std::ffi::c_void;
use std::ptr::{null, null_mut};
use zt_tray_sys::*;

// Win32's own names, so the declarations read like the SDK's.
#[allow(clippy::upper_case_acronyms)]
type HWND = *mut c_void;
#[allow(clippy::upper_case_acronyms)]
type HMENU = *mut c_void;

#[repr(C)]
struct MenuItemInfo {
    cb_size: u32,
    f_mask: u32,
    f_type: u32,
    f_state: u32,
    w_id: u32,
    h_sub_menu: HMENU,
    hbmp_checked: *mut c_void,
    hbmp_unchecked: *mut c_void,
    dw_item_data: usize,
    dw_type_data: *mut u16,
    cch: u32,
    hbmp_item: *mut c_void,
}

#[repr(C)]
struct NotifyIconData {
    cb_size: u32,
    hwnd: HWND,
    uid: u32,
    flags: u32,
    callback_message: u32,
    icon: *mut c_void,
    tip: [u16; 128],
    state: u32,
    state_mask: u32,
    info: [u16; 256],
    version: u32,
    info_title: [u16; 64],
    info_flags: u32,
    guid: [u8; 16],
    balloon_icon: *mut c_void,
}

#[link(name = "user32")]
extern "system" {
    fn FindWindowW(class: *const u16, title: *const u16) -> HWND;
    fn GetMenuItemCount(menu: HMENU) -> i32;
    fn GetMenuItemInfoW(menu: HMENU, item: u32, by_position: i32, mii: *mut MenuItemInfo) -> i32;
    fn SendMessageW(hwnd: HWND, msg: u32, wparam: usize, lparam: isize) -> isize;
    fn RegisterWindowMessageW(name: *const u16) -> u32;
    fn GetGuiResources(process: *mut c_void, flags: u32) -> u32;
    fn CreatePopupMenu() -> HMENU;
    fn DestroyMenu(menu: HMENU) -> i32;
    fn IsMenu(menu: HMENU) -> i32;
    fn PeekMessageW(msg: *mut [usize; 8], hwnd: HWND, min: u32, max: u32, remove: u32) -> i32;
    fn TranslateMessage(msg: *const [usize; 8]) -> i32;
    fn DispatchMessageW(msg: *const [usize; 8]) -> isize;
    fn GetSystemMetrics(index: i32) -> i32;
}
#[link(name = "gdi32")]
extern "system" {
    fn CreateBitmap(w: i32, h: i32, planes: u32, bits: u32, data: *const c_void) -> *mut c_void;
    fn DeleteObject(obj: *mut c_void) -> i32;
    fn GetObjectW(obj: *mut c_void, size: i32, out: *mut c_void) -> i32;
}
#[link(name = "kernel32")]
extern "system" {
    fn GetCurrentProcess() -> *mut c_void;
}
#[link(name = "shell32")]
extern "system" {
    fn Shell_NotifyIconW(message: u32, data: *mut NotifyIconData) -> i32;
}

const MIIM_STATE: u32 = 0x1;
const MIIM_ID: u32 = 0x2;
const MIIM_SUBMENU: u32 = 0x4;
const MIIM_STRING: u32 = 0x40;
const MIIM_BITMAP: u32 = 0x80;
const MIIM_FTYPE: u32 = 0x100;
const MFT_RADIOCHECK: u32 = 0x200;
const SM_CXSMICON: i32 = 49;
const WM_MBUTTONUP: u32 = 0x208;
const MFT_SEPARATOR: u32 = 0x800;
const MFS_CHECKED: u32 = 0x8;
const MFS_DISABLED: u32 = 0x3;
const WM_COMMAND: u32 = 0x111;
const NIN_SELECT: u32 = 0x400;
const NIM_MODIFY: u32 = 1;
const NIM_DELETE: u32 = 2;
const NIF_TIP: u32 = 4;
/// The library's private callback message (WM_APP + 1 in windows/tray.c).
const WM_TRAY_CALLBACK: u32 = 0x8001;

fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().chain([0]).collect()
}

fn window() -> Result<HWND, String> {
    let hwnd = unsafe { FindWindowW(wide("TrayMessageWindow").as_ptr(), null()) };
    ensure(!hwnd.is_null(), "the tray window was not found").map(|_| hwnd)
}

fn pump() {
    let mut msg = [0usize; 8];
    unsafe {
        while PeekMessageW(&mut msg, null_mut(), 0, 0, 1) != 0 {
            TranslateMessage(&msg);
            DispatchMessageW(&msg);
        }
    }
}

/// Whether the shell knows our icon: NIM_MODIFY fails for an icon it does not have.
fn icon_present() -> Result<bool, String> {
    let mut nid: NotifyIconData = unsafe { std::mem::zeroed() };
    nid.cb_size = std::mem::size_of::<NotifyIconData>() as u32;
    nid.hwnd = window()?;
    nid.uid = 1;
    nid.flags = NIF_TIP;
    let tip = wide("probe");
    nid.tip[..tip.len()].copy_from_slice(&tip);
    Ok(unsafe { Shell_NotifyIconW(NIM_MODIFY, &mut nid) } != 0)
}

fn delete_icon_behind_the_library() -> Result<(), String> {
    let mut nid: NotifyIconData = unsafe { std::mem::zeroed() };
    nid.cb_size = std::mem::size_of::<NotifyIconData>() as u32;
    nid.hwnd = window()?;
    nid.uid = 1;
    ensure(unsafe { Shell_NotifyIconW(NIM_DELETE, &mut nid) } != 0, "NIM_DELETE failed")
}

#[derive(Debug, Clone)]
struct Entry {
    id: u32,
    text: String,
    separator: bool,
    checked: bool,
    disabled: bool,
    radio: bool,
    bitmap: *mut c_void,
    submenu: HMENU,
}

fn read_menu(menu: HMENU) -> Result<Vec<Entry>, String> {
    let n = unsafe { GetMenuItemCount(menu) };
    ensure(n >= 0, "GetMenuItemCount failed")?;
    (0..n as u32)
        .map(|i| unsafe {
            let mut buf = [0u16; 256];
            let mut mii: MenuItemInfo = std::mem::zeroed();
            mii.cb_size = std::mem::size_of::<MenuItemInfo>() as u32;
            mii.f_mask = MIIM_FTYPE | MIIM_STATE | MIIM_ID | MIIM_SUBMENU | MIIM_STRING | MIIM_BITMAP;
            mii.dw_type_data = buf.as_mut_ptr();
            mii.cch = buf.len() as u32;
            ensure(GetMenuItemInfoW(menu, i, 1, &mut mii) != 0, format!("GetMenuItemInfoW({i})"))?;
            Ok(Entry {
                id: mii.w_id,
                text: String::from_utf16_lossy(&buf[..mii.cch as usize]),
                separator: mii.f_type & MFT_SEPARATOR != 0,
                checked: mii.f_state & MFS_CHECKED != 0,
                disabled: mii.f_state & MFS_DISABLED != 0,
                radio: mii.f_type & MFT_RADIOCHECK != 0,
                bitmap: mii.hbmp_item,
                submenu: mii.h_sub_menu,
            })
        })
        .collect()
}

fn native_menu() -> Result<HMENU, String> {
    let m = unsafe { tray_native_menu() };
    ensure(!m.is_null(), "tray_native_menu is NULL").map(|_| m)
}

fn find(entries: &[Entry], text: &str) -> Result<Entry, String> {
    entries.iter().find(|e| e.text == text).cloned().ok_or(format!("no item {text:?}"))
}

fn command(id: u32) -> Result<(), String> {
    unsafe { SendMessageW(window()?, WM_COMMAND, id as usize, 0) };
    Ok(())
}

pub fn cases() -> Vec<Case> {
    vec![
        Case { name: "win_icon_added_and_removed", needs_display: true, run: icon_added },
        Case { name: "win_menu_items_and_states", needs_display: true, run: menu_states },
        Case { name: "win_command_runs_callback", needs_display: true, run: command_runs },
        Case { name: "win_icon_click_runs_tray_cb", needs_display: true, run: icon_click },
        Case { name: "win_taskbar_created_readds_icon", needs_display: true, run: taskbar_created },
        Case { name: "win_callback_updates_itself", needs_display: true, run: self_update },
        Case { name: "win_16_levels_and_5000_items", needs_display: true, run: big_menus },
        Case { name: "win_null_text_ends_menu", needs_display: true, run: null_text_ends },
        Case { name: "win_long_tooltip_and_notify", needs_display: true, run: long_tooltip },
        Case { name: "win_1000_updates_leak_nothing", needs_display: true, run: no_leaks },
        Case { name: "win_same_shape_update_keeps_the_menu", needs_display: true, run: same_shape_update },
        Case { name: "win_session_end_removes_the_icon", needs_display: true, run: session_end },
        Case { name: "win_icon_events_reach_event_cb", needs_display: true, run: icon_events },
        Case { name: "win_radio_items_and_menu_bitmaps", needs_display: true, run: radio_and_bitmaps },
        Case { name: "win_icon_sizes_and_attention", needs_display: true, run: sizes_and_attention },
        Case { name: "win_accelerators_after_a_tab", needs_display: true, run: accelerators },
    ]
    .into_iter()
    .chain(display::cases())
    .collect()
}

fn icon_added() -> Result<(), String> {
    expect("tray_init", unsafe { tray_init(pixel_tray("Icon", sample_menu())) }, OK)?;
    ensure(icon_present()?, "the shell does not know the icon after tray_init")?;
    let hwnd = window()?;
    unsafe { tray_exit() };
    // The window is gone, so ask about the old handle directly.
    let mut nid: NotifyIconData = unsafe { std::mem::zeroed() };
    nid.cb_size = std::mem::size_of::<NotifyIconData>() as u32;
    nid.hwnd = hwnd;
    nid.uid = 1;
    ensure(unsafe { Shell_NotifyIconW(NIM_MODIFY, &mut nid) } == 0, "the icon is still there after tray_exit")
}

fn menu_states() -> Result<(), String> {
    expect("tray_init", unsafe { tray_init(pixel_tray("Menu", sample_menu())) }, OK)?;
    let top = read_menu(native_menu()?)?;
    let texts: Vec<&str> = top.iter().map(|e| if e.separator { "-" } else { e.text.as_str() }).collect();
    ensure(
        texts == ["First", "-", "Checked", "Unchecked", "Disabled", "Plain with checked set", "Sub"],
        format!("{texts:?}"),
    )?;
    ensure(top[1].separator, "separator")?;
    ensure(find(&top, "Checked")?.checked && !find(&top, "Unchecked")?.checked, "check marks")?;
    ensure(!find(&top, "Plain with checked set")?.checked, "checked without checkbox shows a mark")?;
    ensure(find(&top, "Disabled")?.disabled && !find(&top, "First")?.disabled, "disabled states")?;
    let sub = find(&top, "Sub")?;
    ensure(!sub.submenu.is_null(), "Sub has no submenu")?;
    let children = read_menu(sub.submenu)?;
    ensure(children.len() == 2 && children[0].text == "Child A" && children[1].disabled, format!("{children:?}"))?;
    // '&' is literal text, so it is doubled for Win32.
    let t = pixel_tray("Menu", menu(vec![item("Save & quit", 1)]));
    expect("update", unsafe { tray_update(t) }, OK)?;
    let top = read_menu(native_menu()?)?;
    ensure(top[0].text == "Save && quit", format!("{:?}", top[0].text))
}

fn command_runs() -> Result<(), String> {
    reset_calls();
    expect("tray_init", unsafe { tray_init(pixel_tray("Cmd", sample_menu())) }, OK)?;
    let top = read_menu(native_menu()?)?;
    command(find(&top, "Unchecked")?.id)?;
    ensure(item_calls() == (1, 4), format!("after Unchecked: {:?}", item_calls()))?;
    let children = read_menu(find(&top, "Sub")?.submenu)?;
    command(children[0].id)?;
    ensure(item_calls() == (2, 11), format!("after Child A: {:?}", item_calls()))?;
    command(find(&top, "Disabled")?.id)?;
    command(60000)?; // no such id
    ensure(item_calls().0 == 2, "a disabled or unknown item ran a callback")
}

fn icon_click() -> Result<(), String> {
    reset_calls();
    expect("tray_init", unsafe { tray_init(pixel_tray("Click", sample_menu())) }, OK)?;
    // NOTIFYICON_VERSION_4 shape (event in LOWORD(lParam), icon id in HIWORD); the
    // version-0 shape is plain WM_LBUTTONUP. Send whichever the shell accepted.
    let hwnd = window()?;
    unsafe {
        SendMessageW(hwnd, WM_TRAY_CALLBACK, 0, (NIN_SELECT | (1 << 16)) as isize);
        if tray_calls().0 == 0 {
            SendMessageW(hwnd, WM_TRAY_CALLBACK, 0, 0x202);
        }
    }
    ensure(tray_calls() == (1, 77), format!("tray cb {:?}", tray_calls()))?;
    Ok(())
}

fn taskbar_created() -> Result<(), String> {
    expect("tray_init", unsafe { tray_init(pixel_tray("Restart", sample_menu())) }, OK)?;
    let msg = unsafe { RegisterWindowMessageW(wide("TaskbarCreated").as_ptr()) };
    // Explorer restarted: its icons are gone.
    delete_icon_behind_the_library()?;
    ensure(!icon_present()?, "icon still present after NIM_DELETE")?;
    unsafe { SendMessageW(window()?, msg, 0, 0) };
    ensure(icon_present()?, "TaskbarCreated did not re-add the icon")?;
    // A DPI change: the icon still exists, NIM_ADD fails and NIM_MODIFY must do.
    unsafe { SendMessageW(window()?, msg, 0, 0) };
    ensure(icon_present()?, "icon lost after a second TaskbarCreated")
}

fn self_update() -> Result<(), String> {
    reset_calls();
    SELF_UPDATES.store(0, std::sync::atomic::Ordering::SeqCst);
    expect("tray_init", unsafe { tray_init(self_updating_tray()) }, OK)?;
    for generation in 0..3 {
        let top = read_menu(native_menu()?)?;
        ensure(top[0].text == format!("Generation {generation}"), format!("{:?}", top[0].text))?;
        command(top[0].id)?;
        ensure(SELF_UPDATES.load(std::sync::atomic::Ordering::SeqCst) == generation + 1, "callback did not run")?;
        ensure(item_calls().1 == 500 + generation, format!("context {:?}", item_calls()))?;
    }
    pump();
    let top = read_menu(native_menu()?)?;
    ensure(top[0].text == "Generation 3", format!("{:?}", top[0].text))
}

fn big_menus() -> Result<(), String> {
    reset_calls();
    expect("tray_init deep", unsafe { tray_init(pixel_tray("Deep", deep_menu(16))) }, OK)?;
    let mut menu = native_menu()?;
    for level in 0..16 {
        let entries = read_menu(menu)?;
        ensure(
            entries.len() == 2 && entries[0].text == format!("Level {level}"),
            format!("level {level}: {entries:?}"),
        )?;
        menu = entries[1].submenu;
    }
    let deepest = read_menu(menu)?;
    ensure(deepest.len() == 1 && deepest[0].text == "Level 16", format!("{deepest:?}"))?;
    command(deepest[0].id)?;
    ensure(item_calls() == (1, 1016), format!("deepest {:?}", item_calls()))?;
    expect("update to 5000", unsafe { tray_update(pixel_tray("Wide", wide_menu(5000))) }, OK)?;
    let entries = read_menu(native_menu()?)?;
    ensure(entries.len() == 5000 && entries[4999].text == "Item 4999", format!("{} items", entries.len()))?;
    command(entries[4321].id)?;
    ensure(item_calls() == (2, 14321), format!("item 4321 {:?}", item_calls()))
}

fn null_text_ends() -> Result<(), String> {
    expect(
        "tray_init",
        unsafe { tray_init(pixel_tray("Null", menu(vec![item("Before", 1), END, item("After", 2)]))) },
        OK,
    )?;
    let entries = read_menu(native_menu()?)?;
    ensure(entries.len() == 1 && entries[0].text == "Before", format!("{entries:?}"))?;
    expect("update without menu", unsafe { tray_update(pixel_tray("None", null_mut())) }, OK)?;
    ensure(unsafe { tray_native_menu() }.is_null(), "native menu without a menu")
}

fn long_tooltip() -> Result<(), String> {
    // 126 units, then a surrogate pair that does not fit: the library must cut before it.
    let tip = format!("{}😀 and much more text after the limit {}", "a".repeat(126), "z".repeat(300));
    expect("tray_init", unsafe { tray_init(pixel_tray(&tip, sample_menu())) }, OK)?;
    ensure(icon_present()?, "icon missing")?;
    expect("notify", unsafe { tray_notify(cstr("Joined ✓"), cstr(&"long balloon text ".repeat(40))) }, OK)
}

fn resources() -> (u32, u32) {
    unsafe { (GetGuiResources(GetCurrentProcess(), 0), GetGuiResources(GetCurrentProcess(), 1)) }
}

/// Wine's GetGuiResources always answers 0. There, the handle tables show a leak instead:
/// a freed slot is reused first, so the index a new object gets only climbs when objects
/// pile up. Returns the (GDI, USER) slot index of fresh probe objects.
fn slot_probe() -> (usize, usize) {
    unsafe {
        let b = CreateBitmap(1, 1, 1, 1, null());
        let m = CreatePopupMenu();
        DeleteObject(b);
        DestroyMenu(m);
        (b as usize & 0xffff, m as usize & 0xffff)
    }
}

/// Object counts by GetGuiResources when it works, else by handle slots.
fn measure() -> (usize, usize) {
    let (gdi, user) = resources();
    if user > 0 {
        (gdi as usize, user as usize)
    } else {
        slot_probe()
    }
}

fn update_many(n: usize, old_menus: &mut Vec<HMENU>) -> Result<(), String> {
    for i in 0..n {
        // Alternate shapes, so both the rebuild and the in-place refresh are measured.
        // Every fourth update refreshes item bitmaps in place (the radio menu twice in a row).
        let shape = match i % 4 {
            0 => sample_menu(),
            1 => menu(vec![item("Other shape", 1)]),
            _ => radio_icon_menu(),
        };
        let t = pixel_tray(&format!("Leak {i}"), shape);
        t.icon_rgba = pixels([(i % 256) as u8, 0, 0]).as_ptr();
        expect("update", unsafe { tray_update(t) }, OK)?;
        old_menus.push(native_menu()?);
    }
    pump();
    Ok(())
}

fn no_leaks() -> Result<(), String> {
    // The measure must see a real leak, or passing would prove nothing.
    let before = measure();
    let leaked: Vec<_> = (0..200).map(|_| unsafe { (CreateBitmap(1, 1, 1, 1, null()), CreatePopupMenu()) }).collect();
    let during = measure();
    for (b, m) in leaked {
        unsafe {
            DeleteObject(b);
            DestroyMenu(m);
        }
    }
    ensure(
        // Free slots below the probe absorb a few, so ask for three quarters.
        during.0 >= before.0 + 150 && during.1 >= before.1 + 150,
        format!("the leak measure missed 200 leaked objects: {before:?} -> {during:?}"),
    )?;

    expect("tray_init", unsafe { tray_init(pixel_tray("Leak", sample_menu())) }, OK)?;
    let mut menus = Vec::new();
    // Warm up: first calls load objects the system caches (fonts, brushes, menu bitmaps).
    update_many(10, &mut menus)?;
    let before = measure();
    update_many(1000, &mut menus)?;
    let after = measure();
    // Each update makes an icon (a USER object holding two GDI bitmaps) and two menus, so a
    // leak grows a count by 1000 or more. The tolerance of 16 covers lazily cached system
    // objects and, under Wine, the slots that the live icon and menus happen to occupy.
    ensure(
        after.0 <= before.0 + 16 && after.1 <= before.1 + 16,
        format!("GDI {} -> {}, USER {} -> {}", before.0, after.0, before.1, after.1),
    )?;
    let current = native_menu()?;
    let alive = menus.iter().filter(|&&m| m != current && unsafe { IsMenu(m) } != 0).count();
    ensure(alive == 0, format!("{alive} replaced menus were never destroyed"))
}

/// A same-shape update refreshes the shown HMENU in place (an open menu stays open and
/// its ids keep working); a new shape builds a new one.
fn same_shape_update() -> Result<(), String> {
    reset_calls();
    expect("tray_init", unsafe { tray_init(pixel_tray("Shape", sample_menu())) }, OK)?;
    let before = native_menu()?;
    let ids: Vec<u32> = read_menu(before)?.iter().map(|e| e.id).collect();
    let next = sample_menu_reworded();
    expect("same-shape update", unsafe { tray_update(pixel_tray("Shape 2", next)) }, OK)?;
    ensure(native_menu()? == before, "a same-shape update replaced the HMENU")?;
    let top = read_menu(before)?;
    ensure(top.iter().map(|e| e.id).collect::<Vec<_>>() == ids, "ids changed")?;
    ensure(top[0].text == "First again" && !find(&top, "Enabled now")?.disabled, format!("{top:?}"))?;
    ensure(!find(&top, "Checked")?.checked && find(&top, "Unchecked")?.checked, "check marks not refreshed")?;
    let children = read_menu(find(&top, "Sub")?.submenu)?;
    ensure(children[1].text == "Child B2" && !children[1].disabled, format!("{children:?}"))?;
    // The old ids now run the new items' callbacks.
    command(find(&top, "Enabled now")?.id)?;
    command(children[1].id)?;
    ensure(item_calls() == (2, 112), format!("calls/context {:?}", item_calls()))?;
    expect("new shape", unsafe { tray_update(pixel_tray("Shape 3", menu(vec![item("Only", 1)]))) }, OK)?;
    ensure(native_menu()? != before, "a new shape kept the old HMENU")
}

/// Windows ends a session with WM_ENDSESSION and then stops the process: the
/// icon must be gone by the time the message returns.
fn session_end() -> Result<(), String> {
    const WM_ENDSESSION: u32 = 0x0016;
    expect("tray_init", unsafe { tray_init(pixel_tray("Session", sample_menu())) }, OK)?;
    ensure(icon_present()?, "no icon after tray_init")?;
    unsafe { SendMessageW(window()?, WM_ENDSESSION, 0, 0) };
    ensure(icon_present()?, "a cancelled session end (wParam 0) removed the icon")?;
    unsafe { SendMessageW(window()?, WM_ENDSESSION, 1, 0) };
    ensure(!icon_present()?, "the icon outlived WM_ENDSESSION")
}

/// Sends one shell notification for the icon in the NOTIFYICON_VERSION_4 shape (event in
/// LOWORD(lParam), icon id in HIWORD), then in the version-0 shape if nothing arrived.
fn shell_event(event: u32, arrived: impl Fn() -> bool) -> Result<(), String> {
    let hwnd = window()?;
    unsafe { SendMessageW(hwnd, WM_TRAY_CALLBACK, 0, (event | (1 << 16)) as isize) };
    if !arrived() {
        unsafe { SendMessageW(hwnd, WM_TRAY_CALLBACK, 0, event as isize) };
    }
    Ok(())
}

/// Left and middle click reach event_cb; cb stays quiet beside it. (The shell sends no
/// wheel messages for notification icons, so there is no scroll to test.)
fn icon_events() -> Result<(), String> {
    reset_calls();
    take_events();
    let t = pixel_tray("Events", sample_menu());
    t.event_cb = Some(record_event);
    expect("tray_init", unsafe { tray_init(t) }, OK)?;
    let has_events = |n: usize| move || EVENTS.lock().unwrap().len() >= n;
    shell_event(NIN_SELECT, has_events(1))?;
    shell_event(WM_MBUTTONUP, has_events(2))?;
    let got = take_events();
    ensure(got == [(TRAY_EVENT_ACTIVATE, 0, 0, 77), (TRAY_EVENT_SECONDARY, 0, 0, 77)], format!("events {got:?}"))?;
    ensure(tray_calls().0 == 0, format!("cb ran beside event_cb {:?}", tray_calls()))?;
    // Without event_cb a middle click is nobody's: cb is the left click only.
    expect("update", unsafe { tray_update(pixel_tray("Events", sample_menu())) }, OK)?;
    shell_event(WM_MBUTTONUP, || false)?;
    ensure(tray_calls().0 == 0, format!("middle click ran cb {:?}", tray_calls()))
}

/// (width, height, bits per pixel) of a bitmap, or None once it is deleted.
fn bitmap_info(bmp: *mut c_void) -> Option<(i32, i32, u16)> {
    // BITMAP: type, width, height, width bytes (LONGs), planes, bits per pixel (WORDs), bits.
    let mut b = [0u8; 32];
    let n = unsafe { GetObjectW(bmp, b.len() as i32, b.as_mut_ptr() as *mut c_void) };
    let int = |o: usize| i32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    (n > 0).then(|| (int(4), int(8), u16::from_le_bytes([b[18], b[19]])))
}

fn radio_and_bitmaps() -> Result<(), String> {
    reset_calls();
    expect("tray_init", unsafe { tray_init(pixel_tray("Radio", radio_icon_menu())) }, OK)?;
    let top = read_menu(native_menu()?)?;
    let (a, b, icon, plain) =
        (find(&top, "Radio A")?, find(&top, "Radio B")?, find(&top, "With icon")?, find(&top, "Plain")?);
    ensure(a.radio && !a.checked && b.radio && b.checked, format!("radio items {a:?} {b:?}"))?;
    ensure(!plain.radio && plain.bitmap.is_null() && !icon.radio, format!("plain items {plain:?} {icon:?}"))?;
    let side = unsafe { GetSystemMetrics(SM_CXSMICON) };
    ensure(
        bitmap_info(icon.bitmap) == Some((side, side, 32)),
        format!("bitmap {:?}, small icon {side}", bitmap_info(icon.bitmap)),
    )?;
    command(a.id)?;
    ensure(item_calls() == (1, 21), format!("radio item calls {:?}", item_calls()))?;
    // Same shape with the mark moved and the icon dropped: the HMENU stays, the old bitmap goes.
    let menu_before = native_menu()?;
    expect("update", unsafe { tray_update(pixel_tray("Radio", radio_moved_menu())) }, OK)?;
    ensure(native_menu()? == menu_before, "same shape built a new menu")?;
    let top = read_menu(menu_before)?;
    ensure(find(&top, "Radio A")?.checked && !find(&top, "Radio B")?.checked, "radio mark after update")?;
    ensure(find(&top, "With icon")?.bitmap.is_null(), "bitmap kept after the icon was dropped")?;
    ensure(bitmap_info(icon.bitmap).is_none(), "the dropped bitmap was not deleted")?;
    // A new shape destroys the old menu's bitmaps with it.
    expect("back to icons", unsafe { tray_update(pixel_tray("Radio", radio_icon_menu())) }, OK)?;
    let bmp = find(&read_menu(native_menu()?)?, "With icon")?.bitmap;
    expect("new shape", unsafe { tray_update(pixel_tray("Radio", sample_menu())) }, OK)?;
    ensure(bitmap_info(bmp).is_none(), "a replaced menu's bitmap was not deleted")
}

/// Icon lists and attention icons are accepted and shown (the shell keeps its copy of the
/// HICON, so the picked size itself is checked through trayp_image_pick in errors.rs).
fn sizes_and_attention() -> Result<(), String> {
    let t = pixel_tray("Sizes", sample_menu());
    (t.icons, t.icon_count) = three_sizes();
    expect("tray_init", unsafe { tray_init(t) }, OK)?;
    ensure(icon_present()?, "no icon with a size list")?;
    let t = pixel_tray("Attention", sample_menu());
    (t.icons, t.icon_count) = three_sizes();
    t.attention = 1;
    (t.attention_icons, t.attention_icon_count) = images(vec![image(20, 20, [255, 128, 0, 255])]);
    expect("attention", unsafe { tray_update(t) }, OK)?;
    ensure(icon_present()?, "no icon while asking for attention")?;
    let msg = unsafe { RegisterWindowMessageW(wide("TaskbarCreated").as_ptr()) };
    unsafe { SendMessageW(window()?, msg, 0, 0) };
    ensure(icon_present()?, "no icon after TaskbarCreated with attention")
}

/// Accelerators are the item text after a tab, where Win32 right-aligns them; a same-shape
/// update rewrites them in the same HMENU.
fn accelerators() -> Result<(), String> {
    expect("tray_init", unsafe { tray_init(pixel_tray("Keys", accel_menu())) }, OK)?;
    let texts = |menu: HMENU| read_menu(menu).map(|m| m.into_iter().map(|e| e.text).collect::<Vec<_>>());
    let menu = native_menu()?;
    let got = texts(menu)?;
    let want = ["Quit\tCtrl+Q", "Reload\tCtrl+Shift+F5", "Comma\tAlt+,", "Zoom\tCtrl++", "None", "Sub"];
    ensure(got == want, format!("{got:?}"))?;
    expect("rebind", unsafe { tray_update(pixel_tray("Keys", accel_moved_menu())) }, OK)?;
    ensure(native_menu()? == menu, "same shape built a new menu")?;
    let got = texts(menu)?;
    let want = ["Quit\tWin+Esc", "Reload", "Comma\tAlt+,", "Zoom\tCtrl++", "None\tPgDn", "Sub"];
    ensure(got == want, format!("after update {got:?}"))
}
