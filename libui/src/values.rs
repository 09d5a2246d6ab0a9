//! Controls that show or take a number: sliders (`uiSlider`), spin boxes (`uiSpinbox`), progress
//! bars (`uiProgressBar`), and the separator lines (`uiSeparator`) that sit beside them.
//!
//! ```no_run
//! use zt_libui::{Control, Progress, ProgressBar, Separator, Slider, Spinbox, Ui, UiBox, Window};
//!
//! let ui = Ui::init()?;
//! let window = Window::new(&ui, "Volume", 300, 120, false);
//! let column = UiBox::vertical(&ui);
//! let slider = Slider::new(&ui, 0..=11);
//! let spin = Spinbox::new(&ui, 0..=11);
//! let bar = ProgressBar::new(&ui);
//! let (s, b) = (spin.clone(), bar.clone());
//! slider.on_changed(move |sl| {
//!     s.set_value(sl.value());
//!     let _ = b.set_progress(Progress::Percent((sl.value() * 100 / 11) as u8));
//! });
//! column.append(&slider, false)?;
//! column.append(&Separator::horizontal(&ui), false)?;
//! column.append(&spin, false)?;
//! column.append(&bar, false)?;
//! window.set_child(&column)?;
//! window.show();
//! # Ok::<(), zt_libui::Error>(())
//! ```

use std::ffi::c_int;
use std::ops::RangeInclusive;

use zt_libui_sys as sys;

use crate::controls::control;
use crate::node::{event_trampoline, Handler, Node};
use crate::{Error, Ui};

control!(
    /// A horizontal slider over a range of whole numbers (`uiSlider`).
    Slider
);
control!(
    /// A number field with up and down arrows over a range (`uiSpinbox`).
    Spinbox
);
control!(
    /// A bar filled to a percentage, or moving to say "busy" (`uiProgressBar`).
    ProgressBar
);
control!(
    /// A line between controls (`uiSeparator`).
    Separator
);

/// What a progress bar shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// 0..=100 percent.
    Percent(u8),
    /// Busy, for how long unknown (libui-ng's -1).
    Indeterminate,
}

/// A range's ends as the library takes them; a reversed range is swapped, as libui-ng does.
fn ends(range: &RangeInclusive<i32>) -> (c_int, c_int) {
    let (a, b) = (*range.start(), *range.end());
    (a.min(b), a.max(b))
}

impl Slider {
    /// A slider from `range`'s start to its end, at the start.
    pub fn new(_ui: &Ui, range: RangeInclusive<i32>) -> Slider {
        let (min, max) = ends(&range);
        // SAFETY: plain constructor on the UI thread.
        Slider::wrap(Node::new(unsafe { sys::uiNewSlider(min, max) }.cast(), false))
    }

    /// The value; 0 once destroyed.
    pub fn value(&self) -> i32 {
        // SAFETY: alive slider.
        self.0.ptr().map_or(0, |s| unsafe { sys::uiSliderValue(s) })
    }

    /// Moves the slider, clamped to its range (does not fire `on_changed`, as in libui-ng).
    pub fn set_value(&self, value: i32) {
        if let Some(s) = self.0.ptr() {
            // SAFETY: alive slider.
            unsafe { sys::uiSliderSetValue(s, value) }
        }
    }

    /// Changes the range; a value outside it moves to the nearest end.
    pub fn set_range(&self, range: RangeInclusive<i32>) {
        let (min, max) = ends(&range);
        if let Some(s) = self.0.ptr() {
            // SAFETY: alive slider.
            unsafe { sys::uiSliderSetRange(s, min, max) }
        }
    }

    /// Whether dragging shows the value in a tool tip (on at first).
    pub fn has_tool_tip(&self) -> bool {
        // SAFETY: alive slider.
        self.0.ptr().is_some_and(|s| unsafe { sys::uiSliderHasToolTip(s) } != 0)
    }

    pub fn set_has_tool_tip(&self, shown: bool) {
        if let Some(s) = self.0.ptr() {
            // SAFETY: alive slider.
            unsafe { sys::uiSliderSetHasToolTip(s, c_int::from(shown)) }
        }
    }

