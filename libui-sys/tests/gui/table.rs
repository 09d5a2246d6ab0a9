//! uiTable, uiTableModel, uiTableValue and uiImage: values and their misuse, every table
//! function read back through the library and natively, rows changing under a scrolled view
//! with a selection, a million-row model asked only for the rows shown, and real input
//! (xdotool) reaching the model's SetCellValue.

use crate::input::{typing, xdo};
use crate::{c, ctl, pump, shown_window, CaseResult};
use std::ffi::{c_int, CStr};
use std::ptr::null_mut;
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case { name: "table_values_images_and_misuse", needs_display: true, run: values_images_and_misuse },
        crate::Case { name: "table_shows_the_model_and_reads_back", needs_display: true, run: shows_the_model },
        crate::Case { name: "table_rows_change_while_scrolled", needs_display: true, run: rows_change_while_scrolled },
        crate::Case { name: "table_million_rows_asks_only_shown_rows", needs_display: true, run: million_rows },
        crate::Case { name: "table_input_reaches_the_model", needs_display: true, run: input_reaches_the_model },
    ]
}

// ---- a model over a Vec of row ids (or a virtual count) ----------------------------------------

/// Model columns: 0 name, 1 image, 2 checked, 3 progress, 4 button label, 5 editable, 6 row
/// colour, 7 text colour.
const TYPES: [uiTableValueType; 8] = [
    uiTableValueTypeString,
    uiTableValueTypeImage,
    uiTableValueTypeInt,
    uiTableValueTypeInt,
    uiTableValueTypeString,
    uiTableValueTypeInt,
    uiTableValueTypeColor,
    uiTableValueTypeColor,
];

#[derive(Clone, Debug, PartialEq)]
enum Set {
    Text(i32, i32, String),
    Int(i32, i32, i32),
    Click(i32, i32),
}

#[repr(C)]
struct Model {
    handler: uiTableModelHandler,
    model: *mut uiTableModel,
    /// Row ids, or None for a virtual model of `count` rows whose id is the index.
    ids: Option<Vec<u32>>,
    count: i32,
    names: std::collections::HashMap<u32, String>,
    checked: std::collections::HashSet<u32>,
    image: *mut uiImage,
    cell_calls: usize,
    rows_asked: std::collections::HashSet<i32>,
    sets: Vec<Set>,
}

/// The test's hold on a model that the library's callbacks also change: a raw pointer, so no
/// Rust reference is assumed unchanged across a call into the library.
struct ModelRef(*mut Model);

impl std::ops::Deref for ModelRef {
    type Target = Model;
    fn deref(&self) -> &Model {
        unsafe { &*self.0 }
    }
}

impl std::ops::DerefMut for ModelRef {
    fn deref_mut(&mut self) -> &mut Model {
        unsafe { &mut *self.0 }
    }
}

unsafe extern "C" fn num_columns(_: *mut uiTableModelHandler, _: *mut uiTableModel) -> c_int {
    TYPES.len() as c_int
}

unsafe extern "C" fn column_type(_: *mut uiTableModelHandler, _: *mut uiTableModel, col: c_int) -> uiTableValueType {
    TYPES[col as usize]
}

unsafe extern "C" fn num_rows(mh: *mut uiTableModelHandler, _: *mut uiTableModel) -> c_int {
    let m = &*(mh as *const Model);
    m.count
}

unsafe extern "C" fn cell_value(
    mh: *mut uiTableModelHandler,
    _: *mut uiTableModel,
    row: c_int,
    col: c_int,
) -> *mut uiTableValue {
    let m = &mut *(mh as *mut Model);
    m.cell_calls += 1;
    m.rows_asked.insert(row);
    let id = match &m.ids {
        Some(ids) => ids[row as usize],
        None => row as u32,
    };
    match col {
        0 => {
            let name = m.names.get(&id).cloned().unwrap_or_else(|| format!("row {id}"));
            uiNewTableValueString(c(&name).as_ptr())
        }
        1 => uiNewTableValueImage(m.image),
        2 => uiNewTableValueInt(m.checked.contains(&id) as c_int),
        3 => uiNewTableValueInt((id % 101) as c_int),
        4 => uiNewTableValueString(c(&format!("Go {id}")).as_ptr()),
        5 => uiNewTableValueInt((id % 2 == 0) as c_int),
        6 => {
            if id % 3 == 0 {
                uiNewTableValueColor(1.0, 0.9, 0.6, 1.0)
            } else {
                null_mut()
            }
        }
        _ => uiNewTableValueColor(0.1, 0.2, 0.7, 1.0),
    }
}

