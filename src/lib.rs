//! ZeroTier Desktop UI: a system-tray front end for the local ZeroTier One service.
//!
//! Threads: the UI thread runs libui's main loop, which also serves the tray;
//! the worker thread (`worker`) talks to the service and hands each new state
//! back through the toolkit's queue to the controller (`controller`), which
//! shows what the pure model (`model`) derives from it.
//!
//! The library holds the whole app so that tests can run it in their own
//! process (the Windows end-to-end test reads the tray's menu in-process);
//! `src/main.rs` only calls [`main`].

mod about;
mod bench;
mod bench_window;
mod cli;
mod controller;
mod diagnostics;
mod discovery;
mod http;
mod icon;
mod join;
mod logging;
mod model;
mod notify;
mod platform;
mod saved;
mod service;
#[cfg(test)]
mod test_support;
mod text;
mod token_setup;
mod window;
mod worker;

use std::io::Write;
use std::process::ExitCode;
use std::rc::Rc;

use discovery::Places;
use worker::{Command, RefreshGate};
use zt_libui::Ui;

/// How often the service is asked for its state (`ZT_POLL_MS` changes it).
const POLL_MS: u32 = 5000;

/// The name the single-instance lock is claimed under.
const INSTANCE_NAME: &str = "zerotier_desktop_ui";

/// The program: command-line modes, or the tray app until it quits.
pub fn main() -> ExitCode {
    #[cfg(windows)]
    platform::repair_teb_register_under_wine();
    let parsed = cli::parse(std::env::args_os().skip(1));
    if matches!(&parsed, Ok(cli::Cli { mode: cli::Mode::ReadServiceToken { .. }, .. })) {
        logging::init_stderr_only();
    } else {
        logging::init();
    }
    let cli = match parsed {
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
        cli::Mode::Version => {
            // The About window's facts that need no service.
            let text = format!(
                "zerotier_desktop_ui {}\nBuilt for {}\n{}\n",
                env!("CARGO_PKG_VERSION"),
                env!("ZT_BUILD_TARGET"),
                about::source_line(about::source_url())
            );
            return print(&text, true);
        }
        cli::Mode::PrintState => {
            let (state, _) = worker::fetch(&Places::new(&overrides), Command::Refresh);
            let text = model::render_text(&state, &model::Local::default());
            return print(&text, matches!(state, model::ServiceState::Running { .. }));
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
        cli::Mode::SaveDiagnostics { path } => {
            let mut session = worker::Session::new(Places::new(&overrides));
            return match session.run(Command::SaveDiagnostics(path.clone()), true).and_then(|r| r.saved) {
                Some((_, Ok(()))) => print(&format!("wrote {}\n", path.display()), true),
                Some((_, Err(e))) => {
                    log::error!("diagnostics: {e}");
                    ExitCode::FAILURE
                }
                None => ExitCode::FAILURE,
            };
        }
        cli::Mode::BenchMenu { networks } => return bench::menu(networks),
        cli::Mode::BenchParse { networks } => return bench::parse(networks),
        cli::Mode::BenchPeers { peers } => return bench::peers(peers),
        cli::Mode::BenchWindow { peers } => return bench_window::run(peers),
        cli::Mode::ReadServiceToken { pipe } => {
            return match token_setup::serve(pipe.as_deref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    log::error!("reading the service's token: {e}");
                    ExitCode::FAILURE
                }
            };
        }
    };
    // One tray per session: a second start leaves quietly.
    let _instance = match platform::claim_instance(INSTANCE_NAME) {
        Ok(Some(instance)) => Some(instance),
        Ok(None) => {
            log::info!("already running in this session");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            log::error!("cannot check for another instance ({e}); starting anyway");
            None
        }
    };
    // Watched before the UI starts, so an early SIGTERM is not fatal either.
    let on_signal = quit_on_signals();
    let app = match App::start(overrides) {
        Ok(app) => app,
        Err(e) => {
            log::error!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let _ = on_signal.send(app.ui.handle());
    if exit_after_init {
        // Used by tests and the ARM64 checks: start everything, then leave.
        zt_libui::quit();
    }
    app.run();
    ExitCode::SUCCESS
}

pub use discovery::Overrides;
/// For the GUI tests: read the window back and use it as its controls do.
#[doc(hidden)]
pub use window::probe as window_probe;

/// The tray app on this thread: the toolkit, the service worker and the
/// tray.  Dropping it removes the tray and shuts the toolkit down.
pub struct App {
    ui: Rc<Ui>,
}

impl App {
    /// Starts everything and asks the service for its state; the tray shows
    /// as soon as the loop runs ([`App::run`] or [`App::step`]).
    pub fn start(overrides: Overrides) -> Result<App, String> {
        let ui = Rc::new(Ui::init().map_err(|e| e.to_string())?);
        let to_ui = ui.handle();
        let refresh = RefreshGate::default();
        let commands = worker::spawn(Places::new(&overrides), refresh.clone(), move |report| {
            // Only fails once the UI has shut down, when nobody needs the report.
            let _ = to_ui.queue(move || controller::apply(report));
        });
        let poll_ms =
            std::env::var("ZT_POLL_MS").ok().and_then(|v| v.parse().ok()).filter(|ms| (100..=3_600_000).contains(ms));
        controller::start(&ui, commands.clone(), refresh.clone(), overrides, poll_ms.unwrap_or(POLL_MS))
            .map_err(|e| format!("cannot show the tray icon: {e}"))?;
        controller::request_refresh(&refresh, &commands, true);
        Ok(App { ui })
    }

    /// Opens the Networks / Peers / This node window, as "Show ZeroTier…" does.
    pub fn show_window(&self) {
        controller::show_window(&self.ui);
    }

    /// Runs the main loop until "Quit" (or [`zt_libui::quit`]).
    pub fn run(&self) {
        self.ui.main();
    }

    /// Handles what is pending without waiting; false once the loop was told to quit.
    pub fn step(&self) -> bool {
        self.ui.step(false)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // The tray goes before the toolkit it runs in.
        controller::stop();
    }
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

/// SIGTERM, SIGINT and SIGHUP end the main loop like "Quit" does, so the
/// tray icon and its files are removed on the way out.  The UI's handle
/// arrives through the returned sender once the UI runs.
#[cfg(unix)]
fn quit_on_signals() -> std::sync::mpsc::Sender<zt_libui::UiHandle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let (tx, rx) = std::sync::mpsc::channel::<zt_libui::UiHandle>();
    match signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(mut signals) => {
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    if let Ok(ui) = rx.recv() {
                        let _ = ui.queue(zt_libui::quit);
                    }
                }
            });
        }
        Err(e) => log::error!("cannot watch for SIGTERM ({e}); it will end the app abruptly"),
    }
    tx
}

/// Windows ends the session through the tray's window, which removes the icon.
#[cfg(not(unix))]
fn quit_on_signals() -> std::sync::mpsc::Sender<zt_libui::UiHandle> {
    std::sync::mpsc::channel().0
}
