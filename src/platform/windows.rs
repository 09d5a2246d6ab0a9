//! Windows: the per-user Run key, a session-local mutex named with the
//! user's SID as the instance lock, ShellExecuteW, and the taskbar theme
//! from the registry.

use std::io;
use std::path::Path;

use windows_sys::Win32::Foundation::{CloseHandle, GetLastError, ERROR_ALREADY_EXISTS, ERROR_SUCCESS, HANDLE};
use windows_sys::Win32::System::Registry::{
    RegDeleteKeyValueW, RegGetValueW, RegSetKeyValueW, HKEY_CURRENT_USER, REG_SZ, RRF_RT_REG_DWORD, RRF_RT_REG_SZ,
};
use windows_sys::Win32::System::Threading::CreateMutexW;
use windows_sys::Win32::UI::Shell::ShellExecuteW;
use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWNORMAL;

use crate::icon::Backdrop;

mod acl;
mod elevation;
mod port_owner;
pub use acl::{token_exposure, UserSid};
pub use elevation::{hand_back, program_data, read_home_token, run_token_reader, write_private_copy};
pub use port_owner::check_service_peer;

const RUN_KEY: &str = r"Software\Microsoft\Windows\CurrentVersion\Run";
const THEME_KEY: &str = r"Software\Microsoft\Windows\CurrentVersion\Themes\Personalize";

/// A NUL-terminated UTF-16 copy, as the W functions take.
pub(crate) fn wide(s: impl AsRef<std::ffi::OsStr>) -> Vec<u16> {
    use std::os::windows::ffi::OsStrExt;
    s.as_ref().encode_wide().chain(std::iter::once(0)).collect()
}

fn check(code: u32, what: &str) -> io::Result<()> {
    if code == ERROR_SUCCESS {
        Ok(())
    } else {
        Err(io::Error::new(io::Error::from_raw_os_error(code as i32).kind(), format!("{what}: error {code}")))
    }
}

/// The app's own per-user settings folder (`%APPDATA%`, which only the user can read).
pub fn config_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("APPDATA").filter(|v| !v.is_empty()).map(|d| std::path::PathBuf::from(d).join(super::APP_NAME))
}

/// The Windows edition, release and build as the registry names them
/// ("Windows 10 Pro 22H2, build 19045"), and whether Wine runs it.
pub fn os_release() -> Option<String> {
    use windows_sys::Win32::System::Registry::HKEY_LOCAL_MACHINE;
    const KEY: &str = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion";
    let text = |name: &str| -> Option<String> {
        let (key, name) = (wide(KEY), wide(name));
        let mut buf = vec![0u16; 128];
        let mut size = (buf.len() * 2) as u32;
        // SAFETY: valid NUL-terminated strings and a buffer of `size` bytes; a
        // longer value fails with ERROR_MORE_DATA and is left out.
        let code = unsafe {
            RegGetValueW(
                HKEY_LOCAL_MACHINE,
                key.as_ptr(),
                name.as_ptr(),
                RRF_RT_REG_SZ,
                std::ptr::null_mut(),
                buf.as_mut_ptr().cast(),
                &mut size,
            )
        };
        let len = (size as usize / 2).min(buf.len());
        let value = String::from_utf16_lossy(&buf[..len]);
        let value = crate::text::clean(value.trim_end_matches('\0'), 60);
        (code == ERROR_SUCCESS && !value.is_empty()).then_some(value)
    };
    let mut out = text("ProductName")?;
    if let Some(release) = text("DisplayVersion") {
        out.push_str(&format!(" {release}"));
    }
    if let Some(build) = text("CurrentBuildNumber") {
        out.push_str(&format!(", build {build}"));
    }
    if under_wine() {
        out.push_str(" (under Wine)");
    }
    Some(out)
}

/// `SystemUsesLightTheme` = 1 means a light taskbar (Windows 10 1903 and later).
pub fn taskbar_backdrop() -> Backdrop {
    let (key, name) = (wide(THEME_KEY), wide("SystemUsesLightTheme"));
    let mut value: u32 = 0;
    let mut size = std::mem::size_of::<u32>() as u32;
    // SAFETY: valid NUL-terminated strings and a 4-byte output buffer.
    let code = unsafe {
        RegGetValueW(
            HKEY_CURRENT_USER,
            key.as_ptr(),
            name.as_ptr(),
            RRF_RT_REG_DWORD,
            std::ptr::null_mut(),
            (&mut value as *mut u32).cast(),
            &mut size,
        )
    };
    if code == ERROR_SUCCESS && value == 1 {
        Backdrop::Light
    } else {
        Backdrop::Dark
    }
}

