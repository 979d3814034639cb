//! The test problems, each written three ways:
//!
//! - once generic over [`num_traits::Float`], evaluated on `f64` (the primal) and on dualdiff's
//!   types;
//! - once generic over num-dual's [`DualNum`], because num-dual's types do not implement `Float`;
//! - its derivatives by hand (the analytic reference every other method is checked against).
//!
//! The two generic versions perform the same operations in the same order, so their values agree
//! to rounding; `cases` asserts that before timing anything.

use nalgebra::DMatrix;
use num_dual::DualNum;
use num_traits::Float;
use std::f64::consts::{E, PI};
use std::ops::Mul;

/// Returns the `f64` constant `c` as a `T`.
#[inline]
fn c<T: Float>(c: f64) -> T {
    T::from(c).unwrap_or_else(T::nan)
}

// ---------------------------------------------------------------------------------------------
// 1. A scalar transcendental composite: f(x) = e^(sin x) · √(x² + 1) + ln(x² + 2) · atan x.
// ---------------------------------------------------------------------------------------------

/// The point of the scalar derivative.
pub const COMPOSITE_X: f64 = 0.7;

/// f(x) = e^(sin x) · √(x² + 1) + ln(x² + 2) · atan x.
#[inline]
pub fn composite<T: Float>(x: T) -> T {
    let x2 = x * x;
    x.sin().exp() * (x2 + T::one()).sqrt() + (x2 + c(2.0)).ln() * x.atan()
}

/// [`composite`] for num-dual.
#[inline]
pub fn composite_nd<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    let x2 = x * x;
    x.sin().exp() * (x2 + 1.0).sqrt() + (x2 + 2.0).ln() * x.atan()
}

/// Returns `(f, f')` of [`composite`] by hand, sharing subexpressions:
/// f' = e^(sin x)·(cos x·√(x²+1) + x/√(x²+1)) + 2x·atan x/(x²+2) + ln(x²+2)/(x²+1).
#[inline]
pub fn composite_analytic(x: f64) -> (f64, f64) {
    let x2 = x * x;
    let (s, co) = x.sin_cos();
    let es = s.exp();
    let r = (x2 + 1.0).sqrt();
    let q = x2 + 2.0;
    let l = q.ln();
    let at = x.atan();
    let f = es * r + l * at;
    let df = es * (co * r + x / r) + 2.0 * x * at / q + l / (x2 + 1.0);
    (f, df)
}

// ---------------------------------------------------------------------------------------------
// 2. The extended (chained) Rosenbrock function Σᵢ (xᵢ − 1)² + 100 (xᵢ₊₁ − xᵢ²)², the form used
//    by examples/tour.rs; for n = 2 it is the classic banana.
// ---------------------------------------------------------------------------------------------

/// The standard start (−1.2, 1, −1.2, 1, …), perturbed a little so no two entries are equal.
#[must_use]
pub fn rosenbrock_start(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| {
            let t = i as f64;
            if i % 2 == 0 {
                -1.2 + 0.05 * t.sin()
            } else {
                1.0 + 0.05 * t.cos()
            }
        })
        .collect()
}

/// Σᵢ (xᵢ − 1)² + 100 (xᵢ₊₁ − xᵢ²)².
#[inline]
pub fn rosenbrock<T: Float>(x: &[T]) -> T {
    let (one, hundred) = (T::one(), c::<T>(100.0));
    x.windows(2).fold(T::zero(), |acc, w| {
        let a = w[0] - one;
        let b = w[1] - w[0] * w[0];
        acc + a * a + b * b * hundred
    })
}

/// [`rosenbrock`] for num-dual. No `Copy` bound, so that the heap-allocated `DualDVec64` works too;
/// for `Copy` types the clones are copies.
#[inline]
pub fn rosenbrock_nd<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    x.windows(2).fold(D::zero(), |acc, w| {
        let a = w[0].clone() - 1.0;
        let b = w[1].clone() - w[0].clone() * &w[0];
        acc + a.clone() * &a + b.clone() * &b * 100.0
    })
}

