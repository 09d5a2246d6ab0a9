//! Windows builds of the app get their resources here: the application
//! manifest (Common Controls 6, PerMonitorV2 DPI awareness, UTF-8 code page,
//! Windows 10/11), the icon and version information.  They are written as a
//! COFF object (build-support's winres) and handed to the linker, so no
//! resource compiler is needed on any host.

use std::path::PathBuf;
use zt_native_build::{env, Target};
use zt_winres as winres;

#[path = "src/icon.rs"]
#[allow(dead_code)]
mod icon;

/// Icon sizes: tray (16-32 at 100-200 %), taskbar, Alt+Tab and Explorer.
const ICON_SIZES: [u32; 8] = [16, 20, 24, 32, 40, 48, 64, 256];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/app.manifest");
    println!("cargo:rerun-if-changed=src/icon.rs");
    let target = Target::from_env();
    // Shown in the About window.
    println!("cargo:rustc-env=ZT_BUILD_TARGET={}", target.triple);
    println!("cargo:rustc-env=ZT_SOURCE_URL={}", source_url());
    if target.is_windows() {
        embed_resources(&target);
    }
}

/// Where the About window points for the source code: `ZT_SOURCE_URL` when the builder sets it
/// (a packager's own fork or tarball), else the package's `repository`; empty when neither is set.
fn source_url() -> String {
    println!("cargo:rerun-if-env-changed=ZT_SOURCE_URL");
    let url = std::env::var("ZT_SOURCE_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| std::env::var("CARGO_PKG_REPOSITORY").unwrap_or_default());
    let web = url.starts_with("https://") || url.starts_with("http://");
    if !url.is_empty() && (!web || url.chars().any(|c| c.is_whitespace() || c.is_control())) {
        zt_native_build::fail(&format!("ZT_SOURCE_URL must be an http(s) address without spaces, not {url:?}"));
    }
    url
}

fn embed_resources(target: &Target) {
    let machine = winres::coff_machine(&target.arch)
        .unwrap_or_else(|| zt_native_build::fail(&format!("no COFF machine for {}", target.triple)));
    let version = package_version();
    let mut resources = vec![manifest(&version), winres::version_resource(&version_info(&version))];
    resources.extend(winres::icon_resources(&icon_images(), 1, 1));
    let object = winres::coff_object(&resources, machine);
    let path = resource_object_path(target);
    std::fs::write(&path, object)
        .unwrap_or_else(|e| zt_native_build::fail(&format!("cannot write {}: {e}", path.display())));
    // An object file on the link line is linked whole, resources included.
    println!("cargo:rustc-link-arg-bins={}", path.display());
    if target.is_msvc() {
        // link.exe would otherwise add a manifest of its own next to ours.
        println!("cargo:rustc-link-arg-bins=/MANIFEST:NO");
    }
}

/// major.minor.patch.0 from the package version (pre-release tags dropped).
fn package_version() -> [u16; 4] {
    let text = env::cargo_var("CARGO_PKG_VERSION");
    let mut parts = text.split(['.', '-', '+']).map(|p| p.parse::<u16>().unwrap_or(0));
    [parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0), 0]
}

fn manifest(version: &[u16; 4]) -> winres::Resource {
    let dotted = version.map(|v| v.to_string()).join(".");
    let text = include_str!("build/app.manifest").replace("@VERSION@", &dotted);
    // ID 1 is the manifest the loader applies to the process.
    winres::Resource { type_id: winres::RT_MANIFEST, name_id: 1, lang: winres::LANG_EN_US, data: text.into_bytes() }
}

fn version_info(version: &[u16; 4]) -> winres::VersionInfo {
    let dotted = version.map(|v| v.to_string()).join(".");
    let description = env::cargo_var("CARGO_PKG_DESCRIPTION");
    let strings = [
        ("CompanyName", "ZeroTier Desktop UI contributors"),
        ("FileDescription", description.as_str()),
        ("FileVersion", dotted.as_str()),
        ("InternalName", "zerotier_desktop_ui"),
        ("LegalCopyright", "Licensed under MPL-2.0"),
        ("OriginalFilename", "zerotier_desktop_ui.exe"),
        ("ProductName", "ZeroTier Desktop UI"),
        ("ProductVersion", dotted.as_str()),
    ];
    winres::VersionInfo {
        version: *version,
        strings: strings.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    }
}

fn icon_images() -> Vec<winres::IconImage> {
    ICON_SIZES
        .iter()
        .map(|&size| winres::IconImage { size, rgba: icon::render(size, icon::Look::Online, icon::Backdrop::Dark) })
        .collect()
}

fn resource_object_path(target: &Target) -> PathBuf {
    let name = if target.is_msvc() { "resources.obj" } else { "resources.o" };
    env::out_dir().join(name)
}
