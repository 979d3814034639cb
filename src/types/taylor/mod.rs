//! `Taylor<T, K>`: truncated Taylor series of order `K`, every derivative up to `f⁽ᴷ⁾` from one
//! evaluation.
//!
//! A jet holds the coefficients `a₀ + a₁t + … + a_K tᴷ` of `t ↦ f(x + t)`; arithmetic and the
//! elementary functions act on whole series by the classical recurrences (Cauchy products, the
//! quotient recurrence, and for each function the linear ODE it satisfies, such as `e' = e·a'`
//! or `a·f' = p·a'·f` for `f = aᵖ`), which cost `O(K²)` per operation. Functions without such an
//! ODE (the polygamma family) are composed from their derivatives at the value (`O(K³)`).
//!
//! The recurrences form their products and quotients under one of two rules ([`Arith`]), chosen
//! once per operation: plain IEEE arithmetic when every input is finite and nothing is divided
//! by zero, and otherwise a careful variant in which an exact zero times anything (or divided by
//! anything) is zero, so that an infinite slope at a singular point (`sqrt` or `ln` at 0) does
//! not turn the coefficients of a constant argument into NaN.
#![deny(unconditional_recursion)]
#![forbid(unsafe_code)]

use crate::Scalar;
use crate::functions::{euclid_quotient, euclid_remainder, polar, product_keeping_zeros};
#[cfg(feature = "alloc")]
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;
use core::iter::{Product, Sum};
use core::num::FpCategory;
use core::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};
use num_traits::{
    Bounded, Float, FloatConst, FromPrimitive, Inv, Num, NumCast, One, Pow, Signed, ToPrimitive,
    Zero,
};

/// Evaluates `$body` with `$s` bound to [`Plain`] if `$plain` holds, else to [`Careful`].
macro_rules! by_rule {
    ($plain:expr, $s:ident => $body:expr) => {
        if $plain {
            let $s = Plain;
            $body
        } else {
            let $s = Careful;
            $body
        }
    };
}

/// A truncated Taylor series of order `K`: the value `f(x)` and the coefficients
/// `f⁽ᵏ⁾(x)/k!` for `k = 1, …, K`.
///
/// Evaluating a function on [`Taylor::variable`]`(x)` gives the series of `t ↦ f(x + t)` up to
/// `tᴷ`, so every derivative up to order `K` comes out of one evaluation (read them with
/// [`derivative`](Self::derivative) or [`derivatives`](Self::derivatives), or use the driver
/// [`taylor_derivatives`]). The cost is `O(K²)` per operation, against `2ᴷ` parts for `K`
/// nested [`Dual`](crate::Dual)s. Seeding `x + t·v` ([`Taylor::new`]`(x, [v, 0, …])`) gives
/// directional derivatives of every order, from which mixed partials follow by polarization
/// ([`taylor_directional`]).
///
/// The value is `re` and `coeffs[k − 1]` is the coefficient of `tᵏ` (stable Rust cannot write
/// `[T; K + 1]`), mirroring [`Dual`](crate::Dual)'s `re` and `eps`.
///
/// Conventions, as for every number type of this crate:
/// - the value part is bit for bit what the same computation gives on plain `T`;
/// - comparisons (`==`, `<`, `max`, `min`, `clamp`) look at the value only;
/// - at non-smooth points the sign bit decides (`abs'(±0) = ±1`, all higher coefficients of
///   `abs` those of `±x`); `floor`, `ceil`, `round`, `trunc`, `signum` are locally constant,
///   `fract` has slope 1, and `x % y` is `x − trunc(x/y)·y` with `trunc(x/y)` held constant;
/// - `+`, `−`, `×` are IEEE arithmetic coefficient by coefficient; a division or an elementary
///   function whose value is NaN has NaN coefficients, and outside a function's domain the
///   value is NaN as for `f64`;
/// - a constant argument (every coefficient exactly zero) gives a constant result, even where
///   the slope is infinite (`sqrt` and `ln` at 0); at a singular point the coefficients of a
///   varying argument are the infinite limits where the recurrences determine them
///   (`sqrt(variable(0))` has coefficients `+∞, −∞, +∞, …`), NaN where there is no limit
///   (`hypot` and `atan2` at the origin). Nothing panics;
/// - a recurrence computes every order together, sometimes through an intermediate series (the
///   `ln x` of `x^y` with a varying exponent, whose coefficients are `1/xᵏ` up to sign and
///   scale): where the second and higher derivatives overflow `T` — at a subnormal `x`, say —
///   such a series can overflow at first order too, and the slope is then infinite where the
///   dual types' closed-form partials still give it.
///
/// ```
/// use dualdiff::Taylor64;
///
/// // exp(x) at 0: every derivative is 1, so the coefficients are 1/k!
/// let y = Taylor64::<4>::variable(0.0).exp();
/// assert_eq!(y.re, 1.0);
/// assert_eq!(y.coeffs, [1.0, 0.5, 1.0 / 6.0, 1.0 / 24.0]);
/// assert_eq!(y.derivative(4), 1.0);
/// ```
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct Taylor<T, const K: usize> {
    /// The value `f(x)`.
    pub re: T,
    /// The Taylor coefficients: `coeffs[k − 1] = f⁽ᵏ⁾(x)/k!`.
    pub coeffs: [T; K],
}

/// A [`Taylor`] series over `f32`.
pub type Taylor32<const K: usize> = Taylor<f32, K>;
/// A [`Taylor`] series over `f64`.
pub type Taylor64<const K: usize> = Taylor<f64, K>;

impl<T, const K: usize> Taylor<T, K> {
    /// Creates a series from its value and its coefficients `coeffs[k − 1]` of `tᵏ`.
    ///
    /// ```
    /// use dualdiff::Taylor;
    ///
    /// // x + 2t at x = 1, squared: 1 + 4t + 4t²
    /// let a = Taylor::new(1.0, [2.0, 0.0]);
    /// assert_eq!((a * a).coeffs, [4.0, 4.0]);
    /// ```
    #[inline]
    #[must_use]
    pub const fn new(re: T, coeffs: [T; K]) -> Self {
        Self { re, coeffs }
    }
}

impl<T: Scalar, const K: usize> Taylor<T, K> {
    /// Creates the independent variable at `x`: the series `x + t` (coefficients `1, 0, …, 0`).
    ///
    /// ```
    /// use dualdiff::Taylor64;
    ///
    /// // x³ at 2: 8 + 12t + 6t² + t³
    /// let x = Taylor64::<3>::variable(2.0);
    /// let y = x * x * x;
    /// assert_eq!((y.re, y.coeffs), (8.0, [12.0, 6.0, 1.0]));
    /// ```
    #[inline]
    #[must_use]
    pub fn variable(x: T) -> Self {
        let mut coeffs = [T::zero(); K];
        if let Some(c) = coeffs.first_mut() {
            *c = T::one();
        }
        Self::new(x, coeffs)
    }

    /// Creates a constant: every coefficient 0.
    ///
    /// ```
    /// use dualdiff::Taylor64;
    ///
    /// let c = Taylor64::<3>::constant(2.0);
    /// assert_eq!(c.sin().coeffs, [0.0; 3]);
    /// ```
    #[inline]
    #[must_use]
    pub fn constant(x: T) -> Self {
        Self::new(x, [T::zero(); K])
    }

    /// Returns the coefficient of `tᵏ`: the value for `k = 0`, else `coeffs[k − 1]`.
    ///
    /// # Panics
    /// If `k > K`.
    ///
    /// ```
    /// use dualdiff::Taylor64;
    ///
    /// let y = Taylor64::<2>::variable(3.0).powi(2);
    /// assert_eq!([y.coefficient(0), y.coefficient(1), y.coefficient(2)], [9.0, 6.0, 1.0]);
    /// ```
    #[inline]
    #[must_use]
    pub fn coefficient(&self, k: usize) -> T {
        if k == 0 { self.re } else { self.coeffs[k - 1] }
    }

    /// Returns the `k`-th derivative `k!·coefficient(k)` (the value for `k = 0`).
    ///
    /// # Panics
    /// If `k > K`.
    ///
    /// ```
    /// use dualdiff::Taylor64;
    ///
    /// // d⁴/dx⁴ sin x = sin x
    /// let y = Taylor64::<4>::variable(0.5).sin();
    /// assert!((y.derivative(4) - 0.5f64.sin()).abs() < 1e-15);
    /// ```
    #[inline]
    #[must_use]
    pub fn derivative(&self, k: usize) -> T {
        if k == 0 {
            self.re
        } else {
            self.coeffs[k - 1].scale_by(factorial::<T>(k))
        }
    }

    /// Returns all the derivatives `[f′, f″, …, f⁽ᴷ⁾]` (the coefficients times `k!`).
    ///
    /// ```
    /// use dualdiff::Taylor64;
    ///
    /// // x⁴ at 1: 4, 12, 24, 24
    /// let y = Taylor64::<4>::variable(1.0).powi(4);
    /// assert_eq!(y.derivatives(), [4.0, 12.0, 24.0, 24.0]);
    /// ```
    #[inline]
    #[must_use]
    pub fn derivatives(&self) -> [T; K] {
        let mut fact = T::Primitive::one();
        let mut out = self.coeffs;
        for (k, d) in (1..).zip(&mut out) {
            fact = fact * prim::<T>(k);
            *d = d.scale_by(fact);
        }
        out
    }

