//! A stand-in for the ZeroTier One service on a loopback port: speaks the
//! API the app uses (status with ports and planet, networks with
//! routes/DNS/MAC/SSO fields, peers with paths, join, leave, settings, 401 on
//! a wrong token), changes state when a test says so, and misbehaves on demand.

#![allow(dead_code)] // each test file uses its own part

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const TOKEN: &str = "double-token-0123456789";
pub const NODE: &str = "89e92ceee5";
pub const NET_A: &str = "8056c2e21c000001";
pub const NET_B: &str = "a09acf0233000002";
/// No connection is served longer than this, whatever the misbehaviour.
const MAX_CONNECTION: Duration = Duration::from_secs(30);
/// The double stops accepting after this, even if a test forgets it.
const MAX_LIFETIME: Duration = Duration::from_secs(300);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misbehaviour {
    None,
    /// Answers correctly after a delay.
    Slow(Duration),
    /// Sends a correct answer one byte every 100 ms.
    Drip,
    /// Accepts, reads, never answers.
    Hung,
    Status500,
    Garbage,
    /// Half an answer, then a TCP reset.
    ResetMidBody,
    /// More than any limit: 6 MiB of body without a length.
    HugeBody,
    /// Announces 1000 bytes, sends 20, closes.
    LyingLength,
    /// A chunk size of ffffffffffffffff.
    HugeChunk,
    /// A correct answer, and the connection held open afterwards.
    KeptOpen,
    /// `100 Continue` before the real answer.
    Continue100,
    /// `"online": "yes"`.
    WrongTypes,
}

struct State {
    token: String,
    behaviour: Misbehaviour,
    networks: Vec<Value>,
    peers: Vec<Value>,
    requests: Vec<String>,
}

pub struct Double {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

pub fn network(id: &str, name: &str) -> Value {
    json!({
        "id": id, "nwid": id, "name": name, "status": "OK", "type": "PRIVATE",
        "mac": "32:a1:b2:c3:d4:e5", "portDeviceName": "ztabcdef12",
        "assignedAddresses": ["10.147.17.5/24", "fd80:56c2:e21c::1/88"],
        "routes": [{"target": "10.147.17.0/24", "via": null}, {"target": "0.0.0.0/0", "via": "10.147.17.1"}],
        "dns": {"domain": "zt.example", "servers": ["10.147.17.1"]},
        "allowManaged": true, "allowGlobal": false, "allowDefault": false, "allowDNS": true,
        "authenticationURL": "", "authenticationExpiryTime": 0
    })
}

/// A peer as `GET /peer` lists it: a leaf with one direct path, or a root
/// (planet) reached over two.
pub fn peer(address: &str, planet: bool) -> Value {
    json!({
        "address": address, "role": if planet { "PLANET" } else { "LEAF" }, "version": "1.14.2",
        "versionMajor": 1, "versionMinor": 14, "versionRev": 2, "latency": if planet { 87 } else { 12 },
        "isBonded": false, "tunneled": false,
        "paths": [
            {"address": "192.0.2.10/9993", "active": true, "preferred": true, "expired": false,
             "lastSend": 1_765_000_000_000i64, "lastReceive": 1_765_000_000_500i64, "trustedPathId": 0},
            {"address": "2001:db8::10/9993", "active": planet, "preferred": false, "expired": false,
             "lastSend": 1_765_000_000_000i64, "lastReceive": 0, "trustedPathId": 0},
        ]
    })
}

/// A network named with bidi controls, invisible characters and a line
/// separator (names come from the network's controller, a remote party),
/// with a lone `-` as its managed address and route target.
pub fn hostile_network(id: &str) -> Value {
    let mut net = network(id, "\u{202E}evil\u{202C} bank\u{200B}\u{FEFF}\u{2028}next");
    net["assignedAddresses"] = json!(["-"]);
    net["routes"] = json!([{"target": "-", "via": null}]);
    net
}

impl Double {
    /// Listens on 127.0.0.1 (or ::1 with `v6`) on a free port.
    pub fn start(v6: bool) -> Double {
        let bind = if v6 { "[::1]:0" } else { "127.0.0.1:0" };
        Double::try_start(bind).unwrap_or_else(|e| panic!("cannot listen on {bind}: {e}"))
    }

