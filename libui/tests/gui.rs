//! The safe API against the real toolkit (GTK under Xvfb, Win32 under Wine):
//! ownership, misuse errors, callbacks through real controls, panics raised
//! again after the loop, and the cross-thread queue.  Own runner: one line
//! per case, then `N passed, M failed`; a missing display is a failure.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::time::{Duration, Instant};

use zt_libui::{
    Align, At, Button, Checkbox, Control, Entry, Error, Form, Grid, Label, Placement, Tab, Ui, UiBox, Window,
};
use zt_libui::{
    Area, AreaHandler, Attribute, AttributedString, Brush, DrawContext, DrawParams, FillMode, Italic, Path,
    StrokeParams, TextAlign, TextError, TextLayout,
};
use zt_libui::{ColorButton, DateTime, DateTimeKind, DateTimePicker, Font, FontButton, Rgba};
use zt_libui::{
    Combobox, EditableCombobox, Group, MultilineEntry, Progress, ProgressBar, RadioButtons, Separator, Slider, Spinbox,
};

type Case = (&'static str, fn(&Ui) -> Result<(), String>);

macro_rules! check {
    ($cond:expr) => {
        if !$cond {
            return Err(format!("line {}: {}", line!(), stringify!($cond)));
        }
    };
    ($cond:expr, $($why:tt)+) => {
        if !$cond {
            return Err(format!("line {}: {} ({})", line!(), stringify!($cond), format!($($why)+)));
        }
    };
}

// After the macro, so the module can use it.
#[path = "gui/menus.rs"]
mod menus;
#[path = "gui/table.rs"]
mod table;
#[path = "gui/user.rs"]
mod user;

/// Clicks a button the way the platform does.
fn click(b: &Button) {
    let handle = b.native_handle();
    assert_ne!(handle, 0, "clicking a destroyed button");
    user::click(handle);
}

/// Runs the loop without waiting for about `ms` milliseconds.
fn pump(ui: &Ui, ms: u64) {
    let end = Instant::now() + Duration::from_millis(ms);
    while Instant::now() < end {
        ui.step(false);
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Runs the loop until `done` (true) or `ms` have passed (false): for what a slow machine, or
/// ARM64 code under emulation, does later than a fixed pump would wait.
fn pump_until(ui: &Ui, ms: u64, done: impl Fn() -> bool) -> bool {
    let end = Instant::now() + Duration::from_millis(ms);
    while !done() && Instant::now() < end {
        ui.step(false);
        std::thread::sleep(Duration::from_millis(2));
    }
    done()
}

fn properties_read_back(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "Title", 300, 200, false);
    check!(w.title() == "Title");
    w.set_title("Ünïcödé ✓");
    check!(w.title() == "Ünïcödé ✓");
    w.set_margined(true);
    check!(w.margined());
    let column = UiBox::vertical(ui);
    column.set_padded(true);
    check!(column.padded());
    let (label, entry, check) = (Label::new(ui, "a\0b"), Entry::new(ui), Checkbox::new(ui, "Tick"));
    check!(label.text() == "a\u{FFFD}b");
    entry.set_text("typed");
    entry.set_read_only(true);
    check!(entry.text() == "typed" && entry.read_only());
    check.set_checked(true);
    check!(check.checked() && check.text() == "Tick");
    column.append(&label, false).map_err(|e| e.to_string())?;
    column.append(&entry, true).map_err(|e| e.to_string())?;
    column.append(&check, false).map_err(|e| e.to_string())?;
    check!(column.len() == 3);
    w.set_child(&column).map_err(|e| e.to_string())?;
    w.show();
    pump(ui, 50);
    check!(w.is_visible());
    check.disable();
    check!(!check.is_enabled() && !check.is_enabled_to_user());
    column.disable();
    check!(entry.is_enabled() && !entry.is_enabled_to_user());
    column.enable();
    check!(entry.is_enabled_to_user());
    check!(column.delete(0).is_ok() && column.len() == 2 && column.delete(5) == Err(Error::OutOfRange));
    // The removed label is free again and can go elsewhere.
    let other = UiBox::horizontal(ui);
    check!(other.append(&label, false).is_ok());
    w.destroy();
    check!(!w.is_alive() && !entry.is_alive() && !check.is_alive());
    // Calls on destroyed controls do nothing; getters give empty values.
    entry.set_text("x");
    check!(entry.text().is_empty() && w.title().is_empty() && column.is_empty());
    // The label left the window before it closed, so it lives on.
    check!(label.is_alive());
    Ok(())
}

fn misuse_is_an_error(ui: &Ui) -> Result<(), String> {
    let outer = UiBox::vertical(ui);
    let inner = UiBox::horizontal(ui);
    check!(outer.append(&outer, false) == Err(Error::Cycle));
    outer.append(&inner, false).map_err(|e| e.to_string())?;
    check!(inner.append(&outer, false) == Err(Error::Cycle));
    check!(UiBox::vertical(ui).append(&inner, false) == Err(Error::AlreadyParented));
    let w = Window::new(ui, "w", 10, 10, false);
    check!(outer.append(&w, false) == Err(Error::WindowAsChild));
    check!(w.set_child(&outer).is_ok());
    w.destroy();
    check!(UiBox::vertical(ui).append(&outer, false) == Err(Error::Destroyed));
    check!(w.set_child(&Label::new(ui, "x")) == Err(Error::Destroyed));
    check!(Ui::init().err() == Some(Error::AlreadyInitialised));
    Ok(())
}

fn clicks_reach_the_handler_which_may_close_its_window(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "click", 200, 100, false);
    let button = Button::new(ui, "Go");
    w.set_child(&button).map_err(|e| e.to_string())?;
    w.show();
    let hits = Rc::new(Cell::new(0));
    let h = hits.clone();
    let win = w.clone();
    button.on_clicked(move |b| {
        h.set(h.get() + 1);
        b.set_text("Pressed");
        if h.get() == 2 {
            // The handler's own window, with the handler inside it.
            win.destroy();
        }
    });
    click(&button);
    check!(hits.get() == 1 && button.text() == "Pressed");
    click(&button);
    check!(hits.get() == 2 && !w.is_alive() && !button.is_alive());
    pump(ui, 20);
    Ok(())
}

fn handler_panic_is_raised_after_the_loop(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "panic", 200, 100, false);
    let button = Button::new(ui, "Boom");
    w.set_child(&button).map_err(|e| e.to_string())?;
    button.on_clicked(|_| panic!("from a click"));
    click(&button);
    let raised = catch_unwind(AssertUnwindSafe(|| ui.main()));
    let payload = raised.err().ok_or("the loop returned without raising the panic")?;
    check!(payload.downcast_ref::<&str>() == Some(&"from a click"));
    check!(w.is_alive());
    w.destroy();
    Ok(())
}

