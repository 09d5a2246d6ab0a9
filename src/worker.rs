//! The service worker: one thread owns all service I/O, so a slow or hostile
//! service never blocks the UI. It runs one command at a time and hands the
//! state the menu shows back to the UI thread. Nothing a peer sends can stop
//! it: a panic in a call is caught and reported, a dead worker thread is
//! restarted, polls back off while the service is down, and refreshes are
//! coalesced so at most one is ever pending.

use crate::discovery::{self, Findings, Places};
use crate::model::{self, ServiceState};
use crate::service::{self, CallError, Endpoint, NetworkId, Peer, Setting};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Work for the service thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Fetch the state; the gate says whether it is a timer poll or asked for.
    Refresh,
    Join(NetworkId),
    Leave(NetworkId),
    Set(NetworkId, Setting, bool),
    /// Fetch the state, then write the diagnostics file here.
    SaveDiagnostics(PathBuf),
    /// The window opened (true) or closed: from now on each state comes
    /// with the peers, or without.  Fetches the state at once.
    WatchPeers(bool),
}

/// What one command produced: the state after it, and for a join, whether
/// the service took it (the join window waits for that).
pub struct Report {
    pub state: ServiceState,
    pub join: Option<(NetworkId, Result<(), String>)>,
    /// For a diagnostics file: where, and whether it was written.
    pub saved: Option<(PathBuf, Result<(), String>)>,
    /// The peers, while the window asks for them and the service lists them.
    pub peers: Option<Vec<Peer>>,
    /// What discovery found, while the window shows it ("This node").
    pub found: Option<Findings>,
}

/// At most one pending refresh: requests while one is queued only raise its
/// urgency (a user's refresh beats a poll that backoff may skip).
#[derive(Debug, Clone, Default)]
pub struct RefreshGate(Arc<AtomicU8>);

const POLL: u8 = 1;
const FORCED: u8 = 2;

impl RefreshGate {
    /// Records a request; true when the caller must send `Command::Refresh`
    /// (none was pending).
    pub fn request(&self, forced: bool) -> bool {
        self.0.fetch_max(if forced { FORCED } else { POLL }, Ordering::AcqRel) == 0
    }

    /// Takes the pending request: `Some(forced)`, or `None` if there was none.
    pub fn take(&self) -> Option<bool> {
        match self.0.swap(0, Ordering::AcqRel) {
            0 => None,
            level => Some(level == FORCED),
        }
    }
}

/// Poll delays while the service is down: 5 s doubling to 60 s.
const BACKOFF_MIN: Duration = Duration::from_secs(5);
const BACKOFF_MAX: Duration = Duration::from_secs(60);
/// Worker threads started at most (each restart waits a second).
const MAX_RESTARTS: u32 = 1000;

pub struct Session {
    places: Places,
    restarts: u32,
    failures: u32,
    next_poll: Option<Instant>,
    /// Whether `GET /peer` is asked too (only while the window is open).
    peers_wanted: bool,
}

impl Session {
    pub fn new(places: Places) -> Session {
        Session { places, restarts: 0, failures: 0, next_poll: None, peers_wanted: false }
    }

    /// Runs one command; `None` when it was a poll that backoff skipped.
    pub fn run(&mut self, command: Command, forced: bool) -> Option<Report> {
        let places = self.places.clone();
        let joining = match &command {
            Command::Join(id) => Some(id.clone()),
            _ => None,
        };
        let diagnostics = match &command {
            Command::SaveDiagnostics(path) => Some(path.clone()),
            _ => None,
        };
        if let Command::WatchPeers(on) = command {
            self.peers_wanted = on;
        }
        let with_peers = self.peers_wanted;
        let mut peers = None;
        let (state, outcome) = self.run_with(command == Command::Refresh && !forced, || {
            let (outcome, listed) = fetch_with_peers(&places, command, with_peers);
            peers = listed;
            outcome
        })?;
        let saved = diagnostics.map(|path| {
            let places = &self.places;
            let written = catch_unwind(AssertUnwindSafe(|| {
                crate::diagnostics::save(&path, &crate::diagnostics::collect(places, state.clone()))
            }))
            .unwrap_or_else(|_| Err("an internal error stopped the diagnostics".into()));
            (path, written)
        });
        let found = with_peers.then(|| discovery::findings(&self.places));
        Some(Report { state, join: joining.map(|id| (id, outcome)), saved, peers, found })
    }

    /// [`Session::run`] around any fetch (tests inject panicking ones).
    pub fn run_with(&mut self, is_poll: bool, fetch: impl FnOnce() -> Outcome) -> Option<Outcome> {
        if is_poll && self.next_poll.is_some_and(|t| Instant::now() < t) {
            return None;
        }
        let (mut state, outcome) = catch_unwind(AssertUnwindSafe(fetch)).unwrap_or_else(|_| {
            self.restarts += 1;
            let problem = CallError::Failed("the service worker hit an internal error and was restarted".into());
            let why = describe(&problem);
            (ServiceState::Down { problem, notes: Vec::new() }, Err(why))
        });
        self.note_outcome(&state);
        if self.restarts > 0 {
            let note = format!("The service worker was restarted {} time(s) after an internal error.", self.restarts);
            match &mut state {
                ServiceState::Down { notes, .. } | ServiceState::Running { notes, .. } => notes.push(note),
                ServiceState::Starting => {}
            }
        }
        Some((state, outcome))
    }

