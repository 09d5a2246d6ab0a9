//! The command line: what to do, and where the service is when it is not
//! where the platform's installs put it.

use crate::discovery::Overrides;
use std::ffi::OsString;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The tray app; with `exit_after_init` it starts everything and quits (tests).
    Tray {
        exit_after_init: bool,
    },
    /// Fetch once, print what the menu would show, exit.
    PrintState,
    /// Copy the service's token to the per-user file (what the menu item does).
    SetUpToken,
    /// Write the diagnostics file (what "Save diagnostics…" does), exit.
    SaveDiagnostics {
        path: std::path::PathBuf,
    },
    Help,
    Version,
    /// Hidden: times the menu rebuild for this many synthetic networks
    /// (`cargo xtask bench-app`).
    BenchMenu {
        networks: usize,
    },
    /// Hidden: times reading a `GET /network` answer of this many networks.
    BenchParse {
        networks: usize,
    },
    /// Hidden: times one window update (peers answer, tables, history) for this many peers.
    BenchPeers {
        peers: usize,
    },
    /// Hidden: opens the window, times its opening and a peers update for this many peers, and its memory.
    BenchWindow {
        peers: usize,
    },
    /// Hidden: the privileged step of token setup (run by pkexec or UAC).
    /// Reads the token from the built-in service homes only and hands it
    /// back: on stdout, or on Windows into the named pipe `pipe` names.
    ReadServiceToken {
        pipe: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cli {
    pub mode: Mode,
    pub overrides: Overrides,
}

pub const USAGE: &str = "\
Usage: zerotier_desktop_ui [OPTIONS]

A tray icon and menu for the local ZeroTier One service.

Options:
  --service-home DIR   the service's home folder (port file, authtoken.secret)
                       [env ZT_SERVICE_HOME]
  --port PORT          the service's API port, instead of the port file / 9993
                       [env ZT_PORT]
  --token-file FILE    read the auth token from FILE only [env ZT_TOKEN_FILE]
  --print-state        ask the service once, print what the menu would show, exit
                       (exit status 0 when the service answered, 1 otherwise)
  --set-up-token       copy the service's token to this user's token file
                       (asks for an administrator's password), then exit
  --save-diagnostics FILE
                       write what the menu's \"Save diagnostics…\" writes (token
                       and secrets removed) to FILE, then exit
  --help               print this help
  --version            print the version

Environment: ZT_TIMEOUT_MS sets the total time one call may take (default 5000),
ZT_POLL_MS the time between two polls of the service (default 5000).
";

/// The privileged step's flag, for the code that starts it.
pub const READ_SERVICE_TOKEN: &str = "--read-service-token";

/// Parses the arguments after the program name; the command line beats the
/// environment (see `Overrides::with_env`).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, String> {
    let mut mode = Mode::Tray { exit_after_init: false };
    let mut o = Overrides::default();
    let mut args = args.into_iter().peekable();
    // The privileged step runs with rights its caller lacks: it takes no
    // folder, file or port, only the name of the pipe to answer on.
    if args.peek().is_some_and(|a| a == READ_SERVICE_TOKEN) {
        let rest: Vec<OsString> = args.skip(1).collect();
        let pipe = match rest.as_slice() {
            [] => None,
            [name] if name.to_str().is_some_and(is_pipe_name) => name.to_str().map(str::to_string),
            _ => return Err(format!("{READ_SERVICE_TOKEN} takes nothing but a pipe name (32 hex digits)")),
        };
        return Ok(Cli { mode: Mode::ReadServiceToken { pipe }, overrides: o });
    }
    // Each round consumes at least one argument.
    while let Some(arg) = args.next() {
        let text = arg.to_str().ok_or_else(|| format!("argument {arg:?} is not valid Unicode"))?.to_string();
        let (flag, inline) = match text.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(OsString::from(v))),
            _ => (text.clone(), None),
        };
        let mut value = |name: &str| -> Result<OsString, String> {
            inline.clone().or_else(|| args.next()).filter(|v| !v.is_empty()).ok_or(format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--service-home" => o.service_home = Some(value(&flag)?.into()),
            "--port" => o.port = Some(value(&flag)?.to_string_lossy().into_owned()),
            "--token-file" => o.token_file = Some(value(&flag)?.into()),
            "--print-state" => mode = Mode::PrintState,
            "--set-up-token" => mode = Mode::SetUpToken,
            "--save-diagnostics" => mode = Mode::SaveDiagnostics { path: value(&flag)?.into() },
            "--exit-after-init" => mode = Mode::Tray { exit_after_init: true },
            "--help" | "-h" => return Ok(Cli { mode: Mode::Help, overrides: o }),
            "--version" | "-V" => return Ok(Cli { mode: Mode::Version, overrides: o }),
            "--bench-menu" => {
                let n = args.next().and_then(|s| s.into_string().ok()).and_then(|s| s.parse().ok());
                let networks =
                    n.filter(|n| (1..=100_000).contains(n)).ok_or("--bench-menu needs a count (1-100000)")?;
                mode = Mode::BenchMenu { networks };
            }
            "--bench-parse" => {
                let n = args.next().and_then(|s| s.into_string().ok()).and_then(|s| s.parse().ok());
                let networks =
                    n.filter(|n| (1..=1_000_000).contains(n)).ok_or("--bench-parse needs a count (1-1000000)")?;
                mode = Mode::BenchParse { networks };
            }
            "--bench-peers" => {
                let n = args.next().and_then(|s| s.into_string().ok()).and_then(|s| s.parse().ok());
                let peers = n.filter(|n| (1..=100_000).contains(n)).ok_or("--bench-peers needs a count (1-100000)")?;
                mode = Mode::BenchPeers { peers };
            }
            "--bench-window" => {
                let n = args.next().and_then(|s| s.into_string().ok()).and_then(|s| s.parse().ok());
                let peers = n.filter(|n| (1..=100_000).contains(n)).ok_or("--bench-window needs a count (1-100000)")?;
                mode = Mode::BenchWindow { peers };
            }
            _ => return Err(format!("unknown argument {text:?} (see --help)")),
        }
    }
    Ok(Cli { mode, overrides: o })
}

