//! `cargo xtask publish [--execute] [--from CRATE]`: releasing our crates.
//!
//! Git keeps one copy of each C library, in `vendor/`; a -sys package must
//! carry its own, so the command copies `vendor/<lib>` into the -sys package
//! folders for as long as it runs ("staging"). Then it packages every
//! publishable crate, verifies each from its `.crate` alone (unpacked outside
//! the workspace and built offline against a directory registry that holds
//! only our `.crate` files and the third-party crates), and prints the
//! `cargo publish` commands in dependency order. With `--execute` it runs
//! them; `--from CRATE` starts at that crate (to finish a release that
//! stopped half-way).
//!
//! Which crates are published, and in which order, comes from the manifests
//! (`publish`, dependencies) through `cargo metadata`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{self, cargo, cmd, output, run};

/// The C each -sys package carries: (package, its folder, vendored library).
const STAGED: &[(&str, &str, &str)] = &[("zt-libui-sys", "libui-sys", "libui"), ("zt-tray-sys", "tray-sys", "tray")];

/// The `publish` command.
pub fn command(args: &[String]) -> Result<(), String> {
    let mut execute = false;
    let mut from = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--execute" => execute = true,
            "--from" => from = Some(rest.next().ok_or("--from needs a crate name")?.as_str()),
            other => return Err(format!("unknown publish option `{other}`; options: --execute, --from CRATE")),
        }
    }
    if execute {
        require_clean_tree()?;
    }
    publish(&util::state_dir().join("publish"), execute, from).map(|_| ())
}

/// What a verified packaging left: the directory registry that holds our
/// crates and the third-party ones, and what it was made from (the SHA-256
/// of each of our `.crate` files and of the lock file that chose the
/// third-party ones), by which builds against it are kept (see [`keep_if_made_from`]).
pub struct Packaged {
    pub registry: PathBuf,
    pub made_from: String,
}

/// Stages, packages and verifies every publishable crate in `work`; then
/// publishes them (`execute`) or prints what would be published.
pub fn publish(work: &Path, execute: bool, from: Option<&str>) -> Result<Packaged, String> {
    let order = publish_order()?;
    let skip = match from {
        Some(name) => order
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| format!("--from {name}: not a published crate; published are {}", order.join(", ")))?,
        None => 0,
    };
    let staged = Staged::copy(&util::root())?;
    let crates = package(&order)?;
    let made_from = made_from(&crates)?;
    // Unpacking anew would give the folders new times, which the -sys build
    // scripts watch: an unchanged registry is kept as it is.
    let index = work.join("registry");
    if !keep_if_made_from(&index, &made_from)? {
        fill_registry(&index, &crates)?;
    }
    let target = work.join("verify-target");
    keep_if_made_from(&target, &made_from)?;
    verify(&index, &crates, &target, &made_from)?;
    let mut commands = Vec::new();
    for name in &order[skip..] {
        let mut c = cargo();
        // Verified above from the .crate files; the staged C is untracked by design.
        c.args(["publish", "--no-verify", "--allow-dirty", "-p", name]);
        commands.push(c);
    }
    if execute {
        for c in &mut commands {
            run(c)?;
        }
        println!("published: {}", order[skip..].join(", "));
    } else {
        println!("dry run: every package verified from its .crate; `cargo xtask publish --execute` would run:");
        for c in &commands {
            let args: Vec<String> = c.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
            println!("  cargo {}", args.join(" "));
        }
    }
    drop(staged);
    Ok(Packaged { registry: index, made_from })
}

/// The SHA-256 of every `.crate` file and of the workspace's lock file, one per line.
fn made_from(crates: &[PathBuf]) -> Result<String, String> {
    let mut text = String::new();
    for file in crates.iter().cloned().chain([util::root().join("Cargo.lock")]) {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        text.push_str(&format!("{}  {name}\n", sha256(&file)?));
    }
    Ok(text)
}

/// Keeps `dir` (unpacked packages, or builds against them) and returns true
/// if it was made from exactly `made_from` (see [`made_from`]); else empties
/// it and returns false.  Cargo takes a registry crate of an unchanged version
/// as unchanged, so a build kept across new sources could hide them; `cargo
/// package` writes the same bytes for the same sources (fixed timestamps), so
/// unchanged crates keep their builds.
pub fn keep_if_made_from(dir: &Path, made_from: &str) -> Result<bool, String> {
    let stamp = dir.join(".xtask-made-from");
    if fs::read_to_string(&stamp).is_ok_and(|kept| kept == made_from) {
        return Ok(true);
    }
    let _ = fs::remove_dir_all(dir);
    write(&stamp, made_from)?;
    Ok(false)
}