    fn note_outcome(&mut self, state: &ServiceState) {
        let down =
            matches!(state, ServiceState::Down { problem: CallError::NotRunning(_) | CallError::NotAnswering(_), .. });
        if down {
            let delay = BACKOFF_MIN.saturating_mul(1 << self.failures.min(4)).min(BACKOFF_MAX);
            self.failures = self.failures.saturating_add(1);
            self.next_poll = Some(Instant::now() + delay);
        } else {
            self.failures = 0;
            self.next_poll = None;
        }
    }

    /// Called when a worker thread died outside a command.
    fn restarted(&mut self) {
        self.restarts += 1;
    }
}

/// A state, and the command's own outcome in words (`Ok` for a refresh).
pub type Outcome = (ServiceState, Result<(), String>);

/// A call error as one line for a window.
fn describe(e: &CallError) -> String {
    format!("{}: {}", model::headline(e), e.detail())
}

/// Discovery, the command, then a fresh state. A failed change is a note on
/// an otherwise current state, not a claim that the service is gone.
pub fn fetch(places: &Places, command: Command) -> Outcome {
    fetch_with_peers(places, command, false).0
}

/// [`fetch`], and the peers after the state when `with_peers` (a failed
/// `GET /peer` is logged and gives none: the networks are still current).
fn fetch_with_peers(places: &Places, command: Command, with_peers: bool) -> (Outcome, Option<Vec<Peer>>) {
    let down = |problem: CallError| {
        let why = describe(&problem);
        ((ServiceState::Down { problem, notes: Vec::new() }, Err(why)), None)
    };
    let port = match discovery::port(places) {
        Ok(port) => port,
        Err(e) => return down(e),
    };
    let found = match discovery::token(places) {
        Ok(found) => found,
        // "No token" only once something answers on the port.
        Err(e) => return down(service::probe(port, places.timeout).err().unwrap_or(e)),
    };
    let endpoint = Endpoint { port, token: found.token, timeout: places.timeout, homes: places.homes.clone() };
    let mut notes: Vec<String> = found.warning.into_iter().collect();
    let changed = match &command {
        Command::Refresh | Command::SaveDiagnostics(_) | Command::WatchPeers(_) => Ok(()),
        Command::Join(id) => endpoint.join(id).map_err(|e| ("join", id, e)),
        Command::Leave(id) => endpoint.leave(id).map_err(|e| ("leave", id, e)),
        Command::Set(id, setting, on) => endpoint.set(id, *setting, *on).map_err(|e| ("change", id, e)),
    };
    let mut outcome = Ok(());
    if let Err((what, id, e)) = changed {
        if matches!(
            e,
            CallError::NotRunning(_)
                | CallError::NotAnswering(_)
                | CallError::TokenRefused(_)
                | CallError::NotTheService(_)
        ) {
            return down(e);
        }
        notes.push(format!("Could not {what} network {}: {}", id, e.detail()));
        outcome = Err(describe(&e));
    }
    let state = match endpoint.status().and_then(|status| Ok((status, endpoint.networks()?))) {
        Ok((status, (networks, omitted))) => {
            if omitted > 0 {
                notes.push(format!("The service lists {omitted} more network(s) than the app keeps."));
            }
            ServiceState::Running { status, networks, notes }
        }
        Err(problem) => ServiceState::Down { problem, notes },
    };
    let peers = match &state {
        ServiceState::Running { .. } if with_peers => match endpoint.peers() {
            Ok((peers, omitted)) => {
                if omitted > 0 {
                    log::warn!("the service lists {omitted} more peer(s) than the window keeps");
                }
                Some(peers)
            }
            Err(e) => {
                log::warn!("cannot list the peers: {}", e.detail());
                None
            }
        },
        _ => None,
    };
    ((state, outcome), peers)
}

/// Starts the worker; `deliver` is called on the worker thread with each new
/// state and must pass it on to the UI thread. Send `Command::Refresh` only
/// after `gate.request` says so.
pub fn spawn(places: Places, gate: RefreshGate, deliver: impl Fn(Report) + Send + Sync + 'static) -> Sender<Command> {
    let (tx, rx) = mpsc::channel::<Command>();
    run_worker(rx, gate, places, deliver);
    tx
}

