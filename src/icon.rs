//! The application icon, drawn in code so that neither the exe nor the tray
//! needs image files: the build script renders it into the Windows icon
//! resource and the app renders it for the tray at the size the shell asks.

/// Colour scheme of the icon, following the service state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Service running and online: ZeroTier orange.
    Online,
    /// Service unreachable or offline: grey.
    Offline,
}

impl Look {
    fn disc(self) -> [f32; 3] {
        match self {
            Look::Online => [255.0, 180.0, 65.0],
            Look::Offline => [140.0, 140.0, 140.0],
        }
    }
}

/// Renders the icon as `size`×`size` straight RGBA pixels: a disc with a
/// white ring and a "T" inside, anti-aliased by 4×4 supersampling.
pub fn render(size: u32, look: Look) -> Vec<u8> {
    const SAMPLES: u32 = 4;
    let disc = look.disc();
    let mut out = Vec::with_capacity((size * size * 4) as usize);
    for y in 0..size {
        for x in 0..size {
            let (mut cover, mut white) = (0u32, 0u32);
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    // Sample position in unit space, centre at (0,0), radius 1.
                    let px = ((x * SAMPLES + sx) as f32 + 0.5) / (size * SAMPLES) as f32 * 2.0 - 1.0;
                    let py = ((y * SAMPLES + sy) as f32 + 0.5) / (size * SAMPLES) as f32 * 2.0 - 1.0;
                    match shape_at(px, py) {
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

fn shape_at(x: f32, y: f32) -> Shape {
    let r = (x * x + y * y).sqrt();
    if r > 0.98 {
        return Shape::Outside;
    }
    let ring = (0.62..=0.76).contains(&r);
    let stem = x.abs() <= 0.1 && (-0.46..=0.66).contains(&y);
    let bar = (-0.54..=-0.38).contains(&y) && x.abs() <= 0.46;
    if ring || stem || bar {
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
            let img = render(size, Look::Online);
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
    fn looks_differ_in_colour_only() {
        let (on, off) = (render(32, Look::Online), render(32, Look::Offline));
        let disc = (32 * 30 + 16) * 4; // below the ring on the vertical axis: plain disc
        assert_eq!(&on[disc..disc + 4], &[255, 180, 65, 255]);
        assert_eq!(&off[disc..disc + 4], &[140, 140, 140, 255]);
        let alpha = |img: &[u8]| img.chunks(4).map(|p| p[3]).collect::<Vec<_>>();
        assert_eq!(alpha(&on), alpha(&off));
    }
}
