//! Which changes of the service's state deserve a desktop notification: a
//! network becomes OK, is denied, is not found, needs its browser login; the
//! service stops or comes back.  A state machine over successive states, pure
//! (no FFI), so every rule is unit-tested: nothing for the first answer,
//! never twice for one change, nothing at all while switched off (the state
//! is still followed, so switching on again replays nothing).

use std::collections::HashMap;

use crate::model::{self, ServiceState};
use crate::service::{Network, NetworkId};
use crate::text::clean;

/// One notification: title and body (already cleaned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// More network notices than this from one poll become one summary.
const MAX_PER_UPDATE: usize = 3;

/// What a network's status means to its user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NetState {
    Ok,
    Denied,
    NotFound,
    NeedsLogin,
    /// Anything else (requesting its configuration, a port error, ...): no notice of its own.
    Other,
}

fn classify(net: &Network) -> NetState {
    match net.status.as_str() {
        "OK" => NetState::Ok,
        "ACCESS_DENIED" => NetState::Denied,
        "NOT_FOUND" => NetState::NotFound,
        "AUTHENTICATION_REQUIRED" => NetState::NeedsLogin,
        _ => NetState::Other,
    }
}

/// Whether the service answered at the last state seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Service {
    Running,
    Down,
}

/// Follows the service's state from one poll to the next.
#[derive(Debug, Default)]
pub struct Notifier {
    /// `None` until the first answer (running or not).
    service: Option<Service>,
    /// Whether the service was ever seen running: only then are its networks
    /// known, and its return after a stop news.  A service that starts after
    /// the app (at login) brings its whole state at once: no burst for that.
    seen_running: bool,
    /// The last status seen per network; kept while the service is down, so
    /// its return does not announce every network again.
    networks: HashMap<NetworkId, NetState>,
}

impl Notifier {
    /// Takes the next state; returns what to show (nothing when `enabled` is false).
    pub fn update(&mut self, state: &ServiceState, enabled: bool) -> Vec<Notice> {
        let mut notices = Vec::new();
        let now = match state {
            // Not asked yet: nothing is known, nothing changed.
            ServiceState::Starting => return notices,
            ServiceState::Down { .. } => Service::Down,
            ServiceState::Running { .. } => Service::Running,
        };
        let known = self.seen_running;
        match (self.service, state) {
            (Some(Service::Running), ServiceState::Down { problem, .. }) => {
                notices.push(Notice { title: model::headline(problem).to_string(), body: clean(problem.detail(), 120) })
            }
            (Some(Service::Down), ServiceState::Running { status, .. }) if known => notices.push(Notice {
                title: "ZeroTier One is running again".into(),
                body: format!("Node {}", status.address),
            }),
            _ => {}
        }
        self.service = Some(now);
        if let ServiceState::Running { networks, .. } = state {
            let mut changed = Vec::new();
            let mut next = HashMap::with_capacity(networks.len());
            for net in networks {
                let class = classify(net);
                // A network seen for the first time at start is the state, not news.
                let before = self.networks.get(&net.id).copied();
                if known && before != Some(class) {
                    changed.extend(network_notice(net, class));
                }
                next.insert(net.id.clone(), class);
            }
            // Networks no longer listed were left (by the user, most likely): forgotten quietly.
            self.networks = next;
            self.seen_running = true;
            if changed.len() > MAX_PER_UPDATE {
                let titles: Vec<String> = changed.iter().map(|n| n.title.clone()).collect();
                changed = vec![Notice {
                    title: format!("{} ZeroTier networks changed", titles.len()),
                    body: clean(&titles.join("; "), 200),
                }];
            }
            notices.extend(changed);
        }
        if enabled {
            notices
        } else {
            Vec::new()
        }
    }
}

fn name(net: &Network) -> String {
    if net.name.is_empty() {
        net.id.to_string()
    } else {
        format!("{} ({})", net.name, net.id)
    }
}

