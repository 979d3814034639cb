//! The chain rule and its zero policy, shared by every number type.
//!
//! A function of a number type is its scalar value `f` and derivatives `f'`, `f''` at the value
//! part; each type's [`Chain`] spreads them over the derivative parts. How the products are
//! formed is decided once per function evaluation ([`Rule`]): plain IEEE products when the value
//! is a number and every slope is finite, and otherwise products in which an exact zero stays
//! zero ([`KeepZerosScale`]), so that an infinite slope (`sqrt` at 0) does not turn a direction
//! the argument does not depend on into NaN.
#![forbid(unsafe_code)]

use crate::Real;

/// A dual type's chain rule: how a function's value and derivatives at the value part act on the
/// derivative parts. Implemented next to each type's struct.
pub(crate) trait Chain: Copy {
    /// The scalar of the value part.
    type Re: Real;

    /// Returns the value part.
    fn re(&self) -> Self::Re;

    /// Returns `self` with the value part replaced and the derivative parts kept.
    #[must_use]
    fn with_re(self, re: Self::Re) -> Self;

    /// Returns the number with value `f` whose derivative parts are all NaN.
    fn nan_parts(f: Self::Re) -> Self;

    /// Returns `true` if every derivative part is zero in every part (a structural test).
    fn is_constant(&self) -> bool;

    /// The type's chain rule for a function of one argument (value `f`, derivatives `df`,
    /// `d2f` at `self.re()`), with every product of a first-order slope and a part formed by
    /// `S`; second-order slopes that are not finite always keep zeros.
    fn chain1_with<S: Scale>(
        self,
        f: Self::Re,
        df: Self::Re,
        d2f: impl FnOnce() -> Self::Re,
    ) -> Self;

    /// The type's chain rule for a function of two arguments: value `f`, partials
    /// `fx = ∂f/∂self`, `fy = ∂f/∂other` and second partials `[fxx, fxy, fyy]` (see
    /// [`Chain::chain1_with`]).
    fn chain2_with<S: Scale>(
        self,
        other: Self,
        f: Self::Re,
        fx: Self::Re,
        fy: Self::Re,
        d2f: impl FnOnce() -> [Self::Re; 3],
    ) -> Self;

    /// Applies a function of one argument: value `f`, derivatives `df`, `d2f` at `self.re()`.
    ///
    /// Conventions, shared by every type: a NaN value carries NaN derivative parts; a derivative
    /// part that is exactly zero stays zero, so an infinite slope does not leak into directions
    /// that the argument does not depend on. The [`Rule`] is decided once per call.
    #[inline]
    fn chain1(self, f: Self::Re, df: Self::Re, d2f: impl FnOnce() -> Self::Re) -> Self {
        match Rule::new(f, &[df]) {
            Rule::Plain => self.chain1_with::<PlainScale>(f, df, d2f),
            Rule::KeepZeros => self.chain1_with::<KeepZerosScale>(f, df, d2f),
            Rule::Nan => Self::nan_parts(f),
        }
    }

    /// [`Chain::chain1`] for a *total* function: one whose slope is finite wherever its value is
    /// a number and NaN wherever its value is NaN (`sin`, `cos`, `atan`, `tanh`, `erf`, ...).
    /// For those the plain product already follows the conventions, so no test is needed.
    #[inline]
    fn chain1_total(self, f: Self::Re, df: Self::Re, d2f: impl FnOnce() -> Self::Re) -> Self {
        self.chain1_with::<PlainScale>(f, df, d2f)
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
        match Rule::new(f, &[fx, fy]) {
            Rule::Plain => self.chain2_with::<PlainScale>(other, f, fx, fy, d2f),
            Rule::KeepZeros => self.chain2_with::<KeepZerosScale>(other, f, fx, fy, d2f),
            Rule::Nan => Self::nan_parts(f),
        }
    }
}

/// Returns `slope · part` formed by `S` where `slope` is finite, and keeping exact zeros of
/// `part` otherwise: the second-order terms, whose slopes [`Rule`] does not look at.
#[inline]
pub(crate) fn scale_curvature<S: Scale, T: Real>(slope: T, part: T) -> T {
    if slope.is_finite() {
        S::scale(slope, part)
    } else {
        KeepZerosScale::scale(slope, part)
    }
}

/// How a chain rule applies its slopes, decided once per function evaluation from the value
/// and the slopes.
#[derive(Clone, Copy)]
pub(crate) enum Rule {
    /// The value is a number and every slope finite: plain products are already exact.
    Plain,
    /// An infinite or NaN slope: keep exact zeros of the parts exact.
    KeepZeros,
    /// The value is NaN: every derivative part is NaN.
    Nan,
}

impl Rule {
    /// Returns the rule for a function with value `f` and the given slopes.
    #[inline]
    pub(crate) fn new<T: Real>(f: T, slopes: &[T]) -> Self {
        // Non-short-circuit `&`: one branch for the common case.
        let finite = slopes.iter().fold(!f.is_nan(), |ok, s| ok & s.is_finite());
        if finite {
            Self::Plain
        } else if f.is_nan() {
            Self::Nan
        } else {
            Self::KeepZeros
        }
    }
}

/// A way of scaling derivative parts by a slope: the two non-NaN [`Rule`]s as types, so that a
/// loop over the parts of a vector type is compiled once per rule with the branch outside it.
pub(crate) trait Scale {
    /// Returns `slope · part`.
    fn scale<T: Real>(slope: T, part: T) -> T;
}

/// [`Rule::Plain`]: the plain product.
pub(crate) struct PlainScale;

impl Scale for PlainScale {
    #[inline]
    fn scale<T: Real>(slope: T, part: T) -> T {
        slope.scale_part_finite(part)
    }
}

/// [`Rule::KeepZeros`]: exact zeros stay exact.
pub(crate) struct KeepZerosScale;

impl Scale for KeepZerosScale {
    #[inline]
    fn scale<T: Real>(slope: T, part: T) -> T {
        slope.scale_part(part)
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
