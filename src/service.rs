//! The local ZeroTier One service API: where it listens, which token it
//! wants, and a small HTTP/1.1 client for its JSON endpoints on 127.0.0.1.

use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The service's default API port.
pub const DEFAULT_PORT: u16 = 9993;
/// Responses larger than this are refused (the API's answers are small).
const MAX_RESPONSE: usize = 4 << 20;

/// `GET /status`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeStatus {
    pub address: String,
    pub online: bool,
    pub version: String,
}

/// One entry of `GET /network`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    pub id: String,
    pub name: String,
    pub status: String,
    pub kind: String,
    pub device: String,
    pub assigned_addresses: Vec<String>,
    pub allow_managed: bool,
    pub allow_global: bool,
    pub allow_default: bool,
    pub allow_dns: bool,
}

/// Where and how to reach the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub port: u16,
    pub token: String,
}

/// Why a call failed; the model shows unreachable and unauthorized apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    Unreachable(String),
    Unauthorized(String),
    Failed(String),
}

/// The service's home folder for this platform.
pub fn service_home() -> PathBuf {
    cfg_if::cfg_if! {
        if #[cfg(windows)] {
            let data = std::env::var_os("ProgramData").unwrap_or_else(|| "C:\\ProgramData".into());
            PathBuf::from(data).join("ZeroTier").join("One")
        } else if #[cfg(target_os = "macos")] {
            PathBuf::from("/Library/Application Support/ZeroTier/One")
        } else {
            PathBuf::from("/var/lib/zerotier-one")
        }
    }
}

/// Token files in the order they are tried: the per-user copy first (the
/// service home is readable by administrators/root only), then the home.
pub fn token_candidates(home: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    cfg_if::cfg_if! {
        if #[cfg(windows)] {
            if let Some(local) = std::env::var_os("LOCALAPPDATA") {
                paths.push(PathBuf::from(local).join("ZeroTier").join("authtoken.secret"));
            }
        } else {
            if let Some(user_home) = std::env::var_os("HOME") {
                paths.push(PathBuf::from(user_home).join(".zeroTierOneAuthToken"));
            }
        }
    }
    paths.push(home.join("authtoken.secret"));
    paths
}

/// Finds port and token: `ZT_TOKEN`/`ZT_PORT` override the files (useful
/// for tests and non-standard installs).
pub fn discover(home: &Path) -> Result<Endpoint, CallError> {
    resolve(std::env::var("ZT_PORT").ok(), std::env::var("ZT_TOKEN").ok(), home, &token_candidates(home))
}

/// [`discover`] with its inputs spelled out.
fn resolve(
    port: Option<String>,
    token: Option<String>,
    home: &Path,
    candidates: &[PathBuf],
) -> Result<Endpoint, CallError> {
    let port = match port {
        Some(text) => {
            parse_port(&text).ok_or_else(|| CallError::Failed(format!("ZT_PORT={text} is not a port number")))?
        }
        None => std::fs::read_to_string(home.join("zerotier-one.port"))
            .ok()
            .and_then(|t| parse_port(&t))
            .unwrap_or(DEFAULT_PORT),
    };
    if let Some(token) = token {
        return Ok(Endpoint { port, token: token.trim().to_string() });
    }
    for path in candidates {
        if let Ok(text) = std::fs::read_to_string(path) {
            let token = text.trim();
            if !token.is_empty() {
                return Ok(Endpoint { port, token: token.to_string() });
            }
        }
    }
    let tried: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
    Err(CallError::Unauthorized(format!("no readable auth token (tried {})", tried.join(", "))))
}

fn parse_port(text: &str) -> Option<u16> {
    text.trim().parse::<u16>().ok().filter(|p| *p != 0)
}

impl Endpoint {
    /// `GET /status`
    pub fn status(&self) -> Result<NodeStatus, CallError> {
        parse_status(&self.call("GET", "/status", None)?)
    }

    /// `GET /network`
    pub fn networks(&self) -> Result<Vec<Network>, CallError> {
        parse_networks(&self.call("GET", "/network", None)?)
    }

    /// `POST /network/<id>`: joins, or changes the settings in `body`.
    pub fn post_network(&self, id: &str, body: &Value) -> Result<(), CallError> {
        self.call("POST", &format!("/network/{}", checked_id(id)?), Some(body)).map(|_| ())
    }

    /// `DELETE /network/<id>`: leaves.
    pub fn leave(&self, id: &str) -> Result<(), CallError> {
        self.call("DELETE", &format!("/network/{}", checked_id(id)?), None).map(|_| ())
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, CallError> {
        let body = body.map(Value::to_string).unwrap_or_default();
        let (code, text) = http(self.port, method, path, &self.token, &body)?;
        match code {
            200 => {
                serde_json::from_str(&text).map_err(|e| CallError::Failed(format!("{method} {path}: bad JSON: {e}")))
            }
            401 | 403 => Err(CallError::Unauthorized(format!("the service refused the auth token ({code})"))),
            _ => Err(CallError::Failed(format!("{method} {path}: HTTP {code}"))),
        }
    }
}

fn checked_id(id: &str) -> Result<&str, CallError> {
    if id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(id)
    } else {
        Err(CallError::Failed(format!("{id:?} is not a 16-digit network ID")))
    }
}

