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
