//! dualdiff against its forward-mode peers, one process, one timing method.
//!
//! Every case computes the same function and derivative with dualdiff, num-dual 0.15 and
//! hand-written Rust; `benches/peers/peers.cpp` does the same with Ceres' `Jet` and Boost.Math's
//! `fvar`, and `benches/peers/run.sh` runs all the binaries interleaved and merges their output
//! into one table (see `benches/peers/README.md`).
//!
//! Each library gets its fastest natural formulation: every function is written as an index loop
//! and as an iterator fold, constants enter the way the library's own documentation writes them
//! (`x * 100.0` with an `f64`), and the table keeps the faster form, naming it.
//!
//! Timing: for each method, a batch of K calls sized to about 2 ms; then R rounds (30), each
//! timing one batch of every method in turn, so that a slow spell of the machine hits every
//! method alike; the figure is the median over the rounds of the time per call. Inputs pass
//! through `black_box`, and so does every result.
//!
//! Before any timing each method's value and derivative are checked against the hand-written
//! derivative (error `|d − ref| / max(|ref|, 1)` ≤ 1e-8, so relative for entries above 1), and
//! the hand-written derivative itself against central differences; a disagreement panics.
//!
//! ```text
//! cargo bench --bench peers                 # every case, a readable table per case
//! cargo bench --bench peers -- hess         # the cases whose name contains "hess"
//! cargo bench --bench peers -- --machine    # `case<TAB>method<TAB>median_ns` lines
//! ```
//!
//! Options: `--rounds R`, `--batch-ms M`; `--merge BUILD=FILE...` is run.sh's table (it reads
//! the `--machine` output of every binary). Method names read `library/driver/form`.

mod common;

use common::max_error;
use common::problems::rosenbrock_gradient;
use dualdiff::{
    Dual2Vec64, DualVec64, HyperDual64, derivative, gradient, gradient_fixed, hessian,
    hessian_fixed, jacobian, jacobian_fixed,
};
use nalgebra::{Const, DVector, Dyn, SMatrix, SVector, U1};
use num_dual::{Dual2SVec64, DualNum, DualSVec64, Gradients};
use num_traits::Float;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::ops::Mul;
use std::time::{Duration, Instant};

/// The largest error allowed of any method against the hand-written derivative.
const TOL: f64 = 1e-8;

// =============================================================================================
// The functions. Each is written once generic over `Float` (dualdiff, f64) and once over
// num-dual's `DualNum`, which its types implement instead of `Float`; the two perform the same
// operations in the same order.
// =============================================================================================

// --- 1. scalar: f(x) = e^(sin x)/√(1 + x²) + ln(1 + x)·atan x ---------------------------------

const SCALAR_X: f64 = 0.7;

#[inline]
fn scalar_f<T: Float>(x: T) -> T {
    let one = T::one();
    x.sin().exp() / (one + x * x).sqrt() + (one + x).ln() * x.atan()
}

#[inline]
fn scalar_nd<D: DualNum<Primitive = f64> + Copy>(x: D) -> D {
    x.sin().exp() / (x * x + 1.0).sqrt() + (x + 1.0).ln() * x.atan()
}

/// f and f′ by hand: f′ = e^(sin x)·(cos x/r − x/r³) + atan x/(1 + x) + ln(1 + x)/r², r = √(1 + x²).
#[inline]
fn scalar_hand(x: f64) -> (f64, f64) {
    let (s, c) = x.sin_cos();
    let e = s.exp();
    let q = 1.0 + x * x;
    let r = q.sqrt();
    let l = (1.0 + x).ln();
    let at = x.atan();
    (
        e / r + l * at,
        e * (c / r - x / (q * r)) + at / (1.0 + x) + l / q,
    )
}

// --- 2, 3. the extended Rosenbrock function Σ (xᵢ − 1)² + 100 (xᵢ₊₁ − xᵢ²)² ---------------------

/// The standard start (−1.2, 1, −1.2, …), moved by a few hundredths so that no two entries are
/// equal; plain arithmetic (no libm) so that the C++ side builds the same numbers.
fn rosen_start(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| {
            let base = if i % 2 == 0 { -1.2 } else { 1.0 };
            base + 0.013 * ((i * 5 % 11) as f64 - 5.0) / 5.0
        })
        .collect()
}

// The index loop is one of the two forms being timed, so clippy's iterator advice does not apply.
#[allow(clippy::needless_range_loop)]
#[inline]
fn rosen_loop<T: Float + Mul<f64, Output = T>>(x: &[T]) -> T {
    let one = T::one();
    let mut s = T::zero();
    for i in 0..x.len() - 1 {
        let a = x[i] - one;
        let b = x[i + 1] - x[i] * x[i];
        s = s + a * a + b * b * 100.0;
    }
    s
}

#[inline]
fn rosen_fold<T: Float + Mul<f64, Output = T>>(x: &[T]) -> T {
    let one = T::one();
    x.windows(2).fold(T::zero(), |s, w| {
        let a = w[0] - one;
        let b = w[1] - w[0] * w[0];
        s + a * a + b * b * 100.0
    })
}

/// [`rosen_loop`] with `Float` alone: 100 enters as `T::from`, a full dual constant.
#[allow(clippy::needless_range_loop)]
#[inline]
fn rosen_loop_from<T: Float>(x: &[T]) -> T {
    let (one, hundred) = (T::one(), T::from(100.0).unwrap());
    let mut s = T::zero();
    for i in 0..x.len() - 1 {
        let a = x[i] - one;
        let b = x[i + 1] - x[i] * x[i];
        s = s + a * a + b * b * hundred;
    }
    s
}

/// [`rosen_fold`] with `Float` alone (the form of `benches/common/problems.rs`).
#[inline]
fn rosen_fold_from<T: Float>(x: &[T]) -> T {
    let (one, hundred) = (T::one(), T::from(100.0).unwrap());
    x.windows(2).fold(T::zero(), |s, w| {
        let a = w[0] - one;
        let b = w[1] - w[0] * w[0];
        s + a * a + b * b * hundred
    })
}

#[allow(clippy::needless_range_loop)]
#[inline]
fn rosen_loop_nd<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> D {
    let mut s = D::zero();
    for i in 0..x.len() - 1 {
        let a = x[i] - 1.0;
        let b = x[i + 1] - x[i] * x[i];
        s = s + a * a + b * b * 100.0;
    }
    s
}

