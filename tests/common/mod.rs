//! Shared test helpers, all independent of the library under test: one family of
//! approximate-equality checks, and central differences and Richardson extrapolation.
//!
//! # The approximate-equality rule
//! Every helper below compares `actual` with `expected` by one rule, in `f64` (an `f32` widens
//! to `f64` exactly, so nothing is lost by comparing there):
//! - `actual == expected` passes (so do equal infinities, and `+0` with `−0`);
//! - otherwise `|actual − expected| ≤ bound` passes, where the [`Tol`] gives the bound:
//!   [`Tol::Mixed`]`(t)` is `t·max(|expected|, 1)` (relative for `|expected| ≥ 1`, absolute
//!   below: for references whose error is absolute near zero, as a finite difference's or a
//!   sum of large terms' is), and [`Tol::Rel`]`(t)` is `t·|expected|` (relative everywhere, so
//!   an expected zero must be met exactly: for closed forms that hold their relative accuracy);
//! - nothing else passes. A NaN never does: where NaN is the expected result, the test says so
//!   with `is_nan()`.
//!
//! On failure the message gives the expected value, the actual value, their difference and the
//! bound, after what was compared (an element's index, or the caller's description).
//! [`assert_close`], [`assert_vec_close`] and [`assert_mat_close`] use `Mixed`;
//! [`assert_within`] takes the kind and a description of what is compared; [`check_close`] is
//! the rule as a `Result`, for property tests that report rather than panic.
#![allow(dead_code, reason = "each test file uses a different subset")]

use core::fmt::{self, Display, LowerExp};
use dualdiff::Real;
use nalgebra::{DMatrix, Scalar};

/// A float width under test, `f32` or `f64`: widens to `f64` exactly for the comparisons, and
/// takes its references rounded from `f64` closed forms.
pub trait Width: Real<Primitive = Self> + Into<f64> + LowerExp + Scalar {
    /// The width's name, for messages and test modules: `"f32"` or `"f64"`.
    const NAME: &'static str;

    /// Rounds an `f64` (a reference, or a test point) to the nearest value of this width.
    fn nearest(x: f64) -> Self;

    /// Picks this width's entry from a tolerance written for both widths.
    fn tol(for_f64: f64, for_f32: f32) -> Self;
}

impl Width for f64 {
    const NAME: &'static str = "f64";

    fn nearest(x: f64) -> Self {
        x
    }

    fn tol(for_f64: f64, _for_f32: f32) -> Self {
        for_f64
    }
}

impl Width for f32 {
    const NAME: &'static str = "f32";

    #[allow(
        clippy::cast_possible_truncation,
        reason = "rounding to the nearest f32 is the point"
    )]
    fn nearest(x: f64) -> Self {
        x as f32
    }

    fn tol(_for_f64: f64, for_f32: f32) -> Self {
        for_f32
    }
}

/// How far from the expected value an actual value may be (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tol {
    /// `|actual − expected| ≤ t·|expected|`.
    Rel(f64),
    /// `|actual − expected| ≤ t·max(|expected|, 1)`.
    Mixed(f64),
}

impl Tol {
    /// The largest difference allowed from `expected`.
    fn bound(self, expected: f64) -> f64 {
        match self {
            Self::Rel(t) => t * expected.abs(),
            Self::Mixed(t) => t * expected.abs().max(1.0),
        }
    }
}

impl Display for Tol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Rel(t) => write!(f, "{t:e}·|expected|"),
            Self::Mixed(t) => write!(f, "{t:e}·max(|expected|, 1)"),
        }
    }
}

/// Returns `Ok` if `actual` is within `tol` of `expected` by the module's rule, or else the
/// failure message: what was compared, expected, actual, their difference and the bound.
pub fn check_close<F: Width>(
    what: impl Display,
    actual: F,
    expected: F,
    tol: Tol,
) -> Result<(), String> {
    let (a, e): (f64, f64) = (actual.into(), expected.into());
    let diff = (a - e).abs();
    let bound = tol.bound(e);
    if a == e || diff <= bound {
        Ok(())
    } else {
        Err(format!(
            "{what}: expected {e:e}, actual {a:e}, difference {diff:e} \
             (allowed {bound:e} = {tol})"
        ))
    }
}

/// Asserts `actual` is within `tol` of `expected`, naming `what` in the failure message.
#[track_caller]
pub fn assert_within<F: Width>(what: impl Display, actual: F, expected: F, tol: Tol) {
    if let Err(message) = check_close(what, actual, expected, tol) {
        panic!("{message}");
    }
}

