//! What the app needs from the desktop beyond the toolkit and the tray:
//! start at login, one instance per session, opening web pages, and the
//! taskbar's brightness.  One module per platform, same functions in each.

// Linux's socket tables; Windows builds read them under Wine.
#[cfg(any(target_os = "linux", target_os = "android", windows))]
mod proc_net;

cfg_if::cfg_if! {
    if #[cfg(windows)] {
        mod windows;
        pub use self::windows::*;
    } else if #[cfg(unix)] {
        mod unix;
        pub use self::unix::*;
        mod pkexec;
        pub use self::pkexec::{hand_back, read_home_token, run_token_reader, write_private_copy};
    }
}

/// The name the app registers itself under (Run key value, autostart file).
pub const APP_NAME: &str = "ZeroTier Desktop UI";

/// Only web pages are opened: a service that sends another scheme
/// (`file:`, `javascript:`, a custom handler) gets no say in what runs.
pub fn check_web_url(url: &str) -> std::io::Result<&str> {
    let lower = url.to_ascii_lowercase();
    let web = (lower.starts_with("https://") || lower.starts_with("http://")) && url.len() <= 4096;
    if web && !url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        Ok(url)
    } else {
        Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("not a web address: {url:?}")))
    }
}

/// Reads a small text file the app depends on (token, port, saved list):
/// at most `max` bytes, and only a regular file.  A FIFO or device is
/// opened without waiting (`O_NONBLOCK`) and refused, so `/dev/zero` or a
/// pipe nobody writes to cannot grow memory or hang the caller.
pub fn read_small_file(path: &std::path::Path, max: u64) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(Error::new(ErrorKind::InvalidData, "not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(Error::new(ErrorKind::InvalidData, format!("larger than {max} bytes")));
    }
    String::from_utf8(bytes).map_err(|_| Error::new(ErrorKind::InvalidData, "not UTF-8 text"))
}

/// Replaces `path` with `contents` the way an editor saves: a new file
/// (created exclusively, so never through a link someone planted; readable by
/// this user only), synced, then renamed over the old one, which replaces a
/// symlink itself rather than writing where it points.  A crash leaves the
/// old file or the new one, never half of one.
pub fn replace_file(path: &std::path::Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut temp = path.as_os_str().to_owned();
    temp.push(".new");
    let temp = std::path::PathBuf::from(temp);
    // A stale one (or a link in its place) goes: remove_file never follows links.
    let _ = std::fs::remove_file(&temp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temp).and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Hands memory the program freed back to the system (after the window
/// closes: its tables and the toolkit's widgets are gone, but glibc's
/// allocator keeps freed pages unless asked).  Nothing to do elsewhere:
/// Windows' heap decommits large free blocks by itself.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns unused heap pages; any thread may call it.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The exe as the autostart entry should start it.
pub fn current_exe() -> std::io::Result<std::path::PathBuf> {
    std::env::current_exe()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_web_addresses_open() {
        assert!(check_web_url("https://my.zerotier.com/login?x=1").is_ok());
        assert!(check_web_url("HTTP://10.0.0.1:3000/sso").is_ok());
        for bad in ["file:///etc/passwd", "javascript:alert(1)", "https://a b", "https://a\nb", "ms-settings:", ""] {
            assert!(check_web_url(bad).is_err(), "{bad}");
        }
        assert!(check_web_url(&format!("https://{}", "a".repeat(5000))).is_err());
    }

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("ztui-platform-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn small_files_are_read_and_big_or_odd_ones_refused() {
        let dir = temp_dir("read");
        let file = dir.join("t");
        std::fs::write(&file, "abc\n").unwrap();
        assert_eq!(read_small_file(&file, 4).unwrap(), "abc\n");
        assert_eq!(read_small_file(&file, 3).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
        // Unix opens a folder and then refuses it; Windows refuses to open it.
        assert!(read_small_file(&dir, 4096).is_err(), "a folder");
        #[cfg(unix)]
        {
            let start = std::time::Instant::now();
            assert!(read_small_file(std::path::Path::new("/dev/zero"), 4096).is_err());
            let fifo = dir.join("fifo");
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            assert_eq!(read_small_file(&fifo, 4096).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
            assert!(start.elapsed() < std::time::Duration::from_secs(5), "waited on a device or FIFO");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn files_are_replaced_whole_and_never_through_a_link() {
        let dir = temp_dir("replace");
        let file = dir.join("f");
        replace_file(&file, b"one").unwrap();
        replace_file(&file, b"two").unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"two");
        #[cfg(unix)]
        {
            let victim = dir.join("victim");
            std::fs::write(&victim, "keep").unwrap();
            std::fs::remove_file(&file).unwrap();
            std::os::unix::fs::symlink(&victim, &file).unwrap();
            std::os::unix::fs::symlink(&victim, dir.join("f.new")).unwrap();
            replace_file(&file, b"three").unwrap();
            assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep", "written through a link");
            assert!(!std::fs::symlink_metadata(&file).unwrap().file_type().is_symlink());
            assert_eq!(std::fs::read(&file).unwrap(), b"three");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_second_claim_in_the_same_session_fails() {
        let name = format!("ztui-test-{}", std::process::id());
        let first = claim_instance(&name).unwrap();
        assert!(first.is_some());
        assert!(claim_instance(&name).unwrap().is_none());
        drop(first);
        assert!(claim_instance(&name).unwrap().is_some(), "the name is free again after the holder ends");
    }
}
