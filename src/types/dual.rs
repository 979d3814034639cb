//! `Dual<T>`: a value and one directional derivative.
// No `forbid(unsafe_code)`: the `number_type!` line expands bytemuck's and simba's unsafe
// trait items, written (with their safety arguments) in `integrations`. Cargo.toml's `[lints]`
// deny unsafe code, so none can be written here without an `allow`.

use crate::Real;
use crate::chain::{Chain, KeepZeros, Parts, Policy, scalar_div_by_chain};
use core::fmt;

/// A dual number `re + eps·ε` with `ε² = 0`: a value and one directional derivative.
///
/// Evaluating `f` at `Dual::new(x, v)` gives `f(x) + f'(x)·v·ε`. Seed the input you
/// differentiate with [`Dual::variable`] and hold the others with [`Dual::constant`].
///
/// It follows the crate's [conventions](crate#conventions).
///
/// ```
/// use dualdiff::Dual64;
///
/// // d/dx (x² sin x) = 2x sin x + x² cos x
/// let x = Dual64::variable(2.0);
/// let y = x * x * x.sin();
/// assert_eq!(y.re, 4.0 * 2f64.sin());
/// assert!((y.eps - (4.0 * 2f64.sin() + 4.0 * 2f64.cos())).abs() < 1e-14);
/// ```
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct Dual<T> {
    /// The value.
    pub re: T,
    /// The derivative part: the derivative along the seeded direction.
    pub eps: T,
}

/// A [`Dual`] over `f32`.
pub type Dual32 = Dual<f32>;
/// A [`Dual`] over `f64`.
pub type Dual64 = Dual<f64>;

impl<T> Dual<T> {
    /// Creates a dual number from its value and derivative part.
    ///
    /// ```
    /// use dualdiff::Dual;
    ///
    /// let d = Dual::new(1.5, 2.0);
    /// assert_eq!((d.re, d.eps), (1.5, 2.0));
    /// ```
    #[inline]
    #[must_use]
    pub const fn new(re: T, eps: T) -> Self {
        Self { re, eps }
    }
}

impl<T: Real> Dual<T> {
    /// Creates the independent variable at `x`: derivative part 1.
    ///
    /// ```
    /// use dualdiff::Dual64;
    ///
    /// let x = Dual64::variable(3.0);
    /// assert_eq!((x * x).eps, 6.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn variable(x: T) -> Self {
        Self::new(x, T::one())
    }

    /// Creates a constant: derivative part 0.
    ///
    /// ```
    /// use dualdiff::Dual64;
    ///
    /// let c = Dual64::constant(3.0);
    /// assert_eq!((c * c).eps, 0.0);
    /// ```
    #[inline]
    #[must_use]
    pub fn constant(x: T) -> Self {
        Self::new(x, T::zero())
    }
}

impl<T: Real> Parts for Dual<T> {
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
        Self::new(f, T::nan())
    }

    #[inline]
    fn is_constant(&self) -> bool {
        self.eps.is_zero_in_all_parts()
    }

    #[inline]
    fn constant(re: T) -> Self {
        Self::constant(re)
    }

    #[inline]
    fn map(self, f: impl Fn(T) -> T) -> Self {
        Self::new(f(self.re), f(self.eps))
    }

    #[inline]
    fn zip(self, other: Self, f: impl Fn(T, T) -> T) -> Self {
        Self::new(f(self.re, other.re), f(self.eps, other.eps))
    }

    /// `(a + bε)(c + dε) = ac + (ad + bc)ε`
    #[inline]
    fn mul_with(self, rhs: Self, times: impl Fn(T, T) -> T) -> Self {
        Self::new(
            times(self.re, rhs.re),
            times(self.re, rhs.eps) + times(self.eps, rhs.re),
        )
    }

    /// `(a + bε)/(c + dε) = q + (b − q·d)/c·ε` with `q = a/c`: no `1/c²`, so it neither
    /// overflows nor underflows before the result does, and a zero `d` contributes nothing
    /// even where `q` is infinite (so `x / constant(0)` matches `x / 0.0`).
    #[inline]
    fn div(self, rhs: Self) -> Self {
        let q = self.re / rhs.re;
        Self::new(q, (self.eps - KeepZeros::mul(q, rhs.eps)) / rhs.re)
    }

    #[inline]
    fn scalar_div(s: T, x: Self) -> Self {
        scalar_div_by_chain(s, x)
    }
}

impl<T: Real> Chain for Dual<T> {
    /// `f(a + bε) = f(a) + f'(a)·bε`
    #[inline]
    fn chain1_with<S: Policy>(self, f: T, df: T, _d2f: impl FnOnce() -> T) -> Self {
        Self::new(f, S::mul(df, self.eps))
    }

    #[inline]
    fn chain2_with<S: Policy>(
        self,
        other: Self,
        f: T,
        fx: T,
        fy: T,
        _d2f: impl FnOnce() -> [T; 3],
    ) -> Self {
        Self::new(f, S::mul(fx, self.eps) + S::mul(fy, other.eps))
    }
}

impl<T: fmt::Display> fmt::Display for Dual<T> {
    /// Writes `re + epsε`; a precision (`{:.3}`) applies to both parts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match f.precision() {
            Some(p) => write!(f, "{:.*} + {:.*}ε", p, self.re, p, self.eps),
            None => write!(f, "{} + {}ε", self.re, self.eps),
        }
    }
}

crate::types::number_type! {
    Dual<T>,
    functions: chain,
    serde: "Dual" { re: scalar = |x: &Dual<T>| x.re, eps: scalar = |x: &Dual<T>| x.eps }
        => |re, eps| Ok::<_, core::convert::Infallible>(Dual::new(re, eps)),
    scalars: 2,
}
