//! Cases for the pickers (uiDateTimePicker, uiFontButton, uiColorButton): every
//! function, values set and read back, events by the API (which must not fire)
//! and by the native widgets as a user drives them (which must), and misuse.

use crate::{ctl, new_window, pump, CaseResult};
use std::ffi::{c_int, c_void, CStr};
use std::ptr::null_mut;
use std::sync::atomic::{AtomicUsize, Ordering};
use zt_libui_sys::*;

pub fn cases() -> Vec<crate::Case> {
    vec![
        crate::Case {
            name: "date_time_pickers_round_trip_per_variant",
            needs_display: true,
            run: date_time_pickers_round_trip_per_variant,
        },
        crate::Case { name: "date_time_picker_user_changes", needs_display: true, run: date_time_picker_user_changes },
        crate::Case {
            name: "date_time_picker_rejects_bad_times",
            needs_display: true,
            run: date_time_picker_rejects_bad_times,
        },
        crate::Case {
            name: "font_button_reads_the_chosen_font",
            needs_display: true,
            run: font_button_reads_the_chosen_font,
        },
        crate::Case {
            name: "color_button_round_trip_and_choice",
            needs_display: true,
            run: color_button_round_trip_and_choice,
        },
        crate::Case { name: "control_font_loads_and_frees", needs_display: true, run: control_font_loads_and_frees },
        crate::Case { name: "pickers_misuse_is_ignored", needs_display: true, run: pickers_misuse_is_ignored },
        crate::Case {
            name: "pickers_leave_no_native_objects",
            needs_display: true,
            run: pickers_leave_no_native_objects,
        },
    ]
}

/// C's `struct tm`: the nine members every C library has, in this order, then room for
/// what some add (glibc: tm_gmtoff, tm_zone), which the library must leave alone.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tm {
    pub sec: c_int,
    pub min: c_int,
    pub hour: c_int,
    pub mday: c_int,
    pub mon: c_int,
    pub year: c_int,
    pub wday: c_int,
    pub yday: c_int,
    pub isdst: c_int,
    pub rest: [u64; 4],
}

/// A value that no field of a real time has, to see what the library wrote.
const UNSET: c_int = -12345;
const REST: [u64; 4] = [0x5a5a_5a5a_5a5a_5a5a; 4];

fn blank() -> Tm {
    Tm {
        sec: UNSET,
        min: UNSET,
        hour: UNSET,
        mday: UNSET,
        mon: UNSET,
        year: UNSET,
        wday: UNSET,
        yday: UNSET,
        isdst: UNSET,
        rest: REST,
    }
}

/// A time to set: year, month 1..12, day, hour, minute, second.
fn at(y: i32, mo: i32, d: i32, h: i32, mi: i32, s: i32) -> Tm {
    // wday, yday and isdst hold garbage on purpose: the setter must ignore them.
    Tm { sec: s, min: mi, hour: h, mday: d, mon: mo - 1, year: y - 1900, wday: 77, yday: -9, isdst: 1, rest: REST }
}

fn get(d: *mut uiDateTimePicker) -> Tm {
    let mut t = blank();
    unsafe { uiDateTimePickerTime(d, (&mut t as *mut Tm).cast()) };
    t
}

fn set(d: *mut uiDateTimePicker, t: &Tm) {
    unsafe { uiDateTimePickerSetTime(d, (t as *const Tm).cast()) };
}

/// (year, month 1..12, day, hour, minute, second) of what the getter wrote.
fn fields(t: &Tm) -> (i32, i32, i32, i32, i32, i32) {
    (t.year + 1900, t.mon + 1, t.mday, t.hour, t.min, t.sec)
}

static DTP_CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn dtp_changed(_: *mut uiDateTimePicker, data: *mut c_void) {
    DTP_CHANGES.fetch_add(1, Ordering::SeqCst);
    // The handler gets the data it was registered with.
    if data as usize != 0xD7 {
        DTP_CHANGES.fetch_add(1000, Ordering::SeqCst);
    }
}

type Constructor = unsafe extern "C" fn() -> *mut uiDateTimePicker;

/// (name, constructor, shows the date, shows the time)
const VARIANTS: [(&str, Constructor, bool, bool); 3] = [
    ("uiNewDateTimePicker", uiNewDateTimePicker, true, true),
    ("uiNewDatePicker", uiNewDatePicker, true, false),
    ("uiNewTimePicker", uiNewTimePicker, false, true),
];

