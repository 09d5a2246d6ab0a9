//! Attributed strings, attributes, OpenType features and text layouts: grapheme boundaries, edits
//! that carry attributes along, iteration, misuse, layout extents measured against DejaVu Sans's
//! own metrics (the same figures on every backend, so the backends agree with each other within
//! `EXTENT_TOLERANCE`), and text drawn into an area and read back (colour, background).
//!
//! Tests name "DejaVu Sans", the one family fontconfig offers everywhere these tests run (Wine's
//! DirectWrite sees only fontconfig's fonts and draws nothing for an unknown family).

use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr::null_mut;
use zt_libui_sys::*;

use crate::area::{check_points, fill_rect, render, TOLERANCE};
use crate::runner::{Case, CaseResult};

/// Relative difference allowed between a measured extent and the one worked out from the font.
const EXTENT_TOLERANCE: f64 = 0.06;
const FAMILY: &str = "DejaVu Sans";

/// DejaVu Sans's advance widths (font units of 2048 per em) for "Hello, world", and its line
/// height (ascender 1901 + descender 483): what any correct layout engine gets from the font.
const HELLO: &str = "Hello, world";
const HELLO_ADVANCE: f64 = (1540 + 1260 + 569 + 569 + 1253 + 651 + 651 + 1675 + 1253 + 842 + 569 + 1300) as f64;
const LINE_HEIGHT_EM: f64 = (1901 + 483) as f64 / 2048.0;

pub fn cases() -> Vec<Case> {
    vec![
        Case { name: "text_graphemes", needs_display: true, run: graphemes },
        Case { name: "text_attributes_follow_edits", needs_display: true, run: edits },
        Case { name: "text_foreach_stops_when_told", needs_display: true, run: foreach_stops },
        Case { name: "text_attribute_values_and_features", needs_display: true, run: attribute_values },
        Case { name: "text_misuse_is_rejected", needs_display: true, run: misuse },
        Case { name: "text_layout_extents", needs_display: true, run: extents },
        Case { name: "text_drawn_colours", needs_display: true, run: drawn },
        Case { name: "text_drawn_ink_within_extents", needs_display: true, run: ink },
    ]
}

fn cstr(s: &str) -> CString {
    CString::new(s).unwrap()
}

unsafe fn new_string(s: &str) -> *mut uiAttributedString {
    uiNewAttributedString(cstr(s).as_ptr())
}

unsafe fn text_of(s: *mut uiAttributedString) -> String {
    CStr::from_ptr(uiAttributedStringString(s)).to_string_lossy().into_owned()
}

/// Points (pixels at 96 DPI) to the em size Pango and DirectWrite use.
fn em(points: f64) -> f64 {
    points * 96.0 / 72.0
}

fn graphemes() -> CaseResult {
    // (text, graphemes, the byte where each grapheme starts)
    let cases: &[(&str, &[usize])] = &[
        ("e\u{301}a", &[0, 3]),                                     // combining acute
        ("\u{1F44D}\u{1F3FD}x", &[0, 8]),                           // thumbs up, skin tone
        ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}!", &[0, 18]), // family by ZWJ
        ("\u{1F1E9}\u{1F1EA}\u{1F1EB}\u{1F1F7}", &[0, 8]),          // two flags
        ("漢字", &[0, 3]),                                          // CJK
        ("\u{1100}\u{1161}\u{11A8}\u{AC00}", &[0, 9]),              // jamo syllable, then a precomposed one
        ("a\r\nb", &[0, 1, 3]),                                     // CR LF is one
        ("", &[]),
    ];
    unsafe {
        for &(text, starts) in cases {
            let s = new_string(text);
            let n = uiAttributedStringNumGraphemes(s);
            check!(n == starts.len(), "{text:?}: {n} graphemes, want {}", starts.len());
            for (g, &b) in starts.iter().enumerate() {
                let got = uiAttributedStringGraphemeToByteIndex(s, g);
                check!(got == b, "{text:?}: grapheme {g} starts at {got}, want {b}");
                check!(uiAttributedStringByteIndexToGrapheme(s, b) == g, "{text:?}: byte {b} is not in grapheme {g}");
            }
            // The ends map to each other; a byte inside a cluster maps to its cluster.
            check!(uiAttributedStringGraphemeToByteIndex(s, n) == text.len());
            check!(uiAttributedStringByteIndexToGrapheme(s, text.len()) == n);
            if starts.len() > 1 {
                check!(
                    uiAttributedStringByteIndexToGrapheme(s, starts[1] - 1) == 0,
                    "{text:?}: the byte before the second grapheme"
                );
            }
            uiFreeAttributedString(s);
        }
        // Counts follow edits.
        let s = new_string("ab");
        check!(uiAttributedStringNumGraphemes(s) == 2);
        uiAttributedStringAppendUnattributed(s, cstr("\u{301}c").as_ptr());
        check!(uiAttributedStringNumGraphemes(s) == 3, "the mark joined the b");
        uiFreeAttributedString(s);
    }
    Ok(())
}

