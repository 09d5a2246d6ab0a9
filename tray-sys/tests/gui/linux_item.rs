//! Linux: the StatusNotifierItem itself, read and driven as a panel would: icon pixmaps,
//! tooltip, clicks on the icon, label escaping, notifications, D-Bus callers that send
//! nonsense, and the watcher going away and coming back (panel restarts).

use super::*;

pub fn cases() -> Vec<Case> {
    vec![
        Case { name: "linux_icon_pixmap_sizes_and_byte_order", needs_display: true, run: pixmap_sizes },
        Case { name: "linux_theme_icon_is_icon_name", needs_display: true, run: theme_icon },
        Case { name: "linux_tooltip_title_and_body", needs_display: true, run: tooltip_body },
        Case { name: "linux_left_click_activates", needs_display: true, run: left_click },
        Case { name: "linux_item_is_menu_without_click_callback", needs_display: true, run: item_is_menu },
        Case { name: "linux_labels_escape_underscores", needs_display: true, run: underscores },
        Case { name: "linux_notify_body_escaped", needs_display: true, run: notify_escaped },
        Case { name: "linux_bad_dbus_input", needs_display: true, run: bad_input },
        Case { name: "linux_watcher_restart_reregisters", needs_display: true, run: watcher_restart },
        Case { name: "linux_watcher_100_restarts_no_leak", needs_display: true, run: restart_leak },
        Case { name: "linux_icon_events_reach_event_cb", needs_display: true, run: icon_events },
        Case { name: "linux_every_given_icon_size_sent", needs_display: true, run: given_sizes },
        Case { name: "linux_attention_status_and_pixmaps", needs_display: true, run: attention },
        Case { name: "linux_radio_items_and_menu_icons", needs_display: true, run: radio_and_icons },
        Case { name: "linux_menu_accelerators_as_shortcut", needs_display: true, run: shortcuts },
        Case { name: "linux_xembed_same_shape_update_keeps_the_menu", needs_display: true, run: xembed_in_place },
        Case { name: "linux_xembed_menu_icons", needs_display: true, run: xembed_menu_icons },
        Case { name: "linux_new_signals_on_every_change", needs_display: true, run: new_signals },
        Case { name: "linux_xembed_accelerator_labels", needs_display: true, run: xembed_accels },
    ]
}

/// ARGB in network byte order, as the spec wants.
fn argb(rgba: [u8; 4]) -> [u8; 4] {
    [rgba[3], rgba[0], rgba[1], rgba[2]]
}

fn pixmap_sizes() -> Result<(), String> {
    const W: i32 = 40;
    const FILL: [u8; 4] = [0x20, 0x80, 0xf0, 0xff];
    const CORNER: [u8; 4] = [0x11, 0x22, 0x33, 0x80];
    let mut px = FILL.repeat((W * W) as usize);
    px[..4].copy_from_slice(&CORNER);
    let t = pixel_tray("Sizes", sample_menu());
    t.icon_rgba = Box::leak(px.into_boxed_slice()).as_ptr();
    t.icon_width = W;
    t.icon_height = W;
    let sni = init_and_find(t)?;
    let maps = sni.pixmaps("IconPixmap")?;
    let sizes: Vec<(i32, i32)> = maps.iter().map(|m| (m.0, m.1)).collect();
    // The given size first, then every common panel size below it.
    ensure(sizes == [(40, 40), (16, 16), (22, 22), (24, 24), (32, 32)], format!("sizes {sizes:?}"))?;
    for (w, h, bytes) in &maps {
        ensure(bytes.len() == (w * h * 4) as usize, format!("{w}x{h} has {} bytes", bytes.len()))?;
        // A pixel in the middle is the fill colour at every size.
        let mid = ((h / 2 * w + w / 2) * 4) as usize;
        ensure(bytes[mid..mid + 4] == argb(FILL), format!("{w}x{h} middle {:?}", &bytes[mid..mid + 4]))?;
    }
    ensure(maps[0].2[..8] == [argb(CORNER), argb(FILL)].concat(), format!("first pixels {:?}", &maps[0].2[..8]))?;
    ensure(sni.string_property("IconName")?.is_empty(), "IconName set next to pixels")?;
    // Nothing is written to disk for the icon (other cases leave their own files here).
    let runtime = WORLD.with(|w| w.borrow().runtime_dir.clone().unwrap());
    let ours: Vec<_> = std::fs::read_dir(&runtime)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|name| name.starts_with("tray"))
        .collect();
    ensure(ours.is_empty(), format!("icon files in XDG_RUNTIME_DIR: {ours:?}"))?;
    // The tooltip carries the same pixels; an update replaces them.
    let tip = sni.property("ToolTip")?;
    ensure(unsafe { pixmap_list(g_variant_get_child_value(tip, 1)) } == maps, "ToolTip pixmaps differ")?;
    let red = pixel_tray("Sizes", sample_menu());
    red.icon_rgba = pixels([255, 0, 0]).as_ptr();
    expect("update", unsafe { tray_update(red) }, OK)?;
    let maps = sni.pixmaps("IconPixmap")?;
    ensure(maps.len() == 1 && maps[0].2[..4] == [0xff, 0xff, 0, 0], format!("after update {:?}", maps.first()))?;
    // Attention, overlay: not used, but present and well-typed for hosts that read them.
    ensure(sni.pixmaps("AttentionIconPixmap")?.is_empty(), "AttentionIconPixmap")?;
    ensure(sni.string_property("Status")? == "Active", "Status")
}

