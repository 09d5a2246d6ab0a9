//! The whole build of a vendored -sys crate, one step per decision.

use crate::compile;
use crate::env;
use crate::once;
use crate::plan::{self, Library, Plan};
use crate::target::Target;

/// Builds the vendored library `vendor/<vendor_name>` for the current target
/// (`api`: regex of the header's names that get bindings):
/// plans, finds the compiler, watches inputs, exports headers, (optionally)
/// regenerates bindings, probes system packages and compiles.  Fails with one
/// clear message, printed once per build when both -sys crates meet the same
/// problem (see [`once`](crate::once)); cargo directives are held until the
/// build is sure to succeed, so a failure shows the message alone.
pub fn build(lib: &Library, vendor_name: &str, header: &str, api: &str) {
    env::hold();
    let target = Target::from_env();
    let root = compile::vendored_root(vendor_name);
    if documentation_only() {
        // Documentation hosts have neither the toolkits nor a need to link:
        // the committed bindings are all rustdoc reads.
        compile::export_headers(&root);
        once::warn(DOCS_RS_SKIPS_C);
        env::release();
        return;
    }
    let plan = plan::plan(lib, &target).unwrap_or_else(|e| once::fail(&e));
    let with_cc = !env::feature("meson");
    if with_cc {
        compile::find_compiler(&target).unwrap_or_else(|e| once::fail(&e));
    }
    compile::watch(&root, &plan, &["build.rs", "build"]);
    warn_about_dynamic_crt(&target);
    let include = compile::export_headers(&root);
    regenerate_bindings(&include.join(header), api);
    let probed = compile::probe_packages(&plan).unwrap_or_else(|e| once::fail(&e));
    build_native(with_cc, &plan, &target, &root, &probed).unwrap_or_else(|e| crate::fail(&e));
    compile::link_system_libs(&plan);
    env::release();
}

/// Why a `DOCS_RS` build links nothing, said once per build (every -sys crate
/// skips alike).  Cargo shows build-script warnings of path and workspace
/// crates only; for a crate from a registry it stays hidden unless `-vv`.
pub const DOCS_RS_SKIPS_C: &str = "DOCS_RS is set, so the zt -sys crates compile no C (docs.rs needs only their \
     bindings): a program linked from this build ends in undefined symbols. Unset DOCS_RS for a normal build.";

/// docs.rs sets `DOCS_RS`: build nothing, probe nothing.
fn documentation_only() -> bool {
    env::var("DOCS_RS").is_some()
}

/// The project ships one self-contained exe per MSVC target; a downstream
/// workspace does not inherit our `.cargo/config.toml`, so say how to get it.
fn warn_about_dynamic_crt(target: &Target) {
    if let Some(text) = crate::hints::dynamic_crt(target) {
        env::directive(&format!("warning={text}"));
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
fn build_native(
    with_cc: bool,
    plan: &Plan,
    target: &Target,
    root: &std::path::Path,
    probed: &compile::Probed,
) -> Result<(), String> {
    if !with_cc {
        #[cfg(feature = "meson")]
        return compile::compile_meson(plan, root);
        #[cfg(not(feature = "meson"))]
        return Err(format!("the meson feature of the {}-sys crate must also enable build-support/meson", plan.name));
    }
    compile::compile_cc(plan, target, root, probed)
}
