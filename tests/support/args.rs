//! The command line of a test program with its own main.

/// Whether the command line asks to skip the test `name`: `--skip PART` with
/// PART in the name, as libtest takes it (the ARM64 MSVC tier skips by name).
pub fn skip_requested(name: &str) -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2).any(|w| w[0] == "--skip" && name.contains(w[1].as_str()))
}
