//! Regression cases for defects found under ASan, UBSan and TSan (issue 7):
//! each failed before its fix.  The sanitizer tier runs the C side of the
//! same misuse with the sanitizers watching.

use crate::{c, ctl, pump, take, CaseResult};
use std::ffi::c_void;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case {
            name: "stale_and_forged_pointers_are_not_controls",
            needs_display: true,
            run: stale_and_forged_pointers_are_not_controls,
        },
        crate::Case {
            name: "set_parent_cannot_orphan_a_boxed_child",
            needs_display: true,
            run: set_parent_cannot_orphan_a_boxed_child,
        },
        crate::Case { name: "box_cycles_are_rejected", needs_display: true, run: box_cycles_are_rejected },
        crate::Case { name: "queue_is_fifo_and_linear", needs_display: true, run: queue_is_fifo_and_linear },
        crate::Case {
            name: "main_step_returns_under_continuous_queuing",
            needs_display: true,
            run: main_step_returns_under_continuous_queuing,
        },
        crate::Case { name: "queue_dropped_by_uninit", needs_display: true, run: queue_dropped_by_uninit },
        crate::Case { name: "entry_holds_the_full_limit", needs_display: true, run: entry_holds_the_full_limit },
    ]
}

fn stale_and_forged_pointers_are_not_controls() -> CaseResult {
    unsafe {
        let w = crate::new_window("forged")?;
        // Memory that starts like a live window (same leading words) is not
        // one: liveness must not be decided by reading the pointed-to bytes.
        let mut forged = [0usize; 64];
        std::ptr::copy_nonoverlapping(w as *const usize, forged.as_mut_ptr(), 4);
        let fake = forged.as_mut_ptr() as *mut uiControl;
        check!(uiControlToplevel(fake) == 0, "a copy of a window's header was taken for a window");
        check!(uiControlHandle(fake) == 0);
        check!(take(uiWindowTitle(fake.cast()))?.is_empty());
        // A destroyed control: every call does nothing, getters give defaults.
        let l = uiNewLabel(c("gone").as_ptr());
        uiControlDestroy(ctl(l));
        check!(take(uiLabelText(l))?.is_empty());
        check!(uiControlHandle(ctl(l)) == 0);
        uiControlShow(ctl(l));
        uiControlDestroy(ctl(l));
        uiControlDestroy(ctl(w));
        check!(uiControlToplevel(ctl(w)) == 0, "a destroyed window still answers");
    }
    Ok(())
}

fn set_parent_cannot_orphan_a_boxed_child() -> CaseResult {
    unsafe {
        let b = uiNewVerticalBox();
        let child = uiNewButton(c("kept").as_ptr());
        uiBoxAppend(b, ctl(child), 0);
        // The box still holds the child, so the parent cannot be cleared
        // behind its back (the child could then be freed twice).
        uiControlSetParent(ctl(child), null_mut());
        check!(uiControlParent(ctl(child)) == ctl(b), "uiControlSetParent(child, NULL) orphaned a boxed child");
        uiControlDestroy(ctl(child));
        check!(take(uiButtonText(child))? == "kept", "a boxed child was destroyed directly");
        // Nor can a parent be claimed without a container.
        let loose = uiNewLabel(c("loose").as_ptr());
        uiControlSetParent(ctl(loose), ctl(b));
        check!(uiControlParent(ctl(loose)).is_null());
        uiControlDestroy(ctl(b));
        check!(uiControlHandle(ctl(child)) == 0, "the box did not destroy its child");
        uiControlDestroy(ctl(loose));
    }
    Ok(())
}

