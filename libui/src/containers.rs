//! The container controls: boxes (`uiBox`), tabs (`uiTab`), forms (`uiForm`), grids (`uiGrid`) and titled groups
//! (`uiGroup`).  Like a box,
//! each owns what is put into it: a child is destroyed with its container, and one taken out
//! again is destroyed once no handle to it remains.
//!
//! ```no_run
//! use zt_libui::{Align, Control, Entry, Form, Grid, Label, Placement, Tab, Ui, Window};
//!
//! let ui = Ui::init()?;
//! let window = Window::new(&ui, "Settings", 400, 300, false);
//! let tabs = Tab::new(&ui);
//! let form = Form::new(&ui);
//! form.append("Name", &Entry::new(&ui), false)?;
//! form.append("Search", &Entry::search(&ui), false)?;
//! tabs.append("General", &form)?;
//! let grid = Grid::new(&ui);
//! let wide = Placement { hexpand: true, ..Placement::default() };
//! grid.append(&Label::new(&ui, "left"), 0, 0, 1, 1, Placement::default())?;
//! grid.append(&Label::new(&ui, "fills the rest"), 1, 0, 1, 1, wide)?;
//! grid.append(&Label::new(&ui, "centred below both"), 0, 1, 2, 1, Placement { halign: Align::Center, ..wide })?;
//! tabs.append("Layout", &grid)?;
//! tabs.set_margined(0, true)?;
//! tabs.on_selected(|t| println!("page {:?}", t.selected()));
//! window.set_child(&tabs)?;
//! window.show();
//! # Ok::<(), zt_libui::Error>(())
//! ```

use std::ffi::c_int;

use zt_libui_sys as sys;

use crate::controls::control;
use crate::node::{c_text, event_trampoline, take_text, Handler, Node};
use crate::Ui;
use crate::{check_adopt, Control, Error};

control!(
    /// A row or column of controls (`uiBox`).
    UiBox
);
control!(
    /// Pages of controls, one shown at a time, chosen by named tabs (`uiTab`).
    Tab
);
control!(
    /// Rows of a label beside a control (`uiForm`).
    Form
);
control!(
    /// Controls placed in the cells of rows and columns (`uiGrid`).
    Grid
);
control!(
    /// One control under a title, framed where the platform frames groups (`uiGroup`).
    Group
);

/// How a grid child sits in its cells (`uiAlign`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Fills the cells.
    #[default]
    Fill,
    Start,
    Center,
    End,
}

/// Where [`Grid::insert_at`] puts a child relative to an existing one (`uiAt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// Left of it.
    Leading,
    Top,
    /// Right of it.
    Trailing,
    Bottom,
}

/// Expansion and alignment of a grid child; the default neither expands nor aligns (fills).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Placement {
    /// Its columns share the width left over.
    pub hexpand: bool,
    pub halign: Align,
    /// Its rows share the height left over.
    pub vexpand: bool,
    pub valign: Align,
}

impl Align {
    fn raw(self) -> sys::uiAlign {
        match self {
            Align::Fill => sys::uiAlignFill,
            Align::Start => sys::uiAlignStart,
            Align::Center => sys::uiAlignCenter,
            Align::End => sys::uiAlignEnd,
        }
    }
}

impl At {
    fn raw(self) -> sys::uiAt {
        match self {
            At::Leading => sys::uiAtLeading,
            At::Top => sys::uiAtTop,
            At::Trailing => sys::uiAtTrailing,
            At::Bottom => sys::uiAtBottom,
        }
    }
}

/// An index as C's int, if it is below `bound` (inclusive when `inclusive`).
fn index_in(index: usize, bound: usize, inclusive: bool) -> Result<c_int, Error> {
    let ok = if inclusive { index <= bound } else { index < bound };
    c_int::try_from(index).ok().filter(|_| ok).ok_or(Error::OutOfRange)
}

/// The live C container and `index` as C's int, if `index` is below `len`.
fn item<T>(node: &Node, index: usize, len: usize) -> Result<(*mut T, c_int), Error> {
    Ok((node.ptr().ok_or(Error::Destroyed)?, index_in(index, len, false)?))
}

