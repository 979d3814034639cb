//! Second-order drivers: the second derivative, the Hessian (through [`SecondOrder`]) and the
//! Hessian-vector product.
#![forbid(unsafe_code)]

use crate::{Dual2Vec, HyperDual, Real};
#[cfg(feature = "alloc")]
use alloc::{vec, vec::Vec};
#[cfg(feature = "alloc")]
use nalgebra::DMatrix;

/// Returns `f(x)`, `f'(x)` and `f''(x)` in one evaluation on [`HyperDual`], exact to rounding.
///
/// ```
/// use dualdiff::second_derivative;
///
/// // f = x³: f' = 3x², f'' = 6x
/// let (f, d1, d2) = second_derivative(|x| x * x * x, 2.0);
/// assert_eq!((f, d1, d2), (8.0, 12.0, 12.0));
/// ```
#[inline]
pub fn second_derivative<T: Real>(f: impl FnOnce(HyperDual<T>) -> HyperDual<T>, x: T) -> (T, T, T) {
    let y = f(HyperDual::variable(x));
    (y.re, y.e1, y.e12)
}

/// A second-order dual type that [`hessian`] can use: how it computes a whole Hessian.
///
/// Implemented by [`HyperDual<T>`] (one evaluation per entry of the upper triangle,
/// `n(n+1)/2` in all) and [`Dual2Vec<T, N>`] (every entry at once for `n ≤ N`; for larger `n`,
/// one evaluation per pair of blocks of `N/2` inputs).
pub trait SecondOrder: Copy {
    /// The scalar of the evaluation point.
    type Scalar: Real;

    /// Returns the constant `x`.
    #[must_use]
    fn constant(x: Self::Scalar) -> Self;

    /// Computes the gradient and the column-major n×n Hessian of `f` at `x` into `grad` and
    /// `hess` and returns `f(x)`; `work` has the length of `x`. See [`hessian_into_col_major`].
    fn hessian_into<F: FnMut(&[Self]) -> Self>(
        f: F,
        x: &[Self::Scalar],
        work: &mut [Self],
        grad: &mut [Self::Scalar],
        hess: &mut [Self::Scalar],
    ) -> Self::Scalar;
}

impl<T: Real> SecondOrder for HyperDual<T> {
    type Scalar = T;

    #[inline]
    fn constant(x: T) -> Self {
        Self::constant(x)
    }

    #[inline]
    fn hessian_into<F: FnMut(&[Self]) -> Self>(
        mut f: F,
        x: &[T],
        work: &mut [Self],
        grad: &mut [T],
        hess: &mut [T],
    ) -> T {
        let n = x.len();
        for (w, &xi) in work.iter_mut().zip(x) {
            *w = Self::constant(xi);
        }
        if n == 0 {
            return f(work).re;
        }
        let mut value = T::nan();
        for i in 0..n {
            for j in i..n {
                work[i].e1 = T::one();
                work[j].e2 = T::one();
                let y = f(work);
                if i == j {
                    value = y.re;
                    grad[i] = y.e1;
                }
                hess[i + j * n] = y.e12;
                hess[j + i * n] = y.e12;
                work[i] = Self::constant(x[i]);
                work[j] = Self::constant(x[j]);
            }
        }
        value
    }
}

impl<T: Real, const N: usize> SecondOrder for Dual2Vec<T, N> {
    type Scalar = T;

    #[inline]
    fn constant(x: T) -> Self {
        Self::constant(x)
    }

    #[inline]
    fn hessian_into<F: FnMut(&[Self]) -> Self>(
        mut f: F,
        x: &[T],
        work: &mut [Self],
        grad: &mut [T],
        hess: &mut [T],
    ) -> T {
        const { assert!(N > 0, "a dual type of width 0 carries no derivative") };
        let n = x.len();
        for (w, &xi) in work.iter_mut().zip(x) {
            *w = Self::constant(xi);
        }
        // One evaluation seeds the inputs `blocks` (input index, direction) and reads back
        // every pair of them.
        let mut pass = |work: &mut [Self], seeds: &mut dyn Iterator<Item = (usize, usize)>| {
            let mut seeded = [(0, 0); N];
            let mut count = 0;
            for (input, dir) in seeds {
                work[input].grad[dir] = T::one();
                seeded[count] = (input, dir);
                count += 1;
            }
            let y = f(work);
            for &(a, da) in &seeded[..count] {
                grad[a] = y.grad[da];
                for &(b, db) in &seeded[..count] {
                    hess[a + b * n] = y.hess(da, db);
                }
                work[a].grad[da] = T::zero();
            }
            y.re
        };
        if n <= N {
            return pass(work, &mut (0..n).map(|i| (i, i)));
        }
        assert!(
            N >= 2,
            "Dual2Vec<_, 1> gives the Hessian of a function of one variable only"
        );
        let half = N / 2;
        let blocks = n.div_ceil(half);
        let block = |b: usize| (b * half..n.min((b + 1) * half)).zip(0..);
        let mut value = T::nan();
        for bi in 0..blocks {
            for bj in bi + 1..blocks {
                let mut seeds = block(bi).chain(block(bj).map(|(i, d)| (i, d + half)));
                value = pass(work, &mut seeds);
            }
        }
        value
    }
}

