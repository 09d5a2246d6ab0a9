//! The committed bindings must be exactly what bindgen makes of ui.h today.
#![cfg(unix)]

#[path = "../build/plan.rs"]
#[allow(dead_code)]
mod plan;

#[test]
fn committed_bindings_match_the_header() {
    let crate_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Err(e) = zt_native_build::bindings::check_sys_crate(crate_dir, "libui", "ui_extras.h", plan::API) {
        panic!("{e}");
    }
}
