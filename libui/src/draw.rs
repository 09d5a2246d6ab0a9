//! Areas the program draws itself: [`Area`] with an [`AreaHandler`], and what a Draw call draws
//! with ([`DrawContext`], [`Path`], [`Brush`], [`StrokeParams`], [`TextLayout`] of an
//! [`AttributedString`]).  Paths and text are drawn only through the `DrawContext` a Draw call
//! lends, so nothing can draw outside one; a panic in a handler is raised again from
//! [`Ui::main`](crate::Ui::main) or [`Ui::step`](crate::Ui::step).
//!
//! ```no_run
//! use zt_libui::{Area, AreaHandler, Brush, Control, DrawContext, DrawParams, FillMode, Path, Rgba, Ui, Window};
//!
//! struct Square;
//!
//! impl AreaHandler for Square {
//!     fn draw(&mut self, _area: &Area, ctx: &mut DrawContext<'_>, params: &DrawParams) {
//!         let mut path = Path::new(FillMode::Winding);
//!         path.add_rectangle(10.0, 10.0, params.area_width / 2.0, params.area_height / 2.0);
//!         ctx.fill(&path, &Brush::Solid(Rgba { r: 0.2, g: 0.4, b: 0.9, a: 1.0 }));
//!     }
//! }
//!
//! let ui = Ui::init().unwrap();
//! let window = Window::new(&ui, "Area", 200, 150, false);
//! window.set_child(&Area::new(&ui, Square)).unwrap();
//! window.show();
//! ui.main();
//! ```

use std::cell::RefCell;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::marker::PhantomData;
use std::ops::Range;
use std::rc::{Rc, Weak};

use zt_libui_sys as sys;

use crate::controls::control;
use crate::node::{c_text, Node};
use crate::{panic, Font, Italic, Rgba};

control!(
    /// A control drawn by the program through an [`AreaHandler`] (`uiArea`).
    Area
);

/// What an area asks of the program.  Only `draw` is required.
pub trait AreaHandler {
    /// Paint `params`' clip rectangle (or everything) on `ctx`.
    fn draw(&mut self, area: &Area, ctx: &mut DrawContext<'_>, params: &DrawParams);
    /// A button went down or up, or the mouse moved.
    fn mouse_event(&mut self, _area: &Area, _event: &MouseEvent) {}
    /// The mouse entered (`left` false) or left the area.
    fn mouse_crossed(&mut self, _area: &Area, _left: bool) {}
    /// The system ended a drag the program did not end.
    fn drag_broken(&mut self, _area: &Area) {}
    /// A key went down or up; return true if handled.
    fn key_event(&mut self, _area: &Area, _event: &KeyEvent) -> bool {
        false
    }
}

/// The size of the area and the part to draw, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawParams {
    /// The visible size of a plain area; 0 for a scrolling one (libui-ng's rule).
    pub area_width: f64,
    pub area_height: f64,
    pub clip_x: f64,
    pub clip_y: f64,
    pub clip_width: f64,
    pub clip_height: f64,
}

/// A mouse event as libui-ng reports it (`uiAreaMouseEvent`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MouseEvent {
    pub x: f64,
    pub y: f64,
    pub area_width: f64,
    pub area_height: f64,
    /// The button that went down (1 left, 2 middle, 3 right, ...), or 0.
    pub down: u32,
    /// The button that went up, or 0.
    pub up: u32,
    /// 2 for a double click's second press.
    pub count: u32,
    /// `uiModifiers` bits: 1 Ctrl, 2 Alt, 4 Shift, 8 Super.
    pub modifiers: u32,
    /// Bit n-1 set while button n is held.
    pub held: u64,
}

/// A key event (`uiAreaKeyEvent`): one of `key`, `ext_key` or `modifier` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyEvent {
    /// A character key as on a US keyboard, unshifted; `'\0'` if none.
    pub key: char,
    /// A `uiExtKey` value, or 0.
    pub ext_key: u32,
    /// The modifier key itself (`uiModifiers` bit), or 0.
    pub modifier: u32,
    /// The modifiers held.
    pub modifiers: u32,
    pub up: bool,
}

/// What C holds: the C handler first, so C's `uiAreaHandler *` is also a `Shim *`.
#[repr(C)]
struct Shim {
    ah: sys::uiAreaHandler,
    handler: RefCell<Box<dyn AreaHandler>>,
    node: RefCell<Weak<Node>>,
}

