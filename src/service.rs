//! The local ZeroTier One service's API: its vocabulary (paths, fields,
//! bodies), and the checks on what it answers, so that only well-formed,
//! sanitized data leaves this module. Transport is `http`, finding the
//! service is `discovery`.

use crate::http;
use crate::text::{clean as sanitize, MAX_NAME};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The service's default API port.
pub const DEFAULT_PORT: u16 = 9993;
/// Most list entries (addresses, routes, DNS servers) kept per network.
const MAX_LIST: usize = 32;
/// Most networks kept from one answer (the menu lists 40; the rest are counted).
pub const MAX_NETWORKS: usize = 4096;

/// The auth token; `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// Checks a token read from a file or the environment: the service's
    /// tokens are short printable ASCII, and anything else could corrupt the
    /// request head.
    pub fn parse(text: &str) -> Result<Token, String> {
        let token = text.trim();
        if token.is_empty() {
            return Err("it is empty".into());
        }
        if token.len() > 256 || !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err("it holds characters or a length no ZeroTier token has".into());
        }
        Ok(Token(token.to_string()))
    }

    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Why a call failed, in the words the user gets to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// Nothing listens: not installed or not running.
    NotRunning(String),
    /// Something listens but gives no complete answer in time.
    NotAnswering(String),
    /// The service said 401/403 to our token.
    TokenRefused(String),
    /// The service is up, but no token file could be read.
    NoToken(String),
    /// The app's own settings are unusable (a bad port, an unreadable named file).
    BadConfig(String),
    /// Something other than the service holds its port: the token was not sent.
    NotTheService(String),
    /// The service answered, but not usefully (HTTP 500, garbage, cut short).
    Failed(String),
}

impl CallError {
    pub fn detail(&self) -> &str {
        match self {
            CallError::NotRunning(d)
            | CallError::NotAnswering(d)
            | CallError::TokenRefused(d)
            | CallError::NoToken(d)
            | CallError::BadConfig(d)
            | CallError::NotTheService(d)
            | CallError::Failed(d) => d,
        }
    }
}

/// `GET /status`
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodeStatus {
    pub address: String,
    pub online: bool,
    pub version: String,
    /// Whether the node relays its traffic over TCP (UDP blocked); `None` when not said.
    pub tcp_fallback: Option<bool>,
    /// The UDP ports the node listens on (primary, secondary, tertiary), as configured.
    pub ports: Vec<u16>,
    /// The planet (root set) this node uses; 149604618 is ZeroTier's own.
    pub planet_world_id: Option<u64>,
}

/// Most peers kept from one answer; the rest are counted.
pub const MAX_PEERS: usize = 10_000;
/// Most paths kept per peer.
const MAX_PATHS: usize = 16;

/// What a peer is to this node (`role` in `GET /peer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeerRole {
    Leaf,
    Planet,
    Moon,
    /// A role this app does not know (a newer service).
    Other,
}

impl PeerRole {
    pub fn label(self) -> &'static str {
        match self {
            PeerRole::Leaf => "leaf",
            PeerRole::Planet => "planet",
            PeerRole::Moon => "moon",
            PeerRole::Other => "other",
        }
    }
}

/// One physical path to a peer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerPath {
    /// `ip/port` as the service writes it, cleaned.
    pub address: String,
    /// Milliseconds since the Unix epoch; `None` when never.
    pub last_send_ms: Option<i64>,
    pub last_receive_ms: Option<i64>,
    pub active: bool,
    pub preferred: bool,
    pub expired: bool,
}

/// One entry of `GET /peer`, sanitized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    /// The peer's 10-digit ZeroTier address, lowercase.
    pub address: String,
    pub role: PeerRole,
    /// `None` while the peer's version is unknown (the service says `-1.-1.-1`).
    pub version: Option<String>,
    /// `None` while unmeasured (the service says -1).
    pub latency_ms: Option<u32>,
    pub paths: Vec<PeerPath>,
}

/// How traffic reaches a peer right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Over an active path straight to the peer.
    Direct,
    /// No usable direct path: through a root (planet or moon).
    Relayed,
}

impl Peer {
    /// The path traffic goes over: the preferred active one, else any active one.
    pub fn active_path(&self) -> Option<&PeerPath> {
        let usable = || self.paths.iter().filter(|p| p.active && !p.expired);
        usable().find(|p| p.preferred).or_else(|| usable().next())
    }

    pub fn link(&self) -> Link {
        if self.active_path().is_some() {
            Link::Direct
        } else {
            Link::Relayed
        }
    }
}

