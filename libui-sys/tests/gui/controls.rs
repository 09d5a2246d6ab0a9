//! Cases for the controls added for issue 7: every getter, setter and event
//! libui-ng declares for them, range and clamping at the edges, events by
//! the API (which must not fire) and by native input (which must).

use crate::{c, ctl, new_window, pump, CaseResult};
use std::ffi::c_void;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicUsize, Ordering};
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case {
            name: "separators_take_their_orientation",
            needs_display: true,
            run: separators_take_their_orientation,
        },
        crate::Case { name: "progress_bar_values_and_edges", needs_display: true, run: progress_bar_values_and_edges },
        crate::Case {
            name: "slider_range_clamping_and_events",
            needs_display: true,
            run: slider_range_clamping_and_events,
        },
        crate::Case {
            name: "spinbox_range_clamping_and_events",
            needs_display: true,
            run: spinbox_range_clamping_and_events,
        },
        crate::Case {
            name: "new_controls_leave_no_native_objects",
            needs_display: true,
            run: new_controls_leave_no_native_objects,
        },
        crate::Case {
            name: "combobox_items_selection_and_events",
            needs_display: true,
            run: combobox_items_selection_and_events,
        },
        crate::Case {
            name: "combobox_delete_and_insert_follow_libui_ng",
            needs_display: true,
            run: combobox_delete_and_insert_follow_libui_ng,
        },
        crate::Case {
            name: "editable_combobox_text_and_events",
            needs_display: true,
            run: editable_combobox_text_and_events,
        },
        crate::Case {
            name: "radio_buttons_selection_and_events",
            needs_display: true,
            run: radio_buttons_selection_and_events,
        },
        crate::Case { name: "group_title_child_and_margin", needs_display: true, run: group_title_child_and_margin },
        crate::Case {
            name: "multiline_entry_text_append_and_events",
            needs_display: true,
            run: multiline_entry_text_append_and_events,
        },
    ]
}

