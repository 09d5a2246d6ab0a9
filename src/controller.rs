//! The UI thread's side: shows each new service state in the tray and turns
//! menu choices into worker commands, clipboard copies or windows.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::mpsc::Sender;

use zt_libui::Ui;
use zt_tray::{Event, Icon, Tray};

use crate::discovery::Overrides;
use crate::model::{self, Action, Local, ServiceState};
use crate::window::model::PollPlan;
use crate::worker::{Command, RefreshGate, Report};
use crate::{about, icon, join, platform, token_setup, window};

/// Pixel size the tray icon is rendered at; the tray library scales it.
const TRAY_ICON_SIZE: u32 = 64;

/// What the UI thread keeps between callbacks.
struct Controller {
    ui: Weak<Ui>,
    tray: Tray<Action>,
    commands: Sender<Command>,
    refresh: RefreshGate,
    overrides: Overrides,
    state: ServiceState,
    local: Local,
    notifier: crate::notify::Notifier,
    /// How often to poll: faster while the window is open.
    plan: PollPlan,
    /// Bumped on every new plan, so the timer of the old one stops.
    poll_generation: u64,
    /// What discovery found, for the window's "This node" (from the worker).
    found: Option<crate::discovery::Findings>,
}

thread_local! {
    static CONTROLLER: RefCell<Option<Controller>> = const { RefCell::new(None) };
}

/// Shows the tray for the first time and keeps what later callbacks need.
pub fn start(
    ui: &Rc<Ui>,
    commands: Sender<Command>,
    refresh: RefreshGate,
    overrides: Overrides,
    poll_ms: u32,
) -> Result<(), zt_tray::Error> {
    let state = ServiceState::Starting;
    let saved = crate::saved::default_path().map(|p| crate::saved::load(&p)).unwrap_or_default();
    let settings = crate::saved::settings_path().map(|p| crate::saved::load_settings(&p)).unwrap_or_default();
    let local = Local { autostart: platform::autostart_enabled(), pending_joins: Vec::new(), saved, settings };
    let tray = Tray::builder(tray_icon(&state))
        .tooltip(model::tooltip(&state))
        .menu(model::menu(&state, &local))
        .on_event(|event, _| match event {
            Event::Menu(action) => on_action(action),
            // A left click opens the window, where the platform reports one.
            Event::IconClicked => on_action(Action::ShowWindow),
            // Middle click and the wheel mean nothing here yet.
            Event::MiddleClicked | Event::Scrolled { .. } => {}
        })
        .build()?;
    let notifier = crate::notify::Notifier::default();
    let plan = PollPlan { tray_ms: poll_ms, window_open: false };
    let c = Controller {
        ui: Rc::downgrade(ui),
        tray,
        commands,
        refresh,
        overrides,
        state,
        local,
        notifier,
        plan,
        poll_generation: 0,
        found: None,
    };
    CONTROLLER.with(|cell| *cell.borrow_mut() = Some(c));
    schedule_polls(ui);
    Ok(())
}

/// (Re)starts the poll timer at the plan's interval; the previous timer
/// stops at its next tick, so only one ever asks for refreshes.
fn schedule_polls(ui: &Ui) {
    let Some((generation, ms)) = CONTROLLER.with(|c| {
        let mut c = c.borrow_mut();
        let c = c.as_mut()?;
        c.poll_generation += 1;
        Some((c.poll_generation, c.plan.interval_ms()))
    }) else {
        return;
    };
    ui.timer(ms, move || {
        CONTROLLER.with(|c| {
            let c = c.borrow();
            let Some(c) = c.as_ref().filter(|c| c.poll_generation == generation) else { return false };
            request_refresh(&c.refresh, &c.commands, false)
        })
    });
}

