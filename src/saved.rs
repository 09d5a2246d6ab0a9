//! Networks the user disconnected from, kept so they can reconnect later:
//! a small JSON file in the per-user config folder, readable by the user only.

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

/// Where the list lives for this user.
pub fn default_path() -> Option<PathBuf> {
    crate::platform::config_dir().map(|d| d.join("saved-networks.json"))
}

/// Reads the list; a missing file is an empty list.  A file that is not
/// ours to read is moved aside (not lost) and the list starts empty.
pub fn load(path: &Path) -> Vec<Saved> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            log::warn!("cannot read {}: {e}", path.display());
            return Vec::new();
        }
    };
    match parse(&text) {
        Some(list) => list,
        None => {
            let aside = path.with_extension("json.unreadable");
            log::warn!("{} is not a saved-network list; kept as {}", path.display(), aside.display());
            let _ = std::fs::rename(path, &aside);
            Vec::new()
        }
    }
}

fn parse(text: &str) -> Option<Vec<Saved>> {
    let value: Value = serde_json::from_str(text).ok()?;
    let mut out: Vec<Saved> = Vec::new();
    for entry in value.get("networks")?.as_array()? {
        let id = entry.get("id")?.as_str()?;
        let name = entry.get("name").and_then(Value::as_str).unwrap_or("");
        // Only what the app itself would have written (lowercase, no spaces) gets into the menu.
        let id = match NetworkId::parse(id) {
            Ok(parsed) if parsed.as_str() == id => parsed,
            _ => continue,
        };
        if !out.iter().any(|s| s.id == id) && out.len() < MAX_SAVED {
            out.push(Saved { id, name: clean_name(name) });
        }
    }
    Some(out)
}

/// Writes the list: a new file, readable by this user only, moved over the old one.
pub fn store(path: &Path, list: &[Saved]) -> io::Result<()> {
    let networks: Vec<Value> = list.iter().map(|s| json!({ "id": s.id.as_str(), "name": s.name })).collect();
    let text = serde_json::to_string_pretty(&json!({ "networks": networks })).map_err(io::Error::other)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let temp = path.with_extension("json.new");
    let _ = std::fs::remove_file(&temp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    {
        use std::io::Write;
        let mut file = options.open(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&temp, path)
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
        assert!(load(&temp("missing")).is_empty());
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
