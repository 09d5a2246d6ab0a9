//! The test command: each tier proves one part of the build promise that a
//! Linux machine can prove, and reports on its own. `TIERS` is the only list
//! of them: `cargo xtask help`, the name check and the dispatch all read it.

mod arm64;
mod arm64_run;
mod cargo_build;
mod downstream;
mod lint;
mod msvc;
mod msvc_run;
mod native;
mod registry;
mod sanitize;
mod screenshots;
mod wine;

use crate::setup;
use crate::toolchain::stop_wine;
use crate::util::timed;

pub struct Tier {
    pub name: &'static str,
    pub about: &'static str,
    pub run: fn() -> Result<(), String>,
}

/// In the order `cargo xtask test` runs them; registering a tier is one entry here.
#[rustfmt::skip]
pub const TIERS: &[Tier] = &[
    Tier { name: "lint", run: lint::lint, about: "rustfmt --check, and clippy with warnings as errors for the host and x86_64-pc-windows-gnu" },
    Tier { name: "native", run: native::native, about: "cargo test --workspace on the host, GUI under xvfb-run with a private D-Bus; the app starts and quits" },
    Tier { name: "hints", run: cargo_build::hints, about: "builds without MSVC, without GTK and for macOS fail with one message, once, naming what to install, no cc output; DOCS_RS=1 build warns once" },
    Tier { name: "noop", run: cargo_build::noop, about: "a second build runs no build script; touching one C file rebuilds only its crate" },
    Tier { name: "meson", run: native::meson, about: "both -sys crates built through meson + ninja (feature `meson`)" },
    Tier { name: "msvc", run: msvc::msvc, about: "x86_64/i686/aarch64-pc-windows-msvc: C by clang-cl, archives checked (machine, LIBCMT), app checked" },
    Tier { name: "wine", run: wine::wine, about: "x86_64-pc-windows-gnu workspace tests run under Wine + Xvfb; the app starts and quits" },
    Tier { name: "arm64", run: arm64::arm64, about: "aarch64-pc-windows-gnullvm app and examples linked by zig; PE32+ ARM64, system DLLs only" },
    Tier { name: "arm64-run", run: arm64_run::arm64_run, about: "aarch64-pc-windows-gnullvm workspace tests, fixtures and app run under arm64 Wine (qemu-user, chroot)" },
    Tier { name: "msvc-run", run: msvc_run::msvc_run, about: "aarch64-pc-windows-msvc (dynamic CRT) linked by lld-link against import libraries made from Wine's exports, run under arm64 Wine" },
    Tier { name: "downstream", run: downstream::downstream, about: "crates outside the workspace that depend on the -sys crates (one without build.rs, one compiling C against DEP_*_INCLUDE), native and under Wine" },
    Tier { name: "registry", run: registry::registry, about: "publishable crates packaged into a local registry; a fixture depending on them by version built offline (native, Wine, ARM64 MSVC check, ARM64 GNU link) and documented as docs.rs would" },
    Tier { name: "ide", run: cargo_build::ide, about: "rust-analyzer loads the workspace, runs the build scripts, reports no errors; no rebuild after" },
    Tier { name: "workflow", run: lint::workflow, about: "actionlint checks .github/workflows (and proves it catches a broken one)" },
    Tier { name: "sanitize", run: sanitize::sanitize, about: sanitize::ABOUT },
    Tier { name: "screenshots", run: screenshots::screenshots, about: "tray menu open and a libui window, on Linux and under Wine, saved to artifacts/*.png" },
];

/// `cargo xtask test [TIER...]`
pub fn run_selected(names: &[String]) -> Result<(), String> {
    let selected: Vec<&Tier> = if names.is_empty() {
        TIERS.iter().collect()
    } else {
        names
            .iter()
            .map(|name| {
                TIERS.iter().find(|t| t.name == name).ok_or_else(|| {
                    format!("unknown tier `{name}`; tiers: {:?}", TIERS.iter().map(|t| t.name).collect::<Vec<_>>())
                })
            })
            .collect::<Result<_, _>>()?
    };
    setup::install_all()?;
    let mut results = Vec::new();
    for tier in &selected {
        let name = tier.name;
        println!("\n==== tier {name} ====");
        let (result, secs) = timed(tier.run);
        match &result {
            Ok(()) => println!("==== tier {name}: PASS ({secs:.0} s)"),
            Err(e) => println!("==== tier {name}: FAIL ({secs:.0} s)\n{e}"),
        }
        results.push((name, result.is_ok(), secs));
    }
    stop_wine();
    println!("\n==== summary ====");
    for (name, ok, secs) in &results {
        println!("{:<11} {} {secs:>6.0} s", name, if *ok { "PASS" } else { "FAIL" });
    }
    let failed = results.iter().filter(|r| !r.1).count();
    println!("tiers: {} passed, {failed} failed", results.len() - failed);
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} tier(s) failed"))
    }
}

#[cfg(test)]
mod tests {
    use super::TIERS;

    #[test]
    fn tier_names_are_unique_and_plain() {
        for (i, tier) in TIERS.iter().enumerate() {
            assert!(!TIERS[..i].iter().any(|t| t.name == tier.name), "tier {} is listed twice", tier.name);
            assert!(
                tier.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                tier.name
            );
        }
    }
}
