//! The scalar derivative of a transcendental composite
//! (`e^(sin x)·√(x²+1) + ln(x²+2)·atan x`) — plain `f64`, the hand-written derivative, dualdiff's
//! `derivative` on `Dual64`, num-dual's `first_derivative`, and `finite::central`.
//!
//! Run with `cargo bench --bench derivative`.

mod common;

use common::{bench_case, cases, config};
use criterion::{Criterion, criterion_group, criterion_main};

fn scalar_derivative(c: &mut Criterion) {
    bench_case(c, "scalar_derivative", |_| {}, cases::scalar_derivative);
}

criterion_group! {
    name = benches;
    config = config();
    targets = scalar_derivative
}
criterion_main!(benches);
