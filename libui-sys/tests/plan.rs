//! The build plan of vendor/libui for every supported target, decided
//! without running a compiler.

#[path = "../build/plan.rs"]
#[allow(dead_code)]
mod plan;

use std::path::Path;
use zt_native_build::compile::{source_folders, sources};
use zt_native_build::plan::{plan as make_plan, Backend};
use zt_native_build::Target;

const WINDOWS: &[&str] = &[
    "x86_64-pc-windows-msvc",
    "i686-pc-windows-msvc",
    "aarch64-pc-windows-msvc",
    "x86_64-pc-windows-gnu",
    "i686-pc-windows-gnu",
    "aarch64-pc-windows-gnullvm",
    "x86_64-pc-windows-gnullvm",
];
const UNIX: &[&str] = &[
    "x86_64-unknown-linux-gnu",
    "aarch64-unknown-linux-gnu",
    "x86_64-unknown-freebsd",
    "x86_64-unknown-netbsd",
    "x86_64-unknown-openbsd",
];

fn vendored() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../vendor/libui"))
}

#[test]
fn windows_targets_build_the_win32_backend() {
    for triple in WINDOWS {
        let target = Target::from_triple(triple, &["crt-static"]);
        let p = make_plan(&plan::LIBRARY, &target).unwrap();
        assert_eq!(p.backend, Backend::Windows, "{triple}");
        assert_eq!(p.source_dirs, ["common", "windows"], "{triple}");
        for lib in ["comctl32", "gdi32", "user32"] {
            assert!(p.system_libs.contains(&lib), "{triple} links {lib}");
        }
        assert!(p.packages.is_empty(), "{triple} needs no pkg-config");
        assert!(p.defines.contains(&("UNICODE", "")), "{triple}");
        assert_eq!(p.defines.contains(&("_CRT_SECURE_NO_WARNINGS", "")), target.is_msvc(), "{triple}");
        let files = sources(vendored(), &p);
        assert!(files.iter().any(|f| f.ends_with("windows/window.c")), "{triple}: {files:?}");
        assert_eq!(source_folders(&files), ["common", "windows"], "{triple}");
    }
}

#[test]
fn unix_targets_build_the_gtk_backend() {
    for triple in UNIX {
        let p = make_plan(&plan::LIBRARY, &Target::from_triple(triple, &[])).unwrap();
        assert_eq!(p.backend, Backend::Gtk, "{triple}");
        assert_eq!(p.source_dirs, ["common", "unix"], "{triple}");
        assert!(p.system_libs.is_empty(), "{triple}");
        assert_eq!(p.packages.len(), 1, "{triple}");
        assert_eq!(p.packages[0].alternatives[0].0, "gtk+-3.0");
        let files = sources(vendored(), &p);
        assert!(files.iter().any(|f| f.ends_with("unix/window.c")), "{triple}: {files:?}");
        assert_eq!(source_folders(&files), ["common", "unix"], "{triple}");
    }
}

#[test]
fn sources_are_sorted_and_include_common_code() {
    let p = make_plan(&plan::LIBRARY, &Target::from_triple("x86_64-unknown-linux-gnu", &[])).unwrap();
    let files = sources(vendored(), &p);
    let common: Vec<_> = files.iter().filter(|f| source_folders(&[f.to_path_buf()]) == ["common"]).collect();
    assert!(!common.is_empty());
    let mut sorted = common.clone();
    sorted.sort();
    assert_eq!(common, sorted);
}

#[test]
fn apple_targets_fail_early_with_one_message() {
    for triple in ["aarch64-apple-darwin", "x86_64-apple-darwin"] {
        let e = make_plan(&plan::LIBRARY, &Target::from_triple(triple, &[])).unwrap_err();
        assert!(e.contains("Cocoa") && e.contains(triple), "{e}");
    }
}
