//! `cargo xtask bench-table`: what showing a table and scrolling it to its last row costs with
//! 1,000 and with 1,000,000 rows, on GTK and as Win32 under Wine.  zt-libui's `table_bench`
//! example (release build) does the work and prints one line per run; the table is virtual, so
//! the million rows should cost about what the thousand do.

use crate::toolchain::{stop_wine, under_display, wine_env, WINE_TARGET};
use crate::util::{self, cargo, cmd, output, run};

const ROWS: [u64; 2] = [1_000, 1_000_000];

/// One run's figures: milliseconds to show and scroll to the end, resident KiB added.
struct Figures {
    ms: f64,
    added_kib: u64,
}

pub fn run_bench() -> Result<(), String> {
    let target = util::root().join("target");
    let mut rows_out = Vec::new();
    for windows in [false, true] {
        let mut build = cargo();
        build.args(["build", "--release", "--quiet", "-p", "zt-libui", "--example", "table_bench"]);
        if windows {
            build.args(["--target", WINE_TARGET]);
        }
        run(&mut build)?;
        let exe = if windows {
            target.join(WINE_TARGET).join("release/examples/table_bench.exe")
        } else {
            target.join("release/examples/table_bench")
        };
        let backend = if windows { "Win32 (Wine)" } else { "GTK 3" };
        for rows in ROWS {
            let mut bench = if windows {
                let mut w = cmd("wine", [] as [&str; 0]);
                w.arg(&exe);
                wine_env(&mut w)?;
                w
            } else {
                std::process::Command::new(&exe)
            };
            bench.arg(rows.to_string());
            let out = output(&mut under_display(&mut bench))?;
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            rows_out.push((backend, rows, parse(&text)?));
        }
        if windows {
            stop_wine();
        }
    }
    println!("\ntable shown and scrolled to its last row (release builds, one run each)");
    println!("  {:<14} {:>10} {:>10} {:>16}", "backend", "rows", "ms", "added RSS KiB");
    for (backend, rows, f) in &rows_out {
        println!("  {backend:<14} {rows:>10} {:>10.1} {:>16}", f.ms, f.added_kib);
    }
    for pair in rows_out.chunks(2) {
        if let [(backend, _, small), (_, _, big)] = pair {
            println!(
                "  {backend}: a million rows take {:.2}x the time and {:.2}x the memory of a thousand",
                big.ms / small.ms.max(0.1),
                big.added_kib as f64 / small.added_kib.max(1) as f64
            );
        }
    }
    Ok(())
}

/// `rows N ms T rss_kib R added_kib A` from table_bench.
fn parse(text: &str) -> Result<Figures, String> {
    let line = text.lines().find(|l| l.starts_with("rows ")).ok_or_else(|| format!("no figures in {text:?}"))?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let field = |name: &str| words.iter().position(|w| *w == name).and_then(|i| words.get(i + 1)).copied();
    let ms = field("ms").and_then(|v| v.parse().ok());
    let added_kib = field("added_kib").and_then(|v| v.parse().ok());
    match (ms, added_kib) {
        (Some(ms), Some(added_kib)) => Ok(Figures { ms, added_kib }),
        _ => Err(format!("cannot read {line:?}")),
    }
}
