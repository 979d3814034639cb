//! `HyperDual<T>`: exact second and mixed partial derivatives.
// No `forbid(unsafe_code)`: the `number_type!` line expands bytemuck's and simba's unsafe
// trait items, written (with their safety arguments) in `integrations`. Cargo.toml's `[lints]`
// deny unsafe code, so none can be written here without an `allow`.

use crate::Real;
use crate::chain::{Chain, KeepZeros, Parts, Policy, scalar_div_by_chain, scale_curvature};
use core::fmt;

/// A hyper-dual number `re + e1·ε₁ + e2·ε₂ + e12·ε₁ε₂` with `ε₁² = ε₂² = 0`, `ε₁ε₂ ≠ 0`.
///
/// Seeding `x + u·ε₁ + v·ε₂` and evaluating `f` gives `f(x)`, the directional derivatives
/// `∇f·u` and `∇f·v`, and the exact mixed second derivative `uᵀ·∇²f·v` in `e12` — no
/// truncation error, no cancellation. [`HyperDual::variable`] seeds `u = v = 1`, so `e12` is the
/// second derivative in one variable. It follows the crate's [conventions](crate#conventions).
///
/// ```
/// use dualdiff::HyperDual64;
///
/// // f(x) = x³: f' = 3x², f'' = 6x
/// let x = HyperDual64::variable(2.0);
/// let f = x * x * x;
/// assert_eq!((f.re, f.e1, f.e2, f.e12), (8.0, 12.0, 12.0, 12.0));
/// ```
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub struct HyperDual<T> {
    /// The value.
    pub re: T,
    /// The first derivative along the first direction `ε₁`.
    pub e1: T,
    /// The first derivative along the second direction `ε₂`.
    pub e2: T,
    /// The mixed second derivative along `ε₁` and `ε₂`.
    pub e12: T,
}

/// A [`HyperDual`] over `f32`.
pub type HyperDual32 = HyperDual<f32>;
/// A [`HyperDual`] over `f64`.
pub type HyperDual64 = HyperDual<f64>;

impl<T> HyperDual<T> {
    /// Creates a hyper-dual number from its four parts.
    ///
    /// ```
    /// use dualdiff::HyperDual;
    ///
    /// let h = HyperDual::new(1.0, 2.0, 3.0, 4.0);
    /// assert_eq!(h.e12, 4.0);
    /// ```
    #[inline]
    #[must_use]
    pub const fn new(re: T, e1: T, e2: T, e12: T) -> Self {
        Self { re, e1, e2, e12 }
    }
}

impl<T: Real> HyperDual<T> {
    /// Creates the variable at `x` for a second derivative in one variable: `e1 = e2 = 1`,
    /// `e12 = 0`.
    ///
    /// ```
    /// use dualdiff::HyperDual64;
    ///
    /// // (eˣ)'' = eˣ
    /// let f = HyperDual64::variable(0.5).exp();
    /// assert_eq!(f.e12, 0.5f64.exp());
    /// ```
    #[inline]
    #[must_use]
    pub fn variable(x: T) -> Self {
        Self::new(x, T::one(), T::one(), T::zero())
    }

    /// Creates a constant: every derivative part 0.
    ///
    /// ```
    /// use dualdiff::HyperDual64;
    ///
    /// let c = HyperDual64::constant(2.0);
    /// assert_eq!((c.e1, c.e2, c.e12), (0.0, 0.0, 0.0));
    /// ```
    #[inline]
    #[must_use]
    pub fn constant(x: T) -> Self {
        Self::new(x, T::zero(), T::zero(), T::zero())
    }
}

impl<T: Real> Parts for HyperDual<T> {
    type Re = T;

    #[inline]
    fn re(&self) -> T {
        self.re
    }

    #[inline]
    fn with_re(self, re: T) -> Self {
        Self::new(re, self.e1, self.e2, self.e12)
    }

    #[inline]
    fn nan_parts(f: T) -> Self {
        Self::new(f, T::nan(), T::nan(), T::nan())
    }

    #[inline]
    fn is_constant(&self) -> bool {
        self.e1.is_zero_in_all_parts()
            && self.e2.is_zero_in_all_parts()
            && self.e12.is_zero_in_all_parts()
    }

    #[inline]
    fn constant(re: T) -> Self {
        Self::constant(re)
    }

    /// Applies `f` to every part.
    #[inline]
    fn map(self, f: impl Fn(T) -> T) -> Self {
        Self::new(f(self.re), f(self.e1), f(self.e2), f(self.e12))
    }

