//! Who may read a file, from its DACL: the Windows half of the "token readable by other users"
//! warning (Unix reads the mode bits instead).  The check is over a security descriptor in
//! memory, so tests can hand it descriptors written in SDDL; Wine keeps no file DACLs of its
//! own but synthesises one from the Unix mode, which the tests use too.

use std::ffi::c_void;
use std::io;
use std::path::Path;

use windows_sys::Win32::Foundation::{CloseHandle, LocalFree, HANDLE};
use windows_sys::Win32::Security::Authorization::ConvertSidToStringSidW;
use windows_sys::Win32::Security::{
    EqualSid, GetAce, GetFileSecurityW, GetLengthSid, GetSecurityDescriptorDacl, GetTokenInformation, IsValidSid,
    IsWellKnownSid, LookupAccountSidW, TokenUser, WinBuiltinAdministratorsSid, WinLocalSystemSid, ACE_HEADER, ACL,
    DACL_SECURITY_INFORMATION, PSECURITY_DESCRIPTOR, PSID, TOKEN_QUERY, TOKEN_USER,
};
use windows_sys::Win32::System::Threading::{
    GetCurrentProcess, OpenProcess, OpenProcessToken, PROCESS_QUERY_LIMITED_INFORMATION,
};

use super::wide;

// ACE types and rights, from winnt.h; declared here rather than pulling in two more windows-sys
// feature groups for four numbers.
const ACE_ALLOWED: u8 = 0;
const ACE_DENIED: u8 = 1;
const ACE_INHERIT_ONLY: u8 = 0x08;
const FILE_READ_DATA: u32 = 0x0001;
const GENERIC_ALL: u32 = 0x1000_0000;
const GENERIC_READ: u32 = 0x8000_0000;
const READS: u32 = FILE_READ_DATA | GENERIC_ALL | GENERIC_READ;

/// An allowed or denied ACE: the header, the mask, then the SID in place.
#[repr(C)]
struct Ace {
    header: ACE_HEADER,
    mask: u32,
    sid_start: u32,
}

/// The SID of the account running this process, copied out of its token.
pub struct UserSid(Vec<u64>);

impl UserSid {
    pub fn current() -> io::Result<UserSid> {
        // SAFETY: the pseudo-handle of this process needs no closing.
        unsafe { UserSid::of_process_handle(GetCurrentProcess()) }
    }

    /// The account process `pid` runs as (its token's user).
    pub fn of_process(pid: u32) -> io::Result<UserSid> {
        // SAFETY: the handle is checked, used once and closed.
        unsafe {
            let process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
            if process.is_null() {
                return Err(io::Error::last_os_error());
            }
            let sid = UserSid::of_process_handle(process);
            CloseHandle(process);
            sid
        }
    }

    /// SAFETY: `process` is a valid process handle with query access.
    unsafe fn of_process_handle(process: HANDLE) -> io::Result<UserSid> {
        // SAFETY: the token handle is closed on every path; the buffer is 8-aligned and its size
        // is passed; the SID is copied out before the buffer goes away.
        unsafe {
            let mut token: HANDLE = std::ptr::null_mut();
            if OpenProcessToken(process, TOKEN_QUERY, &mut token) == 0 {
                return Err(io::Error::last_os_error());
            }
            let mut buf = vec![0u64; 64];
            let mut needed = 0;
            let ok = GetTokenInformation(token, TokenUser, buf.as_mut_ptr().cast(), 512, &mut needed);
            let err = io::Error::last_os_error();
            CloseHandle(token);
            if ok == 0 {
                return Err(err);
            }
            let sid = (*(buf.as_ptr() as *const TOKEN_USER)).User.Sid;
            let len = GetLengthSid(sid) as usize;
            let mut copy = vec![0u64; len.div_ceil(8)];
            std::ptr::copy_nonoverlapping(sid as *const u8, copy.as_mut_ptr().cast::<u8>(), len);
            Ok(UserSid(copy))
        }
    }

