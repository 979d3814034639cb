//! Sparse Jacobians and Hessians: sparsity detection, coloring, compressed evaluation
//! (feature `sparse`, on by default).
//!
//! A Jacobian with a few nonzeros per row need not cost `ceil(n / W)` passes. Three steps:
//!
//! 1. **Detect** the pattern: evaluate the function once on [`SparsityTracer`]s, a number type
//!    that carries the set of inputs each value depends on instead of derivatives
//!    ([`jacobian_sparsity`], [`hessian_sparsity`]). The tracer follows branches as the `f64`
//!    evaluation at the given point does, so the pattern is the one at that point.
//! 2. **Color** it: columns that share no row ([`column_coloring`]), or for a symmetric Hessian
//!    a [`star_coloring`], get the same color.
//! 3. **Evaluate** compressed: all columns of a color are seeded in one direction of a dual
//!    number, so one pass of `DualVec<T, W>` yields `W` colors, and every entry is read back
//!    from the pattern. A banded Jacobian of any size takes `ceil(bandwidth / W)` passes.
//!
//! [`sparse_jacobian`] and [`sparse_hessian`] do all three; [`SparseJacobian`] and
//! [`SparseHessian`] keep the pattern and coloring for repeated evaluation at new points (inside
//! a Newton solver), with allocation-free `_into` methods. Results are `nalgebra_sparse`
//! [`CscMatrix`](nalgebra_sparse::CscMatrix)es (compressed sparse column), ready for
//! `nalgebra_sparse`'s Cholesky factorization or any CSC solver.
//!
//! ```
//! use dualdiff::{DualVec64, SparseJacobian, SparsityTracer};
//! use num_traits::Float;
//!
//! /// 1-D Bratu: F_i = x_{i−1} − 2x_i + x_{i+1} + h²λ·e^{x_i}, zero boundary values.
//! fn bratu<T: Float>(x: &[T]) -> Vec<T> {
//!     let n = x.len();
//!     let h2 = T::from(1.0 / (n + 1) as f64).unwrap().powi(2);
//!     (0..n)
//!         .map(|i| {
//!             let left = if i > 0 { x[i - 1] } else { T::zero() };
//!             let right = if i + 1 < n { x[i + 1] } else { T::zero() };
//!             left - x[i] - x[i] + right + h2 * x[i].exp()
//!         })
//!         .collect()
//! }
//!
//! let x = vec![0.1; 1000];
//! let prepared = SparseJacobian::detect(bratu::<SparsityTracer>, &x);
//! assert_eq!(prepared.num_colors(), 3); // 1 pass instead of 63 with DualVec64<16>
//! let (fx, j) = prepared.jacobian(bratu::<DualVec64<4>>, &x);
//! assert_eq!(j.nnz(), 3 * 1000 - 2);
//! ```
#![forbid(unsafe_code)]

mod coloring;
mod hessian;
mod jacobian;
mod pattern;
mod tracer;

pub use coloring::{Coloring, column_coloring, star_coloring};
pub use hessian::{SparseHessian, SparseSecondOrder, sparse_hessian};
pub use jacobian::{SparseJacobian, sparse_jacobian};
pub use pattern::{Sparsity, hessian_sparsity, jacobian_sparsity};
pub use tracer::SparsityTracer;
