//! Compiles vendor/tray for the target and exports tray.h (DEP_TRAY_INCLUDE).
//! All decisions live in build/plan.rs (tested in tests/plan.rs) and build-support.

#[path = "build/plan.rs"]
mod plan;

fn main() {
    zt_native_build::sys::build(&plan::LIBRARY, "tray", "tray.h", plan::API);
}