    /// Replaces the handler called when the user moves the slider.
    pub fn on_changed(&self, f: impl FnMut(&Slider) + 'static) {
        let Some(s) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "changed", Slider::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiSliderOnChanged(s, Some(slider_changed), data) }
    }

    /// Replaces the handler called when the user lets go of the slider.
    pub fn on_released(&self, f: impl FnMut(&Slider) + 'static) {
        let Some(s) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "released", Slider::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiSliderOnReleased(s, Some(slider_released), data) }
    }
}

event_trampoline!(slider_changed, sys::uiSlider, Slider);
event_trampoline!(slider_released, sys::uiSlider, Slider);

impl Spinbox {
    /// A spin box from `range`'s start to its end, at the start.
    pub fn new(_ui: &Ui, range: RangeInclusive<i32>) -> Spinbox {
        let (min, max) = ends(&range);
        // SAFETY: plain constructor on the UI thread.
        Spinbox::wrap(Node::new(unsafe { sys::uiNewSpinbox(min, max) }.cast(), false))
    }

    /// The value; 0 once destroyed.
    pub fn value(&self) -> i32 {
        // SAFETY: alive spin box.
        self.0.ptr().map_or(0, |s| unsafe { sys::uiSpinboxValue(s) })
    }

    /// Sets the value, clamped to the range (does not fire `on_changed`, as in libui-ng).
    pub fn set_value(&self, value: i32) {
        if let Some(s) = self.0.ptr() {
            // SAFETY: alive spin box.
            unsafe { sys::uiSpinboxSetValue(s, value) }
        }
    }

    /// Replaces the handler called when the user changes the value.
    pub fn on_changed(&self, f: impl FnMut(&Spinbox) + 'static) {
        let Some(s) = self.0.ptr() else { return };
        let data = Handler::install(&self.0, "changed", Spinbox::wrap, f);
        // SAFETY: data lives with the node.
        unsafe { sys::uiSpinboxOnChanged(s, Some(spinbox_changed), data) }
    }
}

event_trampoline!(spinbox_changed, sys::uiSpinbox, Spinbox);

impl ProgressBar {
    /// An empty bar (0 %).
    pub fn new(_ui: &Ui) -> ProgressBar {
        // SAFETY: plain constructor on the UI thread.
        ProgressBar::wrap(Node::new(unsafe { sys::uiNewProgressBar() }.cast(), false))
    }

    /// What the bar shows; 0 % once destroyed.
    pub fn progress(&self) -> Progress {
        // SAFETY: alive bar.
        match self.0.ptr().map_or(0, |p| unsafe { sys::uiProgressBarValue(p) }) {
            -1 => Progress::Indeterminate,
            n => Progress::Percent(n.clamp(0, 100) as u8),
        }
    }

    /// Shows `progress`; [`Error::OutOfRange`] (and nothing changes) for more than 100 %.
    pub fn set_progress(&self, progress: Progress) -> Result<(), Error> {
        let value = match progress {
            Progress::Percent(n) if n > 100 => return Err(Error::OutOfRange),
            Progress::Percent(n) => c_int::from(n),
            Progress::Indeterminate => -1,
        };
        let p = self.0.ptr().ok_or(Error::Destroyed)?;
        // SAFETY: alive bar, value in -1..=100.
        unsafe { sys::uiProgressBarSetValue(p, value) };
        Ok(())
    }
}

impl Separator {
    /// A horizontal line, between controls stacked vertically.
    pub fn horizontal(_ui: &Ui) -> Separator {
        // SAFETY: plain constructor on the UI thread.
        Separator::wrap(Node::new(unsafe { sys::uiNewHorizontalSeparator() }.cast(), false))
    }

    /// A vertical line, between controls side by side.
    pub fn vertical(_ui: &Ui) -> Separator {
        // SAFETY: as above.
        Separator::wrap(Node::new(unsafe { sys::uiNewVerticalSeparator() }.cast(), false))
    }
}
