//! The functions that the value part decides: predicates, sign, rounding, selection and the
//! Euclidean division.
#![forbid(unsafe_code)]

use super::{euclid_quotient, euclid_remainder};
use crate::chain::{Chain, product_keeping_zeros};
use crate::{Dual, Dual2Vec, DualVec, HyperDual, Real};

/// Generates the inherent functions that the value part decides.
macro_rules! impl_value_functions {
    ([$($params:tt)*] $ty:ty) => {
        impl<$($params)*> $ty {
            // ----- predicates: the value part decides -----

            /// Returns `true` if the value part is NaN.
            #[inline]
            #[must_use]
            pub fn is_nan(self) -> bool {
                self.re().is_nan()
            }

            /// Returns `true` if the value part is infinite.
            #[inline]
            #[must_use]
            pub fn is_infinite(self) -> bool {
                self.re().is_infinite()
            }

            /// Returns `true` if the value part is neither infinite nor NaN.
            #[inline]
            #[must_use]
            pub fn is_finite(self) -> bool {
                self.re().is_finite()
            }

            /// Returns `true` if the value part is neither zero, infinite, subnormal nor NaN.
            #[inline]
            #[must_use]
            pub fn is_normal(self) -> bool {
                self.re().is_normal()
            }

            /// Returns `true` if the value part is subnormal.
            #[inline]
            #[must_use]
            pub fn is_subnormal(self) -> bool {
                self.re().classify() == core::num::FpCategory::Subnormal
            }

            /// Returns the floating-point category of the value part.
            #[inline]
            #[must_use]
            pub fn classify(self) -> core::num::FpCategory {
                self.re().classify()
            }

            /// Returns `true` if the value part has a positive sign bit (`+0.0` and `+∞` included).
            #[inline]
            #[must_use]
            pub fn is_sign_positive(self) -> bool {
                self.re().is_sign_positive()
            }

            /// Returns `true` if the value part has a negative sign bit (`-0.0` and `-∞` included).
            #[inline]
            #[must_use]
            pub fn is_sign_negative(self) -> bool {
                self.re().is_sign_negative()
            }

            // ----- sign, rounding and selection -----

            /// Returns the absolute value. `abs'(x) = signum(x)`, so by the sign bit
            /// `abs'(+0) = 1` and `abs'(−0) = −1`; `abs'' = 0`.
            #[inline]
            #[must_use]
            pub fn abs(self) -> Self {
                let x = self.re();
                self.chain1(x.abs(), x.signum(), T::zero)
            }

            /// Returns the sign of the value part (`±1`, NaN for NaN) with derivative 0.
            #[inline]
            #[must_use]
            pub fn signum(self) -> Self {
                let x = self.re();
                self.chain1(x.signum(), T::zero(), T::zero)
            }

            /// Returns `self` with the sign bit of `sign`. The derivative in `self` is `+1` when
            /// the signs already agree and `−1` when the sign flips; in `sign` it is 0.
            #[inline]
            #[must_use]
            pub fn copysign(self, sign: Self) -> Self {
                let (x, s) = (self.re(), sign.re());
                let fx = if x.is_sign_negative() == s.is_sign_negative() { T::one() } else { -T::one() };
                self.chain2(sign, x.copysign(s), fx, T::zero(), || [T::zero(); 3])
            }

            /// Returns the largest integer less than or equal to the value, with derivative 0.
            #[inline]
            #[must_use]
            pub fn floor(self) -> Self {
                let x = self.re();
                self.chain1(x.floor(), T::zero(), T::zero)
            }

            /// Returns the smallest integer greater than or equal to the value, with derivative 0.
            #[inline]
            #[must_use]
            pub fn ceil(self) -> Self {
                let x = self.re();
                self.chain1(x.ceil(), T::zero(), T::zero)
            }

            /// Returns the nearest integer (half away from zero), with derivative 0.
            #[inline]
            #[must_use]
            pub fn round(self) -> Self {
                let x = self.re();
                self.chain1(x.round(), T::zero(), T::zero)
            }

            /// Returns the integer part, with derivative 0.
            #[inline]
            #[must_use]
            pub fn trunc(self) -> Self {
                let x = self.re();
                self.chain1(x.trunc(), T::zero(), T::zero)
            }

            /// Returns the fractional part `x − trunc(x)`, with derivative 1. NaN at `±∞`.
            #[inline]
            #[must_use]
            pub fn fract(self) -> Self {
                let x = self.re();
                self.chain1(x.fract(), T::one(), T::zero)
            }

            /// Returns the larger of two numbers, derivative parts and all. Compares values only;
            /// on a tie returns `self`; a NaN argument is ignored, as `f64::max` ignores it.
            /// The value part is exactly `f64::max` of the values.
            #[inline]
            #[must_use]
            pub fn max(self, other: Self) -> Self {
                let (x, y) = (self.re(), other.re());
                let pick = if y > x || x.is_nan() { other } else { self };
                pick.with_re(x.max(y))
            }

            /// Returns the smaller of two numbers, derivative parts and all. Compares values only;
            /// on a tie returns `self`; a NaN argument is ignored, as `f64::min` ignores it.
            /// The value part is exactly `f64::min` of the values.
            #[inline]
            #[must_use]
            pub fn min(self, other: Self) -> Self {
                let (x, y) = (self.re(), other.re());
                let pick = if y < x || x.is_nan() { other } else { self };
                pick.with_re(x.min(y))
            }

            /// Restricts the value to `[min, max]`, returning whichever argument `f64::clamp`
            /// would return, derivative parts and all; a NaN value gives NaN in every part.
            /// Where `f64::clamp` panics (`min > max` or a NaN bound) this does not: it applies
            /// `f64::clamp`'s own two steps, `if x < min { x = min }` then
            /// `if x > max { x = max }`, so with `min > max` a value below `min` gives `max`.
            #[inline]
            #[must_use]
            pub fn clamp(self, min: Self, max: Self) -> Self {
                if self.re().is_nan() {
                    return Self::nan_parts(T::nan());
                }
                let mut r = self;
                if r.re() < min.re() {
                    r = min;
                }
                if r.re() > max.re() {
                    r = max;
                }
                r
            }

            /// Returns the positive difference `max(self − other, 0)` (C's `fdim`): the
            /// difference and its derivatives where `self > other`, a constant zero elsewhere,
            /// NaN if either value is NaN.
            #[inline]
            #[must_use]
            pub fn abs_sub(self, other: Self) -> Self {
                let d = self - other;
                if d.re() > T::zero() {
                    d
                } else if d.re().is_nan() {
                    Self::nan_parts(T::nan())
                } else {
                    d.chain1(T::zero(), T::zero(), T::zero)
                }
            }

            /// Returns `self · a + b` with the value computed as one fused operation (as
            /// `f64::mul_add`) and the derivative parts by the product and sum rules, in which
            /// (unlike `self * a`, which is IEEE arithmetic part by part) an infinite factor
            /// times the zero derivative of a constant contributes 0: `mul_add(x, 2, 1)` has
            /// slope 2 at `x = ±∞`. A NaN value gives NaN in every part.
            #[inline]
            #[must_use]
            pub fn mul_add(self, a: Self, b: Self) -> Self {
                let value = self.re().mul_add(a.re(), b.re());
                if value.is_nan() {
                    return Self::nan_parts(T::nan());
                }
                if self.re().is_finite() && a.re().is_finite() {
                    return (self * a + b).with_re(value);
                }
                // An infinite factor times the zero derivative of a constant contributes 0.
                (self.mul_with(a, product_keeping_zeros) + b).with_re(value)
            }

            /// Returns the Euclidean quotient `div_euclid(self, rhs)` with the value of
            /// `f64::div_euclid` (`±∞` or NaN when `rhs` is 0): piecewise constant, so every
            /// derivative part is 0 (NaN with a NaN value).
            #[inline]
            #[must_use]
            pub fn div_euclid(self, rhs: Self) -> Self {
                let q = euclid_quotient(self.re(), rhs.re());
                self.chain2(rhs, q, T::zero(), T::zero(), || [T::zero(); 3])
            }

            /// Returns the Euclidean remainder `self − rhs · div_euclid(self, rhs)`, in
            /// `[0, |rhs|)`: `∂/∂self = 1`, `∂/∂rhs = −div_euclid(self, rhs)`. NaN in every part
            /// when `rhs` is 0.
            #[inline]
            #[must_use]
            pub fn rem_euclid(self, rhs: Self) -> Self {
                let (x, y) = (self.re(), rhs.re());
                let r = euclid_remainder(x, y);
                self.chain2(rhs, r, T::one(), -euclid_quotient(x, y), || [T::zero(); 3])
            }
        }
    };
}

impl_value_functions!([T: Real] Dual<T>);
impl_value_functions!([T: Real, const N: usize] DualVec<T, N>);
impl_value_functions!([T: Real] HyperDual<T>);
impl_value_functions!([T: Real, const N: usize] Dual2Vec<T, N>);
