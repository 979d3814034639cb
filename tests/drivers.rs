//! Every driver on functions whose derivatives are written out by hand in this file, on both
//! float widths: the extended Rosenbrock function (gradient and Hessian in closed form), three
//! small systems with hand Jacobians, two small functions with hand gradients and Hessians,
//! nested drivers, `n = 0`, the `_into` twins and their dimension checks, and (on `f64`) a
//! cross-check against central differences.
//!
//! The checks are written once, in [`driver_tests!`], and generated for each width: the module
//! `on_f64` runs them on the `f64` types, `on_f32` on the `f32` types. Test points are written
//! in `f64` and rounded to the width; the references are the closed forms evaluated in `f64` at
//! the (exactly widened) point and rounded to the width; values must be the plain evaluation at
//! the width, bit for bit. The tolerances (mixed, relative to `max(|expected|, 1)`) are given
//! per width at each check: [`tol_large`] and [`tol_unit`], or a tighter `f64` bound written
//! there.

mod common;
use common::*;

use dualdiff::{
    Dual, Dual2Vec, DualVec, HyperDual, Real, SecondOrder, Seed, derivative, gradient,
    gradient_into, hessian, hessian_into, hessian_into_col_major, hvp, hvp_into, jacobian,
    jacobian_into, jacobian_into_col_major, jvp, jvp_into, second_derivative,
};
use nalgebra::DMatrix;
use num_traits::Float;

/// Garbage written into every output buffer before an `_into` call, to prove it is overwritten.
const GARBAGE: f64 = 999.0;

/// The sizes of the Rosenbrock tests.
const SIZES: [usize; 4] = [2, 3, 7, 10];

/// Tolerance for the Rosenbrock function and the systems `sys32`, `sys44` against their closed
/// forms: their terms reach ~10³, so rounding alone can move a result by ~10³ ulps absolute,
/// ~10⁻¹³ in `f64`, ten times which is the bound. In `f32` the bound is relative to the larger
/// of the result and 1 (where the errors seen lie between 10⁻⁶ and 10⁻⁵ of it), so it tightens
/// for the small results.
fn tol_large<W: Width>() -> W {
    W::tol(1e-12, 1e-5)
}

/// Tolerance for functions whose terms stay within a few units (`f3`, `map3`, `map2`,
/// `expsin`, the nested derivatives): `f64` 1e-14, `f32` 1e-6 (about 8 ulps: a few roundings
/// per part, and half an ulp for the rounding of the reference).
fn tol_unit<W: Width>() -> W {
    W::tol(1e-14, 1e-6)
}

// ---------------------------------------------------------------------------------------------
// Reference functions and their hand-written derivatives
// ---------------------------------------------------------------------------------------------

/// Extended Rosenbrock: `f = Σᵢ (1 − xᵢ)² + 100 (xᵢ₊₁ − xᵢ²)²`, `i = 0 … n−2`.
fn rosenbrock<D: Float>(x: &[D]) -> D {
    let (one, hundred) = (D::one(), D::from(100.0).unwrap());
    x.windows(2).fold(D::zero(), |s, w| {
        let (a, b) = (one - w[0], w[1] - w[0] * w[0]);
        s + a * a + hundred * b * b
    })
}

/// `∂f/∂xᵢ = [i < n−1] (−2(1 − xᵢ) − 400 xᵢ (xᵢ₊₁ − xᵢ²)) + [i > 0] 200 (xᵢ − xᵢ₋₁²)`.
fn rosenbrock_grad(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    (0..n)
        .map(|i| {
            let mut g = 0.0;
            if i + 1 < n {
                g += -2.0 * (1.0 - x[i]) - 400.0 * x[i] * (x[i + 1] - x[i] * x[i]);
            }
            if i > 0 {
                g += 200.0 * (x[i] - x[i - 1] * x[i - 1]);
            }
            g
        })
        .collect()
}

/// Tridiagonal: `Hᵢᵢ = [i < n−1] (2 − 400 xᵢ₊₁ + 1200 xᵢ²) + [i > 0] 200`,
/// `Hᵢ,ᵢ₊₁ = Hᵢ₊₁,ᵢ = −400 xᵢ`, every other entry 0.
fn rosenbrock_hess(x: &[f64]) -> DMatrix<f64> {
    let n = x.len();
    let mut h = DMatrix::zeros(n, n);
    for i in 0..n {
        if i + 1 < n {
            h[(i, i)] += 2.0 - 400.0 * x[i + 1] + 1200.0 * x[i] * x[i];
            h[(i, i + 1)] = -400.0 * x[i];
            h[(i + 1, i)] = -400.0 * x[i];
        }
        if i > 0 {
            h[(i, i)] += 200.0;
        }
    }
    h
}

/// `d/dt` of the Rosenbrock Hessian at `x + t·v`: `dHᵢᵢ = [i < n−1] (−400 vᵢ₊₁ + 2400 xᵢ vᵢ)`,
/// `dHᵢ,ᵢ₊₁ = dHᵢ₊₁,ᵢ = −400 vᵢ`.
fn rosenbrock_hess_dot(x: &[f64], v: &[f64]) -> DMatrix<f64> {
    let n = x.len();
    let mut h = DMatrix::zeros(n, n);
    for i in 0..n.saturating_sub(1) {
        h[(i, i)] = -400.0 * v[i + 1] + 2400.0 * x[i] * v[i];
        h[(i, i + 1)] = -400.0 * v[i];
        h[(i + 1, i)] = -400.0 * v[i];
    }
    h
}

/// A deterministic, irregular evaluation point of length `n`.
fn point(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| 1.3 * (0.7 * i as f64 + 0.4).sin() - 0.1 * i as f64)
        .collect()
}

/// A direction of length `n` with no zero entries.
fn direction(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| 0.5 - 0.3 * i as f64 + 0.05 * (i * i) as f64)
        .collect()
}

/// `f: R³ → R²`, `f(x, y, z) = (x²y + sin z, xyz − eʸ)`.
fn sys32<D: Float>(v: &[D]) -> Vec<D> {
    let (x, y, z) = (v[0], v[1], v[2]);
    vec![x * x * y + z.sin(), x * y * z - y.exp()]
}

/// `J = [[2xy, x², cos z], [yz, xz − eʸ, xy]]`.
fn sys32_jac(v: &[f64]) -> DMatrix<f64> {
    let (x, y, z) = (v[0], v[1], v[2]);
    DMatrix::from_row_slice(
        2,
        3,
        &[2.0 * x * y, x * x, z.cos(), y * z, x * z - y.exp(), x * y],
    )
}

/// `f: R⁴ → R⁴`, `f(x) = (x₀x₁, x₁² + x₂/x₃, x₃ sin x₂, x₀ − x₃³ + x₁x₂)`.
fn sys44<D: Float>(v: &[D]) -> Vec<D> {
    vec![
        v[0] * v[1],
        v[1] * v[1] + v[2] / v[3],
        v[3] * v[2].sin(),
        v[0] - v[3].powi(3) + v[1] * v[2],
    ]
}

