//! "Allow this user to control ZeroTier": copies the service's token, which
//! only root/Administrators can read, to the per-user file discovery tries
//! first. Linux and other Unixes: `pkexec` reads it (the only privileged
//! step) and this process writes the copy, owned by the user, mode 0600.
//! Windows: the app runs itself elevated (`runas`) with a hidden flag that
//! writes the copy with an ACL for the calling user only.

use crate::discovery::{Overrides, Places, HOME_TOKEN};
use crate::service::Token;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Longest wait for the privileged helper (it waits for a password).
const HELPER_TIMEOUT: Duration = Duration::from_secs(300);

/// Runs the setup; returns the file written. Blocks while the user
/// authenticates: call it off the UI thread.
pub fn set_up(overrides: &Overrides) -> Result<PathBuf, String> {
    let places = Places::new(overrides);
    let dest = places.user_tokens.first().cloned().ok_or("no per-user folder (HOME or LOCALAPPDATA is not set)")?;
    let sources: Vec<PathBuf> = places.homes.iter().map(|h| h.join(HOME_TOKEN)).collect();
    platform::set_up(overrides, &sources, &dest)?;
    Ok(dest)
}

#[cfg(not(windows))]
mod platform {
    use super::*;
    use std::io::Read;
    use std::process::{Command, Stdio};
    use std::time::Instant;

    /// Prints the first readable token file; run by pkexec as root.
    const READER: &str = "for f in \"$@\"; do if [ -r \"$f\" ]; then exec cat -- \"$f\"; fi; done; \
                          echo 'no readable token file in the service homes' >&2; exit 3";

    pub fn set_up(_: &Overrides, sources: &[PathBuf], dest: &Path) -> Result<(), String> {
        // ZT_PKEXEC replaces pkexec (tests use a double that runs the command as is).
        let pkexec = std::env::var_os("ZT_PKEXEC").unwrap_or_else(|| "pkexec".into());
        let mut child = Command::new(&pkexec)
            .args(["/bin/sh", "-c", READER, "zerotier-token-reader"])
            .args(sources)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e} (install policykit-1 / pkexec)", Path::new(&pkexec).display()))?;
        let mut out = child.stdout.take().ok_or("no pipe")?;
        let reader = std::thread::spawn(move || {
            let mut text = Vec::new();
            let _ = (&mut out).take(4096).read_to_end(&mut text);
            text
        });
        let deadline = Instant::now() + HELPER_TIMEOUT;
        let status = loop {
            match child.try_wait().map_err(|e| e.to_string())? {
                Some(status) => break status,
                None if Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err("the authentication dialog was not answered in time".into());
                }
                None => std::thread::sleep(Duration::from_millis(100)),
            }
        };
        let text = reader.join().unwrap_or_default();
        if !status.success() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = (&mut e).take(1024).read_to_string(&mut err);
            }
            // pkexec: 126 = dialog dismissed, 127 = not authorized.
            return Err(match status.code() {
                Some(126) | Some(127) => "authentication was cancelled or refused".into(),
                _ => format!("copying the token failed: {}", err.trim()),
            });
        }
        let token = Token::parse(&String::from_utf8_lossy(&text)).map_err(|why| format!("the token read {why}"))?;
        write_private(dest, token.secret())
    }

    /// Writes `dest` as a new file with mode 0600, then moves it in place.
    fn write_private(dest: &Path, text: &str) -> Result<(), String> {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let tmp = dest.with_extension("new");
        let _ = std::fs::remove_file(&tmp);
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        f.write_all(text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        drop(f);
        std::fs::rename(&tmp, dest).map_err(|e| format!("cannot write {}: {e}", dest.display()))
    }
}

#[cfg(windows)]
pub use platform::install;

#[cfg(windows)]
mod platform {
    use super::*;
    use crate::platform::wide;
    use std::ffi::c_void;
    use std::os::windows::io::FromRawHandle;

    type Handle = *mut c_void;
    const SEE_MASK_NOCLOSEPROCESS: u32 = 0x40;
    const SEE_MASK_NOASYNC: u32 = 0x100;
    const SW_HIDE: i32 = 0;
    const WAIT_OBJECT_0: u32 = 0;
    const SDDL_REVISION_1: u32 = 1;
    const GENERIC_WRITE: u32 = 0x4000_0000;
    const CREATE_NEW: u32 = 1;
    const FILE_ATTRIBUTE_NORMAL: u32 = 0x80;
    const INVALID_HANDLE_VALUE: Handle = -1isize as Handle;
    const DACL_SECURITY_INFORMATION: u32 = 4;
    const PROTECTED_DACL_SECURITY_INFORMATION: u32 = 0x8000_0000;

    #[repr(C)]
    struct ShellExecuteInfoW {
        cb_size: u32,
        f_mask: u32,
        hwnd: Handle,
        verb: *const u16,
        file: *const u16,
        parameters: *const u16,
        directory: *const u16,
        show: i32,
        inst_app: Handle,
        id_list: *mut c_void,
        class: *const u16,
        hkey_class: Handle,
        hot_key: u32,
        icon_or_monitor: Handle,
        process: Handle,
    }

