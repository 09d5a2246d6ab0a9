//! Turning a [`Plan`] into a static library that cargo links.

use std::fs;
use std::path::{Path, PathBuf};

use crate::env;
use crate::hints;
use crate::plan::{Backend, Plan};
use crate::target::Target;

/// Where a vendored library lives: `vendor/<name>` inside the package (a
/// packaged crate) or beside it (path dependencies, this repository).
pub fn vendored_root(vendor_name: &str) -> PathBuf {
    let manifest = env::manifest_dir();
    find_vendored(&manifest, vendor_name).unwrap_or_else(|| {
        crate::fail(&format!(
            "the C sources of {vendor_name} are missing (looked in {} and {}): a package made by plain `cargo package` \
             or `cargo publish` lacks them; release with `cargo xtask publish`, which stages vendor/{vendor_name} into it",
            manifest.join("vendor").join(vendor_name).display(),
            manifest.join("..").join("vendor").join(vendor_name).display()
        ))
    })
}

/// The same search for a crate folder (the -sys crates' own tests use it, so
/// they run from a packaged crate as well as from this repository).
pub fn find_vendored(crate_dir: &Path, vendor_name: &str) -> Option<PathBuf> {
    [crate_dir.join("vendor").join(vendor_name), crate_dir.join("..").join("vendor").join(vendor_name)]
        .into_iter()
        .find(|dir| dir.join("include").is_dir())
}

/// Tells cargo which inputs the build depends on: the build script's own
/// files and every vendored directory the plan reads.  Only existing paths
/// are printed, since a missing one would make cargo rerun the script on
/// every build.
pub fn watch(root: &Path, plan: &Plan, script_files: &[&str]) {
    let manifest = env::manifest_dir();
    let mut paths: Vec<PathBuf> = script_files.iter().map(|f| manifest.join(f)).collect();
    paths.push(root.join("include"));
    paths.push(root.join("meson.build"));
    paths.extend(plan.source_dirs.iter().map(|d| root.join(d)));
    for path in paths.iter().filter(|p| p.exists()) {
        env::directive(&format!("rerun-if-changed={}", path.display()));
    }
}

/// Copies the public headers to `OUT_DIR/include` and announces them to
/// dependents through `links` metadata (`DEP_<LINKS>_INCLUDE`, `DEP_<LINKS>_ROOT`).
pub fn export_headers(root: &Path) -> PathBuf {
    let out = env::out_dir();
    let include = out.join("include");
    fs::create_dir_all(&include).unwrap_or_else(|e| crate::fail(&format!("cannot create {}: {e}", include.display())));
    for header in files_with_extension(&root.join("include"), "h") {
        let dest = include.join(header.file_name().expect("listed files have names"));
        fs::copy(&header, &dest)
            .unwrap_or_else(|e| crate::fail(&format!("cannot copy {} to {}: {e}", header.display(), dest.display())));
    }
    env::directive(&format!("include={}", include.display()));
    env::directive(&format!("root={}", out.display()));
    include
}

/// What pkg-config found: include paths and the defines that name which
/// alternative was chosen.  Link flags are printed by pkg-config itself.
#[derive(Debug, Default)]
pub struct Probed {
    pub include_paths: Vec<PathBuf>,
    pub defines: Vec<(&'static str, &'static str)>,
}

/// Finds every pkg-config package of the plan, trying alternatives in order.
pub fn probe_packages(plan: &Plan) -> Result<Probed, String> {
    let mut probed = Probed::default();
    for req in &plan.packages {
        let mut last_error = String::new();
        let mut found = false;
        for (name, define) in req.alternatives {
            match pkg_config::Config::new().atleast_version(req.min_version).cargo_metadata(req.link).probe(name) {
                Ok(lib) => {
                    probed.include_paths.extend(lib.include_paths);
                    if !define.is_empty() {
                        probed.defines.push((define, "1"));
                    }
                    found = true;
                    break;
                }
                Err(e) => last_error = first_line(&e.to_string()),
            }
        }
        if !found {
            return Err(hints::package_missing(req, &last_error));
        }
    }
    probed.include_paths.sort();
    probed.include_paths.dedup();
    Ok(probed)
}

/// The plan's C sources, sorted, so the archive is the same on every machine.
pub fn sources(root: &Path, plan: &Plan) -> Vec<PathBuf> {
    plan.source_dirs.iter().flat_map(|dir| files_with_extension(&root.join(dir), "c")).collect()
}

/// The names of the folders `files` sit in, sorted and unique: which
/// vendored directories a source list draws from.
pub fn source_folders(files: &[PathBuf]) -> Vec<String> {
    let mut folders: Vec<String> =
        files.iter().filter_map(|f| f.parent()?.file_name()?.to_str().map(str::to_string)).collect();
    folders.sort();
    folders.dedup();
    folders
}

