//! Cases for the container controls of issue 7 (uiTab, uiForm, uiGrid) and the search entry:
//! every function, every property set and read back, the tab's selection event by the API
//! (which must not fire) and by the native control (which must), misuse, and a layout checked
//! natively against the documented rules.

use crate::{c, ctl, new_window, pump, take, CaseResult};
use std::ffi::c_void;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicUsize, Ordering};
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case {
            name: "tab_pages_selection_and_events",
            needs_display: true,
            run: tab_pages_selection_and_events,
        },
        crate::Case { name: "tab_misuse_is_ignored", needs_display: true, run: tab_misuse_is_ignored },
        crate::Case { name: "form_rows_padding_and_misuse", needs_display: true, run: form_rows_padding_and_misuse },
        crate::Case {
            name: "grid_insert_at_padding_and_misuse",
            needs_display: true,
            run: grid_insert_at_padding_and_misuse,
        },
        crate::Case { name: "search_entry_is_an_entry", needs_display: true, run: search_entry_is_an_entry },
        crate::Case { name: "containers_layout_rules", needs_display: true, run: containers_layout_rules },
        crate::Case { name: "containers_answer_which_child", needs_display: true, run: containers_answer_which_child },
    ]
}

type Rect = (i32, i32, i32, i32);

fn rect_of<T>(p: *mut T) -> Rect {
    crate::native::child_rect(unsafe { uiControlHandle(ctl(p)) })
}

fn right(r: Rect) -> i32 {
    r.0 + r.2
}

fn bottom(r: Rect) -> i32 {
    r.1 + r.3
}

/// Layout tolerance in pixels: integer division of leftover space and GTK's rounding of centred widgets.
const TOL: i32 = 2;

fn near(a: i32, b: i32) -> bool {
    (a - b).abs() <= TOL
}

static TAB_SELECTED: AtomicUsize = AtomicUsize::new(0);

extern "C" fn tab_selected(_: *mut uiTab, data: *mut c_void) {
    TAB_SELECTED.fetch_add(data as usize, Ordering::SeqCst);
}

