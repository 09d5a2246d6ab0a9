//! "Save diagnostics…": one text file with what helps someone else find a
//! problem (app version and build target, OS, what discovery found and why,
//! the service's status, networks and peers, the app's last log lines, the
//! service's `local.conf`), with the token, anything that looks like a secret
//! and login addresses' query strings removed.  Rendering and redaction are
//! pure; [`collect`] does the reading (on the service worker's thread).

use std::path::Path;

use serde_json::Value;

use crate::discovery::{self, Findings, Places};
use crate::model::{self, ServiceState};
use crate::service::{CallError, Endpoint, Network, Peer};

/// What stands where something secret was.
pub const REDACTED: &str = "<redacted>";
/// Largest `local.conf` read: real ones are a few KiB.
const MAX_LOCAL_CONF: u64 = 256 << 10;
/// Words that name a secret when followed by `:` or `=` (matched without case).
const SECRET_KEYS: [&str; 7] = ["secret", "token", "password", "passwd", "apikey", "api_key", "privatekey"];
/// A run of letters and digits this long with both in it looks like a key or token.
const SECRET_RUN: usize = 20;

/// Everything the file says, gathered.
#[derive(Debug, Clone)]
pub struct Facts {
    pub app_version: String,
    pub build_target: String,
    pub os: String,
    pub findings: Findings,
    pub state: ServiceState,
    /// `None` when the service was not asked (it was down).
    pub peers: Option<Result<(Vec<Peer>, usize), CallError>>,
    pub log: Vec<String>,
    /// The file's path, and its text or why it could not be read.
    pub local_conf: Option<(std::path::PathBuf, Result<String, String>)>,
    /// Exact secrets known to the app (the tokens it can read), removed wherever they appear.
    pub secrets: Vec<String>,
}

/// The file's text.
pub fn render(f: &Facts) -> String {
    let mut out = String::new();
    let mut section = |title: &str, lines: Vec<String>| {
        out.push_str(&format!("== {title} ==\n"));
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        out.push('\n');
    };
    section(
        "ZeroTier Desktop UI diagnostics",
        vec![
            format!("App version: {}", f.app_version),
            format!("Build target: {}", f.build_target),
            format!("OS: {}", f.os),
        ],
    );
    section("Finding the service", f.findings.lines());
    section("Service status", status_lines(&f.state));
    if let ServiceState::Running { networks, .. } = &f.state {
        section(&format!("Networks ({})", networks.len()), networks.iter().flat_map(network_lines).collect());
    }
    match &f.peers {
        None => section("Peers", vec!["not asked: the service did not answer".into()]),
        Some(Err(e)) => section("Peers", vec![format!("{}: {}", model::headline(e), e.detail())]),
        Some(Ok((peers, omitted))) => {
            let mut lines: Vec<String> = peers.iter().flat_map(peer_lines).collect();
            if *omitted > 0 {
                lines.push(format!("... and {omitted} more not kept"));
            }
            section(&format!("Peers ({})", peers.len() + omitted), lines)
        }
    }
    section(&format!("Last {} log lines of the app", f.log.len()), f.log.clone());
    let conf = match &f.local_conf {
        None => vec!["no service home to look in".into()],
        Some((path, Ok(text))) => {
            std::iter::once(format!("{}:", path.display())).chain(text.lines().map(str::to_string)).collect()
        }
        Some((path, Err(why))) => vec![format!("{}: not included ({why})", path.display())],
    };
    section("local.conf", conf);
    redact(&out, &f.secrets)
}

fn status_lines(state: &ServiceState) -> Vec<String> {
    match state {
        ServiceState::Starting => vec!["not asked".into()],
        ServiceState::Down { problem, notes } => {
            let mut lines = vec![model::headline(problem).to_string(), format!("Detail: {}", problem.detail())];
            lines.extend(notes.iter().map(|n| format!("Note: {n}")));
            lines
        }
        ServiceState::Running { status, notes, .. } => {
            let or_unsaid = |v: Option<String>| v.unwrap_or_else(|| "not reported".into());
            let ports: Vec<String> = status.ports.iter().map(u16::to_string).collect();
            let mut lines = vec![
                format!("Address: {}", status.address),
                format!("Version: {}", status.version),
                format!("Online: {}", status.online),
                format!("TCP fallback in use: {}", or_unsaid(status.tcp_fallback.map(|b| b.to_string()))),
                format!("Ports: {}", if ports.is_empty() { "not reported".into() } else { ports.join(", ") }),
                format!("Planet world ID: {}", or_unsaid(status.planet_world_id.map(|id| id.to_string()))),
            ];
            lines.extend(notes.iter().map(|n| format!("Note: {n}")));
            lines
        }
    }
}