/// The workspace's publishable packages (no `publish = false`), each after
/// the workspace packages it depends on (normal, build and dev dependencies:
/// crates.io needs all of them to exist).
pub fn publish_order() -> Result<Vec<String>, String> {
    let out = output(cargo().args(["metadata", "--no-deps", "--format-version", "1"]))?;
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let packages = meta["packages"].as_array().ok_or("cargo metadata: no packages")?;
    let publishable: Vec<(String, Vec<String>)> = packages
        .iter()
        .filter(|p| p["publish"].as_array().map_or(true, |registries| !registries.is_empty()))
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|d| d["path"].is_string())
                .filter_map(|d| d["name"].as_str().map(str::to_string))
                .collect();
            (p["name"].as_str().unwrap_or_default().to_string(), deps)
        })
        .collect();
    dependency_order(&publishable)
}

/// Orders `(package, workspace dependencies)` so each package follows its
/// dependencies; ties by name, so the order is the same on every machine.
fn dependency_order(packages: &[(String, Vec<String>)]) -> Result<Vec<String>, String> {
    let names: Vec<&str> = packages.iter().map(|(n, _)| n.as_str()).collect();
    for (name, deps) in packages {
        if let Some(dep) = deps.iter().find(|d| !names.contains(&d.as_str())) {
            return Err(format!("{name} is published but depends on {dep}, which has `publish = false`"));
        }
    }
    let mut order: Vec<String> = Vec::new();
    while order.len() < packages.len() {
        let next = packages
            .iter()
            .filter(|(n, deps)| !order.contains(n) && deps.iter().all(|d| d == n || order.contains(d)))
            .map(|(n, _)| n)
            .min()
            .ok_or_else(|| {
                let left: Vec<&str> = names.iter().copied().filter(|n| !order.iter().any(|o| o == n)).collect();
                format!("the published crates depend on each other in a circle: {}", left.join(", "))
            })?;
        order.push(next.clone());
    }
    Ok(order)
}

/// A release runs from committed sources only: `--allow-dirty` is passed for
/// the staged C, so anything else uncommitted is refused here.
fn require_clean_tree() -> Result<(), String> {
    let status = output(&mut cmd("git", ["status", "--porcelain"]))?;
    let text = String::from_utf8_lossy(&status.stdout);
    if text.trim().is_empty() {
        Ok(())
    } else {
        Err(format!("commit or stash these changes before publishing:\n{text}"))
    }
}

/// `cargo package` for every crate in `order` (with the C staged); checks
/// that the -sys packages carry it.
fn package(order: &[String]) -> Result<Vec<PathBuf>, String> {
    let root = util::root();
    let mut c = cargo();
    // --allow-dirty: the staged C is untracked by design; --no-verify: verify()
    // builds each package from its .crate against our registry copies.
    c.args(["package", "--no-verify", "--allow-dirty"]);
    for name in order {
        c.args(["-p", name]);
    }
    run(&mut c)?;
    let version = env!("CARGO_PKG_VERSION");
    let crates: Vec<PathBuf> =
        order.iter().map(|n| root.join("target/package").join(format!("{n}-{version}.crate"))).collect();
    for (name, file) in order.iter().zip(&crates) {
        if !file.exists() {
            return Err(format!("cargo package made no {}", file.display()));
        }
        if STAGED.iter().any(|(package, _, _)| package == name) {
            check_carries_c(file)?;
        }
    }
    Ok(crates)
}

/// A -sys `.crate` must hold the C it compiles.
fn check_carries_c(file: &Path) -> Result<(), String> {
    let listing = output(&mut cmd("tar", ["tzf".as_ref(), file.as_os_str()]))?;
    let names = String::from_utf8_lossy(&listing.stdout).into_owned();
    let count = |ext: &str| names.lines().filter(|l| l.contains("/vendor/") && l.ends_with(ext)).count();
    let (c, h) = (count(".c"), count(".h"));
    println!("{}: {c} C sources, {h} headers", file.display());
    if c == 0 || h == 0 {
        return Err(format!("{} carries no C sources or headers", file.display()));
    }
    Ok(())
}

/// Builds every package as a registry user gets it: unpacked outside the
/// repository (so no workspace claims it), offline, its dependencies from
/// `index` only; what `cargo package` verifies, with our unpublished crates
/// in reach. The folder is named after the checkout, not the run, and kept
/// while the packages are unchanged, so they are the same packages to cargo
/// next time.
fn verify(index: &Path, crates: &[PathBuf], target: &Path, made_from: &str) -> Result<(), String> {
    let checkout = util::root().to_string_lossy().into_owned();
    let id = checkout.bytes().fold(2166136261u32, |h, b| (h ^ u32::from(b)).wrapping_mul(16777619));
    let dir = std::env::temp_dir().join(format!("zt-publish-verify-{id:08x}"));
    if !keep_if_made_from(&dir, made_from)? {
        write(&dir.join(".cargo/config.toml"), &registry_config(index))?;
        for file in crates {
            run(&mut cmd("tar", ["xzf".as_ref(), file.as_os_str(), "-C".as_ref(), dir.as_os_str()]))?;
        }
    }
    for file in crates {
        let name = crate_dir_name(file)?;
        let mut build = cargo();
        build.current_dir(dir.join(name)).args(["build", "--quiet", "--offline"]).env("CARGO_TARGET_DIR", target);
        run(&mut build)?;
        println!("{name}: builds from its .crate alone");
    }
    Ok(())
}

