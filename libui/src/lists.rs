//! Controls that offer a list of texts: drop-down lists (`uiCombobox`), drop-down lists with a text
//! field (`uiEditableCombobox`) and radio buttons (`uiRadioButtons`).  Indexes count from 0; one
//! outside the list is refused with [`Error::OutOfRange`] or `false`, never passed to C.
//!
//! ```no_run
//! use zt_libui::{Combobox, Control, RadioButtons, Ui, UiBox, Window};
//!
//! let ui = Ui::init()?;
//! let window = Window::new(&ui, "Choose", 300, 150, false);
//! let column = UiBox::vertical(&ui);
//! let route = Combobox::new(&ui);
//! for name in ["Direct", "Relayed"] {
//!     route.append(name);
//! }
//! route.set_selected(Some(0))?;
//! let family = RadioButtons::new(&ui);
//! family.append("IPv4");
//! family.append("IPv6");
//! family.on_selected(|r| println!("family {:?}", r.selected()));
//! column.append(&route, false)?;
//! column.append(&family, false)?;
//! window.set_child(&column)?;
//! window.show();
//! # Ok::<(), zt_libui::Error>(())
//! ```

use std::ffi::c_int;

use zt_libui_sys as sys;

use crate::controls::control;
use crate::node::{c_text, event_trampoline, take_text, Handler, Node};
use crate::Error;
use crate::Ui;

control!(
    /// A drop-down list of texts, one chosen at a time (`uiCombobox`).
    Combobox
);
control!(
    /// A text field with a drop-down list of suggestions (`uiEditableCombobox`).
    EditableCombobox
);
control!(
    /// A column of radio buttons, one chosen at a time (`uiRadioButtons`).
    RadioButtons
);

/// `index` as C's int if it is below `len`; `None` (no selection) as -1.
fn selection(index: Option<usize>, len: usize) -> Option<c_int> {
    match index {
        None => Some(-1),
        Some(i) if i < len => c_int::try_from(i).ok(),
        Some(_) => None,
    }
}

/// C's selection (-1 for none) as an index.
fn selected(raw: c_int) -> Option<usize> {
    usize::try_from(raw).ok()
}

impl Combobox {
    pub fn new(_ui: &Ui) -> Combobox {
        // SAFETY: plain constructor on the UI thread.
        Combobox::wrap(Node::new(unsafe { sys::uiNewCombobox() }.cast(), false))
    }

    /// Adds an item at the end.
    pub fn append(&self, text: &str) {
        if let Some(c) = self.0.ptr() {
            // SAFETY: alive combobox; the library copies the text.
            unsafe { sys::uiComboboxAppend(c, c_text(text).as_ptr()) }
        }
    }

    /// Inserts an item before `index` (`len()` appends); the chosen item stays chosen.
    pub fn insert_at(&self, index: usize, text: &str) -> Result<(), Error> {
        let c = self.0.ptr::<sys::uiCombobox>().ok_or(Error::Destroyed)?;
        let i = c_int::try_from(index).ok().filter(|_| index <= self.len()).ok_or(Error::OutOfRange)?;
        // SAFETY: alive combobox, index in 0..=len.
        unsafe { sys::uiComboboxInsertAt(c, i, c_text(text).as_ptr()) };
        Ok(())
    }

    /// Removes the item at `index`; if it was chosen, none is afterwards (libui-ng's rule).
    /// [`Error::OutOfRange`] if there is no such item.
    pub fn delete(&self, index: usize) -> Result<(), Error> {
        let c = self.0.ptr::<sys::uiCombobox>().ok_or(Error::Destroyed)?;
        let i = selection(Some(index), self.len()).ok_or(Error::OutOfRange)?;
        // SAFETY: alive combobox, index in range.
        unsafe { sys::uiComboboxDelete(c, i) };
        Ok(())
    }

    /// Removes every item.
    pub fn clear(&self) {
        if let Some(c) = self.0.ptr() {
            // SAFETY: alive combobox.
            unsafe { sys::uiComboboxClear(c) }
        }
    }

