//! Compressed sparse Jacobians: one direction of a dual number per color of columns.
#![forbid(unsafe_code)]

use super::{Coloring, Sparsity, SparsityTracer, column_coloring, jacobian_sparsity};
use crate::{DualVec, Real, Seed, VectorFunction, auto_width};
use alloc::vec;
use alloc::vec::Vec;
use nalgebra_sparse::CscMatrix;

/// A sparse Jacobian prepared for repeated evaluation: a pattern, a coloring of its columns,
/// and the columns grouped by color.
///
/// Each evaluation seeds all columns of one color in the same direction of a first-order dual
/// type `D` ([`DualVec<T, W>`](crate::DualVec): `W` colors per pass) and reads each entry back
/// from the row's partial along its column's color. `f` runs `ceil(colors / W)` times instead
/// of the `ceil(n / W)` of the dense [`jacobian`](crate::jacobian); for a banded Jacobian the
/// number of colors is the bandwidth, whatever `n`.
///
/// The result is a [`CscMatrix`] (compressed sparse column) with exactly the pattern's entries,
/// rows sorted in each column; [`jacobian_into`](Self::jacobian_into) overwrites the values of
/// such a matrix without allocating. The pattern must contain every entry that can be nonzero
/// at the points of evaluation: an entry outside it would be added into the entry of the same
/// row and color. A detected pattern ([`detect`](Self::detect)) is exact at the point of
/// detection; if a branch of `f` adds dependencies elsewhere, detect at a point that takes it,
/// or build the pattern by hand.
///
/// ```
/// use dualdiff::{DualVec64, SparseJacobian, SparsityTracer};
/// use num_traits::Float;
///
/// // F_i = x_{i−1} − 2x_i + x_{i+1} + eˣⁱ (x₋₁ = xₙ = 0): tridiagonal
/// fn residual<T: Float>(x: &[T]) -> Vec<T> {
///     let n = x.len();
///     let at = |k: isize| if (0..n as isize).contains(&k) { x[k as usize] } else { T::zero() };
///     (0..n as isize)
///         .map(|i| at(i - 1) - at(i) - at(i) + at(i + 1) + at(i).exp())
///         .collect()
/// }
///
/// let x = vec![0.5; 100];
/// let prepared = SparseJacobian::detect(residual::<SparsityTracer>, &x);
/// assert_eq!(prepared.num_colors(), 3);
/// assert_eq!(prepared.passes(4), 1); // 100 columns in one pass of DualVec64<4>
///
/// let (fx, j) = prepared.jacobian(residual::<DualVec64<4>>, &x);
/// assert_eq!(fx, residual(&x));
/// assert_eq!(j.nnz(), 298);
/// assert_eq!(j.get_entry(7, 7).unwrap().into_value(), -2.0 + 0.5f64.exp());
/// assert_eq!(j.get_entry(7, 8).unwrap().into_value(), 1.0);
/// assert_eq!(j.col(7).row_indices(), [6, 7, 8]);
/// ```
#[derive(Clone, Debug)]
pub struct SparseJacobian {
    sparsity: Sparsity,
    coloring: Coloring,
    /// Color `c` owns `color_columns[color_offsets[c]..color_offsets[c + 1]]` (nonempty
    /// columns only).
    color_offsets: Vec<usize>,
    color_columns: Vec<usize>,
}

