//! Parallel chunks of columns (feature `rayon`): `gradient_par` and `jacobian_par` against the
//! serial `gradient` and `jacobian` on an expensive function of n = 1000 variables.
//!
//! Each term of `f` costs a few dozen transcendental calls, so one evaluation takes tens of
//! microseconds and the 63 chunks of `DualVec64<16>` are worth spreading over threads.
//!
//! Run with `cargo bench --features rayon --bench parallel`.

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use dualdiff::{DualVec64, gradient, gradient_par, jacobian, jacobian_par};
use num_traits::Float;
use std::hint::black_box;
use std::time::Duration;

const N: usize = 1000;

/// A smooth function whose every term mixes neighbours through several transcendental calls.
fn expensive<T: Float>(x: &[T]) -> T {
    let n = x.len();
    (0..n).fold(T::zero(), |acc, i| {
        let (a, b) = (x[i], x[(i + 1) % n]);
        let mut t = a;
        for _ in 0..4 {
            t = (t.sin() * b).exp().ln_1p() + (a * b).atan();
        }
        acc + t
    })
}

/// The residuals of [`expensive`]'s terms, one per variable (a banded Jacobian, computed dense).
fn expensive_residuals<T: Float>(x: &[T]) -> Vec<T> {
    let n = x.len();
    (0..n)
        .map(|i| {
            let (a, b) = (x[i], x[(i + 1) % n]);
            (a.sin() * b).exp().ln_1p() + (a * b).atan()
        })
        .collect()
}

fn point() -> Vec<f64> {
    (0..N).map(|i| (i as f64 * 0.37).sin()).collect()
}

fn bench(c: &mut Criterion) {
    let x = point();
    // The parallel and serial drivers must agree bit for bit before anything is timed.
    assert_eq!(
        gradient(expensive::<DualVec64<16>>, &x),
        gradient_par(expensive::<DualVec64<16>>, &x)
    );
    let mut g = c.benchmark_group("parallel/n=1000");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4));
    g.bench_function("gradient_serial_DualVec16", |b| {
        b.iter(|| gradient(expensive::<DualVec64<16>>, black_box(&x)))
    });
    g.bench_function("gradient_par_DualVec16", |b| {
        b.iter(|| gradient_par(expensive::<DualVec64<16>>, black_box(&x)))
    });
    g.bench_function("jacobian_serial_DualVec16", |b| {
        b.iter(|| jacobian(expensive_residuals::<DualVec64<16>>, black_box(&x)))
    });
    g.bench_function("jacobian_par_DualVec16", |b| {
        b.iter(|| jacobian_par(expensive_residuals::<DualVec64<16>>, black_box(&x)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