#[inline]
fn rosen_fold_nd<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> D {
    x.windows(2).fold(D::zero(), |s, w| {
        let a = w[0] - 1.0;
        let b = w[1] - w[0] * w[0];
        s + a * a + b * b * 100.0
    })
}

/// [`rosen_loop_nd`] multiplying through references, num-dual's idiom for its heap-allocated
/// types; for the fixed-size `Dual2SVec64` it saves a copy of each factor.
#[allow(clippy::needless_range_loop)]
#[inline]
fn rosen_loop_nd_ref<D: DualNum<Primitive = f64>>(x: &[D]) -> D
where
    for<'r> &'r D: Mul<&'r D, Output = D>,
{
    let mut s = D::zero();
    for i in 0..x.len() - 1 {
        let a = x[i].clone() - 1.0;
        let b = x[i + 1].clone() - &x[i] * &x[i];
        s += &a * &a + &b * &b * 100.0;
    }
    s
}

/// The criterion suite's num-dual Rosenbrock before it was fixed: no `Copy` bound, so values are
/// cloned and multiplied through references. Kept as a labelled row so that the cost of that
/// form stays visible beside the natural ones.
#[inline]
fn rosen_fold_nd_clone<D: DualNum<Primitive = f64>>(x: &[D]) -> D {
    x.windows(2).fold(D::zero(), |acc, w| {
        let a = w[0].clone() - 1.0;
        let b = w[1].clone() - w[0].clone() * &w[0];
        acc + a.clone() * &a + b.clone() * &b * 100.0
    })
}

/// f, ∇f and ∇²f by hand, on the stack; the Hessian is tridiagonal.
fn rosen_hess_hand<const N: usize>(x: &[f64]) -> (f64, [f64; N], SMatrix<f64, N, N>) {
    let mut g = [0.0; N];
    let mut h = SMatrix::<f64, N, N>::zeros();
    let mut f = 0.0;
    for i in 0..N - 1 {
        let a = x[i] - 1.0;
        let b = x[i + 1] - x[i] * x[i];
        f += a * a + b * b * 100.0;
        g[i] += 2.0 * a - 400.0 * x[i] * b;
        g[i + 1] += 200.0 * b;
        h[(i, i)] += 2.0 - 400.0 * x[i + 1] + 1200.0 * x[i] * x[i];
        h[(i, i + 1)] = -400.0 * x[i];
        h[(i + 1, i)] = -400.0 * x[i];
        h[(i + 1, i + 1)] += 200.0;
    }
    (f, g, h)
}

// --- 4. jacobian_3x2: (x₀ sin x₁ + e^x₂, √(x₀² + x₁x₂)) --------------------------------------

const JAC_X: [f64; 3] = [1.0, 2.0, 0.5];

#[inline]
fn jac_f<T: Float>(x: &[T]) -> [T; 2] {
    [
        x[0] * x[1].sin() + x[2].exp(),
        (x[0] * x[0] + x[1] * x[2]).sqrt(),
    ]
}

#[inline]
fn jac_nd<D: DualNum<Primitive = f64> + Copy>(x: &[D]) -> [D; 2] {
    [
        x[0] * x[1].sin() + x[2].exp(),
        (x[0] * x[0] + x[1] * x[2]).sqrt(),
    ]
}

/// F and J (row-major) by hand.
#[inline]
fn jac_hand(x: &[f64]) -> ([f64; 2], [[f64; 3]; 2]) {
    let (s, c) = x[1].sin_cos();
    let e = x[2].exp();
    let r = (x[0] * x[0] + x[1] * x[2]).sqrt();
    (
        [x[0] * s + e, r],
        [[s, x[0] * c, e], [x[0] / r, 0.5 * x[2] / r, 0.5 * x[1] / r]],
    )
}

// --- 5. datafit: logistic-regression loss Σᵢ ln(1 + exp(−yᵢ·aᵢᵀw)), 300 rows, 40 weights ------

const ROWS: usize = 300;
const COLS: usize = 40;

/// The data: `a` row-major (`ROWS × COLS`), entries in [−1, 1); labels ±1.
struct Data {
    a: Vec<f64>,
    y: Vec<f64>,
}

/// A 64-bit linear congruential generator (Knuth's MMIX constants), identical in the C++.
struct Lcg(u64);

