//! The controls that live inside windows.

use std::ffi::c_int;

use zt_libui_sys as sys;

use crate::node::{c_text, event_trampoline, take_text, Handler, Node};
use crate::Ui;

macro_rules! control {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name($crate::node::Local<std::rc::Rc<$crate::node::Node>>, std::marker::PhantomData<*const ()>);

        impl $name {
            fn wrap(node: std::rc::Rc<$crate::node::Node>) -> Self {
                $name($crate::node::Local(node), std::marker::PhantomData)
            }
        }

        impl $crate::Control for $name {
            fn node(&self) -> &std::rc::Rc<$crate::node::Node> {
                &self.0
            }
        }

    };
}
// The containers (containers.rs) and the other controls are declared the same way.
pub(crate) use control;

control!(
    /// A push button.
    Button
);
control!(
    /// Static text.
    Label
);
control!(
    /// A one-line text field.
    Entry
);
control!(
    /// A check box with its label.
    Checkbox
);
control!(
    /// A text area of many lines (`uiMultilineEntry`).
    MultilineEntry
);

impl Button {
    pub fn new(_ui: &Ui, text: &str) -> Button {
        // SAFETY: the text outlives the call; the library copies it.
        Button::wrap(Node::new(unsafe { sys::uiNewButton(c_text(text).as_ptr()) }.cast(), false))
    }

    pub fn text(&self) -> String {
        // SAFETY: alive button; the text is freed by take_text.
        self.0.ptr().map_or_else(String::new, |b| take_text(unsafe { sys::uiButtonText(b) }))
    }

    pub fn set_text(&self, text: &str) {
        if let Some(b) = self.0.ptr() {
            // SAFETY: alive button.
            unsafe { sys::uiButtonSetText(b, c_text(text).as_ptr()) }
        }
    }

    /// Replaces the click handler.
    pub fn on_clicked(&self, f: impl FnMut(&Button) + 'static) {
        let Some(b) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "clicked", Button::wrap, f);
        // SAFETY: data lives with the node (see Node::keep).
        unsafe { sys::uiButtonOnClicked(b, Some(button_clicked), data) }
    }
}

event_trampoline!(button_clicked, sys::uiButton, Button);

impl Label {
    pub fn new(_ui: &Ui, text: &str) -> Label {
        // SAFETY: the library copies the text.
        Label::wrap(Node::new(unsafe { sys::uiNewLabel(c_text(text).as_ptr()) }.cast(), false))
    }

    pub fn text(&self) -> String {
        // SAFETY: alive label.
        self.0.ptr().map_or_else(String::new, |l| take_text(unsafe { sys::uiLabelText(l) }))
    }

    pub fn set_text(&self, text: &str) {
        if let Some(l) = self.0.ptr() {
            // SAFETY: alive label.
            unsafe { sys::uiLabelSetText(l, c_text(text).as_ptr()) }
        }
    }
}

impl Entry {
    pub fn new(_ui: &Ui) -> Entry {
        // SAFETY: plain constructor.
        Entry::wrap(Node::new(unsafe { sys::uiNewEntry() }.cast(), false))
    }

    /// An entry for search text: GTK's search field (Windows has none: a plain entry).
    pub fn search(_ui: &Ui) -> Entry {
        // SAFETY: plain constructor.
        Entry::wrap(Node::new(unsafe { sys::uiNewSearchEntry() }.cast(), false))
    }

    /// An entry that hides what is typed.
    pub fn password(_ui: &Ui) -> Entry {
        // SAFETY: plain constructor.
        Entry::wrap(Node::new(unsafe { sys::uiNewPasswordEntry() }.cast(), false))
    }

    pub fn text(&self) -> String {
        // SAFETY: alive entry.
        self.0.ptr().map_or_else(String::new, |e| take_text(unsafe { sys::uiEntryText(e) }))
    }

    /// Sets the text (does not fire `on_changed`, as in libui-ng).
    pub fn set_text(&self, text: &str) {
        if let Some(e) = self.0.ptr() {
            // SAFETY: alive entry.
            unsafe { sys::uiEntrySetText(e, c_text(text).as_ptr()) }
        }
    }

    pub fn read_only(&self) -> bool {
        // SAFETY: alive entry.
        self.0.ptr().is_some_and(|e| unsafe { sys::uiEntryReadOnly(e) } != 0)
    }

    pub fn set_read_only(&self, read_only: bool) {
        if let Some(e) = self.0.ptr() {
            // SAFETY: alive entry.
            unsafe { sys::uiEntrySetReadOnly(e, c_int::from(read_only)) }
        }
    }

