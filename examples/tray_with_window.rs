//! A tray icon and a window in one program, with zt-tray and zt-libui: the
//! tray's menu has a status line, a check item, a submenu, a disabled entry
//! and Quit; "Settings…" opens a window with a form and a log that a worker
//! thread updates every second.
//!
//! - One loop: `Ui::main` serves the window and the tray alike.
//! - One quit: `zt_libui::quit()` ends that loop; dropping the tray then
//!   removes the icon.  (`zt_tray::exit_loop` and `Tray::run` are for a
//!   program without zt-libui.)
//! - The worker reaches the `!Send` window through `Ui::channel`.
//! - A panic in the tray's handler stops the loop and is raised from
//!   `Ui::main`, like a panic in any window callback (zt-tray's `libui`
//!   feature, which this crate enables).
//!
//! `cargo run --example tray_with_window`; `-- --self-test` opens the window
//! through the same code the menu uses, waits for the worker's lines, toggles
//! the check item, quits, and says what it saw (the test command runs that).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::time::{Duration, Instant};

use zt_libui::{Checkbox, Control, Entry, Form, MultilineEntry, Ui, UiBox, UiSender, Window};
use zt_tray::{Event, Icon, MenuItem, Tray, TrayHandle};

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Settings,
    Verbose,
    Quit,
}

/// The menu as data: built again from the state whenever it changes.
fn menu(verbose: bool) -> Vec<MenuItem<Action>> {
    vec![
        MenuItem::label("Example: running").disabled(),
        MenuItem::separator(),
        MenuItem::action("Settings…", Action::Settings),
        MenuItem::submenu("Options", vec![MenuItem::action("Verbose log", Action::Verbose).checked(verbose)]),
        MenuItem::label("Nothing to update").disabled(),
        MenuItem::separator(),
        MenuItem::action("Quit", Action::Quit),
    ]
}

/// The open settings window and its log.
struct Settings {
    window: Window,
    log: MultilineEntry,
}

/// Everything the UI thread keeps: `!Send`, shared by the tray's handler and
/// the channel's receiver through `Rc`.
struct App {
    ui: Weak<Ui>,
    settings: RefCell<Option<Settings>>,
    verbose: Cell<bool>,
    /// Lines the log window has shown (the self-test reads it).
    shown: Cell<usize>,
}

impl App {
    /// What a menu choice does; the tray's handler and the self-test call it.
    fn on_action(self: &Rc<Self>, action: Action, tray: &TrayHandle<Action>) {
        match action {
            Action::Settings => self.open_settings(),
            Action::Verbose => {
                // A check item shows what the menu data says: flip it here.
                self.verbose.set(!self.verbose.get());
                if let Err(e) = tray.set_menu(menu(self.verbose.get())) {
                    eprintln!("tray: {e}");
                }
            }
            Action::Quit => zt_libui::quit(),
        }
    }

    fn open_settings(self: &Rc<Self>) {
        if let Some(open) = &*self.settings.borrow() {
            open.window.show();
            return;
        }
        let Some(ui) = self.ui.upgrade() else { return };
        match self.make_settings(&ui) {
            Ok(settings) => *self.settings.borrow_mut() = Some(settings),
            Err(e) => eprintln!("settings window: {e}"),
        }
    }

    fn make_settings(self: &Rc<Self>, ui: &Ui) -> Result<Settings, zt_libui::Error> {
        let window = Window::new(ui, "Settings", 420, 320, false);
        window.set_margined(true);
        let column = UiBox::vertical(ui);
        column.set_padded(true);
        let form = Form::new(ui);
        form.set_padded(true);
        form.append("Name", &Entry::new(ui), false)?;
        form.append("", &Checkbox::new(ui, "Start at login"), false)?;
        column.append(&form, false)?;
        let log = MultilineEntry::non_wrapping(ui);
        log.set_read_only(true);
        column.append(&log, true)?;
        window.set_child(&column)?;
        // Closing destroys the window; the next "Settings…" makes a new one.
        let app = Rc::downgrade(self);
        window.on_closing(move |_| {
            if let Some(app) = app.upgrade() {
                app.settings.borrow_mut().take();
            }
            true
        });
        window.show();
        Ok(Settings { window, log })
    }