fn theme_icon() -> Result<(), String> {
    let t = pixel_tray("Theme", sample_menu());
    t.icon_rgba = null();
    t.icon = cstr("network-wired");
    let sni = init_and_find(t)?;
    ensure(sni.string_property("IconName")? == "network-wired", "IconName")?;
    ensure(sni.pixmaps("IconPixmap")?.is_empty(), "pixmaps for a theme icon")
}

fn tooltip_body() -> Result<(), String> {
    let sni = init_and_find(pixel_tray("ZeroTier\n2 networks ✓\nonline", sample_menu()))?;
    ensure(sni.string_property("Title")? == "ZeroTier", "Title is the first line")?;
    let tip = sni.property("ToolTip")?;
    let (title, body) = unsafe { (child_str(tip, 2), child_str(tip, 3)) };
    ensure(title == "ZeroTier" && body == "2 networks ✓\nonline", format!("ToolTip {title:?} / {body:?}"))?;
    expect("update", unsafe { tray_update(pixel_tray("Only a title", sample_menu())) }, OK)?;
    let tip = sni.property("ToolTip")?;
    let (title, body) = unsafe { (child_str(tip, 2), child_str(tip, 3)) };
    ensure(title == "Only a title" && body.is_empty(), format!("ToolTip after update {title:?} / {body:?}"))
}

fn item_method(sni: &Item, method: &str, params: P) -> Result<P, String> {
    call(&sni.service, &sni.path, "org.kde.StatusNotifierItem", method, params)
}

fn bool_property(sni: &Item, name: &str) -> Result<bool, String> {
    Ok(unsafe { g_variant_get_boolean(sni.property(name)?) } != 0)
}

fn left_click() -> Result<(), String> {
    reset_calls();
    let sni = init_and_find(pixel_tray("Left", sample_menu()))?;
    // A click callback: hosts send left clicks to the item instead of opening the menu.
    ensure(!bool_property(&sni, "ItemIsMenu")?, "ItemIsMenu with a click callback")?;
    item_method(&sni, "Activate", unsafe { g_variant_new(c("(ii)").as_ptr(), 10 as c_int, 20 as c_int) })?;
    ensure(pump_until(Duration::from_secs(5), || tray_calls().0 > 0), "Activate never ran the callback")?;
    ensure(tray_calls() == (1, 77), format!("tray calls/context {:?}", tray_calls()))?;
    // ContextMenu and Scroll are answered and run nothing.
    item_method(&sni, "ContextMenu", unsafe { g_variant_new(c("(ii)").as_ptr(), 1 as c_int, 1 as c_int) })?;
    let scroll = unsafe { g_variant_new(c("(is)").as_ptr(), 120 as c_int, c("vertical").as_ptr()) };
    item_method(&sni, "Scroll", scroll)?;
    pump_for(Duration::from_millis(100));
    ensure(tray_calls().0 == 1, format!("ContextMenu/Scroll ran the click callback {:?}", tray_calls()))
}

fn item_is_menu() -> Result<(), String> {
    reset_calls();
    let t = pixel_tray("Menu only", sample_menu());
    t.cb = None;
    let sni = init_and_find(t)?;
    ensure(bool_property(&sni, "ItemIsMenu")?, "ItemIsMenu without a click callback")?;
    item_method(&sni, "Activate", unsafe { g_variant_new(c("(ii)").as_ptr(), 0 as c_int, 0 as c_int) })?;
    pump_for(Duration::from_millis(100));
    ensure(tray_calls().0 == 0, "a tray without a callback ran one")
}

fn underscores() -> Result<(), String> {
    let sni = init_and_find(pixel_tray("Mnemonics", menu(vec![item("my_network_1", 1), item("__", 2)])))?;
    let l = sni.layout()?;
    ensure(l.labels() == ["my__network__1", "____"], format!("labels {:?}", l.labels()))
}

fn notify_escaped() -> Result<(), String> {
    init_and_find(pixel_tray("Notify", sample_menu()))?;
    WORLD.with(|w| w.borrow_mut().notes.clear());
    expect("notify", unsafe { tray_notify(cstr("<b>Net</b>"), cstr("<a href='x'>joined</a> & \"ok\"")) }, OK)?;
    ensure(pump_until(Duration::from_secs(5), || WORLD.with(|w| !w.borrow().notes.is_empty())), "no Notify call")?;
    let notes = WORLD.with(|w| w.borrow().notes.clone());
    let want =
        ("<b>Net</b>".to_string(), "&lt;a href=&apos;x&apos;&gt;joined&lt;/a&gt; &amp; &quot;ok&quot;".to_string());
    ensure(notes == [want], format!("{notes:?}"))
}

fn menu_call(sni: &Item, method: &str, params: P) -> Result<P, String> {
    call(&sni.service, &sni.menu_path()?, "com.canonical.dbusmenu", method, params)
}

fn must_fail(what: &str, r: Result<P, String>) -> Result<(), String> {
    ensure(r.is_err(), format!("{what} was accepted"))
}

