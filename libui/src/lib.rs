//! Native windows and controls (Win32 on Windows, GTK 3 elsewhere) over the
//! C toolkit in `zt-libui-sys`, which has the libui-ng API.
//!
//! - Everything happens on the thread that called [`Ui::init`]: [`Ui`] and
//!   every control are `!Send`.  Other threads reach it two ways:
//!   [`Ui::channel`] gives a typed [`UiSender`] (`Send + Clone`) whose
//!   messages a closure on the UI thread receives, and that closure may own
//!   controls and other `!Send` state (the pattern of winit's
//!   `EventLoopProxy` or glib's `MainContext::channel`); [`UiHandle::queue`]
//!   runs a `Send` closure there.
//! - Every constructor takes `&Ui` (`Label::new(&ui, ..)`, `Window::new(&ui, ..)`,
//!   `Menu::new(&ui, ..)`): a control cannot be made before [`Ui::init`], after
//!   the [`Ui`] is dropped, or on another thread, because none of these
//!   programs compiles.  Constructors therefore cannot fail, except
//!   [`Menu::new`], whose [`Result`] says the menus are already fixed.
//! - Controls are cheap handles (`Clone`).  A control put into a window or
//!   box is owned by it and destroyed with it.
//! - One error rule: a call that can be refused (adding, removing or
//!   selecting children or items, an out-of-range value, a destroyed control
//!   or container, menus after the first window) returns [`Result`] with
//!   [`Error`].  Plain property setters (`set_text`, `enable`, ...) cannot be
//!   refused by a live control; on a destroyed one they do nothing, and
//!   getters return empty values ([`Control::is_alive`] tells).  A window stays open until
//!   it is closed or [`Window::destroy`]ed, whether or not a handle remains.
//! - A panic in a callback never unwinds into C: the loop stops, and the
//!   panic is raised again from [`Ui::main`] (or [`Ui::step`]).
//!
//! ```no_run
//! use zt_libui::{Button, Control, Label, Ui, UiBox, Window};
//!
//! let ui = Ui::init()?;
//! let window = Window::new(&ui, "Hello", 320, 120, false);
//! let column = UiBox::vertical(&ui);
//! let label = Label::new(&ui, "Not clicked yet");
//! let button = Button::new(&ui, "Click me");
//! let shown = label.clone();
//! button.on_clicked(move |_| shown.set_text("Clicked"));
//! column.append(&label, false)?;
//! column.append(&button, false)?;
//! window.set_child(&column)?;
//! window.on_closing(|_| {
//!     zt_libui::quit();
//!     true // close (destroy) the window
//! });
//! window.show();
//! let worker = ui.handle();
//! std::thread::spawn(move || worker.queue(|| println!("on the UI thread")));
//! ui.main();
//! # Ok::<(), zt_libui::Error>(())
//! ```
//!
//! A constructor needs the [`Ui`] borrowed on its own thread, so making a
//! control on a worker does not compile:
//!
//! ```compile_fail
//! let ui = zt_libui::Ui::init()?;
//! std::thread::scope(|s| {
//!     s.spawn(|| zt_libui::Label::new(&ui, "from a worker"));
//! });
//! # Ok::<(), zt_libui::Error>(())
//! ```

mod channel;
mod containers;
mod controls;
mod dialogs;
mod draw;
mod lists;
mod menus;
mod node;
mod panic;
mod pickers;
mod table;
mod values;
mod window;

use std::cell::RefCell;
use std::ffi::{c_int, c_void, CStr};
use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use zt_libui_sys as sys;

