//! uiArea's mouse and keyboard events through real input (xdotool, as in input.rs): presses,
//! moves and releases, a drag that leaves the area and the window, a double click, a drag
//! broken by another window taking the pointer, and keys with modifiers. The handler records
//! every event as libui-ng's structs carry it, and the cases check those values.
//!
//! Coordinates from xdotool land on whole pixels; the area's origin on the screen comes from
//! the toolkit, so positions are checked within `SLACK` pixels.

use std::cell::RefCell;
use std::ffi::c_int;
use zt_libui_sys::*;

use crate::input::{native, xdo};
use crate::runner::{Case, CaseResult};
use crate::{ctl, pump, shown_window};

const SLACK: f64 = 1.5;

pub fn cases() -> Vec<Case> {
    vec![
        Case { name: "input_area_press_move_release", needs_display: true, run: press_move_release },
        Case { name: "input_area_drag_leaves_the_area", needs_display: true, run: drag_leaves_the_area },
        Case { name: "input_area_double_click", needs_display: true, run: double_click },
        Case { name: "input_area_drag_broken", needs_display: true, run: drag_broken },
        Case { name: "input_area_keys_with_modifiers", needs_display: true, run: keys_with_modifiers },
    ]
}

#[derive(Clone, Copy, Debug)]
enum Event {
    Mouse(uiAreaMouseEvent),
    Crossed { left: bool },
    DragBroken,
    Key(uiAreaKeyEvent),
}

#[repr(C)]
struct Recorder {
    ah: uiAreaHandler,
    events: RefCell<Vec<Event>>,
}

impl Recorder {
    fn take(&self) -> Vec<Event> {
        std::mem::take(&mut self.events.borrow_mut())
    }
}

unsafe fn recorder<'a>(ah: *mut uiAreaHandler) -> &'a Recorder {
    &*(ah as *const Recorder)
}

unsafe extern "C" fn on_draw(_: *mut uiAreaHandler, _: *mut uiArea, p: *mut uiAreaDrawParams) {
    crate::area::fill_rect((*p).Context, 0.0, 0.0, (*p).AreaWidth, (*p).AreaHeight, [230, 230, 250]);
}

unsafe extern "C" fn on_mouse(ah: *mut uiAreaHandler, _: *mut uiArea, e: *mut uiAreaMouseEvent) {
    recorder(ah).events.borrow_mut().push(Event::Mouse(*e));
}

unsafe extern "C" fn on_crossed(ah: *mut uiAreaHandler, _: *mut uiArea, left: c_int) {
    recorder(ah).events.borrow_mut().push(Event::Crossed { left: left != 0 });
}

unsafe extern "C" fn on_drag_broken(ah: *mut uiAreaHandler, _: *mut uiArea) {
    recorder(ah).events.borrow_mut().push(Event::DragBroken);
}

unsafe extern "C" fn on_key(ah: *mut uiAreaHandler, _: *mut uiArea, e: *mut uiAreaKeyEvent) -> c_int {
    recorder(ah).events.borrow_mut().push(Event::Key(*e));
    // Handled: nothing else (dialog navigation, Wine's Alt menu) sees the keys.
    1
}

/// A window holding an area above a button, destroyed when dropped so a failed case leaves no
/// window in the way of the next one's input. The recorder is leaked: a handler of a window
/// a failed case left behind never writes to freed memory.
struct Scene {
    window: *mut uiWindow,
    area: *mut uiArea,
    rec: &'static Recorder,
}

impl Drop for Scene {
    fn drop(&mut self) {
        unsafe { uiControlDestroy(ctl(self.window)) };
        pump(30);
    }
}

