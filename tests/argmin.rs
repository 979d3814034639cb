//! The argmin adapter (feature `argmin`): its gradients and Hessians against the hand-written
//! derivatives of `argmin_testfunctions`, and argmin's L-BFGS, Newton, trust-region (Steihaug
//! and Cauchy point) and Gauss–Newton solvers run to the functions' known minima, over `Vec<f64>`
//! and nalgebra 0.34's `DVector<f64>`.
#![cfg(feature = "argmin")]

mod common;
use common::*;

use argmin::core::{
    CostFunction, Executor, Gradient, Hessian, Jacobian, Operator, State, TerminationReason,
    TerminationStatus,
};
use argmin::solver::gaussnewton::GaussNewton;
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::newton::Newton;
use argmin::solver::quasinewton::LBFGS;
use argmin::solver::trustregion::{CauchyPoint, Steihaug, TrustRegion};
use argmin_testfunctions as tf;
use dualdiff::nalgebra_v0_34::{DMatrix, DVector};
use dualdiff::{ArgminProblem, Real, ScalarFunction, VectorFunction};

/// Converts an `f64` constant into `D`.
fn c<D: Real + From<f64>>(v: f64) -> D {
    v.into()
}

/// The extended Rosenbrock function `Σ (1 − xᵢ)² + 100 (xᵢ₊₁ − xᵢ²)²`, written out here
/// (argmin_testfunctions' version asks for `Sum`, which `Real` does not promise); its value is
/// checked against theirs below.
struct Rosenbrock;

impl ScalarFunction<f64> for Rosenbrock {
    fn eval<D: Real + From<f64>>(&self, x: &[D]) -> D {
        x.windows(2).fold(D::zero(), |acc, w| {
            acc + (D::one() - w[0]).powi(2) + c::<D>(100.0) * (w[1] - w[0] * w[0]).powi(2)
        })
    }
}

// The 2-D test functions are generic over `Float + FromPrimitive`, which every number type is:
// one wrapper per function evaluates argmin_testfunctions' own code on the number type given.
macro_rules! two_d {
    ($name:ident, $f:path) => {
        struct $name;

        impl ScalarFunction<f64> for $name {
            fn eval<D: Real + From<f64>>(&self, x: &[D]) -> D {
                $f(&[x[0], x[1]])
            }
        }
    };
}

two_d!(Beale, tf::beale);
two_d!(Himmelblau, tf::himmelblau);
two_d!(Booth, tf::booth);
two_d!(Matyas, tf::matyas);
two_d!(McCormick, tf::mccormick);
two_d!(GoldsteinPrice, tf::goldsteinprice);
two_d!(ThreeHumpCamel, tf::threehumpcamel);

/// Asserts that two vectors agree entry by entry (`assert_close`'s tolerance).
#[track_caller]
fn assert_vec_close(actual: &[f64], expected: &[f64], tol: f64) {
    assert_eq!(actual.len(), expected.len());
    for (k, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        let diff = (a - e).abs();
        assert!(
            diff <= tol * e.abs().max(1.0),
            "entry {k}: expected {e:e}, actual {a:e}, difference {diff:e} (tolerance {tol:e})"
        );
    }
}

/// Asserts that `Vec<Vec<f64>>` and `DMatrix` Hessians both equal `expected` (rows).
#[track_caller]
fn assert_matrix_close(rows: &[Vec<f64>], matrix: &DMatrix<f64>, expected: &[Vec<f64>], tol: f64) {
    assert_eq!(rows.len(), expected.len());
    assert_eq!(matrix.shape(), (expected.len(), expected[0].len()));
    for (i, row) in expected.iter().enumerate() {
        assert_vec_close(&rows[i], row, tol);
        let matrix_row: Vec<f64> = matrix.row(i).iter().copied().collect();
        assert_vec_close(&matrix_row, row, tol);
    }
}