impl Lcg {
    /// Returns the next number in [0, 1) from the top 53 bits.
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn make_data() -> Data {
    let mut rng = Lcg(0x2545_f491_4f6c_dd1d);
    let mut a = Vec::with_capacity(ROWS * COLS);
    let mut y = Vec::with_capacity(ROWS);
    for _ in 0..ROWS {
        for _ in 0..COLS {
            a.push(2.0 * rng.next() - 1.0);
        }
        y.push(if rng.next() < 0.5 { -1.0 } else { 1.0 });
    }
    Data { a, y }
}

fn datafit_start() -> Vec<f64> {
    (0..COLS).map(|j| 0.02 * j as f64 - 0.35).collect()
}

/// (a) `Float` only: each datum enters as `T::from`, so `aᵢⱼ·wⱼ` is a dual × dual product.
#[allow(clippy::needless_range_loop)]
#[inline]
fn nll_loop_from<T: Float>(w: &[T], d: &Data) -> T {
    let one = T::one();
    let mut loss = T::zero();
    for i in 0..ROWS {
        let row = &d.a[i * COLS..(i + 1) * COLS];
        let mut m = T::zero();
        for j in 0..COLS {
            m = m + T::from(row[j]).unwrap() * w[j];
        }
        let z = T::from(-d.y[i]).unwrap() * m;
        loss = loss + (z.exp() + one).ln();
    }
    loss
}

#[inline]
fn nll_fold_from<T: Float>(w: &[T], d: &Data) -> T {
    let one = T::one();
    d.a.chunks_exact(COLS)
        .zip(&d.y)
        .fold(T::zero(), |loss, (row, &y)| {
            let m = row
                .iter()
                .zip(w)
                .fold(T::zero(), |m, (&a, &wj)| m + T::from(a).unwrap() * wj);
            let z = T::from(-y).unwrap() * m;
            loss + (z.exp() + one).ln()
        })
}

/// (b) `Mul<f64>`: each datum multiplies as a scalar.
#[allow(clippy::needless_range_loop)]
#[inline]
fn nll_loop<T: Float + Mul<f64, Output = T>>(w: &[T], d: &Data) -> T {
    let one = T::one();
    let mut loss = T::zero();
    for i in 0..ROWS {
        let row = &d.a[i * COLS..(i + 1) * COLS];
        let mut m = T::zero();
        for j in 0..COLS {
            m = m + w[j] * row[j];
        }
        let z = m * -d.y[i];
        loss = loss + (z.exp() + one).ln();
    }
    loss
}

#[inline]
fn nll_fold<T: Float + Mul<f64, Output = T>>(w: &[T], d: &Data) -> T {
    let one = T::one();
    d.a.chunks_exact(COLS)
        .zip(&d.y)
        .fold(T::zero(), |loss, (row, &y)| {
            let m = row.iter().zip(w).fold(T::zero(), |m, (&a, &wj)| m + wj * a);
            let z = m * -y;
            loss + (z.exp() + one).ln()
        })
}

#[allow(clippy::needless_range_loop)]
#[inline]
fn nll_loop_nd<D: DualNum<Primitive = f64> + Copy>(w: &[D], d: &Data) -> D {
    let mut loss = D::zero();
    for i in 0..ROWS {
        let row = &d.a[i * COLS..(i + 1) * COLS];
        let mut m = D::zero();
        for j in 0..COLS {
            m += w[j] * row[j];
        }
        let z = m * -d.y[i];
        loss += (z.exp() + 1.0).ln();
    }
    loss
}

#[inline]
fn nll_fold_nd<D: DualNum<Primitive = f64> + Copy>(w: &[D], d: &Data) -> D {
    d.a.chunks_exact(COLS)
        .zip(&d.y)
        .fold(D::zero(), |loss, (row, &y)| {
            let m = row.iter().zip(w).fold(D::zero(), |m, (&a, &wj)| m + wj * a);
            let z = m * -y;
            loss + (z.exp() + 1.0).ln()
        })
}

/// f and ∇f by hand: ∂/∂w of ln(1 + e^z), z = −y·aᵀw, is σ(z)·(−y)·a with σ(z) = e^z/(1 + e^z).
#[allow(clippy::needless_range_loop)]
fn nll_hand(w: &[f64], d: &Data) -> (f64, [f64; COLS]) {
    let mut g = [0.0; COLS];
    let mut f = 0.0;
    for i in 0..ROWS {
        let row = &d.a[i * COLS..(i + 1) * COLS];
        let mut m = 0.0;
        for j in 0..COLS {
            m += w[j] * row[j];
        }
        let e = (m * -d.y[i]).exp();
        f += (e + 1.0).ln();
        let s = -d.y[i] * e / (1.0 + e);
        for j in 0..COLS {
            g[j] += s * row[j];
        }
    }
    (f, g)
}

// =============================================================================================
// num-dual's gradient in chunks of K partials: num-dual has no such driver, so this one mirrors
// dualdiff's `gradient` (one work vector and one gradient allocated per call). Inputs outside the
// chunk are num-dual constants (no derivative part at all), as `from_re` makes them.
// =============================================================================================

fn nd_gradient_chunked<const K: usize>(
    f: impl Fn(&[DualSVec64<K>]) -> DualSVec64<K>,
    x: &[f64],
) -> (f64, Vec<f64>) {
    let mut work: Vec<DualSVec64<K>> = x.iter().map(|&v| DualSVec64::from_re(v)).collect();
    let mut grad = vec![0.0; x.len()];
    let mut value = 0.0;
    for start in (0..x.len()).step_by(K) {
        let end = (start + K).min(x.len());
        for i in start..end {
            work[i] = DualSVec64::from_re(x[i]).derivative(i - start);
        }
        let y = f(&work);
        value = y.re;
        let eps = y.eps.unwrap_generic(Const::<K>, U1);
        grad[start..end].copy_from_slice(&eps.as_slice()[..end - start]);
        for i in start..end {
            work[i] = DualSVec64::from_re(x[i]);
        }
    }
    (value, grad)
}

// =============================================================================================
// The cases.
// =============================================================================================

/// `f`, then the derivative's entries (column-major for matrices).
fn flat(f: f64, d: &[f64]) -> Vec<f64> {
    let mut v = Vec::with_capacity(1 + d.len());
    v.push(f);
    v.extend_from_slice(d);
    v
}

fn flat2(f: f64, g: &[f64], h: &[f64]) -> Vec<f64> {
    let mut v = flat(f, g);
    v.extend_from_slice(h);
    v
}

fn scalar(h: &mut Harness) {
    let name = "scalar";
    if !h.selects(name) {
        return;
    }
    let x = SCALAR_X;
    let (f, df) = scalar_hand(x);
    check_differences(name, &[df], &[x], |v| vec![scalar_hand(v[0]).0]);
    let mut c = Case::new(name, vec![f, df]);
    c.add(
        "dualdiff",
        "derivative",
        "—",
        || derivative(scalar_f, black_box(x)),
        |(f, d)| vec![f, d],
    );
    c.add(
        "num-dual",
        "first_derivative",
        "—",
        || num_dual::first_derivative(scalar_nd, black_box(x)),
        |(f, d)| vec![f, d],
    );
    c.add(
        "hand",
        "f, f′",
        "—",
        || scalar_hand(black_box(x)),
        |(f, d)| vec![f, d],
    );
    h.run(c);
}

/// dualdiff's slice `gradient` with K partials per pass.
fn dd_gradient<'a, const K: usize>(
    c: &mut Case<'a>,
    form: &str,
    x: &'a [f64],
    f: impl Fn(&[DualVec64<K>]) -> DualVec64<K> + 'a,
) {
    c.add(
        "dualdiff",
        &format!("gradient<{K}>"),
        form,
        move || gradient(&f, black_box(x)),
        |(v, g)| flat(v, &g),
    );
}

/// dualdiff's `gradient_fixed`: one pass of `DualVec64<N>` on nalgebra's stack vectors.
fn dd_gradient_fixed<'a, const N: usize>(
    c: &mut Case<'a>,
    form: &str,
    x: &[f64],
    f: impl Fn(&[DualVec64<N>]) -> DualVec64<N> + 'a,
) {
    let xs = SVector::<f64, N>::from_column_slice(x);
    c.add(
        "dualdiff",
        "gradient_fixed",
        form,
        move || {
            gradient_fixed(
                |v: &SVector<DualVec64<N>, N>| f(v.as_slice()),
                black_box(&xs),
            )
        },
        |(v, g)| flat(v, g.as_slice()),
    );
}

