//! `LeastSquares` (feature `levenberg-marquardt`): its Jacobian against closed forms, in nalgebra
//! 0.34's `DMatrix` as the solver receives it, and the solver reaching NIST's certified values.
#![cfg(feature = "levenberg-marquardt")]

#[allow(
    dead_code,
    reason = "the example uses parts of the shared module that these tests do not"
)]
#[path = "../examples/nist/strd.rs"]
mod strd;

use dualdiff::nalgebra_v0_34::{DMatrix, DVector};
use dualdiff::{LeastSquares, Real, VectorFunction};
use levenberg_marquardt::{LeastSquaresProblem, LevenbergMarquardt, TerminationReason};
use strd::Problem;

/// Residuals `a·exp(b·xᵢ) − yᵢ`.
struct Exponential {
    x: Vec<f64>,
    y: Vec<f64>,
}

impl VectorFunction<f64> for Exponential {
    fn eval<D: Real + From<f64>>(&self, p: &[D]) -> Vec<D> {
        self.x
            .iter()
            .zip(&self.y)
            .map(|(&x, &y)| p[0] * (p[1] * x.into()).exp() - y.into())
            .collect()
    }
}

#[test]
fn the_jacobian_is_the_closed_form_in_nalgebra_0_34() {
    let x = vec![0.0, 0.5, 1.0, 2.0, 3.5];
    let y = vec![1.0, 2.0, 3.0, 4.0, 5.0];
    let (a, b) = (1.3, -0.4);
    let problem = LeastSquares::new(
        Exponential {
            x: x.clone(),
            y: y.clone(),
        },
        DVector::from_vec(vec![a, b]),
    );
    // the very type levenberg-marquardt names: a nalgebra 0.34 DMatrix
    let jac: DMatrix<f64> = problem.jacobian().expect("a finite Jacobian");
    assert_eq!(jac.shape(), (5, 2));
    // ∂r/∂a = exp(b·x), ∂r/∂b = a·x·exp(b·x)
    for (i, &xi) in x.iter().enumerate() {
        let e = (b * xi).exp();
        assert!((jac[(i, 0)] - e).abs() <= 1e-15 * e.abs());
        assert!((jac[(i, 1)] - a * xi * e).abs() <= 1e-15 * (a * xi * e).abs());
    }
    let r = problem.residuals().expect("residuals");
    for (i, (&xi, &yi)) in x.iter().zip(&y).enumerate() {
        // the same expression, evaluated on f64: bit-identical
        assert_eq!(r[i], a * (b * xi).exp() - yi);
    }
    assert_eq!(problem.params(), DVector::from_vec(vec![a, b]));
}

/// Residuals whose number depends on the number type: one on `f64`, two on duals.
struct Inconsistent;

impl VectorFunction<f64> for Inconsistent {
    fn eval<D: Real + From<f64>>(&self, p: &[D]) -> Vec<D> {
        let m = if core::mem::size_of::<D>() == 8 { 1 } else { 2 };
        vec![p[0]; m]
    }
}

#[test]
fn a_residual_count_that_changes_stops_the_solver() {
    let problem = LeastSquares::new(Inconsistent, DVector::from_vec(vec![1.0]));
    assert!(problem.jacobian().is_none());
    let (_, report) = LevenbergMarquardt::new().minimize(problem);
    assert!(matches!(report.termination, TerminationReason::User(_)));
}

/// One NIST problem's residuals.
struct Residuals<'a>(&'a Problem);

impl VectorFunction<f64> for Residuals<'_> {
    fn eval<D: Real + From<f64>>(&self, b: &[D]) -> Vec<D> {
        self.0.residuals(b)
    }
}

#[test]
fn nist_problems_reach_their_certified_values() {
    // A lower-, an average- and a higher-difficulty problem of NIST's StRD, both starts each.
    // NIST certifies 10–11 digits; 6 is the usual bar for a solver (the LRE is capped at the
    // certified digits).
    for name in ["Misra1a", "Thurber", "MGH09", "Bennett5"] {
        let problem = Problem::load(name).unwrap_or_else(|e| panic!("{e}"));
        for (k, start) in problem.starts.iter().enumerate() {
            let lsq = LeastSquares::new(Residuals(&problem), DVector::from_vec(start.clone()));
            let (fitted, report) = LevenbergMarquardt::new()
                .with_ftol(1e-15)
                .with_xtol(1e-15)
                .with_gtol(0.0)
                .with_patience(1000)
                .minimize(lsq);
            assert!(
                report.termination.was_successful(),
                "{name} start {}: {:?}",
                k + 1,
                report.termination
            );
            let lre = problem.lre(fitted.params().as_slice());
            assert!(lre >= 6.0, "{name} start {}: LRE {lre}", k + 1);
        }
    }
}