unsafe extern "C" fn set_cell_value(
    mh: *mut uiTableModelHandler,
    _: *mut uiTableModel,
    row: c_int,
    col: c_int,
    v: *const uiTableValue,
) {
    let m = &mut *(mh as *mut Model);
    let id = match &m.ids {
        Some(ids) => ids[row as usize],
        None => row as u32,
    };
    if v.is_null() {
        m.sets.push(Set::Click(row, col));
        return;
    }
    match uiTableValueGetType(v) {
        t if t == uiTableValueTypeString => {
            let s = CStr::from_ptr(uiTableValueString(v)).to_string_lossy().into_owned();
            m.names.insert(id, s.clone());
            m.sets.push(Set::Text(row, col, s));
        }
        _ => {
            let i = uiTableValueInt(v);
            if i != 0 {
                m.checked.insert(id);
            } else {
                m.checked.remove(&id);
            }
            m.sets.push(Set::Int(row, col, i));
        }
    }
}

/// A model (boxed, so the handler's address is stable) of `rows` rows, stored or virtual.
fn new_model(rows: i32, stored: bool) -> ModelRef {
    let m = Box::into_raw(Box::new(Model {
        handler: uiTableModelHandler {
            NumColumns: Some(num_columns),
            ColumnType: Some(column_type),
            NumRows: Some(num_rows),
            CellValue: Some(cell_value),
            SetCellValue: Some(set_cell_value),
        },
        model: null_mut(),
        ids: stored.then(|| (0..rows as u32).collect()),
        count: rows,
        names: Default::default(),
        checked: Default::default(),
        image: test_image(),
        cell_calls: 0,
        rows_asked: Default::default(),
        sets: Vec::new(),
    }));
    unsafe { (*m).model = uiNewTableModel(&mut (*m).handler) };
    ModelRef(m)
}

fn free_model(m: ModelRef) {
    unsafe {
        uiFreeTableModel(m.model);
        uiFreeImage(m.image);
        drop(Box::from_raw(m.0));
    }
}

/// A 16 x 16 point image with a red 1x size and a blue 2x size.
fn test_image() -> *mut uiImage {
    unsafe {
        let i = uiNewImage(16.0, 16.0);
        let mut red = [0u8; 16 * 16 * 4];
        red.chunks_mut(4).for_each(|p| p.copy_from_slice(&[255, 0, 0, 255]));
        uiImageAppend(i, red.as_mut_ptr().cast(), 16, 16, 64);
        let mut blue = vec![0u8; 32 * 32 * 4];
        blue.chunks_mut(4).for_each(|p| p.copy_from_slice(&[0, 0, 255, 255]));
        uiImageAppend(i, blue.as_mut_ptr().cast(), 32, 32, 128);
        i
    }
}

/// A table with one column of every kind over m, in a shown window.
fn shown_table(m: &Model, title: &str) -> Result<(*mut uiWindow, *mut uiTable), String> {
    let w = shown_window(title, 900, 360, 0)?;
    let mut params = uiTableParams { Model: m.model, RowBackgroundColorModelColumn: 6 };
    let mut text = uiTableTextColumnOptionalParams { ColorModelColumn: 7 };
    let t = unsafe { uiNewTable(&mut params) };
    if t.is_null() {
        return Err("uiNewTable returned NULL".into());
    }
    unsafe {
        uiTableAppendTextColumn(t, c("Name").as_ptr(), 0, 5, &mut text);
        uiTableAppendImageColumn(t, c("Image").as_ptr(), 1);
        uiTableAppendImageTextColumn(
            t,
            c("Image and text").as_ptr(),
            1,
            0,
            uiTableModelColumnNeverEditable,
            null_mut(),
        );
        uiTableAppendCheckboxColumn(t, c("On").as_ptr(), 2, uiTableModelColumnAlwaysEditable);
        uiTableAppendCheckboxTextColumn(
            t,
            c("On and name").as_ptr(),
            2,
            5,
            0,
            uiTableModelColumnNeverEditable,
            null_mut(),
        );
        uiTableAppendProgressBarColumn(t, c("Progress").as_ptr(), 3);
        uiTableAppendButtonColumn(t, c("Action").as_ptr(), 4, uiTableModelColumnAlwaysEditable);
        uiWindowSetChild(w, ctl(t));
    }
    pump(150);
    Ok((w, t))
}

fn table_handle(t: *mut uiTable) -> usize {
    unsafe { uiControlHandle(ctl(t)) }
}

