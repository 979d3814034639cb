//! The [`Real`] trait: what a number must offer to sit inside a dual number.
#![forbid(unsafe_code)]

mod special;

use core::fmt::{Debug, Display};
use num_traits::{Float, FloatConst, FromPrimitive};

/// A real number that dual numbers can be built over: `f32`, `f64`, and every dual type of
/// this crate over a `Real` (which is how `Dual<Dual<f64>>` nests).
///
/// Beyond [`Float`] it supplies the special functions whose derivatives the dual types need
/// (`erf`, `gamma`, the polygamma family), a structural zero test, and the primitive float at
/// the bottom of a nested type, so that `2.0 * x` works at every nesting level.
///
/// ```
/// use dualdiff::{Dual64, Real};
///
/// fn bell<T: Real>(x: T) -> T {
///     x.erf()
/// }
/// // erf'(x) = 2/√π · exp(−x²)
/// let d = bell(Dual64::variable(0.5));
/// let expected = 2.0 / std::f64::consts::PI.sqrt() * (-0.25f64).exp();
/// assert!((d.eps - expected).abs() < 1e-15);
/// ```
///
/// The trait is sealed: it is implemented for `f32`, `f64` and this crate's number types (and
/// its sparsity tracer), whose derivative rules rely on the structural zero test and the exact
/// scalings below, which are plumbing and hidden from these docs.
pub trait Real:
    Float + FloatConst + FromPrimitive + Default + Debug + Display + Send + Sync + 'static + Sealed
{
    /// The primitive float (`f32` or `f64`) at the bottom of this type.
    type Primitive: Real + From<f32>;

    /// Lifts a primitive float into this type as a constant (every derivative part zero).
    #[must_use]
    fn from_primitive(x: Self::Primitive) -> Self;

    /// Returns `true` if every part of the number (value and all derivative parts, at every
    /// nesting level) is zero. Unlike `==`, which compares values only, this is structural.
    #[doc(hidden)]
    #[must_use]
    fn is_zero_in_all_parts(&self) -> bool;

    /// Returns `self · part`, except that every part of `part` that is exactly zero contributes
    /// exactly zero, even where `self` is infinite: the product the chain rule uses, so that an
    /// infinite slope (`sqrt` at 0) never turns a direction the argument does not depend on
    /// into NaN, at any nesting level.
    #[doc(hidden)]
    #[must_use]
    fn scale_part(self, part: Self) -> Self;

    /// Returns [`scale_part`](Self::scale_part) for a `self` whose value part is finite: for a
    /// primitive float that is the plain product (with a finite factor, `0 · self` is already
    /// zero), so the chain rule's common case costs one multiplication.
    #[doc(hidden)]
    #[must_use]
    fn scale_part_finite(self, part: Self) -> Self;

    /// Returns `self · c` for a primitive constant `c`, scaling every part: unlike a product
    /// with `Self::from_primitive(c)`, whose derivative parts are zero, it never forms `∞ · 0`.
    #[doc(hidden)]
    #[must_use]
    fn scale_by(self, c: Self::Primitive) -> Self;

    /// Returns the error function `erf(x) = 2/√π ∫₀ˣ exp(−t²) dt`.
    #[must_use]
    fn erf(self) -> Self;

    /// Returns the complementary error function `erfc(x) = 1 − erf(x)`, accurate for large `x`.
    #[must_use]
    fn erfc(self) -> Self;

    /// Returns the gamma function `Γ(x)`.
    #[must_use]
    fn gamma(self) -> Self;

    /// Returns `ln |Γ(x)|`.
    #[must_use]
    fn ln_gamma(self) -> Self;

    /// Returns the digamma function `ψ(x) = Γ'(x)/Γ(x)`.
    #[must_use]
    fn digamma(self) -> Self {
        self.polygamma(0)
    }

    /// Returns the polygamma function `ψ⁽ⁿ⁾(x)`, the `n`-th derivative of the digamma function.
    #[must_use]
    fn polygamma(self, n: u32) -> Self;
}

/// Keeps [`Real`] to the types of this crate: the supertrait is public (so the bound is legal)
/// but cannot be named outside the crate.
mod sealed {
    /// The seal of [`Real`](super::Real).
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

macro_rules! impl_scalar_for_primitive {
    ($t:ty, $erf:path, $erfc:path, $gamma:path, $lgamma:path) => {
        impl Sealed for $t {}

        impl Real for $t {
            type Primitive = $t;

            #[inline]
            fn from_primitive(x: $t) -> $t {
                x
            }

            #[inline]
            fn is_zero_in_all_parts(&self) -> bool {
                *self == 0.0
            }

            #[inline]
            fn scale_part(self, part: $t) -> $t {
                if part == 0.0 { part } else { self * part }
            }

            #[inline]
            fn scale_part_finite(self, part: $t) -> $t {
                self * part
            }

            #[inline]
            fn scale_by(self, c: $t) -> $t {
                self * c
            }

            #[inline]
            fn erf(self) -> $t {
                $erf(self)
            }

            #[inline]
            fn erfc(self) -> $t {
                $erfc(self)
            }

            #[inline]
            fn gamma(self) -> $t {
                $gamma(self)
            }

            #[inline]
            fn ln_gamma(self) -> $t {
                $lgamma(self)
            }

            #[inline]
            fn polygamma(self, n: u32) -> $t {
                // Computed in f64 for both widths; exact enough for f32 after rounding.
                #[allow(clippy::cast_lossless, reason = "f32 widens to f64 exactly")]
                let r = special::polygamma(n, self as f64);
                #[allow(
                    clippy::cast_possible_truncation,
                    reason = "rounding to the scalar's width"
                )]
                let r = r as $t;
                r
            }
        }
    };
}

impl_scalar_for_primitive!(f64, libm::erf, libm::erfc, libm::tgamma, libm::lgamma);
impl_scalar_for_primitive!(f32, libm::erff, libm::erfcf, libm::tgammaf, libm::lgammaf);
