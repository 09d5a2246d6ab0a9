//! Where the app's messages go: stderr, or a per-user log file when there
//! is no console (the Windows GUI subsystem). A failed write is dropped:
//! reporting must never be able to stop the app (a closed pipe on stderr
//! made `eprintln!` panic inside a C callback).

use log::{Level, LevelFilter, Log, Metadata, Record};
use std::collections::VecDeque;
use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

/// The log file is started afresh when it has grown past this.
const MAX_LOG_FILE: u64 = 1 << 20;
/// Lines kept in memory for the diagnostics file, and the longest kept whole.
const RECENT_LINES: usize = 200;
const MAX_RECENT_LINE: usize = 1000;

/// The app's last messages, newest last (a log file may not exist: Linux logs to stderr).
static RECENT: Mutex<VecDeque<String>> = Mutex::new(VecDeque::new());

/// Keeps `line` among the last `RECENT_LINES`, cut to `MAX_RECENT_LINE` characters.
fn remember(recent: &mut VecDeque<String>, line: &str) {
    if recent.len() == RECENT_LINES {
        recent.pop_front();
    }
    recent.push_back(line.chars().take(MAX_RECENT_LINE).collect());
}

/// The last messages the app logged, oldest first.
pub fn recent_lines() -> Vec<String> {
    RECENT.lock().map(|r| r.iter().cloned().collect()).unwrap_or_default()
}

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
        if let Ok(mut recent) = RECENT.lock() {
            remember(&mut recent, line.trim_end());
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_lines_are_kept_bounded() {
        let mut recent = VecDeque::new();
        for i in 0..RECENT_LINES + 50 {
            remember(&mut recent, &format!("line {i}"));
        }
        assert_eq!(recent.len(), RECENT_LINES);
        assert_eq!(recent.front().unwrap(), "line 50");
        assert_eq!(recent.back().unwrap(), &format!("line {}", RECENT_LINES + 49));
        remember(&mut recent, &"é".repeat(5000));
        assert_eq!(recent.back().unwrap().chars().count(), MAX_RECENT_LINE);
    }
}
