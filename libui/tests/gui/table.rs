//! The safe table: values read back through the C getters, the rows the native grid shows, row
//! notifications, misuse errors, the model outliving its tables, and panics in model methods.

use std::cell::{Cell, RefCell};
use std::ffi::{c_int, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

use zt_libui::{
    ColumnType, Control, Editable, Error, Image, Model, Rgba, SelectionMode, SortIndicator, Table, TableModel, Ui,
    Value, Window,
};
use zt_libui_sys as sys;

use crate::{pump, Case};

pub const CASES: &[Case] = &[
    ("table_values_cross_the_boundary", table_values_cross_the_boundary),
    ("table_shows_the_model_rows", table_shows_the_model_rows),
    ("table_properties_read_back", table_properties_read_back),
    ("table_keeps_its_model_alive", table_keeps_its_model_alive),
    ("table_model_panic_is_raised_from_main", table_model_panic_is_raised_from_main),
];

const RED: Rgba = Rgba { r: 1.0, g: 0.0, b: 0.0, a: 1.0 };

/// One row of the test's own row type.
#[derive(Clone)]
struct Peer {
    name: String,
    on: bool,
    progress: i32,
}

/// Columns: 0 name (text), 1 icon (image), 2 on (int), 3 progress (int), 4 colour, 5 button label (text).
struct Peers {
    rows: Vec<Peer>,
    icon: Image,
    edits: Vec<(usize, usize, Value)>,
    presses: Vec<(usize, usize)>,
    panic_on_row: Option<usize>,
    dropped: Rc<Cell<bool>>,
}

impl Drop for Peers {
    fn drop(&mut self) {
        self.dropped.set(true);
    }
}

impl TableModel for Peers {
    fn columns(&self) -> Vec<ColumnType> {
        use ColumnType::*;
        vec![Text, Image, Int, Int, Color, Text]
    }
    fn num_rows(&self) -> usize {
        self.rows.len()
    }
    fn cell(&self, row: usize, column: usize) -> Option<Value> {
        if self.panic_on_row == Some(row) {
            panic!("cell of a bad row");
        }
        let p = self.rows.get(row)?;
        Some(match column {
            0 => Value::Text(p.name.clone()),
            1 => Value::Image(self.icon.clone()),
            2 => Value::checkbox(p.on),
            3 => Value::Int(p.progress),
            4 if row % 2 == 0 => Value::Color(RED),
            4 => return None,
            _ => Value::Text(format!("Go {row}")),
        })
    }
    fn set_cell(&mut self, row: usize, column: usize, value: Value) {
        match (column, &value) {
            (0, Value::Text(t)) => self.rows[row].name = t.clone(),
            (2, Value::Int(i)) => self.rows[row].on = *i != 0,
            _ => {}
        }
        self.edits.push((row, column, value));
    }
    fn button_clicked(&mut self, row: usize, column: usize) {
        self.presses.push((row, column));
    }
}

fn peer(i: usize) -> Peer {
    Peer { name: format!("peer {i}"), on: i % 3 == 0, progress: (i % 101) as i32 }
}

fn icon(ui: &Ui) -> Result<Image, String> {
    let img = Image::new(ui, 16.0, 16.0).map_err(|e| e.to_string())?;
    let one = vec![0x80u8; 16 * 16 * 4];
    let two = vec![0xffu8; 32 * 32 * 4];
    img.append(&one, 16, 16, 64).map_err(|e| e.to_string())?;
    img.append(&two, 32, 32, 128).map_err(|e| e.to_string())?;
    Ok(img)
}

fn peers(ui: &Ui, n: usize) -> Result<(Model<Peers>, Rc<Cell<bool>>), String> {
    let dropped = Rc::new(Cell::new(false));
    let model = Model::new(
        ui,
        Peers {
            rows: (0..n).map(peer).collect(),
            icon: icon(ui)?,
            edits: Vec::new(),
            presses: Vec::new(),
            panic_on_row: None,
            dropped: dropped.clone(),
        },
    );
    Ok((model, dropped))
}

/// A table with a column of every kind over `model`, shown in a window.
fn shown(ui: &Ui, model: &Model<Peers>, title: &str) -> Result<(Window, Table), String> {
    let e = |e: Error| e.to_string();
    let t = Table::with_row_background(ui, model, 4).map_err(e)?;
    t.append_text_column("Name", 0, Editable::Always, Some(4)).map_err(e)?;
    t.append_image_column("Icon", 1).map_err(e)?;
    t.append_image_text_column("Icon and name", 1, 0, Editable::Never, None).map_err(e)?;
    t.append_checkbox_column("On", 2, Editable::ByColumn(3)).map_err(e)?;
    t.append_checkbox_text_column("On and name", 2, Editable::Always, 0, Editable::Never, None).map_err(e)?;
    t.append_progress_column("Progress", 3).map_err(e)?;
    t.append_button_column("Action", 5, Editable::Always).map_err(e)?;
    let w = Window::new(ui, title, 900, 360, false);
    w.set_child(&t).map_err(e)?;
    w.show();
    pump(ui, 150);
    Ok((w, t))
}

/// A cell read the way a table reads it: CellValue through the model's C handler, then the C
/// getters, then the value freed once.
enum Read {
    Text(String),
    Int(i32),
    Color([f64; 4]),
    Image,
    Null,
}

fn read_cell<M: TableModel>(m: &Model<M>, row: c_int, column: c_int) -> Read {
    let (mh, raw) = m.as_raw();
    // SAFETY: the model's own handler on the UI thread; the value is freed once below.
    unsafe {
        let v = ((*mh).CellValue.expect("CellValue set"))(mh, raw, row, column);
        if v.is_null() {
            return Read::Null;
        }
        let read = match sys::uiTableValueGetType(v) {
            sys::uiTableValueTypeString => {
                Read::Text(CStr::from_ptr(sys::uiTableValueString(v)).to_string_lossy().into_owned())
            }
            sys::uiTableValueTypeInt => Read::Int(sys::uiTableValueInt(v)),
            sys::uiTableValueTypeColor => {
                let mut c = [0.0; 4];
                let [r, g, b, a] = &mut c;
                sys::uiTableValueColor(v, r, g, b, a);
                Read::Color(c)
            }
            _ => {
                if sys::uiTableValueImage(v).is_null() {
                    Read::Null
                } else {
                    Read::Image
                }
            }
        };
        sys::uiFreeTableValue(v);
        read
    }
}

/// A user's edit as a table makes it: SetCellValue with a C value it frees afterwards.
fn edit_cell<M: TableModel>(m: &Model<M>, row: c_int, column: c_int, value: Option<&str>) {
    let (mh, raw) = m.as_raw();
    // SAFETY: as above.
    unsafe {
        let v = match value {
            Some(t) => sys::uiNewTableValueString(std::ffi::CString::new(t).unwrap().as_ptr()),
            None => std::ptr::null_mut(),
        };
        ((*mh).SetCellValue.expect("SetCellValue set"))(mh, raw, row, column, v);
        if !v.is_null() {
            sys::uiFreeTableValue(v);
        }
    }
}

fn table_values_cross_the_boundary(ui: &Ui) -> Result<(), String> {
    let (m, _) = peers(ui, 3)?;
    let (mh, raw) = m.as_raw();
    // SAFETY: the model's own handler.
    let (columns, rows) = unsafe { ((*mh).NumColumns.unwrap()(mh, raw), (*mh).NumRows.unwrap()(mh, raw)) };
    check!(columns == 6 && rows == 3);
    // SAFETY: as above.
    check!(unsafe { (*mh).ColumnType.unwrap()(mh, raw, 1) } == sys::uiTableValueTypeImage);
    check!(matches!(read_cell(&m, 1, 0), Read::Text(t) if t == "peer 1"));
    check!(matches!(read_cell(&m, 1, 1), Read::Image));
    check!(matches!(read_cell(&m, 0, 2), Read::Int(1)));
    check!(matches!(read_cell(&m, 2, 3), Read::Int(2)));
    check!(matches!(read_cell(&m, 0, 4), Read::Color([1.0, 0.0, 0.0, 1.0])));
    // No colour is an answer; a text or number cell the model leaves empty is an empty value.
    check!(matches!(read_cell(&m, 1, 4), Read::Null));
    check!(matches!(read_cell(&m, 7, 0), Read::Text(t) if t.is_empty()));
    check!(matches!(read_cell(&m, 7, 2), Read::Int(0)));
    check!(matches!(read_cell(&m, -1, 0), Read::Null));

    edit_cell(&m, 2, 0, Some("renamed ✓"));
    edit_cell(&m, 1, 5, None);
    let (name, edits, presses) =
        m.read(|p| (p.rows[2].name.clone(), p.edits.clone(), p.presses.clone())).map_err(|e| e.to_string())?;
    check!(name == "renamed ✓");
    check!(edits == [(2, 0, Value::Text("renamed ✓".into()))]);
    check!(presses == [(1, 5)]);

    // Misuse is an error before C sees it.
    check!(Image::new(ui, 0.0, 5.0).err() == Some(Error::OutOfRange));
    check!(Image::new(ui, f64::NAN, 5.0).err() == Some(Error::OutOfRange));
    check!(Image::new(ui, 1e9, 5.0).err() == Some(Error::OutOfRange));
    let img = Image::new(ui, 2.0, 2.0).map_err(|e| e.to_string())?;
    check!(img.append(&[0; 15], 2, 2, 8) == Err(Error::OutOfRange));
    check!(img.append(&[0; 16], 2, 2, 7) == Err(Error::OutOfRange));
    check!(img.append(&[0; 16], 0, 2, 8) == Err(Error::OutOfRange));
    check!(img.append(&[0; 16], 2, 2, 8).is_ok());
    // A stride wider than a row needs no padding after the last row.
    check!(img.append(&[0; 28], 3, 2, 16).is_ok());
    check!(m.row_inserted(3) == Err(Error::OutOfRange));
    check!(m.row_changed(3) == Err(Error::OutOfRange));
    check!(m.row_deleted(4) == Err(Error::OutOfRange));
    check!(m.row_deleted(3).is_ok(), "the last row's old index is still valid");
    check!(m.update(|_| m.row_changed(0)) == Ok(Err(Error::Busy)));
    check!(m.update(|_| m.read(|_| ())) == Ok(Err(Error::Busy)));
    let t = Table::new(ui, &m);
    check!(t.append_text_column("x", 1, Editable::Never, None) == Err(Error::ColumnType));
    check!(t.append_text_column("x", 6, Editable::Never, None) == Err(Error::OutOfRange));
    check!(t.append_text_column("x", 0, Editable::ByColumn(0), None) == Err(Error::ColumnType));
    check!(t.append_text_column("x", 0, Editable::Never, Some(0)) == Err(Error::ColumnType));
    check!(t.append_checkbox_column("x", 0, Editable::Never) == Err(Error::ColumnType));
    check!(t.append_progress_column("x", 4) == Err(Error::ColumnType));
    check!(t.append_button_column("x", 2, Editable::Always) == Err(Error::ColumnType));
    check!(t.append_image_column("x", 0) == Err(Error::ColumnType));
    check!(t.num_columns() == 0);
    check!(Table::with_row_background(ui, &m, 0).err() == Some(Error::ColumnType));
    check!(Table::with_row_background(ui, &m, 9).err() == Some(Error::OutOfRange));
    Ok(())
}

fn table_shows_the_model_rows(ui: &Ui) -> Result<(), String> {
    let (m, _) = peers(ui, 40)?;
    let (w, t) = shown(ui, &m, "safe table rows")?;
    let h = t.native_handle();
    check!(t.num_columns() == 7);
    check!(native::row_count(h) == 40);
    for row in [0, 9, 39] {
        check!(native::cell_text(h, row, 0, 0) == format!("peer {row}"), "row {row}");
        check!(native::cell_text(h, row, 6, 5) == format!("Go {row}"), "button of row {row}");
    }
    // Insert at the top, change a row, delete one: each notified, each shown.
    m.update(|p| p.rows.insert(0, Peer { name: "first".into(), on: false, progress: -1 }))
        .map_err(|e| e.to_string())?;
    m.row_inserted(0).map_err(|e| e.to_string())?;
    m.update(|p| p.rows[5].name = "changed".into()).map_err(|e| e.to_string())?;
    m.row_changed(5).map_err(|e| e.to_string())?;
    m.update(|p| p.rows.remove(40)).map_err(|e| e.to_string())?;
    m.row_deleted(40).map_err(|e| e.to_string())?;
    pump(ui, 50);
    check!(native::row_count(h) == 40);
    check!(native::cell_text(h, 0, 0, 0) == "first");
    check!(native::cell_text(h, 1, 0, 0) == "peer 0");
    check!(native::cell_text(h, 5, 0, 0) == "changed");
    check!(native::cell_text(h, 39, 0, 0) == "peer 38");
    w.destroy();
    check!(!t.is_alive());
    Ok(())
}

fn table_properties_read_back(ui: &Ui) -> Result<(), String> {
    let (m, _) = peers(ui, 20)?;
    let (w, t) = shown(ui, &m, "safe table properties")?;
    check!(t.header_visible());
    t.set_header_visible(false);
    check!(!t.header_visible());
    t.set_header_visible(true);
    check!(t.header_visible());

    check!(t.sort_indicator(0) == Some(SortIndicator::None));
    t.set_sort_indicator(0, SortIndicator::Ascending).map_err(|e| e.to_string())?;
    t.set_sort_indicator(6, SortIndicator::Descending).map_err(|e| e.to_string())?;
    check!(t.sort_indicator(0) == Some(SortIndicator::Ascending));
    check!(t.sort_indicator(6) == Some(SortIndicator::Descending));
    check!(t.sort_indicator(7).is_none());
    check!(t.set_sort_indicator(7, SortIndicator::Ascending) == Err(Error::OutOfRange));

    t.set_column_width(0, Some(210)).map_err(|e| e.to_string())?;
    pump(ui, 50);
    let width = t.column_width(0).unwrap_or(0);
    check!(width.abs_diff(210) <= 1, "width {width}");
    t.set_column_width(0, None).map_err(|e| e.to_string())?;
    check!(t.column_width(0).is_some_and(|w| w > 0));
    check!(t.column_width(7).is_none());
    check!(t.set_column_width(7, Some(10)) == Err(Error::OutOfRange));
    check!(t.set_column_width(0, Some(70_000)) == Err(Error::OutOfRange));

    check!(t.selection_mode() == SelectionMode::ZeroOrOne);
    // GTK selects the cursor row when the grid takes the focus, so start from no selection.
    t.set_selection(&[]).map_err(|e| e.to_string())?;
    check!(t.selection().is_empty(), "{:?}", t.selection());
    t.set_selection(&[4]).map_err(|e| e.to_string())?;
    check!(t.selection() == [4]);
    check!(t.set_selection(&[1, 2]) == Err(Error::SelectionMode));
    check!(t.selection() == [4]);
    t.set_selection_mode(SelectionMode::ZeroOrMany);
    check!(t.selection_mode() == SelectionMode::ZeroOrMany);
    t.set_selection(&[9, 2, 9]).map_err(|e| e.to_string())?;
    check!(t.selection() == [2, 9]);
    check!(t.set_selection(&[20]) == Err(Error::OutOfRange));
    check!(t.selection() == [2, 9]);
    t.set_selection_mode(SelectionMode::None);
    check!(t.selection().is_empty());
    check!(t.set_selection(&[1]) == Err(Error::SelectionMode));
    t.set_selection(&[]).map_err(|e| e.to_string())?;

    // The events' closures are kept and replaced without trouble (real input: libui-sys's cases).
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    t.on_row_clicked(move |_, row| s.borrow_mut().push(row));
    t.on_row_double_clicked(|_, _| {});
    t.on_header_clicked(|_, _| {});
    t.on_selection_changed(|_| {});
    w.destroy();
    check!(t.selection().is_empty() && t.column_width(0).is_none() && t.set_selection(&[]) == Err(Error::Destroyed));
    check!(t.append_image_column("late", 1) == Err(Error::Destroyed));
    Ok(())
}

fn table_keeps_its_model_alive(ui: &Ui) -> Result<(), String> {
    let (m, dropped) = peers(ui, 5)?;
    let (w, t) = shown(ui, &m, "safe table owns its model")?;
    let h = t.native_handle();
    drop(m);
    check!(!dropped.get(), "the table still shows the rows");
    check!(native::cell_text(h, 4, 0, 0) == "peer 4");
    w.destroy();
    check!(dropped.get(), "freed with its last table");

    // A table never shown frees its model when its last handle goes.
    let (m, dropped) = peers(ui, 5)?;
    let t = Table::new(ui, &m);
    drop(m);
    check!(!dropped.get());
    drop(t);
    check!(dropped.get());
    Ok(())
}

fn table_model_panic_is_raised_from_main(ui: &Ui) -> Result<(), String> {
    let (m, _) = peers(ui, 5)?;
    m.update(|p| p.panic_on_row = Some(2)).map_err(|e| e.to_string())?;
    let t = Table::new(ui, &m);
    t.append_text_column("Name", 0, Editable::Never, None).map_err(|e| e.to_string())?;
    let w = Window::new(ui, "safe table panic", 300, 200, false);
    w.set_child(&t).map_err(|e| e.to_string())?;
    w.show();
    // A timer ends the loop if no panic does (and stops itself once the case is over).
    let over = Rc::new(Cell::new(false));
    let (o, mut ticks) = (over.clone(), 0);
    ui.timer(100, move || {
        ticks += 1;
        if !o.get() && ticks == 50 {
            zt_libui::quit();
        }
        !o.get() && ticks < 50
    });
    let raised = catch_unwind(AssertUnwindSafe(|| ui.main()));
    over.set(true);
    let payload = raised.err().ok_or("no panic came back from the loop")?;
    m.update(|p| p.panic_on_row = None).map_err(|e| e.to_string())?;
    check!(payload.downcast_ref::<&str>() == Some(&"cell of a bad row"));
    // The other rows were still read.
    check!(native::cell_text(t.native_handle(), 1, 0, 0) == "peer 1");
    w.destroy();
    Ok(())
}

// ---- what the native grid shows -------------------------------------------------------------

#[cfg(not(windows))]
mod native {
    use std::ffi::{c_char, c_int, c_void, CStr};

    extern "C" {
        fn gtk_bin_get_child(b: usize) -> usize;
        fn gtk_tree_view_get_model(tv: usize) -> *mut c_void;
        fn gtk_tree_model_iter_n_children(m: *mut c_void, iter: *mut c_void) -> c_int;
        fn gtk_tree_model_iter_nth_child(m: *mut c_void, iter: *mut [usize; 4], parent: *mut c_void, n: c_int)
            -> c_int;
        fn gtk_tree_model_get_value(m: *mut c_void, iter: *mut [usize; 4], col: c_int, v: *mut [u64; 3]);
        fn g_value_get_string(v: *const [u64; 3]) -> *const c_char;
        fn g_value_unset(v: *mut [u64; 3]);
    }

    /// The GtkTreeModel behind the table (its handle is the scrolled window around the tree view).
    fn model(h: usize) -> *mut c_void {
        // SAFETY: a live table's handle.
        unsafe { gtk_tree_view_get_model(gtk_bin_get_child(h)) }
    }

    pub fn row_count(h: usize) -> i32 {
        // SAFETY: a live model.
        unsafe { gtk_tree_model_iter_n_children(model(h), std::ptr::null_mut()) }
    }

    /// A string model column's text (GTK reads the model column; Win32 the table column).
    pub fn cell_text(h: usize, row: i32, _table_col: i32, model_col: i32) -> String {
        let m = model(h);
        let mut iter = [0usize; 4];
        let mut v = [0u64; 3];
        // SAFETY: a live model; the GValue is unset after the copy.
        unsafe {
            if gtk_tree_model_iter_nth_child(m, &mut iter, std::ptr::null_mut(), row) == 0 {
                return "<no row>".into();
            }
            gtk_tree_model_get_value(m, &mut iter, model_col, &mut v);
            let p = g_value_get_string(&v);
            let s = if p.is_null() { String::new() } else { CStr::from_ptr(p).to_string_lossy().into_owned() };
            g_value_unset(&mut v);
            s
        }
    }
}

#[cfg(windows)]
mod native {
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

    #[link(name = "user32")]
    extern "system" {
        fn SendMessageW(h: usize, msg: u32, w: usize, l: isize) -> isize;
    }

    const LVM_GETITEMCOUNT: u32 = 0x1004;
    const LVM_GETITEMTEXTW: u32 = 0x1073;

    pub fn row_count(h: usize) -> i32 {
        // SAFETY: a live ListView.
        unsafe { SendMessageW(h, LVM_GETITEMCOUNT, 0, 0) as i32 }
    }

    pub fn cell_text(h: usize, row: i32, table_col: i32, _model_col: i32) -> String {
        let mut buf = vec![0u16; 1024];
        // SAFETY: all-zero is a valid LVITEMW.
        let mut it: LvItem = unsafe { std::mem::zeroed() };
        it.sub_item = table_col;
        it.text = buf.as_mut_ptr();
        it.text_max = buf.len() as i32;
        // SAFETY: a live ListView and a buffer of text_max characters.
        let n = unsafe { SendMessageW(h, LVM_GETITEMTEXTW, row as usize, &mut it as *mut LvItem as isize) };
        String::from_utf16_lossy(&buf[..n.max(0) as usize])
    }
}