/// Runs f with the handler and its area, unless the area is gone, the handler is already
/// running (a re-entered event is skipped, not aliased), or it panics: then `fallback`.
///
/// # Safety
/// `ah` is the `ah` field of a live `Shim`.
unsafe fn with_handler<R>(
    ah: *mut sys::uiAreaHandler,
    fallback: R,
    f: impl FnOnce(&mut dyn AreaHandler, &Area) -> R,
) -> R
where
    R: Copy,
{
    panic::wrap(fallback, || {
        // SAFETY: the caller's promise; the shim lives in its node's handler list.
        let shim = unsafe { &*(ah as *const Shim) };
        let Some(node) = shim.node.borrow().upgrade().filter(|n| n.alive()) else { return fallback };
        let Ok(mut h) = shim.handler.try_borrow_mut() else { return fallback };
        f(&mut **h, &Area::wrap(node))
    })
}

unsafe extern "C" fn on_draw(ah: *mut sys::uiAreaHandler, _: *mut sys::uiArea, p: *mut sys::uiAreaDrawParams) {
    // SAFETY: libui passes the handler it was given and live draw parameters.
    unsafe {
        let p = &*p;
        let params = DrawParams {
            area_width: p.AreaWidth,
            area_height: p.AreaHeight,
            clip_x: p.ClipX,
            clip_y: p.ClipY,
            clip_width: p.ClipWidth,
            clip_height: p.ClipHeight,
        };
        let mut ctx = DrawContext { c: p.Context, _draw: PhantomData };
        with_handler(ah, (), |h, a| h.draw(a, &mut ctx, &params))
    }
}

unsafe extern "C" fn on_mouse(ah: *mut sys::uiAreaHandler, _: *mut sys::uiArea, e: *mut sys::uiAreaMouseEvent) {
    // SAFETY: as above.
    unsafe {
        let e = &*e;
        let event = MouseEvent {
            x: e.X,
            y: e.Y,
            area_width: e.AreaWidth,
            area_height: e.AreaHeight,
            down: e.Down.max(0) as u32,
            up: e.Up.max(0) as u32,
            count: e.Count.max(0) as u32,
            modifiers: e.Modifiers,
            held: e.Held1To64,
        };
        with_handler(ah, (), |h, a| h.mouse_event(a, &event))
    }
}

unsafe extern "C" fn on_crossed(ah: *mut sys::uiAreaHandler, _: *mut sys::uiArea, left: c_int) {
    // SAFETY: as above.
    unsafe { with_handler(ah, (), |h, a| h.mouse_crossed(a, left != 0)) }
}

unsafe extern "C" fn on_drag_broken(ah: *mut sys::uiAreaHandler, _: *mut sys::uiArea) {
    // SAFETY: as above.
    unsafe { with_handler(ah, (), |h, a| h.drag_broken(a)) }
}

unsafe extern "C" fn on_key(ah: *mut sys::uiAreaHandler, _: *mut sys::uiArea, e: *mut sys::uiAreaKeyEvent) -> c_int {
    // SAFETY: as above.
    unsafe {
        let e = &*e;
        let event = KeyEvent {
            key: e.Key as u8 as char,
            ext_key: e.ExtKey,
            modifier: e.Modifier,
            modifiers: e.Modifiers,
            up: e.Up != 0,
        };
        c_int::from(with_handler(ah, false, |h, a| h.key_event(a, &event)))
    }
}

impl Area {
    /// A plain area, as big as its container makes it.
    pub fn new(_ui: &crate::Ui, handler: impl AreaHandler + 'static) -> Area {
        // SAFETY: the shim outlives the area (it is kept by the area's node).
        Area::make(handler, |ah| unsafe { sys::uiNewArea(ah) })
    }

    /// An area of `width` x `height` pixels (0..=1000000 each) inside scroll bars; a destroyed
    /// area (every call does nothing) for a size out of range.
    pub fn new_scrolling(_ui: &crate::Ui, handler: impl AreaHandler + 'static, width: i32, height: i32) -> Area {
        // SAFETY: as above.
        Area::make(handler, |ah| unsafe { sys::uiNewScrollingArea(ah, width, height) })
    }

