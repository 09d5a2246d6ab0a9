//! Token setup on Linux and the BSDs: pkexec runs this program as root with
//! `--read-service-token` (so the prompt names the program and what it is
//! asked to do, not a shell), which prints the built-in service home's token
//! on stdout; this process then writes the user's copy, mode 0600.
//! `docs/polkit/` holds an action file that gives the prompt a message of its own.

use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::cli::READ_SERVICE_TOKEN;
use crate::discovery::HOME_TOKEN;

/// Longest wait for the privileged step (it waits for a password).
const HELPER_TIMEOUT: Duration = Duration::from_secs(300);
/// A ZeroTier token is 24 characters; anything near this is not one.
const TOKEN_FILE_CAP: u64 = 4096;

/// Runs the privileged step through pkexec and returns what it printed.
pub fn run_token_reader() -> Result<String, String> {
    // ZT_PKEXEC replaces pkexec (tests use doubles). It only chooses what this
    // unprivileged process starts; the privileged step takes no input from it.
    let pkexec = std::env::var_os("ZT_PKEXEC").unwrap_or_else(|| "pkexec".into());
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let mut child = Command::new(&pkexec)
        .arg(&exe)
        .arg(READ_SERVICE_TOKEN)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e} (install policykit-1 / pkexec)", Path::new(&pkexec).display()))?;
    let (Some(out), Some(err)) = (child.stdout.take(), child.stderr.take()) else {
        return Err("no pipe to the privileged step".into());
    };
    let out = std::thread::spawn(move || read_capped(out, TOKEN_FILE_CAP));
    let err = std::thread::spawn(move || read_capped(err, 1024));
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
    let text = out.join().unwrap_or_default();
    let err = err.join().unwrap_or_default();
    if !status.success() {
        // pkexec: 126 = dialog dismissed, 127 = not authorized.
        return Err(match status.code() {
            Some(126) | Some(127) => "authentication was cancelled or refused".into(),
            _ => format!("copying the token failed: {}", err.trim()),
        });
    }
    Ok(text)
}