/// [`rosenbrock`] as an index loop: the same operations in the same order.
// The index loop is the formulation being offered, so clippy's iterator advice does not apply.
#[allow(clippy::needless_range_loop)]
#[inline]
pub fn rosenbrock_loop<T: Float>(x: &[T]) -> T {
    let (one, hundred) = (T::one(), c::<T>(100.0));
    let mut acc = T::zero();
    for i in 0..x.len().saturating_sub(1) {
        let a = x[i] - one;
        let b = x[i + 1] - x[i] * x[i];
        acc = acc + a * a + b * b * hundred;
    }
    acc
}

/// [`rosenbrock`] for num-dual's `Copy` types as an index loop, written as num-dual's own
/// examples write it: values copied, constants as `f64`.
#[allow(clippy::needless_range_loop)]
#[inline]
pub fn rosenbrock_nd_loop<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> D {
    let mut acc = D::zero();
    for i in 0..x.len().saturating_sub(1) {
        let a = x[i] - 1.0;
        let b = x[i + 1] - x[i] * x[i];
        acc = acc + a * a + b * b * 100.0;
    }
    acc
}

/// [`rosenbrock`] for num-dual as an index loop multiplying through references (`&a * &a`),
/// num-dual's idiom for its large and heap-allocated duals: no factor is copied or cloned.
#[allow(clippy::needless_range_loop)]
#[inline]
pub fn rosenbrock_nd_ref<D: DualNum<Primitive = f64>>(x: &[D]) -> D
where
    for<'r> &'r D: Mul<&'r D, Output = D>,
{
    let mut acc = D::zero();
    for i in 0..x.len().saturating_sub(1) {
        let a = x[i].clone() - 1.0;
        let b = x[i + 1].clone() - &x[i] * &x[i];
        acc += &a * &a + &b * &b * 100.0;
    }
    acc
}

/// Returns `(f, ∇f)` of [`rosenbrock`] by hand.
#[must_use]
pub fn rosenbrock_gradient(x: &[f64]) -> (f64, Vec<f64>) {
    let mut g = vec![0.0; x.len()];
    let mut f = 0.0;
    for i in 0..x.len().saturating_sub(1) {
        let a = x[i] - 1.0;
        let b = x[i + 1] - x[i] * x[i];
        f += a * a + b * b * 100.0;
        g[i] += 2.0 * a - 400.0 * x[i] * b;
        g[i + 1] += 200.0 * b;
    }
    (f, g)
}

/// Returns `(f, ∇f, ∇²f)` of [`rosenbrock`] by hand; the Hessian is tridiagonal.
#[must_use]
pub fn rosenbrock_hessian(x: &[f64]) -> (f64, Vec<f64>, DMatrix<f64>) {
    let n = x.len();
    let (f, g) = rosenbrock_gradient(x);
    let mut h = DMatrix::zeros(n, n);
    for i in 0..n.saturating_sub(1) {
        // ∂²/∂xᵢ² = 2 − 400 (xᵢ₊₁ − xᵢ²) + 800 xᵢ²; ∂²/∂xᵢ∂xᵢ₊₁ = −400 xᵢ; ∂²/∂xᵢ₊₁² = 200.
        h[(i, i)] += 2.0 - 400.0 * x[i + 1] + 1200.0 * x[i] * x[i];
        h[(i, i + 1)] = -400.0 * x[i];
        h[(i + 1, i)] = -400.0 * x[i];
        h[(i + 1, i + 1)] += 200.0;
    }
    (f, g, h)
}

// ---------------------------------------------------------------------------------------------
// 3. Ackley: f(x) = −a·exp(−b·√(S/n)) − exp(C/n) + a + e, S = Σ xᵢ², C = Σ cos(c·xᵢ),
//    a = 20, b = 0.2, c = 2π.
// ---------------------------------------------------------------------------------------------