impl SparseJacobian {
    /// Prepares the Jacobian of a known pattern: colors its columns ([`column_coloring`]).
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseJacobian};
    ///
    /// // f(x) = (x₀x₁, x₂²): two colors, {x₀, x₂} and {x₁}
    /// let p = Sparsity::from_entries(2, 3, [(0, 0), (0, 1), (1, 2)]);
    /// assert_eq!(SparseJacobian::new(p).num_colors(), 2);
    /// ```
    #[must_use]
    pub fn new(sparsity: Sparsity) -> Self {
        let coloring = column_coloring(&sparsity);
        let (color_offsets, color_columns) = coloring.groups(|j| !sparsity.column(j).is_empty());
        Self {
            sparsity,
            coloring,
            color_offsets,
            color_columns,
        }
    }

    /// Detects the pattern of the Jacobian of `f` at `x` ([`jacobian_sparsity`]) and prepares
    /// it. Branches of `f` are followed as at `x`.
    ///
    /// ```
    /// use dualdiff::{SparseJacobian, SparsityTracer};
    ///
    /// let prepared = SparseJacobian::detect(
    ///     |x: &[SparsityTracer]| vec![x[0] * x[1], x[2] + 1.0],
    ///     &[1.0, 2.0, 3.0],
    /// );
    /// assert_eq!(prepared.sparsity().nnz(), 3);
    /// ```
    #[must_use]
    pub fn detect<T, F>(f: F, x: &[T]) -> Self
    where
        T: Real,
        F: FnOnce(&[SparsityTracer]) -> Vec<SparsityTracer>,
    {
        Self::new(jacobian_sparsity(f, x))
    }

    /// Returns the pattern.
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseJacobian};
    ///
    /// let p = Sparsity::from_entries(1, 1, [(0, 0)]);
    /// assert_eq!(SparseJacobian::new(p.clone()).sparsity(), &p);
    /// ```
    #[must_use]
    pub const fn sparsity(&self) -> &Sparsity {
        &self.sparsity
    }

    /// Returns the coloring of the columns.
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseJacobian};
    ///
    /// let p = Sparsity::from_entries(1, 2, [(0, 0), (0, 1)]);
    /// assert_eq!(SparseJacobian::new(p).coloring().colors(), [0, 1]);
    /// ```
    #[must_use]
    pub const fn coloring(&self) -> &Coloring {
        &self.coloring
    }

    /// Returns the number of colors: the number of directions one evaluation of the whole
    /// Jacobian needs.
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseJacobian};
    ///
    /// let diagonal = Sparsity::from_entries(50, 50, (0..50).map(|i| (i, i)));
    /// assert_eq!(SparseJacobian::new(diagonal).num_colors(), 1);
    /// ```
    #[must_use]
    pub const fn num_colors(&self) -> usize {
        self.coloring.num_colors()
    }

    /// Returns the number of evaluations of `f` that [`jacobian`](Self::jacobian) makes with a
    /// dual type of `width` directions: `ceil(colors / width)`, at least 1.
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseJacobian};
    ///
    /// let dense = Sparsity::from_entries(1, 10, (0..10).map(|j| (0, j)));
    /// assert_eq!(SparseJacobian::new(dense).passes(4), 3);
    /// ```
    #[must_use]
    pub fn passes(&self, width: usize) -> usize {
        self.num_colors().div_ceil(width.max(1)).max(1)
    }

    /// Returns a matrix with this pattern and every value zero: the buffer for
    /// [`jacobian_into`](Self::jacobian_into).
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseJacobian};
    ///
    /// let p = Sparsity::from_entries(2, 2, [(0, 0), (1, 1)]);
    /// let j = SparseJacobian::new(p).zeros::<f64>();
    /// assert_eq!((j.nrows(), j.ncols(), j.values()), (2, 2, &[0.0, 0.0][..]));
    /// ```
    #[must_use]
    pub fn zeros<T: Real>(&self) -> CscMatrix<T> {
        let values = vec![T::zero(); self.sparsity.nnz()];
        CscMatrix::try_from_pattern_and_values(self.sparsity.csc_pattern().clone(), values)
            .expect("one value per entry of the pattern")
    }

    /// Returns `f(x)` and its Jacobian, evaluating `f` in [`passes`](Self::passes)`(D::WIDTH)`
    /// passes of `D` (choose it by annotating the closure, as for
    /// [`jacobian`](crate::jacobian)).
    ///
    /// # Panics
    /// If `x` is not as long as the pattern has columns, or `f` does not return as many outputs
    /// as it has rows.
    ///
    /// ```
    /// use dualdiff::{DualVec64, Sparsity, SparseJacobian};
    ///
    /// // f(x) = (x₀x₁, sin x₂)
    /// let p = Sparsity::from_entries(2, 3, [(0, 0), (0, 1), (1, 2)]);
    /// let (fx, j) = SparseJacobian::new(p)
    ///     .jacobian(|x: &[DualVec64<2>]| vec![x[0] * x[1], x[2].sin()], &[2.0, 3.0, 0.0]);
    /// assert_eq!(fx, [6.0, 0.0]);
    /// assert_eq!(j.values(), [3.0, 2.0, 1.0]); // column by column: ∂₀f₀, ∂₁f₀, ∂₂f₁
    /// ```
    pub fn jacobian<T, D, F>(&self, mut f: F, x: &[T]) -> (Vec<T>, CscMatrix<T>)
    where
        T: Real,
        D: Seed<Scalar = T>,
        F: FnMut(&[D]) -> Vec<D>,
    {
        let (m, n) = (self.sparsity.nrows(), self.sparsity.ncols());
        let mut work = vec![D::constant(T::zero()); n];
        let mut out = vec![D::constant(T::zero()); m];
        let mut values = vec![T::zero(); m];
        let mut jac = self.zeros();
        let write = |w: &[D], o: &mut [D]| {
            let y = f(w);
            assert_eq!(
                y.len(),
                m,
                "SparseJacobian::jacobian: f returned {} outputs for a pattern of {m} rows",
                y.len()
            );
            o.copy_from_slice(&y);
        };
        self.jacobian_into(write, x, &mut work, &mut out, &mut values, &mut jac);
        (values, jac)
    }

    /// Computes `f(x)` into `values` and the Jacobian's values into `jac`, allocating nothing.
    ///
    /// `f(x, out)` writes its m outputs into `out`. `work` (length n) and `out` (length m) are
    /// scratch space; `jac` must have this pattern (make it with [`zeros`](Self::zeros) or
    /// keep the result of an earlier call).
    ///
    /// # Panics
    /// If `x` or `work` is not of length n, `out` or `values` not of length m, or `jac` does
    /// not have this pattern.
    ///
    /// ```
    /// use dualdiff::{DualVec64, Sparsity, SparseJacobian};
    ///
    /// let p = Sparsity::from_entries(2, 2, [(0, 0), (1, 1)]);
    /// let prepared = SparseJacobian::new(p);
    /// let (mut work, mut out) = ([DualVec64::<1>::default(); 2], [DualVec64::<1>::default(); 2]);
    /// let (mut values, mut jac) = ([0.0; 2], prepared.zeros());
    /// // f(x) = (x₀², 3x₁), at two points with the same buffers
    /// let f = |x: &[DualVec64<1>], y: &mut [DualVec64<1>]| {
    ///     y[0] = x[0] * x[0];
    ///     y[1] = x[1] * 3.0;
    /// };
    /// prepared.jacobian_into(f, &[1.0, 1.0], &mut work, &mut out, &mut values, &mut jac);
    /// assert_eq!(jac.values(), [2.0, 3.0]);
    /// prepared.jacobian_into(f, &[5.0, 1.0], &mut work, &mut out, &mut values, &mut jac);
    /// assert_eq!((values, jac.values()), ([25.0, 3.0], &[10.0, 3.0][..]));
    /// ```
    pub fn jacobian_into<T, D, F>(
        &self,
        mut f: F,
        x: &[T],
        work: &mut [D],
        out: &mut [D],
        values: &mut [T],
        jac: &mut CscMatrix<T>,
    ) where
        T: Real,
        D: Seed<Scalar = T>,
        F: FnMut(&[D], &mut [D]),
    {
        const { assert!(D::WIDTH > 0, "a dual type of width 0 carries no derivative") };
        let (m, n) = (self.sparsity.nrows(), self.sparsity.ncols());
        assert_eq!(
            x.len(),
            n,
            "SparseJacobian: x must have one entry per column"
        );
        assert_eq!(work.len(), n, "SparseJacobian: work must be as long as x");
        assert_eq!(
            out.len(),
            m,
            "SparseJacobian: out must have one entry per row"
        );
        assert_eq!(
            values.len(),
            m,
            "SparseJacobian: values must have one entry per row"
        );
        assert!(
            jac.pattern() == self.sparsity.csc_pattern(),
            "SparseJacobian: jac must have the pattern of this Jacobian"
        );
        for (w, &xi) in work.iter_mut().zip(x) {
            *w = D::constant(xi);
        }
        let colors = self.num_colors();
        let (offsets, rows, entries) = jac.csc_data_mut();
        for pass in 0..self.passes(D::WIDTH) {
            let first = pass * D::WIDTH;
            let last = colors.min(first + D::WIDTH);
            self.seed(work, first, last, T::one());
            f(work, out);
            if pass == 0 {
                for (v, y) in values.iter_mut().zip(out.iter()) {
                    *v = y.value();
                }
            }
            for c in first..last {
                for &j in self.group(c) {
                    for q in offsets[j]..offsets[j + 1] {
                        entries[q] = out[rows[q]].partial(c - first);
                    }
                }
            }
            self.seed(work, first, last, T::zero());
        }
    }

    /// The nonempty columns of color `c`.
    fn group(&self, c: usize) -> &[usize] {
        &self.color_columns[self.color_offsets[c]..self.color_offsets[c + 1]]
    }

    /// Sets the partial of every column of colors `first..last` along its color's direction.
    fn seed<D: Seed>(&self, work: &mut [D], first: usize, last: usize, d: D::Scalar) {
        for c in first..last {
            for &j in self.group(c) {
                work[j].set_partial(c - first, d);
            }
        }
    }
}

