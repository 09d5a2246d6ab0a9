//! What vendor/libui needs from each platform.

use zt_native_build::package::GTK3;
use zt_native_build::plan::Library;

/// The names of the C API (ui.h, and our additions in ui_extras.h), for bindgen's allowlist.
pub const API: &str = "uix?[A-Z].*";

pub const LIBRARY: Library = Library {
    name: "ui",
    // Sorted; unused import libraries add nothing to the exe.
    windows_libs: &["comctl32", "gdi32", "ole32", "user32", "uxtheme"],
    unix_packages: &[GTK3],
};
