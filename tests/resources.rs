//! The built exe carries the manifest, icon and version resources that
//! build.rs embeds, and Windows itself (Wine in the test command) reads them.
#![cfg(windows)]

use std::ffi::c_void;
use std::os::windows::ffi::OsStrExt;
use zt_winres::{read_pe_resources, Resource, RT_GROUP_ICON, RT_ICON, RT_MANIFEST, RT_VERSION};

const EXE: &str = env!("CARGO_BIN_EXE_zerotier_desktop_ui");

fn resources() -> Vec<Resource> {
    let image = std::fs::read(EXE).expect("the app exe is built before its tests");
    read_pe_resources(&image).expect("the exe is a PE image")
}

fn find(resources: &[Resource], type_id: u16, name_id: u16) -> &Resource {
    resources
        .iter()
        .find(|r| r.type_id == type_id && r.name_id == name_id)
        .unwrap_or_else(|| panic!("no resource type {type_id} id {name_id}"))
}

#[test]
fn manifest_asks_for_common_controls_6_dpi_and_utf8() {
    let all = resources();
    let manifest = String::from_utf8(find(&all, RT_MANIFEST, 1).data.clone()).expect("UTF-8 manifest");
    for needle in [
        "name=\"Microsoft.Windows.Common-Controls\" version=\"6.0.0.0\"",
        "processorArchitecture=\"*\" publicKeyToken=\"6595b64144ccf1df\"",
        "PerMonitorV2",
        "<activeCodePage xmlns=\"http://schemas.microsoft.com/SMI/2019/WindowsSettings\">UTF-8</activeCodePage>",
        "{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}",
        "level=\"asInvoker\"",
    ] {
        assert!(manifest.contains(needle), "manifest lacks {needle}:\n{manifest}");
    }
    assert_eq!(all.iter().filter(|r| r.type_id == RT_MANIFEST).count(), 1, "exactly one manifest");
}

#[test]
fn icon_group_names_existing_images_of_every_size() {
    let all = resources();
    let group = &find(&all, RT_GROUP_ICON, 1).data;
    let count = u16::from_le_bytes([group[4], group[5]]) as usize;
    let mut sizes = Vec::new();
    for i in 0..count {
        let entry = &group[6 + 14 * i..6 + 14 * (i + 1)];
        let size = if entry[0] == 0 { 256 } else { entry[0] as u32 };
        let bytes = u32::from_le_bytes(entry[8..12].try_into().unwrap()) as usize;
        let id = u16::from_le_bytes([entry[12], entry[13]]);
        let image = find(&all, RT_ICON, id);
        assert_eq!(image.data.len(), bytes, "size of icon {id}");
        if size >= 256 {
            // Large images as PNG, with their size in the header.
            assert_eq!(&image.data[..8], b"\x89PNG\r\n\x1a\n", "icon {id} is a PNG");
            assert_eq!(u32::from_be_bytes(image.data[16..20].try_into().unwrap()), size);
        } else {
            // A DIB header whose height covers colour and mask.
            assert_eq!(u32::from_le_bytes(image.data[8..12].try_into().unwrap()), 2 * size);
        }
        sizes.push(size);
    }
    assert_eq!(sizes, [16, 20, 24, 32, 40, 48, 64, 256]);
}

#[link(name = "version")]
extern "system" {
    fn GetFileVersionInfoSizeW(file: *const u16, handle: *mut u32) -> u32;
    fn GetFileVersionInfoW(file: *const u16, handle: u32, len: u32, data: *mut c_void) -> i32;
    fn VerQueryValueW(block: *const c_void, sub: *const u16, out: *mut *mut c_void, len: *mut u32) -> i32;
}

#[link(name = "kernel32")]
extern "system" {
    fn LoadLibraryExW(file: *const u16, reserved: *mut c_void, flags: u32) -> *mut c_void;
    fn FreeLibrary(module: *mut c_void) -> i32;
}

#[link(name = "user32")]
extern "system" {
    fn LoadImageW(instance: *mut c_void, name: *const u16, kind: u32, cx: i32, cy: i32, flags: u32) -> *mut c_void;
    fn DestroyIcon(icon: *mut c_void) -> i32;
}

fn wide(s: &str) -> Vec<u16> {
    std::ffi::OsStr::new(s).encode_wide().chain([0]).collect()
}

#[test]
fn windows_reads_the_version_information() {
    // The raw resource starts with the VS_VERSION_INFO key after its 6-byte header.
    let key: Vec<u8> = "VS_VERSION_INFO".encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(find(&resources(), RT_VERSION, 1).data[6..36], key[..]);
    let path = wide(EXE);
    unsafe {
        let size = GetFileVersionInfoSizeW(path.as_ptr(), std::ptr::null_mut());
        assert!(size > 0, "GetFileVersionInfoSizeW found no version resource");
        let mut block = vec![0u8; size as usize];
        assert_ne!(GetFileVersionInfoW(path.as_ptr(), 0, size, block.as_mut_ptr().cast()), 0);
        let mut ptr = std::ptr::null_mut();
        let mut len = 0;
        assert_ne!(VerQueryValueW(block.as_ptr().cast(), wide("\\").as_ptr(), &mut ptr, &mut len), 0);
        let fixed = std::slice::from_raw_parts(ptr as *const u32, len as usize / 4);
        assert_eq!(fixed[0], 0xFEEF_04BD);
        let version: Vec<u32> = env!("CARGO_PKG_VERSION").split('.').map(|p| p.parse().unwrap()).collect();
        assert_eq!(fixed[2], (version[0] << 16) | version[1], "file version major.minor");
        assert_eq!(fixed[3], version[2] << 16, "file version patch.0");
        let key = wide("\\StringFileInfo\\040904B0\\ProductName");
        assert_ne!(VerQueryValueW(block.as_ptr().cast(), key.as_ptr(), &mut ptr, &mut len), 0);
        let name = String::from_utf16_lossy(std::slice::from_raw_parts(ptr as *const u16, len as usize));
        assert_eq!(name.trim_end_matches('\0'), "ZeroTier Desktop UI");
    }
}

#[test]
fn windows_loads_the_icon() {
    const LOAD_LIBRARY_AS_DATAFILE: u32 = 0x2;
    const IMAGE_ICON: u32 = 1;
    let path = wide(EXE);
    unsafe {
        let module = LoadLibraryExW(path.as_ptr(), std::ptr::null_mut(), LOAD_LIBRARY_AS_DATAFILE);
        assert!(!module.is_null(), "cannot map the exe as data");
        for size in [16, 32, 48, 256] {
            let icon = LoadImageW(module, 1 as *const u16, IMAGE_ICON, size, size, 0);
            assert!(!icon.is_null(), "LoadImageW found no {size}px icon in group 1");
            DestroyIcon(icon);
        }
        FreeLibrary(module);
    }
}
