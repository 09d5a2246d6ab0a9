//! A desktop notification server for tests: owns
//! `org.freedesktop.Notifications` on the session bus and records what the
//! app asks it to show.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use zbus::blocking::Connection;
use zbus::zvariant::OwnedValue;

/// One notification: summary (title) and body, as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub summary: String,
    pub body: String,
}

struct Server {
    shown: Arc<Mutex<Vec<Shown>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)] // the specification's signature
    fn notify(
        &self,
        _app_name: &str,
        _replaces_id: u32,
        _app_icon: &str,
        summary: &str,
        body: &str,
        _actions: Vec<String>,
        _hints: std::collections::HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut shown = self.shown.lock().unwrap();
        shown.push(Shown { summary: summary.into(), body: body.into() });
        shown.len() as u32
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        ("test".into(), "zerotier-desktop-ui tests".into(), "1".into(), "1.2".into())
    }

    fn close_notification(&self, _id: u32) {}
}

/// The server, answering on its own connection until dropped.
pub struct Notifications {
    _connection: Connection,
    shown: Arc<Mutex<Vec<Shown>>>,
}

impl Notifications {
    pub fn start() -> zbus::Result<Notifications> {
        let shown = Arc::new(Mutex::new(Vec::new()));
        let connection = zbus::blocking::connection::Builder::session()?
            .name("org.freedesktop.Notifications")?
            .serve_at("/org/freedesktop/Notifications", Server { shown: shown.clone() })?
            .build()?;
        Ok(Notifications { _connection: connection, shown })
    }

    /// Everything shown so far, oldest first.
    pub fn shown(&self) -> Vec<Shown> {
        self.shown.lock().unwrap().clone()
    }

    /// Waits until a notification with this summary was shown; all shown so far in the error.
    pub fn wait_for(&self, summary: &str, limit: Duration) -> Result<Shown, String> {
        let end = Instant::now() + limit;
        loop {
            if let Some(found) = self.shown().into_iter().find(|s| s.summary == summary) {
                return Ok(found);
            }
            if Instant::now() > end {
                return Err(format!("no notification {summary:?} within {limit:?}; shown: {:#?}", self.shown()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
