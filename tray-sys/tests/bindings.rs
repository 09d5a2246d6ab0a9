//! The committed bindings must be exactly what bindgen makes of tray.h today.
#![cfg(unix)]

use std::path::Path;

#[path = "../build/plan.rs"]
#[allow(dead_code)]
mod plan;

#[test]
fn committed_bindings_match_the_header() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let header = crate_dir.join("../vendor/tray/include/tray.h");
    let committed = crate_dir.join("src/bindings.rs");
    if let Err(e) = build_support::bindings::check_committed(&header, plan::API, &committed) {
        panic!("{e}");
    }
}
