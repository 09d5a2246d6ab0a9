//! What the Networks / Peers / This node window shows, derived from the
//! service's state: table rows, the row notifications that turn one poll's
//! table into the next (so a table keeps its selection and scroll position
//! instead of being rebuilt), the peers' latency history and the node's
//! facts.  Pure data, no FFI: the window itself (which needs `uiTable` and
//! `uiArea` text) only shows what these functions return.

use std::collections::{HashMap, VecDeque};

use crate::discovery::{Findings, PortSource};
use crate::model::{login_url, refused_login, utc_time, without_prefix};
use crate::service::{Link, Network, NetworkId, NodeStatus, Peer, Setting};

/// Poll interval while the window is open: its tables follow the service closely.
pub const WINDOW_POLL_MS: u32 = 1000;

/// How often to poll, and whether peers are wanted: the window's needs while
/// it is open, the tray's otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollPlan {
    pub tray_ms: u32,
    pub window_open: bool,
}

impl PollPlan {
    pub fn interval_ms(self) -> u32 {
        if self.window_open {
            self.tray_ms.min(WINDOW_POLL_MS)
        } else {
            self.tray_ms
        }
    }

    /// `GET /peer` is asked only for the window (the tray shows no peers).
    pub fn wants_peers(self) -> bool {
        self.window_open
    }
}

/// One change to a table, in the order a `uiTableModel` must be told:
/// each index is valid for the table as it is after the changes before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowChange {
    Inserted(usize),
    Changed(usize),
    Deleted(usize),
}

/// The changes that turn `old` into `new`, both sorted by `key` with no key
/// twice; rows whose key stays and whose content is equal are not mentioned.
/// Linear in the two lengths.
pub fn diff_rows<R: PartialEq, K: Ord>(old: &[R], new: &[R], key: impl Fn(&R) -> &K) -> Vec<RowChange> {
    let mut changes = Vec::new();
    let (mut o, mut n) = (0, 0);
    // The index in the table as it is while the changes are applied.
    let mut at = 0;
    while o < old.len() || n < new.len() {
        let order = match (old.get(o), new.get(n)) {
            (Some(a), Some(b)) => key(a).cmp(key(b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                changes.push(RowChange::Deleted(at));
                o += 1;
            }
            std::cmp::Ordering::Greater => {
                changes.push(RowChange::Inserted(at));
                n += 1;
                at += 1;
            }
            std::cmp::Ordering::Equal => {
                if old[o] != new[n] {
                    changes.push(RowChange::Changed(at));
                }
                o += 1;
                n += 1;
                at += 1;
            }
        }
    }
    changes
}

/// Columns of the Networks table.
pub const NETWORK_COLUMNS: [&str; 7] = ["Name", "ID", "Status", "Type", "Managed addresses", "Device", "MAC"];

/// One row of the Networks table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkRow {
    pub id: NetworkId,
    pub cells: [String; 7],
}