/// Returns `f(x)`, its gradient and its Hessian, exact to rounding.
///
/// `H` decides the strategy: [`Dual2Vec<T, N>`] computes the whole Hessian of up to `N`
/// inputs in one evaluation (only its upper triangle: the Hessian is symmetric) and is the fast
/// choice; [`HyperDual<T>`] takes `n(n+1)/2` evaluations of the cheapest possible second-order
/// type. See [`SecondOrder`].
///
/// ```
/// use dualdiff::{hessian, Dual2Vec64, HyperDual64};
///
/// // f = x²y + y³: ∇f = (2xy, x² + 3y²), ∇²f = [[2y, 2x], [2x, 6y]]
/// let expected = nalgebra::DMatrix::from_row_slice(2, 2, &[4.0, 2.0, 2.0, 12.0]);
/// let (f, g, h) = hessian(|v: &[HyperDual64]| v[0] * v[0] * v[1] + v[1].powi(3), &[1.0, 2.0]);
/// assert_eq!((f, g, h), (10.0, vec![4.0, 13.0], expected.clone()));
/// let (f, g, h) = hessian(|v: &[Dual2Vec64<2>]| v[0] * v[0] * v[1] + v[1].powi(3), &[1.0, 2.0]);
/// assert_eq!((f, g, h), (10.0, vec![4.0, 13.0], expected));
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn hessian<T, H, F>(f: F, x: &[T]) -> (T, Vec<T>, DMatrix<T>)
where
    T: Real,
    H: SecondOrder<Scalar = T>,
    F: FnMut(&[H]) -> H,
{
    let n = x.len();
    let mut work = vec![H::constant(T::zero()); n];
    let mut grad = vec![T::zero(); n];
    let mut hess = DMatrix::zeros(n, n);
    let value = hessian_into(f, x, &mut work, &mut grad, &mut hess);
    (value, grad, hess)
}

/// Computes the gradient into `grad` and the Hessian into `hess` and returns `f(x)`, allocating
/// nothing. `work` (length n) is scratch space.
///
/// # Panics
/// If `work` or `grad` is not as long as `x`, or `hess` is not n×n; with `Dual2Vec<_, 1>`, if
/// there is more than one input.
///
/// ```
/// use dualdiff::{hessian_into, HyperDual64};
/// use nalgebra::DMatrix;
///
/// let mut work = [HyperDual64::default(); 2];
/// let (mut grad, mut hess) = ([0.0; 2], DMatrix::zeros(2, 2));
/// // f = xy: ∇f = (y, x), ∇²f = [[0, 1], [1, 0]]
/// let f = hessian_into(|v: &[HyperDual64]| v[0] * v[1], &[2.0, 3.0], &mut work, &mut grad, &mut hess);
/// assert_eq!((f, grad), (6.0, [3.0, 2.0]));
/// assert_eq!(hess, DMatrix::from_row_slice(2, 2, &[0.0, 1.0, 1.0, 0.0]));
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn hessian_into<T, H, F>(
    f: F,
    x: &[T],
    work: &mut [H],
    grad: &mut [T],
    hess: &mut DMatrix<T>,
) -> T
where
    T: Real,
    H: SecondOrder<Scalar = T>,
    F: FnMut(&[H]) -> H,
{
    assert_eq!(
        hess.shape(),
        (x.len(), x.len()),
        "hessian_into: hess must be n×n"
    );
    hessian_into_col_major(f, x, work, grad, hess.as_mut_slice())
}