#[test]
fn rosenbrock_matches_argmin_testfunctions_in_every_width() {
    // n = 2 … 30 takes every gradient width (1 pass of 2, 4, 8; 16 in several passes) and
    // every Hessian width, the blocks of n > 16 included.
    for n in 2..=30 {
        let x: Vec<f64> = (0..n)
            .map(|i| 0.3 + 0.17 * i as f64 - 0.01 * (i * i) as f64)
            .collect();
        let on_vec = ArgminProblem::<_, Vec<f64>>::new(Rosenbrock);
        let on_dvector = ArgminProblem::<_, DVector<f64>>::new(Rosenbrock);
        let xv = DVector::from_vec(x.clone());

        let reference = tf::rosenbrock(&x);
        assert_close(on_vec.cost(&x).unwrap(), reference, 1e-15);
        assert_close(on_dvector.cost(&xv).unwrap(), reference, 1e-15);

        let grad = tf::rosenbrock_derivative(&x);
        assert_vec_close(&on_vec.gradient(&x).unwrap(), &grad, 1e-14);
        assert_vec_close(on_dvector.gradient(&xv).unwrap().as_slice(), &grad, 1e-14);

        let hess = tf::rosenbrock_hessian(&x);
        let rows = on_vec.hessian(&x).unwrap();
        let matrix = on_dvector.hessian(&xv).unwrap();
        assert_matrix_close(&rows, &matrix, &hess, 1e-14);
    }
}

#[test]
fn two_dimensional_functions_match_their_hand_written_derivatives() {
    type Derivatives = (
        fn(&[f64; 2]) -> f64,
        fn(&[f64; 2]) -> [f64; 2],
        fn(&[f64; 2]) -> [[f64; 2]; 2],
    );
    fn check<F: ScalarFunction<f64>>(f: F, (value, grad, hess): Derivatives, points: &[[f64; 2]]) {
        let problem = ArgminProblem::<_, Vec<f64>>::new(f);
        for p in points {
            let x = p.to_vec();
            assert_close(problem.cost(&x).unwrap(), value(p), 1e-14);
            assert_vec_close(&problem.gradient(&x).unwrap(), &grad(p), 1e-13);
            let expected: Vec<Vec<f64>> = hess(p).iter().map(|r| r.to_vec()).collect();
            let rows = problem.hessian(&x).unwrap();
            for (row, e) in rows.iter().zip(&expected) {
                assert_vec_close(row, e, 1e-13);
            }
        }
    }
    let points = [[0.5, -0.3], [-1.2, 1.0], [2.0, 0.7], [3.1, -1.4]];
    check(
        Beale,
        (tf::beale, tf::beale_derivative, tf::beale_hessian),
        &points,
    );
    check(
        Himmelblau,
        (
            tf::himmelblau,
            tf::himmelblau_derivative,
            tf::himmelblau_hessian,
        ),
        &points,
    );
    check(
        Booth,
        (tf::booth, tf::booth_derivative, tf::booth_hessian),
        &points,
    );
    check(
        Matyas,
        (tf::matyas, tf::matyas_derivative, tf::matyas_hessian),
        &points,
    );
    check(
        McCormick,
        (
            tf::mccormick,
            tf::mccormick_derivative,
            tf::mccormick_hessian,
        ),
        &points,
    );
    check(
        GoldsteinPrice,
        (
            tf::goldsteinprice,
            tf::goldsteinprice_derivative,
            tf::goldsteinprice_hessian,
        ),
        &[[0.2, -0.9], [-0.4, 0.3], [1.0, 1.0]],
    );
    check(
        ThreeHumpCamel,
        (
            tf::threehumpcamel,
            tf::threehumpcamel_derivative,
            tf::threehumpcamel_hessian,
        ),
        &points,
    );
}

/// Returns the best parameters of a run, asserting that it stopped for a reason other than an
/// error.
fn best<P: Clone, S: State<Param = P>>(state: &S) -> P {
    state.get_best_param().expect("a best parameter").clone()
}

#[test]
fn lbfgs_finds_rosenbrocks_minimum_on_vec_and_dvector() {
    // from the classic start (−1.2, 1), and a 10-D start
    for start in [
        vec![-1.2, 1.0],
        (0..10)
            .map(|i| if i % 2 == 0 { -1.2 } else { 1.0 })
            .collect(),
    ] {
        let n = start.len();
        let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7)
            .with_tolerance_grad(1e-12)
            .unwrap()
            .with_tolerance_cost(0.0)
            .unwrap();
        let result = Executor::new(ArgminProblem::<_, Vec<f64>>::new(Rosenbrock), solver)
            .configure(|state| state.param(start.clone()).max_iters(500))
            .run()
            .unwrap();
        assert_eq!(
            result.state().get_termination_status(),
            &TerminationStatus::Terminated(TerminationReason::SolverConverged)
        );
        assert_vec_close(&best(result.state()), &vec![1.0; n], 1e-10);

        let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7)
            .with_tolerance_grad(1e-12)
            .unwrap()
            .with_tolerance_cost(0.0)
            .unwrap();
        let result = Executor::new(ArgminProblem::<_, DVector<f64>>::new(Rosenbrock), solver)
            .configure(|state| state.param(DVector::from_vec(start.clone())).max_iters(500))
            .run()
            .unwrap();
        assert_vec_close(best(result.state()).as_slice(), &vec![1.0; n], 1e-10);
    }
}

