use crate::Icon;

/// One line of a tray menu.  `A` is the application's own action type: a
/// chosen entry hands a clone of its action to the tray's event handler, so
/// the menu is plain data that can be built, compared and tested anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuItem<A> {
    Separator,
    Entry(Entry<A>),
}

/// A labelled entry; build it with [`MenuItem::action`] and friends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<A> {
    pub text: String,
    pub enabled: bool,
    /// `Some` makes a check item in that state.
    pub checked: Option<bool>,
    /// What choosing it sends to the handler; `None` for labels and submenus.
    pub action: Option<A>,
    pub submenu: Vec<MenuItem<A>>,
    /// A radio item (marked when `checked` is `Some(true)`); see [`MenuItem::radio`].
    pub radio: bool,
    /// An icon before the label; pixels only (see [`MenuItem::icon`]).
    pub icon: Option<Icon>,
    /// A key combination shown beside the label (see [`MenuItem::accelerator`]).
    pub accelerator: Option<String>,
}

impl<A> MenuItem<A> {
    /// An entry that sends `action` to the tray's event handler when chosen.
    pub fn action(text: impl Into<String>, action: A) -> Self {
        MenuItem::Entry(Entry { action: Some(action), ..Entry::plain(text.into()) })
    }

    /// An entry that does nothing when chosen (a status line); often `.disabled()`.
    pub fn label(text: impl Into<String>) -> Self {
        MenuItem::Entry(Entry::plain(text.into()))
    }

    /// An entry that opens `items`.
    pub fn submenu(text: impl Into<String>, items: Vec<MenuItem<A>>) -> Self {
        MenuItem::Entry(Entry { submenu: items, ..Entry::plain(text.into()) })
    }

    pub fn separator() -> Self {
        MenuItem::Separator
    }

    /// Greys the entry out (no effect on a separator).
    pub fn disabled(self) -> Self {
        self.enabled(false)
    }

    /// Sets whether the entry can be chosen (no effect on a separator).
    pub fn enabled(mut self, enabled: bool) -> Self {
        if let MenuItem::Entry(e) = &mut self {
            e.enabled = enabled;
        }
        self
    }

    /// Makes the entry a check item in the given state.  A click does not
    /// toggle it: the handler shows the new state with `set_menu` (see the
    /// crate docs' "Check items").
    pub fn checked(mut self, checked: bool) -> Self {
        if let MenuItem::Entry(e) = &mut self {
            e.checked = Some(checked);
        }
        self
    }

    /// Makes the entry a radio item, marked when `selected`.  The tray does
    /// not move the mark by itself: the handler sets the new state with
    /// `set_menu`, keeping one entry of a group selected.  Linux: dbusmenu
    /// `toggle-type` radio; Windows: `MFT_RADIOCHECK`.
    pub fn radio(mut self, selected: bool) -> Self {
        if let MenuItem::Entry(e) = &mut self {
            e.checked = Some(selected);
            e.radio = true;
        }
        self
    }

    /// Shows `icon` before the label (no effect on a separator).  The icon
    /// must be made of pixels ([`Icon::from_rgba`] or [`Icon::from_sizes`]);
    /// showing a menu with a file icon fails with [`Error::Icon`](crate::Error::Icon).
    /// Windows draws the size nearest the small-icon size, Linux sends the
    /// one nearest 16 pixels to the panel (the XEmbed fallback draws it at
    /// 16 pixels, except on check and radio items, which show their mark).
    pub fn icon(mut self, icon: Icon) -> Self {
        if let MenuItem::Entry(e) = &mut self {
            e.icon = Some(icon);
        }
        self
    }

    /// Shows a key combination such as `"Ctrl+Q"` beside the label (no effect
    /// on a separator; ignored on a submenu entry).  Modifiers `Ctrl`, `Alt`,
    /// `Shift` and `Super` (or `Win`), in any case, joined by `+`, then one
    /// key: a letter, a digit, punctuation such as `,` or `.`, `F1`..`F24`,
    /// or a named key (`Enter`, `Tab`, `Space`, `Delete`, `Home`, `PageUp`,
    /// `Up`, `Escape`, `Plus`, ...; `tray.h` lists them).  Text the C library
    /// does not understand makes showing the menu fail with
    /// [`Error::Accelerator`](crate::Error::Accelerator).
    ///
    /// The tray only shows it: a tray menu is not open while the user types,
    /// so the program binds the keys itself where it wants them (for example
    /// in its window).  Windows writes it after a tab in the item
    /// ("Quit\tCtrl+Q"), Linux sends it as dbusmenu `shortcut`, and the
    /// XEmbed fallback's GTK menu shows it as an accelerator label.
    pub fn accelerator(mut self, keys: impl Into<String>) -> Self {
        if let MenuItem::Entry(e) = &mut self {
            e.accelerator = Some(keys.into());
        }
        self
    }

    /// The entry's fields, `None` for a separator.
    pub fn entry(&self) -> Option<&Entry<A>> {
        match self {
            MenuItem::Entry(e) => Some(e),
            MenuItem::Separator => None,
        }
    }
}

impl<A> Entry<A> {
    fn plain(text: String) -> Self {
        Entry {
            text,
            enabled: true,
            checked: None,
            action: None,
            submenu: Vec::new(),
            radio: false,
            icon: None,
            accelerator: None,
        }
    }
}

/// What the tray reports to its event handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<A> {
    /// A menu entry was chosen; its action.
    Menu(A),
    /// The icon itself was clicked with the left button (Windows: also Enter
    /// or Space on the focused icon; Linux: the panel's Activate).
    IconClicked,
    /// The icon was clicked with the middle button (Linux: the panel's
    /// SecondaryActivate, where the panel sends it).
    MiddleClicked,
    /// The mouse wheel turned over the icon: `delta` as the panel reports it
    /// (often 120 or 1 per notch), `horizontal` for a sideways wheel.  Linux
    /// only: Windows does not pass the wheel to notification-area icons.
    Scrolled { delta: i32, horizontal: bool },
}