/// Records what Draw saw, draws a rectangle, and panics once told to.
struct Recorder {
    draws: Rc<Cell<usize>>,
    size: Rc<Cell<(f64, f64)>>,
    panic: Rc<Cell<bool>>,
}

impl AreaHandler for Recorder {
    fn draw(&mut self, _: &Area, ctx: &mut DrawContext<'_>, p: &DrawParams) {
        self.draws.set(self.draws.get() + 1);
        self.size.set((p.area_width, p.area_height));
        let mut path = Path::new(FillMode::Winding);
        path.add_rectangle(5.0, 5.0, 20.0, 20.0);
        ctx.fill(&path, &Brush::Solid(Rgba { r: 1.0, g: 0.0, b: 0.0, a: 1.0 }));
        ctx.saved(|ctx| {
            ctx.stroke(&path, &Brush::Solid(Rgba { r: 0.0, g: 0.0, b: 0.0, a: 1.0 }), &StrokeParams::default())
        });
        if self.panic.get() {
            panic!("from a draw");
        }
    }
}

fn area_draws_and_its_panics_come_back(ui: &Ui) -> Result<(), String> {
    let (draws, size, boom) = (Rc::new(Cell::new(0)), Rc::new(Cell::new((0.0, 0.0))), Rc::new(Cell::new(false)));
    let w = Window::new(ui, "area", 160, 120, false);
    let area = Area::new(ui, Recorder { draws: draws.clone(), size: size.clone(), panic: boom.clone() });
    w.set_child(&area).map_err(|e| e.to_string())?;
    w.show();
    check!(pump_until(ui, 10_000, || draws.get() > 0));
    check!(size.get().0 > 100.0 && size.get().1 > 60.0);
    boom.set(true);
    area.queue_redraw_all();
    let raised = catch_unwind(AssertUnwindSafe(|| ui.main()));
    let payload = raised.err().ok_or("the loop returned without raising the panic")?;
    check!(payload.downcast_ref::<&str>() == Some(&"from a draw"));
    w.destroy();
    Ok(())
}

