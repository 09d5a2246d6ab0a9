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

/// Starts the worker; `deliver` is called on the worker thread with each new
/// state and must pass it on to the UI thread.
pub fn spawn(deliver: impl Fn(ServiceState) + Send + 'static) -> Sender<Command> {
    let (tx, rx) = mpsc::channel::<Command>();
    std::thread::spawn(move || {
        let home = service::service_home();
        for command in rx {
            deliver(run(&home, command));
        }
    });
    tx
}

fn run(home: &std::path::Path, command: Command) -> ServiceState {
    let endpoint = match service::discover(home) {
        Ok(endpoint) => endpoint,
        Err(e) => return failed_state(e),
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
