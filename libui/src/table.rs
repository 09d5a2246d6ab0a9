//! Tables: a virtual grid ([`Table`], `uiTable`) over the program's own rows, reached through a
//! [`TableModel`] it implements, and the [`Image`]s cells show (`uiImage`).
//!
//! The table asks only for the rows it shows, so a model of a million rows costs what one of a
//! thousand does.  The program keeps its rows; after changing them (in [`Model::update`]) it says
//! which row changed with [`Model::row_inserted`], [`Model::row_changed`] or
//! [`Model::row_deleted`].  A [`Table`] keeps its [`Model`] alive, so the model always outlives
//! the tables showing it (libui-ng's rule) whatever the program drops first.
//!
//! ```no_run
//! use zt_libui::{ColumnType, Control, Editable, Model, Table, TableModel, Ui, Value, Window};
//!
//! struct Peer {
//!     address: String,
//!     latency_ms: i32,
//!     trusted: bool,
//! }
//!
//! struct Peers(Vec<Peer>);
//!
//! impl TableModel for Peers {
//!     fn columns(&self) -> Vec<ColumnType> {
//!         vec![ColumnType::Text, ColumnType::Int, ColumnType::Int]
//!     }
//!     fn num_rows(&self) -> usize {
//!         self.0.len()
//!     }
//!     fn cell(&self, row: usize, column: usize) -> Option<Value> {
//!         let peer = self.0.get(row)?;
//!         Some(match column {
//!             0 => Value::Text(peer.address.clone()),
//!             1 => Value::Int(peer.latency_ms),
//!             _ => Value::checkbox(peer.trusted),
//!         })
//!     }
//!     fn set_cell(&mut self, row: usize, column: usize, value: Value) {
//!         if let (Some(peer), 2, Value::Int(on)) = (self.0.get_mut(row), column, value) {
//!             peer.trusted = on != 0;
//!         }
//!     }
//! }
//!
//! let ui = Ui::init()?;
//! let model = Model::new(&ui, Peers(Vec::new()));
//! let table = Table::new(&ui, &model);
//! table.append_text_column("Address", 0, Editable::Never, None)?;
//! table.append_progress_column("Latency", 1)?;
//! table.append_checkbox_column("Trusted", 2, Editable::Always)?;
//! table.on_row_double_clicked(|_, row| println!("open peer {row}"));
//! let window = Window::new(&ui, "Peers", 480, 320, false);
//! window.set_child(&table)?;
//!
//! // New data arrives: change the rows, then tell the tables.
//! let at = model.update(|peers| {
//!     peers.0.push(Peer { address: "10.147.17.3".into(), latency_ms: 12, trusted: false });
//!     peers.0.len() - 1
//! })?;
//! model.row_inserted(at)?;
//! window.show();
//! ui.main();
//! # Ok::<(), zt_libui::Error>(())
//! ```

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ffi::{c_int, c_void, CStr};
use std::fmt;
use std::marker::PhantomData;
use std::rc::{Rc, Weak};

use zt_libui_sys as sys;

use crate::node::{c_text, Local, Node};
use crate::{panic, Control, Error, Rgba, Ui};

// ---- images ------------------------------------------------------------------------------------

/// A picture for table cells, in several pixel sizes of which the one that fits the monitor's
/// DPI is shown (`uiImage`).  A cheap handle (`Clone`); freed when the last handle and the last
/// model that showed it are gone.
#[derive(Clone)]
pub struct Image(Rc<ImageInner>);

struct ImageInner(*mut sys::uiImage);

impl Drop for ImageInner {
    fn drop(&mut self) {
        // SAFETY: ours; no table value holds it (values live only inside one cell read).
        unsafe { sys::uiFreeImage(self.0) }
    }
}

impl Image {
    /// An image `width` x `height` points (above 0 and at most 65536) with no pixels yet.
    pub fn new(_ui: &Ui, width: f64, height: f64) -> Result<Image, Error> {
        if !(width > 0.0 && height > 0.0 && width.is_finite() && height.is_finite()) {
            return Err(Error::OutOfRange);
        }
        // SAFETY: on the UI thread after init; C refuses sizes beyond its limit with NULL.
        let p = unsafe { sys::uiNewImage(width, height) };
        if p.is_null() {
            return Err(Error::OutOfRange);
        }
        Ok(Image(Rc::new(ImageInner(p))))
    }