#[derive(Debug, PartialEq)]
struct Run {
    kind: uiAttributeType,
    start: usize,
    end: usize,
}

unsafe extern "C" fn collect(
    _: *const uiAttributedString,
    a: *const uiAttribute,
    start: usize,
    end: usize,
    data: *mut c_void,
) -> uiForEach {
    let runs = &mut *(data as *mut Vec<Run>);
    runs.push(Run { kind: uiAttributeGetType(a), start, end });
    uiForEachContinue
}

unsafe fn runs(s: *mut uiAttributedString) -> Vec<Run> {
    let mut v: Vec<Run> = Vec::new();
    uiAttributedStringForEachAttribute(s, Some(collect), &mut v as *mut Vec<Run> as *mut c_void);
    v
}

fn run(kind: uiAttributeType, start: usize, end: usize) -> Run {
    Run { kind, start, end }
}

fn edits() -> CaseResult {
    unsafe {
        let s = new_string("hello world");
        uiAttributedStringSetAttribute(s, uiNewWeightAttribute(uiTextWeightBold), 0, 5);
        uiAttributedStringSetAttribute(s, uiNewColorAttribute(1.0, 0.0, 0.0, 1.0), 6, 11);
        check!(runs(s) == vec![run(uiAttributeTypeWeight, 0, 5), run(uiAttributeTypeColor, 6, 11)], "{:?}", runs(s));
        // Inserting inside the bold run splits it around the new, unattributed text.
        uiAttributedStringInsertAtUnattributed(s, cstr("XY").as_ptr(), 2);
        check!(text_of(s) == "heXYllo world");
        check!(
            runs(s)
                == vec![
                    run(uiAttributeTypeWeight, 0, 2),
                    run(uiAttributeTypeWeight, 4, 7),
                    run(uiAttributeTypeColor, 8, 13)
                ],
            "after insert: {:?}",
            runs(s)
        );
        // Deleting across the gap and into the colour run shrinks both.
        uiAttributedStringDelete(s, 5, 10);
        check!(text_of(s) == "heXYlrld", "{}", text_of(s));
        check!(
            runs(s)
                == vec![
                    run(uiAttributeTypeWeight, 0, 2),
                    run(uiAttributeTypeWeight, 4, 5),
                    run(uiAttributeTypeColor, 5, 8)
                ],
            "after delete: {:?}",
            runs(s)
        );
        // A run wholly deleted goes; an attribute of the same type replaces the old one in its range.
        uiAttributedStringDelete(s, 4, 5);
        uiAttributedStringSetAttribute(s, uiNewColorAttribute(0.0, 0.0, 1.0, 1.0), 6, 7);
        check!(
            runs(s)
                == vec![
                    run(uiAttributeTypeWeight, 0, 2),
                    run(uiAttributeTypeColor, 4, 6),
                    run(uiAttributeTypeColor, 6, 7)
                ],
            "after replace: {:?}",
            runs(s)
        );
        // Appending adds unattributed text.
        uiAttributedStringAppendUnattributed(s, cstr("!").as_ptr());
        check!(uiAttributedStringLen(s) == 8 && text_of(s).ends_with('!'));
        check!(runs(s).last().map(|r| r.end) == Some(7), "{:?}", runs(s));
        uiFreeAttributedString(s);
    }
    Ok(())
}

