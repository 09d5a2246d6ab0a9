//! Who listens on the service's port: the TCP table gives the owning
//! process of each listening endpoint, the service manager gives the ZeroTier
//! One service's process, and the process token gives the account.
//!
//! Wine 8 lists listeners with an owning process id of 0 (checked here), so
//! under Wine the peer is checked the way Linux does it, through the kernel's
//! socket tables as Wine shows them on drive Z:.

use std::io;
use std::net::TcpStream;
use std::path::PathBuf;

use windows_sys::Win32::Foundation::{ERROR_INSUFFICIENT_BUFFER, NO_ERROR};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    GetExtendedTcpTable, MIB_TCP6ROW_OWNER_PID, MIB_TCPROW_OWNER_PID, TCP_TABLE_OWNER_PID_LISTENER,
};
use windows_sys::Win32::Networking::WinSock::{AF_INET, AF_INET6};
use windows_sys::Win32::System::Services::{
    CloseServiceHandle, OpenSCManagerW, OpenServiceW, QueryServiceStatusEx, SC_MANAGER_CONNECT, SC_STATUS_PROCESS_INFO,
    SERVICE_QUERY_STATUS, SERVICE_STATUS_PROCESS,
};

use super::{wide, UserSid};

/// The name ZeroTier One's installer registers its service under.
pub const SERVICE_NAME: &str = "ZeroTierOneService";
/// The LocalSystem account, which the service runs as.
const LOCAL_SYSTEM: &str = "S-1-5-18";

/// The processes listening on `port` (IPv4 and IPv6), from the TCP tables.
pub fn listener_pids(port: u16) -> io::Result<Vec<u32>> {
    let mut pids = Vec::new();
    // SAFETY: each row type matches the address family asked for (see `table`).
    unsafe {
        for row in table::<MIB_TCPROW_OWNER_PID>(AF_INET.into())? {
            if u16::from_be(row.dwLocalPort as u16) == port {
                pids.push(row.dwOwningPid);
            }
        }
        for row in table::<MIB_TCP6ROW_OWNER_PID>(AF_INET6.into())? {
            if u16::from_be(row.dwLocalPort as u16) == port {
                pids.push(row.dwOwningPid);
            }
        }
    }
    pids.sort_unstable();
    pids.dedup();
    Ok(pids)
}

/// The listener rows of one family's table.
///
/// SAFETY: `Row` must be the row type of `family`'s owner-PID table.
unsafe fn table<Row: Copy>(family: u32) -> io::Result<Vec<Row>> {
    let mut size = 0u32;
    // The table can grow between asking for its size and reading it: retry a few times.
    for _ in 0..4 {
        let mut buf = vec![0u64; (size as usize).div_ceil(8).max(1)];
        let mut have = (buf.len() * 8) as u32;
        let code = unsafe {
            GetExtendedTcpTable(buf.as_mut_ptr().cast(), &mut have, 0, family, TCP_TABLE_OWNER_PID_LISTENER, 0)
        };
        if code == ERROR_INSUFFICIENT_BUFFER {
            size = have.max(size + 64);
            continue;
        }
        if code != NO_ERROR {
            return Err(io::Error::other(format!("GetExtendedTcpTable failed (error {code})")));
        }
        // Layout: a u32 count, then the rows at their natural alignment.
        let count = buf[0] as u32 as usize;
        let offset = std::mem::align_of::<Row>().max(4);
        let room = (have as usize).saturating_sub(offset) / std::mem::size_of::<Row>();
        let rows = unsafe { (buf.as_ptr() as *const u8).add(offset) as *const Row };
        return Ok((0..count.min(room)).map(|i| unsafe { *rows.add(i) }).collect());
    }
    Err(io::Error::other("the TCP table kept growing"))
}

/// The ZeroTier One service's process id while it runs.
pub fn service_pid() -> Option<u32> {
    let name = wide(SERVICE_NAME);
    // SAFETY: handles are checked and closed; the status buffer is the struct the level fills.
    unsafe {
        let manager = OpenSCManagerW(std::ptr::null(), std::ptr::null(), SC_MANAGER_CONNECT);
        if manager.is_null() {
            return None;
        }
        let service = OpenServiceW(manager, name.as_ptr(), SERVICE_QUERY_STATUS);
        let mut pid = None;
        if !service.is_null() {
            let mut status: SERVICE_STATUS_PROCESS = std::mem::zeroed();
            let mut needed = 0;
            let size = std::mem::size_of::<SERVICE_STATUS_PROCESS>() as u32;
            let ok = QueryServiceStatusEx(
                service,
                SC_STATUS_PROCESS_INFO,
                (&mut status as *mut SERVICE_STATUS_PROCESS).cast(),
                size,
                &mut needed,
            );
            if ok != 0 && status.dwProcessId != 0 {
                pid = Some(status.dwProcessId);
            }
            CloseServiceHandle(service);
        }
        CloseServiceHandle(manager);
        pid
    }
}

/// What is known about one listening process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub pid: u32,
    /// Its account as "S-1-…", when its token could be read.
    pub account: Option<String>,
}