    pub fn len(&self) -> usize {
        // SAFETY: alive combobox.
        self.0.ptr().map_or(0, |c| unsafe { sys::uiComboboxNumItems(c) }.max(0) as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The chosen item, if any.
    pub fn selected(&self) -> Option<usize> {
        // SAFETY: alive combobox.
        selected(self.0.ptr().map_or(-1, |c| unsafe { sys::uiComboboxSelected(c) }))
    }

    /// Chooses the item at `index`, or none (does not fire `on_selected`, as in libui-ng); [`Error::OutOfRange`]
    /// if there is no such item.
    pub fn set_selected(&self, index: Option<usize>) -> Result<(), Error> {
        let c = self.0.ptr::<sys::uiCombobox>().ok_or(Error::Destroyed)?;
        let i = selection(index, self.len()).ok_or(Error::OutOfRange)?;
        // SAFETY: alive combobox, index in -1..len.
        unsafe { sys::uiComboboxSetSelected(c, i) };
        Ok(())
    }

    /// Replaces the handler called when the user chooses an item.
    pub fn on_selected(&self, f: impl FnMut(&Combobox) + 'static) {
        let Some(c) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "selected", Combobox::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiComboboxOnSelected(c, Some(combobox_selected), data) }
    }
}

event_trampoline!(combobox_selected, sys::uiCombobox, Combobox);

impl EditableCombobox {
    pub fn new(_ui: &Ui) -> EditableCombobox {
        // SAFETY: plain constructor on the UI thread.
        EditableCombobox::wrap(Node::new(unsafe { sys::uiNewEditableCombobox() }.cast(), false))
    }

    /// Adds a suggestion at the end of the list.
    pub fn append(&self, text: &str) {
        if let Some(c) = self.0.ptr() {
            // SAFETY: alive combobox; the library copies the text.
            unsafe { sys::uiEditableComboboxAppend(c, c_text(text).as_ptr()) }
        }
    }

    /// The text in the field, typed or chosen.
    pub fn text(&self) -> String {
        // SAFETY: alive combobox; the text is freed by take_text.
        self.0.ptr().map_or_else(String::new, |c| take_text(unsafe { sys::uiEditableComboboxText(c) }))
    }

    /// Sets the field's text (does not fire `on_changed`, as in libui-ng).
    pub fn set_text(&self, text: &str) {
        if let Some(c) = self.0.ptr() {
            // SAFETY: alive combobox.
            unsafe { sys::uiEditableComboboxSetText(c, c_text(text).as_ptr()) }
        }
    }

    /// Replaces the handler called when the user types or chooses a suggestion.
    pub fn on_changed(&self, f: impl FnMut(&EditableCombobox) + 'static) {
        let Some(c) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "changed", EditableCombobox::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiEditableComboboxOnChanged(c, Some(editable_changed), data) }
    }
}

event_trampoline!(editable_changed, sys::uiEditableCombobox, EditableCombobox);

impl RadioButtons {
    /// No buttons yet; none chosen.
    pub fn new(_ui: &Ui) -> RadioButtons {
        // SAFETY: plain constructor on the UI thread.
        RadioButtons::wrap(Node::new(unsafe { sys::uiNewRadioButtons() }.cast(), false))
    }

    /// Adds a button at the end.
    pub fn append(&self, text: &str) {
        if let Some(r) = self.0.ptr() {
            // SAFETY: alive radio buttons; the library copies the text.
            unsafe { sys::uiRadioButtonsAppend(r, c_text(text).as_ptr()) };
        }
    }

    /// How many buttons there are.
    pub fn len(&self) -> usize {
        // SAFETY: alive radio buttons.
        self.0.ptr().map_or(0, |r| unsafe { sys::uixRadioButtonsNumItems(r) }.max(0) as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The chosen button, if any.
    pub fn selected(&self) -> Option<usize> {
        // SAFETY: alive radio buttons.
        selected(self.0.ptr().map_or(-1, |r| unsafe { sys::uiRadioButtonsSelected(r) }))
    }

    /// Chooses the button at `index`, or none (does not fire `on_selected`, as in libui-ng); [`Error::OutOfRange`]
    /// if there is no such button.
    pub fn set_selected(&self, index: Option<usize>) -> Result<(), Error> {
        let r = self.0.ptr::<sys::uiRadioButtons>().ok_or(Error::Destroyed)?;
        let i = selection(index, self.len()).ok_or(Error::OutOfRange)?;
        // SAFETY: alive radio buttons, index in -1..len.
        unsafe { sys::uiRadioButtonsSetSelected(r, i) };
        Ok(())
    }

    /// Replaces the handler called when the user chooses a button.
    pub fn on_selected(&self, f: impl FnMut(&RadioButtons) + 'static) {
        let Some(r) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "selected", RadioButtons::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiRadioButtonsOnSelected(r, Some(radio_selected), data) }
    }
}

event_trampoline!(radio_selected, sys::uiRadioButtons, RadioButtons);
