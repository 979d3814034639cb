//! Special functions missing from `f64`: digamma and the polygamma family.
//!
//! `erf`, `erfc`, `Γ` and `ln Γ` come from the `libm` crate; the polygamma functions, which the
//! derivatives of `Γ`, `ln Γ` and `ψ` need at every order, are computed here by the recurrence
//! `ψ⁽ⁿ⁾(x + 1) = ψ⁽ⁿ⁾(x) + (−1)ⁿ n! / xⁿ⁺¹` up to a large argument and then the asymptotic
//! (Stirling) series; negative arguments go through the reflection formula
//! `ψ⁽ⁿ⁾(x) = (−1)ⁿ ψ⁽ⁿ⁾(1 − x) − π dⁿ/dxⁿ cot(πx)`. Accuracy is a few ulps away from the
//! zeros of the functions.
#![forbid(unsafe_code)]

use core::f64::consts::PI;
#[cfg(not(feature = "std"))]
use num_traits::Float;

/// The Bernoulli numbers `B₂, B₄, …, B₂₄`.
const BERNOULLI: [f64; 12] = [
    1.0 / 6.0,
    -1.0 / 30.0,
    1.0 / 42.0,
    -1.0 / 30.0,
    5.0 / 66.0,
    -691.0 / 2730.0,
    7.0 / 6.0,
    -3617.0 / 510.0,
    43867.0 / 798.0,
    -174_611.0 / 330.0,
    854_513.0 / 138.0,
    -236_364_091.0 / 2730.0,
];

/// Returns `true` at the poles of the polygamma functions: zero and the negative integers.
fn is_pole(x: f64) -> bool {
    x <= 0.0 && x == x.floor()
}

/// Returns the digamma function `ψ(x)`. At `±0` the sign bit picks the side, as for `1/x`:
/// `ψ(+0) = −∞`, `ψ(−0) = +∞`. NaN at the negative integers, where the two one-sided limits
/// are `∓∞` and nothing picks one, and at −∞; `+∞` at `+∞`.
fn digamma(x: f64) -> f64 {
    if x == 0.0 {
        return -1.0 / x;
    }
    if x.is_nan() || x == f64::NEG_INFINITY || is_pole(x) {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return x;
    }
    if x < 0.0 {
        // Reflection: ψ(x) = ψ(1 − x) − π·cot(πx).
        return digamma(1.0 - x) - PI * cot_pi(x);
    }
    let mut x = x;
    let mut shift = 0.0;
    while x < 10.0 {
        shift += 1.0 / x;
        x += 1.0;
    }
    // ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ / (2k·x²ᵏ)
    let inv2 = 1.0 / (x * x);
    let mut power = inv2;
    let mut series = 0.0;
    for (k, b) in (1u32..).zip(BERNOULLI) {
        let term = b / (f64::from(2 * k)) * power;
        series += term;
        if term.abs() < 1e-17 * series.abs() {
            break;
        }
        power *= inv2;
    }
    x.ln() - 0.5 / x - series - shift
}

/// Returns `cot(πx)` accurately: reduced by its period 1 to `r ∈ [−1/2, 1/2]` (exact), and for
/// `|r| > 1/4` computed as `±tan(π(1/2 − |r|))` (also exact to form), so that half-integers give
/// exactly 0.
fn cot_pi(x: f64) -> f64 {
    let r = x - x.round();
    if r.abs() <= 0.25 {
        1.0 / (PI * r).tan()
    } else {
        (PI * (0.5 - r.abs())).tan().copysign(r)
    }
}

/// The highest order whose reflection uses [`cot_derivative`] (beyond it the recurrence serves).
const MAX_REFLECTED_ORDER: usize = 40;