fn separators_take_their_orientation() -> CaseResult {
    unsafe {
        let w = new_window("separators")?;
        let vbox = uiNewVerticalBox();
        let hbox = uiNewHorizontalBox();
        let hsep = uiNewHorizontalSeparator();
        let vsep = uiNewVerticalSeparator();
        check!(!hsep.is_null() && !vsep.is_null());
        uiBoxAppend(vbox, ctl(uiNewLabel(c("above").as_ptr())), 0);
        uiBoxAppend(vbox, ctl(hsep), 0);
        uiBoxAppend(hbox, ctl(uiNewLabel(c("left").as_ptr())), 0);
        uiBoxAppend(hbox, ctl(vsep), 0);
        uiBoxAppend(hbox, ctl(uiNewLabel(c("right").as_ptr())), 1);
        uiBoxAppend(vbox, ctl(hbox), 1);
        uiWindowSetChild(w, ctl(vbox));
        uiControlShow(ctl(w));
        pump(50);
        let h = crate::native::child_rect(uiControlHandle(ctl(hsep)));
        let v = crate::native::child_rect(uiControlHandle(ctl(vsep)));
        check!(h.2 > 100 && h.3 >= 1 && h.3 <= 8, "horizontal separator is {h:?}");
        check!(v.3 > 100 && v.2 >= 1 && v.2 <= 8, "vertical separator is {v:?}");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn progress_bar_values_and_edges() -> CaseResult {
    unsafe {
        let w = new_window("progress")?;
        let p = uiNewProgressBar();
        check!(!p.is_null());
        uiWindowSetChild(w, ctl(p));
        uiControlShow(ctl(w));
        check!(uiProgressBarValue(p) == 0);
        for v in [0, 1, 50, 99, 100] {
            uiProgressBarSetValue(p, v);
            check!(uiProgressBarValue(p) == v);
            let f = native::progress_fraction(uiControlHandle(ctl(p)));
            let close = (f - v as f64 / 100.0).abs() < 0.011;
            check!(close, "{v}: native fraction is {f}");
        }
        // Outside -1..100: a user bug, the value stays.
        uiProgressBarSetValue(p, 101);
        uiProgressBarSetValue(p, i32::MAX);
        check!(uiProgressBarValue(p) == 100);
        uiProgressBarSetValue(p, -1);
        check!(uiProgressBarValue(p) == -1);
        check!(
            native::progress_indeterminate(uiControlHandle(ctl(p))) != Some(false),
            "-1 did not make the bar indeterminate"
        );
        pump(250);
        uiProgressBarSetValue(p, -2);
        uiProgressBarSetValue(p, i32::MIN);
        check!(uiProgressBarValue(p) == -1);
        uiProgressBarSetValue(p, 30);
        check!(uiProgressBarValue(p) == 30);
        check!(native::progress_indeterminate(uiControlHandle(ctl(p))) != Some(true), "the bar stayed indeterminate");
        pump(20);
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static SLIDER_CHANGES: AtomicUsize = AtomicUsize::new(0);
static SLIDER_RELEASES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn slider_changed(_: *mut uiSlider, _: *mut c_void) {
    SLIDER_CHANGES.fetch_add(1, Ordering::SeqCst);
}

extern "C" fn slider_released(_: *mut uiSlider, _: *mut c_void) {
    SLIDER_RELEASES.fetch_add(1, Ordering::SeqCst);
}

fn slider_range_clamping_and_events() -> CaseResult {
    unsafe {
        let w = new_window("slider")?;
        let s = uiNewSlider(-10, 10);
        check!(!s.is_null());
        uiWindowSetChild(w, ctl(s));
        uiControlShow(ctl(w));
        check!(uiSliderValue(s) == -10, "starts at min, not {}", uiSliderValue(s));
        SLIDER_CHANGES.store(0, Ordering::SeqCst);
        uiSliderOnChanged(s, Some(slider_changed), null_mut());
        uiSliderOnReleased(s, Some(slider_released), null_mut());
        for (set, want) in [(0, 0), (10, 10), (11, 10), (i32::MAX, 10), (-10, -10), (-11, -10), (i32::MIN, -10), (3, 3)]
        {
            uiSliderSetValue(s, set);
            check!(uiSliderValue(s) == want, "set {set}: value {} not {want}", uiSliderValue(s));
        }
        // A new range clamps the value into it, quietly.
        uiSliderSetRange(s, 20, 5);
        check!(uiSliderValue(s) == 5, "value {} after range 5..20", uiSliderValue(s));
        uiSliderSetValue(s, 100);
        check!(uiSliderValue(s) == 20);
        uiSliderSetRange(s, 7, 7);
        check!(uiSliderValue(s) == 7);
        uiSliderSetRange(s, 0, 100);
        uiSliderSetValue(s, 50);
        pump(20);
        check!(SLIDER_CHANGES.load(Ordering::SeqCst) == 0, "OnChanged ran for the API's changes");
        check!(uiSliderHasToolTip(s) == 1);
        uiSliderSetHasToolTip(s, 0);
        check!(uiSliderHasToolTip(s) == 0);
        uiSliderSetHasToolTip(s, 5);
        check!(uiSliderHasToolTip(s) == 1);
        // The user moves it one step.
        native::slider_step(uiControlHandle(ctl(s)));
        pump(20);
        check!(uiSliderValue(s) == 51, "a user step gave {}", uiSliderValue(s));
        check!(
            SLIDER_CHANGES.load(Ordering::SeqCst) == 1,
            "OnChanged ran {} times",
            SLIDER_CHANGES.load(Ordering::SeqCst)
        );
        // Swapped at creation too.
        let r = uiNewSlider(9, 3);
        check!(uiSliderValue(r) == 3);
        uiSliderSetValue(r, 10);
        check!(uiSliderValue(r) == 9);
        uiControlDestroy(ctl(r));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static SPIN_CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn spin_changed(_: *mut uiSpinbox, _: *mut c_void) {
    SPIN_CHANGES.fetch_add(1, Ordering::SeqCst);
}

fn spinbox_range_clamping_and_events() -> CaseResult {
    unsafe {
        let w = new_window("spinbox")?;
        let s = uiNewSpinbox(-5, 5);
        check!(!s.is_null());
        uiWindowSetChild(w, ctl(s));
        uiControlShow(ctl(w));
        check!(uiSpinboxValue(s) == -5, "starts at min, not {}", uiSpinboxValue(s));
        SPIN_CHANGES.store(0, Ordering::SeqCst);
        uiSpinboxOnChanged(s, Some(spin_changed), null_mut());
        for (set, want) in [(0, 0), (5, 5), (6, 5), (i32::MAX, 5), (-5, -5), (-6, -5), (i32::MIN, -5), (2, 2)] {
            uiSpinboxSetValue(s, set);
            check!(uiSpinboxValue(s) == want, "set {set}: value {} not {want}", uiSpinboxValue(s));
            check!(native::spin_text(uiControlHandle(ctl(s))) == want.to_string(), "the box does not show {want}");
        }
        pump(20);
        check!(SPIN_CHANGES.load(Ordering::SeqCst) == 0, "OnChanged ran for uiSpinboxSetValue");
        native::spin_up(uiControlHandle(ctl(s)));
        pump(20);
        check!(uiSpinboxValue(s) == 3, "a user step gave {}", uiSpinboxValue(s));
        check!(SPIN_CHANGES.load(Ordering::SeqCst) == 1, "OnChanged ran {} times", SPIN_CHANGES.load(Ordering::SeqCst));
        // The top of the range: a step up changes nothing.
        uiSpinboxSetValue(s, 5);
        native::spin_up(uiControlHandle(ctl(s)));
        pump(20);
        check!(uiSpinboxValue(s) == 5);
        // Swapped, and the full int range works.
        let r = uiNewSpinbox(i32::MAX, i32::MIN);
        check!(uiSpinboxValue(r) == i32::MIN);
        uiSpinboxSetValue(r, i32::MAX);
        check!(uiSpinboxValue(r) == i32::MAX);
        uiControlDestroy(ctl(r));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

/// Create/destroy rounds: one leaked native object per round ends 40 times over the allowance,
/// while under ARM64 emulation the rounds (about 25 native windows each) stay within a minute.
const ROUNDS: usize = 200;

fn new_controls_leave_no_native_objects() -> CaseResult {
    unsafe {
        let before = native::object_count();
        for _ in 0..ROUNDS {
            let made = [
                ctl(uiNewHorizontalSeparator()),
                ctl(uiNewVerticalSeparator()),
                ctl(uiNewProgressBar()),
                ctl(uiNewSlider(0, 10)),
                ctl(uiNewSpinbox(0, 10)),
                ctl(uiNewCombobox()),
                ctl(uiNewEditableCombobox()),
                ctl(uiNewRadioButtons()),
                ctl(uiNewGroup(c("g").as_ptr())),
                ctl(uiNewMultilineEntry()),
                ctl(uiNewSearchEntry()),
                ctl(uiNewTab()),
                ctl(uiNewForm()),
                ctl(uiNewGrid()),
            ];
            uiRadioButtonsAppend(made[7].cast(), c("r").as_ptr());
            uiComboboxAppend(made[5].cast(), c("i").as_ptr());
            uiGroupSetChild(made[8].cast(), ctl(uiNewLabel(c("l").as_ptr())));
            // Containers with a child each: their pages and label windows must go too.
            uiTabAppend(made[11].cast(), c("p").as_ptr(), ctl(uiNewLabel(c("l").as_ptr())));
            uiFormAppend(made[12].cast(), c("f").as_ptr(), ctl(uiNewEntry()), 0);
            uiGridAppend(
                made[13].cast(),
                ctl(uiNewButton(c("b").as_ptr())),
                0,
                0,
                1,
                1,
                1,
                uiAlignFill,
                0,
                uiAlignFill,
            );
            uiProgressBarSetValue(made[2].cast(), -1);
            for m in made {
                check!(!m.is_null());
                uiControlDestroy(m);
            }
        }
        pump(20);
        let after = native::object_count();
        if let (Some(before), Some(after)) = (before, after) {
            check!(
                after <= before + 5,
                "native windows grew from {before} to {after} over {ROUNDS} create/destroy rounds"
            );
        }
    }
    Ok(())
}

static SELECTIONS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn combo_selected(_: *mut uiCombobox, _: *mut c_void) {
    SELECTIONS.fetch_add(1, Ordering::SeqCst);
}

/// A shown window holding a new combobox whose OnSelected counts into SELECTIONS (reset).
fn shown_combobox(title: &str) -> Result<(*mut uiWindow, *mut uiCombobox), String> {
    let w = new_window(title)?;
    unsafe {
        let cb = uiNewCombobox();
        check!(!cb.is_null());
        uiWindowSetChild(w, ctl(cb));
        uiControlShow(ctl(w));
        SELECTIONS.store(0, Ordering::SeqCst);
        uiComboboxOnSelected(cb, Some(combo_selected), null_mut());
        Ok((w, cb))
    }
}

fn combobox_items_selection_and_events() -> CaseResult {
    unsafe {
        let (w, cb) = shown_combobox("combobox")?;
        check!(uiComboboxNumItems(cb) == 0 && uiComboboxSelected(cb) == -1);
        uiComboboxAppend(cb, c("a").as_ptr());
        uiComboboxAppend(cb, c("b ✓").as_ptr());
        uiComboboxInsertAt(cb, 0, c("first").as_ptr());
        uiComboboxInsertAt(cb, 3, c("last").as_ptr()); // the count itself appends
        check!(uiComboboxNumItems(cb) == 4);
        // Out of range: user bugs, nothing changes.
        uiComboboxInsertAt(cb, 5, c("x").as_ptr());
        uiComboboxInsertAt(cb, -1, c("x").as_ptr());
        uiComboboxDelete(cb, 4);
        uiComboboxDelete(cb, -1);
        check!(uiComboboxNumItems(cb) == 4);
        uiComboboxSetSelected(cb, 1);
        check!(uiComboboxSelected(cb) == 1);
        uiComboboxSetSelected(cb, 4);
        uiComboboxSetSelected(cb, -2);
        check!(uiComboboxSelected(cb) == 1);
        uiComboboxSetSelected(cb, -1);
        check!(uiComboboxSelected(cb) == -1);
        // Deleting the selected item leaves none selected (combobox_delete_follows_libui_ng has the rest).
        uiComboboxSetSelected(cb, 1);
        uiComboboxDelete(cb, 1);
        check!(uiComboboxNumItems(cb) == 3 && uiComboboxSelected(cb) == -1, "selection {}", uiComboboxSelected(cb));
        uiComboboxSetSelected(cb, 1);
        uiComboboxDelete(cb, 0);
        check!(uiComboboxSelected(cb) == 0, "an earlier delete must shift the selection");
        uiComboboxClear(cb);
        check!(uiComboboxNumItems(cb) == 0 && uiComboboxSelected(cb) == -1);
        pump(20);
        check!(SELECTIONS.load(Ordering::SeqCst) == 0, "OnSelected ran for the API's changes");
        uiComboboxAppend(cb, c("one").as_ptr());
        uiComboboxAppend(cb, c("two").as_ptr());
        uiComboboxSetSelected(cb, 0);
        native::choose_next(uiControlHandle(ctl(cb)));
        pump(20);
        check!(uiComboboxSelected(cb) == 1, "the user's choice gave {}", uiComboboxSelected(cb));
        check!(SELECTIONS.load(Ordering::SeqCst) == 1, "OnSelected ran {} times", SELECTIONS.load(Ordering::SeqCst));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

/// libui-ng's own combobox rules, as its unit tests state them and both of its backends
/// behave: an insert before the selected item moves the selection with the item, a delete
/// before it shifts it, and deleting the selected item leaves nothing selected (-1), even
/// when items follow it.  None of it is a user's choice, so OnSelected stays silent.
fn combobox_delete_and_insert_follow_libui_ng() -> CaseResult {
    unsafe {
        let (w, cb) = shown_combobox("combobox rules")?;
        uiComboboxInsertAt(cb, 0, c("Item 0").as_ptr());
        uiComboboxSetSelected(cb, 0);
        uiComboboxInsertAt(cb, 0, c("Item 1").as_ptr());
        check!(uiComboboxSelected(cb) == 1, "insert before: selection {}", uiComboboxSelected(cb));
        uiComboboxInsertAt(cb, 1, c("Item 2").as_ptr());
        check!(uiComboboxSelected(cb) == 2, "insert before: selection {}", uiComboboxSelected(cb));
        uiComboboxInsertAt(cb, 3, c("Item 3").as_ptr());
        check!(uiComboboxNumItems(cb) == 4 && uiComboboxSelected(cb) == 2, "insert after: {}", uiComboboxSelected(cb));
        uiComboboxClear(cb);
        for item in ["Item 0", "Item 1", "Item 2"] {
            uiComboboxAppend(cb, c(item).as_ptr());
        }
        uiComboboxSetSelected(cb, 1);
        uiComboboxDelete(cb, 0);
        check!(uiComboboxNumItems(cb) == 2 && uiComboboxSelected(cb) == 0, "delete before: {}", uiComboboxSelected(cb));
        // The selected item goes while another follows it: no selection, not the follower.
        uiComboboxDelete(cb, 0);
        check!(
            uiComboboxNumItems(cb) == 1 && uiComboboxSelected(cb) == -1,
            "deleting the selected item left {} selected",
            uiComboboxSelected(cb)
        );
        uiComboboxSetSelected(cb, 0);
        uiComboboxDelete(cb, 0);
        check!(uiComboboxNumItems(cb) == 0 && uiComboboxSelected(cb) == -1);
        pump(20);
        check!(SELECTIONS.load(Ordering::SeqCst) == 0, "OnSelected ran for the API's changes");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static EDITS: AtomicUsize = AtomicUsize::new(0);
static EDIT_TEXT: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

extern "C" fn editable_changed(e: *mut uiEditableCombobox, _: *mut c_void) {
    EDITS.fetch_add(1, Ordering::SeqCst);
    if let Ok(t) = crate::take(unsafe { uiEditableComboboxText(e) }) {
        *EDIT_TEXT.lock().unwrap() = t;
    }
}

fn editable_combobox_text_and_events() -> CaseResult {
    unsafe {
        let w = new_window("editable")?;
        let cb = uiNewEditableCombobox();
        check!(!cb.is_null());
        uiWindowSetChild(w, ctl(cb));
        uiControlShow(ctl(w));
        EDITS.store(0, Ordering::SeqCst);
        uiEditableComboboxOnChanged(cb, Some(editable_changed), null_mut());
        check!(crate::take(uiEditableComboboxText(cb))?.is_empty());
        uiEditableComboboxAppend(cb, c("alpha").as_ptr());
        uiEditableComboboxAppend(cb, c("beta ✓").as_ptr());
        uiEditableComboboxSetText(cb, c("typed by API ü").as_ptr());
        check!(crate::take(uiEditableComboboxText(cb))? == "typed by API ü");
        uiEditableComboboxSetText(cb, c"bad \xff".as_ptr());
        check!(crate::take(uiEditableComboboxText(cb))? == "bad \u{FFFD}");
        pump(20);
        check!(EDITS.load(Ordering::SeqCst) == 0, "OnChanged ran for uiEditableComboboxSetText");
        uiEditableComboboxSetText(cb, c("").as_ptr());
        native::editable_type(uiControlHandle(ctl(cb)), "hi");
        pump(20);
        check!(EDITS.load(Ordering::SeqCst) >= 1, "OnChanged did not run for typing");
        check!(crate::take(uiEditableComboboxText(cb))? == "hi");
        EDITS.store(0, Ordering::SeqCst);
        native::editable_choose_first(uiControlHandle(ctl(cb)));
        pump(20);
        check!(EDITS.load(Ordering::SeqCst) >= 1, "OnChanged did not run for a choice from the list");
        check!(crate::take(uiEditableComboboxText(cb))? == "alpha");
        check!(*EDIT_TEXT.lock().unwrap() == "alpha", "the handler saw {:?}", EDIT_TEXT.lock().unwrap());
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static RADIO_SELECTIONS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn radio_selected(_: *mut uiRadioButtons, _: *mut c_void) {
    RADIO_SELECTIONS.fetch_add(1, Ordering::SeqCst);
}

fn radio_buttons_selection_and_events() -> CaseResult {
    unsafe {
        let w = new_window("radio")?;
        let r = uiNewRadioButtons();
        check!(!r.is_null());
        uiWindowSetChild(w, ctl(r));
        uiControlShow(ctl(w));
        RADIO_SELECTIONS.store(0, Ordering::SeqCst);
        uiRadioButtonsOnSelected(r, Some(radio_selected), null_mut());
        check!(uiRadioButtonsSelected(r) == -1 && uixRadioButtonsNumItems(r) == 0);
        for (n, t) in ["One", "Two ✓", "Three"].into_iter().enumerate() {
            uiRadioButtonsAppend(r, c(t).as_ptr());
            check!(uixRadioButtonsNumItems(r) == n as i32 + 1, "count {} after {t}", uixRadioButtonsNumItems(r));
        }
        check!(uiRadioButtonsSelected(r) == -1, "appending selected {}", uiRadioButtonsSelected(r));
        uiRadioButtonsSetSelected(r, 2);
        check!(uiRadioButtonsSelected(r) == 2);
        uiRadioButtonsSetSelected(r, 3);
        uiRadioButtonsSetSelected(r, -2);
        check!(uiRadioButtonsSelected(r) == 2);
        uiRadioButtonsSetSelected(r, -1);
        check!(uiRadioButtonsSelected(r) == -1);
        uiRadioButtonsSetSelected(r, 0);
        pump(20);
        check!(RADIO_SELECTIONS.load(Ordering::SeqCst) == 0, "OnSelected ran for uiRadioButtonsSetSelected");
        native::radio_click(uiControlHandle(ctl(r)), 1);
        pump(20);
        check!(uiRadioButtonsSelected(r) == 1, "a click selected {}", uiRadioButtonsSelected(r));
        check!(
            RADIO_SELECTIONS.load(Ordering::SeqCst) == 1,
            "OnSelected ran {} times",
            RADIO_SELECTIONS.load(Ordering::SeqCst)
        );
        native::radio_click(uiControlHandle(ctl(r)), 1);
        pump(20);
        check!(RADIO_SELECTIONS.load(Ordering::SeqCst) == 1, "clicking the selected button reported a change");
        // Laid out one below the other.
        let rect = crate::native::child_rect(uiControlHandle(ctl(r)));
        check!(rect.3 >= 3 * 12, "three buttons in {rect:?}");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

fn group_title_child_and_margin() -> CaseResult {
    unsafe {
        let w = new_window("group")?;
        let g = uiNewGroup(c("Settings ✓").as_ptr());
        check!(!g.is_null());
        check!(crate::take(uiGroupTitle(g))? == "Settings ✓");
        uiGroupSetTitle(g, c("Renamed").as_ptr());
        check!(crate::take(uiGroupTitle(g))? == "Renamed");
        uiGroupSetTitle(g, null_mut());
        check!(crate::take(uiGroupTitle(g))?.is_empty());
        uiGroupSetTitle(g, c("Group").as_ptr());
        let b = uiNewButton(c("inside").as_ptr());
        uiGroupSetChild(g, ctl(b));
        check!(uiControlParent(ctl(b)) == ctl(g));
        uiWindowSetChild(w, ctl(g));
        uiControlShow(ctl(w));
        pump(50);
        check!(uiGroupMargined(g) == 0);
        let bare = crate::native::child_rect(uiControlHandle(ctl(b)));
        uiGroupSetMargined(g, 3);
        check!(uiGroupMargined(g) == 1);
        pump(50);
        let margined = crate::native::child_rect(uiControlHandle(ctl(b)));
        check!(
            margined.0 > bare.0 && margined.1 >= bare.1,
            "the margin did not move the child: {bare:?} -> {margined:?}"
        );
        // A container holding the group cannot go into it.
        let holder = uiNewVerticalBox();
        uiWindowSetChild(w, null_mut());
        uiBoxAppend(holder, ctl(g), 1);
        uiGroupSetChild(g, ctl(holder));
        check!(uiControlParent(ctl(holder)).is_null(), "a group took its own container");
        // Replacing the child unparents the old one, which stays alive.
        let l = uiNewLabel(c("second").as_ptr());
        uiGroupSetChild(g, ctl(l));
        check!(uiControlParent(ctl(b)).is_null() && crate::take(uiButtonText(b))? == "inside");
        uiControlDestroy(ctl(b));
        uiBoxDelete(holder, 0);
        uiControlDestroy(ctl(holder));
        uiControlDestroy(ctl(g));
        check!(uiControlHandle(ctl(l)) == 0, "destroying the group left its child alive");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static MULTI_CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn multi_changed(_: *mut uiMultilineEntry, _: *mut c_void) {
    MULTI_CHANGES.fetch_add(1, Ordering::SeqCst);
}

fn multiline_entry_text_append_and_events() -> CaseResult {
    unsafe {
        let w = new_window("multiline")?;
        let vbox = uiNewVerticalBox();
        let e = uiNewMultilineEntry();
        let nw = uiNewNonWrappingMultilineEntry();
        check!(!e.is_null() && !nw.is_null());
        uiBoxAppend(vbox, ctl(e), 1);
        uiBoxAppend(vbox, ctl(nw), 1);
        uiWindowSetChild(w, ctl(vbox));
        uiControlShow(ctl(w));
        check!(native::multiline_wraps(uiControlHandle(ctl(e))) && !native::multiline_wraps(uiControlHandle(ctl(nw))));
        MULTI_CHANGES.store(0, Ordering::SeqCst);
        uiMultilineEntryOnChanged(e, Some(multi_changed), null_mut());
        check!(crate::take(uiMultilineEntryText(e))?.is_empty());
        uiMultilineEntrySetText(e, c("line one\nline two ✓\n").as_ptr());
        check!(crate::take(uiMultilineEntryText(e))? == "line one\nline two ✓\n");
        uiMultilineEntryAppend(e, c("three\nfour").as_ptr());
        check!(crate::take(uiMultilineEntryText(e))? == "line one\nline two ✓\nthree\nfour");
        uiMultilineEntryAppend(e, c"\xff".as_ptr());
        check!(crate::take(uiMultilineEntryText(e))?.ends_with("four\u{FFFD}"));
        pump(20);
        check!(MULTI_CHANGES.load(Ordering::SeqCst) == 0, "OnChanged ran for set/append");
        // At the limit: an append that does not fit whole characters adds nothing.
        let limit = uiTextLimit as usize;
        uiMultilineEntrySetText(nw, c(&"a".repeat(limit - 1)).as_ptr());
        uiMultilineEntryAppend(nw, c("é").as_ptr());
        check!(crate::take(uiMultilineEntryText(nw))?.len() == limit - 1, "append passed the limit");
        uiMultilineEntryAppend(nw, c("bc").as_ptr());
        check!(crate::take(uiMultilineEntryText(nw))?.len() == limit);
        check!(uiMultilineEntryReadOnly(e) == 0);
        uiMultilineEntrySetReadOnly(e, 9);
        check!(uiMultilineEntryReadOnly(e) == 1);
        uiMultilineEntrySetReadOnly(e, 0);
        check!(uiMultilineEntryReadOnly(e) == 0);
        native::multiline_type(uiControlHandle(ctl(e)), "typed");
        pump(20);
        check!(MULTI_CHANGES.load(Ordering::SeqCst) >= 1, "OnChanged did not run for typing");
        check!(crate::take(uiMultilineEntryText(e))?.contains("typed"));
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

/// Native views of the new controls.
#[cfg(unix)]
pub(crate) mod native {
    use std::ffi::{c_char, c_double, c_int, c_void, CStr};

    extern "C" {
        fn gtk_progress_bar_get_fraction(p: *mut c_void) -> c_double;
        fn gtk_range_get_value(r: *mut c_void) -> c_double;
        fn gtk_range_set_value(r: *mut c_void, v: c_double);
        fn gtk_spin_button_spin(s: *mut c_void, direction: c_int, increment: c_double);
        fn gtk_entry_get_text(e: *mut c_void) -> *const c_char;
    }

    // GtkSpinType
    const GTK_SPIN_STEP_FORWARD: c_int = 0;

    extern "C" {
        fn gtk_combo_box_get_active(c: *mut c_void) -> c_int;
        fn gtk_combo_box_set_active(c: *mut c_void, i: c_int);
        fn gtk_bin_get_child(b: *mut c_void) -> *mut c_void;
        fn gtk_editable_insert_text(e: *mut c_void, text: *const c_char, len: c_int, pos: *mut c_int);
        fn gtk_container_get_children(c: *mut c_void) -> *mut GList;
        fn gtk_button_clicked(b: *mut c_void);
        fn g_list_nth_data(l: *mut GList, n: u32) -> *mut c_void;
        fn g_list_free(l: *mut GList);
    }

    #[repr(C)]
    pub struct GList {
        data: *mut c_void,
        next: *mut GList,
        prev: *mut GList,
    }

    /// What choosing the next item does: the active item changes without the library's blocking.
    pub fn choose_next(handle: usize) {
        unsafe { gtk_combo_box_set_active(handle as *mut c_void, gtk_combo_box_get_active(handle as *mut c_void) + 1) }
    }

    pub fn editable_type(handle: usize, text: &str) {
        let t = std::ffi::CString::new(text).unwrap();
        let mut pos = 0;
        unsafe { gtk_editable_insert_text(gtk_bin_get_child(handle as *mut c_void), t.as_ptr(), -1, &mut pos) }
    }

    pub fn editable_choose_first(handle: usize) {
        unsafe { gtk_combo_box_set_active(handle as *mut c_void, 0) }
    }

    extern "C" {
        fn gtk_text_view_get_wrap_mode(v: *mut c_void) -> c_int;
        fn gtk_text_view_get_buffer(v: *mut c_void) -> *mut c_void;
        fn gtk_text_buffer_insert_at_cursor(b: *mut c_void, text: *const c_char, len: c_int);
    }

    /// The text view inside the control's scrolled window.
    fn text_view(handle: usize) -> *mut c_void {
        unsafe { gtk_bin_get_child(handle as *mut c_void) }
    }

    pub fn multiline_wraps(handle: usize) -> bool {
        // GTK_WRAP_NONE is 0.
        unsafe { gtk_text_view_get_wrap_mode(text_view(handle)) != 0 }
    }

    pub fn multiline_type(handle: usize, text: &str) {
        let t = std::ffi::CString::new(text).unwrap();
        unsafe { gtk_text_buffer_insert_at_cursor(gtk_text_view_get_buffer(text_view(handle)), t.as_ptr(), -1) }
    }

    pub fn radio_click(handle: usize, index: u32) {
        unsafe {
            let children = gtk_container_get_children(handle as *mut c_void);
            gtk_button_clicked(g_list_nth_data(children, index));
            g_list_free(children);
        }
    }

    pub fn progress_fraction(handle: usize) -> f64 {
        unsafe { gtk_progress_bar_get_fraction(handle as *mut c_void) }
    }

    /// GtkProgressBar keeps its activity mode private: not observable here.
    pub fn progress_indeterminate(_handle: usize) -> Option<bool> {
        None
    }

    /// What a step by the user does: the value moves without the library's blocking.
    pub fn slider_step(handle: usize) {
        unsafe { gtk_range_set_value(handle as *mut c_void, gtk_range_get_value(handle as *mut c_void) + 1.0) }
    }

    pub fn spin_up(handle: usize) {
        unsafe { gtk_spin_button_spin(handle as *mut c_void, GTK_SPIN_STEP_FORWARD, 1.0) }
    }

    pub fn spin_text(handle: usize) -> String {
        unsafe { CStr::from_ptr(gtk_entry_get_text(handle as *mut c_void)) }.to_string_lossy().into_owned()
    }

    /// GTK has no process-wide count of widgets to read; the rounds still run
    /// (and the sanitize tier watches the same code for leaks of our own).
    pub fn object_count() -> Option<usize> {
        None
    }
}

#[cfg(windows)]
pub(crate) mod native {
    use std::ffi::c_void;

    type Hwnd = *mut c_void;

    #[link(name = "user32")]
    extern "system" {
        fn SendMessageW(hwnd: Hwnd, msg: u32, wparam: usize, lparam: isize) -> isize;
        fn GetWindowLongPtrW(hwnd: Hwnd, index: i32) -> isize;
        fn GetWindowTextW(hwnd: Hwnd, buf: *mut u16, n: i32) -> i32;
        fn EnumThreadWindows(thread: u32, f: extern "system" fn(Hwnd, isize) -> i32, data: isize) -> i32;
        fn EnumChildWindows(parent: Hwnd, f: extern "system" fn(Hwnd, isize) -> i32, data: isize) -> i32;
    }

    #[link(name = "kernel32")]
    extern "system" {
        fn GetCurrentThreadId() -> u32;
    }

    const WM_KEYDOWN: u32 = 0x0100;
    const WM_KEYUP: u32 = 0x0101;
    const VK_UP: usize = 0x26;
    const VK_RIGHT: usize = 0x27;
    const PBM_GETPOS: u32 = 0x0400 + 8;
    const PBS_MARQUEE: isize = 0x08;
    const GWL_STYLE: i32 = -16;

    #[link(name = "user32")]
    extern "system" {
        fn FindWindowExW(parent: Hwnd, after: Hwnd, class: *const u16, title: *const u16) -> Hwnd;
        fn GetWindow(hwnd: Hwnd, cmd: u32) -> Hwnd;
    }

    const VK_DOWN: usize = 0x28;
    const EM_REPLACESEL: u32 = 0x00C2;
    const BM_CLICK: u32 = 0x00F5;
    const CB_SETCURSEL: u32 = 0x014E;
    const GW_CHILD: u32 = 5;
    const GW_HWNDNEXT: u32 = 2;

    fn key(hwnd: Hwnd, vk: usize) {
        unsafe {
            SendMessageW(hwnd, WM_KEYDOWN, vk, 0);
            SendMessageW(hwnd, WM_KEYUP, vk, 0);
        }
    }

    fn edit_of(combo: usize) -> Hwnd {
        let class: Vec<u16> = "Edit".encode_utf16().chain(Some(0)).collect();
        unsafe { FindWindowExW(combo as Hwnd, std::ptr::null_mut(), class.as_ptr(), std::ptr::null()) }
    }

    /// The down-arrow key on a closed drop-down list selects the next item and notifies.
    pub fn choose_next(handle: usize) {
        key(handle as Hwnd, VK_DOWN);
    }

    pub fn editable_type(handle: usize, text: &str) {
        let t: Vec<u16> = text.encode_utf16().chain(Some(0)).collect();
        unsafe { SendMessageW(edit_of(handle), EM_REPLACESEL, 1, t.as_ptr() as isize) };
    }

    /// From no selection, the down-arrow key in the edit field chooses the first item.
    pub fn editable_choose_first(handle: usize) {
        unsafe { SendMessageW(handle as Hwnd, CB_SETCURSEL, usize::MAX, 0) };
        key(edit_of(handle), VK_DOWN);
    }

    const WS_HSCROLL: isize = 0x0010_0000;

    /// Without a horizontal scroll bar the EDIT wraps.
    pub fn multiline_wraps(handle: usize) -> bool {
        unsafe { GetWindowLongPtrW(handle as Hwnd, GWL_STYLE) & WS_HSCROLL == 0 }
    }

    pub fn multiline_type(handle: usize, text: &str) {
        let t: Vec<u16> = text.encode_utf16().chain(Some(0)).collect();
        unsafe { SendMessageW(handle as Hwnd, EM_REPLACESEL, 1, t.as_ptr() as isize) };
    }

    pub fn radio_click(handle: usize, index: u32) {
        unsafe {
            let mut b = GetWindow(handle as Hwnd, GW_CHILD);
            for _ in 0..index {
                b = GetWindow(b, GW_HWNDNEXT);
            }
            SendMessageW(b, BM_CLICK, 0, 0);
        }
    }

    pub fn progress_fraction(handle: usize) -> f64 {
        unsafe { SendMessageW(handle as Hwnd, PBM_GETPOS, 0, 0) as f64 / 100.0 }
    }

    pub fn progress_indeterminate(handle: usize) -> Option<bool> {
        Some(unsafe { GetWindowLongPtrW(handle as Hwnd, GWL_STYLE) } & PBS_MARQUEE != 0)
    }

    /// The right-arrow key, as a user presses it: the trackbar moves and notifies.
    pub fn slider_step(handle: usize) {
        unsafe {
            SendMessageW(handle as Hwnd, WM_KEYDOWN, VK_RIGHT, 0);
            SendMessageW(handle as Hwnd, WM_KEYUP, VK_RIGHT, 0);
        }
    }

    /// The up-arrow key in the EDIT, which the up-down buddy turns into a step.
    pub fn spin_up(handle: usize) {
        unsafe {
            SendMessageW(handle as Hwnd, WM_KEYDOWN, VK_UP, 0);
            SendMessageW(handle as Hwnd, WM_KEYUP, VK_UP, 0);
        }
    }

    pub fn spin_text(handle: usize) -> String {
        let mut buf = [0u16; 64];
        let n = unsafe { GetWindowTextW(handle as Hwnd, buf.as_mut_ptr(), buf.len() as i32) };
        String::from_utf16_lossy(&buf[..n.max(0) as usize])
    }

    extern "system" fn count(_: Hwnd, data: isize) -> i32 {
        unsafe { *(data as *mut usize) += 1 };
        1
    }

    extern "system" fn count_with_children(hwnd: Hwnd, data: isize) -> i32 {
        count(hwnd, data);
        unsafe { EnumChildWindows(hwnd, count, data) };
        1
    }

    /// Every window of this thread, children included (USER handles we made).
    pub fn object_count() -> Option<usize> {
        let mut n = 0usize;
        unsafe { EnumThreadWindows(GetCurrentThreadId(), count_with_children, &mut n as *mut usize as isize) };
        Some(n)
    }
}