/// Where `root/meson.build` and the cc build disagree about the C sources: files on disk in
/// a backend folder that meson.build does not list, and listed files that do not exist.
/// meson does not glob, so its lists are kept by hand; the -sys crates' tests call this.
pub fn meson_source_differences(root: &Path) -> Result<Vec<String>, String> {
    let meson_file = root.join("meson.build");
    let meson = fs::read_to_string(&meson_file).map_err(|e| format!("{}: {e}", meson_file.display()))?;
    let listed: Vec<&str> = meson.split('\'').filter(|s| s.ends_with(".c")).collect();
    let on_disk: Vec<String> = ["common", Backend::Windows.dir(), Backend::Gtk.dir()]
        .iter()
        .flat_map(|dir| files_with_extension(&root.join(dir), "c").into_iter().map(move |f| (dir, f)))
        .filter_map(|(dir, f)| Some(format!("{dir}/{}", f.file_name()?.to_str()?)))
        .collect();
    let mut differences: Vec<String> = on_disk
        .iter()
        .filter(|f| !listed.contains(&f.as_str()))
        .map(|f| format!("{f} is missing from meson.build"))
        .collect();
    differences.extend(
        listed
            .iter()
            .filter(|f| !on_disk.iter().any(|d| d == *f))
            .map(|f| format!("meson.build lists {f}, which does not exist")),
    );
    Ok(differences)
}

/// Compiles the plan with cc.  cc finds the compiler (Visual Studio
/// included, without vcvars) and picks the CRT from `crt-static`.
pub fn compile_cc(plan: &Plan, target: &Target, root: &Path, probed: &Probed) -> Result<(), String> {
    let mut build = cc::Build::new();
    build
        .files(sources(root, plan))
        .include(root.join("include"))
        .include(root.join("common"))
        .include(root.join(plan.backend.dir()))
        .includes(&probed.include_paths)
        .warnings(true);
    // A function no header declares is an error, not a guess at its type that fails only at
    // link time, on one SDK (Wine's commctrl.h lacks macros MinGW's and Microsoft's have).
    let msvc_cl = build.try_get_compiler().is_ok_and(|t| t.is_like_msvc() && !t.is_like_clang_cl());
    build.flag_if_supported(if msvc_cl { "/we4013" } else { "-Werror=implicit-function-declaration" });
    for (name, value) in plan.defines.iter().chain(&probed.defines) {
        build.define(name, if value.is_empty() { None } else { Some(*value) });
    }
    build.try_compile(plan.name).map_err(|e| {
        let text = e.to_string();
        if text.starts_with("ToolNotFound") {
            hints::compiler_missing(target, &first_line(&text))
        } else {
            format!("compiling vendored {} failed: {text}", plan.name)
        }
    })
}

/// Finds the C compiler cc will use, before anything is compiled and without
/// a line of cc's probe output: a build without one stops with our message
/// alone.  An MSVC target needs cl.exe or clang-cl; without Visual Studio cc
/// falls back to whatever `cc` is on PATH (on Linux: gcc), which would bury
/// the real problem under "windows.h: No such file" errors.
pub fn find_compiler(target: &Target) -> Result<(), String> {
    let tool = cc::Build::new()
        .cargo_metadata(false)
        .cargo_warnings(false)
        .cargo_debug(false)
        .emit_rerun_if_env_changed(false)
        .try_get_compiler()
        .map_err(|e| hints::compiler_missing(target, &first_line(&e.to_string())))?;
    if target.is_msvc() && !tool.is_like_msvc() {
        return Err(hints::msvc_missing(
            target,
            &format!("the C compiler found, {}, is not cl.exe or clang-cl", tool.path().display()),
        ));
    }
    // cc names a compiler by its usual name without looking for it.
    let started = std::process::Command::new(tool.path())
        .arg("--version")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    match started {
        Ok(_) => Ok(()),
        Err(e) => Err(hints::compiler_missing(target, &format!("{} cannot be started: {e}", tool.path().display()))),
    }
}

/// Compiles the plan with meson and ninja from `root/meson.build`.
#[cfg(feature = "meson")]
pub fn compile_meson(plan: &Plan, root: &Path) -> Result<(), String> {
    for tool in ["meson", "ninja"] {
        let ok = std::process::Command::new(tool).arg("--version").output().map(|o| o.status.success());
        if !matches!(ok, Ok(true)) {
            return Err(format!(
                "the meson feature needs `{tool}` on PATH. Install it:\n\
                 \x20 Debian/Ubuntu: apt install meson ninja-build\n\
                 \x20 Fedora:        dnf install meson ninja-build\n\
                 \x20 Arch:          pacman -S meson ninja\n\
                 or build without the meson feature (the default cc build needs neither)."
            ));
        }
    }
    let build_dir = env::out_dir().join("meson");
    let build_dir_str = build_dir.to_str().ok_or("OUT_DIR is not valid UTF-8")?;
    let root_str = root.to_str().ok_or("the vendored path is not valid UTF-8")?;
    meson_next::build(root_str, build_dir_str, meson_next::Config::new());
    env::directive(&format!("rustc-link-search=native={build_dir_str}"));
    env::directive(&format!("rustc-link-lib=static={}", plan.name));
    Ok(())
}

/// Links the system libraries the plan names.
pub fn link_system_libs(plan: &Plan) {
    for lib in &plan.system_libs {
        env::directive(&format!("rustc-link-lib=dylib={lib}"));
    }
}

fn files_with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_string()
}
