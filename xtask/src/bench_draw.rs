//! `cargo xtask bench-draw`: time per frame of three drawing scenes (a 10,000-segment stroked
//! path, 1,000 gradient fills, a 5,000-character attributed text layout), drawn by vendor/libui
//! on GTK natively and on Win32 under Wine, and by libui-ng itself (the libui-ffi crate, which
//! compiles libui-ng's C) on GTK in the same run.
//!
//! The scenes are one C file, `xtask/bench/draw_scenes.c`, written against `ui.h` alone; each
//! side compiles it against its own `ui.h` in a throwaway crate under target/xtask/bench-draw
//! (the two cannot share one program: both libraries define the same symbols). All release builds.

use crate::bench::{REFERENCE, REFERENCE_VERSION};
use crate::toolchain::{under_display, wine_env, WINE_TARGET};
use crate::util::{self, cargo, output};
use std::path::{Path, PathBuf};

/// Scene name -> (wall ms per frame, ms inside Draw per frame).
type Figures = Vec<(String, f64, f64)>;

pub fn run_bench(args: &[String]) -> Result<(), String> {
    let number = |flag: &str, default: u32| match args.iter().position(|a| a == flag) {
        Some(i) => args.get(i + 1).and_then(|n| n.parse::<u32>().ok()).ok_or(format!("{flag} takes a number")),
        None => Ok(default),
    };
    let frames = number("--frames", 30)?;
    let rounds = number("--rounds", 3)?.max(1);
    let wine_frames = number("--wine-frames", 5)?;
    let dir = util::state_dir().join("bench-draw");
    let ours = ours_crate(&dir.join("ours"))?;
    let reference = reference_crate(&dir.join("libui-ng"))?;
    let ours_gtk = build(&ours, None);
    let ours_wine = build(&ours, Some(WINE_TARGET));
    let reference_gtk = build(&reference, None);

    // The machine may be shared: the two GTK sides take turns, and each scene keeps its best round.
    let (mut gtk, mut libui_ng): (Result<Figures, String>, Result<Figures, String>) =
        (Err("not run".into()), Err("not run".into()));
    for _ in 0..rounds {
        gtk = best(gtk, ours_gtk.clone().and_then(|exe| measure(&exe, None, frames)));
        libui_ng = best(libui_ng, reference_gtk.clone().and_then(|exe| measure(&exe, None, frames)));
    }
    // Under Wine a frame of the path scene takes seconds (Direct2D through Mesa's software GL): one
    // round of fewer frames.
    let wine = ours_wine.and_then(|exe| measure(&exe, Some(WINE_TARGET), wine_frames));

    println!(
        "\nms per frame (wall: queue, Draw, present; in parentheses: inside Draw), {frames} frames after 3 warm-up, \
         best of {rounds} rounds on GTK; under Wine {wine_frames} frames, one round"
    );
    println!("{:<30} {:>20} {:>20} {:>20} {:>8}", "scene", "ours GTK", "libui-ng GTK", "ours Win32/Wine", "GTK ratio");
    let scenes: Vec<String> = match (&gtk, &libui_ng, &wine) {
        (Ok(f), _, _) | (_, Ok(f), _) | (_, _, Ok(f)) => f.iter().map(|s| s.0.clone()).collect(),
        _ => Vec::new(),
    };
    for scene in &scenes {
        let cell = |r: &Result<Figures, String>| match r {
            Ok(f) => f
                .iter()
                .find(|s| &s.0 == scene)
                .map(|s| format!("{:.2} ({:.2})", s.1, s.2))
                .unwrap_or_else(|| "missing".into()),
            Err(_) => "failed".into(),
        };
        let ratio = match (&gtk, &libui_ng) {
            (Ok(a), Ok(b)) => match (a.iter().find(|s| &s.0 == scene), b.iter().find(|s| &s.0 == scene)) {
                (Some(a), Some(b)) => format!("{:.2}x", a.1 / b.1),
                _ => "-".into(),
            },
            _ => "-".into(),
        };
        println!("{scene:<30} {:>20} {:>20} {:>20} {ratio:>8}", cell(&gtk), cell(&libui_ng), cell(&wine));
    }
    for (what, r) in [("ours GTK", &gtk), ("libui-ng GTK", &libui_ng), ("ours Win32/Wine", &wine)] {
        if let Err(e) = r {
            println!("{what}: {e}");
        }
    }
    match (&gtk, &libui_ng, &wine) {
        (Ok(_), Ok(_), Ok(_)) => Ok(()),
        _ => Err("a side of the benchmark failed (see above)".into()),
    }
}

/// Keeps the faster figure of each scene (a failed round keeps the other's).
fn best(a: Result<Figures, String>, b: Result<Figures, String>) -> Result<Figures, String> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok(a.into_iter().zip(b).map(|(x, y)| if y.1 < x.1 { y } else { x }).collect()),
        (Ok(a), Err(_)) => Ok(a),
        (Err(_), b) => b,
    }
}

