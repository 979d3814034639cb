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
pub(crate) mod fixed_size;
#[cfg(feature = "alloc")]
pub(crate) mod implicit;
#[cfg(feature = "rayon")]
pub(crate) mod parallel;

#[cfg(feature = "alloc")]
use crate::Dual2Vec;
use crate::{Dual, DualVec, HyperDual, Scalar};
#[cfg(feature = "alloc")]
use alloc::{vec, vec::Vec};
#[cfg(feature = "alloc")]
use nalgebra::DMatrix;

/// A first-order dual type that drivers can seed: how many directions one evaluation carries,
/// how to seed direction `k`, and how to read it back.
///
/// Implemented by [`Dual<T>`] (one direction) and [`DualVec<T, N>`] (`N` directions); the
/// drivers [`gradient`] and [`jacobian`] take `ceil(n / WIDTH)` passes.
pub trait Seed: Copy {
    /// The scalar of the evaluation point.
    type Scalar: Scalar;

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

impl<T: Scalar> Seed for Dual<T> {
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

impl<T: Scalar, const N: usize> Seed for DualVec<T, N> {
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
pub fn derivative<T: Scalar>(f: impl FnOnce(Dual<T>) -> Dual<T>, x: T) -> (T, T) {
    let y = f(Dual::variable(x));
    (y.re, y.eps)
}

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
pub fn second_derivative<T: Scalar>(
    f: impl FnOnce(HyperDual<T>) -> HyperDual<T>,
    x: T,
) -> (T, T, T) {
    let y = f(HyperDual::variable(x));
    (y.re, y.e1, y.e12)
}

/// Seeds the inputs chunk by chunk: for each chunk `[start, end)` of at most `D::WIDTH` inputs,
/// seeds input `start + k` in direction `k`, calls `pass(work, start, end)`, and restores the
/// chunk to constants. With no inputs, `pass` runs once on the empty slice with `start = end = 0`.
fn for_each_chunk<T, D>(x: &[T], work: &mut [D], mut pass: impl FnMut(&[D], usize, usize))
where
    T: Scalar,
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

/// Copies the values and the partials of one chunk of columns into `values` and `jac`.
#[cfg(feature = "alloc")]
fn fill_columns<T: Scalar, D: Seed<Scalar = T>>(
    y: &[D],
    start: usize,
    end: usize,
    values: &mut [T],
    jac: &mut DMatrix<T>,
) {
    for (i, yi) in y.iter().enumerate() {
        values[i] = yi.value();
        for j in start..end {
            jac[(i, j)] = yi.partial(j - start);
        }
    }
}

/// Returns `f(x)` and its gradient, evaluating `f` in chunks of `D::WIDTH` partials:
/// `ceil(n / WIDTH)` passes (one pass for `n = 0`).
///
/// Choose `D` by annotating the closure (`|x: &[DualVec64<4>]| …`) or by naming a generic
/// function (`gradient(rosenbrock::<DualVec64<4>>, &x)`). [`Dual`] gives `n` passes; a
/// [`DualVec`] of width 4 to 16 is usually fastest.
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
pub fn gradient<T, D, F>(f: F, x: &[T]) -> (T, Vec<T>)
where
    T: Scalar,
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
pub fn gradient_into<T, D, F>(mut f: F, x: &[T], work: &mut [D], grad: &mut [T]) -> T
where
    T: Scalar,
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
pub fn jacobian<T, D, F>(mut f: F, x: &[T]) -> (Vec<T>, DMatrix<T>)
where
    T: Scalar,
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
        fill_columns(&y, start, end, &mut values, &mut jac);
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
pub fn jacobian_into<T, D, F>(
    mut f: F,
    x: &[T],
    work: &mut [D],
    out: &mut [D],
    values: &mut [T],
    jac: &mut DMatrix<T>,
) where
    T: Scalar,
    D: Seed<Scalar = T>,
    F: FnMut(&[D], &mut [D]),
{
    let m = out.len();
    assert_eq!(
        values.len(),
        m,
        "jacobian_into: values must be as long as out"
    );
    assert_eq!(jac.shape(), (m, x.len()), "jacobian_into: jac must be m×n");
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
pub fn jvp<T, F>(mut f: F, x: &[T], v: &[T]) -> (Vec<T>, Vec<T>)
where
    T: Scalar,
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
pub fn jvp_into<T, F>(
    mut f: F,
    x: &[T],
    v: &[T],
    work: &mut [Dual<T>],
    out: &mut [Dual<T>],
    values: &mut [T],
    jv: &mut [T],
) where
    T: Scalar,
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

/// A second-order dual type that [`hessian`] can use: how it computes a whole Hessian.
///
/// Implemented by [`HyperDual<T>`] (one evaluation per entry of the upper triangle,
/// `n(n+1)/2` in all) and [`Dual2Vec<T, N>`] (every entry at once for `n ≤ N`; for larger `n`,
/// one evaluation per pair of blocks of `N/2` inputs).
#[cfg(feature = "alloc")]
pub trait SecondOrder: Copy {
    /// The scalar of the evaluation point.
    type Scalar: Scalar;

    /// Returns the constant `x`.
    #[must_use]
    fn constant(x: Self::Scalar) -> Self;

    /// Computes the gradient and Hessian of `f` at `x` into `grad` and `hess` and returns
    /// `f(x)`; `work` has the length of `x`. See [`hessian_into`].
    fn hessian_into<F: FnMut(&[Self]) -> Self>(
        f: F,
        x: &[Self::Scalar],
        work: &mut [Self],
        grad: &mut [Self::Scalar],
        hess: &mut DMatrix<Self::Scalar>,
    ) -> Self::Scalar;
}

#[cfg(feature = "alloc")]
impl<T: Scalar> SecondOrder for HyperDual<T> {
    type Scalar = T;

    #[inline]
    fn constant(x: T) -> Self {
        Self::constant(x)
    }

    fn hessian_into<F: FnMut(&[Self]) -> Self>(
        mut f: F,
        x: &[T],
        work: &mut [Self],
        grad: &mut [T],
        hess: &mut DMatrix<T>,
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
                hess[(i, j)] = y.e12;
                hess[(j, i)] = y.e12;
                work[i] = Self::constant(x[i]);
                work[j] = Self::constant(x[j]);
            }
        }
        value
    }
}

#[cfg(feature = "alloc")]
impl<T: Scalar, const N: usize> SecondOrder for Dual2Vec<T, N> {
    type Scalar = T;