/// The rule: the service's own process, anything running as LocalSystem, or
/// this user's own processes (which can read this user's token copy anyway).
pub fn judge(owner: &Owner, service_pid: Option<u32>, me: &str) -> Result<(), String> {
    if service_pid == Some(owner.pid) {
        return Ok(());
    }
    match owner.account.as_deref() {
        Some(LOCAL_SYSTEM) => Ok(()),
        Some(account) if account == me => Ok(()),
        Some(account) => Err(format!("process {} (account {account}) holds the port, not the service", owner.pid)),
        None => Err(format!("process {} holds the port and is not the {SERVICE_NAME} service", owner.pid)),
    }
}

/// Ok when every listener on the peer's port passes [`judge`].
pub fn check_service_peer(stream: &TcpStream, _homes: &[PathBuf]) -> Result<(), String> {
    if super::under_wine() {
        return check_under_wine(stream);
    }
    let port = stream.peer_addr().map_err(|e| format!("cannot tell who listens ({e})"))?.port();
    let pids = listener_pids(port).map_err(|e| format!("cannot tell who listens on port {port}: {e}"))?;
    if pids.is_empty() {
        return Err(format!("the system lists no listener on port {port}"));
    }
    let me = UserSid::current().and_then(|s| s.to_sddl()).map_err(|e| format!("cannot read this user's SID: {e}"))?;
    let service = service_pid();
    for pid in pids {
        let account = UserSid::of_process(pid).and_then(|s| s.to_sddl()).ok();
        judge(&Owner { pid, account }, service, &me)?;
    }
    Ok(())
}

/// Wine runs every Windows process as the Unix user that started it: the
/// peer must be that user or root, as the kernel's table says.
fn check_under_wine(stream: &TcpStream) -> Result<(), String> {
    use crate::platform::proc_net;
    let proc = std::path::Path::new("Z:\\proc");
    let (ours, theirs) = match (stream.local_addr(), stream.peer_addr()) {
        (Ok(o), Ok(t)) => (o, t),
        (Err(e), _) | (_, Err(e)) => return Err(format!("cannot tell who listens ({e})")),
    };
    let me = proc_net::own_uid(proc).map_err(|e| format!("cannot tell which Unix user Wine runs as: {e}"))?;
    match proc_net::socket_uid(proc, theirs, ours) {
        Ok(Some(uid)) if uid == 0 || uid == me => Ok(()),
        Ok(Some(uid)) => Err(format!("port {} is held by Unix uid {uid}, not by the service", theirs.port())),
        Ok(None) => Err(format!("the kernel lists no listener for the connection to port {}", theirs.port())),
        Err(e) => Err(format!("cannot tell who listens on port {}: {e}", theirs.port())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    const ME: &str = "S-1-5-21-1-2-3-1001";

    #[test]
    fn only_the_service_system_or_this_user_may_listen() {
        let other = Owner { pid: 40, account: Some("S-1-5-21-1-2-3-1002".into()) };
        assert!(judge(&other, Some(7), ME).unwrap_err().contains("process 40"));
        assert_eq!(judge(&other, Some(40), ME), Ok(()), "the service's own process");
        assert_eq!(judge(&Owner { pid: 40, account: Some(LOCAL_SYSTEM.into()) }, None, ME), Ok(()));
        assert_eq!(judge(&Owner { pid: 40, account: Some(ME.into()) }, None, ME), Ok(()));
        let unknown = Owner { pid: 41, account: None };
        assert!(judge(&unknown, None, ME).unwrap_err().contains(SERVICE_NAME));
    }

    #[test]
    fn a_listener_is_attributed_to_its_process() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        // Wine lists the listener but not its process.
        let owner = if super::super::under_wine() { 0 } else { std::process::id() };
        assert_eq!(listener_pids(port).unwrap(), [owner]);
        let client = TcpStream::connect(("127.0.0.1", port)).unwrap();
        assert_eq!(check_service_peer(&client, &[]), Ok(()));
        drop(listener);
        assert!(listener_pids(port).unwrap().is_empty());
    }

    /// Run as a child by the test below: listens, prints the port, waits for stdin to close.
    #[test]
    #[ignore = "helper process for another test"]
    fn listener_child() {
        if std::env::var_os("ZT_TEST_LISTENER_CHILD").is_none() {
            return;
        }
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        println!("port={}", listener.local_addr().unwrap().port());
        let _ = io::Read::read(&mut io::stdin(), &mut [0u8; 1]);
    }

    #[test]
    fn a_listener_in_another_process_is_that_process_s_and_not_the_service() {
        use std::io::BufRead;
        use std::process::{Command, Stdio};
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--ignored", "--exact", "--nocapture", "platform::windows::port_owner::tests::listener_child"])
            .env("ZT_TEST_LISTENER_CHILD", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = io::BufReader::new(child.stdout.take().unwrap()).lines();
        let port: u16 = lines
            .find_map(|l| l.ok()?.strip_prefix("port=").map(|p| p.trim().parse().unwrap()))
            .expect("the child reports its port");
        let pids = listener_pids(port).unwrap();
        drop(child.stdin.take());
        let _ = child.wait();
        let owner = if super::super::under_wine() { 0 } else { child.id() };
        assert_eq!(pids, [owner], "the listener belongs to the child, not to this process");
        // No ZeroTier One service runs on a test machine (or in Wine): a process
        // that is neither it nor LocalSystem nor this user is refused.
        assert_eq!(service_pid(), None);
        let owner = Owner { pid: pids[0], account: Some("S-1-5-21-9-9-9-1234".into()) };
        assert!(judge(&owner, service_pid(), ME).is_err());
    }
}
