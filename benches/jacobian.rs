//! Jacobians.
//!
//! - `small_jacobian/m=2,n=3`: `(x·y·e^z − sin(x·z), ln(1+x²+y²) + y·z²)`;
//! - `chebyquad_jacobian/n=64`: Chebyquad with m = n = 64, a dense Jacobian.
//!
//! dualdiff's `jacobian` on `Dual64` and `DualVec64<N>`, num-dual's `jacobian` on `DualSVec64<n>`
//! (one pass), the analytic Jacobian and `finite::jacobian_central`.
//!
//! Run with `cargo bench --bench jacobian`.

mod common;

use common::{bench_case, cases, config};
use criterion::{Criterion, criterion_group, criterion_main};

fn small_jacobian(c: &mut Criterion) {
    bench_case(c, "small_jacobian/m=2,n=3", |_| {}, cases::small_jacobian);
}

fn chebyquad_jacobian(c: &mut Criterion) {
    let name = format!("chebyquad_jacobian/n={}", cases::CHEBYQUAD_N);
    bench_case(c, &name, |_| {}, cases::chebyquad_jacobian);
}

criterion_group! {
    name = benches;
    config = config();
    targets = small_jacobian, chebyquad_jacobian
}
criterion_main!(benches);