impl Scene {
    fn new(title: &str) -> Result<Scene, String> {
        let rec: &'static mut Recorder = Box::leak(Box::new(Recorder {
            ah: uiAreaHandler {
                Draw: Some(on_draw),
                MouseEvent: Some(on_mouse),
                MouseCrossed: Some(on_crossed),
                DragBroken: Some(on_drag_broken),
                KeyEvent: Some(on_key),
            },
            events: RefCell::new(Vec::new()),
        }));
        unsafe {
            let area = uiNewArea(&mut rec.ah);
            check!(!area.is_null(), "uiNewArea returned NULL");
            let window = shown_window(title, 300, 220, 0)?;
            let vbox = uiNewVerticalBox();
            uiBoxAppend(vbox, ctl(area), 1);
            uiBoxAppend(vbox, ctl(uiNewButton(crate::c("below").as_ptr())), 0);
            uiWindowSetChild(window, ctl(vbox));
            pump(250);
            let scene = Scene { window, area, rec };
            let (_, _, w, h) = scene.rect();
            check!(w > 100 && h > 100, "the area is {w}x{h} on the screen");
            Ok(scene)
        }
    }

    /// The area on the screen: (x, y, width, height).
    fn rect(&self) -> (i32, i32, i32, i32) {
        native::screen_rect(unsafe { uiControlHandle(ctl(self.area)) })
    }

    /// The screen point at (x, y) in the area.
    fn at(&self, x: i32, y: i32) -> (i32, i32) {
        let (ax, ay, _, _) = self.rect();
        (ax + x, ay + y)
    }

    fn mouse(&self) -> Vec<uiAreaMouseEvent> {
        self.rec.take().into_iter().filter_map(|e| if let Event::Mouse(m) = e { Some(m) } else { None }).collect()
    }
}

/// Runs xdotool on words separated by spaces.
fn run(words: &str) -> CaseResult {
    xdo(&words.split_whitespace().map(String::from).collect::<Vec<_>>())
}

fn close(e: &uiAreaMouseEvent, x: i32, y: i32) -> bool {
    (e.X - x as f64).abs() <= SLACK && (e.Y - y as f64).abs() <= SLACK
}

fn show(e: &uiAreaMouseEvent) -> String {
    format!(
        "(X {} Y {} {}x{} Down {} Up {} Count {} Mods {} Held {:#b})",
        e.X, e.Y, e.AreaWidth, e.AreaHeight, e.Down, e.Up, e.Count, e.Modifiers, e.Held1To64
    )
}

fn shown(events: &[uiAreaMouseEvent]) -> String {
    events.iter().map(show).collect::<Vec<_>>().join(" ")
}

fn press_move_release() -> CaseResult {
    let s = Scene::new("area input: press")?;
    let (_, _, aw, ah) = s.rect();
    let (x0, y0) = s.at(20, 30);
    let (x1, y1) = s.at(60, 70);
    run(&format!("mousemove {x0} {y0}"))?;
    let entered = s.rec.take();
    check!(
        entered.iter().any(|e| matches!(e, Event::Crossed { left: false })),
        "moving in gave no MouseCrossed(0): {entered:?}"
    );
    run(&format!("mousedown 1 mousemove {x1} {y1} mouseup 1"))?;
    let events = s.mouse();
    let all = shown(&events);
    let downs: Vec<_> = events.iter().filter(|e| e.Down != 0).collect();
    check!(downs.len() == 1, "{} presses for one: {all}", downs.len());
    let d = downs[0];
    check!(d.Down == 1 && d.Up == 0 && d.Count == 1, "the press: {}", show(d));
    check!(close(d, 20, 30), "the press at ({}, {}), not (20, 30)", d.X, d.Y);
    // libui-ng leaves the button that changed out of Held1To64.
    check!(d.Held1To64 == 0 && d.Modifiers == 0, "the press: {}", show(d));
    check!(
        d.AreaWidth == aw as f64 && d.AreaHeight == ah as f64,
        "the press reports a {}x{} area, not {aw}x{ah}",
        d.AreaWidth,
        d.AreaHeight
    );
    let moved = events.iter().find(|e| e.Down == 0 && e.Up == 0 && close(e, 60, 70));
    let m = moved.ok_or_else(|| format!("no move to (60, 70) with the button held: {all}"))?;
    check!(m.Held1To64 == 1 && m.Count == 0, "the move while held: {}", show(m));
    let ups: Vec<_> = events.iter().filter(|e| e.Up != 0).collect();
    check!(ups.len() == 1, "{} releases for one: {all}", ups.len());
    let u = ups[0];
    check!(u.Up == 1 && u.Down == 0 && u.Held1To64 == 0 && close(u, 60, 70), "the release: {}", show(u));
    // The right button, with Shift held.
    run("keydown Shift_L click 3 keyup Shift_L")?;
    let events = s.mouse();
    let d = events.iter().find(|e| e.Down != 0).ok_or_else(|| format!("no press of button 3: {}", shown(&events)))?;
    check!(d.Down == 3 && d.Modifiers == uiModifierShift, "shift + right button: {}", show(d));
    check!(events.iter().any(|e| e.Up == 3), "no release of button 3: {}", shown(&events));
    Ok(())
}