    // ----- private plumbing -----

    /// Returns the coefficient of `tᵏ` (`k ≤ K`).
    #[inline]
    fn c(&self, k: usize) -> T {
        self.coefficient(k)
    }

    #[inline]
    fn with_re(self, re: T) -> Self {
        Self { re, ..self }
    }

    /// Returns the series with value `re` and every coefficient NaN.
    #[inline]
    fn nan_parts(re: T) -> Self {
        Self::new(re, [T::nan(); K])
    }

    /// Returns a locally constant result: zero coefficients, or NaN ones with a NaN value.
    #[inline]
    fn flat(re: T) -> Self {
        if re.is_nan() {
            Self::nan_parts(re)
        } else {
            Self::constant(re)
        }
    }

    /// Returns `true` if every coefficient is zero in every part (a structural test).
    #[inline]
    fn is_constant(&self) -> bool {
        self.coeffs.iter().all(Scalar::is_zero_in_all_parts)
    }

    /// Returns `true` if every coefficient's value is finite.
    #[inline]
    fn finite_coeffs(&self) -> bool {
        self.coeffs.iter().all(|c| c.is_finite())
    }

    #[inline]
    fn map(self, f: impl Fn(T) -> T) -> Self {
        Self::new(f(self.re), self.coeffs.map(f))
    }

    #[inline]
    fn zip(self, o: Self, f: impl Fn(T, T) -> T) -> Self {
        let mut coeffs = self.coeffs;
        for (c, d) in coeffs.iter_mut().zip(o.coeffs) {
            *c = f(*c, d);
        }
        Self::new(f(self.re, o.re), coeffs)
    }

    /// The Cauchy product `(Σ aᵢtⁱ)(Σ bⱼtʲ) = Σₖ (Σ_{j=0}^{k} aⱼ·b_{k−j}) tᵏ`, with
    /// `times(self part, rhs part)` for each product of parts.
    #[inline]
    fn mul_with(self, rhs: Self, times: impl Fn(T, T) -> T) -> Self {
        let mut coeffs = [T::zero(); K];
        for (k, c) in (1..).zip(&mut coeffs) {
            let mut s = times(self.re, rhs.c(k)) + times(self.c(k), rhs.re);
            for j in 1..k {
                s = s + times(self.c(j), rhs.c(k - j));
            }
            *c = s;
        }
        Self::new(times(self.re, rhs.re), coeffs)
    }

    /// The product of two series in which an exact zero times an infinite coefficient is zero
    /// (IEEE `*` where every part is finite): for products inside a function's rule, where a
    /// zero stands for "no dependence", not for a limit.
    fn product_keeping_zeros(self, rhs: Self) -> Self {
        let finite = |x: &Self| x.re.is_finite() && x.finite_coeffs();
        by_rule!(finite(&self) && finite(&rhs), s => self.mul_with(rhs, |a, b| s.mul(a, b)))
    }

    /// Returns the coefficients of the derivative series `a'(t)`: `k·a_k` at index `k − 1`.
    #[inline]
    fn slope_series(&self) -> [T; K] {
        let mut w = self.coeffs;
        for (j, c) in (1..).zip(&mut w) {
            *c = c.scale_by(prim::<T>(j));
        }
        w
    }

    /// Returns the coefficients of `t⁰ … tᴷ⁻¹` (the value first).
    #[inline]
    fn low(&self) -> [T; K] {
        let mut h = [T::zero(); K];
        for (i, c) in h.iter_mut().enumerate() {
            *c = self.c(i);
        }
        h
    }

    /// Applies the linear rule `f = f(a₀) + slope·(a − a₀)`: exact to every order where the
    /// function is locally affine (`fract`, `to_degrees`, the remainders).
    #[inline]
    fn linear(self, f: T, slope: T) -> Self {
        if f.is_nan() {
            return Self::nan_parts(f);
        }
        by_rule!(slope.is_finite(), s => Self::new(f, self.coeffs.map(|c| s.mul(slope, c))))
    }

