//! "Allow this user to control ZeroTier": the service's token, which only
//! root or the Administrators can read, becomes a copy that this user alone
//! can read, in the per-user file discovery tries first.
//!
//! The privileged step (`--read-service-token`, started through pkexec or
//! UAC) does as little as it can: it reads `authtoken.secret` from the
//! platform's built-in service homes only, never from a folder its caller
//! names, refuses links and anything but a small regular file, and hands the
//! token back.  This process checks what came back and writes the copy
//! itself.  How the step is started and answers is the platform's part
//! (`platform::pkexec`, `platform::windows::elevation`).

use crate::discovery::{platform_homes, Overrides, Places};
use crate::platform;
use crate::service::Token;
use std::path::PathBuf;

/// Runs the setup; returns the file written. Blocks while the user
/// authenticates: call it off the UI thread.
pub fn set_up(overrides: &Overrides) -> Result<PathBuf, String> {
    let places = Places::new(overrides);
    let dest = places.user_tokens.first().cloned().ok_or("no per-user folder (HOME or LOCALAPPDATA is not set)")?;
    let text = platform::run_token_reader().map_err(|e| match &overrides.service_home {
        // A service home given for an unusual install is not where the
        // privileged step looks: say so rather than leave the user guessing.
        Some(home) => format!("{e} (token setup reads only the built-in service homes, not {})", home.display()),
        None => e,
    })?;
    let token = Token::parse(&text).map_err(|why| format!("the token read {why}"))?;
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    platform::write_private_copy(&dest, token.secret())?;
    Ok(dest)
}

/// The privileged step: the first well-formed token in the built-in service
/// homes, handed back on stdout or into the pipe `pipe` names (on failure,
/// the reason goes there instead: on Windows it has no console to go to).
pub fn serve(pipe: Option<&str>) -> Result<(), String> {
    let answer = read_service_token(&platform_homes());
    platform::hand_back(pipe, answer.as_ref().map(Token::secret).map_err(String::as_str))?;
    answer.map(drop)
}

/// The first home whose token file passes the platform's checks and parses.
fn read_service_token(homes: &[PathBuf]) -> Result<Token, String> {
    let mut tried = Vec::new();
    for home in homes {
        match platform::read_home_token(home).and_then(|text| Token::parse(&text)) {
            Ok(token) => return Ok(token),
            Err(why) => tried.push(format!("{}: {why}", home.display())),
        }
    }
    Err(format!("no usable authtoken.secret in the service homes ({})", tried.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discovery::HOME_TOKEN;

    #[test]
    fn the_first_usable_home_wins() {
        let root = crate::test_support::fresh_dir("serve");
        let (a, b) = (root.join("a"), root.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let homes = [a.clone(), b.clone()];
        let err = read_service_token(&homes).unwrap_err();
        assert!(err.contains(&a.display().to_string()) && err.contains(&b.display().to_string()), "{err}");
        std::fs::write(b.join(HOME_TOKEN), "second-home\n").unwrap();
        assert_eq!(read_service_token(&homes).unwrap().secret(), "second-home");
        std::fs::write(a.join(HOME_TOKEN), "bad\u{1}token").unwrap();
        assert_eq!(read_service_token(&homes).unwrap().secret(), "second-home", "a malformed token is skipped");
        std::fs::write(a.join(HOME_TOKEN), "first-home").unwrap();
        assert_eq!(read_service_token(&homes).unwrap().secret(), "first-home");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