fn attributed_text_and_layouts(ui: &Ui) -> Result<(), String> {
    let mut s = AttributedString::new(ui, "Hello, world");
    check!(s.set(&Attribute::Weight(700), 0..5).is_ok());
    check!(s.set(&Attribute::Color(Rgba { r: 2.0, g: 0.0, b: 0.0, a: 1.0 }), 0..5) == Err(TextError::BadValue));
    check!(s.set(&Attribute::Size(20.0), 3..99) == Err(TextError::BadRange));
    check!(s.insert(2, "é").is_ok());
    // Inside the é.
    check!(s.insert(3, "x") == Err(TextError::BadRange));
    check!(s.text() == "Heéllo, world");
    // Weight (uiAttributeTypeWeight, 2), split around the inserted text.
    check!(s.attribute_ranges() == vec![(2, 0..2), (2, 4..7)]);
    check!(s.graphemes() == 13 && s.grapheme_to_byte(3) == Some(4) && s.byte_to_grapheme(99).is_none());
    s.append("\nsecond line");
    let font = Font { family: "DejaVu Sans".into(), size: 12.0, weight: 400, italic: Italic::Normal, stretch: 4 };
    let one = TextLayout::new(&s, &font, None, TextAlign::Left).map_err(|e| e.to_string())?;
    let (w, h) = one.extents();
    check!(w > 50.0 && h > 20.0);
    let narrow = TextLayout::new(&s, &font, Some(w / 3.0), TextAlign::Center).map_err(|e| e.to_string())?;
    check!(narrow.extents().1 > h && narrow.extents().0 < w);
    let bad = Font { size: 0.0, ..font };
    check!(TextLayout::new(&s, &bad, None, TextAlign::Left).err() == Some(TextError::BadValue));
    Ok(())
}

fn queue_runs_on_the_ui_thread_and_panics_come_back(ui: &Ui) -> Result<(), String> {
    let ui_thread = std::thread::current().id();
    let handle = ui.handle();
    let worker = std::thread::spawn(move || {
        for _ in 0..100 {
            handle
                .queue(move || assert_eq!(std::thread::current().id(), ui_thread, "queued work ran off the UI thread"))
                .unwrap();
        }
        handle.queue(|| panic!("from the queue")).unwrap();
    });
    worker.join().map_err(|_| "the worker thread panicked")?;
    let payload = catch_unwind(AssertUnwindSafe(|| ui.main())).err().ok_or("no panic came back")?;
    check!(payload.downcast_ref::<&str>() == Some(&"from the queue"));
    Ok(())
}

fn channel_delivers_in_order_to_ui_thread_state(ui: &Ui) -> Result<(), String> {
    // A !Send receiver: a control and an Rc, on the UI thread.
    let label = Label::new(ui, "");
    let got: Rc<std::cell::RefCell<Vec<(u32, u32)>>> = Rc::default();
    let ui_thread = std::thread::current().id();
    let dropped = Rc::new(Cell::new(false));
    struct OnDrop(Rc<Cell<bool>>);
    impl Drop for OnDrop {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }
    let guard = OnDrop(dropped.clone());
    let (seen, shown) = (got.clone(), label.clone());
    let sender = ui.channel(move |(worker, n): (u32, u32)| {
        let _ = &guard;
        assert_eq!(std::thread::current().id(), ui_thread, "a message arrived off the UI thread");
        shown.set_text(&format!("{worker}:{n}"));
        seen.borrow_mut().push((worker, n));
    });
    let workers: Vec<_> = (0..2)
        .map(|worker| {
            let sender = sender.clone();
            std::thread::spawn(move || (0..200).try_for_each(|n| sender.send((worker, n))))
        })
        .collect();
    drop(sender);
    for w in workers {
        w.join().map_err(|_| "a worker panicked")?.map_err(|e| e.to_string())?;
    }
    let end = Instant::now() + Duration::from_secs(5);
    while got.borrow().len() < 400 && Instant::now() < end {
        ui.step(false);
    }
    let got = got.borrow();
    check!(got.len() == 400);
    for worker in 0..2 {
        let order: Vec<u32> = got.iter().filter(|(w, _)| *w == worker).map(|(_, n)| *n).collect();
        check!(order == (0..200).collect::<Vec<_>>());
    }
    check!(label.text().contains(':'));
    // Every sender and message is gone: the receiver (and what it owns) is dropped.
    pump(ui, 50);
    check!(dropped.get());
    Ok(())
}

fn channel_receiver_panic_is_raised_from_main(ui: &Ui) -> Result<(), String> {
    let sender = ui.channel(|n: u8| panic!("receiver got {n}"));
    std::thread::spawn(move || sender.send(7)).join().map_err(|_| "worker panicked")?.map_err(|e| e.to_string())?;
    let payload = catch_unwind(AssertUnwindSafe(|| ui.main())).err().ok_or("no panic came back")?;
    check!(payload.downcast_ref::<String>().map(String::as_str) == Some("receiver got 7"));
    Ok(())
}