fn selection(t: *mut uiTable) -> Vec<i32> {
    unsafe {
        let s = uiTableGetSelection(t);
        let rows = if (*s).NumRows > 0 {
            std::slice::from_raw_parts((*s).Rows, (*s).NumRows as usize).to_vec()
        } else {
            vec![]
        };
        uiFreeTableSelection(s);
        rows
    }
}

fn select(t: *mut uiTable, rows: &mut [i32]) {
    let mut s = uiTableSelection { NumRows: rows.len() as c_int, Rows: rows.as_mut_ptr() };
    unsafe { uiTableSetSelection(t, &mut s) };
}

// ---- cases --------------------------------------------------------------------------------------

fn values_images_and_misuse() -> CaseResult {
    unsafe {
        let s = uiNewTableValueString(c("Zürich ✓").as_ptr());
        check!(uiTableValueGetType(s) == uiTableValueTypeString);
        check!(CStr::from_ptr(uiTableValueString(s)).to_str().unwrap() == "Zürich ✓");
        let bad = uiNewTableValueString(c"a\xffb".as_ptr());
        check!(CStr::from_ptr(uiTableValueString(bad)).to_str().unwrap() == "a\u{fffd}b", "invalid UTF-8 is replaced");
        let i = uiNewTableValueInt(-7);
        check!(uiTableValueGetType(i) == uiTableValueTypeInt && uiTableValueInt(i) == -7);
        let col = uiNewTableValueColor(0.25, 0.5, 0.75, 1.0);
        let (mut r, mut g, mut b, mut a) = (0.0, 0.0, 0.0, 0.0);
        uiTableValueColor(col, &mut r, &mut g, &mut b, &mut a);
        check!(uiTableValueGetType(col) == uiTableValueTypeColor && (r, g, b, a) == (0.25, 0.5, 0.75, 1.0));
        let img = test_image();
        let iv = uiNewTableValueImage(img);
        check!(uiTableValueGetType(iv) == uiTableValueTypeImage && uiTableValueImage(iv) == img);

        // Misuse: the wrong getter, NULL, a bad colour, a bad image, a freed value.
        check!(uiTableValueInt(s) == 0 && uiTableValueImage(i).is_null());
        check!(CStr::from_ptr(uiTableValueString(i)).to_bytes().is_empty());
        check!(CStr::from_ptr(uiTableValueString(null_mut())).to_bytes().is_empty());
        check!(uiNewTableValueColor(1.5, 0.0, 0.0, 1.0).is_null());
        check!(uiNewTableValueColor(f64::NAN, 0.0, 0.0, 1.0).is_null());
        check!(uiNewTableValueImage(null_mut()).is_null());
        check!(uiNewImage(0.0, 10.0).is_null() && uiNewImage(10.0, f64::INFINITY).is_null());
        uiImageAppend(img, null_mut(), 4, 4, 16);
        let mut px = [0u8; 16];
        uiImageAppend(img, px.as_mut_ptr().cast(), 2, 2, 4);
        uiImageAppend(img, px.as_mut_ptr().cast(), 0, 2, 8);
        uiTableValueColor(col, null_mut(), &mut g, &mut b, &mut a);
        // Freeing an image still held by a value is refused; it stays usable.
        uiFreeImage(img);
        check!(uiTableValueImage(iv) == img);
        for v in [s, bad, i, col, iv] {
            uiFreeTableValue(v);
        }
        uiFreeTableValue(s);
        check!(uiTableValueGetType(s) == uiTableValueTypeString, "a freed value reads as the default");
        uiFreeImage(img);
        uiFreeImage(img);

        // Models: a handler lacking a function, NULL, and freeing one a table uses.
        let mut empty = uiTableModelHandler {
            NumColumns: None,
            ColumnType: None,
            NumRows: None,
            CellValue: None,
            SetCellValue: None,
        };
        check!(uiNewTableModel(&mut empty).is_null() && uiNewTableModel(null_mut()).is_null());
        check!(uiNewTable(null_mut()).is_null());
        let mut p = uiTableParams { Model: null_mut(), RowBackgroundColorModelColumn: -1 };
        check!(uiNewTable(&mut p).is_null());
    }
    let m = new_model(3, true);
    unsafe {
        let mut p = uiTableParams { Model: m.model, RowBackgroundColorModelColumn: 0 };
        let t = uiNewTable(&mut p);
        check!(!t.is_null(), "a wrong background column is reported, the table still made");
        // Wrong column types and indices make no column.
        uiTableAppendTextColumn(t, c("bad").as_ptr(), 2, -1, null_mut());
        uiTableAppendCheckboxColumn(t, c("bad").as_ptr(), 0, -1);
        uiTableAppendProgressBarColumn(t, c("bad").as_ptr(), 99);
        uiTableAppendTextColumn(t, c("bad").as_ptr(), 0, -3, null_mut());
        uiTableAppendTextColumn(t, c("ok").as_ptr(), 0, -1, null_mut());
        check!(uiTableColumnWidth(t, 1) == -1, "only one column was appended");
        check!(uiTableColumnWidth(t, 0) > 0);
        uiFreeTableModel(m.model);
        // Notifications out of range are refused.
        uiTableModelRowDeleted(m.model, 3);
        uiTableModelRowInserted(m.model, 5);
        uiTableModelRowChanged(m.model, -1);
        uiControlDestroy(ctl(t));
    }
    free_model(m);
    Ok(())
}

