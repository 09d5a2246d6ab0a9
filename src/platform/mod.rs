//! What the app needs from the desktop beyond the toolkit and the tray:
//! start at login, one instance per session, opening web pages, and the
//! taskbar's brightness.  One module per platform, same functions in each.

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