/// The window opened or closed: poll at its pace and fetch peers, or go back to the tray's.
fn set_window_open(ui: &Ui, open: bool) {
    let changed = CONTROLLER.with(|c| {
        let mut c = c.borrow_mut();
        let c = c.as_mut()?;
        let changed = c.plan.window_open != open;
        c.plan.window_open = open;
        if changed {
            let _ = c.commands.send(Command::WatchPeers(c.plan.wants_peers()));
        }
        Some(changed)
    });
    if changed == Some(true) {
        schedule_polls(ui);
    }
}

/// Removes the tray (before the toolkit shuts down); a panic caught in a
/// tray callback is raised here.
pub fn stop() {
    window::close();
    if let Some(controller) = CONTROLLER.with(|c| c.borrow_mut().take()) {
        controller.tray.resume_panic();
    }
}

fn tray_icon(state: &ServiceState) -> Icon {
    let pixels = icon::render(TRAY_ICON_SIZE, model::look(state), platform::taskbar_backdrop());
    Icon::from_rgba(pixels, TRAY_ICON_SIZE, TRAY_ICON_SIZE).expect("the icon renderer makes size × size × 4 bytes")
}

/// On the UI thread: a report from the worker.
pub fn apply(report: Report) {
    if let Some((id, outcome)) = &report.join {
        join::answered(id, outcome);
        window::answered(id, outcome);
    }
    match &report.saved {
        Some((path, Ok(()))) => notify("Diagnostics saved", &path.display().to_string()),
        Some((_, Err(why))) => zt_libui::msg_box(None, "Diagnostics not saved", why),
        None => {}
    }
    let mut changed = false;
    with(|c| {
        let pending = c.local.pending_joins.len();
        if let Some((id, Err(_))) = &report.join {
            c.local.pending_joins.retain(|p| p != id);
        }
        if let ServiceState::Running { networks, .. } = &report.state {
            c.local.pending_joins.retain(|p| !networks.iter().any(|n| &n.id == p));
        }
        let old = std::mem::replace(&mut c.state, report.state);
        changed = old != c.state || pending != c.local.pending_joins.len();
        if old != c.state {
            log::info!("{}", model::tooltip(&c.state));
        }
        // Every state goes through the rules, so none is missed while switched off.
        for notice in c.notifier.update(&c.state, c.local.settings.notifications) {
            show_notice(&c.tray, &notice.title, &notice.body);
        }
    });
    if window::is_open() {
        let found = report.found.or_else(|| CONTROLLER.with(|c| c.borrow().as_ref().and_then(|c| c.found.clone())));
        with(|c| c.found = found.clone());
        let state = CONTROLLER.with(|c| c.borrow().as_ref().map(|c| c.state.clone()));
        if let (Some(state), Some(found)) = (state, found) {
            window::update(&state, &found, report.peers.as_deref());
        }
    }
    // Most polls bring the same answer: the menu is derived from state and
    // local settings only, so it is rebuilt only when one of them changed.
    if changed {
        refresh();
    }
}

/// Shows the current state and local settings (the tray skips an icon or
/// tooltip that did not change).  Menu, tooltip and icon are updated each on
/// its own, so one that fails leaves the others current; a menu the tray
/// refuses is replaced by one that says so and keeps Refresh and Quit.
fn refresh() {
    with(|c| {
        if let Err(e) = c.tray.set_menu(model::menu(&c.state, &c.local)) {
            log::error!("cannot update the tray menu: {e}");
            if let Err(e) = c.tray.set_menu(model::fallback_menu(&e.to_string())) {
                log::error!("cannot show even the short menu: {e}");
            }
        }
        if let Err(e) = c.tray.set_tooltip(&model::tooltip(&c.state)) {
            log::error!("cannot update the tray tooltip: {e}");
        }
        if let Err(e) = c.tray.set_icon(tray_icon(&c.state)) {
            log::error!("cannot update the tray icon: {e}");
        }
    });
}

fn with(f: impl FnOnce(&mut Controller)) {
    CONTROLLER.with(|c| {
        if let Some(c) = c.borrow_mut().as_mut() {
            f(c)
        }
    });
}