/// A network's ID: 16 hexadecimal digits, kept in lowercase.  Checked once
/// where an ID enters the app (the service's answer, the join window, the
/// saved file), so every holder has a valid one and no other text reaches a
/// URL path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NetworkId(String);

impl NetworkId {
    pub const DIGITS: usize = 16;

    /// Spaces and surrounding white space are ignored (IDs are pasted in
    /// groups); the errors are worded for the person who typed it.
    pub fn parse(input: &str) -> Result<NetworkId, String> {
        if input.len() > 256 {
            return Err("A network ID has 16 digits; this is far longer.".into());
        }
        let id: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if id.is_empty() {
            return Err("Enter a network ID.".into());
        }
        if let Some(bad) = id.chars().find(|c| !c.is_ascii_hexdigit()) {
            return Err(format!(
                "A network ID has only the digits 0-9 and a-f, not '{}'.",
                sanitize(&bad.to_string(), 1)
            ));
        }
        if id.len() != Self::DIGITS {
            return Err(format!("A network ID has 16 digits; this has {}.", id.len()));
        }
        Ok(NetworkId(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NetworkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One entry of `GET /network`, sanitized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    pub id: NetworkId,
    pub name: String,
    pub status: String,
    pub kind: String,
    pub device: String,
    pub mac: String,
    pub assigned_addresses: Vec<String>,
    pub routes: Vec<Route>,
    pub dns: Option<Dns>,
    pub allow_managed: bool,
    pub allow_global: bool,
    pub allow_default: bool,
    pub allow_dns: bool,
    /// Set while the network wants a browser login (SSO).
    pub sso: Option<Sso>,
}

impl Network {
    /// A network with nothing known but its ID.
    pub fn new(id: NetworkId) -> Network {
        Network {
            id,
            name: String::new(),
            status: String::new(),
            kind: String::new(),
            device: String::new(),
            mac: String::new(),
            assigned_addresses: Vec::new(),
            routes: Vec::new(),
            dns: None,
            allow_managed: false,
            allow_global: false,
            allow_default: false,
            allow_dns: false,
            sso: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub target: String,
    pub via: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dns {
    pub domain: String,
    pub servers: Vec<String>,
}

/// A login page address the service sent, checked when the answer is read:
/// `http(s)://host[:port][/path][?query][#fragment]` in RFC 3986 characters
/// only (no spaces, quotes, angle brackets, non-ASCII or control characters;
/// `%` only before two hex digits), no user name before the host (in
/// `https://my.zerotier.com@evil.example/` the host is evil.example).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginUrl {
    url: String,
    host: std::ops::Range<usize>,
}

impl LoginUrl {
    pub const MAX_LEN: usize = 2048;

    pub fn parse(text: &str) -> Result<LoginUrl, String> {
        if text.len() > Self::MAX_LEN {
            return Err(format!("longer than {} characters", Self::MAX_LEN));
        }
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let allowed = b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b);
            let escape = b == b'%' && bytes.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
            if !allowed && !escape {
                return Err("it holds characters a web address may not".into());
            }
        }
        let lower = text.to_ascii_lowercase();
        let rest = ["https://", "http://"]
            .iter()
            .find_map(|scheme| lower.starts_with(scheme).then_some(scheme.len()))
            .ok_or("it is not an http or https address")?;
        let authority_len = text[rest..].find(['/', '?', '#']).unwrap_or(text.len() - rest);
        let authority = &text[rest..rest + authority_len];
        if authority.contains('@') {
            return Err("it names a user before the host, which hides where it goes".into());
        }
        // Host, then an optional port; an IPv6 literal is in brackets.
        let host_len = if authority.starts_with('[') {
            authority.find(']').map(|i| i + 1).ok_or("its IPv6 host has no closing bracket")?
        } else {
            authority.find(':').unwrap_or(authority.len())
        };
        let port = &authority[host_len..];
        if host_len == 0 || !(port.is_empty() || port[1..].bytes().all(|b| b.is_ascii_digit())) {
            return Err("it has no usable host".into());
        }
        Ok(LoginUrl { url: text.to_string(), host: rest..rest + host_len })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// Where it goes, shown in the menu item that opens it.
    pub fn host(&self) -> &str {
        &self.url[self.host.clone()]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sso {
    /// The login page, or why the address the service sent was refused.
    pub url: Result<LoginUrl, String>,
    /// Milliseconds since the Unix epoch, when the service says.
    pub expires_ms: Option<i64>,
}

/// The per-network permissions a user may switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Managed,
    Global,
    DefaultRoute,
    Dns,
}

impl Setting {
    pub const ALL: [Setting; 4] = [Setting::Managed, Setting::Global, Setting::DefaultRoute, Setting::Dns];

    /// The API field that carries it (in `GET /network` and `POST /network/<id>`).
    fn field(self) -> &'static str {
        match self {
            Setting::Managed => "allowManaged",
            Setting::Global => "allowGlobal",
            Setting::DefaultRoute => "allowDefault",
            Setting::Dns => "allowDNS",
        }
    }

    pub fn of(self, net: &Network) -> bool {
        match self {
            Setting::Managed => net.allow_managed,
            Setting::Global => net.allow_global,
            Setting::DefaultRoute => net.allow_default,
            Setting::Dns => net.allow_dns,
        }
    }
}

/// Where and how to reach the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub port: u16,
    pub token: Token,
    /// Total time one call may take, connection to last byte.
    pub timeout: Duration,
    /// The service homes: their owners may hold the port (see `platform::check_service_peer`).
    pub homes: Vec<PathBuf>,
}

/// The loopback addresses tried, in order.
pub fn addresses(port: u16) -> [SocketAddr; 2] {
    [SocketAddr::from((Ipv4Addr::LOCALHOST, port)), SocketAddr::from((Ipv6Addr::LOCALHOST, port))]
}

/// Whether anything answers HTTP on the port (any status), without a token:
/// tells "no token" apart from "no service".
pub fn probe(port: u16, timeout: Duration) -> Result<(), CallError> {
    // No token in it: anyone may answer.
    let request = http::Request { method: "GET", path: "/status", headers: &[], body: b"", verify_peer: None };
    http::send(&addresses(port), &request, timeout).map(|_| ()).map_err(|e| transport_error(port, e))
}

impl Endpoint {
    pub fn status(&self) -> Result<NodeStatus, CallError> {
        let deadline = Instant::now() + self.timeout;
        let status = parse_status(&self.call("GET", "/status", None, deadline)?)?;
        in_time(deadline, "/status").map(|()| status)
    }

    /// The peers, at most [`MAX_PEERS`], and how many more were listed.
    pub fn peers(&self) -> Result<(Vec<Peer>, usize), CallError> {
        let deadline = Instant::now() + self.timeout;
        let peers = parse_peers(&self.call("GET", "/peer", None, deadline)?)?;
        in_time(deadline, "/peer").map(|()| peers)
    }

    /// The networks, at most [`MAX_NETWORKS`], and how many more were listed.
    pub fn networks(&self) -> Result<(Vec<Network>, usize), CallError> {
        let deadline = Instant::now() + self.timeout;
        let networks = parse_networks(&self.call("GET", "/network", None, deadline)?)?;
        in_time(deadline, "/network").map(|()| networks)
    }

    pub fn join(&self, id: &NetworkId) -> Result<(), CallError> {
        self.call("POST", &network_path(id), Some(Value::Object(Map::new())), self.deadline()).map(drop)
    }

    pub fn leave(&self, id: &NetworkId) -> Result<(), CallError> {
        self.call("DELETE", &network_path(id), None, self.deadline()).map(drop)
    }

    pub fn set(&self, id: &NetworkId, setting: Setting, on: bool) -> Result<(), CallError> {
        let mut body = Map::new();
        body.insert(setting.field().into(), on.into());
        self.call("POST", &network_path(id), Some(Value::Object(body)), self.deadline()).map(drop)
    }

    fn deadline(&self) -> Instant {
        Instant::now() + self.timeout
    }

    /// One request; the answer's I/O and JSON parsing end by `deadline`
    /// (callers check it again after their own conversion).
    fn call(&self, method: &str, path: &str, body: Option<Value>, deadline: Instant) -> Result<Value, CallError> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let headers = [("X-ZT1-Auth", self.token.secret()), ("Content-Type", "application/json")];
        // The token goes only to a listener the platform vouches for.
        let verify = |stream: &std::net::TcpStream| crate::platform::check_service_peer(stream, &self.homes);
        let request =
            http::Request { method, path, headers: &headers, body: body.as_bytes(), verify_peer: Some(&verify) };
        let response = http::send(&addresses(self.port), &request, deadline.saturating_duration_since(Instant::now()))
            .map_err(|e| transport_error(self.port, e))?;
        match response.code {
            200..=299 if response.body.iter().all(u8::is_ascii_whitespace) => Ok(Value::Null),
            200..=299 => serde_json::from_slice(&response.body)
                .map_err(|e| CallError::Failed(format!("{method} {path}: the answer is not JSON ({e})"))),
            401 | 403 => {
                Err(CallError::TokenRefused(format!("the service refused the auth token (HTTP {})", response.code)))
            }
            code => Err(CallError::Failed(format!("{method} {path}: HTTP {code}"))),
        }
    }
}

fn transport_error(port: u16, e: http::Error) -> CallError {
    match e {
        http::Error::Refused(why) => CallError::NotRunning(format!("nothing listens on port {port} ({why})")),
        http::Error::Timeout(why) => CallError::NotAnswering(why),
        http::Error::Protocol(why) => CallError::Failed(why),
        http::Error::Request(why) => CallError::BadConfig(why),
        http::Error::Untrusted(why) => CallError::NotTheService(why),
    }
}

fn network_path(id: &NetworkId) -> String {
    format!("/network/{id}")
}

/// Typed access to one JSON object: absent fields get defaults, present
/// fields of the wrong type are errors (`"online": "yes"` is not `false`).
struct Fields<'a> {
    what: String,
    map: &'a Map<String, Value>,
}

impl<'a> Fields<'a> {
    fn new(what: impl Into<String>, v: &'a Value) -> Result<Fields<'a>, CallError> {
        let what = what.into();
        match v.as_object() {
            Some(map) => Ok(Fields { what, map }),
            None => Err(CallError::Failed(format!("{what} is not a JSON object"))),
        }
    }

    fn wrong(&self, key: &str, expected: &str) -> CallError {
        CallError::Failed(format!("{}: field {key} is not {expected}", self.what))
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn text(&self, key: &str, max: usize) -> Result<Option<String>, CallError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(sanitize(s, max))),
            Some(_) => Err(self.wrong(key, "text")),
        }
    }