unsafe extern "C" fn stop_after_two(
    _: *const uiAttributedString,
    _: *const uiAttribute,
    _: usize,
    _: usize,
    data: *mut c_void,
) -> uiForEach {
    let n = &mut *(data as *mut usize);
    *n += 1;
    if *n == 2 {
        uiForEachStop
    } else {
        uiForEachContinue
    }
}

unsafe extern "C" fn count_features(
    _: *const uiOpenTypeFeatures,
    a: c_char,
    b: c_char,
    c: c_char,
    d: c_char,
    v: u32,
    data: *mut c_void,
) -> uiForEach {
    let seen = &mut *(data as *mut Vec<(String, u32)>);
    seen.push(([a, b, c, d].iter().map(|&x| x as u8 as char).collect(), v));
    if seen.len() == 2 {
        uiForEachStop
    } else {
        uiForEachContinue
    }
}

fn foreach_stops() -> CaseResult {
    unsafe {
        let s = new_string("abcdef");
        for i in 0..4 {
            uiAttributedStringSetAttribute(s, uiNewItalicAttribute(uiTextItalicItalic), i, i + 1);
        }
        let mut n = 0usize;
        uiAttributedStringForEachAttribute(s, Some(stop_after_two), &mut n as *mut usize as *mut c_void);
        check!(n == 2, "the callback ran {n} times after asking to stop at 2");
        uiFreeAttributedString(s);

        let otf = uiNewOpenTypeFeatures();
        for (tag, v) in [(b"liga", 0u32), (b"kern", 1), (b"ss01", 1)] {
            uiOpenTypeFeaturesAdd(otf, tag[0] as c_char, tag[1] as c_char, tag[2] as c_char, tag[3] as c_char, v);
        }
        let mut seen: Vec<(String, u32)> = Vec::new();
        uiOpenTypeFeaturesForEach(otf, Some(count_features), &mut seen as *mut _ as *mut c_void);
        check!(seen == vec![("liga".to_string(), 0), ("kern".to_string(), 1)], "{seen:?}");
        uiFreeOpenTypeFeatures(otf);
    }
    Ok(())
}

fn tag(otf: *const uiOpenTypeFeatures, t: &[u8; 4]) -> Option<u32> {
    let mut v = 0u32;
    let found =
        unsafe { uiOpenTypeFeaturesGet(otf, t[0] as c_char, t[1] as c_char, t[2] as c_char, t[3] as c_char, &mut v) };
    (found != 0).then_some(v)
}