/// Computes the gradient into `grad` and the n×n Hessian into `hess`, column-major (entry
/// `(i, j)` at `hess[i + j·n]`; the Hessian is symmetric, so row-major storage reads the same),
/// and returns `f(x)`, allocating nothing: the form for any matrix type whose storage is a plain
/// slice. Otherwise as [`hessian_into`].
///
/// # Panics
/// If `work` or `grad` is not as long as `x`, or `hess` does not hold n² entries; with
/// `Dual2Vec<_, 1>`, if there is more than one input.
///
/// ```
/// use dualdiff::{hessian_into_col_major, Dual2Vec64};
///
/// let mut work = [Dual2Vec64::<2>::default(); 2];
/// let (mut grad, mut hess) = ([0.0; 2], [0.0; 4]);
/// // f = x²y: ∇f = (2xy, x²), ∇²f = [[2y, 2x], [2x, 0]]
/// let f = |v: &[Dual2Vec64<2>]| v[0] * v[0] * v[1];
/// let value = hessian_into_col_major(f, &[3.0, 2.0], &mut work, &mut grad, &mut hess);
/// assert_eq!((value, grad, hess), (18.0, [12.0, 9.0], [4.0, 6.0, 6.0, 0.0]));
/// ```
#[inline]
pub fn hessian_into_col_major<T, H, F>(
    f: F,
    x: &[T],
    work: &mut [H],
    grad: &mut [T],
    hess: &mut [T],
) -> T
where
    T: Real,
    H: SecondOrder<Scalar = T>,
    F: FnMut(&[H]) -> H,
{
    let n = x.len();
    assert_eq!(work.len(), n, "hessian_into: work must be as long as x");
    assert_eq!(grad.len(), n, "hessian_into: grad must be as long as x");
    assert_eq!(hess.len(), n * n, "hessian_into: hess must hold n² entries");
    H::hessian_into(f, x, work, grad, hess)
}

/// Returns `f(x)` and the Hessian-vector product `H·v`, exact to rounding, from `n` evaluations
/// on [`HyperDual`] (`ε₁` along `v`, `ε₂` along each axis), without forming `H`.
///
/// # Panics
/// If `v` is not as long as `x`.
///
/// ```
/// use dualdiff::{hvp, HyperDual64};
///
/// // f = x²y: H = [[2y, 2x], [2x, 0]]; at (1, 3), H·(1, 1) = (6 + 2, 2)
/// let (f, hv) = hvp(|v: &[HyperDual64]| v[0] * v[0] * v[1], &[1.0, 3.0], &[1.0, 1.0]);
/// assert_eq!((f, hv), (3.0, vec![8.0, 2.0]));
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn hvp<T, F>(f: F, x: &[T], v: &[T]) -> (T, Vec<T>)
where
    T: Real,
    F: FnMut(&[HyperDual<T>]) -> HyperDual<T>,
{
    let mut work = vec![HyperDual::constant(T::zero()); x.len()];
    let mut hv = vec![T::zero(); x.len()];
    let value = hvp_into(f, x, v, &mut work, &mut hv);
    (value, hv)
}

/// Computes `H·v` into `hv` and returns `f(x)`, allocating nothing. `work` (length n) is scratch
/// space.
///
/// # Panics
/// If `v`, `work` or `hv` is not as long as `x`.
///
/// ```
/// use dualdiff::{hvp_into, HyperDual64};
///
/// let mut work = [HyperDual64::default(); 2];
/// let mut hv = [0.0; 2];
/// // f = xy: H·v = (v₂, v₁)
/// let f = hvp_into(|v: &[HyperDual64]| v[0] * v[1], &[2.0, 3.0], &[1.0, 5.0], &mut work, &mut hv);
/// assert_eq!((f, hv), (6.0, [5.0, 1.0]));
/// ```
#[inline]
pub fn hvp_into<T, F>(mut f: F, x: &[T], v: &[T], work: &mut [HyperDual<T>], hv: &mut [T]) -> T
where
    T: Real,
    F: FnMut(&[HyperDual<T>]) -> HyperDual<T>,
{
    let n = x.len();
    assert_eq!(v.len(), n, "hvp_into: v must be as long as x");
    assert_eq!(work.len(), n, "hvp_into: work must be as long as x");
    assert_eq!(hv.len(), n, "hvp_into: hv must be as long as x");
    let zero = T::zero();
    for ((w, &xi), &vi) in work.iter_mut().zip(x).zip(v) {
        *w = HyperDual::new(xi, vi, zero, zero);
    }
    if n == 0 {
        return f(work).re;
    }
    let mut value = T::nan();
    for i in 0..n {
        work[i].e2 = T::one();
        let y = f(work);
        value = y.re;
        hv[i] = y.e12;
        work[i].e2 = zero;
    }
    value
}