/// The Networks table, sorted by network ID (as the menu is).
pub fn network_rows(networks: &[Network]) -> Vec<NetworkRow> {
    let mut rows: Vec<NetworkRow> = networks
        .iter()
        .map(|n| NetworkRow {
            id: n.id.clone(),
            cells: [
                n.name.clone(),
                n.id.to_string(),
                n.status.clone(),
                n.kind.clone(),
                n.assigned_addresses.join(", "),
                n.device.clone(),
                n.mac.clone(),
            ],
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
}

pub fn diff_networks(old: &[NetworkRow], new: &[NetworkRow]) -> Vec<RowChange> {
    diff_rows(old, new, |r| &r.id)
}

/// The selected row after an update: the same network where it now is, or
/// none once it is gone.  The selection follows the ID, never the index.
pub fn selected_row(rows: &[NetworkRow], selected: Option<&NetworkId>) -> Option<usize> {
    let id = selected?;
    rows.binary_search_by(|r| r.id.cmp(id)).ok()
}

/// Columns of the Peers table.
pub const PEER_COLUMNS: [&str; 6] = ["Address", "Role", "Version", "Latency", "Link", "Paths"];

/// One row of the Peers table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerRow {
    pub address: String,
    pub cells: [String; 6],
}

/// The Peers table, sorted by address, keeping the peers whose address (or
/// one of whose path addresses) holds `filter`, ignoring case.
pub fn peer_rows(peers: &[Peer], filter: &str) -> Vec<PeerRow> {
    let filter = filter.trim().to_lowercase();
    let matches = |p: &Peer| {
        filter.is_empty()
            || p.address.contains(&filter)
            || p.paths.iter().any(|path| path.address.to_lowercase().contains(&filter))
    };
    let mut rows: Vec<PeerRow> = peers.iter().filter(|p| matches(p)).map(peer_row).collect();
    rows.sort_by(|a, b| a.address.cmp(&b.address));
    rows
}

fn peer_row(p: &Peer) -> PeerRow {
    let latency = p.latency_ms.map_or_else(|| "–".to_string(), |ms| format!("{ms} ms"));
    let link = match (p.link(), p.active_path()) {
        (Link::Direct, Some(path)) => format!("direct ({})", path.address),
        _ => "relayed".to_string(),
    };
    let paths: Vec<&str> = p.paths.iter().map(|path| path.address.as_str()).collect();
    PeerRow {
        address: p.address.clone(),
        cells: [
            p.address.clone(),
            p.role.label().to_string(),
            p.version.clone().unwrap_or_else(|| "unknown".into()),
            latency,
            link,
            paths.join(", "),
        ],
    }
}

pub fn diff_peers(old: &[PeerRow], new: &[PeerRow]) -> Vec<RowChange> {
    diff_rows(old, new, |r| &r.address)
}

/// How long ago, in the largest unit that keeps two digits or fewer of sense.
fn ago_text(ms: i64) -> String {
    let s = ms / 1000;
    match s {
        0..=119 => format!("{s} s ago"),
        120..=7_199 => format!("{} min ago", s / 60),
        7_200..=172_799 => format!("{} h ago", s / 3600),
        _ => format!("{} days ago", s / 86_400),
    }
}

/// A peer's paths with their last send and receive, as time ago from `now_ms`.
pub fn path_lines(peer: &Peer, now_ms: i64) -> Vec<String> {
    let ago = |ms: Option<i64>| match ms {
        Some(ms) if ms <= now_ms => ago_text(now_ms - ms),
        Some(_) => "just now".to_string(),
        None => "never".to_string(),
    };
    peer.paths
        .iter()
        .map(|p| {
            let mut flags = Vec::new();
            if p.active {
                flags.push("active");
            }
            if p.preferred {
                flags.push("preferred");
            }
            if p.expired {
                flags.push("expired");
            }
            let flags = if flags.is_empty() { String::new() } else { format!(" [{}]", flags.join(", ")) };
            format!("{}{flags}: sent {}, received {}", p.address, ago(p.last_send_ms), ago(p.last_receive_ms))
        })
        .collect()
}

/// Each peer's latency over the last minutes, one sample per poll, for the
/// small graphs of the Peers tab.  Memory is bounded: at most
/// [`LatencyHistory::MAX_SAMPLES`] per peer, and a peer that is no longer
/// listed is forgotten once its samples are older than the window.
#[derive(Debug, Clone)]
pub struct LatencyHistory {
    window_ms: u64,
    peers: HashMap<String, VecDeque<Sample>>,
}

/// One poll's latency: `None` when unmeasured or the peer was not listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    pub at_ms: u64,
    pub latency_ms: Option<u32>,
}

impl LatencyHistory {
    /// At 1 s polls, five minutes.
    pub const MAX_SAMPLES: usize = 300;

    pub fn new(window_ms: u64) -> LatencyHistory {
        LatencyHistory { window_ms, peers: HashMap::new() }
    }