/// A D-Bus peer may send anything: each bad call gets an error reply, runs no callback,
/// and the item keeps working.
fn bad_input() -> Result<(), String> {
    reset_calls();
    let sni = init_and_find(pixel_tray("Bad", sample_menu()))?;
    let before = sni.layout()?;
    let event = |id: i32| unsafe {
        g_variant_new(c("(isvu)").as_ptr(), id, c("clicked").as_ptr(), g_variant_new_int32(0), 0 as c_uint)
    };
    for id in [-1, i32::MAX, i32::MIN, 100_000] {
        must_fail(&format!("Event({id})"), menu_call(&sni, "Event", event(id)))?;
        let layout = unsafe { g_variant_new(c("(ii@as)").as_ptr(), id, -1 as c_int, g_variant_new_strv(null(), 0)) };
        must_fail(&format!("GetLayout({id})"), menu_call(&sni, "GetLayout", layout))?;
        must_fail(
            &format!("AboutToShow({id})"),
            menu_call(&sni, "AboutToShow", unsafe { g_variant_new(c("(i)").as_ptr(), id) }),
        )?;
    }
    // Wrong argument types, to the menu and to the item.
    let wrong = unsafe {
        g_variant_new(c("(ssvu)").as_ptr(), c("1").as_ptr(), c("clicked").as_ptr(), g_variant_new_int32(0), 0 as c_uint)
    };
    must_fail("Event with a string id", menu_call(&sni, "Event", wrong))?;
    must_fail(
        "Activate with strings",
        item_method(&sni, "Activate", unsafe { g_variant_new(c("(ss)").as_ptr(), c("a").as_ptr(), c("b").as_ptr()) }),
    )?;
    must_fail("an unknown method", menu_call(&sni, "Explode", null_mut()))?;
    let first = before.find("First").ok_or("no First")?.id;
    let prop = unsafe { g_variant_new(c("(is)").as_ptr(), first, c("no-such-property").as_ptr()) };
    must_fail("GetProperty of an unknown property", menu_call(&sni, "GetProperty", prop))?;
    let prop = unsafe { g_variant_new(c("(is)").as_ptr(), first, c("label").as_ptr()) };
    let label = menu_call(&sni, "GetProperty", prop)?;
    let label =
        unsafe { text(g_variant_get_string(g_variant_get_variant(g_variant_get_child_value(label, 0)), null_mut())) };
    ensure(label == "First", format!("GetProperty label {label:?}"))?;
    ensure(item_calls().0 == 0, format!("a bad call ran a callback {:?}", item_calls()))?;
    // EventGroup names the unknown ids and runs the known one.
    let group = format!("([({first}, 'clicked', <0>, uint32 0), (-7, 'clicked', <0>, uint32 0)],)");
    let errors = menu_call(&sni, "EventGroup", unsafe { g_variant_new_parsed(c(&group).as_ptr()) })?;
    let errors = unsafe { g_variant_get_child_value(errors, 0) };
    let bad: Vec<i32> = (0..unsafe { g_variant_n_children(errors) })
        .map(|i| unsafe { g_variant_get_int32(g_variant_get_child_value(errors, i)) })
        .collect();
    ensure(bad == [-7], format!("EventGroup errors {bad:?}"))?;
    ensure(pump_until(Duration::from_secs(5), || item_calls().0 == 1), "EventGroup ran nothing")?;
    ensure(item_calls() == (1, 1), format!("EventGroup calls/context {:?}", item_calls()))?;
    reset_calls();
    // Events for items a new shape removed find nothing.
    expect("new shape", unsafe { tray_update(pixel_tray("Bad", menu(vec![item("Other", 9)]))) }, OK)?;
    must_fail("Event for a removed item", menu_call(&sni, "Event", event(first)))?;
    pump_for(Duration::from_millis(100));
    ensure(item_calls().0 == 0, format!("a removed item ran its callback {:?}", item_calls()))?;
    let l = sni.layout()?;
    sni.click(l.find("Other").ok_or("no Other")?.id)?;
    ensure(pump_until(Duration::from_secs(5), || item_calls().0 == 1), "the item no longer works")?;
    ensure(item_calls().1 == 9, format!("context {:?}", item_calls()))
}

/// Takes the watcher's name (a panel starting) or gives it up (a panel exiting).
fn watcher(present: bool) -> Result<(), String> {
    let (method, params) = if present {
        ("RequestName", unsafe { g_variant_new(c("(su)").as_ptr(), c(WATCHER).as_ptr(), 4 as c_uint) })
    } else {
        ("ReleaseName", unsafe { g_variant_new(c("(s)").as_ptr(), c(WATCHER).as_ptr()) })
    };
    let mut err = null_mut();
    let reply = unsafe {
        g_dbus_connection_call_sync(
            bus(),
            c("org.freedesktop.DBus").as_ptr(),
            c("/org/freedesktop/DBus").as_ptr(),
            c("org.freedesktop.DBus").as_ptr(),
            c(method).as_ptr(),
            params,
            null_mut(),
            0,
            -1,
            null_mut(),
            &mut err,
        )
    };
    ensure(!reply.is_null(), format!("{method}: {}", gerror(err)))
}

const WATCHER: &str = "org.kde.StatusNotifierWatcher";

/// One panel restart: the icon docks in the X tray meanwhile, and the item registers with
/// the new watcher within a second.
fn restart_once() -> Result<(), String> {
    WORLD.with(|w| w.borrow_mut().registered = None);
    watcher(false)?;
    let docked = pump_until(Duration::from_secs(5), || !unsafe { tray_native_menu() }.is_null());
    watcher(true)?;
    ensure(docked, "no XEmbed fallback while the watcher was gone")?;
    ensure(pump_until(Duration::from_secs(1), registered_live), "not registered again within 1 s")?;
    ensure(pump_until(Duration::from_secs(1), || unsafe { tray_native_menu() }.is_null()), "still docked")
}

