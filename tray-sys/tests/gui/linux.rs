//! Linux: a private session bus where this process plays StatusNotifierWatcher and
//! notification server, then reads what the item exports (item properties and
//! the com.canonical.dbusmenu layout) through GDBus, like a panel would.

#[path = "linux_item.rs"]
mod item;

use crate::common::*;
use crate::runner::Case;
use std::cell::RefCell;
use std::ffi::{c_char, c_int, c_uint, c_void, CStr, CString};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::ptr::{null, null_mut};
use std::time::{Duration, Instant};
use zt_tray_sys::*;

type P = *mut c_void;

#[repr(C)]
struct GError {
    domain: u32,
    code: c_int,
    message: *const c_char,
}

type MethodCall = unsafe extern "C" fn(P, *const c_char, *const c_char, *const c_char, *const c_char, P, P, P);
type GetProperty =
    unsafe extern "C" fn(P, *const c_char, *const c_char, *const c_char, *const c_char, *mut *mut GError, P) -> P;
type ReadyCallback = unsafe extern "C" fn(P, P, P);

#[repr(C)]
struct VTable {
    method_call: Option<MethodCall>,
    get_property: Option<GetProperty>,
    set_property: P,
    padding: [P; 8],
}

// gio, gobject and glib come with GTK, which tray-sys links.
extern "C" {
    fn g_bus_get_sync(bus_type: c_int, cancellable: P, error: *mut *mut GError) -> P;
    fn g_dbus_node_info_new_for_xml(xml: *const c_char, error: *mut *mut GError) -> P;
    fn g_dbus_node_info_lookup_interface(info: P, name: *const c_char) -> P;
    fn g_dbus_connection_register_object(
        c: P,
        path: *const c_char,
        iface: P,
        vt: *const VTable,
        data: P,
        free: P,
        error: *mut *mut GError,
    ) -> c_uint;
    fn g_dbus_connection_call_sync(
        c: P,
        dest: *const c_char,
        path: *const c_char,
        iface: *const c_char,
        method: *const c_char,
        params: P,
        reply: P,
        flags: c_int,
        timeout: c_int,
        cancellable: P,
        error: *mut *mut GError,
    ) -> P;
    fn g_dbus_connection_call(
        c: P,
        dest: *const c_char,
        path: *const c_char,
        iface: *const c_char,
        method: *const c_char,
        params: P,
        reply: P,
        flags: c_int,
        timeout: c_int,
        cancellable: P,
        cb: Option<ReadyCallback>,
        data: P,
    );
    fn g_dbus_connection_call_finish(c: P, res: P, error: *mut *mut GError) -> P;
    fn g_dbus_method_invocation_return_value(inv: P, params: P);
    fn g_main_context_iteration(ctx: P, may_block: c_int) -> c_int;
    fn g_variant_new(format: *const c_char, ...) -> P;
    fn g_variant_new_boolean(b: c_int) -> P;
    fn g_variant_new_int32(i: i32) -> P;
    fn g_variant_new_string(s: *const c_char) -> P;
    fn g_variant_new_strv(v: *const *const c_char, n: isize) -> P;
    fn g_variant_n_children(v: P) -> usize;
    fn g_variant_get_child_value(v: P, i: usize) -> P;
    fn g_variant_lookup_value(dict: P, key: *const c_char, ty: P) -> P;
    fn g_variant_get_string(v: P, len: *mut usize) -> *const c_char;
    fn g_variant_get_int32(v: P) -> i32;
    fn g_variant_get_uint32(v: P) -> c_uint;
    fn g_variant_get_boolean(v: P) -> c_int;
    fn g_variant_get_variant(v: P) -> P;
    fn g_variant_unref(v: P);
    fn g_variant_new_parsed(format: *const c_char, ...) -> P;
    fn g_variant_get_fixed_array(v: P, n: *mut usize, size: usize) -> *const c_void;
}

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn gerror(e: *mut GError) -> String {
    if e.is_null() {
        "unknown GError".into()
    } else {
        unsafe { CStr::from_ptr((*e).message).to_string_lossy().into_owned() }
    }
}

