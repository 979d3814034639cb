//! Colorings of a sparsity pattern: which columns can share one direction of a dual number.
#![forbid(unsafe_code)]

use super::Sparsity;
use alloc::vec;
use alloc::vec::Vec;

/// A coloring of the columns of a [`Sparsity`] pattern: `color(j)` for each column `j`, the
/// colors numbered `0..num_colors()`.
///
/// The columns of one color are seeded together in one direction of a dual number, so one
/// evaluation of a width-`W` type yields `W` colors' worth of columns. See [`column_coloring`]
/// (Jacobians) and [`star_coloring`] (symmetric Hessians).
///
/// ```
/// use dualdiff::Sparsity;
/// use dualdiff::sparse::column_coloring;
///
/// // a diagonal pattern: every column is orthogonal to every other, one color
/// let c = column_coloring(&Sparsity::from_entries(3, 3, [(0, 0), (1, 1), (2, 2)]));
/// assert_eq!(c.num_colors(), 1);
/// assert_eq!(c.colors(), [0, 0, 0]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coloring {
    colors: Vec<usize>,
    num_colors: usize,
}

impl Coloring {
    fn from_colors(colors: Vec<usize>) -> Self {
        let num_colors = colors.iter().max().map_or(0, |&c| c + 1);
        Self { colors, num_colors }
    }

    /// Returns the number of colors (0 only for a pattern with no columns).
    ///
    /// ```
    /// use dualdiff::Sparsity;
    /// use dualdiff::sparse::column_coloring;
    ///
    /// let dense = Sparsity::from_entries(2, 2, [(0, 0), (0, 1), (1, 0), (1, 1)]);
    /// assert_eq!(column_coloring(&dense).num_colors(), 2);
    /// ```
    #[must_use]
    pub const fn num_colors(&self) -> usize {
        self.num_colors
    }

    /// Returns the color of each column.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    /// use dualdiff::sparse::column_coloring;
    ///
    /// let p = Sparsity::from_entries(1, 2, [(0, 0), (0, 1)]);
    /// assert_eq!(column_coloring(&p).colors(), [0, 1]);
    /// ```
    #[must_use]
    pub fn colors(&self) -> &[usize] {
        &self.colors
    }

    /// Returns the color of column `j`.
    ///
    /// # Panics
    /// If `j` is not a column.
    ///
    /// ```
    /// use dualdiff::Sparsity;
    /// use dualdiff::sparse::column_coloring;
    ///
    /// let p = Sparsity::from_entries(1, 2, [(0, 0), (0, 1)]);
    /// assert_eq!(column_coloring(&p).color(1), 1);
    /// ```
    #[must_use]
    pub fn color(&self, j: usize) -> usize {
        self.colors[j]
    }

    /// The columns grouped by color: `(offsets, columns)`, color `c` owning
    /// `columns[offsets[c]..offsets[c + 1]]`, ascending. Columns for which `keep` is false are
    /// left out.
    pub(super) fn groups(&self, keep: impl Fn(usize) -> bool) -> (Vec<usize>, Vec<usize>) {
        let mut offsets = vec![0; self.num_colors + 1];
        for (j, &c) in self.colors.iter().enumerate() {
            if keep(j) {
                offsets[c + 1] += 1;
            }
        }
        for c in 0..self.num_colors {
            offsets[c + 1] += offsets[c];
        }
        let mut next = offsets.clone();
        let mut columns = vec![0; offsets[self.num_colors]];
        for (j, &c) in self.colors.iter().enumerate() {
            if keep(j) {
                columns[next[c]] = j;
                next[c] += 1;
            }
        }
        (offsets, columns)
    }
}

/// Returns the vertices in largest-first order: by decreasing degree, ties by index.
fn largest_first(degrees: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..degrees.len()).collect();
    order.sort_by_key(|&v| core::cmp::Reverse(degrees[v]));
    order
}

/// Returns the smallest color not marked `forbidden[c] == v`.
fn first_free(forbidden: &[usize], v: usize) -> usize {
    forbidden
        .iter()
        .position(|&f| f != v)
        .unwrap_or(forbidden.len())
}

