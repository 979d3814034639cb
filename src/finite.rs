//! Finite-difference derivatives, for checking automatic differentiation.
//!
//! Every function here approximates a derivative from function values
//! alone, so it works on any `Fn(T) -> T`, `Fn(&[T]) -> T` or
//! `Fn(&[T]) -> Vec<T>` closure, where `T` is any [`num_traits::Float`]
//! type (`f32`, `f64`, ...). The intended use is to cross-check exact
//! derivatives computed by other means (dual numbers, hand derivations)
//! via [`check_gradient`] and [`check_jacobian`].
//!
//! | Method | Real | Gradient | Jacobian | Truncation error | Step `h` (with `s = max(\|x\|, 1)`) | Evaluations per coordinate |
//! |---|---|---|---|---|---|---|
//! | forward | [`forward`] | [`gradient_forward`] | [`jacobian_forward`] | O(h) | `sqrt(eps) * s` | 1 (+1 shared) |
//! | central | [`central`] | [`gradient_central`] | [`jacobian_central`] | O(h²) | `cbrt(eps) * s` | 2 |
//! | Richardson | [`richardson`] | [`gradient_richardson`] | [`jacobian_richardson`] | O(h⁸) | `eps^(1/8) * s`, halved 3 times | 8 |
//! | second derivative | [`second_central`] | — | — | O(h²) | `eps^(1/4) * s` | 3 |
//!
//! Here `eps` is [`Float::epsilon`] of `T`. Each step is chosen to balance
//! truncation error against rounding error, so with `f64` the forward
//! difference is good to roughly 8 significant digits, the central
//! difference to roughly 10, Richardson extrapolation to roughly 13 and
//! the second difference to roughly 7, for smooth functions whose natural
//! length scale is about `max(|x|, 1)`. Functions that vary much faster
//! than that (for example `sin(1000 x)`) need a smaller step than these
//! rules pick and are approximated less accurately.
//!
//! The gradient functions have allocation-free `_into` twins
//! ([`gradient_forward_into`], [`gradient_central_into`],
//! [`gradient_richardson_into`]) that take a scratch buffer and an output
//! buffer.
//!
//! # Non-finite values
//!
//! No function here panics because of arithmetic on NaN or infinite
//! values. A NaN argument, or a closure that returns NaN, yields NaN in
//! the affected derivatives; an infinite argument yields NaN (the step
//! becomes infinite and `inf - inf` is NaN). Steps are made exactly
//! representable by evaluating at `x + h` and `x - h` and dividing by the
//! distance actually travelled, so a finite `x` never produces a zero
//! step.
//!
//! # Example
//!
//! ```
//! use dualdiff::finite;
//!
//! let f = |x: f64| x.exp() * x.sin();
//! let exact = 1.0_f64.exp() * (1.0_f64.sin() + 1.0_f64.cos());
//! assert!((finite::central(f, 1.0) - exact).abs() < 1e-9 * exact.abs());
//! assert!((finite::richardson(f, 1.0) - exact).abs() < 1e-12 * exact.abs());
//!
//! // Checking a hand-written gradient of f(x, y) = x^2 y.
//! let g = |v: &[f64]| v[0] * v[0] * v[1];
//! let x = [3.0, 2.0];
//! let check = finite::check_gradient(g, &x, &[2.0 * 3.0 * 2.0, 9.0]);
//! assert!(check.passes(1e-10), "{check}");
//! ```
#![forbid(unsafe_code)]

use core::fmt;

use ::num_traits::Float;
#[cfg(feature = "alloc")]
use alloc::{vec, vec::Vec};
#[cfg(feature = "alloc")]
use nalgebra::DMatrix;

/// Number of central differences combined by Richardson extrapolation.
const LEVELS: usize = 4;

// ---------------------------------------------------------------------------
// Step rules and kernels shared by the scalar, gradient and Jacobian drivers.
// ---------------------------------------------------------------------------

/// Returns `max(|x|, 1)`, the scale that step sizes are proportional to.
///
/// `Float::max` ignores a NaN operand, so a NaN `x` gives a scale of one
/// and the NaN propagates through `x + h` instead.
#[inline]
fn scale<T: Float>(x: T) -> T {
    x.abs().max(T::one())
}

