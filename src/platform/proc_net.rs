//! The Linux kernel's TCP socket tables (`/proc/net/tcp`, `/proc/net/tcp6`):
//! each socket with its addresses and the uid that created it.  A connection
//! accepted by a listener carries the listener's uid, so looking up the
//! accepted end of *our* connection (not the listener before connecting)
//! names who will read what we send, with no window between check and send.
//! Windows builds use it too when they run under Wine, whose TCP table has
//! no owning processes.

use std::io::{self, BufRead};
use std::net::{IpAddr, SocketAddr};
use std::path::Path;

/// The uid of the socket at `local` connected to `remote`, from the kernel's
/// tables; `Ok(None)` when no such socket is listed (it closed meanwhile).
/// `proc` is where procfs is mounted as this process sees it (`/proc`, or
/// `Z:\\proc` for a Windows program under Wine).
pub fn socket_uid(proc: &Path, local: SocketAddr, remote: SocketAddr) -> io::Result<Option<u32>> {
    for name in ["tcp", "tcp6"] {
        let table = proc.join("net").join(name);
        let file = match std::fs::File::open(&table) {
            Ok(f) => f,
            // A kernel without IPv6 has no tcp6 table.
            Err(e) if e.kind() == io::ErrorKind::NotFound && name == "tcp6" => continue,
            Err(e) => return Err(io::Error::new(e.kind(), format!("cannot read {}: {e}", table.display()))),
        };
        for line in io::BufReader::new(file).lines().skip(1) {
            if let Some((l, r, uid)) = parse_row(&line?) {
                if same(l, local) && same(r, remote) {
                    return Ok(Some(uid));
                }
            }
        }
    }
    Ok(None)
}

/// One table row: local address, remote address, uid.
fn parse_row(line: &str) -> Option<(SocketAddr, SocketAddr, u32)> {
    let fields: Vec<&str> = line.split_whitespace().take(8).collect();
    if fields.len() < 8 {
        return None;
    }
    Some((parse_addr(fields[1])?, parse_addr(fields[2])?, fields[7].parse().ok()?))
}

/// `0100007F:270F` (IPv4) or 32 hex digits (IPv6): each 32-bit word of the
/// address is printed in the kernel's byte order, the port as a number.
fn parse_addr(text: &str) -> Option<SocketAddr> {
    let (addr, port) = text.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    let mut bytes = Vec::with_capacity(16);
    for i in (0..addr.len()).step_by(8) {
        let word = u32::from_str_radix(addr.get(i..i + 8)?, 16).ok()?;
        bytes.extend_from_slice(&word.to_ne_bytes());
    }
    let ip = match bytes.len() {
        4 => IpAddr::from(<[u8; 4]>::try_from(bytes).ok()?),
        16 => IpAddr::from(<[u8; 16]>::try_from(bytes).ok()?),
        _ => return None,
    };
    Some(SocketAddr::new(ip, port))
}

/// Equal addresses, counting `::ffff:127.0.0.1` (a dual-stack listener's
/// view of an IPv4 client) as `127.0.0.1`.
fn same(a: SocketAddr, b: SocketAddr) -> bool {
    let plain = |ip: IpAddr| match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    };
    a.port() == b.port() && plain(a.ip()) == plain(b.ip())
}

/// The effective uid of the process reading `proc/self/status`.
pub fn own_uid(proc: &Path) -> io::Result<u32> {
    let status = std::fs::read_to_string(proc.join("self").join("status"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:")?.split_whitespace().nth(1)?.parse().ok())
        .ok_or_else(|| io::Error::other("no Uid line in /proc/self/status"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr, TcpListener, TcpStream};

    #[test]
    fn table_rows_are_read_in_the_kernels_byte_order() {
        let v4 = "   0: 0100007F:2709 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  65534        0 1234 1";
        let (l, r, uid) = parse_row(v4).unwrap();
        assert_eq!(l, SocketAddr::from((Ipv4Addr::LOCALHOST, 9993)));
        assert_eq!(r.port(), 0x9c40);
        assert_eq!(uid, 65534);
        let v6 = "   1: 0000000000000000FFFF00000100007F:2709 00000000000000000000000001000000:1F40 0A 0 0 0 0 0";
        let (l, r, uid) = parse_row(v6).unwrap();
        assert!(same(l, SocketAddr::from((Ipv4Addr::LOCALHOST, 9993))), "{l}");
        assert_eq!(r, SocketAddr::from((Ipv6Addr::LOCALHOST, 8000)));
        assert_eq!(uid, 0);
        assert!(parse_row("sl local_address rem_address st").is_none());
        assert!(parse_row("0: zz:1 00:1 0A 0 0 0 0").is_none());
    }

    #[test]
    fn our_own_connection_is_found_with_our_uid() {
        let proc = if cfg!(windows) { Path::new("Z:\\proc") } else { Path::new("/proc") };
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let found = socket_uid(proc, client.peer_addr().unwrap(), client.local_addr().unwrap()).unwrap();
        assert_eq!(found, Some(own_uid(proc).unwrap()));
        let unknown = SocketAddr::from((Ipv4Addr::LOCALHOST, 1));
        assert_eq!(socket_uid(proc, unknown, unknown).unwrap(), None);
    }
}