    /// Adds one pixel size: `height` rows of `width` RGBA pixels (4 bytes each, straight
    /// alpha: not premultiplied, as `uiImageAppend` takes them), rows `stride` bytes apart.  A size appended
    /// again replaces the earlier pixels.  [`Error::OutOfRange`] if `pixels` is shorter than that,
    /// a side is 0 or above 16384 pixels, or `stride` is below `4 * width`.
    pub fn append(&self, pixels: &[u8], width: usize, height: usize, stride: usize) -> Result<(), Error> {
        let fits = |n: usize| (1..=16384).contains(&n);
        if !fits(width) || !fits(height) || stride < 4 * width {
            return Err(Error::OutOfRange);
        }
        let needed = stride.checked_mul(height - 1).and_then(|n| n.checked_add(4 * width));
        let stride_c = c_int::try_from(stride).map_err(|_| Error::OutOfRange)?;
        if needed.map_or(true, |n| pixels.len() < n) {
            return Err(Error::OutOfRange);
        }
        // SAFETY: the slice holds every row C reads; C copies the pixels.  Sizes fit c_int (checked).
        unsafe {
            sys::uiImageAppend(self.0 .0, pixels.as_ptr().cast_mut().cast(), width as c_int, height as c_int, stride_c)
        };
        Ok(())
    }

    fn raw(&self) -> *mut sys::uiImage {
        self.0 .0
    }
}

impl PartialEq for Image {
    /// The same image, not equal pixels.
    fn eq(&self, other: &Image) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Image({:p})", self.raw())
    }
}

// ---- values ------------------------------------------------------------------------------------

/// What a model column holds (`uiTableValueType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text for text and button columns.
    Text,
    /// An [`Image`] for image columns.
    Image,
    /// A number: 0/1 for checkboxes and editability, 0..=100 (or -1, busy) for progress bars.
    Int,
    /// A colour for text or row backgrounds.
    Color,
}

impl ColumnType {
    fn to_c(self) -> sys::uiTableValueType {
        match self {
            ColumnType::Text => sys::uiTableValueTypeString,
            ColumnType::Image => sys::uiTableValueTypeImage,
            ColumnType::Int => sys::uiTableValueTypeInt,
            ColumnType::Color => sys::uiTableValueTypeColor,
        }
    }
}

/// One cell's value (`uiTableValue`).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Image(Image),
    Int(i32),
    Color(Rgba),
}

impl Value {
    /// A checkbox's value: 1 ticked, 0 not.
    pub fn checkbox(ticked: bool) -> Value {
        Value::Int(i32::from(ticked))
    }

    pub fn column_type(&self) -> ColumnType {
        match self {
            Value::Text(_) => ColumnType::Text,
            Value::Image(_) => ColumnType::Image,
            Value::Int(_) => ColumnType::Int,
            Value::Color(_) => ColumnType::Color,
        }
    }

    /// A new C value, which the table frees.  An image is also kept in `images`, because the
    /// table draws it after freeing the value.
    fn into_c(self, images: &RefCell<HashMap<usize, Image>>) -> *mut sys::uiTableValue {
        // SAFETY (all arms): on the UI thread inside a model callback; C copies text.
        match self {
            Value::Text(s) => unsafe { sys::uiNewTableValueString(c_text(&s).as_ptr()) },
            Value::Int(i) => unsafe { sys::uiNewTableValueInt(i) },
            Value::Color(c) => unsafe { sys::uiNewTableValueColor(c.r, c.g, c.b, c.a) },
            Value::Image(img) => {
                let p = img.raw();
                images.borrow_mut().entry(p as usize).or_insert(img);
                unsafe { sys::uiNewTableValueImage(p) }
            }
        }
    }

    /// A value the table hands to SetCellValue (text or a number; the user edits nothing else).
    ///
    /// # Safety
    /// `v` is a live value for the duration of the call.
    unsafe fn from_c(v: *const sys::uiTableValue) -> Option<Value> {
        // SAFETY: v is live (caller's promise); the string is copied before the call returns.
        unsafe {
            match sys::uiTableValueGetType(v) {
                sys::uiTableValueTypeString => {
                    Some(Value::Text(CStr::from_ptr(sys::uiTableValueString(v)).to_string_lossy().into_owned()))
                }
                sys::uiTableValueTypeInt => Some(Value::Int(sys::uiTableValueInt(v))),
                sys::uiTableValueTypeColor => {
                    let mut c = Rgba { r: 0.0, g: 0.0, b: 0.0, a: 0.0 };
                    sys::uiTableValueColor(v, &mut c.r, &mut c.g, &mut c.b, &mut c.a);
                    Some(Value::Color(c))
                }
                _ => None,
            }
        }
    }
}

// ---- models ------------------------------------------------------------------------------------