    /// Records one poll taken at `now_ms` (a monotonic clock).
    pub fn record(&mut self, now_ms: u64, peers: &[Peer]) {
        let listed: HashMap<&str, Option<u32>> = peers.iter().map(|p| (p.address.as_str(), p.latency_ms)).collect();
        for (address, latency) in &listed {
            self.peers
                .entry((*address).to_string())
                .or_default()
                .push_back(Sample { at_ms: now_ms, latency_ms: *latency });
        }
        let oldest = now_ms.saturating_sub(self.window_ms);
        self.peers.retain(|address, samples| {
            if !listed.contains_key(address.as_str()) {
                samples.push_back(Sample { at_ms: now_ms, latency_ms: None });
            }
            while samples.front().is_some_and(|s| s.at_ms < oldest) || samples.len() > Self::MAX_SAMPLES {
                samples.pop_front();
            }
            listed.contains_key(address.as_str()) || samples.iter().any(|s| s.latency_ms.is_some())
        });
    }

    /// The samples of one peer, oldest first.
    pub fn series(&self, address: &str) -> Vec<Sample> {
        self.peers.get(address).map(|s| s.iter().copied().collect()).unwrap_or_default()
    }

    /// How many peers have a history.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.peers.len()
    }
}

/// What the Networks tab shows below the table for the selected network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkDetails {
    pub title: String,
    /// The four allow switches, in [`Setting::ALL`]'s order.
    pub allow: [(Setting, bool); 4],
    pub routes: String,
    pub dns: String,
    /// The SSO login state in words.
    pub login: String,
    /// The "Open login page on <host>" button's text and the page, while a login is wanted.
    pub login_page: Option<(String, String)>,
    /// The managed addresses without their prefix length, one a line (what Copy puts on the clipboard).
    pub addresses: String,
}

/// Routes listed in the details; the rest are counted.
const MAX_ROUTES: usize = 8;

pub fn network_details(net: &Network) -> NetworkDetails {
    let name = if net.name.is_empty() { "(unnamed)" } else { net.name.as_str() };
    let mut routes: Vec<String> = net
        .routes
        .iter()
        .take(MAX_ROUTES)
        .map(|r| match &r.via {
            Some(via) => format!("{} via {via}", r.target),
            None => r.target.clone(),
        })
        .collect();
    if net.routes.len() > MAX_ROUTES {
        routes.push(format!("and {} more", net.routes.len() - MAX_ROUTES));
    }
    let dns = match &net.dns {
        Some(dns) if !dns.domain.is_empty() || !dns.servers.is_empty() => {
            let domain = if dns.domain.is_empty() { "no domain" } else { dns.domain.as_str() };
            let servers = if dns.servers.is_empty() { "no servers".to_string() } else { dns.servers.join(", ") };
            format!("{domain} ({servers})")
        }
        _ => "none pushed".to_string(),
    };
    let expiry = net.sso.as_ref().and_then(|s| s.expires_ms).filter(|ms| *ms > 0).map(utc_time);
    let login = match (net.sso.is_some(), login_url(net), refused_login(net)) {
        (_, Some(url), _) => format!("login needed on {}", url.host()),
        (_, None, Some(why)) => format!("login needed, but the page is not offered: {why}"),
        (true, None, None) => match expiry {
            Some(when) => format!("logged in until {when}"),
            None => "logged in".to_string(),
        },
        (false, None, None) => "not used".to_string(),
    };
    NetworkDetails {
        title: format!("{} {name} ({})", net.id, net.status),
        allow: Setting::ALL.map(|s| (s, s.of(net))),
        routes: if routes.is_empty() { "none".into() } else { routes.join(", ") },
        dns,
        login,
        login_page: login_url(net).map(|u| (format!("Open login page on {}", u.host()), u.as_str().to_string())),
        addresses: net.assigned_addresses.iter().map(|a| without_prefix(a)).collect::<Vec<_>>().join("\n"),
    }
}

/// The latency graph of one peer as line pieces in an area of `width` ×
/// `height` pixels: time runs left to right over the last `window_ms` up to
/// `now_ms`, latency bottom (0) to top (`scale_ms`).  A gap (unmeasured, or
/// the peer not listed) ends a piece.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    pub pieces: Vec<Vec<(f64, f64)>>,
    /// The latency at the top edge: the highest sample rounded up to a round number.
    pub scale_ms: u32,
}

