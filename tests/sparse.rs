//! Sparsity detection, coloring and compressed sparse Jacobians and Hessians.
//!
//! References are independent of the code under test: closed-form Jacobians and Hessians written
//! out here (Bratu, the 5-point Laplacian, the chained Rosenbrock function), patterns written out
//! by hand, and the dense drivers `jacobian` and `hessian`, which seed one input per direction
//! and share nothing with the tracer, the colorings or the compressed recovery.
#![cfg(feature = "sparse")]

mod common;

use common::{assert_close, assert_vec_close};
use dualdiff::sparse::{Coloring, column_coloring, star_coloring};
use dualdiff::{
    Dual2Vec, DualVec, DualVec64, HyperDual64, Real, ScalarFunction, SparseHessian, SparseJacobian,
    Sparsity, SparsityTracer, VectorFunction, hessian, hessian_sparsity, jacobian,
    jacobian_sparsity, sparse_hessian, sparse_jacobian,
};
use nalgebra::DMatrix;
use nalgebra_sparse::CscMatrix;
use num_traits::{Float, FloatConst, Zero};

// ----- helpers -----

/// Converts an `f64` constant.
fn c<T: Float>(v: f64) -> T {
    T::from(v).unwrap()
}

/// A small deterministic generator (xorshift), so the tests need no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `[lo, hi)`.
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn point(&mut self, n: usize) -> Vec<f64> {
        (0..n).map(|_| self.uniform(-1.0, 1.0)).collect()
    }
}

/// Asserts that `sparse` holds `reference` exactly where the pattern has entries (to `tol`),
/// and that `reference` is exactly zero everywhere else (the pattern covers every nonzero).
#[track_caller]
fn assert_matches_dense(sparse: &CscMatrix<f64>, reference: &DMatrix<f64>, tol: f64) {
    assert_eq!((sparse.nrows(), sparse.ncols()), reference.shape());
    let mut stored = DMatrix::from_element(sparse.nrows(), sparse.ncols(), false);
    for (i, j, &v) in sparse.triplet_iter() {
        stored[(i, j)] = true;
        assert_close(v, reference[(i, j)], tol);
    }
    for j in 0..reference.ncols() {
        for i in 0..reference.nrows() {
            if !stored[(i, j)] {
                assert_eq!(
                    reference[(i, j)],
                    0.0,
                    "nonzero ({i}, {j}) outside the pattern"
                );
            }
        }
    }
}

/// Asserts that no two columns of one color share a row.
#[track_caller]
fn assert_structurally_orthogonal(pattern: &Sparsity, coloring: &Coloring) {
    let mut rows_seen = vec![Vec::new(); pattern.nrows()];
    for (i, j) in pattern.entries() {
        rows_seen[i].push(coloring.color(j));
    }
    for (i, colors) in rows_seen.iter_mut().enumerate() {
        let len = colors.len();
        colors.sort_unstable();
        colors.dedup();
        assert_eq!(colors.len(), len, "row {i} has two columns of one color");
    }
}

/// The pattern of an n×n band with `lower` sub- and `upper` superdiagonals.
fn band(n: usize, lower: usize, upper: usize) -> Sparsity {
    Sparsity::from_entries(
        n,
        n,
        (0..n).flat_map(|i| (i.saturating_sub(lower)..n.min(i + upper + 1)).map(move |j| (i, j))),
    )
}

// ----- problems -----

/// 1-D Bratu, `u'' + λeᵘ = 0` on (0, 1), `u(0) = u(1) = 0`, central differences:
/// `F_i = x_{i−1} − 2x_i + x_{i+1} + h²λe^{x_i}`, `h = 1/(n + 1)`.
fn bratu<T: Float>(x: &[T], lambda: f64) -> Vec<T> {
    let n = x.len();
    let h2 = c::<T>((1.0 / (n + 1) as f64).powi(2) * lambda);
    (0..n)
        .map(|i| {
            let left = if i > 0 { x[i - 1] } else { T::zero() };
            let right = if i + 1 < n { x[i + 1] } else { T::zero() };
            left - c::<T>(2.0) * x[i] + right + h2 * x[i].exp()
        })
        .collect()
}

/// The Jacobian of [`bratu`], written out: `−2 + h²λe^{x_i}` on the diagonal, 1 beside it.
fn bratu_jacobian(x: &[f64], lambda: f64) -> DMatrix<f64> {
    let n = x.len();
    let h2 = (1.0 / (n + 1) as f64).powi(2) * lambda;
    DMatrix::from_fn(n, n, |i, j| match i.abs_diff(j) {
        0 => -2.0 + h2 * x[i].exp(),
        1 => 1.0,
        _ => 0.0,
    })
}

struct Bratu;

impl<T: Real> VectorFunction<T> for Bratu {
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> Vec<D> {
        bratu(x, 1.0)
    }
}

/// 2-D Bratu on a k×k grid (5-point Laplacian), unknown `(a, b)` at index `a·k + b`:
/// `F = u_W + u_E + u_S + u_N − 4u + h²λeᵘ`.
fn bratu_2d<T: Float>(u: &[T], k: usize, lambda: f64) -> Vec<T> {
    let h2 = c::<T>((1.0 / (k + 1) as f64).powi(2) * lambda);
    let at = |a: isize, b: isize| {
        if (0..k as isize).contains(&a) && (0..k as isize).contains(&b) {
            u[a as usize * k + b as usize]
        } else {
            T::zero()
        }
    };
    let mut out = Vec::with_capacity(k * k);
    for a in 0..k as isize {
        for b in 0..k as isize {
            let centre = at(a, b);
            out.push(
                at(a - 1, b) + at(a + 1, b) + at(a, b - 1) + at(a, b + 1) - c::<T>(4.0) * centre
                    + h2 * centre.exp(),
            );
        }
    }
    out
}

