//! Token setup on Windows.  This process creates a named pipe only it reads, and starts itself
//! elevated (`runas`, the UAC prompt) as `--read-service-token <pipe>`; UAC passes no handles
//! on, so the pipe is found by its name, which is the only thing the elevated side takes from
//! its caller.  The elevated side reads `authtoken.secret` in the built-in service home (found
//! through the shell's folder API, not the caller's environment), refusing reparse points, and
//! writes it into the pipe; this process then writes the user's copy with a DACL for the user
//! alone.

use std::ffi::{c_void, OsStr};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use windows_sys::Win32::Foundation::{
    CloseHandle, GetLastError, LocalFree, ERROR_BROKEN_PIPE, ERROR_PIPE_LISTENING, GENERIC_READ, GENERIC_WRITE, HANDLE,
    INVALID_HANDLE_VALUE, MAX_PATH, WAIT_OBJECT_0,
};
use windows_sys::Win32::Security::Authorization::{
    ConvertStringSecurityDescriptorToSecurityDescriptorW, SDDL_REVISION_1,
};
use windows_sys::Win32::Security::{
    SetFileSecurityW, DACL_SECURITY_INFORMATION, PROTECTED_DACL_SECURITY_INFORMATION, SECURITY_ATTRIBUTES,
};
use windows_sys::Win32::Storage::FileSystem::{
    CreateFileW, GetFileInformationByHandle, GetFileType, GetFinalPathNameByHandleW, MoveFileExW, ReadFile, WriteFile,
    BY_HANDLE_FILE_INFORMATION, CREATE_NEW, FILE_ATTRIBUTE_DIRECTORY, FILE_ATTRIBUTE_NORMAL,
    FILE_ATTRIBUTE_REPARSE_POINT, FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_FIRST_PIPE_INSTANCE,
    FILE_FLAG_OPEN_REPARSE_POINT, FILE_NAME_NORMALIZED, FILE_READ_ATTRIBUTES, FILE_SHARE_DELETE, FILE_SHARE_READ,
    FILE_SHARE_WRITE, FILE_TYPE_DISK, MOVEFILE_REPLACE_EXISTING, OPEN_EXISTING, PIPE_ACCESS_INBOUND,
    SECURITY_IDENTIFICATION, SECURITY_SQOS_PRESENT, VOLUME_NAME_DOS,
};
use windows_sys::Win32::System::Pipes::{
    CreateNamedPipeW, PIPE_READMODE_BYTE, PIPE_REJECT_REMOTE_CLIENTS, PIPE_TYPE_BYTE, PIPE_WAIT,
};
use windows_sys::Win32::System::Threading::{GetExitCodeProcess, WaitForSingleObject};
use windows_sys::Win32::UI::Shell::{
    SHGetFolderPathW, ShellExecuteExW, CSIDL_COMMON_APPDATA, SEE_MASK_NOASYNC, SEE_MASK_NOCLOSEPROCESS,
    SHELLEXECUTEINFOW,
};
use windows_sys::Win32::UI::WindowsAndMessaging::SW_HIDE;

use super::{wide, UserSid};
use crate::cli::{is_pipe_name, READ_SERVICE_TOKEN};
use crate::discovery::HOME_TOKEN;

/// Longest wait for the elevated step (the UAC prompt waits for an answer).
const HELPER_TIMEOUT: Duration = Duration::from_secs(300);
/// A ZeroTier token is 24 characters; anything near this is not one.
const TOKEN_FILE_CAP: u32 = 4096;
/// The token pipes' names, before the random part.
const PIPE_PREFIX: &str = r"\\.\pipe\zerotier-desktop-ui-token-";

/// A handle closed when dropped.
struct Owned(HANDLE);

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: the handle is valid and owned by this value alone.
        unsafe { CloseHandle(self.0) };
    }
}

fn last_error(what: &str) -> String {
    format!("{what}: {}", io::Error::last_os_error())
}