/// `J` of `sys44`, row by row.
fn sys44_jac(v: &[f64]) -> DMatrix<f64> {
    let (a, b, c, d) = (v[0], v[1], v[2], v[3]);
    DMatrix::from_row_slice(
        4,
        4,
        &[
            b,
            a,
            0.0,
            0.0, //
            0.0,
            2.0 * b,
            1.0 / d,
            -c / (d * d), //
            0.0,
            0.0,
            d * c.cos(),
            c.sin(), //
            1.0,
            c,
            b,
            -3.0 * d * d,
        ],
    )
}

/// `F: R³ → R³`, `F(x, y, z) = (x·y, sin(x) + z², exp(y)·z)`.
fn map3<D: Float>(v: &[D]) -> Vec<D> {
    vec![v[0] * v[1], v[0].sin() + v[2] * v[2], v[1].exp() * v[2]]
}

/// `J = [[y, x, 0], [cos x, 0, 2z], [0, eʸz, eʸ]]`.
fn map3_jac(v: &[f64]) -> DMatrix<f64> {
    let (a, b, c) = (v[0], v[1], v[2]);
    DMatrix::from_row_slice(
        3,
        3,
        &[b, a, 0.0, a.cos(), 0.0, 2.0 * c, 0.0, b.exp() * c, b.exp()],
    )
}

/// `F: R³ → R²`, the first two rows of [`map3`].
fn map2<D: Float>(v: &[D]) -> Vec<D> {
    vec![v[0] * v[1], v[0].sin() + v[2] * v[2]]
}

/// `J = [[y, x, 0], [cos x, 0, 2z]]`.
fn map2_jac(v: &[f64]) -> DMatrix<f64> {
    let (a, b, c) = (v[0], v[1], v[2]);
    DMatrix::from_row_slice(2, 3, &[b, a, 0.0, a.cos(), 0.0, 2.0 * c])
}

/// The `_into` form of a system: writes `f(x)` into `out`.
fn into_form<D: Float>(f: fn(&[D]) -> Vec<D>) -> impl FnMut(&[D], &mut [D]) {
    move |x, out| out.copy_from_slice(&f(x))
}

const P32: [f64; 3] = [0.7, -1.3, 2.1];
const P44: [f64; 4] = [1.5, -0.4, 0.9, 2.2];
const P3: [f64; 3] = [0.5, 1.25, -0.75];

/// A system under test: the generic function at `D` and at the plain width `W`, its hand
/// Jacobian, and the point.
struct System<W, D> {
    name: &'static str,
    f: fn(&[D]) -> Vec<D>,
    plain: fn(&[W]) -> Vec<W>,
    jac: fn(&[f64]) -> DMatrix<f64>,
    at: &'static [f64],
}

/// `sys32`, `sys44` (large terms) and `map3`, `map2` (terms of order 1), each with its
/// tolerance.
fn systems<W: Width, D: Float>() -> [(System<W, D>, W); 4] {
    [
        (
            System {
                name: "sys32",
                f: sys32,
                plain: sys32,
                jac: sys32_jac,
                at: &P32,
            },
            tol_large(),
        ),
        (
            System {
                name: "sys44",
                f: sys44,
                plain: sys44,
                jac: sys44_jac,
                at: &P44,
            },
            tol_large(),
        ),
        (
            System {
                name: "map3",
                f: map3,
                plain: map3,
                jac: map3_jac,
                at: &P3,
            },
            tol_unit(),
        ),
        (
            System {
                name: "map2",
                f: map2,
                plain: map2,
                jac: map2_jac,
                at: &P3,
            },
            tol_unit(),
        ),
    ]
}

/// `g(x) = e^{x₀} sin x₁ + x₀ x₂²`.
fn expsin<D: Float>(v: &[D]) -> D {
    v[0].exp() * v[1].sin() + v[0] * v[2] * v[2]
}

fn expsin_grad(v: &[f64]) -> Vec<f64> {
    let (a, b, c) = (v[0], v[1], v[2]);
    vec![a.exp() * b.sin() + c * c, a.exp() * b.cos(), 2.0 * a * c]
}

fn expsin_hess(v: &[f64]) -> DMatrix<f64> {
    let (a, b, c) = (v[0], v[1], v[2]);
    let (es, ec) = (a.exp() * b.sin(), a.exp() * b.cos());
    DMatrix::from_row_slice(
        3,
        3,
        &[es, ec, 2.0 * c, ec, -es, 0.0, 2.0 * c, 0.0, 2.0 * a],
    )
}

/// `f3(x) = x₀²x₁ + sin(x₁)·x₂ + exp(x₀x₂)`.
fn f3<D: Float>(x: &[D]) -> D {
    x[0] * x[0] * x[1] + x[1].sin() * x[2] + (x[0] * x[2]).exp()
}

/// `f3`'s value, gradient and Hessian, by hand.
fn f3_reference(x: &[f64]) -> (f64, Vec<f64>, DMatrix<f64>) {
    let (a, b, c) = (x[0], x[1], x[2]);
    let e = (a * c).exp();
    let f = a * a * b + b.sin() * c + e;
    let g = vec![2.0 * a * b + c * e, a * a + b.cos() * c, b.sin() + a * e];
    let h = DMatrix::from_row_slice(
        3,
        3,
        &[
            2.0 * b + c * c * e,
            2.0 * a,
            e + a * c * e, //
            2.0 * a,
            -b.sin() * c,
            b.cos(), //
            e + a * c * e,
            b.cos(),
            a * a * e,
        ],
    );
    (f, g, h)
}

/// `x³ eˣ`.
fn cube_exp<D: Float>(x: D) -> D {
    x * x * x * x.exp()
}

/// `[f', f'']` of `x³ eˣ`: `(x³ + 3x²) eˣ`, `(x³ + 6x² + 6x) eˣ`.
fn cube_exp_derivatives(x: f64) -> [f64; 2] {
    let e = x.exp();
    [
        (x.powi(3) + 3.0 * x * x) * e,
        (x.powi(3) + 6.0 * x * x + 6.0 * x) * e,
    ]
}

/// `sin x · eˣ`.
fn sin_exp<D: Float>(x: D) -> D {
    x.sin() * x.exp()
}

/// `[f', f'']` of `sin x · eˣ`: `eˣ (sin x + cos x)`, `2eˣ cos x`.
fn sin_exp_derivatives(x: f64) -> [f64; 2] {
    [x.exp() * (x.sin() + x.cos()), 2.0 * x.exp() * x.cos()]
}

/// `x · d/dy (x + y)` at `y = 1`: the inner derivative is 1, so the whole is `x`.
fn confusion<D: Real>(v: &[D]) -> D {
    let x = v[0];
    let (_, dy) = derivative(|y: Dual<D>| y + x, D::one());
    x * dy
}

/// `x₀ · d/dy (x₀ y + x₁ y²)` at `y = 1` = `x₀ (x₀ + 2x₁)`: ∇ = (2x₀ + 2x₁, 2x₀).
fn confusion2<D: Real>(v: &[D]) -> D {
    let (a, b) = (v[0], v[1]);
    let (_, dy) = derivative(|y: Dual<D>| y * a + y * y * b, D::one());
    a * dy
}

