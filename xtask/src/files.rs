//! Small file helpers the tiers and the benchmark share.

use std::path::{Path, PathBuf};

pub fn touch(path: &Path) -> Result<(), String> {
    let file = std::fs::File::options().append(true).open(path).map_err(|e| e.to_string())?;
    file.set_modified(std::time::SystemTime::now()).map_err(|e| e.to_string())
}

pub fn first_file(dir: &Path, ext: &str) -> Result<PathBuf, String> {
    files_in(dir, ext).into_iter().next().ok_or_else(|| format!("no .{ext} file in {}", dir.display()))
}

pub fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == ext)).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Finds `name` in a `<dir>/<pkg>-<hash>/<sub>/` tree (cargo's build dirs),
/// newest first.
pub fn find_file(dir: &Path, name: &str, sub: &str) -> Option<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join(sub).join(name))
        .filter(|p| p.exists())
        .filter_map(|p| Some((p.metadata().ok()?.modified().ok()?, p)))
        .collect();
    found.sort();
    found.pop().map(|(_, p)| p)
}
