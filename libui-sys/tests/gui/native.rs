//! What the tests check natively, behind the library's back: the same
//! questions answered by GTK or Win32 directly.

#[cfg(unix)]
pub use gtk::*;
#[cfg(windows)]
pub use win::*;

#[cfg(unix)]
mod gtk {
    use std::ffi::{c_char, c_int, c_void, CStr, CString};

    pub type Widget = *mut c_void;

    #[repr(C)]
    struct GList {
        data: *mut c_void,
        next: *mut GList,
        prev: *mut GList,
    }

    extern "C" {
        fn gtk_widget_get_mapped(w: Widget) -> c_int;
        fn gtk_widget_is_sensitive(w: Widget) -> c_int;
        fn gtk_widget_get_toplevel(w: Widget) -> Widget;
        fn gtk_widget_translate_coordinates(
            src: Widget,
            dest: Widget,
            x: c_int,
            y: c_int,
            dx: *mut c_int,
            dy: *mut c_int,
        ) -> c_int;
        fn gtk_widget_get_allocated_width(w: Widget) -> c_int;
        fn gtk_widget_get_allocated_height(w: Widget) -> c_int;
        fn gtk_window_get_title(w: Widget) -> *const c_char;
        fn gtk_window_close(w: Widget);
        fn gtk_window_resize(w: Widget, width: c_int, height: c_int);
        fn gtk_window_list_toplevels() -> *mut GList;
        fn gtk_container_get_children(c: Widget) -> *mut GList;
        fn gtk_widget_get_visible(w: Widget) -> c_int;
        fn gtk_editable_get_editable(e: Widget) -> c_int;
        fn gtk_editable_insert_text(e: Widget, text: *const c_char, len: c_int, pos: *mut c_int);
        fn gtk_entry_get_visibility(e: Widget) -> c_int;
        fn gtk_button_clicked(b: Widget);
        fn gtk_message_dialog_get_type() -> usize;
        fn gtk_dialog_response(d: Widget, response: c_int);
        fn g_type_check_instance_is_a(instance: *mut c_void, type_: usize) -> c_int;
        fn g_list_free(list: *mut GList);
        fn g_object_add_weak_pointer(object: *mut c_void, location: *mut *mut c_void);
        fn g_object_get(object: *mut c_void, first: *const c_char, ...);
        fn g_free(p: *mut c_void);
        fn gtk_settings_get_default() -> *mut c_void;
        fn pango_font_description_from_string(s: *const c_char) -> *mut c_void;
        fn pango_font_description_get_family(d: *const c_void) -> *const c_char;
        fn pango_font_description_free(d: *mut c_void);
        fn raise(sig: c_int) -> c_int;
    }

    fn w(handle: usize) -> Widget {
        handle as Widget
    }

    pub fn is_shown(handle: usize) -> bool {
        unsafe { gtk_widget_get_mapped(w(handle)) != 0 }
    }

    /// The family of the gtk-font-name setting, the font GTK gives controls.
    pub fn control_font_family() -> String {
        unsafe {
            let mut name: *mut c_char = std::ptr::null_mut();
            g_object_get(gtk_settings_get_default(), c"gtk-font-name".as_ptr(), &mut name, std::ptr::null::<c_char>());
            let d = pango_font_description_from_string(if name.is_null() { c"Sans 10".as_ptr() } else { name });
            g_free(name.cast());
            let family = pango_font_description_get_family(d);
            let s =
                if family.is_null() { String::new() } else { CStr::from_ptr(family).to_string_lossy().into_owned() };
            pango_font_description_free(d);
            s
        }
    }

    pub fn is_enabled(handle: usize) -> bool {
        unsafe { gtk_widget_is_sensitive(w(handle)) != 0 }
    }

    pub fn window_title(handle: usize) -> String {
        let t = unsafe { gtk_window_get_title(w(handle)) };
        if t.is_null() {
            return String::new();
        }
        unsafe { CStr::from_ptr(t) }.to_string_lossy().into_owned()
    }

    /// (x, y, width, height) relative to the toplevel window.
    pub fn child_rect(handle: usize) -> (i32, i32, i32, i32) {
        let (mut x, mut y) = (0, 0);
        unsafe {
            let top = gtk_widget_get_toplevel(w(handle));
            gtk_widget_translate_coordinates(w(handle), top, 0, 0, &mut x, &mut y);
            (x, y, gtk_widget_get_allocated_width(w(handle)), gtk_widget_get_allocated_height(w(handle)))
        }
    }

    /// A probe telling whether the native window still exists.
    pub fn watch_destruction(handle: usize) -> impl Fn() -> bool {
        let slot: &'static mut *mut c_void = Box::leak(Box::new(handle as *mut c_void));
        unsafe { g_object_add_weak_pointer(handle as *mut c_void, slot) };
        let slot = slot as *const *mut c_void as usize;
        move || unsafe { !(*(slot as *const *mut c_void)).is_null() }
    }

