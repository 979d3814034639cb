//! `Dual2Vec<T, N>`: value, gradient and Hessian in `N` directions from one evaluation.
// No `forbid(unsafe_code)`: the `number_type!` line expands bytemuck's and simba's unsafe
// trait items, written (with their safety arguments) in `integrations`. Cargo.toml's `[lints]`
// deny unsafe code, so none can be written here without an `allow`.

use crate::Real;
use crate::chain::{Chain, KeepZeros, Parts, Policy, scalar_div_by_chain};
use core::fmt;

/// A second-order dual number in `N` directions: a value, its `N` partials and the `N×N`
/// Hessian, carried through one evaluation.
///
/// Seeding `N` inputs with [`Dual2Vec::variable`]`(xₖ, k)` yields the whole gradient and
/// Hessian of a function of `N` variables in one pass. The Hessian is symmetric, so only its
/// upper triangle is computed (about half the work of a dense second-order type); read it with
/// [`hessian`](Self::hessian) or [`hess`](Self::hess). The [`hessian`](crate::hessian) driver
/// uses this type in blocks when it has more inputs than `N`. It follows the
/// crate's [conventions](crate#conventions).
///
/// ```
/// use dualdiff::Dual2Vec64;
///
/// // f(x, y) = x²y: ∇f = (2xy, x²), ∇²f = [[2y, 2x], [2x, 0]]
/// let x = Dual2Vec64::<2>::variable(3.0, 0);
/// let y = Dual2Vec64::<2>::variable(2.0, 1);
/// let f = x * x * y;
/// assert_eq!(f.re, 18.0);
/// assert_eq!(f.grad, [12.0, 9.0]);
/// assert_eq!(f.hessian(), [[4.0, 6.0], [6.0, 0.0]]);
/// ```
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct Dual2Vec<T, const N: usize> {
    /// The value.
    pub re: T,
    /// The first partial derivatives, one per seeded direction.
    pub grad: [T; N],
    /// The second partials; entries `[i][j]` with `j ≥ i` are kept, the rest are unused.
    upper: [[T; N]; N],
}

/// A [`Dual2Vec`] over `f32`.
pub type Dual2Vec32<const N: usize> = Dual2Vec<f32, N>;
/// A [`Dual2Vec`] over `f64`.
pub type Dual2Vec64<const N: usize> = Dual2Vec<f64, N>;

/// The widths up to which `map` and `zip` build their result afresh rather than update a copy
/// in place (measured on Rosenbrock's Hessian: afresh is 2.5× faster at N = 2 and 10 % slower
/// at N = 10).
const SMALL: usize = 4;

impl<T: Real, const N: usize> Dual2Vec<T, N> {
    /// Creates a number from its value, gradient and Hessian (only the upper triangle of
    /// `hessian` is read: it is taken to be symmetric).
    ///
    /// ```
    /// use dualdiff::Dual2Vec64;
    ///
    /// let d = Dual2Vec64::new(1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]]);
    /// assert_eq!(d.hess(1, 0), 5.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn new(re: T, grad: [T; N], hessian: [[T; N]; N]) -> Self {
        let mut upper = hessian;
        for (i, row) in upper.iter_mut().enumerate() {
            row[..i].fill(T::zero());
        }
        Self { re, grad, upper }
    }

    /// Creates input variable number `k` at `x`: partial `k` is 1, every other part 0. With
    /// `k ≥ N` it is a constant.
    ///
    /// ```
    /// use dualdiff::Dual2Vec64;
    ///
    /// let y = Dual2Vec64::<3>::variable(2.0, 1);
    /// assert_eq!(y.grad, [0.0, 1.0, 0.0]);
    /// ```
    #[inline]
    #[must_use]
    pub fn variable(x: T, k: usize) -> Self {
        let mut d = Self::constant(x);
        if let Some(g) = d.grad.get_mut(k) {
            *g = T::one();
        }
        d
    }

    /// Creates a constant: every derivative part 0.
    ///
    /// ```
    /// use dualdiff::Dual2Vec64;
    ///
    /// let c = Dual2Vec64::<2>::constant(2.0);
    /// assert_eq!(c.hessian(), [[0.0; 2]; 2]);
    /// ```
    #[inline]
    #[must_use]
    pub fn constant(x: T) -> Self {
        Self {
            re: x,
            grad: [T::zero(); N],
            upper: [[T::zero(); N]; N],
        }
    }

    /// Returns the second partial `∂²/∂i∂j` (symmetric in `i` and `j`).
    ///
    /// # Panics
    /// If `i` or `j` is not below `N`.
    #[inline]
    #[must_use]
    pub fn hess(&self, i: usize, j: usize) -> T {
        if i <= j {
            self.upper[i][j]
        } else {
            self.upper[j][i]
        }
    }

    /// Returns the full symmetric `N×N` Hessian.
    #[inline]
    #[must_use]
    pub fn hessian(&self) -> [[T; N]; N] {
        let mut h = self.upper;
        for (i, row) in h.iter_mut().enumerate() {
            for (j, entry) in row[..i].iter_mut().enumerate() {
                *entry = self.upper[j][i];
            }
        }
        h
    }
}