#[derive(Default)]
struct World {
    bus: usize,
    daemon: Option<Child>,
    runtime_dir: Option<PathBuf>,
    /// (sender, object path) of the last RegisterStatusNotifierItem.
    registered: Option<(String, String)>,
    /// (summary, body) of each Notify received.
    notes: Vec<(String, String)>,
}

thread_local! {
    static WORLD: RefCell<World> = RefCell::new(World::default());
}

fn bus() -> P {
    WORLD.with(|w| w.borrow().bus as P)
}

/// Starts a private dbus-daemon, points this process at it, and serves the watcher and
/// notification interfaces on it. Also gives the process a fresh XDG_RUNTIME_DIR so
/// the icon cache directory is known and private.
pub fn setup() -> Result<(), String> {
    let mut daemon = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start dbus-daemon: {e}"))?;
    let mut address = String::new();
    BufReader::new(daemon.stdout.take().unwrap()).read_line(&mut address).map_err(|e| e.to_string())?;
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", address.trim());
    let runtime = std::env::temp_dir().join(format!("tray-test-runtime-{}", std::process::id()));
    std::fs::create_dir_all(&runtime).map_err(|e| e.to_string())?;
    std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).map_err(|e| e.to_string())?;
    std::env::set_var("XDG_RUNTIME_DIR", &runtime);
    WORLD.with(|w| {
        let mut w = w.borrow_mut();
        w.daemon = Some(daemon);
        w.runtime_dir = Some(runtime);
    });
    let mut err = null_mut();
    let conn = unsafe { g_bus_get_sync(2, null_mut(), &mut err) };
    if conn.is_null() {
        return Err(format!("no session bus: {}", gerror(err)));
    }
    WORLD.with(|w| w.borrow_mut().bus = conn as usize);
    serve("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher", WATCHER_XML)?;
    serve("org.freedesktop.Notifications", "/org/freedesktop/Notifications", NOTIFY_XML)
}

pub fn teardown() {
    WORLD.with(|w| {
        let mut w = w.borrow_mut();
        if let Some(mut d) = w.daemon.take() {
            let _ = d.kill();
            let _ = d.wait();
        }
        if let Some(dir) = w.runtime_dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    });
}

const WATCHER_XML: &str = r#"<node><interface name="org.kde.StatusNotifierWatcher">
<method name="RegisterStatusNotifierItem"><arg type="s" direction="in"/></method>
<method name="RegisterStatusNotifierHost"><arg type="s" direction="in"/></method>
<property name="RegisteredStatusNotifierItems" type="as" access="read"/>
<property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
<property name="ProtocolVersion" type="i" access="read"/>
</interface></node>"#;

const NOTIFY_XML: &str = r#"<node><interface name="org.freedesktop.Notifications">
<method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
<arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
<arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/></method>
<method name="GetCapabilities"><arg type="as" direction="out"/></method>
</interface></node>"#;

fn serve(name: &str, path: &str, xml: &str) -> Result<(), String> {
    struct Shared(VTable);
    unsafe impl Sync for Shared {}
    static VT: Shared = Shared(VTable {
        method_call: Some(on_method),
        get_property: Some(on_property),
        set_property: null_mut(),
        padding: [null_mut(); 8],
    });
    unsafe {
        let mut err = null_mut();
        let info = g_dbus_node_info_new_for_xml(c(xml).as_ptr(), &mut err);
        if info.is_null() {
            return Err(gerror(err));
        }
        let iface = g_dbus_node_info_lookup_interface(info, c(name).as_ptr());
        if g_dbus_connection_register_object(bus(), c(path).as_ptr(), iface, &VT.0, null_mut(), null_mut(), &mut err)
            == 0
        {
            return Err(gerror(err));
        }
        // DO_NOT_QUEUE: fail at once if someone else (a real panel) owns the name.
        let reply = g_dbus_connection_call_sync(
            bus(),
            c("org.freedesktop.DBus").as_ptr(),
            c("/org/freedesktop/DBus").as_ptr(),
            c("org.freedesktop.DBus").as_ptr(),
            c("RequestName").as_ptr(),
            g_variant_new(c("(su)").as_ptr(), c(name).as_ptr(), 4 as c_uint),
            null_mut(),
            0,
            -1,
            null_mut(),
            &mut err,
        );
        if reply.is_null() {
            return Err(gerror(err));
        }
        let got = g_variant_get_uint32(g_variant_get_child_value(reply, 0));
        if got != 1 {
            return Err(format!("could not own {name} (RequestName returned {got})"));
        }
    }
    Ok(())
}

