//! The pickers: a date and time, a font, a color.  No date crate: [`DateTime`]
//! is the picker's own plain value (local time, no time zone).

use std::ffi::{c_int, CStr};

use zt_libui_sys as sys;

use crate::controls::control;
use crate::node::{event_trampoline, Handler, Node};
use crate::{Error, Ui};

control!(
    /// A date and/or time field (`uiDateTimePicker`).
    DateTimePicker
);
control!(
    /// A button that shows a font and opens the system's font chooser.
    FontButton
);
control!(
    /// A button that shows a color and opens the system's color chooser.
    ColorButton
);

/// Which parts a [`DateTimePicker`] shows; it always holds a whole [`DateTime`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateTimeKind {
    DateTime,
    Date,
    Time,
}

/// A local date and time to the second, valid by construction: the years
/// 1753..=9999 (what the Windows date picker accepts), real days, 00:00:00..23:59:59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl DateTime {
    /// `month` is 1..=12; `None` for anything the picker would reject.
    pub fn new(year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Option<DateTime> {
        let valid = (1753..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && hour < 24
            && minute < 60
            && second < 60;
        valid.then_some(DateTime { year, month, day, hour, minute, second })
    }

    pub fn year(&self) -> u16 {
        self.year
    }
    /// 1..=12.
    pub fn month(&self) -> u8 {
        self.month
    }
    pub fn day(&self) -> u8 {
        self.day
    }
    pub fn hour(&self) -> u8 {
        self.hour
    }
    pub fn minute(&self) -> u8 {
        self.minute
    }
    pub fn second(&self) -> u8 {
        self.second
    }

    fn to_tm(self) -> Tm {
        Tm {
            sec: self.second.into(),
            min: self.minute.into(),
            hour: self.hour.into(),
            mday: self.day.into(),
            mon: c_int::from(self.month) - 1,
            year: c_int::from(self.year) - 1900,
            wday: 0,
            yday: 0,
            isdst: -1,
            rest: [0; 4],
        }
    }

    fn from_tm(t: &Tm) -> Option<DateTime> {
        let narrow = |v: c_int| u8::try_from(v).ok();
        DateTime::new(
            u16::try_from(t.year + 1900).ok()?,
            narrow(t.mon + 1)?,
            narrow(t.mday)?,
            narrow(t.hour)?,
            narrow(t.min)?,
            narrow(t.sec)?,
        )
    }
}

/// C's `struct tm`: the nine members every C library has, in this order, then
/// room for what some add (glibc's tm_gmtoff and tm_zone).  ui.h promises to
/// write only the nine.
#[repr(C)]
struct Tm {
    sec: c_int,
    min: c_int,
    hour: c_int,
    mday: c_int,
    mon: c_int,
    year: c_int,
    wday: c_int,
    yday: c_int,
    isdst: c_int,
    rest: [u64; 4],
}

impl DateTimePicker {
    /// A picker set to the current local time.
    pub fn new(_ui: &Ui, kind: DateTimeKind) -> DateTimePicker {
        // SAFETY: plain constructors on the UI thread.
        let p = unsafe {
            match kind {
                DateTimeKind::DateTime => sys::uiNewDateTimePicker(),
                DateTimeKind::Date => sys::uiNewDatePicker(),
                DateTimeKind::Time => sys::uiNewTimePicker(),
            }
        };
        DateTimePicker::wrap(Node::new(p.cast(), false))
    }

    /// What it holds; `None` once destroyed.
    pub fn date_time(&self) -> Option<DateTime> {
        let d = self.0.ptr::<sys::uiDateTimePicker>()?;
        let mut t = DateTime { year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0 }.to_tm();
        // SAFETY: alive picker; t is at least as large as the members ui.h writes.
        unsafe { sys::uiDateTimePickerTime(d, (&mut t as *mut Tm).cast()) };
        DateTime::from_tm(&t)
    }

    /// Sets the value (does not fire `on_changed`, as in libui-ng).
    pub fn set_date_time(&self, value: DateTime) {
        if let Some(d) = self.0.ptr() {
            let t = value.to_tm();
            // SAFETY: alive picker; the fields are in range by construction.
            unsafe { sys::uiDateTimePickerSetTime(d, (&t as *const Tm).cast()) }
        }
    }

    /// Replaces the handler called when the user changes the value.
    pub fn on_changed(&self, f: impl FnMut(&DateTimePicker) + 'static) {
        let Some(d) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "changed", DateTimePicker::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiDateTimePickerOnChanged(d, Some(date_time_changed), data) }
    }
}

