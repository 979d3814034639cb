//! All 54 starts of NIST's StRD nonlinear-regression problems (27 problems × 2 starting points),
//! solved by the levenberg-marquardt crate's solver with two Jacobians: dualdiff's (exact, from
//! [`dualdiff::LeastSquares`]) and the crate's own `differentiate_numerically` (finite
//! differences).
//!
//! The models are written once, generic over `num_traits::Float` (`examples/nist/strd.rs`), and
//! each is first checked against NIST's certified residual sum of squares. Per start the example
//! prints the log relative error reached, LRE = −log10(|b − b_cert| / |b_cert|), the least over
//! the parameters and capped at the digits certified, and the time each solve took. The
//! numerical Jacobian panics on Misra1c; the panic is caught and reported.
//!
//! Data: NIST Statistical Reference Datasets, works of the U.S. government in the public domain,
//! in `examples/data/nist/`.
//!
//! Exits with status 1 unless at least 50 of the 54 starts reach LRE ≥ 6 with dualdiff's
//! Jacobian (or a model misses its certified residual sum of squares).
//!
//! Run with `cargo run --release --features levenberg-marquardt --example nist`; the numerical
//! Jacobian takes minutes (see [`MAX_NUMERICAL_JACOBIANS`]). Add `-- --dualdiff-only` to skip
//! it: then the whole run takes well under a second.

#[path = "nist/strd.rs"]
mod strd;

use dualdiff::nalgebra_v0_34::{DMatrix, DVector, Dyn, Matrix, Vector, storage::Owned};
use dualdiff::{LeastSquares, Real, VectorFunction};
use levenberg_marquardt::{
    LeastSquaresProblem, LevenbergMarquardt, TerminationReason, differentiate_numerically,
};
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use strd::{NAMES, Problem};

/// The digits a start must reach to count as solved.
const REQUIRED_LRE: f64 = 6.0;
/// The starts (of 54) that must be solved with dualdiff's Jacobian.
const REQUIRED_SOLVED: usize = 50;
/// The numerical Jacobians one start may evaluate (dualdiff's are not limited). The solver's own
/// limit counts evaluations of the residuals (`patience`); this one bounds the run time of the
/// numerical Jacobian, which costs about `30·n·m²` evaluations of the model (30 differences of
/// the whole residual vector for each of its `n·m` entries) and, where it is inaccurate, lets
/// the solver wander until its patience runs out. A start that reaches it is reported `limit`;
/// with dualdiff's Jacobian no start needs more than 748.
const MAX_NUMERICAL_JACOBIANS: usize = 1000;

/// The solver's settings, the same for both Jacobians: relative reductions of the sum of squares
/// and relative steps down to 10⁻¹⁵ (the default is 30 ε ≈ 6.7·10⁻¹⁵), no orthogonality
/// test (`gtol = 0`, as MINPACK's `lmder1`, so a start is not stopped while its last digits are
/// still moving), and up to 1000·(n + 1) evaluations of the residuals.
fn solver() -> LevenbergMarquardt<f64> {
    LevenbergMarquardt::new()
        .with_ftol(1e-15)
        .with_xtol(1e-15)
        .with_gtol(0.0)
        .with_patience(1000)
}

/// The residuals of one problem, written once for every number type.
#[derive(Clone, Copy)]
struct Residuals<'a>(&'a Problem);

impl VectorFunction<f64> for Residuals<'_> {
    fn eval<D: Real + From<f64>>(&self, b: &[D]) -> Vec<D> {
        self.0.residuals(b)
    }
}

/// The same problem with the levenberg-marquardt crate's finite-difference Jacobian.
#[derive(Clone)]
struct Numerical<'a>(LeastSquares<Residuals<'a>>);

impl LeastSquaresProblem<f64, Dyn, Dyn> for Numerical<'_> {
    type ResidualStorage = Owned<f64, Dyn>;
    type JacobianStorage = Owned<f64, Dyn, Dyn>;
    type ParameterStorage = Owned<f64, Dyn>;

    fn set_params(&mut self, x: &DVector<f64>) {
        self.0.set_params(x);
    }

    fn params(&self) -> DVector<f64> {
        self.0.params()
    }

    fn residuals(&self) -> Option<DVector<f64>> {
        self.0.residuals()
    }

    fn jacobian(&self) -> Option<DMatrix<f64>> {
        differentiate_numerically(&mut self.0.clone())
    }
}

/// A problem whose Jacobian gives up (returns `None`, so the solver stops) after `limit`
/// evaluations, counting them.
struct Limited<O> {
    problem: O,
    jacobians: Cell<usize>,
    limit: usize,
}

impl<O: LeastSquaresProblem<f64, Dyn, Dyn>> LeastSquaresProblem<f64, Dyn, Dyn> for Limited<O> {
    type ResidualStorage = O::ResidualStorage;
    type JacobianStorage = O::JacobianStorage;
    type ParameterStorage = O::ParameterStorage;

    fn set_params(&mut self, x: &Vector<f64, Dyn, O::ParameterStorage>) {
        self.problem.set_params(x);
    }

    fn params(&self) -> Vector<f64, Dyn, O::ParameterStorage> {
        self.problem.params()
    }

    fn residuals(&self) -> Option<Vector<f64, Dyn, O::ResidualStorage>> {
        self.problem.residuals()
    }

    fn jacobian(&self) -> Option<Matrix<f64, Dyn, Dyn, O::JacobianStorage>> {
        let count = self.jacobians.get();
        if count == self.limit {
            return None;
        }
        self.jacobians.set(count + 1);
        self.problem.jacobian()
    }
}