fn box_cycles_are_rejected() -> CaseResult {
    unsafe {
        let outer = uiNewVerticalBox();
        let middle = uiNewHorizontalBox();
        let inner = uiNewVerticalBox();
        uiBoxAppend(outer, ctl(middle), 0);
        uiBoxAppend(middle, ctl(inner), 0);
        // Before the fix GTK looped forever here.
        uiBoxAppend(inner, ctl(outer), 0);
        uiBoxAppend(middle, ctl(middle), 0);
        check!(uiBoxNumChildren(inner) == 0, "a box was put into its own descendant");
        check!(uiBoxNumChildren(middle) == 1);
        check!(uiControlParent(ctl(outer)).is_null());
        let w = crate::new_window("cycle")?;
        uiWindowSetChild(w, ctl(outer));
        uiControlShow(ctl(w));
        pump(20);
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

const THREADS: usize = 4;
const PER_THREAD: usize = 25_000;
static RAN: AtomicUsize = AtomicUsize::new(0);
static ORDER_BROKEN: AtomicBool = AtomicBool::new(false);
static LAST_SEEN: Mutex<[usize; THREADS]> = Mutex::new([0; THREADS]);

extern "C" fn count_in_order(data: *mut c_void) {
    let v = data as usize;
    let (thread, seq) = (v / (PER_THREAD + 1), v % (PER_THREAD + 1));
    let mut last = LAST_SEEN.lock().unwrap();
    if seq != last[thread] + 1 {
        ORDER_BROKEN.store(true, Ordering::SeqCst);
    }
    last[thread] = seq;
    RAN.fetch_add(1, Ordering::SeqCst);
}

fn queue_is_fifo_and_linear() -> CaseResult {
    RAN.store(0, Ordering::SeqCst);
    ORDER_BROKEN.store(false, Ordering::SeqCst);
    *LAST_SEEN.lock().unwrap() = [0; THREADS];
    let start = Instant::now();
    let threads: Vec<_> = (0..THREADS)
        .map(|t| {
            std::thread::spawn(move || {
                for seq in 1..=PER_THREAD {
                    unsafe { uiQueueMain(Some(count_in_order), (t * (PER_THREAD + 1) + seq) as *mut c_void) };
                }
            })
        })
        .collect();
    // Quadratic queueing took 13 s for these 100,000 here; linear takes well under one.
    let deadline = start + Duration::from_secs(5);
    while RAN.load(Ordering::SeqCst) < THREADS * PER_THREAD && Instant::now() < deadline {
        unsafe { uiMainStep(0) };
    }
    for t in threads {
        t.join().map_err(|_| "queueing thread panicked")?;
    }
    let ran = RAN.load(Ordering::SeqCst);
    check!(ran == THREADS * PER_THREAD, "{ran} of {} ran within 5 s", THREADS * PER_THREAD);
    check!(!ORDER_BROKEN.load(Ordering::SeqCst), "one thread's functions ran out of order");
    pump(20);
    check!(RAN.load(Ordering::SeqCst) == THREADS * PER_THREAD, "a function ran twice");
    Ok(())
}

static KEEP_REQUEUING: AtomicBool = AtomicBool::new(false);
static REQUEUED: AtomicUsize = AtomicUsize::new(0);
static FLOODED: AtomicUsize = AtomicUsize::new(0);

extern "C" fn requeue_self(_: *mut c_void) {
    REQUEUED.fetch_add(1, Ordering::SeqCst);
    if KEEP_REQUEUING.load(Ordering::SeqCst) {
        unsafe { uiQueueMain(Some(requeue_self), null_mut()) };
    }
}

extern "C" fn flooded(_: *mut c_void) {
    FLOODED.fetch_add(1, Ordering::SeqCst);
}

fn main_step_returns_under_continuous_queuing() -> CaseResult {
    KEEP_REQUEUING.store(true, Ordering::SeqCst);
    REQUEUED.store(0, Ordering::SeqCst);
    FLOODED.store(0, Ordering::SeqCst);
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    // The queue never runs dry: a function that queues itself again, and
    // another thread queueing all the time.
    unsafe { uiQueueMain(Some(requeue_self), null_mut()) };
    let queued = std::sync::Arc::new(AtomicUsize::new(0));
    let flood = {
        let (stop, queued) = (stop.clone(), queued.clone());
        std::thread::spawn(move || {
            // Bursts with a breath between them: queueing never stops, but
            // a step's batch stays bounded, so the time measures the steps
            // and not how far one thread can outrun another on a loaded machine.
            while !stop.load(Ordering::SeqCst) {
                for _ in 0..100 {
                    unsafe { uiQueueMain(Some(flooded), null_mut()) };
                }
                queued.fetch_add(100, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(1));
            }
        })
    };
    // The steps below must overlap the flood, so wait until it runs.
    let wait_start = Instant::now();
    while queued.load(Ordering::SeqCst) < 1000 && wait_start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(1));
    }
    // Before the fix the first call never returned. The bound only tells a
    // hang from slowness, so it is generous: emulated ARM64 (arm64-run,
    // msvc-run) needs about 5 s for these 200 calls.
    let limit = Duration::from_secs(30);
    let start = Instant::now();
    for _ in 0..200 {
        unsafe { uiMainStep(0) };
        if start.elapsed() > limit {
            break;
        }
    }
    let took = start.elapsed();
    stop.store(true, Ordering::SeqCst);
    flood.join().map_err(|_| "flooding thread panicked")?;
    KEEP_REQUEUING.store(false, Ordering::SeqCst);
    pump(100);
    check!(took < limit, "200 uiMainStep(0) calls took {took:?}");
    check!(
        REQUEUED.load(Ordering::SeqCst) > 1,
        "the self-queueing function ran {} times",
        REQUEUED.load(Ordering::SeqCst)
    );
    check!(FLOODED.load(Ordering::SeqCst) > 0, "nothing queued by the other thread ran");
    Ok(())
}