    fn make(
        handler: impl AreaHandler + 'static,
        new: impl FnOnce(*mut sys::uiAreaHandler) -> *mut sys::uiArea,
    ) -> Area {
        let mut shim = Box::new(Shim {
            ah: sys::uiAreaHandler {
                Draw: Some(on_draw),
                MouseEvent: Some(on_mouse),
                MouseCrossed: Some(on_crossed),
                DragBroken: Some(on_drag_broken),
                KeyEvent: Some(on_key),
            },
            handler: RefCell::new(Box::new(handler)),
            node: RefCell::new(Weak::new()),
        });
        let node = Node::new(new(&mut shim.ah).cast(), false);
        *shim.node.borrow_mut() = Rc::downgrade(&node);
        // The box moves into the node; the heap shim C points at stays where it is.
        node.keep("handler", shim);
        Area::wrap(node)
    }

    /// A scrolling area's drawing size (a plain area ignores it, with a user-bug line).
    pub fn set_size(&self, width: i32, height: i32) {
        if let Some(a) = self.0.ptr() {
            // SAFETY: alive area.
            unsafe { sys::uiAreaSetSize(a, width, height) }
        }
    }

    /// Asks for the whole visible area to be drawn again soon.
    pub fn queue_redraw_all(&self) {
        if let Some(a) = self.0.ptr() {
            // SAFETY: alive area.
            unsafe { sys::uiAreaQueueRedrawAll(a) }
        }
    }

    /// Scrolls a scrolling area so the rectangle is visible.
    pub fn scroll_to(&self, x: f64, y: f64, width: f64, height: f64) {
        if let Some(a) = self.0.ptr() {
            // SAFETY: alive area.
            unsafe { sys::uiAreaScrollTo(a, x, y, width, height) }
        }
    }

    /// Lets the user move the window with the mouse (call it from a mouse event with a button down).
    pub fn begin_user_window_move(&self) {
        if let Some(a) = self.0.ptr() {
            // SAFETY: alive area.
            unsafe { sys::uiAreaBeginUserWindowMove(a) }
        }
    }

    /// Lets the user resize the window from `edge` (a `uiWindowResizeEdge` value).
    pub fn begin_user_window_resize(&self, edge: u32) {
        if let Some(a) = self.0.ptr() {
            // SAFETY: alive area.
            unsafe { sys::uiAreaBeginUserWindowResize(a, edge) }
        }
    }
}

/// How a path's inside is decided where it crosses itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillMode {
    Winding,
    Alternate,
}

/// A path being built; drawn (and ended then) by [`DrawContext::fill`], `stroke` or `clip`.
pub struct Path {
    p: *mut sys::uiDrawPath,
}

impl Path {
    pub fn new(mode: FillMode) -> Path {
        let mode = match mode {
            FillMode::Winding => sys::uiDrawFillModeWinding,
            FillMode::Alternate => sys::uiDrawFillModeAlternate,
        };
        // SAFETY: a valid fill mode; freed in Drop.
        Path { p: unsafe { sys::uiDrawNewPath(mode) } }
    }

    fn open(&mut self) -> Option<*mut sys::uiDrawPath> {
        // SAFETY: p is this path's, live until Drop.
        (!self.p.is_null() && unsafe { sys::uiDrawPathEnded(self.p) } == 0).then_some(self.p)
    }

    /// Starts a figure at (x, y).
    pub fn new_figure(&mut self, x: f64, y: f64) -> &mut Path {
        if let Some(p) = self.open() {
            // SAFETY: open path; bad numbers are refused by the library.
            unsafe { sys::uiDrawPathNewFigure(p, x, y) }
        }
        self
    }

    /// Starts a figure with an arc (libui-ng's angles: radians from +x towards +y).
    pub fn new_figure_with_arc(
        &mut self,
        cx: f64,
        cy: f64,
        radius: f64,
        start: f64,
        sweep: f64,
        negative: bool,
    ) -> &mut Path {
        if let Some(p) = self.open() {
            // SAFETY: as above.
            unsafe { sys::uiDrawPathNewFigureWithArc(p, cx, cy, radius, start, sweep, c_int::from(negative)) }
        }
        self
    }

    pub fn line_to(&mut self, x: f64, y: f64) -> &mut Path {
        if let Some(p) = self.open() {
            // SAFETY: as above.
            unsafe { sys::uiDrawPathLineTo(p, x, y) }
        }
        self
    }

