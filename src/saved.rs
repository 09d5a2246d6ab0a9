//! What the app keeps between runs, each a small JSON file in the per-user
//! config folder, readable by the user only: the networks the user
//! disconnected from (so they can reconnect later), and the app's settings.

use std::io;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::service::NetworkId;

/// One remembered network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub id: NetworkId,
    pub name: String,
}

/// At most this many are kept: the menu shows them all.
pub const MAX_SAVED: usize = 64;
/// Far more than MAX_SAVED entries take; a bigger file is not ours.
const MAX_FILE: u64 = 64 << 10;

/// Where the list lives for this user.
pub fn default_path() -> Option<PathBuf> {
    crate::platform::config_dir().map(|d| d.join("saved-networks.json"))
}

/// Reads the list; a missing file is an empty list.  A file that is not
/// ours to read is moved aside (not lost) and the list starts empty.
pub fn load(path: &Path) -> Vec<Saved> {
    let parsed = match crate::platform::read_small_file(path, MAX_FILE) {
        Ok(text) => parse(&text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Vec::new(),
        // Too big, not text, not a regular file: not ours, like unparsable JSON.
        Err(e) if e.kind() == io::ErrorKind::InvalidData => None,
        Err(e) => {
            log::warn!("cannot read {}: {e}", path.display());
            return Vec::new();
        }
    };
    parsed.unwrap_or_else(|| {
        let aside = path.with_extension("json.unreadable");
        log::warn!("{} is not a saved-network list; kept as {}", path.display(), aside.display());
        let _ = std::fs::rename(path, &aside);
        Vec::new()
    })
}

/// The list, or `None` when the file is not a list at all.  A malformed
/// entry is skipped: the good ones around it are kept.
fn parse(text: &str) -> Option<Vec<Saved>> {
    let value: Value = serde_json::from_str(text).ok()?;
    let mut out: Vec<Saved> = Vec::new();
    let mut skipped = 0usize;
    for entry in value.get("networks")?.as_array()? {
        let Some(id) = entry.get("id").and_then(Value::as_str) else {
            skipped += 1;
            continue;
        };
        let name = entry.get("name").and_then(Value::as_str).unwrap_or("");
        // Only what the app itself would have written (lowercase, no spaces) gets into the menu.
        let id = match NetworkId::parse(id) {
            Ok(parsed) if parsed.as_str() == id => parsed,
            _ => {
                skipped += 1;
                continue;
            }
        };
        if !out.iter().any(|s| s.id == id) && out.len() < MAX_SAVED {
            out.push(Saved { id, name: clean_name(name) });
        }
    }
    if skipped > 0 {
        log::warn!("skipped {skipped} malformed saved network(s)");
    }
    Some(out)
}

/// Writes the list: a new file, readable by this user only, moved over the old one.
pub fn store(path: &Path, list: &[Saved]) -> io::Result<()> {
    let networks: Vec<Value> = list.iter().map(|s| json!({ "id": s.id.as_str(), "name": s.name })).collect();
    let text = serde_json::to_string_pretty(&json!({ "networks": networks })).map_err(io::Error::other)?;
    crate::platform::replace_file(path, text.as_bytes())
}

/// Adds (or renames) `id`, newest first.
pub fn remember(list: &mut Vec<Saved>, id: &NetworkId, name: &str) {
    list.retain(|s| &s.id != id);
    list.insert(0, Saved { id: id.clone(), name: clean_name(name) });
    list.truncate(MAX_SAVED);
}

pub fn forget(list: &mut Vec<Saved>, id: &NetworkId) {
    list.retain(|s| &s.id != id);
}

/// The app's own settings (start at login lives with the platform instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Desktop notifications when a network or the service changes.
    pub notifications: bool,
    /// The window's content size when it was last resized.
    pub window_size: (i32, i32),
    /// The window's tab when it was last changed (0 Networks, 1 Peers, 2 This node).
    pub window_tab: usize,
}

/// The window's size the first time, and the smallest and largest kept.
pub const WINDOW_DEFAULT: (i32, i32) = (760, 520);
const WINDOW_MIN: (i32, i32) = (320, 240);
const WINDOW_MAX: i32 = 8192;
/// Tabs the window has; a saved tab beyond them is the first.
pub const WINDOW_TABS: usize = 3;

impl Default for Settings {
    fn default() -> Settings {
        Settings { notifications: true, window_size: WINDOW_DEFAULT, window_tab: 0 }
    }
}

impl Settings {
    /// A size the window can open at: one from another screen (or a hand
    /// edited file) is brought within reasonable bounds.
    pub fn with_window_size(self, width: i32, height: i32) -> Settings {
        let clamp = |v: i32, min: i32| v.clamp(min, WINDOW_MAX);
        Settings { window_size: (clamp(width, WINDOW_MIN.0), clamp(height, WINDOW_MIN.1)), ..self }
    }

    pub fn with_window_tab(self, tab: usize) -> Settings {
        Settings { window_tab: if tab < WINDOW_TABS { tab } else { 0 }, ..self }
    }
}

pub fn settings_path() -> Option<PathBuf> {
    crate::platform::config_dir().map(|d| d.join("settings.json"))
}