/// What one solve gave: the LRE, how the solver stopped and the Jacobians it evaluated, or
/// that it panicked; and the time it took.
struct Outcome {
    lre: Option<f64>,
    stop: String,
    jacobians: Option<usize>,
    time: Duration,
}

impl Outcome {
    /// Returns `true` if the start reached the required digits.
    fn solved(&self) -> bool {
        self.lre.is_some_and(|lre| lre >= REQUIRED_LRE)
    }

    /// Returns the LRE, Jacobians, time and stop columns.
    fn columns(&self) -> String {
        let lre = self
            .lre
            .map_or_else(|| "—".to_owned(), |lre| format!("{lre:.1}"));
        let jacobians = self
            .jacobians
            .map_or_else(|| "—".to_owned(), |j| j.to_string());
        let time = format!("{:.2?}", self.time);
        format!("{lre:>5} {jacobians:>4} {time:>10} {:<8}", self.stop)
    }
}

/// Returns a short name for how the solver stopped: `conv` (its `ftol`/`xtol` test), `eps` (no
/// improvement possible at machine precision), `zero` (zero residuals), `orth` (`gtol`),
/// `patience`, `limit` ([`MAX_NUMERICAL_JACOBIANS`] reached) or the reason as the crate names
/// it.
fn stop_name(termination: &TerminationReason) -> String {
    match termination {
        TerminationReason::Converged { .. } => "conv".to_owned(),
        TerminationReason::NoImprovementPossible(_) => "eps".to_owned(),
        TerminationReason::ResidualsZero => "zero".to_owned(),
        TerminationReason::Orthogonal => "orth".to_owned(),
        TerminationReason::LostPatience => "patience".to_owned(),
        TerminationReason::User(_) => "limit".to_owned(),
        other => format!("{other:?}"),
    }
}

/// Solves `problem` from the start `start`, evaluating at most `limit` Jacobians, and scores
/// the solution, catching a panic.
fn solve<O>(problem: &Problem, start: O, limit: usize) -> Outcome
where
    O: LeastSquaresProblem<f64, Dyn, Dyn, ParameterStorage = Owned<f64, Dyn>>,
{
    let limited = Limited {
        problem: start,
        jacobians: Cell::new(0),
        limit,
    };
    // A panic is reported in the table: keep the default hook from printing it as well.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let began = Instant::now();
    let run = panic::catch_unwind(AssertUnwindSafe(|| solver().minimize(limited)));
    let time = began.elapsed();
    panic::set_hook(hook);
    match run {
        Ok((solved, report)) => {
            let b = solved.params();
            let finite = b.iter().all(|v| v.is_finite());
            Outcome {
                lre: finite.then(|| problem.lre(b.as_slice())),
                stop: stop_name(&report.termination),
                jacobians: Some(solved.jacobians.get()),
                time,
            }
        }
        Err(_) => Outcome {
            lre: None,
            stop: "panicked".to_owned(),
            jacobians: None,
            time,
        },
    }
}

fn main() -> ExitCode {
    let numerical_too = !std::env::args().any(|a| a == "--dualdiff-only");
    let mut problems = Vec::new();
    println!("Residual sum of squares at the certified values (each model's check):");
    let mut models_ok = true;
    for name in NAMES {
        let problem = match Problem::load(name) {
            Ok(problem) => problem,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        match problem.check_rss() {
            Ok(rss) => println!(
                "  {name:<9} {rss:.10e}  certified {:.10e}",
                problem.certified_rss
            ),
            Err(e) => {
                println!("  {e}");
                models_ok = false;
            }
        }
        problems.push(problem);
    }
    if !models_ok {
        return ExitCode::FAILURE;
    }

    println!();
    println!(
        "{:<9} {:>5} | {:>5} {:>4} {:>10} {:<8} | {:>5} {:>4} {:>10} {:<8}",
        "problem", "start", "LRE", "jac", "dualdiff", "stop", "LRE", "jac", "numerical", "stop"
    );
    let (mut solved_dual, mut solved_numerical, mut starts) = (0, 0, 0);
    let (mut time_dual, mut time_numerical) = (Duration::ZERO, Duration::ZERO);
    for problem in &problems {
        for (k, start) in problem.starts.iter().enumerate() {
            let params = DVector::from_vec(start.clone());
            let exact = LeastSquares::new(Residuals(problem), params);
            let numerical = Numerical(exact.clone());
            let dual = solve(problem, exact, usize::MAX);
            starts += 1;
            solved_dual += usize::from(dual.solved());
            time_dual += dual.time;
            let numeric_columns = if numerical_too {
                let numeric = solve(problem, numerical, MAX_NUMERICAL_JACOBIANS);
                solved_numerical += usize::from(numeric.solved());
                time_numerical += numeric.time;
                numeric.columns()
            } else {
                String::new()
            };
            println!(
                "{:<9} {:>5} | {} | {numeric_columns}",
                problem.name,
                k + 1,
                dual.columns(),
            );
        }
    }
    println!();
    println!(
        "starts reaching LRE ≥ {REQUIRED_LRE}: dualdiff {solved_dual}/{starts} in {time_dual:.2?}"
    );
    if numerical_too {
        println!(
            "                          differentiate_numerically {solved_numerical}/{starts} in \
             {time_numerical:.2?}"
        );
    }
    if solved_dual >= REQUIRED_SOLVED {
        ExitCode::SUCCESS
    } else {
        println!("fewer than {REQUIRED_SOLVED} starts solved with dualdiff's Jacobian");
        ExitCode::FAILURE
    }
}
