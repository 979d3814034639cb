//! Fixed-size drivers: gradient, Jacobian and Hessian of functions of `nalgebra::SVector`s, with
//! no heap allocation at all.
//!
//! Choose these for small problems whose size is known at compile time (robotics, a cost term of
//! a least-squares problem, a constitutive law): the whole gradient or Jacobian comes from one
//! evaluation on `DualVec<T, N>` — every partial in one pass — and everything lives on the stack.
//! Beyond a few dozen inputs, the stack footprint (`N + 1` scalars per input) and the cost of
//! carrying `N` partials through every operation favour the slice drivers
//! ([`gradient`](crate::gradient), [`jacobian`](crate::jacobian)), which take chunks of a width
//! you choose.
#![forbid(unsafe_code)]

use crate::seed_store::seeded;
use crate::{Dual2Vec, DualVec, Real};
use nalgebra::{SMatrix, SVector};

/// Returns `f(x)` and its gradient from one evaluation on `DualVec<T, N>`, without allocating.
///
/// ```
/// use dualdiff::{gradient_fixed, DualVec64};
/// use nalgebra::{SVector, Vector2};
///
/// // f = x²y: ∇f = (2xy, x²)
/// let f = |v: &SVector<DualVec64<2>, 2>| v[0] * v[0] * v[1];
/// let (value, grad) = gradient_fixed(f, &Vector2::new(3.0, 2.0));
/// assert_eq!((value, grad), (18.0, Vector2::new(12.0, 9.0)));
/// ```
#[inline]
pub fn gradient_fixed<T, const N: usize, F>(f: F, x: &SVector<T, N>) -> (T, SVector<T, N>)
where
    T: Real,
    F: FnOnce(&SVector<DualVec<T, N>, N>) -> DualVec<T, N>,
{
    let y = f(&seeded(x));
    (y.re, SVector::from(y.eps))
}

/// Returns `f(x)` and its M×N Jacobian from one evaluation on `DualVec<T, N>`, without
/// allocating.
///
/// ```
/// use dualdiff::{jacobian_fixed, DualVec64};
/// use nalgebra::{Matrix2, SVector, Vector2};
///
/// // f(x, y) = (xy, x + y²)
/// let f = |v: &SVector<DualVec64<2>, 2>| Vector2::new(v[0] * v[1], v[0] + v[1] * v[1]);
/// let (values, jac) = jacobian_fixed(f, &Vector2::new(2.0, 3.0));
/// assert_eq!(values, Vector2::new(6.0, 11.0));
/// assert_eq!(jac, Matrix2::new(3.0, 2.0, 1.0, 6.0));
/// ```
#[inline]
pub fn jacobian_fixed<T, const M: usize, const N: usize, F>(
    f: F,
    x: &SVector<T, N>,
) -> (SVector<T, M>, SMatrix<T, M, N>)
where
    T: Real,
    F: FnOnce(&SVector<DualVec<T, N>, N>) -> SVector<DualVec<T, N>, M>,
{
    let y = f(&seeded(x));
    (y.map(|yi| yi.re), SMatrix::from_fn(|i, j| y[i].eps[j]))
}

/// Returns `f(x)`, its gradient and its Hessian from one evaluation on [`Dual2Vec<T, N>`],
/// exact to rounding, without allocating.
///
/// ```
/// use dualdiff::{hessian_fixed, Dual2Vec64};
/// use nalgebra::{Matrix2, SVector, Vector2};
///
/// // f = x²y + y³: ∇²f = [[2y, 2x], [2x, 6y]]
/// let f = |v: &SVector<Dual2Vec64<2>, 2>| v[0] * v[0] * v[1] + v[1].powi(3);
/// let (value, grad, hess) = hessian_fixed(f, &Vector2::new(1.0, 2.0));
/// assert_eq!((value, grad), (10.0, Vector2::new(4.0, 13.0)));
/// assert_eq!(hess, Matrix2::new(4.0, 2.0, 2.0, 12.0));
/// ```
#[inline]
pub fn hessian_fixed<T, const N: usize, F>(
    f: F,
    x: &SVector<T, N>,
) -> (T, SVector<T, N>, SMatrix<T, N, N>)
where
    T: Real,
    F: FnOnce(&SVector<Dual2Vec<T, N>, N>) -> Dual2Vec<T, N>,
{
    let y = f(&SVector::from_fn(|i, _| Dual2Vec::variable(x[i], i)));
    (
        y.re,
        SVector::from(y.grad),
        SMatrix::from_fn(|i, j| y.hess(i, j)),
    )
}

/// Returns `f(x)` and the vector–Jacobian product `wᵀJ` from one evaluation on
/// `DualVec<T, N>`, without allocating (see [`vjp`](crate::vjp)).
///
/// ```
/// use dualdiff::{vjp_fixed, DualVec64};
/// use nalgebra::{SVector, Vector2, Vector3};
///
/// // f(x, y) = (xy, x + y, y²): wᵀJ = w₀(y, x) + w₁(1, 1) + w₂(0, 2y)
/// let f = |v: &SVector<DualVec64<2>, 2>| Vector3::new(v[0] * v[1], v[0] + v[1], v[1] * v[1]);
/// let (values, wj) = vjp_fixed(f, &Vector2::new(2.0, 3.0), &Vector3::new(1.0, 1.0, 1.0));
/// assert_eq!(values, Vector3::new(6.0, 5.0, 9.0));
/// assert_eq!(wj, Vector2::new(3.0 + 1.0, 2.0 + 1.0 + 6.0));
/// ```
#[inline]
pub fn vjp_fixed<T, const M: usize, const N: usize, F>(
    f: F,
    x: &SVector<T, N>,
    w: &SVector<T, M>,
) -> (SVector<T, M>, SVector<T, N>)
where
    T: Real,
    F: FnOnce(&SVector<DualVec<T, N>, N>) -> SVector<DualVec<T, N>, M>,
{
    let y = f(&seeded(x));
    let wj = SVector::from_fn(|j, _| {
        y.iter()
            .zip(w.iter())
            .fold(T::zero(), |acc, (yi, &wi)| acc + wi * yi.eps[j])
    });
    (y.map(|yi| yi.re), wj)
}