/// Returns the forward-difference evaluation point `x + h` and the exactly
/// representable step `(x + h) - x`.
#[inline]
fn forward_step<T: Float>(x: T) -> (T, T) {
    let h = T::epsilon().sqrt() * scale(x);
    let xp = x + h;
    (xp, xp - x)
}

/// Returns the central-difference evaluation points `x + h` and `x - h`
/// for the step `h = c * max(|x|, 1)`.
#[inline]
fn central_points<T: Float>(x: T, c: T) -> (T, T) {
    let h = c * scale(x);
    (x + h, x - h)
}

/// Returns the Richardson evaluation point pairs `(x + h_k, x - h_k)` for
/// `h_k = eps^(1/8) * max(|x|, 1) / 2^k`, `k = 0..LEVELS`.
#[inline]
fn richardson_points<T: Float>(x: T) -> [(T, T); LEVELS] {
    let half = T::one() / (T::one() + T::one());
    let mut h = T::epsilon().sqrt().sqrt().sqrt() * scale(x);
    let mut points = [(x, x); LEVELS];
    for p in &mut points {
        *p = (x + h, x - h);
        h = h * half;
    }
    points
}

/// Combines central differences at steps `h, h/2, h/4, h/8` (in that
/// order) by Richardson extrapolation, eliminating the `h²`, `h⁴` and `h⁶`
/// error terms. Returns the extrapolated value.
#[inline]
fn extrapolate<T: Float>(mut d: [T; LEVELS]) -> T {
    let four = (T::one() + T::one()) * (T::one() + T::one());
    let mut factor = four;
    for stage in 1..LEVELS {
        // Update in place from the finest level down so that `d[k - 1]`
        // still holds the previous stage's value when `d[k]` is updated.
        for k in (stage..LEVELS).rev() {
            d[k] = d[k] + (d[k] - d[k - 1]) / (factor - T::one());
        }
        factor = factor * four;
    }
    d[LEVELS - 1]
}

/// Forward difference of `g` at `x`, given `fx = g(x)`.
#[inline]
fn forward_kernel<T: Float>(mut g: impl FnMut(T) -> T, x: T, fx: T) -> T {
    let (xp, h) = forward_step(x);
    (g(xp) - fx) / h
}

/// Central difference of `g` at `x`.
#[inline]
fn central_kernel<T: Float>(mut g: impl FnMut(T) -> T, x: T) -> T {
    let (xp, xm) = central_points(x, T::epsilon().cbrt());
    (g(xp) - g(xm)) / (xp - xm)
}

/// Richardson-extrapolated central difference of `g` at `x`.
#[inline]
fn richardson_kernel<T: Float>(mut g: impl FnMut(T) -> T, x: T) -> T {
    let points = richardson_points(x);
    let mut d = [T::zero(); LEVELS];
    for (dk, &(xp, xm)) in d.iter_mut().zip(&points) {
        *dk = (g(xp) - g(xm)) / (xp - xm);
    }
    extrapolate(d)
}

/// Evaluates `f` with coordinate `i` of `work` set to `t`, then restores
/// that coordinate to `xi`.
#[inline]
fn eval_at<T: Copy, R>(f: &impl Fn(&[T]) -> R, work: &mut [T], i: usize, xi: T, t: T) -> R {
    work[i] = t;
    let value = f(work);
    work[i] = xi;
    value
}

/// Panics unless the scratch and output buffers both have `x.len()` elements.
#[track_caller]
fn check_buffers<T>(name: &str, x: &[T], work: &[T], grad: &[T]) {
    assert!(
        work.len() == x.len(),
        "finite::{name}: `work` has length {} but `x` has length {}; they must be equal",
        work.len(),
        x.len()
    );
    assert!(
        grad.len() == x.len(),
        "finite::{name}: `grad` has length {} but `x` has length {}; they must be equal",
        grad.len(),
        x.len()
    );
}

/// Evaluates a vector-valued `f` at `work` with coordinate `j` set to `t`.
///
/// The first call records the output length in `rows`; later calls panic
/// if `f` returns a different number of outputs.
#[cfg(feature = "alloc")]
#[track_caller]
fn eval_vec_at<T: Copy>(
    name: &str,
    f: &impl Fn(&[T]) -> Vec<T>,
    work: &mut [T],
    (j, xj, t): (usize, T, T),
    rows: &mut Option<usize>,
) -> Vec<T> {
    let value = eval_at(f, work, j, xj, t);
    let m = *rows.get_or_insert(value.len());
    assert!(
        value.len() == m,
        "finite::{name}: `f` returned {} outputs when coordinate {j} was perturbed \
         but {m} outputs at an earlier evaluation; `f` must always return the same number of outputs",
        value.len()
    );
    value
}