event_trampoline!(date_time_changed, sys::uiDateTimePicker, DateTimePicker);

/// How slanted a font is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Italic {
    Normal,
    /// The upright design, slanted.
    Oblique,
    /// A design of its own.
    Italic,
}

/// A font, as the font button or [`Font::control_font`] reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Font {
    pub family: String,
    /// In points.
    pub size: f64,
    /// 0..=1000, 400 regular and 700 bold (`uiTextWeight`).
    pub weight: u32,
    pub italic: Italic,
    /// 0..=8, 4 normal (`uiTextStretch`).
    pub stretch: u32,
}

fn empty_descriptor() -> sys::uiFontDescriptor {
    sys::uiFontDescriptor { Family: std::ptr::null_mut(), Size: 0.0, Weight: 0, Italic: 0, Stretch: 0 }
}

impl Font {
    /// # Safety
    /// `d` was filled by the library (Family NULL or NUL-terminated text).
    unsafe fn read(d: &sys::uiFontDescriptor) -> Font {
        let family = if d.Family.is_null() {
            String::new()
        } else {
            // SAFETY: the caller's promise.
            unsafe { CStr::from_ptr(d.Family) }.to_string_lossy().into_owned()
        };
        Font {
            family,
            size: d.Size,
            weight: d.Weight,
            italic: match d.Italic {
                sys::uiTextItalicOblique => Italic::Oblique,
                sys::uiTextItalicItalic => Italic::Italic,
                _ => Italic::Normal,
            },
            stretch: d.Stretch,
        }
    }

    /// The font the system gives controls (`uiLoadControlFont`): Windows' message font, GTK's
    /// `gtk-font-name` setting.  Asking needs the live [`Ui`](crate::Ui).
    pub fn control_font(_ui: &crate::Ui) -> Font {
        let mut d = empty_descriptor();
        // SAFETY: the Ui is alive on this thread; the descriptor is read and released below.
        unsafe {
            sys::uiLoadControlFont(&mut d);
            let font = Font::read(&d);
            sys::uiFreeFontDescriptor(&mut d);
            font
        }
    }
}

impl FontButton {
    /// A button showing the system's UI font.
    pub fn new(_ui: &Ui) -> FontButton {
        // SAFETY: plain constructor.
        FontButton::wrap(Node::new(unsafe { sys::uiNewFontButton() }.cast(), false))
    }

    /// The chosen font; `None` once destroyed.
    pub fn font(&self) -> Option<Font> {
        let b = self.0.ptr::<sys::uiFontButton>()?;
        let mut d = empty_descriptor();
        // SAFETY: alive button; the descriptor is read and released below.
        unsafe {
            sys::uiFontButtonFont(b, &mut d);
            let font = Font::read(&d);
            sys::uiFreeFontButtonFont(&mut d);
            Some(font)
        }
    }

    /// Replaces the handler called when the user chooses a font.
    pub fn on_changed(&self, f: impl FnMut(&FontButton) + 'static) {
        let Some(b) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "changed", FontButton::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiFontButtonOnChanged(b, Some(font_changed), data) }
    }
}

event_trampoline!(font_changed, sys::uiFontButton, FontButton);

/// A color with alpha, each component 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub r: f64,
    pub g: f64,
    pub b: f64,
    pub a: f64,
}

impl Rgba {
    fn is_valid(&self) -> bool {
        [self.r, self.g, self.b, self.a].iter().all(|c| (0.0..=1.0).contains(c))
    }
}

