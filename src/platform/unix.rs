//! Linux and the BSDs: XDG autostart, a lock file in the user's runtime
//! folder as the instance lock, xdg-open.

use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::icon::Backdrop;

#[cfg(any(target_os = "linux", target_os = "android"))]
mod port_owner;
#[cfg(any(target_os = "linux", target_os = "android"))]
pub use port_owner::check_service_peer;

/// Without the kernel's socket tables there is no telling who listens, and
/// the token is only ever sent to a listener known to be the service.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub fn check_service_peer(_: &std::net::TcpStream, _: &[PathBuf]) -> Result<(), String> {
    Err("this system offers the app no way to check who listens on the port".into())
}

/// Panels on the common Linux desktops are dark.
pub fn taskbar_backdrop() -> Backdrop {
    Backdrop::Dark
}

/// `$XDG_CONFIG_HOME`, else `~/.config`.
fn xdg_config_home() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
}

/// The app's own per-user settings folder.
/// The distribution and kernel ("Debian GNU/Linux 12 (bookworm), kernel 6.1.0"),
/// from `/etc/os-release` and `/proc` where the system has them.
pub fn os_release() -> Option<String> {
    let name = super::read_small_file(Path::new("/etc/os-release"), 16 << 10).ok().and_then(|release| {
        let pretty = release.lines().find_map(|l| l.strip_prefix("PRETTY_NAME="))?;
        Some(crate::text::clean(pretty.trim_matches('"'), 80))
    });
    let kernel = super::read_small_file(Path::new("/proc/sys/kernel/osrelease"), 256)
        .ok()
        .map(|k| format!("kernel {}", crate::text::clean(&k, 60)));
    let parts: Vec<String> = name.into_iter().chain(kernel).collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

pub fn config_dir() -> Option<PathBuf> {
    xdg_config_home().map(|c| c.join("zerotier-desktop-ui"))
}

fn autostart_dir() -> io::Result<PathBuf> {
    let config = xdg_config_home()
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "neither XDG_CONFIG_HOME nor HOME is set"))?;
    Ok(config.join("autostart"))
}

fn autostart_file(dir: &Path) -> PathBuf {
    dir.join("zerotier-desktop-ui.desktop")
}

/// A desktop entry that starts `exe`, its `Exec=` written by the Desktop
/// Entry spec's three layers: the path as one double-quoted argument (`"`,
/// `` ` ``, `$` and `\` escaped with `\`), `%` doubled (field codes), then
/// the string-value escape (`\` doubled again).  A path the format cannot
/// hold (not UTF-8, control characters such as a newline, which would start
/// a new key) is refused.
pub fn desktop_entry(exe: &Path) -> io::Result<String> {
    let path = exe.to_str().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not UTF-8, which desktop entries need", exe.display()),
        )
    })?;
    if path.chars().any(char::is_control) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("the program's path {path:?} holds a control character a desktop entry cannot carry"),
        ));
    }
    let mut exec = String::from("\"");
    for c in path.chars() {
        match c {
            '"' | '`' | '$' => exec.push_str(&format!("\\\\{c}")),
            '\\' => exec.push_str("\\\\\\\\"),
            '%' => exec.push_str("%%"),
            c => exec.push(c),
        }
    }
    exec.push('"');
    Ok(format!(
        "[Desktop Entry]\nType=Application\nName={}\nComment=Tray icon for the local ZeroTier One service\n\
         Exec={exec}\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
        super::APP_NAME
    ))
}

pub fn autostart_enabled() -> bool {
    autostart_dir().map(|d| autostart_file(&d).is_file()).unwrap_or(false)
}

pub fn set_autostart(enabled: bool) -> io::Result<()> {
    set_autostart_in(&autostart_dir()?, &super::current_exe()?, enabled)
}

pub fn set_autostart_in(dir: &Path, exe: &Path, enabled: bool) -> io::Result<()> {
    let file = autostart_file(dir);
    if enabled {
        super::replace_file(&file, desktop_entry(exe)?.as_bytes())
    } else {
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// A warning when group or others may read the token file.
pub fn token_exposure(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    (mode & 0o077 != 0).then(|| format!("Other users can read the token file; run: chmod 600 {}", path.display()))
}

/// Held for the life of the process: while it exists, no second instance
/// of the same session can claim the name.
pub struct Instance(#[allow(dead_code)] std::fs::File);

/// Claims `name` for this user and graphical session; `Ok(None)` when
/// another instance holds it.  The claim is a `flock` on a file in this
/// user's own folder, which no other account can create or lock first; the
/// kernel drops the lock with its process, so a crash leaves nothing stale.
pub fn claim_instance(name: &str) -> io::Result<Option<Instance>> {
    let dir = match std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => private_temp_dir(name)?,
    };
    claim_instance_in(&dir, name)
}

/// [`claim_instance`] with the lock file in `dir`.
pub fn claim_instance_in(dir: &Path, name: &str) -> io::Result<Option<Instance>> {
    use std::os::unix::fs::OpenOptionsExt;
    let session = std::env::var("XDG_SESSION_ID")
        .or_else(|_| std::env::var("WAYLAND_DISPLAY"))
        .or_else(|_| std::env::var("DISPLAY"))
        .unwrap_or_default();
    // The session name only picks the file: anything but plain characters becomes '_'.
    let session: String =
        session.chars().take(64).map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '_' }).collect();
    let path = dir.join(format!("{name}.{session}.lock"));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(&path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    use std::os::fd::AsRawFd;
    // SAFETY: a valid descriptor this function owns.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(Some(Instance(file)));
    }
    let e = io::Error::last_os_error();
    if e.kind() == io::ErrorKind::WouldBlock {
        Ok(None)
    } else {
        Err(e)
    }
}