unsafe fn text(p: *const c_char) -> String {
    CStr::from_ptr(p).to_string_lossy().into_owned()
}

unsafe fn child_str(v: P, i: usize) -> String {
    let ch = g_variant_get_child_value(v, i);
    let s = text(g_variant_get_string(ch, null_mut()));
    g_variant_unref(ch);
    s
}

unsafe extern "C" fn on_method(
    _c: P,
    sender: *const c_char,
    _path: *const c_char,
    _iface: *const c_char,
    method: *const c_char,
    params: P,
    inv: P,
    _data: P,
) {
    match text(method).as_str() {
        "RegisterStatusNotifierItem" => {
            let arg = child_str(params, 0);
            let sender = text(sender);
            // The spec allows a bus name or an object path here.
            let (service, path) =
                if arg.starts_with('/') { (sender, arg) } else { (arg, "/StatusNotifierItem".into()) };
            WORLD.with(|w| w.borrow_mut().registered = Some((service, path)));
            g_dbus_method_invocation_return_value(inv, null_mut());
        }
        "RegisterStatusNotifierHost" => g_dbus_method_invocation_return_value(inv, null_mut()),
        "Notify" => {
            let note = (child_str(params, 3), child_str(params, 4));
            WORLD.with(|w| w.borrow_mut().notes.push(note));
            g_dbus_method_invocation_return_value(inv, g_variant_new(c("(u)").as_ptr(), 1 as c_uint));
        }
        "GetCapabilities" => {
            let caps = g_variant_new_strv(null(), 0);
            g_dbus_method_invocation_return_value(inv, g_variant_new(c("(@as)").as_ptr(), caps));
        }
        _ => g_dbus_method_invocation_return_value(inv, null_mut()),
    }
}

unsafe extern "C" fn on_property(
    _c: P,
    _s: *const c_char,
    _p: *const c_char,
    _i: *const c_char,
    prop: *const c_char,
    _e: *mut *mut GError,
    _d: P,
) -> P {
    match text(prop).as_str() {
        "IsStatusNotifierHostRegistered" => g_variant_new_boolean(1),
        "ProtocolVersion" => g_variant_new_int32(0),
        _ => g_variant_new_strv(null(), 0),
    }
}

