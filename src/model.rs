//! What the tray shows, derived from the service's state.  Pure data: no
//! FFI, no I/O, so every rule here is unit-tested without a display.

pub use crate::service::Setting;
use crate::service::{CallError, LoginUrl, Network, NetworkId, NodeStatus};
use crate::text::clean as shorten;
use zt_tray::MenuItem;

/// Most networks listed in the menu; the rest are counted in one line.
pub const MAX_SHOWN_NETWORKS: usize = 40;
/// Notes (warnings) are longer than reasons: they carry a path and a command.
const MAX_NOTE: usize = 100;
/// Routes listed per network; the rest are counted.
const MAX_ROUTES_SHOWN: usize = 8;

use crate::icon::Look;

/// Everything the app knows about the local service at one moment.
#[derive(Debug, Clone, PartialEq)]
pub enum ServiceState {
    /// Not asked yet.
    Starting,
    /// No usable answer; `notes` are extra lines worth showing.
    Down { problem: CallError, notes: Vec<String> },
    /// The service answered.
    Running { status: NodeStatus, networks: Vec<Network>, notes: Vec<String> },
}

/// What choosing a menu item does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Puts the text on the clipboard; the first field says what it is.
    Copy(&'static str, String),
    JoinNetwork,
    /// Leaves a network and remembers it under "Saved networks" (id, name).
    Disconnect(NetworkId, String),
    /// Joins a saved network again.
    Reconnect(NetworkId),
    /// Drops a network from "Saved networks".
    Forget(NetworkId),
    /// Turns a network's setting on or off.
    SetAllow(NetworkId, Setting, bool),
    /// Opens a network's SSO login page.
    OpenUrl(String),
    /// Copies the service's token to the per-user file (asks for privileges).
    SetUpToken,
    Refresh,
    /// Turns starting at login on or off.
    SetAutostart(bool),
    /// Turns desktop notifications on or off.
    SetNotifications(bool),
    /// Asks where to save the diagnostics file, then writes it.
    SaveDiagnostics,
    About,
    /// Opens the Networks / Peers / This node window (or brings it forward).
    ShowWindow,
    Quit,
}

/// What the menu shows beyond the service's own answer: the app's own
/// settings and the joins it is still waiting for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Local {
    pub autostart: bool,
    /// Network IDs asked to join that the service does not list yet.
    pub pending_joins: Vec<NetworkId>,
    /// Networks disconnected from, newest first.
    pub saved: Vec<crate::saved::Saved>,
    pub settings: crate::saved::Settings,
}

impl Setting {
    pub fn label(self) -> &'static str {
        match self {
            Setting::Managed => "Allow Managed Addresses",
            Setting::Global => "Allow Assignment of Global IPs",
            Setting::DefaultRoute => "Allow Default Route Override",
            Setting::Dns => "Allow DNS Configuration",
        }
    }
}

/// One menu line, in the tray library's own type: the model's output is
/// what the tray shows, with an [`Action`] on every entry that does something.
pub type Item = MenuItem<Action>;

/// A menu line's text as the tray takes it: a text of exactly `-` is the
/// tray's separator mark, so a service's `-` (an address, a route) shows as
/// a hyphen instead of failing the whole menu.
fn label(text: impl Into<String>) -> String {
    let text = text.into();
    if text == "-" {
        "\u{2010}".into()
    } else {
        text
    }
}

fn item(text: impl Into<String>, action: Action) -> Item {
    MenuItem::action(label(text), action)
}

fn info(text: impl Into<String>) -> Item {
    MenuItem::label(label(text)).disabled()
}

fn check(text: impl Into<String>, checked: bool, action: Action) -> Item {
    MenuItem::action(label(text), action).checked(checked)
}

fn submenu(text: impl Into<String>, children: Vec<Item>) -> Item {
    MenuItem::submenu(label(text), children)
}

/// The tray's tooltip for a state (kept short: Windows shows 127 units).
pub fn tooltip(state: &ServiceState) -> String {
    match state {
        ServiceState::Starting => "ZeroTier: connecting to the service…".into(),
        ServiceState::Down { problem, .. } => format!("ZeroTier: {}", headline(problem)),
        ServiceState::Running { status, networks, .. } => {
            let online = if status.online { "online" } else { "offline" };
            format!("ZeroTier {} ({online}), {} network(s)", status.address, networks.len())
        }
    }
}