pub fn latency_graph(samples: &[Sample], now_ms: u64, window_ms: u64, width: f64, height: f64) -> Graph {
    // Now is the right edge, whatever the clock's origin.
    let shown = || samples.iter().filter(|s| s.at_ms <= now_ms && now_ms - s.at_ms <= window_ms);
    let highest = shown().filter_map(|s| s.latency_ms).max().unwrap_or(0);
    let scale_ms = [10u32, 20, 50, 100, 200, 500, 1000, 2000, 5000].into_iter().find(|&s| highest <= s);
    let scale_ms = scale_ms.unwrap_or_else(|| highest.div_ceil(1000).saturating_mul(1000));
    let window = window_ms.max(1) as f64;
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut open = false;
    for s in shown() {
        match s.latency_ms {
            Some(ms) => {
                let x = width - (now_ms - s.at_ms) as f64 / window * width;
                let y = height - f64::from(ms.min(scale_ms)) / f64::from(scale_ms) * height;
                if !open {
                    pieces.push(Vec::new());
                    open = true;
                }
                if let Some(piece) = pieces.last_mut() {
                    piece.push((x, y));
                }
            }
            None => open = false,
        }
    }
    Graph { pieces, scale_ms }
}

/// The lines of the "This node" tab, in order.
pub const NODE_FACTS: [&str; 8] =
    ["Address", "Version", "Online", "TCP fallback in use", "Ports", "Planet world ID", "Service home", "API port"];

