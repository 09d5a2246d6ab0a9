//! What vendor/tray needs from each platform.

use zt_native_build::package::GTK3;
use zt_native_build::plan::Library;

/// The names of the C API, for bindgen's allowlist.
pub const API: &str = "tray(_.*)?|TRAY_.*";

pub const LIBRARY: Library = Library {
    name: "tray",
    // Sorted; unused import libraries add nothing to the exe.
    windows_libs: &["gdi32", "shell32", "user32"],
    // GTK 3 brings GIO (the D-Bus item and menu) and gdk-pixbuf; GTK itself only runs
    // the XEmbed fallback.
    unix_packages: &[GTK3],
};
