//! The driver forms: each allocating driver against its `_into` twin, whose buffers are allocated
//! once outside the timed loop (the analytic derivative and the primal give the scale).
//!
//! - `driver_forms/gradient`: Rosenbrock, n = 100, `DualVec64<8>`;
//! - `driver_forms/jacobian`: Chebyquad, n = 64, `DualVec64<8>`;
//! - `driver_forms/hessian`: Ackley, n = 10, `HyperDual64`;
//! - `driver_forms/jvp`: Chebyquad, n = 64, `Dual64`;
//! - `driver_forms/hvp`: Ackley, n = 10, `HyperDual64`.
//!
//! Run with `cargo bench --bench drivers`.

mod common;

use common::{bench_case, cases, config};
use criterion::{Criterion, criterion_group, criterion_main};

fn driver_forms(c: &mut Criterion) {
    bench_case(c, "driver_forms/gradient", |_| {}, cases::gradient_forms);
    bench_case(c, "driver_forms/jacobian", |_| {}, cases::jacobian_forms);
    bench_case(c, "driver_forms/hessian", |_| {}, cases::hessian_forms);
    bench_case(c, "driver_forms/jvp", |_| {}, cases::jvp_forms);
    bench_case(c, "driver_forms/hvp", |_| {}, cases::hvp_forms);
}

criterion_group! {
    name = benches;
    config = config();
    targets = driver_forms
}
criterion_main!(benches);