fn timers_repeat_until_false(ui: &Ui) -> Result<(), String> {
    let ticks = Rc::new(Cell::new(0));
    let t = ticks.clone();
    ui.timer(5, move || {
        t.set(t.get() + 1);
        if t.get() == 3 {
            zt_libui::quit();
        }
        t.get() < 3
    });
    ui.main();
    pump(ui, 50);
    check!(ticks.get() == 3);
    Ok(())
}

/// Presses Enter in an entry the way the platform delivers it.
fn press_enter(e: &Entry) {
    let handle = e.native_handle();
    #[cfg(windows)]
    {
        extern "system" {
            fn SendMessageW(hwnd: usize, msg: u32, wparam: usize, lparam: isize) -> isize;
        }
        const WM_CHAR: u32 = 0x0102;
        // SAFETY: a live EDIT HWND.
        unsafe { SendMessageW(handle, WM_CHAR, 0x0D, 0) };
    }
    #[cfg(not(windows))]
    {
        extern "C" {
            fn g_signal_emit_by_name(instance: usize, signal: *const std::ffi::c_char, ...);
        }
        // SAFETY: a live GtkEntry; "activate" is what GTK emits for Enter.
        unsafe { g_signal_emit_by_name(handle, c"activate".as_ptr()) };
    }
}

fn clipboard_round_trip(ui: &Ui) -> Result<(), String> {
    for text in ["8056c2e21c000001", "fe80::1 · ünïcödé", ""] {
        ui.set_clipboard_text(text).map_err(|e| e.to_string())?;
        let back = ui.clipboard_text();
        check!(back.as_deref() == Some(text) || (text.is_empty() && back.as_deref().unwrap_or("").is_empty()));
    }
    // Too long is refused, and the clipboard keeps what it had.
    ui.set_clipboard_text("kept").map_err(|e| e.to_string())?;
    check!(ui.set_clipboard_text(&"x".repeat(70_000)) == Err(Error::Clipboard));
    check!(ui.clipboard_text().as_deref() == Some("kept"));
    Ok(())
}

fn enter_in_an_entry_fires_on_activated(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "enter", 200, 80, false);
    let entry = Entry::new(ui);
    w.set_child(&entry).map_err(|e| e.to_string())?;
    w.show();
    pump(ui, 20);
    let seen = Rc::new(std::cell::RefCell::new(Vec::new()));
    let s = seen.clone();
    entry.on_activated(move |e| s.borrow_mut().push(e.text()));
    entry.set_text("8056c2e21c000001");
    press_enter(&entry);
    check!(*seen.borrow() == ["8056c2e21c000001"]);
    // Not an entry: nothing happens, nothing breaks.
    // SAFETY: a live button passed as an entry; the C side checks the kind of control itself.
    unsafe {
        let button = zt_libui_sys::uiNewButton(c"x".as_ptr());
        zt_libui_sys::uixEntryOnActivated(button.cast(), None, std::ptr::null_mut());
        zt_libui_sys::uiControlDestroy(button.cast());
    }
    w.destroy();
    Ok(())
}

fn pickers_hold_what_is_set(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "pickers", 300, 200, false);
    let column = UiBox::vertical(ui);
    let changes = Rc::new(Cell::new(0));
    let mut pickers = Vec::new();
    for kind in [DateTimeKind::DateTime, DateTimeKind::Date, DateTimeKind::Time] {
        let p = DateTimePicker::new(ui, kind);
        let seen = changes.clone();
        p.on_changed(move |_| seen.set(seen.get() + 1));
        column.append(&p, false).map_err(|e| e.to_string())?;
        pickers.push(p);
    }
    let (font, color) = (FontButton::new(ui), ColorButton::new(ui));
    column.append(&font, false).map_err(|e| e.to_string())?;
    column.append(&color, false).map_err(|e| e.to_string())?;
    w.set_child(&column).map_err(|e| e.to_string())?;
    w.show();
    pump(ui, 30);
    let leap = DateTime::new(2024, 2, 29, 23, 59, 58).ok_or("a valid date was refused")?;
    for p in &pickers {
        check!(p.date_time().is_some());
        p.set_date_time(leap);
        check!(p.date_time() == Some(leap));
    }
    let f = font.font().ok_or("no font")?;
    check!(!f.family.is_empty() && f.size > 0.0 && f.weight <= 1000);
    check!(f == Font::control_font(ui));
    check!(color.color() == Some(Rgba { r: 0.0, g: 0.0, b: 0.0, a: 1.0 }));
    let c = Rgba { r: 0.2, g: 0.4, b: 0.6, a: 0.8 };
    check!(color.set_color(c).is_ok() && color.color() == Some(c));
    check!(color.set_color(Rgba { r: 2.0, ..c }) == Err(Error::OutOfRange) && color.color() == Some(c));
    pump(ui, 20);
    check!(changes.get() == 0);
    w.destroy();
    // Gone with their window: getters give None, setters do nothing.
    check!(pickers[0].date_time().is_none() && font.font().is_none() && color.color().is_none());
    check!(color.set_color(c) == Err(Error::Destroyed));
    pickers[1].set_date_time(leap);
    Ok(())
}

