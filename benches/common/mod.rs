//! Shared by every benchmark target and by `examples/compare.rs`.
//!
//! - [`problems`]: the test functions (generic over `Float`, again over num-dual's `DualNum`) and
//!   their hand-written derivatives;
//! - [`cases`]: for each benchmark group, every method that computes the same derivative, handed
//!   one by one to a [`Runner`];
//! - [`BenchRunner`]: the criterion runner. `examples/compare.rs` has a plain `Instant` one.
//!
//! Every runner cross-checks each method once, outside the timed loop, against the analytic
//! derivative ([`Checker`]), so a broken comparison fails loudly instead of timing the wrong thing.
// Each bench target and the example use only some of the cases and helpers.
#![allow(dead_code)]

pub mod cases;
pub mod problems;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};
use std::time::Duration;

/// Agreement required of automatic differentiation with the analytic derivative: both are exact
/// to rounding, so anything near this bound is a bug.
pub const EXACT_TOL: f64 = 1e-8;

/// Agreement required of central differences (O(h²) truncation plus rounding amplified by 1/h).
pub const FINITE_TOL: f64 = 1e-5;

/// What a method computes; decides how it is cross-checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The function itself, no derivative: the baseline of every ratio.
    Primal,
    /// The hand-written derivative: the reference of every check. Comes before the methods
    /// checked against it.
    Analytic,
    /// Automatic differentiation (dualdiff, num-dual): must match to [`EXACT_TOL`].
    Exact,
    /// Finite differences: must match to [`FINITE_TOL`].
    Finite,
}

/// Runs the methods of one case. `f` is what gets timed; `derivative` flattens one result of `f`
/// into the numbers compared with the analytic reference (column-major for matrices), and is
/// called once, outside any timing.
pub trait Runner {
    /// Runs (and for a benchmark, times) one method.
    fn run<R>(
        &mut self,
        name: &str,
        kind: Kind,
        f: impl FnMut() -> R,
        derivative: impl FnOnce(R) -> Vec<f64>,
    );

    /// Runs the primal evaluation.
    fn primal<R>(&mut self, name: &str, f: impl FnMut() -> R) {
        self.run(name, Kind::Primal, f, |_| Vec::new());
    }
}

/// Holds a case's analytic reference and checks every other method against it.
#[derive(Debug, Default)]
pub struct Checker {
    reference: Option<Vec<f64>>,
}

impl Checker {
    /// Records the analytic reference, or checks `d` against it; returns the largest error
    /// `|d − ref| / max(|ref|, 1)` (`None` for the primal and the reference itself).
    ///
    /// # Panics
    /// If the error exceeds the tolerance of `kind`, if the lengths differ, or if a method is
    /// checked before the reference exists.
    pub fn check(&mut self, case: &str, name: &str, kind: Kind, d: Vec<f64>) -> Option<f64> {
        let tol = match kind {
            Kind::Primal => return None,
            Kind::Analytic => {
                assert!(
                    d.iter().all(|v| v.is_finite()),
                    "{case}/{name}: non-finite reference"
                );
                self.reference = Some(d);
                return None;
            }
            Kind::Exact => EXACT_TOL,
            Kind::Finite => FINITE_TOL,
        };
        let reference = self
            .reference
            .as_ref()
            .unwrap_or_else(|| panic!("{case}/{name}: the analytic method must run first"));
        assert_eq!(
            d.len(),
            reference.len(),
            "{case}/{name}: result has the wrong length"
        );
        let err = max_error(&d, reference);
        assert!(
            err <= tol,
            "{case}/{name} disagrees with the analytic derivative: max error {err:e} > {tol:e}"
        );
        Some(err)
    }
}

/// Returns `max |a − e| / max(|e|, 1)`; NaN anywhere gives NaN.
#[must_use]
pub fn max_error(actual: &[f64], expected: &[f64]) -> f64 {
    actual.iter().zip(expected).fold(0.0, |m: f64, (&a, &e)| {
        let err = (a - e).abs() / e.abs().max(1.0);
        if err.is_nan() || m.is_nan() {
            f64::NAN
        } else {
            m.max(err)
        }
    })
}

/// The suite's criterion settings: short enough that every bench target together stays under
/// about ten minutes on two shared cores.
#[must_use]
pub fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

/// Runs each method as one benchmark of a criterion group, after checking it once.
pub struct BenchRunner<'c> {
    group: BenchmarkGroup<'c, WallTime>,
    case: String,
    checker: Checker,
}

impl Runner for BenchRunner<'_> {
    fn run<R>(
        &mut self,
        name: &str,
        kind: Kind,
        mut f: impl FnMut() -> R,
        derivative: impl FnOnce(R) -> Vec<f64>,
    ) {
        self.checker.check(&self.case, name, kind, derivative(f()));
        self.group.bench_function(name, |b| b.iter(&mut f));
    }
}

/// Benchmarks one case as the criterion group `name`, after `configure` has adjusted the group.
pub fn bench_case<'c>(
    c: &'c mut Criterion,
    name: &str,
    configure: impl FnOnce(&mut BenchmarkGroup<'c, WallTime>),
    case: impl FnOnce(&mut BenchRunner<'c>),
) {
    let mut runner = BenchRunner {
        group: c.benchmark_group(name),
        case: name.to_owned(),
        checker: Checker::default(),
    };
    configure(&mut runner.group);
    case(&mut runner);
    runner.group.finish();
}
