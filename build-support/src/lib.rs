//! Build-script logic shared by `libui-sys`, `tray-sys` and the application.
//!
//! Everything here describes the *target* (read from `TARGET` and
//! `CARGO_CFG_TARGET_*`), never the host the build script runs on.  Every
//! environment variable read goes through [`env::var`], which also tells cargo
//! to rerun the script when that variable changes.

pub mod compile;
pub mod env;
pub mod hints;
pub mod once;
pub mod package;
pub mod plan;
pub mod sys;
pub mod target;

#[cfg(feature = "bindgen")]
pub mod bindings;

pub use package::PkgRequirement;
pub use plan::{Backend, Plan};
pub use target::Target;

/// Prints `message` as the reason the build cannot go on and exits the build
/// script with status 1.  Cargo shows a build script's stderr on failure, so
/// the user sees one clear message instead of a compiler's wall of errors.
pub fn fail(message: &str) -> ! {
    eprintln!();
    for line in message.lines() {
        eprintln!("error: {line}");
    }
    eprintln!();
    std::process::exit(1);
}