/// The program's rows as a table sees them (`uiTableModelHandler`).  Every method runs on the UI
/// thread while a table draws or the user edits; a panic in one is raised again from
/// [`Ui::main`] and the table gets an empty cell meanwhile.
pub trait TableModel: 'static {
    /// The type of each model column; asked once, when the [`Model`] is made (the columns of a
    /// libui-ng model never change).
    fn columns(&self) -> Vec<ColumnType>;

    /// How many rows there are now.
    fn num_rows(&self) -> usize;

    /// The value at `row`, `column`, of the column's type.  `None` shows nothing (empty text, 0,
    /// no image, the default colour).  An [`Image`] returned here is kept until the model is
    /// freed, so return clones of a few images rather than a new one per call.
    fn cell(&self, row: usize, column: usize) -> Option<Value>;

    /// The user edited a text cell or toggled a checkbox (`value` is [`Value::Text`] or
    /// [`Value::Int`]).  Tables show the new value once the model has it; nothing needs notifying.
    fn set_cell(&mut self, row: usize, column: usize, value: Value) {
        let _ = (row, column, value);
    }

    /// The user pressed the button in `row` of the button column showing model column `column`.
    fn button_clicked(&mut self, row: usize, column: usize) {
        let _ = (row, column);
    }
}

/// A [`TableModel`] given to the toolkit (`uiTableModel`): a cheap handle (`Clone`) through which
/// the program reaches its rows and notifies the tables.  Freed once the last handle and the last
/// table showing it are gone.
pub struct Model<M: TableModel>(Rc<Core<M>>);

impl<M: TableModel> Clone for Model<M> {
    fn clone(&self) -> Self {
        Model(self.0.clone())
    }
}

/// What C holds: the handler first, so the handler pointer C passes back is the core's address.
#[repr(C)]
struct Core<M> {
    handler: sys::uiTableModelHandler,
    raw: Cell<*mut sys::uiTableModel>,
    columns: Vec<ColumnType>,
    /// The last row count given to C, answered again while the rows cannot be read (the program
    /// is changing them, or NumRows panicked).
    last_rows: Cell<c_int>,
    images: RefCell<HashMap<usize, Image>>,
    data: RefCell<M>,
}

impl<M> Drop for Core<M> {
    fn drop(&mut self) {
        // SAFETY: every table holds the core, so none shows the model any more.
        unsafe { sys::uiFreeTableModel(self.raw.get()) }
    }
}

/// What a [`Table`] needs of its model whatever the row type.
trait ModelInfo {
    fn column_type(&self, column: usize) -> Option<ColumnType>;
    /// `None` while the rows are being changed.
    fn rows(&self) -> Option<usize>;
}

impl<M: TableModel> ModelInfo for Core<M> {
    fn column_type(&self, column: usize) -> Option<ColumnType> {
        self.columns.get(column).copied()
    }
    fn rows(&self) -> Option<usize> {
        self.data.try_borrow().ok().map(|d| d.num_rows())
    }
}

impl<M: TableModel> Model<M> {
    /// Gives `rows` to the toolkit.
    pub fn new(_ui: &Ui, rows: M) -> Model<M> {
        let core = Rc::new(Core {
            handler: sys::uiTableModelHandler {
                NumColumns: Some(num_columns::<M>),
                ColumnType: Some(column_type::<M>),
                NumRows: Some(num_rows::<M>),
                CellValue: Some(cell_value::<M>),
                SetCellValue: Some(set_cell_value::<M>),
            },
            raw: Cell::new(std::ptr::null_mut()),
            columns: rows.columns(),
            last_rows: Cell::new(0),
            images: RefCell::new(HashMap::new()),
            data: RefCell::new(rows),
        });
        // SAFETY: the handler is complete and lives in the Rc as long as the model (Core::drop
        // frees the model first); C only reads it.  The pointer is the whole core's (the handler
        // is its first field), so the callbacks may read the rest.
        let raw = unsafe { sys::uiNewTableModel(Rc::as_ptr(&core) as *mut sys::uiTableModelHandler) };
        // Made with &Ui and a complete handler: NULL is a bug of this crate.
        assert!(!raw.is_null(), "zt-libui bug: uiNewTableModel returned NULL");
        core.raw.set(raw);
        Model(core)
    }

    /// Calls `f` with the rows.  [`Error::Busy`] while they are being changed.
    pub fn read<R>(&self, f: impl FnOnce(&M) -> R) -> Result<R, Error> {
        let rows = self.0.data.try_borrow().map_err(|_| Error::Busy)?;
        Ok(f(&rows))
    }

    /// Calls `f` to change the rows; then notify the tables of each changed row.
    /// [`Error::Busy`] if called from inside another `read`/`update` or a [`TableModel`] method.
    pub fn update<R>(&self, f: impl FnOnce(&mut M) -> R) -> Result<R, Error> {
        let mut rows = self.0.data.try_borrow_mut().map_err(|_| Error::Busy)?;
        Ok(f(&mut rows))
    }