pub fn autostart_enabled() -> bool {
    autostart_enabled_named(super::APP_NAME)
}

pub fn set_autostart(enabled: bool) -> io::Result<()> {
    set_autostart_named(super::APP_NAME, &super::current_exe()?, enabled)
}

pub fn autostart_enabled_named(name: &str) -> bool {
    let (key, name) = (wide(RUN_KEY), wide(name));
    // SAFETY: valid strings; no data buffer asked for, only whether it exists.
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
    code == ERROR_SUCCESS
}

/// The Run value is the quoted exe path, so paths with spaces start.
pub fn set_autostart_named(name: &str, exe: &Path, enabled: bool) -> io::Result<()> {
    let (key, value_name) = (wide(RUN_KEY), wide(name));
    if enabled {
        let data = wide(format!("\"{}\"", exe.display()));
        // SAFETY: data is a NUL-terminated UTF-16 string of the stated byte length.
        let code = unsafe {
            RegSetKeyValueW(
                HKEY_CURRENT_USER,
                key.as_ptr(),
                value_name.as_ptr(),
                REG_SZ,
                data.as_ptr().cast(),
                (data.len() * 2) as u32,
            )
        };
        check(code, "cannot write the Run key")
    } else {
        // SAFETY: valid strings.
        let code = unsafe { RegDeleteKeyValueW(HKEY_CURRENT_USER, key.as_ptr(), value_name.as_ptr()) };
        // Already absent is what was asked for.
        if code == windows_sys::Win32::Foundation::ERROR_FILE_NOT_FOUND {
            return Ok(());
        }
        check(code, "cannot remove the Run value")
    }
}

/// Held for the life of the process.
pub struct Instance(HANDLE);

impl Drop for Instance {
    fn drop(&mut self) {
        // SAFETY: our own mutex handle, closed once.
        unsafe { CloseHandle(self.0) };
    }
}

/// Claims `name` for this user in this logon session; `Ok(None)` when
/// another instance holds it.  The mutex name carries the user's SID, so
/// another account in the session (`runas`) holding the plain name blocks
/// nothing; a name taken by someone this user may not open is an error
/// (the caller starts anyway), not "already running".  The system drops the
/// mutex with its last handle.
pub fn claim_instance(name: &str) -> io::Result<Option<Instance>> {
    let sid = UserSid::current()?.to_sddl()?;
    claim_mutex(&format!("Local\\{name}-{sid}"))
}

fn claim_mutex(full_name: &str) -> io::Result<Option<Instance>> {
    let wide_name = wide(full_name);
    // SAFETY: a valid name; default security.
    let handle = unsafe { CreateMutexW(std::ptr::null(), 0, wide_name.as_ptr()) };
    // SAFETY: read right after the call it describes.
    let last = unsafe { GetLastError() };
    if handle.is_null() {
        return Err(io::Error::from_raw_os_error(last as i32));
    }
    if last == ERROR_ALREADY_EXISTS {
        // SAFETY: the handle we just got.
        unsafe { CloseHandle(handle) };
        return Ok(None);
    }
    Ok(Some(Instance(handle)))
}

/// Opens a web page with the user's default browser.
pub fn open_url(url: &str) -> io::Result<()> {
    let url = super::check_web_url(url)?;
    let (verb, target) = (wide("open"), wide(url));
    // SAFETY: valid strings; no parent window, parameters or directory.
    let result = unsafe {
        ShellExecuteW(
            std::ptr::null_mut(),
            verb.as_ptr(),
            target.as_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            SW_SHOWNORMAL,
        )
    };
    // Values above 32 mean success (a historical HINSTANCE).
    if result as usize > 32 {
        Ok(())
    } else {
        Err(io::Error::other(format!("ShellExecuteW could not open {url} (code {})", result as usize)))
    }
}

/// Under Debian's arm64 Wine 8 some system calls (shell32's among them, measured: ShellExecuteExW's
/// neighbours CommandLineToArgvW and SHGetKnownFolderPath, and ntdll's wine_get_version) return
/// with x18 zeroed.  On ARM64 Windows x18 always holds the thread's TEB, and every thread-local
/// access reads through it, so the next one faults at a small address.  Real Windows never does
/// this; under Wine a first-chance handler puts the TEB back (Wine's dispatcher hands the handler
/// a correct x18) and the faulting load runs again.  Installed once, and only under Wine.
#[cfg(target_arch = "aarch64")]
pub fn repair_teb_register_under_wine() {
    use windows_sys::Win32::System::Diagnostics::Debug::AddVectoredExceptionHandler;
    static ONCE: std::sync::Once = std::sync::Once::new();
    if under_wine() {
        // SAFETY: the handler is a plain function that lives as long as the program.
        ONCE.call_once(|| unsafe {
            AddVectoredExceptionHandler(1, Some(restore_teb_register));
        });
    }
}