    fn psid(&self) -> PSID {
        self.0.as_ptr() as PSID
    }

    /// "S-1-5-21-…", as SDDL and icacls write it.
    pub fn to_sddl(&self) -> io::Result<String> {
        // SAFETY: a valid SID; the LocalAlloc'd string is freed after copying.
        unsafe {
            let mut text: *mut u16 = std::ptr::null_mut();
            if ConvertSidToStringSidW(self.psid(), &mut text) == 0 {
                return Err(io::Error::last_os_error());
            }
            let s = from_wide_ptr(text, 256);
            LocalFree(text.cast());
            Ok(s)
        }
    }
}

/// SAFETY: `p` points at a NUL-terminated UTF-16 string, read up to `max` units.
unsafe fn from_wide_ptr(p: *const u16, max: usize) -> String {
    let len = (0..max).take_while(|&i| *p.add(i) != 0).count();
    String::from_utf16_lossy(std::slice::from_raw_parts(p, len))
}

/// A security descriptor owned by this process.
pub struct Descriptor(Vec<u64>);

impl Descriptor {
    /// The file's DACL, as the system reports it.
    pub fn of_file(path: &Path) -> io::Result<Descriptor> {
        let name = wide(path);
        let mut buf = vec![0u64; 128];
        loop {
            let mut needed = 0;
            let len = (buf.len() * 8) as u32;
            // SAFETY: the buffer's byte size is passed; on ERROR_INSUFFICIENT_BUFFER it grows.
            let ok = unsafe {
                GetFileSecurityW(name.as_ptr(), DACL_SECURITY_INFORMATION, buf.as_mut_ptr().cast(), len, &mut needed)
            };
            if ok != 0 {
                return Ok(Descriptor(buf));
            }
            if needed <= len {
                return Err(io::Error::last_os_error());
            }
            buf = vec![0u64; (needed as usize).div_ceil(8)];
        }
    }

    /// A self-relative descriptor with this DACL (`None`: no DACL at all), for tests.  Built
    /// with the ACL functions rather than from SDDL: the SDDL-built version of the test ended
    /// its thread with a page fault in std's output capture under arm64 Wine 8 (arm64-run),
    /// although every answer was right; built this way it does not.
    #[cfg(test)]
    pub fn with_dacl(aces: Option<&[(bool, u8, u32, PSID)]>) -> Descriptor {
        use windows_sys::Win32::Security::{
            AddAccessAllowedAceEx, AddAccessDeniedAceEx, InitializeAcl, InitializeSecurityDescriptor,
            MakeSelfRelativeSD, SetSecurityDescriptorDacl, ACL_REVISION,
        };
        let (mut acl, mut absolute, mut out) = ([0u64; 128], [0u64; 8], vec![0u64; 160]);
        // SAFETY: every buffer is 8-aligned and its byte size is what is passed; the SIDs are
        // valid for the call; the result is self-relative, so it owns copies of everything.
        unsafe {
            let acl_ptr: *mut ACL = acl.as_mut_ptr().cast();
            assert_ne!(InitializeAcl(acl_ptr, 1024, ACL_REVISION), 0);
            for &(allow, flags, mask, sid) in aces.unwrap_or_default() {
                let added = if allow {
                    AddAccessAllowedAceEx(acl_ptr, ACL_REVISION, flags.into(), mask, sid)
                } else {
                    AddAccessDeniedAceEx(acl_ptr, ACL_REVISION, flags.into(), mask, sid)
                };
                assert_ne!(added, 0);
            }
            let sd: PSECURITY_DESCRIPTOR = absolute.as_mut_ptr().cast();
            assert_ne!(InitializeSecurityDescriptor(sd, 1), 0);
            assert_ne!(SetSecurityDescriptorDacl(sd, aces.is_some().into(), acl_ptr, 0), 0);
            let mut len = (out.len() * 8) as u32;
            assert_ne!(MakeSelfRelativeSD(sd, out.as_mut_ptr().cast(), &mut len), 0);
        }
        Descriptor(out)
    }

