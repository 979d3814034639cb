//! Shared test helpers: one approximate-equality check and a central difference, both
//! independent of the library under test.
#![allow(dead_code, reason = "each test file uses a different subset")]

/// Asserts `|actual − expected| ≤ tol · max(|expected|, 1)`, printing expected, actual and their
/// difference on failure. Equal infinities and two NaNs count as equal.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, tol: f64) {
    if actual == expected || (actual.is_nan() && expected.is_nan()) {
        return;
    }
    let diff = (actual - expected).abs();
    assert!(
        diff <= tol * expected.abs().max(1.0),
        "expected {expected:e}, actual {actual:e}, difference {diff:e} (tolerance {tol:e})"
    );
}

/// Asserts closeness for f32 results (see [`assert_close`]).
#[track_caller]
pub fn assert_close32(actual: f32, expected: f32, tol: f32) {
    assert_close(f64::from(actual), f64::from(expected), f64::from(tol));
}

/// Returns the central difference `(f(x+h) − f(x−h)) / 2h` with `h = 1e-5·max(|x|, 1)`:
/// error about 1e-10 relative for smooth `f`.
pub fn central(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    let h = 1e-5 * x.abs().max(1.0);
    (f(x + h) - f(x - h)) / (2.0 * h)
}

/// Returns the central second difference `(f(x+h) − 2f(x) + f(x−h)) / h²` with
/// `h = 1e-4·max(|x|, 1)`: error about 1e-6 relative for smooth `f`.
pub fn central2(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    let h = 1e-4 * x.abs().max(1.0);
    (f(x + h) - 2.0 * f(x) + f(x - h)) / (h * h)
}
