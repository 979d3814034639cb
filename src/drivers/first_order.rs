//! First-order drivers: the derivative, gradient, Jacobian and Jacobian-vector product, each
//! evaluating the function on a first-order dual type in chunks of [`Seed::WIDTH`] directions.
#![forbid(unsafe_code)]

use super::{Seed, fill_columns, for_each_chunk};
use crate::{Dual, Real};
#[cfg(feature = "alloc")]
use alloc::{vec, vec::Vec};
#[cfg(feature = "alloc")]
use nalgebra::DMatrix;

/// Returns `f(x)` and `f'(x)` in one evaluation on [`Dual`].
///
/// ```
/// use dualdiff::derivative;
///
/// // d/dx eˣ·sin x = eˣ(sin x + cos x)
/// let (f, df) = derivative(|x| x.exp() * x.sin(), 1.0);
/// assert_eq!(f, 1f64.exp() * 1f64.sin());
/// assert!((df - 1f64.exp() * (1f64.sin() + 1f64.cos())).abs() < 1e-15);
/// ```
#[inline]
pub fn derivative<T: Real>(f: impl FnOnce(Dual<T>) -> Dual<T>, x: T) -> (T, T) {
    let y = f(Dual::variable(x));
    (y.re, y.eps)
}

/// Returns `f(x)` and its gradient, evaluating `f` in chunks of `D::WIDTH` partials:
/// `ceil(n / WIDTH)` passes (one pass for `n = 0`).
///
/// Choose `D` by annotating the closure (`|x: &[DualVec64<4>]| …`) or by naming a generic
/// function (`gradient(rosenbrock::<DualVec64<4>>, &x)`). [`Dual`] gives `n` passes; a
/// [`DualVec`](crate::DualVec) of width 4 to 16 is usually fastest.
///
/// ```
/// use dualdiff::{gradient, DualVec64};
/// use num_traits::Float;
///
/// fn rosenbrock<D: Float>(x: &[D]) -> D {
///     let (one, hundred) = (D::one(), D::from(100.0).unwrap());
///     (one - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
/// }
///
/// let (f, g) = gradient(rosenbrock::<DualVec64<2>>, &[1.5, 2.0]);
/// assert_eq!(f, rosenbrock(&[1.5, 2.0]));
/// // ∇f = (−2(1−x) − 400x(y−x²), 200(y−x²))
/// assert_eq!(g, vec![-2.0 * (1.0 - 1.5) - 400.0 * 1.5 * (2.0 - 2.25), 200.0 * (2.0 - 2.25)]);
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn gradient<T, D, F>(f: F, x: &[T]) -> (T, Vec<T>)
where
    T: Real,
    D: Seed<Scalar = T>,
    F: FnMut(&[D]) -> D,
{
    let mut work = vec![D::constant(T::zero()); x.len()];
    let mut grad = vec![T::zero(); x.len()];
    let value = gradient_into(f, x, &mut work, &mut grad);
    (value, grad)
}

/// Computes the gradient of `f` at `x` into `grad` and returns `f(x)`, allocating nothing.
///
/// `work` is scratch space for the seeded inputs; its contents on entry do not matter.
///
/// # Panics
/// If `work` or `grad` is not as long as `x`.
///
/// ```
/// use dualdiff::{gradient_into, Dual64};
///
/// let x = [1.0, 2.0];
/// let mut work = [Dual64::default(); 2];
/// let mut grad = [0.0; 2];
/// // f = x·y²: ∇f = (y², 2xy)
/// let f = gradient_into(|v: &[Dual64]| v[0] * v[1] * v[1], &x, &mut work, &mut grad);
/// assert_eq!((f, grad), (4.0, [4.0, 4.0]));
/// ```
#[inline]
pub fn gradient_into<T, D, F>(mut f: F, x: &[T], work: &mut [D], grad: &mut [T]) -> T
where
    T: Real,
    D: Seed<Scalar = T>,
    F: FnMut(&[D]) -> D,
{
    assert_eq!(
        grad.len(),
        x.len(),
        "gradient_into: grad must be as long as x"
    );
    let mut value = T::nan();
    for_each_chunk(x, work, |w, start, end| {
        let y = f(w);
        value = y.value();
        for (k, g) in grad[start..end].iter_mut().enumerate() {
            *g = y.partial(k);
        }
    });
    value
}

