//! uiOpenFile, uiOpenFolder and uiSaveFile: a timer running inside the dialog's modal loop finds the native
//! dialog (GtkFileChooserDialog; the item dialog's #32770 window on Win32), checks its kind and owner, then
//! cancels it or types a path and accepts it; the call must return NULL or exactly that path.

use crate::{c, ctl, CaseResult};
use std::ffi::{c_char, c_int, c_void, CStr};
use std::path::{Path, PathBuf};
use std::ptr::null_mut;
use std::sync::Mutex;
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case { name: "file_dialogs_cancel", needs_display: true, run: file_dialogs_cancel },
        crate::Case { name: "file_dialogs_accept_a_path", needs_display: true, run: file_dialogs_accept_a_path },
        crate::Case { name: "file_dialogs_bad_input", needs_display: true, run: file_dialogs_bad_input },
        #[cfg(windows)]
        crate::Case { name: "file_dialogs_classic_fallback", needs_display: true, run: file_dialogs_classic_fallback },
    ]
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Open,
    Folder,
    Save,
}

/// What the timer is to do with the next dialog, and what it saw.
struct Plan {
    kind: Kind,
    owner: usize,
    /// None: cancel; Some: choose this path.
    accept: Option<PathBuf>,
    ticks: u32,
    step: u32,
    found: bool,
    problem: Option<String>,
}

static PLAN: Mutex<Option<Plan>> = Mutex::new(None);

/// About 10 s at 50 ms a tick before the timer gives up and cancels.
const MAX_TICKS: u32 = 200;

extern "C" fn drive(_: *mut c_void) -> c_int {
    let mut guard = PLAN.lock().unwrap();
    let Some(plan) = guard.as_mut() else { return 0 };
    plan.ticks += 1;
    let Some(dialog) = native::find_dialog() else {
        return (plan.ticks < MAX_TICKS) as c_int;
    };
    if !plan.found {
        plan.found = true;
        let (kind, owner) = native::describe(dialog);
        if kind.is_some_and(|k| k != plan.kind) || owner != plan.owner {
            plan.problem = Some(format!(
                "dialog is {kind:?} owned by {owner:#x}, wanted {:?} owned by {:#x}",
                plan.kind, plan.owner
            ));
        }
    }
    let done = match &plan.accept {
        None => {
            native::cancel(dialog);
            true
        }
        Some(_) if plan.ticks >= MAX_TICKS => {
            plan.problem = Some("the dialog never took the path".into());
            native::cancel(dialog);
            true
        }
        Some(path) => {
            plan.step += 1;
            native::accept(dialog, path, plan.kind, plan.step)
        }
    };
    (!done) as c_int
}

/// Runs one dialog with a driving timer; returns the path the call gave.
fn run(kind: Kind, parent: *mut uiWindow, accept: Option<PathBuf>) -> Result<Option<String>, String> {
    run_with(kind, parent, accept, || unsafe {
        match kind {
            Kind::Open => uiOpenFile(parent),
            Kind::Folder => uiOpenFolder(parent),
            Kind::Save => uiSaveFile(parent),
        }
    })
}

fn run_with(
    kind: Kind,
    parent: *mut uiWindow,
    accept: Option<PathBuf>,
    show: impl FnOnce() -> *mut c_char,
) -> Result<Option<String>, String> {
    let owner = if parent.is_null() { 0 } else { unsafe { uiControlHandle(ctl(parent)) } };
    *PLAN.lock().unwrap() = Some(Plan { kind, owner, accept, ticks: 0, step: 0, found: false, problem: None });
    unsafe { uiTimer(50, Some(drive), null_mut()) };
    let p: *mut c_char = show();
    let plan = PLAN.lock().unwrap().take().unwrap();
    let result = if p.is_null() {
        None
    } else {
        let s = unsafe { CStr::from_ptr(p) }.to_str().map(str::to_owned).map_err(|e| e.to_string());
        unsafe { uiFreeText(p) };
        Some(s?)
    };
    if !plan.found {
        return Err(format!("{kind:?}: returned {result:?} without a dialog being found"));
    }
    if let Some(problem) = plan.problem {
        return Err(format!("{kind:?}: {problem}"));
    }
    Ok(result)
}