/// `%ProgramData%` as the system records it, not as the environment says: the elevated step
/// must not read a folder its caller chose, and a user can set their own `ProgramData`.
/// `SHGetFolderPathW` rather than `SHGetKnownFolderPath`: on Windows both read the same known
/// folder, but under Debian's arm64 Wine 8 the latter (or the `CoTaskMemFree` it needs) returns
/// with the ARM64 TEB register x18 clobbered, so the next thread-local access crashes; the
/// `arm64-run` tier runs this code as ARM64.
pub fn program_data() -> Option<PathBuf> {
    use std::os::windows::ffi::OsStringExt;
    let mut buf = [0u16; MAX_PATH as usize + 1];
    // SAFETY: the buffer holds MAX_PATH characters and the terminator, as the API requires.
    let hr = unsafe {
        SHGetFolderPathW(std::ptr::null_mut(), CSIDL_COMMON_APPDATA as i32, std::ptr::null_mut(), 0, buf.as_mut_ptr())
    };
    let len = buf.iter().position(|&c| c == 0)?;
    (hr == 0 && len > 0).then(|| PathBuf::from(std::ffi::OsString::from_wide(&buf[..len])))
}

/// One argument quoted so that `CommandLineToArgvW` (and the C runtime) give it back unchanged:
/// inside quotes, backslashes are literal except before a quote, so those (and the ones before
/// the closing quote) are doubled.  Without that, `"C:\zt\"` swallows its closing quote.
pub fn quote_arg(arg: &OsStr) -> String {
    let arg = arg.to_string_lossy();
    if !arg.is_empty() && !arg.contains([' ', '\t', '\n', '\x0b', '"']) {
        return arg.into_owned();
    }
    let mut out = String::from("\"");
    let mut backslashes = 0;
    for c in arg.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' => {
                out.extend(std::iter::repeat('\\').take(backslashes * 2 + 1));
                out.push('"');
                backslashes = 0;
            }
            _ => {
                out.extend(std::iter::repeat('\\').take(backslashes));
                out.push(c);
                backslashes = 0;
            }
        }
    }
    out.extend(std::iter::repeat('\\').take(backslashes * 2));
    out.push('"');
    out
}

/// Arguments joined into one command line, each quoted by [`quote_arg`].
pub fn command_line<S: AsRef<OsStr>>(args: &[S]) -> String {
    args.iter().map(|a| quote_arg(a.as_ref())).collect::<Vec<_>>().join(" ")
}

/// The pipe this process reads the elevated step's answer from.
struct TokenPipe {
    handle: Owned,
    name: String,
}

impl TokenPipe {
    /// A new pipe, the first and only instance of its name, which this user, SYSTEM and the
    /// Administrators (the elevated step may run as another administrator) may write.
    fn create() -> Result<TokenPipe, String> {
        let name = random_pipe_name();
        let me =
            UserSid::current().and_then(|u| u.to_sddl()).map_err(|e| format!("cannot read this user's SID: {e}"))?;
        let descriptor = Descriptor::from_sddl(&format!("D:P(A;;GA;;;SY)(A;;GA;;;BA)(A;;GA;;;{me})"))?;
        let attributes = descriptor.attributes();
        let path = wide(format!("{PIPE_PREFIX}{name}"));
        // SAFETY: valid name and attributes for the call.
        let handle = unsafe {
            CreateNamedPipeW(
                path.as_ptr(),
                PIPE_ACCESS_INBOUND | FILE_FLAG_FIRST_PIPE_INSTANCE,
                PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS,
                1,
                0,
                TOKEN_FILE_CAP,
                0,
                &attributes,
            )
        };
        if handle == INVALID_HANDLE_VALUE {
            return Err(last_error("cannot create the pipe for the token"));
        }
        Ok(TokenPipe { handle: Owned(handle), name })
    }

