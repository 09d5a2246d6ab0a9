//! ZeroTier Desktop UI: a system-tray front end for the local ZeroTier One service.
//!
//! Threads: the UI thread runs libui's main loop, which also serves the tray;
//! the worker thread (`worker`) talks to the service and hands each new state
//! back through the toolkit's queue to the controller (`controller`), which
//! shows what the pure model (`model`) derives from it.

#![cfg_attr(windows, windows_subsystem = "windows")]

mod about;
mod controller;
mod icon;
mod join;
mod model;
mod platform;
mod service;
mod worker;

use std::process::ExitCode;
use std::rc::Rc;

use worker::Command;
use zt_libui::Ui;

/// How often the service is asked for its state.
const POLL_MS: u32 = 5000;

/// The name the single-instance lock is claimed under.
const INSTANCE_NAME: &str = "zerotier_desktop_ui";

fn main() -> ExitCode {
    // One tray per session: a second start leaves quietly.
    let _instance = match platform::claim_instance(INSTANCE_NAME) {
        Ok(Some(instance)) => Some(instance),
        Ok(None) => {
            eprintln!("zerotier_desktop_ui: already running in this session");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("zerotier_desktop_ui: cannot check for another instance ({e}); starting anyway");
            None
        }
    };
    let ui = match Ui::init() {
        Ok(ui) => Rc::new(ui),
        Err(e) => {
            eprintln!("zerotier_desktop_ui: {e}");
            return ExitCode::FAILURE;
        }
    };
    let to_ui = ui.handle();
    let commands = worker::spawn(move |report| {
        // Only fails once the UI has shut down, when nobody needs the report.
        let _ = to_ui.queue(move || controller::apply(report));
    });
    if let Err(e) = controller::start(&ui, commands.clone()) {
        eprintln!("zerotier_desktop_ui: cannot show the tray icon: {e}");
        return ExitCode::FAILURE;
    }
    quit_on_signals();
    let _ = commands.send(Command::Refresh);
    ui.timer(POLL_MS, move || commands.send(Command::Refresh).is_ok());
    if std::env::args().any(|a| a == "--exit-after-init") {
        // Used by tests and the ARM64 checks: start everything, then leave.
        zt_libui::quit();
    }
    ui.main();
    controller::stop();
    ExitCode::SUCCESS
}

/// SIGTERM, SIGINT and SIGHUP end the main loop like "Quit" does, so the
/// tray icon and its files are removed on the way out.
#[cfg(unix)]
fn quit_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    match signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(mut signals) => {
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    zt_libui::quit();
                }
            });
        }
        Err(e) => eprintln!("zerotier_desktop_ui: cannot watch for SIGTERM ({e}); it will end the app abruptly"),
    }
}

/// Windows ends the session through the tray's window, which removes the icon.
#[cfg(not(unix))]
fn quit_on_signals() {}
