//! The functions that the value part decides, written once for every number type through
//! [`Parts`](crate::chain::Parts): predicates, sign, rounding, selection, the affine functions and the Euclidean
//! division.
//!
//! Near a point that is not a break, each of these is locally constant or affine, so its result
//! is exact at every order: a locally constant function (`floor`, `signum`, `div_euclid`, …) has
//! derivative parts exactly zero whatever the argument's, infinite ones included, and an affine
//! one (`abs`, `fract`, `to_degrees`, the remainders, …) scales the argument's parts by its slope
//! with no curvature term. A NaN value gives NaN in every part.
#![forbid(unsafe_code)]

/// Generates the inherent functions that the value part decides, for a type with
/// [`Parts`](crate::chain::Parts). The impl sits in an anonymous `const` so that the names it
/// uses are in scope wherever it is expanded.
macro_rules! impl_value_functions {
    ([$($params:tt)*] $ty:ty) => {
        const _: () = {
        use $crate::chain::{Parts, product_keeping_zeros};
        use $crate::functions::{euclid_quotient, euclid_remainder};

        impl<$($params)*> $ty {
            // ----- predicates: the value part decides -----

            /// Returns `true` if the value part is NaN.
            #[inline]
            #[must_use]
            pub fn is_nan(self) -> bool {
                Parts::re(&self).is_nan()
            }

            /// Returns `true` if the value part is infinite.
            #[inline]
            #[must_use]
            pub fn is_infinite(self) -> bool {
                Parts::re(&self).is_infinite()
            }

            /// Returns `true` if the value part is neither infinite nor NaN.
            #[inline]
            #[must_use]
            pub fn is_finite(self) -> bool {
                Parts::re(&self).is_finite()
            }

            /// Returns `true` if the value part is neither zero, infinite, subnormal nor NaN.
            #[inline]
            #[must_use]
            pub fn is_normal(self) -> bool {
                Parts::re(&self).is_normal()
            }

            /// Returns `true` if the value part is subnormal.
            #[inline]
            #[must_use]
            pub fn is_subnormal(self) -> bool {
                Parts::re(&self).classify() == core::num::FpCategory::Subnormal
            }

            /// Returns the floating-point category of the value part.
            #[inline]
            #[must_use]
            pub fn classify(self) -> core::num::FpCategory {
                Parts::re(&self).classify()
            }

            /// Returns `true` if the value part has a positive sign bit (`+0.0` and `+∞` included).
            #[inline]
            #[must_use]
            pub fn is_sign_positive(self) -> bool {
                Parts::re(&self).is_sign_positive()
            }

            /// Returns `true` if the value part has a negative sign bit (`-0.0` and `-∞` included).
            #[inline]
            #[must_use]
            pub fn is_sign_negative(self) -> bool {
                Parts::re(&self).is_sign_negative()
            }

            // ----- sign, rounding and selection -----

            /// Returns the absolute value: `±self` by the sign bit of the value, so `abs'(+0) = 1`
            /// and `abs'(−0) = −1`, with no curvature (`abs(x)²` has second derivative 2 at 0).
            /// NaN in every part for a NaN value.
            #[inline]
            #[must_use]
            pub fn abs(self) -> Self {
                let x = Parts::re(&self);
                self.linear1(x.abs(), x.signum())
            }

            /// Returns the sign of the value part (`±1`, NaN for NaN) as a constant: derivative
            /// parts exactly 0, whatever the argument's.
            #[inline]
            #[must_use]
            pub fn signum(self) -> Self {
                <Self as Parts>::flat(Parts::re(&self).signum())
            }

            /// Returns `self` with the sign bit of `sign`: `self` when the signs already agree,
            /// `−self` when the sign flips; `sign`'s derivative parts do not enter.
            #[inline]
            #[must_use]
            pub fn copysign(self, sign: Self) -> Self {
                let (x, s) = (Parts::re(&self), Parts::re(&sign));
                let slope = if x.is_sign_negative() == s.is_sign_negative() { T::one() } else { -T::one() };
                self.linear1(x.copysign(s), slope)
            }

            /// Returns the largest integer less than or equal to the value, as a constant.
            #[inline]
            #[must_use]
            pub fn floor(self) -> Self {
                <Self as Parts>::flat(Parts::re(&self).floor())
            }

            /// Returns the smallest integer greater than or equal to the value, as a constant.
            #[inline]
            #[must_use]
            pub fn ceil(self) -> Self {
                <Self as Parts>::flat(Parts::re(&self).ceil())
            }

            /// Returns the nearest integer (half away from zero), as a constant.
            #[inline]
            #[must_use]
            pub fn round(self) -> Self {
                <Self as Parts>::flat(Parts::re(&self).round())
            }

            /// Returns the integer part, as a constant.
            #[inline]
            #[must_use]
            pub fn trunc(self) -> Self {
                <Self as Parts>::flat(Parts::re(&self).trunc())
            }

            /// Returns the fractional part `x − trunc(x)`, with slope 1. NaN at `±∞`.
            #[inline]
            #[must_use]
            pub fn fract(self) -> Self {
                let x = Parts::re(&self);
                self.linear1(x.fract(), T::one())
            }

            /// Returns the larger of two numbers, derivative parts and all. Compares values only;
            /// on a tie returns `self`; a NaN argument is ignored, as `f64::max` ignores it.
            /// The value part is exactly `f64::max` of the values.
            #[inline]
            #[must_use]
            pub fn max(self, other: Self) -> Self {
                let (x, y) = (Parts::re(&self), Parts::re(&other));
                let pick = if y > x || x.is_nan() { other } else { self };
                pick.with_re(x.max(y))
            }

            /// Returns the smaller of two numbers, derivative parts and all. Compares values only;
            /// on a tie returns `self`; a NaN argument is ignored, as `f64::min` ignores it.
            /// The value part is exactly `f64::min` of the values.
            #[inline]
            #[must_use]
            pub fn min(self, other: Self) -> Self {
                let (x, y) = (Parts::re(&self), Parts::re(&other));
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
                if Parts::re(&self).is_nan() {
                    return <Self as Parts>::nan_parts(T::nan());
                }
                let mut r = self;
                if Parts::re(&r) < Parts::re(&min) {
                    r = min;
                }
                if Parts::re(&r) > Parts::re(&max) {
                    r = max;
                }
                r
            }

            /// Returns the positive difference `max(self − other, 0)` with the value of C's `fdim`
            /// (as `f64::abs_sub`): the difference and its derivative parts where
            /// `self > other`, a constant elsewhere (`abs_sub(∞, ∞) = 0`), NaN in every part if
            /// either value is NaN.
            #[inline]
            #[must_use]
            #[allow(deprecated, reason = "the value must be `T::abs_sub`'s, bit for bit")]
            pub fn abs_sub(self, other: Self) -> Self {
                let (x, y) = (Parts::re(&self), Parts::re(&other));
                let f = x.abs_sub(y);
                if x > y && !f.is_nan() {
                    (self - other).with_re(f)
                } else {
                    <Self as Parts>::flat(f)
                }
            }

            /// Returns `self · a + b` with the value computed as one fused operation (as
            /// `f64::mul_add`) and the derivative parts by the product and sum rules, in which
            /// (unlike `self * a`, which is IEEE arithmetic part by part) an infinite factor
            /// times the zero derivative part of a constant contributes 0: `mul_add(x, 2, 1)` has
            /// slope 2 at `x = ±∞`. A NaN value gives NaN in every part.
            #[inline]
            #[must_use]
            pub fn mul_add(self, a: Self, b: Self) -> Self {
                let (x, y) = (Parts::re(&self), Parts::re(&a));
                let value = x.mul_add(y, Parts::re(&b));
                if value.is_nan() {
                    return <Self as Parts>::nan_parts(value);
                }
                if x.is_finite() && y.is_finite() {
                    return (self * a + b).with_re(value);
                }
                (self.mul_with(a, product_keeping_zeros) + b).with_re(value)
            }

            /// Returns the Euclidean quotient `div_euclid(self, rhs)` with the value of
            /// `f64::div_euclid` (`±∞` or NaN when `rhs` is 0), as a constant (NaN in every part
            /// with a NaN value).
            #[inline]
            #[must_use]
            pub fn div_euclid(self, rhs: Self) -> Self {
                <Self as Parts>::flat(euclid_quotient(Parts::re(&self), Parts::re(&rhs)))
            }

            /// Returns the Euclidean remainder `self − rhs · div_euclid(self, rhs)`, in
            /// `[0, |rhs|)`, with the quotient held constant: `∂/∂self = 1`,
            /// `∂/∂rhs = −div_euclid(self, rhs)`. NaN in every part when `rhs` is 0.
            #[inline]
            #[must_use]
            pub fn rem_euclid(self, rhs: Self) -> Self {
                let (x, y) = (Parts::re(&self), Parts::re(&rhs));
                self.linear2(rhs, euclid_remainder(x, y), T::one(), -euclid_quotient(x, y))
            }

            // ----- angles -----

            /// Converts radians to degrees with the value of `f64::to_degrees`; slope `180/π`.
            #[inline]
            #[must_use]
            pub fn to_degrees(self) -> Self {
                self.linear1(Parts::re(&self).to_degrees(), T::one().to_degrees())
            }

            /// Converts degrees to radians with the value of `f64::to_radians`; slope `π/180`.
            #[inline]
            #[must_use]
            pub fn to_radians(self) -> Self {
                self.linear1(Parts::re(&self).to_radians(), T::one().to_radians())
            }
        }
        };
    };
}

pub(crate) use impl_value_functions;
