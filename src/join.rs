//! The "Join network" window: the ID is filtered as it is typed, Join (or
//! Enter) works only for a valid ID, and the window waits for the service's
//! answer, staying open with the reason when the join fails.

use std::cell::RefCell;

use zt_libui::{Button, Control, Entry, Label, Ui, UiBox, Window};

use crate::service::NetworkId;

struct Open {
    window: Window,
    entry: Entry,
    join: Button,
    message: Label,
    /// The ID sent to the service and not answered yet.
    waiting: Option<NetworkId>,
}

thread_local! {
    static OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
}

/// Opens the window (or leaves the open one).  `submit` gets a valid ID and
/// sends it; an `Err` means it could not even be sent.
pub fn show(ui: &Ui, submit: impl Fn(NetworkId) -> Result<(), String> + 'static) -> Result<(), zt_libui::Error> {
    if OPEN.with(|o| o.borrow().as_ref().is_some_and(|o| o.window.is_alive())) {
        return Ok(());
    }
    let window = Window::new(ui, "Join a ZeroTier network", 360, 140, false);
    let column = UiBox::vertical(ui);
    column.set_padded(true);
    let entry = Entry::new(ui);
    let message = Label::new(ui, "");
    let buttons = UiBox::horizontal(ui);
    buttons.set_padded(true);
    let join = Button::new(ui, "Join");
    let cancel = Button::new(ui, "Cancel");
    buttons.append(&Label::new(ui, ""), true)?;
    buttons.append(&cancel, false)?;
    buttons.append(&join, false)?;
    column.append(&Label::new(ui, "Network ID (16 hexadecimal digits):"), false)?;
    column.append(&entry, false)?;
    column.append(&message, true)?;
    column.append(&buttons, false)?;
    window.set_child(&column)?;
    window.set_margined(true);
    join.disable();

    let submit = std::rc::Rc::new(submit);
    entry.on_changed(|e| {
        let typed = e.text();
        let kept = filter_id(&typed);
        if kept != typed {
            e.set_text(&kept);
        }
        refresh_buttons();
    });
    let send = move || try_join(&*submit);
    let send2 = send.clone();
    join.on_clicked(move |_| send());
    entry.on_activated(move |_| send2());
    let w = window.clone();
    cancel.on_clicked(move |_| w.destroy());
    window.show();
    OPEN.with(|o| *o.borrow_mut() = Some(Open { window, entry, join, message, waiting: None }));
    Ok(())
}

/// What may stand in the entry: hex digits only, at most 16, lowercase.
pub fn filter_id(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_hexdigit).take(NetworkId::DIGITS).map(|c| c.to_ascii_lowercase()).collect()
}

fn refresh_buttons() {
    OPEN.with(|o| {
        if let Some(o) = o.borrow().as_ref() {
            o.join.set_enabled(o.waiting.is_none() && NetworkId::parse(&o.entry.text()).is_ok());
        }
    });
}

fn try_join(submit: &dyn Fn(NetworkId) -> Result<(), String>) {
    let Some(id) = OPEN.with(|o| o.borrow().as_ref().filter(|o| o.waiting.is_none()).map(|o| o.entry.text())) else {
        return;
    };
    let Ok(id) = NetworkId::parse(&id) else { return };
    let outcome = submit(id.clone());
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        let Some(o) = o.as_mut() else { return };
        match outcome {
            Ok(()) => {
                o.message.set_text(&format!("Joining {id}…"));
                o.waiting = Some(id);
            }
            Err(why) => o.message.set_text(&why),
        }
    });
    refresh_buttons();
}

/// The service answered the join of `id`: close on success, say why otherwise.
pub fn answered(id: &NetworkId, outcome: &Result<(), String>) {
    let close = OPEN.with(|o| {
        let mut o = o.borrow_mut();
        let Some(open) = o.as_mut().filter(|o| o.waiting.as_ref() == Some(id)) else { return false };
        open.waiting = None;
        match outcome {
            Ok(()) => true,
            Err(why) => {
                open.message.set_text(&format!("Could not join {id}. {why}"));
                false
            }
        }
    });
    if close {
        if let Some(open) = OPEN.with(|o| o.borrow_mut().take()) {
            open.window.destroy();
        }
    }
    refresh_buttons();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_keeps_hex_digits_only() {
        assert_eq!(filter_id("8056 C2E2-1c00:0001"), "8056c2e21c000001");
        assert_eq!(filter_id("xyz"), "");
        assert_eq!(filter_id(&"a".repeat(40)), "a".repeat(16));
        assert_eq!(filter_id("ﬀ١٢"), "", "non-ASCII digits are not hex");
    }
}
