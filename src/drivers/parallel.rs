//! Parallel drivers (feature `rayon`): the chunks of columns of a gradient or Jacobian are
//! independent evaluations, so they spread over threads with no change to the results.
//!
//! Worth it when one evaluation of `f` is expensive (hundreds of microseconds or more) and there
//! are many chunks; for cheap functions the serial drivers win. Each thread seeds its own copy of
//! the inputs; the results are bit for bit those of [`gradient`](crate::gradient) and
//! [`jacobian`](crate::jacobian).
#![forbid(unsafe_code)]

use crate::{Real, Seed};
use alloc::{vec, vec::Vec};
use nalgebra::DMatrix;
use rayon::prelude::*;

/// Evaluates `f` once per chunk of `D::WIDTH` inputs, in parallel, and returns the start of
/// each chunk with `f`'s outputs for it, in order.
#[inline]
fn evaluate_chunks<T, D, Y, F>(f: &F, x: &[T]) -> Vec<(usize, Y)>
where
    T: Real,
    D: Seed<Scalar = T> + Send + Sync,
    Y: Send,
    F: Fn(&[D]) -> Y + Sync,
{
    const { assert!(D::WIDTH > 0, "a dual type of width 0 carries no derivative") };
    let n = x.len();
    let starts: Vec<usize> = (0..n.max(1)).step_by(D::WIDTH).collect();
    starts
        .into_par_iter()
        .map_init(
            || x.iter().map(|&xi| D::constant(xi)).collect::<Vec<D>>(),
            |work, start| {
                let end = n.min(start + D::WIDTH);
                for (k, w) in work[start..end].iter_mut().enumerate() {
                    w.set_partial(k, T::one());
                }
                let y = f(work);
                for (k, w) in work[start..end].iter_mut().enumerate() {
                    w.set_partial(k, T::zero());
                }
                (start, y)
            },
        )
        .collect()
}

/// Returns `f(x)` and its gradient like [`gradient`](crate::gradient), evaluating the
/// `ceil(n / WIDTH)` chunks on rayon's thread pool.
///
/// ```
/// use dualdiff::{gradient_par, DualVec64};
///
/// let x: Vec<f64> = (0..64).map(|i| i as f64 / 64.0).collect();
/// // f = Σ xᵢ³: ∂f/∂xᵢ = 3xᵢ²
/// let (_, g) = gradient_par(|v: &[DualVec64<8>]| v.iter().map(|&a| a * a * a).sum(), &x);
/// assert_eq!(g[10], 3.0 * x[10] * x[10]);
/// ```
#[inline]
pub fn gradient_par<T, D, F>(f: F, x: &[T]) -> (T, Vec<T>)
where
    T: Real,
    D: Seed<Scalar = T> + Send + Sync,
    F: Fn(&[D]) -> D + Sync,
{
    let mut grad = vec![T::zero(); x.len()];
    let mut value = T::nan();
    for (start, y) in evaluate_chunks(&f, x) {
        value = y.value();
        let end = x.len().min(start + D::WIDTH);
        for (k, g) in grad[start..end].iter_mut().enumerate() {
            *g = y.partial(k);
        }
    }
    (value, grad)
}

/// Returns `f(x)` and its Jacobian like [`jacobian`](crate::jacobian), evaluating the
/// `ceil(n / WIDTH)` chunks of columns on rayon's thread pool.
///
/// # Panics
/// If `f` returns outputs of different lengths for different chunks.
///
/// ```
/// use dualdiff::{jacobian_par, DualVec64};
///
/// // f(x) = (x₀x₁, x₁x₂, …): a banded Jacobian
/// let x: Vec<f64> = (1..=20).map(f64::from).collect();
/// let f = |v: &[DualVec64<4>]| v.windows(2).map(|w| w[0] * w[1]).collect::<Vec<_>>();
/// let (fx, j) = jacobian_par(f, &x);
/// assert_eq!(fx[0], 2.0);
/// assert_eq!((j[(3, 3)], j[(3, 4)], j[(3, 5)]), (5.0, 4.0, 0.0));
/// ```
#[inline]
pub fn jacobian_par<T, D, F>(f: F, x: &[T]) -> (Vec<T>, DMatrix<T>)
where
    T: Real,
    D: Seed<Scalar = T> + Send + Sync,
    F: Fn(&[D]) -> Vec<D> + Sync,
{
    let n = x.len();
    let chunks = evaluate_chunks(&f, x);
    let m = chunks.first().map_or(0, |(_, y)| y.len());
    let mut values = vec![T::zero(); m];
    let mut jac = DMatrix::zeros(m, n);
    for (start, y) in chunks {
        assert_eq!(
            y.len(),
            m,
            "jacobian_par: f returned outputs of different lengths"
        );
        let end = n.min(start + D::WIDTH);
        for (i, yi) in y.iter().enumerate() {
            values[i] = yi.value();
            for j in start..end {
                jac[(i, j)] = yi.partial(j - start);
            }
        }
    }
    (values, jac)
}