#[cfg(not(target_arch = "aarch64"))]
pub fn repair_teb_register_under_wine() {}

#[cfg(target_arch = "aarch64")]
unsafe extern "system" fn restore_teb_register(
    info: *mut windows_sys::Win32::System::Diagnostics::Debug::EXCEPTION_POINTERS,
) -> i32 {
    use windows_sys::Win32::Foundation::EXCEPTION_ACCESS_VIOLATION;
    use windows_sys::Win32::System::Diagnostics::Debug::{EXCEPTION_CONTINUE_EXECUTION, EXCEPTION_CONTINUE_SEARCH};
    let teb: u64;
    // SAFETY: reads a register.
    unsafe { core::arch::asm!("mov {}, x18", out(reg) teb, options(nomem, nostack, preserves_flags)) };
    // SAFETY: the system passes valid records; the TEB (when x18 holds one) begins with NT_TIB,
    // whose Self field, at 0x30, points back at it.
    unsafe {
        let (record, context) = (&*(*info).ExceptionRecord, &mut *(*info).ContextRecord);
        let faulted_low = record.NumberParameters >= 2 && record.ExceptionInformation[1] < 0x1_0000;
        let saved = &mut context.Anonymous.Anonymous.X18;
        if record.ExceptionCode == EXCEPTION_ACCESS_VIOLATION
            && faulted_low
            && teb != 0
            && *saved != teb
            && *(teb as *const u64).add(6) == teb
        {
            *saved = teb;
            return EXCEPTION_CONTINUE_EXECUTION;
        }
    }
    EXCEPTION_CONTINUE_SEARCH
}

/// Whether this runs under Wine.  Wine 8 accepts file DACLs but keeps none (it derives one
/// from the Unix mode), and its TCP table names no owning processes (`port_owner`).  Told by
/// Wine's own machine key, which only an administrator could make on Windows: asking ntdll
/// for `wine_get_version` returns with the ARM64 TEB register x18 clobbered under Debian's
/// arm64 Wine 8, and the next thread-local access then crashed the process.
pub(crate) fn under_wine() -> bool {
    use windows_sys::Win32::System::Registry::{RegCloseKey, RegOpenKeyExW, HKEY, HKEY_LOCAL_MACHINE, KEY_READ};
    let name = wide("Software\\Wine");
    let mut key: HKEY = std::ptr::null_mut();
    // SAFETY: a NUL-terminated name and an out pointer; the key is closed when opened.
    unsafe {
        let opened = RegOpenKeyExW(HKEY_LOCAL_MACHINE, name.as_ptr(), 0, KEY_READ, &mut key) == ERROR_SUCCESS;
        if opened {
            RegCloseKey(key);
        }
        opened
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_key_value_is_written_and_removed() {
        let name = format!("ztui-test-{}", std::process::id());
        let exe = Path::new(r"C:\Program Files\ZeroTier UI\zerotier_desktop_ui.exe");
        assert!(!autostart_enabled_named(&name));
        set_autostart_named(&name, exe, true).unwrap();
        assert!(autostart_enabled_named(&name));
        set_autostart_named(&name, exe, false).unwrap();
        assert!(!autostart_enabled_named(&name));
        set_autostart_named(&name, exe, false).unwrap();
    }

    #[test]
    fn the_instance_mutex_is_per_user() {
        let name = format!("ztui-squat-{}", std::process::id());
        // Someone holding the name without this user's SID blocks nothing.
        let squatter = claim_mutex(&format!("Local\\{name}")).unwrap();
        assert!(squatter.is_some());
        let first = claim_instance(&name).unwrap();
        assert!(first.is_some());
        assert!(claim_instance(&name).unwrap().is_none(), "a second claim by this user fails");
        let sid = UserSid::current().unwrap().to_sddl().unwrap();
        assert!(sid.starts_with("S-1-"), "{sid}");
        assert!(claim_mutex(&format!("Local\\{name}-{sid}")).unwrap().is_none(), "the SID is in the name");
    }

    #[test]
    fn the_os_release_is_read_from_the_registry() {
        let release = os_release().expect("Windows (and Wine) name their product in the registry");
        assert!(release.contains("Windows"), "{release}");
        assert_eq!(release.ends_with("(under Wine)"), under_wine(), "{release}");
    }

    #[test]
    fn backdrop_follows_the_registry_when_set() {
        // Whatever the prefix says, the call answers without failing.
        let _ = taskbar_backdrop();
    }
}
