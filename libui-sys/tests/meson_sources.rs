//! vendor/libui/meson.build lists its sources by hand (meson does not glob):
//! every C file the cc build compiles must be listed there, and nothing else.

use std::path::Path;

#[test]
fn meson_build_lists_exactly_the_c_sources() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../vendor/libui"));
    let meson = std::fs::read_to_string(root.join("meson.build")).expect("vendor/libui/meson.build");
    let listed: Vec<&str> = meson.split('\'').filter(|s| s.ends_with(".c")).collect();
    let mut on_disk = Vec::new();
    for dir in ["common", "windows", "unix"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".c") {
                on_disk.push(format!("{dir}/{name}"));
            }
        }
    }
    for file in &on_disk {
        assert!(listed.contains(&file.as_str()), "{file} is missing from meson.build");
    }
    for file in &listed {
        assert!(on_disk.iter().any(|f| f == file), "meson.build lists {file}, which does not exist");
    }
}