const ACKLEY_A: f64 = 20.0;
const ACKLEY_B: f64 = 0.2;
const ACKLEY_C: f64 = 2.0 * PI;

/// A point away from the origin (where √S is not differentiable), all entries distinct.
#[must_use]
pub fn ackley_start(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.3 + 0.17 * i as f64).collect()
}

/// The Ackley function.
#[inline]
pub fn ackley<T: Float>(x: &[T]) -> T {
    let (a, b, cc) = (c::<T>(ACKLEY_A), c::<T>(ACKLEY_B), c::<T>(ACKLEY_C));
    let n = c::<T>(x.len() as f64);
    let (mut s, mut cs) = (T::zero(), T::zero());
    for &xi in x {
        s = s + xi * xi;
        cs = cs + (xi * cc).cos();
    }
    -((s / n).sqrt() * -b).exp() * a - (cs / n).exp() + a + c(E)
}

/// [`ackley`] with both sums in one iterator fold.
#[inline]
pub fn ackley_fold<T: Float>(x: &[T]) -> T {
    let (a, b, cc) = (c::<T>(ACKLEY_A), c::<T>(ACKLEY_B), c::<T>(ACKLEY_C));
    let n = c::<T>(x.len() as f64);
    let (s, cs) = x.iter().fold((T::zero(), T::zero()), |(s, cs), &xi| {
        (s + xi * xi, cs + (xi * cc).cos())
    });
    -((s / n).sqrt() * -b).exp() * a - (cs / n).exp() + a + c(E)
}

/// [`ackley`] for num-dual.
#[inline]
pub fn ackley_nd<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> D {
    let n = x.len() as f64;
    let (mut s, mut cs) = (D::zero(), D::zero());
    for &xi in x {
        s += xi * xi;
        cs += (xi * ACKLEY_C).cos();
    }
    -((s / n).sqrt() * -ACKLEY_B).exp() * ACKLEY_A - (cs / n).exp() + ACKLEY_A + E
}

/// [`ackley_fold`] for num-dual.
#[inline]
pub fn ackley_nd_fold<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> D {
    let n = x.len() as f64;
    let (s, cs) = x.iter().fold((D::zero(), D::zero()), |(s, cs), &xi| {
        (s + xi * xi, cs + (xi * ACKLEY_C).cos())
    });
    -((s / n).sqrt() * -ACKLEY_B).exp() * ACKLEY_A - (cs / n).exp() + ACKLEY_A + E
}

/// The pieces shared by the analytic Ackley derivatives.
struct AckleyParts {
    f: f64,
    /// `r = √(S/n)`.
    r: f64,
    /// `K = a·b·e^(−br)/(n·r)`: the first term's gradient is `K·x`.
    k: f64,
    /// `dK/dr`, times `1/(n·r)`: the first term's Hessian is `K·I + kr·x·xᵀ`.
    kr: f64,
    /// `E = exp(C/n)`.
    e: f64,
    /// `sᵢ = c·sin(c·xᵢ)` and `cᵢ = c²·cos(c·xᵢ)`.
    sin_c: Vec<f64>,
    cos_c: Vec<f64>,
}

fn ackley_parts(x: &[f64]) -> AckleyParts {
    let n = x.len() as f64;
    let s: f64 = x.iter().map(|xi| xi * xi).sum();
    let cs: f64 = x.iter().map(|&xi| (xi * ACKLEY_C).cos()).sum();
    let (sin_c, cos_c): (Vec<f64>, Vec<f64>) = x
        .iter()
        .map(|&xi| {
            let (sn, cn) = (ACKLEY_C * xi).sin_cos();
            (ACKLEY_C * sn, ACKLEY_C * ACKLEY_C * cn)
        })
        .unzip();
    let r = (s / n).sqrt();
    let ebr = (-ACKLEY_B * r).exp();
    let e = (cs / n).exp();
    let k = ACKLEY_A * ACKLEY_B * ebr / (n * r);
    let dk = -ACKLEY_A * ACKLEY_B * ebr * (ACKLEY_B * r + 1.0) / (n * r * r);
    AckleyParts {
        f: -ACKLEY_A * ebr - e + ACKLEY_A + E,
        r,
        k,
        kr: dk / (n * r),
        e,
        sin_c,
        cos_c,
    }
}