/// Takes child `index` out with C's `delete` and forgets it.
fn delete_child<T>(
    node: &Node,
    index: usize,
    len: usize,
    delete: unsafe extern "C" fn(*mut T, c_int),
) -> Result<(), Error> {
    let (p, i) = item(node, index, len)?;
    let gone = node.child_at(index);
    // SAFETY: alive container, index in range.
    unsafe { delete(p, i) };
    node.release(gone);
    Ok(())
}

/// C's child count, 0 once destroyed.
fn count<T>(node: &Node, num: unsafe extern "C" fn(*mut T) -> c_int) -> usize {
    // SAFETY: alive container.
    node.ptr().map_or(0, |p| unsafe { num(p) }.max(0) as usize)
}

/// Spans as C's ints: at least 1 each.
fn spans(xspan: usize, yspan: usize) -> Result<(c_int, c_int), Error> {
    match (c_int::try_from(xspan), c_int::try_from(yspan)) {
        (Ok(x), Ok(y)) if x >= 1 && y >= 1 => Ok((x, y)),
        _ => Err(Error::OutOfRange),
    }
}

impl UiBox {
    /// Children side by side.
    pub fn horizontal(_ui: &Ui) -> UiBox {
        // SAFETY: plain constructor on the UI thread.
        UiBox::wrap(Node::new(unsafe { sys::uiNewHorizontalBox() }.cast(), false))
    }

    /// Children one above the other.
    pub fn vertical(_ui: &Ui) -> UiBox {
        // SAFETY: as above.
        UiBox::wrap(Node::new(unsafe { sys::uiNewVerticalBox() }.cast(), false))
    }

    /// Adds `child` at the end; a `stretchy` child shares the spare space.
    pub fn append(&self, child: &dyn Control, stretchy: bool) -> Result<(), Error> {
        let c = check_adopt(&self.0, child)?;
        let b = self.0.ptr::<sys::uiBox>().ok_or(Error::Destroyed)?;
        // SAFETY: both alive, child free, no cycle (checked above).
        unsafe { sys::uiBoxAppend(b, c, c_int::from(stretchy)) };
        self.0.adopt(child.node());
        Ok(())
    }

