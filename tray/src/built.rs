//! The C image of one menu tree.  The C library keeps pointers into the
//! `tray`/`tray_menu` arrays until the next update, so a `Built` is freed only
//! after the library has switched to the next one, and, when the switch
//! happens inside one of its own callbacks, only after that callback returned.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::ffi::{c_char, c_void, CString};
use std::ptr::{null, null_mut};
use std::rc::Rc;

use zt_tray_sys as sys;

use crate::icon::Image;
use crate::{panic, Error, Event, HandlerFn, Icon, MenuItem, TrayHandle};

/// The one event handler, and the events that arrived while it was running
/// (a handler that runs a nested loop, such as a modal dialog, can be called
/// again from inside itself: those events wait instead of aliasing it).
pub(crate) struct Dispatch<A> {
    pub(crate) handler: RefCell<Box<HandlerFn<A>>>,
    waiting: RefCell<VecDeque<Event<A>>>,
    /// What the handler gets as its own tray.
    tray: TrayHandle<A>,
}

impl<A> Dispatch<A> {
    pub(crate) fn new(handler: Box<HandlerFn<A>>, tray: TrayHandle<A>) -> Rc<Self> {
        Rc::new(Dispatch { handler: RefCell::new(handler), waiting: RefCell::new(VecDeque::new()), tray })
    }

    #[cfg(test)]
    pub(crate) fn deliver_for_test(&self, event: Event<A>) {
        self.deliver(event)
    }

    fn deliver(&self, event: Event<A>) {
        let Ok(mut handler) = self.handler.try_borrow_mut() else {
            self.waiting.borrow_mut().push_back(event);
            return;
        };
        handler(event, &self.tray);
        loop {
            let next = self.waiting.borrow_mut().pop_front();
            match next {
                Some(event) => handler(event, &self.tray),
                None => break,
            }
        }
    }
}

/// What a callback's context points at.
struct Slot<A> {
    dispatch: Rc<Dispatch<A>>,
    event: Event<A>,
}

pub(crate) struct Built {
    pub(crate) tray: Box<sys::tray>,
    lists: Vec<Box<[sys::tray_menu]>>,
    strings: Vec<CString>,
    /// Pixel copies and the image lists pointing into them.
    pixels: Vec<Box<[u8]>>,
    images: Vec<Box<[sys::tray_image]>>,
    /// `Slot<A>`s, boxed so the addresses C holds stay put.
    slots: Vec<Box<dyn Any>>,
}

const END: sys::tray_menu = sys::tray_menu {
    text: null(),
    disabled: 0,
    checked: 0,
    checkbox: 0,
    cb: None,
    context: null_mut(),
    submenu: null_mut(),
    radio: 0,
    icons: null(),
    icon_count: 0,
    accelerator: null(),
};

pub(crate) fn c_string(s: &str) -> Result<CString, Error> {
    CString::new(s).map_err(|_| Error::InteriorNul(s.to_string()))
}

