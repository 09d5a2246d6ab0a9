//! The `tray_with_window` example driven as a user would drive it: the
//! settings window opened through the menu's code, the worker's lines shown
//! in it through `Ui::channel`, the check item toggled, and the one quit
//! ending the one loop.  Own main: the toolkit and the tray want the main
//! thread.  Needs a display (and on Linux a session bus), as the GUI tests do.

#[path = "../examples/tray_with_window.rs"]
mod example;

fn main() -> std::process::ExitCode {
    if cfg!(not(windows)) && std::env::var_os("DISPLAY").is_none() {
        println!("no DISPLAY: run under xvfb-run\n0 passed, 1 failed");
        return std::process::ExitCode::FAILURE;
    }
    let result = example::run(true).and_then(|o| {
        if !o.window_was_open {
            return Err(format!("the settings window was not open: {o:?}"));
        }
        if o.lines_shown < 5 {
            return Err(format!("the worker's lines did not reach the window: {o:?}"));
        }
        if !o.verbose {
            return Err(format!("the check item did not toggle: {o:?}"));
        }
        Ok(o)
    });
    match result {
        Ok(o) => {
            println!("tray_with_window: ok ({} worker lines shown)\n1 passed, 0 failed", o.lines_shown);
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            println!("tray_with_window: FAILED {e}\n0 passed, 1 failed");
            std::process::ExitCode::FAILURE
        }
    }
}
