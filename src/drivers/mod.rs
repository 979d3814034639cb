//! Drivers: seed the inputs, evaluate once per chunk of directions, read off the derivatives.
//!
//! Drivers see number types only through [`Seed`] (first order) and the public fields of
//! [`HyperDual`] (second order). Every allocating driver has an `_into` twin that writes into
//! caller buffers and allocates nothing, for use inside solver loops.
//!
//! Drivers are generic over the scalar `T`, so they nest: the inner driver's number type is the
//! outer layer of the type (`HyperDual<Dual64>` inside a `derivative` over `Dual64`), so the two
//! perturbations can never be confused.
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
pub(crate) mod auto_width;
pub(crate) mod first_order;
pub(crate) mod fixed_size;
#[cfg(feature = "alloc")]
pub(crate) mod implicit;
#[cfg(feature = "rayon")]
pub(crate) mod parallel;
pub(crate) mod second_order;
pub(crate) mod taylor;

use crate::{Dual, DualVec, Real};

/// A first-order dual type that drivers can seed: how many directions one evaluation carries,
/// how to seed direction `k`, and how to read it back.
///
/// Implemented by [`Dual<T>`] (one direction) and [`DualVec<T, N>`] (`N` directions); the
/// drivers [`gradient`](crate::gradient) and [`jacobian`](crate::jacobian) take `ceil(n / WIDTH)` passes.
pub trait Seed: Copy {
    /// The scalar of the evaluation point.
    type Scalar: Real;

    /// The number of directions carried by one evaluation.
    const WIDTH: usize;

    /// Returns the constant `x`: every derivative part zero.
    #[must_use]
    fn constant(x: Self::Scalar) -> Self;

    /// Returns `x` seeded in direction `k` (`k < WIDTH`).
    #[must_use]
    fn variable(x: Self::Scalar, k: usize) -> Self;

    /// Sets the derivative along direction `k` (`k < WIDTH`) to `d`, leaving the other parts:
    /// how drivers seed and unseed a chunk in place, two stores per input.
    fn set_partial(&mut self, k: usize, d: Self::Scalar);

    /// Returns the value part.
    #[must_use]
    fn value(&self) -> Self::Scalar;

    /// Returns the derivative along direction `k` (`k < WIDTH`).
    #[must_use]
    fn partial(&self, k: usize) -> Self::Scalar;
}

impl<T: Real> Seed for Dual<T> {
    type Scalar = T;
    const WIDTH: usize = 1;

    #[inline]
    fn constant(x: T) -> Self {
        Self::constant(x)
    }

    #[inline]
    fn variable(x: T, _k: usize) -> Self {
        Self::variable(x)
    }

    #[inline]
    fn value(&self) -> T {
        self.re
    }

    #[inline]
    fn partial(&self, _k: usize) -> T {
        self.eps
    }

    #[inline]
    fn set_partial(&mut self, _k: usize, d: T) {
        self.eps = d;
    }
}

impl<T: Real, const N: usize> Seed for DualVec<T, N> {
    type Scalar = T;
    const WIDTH: usize = N;

    #[inline]
    fn constant(x: T) -> Self {
        Self::constant(x)
    }

    #[inline]
    fn variable(x: T, k: usize) -> Self {
        Self::variable(x, k)
    }

    #[inline]
    fn value(&self) -> T {
        self.re
    }

    #[inline]
    fn partial(&self, k: usize) -> T {
        self.eps[k]
    }

    #[inline]
    fn set_partial(&mut self, k: usize, d: T) {
        self.eps[k] = d;
    }
}

/// Seeds the inputs chunk by chunk: for each chunk `[start, end)` of at most `D::WIDTH` inputs,
/// seeds input `start + k` in direction `k`, calls `pass(work, start, end)`, and restores the
/// chunk to constants. With no inputs, `pass` runs once on the empty slice with `start = end = 0`.
#[inline]
pub(crate) fn for_each_chunk<T, D>(
    x: &[T],
    work: &mut [D],
    mut pass: impl FnMut(&[D], usize, usize),
) where
    T: Real,
    D: Seed<Scalar = T>,
{
    const { assert!(D::WIDTH > 0, "a dual type of width 0 carries no derivative") };
    let n = x.len();
    assert_eq!(work.len(), n, "work buffer must be as long as x");
    for (w, &xi) in work.iter_mut().zip(x) {
        *w = D::constant(xi);
    }
    if n == 0 {
        pass(work, 0, 0);
        return;
    }
    for start in (0..n).step_by(D::WIDTH) {
        let end = n.min(start + D::WIDTH);
        for (k, w) in work[start..end].iter_mut().enumerate() {
            w.set_partial(k, T::one());
        }
        pass(work, start, end);
        for (k, w) in work[start..end].iter_mut().enumerate() {
            w.set_partial(k, T::zero());
        }
    }
}

/// Copies the values and the partials of one chunk of columns into `values` and the column-major
/// m×n Jacobian `jac` (entry `(i, j)` at `jac[i + j·m]`, m = `y.len()`).
#[inline]
pub(crate) fn fill_columns<T: Real, D: Seed<Scalar = T>>(
    y: &[D],
    start: usize,
    end: usize,
    values: &mut [T],
    jac: &mut [T],
) {
    let m = y.len();
    for (i, yi) in y.iter().enumerate() {
        values[i] = yi.value();
    }
    for (k, column) in jac[start * m..end * m]
        .chunks_exact_mut(m.max(1))
        .enumerate()
    {
        for (entry, yi) in column.iter_mut().zip(y) {
            *entry = yi.partial(k);
        }
    }
}