    /// What the window manager's close button does.
    pub fn request_close(handle: usize) {
        unsafe { gtk_window_close(w(handle)) }
    }

    pub fn user_resize(handle: usize, width: i32, height: i32) {
        unsafe { gtk_window_resize(w(handle), width, height) }
    }

    pub fn entry_is_read_only(handle: usize) -> bool {
        unsafe { gtk_editable_get_editable(w(handle)) == 0 }
    }

    pub fn entry_hides_text(handle: usize) -> bool {
        unsafe { gtk_entry_get_visibility(w(handle)) == 0 }
    }

    pub fn type_into_entry(handle: usize, text: &str) {
        let t = CString::new(text).unwrap();
        let mut pos = 0;
        unsafe { gtk_editable_insert_text(w(handle), t.as_ptr(), -1, &mut pos) }
    }

    pub fn click(handle: usize) {
        unsafe { gtk_button_clicked(w(handle)) }
    }

    /// The widgets a GList holds, which is freed.
    fn take_list(list: *mut GList) -> Vec<Widget> {
        let mut out = Vec::new();
        let mut node = list;
        while !node.is_null() {
            unsafe {
                out.push((*node).data);
                node = (*node).next;
            }
        }
        unsafe { g_list_free(list) };
        out
    }

    /// The direct children of a container.
    pub fn children(handle: usize) -> Vec<Widget> {
        take_list(unsafe { gtk_container_get_children(w(handle)) })
    }

    /// Whether the widget is an instance of the GType `type_` (or derives from it).
    pub fn is_a(widget: Widget, type_: usize) -> bool {
        unsafe { g_type_check_instance_is_a(widget, type_) != 0 }
    }

    /// A visible top-level window of the GType `type_` (a dialog class), if there is one.
    pub fn visible_toplevel(type_: usize) -> Option<Widget> {
        take_list(unsafe { gtk_window_list_toplevels() })
            .into_iter()
            .find(|&win| is_a(win, type_) && unsafe { gtk_widget_get_visible(win) } != 0)
    }

    /// Answers the visible message dialog with OK; false if there is none yet.
    pub fn close_message_box() -> bool {
        let Some(dialog) = visible_toplevel(unsafe { gtk_message_dialog_get_type() }) else { return false };
        unsafe { gtk_dialog_response(dialog, -5) }; // GTK_RESPONSE_OK
        true
    }

    /// SIGTERM, what a session manager sends. It has no answer: granted shows in whether the loop is told to end.
    pub fn system_quit_request(_handle: usize) -> bool {
        unsafe { raise(15) };
        crate::loop_quits_within(1000)
    }

    // ---- containers (uiTab, uiForm, uiGrid, search entry) ----

    extern "C" {
        fn gtk_widget_get_parent(w: Widget) -> Widget;
        fn gtk_container_get_border_width(c: Widget) -> u32;
        fn gtk_grid_get_child_at(g: Widget, left: c_int, top: c_int) -> Widget;
        fn gtk_notebook_get_n_pages(n: Widget) -> c_int;
        fn gtk_notebook_get_current_page(n: Widget) -> c_int;
        fn gtk_notebook_set_current_page(n: Widget, page: c_int);
        fn gtk_notebook_get_nth_page(n: Widget, page: c_int) -> Widget;
        fn gtk_notebook_get_tab_label_text(n: Widget, child: Widget) -> *const c_char;
        fn gtk_search_entry_get_type() -> usize;
    }

    /// The area the notebook gives the page holding this control: the page box's allocation
    /// grown by its border width (GtkBox lets GtkContainer take the border off its allocation).
    pub fn page_area(handle: usize) -> (i32, i32, i32, i32) {
        let parent = unsafe { gtk_widget_get_parent(w(handle)) };
        let b = unsafe { gtk_container_get_border_width(parent) } as i32;
        let (x, y, width, height) = child_rect(parent as usize);
        (x - b, y - b, width + 2 * b, height + 2 * b)
    }

    /// The rectangles of a form's shown labels, top to bottom.
    pub fn form_label_rects(form: usize, rows: usize) -> Vec<(i32, i32, i32, i32)> {
        (0..rows)
            .map(|row| unsafe { gtk_grid_get_child_at(w(form), 0, row as c_int) })
            .filter(|&l| !l.is_null() && is_shown(l as usize))
            .map(|l| child_rect(l as usize))
            .collect()
    }

    /// (page count, selected page, tab names) as the native tab control has them.
    pub fn tab_state(tab: usize) -> (i32, i32, Vec<String>) {
        unsafe {
            let n = gtk_notebook_get_n_pages(w(tab));
            let names = (0..n)
                .map(|i| {
                    let t = gtk_notebook_get_tab_label_text(w(tab), gtk_notebook_get_nth_page(w(tab), i));
                    if t.is_null() {
                        String::new()
                    } else {
                        CStr::from_ptr(t).to_string_lossy().into_owned()
                    }
                })
                .collect();
            (n, gtk_notebook_get_current_page(w(tab)), names)
        }
    }