fn shows_the_model() -> CaseResult {
    let m = new_model(50, true);
    let (w, t) = shown_table(&m, "table read back")?;
    let h = table_handle(t);
    check!(native::row_count(h) == 50, "native rows {}", native::row_count(h));
    for row in [0, 1, 7] {
        check!(
            native::cell_text(h, row, 0, 0) == format!("row {row}"),
            "row {row}: {:?}",
            native::cell_text(h, row, 0, 0)
        );
        check!(native::cell_text(h, row, 6, 4) == format!("Go {row}"));
    }
    unsafe {
        check!(uiTableHeaderVisible(t) == 1);
        uiTableHeaderSetVisible(t, 0);
        check!(uiTableHeaderVisible(t) == 0);
        uiTableHeaderSetVisible(t, 1);
        check!(uiTableHeaderVisible(t) == 1);
        for (col, ind) in [(0, uiSortIndicatorAscending), (5, uiSortIndicatorDescending), (0, uiSortIndicatorNone)] {
            uiTableHeaderSetSortIndicator(t, col, ind);
            check!(uiTableHeaderSortIndicator(t, col) == ind);
        }
        uiTableHeaderSetSortIndicator(t, 1, uiSortIndicatorAscending);
        check!(native::sort_indicator(h, 1) == 1, "native ascending on column 1");
        uiTableHeaderSetSortIndicator(t, 9, uiSortIndicatorAscending);
        check!(uiTableHeaderSortIndicator(t, 9) == uiSortIndicatorNone);
        uiTableColumnSetWidth(t, 0, 210);
        pump(50);
        check!((uiTableColumnWidth(t, 0) - 210).abs() <= 1, "width {}", uiTableColumnWidth(t, 0));
        uiTableColumnSetWidth(t, 0, -1);
        check!(uiTableColumnWidth(t, 0) > 0);
        uiTableColumnSetWidth(t, 0, -5);

        check!(uiTableGetSelectionMode(t) == uiTableSelectionModeZeroOrOne);
        check!(selection(t).is_empty());
        select(t, &mut [4]);
        check!(selection(t) == [4]);
        select(t, &mut [1, 2]);
        check!(selection(t) == [4], "two rows refused in ZeroOrOne");
        uiTableSetSelectionMode(t, uiTableSelectionModeZeroOrMany);
        check!(uiTableGetSelectionMode(t) == uiTableSelectionModeZeroOrMany);
        select(t, &mut [9, 2, 9]);
        check!(selection(t) == [2, 9]);
        select(t, &mut [50]);
        check!(selection(t) == [2, 9], "a row past the end is refused");
        uiTableSetSelectionMode(t, uiTableSelectionModeOne);
        check!(selection(t).len() == 1, "One keeps one row: {:?}", selection(t));
        uiTableSetSelectionMode(t, uiTableSelectionModeNone);
        check!(selection(t).is_empty());
        uiTableSetSelectionMode(t, 7);
        check!(uiTableGetSelectionMode(t) == uiTableSelectionModeNone);
        uiTableSetSelectionMode(t, uiTableSelectionModeZeroOrOne);

        // A changed row is read again.
        (*m.0).names.insert(3, "renamed".into());
        uiTableModelRowChanged(m.model, 3);
        pump(50);
        check!(native::cell_text(h, 3, 0, 0) == "renamed");
        uiControlDestroy(ctl(w));
    }
    check!(m.cell_calls > 0);
    free_model(m);
    Ok(())
}