    /// Replaces the handler called when the user changes the text.
    pub fn on_changed(&self, f: impl FnMut(&Entry) + 'static) {
        let Some(e) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "changed", Entry::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiEntryOnChanged(e, Some(entry_changed), data) }
    }
}

impl Entry {
    /// Replaces the handler called when the user presses Enter in the entry
    /// (an addition of this toolkit; libui-ng has none).
    pub fn on_activated(&self, f: impl FnMut(&Entry) + 'static) {
        let Some(e) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "activated", Entry::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uixEntryOnActivated(e, Some(entry_activated), data) }
    }
}

event_trampoline!(entry_activated, sys::uiEntry, Entry);

event_trampoline!(entry_changed, sys::uiEntry, Entry);

impl Checkbox {
    pub fn new(_ui: &Ui, text: &str) -> Checkbox {
        // SAFETY: the library copies the text.
        Checkbox::wrap(Node::new(unsafe { sys::uiNewCheckbox(c_text(text).as_ptr()) }.cast(), false))
    }

    pub fn text(&self) -> String {
        // SAFETY: alive checkbox.
        self.0.ptr().map_or_else(String::new, |c| take_text(unsafe { sys::uiCheckboxText(c) }))
    }

    pub fn set_text(&self, text: &str) {
        if let Some(c) = self.0.ptr() {
            // SAFETY: alive checkbox.
            unsafe { sys::uiCheckboxSetText(c, c_text(text).as_ptr()) }
        }
    }

    pub fn checked(&self) -> bool {
        // SAFETY: alive checkbox.
        self.0.ptr().is_some_and(|c| unsafe { sys::uiCheckboxChecked(c) } != 0)
    }

    /// Sets the state (does not fire `on_toggled`, as in libui-ng).
    pub fn set_checked(&self, checked: bool) {
        if let Some(c) = self.0.ptr() {
            // SAFETY: alive checkbox.
            unsafe { sys::uiCheckboxSetChecked(c, c_int::from(checked)) }
        }
    }

    /// Replaces the handler called when the user toggles it.
    pub fn on_toggled(&self, f: impl FnMut(&Checkbox) + 'static) {
        let Some(c) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "toggled", Checkbox::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiCheckboxOnToggled(c, Some(checkbox_toggled), data) }
    }
}

event_trampoline!(checkbox_toggled, sys::uiCheckbox, Checkbox);

impl MultilineEntry {
    /// Long lines wrap at the edge.
    pub fn new(_ui: &Ui) -> MultilineEntry {
        // SAFETY: plain constructor on the UI thread.
        MultilineEntry::wrap(Node::new(unsafe { sys::uiNewMultilineEntry() }.cast(), false))
    }

    /// Long lines scroll sideways instead of wrapping.
    pub fn non_wrapping(_ui: &Ui) -> MultilineEntry {
        // SAFETY: as above.
        MultilineEntry::wrap(Node::new(unsafe { sys::uiNewNonWrappingMultilineEntry() }.cast(), false))
    }

    pub fn text(&self) -> String {
        // SAFETY: alive entry; the text is freed by take_text.
        self.0.ptr().map_or_else(String::new, |e| take_text(unsafe { sys::uiMultilineEntryText(e) }))
    }

    /// Replaces the text (does not fire `on_changed`, as in libui-ng).
    pub fn set_text(&self, text: &str) {
        if let Some(e) = self.0.ptr() {
            // SAFETY: alive entry; the library copies the text.
            unsafe { sys::uiMultilineEntrySetText(e, c_text(text).as_ptr()) }
        }
    }

    /// Adds `text` at the end (does not fire `on_changed`).
    pub fn append(&self, text: &str) {
        if let Some(e) = self.0.ptr() {
            // SAFETY: as above.
            unsafe { sys::uiMultilineEntryAppend(e, c_text(text).as_ptr()) }
        }
    }

    pub fn read_only(&self) -> bool {
        // SAFETY: alive entry.
        self.0.ptr().is_some_and(|e| unsafe { sys::uiMultilineEntryReadOnly(e) } != 0)
    }

    pub fn set_read_only(&self, read_only: bool) {
        if let Some(e) = self.0.ptr() {
            // SAFETY: alive entry.
            unsafe { sys::uiMultilineEntrySetReadOnly(e, c_int::from(read_only)) }
        }
    }

    /// Replaces the handler called when the user changes the text.
    pub fn on_changed(&self, f: impl FnMut(&MultilineEntry) + 'static) {
        let Some(e) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "changed", MultilineEntry::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiMultilineEntryOnChanged(e, Some(multiline_changed), data) }
    }
}

event_trampoline!(multiline_changed, sys::uiMultilineEntry, MultilineEntry);
