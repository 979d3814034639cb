//! The elementary functions, written once for every number type.
//!
//! Each function supplies its value `f`, first derivative `f'` and second derivative `f''` at the
//! value part; a type's private chain rule ([`Chain`](crate::chain::Chain)) spreads them over its
//! derivative parts. `f''` is passed lazily, so first-order types never compute it.
#![forbid(unsafe_code)]

pub(crate) mod smooth;
pub(crate) mod value;

use crate::Real;

/// Returns the direction `(x, y)/h` of a point and `1/h`, for `h = hypot(x, y) ≠ 0`, accurate
/// to the last bit at every scale. Below the normal range the arguments are first scaled by the
/// exact power of two 2²⁵², since a quotient of subnormals keeps only the few digits they have
/// (and `1/h` may still be finite). At `h = ∞` an infinite argument dominates a finite one
/// (`±1` or `0`, not `∞/∞`; `1/h = 0`); with both infinite the direction is unknown (NaN, and
/// `1/h` too, so that nothing derived from them claims a value).
#[inline]
pub(crate) fn polar<T: Real>(x: T, y: T, h: T) -> (T, T, T) {
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

/// Returns `c · x^e`, or zero when the coefficient is zero in every part, so that the power rule
/// gives finite derivatives at `x = 0` (`d/dx x¹ = 1`, not `1 · 0⁰ · …`; `d²/dx² x = 0`).
#[inline]
pub(crate) fn scaled_powf<T: Real>(c: T, x: T, e: T) -> T {
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
pub(crate) fn power_slope<T: Real>(p: T, x: T) -> T {
    let e = p - T::one();
    if e == p && x < T::zero() {
        p * (x.powf(p) / x)
    } else {
        scaled_powf(p, x, e)
    }
}

#[inline]
pub(crate) fn two<T: Real>() -> T {
    T::one() + T::one()
}

/// Returns `x · k` for a constant `k`, scaling every part of `x` (see [`Real::scale_by`]):
/// the formulas below multiply by constants this way so that nested types never see `∞ · 0`.
#[inline]
pub(crate) fn times<T: Real>(x: T, k: f32) -> T {
    x.scale_by(k.into())
}

/// Returns `x · d` for a factor `d` that vanishes faster than `x` grows, with the limit 0 at
/// `x = ±∞` instead of `∞ · 0` (the second derivatives of `erf`, `asinh`, `acosh`).
#[inline]
pub(crate) fn tail<T: Real>(x: T, d: T) -> T {
    if x.is_infinite() { T::zero() } else { x * d }
}

/// Returns a constant of the primitive float under `T`.
#[inline]
pub(crate) fn prim<T: Real>(c: fn() -> T::Primitive) -> T::Primitive {
    c()
}

/// Returns `i` as a `T`. Every `i32` converts to every float, so the fallback never runs.
#[inline]
pub(crate) fn from_i32<T: Real>(i: i32) -> T {
    T::from_i32(i).unwrap_or_else(T::nan)
}

/// `f64::div_euclid`, for any scalar.
#[inline]
pub(crate) fn euclid_quotient<T: Real>(x: T, y: T) -> T {
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
pub(crate) fn euclid_remainder<T: Real>(x: T, y: T) -> T {
    let r = x % y;
    if r < T::zero() { r + y.abs() } else { r }
}
