//! The desktop's side of the Linux tray, for tests: a StatusNotifierWatcher
//! on the session bus that the app's tray registers with, and a
//! com.canonical.dbusmenu client that reads the exported menu and clicks it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use zbus::blocking::{Connection, Proxy};
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Structure, Value};

/// A dbusmenu entry on the wire: id, properties, children (each one of these).
type RawNode = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);

/// One registered item: its bus name and object path.
#[derive(Clone, Debug)]
pub struct Item {
    pub service: String,
    pub path: String,
}

struct Watcher {
    items: Arc<Mutex<Vec<Item>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    fn register_status_notifier_item(&self, service: &str, #[zbus(header)] header: zbus::message::Header<'_>) {
        // The spec allows an object path (the bus name is the sender) or a bus name.
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        let (bus, path) = if service.starts_with('/') {
            (sender, service.to_string())
        } else {
            (service.to_string(), "/StatusNotifierItem".to_string())
        };
        self.items.lock().unwrap().push(Item { service: bus, path });
    }

    fn register_status_notifier_host(&self, _service: &str) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items.lock().unwrap().iter().map(|i| format!("{}{}", i.service, i.path)).collect()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

/// The watcher, serving on its own connection until dropped.
pub struct Host {
    connection: Connection,
    items: Arc<Mutex<Vec<Item>>>,
}

/// A menu entry as dbusmenu exports it.
#[derive(Clone, Debug)]
pub struct Node {
    pub id: i32,
    pub label: String,
    pub enabled: bool,
    pub separator: bool,
    /// `Some` for check items.
    pub checked: Option<bool>,
    pub children: Vec<Node>,
}

impl Node {
    /// The first entry (depth first) whose label satisfies `f`.
    pub fn find(&self, f: &dyn Fn(&str) -> bool) -> Option<&Node> {
        if f(&self.label) {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(f))
    }

    /// Every label, depth first, for messages.
    pub fn labels(&self) -> Vec<String> {
        let mut out = Vec::new();
        for c in &self.children {
            out.push(if c.separator { "-".to_string() } else { c.label.clone() });
            out.extend(c.labels().into_iter().map(|l| format!("  {l}")));
        }
        out
    }
}

impl Host {
    pub fn start() -> zbus::Result<Host> {
        let items = Arc::new(Mutex::new(Vec::new()));
        let connection = zbus::blocking::connection::Builder::session()?
            .name("org.kde.StatusNotifierWatcher")?
            .serve_at("/StatusNotifierWatcher", Watcher { items: items.clone() })?
            .build()?;
        Ok(Host { connection, items })
    }

    /// The first item registered by the process `pid`.
    pub fn wait_item(&self, pid: u32, limit: Duration) -> Result<Item, String> {
        let end = Instant::now() + limit;
        loop {
            let items = self.items.lock().unwrap().clone();
            for item in items {
                if self.pid_of(&item.service) == Some(pid) {
                    return Ok(item);
                }
            }
            if Instant::now() > end {
                return Err(format!("no tray item from pid {pid} registered within {limit:?}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn pid_of(&self, bus_name: &str) -> Option<u32> {
        let dbus = zbus::blocking::fdo::DBusProxy::new(&self.connection).ok()?;
        dbus.get_connection_unix_process_id(bus_name.try_into().ok()?).ok()
    }

    fn menu_proxy(&self, item: &Item) -> Result<Proxy<'_>, String> {
        let sni = Proxy::new(&self.connection, item.service.as_str(), item.path.as_str(), "org.kde.StatusNotifierItem")
            .map_err(|e| e.to_string())?;
        let menu: OwnedObjectPath = sni.get_property("Menu").map_err(|e| format!("item has no Menu: {e}"))?;
        Proxy::new(&self.connection, item.service.clone(), menu, "com.canonical.dbusmenu").map_err(|e| e.to_string())
    }

    /// The item's whole menu.
    pub fn layout(&self, item: &Item) -> Result<Node, String> {
        let menu = self.menu_proxy(item)?;
        let (_revision, root): (u32, RawNode) =
            menu.call("GetLayout", &(0i32, -1i32, Vec::<String>::new())).map_err(|e| format!("GetLayout: {e}"))?;
        node(root)
    }

    /// Waits until the menu satisfies `ok`, returning it; the last layout in the error.
    pub fn layout_until(&self, item: &Item, limit: Duration, ok: impl Fn(&Node) -> bool) -> Result<Node, String> {
        let end = Instant::now() + limit;
        loop {
            let layout = self.layout(item);
            match &layout {
                Ok(n) if ok(n) => return layout,
                _ if Instant::now() > end => {
                    return Err(format!(
                        "menu did not reach the expected state within {limit:?}: {:#?}",
                        layout.map(|n| n.labels())
                    ))
                }
                _ => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }

    /// Clicks the entry `id` as a desktop does.
    pub fn click(&self, item: &Item, id: i32) -> Result<(), String> {
        let menu = self.menu_proxy(item)?;
        let data = Value::from(0i32);
        menu.call::<_, _, ()>("Event", &(id, "clicked", data, 0u32)).map_err(|e| format!("Event({id}): {e}"))
    }
}

fn node((id, props, children): RawNode) -> Result<Node, String> {
    let text = |key: &str| props.get(key).and_then(|v| String::try_from(v.clone()).ok());
    let flag = |key: &str| props.get(key).and_then(|v| bool::try_from(v.clone()).ok());
    let toggle = props.get("toggle-state").and_then(|v| i32::try_from(v.clone()).ok());
    let mut kids = Vec::new();
    for child in children {
        let structure = Structure::try_from(child).map_err(|e| format!("menu child is not a structure: {e}"))?;
        let fields = structure.into_fields();
        let [id, props, children]: [Value; 3] =
            fields.try_into().map_err(|_| "menu child is not (ia{sv}av)".to_string())?;
        let id = i32::try_from(id).map_err(|e| e.to_string())?;
        let props: HashMap<String, OwnedValue> = HashMap::try_from(props).map_err(|e| e.to_string())?;
        let children: Vec<OwnedValue> = Vec::try_from(children).map_err(|e| e.to_string())?;
        kids.push(node((id, props, children))?);
    }
    Ok(Node {
        id,
        // GTK's mnemonic underscores are not part of what the user reads.
        label: text("label").unwrap_or_default().replace('_', ""),
        enabled: flag("enabled").unwrap_or(true),
        separator: text("type").as_deref() == Some("separator"),
        checked: props.get("toggle-type").map(|_| toggle == Some(1)),
        children: kids,
    })
}
