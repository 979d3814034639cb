//! The vector–Jacobian product `wᵀJ` (`vjp`, `vjp_into`, `vjp_fixed`) against Jacobians written
//! out by hand, against `Jᵀw` from the `jacobian` driver's matrix, and as the Gauss–Newton
//! gradient `Jᵀr = ∇(½‖r‖²)` of a least-squares problem whose gradient is written by hand.

mod common;
use common::*;

use dualdiff::{Dual64, DualVec64, Seed, jacobian, vjp, vjp_fixed, vjp_into};
use nalgebra::{SVector, Vector3};
use num_traits::Float;

/// Garbage written into every output buffer before an `_into` call, to prove it is overwritten.
const GARBAGE: f64 = 999.0;

const TOL: f64 = 1e-13;

/// `f(x, y, z) = (x·y·z, sin x + y², e^z, x/y)`.
fn f<D: Float>(v: &[D]) -> Vec<D> {
    vec![
        v[0] * v[1] * v[2],
        v[0].sin() + v[1] * v[1],
        v[2].exp(),
        v[0] / v[1],
    ]
}

/// The Jacobian of [`f`], by hand (row i = output i).
fn f_jac(v: &[f64]) -> [[f64; 3]; 4] {
    let (x, y, z) = (v[0], v[1], v[2]);
    [
        [y * z, x * z, x * y],
        [x.cos(), 2.0 * y, 0.0],
        [0.0, 0.0, z.exp()],
        [1.0 / y, -x / (y * y), 0.0],
    ]
}

const X: [f64; 3] = [0.7, -1.3, 0.4];
const W: [f64; 4] = [1.5, -0.25, 2.0, 0.75];

/// `Σᵢ wᵢ·J[i][j]` from the hand-written Jacobian.
fn reference(w: &[f64], x: &[f64]) -> Vec<f64> {
    let jac = f_jac(x);
    (0..3)
        .map(|j| w.iter().zip(&jac).map(|(wi, row)| wi * row[j]).sum())
        .collect()
}

fn vjp_with<D: Seed<Scalar = f64> + Float>() {
    let (values, wj) = vjp(f::<D>, &X, &W);
    for (v, r) in values.iter().zip(f(&X)) {
        assert_eq!(v.to_bits(), r.to_bits(), "values are the plain evaluation");
    }
    assert_vec_close(&wj, &reference(&W, &X), TOL);

    // the same from the Jacobian driver's matrix: Jᵀw
    let (_, jac) = jacobian(f::<D>, &X);
    let jtw = jac.transpose() * nalgebra::DVector::from_column_slice(&W);
    assert_vec_close(&wj, jtw.as_slice(), TOL);

    let mut work = vec![D::variable(GARBAGE, 0); 3];
    let mut out = vec![D::variable(GARBAGE, 0); 4];
    let (mut values, mut wj) = (vec![GARBAGE; 4], vec![GARBAGE; 3]);
    let into_form = |v: &[D], out: &mut [D]| out.copy_from_slice(&f(v));
    vjp_into(into_form, &X, &W, &mut work, &mut out, &mut values, &mut wj);
    assert_vec_close(&values, &f(&X), 0.0);
    assert_vec_close(&wj, &reference(&W, &X), TOL);
}

#[test]
fn vjp_is_wt_j_for_every_width() {
    vjp_with::<Dual64>();
    vjp_with::<DualVec64<1>>();
    vjp_with::<DualVec64<2>>();
    vjp_with::<DualVec64<3>>();
    vjp_with::<DualVec64<8>>();
}

#[test]
fn unit_weights_pick_rows() {
    // w = eᵢ gives row i of the Jacobian
    let jac = f_jac(&X);
    for (i, row) in jac.iter().enumerate() {
        let mut w = [0.0; 4];
        w[i] = 1.0;
        let (_, wj) = vjp(f::<DualVec64<2>>, &X, &w);
        assert_vec_close(&wj, row, TOL);
    }
}

#[test]
fn gauss_newton_gradient() {
    // r(a, b) = (a·e^(b·tₖ) − yₖ)ₖ; Jᵀr is the gradient of ½‖r‖², written out by hand
    let t = [0.0, 0.5, 1.0, 1.5];
    let y = [2.0, 2.9, 4.4, 6.8];
    let r = |p: &[DualVec64<2>]| -> Vec<DualVec64<2>> {
        t.iter()
            .zip(&y)
            .map(|(&tk, &yk)| p[0] * (p[1] * tk).exp() - yk)
            .collect()
    };
    let (a, b) = (2.1, 0.8);
    let residuals: Vec<f64> = t
        .iter()
        .zip(&y)
        .map(|(tk, yk)| a * (b * tk).exp() - yk)
        .collect();
    let (values, jtr) = vjp(r, &[a, b], &residuals);
    assert_vec_close(&values, &residuals, 1e-15);
    // ∂/∂a ½Σr² = Σ r·e^(bt), ∂/∂b = Σ r·a·t·e^(bt)
    let ga: f64 = t
        .iter()
        .zip(&residuals)
        .map(|(tk, rk)| rk * (b * tk).exp())
        .sum();
    let gb: f64 = t
        .iter()
        .zip(&residuals)
        .map(|(tk, rk)| rk * a * tk * (b * tk).exp())
        .sum();
    assert_vec_close(&jtr, &[ga, gb], TOL);
}

#[test]
fn vjp_fixed_matches_the_closed_form() {
    let x = Vector3::from(X);
    let w = SVector::<f64, 4>::from(W);
    let g = |v: &SVector<DualVec64<3>, 3>| SVector::<DualVec64<3>, 4>::from_vec(f(v.as_slice()));
    let (values, wj) = vjp_fixed(g, &x, &w);
    assert_vec_close(values.as_slice(), &f(&X), 0.0);
    assert_vec_close(wj.as_slice(), &reference(&W, &X), TOL);
}

#[test]
fn no_inputs_or_no_outputs() {
    // n = 0: one pass, the values, an empty product
    let (values, wj) = vjp(|_: &[Dual64]| vec![Dual64::constant(3.0)], &[], &[2.0]);
    assert_eq!((values, wj), (vec![3.0], vec![]));
    // m = 0: every entry of wᵀJ is an empty sum
    let (values, wj) = vjp(|_: &[Dual64]| vec![], &[1.0, 2.0], &[]);
    assert_eq!((values, wj), (vec![], vec![0.0, 0.0]));
}

#[test]
#[should_panic(expected = "w must be as long as f's output")]
fn vjp_w_wrong_length() {
    let _ = vjp(f::<Dual64>, &X, &[1.0, 2.0]);
}

#[test]
#[should_panic(expected = "wj must be as long as x")]
fn vjp_into_wj_wrong_length() {
    let mut work = [Dual64::default(); 3];
    let mut out = [Dual64::default(); 4];
    let (mut values, mut wj) = ([0.0; 4], [0.0; 2]);
    let g = |v: &[Dual64], out: &mut [Dual64]| out.copy_from_slice(&f(v));
    vjp_into(g, &X, &W, &mut work, &mut out, &mut values, &mut wj);
}