fn rows_change_while_scrolled() -> CaseResult {
    let m = new_model(2000, true);
    let (w, t) = shown_table(&m, "table churn")?;
    let h = table_handle(t);
    native::scroll_to(h, 1500);
    pump(50);
    select(t, &mut [1000]);
    let mut selected_id = 1000u32;
    let mut next_id = 2000u32;
    // A fixed linear congruential sequence: reproducible without a dependency.
    let mut seed = 12345u64;
    let mut rnd = |n: u32| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) % n as u64) as u32
    };
    // Wine's owner-data ListView spends about 25 ms on each count change (its own row-by-row
    // bookkeeping), so under Wine the same churn is shorter; GTK and Windows run all of it.
    let steps = if crate::area::under_wine() { 1_500 } else { 10_000 };
    for step in 0..steps {
        let len = m.ids.as_ref().unwrap().len() as u32;
        let op = rnd(3);
        let at = rnd(len.max(1)) as i32;
        let mp: *mut Model = m.0;
        unsafe {
            match op {
                0 => {
                    (*mp).ids.as_mut().unwrap().insert(at as usize, next_id);
                    (*mp).count += 1;
                    next_id += 1;
                    uiTableModelRowInserted(m.model, at);
                }
                1 if len > 10 && m.ids.as_ref().unwrap()[at as usize] != selected_id => {
                    (*mp).ids.as_mut().unwrap().remove(at as usize);
                    (*mp).count -= 1;
                    uiTableModelRowDeleted(m.model, at);
                }
                _ => uiTableModelRowChanged(m.model, at),
            }
        }
        if step % 250 == 125 {
            // The view moves while the rows change: somewhere else, then back to the end.
            let len = m.ids.as_ref().unwrap().len() as u32;
            native::scroll_to(h, rnd(len) as i32);
            pump(2);
            native::scroll_to(h, len as i32 - 1);
        }
        if step % 500 == 0 {
            pump(5);
            let want = m.ids.as_ref().unwrap().iter().position(|&id| id == selected_id).unwrap() as i32;
            check!(selection(t) == [want], "step {step}: selection {:?}, its row is at {want}", selection(t));
        }
    }
    pump(50);
    let ids = m.ids.clone().unwrap();
    let want = ids.iter().position(|&id| id == selected_id).unwrap() as i32;
    check!(selection(t) == [want], "selection {:?}, its row is at {want}", selection(t));
    check!(native::row_count(h) == ids.len() as i32);
    for row in [0, ids.len() / 2, ids.len() - 1] {
        check!(native::cell_text(h, row as i32, 0, 0) == format!("row {}", ids[row]), "row {row}");
    }
    // Deleting the selected row leaves nothing selected.
    unsafe {
        let mp: *mut Model = m.0;
        (*mp).ids.as_mut().unwrap().remove(want as usize);
        (*mp).count -= 1;
        uiTableModelRowDeleted(m.model, want);
    }
    selected_id = u32::MAX;
    let _ = selected_id;
    check!(selection(t).is_empty(), "selection {:?} after its row went", selection(t));
    unsafe { uiControlDestroy(ctl(w)) };
    free_model(m);
    Ok(())
}

/// CellValue calls, and the rows asked for before scrolling, while showing a virtual model of
/// `rows` rows and scrolling to its end.
fn shown_rows_cost(rows: i32) -> Result<(usize, usize), String> {
    let m = new_model(rows, false);
    let (w, t) = shown_table(&m, "table million")?;
    let h = table_handle(t);
    pump(200);
    let first = m.rows_asked.len();
    native::scroll_to(h, rows - 1);
    pump(200);
    let at_end = native::cell_text(h, rows - 1, 0, 0);
    unsafe { uiControlDestroy(ctl(w)) };
    let calls = m.cell_calls;
    free_model(m);
    if at_end != format!("row {}", rows - 1) {
        return Err(format!("last row reads {at_end:?}"));
    }
    Ok((calls, first))
}

fn million_rows() -> CaseResult {
    let (small, _) = shown_rows_cost(1000)?;
    let (big, first_rows) = shown_rows_cost(1_000_000)?;
    println!("table: CellValue calls to show and scroll to the end: {small} for 1,000 rows, {big} for 1,000,000 rows");
    check!(first_rows > 0 && first_rows < 100, "before scrolling it asked for {first_rows} different rows");
    check!(big <= small * 2 + 100, "{big} calls for a million rows against {small} for a thousand");
    Ok(())
}