/// The icon for a state: trouble the user can act on outranks offline.
pub fn look(state: &ServiceState) -> Look {
    match state {
        ServiceState::Starting => Look::Unavailable,
        // The user can fix these (token setup, settings).
        ServiceState::Down {
            problem:
                CallError::TokenRefused(_) | CallError::NoToken(_) | CallError::BadConfig(_) | CallError::NotTheService(_),
            ..
        } => Look::Attention,
        ServiceState::Down { .. } => Look::Unavailable,
        ServiceState::Running { networks, .. } if networks.iter().any(needs_attention) => Look::Attention,
        ServiceState::Running { status, .. } if status.online => Look::Online,
        ServiceState::Running { .. } => Look::Offline,
    }
}

/// A network the user must act on: log in, or ask the controller for access.
fn needs_attention(net: &Network) -> bool {
    matches!(net.status.as_str(), "ACCESS_DENIED" | "AUTHENTICATION_REQUIRED")
}

/// The login page of a network that waits for a browser login (SSO).
pub(crate) fn login_url(net: &Network) -> Option<&LoginUrl> {
    net.sso.as_ref().filter(|_| net.status == "AUTHENTICATION_REQUIRED").and_then(|s| s.url.as_ref().ok())
}

/// Why a network that waits for a browser login offers no page to open.
pub(crate) fn refused_login(net: &Network) -> Option<&str> {
    net.sso
        .as_ref()
        .filter(|_| net.status == "AUTHENTICATION_REQUIRED")
        .and_then(|s| s.url.as_ref().err().map(String::as_str))
}

fn title(net: &Network) -> String {
    let name = if net.name.is_empty() { "(unnamed)" } else { net.name.as_str() };
    format!("{} {name}", net.id)
}

/// The whole tray menu for a state.
pub fn menu(state: &ServiceState, local: &Local) -> Vec<Item> {
    let mut entries = Vec::new();
    match state {
        ServiceState::Starting => entries.push(info("Connecting to ZeroTier One…")),
        ServiceState::Down { problem, notes } => {
            entries.push(info(headline(problem)));
            entries.extend(advice(problem).iter().map(|line| info(*line)));
            entries.push(info(shorten(problem.detail(), 60)));
            if matches!(problem, CallError::NoToken(_) | CallError::TokenRefused(_)) {
                entries.push(item("Allow This User to Control ZeroTier…", Action::SetUpToken));
            }
            entries.extend(notes.iter().map(|n| info(shorten(n, MAX_NOTE))));
        }
        ServiceState::Running { status, networks, notes } => {
            let online = if status.online { "ONLINE" } else { "OFFLINE" };
            entries
                .push(item(format!("My address: {}", status.address), Action::Copy("Address", status.address.clone())));
            entries.push(info(format!("ZeroTier One {} ({online})", status.version)));
            entries.extend(notes.iter().map(|n| info(shorten(n, MAX_NOTE))));
            for net in networks.iter().take(MAX_SHOWN_NETWORKS) {
                if let Some(url) = login_url(net) {
                    let text = format!("Open login page on {} for {}…", url.host(), title(net));
                    entries.push(item(text, Action::OpenUrl(url.as_str().into())));
                }
            }
            entries.push(MenuItem::separator());
            let mut sorted: Vec<&Network> = networks.iter().collect();
            sorted.sort_by(|a, b| a.id.cmp(&b.id));
            if sorted.is_empty() {
                entries.push(info("(no networks joined)"));
            }
            entries.extend(sorted.iter().take(MAX_SHOWN_NETWORKS).map(|n| network_entry(n)));
            if sorted.len() > MAX_SHOWN_NETWORKS {
                entries.push(info(format!("… and {} more", sorted.len() - MAX_SHOWN_NETWORKS)));
            }
            let listed = |id: &NetworkId| networks.iter().any(|n| &n.id == id);
            for id in local.pending_joins.iter().filter(|id| !listed(id)) {
                entries.push(info(format!("Joining {id}…")));
            }
            entries.push(MenuItem::separator());
            entries.push(item("Join Network…", Action::JoinNetwork));
            let saved: Vec<Item> = local.saved.iter().filter(|s| !listed(&s.id)).map(saved_entry).collect();
            if !saved.is_empty() {
                entries.push(submenu("Saved networks", saved));
            }
        }
    }
    entries.push(MenuItem::separator());
    entries.push(item("Show ZeroTier…", Action::ShowWindow));
    entries.push(check("Start at login", local.autostart, Action::SetAutostart(!local.autostart)));
    let notifications = local.settings.notifications;
    entries.push(check("Notifications", notifications, Action::SetNotifications(!notifications)));
    entries.push(item("Save diagnostics…", Action::SaveDiagnostics));
    entries.push(item("Refresh", Action::Refresh));
    entries.push(item("About ZeroTier Desktop UI", Action::About));
    entries.push(item("Quit", Action::Quit));
    entries
}

