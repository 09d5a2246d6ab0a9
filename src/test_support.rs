//! Helpers shared by the unit tests.

use std::path::PathBuf;

/// An empty folder of its own for one test: `name` and this process's id keep
/// tests and parallel runs apart.  The caller removes it when done.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zt-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