/// Returns `f(x)` and its sparse Jacobian: detects the pattern at `x` with one evaluation on
/// [`SparsityTracer`]s, colors its columns, and evaluates `f` in `ceil(colors / W)` passes of
/// [`DualVec<T, W>`](crate::DualVec), `W` = [`auto_width`]`(colors)`.
///
/// `f` is written once for every number type, as a [`VectorFunction`] (it is evaluated on two
/// types). To evaluate the Jacobian of one `f` at many points, prepare it once with
/// [`SparseJacobian::detect`] and call [`SparseJacobian::jacobian_into`] at each point: the
/// detection and the coloring are the expensive part of a small problem.
///
/// The result is a [`CscMatrix`] with the detected pattern (see [`SparseJacobian`]).
///
/// ```
/// use dualdiff::{sparse_jacobian, Real, VectorFunction};
///
/// /// F_i = x_i² − x_{i+1} (cyclic)
/// struct Cyclic;
///
/// impl<T: Real> VectorFunction<T> for Cyclic {
///     fn eval<D: Real + From<T>>(&self, x: &[D]) -> Vec<D> {
///         let n = x.len();
///         (0..n).map(|i| x[i] * x[i] - x[(i + 1) % n]).collect()
///     }
/// }
///
/// let (fx, j) = sparse_jacobian(&Cyclic, &[1.0, 2.0, 3.0, 4.0]);
/// assert_eq!(fx, [-1.0, 1.0, 5.0, 15.0]);
/// assert_eq!(j.nnz(), 8);
/// assert_eq!(j.get_entry(2, 2).unwrap().into_value(), 6.0);
/// assert_eq!(j.get_entry(3, 0).unwrap().into_value(), -1.0);
/// ```
pub fn sparse_jacobian<T, F>(f: &F, x: &[T]) -> (Vec<T>, CscMatrix<T>)
where
    T: Real,
    F: VectorFunction<T>,
    SparsityTracer: From<T>,
{
    let prepared = SparseJacobian::detect(|v: &[SparsityTracer]| f.eval(v), x);
    match auto_width(prepared.num_colors()) {
        1 => prepared.jacobian(|v: &[DualVec<T, 1>]| f.eval(v), x),
        2 => prepared.jacobian(|v: &[DualVec<T, 2>]| f.eval(v), x),
        4 => prepared.jacobian(|v: &[DualVec<T, 4>]| f.eval(v), x),
        8 => prepared.jacobian(|v: &[DualVec<T, 8>]| f.eval(v), x),
        _ => prepared.jacobian(|v: &[DualVec<T, 16>]| f.eval(v), x),
    }
}
