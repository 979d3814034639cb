//! nalgebra integration: every number type over a `T: RealField` is itself a
//! [`RealField`](::nalgebra::RealField) and [`ComplexField`](::nalgebra::ComplexField), nested
//! types included, so nalgebra's decompositions, norms and rotations run on dual numbers — for
//! nalgebra 0.35 (feature `nalgebra`, on by default) and for nalgebra 0.34 (feature
//! `nalgebra_v0_34`), together in one build if both are on. Each version brings its own simba
//! (0.10 and 0.9), whose traits are distinct; the `approx` traits, which both share, are
//! implemented once.
//!
//! Every method forwards to the inherent one; comparisons and the `approx` traits look at the
//! value part only (as `==` does).
//!
//! simba's [`SimdValue`](::nalgebra::SimdValue), which `RealField` requires, makes each type a
//! SIMD value of one lane. It declares `extract_unchecked` and `replace_unchecked` as `unsafe
//! fn`, and an implementation must repeat the signature, so this module (unlike the others) is
//! not under `#![forbid(unsafe_code)]`; the bodies do nothing unsafe (one lane, no indexing, no
//! raw pointers), so every call is sound whatever the index.
//!
//! ```
//! use dualdiff::{Dual, Dual64};
//! use nalgebra::Matrix2;
//!
//! // d/dt det [[t, 1], [2, t²]] = d/dt (t³ − 2) = 3t²
//! let t = Dual64::variable(1.5);
//! let m = Matrix2::new(t, Dual::constant(1.0), Dual::constant(2.0), t * t);
//! let det = m.determinant();
//! assert!((det.eps - 3.0 * 1.5 * 1.5).abs() < 1e-12);
//! ```

/// Generates the `approx` comparisons (shared by both nalgebra versions): value parts only.
macro_rules! impl_approx {
    ([$($p:tt)*] $ty:ty) => {
        const _: () = {
        use ::approx::{AbsDiffEq, RelativeEq, UlpsEq};

        impl<$($p)*> AbsDiffEq for $ty
        where
            T: AbsDiffEq<Epsilon = T>,
        {
            type Epsilon = Self;

            #[inline]
            fn default_epsilon() -> Self {
                Self::constant(T::default_epsilon())
            }

            /// Compares the value parts.
            #[inline]
            fn abs_diff_eq(&self, other: &Self, epsilon: Self) -> bool {
                self.re.abs_diff_eq(&other.re, epsilon.re)
            }
        }

        impl<$($p)*> RelativeEq for $ty
        where
            T: RelativeEq + AbsDiffEq<Epsilon = T>,
        {
            #[inline]
            fn default_max_relative() -> Self {
                Self::constant(T::default_max_relative())
            }

            /// Compares the value parts.
            #[inline]
            fn relative_eq(&self, other: &Self, epsilon: Self, max_relative: Self) -> bool {
                self.re.relative_eq(&other.re, epsilon.re, max_relative.re)
            }
        }

        impl<$($p)*> UlpsEq for $ty
        where
            T: UlpsEq + AbsDiffEq<Epsilon = T>,
        {
            #[inline]
            fn default_max_ulps() -> u32 {
                T::default_max_ulps()
            }

            /// Compares the value parts.
            #[inline]
            fn ulps_eq(&self, other: &Self, epsilon: Self, max_ulps: u32) -> bool {
                self.re.ulps_eq(&other.re, epsilon.re, max_ulps)
            }
        }
        };
    };
}

