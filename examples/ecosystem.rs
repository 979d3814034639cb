//! dualdiff as the derivative engine of other numeric crates: argmin's solvers, the
//! levenberg-marquardt crate, ndarray and num-complex, one section each. The README's section
//! on them quotes this file, so its code is compiled and run (and its results checked) in CI.
//!
//! Run with `cargo run --release --features argmin,levenberg-marquardt,ndarray --example ecosystem`.

use dualdiff::{Real, ScalarFunction, VectorFunction};

// --- argmin -------------------------------------------------------------------------------

/// The Rosenbrock function, written once for every number type.
struct Rosenbrock;

impl ScalarFunction<f64> for Rosenbrock {
    fn eval<D: Real + From<f64>>(&self, x: &[D]) -> D {
        let hundred: D = 100.0.into();
        (D::one() - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
    }
}

/// Newton's method (exact gradient and Hessian) and L-BFGS (exact gradient) on Rosenbrock.
fn argmin() -> Result<(), argmin::core::Error> {
    use argmin::core::{Executor, State};
    use argmin::solver::linesearch::MoreThuenteLineSearch;
    use argmin::solver::newton::Newton;
    use argmin::solver::quasinewton::LBFGS;
    use dualdiff::ArgminProblem;
    use dualdiff::nalgebra_v0_34::DVector;

    // Newton needs a matrix inverse: nalgebra 0.34's DVector/DMatrix
    let problem = ArgminProblem::<_, DVector<f64>>::new(Rosenbrock);
    let result = Executor::new(problem, Newton::<f64>::new())
        .configure(|state| {
            state
                .param(DVector::from_vec(vec![-1.2, 1.0]))
                .max_iters(10)
        })
        .run()?;
    let newton = result.state().get_best_param().unwrap().clone();

    // L-BFGS on plain Vec<f64>
    let problem = ArgminProblem::<_, Vec<f64>>::new(Rosenbrock);
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7).with_tolerance_grad(1e-12)?;
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(vec![-1.2, 1.0]).max_iters(100))
        .run()?;
    let lbfgs = result.state().get_best_param().unwrap().clone();

    println!("argmin: Newton {:?}, L-BFGS {lbfgs:?}", newton.as_slice());
    assert!((newton - DVector::from_vec(vec![1.0, 1.0])).norm() < 1e-12);
    assert!(lbfgs.iter().all(|&x| (x - 1.0).abs() < 1e-10));
    Ok(())
}

// --- levenberg-marquardt --------------------------------------------------------------------

/// Residuals `a·exp(b·xᵢ) − yᵢ`, written once for every number type.
struct Exponential {
    x: Vec<f64>,
    y: Vec<f64>,
}

impl VectorFunction<f64> for Exponential {
    fn eval<D: Real + From<f64>>(&self, p: &[D]) -> Vec<D> {
        let model = |x: f64| p[0] * (p[1] * x.into()).exp();
        self.x
            .iter()
            .zip(&self.y)
            .map(|(&x, &y)| model(x) - y.into())
            .collect()
    }
}

/// Fits `a·exp(b·x)` to exact data of `2·exp(x/2)`.
fn levenberg_marquardt() {
    use dualdiff::LeastSquares;
    use dualdiff::nalgebra_v0_34::DVector;
    use levenberg_marquardt::LevenbergMarquardt;

    let x: Vec<f64> = (0..8).map(|i| f64::from(i) * 0.5).collect();
    let y = x.iter().map(|&x| 2.0 * (0.5 * x).exp()).collect();
    let problem = LeastSquares::new(Exponential { x, y }, DVector::from_vec(vec![1.0, 0.1]));
    let (fitted, report) = LevenbergMarquardt::new().minimize(problem);
    let (_, p) = fitted.into_parts();

    println!(
        "levenberg-marquardt: a = {}, b = {} ({:?})",
        p[0], p[1], report.termination
    );
    assert!(report.termination.was_successful());
    assert!((p[0] - 2.0).abs() < 1e-12 && (p[1] - 0.5).abs() < 1e-12);
}

// --- ndarray --------------------------------------------------------------------------------

/// The gradient and Hessian of `f(x) = xᵀAx / 2` (∇f = Sx, ∇²f = S with S = (A + Aᵀ)/2) for a
/// function written against ndarray, and a dual scalar as an array operand.
fn ndarray() {
    use dualdiff::{Dual2Vec64, Dual64, DualVec64, gradient_ndarray, hessian_ndarray};
    use ndarray::{Array2, ArrayView1, array};

    let a = array![[4.0, 1.0], [3.0, 2.0]];
    fn quadratic<D: Real + From<f64>>(a: &Array2<f64>, x: ArrayView1<D>) -> D {
        let a: Array2<D> = a.mapv(Into::into);
        x.dot(&a.dot(&x)) / (D::one() + D::one())
    }
    let x = array![1.0, -1.0];
    let (_, grad) = gradient_ndarray(|v: ArrayView1<DualVec64<2>>| quadratic(&a, v), &x);
    let (_, _, hess) = hessian_ndarray(|v: ArrayView1<Dual2Vec64<2>>| quadratic(&a, v), &x);

    // any number type is an ndarray ScalarOperand: scale an array of duals by a dual
    let scaled = &array![Dual64::variable(3.0)] * Dual64::new(2.0, 1.0); // (3·2)' = 2 + 3
    println!(
        "ndarray: ∇f = {grad}, ∇²f = {hess}, (t·s)' = {}",
        scaled[0].eps
    );
    assert_eq!(grad, array![2.0, 0.0]); // S·x = [[4, 2], [2, 2]]·(1, −1) = (4 − 2, 2 − 2)
    assert_eq!(hess, array![[4.0, 2.0], [2.0, 2.0]]);
    assert_eq!(scaled[0].eps, 5.0);
}

// --- num-complex ----------------------------------------------------------------------------

/// The derivative of a low-pass filter's gain and phase in its time constant, through
/// `Complex<Dual64>`.
fn num_complex() {
    use dualdiff::{Dual64, derivative};
    use num_complex::Complex;

    // H(iω) = 1 / (1 + iωτ): |H| = 1/√(1 + ω²τ²), arg H = −atan(ωτ)
    let omega = 2.0;
    let h = |tau: Dual64| {
        let s = Complex::new(Dual64::constant(0.0), Dual64::constant(omega));
        Complex::from(Dual64::constant(1.0)) / (Complex::from(Dual64::constant(1.0)) + s * tau)
    };
    let (gain, dgain) = derivative(|tau| h(tau).norm(), 0.5);
    let (phase, dphase) = derivative(|tau| h(tau).arg(), 0.5);

    println!("num-complex: |H| = {gain}, d|H|/dτ = {dgain}; arg H = {phase}, d arg/dτ = {dphase}");
    // d|H|/dτ = −ω²τ/(1 + ω²τ²)^(3/2) = −2/2^(3/2); d arg/dτ = −ω/(1 + ω²τ²) = −1
    assert!((dgain + 2.0 / 2f64.powf(1.5)).abs() < 1e-15);
    assert!((dphase + 1.0).abs() < 1e-15);
}

fn main() -> Result<(), argmin::core::Error> {
    argmin()?;
    levenberg_marquardt();
    ndarray();
    num_complex();
    Ok(())
}
