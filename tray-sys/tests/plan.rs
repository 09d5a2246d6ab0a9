//! The build plan of vendor/tray for every supported target, decided
//! without running a compiler.

#[path = "../build/plan.rs"]
#[allow(dead_code)]
mod plan;

use std::path::Path;
use zt_native_build::compile::{source_folders, sources};
use zt_native_build::plan::{plan as make_plan, Backend};
use zt_native_build::Target;

fn vendored() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../vendor/tray"))
}

#[test]
fn windows_targets_use_shell_notify_icon() {
    for triple in [
        "x86_64-pc-windows-msvc",
        "i686-pc-windows-msvc",
        "aarch64-pc-windows-msvc",
        "x86_64-pc-windows-gnu",
        "i686-pc-windows-gnu",
        "aarch64-pc-windows-gnullvm",
        "x86_64-pc-windows-gnullvm",
    ] {
        let p = make_plan(&plan::LIBRARY, &Target::from_triple(triple, &["crt-static"])).unwrap();
        assert_eq!(p.backend, Backend::Windows, "{triple}");
        assert!(p.system_libs.contains(&"shell32") && p.system_libs.contains(&"user32"), "{triple}");
        assert!(p.packages.is_empty(), "{triple}");
        let files = sources(vendored(), &p);
        assert!(files.iter().any(|f| f.ends_with("windows/tray.c")), "{triple}: {files:?}");
        assert_eq!(source_folders(&files), ["common", "windows"], "{triple}");
    }
}

#[test]
fn unix_targets_link_gio_and_only_read_gtk_headers() {
    for triple in
        ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64-unknown-freebsd", "x86_64-unknown-openbsd"]
    {
        let p = make_plan(&plan::LIBRARY, &Target::from_triple(triple, &[])).unwrap();
        assert_eq!(p.backend, Backend::Gtk, "{triple}");
        // GIO (D-Bus), GModule and gdk-pixbuf are linked; GTK's headers are read but GTK is
        // loaded at run time by the XEmbed fallback alone. No AppIndicator library.
        let names: Vec<(&str, bool)> = p.packages.iter().map(|r| (r.alternatives[0].0, r.link)).collect();
        assert_eq!(
            names,
            [("gtk+-3.0", false), ("gio-2.0", true), ("gmodule-2.0", true), ("gdk-pixbuf-2.0", true)],
            "{triple}"
        );
        assert!(p.packages.iter().all(|r| r.alternatives.len() == 1), "{triple}");
        let files = sources(vendored(), &p);
        for file in ["unix/sni.c", "unix/dbusmenu.c", "unix/xembed.c", "unix/notify.c"] {
            assert!(files.iter().any(|f| f.ends_with(file)), "{triple}: {file} not in {files:?}");
        }
        assert_eq!(source_folders(&files), ["common", "unix"], "{triple}");
    }
}

#[test]
fn macos_fails_early() {
    let e = make_plan(&plan::LIBRARY, &Target::from_triple("aarch64-apple-darwin", &[])).unwrap_err();
    assert!(e.contains("Cocoa"), "{e}");
}
