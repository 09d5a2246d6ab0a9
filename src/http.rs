//! A small HTTP/1.1 client for one loopback API. Kept by hand because the
//! service speaks plain HTTP on 127.0.0.1/::1 only (no TLS, no redirects, no
//! proxies) and every limit below must hold against a hostile listener on the
//! port: one total deadline per call, bounded head, body and chunk sizes with
//! checked arithmetic, `Content-Length` honoured (so kept-open connections end
//! the call), interim `1xx` answers skipped, header values checked for CR/LF.
//! Measured against the crates (release, stripped, Linux x86-64, over a
//! serde_json baseline): this module +40 KB, minreq 2.14 +155 KB (no body
//! size cap), ureq 3.5 without TLS +530 KB.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// Bodies larger than this are refused (the API's answers are small).
pub const MAX_BODY: usize = 4 << 20;
/// Longest status or header line, and most header lines, accepted.
const MAX_LINE: usize = 8 << 10;
const MAX_HEADERS: usize = 100;
/// Interim (`100 Continue` and the like) answers skipped before giving up.
const MAX_INTERIM: usize = 4;
/// Longest wait for one connection attempt, within the call's deadline.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// Why an exchange failed, in the classes the app reports differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing listens on any of the addresses.
    Refused(String),
    /// A listener, but no complete answer before the deadline.
    Timeout(String),
    /// An answer that is not usable HTTP: malformed, cut short, too large, reset.
    Protocol(String),
    /// The request cannot be sent as asked (e.g. a header value with CR/LF).
    Request(String),
    /// The peer failed the request's `verify_peer` check; nothing was sent.
    Untrusted(String),
}

/// Decides, on the connected socket, whether the request may go to that peer.
pub type PeerCheck<'a> = &'a dyn Fn(&TcpStream) -> Result<(), String>;

pub struct Request<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a [u8],
    /// Run after connecting and before a byte is written.
    pub verify_peer: Option<PeerCheck<'a>>,
}

#[derive(Debug)]
pub struct Response {
    pub code: u16,
    pub body: Vec<u8>,
}

/// Sends `request` to the first address that accepts a connection and reads
/// the whole answer, all within `timeout`.
pub fn send(addrs: &[SocketAddr], request: &Request, timeout: Duration) -> Result<Response, Error> {
    let head = request_head(request)?;
    let deadline = Instant::now() + timeout;
    let (stream, addr) = connect(addrs, deadline)?;
    if let Some(verify) = request.verify_peer {
        verify(&stream).map_err(Error::Untrusted)?;
    }
    let mut conn = Conn { stream, deadline, buf: Vec::new(), pos: 0, addr };
    conn.write(&head)?;
    conn.write(request.body)?;
    conn.response(request.method)
}

/// The request line and headers, refusing anything that could split them.
fn request_head(r: &Request) -> Result<Vec<u8>, Error> {
    let token_char = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if r.method.is_empty() || !r.method.chars().all(token_char) {
        return Err(Error::Request(format!("bad method {:?}", r.method)));
    }
    if !r.path.starts_with('/') || !r.path.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::Request(format!("bad path {:?}", r.path)));
    }
    let mut head = format!("{} {} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n", r.method, r.path);
    for (name, value) in r.headers {
        if name.is_empty() || !name.chars().all(token_char) {
            return Err(Error::Request(format!("bad header name {name:?}")));
        }
        // Visible ASCII and spaces only: no CR/LF (header injection), no NUL.
        if !value.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
            return Err(Error::Request(format!("the value of header {name} has characters HTTP cannot carry")));
        }
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", r.body.len()));
    Ok(head.into_bytes())
}

fn remaining(deadline: Instant) -> Option<Duration> {
    deadline.checked_duration_since(Instant::now()).filter(|d| !d.is_zero())
}

fn connect(addrs: &[SocketAddr], deadline: Instant) -> Result<(TcpStream, SocketAddr), Error> {
    let mut why = Vec::new();
    let mut timed_out = false;
    for addr in addrs {
        let Some(left) = remaining(deadline) else {
            timed_out = true;
            break;
        };
        match TcpStream::connect_timeout(addr, left.min(CONNECT_TIMEOUT)) {
            Ok(stream) => return Ok((stream, *addr)),
            Err(e) => {
                timed_out |= matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock);
                why.push(format!("{addr}: {e}"));
            }
        }
    }
    let why = if why.is_empty() { "no address to try".to_string() } else { why.join("; ") };
    if timed_out {
        Err(Error::Timeout(format!("no connection in time ({why})")))
    } else {
        Err(Error::Refused(why))
    }
}

/// One connection with a read buffer; every read is bounded by the deadline.
struct Conn {
    stream: TcpStream,
    deadline: Instant,
    buf: Vec<u8>,
    pos: usize,
    addr: SocketAddr,
}

impl Conn {
    fn timeout(&self, doing: &str) -> Error {
        Error::Timeout(format!("{} did not finish {doing} in time", self.addr))
    }

    fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        let left = remaining(self.deadline).ok_or_else(|| self.timeout("reading the request"))?;
        let _ = self.stream.set_write_timeout(Some(left));
        self.stream.write_all(data).map_err(|e| match e.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => self.timeout("reading the request"),
            _ => Error::Protocol(format!("{} broke the connection while sending: {e}", self.addr)),
        })
    }

    /// Reads more bytes into the buffer; `Ok(0)` at end of stream.
    fn fill(&mut self) -> Result<usize, Error> {
        if self.pos > 0 && self.pos * 2 >= self.buf.len() {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let mut chunk = [0u8; 16 << 10];
        // Interrupted reads are retried; the deadline ends the loop.
        loop {
            let left = remaining(self.deadline).ok_or_else(|| self.timeout("its answer"))?;
            let _ = self.stream.set_read_timeout(Some(left));
            match self.stream.read(&mut chunk) {
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(n);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
                    return Err(self.timeout("its answer"))
                }
                Err(e) => return Err(Error::Protocol(format!("{} broke the connection: {e}", self.addr))),
            }
        }
    }

    fn buffered(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    fn line(&mut self) -> Result<String, Error> {
        loop {
            if let Some(i) = self.buffered().iter().position(|&b| b == b'\n') {
                let raw = &self.buffered()[..i];
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                let line = String::from_utf8(raw.to_vec()).map_err(|_| Error::Protocol("header is not UTF-8".into()));
                self.pos += i + 1;
                return line;
            }
            if self.buffered().len() > MAX_LINE {
                return Err(Error::Protocol(format!("a line longer than {MAX_LINE} bytes")));
            }
            if self.fill()? == 0 {
                return Err(Error::Protocol("the connection closed in the middle of the answer's head".into()));
            }
        }
    }

    /// Moves `n` more body bytes into `out` (the caller has checked the size).
    fn body_bytes(&mut self, n: usize, out: &mut Vec<u8>) -> Result<(), Error> {
        let mut left = n;
        while left > 0 {
            if self.buffered().is_empty() && self.fill()? == 0 {
                return Err(Error::Protocol(format!("the body ended {left} bytes short of what was announced")));
            }
            let take = left.min(self.buffered().len());
            out.extend_from_slice(&self.buffered()[..take]);
            self.pos += take;
            left -= take;
        }
        Ok(())
    }

    fn response(&mut self, method: &str) -> Result<Response, Error> {
        for _ in 0..=MAX_INTERIM {
            let status = self.line()?;
            let code = parse_status_line(&status)?;
            let head = self.headers()?;
            if (100..200).contains(&code) {
                continue;
            }
            let mut body = Vec::new();
            if method == "HEAD" || code == 204 || code == 304 {
                // No body by definition.
            } else if head.chunked {
                self.chunked(&mut body)?;
            } else if let Some(len) = head.length {
                let len = usize::try_from(len).ok().filter(|l| *l <= MAX_BODY).ok_or_else(too_large)?;
                self.body_bytes(len, &mut body)?;
            } else {
                // No length: the body ends when the peer closes (we sent Connection: close).
                loop {
                    let have = self.buffered().len();
                    if have > MAX_BODY {
                        return Err(too_large());
                    }
                    if self.fill()? == 0 {
                        break;
                    }
                }
                if self.buffered().len() > MAX_BODY {
                    return Err(too_large());
                }
                body.extend_from_slice(self.buffered());
                self.pos = self.buf.len();
            }
            return Ok(Response { code, body });
        }
        Err(Error::Protocol(format!("more than {MAX_INTERIM} interim answers")))
    }

    fn headers(&mut self) -> Result<Head, Error> {
        let mut head = Head { length: None, chunked: false };
        for _ in 0..MAX_HEADERS {
            let line = self.line()?;
            if line.is_empty() {
                return Ok(head);
            }
            let (name, value) = line.split_once(':').ok_or_else(|| Error::Protocol(format!("bad header {line:?}")))?;
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                let len: u64 = value.parse().map_err(|_| Error::Protocol(format!("bad Content-Length {value:?}")))?;
                if head.length.is_some_and(|l| l != len) {
                    return Err(Error::Protocol("two different Content-Length headers".into()));
                }
                head.length = Some(len);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                let last = value.rsplit(',').next().unwrap_or("").trim();
                if !last.eq_ignore_ascii_case("chunked") {
                    return Err(Error::Protocol(format!("unsupported Transfer-Encoding {value:?}")));
                }
                head.chunked = true;
            }
        }
        Err(Error::Protocol(format!("more than {MAX_HEADERS} header lines")))
    }

    fn chunked(&mut self, body: &mut Vec<u8>) -> Result<(), Error> {
        // Each round consumes at least one line, so the count bounds the work
        // together with MAX_BODY; the deadline bounds the time.
        for _ in 0..=MAX_BODY {
            let line = self.line()?;
            let digits = line.split(';').next().unwrap_or("").trim();
            let size = u64::from_str_radix(digits, 16)
                .map_err(|_| Error::Protocol(format!("bad chunk size {:?}", shorten(&line))))?;
            if size == 0 {
                // Trailer lines until the empty one.
                for _ in 0..MAX_HEADERS {
                    if self.line()?.is_empty() {
                        return Ok(());
                    }
                }
                return Err(Error::Protocol("too many trailer lines".into()));
            }
            let room = (MAX_BODY - body.len()) as u64;
            if size > room {
                return Err(too_large());
            }
            self.body_bytes(size as usize, body)?;
            if !self.line()?.is_empty() {
                return Err(Error::Protocol("chunk longer than its announced size".into()));
            }
        }
        Err(Error::Protocol("too many chunks".into()))
    }
}