    /// Selects a page the way a click on its tab does (GTK's own call, which emits switch-page).
    pub fn tab_user_select(tab: usize, index: i32) {
        unsafe { gtk_notebook_set_current_page(w(tab), index) }
    }

    /// Whether the entry is the system's search field; None where the system has none (Windows).
    pub fn entry_is_search_field(handle: usize) -> Option<bool> {
        Some(unsafe { g_type_check_instance_is_a(w(handle), gtk_search_entry_get_type()) } != 0)
    }

    /// The control Tab moves to from `from` inside `window`; None where the dialog manager is not ours to ask (GTK).
    pub fn next_tab_stop(_window: usize, _from: usize) -> Option<usize> {
        None
    }

    pub fn platform_cases() -> Vec<crate::runner::Case> {
        Vec::new()
    }

    /// The pixels a widget with its own GDK window shows, as the X server has them: (width,
    /// height, RGB rows).
    pub fn widget_pixels(handle: usize) -> Result<(usize, usize, Vec<[u8; 3]>), String> {
        extern "C" {
            fn gtk_widget_get_window(w: Widget) -> *mut c_void;
            fn gdk_pixbuf_get_from_window(
                w: *mut c_void,
                x: c_int,
                y: c_int,
                width: c_int,
                height: c_int,
            ) -> *mut c_void;
            fn gdk_pixbuf_get_pixels(p: *mut c_void) -> *const u8;
            fn gdk_pixbuf_get_rowstride(p: *mut c_void) -> c_int;
            fn gdk_pixbuf_get_n_channels(p: *mut c_void) -> c_int;
            fn g_object_unref(o: *mut c_void);
        }
        unsafe {
            let (width, height) =
                (gtk_widget_get_allocated_width(w(handle)), gtk_widget_get_allocated_height(w(handle)));
            let gw = gtk_widget_get_window(w(handle));
            if gw.is_null() || width <= 0 || height <= 0 {
                return Err("the widget has no window or no size".into());
            }
            let pb = gdk_pixbuf_get_from_window(gw, 0, 0, width, height);
            if pb.is_null() {
                return Err("gdk_pixbuf_get_from_window returned NULL".into());
            }
            let (stride, channels, data) = (
                gdk_pixbuf_get_rowstride(pb) as usize,
                gdk_pixbuf_get_n_channels(pb) as usize,
                gdk_pixbuf_get_pixels(pb),
            );
            let mut out = Vec::with_capacity((width * height) as usize);
            for y in 0..height as usize {
                for x in 0..width as usize {
                    let p = data.add(y * stride + x * channels);
                    out.push([*p, *p.add(1), *p.add(2)]);
                }
            }
            g_object_unref(pb);
            Ok((width as usize, height as usize, out))
        }
    }
}

#[cfg(windows)]
mod win {
    use std::ffi::{c_char, c_void, CString};
    use std::ptr::null_mut;
    use zt_libui_sys::*;

    pub type Hwnd = *mut c_void;
    type Handle = *mut c_void;

    #[repr(C)]
    #[derive(Default, Debug, Clone, Copy)]
    struct Rect {
        left: i32,
        top: i32,
        right: i32,
        bottom: i32,
    }

    #[repr(C)]
    #[derive(Default)]
    struct Size {
        cx: i32,
        cy: i32,
    }

    #[repr(C)]
    #[derive(Clone, Copy)]
    struct LogFont {
        height: i32,
        width: i32,
        escapement: i32,
        orientation: i32,
        weight: i32,
        italic: u8,
        underline: u8,
        strike_out: u8,
        char_set: u8,
        out_precision: u8,
        clip_precision: u8,
        quality: u8,
        pitch_and_family: u8,
        face_name: [u16; 32],
    }

    #[repr(C)]
    struct NonClientMetrics {
        size: u32,
        border_width: i32,
        scroll_width: i32,
        scroll_height: i32,
        caption_width: i32,
        caption_height: i32,
        caption_font: LogFont,
        sm_caption_width: i32,
        sm_caption_height: i32,
        sm_caption_font: LogFont,
        menu_width: i32,
        menu_height: i32,
        menu_font: LogFont,
        status_font: LogFont,
        message_font: LogFont,
        padded_border_width: i32,
    }

    #[repr(C)]
    struct DllVersionInfo {
        size: u32,
        major: u32,
        minor: u32,
        build: u32,
        platform: u32,
    }

