//! ZeroTier Desktop UI: a system-tray front end for the local ZeroTier One service.
//!
//! Threads: the UI thread runs libui's main loop, which also serves the tray
//! (tray_loop is not used); one worker thread talks to the service over
//! HTTP and hands each new state back with `ui::queue_main`.

#![cfg_attr(windows, windows_subsystem = "windows")]

mod cli;
mod discovery;
mod http;
mod icon;
mod logging;
mod model;
mod service;
mod session;
mod token_setup;
// The wrapper's whole API (file icons, its own loop) is kept for other users.
#[allow(dead_code)]
mod tray;
mod ui;

use discovery::Overrides;
use model::{Action, ServiceState};
use session::{Command, RefreshGate};
use std::cell::RefCell;
use std::io::Write;
use std::process::ExitCode;
use std::sync::mpsc::{self, Sender};

/// How often the service is asked for its state (`ZT_POLL_MS` changes it).
const POLL_MS: i32 = 5000;
/// Pixel size the tray icon is rendered at; the tray library scales it.
const TRAY_ICON_SIZE: u32 = 64;

/// What the UI thread keeps between callbacks.
struct App {
    tray: tray::Handle,
    commands: Sender<Command>,
    refresh: RefreshGate,
    overrides: Overrides,
    state: ServiceState,
    ui: ui::UiThread,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

fn main() -> ExitCode {
    logging::init();
    let cli = match cli::parse(std::env::args_os().skip(1)) {
        Ok(cli) => cli,
        Err(e) => {
            log::error!("{e}");
            return ExitCode::from(2);
        }
    };
    let overrides = cli.overrides.with_env();
    let exit_after_init = match cli.mode {
        cli::Mode::Tray { exit_after_init } => exit_after_init,
        cli::Mode::Help => return print(cli::USAGE, true),
        cli::Mode::Version => return print(&format!("zerotier_desktop_ui {}\n", env!("CARGO_PKG_VERSION")), true),
        cli::Mode::PrintState => {
            let places = discovery::Places::new(&overrides);
            let state = session::fetch(&places, Command::Refresh);
            return print(&model::render_text(&state), matches!(state, ServiceState::Running { .. }));
        }
        cli::Mode::SetUpToken => {
            return match token_setup::set_up(&overrides) {
                Ok(path) => print(&format!("wrote {}\n", path.display()), true),
                Err(e) => {
                    log::error!("token setup: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        #[cfg(windows)]
        cli::Mode::InstallToken { dest, sid } => {
            return match token_setup::install(&overrides, &dest, &sid) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    log::error!("token setup: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        #[cfg(not(windows))]
        cli::Mode::InstallToken { .. } => {
            log::error!("--install-token is the Windows elevated helper; on this system token setup uses pkexec");
            return ExitCode::from(2);
        }
    };
    let ui = match ui::Ui::init() {
        Ok(ui) => ui,
        Err(e) => {
            log::error!("cannot start the UI toolkit: {e}");
            return ExitCode::FAILURE;
        }
    };
    let refresh = RefreshGate::default();
    let (commands, rx) = mpsc::channel::<Command>();
    session::spawn_worker(rx, refresh.clone(), discovery::Places::new(&overrides), |state| {
        ui::queue_main(move || apply_state(state))
    });
    let tray = match tray::Tray::new(tray_config(&ServiceState::Starting)) {
        Ok(tray) => tray,
        Err(e) => {
            log::error!("cannot show the tray icon: {e}");
            return ExitCode::FAILURE;
        }
    };
    APP.with(|app| {
        *app.borrow_mut() = Some(App {
            tray: tray.handle(),
            commands: commands.clone(),
            refresh: refresh.clone(),
            overrides,
            state: ServiceState::Starting,
            ui: ui.thread(),
        })
    });
    request_refresh(&refresh, &commands, true);
    let poll_ms =
        std::env::var("ZT_POLL_MS").ok().and_then(|v| v.parse().ok()).filter(|ms| (100..=3_600_000).contains(ms));
    ui.timer(poll_ms.unwrap_or(POLL_MS), move || request_refresh(&refresh, &commands, false));
    if exit_after_init {
        // Used by tests and the ARM64 check: start everything, then leave.
        ui::quit();
    }
    ui.main();
    APP.with(|app| app.borrow_mut().take());
    drop(tray);
    ExitCode::SUCCESS
}

/// Writes `text` to stdout (a closed pipe is not an error worth a panic).
fn print(text: &str, success: bool) -> ExitCode {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Queues a refresh unless one is pending; false once the worker is gone.
fn request_refresh(gate: &RefreshGate, commands: &Sender<Command>, forced: bool) -> bool {
    !gate.request(forced) || commands.send(Command::Refresh).is_ok()
}

/// On the UI thread: show a new state (the tray is rebuilt only on change).
fn apply_state(state: ServiceState) {
    APP.with(|app| {
        let mut app = app.borrow_mut();
        let Some(app) = app.as_mut() else { return };
        if app.state == state {
            return;
        }
        log::info!("{}", model::tooltip(&state));
        if let Err(e) = app.tray.update(tray_config(&state)) {
            log::error!("cannot update the tray: {e}");
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
    let Some((commands, refresh, overrides, ui)) = APP
        .with(|app| app.borrow().as_ref().map(|a| (a.commands.clone(), a.refresh.clone(), a.overrides.clone(), a.ui)))
    else {
        return;
    };
    let send = |c: Command| {
        let _ = commands.send(c);
    };
    match action {
        Action::None => {}
        Action::Refresh => {
            request_refresh(&refresh, &commands, true);
        }
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
        Action::OpenUrl(url) => ui.message("Log in to the network in a browser", &url),
        Action::SetUpToken => {
            // Waits for the password dialog: off the UI thread.
            std::thread::spawn(move || {
                let result = token_setup::set_up(&overrides);
                if let Err(e) = &result {
                    log::warn!("token setup: {e}");
                }
                ui::queue_main(move || {
                    let Some(ui) = APP.with(|app| app.borrow().as_ref().map(|a| a.ui)) else { return };
                    match result {
                        Ok(path) => {
                            ui.message("ZeroTier", &format!("This user can now control ZeroTier ({}).", path.display()))
                        }
                        Err(e) => ui.message("ZeroTier token setup failed", &e),
                    }
                });
                request_refresh(&refresh, &commands, true);
            });
        }
        Action::JoinNetwork => ui::show_join_window(ui, move |text| {
            let id = model::parse_network_id(text)?;
            commands.send(Command::Join(id)).map_err(|_| "The service thread has stopped.".to_string())
        }),
        Action::LeaveNetwork(id) => send(Command::Leave(id)),
        Action::SetAllow(id, setting, on) => send(Command::Set(id, setting, on)),
    }
}