pub use channel::UiSender;
pub use containers::{Align, At, Form, Grid, Group, Placement, Tab, UiBox};
pub use controls::{Button, Checkbox, Entry, Label, MultilineEntry};
pub use dialogs::{msg_box, msg_box_error, open_file, open_folder, save_file};
pub use draw::{
    Area, AreaHandler, Attribute, AttributedString, Brush, DrawContext, DrawParams, FillMode, KeyEvent, LineCap,
    LineJoin, MouseEvent, Path, Stop, StrokeParams, TextAlign, TextError, TextLayout, Underline, UnderlineColor,
};
pub use lists::{Combobox, EditableCombobox, RadioButtons};
pub use menus::{Menu, MenuItem, MenuItemKind};
pub use pickers::{ColorButton, DateTime, DateTimeKind, DateTimePicker, Font, FontButton, Italic, Rgba};
pub use table::{ColumnType, Editable, Image, Model, SelectionMode, SortIndicator, Table, TableModel, Value};
pub use values::{Progress, ProgressBar, Separator, Slider, Spinbox};
pub use window::Window;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// `uiInit` failed; the toolkit's own reason (e.g. no display).
    Init(String),
    /// [`Ui::init`] while another [`Ui`] exists in this process.
    AlreadyInitialised,
    /// The control already has a parent: take it out first.
    AlreadyParented,
    /// A container would end up inside itself.
    Cycle,
    /// A window cannot be put inside another control.
    WindowAsChild,
    /// The control (or the container) was destroyed.
    Destroyed,
    /// The [`Ui`] is gone: queued work would never run.
    Closed,
    /// The clipboard could not be opened or the text is longer than 64 KiB.
    Clipboard,
    /// An index or span outside what the container has (e.g. inserting past the last tab).
    OutOfRange,
    /// The control named as a neighbour is not a child of this container.
    NotAChild,
    /// Menus are made before the first window and cannot change afterwards.
    MenusFixed,
    /// A program has one Quit, one Preferences and one About item.
    OnlyOne,
    /// A table model's rows are being read or changed (from inside a model call), so they cannot be
    /// reached again now.
    Busy,
    /// The model column has another type than the table column needs.
    ColumnType,
    /// The table's selection mode does not allow that many selected rows.
    SelectionMode,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Init(why) => write!(f, "the UI toolkit could not start: {why}"),
            Error::AlreadyInitialised => f.write_str("the UI toolkit is already initialised in this process"),
            Error::AlreadyParented => f.write_str("the control already has a parent"),
            Error::Cycle => f.write_str("a container cannot be put inside itself or its own children"),
            Error::WindowAsChild => f.write_str("a window cannot be the child of another control"),
            Error::Destroyed => f.write_str("the control was destroyed"),
            Error::Closed => f.write_str("the UI thread has shut down"),
            Error::Clipboard => f.write_str("the clipboard could not take the text"),
            Error::OutOfRange => f.write_str("the index or span is outside the container's range"),
            Error::NotAChild => f.write_str("the control is not a child of this container"),
            Error::MenusFixed => f.write_str("menus are made before the first window and cannot change afterwards"),
            Error::OnlyOne => f.write_str("a program has only one Quit, Preferences and About item"),
            Error::Busy => f.write_str("the table model's rows are in use by a model call"),
            Error::ColumnType => f.write_str("the model column has another type than the table column needs"),
            Error::SelectionMode => f.write_str("the table's selection mode does not allow that many selected rows"),
        }
    }
}

impl std::error::Error for Error {}

/// Set while a [`Ui`] exists: libui-ng is initialised once per process.
static INITIALISED: AtomicBool = AtomicBool::new(false);

/// The initialised toolkit, on its thread.  Dropping it destroys the windows
/// still open and shuts the toolkit down.
pub struct Ui {
    open: Arc<AtomicBool>,
    _ui_thread: PhantomData<*const ()>,
}

/// A `Send` handle for other threads: it can only queue work onto the UI thread.
#[derive(Clone)]
pub struct UiHandle {
    open: Arc<AtomicBool>,
}

type Queued = Box<dyn FnOnce() + Send>;
type Repeating = RefCell<Box<dyn FnMut() -> bool>>;

thread_local! {
    /// The `on_should_quit` closure (C holds its address).
    static SHOULD_QUIT: RefCell<Option<Box<Repeating>>> = const { RefCell::new(None) };
}

impl Ui {
    /// Starts the toolkit on this thread.
    pub fn init() -> Result<Ui, Error> {
        if INITIALISED.swap(true, Ordering::SeqCst) {
            return Err(Error::AlreadyInitialised);
        }
        let mut options = sys::uiInitOptions { Size: std::mem::size_of::<sys::uiInitOptions>() };
        // SAFETY: options is valid; an error string is freed with uiFreeInitError.
        let err = unsafe { sys::uiInit(&mut options) };
        if !err.is_null() {
            // SAFETY: as above.
            let text = unsafe { CStr::from_ptr(err) }.to_string_lossy().into_owned();
            unsafe { sys::uiFreeInitError(err) };
            INITIALISED.store(false, Ordering::SeqCst);
            return Err(Error::Init(text));
        }
        panic::set_home(true);
        Ok(Ui { open: Arc::new(AtomicBool::new(true)), _ui_thread: PhantomData })
    }