fn own_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Without `XDG_RUNTIME_DIR`: `$TMPDIR/NAME-UID`, made by this user with mode
/// 0700.  One that exists but is not exactly that (another user's, a link,
/// open to others) is refused, so nobody else can hold the lock file.
fn private_temp_dir(name: &str) -> io::Result<PathBuf> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let uid = own_uid();
    let dir = std::env::temp_dir().join(format!("{name}-{uid}"));
    match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
        Ok(()) => return Ok(dir),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = std::fs::symlink_metadata(&dir)?;
    if meta.is_dir() && meta.uid() == uid && meta.permissions().mode() & 0o077 == 0 {
        Ok(dir)
    } else {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} is not a private folder of this user", dir.display()),
        ))
    }
}

/// Opens a web page in the default browser: xdg-open gets the URL as one
/// argument, never through a shell.
pub fn open_url(url: &str) -> io::Result<()> {
    let url = super::check_web_url(url)?;
    std::process::Command::new("xdg-open")
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| io::Error::new(e.kind(), format!("cannot run xdg-open (install xdg-utils): {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn the_os_release_names_the_kernel() {
        let release = os_release().expect("Linux has /proc");
        assert!(release.contains("kernel "), "{release}");
        assert!(!release.contains('\n'), "one line: {release:?}");
    }

    #[test]
    fn autostart_file_is_written_and_removed() {
        let dir = std::env::temp_dir().join(format!("ztui-autostart-{}", std::process::id()));
        let exe = Path::new("/opt/zero tier/bin/zerotier_desktop_ui");
        set_autostart_in(&dir, exe, true).unwrap();
        let text = std::fs::read_to_string(autostart_file(&dir)).unwrap();
        assert!(text.starts_with("[Desktop Entry]\nType=Application\n"), "{text}");
        assert!(text.contains("Exec=\"/opt/zero tier/bin/zerotier_desktop_ui\"\n"), "{text}");
        set_autostart_in(&dir, exe, false).unwrap();
        assert!(!autostart_file(&dir).exists());
        set_autostart_in(&dir, exe, false).unwrap(); // already off: fine
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn another_user_cannot_take_the_instance_name_first() {
        // The old claim was an abstract socket anyone could bind first; holding
        // that name now blocks nothing.
        #[cfg(target_os = "linux")]
        {
            use std::os::linux::net::SocketAddrExt;
            let name = format!("ztui-squat-{}", std::process::id());
            let uid = own_uid();
            let session = std::env::var("XDG_SESSION_ID")
                .or_else(|_| std::env::var("WAYLAND_DISPLAY"))
                .or_else(|_| std::env::var("DISPLAY"))
                .unwrap_or_default();
            let addr = std::os::unix::net::SocketAddr::from_abstract_name(format!("{name}.{uid}.{session}")).unwrap();
            let _squatter = std::os::unix::net::UnixListener::bind_addr(&addr).unwrap();
            assert!(claim_instance(&name).unwrap().is_some());
        }
        // Without XDG_RUNTIME_DIR, a folder of the fallback's name made by
        // someone else (here: made open to all) is refused, not trusted.
        let name = format!("ztui-fallback-{}", std::process::id());
        let dir = private_temp_dir(&name).unwrap();
        let first = claim_instance_in(&dir, &name).unwrap();
        assert!(first.is_some() && claim_instance_in(&dir, &name).unwrap().is_none());
        drop(first);
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert_eq!(private_temp_dir(&name).unwrap_err().kind(), io::ErrorKind::PermissionDenied);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn exec_lines_escape_what_the_spec_reserves() {
        // Quoting layer: /a\"b\`c\$d\\e%%f; string layer doubles each backslash.
        let entry = desktop_entry(Path::new("/a\"b`c$d\\e%f")).unwrap();
        assert!(entry.contains("Exec=\"/a\\\\\"b\\\\`c\\\\$d\\\\\\\\e%%f\"\n"), "{entry}");
        assert_eq!(entry.lines().count(), 7, "one line per key");
    }

    #[test]
    fn a_path_with_a_newline_cannot_add_keys() {
        let exe = Path::new("/tmp/x\nExec=/bin/evil");
        assert_eq!(desktop_entry(exe).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let dir = std::env::temp_dir().join(format!("ztui-autostart-nl-{}", std::process::id()));
        assert!(set_autostart_in(&dir, exe, true).is_err());
        assert!(!autostart_file(&dir).exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_autostart_file_is_replaced_not_written_through_a_link() {
        let dir = std::env::temp_dir().join(format!("ztui-autostart-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let victim = dir.join("victim");
        std::fs::write(&victim, "keep").unwrap();
        std::os::unix::fs::symlink(&victim, autostart_file(&dir)).unwrap();
        set_autostart_in(&dir, Path::new("/usr/bin/zerotier_desktop_ui"), true).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert!(std::fs::read_to_string(autostart_file(&dir)).unwrap().starts_with("[Desktop Entry]"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