fn network_entry(net: &Network) -> Item {
    let mut children = vec![item("Copy network ID", Action::Copy("Network ID", net.id.to_string()))];
    if let Some(url) = login_url(net) {
        children.push(item(format!("Open login page on {}…", url.host()), Action::OpenUrl(url.as_str().into())));
    }
    if let Some(why) = refused_login(net) {
        children.push(info(format!("Login page not offered: {why}")));
    }
    children.push(info(format!("Status: {}", net.status)));
    children.push(info(format!("Type: {}", net.kind)));
    if let Some(expiry) = net.sso.as_ref().and_then(|s| s.expires_ms).filter(|ms| *ms > 0) {
        children.push(info(format!("Login expires {}", utc_time(expiry))));
    }
    if !net.device.is_empty() {
        children.push(info(format!("Device: {}", net.device)));
    }
    if !net.mac.is_empty() {
        children.push(info(format!("MAC: {}", net.mac)));
    }
    if let Some(dns) = &net.dns {
        children.push(info(format!("DNS domain: {}", if dns.domain.is_empty() { "-" } else { &dns.domain })));
        if !dns.servers.is_empty() {
            children.push(info(format!("DNS servers: {}", dns.servers.join(", "))));
        }
    }
    if !net.assigned_addresses.is_empty() {
        let copies =
            net.assigned_addresses.iter().map(|a| item(a.as_str(), Action::Copy("Address", without_prefix(a))));
        children.push(submenu("Managed addresses", copies.collect()));
    }
    if !net.routes.is_empty() {
        let mut routes: Vec<Item> = net
            .routes
            .iter()
            .take(MAX_ROUTES_SHOWN)
            .map(|r| {
                let via = r.via.as_deref().map(|v| format!(" via {v}")).unwrap_or_default();
                item(format!("{}{via}", r.target), Action::Copy("Route", without_prefix(&r.target)))
            })
            .collect();
        if net.routes.len() > MAX_ROUTES_SHOWN {
            routes.push(info(format!("… and {} more", net.routes.len() - MAX_ROUTES_SHOWN)));
        }
        children.push(submenu("Managed routes", routes));
    }
    children.push(MenuItem::separator());
    for setting in Setting::ALL {
        let on = setting.of(net);
        // Choosing a check item asks for the opposite of what it shows.
        children.push(check(setting.label(), on, Action::SetAllow(net.id.clone(), setting, !on)));
    }
    children.push(MenuItem::separator());
    children.push(item("Disconnect", Action::Disconnect(net.id.clone(), net.name.clone())));
    submenu(title(net), children)
}

fn saved_entry(saved: &crate::saved::Saved) -> Item {
    let name = if saved.name.is_empty() { "(unnamed)" } else { saved.name.as_str() };
    submenu(
        format!("{} {name}", saved.id),
        vec![item("Reconnect", Action::Reconnect(saved.id.clone())), item("Forget", Action::Forget(saved.id.clone()))],
    )
}

/// `2023-11-14 22:13 UTC` from milliseconds since the epoch (no time-zone data needed).
pub(crate) fn utc_time(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rest / 3600, rest % 3600 / 60)
}

/// `10.147.17.5/24` → `10.147.17.5`: what a user pastes is the address.
pub(crate) fn without_prefix(cidr: &str) -> String {
    cidr.split('/').next().unwrap_or(cidr).to_string()
}

/// The menu shown when the tray refused the full one: why, and the way out.
pub fn fallback_menu(why: &str) -> Vec<Item> {
    vec![
        info("The menu could not be shown"),
        info(shorten(why, 60)),
        MenuItem::separator(),
        item("Refresh", Action::Refresh),
        item("Quit", Action::Quit),
    ]
}