fn network_lines(n: &Network) -> Vec<String> {
    let mut lines = vec![
        format!("{} {}", n.id, n.name),
        format!("  status {}, type {}, device {}, MAC {}", n.status, n.kind, n.device, n.mac),
        format!("  addresses: {}", n.assigned_addresses.join(", ")),
    ];
    for r in &n.routes {
        lines.push(format!(
            "  route {}{}",
            r.target,
            r.via.as_deref().map(|v| format!(" via {v}")).unwrap_or_default()
        ));
    }
    if let Some(dns) = &n.dns {
        lines.push(format!("  DNS domain {}, servers {}", dns.domain, dns.servers.join(", ")));
    }
    let allowed: Vec<&str> = crate::service::Setting::ALL
        .iter()
        .filter(|s| s.of(n))
        .map(|s| s.label().trim_start_matches("Allow "))
        .collect();
    lines.push(format!("  allowed: {}", if allowed.is_empty() { "nothing".into() } else { allowed.join(", ") }));
    if let Some(sso) = &n.sso {
        // The query of a login address carries the login's state: not for others to see.
        let url = match &sso.url {
            Ok(url) => without_query(url.as_str()),
            Err(why) => format!("refused ({why})"),
        };
        lines.push(format!("  login page: {url}, expires {:?}", sso.expires_ms));
    }
    lines
}

fn peer_lines(p: &Peer) -> Vec<String> {
    let latency = p.latency_ms.map_or_else(|| "unknown".into(), |ms| format!("{ms} ms"));
    let mut lines = vec![format!(
        "{} {} version {} latency {latency} {:?}",
        p.address,
        p.role.label(),
        p.version.as_deref().unwrap_or("unknown"),
        p.link()
    )];
    for path in &p.paths {
        lines.push(format!(
            "  path {} active {} preferred {} expired {} last send {:?} last receive {:?}",
            path.address, path.active, path.preferred, path.expired, path.last_send_ms, path.last_receive_ms
        ));
    }
    lines
}

/// `https://host/path?state=…#x` → `https://host/path?<redacted>`.
fn without_query(url: &str) -> String {
    match url.find(['?', '#']) {
        Some(i) => format!("{}?{REDACTED}", &url[..i]),
        None => url.to_string(),
    }
}

/// Removes every exact secret, the value after any word that names a secret
/// (`"token": "x"`, `password=x`), and every run that looks like a key or
/// token (letters and digits, both present, at least [`SECRET_RUN`] long).
pub fn redact(text: &str, secrets: &[String]) -> String {
    let mut text = text.to_string();
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        text = text.replace(secret.as_str(), REDACTED);
    }
    let text = redact_keyed_values(&text);
    redact_long_runs(&text)
}

fn redact_keyed_values(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let lower = lower.as_bytes();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let Some(key) = SECRET_KEYS.iter().find(|k| lower[i..].starts_with(k.as_bytes())) else {
            i += 1;
            continue;
        };
        // After the key: letters of a longer word (tokenFile, secrets), closing quotes, spaces, then : or =.
        let mut j = i + key.len();
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
            j += 1;
        }
        while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b' ' | b'\t') {
            j += 1;
        }
        if j >= bytes.len() || !matches!(bytes[j], b':' | b'=') {
            i += key.len();
            continue;
        }
        j += 1;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t') {
            j += 1;
        }
        // The value: a quoted string, or up to the next space, comma or brace.
        let (start, end) = if j < bytes.len() && matches!(bytes[j], b'"' | b'\'') {
            let quote = bytes[j];
            let close =
                bytes[j + 1..].iter().position(|b| *b == quote || *b == b'\n').map_or(bytes.len(), |p| j + 1 + p);
            (j + 1, close)
        } else {
            let end = bytes[j..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b',' | b'}' | b']' | b';'))
                .map_or(bytes.len(), |p| j + p);
            (j, end)
        };
        if end > start {
            out.push_str(&text[copied..start]);
            out.push_str(REDACTED);
            copied = end;
        }
        i = end.max(i + 1);
    }
    out.push_str(&text[copied..]);
    out
}

fn redact_long_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let looks_secret = run.len() >= SECRET_RUN
            && run.bytes().any(|b| b.is_ascii_digit())
            && run.bytes().any(|b| b.is_ascii_alphabetic());
        out.push_str(if looks_secret { REDACTED } else { run });
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '+' | '=') {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// `local.conf` with the value of every key that names a secret removed; a
/// file that is not JSON is kept as text (the text redaction still applies).
pub fn redact_local_conf(text: &str) -> String {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    let key = key.to_ascii_lowercase();
                    if SECRET_KEYS.iter().any(|k| key.contains(k)) {
                        *value = Value::String(REDACTED.into());
                    } else {
                        walk(value);
                    }
                }
            }
            Value::Array(list) => list.iter_mut().for_each(walk),
            _ => {}
        }
    }
    match serde_json::from_str::<Value>(text) {
        Ok(mut v) => {
            walk(&mut v);
            serde_json::to_string_pretty(&v).unwrap_or_default()
        }
        Err(_) => format!("(not valid JSON, shown as text)\n{text}"),
    }
}