    /// What the elevated step wrote, once it has ended: the data stays in the pipe after the
    /// writer closes, then reading reports the broken pipe.  A pipe still listening was never
    /// opened: the step ended without answering.
    fn read_answer(&self) -> Result<String, String> {
        let mut bytes = Vec::new();
        let mut buf = [0u8; 512];
        loop {
            let mut got = 0u32;
            // SAFETY: the buffer's size is passed.
            let ok =
                unsafe { ReadFile(self.handle.0, buf.as_mut_ptr(), buf.len() as u32, &mut got, std::ptr::null_mut()) };
            if ok == 0 {
                // SAFETY: no call in between.
                match unsafe { GetLastError() } {
                    ERROR_BROKEN_PIPE => break,
                    ERROR_PIPE_LISTENING => return Err("the elevated step ended without answering".into()),
                    _ => return Err(last_error("cannot read the pipe")),
                }
            }
            if got == 0 {
                break;
            }
            bytes.extend_from_slice(&buf[..got as usize]);
            if bytes.len() > TOKEN_FILE_CAP as usize {
                return Err("the elevated step's answer is too long for a token".into());
            }
        }
        String::from_utf8(bytes).map_err(|_| "the elevated step's answer is not text".into())
    }
}

/// 32 hex digits no other process can predict well enough to take the name first.
fn random_pipe_name() -> String {
    use std::hash::{BuildHasher, Hasher};
    let time = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let mut halves = [0u64; 2];
    for (i, half) in halves.iter_mut().enumerate() {
        // Each RandomState is keyed from the system's random source.
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(time.as_nanos());
        h.write_u32(std::process::id());
        h.write_usize(i);
        *half = h.finish();
    }
    format!("{:016x}{:016x}", halves[0], halves[1])
}

/// A security descriptor made from SDDL, freed when dropped.
struct Descriptor(*mut c_void);

impl Descriptor {
    fn from_sddl(sddl: &str) -> Result<Descriptor, String> {
        let text = wide(sddl);
        let mut descriptor = std::ptr::null_mut();
        // SAFETY: a NUL-terminated string; the descriptor is LocalFree'd on drop.
        let ok = unsafe {
            ConvertStringSecurityDescriptorToSecurityDescriptorW(
                text.as_ptr(),
                SDDL_REVISION_1,
                &mut descriptor,
                std::ptr::null_mut(),
            )
        };
        if ok == 0 {
            return Err(last_error("bad security descriptor"));
        }
        Ok(Descriptor(descriptor))
    }

    /// Creation attributes pointing at this descriptor (valid while it lives).
    fn attributes(&self) -> SECURITY_ATTRIBUTES {
        SECURITY_ATTRIBUTES {
            nLength: std::mem::size_of::<SECURITY_ATTRIBUTES>() as u32,
            lpSecurityDescriptor: self.0,
            bInheritHandle: 0,
        }
    }
}

impl Drop for Descriptor {
    fn drop(&mut self) {
        // SAFETY: allocated by ConvertStringSecurityDescriptorToSecurityDescriptorW.
        unsafe { LocalFree(self.0) };
    }
}