fn attribute_values() -> CaseResult {
    unsafe {
        let fam = uiNewFamilyAttribute(cstr(FAMILY).as_ptr());
        check!(uiAttributeGetType(fam) == uiAttributeTypeFamily);
        check!(CStr::from_ptr(uiAttributeFamily(fam)).to_str() == Ok(FAMILY));
        uiFreeAttribute(fam);
        let size = uiNewSizeAttribute(18.5);
        check!(uiAttributeSize(size) == 18.5);
        uiFreeAttribute(size);
        let w = uiNewWeightAttribute(uiTextWeightSemiBold);
        check!(uiAttributeWeight(w) == uiTextWeightSemiBold);
        uiFreeAttribute(w);
        let st = uiNewStretchAttribute(uiTextStretchCondensed);
        check!(uiAttributeStretch(st) == uiTextStretchCondensed);
        uiFreeAttribute(st);
        let u = uiNewUnderlineAttribute(uiUnderlineDouble);
        check!(uiAttributeUnderline(u) == uiUnderlineDouble);
        uiFreeAttribute(u);
        let bg = uiNewBackgroundAttribute(0.25, 0.5, 0.75, 1.0);
        let (mut r, mut g, mut b, mut a) = (0.0, 0.0, 0.0, 0.0);
        uiAttributeColor(bg, &mut r, &mut g, &mut b, &mut a);
        check!((r, g, b, a) == (0.25, 0.5, 0.75, 1.0));
        uiFreeAttribute(bg);
        let uc = uiNewUnderlineColorAttribute(uiUnderlineColorSpelling, 0.3, 0.3, 0.3, 1.0);
        let mut kind = 99;
        uiAttributeUnderlineColor(uc, &mut kind, &mut r, &mut g, &mut b, &mut a);
        check!(
            kind == uiUnderlineColorSpelling && (r, g, b, a) == (0.0, 0.0, 0.0, 0.0),
            "a platform colour carries no rgba"
        );
        uiFreeAttribute(uc);

        // Features: add replaces, remove removes, the attribute keeps its own copy.
        let otf = uiNewOpenTypeFeatures();
        uiOpenTypeFeaturesAdd(otf, b'l' as c_char, b'i' as c_char, b'g' as c_char, b'a' as c_char, 1);
        uiOpenTypeFeaturesAdd(otf, b'l' as c_char, b'i' as c_char, b'g' as c_char, b'a' as c_char, 0);
        uiOpenTypeFeaturesAdd(otf, b's' as c_char, b'm' as c_char, b'c' as c_char, b'p' as c_char, 1);
        check!(tag(otf, b"liga") == Some(0) && tag(otf, b"smcp") == Some(1) && tag(otf, b"zero").is_none());
        let attr = uiNewFeaturesAttribute(otf);
        let clone = uiOpenTypeFeaturesClone(otf);
        uiOpenTypeFeaturesRemove(otf, b'l' as c_char, b'i' as c_char, b'g' as c_char, b'a' as c_char);
        check!(tag(otf, b"liga").is_none(), "removed");
        check!(tag(clone, b"liga") == Some(0), "the clone kept liga");
        let held = uiAttributeFeatures(attr);
        check!(tag(held, b"liga") == Some(0), "the attribute kept liga");
        // The attribute's own set cannot be freed or changed through the const pointer it gives out.
        uiFreeOpenTypeFeatures(held as *mut _);
        check!(tag(held, b"smcp") == Some(1), "the attribute's set survived a free");
        uiFreeAttribute(attr);
        uiFreeOpenTypeFeatures(otf);
        uiFreeOpenTypeFeatures(clone);
    }
    Ok(())
}

