//! What vendor/tray needs from each platform.

use zt_native_build::package::{GDK_PIXBUF, GIO, GMODULE, GTK3_HEADERS};
use zt_native_build::plan::Library;

/// The names of the C API, for bindgen's allowlist.
pub const API: &str = "tray(_.*)?|TRAY_.*";

pub const LIBRARY: Library = Library {
    name: "tray",
    // Sorted; unused import libraries add nothing to the exe.
    windows_libs: &["gdi32", "shell32", "user32"],
    // GIO speaks D-Bus (the item and its menu), gdk-pixbuf reads icon files and writes
    // menu icons as PNG. GTK only runs the XEmbed fallback, which loads it through GModule
    // when it is first needed: its headers are used, its library is not linked.
    unix_packages: &[GTK3_HEADERS, GIO, GMODULE, GDK_PIXBUF],
};