/// The entries of the 5-point stencil on a k×k grid, and the Jacobian of [`bratu_2d`].
fn laplacian_entries(k: usize) -> Vec<(usize, usize)> {
    let mut entries = Vec::new();
    for a in 0..k {
        for b in 0..k {
            let i = a * k + b;
            entries.push((i, i));
            if a > 0 {
                entries.push((i, i - k));
            }
            if a + 1 < k {
                entries.push((i, i + k));
            }
            if b > 0 {
                entries.push((i, i - 1));
            }
            if b + 1 < k {
                entries.push((i, i + 1));
            }
        }
    }
    entries
}

fn bratu_2d_jacobian(u: &[f64], k: usize, lambda: f64) -> DMatrix<f64> {
    let h2 = (1.0 / (k + 1) as f64).powi(2) * lambda;
    let mut j = DMatrix::zeros(k * k, k * k);
    for (r, col) in laplacian_entries(k) {
        j[(r, col)] = if r == col {
            -4.0 + h2 * u[r].exp()
        } else {
            1.0
        };
    }
    j
}

/// A nonlinear banded residual with `lower` sub- and `upper` superdiagonals:
/// `F_i = Σ_{k = −lower}^{upper} (k + 3)·sin(x_{i+k})·x_i + x_i³`.
fn banded<T: Float>(x: &[T], lower: usize, upper: usize) -> Vec<T> {
    let n = x.len();
    (0..n)
        .map(|i| {
            let mut s = x[i].powi(3);
            for j in i.saturating_sub(lower)..n.min(i + upper + 1) {
                let weight = c::<T>(j as f64 - i as f64 + 3.0);
                s = s + weight * x[j].sin() * x[i];
            }
            s
        })
        .collect()
}

/// Arrowhead: `F₀ = Σ x_j²`, `F_i = x₀·x_i + x_i³`: a dense first row and column.
fn arrowhead<T: Float>(x: &[T]) -> Vec<T> {
    let first = x.iter().fold(T::zero(), |s, &v| s + v * v);
    core::iter::once(first)
        .chain(x[1..].iter().map(|&xi| x[0] * xi + xi.powi(3)))
        .collect()
}

/// Block diagonal, blocks of `size`: `F_i = Π_{j in block} (1 + x_j/4) + sin x_i`.
fn block_diagonal<T: Float>(x: &[T], size: usize) -> Vec<T> {
    (0..x.len())
        .map(|i| {
            let start = i - i % size;
            let block = &x[start..x.len().min(start + size)];
            block
                .iter()
                .fold(T::one(), |p, &v| p * (T::one() + v / c(4.0)))
                + x[i].sin()
        })
        .collect()
}

/// A residual with a random pattern `rows[i]`: `F_i = Σ_{j in rows[i]} wᵢⱼ·g(x_j)·x_{first}`,
/// with `g` cycling over a few nonlinear functions.
fn random_residual<T: Float>(x: &[T], rows: &[Vec<(usize, f64)>]) -> Vec<T> {
    rows.iter()
        .map(|row| {
            row.iter().enumerate().fold(T::zero(), |s, (k, &(j, w))| {
                let g = match k % 4 {
                    0 => x[j].exp(),
                    1 => x[j].sin(),
                    2 => x[j] * x[j],
                    _ => (x[j] * x[j] + T::one()).sqrt(),
                };
                s + c::<T>(w) * g
            })
        })
        .collect()
}

fn random_rows(rng: &mut Rng, m: usize, n: usize, per_row: usize) -> Vec<Vec<(usize, f64)>> {
    (0..m)
        .map(|_| {
            (0..1 + rng.below(per_row))
                .map(|_| (rng.below(n), rng.uniform(0.5, 2.0)))
                .collect()
        })
        .collect()
}

/// The chained Rosenbrock function `Σ 100(x_{i+1} − x_i²)² + (1 − x_i)²`.
fn chained_rosenbrock<T: Float>(x: &[T]) -> T {
    x.windows(2).fold(T::zero(), |s, w| {
        s + c::<T>(100.0) * (w[1] - w[0] * w[0]).powi(2) + (T::one() - w[0]).powi(2)
    })
}

/// Its Hessian, written out: tridiagonal with
/// `H_ii = 1200x_i² − 400x_{i+1} + 2` (i < n−1) `+ 200` (i > 0), `H_{i,i+1} = −400x_i`.
fn chained_rosenbrock_hessian(x: &[f64]) -> DMatrix<f64> {
    let n = x.len();
    let mut h = DMatrix::zeros(n, n);
    for i in 0..n {
        if i + 1 < n {
            h[(i, i)] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
            h[(i, i + 1)] = -400.0 * x[i];
            h[(i + 1, i)] = -400.0 * x[i];
        }
        if i > 0 {
            h[(i, i)] += 200.0;
        }
    }
    h
}

struct ChainedRosenbrock;

impl<T: Real> ScalarFunction<T> for ChainedRosenbrock {
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> D {
        chained_rosenbrock(x)
    }
}