/// num-dual's `gradient`: one pass of `DualSVec64<N>`.
fn nd_gradient<'a, const N: usize>(
    c: &mut Case<'a>,
    form: &str,
    x: &[f64],
    f: impl Fn(&[DualSVec64<N>]) -> DualSVec64<N> + 'a,
) {
    let xs = SVector::<f64, N>::from_column_slice(x);
    c.add(
        "num-dual",
        &format!("gradient SVec<{N}>"),
        form,
        move || {
            num_dual::gradient(
                |v: SVector<DualSVec64<N>, N>| f(v.as_slice()),
                black_box(&xs),
            )
        },
        |(v, g)| flat(v, g.as_slice()),
    );
}

/// num-dual in chunks of K partials ([`nd_gradient_chunked`]).
fn nd_chunked<'a, const K: usize>(
    c: &mut Case<'a>,
    form: &str,
    x: &'a [f64],
    f: impl Fn(&[DualSVec64<K>]) -> DualSVec64<K> + 'a,
) {
    c.add(
        "num-dual",
        &format!("chunks SVec<{K}>"),
        form,
        move || nd_gradient_chunked(&f, black_box(x)),
        |(v, g)| flat(v, &g),
    );
}

/// num-dual's `Gradients::gradient` on `Dyn`: n passes of `Dual64`.
fn nd_dyn<'a>(
    c: &mut Case<'a>,
    form: &str,
    x: &[f64],
    f: impl Fn(&[num_dual::Dual64]) -> num_dual::Dual64 + 'a,
) {
    let xd = DVector::from_column_slice(x);
    c.add(
        "num-dual",
        "Dyn Dual64",
        form,
        move || {
            <Dyn as Gradients>::gradient(
                |v: DVector<num_dual::Dual64>, _: &()| f(v.as_slice()),
                black_box(&xd),
                &(),
            )
        },
        |(v, g)| flat(v, g.as_slice()),
    );
}

fn rosenbrock_grad_n10(h: &mut Harness) {
    const N: usize = 10;
    let name = "rosenbrock_grad_n10";
    if !h.selects(name) {
        return;
    }
    let x = rosen_start(N);
    let x = x.as_slice();
    let (f, g) = rosenbrock_gradient(x);
    check_differences(name, &g, x, |v| vec![rosenbrock_gradient(v).0]);
    let mut c = Case::new(name, flat(f, &g));
    dd_gradient_fixed::<N>(&mut c, "loop", x, rosen_loop);
    dd_gradient_fixed::<N>(&mut c, "fold", x, rosen_fold);
    dd_gradient::<N>(&mut c, "loop", x, rosen_loop);
    dd_gradient::<N>(&mut c, "fold", x, rosen_fold);
    dd_gradient::<8>(&mut c, "loop", x, rosen_loop);
    dd_gradient::<8>(&mut c, "fold", x, rosen_fold);
    dd_gradient::<16>(&mut c, "loop", x, rosen_loop);
    dd_gradient::<16>(&mut c, "fold", x, rosen_fold);
    nd_gradient::<N>(&mut c, "loop", x, rosen_loop_nd);
    nd_gradient::<N>(&mut c, "fold", x, rosen_fold_nd);
    nd_gradient::<N>(&mut c, "fold, clone + &", x, rosen_fold_nd_clone);
    nd_dyn(&mut c, "loop", x, rosen_loop_nd);
    nd_dyn(&mut c, "fold", x, rosen_fold_nd);
    c.add(
        "hand",
        "∇f",
        "loop",
        || rosenbrock_gradient(black_box(x)),
        |(v, g)| flat(v, &g),
    );
    h.run(c);
}

fn rosenbrock_grad_n100(h: &mut Harness) {
    const N: usize = 100;
    let name = "rosenbrock_grad_n100";
    if !h.selects(name) {
        return;
    }
    let x = rosen_start(N);
    let x = x.as_slice();
    let (f, g) = rosenbrock_gradient(x);
    check_differences(name, &g, x, |v| vec![rosenbrock_gradient(v).0]);
    let mut c = Case::new(name, flat(f, &g));
    dd_gradient::<8>(&mut c, "loop", x, rosen_loop);
    dd_gradient::<8>(&mut c, "fold", x, rosen_fold);
    dd_gradient::<16>(&mut c, "loop", x, rosen_loop);
    dd_gradient::<16>(&mut c, "fold", x, rosen_fold);
    dd_gradient::<32>(&mut c, "loop", x, rosen_loop);
    dd_gradient::<32>(&mut c, "fold", x, rosen_fold);
    dd_gradient_fixed::<N>(&mut c, "loop", x, rosen_loop);
    dd_gradient_fixed::<N>(&mut c, "fold", x, rosen_fold);
    nd_gradient::<N>(&mut c, "loop", x, rosen_loop_nd);
    nd_gradient::<N>(&mut c, "fold", x, rosen_fold_nd);
    nd_chunked::<8>(&mut c, "loop", x, rosen_loop_nd);
    nd_chunked::<8>(&mut c, "fold", x, rosen_fold_nd);
    nd_chunked::<16>(&mut c, "loop", x, rosen_loop_nd);
    nd_chunked::<16>(&mut c, "fold", x, rosen_fold_nd);
    nd_gradient::<N>(&mut c, "fold, clone + &", x, rosen_fold_nd_clone);
    nd_dyn(&mut c, "loop", x, rosen_loop_nd);
    nd_dyn(&mut c, "fold", x, rosen_fold_nd);
    c.add(
        "hand",
        "∇f",
        "loop",
        || rosenbrock_gradient(black_box(x)),
        |(v, g)| flat(v, &g),
    );
    h.run(c);
}

/// dualdiff's `hessian_fixed`: one pass of `Dual2Vec64<N>` on nalgebra's stack vectors.
fn dd_hessian_fixed<'a, const N: usize>(
    c: &mut Case<'a>,
    form: &str,
    x: &[f64],
    f: impl Fn(&[Dual2Vec64<N>]) -> Dual2Vec64<N> + 'a,
) {
    let xs = SVector::<f64, N>::from_column_slice(x);
    c.add(
        "dualdiff",
        "hessian_fixed",
        form,
        move || {
            hessian_fixed(
                |v: &SVector<Dual2Vec64<N>, N>| f(v.as_slice()),
                black_box(&xs),
            )
        },
        |(v, g, h)| flat2(v, g.as_slice(), h.as_slice()),
    );
}