fn input_reaches_the_model() -> CaseResult {
    let m = new_model(20, true);
    let (w, t) = shown_table(&m, "table input")?;
    let h = table_handle(t);
    static CLICKS: std::sync::Mutex<Vec<(char, i32)>> = std::sync::Mutex::new(Vec::new());
    unsafe extern "C" fn header(_: *mut uiTable, col: c_int, _: *mut std::ffi::c_void) {
        CLICKS.lock().unwrap().push(('h', col));
    }
    unsafe extern "C" fn row(_: *mut uiTable, r: c_int, _: *mut std::ffi::c_void) {
        CLICKS.lock().unwrap().push(('r', r));
    }
    unsafe extern "C" fn double(_: *mut uiTable, r: c_int, _: *mut std::ffi::c_void) {
        CLICKS.lock().unwrap().push(('d', r));
    }
    unsafe extern "C" fn changed(_: *mut uiTable, _: *mut std::ffi::c_void) {
        CLICKS.lock().unwrap().push(('s', 0));
    }
    CLICKS.lock().unwrap().clear();
    unsafe {
        uiTableHeaderOnClicked(t, Some(header), null_mut());
        uiTableOnRowClicked(t, Some(row), null_mut());
        uiTableOnRowDoubleClicked(t, Some(double), null_mut());
        uiTableOnSelectionChanged(t, Some(changed), null_mut());
    }
    let click_at = |(x, y): (i32, i32), n: u32| -> CaseResult {
        let mut a: Vec<String> = vec!["mousemove".into(), x.to_string(), y.to_string(), "click".into()];
        if n > 1 {
            a.extend(["--repeat".to_string(), n.to_string(), "--delay".to_string(), "80".to_string()]);
        }
        a.push("1".into());
        xdo(&a)
    };
    // The checkbox column (3, always editable) toggles row 2 on.
    click_at(native::cell_centre(h, 2, 3), 1)?;
    check!(m.sets.contains(&Set::Int(2, 2, 1)), "checkbox click: {:?}", m.sets);
    check!(CLICKS.lock().unwrap().contains(&('r', 2)), "row click: {:?}", CLICKS.lock().unwrap());
    check!(CLICKS.lock().unwrap().contains(&('s', 0)), "selection change: {:?}", CLICKS.lock().unwrap());
    check!(selection(t) == [2]);
    // The button column (6) on row 4.
    click_at(native::cell_centre(h, 4, 6), 1)?;
    check!(m.sets.contains(&Set::Click(4, 4)), "button click: {:?}", m.sets);
    // A header.
    click_at(native::header_centre(h, 5), 1)?;
    check!(CLICKS.lock().unwrap().contains(&('h', 5)), "header click: {:?}", CLICKS.lock().unwrap());
    // A double click on row 7's image column.
    click_at(native::cell_centre(h, 7, 1), 2)?;
    check!(CLICKS.lock().unwrap().contains(&('d', 7)), "double click: {:?}", CLICKS.lock().unwrap());
    // Editing row 6's name (editable: even ids): GTK starts on a click in the selected row,
    // Win32 on a double click; the text is replaced, Enter commits.
    let at = native::cell_centre(h, 6, 0);
    click_at(at, 1)?;
    pump(600);
    click_at(at, if cfg!(windows) { 2 } else { 1 })?;
    pump(300);
    let mut keys = vec!["key".to_string(), "ctrl+a".to_string()];
    keys.extend(typing("new name"));
    keys.extend(["key".to_string(), "Return".to_string()]);
    xdo(&keys)?;
    check!(m.sets.contains(&Set::Text(6, 0, "new name".into())), "edit: {:?}", m.sets);
    check!(native::cell_text(h, 6, 0, 0) == "new name");
    // Row 5 (odd id) is not editable: a second edit attempt reaches nothing.
    let before = m.sets.len();
    let at = native::cell_centre(h, 5, 0);
    click_at(at, 1)?;
    pump(600);
    click_at(at, if cfg!(windows) { 2 } else { 1 })?;
    pump(300);
    xdo(&["key".to_string(), "x".to_string(), "key".to_string(), "Return".to_string()])?;
    check!(!m.sets[before..].iter().any(|s| matches!(s, Set::Text(..))), "not editable: {:?}", &m.sets[before..]);
    unsafe { uiControlDestroy(ctl(w)) };
    free_model(m);
    Ok(())
}

// ---- native reads --------------------------------------------------------------------------------

#[cfg(unix)]
mod native {
    use std::ffi::{c_char, c_int, c_void, CStr, CString};

    #[repr(C)]
    struct Rect {
        x: c_int,
        y: c_int,
        w: c_int,
        h: c_int,
    }