/// Returns `(f, ∇f)` of [`ackley`] by hand: `∂f/∂xᵢ = K·xᵢ + E·c·sin(c·xᵢ)/n`.
#[must_use]
pub fn ackley_gradient(x: &[f64]) -> (f64, Vec<f64>) {
    let p = ackley_parts(x);
    let n = x.len() as f64;
    let g = x
        .iter()
        .zip(&p.sin_c)
        .map(|(&xi, &si)| p.k * xi + p.e * si / n)
        .collect();
    (p.f, g)
}

/// Returns `(f, ∇f, ∇²f)` of [`ackley`] by hand:
/// `∂²f/∂xᵢ∂xⱼ = K·δᵢⱼ + kr·xᵢxⱼ − E·sᵢsⱼ/n² + δᵢⱼ·E·cᵢ/n`.
#[must_use]
pub fn ackley_hessian(x: &[f64]) -> (f64, Vec<f64>, DMatrix<f64>) {
    let p = ackley_parts(x);
    let n = x.len();
    let nf = n as f64;
    debug_assert!(p.r > 0.0);
    let g = x
        .iter()
        .zip(&p.sin_c)
        .map(|(&xi, &si)| p.k * xi + p.e * si / nf)
        .collect();
    let h = DMatrix::from_fn(n, n, |i, j| {
        let mut hij = p.kr * x[i] * x[j] - p.e * p.sin_c[i] * p.sin_c[j] / (nf * nf);
        if i == j {
            hij += p.k + p.e * p.cos_c[i] / nf;
        }
        hij
    });
    (p.f, g, h)
}

/// Returns `(f, H·v)` of [`ackley`] by hand in O(n), without forming `H`.
#[must_use]
pub fn ackley_hvp(x: &[f64], v: &[f64]) -> (f64, Vec<f64>) {
    let p = ackley_parts(x);
    let nf = x.len() as f64;
    let xv: f64 = x.iter().zip(v).map(|(a, b)| a * b).sum();
    let sv: f64 = p.sin_c.iter().zip(v).map(|(a, b)| a * b).sum();
    let hv = (0..x.len())
        .map(|i| {
            p.k * v[i] + p.kr * x[i] * xv - p.e * p.sin_c[i] * sv / (nf * nf)
                + p.e * p.cos_c[i] * v[i] / nf
        })
        .collect();
    (p.f, hv)
}

// ---------------------------------------------------------------------------------------------
// 5a. A small system R³ → R²: f(x, y, z) = (x·y·e^z − sin(x·z), ln(1 + x² + y²) + y·z²).
// ---------------------------------------------------------------------------------------------

/// The point of the small Jacobian.
pub const SMALL_X: [f64; 3] = [0.8, -1.3, 0.45];

/// The small system, writing its two outputs into `out`.
#[inline]
pub fn small_system_into<T: Float>(v: &[T], out: &mut [T]) {
    let (x, y, z) = (v[0], v[1], v[2]);
    out[0] = x * y * z.exp() - (x * z).sin();
    out[1] = (x * x + y * y + T::one()).ln() + y * z * z;
}

/// The small system, allocating its outputs (the form `jacobian` takes).
#[inline]
pub fn small_system<T: Float>(v: &[T]) -> Vec<T> {
    let mut out = vec![T::zero(); 2];
    small_system_into(v, &mut out);
    out
}

/// The small system for num-dual, on nalgebra's fixed-size vectors (no allocation).
#[inline]
pub fn small_system_nd<D: DualNum<Primitive = f64> + Copy>(v: &[D]) -> [D; 2] {
    let (x, y, z) = (v[0], v[1], v[2]);
    [
        x * y * z.exp() - (x * z).sin(),
        (x * x + y * y + 1.0).ln() + y * z * z,
    ]
}