/// Returns a column coloring of a Jacobian pattern in which no two columns of one color share a
/// row (they are *structurally orthogonal*): a greedy distance-2 coloring of the bipartite
/// row/column graph, i.e. a coloring of the column intersection graph, in largest-first order
/// (columns by decreasing number of neighbours, ties by index).
///
/// Seeding all columns of a color in one direction then gives, in each row, the single entry of
/// that row among them, so the Jacobian is recovered directly from `num_colors()` directional
/// derivatives. Every coloring needs at least as many colors as the densest row has entries; a
/// banded pattern with `p` sub- and `q` superdiagonals gets the optimal `p + q + 1` (3 for a
/// tridiagonal one). The cost is about `Σⱼ Σ_{i ∈ column j} |row i|`.
///
/// ```
/// use dualdiff::Sparsity;
/// use dualdiff::sparse::column_coloring;
///
/// // tridiagonal, 6×6
/// let p = Sparsity::from_entries(6, 6, (0..6usize).flat_map(|i| {
///     [(i, i), (i, i.saturating_sub(1)), (i, (i + 1).min(5))]
/// }));
/// let c = column_coloring(&p);
/// assert_eq!(c.num_colors(), 3);
/// // columns j and j + 1, j + 2 share a row, so they differ in color
/// for j in 0..4 {
///     assert!(c.color(j) != c.color(j + 1) && c.color(j) != c.color(j + 2));
/// }
/// ```
#[must_use]
pub fn column_coloring(pattern: &Sparsity) -> Coloring {
    let n = pattern.ncols();
    let rows = pattern.rows();
    let neighbours = |j: usize| {
        pattern
            .column(j)
            .iter()
            .flat_map(|&i| rows.lane(i).iter().copied())
    };
    // Degrees in the column intersection graph, each neighbour counted once.
    let mut stamp = vec![usize::MAX; n];
    let degrees: Vec<usize> = (0..n)
        .map(|j| {
            stamp[j] = j;
            neighbours(j)
                .filter(|&k| {
                    let new = stamp[k] != j;
                    stamp[k] = j;
                    new
                })
                .count()
        })
        .collect();
    let mut colors = vec![usize::MAX; n];
    let mut forbidden = vec![usize::MAX; n];
    for j in largest_first(&degrees) {
        for k in neighbours(j) {
            if let Some(&c) = colors.get(k).filter(|&&c| c != usize::MAX) {
                forbidden[c] = j;
            }
        }
        colors[j] = first_free(&forbidden, j);
    }
    Coloring::from_colors(colors)
}

/// Returns a star coloring of a symmetric pattern (a Hessian's): a coloring of the adjacency
/// graph (`i ~ j` when `(i, j)` is an off-diagonal entry) in which adjacent vertices differ in
/// color and every path on four vertices uses at least three colors. Greedy, in largest-first
/// order.
///
/// Its use: with `B = H·S`, the product of the Hessian with the seed matrix of the coloring
/// (column `c` of `S` the indicator of color `c`), every entry is read off `B` directly —
/// `H[i][j] = B[i][color(j)]` when `j` is the only neighbour of `i` of its color, and otherwise
/// `H[i][j] = H[j][i] = B[j][color(i)]`, which the star property guarantees is then direct.
/// It needs far fewer colors than the [`column_coloring`] of the same pattern, which ignores
/// symmetry: an arrowhead (one dense row and column plus the diagonal) takes 2 colors instead
/// of `n`. The pattern is symmetrized first (its union with its transpose is used); the
/// diagonal does not affect the coloring.
///
/// # Panics
/// If the pattern is not square.
///
/// ```
/// use dualdiff::Sparsity;
/// use dualdiff::sparse::{column_coloring, star_coloring};
///
/// // arrowhead: x₀ interacts with everything
/// let n = 8;
/// let p = Sparsity::from_entries(n, n, (0..n).flat_map(|i| [(i, i), (0, i), (i, 0)]));
/// assert_eq!(star_coloring(&p).num_colors(), 2);
/// assert_eq!(column_coloring(&p).num_colors(), n);
/// ```
#[must_use]
pub fn star_coloring(pattern: &Sparsity) -> Coloring {
    let n = pattern.ncols();
    assert_eq!(
        pattern.nrows(),
        n,
        "star_coloring: the pattern must be square"
    );
    let adjacency = adjacency(pattern);
    let neighbours = |v: usize| adjacency.lane(v);
    let degrees: Vec<usize> = (0..n).map(|v| neighbours(v).len()).collect();
    const NONE: usize = usize::MAX;
    let mut colors = vec![NONE; n];
    let mut forbidden = vec![NONE; n];
    // How many colored neighbours of the current vertex have each color.
    let mut count = vec![(NONE, 0usize); n];
    for v in largest_first(&degrees) {
        for &w in neighbours(v) {
            let c = colors[w];
            if c != NONE {
                forbidden[c] = v;
                let entry = &mut count[c];
                *entry = if entry.0 == v {
                    (v, entry.1 + 1)
                } else {
                    (v, 1)
                };
            }
        }
        for &w in neighbours(v) {
            let cw = colors[w];
            if cw == NONE {
                continue;
            }
            // v–w–x–y two-colored if color(v) = color(x) and color(y) = color(w):
            // forbid color(x) when x already has another neighbour y colored like w.
            for &x in neighbours(w) {
                let cx = colors[x];
                if x == v || cx == NONE || forbidden[cx] == v {
                    continue;
                }
                if neighbours(x).iter().any(|&y| y != w && colors[y] == cw) {
                    forbidden[cx] = v;
                }
            }
            // y–w–v–x' two-colored if v has another neighbour x' colored like w and
            // color(v) = color(y): forbid the colors of w's other neighbours.
            if count[cw].0 == v && count[cw].1 >= 2 {
                for &y in neighbours(w) {
                    if y != v && colors[y] != NONE {
                        forbidden[colors[y]] = v;
                    }
                }
            }
        }
        colors[v] = first_free(&forbidden, v);
    }
    Coloring::from_colors(colors)
}