/// dualdiff's slice `hessian` with `Dual2Vec64<N>` (one pass for n ≤ N).
fn dd_hessian_dual2<'a, const N: usize>(
    c: &mut Case<'a>,
    form: &str,
    x: &'a [f64],
    f: impl Fn(&[Dual2Vec64<N>]) -> Dual2Vec64<N> + 'a,
) {
    c.add(
        "dualdiff",
        &format!("hessian Dual2Vec<{N}>"),
        form,
        move || hessian(&f, black_box(x)),
        |(v, g, h)| flat2(v, &g, h.as_slice()),
    );
}

/// dualdiff's slice `hessian` with `HyperDual64`: n(n+1)/2 passes.
fn dd_hessian_hyper<'a>(
    c: &mut Case<'a>,
    form: &str,
    x: &'a [f64],
    f: impl Fn(&[HyperDual64]) -> HyperDual64 + 'a,
) {
    c.add(
        "dualdiff",
        "hessian HyperDual",
        form,
        move || hessian(&f, black_box(x)),
        |(v, g, h)| flat2(v, &g, h.as_slice()),
    );
}

/// num-dual's `hessian`: one pass of `Dual2SVec64<N>`.
fn nd_hessian<'a, const N: usize>(
    c: &mut Case<'a>,
    form: &str,
    x: &[f64],
    f: impl Fn(&[Dual2SVec64<N>]) -> Dual2SVec64<N> + 'a,
) {
    let xs = SVector::<f64, N>::from_column_slice(x);
    c.add(
        "num-dual",
        &format!("hessian SVec<{N}>"),
        form,
        move || {
            num_dual::hessian(
                |v: SVector<Dual2SVec64<N>, N>| f(v.as_slice()),
                black_box(&xs),
            )
        },
        |(v, g, h)| flat2(v, g.as_slice(), h.as_slice()),
    );
}

/// num-dual's `Gradients::hessian` on `Dyn`: n² passes of `HyperDual64`.
fn nd_dyn_hessian<'a>(
    c: &mut Case<'a>,
    form: &str,
    x: &[f64],
    f: impl Fn(&[num_dual::HyperDual64]) -> num_dual::HyperDual64 + 'a,
) {
    let xd = DVector::from_column_slice(x);
    c.add(
        "num-dual",
        "Dyn HyperDual",
        form,
        move || {
            <Dyn as Gradients>::hessian(
                |v: DVector<num_dual::HyperDual64>, _: &()| f(v.as_slice()),
                black_box(&xd),
                &(),
            )
        },
        |(v, g, h)| flat2(v, g.as_slice(), h.as_slice()),
    );
}

/// The Rosenbrock Hessian in N variables: dualdiff's `hessian_fixed` (one pass of
/// `Dual2Vec64<N>`), its slice `hessian` with `Dual2Vec64<N>` and with `HyperDual64`
/// (n(n+1)/2 passes), num-dual's `hessian` (one pass of `Dual2SVec64<N>`) and its
/// `Gradients::hessian` on `Dyn` (`HyperDual64`), and the hand-written Hessian.
fn rosenbrock_hess<const N: usize>(h: &mut Harness, name: &'static str) {
    if !h.selects(name) {
        return;
    }
    let x = rosen_start(N);
    let x = x.as_slice();
    let (f, g, hess) = rosen_hess_hand::<N>(x);
    check_differences(name, hess.as_slice(), x, |v| rosenbrock_gradient(v).1);
    let mut c = Case::new(name, flat2(f, &g, hess.as_slice()));
    dd_hessian_fixed::<N>(&mut c, "loop", x, rosen_loop);
    dd_hessian_fixed::<N>(&mut c, "fold", x, rosen_fold);
    dd_hessian_fixed::<N>(&mut c, "loop, T::from", x, rosen_loop_from);
    dd_hessian_fixed::<N>(&mut c, "fold, T::from", x, rosen_fold_from);
    dd_hessian_dual2::<N>(&mut c, "loop", x, rosen_loop);
    dd_hessian_dual2::<N>(&mut c, "fold", x, rosen_fold);
    dd_hessian_hyper(&mut c, "loop", x, rosen_loop);
    dd_hessian_hyper(&mut c, "fold", x, rosen_fold);
    nd_hessian::<N>(&mut c, "loop", x, rosen_loop_nd);
    nd_hessian::<N>(&mut c, "fold", x, rosen_fold_nd);
    nd_hessian::<N>(&mut c, "loop, &", x, rosen_loop_nd_ref);
    nd_hessian::<N>(&mut c, "fold, clone + &", x, rosen_fold_nd_clone);
    nd_dyn_hessian(&mut c, "loop", x, rosen_loop_nd);
    nd_dyn_hessian(&mut c, "fold", x, rosen_fold_nd);
    c.add(
        "hand",
        "∇²f",
        "loop",
        || rosen_hess_hand::<N>(black_box(x)),
        |(v, g, h)| flat2(v, &g, h.as_slice()),
    );
    h.run(c);
}

fn rosenbrock_hess_n2(h: &mut Harness) {
    rosenbrock_hess::<2>(h, "rosenbrock_hess_n2");
}

fn rosenbrock_hess_n10(h: &mut Harness) {
    rosenbrock_hess::<10>(h, "rosenbrock_hess_n10");
}