struct Head {
    length: Option<u64>,
    chunked: bool,
}

fn too_large() -> Error {
    Error::Protocol(format!("answer larger than {MAX_BODY} bytes"))
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

fn parse_status_line(line: &str) -> Result<u16, Error> {
    let mut parts = line.splitn(3, ' ');
    let version = parts.next().unwrap_or("");
    let code = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/1.") || code.len() != 3 {
        return Err(Error::Protocol(format!("not an HTTP answer: {:?}", shorten(line))));
    }
    code.parse::<u16>()
        .ok()
        .filter(|c| (100..600).contains(c))
        .ok_or_else(|| Error::Protocol(format!("bad status code {:?}", shorten(code))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// Serves one connection with `reply` (after reading the request head)
    /// and returns the address.
    fn one_shot(reply: &'static [u8]) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let _ = s.write_all(reply);
            // Keep the connection open a while: the client must not wait for EOF.
            std::thread::sleep(Duration::from_millis(1500));
        });
        addr
    }

    fn get(addr: SocketAddr) -> Result<Response, Error> {
        let req =
            Request { method: "GET", path: "/status", headers: &[("X-ZT1-Auth", "t")], body: b"", verify_peer: None };
        send(&[addr], &req, Duration::from_secs(1))
    }

    #[test]
    fn content_length_ends_the_body_on_a_kept_open_connection() {
        let start = Instant::now();
        let r = get(one_shot(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")).unwrap();
        assert_eq!((r.code, r.body.as_slice()), (200, &b"{}"[..]));
        assert!(start.elapsed() < Duration::from_millis(900), "waited for EOF");
    }

    #[test]
    fn interim_answers_are_skipped_and_chunks_joined() {
        let r = get(one_shot(
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[1\r\n1;x=y\r\n]\r\n0\r\n\r\n",
        ))
        .unwrap();
        assert_eq!(r.body, b"[1]");
    }

    #[test]
    fn hostile_sizes_are_errors_not_panics() {
        for reply in [
            &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nab\r\n"[..],
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1ffffffffffffffff\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: 18446744073709551615\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\nContent-Length: 11\r\n\r\n",
            b"HTTP/1.1 2000 OK\r\n\r\n",
            b"garbage\r\n\r\n",
        ] {
            assert!(matches!(get(one_shot(reply)), Err(Error::Protocol(_))), "{}", String::from_utf8_lossy(reply));
        }
    }

    #[test]
    fn a_short_body_is_an_error_and_a_silent_peer_a_timeout() {
        assert!(matches!(get(one_shot(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}")), Err(Error::Timeout(_))));
        let start = Instant::now();
        assert!(matches!(get(one_shot(b"")), Err(Error::Timeout(_))));
        assert!(start.elapsed() < Duration::from_millis(1400));
    }

    #[test]
    fn header_injection_is_refused_before_connecting() {
        let req = Request {
            method: "GET",
            path: "/status",
            headers: &[("X-ZT1-Auth", "a\r\nX: y")],
            body: b"",
            verify_peer: None,
        };
        let unused = SocketAddr::from(([127, 0, 0, 1], 1));
        assert!(matches!(send(&[unused], &req, Duration::from_secs(1)), Err(Error::Request(_))));
        let req = Request { method: "GET", path: "/a b", headers: &[], body: b"", verify_peer: None };
        assert!(matches!(send(&[unused], &req, Duration::from_secs(1)), Err(Error::Request(_))));
    }

    #[test]
    fn a_peer_that_fails_the_check_gets_nothing() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = std::thread::spawn(move || {
            let (mut s, _) = listener.accept().unwrap();
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let mut got = Vec::new();
            let _ = s.read_to_end(&mut got);
            got
        });
        let refuse = |_: &TcpStream| Err("not the service".to_string());
        let req = Request {
            method: "GET",
            path: "/status",
            headers: &[("X-ZT1-Auth", "secret")],
            body: b"",
            verify_peer: Some(&refuse),
        };
        assert!(
            matches!(send(&[addr], &req, Duration::from_secs(2)), Err(Error::Untrusted(why)) if why == "not the service")
        );
        assert!(seen.join().unwrap().is_empty(), "bytes were sent to an untrusted peer");
    }

    #[test]
    fn nobody_listening_is_refused() {
        let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
        assert!(matches!(get(closed), Err(Error::Refused(_))));
    }
}