fn date_time_pickers_round_trip_per_variant() -> CaseResult {
    // (time, weekday, day of the year) of each: Thursday, Monday, Friday, Saturday.
    let times = [
        (at(2024, 2, 29, 23, 59, 59), 4, 59),
        (at(1753, 1, 1, 0, 0, 0), 1, 0),
        (at(9999, 12, 31, 12, 30, 1), 5, 364),
        (at(2000, 3, 1, 7, 8, 9), 3, 60),
        (at(1970, 1, 1, 0, 0, 0), 4, 0),
    ];
    for (name, new, shows_date, shows_time) in VARIANTS {
        unsafe {
            let w = new_window(name)?;
            let d = new();
            check!(!d.is_null(), "{name} returned NULL");
            uiWindowSetChild(w, ctl(d));
            uiControlShow(ctl(w));
            pump(30);
            // A new picker holds the current local time: a valid one, isdst unknown.
            let now = get(d);
            let (y, mo, day, h, mi, s) = fields(&now);
            check!(
                (2020..=9999).contains(&y) && (1..=12).contains(&mo) && (1..=31).contains(&day),
                "{name}: now is {now:?}"
            );
            check!((0..=23).contains(&h) && (0..=59).contains(&mi) && (0..=59).contains(&s), "{name}: now is {now:?}");
            check!(now.isdst == -1 && now.rest == REST, "{name}: {now:?}");
            DTP_CHANGES.store(0, Ordering::SeqCst);
            uiDateTimePickerOnChanged(d, Some(dtp_changed), 0xD7 as *mut c_void);
            for (t, wday, yday) in &times {
                set(d, t);
                let got = get(d);
                check!(fields(&got) == fields(t), "{name}: set {:?}, got {:?}", fields(t), fields(&got));
                check!(
                    got.wday == *wday && got.yday == *yday,
                    "{name}: {:?} gave wday {} yday {}",
                    fields(t),
                    got.wday,
                    got.yday
                );
                check!(got.isdst == -1, "{name}: tm_isdst is {}", got.isdst);
                check!(got.rest == REST, "{name}: members past tm_isdst were written: {:x?}", got.rest);
                // The widgets show the parts of their variant (Wine's control ends at 9999-12-31 00:00:00,
                // so there it keeps showing the previous value; the library still holds this one).
                if cfg!(windows) && fields(t).0 == 9999 {
                    continue;
                }
                pump(10);
                let (date, time) = native::dtp_shown(uiControlHandle(ctl(d)));
                let f = fields(t);
                // (Win32's date picker holds a whole SYSTEMTIME, so its time part may show up natively too.)
                check!(
                    date.is_some() == shows_date && (time.is_some() || !shows_time),
                    "{name}: shows {date:?} {time:?}"
                );
                if let Some(date) = date {
                    check!(date == (f.0, f.1, f.2), "{name}: the control shows the date {date:?}, not {f:?}");
                }
                if let Some(time) = time {
                    check!(time == (f.3, f.4, f.5), "{name}: the control shows the time {time:?}, not {f:?}");
                }
            }
            pump(20);
            check!(DTP_CHANGES.load(Ordering::SeqCst) == 0, "{name}: OnChanged ran for uiDateTimePickerSetTime");
            uiControlDestroy(ctl(w));
        }
    }
    Ok(())
}

fn date_time_picker_user_changes() -> CaseResult {
    for (name, new, shows_date, shows_time) in VARIANTS {
        unsafe {
            let w = new_window(name)?;
            let d = new();
            uiWindowSetChild(w, ctl(d));
            uiControlShow(ctl(w));
            pump(30);
            let start = at(2023, 6, 15, 10, 20, 30);
            set(d, &start);
            DTP_CHANGES.store(0, Ordering::SeqCst);
            uiDateTimePickerOnChanged(d, Some(dtp_changed), 0xD7 as *mut c_void);
            // The user steps a field the variant shows by one (GTK: the day, or the hour).
            native::dtp_user_step(uiControlHandle(ctl(d)))?;
            pump(30);
            let got = fields(&get(d));
            let n = DTP_CHANGES.load(Ordering::SeqCst);
            check!(n == 1, "{name}: OnChanged ran {n} times");
            check!(got != fields(&start), "{name}: the user's step did not change the value");
            // What the picker holds is what the control shows, and hidden parts stay.
            let (date, time) = native::dtp_shown(uiControlHandle(ctl(d)));
            match date {
                Some(date) => check!((got.0, got.1, got.2) == date, "{name}: holds {got:?}, shows {date:?}"),
                None => check!((got.0, got.1, got.2) == (2023, 6, 15), "{name}: the hidden date changed: {got:?}"),
            }
            if shows_time {
                let time = time.ok_or("no time shown")?;
                check!((got.3, got.4, got.5) == time, "{name}: holds {got:?}, shows {time:?}");
            } else {
                check!((got.3, got.4, got.5) == (10, 20, 30), "{name}: the hidden time changed: {got:?}");
            }
            if cfg!(unix) {
                let want = if shows_date { (2023, 6, 16, 10, 20, 30) } else { (2023, 6, 15, 11, 20, 30) };
                check!(got == want, "{name}: after the user's step the picker holds {got:?}, not {want:?}");
            }
            uiControlDestroy(ctl(w));
        }
    }
    Ok(())
}