fn watcher_restart() -> Result<(), String> {
    reset_calls();
    let first = init_and_find(pixel_tray("Restart", sample_menu()))?;
    let result = restart_once();
    // Whatever happened, the next case needs the watcher.
    let _ = watcher(true);
    result?;
    let (service, path) = WORLD.with(|w| w.borrow().registered.clone().unwrap());
    ensure(service == first.service && path == first.path, "registered under another name")?;
    // The menu still works through the new registration.
    let sni = Item { service, path };
    let l = sni.layout()?;
    sni.click(l.find("First").ok_or("no First")?.id)?;
    ensure(pump_until(Duration::from_secs(5), || item_calls().0 == 1), "menu dead after the restart")
}

fn fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0)
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The bus daemon's own counts (its Debug.Stats interface): match rules (a name watch or
/// signal subscription left behind adds one), bus names and connections.
fn bus_counts() -> Result<[u32; 3], String> {
    let stats = call(
        "org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.Debug.Stats",
        "GetStats",
        null_mut(),
    )?;
    let dict = unsafe { g_variant_get_child_value(stats, 0) };
    let count = |key: &str| {
        let v = unsafe { g_variant_lookup_value(dict, c(key).as_ptr(), null_mut()) };
        if v.is_null() {
            Err(format!("GetStats has no {key}"))
        } else {
            Ok(unsafe { g_variant_get_uint32(v) })
        }
    };
    Ok([count("MatchRules")?, count("BusNames")?, count("ActiveConnections")?])
}

/// The object paths where `service` exports the item or its menu, found by introspecting
/// from `/` down (the test's own watcher shares the connection).
fn exported_paths(service: &str) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut todo = vec!["/".to_string()];
    while let Some(path) = todo.pop() {
        let reply = call(service, &path, "org.freedesktop.DBus.Introspectable", "Introspect", null_mut())?;
        let xml = unsafe { child_str(reply, 0) };
        if xml.contains("<interface name=\"org.kde.StatusNotifierItem\"")
            || xml.contains("<interface name=\"com.canonical.dbusmenu\"")
        {
            found.push(path.clone());
        }
        for part in xml.split("<node name=\"").skip(1) {
            let name = part.split('"').next().unwrap_or_default();
            todo.push(if path == "/" { format!("/{name}") } else { format!("{path}/{name}") });
        }
    }
    found.sort();
    Ok(found)
}

/// The watcher gone and back 100 times: no fds, memory, exported objects, bus names, match
/// rules or connections left behind.
fn restart_leak() -> Result<(), String> {
    let sni = init_and_find(pixel_tray("Leak", sample_menu()))?;
    let result = (|| {
        // Warm up: GTK and the X connection are set up by the first fallback.
        for _ in 0..5 {
            restart_once()?;
        }
        pump_for(Duration::from_millis(200));
        let (fd0, rss0, bus0, paths0) = (fds(), rss_kib(), bus_counts()?, exported_paths(&sni.service)?);
        ensure(paths0 == ["/MenuBar", "/StatusNotifierItem"], format!("exported {paths0:?}"))?;
        for round in 0..100 {
            restart_once().map_err(|e| format!("round {round}: {e}"))?;
        }
        pump_for(Duration::from_millis(200));
        let (fd1, rss1, bus1, paths1) = (fds(), rss_kib(), bus_counts()?, exported_paths(&sni.service)?);
        ensure(fd1 <= fd0, format!("fds {fd0} -> {fd1}"))?;
        ensure(rss1 <= rss0 + 1024, format!("RSS {rss0} KiB -> {rss1} KiB"))?;
        ensure(bus1 == bus0, format!("match rules, bus names, connections {bus0:?} -> {bus1:?}"))?;
        ensure(paths1 == paths0, format!("exported objects {paths0:?} -> {paths1:?}"))
    })();
    let _ = watcher(true);
    result
}

/// Activate, SecondaryActivate and Scroll each reach event_cb with their details; cb is
/// not called once event_cb is set.
fn icon_events() -> Result<(), String> {
    reset_calls();
    take_events();
    let t = pixel_tray("Events", sample_menu());
    t.cb = None;
    t.event_cb = Some(record_event);
    let sni = init_and_find(t)?;
    ensure(!bool_property(&sni, "ItemIsMenu")?, "ItemIsMenu with only event_cb")?;
    let xy = || unsafe { g_variant_new(c("(ii)").as_ptr(), 5 as c_int, 6 as c_int) };
    let scroll = |d: i32, o: &str| unsafe { g_variant_new(c("(is)").as_ptr(), d, c(o).as_ptr()) };
    item_method(&sni, "Activate", xy())?;
    item_method(&sni, "SecondaryActivate", xy())?;
    item_method(&sni, "Scroll", scroll(120, "horizontal"))?;
    item_method(&sni, "Scroll", scroll(-3, "vertical"))?;
    let mut got = Vec::new();
    pump_until(Duration::from_secs(5), || {
        got.extend(take_events());
        got.len() >= 4
    });
    let want = [
        (TRAY_EVENT_ACTIVATE, 0, 0, 77),
        (TRAY_EVENT_SECONDARY, 0, 0, 77),
        (TRAY_EVENT_SCROLL, 120, 1, 77),
        (TRAY_EVENT_SCROLL, -3, 0, 77),
    ];
    ensure(got == want, format!("events {got:?}"))?;
    // With both set, cb stays quiet: event_cb has the click.
    let both = pixel_tray("Events", sample_menu());
    both.event_cb = Some(record_event);
    expect("update", unsafe { tray_update(both) }, OK)?;
    item_method(&sni, "Activate", xy())?;
    ensure(pump_until(Duration::from_secs(5), || !EVENTS.lock().unwrap().is_empty()), "no event after update")?;
    pump_for(Duration::from_millis(100));
    ensure(tray_calls().0 == 0, format!("cb ran next to event_cb {:?}", tray_calls()))
}