/// Returns `(f, J)` of the small system by hand.
#[must_use]
pub fn small_system_jacobian(v: &[f64]) -> (Vec<f64>, DMatrix<f64>) {
    let (x, y, z) = (v[0], v[1], v[2]);
    let ez = z.exp();
    let (s, co) = (x * z).sin_cos();
    let q = x * x + y * y + 1.0;
    let f = vec![x * y * ez - s, q.ln() + y * z * z];
    #[rustfmt::skip]
    let j = DMatrix::from_row_slice(2, 3, &[
        y * ez - z * co, x * ez, x * y * ez - x * co,
        2.0 * x / q, 2.0 * y / q + z * z, 2.0 * y * z,
    ]);
    (f, j)
}

// ---------------------------------------------------------------------------------------------
// 5b. Chebyquad (Moré, Garbow & Hillstrom no. 35), m = n: a dense Jacobian.
//     fᵢ(x) = (1/n) Σⱼ Tᵢ(2xⱼ − 1) − ∫₀¹ Tᵢ(2t − 1) dt, i = 1..m, with ∫ = 0 for odd i and
//     −1/(i² − 1) for even i; Tᵢ by the recurrence Tₖ₊₁ = 2y·Tₖ − Tₖ₋₁.
// ---------------------------------------------------------------------------------------------

/// The standard start xⱼ = j/(n+1).
#[must_use]
pub fn chebyquad_start(n: usize) -> Vec<f64> {
    (1..=n).map(|j| j as f64 / (n + 1) as f64).collect()
}

/// Returns `−∫₀¹ Tᵢ(2t − 1) dt` for output `i` (0-based, so the polynomial is `T_{i+1}`).
#[inline]
fn chebyquad_shift(i: usize) -> f64 {
    let k = (i + 1) as f64;
    if i % 2 == 1 { 1.0 / (k * k - 1.0) } else { 0.0 }
}

/// Chebyquad, writing its `out.len()` outputs into `out`.
#[inline]
pub fn chebyquad_into<T: Float>(x: &[T], out: &mut [T]) {
    let one = T::one();
    out.fill(T::zero());
    for &xj in x {
        let y = xj + xj - one;
        let y2 = y + y;
        let (mut t_prev, mut t) = (one, y);
        for o in out.iter_mut() {
            *o = *o + t;
            let t_next = y2 * t - t_prev;
            t_prev = t;
            t = t_next;
        }
    }
    let n = c::<T>(x.len() as f64);
    for (i, o) in out.iter_mut().enumerate() {
        *o = *o / n + c(chebyquad_shift(i));
    }
}

/// [`chebyquad_into`] with index loops.
#[allow(clippy::needless_range_loop)]
#[inline]
pub fn chebyquad_into_indexed<T: Float>(x: &[T], out: &mut [T]) {
    let one = T::one();
    out.fill(T::zero());
    for j in 0..x.len() {
        let y = x[j] + x[j] - one;
        let y2 = y + y;
        let (mut t_prev, mut t) = (one, y);
        for i in 0..out.len() {
            out[i] = out[i] + t;
            let t_next = y2 * t - t_prev;
            t_prev = t;
            t = t_next;
        }
    }
    let n = c::<T>(x.len() as f64);
    for i in 0..out.len() {
        out[i] = out[i] / n + c(chebyquad_shift(i));
    }
}

/// Chebyquad with `m = n` outputs, allocating them (the form `jacobian` takes).
#[inline]
pub fn chebyquad<T: Float>(x: &[T]) -> Vec<T> {
    let mut out = vec![T::zero(); x.len()];
    chebyquad_into(x, &mut out);
    out
}