fn tab_pages_selection_and_events() -> CaseResult {
    unsafe {
        let w = new_window("tab")?;
        let t = uiNewTab();
        check!(!t.is_null());
        check!(uiTabNumPages(t) == 0 && uiTabSelected(t) == -1, "an empty tab has a selection");
        let first = uiNewVerticalBox();
        let e1 = uiNewEntry();
        let e2 = uiNewEntry();
        uiBoxAppend(first, ctl(e1), 0);
        uiBoxAppend(first, ctl(e2), 0);
        let second = uiNewLabel(c("second page").as_ptr());
        let zeroth = uiNewButton(c("inserted").as_ptr());
        uiTabAppend(t, c("First ✓").as_ptr(), ctl(first));
        check!(uiTabSelected(t) == 0, "the first page added is not selected");
        uiTabAppend(t, c("Second").as_ptr(), ctl(second));
        uiTabInsertAt(t, c("Zeroth").as_ptr(), 0, ctl(zeroth));
        check!(uiTabNumPages(t) == 3);
        check!(uiControlParent(ctl(first)) == ctl(t) && uiControlParent(ctl(zeroth)) == ctl(t));
        check!(uiTabSelected(t) == 1, "inserting before the selected page changed the selection");
        uiWindowSetChild(w, ctl(t));
        uiControlShow(ctl(w));
        pump(50);
        let handle = uiControlHandle(ctl(t));
        let (n, sel, names) = crate::native::tab_state(handle);
        check!(n == 3 && sel == 1, "native tab control: {n} pages, {sel} selected");
        check!(names == ["Zeroth", "First ✓", "Second"], "native tab names {names:?}");
        check!(crate::native::is_shown(uiControlHandle(ctl(e1))), "the selected page's control is not shown");
        check!(!crate::native::is_shown(uiControlHandle(ctl(second))), "an unselected page's control is shown");

        // Tab moves between the controls of a page (Windows: WS_EX_CONTROLPARENT pages).
        let hw = uiControlHandle(ctl(w));
        if let Some(next) = crate::native::next_tab_stop(hw, uiControlHandle(ctl(e1))) {
            check!(next == uiControlHandle(ctl(e2)), "Tab from the page's first entry went to {next:#x}");
        }

        // By the API: no event.  By the native control: one event, and the API sees the page.
        TAB_SELECTED.store(0, Ordering::SeqCst);
        uiTabOnSelected(t, Some(tab_selected), 1 as *mut c_void);
        uiTabSetSelected(t, 2);
        pump(20);
        check!(uiTabSelected(t) == 2 && crate::native::tab_state(handle).1 == 2);
        check!(crate::native::is_shown(uiControlHandle(ctl(second))), "uiTabSetSelected did not show the page");
        check!(!crate::native::is_shown(uiControlHandle(ctl(e1))), "the old page is still shown");
        check!(TAB_SELECTED.load(Ordering::SeqCst) == 0, "uiTabSetSelected fired OnSelected");
        crate::native::tab_user_select(handle, 0);
        pump(20);
        check!(TAB_SELECTED.load(Ordering::SeqCst) == 1, "a native selection did not fire OnSelected once");
        check!(uiTabSelected(t) == 0);
        check!(crate::native::is_shown(uiControlHandle(ctl(zeroth))), "the page chosen natively is not shown");

        // Margins are per page.
        for i in 0..3 {
            check!(uiTabMargined(t, i) == 0, "page {i} starts margined");
        }
        uiTabSetMargined(t, 1, 5);
        check!(uiTabMargined(t, 1) == 1 && uiTabMargined(t, 0) == 0 && uiTabMargined(t, 2) == 0);
        uiTabSetMargined(t, 1, 0);
        check!(uiTabMargined(t, 1) == 0);

        // Deleting the selected page selects the next; the control is unparented, not destroyed.
        uiTabSetSelected(t, 1);
        uiTabDelete(t, 1);
        check!(
            uiTabNumPages(t) == 2 && uiTabSelected(t) == 1,
            "after deleting the selected page: {}",
            uiTabSelected(t)
        );
        check!(uiControlParent(ctl(first)).is_null());
        check!(uiBoxNumChildren(first) == 2, "the deleted page's control lost its children");
        check!(crate::native::tab_state(handle).2 == ["Zeroth", "Second"]);
        // Deleting the last page when it is selected selects the previous one.
        uiTabDelete(t, 1);
        check!(uiTabSelected(t) == 0 && uiControlParent(ctl(second)).is_null());
        check!(TAB_SELECTED.load(Ordering::SeqCst) == 1, "uiTabDelete fired OnSelected");
        // A removed control can go into another page, even of another tab.
        uiTabAppend(t, c("again").as_ptr(), ctl(first));
        check!(uiControlParent(ctl(first)) == ctl(t) && uiTabNumPages(t) == 2);
        uiControlDestroy(ctl(second));
        uiControlDestroy(ctl(w));
        check!(
            uiControlHandle(ctl(first)) == 0 && uiControlHandle(ctl(e1)) == 0,
            "destroying the tab left a page alive"
        );
    }
    Ok(())
}