    #[repr(C)]
    struct SecurityAttributes {
        length: u32,
        descriptor: *mut c_void,
        inherit: i32,
    }

    #[link(name = "shell32")]
    extern "system" {
        fn ShellExecuteExW(info: *mut ShellExecuteInfoW) -> i32;
    }
    #[link(name = "kernel32")]
    extern "system" {
        fn WaitForSingleObject(h: Handle, ms: u32) -> u32;
        fn GetExitCodeProcess(h: Handle, code: *mut u32) -> i32;
        fn CloseHandle(h: Handle) -> i32;
        fn LocalFree(p: *mut c_void) -> *mut c_void;
        fn CreateFileW(
            name: *const u16,
            access: u32,
            share: u32,
            security: *mut SecurityAttributes,
            disposition: u32,
            flags: u32,
            template: Handle,
        ) -> Handle;
    }
    #[link(name = "advapi32")]
    extern "system" {
        fn SetFileSecurityW(name: *const u16, info: u32, descriptor: *mut c_void) -> i32;
        fn ConvertStringSecurityDescriptorToSecurityDescriptorW(
            sddl: *const u16,
            revision: u32,
            out: *mut *mut c_void,
            size: *mut u32,
        ) -> i32;
    }

    fn last_error() -> String {
        std::io::Error::last_os_error().to_string()
    }

    pub fn set_up(overrides: &Overrides, _sources: &[PathBuf], dest: &Path) -> Result<(), String> {
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let sid = crate::platform::UserSid::current()
            .and_then(|u| u.to_sddl())
            .map_err(|e| format!("cannot read this user's SID: {e}"))?;
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let mut params = format!("--install-token \"{}\" {sid}", dest.display());
        if let Some(home) = &overrides.service_home {
            params.push_str(&format!(" --service-home \"{}\"", home.display()));
        }
        let (verb, file, params) = (wide("runas"), wide(&exe), wide(&params));
        let mut info = ShellExecuteInfoW {
            cb_size: std::mem::size_of::<ShellExecuteInfoW>() as u32,
            f_mask: SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC,
            hwnd: std::ptr::null_mut(),
            verb: verb.as_ptr(),
            file: file.as_ptr(),
            parameters: params.as_ptr(),
            directory: std::ptr::null(),
            show: SW_HIDE,
            inst_app: std::ptr::null_mut(),
            id_list: std::ptr::null_mut(),
            class: std::ptr::null(),
            hkey_class: std::ptr::null_mut(),
            hot_key: 0,
            icon_or_monitor: std::ptr::null_mut(),
            process: std::ptr::null_mut(),
        };
        // SAFETY: every pointer in `info` outlives the call; the process
        // handle it returns is closed below.
        unsafe {
            if ShellExecuteExW(&mut info) == 0 {
                return Err(format!("elevation was cancelled or failed: {}", last_error()));
            }
            if info.process.is_null() {
                return Err("the elevated copy did not start".into());
            }
            let waited = WaitForSingleObject(info.process, HELPER_TIMEOUT.as_millis() as u32);
            let mut code = 1u32;
            let got = GetExitCodeProcess(info.process, &mut code);
            CloseHandle(info.process);
            if waited != WAIT_OBJECT_0 || got == 0 {
                return Err("the elevated copy did not finish in time".into());
            }
            if code != 0 {
                return Err(format!("the elevated copy failed (exit code {code}); see desktop-ui.log"));
            }
        }
        Ok(())
    }

    /// Deletes an earlier copy so the new one gets a fresh DACL. A copy
    /// that only its user may write reads as read-only here (Wine maps it to
    /// that attribute), which DeleteFile refuses: clear it first.
    fn remove_old_copy(dest: &Path) -> Result<(), String> {
        let Ok(meta) = std::fs::symlink_metadata(dest) else { return Ok(()) };
        if meta.permissions().readonly() {
            let mut writable = meta.permissions();
            #[allow(clippy::permissions_set_readonly_false)] // Windows: the attribute, not Unix modes
            writable.set_readonly(false);
            let _ = std::fs::set_permissions(dest, writable);
        }
        std::fs::remove_file(dest).map_err(|e| format!("cannot replace {}: {e}", dest.display()))
    }

