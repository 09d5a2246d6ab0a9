//! The pkg-config packages a GTK backend needs, with the distribution packages
//! that provide them (plan.rs decides which are needed, hints.rs names them
//! when they are missing).

/// One pkg-config dependency, with the distribution packages that provide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PkgRequirement {
    /// Accepted pkg-config names, preferred first, each with the C define that
    /// tells the sources which one was found (empty for none).
    pub alternatives: &'static [(&'static str, &'static str)],
    /// Oldest accepted version.
    pub min_version: &'static str,
    /// Development packages, for the error message.
    pub debian: &'static str,
    pub fedora: &'static str,
    pub arch: &'static str,
    /// Linked; false for headers alone (code that loads the library at run time).
    pub link: bool,
}

/// GTK 3, which both GTK backends build on.
pub const GTK3: PkgRequirement = PkgRequirement {
    alternatives: &[("gtk+-3.0", "")],
    min_version: "3.22", // GdkMonitor (libui's full screen without a window manager)
    debian: "libgtk-3-dev",
    fedora: "gtk3-devel",
    arch: "gtk3",
    link: true,
};

/// GTK 3's headers without linking it: the tray's XEmbed fallback loads GTK at run
/// time, so a tray that a panel shows never maps it.
pub const GTK3_HEADERS: PkgRequirement = PkgRequirement { link: false, ..GTK3 };

/// GIO: GDBus (the tray's StatusNotifierItem and menu) and GObject under it.
pub const GIO: PkgRequirement = PkgRequirement {
    alternatives: &[("gio-2.0", "")],
    min_version: "2.56",
    debian: "libglib2.0-dev",
    fedora: "glib2-devel",
    arch: "glib2",
    link: true,
};

/// GModule: loading a library at run time, the same way on every GLib platform.
pub const GMODULE: PkgRequirement = PkgRequirement { alternatives: &[("gmodule-2.0", "")], ..GIO };

/// gdk-pixbuf: reading icon files and writing PNG, without a display.
pub const GDK_PIXBUF: PkgRequirement = PkgRequirement {
    alternatives: &[("gdk-pixbuf-2.0", "")],
    min_version: "2.36",
    debian: "libgdk-pixbuf-2.0-dev",
    fedora: "gdk-pixbuf2-devel",
    arch: "gdk-pixbuf2",
    link: true,
};