/// Returns `f(x)` and the m×n Jacobian (row `i` = output `i`), filled column by column, one
/// chunk of `D::WIDTH` columns per pass: `ceil(n / WIDTH)` passes (one for `n = 0`).
///
/// # Panics
/// If `f` returns outputs of different lengths on different passes.
///
/// ```
/// use dualdiff::{jacobian, DualVec64};
///
/// // f(x, y) = (x²y, 5x + sin y)
/// let (fx, j) = jacobian(
///     |v: &[DualVec64<2>]| vec![v[0] * v[0] * v[1], v[0] * 5.0 + v[1].sin()],
///     &[1.0, 2.0],
/// );
/// assert_eq!(fx, vec![2.0, 5.0 + 2f64.sin()]);
/// assert_eq!(j[(0, 0)], 4.0); // 2xy
/// assert_eq!(j[(0, 1)], 1.0); // x²
/// assert_eq!(j[(1, 0)], 5.0);
/// assert_eq!(j[(1, 1)], 2f64.cos());
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn jacobian<T, D, F>(mut f: F, x: &[T]) -> (Vec<T>, DMatrix<T>)
where
    T: Real,
    D: Seed<Scalar = T>,
    F: FnMut(&[D]) -> Vec<D>,
{
    let n = x.len();
    let mut work = vec![D::constant(T::zero()); n];
    let mut values = Vec::new();
    let mut jac = DMatrix::zeros(0, n);
    let mut first = true;
    for_each_chunk(x, &mut work, |w, start, end| {
        let y = f(w);
        if first {
            first = false;
            values = vec![T::zero(); y.len()];
            jac = DMatrix::zeros(y.len(), n);
        }
        assert_eq!(
            y.len(),
            values.len(),
            "jacobian: f returned outputs of different lengths"
        );
        fill_columns(&y, start, end, &mut values, jac.as_mut_slice());
    });
    (values, jac)
}

/// Computes `f(x)` into `values` and the Jacobian into `jac`, allocating nothing.
///
/// `f(x, out)` writes its m outputs into `out`. `work` (length n) and `out` (length m) are scratch
/// space for the seeded inputs and the dual outputs; their contents on entry do not matter.
///
/// # Panics
/// If `work` is not of length n, `out` and `values` not of length m, or `jac` not m×n.
///
/// ```
/// use dualdiff::{jacobian_into, DualVec64};
/// use nalgebra::DMatrix;
///
/// // f(x, y) = (xy, x − y)
/// let f = |v: &[DualVec64<2>], out: &mut [DualVec64<2>]| {
///     out[0] = v[0] * v[1];
///     out[1] = v[0] - v[1];
/// };
/// let (mut work, mut out) = ([DualVec64::default(); 2], [DualVec64::default(); 2]);
/// let (mut values, mut jac) = ([0.0; 2], DMatrix::zeros(2, 2));
/// jacobian_into(f, &[3.0, 4.0], &mut work, &mut out, &mut values, &mut jac);
/// assert_eq!(values, [12.0, -1.0]);
/// assert_eq!(jac, DMatrix::from_row_slice(2, 2, &[4.0, 3.0, 1.0, -1.0]));
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn jacobian_into<T, D, F>(
    f: F,
    x: &[T],
    work: &mut [D],
    out: &mut [D],
    values: &mut [T],
    jac: &mut DMatrix<T>,
) where
    T: Real,
    D: Seed<Scalar = T>,
    F: FnMut(&[D], &mut [D]),
{
    assert_eq!(
        jac.shape(),
        (out.len(), x.len()),
        "jacobian_into: jac must be m×n"
    );
    jacobian_into_col_major(f, x, work, out, values, jac.as_mut_slice());
}

/// Computes `f(x)` into `values` and the m×n Jacobian into `jac`, column-major (entry `(i, j)` at
/// `jac[i + j·m]`), allocating nothing: the form for any matrix type whose storage is a
/// column-major slice (either nalgebra version's `DMatrix::as_mut_slice`, faer, or a plain
/// buffer). For row-major storage (ndarray's default), ask for the transpose: the slice of an
/// n×m row-major matrix is this layout. Otherwise as [`jacobian_into`].
///
/// # Panics
/// If `work` is not of length n, `out` and `values` not of length m, or `jac` not of length m·n.
///
/// ```
/// use dualdiff::{jacobian_into_col_major, DualVec64};
///
/// // f(x, y) = (xy, x − y, x²): J = [[y, x], [1, −1], [2x, 0]]
/// let f = |v: &[DualVec64<2>], out: &mut [DualVec64<2>]| {
///     out[0] = v[0] * v[1];
///     out[1] = v[0] - v[1];
///     out[2] = v[0] * v[0];
/// };
/// let (mut work, mut out) = ([DualVec64::default(); 2], [DualVec64::default(); 3]);
/// let (mut values, mut jac) = ([0.0; 3], [0.0; 6]);
/// jacobian_into_col_major(f, &[3.0, 4.0], &mut work, &mut out, &mut values, &mut jac);
/// assert_eq!(values, [12.0, -1.0, 9.0]);
/// assert_eq!(jac, [4.0, 1.0, 6.0, /* second column */ 3.0, -1.0, 0.0]);
/// ```
#[inline]
pub fn jacobian_into_col_major<T, D, F>(
    mut f: F,
    x: &[T],
    work: &mut [D],
    out: &mut [D],
    values: &mut [T],
    jac: &mut [T],
) where
    T: Real,
    D: Seed<Scalar = T>,
    F: FnMut(&[D], &mut [D]),
{
    let m = out.len();
    assert_eq!(
        values.len(),
        m,
        "jacobian_into_col_major: values must be as long as out"
    );
    assert_eq!(
        jac.len(),
        m * x.len(),
        "jacobian_into_col_major: jac must hold m·n entries"
    );
    for_each_chunk(x, work, |w, start, end| {
        f(w, out);
        fill_columns(out, start, end, values, jac);
    });
}