fn misuse() -> CaseResult {
    unsafe {
        // Invalid UTF-8 becomes U+FFFD; positions inside a character or past the end are refused.
        let s = uiNewAttributedString(c"a\xffb".as_ptr());
        check!(text_of(s) == "a\u{FFFD}b", "{:?}", text_of(s));
        uiAttributedStringInsertAtUnattributed(s, cstr("x").as_ptr(), 2); // inside U+FFFD
        uiAttributedStringDelete(s, 0, 99);
        uiAttributedStringDelete(s, 3, 1);
        check!(text_of(s) == "a\u{FFFD}b", "a refused edit changed the text: {:?}", text_of(s));
        let a = uiNewColorAttribute(0.0, 0.0, 0.0, 1.0);
        uiAttributedStringSetAttribute(s, a, 0, 2); // inside
        check!(runs(s).is_empty(), "an attribute was set over half a character");
        uiAttributedStringSetAttribute(s, a, 0, 1);
        check!(runs(s).len() == 1);
        // Given away: freeing it is refused (the string frees it).
        uiFreeAttribute(a);
        check!(runs(s).len() == 1);
        check!(uiAttributedStringGraphemeToByteIndex(s, 99) == uiAttributedStringLen(s));
        check!(uiAttributedStringByteIndexToGrapheme(s, 99) == uiAttributedStringNumGraphemes(s));
        // Bad values make no attribute.
        check!(
            uiNewSizeAttribute(f64::NAN).is_null()
                && uiNewSizeAttribute(-1.0).is_null()
                && uiNewSizeAttribute(f64::INFINITY).is_null()
        );
        check!(
            uiNewWeightAttribute(1001).is_null()
                && uiNewItalicAttribute(3).is_null()
                && uiNewStretchAttribute(9).is_null()
        );
        check!(uiNewColorAttribute(2.0, 0.0, 0.0, 1.0).is_null() && uiNewUnderlineAttribute(4).is_null());
        check!(uiNewUnderlineColorAttribute(4, 0.0, 0.0, 0.0, 1.0).is_null());
        // NULL everywhere.
        uiAttributedStringSetAttribute(s, null_mut(), 0, 1);
        uiAttributedStringSetAttribute(null_mut(), null_mut(), 0, 1);
        uiAttributedStringForEachAttribute(s, None, null_mut());
        check!(uiAttributedStringString(null_mut()).is_null());
        check!(uiAttributeFamily(null_mut()).is_null());
        // A wrong-type getter.
        let w = uiNewWeightAttribute(uiTextWeightBold);
        check!(uiAttributeSize(w) == 0.0);
        uiFreeAttribute(w);
        // Freed objects are recognised without being read.
        uiFreeAttributedString(s);
        check!(uiAttributedStringLen(s) == 0, "a freed string answered");
        uiFreeAttributedString(s);
        check!(uiAttributeWeight(w) == 0, "a freed attribute answered");
        // A megabyte stays within uiTextLimit.
        let big = "\u{E9}".repeat(1 << 19);
        let s = new_string(&big);
        check!(uiAttributedStringLen(s) <= uiTextLimit as usize && uiAttributedStringLen(s) % 2 == 0);
        uiAttributedStringAppendUnattributed(s, cstr(&big).as_ptr());
        check!(uiAttributedStringLen(s) <= uiTextLimit as usize);
        uiFreeAttributedString(s);
        // Layout parameters.
        check!(uiDrawNewTextLayout(null_mut()).is_null());
        let s = new_string("x");
        let fam = cstr(FAMILY);
        let mut font = uiFontDescriptor {
            Family: fam.as_ptr() as *mut c_char,
            Size: 0.0,
            Weight: uiTextWeightNormal,
            Italic: uiTextItalicNormal,
            Stretch: uiTextStretchNormal,
        };
        let mut p =
            uiDrawTextLayoutParams { String: s, DefaultFont: &mut font, Width: -1.0, Align: uiDrawTextAlignLeft };
        check!(uiDrawNewTextLayout(&mut p).is_null(), "size 0 made a layout");
        (*p.DefaultFont).Size = 12.0;
        p.Width = f64::NAN;
        check!(uiDrawNewTextLayout(&mut p).is_null(), "a NaN width made a layout");
        p.Width = -1.0;
        p.Align = 7;
        check!(uiDrawNewTextLayout(&mut p).is_null(), "a bad alignment made a layout");
        p.Align = uiDrawTextAlignLeft;
        let tl = uiDrawNewTextLayout(&mut p);
        check!(!tl.is_null());
        // The string can go; the layout keeps what it needs.
        uiFreeAttributedString(s);
        let (mut w, mut h) = (0.0, 0.0);
        uiDrawTextLayoutExtents(tl, &mut w, &mut h);
        check!(w > 0.0 && h > 0.0, "{w}x{h} after the string went");
        uiDrawFreeTextLayout(tl);
        uiDrawTextLayoutExtents(tl, &mut w, &mut h);
        check!(w == 0.0 && h == 0.0, "a freed layout answered");
        uiDrawText(null_mut(), tl, 0.0, 0.0);
    }
    Ok(())
}

