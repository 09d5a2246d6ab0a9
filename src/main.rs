//! ZeroTier Desktop UI: a system-tray front end for the local ZeroTier One service.
//!
//! Threads: the UI thread runs libui's main loop, which also serves the tray;
//! the worker thread (`worker`) talks to the service and hands each new state
//! back through the toolkit's queue to the controller (`controller`), which
//! shows what the pure model (`model`) derives from it.

#![cfg_attr(windows, windows_subsystem = "windows")]

mod controller;
mod icon;
mod join;
mod model;
mod service;
mod worker;

use std::process::ExitCode;
use std::rc::Rc;

use worker::Command;
use zt_libui::Ui;

/// How often the service is asked for its state.
const POLL_MS: u32 = 5000;

fn main() -> ExitCode {
    let ui = match Ui::init() {
        Ok(ui) => Rc::new(ui),
        Err(e) => {
            eprintln!("zerotier_desktop_ui: {e}");
            return ExitCode::FAILURE;
        }
    };
    let to_ui = ui.handle();
    let commands = worker::spawn(move |state| {
        // Only fails once the UI has shut down, when nobody needs the state.
        let _ = to_ui.queue(move || controller::apply_state(state));
    });
    if let Err(e) = controller::start(&ui, commands.clone()) {
        eprintln!("zerotier_desktop_ui: cannot show the tray icon: {e}");
        return ExitCode::FAILURE;
    }
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