fn network_notice(net: &Network, class: NetState) -> Option<Notice> {
    let (title, body) = match class {
        NetState::Ok => (format!("Connected to {}", name(net)), "The network is ready.".to_string()),
        NetState::Denied => (
            format!("Access denied to {}", name(net)),
            "The network's administrator has not authorized this device (ACCESS_DENIED).".to_string(),
        ),
        NetState::NotFound => (
            format!("Network {} not found", net.id),
            "No controller answers for this network ID (NOT_FOUND).".to_string(),
        ),
        NetState::NeedsLogin => {
            let host = net.sso.as_ref().and_then(|s| s.url.as_ref().ok()).map(|u| u.host().to_string());
            let body = match host {
                Some(host) => format!("Choose \"Open login page on {host}…\" in the tray menu."),
                None => "The network needs a browser login.".to_string(),
            };
            (format!("Log in to {}", name(net)), body)
        }
        NetState::Other => return None,
    };
    Some(Notice { title: clean(&title, 120), body })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::{CallError, LoginUrl, NodeStatus, Sso};

    fn net(id: &str, status: &str) -> Network {
        Network { name: "corp".into(), status: status.into(), ..Network::new(NetworkId::parse(id).unwrap()) }
    }

    fn running(networks: Vec<Network>) -> ServiceState {
        ServiceState::Running {
            status: NodeStatus { address: "89e92ceee5".into(), online: true, ..NodeStatus::default() },
            networks,
            notes: vec![],
        }
    }

    fn down() -> ServiceState {
        ServiceState::Down { problem: CallError::NotRunning("refused".into()), notes: vec![] }
    }

    const A: &str = "a000000000000001";
    const B: &str = "b000000000000002";

    fn titles(n: Vec<Notice>) -> Vec<String> {
        n.into_iter().map(|n| n.title).collect()
    }

    #[test]
    fn nothing_at_start_whatever_the_first_state() {
        for first in [running(vec![net(A, "ACCESS_DENIED"), net(B, "AUTHENTICATION_REQUIRED")]), down()] {
            let mut n = Notifier::default();
            assert!(n.update(&ServiceState::Starting, true).is_empty());
            assert!(n.update(&first, true).is_empty(), "{first:?}");
            assert!(n.update(&first, true).is_empty());
        }
    }

    #[test]
    fn a_service_that_starts_after_the_app_is_no_burst() {
        let mut n = Notifier::default();
        assert!(n.update(&down(), true).is_empty());
        let first = running(vec![net(A, "OK"), net(B, "ACCESS_DENIED")]);
        assert!(n.update(&first, true).is_empty(), "its first answer is the state, not a return");
        assert_eq!(titles(n.update(&down(), true)), ["ZeroTier One is not running"]);
        assert_eq!(titles(n.update(&first, true)), ["ZeroTier One is running again"]);
    }

    #[test]
    fn a_network_becoming_ok_is_announced_once() {
        let mut n = Notifier::default();
        n.update(&running(vec![net(A, "REQUESTING_CONFIGURATION")]), true);
        assert_eq!(titles(n.update(&running(vec![net(A, "OK")]), true)), ["Connected to corp (a000000000000001)"]);
        assert!(n.update(&running(vec![net(A, "OK")]), true).is_empty(), "not twice for one change");
        // A network joined later that arrives ready is news too.
        let both = running(vec![net(A, "OK"), net(B, "OK")]);
        assert_eq!(titles(n.update(&both, true)), ["Connected to corp (b000000000000002)"]);
    }

    #[test]
    fn denied_not_found_and_login_each_say_so() {
        let mut n = Notifier::default();
        n.update(&running(vec![net(A, "OK")]), true);
        let denied = n.update(&running(vec![net(A, "ACCESS_DENIED")]), true);
        assert_eq!(denied[0].title, "Access denied to corp (a000000000000001)");
        assert!(denied[0].body.contains("ACCESS_DENIED"));
        assert_eq!(titles(n.update(&running(vec![net(A, "NOT_FOUND")]), true)), ["Network a000000000000001 not found"]);
        let mut login = net(A, "AUTHENTICATION_REQUIRED");
        login.sso = Some(Sso { url: LoginUrl::parse("https://sso.example/x"), expires_ms: None });
        let notice = n.update(&running(vec![login.clone()]), true);
        assert_eq!(notice[0].title, "Log in to corp (a000000000000001)");
        assert!(notice[0].body.contains("sso.example"), "{:?}", notice[0]);
        assert!(n.update(&running(vec![login]), true).is_empty(), "not again while still waiting");
        // Other states are not news, and a network left is forgotten quietly.
        assert!(n.update(&running(vec![net(A, "PORT_ERROR")]), true).is_empty());
        assert!(n.update(&running(vec![]), true).is_empty());
    }

    #[test]
    fn the_service_stopping_and_returning_without_a_burst_of_networks() {
        let mut n = Notifier::default();
        let nets = running(vec![net(A, "OK"), net(B, "ACCESS_DENIED")]);
        n.update(&nets, true);
        assert_eq!(titles(n.update(&down(), true)), ["ZeroTier One is not running"]);
        assert!(n.update(&down(), true).is_empty(), "still down is no news");
        let not_answering = ServiceState::Down { problem: CallError::NotAnswering("x".into()), notes: vec![] };
        assert!(n.update(&not_answering, true).is_empty(), "another way of being down is no news");
        assert_eq!(titles(n.update(&nets, true)), ["ZeroTier One is running again"], "networks as before: no news");
    }

    #[test]
    fn the_off_switch_silences_without_replaying_later() {
        let mut n = Notifier::default();
        n.update(&running(vec![net(A, "REQUESTING_CONFIGURATION")]), false);
        assert!(n.update(&running(vec![net(A, "OK")]), false).is_empty());
        assert!(n.update(&down(), false).is_empty());
        assert!(!n.update(&running(vec![net(A, "OK")]), true).is_empty(), "coming back is news when on");
        assert!(n.update(&running(vec![net(A, "OK")]), true).is_empty(), "the change seen while off is not replayed");
    }

    #[test]
    fn many_changes_at_once_are_one_summary() {
        let ids: Vec<String> = (1..=6).map(|i| format!("c{i:015x}")).collect();
        let mut n = Notifier::default();
        n.update(&running(ids.iter().map(|id| net(id, "REQUESTING_CONFIGURATION")).collect()), true);
        let all = n.update(&running(ids.iter().map(|id| net(id, "OK")).collect()), true);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].title, "6 ZeroTier networks changed");
        let three: Vec<Network> =
            ids.iter().enumerate().map(|(i, id)| net(id, if i < 3 { "ACCESS_DENIED" } else { "OK" })).collect();
        assert_eq!(n.update(&running(three), true).len(), 3, "up to three are shown one by one");
    }

    #[test]
    fn hostile_names_are_cleaned_in_notices() {
        let mut n = Notifier::default();
        n.update(&running(vec![]), true);
        let mut evil = net(A, "OK");
        evil.name = "x".repeat(500);
        let notice = n.update(&running(vec![evil]), true);
        assert!(notice[0].title.chars().count() <= 120);
    }
}
