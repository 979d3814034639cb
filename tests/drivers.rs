//! Every driver on functions whose derivatives are written out by hand in this file: the extended
//! Rosenbrock function (gradient and Hessian in closed form), two small systems with hand
//! Jacobians, nested drivers, `n = 0`, the `_into` twins and their dimension checks, and a
//! cross-check against central differences.

mod common;
use common::*;

use dualdiff::{
    Dual, Dual64, DualVec64, HyperDual, HyperDual64, Real, Seed, derivative, gradient,
    gradient_into, hessian, hessian_into, hessian_into_col_major, hvp, hvp_into, jacobian,
    jacobian_into, jacobian_into_col_major, jvp, jvp_into, second_derivative,
};
use nalgebra::DMatrix;
use num_traits::Float;

/// Garbage written into every output buffer before an `_into` call, to prove it is overwritten.
const GARBAGE: f64 = 999.0;

/// Tolerance for AD results against closed forms: the terms of these functions reach ~10³, so
/// rounding alone can move a result by ~10⁻¹³ absolute.
const TOL: f64 = 1e-12;

/// The sizes of the Rosenbrock tests.
const SIZES: [usize; 4] = [2, 3, 7, 10];

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

/// A deterministic, irregular evaluation point of length `n`.
fn point(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| 1.3 * (0.7 * i as f64 + 0.4).sin() - 0.1 * i as f64)
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

/// The `_into` form of a system: writes `f(x)` into `out`.
fn into_form<D: Float>(f: fn(&[D]) -> Vec<D>) -> impl FnMut(&[D], &mut [D]) {
    move |x, out| out.copy_from_slice(&f(x))
}

const P32: [f64; 3] = [0.7, -1.3, 2.1];
const P44: [f64; 4] = [1.5, -0.4, 0.9, 2.2];

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

// ---------------------------------------------------------------------------------------------
// Comparison helpers
// ---------------------------------------------------------------------------------------------

/// `M · v`, written out.
fn mat_vec(m: &DMatrix<f64>, v: &[f64]) -> Vec<f64> {
    (0..m.nrows())
        .map(|i| (0..m.ncols()).map(|j| m[(i, j)] * v[j]).sum())
        .collect()
}

/// A direction of length `n` with no zero entries.
fn direction(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| 0.5 - 0.3 * i as f64 + 0.05 * (i * i) as f64)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// gradient / gradient_into
// ---------------------------------------------------------------------------------------------

/// gradient and gradient_into with dual type `D` on Rosenbrock for every size.
fn rosenbrock_gradient_with<D: Seed<Scalar = f64> + Float>() {
    for n in SIZES {
        let x = point(n);
        let want = rosenbrock_grad(&x);
        let (f, g) = gradient(rosenbrock::<D>, &x);
        assert_eq!(
            f.to_bits(),
            rosenbrock(&x).to_bits(),
            "value, n = {n}, width {}",
            D::WIDTH
        );
        assert_vec_close(&g, &want, TOL);

        let mut work = vec![D::variable(GARBAGE, 0); n];
        let mut grad = vec![GARBAGE; n];
        let f = gradient_into(rosenbrock::<D>, &x, &mut work, &mut grad);
        assert_eq!(f.to_bits(), rosenbrock(&x).to_bits());
        assert_vec_close(&grad, &want, TOL);
    }
}

#[test]
fn rosenbrock_gradient_dual64() {
    rosenbrock_gradient_with::<Dual64>();
}

#[test]
fn rosenbrock_gradient_dualvec_widths() {
    rosenbrock_gradient_with::<DualVec64<1>>();
    rosenbrock_gradient_with::<DualVec64<2>>();
    rosenbrock_gradient_with::<DualVec64<3>>();
    rosenbrock_gradient_with::<DualVec64<4>>();
    rosenbrock_gradient_with::<DualVec64<8>>();
    rosenbrock_gradient_with::<DualVec64<16>>();
}

