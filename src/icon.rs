//! The application icon, drawn in code so that neither the exe nor the tray
//! needs image files: the build script renders it into the Windows icon
//! resource and the app renders it for the tray at the size the shell asks.

/// What the icon says about the service.  Each look differs in shape as
/// well as colour, so it reads without colour vision and at 16 px.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Running and online: ZeroTier orange with the "T".
    Online,
    /// Running but not online: grey with the "T".
    Offline,
    /// The service cannot be reached: grey ring with a slash.
    Unavailable,
    /// Something needs the user (authentication, access denied, no token): red with "!".
    Attention,
}

/// What the icon is drawn on: the grey looks need more contrast on a light taskbar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backdrop {
    Dark,
    // Only Windows reports a light taskbar.
    #[cfg_attr(not(windows), allow(dead_code))]
    Light,
}

impl Look {
    fn disc(self, backdrop: Backdrop) -> [f32; 3] {
        match (self, backdrop) {
            (Look::Online, _) => [255.0, 180.0, 65.0],
            (Look::Attention, _) => [225.0, 70.0, 45.0],
            (Look::Offline | Look::Unavailable, Backdrop::Dark) => [150.0, 150.0, 150.0],
            (Look::Offline | Look::Unavailable, Backdrop::Light) => [105.0, 105.0, 105.0],
        }
    }
}

/// Renders the icon as `size`×`size` straight RGBA pixels: a disc with a
/// white mark inside, anti-aliased by 4×4 supersampling.
pub fn render(size: u32, look: Look, backdrop: Backdrop) -> Vec<u8> {
    const SAMPLES: u32 = 4;
    let disc = look.disc(backdrop);
    let mut out = Vec::with_capacity((size * size * 4) as usize);
    for y in 0..size {
        for x in 0..size {
            let (mut cover, mut white) = (0u32, 0u32);
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    // Sample position in unit space, centre at (0,0), radius 1.
                    let px = ((x * SAMPLES + sx) as f32 + 0.5) / (size * SAMPLES) as f32 * 2.0 - 1.0;
                    let py = ((y * SAMPLES + sy) as f32 + 0.5) / (size * SAMPLES) as f32 * 2.0 - 1.0;
                    match shape_at(look, px, py) {
                        Shape::Outside => {}
                        Shape::Disc => cover += 1,
                        Shape::Mark => {
                            cover += 1;
                            white += 1;
                        }
                    }
                }
            }
            let alpha = cover as f32 / (SAMPLES * SAMPLES) as f32;
            let w = if cover == 0 { 0.0 } else { white as f32 / cover as f32 };
            for channel in disc {
                out.push((channel * (1.0 - w) + 255.0 * w).round() as u8);
            }
            out.push((alpha * 255.0).round() as u8);
        }
    }
    out
}

enum Shape {
    Outside,
    Disc,
    Mark,
}

fn shape_at(look: Look, x: f32, y: f32) -> Shape {
    let r = (x * x + y * y).sqrt();
    if r > 0.98 {
        return Shape::Outside;
    }
    let ring = (0.62..=0.76).contains(&r);
    let mark = match look {
        Look::Online | Look::Offline => {
            let stem = x.abs() <= 0.1 && (-0.46..=0.66).contains(&y);
            let bar = (-0.54..=-0.38).contains(&y) && x.abs() <= 0.46;
            ring || stem || bar
        }
        // A slash across the ring: "not there".
        Look::Unavailable => ring || ((x + y).abs() <= 0.15 && r < 0.7),
        Look::Attention => {
            let stem = x.abs() <= 0.12 && (-0.5..=0.18).contains(&y);
            let dot = x * x + (y - 0.4) * (y - 0.4) <= 0.13 * 0.13;
            ring || stem || dot
        }
    };
    if mark {
        Shape::Mark
    } else {
        Shape::Disc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(img: &[u8], size: u32, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * size + x) * 4) as usize;
        [img[i], img[i + 1], img[i + 2], img[i + 3]]
    }

    #[test]
    fn corners_are_transparent_and_centre_is_white() {
        for size in [16, 32, 256] {
            let img = render(size, Look::Online, Backdrop::Dark);
            assert_eq!(img.len(), (size * size * 4) as usize);
            assert_eq!(pixel(&img, size, 0, 0)[3], 0, "corner of {size}");
            let centre = pixel(&img, size, size / 2, size / 2);
            assert_eq!(centre[3], 255, "opaque centre of {size}");
            // At 16 px the stem is narrower than a pixel: blended, not pure white.
            let min_blue = if size == 16 { 150 } else { 255 };
            assert!(centre[2] >= min_blue, "white stem at centre of {size}: {centre:?}");
        }
    }

    #[test]
    fn online_and_offline_differ_in_colour_only() {
        let (on, off) = (render(32, Look::Online, Backdrop::Dark), render(32, Look::Offline, Backdrop::Dark));
        let disc = (32 * 30 + 16) * 4; // below the ring on the vertical axis: plain disc
        assert_eq!(&on[disc..disc + 4], &[255, 180, 65, 255]);
        assert_eq!(&off[disc..disc + 4], &[150, 150, 150, 255]);
        let alpha = |img: &[u8]| img.chunks(4).map(|p| p[3]).collect::<Vec<_>>();
        assert_eq!(alpha(&on), alpha(&off));
    }

    /// The looks that mean trouble differ in shape too (their white pixels).
    #[test]
    fn trouble_looks_have_their_own_marks() {
        let marks = |look| -> Vec<bool> {
            render(32, look, Backdrop::Dark).chunks(4).map(|p| p[3] > 0 && p[0] > 240 && p[1] > 240).collect()
        };
        let (t, slash, bang) = (marks(Look::Online), marks(Look::Unavailable), marks(Look::Attention));
        assert_ne!(t, slash);
        assert_ne!(t, bang);
        assert_ne!(slash, bang);
    }

    #[test]
    fn grey_looks_darken_on_a_light_taskbar() {
        let disc = (32 * 30 + 16) * 4;
        let dark = render(32, Look::Offline, Backdrop::Dark)[disc];
        let light = render(32, Look::Offline, Backdrop::Light)[disc];
        assert!(light + 30 < dark, "{light} vs {dark}");
        assert_eq!(render(32, Look::Online, Backdrop::Light), render(32, Look::Online, Backdrop::Dark));
    }
}