/// What is wrong, in a few plain words.
pub fn headline(problem: &CallError) -> &'static str {
    match problem {
        CallError::NotRunning(_) => "ZeroTier One is not running",
        CallError::NotAnswering(_) => "ZeroTier One is not answering",
        CallError::TokenRefused(_) => "ZeroTier One refused this app's token",
        CallError::NoToken(_) => "No permission to control ZeroTier One",
        CallError::BadConfig(_) => "The app's settings are not usable",
        CallError::NotTheService(_) => "Another program is using ZeroTier One's port",
        CallError::Failed(_) => "ZeroTier One gave an unusable answer",
    }
}

/// What the user can do about it by hand.
fn advice(problem: &CallError) -> &'static [&'static str] {
    match problem {
        CallError::NotRunning(_) => &["Install ZeroTier One or start its service."],
        CallError::NotAnswering(_) => &["It runs but does not reply; restart its service."],
        CallError::TokenRefused(_) | CallError::NoToken(_) => {
            if cfg!(windows) {
                &["Use the item below, or copy authtoken.secret", "to %LOCALAPPDATA%\\ZeroTier as Administrator."]
            } else {
                &["Use the item below, or copy authtoken.secret", "to ~/.zeroTierOneAuthToken (chmod 600) as root."]
            }
        }
        CallError::BadConfig(_) => &["Check --port, --service-home and --token-file."],
        CallError::NotTheService(_) => &[
            "The token was not sent to it. Quit that program,",
            "then restart ZeroTier One's service so it gets its port back.",
        ],
        CallError::Failed(_) => &["Something else may listen on its port; see below."],
    }
}