/// Generates `Field`, `SubsetOf`, `SimdValue`, `RealField` and `ComplexField` of one nalgebra
/// version (`$na`, with its simba `$simba`) for one type.
macro_rules! impl_real_field {
    ($na:ident, $simba:ident, [$($p:tt)*] $ty:ty) => {
        const _: () = {
        use $crate::chain::Parts;
        use num_traits::{One, Zero};


        impl<$($p)*> ::$na::Field for $ty where T: ::$na::RealField {}

        impl<$($p)*> ::$simba::scalar::SubsetOf<$ty> for $ty where T: ::$na::RealField {
            #[inline]
            fn to_superset(&self) -> Self {
                *self
            }

            #[inline]
            fn from_superset_unchecked(element: &Self) -> Self {
                *element
            }

            #[inline]
            fn is_in_subset(_: &Self) -> bool {
                true
            }
        }

        $crate::integrations::nalgebra::impl_real_field!(@primitive $na, $simba, [$($p)*] $ty, f32);
        $crate::integrations::nalgebra::impl_real_field!(@primitive $na, $simba, [$($p)*] $ty, f64);

        impl<$($p)*> ::$na::RealField for $ty where T: ::$na::RealField {
            #[inline]
            fn is_sign_positive(&self) -> bool {
                self.re.is_sign_positive()
            }

            #[inline]
            fn is_sign_negative(&self) -> bool {
                self.re.is_sign_negative()
            }

            #[inline]
            fn min_value() -> Option<Self> {
                <T as ::$na::RealField>::min_value().map(Self::constant)
            }

            #[inline]
            fn max_value() -> Option<Self> {
                <T as ::$na::RealField>::max_value().map(Self::constant)
            }

            $crate::integrations::forward! {
                copysign(sign: Self) -> Self;
                max(other: Self) -> Self;
                min(other: Self) -> Self;
                clamp(min: Self, max: Self) -> Self;
                atan2(other: Self) -> Self;
            }

            $crate::integrations::constants!(
                pi, two_pi, frac_pi_2, frac_pi_3, frac_pi_4, frac_pi_6, frac_pi_8, frac_1_pi,
                frac_2_pi, frac_2_sqrt_pi, e, log2_e, log10_e, ln_2, ln_10
            );
        }

        impl<$($p)*> ::$na::ComplexField for $ty where T: ::$na::RealField {
            type RealField = Self;

            #[inline]
            fn from_real(re: Self) -> Self {
                re
            }

            #[inline]
            fn real(self) -> Self {
                self
            }

            #[inline]
            fn imaginary(self) -> Self {
                Self::zero()
            }

            #[inline]
            fn modulus(self) -> Self {
                self.abs()
            }

            #[inline]
            fn modulus_squared(self) -> Self {
                self * self
            }

            /// Returns 0 for a non-negative value and π otherwise (a constant).
            #[inline]
            fn argument(self) -> Self {
                if self.re >= T::zero() { Self::zero() } else { Self::constant(<T as ::$na::RealField>::pi()) }
            }

            #[inline]
            fn norm1(self) -> Self {
                self.abs()
            }

            #[inline]
            fn scale(self, factor: Self) -> Self {
                self * factor
            }

            #[inline]
            fn unscale(self, factor: Self) -> Self {
                self / factor
            }

            #[inline]
            fn to_exp(self) -> (Self, Self) {
                if self.re >= T::zero() {
                    (self, Self::one())
                } else {
                    (-self, -Self::one())
                }
            }

            #[inline]
            fn conjugate(self) -> Self {
                self
            }

            #[inline]
            fn is_finite(&self) -> bool {
                self.re.is_finite()
            }

            /// Returns `None` for a negative value, as for `f64`.
            #[inline]
            fn try_sqrt(self) -> Option<Self> {
                if self.re >= T::zero() { Some(self.sqrt()) } else { None }
            }

            /// Returns `x^n` with a dual exponent (the power rule when `n` is constant).
            #[inline]
            fn powc(self, n: Self) -> Self {
                self.powf(n)
            }

            /// Returns `sin x / x`; at 0 the series `1 − x²/6 + x⁴/120` gives value 1 and the
            /// exact derivatives (0 and −1/3).
            #[inline]
            fn sinc(self) -> Self {
                if self.re.is_zero() {
                    let x2 = self * self;
                    Self::one() - x2 / <T as ::$simba::scalar::SupersetOf<f64>>::from_subset(&6.0)
                        + x2 * x2 / <T as ::$simba::scalar::SupersetOf<f64>>::from_subset(&120.0)
                } else {
                    self.sin() / self
                }
            }

            /// Returns `sinh x / x`; at 0 the series `1 + x²/6 + x⁴/120` gives value 1 and the
            /// exact derivatives (0 and 1/3).
            #[inline]
            fn sinhc(self) -> Self {
                if self.re.is_zero() {
                    let x2 = self * self;
                    Self::one()
                        + x2 / <T as ::$simba::scalar::SupersetOf<f64>>::from_subset(&6.0)
                        + x2 * x2 / <T as ::$simba::scalar::SupersetOf<f64>>::from_subset(&120.0)
                } else {
                    self.sinh() / self
                }
            }

            $crate::integrations::forward! {
                abs() -> Self;
                hypot(other: Self) -> Self;
                signum() -> Self;
                floor() -> Self;
                ceil() -> Self;
                round() -> Self;
                trunc() -> Self;
                fract() -> Self;
                mul_add(a: Self, b: Self) -> Self;
                recip() -> Self;
                sin() -> Self;
                cos() -> Self;
                sin_cos() -> (Self, Self);
                tan() -> Self;
                asin() -> Self;
                acos() -> Self;
                atan() -> Self;
                sinh() -> Self;
                cosh() -> Self;
                tanh() -> Self;
                asinh() -> Self;
                acosh() -> Self;
                atanh() -> Self;
                log(base: Self) -> Self;
                log2() -> Self;
                log10() -> Self;
                ln() -> Self;
                ln_1p() -> Self;
                sqrt() -> Self;
                exp() -> Self;
                exp2() -> Self;
                exp_m1() -> Self;
                powi(n: i32) -> Self;
                powf(n: Self) -> Self;
                cbrt() -> Self;
            }
        }

        impl<$($p)*> ::$simba::simd::SimdValue for $ty where T: ::$na::RealField {
            const LANES: usize = 1;
            type Element = Self;
            type SimdBool = bool;

            #[inline]
            fn splat(val: Self) -> Self {
                val
            }

            #[inline]
            fn extract(&self, _: usize) -> Self {
                *self
            }

            // simba's signature is `unsafe fn`; the body does nothing unsafe (one lane, no
            // indexing), so it is sound for every `i`.
            #[allow(unsafe_code, reason = "the trait's signature; the body is safe")]
            #[inline]
            unsafe fn extract_unchecked(&self, _: usize) -> Self {
                *self
            }

            #[inline]
            fn replace(&mut self, _: usize, val: Self) {
                *self = val;
            }

            // As above: a safe body behind the signature simba requires.
            #[allow(unsafe_code, reason = "the trait's signature; the body is safe")]
            #[inline]
            unsafe fn replace_unchecked(&mut self, _: usize, val: Self) {
                *self = val;
            }

            #[inline]
            fn select(self, cond: bool, other: Self) -> Self {
                if cond { self } else { other }
            }
        }
        };
    };

    // A primitive float embeds as a constant; a dual number is in the primitive's subset when
    // its derivative parts are all zero and its value is.
    (@primitive $na:ident, $simba:ident, [$($p:tt)*] $ty:ty, $prim:ty) => {
        impl<$($p)*> ::$simba::scalar::SubsetOf<$ty> for $prim where T: ::$na::RealField {
            #[inline]
            fn to_superset(&self) -> $ty {
                <$ty>::constant(<T as ::$simba::scalar::SupersetOf<$prim>>::from_subset(self))
            }

            #[inline]
            fn from_superset_unchecked(element: &$ty) -> $prim {
                ::$simba::scalar::SupersetOf::<$prim>::to_subset_unchecked(&element.re)
            }

            #[inline]
            fn is_in_subset(element: &$ty) -> bool {
                element.is_constant() && <T as ::$simba::scalar::SupersetOf<$prim>>::is_in_subset(&element.re)
            }
        }
    };
}

/// Generates every nalgebra trait, of each version whose feature is on, for one type.
macro_rules! impl_nalgebra {
    ([$($p:tt)*] $ty:ty) => {
        $crate::integrations::nalgebra::impl_approx!([$($p)*] $ty);
        #[cfg(feature = "nalgebra")]
        $crate::integrations::nalgebra::impl_real_field!(nalgebra, simba, [$($p)*] $ty);
        #[cfg(feature = "nalgebra_v0_34")]
        $crate::integrations::nalgebra::impl_real_field!(nalgebra_v0_34, simba_v0_9, [$($p)*] $ty);
    };
}

pub(crate) use {impl_approx, impl_nalgebra, impl_real_field};