    /// Tells the tables a row is now at `index` (after the rows moved up to make room).
    /// [`Error::OutOfRange`] if the model has no row `index`.
    pub fn row_inserted(&self, index: usize) -> Result<(), Error> {
        let i = self.notifiable(index, 0)?;
        // SAFETY: a live model; C checks the index against the rows the tables show.
        unsafe { sys::uiTableModelRowInserted(self.0.raw.get(), i) };
        Ok(())
    }

    /// Tells the tables row `index` shows something new.
    pub fn row_changed(&self, index: usize) -> Result<(), Error> {
        let i = self.notifiable(index, 0)?;
        // SAFETY: as above.
        unsafe { sys::uiTableModelRowChanged(self.0.raw.get(), i) };
        Ok(())
    }

    /// Tells the tables the row that was at `index` is gone (the model already has one row fewer).
    pub fn row_deleted(&self, index: usize) -> Result<(), Error> {
        let i = self.notifiable(index, 1)?;
        // SAFETY: as above.
        unsafe { sys::uiTableModelRowDeleted(self.0.raw.get(), i) };
        Ok(())
    }

    /// `index` for C if it is below the model's row count plus `extra`; the rows must be free,
    /// since C asks for the count at once.
    fn notifiable(&self, index: usize, extra: usize) -> Result<c_int, Error> {
        let rows = self.0.rows().ok_or(Error::Busy)?;
        if index >= rows + extra {
            return Err(Error::OutOfRange);
        }
        c_int::try_from(index).map_err(|_| Error::OutOfRange)
    }

    /// The C model, for tests that call the toolkit directly.
    #[doc(hidden)]
    pub fn as_raw(&self) -> (*mut sys::uiTableModelHandler, *mut sys::uiTableModel) {
        (Rc::as_ptr(&self.0) as *mut sys::uiTableModelHandler, self.0.raw.get())
    }
}

/// The core behind a handler pointer C passes back.
///
/// # Safety
/// `mh` is the handler of a live `Core<M>` (C calls only while a table holds the core).
unsafe fn core<'a, M>(mh: *mut sys::uiTableModelHandler) -> &'a Core<M> {
    // SAFETY: handler is Core's first field (repr(C)); the caller vouches the core lives.
    unsafe { &*(mh as *const Core<M>) }
}

unsafe extern "C" fn num_columns<M: TableModel>(mh: *mut sys::uiTableModelHandler, _: *mut sys::uiTableModel) -> c_int {
    // SAFETY: called by C for this handler.
    let core = unsafe { core::<M>(mh) };
    c_int::try_from(core.columns.len()).unwrap_or(c_int::MAX)
}

unsafe extern "C" fn column_type<M: TableModel>(
    mh: *mut sys::uiTableModelHandler,
    _: *mut sys::uiTableModel,
    column: c_int,
) -> sys::uiTableValueType {
    // SAFETY: as above.
    let core = unsafe { core::<M>(mh) };
    usize::try_from(column).ok().and_then(|c| core.column_type(c)).unwrap_or(ColumnType::Text).to_c()
}

unsafe extern "C" fn num_rows<M: TableModel>(mh: *mut sys::uiTableModelHandler, _: *mut sys::uiTableModel) -> c_int {
    // SAFETY: as above.
    let core = unsafe { core::<M>(mh) };
    let last = core.last_rows.get();
    let n = panic::wrap(last, || {
        core.data.try_borrow().map_or(last, |d| c_int::try_from(d.num_rows()).unwrap_or(c_int::MAX))
    });
    core.last_rows.set(n);
    n
}

unsafe extern "C" fn cell_value<M: TableModel>(
    mh: *mut sys::uiTableModelHandler,
    _: *mut sys::uiTableModel,
    row: c_int,
    column: c_int,
) -> *mut sys::uiTableValue {
    // SAFETY: as above.
    let core = unsafe { core::<M>(mh) };
    let (Ok(r), Ok(c)) = (usize::try_from(row), usize::try_from(column)) else { return std::ptr::null_mut() };
    let value = panic::wrap(None, || core.data.try_borrow().ok().and_then(|d| d.cell(r, c)));
    // No value is an empty one of the column's type; no image or colour is an answer C takes.
    let value = value.or(match core.column_type(c) {
        Some(ColumnType::Text) => Some(Value::Text(String::new())),
        Some(ColumnType::Int) => Some(Value::Int(0)),
        _ => None,
    });
    value.map_or(std::ptr::null_mut(), |v| v.into_c(&core.images))
}