/// Selects a tab page the way the user does, so the native control reports it.
fn user_selects_page(t: &Tab, index: usize) {
    let handle = t.native_handle();
    assert_ne!(handle, 0, "selecting on a destroyed tab");
    #[cfg(windows)]
    {
        extern "system" {
            fn FindWindowExW(parent: usize, after: usize, class: *const u16, title: *const u16) -> usize;
            fn SendMessageW(hwnd: usize, msg: u32, wparam: usize, lparam: isize) -> isize;
        }
        const TCM_SETCURFOCUS: u32 = 0x1300 + 48;
        let class: Vec<u16> = "SysTabControl32".encode_utf16().chain(Some(0)).collect();
        // SAFETY: a live tab container; moving the focus of a tab control selects and notifies.
        unsafe { SendMessageW(FindWindowExW(handle, 0, class.as_ptr(), std::ptr::null()), TCM_SETCURFOCUS, index, 0) };
    }
    #[cfg(not(windows))]
    {
        extern "C" {
            fn gtk_notebook_set_current_page(notebook: usize, page: i32);
        }
        // SAFETY: a live GtkNotebook.
        unsafe { gtk_notebook_set_current_page(handle, index as i32) };
    }
}

fn containers_own_their_children(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "containers", 400, 300, false);
    let (tab, form, grid) = (Tab::new(ui), Form::new(ui), Grid::new(ui));
    let (name, search) = (Entry::new(ui), Entry::search(ui));
    form.append("Name", &name, false).map_err(|e| e.to_string())?;
    form.append("Search", &search, true).map_err(|e| e.to_string())?;
    form.set_padded(true);
    check!(form.len() == 2 && form.padded());
    let (a, b, c) = (Label::new(ui, "a"), Label::new(ui, "b"), Label::new(ui, "c"));
    let wide = Placement { hexpand: true, halign: Align::Center, ..Placement::default() };
    grid.append(&a, 0, 0, 1, 1, Placement::default()).map_err(|e| e.to_string())?;
    grid.insert_at(&b, &a, At::Trailing, 1, 1, wide).map_err(|e| e.to_string())?;
    check!(grid.append(&c, 0, 1, 0, 1, wide) == Err(Error::OutOfRange));
    check!(grid.insert_at(&c, &Label::new(ui, "stranger"), At::Bottom, 1, 1, wide) == Err(Error::NotAChild));
    grid.set_padded(true);
    check!(grid.padded() && c.is_alive());
    tab.append("Form", &form).map_err(|e| e.to_string())?;
    tab.insert_at("Grid", 0, &grid).map_err(|e| e.to_string())?;
    check!(tab.insert_at("x", 5, &c) == Err(Error::OutOfRange));
    check!(tab.append("again", &form) == Err(Error::AlreadyParented));
    check!(form.append("cycle", &tab, false) == Err(Error::Cycle));
    check!(tab.append("window", &w) == Err(Error::WindowAsChild));
    check!(tab.len() == 2 && tab.selected() == Some(1));
    check!(
        tab.set_margined(1, true).is_ok()
            && tab.margined(1)
            && !tab.margined(0)
            && tab.set_margined(2, true) == Err(Error::OutOfRange)
    );
    w.set_child(&tab).map_err(|e| e.to_string())?;
    w.show();
    pump(ui, 50);
    let picks = Rc::new(Cell::new(0));
    let p = picks.clone();
    tab.on_selected(move |t| p.set(p.get() + 1 + 10 * t.selected().unwrap_or(99)));
    check!(tab.set_selected(0).is_ok() && tab.selected() == Some(0) && tab.set_selected(2) == Err(Error::OutOfRange));
    pump(ui, 20);
    check!(picks.get() == 0);
    user_selects_page(&tab, 1);
    pump(ui, 20);
    check!(picks.get() == 11);
    // A deleted page's control is destroyed with its last handle; one still held lives on.
    check!(tab.delete(0).is_ok() && tab.len() == 1 && tab.delete(1) == Err(Error::OutOfRange));
    check!(grid.is_alive() && b.is_alive());
    check!(form.delete(1).is_ok() && form.len() == 1 && search.is_alive());
    // Which handle a delete or a new child lets go of is C's answer (where the child sits
    // now), checked through closures that only the released control holds.
    let bx = UiBox::vertical(ui);
    let held = Rc::new(());
    let buttons: Vec<Button> = (0..3).map(|i| Button::new(ui, &format!("b{i}"))).collect();
    for b in &buttons {
        let h = held.clone();
        b.on_clicked(move |_| drop(h.clone()));
        bx.append(b, false).map_err(|e| e.to_string())?;
    }
    let keep = [buttons[0].clone(), buttons[2].clone()];
    drop(buttons);
    check!(Rc::strong_count(&held) == 4);
    check!(bx.delete(1).is_ok() && Rc::strong_count(&held) == 3 && keep.iter().all(|b| b.is_alive()));
    let pages = Tab::new(ui);
    let (first, second) = (Button::new(ui, "first"), Button::new(ui, "second"));
    let h = held.clone();
    second.on_clicked(move |_| drop(h.clone()));
    pages.append("first", &first).map_err(|e| e.to_string())?;
    pages.insert_at("second", 0, &second).map_err(|e| e.to_string())?;
    drop(second);
    check!(Rc::strong_count(&held) == 4 && pages.delete(0).is_ok());
    check!(Rc::strong_count(&held) == 3 && first.is_alive());
    let frame = Group::new(ui, "frame");
    let (old, new) = (Button::new(ui, "old"), Label::new(ui, "new"));
    let h = held.clone();
    old.on_clicked(move |_| drop(h.clone()));
    frame.set_child(&old).map_err(|e| e.to_string())?;
    drop(old);
    check!(Rc::strong_count(&held) == 4 && frame.set_child(&new).is_ok() && Rc::strong_count(&held) == 3);
    drop((bx, pages, frame));
    // The grid's last handle goes: it is destroyed, and its children with it.
    drop(grid);
    check!(!b.is_alive() && !a.is_alive());
    w.destroy();
    check!(!tab.is_alive() && !form.is_alive() && !name.is_alive() && search.is_alive());
    check!(tab.is_empty() && form.is_empty() && tab.selected().is_none());
    Ok(())
}