    extern "C" {
        fn gtk_bin_get_child(b: *mut c_void) -> *mut c_void;
        fn gtk_tree_view_get_model(tv: *mut c_void) -> *mut c_void;
        fn gtk_tree_view_get_column(tv: *mut c_void, n: c_int) -> *mut c_void;
        fn gtk_tree_view_column_get_sort_indicator(c: *mut c_void) -> c_int;
        fn gtk_tree_view_column_get_sort_order(c: *mut c_void) -> c_int;
        fn gtk_tree_view_column_get_button(c: *mut c_void) -> *mut c_void;
        fn gtk_tree_view_scroll_to_cell(
            tv: *mut c_void,
            p: *mut c_void,
            c: *mut c_void,
            align: c_int,
            ra: f32,
            ca: f32,
        );
        fn gtk_tree_view_get_cell_area(tv: *mut c_void, p: *mut c_void, c: *mut c_void, r: *mut Rect);
        fn gtk_tree_view_convert_bin_window_to_widget_coords(
            tv: *mut c_void,
            bx: c_int,
            by: c_int,
            wx: *mut c_int,
            wy: *mut c_int,
        );
        fn gtk_tree_path_new_from_string(s: *const c_char) -> *mut c_void;
        fn gtk_tree_path_free(p: *mut c_void);
        fn gtk_tree_model_iter_n_children(m: *mut c_void, iter: *mut c_void) -> c_int;
        fn gtk_tree_model_iter_nth_child(m: *mut c_void, iter: *mut [usize; 4], parent: *mut c_void, n: c_int)
            -> c_int;
        fn gtk_tree_model_get_value(m: *mut c_void, iter: *mut [usize; 4], col: c_int, v: *mut [u64; 3]);
        fn g_value_get_string(v: *const [u64; 3]) -> *const c_char;
        fn g_value_unset(v: *mut [u64; 3]);
    }

    fn tree(h: usize) -> *mut c_void {
        unsafe { gtk_bin_get_child(h as *mut c_void) }
    }

    pub fn row_count(h: usize) -> i32 {
        unsafe { gtk_tree_model_iter_n_children(gtk_tree_view_get_model(tree(h)), std::ptr::null_mut()) }
    }

    /// The text of a string model column (GTK reads the model column; Win32 the table column).
    pub fn cell_text(h: usize, row: i32, _table_col: i32, model_col: i32) -> String {
        unsafe {
            let m = gtk_tree_view_get_model(tree(h));
            let mut iter = [0usize; 4];
            if gtk_tree_model_iter_nth_child(m, &mut iter, std::ptr::null_mut(), row) == 0 {
                return "<no row>".into();
            }
            let mut v = [0u64; 3];
            gtk_tree_model_get_value(m, &mut iter, model_col, &mut v);
            let p = g_value_get_string(&v);
            let s = if p.is_null() { String::new() } else { CStr::from_ptr(p).to_string_lossy().into_owned() };
            g_value_unset(&mut v);
            s
        }
    }

    /// 0 none, 1 ascending, 2 descending.
    pub fn sort_indicator(h: usize, col: i32) -> i32 {
        unsafe {
            let c = gtk_tree_view_get_column(tree(h), col);
            if gtk_tree_view_column_get_sort_indicator(c) == 0 {
                0
            } else if gtk_tree_view_column_get_sort_order(c) == 0 {
                1
            } else {
                2
            }
        }
    }

    fn path(row: i32) -> *mut c_void {
        let s = CString::new(row.to_string()).unwrap();
        unsafe { gtk_tree_path_new_from_string(s.as_ptr()) }
    }

    pub fn scroll_to(h: usize, row: i32) {
        unsafe {
            let p = path(row);
            gtk_tree_view_scroll_to_cell(tree(h), p, std::ptr::null_mut(), 0, 0.0, 0.0);
            gtk_tree_path_free(p);
        }
    }

    pub fn cell_centre(h: usize, row: i32, col: i32) -> (i32, i32) {
        let mut r = Rect { x: 0, y: 0, w: 0, h: 0 };
        let (mut wx, mut wy) = (0, 0);
        unsafe {
            let p = path(row);
            gtk_tree_view_get_cell_area(tree(h), p, gtk_tree_view_get_column(tree(h), col), &mut r);
            gtk_tree_path_free(p);
            gtk_tree_view_convert_bin_window_to_widget_coords(tree(h), r.x + r.w / 2, r.y + r.h / 2, &mut wx, &mut wy);
        }
        let (x, y, _, _) = crate::input::native::screen_rect(tree(h) as usize);
        (x + wx, y + wy)
    }