/// `3 + Σ xᵢ`: defined for every n, including 0.
fn three_plus_sum<D: Float>(x: &[D]) -> D {
    x.iter().fold(D::from(3.0).unwrap(), |s, &v| s + v)
}

fn two_outputs<D: Float>(x: &[D]) -> Vec<D> {
    let s = three_plus_sum(x);
    vec![s, s * s]
}

fn sum_sq<D: Float>(x: &[D]) -> D {
    x.iter().fold(D::zero(), |s, &v| s + v * v)
}

/// Writes `xᵢ²` cyclically into `out` without indexing.
fn sq_into<D: Float>(x: &[D], out: &mut [D]) {
    for (o, &v) in out.iter_mut().zip(x.iter().cycle()) {
        *o = v * v;
    }
}

/// The point of the dimension checks.
const X3: [f64; 3] = [1.0, 2.0, 3.0];

/// `h(x) = sin(x₀x₁) + e^{x₂}/(1 + x₀²) + ln(2 + x₁²) · x₃`.
fn wiggly<D: Float>(v: &[D]) -> D {
    let one = D::one();
    (v[0] * v[1]).sin() + v[2].exp() / (one + v[0] * v[0]) + (one + one + v[1] * v[1]).ln() * v[3]
}

/// `x` with coordinate `i` replaced by `t`.
fn with(x: &[f64], i: usize, t: f64) -> Vec<f64> {
    let mut y = x.to_vec();
    y[i] = t;
    y
}

// ---------------------------------------------------------------------------------------------
// From f64 to the width and back
// ---------------------------------------------------------------------------------------------

/// Rounds `f64` values (a point, a reference) to the width.
fn round<W: Width>(v: &[f64]) -> Vec<W> {
    v.iter().map(|&x| W::nearest(x)).collect()
}

/// Rounds an `f64` matrix to the width.
fn round_mat<W: Width>(m: &DMatrix<f64>) -> DMatrix<W> {
    m.map(W::nearest)
}

/// Widens values of the width to `f64`, exactly.
fn widen<W: Width>(v: &[W]) -> Vec<f64> {
    v.iter().map(|&x| x.into()).collect()
}

/// Asserts `actual` is `expected` bit for bit: a value part against the plain evaluation.
#[track_caller]
fn assert_bits<W: Width>(actual: W, expected: W, what: impl core::fmt::Display) {
    let (a, e): (f64, f64) = (actual.into(), expected.into());
    assert!(
        a.to_bits() == e.to_bits(),
        "{what}: value {a:e} is not the plain evaluation {e:e}"
    );
}

