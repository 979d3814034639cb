//! Sparse Jacobians: colored compressed evaluation against the dense column-by-column driver.
//!
//! The residual is the Broyden banded function (Moré, Garbow & Hillstrom, "Testing
//! Unconstrained Optimization Software", ACM TOMS 7(1), 1981, problem 31):
//! `F_i = x_i(2 + 5x_i²) + 1 − Σ_{j ∈ J_i} x_j(1 + x_j)`, `J_i = {j ≠ i : i − 5 ≤ j ≤ i + 1}`,
//! a band of 5 sub- and 1 superdiagonal, at `n = 10 000`. Its column coloring has 7 colors, so
//! one pass of `DualVec64<8>` gives the whole Jacobian; the dense `jacobian` with
//! `DualVec64<16>` takes 625 passes (and fills a 10 000 × 10 000 matrix).
//!
//! Group `banded_jacobian/n=10000`:
//! - `f64`: the residual alone, the unit of cost;
//! - `sparse_prepared_into`: `SparseJacobian::jacobian_into` (pattern and coloring kept, no
//!   allocation) — the cost inside a Newton solver;
//! - `sparse_one_shot`: `sparse_jacobian` (detection + coloring + evaluation);
//! - `detect_and_color`: `SparseJacobian::detect` alone;
//! - `dense_dualvec16`: `jacobian` with `DualVec64<16>` (10 samples: about a second each).
//!
//! Group `chained_rosenbrock_hessian/n=200`: the Hessian of `Σ 100(x_{i+1} − x_i²)² + (1 − x_i)²`
//! (tridiagonal, 3 star colors):
//! - `sparse_prepared_into`: `SparseHessian::hessian_into` on `DualVec<DualVec64<4>, 8>`
//!   (25 evaluations: 8 rows × all 3 colors each);
//! - `sparse_one_shot`: `sparse_hessian` (detection, star coloring, `Dual2Vec64<8>`);
//! - `dense_dual2vec16`: `hessian` on `Dual2Vec64<16>` (300 evaluations of blocks of 8 × 8).
//!
//! The number of colors and passes is printed first; every method is checked once against the
//! dense result before timing. Run with `cargo bench --bench sparse`.

use criterion::{Criterion, criterion_group, criterion_main};
use dualdiff::{
    Dual2Vec64, DualVec, DualVec64, Real, ScalarFunction, SparseHessian, SparseJacobian,
    SparsityTracer, VectorFunction, hessian, jacobian, sparse_hessian, sparse_jacobian,
};
use num_traits::Float;
use std::hint::black_box;
use std::time::Duration;

const N: usize = 10_000;
/// Sub- and superdiagonals of the Broyden banded function.
const LOWER: usize = 5;
const UPPER: usize = 1;

/// The Broyden banded residual, written into `out`.
fn broyden_banded_into<T: Float>(x: &[T], out: &mut [T]) {
    let n = x.len();
    let (one, two, five) = (T::one(), T::from(2.0).unwrap(), T::from(5.0).unwrap());
    for (i, fi) in out.iter_mut().enumerate() {
        let mut s = x[i] * (two + five * x[i] * x[i]) + one;
        let first = i.saturating_sub(LOWER);
        for (j, &xj) in x.iter().enumerate().take(n.min(i + UPPER + 1)).skip(first) {
            if j != i {
                s = s - xj * (one + xj);
            }
        }
        *fi = s;
    }
}

fn broyden_banded<T: Float>(x: &[T]) -> Vec<T> {
    let mut out = vec![T::zero(); x.len()];
    broyden_banded_into(x, &mut out);
    out
}

struct BroydenBanded;

impl<T: Real> VectorFunction<T> for BroydenBanded {
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> Vec<D> {
        broyden_banded(x)
    }
}

fn start() -> Vec<f64> {
    // the standard starting point is −1; vary it so no entry is special
    (0..N).map(|i| -1.0 + 1e-4 * (i % 97) as f64).collect()
}