/// Runs a menu choice (on the UI thread, from the tray).
fn on_action(action: Action) {
    let Some((ui, commands, gate, overrides)) = CONTROLLER.with(|c| {
        let c = c.borrow();
        let c = c.as_ref()?;
        Some((c.ui.upgrade()?, c.commands.clone(), c.refresh.clone(), c.overrides.clone()))
    }) else {
        return;
    };
    let send = |command: Command| {
        let _ = commands.send(command);
    };
    match action {
        Action::Refresh => {
            request_refresh(&gate, &commands, true);
        }
        Action::Quit => zt_libui::quit(),
        Action::About => {
            let version = CONTROLLER.with(|c| match c.borrow().as_ref().map(|c| &c.state) {
                Some(ServiceState::Running { status, .. }) => Some(status.version.clone()),
                _ => None,
            });
            if let Err(e) = about::show(&ui, version.as_deref()) {
                log::error!("cannot open the About window: {e}");
            }
        }
        Action::Copy(what, text) => copy(&ui, what, &text),
        Action::ShowWindow => show_window(&ui),
        Action::JoinNetwork => {
            let opened = join::show(&ui, move |id| start_join(&commands, id));
            if let Err(e) = opened {
                log::error!("cannot open the join window: {e}");
            }
        }
        Action::Disconnect(id, name) => {
            send(Command::Leave(id.clone()));
            change_saved(|list| crate::saved::remember(list, &id, &name));
        }
        Action::Reconnect(id) => {
            if let Err(why) = start_join(&commands, id) {
                notify("Reconnect", &why);
            }
        }
        Action::Forget(id) => change_saved(|list| crate::saved::forget(list, &id)),
        Action::SetAllow(id, setting, on) => send(Command::Set(id, setting, on)),
        Action::OpenUrl(url) => {
            if let Err(e) = platform::open_url(&url) {
                // Still useful by hand: show the address.
                zt_libui::msg_box(
                    None,
                    "Could not open a browser",
                    &format!("{e}\n\nOpen this page to log in:\n{url}"),
                );
            }
        }
        Action::SetUpToken => set_up_token(ui.handle(), overrides, gate, commands),
        Action::SetNotifications(on) => {
            with(|c| c.local.settings.notifications = on);
            if let Err(e) = store_settings() {
                zt_libui::msg_box(None, "Notifications", &format!("Changed, but not saved for the next start: {e}"));
            }
            refresh();
        }
        Action::SaveDiagnostics => {
            // Modal: the tray waits while the user picks the file.
            if let Some(path) = zt_libui::save_file(None) {
                send(Command::SaveDiagnostics(path));
            }
        }
        Action::SetAutostart(on) => {
            match platform::set_autostart(on) {
                Ok(()) => with(|c| c.local.autostart = on),
                Err(e) => notify("Start at login", &format!("Could not change it: {e}")),
            }
            refresh();
        }
    }
}

/// Writes the settings file; a failure is logged and returned to be said.
fn store_settings() -> Result<(), String> {
    let settings = CONTROLLER.with(|c| c.borrow().as_ref().map(|c| c.local.settings)).unwrap_or_default();
    let stored = match crate::saved::settings_path() {
        Some(path) => crate::saved::store_settings(&path, &settings).map_err(|e| format!("{}: {e}", path.display())),
        None => Err("no per-user config folder (HOME / APPDATA unset)".to_string()),
    };
    if let Err(e) = &stored {
        log::warn!("cannot save the settings: {e}");
    }
    stored
}