fn jacobian_3x2(h: &mut Harness) {
    let name = "jacobian_3x2";
    if !h.selects(name) {
        return;
    }
    let x = JAC_X;
    let (fx, j) = jac_hand(&x);
    let j_col: Vec<f64> = (0..3).flat_map(|col| [j[0][col], j[1][col]]).collect();
    check_differences(name, &j_col, &x, |v| jac_hand(v).0.to_vec());
    let mut reference = fx.to_vec();
    reference.extend_from_slice(&j_col);
    let mut c = Case::new(name, reference);
    let xs = SVector::<f64, 3>::from(x);
    let values_then_jacobian = |f: &[f64], j: &[f64]| {
        let mut v = f.to_vec();
        v.extend_from_slice(j);
        v
    };
    c.add(
        "dualdiff",
        "jacobian_fixed",
        "—",
        || {
            jacobian_fixed(
                |v: &SVector<DualVec64<3>, 3>| SVector::from(jac_f(v.as_slice())),
                black_box(&xs),
            )
        },
        |(f, j)| values_then_jacobian(f.as_slice(), j.as_slice()),
    );
    c.add(
        "dualdiff",
        "jacobian<3>",
        "—",
        || jacobian(|v: &[DualVec64<3>]| jac_f(v).to_vec(), black_box(&x)),
        |(f, j)| values_then_jacobian(&f, j.as_slice()),
    );
    c.add(
        "num-dual",
        "jacobian SVec<3>",
        "—",
        || {
            num_dual::jacobian(
                |v: SVector<DualSVec64<3>, 3>| SVector::from(jac_nd(v.as_slice())),
                black_box(&xs),
            )
        },
        |(f, j)| values_then_jacobian(f.as_slice(), j.as_slice()),
    );
    c.add(
        "hand",
        "J",
        "—",
        || jac_hand(black_box(&x)),
        |(f, j)| {
            let col: Vec<f64> = (0..3).flat_map(|c| [j[0][c], j[1][c]]).collect();
            values_then_jacobian(&f, &col)
        },
    );
    h.run(c);
}

fn datafit_grad_n40(h: &mut Harness) {
    let name = "datafit_grad_n40";
    if !h.selects(name) {
        return;
    }
    let d = make_data();
    let d = &d;
    let w = datafit_start();
    let w = w.as_slice();
    let (f, g) = nll_hand(w, d);
    check_differences(name, &g, w, |v| vec![nll_hand(v, d).0]);
    let mut c = Case::new(name, flat(f, &g));
    dd_gradient::<8>(&mut c, "loop", w, move |v| nll_loop(v, d));
    dd_gradient::<8>(&mut c, "fold", w, move |v| nll_fold(v, d));
    dd_gradient::<16>(&mut c, "loop", w, move |v| nll_loop(v, d));
    dd_gradient::<16>(&mut c, "fold", w, move |v| nll_fold(v, d));
    dd_gradient::<COLS>(&mut c, "loop", w, move |v| nll_loop(v, d));
    dd_gradient::<COLS>(&mut c, "fold", w, move |v| nll_fold(v, d));
    dd_gradient_fixed::<COLS>(&mut c, "loop", w, move |v| nll_loop(v, d));
    dd_gradient_fixed::<COLS>(&mut c, "fold", w, move |v| nll_fold(v, d));
    dd_gradient::<8>(&mut c, "loop, T::from", w, move |v| nll_loop_from(v, d));
    dd_gradient::<8>(&mut c, "fold, T::from", w, move |v| nll_fold_from(v, d));
    dd_gradient::<16>(&mut c, "loop, T::from", w, move |v| nll_loop_from(v, d));
    dd_gradient::<16>(&mut c, "fold, T::from", w, move |v| nll_fold_from(v, d));
    dd_gradient_fixed::<COLS>(&mut c, "loop, T::from", w, move |v| nll_loop_from(v, d));
    dd_gradient_fixed::<COLS>(&mut c, "fold, T::from", w, move |v| nll_fold_from(v, d));
    nd_gradient::<COLS>(&mut c, "loop", w, move |v| nll_loop_nd(v, d));
    nd_gradient::<COLS>(&mut c, "fold", w, move |v| nll_fold_nd(v, d));
    nd_chunked::<8>(&mut c, "loop", w, move |v| nll_loop_nd(v, d));
    nd_chunked::<8>(&mut c, "fold", w, move |v| nll_fold_nd(v, d));
    nd_chunked::<16>(&mut c, "loop", w, move |v| nll_loop_nd(v, d));
    nd_chunked::<16>(&mut c, "fold", w, move |v| nll_fold_nd(v, d));
    nd_dyn(&mut c, "loop", w, move |v| nll_loop_nd(v, d));
    c.add(
        "hand",
        "∇f",
        "loop",
        || nll_hand(black_box(w), d),
        |(v, g)| flat(v, &g),
    );
    h.run(c);
}

/// Every case, in the table's order.
const CASES: [fn(&mut Harness); 7] = [
    scalar,
    rosenbrock_grad_n10,
    rosenbrock_grad_n100,
    rosenbrock_hess_n2,
    rosenbrock_hess_n10,
    jacobian_3x2,
    datafit_grad_n40,
];

// =============================================================================================
// Checking.
// =============================================================================================

/// Checks a hand-written derivative against central differences of `f` (outputs × inputs,
/// column-major), so that the reference every method is held to is not itself wrong.
fn check_differences(case: &str, derivative: &[f64], x: &[f64], f: impl Fn(&[f64]) -> Vec<f64>) {
    let mut columns = Vec::with_capacity(derivative.len());
    for j in 0..x.len() {
        let h = 1e-6 * x[j].abs().max(1.0);
        let (mut up, mut down) = (x.to_vec(), x.to_vec());
        up[j] += h;
        down[j] -= h;
        let (fu, fd) = (f(&up), f(&down));
        columns.extend(fu.iter().zip(&fd).map(|(u, d)| (u - d) / (2.0 * h)));
    }
    let err = max_error(&columns, derivative);
    assert!(
        columns.len() == derivative.len() && err <= 1e-5,
        "{case}: the hand-written derivative disagrees with central differences ({err:e})"
    );
}

// =============================================================================================
// Timing.
// =============================================================================================

/// Runs a batch of `k` calls of one method.
type Batch<'a> = Box<dyn FnMut(u64) + 'a>;

/// One case: the reference (value, then derivative) and the methods, each a closure that runs a
/// batch of calls.
struct Case<'a> {
    name: &'static str,
    reference: Vec<f64>,
    methods: Vec<(String, Batch<'a>)>,
}

impl<'a> Case<'a> {
    fn new(name: &'static str, reference: Vec<f64>) -> Self {
        Self {
            name,
            reference,
            methods: Vec::new(),
        }
    }

