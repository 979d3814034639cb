//! Compressed sparse Hessians: star coloring, and second-order passes over rows × colors.
#![forbid(unsafe_code)]

use super::coloring::adjacency;
use super::{Coloring, Sparsity, SparsityTracer, hessian_sparsity, star_coloring};
use crate::{Dual2Vec, DualVec, Real, ScalarFunction};
use alloc::vec;
use alloc::vec::Vec;
use nalgebra_sparse::CscMatrix;

/// A second-order dual type that [`SparseHessian`] can seed: one evaluation carries some input
/// directions `eᵢ` ("rows") and some color directions `s_c` (the sum of `e_j` over the columns
/// `j` of color `c`), and yields the gradient along each row and every mixed second derivative
/// `eᵢᵀ·H·s_c`.
///
/// Implemented by
/// - `DualVec<DualVec<T, K>, M>`: `M` rows (outer) × `K` colors (inner), `(M + 1)(K + 1)` numbers
///   per value — the fast choice;
/// - [`Dual2Vec<T, N>`]: `N − k` rows and `k = clamp(colors, 1, N/2)` colors, `N ≥ 2`. It also
///   computes second derivatives that are not needed (row × row, color × color), but it is
///   `From<T>`, so a [`ScalarFunction`] can be evaluated on it ([`sparse_hessian`] uses it).
///
/// ```
/// use dualdiff::{DualVec, SparseSecondOrder};
///
/// type H = DualVec<DualVec<f64, 4>, 8>;
/// assert_eq!(<H as SparseSecondOrder>::lanes(3), (8, 4));
/// assert_eq!(<dualdiff::Dual2Vec64<8> as SparseSecondOrder>::lanes(3), (5, 3));
/// ```
pub trait SparseSecondOrder: Copy {
    /// The scalar of the evaluation point.
    type Scalar: Real;

    /// Returns the constant `x`.
    #[must_use]
    fn constant(x: Self::Scalar) -> Self;

    /// Returns `(rows, colors)`: how many row and color directions one evaluation carries when
    /// the coloring has `colors` colors. Both are at least 1.
    #[must_use]
    fn lanes(colors: usize) -> (usize, usize);

    /// Sets the derivative along row direction `r` to `d`.
    fn set_row(&mut self, r: usize, d: Self::Scalar);

    /// Sets the derivative along color direction `k` to `d`.
    fn set_color(&mut self, k: usize, d: Self::Scalar);

    /// Returns the value.
    #[must_use]
    fn value(&self) -> Self::Scalar;

    /// Returns the first derivative along row direction `r`.
    #[must_use]
    fn row_partial(&self, r: usize) -> Self::Scalar;

    /// Returns the second derivative along row direction `r` and color direction `k`.
    #[must_use]
    fn cross(&self, r: usize, k: usize) -> Self::Scalar;
}

impl<T: Real, const K: usize, const M: usize> SparseSecondOrder for DualVec<DualVec<T, K>, M> {
    type Scalar = T;

    #[inline]
    fn constant(x: T) -> Self {
        Self::constant(DualVec::constant(x))
    }

    #[inline]
    fn lanes(_colors: usize) -> (usize, usize) {
        const {
            assert!(
                M > 0 && K > 0,
                "a dual type of width 0 carries no derivative"
            )
        };
        (M, K)
    }

    #[inline]
    fn set_row(&mut self, r: usize, d: T) {
        self.eps[r] = DualVec::constant(d);
    }

    #[inline]
    fn set_color(&mut self, k: usize, d: T) {
        self.re.eps[k] = d;
    }

    #[inline]
    fn value(&self) -> T {
        self.re.re
    }

    #[inline]
    fn row_partial(&self, r: usize) -> T {
        self.eps[r].re
    }

    #[inline]
    fn cross(&self, r: usize, k: usize) -> T {
        self.eps[r].eps[k]
    }
}

impl<T: Real, const N: usize> SparseSecondOrder for Dual2Vec<T, N> {
    type Scalar = T;

    #[inline]
    fn constant(x: T) -> Self {
        Self::constant(x)
    }

    /// Rows in directions `0..N − k`, colors in directions `N − 1` down to `N − k`.
    #[inline]
    fn lanes(colors: usize) -> (usize, usize) {
        const {
            assert!(
                N >= 2,
                "Dual2Vec needs a direction for rows and one for colors"
            )
        };
        let k = colors.clamp(1, N / 2);
        (N - k, k)
    }

    #[inline]
    fn set_row(&mut self, r: usize, d: T) {
        self.grad[r] = d;
    }