#[test]
fn newton_converges_to_known_minima() {
    // Pure Newton from the classic start: Rosenbrock's minimum (1, 1) in a handful of steps
    let run = |f: ArgminProblem<_, DVector<f64>>, start: [f64; 2], iters: u64| {
        let result = Executor::new(f, Newton::<f64>::new())
            .configure(|state| {
                state
                    .param(DVector::from_vec(start.to_vec()))
                    .max_iters(iters)
            })
            .run()
            .unwrap();
        best(result.state())
    };
    let x = run(ArgminProblem::new(Rosenbrock), [-1.2, 1.0], 20);
    assert_vec_close(x.as_slice(), &[1.0, 1.0], 1e-14);

    fn run_on<F: ScalarFunction<f64>>(f: F, start: [f64; 2], iters: u64) -> Vec<f64> {
        let result = Executor::new(
            ArgminProblem::<_, DVector<f64>>::new(f),
            Newton::<f64>::new(),
        )
        .configure(|state| {
            state
                .param(DVector::from_vec(start.to_vec()))
                .max_iters(iters)
        })
        .run()
        .unwrap();
        best(result.state()).as_slice().to_vec()
    }
    // the minima argmin_testfunctions documents
    assert_vec_close(&run_on(Beale, [2.5, 0.3], 30), &[3.0, 0.5], 1e-14);
    assert_vec_close(&run_on(Himmelblau, [3.5, 2.5], 30), &[3.0, 2.0], 1e-14);
    assert_vec_close(&run_on(Booth, [-5.0, 8.0], 2), &[1.0, 3.0], 1e-14);
    assert_vec_close(&run_on(Matyas, [4.0, -7.0], 2), &[0.0, 0.0], 1e-14);
    assert_vec_close(&run_on(ThreeHumpCamel, [0.3, -0.2], 30), &[0.0, 0.0], 1e-14);
    assert_vec_close(
        &run_on(GoldsteinPrice, [0.1, -0.9], 30),
        &[0.0, -1.0],
        1e-14,
    );
}

#[test]
fn steihaug_trust_region_finds_rosenbrocks_minimum() {
    // (in 6-D from the origin: from (−1.2, 1, −1.2, …) the extended function has a local
    // minimum near (−1, 1, …, 1) that a trust-region method may rightly settle in)
    for start in [vec![-1.2, 1.0], vec![0.0; 6]] {
        let n = start.len();
        // Steihaug's CG stops at a residual of 1e-9 by default, which leaves x about 1e-10
        // from the minimum: ask for a residual at the rounding level of the gradient.
        let solver = TrustRegion::new(
            Steihaug::new()
                .with_epsilon(1e-15)
                .unwrap()
                .with_max_iters(50),
        )
        .with_radius(1.0)
        .unwrap()
        .with_max_radius(100.0)
        .unwrap();
        let result = Executor::new(ArgminProblem::<_, Vec<f64>>::new(Rosenbrock), solver)
            .configure(|state| state.param(start.clone()).max_iters(200))
            .run()
            .unwrap();
        assert_vec_close(&best(result.state()), &vec![1.0; n], 1e-12);
        assert!(result.state().get_best_cost() < 1e-24);

        let solver = TrustRegion::new(
            Steihaug::new()
                .with_epsilon(1e-15)
                .unwrap()
                .with_max_iters(50),
        )
        .with_radius(1.0)
        .unwrap();
        let result = Executor::new(ArgminProblem::<_, DVector<f64>>::new(Rosenbrock), solver)
            .configure(|state| state.param(DVector::from_vec(start.clone())).max_iters(200))
            .run()
            .unwrap();
        assert_vec_close(best(result.state()).as_slice(), &vec![1.0; n], 1e-12);
    }
}

