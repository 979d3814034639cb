//! ndarray integration (feature `ndarray`): every number type is an
//! [`ndarray::ScalarOperand`](::ndarray::ScalarOperand), so an array of dual numbers takes a
//! dual scalar on either side of an operator (`&a * Dual64::constant(2.0)`), and the drivers
//! [`gradient_ndarray`], [`jacobian_ndarray`] and [`hessian_ndarray`] differentiate functions
//! of an [`ArrayView1`].
//!
//! A function written for ndarray takes an `ArrayView1<D>` of the number type; the slice
//! drivers hand the seeded inputs as a `&[D]`, which `ArrayView1::from` (or `aview1`) wraps
//! without a copy — that is all the drivers here do on the way in. On the way out they return
//! `Array1` and `Array2`; the Jacobian comes back in column-major (Fortran) order, the layout it
//! is computed in, so it is not copied either: index it as any `Array2`, `jac[[i, j]]` =
//! `∂fᵢ/∂xⱼ`.
#![forbid(unsafe_code)]

use crate::{SecondOrder, Seed, gradient, hessian, jacobian};
use alloc::vec::Vec;
use ndarray::{Array1, Array2, ArrayBase, ArrayView1, Data, Ix1, ShapeBuilder};

/// Implements [`ndarray::ScalarOperand`](::ndarray::ScalarOperand) for one number type, so that
/// `array op scalar` compiles for arrays of it.
macro_rules! impl_ndarray {
    ([$($p:tt)*] $ty:ty) => {
        const _: () = {
            impl<$($p)*> ::ndarray::ScalarOperand for $ty {}
        };
    };
}

pub(crate) use impl_ndarray;

/// Runs `body` on `x` as a slice: borrowed if `x` is contiguous, copied otherwise (a strided
/// view such as a column of a row-major matrix).
fn with_slice<T: Clone, S: Data<Elem = T>, R>(
    x: &ArrayBase<S, Ix1>,
    body: impl FnOnce(&[T]) -> R,
) -> R {
    match x.as_slice() {
        Some(slice) => body(slice),
        None => body(&x.to_vec()),
    }
}

/// Returns `f(x)` and its gradient for `f` a function of an [`ArrayView1`], as [`gradient`]
/// does for slices: `ceil(n / WIDTH)` passes on the dual type `D`, chosen by annotating the
/// closure.
///
/// `x` may be any one-dimensional array or view; a non-contiguous one is copied first.
///
/// ```
/// use dualdiff::{gradient_ndarray, DualVec64};
/// use ndarray::{array, ArrayView1};
///
/// // f(x) = Σ xᵢ³ / 3 + x₀x₁: ∇f = (x₀² + x₁, x₁² + x₀, x₂²)
/// fn f(x: ArrayView1<DualVec64<4>>) -> DualVec64<4> {
///     x.mapv(|v| v * v * v / 3.0).sum() + x[0] * x[1]
/// }
/// let (value, grad) = gradient_ndarray(f, &array![1.0, 2.0, 3.0]);
/// assert_eq!(value, 12.0 + 2.0);
/// assert_eq!(grad, array![3.0, 5.0, 9.0]);
/// ```
pub fn gradient_ndarray<T, D, S, F>(mut f: F, x: &ArrayBase<S, Ix1>) -> (T, Array1<T>)
where
    T: crate::Real,
    D: Seed<Scalar = T>,
    S: Data<Elem = T>,
    F: FnMut(ArrayView1<'_, D>) -> D,
{
    let (value, grad) = with_slice(x, |x| gradient(|v: &[D]| f(ArrayView1::from(v)), x));
    (value, Array1::from_vec(grad))
}

/// Returns `f(x)` and the m×n Jacobian (row `i` = output `i`) for `f` a function of an
/// [`ArrayView1`] returning an [`Array1`], as [`jacobian`] does for slices: `ceil(n / WIDTH)`
/// passes on the dual type `D`.
///
/// The matrix is in column-major (Fortran) order, the order it is filled in, so it is returned
/// without a copy; `jac[[i, j]]` is `∂fᵢ/∂xⱼ` as for any `Array2`, and `jac.t()` is a row-major
/// view of `Jᵀ`.
///
/// # Panics
/// If `f` returns outputs of different lengths on different passes.
///
/// ```
/// use dualdiff::{jacobian_ndarray, DualVec64};
/// use ndarray::{array, Array1, ArrayView1};
///
/// // polar to Cartesian: f(r, θ) = (r cos θ, r sin θ), J = [[cos θ, −r sin θ], [sin θ, r cos θ]]
/// let f = |v: ArrayView1<DualVec64<2>>| Array1::from(vec![v[0] * v[1].cos(), v[0] * v[1].sin()]);
/// let (values, jac) = jacobian_ndarray(f, &array![2.0, 0.0]);
/// assert_eq!(values, array![2.0, 0.0]);
/// assert_eq!(jac, array![[1.0, 0.0], [0.0, 2.0]]);
/// ```
pub fn jacobian_ndarray<T, D, S, F>(mut f: F, x: &ArrayBase<S, Ix1>) -> (Array1<T>, Array2<T>)
where
    T: crate::Real,
    D: Seed<Scalar = T>,
    S: Data<Elem = T>,
    F: FnMut(ArrayView1<'_, D>) -> Array1<D>,
{
    let (values, jac) = with_slice(x, |x| {
        jacobian(|v: &[D]| f(ArrayView1::from(v)).to_vec(), x)
    });
    let shape = jac.shape();
    let jac = Array2::from_shape_vec(shape.f(), Vec::from(jac.data))
        .expect("a column-major buffer of m·n entries has the shape (m, n) in Fortran order");
    (Array1::from_vec(values), jac)
}

/// Returns `f(x)`, its gradient and its Hessian for `f` a function of an [`ArrayView1`], as
/// [`hessian`] does for slices; the second-order type `H` decides the strategy (see
/// [`SecondOrder`]).
///
/// ```
/// use dualdiff::{hessian_ndarray, Dual2Vec64};
/// use ndarray::{array, ArrayView1};
///
/// // f = x²y + y³: ∇f = (2xy, x² + 3y²), ∇²f = [[2y, 2x], [2x, 6y]]
/// let f = |v: ArrayView1<Dual2Vec64<2>>| v[0] * v[0] * v[1] + v[1].powi(3);
/// let (value, grad, hess) = hessian_ndarray(f, &array![1.0, 2.0]);
/// assert_eq!(value, 10.0);
/// assert_eq!(grad, array![4.0, 13.0]);
/// assert_eq!(hess, array![[4.0, 2.0], [2.0, 12.0]]);
/// ```
pub fn hessian_ndarray<T, H, S, F>(mut f: F, x: &ArrayBase<S, Ix1>) -> (T, Array1<T>, Array2<T>)
where
    T: crate::Real,
    H: SecondOrder<Scalar = T>,
    S: Data<Elem = T>,
    F: FnMut(ArrayView1<'_, H>) -> H,
{
    let (value, grad, hess) = with_slice(x, |x| hessian(|v: &[H]| f(ArrayView1::from(v)), x));
    let n = grad.len();
    let hess = Array2::from_shape_vec((n, n).f(), Vec::from(hess.data))
        .expect("a column-major buffer of n² entries has the shape (n, n) in Fortran order");
    (value, Array1::from_vec(grad), hess)
}