    #[inline]
    fn set_color(&mut self, k: usize, d: T) {
        self.grad[N - 1 - k] = d;
    }

    #[inline]
    fn value(&self) -> T {
        self.re
    }

    #[inline]
    fn row_partial(&self, r: usize) -> T {
        self.grad[r]
    }

    #[inline]
    fn cross(&self, r: usize, k: usize) -> T {
        self.hess(r, N - 1 - k)
    }
}

/// A sparse Hessian prepared for repeated evaluation: a symmetric pattern, a star coloring of
/// it ([`star_coloring`]), and for each entry where to read it.
///
/// With `S` the seed matrix of the coloring (column `c`: the indicator of color `c`), each entry
/// of `H` is one entry of `B = H·S`, by the star property (see [`star_coloring`]); symmetric
/// pairs are read from the same place, so the result is exactly symmetric.
///
/// Forward mode has no reverse sweep: a row of `B`, `eᵢᵀ·H·s_c`, needs its own direction `eᵢ`.
/// So the evaluations pair row directions with color directions, `rows × colors` of them per
/// evaluation of a [`SparseSecondOrder`] type `H`: about `ceil(n / rows) · ceil(colors / k)`
/// evaluations (rows that need no entry of a later chunk of colors are skipped), the cost of
/// `colors` gradients — against `n(n + 1)/2` second-order directions for the dense
/// [`hessian`](crate::hessian). The gradient comes for free.
///
/// The result is a [`CscMatrix`] holding both triangles.
///
/// ```
/// use dualdiff::{DualVec, SparseHessian, SparsityTracer};
/// use num_traits::Float;
///
/// // f = Σ (x_{i+1} − x_i)² + Σ e^{x_i}: tridiagonal Hessian
/// fn energy<T: Float>(x: &[T]) -> T {
///     let springs = x.windows(2).fold(T::zero(), |s, w| s + (w[1] - w[0]).powi(2));
///     x.iter().fold(springs, |s, &xi| s + xi.exp())
/// }
///
/// let x = vec![0.0; 50];
/// let prepared = SparseHessian::detect(energy::<SparsityTracer>, &x);
/// assert_eq!(prepared.num_colors(), 3);
/// assert_eq!(prepared.sparsity().nnz(), 50 + 2 * 49);
///
/// let (f, g, h) = prepared.hessian(energy::<DualVec<DualVec<f64, 4>, 8>>, &x);
/// assert_eq!((f, g[0]), (50.0, 1.0));
/// assert_eq!(h.get_entry(0, 0).unwrap().into_value(), 2.0 + 1.0);
/// assert_eq!(h.get_entry(10, 10).unwrap().into_value(), 4.0 + 1.0);
/// assert_eq!(h.get_entry(10, 11).unwrap().into_value(), -2.0);
/// ```
#[derive(Clone, Debug)]
pub struct SparseHessian {
    sparsity: Sparsity,
    coloring: Coloring,
    /// Color `c` owns `color_columns[color_offsets[c]..color_offsets[c + 1]]`.
    color_offsets: Vec<usize>,
    color_columns: Vec<usize>,
    /// Row `r` of `B` fills `reads[read_offsets[r]..read_offsets[r + 1]]`: `(color, entry)`
    /// pairs, by increasing color.
    read_offsets: Vec<usize>,
    reads: Vec<(usize, usize)>,
}

