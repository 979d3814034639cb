//! What every number type offers the shared code ([`Parts`]), the chain rule of the fixed-order
//! types ([`Chain`]), and the one zero policy that both follow.
//!
//! # Structural zeros
//! A derivative part that is exactly zero in every part (at every nesting level) says that the
//! number does not depend on that direction: the derivative part of a constant. Such a zero must
//! stay zero through every rule, even where the rule multiplies it by an infinite slope. `sqrt`
//! at 0 has the slope `+∞`; for `f(x, c) = sqrt(x) + c` with a constant `c`, the plain product
//! `∞ · 0` would turn `∂f/∂c` into NaN, where it is 0. So each rule is applied under one of two
//! [`Policy`]s, chosen once per evaluation ([`Rule`]): [`Plain`] IEEE products where the value is
//! a number and every slope is finite (the common case, one multiplication per part), and
//! [`KeepZeros`] otherwise, in which a structural zero times anything, or divided by anything,
//! is zero. A NaN value gives NaN in every derivative part: a number that is not a number has no
//! derivative.
#![forbid(unsafe_code)]

use crate::Real;
use num_traits::Float;

/// The plumbing that every number type offers the code written once for all of them (the
/// operators, the functions the value part decides, the trait integrations): its value, its
/// parts taken as a whole, its product and its quotient. Implemented next to each type's struct.
pub(crate) trait Parts: Copy {
    /// The scalar of the value part.
    type Re: Real;

    /// Returns the value part.
    fn re(&self) -> Self::Re;

    /// Returns `self` with the value part replaced and the derivative parts kept.
    #[must_use]
    fn with_re(self, re: Self::Re) -> Self;

    /// Returns the constant `re`: every derivative part zero.
    fn constant(re: Self::Re) -> Self;

    /// Returns the number with value `re` whose derivative parts are all NaN.
    fn nan_parts(re: Self::Re) -> Self;

    /// Returns `true` if every derivative part is zero in every part (a structural test).
    fn is_constant(&self) -> bool;

    /// Applies `f` to every part, the value included.
    #[must_use]
    fn map(self, f: impl Fn(Self::Re) -> Self::Re) -> Self;

    /// Combines two numbers part by part, the values included.
    #[must_use]
    fn zip(self, other: Self, f: impl Fn(Self::Re, Self::Re) -> Self::Re) -> Self;

    /// The type's product rule, with `times(self part, other part)` for each product of parts.
    #[must_use]
    fn mul_with(self, other: Self, times: impl Fn(Self::Re, Self::Re) -> Self::Re) -> Self;

    /// The type's quotient rule.
    #[must_use]
    fn div(self, other: Self) -> Self;

    /// Returns `s / x` for a constant `s`, with the value `s / x.re`.
    #[must_use]
    fn scalar_div(s: Self::Re, x: Self) -> Self;

    /// The product with IEEE arithmetic part by part.
    #[inline]
    #[must_use]
    fn mul(self, other: Self) -> Self {
        self.mul_with(other, |a, b| a * b)
    }

    /// Returns a locally constant result: value `re` and zero derivative parts, whatever the
    /// argument's parts (infinite ones included), or NaN parts with a NaN value.
    #[inline]
    #[must_use]
    fn flat(re: Self::Re) -> Self {
        if re.is_nan() {
            Self::nan_parts(re)
        } else {
            Self::constant(re)
        }
    }

    /// Applies a function that is affine near the value, `f(a) = f + slope·(a − a₀)`: every
    /// derivative part is scaled by `slope` (no curvature), exact at every order (`fract`, the
    /// remainders, `to_degrees`, `±a`).
    #[inline]
    #[must_use]
    fn linear1(self, f: Self::Re, slope: Self::Re) -> Self {
        match Rule::new(f, &[slope]) {
            Rule::Plain => self.map(|p| Plain::mul(slope, p)).with_re(f),
            Rule::KeepZeros => self.map(|p| KeepZeros::mul(slope, p)).with_re(f),
            Rule::Nan => Self::nan_parts(f),
        }
    }

