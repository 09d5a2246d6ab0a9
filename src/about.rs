//! The About window: what this app is, what it was built for, which service
//! it talks to, and under which licence.

use std::cell::RefCell;

use zt_libui::{Button, Control, Label, Ui, UiBox, Window};

thread_local! {
    static OPEN: RefCell<Option<Window>> = const { RefCell::new(None) };
}

/// Where the source code of this build is, as set when it was built (`ZT_SOURCE_URL` or the
/// package's `repository`); `None` when the builder set neither.
pub fn source_url() -> Option<&'static str> {
    Some(env!("ZT_SOURCE_URL")).filter(|u| !u.is_empty())
}

/// Where the source is, in words.
pub fn source_line(source: Option<&str>) -> String {
    match source {
        Some(url) => format!("Source code: {url}"),
        // MPL-2.0 asks that users learn where the source is; say who can tell them.
        None => "Source code: ask whoever gave you this build (none was named when it was built)".to_string(),
    }
}

/// The lines the window shows (kept apart from the window for tests).
pub fn lines(service_version: Option<&str>, source: Option<&str>) -> Vec<String> {
    vec![
        format!("ZeroTier Desktop UI {}", env!("CARGO_PKG_VERSION")),
        format!("Built for {}", env!("ZT_BUILD_TARGET")),
        match service_version {
            Some(v) => format!("ZeroTier One {v}"),
            None => "ZeroTier One: not reachable".to_string(),
        },
        format!("Licence: {}", env!("CARGO_PKG_LICENSE")),
        source_line(source),
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
    let column = UiBox::vertical(ui);
    column.set_padded(true);
    for line in lines(service_version, source_url()) {
        column.append(&Label::new(ui, &line), false)?;
    }
    let row = UiBox::horizontal(ui);
    row.append(&Label::new(ui, ""), true)?;
    if let Some(url) = source_url() {
        let open = Button::new(ui, "Open source page");
        open.on_clicked(move |_| {
            if let Err(e) = crate::platform::open_url(url) {
                log::warn!("cannot open {url}: {e}");
            }
        });
        row.append(&open, false)?;
    }
    let close = Button::new(ui, "Close");
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
        let text = super::lines(Some("1.14.2"), Some("https://example.org/src")).join("\n");
        assert!(text.contains(env!("CARGO_PKG_VERSION")) && text.contains("ZeroTier One 1.14.2"), "{text}");
        assert!(text.contains("Built for ") && text.contains("MPL-2.0"), "{text}");
        assert!(text.contains("Source code: https://example.org/src"), "{text}");
        let bare = super::lines(None, None).join("\n");
        assert!(bare.contains("not reachable") && bare.contains("ask whoever gave you this build"), "{bare}");
    }
}