/// Sliders, spin boxes, progress bars, lists, radio buttons, multi-line entries and groups: every
/// setter read back, ranges and indexes at and past their ends, nothing fired by the API, and the
/// usual ownership (a group owns its child; everything is gone with the window).
fn value_and_list_controls_hold_what_is_set(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "values", 400, 400, false);
    let column = UiBox::vertical(ui);
    let fired = Rc::new(Cell::new(0));
    // A reversed range is swapped, as libui-ng does.
    let (high, low) = (10, 0);
    let (slider, spin, bar) = (Slider::new(ui, high..=low), Spinbox::new(ui, -5..=5), ProgressBar::new(ui));
    check!(slider.value() == 0 && spin.value() == -5 && bar.progress() == Progress::Percent(0));
    let f = fired.clone();
    slider.on_changed(move |_| f.set(f.get() + 1));
    let f = fired.clone();
    spin.on_changed(move |_| f.set(f.get() + 1));
    slider.set_value(7);
    check!(slider.value() == 7);
    slider.set_value(99);
    check!(slider.value() == 10);
    slider.set_range(0..=5);
    check!(slider.value() == 5);
    slider.set_has_tool_tip(false);
    check!(!slider.has_tool_tip());
    spin.set_value(3);
    check!(spin.value() == 3);
    spin.set_value(i32::MIN);
    check!(spin.value() == -5);
    check!(bar.set_progress(Progress::Percent(100)).is_ok() && bar.progress() == Progress::Percent(100));
    check!(
        bar.set_progress(Progress::Percent(101)) == Err(Error::OutOfRange) && bar.progress() == Progress::Percent(100)
    );
    check!(bar.set_progress(Progress::Indeterminate).is_ok() && bar.progress() == Progress::Indeterminate);

    let (combo, editable, radios) = (Combobox::new(ui), EditableCombobox::new(ui), RadioButtons::new(ui));
    let f = fired.clone();
    combo.on_selected(move |_| f.set(f.get() + 1));
    let f = fired.clone();
    radios.on_selected(move |_| f.set(f.get() + 1));
    let f = fired.clone();
    editable.on_changed(move |_| f.set(f.get() + 1));
    combo.append("b");
    check!(combo.insert_at(0, "a").is_ok() && combo.insert_at(2, "d").is_ok());
    check!(combo.insert_at(4, "far") == Err(Error::OutOfRange));
    check!(combo.insert_at(2, "c\0nul").is_ok() && combo.len() == 4);
    check!(combo.selected().is_none() && combo.set_selected(Some(3)).is_ok() && combo.selected() == Some(3));
    check!(combo.set_selected(Some(4)) == Err(Error::OutOfRange) && combo.selected() == Some(3));
    // Deleting the chosen last item leaves none chosen, as in libui-ng.
    check!(
        combo.delete(3).is_ok()
            && combo.selected().is_none()
            && combo.delete(3) == Err(Error::OutOfRange)
            && combo.len() == 3
    );
    check!(combo.set_selected(Some(0)).is_ok() && combo.set_selected(None).is_ok() && combo.selected().is_none());
    combo.clear();
    check!(combo.is_empty());
    editable.append("zt0");
    editable.set_text("typed ✓");
    check!(editable.text() == "typed ✓");
    check!(radios.is_empty() && radios.set_selected(Some(0)) == Err(Error::OutOfRange));
    radios.append("IPv4");
    radios.append("IPv6");
    check!(radios.len() == 2 && radios.selected().is_none());
    check!(
        radios.set_selected(Some(1)).is_ok()
            && radios.selected() == Some(1)
            && radios.set_selected(Some(2)) == Err(Error::OutOfRange)
    );
    check!(radios.set_selected(None).is_ok() && radios.selected().is_none());

    let (wrapping, flat) = (MultilineEntry::new(ui), MultilineEntry::non_wrapping(ui));
    let f = fired.clone();
    wrapping.on_changed(move |_| f.set(f.get() + 1));
    wrapping.set_text("one\n");
    wrapping.append("two");
    check!(wrapping.text() == "one\ntwo");
    flat.set_read_only(true);
    check!(flat.read_only() && !wrapping.read_only());

    let group = Group::new(ui, "Routes");
    group.set_title("Managed routes");
    group.set_margined(true);
    check!(group.title() == "Managed routes" && group.margined());
    let inside = UiBox::vertical(ui);
    group.set_child(&inside).map_err(|e| e.to_string())?;
    check!(Group::new(ui, "other").set_child(&inside) == Err(Error::AlreadyParented));
    check!(inside.append(&group, false) == Err(Error::Cycle));
    inside.append(&wrapping, true).map_err(|e| e.to_string())?;
    inside.append(&flat, true).map_err(|e| e.to_string())?;
    // A new child replaces the old one, which is destroyed with its last handle.
    let old = Label::new(ui, "old");
    let spare = Group::new(ui, "spare");
    spare.set_child(&old).map_err(|e| e.to_string())?;
    spare.set_child(&Label::new(ui, "new")).map_err(|e| e.to_string())?;
    check!(old.is_alive());
    drop(old);

    for c in [&slider as &dyn Control, &spin, &bar, &Separator::horizontal(ui), &combo, &editable, &radios, &group] {
        column.append(c, false).map_err(|e| e.to_string())?;
    }
    let row = UiBox::horizontal(ui);
    row.append(&Separator::vertical(ui), false).map_err(|e| e.to_string())?;
    column.append(&row, false).map_err(|e| e.to_string())?;
    w.set_child(&column).map_err(|e| e.to_string())?;
    w.show();
    pump(ui, 50);
    check!(fired.get() == 0);
    w.destroy();
    check!(!slider.is_alive() && !wrapping.is_alive() && !group.is_alive() && !radios.is_alive());
    check!(slider.value() == 0 && combo.selected().is_none() && radios.is_empty() && wrapping.text().is_empty());
    check!(bar.set_progress(Progress::Percent(1)) == Err(Error::Destroyed) && group.title().is_empty());
    check!(group.set_child(&Label::new(ui, "late")) == Err(Error::Destroyed));
    Ok(())
}

