//! Linux and the BSDs: XDG autostart, an abstract socket as the instance
//! lock, xdg-open.

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
pub struct Instance(#[allow(dead_code)] std::os::unix::net::UnixListener);

/// Claims `name` for this user and graphical session; `Ok(None)` when
/// another instance holds it.  An abstract socket vanishes with its process,
/// so a crash leaves nothing stale behind.
pub fn claim_instance(name: &str) -> io::Result<Option<Instance>> {
    #[cfg(target_os = "linux")]
    {
        use std::os::linux::net::SocketAddrExt;
        let uid = std::fs::metadata("/proc/self")?.uid();
        let session = std::env::var("XDG_SESSION_ID")
            .or_else(|_| std::env::var("WAYLAND_DISPLAY"))
            .or_else(|_| std::env::var("DISPLAY"))
            .unwrap_or_default();
        let addr = std::os::unix::net::SocketAddr::from_abstract_name(format!("{name}.{uid}.{session}"))?;
        match std::os::unix::net::UnixListener::bind_addr(&addr) {
            Ok(listener) => Ok(Some(Instance(listener))),
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => Ok(None),
            Err(e) => Err(e),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        // No abstract sockets: a socket file in the per-user runtime folder.
        let dir = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
        let uid = std::fs::metadata(&dir)?.uid();
        let path = dir.join(format!("{name}.{uid}.sock"));
        if std::os::unix::net::UnixStream::connect(&path).is_ok() {
            return Ok(None);
        }
        let _ = std::fs::remove_file(&path);
        std::os::unix::net::UnixListener::bind(&path).map(|l| Some(Instance(l)))
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
