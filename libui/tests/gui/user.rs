//! A user's action on a native control, done behind the library's back so the control reports it
//! as the user's: a button or radio button is clicked, the slider steps, the drop-down list moves
//! to the next item.  Enough to prove the safe wrappers' events reach their closures.

#[cfg(not(windows))]
mod imp {
    use std::ffi::{c_double, c_int};

    #[repr(C)]
    struct GList {
        data: usize,
        next: *mut GList,
    }

    extern "C" {
        fn gtk_range_get_value(r: usize) -> c_double;
        fn gtk_range_set_value(r: usize, v: c_double);
        fn gtk_combo_box_get_active(c: usize) -> c_int;
        fn gtk_combo_box_set_active(c: usize, i: c_int);
        fn gtk_container_get_children(c: usize) -> *mut GList;
        fn gtk_button_clicked(b: usize);
        fn gtk_window_list_toplevels() -> *mut GList;
        fn g_list_free(list: *mut GList);
    }

    /// The items of a GList we own, which is freed.
    fn items(list: *mut GList) -> Vec<usize> {
        let mut out = Vec::new();
        let mut node = list;
        // SAFETY: a well-formed list from GTK; the list (not its items) is ours.
        unsafe {
            while !node.is_null() {
                out.push((*node).data);
                node = (*node).next;
            }
            g_list_free(list);
        }
        out
    }

    /// A GTK container's children, in order.
    pub fn children(container: usize) -> Vec<usize> {
        // SAFETY: a live container.
        items(unsafe { gtk_container_get_children(container) })
    }

    /// GTK's top-level windows.
    pub fn toplevels() -> Vec<usize> {
        // SAFETY: GTK's own list, copied for us.
        items(unsafe { gtk_window_list_toplevels() })
    }

    pub fn slider_step(handle: usize) {
        // SAFETY: a live GtkScale (the slider's own widget).
        unsafe { gtk_range_set_value(handle, gtk_range_get_value(handle) + 1.0) }
    }

    pub fn choose_next(handle: usize) {
        // SAFETY: a live GtkComboBox.
        unsafe { gtk_combo_box_set_active(handle, gtk_combo_box_get_active(handle) + 1) }
    }

    /// A click on a live GtkButton (radio buttons included).
    pub fn click(button: usize) {
        // SAFETY: the caller's live button.
        unsafe { gtk_button_clicked(button) }
    }

    pub fn radio_click(handle: usize, index: u32) {
        // The radio buttons' GtkBox holds the buttons in order.
        click(children(handle)[index as usize]);
    }
}

#[cfg(windows)]
mod imp {
    #[link(name = "user32")]
    extern "system" {
        fn SendMessageW(hwnd: usize, msg: u32, wparam: usize, lparam: isize) -> isize;
        fn GetWindow(hwnd: usize, cmd: u32) -> usize;
    }

    const WM_KEYDOWN: u32 = 0x0100;
    const WM_KEYUP: u32 = 0x0101;
    const VK_RIGHT: usize = 0x27;
    const VK_DOWN: usize = 0x28;
    const BM_CLICK: u32 = 0x00F5;
    const GW_CHILD: u32 = 5;
    const GW_HWNDNEXT: u32 = 2;

    fn key(hwnd: usize, vk: usize) {
        // SAFETY: messages to a live window of this thread.
        unsafe {
            SendMessageW(hwnd, WM_KEYDOWN, vk, 0);
            SendMessageW(hwnd, WM_KEYUP, vk, 0);
        }
    }

    /// The right-arrow key: the trackbar moves and notifies its parent.
    pub fn slider_step(handle: usize) {
        key(handle, VK_RIGHT);
    }

    /// The down-arrow key on a closed drop-down list chooses the next item and notifies.
    pub fn choose_next(handle: usize) {
        key(handle, VK_DOWN);
    }

    /// A click on a live BUTTON window (radio buttons included).
    pub fn click(button: usize) {
        // SAFETY: a message to a live window of this thread.
        unsafe { SendMessageW(button, BM_CLICK, 0, 0) };
    }

    pub fn radio_click(handle: usize, index: u32) {
        // SAFETY: the buttons are the container window's children, in order.
        let mut b = unsafe { GetWindow(handle, GW_CHILD) };
        for _ in 0..index {
            // SAFETY: as above.
            b = unsafe { GetWindow(b, GW_HWNDNEXT) };
        }
        click(b);
    }
}

pub use imp::*;