    /// Listens on ::1, or `None` when this machine has no IPv6 loopback
    /// (some containers); any other failure is a test failure.
    pub fn start_v6() -> Option<Double> {
        match Double::try_start("[::1]:0") {
            Ok(d) => Some(d),
            Err(e) if e.kind() == std::io::ErrorKind::AddrNotAvailable => None,
            Err(e) => panic!("cannot listen on [::1]: {e}"),
        }
    }

    fn try_start(bind: &str) -> std::io::Result<Double> {
        let listener = TcpListener::bind(bind)?;
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let mut sso = network(NET_B, "sso-net");
        sso["status"] = "AUTHENTICATION_REQUIRED".into();
        sso["authenticationURL"] = "https://login.example/zt?n=a09acf0233000002".into();
        sso["authenticationExpiryTime"] = 1_900_000_000_000i64.into();
        let state = Arc::new(Mutex::new(State {
            token: TOKEN.into(),
            behaviour: Misbehaviour::None,
            networks: vec![network(NET_A, "earth"), sso],
            peers: vec![peer("778cde7190", true), peer("1a2b3c4d5e", false)],
            requests: Vec::new(),
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (state.clone(), stop.clone());
        std::thread::spawn(move || {
            let born = Instant::now();
            while !sp.load(Ordering::SeqCst) && born.elapsed() < MAX_LIFETIME {
                match listener.accept() {
                    Ok((stream, _)) => {
                        // Windows hands out accepted sockets in the listener's non-blocking mode.
                        let _ = stream.set_nonblocking(false);
                        let (st, sp) = (st.clone(), sp.clone());
                        std::thread::spawn(move || serve(stream, &st, &sp));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Ok(Double { addr, state, stop })
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn misbehave(&self, b: Misbehaviour) {
        self.state.lock().unwrap().behaviour = b;
    }

    pub fn set_networks(&self, networks: Vec<Value>) {
        self.state.lock().unwrap().networks = networks;
    }

    pub fn set_peers(&self, peers: Vec<Value>) {
        self.state.lock().unwrap().peers = peers;
    }

    /// Changes one network's `status` (OK, ACCESS_DENIED, NOT_FOUND, ...), as
    /// its controller's answer would.
    pub fn set_status(&self, id: &str, status: &str) {
        let mut st = self.state.lock().unwrap();
        let net = st.networks.iter_mut().find(|n| n["id"] == id).unwrap_or_else(|| panic!("no network {id}"));
        net["status"] = status.into();
    }

    pub fn networks(&self) -> Vec<Value> {
        self.state.lock().unwrap().networks.clone()
    }

    /// Request lines seen so far ("GET /status").
    pub fn requests(&self) -> Vec<String> {
        self.state.lock().unwrap().requests.clone()
    }
}

impl Drop for Double {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// One request as the double saw it; header names in lowercase.
struct Req {
    line: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Reads one request: head and `Content-Length` body (bounded in size and time).
fn read_request(s: &mut TcpStream) -> Option<Req> {
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    let end = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if raw.len() > 64 << 10 {
            return None;
        }
        let n = s.read(&mut buf).ok().filter(|n| *n > 0)?;
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let line = lines.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let len: usize = headers.iter().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = raw[end + 4..].to_vec();
    while body.len() < len.min(1 << 20) {
        let n = s.read(&mut buf).ok().filter(|n| *n > 0)?;
        body.extend_from_slice(&buf[..n]);
    }
    Some(Req { line, headers, body })
}

/// The API itself: status code and JSON body.
fn answer(req: &Req, st: &Mutex<State>) -> (u16, String) {
    let (line, headers, body) = (&req.line, &req.headers, &req.body);
    let mut st = st.lock().unwrap();
    st.requests.push(line.split(' ').take(2).collect::<Vec<_>>().join(" "));
    let token_ok = headers.iter().any(|(k, v)| k == "x-zt1-auth" && *v == st.token);
    if !token_ok {
        return (401, "{}".into());
    }
    let mut parts = line.split(' ');
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let online = if st.behaviour == Misbehaviour::WrongTypes { json!("yes") } else { json!(true) };
    match (method, path) {
        ("GET", "/status") => (
            200,
            json!({
                "address": NODE, "online": online, "version": "1.14.2", "tcpFallbackActive": false,
                "planetWorldId": 149_604_618u64, "planetWorldTimestamp": 1_644_592_324_813i64,
                "config": {"settings": {"primaryPort": 9993, "secondaryPort": 41234, "tertiaryPort": 0,
                                        "portMappingEnabled": true, "allowTcpFallbackRelay": true}},
            })
            .to_string(),
        ),
        ("GET", "/network") => (200, Value::Array(st.networks.clone()).to_string()),
        ("GET", "/peer") => (200, Value::Array(st.peers.clone()).to_string()),
        (_, p) if p.starts_with("/network/") => {
            let id = &p["/network/".len()..];
            let pos = st.networks.iter().position(|n| n["id"] == id);
            match (method, pos) {
                ("GET", Some(i)) => (200, st.networks[i].to_string()),
                ("DELETE", Some(i)) => {
                    st.networks.remove(i);
                    (200, "{}".into())
                }
                ("POST", _) => {
                    let Ok(Value::Object(change)) = serde_json::from_slice::<Value>(body) else {
                        return (400, "{}".into());
                    };
                    let i = pos.unwrap_or_else(|| {
                        let mut joined = network(id, "");
                        joined["status"] = "REQUESTING_CONFIGURATION".into();
                        st.networks.push(joined);
                        st.networks.len() - 1
                    });
                    for (k, v) in change {
                        st.networks[i][k] = v;
                    }
                    (200, st.networks[i].to_string())
                }
                _ => (404, "{}".into()),
            }
        }
        _ => (404, "{}".into()),
    }
}

fn serve(mut s: TcpStream, st: &Mutex<State>, stop: &AtomicBool) {
    let behaviour = st.lock().unwrap().behaviour;
    let _ = s.set_write_timeout(Some(Duration::from_secs(5)));
    if behaviour == Misbehaviour::ResetMidBody {
        // Leave the request unread: closing with unread data sends a reset.
        std::thread::sleep(Duration::from_millis(100));
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"addr");
        return;
    }
    let Some(req) = read_request(&mut s) else { return };
    let (code, json) = answer(&req, st);
    let ok = |json: &str| {
        format!("HTTP/1.1 {code} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{json}", json.len())
    };
    let hold = |stop: &AtomicBool| {
        let start = Instant::now();
        while !stop.load(Ordering::SeqCst) && start.elapsed() < MAX_CONNECTION {
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let _ = match behaviour {
        Misbehaviour::None | Misbehaviour::WrongTypes => s.write_all(ok(&json).as_bytes()),
        Misbehaviour::Slow(delay) => {
            std::thread::sleep(delay);
            s.write_all(ok(&json).as_bytes())
        }
        Misbehaviour::Drip => {
            let start = Instant::now();
            for b in ok(&json).bytes() {
                if stop.load(Ordering::SeqCst) || start.elapsed() > MAX_CONNECTION || s.write_all(&[b]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            Ok(())
        }
        Misbehaviour::Hung => {
            hold(stop);
            Ok(())
        }
        Misbehaviour::Status500 => s.write_all(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"),
        Misbehaviour::Garbage => s.write_all(b"\x00\x01garbage \xff\xfe not http\r\n\r\n"),
        Misbehaviour::HugeBody => {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\n\r\n[");
            let block = vec![b' '; 64 << 10];
            for _ in 0..96 {
                if s.write_all(&block).is_err() {
                    break;
                }
            }
            Ok(())
        }
        Misbehaviour::LyingLength => s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"address\":\"89e9"),
        Misbehaviour::HugeChunk => {
            s.write_all(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{\"address\":1}\r\n")
        }
        Misbehaviour::KeptOpen => {
            let _ = s.write_all(ok(&json).as_bytes());
            hold(stop);
            Ok(())
        }
        Misbehaviour::Continue100 => s.write_all(format!("HTTP/1.1 100 Continue\r\n\r\n{}", ok(&json)).as_bytes()),
        Misbehaviour::ResetMidBody => Ok(()),
    };
}

/// A listener that is not the service: a child process running as `nobody`
/// on a loopback port, recording every byte it receives and answering each
/// connection with a made-up node status.  Needs root (to drop to `nobody`);
/// `None` without it.
#[cfg(target_os = "linux")]
pub struct ForeignListener {
    pub port: u16,
    child: libc::pid_t,
    received: std::fs::File,
}

#[cfg(target_os = "linux")]
impl ForeignListener {
    pub const UID: u32 = 65534;

    pub fn start() -> Option<ForeignListener> {
        use std::os::fd::FromRawFd;
        let (mut port_pipe, mut data_pipe) = ([0; 2], [0; 2]);
        // SAFETY: plain syscalls on fds this function owns.  The child runs
        // only syscalls and stack buffers (no allocation after fork) and
        // always ends in _exit.
        unsafe {
            assert_eq!(libc::pipe(port_pipe.as_mut_ptr()), 0);
            assert_eq!(libc::pipe(data_pipe.as_mut_ptr()), 0);
            let child = libc::fork();
            assert!(child >= 0, "fork failed");
            if child == 0 {
                libc::close(port_pipe[0]);
                libc::close(data_pipe[0]);
                libc::alarm(MAX_LIFETIME.as_secs() as u32);
                let nobody = Self::UID;
                if libc::setgroups(0, std::ptr::null()) != 0 || libc::setgid(nobody) != 0 || libc::setuid(nobody) != 0 {
                    libc::_exit(2);
                }
                foreign_serve(port_pipe[1], data_pipe[1]);
            }
            libc::close(port_pipe[1]);
            libc::close(data_pipe[1]);
            let mut port = [0u8; 2];
            let got = libc::read(port_pipe[0], port.as_mut_ptr().cast(), 2);
            libc::close(port_pipe[0]);
            libc::fcntl(data_pipe[0], libc::F_SETFL, libc::O_NONBLOCK);
            let received = std::fs::File::from_raw_fd(data_pipe[0]);
            if got != 2 {
                libc::waitpid(child, std::ptr::null_mut(), 0);
                return None;
            }
            Some(ForeignListener { port: u16::from_ne_bytes(port), child, received })
        }
    }

    /// Everything received so far, over all connections.
    pub fn received(&mut self) -> Vec<u8> {
        let mut all = Vec::new();
        let _ = self.received.read_to_end(&mut all);
        all
    }
}

#[cfg(target_os = "linux")]
impl Drop for ForeignListener {
    fn drop(&mut self) {
        // SAFETY: our own child, reaped once.
        unsafe {
            libc::kill(self.child, libc::SIGKILL);
            libc::waitpid(self.child, std::ptr::null_mut(), 0);
        }
    }
}

/// The child's side of [`ForeignListener`]; never returns.
///
/// SAFETY: called in a freshly forked child with two pipe write ends.
#[cfg(target_os = "linux")]
unsafe fn foreign_serve(port_fd: libc::c_int, data_fd: libc::c_int) -> ! {
    let Ok(listener) = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))) else { libc::_exit(3) };
    let Ok(addr) = listener.local_addr() else { libc::_exit(3) };
    let port = addr.port().to_ne_bytes();
    libc::write(port_fd, port.as_ptr().cast(), 2);
    libc::close(port_fd);
    const FAKE: &[u8] =
        b"HTTP/1.1 200 OK\r\nContent-Length: 58\r\n\r\n{\"address\":\"deadbeef00\",\"online\":true,\"version\":\"6.6.6\"}  ";
    loop {
        let Ok((mut s, _)) = listener.accept() else { libc::_exit(0) };
        let _ = s.set_read_timeout(Some(Duration::from_millis(500)));
        let mut buf = [0u8; 4096];
        while let Ok(n) = s.read(&mut buf) {
            if n == 0 {
                break;
            }
            libc::write(data_fd, buf.as_ptr().cast(), n);
            if buf[..n].windows(4).any(|w| w == b"\r\n\r\n") {
                let _ = s.write_all(FAKE);
                break;
            }
        }
    }
}