/// A layout of s (freed here) in DejaVu Sans at size points and weight, wrapped at width (negative: never).
unsafe fn new_layout(s: *mut uiAttributedString, size: f64, weight: uiTextWeight, width: f64) -> *mut uiDrawTextLayout {
    let fam = cstr(FAMILY);
    let mut font = uiFontDescriptor {
        Family: fam.as_ptr() as *mut c_char,
        Size: size,
        Weight: weight,
        Italic: uiTextItalicNormal,
        Stretch: uiTextStretchNormal,
    };
    let mut p = uiDrawTextLayoutParams { String: s, DefaultFont: &mut font, Width: width, Align: uiDrawTextAlignLeft };
    let tl = uiDrawNewTextLayout(&mut p);
    uiFreeAttributedString(s);
    tl
}

/// The extents of text laid out as new_layout does, with attributes set by attrs.
unsafe fn measure(
    text: &str,
    size: f64,
    weight: uiTextWeight,
    width: f64,
    attrs: impl Fn(*mut uiAttributedString),
) -> (f64, f64) {
    let s = new_string(text);
    attrs(s);
    let tl = new_layout(s, size, weight, width);
    if tl.is_null() {
        return (0.0, 0.0);
    }
    extents_of(tl)
}

fn close(got: f64, want: f64, tolerance: f64) -> bool {
    (got - want).abs() <= want * tolerance
}

fn extents() -> CaseResult {
    unsafe {
        let none = |_: *mut uiAttributedString| {};
        let (w, h) = measure(HELLO, 20.0, uiTextWeightNormal, -1.0, none);
        let want_w = HELLO_ADVANCE / 2048.0 * em(20.0);
        let want_h = LINE_HEIGHT_EM * em(20.0);
        check!(close(w, want_w, EXTENT_TOLERANCE), "20 pt width {w:.1}, want {want_w:.1} from the font's advances");
        check!(close(h, want_h, EXTENT_TOLERANCE), "20 pt height {h:.1}, want {want_h:.1} from the font's line height");
        // Twice the size, twice the extents; bold is wider; a size attribute over everything is the same as the default size.
        let (w2, h2) = measure(HELLO, 40.0, uiTextWeightNormal, -1.0, none);
        check!(
            close(w2, 2.0 * w, 0.03) && close(h2, 2.0 * h, 0.03),
            "40 pt: {w2:.1}x{h2:.1} against 20 pt {w:.1}x{h:.1}"
        );
        let (wb, hb) = measure(HELLO, 20.0, uiTextWeightBold, -1.0, none);
        check!(wb > w * 1.05 && close(hb, h, 0.03), "bold {wb:.1}x{hb:.1} against regular {w:.1}x{h:.1}");
        let (wa, ha) = measure(HELLO, 20.0, uiTextWeightNormal, -1.0, |s| {
            uiAttributedStringSetAttribute(s, uiNewSizeAttribute(40.0), 0, HELLO.len());
        });
        check!(close(wa, w2, 0.02) && close(ha, h2, 0.02), "size attribute: {wa:.1}x{ha:.1}, want {w2:.1}x{h2:.1}");
        // Half the text bold: between the two.
        let (wh, _) = measure(HELLO, 20.0, uiTextWeightNormal, -1.0, |s| {
            uiAttributedStringSetAttribute(s, uiNewWeightAttribute(uiTextWeightBold), 0, 5);
        });
        check!(wh > w * 1.01 && wh < wb * 0.99, "half bold {wh:.1} not between {w:.1} and {wb:.1}");
        // Two paragraphs, two lines; a narrow width wraps.
        let (wl, hl) = measure("Hello,\nworld", 20.0, uiTextWeightNormal, -1.0, none);
        check!(close(hl, 2.0 * h, EXTENT_TOLERANCE) && wl < w, "two lines: {wl:.1}x{hl:.1}");
        let (ww, hw) = measure(HELLO, 20.0, uiTextWeightNormal, 100.0, none);
        check!(ww <= 100.5 && close(hw, 2.0 * h, EXTENT_TOLERANCE), "wrapped at 100: {ww:.1}x{hw:.1}");
        let (we, he) = measure("", 20.0, uiTextWeightNormal, -1.0, none);
        check!(we == 0.0 && close(he, h, EXTENT_TOLERANCE), "empty: {we:.1}x{he:.1}");
    }
    Ok(())
}

