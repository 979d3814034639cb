//! Drivers that choose the chunk width for the caller.
//!
//! The width of the dual type decides how many gradient entries or Jacobian columns one
//! evaluation yields. Wider chunks mean fewer evaluations but more work per operation, and lanes
//! beyond `n` are wasted. [`auto_width`] encodes the choice the benchmarks support
//! (`BENCHMARKS.md`); [`gradient_auto`] and [`jacobian_auto`] apply it. Because the width is a
//! type, the function must be generic over the number type: write it once as a
//! [`ScalarFunction`] or [`VectorFunction`].
#![forbid(unsafe_code)]

use crate::{Dual, DualVec, Real, gradient, jacobian};
use alloc::vec::Vec;
use nalgebra::DMatrix;

/// A scalar function of several variables, written once for every number type, so that a
/// driver can evaluate it on the dual type it chooses.
///
/// ```
/// use dualdiff::{ScalarFunction, Real};
///
/// /// Σ xᵢ² + sin(x₀)
/// struct Bowl;
///
/// impl<T: Real> ScalarFunction<T> for Bowl {
///     fn eval<D: Real + From<T>>(&self, x: &[D]) -> D {
///         x.iter().fold(x[0].sin(), |s, &v| s + v * v)
///     }
/// }
/// ```
pub trait ScalarFunction<T: Real> {
    /// Evaluates the function on any number type `D` (constants of type `T` lift with
    /// `D::from`).
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> D;
}

/// A vector function of several variables, written once for every number type (see
/// [`ScalarFunction`]).
pub trait VectorFunction<T: Real> {
    /// Evaluates the function on any number type `D`.
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> Vec<D>;
}

/// Returns the chunk width the `_auto` drivers use for `n` inputs: the smallest of 1, 2, 4 and
/// 8 that covers `n` (one evaluation, few wasted lanes), 8 up to `n = 24`, and 16 beyond.
///
/// Measured on the extended Rosenbrock and Ackley functions (`BENCHMARKS.md`): up to `n = 8`
/// one pass of a width that covers `n` is the fastest; at `n = 10` widths 8 and 16 are within the
/// noise of each other (268–352 ns against 302–401 ns for Rosenbrock over two runs, equal for
/// Ackley), while at `n = 100` and `n = 1000` width 16 is 1.5–1.7× faster than width 8, the
/// number of passes dominating.
///
/// ```
/// use dualdiff::auto_width;
///
/// assert_eq!((auto_width(1), auto_width(3), auto_width(10), auto_width(1000)), (1, 4, 8, 16));
/// ```
#[must_use]
pub const fn auto_width(n: usize) -> usize {
    match n {
        0 | 1 => 1,
        2 => 2,
        3 | 4 => 4,
        5..=24 => 8,
        _ => 16,
    }
}

/// Returns `f(x)` and its gradient like [`gradient`], with the chunk width chosen by
/// [`auto_width`].
///
/// ```
/// use dualdiff::{gradient_auto, ScalarFunction, Real};
///
/// struct Rosenbrock;
///
/// impl<T: Real> ScalarFunction<T> for Rosenbrock {
///     fn eval<D: Real + From<T>>(&self, x: &[D]) -> D {
///         let hundred = D::from_primitive(100.0.into());
///         x.windows(2).fold(D::zero(), |acc, w| {
///             acc + (D::one() - w[0]).powi(2) + hundred * (w[1] - w[0] * w[0]).powi(2)
///         })
///     }
/// }
///
/// let (f, g) = gradient_auto(&Rosenbrock, &[1.0, 1.0, 1.0]);
/// assert_eq!((f, g), (0.0, vec![0.0, 0.0, 0.0]));
/// ```
#[inline]
pub fn gradient_auto<T: Real, F: ScalarFunction<T>>(f: &F, x: &[T]) -> (T, Vec<T>) {
    match auto_width(x.len()) {
        1 => gradient(|v: &[Dual<T>]| f.eval(v), x),
        2 => gradient(|v: &[DualVec<T, 2>]| f.eval(v), x),
        4 => gradient(|v: &[DualVec<T, 4>]| f.eval(v), x),
        8 => gradient(|v: &[DualVec<T, 8>]| f.eval(v), x),
        _ => gradient(|v: &[DualVec<T, 16>]| f.eval(v), x),
    }
}

/// Returns `f(x)` and its Jacobian like [`jacobian`], with the chunk width chosen by
/// [`auto_width`].
///
/// ```
/// use dualdiff::{jacobian_auto, VectorFunction, Real};
///
/// struct Polar;
///
/// impl<T: Real> VectorFunction<T> for Polar {
///     fn eval<D: Real + From<T>>(&self, v: &[D]) -> Vec<D> {
///         vec![v[0] * v[1].cos(), v[0] * v[1].sin()]
///     }
/// }
///
/// let (_, j) = jacobian_auto(&Polar, &[2.0, 0.0]);
/// assert_eq!(j, nalgebra::DMatrix::from_row_slice(2, 2, &[1.0, 0.0, 0.0, 2.0]));
/// ```
#[inline]
pub fn jacobian_auto<T: Real, F: VectorFunction<T>>(f: &F, x: &[T]) -> (Vec<T>, DMatrix<T>) {
    match auto_width(x.len()) {
        1 => jacobian(|v: &[Dual<T>]| f.eval(v), x),
        2 => jacobian(|v: &[DualVec<T, 2>]| f.eval(v), x),
        4 => jacobian(|v: &[DualVec<T, 4>]| f.eval(v), x),
        8 => jacobian(|v: &[DualVec<T, 8>]| f.eval(v), x),
        _ => jacobian(|v: &[DualVec<T, 16>]| f.eval(v), x),
    }
}
