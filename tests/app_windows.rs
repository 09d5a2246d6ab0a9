//! End to end on Windows (Wine in the test command): the whole app runs in
//! this process against the service double, and the test uses it the way
//! the shell does: it reads the tray's popup menu with GetMenuItemInfoW and
//! chooses items with WM_COMMAND to the tray's window.  Then it checks what a
//! user would: the double saw the change, the clipboard holds the copy, the
//! Run key exists.  (Wine keeps menus per process, so this cannot be done
//! from another process.)
#![cfg(windows)]

#[path = "support/double.rs"]
mod double;

use std::ffi::c_void;
use std::time::{Duration, Instant};

use double::{Double, Misbehaviour, NET_A, NODE, TOKEN};
use zerotier_desktop_ui::{App, Overrides};

type Hwnd = *mut c_void;
type Hmenu = *mut c_void;

#[repr(C)]
struct MenuItemInfo {
    cb_size: u32,
    f_mask: u32,
    f_type: u32,
    f_state: u32,
    w_id: u32,
    h_sub_menu: Hmenu,
    hbmp_checked: *mut c_void,
    hbmp_unchecked: *mut c_void,
    dw_item_data: usize,
    dw_type_data: *mut u16,
    cch: u32,
    hbmp_item: *mut c_void,
}

#[link(name = "user32")]
extern "system" {
    fn FindWindowW(class: *const u16, name: *const u16) -> Hwnd;
    fn SendMessageW(hwnd: Hwnd, msg: u32, wparam: usize, lparam: isize) -> isize;
    fn GetMenuItemCount(menu: Hmenu) -> i32;
    fn GetMenuItemInfoW(menu: Hmenu, item: u32, by_position: i32, mii: *mut MenuItemInfo) -> i32;
    fn OpenClipboard(hwnd: Hwnd) -> i32;
    fn CloseClipboard() -> i32;
    fn GetClipboardData(format: u32) -> *mut c_void;
}
#[link(name = "kernel32")]
extern "system" {
    fn GlobalLock(h: *mut c_void) -> *const u16;
    fn GlobalUnlock(h: *mut c_void) -> i32;
}
#[link(name = "advapi32")]
extern "system" {
    fn RegGetValueW(
        key: isize,
        sub: *const u16,
        value: *const u16,
        flags: u32,
        kind: *mut u32,
        data: *mut c_void,
        len: *mut u32,
    ) -> u32;
}

/// The app's poll interval and per-call deadline in this test.
const POLL_MS: u64 = 200;
const CALL_DEADLINE_MS: u64 = 1500;

const WM_COMMAND: u32 = 0x0111;
const MIIM_STATE: u32 = 0x1;
const MIIM_ID: u32 = 0x2;
const MIIM_SUBMENU: u32 = 0x4;
const MIIM_STRING: u32 = 0x40;
const MFS_CHECKED: u32 = 0x8;
const CF_UNICODETEXT: u32 = 13;
const HKEY_CURRENT_USER: isize = 0x8000_0001u32 as i32 as isize;
const RRF_RT_REG_SZ: u32 = 0x2;
const WAIT: Duration = Duration::from_secs(20);

fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().chain(Some(0)).collect()
}

#[derive(Debug, Clone)]
struct Entry {
    id: u32,
    text: String,
    checked: bool,
    submenu: Hmenu,
}

fn read(menu: Hmenu) -> Vec<Entry> {
    let n = unsafe { GetMenuItemCount(menu) }.max(0) as u32;
    (0..n)
        .filter_map(|i| unsafe {
            let mut buf = [0u16; 256];
            let mut mii: MenuItemInfo = std::mem::zeroed();
            mii.cb_size = std::mem::size_of::<MenuItemInfo>() as u32;
            mii.f_mask = MIIM_STATE | MIIM_ID | MIIM_SUBMENU | MIIM_STRING;
            mii.dw_type_data = buf.as_mut_ptr();
            mii.cch = buf.len() as u32;
            (GetMenuItemInfoW(menu, i, 1, &mut mii) != 0).then(|| Entry {
                id: mii.w_id,
                text: String::from_utf16_lossy(&buf[..mii.cch as usize]),
                checked: mii.f_state & MFS_CHECKED != 0,
                submenu: mii.h_sub_menu,
            })
        })
        .collect()
}

/// The entry at `path` (labels from the top), if the menu has it now.
fn entry(path: &[&str]) -> Option<Entry> {
    let mut menu = unsafe { zt_tray_sys::tray_native_menu() } as Hmenu;
    let mut found = None;
    for label in path {
        let e = read(menu).into_iter().find(|e| e.text == *label)?;
        menu = e.submenu;
        found = Some(e);
    }
    found
}

fn labels() -> Vec<String> {
    read(unsafe { zt_tray_sys::tray_native_menu() } as Hmenu).into_iter().map(|e| e.text).collect()
}

/// Runs the app's loop until `done`, or fails naming `what`.
fn pump_until(app: &App, what: &str, done: impl FnMut() -> bool) {
    pump_within(app, WAIT, what, done)
}

fn pump_within(app: &App, limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let end = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < end, "timed out waiting for {what}; menu: {:?}", labels());
        app.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Chooses an entry as the shell does after a click in the popup menu.
fn choose(path: &[&str]) {
    let id = entry(path).unwrap_or_else(|| panic!("no {path:?} in {:?}", labels())).id;
    let tray = unsafe { FindWindowW(wide("TrayMessageWindow").as_ptr(), std::ptr::null()) };
    assert!(!tray.is_null(), "the tray's window is missing");
    unsafe { SendMessageW(tray, WM_COMMAND, id as usize, 0) };
}