/// Returns `f(x)` and the Jacobian-vector product `J·v` in one pass on [`Dual`], without forming
/// `J`.
///
/// # Panics
/// If `v` is not as long as `x`.
///
/// ```
/// use dualdiff::{jvp, Dual64};
///
/// // f(x, y) = (xy, x + y); J·v at (2, 3) along (1, −1) = (3 − 2, 1 − 1)
/// let (fx, jv) = jvp(|v: &[Dual64]| vec![v[0] * v[1], v[0] + v[1]], &[2.0, 3.0], &[1.0, -1.0]);
/// assert_eq!((fx, jv), (vec![6.0, 5.0], vec![1.0, 0.0]));
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn jvp<T, F>(mut f: F, x: &[T], v: &[T]) -> (Vec<T>, Vec<T>)
where
    T: Real,
    F: FnMut(&[Dual<T>]) -> Vec<Dual<T>>,
{
    assert_eq!(v.len(), x.len(), "jvp: v must be as long as x");
    let work: Vec<Dual<T>> = x
        .iter()
        .zip(v)
        .map(|(&xi, &vi)| Dual::new(xi, vi))
        .collect();
    let y = f(&work);
    y.iter().map(|yi| (yi.re, yi.eps)).unzip()
}

/// Computes `f(x)` into `values` and `J·v` into `jv`, allocating nothing. `f(x, out)` writes its
/// outputs into `out`; `work` (length n) and `out` (length m) are scratch space.
///
/// # Panics
/// If `v` or `work` is not as long as `x`, or `values` or `jv` not as long as `out`.
///
/// ```
/// use dualdiff::{jvp_into, Dual64};
///
/// let f = |v: &[Dual64], out: &mut [Dual64]| out[0] = v[0] * v[1];
/// let (mut work, mut out) = ([Dual64::default(); 2], [Dual64::default(); 1]);
/// let (mut values, mut jv) = ([0.0], [0.0]);
/// jvp_into(f, &[2.0, 3.0], &[1.0, 1.0], &mut work, &mut out, &mut values, &mut jv);
/// assert_eq!((values, jv), ([6.0], [5.0]));
/// ```
#[inline]
pub fn jvp_into<T, F>(
    mut f: F,
    x: &[T],
    v: &[T],
    work: &mut [Dual<T>],
    out: &mut [Dual<T>],
    values: &mut [T],
    jv: &mut [T],
) where
    T: Real,
    F: FnMut(&[Dual<T>], &mut [Dual<T>]),
{
    assert_eq!(v.len(), x.len(), "jvp_into: v must be as long as x");
    assert_eq!(work.len(), x.len(), "jvp_into: work must be as long as x");
    assert_eq!(
        values.len(),
        out.len(),
        "jvp_into: values must be as long as out"
    );
    assert_eq!(jv.len(), out.len(), "jvp_into: jv must be as long as out");
    for ((w, &xi), &vi) in work.iter_mut().zip(x).zip(v) {
        *w = Dual::new(xi, vi);
    }
    f(work, out);
    for ((yi, val), d) in out.iter().zip(values.iter_mut()).zip(jv.iter_mut()) {
        *val = yi.re;
        *d = yi.eps;
    }
}

