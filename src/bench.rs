//! `--bench-menu N` (hidden; run by `cargo xtask bench-app`): how long the
//! app takes to turn a service state with N networks into the shown tray
//! menu, for an update that keeps the menu's shape (a setting toggled: the
//! tray changes items in place) and one that changes it (a pending join
//! line appears; a network more would not do, the menu shows at most 40).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use zt_tray::{Icon, Tray};

use crate::model::{self, Action, Local, ServiceState};
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
    let tray = match Tray::<Action>::builder(icon).menu(model::menu(&state(n, true), &local)).build() {
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