/// Builds the crate in `dir` (for `target`, or the host) and returns its program.
fn build(dir: &Path, target: Option<&str>) -> Result<PathBuf, String> {
    let target_dir = dir.join("target");
    let mut build = cargo();
    build.current_dir(dir).args(["build", "--release", "--quiet"]).env("CARGO_TARGET_DIR", &target_dir);
    if let Some(t) = target {
        build.args(["--target", t]);
    }
    output(&mut build).map_err(|e| first_error(&e))?;
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    Ok(match target {
        Some(t) => target_dir.join(t).join("release").join(format!("bench-draw-{name}.exe")),
        None => target_dir.join("release").join(format!("bench-draw-{name}")),
    })
}

/// Runs a program made by `build` on a virtual display (under Wine for the Windows target).
fn measure(exe: &Path, target: Option<&str>, frames: u32) -> Result<Figures, String> {
    let mut run = if target.is_some() {
        let mut c = util::cmd("wine", [exe.as_os_str()]);
        wine_env(&mut c)?;
        c
    } else {
        util::cmd(&exe.to_string_lossy(), [] as [&str; 0])
    };
    run.arg(frames.to_string());
    let out = output(&mut under_display(&mut run))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let figures: Figures = text
        .lines()
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            match w.as_slice() {
                ["scene", name, "frames", _, "frame_ms", f, "draw_ms", d] => {
                    Some((name.to_string(), f.parse().ok()?, d.parse().ok()?))
                }
                _ => None,
            }
        })
        .collect();
    if figures.len() != 3 {
        return Err(format!("{} printed {} scenes, not 3:\n{text}", exe.display(), figures.len()));
    }
    Ok(figures)
}

fn first_error(log: &str) -> String {
    log.lines().find(|l| l.contains("error")).unwrap_or(log).trim().to_string()
}

fn scenes_file() -> PathBuf {
    util::root().join("xtask/bench/draw_scenes.c")
}

/// The throwaway crate: Cargo.toml with `dependency`, a build script compiling the scenes
/// against `include` (a Rust expression), and a main that runs them.
fn write_crate(dir: &Path, dependency: &str, include: &str, crate_name: &str) -> Result<(), String> {
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let manifest = format!(
        "[package]\nname = \"bench-draw-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{dependency}\n\n[build-dependencies]\ncc = \"1\"\n\n[workspace]\n"
    );
    let build = format!(
        "fn main() {{\n    let scenes = {scenes:?};\n    println!(\"cargo:rerun-if-changed={{scenes}}\");\n    \
         cc::Build::new().file(scenes).include({include}).warnings(false).compile(\"draw_scenes\");\n}}\n",
        scenes = scenes_file().display().to_string()
    );
    let main = format!(
        "use {crate_name} as _;\n\nextern \"C\" {{\n    fn bench_draw_main(frames: i32) -> i32;\n}}\n\n\
         fn main() {{\n    let frames = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(0);\n    \
         std::process::exit(unsafe {{ bench_draw_main(frames) }});\n}}\n"
    );
    for (file, text) in [("Cargo.toml", manifest), ("build.rs", build), ("src/main.rs", main)] {
        std::fs::write(dir.join(file), text).map_err(|e| format!("{}: {e}", dir.join(file).display()))?;
    }
    Ok(())
}

fn ours_crate(dir: &Path) -> Result<PathBuf, String> {
    let sys = util::root().join("libui-sys");
    write_crate(
        dir,
        &format!("zt-libui-sys = {{ path = {:?} }}", sys.display().to_string()),
        "std::env::var(\"DEP_UI_INCLUDE\").expect(\"zt-libui-sys exports DEP_UI_INCLUDE\")",
        "zt_libui_sys",
    )?;
    // The workspace's versions, so this builds offline once the workspace has.
    let _ = std::fs::copy(util::root().join("Cargo.lock"), dir.join("Cargo.lock"));
    Ok(dir.to_path_buf())
}

/// libui-ng's own ui.h comes from the libui-ffi package, found through cargo metadata once it is fetched.
fn reference_crate(dir: &Path) -> Result<PathBuf, String> {
    let dependency = format!(
        "{REFERENCE} = {{ version = \"{REFERENCE_VERSION}\", default-features = false, features = [\"build\"] }}"
    );
    // First without the include path, to fetch the package and ask where it is.
    write_crate(dir, &dependency, "\"\"", "libui_ffi")?;
    let meta = output(cargo().current_dir(dir).args(["metadata", "--format-version", "1"]))?;
    let meta: serde_json::Value = serde_json::from_slice(&meta.stdout).map_err(|e| e.to_string())?;
    let manifest = meta["packages"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == REFERENCE))
        .and_then(|p| p["manifest_path"].as_str())
        .ok_or("cargo metadata does not list libui-ffi")?;
    let include = Path::new(manifest).parent().ok_or("libui-ffi's manifest has no folder")?.join("libui");
    if !include.join("ui.h").is_file() {
        return Err(format!("libui-ffi has no libui-ng ui.h at {}", include.display()));
    }
    write_crate(dir, &dependency, &format!("{:?}", include.display().to_string()), "libui_ffi")?;
    Ok(dir.to_path_buf())
}