/// Builds an `m × n` Jacobian from `column`, which appends column `j`
/// (of length `m`) to the buffer it is given and records `m` in `rows`.
/// When `n == 0` and `rows` is still unknown, `m` is taken from `f(x)`.
#[cfg(feature = "alloc")]
fn assemble_jacobian<T: Float + nalgebra::Scalar>(
    f: &impl Fn(&[T]) -> Vec<T>,
    x: &[T],
    mut rows: Option<usize>,
    mut column: impl FnMut(usize, &mut Option<usize>, &mut Vec<T>),
) -> DMatrix<T> {
    let n = x.len();
    let mut data = Vec::new();
    for j in 0..n {
        column(j, &mut rows, &mut data);
    }
    let m = rows.unwrap_or_else(|| f(x).len());
    DMatrix::from_vec(m, n, data)
}

// ---------------------------------------------------------------------------
// Real derivatives.
// ---------------------------------------------------------------------------

/// Returns the forward difference `(f(x + h) - f(x)) / h`, an O(h)
/// approximation of `f'(x)`.
///
/// The step is `h = sqrt(eps) * max(|x|, 1)`, made exactly representable
/// as `h = (x + h) - x`. With `f64` the result typically has a relative
/// error around `1e-8`. Uses two evaluations of `f`.
///
/// A NaN `x`, or an `f` returning NaN, gives NaN; an infinite `x` gives NaN.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let d = finite::forward(|x: f64| x * x, 3.0);
/// assert!((d - 6.0).abs() < 1e-6);
/// ```
#[must_use]
#[inline]
pub fn forward<T: Float>(f: impl Fn(T) -> T, x: T) -> T {
    forward_kernel(&f, x, f(x))
}

/// Returns the central difference `(f(x + h) - f(x - h)) / (2h)`, an
/// O(h²) approximation of `f'(x)`.
///
/// The step is `h = cbrt(eps) * max(|x|, 1)`; the quotient divides by the
/// distance `(x + h) - (x - h)` actually travelled. With `f64` the result
/// typically has a relative error around `1e-10`. The formula is exact
/// (up to rounding) for quadratics. Uses two evaluations of `f`.
///
/// A NaN `x`, or an `f` returning NaN, gives NaN; an infinite `x` gives NaN.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let d = finite::central(f64::sin, 0.5);
/// assert!((d - 0.5_f64.cos()).abs() < 1e-10);
/// ```
#[must_use]
#[inline]
pub fn central<T: Float>(f: impl Fn(T) -> T, x: T) -> T {
    central_kernel(f, x)
}

/// Returns the Richardson-extrapolated central difference, an O(h⁸)
/// approximation of `f'(x)`.
///
/// Central differences are taken at the four steps `h, h/2, h/4, h/8`
/// with `h = eps^(1/8) * max(|x|, 1)` (about `0.011 * max(|x|, 1)` for
/// `f64`), each divided by the distance actually travelled, and combined
/// by three stages of Richardson extrapolation that cancel the `h²`, `h⁴`
/// and `h⁶` error terms. With `f64` the result typically has a relative
/// error around `1e-13` for smooth functions such as `exp` and `sin`, and
/// it is exact (up to rounding) for polynomials of degree at most 8. Uses
/// eight evaluations of `f`.
///
/// A NaN `x`, or an `f` returning NaN, gives NaN; an infinite `x` gives NaN.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let d = finite::richardson(f64::exp, 1.0);
/// let exact = 1.0_f64.exp();
/// assert!((d - exact).abs() < 1e-12 * exact);
/// ```
#[must_use]
#[inline]
pub fn richardson<T: Float>(f: impl Fn(T) -> T, x: T) -> T {
    richardson_kernel(f, x)
}