/// Reads the settings; a missing file gives the defaults, and so does a
/// setting that is absent or of the wrong type (the others are kept).
pub fn load_settings(path: &Path) -> Settings {
    let text = match crate::platform::read_small_file(path, MAX_FILE) {
        Ok(text) => text,
        Err(e) => {
            if e.kind() != io::ErrorKind::NotFound {
                log::warn!("cannot read {}: {e}; using the default settings", path.display());
            }
            return Settings::default();
        }
    };
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|_| {
        log::warn!("{} is not a settings file; using the default settings", path.display());
        Value::Null
    });
    let defaults = Settings::default();
    let window = value.get("window");
    let size = match (number_in(window, "width"), number_in(window, "height")) {
        (Some(w), Some(h)) => (w, h),
        _ => defaults.window_size,
    };
    let tab = window.and_then(|w| w.get("tab")).and_then(Value::as_u64).unwrap_or(0);
    Settings {
        notifications: value.get("notifications").and_then(Value::as_bool).unwrap_or(defaults.notifications),
        ..defaults
    }
    .with_window_size(size.0, size.1)
    .with_window_tab(usize::try_from(tab).unwrap_or(0))
}

fn number_in(object: Option<&Value>, key: &str) -> Option<i32> {
    object?.get(key)?.as_i64().and_then(|v| i32::try_from(v).ok())
}

pub fn store_settings(path: &Path, settings: &Settings) -> io::Result<()> {
    let (width, height) = settings.window_size;
    let text = serde_json::to_string_pretty(&json!({
        "notifications": settings.notifications,
        "window": { "width": width, "height": height, "tab": settings.window_tab },
    }))
    .map_err(io::Error::other)?;
    crate::platform::replace_file(path, text.as_bytes())
}

fn clean_name(name: &str) -> String {
    crate::text::clean(name, crate::text::MAX_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> NetworkId {
        NetworkId::parse(text).unwrap()
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ztui-saved-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("saved-networks.json")
    }

    #[test]
    fn survives_a_round_trip_and_is_private() {
        let path = temp("round");
        let mut list = Vec::new();
        remember(&mut list, &id("a000000000000001"), "home");
        remember(&mut list, &id("b000000000000002"), "work\u{7}");
        remember(&mut list, &id("a000000000000001"), "home renamed");
        store(&path, &list).unwrap();
        let back = load(&path);
        assert_eq!(back, list);
        assert_eq!(back[0], Saved { id: id("a000000000000001"), name: "home renamed".into() });
        assert_eq!(back[1].name, "work\u{fffd}", "control characters are replaced as in the menu");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        forget(&mut list, &id("a000000000000001"));
        store(&path, &list).unwrap();
        assert_eq!(load(&path).len(), 1);
    }

    #[test]
    fn bad_files_are_kept_aside_and_bad_entries_dropped() {
        let path = temp("bad");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "not json").unwrap();
        assert!(load(&path).is_empty());
        assert!(path.with_extension("json.unreadable").exists(), "the unreadable file was not kept");
        std::fs::write(&path, r#"{"networks":[{"id":"../../x"},{"id":"A000000000000001"},{"id":"c000000000000003","name":7},{"id":"c000000000000003"}]}"#).unwrap();
        assert_eq!(load(&path), [Saved { id: id("c000000000000003"), name: String::new() }]);
        // One entry without an ID (or with a number for one) costs only itself.
        std::fs::write(&path, r#"{"networks":[{"id":"a000000000000001","name":"a"},{"name":"no id"},{"id":5},{"id":"b000000000000002","name":"b"}]}"#).unwrap();
        let kept: Vec<String> = load(&path).iter().map(|s| s.name.clone()).collect();
        assert_eq!(kept, ["a", "b"]);
        std::fs::write(&path, " ".repeat(MAX_FILE as usize + 1)).unwrap();
        assert!(load(&path).is_empty(), "an oversized file is not read");
        assert!(load(&temp("missing")).is_empty());
    }

    #[test]
    fn settings_survive_a_round_trip_and_bad_files_give_defaults() {
        let path = temp("settings").with_file_name("settings.json");
        assert_eq!(load_settings(&path), Settings::default(), "missing: the defaults");
        assert!(Settings::default().notifications, "notifications are on until switched off");
        let changed =
            Settings { notifications: false, ..Settings::default() }.with_window_size(900, 600).with_window_tab(2);
        store_settings(&path, &changed).unwrap();
        assert_eq!(load_settings(&path), changed);
        assert_eq!((changed.window_size, changed.window_tab), ((900, 600), 2));
        std::fs::write(&path, r#"{"notifications": "no"}"#).unwrap();
        assert_eq!(load_settings(&path), Settings::default(), "a wrong type is not a silent false");
        std::fs::write(&path, "garbage").unwrap();
        assert_eq!(load_settings(&path), Settings::default());
        std::fs::write(&path, " ".repeat(MAX_FILE as usize + 1)).unwrap();
        assert_eq!(load_settings(&path), Settings::default(), "an oversized file is not read");
    }

    #[test]
    fn window_size_and_tab_are_kept_within_bounds() {
        let path = temp("window").with_file_name("settings.json");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, r#"{"window": {"width": 5, "height": 99999999, "tab": 7}}"#).unwrap();
        let s = load_settings(&path);
        assert_eq!(s.window_size, (320, 8192), "clamped, not refused");
        assert_eq!(s.window_tab, 0, "no such tab: the first");
        assert!(s.notifications, "what the file does not say keeps its default");
        std::fs::write(&path, r#"{"window": {"width": "wide", "height": 400, "tab": 1}}"#).unwrap();
        let s = load_settings(&path);
        assert_eq!((s.window_size, s.window_tab), (WINDOW_DEFAULT, 1), "half a size is no size");
        std::fs::write(&path, r#"{"window": {"width": 1e300, "height": -3, "tab": -1}}"#).unwrap();
        assert_eq!(load_settings(&path).window_size, WINDOW_DEFAULT);
    }

    #[test]
    fn the_list_is_capped() {
        let mut list = Vec::new();
        for i in 0..100 {
            remember(&mut list, &id(&format!("{i:016x}")), "n");
        }
        assert_eq!(list.len(), MAX_SAVED);
        assert_eq!(list[0].id, id(&format!("{:016x}", 99)));
    }
}