impl SparseHessian {
    /// Prepares the Hessian of a known pattern: symmetrizes it (the union with its transpose),
    /// star-colors it and decides where each entry is read.
    ///
    /// # Panics
    /// If the pattern is not square.
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseHessian};
    ///
    /// // only the upper triangle given: the lower one is added
    /// let p = Sparsity::from_entries(3, 3, [(0, 0), (0, 1), (1, 2)]);
    /// let prepared = SparseHessian::new(p);
    /// assert_eq!(prepared.sparsity().nnz(), 5);
    /// assert!(prepared.sparsity().contains(2, 1));
    /// ```
    #[must_use]
    pub fn new(sparsity: Sparsity) -> Self {
        let n = sparsity.ncols();
        assert_eq!(
            sparsity.nrows(),
            n,
            "SparseHessian: the pattern of a Hessian must be square"
        );
        let mut lanes = vec![Vec::new(); n];
        for (i, j) in sparsity.entries() {
            lanes[j].push(i);
            lanes[i].push(j);
        }
        let sparsity = Sparsity::from_lanes(n, n, lanes);
        let coloring = star_coloring(&sparsity);
        let adjacency = adjacency(&sparsity);
        let color = |v: usize| coloring.color(v);
        // `c` is the color of exactly one neighbour of `i`
        let unique = |i: usize, c: usize| {
            adjacency
                .lane(i)
                .iter()
                .filter(|&&k| color(k) == c)
                .nth(1)
                .is_none()
        };
        let mut per_row = vec![Vec::new(); n];
        for (entry, (i, j)) in sparsity.entries().enumerate() {
            let (row, c) = if i == j {
                (i, color(i))
            } else {
                let (a, b) = (i.min(j), i.max(j));
                if unique(a, color(b)) {
                    (a, color(b))
                } else {
                    (b, color(a))
                }
            };
            per_row[row].push((c, entry));
        }
        let mut read_offsets = Vec::with_capacity(n + 1);
        let mut reads = Vec::with_capacity(sparsity.nnz());
        read_offsets.push(0);
        for row in &mut per_row {
            row.sort_unstable();
            reads.extend_from_slice(row);
            read_offsets.push(reads.len());
        }
        let (color_offsets, color_columns) = coloring.groups(|j| !sparsity.column(j).is_empty());
        Self {
            sparsity,
            coloring,
            color_offsets,
            color_columns,
            read_offsets,
            reads,
        }
    }

    /// Detects the Hessian pattern of `f` at `x` ([`hessian_sparsity`]) and prepares it.
    /// Branches of `f` are followed as at `x`.
    ///
    /// ```
    /// use dualdiff::{SparseHessian, SparsityTracer};
    ///
    /// let prepared = SparseHessian::detect(|x: &[SparsityTracer]| x[0] * x[1] + x[2], &[1.0; 3]);
    /// assert_eq!(prepared.sparsity().entries().collect::<Vec<_>>(), [(1, 0), (0, 1)]);
    /// ```
    #[must_use]
    pub fn detect<T, F>(f: F, x: &[T]) -> Self
    where
        T: Real,
        F: FnOnce(&[SparsityTracer]) -> SparsityTracer,
    {
        Self::new(hessian_sparsity(f, x))
    }

    /// Returns the (symmetric) pattern.
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseHessian};
    ///
    /// let p = Sparsity::from_entries(2, 2, [(0, 0), (1, 1)]);
    /// assert_eq!(SparseHessian::new(p.clone()).sparsity(), &p);
    /// ```
    #[must_use]
    pub const fn sparsity(&self) -> &Sparsity {
        &self.sparsity
    }

    /// Returns the star coloring.
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseHessian};
    ///
    /// let p = Sparsity::from_entries(2, 2, [(0, 0), (0, 1)]);
    /// assert_eq!(SparseHessian::new(p).coloring().colors(), [0, 1]);
    /// ```
    #[must_use]
    pub const fn coloring(&self) -> &Coloring {
        &self.coloring
    }

    /// Returns the number of colors.
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseHessian};
    ///
    /// // arrowhead, n = 100: two colors
    /// let p = Sparsity::from_entries(100, 100, (0..100).flat_map(|i| [(i, i), (0, i)]));
    /// assert_eq!(SparseHessian::new(p).num_colors(), 2);
    /// ```
    #[must_use]
    pub const fn num_colors(&self) -> usize {
        self.coloring.num_colors()
    }

    /// Returns the number of evaluations of `f` that [`hessian`](Self::hessian) makes with the
    /// second-order type `H`.
    ///
    /// ```
    /// use dualdiff::{DualVec, Sparsity, SparseHessian};
    ///
    /// let tridiagonal = Sparsity::from_entries(80, 80, (0..80).flat_map(|i| [(i, i), (i, (i + 1) % 80)]));
    /// let prepared = SparseHessian::new(tridiagonal);
    /// // every row, in chunks of 8, with all colors at once
    /// assert_eq!(prepared.passes::<DualVec<DualVec<f64, 4>, 8>>(), 10);
    /// ```
    #[must_use]
    pub fn passes<H: SparseSecondOrder>(&self) -> usize {
        let n = self.sparsity.ncols();
        if n == 0 {
            return 1;
        }
        let (rows, colors) = H::lanes(self.num_colors());
        (0..self.chunks(colors))
            .map(|q| {
                let needed = (0..n).filter(|&r| self.needs(r, q, colors)).count();
                needed.div_ceil(rows)
            })
            .sum()
    }

    /// Returns a matrix with this pattern and every value zero: the buffer for
    /// [`hessian_into`](Self::hessian_into).
    ///
    /// ```
    /// use dualdiff::{Sparsity, SparseHessian};
    ///
    /// let p = Sparsity::from_entries(2, 2, [(0, 1)]);
    /// assert_eq!(SparseHessian::new(p).zeros::<f64>().nnz(), 2);
    /// ```
    #[must_use]
    pub fn zeros<T: Real>(&self) -> CscMatrix<T> {
        let values = vec![T::zero(); self.sparsity.nnz()];
        CscMatrix::try_from_pattern_and_values(self.sparsity.csc_pattern().clone(), values)
            .expect("one value per entry of the pattern")
    }

    /// Returns `f(x)`, its gradient and its sparse Hessian, evaluating `f` on the second-order
    /// type `H` (choose it by annotating the closure); see [`passes`](Self::passes).
    ///
    /// # Panics
    /// If `x` is not as long as the pattern is wide.
    ///
    /// ```
    /// use dualdiff::{Dual2Vec64, Sparsity, SparseHessian};
    ///
    /// // f = x₀²x₁ + x₂³: H = [[2x₁, 2x₀, 0], [2x₀, 0, 0], [0, 0, 6x₂]]
    /// let p = Sparsity::from_entries(3, 3, [(0, 0), (0, 1), (2, 2)]);
    /// let (f, g, h) = SparseHessian::new(p).hessian(
    ///     |x: &[Dual2Vec64<4>]| x[0] * x[0] * x[1] + x[2].powi(3),
    ///     &[1.0, 2.0, 3.0],
    /// );
    /// assert_eq!((f, g), (29.0, vec![4.0, 1.0, 27.0]));
    /// assert_eq!(h.values(), [4.0, 2.0, 2.0, 18.0]); // (0,0), (1,0), (0,1), (2,2)
    /// ```
    pub fn hessian<T, H, F>(&self, f: F, x: &[T]) -> (T, Vec<T>, CscMatrix<T>)
    where
        T: Real,
        H: SparseSecondOrder<Scalar = T>,
        F: FnMut(&[H]) -> H,
    {
        let n = self.sparsity.ncols();
        let mut work = vec![H::constant(T::zero()); n];
        let mut grad = vec![T::zero(); n];
        let mut hess = self.zeros();
        let value = self.hessian_into(f, x, &mut work, &mut grad, &mut hess);
        (value, grad, hess)
    }

    /// Computes the gradient into `grad` and the Hessian's values into `hess`, and returns
    /// `f(x)`, allocating nothing. `work` (length n) is scratch space; `hess` must have this
    /// pattern (make it with [`zeros`](Self::zeros)).
    ///
    /// # Panics
    /// If `x`, `work` or `grad` is not of length n, or `hess` does not have this pattern.
    ///
    /// ```
    /// use dualdiff::{DualVec, Sparsity, SparseHessian};
    ///
    /// type H = DualVec<DualVec<f64, 2>, 2>;
    /// let prepared = SparseHessian::new(Sparsity::from_entries(2, 2, [(0, 0), (1, 1)]));
    /// let (mut work, mut grad, mut hess) = ([H::default(); 2], [0.0; 2], prepared.zeros());
    /// // f = x₀³ + eˣ¹
    /// let f = |x: &[H]| x[0].powi(3) + x[1].exp();
    /// let value = prepared.hessian_into(f, &[2.0, 0.0], &mut work, &mut grad, &mut hess);
    /// assert_eq!((value, grad, hess.values()), (9.0, [12.0, 1.0], &[12.0, 1.0][..]));
    /// ```
    pub fn hessian_into<T, H, F>(
        &self,
        mut f: F,
        x: &[T],
        work: &mut [H],
        grad: &mut [T],
        hess: &mut CscMatrix<T>,
    ) -> T
    where
        T: Real,
        H: SparseSecondOrder<Scalar = T>,
        F: FnMut(&[H]) -> H,
    {
        let n = self.sparsity.ncols();
        assert_eq!(
            x.len(),
            n,
            "SparseHessian: x must have one entry per column"
        );
        assert_eq!(work.len(), n, "SparseHessian: work must be as long as x");
        assert_eq!(grad.len(), n, "SparseHessian: grad must be as long as x");
        assert!(
            hess.pattern() == self.sparsity.csc_pattern(),
            "SparseHessian: hess must have the pattern of this Hessian"
        );
        for (w, &xi) in work.iter_mut().zip(x) {
            *w = H::constant(xi);
        }
        if n == 0 {
            return f(work).value();
        }
        let (rows, colors) = H::lanes(self.num_colors());
        let entries = hess.values_mut();
        let mut value = T::nan();
        for q in 0..self.chunks(colors) {
            let first = q * colors;
            let last = self.num_colors().min(first + colors);
            self.seed_colors(work, first, last, T::one());
            // The rows of this chunk, `rows` at a time, found by the same scan twice (to seed,
            // then to read and unseed) so that no list is stored.
            let mut next = 0;
            while next < n {
                let start = next;
                let mut seeded = 0;
                while next < n && seeded < rows {
                    if self.needs(next, q, colors) {
                        work[next].set_row(seeded, T::one());
                        seeded += 1;
                    }
                    next += 1;
                }
                if seeded == 0 {
                    break;
                }
                let y = f(work);
                value = y.value();
                let mut slot = 0;
                for r in start..next {
                    if !self.needs(r, q, colors) {
                        continue;
                    }
                    if q == 0 {
                        grad[r] = y.row_partial(slot);
                    }
                    for &(c, entry) in self.reads(r) {
                        if (first..last).contains(&c) {
                            entries[entry] = y.cross(slot, c - first);
                        }
                    }
                    work[r].set_row(slot, T::zero());
                    slot += 1;
                }
            }
            self.seed_colors(work, first, last, T::zero());
        }
        value
    }

    /// The number of chunks of `colors` colors (at least 1, for the gradient).
    fn chunks(&self, colors: usize) -> usize {
        self.num_colors().div_ceil(colors).max(1)
    }

    /// The `(color, entry)` reads of row `r` of `B`.
    fn reads(&self, r: usize) -> &[(usize, usize)] {
        &self.reads[self.read_offsets[r]..self.read_offsets[r + 1]]
    }

    /// Whether row `r` takes part in chunk `q` of `colors` colors: every row does in the first
    /// chunk (for the gradient); later, the rows with an entry to read in the chunk.
    fn needs(&self, r: usize, q: usize, colors: usize) -> bool {
        q == 0
            || self
                .reads(r)
                .iter()
                .any(|&(c, _)| (q * colors..(q + 1) * colors).contains(&c))
    }

    /// Sets the color directions `first..last` on the columns of those colors.
    fn seed_colors<H: SparseSecondOrder>(
        &self,
        work: &mut [H],
        first: usize,
        last: usize,
        d: H::Scalar,
    ) {
        for c in first..last {
            let group = &self.color_columns[self.color_offsets[c]..self.color_offsets[c + 1]];
            for &j in group {
                work[j].set_color(c - first, d);
            }
        }
    }
}

