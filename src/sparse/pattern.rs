//! [`Sparsity`], the pattern of a sparse matrix, and its detection by tracing.
#![forbid(unsafe_code)]

use super::tracer::{SparsityTracer, Trace};
use crate::Real;
use alloc::vec::Vec;
use core::fmt;
use nalgebra_sparse::pattern::SparsityPattern;

/// The sparsity pattern of an `nrows × ncols` matrix: which entries may be nonzero.
///
/// Stored column by column (compressed sparse column, rows sorted in each column), as the
/// pattern of the [`CscMatrix`](nalgebra_sparse::CscMatrix) results of
/// [`SparseJacobian`](crate::SparseJacobian) and [`SparseHessian`](crate::SparseHessian).
/// Entries are `(row, column)` pairs everywhere in this API. Detected by
/// [`jacobian_sparsity`] and [`hessian_sparsity`], or built from known entries.
///
/// ```
/// use dualdiff::Sparsity;
///
/// // a 3×3 tridiagonal pattern
/// let p = Sparsity::from_entries(3, 3, (0..3usize).flat_map(|i| [(i, i), (i, i.saturating_sub(1))]));
/// assert_eq!(p.nnz(), 5);
/// assert!(p.contains(1, 0) && !p.contains(0, 1));
/// assert_eq!(p.column(0), [0, 1]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sparsity {
    /// Major dimension: columns; minor: rows.
    csc: SparsityPattern,
}

impl Sparsity {
    /// Creates the pattern of an `nrows × ncols` matrix with the given `(row, column)` entries,
    /// in any order, duplicates allowed.
    ///
    /// # Panics
    /// If an entry lies outside the matrix.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// let p = Sparsity::from_entries(2, 3, [(1, 2), (0, 0), (1, 2)]);
    /// assert_eq!(p.entries().collect::<Vec<_>>(), [(0, 0), (1, 2)]);
    /// ```
    #[must_use]
    pub fn from_entries(
        nrows: usize,
        ncols: usize,
        entries: impl IntoIterator<Item = (usize, usize)>,
    ) -> Self {
        let mut columns = alloc::vec![Vec::new(); ncols];
        for (i, j) in entries {
            assert!(
                i < nrows && j < ncols,
                "Sparsity::from_entries: entry ({i}, {j}) outside the {nrows}×{ncols} matrix"
            );
            columns[j].push(i);
        }
        Self::from_lanes(ncols, nrows, columns)
    }

    /// Builds a pattern from its major lanes (each unsorted, duplicates allowed): columns of
    /// the CSC pattern when `major = ncols`.
    pub(super) fn from_lanes(major: usize, minor: usize, mut lanes: Vec<Vec<usize>>) -> Self {
        let mut offsets = Vec::with_capacity(major + 1);
        let mut indices = Vec::new();
        offsets.push(0);
        for lane in &mut lanes {
            lane.sort_unstable();
            lane.dedup();
            indices.extend_from_slice(lane);
            offsets.push(indices.len());
        }
        let csc = SparsityPattern::try_from_offsets_and_indices(major, minor, offsets, indices)
            .expect("sorted, unique, in-range lanes make a valid pattern");
        Self { csc }
    }

    /// Builds a pattern from its rows (sorted sets of columns).
    pub(super) fn from_rows(nrows: usize, ncols: usize, rows: &[Vec<usize>]) -> Self {
        let mut offsets = Vec::with_capacity(nrows + 1);
        offsets.push(0);
        for row in rows {
            offsets.push(offsets[offsets.len() - 1] + row.len());
        }
        Self::from_csr(nrows, ncols, offsets, rows.concat())
    }

    /// Builds a pattern from compressed rows (columns sorted and unique in each row).
    pub(super) fn from_csr(
        nrows: usize,
        ncols: usize,
        offsets: Vec<usize>,
        columns: Vec<usize>,
    ) -> Self {
        let csr = SparsityPattern::try_from_offsets_and_indices(nrows, ncols, offsets, columns)
            .expect("sorted, unique, in-range rows make a valid pattern");
        Self {
            csc: csr.transpose(),
        }
    }