// ----- Jacobians against closed forms -----

#[test]
fn bratu_jacobian_matches_the_closed_form() {
    let mut rng = Rng(1);
    for n in [1, 2, 3, 10, 257] {
        let x = rng.point(n);
        let prepared = SparseJacobian::detect(|v: &[SparsityTracer]| bratu(v, 1.0), &x);
        assert_eq!(*prepared.sparsity(), band(n, 1, 1), "n = {n}");
        assert_eq!(prepared.num_colors(), n.min(3), "n = {n}");
        let (fx, j) = prepared.jacobian(|v: &[DualVec64<4>]| bratu(v, 1.0), &x);
        assert_eq!(fx, bratu(&x, 1.0));
        assert_matches_dense(&j, &bratu_jacobian(&x, 1.0), 1e-14);
    }
}

#[test]
fn bratu_jacobian_from_sparse_jacobian_and_width_one() {
    let x = Rng(2).point(100);
    let (fx, j) = sparse_jacobian(&Bratu, &x);
    assert_eq!(fx, bratu(&x, 1.0));
    assert_matches_dense(&j, &bratu_jacobian(&x, 1.0), 1e-14);
    // one color per pass: three passes of `DualVec64<1>`
    let prepared = SparseJacobian::new(band(100, 1, 1));
    assert_eq!(prepared.passes(1), 3);
    let (_, j1) = prepared.jacobian(|v: &[DualVec64<1>]| bratu(v, 1.0), &x);
    assert_eq!(j1, j);
}

#[test]
fn laplacian_jacobian_matches_the_closed_form() {
    let k = 12;
    let x = Rng(3).point(k * k);
    let expected = Sparsity::from_entries(k * k, k * k, laplacian_entries(k));
    let pattern = jacobian_sparsity(|v: &[SparsityTracer]| bratu_2d(v, k, 6.0), &x);
    assert_eq!(pattern, expected);
    let prepared = SparseJacobian::new(pattern);
    // at least the 5 entries of a row; the distance-2 chromatic number of the grid is 5
    let colors = prepared.num_colors();
    assert!((5..=8).contains(&colors), "{colors} colors");
    assert_structurally_orthogonal(prepared.sparsity(), prepared.coloring());
    let (fx, j) = prepared.jacobian(|v: &[DualVec64<8>]| bratu_2d(v, k, 6.0), &x);
    assert_eq!(prepared.passes(8), 1);
    assert_eq!(fx, bratu_2d(&x, k, 6.0));
    assert_matches_dense(&j, &bratu_2d_jacobian(&x, k, 6.0), 1e-14);
}

#[test]
fn jacobian_into_reuses_its_buffers_at_new_points() {
    let n = 40;
    let mut rng = Rng(4);
    let prepared = SparseJacobian::detect(|v: &[SparsityTracer]| bratu(v, 1.0), &vec![0.0; n]);
    let mut work = vec![DualVec64::<2>::default(); n];
    let mut out = vec![DualVec64::<2>::default(); n];
    let mut values = vec![0.0; n];
    let mut jac = prepared.zeros();
    let f = |v: &[DualVec64<2>], y: &mut [DualVec64<2>]| y.copy_from_slice(&bratu(v, 1.0));
    for _ in 0..3 {
        let x = rng.point(n);
        prepared.jacobian_into(f, &x, &mut work, &mut out, &mut values, &mut jac);
        assert_eq!(values, bratu(&x, 1.0));
        assert_matches_dense(&jac, &bratu_jacobian(&x, 1.0), 1e-14);
    }
}

// ----- Jacobians against the dense driver -----

#[test]
fn banded_jacobians_match_the_dense_driver() {
    let mut rng = Rng(5);
    for (lower, upper) in [(0, 0), (1, 0), (0, 2), (2, 2), (2, 3), (5, 1)] {
        let n = 60;
        let x = rng.point(n);
        let f = |v: &[SparsityTracer]| banded(v, lower, upper);
        let prepared = SparseJacobian::detect(f, &x);
        assert_eq!(*prepared.sparsity(), band(n, lower, upper));
        assert_eq!(
            prepared.num_colors(),
            lower + upper + 1,
            "band ({lower}, {upper})"
        );
        let (fx, j) = prepared.jacobian(|v: &[DualVec64<4>]| banded(v, lower, upper), &x);
        let (dense_fx, dense) = jacobian(|v: &[DualVec64<8>]| banded(v, lower, upper), &x);
        assert_eq!(fx, dense_fx);
        assert_matches_dense(&j, &dense, 1e-14);
    }
}

#[test]
fn arrowhead_jacobian_needs_every_color_and_matches_the_dense_driver() {
    let n = 30;
    let x = Rng(6).point(n);
    let prepared = SparseJacobian::detect(arrowhead::<SparsityTracer>, &x);
    let expected = Sparsity::from_entries(n, n, (0..n).flat_map(|i| [(0, i), (i, 0), (i, i)]));
    assert_eq!(*prepared.sparsity(), expected);
    // the first row is dense: no two columns can share a color
    assert_eq!(prepared.num_colors(), n);
    let (_, j) = prepared.jacobian(arrowhead::<DualVec64<8>>, &x);
    let (_, dense) = jacobian(arrowhead::<DualVec64<8>>, &x);
    assert_matches_dense(&j, &dense, 1e-14);
}