    /// Applies the bilinear rule `f = f₀ + fx·(x − x₀) + fy·(y − y₀)`.
    #[inline]
    fn linear2(self, other: Self, f: T, fx: T, fy: T) -> Self {
        if f.is_nan() {
            return Self::nan_parts(f);
        }
        by_rule!(fx.is_finite() && fy.is_finite(), s => {
            let mut coeffs = self.coeffs;
            for (c, o) in coeffs.iter_mut().zip(other.coeffs) {
                *c = s.mul(fx, *c) + s.mul(fy, o);
            }
            Self::new(f, coeffs)
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The recurrences. Each is written once, generic over how it multiplies and divides ([`Arith`]).
// ---------------------------------------------------------------------------------------------

/// How a recurrence forms products and quotients of coefficients.
trait Arith: Copy {
    /// Returns `a·b`.
    fn mul<T: Scalar>(self, a: T, b: T) -> T;
    /// Returns `num / den`.
    fn div<T: Scalar>(self, num: T, den: T) -> T;
}

/// Every input finite, no division by zero: IEEE arithmetic.
#[derive(Clone, Copy)]
struct Plain;

impl Arith for Plain {
    #[inline]
    fn mul<T: Scalar>(self, a: T, b: T) -> T {
        a.scale_part_finite(b)
    }

    #[inline]
    fn div<T: Scalar>(self, num: T, den: T) -> T {
        num / den
    }
}

/// An infinite input or a zero divisor: an exact zero times anything, or divided by anything,
/// is zero (see [`Scalar::scale_part`]), so structural zeros stay zero.
#[derive(Clone, Copy)]
struct Careful;

impl Arith for Careful {
    #[inline]
    fn mul<T: Scalar>(self, a: T, b: T) -> T {
        product_keeping_zeros(a, b)
    }

    #[inline]
    fn div<T: Scalar>(self, num: T, den: T) -> T {
        if num.is_zero_in_all_parts() {
            T::zero()
        } else {
            num / den
        }
    }
}

impl<T: Scalar, const K: usize> Taylor<T, K> {
    /// The quotient `q = a/b` from `q·b = a`:
    /// `q_k = (a_k − Σ_{j=0}^{k−1} q_j·b_{k−j}) / b₀`, with `q₀` given.
    fn div_series<S: Arith>(a: &Self, b: &Self, s: S, q0: T) -> Self {
        let mut q = Self::constant(q0);
        for k in 1..=K {
            let mut sum = s.mul(q0, b.c(k));
            for j in 1..k {
                sum = sum + s.mul(q.c(j), b.c(k - j));
            }
            q.coeffs[k - 1] = s.div(a.c(k) - sum, b.re);
        }
        q
    }

    /// `f = g(a)` with `f' = f·a'` (the exponential):
    /// `f_k = (1/k) Σ_{j=1}^{k} j·a_j·f_{k−j}`, with `f₀` given.
    fn exp_series<S: Arith>(&self, s: S, f0: T) -> Self {
        let w = self.slope_series();
        let mut f = Self::constant(f0);
        for k in 1..=K {
            let mut sum = T::zero();
            for j in 1..=k {
                sum = sum + s.mul(f.c(k - j), w[j - 1]);
            }
            f.coeffs[k - 1] = sum / num::<T>(k);
        }
        f
    }

    /// `f' = h·a'` for a known series `h` (`h[i]` the coefficient of `tⁱ`):
    /// `f_k = (1/k) Σ_{j=1}^{k} j·a_j·h_{k−j}`, with `f₀` given.
    fn integrate<S: Arith>(&self, s: S, f0: T, h: &[T; K]) -> Self {
        let w = self.slope_series();
        let mut f = Self::constant(f0);
        for k in 1..=K {
            let mut sum = T::zero();
            for j in 1..=k {
                sum = sum + s.mul(h[k - j], w[j - 1]);
            }
            f.coeffs[k - 1] = sum / num::<T>(k);
        }
        f
    }

    /// `d·f' = n` for known series `n` (`n[i]` the coefficient of `tⁱ`) and `d`:
    /// `k·f_k·d₀ = n_{k−1} − Σ_{i=1}^{k−1} d_i·(k−i)·f_{k−i}`, with `f₀` given. With `n = a'`
    /// this is `ln a` (`d = a`), `atan a` (`d = 1 + a²`), `asin a` (`d = √(1 − a²)`), ….
    fn solve_quotient<S: Arith>(s: S, f0: T, n: &[T; K], d: &Self) -> Self {
        let mut f = Self::constant(f0);
        // wf[j − 1] = j·f_j
        let mut wf = [T::zero(); K];
        for k in 1..=K {
            let mut sum = T::zero();
            for i in 1..k {
                sum = sum + s.mul(wf[k - i - 1], d.c(i));
            }
            let kf = s.div(n[k - 1] - sum, d.re);
            wf[k - 1] = kf;
            f.coeffs[k - 1] = kf / num::<T>(k);
        }
        f
    }

    /// The square root `r` of `self` from `r² = a`:
    /// `r_k = (a_k − Σ_{j=1}^{k−1} r_j·r_{k−j}) / (2r₀)`, with `r₀` given.
    fn sqrt_series<S: Arith>(&self, s: S, r0: T) -> Self {
        // |2r₀|: the slope at ±0 is +∞, as for `sqrt` on the other types.
        let two_r0 = (r0 + r0).abs();
        let mut r = Self::constant(r0);
        for k in 1..=K {
            let mut sum = T::zero();
            for j in 1..=(k - 1) / 2 {
                sum = sum + s.mul(r.c(j), r.c(k - j));
            }
            sum = sum + sum;
            if k % 2 == 0 {
                let m = r.c(k / 2);
                sum = sum + s.mul(m, m);
            }
            r.coeffs[k - 1] = s.div(self.c(k) - sum, two_r0);
        }
        r
    }

    /// `f = aᵖ` for a constant `p` and `a₀ ≠ 0`, from `a·f' = p·a'·f`:
    /// `f_k = Σ_{j=1}^{k} ((p + 1)·j − k)·(f_{k−j}/a₀)·a_j / k`, with `f₀` given. Dividing
    /// `f_{k−j}` (of the size of `a₀ᵖ`) by `a₀` first keeps every intermediate the size of a
    /// coefficient: `a_j·f_{k−j}` overflows for `cbrt(1e267 + 1e265·t)` and `a_j/a₀` for
    /// `cbrt(8e-317 + t)`, whose first coefficients are 4e86 and 2e210.
    fn pow_series<S: Arith>(&self, s: S, f0: T, p: T) -> Self {
        let mut f = Self::constant(f0);
        for k in 1..=K {
            let kt = num::<T>(k);
            let mut sum = T::zero();
            for j in 1..=k {
                // (p + 1)·j − k as p·j + (j − k): forming p + 1 first loses a tiny p entirely
                let weight = p * num::<T>(j) + (num::<T>(j) - kt);
                let term = s.mul(weight, self.c(j));
                // a zero weight (xⁿ's last term) or coefficient contributes nothing, even
                // where f_{k−j}/a₀ overflows
                if !term.is_zero_in_all_parts() {
                    sum = sum + s.mul(s.div(f.c(k - j), self.re), term);
                }
            }
            f.coeffs[k - 1] = s.div(sum, kt);
        }
        f
    }

    /// `f = x^y` for `x₀ > 0` (`self` is `x`) from `x·f' = f·W` with `W = M·y' + y·x'` and
    /// `M = x·ln x` (from `M' = x'·(ln x + 1)`):
    /// `f_{m+1} = (Σ_{j≤m} (f_{m−j}/x₀)·W_j − Σ_{1≤i≤m} (m+1−i)·(f_{m+1−i}/x₀)·x_i) / (m + 1)`.
    /// Only `M`'s higher coefficients involve `1/x₀` (through `ln x`), where the true values
    /// are of that size too.
    fn powd_series<S: Arith>(&self, y: &Self, s: S, f0: T) -> Self {
        let x = self;
        let ln = x.ln();
        let dx = x.slope_series();
        let dy = y.slope_series();
        // M_k = (1/k)·Σ_{i<k} x'_i·(ln x + 1)_{k−1−i}, for k < K
        let mut m = [T::zero(); K];
        for k in 0..K {
            if k == 0 {
                m[0] = x.re * ln.re;
                continue;
            }
            let mut sum = T::zero();
            for (i, &dxi) in dx.iter().enumerate().take(k) {
                let l = if k - 1 - i == 0 {
                    ln.re + T::one()
                } else {
                    ln.c(k - 1 - i)
                };
                sum = sum + s.mul(dxi, l);
            }
            m[k] = s.div(sum, num::<T>(k));
        }
        // W_j = Σ_{i≤j} y'_i·M_{j−i} + y_i·x'_{j−i}
        let w: [T; K] = core::array::from_fn(|j| {
            let mut sum = T::zero();
            for i in 0..=j {
                sum = sum + s.mul(dy[i], m[j - i]) + s.mul(y.c(i), dx[j - i]);
            }
            sum
        });
        let mut f = Self::constant(f0);
        // g_k = f_k/x₀, filled in as the f_k are
        let mut g = [T::zero(); K];
        g[0] = s.div(f0, x.re);
        for step in 0..K {
            let mut sum = T::zero();
            for j in 0..=step {
                sum = sum + s.mul(g[step - j], w[j]);
            }
            for i in 1..=step {
                let weight = num::<T>(step + 1 - i);
                sum = sum - s.mul(s.mul(weight, g[step + 1 - i]), x.c(i));
            }
            let fk = s.div(sum, num::<T>(step + 1));
            f.coeffs[step] = fk;
            if step + 1 < K {
                g[step + 1] = s.div(fk, x.re);
            }
        }
        f
    }

    /// `f(a₀ + δ) = f₀ + Σ_{m=1}^{K} g_m·δᵐ` for the Taylor coefficients `g[m − 1] = f⁽ᵐ⁾(a₀)/m!`
    /// of `f` at the value: the composition, for functions without a convenient ODE.
    fn compose<S: Arith>(&self, s: S, f0: T, g: &[T; K]) -> Self {
        let mut out = Self::constant(f0);
        // p[k − 1] = coefficient of tᵏ in δᵐ (zero for k < m)
        let mut p = self.coeffs;
        for m in 1..=K {
            for k in m..=K {
                out.coeffs[k - 1] = out.coeffs[k - 1] + s.mul(g[m - 1], p[k - 1]);
            }
            // δᵐ⁺¹ = δᵐ·δ, in place from the top (each entry reads only lower ones).
            for k in (m + 1..=K).rev() {
                let mut sum = T::zero();
                for i in m..k {
                    sum = sum + s.mul(p[i - 1], self.c(k - i));
                }
                p[k - 1] = sum;
            }
            p[m - 1] = T::zero();
        }
        out
    }

    /// `s' = c·a'`, `c' = ∓s·a'` (`−` for sine and cosine, `+` for the hyperbolic pair):
    /// `s_k = (1/k) Σ j·a_j·c_{k−j}`, `c_k = ∓(1/k) Σ j·a_j·s_{k−j}`.
    fn sin_cos_series<S: Arith>(&self, s: S, s0: T, c0: T, hyperbolic: bool) -> (Self, Self) {
        let w = self.slope_series();
        let (mut sn, mut cs) = (Self::constant(s0), Self::constant(c0));
        for k in 1..=K {
            let (mut ss, mut cc) = (T::zero(), T::zero());
            for j in 1..=k {
                ss = ss + s.mul(cs.c(k - j), w[j - 1]);
                cc = cc + s.mul(sn.c(k - j), w[j - 1]);
            }
            let kt = num::<T>(k);
            sn.coeffs[k - 1] = ss / kt;
            cs.coeffs[k - 1] = if hyperbolic { cc / kt } else { -cc / kt };
        }
        (sn, cs)
    }

    /// `f' = h·a'` with `h = 1 ± f²` (`+` for tan, `−` for tanh) and `h₀` given:
    /// `f_k = (1/k) Σ_{j=1}^{k} j·a_j·h_{k−j}`, `h_m = ±Σ_{i=0}^{m} f_i·f_{m−i}` for `m ≥ 1`.
    fn tan_series<S: Arith>(&self, s: S, f0: T, h0: T, plus: bool) -> Self {
        let w = self.slope_series();
        let mut f = Self::constant(f0);
        let mut h = [T::zero(); K];
        if let Some(first) = h.first_mut() {
            *first = h0;
        }
        for k in 1..=K {
            let mut sum = T::zero();
            for j in 1..=k {
                sum = sum + s.mul(h[k - j], w[j - 1]);
            }
            f.coeffs[k - 1] = sum / num::<T>(k);
            if k < K {
                let mut sq = T::zero();
                for i in 0..=k {
                    sq = sq + s.mul(f.c(i), f.c(k - i));
                }
                h[k] = if plus { sq } else { -sq };
            }
        }
        f
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points of the recurrences: the NaN rule and the choice of arithmetic.
// ---------------------------------------------------------------------------------------------

impl<T: Scalar, const K: usize> Taylor<T, K> {
    /// `a / b` with the value `q0`; NaN coefficients with a NaN value.
    fn quotient(a: &Self, b: &Self, q0: T) -> Self {
        if q0.is_nan() {
            return Self::nan_parts(q0);
        }
        let plain = !b.re.is_zero()
            && b.re.is_finite()
            && q0.is_finite()
            && a.finite_coeffs()
            && b.finite_coeffs();
        by_rule!(plain, s => Self::div_series(a, b, s, q0))
    }

    /// The exponential recurrence on `self` with the value `f0`.
    fn exp_with(&self, f0: T) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        by_rule!(f0.is_finite() && self.finite_coeffs(), s => self.exp_series(s, f0))
    }

    /// `f' = h·a'` with the value `f0`.
    fn integrate_with(&self, f0: T, h: &[T; K]) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let plain = h.iter().all(|x| x.is_finite()) && self.finite_coeffs();
        by_rule!(plain, s => self.integrate(s, f0, h))
    }

    /// `d·f' = a'` with the value `f0`.
    fn solve_with(&self, f0: T, d: &Self) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let n = self.slope_series();
        let plain =
            !d.re.is_zero() && d.re.is_finite() && self.finite_coeffs() && d.finite_coeffs();
        by_rule!(plain, s => Self::solve_quotient(s, f0, &n, d))
    }

    /// The square root of `self` with the value `r0`.
    fn sqrt_with(&self, r0: T) -> Self {
        if r0.is_nan() {
            return Self::nan_parts(r0);
        }
        let plain = !r0.is_zero() && r0.is_finite() && self.finite_coeffs();
        by_rule!(plain, s => self.sqrt_series(s, r0))
    }

    /// The composition with `g[m − 1] = f⁽ᵐ⁾(a₀)/m!` and the value `f0`.
    fn compose_with(&self, f0: T, g: &[T; K]) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let plain = g.iter().all(|x| x.is_finite()) && self.finite_coeffs();
        by_rule!(plain, s => self.compose(s, f0, g))
    }

    /// `aᵖ` for a constant `p` with the value `f0`; `pow_at(m)` returns `a₀^(p − m)`.
    /// Where `a₀` is 0 or infinite the recurrence would divide by it, and where `f0` underflows
    /// or overflows it would make every coefficient 0 or ∞ with it (`(10⁻²⁰⁰ + t)²` still has
    /// `t²`), so the binomial series `Σ C(p, m)·a₀^(p−m)·δᵐ` is composed instead (a zero
    /// binomial coefficient gives zero).
    fn power(self, f0: T, p: T, pow_at: impl Fn(usize) -> T) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let x = self.re;
        if x.is_finite() && !x.is_zero() && f0.is_finite() && !f0.is_zero() {
            let plain = p.is_finite() && self.finite_coeffs();
            return by_rule!(plain, s => self.pow_series(s, f0, p));
        }
        let mut g = [T::zero(); K];
        let mut binom = T::one();
        for (m, gm) in (1..).zip(&mut g) {
            binom = binom * (p - num::<T>(m - 1)) / num::<T>(m);
            *gm = if binom.is_zero_in_all_parts() {
                T::zero()
            } else {
                binom * pow_at(m)
            };
        }
        self.compose_with(f0, &g)
    }

    /// The result of `hypot` or `atan2` at a point without a direction (the origin, or both
    /// arguments infinite): constant if both arguments are, NaN coefficients otherwise.
    fn at_origin(self, other: Self, f: T) -> Self {
        if self.is_constant() && other.is_constant() {
            Self::flat(f)
        } else {
            Self::nan_parts(f)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The elementary functions.
// ---------------------------------------------------------------------------------------------

impl<T: Scalar, const K: usize> Taylor<T, K> {
    // ----- predicates: the value decides -----

    /// Returns `true` if the value is NaN.
    #[inline]
    #[must_use]
    pub fn is_nan(self) -> bool {
        self.re.is_nan()
    }

    /// Returns `true` if the value is infinite.
    #[inline]
    #[must_use]
    pub fn is_infinite(self) -> bool {
        self.re.is_infinite()
    }

    /// Returns `true` if the value is neither infinite nor NaN.
    #[inline]
    #[must_use]
    pub fn is_finite(self) -> bool {
        self.re.is_finite()
    }

    /// Returns `true` if the value is neither zero, infinite, subnormal nor NaN.
    #[inline]
    #[must_use]
    pub fn is_normal(self) -> bool {
        self.re.is_normal()
    }

    /// Returns `true` if the value is subnormal.
    #[inline]
    #[must_use]
    pub fn is_subnormal(self) -> bool {
        self.re.classify() == FpCategory::Subnormal
    }

    /// Returns the floating-point category of the value.
    #[inline]
    #[must_use]
    pub fn classify(self) -> FpCategory {
        self.re.classify()
    }

    /// Returns `true` if the value has a positive sign bit (`+0.0` and `+∞` included).
    #[inline]
    #[must_use]
    pub fn is_sign_positive(self) -> bool {
        self.re.is_sign_positive()
    }

    /// Returns `true` if the value has a negative sign bit (`-0.0` and `-∞` included).
    #[inline]
    #[must_use]
    pub fn is_sign_negative(self) -> bool {
        self.re.is_sign_negative()
    }

    // ----- sign, rounding and selection -----

    /// Returns the absolute value: the series of `±a` by the sign bit of the value, so
    /// `abs'(+0) = 1` and `abs'(−0) = −1`. NaN in every part for a NaN value.
    #[inline]
    #[must_use]
    pub fn abs(self) -> Self {
        let x = self.re;
        if x.is_nan() {
            return Self::nan_parts(x);
        }
        let r = if x.is_sign_negative() { -self } else { self };
        r.with_re(x.abs())
    }

    /// Returns the sign of the value (`±1`, NaN for NaN) as a constant.
    #[inline]
    #[must_use]
    pub fn signum(self) -> Self {
        Self::flat(self.re.signum())
    }

    /// Returns `self` with the sign bit of `sign`: the series of `self` when the signs agree,
    /// of `−self` when the sign flips; `sign`'s coefficients do not enter.
    #[inline]
    #[must_use]
    pub fn copysign(self, sign: Self) -> Self {
        let (x, s) = (self.re, sign.re);
        let f = x.copysign(s);
        if f.is_nan() {
            return Self::nan_parts(f);
        }
        let r = if x.is_sign_negative() == s.is_sign_negative() {
            self
        } else {
            -self
        };
        r.with_re(f)
    }

    /// Returns the largest integer less than or equal to the value, as a constant.
    #[inline]
    #[must_use]
    pub fn floor(self) -> Self {
        Self::flat(self.re.floor())
    }

    /// Returns the smallest integer greater than or equal to the value, as a constant.
    #[inline]
    #[must_use]
    pub fn ceil(self) -> Self {
        Self::flat(self.re.ceil())
    }

    /// Returns the nearest integer (half away from zero), as a constant.
    #[inline]
    #[must_use]
    pub fn round(self) -> Self {
        Self::flat(self.re.round())
    }

    /// Returns the integer part, as a constant.
    #[inline]
    #[must_use]
    pub fn trunc(self) -> Self {
        Self::flat(self.re.trunc())
    }

    /// Returns the fractional part `x − trunc(x)`: the coefficients of `self` (slope 1).
    /// NaN in every part at `±∞`.
    #[inline]
    #[must_use]
    pub fn fract(self) -> Self {
        self.linear(self.re.fract(), T::one())
    }

    /// Returns the larger of two numbers, coefficients and all. Compares values only; on a
    /// tie returns `self`; a NaN argument is ignored, as `f64::max` ignores it.
    #[inline]
    #[must_use]
    pub fn max(self, other: Self) -> Self {
        let (x, y) = (self.re, other.re);
        let pick = if y > x || x.is_nan() { other } else { self };
        pick.with_re(x.max(y))
    }

    /// Returns the smaller of two numbers, coefficients and all. Compares values only; on a
    /// tie returns `self`; a NaN argument is ignored, as `f64::min` ignores it.
    #[inline]
    #[must_use]
    pub fn min(self, other: Self) -> Self {
        let (x, y) = (self.re, other.re);
        let pick = if y < x || x.is_nan() { other } else { self };
        pick.with_re(x.min(y))
    }

    /// Restricts the value to `[min, max]`, returning whichever argument `f64::clamp` would
    /// return, coefficients and all; a NaN value gives NaN in every part. Never panics: with
    /// `min > max` or a NaN bound it applies `f64::clamp`'s two steps
    /// (`if x < min { x = min }`, then `if x > max { x = max }`).
    #[inline]
    #[must_use]
    pub fn clamp(self, min: Self, max: Self) -> Self {
        if self.re.is_nan() {
            return Self::nan_parts(self.re);
        }
        let mut r = self;
        if r.re < min.re {
            r = min;
        }
        if r.re > max.re {
            r = max;
        }
        r
    }

    /// Returns the positive difference `max(self − other, 0)` (C's `fdim`, with its value): the
    /// difference where `self > other`, a constant zero elsewhere (`abs_sub(∞, ∞) = 0`), NaN
    /// in every part if either value is NaN.
    #[inline]
    #[must_use]
    #[allow(deprecated, reason = "the value must be `T::abs_sub`'s, bit for bit")]
    pub fn abs_sub(self, other: Self) -> Self {
        let f = self.re.abs_sub(other.re);
        if self.re > other.re && !f.is_nan() {
            (self - other).with_re(f)
        } else {
            Self::flat(f)
        }
    }

    /// Returns `self·a + b` with the value computed as one fused operation (as
    /// `f64::mul_add`) and the coefficients by the Cauchy product, in which an exact zero
    /// times an infinite factor is zero (so constants stay constant); a NaN value gives NaN in
    /// every part.
    #[inline]
    #[must_use]
    pub fn mul_add(self, a: Self, b: Self) -> Self {
        let value = self.re.mul_add(a.re, b.re);
        if value.is_nan() {
            return Self::nan_parts(value);
        }
        (self.product_keeping_zeros(a) + b).with_re(value)
    }

    /// Returns the Euclidean quotient with the value of `f64::div_euclid` (`±∞` or NaN when
    /// `rhs` is 0), as a constant.
    #[inline]
    #[must_use]
    pub fn div_euclid(self, rhs: Self) -> Self {
        Self::flat(euclid_quotient(self.re, rhs.re))
    }

    /// Returns the Euclidean remainder `self − rhs·div_euclid(self, rhs)` with the quotient
    /// held constant: the series of `self` minus the quotient times that of `rhs`. NaN in
    /// every part when `rhs` is 0.
    #[inline]
    #[must_use]
    pub fn rem_euclid(self, rhs: Self) -> Self {
        let (x, y) = (self.re, rhs.re);
        let r = euclid_remainder(x, y);
        self.linear2(rhs, r, T::one(), -euclid_quotient(x, y))
    }

    // ----- powers and roots -----

    /// Returns the reciprocal `1/a` by the quotient recurrence. At `±0` the value is `±∞`
    /// and the coefficients are the infinite limits (a constant stays constant).
    #[inline]
    #[must_use]
    pub fn recip(self) -> Self {
        Self::quotient(&Self::constant(T::one()), &self, self.re.recip())
    }

    /// Returns `aⁿ` for an integer `n` by the recurrence of `a·f' = n·a'·f`; at `a₀ = 0` and
    /// `±∞` by the binomial series, so `x⁰` is the constant 1 and `xⁿ` at 0 has the finite
    /// coefficients of a polynomial for `n ≥ 0`.
    #[inline]
    #[must_use]
    pub fn powi(self, n: i32) -> Self {
        let x = self.re;
        self.power(x.powi(n), from_i32(n), |m| {
            let m = i32::try_from(m).unwrap_or(i32::MAX);
            x.powi(n.saturating_sub(m))
        })
    }

    /// Returns `x^y`. With a constant exponent (every coefficient of `y` zero in every part,
    /// a structural test) this is the power rule, by the recurrence of `a·f' = p·a'·f`: finite
    /// wherever `x^p` is smooth, including `powf(0, 2)` and `powf(−2, 3)`; at `x = 0` with a
    /// non-integer `p` the coefficients beyond `p` are the infinite limits. Otherwise it is
    /// [`powd`](Self::powd).
    #[inline]
    #[must_use]
    pub fn powf(self, y: Self) -> Self {
        self.powd(y)
    }

    /// Returns `x^y` differentiated in base and exponent, with the value of `x.powf(y)`. With a
    /// constant exponent it is the power rule of [`powf`](Self::powf). With a varying exponent
    /// and `x > 0` it is the recurrence of `x·f' = f·(x·ln x·y' + y·x')`, which divides `f` by
    /// `x` before multiplying, so that the slope of `x^cos(x)` stays finite at a subnormal `x`
    /// (where `ln x` has the slope `1/x`, beyond `MAX`); where `f/x` overflows it is
    /// `exp(y·ln x)`. At `x = 0` it is `x^y₀·exp((y − y₀)·ln x)`, so that `x^(1 + x²)` has slope
    /// 1 there. The coefficients are NaN for `x < 0` (where `ln x` is undefined); at a constant
    /// `x = 0` with `x^y = 0` they are 0.
    #[inline]
    #[must_use]
    pub fn powd(self, y: Self) -> Self {
        let (x, p) = (self.re, y.re);
        let f0 = x.powf(p);
        if y.is_constant() {
            return self.power(f0, p, |m| x.powf(p - num::<T>(m)));
        }
        let scaled = f0 / x;
        if x > T::zero() && scaled.is_finite() && !scaled.is_zero() {
            let plain = self.finite_coeffs() && y.finite_coeffs();
            return by_rule!(plain, s => self.powd_series(&y, s, f0));
        }
        if x.is_zero() {
            // x^y₀·exp((y − y₀)·ln x): the power rule carries what x^y₀ does at 0 (x¹ has
            // slope 1 there, which exp(y·ln x) = exp(−∞) cannot show), and the moving part of
            // the exponent adds its ln-terms (0 where it does not move at first order)
            let base = self.power(f0, p, |m| x.powf(p - num::<T>(m)));
            let moving = (y - Self::constant(p)).product_keeping_zeros(self.ln());
            return base
                .product_keeping_zeros(moving.exp_with(T::one()))
                .with_re(f0);
        }
        // exp(y·ln x) where f/x is not a number (at ∞, below 0, or x^y ≈ 1 at a subnormal x),
        // keeping y₀ = 0 against an infinite coefficient of ln x
        y.product_keeping_zeros(self.ln()).exp_with(f0)
    }

    /// Returns the square root by the recurrence of `r² = a`. At `±0` the first coefficient
    /// is `+∞` and the following ones alternate in sign (the one-sided limits); below zero all
    /// parts are NaN.
    #[inline]
    #[must_use]
    pub fn sqrt(self) -> Self {
        self.sqrt_with(self.re.sqrt())
    }

    /// Returns the cube root, defined for every real, by the power recurrence with `p = 1/3`.
    /// At `±0` the coefficients are infinite (`+∞` for the first, the one-sided limits on the
    /// side of the sign bit for the others).
    #[inline]
    #[must_use]
    pub fn cbrt(self) -> Self {
        let x = self.re;
        let third = T::one() / num::<T>(3);
        let flip = x.is_sign_negative();
        self.power(x.cbrt(), third, |m| {
            // cbrt is odd: on the negative side f⁽ᵐ⁾(x) = (−1)^(m+1)·C·|x|^(1/3−m)·m!
            let r = x.abs().powf(third - num::<T>(m));
            if flip && m % 2 == 0 { -r } else { r }
        })
    }

    /// Returns `√(x² + y²)` without undue overflow or underflow. With `h` the value and
    /// `(c, s) = (x₀, y₀)/h`, the displacement splits into a radial part `r = c·δx + s·δy` and a
    /// tangential part `τ = c·δy − s·δx`, and the result is `h + r + q` where `q` solves
    /// `q·(2h + 2r + q) = τ²`. Only `q` divides by `h`, and only where the curvature really is of
    /// order `1/h`: along a ray (`hypot(x, x)`, even at subnormal `x`) `τ = 0` and the series is
    /// exact. At `h = ∞` an infinite argument dominates a finite one (`q → 0`), as for the dual
    /// types. At the origin the result is `|tᵐ|·hypot(a/tᵐ, b/tᵐ)` for the lowest order `m` at
    /// which an argument moves: smooth for an even `m` (`hypot(t², t²) = √2·t²`), a cone's tip
    /// with NaN coefficients from order `m` on for an odd one (no derivative, as for the dual
    /// types at first order). With both arguments infinite (no direction) the coefficients are
    /// NaN, unless both arguments are constants.
    #[inline]
    #[must_use]
    pub fn hypot(self, other: Self) -> Self {
        let h = self.re.hypot(other.re);
        if h.is_nan() {
            return Self::nan_parts(h);
        }
        if h.is_zero() {
            return self.hypot_at_origin(other);
        }
        let (cx, cy, inv) = polar(self.re, other.re, h);
        if cx.is_nan() || cy.is_nan() {
            return self.at_origin(other, h);
        }
        let plain = self.finite_coeffs() && other.finite_coeffs();
        by_rule!(plain, a => {
            let (radial, tangential) = self.polar_parts(&other, a, (cx, cy));
            Self::hypot_series(a, h, inv, &radial, &tangential)
        })
    }

    /// `hypot` at the origin. With `m` the lowest order at which either argument moves, the
    /// result is `|tᵐ|·hypot(a(t)/tᵐ, b(t)/tᵐ)`: for an even `m` the series of the shifted
    /// arguments (which are off the origin) shifted back, for an odd `m` a cone's tip with
    /// coefficients NaN from order `m` on (below it they are 0). Constants stay constant.
    fn hypot_at_origin(self, other: Self) -> Self {
        let moving =
            |k: usize| !(self.c(k).is_zero_in_all_parts() && other.c(k).is_zero_in_all_parts());
        let Some(m) = (1..=K).find(|&k| moving(k)) else {
            return Self::flat(self.re.hypot(other.re));
        };
        let mut result = Self::flat(self.re.hypot(other.re));
        if m % 2 == 1 {
            for c in &mut result.coeffs[m - 1..] {
                *c = T::nan();
            }
            return result;
        }
        // a(t)/tᵐ, its coefficients beyond K unknown and not needed (taken as 0)
        let shift = |a: &Self| {
            let at = |k: usize| if k <= K { a.c(k) } else { T::zero() };
            Self::new(a.c(m), core::array::from_fn(|j| at(m + j + 1)))
        };
        let h = shift(&self).hypot(shift(&other));
        for k in m..=K {
            result.coeffs[k - 1] = h.c(k - m);
        }
        result
    }

    /// The displacement of the point `(self, other)` from its value `(self₀, other₀)`, in the
    /// direction `(cx, cy)` of that value and across it: `r = cx·δself + cy·δother` and
    /// `τ = cx·δother − cy·δself` (both with value 0).
    fn polar_parts<S: Arith>(&self, other: &Self, s: S, (cx, cy): (T, T)) -> (Self, Self) {
        let radial = Self::new(
            T::zero(),
            core::array::from_fn(|k| s.mul(cx, self.coeffs[k]) + s.mul(cy, other.coeffs[k])),
        );
        let tangential = Self::new(
            T::zero(),
            core::array::from_fn(|k| s.mul(cx, other.coeffs[k]) - s.mul(cy, self.coeffs[k])),
        );
        (radial, tangential)
    }

    /// The series `h + r + q` of [`hypot`](Self::hypot), with `inv = 1/h`, from the radial and
    /// tangential parts of the displacement.
    fn hypot_series<S: Arith>(s: S, h: T, inv: T, radial: &Self, tangential: &Self) -> Self {
        let half: T::Primitive = 0.5f32.into();
        let half_inv = inv.scale_by(half);
        // q_m·2h = (τ²)_m − Σ_{i=2}^{m−1} q_i·(2r_{m−i} + q_{m−i}); q₀ = q₁ = 0.
        let mut q = Self::constant(T::zero());
        for m in 2..=K {
            let mut sum = T::zero();
            for i in 1..m {
                sum = sum + s.mul(tangential.c(i), tangential.c(m - i));
            }
            for i in 2..m {
                let w = radial.c(m - i) + radial.c(m - i) + q.c(m - i);
                sum = sum - s.mul(q.c(i), w);
            }
            // Along a ray τ = 0 and so is q, even where 1/h overflows.
            q.coeffs[m - 1] = if sum.is_zero_in_all_parts() {
                T::zero()
            } else {
                s.mul(sum, half_inv)
            };
        }
        Self::new(h, core::array::from_fn(|k| radial.coeffs[k] + q.coeffs[k]))
    }

    // ----- exponentials and logarithms -----

    /// Returns `eᵃ` by the recurrence of `f' = f·a'`. At an overflowing value the coefficients
    /// are infinite (a constant stays constant).
    #[inline]
    #[must_use]
    pub fn exp(self) -> Self {
        self.exp_with(self.re.exp())
    }

    /// Returns `2ᵃ`, the exponential recurrence on `a·ln 2`.
    #[inline]
    #[must_use]
    pub fn exp2(self) -> Self {
        let scaled = self.scale_by(prim_const::<T>(FloatConst::LN_2));
        scaled.exp_with(self.re.exp2())
    }

    /// Returns `eᵃ − 1`, accurate near zero: the coefficients of `eᵃ`.
    #[inline]
    #[must_use]
    pub fn exp_m1(self) -> Self {
        let f0 = self.re.exp_m1();
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        self.exp().with_re(f0)
    }

    /// Returns the natural logarithm from `a·f' = a'`. At `±0` the value is `−∞` and the
    /// coefficients the infinite limits `+∞, −∞, +∞, …` (a constant stays constant); below
    /// zero all parts are NaN.
    #[inline]
    #[must_use]
    pub fn ln(self) -> Self {
        self.solve_with(self.re.ln(), &self)
    }

    /// Returns `ln(1 + a)`, accurate near zero, from `(1 + a)·f' = a'`. NaN in every part
    /// below −1.
    #[inline]
    #[must_use]
    pub fn ln_1p(self) -> Self {
        let x = self.re;
        self.solve_with(x.ln_1p(), &self.with_re(T::one() + x))
    }

    /// Returns the logarithm in base `base`, the series of `ln x / ln b` with the value of
    /// `x.log(b)`. NaN in every part for a negative argument or base.
    #[inline]
    #[must_use]
    pub fn log(self, base: Self) -> Self {
        let f0 = self.re.log(base.re);
        Self::quotient(&self.ln(), &base.ln(), f0)
    }

    /// Returns the base-2 logarithm: the coefficients of `ln a` times `1/ln 2`.
    #[inline]
    #[must_use]
    pub fn log2(self) -> Self {
        let f0 = self.re.log2();
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        self.ln()
            .scale_by(prim_const::<T>(FloatConst::LOG2_E))
            .with_re(f0)
    }

    /// Returns the base-10 logarithm: the coefficients of `ln a` times `1/ln 10`.
    #[inline]
    #[must_use]
    pub fn log10(self) -> Self {
        let f0 = self.re.log10();
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        self.ln()
            .scale_by(prim_const::<T>(FloatConst::LOG10_E))
            .with_re(f0)
    }

    // ----- trigonometric -----

    /// Returns the sine and cosine together (one recurrence gives both): `s' = c·a'`,
    /// `c' = −s·a'`. NaN in every part at `±∞`.
    #[inline]
    #[must_use]
    pub fn sin_cos(self) -> (Self, Self) {
        let (s0, c0) = self.re.sin_cos();
        if s0.is_nan() || c0.is_nan() {
            return (Self::nan_parts(s0), Self::nan_parts(c0));
        }
        by_rule!(self.finite_coeffs(), s => self.sin_cos_series(s, s0, c0, false))
    }

    /// Returns the sine (see [`sin_cos`](Self::sin_cos)).
    #[inline]
    #[must_use]
    pub fn sin(self) -> Self {
        self.sin_cos().0
    }

    /// Returns the cosine (see [`sin_cos`](Self::sin_cos)).
    #[inline]
    #[must_use]
    pub fn cos(self) -> Self {
        self.sin_cos().1
    }

    /// Returns the tangent from `f' = (1 + f²)·a'`. NaN in every part at `±∞`.
    #[inline]
    #[must_use]
    pub fn tan(self) -> Self {
        let f0 = self.re.tan();
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let h0 = T::one() + f0 * f0;
        by_rule!(h0.is_finite() && self.finite_coeffs(), s => self.tan_series(s, f0, h0, true))
    }

    /// Returns the arcsine from `√(1 − a²)·f' = a'` (with `1 − a²` formed as
    /// `(1 − a)(1 + a)`). At `±1` the coefficients are the infinite one-sided limits; outside
    /// `[−1, 1]` all parts are NaN.
    #[inline]
    #[must_use]
    pub fn asin(self) -> Self {
        let f0 = self.re.asin();
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        self.solve_with(f0, &self.one_minus_square_root())
    }

    /// Returns the arccosine: the value of `acos`, the coefficients of `−asin`. At `±1` the
    /// coefficients are infinite; outside `[−1, 1]` all parts are NaN.
    #[inline]
    #[must_use]
    pub fn acos(self) -> Self {
        let f0 = self.re.acos();
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        (-self.solve_with(T::zero(), &self.one_minus_square_root())).with_re(f0)
    }

    /// The series of `√((1 − a)(1 + a))`.
    fn one_minus_square_root(self) -> Self {
        let one = Self::constant(T::one());
        let u = (one - self) * (one + self);
        u.sqrt_with(u.re.sqrt())
    }

    /// Returns the arctangent from `(1 + a²)·f' = a'`; the coefficients tend to 0 at `±∞`.
    #[inline]
    #[must_use]
    pub fn atan(self) -> Self {
        let d = self * self + T::one();
        self.solve_with(self.re.atan(), &d)
    }

    /// Returns the four-quadrant arctangent of `self / other` (`self` is `y`, `other` is `x`).
    /// Turned by the angle `θ₀` of the value, the point is `(h + r, τ)` with `r` and `τ` the
    /// radial and tangential displacements (see [`hypot`](Self::hypot)), so the result is
    /// `θ₀ + atan(τ/(h + r))`: finite on the axes, exactly `θ₀` along a ray however close to the
    /// origin, and flat at an infinite argument (the limit). At the origin and with both
    /// arguments infinite the coefficients are NaN unless both arguments are constants.
    #[inline]
    #[must_use]
    pub fn atan2(self, other: Self) -> Self {
        let f0 = self.re.atan2(other.re);
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let h = self.re.hypot(other.re);
        if h.is_zero() {
            return self.at_origin(other, f0);
        }
        let (cx, cy, _) = polar(other.re, self.re, h);
        if cx.is_nan() || cy.is_nan() {
            return self.at_origin(other, f0);
        }
        let plain = self.finite_coeffs() && other.finite_coeffs();
        let (radial, tangential) = by_rule!(plain, a => other.polar_parts(&self, a, (cx, cy)));
        let turned = tangential / radial.with_re(h);
        turned.atan().with_re(f0)
    }

    // ----- hyperbolic -----

    /// Returns the hyperbolic sine and cosine together: `s' = c·a'`, `c' = s·a'`.
    fn sinh_cosh(self) -> (Self, Self) {
        let x = self.re;
        let (s0, c0) = (x.sinh(), x.cosh());
        if s0.is_nan() || c0.is_nan() {
            return (Self::nan_parts(s0), Self::nan_parts(c0));
        }
        let plain = s0.is_finite() && c0.is_finite() && self.finite_coeffs();
        by_rule!(plain, s => self.sin_cos_series(s, s0, c0, true))
    }

    /// Returns the hyperbolic sine from `s' = cosh(a)·a'`.
    #[inline]
    #[must_use]
    pub fn sinh(self) -> Self {
        self.sinh_cosh().0
    }

    /// Returns the hyperbolic cosine from `c' = sinh(a)·a'`.
    #[inline]
    #[must_use]
    pub fn cosh(self) -> Self {
        self.sinh_cosh().1
    }

    /// Returns the hyperbolic tangent from `f' = (1 − f²)·a'`, with the leading slope
    /// `1 − tanh² a₀` computed as `4e/(1 + e)²`, `e = exp(−2|a₀|)`: accurate where `1 − tanh²`
    /// cancels, and finite everywhere (`tanh(400)` has coefficients 0).
    #[inline]
    #[must_use]
    pub fn tanh(self) -> Self {
        let x = self.re;
        let f0 = x.tanh();
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let e = x.abs().scale_by(prim_i::<T>(-2)).exp();
        let one_e = T::one() + e;
        let h0 = e.scale_by(prim_i::<T>(4)) / (one_e * one_e);
        by_rule!(self.finite_coeffs(), s => self.tan_series(s, f0, h0, false))
    }

    /// Returns the inverse hyperbolic sine from `√(a² + 1)·f' = a'` (with the leading root
    /// `hypot(a₀, 1)`, which does not overflow).
    #[inline]
    #[must_use]
    pub fn asinh(self) -> Self {
        let x = self.re;
        let u = self * self + T::one();
        let r = u.sqrt_with(x.hypot(T::one()));
        self.solve_with(x.asinh(), &r)
    }

    /// Returns the inverse hyperbolic cosine from `√(a² − 1)·f' = a'` (with `a² − 1` formed
    /// as `(a − 1)(a + 1)`). At 1 the coefficients are infinite; below 1 all parts are NaN.
    #[inline]
    #[must_use]
    pub fn acosh(self) -> Self {
        let x = self.re;
        let f0 = x.acosh();
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let one = T::one();
        let u = (self - one) * (self + one);
        let r = u.sqrt_with((x - one).sqrt() * (x + one).sqrt());
        self.solve_with(f0, &r)
    }

    /// Returns the inverse hyperbolic tangent from `(1 − a)(1 + a)·f' = a'`. At `±1` the value
    /// and coefficients are infinite; outside `[−1, 1]` all parts are NaN.
    #[inline]
    #[must_use]
    pub fn atanh(self) -> Self {
        let one = Self::constant(T::one());
        self.solve_with(self.re.atanh(), &((one - self) * (one + self)))
    }

    // ----- angles -----

    /// Converts radians to degrees with the value of `f64::to_degrees`; slope `180/π`.
    #[inline]
    #[must_use]
    pub fn to_degrees(self) -> Self {
        self.linear(self.re.to_degrees(), T::one().to_degrees())
    }

    /// Converts degrees to radians with the value of `f64::to_radians`; slope `π/180`.
    #[inline]
    #[must_use]
    pub fn to_radians(self) -> Self {
        self.linear(self.re.to_radians(), T::one().to_radians())
    }

    // ----- special functions -----

    /// The series `±2/√π·exp(−a²)` (the slope of `erf`, or of `erfc` with `−`), coefficients
    /// of `t⁰ … tᴷ⁻¹`.
    fn erf_slope(self, negate: bool) -> [T; K] {
        let x = self.re;
        let u = -(self * self);
        // (−x)·x, as the other types compute it; equal to −(x·x) bit for bit.
        let e = u.exp_with((-x * x).exp());
        let c = prim_const::<T>(FloatConst::FRAC_2_SQRT_PI);
        let c = if negate { -c } else { c };
        e.scale_by(c).low()
    }

    /// Returns the error function from `f' = 2/√π·exp(−a²)·a'`, the series of `exp(−a²)`
    /// integrated term by term.
    #[inline]
    #[must_use]
    pub fn erf(self) -> Self {
        self.integrate_with(self.re.erf(), &self.erf_slope(false))
    }

    /// Returns the complementary error function `1 − erf(a)`, accurate where it is tiny:
    /// `f' = −2/√π·exp(−a²)·a'`.
    #[inline]
    #[must_use]
    pub fn erfc(self) -> Self {
        self.integrate_with(self.re.erfc(), &self.erf_slope(true))
    }

    /// Returns the gamma function from `Γ' = Γ·(ln Γ)'`: the exponential recurrence on the
    /// series of [`ln_gamma`](Self::ln_gamma), with the value `Γ(a₀)` (of either sign). At `±0`
    /// the coefficients are the limits from the side the sign bit picks (`Γ ≈ 1/x`); at the
    /// negative integers they are NaN.
    #[inline]
    #[must_use]
    pub fn gamma(self) -> Self {
        self.ln_gamma().exp_with(self.re.gamma())
    }

    /// Returns `ln |Γ(a)|`, composed from its derivatives `ψ⁽ᵐ⁻¹⁾(a₀)` at the value
    /// (`Scalar::polygamma`).
    #[inline]
    #[must_use]
    pub fn ln_gamma(self) -> Self {
        let x = self.re;
        let g = polygamma_coefficients::<T, K>(x, 0);
        self.compose_with(x.ln_gamma(), &g)
    }

    /// Returns the digamma function `ψ(a) = Γ'(a)/Γ(a)` (see [`polygamma`](Self::polygamma)).
    /// At `±0` the coefficients are the limits from the side the sign bit picks (`ψ ≈ −1/x`);
    /// NaN in every part at the negative integers.
    #[inline]
    #[must_use]
    pub fn digamma(self) -> Self {
        self.polygamma(0)
    }

    /// Returns the polygamma function `ψ⁽ⁿ⁾(a)`, composed from its derivatives
    /// `ψ⁽ⁿ⁺ᵐ⁾(a₀)/m!` at the value.
    #[inline]
    #[must_use]
    pub fn polygamma(self, n: u32) -> Self {
        let x = self.re;
        let g = polygamma_coefficients::<T, K>(x, n.saturating_add(1));
        self.compose_with(x.polygamma(n), &g)
    }
}

/// Returns `[ψ⁽ⁿ⁾(x)/1!, ψ⁽ⁿ⁺¹⁾(x)/2!, …]`: `g[m − 1] = ψ⁽ⁿ⁺ᵐ⁻¹⁾(x)/m!`.
fn polygamma_coefficients<T: Scalar, const K: usize>(x: T, n: u32) -> [T; K] {
    let mut g = [T::zero(); K];
    let mut fact = T::one();
    for (m, gm) in (1u32..).zip(&mut g) {
        fact = fact * num::<T>(m as usize);
        *gm = x.polygamma(n.saturating_add(m - 1)) / fact;
    }
    g
}

/// Returns `k` as a `T` (exact for every order in use).
#[inline]
fn num<T: Scalar>(k: usize) -> T {
    T::from_usize(k).unwrap_or_else(T::nan)
}

/// Returns `k` as the primitive float under `T`.
#[inline]
fn prim<T: Scalar>(k: usize) -> T::Primitive {
    T::Primitive::from_usize(k).unwrap_or_else(T::Primitive::nan)
}

/// Returns `i` as the primitive float under `T`.
#[inline]
fn prim_i<T: Scalar>(i: i32) -> T::Primitive {
    T::Primitive::from_i32(i).unwrap_or_else(T::Primitive::nan)
}

/// Returns a constant of the primitive float under `T`.
#[inline]
fn prim_const<T: Scalar>(c: fn() -> T::Primitive) -> T::Primitive {
    c()
}

/// Returns `n` as a `T`. Every `i32` converts to every float, so the fallback never runs.
#[inline]
fn from_i32<T: Scalar>(n: i32) -> T {
    T::from_i32(n).unwrap_or_else(T::nan)
}

/// Returns `k!` in the primitive float under `T`.
#[inline]
fn factorial<T: Scalar>(k: usize) -> T::Primitive {
    (1..=k).fold(T::Primitive::one(), |f, i| f * prim::<T>(i))
}

// ---------------------------------------------------------------------------------------------
// Drivers.
// ---------------------------------------------------------------------------------------------

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
pub fn taylor_derivatives<T: Scalar, const K: usize>(
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
pub fn taylor_directional<T: Scalar, const K: usize>(
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

// ---------------------------------------------------------------------------------------------
// Operators: each rule written once on owned values; the macro below generates the borrowed
// combinations, the `op=` forms and the primitive-on-the-left forms.
// ---------------------------------------------------------------------------------------------

impl<T: Scalar, const K: usize> Add for Taylor<T, K> {
    type Output = Self;
    /// `Σ aₖtᵏ + Σ bₖtᵏ = Σ (aₖ + bₖ)tᵏ`
    #[inline]
    fn add(self, rhs: Self) -> Self {
        self.zip(rhs, |a, b| a + b)
    }
}

impl<T: Scalar, const K: usize> Sub for Taylor<T, K> {
    type Output = Self;
    /// `Σ aₖtᵏ − Σ bₖtᵏ = Σ (aₖ − bₖ)tᵏ`
    #[inline]
    fn sub(self, rhs: Self) -> Self {
        self.zip(rhs, |a, b| a - b)
    }
}

impl<T: Scalar, const K: usize> Mul for Taylor<T, K> {
    type Output = Self;
    /// The Cauchy product `cₖ = Σ_{j=0}^{k} aⱼ·b_{k−j}`, IEEE arithmetic throughout.
    #[inline]
    fn mul(self, rhs: Self) -> Self {
        self.mul_with(rhs, |a, b| a * b)
    }
}

impl<T: Scalar, const K: usize> Div for Taylor<T, K> {
    type Output = Self;
    /// `q = a/b` from `q·b = a`: `qₖ = (aₖ − Σ_{j<k} qⱼ·b_{k−j})/b₀`. A NaN quotient has NaN
    /// coefficients; dividing by a zero value gives the infinite limits (zero where `a` and
    /// `b` are constants).
    #[inline]
    fn div(self, rhs: Self) -> Self {
        Self::quotient(&self, &rhs, self.re / rhs.re)
    }
}

impl<T: Scalar, const K: usize> Rem for Taylor<T, K> {
    type Output = Self;
    /// `x % y = x − trunc(x/y)·y` with `trunc(x/y)` held constant. NaN in every part when
    /// `y = 0`.
    #[inline]
    fn rem(self, rhs: Self) -> Self {
        let (a, b) = (self.re, rhs.re);
        self.linear2(rhs, a % b, T::one(), -(a / b).trunc())
    }
}

impl<T: Scalar, const K: usize> Neg for Taylor<T, K> {
    type Output = Self;
    #[inline]
    fn neg(self) -> Self {
        self.map(|a| -a)
    }
}

impl<T: Scalar, const K: usize> Neg for &Taylor<T, K> {
    type Output = Taylor<T, K>;
    #[inline]
    fn neg(self) -> Taylor<T, K> {
        -*self
    }
}

impl<T: Scalar, const K: usize> Add<T> for Taylor<T, K> {
    type Output = Self;
    #[inline]
    fn add(self, s: T) -> Self {
        self.with_re(self.re + s)
    }
}

impl<T: Scalar, const K: usize> Sub<T> for Taylor<T, K> {
    type Output = Self;
    #[inline]
    fn sub(self, s: T) -> Self {
        self.with_re(self.re - s)
    }
}

impl<T: Scalar, const K: usize> Mul<T> for Taylor<T, K> {
    type Output = Self;
    #[inline]
    fn mul(self, s: T) -> Self {
        self.map(|a| a * s)
    }
}

impl<T: Scalar, const K: usize> Div<T> for Taylor<T, K> {
    type Output = Self;
    #[inline]
    fn div(self, s: T) -> Self {
        self.map(|a| a / s)
    }
}

impl<T: Scalar, const K: usize> Rem<T> for Taylor<T, K> {
    type Output = Self;
    /// `x % s` for a constant `s`: slope 1.
    #[inline]
    fn rem(self, s: T) -> Self {
        self.linear(self.re % s, T::one())
    }
}

/// `s − x`, `s / x`, `s % x` for a constant `s` on the left (`s + x`, `s·x` commute).
impl<T: Scalar, const K: usize> Taylor<T, K> {
    #[inline]
    fn scalar_sub(s: T, x: Self) -> Self {
        (-x).with_re(s - x.re)
    }

    #[inline]
    fn scalar_div(s: T, x: Self) -> Self {
        Self::quotient(&Self::constant(s), &x, s / x.re)
    }

    #[inline]
    fn scalar_rem(s: T, x: Self) -> Self {
        let r = x.re;
        x.linear(s % r, -(s / r).trunc())
    }
}

/// Generates the borrowed combinations, the `op=` forms and the primitive-on-the-left forms
/// of the owned operator rules above.
macro_rules! taylor_ops {
    ($($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $left:expr;)*) => {$(
        impl<T: Scalar, const K: usize> $Op<&Taylor<T, K>> for Taylor<T, K> {
            type Output = Self;
            #[inline]
            fn $op(self, rhs: &Self) -> Self {
                $Op::$op(self, *rhs)
            }
        }
        impl<T: Scalar, const K: usize> $Op<Taylor<T, K>> for &Taylor<T, K> {
            type Output = Taylor<T, K>;
            #[inline]
            fn $op(self, rhs: Taylor<T, K>) -> Taylor<T, K> {
                $Op::$op(*self, rhs)
            }
        }
        impl<T: Scalar, const K: usize> $Op<&Taylor<T, K>> for &Taylor<T, K> {
            type Output = Taylor<T, K>;
            #[inline]
            fn $op(self, rhs: &Taylor<T, K>) -> Taylor<T, K> {
                $Op::$op(*self, *rhs)
            }
        }
        impl<T: Scalar, const K: usize> $Op<T> for &Taylor<T, K> {
            type Output = Taylor<T, K>;
            #[inline]
            fn $op(self, rhs: T) -> Taylor<T, K> {
                $Op::$op(*self, rhs)
            }
        }
        impl<T: Scalar, const K: usize> $Op<&T> for Taylor<T, K> {
            type Output = Self;
            #[inline]
            fn $op(self, rhs: &T) -> Self {
                $Op::$op(self, *rhs)
            }
        }
        impl<T: Scalar, const K: usize> $OpAssign for Taylor<T, K> {
            #[inline]
            fn $op_assign(&mut self, rhs: Self) {
                *self = $Op::$op(*self, rhs);
            }
        }
        impl<T: Scalar, const K: usize> $OpAssign<&Taylor<T, K>> for Taylor<T, K> {
            #[inline]
            fn $op_assign(&mut self, rhs: &Self) {
                *self = $Op::$op(*self, *rhs);
            }
        }
        impl<T: Scalar, const K: usize> $OpAssign<T> for Taylor<T, K> {
            #[inline]
            fn $op_assign(&mut self, rhs: T) {
                *self = $Op::$op(*self, rhs);
            }
        }
        taylor_ops!(@primitive f64, $Op, $op, $left);
        taylor_ops!(@primitive f32, $Op, $op, $left);
    )*};

    // A primitive float on the left (`2.0 * x`), at every nesting level over that primitive.
    (@primitive $prim:ty, $Op:ident, $op:ident, $left:expr) => {
        impl<T: Scalar<Primitive = $prim>, const K: usize> $Op<Taylor<T, K>> for $prim {
            type Output = Taylor<T, K>;
            #[inline]
            fn $op(self, rhs: Taylor<T, K>) -> Taylor<T, K> {
                let left: fn(T, Taylor<T, K>) -> Taylor<T, K> = $left;
                left(T::from_primitive(self), rhs)
            }
        }
        impl<T: Scalar<Primitive = $prim>, const K: usize> $Op<&Taylor<T, K>> for $prim {
            type Output = Taylor<T, K>;
            #[inline]
            fn $op(self, rhs: &Taylor<T, K>) -> Taylor<T, K> {
                $Op::$op(self, *rhs)
            }
        }
        impl<T: Scalar<Primitive = $prim>, const K: usize> $Op<Taylor<T, K>> for &$prim {
            type Output = Taylor<T, K>;
            #[inline]
            fn $op(self, rhs: Taylor<T, K>) -> Taylor<T, K> {
                $Op::$op(*self, rhs)
            }
        }
        impl<T: Scalar<Primitive = $prim>, const K: usize> $Op<&Taylor<T, K>> for &$prim {
            type Output = Taylor<T, K>;
            #[inline]
            fn $op(self, rhs: &Taylor<T, K>) -> Taylor<T, K> {
                $Op::$op(*self, *rhs)
            }
        }
    };
}

taylor_ops! {
    Add, add, AddAssign, add_assign, |s, x| x + s;
    Sub, sub, SubAssign, sub_assign, Taylor::scalar_sub;
    Mul, mul, MulAssign, mul_assign, |s, x| x * s;
    Div, div, DivAssign, div_assign, Taylor::scalar_div;
    Rem, rem, RemAssign, rem_assign, Taylor::scalar_rem;
}

impl<T: Scalar, const K: usize> Sum for Taylor<T, K> {
    /// Adds up the items, starting from `−0.0` as `f64`'s `Sum` does.
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(T::neg_zero()), |a, b| a + b)
    }
}

impl<'a, T: Scalar, const K: usize> Sum<&'a Taylor<T, K>> for Taylor<T, K> {
    /// Adds up the items, starting from `−0.0` as `f64`'s `Sum` does.
    fn sum<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.copied().sum()
    }
}

impl<T: Scalar, const K: usize> Product for Taylor<T, K> {
    /// Multiplies the items, starting from 1.
    fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(T::one()), |a, b| a * b)
    }
}

impl<'a, T: Scalar, const K: usize> Product<&'a Taylor<T, K>> for Taylor<T, K> {
    /// Multiplies the items, starting from 1.
    fn product<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.copied().product()
    }
}

