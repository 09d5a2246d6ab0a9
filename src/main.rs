//! ZeroTier Desktop UI: a system-tray front end for the local ZeroTier One service.
//!
//! Threads: the UI thread runs libui's main loop, which also serves the tray
//! (tray_loop is not used); one worker thread talks to the service over
//! HTTP and hands each new state back with `ui::queue_main`.

#![cfg_attr(windows, windows_subsystem = "windows")]

mod icon;
mod model;
mod service;
// The wrapper's whole API (file icons, its own loop) is kept for other users.
#[allow(dead_code)]
mod tray;
mod ui;

use model::{Action, ServiceState};
use serde_json::json;
use std::cell::RefCell;
use std::process::ExitCode;
use std::sync::mpsc::{self, Sender};

/// How often the service is asked for its state.
const POLL_MS: i32 = 5000;
/// Pixel size the tray icon is rendered at; the tray library scales it.
const TRAY_ICON_SIZE: u32 = 64;

/// Work for the service thread.
enum Command {
    Refresh,
    Post(String, serde_json::Value),
    Leave(String),
}

/// What the UI thread keeps between callbacks.
struct App {
    tray: tray::Handle,
    commands: Sender<Command>,
    state: ServiceState,
    ui: ui::UiThread,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

fn main() -> ExitCode {
    let ui = match ui::Ui::init() {
        Ok(ui) => ui,
        Err(e) => {
            eprintln!("zerotier_desktop_ui: cannot start the UI toolkit: {e}");
            return ExitCode::FAILURE;
        }
    };
    let commands = spawn_service_thread();
    let tray = match tray::Tray::new(tray_config(&ServiceState::Starting)) {
        Ok(tray) => tray,
        Err(e) => {
            eprintln!("zerotier_desktop_ui: cannot show the tray icon: {e}");
            return ExitCode::FAILURE;
        }
    };
    APP.with(|app| {
        *app.borrow_mut() = Some(App {
            tray: tray.handle(),
            commands: commands.clone(),
            state: ServiceState::Starting,
            ui: ui.thread(),
        })
    });
    let _ = commands.send(Command::Refresh);
    ui.timer(POLL_MS, move || commands.send(Command::Refresh).is_ok());
    if std::env::args().any(|a| a == "--exit-after-init") {
        // Used by tests and the ARM64 check: start everything, then leave.
        ui::quit();
    }
    ui.main();
    APP.with(|app| app.borrow_mut().take());
    drop(tray);
    ExitCode::SUCCESS
}

/// The thread that owns all service I/O, so a slow service never blocks the UI.
fn spawn_service_thread() -> Sender<Command> {
    let (tx, rx) = mpsc::channel::<Command>();
    std::thread::spawn(move || {
        let home = service::service_home();
        for command in rx {
            let state = run_command(&home, command);
            ui::queue_main(move || apply_state(state));
        }
    });
    tx
}

fn run_command(home: &std::path::Path, command: Command) -> ServiceState {
    let endpoint = match service::discover(home) {
        Ok(endpoint) => endpoint,
        Err(e) => return failed_state(e),
    };
    let changed = match command {
        Command::Refresh => Ok(()),
        Command::Post(id, body) => endpoint.post_network(&id, &body),
        Command::Leave(id) => endpoint.leave(&id),
    };
    if let Err(e) = changed {
        return failed_state(e);
    }
    match (endpoint.status(), endpoint.networks()) {
        (Ok(status), Ok(networks)) => ServiceState::Running { status, networks },
        (Err(e), _) | (_, Err(e)) => failed_state(e),
    }
}

fn failed_state(e: service::CallError) -> ServiceState {
    match e {
        service::CallError::Unreachable(why) => ServiceState::Unreachable(why),
        service::CallError::Unauthorized(why) => ServiceState::Unauthorized(why),
        service::CallError::Failed(why) => ServiceState::Unreachable(why),
    }
}

/// On the UI thread: show a new state (the tray is rebuilt only on change).
fn apply_state(state: ServiceState) {
    APP.with(|app| {
        let mut app = app.borrow_mut();
        let Some(app) = app.as_mut() else { return };
        if app.state == state {
            return;
        }
        if let Err(e) = app.tray.update(tray_config(&state)) {
            eprintln!("zerotier_desktop_ui: cannot update the tray: {e}");
        }
        if let Some((title, text)) = model::transition_notice(&app.state, &state) {
            // A desktop without a notification service is no reason to stop.
            let _ = app.tray.notify(&title, &text);
        }
        app.state = state;
    });
}

fn tray_config(state: &ServiceState) -> tray::TrayConfig {
    let look = if model::is_online(state) { icon::Look::Online } else { icon::Look::Offline };
    tray::TrayConfig {
        icon: tray::Icon::Rgba {
            width: TRAY_ICON_SIZE,
            height: TRAY_ICON_SIZE,
            pixels: icon::render(TRAY_ICON_SIZE, look),
        },
        tooltip: model::tooltip(state),
        menu: model::menu(state).into_iter().map(menu_item).collect(),
        on_click: Some(Box::new(|| on_action(Action::Refresh))),
    }
}

fn menu_item(entry: model::Entry) -> tray::MenuItem {
    if entry.is_separator() {
        return tray::MenuItem::separator();
    }
    let mut item = if !entry.children.is_empty() {
        tray::MenuItem::submenu(entry.label, entry.children.into_iter().map(menu_item).collect())
    } else if entry.action == Action::None {
        tray::MenuItem::label(entry.label)
    } else {
        let action = entry.action;
        tray::MenuItem::action(entry.label, move || on_action(action.clone()))
    };
    if let Some(checked) = entry.checked {
        item = item.checkbox(checked);
    }
    if !entry.enabled {
        item = item.disabled();
    }
    item
}

/// Runs a menu choice (on the UI thread, called from the tray).
fn on_action(action: Action) {
    let Some((commands, ui)) = APP.with(|app| app.borrow().as_ref().map(|a| (a.commands.clone(), a.ui))) else {
        return;
    };
    let send = |c: Command| {
        let _ = commands.send(c);
    };
    match action {
        Action::None => {}
        Action::Refresh => send(Command::Refresh),
        Action::Quit => ui::quit(),
        Action::About => ui.message(
            "About ZeroTier Desktop UI",
            &format!(
                "ZeroTier Desktop UI {}\nA tray front end for the local ZeroTier One service.",
                env!("CARGO_PKG_VERSION")
            ),
        ),
        // libui has no clipboard API yet: show the value so it can be read off.
        Action::CopyNodeId(id) => ui.message("ZeroTier node ID", &id),
        Action::CopyAddress(addr) => ui.message("Managed address", &addr),
        Action::JoinNetwork => ui::show_join_window(ui, move |text| {
            let id = model::parse_network_id(text)?;
            commands.send(Command::Post(id, json!({}))).map_err(|_| "The service thread has stopped.".to_string())
        }),
        Action::LeaveNetwork(id) => send(Command::Leave(id)),
        Action::SetAllow(id, setting, on) => {
            let mut body = serde_json::Map::new();
            body.insert(setting.api_key().to_string(), on.into());
            send(Command::Post(id, body.into()))
        }
    }
}
