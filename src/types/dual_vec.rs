//! `DualVec<T, N>`: a value and `N` partial derivatives, for chunked gradients and Jacobians.
// No `forbid(unsafe_code)`: the `number_type!` line expands bytemuck's and simba's unsafe
// trait items, written (with their safety arguments) in `integrations`. Cargo.toml's `[lints]`
// deny unsafe code, so none can be written here without an `allow`.

use crate::Real;
use crate::chain::{Chain, KeepZeros, Parts, Policy, scalar_div_by_chain};
use core::fmt;

/// A vector dual number `re + Σₖ eps[k]·εₖ` with `εᵢεⱼ = 0`: a value and `N` directional
/// derivatives carried through one evaluation.
///
/// Seeding `N` inputs with [`DualVec::variable`]`(xₖ, k)` yields `N` columns of a Jacobian (or
/// `N` entries of a gradient) per pass; the drivers ([`gradient`](crate::gradient),
/// [`jacobian`](crate::jacobian)) do this in chunks of `N`. It follows the crate's
/// [conventions](crate#conventions).
///
/// ```
/// use dualdiff::DualVec64;
///
/// // f(x, y) = x·y + sin x: ∇f = (y + cos x, x)
/// let x = DualVec64::<2>::variable(1.0, 0);
/// let y = DualVec64::<2>::variable(3.0, 1);
/// let f = x * y + x.sin();
/// assert_eq!(f.eps, [3.0 + 1f64.cos(), 1.0]);
/// ```
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct DualVec<T, const N: usize> {
    /// The value.
    pub re: T,
    /// The partial derivatives, one per seeded direction.
    pub eps: [T; N],
}

/// A [`DualVec`] over `f32`.
pub type DualVec32<const N: usize> = DualVec<f32, N>;
/// A [`DualVec`] over `f64`.
pub type DualVec64<const N: usize> = DualVec<f64, N>;

impl<T, const N: usize> DualVec<T, N> {
    /// Creates a vector dual number from its value and partials.
    ///
    /// ```
    /// use dualdiff::DualVec;
    ///
    /// let d = DualVec::new(1.0, [0.5, 2.0]);
    /// assert_eq!(d.eps[1], 2.0);
    /// ```
    #[inline]
    #[must_use]
    pub const fn new(re: T, eps: [T; N]) -> Self {
        Self { re, eps }
    }
}

impl<T: Real, const N: usize> DualVec<T, N> {
    /// Creates input variable number `k` at `x`: partial `k` is 1, the others 0. With `k ≥ N`
    /// every partial is 0 (a constant), which is what a remainder chunk needs.
    ///
    /// ```
    /// use dualdiff::DualVec64;
    ///
    /// let y = DualVec64::<3>::variable(2.0, 1);
    /// assert_eq!(y.eps, [0.0, 1.0, 0.0]);
    /// ```
    #[inline]
    #[must_use]
    pub fn variable(x: T, k: usize) -> Self {
        let mut eps = [T::zero(); N];
        if let Some(e) = eps.get_mut(k) {
            *e = T::one();
        }
        Self::new(x, eps)
    }

    /// Creates a constant: every partial 0.
    ///
    /// ```
    /// use dualdiff::DualVec64;
    ///
    /// let c = DualVec64::<3>::constant(2.0);
    /// assert_eq!(c.eps, [0.0; 3]);
    /// ```
    #[inline]
    #[must_use]
    pub fn constant(x: T) -> Self {
        Self::new(x, [T::zero(); N])
    }
}

impl<T: Real, const N: usize> Default for DualVec<T, N> {
    /// Returns zero with zero partials.
    fn default() -> Self {
        Self::new(T::default(), [T::default(); N])
    }
}

impl<T: Real, const N: usize> Parts for DualVec<T, N> {
    type Re = T;

    #[inline]
    fn re(&self) -> T {
        self.re
    }

    #[inline]
    fn with_re(self, re: T) -> Self {
        Self::new(re, self.eps)
    }

    #[inline]
    fn nan_parts(f: T) -> Self {
        Self::new(f, [T::nan(); N])
    }

    #[inline]
    fn is_constant(&self) -> bool {
        self.eps.iter().all(Real::is_zero_in_all_parts)
    }