    pub fn arc_to(&mut self, cx: f64, cy: f64, radius: f64, start: f64, sweep: f64, negative: bool) -> &mut Path {
        if let Some(p) = self.open() {
            // SAFETY: as above.
            unsafe { sys::uiDrawPathArcTo(p, cx, cy, radius, start, sweep, c_int::from(negative)) }
        }
        self
    }

    pub fn bezier_to(&mut self, c1: (f64, f64), c2: (f64, f64), end: (f64, f64)) -> &mut Path {
        if let Some(p) = self.open() {
            // SAFETY: as above.
            unsafe { sys::uiDrawPathBezierTo(p, c1.0, c1.1, c2.0, c2.1, end.0, end.1) }
        }
        self
    }

    pub fn close_figure(&mut self) -> &mut Path {
        if let Some(p) = self.open() {
            // SAFETY: as above.
            unsafe { sys::uiDrawPathCloseFigure(p) }
        }
        self
    }

    pub fn add_rectangle(&mut self, x: f64, y: f64, width: f64, height: f64) -> &mut Path {
        if let Some(p) = self.open() {
            // SAFETY: as above.
            unsafe { sys::uiDrawPathAddRectangle(p, x, y, width, height) }
        }
        self
    }

    /// The path, ended (nothing more can be added once it has been drawn).
    fn ended(&self) -> *mut sys::uiDrawPath {
        // SAFETY: p is this path's; ending twice is avoided.
        unsafe {
            if !self.p.is_null() && sys::uiDrawPathEnded(self.p) == 0 {
                sys::uiDrawPathEnd(self.p);
            }
        }
        self.p
    }
}

impl Drop for Path {
    fn drop(&mut self) {
        if !self.p.is_null() {
            // SAFETY: this path's, freed once.
            unsafe { sys::uiDrawFreePath(self.p) }
        }
    }
}

/// A gradient stop: position 0..=1 along the gradient, and its colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stop {
    pub pos: f64,
    pub color: Rgba,
}

/// What shapes are filled or stroked with.
#[derive(Debug, Clone, PartialEq)]
pub enum Brush {
    Solid(Rgba),
    /// From `start` to `end`.
    Linear {
        start: (f64, f64),
        end: (f64, f64),
        stops: Vec<Stop>,
    },
    /// From the point `start` to the circle of `radius` around `center`.
    Radial {
        start: (f64, f64),
        center: (f64, f64),
        radius: f64,
        stops: Vec<Stop>,
    },
}

impl Brush {
    /// The C brush, pointing into `stops` (which must outlive its use).
    fn to_sys(&self, stops: &mut Vec<sys::uiDrawBrushGradientStop>) -> sys::uiDrawBrush {
        // SAFETY: all-zero is a valid uiDrawBrush (a transparent solid one).
        let mut b: sys::uiDrawBrush = unsafe { std::mem::zeroed() };
        let mut set_stops = |b: &mut sys::uiDrawBrush, list: &[Stop]| {
            stops.extend(list.iter().map(|s| sys::uiDrawBrushGradientStop {
                Pos: s.pos,
                R: s.color.r,
                G: s.color.g,
                B: s.color.b,
                A: s.color.a,
            }));
            b.Stops = stops.as_mut_ptr();
            b.NumStops = stops.len();
        };
        match self {
            Brush::Solid(c) => {
                b.Type = sys::uiDrawBrushTypeSolid;
                (b.R, b.G, b.B, b.A) = (c.r, c.g, c.b, c.a);
            }
            Brush::Linear { start, end, stops: list } => {
                b.Type = sys::uiDrawBrushTypeLinearGradient;
                (b.X0, b.Y0, b.X1, b.Y1) = (start.0, start.1, end.0, end.1);
                set_stops(&mut b, list);
            }
            Brush::Radial { start, center, radius, stops: list } => {
                b.Type = sys::uiDrawBrushTypeRadialGradient;
                (b.X0, b.Y0, b.X1, b.Y1, b.OuterRadius) = (start.0, start.1, center.0, center.1, *radius);
                set_stops(&mut b, list);
            }
        }
        b
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineCap {
    Flat,
    Round,
    Square,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineJoin {
    Miter,
    Round,
    Bevel,
}

/// How a path is stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct StrokeParams {
    pub cap: LineCap,
    pub join: LineJoin,
    pub thickness: f64,
    pub miter_limit: f64,
    /// Lengths alternating on and off; empty for a solid line.
    pub dashes: Vec<f64>,
    pub dash_phase: f64,
}

impl Default for StrokeParams {
    fn default() -> Self {
        StrokeParams {
            cap: LineCap::Flat,
            join: LineJoin::Miter,
            thickness: 1.0,
            miter_limit: sys::uiDrawDefaultMiterLimit,
            dashes: Vec::new(),
            dash_phase: 0.0,
        }
    }
}

/// The context of one Draw call, lent to [`AreaHandler::draw`]: it cannot leave the call.
pub struct DrawContext<'a> {
    c: *mut sys::uiDrawContext,
    _draw: PhantomData<&'a mut sys::uiDrawContext>,
}

impl DrawContext<'_> {
    /// Fills `path` (ending it) with `brush`.  Bad numbers are refused by the library.
    pub fn fill(&mut self, path: &Path, brush: &Brush) {
        let mut stops = Vec::new();
        let mut b = brush.to_sys(&mut stops);
        // SAFETY: a live context during Draw; the path is ended; stops outlive the call.
        unsafe { sys::uiDrawFill(self.c, path.ended(), &mut b) }
    }

