use std::ffi::CStr;
use std::fmt;

use zt_tray_sys as sys;

/// Why a tray call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A string holds a NUL byte, which C cannot carry.
    InteriorNul(String),
    /// A menu entry's text is exactly "-", which the C library reads as a separator.
    ReservedText,
    /// The pixels do not match width × height × 4, a size is zero or too large,
    /// the path is not UTF-8, or the C library rejected the image.
    Icon,
    /// The menu is deeper than [`MAX_DEPTH`](crate::MAX_DEPTH) or has more than
    /// [`MAX_ITEMS`](crate::MAX_ITEMS) entries.
    Menu,
    /// Another tray is already shown (the C library holds one per process).
    AlreadyShown,
    /// The tray was closed.
    Closed,
    OutOfMemory,
    /// The platform refused: no display, no shell, no session bus.
    Platform,
    /// Called off the tray's thread: [`Tray::builder`](crate::Tray::builder)'s
    /// `build` on Linux and the BSDs off the process's main thread (GTK's).
    /// The C library also prints one line about it on stderr.
    WrongThread,
    /// A menu entry's accelerator is not one the C library understands
    /// (see [`MenuItem::accelerator`](crate::MenuItem::accelerator)).
    Accelerator,
    /// A code this crate does not know (a newer C library).
    Other(i32),
}

impl Error {
    pub(crate) fn from_code(code: i32) -> Error {
        match code {
            sys::TRAY_ERR_ICON => Error::Icon,
            sys::TRAY_ERR_MENU => Error::Menu,
            sys::TRAY_ERR_NOT_INIT => Error::Closed,
            sys::TRAY_ERR_ALREADY_INIT => Error::AlreadyShown,
            sys::TRAY_ERR_NOMEM => Error::OutOfMemory,
            sys::TRAY_ERR_PLATFORM => Error::Platform,
            sys::TRAY_ERR_THREAD => Error::WrongThread,
            sys::TRAY_ERR_ACCEL => Error::Accelerator,
            // NULL and invalid UTF-8 cannot come from this crate's inputs.
            other => Error::Other(other),
        }
    }

    /// `Ok` for the C library's success code, the matching error otherwise.
    pub(crate) fn check(code: i32) -> Result<(), Error> {
        if code == sys::TRAY_OK {
            Ok(())
        } else {
            Err(Error::from_code(code))
        }
    }

    fn code(&self) -> Option<i32> {
        Some(match self {
            Error::Icon => sys::TRAY_ERR_ICON,
            Error::Menu => sys::TRAY_ERR_MENU,
            Error::Closed => sys::TRAY_ERR_NOT_INIT,
            Error::AlreadyShown => sys::TRAY_ERR_ALREADY_INIT,
            Error::OutOfMemory => sys::TRAY_ERR_NOMEM,
            Error::Platform => sys::TRAY_ERR_PLATFORM,
            Error::WrongThread => sys::TRAY_ERR_THREAD,
            Error::Accelerator => sys::TRAY_ERR_ACCEL,
            Error::Other(code) => *code,
            Error::InteriorNul(_) | Error::ReservedText => return None,
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, self.code()) {
            (Error::InteriorNul(s), _) => write!(f, "text contains a NUL byte: {s:?}"),
            (Error::ReservedText, _) => f.write_str("a menu entry cannot be labelled \"-\" (that marks a separator)"),
            (_, Some(code)) => {
                // SAFETY: tray_strerror returns a static NUL-terminated string for any code.
                let text = unsafe { CStr::from_ptr(sys::tray_strerror(code)) };
                write!(f, "{} (tray error {code})", text.to_string_lossy())
            }
            (_, None) => unreachable!("every other variant has a code"),
        }
    }
}

impl std::error::Error for Error {}
