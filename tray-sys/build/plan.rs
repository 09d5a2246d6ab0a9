//! What vendor/tray needs from each platform.

use zt_native_build::package::{PkgRequirement, GTK3};
use zt_native_build::plan::Library;

/// The names of the C API, for bindgen's allowlist.
pub const API: &str = "tray(_.*)?|TRAY_.*";

pub const LIBRARY: Library = Library {
    name: "tray",
    // Sorted; unused import libraries add nothing to the exe.
    windows_libs: &["gdi32", "shell32", "user32"],
    unix_packages: &[GTK3, APPINDICATOR],
};

/// Ayatana's fork first (current distributions), Canonical's original second.
pub const APPINDICATOR: PkgRequirement = PkgRequirement {
    alternatives: &[
        ("ayatana-appindicator3-0.1", "TRAY_AYATANA_APPINDICATOR"),
        ("appindicator3-0.1", "TRAY_LEGACY_APPINDICATOR"),
    ],
    min_version: "0.4",
    debian: "libayatana-appindicator3-dev",
    fedora: "libayatana-appindicator-gtk3-devel",
    arch: "libayatana-appindicator",
};
