//! Where the service is and which token it wants: the platform's service
//! homes, both port file names, the per-user token copies, and the command
//! line / environment overrides for unusual installs and tests.

use crate::service::{CallError, Token, DEFAULT_PORT};
use std::path::PathBuf;
use std::time::Duration;

/// Port files a service writes into its home, newest name first.
pub const PORT_FILES: [&str; 2] = ["zerotier-one.port", "zerotier.port"];
/// The token file in a service home.
pub const HOME_TOKEN: &str = "authtoken.secret";
/// Longest token or port file read; real ones are a few dozen bytes.
const MAX_FILE: u64 = 4096;
/// Default total time for one call to the service.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// What the user (command line, then environment) asked for; `None` means
/// the platform's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub service_home: Option<PathBuf>,
    pub port: Option<String>,
    pub token_file: Option<PathBuf>,
}

impl Overrides {
    /// Fills what the command line left open from `ZT_SERVICE_HOME`, `ZT_PORT`, `ZT_TOKEN_FILE`.
    pub fn with_env(mut self) -> Overrides {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        self.service_home = self.service_home.or_else(|| var("ZT_SERVICE_HOME").map(PathBuf::from));
        self.port = self.port.or_else(|| var("ZT_PORT").map(|p| p.to_string_lossy().into_owned()));
        self.token_file = self.token_file.or_else(|| var("ZT_TOKEN_FILE").map(PathBuf::from));
        self
    }
}

/// Everything discovery looks at, spelled out so tests can point it anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    pub homes: Vec<PathBuf>,
    pub port: Option<String>,
    /// Tried in order; the first is where token setup writes the user's copy.
    pub user_tokens: Vec<PathBuf>,
    /// Replaces every other token location when set.
    pub token_file: Option<PathBuf>,
    pub timeout: Duration,
    /// Whether `homes` is the one the user named (else the platform's list).
    pub home_overridden: bool,
}

impl Places {
    pub fn new(o: &Overrides) -> Places {
        let timeout = std::env::var("ZT_TIMEOUT_MS")
            .ok()
            .and_then(|t| t.trim().parse::<u64>().ok())
            .filter(|ms| (1..=600_000).contains(ms))
            .map_or(DEFAULT_TIMEOUT, Duration::from_millis);
        Places {
            homes: o.service_home.clone().map_or_else(platform_homes, |h| vec![h]),
            port: o.port.clone(),
            user_tokens: user_token_files(),
            token_file: o.token_file.clone(),
            timeout,
            home_overridden: o.service_home.is_some(),
        }
    }

    /// Token files in the order they are tried.
    pub fn token_candidates(&self) -> Vec<PathBuf> {
        match &self.token_file {
            Some(file) => vec![file.clone()],
            None => self.user_tokens.iter().cloned().chain(self.homes.iter().map(|h| h.join(HOME_TOKEN))).collect(),
        }
    }
}

/// The folders the platform's installs use for the service's home.
pub fn platform_homes() -> Vec<PathBuf> {
    cfg_if::cfg_if! {
        if #[cfg(windows)] {
            // From the system, not the environment: the elevated token step reads this.
            let data = crate::platform::program_data().unwrap_or_else(|| "C:\\ProgramData".into());
            vec![data.join("ZeroTier").join("One")]
        } else if #[cfg(target_os = "macos")] {
            vec![PathBuf::from("/Library/Application Support/ZeroTier/One")]
        } else if #[cfg(target_os = "linux")] {
            vec![PathBuf::from("/var/lib/zerotier-one"), PathBuf::from("/var/lib/zerotier")]
        } else {
            vec![PathBuf::from("/var/db/zerotier-one"), PathBuf::from("/var/lib/zerotier-one")]
        }
    }
}

/// Per-user token copies (readable without privileges), in lookup order.
pub fn user_token_files() -> Vec<PathBuf> {
    cfg_if::cfg_if! {
        if #[cfg(windows)] {
            std::env::var_os("LOCALAPPDATA")
                .map(|l| vec![PathBuf::from(l).join("ZeroTier").join(HOME_TOKEN)])
                .unwrap_or_default()
        } else {
            std::env::var_os("HOME")
                .map(|h| {
                    let h = PathBuf::from(h);
                    vec![h.join(".zeroTierOneAuthToken"), h.join(".zerotier-local-auth")]
                })
                .unwrap_or_default()
        }
    }
}

/// Where the port in use came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortSource {
    /// `--port` or `ZT_PORT`.
    Override,
    PortFile(PathBuf),
    /// No port file in any home.
    Default,
}

/// The port: the override, else the first port file found in the homes,
/// else the default. A present but unusable value is a configuration error.
pub fn port(p: &Places) -> Result<u16, CallError> {
    locate_port(p).map(|(port, _)| port)
}