fn date_time_picker_rejects_bad_times() -> CaseResult {
    unsafe {
        let d = uiNewDateTimePicker();
        let good = at(2022, 2, 28, 1, 2, 3);
        set(d, &good);
        let bad = [
            at(2023, 2, 29, 0, 0, 0),
            at(1900, 2, 29, 0, 0, 0),
            at(2022, 4, 31, 0, 0, 0),
            at(2022, 1, 0, 0, 0, 0),
            at(2022, 0, 1, 0, 0, 0),
            at(2022, 13, 1, 0, 0, 0),
            at(2022, 1, 1, 24, 0, 0),
            at(2022, 1, 1, -1, 0, 0),
            at(2022, 1, 1, 0, 60, 0),
            at(2022, 1, 1, 0, 0, 60),
            at(2022, 1, 1, 0, 0, -1),
            at(1752, 12, 31, 23, 59, 59),
            at(10000, 1, 1, 0, 0, 0),
            at(i32::MIN + 1900, 1, 1, 0, 0, 0),
            at(2022, i32::MAX, 1, 0, 0, 0),
        ];
        for t in &bad {
            set(d, t);
            check!(fields(&get(d)) == fields(&good), "{:?} was accepted", fields(t));
        }
        // NULL times: the setter ignores it, the getter has nowhere to write.
        uiDateTimePickerSetTime(d, null_mut());
        uiDateTimePickerTime(d, null_mut());
        check!(fields(&get(d)) == fields(&good));
        // Not a picker: the getter writes zeros and tm_isdst -1, leaving the rest.
        let l = uiNewLabel(c"x".as_ptr());
        for p in [null_mut(), l.cast::<uiDateTimePicker>()] {
            let t = get(p);
            check!(
                fields(&t) == (1900, 1, 0, 0, 0, 0) && t.wday == 0 && t.yday == 0 && t.isdst == -1 && t.rest == REST,
                "{t:?}"
            );
            set(p, &good);
            uiDateTimePickerOnChanged(p, Some(dtp_changed), null_mut());
        }
        uiControlDestroy(ctl(l));
        uiControlDestroy(ctl(d));
        // Destroyed: recognised without reading freed memory (the sanitize tier watches that).
        let t = get(d);
        check!(t.isdst == -1 && t.year == 0);
        set(d, &good);
    }
    Ok(())
}

static FONT_CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn font_changed(_: *mut uiFontButton, _: *mut c_void) {
    FONT_CHANGES.fetch_add(1, Ordering::SeqCst);
}

fn font(b: *mut uiFontButton) -> Result<(String, f64, u32, u32, u32), String> {
    let mut f = uiFontDescriptor { Family: null_mut(), Size: -1.0, Weight: 9999, Italic: 9999, Stretch: 9999 };
    unsafe { uiFontButtonFont(b, &mut f) };
    if f.Family.is_null() {
        return Err("uiFontButtonFont left Family NULL".into());
    }
    let family = unsafe { CStr::from_ptr(f.Family) }.to_str().map_err(|e| e.to_string())?.to_owned();
    let got = (family, f.Size, f.Weight, f.Italic, f.Stretch);
    unsafe { uiFreeFontButtonFont(&mut f) };
    if !f.Family.is_null() {
        return Err("uiFreeFontButtonFont did not clear Family".into());
    }
    Ok(got)
}