/// Runs commands from `commands` on a worker thread until the channel
/// closes, handing each state to `deliver`; restarts the thread if it dies.
fn run_worker(
    commands: Receiver<Command>,
    gate: RefreshGate,
    places: Places,
    deliver: impl Fn(Report) + Send + Sync + 'static,
) {
    let commands = Arc::new(Mutex::new(commands));
    let session = Arc::new(Mutex::new(Session::new(places)));
    let deliver = Arc::new(deliver);
    std::thread::spawn(move || {
        for attempt in 0..MAX_RESTARTS {
            if attempt > 0 {
                log::error!("the service worker died; restarting it");
                lock(&session).restarted();
                std::thread::sleep(Duration::from_secs(1));
            }
            let (commands, session, gate, deliver) = (commands.clone(), session.clone(), gate.clone(), deliver.clone());
            let worker = std::thread::spawn(move || loop {
                let Ok(command) = lock(&commands).recv() else { return };
                let forced = match command {
                    Command::Refresh => match gate.take() {
                        Some(forced) => forced,
                        None => continue,
                    },
                    _ => true,
                };
                if let Some(report) = lock(&session).run(command, forced) {
                    deliver(report);
                }
            });
            if worker.join().is_ok() {
                return;
            }
        }
        log::error!("the service worker died {MAX_RESTARTS} times; giving up");
    });
}

/// A lock that survives a panicked holder (the data stays consistent: every
/// field is written whole).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discovery::Overrides;
    use std::sync::mpsc;

    fn session() -> Session {
        Session::new(Places::new(&Overrides::default()))
    }

    #[test]
    fn a_panicking_call_is_caught_and_reported_on_every_later_state() {
        let mut s = session();
        let (state, outcome) = s.run_with(false, || panic!("hostile peer")).unwrap();
        assert!(
            matches!(&state, ServiceState::Down { problem: CallError::Failed(why), .. } if why.contains("restarted"))
        );
        assert!(outcome.unwrap_err().contains("restarted"));
        let failed = ServiceState::Down { problem: CallError::Failed("x".into()), notes: vec![] };
        let (ServiceState::Down { notes, .. }, _) = s.run_with(false, || (failed, Ok(()))).unwrap() else { panic!() };
        assert!(notes[0].contains("restarted 1 time"), "{notes:?}");
    }

    #[test]
    fn polls_back_off_while_the_service_is_down_but_asked_refreshes_do_not() {
        let mut s = session();
        let refused =
            || (ServiceState::Down { problem: CallError::NotRunning("refused".into()), notes: vec![] }, Ok(()));
        assert!(s.run_with(true, refused).is_some());
        assert!(s.run_with(true, refused).is_none(), "poll within the backoff delay");
        assert!(s.run_with(false, refused).is_some(), "a user's refresh always runs");
        s.next_poll = Some(Instant::now());
        assert!(s.run_with(true, || (ServiceState::Starting, Ok(()))).is_some());
        assert_eq!(s.next_poll, None, "an answer ends the backoff");
    }

    #[test]
    fn diagnostics_are_written_even_while_the_service_is_down() {
        let dir = crate::test_support::fresh_dir("worker-diagnostics");
        let path = dir.join("diag.txt");
        let mut s = Session::new(Places::new(&Overrides { port: Some("bad".into()), ..Default::default() }));
        let report = s.run(Command::SaveDiagnostics(path.clone()), true).unwrap();
        assert!(matches!(report.state, ServiceState::Down { problem: CallError::BadConfig(_), .. }));
        assert_eq!(report.saved, Some((path.clone(), Ok(()))));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("The app's settings are not usable"), "{text}");
        // A file where the folder should be.
        let blocked = s.run(Command::SaveDiagnostics(path.join("x.txt")), true).unwrap();
        assert!(blocked.saved.unwrap().1.is_err(), "a failed write is reported, not hidden");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn at_most_one_refresh_is_pending() {
        let gate = RefreshGate::default();
        assert!(gate.request(false));
        assert!(!gate.request(false) && !gate.request(true), "already pending");
        assert_eq!(gate.take(), Some(true), "urgency raised by the user's request");
        assert_eq!(gate.take(), None);
    }

    #[test]
    fn a_dead_worker_thread_is_restarted() {
        let (tx, rx) = mpsc::channel();
        let (out_tx, out_rx) = mpsc::channel();
        let out_tx = Mutex::new(out_tx);
        let calls = std::sync::atomic::AtomicU32::new(0);
        let gate = RefreshGate::default();
        run_worker(rx, gate.clone(), Places::new(&Overrides { port: Some("x".into()), ..Default::default() }), {
            move |report: Report| {
                // The first delivery kills the thread outside any command.
                if calls.fetch_add(1, Ordering::SeqCst) == 0 {
                    panic!("deliver failed");
                }
                let _ = lock(&out_tx).send(report.state);
            }
        });
        for _ in 0..2 {
            assert!(gate.request(true));
            tx.send(Command::Refresh).unwrap();
            std::thread::sleep(Duration::from_millis(50));
        }
        let state = out_rx.recv_timeout(Duration::from_secs(10)).expect("the restarted worker answers");
        let ServiceState::Down { problem: CallError::BadConfig(_), notes } = state else { panic!("{state:?}") };
        assert!(notes.iter().any(|n| n.contains("restarted")), "{notes:?}");
    }
}