/// Runs the GLib default main context (where the tray lives) until `done` or timeout.
fn pump_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + timeout;
    while Instant::now() < end {
        if done() {
            return true;
        }
        unsafe {
            if g_main_context_iteration(null_mut(), 0) == 0 {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }
    done()
}

fn pump_for(d: Duration) {
    pump_until(d, || false);
}

struct Reply {
    value: Option<usize>,
    error: Option<String>,
    done: bool,
}

unsafe extern "C" fn on_reply(src: P, res: P, data: P) {
    let reply = &mut *(data as *mut Reply);
    let mut err = null_mut();
    let v = g_dbus_connection_call_finish(src, res, &mut err);
    if v.is_null() {
        reply.error = Some(gerror(err));
    } else {
        reply.value = Some(v as usize);
    }
    reply.done = true;
}

/// A D-Bus call to this same process: asynchronous, with the main context pumped
/// meanwhile, because the indicator answers from that context.
fn call(dest: &str, path: &str, iface: &str, method: &str, params: P) -> Result<P, String> {
    let mut reply = Reply { value: None, error: None, done: false };
    unsafe {
        g_dbus_connection_call(
            bus(),
            c(dest).as_ptr(),
            c(path).as_ptr(),
            c(iface).as_ptr(),
            c(method).as_ptr(),
            params,
            null_mut(),
            0,
            5000,
            null_mut(),
            Some(on_reply),
            &mut reply as *mut Reply as P,
        );
    }
    let ptr = &reply as *const Reply;
    if !pump_until(Duration::from_secs(10), || unsafe { (*ptr).done }) {
        return Err(format!("{method}: no reply"));
    }
    match reply.value {
        Some(v) => Ok(v as P),
        None => Err(format!("{method}: {}", reply.error.unwrap_or_default())),
    }
}

/// Reads a(iiay) into (width, height, bytes) triples.
unsafe fn pixmap_list(v: P) -> Vec<(i32, i32, Vec<u8>)> {
    (0..g_variant_n_children(v))
        .map(|i| {
            let m = g_variant_get_child_value(v, i);
            let w = g_variant_get_int32(g_variant_get_child_value(m, 0));
            let h = g_variant_get_int32(g_variant_get_child_value(m, 1));
            let bytes = g_variant_get_child_value(m, 2);
            let mut n = 0usize;
            let data = g_variant_get_fixed_array(bytes, &mut n, 1) as *const u8;
            let v = if n == 0 { Vec::new() } else { std::slice::from_raw_parts(data, n).to_vec() };
            (w, h, v)
        })
        .collect()
}

struct Item {
    service: String,
    path: String,
}

impl Item {
    fn property(&self, name: &str) -> Result<P, String> {
        let params =
            unsafe { g_variant_new(c("(ss)").as_ptr(), c("org.kde.StatusNotifierItem").as_ptr(), c(name).as_ptr()) };
        let reply = call(&self.service, &self.path, "org.freedesktop.DBus.Properties", "Get", params)?;
        unsafe {
            let boxed = g_variant_get_child_value(reply, 0);
            Ok(g_variant_get_variant(boxed))
        }
    }

    fn string_property(&self, name: &str) -> Result<String, String> {
        let v = self.property(name)?;
        Ok(unsafe { text(g_variant_get_string(v, null_mut())) })
    }

    /// An a(iiay) property: (width, height, ARGB bytes) for each size.
    fn pixmaps(&self, name: &str) -> Result<Vec<(i32, i32, Vec<u8>)>, String> {
        let v = self.property(name)?;
        Ok(unsafe { pixmap_list(v) })
    }

    fn menu_path(&self) -> Result<String, String> {
        self.string_property("Menu")
    }

    fn layout(&self) -> Result<Node, String> {
        let menu = self.menu_path()?;
        unsafe {
            let params = g_variant_new(c("(ii@as)").as_ptr(), 0 as c_int, -1 as c_int, g_variant_new_strv(null(), 0));
            let reply = call(&self.service, &menu, "com.canonical.dbusmenu", "GetLayout", params)?;
            Ok(Node::parse(g_variant_get_child_value(reply, 1)))
        }
    }

    fn click(&self, id: i32) -> Result<(), String> {
        let menu = self.menu_path()?;
        unsafe {
            let params = g_variant_new(
                c("(isvu)").as_ptr(),
                id as c_int,
                c("clicked").as_ptr(),
                g_variant_new_string(c("").as_ptr()),
                0 as c_uint,
            );
            call(&self.service, &menu, "com.canonical.dbusmenu", "Event", params)?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
struct Node {
    id: i32,
    label: String,
    kind: String,
    enabled: bool,
    visible: bool,
    toggle_type: String,
    toggle_state: Option<i32>,
    /// icon-data: PNG bytes, empty without an icon.
    icon: Vec<u8>,
    /// shortcut: key combinations, each modifiers then a keysym name; empty without one.
    shortcut: Vec<Vec<String>>,
    children: Vec<Node>,
}

impl Node {
    unsafe fn parse(v: P) -> Node {
        let id = g_variant_get_int32(g_variant_get_child_value(v, 0));
        let props = g_variant_get_child_value(v, 1);
        let s = |k: &str| {
            let x = g_variant_lookup_value(props, c(k).as_ptr(), null_mut());
            if x.is_null() {
                String::new()
            } else {
                text(g_variant_get_string(x, null_mut()))
            }
        };
        let b = |k: &str| {
            let x = g_variant_lookup_value(props, c(k).as_ptr(), null_mut());
            x.is_null() || g_variant_get_boolean(x) != 0 // absent means true in dbusmenu
        };
        let state = g_variant_lookup_value(props, c("toggle-state").as_ptr(), null_mut());
        let icon = g_variant_lookup_value(props, c("icon-data").as_ptr(), null_mut());
        let icon = if icon.is_null() {
            Vec::new()
        } else {
            let mut n = 0usize;
            let data = g_variant_get_fixed_array(icon, &mut n, 1) as *const u8;
            if n == 0 {
                Vec::new()
            } else {
                std::slice::from_raw_parts(data, n).to_vec()
            }
        };
        let shortcut = g_variant_lookup_value(props, c("shortcut").as_ptr(), null_mut());
        let shortcut = if shortcut.is_null() {
            Vec::new()
        } else {
            (0..g_variant_n_children(shortcut))
                .map(|i| {
                    let keys = g_variant_get_child_value(shortcut, i);
                    (0..g_variant_n_children(keys)).map(|k| child_str(keys, k)).collect()
                })
                .collect()
        };
        let kids = g_variant_get_child_value(v, 2);
        let children = (0..g_variant_n_children(kids))
            .map(|i| Node::parse(g_variant_get_variant(g_variant_get_child_value(kids, i))))
            .collect();
        Node {
            id,
            label: s("label"),
            kind: s("type"),
            enabled: b("enabled"),
            visible: b("visible"),
            toggle_type: s("toggle-type"),
            toggle_state: if state.is_null() { None } else { Some(g_variant_get_int32(state)) },
            icon,
            shortcut,
            children,
        }
    }

    fn visible_children(&self) -> Vec<&Node> {
        self.children.iter().filter(|n| n.visible).collect()
    }

    fn labels(&self) -> Vec<String> {
        self.visible_children()
            .iter()
            .map(|n| if n.kind == "separator" { "-".into() } else { n.label.clone() })
            .collect()
    }

    fn find(&self, label: &str) -> Option<&Node> {
        self.children.iter().find(|n| n.label == label)
    }
}

/// Inits the tray and waits until it has registered with our watcher.
fn init_and_find(t: *mut tray) -> Result<Item, String> {
    WORLD.with(|w| w.borrow_mut().registered = None);
    expect("tray_init", unsafe { tray_init(t) }, OK)?;
    ensure(pump_until(Duration::from_secs(10), registered_live), "the indicator never registered with the watcher")?;
    let (service, path) = WORLD.with(|w| w.borrow().registered.clone().unwrap());
    Ok(Item { service, path })
}

/// Whether an item that still owns its bus name has registered. A registration sent by the
/// previous case's tray just before its tray_exit may arrive late; it is forgotten.
fn registered_live() -> bool {
    let Some((service, _)) = WORLD.with(|w| w.borrow().registered.clone()) else { return false };
    let params = unsafe { g_variant_new(c("(s)").as_ptr(), c(&service).as_ptr()) };
    let owned = call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner", params)
        .map(|v| unsafe { g_variant_get_boolean(g_variant_get_child_value(v, 0)) } != 0)
        .unwrap_or(false);
    if !owned {
        // The call above ran the main context: a newer registration may have arrived meanwhile.
        WORLD.with(|w| {
            let mut w = w.borrow_mut();
            if w.registered.as_ref().is_some_and(|(s, _)| *s == service) {
                w.registered = None;
            }
        });
    }
    owned
}

/// Waits for the exported layout to satisfy `ok` (dbusmenu updates it from idle callbacks).
fn layout_until(sni: &Item, ok: impl Fn(&Node) -> bool) -> Result<Node, String> {
    let end = Instant::now() + Duration::from_secs(5);
    loop {
        let l = sni.layout()?;
        if ok(&l) {
            return Ok(l);
        }
        if Instant::now() > end {
            let labels = l.labels();
            return Err(format!(
                "layout never matched; last had {} items: {:?}",
                labels.len(),
                &labels[..labels.len().min(8)]
            ));
        }
        pump_for(Duration::from_millis(50));
    }
}

pub fn cases() -> Vec<Case> {
    vec![
        Case { name: "linux_layout_matches_menu", needs_display: true, run: layout_matches },
        Case { name: "linux_tooltip_is_title", needs_display: true, run: tooltip },
        Case { name: "linux_click_runs_callback", needs_display: true, run: click },
        Case { name: "linux_update_changes_layout", needs_display: true, run: update },
        Case { name: "linux_callback_updates_itself", needs_display: true, run: self_update },
        Case { name: "linux_secondary_activate_is_not_a_click", needs_display: true, run: secondary_activate },
        Case { name: "linux_null_text_ends_menu", needs_display: true, run: null_text_ends },
        Case { name: "linux_16_levels_and_5000_items", needs_display: true, run: big_menus },
        Case { name: "linux_notify_reaches_server", needs_display: true, run: notify },
        Case { name: "linux_icon_file_path", needs_display: true, run: icon_file },
        Case { name: "linux_same_shape_update_keeps_items", needs_display: true, run: same_shape_update },
    ]
    .into_iter()
    .chain(item::cases())
    .collect()
}

fn layout_matches() -> Result<(), String> {
    let sni = init_and_find(pixel_tray("Layout", sample_menu()))?;
    let l = sni.layout()?;
    let want = ["First", "-", "Checked", "Unchecked", "Disabled", "Plain with checked set", "Sub"];
    ensure(l.labels() == want, format!("labels {:?}", l.labels()))?;
    let n = |label: &str| l.find(label).cloned().ok_or(format!("no {label}"));
    ensure(l.visible_children()[1].kind == "separator", "separator type")?;
    let checked = n("Checked")?;
    ensure(checked.toggle_type == "checkmark" && checked.toggle_state == Some(1), format!("{checked:?}"))?;
    let unchecked = n("Unchecked")?;
    ensure(unchecked.toggle_type == "checkmark" && unchecked.toggle_state == Some(0), format!("{unchecked:?}"))?;
    // Only checkbox items are check items, whatever `checked` says.
    let plain = n("Plain with checked set")?;
    ensure(plain.toggle_type.is_empty(), format!("{plain:?}"))?;
    ensure(!n("Disabled")?.enabled && n("First")?.enabled, "enabled states")?;
    let sub = n("Sub")?;
    ensure(sub.labels() == ["Child A", "Child B"], format!("submenu {:?}", sub.labels()))?;
    ensure(sub.children[0].enabled && !sub.children[1].enabled, "submenu enabled states")?;
    // The panel draws the menu from D-Bus: there is no GtkMenu while a watcher hosts the item.
    ensure(unsafe { tray_native_menu() }.is_null(), "tray_native_menu without the XEmbed fallback")
}

fn tooltip() -> Result<(), String> {
    let sni = init_and_find(pixel_tray("Héllo tooltip ✓", sample_menu()))?;
    let title = sni.string_property("Title")?;
    ensure(title == "Héllo tooltip ✓", format!("Title {title:?}"))?;
    let t = pixel_tray("Changed", sample_menu());
    expect("update", unsafe { tray_update(t) }, OK)?;
    pump_for(Duration::from_millis(100));
    let title = sni.string_property("Title")?;
    ensure(title == "Changed", format!("Title after update {title:?}"))
}

fn click() -> Result<(), String> {
    reset_calls();
    let sni = init_and_find(pixel_tray("Click", sample_menu()))?;
    let l = sni.layout()?;
    let target = l.find("Unchecked").ok_or("no item")?.id;
    sni.click(target)?;
    ensure(pump_until(Duration::from_secs(5), || item_calls().0 > 0), "callback never ran")?;
    ensure(item_calls() == (1, 4), format!("calls/context {:?}", item_calls()))?;
    // Disabled items and submenu children.
    let child = l.find("Sub").unwrap().children[0].id;
    sni.click(child)?;
    ensure(pump_until(Duration::from_secs(5), || item_calls().0 > 1), "submenu callback never ran")?;
    ensure(item_calls() == (2, 11), format!("submenu calls/context {:?}", item_calls()))?;
    sni.click(l.find("Disabled").unwrap().id)?;
    pump_for(Duration::from_millis(200));
    ensure(item_calls().0 == 2, "a disabled item ran its callback")
}

fn update() -> Result<(), String> {
    let sni = init_and_find(pixel_tray("Update", sample_menu()))?;
    let t = pixel_tray(
        "Update",
        menu(vec![item("Connected", 1), item("-", 0), tray_menu { checkbox: 1, checked: 1, ..item("Quit", 2) }]),
    );
    expect("update", unsafe { tray_update(t) }, OK)?;
    let l = layout_until(&sni, |l| l.labels() == ["Connected", "-", "Quit"])?;
    ensure(l.find("Quit").unwrap().toggle_state == Some(1), "check state after update")?;
    // Dropping the menu leaves an empty one.
    let t = pixel_tray("Update", null_mut());
    expect("update without menu", unsafe { tray_update(t) }, OK)?;
    layout_until(&sni, |l| l.labels().is_empty())?;
    ensure(unsafe { tray_native_menu() }.is_null(), "native menu without a menu")
}

fn self_update() -> Result<(), String> {
    reset_calls();
    let sni = init_and_find(self_updating_tray())?;
    for generation in 0..3 {
        let l = layout_until(&sni, |l| l.labels().first().is_some_and(|s| s == &format!("Generation {generation}")))?;
        sni.click(l.children[0].id)?;
        let want = generation + 1;
        ensure(
            pump_until(Duration::from_secs(5), || SELF_UPDATES.load(std::sync::atomic::Ordering::SeqCst) >= want),
            format!("click {generation} did not run"),
        )?;
        ensure(item_calls().1 == 500 + generation, format!("context {:?}", item_calls()))?;
    }
    // Let the deferred destruction of the old menus run, then check the tray still works.
    pump_for(Duration::from_millis(200));
    layout_until(&sni, |l| l.labels() == ["Generation 3", "Other"]).map(|_| ())
}

/// Middle click goes to event_cb only: cb is the left click.
fn secondary_activate() -> Result<(), String> {
    reset_calls();
    let sni = init_and_find(pixel_tray("Activate", sample_menu()))?;
    let params = unsafe { g_variant_new(c("(ii)").as_ptr(), 0 as c_int, 0 as c_int) };
    call(&sni.service, &sni.path, "org.kde.StatusNotifierItem", "SecondaryActivate", params)?;
    pump_for(Duration::from_millis(200));
    ensure(tray_calls().0 == 0, format!("SecondaryActivate ran cb {:?}", tray_calls()))
}

fn null_text_ends() -> Result<(), String> {
    let items = menu(vec![item("Before", 1), END, item("After", 2)]);
    let sni = init_and_find(pixel_tray("Null", items))?;
    let l = sni.layout()?;
    ensure(l.labels() == ["Before"], format!("labels {:?}", l.labels()))
}

fn big_menus() -> Result<(), String> {
    let sni = init_and_find(pixel_tray("Deep", deep_menu(16)))?;
    let mut node = sni.layout()?;
    for level in 0..16 {
        ensure(
            node.labels() == [format!("Level {level}"), format!("Deeper {level}")],
            format!("level {level}: {:?}", node.labels()),
        )?;
        node = node.children[1].clone();
    }
    ensure(node.labels() == ["Level 16"], format!("deepest: {:?}", node.labels()))?;
    reset_calls();
    sni.click(node.children[0].id)?;
    ensure(pump_until(Duration::from_secs(5), || item_calls().0 > 0), "deepest item callback")?;
    ensure(item_calls().1 == 1016, format!("deepest context {:?}", item_calls()))?;
    let t = pixel_tray("Wide", wide_menu(5000));
    expect("update to 5000 items", unsafe { tray_update(t) }, OK)?;
    let l = layout_until(&sni, |l| l.visible_children().len() == 5000)?;
    ensure(l.visible_children()[4999].label == "Item 4999", "last item label")
}

fn notify() -> Result<(), String> {
    init_and_find(pixel_tray("Notify", sample_menu()))?;
    WORLD.with(|w| w.borrow_mut().notes.clear());
    expect("notify", unsafe { tray_notify(cstr("Network joined"), cstr("Now connected to ✓ home")) }, OK)?;
    ensure(pump_until(Duration::from_secs(5), || WORLD.with(|w| !w.borrow().notes.is_empty())), "no Notify call")?;
    let notes = WORLD.with(|w| w.borrow().notes.clone());
    ensure(notes == [("Network joined".to_string(), "Now connected to ✓ home".to_string())], format!("{notes:?}"))
}

fn icon_file() -> Result<(), String> {
    // An icon given as a file path is exported as that path.
    let png = WORLD.with(|w| w.borrow().runtime_dir.clone().unwrap()).join("given.png");
    // 1x1 PNG, red.
    const RED_PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00,
        0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18,
        0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    std::fs::write(&png, RED_PNG).map_err(|e| e.to_string())?;
    let t = pixel_tray("File", sample_menu());
    t.icon_rgba = null();
    t.icon = cstr(png.to_str().unwrap());
    let sni = init_and_find(t)?;
    // The file's pixels travel over D-Bus, so a host in another mount namespace sees them too.
    let name = sni.string_property("IconName")?;
    ensure(name.is_empty(), format!("IconName {name}"))?;
    let maps = sni.pixmaps("IconPixmap")?;
    ensure(maps == [(1, 1, vec![0xff, 0xff, 0, 0])], format!("IconPixmap {maps:?}"))
}

fn ids(n: &Node) -> Vec<i32> {
    n.children.iter().flat_map(|c| std::iter::once(c.id).chain(ids(c))).collect()
}

/// A same-shape update changes labels, checks and sensitivity of the exported items
/// without a new layout (the ids stay, so an open menu stays open); a new shape relayouts.
fn same_shape_update() -> Result<(), String> {
    reset_calls();
    let sni = init_and_find(pixel_tray("Shape", sample_menu()))?;
    let before = sni.layout()?;
    let next = sample_menu_reworded();
    expect("same-shape update", unsafe { tray_update(pixel_tray("Shape 2", next)) }, OK)?;
    let after = layout_until(&sni, |l| l.find("First again").is_some() && l.find("Enabled now").is_some())?;
    ensure(ids(&after) == ids(&before), format!("ids changed: {:?} -> {:?}", ids(&before), ids(&after)))?;
    let n = |label: &str| after.find(label).cloned().ok_or(format!("no {label}"));
    ensure(n("Checked")?.toggle_state == Some(0) && n("Unchecked")?.toggle_state == Some(1), "checks")?;
    ensure(n("Enabled now")?.enabled, "sensitivity not refreshed")?;
    ensure(item_calls().0 == 0, "showing a new check state ran a callback")?;
    sni.click(n("Enabled now")?.id)?;
    ensure(pump_until(Duration::from_secs(5), || item_calls().0 > 0), "callback never ran")?;
    ensure(item_calls() == (1, 105), format!("the old id ran {:?}", item_calls()))?;
    expect("new shape", unsafe { tray_update(pixel_tray("Shape 3", menu(vec![item("Only", 1)]))) }, OK)?;
    let relaid = layout_until(&sni, |l| l.labels() == ["Only"])?;
    ensure(ids(&relaid) != ids(&before)[..1], "a new shape kept the old items")
}