    #[inline]
    fn constant(re: T) -> Self {
        Self::constant(re)
    }

    /// Applies `f` to every part.
    #[inline]
    fn map(self, f: impl Fn(T) -> T) -> Self {
        // In place, by reference: `array::map` and by-value array iterators copy large arrays
        // through the stack instead of vectorising.
        let mut eps = self.eps;
        for e in &mut eps {
            *e = f(*e);
        }
        Self::new(f(self.re), eps)
    }

    /// Combines two numbers part by part.
    #[inline]
    fn zip(self, other: Self, f: impl Fn(T, T) -> T) -> Self {
        let mut eps = self.eps;
        for (e, o) in eps.iter_mut().zip(other.eps) {
            *e = f(*e, o);
        }
        Self::new(f(self.re, other.re), eps)
    }

    /// `(a + Σ bₖεₖ)(c + Σ dₖεₖ) = ac + Σ (a·dₖ + bₖ·c)εₖ`, with `times(self part, rhs part)`
    /// for each product of parts.
    #[inline]
    fn mul_with(self, rhs: Self, times: impl Fn(T, T) -> T) -> Self {
        let mut eps = self.eps;
        for (e, d) in eps.iter_mut().zip(rhs.eps) {
            *e = times(self.re, d) + times(*e, rhs.re);
        }
        Self::new(times(self.re, rhs.re), eps)
    }

    /// `(a + Σ bₖεₖ)/(c + Σ dₖεₖ) = q + Σ (bₖ − q·dₖ)/c·εₖ` with `q = a/c` (see
    /// [`Dual`](crate::Dual)'s quotient: no `1/c`, zero parts contribute nothing).
    #[inline]
    fn div(self, rhs: Self) -> Self {
        let q = self.re / rhs.re;
        let mut eps = self.eps;
        for (e, &d) in eps.iter_mut().zip(&rhs.eps) {
            *e = (*e - KeepZeros::mul(q, d)) / rhs.re;
        }
        Self::new(q, eps)
    }

    #[inline]
    fn scalar_div(s: T, x: Self) -> Self {
        scalar_div_by_chain(s, x)
    }
}

impl<T: Real, const N: usize> Chain for DualVec<T, N> {
    /// `f(a + Σ bₖεₖ) = f(a) + Σ f'(a)·bₖεₖ`
    #[inline]
    fn chain1_with<S: Policy>(self, f: T, df: T, _d2f: impl FnOnce() -> T) -> Self {
        let mut eps = self.eps;
        for e in &mut eps {
            *e = S::mul(df, *e);
        }
        Self::new(f, eps)
    }

    /// `f(x, y)` has parts `fx·xₖ + fy·yₖ`.
    #[inline]
    fn chain2_with<S: Policy>(
        self,
        other: Self,
        f: T,
        fx: T,
        fy: T,
        _d2f: impl FnOnce() -> [T; 3],
    ) -> Self {
        let mut eps = self.eps;
        for (e, &o) in eps.iter_mut().zip(&other.eps) {
            *e = S::mul(fx, *e) + S::mul(fy, o);
        }
        Self::new(f, eps)
    }
}

impl<T: fmt::Display, const N: usize> fmt::Display for DualVec<T, N> {
    /// Writes `re + [e₀, e₁, …]ε`; a precision (`{:.3}`) applies to every part.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = f.precision();
        match p {
            Some(p) => write!(f, "{:.*} + [", p, self.re)?,
            None => write!(f, "{} + [", self.re)?,
        }
        for (k, e) in self.eps.iter().enumerate() {
            if k > 0 {
                f.write_str(", ")?;
            }
            match p {
                Some(p) => write!(f, "{e:.p$}")?,
                None => write!(f, "{e}")?,
            }
        }
        f.write_str("]ε")
    }
}

crate::types::number_type! {
    DualVec<T, N>,
    functions: chain,
    serde: "DualVec" { re: scalar = |x: &DualVec<T, N>| x.re, eps: array(N) = |x: &DualVec<T, N>| x.eps }
        => |re, eps| Ok::<_, core::convert::Infallible>(DualVec::new(re, eps)),
    scalars: 1 + N,
}