fn font_button_reads_the_chosen_font() -> CaseResult {
    unsafe {
        let w = new_window("font")?;
        let b = uiNewFontButton();
        check!(!b.is_null());
        uiWindowSetChild(w, ctl(b));
        uiControlShow(ctl(w));
        pump(30);
        // At first the system's UI font: some family, a real size, regular.
        let (family, size, weight, italic, stretch) = font(b)?;
        check!(!family.is_empty() && size > 3.0 && size < 40.0, "default font {family:?} {size}");
        check!(weight <= uiTextWeightMaximum && italic <= uiTextItalicItalic && stretch == uiTextStretchNormal);
        FONT_CHANGES.store(0, Ordering::SeqCst);
        uiFontButtonOnChanged(b, Some(font_changed), null_mut());
        // The user picks a bold italic font at 18 points in the native dialog.
        native::choose_font(uiControlHandle(ctl(b)), 18, true, true)?;
        pump(30);
        check!(FONT_CHANGES.load(Ordering::SeqCst) == 1, "OnChanged ran {} times", FONT_CHANGES.load(Ordering::SeqCst));
        let (family2, size, weight, italic, _) = font(b)?;
        check!(!family2.is_empty());
        check!(size == 18.0, "size {size} after choosing 18");
        check!(weight == uiTextWeightBold, "weight {weight} after choosing bold");
        check!(italic == uiTextItalicItalic || italic == uiTextItalicOblique, "italic {italic} after choosing italic");
        // Win32: the button names the choice (GTK's button draws the font itself).
        #[cfg(windows)]
        {
            let label = crate::native::window_title(uiControlHandle(ctl(b)));
            check!(label == format!("{family2} 18 Bold Italic"), "the button shows {label:?}");
        }
        // Cancelling the dialog changes nothing and tells no one.
        native::cancel_font(uiControlHandle(ctl(b)))?;
        pump(30);
        check!(FONT_CHANGES.load(Ordering::SeqCst) == 1, "OnChanged ran for a cancelled dialog");
        check!(font(b)?.1 == 18.0);
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

static COLOR_CHANGES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn color_changed(_: *mut uiColorButton, _: *mut c_void) {
    COLOR_CHANGES.fetch_add(1, Ordering::SeqCst);
}

fn color(b: *mut uiColorButton) -> [f64; 4] {
    let mut c = [-1.0; 4];
    let [r, g, bl, a] = &mut c;
    unsafe { uiColorButtonColor(b, r, g, bl, a) };
    c
}

fn color_button_round_trip_and_choice() -> CaseResult {
    unsafe {
        let w = new_window("color")?;
        let b = uiNewColorButton();
        check!(!b.is_null());
        uiWindowSetChild(w, ctl(b));
        uiControlShow(ctl(w));
        pump(30);
        check!(color(b) == [0.0, 0.0, 0.0, 1.0], "starts as {:?}, not opaque black", color(b));
        COLOR_CHANGES.store(0, Ordering::SeqCst);
        uiColorButtonOnChanged(b, Some(color_changed), null_mut());
        for c in [[0.25, 0.5, 0.75, 0.4], [1.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0], [0.1, 0.2, 0.3, 0.5]] {
            uiColorButtonSetColor(b, c[0], c[1], c[2], c[3]);
            check!(color(b) == c, "set {c:?}, got {:?}", color(b));
        }
        // Out of range or not a number: ignored.
        for c in [[1.5, 0.0, 0.0, 1.0], [0.0, -0.1, 0.0, 1.0], [0.0, 0.0, f64::NAN, 1.0], [0.0, 0.0, 0.0, 1.01]] {
            uiColorButtonSetColor(b, c[0], c[1], c[2], c[3]);
            check!(color(b) == [0.1, 0.2, 0.3, 0.5], "{c:?} was accepted: {:?}", color(b));
        }
        // A NULL pointer is a user bug, and the others are still filled.
        let (mut r, mut a) = (-1.0, -1.0);
        uiColorButtonColor(b, &mut r, null_mut(), null_mut(), &mut a);
        check!(r == 0.1 && a == 0.5);
        pump(20);
        check!(COLOR_CHANGES.load(Ordering::SeqCst) == 0, "OnChanged ran for uiColorButtonSetColor");
        // The user picks a color in the native dialog (on Windows it has no alpha: alpha stays).
        let (rgb, alpha) = native::choose_color(uiControlHandle(ctl(b)), [51, 102, 204], 0.5)?;
        pump(30);
        check!(
            COLOR_CHANGES.load(Ordering::SeqCst) == 1,
            "OnChanged ran {} times",
            COLOR_CHANGES.load(Ordering::SeqCst)
        );
        let got = color(b);
        let want = [rgb[0] as f64 / 255.0, rgb[1] as f64 / 255.0, rgb[2] as f64 / 255.0, alpha];
        check!(got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-9), "chose {want:?}, holds {got:?}");
        uiControlDestroy(ctl(w));
    }
    Ok(())
}

/// uiLoadControlFont: the system's control font (cross-checked natively), the same font a new
/// font button starts with, freed by uiFreeFontDescriptor; NULL is ignored.
fn control_font_loads_and_frees() -> CaseResult {
    let mut f = uiFontDescriptor { Family: null_mut(), Size: -1.0, Weight: 9999, Italic: 9999, Stretch: 9999 };
    unsafe { uiLoadControlFont(&mut f) };
    check!(!f.Family.is_null(), "uiLoadControlFont left Family NULL");
    let family = unsafe { CStr::from_ptr(f.Family) }.to_str().map_err(|e| e.to_string())?.to_owned();
    let got = (family, f.Size, f.Weight, f.Italic, f.Stretch);
    unsafe {
        uiFreeFontDescriptor(&mut f);
        check!(f.Family.is_null(), "uiFreeFontDescriptor did not clear Family");
        uiFreeFontDescriptor(&mut f);
        uiFreeFontDescriptor(null_mut());
        uiLoadControlFont(null_mut());
    }
    check!(
        !got.0.is_empty() && got.0 == crate::native::control_font_family(),
        "family {:?}, natively {:?}",
        got.0,
        crate::native::control_font_family()
    );
    check!(got.1 >= 4.0 && got.1 <= 72.0, "size {}", got.1);
    check!(
        (100..=1000).contains(&got.2) && got.3 <= uiTextItalicItalic && got.4 <= uiTextStretchUltraExpanded,
        "{got:?}"
    );
    // A font button starts with the same font, as ui.h says.
    let b = unsafe { uiNewFontButton() };
    let shown = font(b)?;
    unsafe { uiControlDestroy(ctl(b)) };
    check!(shown == got, "font button starts with {shown:?}, the control font is {got:?}");
    Ok(())
}

fn pickers_misuse_is_ignored() -> CaseResult {
    unsafe {
        let l = uiNewLabel(c"not a picker".as_ptr());
        let fb = uiNewFontButton();
        let cb = uiNewColorButton();
        // Wrong types, NULL: getters give their defaults, the rest does nothing.
        for p in [null_mut(), l.cast::<c_void>(), cb.cast()] {
            let (family, size, weight, italic, stretch) = font(p.cast())?;
            check!(family.is_empty() && size == 0.0 && weight == 0 && italic == 0 && stretch == 0);
            uiFontButtonOnChanged(p.cast(), Some(font_changed), null_mut());
        }
        for p in [null_mut(), l.cast::<c_void>(), fb.cast()] {
            check!(color(p.cast()) == [0.0; 4]);
            uiColorButtonSetColor(p.cast(), 0.5, 0.5, 0.5, 0.5);
            uiColorButtonOnChanged(p.cast(), Some(color_changed), null_mut());
        }
        check!(take_label(l)? == "not a picker", "a label changed through a picker call");
        // NULL descriptors.
        uiFontButtonFont(fb, null_mut());
        uiFreeFontButtonFont(null_mut());
        // Freeing a descriptor twice is fine: the first free clears Family.
        let mut f = uiFontDescriptor { Family: null_mut(), Size: 0.0, Weight: 0, Italic: 0, Stretch: 0 };
        uiFontButtonFont(fb, &mut f);
        uiFreeFontButtonFont(&mut f);
        uiFreeFontButtonFont(&mut f);
        // Destroyed controls are recognised.
        uiControlDestroy(ctl(fb));
        uiControlDestroy(ctl(cb));
        check!(font(fb)?.0.is_empty());
        check!(color(cb) == [0.0; 4]);
        uiColorButtonSetColor(cb, 0.0, 0.0, 0.0, 0.0);
        uiControlDestroy(ctl(l));
    }
    Ok(())
}

/// 200 rounds of every picker made, set and destroyed: no native window may stay behind
/// (Win32 counts this thread's windows; the sanitize tier watches our own memory on Linux).
/// One window left per round ends 40 times over the allowance; more rounds only cost time
/// (42 s under Wine for 1,000, several minutes as ARM64 code under emulation).
fn pickers_leave_no_native_objects() -> CaseResult {
    unsafe {
        let before = crate::controls::native::object_count();
        let t = at(2020, 5, 6, 7, 8, 9);
        for _ in 0..200 {
            let made = [
                ctl(uiNewDateTimePicker()),
                ctl(uiNewDatePicker()),
                ctl(uiNewTimePicker()),
                ctl(uiNewFontButton()),
                ctl(uiNewColorButton()),
            ];
            set(made[0].cast(), &t);
            uiColorButtonSetColor(made[4].cast(), 0.5, 0.5, 0.5, 0.5);
            for m in made {
                check!(!m.is_null());
                uiControlDestroy(m);
            }
        }
        pump(20);
        let after = crate::controls::native::object_count();
        if let (Some(before), Some(after)) = (before, after) {
            check!(after <= before + 5, "native windows grew from {before} to {after} over 200 rounds");
        }
    }
    Ok(())
}

fn take_label(l: *mut uiLabel) -> Result<String, String> {
    crate::take(unsafe { uiLabelText(l) })
}

/// Native views of the pickers, and what a user does to them.
#[cfg(unix)]
mod native {
    use crate::native::{is_a, Widget};
    use std::ffi::{c_char, c_double, c_int, c_uint};

    #[repr(C)]
    struct GdkRgba {
        red: c_double,
        green: c_double,
        blue: c_double,
        alpha: c_double,
    }

    extern "C" {
        fn gtk_menu_button_get_type() -> usize;
        fn gtk_spin_button_get_type() -> usize;
        fn gtk_menu_button_get_popover(b: Widget) -> Widget;
        fn gtk_bin_get_child(b: Widget) -> Widget;
        fn gtk_calendar_get_date(c: Widget, y: *mut c_uint, m: *mut c_uint, d: *mut c_uint);
        fn gtk_calendar_select_day(c: Widget, d: c_uint);
        fn gtk_spin_button_get_value_as_int(s: Widget) -> c_int;
        fn gtk_spin_button_spin(s: Widget, direction: c_int, increment: c_double);
        fn gtk_button_clicked(b: Widget);
        fn gtk_dialog_response(d: Widget, response: c_int);
        fn gtk_font_chooser_dialog_get_type() -> usize;
        fn gtk_color_chooser_dialog_get_type() -> usize;
        fn gtk_font_chooser_set_font(f: Widget, name: *const c_char);
        fn gtk_color_chooser_set_rgba(c: Widget, rgba: *const GdkRgba);
    }

    const GTK_RESPONSE_OK: c_int = -5;
    const GTK_RESPONSE_CANCEL: c_int = -6;
    const GTK_SPIN_STEP_FORWARD: c_int = 0;

    /// The box's parts: the calendar (if the date shows) and the hour, minute, second spin buttons.
    fn parts(handle: usize) -> (Option<Widget>, Vec<Widget>) {
        let (mut calendar, mut spins) = (None, Vec::new());
        for w in crate::native::children(handle) {
            if is_a(w, unsafe { gtk_menu_button_get_type() }) {
                calendar = Some(unsafe { gtk_bin_get_child(gtk_menu_button_get_popover(w)) });
            } else if is_a(w, unsafe { gtk_spin_button_get_type() }) {
                spins.push(w);
            }
        }
        (calendar, spins)
    }

    type Date = (i32, i32, i32);

    pub fn dtp_shown(handle: usize) -> (Option<Date>, Option<Date>) {
        let (calendar, spins) = parts(handle);
        let date = calendar.map(|c| {
            let (mut y, mut m, mut d) = (0, 0, 0);
            unsafe { gtk_calendar_get_date(c, &mut y, &mut m, &mut d) };
            (y as i32, m as i32 + 1, d as i32)
        });
        let time = (spins.len() == 3).then(|| unsafe {
            (
                gtk_spin_button_get_value_as_int(spins[0]),
                gtk_spin_button_get_value_as_int(spins[1]),
                gtk_spin_button_get_value_as_int(spins[2]),
            )
        });
        (date, time)
    }

    /// The next day clicked in the calendar, or the hour's up arrow.
    pub fn dtp_user_step(handle: usize) -> Result<(), String> {
        match parts(handle) {
            (Some(c), _) => {
                let (mut y, mut m, mut d) = (0, 0, 0);
                unsafe {
                    gtk_calendar_get_date(c, &mut y, &mut m, &mut d);
                    gtk_calendar_select_day(c, d + 1);
                }
            }
            (None, spins) if !spins.is_empty() => unsafe { gtk_spin_button_spin(spins[0], GTK_SPIN_STEP_FORWARD, 1.0) },
            _ => return Err("the picker has neither a calendar nor spin buttons".into()),
        }
        Ok(())
    }

    /// The visible dialog of type `type_`, after clicking the button that opens it.
    fn open_dialog(button: usize, type_: usize) -> Result<Widget, String> {
        unsafe { gtk_button_clicked(button as Widget) };
        for _ in 0..200 {
            crate::pump(10);
            if let Some(dialog) = crate::native::visible_toplevel(type_) {
                return Ok(dialog);
            }
        }
        Err("the button opened no dialog".into())
    }

    pub fn choose_font(button: usize, points: u32, bold: bool, italic: bool) -> Result<(), String> {
        let dialog = open_dialog(button, unsafe { gtk_font_chooser_dialog_get_type() })?;
        let name = format!("Sans{}{} {points}", if bold { " Bold" } else { "" }, if italic { " Italic" } else { "" });
        let name = std::ffi::CString::new(name).unwrap();
        unsafe {
            gtk_font_chooser_set_font(dialog, name.as_ptr());
            gtk_dialog_response(dialog, GTK_RESPONSE_OK);
        }
        Ok(())
    }

    pub fn cancel_font(button: usize) -> Result<(), String> {
        let dialog = open_dialog(button, unsafe { gtk_font_chooser_dialog_get_type() })?;
        unsafe {
            gtk_font_chooser_set_font(dialog, c"Serif 30".as_ptr());
            gtk_dialog_response(dialog, GTK_RESPONSE_CANCEL);
        }
        Ok(())
    }

    /// Chooses rgb and alpha; returns what the button should then hold.
    pub fn choose_color(button: usize, rgb: [u8; 3], alpha: f64) -> Result<([u8; 3], f64), String> {
        let dialog = open_dialog(button, unsafe { gtk_color_chooser_dialog_get_type() })?;
        let c =
            GdkRgba { red: rgb[0] as f64 / 255.0, green: rgb[1] as f64 / 255.0, blue: rgb[2] as f64 / 255.0, alpha };
        unsafe {
            gtk_color_chooser_set_rgba(dialog, &c);
            gtk_dialog_response(dialog, GTK_RESPONSE_OK);
        }
        Ok((rgb, alpha))
    }
}

#[cfg(windows)]
mod native {
    use crate::native::{wide, Hwnd};
    use std::ffi::{c_int, c_void};
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
    use zt_libui_sys::uiTimer;

    #[repr(C)]
    #[derive(Default)]
    struct SystemTime {
        year: u16,
        month: u16,
        day_of_week: u16,
        day: u16,
        hour: u16,
        minute: u16,
        second: u16,
        milliseconds: u16,
    }

    #[link(name = "user32")]
    extern "system" {
        fn SendMessageW(hwnd: Hwnd, msg: u32, wparam: usize, lparam: isize) -> isize;
        fn PostMessageW(hwnd: Hwnd, msg: u32, wparam: usize, lparam: isize) -> i32;
        fn GetWindowLongPtrW(hwnd: Hwnd, index: i32) -> isize;
        fn GetDlgItem(dlg: Hwnd, id: i32) -> Hwnd;
        fn SetDlgItemTextW(dlg: Hwnd, id: i32, text: *const u16) -> i32;
        fn SetFocus(hwnd: Hwnd) -> Hwnd;
    }

    const DTM_GETSYSTEMTIME: u32 = 0x1000 + 1;
    const DTS_TIMEFORMAT: isize = 0x0009;
    const GWL_STYLE: i32 = -16;
    const WM_KEYDOWN: u32 = 0x0100;
    const WM_KEYUP: u32 = 0x0101;
    const WM_COMMAND: u32 = 0x0111;
    const VK_UP: usize = 0x26;
    const WM_LBUTTONDOWN: u32 = 0x0201;
    const WM_LBUTTONUP: u32 = 0x0202;
    const MK_LBUTTON: usize = 1;
    const BM_CLICK: u32 = 0x00F5;
    const CB_GETCOUNT: u32 = 0x0146;
    const CB_GETITEMDATA: u32 = 0x0150;
    const CB_SETCURSEL: u32 = 0x014E;
    const CB_SELECTSTRING: u32 = 0x014D;
    const CBN_SELCHANGE: usize = 1;
    const IDOK: usize = 1;
    const IDCANCEL: usize = 2;
    // Control IDs of the common dialogs (dlgs.h, colordlg.h).
    const CMB_STYLE: i32 = 0x471;
    const CMB_SIZE: i32 = 0x472;
    const COLOR_RED: i32 = 706;

    type Date = (i32, i32, i32);

    /// The control's SYSTEMTIME; a time-format picker shows no date.
    pub fn dtp_shown(handle: usize) -> (Option<Date>, Option<Date>) {
        let mut st = SystemTime::default();
        unsafe { SendMessageW(handle as Hwnd, DTM_GETSYSTEMTIME, 0, &mut st as *mut SystemTime as isize) };
        let time_only = unsafe { GetWindowLongPtrW(handle as Hwnd, GWL_STYLE) } & DTS_TIMEFORMAT == DTS_TIMEFORMAT;
        let date = (st.year as i32, st.month as i32, st.day as i32);
        let time = (st.hour as i32, st.minute as i32, st.second as i32);
        ((!time_only).then_some(date), Some(time))
    }

    /// A click on the first field, then the up-arrow key, as a user does it.
    pub fn dtp_user_step(handle: usize) -> Result<(), String> {
        let at = (10 << 16) | 8; // (8, 10): inside the first field
        unsafe {
            SetFocus(handle as Hwnd);
            SendMessageW(handle as Hwnd, WM_LBUTTONDOWN, MK_LBUTTON, at);
            SendMessageW(handle as Hwnd, WM_LBUTTONUP, 0, at);
            SendMessageW(handle as Hwnd, WM_KEYDOWN, VK_UP, 0);
            SendMessageW(handle as Hwnd, WM_KEYUP, VK_UP, 0);
        }
        Ok(())
    }

    /// What the user does in the open dialog, run by a timer inside the dialog's own loop
    /// (atomics: the timer writes while the test reads).
    struct Action {
        act: fn(Hwnd),
        tries: AtomicU32,
        done: AtomicBool,
    }

    const MAX_TRIES: u32 = 200;

    extern "C" fn on_timer(data: *mut c_void) -> c_int {
        let a = unsafe { &*(data as *const Action) };
        let tries = a.tries.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(dlg) = crate::native::visible_dialog() {
            (a.act)(dlg);
            a.done.store(true, Ordering::SeqCst);
            return 0;
        }
        // No dialog after 10 s: stop looking (the test then fails on `done`).
        (tries < MAX_TRIES) as c_int
    }

    /// Clicks the button, which opens a modal dialog, and lets `act` answer it.
    fn click_and_answer(button: usize, act: fn(Hwnd)) -> Result<(), String> {
        // Leaked: the timer may outlive this call if the click opened nothing.
        let a: &'static Action =
            Box::leak(Box::new(Action { act, tries: AtomicU32::new(0), done: AtomicBool::new(false) }));
        unsafe {
            uiTimer(50, Some(on_timer), a as *const Action as *mut c_void);
            SendMessageW(button as Hwnd, BM_CLICK, 0, 0);
        }
        while !a.done.load(Ordering::SeqCst) && a.tries.load(Ordering::SeqCst) < MAX_TRIES {
            crate::pump(10);
        }
        if !a.done.load(Ordering::SeqCst) {
            return Err("the button opened no dialog".into());
        }
        Ok(())
    }

    fn command(dlg: Hwnd, id: i32, code: usize) {
        unsafe { SendMessageW(dlg, WM_COMMAND, (code << 16) | id as usize, GetDlgItem(dlg, id) as isize) };
    }

    fn bold_italic_18(dlg: Hwnd) {
        unsafe {
            // The style list's item data holds the weight (low word) and italic flag (high word).
            let style = GetDlgItem(dlg, CMB_STYLE);
            let n = SendMessageW(style, CB_GETCOUNT, 0, 0);
            for i in 0..n.max(0) as usize {
                let data = SendMessageW(style, CB_GETITEMDATA, i, 0) as usize;
                if data & 0xffff >= 700 && (data >> 16) & 0xffff != 0 {
                    SendMessageW(style, CB_SETCURSEL, i, 0);
                    command(dlg, CMB_STYLE, CBN_SELCHANGE);
                    break;
                }
            }
            // 18 is in the size list of every system; the selection is what the dialog reads.
            let size = GetDlgItem(dlg, CMB_SIZE);
            SendMessageW(size, CB_SELECTSTRING, usize::MAX, wide("18").as_ptr() as isize);
            command(dlg, CMB_SIZE, CBN_SELCHANGE);
            PostMessageW(dlg, WM_COMMAND, IDOK, 0);
        }
    }

    pub fn choose_font(button: usize, points: u32, bold: bool, italic: bool) -> Result<(), String> {
        // The one choice the test makes.
        assert!(points == 18 && bold && italic);
        click_and_answer(button, bold_italic_18)
    }

    fn cancel(dlg: Hwnd) {
        unsafe { PostMessageW(dlg, WM_COMMAND, IDCANCEL, 0) };
    }

    pub fn cancel_font(button: usize) -> Result<(), String> {
        click_and_answer(button, cancel)
    }

    fn rgb_51_102_204(dlg: Hwnd) {
        for (i, v) in ["51", "102", "204"].iter().enumerate() {
            unsafe { SetDlgItemTextW(dlg, COLOR_RED + i as i32, wide(v).as_ptr()) };
        }
        unsafe { PostMessageW(dlg, WM_COMMAND, IDOK, 0) };
    }

    /// ChooseColor has no alpha: the button keeps its own (`alpha`, what it holds).
    pub fn choose_color(button: usize, rgb: [u8; 3], alpha: f64) -> Result<([u8; 3], f64), String> {
        assert!(rgb == [51, 102, 204]);
        click_and_answer(button, rgb_51_102_204)?;
        Ok((rgb, alpha))
    }
}