    /// The accounts other than `me`, SYSTEM and the Administrators that the DACL lets read the
    /// object ("Everyone" for a missing DACL).  An account denied reading by an earlier ACE is
    /// left out, as Windows checks ACEs in order; group membership is not expanded.
    pub fn other_readers(&self, me: &UserSid) -> Vec<String> {
        let mut readers = Vec::new();
        let mut denied: Vec<PSID> = Vec::new();
        // SAFETY: the descriptor is a valid self-relative one (made by the system above); ACEs
        // are read through GetAce, which bounds-checks the index, and only allowed/denied ACEs,
        // whose layout is Ace's, are cast.
        unsafe {
            let (mut present, mut defaulted) = (0, 0);
            let mut dacl: *mut ACL = std::ptr::null_mut();
            if GetSecurityDescriptorDacl(
                self.0.as_ptr() as PSECURITY_DESCRIPTOR,
                &mut present,
                &mut dacl,
                &mut defaulted,
            ) == 0
            {
                return vec!["(unreadable security descriptor)".into()];
            }
            if present == 0 || dacl.is_null() {
                return vec!["Everyone".into()];
            }
            for i in 0..u32::from((*dacl).AceCount) {
                let mut ace: *mut c_void = std::ptr::null_mut();
                if GetAce(dacl, i, &mut ace) == 0 {
                    break;
                }
                let ace = &*(ace as *const Ace);
                let kind = ace.header.AceType;
                if (kind != ACE_ALLOWED && kind != ACE_DENIED)
                    || ace.header.AceFlags & ACE_INHERIT_ONLY != 0
                    || ace.mask & READS == 0
                {
                    continue;
                }
                let sid = &ace.sid_start as *const u32 as PSID;
                if IsValidSid(sid) == 0 {
                    continue;
                }
                if kind == ACE_DENIED {
                    denied.push(sid);
                    continue;
                }
                let trusted = EqualSid(sid, me.psid()) != 0
                    || IsWellKnownSid(sid, WinLocalSystemSid) != 0
                    || IsWellKnownSid(sid, WinBuiltinAdministratorsSid) != 0;
                if !trusted && !denied.iter().any(|&d| EqualSid(d, sid) != 0) {
                    readers.push(account_name(sid));
                }
            }
        }
        readers
    }
}

/// "DOMAIN\name", or the SID string when the account cannot be looked up.
///
/// SAFETY: `sid` is a valid SID.
unsafe fn account_name(sid: PSID) -> String {
    let (mut name, mut domain) = ([0u16; 256], [0u16; 256]);
    let (mut name_len, mut domain_len, mut use_) = (256u32, 256u32, 0);
    let found = LookupAccountSidW(
        std::ptr::null(),
        sid,
        name.as_mut_ptr(),
        &mut name_len,
        domain.as_mut_ptr(),
        &mut domain_len,
        &mut use_,
    ) != 0;
    if found {
        let (name, domain) = (from_wide_ptr(name.as_ptr(), 256), from_wide_ptr(domain.as_ptr(), 256));
        return if domain.is_empty() { name } else { format!("{domain}\\{name}") };
    }
    let mut text: *mut u16 = std::ptr::null_mut();
    if ConvertSidToStringSidW(sid, &mut text) == 0 {
        return "(unknown account)".into();
    }
    let s = from_wide_ptr(text, 256);
    LocalFree(text.cast());
    s
}