/// [`port`], and where it came from.
pub fn locate_port(p: &Places) -> Result<(u16, PortSource), CallError> {
    if let Some(text) = &p.port {
        return parse_port(text)
            .map(|port| (port, PortSource::Override))
            .ok_or_else(|| CallError::BadConfig(format!("{text:?} is not a port number (1-65535)")));
    }
    for home in &p.homes {
        for name in PORT_FILES {
            let path = home.join(name);
            // Unreadable counts as absent: a home we cannot look into is not ours.
            if let Ok(text) = crate::platform::read_small_file(&path, MAX_FILE) {
                return parse_port(&text).map(|port| (port, PortSource::PortFile(path.clone()))).ok_or_else(|| {
                    let (text, home) = (text.trim(), home.display());
                    CallError::BadConfig(format!("{name} holds {text:?}, not a port number (in {home})"))
                });
            }
        }
    }
    Ok((DEFAULT_PORT, PortSource::Default))
}

/// What discovery found and why, for the "This node" facts and the diagnostics file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    pub homes: Vec<PathBuf>,
    pub home_overridden: bool,
    pub port: Result<(u16, PortSource), CallError>,
    /// The token file in use (never the token), with its exposure warning.
    pub token: Result<(PathBuf, Option<String>), CallError>,
    pub timeout: Duration,
}

/// Looks everything up once (reads the port and token files).
pub fn findings(p: &Places) -> Findings {
    Findings {
        homes: p.homes.clone(),
        home_overridden: p.home_overridden,
        port: locate_port(p),
        token: token(p).map(|found| (found.path, found.warning)),
        timeout: p.timeout,
    }
}

impl Findings {
    /// The service home in use: the first one holding the port or token file, else the first tried.
    pub fn home(&self) -> Option<&std::path::Path> {
        let holds = |h: &&PathBuf| {
            matches!(&self.port, Ok((_, PortSource::PortFile(f))) if f.starts_with(h))
                || matches!(&self.token, Ok((f, _)) if f.starts_with(h))
        };
        self.homes.iter().find(holds).or(self.homes.first()).map(PathBuf::as_path)
    }

    /// One line per fact, with where it came from.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        let homes: Vec<String> = self.homes.iter().map(|h| h.display().to_string()).collect();
        let why = if self.home_overridden { "named by --service-home / ZT_SERVICE_HOME" } else { "the platform's" };
        out.push(format!("Service homes tried ({why}): {}", homes.join(", ")));
        if let Some(home) = self.home() {
            out.push(format!("Service home in use: {}", home.display()));
        }
        out.push(match &self.port {
            Ok((port, PortSource::Override)) => format!("Port: {port} (from --port / ZT_PORT)"),
            Ok((port, PortSource::PortFile(f))) => format!("Port: {port} (from the port file {})", f.display()),
            Ok((port, PortSource::Default)) => format!("Port: {port} (the default: no port file found)"),
            Err(e) => format!("Port: not usable ({})", e.detail()),
        });
        match &self.token {
            Ok((path, warning)) => {
                out.push(format!("Token file: {}", path.display()));
                out.extend(warning.iter().map(|w| format!("Token warning: {w}")));
            }
            Err(e) => out.push(format!("Token file: none usable ({})", e.detail())),
        }
        out.push(format!("Time allowed per call: {} ms", self.timeout.as_millis()));
        out
    }
}

pub fn parse_port(text: &str) -> Option<u16> {
    text.trim().parse::<u16>().ok().filter(|p| *p != 0)
}

/// A token read from a file, with a warning when others could read it too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundToken {
    pub token: Token,
    pub path: PathBuf,
    pub warning: Option<String>,
}

/// The first readable, well-formed token. `NoToken` names what was tried;
/// a named `--token-file` that is unusable is a configuration error.
pub fn token(p: &Places) -> Result<FoundToken, CallError> {
    let candidates = p.token_candidates();
    let mut tried = Vec::new();
    for path in &candidates {
        match crate::platform::read_small_file(path, MAX_FILE) {
            Ok(text) => match Token::parse(&text) {
                Ok(token) => {
                    return Ok(FoundToken { token, warning: crate::platform::token_exposure(path), path: path.clone() })
                }
                Err(why) => tried.push(format!("{} ({why})", path.display())),
            },
            Err(e) => tried.push(format!("{} ({})", path.display(), short_io(&e))),
        }
    }
    let why = format!("no readable auth token; tried {}", tried.join(", "));
    if p.token_file.is_some() {
        Err(CallError::BadConfig(why))
    } else {
        Err(CallError::NoToken(why))
    }
}

