//! Compiles vendor/libui for the target and exports ui.h (DEP_UI_INCLUDE).
//! All decisions live in build/plan.rs (tested in tests/plan.rs) and build-support.

#[path = "build/plan.rs"]
mod plan;

fn main() {
    zt_native_build::sys::build(&plan::LIBRARY, "libui", "ui_extras.h", plan::API);
}
