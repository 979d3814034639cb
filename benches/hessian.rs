//! Hessians.
//!
//! dualdiff's `hessian` on `HyperDual64` (n(n+1)/2 passes), dualdiff nested (`jacobian` of a
//! `gradient` on `DualVec<DualVec64<N>, N>`, one pass when N ≥ n), num-dual's `hessian` on
//! `Dual2SVec64<N>` (one pass) and its `Gradients::hessian` on `Dyn` (n² passes of `HyperDual64`),
//! the analytic Hessian, and central differences of the analytic gradient.
//!
//! - `ackley_hessian/n=10`
//! - `rosenbrock_hessian/n=2`, `rosenbrock_hessian/n=10`
//!
//! Run with `cargo bench --bench hessian`.

mod common;

use common::{bench_case, cases, config};
use criterion::{Criterion, criterion_group, criterion_main};

fn ackley_hessian(c: &mut Criterion) {
    let name = format!("ackley_hessian/n={}", cases::ACKLEY_N);
    bench_case(c, &name, |_| {}, cases::ackley_hessian);
}

fn rosenbrock_hessian(c: &mut Criterion) {
    bench_case(
        c,
        "rosenbrock_hessian/n=2",
        |_| {},
        cases::rosenbrock_hessian::<2>,
    );
    bench_case(
        c,
        "rosenbrock_hessian/n=10",
        |_| {},
        cases::rosenbrock_hessian::<10>,
    );
}

criterion_group! {
    name = benches;
    config = config();
    targets = ackley_hessian, rosenbrock_hessian
}
criterion_main!(benches);
