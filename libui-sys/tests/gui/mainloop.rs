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