/// The "This node" tab: label and value per line.
pub fn node_facts(status: &NodeStatus, found: &Findings) -> Vec<(&'static str, String)> {
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    let ports: Vec<String> = status.ports.iter().map(u16::to_string).collect();
    let home = match found.home() {
        Some(home) if found.home_overridden => {
            format!("{} (named by --service-home / ZT_SERVICE_HOME)", home.display())
        }
        Some(home) => format!("{} (the platform's)", home.display()),
        None => "none".into(),
    };
    let api_port = match &found.port {
        Ok((port, PortSource::Override)) => format!("{port} (override: --port / ZT_PORT)"),
        Ok((port, PortSource::PortFile(file))) => format!("{port} (port file {})", file.display()),
        Ok((port, PortSource::Default)) => format!("{port} (default)"),
        Err(e) => format!("not usable: {}", e.detail()),
    };
    let values = [
        status.address.clone(),
        status.version.clone(),
        yes_no(status.online),
        status.tcp_fallback.map_or_else(|| "not reported".into(), yes_no),
        if ports.is_empty() { "not reported".into() } else { ports.join(", ") },
        status.planet_world_id.map_or_else(|| "not reported".into(), |id| id.to_string()),
        home,
        api_port,
    ];
    NODE_FACTS.into_iter().zip(values).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::{PeerPath, PeerRole};
    use std::time::Duration;

    fn net(n: u64, status: &str) -> Network {
        Network {
            name: format!("net {n}"),
            status: status.into(),
            ..Network::new(NetworkId::parse(&format!("{n:016x}")).unwrap())
        }
    }

    fn peer(n: u64, latency: Option<u32>, direct: bool) -> Peer {
        Peer {
            address: format!("{n:010x}"),
            role: PeerRole::Leaf,
            version: Some("1.14.2".into()),
            latency_ms: latency,
            paths: vec![PeerPath {
                address: format!("192.0.2.{}/9993", n % 250),
                last_send_ms: Some(1_000),
                last_receive_ms: None,
                active: direct,
                preferred: direct,
                expired: false,
            }],
        }
    }

    /// Applies the changes to `old` as a table would, taking inserted and
    /// changed rows from `new` at the same index.
    fn apply<R: Clone>(old: &[R], changes: &[RowChange], new: &[R]) -> Vec<R> {
        let mut table = old.to_vec();
        for c in changes {
            match *c {
                RowChange::Inserted(i) => table.insert(i, new[i].clone()),
                RowChange::Changed(i) => table[i] = new[i].clone(),
                RowChange::Deleted(i) => {
                    table.remove(i);
                }
            }
        }
        table
    }

    #[test]
    fn network_updates_are_row_notifications_not_a_rebuild() {
        let before = network_rows(&[net(3, "OK"), net(1, "OK"), net(5, "OK")]);
        assert_eq!(before.iter().map(|r| r.cells[0].as_str()).collect::<Vec<_>>(), ["net 1", "net 3", "net 5"]);
        let after = network_rows(&[net(1, "OK"), net(3, "ACCESS_DENIED"), net(4, "OK"), net(6, "OK")]);
        let changes = diff_networks(&before, &after);
        assert_eq!(
            changes,
            [RowChange::Changed(1), RowChange::Inserted(2), RowChange::Deleted(3), RowChange::Inserted(3)]
        );
        assert_eq!(apply(&before, &changes, &after), after);
        assert!(diff_networks(&after, &after.clone()).is_empty(), "an unchanged poll notifies nothing");
        assert_eq!(diff_networks(&[], &after).len(), 4);
        assert_eq!(diff_networks(&after, &[]), vec![RowChange::Deleted(0); 4]);
    }

    #[test]
    fn any_update_applied_in_order_gives_the_new_table() {
        // A small linear congruential generator: the same cases on every run.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            seed >> 33
        };
        for _ in 0..300 {
            let pick = |next: &mut dyn FnMut() -> u64| -> Vec<Network> {
                let mut nets = Vec::new();
                for i in 0..40 {
                    if next() % 3 == 0 {
                        nets.push(net(i, if next() % 4 == 0 { "OK" } else { "X" }));
                    }
                }
                nets
            };
            let (a, b) = (network_rows(&pick(&mut next)), network_rows(&pick(&mut next)));
            assert_eq!(apply(&a, &diff_networks(&a, &b), &b), b);
        }
    }

    #[test]
    fn the_selection_follows_the_network_id() {
        let before = network_rows(&[net(1, "OK"), net(5, "OK")]);
        let id = before[1].id.clone();
        assert_eq!(selected_row(&before, Some(&id)), Some(1));
        let after = network_rows(&[net(0, "OK"), net(1, "OK"), net(2, "OK"), net(5, "REQUESTING_CONFIGURATION")]);
        assert_eq!(selected_row(&after, Some(&id)), Some(3), "rows inserted above move it, it stays on net 5");
        assert_eq!(selected_row(&network_rows(&[net(1, "OK")]), Some(&id)), None, "gone: nothing selected");
        assert_eq!(selected_row(&after, None), None);
    }

    #[test]
    fn peers_rows_filter_by_address_and_say_direct_or_relayed() {
        let peers = vec![peer(0xabc, Some(12), true), peer(0x89e92ceee5, None, false), peer(0x1, Some(3), true)];
        let rows = peer_rows(&peers, "");
        assert_eq!(
            rows.iter().map(|r| r.address.as_str()).collect::<Vec<_>>(),
            ["0000000001", "0000000abc", "89e92ceee5"]
        );
        assert_eq!(rows[1].cells[3], "12 ms");
        assert_eq!(rows[1].cells[4], "direct (192.0.2.248/9993)");
        assert_eq!((rows[2].cells[3].as_str(), rows[2].cells[4].as_str()), ("–", "relayed"));
        assert_eq!(peer_rows(&peers, " 89E9 ").len(), 1, "case and surrounding spaces ignored");
        assert_eq!(peer_rows(&peers, "192.0.2.1/").len(), 1, "a path address matches too");
        assert!(peer_rows(&peers, "ffff").is_empty());
        let later = vec![peer(0xabc, Some(15), true), peer(0x1, Some(3), true)];
        let changes = diff_peers(&rows, &peer_rows(&later, ""));
        assert_eq!(changes, [RowChange::Changed(1), RowChange::Deleted(2)]);
    }

    #[test]
    fn path_times_are_shown_as_ages() {
        let lines = path_lines(&peer(7, None, true), 61_000);
        assert_eq!(lines, ["192.0.2.7/9993 [active, preferred]: sent 60 s ago, received never"]);
        assert!(path_lines(&peer(7, None, false), 0)[0].contains("sent just now"), "a clock skew is not negative");
        let long_ago = |ms: i64| path_lines(&peer(7, None, true), 1_000 + ms)[0].clone();
        assert!(long_ago(600_000).contains("sent 10 min ago"));
        assert!(long_ago(5 * 3_600_000).contains("sent 5 h ago"));
        assert!(long_ago(366 * 86_400_000).contains("sent 366 days ago"));
    }

    #[test]
    fn latency_history_keeps_the_last_minutes_and_forgets_gone_peers() {
        let minute = Duration::from_secs(60).as_millis() as u64;
        let mut h = LatencyHistory::new(minute);
        let (a, b) = (peer(1, Some(10), true), peer(2, Some(20), true));
        for s in 0..=120u64 {
            h.record(s * 1000, &[a.clone(), b.clone()]);
        }
        let series = h.series(&a.address);
        assert_eq!(series.len(), 61, "samples older than the window are dropped");
        assert_eq!(series.first().unwrap().at_ms, 60_000);
        assert!(series.iter().all(|s| s.latency_ms == Some(10)));
        // b leaves: gaps are recorded, then it is forgotten.
        h.record(121_000, std::slice::from_ref(&a));
        assert_eq!(h.series(&b.address).last().unwrap().latency_ms, None);
        h.record(200_000, std::slice::from_ref(&a));
        assert_eq!(h.len(), 1, "a peer gone for longer than the window is forgotten");
        assert!(h.series("0000000002").is_empty());
        let mut long = LatencyHistory::new(u64::MAX);
        for s in 0..1000 {
            long.record(s, std::slice::from_ref(&a));
        }
        assert_eq!(long.series(&a.address).len(), LatencyHistory::MAX_SAMPLES, "bounded whatever the window");
    }

    #[test]
    fn details_show_switches_routes_dns_and_the_login_page_host() {
        let mut n = net(7, "AUTHENTICATION_REQUIRED");
        n.allow_global = true;
        n.assigned_addresses = vec!["10.0.0.5/24".into(), "fd00::5/88".into()];
        n.routes = (0..10).map(|i| crate::service::Route { target: format!("10.{i}.0.0/16"), via: None }).collect();
        n.routes[0].via = Some("10.0.0.1".into());
        n.dns = Some(crate::service::Dns { domain: "corp.example".into(), servers: vec!["10.0.0.53".into()] });
        n.sso = Some(crate::service::Sso {
            url: crate::service::LoginUrl::parse("https://login.example/sso?n=1"),
            expires_ms: None,
        });
        let d = network_details(&n);
        assert_eq!(d.title, "0000000000000007 net 7 (AUTHENTICATION_REQUIRED)");
        assert_eq!(d.allow.iter().filter(|(_, on)| *on).map(|(s, _)| *s).collect::<Vec<_>>(), [Setting::Global]);
        assert!(d.routes.starts_with("10.0.0.0/16 via 10.0.0.1, 10.1.0.0/16") && d.routes.ends_with("and 2 more"));
        assert_eq!(d.dns, "corp.example (10.0.0.53)");
        assert_eq!(d.login, "login needed on login.example");
        assert_eq!(
            d.login_page,
            Some(("Open login page on login.example".into(), "https://login.example/sso?n=1".into()))
        );
        assert_eq!(d.addresses, "10.0.0.5\nfd00::5", "copied without the prefix length");
        n.status = "OK".into();
        n.sso.as_mut().unwrap().expires_ms = Some(1_700_000_000_000);
        let d = network_details(&n);
        assert_eq!((d.login.as_str(), d.login_page), ("logged in until 2023-11-14 22:13 UTC", None));
        n.sso.as_mut().unwrap().url = Err("it is not an http or https address".into());
        n.status = "AUTHENTICATION_REQUIRED".into();
        assert!(network_details(&n).login.contains("not offered: it is not an http"));
        let plain = network_details(&net(1, "OK"));
        assert_eq!(
            (plain.routes.as_str(), plain.dns.as_str(), plain.login.as_str()),
            ("none", "none pushed", "not used")
        );
    }

    #[test]
    fn the_latency_graph_scales_to_round_numbers_and_breaks_at_gaps() {
        let at = |s: u64, ms: Option<u32>| Sample { at_ms: s * 1000, latency_ms: ms };
        let samples = [at(0, Some(10)), at(50, Some(40)), at(60, None), at(80, Some(20)), at(100, Some(0))];
        let g = latency_graph(&samples, 100_000, 100_000, 200.0, 50.0);
        assert_eq!(g.scale_ms, 50);
        assert_eq!(g.pieces, vec![vec![(0.0, 40.0), (100.0, 10.0)], vec![(160.0, 30.0), (200.0, 50.0)]]);
        let old = latency_graph(&samples, 200_000, 100_000, 200.0, 50.0);
        assert_eq!(old.pieces, vec![vec![(0.0, 50.0)]], "samples before the window are left out");
        assert_eq!(old.scale_ms, 10, "and do not set the scale");
        let huge = latency_graph(&[at(0, Some(7_300))], 0, 1000, 10.0, 10.0);
        assert_eq!((huge.scale_ms, huge.pieces[0][0]), (8000, (10.0, 10.0 - 7300.0 / 8000.0 * 10.0)));
        assert!(latency_graph(&[], 0, 0, 10.0, 10.0).pieces.is_empty(), "no samples, no line, no division by zero");
        let young = latency_graph(&[at(9, Some(10)), at(10, Some(10))], 10_000, 100_000, 200.0, 50.0);
        assert_eq!(young.pieces, vec![vec![(198.0, 0.0), (200.0, 0.0)]], "a short history sits at the right edge");
    }

    #[test]
    fn the_window_polls_faster_while_open_and_asks_for_peers() {
        let closed = PollPlan { tray_ms: 5000, window_open: false };
        assert_eq!((closed.interval_ms(), closed.wants_peers()), (5000, false));
        let open = PollPlan { window_open: true, ..closed };
        assert_eq!((open.interval_ms(), open.wants_peers()), (WINDOW_POLL_MS, true));
        let fast_tray = PollPlan { tray_ms: 300, window_open: true };
        assert_eq!(fast_tray.interval_ms(), 300, "never slower than the tray asked for");
    }

    #[test]
    fn this_node_names_where_home_and_port_came_from() {
        let status = NodeStatus {
            address: "89e92ceee5".into(),
            online: true,
            version: "1.14.2".into(),
            tcp_fallback: Some(false),
            ports: vec![9993, 21000],
            planet_world_id: Some(149_604_618),
        };
        let found = Findings {
            homes: vec!["/var/lib/zerotier-one".into()],
            home_overridden: false,
            port: Ok((9993, PortSource::PortFile("/var/lib/zerotier-one/zerotier-one.port".into()))),
            token: Err(crate::service::CallError::NoToken("none".into())),
            timeout: Duration::from_secs(5),
        };
        let facts: HashMap<&str, String> = node_facts(&status, &found).into_iter().collect();
        assert_eq!(facts["TCP fallback in use"], "no");
        assert_eq!(facts["Ports"], "9993, 21000");
        assert_eq!(facts["Planet world ID"], "149604618");
        assert_eq!(facts["Service home"], "/var/lib/zerotier-one (the platform's)");
        assert!(facts["API port"].contains("port file /var/lib/zerotier-one/zerotier-one.port"));
        let unsaid = NodeStatus { tcp_fallback: None, ports: vec![], ..status };
        let over = Findings { home_overridden: true, port: Ok((4000, PortSource::Override)), ..found };
        let facts: HashMap<&str, String> = node_facts(&unsaid, &over).into_iter().collect();
        assert_eq!(facts["TCP fallback in use"], "not reported");
        assert!(facts["Service home"].contains("named by --service-home"));
        assert!(facts["API port"].starts_with("4000 (override"));
    }
}