    /// Wraps a compressed-sparse-column pattern (major dimension: columns, minor: rows), such as
    /// the [`pattern`](nalgebra_sparse::CscMatrix::pattern) of a `CscMatrix`.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    /// use nalgebra_sparse::CscMatrix;
    ///
    /// let identity = CscMatrix::<f64>::identity(3);
    /// let p = Sparsity::from_csc_pattern(identity.pattern().clone());
    /// assert_eq!(p, Sparsity::from_entries(3, 3, [(0, 0), (1, 1), (2, 2)]));
    /// ```
    #[must_use]
    pub const fn from_csc_pattern(csc: SparsityPattern) -> Self {
        Self { csc }
    }

    /// Returns the compressed-sparse-column pattern (major dimension: columns).
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// let p = Sparsity::from_entries(2, 2, [(0, 0), (1, 0), (1, 1)]);
    /// assert_eq!(p.csc_pattern().major_offsets(), [0, 2, 3]);
    /// assert_eq!(p.csc_pattern().minor_indices(), [0, 1, 1]);
    /// ```
    #[must_use]
    pub const fn csc_pattern(&self) -> &SparsityPattern {
        &self.csc
    }

    /// Returns the number of rows.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// assert_eq!(Sparsity::from_entries(2, 5, []).nrows(), 2);
    /// ```
    #[must_use]
    pub fn nrows(&self) -> usize {
        self.csc.minor_dim()
    }

    /// Returns the number of columns.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// assert_eq!(Sparsity::from_entries(2, 5, []).ncols(), 5);
    /// ```
    #[must_use]
    pub fn ncols(&self) -> usize {
        self.csc.major_dim()
    }

    /// Returns the number of entries that may be nonzero.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// assert_eq!(Sparsity::from_entries(3, 3, [(0, 0), (2, 1)]).nnz(), 2);
    /// ```
    #[must_use]
    pub fn nnz(&self) -> usize {
        self.csc.nnz()
    }

    /// Returns `true` if entry `(row, col)` is in the pattern (`false` outside the matrix).
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// let p = Sparsity::from_entries(2, 2, [(1, 0)]);
    /// assert!(p.contains(1, 0));
    /// assert!(!p.contains(0, 1) && !p.contains(5, 5));
    /// ```
    #[must_use]
    pub fn contains(&self, row: usize, col: usize) -> bool {
        self.column(col).binary_search(&row).is_ok()
    }

    /// Returns the sorted rows of column `col` (empty outside the matrix).
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// let p = Sparsity::from_entries(3, 2, [(2, 1), (0, 1)]);
    /// assert_eq!(p.column(1), [0, 2]);
    /// assert!(p.column(0).is_empty());
    /// ```
    #[must_use]
    pub fn column(&self, col: usize) -> &[usize] {
        self.csc.get_lane(col).unwrap_or(&[])
    }

    /// Returns the entries `(row, column)`, column by column, rows ascending.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// let p = Sparsity::from_entries(2, 2, [(1, 1), (1, 0), (0, 0)]);
    /// assert_eq!(p.entries().collect::<Vec<_>>(), [(0, 0), (1, 0), (1, 1)]);
    /// ```
    pub fn entries(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.csc.entries().map(|(col, row)| (row, col))
    }

    /// Returns the pattern of the transpose.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// let p = Sparsity::from_entries(2, 3, [(0, 2)]);
    /// assert_eq!(p.transpose(), Sparsity::from_entries(3, 2, [(2, 0)]));
    /// ```
    #[must_use]
    pub fn transpose(&self) -> Self {
        Self {
            csc: self.csc.transpose(),
        }
    }

    /// Returns the rows as a compressed pattern (major dimension: rows).
    pub(super) fn rows(&self) -> SparsityPattern {
        self.csc.transpose()
    }
}

