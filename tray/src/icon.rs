use std::path::{Path, PathBuf};

use crate::Error;

/// The tray icon's image, checked when it is made, so showing it cannot fail
/// for a reason the caller could have caught earlier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Icon(pub(crate) Image);

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Image {
    Rgba {
        width: i32,
        height: i32,
        pixels: Box<[u8]>,
    },
    File(String),
    /// Several sizes of one picture, each an `Rgba`.
    Sizes(Vec<Image>),
}

/// The most sizes [`Icon::from_sizes`] takes (the C library's limit).
pub const MAX_ICON_SIZES: usize = zt_tray_sys::TRAY_MAX_IMAGES as usize;

/// The largest side accepted: far beyond any tray, small enough that
/// width × height × 4 never overflows on 32-bit targets.
pub const MAX_ICON_SIDE: u32 = 4096;

impl Icon {
    /// An icon from straight-alpha RGBA pixels, rows top-down.  `rgba.len()`
    /// must be exactly `width * height * 4`, and both sides 1 to
    /// [`MAX_ICON_SIDE`].
    ///
    /// ```
    /// let red = [255, 0, 0, 255].repeat(16 * 16);
    /// assert!(zt_tray::Icon::from_rgba(red, 16, 16).is_ok());
    /// assert!(zt_tray::Icon::from_rgba(vec![0; 3], 1, 1).is_err());
    /// ```
    pub fn from_rgba(rgba: Vec<u8>, width: u32, height: u32) -> Result<Icon, Error> {
        let side_ok = |s: u32| (1..=MAX_ICON_SIDE).contains(&s);
        if !side_ok(width) || !side_ok(height) || rgba.len() as u64 != u64::from(width) * u64::from(height) * 4 {
            return Err(Error::Icon);
        }
        // Both sides are at most 4096, so they fit an i32.
        Ok(Icon(Image::Rgba { width: width as i32, height: height as i32, pixels: rgba.into_boxed_slice() }))
    }

    /// An icon read from an image file when it is shown (`.ico` on Windows; any
    /// format GTK reads on Linux).  The path must be UTF-8 without NUL bytes.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Icon, Error> {
        let text = path.as_ref().to_str().ok_or(Error::Icon)?;
        if text.contains('\0') {
            return Err(Error::InteriorNul(text.to_string()));
        }
        Ok(Icon(Image::File(text.to_string())))
    }

    /// One icon in several sizes, each drawn for its size, so no panel has to
    /// scale: Linux offers every size to the panel, Windows shows the one
    /// that fits the small-icon size at the monitor's DPI.  Each must be made
    /// by [`Icon::from_rgba`]; 1 to [`MAX_ICON_SIZES`] of them, no larger
    /// than the C library's 1024 pixels a side.
    ///
    /// ```
    /// use zt_tray::Icon;
    /// let size = |s: u32| Icon::from_rgba([0, 90, 200, 255].repeat((s * s) as usize), s, s).unwrap();
    /// assert!(Icon::from_sizes(vec![size(16), size(24), size(32)]).is_ok());
    /// assert!(Icon::from_sizes(Vec::new()).is_err());
    /// ```
    pub fn from_sizes(sizes: Vec<Icon>) -> Result<Icon, Error> {
        if sizes.is_empty() || sizes.len() > MAX_ICON_SIZES {
            return Err(Error::Icon);
        }
        let limit = zt_tray_sys::TRAY_MAX_ICON_SIZE;
        let images = sizes
            .into_iter()
            .map(|icon| match icon.0 {
                Image::Rgba { width, height, .. } if width <= limit && height <= limit => Ok(icon.0),
                _ => Err(Error::Icon),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Icon(Image::Sizes(images)))
    }

    /// The file of an icon made by [`Icon::from_path`].
    pub fn path(&self) -> Option<PathBuf> {
        match &self.0 {
            Image::File(p) => Some(PathBuf::from(p)),
            Image::Rgba { .. } | Image::Sizes(_) => None,
        }
    }

    /// Width and height of an icon made from pixels (of the first size given
    /// to [`Icon::from_sizes`]).
    pub fn size(&self) -> Option<(u32, u32)> {
        match &self.0 {
            Image::Rgba { width, height, .. } => Some((*width as u32, *height as u32)),
            Image::Sizes(sizes) => match &sizes[0] {
                Image::Rgba { width, height, .. } => Some((*width as u32, *height as u32)),
                _ => None,
            },
            Image::File(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_counts_and_sides_are_checked() {
        assert!(Icon::from_rgba(vec![0; 16], 2, 2).is_ok());
        assert_eq!(Icon::from_rgba(vec![0; 15], 2, 2), Err(Error::Icon));
        assert_eq!(Icon::from_rgba(vec![0; 17], 2, 2), Err(Error::Icon));
        assert_eq!(Icon::from_rgba(Vec::new(), 0, 0), Err(Error::Icon));
        assert_eq!(Icon::from_rgba(Vec::new(), u32::MAX, 1), Err(Error::Icon));
        let big = MAX_ICON_SIDE + 1;
        assert_eq!(Icon::from_rgba(vec![0; big as usize * 4], big, 1), Err(Error::Icon));
        assert_eq!(Icon::from_rgba(vec![0; 16], 2, 2).unwrap().size(), Some((2, 2)));
    }

    #[test]
    fn paths_must_be_c_strings() {
        assert_eq!(Icon::from_path("/x/icon.png").unwrap().path(), Some(PathBuf::from("/x/icon.png")));
        assert!(matches!(Icon::from_path("a\0b"), Err(Error::InteriorNul(_))));
    }
}
