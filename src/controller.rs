//! The UI thread's side: shows each new service state in the tray and turns
//! menu choices into worker commands or windows.

use std::cell::RefCell;
use std::sync::mpsc::Sender;

use zt_libui::Ui;
use zt_tray::{Event, Icon, Tray};

use crate::discovery::Overrides;
use crate::icon;
use crate::model::{self, Action, ServiceState};
use crate::token_setup;
use crate::worker::{Command, RefreshGate};

/// Pixel size the tray icon is rendered at; the tray library scales it.
const TRAY_ICON_SIZE: u32 = 64;

/// What the UI thread keeps between callbacks.
pub struct Controller {
    tray: Tray<Action>,
    commands: Sender<Command>,
    refresh: RefreshGate,
    overrides: Overrides,
    state: ServiceState,
}

thread_local! {
    static CONTROLLER: RefCell<Option<Controller>> = const { RefCell::new(None) };
    /// The toolkit, for handlers that open windows (they run inside its loop).
    static UI: RefCell<Option<std::rc::Weak<Ui>>> = const { RefCell::new(None) };
}

/// Shows the tray for the first time and keeps what later callbacks need.
pub fn start(
    ui: &std::rc::Rc<Ui>,
    commands: Sender<Command>,
    refresh: RefreshGate,
    overrides: Overrides,
) -> Result<(), zt_tray::Error> {
    let state = ServiceState::Starting;
    let tray = Tray::builder(tray_icon(&state))
        .tooltip(model::tooltip(&state))
        .menu(model::menu(&state))
        .on_event(|event| match event {
            Event::Menu(action) => on_action(action),
            Event::IconClicked => on_action(Action::Refresh),
        })
        .build()?;
    UI.with(|u| *u.borrow_mut() = Some(std::rc::Rc::downgrade(ui)));
    CONTROLLER.with(|c| *c.borrow_mut() = Some(Controller { tray, commands, refresh, overrides, state }));
    Ok(())
}

/// Removes the tray (before the toolkit shuts down).
pub fn stop() {
    if let Some(controller) = CONTROLLER.with(|c| c.borrow_mut().take()) {
        controller.tray.resume_panic();
    }
}

fn tray_icon(state: &ServiceState) -> Icon {
    let look = if model::is_online(state) { icon::Look::Online } else { icon::Look::Offline };
    Icon::from_rgba(icon::render(TRAY_ICON_SIZE, look), TRAY_ICON_SIZE, TRAY_ICON_SIZE)
        .expect("the icon renderer makes size × size × 4 bytes")
}

/// On the UI thread: show a new state (the tray changes only on change).
pub fn apply_state(state: ServiceState) {
    CONTROLLER.with(|c| {
        let mut c = c.borrow_mut();
        let Some(c) = c.as_mut() else { return };
        if c.state == state {
            return;
        }
        log::info!("{}", model::tooltip(&state));
        let shown = c
            .tray
            .set_menu(model::menu(&state))
            .and_then(|()| c.tray.set_tooltip(&model::tooltip(&state)))
            .and_then(|()| c.tray.set_icon(tray_icon(&state)));
        if let Err(e) = shown {
            log::error!("cannot update the tray: {e}");
        }
        if let Some((title, text)) = model::transition_notice(&c.state, &state) {
            // A desktop without a notification service is no reason to stop.
            let _ = c.tray.notify(&title, &text);
        }
        c.state = state;
    });
}

/// Runs a menu choice (on the UI thread, from the tray).
fn on_action(action: Action) {
    let Some((commands, refresh, overrides)) =
        CONTROLLER.with(|c| c.borrow().as_ref().map(|c| (c.commands.clone(), c.refresh.clone(), c.overrides.clone())))
    else {
        return;
    };
    let send = |command: Command| {
        let _ = commands.send(command);
    };
    let Some(ui) = UI.with(|u| u.borrow().as_ref().and_then(std::rc::Weak::upgrade)) else { return };
    match action {
        Action::Refresh => {
            request_refresh(&refresh, &commands, true);
        }
        Action::Quit => zt_libui::quit(),
        Action::About => zt_libui::msg_box(
            None,
            "About ZeroTier Desktop UI",
            &format!(
                "ZeroTier Desktop UI {}\nA tray front end for the local ZeroTier One service.",
                env!("CARGO_PKG_VERSION")
            ),
        ),
        // No clipboard in the toolkit yet: show the value so it can be read off.
        Action::CopyNodeId(id) => zt_libui::msg_box(None, "ZeroTier node ID", &id),
        Action::CopyAddress(addr) => zt_libui::msg_box(None, "Managed address", &addr),
        Action::OpenUrl(url) => zt_libui::msg_box(None, "Log in to the network in a browser", &url),
        Action::SetUpToken => set_up_token(ui.handle(), overrides, refresh, commands),
        Action::JoinNetwork => {
            let opened = crate::join::show(&ui, move |text| {
                let id = model::parse_network_id(text)?;
                commands.send(Command::Join(id)).map_err(|_| "The service thread has stopped.".to_string())
            });
            if let Err(e) = opened {
                log::error!("cannot open the join window: {e}");
            }
        }
        Action::LeaveNetwork(id) => send(Command::Leave(id)),
        Action::SetAllow(id, setting, on) => send(Command::Set(id, setting, on)),
    }
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
            Ok(path) => zt_libui::msg_box(
                None,
                "ZeroTier",
                &format!("This user can now control ZeroTier ({}).", path.display()),
            ),
            Err(e) => zt_libui::msg_box(None, "ZeroTier token setup failed", &e),
        });
        request_refresh(&refresh, &commands, true);
    });
}