#[test]
fn rosenbrock_gradient_at_the_minimum_is_exactly_zero() {
    let x = vec![1.0; 7];
    let (f, g) = gradient(rosenbrock::<DualVec64<3>>, &x);
    assert_eq!(f, 0.0);
    assert!(g.iter().all(|&gi| gi == 0.0), "{g:?}");
}

#[test]
fn gradient_with_a_closure_annotated_by_type() {
    // f = x·y² + z: ∇f = (y², 2xy, 1)
    let (f, g) = gradient(
        |v: &[DualVec64<2>]| v[0] * v[1] * v[1] + v[2],
        &[2.0, 3.0, -1.0],
    );
    assert_eq!(f, 17.0);
    assert_eq!(g, vec![9.0, 12.0, 1.0]);
}

#[test]
fn gradient_passes_are_ceil_n_over_width() {
    let x = point(7);
    let mut calls = 0;
    let _ = gradient(
        |v: &[DualVec64<3>]| {
            calls += 1;
            rosenbrock(v)
        },
        &x,
    );
    assert_eq!(calls, 3);
    let mut calls = 0;
    let _ = gradient(
        |v: &[Dual64]| {
            calls += 1;
            rosenbrock(v)
        },
        &x,
    );
    assert_eq!(calls, 7);
    let mut calls = 0;
    let _ = gradient(
        |v: &[DualVec64<16>]| {
            calls += 1;
            rosenbrock(v)
        },
        &x,
    );
    assert_eq!(calls, 1);
}

// ---------------------------------------------------------------------------------------------
// jacobian / jacobian_into / jvp / jvp_into
// ---------------------------------------------------------------------------------------------

fn jacobians_with<D: Seed<Scalar = f64> + Float>() {
    for (f, x, jac_ref, m) in [
        (
            sys32::<D> as fn(&[D]) -> Vec<D>,
            &P32[..],
            sys32_jac(&P32),
            2,
        ),
        (sys44::<D>, &P44[..], sys44_jac(&P44), 4),
    ] {
        let n = x.len();
        let values_ref: Vec<f64> = if n == 3 { sys32(x) } else { sys44(x) };
        let (values, jac) = jacobian(f, x);
        assert_eq!(values.len(), m);
        for (v, r) in values.iter().zip(&values_ref) {
            assert_eq!(v.to_bits(), r.to_bits(), "values are the plain evaluation");
        }
        assert_mat_close(&jac, &jac_ref, TOL);

        let mut work = vec![D::variable(GARBAGE, 0); n];
        let mut out = vec![D::variable(GARBAGE, 0); m];
        let mut values = vec![GARBAGE; m];
        let mut jac = DMatrix::from_element(m, n, GARBAGE);
        jacobian_into(into_form(f), x, &mut work, &mut out, &mut values, &mut jac);
        assert_vec_close(&values, &values_ref, 0.0);
        assert_mat_close(&jac, &jac_ref, TOL);

        // the column-major form: entry (i, j) at i + j·m, in any plain buffer
        let mut flat = vec![GARBAGE; m * n];
        values.fill(GARBAGE);
        jacobian_into_col_major(into_form(f), x, &mut work, &mut out, &mut values, &mut flat);
        assert_vec_close(&values, &values_ref, 0.0);
        for i in 0..m {
            for j in 0..n {
                assert_close(flat[i + j * m], jac_ref[(i, j)], TOL);
            }
        }
    }
}

#[test]
fn jacobian_dual64() {
    jacobians_with::<Dual64>();
}

#[test]
fn jacobian_dualvec_widths() {
    jacobians_with::<DualVec64<1>>();
    jacobians_with::<DualVec64<2>>();
    jacobians_with::<DualVec64<3>>();
    jacobians_with::<DualVec64<4>>();
    jacobians_with::<DualVec64<8>>();
    jacobians_with::<DualVec64<16>>();
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
                    g = g - c(2.0) * (D::one() - x[i]) - c(400.0) * x[i] * (x[i + 1] - x[i] * x[i]);
                }
                if i > 0 {
                    g = g + c(200.0) * (x[i] - x[i - 1] * x[i - 1]);
                }
                g
            })
            .collect()
    }
    let x = point(10);
    let (g, h) = jacobian(grad::<DualVec64<4>>, &x);
    assert_vec_close(&g, &rosenbrock_grad(&x), TOL);
    assert_mat_close(&h, &rosenbrock_hess(&x), TOL);
}