/// Returns the second central difference
/// `(f(x + h) - 2 f(x) + f(x - h)) / h²`, an O(h²) approximation of
/// `f''(x)`.
///
/// The step is `h = eps^(1/4) * max(|x|, 1)`. The distances `h₊ = (x + h) - x`
/// and `h₋ = x - (x - h)` actually travelled are used in the general
/// three-point formula `2 ((f₊ - f₀)/h₊ - (f₀ - f₋)/h₋) / (h₊ + h₋)`. With
/// `f64` the result typically has a relative error around `1e-7`; the
/// formula is exact (up to rounding) for cubics. Uses three evaluations
/// of `f`.
///
/// A NaN `x`, or an `f` returning NaN, gives NaN; an infinite `x` gives NaN.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let d2 = finite::second_central(f64::sin, 1.0);
/// assert!((d2 + 1.0_f64.sin()).abs() < 1e-6);
/// ```
#[must_use]
#[inline]
pub fn second_central<T: Float>(f: impl Fn(T) -> T, x: T) -> T {
    let (xp, xm) = central_points(x, T::epsilon().sqrt().sqrt());
    let hp = xp - x;
    let hm = x - xm;
    let f0 = f(x);
    let two = T::one() + T::one();
    two * ((f(xp) - f0) / hp - (f0 - f(xm)) / hm) / (hp + hm)
}

// ---------------------------------------------------------------------------
// Gradients.
// ---------------------------------------------------------------------------

/// Writes the forward-difference gradient of `f` at `x` into `grad`,
/// without allocating.
///
/// Component `i` is [`forward`] applied along coordinate `i`: O(h) error
/// with `h = sqrt(eps) * max(|x[i]|, 1)`. `work` is scratch space: it is
/// overwritten with a copy of `x` and holds `x` again on return. Uses
/// `n + 1` evaluations of `f`.
///
/// A NaN or infinite coordinate, or an `f` returning NaN, gives NaN in
/// the affected components (no panic).
///
/// # Panics
///
/// Panics if `work.len()` or `grad.len()` differs from `x.len()`.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let f = |v: &[f64]| v[0] * v[1];
/// let x = [2.0, 5.0];
/// let mut work = [0.0; 2];
/// let mut grad = [0.0; 2];
/// finite::gradient_forward_into(f, &x, &mut work, &mut grad);
/// assert!((grad[0] - 5.0).abs() < 1e-6 && (grad[1] - 2.0).abs() < 1e-6);
/// ```
pub fn gradient_forward_into<T: Float>(
    f: impl Fn(&[T]) -> T,
    x: &[T],
    work: &mut [T],
    grad: &mut [T],
) {
    check_buffers("gradient_forward_into", x, work, grad);
    work.copy_from_slice(x);
    let fx = f(work);
    for (i, (g, &xi)) in grad.iter_mut().zip(x).enumerate() {
        *g = forward_kernel(|t| eval_at(&f, work, i, xi, t), xi, fx);
    }
}

/// Writes the central-difference gradient of `f` at `x` into `grad`,
/// without allocating.
///
/// Component `i` is [`central`] applied along coordinate `i`: O(h²) error
/// with `h = cbrt(eps) * max(|x[i]|, 1)`. `work` is scratch space: it is
/// overwritten with a copy of `x` and holds `x` again on return. Uses
/// `2n` evaluations of `f`.
///
/// A NaN or infinite coordinate, or an `f` returning NaN, gives NaN in
/// the affected components (no panic).
///
/// # Panics
///
/// Panics if `work.len()` or `grad.len()` differs from `x.len()`.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let f = |v: &[f64]| v[0] * v[0] + 3.0 * v[1];
/// let x = [2.0, 5.0];
/// let mut work = [0.0; 2];
/// let mut grad = [0.0; 2];
/// finite::gradient_central_into(f, &x, &mut work, &mut grad);
/// assert!((grad[0] - 4.0).abs() < 1e-9 && (grad[1] - 3.0).abs() < 1e-9);
/// ```
pub fn gradient_central_into<T: Float>(
    f: impl Fn(&[T]) -> T,
    x: &[T],
    work: &mut [T],
    grad: &mut [T],
) {
    check_buffers("gradient_central_into", x, work, grad);
    work.copy_from_slice(x);
    for (i, (g, &xi)) in grad.iter_mut().zip(x).enumerate() {
        *g = central_kernel(|t| eval_at(&f, work, i, xi, t), xi);
    }
}