fn scratch(name: &str) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("zt-libui-dialogs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// The same path, however the system spells it (Windows: case and separators).
fn same_path(got: &str, want: &Path) -> bool {
    if cfg!(windows) {
        got.replace('/', "\\").eq_ignore_ascii_case(&want.to_string_lossy().replace('/', "\\"))
    } else {
        Path::new(got) == want
    }
}

fn file_dialogs_cancel() -> CaseResult {
    let w = crate::new_window("dialog owner")?;
    unsafe { uiControlShow(ctl(w)) };
    crate::pump(30);
    for kind in [Kind::Open, Kind::Folder, Kind::Save] {
        for parent in [null_mut(), w] {
            let got = run(kind, parent, None)?;
            check!(got.is_none(), "{kind:?}: a cancelled dialog returned {got:?}");
        }
    }
    unsafe { uiControlDestroy(ctl(w)) };
    Ok(())
}

fn file_dialogs_accept_a_path() -> CaseResult {
    let dir = scratch("accept")?;
    let existing = dir.join("open me ✓.txt");
    std::fs::write(&existing, "x").map_err(|e| e.to_string())?;
    let folder = dir.join("a folder ✓");
    std::fs::create_dir(&folder).map_err(|e| e.to_string())?;
    let new_file = dir.join("saved ✓.txt");
    let w = crate::new_window("dialog owner")?;
    unsafe { uiControlShow(ctl(w)) };
    crate::pump(30);
    let cases = [(Kind::Open, existing), (Kind::Folder, folder), (Kind::Save, new_file)];
    for (kind, path) in cases {
        let got = run(kind, w, Some(path.clone()))?;
        let ok = got.as_deref().is_some_and(|g| same_path(g, &path));
        check!(ok, "{kind:?}: accepting {} returned {got:?}", path.display());
    }
    unsafe { uiControlDestroy(ctl(w)) };
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// The classic dialogs, which uiOpenFile and friends fall back to when the item dialog cannot
/// be made: shown through the library's private entry (COM cannot be made to fail on demand),
/// cancelled, and given a path.
#[cfg(windows)]
fn file_dialogs_classic_fallback() -> CaseResult {
    extern "C" {
        fn uiprivClassicFileDialog(owner: usize, kind: c_int) -> *mut c_char;
    }
    let dir = scratch("classic")?;
    let existing = dir.join("open me ✓.txt");
    std::fs::write(&existing, "x").map_err(|e| e.to_string())?;
    let new_file = dir.join("saved ✓.txt");
    let w = crate::new_window("classic owner")?;
    unsafe { uiControlShow(ctl(w)) };
    crate::pump(30);
    let owner = unsafe { uiControlHandle(ctl(w)) };
    // uiprivFileDialogKind: Open 0, Folder 1, Save 2.
    let code = |kind| match kind {
        Kind::Open => 0,
        Kind::Folder => 1,
        Kind::Save => 2,
    };
    for kind in [Kind::Open, Kind::Folder, Kind::Save] {
        let got = run_with(kind, w, None, || unsafe { uiprivClassicFileDialog(owner, code(kind)) })?;
        check!(got.is_none(), "classic {kind:?}: a cancelled dialog returned {got:?}");
    }
    for (kind, path) in [(Kind::Open, existing), (Kind::Save, new_file)] {
        let got = run_with(kind, w, Some(path.clone()), || unsafe { uiprivClassicFileDialog(owner, code(kind)) })?;
        let ok = got.as_deref().is_some_and(|g| same_path(g, &path));
        check!(ok, "classic {kind:?}: accepting {} returned {got:?}", path.display());
    }
    unsafe { uiControlDestroy(ctl(w)) };
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn file_dialogs_bad_input() -> CaseResult {
    unsafe {
        // Not a window: refused at once, no dialog shown.
        let l = uiNewLabel(c("not a window").as_ptr());
        check!(uiOpenFile(l.cast()).is_null());
        check!(uiOpenFolder(l.cast()).is_null());
        check!(uiSaveFile(l.cast()).is_null());
        uiControlDestroy(ctl(l));
        let w = crate::new_window("gone")?;
        uiControlDestroy(ctl(w));
        check!(uiSaveFile(w).is_null(), "a destroyed window was taken as the owner");
    }
    Ok(())
}

/// The dialogs, found and driven behind the library's back.
mod native {
    use super::Kind;
    use std::path::Path;

    #[cfg(unix)]
    pub use gtk::*;
    #[cfg(windows)]
    pub use win::*;

    #[cfg(unix)]
    mod gtk {
        use super::{Kind, Path};
        use std::ffi::{c_char, c_int, c_void, CStr, CString};

        type Widget = *mut c_void;

        extern "C" {
            fn g_free(p: *mut c_void);
            fn gtk_file_chooser_dialog_get_type() -> usize;
            fn gtk_window_get_transient_for(w: Widget) -> Widget;
            fn gtk_file_chooser_get_action(c: Widget) -> c_int;
            fn gtk_file_chooser_set_filename(c: Widget, name: *const c_char) -> c_int;
            fn gtk_file_chooser_set_current_folder(c: Widget, name: *const c_char) -> c_int;
            fn gtk_file_chooser_set_current_name(c: Widget, name: *const c_char);
            fn gtk_file_chooser_get_filename(c: Widget) -> *mut c_char;
            fn gtk_dialog_response(d: Widget, response: c_int);
        }

        const RESPONSE_ACCEPT: c_int = -3;
        const RESPONSE_CANCEL: c_int = -6;

        pub type Dialog = Widget;

        pub fn find_dialog() -> Option<Dialog> {
            crate::native::visible_toplevel(unsafe { gtk_file_chooser_dialog_get_type() })
        }

        /// Its kind and its owner window's handle (0: none).
        pub fn describe(d: Dialog) -> (Option<Kind>, usize) {
            let kind = match unsafe { gtk_file_chooser_get_action(d) } {
                0 => Some(Kind::Open),
                1 => Some(Kind::Save),
                2 => Some(Kind::Folder),
                _ => None,
            };
            (kind, unsafe { gtk_window_get_transient_for(d) } as usize)
        }

        pub fn cancel(d: Dialog) {
            unsafe { gtk_dialog_response(d, RESPONSE_CANCEL) }
        }

        fn cstr(p: &Path) -> CString {
            CString::new(p.as_os_str().as_encoded_bytes()).unwrap()
        }

        fn chosen(d: Dialog) -> Option<String> {
            let p = unsafe { gtk_file_chooser_get_filename(d) };
            if p.is_null() {
                return None;
            }
            let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
            unsafe { g_free(p.cast()) };
            Some(s)
        }

        /// Step 1 asks for the path; the chooser loads folders asynchronously, so later steps wait until it
        /// shows that path, then accept. Returns true once accepted.
        pub fn accept(d: Dialog, path: &Path, kind: Kind, step: u32) -> bool {
            if step == 1 {
                unsafe {
                    if kind == Kind::Save {
                        gtk_file_chooser_set_current_folder(d, cstr(path.parent().unwrap()).as_ptr());
                        let name = cstr(Path::new(path.file_name().unwrap()));
                        gtk_file_chooser_set_current_name(d, name.as_ptr());
                    } else {
                        gtk_file_chooser_set_filename(d, cstr(path).as_ptr());
                    }
                }
                return false;
            }
            if chosen(d).as_deref() != Some(&*path.to_string_lossy()) {
                return false;
            }
            unsafe { gtk_dialog_response(d, RESPONSE_ACCEPT) };
            true
        }
    }

    #[cfg(windows)]
    mod win {
        use super::{Kind, Path};
        use std::ffi::c_void;
        use std::ptr::null_mut;

        type Hwnd = *mut c_void;
        pub type Dialog = Hwnd;

        #[link(name = "user32")]
        extern "system" {
            fn EnumThreadWindows(tid: u32, f: extern "system" fn(Hwnd, isize) -> i32, l: isize) -> i32;
            fn EnumChildWindows(parent: Hwnd, f: extern "system" fn(Hwnd, isize) -> i32, l: isize) -> i32;
            fn GetClassNameW(h: Hwnd, buf: *mut u16, n: i32) -> i32;
            fn IsWindowVisible(h: Hwnd) -> i32;
            fn GetWindow(h: Hwnd, cmd: u32) -> Hwnd;
            fn GetDlgCtrlID(h: Hwnd) -> i32;
            fn GetParent(h: Hwnd) -> Hwnd;
            fn SendMessageW(h: Hwnd, msg: u32, w: usize, l: isize) -> isize;
            fn PostMessageW(h: Hwnd, msg: u32, w: usize, l: isize) -> i32;
        }

        #[link(name = "kernel32")]
        extern "system" {
            fn GetCurrentThreadId() -> u32;
        }

        const GW_OWNER: u32 = 4;
        const WM_SETTEXT: u32 = 0x000C;
        const WM_COMMAND: u32 = 0x0111;
        const IDOK: usize = 1;
        const IDCANCEL: usize = 2;
        /// The file name box of the common item dialogs (cmb13).
        const FILE_NAME_COMBO: i32 = 0x47C;

        fn class(h: Hwnd) -> String {
            let mut buf = [0u16; 64];
            let n = unsafe { GetClassNameW(h, buf.as_mut_ptr(), buf.len() as i32) };
            String::from_utf16_lossy(&buf[..n.max(0) as usize])
        }

        extern "system" fn visible_dialog(h: Hwnd, out: isize) -> i32 {
            if class(h) == "#32770" && unsafe { IsWindowVisible(h) } != 0 {
                unsafe { *(out as *mut Hwnd) = h };
                return 0;
            }
            1
        }

        pub fn find_dialog() -> Option<Dialog> {
            let mut found: Hwnd = null_mut();
            unsafe { EnumThreadWindows(GetCurrentThreadId(), visible_dialog, &mut found as *mut Hwnd as isize) };
            (!found.is_null()).then_some(found)
        }

        /// The item dialogs do not show their kind in a window class; the owner is what can be checked.
        pub fn describe(d: Dialog) -> (Option<Kind>, usize) {
            (None, unsafe { GetWindow(d, GW_OWNER) } as usize)
        }

        pub fn cancel(d: Dialog) {
            unsafe { PostMessageW(d, WM_COMMAND, IDCANCEL, 0) };
        }

        /// (the edit inside the file name box, the first visible edit)
        struct Edits {
            in_name_box: Hwnd,
            first: Hwnd,
        }

        extern "system" fn edits(h: Hwnd, out: isize) -> i32 {
            let e = unsafe { &mut *(out as *mut Edits) };
            if class(h) == "Edit" && unsafe { IsWindowVisible(h) } != 0 {
                if e.first.is_null() {
                    e.first = h;
                }
                let mut p = h;
                while !p.is_null() {
                    if unsafe { GetDlgCtrlID(p) } == FILE_NAME_COMBO && e.in_name_box.is_null() {
                        e.in_name_box = h;
                    }
                    p = unsafe { GetParent(p) };
                }
            }
            1
        }

        /// Types the full path into the file name box and presses OK, as a user would.
        pub fn accept(d: Dialog, path: &Path, _kind: Kind, _step: u32) -> bool {
            let mut e = Edits { in_name_box: null_mut(), first: null_mut() };
            unsafe { EnumChildWindows(d, edits, &mut e as *mut Edits as isize) };
            let edit = if e.in_name_box.is_null() { e.first } else { e.in_name_box };
            if edit.is_null() {
                return false;
            }
            let text: Vec<u16> = path.as_os_str().to_string_lossy().encode_utf16().chain(Some(0)).collect();
            unsafe {
                SendMessageW(edit, WM_SETTEXT, 0, text.as_ptr() as isize);
                PostMessageW(d, WM_COMMAND, IDOK, 0);
            }
            true
        }
    }
}