// ---------------------------------------------------------------------------------------------
// Formatting and the num-traits plumbing: every method forwards to the inherent one.
// ---------------------------------------------------------------------------------------------

impl<T: fmt::Display, const K: usize> fmt::Display for Taylor<T, K> {
    /// Writes `re + c₁t + c₂t^2 + …`; a precision (`{:.3}`) applies to every coefficient.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = f.precision();
        let part = |f: &mut fmt::Formatter<'_>, v: &T| match p {
            Some(p) => write!(f, "{v:.p$}"),
            None => write!(f, "{v}"),
        };
        part(f, &self.re)?;
        for (k, c) in (1..).zip(&self.coeffs) {
            f.write_str(" + ")?;
            part(f, c)?;
            if k == 1 {
                f.write_str("t")?;
            } else {
                write!(f, "t^{k}")?;
            }
        }
        Ok(())
    }
}

impl<T: Scalar, const K: usize> Default for Taylor<T, K> {
    /// Returns zero with zero coefficients.
    fn default() -> Self {
        Self::constant(T::default())
    }
}

// PartialEq, PartialOrd, From<T>, Scalar and every num-traits impl: the same plumbing as the dual
// types (it needs only `constant`, `nan_parts`, `is_constant`, `map`, `mul_with` and the inherent
// functions, which `Taylor` has under the same names).
crate::integrations::num_traits::impl_num_traits!([T: Scalar, const K: usize] Taylor<T, K>);
