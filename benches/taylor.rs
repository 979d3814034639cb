//! Higher derivatives of a transcendental function, `f(x) = eˣ·sin x` at `x = 0.7`: every
//! derivative up to order `n` from one pass on `Taylor64<n>`, from nested duals
//! (`Dual<Dual<…<Dual64>>>`, `n` levels, `2ⁿ` parts), and from the closed form
//! `f⁽ᵏ⁾(x) = 2^(k/2)·eˣ·sin(x + kπ/4)`, with the plain `f64` evaluation as the baseline.
//!
//! Groups: `taylor_order5` and `taylor_order10`, each with all three methods (ten nested
//! levels are 1024 parts per number: slow to run, but they compile in seconds). Every method
//! is checked once against the closed form before it is timed.
//!
//! Run with `cargo bench --bench taylor`.

mod common;

use common::{Kind, Runner, bench_case, config};
use criterion::{Criterion, criterion_group, criterion_main};
use dualdiff::{Dual, Real, Taylor64, taylor_derivatives};
use num_traits::Float;
use std::f64::consts::FRAC_PI_4;
use std::hint::black_box;

/// The evaluation point.
const X: f64 = 0.7;

/// The function, generic over the number type.
fn f<F: Float>(x: F) -> F {
    x.exp() * x.sin()
}

/// The closed form: `[f'(x), …, f⁽ᴺ⁾(x)]`, `f⁽ᵏ⁾(x) = 2^(k/2)·eˣ·sin(x + kπ/4)`.
fn analytic<const N: usize>(x: f64) -> [f64; N] {
    let e = x.exp();
    let mut out = [0.0; N];
    let mut scale = 1.0;
    for (k, d) in (1u8..).zip(&mut out) {
        scale *= std::f64::consts::SQRT_2;
        *d = scale * e * (x + f64::from(k) * FRAC_PI_4).sin();
    }
    out
}

/// A nesting of duals: seeded at `x + ε₁ + … + εₙ`, its parts along one path of `ε`s are the
/// derivatives `f, f', …, f⁽ⁿ⁾`.
trait Nested: Real {
    /// The variable `x` at every level.
    fn seed(x: f64) -> Self;
    /// Returns the value.
    fn value(&self) -> f64;
    /// Writes the derivatives of orders `1..` into `out` (one per level).
    fn derivatives(&self, out: &mut [f64]);
}

impl Nested for f64 {
    fn seed(x: f64) -> Self {
        x
    }

    fn value(&self) -> f64 {
        *self
    }

    fn derivatives(&self, _: &mut [f64]) {}
}

impl<D: Nested> Nested for Dual<D> {
    fn seed(x: f64) -> Self {
        Dual::new(D::seed(x), D::one())
    }

    fn value(&self) -> f64 {
        self.re.value()
    }

    fn derivatives(&self, out: &mut [f64]) {
        // eps is the derivative of f, carried to one order less
        out[0] = self.eps.value();
        self.eps.derivatives(&mut out[1..]);
    }
}

type Nested5 = Dual<Dual<Dual<Dual<Dual<f64>>>>>;
type Nested10 = Dual<Dual<Dual<Dual<Dual<Nested5>>>>>;

/// Benchmarks all the derivatives up to order `N` by each method; `D` nests `N` duals.
fn case<const N: usize, D: Nested>(r: &mut impl Runner) {
    r.primal("f64_primal", || f(black_box(X)));
    r.run(
        "analytic",
        Kind::Analytic,
        || analytic::<N>(black_box(X)),
        |d| d.to_vec(),
    );
    r.run(
        &format!("dualdiff_Taylor64<{N}>"),
        Kind::Exact,
        || taylor_derivatives(f::<Taylor64<N>>, black_box(X)),
        |(_, d)| d.to_vec(),
    );
    r.run(
        &format!("dualdiff_nested_Dual^{N}"),
        Kind::Exact,
        || {
            let y = f(D::seed(black_box(X)));
            let mut d = [0.0; N];
            y.derivatives(&mut d);
            (y.value(), d)
        },
        |(_, d)| d.to_vec(),
    );
}

fn taylor_order5(c: &mut Criterion) {
    bench_case(c, "taylor_order5", |_| {}, case::<5, Nested5>);
}

fn taylor_order10(c: &mut Criterion) {
    bench_case(c, "taylor_order10", |_| {}, case::<10, Nested10>);
}

criterion_group! {
    name = benches;
    config = config();
    targets = taylor_order5, taylor_order10
}
criterion_main!(benches);