impl<T: Real, const N: usize> Dual2Vec<T, N> {
    /// `∇f(a) = f'·∇a`, `∇²f(a) = f'·∇²a + f''·∇a∇aᵀ`, the first-order products formed by `S`,
    /// the second-order ones by `S2`.
    #[inline]
    fn apply1<S: Policy, S2: Policy>(self, f: T, df: T, d2f: T) -> Self {
        let mut r = Self::constant(f);
        for i in 0..N {
            r.grad[i] = S::mul(df, self.grad[i]);
            for j in i..N {
                r.upper[i][j] =
                    S::mul(df, self.upper[i][j]) + S2::mul(d2f, self.grad[i] * self.grad[j]);
            }
        }
        r
    }

    /// The chain rule of `f(x, y)` with slopes `[fx, fy]` and second partials
    /// `[fxx, fxy, fyy]`, the first-order products formed by `S`, the second-order ones by `S2`.
    #[inline]
    fn apply2<S: Policy, S2: Policy>(
        self,
        o: Self,
        f: T,
        [fx, fy]: [T; 2],
        [fxx, fxy, fyy]: [T; 3],
    ) -> Self {
        let mut r = Self::constant(f);
        for i in 0..N {
            r.grad[i] = S::mul(fx, self.grad[i]) + S::mul(fy, o.grad[i]);
            for j in i..N {
                r.upper[i][j] = S::mul(fx, self.upper[i][j])
                    + S::mul(fy, o.upper[i][j])
                    + S2::mul(fxx, self.grad[i] * self.grad[j])
                    + S2::mul(fxy, self.grad[i] * o.grad[j] + o.grad[i] * self.grad[j])
                    + S2::mul(fyy, o.grad[i] * o.grad[j]);
            }
        }
        r
    }
}

impl<T: Real, const N: usize> Default for Dual2Vec<T, N> {
    /// Returns zero with zero derivative parts.
    #[inline]
    fn default() -> Self {
        Self::constant(T::default())
    }
}

impl<T: Real, const N: usize> Parts for Dual2Vec<T, N> {
    type Re = T;

    #[inline]
    fn re(&self) -> T {
        self.re
    }

    #[inline]
    fn with_re(self, re: T) -> Self {
        Self { re, ..self }
    }

    #[inline]
    fn nan_parts(f: T) -> Self {
        Self {
            re: f,
            grad: [T::nan(); N],
            upper: [[T::nan(); N]; N],
        }
    }

    #[inline]
    fn is_constant(&self) -> bool {
        self.grad.iter().all(Real::is_zero_in_all_parts)
            && self
                .upper
                .iter()
                .enumerate()
                .all(|(i, row)| row[i..].iter().all(Real::is_zero_in_all_parts))
    }

    #[inline]
    fn constant(re: T) -> Self {
        Self::constant(re)
    }

    /// Applies `f` to every kept part.
    #[inline]
    fn map(self, f: impl Fn(T) -> T) -> Self {
        if N <= SMALL {
            // built afresh, entry by entry, so that the optimiser keeps a small number in
            // registers; updating a copy in place mixes scalar stores with vector loads of the
            // same bytes, which stalls
            let mut r = Self::constant(f(self.re));
            for i in 0..N {
                r.grad[i] = f(self.grad[i]);
                for j in i..N {
                    r.upper[i][j] = f(self.upper[i][j]);
                }
            }
            r
        } else {
            // in place: a large number lives in memory anyway, and this skips zeroing the
            // unused triangle (10 % faster at N = 10)
            let mut r = self;
            r.re = f(r.re);
            for g in &mut r.grad {
                *g = f(*g);
            }
            for (i, row) in r.upper.iter_mut().enumerate() {
                for h in &mut row[i..] {
                    *h = f(*h);
                }
            }
            r
        }
    }

    /// Combines two numbers part by part.
    #[inline]
    fn zip(self, o: Self, f: impl Fn(T, T) -> T) -> Self {
        if N <= SMALL {
            // built afresh for a small N, in place for a large one: see `map`
            let mut r = Self::constant(f(self.re, o.re));
            for i in 0..N {
                r.grad[i] = f(self.grad[i], o.grad[i]);
                for j in i..N {
                    r.upper[i][j] = f(self.upper[i][j], o.upper[i][j]);
                }
            }
            r
        } else {
            let mut r = self;
            r.re = f(r.re, o.re);
            for (g, &og) in r.grad.iter_mut().zip(&o.grad) {
                *g = f(*g, og);
            }
            for (i, (row, orow)) in r.upper.iter_mut().zip(&o.upper).enumerate() {
                for (h, oh) in row[i..].iter_mut().zip(&orow[i..]) {
                    *h = f(*h, *oh);
                }
            }
            r
        }
    }