/// [`chebyquad_into`] for num-dual.
#[inline]
pub fn chebyquad_into_nd<D: DualNum<Primitive = f64> + Copy>(x: &[D], out: &mut [D]) {
    out.fill(D::zero());
    for &xj in x {
        let y = xj + xj - 1.0;
        let y2 = y + y;
        let (mut t_prev, mut t) = (D::one(), y);
        for o in out.iter_mut() {
            *o += t;
            let t_next = y2 * t - t_prev;
            t_prev = t;
            t = t_next;
        }
    }
    let n = x.len() as f64;
    for (i, o) in out.iter_mut().enumerate() {
        *o = *o / n + chebyquad_shift(i);
    }
}

/// [`chebyquad_into_nd`] with index loops.
#[allow(clippy::needless_range_loop)]
#[inline]
pub fn chebyquad_into_nd_indexed<D: DualNum<Primitive = f64> + Copy>(x: &[D], out: &mut [D]) {
    out.fill(D::zero());
    for j in 0..x.len() {
        let y = x[j] + x[j] - 1.0;
        let y2 = y + y;
        let (mut t_prev, mut t) = (D::one(), y);
        for i in 0..out.len() {
            out[i] += t;
            let t_next = y2 * t - t_prev;
            t_prev = t;
            t = t_next;
        }
    }
    let n = x.len() as f64;
    for i in 0..out.len() {
        out[i] = out[i] / n + chebyquad_shift(i);
    }
}

/// Returns `(f, J)` of Chebyquad (`m = n`) by hand: `Jᵢⱼ = (2/n)·T'ᵢ(yⱼ)`, with
/// `T'ₖ₊₁ = 2Tₖ + 2y·T'ₖ − T'ₖ₋₁` alongside the values.
#[must_use]
pub fn chebyquad_jacobian(x: &[f64]) -> (Vec<f64>, DMatrix<f64>) {
    let (n, m) = (x.len(), x.len());
    let nf = n as f64;
    let mut f = vec![0.0; m];
    let mut jac = DMatrix::zeros(m, n);
    for (j, &xj) in x.iter().enumerate() {
        let y = 2.0 * xj - 1.0;
        let (mut t_prev, mut t) = (1.0, y);
        let (mut d_prev, mut d) = (0.0, 1.0);
        let mut col = jac.column_mut(j);
        for i in 0..m {
            f[i] += t;
            col[i] = 2.0 * d / nf;
            let t_next = 2.0 * y * t - t_prev;
            let d_next = 2.0 * t + 2.0 * y * d - d_prev;
            (t_prev, t, d_prev, d) = (t, t_next, d, d_next);
        }
    }
    for (i, fi) in f.iter_mut().enumerate() {
        *fi = *fi / nf + chebyquad_shift(i);
    }
    (f, jac)
}

/// Returns `(f, J·v)` of Chebyquad (`m = n`) by hand, without forming `J`.
#[must_use]
pub fn chebyquad_jvp(x: &[f64], v: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let m = x.len();
    let nf = x.len() as f64;
    let mut f = vec![0.0; m];
    let mut jv = vec![0.0; m];
    for (&xj, &vj) in x.iter().zip(v) {
        let y = 2.0 * xj - 1.0;
        let (mut t_prev, mut t) = (1.0, y);
        let (mut d_prev, mut d) = (0.0, 1.0);
        for i in 0..m {
            f[i] += t;
            jv[i] += d * vj;
            let t_next = 2.0 * y * t - t_prev;
            let d_next = 2.0 * t + 2.0 * y * d - d_prev;
            (t_prev, t, d_prev, d) = (t, t_next, d, d_next);
        }
    }
    for (i, (fi, jvi)) in f.iter_mut().zip(&mut jv).enumerate() {
        *fi = *fi / nf + chebyquad_shift(i);
        *jvi *= 2.0 / nf;
    }
    (f, jv)
}

/// A direction for `J·v` and `H·v`: entries of both signs, none zero.
#[must_use]
pub fn direction(n: usize) -> Vec<f64> {
    (0..n).map(|i| 1.0 - 0.37 * i as f64 % 1.3).collect()
}
