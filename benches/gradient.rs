//! Gradients.
//!
//! - `rosenbrock_gradient/n={2,10,100,1000}`: the extended Rosenbrock function, with dualdiff's
//!   `gradient` on `Dual64` (n passes) and `DualVec64<4|8|16>` (⌈n/N⌉ passes), num-dual's
//!   `gradient` (all n partials in one pass; fixed-size for n ≤ 100, heap-allocated and
//!   `Gradients` on `Dyn` for n ≥ 100), the analytic gradient and `finite::gradient_central`;
//! - `ackley_gradient/n=10`: the same methods on a transcendental function.
//!
//! Run with `cargo bench --bench gradient`, or e.g. `cargo bench --bench gradient -- 'n=100/'`.

mod common;

use common::{bench_case, cases, config};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

fn rosenbrock_gradient(c: &mut Criterion) {
    for n in cases::ROSENBROCK_SIZES {
        bench_case(
            c,
            &format!("rosenbrock_gradient/n={n}"),
            |g| {
                // Milliseconds per call: flat sampling keeps the group inside its time budget.
                if n >= 1000 {
                    g.sampling_mode(SamplingMode::Flat);
                }
            },
            |r| cases::rosenbrock_gradient(r, n),
        );
    }
}

fn ackley_gradient(c: &mut Criterion) {
    let name = format!("ackley_gradient/n={}", cases::ACKLEY_N);
    bench_case(c, &name, |_| {}, cases::ackley_gradient);
}

criterion_group! {
    name = benches;
    config = config();
    targets = rosenbrock_gradient, ackley_gradient
}
criterion_main!(benches);
