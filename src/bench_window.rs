//! `--bench-window N` (hidden; run by `cargo xtask bench-app`): the window
//! itself, through the toolkit: how long it takes to open and show its
//! first state, how long a poll's update of the peers table takes for N
//! peers (a tenth of the latencies changed, a peer selected), and the
//! process's resident memory before opening, while open and after closing.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use zt_libui::Ui;

use crate::discovery::{self, Overrides, Places};
use crate::model::ServiceState;
use crate::service::{Network, NetworkId, NodeStatus, Peer, PeerPath, PeerRole};
use crate::window;

/// What a 1 s poll may take at most for the window to feel live.
const UPDATE_LIMIT_MS: f64 = 50.0;

fn peers(n: usize, round: u32) -> Vec<Peer> {
    (0..n)
        .map(|i| Peer {
            address: format!("{:010x}", 0x1a_0000_0000u64 + i as u64),
            role: if i < 4 { PeerRole::Planet } else { PeerRole::Leaf },
            version: Some("1.14.2".into()),
            latency_ms: Some(if i % 10 == round as usize % 10 { 20 + round } else { 20 }),
            paths: vec![PeerPath {
                address: format!("192.0.2.{}/9993", i % 250),
                last_send_ms: Some(1_765_000_000_000),
                last_receive_ms: Some(1_765_000_000_000),
                active: true,
                preferred: true,
                expired: false,
            }],
        })
        .collect()
}

fn state() -> ServiceState {
    let networks = (0..20u64)
        .map(|i| Network {
            name: format!("network {i}"),
            status: "OK".into(),
            kind: "PRIVATE".into(),
            assigned_addresses: vec![format!("10.0.{i}.5/24")],
            ..Network::new(NetworkId::parse(&format!("{:016x}", 0x8056_c2e2_1c00_0000u64 + i)).expect("16 digits"))
        })
        .collect();
    let status =
        NodeStatus { address: "89e92ceee5".into(), online: true, version: "1.14.2".into(), ..Default::default() };
    ServiceState::Running { status, networks, notes: Vec::new() }
}

/// Resident memory of this process in KiB (Linux; 0 where /proc is not there).
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

/// Lets the toolkit draw and handle what is queued.
fn settle(ui: &Ui, time: Duration) {
    let end = Instant::now() + time;
    while Instant::now() < end {
        ui.step(false);
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

pub fn run(n: usize) -> ExitCode {
    let ui = match Ui::init() {
        Ok(ui) => ui,
        Err(e) => {
            log::error!("bench-window needs a display: {e}");
            return ExitCode::FAILURE;
        }
    };
    ui.start_steps();
    let found = discovery::findings(&Places::new(&Overrides::default()));
    let state = state();
    settle(&ui, Duration::from_millis(500));
    let before = resident_kib();
    let hooks = || window::Hooks { act: Box::new(|_| {}), join: Box::new(|_| Ok(())), closed: Box::new(|_| {}) };
    let started = Instant::now();
    if let Err(e) = window::show(&ui, crate::saved::Settings::default().with_window_tab(1), hooks()) {
        log::error!("bench-window: cannot open the window: {e}");
        return ExitCode::FAILURE;
    }
    window::update(&state, &found, Some(&peers(n, 0)));
    // Until the first frame is drawn: pending events handled.
    for _ in 0..50 {
        ui.step(false);
    }
    let open_ms = started.elapsed().as_secs_f64() * 1000.0;
    window::probe::select_peer(Some(n / 2));
    settle(&ui, Duration::from_millis(500));
    let open = resident_kib();
    let rounds = 20u32;
    let (mut updates, mut drawn) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        let list = peers(n, round);
        let started = Instant::now();
        window::update(&state, &found, Some(&list));
        updates.push(started.elapsed());
        for _ in 0..20 {
            ui.step(false);
        }
        drawn.push(started.elapsed());
        settle(&ui, Duration::from_millis(20));
    }
    let kept = window::probe::snapshot().and_then(|s| s.peer_selected) == Some(n / 2);
    window::close();
    settle(&ui, Duration::from_millis(1000));
    let after = resident_kib();
    // Opened and closed again: what stays after the first time is the toolkit's
    // one-time caches if this adds nothing, a leak if it grows again.
    let mut again = Vec::new();
    for _ in 0..3 {
        if window::show(&ui, crate::saved::Settings::default().with_window_tab(1), hooks()).is_ok() {
            window::update(&state, &found, Some(&peers(n, 0)));
            settle(&ui, Duration::from_millis(300));
            window::close();
        }
        settle(&ui, Duration::from_millis(500));
        again.push(resident_kib());
    }
    let (update, with_draw) = (median(updates), median(drawn));
    let change = if before > 0 { (after as f64 - before as f64) / before as f64 * 100.0 } else { 0.0 };
    println!(
        "bench-window peers={n} open {open_ms:.1} ms; update {update:.2} ms, with the redraw {with_draw:.2} ms \
         (median of {rounds}; {} the {UPDATE_LIMIT_MS} ms budget; selection {}); resident before opening {before} KiB, \
         open {open} KiB, after closing {after} KiB ({change:+.1} % of before: {}); after each of 3 more \
         opens and closes {again:?} KiB",
        if with_draw <= UPDATE_LIMIT_MS { "within" } else { "OVER" },
        if kept { "kept" } else { "LOST" },
        if change.abs() <= 10.0 { "within 10 %" } else { "NOT within 10 %" },
    );
    ExitCode::SUCCESS
}