    /// `(a, ∇a, ∇²a)(b, ∇b, ∇²b) = (ab, a∇b + b∇a, a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ)`, with
    /// `times(self part, o part)` for each product of parts.
    #[inline]
    fn mul_with(self, o: Self, times: impl Fn(T, T) -> T) -> Self {
        let (a, b) = (self.re, o.re);
        let mut r = Self::constant(times(a, b));
        for i in 0..N {
            r.grad[i] = times(a, o.grad[i]) + times(self.grad[i], b);
            for j in i..N {
                r.upper[i][j] = times(a, o.upper[i][j])
                    + times(self.upper[i][j], b)
                    + times(self.grad[i], o.grad[j])
                    + times(self.grad[j], o.grad[i]);
            }
        }
        r
    }

    /// `q = x / y` from `x = q·y`: `∇q = (∇x − q∇y)/y`,
    /// `∇²q = (∇²x − q∇²y − ∇q∇yᵀ − ∇y∇qᵀ)/y`. No power of `1/y` appears, so nothing
    /// overflows or underflows before the result does; zero parts contribute nothing.
    #[inline]
    fn div(self, o: Self) -> Self {
        let (q, b) = (self.re / o.re, o.re);
        let mut r = Self::constant(q);
        for i in 0..N {
            r.grad[i] = (self.grad[i] - KeepZeros::mul(q, o.grad[i])) / b;
        }
        for i in 0..N {
            for j in i..N {
                r.upper[i][j] = (self.upper[i][j]
                    - KeepZeros::mul(q, o.upper[i][j])
                    - KeepZeros::mul(r.grad[i], o.grad[j])
                    - KeepZeros::mul(r.grad[j], o.grad[i]))
                    / b;
            }
        }
        r
    }

    #[inline]
    fn scalar_div(s: T, x: Self) -> Self {
        scalar_div_by_chain(s, x)
    }
}

impl<T: Real, const N: usize> Chain for Dual2Vec<T, N> {
    /// `∇f(a) = f'·∇a`, `∇²f(a) = f'·∇²a + f''·∇a∇aᵀ`
    #[inline]
    fn chain1_with<S: Policy>(self, f: T, df: T, d2f: impl FnOnce() -> T) -> Self {
        let d2f = d2f();
        if d2f.is_finite() {
            self.apply1::<S, S>(f, df, d2f)
        } else {
            self.apply1::<S, KeepZeros>(f, df, d2f)
        }
    }

    #[inline]
    fn chain2_with<S: Policy>(
        self,
        o: Self,
        f: T,
        fx: T,
        fy: T,
        d2f: impl FnOnce() -> [T; 3],
    ) -> Self {
        let d2 = d2f();
        if d2.iter().all(|s| s.is_finite()) {
            self.apply2::<S, S>(o, f, [fx, fy], d2)
        } else {
            self.apply2::<S, KeepZeros>(o, f, [fx, fy], d2)
        }
    }
}

impl<T: Real, const N: usize> fmt::Display for Dual2Vec<T, N> {
    /// Writes `re + [g₀, …]ε + [[h₀₀, …], …]ε²`; a precision (`{:.3}`) applies to every part.
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = f.precision();
        let part = |f: &mut fmt::Formatter<'_>, v: &T| match p {
            Some(p) => write!(f, "{v:.p$}"),
            None => write!(f, "{v}"),
        };
        part(f, &self.re)?;
        f.write_str(" + [")?;
        for (k, g) in self.grad.iter().enumerate() {
            if k > 0 {
                f.write_str(", ")?;
            }
            part(f, g)?;
        }
        f.write_str("]ε + [")?;
        for (i, row) in self.hessian().iter().enumerate() {
            f.write_str(if i > 0 { ", [" } else { "[" })?;
            for (j, h) in row.iter().enumerate() {
                if j > 0 {
                    f.write_str(", ")?;
                }
                part(f, h)?;
            }
            f.write_str("]")?;
        }
        f.write_str("]ε²")
    }
}

crate::types::number_type! {
    Dual2Vec<T, N>,
    functions: chain,
    serde: "Dual2Vec" {
        re: scalar = |x: &Dual2Vec<T, N>| x.re,
        grad: array(N) = |x: &Dual2Vec<T, N>| x.grad,
        hessian: matrix(N) = |x: &Dual2Vec<T, N>| x.hessian(),
    } => |re, grad, hessian| {
        crate::integrations::serde::symmetric(hessian).map(|h| Dual2Vec::new(re, grad, h))
    },
    scalars: 1 + N + N * N,
}