fn drag_leaves_the_area() -> CaseResult {
    let s = Scene::new("area input: drag")?;
    let (_, _, aw, _) = s.rect();
    let (x0, y0) = s.at(20, 30);
    // Past the window's right edge.
    let (x1, y1) = s.at(aw + 80, 40);
    run(&format!("mousemove {x0} {y0}"))?;
    s.rec.take();
    run(&format!("mousedown 1 mousemove {x1} {y1} mousemove {} {y1}", x1 + 10))?;
    let events = s.rec.take();
    let mouse: Vec<_> = events.iter().filter_map(|e| if let Event::Mouse(m) = e { Some(*m) } else { None }).collect();
    let all = shown(&mouse);
    // The area holds the pointer while the button is down: moves outside still come, in the
    // area's coordinates.
    let outside = mouse.iter().find(|e| e.Down == 0 && e.Up == 0 && close(e, aw + 90, 40));
    let o = outside.ok_or_else(|| format!("no move reported {} px right of the area: {all}", 90))?;
    check!(o.Held1To64 == 1, "the move outside: {}", show(o));
    check!(!events.iter().any(|e| matches!(e, Event::DragBroken)), "leaving the area broke the drag");
    let left_during = events.iter().filter(|e| matches!(e, Event::Crossed { left: true })).count();
    run("mouseup 1")?;
    // Win32 may report the leave from its mouse-tracking timer, a moment later.
    pump(500);
    let events = s.rec.take();
    let mouse: Vec<_> = events.iter().filter_map(|e| if let Event::Mouse(m) = e { Some(*m) } else { None }).collect();
    let up =
        mouse.iter().find(|e| e.Up != 0).ok_or_else(|| format!("no release outside the area: {}", shown(&mouse)))?;
    check!(up.Up == 1 && close(up, aw + 90, 40) && up.Held1To64 == 0, "the release outside: {}", show(up));
    check!(!events.iter().any(|e| matches!(e, Event::DragBroken)), "ending the drag reported DragBroken");
    // The pointer ended outside: the leave is reported once, during the drag (Wine) or when the
    // area lets go of the pointer (GTK: the crossing X sends at the ungrab).
    let left_after = events.iter().filter(|e| matches!(e, Event::Crossed { left: true })).count();
    check!(
        left_during + left_after == 1,
        "MouseCrossed(1) ran {left_during} times during the drag and {left_after} after it"
    );
    Ok(())
}

fn double_click() -> CaseResult {
    let s = Scene::new("area input: double click")?;
    let (x, y) = s.at(50, 50);
    run(&format!("mousemove {x} {y}"))?;
    s.rec.take();
    run("click --repeat 2 --delay 60 1")?;
    let events = s.mouse();
    let counts: Vec<_> = events.iter().filter(|e| e.Down != 0).map(|e| (e.Down, e.Count)).collect();
    check!(counts == [(1, 1), (1, 2)], "a double click gave presses {counts:?}: {}", shown(&events));
    // Past the double-click time (GTK and Windows: 400 to 500 ms) counting starts again.
    std::thread::sleep(std::time::Duration::from_millis(700));
    run("click 1")?;
    let counts: Vec<_> = s.mouse().iter().filter(|e| e.Down != 0).map(|e| e.Count).collect();
    check!(counts == [1], "a click after 700 ms counted {counts:?}");
    // Far from the last click it starts again too, even quickly.
    run(&format!("click 1 mousemove {} {y} click 1", x + 40))?;
    let counts: Vec<_> = s.mouse().iter().filter(|e| e.Down != 0).map(|e| e.Count).collect();
    check!(counts == [2, 1], "a second click, then one 40 px away, counted {counts:?}");
    Ok(())
}