    #[inline]
    fn constant(x: T) -> Self {
        Self::constant(x)
    }

    fn hessian_into<F: FnMut(&[Self]) -> Self>(
        mut f: F,
        x: &[T],
        work: &mut [Self],
        grad: &mut [T],
        hess: &mut DMatrix<T>,
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
                    hess[(a, b)] = y.hess(da, db);
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
pub fn hessian<T, H, F>(f: F, x: &[T]) -> (T, Vec<T>, DMatrix<T>)
where
    T: Scalar,
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
pub fn hessian_into<T, H, F>(
    f: F,
    x: &[T],
    work: &mut [H],
    grad: &mut [T],
    hess: &mut DMatrix<T>,
) -> T
where
    T: Scalar,
    H: SecondOrder<Scalar = T>,
    F: FnMut(&[H]) -> H,
{
    let n = x.len();
    assert_eq!(work.len(), n, "hessian_into: work must be as long as x");
    assert_eq!(grad.len(), n, "hessian_into: grad must be as long as x");
    assert_eq!(hess.shape(), (n, n), "hessian_into: hess must be n×n");
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
pub fn hvp<T, F>(f: F, x: &[T], v: &[T]) -> (T, Vec<T>)
where
    T: Scalar,
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
pub fn hvp_into<T, F>(mut f: F, x: &[T], v: &[T], work: &mut [HyperDual<T>], hv: &mut [T]) -> T
where
    T: Scalar,
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
