//! The elementary functions, written once for every dual type.
//!
//! Each function supplies its value `f`, first derivative `f'` and second derivative `f''` at the
//! value part; a type's private chain rule ([`Chain`]) spreads them over its derivative parts.
//! `f''` is passed lazily, so first-order types never compute it.
#![forbid(unsafe_code)]

use crate::{Dual, Dual2Vec, DualVec, HyperDual, Scalar};
use num_traits::FloatConst;

/// A dual type's chain rule: how a function's value and derivatives at the value part act on the
/// derivative parts. Implemented next to each type's struct.
pub(crate) trait Chain: Copy {
    /// The scalar of the value part.
    type Re: Scalar;

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
pub(crate) fn scale_curvature<S: Scale, T: Scalar>(slope: T, part: T) -> T {
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
    pub(crate) fn new<T: Scalar>(f: T, slopes: &[T]) -> Self {
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
    fn scale<T: Scalar>(slope: T, part: T) -> T;
}

/// [`Rule::Plain`]: the plain product.
pub(crate) struct PlainScale;

impl Scale for PlainScale {
    #[inline]
    fn scale<T: Scalar>(slope: T, part: T) -> T {
        slope.scale_part_finite(part)
    }
}

/// [`Rule::KeepZeros`]: exact zeros stay exact.
pub(crate) struct KeepZerosScale;

impl Scale for KeepZerosScale {
    #[inline]
    fn scale<T: Scalar>(slope: T, part: T) -> T {
        slope.scale_part(part)
    }
}

/// Returns the direction `(x, y)/h` of a point and `1/h`, for `h = hypot(x, y) ≠ 0`, accurate
/// to the last bit at every scale. Below the normal range the arguments are first scaled by the
/// exact power of two 2²⁵², since a quotient of subnormals keeps only the few digits they have
/// (and `1/h` may still be finite). At `h = ∞` an infinite argument dominates a finite one
/// (`±1` or `0`, not `∞/∞`; `1/h = 0`); with both infinite the direction is unknown (NaN, and
/// `1/h` too, so that nothing derived from them claims a value).
pub(crate) fn polar<T: Scalar>(x: T, y: T, h: T) -> (T, T, T) {
    if h.is_infinite() {
        if x.is_infinite() && y.is_infinite() {
            // ∞/∞: the direction depends on how the two grew.
            return (T::nan(), T::nan(), T::nan());
        }
        let limit = |a: T| {
            if a.is_infinite() {
                a.signum()
            } else if a.is_nan() {
                a
            } else {
                T::zero()
            }
        };
        return (limit(x), limit(y), T::zero());
    }
    if h >= T::min_positive_value() {
        return (x / h, y / h, h.recip());
    }
    let big: T::Primitive = ((1u128 << 126) as f32).into();
    let (x, y) = (x.scale_by(big).scale_by(big), y.scale_by(big).scale_by(big));
    let h = x.hypot(y);
    (x / h, y / h, h.recip().scale_by(big).scale_by(big))
}

/// Returns `a · b`, exactly zero when either factor is zero in every part, even against an
/// infinite other factor: a product of two derivative terms, each of which may be the zero of a
/// constant.
#[inline]
pub(crate) fn product_keeping_zeros<T: Scalar>(a: T, b: T) -> T {
    if a.is_zero_in_all_parts() || b.is_zero_in_all_parts() {
        T::zero()
    } else {
        a.scale_part(b)
    }
}

/// Returns `c · x^e`, or zero when the coefficient is zero in every part, so that the power rule
/// gives finite derivatives at `x = 0` (`d/dx x¹ = 1`, not `1 · 0⁰ · …`; `d²/dx² x = 0`).
#[inline]
fn scaled_powf<T: Scalar>(c: T, x: T, e: T) -> T {
    if c.is_zero_in_all_parts() {
        T::zero()
    } else {
        c * x.powf(e)
    }
}

/// Returns `p·x^(p−1)`, the slope of `xᵖ`. For `|p| ≥ 2⁵³`, `p − 1` rounds to `p` and would give
/// `x^(p−1)` the parity of `p`, the wrong sign for `x < 0`; there it is `p·xᵖ/x`, which keeps the
/// parity (found by the fuzz target: `(x − 1)^sinh(142)` at `x − 1 = −1`).
#[inline]
fn power_slope<T: Scalar>(p: T, x: T) -> T {
    let e = p - T::one();
    if e == p && x < T::zero() {
        p * (x.powf(p) / x)
    } else {
        scaled_powf(p, x, e)
    }
}

#[inline]
fn two<T: Scalar>() -> T {
    T::one() + T::one()
}

/// Returns `x · k` for a constant `k`, scaling every part of `x` (see [`Scalar::scale_by`]):
/// the formulas below multiply by constants this way so that nested types never see `∞ · 0`.
#[inline]
fn times<T: Scalar>(x: T, k: f32) -> T {
    x.scale_by(k.into())
}

/// Returns `x · d` for a factor `d` that vanishes faster than `x` grows, with the limit 0 at
/// `x = ±∞` instead of `∞ · 0` (the second derivatives of `erf`, `asinh`, `acosh`).
#[inline]
fn tail<T: Scalar>(x: T, d: T) -> T {
    if x.is_infinite() { T::zero() } else { x * d }
}

/// Returns a constant of the primitive float under `T`.
#[inline]
fn prim<T: Scalar>(c: fn() -> T::Primitive) -> T::Primitive {
    c()
}

/// Returns `i` as a `T`. Every `i32` converts to every float, so the fallback never runs.
#[inline]
fn from_i32<T: Scalar>(i: i32) -> T {
    T::from_i32(i).unwrap_or_else(T::nan)
}

/// Generates the inherent elementary functions of a dual type. Bodies are written once here;
/// each type supplies [`Chain`].
macro_rules! impl_functions {
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

            // ----- powers and roots -----

            /// Returns the reciprocal `1/x`: `f' = −1/x²`, `f'' = 2/x³`. At `±0` the value is
            /// `±∞` and the derivatives are the infinite limits.
            #[inline]
            #[must_use]
            pub fn recip(self) -> Self {
                let f = self.re().recip();
                let df = -f * f;
                self.chain1(f, df, || -two::<T>() * f * df)
            }

            /// Returns `x^n` for an integer `n`: `f' = n·xⁿ⁻¹`, `f'' = n(n−1)·xⁿ⁻²`, with the
            /// zero coefficients giving zero (so `x⁰` has derivative 0 and `x¹` derivative 1
            /// even at `x = 0`).
            #[inline]
            #[must_use]
            pub fn powi(self, n: i32) -> Self {
                let x = self.re();
                let nt: T::Primitive = from_i32(n);
                let df = if n == 0 { T::zero() } else { x.powi(n.saturating_sub(1)).scale_by(nt) };
                self.chain1(x.powi(n), df, || {
                    if n == 0 || n == 1 {
                        T::zero()
                    } else {
                        x.powi(n.saturating_sub(2)).scale_by(nt * (nt - 1.0f32.into()))
                    }
                })
            }

            /// Returns `x^y`. When every derivative part of `y` is zero (a constant exponent,
            /// tested structurally at every nesting level) this is the power rule
            /// `f' = y·x^(y−1)`, `f'' = y(y−1)·x^(y−2)`, finite wherever `x^n` is smooth:
            /// `powf(0, 1.5)`, `powf(0, 2)` and `powf(−2, 3)` have derivatives 0, 0 and 12.
            /// Otherwise it is [`powd`](Self::powd).
            #[inline]
            #[must_use]
            pub fn powf(self, y: Self) -> Self {
                if y.is_constant() {
                    let (x, p) = (self.re(), y.re());
                    if x < T::zero() && p.fract() != T::zero() {
                        // No real xᵖ for x < 0 and a fractional p, so no derivative, even
                        // where IEEE gives (−∞)ᵖ = +∞.
                        return self.chain1(x.powf(p), T::nan(), T::nan);
                    }
                    let df = power_slope(p, x);
                    self.chain1(x.powf(p), df, || {
                        scaled_powf(p * (p - T::one()), x, p - two::<T>())
                    })
                } else {
                    self.powd(y)
                }
            }

            /// Returns `x^y` differentiated in both base and exponent:
            /// `∂/∂x = y·x^(y−1)`, `∂/∂y = x^y·ln x`. Where `x^y = 0` (at `x = 0`, `y > 0`)
            /// the exponent derivatives are 0; for `x < 0` they are NaN (`ln x` is undefined).
            /// Prefer [`powf`](Self::powf), which takes the power rule for constant exponents.
            #[inline]
            #[must_use]
            pub fn powd(self, y: Self) -> Self {
                let (x, p) = (self.re(), y.re());
                let f = x.powf(p);
                let one = T::one();
                let ln_x = x.ln();
                let at_zero = f == T::zero() && p > T::zero();
                let fx = power_slope(p, x);
                let fy = if at_zero { T::zero() } else { f * ln_x };
                self.chain2(y, f, fx, fy, || {
                    let fxx = scaled_powf(p * (p - one), x, p - two::<T>());
                    let fxy = if at_zero && p > one {
                        T::zero()
                    } else {
                        x.powf(p - one) * (one + p * ln_x)
                    };
                    let fyy = if at_zero { T::zero() } else { fy * ln_x };
                    [fxx, fxy, fyy]
                })
            }

            /// Returns the square root: `f' = 1/(2√x)`, `f'' = −1/(4x^(3/2))`. At `±0` the
            /// derivative is `+∞` and the second derivative `−∞`; below zero all parts are NaN.
            #[inline]
            #[must_use]
            pub fn sqrt(self) -> Self {
                let f = self.re().sqrt();
                // + 0 turns sqrt(−0) = −0 into +0, so that the slope is +∞ at −0 too; unlike
                // abs, it leaves a nested type's derivative parts alone, whose sign the slope's
                // own derivative (−∞ on the side of 0 where sqrt is defined) needs
                let r = f + T::zero();
                let df = (r + r).recip();
                self.chain1(f, df, || -two::<T>() * df * df * df)
            }

            /// Returns the cube root: `f' = 1/(3·∛x²)`, `f'' = −2/(9·∛x⁵)`. Defined for every
            /// real; at `±0` the derivative is `+∞` and the second derivative `∓∞`.
            #[inline]
            #[must_use]
            pub fn cbrt(self) -> Self {
                let x = self.re();
                let f = x.cbrt();
                let three = two::<T>() + T::one();
                let df = if f.is_zero() {
                    // At ±0, |x|^(−2/3)/3: the same +∞, but as a function of x, so that a nested
                    // type's slope has the derivative ∓∞ (1/(3·∛x·∛x) meets 0·∞ there)
                    x.abs().powf(-two::<T>() / three) / three
                } else {
                    (three * f * f).recip()
                };
                self.chain1(f, df, || -two::<T>() / three * df / (f * f * f))
            }

            /// Returns `√(x² + y²)` without undue overflow: with `(c, s) = (x, y)/h`,
            /// `∂/∂x = c`, `∂/∂y = s` and the curvatures `s²/h`, `−cs/h`, `c²/h`, which cancel
            /// exactly along a ray (`hypot(x, x)` has second derivative 0 wherever `1/h` is
            /// finite). The direction is exact at subnormal arguments too. An infinite argument
            /// dominates a finite one (`hypot(x, 1)` has slope ±1 at `x = ±∞`); with both
            /// infinite, and at the origin, the derivatives are NaN (there is none).
            #[inline]
            #[must_use]
            pub fn hypot(self, other: Self) -> Self {
                let (x, y) = (self.re(), other.re());
                let h = x.hypot(y);
                let (c, s, inv) = polar(x, y, h);
                self.chain2(other, h, c, s, || {
                    let over_h = |a: T| product_keeping_zeros(a, inv);
                    [over_h(s * s), -over_h(c * s), over_h(c * c)]
                })
            }

            // ----- exponentials and logarithms -----

            /// Returns `eˣ`: `f' = f'' = eˣ`.
            #[inline]
            #[must_use]
            pub fn exp(self) -> Self {
                let f = self.re().exp();
                self.chain1(f, f, || f)
            }

            /// Returns `2ˣ`: `f' = 2ˣ·ln 2`, `f'' = 2ˣ·ln² 2`.
            #[inline]
            #[must_use]
            pub fn exp2(self) -> Self {
                let f = self.re().exp2();
                let ln2 = prim::<T>(FloatConst::LN_2);
                let df = f.scale_by(ln2);
                self.chain1(f, df, || df.scale_by(ln2))
            }

            /// Returns `eˣ − 1`, accurate near zero: `f' = f'' = eˣ`.
            #[inline]
            #[must_use]
            pub fn exp_m1(self) -> Self {
                let x = self.re();
                let e = x.exp();
                self.chain1(x.exp_m1(), e, || e)
            }

            /// Returns the natural logarithm: `f' = 1/x`, `f'' = −1/x²`. At `±0` the value is
            /// `−∞` and the derivative the infinite limit; below zero all parts are NaN.
            #[inline]
            #[must_use]
            pub fn ln(self) -> Self {
                let x = self.re();
                // |x|: the slope at −0 is the limit from inside the domain, +∞ as at +0 (below
                // zero the value is NaN, so every part is NaN whatever the slope).
                let df = x.abs().recip();
                self.chain1(x.ln(), df, || -df * df)
            }

            /// Returns `ln(1 + x)`, accurate near zero: `f' = 1/(1+x)`, `f'' = −1/(1+x)²`.
            /// NaN in every part below −1.
            #[inline]
            #[must_use]
            pub fn ln_1p(self) -> Self {
                let x = self.re();
                let df = (T::one() + x).recip();
                self.chain1(x.ln_1p(), df, || -df * df)
            }

            /// Returns the logarithm in base `base`, `ln x / ln b`: `∂/∂x = 1/(x ln b)`,
            /// `∂/∂b = −ln x/(b ln² b)`. NaN in every part for a negative argument or base.
            #[inline]
            #[must_use]
            pub fn log(self, base: Self) -> Self {
                let (x, b) = (self.re(), base.re());
                let (lx, lb) = (x.ln(), b.ln());
                // b·ln b and b·ln² b with their limits at the ends of the base's domain: 0 at
                // b = 0 (−0 and +0: the signs of b·ln b and b·ln² b there) and ∞ at b = ∞.
                let (b_lb, b_lb2) = if b.is_zero() {
                    (-T::zero(), T::zero())
                } else if b.is_infinite() {
                    (b, b)
                } else {
                    (b * lb, b * lb * lb)
                };
                let fx = (x.abs() * lb).recip();
                let fy = -lx / b_lb2;
                self.chain2(base, x.log(b), fx, fy, || {
                    let fxx = -fx / x.abs();
                    let fxy = -(x.abs() * b_lb2).recip();
                    // ln x·(ln b + 2)/(b² ln³ b), written so that both ends have their limits
                    let fyy = lx * (T::one() + two::<T>() / lb) / (b_lb * b_lb);
                    [fxx, fxy, fyy]
                })
            }

            /// Returns the base-2 logarithm: `f' = 1/(x ln 2)`, `f'' = −1/(x² ln 2)`.
            #[inline]
            #[must_use]
            pub fn log2(self) -> Self {
                let x = self.re();
                // (1/|x|)·log₂e rather than 1/(x ln 2): no overflow near f64::MAX, and the
                // limit from inside the domain at −0.
                let r = x.abs().recip();
                let df = r.scale_by(prim::<T>(FloatConst::LOG2_E));
                self.chain1(x.log2(), df, || -(df * r))
            }

            /// Returns the base-10 logarithm: `f' = 1/(x ln 10)`, `f'' = −1/(x² ln 10)`.
            #[inline]
            #[must_use]
            pub fn log10(self) -> Self {
                let x = self.re();
                let r = x.abs().recip();
                let df = r.scale_by(prim::<T>(FloatConst::LOG10_E));
                self.chain1(x.log10(), df, || -(df * r))
            }

            // ----- trigonometric -----

            /// Returns the sine: `f' = cos x`, `f'' = −sin x`. NaN in every part at `±∞`.
            #[inline]
            #[must_use]
            pub fn sin(self) -> Self {
                let (s, c) = self.re().sin_cos();
                self.chain1_total(s, c, || -s)
            }

            /// Returns the cosine: `f' = −sin x`, `f'' = −cos x`. NaN in every part at `±∞`.
            #[inline]
            #[must_use]
            pub fn cos(self) -> Self {
                let (s, c) = self.re().sin_cos();
                self.chain1_total(c, -s, || -c)
            }

            /// Returns the sine and cosine, each with its derivatives.
            #[inline]
            #[must_use]
            pub fn sin_cos(self) -> (Self, Self) {
                (self.sin(), self.cos())
            }

            /// Returns the tangent: `f' = 1 + tan² x`, `f'' = 2 tan x (1 + tan² x)`.
            #[inline]
            #[must_use]
            pub fn tan(self) -> Self {
                let f = self.re().tan();
                let df = T::one() + f * f;
                self.chain1(f, df, || two::<T>() * f * df)
            }

            /// Returns the arcsine: `f' = 1/√(1−x²)`, `f'' = x/(1−x²)^(3/2)`. At `±1` the
            /// derivative is `+∞`; outside `[−1, 1]` all parts are NaN.
            #[inline]
            #[must_use]
            pub fn asin(self) -> Self {
                let x = self.re();
                let df = ((T::one() - x) * (T::one() + x)).sqrt().recip();
                self.chain1(x.asin(), df, || x * df * df * df)
            }

            /// Returns the arccosine: `f' = −1/√(1−x²)`, `f'' = −x/(1−x²)^(3/2)`. At `±1` the
            /// derivative is `−∞`; outside `[−1, 1]` all parts are NaN.
            #[inline]
            #[must_use]
            pub fn acos(self) -> Self {
                let x = self.re();
                let df = -((T::one() - x) * (T::one() + x)).sqrt().recip();
                self.chain1(x.acos(), df, || x * df * df * df)
            }

            /// Returns the arctangent: `f' = 1/(1+x²)`, `f'' = −2x/(1+x²)²`; both derivatives
            /// are 0 at `±∞`. Where `x²` overflows the slope is `(1/x)²` (equal to rounding),
            /// and `x/(1+x²)` is computed as `1/(x + 1/x)`, so no `∞ · 0` arises at any level.
            #[inline]
            #[must_use]
            pub fn atan(self) -> Self {
                let x = self.re();
                let x2 = x * x;
                let df = if x2.is_finite() {
                    (T::one() + x2).recip()
                } else {
                    let r = x.recip();
                    r * r
                };
                // x/(1+x²), as x·f' where x² is finite (so that it does not round to 0 at a
                // subnormal x, where 1/x overflows) and as 1/(x + 1/x) beyond.
                let ratio = if x2.is_finite() {
                    x * df
                } else {
                    (x + x.recip()).recip()
                };
                self.chain1_total(x.atan(), df, || times(df * ratio, -2.0))
            }

            /// Returns the four-quadrant arctangent of `self / other` (`self` is `y`, `other` is
            /// `x`): with `(c, s) = (x, y)/h` and `h = hypot(x, y)`, `∂/∂y = c/h`, `∂/∂x = −s/h`
            /// and the curvatures `−2pq`, `q² − p²`, `2pq` for `(p, q) = (c, s)/h`: finite on
            /// the axes (`atan2(y, 0)` has `∂/∂x = −1/y`), exact at subnormal arguments, and 0 at
            /// an infinite argument (the limit). NaN derivatives at the origin and with both
            /// arguments infinite, where there is no limit.
            #[inline]
            #[must_use]
            pub fn atan2(self, other: Self) -> Self {
                let (y, x) = (self.re(), other.re());
                let h = y.hypot(x);
                let (s, c, inv) = polar(y, x, h);
                // 0·∞ is 0 here: on an axis at a subnormal distance one slope is exactly 0.
                let (p, q) = (product_keeping_zeros(c, inv), product_keeping_zeros(s, inv));
                self.chain2(other, y.atan2(x), p, -q, || {
                    let pq2 = two::<T>() * product_keeping_zeros(p, q);
                    [-pq2, q * q - p * p, pq2]
                })
            }

            // ----- hyperbolic -----

            /// Returns the hyperbolic sine: `f' = cosh x`, `f'' = sinh x`.
            #[inline]
            #[must_use]
            pub fn sinh(self) -> Self {
                let x = self.re();
                let f = x.sinh();
                self.chain1(f, x.cosh(), || f)
            }

            /// Returns the hyperbolic cosine: `f' = sinh x`, `f'' = cosh x`.
            #[inline]
            #[must_use]
            pub fn cosh(self) -> Self {
                let x = self.re();
                let f = x.cosh();
                self.chain1(f, x.sinh(), || f)
            }

            /// Returns the hyperbolic tangent: `f' = 1 − tanh² x`, `f'' = −2 tanh x · f'`.
            /// The slope is computed as `4e/(1 + e)²` with `e = exp(−2|x|)`, which equals
            /// `1 − tanh² x` but keeps full relative accuracy where that cancels (`|x| ≳ 3`),
            /// and is finite for every argument (`tanh(400)` has derivatives 0, not NaN).
            #[inline]
            #[must_use]
            pub fn tanh(self) -> Self {
                let x = self.re();
                let f = x.tanh();
                let e = times(x.abs(), -2.0).exp();
                let one_e = T::one() + e;
                let df = times(e, 4.0) / (one_e * one_e);
                self.chain1_total(f, df, || times(f * df, -2.0))
            }

            /// Returns the inverse hyperbolic sine: `f' = 1/√(x²+1)`, `f'' = −x/(x²+1)^(3/2)`.
            #[inline]
            #[must_use]
            pub fn asinh(self) -> Self {
                let x = self.re();
                let df = x.hypot(T::one()).recip();
                self.chain1_total(x.asinh(), df, || -tail(x, df * df * df))
            }

            /// Returns the inverse hyperbolic cosine: `f' = 1/√(x²−1)`, `f'' = −x/(x²−1)^(3/2)`.
            /// At 1 the derivative is `+∞`; below 1 all parts are NaN.
            #[inline]
            #[must_use]
            pub fn acosh(self) -> Self {
                let x = self.re();
                let one = T::one();
                let df = ((x - one).sqrt() * (x + one).sqrt()).recip();
                self.chain1(x.acosh(), df, || -tail(x, df * df * df))
            }

            /// Returns the inverse hyperbolic tangent: `f' = 1/(1−x²)`, `f'' = 2x/(1−x²)²`.
            /// At `±1` the value and derivative are infinite; outside `[−1, 1]` all parts are NaN.
            #[inline]
            #[must_use]
            pub fn atanh(self) -> Self {
                let x = self.re();
                let df = ((T::one() - x) * (T::one() + x)).recip();
                self.chain1(x.atanh(), df, || two::<T>() * x * df * df)
            }

            // ----- angles -----

            /// Converts radians to degrees with the value of `f64::to_degrees`; derivative `180/π`.
            #[inline]
            #[must_use]
            pub fn to_degrees(self) -> Self {
                self.chain1(self.re().to_degrees(), T::one().to_degrees(), T::zero)
            }

            /// Converts degrees to radians with the value of `f64::to_radians`; derivative `π/180`.
            #[inline]
            #[must_use]
            pub fn to_radians(self) -> Self {
                self.chain1(self.re().to_radians(), T::one().to_radians(), T::zero)
            }

            // ----- special functions -----

            /// Returns the error function: `f' = 2/√π·e^(−x²)`, `f'' = −2x·f'`.
            #[inline]
            #[must_use]
            pub fn erf(self) -> Self {
                let x = self.re();
                let df = (-x * x).exp().scale_by(prim::<T>(FloatConst::FRAC_2_SQRT_PI));
                self.chain1_total(x.erf(), df, || times(tail(x, df), -2.0))
            }

            /// Returns the complementary error function `1 − erf(x)`, accurate where it is tiny:
            /// `f' = −2/√π·e^(−x²)`, `f'' = −2x·f'`.
            #[inline]
            #[must_use]
            pub fn erfc(self) -> Self {
                let x = self.re();
                let df = -(-x * x).exp().scale_by(prim::<T>(FloatConst::FRAC_2_SQRT_PI));
                self.chain1_total(x.erfc(), df, || times(tail(x, df), -2.0))
            }

            /// Returns the gamma function: `f' = Γ(x)ψ(x)`, `f'' = Γ(x)(ψ(x)² + ψ₁(x))`. At `±0`
            /// the sign bit picks the side, as for `Γ(±0) = ±∞` itself (`Γ ≈ 1/x`: `f' = −∞`,
            /// `f'' = ±∞`); at the negative integers the derivatives are NaN.
            #[inline]
            #[must_use]
            pub fn gamma(self) -> Self {
                let x = self.re();
                let f = x.gamma();
                let psi = x.digamma();
                self.chain1(f, f * psi, || f * (psi * psi + x.polygamma(1)))
            }

            /// Returns `ln |Γ(x)|`: `f' = ψ(x)`, `f'' = ψ₁(x)`. At `±0`, `f' = ∓∞` and `f'' = +∞`
            /// (the side the sign bit picks); at the negative integers `f'` is NaN.
            #[inline]
            #[must_use]
            pub fn ln_gamma(self) -> Self {
                let x = self.re();
                self.chain1(x.ln_gamma(), x.digamma(), || x.polygamma(1))
            }

            /// Returns the digamma function `ψ(x) = Γ'(x)/Γ(x)`: `f' = ψ₁(x)`, `f'' = ψ₂(x)`.
            /// At `±0` the sign bit picks the side (`ψ ≈ −1/x`: `ψ(±0) = ∓∞`, `ψ₁ = +∞`,
            /// `ψ₂(±0) = ∓∞`), as for `1/x`; NaN in every part at the negative integers, where
            /// the one-sided limits disagree and nothing picks one.
            #[inline]
            #[must_use]
            pub fn digamma(self) -> Self {
                self.polygamma(0)
            }

            /// Returns the polygamma function `ψ⁽ⁿ⁾(x)`: `f' = ψ⁽ⁿ⁺¹⁾(x)`, `f'' = ψ⁽ⁿ⁺²⁾(x)`.
            /// Near 0, `ψ⁽ⁿ⁾ ≈ (−1)ⁿ⁺¹·n!/xⁿ⁺¹`, and at `±0` each part is the limit from the
            /// side the sign bit picks; at the negative integers a part is `+∞` where both
            /// one-sided limits are (odd order) and NaN where they disagree (even order).
            #[inline]
            #[must_use]
            pub fn polygamma(self, n: u32) -> Self {
                let x = self.re();
                let df = x.polygamma(n.saturating_add(1));
                self.chain1(x.polygamma(n), df, || x.polygamma(n.saturating_add(2)))
            }
        }
    };
}

/// `f64::div_euclid`, for any scalar.
#[inline]
pub(crate) fn euclid_quotient<T: Scalar>(x: T, y: T) -> T {
    let q = (x / y).trunc();
    if x % y < T::zero() {
        if y > T::zero() {
            q - T::one()
        } else {
            q + T::one()
        }
    } else {
        q
    }
}

/// `f64::rem_euclid`, for any scalar.
#[inline]
pub(crate) fn euclid_remainder<T: Scalar>(x: T, y: T) -> T {
    let r = x % y;
    if r < T::zero() { r + y.abs() } else { r }
}

impl_functions!([T: Scalar] Dual<T>);
impl_functions!([T: Scalar, const N: usize] DualVec<T, N>);
impl_functions!([T: Scalar] HyperDual<T>);
impl_functions!([T: Scalar, const N: usize] Dual2Vec<T, N>);
