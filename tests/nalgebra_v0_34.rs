//! nalgebra 0.34 (feature `nalgebra_v0_34`): the number types are its `RealField` too, so code
//! generic over that version's `RealField` (the model code of argmin-math and levenberg-marquardt
//! users) runs on them, and its decompositions give exact derivatives. Every reference is a
//! closed form written out below.
#![cfg(feature = "nalgebra_v0_34")]

mod common;
use common::*;

use dualdiff::nalgebra_v0_34::{self as na, Matrix2, RealField, Vector2, Vector3};
use dualdiff::{Dual, Dual64, DualVec64, HyperDual64};

/// `x·sin x`, written against nalgebra 0.34's `RealField` only.
fn x_sin_x<T: RealField>(x: T) -> T {
    x.clone().sin() * x
}

#[test]
fn generic_code_over_the_old_real_field_runs_on_dual_numbers() {
    // d/dx x sin x = sin x + x cos x; d² = 2 cos x − x sin x
    let x = 0.7f64;
    let d = x_sin_x(Dual64::variable(x));
    assert_eq!(d.re, x.sin() * x);
    assert_close(d.eps, x.sin() + x * x.cos(), 1e-15);
    let h = x_sin_x(HyperDual64::variable(x));
    assert_close(h.e12, 2.0 * x.cos() - x * x.sin(), 1e-15);
    // nested: the first derivative of the first derivative
    let n = x_sin_x(Dual::new(Dual64::variable(x), Dual64::constant(1.0)));
    assert_close(n.eps.eps, 2.0 * x.cos() - x * x.sin(), 1e-15);
}

#[test]
fn determinant_derivative() {
    // det [[t, 1], [2, t²]] = t³ − 2: slope 3t², curvature 6t
    let t = 1.5;
    let m = |v: Dual64| Matrix2::new(v, Dual::constant(1.0), Dual::constant(2.0), v * v);
    let det = m(Dual64::variable(t)).determinant();
    assert_close(det.re, t * t * t - 2.0, 1e-14);
    assert_close(det.eps, 3.0 * t * t, 1e-13);
    let h = HyperDual64::variable(t);
    let mh = Matrix2::new(
        h,
        HyperDual64::constant(1.0),
        HyperDual64::constant(2.0),
        h * h,
    );
    assert_close(mh.determinant().e12, 6.0 * t, 1e-13);
}

#[test]
fn lu_solve_sensitivity() {
    // [[2 + t, 1], [1, 3]]·x = (1, 2): x = (1, 3 + 2t)/(5 + 3t), so at t = 0
    // dx/dt = (−3, 1)/25.
    let t = Dual64::variable(0.0);
    let a = Matrix2::new(
        t + 2.0,
        Dual64::constant(1.0),
        Dual64::constant(1.0),
        Dual64::constant(3.0),
    );
    let b = Vector2::new(Dual64::constant(1.0), Dual64::constant(2.0));
    let x = a.lu().solve(&b).expect("non-singular");
    assert_close(x[0].re, 0.2, 1e-15);
    assert_close(x[1].re, 0.6, 1e-15);
    assert_close(x[0].eps, -3.0 / 25.0, 1e-15);
    assert_close(x[1].eps, 1.0 / 25.0, 1e-15);
}

#[test]
fn norm_and_eigenvalues() {
    // ‖(t, 2t, 2)‖ = √(5t² + 4): slope 5t/√(5t² + 4) = 5/3 at t = 1
    let t = Dual64::variable(1.0);
    let v = Vector3::new(t, t * 2.0, Dual64::constant(2.0));
    assert_close(v.norm().eps, 5.0 / 3.0, 1e-15);
    // [[2, s], [s, 2]] has eigenvalues 2 ± s: slopes ±1 in s, and the trace's partials in the
    // other direction (the diagonal) are 1 for both
    let s = DualVec64::<2>::variable(0.5, 0);
    let d = DualVec64::<2>::variable(2.0, 1);
    let eig = na::Matrix2::new(d, s, s, d).symmetric_eigen();
    let mut values: Vec<DualVec64<2>> = eig.eigenvalues.iter().copied().collect();
    values.sort_by(|a, b| a.re.total_cmp(&b.re));
    assert_close(values[0].re, 1.5, 1e-14);
    assert_close(values[1].re, 2.5, 1e-14);
    assert_close(values[0].eps[0], -1.0, 1e-14);
    assert_close(values[1].eps[0], 1.0, 1e-14);
    assert_close(values[0].eps[1], 1.0, 1e-14);
    assert_close(values[1].eps[1], 1.0, 1e-14);
}