/// Writes the Richardson-extrapolated gradient of `f` at `x` into `grad`,
/// without allocating.
///
/// Component `i` is [`richardson`] applied along coordinate `i`: O(h⁸)
/// error with initial step `h = eps^(1/8) * max(|x[i]|, 1)`, halved three
/// times. `work` is scratch space: it is overwritten with a copy of `x`
/// and holds `x` again on return. Uses `8n` evaluations of `f`.
///
/// A NaN or infinite coordinate, or an `f` returning NaN, gives NaN in
/// the affected components (no panic).
///
/// # Panics
///
/// Panics if `work.len()` or `grad.len()` differs from `x.len()`.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let f = |v: &[f64]| v[0].exp() * v[1];
/// let x = [1.0, 2.0];
/// let mut work = [0.0; 2];
/// let mut grad = [0.0; 2];
/// finite::gradient_richardson_into(f, &x, &mut work, &mut grad);
/// let e = 1.0_f64.exp();
/// assert!((grad[0] - 2.0 * e).abs() < 1e-12 * 2.0 * e);
/// assert!((grad[1] - e).abs() < 1e-12 * e);
/// ```
pub fn gradient_richardson_into<T: Float>(
    f: impl Fn(&[T]) -> T,
    x: &[T],
    work: &mut [T],
    grad: &mut [T],
) {
    check_buffers("gradient_richardson_into", x, work, grad);
    work.copy_from_slice(x);
    for (i, (g, &xi)) in grad.iter_mut().zip(x).enumerate() {
        *g = richardson_kernel(|t| eval_at(&f, work, i, xi, t), xi);
    }
}

/// Returns the forward-difference gradient of `f` at `x`.
///
/// Allocating version of [`gradient_forward_into`]: O(h) error with
/// `h = sqrt(eps) * max(|x[i]|, 1)` per coordinate, `n + 1` evaluations
/// of `f`. A NaN or infinite coordinate, or an `f` returning NaN, gives
/// NaN in the affected components (no panic).
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let g = finite::gradient_forward(|v: &[f64]| v[0] * v[1], &[2.0, 5.0]);
/// assert!((g[0] - 5.0).abs() < 1e-6 && (g[1] - 2.0).abs() < 1e-6);
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn gradient_forward<T: Float>(f: impl Fn(&[T]) -> T, x: &[T]) -> Vec<T> {
    let mut work = x.to_vec();
    let mut grad = vec![T::zero(); x.len()];
    gradient_forward_into(f, x, &mut work, &mut grad);
    grad
}

/// Returns the central-difference gradient of `f` at `x`.
///
/// Allocating version of [`gradient_central_into`]: O(h²) error with
/// `h = cbrt(eps) * max(|x[i]|, 1)` per coordinate, `2n` evaluations of
/// `f`. A NaN or infinite coordinate, or an `f` returning NaN, gives NaN
/// in the affected components (no panic).
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let g = finite::gradient_central(|v: &[f64]| v[0].sin() + v[1] * v[1], &[0.0, 3.0]);
/// assert!((g[0] - 1.0).abs() < 1e-9 && (g[1] - 6.0).abs() < 1e-9);
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn gradient_central<T: Float>(f: impl Fn(&[T]) -> T, x: &[T]) -> Vec<T> {
    let mut work = x.to_vec();
    let mut grad = vec![T::zero(); x.len()];
    gradient_central_into(f, x, &mut work, &mut grad);
    grad
}

/// Returns the Richardson-extrapolated gradient of `f` at `x`.
///
/// Allocating version of [`gradient_richardson_into`]: O(h⁸) error with
/// initial step `h = eps^(1/8) * max(|x[i]|, 1)` per coordinate, halved
/// three times, `8n` evaluations of `f`. A NaN or infinite coordinate, or
/// an `f` returning NaN, gives NaN in the affected components (no panic).
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let g = finite::gradient_richardson(|v: &[f64]| v[0].exp() + v[1].sin(), &[1.0, 0.0]);
/// assert!((g[0] - 1.0_f64.exp()).abs() < 1e-12 && (g[1] - 1.0).abs() < 1e-12);
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn gradient_richardson<T: Float>(f: impl Fn(&[T]) -> T, x: &[T]) -> Vec<T> {
    let mut work = x.to_vec();
    let mut grad = vec![T::zero(); x.len()];
    gradient_richardson_into(f, x, &mut work, &mut grad);
    grad
}