/// The adjacency lists of a square pattern: the off-diagonal entries of its union with its
/// transpose, as a compressed pattern (lane `v` = the neighbours of `v`, sorted).
pub(super) fn adjacency(pattern: &Sparsity) -> nalgebra_sparse::pattern::SparsityPattern {
    let n = pattern.ncols();
    let mut lanes = vec![Vec::new(); n];
    for (i, j) in pattern.entries() {
        if i != j {
            lanes[i].push(j);
            lanes[j].push(i);
        }
    }
    Sparsity::from_lanes(n, n, lanes).csc_pattern().clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the tests need no dependency.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    fn random_symmetric(rng: &mut Rng, n: usize, edges: usize) -> Sparsity {
        let entries: Vec<_> = (0..edges)
            .map(|_| (rng.below(n), rng.below(n)))
            .flat_map(|(i, j)| [(i, j), (j, i), (i, i)])
            .collect();
        Sparsity::from_entries(n, n, entries)
    }

    #[test]
    fn star_coloring_has_no_two_colored_path_on_four_vertices() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for trial in 0..200 {
            let n = 2 + trial % 25;
            let p = random_symmetric(&mut rng, n, n + trial % 40);
            let adj = adjacency(&p);
            let c = star_coloring(&p);
            let color = |v: usize| c.color(v);
            for v in 0..n {
                for &w in adj.lane(v) {
                    assert_ne!(color(v), color(w), "not a proper coloring");
                    for &x in adj.lane(w) {
                        if x == v {
                            continue;
                        }
                        for &y in adj.lane(x) {
                            if y == w || y == v {
                                continue;
                            }
                            assert!(
                                !(color(v) == color(x) && color(w) == color(y)),
                                "two-colored path {v}–{w}–{x}–{y} in\n{p}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn column_coloring_is_structurally_orthogonal() {
        let mut rng = Rng(12345);
        for trial in 0..200 {
            let (m, n) = (1 + trial % 17, 1 + trial % 23);
            let entries: Vec<_> = (0..trial % 60)
                .map(|_| (rng.below(m), rng.below(n)))
                .collect();
            let p = Sparsity::from_entries(m, n, entries);
            let c = column_coloring(&p);
            let rows = p.rows();
            for i in 0..m {
                let mut seen: Vec<usize> = rows.lane(i).iter().map(|&j| c.color(j)).collect();
                seen.sort_unstable();
                let len = seen.len();
                seen.dedup();
                assert_eq!(
                    seen.len(),
                    len,
                    "row {i} has two columns of one color in\n{p}"
                );
            }
        }
    }

    #[test]
    fn banded_patterns_get_optimal_colorings() {
        for (lower, upper) in [(0, 0), (1, 1), (2, 1), (2, 2), (3, 0), (4, 5)] {
            let n = 40;
            let p = Sparsity::from_entries(
                n,
                n,
                (0..n).flat_map(|i| {
                    (i.saturating_sub(lower)..(i + upper + 1).min(n)).map(move |j| (i, j))
                }),
            );
            assert_eq!(column_coloring(&p).num_colors(), lower + upper + 1);
        }
    }
}