#[test]
fn block_diagonal_jacobian_takes_one_color_per_block_column() {
    for (n, size) in [(40, 4), (41, 4), (9, 3), (5, 1)] {
        let x = Rng(7).point(n);
        let prepared = SparseJacobian::detect(|v: &[SparsityTracer]| block_diagonal(v, size), &x);
        let expected = Sparsity::from_entries(
            n,
            n,
            (0..n).flat_map(|i| {
                let start = i - i % size;
                (start..n.min(start + size)).map(move |j| (i, j))
            }),
        );
        assert_eq!(*prepared.sparsity(), expected);
        assert_eq!(prepared.num_colors(), size);
        let (_, j) = prepared.jacobian(|v: &[DualVec64<4>]| block_diagonal(v, size), &x);
        let (_, dense) = jacobian(|v: &[DualVec64<4>]| block_diagonal(v, size), &x);
        assert_matches_dense(&j, &dense, 1e-14);
    }
}

#[test]
fn random_patterns_are_detected_and_recovered() {
    let mut rng = Rng(8);
    for trial in 0..40 {
        let (m, n) = (1 + rng.below(50), 1 + rng.below(50));
        let rows = random_rows(&mut rng, m, n, 1 + trial % 6);
        let expected = Sparsity::from_entries(
            m,
            n,
            rows.iter()
                .enumerate()
                .flat_map(|(i, row)| row.iter().map(move |&(j, _)| (i, j))),
        );
        let x = rng.point(n);
        let prepared = SparseJacobian::detect(|v: &[SparsityTracer]| random_residual(v, &rows), &x);
        assert_eq!(*prepared.sparsity(), expected, "trial {trial}");
        assert_structurally_orthogonal(prepared.sparsity(), prepared.coloring());
        let widest_row = rows.iter().map(|r| {
            let mut js: Vec<_> = r.iter().map(|&(j, _)| j).collect();
            js.sort_unstable();
            js.dedup();
            js.len()
        });
        assert!(prepared.num_colors() >= widest_row.max().unwrap_or(0));
        let (fx, j) = prepared.jacobian(|v: &[DualVec64<4>]| random_residual(v, &rows), &x);
        let (dense_fx, dense) = jacobian(|v: &[DualVec64<4>]| random_residual(v, &rows), &x);
        assert_eq!(fx, dense_fx);
        assert_matches_dense(&j, &dense, 1e-13);
    }
}

#[test]
fn f32_jacobians_work_too() {
    let x: Vec<f32> = (0..20).map(|i| 0.05 * i as f32).collect();
    let (fx, j) = sparse_jacobian(&Bratu, &x);
    assert_eq!(fx, bratu(&x, 1.0));
    let x64: Vec<f64> = x.iter().map(|&v| f64::from(v)).collect();
    let reference = bratu_jacobian(&x64, 1.0);
    for (i, k, &v) in j.triplet_iter() {
        common::assert_close(v, reference[(i, k)] as f32, 1e-6);
    }
    assert_eq!(j.nnz(), 58);
}

// ----- Hessians -----

#[test]
fn chained_rosenbrock_hessian_matches_the_closed_form() {
    let mut rng = Rng(9);
    for n in [1, 2, 3, 4, 31, 200] {
        let x = rng.point(n);
        let prepared = SparseHessian::detect(chained_rosenbrock::<SparsityTracer>, &x);
        let expected = if n == 1 {
            Sparsity::from_entries(1, 1, [])
        } else {
            band(n, 1, 1)
        };
        assert_eq!(*prepared.sparsity(), expected, "n = {n}");
        assert!(prepared.num_colors() <= 3);
        let reference = chained_rosenbrock_hessian(&x);
        type Nested = DualVec<DualVec<f64, 4>, 8>;
        let (f, g, h) = prepared.hessian(chained_rosenbrock::<Nested>, &x);
        assert_eq!(f, chained_rosenbrock(&x));
        assert_matches_dense(&h, &reference, 1e-13);
        let (_, dense_g, _) = hessian(chained_rosenbrock::<HyperDual64>, &x);
        assert_vec_close(&g, &dense_g, 1e-14);
        // the one-shot driver, on Dual2Vec
        let (f2, g2, h2) = sparse_hessian(&ChainedRosenbrock, &x);
        assert_eq!((f2, &g2), (f, &g));
        assert_matches_dense(&h2, &reference, 1e-13);
    }
}

#[test]
fn tridiagonal_hessian_takes_three_star_colors() {
    let n = 100;
    let prepared = SparseHessian::detect(chained_rosenbrock::<SparsityTracer>, &vec![0.5; n]);
    assert_eq!(prepared.num_colors(), 3);
    // one chunk of colors, every row once: 100 / 8 evaluations
    assert_eq!(prepared.passes::<DualVec<DualVec<f64, 4>, 8>>(), 13);
}

/// Arrowhead energy `f = Σ_{i>0} x₀·x_i + Σ x_i⁴`: H has a dense first row/column and diagonal.
fn arrow_energy<T: Float>(x: &[T]) -> T {
    x.iter().skip(1).fold(T::zero(), |s, &xi| s + x[0] * xi)
        + x.iter().fold(T::zero(), |s, &xi| s + xi.powi(4))
}