impl fmt::Display for Sparsity {
    /// Draws the pattern, one line per row: `●` for an entry, `·` for a structural zero.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    ///
    /// let p = Sparsity::from_entries(2, 3, [(0, 0), (1, 2)]);
    /// assert_eq!(p.to_string(), "●··\n··●\n");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = self.rows();
        for i in 0..self.nrows() {
            let mut next = rows.lane(i).iter().peekable();
            for j in 0..self.ncols() {
                let hit = next.next_if_eq(&&j).is_some();
                f.write_str(if hit { "●" } else { "·" })?;
            }
            f.write_str("\n")?;
        }
        Ok(())
    }
}

/// Returns the sparsity pattern of the Jacobian of `f` at `x`, from one evaluation of `f` on
/// [`SparsityTracer`]s: entry `(i, j)` is in the pattern if output `i` depends on input `j`.
///
/// Branches (`if`, comparisons) are taken as at `x`, so the pattern is the one at `x`; see
/// [`SparsityTracer`] for what counts as a dependency. The cost is one evaluation, a little
/// memory per binary operation, and one walk per output over what it depends on.
///
/// ```
/// use dualdiff::{jacobian_sparsity, Sparsity, SparsityTracer};
/// use num_traits::Float;
///
/// // F_i = x_{i−1} − 2x_i + x_{i+1} + eˣⁱ: tridiagonal
/// fn residual<T: Float>(x: &[T]) -> Vec<T> {
///     let n = x.len();
///     (0..n)
///         .map(|i| {
///             let left = if i > 0 { x[i - 1] } else { T::zero() };
///             let right = if i + 1 < n { x[i + 1] } else { T::zero() };
///             left - x[i] - x[i] + right + x[i].exp()
///         })
///         .collect()
/// }
///
/// let p = jacobian_sparsity(residual::<SparsityTracer>, &[0.0; 4]);
/// assert_eq!(p.to_string(), "●●··\n●●●·\n·●●●\n··●●\n");
/// ```
pub fn jacobian_sparsity<T, F>(f: F, x: &[T]) -> Sparsity
where
    T: Real,
    F: FnOnce(&[SparsityTracer]) -> Vec<SparsityTracer>,
{
    let n = x.len();
    let trace = Trace::begin(n, false);
    let inputs = trace.inputs(x);
    let outputs = f(&inputs);
    let (offsets, columns) = trace.grad_rows(&outputs, n);
    Sparsity::from_csr(outputs.len(), n, offsets, columns)
}

/// Returns the sparsity pattern of the Hessian of the scalar function `f` at `x`, from one
/// evaluation of `f` on [`SparsityTracer`]s with second-order tracking: entry `(i, j)` is in the
/// pattern if inputs `i` and `j` meet in an operation that is nonlinear in them (`xᵢ·xⱼ`,
/// `sin(xᵢ + xⱼ)`; `xᵢ + xⱼ` is linear and adds nothing). The pattern is symmetric.
///
/// As with [`jacobian_sparsity`], branches are taken as at `x`.
///
/// ```
/// use dualdiff::{hessian_sparsity, SparsityTracer};
/// use num_traits::Float;
///
/// // f = x₀·x₁ + sin x₂ + x₃: ∂²f/∂x₀∂x₁ and ∂²f/∂x₂² only
/// let p = hessian_sparsity(
///     |x: &[SparsityTracer]| x[0] * x[1] + x[2].sin() + x[3],
///     &[1.0, 2.0, 3.0, 4.0],
/// );
/// assert_eq!(p.to_string(), "·●··\n●···\n··●·\n····\n");
/// ```
pub fn hessian_sparsity<T, F>(f: F, x: &[T]) -> Sparsity
where
    T: Real,
    F: FnOnce(&[SparsityTracer]) -> SparsityTracer,
{
    let n = x.len();
    let trace = Trace::begin(n, true);
    let inputs = trace.inputs(x);
    let y = f(&inputs);
    let rows = trace.hess_rows(y, n);
    Sparsity::from_rows(n, n, &rows)
}