    pub fn len(&self) -> usize {
        // SAFETY: alive box.
        self.0.ptr().map_or(0, |b| unsafe { sys::uiBoxNumChildren(b) }.max(0) as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes the child at `index` out (it is destroyed if nothing else holds
    /// it); [`Error::OutOfRange`] if there is none.
    pub fn delete(&self, index: usize) -> Result<(), Error> {
        delete_child(&self.0, index, self.len(), sys::uiBoxDelete)
    }

    pub fn padded(&self) -> bool {
        // SAFETY: alive box.
        self.0.ptr().is_some_and(|b| unsafe { sys::uiBoxPadded(b) } != 0)
    }

    pub fn set_padded(&self, padded: bool) {
        if let Some(b) = self.0.ptr() {
            // SAFETY: alive box.
            unsafe { sys::uiBoxSetPadded(b, c_int::from(padded)) }
        }
    }
}

impl Tab {
    pub fn new(_ui: &Ui) -> Tab {
        // SAFETY: plain constructor on the UI thread.
        Tab::wrap(Node::new(unsafe { sys::uiNewTab() }.cast(), false))
    }

    /// Adds a page named `name` holding `child` at the end.
    pub fn append(&self, name: &str, child: &dyn Control) -> Result<(), Error> {
        self.insert_at(name, self.len(), child)
    }

    /// Inserts a page before `index` (`len()` appends); the selected page stays selected.
    pub fn insert_at(&self, name: &str, index: usize, child: &dyn Control) -> Result<(), Error> {
        let c = check_adopt(&self.0, child)?;
        let t = self.0.ptr::<sys::uiTab>().ok_or(Error::Destroyed)?;
        let i = index_in(index, self.len(), true)?;
        // SAFETY: both alive, child free, no cycle, index in range (checked above).
        unsafe { sys::uiTabInsertAt(t, c_text(name).as_ptr(), i, c) };
        self.0.adopt(child.node());
        Ok(())
    }

    /// Takes the page at `index` out (its control is destroyed if nothing else holds it); [`Error::OutOfRange`]
    /// if there is none.
    pub fn delete(&self, index: usize) -> Result<(), Error> {
        delete_child(&self.0, index, self.len(), sys::uiTabDelete)
    }

    pub fn len(&self) -> usize {
        count(&self.0, sys::uiTabNumPages)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The selected page, if there is one.
    pub fn selected(&self) -> Option<usize> {
        // SAFETY: alive tab.
        let i = self.0.ptr().map_or(-1, |t| unsafe { sys::uiTabSelected(t) });
        usize::try_from(i).ok()
    }

    /// Shows the page at `index` (does not fire `on_selected`, as for the other controls); [`Error::OutOfRange`]
    /// if there is none.
    pub fn set_selected(&self, index: usize) -> Result<(), Error> {
        let (t, i) = item(&self.0, index, self.len())?;
        // SAFETY: alive tab, index in range.
        unsafe { sys::uiTabSetSelected(t, i) };
        Ok(())
    }

    /// Whether the page at `index` has a margin; [`Error::OutOfRange`] if there is no such page.
    pub fn margined(&self, index: usize) -> bool {
        // SAFETY: alive tab, index in range.
        item(&self.0, index, self.len()).is_ok_and(|(t, i)| unsafe { sys::uiTabMargined(t, i) } != 0)
    }

    /// Turns the margin of the page at `index` on or off; [`Error::OutOfRange`] if there is no such page.
    pub fn set_margined(&self, index: usize, margined: bool) -> Result<(), Error> {
        let (t, i) = item(&self.0, index, self.len())?;
        // SAFETY: alive tab, index in range.
        unsafe { sys::uiTabSetMargined(t, i, c_int::from(margined)) };
        Ok(())
    }

    /// Replaces the handler called when the user selects another page.
    pub fn on_selected(&self, f: impl FnMut(&Tab) + 'static) {
        let Some(t) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "selected", Tab::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiTabOnSelected(t, Some(tab_selected), data) }
    }
}

event_trampoline!(tab_selected, sys::uiTab, Tab);

impl Form {
    pub fn new(_ui: &Ui) -> Form {
        // SAFETY: plain constructor on the UI thread.
        Form::wrap(Node::new(unsafe { sys::uiNewForm() }.cast(), false))
    }

    /// Adds a row: `label` beside `child`; `stretchy` rows share the height left over.
    pub fn append(&self, label: &str, child: &dyn Control, stretchy: bool) -> Result<(), Error> {
        let c = check_adopt(&self.0, child)?;
        let f = self.0.ptr::<sys::uiForm>().ok_or(Error::Destroyed)?;
        // SAFETY: both alive, child free, no cycle (checked above).
        unsafe { sys::uiFormAppend(f, c_text(label).as_ptr(), c, c_int::from(stretchy)) };
        self.0.adopt(child.node());
        Ok(())
    }

    /// Takes the row at `index` out (its control is destroyed if nothing else holds it); [`Error::OutOfRange`]
    /// if there is none.
    pub fn delete(&self, index: usize) -> Result<(), Error> {
        delete_child(&self.0, index, self.len(), sys::uiFormDelete)
    }

    pub fn len(&self) -> usize {
        count(&self.0, sys::uiFormNumChildren)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn padded(&self) -> bool {
        // SAFETY: alive form.
        self.0.ptr().is_some_and(|f| unsafe { sys::uiFormPadded(f) } != 0)
    }

    pub fn set_padded(&self, padded: bool) {
        if let Some(f) = self.0.ptr() {
            // SAFETY: alive form.
            unsafe { sys::uiFormSetPadded(f, c_int::from(padded)) }
        }
    }
}

impl Grid {
    pub fn new(_ui: &Ui) -> Grid {
        // SAFETY: plain constructor on the UI thread.
        Grid::wrap(Node::new(unsafe { sys::uiNewGrid() }.cast(), false))
    }

    /// Puts `child` in the cells from column `left`, row `top`, over `xspan` columns and `yspan`
    /// rows (each at least 1, else [`Error::OutOfRange`]).
    pub fn append(
        &self,
        child: &dyn Control,
        left: i32,
        top: i32,
        xspan: usize,
        yspan: usize,
        how: Placement,
    ) -> Result<(), Error> {
        let c = check_adopt(&self.0, child)?;
        let g = self.0.ptr::<sys::uiGrid>().ok_or(Error::Destroyed)?;
        let (x, y) = spans(xspan, yspan)?;
        // SAFETY: both alive, child free, no cycle, spans valid, alignments from the enum.
        unsafe {
            sys::uiGridAppend(
                g,
                c,
                left,
                top,
                x,
                y,
                c_int::from(how.hexpand),
                how.halign.raw(),
                c_int::from(how.vexpand),
                how.valign.raw(),
            )
        };
        self.0.adopt(child.node());
        Ok(())
    }

    /// Puts `child` next to `existing` (a child of this grid, else [`Error::NotAChild`]).
    pub fn insert_at(
        &self,
        child: &dyn Control,
        existing: &dyn Control,
        at: At,
        xspan: usize,
        yspan: usize,
        how: Placement,
    ) -> Result<(), Error> {
        let c = check_adopt(&self.0, child)?;
        let g = self.0.ptr::<sys::uiGrid>().ok_or(Error::Destroyed)?;
        let (x, y) = spans(xspan, yspan)?;
        let e = existing.node().ptr::<sys::uiControl>().ok_or(Error::Destroyed)?;
        if !self.0.is_parent_of(existing.node()) {
            return Err(Error::NotAChild);
        }
        // SAFETY: as in append; existing is a live child of this grid.
        unsafe {
            sys::uiGridInsertAt(
                g,
                c,
                e,
                at.raw(),
                x,
                y,
                c_int::from(how.hexpand),
                how.halign.raw(),
                c_int::from(how.vexpand),
                how.valign.raw(),
            )
        };
        self.0.adopt(child.node());
        Ok(())
    }

    pub fn padded(&self) -> bool {
        // SAFETY: alive grid.
        self.0.ptr().is_some_and(|g| unsafe { sys::uiGridPadded(g) } != 0)
    }

    pub fn set_padded(&self, padded: bool) {
        if let Some(g) = self.0.ptr() {
            // SAFETY: alive grid.
            unsafe { sys::uiGridSetPadded(g, c_int::from(padded)) }
        }
    }
}

impl Group {
    pub fn new(_ui: &Ui, title: &str) -> Group {
        // SAFETY: the library copies the title.
        Group::wrap(Node::new(unsafe { sys::uiNewGroup(c_text(title).as_ptr()) }.cast(), false))
    }

    pub fn title(&self) -> String {
        // SAFETY: alive group; the text is freed by take_text.
        self.0.ptr().map_or_else(String::new, |g| take_text(unsafe { sys::uiGroupTitle(g) }))
    }

    pub fn set_title(&self, title: &str) {
        if let Some(g) = self.0.ptr() {
            // SAFETY: alive group.
            unsafe { sys::uiGroupSetTitle(g, c_text(title).as_ptr()) }
        }
    }

    /// Puts `child` in the group; a previous child is destroyed unless something else still
    /// holds it.
    pub fn set_child(&self, child: &dyn Control) -> Result<(), Error> {
        let c = check_adopt(&self.0, child)?;
        let g = self.0.ptr::<sys::uiGroup>().ok_or(Error::Destroyed)?;
        let old = self.0.child_at(0);
        // SAFETY: both alive, child free, no cycle.
        unsafe { sys::uiGroupSetChild(g, c) };
        self.0.release(old);
        self.0.adopt(child.node());
        Ok(())
    }

    /// Whether there is a margin around the child.
    pub fn margined(&self) -> bool {
        // SAFETY: alive group.
        self.0.ptr().is_some_and(|g| unsafe { sys::uiGroupMargined(g) } != 0)
    }

    pub fn set_margined(&self, margined: bool) {
        if let Some(g) = self.0.ptr() {
            // SAFETY: alive group.
            unsafe { sys::uiGroupSetMargined(g, c_int::from(margined)) }
        }
    }
}