/// Given sizes travel as given: no extra resized copies, each in ARGB network order.
fn given_sizes() -> Result<(), String> {
    let t = pixel_tray("Given sizes", sample_menu());
    (t.icons, t.icon_count) = three_sizes();
    // icons wins over icon_rgba.
    let sni = init_and_find(t)?;
    let maps = sni.pixmaps("IconPixmap")?;
    let got: Vec<(i32, i32, [u8; 4])> = maps.iter().map(|m| (m.0, m.1, [m.2[0], m.2[1], m.2[2], m.2[3]])).collect();
    let want = [(16, 16, argb([255, 0, 0, 255])), (32, 32, argb([0, 255, 0, 255])), (48, 48, argb([0, 0, 255, 255]))];
    ensure(got == want, format!("sizes {got:?}"))?;
    for (w, h, bytes) in &maps {
        ensure(bytes.len() == (w * h * 4) as usize, format!("{w}x{h} has {} bytes", bytes.len()))?;
    }
    ensure(sni.string_property("IconName")?.is_empty(), "IconName next to pixels")
}

/// attention flips Status to NeedsAttention and exports the attention sizes.
fn attention() -> Result<(), String> {
    let t = pixel_tray("Attention", sample_menu());
    t.attention = 1;
    (t.attention_icons, t.attention_icon_count) =
        images(vec![image(22, 22, [1, 2, 3, 255]), image(44, 44, [4, 5, 6, 128])]);
    let sni = init_and_find(t)?;
    ensure(sni.string_property("Status")? == "NeedsAttention", "Status with attention")?;
    let maps = sni.pixmaps("AttentionIconPixmap")?;
    let got: Vec<(i32, i32, [u8; 4])> = maps.iter().map(|m| (m.0, m.1, [m.2[0], m.2[1], m.2[2], m.2[3]])).collect();
    ensure(got == [(22, 22, argb([1, 2, 3, 255])), (44, 44, argb([4, 5, 6, 128]))], format!("attention {got:?}"))?;
    // The normal icon is untouched by attention.
    ensure(sni.pixmaps("IconPixmap")?[0].0 == 16, "IconPixmap changed")?;
    expect("calm update", unsafe { tray_update(pixel_tray("Attention", sample_menu())) }, OK)?;
    ensure(sni.string_property("Status")? == "Active", "Status after attention ends")?;
    ensure(sni.pixmaps("AttentionIconPixmap")?.is_empty(), "attention pixmaps left behind")
}

/// Width and height from a PNG's IHDR chunk, after checking the signature.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || png[..8] != [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a] || &png[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((be(&png[16..20]), be(&png[20..24])))
}

fn radio_and_icons() -> Result<(), String> {
    reset_calls();
    let sni = init_and_find(pixel_tray("Radio", radio_icon_menu()))?;
    let l = sni.layout()?;
    let n = |label: &str| l.find(label).cloned().ok_or(format!("no {label}"));
    let (a, b, icon, plain) = (n("Radio A")?, n("Radio B")?, n("With icon")?, n("Plain")?);
    ensure(a.toggle_type == "radio" && a.toggle_state == Some(0), format!("{a:?}"))?;
    ensure(b.toggle_type == "radio" && b.toggle_state == Some(1), format!("{b:?}"))?;
    // Of 16, 32 and 48, the 16 pixel image is sent (hosts draw menu icons at about 16).
    ensure(png_size(&icon.icon) == Some((16, 16)), format!("icon-data {:?}", &icon.icon[..icon.icon.len().min(24)]))?;
    ensure(plain.icon.is_empty() && plain.toggle_type.is_empty(), format!("{plain:?}"))?;
    // Choosing a radio item runs its callback; the app moves the mark.
    sni.click(a.id)?;
    ensure(pump_until(Duration::from_secs(5), || item_calls().0 == 1), "radio item ran nothing")?;
    ensure(item_calls().1 == 21, format!("context {:?}", item_calls()))?;
    // Same shape, mark moved and icon dropped: same ids, new states.
    expect("update", unsafe { tray_update(pixel_tray("Radio", radio_moved_menu())) }, OK)?;
    let l2 = sni.layout()?;
    let m = |label: &str| l2.find(label).cloned().ok_or(format!("no {label}"));
    ensure(m("Radio A")?.id == a.id && m("Radio A")?.toggle_state == Some(1), "Radio A after update")?;
    ensure(m("Radio B")?.toggle_state == Some(0), "Radio B after update")?;
    ensure(m("With icon")?.icon.is_empty(), "icon-data after the icon was dropped")
}

