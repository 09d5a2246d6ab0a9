//! Windows (and Wine): how the tray follows the display — the dark app theme of its popup
//! menus through uxtheme's ordinals, and the icon's size through DPI changes.

use super::*;
use std::sync::Mutex;

/// struct trayp_theme_api (windows/trayp_windows.h).
#[repr(C)]
#[derive(Clone, Copy)]
struct ThemeApi {
    set_preferred_app_mode: Option<unsafe extern "system" fn(mode: i32) -> i32>,
    allow_dark_mode_for_window: Option<unsafe extern "system" fn(hwnd: HWND, allow: i32) -> i32>,
    flush_menu_themes: Option<unsafe extern "system" fn()>,
}

const NONE: ThemeApi =
    ThemeApi { set_preferred_app_mode: None, allow_dark_mode_for_window: None, flush_menu_themes: None };

// Private functions of vendor/tray/windows, linked from the same static library.
extern "C" {
    fn trayp_theme_lookup(uxtheme: *mut c_void, build: u32, api: *mut ThemeApi);
    fn trayp_theme_override(api: *const ThemeApi, set: i32);
    fn trayp_win_theme_calls() -> i32;
    fn trayp_win_icon_side() -> i32;
}

#[link(name = "kernel32")]
extern "system" {
    fn GetModuleHandleW(name: *const u16) -> *mut c_void;
    fn LoadLibraryW(name: *const u16) -> *mut c_void;
    fn GetProcAddress(module: *mut c_void, name: *const u8) -> *mut c_void;
}
#[link(name = "user32")]
extern "system" {
    fn GetDpiForWindow(hwnd: HWND) -> u32;
    fn GetSystemMetricsForDpi(index: i32, dpi: u32) -> i32;
}

const WM_SETTINGCHANGE: u32 = 0x1a;
const WM_DPICHANGED: u32 = 0x2e0;
const ALL_CALLS: i32 = 7; // TRAYP_THEME_APP_MODE | TRAYP_THEME_WINDOW | TRAYP_THEME_FLUSH

pub fn cases() -> Vec<Case> {
    vec![
        Case { name: "win_dark_menu_ordinals_looked_up_by_build", needs_display: false, run: lookup },
        Case { name: "win_dark_menu_calls_made_when_present", needs_display: true, run: calls_when_present },
        Case { name: "win_dark_menu_calls_skipped_when_absent", needs_display: true, run: skipped_when_absent },
        Case { name: "win_icon_size_follows_dpi_changes", needs_display: true, run: dpi_changes },
    ]
}

/// What the recording stand-ins saw, in order.
static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn seen() -> Vec<String> {
    std::mem::take(&mut *SEEN.lock().unwrap())
}

unsafe extern "system" fn record_mode(mode: i32) -> i32 {
    SEEN.lock().unwrap().push(format!("SetPreferredAppMode({mode})"));
    0
}

unsafe extern "system" fn record_window(hwnd: HWND, allow: i32) -> i32 {
    SEEN.lock().unwrap().push(format!("AllowDarkModeForWindow({}, {allow})", hwnd == window().unwrap_or(null_mut())));
    1
}

unsafe extern "system" fn record_flush() {
    SEEN.lock().unwrap().push("FlushMenuThemes()".into());
}

fn ordinal(module: *mut c_void, n: usize) -> *mut c_void {
    // MAKEINTRESOURCEA: an ordinal passed where a name would be.
    unsafe { GetProcAddress(module, n as *const u8) }
}

fn looked_up(module: *mut c_void, build: u32) -> ThemeApi {
    let mut api = ThemeApi { set_preferred_app_mode: Some(record_mode), ..NONE };
    unsafe { trayp_theme_lookup(module, build, &mut api) };
    api
}

fn addresses(api: ThemeApi) -> [*mut c_void; 3] {
    [
        api.set_preferred_app_mode.map_or(null_mut(), |f| f as *mut c_void),
        api.allow_dark_mode_for_window.map_or(null_mut(), |f| f as *mut c_void),
        api.flush_menu_themes.map_or(null_mut(), |f| f as *mut c_void),
    ]
}

/// The lookup takes ordinals 135, 133 and 136 (never names) from Windows 10 1809 (build
/// 17763) on, and nothing before it or without the module. user32 stands in for a uxtheme
/// that has them: it exports far more than 136 functions.
fn lookup() -> Result<(), String> {
    let user32 = unsafe { GetModuleHandleW(wide("user32.dll").as_ptr()) };
    ensure(!user32.is_null(), "no user32")?;
    let want = [ordinal(user32, 135), ordinal(user32, 133), ordinal(user32, 136)];
    ensure(want.iter().all(|p| !p.is_null()), "user32 lacks ordinals 133..136")?;
    ensure(addresses(looked_up(user32, 17763)) == want, "ordinals at build 17763")?;
    ensure(addresses(looked_up(user32, 26100)) == want, "ordinals at build 26100")?;
    ensure(
        addresses(looked_up(user32, 17134)) == [null_mut(); 3],
        "looked up before 1809, where the ordinals mean other things",
    )?;
    ensure(addresses(looked_up(null_mut(), 26100)) == [null_mut(); 3], "looked up without uxtheme")?;
    // The real uxtheme: what it has is what is found (Wine 8 has none of the three).
    let uxtheme = unsafe { LoadLibraryW(wide("uxtheme.dll").as_ptr()) };
    ensure(!uxtheme.is_null(), "no uxtheme.dll")?;
    let real = [ordinal(uxtheme, 135), ordinal(uxtheme, 133), ordinal(uxtheme, 136)];
    ensure(addresses(looked_up(uxtheme, 26100)) == real, format!("uxtheme's ordinals {real:?}"))
}