/// `M · v`, written out.
fn mat_vec(m: &DMatrix<f64>, v: &[f64]) -> Vec<f64> {
    (0..m.nrows())
        .map(|i| (0..m.ncols()).map(|j| m[(i, j)] * v[j]).sum())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The checks of one driver family with one dual type
// ---------------------------------------------------------------------------------------------

/// `gradient` and `gradient_into` of `f` (`plain` at the width) with the dual type `D` at `x`:
/// the value bit for bit, the gradient within `tol` of `want`. Returns the value.
fn check_gradient<W: Width, D: Seed<Scalar = W> + Float>(
    f: fn(&[D]) -> D,
    plain: fn(&[W]) -> W,
    x: &[W],
    want: &[W],
    tol: W,
) -> W {
    let what = format!("gradient with width {} at n = {}", D::WIDTH, x.len());
    let (fx, g) = gradient(f, x);
    assert_bits(fx, plain(x), &what);
    assert_vec_close(&g, want, tol);

    let garbage = W::nearest(GARBAGE);
    let mut work = vec![D::variable(garbage, 0); x.len()];
    let mut grad = vec![garbage; x.len()];
    let fx = gradient_into(f, x, &mut work, &mut grad);
    assert_bits(fx, plain(x), &what);
    assert_vec_close(&grad, want, tol);
    fx
}

/// Rosenbrock's gradient with `D`, for every size.
fn rosenbrock_gradient_with<W: Width, D: Seed<Scalar = W> + Float>() {
    for n in SIZES {
        let x: Vec<W> = round(&point(n));
        let want = round(&rosenbrock_grad(&widen(&x)));
        check_gradient(rosenbrock::<D>, rosenbrock::<W>, &x, &want, tol_large());
    }
}

/// `f3`'s gradient with `D`, and its value against the closed form.
fn f3_gradient_with<W: Width, D: Seed<Scalar = W> + Float>() {
    let x: Vec<W> = round(&P3);
    let (f_ref, g_ref, _) = f3_reference(&widen(&x));
    let fx = check_gradient(f3::<D>, f3::<W>, &x, &round(&g_ref), tol_unit());
    assert_close(fx, W::nearest(f_ref), tol_unit());
}

/// `jacobian`, `jacobian_into` and `jacobian_into_col_major` of every system with `D`: the
/// values bit for bit, the Jacobian against the hand one.
fn jacobians_with<W: Width, D: Seed<Scalar = W> + Float>() {
    for (sys, tol) in systems::<W, D>() {
        let x: Vec<W> = round(sys.at);
        let (f, n) = (sys.f, x.len());
        let values_ref = (sys.plain)(&x);
        let jac_ref = round_mat(&(sys.jac)(&widen(&x)));
        let m = values_ref.len();
        let what = format!("jacobian of {} with width {}", sys.name, D::WIDTH);

        let (values, jac) = jacobian(f, &x);
        assert_eq!(values.len(), m, "{what}: number of values");
        for (&v, &r) in values.iter().zip(&values_ref) {
            assert_bits(v, r, &what);
        }
        assert_mat_close(&jac, &jac_ref, tol);

        let garbage = W::nearest(GARBAGE);
        let mut work = vec![D::variable(garbage, 0); n];
        let mut out = vec![D::variable(garbage, 0); m];
        let mut values = vec![garbage; m];
        let mut jac = DMatrix::from_element(m, n, garbage);
        jacobian_into(into_form(f), &x, &mut work, &mut out, &mut values, &mut jac);
        assert_vec_close(&values, &values_ref, W::zero());
        assert_mat_close(&jac, &jac_ref, tol);

        // the column-major form: entry (i, j) at i + j·m, in any plain buffer
        let mut flat = vec![garbage; m * n];
        values.fill(garbage);
        jacobian_into_col_major(
            into_form(f),
            &x,
            &mut work,
            &mut out,
            &mut values,
            &mut flat,
        );
        assert_vec_close(&values, &values_ref, W::zero());
        for i in 0..m {
            for j in 0..n {
                assert_close(flat[i + j * m], jac_ref[(i, j)], tol);
            }
        }
    }
}

/// `hessian`, `hessian_into` and `hessian_into_col_major` of `f` with `H` at `x`: the value bit
/// for bit, gradient and Hessian within `tol` of `want_g` and `want_h`. The work buffer of the
/// `_into` forms starts out as copies of `junk`. Returns the value.
fn check_hessian<W: Width, H: SecondOrder<Scalar = W> + Float>(
    f: fn(&[H]) -> H,
    plain: fn(&[W]) -> W,
    x: &[W],
    want_g: &[W],
    want_h: &DMatrix<W>,
    tol: W,
    junk: H,
) -> W {
    let n = x.len();
    let what = format!("hessian at n = {n}");
    let (fx, g, h) = hessian(f, x);
    assert_bits(fx, plain(x), &what);
    assert_vec_close(&g, want_g, tol);
    assert_mat_close(&h, want_h, tol);

    let garbage = W::nearest(GARBAGE);
    let mut work = vec![junk; n];
    let mut grad = vec![garbage; n];
    let mut hess = DMatrix::from_element(n, n, garbage);
    let f_into = hessian_into(f, x, &mut work, &mut grad, &mut hess);
    assert_bits(f_into, plain(x), &what);
    assert_vec_close(&grad, want_g, tol);
    assert_mat_close(&hess, want_h, tol);

    // the column-major form, in a plain buffer
    let mut flat = vec![garbage; n * n];
    grad.fill(garbage);
    let f_flat = hessian_into_col_major(f, x, &mut work, &mut grad, &mut flat);
    assert_bits(f_flat, plain(x), &what);
    assert_vec_close(&grad, want_g, tol);
    assert_vec_close(&flat, want_h.as_slice(), tol);
    fx
}

/// Rosenbrock's Hessian with `H`, for every size.
fn rosenbrock_hessian_with<W: Width, H: SecondOrder<Scalar = W> + Float>(junk: H) {
    for n in SIZES {
        let x: Vec<W> = round(&point(n));
        let x64 = widen(&x);
        let want_g = round(&rosenbrock_grad(&x64));
        let want_h = round_mat(&rosenbrock_hess(&x64));
        let (f, plain) = (rosenbrock::<H>, rosenbrock::<W>);
        check_hessian(f, plain, &x, &want_g, &want_h, tol_large(), junk);
    }
}

/// `f3`'s Hessian with `H`, and its value against the closed form.
fn f3_hessian_with<W: Width, H: SecondOrder<Scalar = W> + Float>(junk: H) {
    let x: Vec<W> = round(&P3);
    let (f_ref, g_ref, h_ref) = f3_reference(&widen(&x));
    let (want_g, want_h) = (round(&g_ref), round_mat(&h_ref));
    let fx = check_hessian(f3::<H>, f3::<W>, &x, &want_g, &want_h, tol_unit(), junk);
    assert_close(fx, W::nearest(f_ref), tol_unit());
}

// ---------------------------------------------------------------------------------------------
// The tests, generated for each width
// ---------------------------------------------------------------------------------------------

/// Every check of this file that both widths run, expanded once per width `$w` (as the body of
/// a module; `W` names the width inside it).
macro_rules! driver_tests {
    ($w:ty) => {
        use super::*;

        /// The width under test.
        type W = $w;

        fn w(v: f64) -> W {
            W::nearest(v)
        }

        // ----- gradient / gradient_into -----

        #[test]
        fn rosenbrock_gradient_dual() {
            rosenbrock_gradient_with::<W, Dual<W>>();
        }

        #[test]
        fn rosenbrock_gradient_dualvec_widths() {
            rosenbrock_gradient_with::<W, DualVec<W, 1>>();
            rosenbrock_gradient_with::<W, DualVec<W, 2>>();
            rosenbrock_gradient_with::<W, DualVec<W, 3>>();
            rosenbrock_gradient_with::<W, DualVec<W, 4>>();
            rosenbrock_gradient_with::<W, DualVec<W, 8>>();
            rosenbrock_gradient_with::<W, DualVec<W, 16>>();
        }

        #[test]
        fn f3_gradient_every_width() {
            f3_gradient_with::<W, Dual<W>>();
            f3_gradient_with::<W, DualVec<W, 2>>();
            f3_gradient_with::<W, DualVec<W, 3>>();
            f3_gradient_with::<W, DualVec<W, 8>>();
        }

        #[test]
        fn rosenbrock_gradient_at_the_minimum_is_exactly_zero() {
            let x: Vec<W> = vec![1.0; 7];
            let (f, g) = gradient(rosenbrock::<DualVec<W, 3>>, &x);
            assert_eq!(f, 0.0);
            assert!(g.iter().all(|&gi| gi == 0.0), "{g:?}");
        }

        #[test]
        fn gradient_with_a_closure_annotated_by_type() {
            // f = x·y² + z: ∇f = (y², 2xy, 1)
            let (f, g) = gradient(
                |v: &[DualVec<W, 2>]| v[0] * v[1] * v[1] + v[2],
                &[2.0, 3.0, -1.0],
            );
            assert_eq!(f, 17.0);
            assert_eq!(g, vec![9.0, 12.0, 1.0]);
        }

        #[test]
        fn gradient_passes_are_ceil_n_over_width() {
            let x: Vec<W> = round(&point(7));
            let mut calls = 0;
            let _ = gradient(
                |v: &[DualVec<W, 3>]| {
                    calls += 1;
                    rosenbrock(v)
                },
                &x,
            );
            assert_eq!(calls, 3);
            let mut calls = 0;
            let _ = gradient(
                |v: &[Dual<W>]| {
                    calls += 1;
                    rosenbrock(v)
                },
                &x,
            );
            assert_eq!(calls, 7);
            let mut calls = 0;
            let _ = gradient(
                |v: &[DualVec<W, 16>]| {
                    calls += 1;
                    rosenbrock(v)
                },
                &x,
            );
            assert_eq!(calls, 1);
        }

        // ----- jacobian / jacobian_into / jvp / jvp_into -----

        #[test]
        fn jacobian_dual() {
            jacobians_with::<W, Dual<W>>();
        }

        #[test]
        fn jacobian_dualvec_widths() {
            jacobians_with::<W, DualVec<W, 1>>();
            jacobians_with::<W, DualVec<W, 2>>();
            jacobians_with::<W, DualVec<W, 3>>();
            jacobians_with::<W, DualVec<W, 4>>();
            jacobians_with::<W, DualVec<W, 8>>();
            jacobians_with::<W, DualVec<W, 16>>();
        }

        #[test]
        fn jacobian_of_rosenbrock_gradient_is_the_hessian() {
            // the gradient written by hand in generic form, differentiated by jacobian
            fn grad<D: Float>(x: &[D]) -> Vec<D> {
                let n = x.len();
                let c = |v: f64| D::from(v).unwrap();
                (0..n)
                    .map(|i| {
                        let mut g = D::zero();
                        if i + 1 < n {
                            g = g
                                - c(2.0) * (D::one() - x[i])
                                - c(400.0) * x[i] * (x[i + 1] - x[i] * x[i]);
                        }
                        if i > 0 {
                            g = g + c(200.0) * (x[i] - x[i - 1] * x[i - 1]);
                        }
                        g
                    })
                    .collect()
            }
            let x: Vec<W> = round(&point(10));
            let x64 = widen(&x);
            let (g, h) = jacobian(grad::<DualVec<W, 4>>, &x);
            assert_vec_close(&g, &round(&rosenbrock_grad(&x64)), tol_large());
            assert_mat_close(&h, &round_mat(&rosenbrock_hess(&x64)), tol_large());
        }

        #[test]
        fn jvp_is_the_hand_jacobian_times_v() {
            for (sys, tol) in systems::<W, Dual<W>>() {
                let x: Vec<W> = round(sys.at);
                let n = x.len();
                let v: Vec<W> = round(&direction(n));
                let want: Vec<W> = round(&mat_vec(&(sys.jac)(&widen(&x)), &widen(&v)));
                let values_ref = (sys.plain)(&x);
                let m = values_ref.len();

                let (values, jv) = jvp(sys.f, &x, &v);
                assert_vec_close(&values, &values_ref, 0.0);
                assert_vec_close(&jv, &want, tol);

                let garbage = w(GARBAGE);
                let mut work = vec![Dual::new(garbage, garbage); n];
                let mut out = vec![Dual::new(garbage, garbage); m];
                let mut values = vec![garbage; m];
                let mut jv = vec![garbage; m];
                jvp_into(
                    into_form(sys.f),
                    &x,
                    &v,
                    &mut work,
                    &mut out,
                    &mut values,
                    &mut jv,
                );
                assert_vec_close(&values, &values_ref, 0.0);
                assert_vec_close(&jv, &want, tol);
            }
            // An irregular direction with a negative entry.
            let x: Vec<W> = round(&P3);
            let v: [W; 3] = [1.0, -2.0, 0.5];
            let (values, jv) = jvp(map2::<Dual<W>>, &x, &v);
            assert_bits(values[0], x[0] * x[1], "jvp of map2");
            let want: Vec<W> = round(&mat_vec(&map2_jac(&widen(&x)), &widen(&v)));
            assert_vec_close(&jv, &want, tol_unit());
        }

        #[test]
        fn jvp_along_a_unit_vector_is_a_jacobian_column() {
            let x: Vec<W> = round(&P44);
            let jac = round_mat(&sys44_jac(&widen(&x)));
            for j in 0..4 {
                let mut e: [W; 4] = [0.0; 4];
                e[j] = 1.0;
                let (_, col) = jvp(sys44::<Dual<W>>, &x, &e);
                let want: Vec<W> = (0..4).map(|i| jac[(i, j)]).collect();
                assert_vec_close(&col, &want, tol_large());
            }
        }

        // ----- hessian / hessian_into / hvp / hvp_into -----

        /// Every part of a work buffer's entries is garbage before the `_into` calls.
        fn junk<const N: usize>() -> (HyperDual<W>, Dual2Vec<W, N>) {
            let g = w(GARBAGE);
            (
                HyperDual::new(g, g, g, g),
                Dual2Vec::new(g, [g; N], [[g; N]; N]),
            )
        }

        #[test]
        fn rosenbrock_hessian() {
            rosenbrock_hessian_with::<W, HyperDual<W>>(junk::<2>().0);
            rosenbrock_hessian_with::<W, Dual2Vec<W, 2>>(junk::<2>().1);
        }

        #[test]
        fn f3_hessian_every_type() {
            f3_hessian_with::<W, HyperDual<W>>(junk::<2>().0);
            f3_hessian_with::<W, Dual2Vec<W, 2>>(junk::<2>().1);
            f3_hessian_with::<W, Dual2Vec<W, 3>>(junk::<3>().1);
        }

        #[test]
        fn rosenbrock_hessian_at_the_minimum() {
            // n = 2 at (1, 1): [[802, −400], [−400, 200]]
            let (_, _, h) = hessian(rosenbrock::<HyperDual<W>>, &[1.0, 1.0]);
            assert_eq!(
                h,
                DMatrix::from_row_slice(2, 2, &[802.0, -400.0, -400.0, 200.0])
            );
        }

        #[test]
        fn hessian_of_a_transcendental_function() {
            let x: Vec<W> = round(&[0.3, 1.1, -0.8]);
            let x64 = widen(&x);
            let (f, g, h) = hessian(expsin::<HyperDual<W>>, &x);
            assert_bits(f, expsin(&x), "expsin");
            assert_vec_close(&g, &round(&expsin_grad(&x64)), tol_unit());
            assert_mat_close(&h, &round_mat(&expsin_hess(&x64)), tol_unit());
        }

        #[test]
        fn hvp_is_the_hand_hessian_times_v() {
            for n in SIZES {
                let x: Vec<W> = round(&point(n));
                let v: Vec<W> = round(&direction(n));
                let want: Vec<W> = round(&mat_vec(&rosenbrock_hess(&widen(&x)), &widen(&v)));
                let (f, hv) = hvp(rosenbrock::<HyperDual<W>>, &x, &v);
                assert_bits(f, rosenbrock(&x), "hvp");
                assert_vec_close(&hv, &want, tol_large());

                let garbage = w(GARBAGE);
                let mut work = vec![HyperDual::new(garbage, garbage, garbage, garbage); n];
                let mut hv = vec![garbage; n];
                let f = hvp_into(rosenbrock::<HyperDual<W>>, &x, &v, &mut work, &mut hv);
                assert_bits(f, rosenbrock(&x), "hvp_into");
                assert_vec_close(&hv, &want, tol_large());
            }
            // expsin and f3 along a direction with a negative entry
            let v: [W; 3] = [1.0, -2.0, 0.5];
            let x: Vec<W> = round(&[0.3, 1.1, -0.8]);
            let (fx, hv) = hvp(expsin::<HyperDual<W>>, &x, &v);
            assert_bits(fx, expsin(&x), "hvp of expsin");
            let want: Vec<W> = round(&mat_vec(&expsin_hess(&widen(&x)), &widen(&v)));
            assert_vec_close(&hv, &want, tol_unit());
            let x: Vec<W> = round(&P3);
            let (fx, hv) = hvp(f3::<HyperDual<W>>, &x, &v);
            assert_bits(fx, f3(&x), "hvp of f3");
            let want: Vec<W> = round(&mat_vec(&f3_reference(&widen(&x)).2, &widen(&v)));
            assert_vec_close(&hv, &want, tol_unit());
        }

        // ----- derivative / second_derivative, and nesting -----

        #[test]
        fn derivative_and_second_derivative() {
            for x0 in [-1.7, 0.0, 0.4, 2.9] {
                check_derivatives(cube_exp, cube_exp, cube_exp, x0, cube_exp_derivatives);
            }
            check_derivatives(sin_exp, sin_exp, sin_exp, 0.5, sin_exp_derivatives);
        }

        /// `derivative` and `second_derivative` of `f` (given on each type) at `x0`: the value
        /// bit for bit, `f'` and `f''` against the closed forms.
        fn check_derivatives(
            plain: fn(W) -> W,
            first: fn(Dual<W>) -> Dual<W>,
            second: fn(HyperDual<W>) -> HyperDual<W>,
            x0: f64,
            closed: fn(f64) -> [f64; 2],
        ) {
            let x: W = w(x0);
            let [d1_ref, d2_ref] = closed(x.into()).map(w);
            let (f, d1) = derivative(first, x);
            assert_bits(f, plain(x), format_args!("derivative at {x0}"));
            assert_close(d1, d1_ref, tol_unit());
            let (f, d1, d2) = second_derivative(second, x);
            assert_bits(f, plain(x), format_args!("second_derivative at {x0}"));
            assert_close(d1, d1_ref, tol_unit());
            assert_close(d2, d2_ref, tol_unit());
        }

        #[test]
        fn third_derivative_of_sin_by_nesting() {
            for x0 in [-2.0, -0.5, 0.0, 0.8, 3.0] {
                let x: W = w(x0);
                let (d2, d3) = derivative(
                    |x: Dual<W>| second_derivative(|y: HyperDual<Dual<W>>| y.sin(), x).2,
                    x,
                );
                // (sin)'' = −sin, (sin)''' = −cos
                let x64 = f64::from(x);
                assert_close(d2, w(-x64.sin()), W::tol(1e-15, 1e-6));
                assert_close(d3, w(-x64.cos()), W::tol(1e-15, 1e-6));
            }
        }

        #[test]
        fn fourth_derivative_by_nesting_second_derivatives() {
            // d²/dx² of (d²/dy² y⁵): (y⁵)'''' = 120 y
            let x: W = w(1.3);
            let (_, _, d4) = second_derivative(
                |x: HyperDual<W>| second_derivative(|y: HyperDual<HyperDual<W>>| y.powi(5), x).2,
                x,
            );
            assert_close(d4, w(120.0 * f64::from(x)), tol_unit());
        }

        #[test]
        fn no_perturbation_confusion() {
            // d/dx [x · d/dy (x + y)]|_{y=1} = 1 (a confused implementation gives 2)
            let (f, g) = gradient(confusion::<Dual<W>>, &[3.0]);
            assert_eq!((f, g), (3.0, vec![1.0]));
            let (f, g) = gradient(confusion::<DualVec<W, 4>>, &[3.0]);
            assert_eq!((f, g), (3.0, vec![1.0]));
            let (_, d) = derivative(|x: Dual<W>| confusion(&[x]), 3.0);
            assert_eq!(d, 1.0);

            let (a, b): (W, W) = (1.5, -0.5);
            let tol = W::tol(1e-15, 1e-6);
            let (f, g) = gradient(confusion2::<DualVec<W, 2>>, &[a, b]);
            assert_eq!(f, a * (a + 2.0 * b));
            assert_vec_close(&g, &[2.0 * a + 2.0 * b, 2.0 * a], tol);
            let (_, g, h) = hessian(confusion2::<HyperDual<W>>, &[a, b]);
            assert_vec_close(&g, &[2.0 * a + 2.0 * b, 2.0 * a], tol);
            assert_mat_close(
                &h,
                &DMatrix::from_row_slice(2, 2, &[2.0, 2.0, 2.0, 0.0]),
                tol,
            );
        }

        #[test]
        fn drivers_over_a_dual_scalar() {
            // evaluated at x + t·v with T = Dual<W>, the eps parts are d/dt of each result
            let tol = tol_large::<W>();
            for n in SIZES {
                let x: Vec<W> = round(&point(n));
                let v: Vec<W> = round(&direction(n));
                let (x64, v64) = (widen(&x), widen(&v));
                let xt: Vec<Dual<W>> = x.iter().zip(&v).map(|(&a, &b)| Dual::new(a, b)).collect();
                let hv = round(&mat_vec(&rosenbrock_hess(&x64), &v64));
                let grad = round(&rosenbrock_grad(&x64));

                // gradient: value ∇f, eps H·v
                let (f, g) = gradient(rosenbrock::<Dual<Dual<W>>>, &xt);
                assert_bits(f.re, rosenbrock(&x), "gradient over Dual");
                let df: f64 = rosenbrock_grad(&x64)
                    .iter()
                    .zip(&v64)
                    .map(|(a, b)| a * b)
                    .sum();
                assert_close(f.eps, w(df), tol);
                let (re, eps): (Vec<W>, Vec<W>) = g.iter().map(|d| (d.re, d.eps)).unzip();
                assert_vec_close(&re, &grad, tol);
                assert_vec_close(&eps, &hv, tol);
                let (_, g) = gradient(rosenbrock::<DualVec<Dual<W>, 3>>, &xt);
                let eps: Vec<W> = g.iter().map(|d| d.eps).collect();
                assert_vec_close(&eps, &hv, tol);

                // hessian: value H, eps dH/dt (third derivatives)
                let (_, _, h) = hessian(rosenbrock::<HyperDual<Dual<W>>>, &xt);
                assert_mat_close(&h.map(|d| d.re), &round_mat(&rosenbrock_hess(&x64)), tol);
                let want = round_mat(&rosenbrock_hess_dot(&x64, &v64));
                assert_mat_close(&h.map(|d| d.eps), &want, tol);
            }

            // jacobian over T = Dual<W> at x + t·e₂: value J, eps dJ/dt = ∂J/∂x₂, by hand from
            // sys44_jac: row 1: (0, 0, 0, −1/x₃²); row 2: (0, 0, −x₃ sin x₂, cos x₂);
            // row 3: (0, 1, 0, 0)
            let x: Vec<W> = round(&P44);
            let xt: Vec<Dual<W>> = (0..4)
                .map(|i| Dual::new(x[i], if i == 2 { 1.0 } else { 0.0 }))
                .collect();
            let (_, jt) = jacobian(sys44::<Dual<Dual<W>>>, &xt);
            let x64 = widen(&x);
            assert_mat_close(&jt.map(|d| d.re), &round_mat(&sys44_jac(&x64)), tol);
            let (c, d) = (x64[2], x64[3]);
            let want = DMatrix::from_row_slice(
                4,
                4,
                &[
                    0.0,
                    0.0,
                    0.0,
                    0.0,
                    0.0,
                    0.0,
                    0.0,
                    -1.0 / (d * d),
                    0.0,
                    0.0,
                    -d * c.sin(),
                    c.cos(),
                    0.0,
                    1.0,
                    0.0,
                    0.0,
                ],
            );
            assert_mat_close(&jt.map(|d| d.eps), &round_mat(&want), tol);
        }

        #[test]
        fn jacobian_with_no_outputs() {
            let (values, jac) = jacobian(|_x: &[DualVec<W, 2>]| Vec::new(), &round(&X3));
            assert!(values.is_empty());
            assert_eq!(jac.shape(), (0, 3));
        }

        #[test]
        #[should_panic]
        fn jacobian_outputs_of_different_lengths_panic() {
            let mut calls = 0;
            let _ = jacobian(
                |x: &[Dual<W>]| {
                    calls += 1;
                    vec![x[0]; calls]
                },
                &round(&X3),
            );
        }

        // ----- n = 0 -----

        #[test]
        fn empty_input() {
            let x: [W; 0] = [];
            let garbage = w(GARBAGE);

            let (f, g) = gradient(three_plus_sum::<Dual<W>>, &x);
            assert_eq!((f, g), (3.0, vec![]));
            let (f, g) = gradient(three_plus_sum::<DualVec<W, 4>>, &x);
            assert_eq!((f, g), (3.0, vec![]));
            let mut work: [DualVec<W, 4>; 0] = [];
            let mut grad: [W; 0] = [];
            assert_eq!(
                gradient_into(three_plus_sum::<DualVec<W, 4>>, &x, &mut work, &mut grad),
                3.0
            );

            let (values, jac) = jacobian(two_outputs::<DualVec<W, 2>>, &x);
            assert_eq!(values, vec![3.0, 9.0]);
            assert_eq!(jac.shape(), (2, 0));
            let mut work: [Dual<W>; 0] = [];
            let mut out = [Dual::new(garbage, garbage); 2];
            let mut values = [garbage; 2];
            let mut jac = DMatrix::from_element(2, 0, garbage);
            jacobian_into(
                into_form(two_outputs::<Dual<W>>),
                &x,
                &mut work,
                &mut out,
                &mut values,
                &mut jac,
            );
            assert_eq!(values, [3.0, 9.0]);

            let (values, jv) = jvp(two_outputs::<Dual<W>>, &x, &x);
            assert_eq!((values, jv), (vec![3.0, 9.0], vec![0.0, 0.0]));
            let mut work: [Dual<W>; 0] = [];
            let mut out = [Dual::new(garbage, garbage); 2];
            let (mut values, mut jv) = ([garbage; 2], [garbage; 2]);
            jvp_into(
                into_form(two_outputs::<Dual<W>>),
                &x,
                &x,
                &mut work,
                &mut out,
                &mut values,
                &mut jv,
            );
            assert_eq!((values, jv), ([3.0, 9.0], [0.0, 0.0]));

            let (f, g, h) = hessian(three_plus_sum::<HyperDual<W>>, &x);
            assert_eq!((f, g), (3.0, vec![]));
            assert_eq!(h.shape(), (0, 0));
            let mut work: [HyperDual<W>; 0] = [];
            let mut grad: [W; 0] = [];
            let mut hess = DMatrix::zeros(0, 0);
            assert_eq!(
                hessian_into(
                    three_plus_sum::<HyperDual<W>>,
                    &x,
                    &mut work,
                    &mut grad,
                    &mut hess
                ),
                3.0
            );

            let (f, hv) = hvp(three_plus_sum::<HyperDual<W>>, &x, &x);
            assert_eq!((f, hv), (3.0, vec![]));
            let mut work: [HyperDual<W>; 0] = [];
            let mut hv: [W; 0] = [];
            assert_eq!(
                hvp_into(three_plus_sum::<HyperDual<W>>, &x, &x, &mut work, &mut hv),
                3.0
            );
        }

        // ----- dimension mismatches panic (the closures never index, so only the driver can) -----

        #[test]
        #[should_panic]
        fn gradient_into_work_too_short() {
            let mut work = [Dual::<W>::default(); 2];
            let mut grad: [W; 3] = [0.0; 3];
            let _ = gradient_into(sum_sq::<Dual<W>>, &round(&X3), &mut work, &mut grad);
        }

        #[test]
        #[should_panic]
        fn gradient_into_grad_too_short() {
            let mut work = [DualVec::<W, 2>::default(); 3];
            let mut grad: [W; 2] = [0.0; 2];
            let _ = gradient_into(sum_sq::<DualVec<W, 2>>, &round(&X3), &mut work, &mut grad);
        }

        #[test]
        #[should_panic]
        fn gradient_into_grad_too_long() {
            let mut work = [Dual::<W>::default(); 3];
            let mut grad: [W; 4] = [0.0; 4];
            let _ = gradient_into(sum_sq::<Dual<W>>, &round(&X3), &mut work, &mut grad);
        }

        #[test]
        #[should_panic]
        fn jacobian_into_work_too_short() {
            let mut work = [Dual::<W>::default(); 2];
            let mut out = [Dual::<W>::default(); 2];
            let (mut values, mut jac): ([W; 2], _) = ([0.0; 2], DMatrix::zeros(2, 3));
            jacobian_into(
                sq_into::<Dual<W>>,
                &round(&X3),
                &mut work,
                &mut out,
                &mut values,
                &mut jac,
            );
        }

        #[test]
        #[should_panic]
        fn jacobian_into_values_wrong_length() {
            let mut work = [Dual::<W>::default(); 3];
            let mut out = [Dual::<W>::default(); 2];
            let (mut values, mut jac): ([W; 3], _) = ([0.0; 3], DMatrix::zeros(2, 3));
            jacobian_into(
                sq_into::<Dual<W>>,
                &round(&X3),
                &mut work,
                &mut out,
                &mut values,
                &mut jac,
            );
        }

        #[test]
        #[should_panic]
        fn jacobian_into_jac_wrong_rows() {
            let mut work = [DualVec::<W, 2>::default(); 3];
            let mut out = [DualVec::<W, 2>::default(); 2];
            let (mut values, mut jac): ([W; 2], _) = ([0.0; 2], DMatrix::zeros(3, 3));
            jacobian_into(
                sq_into::<DualVec<W, 2>>,
                &round(&X3),
                &mut work,
                &mut out,
                &mut values,
                &mut jac,
            );
        }

        #[test]
        #[should_panic]
        fn jacobian_into_jac_wrong_columns() {
            let mut work = [Dual::<W>::default(); 3];
            let mut out = [Dual::<W>::default(); 2];
            let (mut values, mut jac): ([W; 2], _) = ([0.0; 2], DMatrix::zeros(2, 2));
            jacobian_into(
                sq_into::<Dual<W>>,
                &round(&X3),
                &mut work,
                &mut out,
                &mut values,
                &mut jac,
            );
        }

        #[test]
        #[should_panic]
        fn jvp_v_wrong_length() {
            let _ = jvp(|x: &[Dual<W>]| vec![sum_sq(x)], &round(&X3), &[1.0, 1.0]);
        }

        #[test]
        #[should_panic]
        fn jvp_into_v_wrong_length() {
            let (mut work, mut out) = ([Dual::<W>::default(); 3], [Dual::<W>::default(); 2]);
            let (mut values, mut jv): ([W; 2], [W; 2]) = ([0.0; 2], [0.0; 2]);
            jvp_into(
                sq_into::<Dual<W>>,
                &round(&X3),
                &[1.0; 4],
                &mut work,
                &mut out,
                &mut values,
                &mut jv,
            );
        }

        #[test]
        #[should_panic]
        fn jvp_into_work_wrong_length() {
            let (mut work, mut out) = ([Dual::<W>::default(); 2], [Dual::<W>::default(); 2]);
            let (mut values, mut jv): ([W; 2], [W; 2]) = ([0.0; 2], [0.0; 2]);
            jvp_into(
                sq_into::<Dual<W>>,
                &round(&X3),
                &[1.0; 3],
                &mut work,
                &mut out,
                &mut values,
                &mut jv,
            );
        }

        #[test]
        #[should_panic]
        fn jvp_into_values_wrong_length() {
            let (mut work, mut out) = ([Dual::<W>::default(); 3], [Dual::<W>::default(); 2]);
            let (mut values, mut jv): ([W; 1], [W; 2]) = ([0.0; 1], [0.0; 2]);
            jvp_into(
                sq_into::<Dual<W>>,
                &round(&X3),
                &[1.0; 3],
                &mut work,
                &mut out,
                &mut values,
                &mut jv,
            );
        }

        #[test]
        #[should_panic]
        fn jvp_into_jv_wrong_length() {
            let (mut work, mut out) = ([Dual::<W>::default(); 3], [Dual::<W>::default(); 2]);
            let (mut values, mut jv): ([W; 2], [W; 3]) = ([0.0; 2], [0.0; 3]);
            jvp_into(
                sq_into::<Dual<W>>,
                &round(&X3),
                &[1.0; 3],
                &mut work,
                &mut out,
                &mut values,
                &mut jv,
            );
        }

        #[test]
        #[should_panic(expected = "m·n entries")]
        fn jacobian_into_col_major_jac_wrong_length() {
            let mut work = [Dual::<W>::default(); 3];
            let mut out = [Dual::<W>::default(); 2];
            let (mut values, mut jac): ([W; 2], [W; 5]) = ([0.0; 2], [0.0; 5]);
            jacobian_into_col_major(
                sq_into::<Dual<W>>,
                &round(&X3),
                &mut work,
                &mut out,
                &mut values,
                &mut jac,
            );
        }

        #[test]
        #[should_panic(expected = "n² entries")]
        fn hessian_into_col_major_hess_wrong_length() {
            let mut work = [HyperDual::<W>::default(); 3];
            let (mut grad, mut hess): ([W; 3], [W; 8]) = ([0.0; 3], [0.0; 8]);
            let _ = hessian_into_col_major(
                sum_sq::<HyperDual<W>>,
                &round(&X3),
                &mut work,
                &mut grad,
                &mut hess,
            );
        }

        #[test]
        #[should_panic]
        fn hessian_into_work_wrong_length() {
            let mut work = [HyperDual::<W>::default(); 2];
            let (mut grad, mut hess): ([W; 3], _) = ([0.0; 3], DMatrix::zeros(3, 3));
            let _ = hessian_into(
                sum_sq::<HyperDual<W>>,
                &round(&X3),
                &mut work,
                &mut grad,
                &mut hess,
            );
        }

        #[test]
        #[should_panic]
        fn hessian_into_grad_wrong_length() {
            let mut work = [HyperDual::<W>::default(); 3];
            let (mut grad, mut hess): ([W; 2], _) = ([0.0; 2], DMatrix::zeros(3, 3));
            let _ = hessian_into(
                sum_sq::<HyperDual<W>>,
                &round(&X3),
                &mut work,
                &mut grad,
                &mut hess,
            );
        }

        #[test]
        #[should_panic]
        fn hessian_into_hess_not_square() {
            let mut work = [HyperDual::<W>::default(); 3];
            let (mut grad, mut hess): ([W; 3], _) = ([0.0; 3], DMatrix::zeros(3, 2));
            let _ = hessian_into(
                sum_sq::<HyperDual<W>>,
                &round(&X3),
                &mut work,
                &mut grad,
                &mut hess,
            );
        }

        #[test]
        #[should_panic]
        fn hvp_v_wrong_length() {
            let _ = hvp(sum_sq::<HyperDual<W>>, &round(&X3), &[1.0; 2]);
        }

        #[test]
        #[should_panic]
        fn hvp_into_v_wrong_length() {
            let (mut work, mut hv): (_, [W; 3]) = ([HyperDual::<W>::default(); 3], [0.0; 3]);
            let _ = hvp_into(
                sum_sq::<HyperDual<W>>,
                &round(&X3),
                &[1.0; 4],
                &mut work,
                &mut hv,
            );
        }

        #[test]
        #[should_panic]
        fn hvp_into_work_wrong_length() {
            let (mut work, mut hv): (_, [W; 3]) = ([HyperDual::<W>::default(); 4], [0.0; 3]);
            let _ = hvp_into(
                sum_sq::<HyperDual<W>>,
                &round(&X3),
                &[1.0; 3],
                &mut work,
                &mut hv,
            );
        }

        #[test]
        #[should_panic]
        fn hvp_into_hv_wrong_length() {
            let (mut work, mut hv): (_, [W; 2]) = ([HyperDual::<W>::default(); 3], [0.0; 2]);
            let _ = hvp_into(
                sum_sq::<HyperDual<W>>,
                &round(&X3),
                &[1.0; 3],
                &mut work,
                &mut hv,
            );
        }
    };
}

/// The checks on the `f64` types, and those that only `f64` has: magnitudes beyond `f32`'s
/// range, and central differences (whose ~1e-10 accuracy checks `f64` results; `f32` results
/// are checked against the closed forms only).
mod on_f64 {
    driver_tests!(f64);

    use dualdiff::{DualVec64, HyperDual64};

    #[test]
    fn hessian_of_a_quotient_at_small_magnitudes() {
        // f = x/y: H = [[0, −1/y²], [−1/y², 2x/y³]]; at (1e-110, 1e-110):
        // [[0, −1e220], [−1e220, 2e220]]
        let (x, y) = (1e-110, 1e-110);
        let (f, g, h) = hessian(|v: &[HyperDual64]| v[0] / v[1], &[x, y]);
        assert_eq!(f, 1.0);
        assert_vec_close(&[g[0] * y, g[1] * y], &[1.0, -x / y], tol_large());
        let want = [0.0, -1.0 / (y * y), -1.0 / (y * y), 2.0 * x / (y * y * y)];
        let got = [h[(0, 0)], h[(0, 1)], h[(1, 0)], h[(1, 1)]];
        // scaled by y² so that the comparison is relative
        for (g, w) in got.iter().zip(want) {
            assert_close(g * y * y, w * y * y, tol_large());
        }
    }

    #[test]
    fn gradient_matches_central_differences() {
        let x = [0.8, -1.2, 0.5, 2.0];
        let (_, g) = gradient(wiggly::<DualVec64<3>>, &x);
        for i in 0..x.len() {
            let fd = central(|t| wiggly(&with(&x, i, t)), x[i]);
            assert_close(g[i], fd, 1e-8);
        }
    }

    #[test]
    fn jacobian_matches_central_differences() {
        let (_, jac) = jacobian(sys44::<DualVec64<3>>, &P44);
        for i in 0..4 {
            for j in 0..4 {
                let fd = central(|t| sys44(&with(&P44, j, t))[i], P44[j]);
                assert_close(jac[(i, j)], fd, 1e-8);
            }
        }
    }
}

/// The checks on the `f32` types.
mod on_f32 {
    driver_tests!(f32);
}