    pub fn header_centre(h: usize, col: i32) -> (i32, i32) {
        let b = unsafe { gtk_tree_view_column_get_button(gtk_tree_view_get_column(tree(h), col)) };
        let (x, y, w, hh) = crate::input::native::screen_rect(b as usize);
        (x + w / 2, y + hh / 2)
    }
}

#[cfg(windows)]
mod native {
    type Hwnd = *mut std::ffi::c_void;

    #[repr(C)]
    #[derive(Default)]
    struct Rect {
        left: i32,
        top: i32,
        right: i32,
        bottom: i32,
    }

    #[repr(C)]
    struct LvItem {
        mask: u32,
        item: i32,
        sub_item: i32,
        state: u32,
        state_mask: u32,
        text: *mut u16,
        text_max: i32,
        image: i32,
        lparam: isize,
        indent: i32,
        group_id: i32,
        columns: u32,
        col_fmt: *mut i32,
        group: i32,
    }

    #[repr(C)]
    struct HdItem {
        mask: u32,
        cxy: i32,
        text: *mut u16,
        bitmap: *mut std::ffi::c_void,
        text_max: i32,
        fmt: i32,
        lparam: isize,
        image: i32,
        order: i32,
        filter_type: u32,
        filter: *mut std::ffi::c_void,
        state: u32,
    }

    #[link(name = "user32")]
    extern "system" {
        fn SendMessageW(h: Hwnd, msg: u32, w: usize, l: isize) -> isize;
        fn MapWindowPoints(from: Hwnd, to: Hwnd, pts: *mut Rect, n: u32) -> i32;
    }

    const LVM_GETITEMCOUNT: u32 = 0x1004;
    const LVM_ENSUREVISIBLE: u32 = 0x1013;
    const LVM_GETHEADER: u32 = 0x101f;
    const LVM_GETSUBITEMRECT: u32 = 0x1038;
    const LVM_GETITEMTEXTW: u32 = 0x1073;
    const HDM_GETITEMRECT: u32 = 0x1207;
    const HDM_GETITEMW: u32 = 0x120b;

    fn lv(h: usize) -> Hwnd {
        h as Hwnd
    }

    pub fn row_count(h: usize) -> i32 {
        unsafe { SendMessageW(lv(h), LVM_GETITEMCOUNT, 0, 0) as i32 }
    }

    pub fn cell_text(h: usize, row: i32, table_col: i32, _model_col: i32) -> String {
        let mut buf = vec![0u16; 1024];
        let mut it: LvItem = unsafe { std::mem::zeroed() };
        it.sub_item = table_col;
        it.text = buf.as_mut_ptr();
        it.text_max = buf.len() as i32;
        let n = unsafe { SendMessageW(lv(h), LVM_GETITEMTEXTW, row as usize, &mut it as *mut LvItem as isize) };
        String::from_utf16_lossy(&buf[..n.max(0) as usize])
    }

    pub fn sort_indicator(h: usize, col: i32) -> i32 {
        let mut it: HdItem = unsafe { std::mem::zeroed() };
        it.mask = 4; // HDI_FORMAT
        unsafe {
            let header = SendMessageW(lv(h), LVM_GETHEADER, 0, 0) as Hwnd;
            SendMessageW(header, HDM_GETITEMW, col as usize, &mut it as *mut HdItem as isize);
        }
        if it.fmt & 0x400 != 0 {
            1
        } else if it.fmt & 0x200 != 0 {
            2
        } else {
            0
        }
    }

    pub fn scroll_to(h: usize, row: i32) {
        unsafe { SendMessageW(lv(h), LVM_ENSUREVISIBLE, row as usize, 0) };
    }

    pub fn cell_centre(h: usize, row: i32, col: i32) -> (i32, i32) {
        let mut r = Rect { top: col, ..Default::default() };
        unsafe {
            SendMessageW(lv(h), LVM_GETSUBITEMRECT, row as usize, &mut r as *mut Rect as isize);
            if col == 0 {
                r.right = r.left + 40;
            }
            MapWindowPoints(lv(h), std::ptr::null_mut(), &mut r, 2);
        }
        ((r.left + r.right) / 2, (r.top + r.bottom) / 2)
    }

    pub fn header_centre(h: usize, col: i32) -> (i32, i32) {
        let mut r = Rect::default();
        unsafe {
            let header = SendMessageW(lv(h), LVM_GETHEADER, 0, 0) as Hwnd;
            SendMessageW(header, HDM_GETITEMRECT, col as usize, &mut r as *mut Rect as isize);
            MapWindowPoints(header, std::ptr::null_mut(), &mut r, 2);
        }
        ((r.left + r.right) / 2, (r.top + r.bottom) / 2)
    }
}