/// Up to `cap` bytes of what `from` yields, as text.
fn read_capped(from: impl Read, cap: u64) -> String {
    let mut bytes = Vec::new();
    let _ = from.take(cap).read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The privileged step's answer: the token on stdout (a failure is logged to
/// stderr, which pkexec passes on). There is no pipe to name here; a caller
/// that names one is not this program's own.
pub fn hand_back(pipe: Option<&str>, answer: Result<&str, &str>) -> Result<(), String> {
    if pipe.is_some() {
        return Err("a pipe name is for the Windows helper; here the token goes to stdout".into());
    }
    let Ok(secret) = answer else { return Ok(()) };
    let mut out = std::io::stdout().lock();
    out.write_all(format!("{secret}\n").as_bytes()).and_then(|()| out.flush()).map_err(|e| e.to_string())
}

/// Whether a token file owned by `file_uid` in a home owned by `home_uid`
/// is the service's: root's, or the account the home was made for (some
/// packages run the service as its own user).
fn trusted_owner(file_uid: u32, home_uid: u32) -> bool {
    file_uid == 0 || file_uid == home_uid
}

/// Reads `home`'s token file as root may: no symlink is followed (O_NOFOLLOW)
/// and no FIFO or device waited on (O_NONBLOCK, then a regular file only),
/// the file must belong to root or the home's owner, have no other names
/// (a hard link to a root-only file) and be small.
pub fn read_home_token(home: &Path) -> Result<String, String> {
    let home_meta = std::fs::metadata(home).map_err(|e| format!("cannot open the folder: {e}"))?;
    if !home_meta.is_dir() {
        return Err("not a folder".into());
    }
    if home_meta.mode() & 0o002 != 0 {
        return Err("the folder is writable by every user".into());
    }
    let path = home.join(HOME_TOKEN);
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(&path)
        .map_err(|e| match e.raw_os_error() {
            // Linux says ELOOP for a symlink under O_NOFOLLOW, the BSDs EMLINK.
            Some(libc::ELOOP) | Some(libc::EMLINK) => format!("{HOME_TOKEN} is a symbolic link"),
            _ => format!("cannot open {HOME_TOKEN}: {e}"),
        })?;
    let meta = file.metadata().map_err(|e| format!("cannot inspect {HOME_TOKEN}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{HOME_TOKEN} is not a regular file"));
    }
    if !trusted_owner(meta.uid(), home_meta.uid()) {
        return Err(format!("{HOME_TOKEN} belongs to uid {}, neither root nor the folder's owner", meta.uid()));
    }
    if meta.nlink() != 1 {
        return Err(format!("{HOME_TOKEN} has other names (hard links)"));
    }
    if meta.len() > TOKEN_FILE_CAP {
        return Err(format!("{HOME_TOKEN} is larger than {TOKEN_FILE_CAP} bytes"));
    }
    let mut bytes = Vec::new();
    file.take(TOKEN_FILE_CAP + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read {HOME_TOKEN}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{HOME_TOKEN} is not text"))
}

/// Writes `dest` as a new file with mode 0600, then moves it in place.
pub fn write_private_copy(dest: &Path, text: &str) -> Result<(), String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::path::PathBuf;

    fn home(name: &str) -> PathBuf {
        let dir = crate::test_support::fresh_dir(&format!("pkexec-{name}"));
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        dir
    }

    #[test]
    fn a_plain_token_file_is_read() {
        let h = home("plain");
        std::fs::write(h.join(HOME_TOKEN), "abc123\n").unwrap();
        assert_eq!(read_home_token(&h).unwrap(), "abc123\n");
        std::fs::remove_dir_all(&h).unwrap();
    }

    /// The reproduced attack: authtoken.secret as a symlink to a file only
    /// root may read.
    #[test]
    fn a_symlinked_token_file_is_refused() {
        let h = home("symlink");
        let target = h.join("root-only");
        std::fs::write(&target, "first line of a root-only file\n").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::os::unix::fs::symlink(&target, h.join(HOME_TOKEN)).unwrap();
        let err = read_home_token(&h).unwrap_err();
        assert!(err.contains("symbolic link"), "{err}");
        std::fs::remove_dir_all(&h).unwrap();
    }

    #[test]
    fn hard_links_fifos_folders_and_big_files_are_refused() {
        let h = home("kinds");
        let token = h.join(HOME_TOKEN);
        let other = h.join("elsewhere");
        std::fs::write(&other, "secret").unwrap();
        std::fs::hard_link(&other, &token).unwrap();
        assert!(read_home_token(&h).unwrap_err().contains("hard links"));
        std::fs::remove_file(&token).unwrap();
        let name = std::ffi::CString::new(std::os::unix::ffi::OsStrExt::as_bytes(token.as_os_str())).unwrap();
        // SAFETY: a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        // Without O_NONBLOCK this open would wait for a writer forever.
        assert!(read_home_token(&h).unwrap_err().contains("not a regular file"));
        std::fs::remove_file(&token).unwrap();
        std::fs::create_dir(&token).unwrap();
        assert!(read_home_token(&h).unwrap_err().contains("not a regular file"));
        std::fs::remove_dir(&token).unwrap();
        std::fs::write(&token, "x".repeat(5000)).unwrap();
        assert!(read_home_token(&h).unwrap_err().contains("larger"));
        std::fs::write(&token, "ok").unwrap();
        std::fs::set_permissions(&h, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(read_home_token(&h).unwrap_err().contains("writable by every user"));
        std::fs::remove_dir_all(&h).unwrap();
    }

    /// The shipped polkit action names this program where README says to install it, and
    /// says in its message who asks and what for.
    #[test]
    fn the_polkit_action_matches_this_program() {
        let policy = include_str!("../../docs/polkit/com.zerotier.desktop-ui.read-service-token.policy");
        let exe = format!("/usr/bin/{}", env!("CARGO_PKG_NAME"));
        assert!(policy.contains(&format!(r#"key="org.freedesktop.policykit.exec.path">{exe}<"#)), "{exe}");
        assert!(policy.contains(&format!("<message>{} wants to read", super::super::APP_NAME)));
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&format!("`{exe}`"))
                && readme.contains("com.zerotier.desktop-ui.read-service-token.policy")
        );
    }

    #[test]
    fn only_root_or_the_homes_owner_may_own_the_token() {
        assert!(trusted_owner(0, 0) && trusted_owner(0, 990) && trusted_owner(990, 990));
        assert!(!trusted_owner(1000, 0) && !trusted_owner(1000, 990));
        // As root (as here and in the CI container) the real check, on a file
        // given to `nobody` in a root-owned home.
        // SAFETY: getuid cannot fail.
        if unsafe { libc::getuid() } == 0 {
            let h = home("owner");
            let token = h.join(HOME_TOKEN);
            std::fs::write(&token, "abc").unwrap();
            std::os::unix::fs::chown(&token, Some(65534), None).unwrap();
            assert!(read_home_token(&h).unwrap_err().contains("uid 65534"));
            std::fs::remove_dir_all(&h).unwrap();
        }
    }
}