/// Runs the elevated step and returns what it wrote into the pipe.
pub fn run_token_reader() -> Result<String, String> {
    let pipe = TokenPipe::create()?;
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let params = command_line(&[READ_SERVICE_TOKEN, pipe.name.as_str()]);
    let (verb, file, params) = (wide("runas"), wide(&exe), wide(params));
    // SAFETY: every pointer in `info` outlives the call; the process handle it returns is
    // closed by Owned.
    unsafe {
        let mut info: SHELLEXECUTEINFOW = std::mem::zeroed();
        info.cbSize = std::mem::size_of::<SHELLEXECUTEINFOW>() as u32;
        info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC;
        info.lpVerb = verb.as_ptr();
        info.lpFile = file.as_ptr();
        info.lpParameters = params.as_ptr();
        info.nShow = SW_HIDE;
        if ShellExecuteExW(&mut info) == 0 {
            return Err(last_error("elevation was cancelled or failed"));
        }
        if info.hProcess.is_null() {
            return Err("the elevated step did not start".into());
        }
        let process = Owned(info.hProcess);
        if WaitForSingleObject(process.0, HELPER_TIMEOUT.as_millis() as u32) != WAIT_OBJECT_0 {
            return Err("the elevated step did not finish in time".into());
        }
        let mut code = 1u32;
        if GetExitCodeProcess(process.0, &mut code) == 0 {
            return Err(last_error("cannot read the elevated step's exit code"));
        }
        if code != 0 {
            return Err(match pipe.read_answer() {
                Ok(why) if !why.is_empty() => why,
                _ => format!("the elevated step failed (exit code {code})"),
            });
        }
    }
    pipe.read_answer()
}

/// The elevated step's answer into the caller's pipe: the token, or why there is none (the
/// exit code tells which).  Without a pipe (run by hand) the token goes to stdout.  The pipe is
/// opened for identification only, so its server cannot act with this process's rights.
pub fn hand_back(pipe: Option<&str>, answer: Result<&str, &str>) -> Result<(), String> {
    let Some(name) = pipe else {
        use std::io::Write;
        let Ok(secret) = answer else { return Ok(()) };
        let mut out = io::stdout().lock();
        return out.write_all(format!("{secret}\n").as_bytes()).map_err(|e| e.to_string());
    };
    if !is_pipe_name(name) {
        return Err(format!("{name:?} is not a token pipe's name"));
    }
    let path = wide(format!("{PIPE_PREFIX}{name}"));
    // SAFETY: a NUL-terminated name; the handle is owned from here on.
    let handle = unsafe {
        CreateFileW(
            path.as_ptr(),
            GENERIC_WRITE,
            0,
            std::ptr::null(),
            OPEN_EXISTING,
            SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION,
            std::ptr::null_mut(),
        )
    };
    if handle == INVALID_HANDLE_VALUE {
        return Err(last_error("cannot open the caller's pipe"));
    }
    let handle = Owned(handle);
    let bytes = answer.unwrap_or_else(|why| why).as_bytes();
    let mut written = 0u32;
    // SAFETY: the buffer and its length match.
    let ok = unsafe { WriteFile(handle.0, bytes.as_ptr(), bytes.len() as u32, &mut written, std::ptr::null_mut()) };
    if ok == 0 || written as usize != bytes.len() {
        return Err(last_error("cannot write the token into the pipe"));
    }
    Ok(())
}

/// Opens `path` without following a reparse point at its end (symlink, junction, mount point).
fn open_no_follow(path: &Path, directory: bool) -> Result<Owned, String> {
    let name = wide(path);
    // A folder is only looked at: its attributes, shared with whoever has it open.
    let (access, share, flags) = if directory {
        (FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, FILE_FLAG_BACKUP_SEMANTICS)
    } else {
        (GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, 0)
    };
    // SAFETY: a NUL-terminated name; the handle is owned from here on.
    let handle = unsafe {
        CreateFileW(
            name.as_ptr(),
            access,
            share,
            std::ptr::null(),
            OPEN_EXISTING,
            FILE_FLAG_OPEN_REPARSE_POINT | flags,
            std::ptr::null_mut(),
        )
    };
    if handle == INVALID_HANDLE_VALUE {
        return Err(last_error(&format!("cannot open {}", path.display())));
    }
    Ok(Owned(handle))
}

fn info(handle: &Owned) -> Result<BY_HANDLE_FILE_INFORMATION, String> {
    // SAFETY: a valid handle and an output struct of the right type.
    unsafe {
        let mut info: BY_HANDLE_FILE_INFORMATION = std::mem::zeroed();
        if GetFileInformationByHandle(handle.0, &mut info) == 0 {
            return Err(last_error("cannot inspect"));
        }
        Ok(info)
    }
}

