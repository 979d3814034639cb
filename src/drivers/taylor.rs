//! Taylor drivers: every derivative to order `K` in one evaluation on [`Taylor`].
#![forbid(unsafe_code)]

use crate::{Real, Taylor};
#[cfg(feature = "alloc")]
use alloc::vec::Vec;

/// Returns `f(x)` and all the derivatives `[f′(x), f″(x), …, f⁽ᴷ⁾(x)]` (not divided by `k!`)
/// from one evaluation of `f` on [`Taylor::variable`]`(x)`.
///
/// ```
/// use dualdiff::{taylor_derivatives, Taylor64};
///
/// // d^k/dx^k e^(2x) = 2^k e^(2x)
/// let (f, d) = taylor_derivatives(|x: Taylor64<10>| (x * 2.0).exp(), 0.0);
/// assert_eq!(f, 1.0);
/// assert!((d[9] - 1024.0).abs() < 1e-10);
/// ```
#[inline]
pub fn taylor_derivatives<T: Real, const K: usize>(
    f: impl FnOnce(Taylor<T, K>) -> Taylor<T, K>,
    x: T,
) -> (T, [T; K]) {
    let y = f(Taylor::variable(x));
    (y.re, y.derivatives())
}

/// Returns, for each output `fᵢ` of `f`, its value at `x` and the derivatives
/// `dᵏ/dtᵏ fᵢ(x + t·v)` at `t = 0` for `k = 1, …, K`: every directional derivative up to order
/// `K` along `v`, in one evaluation. Mixed partials follow by polarization, for example
/// `∂²f/∂x∂y = (D²f(e₁ + e₂) − D²f(e₁ − e₂))/4` with `D²f(v)` the second derivative along `v`.
///
/// # Panics
/// If `v` is not as long as `x`.
///
/// ```
/// use dualdiff::{taylor_directional, Taylor64};
///
/// // f(x, y) = x²y: ∂²f/∂x∂y = 2x, from the second derivatives along (1, 1) and (1, −1)
/// let f = |v: &[Taylor64<2>]| vec![v[0] * v[0] * v[1]];
/// let plus = taylor_directional(f, &[3.0, 2.0], &[1.0, 1.0]);
/// let minus = taylor_directional(f, &[3.0, 2.0], &[1.0, -1.0]);
/// let mixed = (plus[0].1[1] - minus[0].1[1]) / 4.0;
/// assert_eq!(mixed, 6.0);
/// ```
#[cfg(feature = "alloc")]
#[inline]
pub fn taylor_directional<T: Real, const K: usize>(
    f: impl FnOnce(&[Taylor<T, K>]) -> Vec<Taylor<T, K>>,
    x: &[T],
    v: &[T],
) -> Vec<(T, [T; K])> {
    assert_eq!(
        v.len(),
        x.len(),
        "taylor_directional: v must be as long as x"
    );
    let seeds: Vec<Taylor<T, K>> = x
        .iter()
        .zip(v)
        .map(|(&xi, &vi)| {
            let mut t = Taylor::variable(xi);
            t.coeffs = t.coeffs.map(|c| c * vi);
            t
        })
        .collect();
    f(&seeds).iter().map(|y| (y.re, y.derivatives())).collect()
}
