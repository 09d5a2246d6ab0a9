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
}

/// GTK 3, which both GTK backends build on.
pub const GTK3: PkgRequirement = PkgRequirement {
    alternatives: &[("gtk+-3.0", "")],
    min_version: "3.22", // GdkMonitor (libui's full screen without a window manager)
    debian: "libgtk-3-dev",
    fedora: "gtk3-devel",
    arch: "gtk3",
};