// ---------------------------------------------------------------------------
// Jacobians.
// ---------------------------------------------------------------------------

/// Returns the forward-difference Jacobian of `f` at `x` as an `m × n`
/// matrix whose row `i` holds the partial derivatives of output `i`.
///
/// Column `j` is `(f(x + h e_j) - f(x)) / h` with O(h) error and
/// `h = sqrt(eps) * max(|x[j]|, 1)`, made exactly representable. Uses
/// `n + 1` evaluations of `f`. A NaN or infinite coordinate, or an `f`
/// returning NaN, gives NaN in the affected entries (no panic).
///
/// # Panics
///
/// Panics if `f` returns vectors of different lengths at different points.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let f = |v: &[f64]| vec![v[0] * v[1], v[0] + v[1]];
/// let j = finite::jacobian_forward(f, &[2.0, 3.0]);
/// assert_eq!(j.shape(), (2, 2));
/// assert!((j[(0, 0)] - 3.0).abs() < 1e-6 && (j[(0, 1)] - 2.0).abs() < 1e-6);
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn jacobian_forward<T: Float + nalgebra::Scalar>(
    f: impl Fn(&[T]) -> Vec<T>,
    x: &[T],
) -> DMatrix<T> {
    const NAME: &str = "jacobian_forward";
    let mut work = x.to_vec();
    let f0 = f(x);
    assemble_jacobian(&f, x, Some(f0.len()), |j, rows, col| {
        let xj = x[j];
        let (xp, h) = forward_step(xj);
        let fp = eval_vec_at(NAME, &f, &mut work, (j, xj, xp), rows);
        col.extend(fp.iter().zip(&f0).map(|(&a, &b)| (a - b) / h));
    })
}

/// Returns the central-difference Jacobian of `f` at `x` as an `m × n`
/// matrix whose row `i` holds the partial derivatives of output `i`.
///
/// Column `j` is `(f(x + h e_j) - f(x - h e_j)) / (2h)` with O(h²) error
/// and `h = cbrt(eps) * max(|x[j]|, 1)`, dividing by the distance actually
/// travelled. Uses `2n` evaluations of `f` (one more if `n == 0`, to find
/// `m`). A NaN or infinite coordinate, or an `f` returning NaN, gives NaN
/// in the affected entries (no panic).
///
/// # Panics
///
/// Panics if `f` returns vectors of different lengths at different points.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let f = |v: &[f64]| vec![v[0] * v[1], v[0].sin(), v[1] * v[1]];
/// let j = finite::jacobian_central(f, &[2.0, 3.0]);
/// assert_eq!(j.shape(), (3, 2));
/// assert!((j[(1, 0)] - 2.0_f64.cos()).abs() < 1e-9);
/// assert!((j[(2, 1)] - 6.0).abs() < 1e-9);
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn jacobian_central<T: Float + nalgebra::Scalar>(
    f: impl Fn(&[T]) -> Vec<T>,
    x: &[T],
) -> DMatrix<T> {
    const NAME: &str = "jacobian_central";
    let mut work = x.to_vec();
    let c = T::epsilon().cbrt();
    assemble_jacobian(&f, x, None, |j, rows, col| {
        let xj = x[j];
        let (xp, xm) = central_points(xj, c);
        let fp = eval_vec_at(NAME, &f, &mut work, (j, xj, xp), rows);
        let fm = eval_vec_at(NAME, &f, &mut work, (j, xj, xm), rows);
        let d = xp - xm;
        col.extend(fp.iter().zip(&fm).map(|(&a, &b)| (a - b) / d));
    })
}