#[test]
fn cauchy_point_trust_region_finds_a_convex_minimum() {
    // The Cauchy point is a steepest-descent step, linear in convergence: on Matyas (a convex
    // quadratic, condition number 25) it still reaches the minimum (0, 0) to 1e-10.
    let solver = TrustRegion::new(CauchyPoint::<f64>::new())
        .with_radius(1.0)
        .unwrap();
    let result = Executor::new(ArgminProblem::<_, Vec<f64>>::new(Matyas), solver)
        .configure(|state| state.param(vec![4.0, -7.0]).max_iters(2000))
        .run()
        .unwrap();
    let x = best(result.state());
    assert!(x[0].abs() < 1e-10 && x[1].abs() < 1e-10, "{x:?}");
}

/// Residuals whose squared norm is one of argmin_testfunctions' functions:
/// Rosenbrock `(1 − x, 10(y − x²))`, Himmelblau `(x² + y − 11, x + y² − 7)`, Beale
/// `(1.5 − x + xy, 2.25 − x + xy², 2.625 − x + xy³)`.
#[derive(Clone, Copy)]
enum Residuals {
    Rosenbrock,
    Himmelblau,
    Beale,
}

impl VectorFunction<f64> for Residuals {
    fn eval<D: Real + From<f64>>(&self, v: &[D]) -> Vec<D> {
        let (x, y) = (v[0], v[1]);
        match self {
            Self::Rosenbrock => vec![D::one() - x, (y - x * x) * c::<D>(10.0)],
            Self::Himmelblau => vec![x * x + y - c::<D>(11.0), x + y * y - c::<D>(7.0)],
            Self::Beale => vec![
                c::<D>(1.5) - x + x * y,
                c::<D>(2.25) - x + x * y * y,
                c::<D>(2.625) - x + x * y * y * y,
            ],
        }
    }
}

#[test]
fn residuals_and_jacobians_match_closed_forms() {
    let (x, y) = (1.3, -0.4);
    let on_vec = ArgminProblem::<_, Vec<f64>>::new(Residuals::Beale);
    let on_dvector = ArgminProblem::<_, DVector<f64>>::new(Residuals::Beale);
    let r = on_vec.apply(&vec![x, y]).unwrap();
    // Σ rᵢ² is argmin_testfunctions' Beale function
    assert_close(r.iter().map(|r| r * r).sum(), tf::beale(&[x, y]), 1e-15);
    // ∂/∂x = (y − 1, y² − 1, y³ − 1), ∂/∂y = (x, 2xy, 3xy²)
    let expected = [
        vec![y - 1.0, x],
        vec![y * y - 1.0, 2.0 * x * y],
        vec![y * y * y - 1.0, 3.0 * x * y * y],
    ];
    let rows = on_vec.jacobian(&vec![x, y]).unwrap();
    let matrix = on_dvector.jacobian(&DVector::from_vec(vec![x, y])).unwrap();
    assert_matrix_close(&rows, &matrix, &expected, 1e-15);
}

#[test]
fn gauss_newton_finds_least_squares_minima() {
    fn run(residuals: Residuals, start: [f64; 2], iters: u64) -> Vec<f64> {
        // stop only when the cost no longer changes (the tolerance must be positive)
        let solver = GaussNewton::<f64>::new()
            .with_tolerance(f64::MIN_POSITIVE)
            .unwrap();
        let result = Executor::new(ArgminProblem::<_, DVector<f64>>::new(residuals), solver)
            .configure(|state| {
                state
                    .param(DVector::from_vec(start.to_vec()))
                    .max_iters(iters)
            })
            .run()
            .unwrap();
        best(result.state()).as_slice().to_vec()
    }
    // Rosenbrock's residuals: in exact arithmetic Gauss–Newton lands on (1, 1) in two steps
    // from anywhere; argmin solves the normal equations, whose rounding the next steps remove
    assert_vec_close(
        &run(Residuals::Rosenbrock, [-1.2, 1.0], 10),
        &[1.0, 1.0],
        1e-15,
    );
    // zero-residual problems: quadratic convergence to the documented minima
    assert_vec_close(
        &run(Residuals::Himmelblau, [3.4, 2.4], 20),
        &[3.0, 2.0],
        1e-14,
    );
    assert_vec_close(&run(Residuals::Beale, [2.5, 0.4], 30), &[3.0, 0.5], 1e-14);
}