#[test]
fn arrowhead_hessian_takes_two_star_colors() {
    let n = 40;
    let x = Rng(10).point(n);
    let prepared = SparseHessian::detect(arrow_energy::<SparsityTracer>, &x);
    let expected = Sparsity::from_entries(n, n, (0..n).flat_map(|i| [(0, i), (i, 0), (i, i)]));
    assert_eq!(*prepared.sparsity(), expected);
    assert_eq!(prepared.num_colors(), 2);
    // the column coloring of the same pattern ignores symmetry: n colors
    assert_eq!(column_coloring(prepared.sparsity()).num_colors(), n);
    type Nested = DualVec<DualVec<f64, 2>, 8>;
    let (_, _, h) = prepared.hessian(arrow_energy::<Nested>, &x);
    // written out: H₀₀ = 12x₀², H₀ᵢ = 1, Hᵢᵢ = 12xᵢ²
    let reference = DMatrix::from_fn(n, n, |i, j| {
        if i == j {
            12.0 * x[i] * x[i]
        } else if i == 0 || j == 0 {
            1.0
        } else {
            0.0
        }
    });
    assert_matches_dense(&h, &reference, 1e-14);
}

/// `f = Σ_{(i, j) in pairs} w·g(x_i)·h(x_j) + Σ_{i in singles} x_i³ + Σ linear`: a random sparse
/// Hessian (the linear terms add nothing).
fn random_energy<T: Float>(x: &[T], pairs: &[(usize, usize, f64)], singles: &[usize]) -> T {
    let mut f = x.iter().fold(T::zero(), |s, &v| s + c::<T>(0.5) * v);
    for (k, &(i, j, w)) in pairs.iter().enumerate() {
        let term = match k % 3 {
            0 => x[i] * x[j],
            1 => x[i].sin() * x[j].exp(),
            _ => (x[i] - x[j]) / (c::<T>(3.0) + x[j] * x[j]),
        };
        f = f + c::<T>(w) * term;
    }
    singles.iter().fold(f, |s, &i| s + x[i].powi(3))
}

#[test]
fn random_hessians_match_the_dense_driver() {
    let mut rng = Rng(11);
    for trial in 0..30 {
        let n = 2 + rng.below(30);
        let pairs: Vec<_> = (0..rng.below(2 * n))
            .map(|_| (rng.below(n), rng.below(n), rng.uniform(0.5, 2.0)))
            .collect();
        let singles: Vec<_> = (0..rng.below(n)).map(|_| rng.below(n)).collect();
        let x = rng.point(n);
        let f = |v: &[SparsityTracer]| random_energy(v, &pairs, &singles);
        let pattern = hessian_sparsity(f, &x);
        // written out from the terms: x_i·x_j and sin·exp give (i, j) (and (i, i), (j, j) for
        // sin and exp); the quotient gives every pair of {i, j}; x³ gives (i, i)
        let mut entries = Vec::new();
        for (k, &(i, j, _)) in pairs.iter().enumerate() {
            entries.extend([(i, j), (j, i)]);
            if k % 3 != 0 {
                entries.extend([(j, j)]);
            }
            if k % 3 == 1 || (k % 3 == 2 && i == j) {
                entries.extend([(i, i)]);
            }
        }
        entries.extend(singles.iter().map(|&i| (i, i)));
        assert_eq!(
            pattern,
            Sparsity::from_entries(n, n, entries),
            "trial {trial}"
        );
        let prepared = SparseHessian::new(pattern);
        let (_, _, reference) = hessian(
            |v: &[Dual2Vec<f64, 4>]| random_energy(v, &pairs, &singles),
            &x,
        );
        type Nested = DualVec<DualVec<f64, 2>, 4>;
        let (_, _, h) = prepared.hessian(|v: &[Nested]| random_energy(v, &pairs, &singles), &x);
        assert_matches_dense(&h, &reference, 1e-12);
        let (_, _, h2) = prepared.hessian(
            |v: &[Dual2Vec<f64, 5>]| random_energy(v, &pairs, &singles),
            &x,
        );
        assert_matches_dense(&h2, &reference, 1e-12);
        let hv = h.values().to_vec();
        let symmetric = h.transpose();
        assert_eq!(symmetric.values(), hv, "exactly symmetric");
    }
}

#[test]
fn star_colorings_of_random_patterns_are_proper_and_beat_distance_two() {
    let mut rng = Rng(12);
    let (mut star_total, mut distance2_total) = (0, 0);
    for _ in 0..50 {
        let n = 1 + rng.below(40);
        let entries: Vec<_> = (0..rng.below(3 * n))
            .map(|_| (rng.below(n), rng.below(n)))
            .flat_map(|(i, j)| [(i, j), (j, i)])
            .chain((0..n).map(|i| (i, i)))
            .collect();
        let p = Sparsity::from_entries(n, n, entries);
        let star = star_coloring(&p);
        // with the diagonal in the pattern, a column coloring is a distance-2 coloring of the
        // adjacency graph: also a (stricter) star coloring
        let distance2 = column_coloring(&p);
        assert_structurally_orthogonal(&p, &distance2);
        for (i, j) in p.entries() {
            if i != j {
                assert_ne!(
                    star.color(i),
                    star.color(j),
                    "neighbours {i}, {j} share a color"
                );
            }
        }
        star_total += star.num_colors();
        distance2_total += distance2.num_colors();
    }
    // the two-colored-path test in the unit tests checks the star property itself
    assert!(
        star_total < distance2_total,
        "{star_total} vs {distance2_total}"
    );
}