impl Built {
    pub(crate) fn new<A: Clone + 'static>(
        icon: &Icon,
        tooltip: &str,
        menu: &[MenuItem<A>],
        dispatch: &Rc<Dispatch<A>>,
    ) -> Result<Built, Error> {
        let mut b = Built {
            tray: Box::new(sys::tray {
                icon: null(),
                tooltip: null(),
                menu: null_mut(),
                icon_rgba: null(),
                icon_width: 0,
                icon_height: 0,
                cb: None,
                context: null_mut(),
                icons: null(),
                icon_count: 0,
                attention: 0,
                attention_icons: null(),
                attention_icon_count: 0,
                event_cb: None,
            }),
            lists: Vec::new(),
            strings: Vec::new(),
            pixels: Vec::new(),
            images: Vec::new(),
            slots: Vec::new(),
        };
        match &icon.0 {
            Image::Rgba { width, height, pixels } => {
                let pixels = pixels.clone();
                b.tray.icon_rgba = pixels.as_ptr();
                b.tray.icon_width = *width;
                b.tray.icon_height = *height;
                b.pixels.push(pixels);
            }
            Image::File(path) => b.tray.icon = b.keep(path)?,
            Image::Sizes(_) => (b.tray.icons, b.tray.icon_count) = b.image_list(icon)?,
        }
        b.tray.tooltip = b.keep(tooltip)?;
        if !menu.is_empty() {
            b.tray.menu = b.list(menu, dispatch)?;
        }
        b.tray.context = b.slot(dispatch, Event::IconClicked);
        b.tray.event_cb = Some(icon_trampoline::<A>);
        Ok(b)
    }

    /// Asks for attention, with `icon` as the attention picture.
    pub(crate) fn set_attention(&mut self, icon: &Icon) -> Result<(), Error> {
        (self.tray.attention_icons, self.tray.attention_icon_count) = self.image_list(icon)?;
        self.tray.attention = 1;
        Ok(())
    }

    /// The C image list of a pixel icon; a file icon has none ([`Error::Icon`]).
    fn image_list(&mut self, icon: &Icon) -> Result<(*const sys::tray_image, i32), Error> {
        let one = std::slice::from_ref(&icon.0);
        let sizes = match &icon.0 {
            Image::Sizes(sizes) => sizes.as_slice(),
            Image::Rgba { .. } => one,
            Image::File(_) => return Err(Error::Icon),
        };
        let mut list = Vec::with_capacity(sizes.len());
        for image in sizes {
            let Image::Rgba { width, height, pixels } = image else { return Err(Error::Icon) };
            let pixels = pixels.clone();
            list.push(sys::tray_image { rgba: pixels.as_ptr(), width: *width, height: *height });
            self.pixels.push(pixels);
        }
        let list = list.into_boxed_slice();
        let out = (list.as_ptr(), list.len() as i32);
        self.images.push(list);
        Ok(out)
    }

    fn keep(&mut self, s: &str) -> Result<*const c_char, Error> {
        let c = c_string(s)?;
        let p = c.as_ptr();
        self.strings.push(c);
        Ok(p)
    }

    fn slot<A: 'static>(&mut self, dispatch: &Rc<Dispatch<A>>, event: Event<A>) -> *mut c_void {
        let slot = Box::new(Slot { dispatch: dispatch.clone(), event });
        let p = &*slot as *const Slot<A> as *mut c_void;
        self.slots.push(slot);
        p
    }

    /// Builds one NULL-terminated list (and, depth first, its submenus).
    fn list<A: Clone + 'static>(
        &mut self,
        items: &[MenuItem<A>],
        dispatch: &Rc<Dispatch<A>>,
    ) -> Result<*mut sys::tray_menu, Error> {
        let mut out = Vec::with_capacity(items.len() + 1);
        for item in items {
            let MenuItem::Entry(entry) = item else {
                out.push(sys::tray_menu { text: c"-".as_ptr(), ..END });
                continue;
            };
            if entry.text == "-" {
                return Err(Error::ReservedText);
            }
            let mut m = sys::tray_menu {
                text: self.keep(&entry.text)?,
                disabled: i32::from(!entry.enabled),
                checked: i32::from(entry.checked.unwrap_or(false)),
                checkbox: i32::from(entry.checked.is_some()),
                radio: i32::from(entry.radio),
                ..END
            };
            if let Some(icon) = &entry.icon {
                (m.icons, m.icon_count) = self.image_list(icon)?;
            }
            if let Some(keys) = &entry.accelerator {
                m.accelerator = self.keep(keys)?;
            }
            if !entry.submenu.is_empty() {
                m.submenu = self.list(&entry.submenu, dispatch)?;
            }
            if let Some(action) = &entry.action {
                m.context = self.slot(dispatch, Event::Menu(action.clone()));
                m.cb = Some(item_trampoline::<A>);
            }
            out.push(m);
        }
        out.push(END);
        let mut list = out.into_boxed_slice();
        let p = list.as_mut_ptr();
        self.lists.push(list);
        Ok(p)
    }
}

thread_local! {
    /// How many callbacks are running (a callback may run a loop and nest).
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// Trees replaced while a callback ran; freed when the outermost one returns.
    static RETIRED: RefCell<Vec<Built>> = const { RefCell::new(Vec::new()) };
}

/// Delivers one slot's event: never unwinds into C, and frees replaced trees
/// only once no callback can still be running inside them.
fn run_slot<A: Clone>(slot: *const Slot<A>, event: impl FnOnce(&Event<A>) -> Option<Event<A>>) {
    DEPTH.with(|d| d.set(d.get() + 1));
    panic::wrap(|| {
        // SAFETY: slot points into a Built that is current or retired; retired
        // ones live until DEPTH is back to 0, which is after this call.
        let slot = unsafe { &*slot };
        if let Some(event) = event(&slot.event) {
            slot.dispatch.deliver(event);
        }
    });
    let depth = DEPTH.with(|d| {
        d.set(d.get() - 1);
        d.get()
    });
    if depth == 0 {
        let retired = RETIRED.with(|r| std::mem::take(&mut *r.borrow_mut()));
        drop(retired);
    }
}

pub(crate) unsafe extern "C" fn item_trampoline<A: Clone>(item: *mut sys::tray_menu) {
    // SAFETY: the C library passes the entry it was given, whose context is a Slot<A>.
    run_slot::<A>(unsafe { (*item).context } as *const Slot<A>, |e| Some(e.clone()));
}

/// The icon's events; the tray's slot holds `Event::IconClicked`.
pub(crate) unsafe extern "C" fn icon_trampoline<A: Clone>(tray: *mut sys::tray, ev: *const sys::tray_event) {
    // SAFETY: the C library passes the tray it was given, whose context is a
    // Slot<A>, and an event that lives for the call.
    let (slot, ev) = unsafe { ((*tray).context as *const Slot<A>, *ev) };
    run_slot::<A>(slot, |clicked| match ev.type_ {
        sys::TRAY_EVENT_ACTIVATE => Some(clicked.clone()),
        sys::TRAY_EVENT_SECONDARY => Some(Event::MiddleClicked),
        sys::TRAY_EVENT_SCROLL => Some(Event::Scrolled { delta: ev.delta, horizontal: ev.horizontal != 0 }),
        _ => None, // a kind a newer C library knows
    });
}

/// Frees a replaced tree now, or after the running callback if there is one.
pub(crate) fn retire(old: Built) {
    if DEPTH.with(|d| d.get()) > 0 {
        RETIRED.with(|r| r.borrow_mut().push(old));
    } else {
        drop(old);
    }
}

#[cfg(test)]
pub(crate) fn idle() -> bool {
    DEPTH.with(|d| d.get()) == 0 && RETIRED.with(|r| r.borrow().is_empty())
}