/// The user moves a slider, picks a list item and clicks a radio button: each closure runs with a
/// handle to its own control.
fn value_and_list_events_reach_their_closures(ui: &Ui) -> Result<(), String> {
    let w = Window::new(ui, "events", 300, 200, false);
    let column = UiBox::vertical(ui);
    let (slider, combo, radios) = (Slider::new(ui, 0..=10), Combobox::new(ui), RadioButtons::new(ui));
    for text in ["a", "b"] {
        combo.append(text);
        radios.append(text);
    }
    let _ = combo.set_selected(Some(0));
    let seen = Rc::new(Cell::new((None, None, None)));
    let s = seen.clone();
    slider.on_changed(move |sl| s.set((Some(sl.value()), s.get().1, s.get().2)));
    let s = seen.clone();
    combo.on_selected(move |c| s.set((s.get().0, c.selected(), s.get().2)));
    let s = seen.clone();
    radios.on_selected(move |r| s.set((s.get().0, s.get().1, r.selected())));
    for c in [&slider as &dyn Control, &combo, &radios] {
        column.append(c, false).map_err(|e| e.to_string())?;
    }
    w.set_child(&column).map_err(|e| e.to_string())?;
    w.show();
    pump(ui, 50);
    user::slider_step(slider.native_handle());
    user::choose_next(combo.native_handle());
    user::radio_click(radios.native_handle(), 1);
    pump(ui, 50);
    check!(seen.get() == (Some(1), Some(1), Some(1)));
    w.destroy();
    Ok(())
}