fn banded_jacobian(c: &mut Criterion) {
    let x = start();
    let prepared = SparseJacobian::detect(broyden_banded::<SparsityTracer>, &x);
    println!(
        "banded_jacobian/n={N}: {} nonzeros, {} colors; passes: sparse {} (DualVec64<8>), \
         dense {} (DualVec64<16>)",
        prepared.sparsity().nnz(),
        prepared.num_colors(),
        prepared.passes(8),
        N.div_ceil(16),
    );
    assert_eq!(prepared.num_colors(), LOWER + UPPER + 1);

    // Check every method once against the dense driver.
    let (dense_fx, dense) = jacobian(broyden_banded::<DualVec64<16>>, &x);
    let (fx, sparse) = sparse_jacobian(&BroydenBanded, &x);
    assert_eq!(fx, dense_fx);
    assert_eq!(sparse.nnz(), prepared.sparsity().nnz());
    for (i, j, &v) in sparse.triplet_iter() {
        assert!(
            (v - dense[(i, j)]).abs() <= 1e-14 * v.abs().max(1.0),
            "({i}, {j})"
        );
    }
    let dense_nonzeros = dense.iter().filter(|v| **v != 0.0).count();
    assert_eq!(dense_nonzeros, sparse.nnz());
    drop(dense);

    let mut work = vec![DualVec64::<8>::default(); N];
    let mut out = vec![DualVec64::<8>::default(); N];
    let mut values = vec![0.0; N];
    let mut jac = prepared.zeros::<f64>();
    prepared.jacobian_into(
        broyden_banded_into,
        &x,
        &mut work,
        &mut out,
        &mut values,
        &mut jac,
    );
    assert_eq!(jac, sparse);

    let mut group = c.benchmark_group(format!("banded_jacobian/n={N}"));
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let mut plain = vec![0.0; N];
    group.bench_function("f64", |b| {
        b.iter(|| broyden_banded_into(black_box(&x), &mut plain));
    });
    group.bench_function("sparse_prepared_into", |b| {
        b.iter(|| {
            prepared.jacobian_into(
                broyden_banded_into,
                black_box(&x),
                &mut work,
                &mut out,
                &mut values,
                &mut jac,
            );
        });
    });
    group.bench_function("sparse_one_shot", |b| {
        b.iter(|| sparse_jacobian(&BroydenBanded, black_box(&x)));
    });
    group.bench_function("detect_and_color", |b| {
        b.iter(|| SparseJacobian::detect(broyden_banded::<SparsityTracer>, black_box(&x)));
    });
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("dense_dualvec16", |b| {
        b.iter(|| jacobian(broyden_banded::<DualVec64<16>>, black_box(&x)));
    });
    group.finish();
}

/// The chained Rosenbrock function.
fn chained_rosenbrock<T: Float>(x: &[T]) -> T {
    let hundred = T::from(100.0).unwrap();
    x.windows(2).fold(T::zero(), |s, w| {
        s + hundred * (w[1] - w[0] * w[0]).powi(2) + (T::one() - w[0]).powi(2)
    })
}

struct ChainedRosenbrock;

impl<T: Real> ScalarFunction<T> for ChainedRosenbrock {
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> D {
        chained_rosenbrock(x)
    }
}

fn banded_hessian(c: &mut Criterion) {
    const N: usize = 200;
    type Nested = DualVec<DualVec64<4>, 8>;
    let x: Vec<f64> = (0..N).map(|i| -1.2 + 0.01 * (i % 13) as f64).collect();
    let prepared = SparseHessian::detect(chained_rosenbrock::<SparsityTracer>, &x);
    println!(
        "chained_rosenbrock_hessian/n={N}: {} nonzeros, {} star colors; evaluations: sparse {} \
         (DualVec<DualVec64<4>, 8>), dense {} (Dual2Vec64<16>)",
        prepared.sparsity().nnz(),
        prepared.num_colors(),
        prepared.passes::<Nested>(),
        (N / 8) * (N / 8 - 1) / 2,
    );
    let (_, _, dense) = hessian(chained_rosenbrock::<Dual2Vec64<16>>, &x);
    let (_, _, sparse) = sparse_hessian(&ChainedRosenbrock, &x);
    let (_, _, prepared_result) = prepared.hessian(chained_rosenbrock::<Nested>, &x);
    for h in [&sparse, &prepared_result] {
        assert_eq!(h.nnz(), 3 * N - 2);
        for (i, j, &v) in h.triplet_iter() {
            assert!(
                (v - dense[(i, j)]).abs() <= 1e-12 * v.abs().max(1.0),
                "({i}, {j})"
            );
        }
    }

    let mut work = vec![Nested::default(); N];
    let mut grad = vec![0.0; N];
    let mut hess = prepared.zeros::<f64>();
    let mut group = c.benchmark_group(format!("chained_rosenbrock_hessian/n={N}"));
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("sparse_prepared_into", |b| {
        b.iter(|| {
            prepared.hessian_into(
                chained_rosenbrock::<Nested>,
                black_box(&x),
                &mut work,
                &mut grad,
                &mut hess,
            )
        });
    });
    group.bench_function("sparse_one_shot", |b| {
        b.iter(|| sparse_hessian(&ChainedRosenbrock, black_box(&x)));
    });
    group.sample_size(10);
    group.bench_function("dense_dual2vec16", |b| {
        b.iter(|| hessian(chained_rosenbrock::<Dual2Vec64<16>>, black_box(&x)));
    });
    group.finish();
}

criterion_group!(benches, banded_jacobian, banded_hessian);
criterion_main!(benches);