fn short_io(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "missing",
        std::io::ErrorKind::PermissionDenied => "not readable by this user",
        std::io::ErrorKind::InvalidData => "not a small text file",
        _ => "unreadable",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        crate::test_support::fresh_dir(&format!("discovery-{name}"))
    }

    fn places(homes: Vec<PathBuf>, user_tokens: Vec<PathBuf>) -> Places {
        Places { homes, port: None, user_tokens, token_file: None, timeout: DEFAULT_TIMEOUT, home_overridden: false }
    }

    #[test]
    fn findings_say_where_the_port_and_token_came_from() {
        let dir = temp_dir("findings");
        let (a, b) = (dir.join("a"), dir.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let p = places(vec![a.clone(), b.clone()], vec![]);
        let f = findings(&p);
        assert_eq!(f.port, Ok((DEFAULT_PORT, PortSource::Default)));
        assert!(f.lines().iter().any(|l| l.contains("the default")), "{:?}", f.lines());
        assert!(matches!(f.token, Err(CallError::NoToken(_))));
        assert_eq!(f.home(), Some(a.as_path()), "nothing found: the first home tried");
        std::fs::write(b.join("zerotier-one.port"), "19993").unwrap();
        std::fs::write(b.join(HOME_TOKEN), "sekrit-token").unwrap();
        let f = findings(&p);
        assert_eq!(f.port, Ok((19993, PortSource::PortFile(b.join("zerotier-one.port")))));
        assert_eq!(f.home(), Some(b.as_path()), "the home that holds the files");
        let text = f.lines().join("\n");
        assert!(text.contains("the platform's") && text.contains(&b.join(HOME_TOKEN).display().to_string()), "{text}");
        assert!(!text.contains("sekrit-token"), "the token itself is never a finding");
        let over = Places { port: Some("4000".into()), home_overridden: true, ..p };
        let text = findings(&over).lines().join("\n");
        assert!(text.contains("4000 (from --port") && text.contains("named by --service-home"), "{text}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn port_files_of_both_names_in_every_home() {
        let dir = temp_dir("port");
        let (a, b) = (dir.join("a"), dir.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let p = places(vec![a.clone(), b.clone()], vec![]);
        assert_eq!(port(&p).unwrap(), DEFAULT_PORT);
        std::fs::write(b.join("zerotier.port"), "19993\n").unwrap();
        assert_eq!(port(&p).unwrap(), 19993, "second home, older file name");
        std::fs::write(a.join("zerotier-one.port"), "29993").unwrap();
        assert_eq!(port(&p).unwrap(), 29993, "first home wins");
        std::fs::write(a.join("zerotier-one.port"), "99999").unwrap();
        assert!(matches!(port(&p), Err(CallError::BadConfig(why)) if why.contains("99999")));
        let over = Places { port: Some("4000".into()), ..p.clone() };
        assert_eq!(port(&over).unwrap(), 4000);
        let bad = Places { port: Some("nope".into()), ..p };
        assert!(matches!(port(&bad), Err(CallError::BadConfig(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn tokens_per_user_first_then_homes_and_a_named_file_alone() {
        let dir = temp_dir("token");
        let user = dir.join("user-token");
        let p = places(vec![dir.clone()], vec![user.clone()]);
        match token(&p) {
            Err(CallError::NoToken(why)) => assert!(why.contains(HOME_TOKEN) && why.contains("missing"), "{why}"),
            other => panic!("{other:?}"),
        }
        std::fs::write(dir.join(HOME_TOKEN), "  abc123\n").unwrap();
        assert_eq!(token(&p).unwrap().token.secret(), "abc123");
        std::fs::write(&user, "userfirst").unwrap();
        assert_eq!(token(&p).unwrap().path, user);
        std::fs::write(&user, "bad\u{1}token").unwrap();
        assert_eq!(token(&p).unwrap().path, dir.join(HOME_TOKEN), "a malformed copy is skipped");
        let named = Places { token_file: Some(dir.join("nothing-here")), ..p.clone() };
        assert!(matches!(token(&named), Err(CallError::BadConfig(_))), "a named file is not silently replaced");
        std::fs::write(&user, "x".repeat(MAX_FILE as usize + 1)).unwrap();
        assert_eq!(token(&p).unwrap().path, dir.join(HOME_TOKEN), "an oversized copy is skipped");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn token_files_readable_by_others_are_flagged() {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("perm");
        let file = dir.join("t");
        std::fs::write(&file, "abc").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let p = places(vec![], vec![file.clone()]);
        assert!(token(&p).unwrap().warning.unwrap().contains("chmod 600"));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(token(&p).unwrap().warning, None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// `--token-file /dev/zero` grew to 1 GB and a FIFO hung: both are refused at once.
    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_waiting() {
        let dir = temp_dir("fifo");
        let fifo = dir.join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        for named in [PathBuf::from("/dev/zero"), fifo] {
            let p = Places { token_file: Some(named.clone()), ..places(vec![], vec![]) };
            match token(&p) {
                Err(CallError::BadConfig(why)) => assert!(why.contains("not a small text file"), "{why}"),
                other => panic!("{named:?}: {other:?}"),
            }
        }
        std::fs::write(dir.join(PORT_FILES[0]), format!("19993{}", " ".repeat(5000))).unwrap();
        assert_eq!(
            port(&places(vec![dir.clone()], vec![])).unwrap(),
            DEFAULT_PORT,
            "an oversized port file is not read"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn overrides_replace_the_platform_homes() {
        let o = Overrides { service_home: Some("/x/home".into()), port: Some("1".into()), token_file: None };
        let p = Places::new(&o);
        assert_eq!(p.homes, [PathBuf::from("/x/home")]);
        assert!(p.token_candidates().contains(&PathBuf::from("/x/home").join(HOME_TOKEN)));
        let named = Places::new(&Overrides { token_file: Some("/t".into()), ..o });
        assert_eq!(named.token_candidates(), [PathBuf::from("/t")]);
        assert!(!platform_homes().is_empty());
    }
}