/// Opens the window (or brings it forward); it acts through the same paths as the menu.
pub fn show_window(ui: &Rc<Ui>) {
    let Some((settings, commands)) =
        CONTROLLER.with(|c| c.borrow().as_ref().map(|c| (c.local.settings, c.commands.clone())))
    else {
        return;
    };
    let weak = Rc::downgrade(ui);
    let hooks = window::Hooks {
        act: Box::new(on_action),
        join: Box::new(move |id| start_join(&commands, id)),
        closed: Box::new(move |kept| {
            with(|c| {
                c.local.settings.window_size = kept.window_size;
                c.local.settings.window_tab = kept.window_tab;
            });
            // Not worth a dialog: the window opens at its old size next time.
            let _ = store_settings();
            if let Some(ui) = weak.upgrade() {
                set_window_open(&ui, false);
            }
        }),
    };
    match window::show(ui, settings, hooks) {
        Ok(true) => {
            set_window_open(ui, true);
            // Fill it now from what is known; the worker's answer with peers follows.
            let state = CONTROLLER.with(|c| c.borrow().as_ref().map(|c| (c.state.clone(), c.found.clone())));
            if let Some((state, found)) = state {
                let found = found.unwrap_or_else(|| {
                    crate::discovery::findings(&crate::discovery::Places::new(
                        &CONTROLLER.with(|c| c.borrow().as_ref().map(|c| c.overrides.clone())).unwrap_or_default(),
                    ))
                });
                window::update(&state, &found, None);
            }
        }
        Ok(false) => {}
        Err(e) => log::error!("cannot open the window: {e}"),
    }
}

/// Sends a join and shows it as pending until the service lists the network.
fn start_join(commands: &Sender<Command>, id: crate::service::NetworkId) -> Result<(), String> {
    commands.send(Command::Join(id.clone())).map_err(|_| "The service thread has stopped.".to_string())?;
    with(|c| c.local.pending_joins.push(id));
    refresh();
    Ok(())
}

/// Edits "Saved networks" and writes the file; a failed write is said, not hidden.
fn change_saved(edit: impl FnOnce(&mut Vec<crate::saved::Saved>)) {
    with(|c| edit(&mut c.local.saved));
    let list = CONTROLLER.with(|c| c.borrow().as_ref().map(|c| c.local.saved.clone())).unwrap_or_default();
    let stored = match crate::saved::default_path() {
        Some(path) => crate::saved::store(&path, &list).map_err(|e| format!("{}: {e}", path.display())),
        None => Err("no per-user config folder (HOME / APPDATA unset)".to_string()),
    };
    if let Err(e) = stored {
        log::warn!("cannot save the network list: {e}");
        notify("Saved networks", &format!("Not saved for the next start: {e}"));
    }
    refresh();
}

/// Copies `text` and says so briefly.
fn copy(ui: &Ui, what: &str, text: &str) {
    match ui.set_clipboard_text(text) {
        Ok(()) => notify("Copied", &format!("{what} {text} is on the clipboard.")),
        Err(e) => notify("Not copied", &format!("{what} {text}: {e}")),
    }
}

fn notify(title: &str, text: &str) {
    with(|c| show_notice(&c.tray, title, text));
}

/// Every notification goes through here.  The body may hold the service's
/// text: it is already cleaned, and the tray library shows it as plain text
/// (escaped for the freedesktop servers that read markup; a balloon is plain).
fn show_notice(tray: &Tray<Action>, title: &str, text: &str) {
    // A desktop without a notification service is no reason to stop.
    let _ = tray.notify(title, text);
}

/// Queues a refresh unless one is pending; false once the worker is gone.
pub fn request_refresh(gate: &RefreshGate, commands: &Sender<Command>, forced: bool) -> bool {
    !gate.request(forced) || commands.send(Command::Refresh).is_ok()
}

/// Runs token setup on its own thread (it waits for a password dialog),
/// then reports on the UI thread and refreshes.
fn set_up_token(to_ui: zt_libui::UiHandle, overrides: Overrides, refresh: RefreshGate, commands: Sender<Command>) {
    std::thread::spawn(move || {
        let result = token_setup::set_up(&overrides);
        if let Err(e) = &result {
            log::warn!("token setup: {e}");
        }
        let _ = to_ui.queue(move || match result {
            Ok(path) => notify("ZeroTier", &format!("This user can now control ZeroTier ({}).", path.display())),
            Err(e) => zt_libui::msg_box(None, "ZeroTier token setup failed", &e),
        });
        request_refresh(&refresh, &commands, true);
    });
}