    /// Applies a function of two arguments that is affine near the values,
    /// `f(a, b) = f + fx·(a − a₀) + fy·(b − b₀)`.
    #[inline]
    #[must_use]
    fn linear2(self, other: Self, f: Self::Re, fx: Self::Re, fy: Self::Re) -> Self {
        match Rule::new(f, &[fx, fy]) {
            Rule::Plain => self
                .zip(other, |a, b| Plain::mul(fx, a) + Plain::mul(fy, b))
                .with_re(f),
            Rule::KeepZeros => self
                .zip(other, |a, b| KeepZeros::mul(fx, a) + KeepZeros::mul(fy, b))
                .with_re(f),
            Rule::Nan => Self::nan_parts(f),
        }
    }
}

/// A fixed-order type's chain rule: how a function's value and derivatives at the value part act
/// on the derivative parts. Implemented next to each type's struct.
pub(crate) trait Chain: Parts {
    /// The type's chain rule for a function of one argument (value `f`, derivatives `df`,
    /// `d2f` at `self.re()`), with every product of a first-order slope and a part formed by
    /// `S`; second-order slopes that are not finite always keep zeros.
    fn chain1_with<S: Policy>(
        self,
        f: Self::Re,
        df: Self::Re,
        d2f: impl FnOnce() -> Self::Re,
    ) -> Self;

    /// The type's chain rule for a function of two arguments: value `f`, partials
    /// `fx = ∂f/∂self`, `fy = ∂f/∂other` and second partials `[fxx, fxy, fyy]` (see
    /// [`Chain::chain1_with`]).
    fn chain2_with<S: Policy>(
        self,
        other: Self,
        f: Self::Re,
        fx: Self::Re,
        fy: Self::Re,
        d2f: impl FnOnce() -> [Self::Re; 3],
    ) -> Self;

    /// Applies a function of one argument: value `f`, derivatives `df`, `d2f` at `self.re()`,
    /// under the [`Rule`] its value and slope decide.
    #[inline]
    fn chain1(self, f: Self::Re, df: Self::Re, d2f: impl FnOnce() -> Self::Re) -> Self {
        if Rule::is_plain(f, &[df]) {
            self.chain1_with::<Plain>(f, df, d2f)
        } else {
            self.chain1_edge(f, df, d2f)
        }
    }

    /// [`Chain::chain1`] off the common path: a NaN value, or an infinite or NaN slope. Kept
    /// out of line, so that the common path is one test and the plain products.
    #[cold]
    #[inline(never)]
    fn chain1_edge(self, f: Self::Re, df: Self::Re, d2f: impl FnOnce() -> Self::Re) -> Self {
        if f.is_nan() {
            Self::nan_parts(f)
        } else {
            self.chain1_with::<KeepZeros>(f, df, d2f)
        }
    }

    /// [`Chain::chain1`] for a *total* function: one whose slope is finite wherever its value is
    /// a number and NaN wherever its value is NaN (`sin`, `cos`, `atan`, `tanh`, `erf`, ...).
    /// For those the plain product already follows the conventions, so no test is needed.
    #[inline]
    fn chain1_total(self, f: Self::Re, df: Self::Re, d2f: impl FnOnce() -> Self::Re) -> Self {
        self.chain1_with::<Plain>(f, df, d2f)
    }

    /// Applies a function of two arguments: value `f`, partials `fx = ∂f/∂self`, `fy = ∂f/∂other`
    /// and the second partials `[fxx, fxy, fyy]`. Same conventions as [`Chain::chain1`].
    #[inline]
    fn chain2(
        self,
        other: Self,
        f: Self::Re,
        fx: Self::Re,
        fy: Self::Re,
        d2f: impl FnOnce() -> [Self::Re; 3],
    ) -> Self {
        if Rule::is_plain(f, &[fx, fy]) {
            self.chain2_with::<Plain>(other, f, fx, fy, d2f)
        } else {
            self.chain2_edge(other, f, fx, fy, d2f)
        }
    }