/// The random part of a token pipe's name: 32 lowercase hex digits.
pub fn is_pipe_name(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn parse_str(args: &[&str]) -> Result<Cli, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn flags_with_separate_or_inline_values() {
        let cli = parse_str(&["--service-home", "/h", "--port=4000", "--token-file", "/t", "--print-state"]).unwrap();
        assert_eq!(cli.mode, Mode::PrintState);
        assert_eq!(cli.overrides.service_home, Some(PathBuf::from("/h")));
        assert_eq!(cli.overrides.port.as_deref(), Some("4000"));
        assert_eq!(cli.overrides.token_file, Some(PathBuf::from("/t")));
        let diag = parse_str(&["--save-diagnostics", "/tmp/d.txt"]).unwrap().mode;
        assert_eq!(diag, Mode::SaveDiagnostics { path: "/tmp/d.txt".into() });
        assert!(parse_str(&["--save-diagnostics"]).unwrap_err().contains("needs a value"));
        assert_eq!(parse_str(&[]).unwrap().mode, Mode::Tray { exit_after_init: false });
        assert_eq!(parse_str(&["--port", "1", "--version"]).unwrap().mode, Mode::Version);
        assert_eq!(parse_str(&["--help"]).unwrap().mode, Mode::Help);
    }

    #[test]
    fn mistakes_are_named() {
        assert!(parse_str(&["--port"]).unwrap_err().contains("--port needs a value"));
        assert!(parse_str(&["--port="]).unwrap_err().contains("needs a value"));
        assert!(parse_str(&["--bogus"]).unwrap_err().contains("--bogus"));
        let pipe = "0123456789abcdef0123456789abcdef";
        assert_eq!(parse_str(&["--read-service-token"]).unwrap().mode, Mode::ReadServiceToken { pipe: None });
        assert_eq!(
            parse_str(&["--read-service-token", pipe]).unwrap().mode,
            Mode::ReadServiceToken { pipe: Some(pipe.into()) }
        );
        for rest in [
            &["--service-home", "/h"][..],
            &["C:\\zt\\"],
            &["../x"],
            &[pipe, pipe],
            &["0123456789ABCDEF0123456789ABCDEF"],
        ] {
            let args: Vec<&str> = std::iter::once("--read-service-token").chain(rest.iter().copied()).collect();
            assert!(parse_str(&args).is_err(), "{args:?}");
        }
        assert!(parse_str(&["--port", "1", "--read-service-token"]).is_err(), "only as the first argument");
        assert_eq!(parse_str(&["--bench-menu", "500"]).unwrap().mode, Mode::BenchMenu { networks: 500 });
        assert!(parse_str(&["--bench-menu", "0"]).unwrap_err().contains("count"));
        assert_eq!(parse_str(&["--bench-peers", "1000"]).unwrap().mode, Mode::BenchPeers { peers: 1000 });
        assert!(parse_str(&["--bench-peers", "x"]).unwrap_err().contains("count"));
        assert_eq!(parse_str(&["--bench-window", "1000"]).unwrap().mode, Mode::BenchWindow { peers: 1000 });
        for flag in [
            "--service-home",
            "--port",
            "--token-file",
            "--print-state",
            "--set-up-token",
            "--save-diagnostics",
            "--help",
            "--version",
        ] {
            assert!(USAGE.contains(flag), "{flag} undocumented");
        }
    }
}