/// Returns `π dⁿ/dxⁿ cot(πx) = πⁿ⁺¹ Pₙ(cot πx)`, where `P₀(c) = c` and
/// `Pₖ₊₁(c) = −(1 + c²) Pₖ'(c)`; `None` for orders above [`MAX_REFLECTED_ORDER`].
fn cot_derivative(n: u32, x: f64) -> Option<f64> {
    let n = usize::try_from(n)
        .ok()
        .filter(|&n| n <= MAX_REFLECTED_ORDER)?;
    // Coefficients of Pₖ, lowest degree first; Pₖ has degree k + 1.
    let mut p = [0.0; MAX_REFLECTED_ORDER + 2];
    p[1] = 1.0;
    for k in 0..n {
        let mut next = [0.0; MAX_REFLECTED_ORDER + 2];
        // P'(c) has coefficients d[j] = (j + 1)·p[j + 1]; −(1 + c²)·P' adds d[j] to degree j
        // and to degree j + 2.
        for j in 0..=k {
            let d = (j as f64 + 1.0) * p[j + 1];
            next[j] -= d;
            next[j + 2] -= d;
        }
        p = next;
    }
    let c = cot_pi(x);
    let poly = p[..=n + 1].iter().rev().fold(0.0, |acc, &a| acc * c + a);
    Some(PI.powi(i32::try_from(n).ok()? + 1) * poly)
}