    /// Combines two numbers part by part.
    #[inline]
    fn zip(self, o: Self, f: impl Fn(T, T) -> T) -> Self {
        Self::new(
            f(self.re, o.re),
            f(self.e1, o.e1),
            f(self.e2, o.e2),
            f(self.e12, o.e12),
        )
    }

    /// `(a + a₁ε₁ + a₂ε₂ + a₁₂ε₁ε₂)(b + …) = ab + (a b₁ + a₁ b)ε₁ + (a b₂ + a₂ b)ε₂
    ///  + (a b₁₂ + a₁ b₂ + a₂ b₁ + a₁₂ b)ε₁ε₂`
    ///
    /// `times(self part, o part)` forms each product of parts.
    #[inline]
    fn mul_with(self, o: Self, times: impl Fn(T, T) -> T) -> Self {
        Self::new(
            times(self.re, o.re),
            times(self.re, o.e1) + times(self.e1, o.re),
            times(self.re, o.e2) + times(self.e2, o.re),
            times(self.re, o.e12)
                + times(self.e1, o.e2)
                + times(self.e2, o.e1)
                + times(self.e12, o.re),
        )
    }

    /// `q = x / y` from `x = q·y`, part by part: `q₁ = (x₁ − q·y₁)/y`, `q₂ = (x₂ − q·y₂)/y`,
    /// `q₁₂ = (x₁₂ − q·y₁₂ − q₁·y₂ − q₂·y₁)/y`. No power of `1/y` appears, so nothing
    /// overflows or underflows before the result does; zero parts contribute nothing.
    #[inline]
    fn div(self, o: Self) -> Self {
        let q = self.re / o.re;
        let e1 = (self.e1 - KeepZeros::mul(q, o.e1)) / o.re;
        let e2 = (self.e2 - KeepZeros::mul(q, o.e2)) / o.re;
        let e12 = (self.e12
            - KeepZeros::mul(q, o.e12)
            - KeepZeros::mul(e1, o.e2)
            - KeepZeros::mul(e2, o.e1))
            / o.re;
        Self::new(q, e1, e2, e12)
    }

    #[inline]
    fn scalar_div(s: T, x: Self) -> Self {
        scalar_div_by_chain(s, x)
    }
}

impl<T: Real> Chain for HyperDual<T> {
    /// `f(a + a₁ε₁ + a₂ε₂ + a₁₂ε₁ε₂) = f + f'a₁ε₁ + f'a₂ε₂ + (f'a₁₂ + f''a₁a₂)ε₁ε₂`
    #[inline]
    fn chain1_with<S: Policy>(self, f: T, df: T, d2f: impl FnOnce() -> T) -> Self {
        let curvature = scale_curvature::<S, T>(d2f(), self.e1 * self.e2);
        let e12 = S::mul(df, self.e12) + curvature;
        Self::new(f, S::mul(df, self.e1), S::mul(df, self.e2), e12)
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
        let [fxx, fxy, fyy] = d2f();
        let e1 = S::mul(fx, self.e1) + S::mul(fy, o.e1);
        let e2 = S::mul(fx, self.e2) + S::mul(fy, o.e2);
        let e12 = S::mul(fx, self.e12)
            + S::mul(fy, o.e12)
            + scale_curvature::<S, T>(fxx, self.e1 * self.e2)
            + scale_curvature::<S, T>(fxy, self.e1 * o.e2 + o.e1 * self.e2)
            + scale_curvature::<S, T>(fyy, o.e1 * o.e2);
        Self::new(f, e1, e2, e12)
    }
}

impl<T: fmt::Display> fmt::Display for HyperDual<T> {
    /// Writes `re + e1ε1 + e2ε2 + e12ε1ε2`; a precision (`{:.3}`) applies to every part.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match f.precision() {
            Some(p) => write!(
                f,
                "{:.*} + {:.*}ε1 + {:.*}ε2 + {:.*}ε1ε2",
                p, self.re, p, self.e1, p, self.e2, p, self.e12
            ),
            None => write!(
                f,
                "{} + {}ε1 + {}ε2 + {}ε1ε2",
                self.re, self.e1, self.e2, self.e12
            ),
        }
    }
}

crate::types::number_type! {
    HyperDual<T>,
    functions: chain,
    serde: "HyperDual" {
        re: scalar = |x: &HyperDual<T>| x.re,
        e1: scalar = |x: &HyperDual<T>| x.e1,
        e2: scalar = |x: &HyperDual<T>| x.e2,
        e12: scalar = |x: &HyperDual<T>| x.e12,
    } => |re, e1, e2, e12| Ok::<_, core::convert::Infallible>(HyperDual::new(re, e1, e2, e12)),
    scalars: 4,
}
