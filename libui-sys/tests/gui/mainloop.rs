//! Main-loop semantics as libui-ng documents them (issue 7, step 3).

use crate::{ctl, new_window, CaseResult};
use std::ffi::{c_int, c_void};
use std::ptr::null_mut;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case {
            name: "main_step_wait_returns_after_show",
            needs_display: true,
            run: main_step_wait_returns_after_show,
        },
        crate::Case {
            name: "main_step_wait_wakes_for_queue_and_timer",
            needs_display: true,
            run: main_step_wait_wakes_for_queue_and_timer,
        },
        crate::Case {
            name: "timer_not_reentered_by_a_nested_loop",
            needs_display: true,
            run: timer_not_reentered_by_a_nested_loop,
        },
    ]
}

/// Calls uiMainStep(1) with a guard thread that ends a wait longer than
/// `limit` (through uiQuit), so a hang fails the case instead of the run.
/// Returns how long the step took and whether the guard had to fire.
fn guarded_wait_step(limit: Duration) -> (Duration, bool) {
    let returned = Arc::new(AtomicBool::new(false));
    let fired = Arc::new(AtomicBool::new(false));
    let guard = {
        let (returned, fired) = (returned.clone(), fired.clone());
        std::thread::spawn(move || {
            let end = Instant::now() + limit;
            while Instant::now() < end {
                if returned.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            fired.store(true, Ordering::SeqCst);
            unsafe { uiQuit() };
        })
    };
    let start = Instant::now();
    unsafe { uiMainStep(1) };
    let took = start.elapsed();
    returned.store(true, Ordering::SeqCst);
    guard.join().unwrap();
    let fired = fired.load(Ordering::SeqCst);
    if fired {
        // Consume the guard's quit so it does not end a later case's loop.
        for _ in 0..100 {
            if unsafe { uiMainStep(0) } == 0 {
                break;
            }
        }
    }
    (took, fired)
}

fn main_step_wait_returns_after_show() -> CaseResult {
    let w = new_window("steps")?;
    unsafe {
        uiControlShow(ctl(w));
        uiMainSteps();
        let (took, fired) = guarded_wait_step(Duration::from_secs(3));
        uiControlDestroy(ctl(w));
        check!(!fired, "uiMainStep(1) after showing a window blocked for {took:?}");
    }
    Ok(())
}

static WOKEN: AtomicUsize = AtomicUsize::new(0);

extern "C" fn wake(_: *mut c_void) {
    WOKEN.fetch_add(1, Ordering::SeqCst);
}

extern "C" fn wake_once(_: *mut c_void) -> c_int {
    WOKEN.fetch_add(1, Ordering::SeqCst);
    0
}

fn main_step_wait_wakes_for_queue_and_timer() -> CaseResult {
    // Drain what earlier cases left, so the waits below have only our events.
    crate::pump(100);
    WOKEN.store(0, Ordering::SeqCst);
    let t = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(100));
        unsafe { uiQueueMain(Some(wake), null_mut()) };
    });
    let mut fired = false;
    for _ in 0..20 {
        if WOKEN.load(Ordering::SeqCst) == 1 {
            break;
        }
        fired |= guarded_wait_step(Duration::from_secs(3)).1;
    }
    t.join().map_err(|_| "thread panicked")?;
    check!(!fired && WOKEN.load(Ordering::SeqCst) == 1, "a function queued from a thread did not wake uiMainStep(1)");
    unsafe { uiTimer(50, Some(wake_once), null_mut()) };
    for _ in 0..20 {
        if WOKEN.load(Ordering::SeqCst) == 2 {
            break;
        }
        fired |= guarded_wait_step(Duration::from_secs(3)).1;
    }
    check!(!fired && WOKEN.load(Ordering::SeqCst) == 2, "a timer did not wake uiMainStep(1)");
    Ok(())
}

static TICKS: AtomicUsize = AtomicUsize::new(0);
static DEPTH: AtomicUsize = AtomicUsize::new(0);
static MAX_DEPTH: AtomicUsize = AtomicUsize::new(0);

/// The first tick runs a loop of its own for several intervals, as a modal dialog would; the second
/// ends the timer.
extern "C" fn nesting_tick(_: *mut c_void) -> c_int {
    let depth = DEPTH.fetch_add(1, Ordering::SeqCst) + 1;
    MAX_DEPTH.fetch_max(depth, Ordering::SeqCst);
    let tick = TICKS.fetch_add(1, Ordering::SeqCst) + 1;
    if tick == 1 {
        let until = Instant::now() + Duration::from_millis(150);
        while Instant::now() < until {
            unsafe { uiMainStep(0) };
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    DEPTH.fetch_sub(1, Ordering::SeqCst);
    c_int::from(tick == 1)
}

fn timer_not_reentered_by_a_nested_loop() -> CaseResult {
    crate::pump(100);
    TICKS.store(0, Ordering::SeqCst);
    MAX_DEPTH.store(0, Ordering::SeqCst);
    unsafe { uiTimer(10, Some(nesting_tick), null_mut()) };
    let until = Instant::now() + Duration::from_secs(5);
    while TICKS.load(Ordering::SeqCst) < 2 && Instant::now() < until {
        crate::pump(20);
    }
    check!(MAX_DEPTH.load(Ordering::SeqCst) == 1, "a timer's callback ran again inside its own nested loop");
    check!(TICKS.load(Ordering::SeqCst) == 2, "the timer did not tick again after its nested loop");
    crate::pump(100);
    check!(TICKS.load(Ordering::SeqCst) == 2, "the timer ticked on after its callback returned 0");
    Ok(())
}
