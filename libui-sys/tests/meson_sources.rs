//! vendor/libui/meson.build lists its C sources by hand (meson does not glob): it must list
//! exactly the files the cc build compiles.

#[test]
fn meson_build_lists_exactly_the_c_sources() {
    let crate_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let root =
        zt_native_build::compile::find_vendored(crate_dir, "libui").expect("vendor/libui in or beside the crate");
    let differences = zt_native_build::compile::meson_source_differences(&root).unwrap();
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