    /// Runs the main loop until [`quit`]; raises a panic caught in a callback.
    pub fn main(&self) {
        // SAFETY: on the thread that called uiInit.
        unsafe { sys::uiMain() };
        panic::check();
    }

    /// Prepares for [`Ui::step`] (libui-ng's `uiMainSteps`).
    pub fn start_steps(&self) {
        // SAFETY: as above.
        unsafe { sys::uiMainSteps() };
    }

    /// Handles pending events (waiting for one if `wait`); false once the loop
    /// was asked to quit.  Raises a panic caught in a callback.
    pub fn step(&self, wait: bool) -> bool {
        // SAFETY: as above.
        let going = unsafe { sys::uiMainStep(c_int::from(wait)) } != 0;
        panic::check();
        going
    }

    /// A handle other threads use to queue work here.
    pub fn handle(&self) -> UiHandle {
        UiHandle { open: self.open.clone() }
    }

    /// Calls `f` every `ms` milliseconds while it returns true.
    pub fn timer(&self, ms: u32, f: impl FnMut() -> bool + 'static) {
        let data = Box::into_raw(Box::new(RefCell::new(Box::new(f) as Box<dyn FnMut() -> bool>)));
        let ms = c_int::try_from(ms).unwrap_or(c_int::MAX);
        // SAFETY: timer_trampoline frees the box when the timer stops.
        unsafe { sys::uiTimer(ms, Some(timer_trampoline), data.cast()) }
    }

    /// Puts `text` on the system clipboard (kept after the program exits where
    /// the desktop has a clipboard manager).  A NUL byte becomes U+FFFD.
    pub fn set_clipboard_text(&self, text: &str) -> Result<(), Error> {
        // SAFETY: on the UI thread after init; the library copies the text.
        match unsafe { sys::uixClipboardSetText(node::c_text(text).as_ptr()) } {
            0 => Err(Error::Clipboard),
            _ => Ok(()),
        }
    }

    /// The clipboard's text, if it holds any.
    pub fn clipboard_text(&self) -> Option<String> {
        // SAFETY: on the UI thread after init; NULL means no text.
        let p = unsafe { sys::uixClipboardText() };
        (!p.is_null()).then(|| node::take_text(p))
    }

    /// Asks `f` whether to quit when the system or a quit menu item wants to;
    /// true lets the loop end.
    pub fn on_should_quit(&self, f: impl FnMut() -> bool + 'static) {
        let slot: Box<Repeating> = Box::new(RefCell::new(Box::new(f)));
        let data = &*slot as *const Repeating as *mut c_void;
        // SAFETY: the slot lives in SHOULD_QUIT until replaced or the Ui drops.
        unsafe { sys::uiOnShouldQuit(Some(repeating_trampoline), data) };
        if let Some(old) = SHOULD_QUIT.with(|s| s.borrow_mut().replace(slot)) {
            panic::retire(old);
        }
    }
}

impl Drop for Ui {
    fn drop(&mut self) {
        self.open.store(false, Ordering::SeqCst);
        window::destroy_all();
        channel::close_all();
        // SAFETY: no window or control of ours is left; the toolkit may go.
        unsafe {
            sys::uiOnShouldQuit(None, std::ptr::null_mut());
            sys::uiUninit();
        }
        menus::reset();
        SHOULD_QUIT.with(|s| s.borrow_mut().take());
        panic::set_home(false);
        INITIALISED.store(false, Ordering::SeqCst);
    }
}

impl UiHandle {
    /// Runs `f` on the UI thread soon.  [`Error::Closed`] once the [`Ui`] is
    /// gone (work queued just before that is dropped unrun).
    pub fn queue(&self, f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
        if !self.open.load(Ordering::SeqCst) {
            return Err(Error::Closed);
        }
        let data = Box::into_raw(Box::new(Box::new(f) as Queued));
        // SAFETY: uiQueueMain is thread-safe; queue_trampoline takes the box back.
        unsafe { sys::uiQueueMain(Some(queue_trampoline), data.cast()) };
        Ok(())
    }
}

/// Stops the running loop and makes [`Ui::main`] (or [`Ui::step`]) raise
/// `payload` on this thread, as a panic in one of this crate's own callbacks
/// would.  It is for other libraries whose callbacks this loop also serves
/// and which catch their panics at their C boundary (zt-tray's event handler
/// with its `libui` feature does this by itself).  Gives `payload` back when
/// no [`Ui`] lives on this thread.
pub fn resume_panic_in_main(payload: Box<dyn std::any::Any + Send>) -> Result<(), Box<dyn std::any::Any + Send>> {
    panic::keep_foreign(payload)
}