fn clipboard() -> Option<String> {
    unsafe {
        if OpenClipboard(std::ptr::null_mut()) == 0 {
            return None;
        }
        let h = GetClipboardData(CF_UNICODETEXT);
        let text = if h.is_null() {
            None
        } else {
            let p = GlobalLock(h);
            let len = (0..).take_while(|&i| *p.add(i) != 0).count();
            let s = String::from_utf16_lossy(std::slice::from_raw_parts(p, len));
            GlobalUnlock(h);
            Some(s)
        };
        CloseClipboard();
        text
    }
}

fn run_key_set() -> bool {
    let (key, name) = (wide(r"Software\Microsoft\Windows\CurrentVersion\Run"), wide("ZeroTier Desktop UI"));
    let code = unsafe {
        RegGetValueW(
            HKEY_CURRENT_USER,
            key.as_ptr(),
            name.as_ptr(),
            RRF_RT_REG_SZ,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    };
    code == 0
}

#[test]
fn the_menu_drives_the_service_clipboard_and_run_key() {
    let sandbox = std::env::temp_dir().join(format!("ztui-win-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&sandbox).unwrap();
    let token = sandbox.join("token");
    std::fs::write(&token, TOKEN).unwrap();
    let double = Double::start(false);
    std::env::set_var("ZT_POLL_MS", POLL_MS.to_string());
    std::env::set_var("ZT_TIMEOUT_MS", CALL_DEADLINE_MS.to_string());
    std::env::set_var("APPDATA", &sandbox);
    let overrides = Overrides {
        service_home: Some(sandbox.clone()),
        port: Some(double.port().to_string()),
        token_file: Some(token),
    };
    let app = App::start(overrides).expect("the app starts");
    let net = format!("{NET_A} earth");
    pump_until(&app, "the node's address", || entry(&[&format!("My address: {NODE}")]).is_some());

    choose(&[&format!("My address: {NODE}")]);
    assert_eq!(clipboard().as_deref(), Some(NODE), "the copy item put the address on the clipboard");

    let route = [net.as_str(), "Allow Default Route Override"];
    assert!(!entry(&route).unwrap().checked);
    choose(&route);
    pump_until(&app, "the setting to show as on", || entry(&route).is_some_and(|e| e.checked));
    assert!(double.requests().contains(&format!("POST /network/{NET_A}")));

    choose(&[net.as_str(), "Disconnect"]);
    let saved = format!("{NET_A} earth");
    pump_until(&app, "the network under Saved networks", || entry(&["Saved networks", &saved]).is_some());
    assert!(double.requests().contains(&format!("DELETE /network/{NET_A}")));
    assert!(sandbox.join("ZeroTier Desktop UI/saved-networks.json").is_file(), "the saved list was not written");

    choose(&["Saved networks", &saved, "Reconnect"]);
    pump_until(&app, "the network to be back", || {
        entry(&[NET_A]).is_some() || labels().iter().any(|l| l.starts_with(NET_A))
    });

    choose(&["Start at login"]);
    pump_until(&app, "Start at login to be checked", || entry(&["Start at login"]).is_some_and(|e| e.checked));
    assert!(run_key_set(), "checking Start at login writes the Run key");
    choose(&["Start at login"]);
    pump_until(&app, "Start at login to be unchecked", || entry(&["Start at login"]).is_some_and(|e| !e.checked));
    assert!(!run_key_set(), "unchecking removes it");

    // Notifications: on until switched off, and the choice is saved with the app's settings.
    assert!(entry(&["Notifications"]).is_some_and(|e| e.checked), "notifications start on");
    assert!(entry(&["Save diagnostics…"]).is_some(), "no Save diagnostics… in {:?}", labels());
    choose(&["Notifications"]);
    pump_until(&app, "Notifications to be unchecked", || entry(&["Notifications"]).is_some_and(|e| !e.checked));
    let settings = sandbox.join("ZeroTier Desktop UI/settings.json");
    let text = std::fs::read_to_string(&settings).unwrap_or_default();
    assert!(text.contains("\"notifications\": false"), "{}: {text:?}", settings.display());
    choose(&["Notifications"]);
    pump_until(&app, "Notifications to be checked", || entry(&["Notifications"]).is_some_and(|e| e.checked));

    // Hung, then back, then dead: a failure shows by the end of the next poll (the poll starts
    // within POLL_MS, a hung call ends at its deadline, the rest gets an allowance); coming back
    // waits for the backed-off poll, so it gets the general limit.
    let one_poll = Duration::from_millis(POLL_MS + CALL_DEADLINE_MS + 3000);
    double.misbehave(Misbehaviour::Hung);
    pump_within(&app, one_poll, "the menu to say the service hangs", || {
        labels().first().is_some_and(|l| l == "ZeroTier One is not answering")
    });
    double.misbehave(Misbehaviour::None);
    pump_until(&app, "the service to be back", || entry(&[&format!("My address: {NODE}")]).is_some());
    drop(double);
    pump_within(&app, one_poll, "the menu to say the service is gone", || {
        labels().first().is_some_and(|l| l == "ZeroTier One is not running")
    });

    choose(&["Quit"]);
    let end = Instant::now() + WAIT;
    while app.step() {
        assert!(Instant::now() < end, "Quit did not end the loop");
    }
    drop(app);
    let _ = std::fs::remove_dir_all(&sandbox);
}