#[test]
fn jvp_is_the_hand_jacobian_times_v() {
    for (x, jac, m) in [
        (&P32[..], sys32_jac(&P32), 2),
        (&P44[..], sys44_jac(&P44), 4),
    ] {
        let n = x.len();
        let v = direction(n);
        let want = mat_vec(&jac, &v);
        let values_ref: Vec<f64> = if n == 3 { sys32(x) } else { sys44(x) };
        let f: fn(&[Dual64]) -> Vec<Dual64> = if n == 3 { sys32 } else { sys44 };

        let (values, jv) = jvp(f, x, &v);
        assert_vec_close(&values, &values_ref, 0.0);
        assert_vec_close(&jv, &want, TOL);

        let mut work = vec![Dual64::new(GARBAGE, GARBAGE); n];
        let mut out = vec![Dual64::new(GARBAGE, GARBAGE); m];
        let mut values = vec![GARBAGE; m];
        let mut jv = vec![GARBAGE; m];
        jvp_into(
            into_form(f),
            x,
            &v,
            &mut work,
            &mut out,
            &mut values,
            &mut jv,
        );
        assert_vec_close(&values, &values_ref, 0.0);
        assert_vec_close(&jv, &want, TOL);
    }
}

#[test]
fn jvp_along_a_unit_vector_is_a_jacobian_column() {
    let jac = sys44_jac(&P44);
    for j in 0..4 {
        let mut e = [0.0; 4];
        e[j] = 1.0;
        let (_, col) = jvp(sys44::<Dual64>, &P44, &e);
        let want: Vec<f64> = (0..4).map(|i| jac[(i, j)]).collect();
        assert_vec_close(&col, &want, TOL);
    }
}

// ---------------------------------------------------------------------------------------------
// hessian / hessian_into / hvp / hvp_into
// ---------------------------------------------------------------------------------------------

#[test]
fn rosenbrock_hessian() {
    for n in SIZES {
        let x = point(n);
        let (f, g, h) = hessian(rosenbrock::<HyperDual64>, &x);
        assert_eq!(f.to_bits(), rosenbrock(&x).to_bits());
        assert_vec_close(&g, &rosenbrock_grad(&x), TOL);
        assert_mat_close(&h, &rosenbrock_hess(&x), TOL);

        let mut work = vec![HyperDual64::new(GARBAGE, GARBAGE, GARBAGE, GARBAGE); n];
        let mut grad = vec![GARBAGE; n];
        let mut hess = DMatrix::from_element(n, n, GARBAGE);
        let f = hessian_into(
            rosenbrock::<HyperDual64>,
            &x,
            &mut work,
            &mut grad,
            &mut hess,
        );
        assert_eq!(f.to_bits(), rosenbrock(&x).to_bits());
        assert_vec_close(&grad, &rosenbrock_grad(&x), TOL);
        assert_mat_close(&hess, &rosenbrock_hess(&x), TOL);

        // the column-major form, in a plain buffer
        let mut flat = vec![GARBAGE; n * n];
        grad.fill(GARBAGE);
        let f = hessian_into_col_major(
            rosenbrock::<HyperDual64>,
            &x,
            &mut work,
            &mut grad,
            &mut flat,
        );
        assert_eq!(f.to_bits(), rosenbrock(&x).to_bits());
        assert_vec_close(&grad, &rosenbrock_grad(&x), TOL);
        let reference = rosenbrock_hess(&x);
        assert_vec_close(&flat, reference.as_slice(), TOL);
    }
}

#[test]
fn rosenbrock_hessian_at_the_minimum() {
    // n = 2 at (1, 1): [[802, −400], [−400, 200]]
    let (_, _, h) = hessian(rosenbrock::<HyperDual64>, &[1.0, 1.0]);
    assert_eq!(
        h,
        DMatrix::from_row_slice(2, 2, &[802.0, -400.0, -400.0, 200.0])
    );
}