/// The path the system reaches `handle` by, after every link on the way.
fn final_path(handle: &Owned) -> Result<String, String> {
    let mut buf = vec![0u16; 1024];
    // SAFETY: the buffer's length in characters is passed.
    let len = unsafe {
        GetFinalPathNameByHandleW(handle.0, buf.as_mut_ptr(), buf.len() as u32, FILE_NAME_NORMALIZED | VOLUME_NAME_DOS)
    } as usize;
    if len == 0 || len >= buf.len() {
        return Err(last_error("cannot resolve the path"));
    }
    Ok(String::from_utf16_lossy(&buf[..len]))
}

/// `path` in the `\\?\` form GetFinalPathNameByHandleW answers with, without a trailing `\`.
fn verbatim(path: &Path) -> String {
    let text = path.to_string_lossy();
    let text = text.trim_end_matches('\\');
    if text.starts_with(r"\\?\") {
        text.to_string()
    } else {
        format!(r"\\?\{text}")
    }
}

/// Reads `home`'s token file as an administrator may: neither the file nor the home nor its
/// parent (a user may have made `ZeroTier` under ProgramData before the service was installed)
/// may be a reparse point, the home and the file must be reached by the path asked for, be an ordinary
/// disk file with one name, and be small.
pub fn read_home_token(home: &Path) -> Result<String, String> {
    for dir in [Some(home), home.parent()].into_iter().flatten() {
        let handle = open_no_follow(dir, true)?;
        let attributes = info(&handle)?.dwFileAttributes;
        if attributes & FILE_ATTRIBUTE_REPARSE_POINT != 0 {
            return Err(format!("{} is a link (reparse point)", dir.display()));
        }
        if attributes & FILE_ATTRIBUTE_DIRECTORY == 0 {
            return Err(format!("{} is not a folder", dir.display()));
        }
    }
    // Wine shows a Unix symlink on the way as a plain folder, but it resolves it: the home
    // must be reached by the path asked for.
    let home_handle = open_no_follow(home, true)?;
    let (reached, asked) = (final_path(&home_handle)?, verbatim(home));
    if !reached.eq_ignore_ascii_case(&asked) {
        return Err(format!("{} leads to {reached}, not to itself", home.display()));
    }
    let file = open_no_follow(&home.join(HOME_TOKEN), false)?;
    let meta = info(&file)?;
    if meta.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT != 0 {
        return Err(format!("{HOME_TOKEN} is a link (reparse point)"));
    }
    // SAFETY: a valid handle.
    if meta.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY != 0 || unsafe { GetFileType(file.0) } != FILE_TYPE_DISK {
        return Err(format!("{HOME_TOKEN} is not an ordinary file"));
    }
    if meta.nNumberOfLinks != 1 {
        return Err(format!("{HOME_TOKEN} has other names (hard links)"));
    }
    if meta.nFileSizeHigh != 0 || meta.nFileSizeLow > TOKEN_FILE_CAP {
        return Err(format!("{HOME_TOKEN} is larger than {TOKEN_FILE_CAP} bytes"));
    }
    let (reached, expected) = (final_path(&file)?, format!("{}\\{HOME_TOKEN}", final_path(&home_handle)?));
    if !reached.eq_ignore_ascii_case(&expected) {
        return Err(format!("{HOME_TOKEN} leads to {reached}, outside the service home"));
    }
    let mut bytes = vec![0u8; TOKEN_FILE_CAP as usize + 1];
    let mut got = 0u32;
    // SAFETY: the buffer's size is passed.
    let ok = unsafe { ReadFile(file.0, bytes.as_mut_ptr(), bytes.len() as u32, &mut got, std::ptr::null_mut()) };
    if ok == 0 {
        return Err(last_error(&format!("cannot read {HOME_TOKEN}")));
    }
    bytes.truncate(got as usize);
    String::from_utf8(bytes).map_err(|_| format!("{HOME_TOKEN} is not text"))
}