    #[link(name = "user32")]
    extern "system" {
        fn IsWindow(h: Hwnd) -> i32;
        fn IsWindowVisible(h: Hwnd) -> i32;
        fn IsWindowEnabled(h: Hwnd) -> i32;
        fn GetWindowTextW(h: Hwnd, buf: *mut u16, n: i32) -> i32;
        fn GetWindowRect(h: Hwnd, r: *mut Rect) -> i32;
        fn GetAncestor(h: Hwnd, flags: u32) -> Hwnd;
        fn MapWindowPoints(from: Hwnd, to: Hwnd, pts: *mut Rect, n: u32) -> i32;
        fn SendMessageW(h: Hwnd, msg: u32, w: usize, l: isize) -> isize;
        fn PostMessageW(h: Hwnd, msg: u32, w: usize, l: isize) -> i32;
        fn SetWindowPos(h: Hwnd, after: Hwnd, x: i32, y: i32, cx: i32, cy: i32, flags: u32) -> i32;
        fn GetWindowLongPtrW(h: Hwnd, index: i32) -> isize;
        fn CreateWindowExW(
            ex: u32,
            class: *const u16,
            name: *const u16,
            style: u32,
            x: i32,
            y: i32,
            w: i32,
            h: i32,
            parent: Hwnd,
            menu: Handle,
            inst: Handle,
            param: *mut c_void,
        ) -> Hwnd;
        fn DestroyWindow(h: Hwnd) -> i32;
        fn GetClassNameW(h: Hwnd, buf: *mut u16, n: i32) -> i32;
        fn EnumThreadWindows(tid: u32, f: extern "system" fn(Hwnd, isize) -> i32, l: isize) -> i32;
        fn GetGuiResources(process: Handle, flags: u32) -> u32;
        fn SystemParametersInfoW(action: u32, param: u32, pv: *mut c_void, ini: u32) -> i32;
    }

    #[link(name = "gdi32")]
    extern "system" {
        fn GetObjectType(h: Handle) -> u32;
        fn GetObjectW(h: Handle, n: i32, out: *mut c_void) -> i32;
    }

    #[link(name = "kernel32")]
    extern "system" {
        fn GetCurrentThreadId() -> u32;
        fn GetCurrentProcess() -> Handle;
        fn GetProcAddress(module: Handle, name: *const c_char) -> *mut c_void;
        fn GetModuleHandleW(name: *const u16) -> Handle;
        fn GetModuleFileNameW(module: Handle, buf: *mut u16, n: u32) -> u32;
    }

    const WM_CLOSE: u32 = 0x0010;
    const WM_QUERYENDSESSION: u32 = 0x0011;
    const WM_COMMAND: u32 = 0x0111;
    const WM_GETFONT: u32 = 0x0031;
    const WM_DPICHANGED: u32 = 0x02E0;
    const BM_CLICK: u32 = 0x00F5;
    const EM_REPLACESEL: u32 = 0x00C2;
    const EM_GETPASSWORDCHAR: u32 = 0x00D2;
    const BCM_GETIDEALSIZE: u32 = 0x1601;
    const ES_READONLY: isize = 0x0800;
    const GWL_STYLE: i32 = -16;
    const WS_POPUP: u32 = 0x8000_0000;
    const GA_ROOT: u32 = 2;
    const SWP_NOMOVE: u32 = 0x0002;
    const SWP_NOZORDER: u32 = 0x0004;
    const SWP_NOACTIVATE: u32 = 0x0010;
    const IDOK: usize = 1;
    const OBJ_FONT: u32 = 6;
    const GR_GDIOBJECTS: u32 = 0;
    const SPI_GETNONCLIENTMETRICS: u32 = 0x0029;

    fn h(handle: usize) -> Hwnd {
        handle as Hwnd
    }

    fn wide_to_string(buf: &[u16]) -> String {
        let end = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
        String::from_utf16_lossy(&buf[..end])
    }

    pub fn wide(s: &str) -> Vec<u16> {
        s.encode_utf16().chain(Some(0)).collect()
    }

    pub fn is_shown(handle: usize) -> bool {
        unsafe { IsWindowVisible(h(handle)) != 0 }
    }

    pub fn is_enabled(handle: usize) -> bool {
        unsafe { IsWindowEnabled(h(handle)) != 0 }
    }

    pub fn window_title(handle: usize) -> String {
        let mut buf = [0u16; 512];
        unsafe { GetWindowTextW(h(handle), buf.as_mut_ptr(), buf.len() as i32) };
        wide_to_string(&buf)
    }

    /// (left, top, right, bottom) of the whole window on the screen.
    pub fn window_rect(handle: usize) -> (i32, i32, i32, i32) {
        let mut r = Rect::default();
        unsafe { GetWindowRect(h(handle), &mut r) };
        (r.left, r.top, r.right, r.bottom)
    }

    /// (x, y, width, height) in the client coordinates of the top-level window.
    pub fn child_rect(handle: usize) -> (i32, i32, i32, i32) {
        let mut r = Rect::default();
        unsafe {
            GetWindowRect(h(handle), &mut r);
            MapWindowPoints(null_mut(), GetAncestor(h(handle), GA_ROOT), &mut r, 2);
        }
        (r.left, r.top, r.right - r.left, r.bottom - r.top)
    }

