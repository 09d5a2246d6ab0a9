//! Unit tests of the icon features in the C image: size lists, attention,
//! radio entries, menu icons, and the icon's own events (left and middle
//! click, wheel) reaching the handler.  No display needed.

use super::*;
use crate::built::{icon_trampoline, Dispatch};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
enum Act {
    Pick(u8),
}

fn square(side: u32, rgba: [u8; 4]) -> Icon {
    Icon::from_rgba(rgba.repeat((side * side) as usize), side, side).unwrap()
}

/// The events a recording handler saw.
type Seen = Rc<RefCell<Vec<Event<Act>>>>;

fn recorder() -> (Seen, Rc<Dispatch<Act>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    (seen, Dispatch::new(Box::new(move |e, _| s.borrow_mut().push(e)), TrayHandle::from_weak(std::rc::Weak::new())))
}

/// (width, height, first pixel) of each image of a C list.
unsafe fn list(images: *const sys::tray_image, count: i32) -> Vec<(i32, i32, [u8; 4])> {
    (0..count as usize)
        .map(|i| {
            let im = &*images.add(i);
            let px = std::slice::from_raw_parts(im.rgba, 4);
            (im.width, im.height, [px[0], px[1], px[2], px[3]])
        })
        .collect()
}

#[test]
fn size_lists_are_checked() {
    let sizes = |n: usize| (0..n).map(|i| square(i as u32 + 1, [0; 4])).collect::<Vec<_>>();
    assert!(Icon::from_sizes(sizes(MAX_ICON_SIZES)).is_ok());
    assert_eq!(Icon::from_sizes(sizes(MAX_ICON_SIZES + 1)), Err(Error::Icon));
    assert_eq!(Icon::from_sizes(Vec::new()), Err(Error::Icon));
    let file = Icon::from_path("/x/icon.png").unwrap();
    assert_eq!(Icon::from_sizes(vec![square(16, [0; 4]), file]), Err(Error::Icon));
    // Icon takes up to 4096 a side, the C library 1024.
    assert_eq!(Icon::from_sizes(vec![square(1025, [0; 4])]), Err(Error::Icon));
    let nested = Icon::from_sizes(vec![square(16, [0; 4])]).unwrap();
    assert_eq!(Icon::from_sizes(vec![nested]), Err(Error::Icon));
    assert_eq!(Icon::from_sizes(vec![square(24, [0; 4]), square(16, [0; 4])]).unwrap().size(), Some((24, 24)));
}

#[test]
fn every_size_reaches_c_and_attention_has_its_own_list() {
    let (_, dispatch) = recorder();
    let icon = Icon::from_sizes(vec![square(16, [1, 0, 0, 255]), square(32, [2, 0, 0, 255])]).unwrap();
    let mut b = Built::new::<Act>(&icon, "", &[], &dispatch).unwrap();
    assert!(b.tray.icon.is_null() && b.tray.icon_rgba.is_null());
    assert_eq!(unsafe { list(b.tray.icons, b.tray.icon_count) }, [(16, 16, [1, 0, 0, 255]), (32, 32, [2, 0, 0, 255])]);
    assert_eq!(b.tray.attention, 0);
    b.set_attention(&square(20, [9, 9, 9, 255])).unwrap();
    assert_eq!(b.tray.attention, 1);
    assert_eq!(unsafe { list(b.tray.attention_icons, b.tray.attention_icon_count) }, [(20, 20, [9, 9, 9, 255])]);
    assert_eq!(b.set_attention(&Icon::from_path("/x/a.png").unwrap()), Err(Error::Icon));
}

#[test]
fn radio_entries_and_menu_icons() {
    let (_, dispatch) = recorder();
    let menu = vec![
        MenuItem::action("A", Act::Pick(1)).radio(false),
        MenuItem::action("B", Act::Pick(2)).radio(true),
        MenuItem::action("Icon", Act::Pick(3)).icon(square(16, [7, 8, 9, 255])),
        MenuItem::separator().radio(true).icon(square(16, [0; 4])),
    ];
    let b = Built::new(&square(16, [0; 4]), "", &menu, &dispatch).unwrap();
    unsafe {
        let (a, bb, icon, sep) = (&*b.tray.menu, &*b.tray.menu.add(1), &*b.tray.menu.add(2), &*b.tray.menu.add(3));
        assert!(a.radio == 1 && a.checkbox == 1 && a.checked == 0 && a.icons.is_null());
        assert!(bb.radio == 1 && bb.checked == 1);
        assert!(icon.radio == 0 && icon.checkbox == 0);
        assert_eq!(list(icon.icons, icon.icon_count), [(16, 16, [7, 8, 9, 255])]);
        assert!(sep.radio == 0 && sep.icons.is_null());
    }
    let file_icon = vec![MenuItem::action("F", Act::Pick(4)).icon(Icon::from_path("/x/f.png").unwrap())];
    assert_eq!(Built::new(&square(16, [0; 4]), "", &file_icon, &dispatch).err(), Some(Error::Icon));
}

#[test]
fn icon_events_become_events() {
    let (seen, dispatch) = recorder();
    let mut b = Built::new::<Act>(&square(16, [0; 4]), "", &[], &dispatch).unwrap();
    let t: *mut sys::tray = &mut *b.tray;
    let send = |type_, delta, horizontal| {
        let ev = sys::tray_event { type_, delta, horizontal };
        unsafe { icon_trampoline::<Act>(t, &ev) };
    };
    send(sys::TRAY_EVENT_ACTIVATE, 0, 0);
    send(sys::TRAY_EVENT_SECONDARY, 0, 0);
    send(sys::TRAY_EVENT_SCROLL, -120, 0);
    send(sys::TRAY_EVENT_SCROLL, 3, 1);
    send(99, 0, 0); // unknown kinds are dropped
    assert_eq!(
        *seen.borrow(),
        [
            Event::IconClicked,
            Event::MiddleClicked,
            Event::Scrolled { delta: -120, horizontal: false },
            Event::Scrolled { delta: 3, horizontal: true },
        ]
    );
}