unsafe extern "C" fn set_cell_value<M: TableModel>(
    mh: *mut sys::uiTableModelHandler,
    _: *mut sys::uiTableModel,
    row: c_int,
    column: c_int,
    value: *const sys::uiTableValue,
) {
    // SAFETY: as above.
    let core = unsafe { core::<M>(mh) };
    let (Ok(r), Ok(c)) = (usize::try_from(row), usize::try_from(column)) else { return };
    // SAFETY: C's value lives through this call; NULL is a button press.
    let value = (!value.is_null()).then(|| unsafe { Value::from_c(value) });
    panic::wrap((), || {
        let Ok(mut d) = core.data.try_borrow_mut() else { return };
        match value {
            None => d.button_clicked(r, c),
            Some(Some(v)) => d.set_cell(r, c, v),
            Some(None) => {}
        }
    });
}

// ---- tables ------------------------------------------------------------------------------------

/// Whether the user may edit a column's cells (libui-ng's editable model column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editable {
    Never,
    Always,
    /// Per row, where this [`ColumnType::Int`] model column is not 0.
    ByColumn(usize),
}

/// The arrow a column header shows (`uiSortIndicator`); the table only shows it, the program sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortIndicator {
    None,
    Ascending,
    Descending,
}

/// How many rows the user may select (`uiTableSelectionMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionMode {
    None,
    ZeroOrOne,
    One,
    ZeroOrMany,
}

/// A grid showing a [`Model`]'s rows in columns (`uiTable`).  It keeps its model alive.
#[derive(Clone)]
pub struct Table {
    node: Local<Rc<Node>>,
    /// Weak: only the C table (its node) keeps the model, so a destroyed table lets it go.
    model: Local<Weak<dyn ModelInfo>>,
    _ui_thread: PhantomData<*const ()>,
}

impl Control for Table {
    fn node(&self) -> &Rc<Node> {
        &self.node
    }
}

impl Table {
    /// A table over `model` with no columns yet.
    pub fn new<M: TableModel>(ui: &Ui, model: &Model<M>) -> Table {
        Table::make(ui, model, -1)
    }

    /// Like [`Table::new`], each row's background taken from `column`, a [`ColumnType::Color`]
    /// model column (no colour keeps the default).
    pub fn with_row_background<M: TableModel>(ui: &Ui, model: &Model<M>, column: usize) -> Result<Table, Error> {
        let c = model_column(&*model.0, column, ColumnType::Color)?;
        Ok(Table::make(ui, model, c))
    }

    fn make<M: TableModel>(_ui: &Ui, model: &Model<M>, background: c_int) -> Table {
        let mut params = sys::uiTableParams { Model: model.0.raw.get(), RowBackgroundColorModelColumn: background };
        // SAFETY: a live model and a checked column, on the UI thread.
        let node = Node::new(unsafe { sys::uiNewTable(&mut params) }.cast(), false);
        // The node keeps the model until C has let the table go (Node::destroy frees C's table
        // before dropping what it keeps).
        let info: Rc<dyn ModelInfo> = model.0.clone();
        let weak = Rc::downgrade(&info);
        node.keep("model", Box::new(info));
        Table::wrap(node, weak)
    }

    fn wrap(node: Rc<Node>, model: Weak<dyn ModelInfo>) -> Table {
        Table { node: Local(node), model: Local(model), _ui_thread: PhantomData }
    }

    fn ptr(&self) -> Result<*mut sys::uiTable, Error> {
        self.node.ptr().ok_or(Error::Destroyed)
    }

    /// The model column `column` if it has type `want`, for C.
    fn column(&self, column: usize, want: ColumnType) -> Result<c_int, Error> {
        model_column(&*self.model()?, column, want)
    }

    /// The model while the table lives.
    fn model(&self) -> Result<Rc<dyn ModelInfo>, Error> {
        self.model.upgrade().filter(|_| self.node.alive()).ok_or(Error::Destroyed)
    }

    fn editable(&self, e: Editable) -> Result<c_int, Error> {
        match e {
            Editable::Never => Ok(sys::uiTableModelColumnNeverEditable),
            Editable::Always => Ok(sys::uiTableModelColumnAlwaysEditable),
            Editable::ByColumn(c) => self.column(c, ColumnType::Int),
        }
    }

    fn text_params(&self, color: Option<usize>) -> Result<sys::uiTableTextColumnOptionalParams, Error> {
        let c = color.map_or(Ok(-1), |c| self.column(c, ColumnType::Color))?;
        Ok(sys::uiTableTextColumnOptionalParams { ColorModelColumn: c })
    }