/// Returns the Richardson-extrapolated Jacobian of `f` at `x` as an
/// `m × n` matrix whose row `i` holds the partial derivatives of output
/// `i`.
///
/// Column `j` combines central differences at steps `h, h/2, h/4, h/8`,
/// `h = eps^(1/8) * max(|x[j]|, 1)`, by Richardson extrapolation, with
/// O(h⁸) error (see [`richardson`]). Uses `8n` evaluations of `f` (one
/// more if `n == 0`, to find `m`). A NaN or infinite coordinate, or an `f`
/// returning NaN, gives NaN in the affected entries (no panic).
///
/// # Panics
///
/// Panics if `f` returns vectors of different lengths at different points.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let f = |v: &[f64]| vec![v[0].exp() * v[1]];
/// let j = finite::jacobian_richardson(f, &[1.0, 2.0]);
/// let e = 1.0_f64.exp();
/// assert!((j[(0, 0)] - 2.0 * e).abs() < 1e-12 * 2.0 * e);
/// assert!((j[(0, 1)] - e).abs() < 1e-12 * e);
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn jacobian_richardson<T: Float + nalgebra::Scalar>(
    f: impl Fn(&[T]) -> Vec<T>,
    x: &[T],
) -> DMatrix<T> {
    const NAME: &str = "jacobian_richardson";
    let mut work = x.to_vec();
    let mut levels: [Vec<T>; LEVELS] = Default::default();
    assemble_jacobian(&f, x, None, |j, rows, col| {
        let xj = x[j];
        for (level, &(xp, xm)) in levels.iter_mut().zip(&richardson_points(xj)) {
            let fp = eval_vec_at(NAME, &f, &mut work, (j, xj, xp), rows);
            let fm = eval_vec_at(NAME, &f, &mut work, (j, xj, xm), rows);
            let d = xp - xm;
            level.clear();
            level.extend(fp.iter().zip(&fm).map(|(&a, &b)| (a - b) / d));
        }
        let m = levels[0].len();
        col.extend((0..m).map(|i| extrapolate(levels.each_ref().map(|l| l[i]))));
    })
}

// ---------------------------------------------------------------------------
// Checking derivatives computed by other means.
// ---------------------------------------------------------------------------

/// The result of comparing a derivative computed by automatic
/// differentiation (or by hand) with a finite-difference reference.
///
/// The error measure of each entry is `|ad - fd| / max(|fd|, 1)`: a
/// relative error where the reference has magnitude above one and an
/// absolute error below. Any NaN in either value makes the error NaN,
/// which is reported as the worst entry and never [`passes`](Check::passes).
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// let f = |v: &[f64]| v[0] * v[0] + v[1];
/// let check = finite::check_gradient(f, &[3.0, 1.0], &[6.0, 1.0]);
/// assert!(check.passes(1e-10));
/// println!("{check}");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check<T> {
    /// Largest `|ad - fd| / max(|fd|, 1)` over all entries (NaN if any
    /// entry compares as NaN; zero if there are no entries).
    pub max_rel_error: T,
    /// `(row, column)` of the worst entry. For gradients the row is always
    /// `0` and the column is the coordinate index.
    pub worst_index: (usize, usize),
    /// The checked (automatic-differentiation) value at `worst_index`.
    pub ad: T,
    /// The finite-difference reference value at `worst_index`.
    pub fd: T,
}

impl<T: Float> Check<T> {
    /// Returns `true` if the largest error is at most `tol`; a NaN error
    /// never passes.
    ///
    /// # Example
    ///
    /// ```
    /// use dualdiff::finite;
    ///
    /// let check = finite::check_gradient(|v: &[f64]| 2.0 * v[0], &[1.0], &[2.5]);
    /// assert!(!check.passes(1e-6));
    /// assert_eq!(check.worst_index, (0, 0));
    /// ```
    #[must_use]
    #[inline]
    pub fn passes(&self, tol: T) -> bool {
        self.max_rel_error <= tol
    }

    /// Returns the check of an empty comparison: zero error at `(0, 0)`.
    #[cfg(feature = "alloc")]
    fn empty() -> Self {
        Self {
            max_rel_error: T::zero(),
            worst_index: (0, 0),
            ad: T::zero(),
            fd: T::zero(),
        }
    }

    /// Folds one `(ad, fd)` entry at `index` into the running worst case.
    /// Once a NaN error has been recorded it is kept.
    #[cfg(feature = "alloc")]
    #[inline]
    fn update(&mut self, index: (usize, usize), ad: T, fd: T) {
        if self.max_rel_error.is_nan() {
            return;
        }
        let err = (ad - fd).abs() / fd.abs().max(T::one());
        // A NaN error must be recorded, so test it explicitly.
        if err.is_nan() || err > self.max_rel_error {
            *self = Self {
                max_rel_error: err,
                worst_index: index,
                ad,
                fd,
            };
        }
    }
}

