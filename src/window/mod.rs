//! The Networks / Peers / This node window: `model` derives what it shows
//! from the service's state (no FFI, unit-tested); `view` builds the
//! controls and only shows what the model returns.

pub mod model;
mod tables;
mod view;

pub use view::{answered, close, is_open, probe, show, update, Hooks};