/// Asserts `|actual − expected| ≤ tol·max(|expected|, 1)` (or `actual == expected`).
#[track_caller]
pub fn assert_close<F: Width>(actual: F, expected: F, tol: F) {
    assert_within("not close", actual, expected, Tol::Mixed(tol.into()));
}

/// Asserts the slices have one length and every element is [`assert_close`] to its partner.
#[track_caller]
pub fn assert_vec_close<F: Width>(actual: &[F], expected: &[F], tol: F) {
    assert_eq!(
        actual.len(),
        expected.len(),
        "lengths differ: actual {actual:?}, expected {expected:?}"
    );
    for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        assert_within(format_args!("element [{i}]"), a, e, Tol::Mixed(tol.into()));
    }
}

/// Asserts the matrices have one shape and every entry is [`assert_close`] to its partner.
#[track_caller]
pub fn assert_mat_close<F: Width>(actual: &DMatrix<F>, expected: &DMatrix<F>, tol: F) {
    assert_eq!(
        actual.shape(),
        expected.shape(),
        "shapes differ: actual {actual}, expected {expected}"
    );
    for j in 0..expected.ncols() {
        for i in 0..expected.nrows() {
            assert_within(
                format_args!("entry ({i}, {j})"),
                actual[(i, j)],
                expected[(i, j)],
                Tol::Mixed(tol.into()),
            );
        }
    }
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

/// A derivative estimated by Richardson extrapolation, with the extrapolation's own estimate of
/// its error.
#[derive(Clone, Copy, Debug)]
pub struct Estimate {
    pub value: f64,
    pub error: f64,
}

/// Returns the first (`order = 1`) or second (`order = 2`) derivative of `f` at `x` by
/// Richardson extrapolation of central differences (Ridders' scheme), independent of the
/// library under test. The step shrinks by 1.4 at each level, and each new difference quotient
/// is extrapolated against the previous ones (both quotients have errors even in `h`, so each
/// level removes the next power of `h²`); the answer is the tableau entry with the smallest
/// error estimate. Three starting steps, `10⁻¹`, `10⁻²` and `10⁻³` times `max(|x|, 1)`, cover
/// both gently varying functions and ones that change quickly near `x`; the best of the three
/// is returned.
pub fn richardson(f: impl Fn(f64) -> f64, x: f64, order: u8) -> Estimate {
    [1e-1, 1e-2, 1e-3]
        .into_iter()
        .map(|scale| ridders(&f, x, order, scale * x.abs().max(1.0)))
        .min_by(|a, b| a.error.total_cmp(&b.error))
        .expect("three starting steps")
}

/// One Ridders extrapolation from the starting step `h` (quartered until `f` is finite on the
/// whole stencil); it stops once the error grows (round-off has taken over).
fn ridders(f: impl Fn(f64) -> f64, x: f64, order: u8, mut h: f64) -> Estimate {
    const SHRINK: f64 = 1.4;
    const LEVELS: usize = 12;
    let fx = f(x);
    let quotient = |h: f64| {
        let (up, down) = (f(x + h), f(x - h));
        if order == 1 {
            (up - down) / (2.0 * h)
        } else {
            (up - 2.0 * fx + down) / (h * h)
        }
    };
    let floor = 1e-8 * x.abs().max(1.0);
    while !quotient(h).is_finite() && h > floor {
        h /= 4.0;
    }
    // table[j][i]: the quotient at the i-th step extrapolated j times.
    let mut table = [[0.0; LEVELS]; LEVELS];
    table[0][0] = quotient(h);
    let mut best = Estimate {
        value: table[0][0],
        error: f64::INFINITY,
    };
    for i in 1..LEVELS {
        h /= SHRINK;
        table[0][i] = quotient(h);
        let mut factor = SHRINK * SHRINK;
        for j in 1..=i {
            table[j][i] = (table[j - 1][i] * factor - table[j - 1][i - 1]) / (factor - 1.0);
            factor *= SHRINK * SHRINK;
            let error = (table[j][i] - table[j - 1][i])
                .abs()
                .max((table[j][i] - table[j - 1][i - 1]).abs());
            if error <= best.error {
                best = Estimate {
                    value: table[j][i],
                    error,
                };
            }
        }
        if (table[i][i] - table[i - 1][i - 1]).abs() >= 2.0 * best.error {
            break;
        }
    }
    best
}