/// The OS in a few words: family, architecture, and the release the system names.
pub fn os_description() -> String {
    let os = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    match crate::platform::os_release() {
        Some(release) => format!("{os}, {release}"),
        None => os,
    }
}

/// Gathers the facts: discovery, the given state, the peers when the
/// service answered, the app's log, and `local.conf` from the home in use.
pub fn collect(places: &Places, state: ServiceState) -> Facts {
    let findings = discovery::findings(places);
    // Every token the app can read is removed, not only the one in use.
    let secrets: Vec<String> = places
        .token_candidates()
        .iter()
        .filter_map(|p| crate::platform::read_small_file(p, 4096).ok())
        .filter_map(|text| crate::service::Token::parse(&text).ok())
        .map(|t| t.secret().to_string())
        .collect();
    let peers = match (&state, &findings.port, discovery::token(places)) {
        (ServiceState::Running { .. }, Ok((port, _)), Ok(found)) => {
            let endpoint =
                Endpoint { port: *port, token: found.token, timeout: places.timeout, homes: places.homes.clone() };
            Some(endpoint.peers())
        }
        _ => None,
    };
    let local_conf = findings.home().map(|home| {
        let path = home.join("local.conf");
        let text = match crate::platform::read_small_file(&path, MAX_LOCAL_CONF) {
            Ok(text) => Ok(redact_local_conf(&text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err("there is none".to_string()),
            Err(e) => Err(format!("not readable: {e}")),
        };
        (path, text)
    });
    Facts {
        app_version: env!("CARGO_PKG_VERSION").into(),
        build_target: env!("ZT_BUILD_TARGET").into(),
        os: os_description(),
        findings,
        state,
        peers,
        log: crate::logging::recent_lines(),
        local_conf,
        secrets,
    }
}

/// Writes the file: readable by this user only, never through a link.
pub fn save(path: &Path, facts: &Facts) -> Result<(), String> {
    crate::platform::replace_file(path, render(facts).as_bytes()).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discovery::PortSource;
    use crate::service::{LoginUrl, NetworkId, NodeStatus, PeerPath, PeerRole, Sso};
    use std::time::Duration;

    const TOKEN: &str = "k3yk3yk3yk3yk3yk3yk3yk3y";

    fn facts() -> Facts {
        let mut net = Network::new(NetworkId::parse("8056c2e21c000001").unwrap());
        net.name = "home".into();
        net.status = "AUTHENTICATION_REQUIRED".into();
        net.sso =
            Some(Sso { url: LoginUrl::parse("https://sso.example/auth?state=abc&nonce=q1w2e3"), expires_ms: None });
        let peer = Peer {
            address: "778cde7190".into(),
            role: PeerRole::Planet,
            version: None,
            latency_ms: Some(40),
            paths: vec![PeerPath {
                address: "192.0.2.1/9993".into(),
                last_send_ms: Some(1),
                last_receive_ms: None,
                active: true,
                preferred: true,
                expired: false,
            }],
        };
        Facts {
            app_version: "0.1.0".into(),
            build_target: "x86_64-unknown-linux-gnu".into(),
            os: "linux x86_64".into(),
            findings: Findings {
                homes: vec!["/var/lib/zerotier-one".into()],
                home_overridden: false,
                port: Ok((9993, PortSource::Default)),
                token: Ok(("/home/u/.zeroTierOneAuthToken".into(), None)),
                timeout: Duration::from_secs(5),
            },
            state: ServiceState::Running {
                status: NodeStatus {
                    address: "89e92ceee5".into(),
                    online: true,
                    version: "1.14.2".into(),
                    ..Default::default()
                },
                networks: vec![net],
                notes: vec![],
            },
            peers: Some(Ok((vec![peer], 0))),
            log: vec![
                format!("zerotier_desktop_ui: info: sent X-ZT1-Auth {TOKEN}"),
                "zerotier_desktop_ui: warn: password=hunter2 in a line".into(),
            ],
            local_conf: Some((
                "/var/lib/zerotier-one/local.conf".into(),
                Ok(redact_local_conf(
                    r#"{"settings": {"primaryPort": 9993, "secretKey": "s3cr3t-value", "portMappingEnabled": true}}"#,
                )),
            )),
            secrets: vec![TOKEN.into()],
        }
    }

    #[test]
    fn the_token_never_appears_and_every_section_does() {
        let text = render(&facts());
        assert!(!text.contains(TOKEN), "{text}");
        for expected in [
            "App version: 0.1.0",
            "Build target: x86_64-unknown-linux-gnu",
            "OS: linux x86_64",
            "Port: 9993 (the default",
            "Address: 89e92ceee5",
            "8056c2e21c000001 home",
            "778cde7190 planet version unknown latency 40 ms Direct",
            "path 192.0.2.1/9993 active true",
            "Last 2 log lines",
            "/var/lib/zerotier-one/local.conf:",
            "\"primaryPort\": 9993",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from\n{text}");
        }
    }

    #[test]
    fn secrets_in_config_logs_and_login_addresses_are_removed() {
        let text = render(&facts());
        for secret in ["s3cr3t-value", "hunter2", "state=abc", "q1w2e3"] {
            assert!(!text.contains(secret), "{secret} left in\n{text}");
        }
        assert!(text.contains("login page: https://sso.example/auth?<redacted>"), "{text}");
        assert!(text.contains("\"portMappingEnabled\": true"), "harmless settings stay");
    }

    #[test]
    fn redaction_rules() {
        let s = |t: &str| redact(t, &[]);
        assert_eq!(s(r#"{"authtoken": "abc", "x": 1}"#), r#"{"authtoken": "<redacted>", "x": 1}"#);
        assert_eq!(s("token=abc def"), "token=<redacted> def");
        assert_eq!(s("TOKEN : 'a b'"), "TOKEN : '<redacted>'");
        assert_eq!(s("networkSecret:xyz,"), "networkSecret:<redacted>,");
        assert_eq!(s("a token file was read"), "a token file was read", "prose is not a key");
        assert_eq!(s("0123456789abcdef0123456789abcdef"), REDACTED, "a long key-like run");
        assert_eq!(s("8056c2e21c000001 89e92ceee5"), "8056c2e21c000001 89e92ceee5", "IDs and addresses stay");
        assert_eq!(s("zerotierdesktopuiisnotasecret"), "zerotierdesktopuiisnotasecret", "letters alone are words");
        assert_eq!(redact("xx SECRET-x yy", &["SECRET-x".into(), String::new()]), "xx <redacted> yy");
        assert_eq!(s("secret="), "secret=", "nothing to remove at the end");
        assert_eq!(s("Zürich ü token=ü"), "Zürich ü token=<redacted>", "text around may be any UTF-8");
        assert_eq!(s("token=\"unterminated"), "token=\"<redacted>");
        let conf = redact_local_conf(r#"{"a": [{"apiToken": {"nested": 1}}], "b": "ok"}"#);
        assert!(conf.contains("\"apiToken\": \"<redacted>\"") && conf.contains("\"b\": \"ok\""), "{conf}");
        assert!(redact_local_conf("not json").starts_with("(not valid JSON"));
    }

    #[test]
    fn a_service_that_is_down_still_gives_a_useful_file() {
        let mut f = facts();
        f.state = ServiceState::Down { problem: CallError::NotRunning("nothing listens".into()), notes: vec![] };
        f.peers = None;
        f.local_conf = Some(("/x/local.conf".into(), Err("there is none".into())));
        let text = render(&f);
        assert!(text.contains("ZeroTier One is not running") && text.contains("Detail: nothing listens"), "{text}");
        assert!(text.contains("not asked: the service did not answer"));
        assert!(text.contains("/x/local.conf: not included (there is none)"));
    }

    #[test]
    fn collect_reads_tokens_only_to_remove_them() {
        let dir = crate::test_support::fresh_dir("diagnostics-collect");
        std::fs::write(dir.join("authtoken.secret"), "abcdefabcdefabcdefabcdef\n").unwrap();
        std::fs::write(dir.join("local.conf"), r#"{"settings": {"secret": "abcdefabcdefabcdefabcdef"}}"#).unwrap();
        let places = Places {
            homes: vec![dir.clone()],
            port: Some("1".into()),
            user_tokens: vec![],
            token_file: None,
            timeout: Duration::from_millis(100),
            home_overridden: true,
        };
        let state = ServiceState::Down { problem: CallError::NotRunning("x".into()), notes: vec![] };
        let f = collect(&places, state);
        assert_eq!(f.secrets, ["abcdefabcdefabcdefabcdef"]);
        let text = render(&f);
        assert!(!text.contains("abcdefabcdefabcdefabcdef"), "{text}");
        assert!(text.contains("local.conf:") && text.contains(REDACTED), "{text}");
        let out = dir.join("out.txt");
        save(&out, &f).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