impl ColorButton {
    /// A button showing opaque black.
    pub fn new(_ui: &Ui) -> ColorButton {
        // SAFETY: plain constructor.
        ColorButton::wrap(Node::new(unsafe { sys::uiNewColorButton() }.cast(), false))
    }

    /// The color; `None` once destroyed.
    pub fn color(&self) -> Option<Rgba> {
        let b = self.0.ptr::<sys::uiColorButton>()?;
        let mut c = Rgba { r: 0.0, g: 0.0, b: 0.0, a: 0.0 };
        // SAFETY: alive button, four valid pointers.
        unsafe { sys::uiColorButtonColor(b, &mut c.r, &mut c.g, &mut c.b, &mut c.a) };
        Some(c)
    }

    /// Sets the color (does not fire `on_changed`); [`Error::OutOfRange`], changing
    /// nothing, if a component is outside 0..=1 or NaN.
    pub fn set_color(&self, color: Rgba) -> Result<(), Error> {
        let b = self.0.ptr().ok_or(Error::Destroyed)?;
        if !color.is_valid() {
            return Err(Error::OutOfRange);
        }
        // SAFETY: alive button, components in range.
        unsafe { sys::uiColorButtonSetColor(b, color.r, color.g, color.b, color.a) };
        Ok(())
    }

    /// Replaces the handler called when the user chooses a color.
    pub fn on_changed(&self, f: impl FnMut(&ColorButton) + 'static) {
        let Some(b) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "changed", ColorButton::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiColorButtonOnChanged(b, Some(color_changed), data) }
    }
}

event_trampoline!(color_changed, sys::uiColorButton, ColorButton);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_time_takes_only_what_the_picker_accepts() {
        assert!(DateTime::new(2024, 2, 29, 23, 59, 59).is_some());
        assert!(DateTime::new(1753, 1, 1, 0, 0, 0).is_some());
        assert!(DateTime::new(9999, 12, 31, 23, 59, 59).is_some());
        for (y, mo, d, h, mi, s) in [
            (2023, 2, 29, 0, 0, 0),
            (1900, 2, 29, 0, 0, 0),
            (2000, 4, 31, 0, 0, 0),
            (2000, 0, 1, 0, 0, 0),
            (2000, 13, 1, 0, 0, 0),
            (2000, 1, 0, 0, 0, 0),
            (2000, 1, 1, 24, 0, 0),
            (2000, 1, 1, 0, 60, 0),
            (2000, 1, 1, 0, 0, 60),
            (1752, 12, 31, 0, 0, 0),
            (10000, 1, 1, 0, 0, 0),
        ] {
            assert_eq!(DateTime::new(y, mo, d, h, mi, s), None, "{y}-{mo}-{d} {h}:{mi}:{s}");
        }
    }

    #[test]
    fn date_time_goes_through_struct_tm_unchanged() {
        let t = DateTime::new(2000, 3, 1, 7, 8, 9).unwrap();
        let tm = t.to_tm();
        assert_eq!((tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.isdst), (100, 2, 1, 7, 8, 9, -1));
        assert_eq!(DateTime::from_tm(&tm), Some(t));
        // What a rejected C call writes (all zeros) is no date.
        let zero = Tm { sec: 0, min: 0, hour: 0, mday: 0, mon: 0, year: 0, wday: 0, yday: 0, isdst: -1, rest: [0; 4] };
        assert_eq!(DateTime::from_tm(&zero), None);
    }

    #[test]
    fn colors_outside_0_to_1_are_invalid() {
        assert!(Rgba { r: 0.0, g: 0.5, b: 1.0, a: 1.0 }.is_valid());
        for bad in [-0.01, 1.01, f64::NAN, f64::INFINITY] {
            assert!(!Rgba { r: bad, g: 0.0, b: 0.0, a: 1.0 }.is_valid());
            assert!(!Rgba { r: 0.0, g: 0.0, b: 0.0, a: bad }.is_valid());
        }
    }
}
