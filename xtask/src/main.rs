//! Project automation, written in Rust so it runs wherever cargo does.
//!
//! `cargo xtask run`         install the app's build dependencies and run it
//! `cargo xtask test`        the whole test command (installs what it needs on Debian/Ubuntu)
//! `cargo xtask test TIER..` only the named tiers (see `cargo xtask help`)
//! `cargo xtask bindings`    rewrite the committed bindings from the headers
//! `cargo xtask publish`     release the crates (dry run; `--execute` publishes)
//! `cargo xtask bench-build` build-time benchmark against libui-ffi
//! `cargo xtask bench-app`   the app's size, memory, idle cost and menu rebuild time
//! `cargo xtask bench-table` time and memory of a table of 1,000 and of 1,000,000 rows, GTK and Wine
//! `cargo xtask bench-tray`  resident memory of the smallest tray next to the same tray made with ksni
//! `cargo xtask bench-draw`  time per frame of three drawing scenes, ours on GTK and Wine, libui-ng on GTK

mod bench;
mod bench_app;
mod bench_draw;
mod bench_table;
mod bench_tray;
mod files;
mod pe_coff;
mod publish;
mod setup;
mod tiers;
mod toolchain;
mod util;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = args.split_first().map(|(c, r)| (c.as_str(), r)).unwrap_or(("help", &[]));
    let result = match command {
        "test" => tiers::run_selected(rest),
        "bindings" => update_bindings(),
        "publish" => publish::command(rest),
        "bench-build" => bench::run(rest),
        "bench-app" => bench_app::run_bench(rest),
        "bench-tray" => bench_tray::run_bench(),
        "bench-draw" => bench_draw::run_bench(rest),
        "bench-table" => bench_table::run_bench(),
        "setup" => setup::install_all(),
        "run" => run_app(rest),
        "help" | "--help" | "-h" => {
            print_help();
            Ok(())
        }
        other => Err(format!("unknown command `{other}`; try `cargo xtask help`")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask run [ARGS]`: installs the app's build dependencies where
/// missing (Debian/Ubuntu), then `cargo run --release -- ARGS`.
fn run_app(args: &[String]) -> Result<(), String> {
    if cfg!(target_os = "linux") {
        setup::apt(setup::APP_PACKAGES)?;
    }
    let mut c = util::cargo();
    c.args(["run", "--release", "-p", "zerotier_desktop_ui", "--"]).args(args);
    util::run(&mut c)
}

/// `cargo xtask bindings`: the bindings tests rewrite the committed files.
fn update_bindings() -> Result<(), String> {
    let mut c = util::cargo();
    c.args(["test", "-p", "zt-libui-sys", "-p", "zt-tray-sys", "--test", "bindings"]).env("UPDATE_BINDINGS", "1");
    util::run(&mut c)
}

fn print_help() {
    println!("cargo xtask <command>");
    println!("  test [TIER...]   run the test tiers (all by default); tiers:");
    for tier in tiers::TIERS {
        println!("                   {:<11} {}", tier.name, tier.about);
    }
    println!("  run [ARGS]       install the app's build dependencies (Debian/Ubuntu) and run it");
    println!("  setup            install the test command's system packages, targets and tools (Debian/Ubuntu)");
    println!("  bindings         regenerate libui-sys/src/bindings.rs and tray-sys/src/bindings.rs");
    println!("  publish [--execute] [--from CRATE]");
    println!("                   stage the C into the -sys packages, package and verify every crate from its .crate,");
    println!("                   print the cargo publish commands in dependency order (--execute runs them)");
    println!("  bench-build      time clean, no-op and one-file rebuilds of the -sys crates against libui-ffi");
    println!(
        "  bench-app        stripped exe sizes, memory, idle CPU and wake-ups, menu rebuild for 1 and 500 networks"
    );
    println!(
        "  bench-tray       resident memory of tray-sys's tray_minimal and of the same tray made with ksni, in xfce4-panel"
    );
    println!("  bench-draw [--frames N] [--rounds N] [--wine-frames N]");
    println!("                   ms per frame of a 10,000-segment path, 1,000 gradients and 5,000 characters of text:");
    println!("                   ours on GTK and under Wine, libui-ng (libui-ffi) on GTK");
    println!(
        "  bench-table      time and resident memory of a table of 1,000 and of 1,000,000 rows, scrolled to its end, GTK and Wine"
    );
}