/// Cargo configuration that replaces crates.io with the directory registry
/// at `index`, offline.
pub fn registry_config(index: &Path) -> String {
    format!(
        "[source.crates-io]\nreplace-with = \"local\"\n\n[source.local]\ndirectory = \"{}\"\n\n[net]\noffline = true\n",
        index.display()
    )
}

/// `name-version` of a `.crate` file: the folder it unpacks to.
fn crate_dir_name(file: &Path) -> Result<&str, String> {
    file.file_stem().and_then(|s| s.to_str()).ok_or_else(|| format!("odd .crate name {}", file.display()))
}

/// The staged copies of vendor/<lib> inside the -sys packages, removed again
/// on drop, so a stale copy never shadows the real vendor/ in later builds.
struct Staged(Vec<PathBuf>);

impl Staged {
    fn copy(root: &Path) -> Result<Staged, String> {
        let mut staged = Staged(Vec::new());
        for (_, dir, lib) in STAGED {
            let dest = root.join(dir).join("vendor");
            let _ = fs::remove_dir_all(&dest);
            staged.0.push(dest.clone());
            copy_dir(&root.join("vendor").join(lib), &dest.join(lib))?;
        }
        Ok(staged)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for dir in &self.0 {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

/// A directory registry: the third-party crates from `cargo vendor`, plus
/// our `.crate` files unpacked with the checksum file cargo requires.
fn fill_registry(index: &Path, crates: &[PathBuf]) -> Result<(), String> {
    let mut vendor = cargo();
    vendor.args(["vendor", "--quiet", "--versioned-dirs"]).arg(index).stdout(std::process::Stdio::null());
    run(&mut vendor)?;
    for file in crates {
        run(&mut cmd("tar", ["xzf".as_ref(), file.as_os_str(), "-C".as_ref(), index.as_os_str()]))?;
        // The package checksum is the .crate's SHA-256, as on crates.io: the lock
        // files `cargo package` puts into the dependents' .crate files name it.
        let checksum = format!("{{\"files\":{{}},\"package\":\"{}\"}}", sha256(file)?);
        write(&index.join(crate_dir_name(file)?).join(".cargo-checksum.json"), &checksum)?;
    }
    Ok(())
}

/// The SHA-256 of `file` in hex, by coreutils' `sha256sum` or Perl's `shasum`.
fn sha256(file: &Path) -> Result<String, String> {
    let tools: [(&str, &[&str]); 2] = [("sha256sum", &[]), ("shasum", &["-a", "256"])];
    let (tool, args) = tools
        .iter()
        .find(|(tool, _)| util::has(tool))
        .ok_or("neither sha256sum (coreutils) nor shasum (Perl) is installed")?;
    let out = output(cmd(tool, *args).arg(file))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let hex = text.split_whitespace().next().unwrap_or_default();
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hex.to_ascii_lowercase())
    } else {
        Err(format!("{tool} gave no SHA-256 for {}: {text}", file.display()))
    }
}

/// Copies a folder tree, leaving out `target` folders.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let dest = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&entry.path(), &dest)?;
            }
        } else {
            fs::copy(entry.path(), &dest).map_err(|e| format!("{}: {e}", dest.display()))?;
        }
    }
    Ok(())
}

pub fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::dependency_order;

    fn pkg(name: &str, deps: &[&str]) -> (String, Vec<String>) {
        (name.to_string(), deps.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn dependencies_come_first() {
        let order = dependency_order(&[
            pkg("zt-tray", &["zt-tray-sys"]),
            pkg("zt-tray-sys", &["zt-native-build"]),
            pkg("zt-native-build", &[]),
        ])
        .unwrap();
        assert_eq!(order, ["zt-native-build", "zt-tray-sys", "zt-tray"]);
    }

    #[test]
    fn unpublished_dependencies_and_circles_are_refused() {
        let e = dependency_order(&[pkg("a", &["private"])]).unwrap_err();
        assert!(e.contains("private") && e.contains("publish = false"), "{e}");
        let e = dependency_order(&[pkg("a", &["b"]), pkg("b", &["a"])]).unwrap_err();
        assert!(e.contains("circle"), "{e}");
    }
}
