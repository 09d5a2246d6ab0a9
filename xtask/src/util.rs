//! Running commands and finding the project's paths.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

/// The workspace root (the xtask crate sits one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// `target/xtask`: wrapper scripts, the Wine prefix and other test state.
pub fn state_dir() -> PathBuf {
    let dir = root().join("target").join("xtask");
    std::fs::create_dir_all(&dir).expect("target/xtask can be created");
    dir
}

/// The cargo that started us, so nested builds use the same toolchain.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    cmd
}

/// A command for `program` with `args`.
pub fn cmd<I, S>(program: &str, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(root());
    cmd
}

/// Runs a command with inherited output; an error names it and its status.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    echo(cmd);
    let status = cmd.status().map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed with {status}", describe(cmd)))
    }
}

/// Runs a command and captures its output (stderr included in errors).
pub fn output(cmd: &mut Command) -> Result<Output, String> {
    echo(cmd);
    let out = cmd.stdin(Stdio::null()).output().map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(format!(
            "{} failed with {}\n{}{}",
            describe(cmd),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Whether `program` can be started (asked with `--version`).
pub fn has(program: &str) -> bool {
    Command::new(program).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
}

/// Seconds taken by `f`, with its result.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed().as_secs_f64())
}

fn echo(cmd: &Command) {
    println!("+ {}", describe(cmd));
}

fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Writes an executable shell script (wrapper tools for cross compilers).
#[cfg(unix)]
pub fn write_script(path: &Path, body: &str) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    // Replace, never write through: an older tool dir may hold a symlink to the real tool here.
    let _ = std::fs::remove_file(path);
    std::fs::write(path, format!("#!/bin/sh\n{body}\n"))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot chmod {}: {e}", path.display()))
}

/// The environment variable suffix cargo and cc use for a triple.
pub fn triple_var(triple: &str) -> String {
    triple.replace('-', "_")
}

/// `CARGO_TARGET_<TRIPLE>_<KEY>`
pub fn cargo_target_var(triple: &str, key: &str) -> String {
    format!("CARGO_TARGET_{}_{key}", triple_var(triple).to_uppercase())
}

#[cfg(not(unix))]
pub fn write_script(path: &Path, _body: &str) -> Result<(), String> {
    Err(format!("{}: the cross-compiling tiers need a Unix host", path.display()))
}