#[test]
fn hessian_of_a_transcendental_function() {
    let x = [0.3, 1.1, -0.8];
    let (f, g, h) = hessian(expsin::<HyperDual64>, &x);
    assert_eq!(f.to_bits(), expsin(&x).to_bits());
    assert_vec_close(&g, &expsin_grad(&x), 1e-14);
    assert_mat_close(&h, &expsin_hess(&x), 1e-14);
}

#[test]
fn hvp_is_the_hand_hessian_times_v() {
    for n in SIZES {
        let x = point(n);
        let v = direction(n);
        let want = mat_vec(&rosenbrock_hess(&x), &v);
        let (f, hv) = hvp(rosenbrock::<HyperDual64>, &x, &v);
        assert_eq!(f.to_bits(), rosenbrock(&x).to_bits());
        assert_vec_close(&hv, &want, TOL);

        let mut work = vec![HyperDual64::new(GARBAGE, GARBAGE, GARBAGE, GARBAGE); n];
        let mut hv = vec![GARBAGE; n];
        let f = hvp_into(rosenbrock::<HyperDual64>, &x, &v, &mut work, &mut hv);
        assert_eq!(f.to_bits(), rosenbrock(&x).to_bits());
        assert_vec_close(&hv, &want, TOL);
    }
    let x = [0.3, 1.1, -0.8];
    let v = [1.0, -2.0, 0.5];
    let (_, hv) = hvp(expsin::<HyperDual64>, &x, &v);
    assert_vec_close(&hv, &mat_vec(&expsin_hess(&x), &v), 1e-14);
}

// ---------------------------------------------------------------------------------------------
// derivative / second_derivative, and nesting
// ---------------------------------------------------------------------------------------------

#[test]
fn derivative_and_second_derivative() {
    for x0 in [-1.7, 0.0, 0.4, 2.9] {
        // f = x³ eˣ: f' = (x³ + 3x²) eˣ, f'' = (x³ + 6x² + 6x) eˣ
        let e = f64::exp(x0);
        let (f, d1) = derivative(|x| x * x * x * x.exp(), x0);
        assert_eq!(f.to_bits(), (x0 * x0 * x0 * e).to_bits());
        assert_close(d1, (x0.powi(3) + 3.0 * x0 * x0) * e, 1e-14);
        let (f, d1, d2) = second_derivative(|x| x * x * x * x.exp(), x0);
        assert_eq!(f.to_bits(), (x0 * x0 * x0 * e).to_bits());
        assert_close(d1, (x0.powi(3) + 3.0 * x0 * x0) * e, 1e-14);
        assert_close(d2, (x0.powi(3) + 6.0 * x0 * x0 + 6.0 * x0) * e, 1e-14);
    }
}

#[test]
fn third_derivative_of_sin_by_nesting() {
    for x0 in [-2.0, -0.5, 0.0, 0.8, 3.0] {
        let (d2, d3) = derivative(
            |x: Dual64| second_derivative(|y: HyperDual<Dual64>| y.sin(), x).2,
            x0,
        );
        // (sin)'' = −sin, (sin)''' = −cos
        assert_close(d2, -x0.sin(), 1e-15);
        assert_close(d3, -x0.cos(), 1e-15);
    }
}