    /// Strokes `path` (ending it) with `brush`.
    pub fn stroke(&mut self, path: &Path, brush: &Brush, params: &StrokeParams) {
        let mut stops = Vec::new();
        let mut b = brush.to_sys(&mut stops);
        let mut dashes = params.dashes.clone();
        let mut p = sys::uiDrawStrokeParams {
            Cap: params.cap as u32,
            Join: params.join as u32,
            Thickness: params.thickness,
            MiterLimit: params.miter_limit,
            Dashes: dashes.as_mut_ptr(),
            NumDashes: dashes.len(),
            DashPhase: params.dash_phase,
        };
        // SAFETY: as in fill; dashes outlive the call.
        unsafe { sys::uiDrawStroke(self.c, path.ended(), &mut b, &mut p) }
    }

    /// Applies `m` (`uiDrawMatrix`) to everything drawn after.
    pub fn transform(&mut self, m: &sys::uiDrawMatrix) {
        let mut m = *m;
        // SAFETY: live context; the library refuses singular matrices.
        unsafe { sys::uiDrawTransform(self.c, &mut m) }
    }

    /// Narrows the clip to the inside of `path` (ending it).
    pub fn clip(&mut self, path: &Path) {
        // SAFETY: live context, ended path.
        unsafe { sys::uiDrawClip(self.c, path.ended()) }
    }

    /// Runs `f` with the transform and clip saved, and restores them after.
    pub fn saved(&mut self, f: impl FnOnce(&mut Self)) {
        // SAFETY: live context; every save is restored here.
        unsafe { sys::uiDrawSave(self.c) };
        f(self);
        // SAFETY: as above.
        unsafe { sys::uiDrawRestore(self.c) };
    }

    /// Draws `layout` with its top left corner at (x, y).
    pub fn draw_text(&mut self, layout: &TextLayout, x: f64, y: f64) {
        // SAFETY: live context and layout.
        unsafe { sys::uiDrawText(self.c, layout.tl, x, y) }
    }
}

/// An underline style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Underline {
    None,
    Single,
    Double,
    /// The platform's mark for a misspelling.
    Suggestion,
}

/// An underline's colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnderlineColor {
    Custom(Rgba),
    Spelling,
    Grammar,
    Auxiliary,
}

/// One attribute of a range of an [`AttributedString`].
#[derive(Debug, Clone, PartialEq)]
pub enum Attribute {
    Family(String),
    /// In points.
    Size(f64),
    /// 0..=1000, 400 regular, 700 bold.
    Weight(u32),
    Italic(Italic),
    /// 0..=8, 4 normal.
    Stretch(u32),
    Color(Rgba),
    Background(Rgba),
    Underline(Underline),
    UnderlineColor(UnderlineColor),
    /// OpenType features: four-character tags and values.
    Features(Vec<([u8; 4], u32)>),
}