    /// Checks `f` once against the reference, then keeps it for timing. `flat` turns a result
    /// into the value followed by the derivative's entries.
    fn add<R>(
        &mut self,
        library: &str,
        driver: &str,
        form: &str,
        mut f: impl FnMut() -> R + 'a,
        flat: impl FnOnce(R) -> Vec<f64>,
    ) {
        let name = format!("{library}/{driver}/{form}");
        let got = flat(f());
        assert_eq!(
            got.len(),
            self.reference.len(),
            "{}/{name}: result has the wrong length",
            self.name
        );
        let err = max_error(&got, &self.reference);
        assert!(
            err <= TOL,
            "{}/{name} disagrees with the hand-written derivative: error {err:e} > {TOL:e}",
            self.name
        );
        // The batch loop is monomorphised around `f`: the only dynamic call is once per batch.
        let batch = move |k: u64| {
            for _ in 0..k {
                black_box(f());
            }
        };
        self.methods.push((name, Box::new(batch)));
    }
}

fn time_batch(run: &mut dyn FnMut(u64), k: u64) -> Duration {
    let start = Instant::now();
    run(k);
    start.elapsed()
}

/// Returns the batch size that takes about `target` (at least one call).
fn calibrate(run: &mut dyn FnMut(u64), target: Duration) -> u64 {
    let mut k = 1;
    loop {
        let t = time_batch(run, k);
        if t >= target / 8 {
            return ((k as f64 * target.as_secs_f64() / t.as_secs_f64()).round() as u64).max(1);
        }
        k *= 4;
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        0.5 * (v[n / 2 - 1] + v[n / 2])
    }
}

struct Harness {
    filters: Vec<String>,
    machine: bool,
    rounds: usize,
    batch: Duration,
}

impl Harness {
    fn selects(&self, case: &str) -> bool {
        self.filters.is_empty() || self.filters.iter().any(|f| case.contains(f.as_str()))
    }

    /// Times every method of `case` in interleaved rounds and prints the medians.
    fn run(&self, mut case: Case<'_>) {
        let sizes: Vec<u64> = case
            .methods
            .iter_mut()
            .map(|(_, run)| calibrate(run.as_mut(), self.batch))
            .collect();
        let m = case.methods.len();
        let mut samples = vec![Vec::with_capacity(self.rounds); m];
        for round in 0..self.rounds {
            // Start each round at a different method, so no method always follows the same one.
            for i in (0..m).map(|i| (i + round) % m) {
                let t = time_batch(case.methods[i].1.as_mut(), sizes[i]);
                samples[i].push(t.as_secs_f64() * 1e9 / sizes[i] as f64);
            }
        }
        let stats: Vec<(f64, f64)> = samples
            .iter_mut()
            .map(|s| {
                let med = median(s);
                let (q1, q3) = (s[s.len() / 4], s[(3 * s.len()) / 4]);
                (med, 0.5 * (q3 - q1) / med)
            })
            .collect();
        if self.machine {
            println!("#value\t{}\t{:.17e}", case.name, case.reference[0]);
            for ((name, _), (med, _)) in case.methods.iter().zip(&stats) {
                println!("{}\t{name}\t{med:.3}", case.name);
            }
            return;
        }
        let best = stats.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
        println!(
            "{}  (median of {} interleaved rounds, ns per call)",
            case.name, self.rounds
        );
        let mut order: Vec<usize> = (0..m).collect();
        order.sort_by(|&a, &b| stats[a].0.total_cmp(&stats[b].0));
        for i in order {
            let (med, spread) = stats[i];
            println!(
                "  {:<52}{:>12.1}  ±{:>4.1}%  {:>6.2}×",
                case.methods[i].0,
                med,
                100.0 * spread,
                med / best
            );
        }
        println!();
    }
}

// =============================================================================================
// run.sh's merge: the `--machine` lines of every binary and round, one markdown table.
// =============================================================================================

/// The table's columns: title, build label (as run.sh names the files), library.
const COLUMNS: [(&str, &str, &str); 11] = [
    ("dualdiff", "rust", "dualdiff"),
    ("dualdiff fat LTO", "rust-lto", "dualdiff"),
    ("dualdiff target-cpu=native", "rust-native", "dualdiff"),
    ("num-dual", "rust", "num-dual"),
    ("num-dual fat LTO", "rust-lto", "num-dual"),
    ("num-dual target-cpu=native", "rust-native", "num-dual"),
    ("Ceres Jet -O3", "cpp-O3", "ceres"),
    ("Ceres Jet -O3 -march=native", "cpp-native", "ceres"),
    ("Boost fvar -O3", "cpp-O3", "boost"),
    ("hand Rust", "rust", "hand"),
    ("hand C++ -O3", "cpp-O3", "hand"),
];