/// The warning for the status text when accounts other than this user (and SYSTEM and the
/// Administrators, who can read every file anyway) may read the token file.
pub fn token_exposure(path: &Path) -> Option<String> {
    let me = UserSid::current().ok()?;
    let readers = Descriptor::of_file(path).ok()?.other_readers(&me);
    if readers.is_empty() {
        return None;
    }
    Some(format!(
        "Other users can read the token file ({}); run: icacls \"{}\" /inheritance:r /grant:r \"%USERNAME%:F\"",
        readers.join(", "),
        path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    use windows_sys::Win32::Security::{CreateWellKnownSid, WinBuiltinUsersSid, WinWorldSid, WELL_KNOWN_SID_TYPE};

    const FILE_ALL: u32 = 0x1F_01FF;
    const FILE_READ: u32 = 0x12_0089;
    const FILE_WRITE: u32 = 0x12_0116;

    /// A well-known SID, in a buffer that outlives the descriptor built from it.
    fn well_known(kind: WELL_KNOWN_SID_TYPE) -> Vec<u64> {
        let (mut sid, mut len) = (vec![0u64; 9], 72);
        // SAFETY: the buffer holds `len` bytes, enough for any SID.
        assert_ne!(unsafe { CreateWellKnownSid(kind, std::ptr::null_mut(), sid.as_mut_ptr().cast(), &mut len) }, 0);
        sid
    }

    #[test]
    fn only_foreign_readers_count() {
        let me = UserSid::current().unwrap();
        let [system, admins, world, users] =
            [WinLocalSystemSid, WinBuiltinAdministratorsSid, WinWorldSid, WinBuiltinUsersSid].map(well_known);
        let sid = |v: &Vec<u64>| v.as_ptr() as PSID;
        let (mine, everyone) = (me.psid(), sid(&world));
        let readers = |aces: Option<&[(bool, u8, u32, PSID)]>| Descriptor::with_dacl(aces).other_readers(&me);
        assert!(readers(Some(&[(true, 0, FILE_ALL, mine)])).is_empty(), "the user alone");
        let trusted = [(true, 0, FILE_ALL, sid(&system)), (true, 0, FILE_ALL, sid(&admins)), (true, 0, FILE_ALL, mine)];
        assert!(readers(Some(&trusted)).is_empty(), "plus SYSTEM and Administrators");
        assert_eq!(readers(Some(&[(true, 0, FILE_ALL, mine), (true, 0, FILE_READ, everyone)])).len(), 1, "Everyone");
        assert_eq!(readers(Some(&[(true, 0, GENERIC_READ, sid(&users))])).len(), 1, "Users may read");
        assert_eq!(readers(None).len(), 1, "a missing DACL lets everyone in");
        assert!(readers(Some(&[])).is_empty(), "an empty DACL lets no one in");
        assert!(readers(Some(&[(true, 0, FILE_WRITE, everyone)])).is_empty(), "writing is not reading");
        assert!(
            readers(Some(&[(false, 0, FILE_READ, everyone), (true, 0, FILE_READ, everyone)])).is_empty(),
            "denied first"
        );
        assert!(
            readers(Some(&[(true, ACE_INHERIT_ONLY, FILE_READ, everyone)])).is_empty(),
            "inherit-only ACEs do not apply"
        );
    }

    #[test]
    fn a_file_with_a_world_readable_mode_is_flagged() {
        // Wine derives a file's DACL from its Unix mode, and creates files 0644 under the usual
        // umask; real Windows gives a file in %TEMP% the user's inherited ACL.  Either way the
        // verdict must agree with the DACL the system reports for that file.
        let path = std::env::temp_dir().join(format!("zt-ui-acl-probe-{}", std::process::id()));
        std::fs::write(&path, "secret").unwrap();
        let me = UserSid::current().unwrap();
        let from_system = Descriptor::of_file(&path).unwrap().other_readers(&me);
        let warning = token_exposure(&path);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(warning.is_some(), !from_system.is_empty(), "{warning:?} vs {from_system:?}");
        assert!(warning.is_some() || !super::super::under_wine(), "Wine gives a 0644 file an Everyone:read ACE");
        if let Some(w) = warning {
            assert!(w.contains("icacls") && w.contains(&from_system[0]), "{w}");
        }
    }
}