fn main() -> std::process::ExitCode {
    if cfg!(not(windows)) && std::env::var_os("DISPLAY").is_none() {
        println!("no DISPLAY: run under xvfb-run\n0 passed, 1 failed");
        return std::process::ExitCode::FAILURE;
    }
    let ui = match Ui::init() {
        Ok(ui) => ui,
        Err(e) => {
            println!("init: FAILED ({e})\n0 passed, 1 failed");
            return std::process::ExitCode::FAILURE;
        }
    };
    // Menus come before the first window (libui-ng's rule), so before any case.
    let menus_made = menus::make_menus(&ui);
    if let Err(e) = &menus_made {
        println!("make_menus: FAILED {e}");
    }
    let cases: &[Case] = &[
        ("properties_read_back", properties_read_back),
        ("misuse_is_an_error", misuse_is_an_error),
        ("clicks_reach_the_handler_which_may_close_its_window", clicks_reach_the_handler_which_may_close_its_window),
        ("handler_panic_is_raised_after_the_loop", handler_panic_is_raised_after_the_loop),
        ("queue_runs_on_the_ui_thread_and_panics_come_back", queue_runs_on_the_ui_thread_and_panics_come_back),
        ("channel_delivers_in_order_to_ui_thread_state", channel_delivers_in_order_to_ui_thread_state),
        ("channel_receiver_panic_is_raised_from_main", channel_receiver_panic_is_raised_from_main),
        ("area_draws_and_its_panics_come_back", area_draws_and_its_panics_come_back),
        ("attributed_text_and_layouts", attributed_text_and_layouts),
        ("timers_repeat_until_false", timers_repeat_until_false),
        ("clipboard_round_trip", clipboard_round_trip),
        ("enter_in_an_entry_fires_on_activated", enter_in_an_entry_fires_on_activated),
        ("pickers_hold_what_is_set", pickers_hold_what_is_set),
        ("containers_own_their_children", containers_own_their_children),
        ("value_and_list_controls_hold_what_is_set", value_and_list_controls_hold_what_is_set),
        ("value_and_list_events_reach_their_closures", value_and_list_events_reach_their_closures),
    ];
    // `NAME...` runs only cases containing a NAME; `--skip NAME` leaves one out (as libtest does).
    let args: Vec<String> = std::env::args().skip(1).collect();
    let skip: Vec<&str> = args.windows(2).filter(|w| w[0] == "--skip").map(|w| w[1].as_str()).collect();
    let only: Vec<&String> = args.iter().filter(|a| !a.starts_with('-') && !skip.contains(&a.as_str())).collect();
    let chosen = |n: &str| {
        (only.is_empty() || only.iter().any(|o| n.contains(o.as_str()))) && !skip.iter().any(|s| n.contains(s))
    };
    let (mut passed, mut failed) = (0, usize::from(menus_made.is_err()));
    for (name, case) in cases.iter().chain(menus::CASES).chain(table::CASES).filter(|(n, _)| chosen(n)) {
        match catch_unwind(AssertUnwindSafe(|| case(&ui))) {
            Ok(Ok(())) => {
                passed += 1;
                println!("{name}: ok");
            }
            Ok(Err(e)) => {
                failed += 1;
                println!("{name}: FAILED {e}");
            }
            Err(_) => {
                failed += 1;
                println!("{name}: FAILED (panicked)");
            }
        }
    }
    // After the Ui is gone, other threads learn it instead of queueing into nothing.
    let handle = ui.handle();
    let sender = ui.channel(|_: ()| {});
    drop(ui);
    if sender.send(()) == Err(Error::Closed) {
        passed += 1;
        println!("channel_send_after_shutdown_is_refused: ok");
    } else {
        failed += 1;
        println!("channel_send_after_shutdown_is_refused: FAILED");
    }
    if handle.queue(|| {}) == Err(Error::Closed) {
        passed += 1;
        println!("queue_after_shutdown_is_refused: ok");
    } else {
        failed += 1;
        println!("queue_after_shutdown_is_refused: FAILED");
    }
    if menus::items_of_a_dropped_ui_do_nothing() {
        passed += 1;
        println!("menu_items_of_a_dropped_ui_do_nothing: ok");
    } else {
        failed += 1;
        println!("menu_items_of_a_dropped_ui_do_nothing: FAILED");
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