    pub fn watch_destruction(handle: usize) -> impl Fn() -> bool {
        move || unsafe { IsWindow(h(handle)) != 0 }
    }

    /// What the close button does: WM_CLOSE through the message loop.
    pub fn request_close(handle: usize) {
        unsafe { PostMessageW(h(handle), WM_CLOSE, 0, 0) };
    }

    /// A resize the library did not make: new outer size.
    pub fn user_resize(handle: usize, width: i32, height: i32) {
        unsafe { SetWindowPos(h(handle), null_mut(), 0, 0, width, height, SWP_NOMOVE | SWP_NOZORDER | SWP_NOACTIVATE) };
    }

    pub fn entry_is_read_only(handle: usize) -> bool {
        unsafe { GetWindowLongPtrW(h(handle), GWL_STYLE) & ES_READONLY != 0 }
    }

    pub fn entry_hides_text(handle: usize) -> bool {
        unsafe { SendMessageW(h(handle), EM_GETPASSWORDCHAR, 0, 0) != 0 }
    }

    pub fn type_into_entry(handle: usize, text: &str) {
        let t = wide(text);
        unsafe { SendMessageW(h(handle), EM_REPLACESEL, 1, t.as_ptr() as isize) };
    }

    pub fn click(handle: usize) {
        unsafe { SendMessageW(h(handle), BM_CLICK, 0, 0) };
    }

    extern "system" fn find_dialog(hwnd: Hwnd, found: isize) -> i32 {
        let mut buf = [0u16; 64];
        unsafe { GetClassNameW(hwnd, buf.as_mut_ptr(), buf.len() as i32) };
        if wide_to_string(&buf) == "#32770" && unsafe { IsWindowVisible(hwnd) } != 0 {
            unsafe { *(found as *mut Hwnd) = hwnd };
            return 0;
        }
        1
    }

    /// This thread's visible dialog box (a message box or a common dialog), if there is one.
    pub fn visible_dialog() -> Option<Hwnd> {
        let mut found: Hwnd = null_mut();
        unsafe { EnumThreadWindows(GetCurrentThreadId(), find_dialog, &mut found as *mut Hwnd as isize) };
        (!found.is_null()).then_some(found)
    }

    /// Presses OK on this thread's visible message box; false if there is none yet.
    pub fn close_message_box() -> bool {
        let Some(dialog) = visible_dialog() else { return false };
        unsafe { PostMessageW(dialog, WM_COMMAND, IDOK, 0) };
        true
    }

    /// What Windows sends every top-level window when the session ends: granted is a TRUE
    /// answer and the loop told to end, as on Unix.
    pub fn system_quit_request(handle: usize) -> bool {
        let answer = unsafe { SendMessageW(h(handle), WM_QUERYENDSESSION, 0, 0) };
        answer != 0 && crate::loop_quits_within(1000)
    }

    fn control_font(handle: usize) -> Result<(Handle, LogFont), String> {
        let font = unsafe { SendMessageW(h(handle), WM_GETFONT, 0, 0) } as Handle;
        if font.is_null() {
            return Err("control has no font (the system font would be used)".into());
        }
        let mut lf: LogFont = unsafe { std::mem::zeroed() };
        let n =
            unsafe { GetObjectW(font, std::mem::size_of::<LogFont>() as i32, &mut lf as *mut LogFont as *mut c_void) };
        if n == 0 {
            return Err("WM_GETFONT returned an invalid font".into());
        }
        Ok((font, lf))
    }

    /// The family the system gives controls: the message font's face name.
    pub fn control_font_family() -> String {
        wide_to_string(&message_font().face_name)
    }

    fn message_font() -> LogFont {
        let mut ncm: NonClientMetrics = unsafe { std::mem::zeroed() };
        ncm.size = std::mem::size_of::<NonClientMetrics>() as u32;
        unsafe {
            SystemParametersInfoW(
                SPI_GETNONCLIENTMETRICS,
                ncm.size,
                &mut ncm as *mut NonClientMetrics as *mut c_void,
                0,
            )
        };
        ncm.message_font
    }

    fn c(s: &str) -> CString {
        CString::new(s).unwrap()
    }