/// Writes `dest` as a new file whose protected DACL grants this user alone (nothing inherited
/// from the folder), then moves it over the old copy.
pub fn write_private_copy(dest: &Path, text: &str) -> Result<(), String> {
    let me = UserSid::current().and_then(|u| u.to_sddl()).map_err(|e| format!("cannot read this user's SID: {e}"))?;
    let descriptor = Descriptor::from_sddl(&format!("D:P(A;;FA;;;{me})"))?;
    let attributes = descriptor.attributes();
    let tmp = dest.with_extension("new");
    let _ = std::fs::remove_file(&tmp);
    let name = wide(&tmp);
    // SAFETY: valid name and attributes; the handle is owned from here on.
    let handle = unsafe {
        CreateFileW(
            name.as_ptr(),
            GENERIC_WRITE,
            0,
            &attributes,
            CREATE_NEW,
            FILE_ATTRIBUTE_NORMAL,
            std::ptr::null_mut(),
        )
    };
    if handle == INVALID_HANDLE_VALUE {
        return Err(last_error(&format!("cannot create {}", tmp.display())));
    }
    let handle = Owned(handle);
    // Set again by name: not every file system applies the creation attributes (Wine ignores
    // them), and an unprotected DACL would inherit the folder's entries.
    // SAFETY: valid name and descriptor.
    let set = unsafe {
        SetFileSecurityW(name.as_ptr(), DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, descriptor.0)
    };
    let written = if set == 0 {
        Err(last_error(&format!("cannot restrict {} to one user", tmp.display())))
    } else {
        let mut done = 0u32;
        // SAFETY: the buffer and its length match.
        let ok = unsafe { WriteFile(handle.0, text.as_ptr(), text.len() as u32, &mut done, std::ptr::null_mut()) };
        if ok == 0 || done as usize != text.len() {
            Err(last_error(&format!("cannot write {}", tmp.display())))
        } else {
            Ok(())
        }
    };
    drop(handle);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    make_writable(dest);
    let (from, to) = (wide(&tmp), wide(dest));
    // SAFETY: NUL-terminated names.
    if unsafe { MoveFileExW(from.as_ptr(), to.as_ptr(), MOVEFILE_REPLACE_EXISTING) } == 0 {
        let e = last_error(&format!("cannot replace {}", dest.display()));
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// A copy that only one account may write can read as read-only (Wine maps such a DACL to the
/// attribute), which a replacing move refuses: clear the attribute first.
fn make_writable(path: &Path) {
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let mut perms = meta.permissions();
        if perms.readonly() {
            #[allow(clippy::permissions_set_readonly_false)] // Windows: the attribute, not Unix modes
            perms.set_readonly(false);
            let _ = std::fs::set_permissions(path, perms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use windows_sys::Win32::Storage::FileSystem::{CreateSymbolicLinkW, SYMBOLIC_LINK_FLAG_DIRECTORY};
    use windows_sys::Win32::UI::Shell::CommandLineToArgvW;

    /// A fresh folder, by its final path (%TEMP% may hold 8.3 short names, which the reader
    /// would rightly find are not the path it was asked for).
    fn temp(name: &str) -> PathBuf {
        std::fs::canonicalize(crate::test_support::fresh_dir(&format!("elevation-{name}"))).unwrap()
    }

    /// A symbolic link `root\at` to `root\to`.  Windows makes it (CI runners may); Wine 8's
    /// CreateSymbolicLinkW does nothing, so there a Unix symlink is made by `ln`, which Wine
    /// starts as a Unix program.
    fn make_link(root: &Path, at: &str, to: &str, directory: bool) {
        use windows_sys::Win32::Storage::FileSystem::SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE;
        let (link, target) = (wide(root.join(at)), wide(root.join(to)));
        let flags =
            SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE | if directory { SYMBOLIC_LINK_FLAG_DIRECTORY } else { 0 };
        // SAFETY: NUL-terminated names.
        unsafe { CreateSymbolicLinkW(link.as_ptr(), target.as_ptr(), flags) };
        let made = || std::fs::symlink_metadata(root.join(at)).is_ok();
        if !made() && super::super::under_wine() {
            let unix_root = wine_unix_path(root);
            let _ = std::process::Command::new(r"Z:\bin\ln")
                .args([
                    "-s",
                    &format!("{unix_root}/{}", to.replace('\\', "/")),
                    &format!("{unix_root}/{}", at.replace('\\', "/")),
                ])
                .status();
            // Wine reports an error for the Unix program it did start; wait for its work.
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while !made() && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        assert!(made(), "cannot make a symbolic link {at} here: {}", io::Error::last_os_error());
    }

    /// The Unix path of a folder, from Wine's own export.
    fn wine_unix_path(path: &Path) -> String {
        use windows_sys::Win32::System::LibraryLoader::{GetModuleHandleA, GetProcAddress};
        let name = wide(path);
        // SAFETY: Wine's kernel32 exports this function with this signature; it returns a
        // NUL-terminated string from the process heap (left to the process's end).
        unsafe {
            let kernel32 = GetModuleHandleA(c"kernel32.dll".as_ptr().cast());
            let f = GetProcAddress(kernel32, c"wine_get_unix_file_name".as_ptr().cast()).expect("Wine");
            let f: unsafe extern "C" fn(*const u16) -> *const std::ffi::c_char = std::mem::transmute(f);
            std::ffi::CStr::from_ptr(f(name.as_ptr())).to_string_lossy().into_owned()
        }
    }

    /// How Windows splits a command line that starts with a program name.
    fn split(params: &str) -> Vec<String> {
        let line = wide(format!("prog.exe {params}"));
        let mut count = 0;
        // SAFETY: a NUL-terminated line; the array is LocalFree'd after copying.
        unsafe {
            let argv = CommandLineToArgvW(line.as_ptr(), &mut count);
            assert!(!argv.is_null());
            let args = (1..count as usize)
                .map(|i| {
                    let p = *argv.add(i);
                    let len = (0..).take_while(|&j| *p.add(j) != 0).count();
                    String::from_utf16_lossy(std::slice::from_raw_parts(p, len))
                })
                .collect();
            LocalFree(argv.cast());
            args
        }
    }

    #[test]
    fn quoted_arguments_come_back_unchanged() {
        crate::platform::repair_teb_register_under_wine();
        // The naive form: a trailing backslash eats the closing quote and the next argument.
        assert_ne!(split(r#""C:\zt\" next"#), [r"C:\zt\", "next"]);
        let cases = [
            r"C:\zt\",
            r"C:\zt\\",
            r"C:\Program Files\ZeroTier\",
            r#"a"b"#,
            r#"a\"b"#,
            r#"a\\"b c"#,
            r"\\server\share\",
            "",
            " ",
            "tab\tand\nline",
            "\"",
            "\\",
            "plain",
            "0123456789abcdef0123456789abcdef",
            "Zürich \u{1F600}",
        ];
        for case in cases {
            let args = [case, "next"];
            assert_eq!(split(&command_line(&args)), args, "{:?}", command_line(&args));
        }
        assert_eq!(command_line(&[READ_SERVICE_TOKEN, "00ff"]), "--read-service-token 00ff");
    }

    #[test]
    fn the_token_crosses_the_pipe() {
        let pipe = TokenPipe::create().unwrap();
        assert!(is_pipe_name(&pipe.name), "{}", pipe.name);
        assert!(TokenPipe::create().unwrap().name != pipe.name);
        assert!(pipe.read_answer().unwrap_err().contains("without answering"), "nobody wrote yet");
        hand_back(Some(&pipe.name), Ok("pipe-token")).unwrap();
        assert_eq!(pipe.read_answer().unwrap(), "pipe-token");
        // A second writer finds no free instance; a name that is not a pipe's is refused.
        assert!(hand_back(Some(&pipe.name), Ok("again")).is_err());
        assert!(hand_back(Some(r"..\..\x"), Ok("t")).unwrap_err().contains("not a token pipe"));
        // A failure's reason crosses the same way.
        let pipe = TokenPipe::create().unwrap();
        hand_back(Some(&pipe.name), Err("no usable authtoken.secret")).unwrap();
        assert_eq!(pipe.read_answer().unwrap(), "no usable authtoken.secret");
    }

    #[test]
    fn the_built_in_home_comes_from_the_system() {
        let data = program_data().unwrap();
        assert!(data.is_absolute(), "{}", data.display());
        // The environment does not move it (a user can set their own ProgramData).
        let old = std::env::var_os("ProgramData");
        std::env::set_var("ProgramData", r"C:\elsewhere");
        let again = program_data();
        match old {
            Some(v) => std::env::set_var("ProgramData", v),
            None => std::env::remove_var("ProgramData"),
        }
        assert_eq!(again.unwrap(), data);
    }

    #[test]
    fn a_plain_token_file_is_read_and_odd_ones_are_refused() {
        let home = temp("read").join("One");
        std::fs::create_dir_all(&home).unwrap();
        let token = home.join(HOME_TOKEN);
        std::fs::write(&token, "abc123\r\n").unwrap();
        assert_eq!(read_home_token(&home).unwrap(), "abc123\r\n");
        std::fs::write(&token, "x".repeat(5000)).unwrap();
        assert!(read_home_token(&home).unwrap_err().contains("larger"));
        std::fs::remove_file(&token).unwrap();
        // A folder does not even open as a file.
        std::fs::create_dir(&token).unwrap();
        assert!(read_home_token(&home).is_err());
        std::fs::remove_dir(&token).unwrap();
        std::fs::write(home.parent().unwrap().join("elsewhere"), "t").unwrap();
        std::fs::hard_link(home.parent().unwrap().join("elsewhere"), &token).unwrap();
        assert!(read_home_token(&home).unwrap_err().contains("hard links"));
        std::fs::remove_dir_all(home.parent().unwrap()).unwrap();
    }

    /// A symbolic link as the token file, or as the home's parent (the junction attack on a
    /// `ZeroTier` folder made before the service was installed), is refused.
    #[test]
    fn links_to_elsewhere_are_refused() {
        let root = temp("links");
        std::fs::create_dir_all(root.join(r"real\One")).unwrap();
        std::fs::write(root.join(r"real\One").join(HOME_TOKEN), "stolen").unwrap();
        std::fs::create_dir_all(root.join(r"home\One")).unwrap();
        let link = format!(r"home\One\{HOME_TOKEN}");
        make_link(&root, &link, &format!(r"real\One\{HOME_TOKEN}"), false);
        assert_eq!(std::fs::read_to_string(root.join(&link)).unwrap(), "stolen", "the link leads there");
        let err = read_home_token(&root.join(r"home\One")).unwrap_err();
        assert!(err.contains("reparse point") || err.contains("outside the service home"), "{err}");
        make_link(&root, "ZeroTier", "real", true);
        let home = root.join(r"ZeroTier\One");
        assert!(home.join(HOME_TOKEN).exists(), "the link leads there");
        let err = read_home_token(&home).unwrap_err();
        assert!(err.contains("reparse point") || err.contains("not to itself"), "{err}");
        assert_eq!(read_home_token(&root.join(r"real\One")).unwrap(), "stolen", "the real folder is fine");
        // Best effort: Wine takes a Unix symlink to a folder for a folder it cannot empty.
        let _ = std::fs::remove_dir_all(root.join("real"));
        let _ = std::fs::remove_dir_all(&root);
    }
}