/// Returns the polygamma function `ψ⁽ⁿ⁾(x)` (`n = 0` is digamma).
///
/// For `n ≥ 1`: at `±0` the limit from the side the sign bit picks, that of
/// `(−1)ⁿ⁺¹·n!/xⁿ⁺¹` (`+∞` from the left, `(−1)ⁿ⁺¹·∞` from the right); at the negative integers
/// `+∞` when `n` is odd (both one-sided limits agree) and NaN when `n` is even; zero at `+∞`;
/// NaN at `−∞` and NaN.
pub(crate) fn polygamma(n: u32, x: f64) -> f64 {
    if n == 0 {
        return digamma(x);
    }
    if x.is_nan() || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    let odd = n % 2 == 1;
    if x == 0.0 {
        return if odd || x.is_sign_negative() {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
    }
    if is_pole(x) {
        return if odd { f64::INFINITY } else { f64::NAN };
    }
    // (−1)ⁿ⁺¹: positive for odd n.
    let sign = if odd { 1.0 } else { -1.0 };
    if x == f64::INFINITY {
        return sign * 0.0;
    }
    if x < 0.0
        && let Some(d) = cot_derivative(n, x)
    {
        let reflected = polygamma(n, 1.0 - x);
        return if odd { -reflected - d } else { reflected - d };
    }
    let nf = f64::from(n);
    let exponent = i32::try_from(n).map_or(i32::MAX, |n| n.saturating_add(1));
    let mut x = x;
    let mut shift = 0.0;
    while x < nf + 12.0 {
        shift += x.powi(-exponent);
        x += 1.0;
    }
    let n_minus_1_fact: f64 = (1..n).map(f64::from).product();
    let n_fact = n_minus_1_fact * nf;
    // ψ⁽ⁿ⁾(x) ~ (−1)ⁿ⁺¹ [ (n−1)!/xⁿ + n!/(2xⁿ⁺¹) + Σ B₂ₖ (2k+n−1)! / ((2k)! x²ᵏ⁺ⁿ) ]
    let inv = 1.0 / x;
    // (1/x)ⁿ, not x^(−n−1)·x: the latter underflows to 0 for huge x where 1/xⁿ is subnormal.
    let inv_n = inv.powi(exponent - 1);
    let mut sum = n_minus_1_fact * inv_n + n_fact * 0.5 * inv_n * inv;
    // ratio = (2k+n−1)!/(2k)!, starting at k = 1: (n+1)!/2
    let mut ratio = n_fact * (nf + 1.0) / 2.0;
    let mut power = inv_n * inv * inv;
    for (k, b) in (1u32..).zip(BERNOULLI) {
        let term = b * ratio * power;
        sum += term;
        if term.abs() < 1e-17 * sum.abs() {
            break;
        }
        let k2 = f64::from(2 * k);
        ratio *= (k2 + nf) * (k2 + nf + 1.0) / ((k2 + 1.0) * (k2 + 2.0));
        power *= inv * inv;
    }
    sign * (sum + n_fact * shift)
}

#[cfg(test)]
mod tests {
    use super::polygamma;

    const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;
    /// Apéry's constant ζ(3).
    const ZETA3: f64 = 1.202_056_903_159_594_3;

    fn close(actual: f64, expected: f64, rel: f64) {
        let diff = (actual - expected).abs();
        assert!(
            diff <= rel * expected.abs().max(1e-300),
            "expected {expected:e}, got {actual:e}, difference {diff:e}"
        );
    }

    #[test]
    fn digamma_at_literature_values() {
        // Abramowitz & Stegun 6.3.2, 6.3.3: ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2.
        close(polygamma(0, 1.0), -EULER_GAMMA, 1e-15);
        close(polygamma(0, 0.5), -EULER_GAMMA - 2.0 * 2f64.ln(), 1e-15);
        // ψ(n) = H(n−1) − γ
        let h9: f64 = (1..10).map(|k| 1.0 / f64::from(k)).sum();
        close(polygamma(0, 10.0), h9 - EULER_GAMMA, 1e-15);
        // Reflection and recurrence: ψ(−1/2) = ψ(1/2) + 2 = 2 − γ − 2 ln 2 ≈ 0.0365. The value is a
        // difference of terms near 2, so its error is absolute (a few ulps of 2), not relative.
        let psi = polygamma(0, -0.5);
        assert!(
            (psi - (2.0 - EULER_GAMMA - 2.0 * 2f64.ln())).abs() < 1e-15,
            "ψ(−1/2) = {psi}"
        );
        close(polygamma(0, 1e-8), -1e8 - EULER_GAMMA, 1e-15);
    }

    #[test]
    fn polygamma_at_zeta_values() {
        // ψ⁽ⁿ⁾(1) = (−1)ⁿ⁺¹ n! ζ(n+1)
        let pi2 = core::f64::consts::PI.powi(2);
        close(polygamma(1, 1.0), pi2 / 6.0, 1e-15);
        close(polygamma(2, 1.0), -2.0 * ZETA3, 1e-15);
        close(polygamma(3, 1.0), 6.0 * pi2 * pi2 / 90.0, 1e-14);
        // ψ₁(1/2) = π²/2
        close(polygamma(1, 0.5), pi2 / 2.0, 1e-15);
        // ψ₂(1/2) = −14 ζ(3)
        close(polygamma(2, 0.5), -14.0 * ZETA3, 1e-14);
        // ψ₁(−1/2) = π²/2 + 4 (recurrence ψ₁(x) = ψ₁(x+1) + 1/x²)
        close(polygamma(1, -0.5), pi2 / 2.0 + 4.0, 1e-14);
        // Large argument: ψ₁(x) ≈ 1/x + 1/(2x²) + 1/(6x³)
        let x = 1e6;
        close(
            polygamma(1, x),
            1.0 / x + 0.5 / (x * x) + 1.0 / (6.0 * x * x * x),
            1e-15,
        );
    }

    #[test]
    fn poles_and_infinities() {
        // ψ⁽ⁿ⁾(x) ≈ (−1)ⁿ⁺¹·n!/xⁿ⁺¹ near 0: the sign bit picks the side.
        assert_eq!(polygamma(0, 0.0), f64::NEG_INFINITY);
        assert_eq!(polygamma(0, -0.0), f64::INFINITY);
        assert_eq!(polygamma(1, 0.0), f64::INFINITY);
        assert_eq!(polygamma(1, -0.0), f64::INFINITY);
        assert_eq!(polygamma(2, 0.0), f64::NEG_INFINITY);
        assert_eq!(polygamma(2, -0.0), f64::INFINITY);
        assert_eq!(polygamma(5, 0.0), f64::INFINITY);
        assert!(polygamma(0, -3.0).is_nan());
        assert_eq!(polygamma(1, -3.0), f64::INFINITY);
        assert!(polygamma(2, -2.0).is_nan());
        assert_eq!(polygamma(0, f64::INFINITY), f64::INFINITY);
        assert_eq!(polygamma(1, f64::INFINITY), 0.0);
        assert!(polygamma(3, f64::NAN).is_nan());
        assert!(polygamma(0, f64::NEG_INFINITY).is_nan());
    }
}