/// With the three functions present, the tray's window asks for the app theme (mode 1,
/// follow the system), allows it for its own window and flushes the menu theme; a switch of
/// the system's app mode (WM_SETTINGCHANGE "ImmersiveColorSet") flushes again.
fn calls_when_present() -> Result<(), String> {
    let api = ThemeApi {
        set_preferred_app_mode: Some(record_mode),
        allow_dark_mode_for_window: Some(record_window),
        flush_menu_themes: Some(record_flush),
    };
    seen();
    unsafe { trayp_theme_override(&api, 1) };
    let result = (|| {
        expect("tray_init", unsafe { tray_init(pixel_tray("Dark", sample_menu())) }, OK)?;
        let calls = seen();
        let want = ["SetPreferredAppMode(1)", "AllowDarkModeForWindow(true, 1)", "FlushMenuThemes()"];
        ensure(calls == want, format!("calls {calls:?}"))?;
        ensure(unsafe { trayp_win_theme_calls() } == ALL_CALLS, "calls not recorded")?;
        let change = wide("ImmersiveColorSet");
        unsafe { SendMessageW(window()?, WM_SETTINGCHANGE, 0, change.as_ptr() as isize) };
        ensure(seen() == ["FlushMenuThemes()"], "no flush after the app mode changed")?;
        let other = wide("Policy");
        unsafe { SendMessageW(window()?, WM_SETTINGCHANGE, 0, other.as_ptr() as isize) };
        unsafe { SendMessageW(window()?, WM_SETTINGCHANGE, 0, 0) };
        ensure(seen().is_empty(), "flushed for an unrelated setting")?;
        unsafe { tray_exit() };
        // Only a flush present: the others are skipped, nothing fails.
        let flush_only = ThemeApi { flush_menu_themes: Some(record_flush), ..NONE };
        unsafe { trayp_theme_override(&flush_only, 1) };
        expect("tray_init, flush only", unsafe { tray_init(pixel_tray("Dark", sample_menu())) }, OK)?;
        ensure(seen() == ["FlushMenuThemes()"], "calls with flush only")?;
        ensure(unsafe { trayp_win_theme_calls() } == 4, "flush-only calls not recorded")
    })();
    unsafe { trayp_theme_override(null(), 0) };
    result
}

/// None present (Windows before 1809, or Wine): no call, and the tray works as before.
/// Then the real uxtheme of this system: the calls made are exactly those it has.
fn skipped_when_absent() -> Result<(), String> {
    unsafe { trayp_theme_override(null(), 1) };
    let result = (|| -> Result<(), String> {
        expect("tray_init", unsafe { tray_init(pixel_tray("Light", sample_menu())) }, OK)?;
        ensure(unsafe { trayp_win_theme_calls() } == 0, "calls without the functions")?;
        ensure(icon_present()?, "no icon")?;
        unsafe { tray_exit() };
        Ok(())
    })();
    unsafe { trayp_theme_override(null(), 0) };
    result?;
    let uxtheme = unsafe { LoadLibraryW(wide("uxtheme.dll").as_ptr()) };
    let present = [135, 133, 136].map(|n| !ordinal(uxtheme, n).is_null());
    expect("tray_init with the system's uxtheme", unsafe { tray_init(pixel_tray("System", sample_menu())) }, OK)?;
    let calls = unsafe { trayp_win_theme_calls() };
    // Only functions that exist are called (Wine 8 has none of the three); before build
    // 17763 none is, even where the ordinals exist.
    let made = [calls & 1 != 0, calls & 2 != 0, calls & 4 != 0];
    ensure(made.iter().zip(present).all(|(m, p)| !m || p), format!("calls {calls} with ordinals present {present:?}"))
}

/// The icon is built at the small-icon size of the window's DPI, again at the new DPI that
/// WM_DPICHANGED brings, and again at the window's DPI on TaskbarCreated.
fn dpi_changes() -> Result<(), String> {
    let t = pixel_tray("Dpi", sample_menu());
    (t.icons, t.icon_count) = three_sizes();
    expect("tray_init", unsafe { tray_init(t) }, OK)?;
    let hwnd = window()?;
    let at = |dpi: u32| unsafe { GetSystemMetricsForDpi(SM_CXSMICON, dpi) };
    let start = at(unsafe { GetDpiForWindow(hwnd) });
    ensure(
        unsafe { trayp_win_icon_side() } == start,
        format!("side {} at start, want {start}", unsafe { trayp_win_icon_side() }),
    )?;
    for dpi in [192u32, 144, 288] {
        ensure(at(dpi) != start, format!("{dpi} dpi has the same small-icon size as the start"))?;
        let suggested = [0i32, 0, 100, 100];
        unsafe { SendMessageW(hwnd, WM_DPICHANGED, (dpi | dpi << 16) as usize, suggested.as_ptr() as isize) };
        let side = unsafe { trayp_win_icon_side() };
        ensure(side == at(dpi), format!("side {side} after WM_DPICHANGED to {dpi}, want {}", at(dpi)))?;
        ensure(icon_present()?, "icon lost on WM_DPICHANGED")?;
    }
    // The shell lost the icon (Explorer restarted): a DPI change adds it again.
    delete_icon_behind_the_library()?;
    unsafe { SendMessageW(hwnd, WM_DPICHANGED, (120 | 120 << 16) as usize, [0i32, 0, 1, 1].as_ptr() as isize) };
    ensure(icon_present()?, "WM_DPICHANGED did not add a lost icon")?;
    let msg = unsafe { RegisterWindowMessageW(wide("TaskbarCreated").as_ptr()) };
    unsafe { SendMessageW(hwnd, msg, 0, 0) };
    let side = unsafe { trayp_win_icon_side() };
    ensure(side == start, format!("side {side} after TaskbarCreated, want the window's {start}"))
}
