//! A typed channel into the UI thread: workers hold [`UiSender`]s (`Send` and
//! `Clone`), and the receiver is a closure that runs on the UI thread, so it
//! may own controls, `Rc`s and anything else that cannot leave that thread.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::ffi::c_void;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};

use zt_libui_sys as sys;

use crate::{panic, Error, Ui};

/// The sending end of [`Ui::channel`]: `Send` and `Clone`, usable from any
/// thread.  The receiver lives as long as any sender or undelivered message.
pub struct UiSender<T> {
    /// Shared by the senders and the queued messages; the receiver is dropped
    /// on the UI thread once none is left.
    token: ManuallyDrop<Arc<Token>>,
    _message: PhantomData<fn(T)>,
}

/// One channel's identity, and whether its [`Ui`] is still there.
struct Token {
    open: Arc<AtomicBool>,
}

impl<T> Clone for UiSender<T> {
    fn clone(&self) -> Self {
        UiSender { token: ManuallyDrop::new(Arc::clone(&self.token)), _message: PhantomData }
    }
}

impl<T> std::fmt::Debug for UiSender<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UiSender").field("open", &self.token.open.load(Ordering::SeqCst)).finish()
    }
}

impl<T> Drop for UiSender<T> {
    fn drop(&mut self) {
        // SAFETY: taken once, here; the field is not used again.
        let token = unsafe { ManuallyDrop::take(&mut self.token) };
        // The last sender with no message on its way: let the UI thread drop the receiver.
        if let Some(token) = Arc::into_inner(token) {
            if token.open.load(Ordering::SeqCst) {
                // SAFETY: uiQueueMain is thread-safe; the callback takes no data.
                unsafe { sys::uiQueueMain(Some(sweep_trampoline), std::ptr::null_mut()) };
            }
        }
    }
}

unsafe extern "C" fn sweep_trampoline(_: *mut c_void) {
    panic::wrap((), sweep);
}

/// A message on its way, with the channel it belongs to.
struct Letter<T> {
    token: Arc<Token>,
    message: T,
}

/// The receiving closure and the messages that arrived while it ran (a
/// receiver that runs a nested loop, such as a modal dialog, may be called
/// from inside itself: those wait instead of aliasing it).
struct Receiver<T> {
    f: RefCell<Box<dyn FnMut(T)>>,
    waiting: RefCell<VecDeque<T>>,
}

/// A receiver of any message type, as the table keeps it.
struct Kept {
    token: Weak<Token>,
    receiver: Rc<dyn std::any::Any>,
}

thread_local! {
    /// The receivers of this UI thread's channels.
    static RECEIVERS: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

impl Ui {
    /// A channel whose messages `receive` handles on this (the UI) thread, in
    /// the order each sender sent them.  `receive` may hold `!Send` state such
    /// as controls; a panic in it stops the loop and is raised from
    /// [`Ui::main`], like every callback's.  The receiver is dropped (on this
    /// thread) when the last sender and the last undelivered message are gone,
    /// or with the [`Ui`].
    ///
    /// ```no_run
    /// use zt_libui::{Control, MultilineEntry, Ui, Window};
    ///
    /// let ui = Ui::init()?;
    /// let window = Window::new(&ui, "Log", 400, 300, false);
    /// let log = MultilineEntry::new(&ui);
    /// window.set_child(&log)?;
    /// window.show();
    /// // The receiver owns `log`, a !Send control; only the messages cross threads.
    /// let lines = ui.channel(move |line: String| log.append(&format!("{line}\n")));
    /// for worker in 0..2 {
    ///     let lines = lines.clone();
    ///     std::thread::spawn(move || {
    ///         for tick in 0.. {
    ///             std::thread::sleep(std::time::Duration::from_secs(1));
    ///             // Err(Closed) once the Ui is gone: the worker stops.
    ///             if lines.send(format!("worker {worker}: tick {tick}")).is_err() {
    ///                 break;
    ///             }
    ///         }
    ///     });
    /// }
    /// ui.main();
    /// # Ok::<(), zt_libui::Error>(())
    /// ```
    pub fn channel<T: Send + 'static>(&self, receive: impl FnMut(T) + 'static) -> UiSender<T> {
        sweep();
        let token = Arc::new(Token { open: self.open.clone() });
        let receiver: Rc<Receiver<T>> =
            Rc::new(Receiver { f: RefCell::new(Box::new(receive)), waiting: RefCell::new(VecDeque::new()) });
        RECEIVERS.with(|r| r.borrow_mut().push(Kept { token: Arc::downgrade(&token), receiver }));
        UiSender { token: ManuallyDrop::new(token), _message: PhantomData }
    }
}

impl<T: Send + 'static> UiSender<T> {
    /// Hands `message` to the receiver on the UI thread.  [`Error::Closed`]
    /// (and the message back inside nothing: it is dropped) once the [`Ui`] is
    /// gone; a message sent just before that is dropped undelivered.
    pub fn send(&self, message: T) -> Result<(), Error> {
        if !self.token.open.load(Ordering::SeqCst) {
            return Err(Error::Closed);
        }
        let letter = Box::into_raw(Box::new(Letter { token: Arc::clone(&self.token), message }));
        // SAFETY: uiQueueMain is thread-safe; deliver::<T> takes the box back once.
        unsafe { sys::uiQueueMain(Some(deliver::<T>), letter.cast()) };
        Ok(())
    }
}

unsafe extern "C" fn deliver<T: 'static>(data: *mut c_void) {
    // SAFETY: data came from Box::into_raw in send() with this T.
    let letter = unsafe { Box::from_raw(data.cast::<Letter<T>>()) };
    panic::wrap((), move || {
        let Letter { token, message } = *letter;
        let receiver = RECEIVERS.with(|r| {
            r.borrow().iter().find(|e| std::ptr::eq(e.token.as_ptr(), Arc::as_ptr(&token))).map(|e| e.receiver.clone())
        });
        drop(token);
        let Some(receiver) = receiver.and_then(|r| r.downcast::<Receiver<T>>().ok()) else { return };
        let Ok(mut f) = receiver.f.try_borrow_mut() else {
            receiver.waiting.borrow_mut().push_back(message);
            return;
        };
        f(message);
        loop {
            let next = receiver.waiting.borrow_mut().pop_front();
            match next {
                Some(message) => f(message),
                None => break,
            }
        }
    });
    sweep();
}

/// Drops the receivers no sender or queued message can reach any more.
fn sweep() {
    let dead: Vec<Kept> = RECEIVERS.with(|r| {
        let mut r = r.borrow_mut();
        let (dead, live) = std::mem::take(&mut *r).into_iter().partition(|e| e.token.strong_count() == 0);
        *r = live;
        dead
    });
    // A running receiver is kept alive by deliver()'s own Rc.
    drop(dead);
}

/// The Ui is going: every receiver goes with it.
pub(crate) fn close_all() {
    let all = RECEIVERS.with(|r| std::mem::take(&mut *r.borrow_mut()));
    drop(all);
}