    /// The elevated half: reads the service's token and writes it to `dest`
    /// as a new file whose DACL grants `sid` alone (protected: nothing inherited).
    pub fn install(overrides: &Overrides, dest: &Path, sid: &str) -> Result<(), String> {
        if !sid.starts_with("S-1-") || !sid[4..].bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            return Err(format!("{sid:?} is not a SID"));
        }
        let homes = Places::new(overrides).homes;
        let token = homes
            .iter()
            .find_map(|h| std::fs::read_to_string(h.join(HOME_TOKEN)).ok())
            .ok_or("no readable authtoken.secret in the service homes")?;
        let token = Token::parse(&token).map_err(|why| format!("authtoken.secret: {why}"))?;
        let sddl = wide(format!("D:P(A;;FA;;;{sid})"));
        remove_old_copy(dest)?;
        // SAFETY: the descriptor is LocalFree'd after CreateFileW copied it;
        // the file handle is owned by the File from here on.
        unsafe {
            let mut descriptor: *mut c_void = std::ptr::null_mut();
            if ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl.as_ptr(),
                SDDL_REVISION_1,
                &mut descriptor,
                std::ptr::null_mut(),
            ) == 0
            {
                return Err(format!("bad security descriptor: {}", last_error()));
            }
            let mut attributes =
                SecurityAttributes { length: std::mem::size_of::<SecurityAttributes>() as u32, descriptor, inherit: 0 };
            let name = wide(dest);
            let handle = CreateFileW(
                name.as_ptr(),
                GENERIC_WRITE,
                0,
                &mut attributes,
                CREATE_NEW,
                FILE_ATTRIBUTE_NORMAL,
                std::ptr::null_mut(),
            );
            let error = last_error();
            if handle == INVALID_HANDLE_VALUE {
                LocalFree(descriptor);
                return Err(format!("cannot create {}: {error}", dest.display()));
            }
            // Set again by name: not every file system applies the creation
            // attributes (Wine ignores them), and an unprotected DACL would
            // inherit the folder's entries.
            let set = SetFileSecurityW(
                name.as_ptr(),
                DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                descriptor,
            );
            let error = last_error();
            LocalFree(descriptor);
            if set == 0 {
                drop(std::fs::File::from_raw_handle(handle));
                let _ = std::fs::remove_file(dest);
                return Err(format!("cannot restrict {} to one user: {error}", dest.display()));
            }
            let mut file = std::fs::File::from_raw_handle(handle);
            std::io::Write::write_all(&mut file, token.secret().as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", dest.display()))
        }
    }
}

#[cfg(all(test, windows))]
mod tests {
    use super::*;
    use std::ffi::c_void;
    use std::os::windows::ffi::OsStrExt;

    const DACL_SECURITY_INFORMATION: u32 = 4;

    #[link(name = "advapi32")]
    extern "system" {
        fn GetFileSecurityW(name: *const u16, info: u32, sd: *mut c_void, len: u32, needed: *mut u32) -> i32;
        fn ConvertSecurityDescriptorToStringSecurityDescriptorW(
            sd: *mut c_void,
            revision: u32,
            info: u32,
            out: *mut *mut u16,
            len: *mut u32,
        ) -> i32;
    }
    #[link(name = "kernel32")]
    extern "system" {
        fn LocalFree(p: *mut c_void) -> *mut c_void;
    }

    /// The file's DACL in SDDL, as Windows reads it back.
    fn dacl(path: &Path) -> String {
        let name: Vec<u16> = path.as_os_str().encode_wide().chain(Some(0)).collect();
        let mut buf = vec![0u64; 512];
        let mut needed = 0;
        // SAFETY: the buffer is 4 KiB and its size is passed; the string is freed.
        unsafe {
            let got =
                GetFileSecurityW(name.as_ptr(), DACL_SECURITY_INFORMATION, buf.as_mut_ptr().cast(), 4096, &mut needed);
            assert_ne!(got, 0, "GetFileSecurityW: {}", std::io::Error::last_os_error());
            let mut text: *mut u16 = std::ptr::null_mut();
            let ok = ConvertSecurityDescriptorToStringSecurityDescriptorW(
                buf.as_mut_ptr().cast(),
                1,
                DACL_SECURITY_INFORMATION,
                &mut text,
                std::ptr::null_mut(),
            );
            assert_ne!(ok, 0);
            let len = (0..4096).take_while(|&i| *text.add(i) != 0).count();
            let s = String::from_utf16_lossy(std::slice::from_raw_parts(text, len));
            LocalFree(text.cast());
            s
        }
    }

    #[test]
    fn the_elevated_copy_is_for_the_given_user_only() {
        let root = std::env::temp_dir().join(format!("zt-ui-acl-{}", std::process::id()));
        let home = root.join("home");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(home.join(HOME_TOKEN), "acl-token\r\n").unwrap();
        let dest = root.join("copy.secret");
        std::fs::write(&dest, "stale, with inherited ACL").unwrap();
        let sid = crate::platform::UserSid::current().unwrap().to_sddl().unwrap();
        assert!(sid.starts_with("S-1-5-"), "{sid}");
        let overrides = Overrides { service_home: Some(home), ..Default::default() };
        install(&overrides, &dest, &sid).unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "acl-token");
        // Wine keeps no file DACLs, so only real Windows (the GitHub workflow)
        // can read one back.  Nothing is printed about it: writing to stderr
        // from a test thread crashes arm64 Wine 8 (the arm64-run tier).
        if !crate::platform::under_wine() {
            assert_eq!(dacl(&dest), format!("D:P(A;;FA;;;{sid})"));
        }
        assert!(install(&overrides, &dest, "S-1-5-21-x").is_err(), "not a SID");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