/// The menu as indented text (`--print-state`): `[x]`/`[ ]` for check
/// items, `(disabled)` for entries that do nothing, `-` for separators.
pub fn render_text(state: &ServiceState, local: &Local) -> String {
    fn walk(items: &[Item], depth: usize, out: &mut String) {
        for i in items {
            let indent = "  ".repeat(depth);
            let MenuItem::Entry(e) = i else {
                out.push_str(&format!("{indent}-\n"));
                continue;
            };
            let check = match e.checked {
                Some(true) => "[x] ",
                Some(false) => "[ ] ",
                None => "",
            };
            let off = if e.enabled { "" } else { " (disabled)" };
            out.push_str(&format!("{indent}{check}{}{off}\n", e.text));
            walk(&e.submenu, depth + 1, out);
        }
    }
    let mut out = format!("tooltip: {}\n", tooltip(state));
    walk(&menu(state, local), 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(i: &Item) -> &str {
        i.entry().map_or("-", |e| e.text.as_str())
    }

    fn action(i: &Item) -> Option<&Action> {
        i.entry().and_then(|e| e.action.as_ref())
    }

    fn children(i: &Item) -> &[Item] {
        i.entry().map_or(&[], |e| e.submenu.as_slice())
    }

    fn id(text: &str) -> NetworkId {
        NetworkId::parse(text).unwrap()
    }

    fn network(text: &str, name: &str) -> Network {
        Network {
            name: name.into(),
            status: "OK".into(),
            kind: "PRIVATE".into(),
            device: "ztabc".into(),
            assigned_addresses: vec!["10.147.17.5/24".into()],
            allow_managed: true,
            allow_global: false,
            allow_default: false,
            allow_dns: true,
            ..Network::new(id(text))
        }
    }

    fn down(problem: CallError) -> ServiceState {
        ServiceState::Down { problem, notes: vec![] }
    }

    fn running(networks: Vec<Network>) -> ServiceState {
        ServiceState::Running {
            status: NodeStatus {
                address: "89e92ceee5".into(),
                online: true,
                version: "1.14.2".into(),
                ..NodeStatus::default()
            },
            networks,
            notes: vec![],
        }
    }

    #[test]
    fn unreachable_service_shows_why_and_keeps_quit() {
        let m = menu(&down(CallError::NotRunning("connection refused on 127.0.0.1:9993".into())), &Local::default());
        assert_eq!(text(&m[0]), "ZeroTier One is not running");
        assert!(!m[0].entry().unwrap().enabled);
        assert!(text(&m[1]).contains("start its service"));
        assert!(text(&m[2]).contains("connection refused"));
        assert_eq!(action(m.last().unwrap()), Some(&Action::Quit));
        assert!(!m.iter().any(|e| action(e) == Some(&Action::JoinNetwork)), "no joining without a service");
    }

    #[test]
    fn running_service_lists_networks_sorted_with_their_settings() {
        let m = menu(
            &running(vec![network("b000000000000001", "beta"), network("a000000000000001", "")]),
            &Local::default(),
        );
        assert_eq!(action(&m[0]), Some(&Action::Copy("Address", "89e92ceee5".into())));
        assert_eq!(text(&m[0]), "My address: 89e92ceee5");
        assert!(text(&m[1]).contains("ONLINE") && text(&m[1]).contains("1.14.2"));
        let nets: Vec<&Item> = m.iter().filter(|e| !children(e).is_empty()).collect();
        assert_eq!(text(nets[0]), "a000000000000001 (unnamed)");
        assert_eq!(text(nets[1]), "b000000000000001 beta");
        let beta = nets[1];
        let managed = children(beta).iter().find(|e| text(e) == "Allow Managed Addresses").unwrap();
        assert_eq!(managed.entry().unwrap().checked, Some(true));
        assert_eq!(
            action(managed),
            Some(&Action::SetAllow(id("b000000000000001"), Setting::Managed, false)),
            "choosing toggles"
        );
        let global = children(beta).iter().find(|e| text(e).starts_with("Allow Assignment")).unwrap();
        assert_eq!(action(global), Some(&Action::SetAllow(id("b000000000000001"), Setting::Global, true)));
        let addresses = children(beta).iter().find(|e| text(e) == "Managed addresses").unwrap();
        assert_eq!(text(&children(addresses)[0]), "10.147.17.5/24");
        assert_eq!(action(&children(addresses)[0]), Some(&Action::Copy("Address", "10.147.17.5".into())));
        assert_eq!(
            action(children(beta).last().unwrap()),
            Some(&Action::Disconnect(id("b000000000000001"), "beta".into()))
        );
        assert_eq!(action(&children(beta)[0]), Some(&Action::Copy("Network ID", "b000000000000001".into())));
    }

    /// Every text in a menu is one the tray takes: no `-` (its separator mark), no NUL.
    fn assert_tray_takes(items: &[Item]) {
        for i in items {
            if let Some(e) = i.entry() {
                assert!(e.text != "-" && !e.text.contains('\0'), "{:?}", e.text);
                assert_tray_takes(&e.submenu);
            }
        }
    }

    #[test]
    fn a_lone_dash_from_the_service_is_a_hyphen_not_a_separator() {
        let mut net = network("8056c2e21c000001", "-");
        net.assigned_addresses = vec!["-".into()];
        net.routes = vec![crate::service::Route { target: "-".into(), via: None }];
        net.status = "-".into();
        net.device = "-".into();
        let m = menu(&running(vec![net]), &Local::default());
        assert_tray_takes(&m);
        let net = m.iter().find(|e| !children(e).is_empty()).unwrap();
        let addresses = children(net).iter().find(|e| text(e) == "Managed addresses").unwrap();
        assert_eq!(text(&children(addresses)[0]), "\u{2010}");
        assert_eq!(
            action(&children(addresses)[0]),
            Some(&Action::Copy("Address", "-".into())),
            "the copy is the real text"
        );
    }

    #[test]
    fn no_networks_means_no_dangling_separator() {
        let m = menu(&running(vec![]), &Local::default());
        assert!(m.iter().any(|e| text(e) == "(no networks joined)"));
        for pair in m.windows(2) {
            assert!(!(pair[0] == MenuItem::Separator && pair[1] == MenuItem::Separator), "double separator in {m:?}");
        }
    }

    #[test]
    fn tooltip_and_icon_follow_the_state() {
        assert_eq!(
            tooltip(&running(vec![network("a000000000000001", "x")])),
            "ZeroTier 89e92ceee5 (online), 1 network(s)"
        );
        assert_eq!(look(&running(vec![])), Look::Online);
        assert_eq!(look(&down(CallError::NotRunning(String::new()))), Look::Unavailable);
        assert_eq!(look(&down(CallError::NotAnswering(String::new()))), Look::Unavailable);
        assert_eq!(look(&down(CallError::NoToken(String::new()))), Look::Attention);
        let mut denied = network("a000000000000001", "x");
        denied.status = "ACCESS_DENIED".into();
        assert_eq!(look(&running(vec![network("b000000000000001", "y"), denied])), Look::Attention);
        let ServiceState::Running { status, networks, notes } = running(vec![]) else { unreachable!() };
        assert_eq!(
            look(&ServiceState::Running { status: NodeStatus { online: false, ..status }, networks, notes }),
            Look::Offline
        );
        for state in [ServiceState::Starting, down(CallError::TokenRefused("x".into())), running(vec![])] {
            assert!(tooltip(&state).encode_utf16().count() <= 127);
        }
    }

    #[test]
    fn long_reasons_are_shortened_on_a_character_boundary() {
        let m = menu(&down(CallError::Failed("é".repeat(100))), &Local::default());
        assert_eq!(text(&m[2]).chars().count(), 60);
        assert!(text(&m[2]).ends_with('…'));
    }

    #[test]
    fn each_problem_says_what_is_wrong_and_only_token_problems_offer_setup() {
        let problems = [
            CallError::NotRunning(String::new()),
            CallError::NotAnswering(String::new()),
            CallError::TokenRefused(String::new()),
            CallError::NoToken(String::new()),
            CallError::BadConfig(String::new()),
            CallError::NotTheService(String::new()),
            CallError::Failed(String::new()),
        ];
        let headlines: std::collections::BTreeSet<&str> = problems.iter().map(headline).collect();
        assert_eq!(headlines.len(), problems.len(), "one distinct headline each");
        for p in problems {
            let offers =
                menu(&down(p.clone()), &Local::default()).iter().any(|e| action(e) == Some(&Action::SetUpToken));
            assert_eq!(offers, matches!(p, CallError::NoToken(_) | CallError::TokenRefused(_)), "{p:?}");
        }
    }

    #[test]
    fn many_networks_are_capped_with_a_count() {
        let nets: Vec<Network> = (0..1300).map(|i| network(&format!("{i:016x}"), "n")).collect();
        let m = menu(&running(nets), &Local::default());
        assert_eq!(m.iter().filter(|e| !children(e).is_empty()).count(), MAX_SHOWN_NETWORKS);
        assert!(m.iter().any(|e| text(e) == format!("… and {} more", 1300 - MAX_SHOWN_NETWORKS)));
        let text = render_text(&running(vec![network("a000000000000001", "x")]), &Local::default());
        assert!(text.contains("\n  [x] Allow Managed Addresses\n"), "{text}");
        assert!(text.contains("\n  -\n"), "separators: {text}");
        assert!(text.starts_with("tooltip: ZeroTier 89e92ceee5"), "{text}");
    }

    #[test]
    fn pending_joins_show_until_the_service_lists_them() {
        let pending_joins = vec![id("a000000000000001"), id("c000000000000001")];
        let local = Local { pending_joins, ..Local::default() };
        let m = menu(&running(vec![network("a000000000000001", "x")]), &local);
        let joining: Vec<&str> = m.iter().map(text).filter(|t| t.starts_with("Joining")).collect();
        assert_eq!(joining, ["Joining c000000000000001…"]);
        assert!(!m.iter().any(|e| text(e) == "(no networks joined)"));
    }

    #[test]
    fn start_at_login_is_a_check_item_that_toggles() {
        for on in [false, true] {
            let m = menu(&ServiceState::Starting, &Local { autostart: on, ..Local::default() });
            let entry = m.iter().find(|e| text(e) == "Start at login").unwrap();
            assert_eq!(entry.entry().unwrap().checked, Some(on));
            assert_eq!(action(entry), Some(&Action::SetAutostart(!on)));
        }
    }

    #[test]
    fn notifications_are_a_check_item_and_diagnostics_always_offered() {
        for on in [false, true] {
            let local = Local {
                settings: crate::saved::Settings { notifications: on, ..Default::default() },
                ..Local::default()
            };
            for state in [ServiceState::Starting, down(CallError::NotRunning("x".into())), running(vec![])] {
                let m = menu(&state, &local);
                let entry = m.iter().find(|e| text(e) == "Notifications").unwrap();
                assert_eq!(entry.entry().unwrap().checked, Some(on));
                assert_eq!(action(entry), Some(&Action::SetNotifications(!on)));
                assert!(
                    m.iter().any(|e| action(e) == Some(&Action::SaveDiagnostics)),
                    "even while the service is down"
                );
                let show = m.iter().find(|e| action(e) == Some(&Action::ShowWindow)).expect("the window is offered");
                assert_eq!(text(show), "Show ZeroTier…");
            }
        }
    }

    fn sso(id: &str, url: &str) -> Network {
        let mut net = network(id, "corp");
        net.status = "AUTHENTICATION_REQUIRED".into();
        net.sso = Some(crate::service::Sso { url: LoginUrl::parse(url), expires_ms: Some(1_700_000_000_000) });
        net
    }

    #[test]
    fn networks_waiting_for_a_login_offer_the_page_at_the_top_and_inside() {
        let m = menu(
            &running(vec![sso("d000000000000001", "https://sso.example/login"), network("a000000000000001", "x")]),
            &Local::default(),
        );
        let open = Action::OpenUrl("https://sso.example/login".into());
        assert_eq!(text(&m[2]), "Open login page on sso.example for d000000000000001 corp…", "the host is shown");
        assert_eq!(action(&m[2]), Some(&open));
        let net = m.iter().find(|e| text(e) == "d000000000000001 corp").unwrap();
        assert!(children(net).iter().any(|e| text(e) == "Open login page on sso.example…" && action(e) == Some(&open)));
        let refused =
            menu(&running(vec![sso("d000000000000001", "https://my.zerotier.com@evil.example/")]), &Local::default());
        assert!(!refused.iter().any(|e| action(e).is_some_and(|a| matches!(a, Action::OpenUrl(_)))));
        let net = refused.iter().find(|e| !children(e).is_empty()).unwrap();
        assert!(children(net).iter().any(|e| text(e).starts_with("Login page not offered: it names a user")));
        assert!(children(net).iter().any(|e| text(e) == "Login expires 2023-11-14 22:13 UTC"), "{:?}", net);
        assert_eq!(look(&running(vec![sso("d000000000000001", "https://x")])), Look::Attention);
        // Once logged in the page is not offered, the expiry still shows.
        let mut done = sso("d000000000000001", "https://x");
        done.status = "OK".into();
        let m = menu(&running(vec![done]), &Local::default());
        assert!(!m.iter().any(|e| text(e).starts_with("Open login page")));
        assert!(children(&m[3]).iter().any(|e| text(e).starts_with("Login expires")));
    }

    #[test]
    fn routes_copy_their_address_and_dns_shows_domain_and_servers() {
        let mut net = network("a000000000000001", "x");
        net.routes = vec![
            crate::service::Route { target: "10.147.17.0/24".into(), via: None },
            crate::service::Route { target: "0.0.0.0/0".into(), via: Some("10.147.17.1".into()) },
        ];
        net.dns = Some(crate::service::Dns { domain: "corp.example".into(), servers: vec!["10.0.0.53".into()] });
        net.mac = "aa:bb:cc:dd:ee:ff".into();
        let m = menu(&running(vec![net]), &Local::default());
        let net = m.iter().find(|e| text(e) == "a000000000000001 x").unwrap();
        let routes = children(net).iter().find(|e| text(e) == "Managed routes").unwrap();
        assert_eq!(text(&children(routes)[1]), "0.0.0.0/0 via 10.147.17.1");
        assert_eq!(action(&children(routes)[0]), Some(&Action::Copy("Route", "10.147.17.0".into())));
        for line in ["DNS domain: corp.example", "DNS servers: 10.0.0.53", "MAC: aa:bb:cc:dd:ee:ff", "Device: ztabc"] {
            assert!(children(net).iter().any(|e| text(e) == line), "no {line:?}");
        }
    }

    #[test]
    fn saved_networks_offer_reconnect_and_forget_while_not_joined() {
        use crate::saved::Saved;
        let saved = vec![
            Saved { id: id("e000000000000001"), name: "lab".into() },
            Saved { id: id("a000000000000001"), name: "x".into() },
        ];
        let m = menu(&running(vec![network("a000000000000001", "x")]), &Local { saved, ..Local::default() });
        let list = m.iter().find(|e| text(e) == "Saved networks").unwrap();
        assert_eq!(children(list).len(), 1, "a joined network is not offered again");
        let lab = &children(list)[0];
        assert_eq!(text(lab), "e000000000000001 lab");
        assert_eq!(action(&children(lab)[0]), Some(&Action::Reconnect(id("e000000000000001"))));
        assert_eq!(action(&children(lab)[1]), Some(&Action::Forget(id("e000000000000001"))));
        assert!(!menu(&running(vec![]), &Local::default()).iter().any(|e| text(e) == "Saved networks"));
    }

    #[test]
    fn utc_times_are_civil_dates() {
        assert_eq!(utc_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_time(951_782_400_000), "2000-02-29 00:00 UTC");
        assert_eq!(utc_time(4_102_444_799_000), "2099-12-31 23:59 UTC");
    }
}