// ----- what the tracer records -----

/// The pattern of `f(x, y)` for a two-argument operation: (Jacobian row, Hessian pattern).
fn patterns_of(
    f: impl Fn(SparsityTracer, SparsityTracer) -> SparsityTracer,
) -> (Vec<usize>, String) {
    let jac = jacobian_sparsity(|v: &[SparsityTracer]| vec![f(v[0], v[1])], &[0.7, 1.3]);
    let hess = hessian_sparsity(|v: &[SparsityTracer]| f(v[0], v[1]), &[0.7, 1.3]);
    let row = jac.entries().map(|(_, j)| j).collect();
    (row, hess.to_string())
}

#[test]
fn linear_bilinear_and_nonlinear_operations() {
    let none = "··\n··\n";
    let cross = "·●\n●·\n";
    let all = "●●\n●●\n";
    let x_only = "●·\n··\n";
    let y_only = "··\n·●\n";
    assert_eq!(patterns_of(|x, y| x + y), (vec![0, 1], none.into()));
    assert_eq!(
        patterns_of(|x, y| x - 2.0 * y + 1.0),
        (vec![0, 1], none.into())
    );
    assert_eq!(patterns_of(|x, y| x * y), (vec![0, 1], cross.into()));
    assert_eq!(patterns_of(|x, _| x * x), (vec![0], x_only.into()));
    // x/y: ∂²/∂x² = 0
    assert_eq!(patterns_of(|x, y| x / y), (vec![0, 1], "·●\n●●\n".into()));
    assert_eq!(patterns_of(|x, _| 2.0 / x), (vec![0], x_only.into()));
    assert_eq!(patterns_of(|x, _| x / 2.0), (vec![0], none.into()));
    assert_eq!(patterns_of(|x, y| (x + y).sin()), (vec![0, 1], all.into()));
    assert_eq!(patterns_of(|x, y| x.atan2(y)), (vec![0, 1], all.into()));
    assert_eq!(patterns_of(|x, y| x.hypot(y)), (vec![0, 1], all.into()));
    assert_eq!(patterns_of(|x, y| x.powf(y)), (vec![0, 1], all.into()));
    assert_eq!(
        patterns_of(|_, y| y.exp() + y.sqrt()),
        (vec![1], y_only.into())
    );
    assert_eq!(
        patterns_of(|x, y| x.mul_add(y, x)),
        (vec![0, 1], cross.into())
    );
    // constant exponents: x⁰ is constant, x¹ linear
    let two = SparsityTracer::constant(2.0);
    assert_eq!(patterns_of(|x, _| x.powf(two)), (vec![0], x_only.into()));
    assert_eq!(
        patterns_of(|x, _| x.powf(SparsityTracer::constant(1.0))),
        (vec![0], none.into())
    );
    assert_eq!(patterns_of(|x, _| x.powi(0)), (vec![], none.into()));
    assert_eq!(patterns_of(|x, _| x.powi(3)), (vec![0], x_only.into()));
}

#[test]
fn piecewise_operations() {
    let none = "··\n··\n";
    // derivative 0: no dependency
    let zero_slope: [fn(SparsityTracer) -> SparsityTracer; 5] = [
        Float::floor,
        Float::ceil,
        Float::round,
        Float::trunc,
        Float::signum,
    ];
    for f in zero_slope {
        assert_eq!(patterns_of(|x, _| f(x)), (vec![], none.into()));
    }
    // linear pieces
    assert_eq!(patterns_of(|x, _| x.abs()), (vec![0], none.into()));
    assert_eq!(patterns_of(|x, _| x.fract()), (vec![0], none.into()));
    assert_eq!(patterns_of(|x, y| x % y), (vec![0, 1], none.into()));
    assert_eq!(patterns_of(|x, y| x.copysign(y)), (vec![0], none.into()));
    // max/min/clamp depend on both sides, whichever wins here
    assert_eq!(patterns_of(|x, y| x.max(y)), (vec![0, 1], none.into()));
    assert_eq!(patterns_of(|x, y| x.min(y)), (vec![0, 1], none.into()));
    let (lo, hi) = (SparsityTracer::constant(0.0), SparsityTracer::constant(1.0));
    assert_eq!(patterns_of(|x, _| x.clamp(lo, hi)), (vec![0], none.into()));
    assert_eq!(patterns_of(|x, y| x.abs_sub(y)), (vec![0, 1], none.into()));
    // a nonlinear function of a max interacts with both
    assert_eq!(
        patterns_of(|x, y| x.max(y).exp()),
        (vec![0, 1], "●●\n●●\n".into())
    );
}

#[test]
fn branches_are_followed_at_the_point() {
    let f = |v: &[SparsityTracer]| {
        vec![if v[0] > SparsityTracer::zero() {
            v[1]
        } else {
            v[2] * v[0]
        }]
    };
    let at = |x0: f64| {
        jacobian_sparsity(f, &[x0, 1.0, 1.0])
            .entries()
            .collect::<Vec<_>>()
    };
    assert_eq!(at(1.0), [(0, 1)]);
    assert_eq!(at(-1.0), [(0, 0), (0, 2)]);
}