fn tab_misuse_is_ignored() -> CaseResult {
    unsafe {
        let w = new_window("tab misuse")?;
        let t = uiNewTab();
        let b = uiNewButton(c("b").as_ptr());
        uiTabAppend(t, null_mut(), ctl(b));
        check!(crate::native::tab_state(uiControlHandle(ctl(t))).2 == [""], "a NULL name is not \"\"");
        let l = uiNewLabel(c("l").as_ptr());
        uiTabInsertAt(t, c"bad \xff name".as_ptr(), 0, ctl(l));
        check!(crate::native::tab_state(uiControlHandle(ctl(t))).2 == ["bad \u{FFFD} name", ""]);
        // Indices past the end, on both sides.
        let spare = uiNewLabel(c("spare").as_ptr());
        uiTabInsertAt(t, c("x").as_ptr(), 3, ctl(spare));
        uiTabInsertAt(t, c("x").as_ptr(), -1, ctl(spare));
        check!(uiTabNumPages(t) == 2 && uiControlParent(ctl(spare)).is_null(), "an out-of-range insert was taken");
        uiTabDelete(t, 2);
        uiTabDelete(t, -1);
        uiTabSetSelected(t, 2);
        uiTabSetSelected(t, -1);
        uiTabSetMargined(t, 2, 1);
        check!(uiTabNumPages(t) == 2 && uiTabSelected(t) == 1);
        check!(uiTabMargined(t, 2) == 0 && uiTabMargined(t, -5) == 0);
        // Children that cannot go in: a window, one with a parent, the tab's own container.
        uiTabAppend(t, c("w").as_ptr(), ctl(w));
        uiTabAppend(t, c("b again").as_ptr(), ctl(b));
        let holder = uiNewVerticalBox();
        uiBoxAppend(holder, ctl(t), 1);
        uiTabAppend(t, c("cycle").as_ptr(), ctl(holder));
        uiTabAppend(t, c("null").as_ptr(), null_mut());
        check!(uiTabNumPages(t) == 2, "a rejected child became a page");
        check!(uiControlParent(ctl(holder)).is_null() && uiControlParent(ctl(w)).is_null());
        // NULL and wrong-type tabs: ignored, getters give defaults.
        uiTabAppend(null_mut(), c("x").as_ptr(), ctl(spare));
        uiTabAppend(b.cast(), c("x").as_ptr(), ctl(spare));
        check!(uiTabNumPages(null_mut()) == 0 && uiTabSelected(b.cast()) == -1 && uiTabMargined(null_mut(), 0) == 0);
        uiTabOnSelected(null_mut(), Some(tab_selected), null_mut());
        check!(uiControlParent(ctl(spare)).is_null());
        uiControlDestroy(ctl(spare));
        uiBoxDelete(holder, 0);
        uiControlDestroy(ctl(holder));
        uiControlDestroy(ctl(t));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn form_rows_padding_and_misuse() -> CaseResult {
    unsafe {
        let w = new_window("form")?;
        let f = uiNewForm();
        check!(!f.is_null());
        check!(uiFormNumChildren(f) == 0 && uiFormPadded(f) == 0);
        let a = uiNewEntry();
        let b = uiNewButton(c("b").as_ptr());
        let d = uiNewCheckbox(c("d").as_ptr());
        uiFormAppend(f, c("Name ✓").as_ptr(), ctl(a), 0);
        uiFormAppend(f, null_mut(), ctl(b), 1);
        uiFormAppend(f, c"bad \xff".as_ptr(), ctl(d), 0);
        check!(uiFormNumChildren(f) == 3 && uiControlParent(ctl(b)) == ctl(f));
        uiFormSetPadded(f, 7);
        check!(uiFormPadded(f) == 1);
        uiWindowSetChild(w, ctl(f));
        uiControlShow(ctl(w));
        pump(50);
        let (ra, rb, rd) = (rect_of(a), rect_of(b), rect_of(d));
        check!(ra.1 < rb.1 && rb.1 < rd.1, "rows are not in order: {ra:?} {rb:?} {rd:?}");
        check!(rb.1 > bottom(ra), "padded rows touch: {ra:?} {rb:?}");
        uiFormSetPadded(f, 0);
        check!(uiFormPadded(f) == 0);
        pump(50);
        check!(rect_of(b).1 < rb.1 || rect_of(b).1 == bottom(rect_of(a)), "padding did not change the layout");
        // A hidden row takes its label with it.
        check!(crate::native::form_label_rects(uiControlHandle(ctl(f)), 3).len() == 3);
        uiControlHide(ctl(b));
        pump(50);
        check!(
            crate::native::form_label_rects(uiControlHandle(ctl(f)), 3).len() == 2,
            "a hidden row's label is still shown"
        );
        uiControlShow(ctl(b));
        // Delete unparents the control of the row and keeps it alive; rows below move up.
        uiFormDelete(f, 1);
        check!(uiFormNumChildren(f) == 2 && uiControlParent(ctl(b)).is_null());
        check!(take(uiButtonText(b))? == "b");
        pump(50);
        check!(rect_of(d).1 < rd.1, "the row below did not move up");
        // Misuse: indices, children that cannot go in, NULL and wrong-type forms.
        uiFormDelete(f, 2);
        uiFormDelete(f, -1);
        uiFormAppend(f, c("w").as_ptr(), ctl(w), 0);
        uiFormAppend(f, c("a").as_ptr(), ctl(a), 0);
        let holder = uiNewVerticalBox();
        uiWindowSetChild(w, null_mut());
        uiBoxAppend(holder, ctl(f), 1);
        uiFormAppend(f, c("cycle").as_ptr(), ctl(holder), 0);
        uiFormAppend(f, c("null").as_ptr(), null_mut(), 0);
        check!(uiFormNumChildren(f) == 2, "a rejected child became a row");
        uiFormAppend(null_mut(), c("x").as_ptr(), ctl(b), 0);
        uiFormAppend(holder.cast(), c("x").as_ptr(), ctl(b), 0);
        check!(
            uiControlParent(ctl(b)).is_null() && uiFormNumChildren(holder.cast()) == 0 && uiFormPadded(null_mut()) == 0
        );
        uiFormSetPadded(null_mut(), 1);
        uiBoxDelete(holder, 0);
        uiControlDestroy(ctl(holder));
        uiControlDestroy(ctl(b));
        uiControlDestroy(ctl(f));
        check!(uiControlHandle(ctl(a)) == 0, "destroying the form left a row alive");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn grid_insert_at_padding_and_misuse() -> CaseResult {
    unsafe {
        let w = new_window("grid")?;
        let g = uiNewGrid();
        check!(!g.is_null() && uiGridPadded(g) == 0);
        let mid = uiNewButton(c("mid").as_ptr());
        uiGridAppend(g, ctl(mid), 0, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        let (lead, top, trail, below) = (
            uiNewButton(c("lead").as_ptr()),
            uiNewButton(c("top").as_ptr()),
            uiNewButton(c("trail").as_ptr()),
            uiNewButton(c("below").as_ptr()),
        );
        uiGridInsertAt(g, ctl(lead), ctl(mid), uiAtLeading, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridInsertAt(g, ctl(top), ctl(mid), uiAtTop, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridInsertAt(g, ctl(trail), ctl(mid), uiAtTrailing, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridInsertAt(g, ctl(below), ctl(mid), uiAtBottom, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        check!(uiControlParent(ctl(below)) == ctl(g));
        uiWindowSetChild(w, ctl(g));
        uiControlShow(ctl(w));
        pump(50);
        let m = rect_of(mid);
        let (l, t, tr, b) = (rect_of(lead), rect_of(top), rect_of(trail), rect_of(below));
        check!(right(l) <= m.0 && near(l.1, m.1), "leading is not left of its neighbour: {l:?} {m:?}");
        check!(bottom(t) <= m.1 && near(t.0, m.0), "top is not above: {t:?} {m:?}");
        check!(tr.0 >= right(m) && near(tr.1, m.1), "trailing is not right of: {tr:?} {m:?}");
        check!(b.1 >= bottom(m) && near(b.0, m.0), "bottom is not below: {b:?} {m:?}");
        check!(right(l) == m.0 && bottom(m) == b.1, "an unpadded grid has gaps: {l:?} {m:?} {b:?}");
        uiGridSetPadded(g, 9);
        check!(uiGridPadded(g) == 1);
        pump(50);
        check!(right(rect_of(lead)) < rect_of(mid).0, "padding left no gap between columns");
        check!(bottom(rect_of(mid)) < rect_of(below).1, "padding left no gap between rows");
        uiGridSetPadded(g, 0);
        check!(uiGridPadded(g) == 0);
        // Misuse: spans, alignments, sides, an existing control that is not a child, bad children.
        let spare = uiNewLabel(c("spare").as_ptr());
        uiGridAppend(g, ctl(spare), 3, 0, 0, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(g, ctl(spare), 3, 0, 1, -2, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(g, ctl(spare), 3, 0, 1, 1, 0, 4, 0, uiAlignFill);
        uiGridAppend(g, ctl(spare), 3, 0, 1, 1, 0, uiAlignFill, 0, u32::MAX);
        uiGridInsertAt(g, ctl(spare), ctl(mid), 4, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        let stranger = uiNewButton(c("stranger").as_ptr());
        uiGridInsertAt(g, ctl(spare), ctl(stranger), uiAtTop, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridInsertAt(g, ctl(spare), null_mut(), uiAtTop, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(g, ctl(w), 3, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(g, ctl(mid), 3, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridInsertAt(g, ctl(mid), ctl(mid), uiAtTop, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(g, null_mut(), 3, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        let holder = uiNewVerticalBox();
        uiWindowSetChild(w, null_mut());
        uiBoxAppend(holder, ctl(g), 1);
        uiGridAppend(g, ctl(holder), 3, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(null_mut(), ctl(spare), 0, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(holder.cast(), ctl(spare), 0, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        check!(uiControlParent(ctl(spare)).is_null(), "a rejected grid call took the child");
        check!(uiControlParent(ctl(holder)).is_null() && uiControlParent(ctl(w)).is_null());
        check!(uiGridPadded(null_mut()) == 0 && uiGridPadded(holder.cast()) == 0);
        uiGridSetPadded(null_mut(), 1);
        uiBoxDelete(holder, 0);
        uiControlDestroy(ctl(holder));
        uiControlDestroy(ctl(spare));
        uiControlDestroy(ctl(stranger));
        uiControlDestroy(ctl(g));
        check!(
            uiControlHandle(ctl(mid)) == 0 && uiControlHandle(ctl(below)) == 0,
            "destroying the grid left a child alive"
        );
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static SEARCH_CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn search_changed(_: *mut uiEntry, _: *mut c_void) {
    SEARCH_CHANGES.fetch_add(1, Ordering::SeqCst);
}

fn search_entry_is_an_entry() -> CaseResult {
    unsafe {
        let w = new_window("search")?;
        let e = uiNewSearchEntry();
        check!(!e.is_null());
        uiWindowSetChild(w, ctl(e));
        uiControlShow(ctl(w));
        pump(30);
        let handle = uiControlHandle(ctl(e));
        if let Some(search) = crate::native::entry_is_search_field(handle) {
            check!(search, "uiNewSearchEntry did not make the system's search field");
        }
        check!(!crate::native::entry_hides_text(handle));
        SEARCH_CHANGES.store(0, Ordering::SeqCst);
        uiEntryOnChanged(e, Some(search_changed), null_mut());
        uiEntrySetText(e, c("find ✓").as_ptr());
        pump(300);
        check!(take(uiEntryText(e))? == "find ✓");
        check!(SEARCH_CHANGES.load(Ordering::SeqCst) == 0, "uiEntrySetText fired OnChanged");
        crate::native::type_into_entry(handle, "x");
        pump(300);
        check!(SEARCH_CHANGES.load(Ordering::SeqCst) >= 1, "typing did not fire OnChanged");
        check!(uiEntryReadOnly(e) == 0);
        uiEntrySetReadOnly(e, 1);
        check!(uiEntryReadOnly(e) == 1 && crate::native::entry_is_read_only(handle));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

/// One window at a fixed content size: a margined tab page holding a form and a grid side by side.
/// Rules checked (TOL px): the page's content fills the page minus an equal margin on every side
/// (none when not margined); stretchy form rows share the height left equally and the last reaches
/// the bottom; form controls share one column, labels aligned as the platform does (Windows left,
/// GTK right) before it; the hexpand grid column takes the extra width; a span covers its cells; a
/// centred child is centred in its cell; an end-aligned child ends at its column's end; the vexpand
/// row takes the extra height.
fn containers_layout_rules() -> CaseResult {
    unsafe {
        let w = uiNewWindow(c("layout").as_ptr(), 640, 420, 0);
        let tab = uiNewTab();
        let page = uiNewHorizontalBox();
        uiTabAppend(tab, c("Page").as_ptr(), ctl(page));
        uiTabSetMargined(tab, 0, 1);

        let form = uiNewForm();
        let fa = uiNewEntry();
        let fb = uiNewButton(c("stretchy one").as_ptr());
        let fc = uiNewButton(c("stretchy two").as_ptr());
        uiFormAppend(form, c("A").as_ptr(), ctl(fa), 0);
        uiFormAppend(form, c("A much longer label").as_ptr(), ctl(fb), 1);
        uiFormAppend(form, c("C").as_ptr(), ctl(fc), 1);

        let grid = uiNewGrid();
        let fixed = uiNewButton(c("fixed").as_ptr());
        let grows = uiNewButton(c("grows").as_ptr());
        let span = uiNewButton(c("spans two columns").as_ptr());
        let end = uiNewButton(c("end").as_ptr());
        let centre = uiNewButton(c("centre").as_ptr());
        uiGridAppend(grid, ctl(fixed), 0, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(grid, ctl(grows), 1, 0, 1, 1, 1, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(grid, ctl(span), 0, 1, 2, 1, 0, uiAlignFill, 0, uiAlignFill);
        uiGridAppend(grid, ctl(end), 0, 2, 1, 1, 0, uiAlignEnd, 1, uiAlignFill);
        uiGridAppend(grid, ctl(centre), 1, 2, 1, 1, 0, uiAlignCenter, 0, uiAlignCenter);

        uiBoxAppend(page, ctl(form), 1);
        uiBoxAppend(page, ctl(grid), 1);
        uiWindowSetChild(w, ctl(tab));
        uiControlShow(ctl(w));
        pump(100);

        // Tab: the page content fills the page minus the margin, equal on every side.
        let p = rect_of(page);
        let area = crate::native::page_area(uiControlHandle(ctl(page)));
        let insets = [p.0 - area.0, p.1 - area.1, right(area) - right(p), bottom(area) - bottom(p)];
        check!(
            insets[0] > 0 && insets.iter().all(|&i| (i - insets[0]).abs() <= 1),
            "margined page insets {insets:?}: {p:?} in {area:?}"
        );
        uiTabSetMargined(tab, 0, 0);
        pump(50);
        let bare = rect_of(page);
        let area = crate::native::page_area(uiControlHandle(ctl(page)));
        check!(bare == area, "unmargined page content {bare:?} does not fill the page {area:?}");
        uiTabSetMargined(tab, 0, 1);
        pump(50);

        // Form: stretchy rows equal and taller than the fixed one; the last row reaches the bottom.
        let f = rect_of(form);
        let (ra, rb, rc) = (rect_of(fa), rect_of(fb), rect_of(fc));
        check!((rb.3 - rc.3).abs() <= 1, "stretchy rows differ: {rb:?} {rc:?}");
        check!(rb.3 > ra.3 * 2, "stretchy rows did not take the height left: {ra:?} {rb:?}");
        check!(near(bottom(rc), bottom(f)), "the last stretchy row {rc:?} does not reach the form's bottom {f:?}");
        check!(ra.0 == rb.0 && rb.0 == rc.0 && ra.2 == rb.2 && rb.2 == rc.2, "form controls not in one column");
        check!(near(right(ra), right(f)), "form controls do not fill the width: {ra:?} in {f:?}");
        let labels = crate::native::form_label_rects(uiControlHandle(ctl(form)), 3);
        check!(labels.len() == 3, "found {} form labels", labels.len());
        for l in &labels {
            check!(right(*l) <= ra.0, "label {l:?} overlaps the control column at {}", ra.0);
        }
        if cfg!(windows) {
            check!(labels.iter().all(|l| l.0 == f.0), "labels are not left-aligned at the form's edge: {labels:?}");
            check!(labels[0].2 < labels[1].2, "labels are not sized to their text: {labels:?}");
        } else {
            let r0 = right(labels[0]);
            check!(labels.iter().all(|l| near(right(*l), r0)), "labels are not right-aligned: {labels:?}");
            check!(labels[0].0 > labels[1].0, "the short label is not pushed right: {labels:?}");
        }

        // Grid: the hexpand column takes the extra width, the vexpand row the extra height.
        let g = rect_of(grid);
        let (fx, gr, sp, en, ce) = (rect_of(fixed), rect_of(grows), rect_of(span), rect_of(end), rect_of(centre));
        check!(gr.2 > fx.2 * 2, "the hexpand column is not the wide one: {fx:?} {gr:?}");
        check!(near(fx.0, g.0) && near(right(gr), right(g)), "columns do not fill the grid: {fx:?} {gr:?} in {g:?}");
        check!(near(right(fx), gr.0), "unpadded columns have a gap: {fx:?} {gr:?}");
        check!(near(sp.0, fx.0) && near(right(sp), right(gr)), "the span {sp:?} does not cover {fx:?}..{gr:?}");
        check!(near(right(en), right(fx)) && en.2 < fx.2 + TOL, "end-aligned {en:?} is not at its column's end {fx:?}");
        check!(
            near(bottom(en), bottom(g)) && en.3 > sp.3 * 2,
            "the vexpand row did not take the height: {en:?} in {g:?}"
        );
        let (cell_mid_x, cell_mid_y) = ((gr.0 + right(gr)) / 2, (en.1 + bottom(en)) / 2);
        check!(near(ce.0 + ce.2 / 2, cell_mid_x), "centred {ce:?} is not centred in column {gr:?}");
        check!(near(ce.1 + ce.3 / 2, cell_mid_y), "centred {ce:?} is not centred in row {en:?}");
        check!(ce.2 < gr.2 && ce.3 < en.3, "the centred child fills its cell: {ce:?}");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

/// uixControlChild: each container's children in its own order, through inserts and deletes,
/// and NULL (never a report or a crash) for anything that has no such child.
fn containers_answer_which_child() -> CaseResult {
    unsafe {
        let kids = |p: *mut uiControl| {
            (0..).map_while(|i| Some(uixControlChild(p, i)).filter(|c| !c.is_null())).collect::<Vec<_>>()
        };
        let labels: Vec<*mut uiControl> = (0..4).map(|i| ctl(uiNewLabel(c(&format!("l{i}")).as_ptr()))).collect();
        let [a, b, cc, d] = [labels[0], labels[1], labels[2], labels[3]];
        let bx = uiNewVerticalBox();
        for l in [a, b, cc] {
            uiBoxAppend(bx, l, 0);
        }
        check!(kids(ctl(bx)) == [a, b, cc], "box order");
        uiBoxDelete(bx, 1);
        check!(kids(ctl(bx)) == [a, cc], "box after deleting the middle");
        check!(uixControlChild(ctl(bx), 2).is_null() && uixControlChild(ctl(bx), -1).is_null(), "box past its ends");
        let t = uiNewTab();
        uiTabAppend(t, c("b").as_ptr(), b);
        uiTabInsertAt(t, c("d").as_ptr(), 0, d);
        check!(kids(ctl(t)) == [d, b], "tab order after an insert at 0");
        uiTabDelete(t, 0);
        check!(kids(ctl(t)) == [b], "tab after deleting page 0");
        let f = uiNewForm();
        uiFormAppend(f, c("d").as_ptr(), d, 0);
        check!(kids(ctl(f)) == [d], "form rows");
        uiFormDelete(f, 0);
        check!(kids(ctl(f)).is_empty(), "form after delete");
        let g = uiNewGrid();
        uiGridAppend(g, d, 0, 0, 1, 1, 0, uiAlignFill, 0, uiAlignFill);
        check!(kids(ctl(g)) == [d], "grid children");
        let w = new_window("which child")?;
        let grp = uiNewGroup(c("group").as_ptr());
        uiGroupSetChild(grp, ctl(t));
        uiWindowSetChild(w, ctl(grp));
        check!(kids(ctl(w)) == [ctl(grp)] && kids(ctl(grp)) == [ctl(t)], "window and group hold one child at 0");
        check!(uixControlChild(ctl(w), 1).is_null(), "a window's index 1");
        // No children to tell of: a plain control, NULL, a destroyed container.
        check!(uixControlChild(a, 0).is_null() && uixControlChild(null_mut(), 0).is_null(), "label or NULL");
        uiControlDestroy(ctl(w));
        check!(uixControlChild(ctl(grp), 0).is_null(), "a destroyed group still answers");
        uiControlDestroy(ctl(g));
        uiControlDestroy(ctl(f));
        uiControlDestroy(ctl(bx));
    }
    Ok(())
}
