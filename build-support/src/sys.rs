//! The whole build of a vendored -sys crate, one step per decision.

use crate::compile;
use crate::env;
use crate::plan::{self, Library, Plan};
use crate::target::Target;

/// Builds the vendored library `vendor/<vendor_name>` for the current target
/// (`api`: regex of the header's names that get bindings):
/// plans, watches inputs, exports headers, (optionally) regenerates bindings,
/// probes system packages and compiles.  Fails with one clear message.
pub fn build(lib: &Library, vendor_name: &str, header: &str, api: &str) {
    let target = Target::from_env();
    let root = compile::vendored_root(vendor_name);
    if documentation_only() {
        // Documentation hosts have neither the toolkits nor a need to link:
        // the committed bindings are all rustdoc reads.
        compile::export_headers(&root);
        return;
    }
    let plan = plan::plan(lib, &target).unwrap_or_else(|e| crate::fail(&e));
    compile::watch(&root, &plan, &["build.rs", "build"]);
    warn_about_dynamic_crt(&target);
    let include = compile::export_headers(&root);
    regenerate_bindings(&include.join(header), api);
    let probed = compile::probe_packages(&plan).unwrap_or_else(|e| crate::fail(&e));
    build_native(&plan, &target, &root, &probed).unwrap_or_else(|e| crate::fail(&e));
    compile::link_system_libs(&plan);
}

/// docs.rs sets `DOCS_RS`: build nothing, probe nothing.
fn documentation_only() -> bool {
    env::var("DOCS_RS").is_some()
}

/// The project ships one self-contained exe per MSVC target; a downstream
/// workspace does not inherit our `.cargo/config.toml`, so say how to get it.
fn warn_about_dynamic_crt(target: &Target) {
    if let Some(text) = crate::hints::dynamic_crt(target) {
        println!("cargo:warning={text}");
    }
}

/// With the crate's `bindgen` feature, writes fresh bindings to
/// `OUT_DIR/bindings.rs` (the crate includes them instead of the committed file).
fn regenerate_bindings(header: &std::path::Path, api: &str) {
    if !env::feature("bindgen") {
        return;
    }
    #[cfg(feature = "bindgen")]
    {
        let code = crate::bindings::generate(header, api).unwrap_or_else(|e| crate::fail(&e));
        let dest = env::out_dir().join("bindings.rs");
        std::fs::write(&dest, code).unwrap_or_else(|e| crate::fail(&format!("cannot write {}: {e}", dest.display())));
    }
    #[cfg(not(feature = "bindgen"))]
    crate::fail(&format!("the bindgen feature must also enable build-support/bindgen ({}, {api})", header.display()));
}

/// cc by default; meson and ninja with the crate's `meson` feature.
fn build_native(plan: &Plan, target: &Target, root: &std::path::Path, probed: &compile::Probed) -> Result<(), String> {
    if env::feature("meson") {
        #[cfg(feature = "meson")]
        return compile::compile_meson(plan, root);
        #[cfg(not(feature = "meson"))]
        return Err(format!("the meson feature of the {}-sys crate must also enable build-support/meson", plan.name));
    }
    compile::compile_cc(plan, target, root, probed)
}