/// dbusmenu's shortcut property, as a host reads it, before and after a same-shape update.
fn shortcuts() -> Result<(), String> {
    let sni = init_and_find(pixel_tray("Keys", accel_menu()))?;
    let keys = |l: &Node, label: &str| l.find(label).map(|n| (n.id, n.shortcut.clone())).ok_or(format!("no {label}"));
    let v = |k: &[&str]| vec![k.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    let l = sni.layout()?;
    let quit = keys(&l, "Quit")?;
    ensure(quit.1 == v(&["Control", "q"]), format!("Quit {:?}", quit.1))?;
    ensure(keys(&l, "Reload")?.1 == v(&["Control", "Shift", "F5"]), format!("Reload {:?}", keys(&l, "Reload")))?;
    ensure(keys(&l, "Comma")?.1 == v(&["Alt", "comma"]), format!("Comma {:?}", keys(&l, "Comma")))?;
    ensure(keys(&l, "Zoom")?.1 == v(&["Control", "plus"]), format!("Zoom {:?}", keys(&l, "Zoom")))?;
    ensure(keys(&l, "None")?.1.is_empty(), "a shortcut on an item without one")?;
    ensure(keys(&l, "Sub")?.1.is_empty(), "a shortcut on a submenu entry")?;
    expect("rebind", unsafe { tray_update(pixel_tray("Keys", accel_moved_menu())) }, OK)?;
    let l = sni.layout()?;
    ensure(
        keys(&l, "Quit")? == (quit.0, v(&["Super", "Escape"])),
        format!("Quit after update {:?}", keys(&l, "Quit")),
    )?;
    ensure(keys(&l, "Reload")?.1.is_empty(), "Reload kept its shortcut")?;
    ensure(keys(&l, "None")?.1 == v(&["Page_Down"]), format!("None after update {:?}", keys(&l, "None")))
}

/// The GtkAccelLabel of an XEmbed menu item: (keysym name, modifier mask), ("", 0) for none.
fn xembed_accel(item: P) -> Result<(String, u32), String> {
    const RTLD_NOW: c_int = 2;
    const RTLD_NOLOAD: c_int = 4;
    let gtk = unsafe { dlopen(c("libgtk-3.so.0").as_ptr(), RTLD_NOW | RTLD_NOLOAD) };
    ensure(!gtk.is_null(), "GTK is not loaded while the fallback shows")?;
    let sym = |name: &str| {
        let p = unsafe { dlsym(gtk, c(name).as_ptr()) };
        ensure(!p.is_null(), format!("no {name}")).map(|_| p)
    };
    unsafe {
        let child: unsafe extern "C" fn(P) -> P = std::mem::transmute(sym("gtk_bin_get_child")?);
        let get: unsafe extern "C" fn(P, *mut c_uint, *mut c_uint) =
            std::mem::transmute(sym("gtk_accel_label_get_accel")?);
        let name: unsafe extern "C" fn(c_uint) -> *const c_char = std::mem::transmute(sym("gdk_keyval_name")?);
        let (mut key, mut mods) = (0, 0);
        get(child(item), &mut key, &mut mods);
        Ok((if key == 0 { String::new() } else { text(name(key)) }, mods))
    }
}

/// Docked in an X tray, the GTK menu shows each accelerator on its item's label, and a
/// same-shape update rebinds them in place.
fn xembed_accels() -> Result<(), String> {
    const SHIFT: u32 = 1;
    const CONTROL: u32 = 1 << 2;
    const ALT: u32 = 1 << 3;
    const SUPER: u32 = 1 << 26;
    init_and_find(pixel_tray("Docked keys", accel_menu()))?;
    let result = (|| {
        watcher(false)?;
        ensure(pump_until(Duration::from_secs(5), || !unsafe { tray_native_menu() }.is_null()), "never docked")?;
        let items = xembed_items(unsafe { tray_native_menu() })?;
        let accels = items.iter().map(|i| xembed_accel(i.0)).collect::<Result<Vec<_>, _>>()?;
        let want = |v: &[(&str, u32)]| v.iter().map(|(k, m)| (k.to_string(), *m)).collect::<Vec<_>>();
        let first =
            want(&[("q", CONTROL), ("F5", CONTROL | SHIFT), ("comma", ALT), ("plus", CONTROL), ("", 0), ("", 0)]);
        ensure(accels == first, format!("accelerators {accels:?}"))?;
        let before = unsafe { tray_native_menu() };
        expect("rebind", unsafe { tray_update(pixel_tray("Docked keys", accel_moved_menu())) }, OK)?;
        ensure(unsafe { tray_native_menu() } == before, "a same-shape update replaced the GtkMenu")?;
        let items = xembed_items(before)?;
        let accels = items.iter().map(|i| xembed_accel(i.0)).collect::<Result<Vec<_>, _>>()?;
        let second = want(&[("Escape", SUPER), ("", 0), ("comma", ALT), ("plus", CONTROL), ("Page_Down", 0), ("", 0)]);
        ensure(accels == second, format!("accelerators after update {accels:?}"))
    })();
    let _ = watcher(true);
    result
}

extern "C" {
    fn dlopen(name: *const c_char, flags: c_int) -> P;
    fn dlsym(handle: P, name: *const c_char) -> P;
    fn g_object_get(object: P, first: *const c_char, ...);
    fn g_signal_emit_by_name(instance: P, signal: *const c_char, ...);
    fn g_list_nth_data(list: P, n: c_uint) -> P;
    fn g_list_length(list: P) -> c_uint;
    fn g_list_free(list: P);
    fn g_type_name_from_instance(instance: P) -> *const c_char;
    fn g_variant_get_type_string(v: P) -> *const c_char;
    fn gdk_pixbuf_get_width(pixbuf: P) -> c_int;
    fn gdk_pixbuf_get_height(pixbuf: P) -> c_int;
    fn gdk_pixbuf_get_pixels(pixbuf: P) -> *const u8;
    fn g_dbus_connection_signal_subscribe(
        c: P,
        sender: *const c_char,
        iface: *const c_char,
        member: *const c_char,
        path: *const c_char,
        arg0: *const c_char,
        flags: c_int,
        cb: unsafe extern "C" fn(P, *const c_char, *const c_char, *const c_char, *const c_char, P, P),
        data: P,
        free: P,
    ) -> c_uint;
    fn g_dbus_connection_signal_unsubscribe(c: P, id: c_uint);
}

/// The fallback's menu items as (widget, label), read through the GTK the library loaded
/// (the test does not link GTK either).
fn xembed_items(menu: P) -> Result<Vec<(P, String)>, String> {
    const RTLD_NOW: c_int = 2;
    const RTLD_NOLOAD: c_int = 4;
    let gtk = unsafe { dlopen(c("libgtk-3.so.0").as_ptr(), RTLD_NOW | RTLD_NOLOAD) };
    ensure(!gtk.is_null(), "GTK is not loaded while the fallback shows")?;
    let children = unsafe { dlsym(gtk, c("gtk_container_get_children").as_ptr()) };
    ensure(!children.is_null(), "no gtk_container_get_children")?;
    let children: unsafe extern "C" fn(P) -> P = unsafe { std::mem::transmute(children) };
    let list = unsafe { children(menu) };
    let items = (0..unsafe { g_list_length(list) })
        .map(|i| unsafe {
            let w = g_list_nth_data(list, i);
            let mut label: *mut c_char = null_mut();
            g_object_get(w, c("label").as_ptr(), &mut label as *mut *mut c_char, null::<c_char>());
            (w, if label.is_null() { String::new() } else { text(label) })
        })
        .collect();
    unsafe { g_list_free(list) };
    Ok(items)
}

/// Docked in an X tray, a same-shape update keeps the GtkMenu (an open menu stays open)
/// with new texts, and its items run the new entries' callbacks; a new shape replaces it.
fn xembed_in_place() -> Result<(), String> {
    reset_calls();
    init_and_find(pixel_tray("Docked", sample_menu()))?;
    let result = (|| {
        watcher(false)?;
        ensure(pump_until(Duration::from_secs(5), || !unsafe { tray_native_menu() }.is_null()), "never docked")?;
        let before = unsafe { tray_native_menu() };
        expect("same shape", unsafe { tray_update(pixel_tray("Docked", sample_menu_reworded())) }, OK)?;
        ensure(unsafe { tray_native_menu() } == before, "a same-shape update replaced the GtkMenu")?;
        let items = xembed_items(before)?;
        let labels: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        ensure(labels[0] == "First again" && labels[4] == "Enabled now", format!("labels {labels:?}"))?;
        // Activating the first item runs the new entry's callback (context 101), not the old one's.
        unsafe { g_signal_emit_by_name(items[0].0, c("activate").as_ptr()) };
        ensure(item_calls() == (1, 101), format!("item calls {:?}", item_calls()))?;
        expect("new shape", unsafe { tray_update(pixel_tray("Docked", menu(vec![item("Alone", 9)]))) }, OK)?;
        ensure(unsafe { tray_native_menu() } != before, "a new shape kept the old GtkMenu")
    })();
    let _ = watcher(true);
    result
}

/// The image a fallback menu item shows: (width, height, first pixel RGBA), or None.
fn xembed_item_image(item: P) -> Result<Option<(i32, i32, [u8; 4])>, String> {
    let kind = unsafe { text(g_type_name_from_instance(item)) };
    ensure(kind == "GtkImageMenuItem", format!("a plain item is a {kind}, which cannot show an icon"))?;
    let mut image: P = null_mut();
    unsafe { g_object_get(item, c("image").as_ptr(), &mut image as *mut P, null::<c_char>()) };
    if image.is_null() {
        return Ok(None);
    }
    let mut pixbuf: P = null_mut();
    unsafe { g_object_get(image, c("pixbuf").as_ptr(), &mut pixbuf as *mut P, null::<c_char>()) };
    ensure(!pixbuf.is_null(), "the item's image has no pixbuf")?;
    let (w, h, px) =
        unsafe { (gdk_pixbuf_get_width(pixbuf), gdk_pixbuf_get_height(pixbuf), gdk_pixbuf_get_pixels(pixbuf)) };
    let first = unsafe { [*px, *px.add(1), *px.add(2), *px.add(3)] };
    Ok(Some((w, h, first)))
}

/// Docked in an X tray, a menu item's icon shows in the GtkMenu at 16 px (the 16 px size
/// of a list; a larger one alone is scaled down), and goes when the item loses it.
fn xembed_menu_icons() -> Result<(), String> {
    init_and_find(pixel_tray("Docked icons", radio_icon_menu()))?;
    let result = (|| {
        watcher(false)?;
        ensure(pump_until(Duration::from_secs(5), || !unsafe { tray_native_menu() }.is_null()), "never docked")?;
        let find = |label: &str| -> Result<P, String> {
            let items = xembed_items(unsafe { tray_native_menu() })?;
            items.iter().find(|i| i.1 == label).map(|i| i.0).ok_or(format!("no {label} in the GtkMenu"))
        };
        let shown = xembed_item_image(find("With icon")?)?;
        ensure(shown == Some((16, 16, [255, 0, 0, 255])), format!("With icon shows {shown:?}"))?;
        ensure(xembed_item_image(find("Plain")?)?.is_none(), "Plain shows an icon")?;
        // Only a 48 px blue icon: scaled to 16 (same shape, so changed in place).
        let only_big = images(vec![image(48, 48, [0, 0, 255, 255])]);
        let big = menu(vec![
            tray_menu { radio: 1, ..item("Radio A", 21) },
            tray_menu { radio: 1, checked: 1, ..item("Radio B", 22) },
            tray_menu { icons: only_big.0, icon_count: only_big.1, ..item("With icon", 23) },
            item("Plain", 24),
        ]);
        expect("big icon", unsafe { tray_update(pixel_tray("Docked icons", big)) }, OK)?;
        let shown = xembed_item_image(find("With icon")?)?;
        ensure(shown == Some((16, 16, [0, 0, 255, 255])), format!("the 48 px icon shows as {shown:?}"))?;
        expect("icon dropped", unsafe { tray_update(pixel_tray("Docked icons", radio_moved_menu())) }, OK)?;
        ensure(xembed_item_image(find("With icon")?)?.is_none(), "the dropped icon still shows")
    })();
    let _ = watcher(true);
    result
}

thread_local! {
    /// (interface, signal, first string argument) of each signal the item and its menu sent.
    static SIGNALS: RefCell<Vec<(String, String, String)>> = const { RefCell::new(Vec::new()) };
}

unsafe extern "C" fn on_signal(
    _c: P,
    _sender: *const c_char,
    _path: *const c_char,
    iface: *const c_char,
    name: *const c_char,
    params: P,
    _d: P,
) {
    let iface = text(iface);
    if iface != "org.kde.StatusNotifierItem" && iface != "com.canonical.dbusmenu" {
        return;
    }
    let arg = if !params.is_null()
        && g_variant_n_children(params) > 0
        && text(g_variant_get_type_string(params)).starts_with("(s")
    {
        child_str(params, 0)
    } else {
        String::new()
    };
    SIGNALS.with(|s| s.borrow_mut().push((iface, text(name), arg)));
}

/// The signal names received since the last call, after letting the main context run.
fn signals_after(update: *mut tray) -> Result<Vec<String>, String> {
    pump_for(Duration::from_millis(100));
    SIGNALS.with(|s| s.borrow_mut().clear());
    expect("update", unsafe { tray_update(update) }, OK)?;
    pump_for(Duration::from_millis(300));
    let mut got: Vec<String> = SIGNALS.with(|s| {
        s.borrow_mut()
            .drain(..)
            .map(|(_, name, arg)| if arg.is_empty() { name } else { format!("{name}({arg})") })
            .collect()
    });
    got.sort();
    got.dedup();
    Ok(got)
}

/// Every change a panel must redraw for comes with its signal, and nothing else does: the
/// icon (NewIcon, and NewToolTip, which carries it), the tooltip (NewTitle, NewToolTip),
/// attention (NewStatus with the status, NewAttentionIcon), the menu (LayoutUpdated for a
/// new shape, ItemsPropertiesUpdated for the same shape).
fn new_signals() -> Result<(), String> {
    let sub = unsafe {
        g_dbus_connection_signal_subscribe(
            bus(),
            null(),
            null(),
            null(),
            null(),
            null(),
            0,
            on_signal,
            null_mut(),
            null_mut(),
        )
    };
    let result = (|| {
        init_and_find(pixel_tray("Signals", sample_menu()))?;
        let same = signals_after(pixel_tray("Signals", sample_menu()))?;
        ensure(same.is_empty(), format!("an update that changes nothing sent {same:?}"))?;
        let tip = signals_after(pixel_tray("Signals\nwith a body", sample_menu()))?;
        ensure(tip == ["NewTitle", "NewToolTip"], format!("a new tooltip sent {tip:?}"))?;
        let red = pixel_tray("Signals\nwith a body", sample_menu());
        red.icon_rgba = pixels([255, 0, 0]).as_ptr();
        let icon = signals_after(red)?;
        ensure(icon == ["NewIcon", "NewToolTip"], format!("a new icon sent {icon:?}"))?;
        let themed = pixel_tray("Signals\nwith a body", sample_menu());
        themed.icon_rgba = null();
        themed.icon = cstr("network-wired");
        let named = signals_after(themed)?;
        ensure(named == ["NewIcon", "NewToolTip"], format!("a theme icon sent {named:?}"))?;
        let urgent = pixel_tray("Signals\nwith a body", sample_menu());
        urgent.attention = 1;
        (urgent.attention_icons, urgent.attention_icon_count) = images(vec![image(22, 22, [9, 9, 9, 255])]);
        let call = signals_after(urgent)?;
        ensure(
            call.contains(&"NewStatus(NeedsAttention)".to_string()) && call.contains(&"NewAttentionIcon".to_string()),
            format!("attention sent {call:?}"),
        )?;
        let calm = signals_after(pixel_tray("Signals\nwith a body", sample_menu()))?;
        ensure(
            calm.contains(&"NewStatus(Active)".to_string()) && calm.contains(&"NewAttentionIcon".to_string()),
            format!("the end of attention sent {calm:?}"),
        )?;
        let reworded = signals_after(pixel_tray("Signals\nwith a body", sample_menu_reworded()))?;
        ensure(reworded == ["ItemsPropertiesUpdated"], format!("a same-shape menu sent {reworded:?}"))?;
        let reshaped = signals_after(pixel_tray("Signals\nwith a body", menu(vec![item("Alone", 1)])))?;
        ensure(reshaped == ["LayoutUpdated"], format!("a new menu shape sent {reshaped:?}"))
    })();
    unsafe { g_dbus_connection_signal_unsubscribe(bus(), sub) };
    result
}
