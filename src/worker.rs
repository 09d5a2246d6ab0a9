//! The service worker: one thread owns all service I/O, so a slow or hostile
//! service never blocks the UI.  Each finished command hands a fresh state
//! back to the UI thread.

use std::sync::mpsc::{self, Sender};

use serde_json::json;

use crate::model::{ServiceState, Setting};
use crate::service;

/// Work for the service thread.
pub enum Command {
    Refresh,
    Join(String),
    Leave(String),
    Set(String, Setting, bool),
}

/// What one command produced: the state after it, and for a join, whether
/// the service took it (the join window waits for that).
pub struct Report {
    pub state: ServiceState,
    pub join: Option<(String, Result<(), String>)>,
}

/// Starts the worker; `deliver` is called on the worker thread with each
/// report and must pass it on to the UI thread.
pub fn spawn(deliver: impl Fn(Report) + Send + 'static) -> Sender<Command> {
    let (tx, rx) = mpsc::channel::<Command>();
    std::thread::spawn(move || {
        let home = service::service_home();
        for command in rx {
            let joining = match &command {
                Command::Join(id) => Some(id.clone()),
                _ => None,
            };
            let (state, changed) = run(&home, command);
            deliver(Report { state, join: joining.map(|id| (id, changed)) });
        }
    });
    tx
}

/// The state after `command`, and the command's own outcome in words.
fn run(home: &std::path::Path, command: Command) -> (ServiceState, Result<(), String>) {
    let endpoint = match service::discover(home) {
        Ok(endpoint) => endpoint,
        Err(e) => {
            let why = describe(&e);
            return (failed_state(e), Err(why));
        }
    };
    let changed = match command {
        Command::Refresh => Ok(()),
        Command::Join(id) => endpoint.post_network(&id, &json!({})),
        Command::Leave(id) => endpoint.leave(&id),
        Command::Set(id, setting, on) => {
            let mut body = serde_json::Map::new();
            body.insert(setting.api_key().to_string(), on.into());
            endpoint.post_network(&id, &body.into())
        }
    };
    let changed = changed.map_err(|e| describe(&e));
    let state = match (endpoint.status(), endpoint.networks()) {
        (Ok(status), Ok(networks)) => ServiceState::Running { status, networks },
        (Err(e), _) | (_, Err(e)) => failed_state(e),
    };
    (state, changed)
}

fn describe(e: &service::CallError) -> String {
    match e {
        service::CallError::Unreachable(why) => format!("ZeroTier One is not reachable: {why}"),
        service::CallError::Unauthorized(why) => format!("ZeroTier One refused access: {why}"),
        service::CallError::Failed(why) => format!("ZeroTier One refused: {why}"),
    }
}

fn failed_state(e: service::CallError) -> ServiceState {
    match e {
        service::CallError::Unreachable(why) => ServiceState::Unreachable(why),
        service::CallError::Unauthorized(why) => ServiceState::Unauthorized(why),
        service::CallError::Failed(why) => ServiceState::Unreachable(why),
    }
}