/// Returns `f(x)` and the vector–Jacobian product `wᵀJ` (the gradient of `w·f`), evaluating `f`
/// in chunks of `D::WIDTH` directions: `ceil(n / WIDTH)` passes, the cost of [`jacobian`], but
/// without storing the m×n Jacobian.
///
/// Of the four products of forward-mode differentiation, [`jvp`] (`J·v`) takes one pass
/// whatever n, and `vjp` (`wᵀJ`) takes as many as a gradient: forward mode carries directions
/// in the inputs, and `wᵀJ` needs all n of them. Prefer `vjp` to `jacobian` when only the
/// combination is needed (a Gauss–Newton gradient `Jᵀr`, the adjoint of a constraint) or when
/// m is large, and `jvp` when the direction is on the input side. Reverse mode (backpropagation)
/// computes `wᵀJ` in one pass for any n; that is outside a forward-mode crate.
///
/// # Panics
/// If `w` is not as long as the output, or `f` returns outputs of different lengths on
/// different passes.
///
/// ```
/// use dualdiff::{vjp, DualVec64};
///
/// // f(x, y) = (xy, x + y²): J = [[y, x], [1, 2y]], and (1, 10)ᵀJ at (2, 3) = (3 + 10, 2 + 60)
/// let f = |v: &[DualVec64<2>]| vec![v[0] * v[1], v[0] + v[1] * v[1]];
/// let (fx, wj) = vjp(f, &[2.0, 3.0], &[1.0, 10.0]);
/// assert_eq!((fx, wj), (vec![6.0, 11.0], vec![13.0, 62.0]));
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn vjp<T, D, F>(mut f: F, x: &[T], w: &[T]) -> (Vec<T>, Vec<T>)
where
    T: Real,
    D: Seed<Scalar = T>,
    F: FnMut(&[D]) -> Vec<D>,
{
    let n = x.len();
    let mut work = vec![D::constant(T::zero()); n];
    let mut values = vec![T::zero(); w.len()];
    let mut wj = vec![T::zero(); n];
    for_each_chunk(x, &mut work, |v, start, end| {
        let y = f(v);
        assert_eq!(y.len(), w.len(), "vjp: w must be as long as f's output");
        combine(&y, w, start, end, &mut values, &mut wj);
    });
    (values, wj)
}

/// Computes `f(x)` into `values` and `wᵀJ` into `wj`, allocating nothing: as [`vjp`], with
/// `f(x, out)` writing its m outputs into `out`. `work` (length n) and `out` (length m) are
/// scratch space for the seeded inputs and the dual outputs.
///
/// # Panics
/// If `work` or `wj` is not as long as `x`, or `w` or `values` not as long as `out`.
///
/// ```
/// use dualdiff::{vjp_into, Dual64};
///
/// // f(x, y) = (xy, x − y): wᵀJ = w₀(y, x) + w₁(1, −1)
/// let f = |v: &[Dual64], out: &mut [Dual64]| {
///     out[0] = v[0] * v[1];
///     out[1] = v[0] - v[1];
/// };
/// let (mut work, mut out) = ([Dual64::default(); 2], [Dual64::default(); 2]);
/// let (mut values, mut wj) = ([0.0; 2], [0.0; 2]);
/// vjp_into(f, &[3.0, 4.0], &[2.0, 1.0], &mut work, &mut out, &mut values, &mut wj);
/// assert_eq!((values, wj), ([12.0, -1.0], [9.0, 5.0]));
/// ```
#[inline]
pub fn vjp_into<T, D, F>(
    mut f: F,
    x: &[T],
    w: &[T],
    work: &mut [D],
    out: &mut [D],
    values: &mut [T],
    wj: &mut [T],
) where
    T: Real,
    D: Seed<Scalar = T>,
    F: FnMut(&[D], &mut [D]),
{
    assert_eq!(w.len(), out.len(), "vjp_into: w must be as long as out");
    assert_eq!(
        values.len(),
        out.len(),
        "vjp_into: values must be as long as out"
    );
    assert_eq!(wj.len(), x.len(), "vjp_into: wj must be as long as x");
    for_each_chunk(x, work, |v, start, end| {
        f(v, out);
        combine(out, w, start, end, values, wj);
    });
}

/// Copies the values of one pass into `values` and writes `Σᵢ wᵢ·∂yᵢ/∂xⱼ` for the pass's
/// chunk `j ∈ [start, end)` into `wj`.
#[inline]
fn combine<T: Real, D: Seed<Scalar = T>>(
    y: &[D],
    w: &[T],
    start: usize,
    end: usize,
    values: &mut [T],
    wj: &mut [T],
) {
    for (value, yi) in values.iter_mut().zip(y) {
        *value = yi.value();
    }
    for (k, out) in wj[start..end].iter_mut().enumerate() {
        *out = y
            .iter()
            .zip(w)
            .fold(T::zero(), |acc, (yi, &wi)| acc + wi * yi.partial(k));
    }
}