    /// A column of text from model column `text`, coloured by `color` (a colour column) if given.
    /// Errors: [`Error::OutOfRange`] for a model column that does not exist,
    /// [`Error::ColumnType`] for one of another type (so for every `append_*`).
    pub fn append_text_column(
        &self,
        name: &str,
        text: usize,
        editable: Editable,
        color: Option<usize>,
    ) -> Result<(), Error> {
        let t = self.ptr()?;
        let (c, e, mut p) = (self.column(text, ColumnType::Text)?, self.editable(editable)?, self.text_params(color)?);
        // SAFETY: alive table, checked columns; C copies the name.
        unsafe { sys::uiTableAppendTextColumn(t, c_text(name).as_ptr(), c, e, &mut p) };
        Ok(())
    }

    /// A column of images from model column `image`.
    pub fn append_image_column(&self, name: &str, image: usize) -> Result<(), Error> {
        let t = self.ptr()?;
        let c = self.column(image, ColumnType::Image)?;
        // SAFETY: as above.
        unsafe { sys::uiTableAppendImageColumn(t, c_text(name).as_ptr(), c) };
        Ok(())
    }

    /// A column of an image followed by text.
    pub fn append_image_text_column(
        &self,
        name: &str,
        image: usize,
        text: usize,
        editable: Editable,
        color: Option<usize>,
    ) -> Result<(), Error> {
        let t = self.ptr()?;
        let i = self.column(image, ColumnType::Image)?;
        let (c, e, mut p) = (self.column(text, ColumnType::Text)?, self.editable(editable)?, self.text_params(color)?);
        // SAFETY: as above.
        unsafe { sys::uiTableAppendImageTextColumn(t, c_text(name).as_ptr(), i, c, e, &mut p) };
        Ok(())
    }

    /// A column of checkboxes from the [`ColumnType::Int`] model column `checkbox` (0 or 1);
    /// a toggle reaches [`TableModel::set_cell`].
    pub fn append_checkbox_column(&self, name: &str, checkbox: usize, editable: Editable) -> Result<(), Error> {
        let t = self.ptr()?;
        let (c, e) = (self.column(checkbox, ColumnType::Int)?, self.editable(editable)?);
        // SAFETY: as above.
        unsafe { sys::uiTableAppendCheckboxColumn(t, c_text(name).as_ptr(), c, e) };
        Ok(())
    }

    /// A column of a checkbox followed by text.
    #[allow(clippy::too_many_arguments)]
    pub fn append_checkbox_text_column(
        &self,
        name: &str,
        checkbox: usize,
        checkbox_editable: Editable,
        text: usize,
        text_editable: Editable,
        color: Option<usize>,
    ) -> Result<(), Error> {
        let t = self.ptr()?;
        let (b, be) = (self.column(checkbox, ColumnType::Int)?, self.editable(checkbox_editable)?);
        let (c, e, mut p) =
            (self.column(text, ColumnType::Text)?, self.editable(text_editable)?, self.text_params(color)?);
        // SAFETY: as above.
        unsafe { sys::uiTableAppendCheckboxTextColumn(t, c_text(name).as_ptr(), b, be, c, e, &mut p) };
        Ok(())
    }

    /// A column of progress bars from the [`ColumnType::Int`] model column `progress`
    /// (0..=100; -1 shows an indeterminate bar).
    pub fn append_progress_column(&self, name: &str, progress: usize) -> Result<(), Error> {
        let t = self.ptr()?;
        let c = self.column(progress, ColumnType::Int)?;
        // SAFETY: as above.
        unsafe { sys::uiTableAppendProgressBarColumn(t, c_text(name).as_ptr(), c) };
        Ok(())
    }

    /// A column of buttons labelled from the text model column `button`; a press reaches
    /// [`TableModel::button_clicked`].  `clickable` says which rows' buttons work.
    pub fn append_button_column(&self, name: &str, button: usize, clickable: Editable) -> Result<(), Error> {
        let t = self.ptr()?;
        let (c, e) = (self.column(button, ColumnType::Text)?, self.editable(clickable)?);
        // SAFETY: as above.
        unsafe { sys::uiTableAppendButtonColumn(t, c_text(name).as_ptr(), c, e) };
        Ok(())
    }

    /// How many columns the table shows.
    pub fn num_columns(&self) -> usize {
        // SAFETY: alive table.
        self.node.ptr().map_or(0, |t| unsafe { sys::uixTableNumColumns(t) }.max(0) as usize)
    }

    /// The table column `column` for C, if the table has it.
    fn table_column(&self, column: usize) -> Result<(*mut sys::uiTable, c_int), Error> {
        let t = self.ptr()?;
        if column >= self.num_columns() {
            return Err(Error::OutOfRange);
        }
        Ok((t, column as c_int))
    }