#[test]
fn values_are_the_plain_f64_values() {
    let x = [0.3, -1.7, 2.5];
    let f = |v: &[SparsityTracer]| {
        let s: SparsityTracer = v.iter().sum();
        let p: SparsityTracer = v.iter().product();
        let mixed = 2.0 * v[0] - v[1] / 3.0 + (v[2] % 0.7) + SparsityTracer::PI();
        let fancy = v[0].asinh() + v[1].cbrt() * v[2].ln_1p() + v[0].exp_m1().tanh();
        let special = v[2].gamma() + v[0].erf() + v[2].ln_gamma() + v[1].erfc();
        let mut acc = v[0];
        acc += v[1];
        acc *= 1.5;
        acc -= &v[2];
        acc /= v[2];
        vec![
            s,
            p,
            mixed,
            fancy,
            special,
            acc,
            -v[0],
            v[0].hypot(v[1]).to_degrees(),
        ]
    };
    let fx = |v: &[f64]| {
        let s: f64 = v.iter().sum();
        let p: f64 = v.iter().product();
        let mixed = 2.0 * v[0] - v[1] / 3.0 + (v[2] % 0.7) + f64::PI();
        let fancy = v[0].asinh() + v[1].cbrt() * v[2].ln_1p() + v[0].exp_m1().tanh();
        let special = Real::gamma(v[2]) + Real::erf(v[0]) + Real::ln_gamma(v[2]) + Real::erfc(v[1]);
        let mut acc = v[0];
        acc += v[1];
        acc *= 1.5;
        acc -= v[2];
        acc /= v[2];
        vec![
            s,
            p,
            mixed,
            fancy,
            special,
            acc,
            -v[0],
            v[0].hypot(v[1]).to_degrees(),
        ]
    };
    let mut traced = Vec::new();
    let _ = jacobian_sparsity(
        |v: &[SparsityTracer]| {
            let y = f(v);
            traced = y.iter().map(SparsityTracer::value).collect();
            y
        },
        &x,
    );
    let plain = fx(&x);
    for (t, p) in traced.iter().zip(&plain) {
        assert_eq!(t.to_bits(), p.to_bits());
    }
}

#[test]
fn generic_code_sees_a_full_float() {
    // num-traits conversions and constants, operators with the scalar on either side
    fn g<T: Float + FloatConst>(x: &[T]) -> Vec<T> {
        let three = T::from(3).unwrap();
        let half = T::from(0.5f32).unwrap();
        vec![
            x[0] * three + T::E(),
            half / x[1],
            T::one() - x[0].max(T::epsilon()),
        ]
    }
    let p = jacobian_sparsity(g::<SparsityTracer>, &[1.0, 2.0]);
    assert_eq!(p.entries().collect::<Vec<_>>(), [(0, 0), (2, 0), (1, 1)]);
    let t = SparsityTracer::constant(2.0);
    assert_eq!(format!("{t:.2}"), "2.00");
    assert_eq!(SparsityTracer::default(), 0.0.into());
    assert!(t.is_constant() && (t * 3.0 - 1.0).is_constant());
}

// ----- the arena -----

#[test]
fn tracers_outside_their_trace_count_as_depending_on_everything() {
    // a tracer kept from an earlier trace
    let mut kept = None;
    let _ = jacobian_sparsity(
        |v: &[SparsityTracer]| {
            kept = Some(v[0] * v[1]);
            vec![v[0]]
        },
        &[1.0, 2.0],
    );
    let stale = kept.unwrap();
    let p = jacobian_sparsity(
        |v: &[SparsityTracer]| vec![v[0], v[0] + stale],
        &[1.0, 2.0, 3.0],
    );
    assert_eq!(p.to_string(), "●··\n●●●\n");
    // arithmetic with no trace running is fine and conservative
    let later = stale * stale + stale.sin();
    assert_eq!(later.value(), 4.0 + 2f64.sin());
    let p = jacobian_sparsity(|v: &[SparsityTracer]| vec![later + v[0]], &[1.0, 2.0]);
    assert_eq!(p.nnz(), 2);
    // a constant from anywhere stays a constant
    let p = jacobian_sparsity(
        |v: &[SparsityTracer]| vec![v[1] * SparsityTracer::constant(3.0)],
        &[1.0, 2.0],
    );
    assert_eq!(p.nnz(), 1);
}

#[test]
fn traces_nest() {
    let p = jacobian_sparsity(
        |v: &[SparsityTracer]| {
            let before = v[0] * v[1];
            // a trace inside the traced function
            let inner = jacobian_sparsity(|w: &[SparsityTracer]| vec![w[0].sin()], &[0.0, 0.0]);
            assert_eq!(inner.nnz(), 1);
            let after = v[2] * v[1];
            vec![before, after]
        },
        &[1.0, 2.0, 3.0],
    );
    assert_eq!(p.to_string(), "●●·\n·●●\n");
}

#[test]
fn long_reductions_stay_linear_in_memory_and_time() {
    // F₀ = Σ xᵢ (a chain of n unions), F_i = x_i: O(n) to trace, not O(n²)
    let n = 200_000;
    let p = jacobian_sparsity(
        |v: &[SparsityTracer]| {
            let mut out: Vec<SparsityTracer> = vec![v.iter().sum()];
            out.extend_from_slice(&v[1..]);
            out
        },
        &vec![1.0; n],
    );
    assert_eq!(p.nnz(), n + n - 1);
    // the Hessian of (Σ xᵢ)² is dense, of Σ xᵢ² diagonal
    let n = 300;
    let dense = hessian_sparsity(
        |v: &[SparsityTracer]| v.iter().copied().sum::<SparsityTracer>().powi(2),
        &vec![1.0; n],
    );
    assert_eq!(dense.nnz(), n * n);
    let diagonal = hessian_sparsity(
        |v: &[SparsityTracer]| v.iter().map(|&x| x * x).sum(),
        &vec![1.0; n],
    );
    assert_eq!(diagonal.nnz(), n);
}