    /// [`Chain::chain2`] off the common path (see [`Chain::chain1_edge`]).
    #[cold]
    #[inline(never)]
    fn chain2_edge(
        self,
        other: Self,
        f: Self::Re,
        fx: Self::Re,
        fy: Self::Re,
        d2f: impl FnOnce() -> [Self::Re; 3],
    ) -> Self {
        if f.is_nan() {
            Self::nan_parts(f)
        } else {
            self.chain2_with::<KeepZeros>(other, f, fx, fy, d2f)
        }
    }
}

/// Returns `s / x` for a constant `s` by the chain rule: `f' = −s/x²`, `f'' = 2s/x³`.
#[inline]
pub(crate) fn scalar_div_by_chain<X: Chain>(s: X::Re, x: X) -> X {
    let r = x.re();
    let q = s / r;
    let df = -q / r;
    x.chain1(q, df, || -(df + df) / r)
}

/// Returns `slope · part` formed by `S` where `slope` is finite, and keeping structural zeros
/// otherwise: the second-order terms, whose slopes [`Rule`] does not look at.
#[inline]
pub(crate) fn scale_curvature<S: Policy, T: Real>(slope: T, part: T) -> T {
    if slope.is_finite() {
        S::mul(slope, part)
    } else {
        KeepZeros::mul(slope, part)
    }
}

/// Which [`Policy`] a rule applies, decided once per evaluation from its value and slopes.
#[derive(Clone, Copy)]
pub(crate) enum Rule {
    /// The value is a number and every slope finite: [`Plain`] products are already exact.
    Plain,
    /// An infinite or NaN slope: [`KeepZeros`].
    KeepZeros,
    /// The value is NaN: every derivative part is NaN.
    Nan,
}

impl Rule {
    /// Returns the rule for a function with value `f` and the given slopes.
    #[inline]
    pub(crate) fn new<T: Real>(f: T, slopes: &[T]) -> Self {
        if Self::is_plain(f, slopes) {
            Self::Plain
        } else if f.is_nan() {
            Self::Nan
        } else {
            Self::KeepZeros
        }
    }

    /// Returns `true` if the rule for a function with value `f` and the given slopes is
    /// [`Rule::Plain`]: the common case, one branch.
    #[inline]
    pub(crate) fn is_plain<T: Real>(f: T, slopes: &[T]) -> bool {
        // Non-short-circuit `&`: one branch for the common case.
        slopes.iter().fold(!f.is_nan(), |ok, s| ok & s.is_finite())
    }
}

/// How a rule forms the products and quotients of its parts: the two non-NaN [`Rule`]s as
/// types, so that a loop over the parts of a vector type is compiled once per rule with the
/// branch outside it.
pub(crate) trait Policy {
    /// Returns `a · b`.
    fn mul<T: Real>(a: T, b: T) -> T;
    /// Returns `num / den`.
    fn div<T: Real>(num: T, den: T) -> T;
}

/// [`Rule::Plain`]: IEEE arithmetic (for nested types, the nested types' own product).
pub(crate) struct Plain;

impl Policy for Plain {
    #[inline]
    fn mul<T: Real>(a: T, b: T) -> T {
        a.scale_part_finite(b)
    }

    #[inline]
    fn div<T: Real>(num: T, den: T) -> T {
        num / den
    }
}

/// [`Rule::KeepZeros`]: a structural zero times anything, or divided by anything, is zero.
pub(crate) struct KeepZeros;

impl Policy for KeepZeros {
    #[inline]
    fn mul<T: Real>(a: T, b: T) -> T {
        product_keeping_zeros(a, b)
    }

    #[inline]
    fn div<T: Real>(num: T, den: T) -> T {
        if num.is_zero_in_all_parts() {
            T::zero()
        } else {
            num / den
        }
    }
}

/// Returns `a · b`, exactly zero when either factor is zero in every part, even against an
/// infinite other factor: a product of two derivative terms, each of which may be the zero of a
/// constant.
#[inline]
pub(crate) fn product_keeping_zeros<T: Real>(a: T, b: T) -> T {
    if a.is_zero_in_all_parts() || b.is_zero_in_all_parts() {
        T::zero()
    } else {
        a.scale_part(b)
    }
}