impl Attribute {
    /// The library's attribute; NULL (after a user-bug line) for values out of range.
    fn to_sys(&self) -> *mut sys::uiAttribute {
        // SAFETY: constructors copy what they are given.
        unsafe {
            match self {
                Attribute::Family(f) => sys::uiNewFamilyAttribute(c_text(f).as_ptr()),
                Attribute::Size(s) => sys::uiNewSizeAttribute(*s),
                Attribute::Weight(w) => sys::uiNewWeightAttribute(*w),
                Attribute::Italic(i) => sys::uiNewItalicAttribute(*i as u32),
                Attribute::Stretch(s) => sys::uiNewStretchAttribute(*s),
                Attribute::Color(c) => sys::uiNewColorAttribute(c.r, c.g, c.b, c.a),
                Attribute::Background(c) => sys::uiNewBackgroundAttribute(c.r, c.g, c.b, c.a),
                Attribute::Underline(u) => sys::uiNewUnderlineAttribute(*u as u32),
                Attribute::UnderlineColor(UnderlineColor::Custom(c)) => {
                    sys::uiNewUnderlineColorAttribute(sys::uiUnderlineColorCustom, c.r, c.g, c.b, c.a)
                }
                Attribute::UnderlineColor(u) => {
                    let kind = match u {
                        UnderlineColor::Spelling => sys::uiUnderlineColorSpelling,
                        UnderlineColor::Grammar => sys::uiUnderlineColorGrammar,
                        _ => sys::uiUnderlineColorAuxiliary,
                    };
                    sys::uiNewUnderlineColorAttribute(kind, 0.0, 0.0, 0.0, 0.0)
                }
                Attribute::Features(list) => {
                    let otf = sys::uiNewOpenTypeFeatures();
                    for (t, v) in list {
                        let t = t.map(|b| b as c_char);
                        sys::uiOpenTypeFeaturesAdd(otf, t[0], t[1], t[2], t[3], *v);
                    }
                    let a = sys::uiNewFeaturesAttribute(otf);
                    sys::uiFreeOpenTypeFeatures(otf);
                    a
                }
            }
        }
    }
}

/// Why an attributed-string edit was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// A byte position past the end, inside a character, or a reversed range.
    BadRange,
    /// An attribute value out of range (a size of 0, a weight above 1000, a colour outside 0..=1).
    BadValue,
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TextError::BadRange => "the byte range is past the end, inside a character or reversed",
            TextError::BadValue => "the attribute's value is out of range",
        })
    }
}

impl std::error::Error for TextError {}

/// UTF-8 text with attributes on byte ranges (`uiAttributedString`), kept within 64 KiB.
pub struct AttributedString {
    s: *mut sys::uiAttributedString,
}

impl AttributedString {
    /// Needs the live [`Ui`](crate::Ui), as every libui call.
    pub fn new(_ui: &crate::Ui, text: &str) -> AttributedString {
        // SAFETY: the library copies the text; freed in Drop.
        AttributedString { s: unsafe { sys::uiNewAttributedString(c_text(text).as_ptr()) } }
    }

    /// The text.
    pub fn text(&self) -> String {
        // SAFETY: live string; the pointer is read at once.
        unsafe { CStr::from_ptr(sys::uiAttributedStringString(self.s)) }.to_string_lossy().into_owned()
    }

    fn range_ok(&self, r: &Range<usize>) -> bool {
        let text = self.text();
        r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    }

    pub fn append(&mut self, text: &str) {
        // SAFETY: live string.
        unsafe { sys::uiAttributedStringAppendUnattributed(self.s, c_text(text).as_ptr()) }
    }

    /// Inserts unattributed text at byte `at`.
    pub fn insert(&mut self, at: usize, text: &str) -> Result<(), TextError> {
        if !self.range_ok(&(at..at)) {
            return Err(TextError::BadRange);
        }
        // SAFETY: live string, checked position.
        unsafe { sys::uiAttributedStringInsertAtUnattributed(self.s, c_text(text).as_ptr(), at) };
        Ok(())
    }

    pub fn delete(&mut self, range: Range<usize>) -> Result<(), TextError> {
        if !self.range_ok(&range) {
            return Err(TextError::BadRange);
        }
        // SAFETY: live string, checked range.
        unsafe { sys::uiAttributedStringDelete(self.s, range.start, range.end) };
        Ok(())
    }