impl<T: fmt::Display + fmt::LowerExp> fmt::Display for Check<T> {
    /// Formats as `max error 1.2e-13 at (0, 1): ad = 3, fd = 3.0000000000001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "max error {:e} (|ad - fd| / max(|fd|, 1)) at ({}, {}): ad = {}, fd = {}",
            self.max_rel_error, self.worst_index.0, self.worst_index.1, self.ad, self.fd
        )
    }
}

/// Returns how far `ad_gradient` is from the Richardson-extrapolated
/// gradient of `f` at `x` (see [`gradient_richardson`]).
///
/// The error of each component is `|ad - fd| / max(|fd|, 1)`; the result
/// reports the largest one and where it occurred, with index `(0, i)` for
/// component `i`. With `f64`, a correct gradient of a smooth function
/// typically shows errors around `1e-12` or below, so a tolerance of
/// `1e-8` to `1e-10` separates correct from wrong gradients. NaN in
/// `ad_gradient` or in the differences gives a NaN error that never
/// passes (no panic).
///
/// # Panics
///
/// Panics if `ad_gradient.len() != x.len()`.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
///
/// // f(x, y) = x sin(y), gradient [sin(y), x cos(y)]; the second entry is wrong.
/// let f = |v: &[f64]| v[0] * v[1].sin();
/// let x = [2.0, 0.5];
/// let wrong = [0.5_f64.sin(), 0.5_f64.cos()];
/// let check = finite::check_gradient(f, &x, &wrong);
/// assert!(!check.passes(1e-8));
/// assert_eq!(check.worst_index, (0, 1));
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn check_gradient<T: Float>(f: impl Fn(&[T]) -> T, x: &[T], ad_gradient: &[T]) -> Check<T> {
    assert!(
        ad_gradient.len() == x.len(),
        "finite::check_gradient: `ad_gradient` has length {} but `x` has length {}; they must be equal",
        ad_gradient.len(),
        x.len()
    );
    let fd = gradient_richardson(f, x);
    let mut check = Check::empty();
    for (i, (&a, &d)) in ad_gradient.iter().zip(&fd).enumerate() {
        check.update((0, i), a, d);
    }
    check
}

/// Returns how far `ad_jacobian` is from the Richardson-extrapolated
/// Jacobian of `f` at `x` (see [`jacobian_richardson`]).
///
/// `ad_jacobian` must be `m × n` with row `i` holding the partial
/// derivatives of output `i`. The error of each entry is
/// `|ad - fd| / max(|fd|, 1)`; the result reports the largest one and its
/// `(row, column)` index. NaN in `ad_jacobian` or in the differences
/// gives a NaN error that never passes (no panic).
///
/// # Panics
///
/// Panics if `ad_jacobian` is not `f(x).len() × x.len()`, or if `f`
/// returns vectors of different lengths at different points.
///
/// # Example
///
/// ```
/// use dualdiff::finite;
/// use nalgebra::DMatrix;
///
/// let f = |v: &[f64]| vec![v[0] * v[1], v[0] - v[1]];
/// let ad = DMatrix::from_row_slice(2, 2, &[3.0, 2.0, 1.0, -1.0]);
/// let check = finite::check_jacobian(f, &[2.0, 3.0], &ad);
/// assert!(check.passes(1e-10), "{check}");
/// ```
#[cfg(feature = "alloc")]
#[must_use]
pub fn check_jacobian<T: Float + nalgebra::Scalar>(
    f: impl Fn(&[T]) -> Vec<T>,
    x: &[T],
    ad_jacobian: &DMatrix<T>,
) -> Check<T> {
    let fd = jacobian_richardson(f, x);
    assert!(
        ad_jacobian.shape() == fd.shape(),
        "finite::check_jacobian: `ad_jacobian` is {}x{} but `f` has {} outputs and {} inputs, \
         so the Jacobian must be {}x{}",
        ad_jacobian.nrows(),
        ad_jacobian.ncols(),
        fd.nrows(),
        fd.ncols(),
        fd.nrows(),
        fd.ncols()
    );
    let mut check = Check::empty();
    for j in 0..fd.ncols() {
        for i in 0..fd.nrows() {
            check.update((i, j), ad_jacobian[(i, j)], fd[(i, j)]);
        }
    }
    check
}
