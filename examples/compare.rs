//! One table of the benchmark suite's cases, timed with `std::time::Instant` instead of criterion:
//! plain `f64`, hand-written derivatives, dualdiff, num-dual and central finite differences.
//!
//! Run with `cargo run --release --example compare` (well under a minute). The methods, problems
//! and cross-checks are the ones in `benches/` (shared through `benches/common/`); for
//! statistically careful numbers use `cargo bench`.

#[path = "../benches/common/mod.rs"]
mod common;

use common::{Checker, Kind, Runner, cases};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The length of one timed run; each cell takes the best of three.
const RUN: Duration = Duration::from_millis(25);

/// Prints one row per method, with its ratios to the case's primal and analytic times.
struct TableRunner {
    case: String,
    checker: Checker,
    primal: Option<f64>,
    analytic: Option<f64>,
}

impl TableRunner {
    fn new() -> Self {
        Self {
            case: String::new(),
            checker: Checker::default(),
            primal: None,
            analytic: None,
        }
    }

    /// Starts a new case: prints its title and forgets the previous case's references.
    fn case(&mut self, title: &str) {
        println!("{title}");
        *self = Self {
            case: title.to_owned(),
            ..Self::new()
        };
    }
}

impl Runner for TableRunner {
    fn run<R>(
        &mut self,
        name: &str,
        kind: Kind,
        mut f: impl FnMut() -> R,
        derivative: impl FnOnce(R) -> Vec<f64>,
    ) {
        let err = self.checker.check(&self.case, name, kind, derivative(f()));
        let t = time_per_call(&mut f);
        match kind {
            Kind::Primal => self.primal = Some(t),
            Kind::Analytic => self.analytic = Some(t),
            Kind::Exact | Kind::Finite => {}
        }
        let ratio =
            |base: Option<f64>| base.map_or_else(|| "—".to_owned(), |b| format!("{:.2}", t / b));
        let err = err.map_or_else(|| "—".to_owned(), |e| format!("{e:.1e}"));
        println!(
            "  {name:<34}{:>11}{:>10}{:>11}{:>11}",
            format_time(t),
            ratio(self.primal),
            ratio(self.analytic),
            err
        );
    }
}

/// Returns the seconds per call of `f`: the best of three runs of about [`RUN`] each.
fn time_per_call<R>(f: &mut impl FnMut() -> R) -> f64 {
    let run = |f: &mut dyn FnMut() -> R, reps: u64| {
        let start = Instant::now();
        for _ in 0..reps {
            black_box(f());
        }
        start.elapsed()
    };
    // Calibrate: grow the repetitions until a run lasts 2 ms, then scale them to RUN.
    let mut reps = 1;
    let reps = loop {
        let t = run(f, reps);
        if t >= Duration::from_millis(2) {
            break ((reps as f64) * RUN.as_secs_f64() / t.as_secs_f64()).ceil() as u64;
        }
        reps *= 4;
    };
    (0..3)
        .map(|_| run(f, reps).as_secs_f64() / reps as f64)
        .fold(f64::INFINITY, f64::min)
}

/// Formats seconds with three significant digits in ns, µs or ms.
fn format_time(t: f64) -> String {
    let (v, unit) = match t {
        t if t < 1e-6 => (t * 1e9, "ns"),
        t if t < 1e-3 => (t * 1e6, "µs"),
        t => (t * 1e3, "ms"),
    };
    let digits = if v < 10.0 {
        2
    } else if v < 100.0 {
        1
    } else {
        0
    };
    format!("{v:.digits$} {unit}")
}

fn main() {
    println!(
        "Time per call (best of 3 runs of ~{} ms), as a multiple of the plain f64 evaluation \
         and of the hand-written derivative, and max error |d − exact| / max(|exact|, 1) against \
         the hand-written derivative.\n",
        RUN.as_millis()
    );
    println!(
        "{:<36}{:>11}{:>10}{:>11}{:>11}",
        "case / method", "time/call", "×primal", "×analytic", "max error"
    );
    let r = &mut TableRunner::new();
    r.case("scalar_derivative");
    cases::scalar_derivative(r);
    for n in cases::ROSENBROCK_SIZES {
        r.case(&format!("rosenbrock_gradient/n={n}"));
        cases::rosenbrock_gradient(r, n);
    }
    r.case(&format!("ackley_gradient/n={}", cases::ACKLEY_N));
    cases::ackley_gradient(r);
    r.case(&format!("ackley_hessian/n={}", cases::ACKLEY_N));
    cases::ackley_hessian(r);
    r.case("rosenbrock_hessian/n=2");
    cases::rosenbrock_hessian::<2>(r);
    r.case("rosenbrock_hessian/n=10");
    cases::rosenbrock_hessian::<10>(r);
    r.case("small_jacobian/m=2,n=3");
    cases::small_jacobian(r);
    r.case(&format!("chebyquad_jacobian/n={}", cases::CHEBYQUAD_N));
    cases::chebyquad_jacobian(r);
    r.case("driver_forms/gradient (Rosenbrock n=100, DualVec64<8>)");
    cases::gradient_forms(r);
    r.case("driver_forms/jacobian (Chebyquad n=64, DualVec64<8>)");
    cases::jacobian_forms(r);
    r.case("driver_forms/hessian (Ackley n=10, HyperDual64)");
    cases::hessian_forms(r);
    r.case("driver_forms/jvp (Chebyquad n=64, Dual64)");
    cases::jvp_forms(r);
    r.case("driver_forms/hvp (Ackley n=10, HyperDual64)");
    cases::hvp_forms(r);
}