    fn flag(&self, key: &str) -> Result<Option<bool>, CallError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.wrong(key, "true or false")),
        }
    }

    /// A whole number; fractions are cut (some services write latencies as 12.0).
    fn number(&self, key: &str) -> Result<Option<i64>, CallError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => {
                Ok(Some(n.as_i64().or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64)).unwrap_or(0)))
            }
            Some(_) => Err(self.wrong(key, "a number")),
        }
    }

    fn object(&self, key: &str) -> Result<Option<Fields<'a>>, CallError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => Fields::new(format!("{}: {key}", self.what), v).map(Some),
        }
    }

    fn list(&self, key: &str) -> Result<&'a [Value], CallError> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(_) => Err(self.wrong(key, "a list")),
        }
    }

    fn texts(&self, key: &str) -> Result<Vec<String>, CallError> {
        let list = self.list(key)?;
        let texts: Option<Vec<String>> =
            list.iter().take(MAX_LIST).map(|v| v.as_str().map(|s| sanitize(s, MAX_NAME))).collect();
        texts.ok_or_else(|| self.wrong(key, "a list of text"))
    }
}

fn parse_status(v: &Value) -> Result<NodeStatus, CallError> {
    let f = Fields::new("the node status", v)?;
    let address = f.text("address", 10)?.unwrap_or_default();
    if !is_node_address(&address) {
        return Err(CallError::Failed("the node status has no valid 10-digit address".into()));
    }
    let mut ports = Vec::new();
    if let Some(settings) = f.object("config")?.map(|c| c.object("settings")).transpose()?.flatten() {
        for key in ["primaryPort", "secondaryPort", "tertiaryPort"] {
            let port = settings.number(key)?.and_then(|p| u16::try_from(p).ok()).filter(|p| *p != 0);
            ports.extend(port.filter(|p| !ports.contains(p)));
        }
    }
    Ok(NodeStatus {
        address,
        online: f.flag("online")?.ok_or_else(|| f.wrong("online", "present"))?,
        version: f.text("version", 20)?.unwrap_or_else(|| "?".into()),
        tcp_fallback: f.flag("tcpFallbackActive")?,
        ports,
        planet_world_id: f.number("planetWorldId")?.and_then(|id| u64::try_from(id).ok()),
    })
}

