//! num-traits integration: every number type over a [`Real`](crate::Real) is a `Float`, `FloatConst`, `Num`,
//! `NumCast`, `ToPrimitive`, `FromPrimitive`, `Zero`, `One`, `Signed`, `Inv`, `Pow`, `Bounded`
//! and itself a [`Real`](crate::Real) — so the types nest. Every method forwards to the inherent one.
#![forbid(unsafe_code)]

/// Generates the num-traits impls, `PartialEq`, `PartialOrd`, `From<T>` and [`Real`] of one
/// number type. The impls sit in an anonymous `const` so that the names they use are in scope
/// wherever they are expanded.
///
/// [`Real`]: crate::Real
macro_rules! impl_num_traits {
    ([$($p:tt)*] $ty:ty) => {
        const _: () = {
        use $crate::Real;
        use $crate::chain::Parts;
        use core::cmp::Ordering;
        use core::num::FpCategory;
        use num_traits::{
            Bounded, Float, FloatConst, FromPrimitive, Inv, Num, NumCast, One, Pow, Signed,
            ToPrimitive, Zero,
        };

        impl<$($p)*> PartialEq for $ty {
            /// Compares the value parts only.
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.re == other.re
            }
        }

        impl<$($p)*> PartialOrd for $ty {
            /// Orders by the value parts only, consistently with `==`.
            #[inline]
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                self.re.partial_cmp(&other.re)
            }
        }

        impl<$($p)*> From<T> for $ty {
            /// Lifts a value as a constant.
            #[inline]
            fn from(x: T) -> Self {
                Self::constant(x)
            }
        }

        impl<$($p)*> crate::real::Sealed for $ty {}

        impl<$($p)*> Real for $ty {
            type Primitive = T::Primitive;

            #[inline]
            fn from_primitive(x: T::Primitive) -> Self {
                Self::constant(T::from_primitive(x))
            }

            #[inline]
            fn is_zero_in_all_parts(&self) -> bool {
                self.re.is_zero_in_all_parts() && self.is_constant()
            }

            #[inline]
            fn scale_by(self, c: T::Primitive) -> Self {
                self.map(|p| p.scale_by(c))
            }

            #[inline]
            fn scale_part(self, part: Self) -> Self {
                self.mul_with(part, Real::scale_part)
            }

            #[inline]
            fn scale_part_finite(self, part: Self) -> Self {
                self.scale_part(part)
            }

            $crate::integrations::forward! {
                erf() -> Self;
                erfc() -> Self;
                gamma() -> Self;
                ln_gamma() -> Self;
                digamma() -> Self;
                polygamma(n: u32) -> Self;
            }
        }

        impl<$($p)*> Zero for $ty {
            #[inline]
            fn zero() -> Self {
                Self::constant(T::zero())
            }

            /// Returns `true` if the value part is zero (as `==` does, derivative parts ignored).
            #[inline]
            fn is_zero(&self) -> bool {
                self.re.is_zero()
            }
        }

        impl<$($p)*> One for $ty {
            #[inline]
            fn one() -> Self {
                Self::constant(T::one())
            }
        }

        impl<$($p)*> Num for $ty {
            type FromStrRadixErr = T::FromStrRadixErr;

            /// Parses a constant.
            fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
                T::from_str_radix(s, radix).map(Self::constant)
            }
        }

        impl<$($p)*> ToPrimitive for $ty {
            /// Converts the value part.
            #[inline]
            fn to_i64(&self) -> Option<i64> {
                self.re.to_i64()
            }

            /// Converts the value part.
            #[inline]
            fn to_u64(&self) -> Option<u64> {
                self.re.to_u64()
            }

            /// Converts the value part.
            #[inline]
            fn to_i128(&self) -> Option<i128> {
                self.re.to_i128()
            }

            /// Converts the value part.
            #[inline]
            fn to_u128(&self) -> Option<u128> {
                self.re.to_u128()
            }

            /// Converts the value part.
            #[inline]
            fn to_f32(&self) -> Option<f32> {
                self.re.to_f32()
            }

            /// Converts the value part.
            #[inline]
            fn to_f64(&self) -> Option<f64> {
                self.re.to_f64()
            }
        }

        impl<$($p)*> NumCast for $ty {
            /// Converts a number into a constant.
            #[inline]
            fn from<P: ToPrimitive>(n: P) -> Option<Self> {
                <T as NumCast>::from(n).map(Self::constant)
            }
        }

        impl<$($p)*> FromPrimitive for $ty {
            #[inline]
            fn from_i64(n: i64) -> Option<Self> {
                T::from_i64(n).map(Self::constant)
            }

            #[inline]
            fn from_u64(n: u64) -> Option<Self> {
                T::from_u64(n).map(Self::constant)
            }

            #[inline]
            fn from_i128(n: i128) -> Option<Self> {
                T::from_i128(n).map(Self::constant)
            }

            #[inline]
            fn from_u128(n: u128) -> Option<Self> {
                T::from_u128(n).map(Self::constant)
            }

            #[inline]
            fn from_f32(n: f32) -> Option<Self> {
                T::from_f32(n).map(Self::constant)
            }

            #[inline]
            fn from_f64(n: f64) -> Option<Self> {
                T::from_f64(n).map(Self::constant)
            }
        }

        impl<$($p)*> Bounded for $ty {
            #[inline]
            fn min_value() -> Self {
                Self::constant(<T as Float>::min_value())
            }

            #[inline]
            fn max_value() -> Self {
                Self::constant(<T as Float>::max_value())
            }
        }

        impl<$($p)*> Signed for $ty {
            #[inline]
            fn abs(&self) -> Self {
                Self::abs(*self)
            }

            #[inline]
            fn abs_sub(&self, other: &Self) -> Self {
                Self::abs_sub(*self, *other)
            }

            #[inline]
            fn signum(&self) -> Self {
                Self::signum(*self)
            }

            /// Returns `true` if the value part's sign bit is positive (as for `f64`).
            #[inline]
            fn is_positive(&self) -> bool {
                self.re.is_sign_positive()
            }

            /// Returns `true` if the value part's sign bit is negative (as for `f64`).
            #[inline]
            fn is_negative(&self) -> bool {
                self.re.is_sign_negative()
            }
        }

        impl<$($p)*> Inv for $ty {
            type Output = Self;

            #[inline]
            fn inv(self) -> Self {
                self.recip()
            }
        }

        impl<$($p)*> Inv for &$ty {
            type Output = $ty;

            #[inline]
            fn inv(self) -> $ty {
                self.recip()
            }
        }

        impl<$($p)*> Pow<i32> for $ty {
            type Output = Self;

            #[inline]
            fn pow(self, n: i32) -> Self {
                self.powi(n)
            }
        }

        impl<$($p)*> Pow<$ty> for $ty {
            type Output = Self;

            #[inline]
            fn pow(self, n: Self) -> Self {
                self.powf(n)
            }
        }

        impl<$($p)*> Pow<T> for $ty {
            type Output = Self;

            /// Raises to a constant power (the power rule of [`powf`](Self::powf)).
            #[inline]
            fn pow(self, n: T) -> Self {
                self.powf(Self::constant(n))
            }
        }

        impl<$($p)*> FloatConst for $ty {
            $crate::integrations::constants!(
                E, FRAC_1_PI, FRAC_1_SQRT_2, FRAC_2_PI, FRAC_2_SQRT_PI, FRAC_PI_2, FRAC_PI_3,
                FRAC_PI_4, FRAC_PI_6, FRAC_PI_8, LN_10, LN_2, LOG10_E, LOG2_E, PI, SQRT_2, TAU,
                LOG10_2, LOG2_10
            );
        }

        impl<$($p)*> Float for $ty {
            $crate::integrations::constants!(
                infinity, neg_infinity, neg_zero, min_value, min_positive_value, epsilon,
                max_value
            );

            /// Returns NaN in every part: a number that is not a number has no derivative.
            #[inline]
            fn nan() -> Self {
                Self::nan_parts(T::nan())
            }

            /// Returns the integer decoding of the value part.
            #[inline]
            fn integer_decode(self) -> (u64, i16, i8) {
                self.re.integer_decode()
            }

            $crate::integrations::forward! {
                is_nan() -> bool;
                is_infinite() -> bool;
                is_finite() -> bool;
                is_normal() -> bool;
                is_subnormal() -> bool;
                classify() -> FpCategory;
                is_sign_positive() -> bool;
                is_sign_negative() -> bool;
                floor() -> Self;
                ceil() -> Self;
                round() -> Self;
                trunc() -> Self;
                fract() -> Self;
                abs() -> Self;
                signum() -> Self;
                copysign(sign: Self) -> Self;
                mul_add(a: Self, b: Self) -> Self;
                recip() -> Self;
                powi(n: i32) -> Self;
                powf(n: Self) -> Self;
                sqrt() -> Self;
                cbrt() -> Self;
                exp() -> Self;
                exp2() -> Self;
                exp_m1() -> Self;
                ln() -> Self;
                ln_1p() -> Self;
                log(base: Self) -> Self;
                log2() -> Self;
                log10() -> Self;
                to_degrees() -> Self;
                to_radians() -> Self;
                max(other: Self) -> Self;
                min(other: Self) -> Self;
                clamp(min: Self, max: Self) -> Self;
                abs_sub(other: Self) -> Self;
                hypot(other: Self) -> Self;
                sin() -> Self;
                cos() -> Self;
                tan() -> Self;
                sin_cos() -> (Self, Self);
                asin() -> Self;
                acos() -> Self;
                atan() -> Self;
                atan2(other: Self) -> Self;
                sinh() -> Self;
                cosh() -> Self;
                tanh() -> Self;
                asinh() -> Self;
                acosh() -> Self;
                atanh() -> Self;
            }
        }
        };
    };
}

pub(crate) use impl_num_traits;