/// Returns `f(x)`, its gradient and its sparse Hessian: detects the pattern at `x` with one
/// second-order evaluation on [`SparsityTracer`]s, star-colors it, and evaluates `f` on
/// [`Dual2Vec<T, 8>`](crate::Dual2Vec) (up to 4 colors and 4 to 7 rows per evaluation, see
/// [`SparseHessian`] for the cost).
///
/// `f` is a [`ScalarFunction`] (it is evaluated on two types). For repeated evaluation, prepare
/// once with [`SparseHessian::detect`] and use [`SparseHessian::hessian_into`] with the faster
/// `DualVec<DualVec<T, K>, M>`. The result is a [`CscMatrix`] holding both triangles.
///
/// ```
/// use dualdiff::{sparse_hessian, Real, ScalarFunction};
///
/// /// Σ (x_{i+1} − x_i²)²: tridiagonal Hessian
/// struct Chain;
///
/// impl<T: Real> ScalarFunction<T> for Chain {
///     fn eval<D: Real + From<T>>(&self, x: &[D]) -> D {
///         x.windows(2).fold(D::zero(), |s, w| s + (w[1] - w[0] * w[0]).powi(2))
///     }
/// }
///
/// let (f, g, h) = sparse_hessian(&Chain, &[1.0, 2.0, 3.0]);
/// // f = (2 − 1)² + (3 − 4)²; ∂f/∂x₂ = 2(x₂ − x₁²) = −2
/// assert_eq!((f, g[2]), (2.0, -2.0));
/// assert_eq!(h.nnz(), 7);
/// // ∂²f/∂x₁∂x₂ = −4x₁ = −8, ∂²f/∂x₂² = 2
/// assert_eq!(h.get_entry(1, 2).unwrap().into_value(), -8.0);
/// assert_eq!(h.get_entry(2, 2).unwrap().into_value(), 2.0);
/// ```
pub fn sparse_hessian<T, F>(f: &F, x: &[T]) -> (T, Vec<T>, CscMatrix<T>)
where
    T: Real,
    F: ScalarFunction<T>,
    SparsityTracer: From<T>,
{
    SparseHessian::detect(|v: &[SparsityTracer]| f.eval(v), x)
        .hessian(|v: &[Dual2Vec<T, 8>]| f.eval(v), x)
}