    /// A worker's line, on the UI thread.
    fn log(&self, line: String) {
        if let Some(open) = &*self.settings.borrow() {
            open.log.append(&format!("{line}\n"));
            self.shown.set(self.shown.get() + 1);
        }
    }
}

/// A worker that reports every `every` until the UI is gone, or `ticks` times.
fn start_worker(lines: UiSender<String>, every: Duration, ticks: u64) {
    std::thread::spawn(move || {
        let start = Instant::now();
        for tick in 1..=ticks {
            std::thread::sleep(every);
            let line = format!("tick {tick} after {:.1} s", start.elapsed().as_secs_f32());
            // Err(Closed) once the Ui is gone: the worker ends.
            if lines.send(line).is_err() {
                break;
            }
        }
    });
}

fn icon() -> Icon {
    let side = 32;
    let pixels =
        (0..side * side).flat_map(|i| if (i / side + i % side) % 8 < 4 { [0, 120, 255, 255] } else { [255; 4] });
    Icon::from_rgba(pixels.collect(), side, side).expect("side × side × 4 bytes")
}

/// What a run saw.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Worker lines the settings window showed.
    pub lines_shown: usize,
    /// The check item's state after the self-test toggled it once.
    pub verbose: bool,
    pub window_was_open: bool,
}

/// Runs the program; with `self_test`, drives it the way a user would and returns.
pub fn run(self_test: bool) -> Result<Outcome, String> {
    let ui = Rc::new(Ui::init().map_err(|e| e.to_string())?);
    let app = Rc::new(App {
        ui: Rc::downgrade(&ui),
        settings: RefCell::new(None),
        verbose: Cell::new(false),
        shown: Cell::new(0),
    });

    let receiver = app.clone();
    let lines = ui.channel(move |line: String| receiver.log(line));
    // The self-test sends a few quick lines and stops: a window slower than the worker (under
    // emulation) would otherwise never see an empty queue, and Windows runs timers only then.
    if self_test {
        start_worker(lines, Duration::from_millis(20), 8);
    } else {
        start_worker(lines, Duration::from_secs(1), u64::MAX);
    }

    let handler_app = app.clone();
    let tray = Tray::builder(icon())
        .tooltip("tray_with_window")
        .menu(menu(false))
        .on_event(move |event, tray| match event {
            Event::Menu(action) => handler_app.on_action(action, tray),
            Event::IconClicked => handler_app.open_settings(),
            // The wheel and the middle button mean nothing to this program.
            Event::MiddleClicked | Event::Scrolled { .. } => {}
        })
        .build()
        .map_err(|e| format!("tray: {e}"))?;

    let outcome = Rc::new(RefCell::new(Outcome::default()));
    if self_test {
        let (app, seen, handle) = (app.clone(), outcome.clone(), tray.handle());
        let deadline = Instant::now() + Duration::from_secs(20);
        app.on_action(Action::Settings, &handle);
        ui.timer(50, move || {
            let enough = app.shown.get() >= 5;
            if enough || Instant::now() > deadline {
                let mut o = seen.borrow_mut();
                o.window_was_open = app.settings.borrow().is_some();
                o.lines_shown = app.shown.get();
                app.on_action(Action::Verbose, &handle);
                o.verbose = app.verbose.get();
                app.on_action(Action::Quit, &handle);
                return false;
            }
            true
        });
    }
    ui.main();
    // The icon goes with the tray, before the toolkit.
    drop(tray);
    let outcome = std::mem::take(&mut *outcome.borrow_mut());
    Ok(outcome)
}

#[allow(dead_code)] // the test includes this file as a module
fn main() -> std::process::ExitCode {
    let self_test = std::env::args().any(|a| a == "--self-test");
    match run(self_test) {
        Ok(outcome) => {
            if self_test {
                println!("{outcome:?}");
            }
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tray_with_window: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