fn drag_broken() -> CaseResult {
    // Made first, so the area's window opens above it.
    let other = shown_window("takes the pointer", 120, 80, 0)?;
    // One more try when the first sees no broken drag: in some full GTK runs under xvfb the
    // press's implicit grab was already gone when the other window grabbed (the area saw a
    // plain leave). Not diagnosed; a backend that never reports the break fails both tries.
    let mut result = Err(String::new());
    for attempt in 1..=2 {
        result = broken_drag_once(other);
        match &result {
            Err(e) if attempt == 1 => {
                println!("       (drag_broken: first try failed, trying again: {e})");
                native::release_pointer();
                let _ = run("mouseup 1");
                pump(100);
            }
            _ => break,
        }
    }
    unsafe { uiControlDestroy(ctl(other)) };
    pump(30);
    result
}

fn broken_drag_once(other: *mut uiWindow) -> CaseResult {
    let s = Scene::new("area input: broken drag")?;
    let (x, y) = s.at(40, 40);
    run(&format!("mousemove {x} {y} mousedown 1"))?;
    let pressed = s.rec.take();
    let down = pressed.iter().any(|e| matches!(e, Event::Mouse(m) if m.Down == 1));
    check!(down, "the press did not reach the area: {pressed:?}");
    // Another window takes the pointer while the button is down, as a popup or another
    // program's grab does. The toolkit reports the broken drag when it handles the
    // grab's events, which under load can come after the pointer's next move.
    native::take_pointer(crate::window_handle(other))?;
    run(&format!("mousemove {} {y}", x + 5))?;
    let mut events = s.rec.take();
    for _ in 0..100 {
        if events.iter().any(|e| matches!(e, Event::DragBroken)) {
            break;
        }
        pump(20);
        events.extend(s.rec.take());
    }
    native::release_pointer();
    events.extend(s.rec.take());
    run("mouseup 1")?;
    let n = events.iter().filter(|e| matches!(e, Event::DragBroken)).count();
    check!(n == 1, "DragBroken ran {n} times when another window took the pointer: {events:?}");
    Ok(())
}

fn keys_with_modifiers() -> CaseResult {
    let s = Scene::new("area input: keys")?;
    let (x, y) = s.at(50, 50);
    // A click gives the area the keyboard focus.
    run(&format!("mousemove {x} {y} click 1"))?;
    s.rec.take();
    run("key --delay 40 ctrl+shift+a")?;
    let keys: Vec<uiAreaKeyEvent> =
        s.rec.take().into_iter().filter_map(|e| if let Event::Key(k) = e { Some(k) } else { None }).collect();
    let both = uiModifierCtrl | uiModifierShift;
    let a_down = keys.iter().find(|k| k.Key == b'a' as _ && k.Up == 0);
    let a_down = a_down.ok_or_else(|| format!("no press of 'a': {keys:?}"))?;
    check!(a_down.Modifiers == both && a_down.Modifier == 0 && a_down.ExtKey == 0, "Ctrl+Shift+A: {a_down:?}");
    check!(keys.iter().any(|k| k.Key == b'a' as _ && k.Up == 1), "no release of 'a': {keys:?}");
    // The modifier keys themselves: Modifier names the key, Modifiers leaves it out.
    let ctrl_down = keys.iter().find(|k| k.Modifier == uiModifierCtrl && k.Up == 0);
    check!(ctrl_down.is_some_and(|k| k.Modifiers == 0 && k.Key == 0), "Ctrl's press: {keys:?}");
    let shift_down = keys.iter().find(|k| k.Modifier == uiModifierShift && k.Up == 0);
    check!(shift_down.is_some_and(|k| k.Modifiers == uiModifierCtrl), "Shift's press after Ctrl: {keys:?}");
    check!(keys.iter().any(|k| k.Modifier == uiModifierShift && k.Up == 1), "no release of Shift: {keys:?}");
    // An extended key with a modifier, and one without.
    run("key --delay 40 alt+Left Escape")?;
    let keys: Vec<uiAreaKeyEvent> =
        s.rec.take().into_iter().filter_map(|e| if let Event::Key(k) = e { Some(k) } else { None }).collect();
    let left = keys.iter().find(|k| k.ExtKey == uiExtKeyLeft && k.Up == 0);
    check!(left.is_some_and(|k| k.Modifiers == uiModifierAlt && k.Key == 0), "Alt+Left: {keys:?}");
    let esc = keys.iter().find(|k| k.ExtKey == uiExtKeyEscape && k.Up == 0);
    check!(esc.is_some_and(|k| k.Modifiers == 0), "Escape: {keys:?}");
    Ok(())
}
