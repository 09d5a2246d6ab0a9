//! ZeroTier Desktop UI: a system-tray front end for the local ZeroTier One service.

#![cfg_attr(windows, windows_subsystem = "windows")]

mod icon;
#[allow(dead_code)]
mod model;
#[allow(dead_code)]
mod service;

fn main() {
    let _ = icon::render(16, icon::Look::Online);
}