// ---- drawn text --------------------------------------------------------------------

/// Full blocks (U+2588) fill their advance from ascender to descender: solid colour to sample.
const BLOCKS: &str = "\u{2588}\u{2588}";
const SPACES: &str = "   ";
const TEXT_X: f64 = 10.0;
const BLOCKS_Y: f64 = 10.0;
const SPACES_Y: f64 = 70.0;

unsafe fn layout(text: &str, attrs: &[(*mut uiAttribute, usize, usize)]) -> *mut uiDrawTextLayout {
    let s = new_string(text);
    for &(a, start, end) in attrs {
        uiAttributedStringSetAttribute(s, a, start, end);
    }
    new_layout(s, 24.0, uiTextWeightNormal, -1.0)
}

unsafe fn blocks() -> *mut uiDrawTextLayout {
    layout(BLOCKS, &[(uiNewColorAttribute(1.0, 0.0, 0.0, 1.0), 0, 3)])
}

unsafe fn spaces() -> *mut uiDrawTextLayout {
    layout(SPACES, &[(uiNewBackgroundAttribute(0.0, 0.0, 1.0, 1.0), 0, SPACES.len())])
}

unsafe fn draw_text(c: *mut uiDrawContext) {
    fill_rect(c, 0.0, 0.0, 200.0, 150.0, [255, 255, 255]);
    for (tl, y) in [(blocks(), BLOCKS_Y), (spaces(), SPACES_Y)] {
        uiDrawText(c, tl, TEXT_X, y);
        uiDrawFreeTextLayout(tl);
    }
}

unsafe fn extents_of(tl: *mut uiDrawTextLayout) -> (f64, f64) {
    let (mut w, mut h) = (0.0, 0.0);
    uiDrawTextLayoutExtents(tl, &mut w, &mut h);
    uiDrawFreeTextLayout(tl);
    (w, h)
}

fn drawn() -> CaseResult {
    let (bw, bh, sw, sh) = unsafe {
        let (bw, bh) = extents_of(blocks());
        let (sw, sh) = extents_of(spaces());
        (bw, bh, sw, sh)
    };
    check!(bw > 10.0 && sw > 10.0, "blocks {bw}x{bh}, spaces {sw}x{sh}");
    let at = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    let points = [
        ("first block, red", at(TEXT_X + bw / 4.0, BLOCKS_Y + bh / 2.0)),
        ("second block, black", at(TEXT_X + bw * 3.0 / 4.0, BLOCKS_Y + bh / 2.0)),
        ("right of the blocks", at(TEXT_X + bw + 8.0, BLOCKS_Y + bh / 2.0)),
        ("behind the spaces, blue", at(TEXT_X + sw / 2.0, SPACES_Y + sh / 2.0)),
        ("right of the spaces", at(TEXT_X + sw + 8.0, SPACES_Y + sh / 2.0)),
    ];
    let colours = [[255, 0, 0], [0, 0, 0], [255, 255, 255], [0, 0, 255], [255, 255, 255]];
    let named: Vec<(&str, i32, i32, [u8; 3])> =
        points.iter().zip(colours).map(|(&(n, (x, y)), c)| (n, x, y, c)).collect();
    let (image, renderer) = render(draw_text)?;
    check_points(&image, &named, TOLERANCE, &renderer)?;
    #[cfg(windows)]
    {
        std::env::set_var("LIBUI_AREA_RENDERER", "gdiplus");
        let gdip = render(draw_text);
        std::env::remove_var("LIBUI_AREA_RENDERER");
        let (gdip, r2) = gdip?;
        check!(r2 == "gdiplus", "drawn by {r2}");
        check_points(&gdip, &named, TOLERANCE, "gdiplus")?;
    }
    Ok(())
}