    pub fn header_visible(&self) -> bool {
        // SAFETY: alive table.
        self.node.ptr().is_some_and(|t| unsafe { sys::uiTableHeaderVisible(t) } != 0)
    }

    pub fn set_header_visible(&self, visible: bool) {
        if let Some(t) = self.node.ptr() {
            // SAFETY: alive table.
            unsafe { sys::uiTableHeaderSetVisible(t, c_int::from(visible)) }
        }
    }

    /// The arrow on table column `column`'s header; `None` for a column the table lacks.
    pub fn sort_indicator(&self, column: usize) -> Option<SortIndicator> {
        let (t, c) = self.table_column(column).ok()?;
        // SAFETY: alive table, existing column.
        Some(match unsafe { sys::uiTableHeaderSortIndicator(t, c) } {
            sys::uiSortIndicatorAscending => SortIndicator::Ascending,
            sys::uiSortIndicatorDescending => SortIndicator::Descending,
            _ => SortIndicator::None,
        })
    }

    pub fn set_sort_indicator(&self, column: usize, indicator: SortIndicator) -> Result<(), Error> {
        let (t, c) = self.table_column(column)?;
        let i = match indicator {
            SortIndicator::None => sys::uiSortIndicatorNone,
            SortIndicator::Ascending => sys::uiSortIndicatorAscending,
            SortIndicator::Descending => sys::uiSortIndicatorDescending,
        };
        // SAFETY: as above.
        unsafe { sys::uiTableHeaderSetSortIndicator(t, c, i) };
        Ok(())
    }

    /// Table column `column`'s width in pixels; `None` for a column the table lacks.
    pub fn column_width(&self, column: usize) -> Option<u32> {
        let (t, c) = self.table_column(column).ok()?;
        // SAFETY: as above.
        u32::try_from(unsafe { sys::uiTableColumnWidth(t, c) }).ok()
    }

    /// Sets table column `column`'s width in pixels (at most 65536), or fits it to its content
    /// with `None`.
    pub fn set_column_width(&self, column: usize, width: Option<u32>) -> Result<(), Error> {
        let (t, c) = self.table_column(column)?;
        let w = match width {
            None => -1,
            Some(w) if w <= 65536 => w as c_int,
            Some(_) => return Err(Error::OutOfRange),
        };
        // SAFETY: as above.
        unsafe { sys::uiTableColumnSetWidth(t, c, w) };
        Ok(())
    }

    pub fn selection_mode(&self) -> SelectionMode {
        // SAFETY: alive table.
        match self.node.ptr().map(|t| unsafe { sys::uiTableGetSelectionMode(t) }) {
            Some(sys::uiTableSelectionModeNone) => SelectionMode::None,
            Some(sys::uiTableSelectionModeOne) => SelectionMode::One,
            Some(sys::uiTableSelectionModeZeroOrMany) => SelectionMode::ZeroOrMany,
            _ => SelectionMode::ZeroOrOne,
        }
    }

    /// Sets how many rows the user may select; rows beyond that are deselected.
    pub fn set_selection_mode(&self, mode: SelectionMode) {
        let m = match mode {
            SelectionMode::None => sys::uiTableSelectionModeNone,
            SelectionMode::ZeroOrOne => sys::uiTableSelectionModeZeroOrOne,
            SelectionMode::One => sys::uiTableSelectionModeOne,
            SelectionMode::ZeroOrMany => sys::uiTableSelectionModeZeroOrMany,
        };
        if let Some(t) = self.node.ptr() {
            // SAFETY: alive table, a valid mode.
            unsafe { sys::uiTableSetSelectionMode(t, m) }
        }
    }

    /// The selected rows, ascending.
    pub fn selection(&self) -> Vec<usize> {
        let Some(t) = self.node.ptr() else { return Vec::new() };
        // SAFETY: alive table; C's selection is copied, then freed once.
        unsafe {
            let s = sys::uiTableGetSelection(t);
            if s.is_null() {
                return Vec::new();
            }
            let n = usize::try_from((*s).NumRows).unwrap_or(0);
            let rows = if n > 0 && !(*s).Rows.is_null() {
                std::slice::from_raw_parts((*s).Rows, n).iter().filter_map(|&r| usize::try_from(r).ok()).collect()
            } else {
                Vec::new()
            };
            sys::uiFreeTableSelection(s);
            rows
        }
    }