#[test]
fn a_panic_inside_the_trace_leaves_nothing_behind() {
    let result = std::panic::catch_unwind(|| {
        jacobian_sparsity(
            |_: &[SparsityTracer]| -> Vec<SparsityTracer> { panic!("user error") },
            &[1.0],
        )
    });
    assert!(result.is_err());
    let p = jacobian_sparsity(|v: &[SparsityTracer]| vec![v[0] * v[1]], &[1.0, 2.0]);
    assert_eq!(p.nnz(), 2);
}

// ----- edge cases -----

#[test]
fn empty_and_constant_functions() {
    // no inputs
    let (fx, j) = SparseJacobian::detect(
        |_: &[SparsityTracer]| vec![SparsityTracer::constant(1.0)],
        &[] as &[f64],
    )
    .jacobian(|_: &[DualVec64<2>]| vec![DualVec64::constant(1.0)], &[]);
    assert_eq!((fx, j.nrows(), j.ncols(), j.nnz()), (vec![1.0], 1, 0, 0));
    // no outputs
    let prepared = SparseJacobian::detect(|_: &[SparsityTracer]| Vec::new(), &[1.0, 2.0]);
    let (fx, j) = prepared.jacobian(|_: &[DualVec64<2>]| Vec::new(), &[1.0, 2.0]);
    assert_eq!((fx.len(), j.nrows(), j.ncols()), (0, 0, 2));
    // constant outputs: one pass for the values
    let prepared =
        SparseJacobian::detect(|v: &[SparsityTracer]| vec![v[0].floor(); 3], &[1.5, 2.0]);
    assert_eq!((prepared.sparsity().nnz(), prepared.passes(4)), (0, 1));
    let (fx, _) = prepared.jacobian(|v: &[DualVec64<4>]| vec![v[0].floor(); 3], &[1.5, 2.0]);
    assert_eq!(fx, [1.0; 3]);
    // a linear function: empty Hessian, gradient still computed
    let prepared = SparseHessian::detect(|v: &[SparsityTracer]| v[0] * 2.0 - v[1], &[1.0, 2.0]);
    assert_eq!(prepared.sparsity().nnz(), 0);
    type Nested = DualVec<DualVec<f64, 1>, 1>;
    let (f, g, h) = prepared.hessian(|v: &[Nested]| 2.0 * v[0] - v[1], &[1.0, 2.0]);
    assert_eq!((f, g, h.nnz()), (0.0, vec![2.0, -1.0], 0));
    let (f, g, _) = SparseHessian::new(Sparsity::from_entries(0, 0, []))
        .hessian(|_: &[Nested]| Nested::constant(DualVec::constant(7.0)), &[]);
    assert_eq!((f, g), (7.0, vec![]));
}

#[test]
#[should_panic(expected = "pattern")]
fn jacobian_into_rejects_a_matrix_of_another_pattern() {
    let prepared = SparseJacobian::new(band(3, 1, 1));
    let mut other = SparseJacobian::new(band(3, 0, 0)).zeros::<f64>();
    let (mut work, mut out, mut values) = (
        [DualVec64::<1>::default(); 3],
        [DualVec64::<1>::default(); 3],
        [0.0; 3],
    );
    prepared.jacobian_into(
        |v, y: &mut [DualVec64<1>]| y.copy_from_slice(v),
        &[0.0; 3],
        &mut work,
        &mut out,
        &mut values,
        &mut other,
    );
}

#[test]
#[should_panic(expected = "outputs")]
fn jacobian_rejects_a_function_of_another_size() {
    let prepared = SparseJacobian::new(band(3, 1, 1));
    let _ = prepared.jacobian(|v: &[DualVec64<1>]| v[..2].to_vec(), &[0.0; 3]);
}

#[test]
fn a_superset_pattern_gives_explicit_zeros() {
    // a hand-written band (2, 2) for a tridiagonal function: the extra entries come out 0
    let x = Rng(13).point(30);
    let (_, j) =
        SparseJacobian::new(band(30, 2, 2)).jacobian(|v: &[DualVec64<8>]| bratu(v, 1.0), &x);
    assert_eq!(j.nnz(), band(30, 2, 2).nnz());
    assert_matches_dense(&j, &bratu_jacobian(&x, 1.0), 1e-14);
}

#[test]
fn dense_reference_is_zero_where_compressed_is_zero() {
    // sanity of the helper itself: a pattern missing an entry is caught
    let x = [0.5, 0.25];
    let (_, dense) = jacobian(|v: &[DualVec64<2>]| vec![v[0] * v[1]], &x);
    let narrow = SparseJacobian::new(Sparsity::from_entries(1, 2, [(0, 0)]));
    let (_, j) = narrow.jacobian(|v: &[DualVec64<2>]| vec![v[0] * v[1]], &x);
    let caught = std::panic::catch_unwind(|| assert_matches_dense(&j, &dense, 1e-14));
    assert!(caught.is_err());
    assert!(!dense.iter().all(|v| v.is_zero()));
}
