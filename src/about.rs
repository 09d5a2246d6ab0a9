//! The About window: what this app is, what it was built for, which service
//! it talks to, and under which licence.

use std::cell::RefCell;

use zt_libui::{Button, Control, Label, Ui, UiBox, Window};

thread_local! {
    static OPEN: RefCell<Option<Window>> = const { RefCell::new(None) };
}

/// The lines the window shows (kept apart from the window for tests).
pub fn lines(service_version: Option<&str>) -> Vec<String> {
    vec![
        format!("ZeroTier Desktop UI {}", env!("CARGO_PKG_VERSION")),
        format!("Built for {}", env!("ZT_BUILD_TARGET")),
        match service_version {
            Some(v) => format!("ZeroTier One {v}"),
            None => "ZeroTier One: not reachable".to_string(),
        },
        format!("Licence: {}", env!("CARGO_PKG_LICENSE")),
        "A tray front end for the local ZeroTier One service.".to_string(),
    ]
}

/// Opens the window, or brings back the open one.
pub fn show(ui: &Ui, service_version: Option<&str>) -> Result<(), zt_libui::Error> {
    if let Some(open) = OPEN.with(|o| o.borrow().clone()).filter(|w| w.is_alive()) {
        open.show();
        return Ok(());
    }
    let window = Window::new(ui, "About ZeroTier Desktop UI", 360, 160, false);
    let column = UiBox::vertical();
    column.set_padded(true);
    for line in lines(service_version) {
        column.append(&Label::new(&line), false)?;
    }
    let row = UiBox::horizontal();
    let close = Button::new("Close");
    row.append(&Label::new(""), true)?;
    row.append(&close, false)?;
    column.append(&row, false)?;
    window.set_child(&column)?;
    window.set_margined(true);
    let w = window.clone();
    close.on_clicked(move |_| w.destroy());
    window.show();
    OPEN.with(|o| *o.borrow_mut() = Some(window));
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_version_target_service_and_licence() {
        let text = super::lines(Some("1.14.2")).join("\n");
        assert!(text.contains(env!("CARGO_PKG_VERSION")) && text.contains("ZeroTier One 1.14.2"), "{text}");
        assert!(text.contains("Built for ") && text.contains("MPL-2.0"), "{text}");
        assert!(super::lines(None).join("\n").contains("not reachable"));
    }
}
