//! Where the app's messages go: stderr, or a per-user log file when there
//! is no console (the Windows GUI subsystem). A failed write is dropped:
//! reporting must never be able to stop the app (a closed pipe on stderr
//! made `eprintln!` panic inside a C callback).

use log::{Level, LevelFilter, Log, Metadata, Record};
use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

/// The log file is started afresh when it has grown past this.
const MAX_LOG_FILE: u64 = 1 << 20;

struct Logger {
    file: Option<Mutex<File>>,
}

impl Log for Logger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.level() <= Level::Info
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!("zerotier_desktop_ui: {}: {}\n", record.level().as_str().to_lowercase(), record.args());
        match &self.file {
            Some(file) => {
                if let Ok(mut f) = file.lock() {
                    let _ = f.write_all(line.as_bytes());
                }
            }
            None => {
                let _ = std::io::stderr().lock().write_all(line.as_bytes());
            }
        }
    }

    fn flush(&self) {}
}

/// Installs the logger (once; later calls do nothing).
pub fn init() {
    install(if has_console() { None } else { log_file().and_then(open_log).map(Mutex::new) });
}

/// The logger for the privileged token step: stderr only.  Its log file would sit in a folder
/// the unprivileged user controls, so writing it with raised rights could create or cut short
/// a file wherever that user points the folder.
pub fn init_stderr_only() {
    install(None);
}

fn install(file: Option<Mutex<File>>) {
    if log::set_boxed_logger(Box::new(Logger { file })).is_ok() {
        log::set_max_level(LevelFilter::Info);
    }
}

fn open_log(path: PathBuf) -> Option<File> {
    let _ = std::fs::create_dir_all(path.parent()?);
    let big = std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_LOG_FILE);
    let mut options = std::fs::OpenOptions::new();
    options.create(true);
    if big {
        options.write(true).truncate(true);
    } else {
        options.append(true);
    }
    options.open(path).ok()
}

/// `%LOCALAPPDATA%\ZeroTier\desktop-ui.log` on Windows; elsewhere a console
/// or the desktop's session log always takes stderr.
fn log_file() -> Option<PathBuf> {
    cfg_if::cfg_if! {
        if #[cfg(windows)] {
            std::env::var_os("LOCALAPPDATA").map(|d| PathBuf::from(d).join("ZeroTier").join("desktop-ui.log"))
        } else {
            None
        }
    }
}

/// A GUI-subsystem exe started from Explorer has no stderr handle.
#[cfg(windows)]
fn has_console() -> bool {
    use std::os::windows::io::AsRawHandle;
    !std::io::stderr().as_raw_handle().is_null()
}

/// Elsewhere stderr always goes somewhere (a terminal or the session's log).
#[cfg(not(windows))]
fn has_console() -> bool {
    true
}
