//! The "Join network" window.

use std::cell::RefCell;

use zt_libui::{Button, Control, Entry, Label, Ui, UiBox, Window};

thread_local! {
    /// The open window, if any: a second "Join network…" raises nothing new.
    static OPEN: RefCell<Option<Window>> = const { RefCell::new(None) };
}

/// Opens the window.  `submit` gets the typed text; an `Err` is shown under
/// the entry and the window stays open, `Ok` closes it.
pub fn show(ui: &Ui, submit: impl FnMut(&str) -> Result<(), String> + 'static) -> Result<(), zt_libui::Error> {
    if OPEN.with(|o| o.borrow().as_ref().is_some_and(|w| w.is_alive())) {
        return Ok(());
    }
    let window = Window::new(ui, "Join a ZeroTier network", 360, 140, false);
    let column = UiBox::vertical();
    column.set_padded(true);
    let entry = Entry::new();
    let error = Label::new("");
    let buttons = UiBox::horizontal();
    buttons.set_padded(true);
    let join = Button::new("Join");
    let cancel = Button::new("Cancel");
    buttons.append(&Label::new(""), true)?;
    buttons.append(&cancel, false)?;
    buttons.append(&join, false)?;
    column.append(&Label::new("Network ID (16 hexadecimal digits):"), false)?;
    column.append(&entry, false)?;
    column.append(&error, true)?;
    column.append(&buttons, false)?;
    window.set_child(&column)?;
    window.set_margined(true);

    let submit = RefCell::new(submit);
    let (w, e) = (window.clone(), entry.clone());
    join.on_clicked(move |_| match (submit.borrow_mut())(&e.text()) {
        Ok(()) => w.destroy(),
        Err(why) => error.set_text(&why),
    });
    let w = window.clone();
    cancel.on_clicked(move |_| w.destroy());
    window.show();
    OPEN.with(|o| *o.borrow_mut() = Some(window));
    Ok(())
}