/// Extra rows that split one library's cell by formulation: (case, row title, library, which
/// methods).
type Spotlight = (&'static str, &'static str, &'static str, fn(&str) -> bool);

const SPOTLIGHTS: [Spotlight; 6] = [
    (
        "rosenbrock_hess_n2",
        "↳ dualdiff hessian_fixed, index loop",
        "dualdiff",
        |m| m == "dualdiff/hessian_fixed/loop",
    ),
    (
        "rosenbrock_hess_n2",
        "↳ dualdiff hessian_fixed, windows fold",
        "dualdiff",
        |m| m == "dualdiff/hessian_fixed/fold",
    ),
    (
        "rosenbrock_hess_n10",
        "↳ dualdiff hessian_fixed, index loop",
        "dualdiff",
        |m| m == "dualdiff/hessian_fixed/loop",
    ),
    (
        "rosenbrock_hess_n10",
        "↳ dualdiff hessian_fixed, windows fold",
        "dualdiff",
        |m| m == "dualdiff/hessian_fixed/fold",
    ),
    (
        "datafit_grad_n40",
        "↳ dualdiff, data as `T::from` (Float only)",
        "dualdiff",
        |m| m.ends_with("T::from"),
    ),
    (
        "datafit_grad_n40",
        "↳ dualdiff, data as `* f64` (Mul<f64>)",
        "dualdiff",
        |m| !m.ends_with("T::from"),
    ),
];

/// Per build, per case, per method: the medians of every run.
type Runs = BTreeMap<String, BTreeMap<String, BTreeMap<String, Vec<f64>>>>;

fn merge(args: &[String]) {
    let detail = args.first().map(String::as_str) == Some("--detail");
    let args = &args[usize::from(detail)..];
    let mut runs = Runs::new();
    let mut values: BTreeMap<String, Vec<(String, f64)>> = BTreeMap::new();
    let mut case_order: Vec<String> = Vec::new();
    for arg in args {
        let (build, path) = arg
            .split_once('=')
            .unwrap_or_else(|| panic!("--merge takes BUILD=FILE, not {arg}"));
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for line in text.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["#value", case, v] => values
                    .entry((*case).to_owned())
                    .or_default()
                    .push((build.to_owned(), v.parse().expect("a number"))),
                [case, method, ns] if !case.starts_with('#') => {
                    if !case_order.iter().any(|c| c == case) {
                        case_order.push((*case).to_owned());
                    }
                    runs.entry(build.to_owned())
                        .or_default()
                        .entry((*case).to_owned())
                        .or_default()
                        .entry((*method).to_owned())
                        .or_default()
                        .push(ns.parse().expect("a number"));
                }
                _ => {}
            }
        }
    }
    // The binaries must compute the same function: the same data and points in both languages.
    for (case, vs) in &values {
        let (b0, v0) = &vs[0];
        for (b, v) in vs {
            assert!(
                (v - v0).abs() <= 1e-12 * v0.abs().max(1.0),
                "{case}: {b} computes f = {v}, {b0} computes {v0}: not the same function"
            );
        }
    }
    // Order the rows as the Rust bench runs them, C++-only cases after.
    let mut cases: Vec<String> = CASES_ORDER
        .iter()
        .map(|s| (*s).to_owned())
        .filter(|c| case_order.contains(c))
        .collect();
    let extra: Vec<String> = case_order
        .into_iter()
        .filter(|c| !cases.contains(c))
        .collect();
    cases.extend(extra);

    let best = |build: &str, case: &str, library: &str, keep: &dyn Fn(&str) -> bool| {
        let methods = runs.get(build)?.get(case)?;
        methods
            .iter()
            .filter(|(m, _)| m.starts_with(&format!("{library}/")) && keep(m))
            .map(|(m, meds)| (m.clone(), median(&mut meds.clone()), meds.len()))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    };
    let cell = |found: Option<(String, f64, usize)>| match found {
        Some((method, ns, _)) => {
            let mut parts = method.splitn(3, '/').skip(1);
            let (driver, form) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let how = if form == "—" {
                driver.to_owned()
            } else {
                format!("{driver}, {form}")
            };
            format!("{} ({how})", format_ns(ns))
        }
        None => "—".to_owned(),
    };
    let mut out = String::new();
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
    let _ = writeln!(out, "| case | {} |", header.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(COLUMNS.len()));
    for case in &cases {
        let cells: Vec<String> = COLUMNS
            .iter()
            .map(|(_, build, library)| cell(best(build, case, library, &|_| true)))
            .collect();
        let _ = writeln!(out, "| {case} | {} |", cells.join(" | "));
        for (_, title, library, keep) in SPOTLIGHTS.iter().filter(|s| s.0 == case) {
            let cells: Vec<String> = COLUMNS
                .iter()
                .map(|(_, build, lib)| {
                    if lib == library {
                        cell(best(build, case, library, keep))
                    } else {
                        String::new()
                    }
                })
                .collect();
            let _ = writeln!(out, "| {title} | {} |", cells.join(" | "));
        }
    }
    let rounds = runs
        .values()
        .flat_map(|c| c.values())
        .flat_map(|m| m.values())
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    print!("{out}");
    println!();
    println!(
        "Median ns per call (the median over {rounds} runs of each binary of its own median over \
         interleaved rounds); each cell is the library's fastest formulation, named in brackets \
         (driver or type, then the form: index loop, iterator fold, or — for straight-line \
         code). — : that build or library was not run."
    );
    let missing: Vec<&str> = BUILDS
        .into_iter()
        .filter(|b| !runs.contains_key(*b))
        .collect();
    if !missing.is_empty() {
        println!("Builds without results: {}.", missing.join(", "));
    }
    if detail {
        print_detail(&runs, &cases);
    }
}

/// The builds run.sh names, in its column order.
const BUILDS: [&str; 5] = ["rust", "rust-lto", "rust-native", "cpp-O3", "cpp-native"];

/// Prints every formulation's median per build: the figures each table cell was chosen from.
fn print_detail(runs: &Runs, cases: &[String]) {
    println!();
    println!("| case | method | {} |", BUILDS.join(" | "));
    println!("|---|---|{}", "---:|".repeat(BUILDS.len()));
    for case in cases {
        let mut methods: Vec<&String> = runs
            .values()
            .filter_map(|c| c.get(case))
            .flat_map(|m| m.keys())
            .collect();
        methods.sort();
        methods.dedup();
        for method in methods {
            let cells: Vec<String> = BUILDS
                .iter()
                .map(|b| {
                    runs.get(*b)
                        .and_then(|c| c.get(case))
                        .and_then(|m| m.get(method))
                        .map_or_else(String::new, |meds| format_ns(median(&mut meds.clone())))
                })
                .collect();
            println!("| {case} | {method} | {} |", cells.join(" | "));
        }
    }
}

/// The case names in [`CASES`]' order, for the merged table.
const CASES_ORDER: [&str; 7] = [
    "scalar",
    "rosenbrock_grad_n10",
    "rosenbrock_grad_n100",
    "rosenbrock_hess_n2",
    "rosenbrock_hess_n10",
    "jacobian_3x2",
    "datafit_grad_n40",
];

/// Three significant digits, in ns.
fn format_ns(ns: f64) -> String {
    // The thresholds sit where rounding would carry into a fourth digit (99.96 → "100.0").
    if ns < 9.995 {
        format!("{ns:.2}")
    } else if ns < 99.95 {
        format!("{ns:.1}")
    } else {
        format!("{ns:.0}")
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--merge") {
        merge(&args[1..]);
        return;
    }
    let mut h = Harness {
        filters: Vec::new(),
        machine: false,
        rounds: 30,
        batch: Duration::from_millis(2),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--machine" => h.machine = true,
            // Cargo passes `--bench` to every bench target.
            "--bench" => {}
            "--rounds" => {
                h.rounds = args
                    .next()
                    .and_then(|r| r.parse().ok())
                    .expect("--rounds takes a count");
            }
            "--batch-ms" => {
                let ms: f64 = args
                    .next()
                    .and_then(|r| r.parse().ok())
                    .expect("--batch-ms takes milliseconds");
                h.batch = Duration::from_secs_f64(ms / 1e3);
            }
            flag if flag.starts_with("--") => panic!("unknown option {flag}"),
            _ => h.filters.push(arg),
        }
    }
    for case in CASES {
        case(&mut h);
    }
}