    /// Sets `attr` on `range`, replacing attributes of the same kind there.
    pub fn set(&mut self, attr: &Attribute, range: Range<usize>) -> Result<(), TextError> {
        if !self.range_ok(&range) {
            return Err(TextError::BadRange);
        }
        let a = attr.to_sys();
        if a.is_null() {
            return Err(TextError::BadValue);
        }
        // SAFETY: live string and attribute; the string takes the attribute over.
        unsafe { sys::uiAttributedStringSetAttribute(self.s, a, range.start, range.end) };
        Ok(())
    }

    /// The number of graphemes (what a reader counts as characters).
    pub fn graphemes(&self) -> usize {
        // SAFETY: live string.
        unsafe { sys::uiAttributedStringNumGraphemes(self.s) }
    }

    /// The grapheme holding byte `pos`, or None past the end.
    pub fn byte_to_grapheme(&self, pos: usize) -> Option<usize> {
        // SAFETY: live string, checked position.
        (pos <= self.text().len()).then(|| unsafe { sys::uiAttributedStringByteIndexToGrapheme(self.s, pos) })
    }

    /// Where grapheme `g` starts, or None past the end.
    pub fn grapheme_to_byte(&self, g: usize) -> Option<usize> {
        // SAFETY: live string, checked index.
        (g <= self.graphemes()).then(|| unsafe { sys::uiAttributedStringGraphemeToByteIndex(self.s, g) })
    }

    /// The kinds of attribute on each range, in order of start (`uiAttributeType` values).
    pub fn attribute_ranges(&self) -> Vec<(u32, Range<usize>)> {
        unsafe extern "C" fn collect(
            _: *const sys::uiAttributedString,
            a: *const sys::uiAttribute,
            start: usize,
            end: usize,
            data: *mut c_void,
        ) -> sys::uiForEach {
            panic::wrap(sys::uiForEachStop, || {
                // SAFETY: data is the Vec below; a is the string's live attribute.
                unsafe { (*(data as *mut Vec<(u32, Range<usize>)>)).push((sys::uiAttributeGetType(a), start..end)) };
                sys::uiForEachContinue
            })
        }
        let mut out: Vec<(u32, Range<usize>)> = Vec::new();
        // SAFETY: live string; out outlives the call.
        unsafe { sys::uiAttributedStringForEachAttribute(self.s, Some(collect), &mut out as *mut _ as *mut c_void) };
        out
    }
}

impl Drop for AttributedString {
    fn drop(&mut self) {
        // SAFETY: this string's, freed once.
        unsafe { sys::uiFreeAttributedString(self.s) }
    }
}

/// How lines sit within a layout's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextAlign {
    Left,
    Center,
    Right,
}

/// Text laid out in lines (`uiDrawTextLayout`), fixed when made.
pub struct TextLayout {
    tl: *mut sys::uiDrawTextLayout,
}

impl TextLayout {
    /// Lays `s` out in `font` where no attribute says otherwise, wrapped at `width` pixels (None:
    /// never).  Err for a font the library refuses (empty family, size not above 0, ...).
    pub fn new(
        s: &AttributedString,
        font: &Font,
        width: Option<f64>,
        align: TextAlign,
    ) -> Result<TextLayout, TextError> {
        let family = c_text(&font.family);
        let mut d = sys::uiFontDescriptor {
            Family: family.as_ptr() as *mut c_char,
            Size: font.size,
            Weight: font.weight,
            Italic: font.italic as u32,
            Stretch: font.stretch,
        };
        let mut p = sys::uiDrawTextLayoutParams {
            String: s.s,
            DefaultFont: &mut d,
            Width: width.unwrap_or(-1.0),
            Align: align as u32,
        };
        // SAFETY: live string; the library copies what it needs.
        let tl = unsafe { sys::uiDrawNewTextLayout(&mut p) };
        if tl.is_null() {
            Err(TextError::BadValue)
        } else {
            Ok(TextLayout { tl })
        }
    }

    /// The width of the widest line and the height of all lines, in pixels.
    pub fn extents(&self) -> (f64, f64) {
        let (mut w, mut h) = (0.0, 0.0);
        // SAFETY: live layout.
        unsafe { sys::uiDrawTextLayoutExtents(self.tl, &mut w, &mut h) };
        (w, h)
    }
}

impl Drop for TextLayout {
    fn drop(&mut self) {
        // SAFETY: this layout's, freed once.
        unsafe { sys::uiDrawFreeTextLayout(self.tl) }
    }
}
