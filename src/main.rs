//! The `zerotier_desktop_ui` executable; the app itself is the library.

#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    zerotier_desktop_ui::main()
}