/// Whether `text` is a 10-digit ZeroTier node address.
fn is_node_address(text: &str) -> bool {
    text.len() == 10 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The peers kept and how many valid ones were left out past [`MAX_PEERS`].
pub(crate) fn parse_peers(v: &Value) -> Result<(Vec<Peer>, usize), CallError> {
    let list = KeyedList { what: "peer", key_name: "address", max: MAX_PEERS };
    list.parse(
        v,
        |f| {
            let address = f.text("address", 16)?.unwrap_or_default().to_ascii_lowercase();
            Ok(is_node_address(&address).then_some(address))
        },
        parse_peer,
    )
}

/// A list answer whose entries each carry a key (a network ID, a peer
/// address): entries without a valid key, or with one seen before, are
/// dropped and counted in the log; past `max` entries the rest are only
/// counted.  Linear in the answer's size: repeats are found in a set.
struct KeyedList {
    what: &'static str,
    key_name: &'static str,
    max: usize,
}

impl KeyedList {
    fn parse<K: std::hash::Hash + Eq + Clone + fmt::Display, T>(
        &self,
        v: &Value,
        key: impl Fn(&Fields) -> Result<Option<K>, CallError>,
        entry: impl Fn(K, &Fields) -> Result<T, CallError>,
    ) -> Result<(Vec<T>, usize), CallError> {
        let what = self.what;
        let list = v.as_array().ok_or_else(|| CallError::Failed(format!("the {what} list is not a JSON list")))?;
        let mut kept = Vec::new();
        let mut seen: HashSet<K> = HashSet::new();
        let (mut rejected, mut omitted) = (0usize, 0usize);
        for item in list {
            let f = Fields::new(format!("a {what}"), item)?;
            let Some(k) = key(&f)?.filter(|k| seen.insert(k.clone())) else {
                rejected += 1;
                continue;
            };
            if kept.len() == self.max {
                omitted += 1;
                continue;
            }
            let f = Fields { what: format!("{what} {k}"), map: f.map };
            kept.push(entry(k, &f)?);
        }
        if rejected > 0 {
            let key_name = self.key_name;
            log::warn!(
                "the service listed {rejected} {what}(s) with a missing, invalid or repeated {key_name}; not shown"
            );
        }
        Ok((kept, omitted))
    }
}

fn parse_peer(address: String, f: &Fields) -> Result<Peer, CallError> {
    let role = match f.text("role", 16)?.unwrap_or_default().to_ascii_uppercase().as_str() {
        "LEAF" => PeerRole::Leaf,
        "PLANET" => PeerRole::Planet,
        "MOON" => PeerRole::Moon,
        _ => PeerRole::Other,
    };
    let version = f.text("version", 20)?.filter(|v| !v.is_empty() && !v.starts_with('-'));
    let latency_ms = f.number("latency")?.and_then(|ms| u32::try_from(ms).ok());
    let mut paths = Vec::new();
    for p in f.list("paths")?.iter().take(MAX_PATHS) {
        let p = Fields::new(format!("{}: a path", f.what), p)?;
        let Some(address) = p.text("address", MAX_NAME)? else { continue };
        let when = |key| p.number(key).map(|ms| ms.filter(|ms| *ms > 0));
        paths.push(PeerPath {
            address,
            last_send_ms: when("lastSend")?,
            last_receive_ms: when("lastReceive")?,
            active: p.flag("active")?.unwrap_or(false),
            preferred: p.flag("preferred")?.unwrap_or(false),
            expired: p.flag("expired")?.unwrap_or(false),
        });
    }
    Ok(Peer { address, role, version, latency_ms, paths })
}

/// A call that answered, but after its deadline once parsed, counts as not answering.
fn in_time(deadline: Instant, path: &str) -> Result<(), CallError> {
    if Instant::now() <= deadline {
        Ok(())
    } else {
        Err(CallError::NotAnswering(format!("the answer to {path} took longer than allowed to read")))
    }
}

/// The networks kept and how many valid ones were left out past [`MAX_NETWORKS`].
pub(crate) fn parse_networks(v: &Value) -> Result<(Vec<Network>, usize), CallError> {
    let list = KeyedList { what: "network", key_name: "ID", max: MAX_NETWORKS };
    list.parse(
        v,
        |f| {
            let text = f.text("id", 32)?.or(f.text("nwid", 32)?).unwrap_or_default();
            // The service writes IDs whole: the typist's spaces are no excuse here.
            Ok(NetworkId::parse(&text).ok().filter(|_| !text.contains(char::is_whitespace)))
        },
        parse_network,
    )
}

fn parse_network(id: NetworkId, f: &Fields) -> Result<Network, CallError> {
    let mut routes = Vec::new();
    for r in f.list("routes")?.iter().take(MAX_LIST) {
        let r = Fields::new(format!("{}: a route", f.what), r)?;
        let Some(target) = r.text("target", MAX_NAME)? else { continue };
        routes.push(Route { target, via: r.text("via", MAX_NAME)? });
    }
    let dns = match f.get("dns") {
        None => None,
        Some(d) => {
            let d = Fields::new(format!("{}: dns", f.what), d)?;
            let domain = d.text("domain", MAX_NAME)?.unwrap_or_default();
            let servers = d.texts("servers")?;
            (!domain.is_empty() || !servers.is_empty()).then_some(Dns { domain, servers })
        }
    };
    // Read as sent (not cleaned or cut): it must be a usable address as it is.
    let sso = match f.get("authenticationURL") {
        None => None,
        Some(Value::String(url)) if url.is_empty() => None,
        Some(Value::String(url)) => {
            let url = LoginUrl::parse(url);
            let expires_ms = match f.get("authenticationExpiryTime") {
                None => None,
                Some(v) => Some(v.as_i64().ok_or_else(|| f.wrong("authenticationExpiryTime", "a number"))?),
            };
            Some(Sso { url, expires_ms })
        }
        Some(_) => return Err(f.wrong("authenticationURL", "text")),
    };
    let text = |key| f.text(key, MAX_NAME).map(Option::unwrap_or_default);
    let flag = |s: Setting| f.flag(s.field()).map(|b| b.unwrap_or(false));
    Ok(Network {
        name: text("name")?,
        status: text("status")?,
        kind: text("type")?,
        device: text("portDeviceName")?,
        mac: text("mac")?,
        assigned_addresses: f.texts("assignedAddresses")?,
        routes,
        dns,
        allow_managed: flag(Setting::Managed)?,
        allow_global: flag(Setting::Global)?,
        allow_default: flag(Setting::DefaultRoute)?,
        allow_dns: flag(Setting::Dns)?,
        sso,
        id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let ep = Endpoint {
            port: 1,
            token: Token::parse(" s3cret\n").unwrap(),
            timeout: Duration::from_secs(1),
            homes: vec![],
        };
        assert_eq!(ep.token.secret(), "s3cret");
        let shown = format!("{ep:?}");
        assert!(!shown.contains("s3cret") && shown.contains("redacted"), "{shown}");
        assert!(Token::parse("a\r\nX-Evil: 1").is_err());
        assert!(Token::parse("  ").is_err());
    }

    #[test]
    fn wrong_types_are_errors_not_defaults() {
        let ok = parse_status(&json!({"address": "89e92ceee5", "online": true, "version": "1.14.2"})).unwrap();
        assert!(ok.online);
        for bad in [
            json!({"address": "89e92ceee5", "online": "yes"}),
            json!({"address": "89e92ceee5"}),
            json!({"address": "../../x", "online": true}),
            json!([]),
        ] {
            assert!(matches!(parse_status(&bad), Err(CallError::Failed(_))), "{bad}");
        }
        let bad_flag = json!([{"id": "8056c2e21c000001", "allowDNS": 1}]);
        assert!(matches!(parse_networks(&bad_flag), Err(CallError::Failed(_))));
    }

    #[test]
    fn networks_are_sanitized_and_bad_ids_dropped() {
        let v = json!([
            {"id": "../../x", "name": "evil"},
            {"nwid": "8056C2E21C000001", "name": "a\u{0}b\nc", "mac": "02:00:00:00:00:01",
             "routes": [{"target": "10.0.0.0/24", "via": null}], "dns": {"domain": "zt.example", "servers": ["10.0.0.1"]},
             "authenticationURL": "https://login.example/x", "authenticationExpiryTime": 1700000000000i64,
             "allowDNS": true},
            {"id": "8056c2e21c000001", "name": "repeated"},
            {"id": "8056c2e21c000002", "name": "x".repeat(500)},
        ]);
        let (nets, _) = parse_networks(&v).unwrap();
        assert_eq!(nets.len(), 2);
        assert_eq!(nets[0].id.as_str(), "8056c2e21c000001");
        assert_eq!(nets[0].name, "a\u{fffd}b\u{fffd}c");
        assert_eq!(nets[0].routes, [Route { target: "10.0.0.0/24".into(), via: None }]);
        assert_eq!(nets[0].dns.as_ref().unwrap().servers, ["10.0.0.1"]);
        assert_eq!(nets[0].sso.as_ref().unwrap().expires_ms, Some(1_700_000_000_000));
        assert!(nets[0].allow_dns && !nets[0].allow_managed);
        assert_eq!(nets[1].name.chars().count(), MAX_NAME);
    }

    #[test]
    fn login_addresses_are_checked_when_read() {
        let ok = LoginUrl::parse("https://my.zerotier.com/sso?state=a%2Fb&x=1#top").unwrap();
        assert_eq!(ok.host(), "my.zerotier.com");
        assert_eq!(LoginUrl::parse("HTTP://10.0.0.1:3000/sso").unwrap().host(), "10.0.0.1");
        assert_eq!(LoginUrl::parse("https://[fd00::1]:8443/x").unwrap().host(), "[fd00::1]");
        for bad in [
            "https://my.zerotier.com@evil.example/login",
            "https://evil.example/\u{202E}moc.reitorez",
            "https://a b/",
            "https://a/\"><script>",
            "https://a/%zz",
            "https://a/%",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https://:443/",
            "https://a:b/",
            "https://[fd00::1/",
        ] {
            assert!(LoginUrl::parse(bad).is_err(), "{bad}");
        }
        assert!(LoginUrl::parse(&format!("https://a/{}", "x".repeat(3000))).is_err());
        let v = json!([{"id": "8056c2e21c000001", "authenticationURL": "https://a/\u{2028}"}]);
        let sso = parse_networks(&v).unwrap().0[0].sso.clone().unwrap();
        assert!(sso.url.is_err(), "checked when the answer is read");
    }

    #[test]
    fn huge_lists_keep_a_bounded_number_and_count_the_rest() {
        let n = MAX_NETWORKS + 5000;
        let list: Vec<Value> = (0..n).map(|i| json!({"id": format!("{i:016x}"), "name": "n"})).collect();
        let mut repeated = list.clone();
        repeated.push(json!({"id": "0000000000000000"}));
        let (nets, omitted) = parse_networks(&Value::Array(repeated)).unwrap();
        assert_eq!((nets.len(), omitted), (MAX_NETWORKS, 5000));
        assert_eq!(nets[0].id.as_str(), "0000000000000000");
    }

    #[test]
    fn node_status_reads_fallback_ports_and_planet() {
        let s = parse_status(&json!({
            "address": "89e92ceee5", "online": true, "version": "1.14.2", "tcpFallbackActive": true,
            "planetWorldId": 149604618u64,
            "config": {"settings": {"primaryPort": 9993, "secondaryPort": 21000, "tertiaryPort": 0}},
        }))
        .unwrap();
        assert_eq!(
            (s.tcp_fallback, s.ports.as_slice(), s.planet_world_id),
            (Some(true), &[9993, 21000][..], Some(149604618))
        );
        let bare = parse_status(&json!({"address": "89e92ceee5", "online": false})).unwrap();
        assert_eq!((bare.tcp_fallback, bare.ports.len(), bare.planet_world_id), (None, 0, None));
        for bad in [
            json!({"address": "89e92ceee5", "online": true, "tcpFallbackActive": "no"}),
            json!({"address": "89e92ceee5", "online": true, "config": {"settings": {"primaryPort": "9993"}}}),
            json!({"address": "89e92ceee5", "online": true, "config": []}),
        ] {
            assert!(matches!(parse_status(&bad), Err(CallError::Failed(_))), "{bad}");
        }
        let odd = json!({"address": "89e92ceee5", "online": true, "config": {"settings": {"primaryPort": 70000}}});
        assert!(parse_status(&odd).unwrap().ports.is_empty(), "a port out of range is not a port");
    }

    fn peer_json(address: &str) -> Value {
        json!({
            "address": address, "role": "LEAF", "version": "1.14.2", "latency": 12,
            "paths": [
                {"address": "192.0.2.7/9993", "active": true, "preferred": true, "expired": false,
                 "lastSend": 1700000000000i64, "lastReceive": 1700000000500i64},
                {"address": "198.51.100.1/443", "active": false, "preferred": false, "expired": true,
                 "lastSend": 0, "lastReceive": -5},
            ]
        })
    }

    #[test]
    fn peers_are_typed_and_cleaned() {
        let mut planet = peer_json("778CDE7190");
        planet["role"] = "PLANET".into();
        planet["paths"] = json!([]);
        planet["version"] = "-1.-1.-1".into();
        planet["latency"] = (-1).into();
        let mut hostile = peer_json("0000000001");
        hostile["role"] = "\u{202E}MOON".into();
        hostile["paths"][0]["address"] = format!("\u{202E}{}", "9".repeat(500)).into();
        let list = json!([peer_json("89e92ceee5"), planet, {"address": "../../x"}, peer_json("89e92ceee5"), hostile]);
        let (peers, omitted) = parse_peers(&list).unwrap();
        assert_eq!((peers.len(), omitted), (3, 0));
        let leaf = &peers[0];
        assert_eq!((leaf.role, leaf.version.as_deref(), leaf.latency_ms), (PeerRole::Leaf, Some("1.14.2"), Some(12)));
        assert_eq!(leaf.paths[0].last_receive_ms, Some(1_700_000_000_500));
        assert_eq!((leaf.paths[1].last_send_ms, leaf.paths[1].last_receive_ms), (None, None), "never is not 1970");
        assert_eq!(leaf.link(), Link::Direct);
        assert_eq!(leaf.active_path().unwrap().address, "192.0.2.7/9993");
        let planet = &peers[1];
        assert_eq!(planet.address, "778cde7190");
        assert_eq!((planet.role, planet.version.clone(), planet.latency_ms), (PeerRole::Planet, None, None));
        assert_eq!(planet.link(), Link::Relayed);
        let hostile = &peers[2];
        assert_eq!(hostile.role, PeerRole::Other, "a role with a bidi control is not MOON");
        assert!(hostile.paths[0].address.starts_with('\u{fffd}'));
        assert_eq!(hostile.paths[0].address.chars().count(), MAX_NAME);
        assert!(matches!(
            parse_peers(&json!([{"address": "89e92ceee5", "latency": "fast"}])),
            Err(CallError::Failed(_))
        ));
        assert!(matches!(parse_peers(&json!({})), Err(CallError::Failed(_))));
    }

    #[test]
    fn an_expired_or_inactive_path_is_not_direct() {
        let mut p = peer_json("89e92ceee5");
        p["paths"][0]["expired"] = true.into();
        let peer = parse_peer("89e92ceee5".into(), &Fields::new("p", &p).unwrap()).unwrap();
        assert_eq!(peer.link(), Link::Relayed);
        p["paths"][0]["expired"] = false.into();
        p["paths"][0]["preferred"] = false.into();
        let peer = parse_peer("89e92ceee5".into(), &Fields::new("p", &p).unwrap()).unwrap();
        assert_eq!(peer.link(), Link::Direct, "active but not preferred still goes direct");
    }

    #[test]
    fn huge_peer_lists_are_bounded() {
        let list: Vec<Value> = (0..MAX_PEERS + 7).map(|i| json!({"address": format!("{i:010x}")})).collect();
        let mut one = peer_json("89e92ceee5");
        one["paths"] = Value::Array(vec![one["paths"][0].clone(); 1000]);
        let (peers, omitted) = parse_peers(&Value::Array(list)).unwrap();
        assert_eq!((peers.len(), omitted), (MAX_PEERS, 7));
        assert_eq!(parse_peers(&json!([one])).unwrap().0[0].paths.len(), MAX_PATHS);
    }

    #[test]
    fn a_deadline_passed_while_parsing_is_not_answering() {
        assert_eq!(in_time(Instant::now() + Duration::from_secs(5), "/network"), Ok(()));
        let past = Instant::now() - Duration::from_millis(1);
        assert!(matches!(in_time(past, "/network"), Err(CallError::NotAnswering(why)) if why.contains("/network")));
    }

    #[test]
    fn network_ids_are_validated_once() {
        assert_eq!(NetworkId::parse(" 8056C2E21C 000001 ").unwrap().as_str(), "8056c2e21c000001");
        assert!(NetworkId::parse("").unwrap_err().contains("Enter"));
        assert!(NetworkId::parse("8056c2e21c00000g").unwrap_err().contains("'g'"));
        assert!(NetworkId::parse("../../status0000").unwrap_err().contains("'.'"));
        assert!(NetworkId::parse("8056c2e21c").unwrap_err().contains("this has 10"));
        assert!(NetworkId::parse("8056c2e21c0000011").unwrap_err().contains("this has 17"));
        assert!(NetworkId::parse(&"a".repeat(100_000)).is_err());
        assert!(NetworkId::parse("8056c2e21c00000\u{202E}").unwrap_err().contains("\u{fffd}"));
        let id = NetworkId::parse("8056c2e21c000001").unwrap();
        assert_eq!(network_path(&id), "/network/8056c2e21c000001");
    }
}