    /// Selects exactly `rows` (does not fire `on_selection_changed`, as in libui-ng).
    /// [`Error::OutOfRange`] for a row the model lacks, [`Error::SelectionMode`] for more rows
    /// than the selection mode allows; either way the selection stays as it was.
    pub fn set_selection(&self, rows: &[usize]) -> Result<(), Error> {
        let t = self.ptr()?;
        let count = self.model()?.rows().ok_or(Error::Busy)?;
        let mut want: Vec<c_int> = Vec::with_capacity(rows.len());
        for &r in rows {
            want.push(c_int::try_from(r).ok().filter(|_| r < count).ok_or(Error::OutOfRange)?);
        }
        want.sort_unstable();
        want.dedup();
        let n = c_int::try_from(want.len()).map_err(|_| Error::OutOfRange)?;
        let allowed = match self.selection_mode() {
            SelectionMode::None => n == 0,
            SelectionMode::ZeroOrOne | SelectionMode::One => n <= 1,
            SelectionMode::ZeroOrMany => true,
        };
        if !allowed {
            return Err(Error::SelectionMode);
        }
        let mut s = sys::uiTableSelection { NumRows: n, Rows: want.as_mut_ptr() };
        // SAFETY: alive table; C reads the rows during the call.
        unsafe { sys::uiTableSetSelection(t, &mut s) };
        Ok(())
    }

    /// Replaces the handler called with the row the user clicked.
    pub fn on_row_clicked(&self, f: impl FnMut(&Table, usize) + 'static) {
        let Some(t) = self.node.ptr() else { return };
        let data = self.install("row clicked", f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiTableOnRowClicked(t, Some(row_event), data) }
    }

    /// Replaces the handler called with the row the user double-clicked.
    pub fn on_row_double_clicked(&self, f: impl FnMut(&Table, usize) + 'static) {
        let Some(t) = self.node.ptr() else { return };
        let data = self.install("row double-clicked", f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiTableOnRowDoubleClicked(t, Some(row_event), data) }
    }

    /// Replaces the handler called with the table column whose header the user clicked.
    pub fn on_header_clicked(&self, f: impl FnMut(&Table, usize) + 'static) {
        let Some(t) = self.node.ptr() else { return };
        let data = self.install("header clicked", f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiTableHeaderOnClicked(t, Some(row_event), data) }
    }

    /// Replaces the handler called when the user changed the selection.
    pub fn on_selection_changed(&self, mut f: impl FnMut(&Table) + 'static) {
        let Some(t) = self.node.ptr() else { return };
        let data = self.install("selection changed", move |t, _| f(t));
        // SAFETY: data lives with the node.
        unsafe { sys::uiTableOnSelectionChanged(t, Some(selection_event), data) }
    }

    fn install(&self, event: &'static str, f: impl FnMut(&Table, usize) + 'static) -> *mut c_void {
        let handler =
            TableHandler { f: RefCell::new(Box::new(f)), node: Rc::downgrade(&self.node), model: self.model.0.clone() };
        self.node.keep(event, Box::new(handler))
    }
}

/// `column` of `model` for C if it exists and has type `want`.
fn model_column(model: &dyn ModelInfo, column: usize, want: ColumnType) -> Result<c_int, Error> {
    match model.column_type(column) {
        None => Err(Error::OutOfRange),
        Some(t) if t != want => Err(Error::ColumnType),
        Some(_) => Ok(column as c_int),
    }
}

/// A table event's closure, given the row or column (0 for the selection event).
type TableCallback = RefCell<Box<dyn FnMut(&Table, usize)>>;

/// A table event's closure; the table handle is made again for each call.
struct TableHandler {
    f: TableCallback,
    node: Weak<Node>,
    model: Weak<dyn ModelInfo>,
}

impl TableHandler {
    /// # Safety
    /// `data` comes from [`Table::install`].
    unsafe fn fire(data: *mut c_void, index: c_int) {
        let Ok(index) = usize::try_from(index) else { return };
        panic::wrap((), || {
            // SAFETY: the handler lives in its node, or the graveyard until this call returns.
            let h = unsafe { &*(data as *const TableHandler) };
            let Some(node) = h.node.upgrade().filter(|n| n.alive()) else { return };
            let Ok(mut f) = h.f.try_borrow_mut() else { return };
            f(&Table::wrap(node, h.model.clone()), index)
        })
    }
}

unsafe extern "C" fn row_event(_: *mut sys::uiTable, index: c_int, data: *mut c_void) {
    // SAFETY: installed by Table::install.
    unsafe { TableHandler::fire(data, index) }
}

unsafe extern "C" fn selection_event(_: *mut sys::uiTable, data: *mut c_void) {
    // SAFETY: installed by Table::install.
    unsafe { TableHandler::fire(data, 0) }
}
