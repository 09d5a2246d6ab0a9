//! `--bench-menu N` (hidden; run by `cargo xtask bench-app`): how long the
//! app takes to turn a service state with N networks into the shown tray
//! menu, for an update that keeps the menu's shape (a setting toggled: the
//! tray changes items in place) and one that changes it (a pending join
//! line appears; a network more would not do, the menu shows at most 40).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use zt_tray::{Icon, Tray};

use crate::model::{self, Local, ServiceState};
use crate::service::{Network, NetworkId, NodeStatus};

fn id(n: u64) -> NetworkId {
    NetworkId::parse(&format!("{n:016x}")).expect("16 hex digits")
}

fn network(i: usize, managed: bool) -> Network {
    Network {
        name: format!("network {i}"),
        status: "OK".into(),
        kind: "PRIVATE".into(),
        device: format!("zt{i:08x}"),
        mac: "32:a1:b2:c3:d4:e5".into(),
        assigned_addresses: vec![format!("10.{}.{}.5/16", i / 256 % 256, i % 256)],
        allow_managed: managed,
        ..Network::new(id(0x8056_c2e2_1c00_0000u64 + i as u64))
    }
}

fn state(n: usize, managed: bool) -> ServiceState {
    ServiceState::Running {
        status: NodeStatus {
            address: "89e92ceee5".into(),
            online: true,
            version: "1.14.2".into(),
            ..NodeStatus::default()
        },
        networks: (0..n).map(|i| network(i, managed)).collect(),
        notes: Vec::new(),
    }
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

pub fn menu(n: usize) -> ExitCode {
    let local = Local::default();
    let icon = Icon::from_rgba(vec![0; 16 * 16 * 4], 16, 16).expect("16×16 pixels");
    let tray = match Tray::builder(icon).menu(model::menu(&state(n, true), &local)).build() {
        Ok(tray) => tray,
        Err(e) => {
            log::error!("bench-menu needs a desktop session: {e}");
            return ExitCode::FAILURE;
        }
    };
    let rounds = if n > 100 { 20 } else { 200 };
    let pending = Local { pending_joins: vec![id(u64::MAX)], ..Local::default() };
    let timed = |states: [(ServiceState, &Local); 2]| -> Result<f64, zt_tray::Error> {
        let mut times = Vec::with_capacity(rounds);
        for round in 0..rounds {
            let (state, local) = &states[round % 2];
            let started = Instant::now();
            tray.set_menu(model::menu(state, local))?;
            times.push(started.elapsed());
            // Let the toolkit send what it queued, outside the measurement.
            for _ in 0..20 {
                tray.pump(false);
            }
        }
        Ok(median(times))
    };
    let same_shape = timed([(state(n, false), &local), (state(n, true), &local)]);
    let new_shape = timed([(state(n, true), &pending), (state(n, true), &local)]);
    match (same_shape, new_shape) {
        (Ok(same), Ok(new)) => {
            println!("bench-menu networks={n} same-shape update {same:.2} ms, new-shape rebuild {new:.2} ms (median of {rounds})");
            ExitCode::SUCCESS
        }
        (Err(e), _) | (_, Err(e)) => {
            log::error!("bench-menu: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Times reading a `GET /network` answer of `n` networks (JSON text to the
/// kept list), the work every poll does.
pub fn parse(n: usize) -> ExitCode {
    let list: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("{:016x}", 0x8056_c2e2_1c00_0000u64 + i as u64),
                "name": format!("network {i}"), "status": "OK", "type": "PRIVATE",
                "assignedAddresses": [format!("10.{}.{}.5/16", i / 256 % 256, i % 256)],
                "routes": [{"target": "10.0.0.0/8", "via": null}],
                "allowManaged": true,
            })
        })
        .collect();
    let body = serde_json::Value::Array(list).to_string();
    let rounds = if n > 10_000 { 5 } else { 20 };
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let started = Instant::now();
        let parsed = serde_json::from_str(&body)
            .map_err(|e| e.to_string())
            .and_then(|v| crate::service::parse_networks(&v).map_err(|e| e.detail().to_string()));
        times.push(started.elapsed());
        if let Err(e) = parsed {
            log::error!("bench-parse: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!("bench-parse networks={n} answer={} KiB {:.1} ms (median of {rounds})", body.len() / 1024, median(times));
    ExitCode::SUCCESS
}

/// `--bench-peers N`: one window update for N peers, the work each 1 s poll
/// does while the window is open: reading the `GET /peer` answer, the peers
/// table's rows and the row notifications against the last poll (a tenth
/// of the latencies changed), and the latency history; and the networks
/// table's rows and notifications for N networks.
pub fn peers(n: usize) -> ExitCode {
    let answer = |poll: usize| -> String {
        let list: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                let latency = if i % 10 == poll % 10 { 20 + poll } else { 20 };
                serde_json::json!({
                    "address": format!("{:010x}", 0x1a_0000_0000u64 + i as u64), "role": "LEAF",
                    "version": "1.14.2", "latency": latency,
                    "paths": [{"address": format!("192.0.2.{}/9993", i % 250), "active": true, "preferred": true,
                               "expired": false, "lastSend": 1_765_000_000_000i64, "lastReceive": 1_765_000_000_000i64}],
                })
            })
            .collect();
        serde_json::Value::Array(list).to_string()
    };
    let rounds = if n > 5000 { 5 } else { 20 };
    let bodies: Vec<String> = (0..rounds + 1).map(answer).collect();
    let read = |body: &str| -> Result<Vec<crate::service::Peer>, String> {
        let value = serde_json::from_str(body).map_err(|e| e.to_string())?;
        crate::service::parse_peers(&value).map(|(peers, _)| peers).map_err(|e| e.detail().to_string())
    };
    let Ok(mut last_rows) = read(&bodies[0]).map(|p| crate::window::model::peer_rows(&p, "")) else {
        log::error!("bench-peers: the synthetic answer does not parse");
        return ExitCode::FAILURE;
    };
    let mut history = crate::window::model::LatencyHistory::new(5 * 60 * 1000);
    let (mut parse_times, mut table_times, mut history_times) = (Vec::new(), Vec::new(), Vec::new());
    for (round, body) in bodies.iter().enumerate().skip(1) {
        let started = Instant::now();
        let peers = match read(body) {
            Ok(peers) => peers,
            Err(e) => {
                log::error!("bench-peers: {e}");
                return ExitCode::FAILURE;
            }
        };
        parse_times.push(started.elapsed());
        let started = Instant::now();
        let rows = crate::window::model::peer_rows(&peers, "");
        let changes = crate::window::model::diff_peers(&last_rows, &rows);
        table_times.push(started.elapsed());
        std::hint::black_box(changes);
        last_rows = rows;
        let started = Instant::now();
        history.record(round as u64 * 1000, &peers);
        history_times.push(started.elapsed());
    }
    let networks_before: Vec<Network> = (0..n).map(|i| network(i, true)).collect();
    let networks_after: Vec<Network> = (0..n)
        .map(|i| Network { status: if i % 10 == 0 { "ACCESS_DENIED".into() } else { "OK".into() }, ..network(i, true) })
        .collect();
    let mut network_times = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let before = crate::window::model::network_rows(&networks_before);
        let after = crate::window::model::network_rows(&networks_after);
        let changes = crate::window::model::diff_networks(&before, &after);
        network_times.push(started.elapsed());
        std::hint::black_box(changes);
    }
    println!(
        "bench-peers peers={n} read answer {:.2} ms, table rows + row notifications {:.2} ms, latency history {:.2} ms; \
         networks table for {n} networks {:.2} ms (median of {rounds})",
        median(parse_times),
        median(table_times),
        median(history_times),
        median(network_times)
    );
    ExitCode::SUCCESS
}