/// Makes [`Ui::main`] return; callable from any thread.
pub fn quit() {
    // SAFETY: uiQuit is documented as callable from any thread.
    unsafe { sys::uiQuit() }
}

unsafe extern "C" fn queue_trampoline(data: *mut c_void) {
    // SAFETY: data came from Box::into_raw in queue() and is taken back once.
    let f = unsafe { Box::from_raw(data.cast::<Queued>()) };
    panic::wrap((), f);
}

unsafe extern "C" fn timer_trampoline(data: *mut c_void) -> c_int {
    let slot = data.cast::<Repeating>();
    // SAFETY: slot lives until this function returns 0 and frees it.
    let again = panic::wrap(false, || unsafe { (*slot).try_borrow_mut().map(|mut f| f()).unwrap_or(true) });
    if !again {
        // SAFETY: libui calls no more after a 0 return.
        drop(unsafe { Box::from_raw(slot) });
    }
    c_int::from(again)
}

unsafe extern "C" fn repeating_trampoline(data: *mut c_void) -> c_int {
    let slot = data.cast_const().cast::<Repeating>();
    // SAFETY: slot lives in SHOULD_QUIT (or the graveyard) during the call.
    c_int::from(panic::wrap(false, || unsafe { (*slot).try_borrow_mut().map(|mut f| f()).unwrap_or(false) }))
}

/// What every control can do.
pub trait Control {
    #[doc(hidden)]
    fn node(&self) -> &Rc<node::Node>;

    /// Whether the control still exists.
    fn is_alive(&self) -> bool {
        self.node().alive()
    }

    fn show(&self) {
        if let Some(p) = self.node().ptr() {
            // SAFETY: alive control.
            unsafe { sys::uiControlShow(p) }
        }
    }

    fn hide(&self) {
        if let Some(p) = self.node().ptr() {
            // SAFETY: alive control.
            unsafe { sys::uiControlHide(p) }
        }
    }

    fn is_visible(&self) -> bool {
        // SAFETY: alive control.
        self.node().ptr().is_some_and(|p| unsafe { sys::uiControlVisible(p) } != 0)
    }

    fn enable(&self) {
        if let Some(p) = self.node().ptr() {
            // SAFETY: alive control.
            unsafe { sys::uiControlEnable(p) }
        }
    }

    fn disable(&self) {
        if let Some(p) = self.node().ptr() {
            // SAFETY: alive control.
            unsafe { sys::uiControlDisable(p) }
        }
    }

    fn set_enabled(&self, enabled: bool) {
        if enabled {
            self.enable()
        } else {
            self.disable()
        }
    }

    fn is_enabled(&self) -> bool {
        // SAFETY: alive control.
        self.node().ptr().is_some_and(|p| unsafe { sys::uiControlEnabled(p) } != 0)
    }

    /// Whether the user can use it: it and every container above it are enabled.
    fn is_enabled_to_user(&self) -> bool {
        // SAFETY: alive control.
        self.node().ptr().is_some_and(|p| unsafe { sys::uiControlEnabledToUser(p) } != 0)
    }

    /// The native handle (`HWND` on Windows, `GtkWidget *` with GTK); 0 once destroyed.
    fn native_handle(&self) -> usize {
        // SAFETY: alive control.
        self.node().ptr().map_or(0, |p| unsafe { sys::uiControlHandle(p) })
    }
}

/// Asks C whether `child` may go into `parent` (its rule, applied by every
/// adopting call) and returns the child's pointer if so.
pub(crate) fn check_adopt(parent: &Rc<node::Node>, child: &dyn Control) -> Result<*mut sys::uiControl, Error> {
    let (Some(p), Some(c)) = (parent.ptr::<sys::uiControl>(), child.node().ptr::<sys::uiControl>()) else {
        return Err(Error::Destroyed);
    };
    // SAFETY: on the UI thread (the Rc handles are !Send); C checks both pointers itself.
    match unsafe { sys::uixControlCanAdopt(p, c) } as sys::uixAdopt {
        sys::uixAdoptOK => Ok(c),
        sys::uixAdoptToplevel => Err(Error::WindowAsChild),
        sys::uixAdoptHasParent => Err(Error::AlreadyParented),
        sys::uixAdoptCycle => Err(Error::Cycle),
        _ => Err(Error::Destroyed),
    }
}