// ---- ink: where glyphs land --------------------------------------------------------

const INK_X: f64 = 10.0;
const REGULAR_Y: f64 = 10.0;
const BOLD_Y: f64 = 60.0;

unsafe fn hello(weight: uiTextWeight) -> *mut uiDrawTextLayout {
    let s = new_string(HELLO);
    // An underline in a colour of its own, and a rotated copy below: looked at in the dumps
    // (AREA_DUMP_DIR), not measured, since the backends place underlines differently.
    uiAttributedStringSetAttribute(s, uiNewUnderlineAttribute(uiUnderlineSingle), 7, 12);
    uiAttributedStringSetAttribute(s, uiNewUnderlineColorAttribute(uiUnderlineColorCustom, 0.0, 0.6, 0.0, 1.0), 7, 12);
    new_layout(s, 20.0, weight, -1.0)
}

unsafe fn draw_hello(c: *mut uiDrawContext) {
    fill_rect(c, 0.0, 0.0, 200.0, 150.0, [255, 255, 255]);
    for (weight, y) in [(uiTextWeightNormal, REGULAR_Y), (uiTextWeightBold, BOLD_Y)] {
        let tl = hello(weight);
        uiDrawText(c, tl, INK_X, y);
        uiDrawFreeTextLayout(tl);
    }
}

/// Dark pixels (all channels below 128) in each box (x, y, w, h, with 2 pixels of slack), and outside all.
fn dark_pixels(image: &crate::area::Image, boxes: &[(f64, f64, f64, f64)]) -> (Vec<usize>, usize) {
    let (width, height, pixels) = image;
    let mut inside = vec![0; boxes.len()];
    let mut outside = 0;
    for py in 0..*height {
        for px in 0..*width {
            if !pixels[py * width + px].iter().all(|&c| c < 128) {
                continue;
            }
            let (fx, fy) = (px as f64, py as f64);
            match boxes
                .iter()
                .position(|&(x, y, w, h)| fx >= x - 2.0 && fx <= x + w + 2.0 && fy >= y - 2.0 && fy <= y + h + 2.0)
            {
                Some(i) => inside[i] += 1,
                None => outside += 1,
            }
        }
    }
    (inside, outside)
}

fn ink() -> CaseResult {
    let (rw, rh, bw, bh) = unsafe {
        let (rw, rh) = extents_of(hello(uiTextWeightNormal));
        let (bw, bh) = extents_of(hello(uiTextWeightBold));
        (rw, rh, bw, bh)
    };
    let check_image = |image: &crate::area::Image, label: &str| -> CaseResult {
        // The text is cut at the area's right edge (200 px): only what fits is counted.
        let (inside, outside_both) = dark_pixels(image, &[(INK_X, REGULAR_Y, rw, rh), (INK_X, BOLD_Y, bw, bh)]);
        let (regular, bold) = (inside[0], inside[1]);
        check!(regular > 150, "{label}: only {regular} dark pixels in the regular text's box");
        check!(outside_both == 0, "{label}: {outside_both} dark pixels outside both boxes");
        check!(bold * 5 > regular * 6, "{label}: bold has {bold} dark pixels, regular {regular}");
        Ok(())
    };
    let (image, renderer) = render(draw_hello)?;
    check_image(&image, &renderer)?;
    #[cfg(windows)]
    {
        std::env::set_var("LIBUI_AREA_RENDERER", "gdiplus");
        let gdip = render(draw_hello);
        std::env::remove_var("LIBUI_AREA_RENDERER");
        check_image(&gdip?.0, "gdiplus")?;
    }
    Ok(())
}
