//! The uiDrawMatrix functions against hand-computed values, in libui-ng's
//! (cairo's) conventions: row vectors, each call appends its transform.

use std::f64::consts::FRAC_PI_2;
use zt_libui_sys::*;

const EPS: f64 = 1e-9;

fn identity() -> uiDrawMatrix {
    let mut m = uiDrawMatrix { M11: 9.0, M12: 9.0, M21: 9.0, M22: 9.0, M31: 9.0, M32: 9.0 };
    unsafe { uiDrawMatrixSetIdentity(&mut m) };
    m
}

fn point(m: &mut uiDrawMatrix, x: f64, y: f64) -> (f64, f64) {
    let (mut x, mut y) = (x, y);
    unsafe { uiDrawMatrixTransformPoint(m, &mut x, &mut y) };
    (x, y)
}

fn size(m: &mut uiDrawMatrix, x: f64, y: f64) -> (f64, f64) {
    let (mut x, mut y) = (x, y);
    unsafe { uiDrawMatrixTransformSize(m, &mut x, &mut y) };
    (x, y)
}

fn near(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < EPS && (a.1 - b.1).abs() < EPS
}

fn fields(m: &uiDrawMatrix) -> [f64; 6] {
    [m.M11, m.M12, m.M21, m.M22, m.M31, m.M32]
}

#[test]
fn identity_has_libui_ng_layout() {
    assert_eq!(fields(&identity()), [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
}

#[test]
fn translate_scale_rotate_skew_move_points_as_documented() {
    let mut m = identity();
    unsafe { uiDrawMatrixTranslate(&mut m, 10.0, -4.0) };
    assert_eq!(fields(&m), [1.0, 0.0, 0.0, 1.0, 10.0, -4.0]);
    assert!(near(point(&mut m, 1.0, 2.0), (11.0, -2.0)));
    // A size ignores the translation.
    assert!(near(size(&mut m, 3.0, 5.0), (3.0, 5.0)));

    // Scale about (2, 3): the centre stays put, (4, 3) moves to 2 + 2*3.
    let mut s = identity();
    unsafe { uiDrawMatrixScale(&mut s, 2.0, 3.0, 3.0, 0.5) };
    assert!(near(point(&mut s, 2.0, 3.0), (2.0, 3.0)));
    assert!(near(point(&mut s, 4.0, 5.0), (8.0, 4.0)));
    assert!(near(size(&mut s, 1.0, 1.0), (3.0, 0.5)));

    // A quarter turn about (1, 1): +x goes to +y.
    let mut r = identity();
    unsafe { uiDrawMatrixRotate(&mut r, 1.0, 1.0, FRAC_PI_2) };
    assert!(near(point(&mut r, 1.0, 1.0), (1.0, 1.0)));
    assert!(near(point(&mut r, 2.0, 1.0), (1.0, 2.0)));
    assert!(near(size(&mut r, 1.0, 0.0), (0.0, 1.0)));

    // Skew by 45° in x about (0, 2): a point at height y moves right by (y - 2).
    let mut k = identity();
    unsafe { uiDrawMatrixSkew(&mut k, 0.0, 2.0, std::f64::consts::FRAC_PI_4, 0.0) };
    assert!(near(point(&mut k, 5.0, 2.0), (5.0, 2.0)));
    assert!(near(point(&mut k, 5.0, 6.0), (9.0, 6.0)));
    // And in y about (3, 0): a point at x moves down by (x - 3).
    let mut k = identity();
    unsafe { uiDrawMatrixSkew(&mut k, 3.0, 0.0, 0.0, std::f64::consts::FRAC_PI_4) };
    assert!(near(point(&mut k, 7.0, 1.0), (7.0, 5.0)));
}

#[test]
fn later_calls_apply_after_earlier_ones() {
    // Translate then scale: the translation is scaled too.
    let mut m = identity();
    unsafe {
        uiDrawMatrixTranslate(&mut m, 1.0, 0.0);
        uiDrawMatrixScale(&mut m, 0.0, 0.0, 2.0, 2.0);
    }
    assert!(near(point(&mut m, 0.0, 0.0), (2.0, 0.0)));
    // Multiply(dest, src) is dest then src.
    let mut a = identity();
    let mut b = identity();
    unsafe {
        uiDrawMatrixRotate(&mut a, 0.0, 0.0, FRAC_PI_2);
        uiDrawMatrixTranslate(&mut b, 10.0, 0.0);
        uiDrawMatrixMultiply(&mut a, &mut b);
    }
    assert!(near(point(&mut a, 1.0, 0.0), (10.0, 1.0)));
}

#[test]
fn inverse_undoes_and_singular_matrices_are_refused() {
    let mut m = identity();
    unsafe {
        uiDrawMatrixRotate(&mut m, 3.0, -1.0, 0.7);
        uiDrawMatrixScale(&mut m, 1.0, 2.0, 4.0, -0.25);
        uiDrawMatrixTranslate(&mut m, -6.0, 8.5);
        uiDrawMatrixSkew(&mut m, 1.0, 1.0, 0.3, -0.2);
    }
    let mut inv = m;
    assert_ne!(unsafe { uiDrawMatrixInvertible(&mut inv) }, 0);
    assert_ne!(unsafe { uiDrawMatrixInvert(&mut inv) }, 0);
    let p = point(&mut m, 3.25, -7.5);
    assert!(near(point(&mut inv, p.0, p.1), (3.25, -7.5)));
    let mut both = m;
    unsafe { uiDrawMatrixMultiply(&mut both, &mut inv) };
    let f = fields(&both);
    for (got, want) in f.iter().zip([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]) {
        assert!((got - want).abs() < EPS, "m then its inverse is not the identity: {f:?}");
    }

    let mut flat = identity();
    unsafe { uiDrawMatrixScale(&mut flat, 0.0, 0.0, 1.0, 0.0) };
    let before = fields(&flat);
    assert_eq!(unsafe { uiDrawMatrixInvertible(&mut flat) }, 0);
    assert_eq!(unsafe { uiDrawMatrixInvert(&mut flat) }, 0);
    assert_eq!(fields(&flat), before, "a failed invert changed the matrix");
    let mut nan = identity();
    nan.M11 = f64::NAN;
    assert_eq!(unsafe { uiDrawMatrixInvertible(&mut nan) }, 0);
}

#[test]
fn null_arguments_are_ignored() {
    let mut m = identity();
    unsafe {
        uiDrawMatrixSetIdentity(std::ptr::null_mut());
        uiDrawMatrixMultiply(&mut m, std::ptr::null_mut());
        uiDrawMatrixTransformPoint(&mut m, std::ptr::null_mut(), std::ptr::null_mut());
        assert_eq!(uiDrawMatrixInvertible(std::ptr::null_mut()), 0);
    }
    assert_eq!(fields(&m), [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
}