    fn pump(ms: u64) {
        let end = std::time::Instant::now() + std::time::Duration::from_millis(ms);
        while std::time::Instant::now() < end {
            unsafe { uiMainStep(0) };
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    /// A window holding one of each control; returns (window, label, button).
    unsafe fn filled_window() -> (*mut uiWindow, *mut uiLabel, *mut uiButton) {
        let w = uiNewWindow(c("gdi").as_ptr(), 300, 200, 0);
        let b = uiNewVerticalBox();
        let l = uiNewLabel(c("label").as_ptr());
        let btn = uiNewButton(c("button").as_ptr());
        uiBoxAppend(b, l.cast(), 0);
        uiBoxAppend(b, btn.cast(), 0);
        uiBoxAppend(b, uiNewEntry().cast(), 0);
        uiBoxAppend(b, uiNewCheckbox(c("check").as_ptr()).cast(), 0);
        uiWindowSetChild(w, b.cast());
        (w, l, btn)
    }

    /// Our controls get Common Controls 6 although this test exe has no manifest:
    /// our BUTTON answers the v6-only BCM_GETIDEALSIZE while a BUTTON created
    /// outside our activation context does not, and the comctl32 loaded is the
    /// side-by-side 6.0 assembly (Windows: version 6 by DllGetVersion; Wine's
    /// reports 5.81 for both, so there the assembly path decides).
    fn comctl32_v6() -> Result<(), String> {
        unsafe {
            let (w, _, btn) = filled_window();
            let ours = h(uiControlHandle(btn.cast()));
            let mut ideal = Size::default();
            let ours_v6 =
                SendMessageW(ours, BCM_GETIDEALSIZE, 0, &mut ideal as *mut Size as isize) != 0 && ideal.cx > 0;
            let class = wide("BUTTON");
            let plain = CreateWindowExW(
                0,
                class.as_ptr(),
                class.as_ptr(),
                WS_POPUP,
                0,
                0,
                60,
                20,
                null_mut(),
                null_mut(),
                null_mut(),
                null_mut(),
            );
            let mut ideal2 = Size::default();
            let plain_v6 =
                !plain.is_null() && SendMessageW(plain, BCM_GETIDEALSIZE, 0, &mut ideal2 as *mut Size as isize) != 0;
            if !plain.is_null() {
                DestroyWindow(plain);
            }
            uiControlDestroy(w.cast());
            if !ours_v6 {
                return Err("our BUTTON does not answer BCM_GETIDEALSIZE: it is a version 5 control".into());
            }
            if plain_v6 {
                return Err("a plain BUTTON is v6 too: this exe has a manifest, so the check proves nothing".into());
            }
            let module = GetModuleHandleW(wide("comctl32.dll").as_ptr());
            if module.is_null() {
                return Err("comctl32.dll is not loaded".into());
            }
            let mut path = [0u16; 520];
            GetModuleFileNameW(module, path.as_mut_ptr(), path.len() as u32);
            let path = wide_to_string(&path).to_lowercase();
            let f = GetProcAddress(module, c"DllGetVersion".as_ptr());
            let mut v = DllVersionInfo {
                size: std::mem::size_of::<DllVersionInfo>() as u32,
                major: 0,
                minor: 0,
                build: 0,
                platform: 0,
            };
            if !f.is_null() {
                let get: extern "system" fn(*mut DllVersionInfo) -> i32 = std::mem::transmute(f);
                get(&mut v);
            }
            let side_by_side = path.contains("common-controls") && path.contains("_6.0.");
            if v.major < 6 && !side_by_side {
                return Err(format!("comctl32 in use is {path}, version {}.{}", v.major, v.minor));
            }
        }
        Ok(())
    }

    /// Controls use the system message font, and a DPI change gives them a scaled one.
    fn message_font_and_dpi_change() -> Result<(), String> {
        unsafe {
            let (w, l, _) = filled_window();
            uiControlShow(w.cast());
            pump(30);
            let hl = uiControlHandle(l.cast());
            let (font96, lf) = control_font(hl)?;
            let sys = message_font();
            if wide_to_string(&lf.face_name) != wide_to_string(&sys.face_name) || lf.height != sys.height {
                uiControlDestroy(w.cast());
                return Err(format!(
                    "label font {} {} is not the message font {} {}",
                    wide_to_string(&lf.face_name),
                    lf.height,
                    wide_to_string(&sys.face_name),
                    sys.height
                ));
            }
            let hw = h(uiControlHandle(w.cast()));
            let mut r = Rect::default();
            GetWindowRect(hw, &mut r);
            let mut suggested = Rect {
                left: r.left,
                top: r.top,
                right: r.left + (r.right - r.left) * 2,
                bottom: r.top + (r.bottom - r.top) * 2,
            };
            SendMessageW(hw, WM_DPICHANGED, (192 << 16) | 192, &mut suggested as *mut Rect as isize);
            pump(30);
            let (font192, lf2) = control_font(hl)?;
            let mut r2 = Rect::default();
            GetWindowRect(hw, &mut r2);
            let old_font_deleted = GetObjectType(font96) == 0;
            uiControlDestroy(w.cast());
            let ratio = lf2.height as f64 / lf.height as f64;
            if !(1.8..=2.2).contains(&ratio) {
                return Err(format!("font height {} at 96 DPI, {} after a change to 192 DPI", lf.height, lf2.height));
            }
            if (r2.right - r2.left, r2.bottom - r2.top)
                != (suggested.right - suggested.left, suggested.bottom - suggested.top)
            {
                return Err(format!("window not moved to the suggested rectangle: {r2:?} vs {suggested:?}"));
            }
            if font192 == font96 || !old_font_deleted {
                return Err("the 96-DPI font was not replaced and deleted".into());
            }
            if GetObjectType(font192) != 0 {
                return Err("the window's font outlived the window".into());
            }
        }
        Ok(())
    }

    /// 200 windows full of controls, created and destroyed: no GDI object may stay behind.
    fn no_gdi_leak_200_windows() -> Result<(), String> {
        unsafe {
            let process = GetCurrentProcess();
            // Warm-up: lazily created system objects are not ours.
            let (w, _, _) = filled_window();
            uiControlShow(w.cast());
            pump(20);
            uiControlDestroy(w.cast());
            pump(20);
            let before = GetGuiResources(process, GR_GDIOBJECTS);
            for i in 0..200 {
                let (w, l, _) = filled_window();
                uiControlShow(w.cast());
                pump(5);
                let (font, _) = control_font(uiControlHandle(l.cast()))?;
                uiControlDestroy(w.cast());
                // Checked at once, before a new object can reuse the handle.
                if GetObjectType(font) == OBJ_FONT {
                    return Err(format!("window {i}: its font was not deleted"));
                }
            }
            pump(20);
            let after = GetGuiResources(process, GR_GDIOBJECTS);
            // Wine's GetGuiResources is a stub returning 0; the font check above still ran.
            if before != 0 && after > before + 5 {
                return Err(format!("GDI objects: {before} before, {after} after 200 windows"));
            }
            println!(
                "       (GDI objects {before} -> {after}{})",
                if before == 0 { "; GetGuiResources unsupported here" } else { "" }
            );
        }
        Ok(())
    }

    // ---- containers (uiTab, uiForm, uiGrid, search entry) ----

    #[repr(C)]
    struct TcItem {
        mask: u32,
        state: u32,
        state_mask: u32,
        text: *mut u16,
        text_max: i32,
        image: i32,
        param: isize,
    }

    #[link(name = "user32")]
    extern "system" {
        fn GetParent(h: Hwnd) -> Hwnd;
        fn GetWindow(h: Hwnd, cmd: u32) -> Hwnd;
        fn GetNextDlgTabItem(dlg: Hwnd, ctl: Hwnd, previous: i32) -> Hwnd;
    }

    const GW_HWNDNEXT: u32 = 2;
    const GW_CHILD: u32 = 5;
    const TCM_GETITEMCOUNT: u32 = 0x1300 + 4;
    const TCM_GETCURSEL: u32 = 0x1300 + 11;
    const TCM_SETCURFOCUS: u32 = 0x1300 + 48;
    const TCM_GETITEMW: u32 = 0x1300 + 60;
    const TCIF_TEXT: u32 = 1;

    fn class_of(hwnd: Hwnd) -> String {
        let mut buf = [0u16; 64];
        unsafe { GetClassNameW(hwnd, buf.as_mut_ptr(), buf.len() as i32) };
        wide_to_string(&buf).to_lowercase()
    }

    /// The direct children of `parent` of window class `class`.
    fn children_of_class(parent: usize, class: &str) -> Vec<Hwnd> {
        let mut out = Vec::new();
        let mut at = unsafe { GetWindow(h(parent), GW_CHILD) };
        while !at.is_null() {
            if class_of(at) == class {
                out.push(at);
            }
            at = unsafe { GetWindow(at, GW_HWNDNEXT) };
        }
        out
    }

    /// The page window holding this control.
    pub fn page_area(handle: usize) -> (i32, i32, i32, i32) {
        child_rect(unsafe { GetParent(h(handle)) } as usize)
    }

    /// The rectangles of a form's shown labels (STATIC windows of the form itself), top to bottom.
    pub fn form_label_rects(form: usize, _rows: usize) -> Vec<(i32, i32, i32, i32)> {
        let mut rects: Vec<_> = children_of_class(form, "static")
            .into_iter()
            .filter(|&l| unsafe { IsWindowVisible(l) } != 0)
            .map(|l| child_rect(l as usize))
            .collect();
        rects.sort_by_key(|r| r.1);
        rects
    }

    fn tab_control(tab: usize) -> Hwnd {
        children_of_class(tab, "systabcontrol32").first().copied().unwrap_or(null_mut())
    }

    /// (page count, selected page, tab names) as the native tab control has them.
    pub fn tab_state(tab: usize) -> (i32, i32, Vec<String>) {
        let tc = tab_control(tab);
        unsafe {
            let n = SendMessageW(tc, TCM_GETITEMCOUNT, 0, 0) as i32;
            let names = (0..n)
                .map(|i| {
                    let mut buf = [0u16; 256];
                    let mut item = TcItem {
                        mask: TCIF_TEXT,
                        state: 0,
                        state_mask: 0,
                        text: buf.as_mut_ptr(),
                        text_max: buf.len() as i32,
                        image: 0,
                        param: 0,
                    };
                    SendMessageW(tc, TCM_GETITEMW, i as usize, &mut item as *mut TcItem as isize);
                    wide_to_string(&buf)
                })
                .collect();
            (n, SendMessageW(tc, TCM_GETCURSEL, 0, 0) as i32, names)
        }
    }

    /// Selects a page as the keyboard does: without TCS_BUTTONS, moving the focus selects and
    /// sends TCN_SELCHANGING and TCN_SELCHANGE to the parent, like a click.
    pub fn tab_user_select(tab: usize, index: i32) {
        unsafe { SendMessageW(tab_control(tab), TCM_SETCURFOCUS, index as usize, 0) };
    }

    /// Windows has no search field among its controls: there is nothing to tell apart.
    pub fn entry_is_search_field(_handle: usize) -> Option<bool> {
        None
    }

    /// The control Tab moves to from `from` inside `window`, as the dialog manager finds it.
    pub fn next_tab_stop(window: usize, from: usize) -> Option<usize> {
        Some(unsafe { GetNextDlgTabItem(h(window), h(from), 0) } as usize)
    }

    pub fn platform_cases() -> Vec<crate::runner::Case> {
        vec![
            crate::runner::Case { name: "comctl32_v6", needs_display: true, run: comctl32_v6 },
            crate::runner::Case {
                name: "message_font_and_dpi_change",
                needs_display: true,
                run: message_font_and_dpi_change,
            },
            crate::runner::Case { name: "no_gdi_leak_200_windows", needs_display: true, run: no_gdi_leak_200_windows },
        ]
    }

    /// The pixels a window shows, copied from the screen (where Direct2D's and GDI's output
    /// both end up): (width, height, RGB rows).
    pub fn widget_pixels(handle: usize) -> Result<(usize, usize, Vec<[u8; 3]>), String> {
        #[repr(C)]
        struct BitmapInfoHeader {
            size: u32,
            width: i32,
            height: i32,
            planes: u16,
            bit_count: u16,
            compression: u32,
            size_image: u32,
            x_ppm: i32,
            y_ppm: i32,
            clr_used: u32,
            clr_important: u32,
        }
        #[link(name = "user32")]
        extern "system" {
            fn GetDC(h: Hwnd) -> Handle;
            fn ReleaseDC(h: Hwnd, dc: Handle) -> i32;
            fn GetClientRect(h: Hwnd, r: *mut Rect) -> i32;
            fn ClientToScreen(h: Hwnd, p: *mut [i32; 2]) -> i32;
        }
        #[link(name = "gdi32")]
        extern "system" {
            fn CreateCompatibleDC(dc: Handle) -> Handle;
            fn CreateCompatibleBitmap(dc: Handle, w: i32, h: i32) -> Handle;
            fn SelectObject(dc: Handle, o: Handle) -> Handle;
            fn BitBlt(d: Handle, x: i32, y: i32, w: i32, h: i32, s: Handle, sx: i32, sy: i32, rop: u32) -> i32;
            fn GetDIBits(
                dc: Handle,
                bm: Handle,
                start: u32,
                lines: u32,
                bits: *mut u8,
                bi: *mut BitmapInfoHeader,
                usage: u32,
            ) -> i32;
            fn DeleteObject(o: Handle) -> i32;
            fn DeleteDC(dc: Handle) -> i32;
        }
        const SRCCOPY: u32 = 0x00CC_0020;
        unsafe {
            let hwnd = handle as Hwnd;
            let mut r = Rect::default();
            GetClientRect(hwnd, &mut r);
            let (width, height) = (r.right, r.bottom);
            if width <= 0 || height <= 0 {
                return Err("the window has no size".into());
            }
            let mut origin = [0i32; 2];
            ClientToScreen(hwnd, &mut origin);
            let screen = GetDC(null_mut());
            let mem = CreateCompatibleDC(screen);
            let bitmap = CreateCompatibleBitmap(screen, width, height);
            let old = SelectObject(mem, bitmap);
            let copied = BitBlt(mem, 0, 0, width, height, screen, origin[0], origin[1], SRCCOPY);
            SelectObject(mem, old);
            let mut bi = BitmapInfoHeader {
                size: std::mem::size_of::<BitmapInfoHeader>() as u32,
                width,
                // Negative: top-down rows.
                height: -height,
                planes: 1,
                bit_count: 32,
                compression: 0,
                size_image: 0,
                x_ppm: 0,
                y_ppm: 0,
                clr_used: 0,
                clr_important: 0,
            };
            let mut bgra = vec![0u8; (width * height * 4) as usize];
            let lines = GetDIBits(mem, bitmap, 0, height as u32, bgra.as_mut_ptr(), &mut bi, 0);
            DeleteObject(bitmap);
            DeleteDC(mem);
            ReleaseDC(null_mut(), screen);
            if copied == 0 || lines != height {
                return Err(format!("copying the screen failed (BitBlt {copied}, {lines} lines)"));
            }
            Ok((width as usize, height as usize, bgra.chunks(4).map(|p| [p[2], p[1], p[0]]).collect()))
        }
    }
}
