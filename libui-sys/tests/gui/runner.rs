//! The runner of a GUI test (`harness = false`: toolkits want the main thread). This file is
//! the same in libui-sys/tests/gui and tray-sys/tests/gui, because each crate is packaged on
//! its own; `cargo xtask test lint` fails when the two copies differ.

/// What one case returns: the reason it failed.
pub type CaseResult = Result<(), String>;

/// A case that cannot run here (a missing tool it states) returns `Err` with this prefix and
/// the reason; it is counted as skipped. Whether CI may skip it is the case's own decision.
#[allow(dead_code)] // only libui-sys's cases skip themselves
pub const SKIP: &str = "SKIP: ";

pub struct Case {
    pub name: &'static str,
    /// Needs a desktop session (on Linux a DISPLAY; Windows always has one).
    pub needs_display: bool,
    pub run: fn() -> CaseResult,
}

pub fn has_display() -> bool {
    cfg!(windows) || std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
}

pub fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    let msg = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
    format!("panicked: {}", msg.unwrap_or_default())
}

/// `GUI_SHARD=K/N` (1 <= K <= N): this run takes the cases at positions K, K+N, K+2N, ... of
/// the full list, so N runs on one platform (the two ARM64 toolchains) share the slow cases.
fn shard() -> Result<Option<(usize, usize)>, String> {
    let Some(text) = std::env::var_os("GUI_SHARD") else { return Ok(None) };
    let text = text.to_string_lossy();
    let parsed = text.split_once('/').and_then(|(k, n)| Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?)));
    match parsed {
        Some((k, n)) if 1 <= k && k <= n => Ok(Some((k, n))),
        _ => Err(format!("GUI_SHARD={text}: expected K/N with 1 <= K <= N")),
    }
}

/// Runs the cases whose names contain a command-line argument (all without one), one line
/// each (`ok`, `FAIL`, `SKIP`), then `N passed, N failed, N skipped`, and exits 1 if any
/// failed. `setup` prepares the display cases and runs only when there is a display;
/// `after_each` cleans up after every case, `teardown` after all. Without a display the
/// display cases are skipped, except under CI=true, where that is a failure: a CI job
/// that lost its display must not pass by testing nothing.
pub fn run(cases: Vec<Case>, setup: impl FnOnce() -> CaseResult, after_each: impl Fn(), teardown: impl FnOnce()) -> ! {
    // `NAME...` keeps cases whose name contains a NAME; `--skip NAME` drops them (as libtest does).
    let args: Vec<String> = std::env::args().skip(1).collect();
    let skip: Vec<&str> = args.windows(2).filter(|w| w[0] == "--skip").map(|w| w[1].as_str()).collect();
    let filter: Vec<&String> = args.iter().filter(|a| !a.starts_with('-') && !skip.contains(&a.as_str())).collect();
    let wanted = |name: &str| {
        (filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str())))
            && !skip.iter().any(|s| name.contains(s))
    };
    let shard = shard().unwrap_or_else(|why| {
        println!("FAIL {why}");
        std::process::exit(1)
    });
    let total = cases.len();
    let in_shard = |i: usize| shard.map_or(true, |(k, n)| i % n == k - 1);
    let selected: Vec<Case> =
        cases.into_iter().enumerate().filter(|(i, c)| in_shard(*i) && wanted(c.name)).map(|(_, c)| c).collect();
    if let Some((k, n)) = shard {
        println!("GUI_SHARD={k}/{n}: {} of {total} cases here, the others in the other shards", selected.len());
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let mut set_up = false;
    let display = if !has_display() {
        Err("no display (DISPLAY is unset)".to_string())
    } else if !selected.iter().any(|c| c.needs_display) {
        Ok(())
    } else {
        match setup() {
            Ok(()) => {
                set_up = true;
                Ok(())
            }
            Err(why) => {
                println!("FAIL setup: {why}");
                failed += 1;
                Err(format!("setup failed: {why}"))
            }
        }
    };
    for case in selected {
        if let (true, Err(why)) = (case.needs_display, &display) {
            if ci && !has_display() {
                println!("FAIL {}: {why}, and CI=true forbids skipping", case.name);
                failed += 1;
            } else {
                println!("SKIP {}: {why}", case.name);
                skipped += 1;
            }
            continue;
        }
        let started = std::time::Instant::now();
        let result = std::panic::catch_unwind(case.run).unwrap_or_else(|p| Err(panic_text(&*p)));
        // Where a slow platform's time goes (under emulation a case can take seconds).
        let took = started.elapsed().as_secs_f64();
        after_each();
        match result {
            Ok(()) => {
                println!("ok   {} ({took:.1} s)", case.name);
                passed += 1;
            }
            Err(e) if e.starts_with(SKIP) => {
                println!("SKIP {}: {}", case.name, &e[SKIP.len()..]);
                skipped += 1;
            }
            Err(e) => {
                println!("FAIL {}: {e}", case.name);
                failed += 1;
            }
        }
    }
    if set_up {
        teardown();
    }
    println!("{passed} passed, {failed} failed, {skipped} skipped");
    std::process::exit(if failed == 0 { 0 } else { 1 });
}
