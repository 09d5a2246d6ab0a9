//! Who is on the other end of a loopback connection to the service's port,
//! by the uid the kernel lists for the accepted end (see `proc_net`), and
//! which accounts may be: root, the service's account, this user.

use std::net::TcpStream;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::platform::proc_net::{own_uid, socket_uid};

/// The accounts allowed to receive the token: root, the owner of a service
/// home or its token file (a service run under its own account), and this
/// process's own user, who can read every token file this app can.
pub fn trusted_uids(homes: &[PathBuf]) -> Vec<u32> {
    let mut uids = vec![0];
    uids.extend(own_uid(Path::new("/proc")).ok());
    for home in homes {
        for path in [home.clone(), home.join(crate::discovery::HOME_TOKEN)] {
            if let Ok(meta) = std::fs::metadata(&path) {
                uids.push(meta.uid());
            }
        }
    }
    uids.sort_unstable();
    uids.dedup();
    uids
}

/// Ok when the peer of `stream` runs as a trusted account; otherwise who it is.
pub fn check_service_peer(stream: &TcpStream, homes: &[PathBuf]) -> Result<(), String> {
    let (ours, theirs) = match (stream.local_addr(), stream.peer_addr()) {
        (Ok(o), Ok(t)) => (o, t),
        (Err(e), _) | (_, Err(e)) => return Err(format!("cannot tell who listens ({e})")),
    };
    match socket_uid(Path::new("/proc"), theirs, ours) {
        Ok(Some(uid)) if trusted_uids(homes).contains(&uid) => Ok(()),
        Ok(Some(uid)) => Err(format!("port {} is held by {}, not by the service", theirs.port(), account(uid))),
        Ok(None) => Err(format!("the kernel lists no listener for the connection to port {}", theirs.port())),
        Err(e) => Err(format!("cannot tell who listens on port {}: {e}", theirs.port())),
    }
}

/// `user nobody (uid 65534)`, or the bare uid when it has no name.
fn account(uid: u32) -> String {
    let name = std::fs::read_to_string("/etc/passwd").ok().and_then(|text| {
        text.lines().find_map(|l| {
            let mut f = l.split(':');
            let name = f.next()?;
            (f.nth(1)? == uid.to_string()).then(|| crate::text::clean(name, 32))
        })
    });
    match name {
        Some(name) => format!("user {name} (uid {uid})"),
        None => format!("uid {uid}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn a_listener_of_our_own_is_found_and_trusted() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let found = socket_uid(Path::new("/proc"), client.peer_addr().unwrap(), client.local_addr().unwrap()).unwrap();
        assert_eq!(found, Some(own_uid(Path::new("/proc")).unwrap()));
        assert_eq!(check_service_peer(&client, &[]), Ok(()));
    }

    #[test]
    fn root_and_the_home_owner_are_trusted() {
        let uids = trusted_uids(&[PathBuf::from("/nonexistent-zt-home")]);
        assert!(uids.contains(&0) && uids.contains(&own_uid(Path::new("/proc")).unwrap()));
        let home = std::env::temp_dir();
        let owner = std::fs::metadata(&home).unwrap().uid();
        assert!(trusted_uids(&[home]).contains(&owner));
    }
}
