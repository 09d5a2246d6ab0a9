//! vendor/tray/meson.build lists its C sources by hand (meson does not glob): it must list
//! exactly the files the cc build compiles.

#[test]
fn meson_build_lists_exactly_the_c_sources() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../vendor/tray"));
    let differences = zt_native_build::compile::meson_source_differences(root).unwrap();
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