/// One HTTP/1.1 exchange with `Connection: close`; returns status and body.
fn http(port: u16, method: &str, path: &str, token: &str, body: &str) -> Result<(u16, String), CallError> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2))
        .map_err(|e| CallError::Unreachable(format!("{e} on {addr}")))?;
    let io = |e: std::io::Error| CallError::Failed(format!("{method} {path}: {e}"));
    stream.set_read_timeout(Some(Duration::from_secs(5))).map_err(io)?;
    stream.set_write_timeout(Some(Duration::from_secs(5))).map_err(io)?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-ZT1-Auth: {token}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).map_err(io)?;
    let mut raw = Vec::new();
    stream.take(MAX_RESPONSE as u64 + 1).read_to_end(&mut raw).map_err(io)?;
    if raw.len() > MAX_RESPONSE {
        return Err(CallError::Failed(format!("{method} {path}: response larger than {MAX_RESPONSE} bytes")));
    }
    parse_response(&raw).map_err(|e| CallError::Failed(format!("{method} {path}: {e}")))
}

/// Splits a raw HTTP/1.1 response into status code and body (plain or chunked).
fn parse_response(raw: &[u8]) -> Result<(u16, String), String> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no end of headers")?;
    let head = std::str::from_utf8(&raw[..split]).map_err(|_| "headers are not UTF-8")?;
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap_or_default();
    let code = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok())
        .ok_or_else(|| format!("bad status line {status:?}"))?;
    let chunked = lines.any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    });
    let mut body = raw[split + 4..].to_vec();
    if chunked {
        body = dechunk(&body)?;
    }
    String::from_utf8(body).map(|b| (code, b)).map_err(|_| "body is not UTF-8".into())
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let end = data.windows(2).position(|w| w == b"\r\n").ok_or("truncated chunk size")?;
        let size_text = std::str::from_utf8(&data[..end]).map_err(|_| "bad chunk size")?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| format!("bad chunk size {size_text:?}"))?;
        data = &data[end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size + 2 {
            return Err("truncated chunk".into());
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

fn parse_status(v: &Value) -> Result<NodeStatus, CallError> {
    let address = v["address"].as_str().ok_or_else(|| CallError::Failed("status without an address".into()))?;
    Ok(NodeStatus {
        address: address.to_string(),
        online: v["online"].as_bool().unwrap_or(false),
        version: v["version"].as_str().unwrap_or("?").to_string(),
    })
}

fn parse_networks(v: &Value) -> Result<Vec<Network>, CallError> {
    let list = v.as_array().ok_or_else(|| CallError::Failed("network list is not a JSON array".into()))?;
    list.iter()
        .map(|n| {
            let id = n["id"]
                .as_str()
                .or_else(|| n["nwid"].as_str())
                .ok_or_else(|| CallError::Failed("network without an id".into()))?;
            let text = |key: &str| n[key].as_str().unwrap_or_default().to_string();
            Ok(Network {
                id: id.to_string(),
                name: text("name"),
                status: text("status"),
                kind: text("type"),
                device: text("portDeviceName"),
                assigned_addresses: n["assignedAddresses"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
                    .unwrap_or_default(),
                allow_managed: n["allowManaged"].as_bool().unwrap_or(false),
                allow_global: n["allowGlobal"].as_bool().unwrap_or(false),
                allow_default: n["allowDefault"].as_bool().unwrap_or(false),
                allow_dns: n["allowDNS"].as_bool().unwrap_or(false),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;
    use std::sync::mpsc;

    /// A stand-in for the service on a loopback port: answers `count`
    /// requests with `reply(request)` and reports each request it saw.
    fn fake_service(count: usize, reply: fn(&str) -> String) -> (u16, mpsc::Receiver<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(count) {
                let mut stream = stream.unwrap();
                stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                let mut buf = vec![0; 8192];
                let n = stream.read(&mut buf).unwrap();
                let request = String::from_utf8_lossy(&buf[..n]).into_owned();
                stream.write_all(reply(&request).as_bytes()).unwrap();
                tx.send(request).unwrap();
            }
        });
        (port, rx)
    }

    fn ok(body: &str) -> String {
        format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn status_and_networks_are_read_with_the_token() {
        let (port, seen) = fake_service(2, |req| {
            if req.starts_with("GET /status") {
                ok(r#"{"address":"89e92ceee5","online":true,"version":"1.14.2"}"#)
            } else {
                ok(r#"[{"id":"8056c2e21c000001","name":"earth","status":"OK","type":"PUBLIC","portDeviceName":"ztabc",
                        "assignedAddresses":["10.1.2.3/24"],"allowManaged":true,"allowGlobal":false,"allowDefault":false,"allowDNS":true}]"#)
            }
        });
        let ep = Endpoint { port, token: "secret-token".into() };
        let status = ep.status().unwrap();
        assert_eq!(status, NodeStatus { address: "89e92ceee5".into(), online: true, version: "1.14.2".into() });
        let nets = ep.networks().unwrap();
        assert_eq!(nets.len(), 1);
        assert_eq!(nets[0].name, "earth");
        assert_eq!(nets[0].assigned_addresses, ["10.1.2.3/24"]);
        assert!(nets[0].allow_managed && nets[0].allow_dns && !nets[0].allow_default);
        let first = seen.recv().unwrap();
        assert!(first.contains("X-ZT1-Auth: secret-token\r\n"), "{first}");
    }

    #[test]
    fn post_sends_json_and_delete_leaves() {
        let (port, seen) = fake_service(2, |_| ok("{}"));
        let ep = Endpoint { port, token: "t".into() };
        ep.post_network("8056c2e21c000001", &serde_json::json!({"allowDNS": true})).unwrap();
        ep.leave("8056c2e21c000001").unwrap();
        let post = seen.recv().unwrap();
        assert!(post.starts_with("POST /network/8056c2e21c000001 HTTP/1.1\r\n"), "{post}");
        assert!(post.ends_with("{\"allowDNS\":true}"), "{post}");
        assert!(seen.recv().unwrap().starts_with("DELETE /network/8056c2e21c000001 "));
    }

    #[test]
    fn refused_token_and_closed_port_are_told_apart() {
        let (port, _seen) = fake_service(1, |_| "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".into());
        let ep = Endpoint { port, token: "wrong".into() };
        assert!(matches!(ep.status(), Err(CallError::Unauthorized(_))));
        // A port nobody listens on: bind, learn the port, close.
        let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let ep = Endpoint { port: closed, token: "t".into() };
        assert!(matches!(ep.status(), Err(CallError::Unreachable(_))));
    }

    #[test]
    fn bad_ids_never_reach_the_wire() {
        let ep = Endpoint { port: 1, token: "t".into() };
        for id in ["", "8056c2e21c00000", "../../status0000", "8056c2e21c00000g"] {
            assert!(matches!(ep.leave(id), Err(CallError::Failed(_))), "{id}");
        }
    }

    #[test]
    fn chunked_and_malformed_responses() {
        let chunked =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n[1,2\r\n2\r\n,3\r\n1\r\n]\r\n0\r\n\r\n";
        assert_eq!(parse_response(chunked).unwrap(), (200, "[1,2,3]".into()));
        assert!(parse_response(b"garbage").is_err());
        assert!(parse_response(b"HTTP/1.1 abc\r\n\r\n").is_err());
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").is_err());
        assert!(matches!(parse_status(&serde_json::json!({"online": true})), Err(CallError::Failed(_))));
        assert!(matches!(parse_networks(&serde_json::json!({})), Err(CallError::Failed(_))));
    }

    #[test]
    fn token_and_port_come_from_files_or_overrides() {
        let dir = std::env::temp_dir().join(format!("zt-ui-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let user = dir.join("user-token");
        let home_token = dir.join("authtoken.secret");
        std::fs::write(&home_token, "  abc123\n").unwrap();
        std::fs::write(dir.join("zerotier-one.port"), "19993\n").unwrap();
        let candidates = [user.clone(), home_token.clone()];
        assert_eq!(resolve(None, None, &dir, &candidates).unwrap(), Endpoint { port: 19993, token: "abc123".into() });
        std::fs::write(&user, "userfirst").unwrap();
        assert_eq!(resolve(None, None, &dir, &candidates).unwrap().token, "userfirst");
        assert_eq!(
            resolve(Some("4000".into()), Some(" env ".into()), &dir, &candidates).unwrap(),
            Endpoint { port: 4000, token: "env".into() }
        );
        assert!(matches!(resolve(Some("nope".into()), None, &dir, &candidates), Err(CallError::Failed(_))));
        std::fs::remove_file(&user).unwrap();
        std::fs::remove_file(&home_token).unwrap();
        std::fs::remove_file(dir.join("zerotier-one.port")).unwrap();
        match resolve(None, None, &dir, &candidates) {
            Err(CallError::Unauthorized(why)) => assert!(why.contains("authtoken.secret"), "{why}"),
            other => panic!("{other:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(parse_port(" 9993 "), Some(9993));
        assert_eq!(parse_port("0"), None);
        assert_eq!(parse_port("70000"), None);
    }
}