static DROPPED_RAN: AtomicUsize = AtomicUsize::new(0);

extern "C" fn must_not_run(_: *mut c_void) {
    DROPPED_RAN.fetch_add(1, Ordering::SeqCst);
}

fn queue_dropped_by_uninit() -> CaseResult {
    DROPPED_RAN.store(0, Ordering::SeqCst);
    unsafe {
        for _ in 0..10 {
            uiQueueMain(Some(must_not_run), null_mut());
        }
        uiUninit();
        // Queued after uiUninit: dropped too (a user bug, reported on stderr).
        uiQueueMain(Some(must_not_run), null_mut());
        let err = uiInit(null_mut());
        check!(err.is_null(), "uiInit after uiUninit failed");
        pump(50);
        check!(DROPPED_RAN.load(Ordering::SeqCst) == 0, "{} dropped functions ran", DROPPED_RAN.load(Ordering::SeqCst));
        uiQueueMain(Some(must_not_run), null_mut());
        pump(50);
        check!(DROPPED_RAN.load(Ordering::SeqCst) == 1, "the queue does not work after a new uiInit");
    }
    Ok(())
}

fn entry_holds_the_full_limit() -> CaseResult {
    let limit = uiTextLimit as usize;
    unsafe {
        let e = uiNewEntry();
        // 2-, 3- and 4-byte characters: each cut at the last whole one within the limit.
        for ch in ['é', '€', '😀'] {
            let text = ch.to_string().repeat(limit);
            uiEntrySetText(e, c(&text).as_ptr());
            let got = take(uiEntryText(e))?;
            let want = limit - limit % ch.len_utf8();
            check!(got.len() == want, "{ch:?}: entry kept {} bytes, not {want}", got.len());
            check!(got.chars().all(|g| g == ch));
        }
        // Typing at the limit adds nothing.
        let full = "a".repeat(limit);
        uiEntrySetText(e, c(&full).as_ptr());
        crate::native::type_into_entry(uiControlHandle(ctl(e)), "zz");
        pump(10);
        check!(take(uiEntryText(e))?.len() == limit, "typing went past the limit");
        uiControlDestroy(ctl(e));
    }
    Ok(())
}