#[test]
fn fourth_derivative_by_nesting_second_derivatives() {
    // d²/dx² of (d²/dy² y⁵): (y⁵)'''' = 120 y
    let x0 = 1.3;
    let (_, _, d4) = second_derivative(
        |x: HyperDual64| second_derivative(|y: HyperDual<HyperDual64>| y.powi(5), x).2,
        x0,
    );
    assert_close(d4, 120.0 * x0, 1e-14);
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

#[test]
fn no_perturbation_confusion() {
    // d/dx [x · d/dy (x + y)]|_{y=1} = 1 (a confused implementation gives 2)
    let (f, g) = gradient(confusion::<Dual64>, &[3.0]);
    assert_eq!((f, g), (3.0, vec![1.0]));
    let (f, g) = gradient(confusion::<DualVec64<4>>, &[3.0]);
    assert_eq!((f, g), (3.0, vec![1.0]));
    let (_, d) = derivative(|x: Dual64| confusion(&[x]), 3.0);
    assert_eq!(d, 1.0);

    let (a, b) = (1.5, -0.5);
    let (f, g) = gradient(confusion2::<DualVec64<2>>, &[a, b]);
    assert_eq!(f, a * (a + 2.0 * b));
    assert_vec_close(&g, &[2.0 * a + 2.0 * b, 2.0 * a], 1e-15);
    let (_, g, h) = hessian(confusion2::<HyperDual64>, &[a, b]);
    assert_vec_close(&g, &[2.0 * a + 2.0 * b, 2.0 * a], 1e-15);
    assert_mat_close(
        &h,
        &DMatrix::from_row_slice(2, 2, &[2.0, 2.0, 2.0, 0.0]),
        1e-15,
    );
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

#[test]
fn drivers_over_a_dual_scalar() {
    // evaluated at x + t·v with T = Dual64, the eps parts are d/dt of each result
    for n in SIZES {
        let x = point(n);
        let v = direction(n);
        let xt: Vec<Dual64> = x.iter().zip(&v).map(|(&a, &b)| Dual64::new(a, b)).collect();
        let hv = mat_vec(&rosenbrock_hess(&x), &v);

        // gradient: value ∇f, eps H·v
        let (f, g) = gradient(rosenbrock::<Dual<Dual64>>, &xt);
        assert_eq!(f.re.to_bits(), rosenbrock(&x).to_bits());
        assert_close(
            f.eps,
            rosenbrock_grad(&x).iter().zip(&v).map(|(a, b)| a * b).sum(),
            TOL,
        );
        let (re, eps): (Vec<f64>, Vec<f64>) = g.iter().map(|d| (d.re, d.eps)).unzip();
        assert_vec_close(&re, &rosenbrock_grad(&x), TOL);
        assert_vec_close(&eps, &hv, TOL);
        let (_, g) = gradient(rosenbrock::<dualdiff::DualVec<Dual64, 3>>, &xt);
        let eps: Vec<f64> = g.iter().map(|d| d.eps).collect();
        assert_vec_close(&eps, &hv, TOL);

        // hessian: value H, eps dH/dt (third derivatives)
        let (_, _, h) = hessian(rosenbrock::<HyperDual<Dual64>>, &xt);
        assert_mat_close(&h.map(|d| d.re), &rosenbrock_hess(&x), TOL);
        assert_mat_close(&h.map(|d| d.eps), &rosenbrock_hess_dot(&x, &v), TOL);
    }

    // jacobian over T = Dual64 at x + t·e₂: value J, eps dJ/dt = ∂J/∂x₂, by hand from sys44_jac:
    // row 1: (0, 0, 0, −1/x₃²); row 2: (0, 0, −x₃ sin x₂, cos x₂); row 3: (0, 1, 0, 0)
    let xt: Vec<Dual64> = (0..4)
        .map(|i| Dual64::new(P44[i], if i == 2 { 1.0 } else { 0.0 }))
        .collect();
    let (_, jt) = jacobian(sys44::<Dual<Dual64>>, &xt);
    assert_mat_close(&jt.map(|d| d.re), &sys44_jac(&P44), TOL);
    let (c, d) = (P44[2], P44[3]);
    let want = DMatrix::from_row_slice(
        4,
        4,
        &[
            0.0,
            0.0,
            0.0,
            0.0, //
            0.0,
            0.0,
            0.0,
            -1.0 / (d * d), //
            0.0,
            0.0,
            -d * c.sin(),
            c.cos(), //
            0.0,
            1.0,
            0.0,
            0.0,
        ],
    );
    assert_mat_close(&jt.map(|d| d.eps), &want, TOL);
}

#[test]
fn jacobian_with_no_outputs() {
    let (values, jac) = jacobian(|_x: &[DualVec64<2>]| Vec::new(), &X3);
    assert!(values.is_empty());
    assert_eq!(jac.shape(), (0, 3));
}

#[test]
#[should_panic]
fn jacobian_outputs_of_different_lengths_panic() {
    let mut calls = 0;
    let _ = jacobian(
        |x: &[Dual64]| {
            calls += 1;
            vec![x[0]; calls]
        },
        &X3,
    );
}

#[test]
fn hessian_of_a_quotient_at_small_magnitudes() {
    // f = x/y: H = [[0, −1/y²], [−1/y², 2x/y³]]; at (1e-110, 1e-110): [[0, −1e220], [−1e220, 2e220]]
    let (x, y) = (1e-110, 1e-110);
    let (f, g, h) = hessian(|v: &[HyperDual64]| v[0] / v[1], &[x, y]);
    assert_eq!(f, 1.0);
    assert_vec_close(&[g[0] * y, g[1] * y], &[1.0, -x / y], TOL);
    let want = [0.0, -1.0 / (y * y), -1.0 / (y * y), 2.0 * x / (y * y * y)];
    let got = [h[(0, 0)], h[(0, 1)], h[(1, 0)], h[(1, 1)]];
    // scaled by y² so that the comparison is relative
    for (g, w) in got.iter().zip(want) {
        assert_close(g * y * y, w * y * y, TOL);
    }
}

// ---------------------------------------------------------------------------------------------
// n = 0
// ---------------------------------------------------------------------------------------------

/// `3 + Σ xᵢ`: defined for every n, including 0.
fn three_plus_sum<D: Float>(x: &[D]) -> D {
    x.iter().fold(D::from(3.0).unwrap(), |s, &v| s + v)
}

fn two_outputs<D: Float>(x: &[D]) -> Vec<D> {
    let s = three_plus_sum(x);
    vec![s, s * s]
}

#[test]
fn empty_input() {
    let x: [f64; 0] = [];

    let (f, g) = gradient(three_plus_sum::<Dual64>, &x);
    assert_eq!((f, g), (3.0, vec![]));
    let (f, g) = gradient(three_plus_sum::<DualVec64<4>>, &x);
    assert_eq!((f, g), (3.0, vec![]));
    let mut work: [DualVec64<4>; 0] = [];
    let mut grad: [f64; 0] = [];
    assert_eq!(
        gradient_into(three_plus_sum::<DualVec64<4>>, &x, &mut work, &mut grad),
        3.0
    );

    let (values, jac) = jacobian(two_outputs::<DualVec64<2>>, &x);
    assert_eq!(values, vec![3.0, 9.0]);
    assert_eq!(jac.shape(), (2, 0));
    let mut work: [Dual64; 0] = [];
    let mut out = [Dual64::new(GARBAGE, GARBAGE); 2];
    let mut values = [GARBAGE; 2];
    let mut jac = DMatrix::from_element(2, 0, GARBAGE);
    jacobian_into(
        into_form(two_outputs::<Dual64>),
        &x,
        &mut work,
        &mut out,
        &mut values,
        &mut jac,
    );
    assert_eq!(values, [3.0, 9.0]);

    let (values, jv) = jvp(two_outputs::<Dual64>, &x, &x);
    assert_eq!((values, jv), (vec![3.0, 9.0], vec![0.0, 0.0]));
    let mut work: [Dual64; 0] = [];
    let mut out = [Dual64::new(GARBAGE, GARBAGE); 2];
    let (mut values, mut jv) = ([GARBAGE; 2], [GARBAGE; 2]);
    jvp_into(
        into_form(two_outputs::<Dual64>),
        &x,
        &x,
        &mut work,
        &mut out,
        &mut values,
        &mut jv,
    );
    assert_eq!((values, jv), ([3.0, 9.0], [0.0, 0.0]));

    let (f, g, h) = hessian(three_plus_sum::<HyperDual64>, &x);
    assert_eq!((f, g), (3.0, vec![]));
    assert_eq!(h.shape(), (0, 0));
    let mut work: [HyperDual64; 0] = [];
    let mut grad: [f64; 0] = [];
    let mut hess = DMatrix::zeros(0, 0);
    assert_eq!(
        hessian_into(
            three_plus_sum::<HyperDual64>,
            &x,
            &mut work,
            &mut grad,
            &mut hess
        ),
        3.0
    );

    let (f, hv) = hvp(three_plus_sum::<HyperDual64>, &x, &x);
    assert_eq!((f, hv), (3.0, vec![]));
    let mut work: [HyperDual64; 0] = [];
    let mut hv: [f64; 0] = [];
    assert_eq!(
        hvp_into(three_plus_sum::<HyperDual64>, &x, &x, &mut work, &mut hv),
        3.0
    );
}

// ---------------------------------------------------------------------------------------------
// Dimension mismatches panic (the closures below never index, so only the driver can panic)
// ---------------------------------------------------------------------------------------------

fn sum_sq<D: Float>(x: &[D]) -> D {
    x.iter().fold(D::zero(), |s, &v| s + v * v)
}

/// Writes `xᵢ²` cyclically into `out` without indexing.
fn sq_into<D: Float>(x: &[D], out: &mut [D]) {
    for (o, &v) in out.iter_mut().zip(x.iter().cycle()) {
        *o = v * v;
    }
}

const X3: [f64; 3] = [1.0, 2.0, 3.0];

#[test]
#[should_panic]
fn gradient_into_work_too_short() {
    let mut work = [Dual64::default(); 2];
    let mut grad = [0.0; 3];
    let _ = gradient_into(sum_sq::<Dual64>, &X3, &mut work, &mut grad);
}

#[test]
#[should_panic]
fn gradient_into_grad_too_short() {
    let mut work = [DualVec64::<2>::default(); 3];
    let mut grad = [0.0; 2];
    let _ = gradient_into(sum_sq::<DualVec64<2>>, &X3, &mut work, &mut grad);
}

#[test]
#[should_panic]
fn gradient_into_grad_too_long() {
    let mut work = [Dual64::default(); 3];
    let mut grad = [0.0; 4];
    let _ = gradient_into(sum_sq::<Dual64>, &X3, &mut work, &mut grad);
}

#[test]
#[should_panic]
fn jacobian_into_work_too_short() {
    let mut work = [Dual64::default(); 2];
    let mut out = [Dual64::default(); 2];
    let (mut values, mut jac) = ([0.0; 2], DMatrix::zeros(2, 3));
    jacobian_into(
        sq_into::<Dual64>,
        &X3,
        &mut work,
        &mut out,
        &mut values,
        &mut jac,
    );
}

#[test]
#[should_panic]
fn jacobian_into_values_wrong_length() {
    let mut work = [Dual64::default(); 3];
    let mut out = [Dual64::default(); 2];
    let (mut values, mut jac) = ([0.0; 3], DMatrix::zeros(2, 3));
    jacobian_into(
        sq_into::<Dual64>,
        &X3,
        &mut work,
        &mut out,
        &mut values,
        &mut jac,
    );
}

#[test]
#[should_panic]
fn jacobian_into_jac_wrong_rows() {
    let mut work = [DualVec64::<2>::default(); 3];
    let mut out = [DualVec64::<2>::default(); 2];
    let (mut values, mut jac) = ([0.0; 2], DMatrix::zeros(3, 3));
    jacobian_into(
        sq_into::<DualVec64<2>>,
        &X3,
        &mut work,
        &mut out,
        &mut values,
        &mut jac,
    );
}

#[test]
#[should_panic]
fn jacobian_into_jac_wrong_columns() {
    let mut work = [Dual64::default(); 3];
    let mut out = [Dual64::default(); 2];
    let (mut values, mut jac) = ([0.0; 2], DMatrix::zeros(2, 2));
    jacobian_into(
        sq_into::<Dual64>,
        &X3,
        &mut work,
        &mut out,
        &mut values,
        &mut jac,
    );
}

#[test]
#[should_panic]
fn jvp_v_wrong_length() {
    let _ = jvp(|x: &[Dual64]| vec![sum_sq(x)], &X3, &[1.0, 1.0]);
}

#[test]
#[should_panic]
fn jvp_into_v_wrong_length() {
    let (mut work, mut out) = ([Dual64::default(); 3], [Dual64::default(); 2]);
    let (mut values, mut jv) = ([0.0; 2], [0.0; 2]);
    jvp_into(
        sq_into::<Dual64>,
        &X3,
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
    let (mut work, mut out) = ([Dual64::default(); 2], [Dual64::default(); 2]);
    let (mut values, mut jv) = ([0.0; 2], [0.0; 2]);
    jvp_into(
        sq_into::<Dual64>,
        &X3,
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
    let (mut work, mut out) = ([Dual64::default(); 3], [Dual64::default(); 2]);
    let (mut values, mut jv) = ([0.0; 1], [0.0; 2]);
    jvp_into(
        sq_into::<Dual64>,
        &X3,
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
    let (mut work, mut out) = ([Dual64::default(); 3], [Dual64::default(); 2]);
    let (mut values, mut jv) = ([0.0; 2], [0.0; 3]);
    jvp_into(
        sq_into::<Dual64>,
        &X3,
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
    let mut work = [Dual64::default(); 3];
    let mut out = [Dual64::default(); 2];
    let (mut values, mut jac) = ([0.0; 2], [0.0; 5]);
    jacobian_into_col_major(
        sq_into::<Dual64>,
        &X3,
        &mut work,
        &mut out,
        &mut values,
        &mut jac,
    );
}

#[test]
#[should_panic(expected = "n² entries")]
fn hessian_into_col_major_hess_wrong_length() {
    let mut work = [HyperDual64::default(); 3];
    let (mut grad, mut hess) = ([0.0; 3], [0.0; 8]);
    let _ = hessian_into_col_major(sum_sq::<HyperDual64>, &X3, &mut work, &mut grad, &mut hess);
}

#[test]
#[should_panic]
fn hessian_into_work_wrong_length() {
    let mut work = [HyperDual64::default(); 2];
    let (mut grad, mut hess) = ([0.0; 3], DMatrix::zeros(3, 3));
    let _ = hessian_into(sum_sq::<HyperDual64>, &X3, &mut work, &mut grad, &mut hess);
}

#[test]
#[should_panic]
fn hessian_into_grad_wrong_length() {
    let mut work = [HyperDual64::default(); 3];
    let (mut grad, mut hess) = ([0.0; 2], DMatrix::zeros(3, 3));
    let _ = hessian_into(sum_sq::<HyperDual64>, &X3, &mut work, &mut grad, &mut hess);
}

#[test]
#[should_panic]
fn hessian_into_hess_not_square() {
    let mut work = [HyperDual64::default(); 3];
    let (mut grad, mut hess) = ([0.0; 3], DMatrix::zeros(3, 2));
    let _ = hessian_into(sum_sq::<HyperDual64>, &X3, &mut work, &mut grad, &mut hess);
}

#[test]
#[should_panic]
fn hvp_v_wrong_length() {
    let _ = hvp(sum_sq::<HyperDual64>, &X3, &[1.0; 2]);
}

#[test]
#[should_panic]
fn hvp_into_v_wrong_length() {
    let (mut work, mut hv) = ([HyperDual64::default(); 3], [0.0; 3]);
    let _ = hvp_into(sum_sq::<HyperDual64>, &X3, &[1.0; 4], &mut work, &mut hv);
}

#[test]
#[should_panic]
fn hvp_into_work_wrong_length() {
    let (mut work, mut hv) = ([HyperDual64::default(); 4], [0.0; 3]);
    let _ = hvp_into(sum_sq::<HyperDual64>, &X3, &[1.0; 3], &mut work, &mut hv);
}

#[test]
#[should_panic]
fn hvp_into_hv_wrong_length() {
    let (mut work, mut hv) = ([HyperDual64::default(); 3], [0.0; 2]);
    let _ = hvp_into(sum_sq::<HyperDual64>, &X3, &[1.0; 3], &mut work, &mut hv);
}

// ---------------------------------------------------------------------------------------------
// Cross-check against central differences (tests/common)
// ---------------------------------------------------------------------------------------------

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
