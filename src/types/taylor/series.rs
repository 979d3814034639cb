//! The Taylor recurrences, each written once and generic over how it multiplies and divides
//! ([`Policy`]), and their entry points: the NaN rule and the choice of arithmetic.
#![forbid(unsafe_code)]

use super::{Taylor, num};
use crate::Real;
use crate::chain::{Parts, Policy};

impl<T: Real, const K: usize> Taylor<T, K> {
    /// The quotient `q = a/b` from `q·b = a`:
    /// `q_k = (a_k − Σ_{j=0}^{k−1} q_j·b_{k−j}) / b₀`, with `q₀` given.
    #[inline]
    pub(super) fn div_series<S: Policy>(a: &Self, b: &Self, q0: T) -> Self {
        let mut q = Self::constant(q0);
        for k in 1..=K {
            let mut sum = S::mul(q0, b.c(k));
            for j in 1..k {
                sum = sum + S::mul(q.c(j), b.c(k - j));
            }
            q.coeffs[k - 1] = S::div(a.c(k) - sum, b.re);
        }
        q
    }

    /// `f = g(a)` with `f' = f·a'` (the exponential):
    /// `f_k = (1/k) Σ_{j=1}^{k} j·a_j·f_{k−j}`, with `f₀` given.
    #[inline]
    pub(super) fn exp_series<S: Policy>(&self, f0: T) -> Self {
        let w = self.slope_series();
        let mut f = Self::constant(f0);
        for k in 1..=K {
            let mut sum = T::zero();
            for j in 1..=k {
                sum = sum + S::mul(f.c(k - j), w[j - 1]);
            }
            f.coeffs[k - 1] = sum / num::<T>(k);
        }
        f
    }

    /// `f' = h·a'` for a known series `h` (`h[i]` the coefficient of `tⁱ`):
    /// `f_k = (1/k) Σ_{j=1}^{k} j·a_j·h_{k−j}`, with `f₀` given.
    #[inline]
    pub(super) fn integrate<S: Policy>(&self, f0: T, h: &[T; K]) -> Self {
        let w = self.slope_series();
        let mut f = Self::constant(f0);
        for k in 1..=K {
            let mut sum = T::zero();
            for j in 1..=k {
                sum = sum + S::mul(h[k - j], w[j - 1]);
            }
            f.coeffs[k - 1] = sum / num::<T>(k);
        }
        f
    }

    /// `d·f' = n` for known series `n` (`n[i]` the coefficient of `tⁱ`) and `d`:
    /// `k·f_k·d₀ = n_{k−1} − Σ_{i=1}^{k−1} d_i·(k−i)·f_{k−i}`, with `f₀` given. With `n = a'`
    /// this is `ln a` (`d = a`), `atan a` (`d = 1 + a²`), `asin a` (`d = √(1 − a²)`), ….
    #[inline]
    pub(super) fn solve_quotient<S: Policy>(f0: T, n: &[T; K], d: &Self) -> Self {
        let mut f = Self::constant(f0);
        // wf[j − 1] = j·f_j
        let mut wf = [T::zero(); K];
        for k in 1..=K {
            let mut sum = T::zero();
            for i in 1..k {
                sum = sum + S::mul(wf[k - i - 1], d.c(i));
            }
            let kf = S::div(n[k - 1] - sum, d.re);
            wf[k - 1] = kf;
            f.coeffs[k - 1] = kf / num::<T>(k);
        }
        f
    }

    /// The square root `r` of `self` from `r² = a`:
    /// `r_k = (a_k − Σ_{j=1}^{k−1} r_j·r_{k−j}) / (2r₀)`, with `r₀` given.
    #[inline]
    pub(super) fn sqrt_series<S: Policy>(&self, r0: T) -> Self {
        // |2r₀|: the slope at ±0 is +∞, as for `sqrt` on the other types.
        let two_r0 = (r0 + r0).abs();
        let mut r = Self::constant(r0);
        for k in 1..=K {
            let mut sum = T::zero();
            for j in 1..=(k - 1) / 2 {
                sum = sum + S::mul(r.c(j), r.c(k - j));
            }
            sum = sum + sum;
            if k % 2 == 0 {
                let m = r.c(k / 2);
                sum = sum + S::mul(m, m);
            }
            r.coeffs[k - 1] = S::div(self.c(k) - sum, two_r0);
        }
        r
    }

    /// `f = aᵖ` for a constant `p` and `a₀ ≠ 0`, from `a·f' = p·a'·f`:
    /// `f_k = Σ_{j=1}^{k} ((p + 1)·j − k)·(f_{k−j}/a₀)·a_j / k`, with `f₀` given. Dividing
    /// `f_{k−j}` (of the size of `a₀ᵖ`) by `a₀` first keeps every intermediate the size of a
    /// coefficient: `a_j·f_{k−j}` overflows for `cbrt(1e267 + 1e265·t)` and `a_j/a₀` for
    /// `cbrt(8e-317 + t)`, whose first coefficients are 4e86 and 2e210.
    #[inline]
    pub(super) fn pow_series<S: Policy>(&self, f0: T, p: T) -> Self {
        let mut f = Self::constant(f0);
        for k in 1..=K {
            let kt = num::<T>(k);
            let mut sum = T::zero();
            for j in 1..=k {
                // (p + 1)·j − k as p·j + (j − k): forming p + 1 first loses a tiny p entirely
                let weight = p * num::<T>(j) + (num::<T>(j) - kt);
                let term = S::mul(weight, self.c(j));
                // a zero weight (xⁿ's last term) or coefficient contributes nothing, even
                // where f_{k−j}/a₀ overflows
                if !term.is_zero_in_all_parts() {
                    sum = sum + S::mul(S::div(f.c(k - j), self.re), term);
                }
            }
            f.coeffs[k - 1] = S::div(sum, kt);
        }
        f
    }

    /// `f = x^y` for `x₀ > 0` (`self` is `x`) from `x·f' = f·W` with `W = M·y' + y·x'` and
    /// `M = x·ln x` (from `M' = x'·(ln x + 1)`):
    /// `f_{m+1} = (Σ_{j≤m} (f_{m−j}/x₀)·W_j − Σ_{1≤i≤m} (m+1−i)·(f_{m+1−i}/x₀)·x_i) / (m + 1)`.
    /// Only `M`'s higher coefficients involve `1/x₀` (through `ln x`), where the true values
    /// are of that size too.
    #[inline]
    pub(super) fn powd_series<S: Policy>(&self, y: &Self, f0: T) -> Self {
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
                sum = sum + S::mul(dxi, l);
            }
            m[k] = S::div(sum, num::<T>(k));
        }
        // W_j = Σ_{i≤j} y'_i·M_{j−i} + y_i·x'_{j−i}
        let w: [T; K] = core::array::from_fn(|j| {
            let mut sum = T::zero();
            for i in 0..=j {
                sum = sum + S::mul(dy[i], m[j - i]) + S::mul(y.c(i), dx[j - i]);
            }
            sum
        });
        let mut f = Self::constant(f0);
        // g_k = f_k/x₀, filled in as the f_k are
        let mut g = [T::zero(); K];
        g[0] = S::div(f0, x.re);
        for step in 0..K {
            let mut sum = T::zero();
            for j in 0..=step {
                sum = sum + S::mul(g[step - j], w[j]);
            }
            for i in 1..=step {
                let weight = num::<T>(step + 1 - i);
                sum = sum - S::mul(S::mul(weight, g[step + 1 - i]), x.c(i));
            }
            let fk = S::div(sum, num::<T>(step + 1));
            f.coeffs[step] = fk;
            if step + 1 < K {
                g[step + 1] = S::div(fk, x.re);
            }
        }
        f
    }

    /// `f(a₀ + δ) = f₀ + Σ_{m=1}^{K} g_m·δᵐ` for the Taylor coefficients `g[m − 1] = f⁽ᵐ⁾(a₀)/m!`
    /// of `f` at the value: the composition, for functions without a convenient ODE.
    #[inline]
    pub(super) fn compose<S: Policy>(&self, f0: T, g: &[T; K]) -> Self {
        let mut out = Self::constant(f0);
        // p[k − 1] = coefficient of tᵏ in δᵐ (zero for k < m)
        let mut p = self.coeffs;
        for m in 1..=K {
            for k in m..=K {
                out.coeffs[k - 1] = out.coeffs[k - 1] + S::mul(g[m - 1], p[k - 1]);
            }
            // δᵐ⁺¹ = δᵐ·δ, in place from the top (each entry reads only lower ones).
            for k in (m + 1..=K).rev() {
                let mut sum = T::zero();
                for i in m..k {
                    sum = sum + S::mul(p[i - 1], self.c(k - i));
                }
                p[k - 1] = sum;
            }
            p[m - 1] = T::zero();
        }
        out
    }

    /// `s' = c·a'`, `c' = ∓s·a'` (`−` for sine and cosine, `+` for the hyperbolic pair):
    /// `s_k = (1/k) Σ j·a_j·c_{k−j}`, `c_k = ∓(1/k) Σ j·a_j·s_{k−j}`.
    #[inline]
    pub(super) fn sin_cos_series<S: Policy>(&self, s0: T, c0: T, hyperbolic: bool) -> (Self, Self) {
        let w = self.slope_series();
        let (mut sn, mut cs) = (Self::constant(s0), Self::constant(c0));
        for k in 1..=K {
            let (mut ss, mut cc) = (T::zero(), T::zero());
            for j in 1..=k {
                ss = ss + S::mul(cs.c(k - j), w[j - 1]);
                cc = cc + S::mul(sn.c(k - j), w[j - 1]);
            }
            let kt = num::<T>(k);
            sn.coeffs[k - 1] = ss / kt;
            cs.coeffs[k - 1] = if hyperbolic { cc / kt } else { -cc / kt };
        }
        (sn, cs)
    }

    /// `f' = h·a'` with `h = 1 ± f²` (`+` for tan, `−` for tanh) and `h₀` given:
    /// `f_k = (1/k) Σ_{j=1}^{k} j·a_j·h_{k−j}`, `h_m = ±Σ_{i=0}^{m} f_i·f_{m−i}` for `m ≥ 1`.
    #[inline]
    pub(super) fn tan_series<S: Policy>(&self, f0: T, h0: T, plus: bool) -> Self {
        let w = self.slope_series();
        let mut f = Self::constant(f0);
        let mut h = [T::zero(); K];
        if let Some(first) = h.first_mut() {
            *first = h0;
        }
        for k in 1..=K {
            let mut sum = T::zero();
            for j in 1..=k {
                sum = sum + S::mul(h[k - j], w[j - 1]);
            }
            f.coeffs[k - 1] = sum / num::<T>(k);
            if k < K {
                let mut sq = T::zero();
                for i in 0..=k {
                    sq = sq + S::mul(f.c(i), f.c(k - i));
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

impl<T: Real, const K: usize> Taylor<T, K> {
    /// `a / b` with the value `q0`; NaN coefficients with a NaN value.
    #[inline]
    pub(super) fn quotient(a: &Self, b: &Self, q0: T) -> Self {
        if q0.is_nan() {
            return Self::nan_parts(q0);
        }
        let plain = !b.re.is_zero()
            && b.re.is_finite()
            && q0.is_finite()
            && a.finite_coeffs()
            && b.finite_coeffs();
        by_rule!(plain, S => Self::div_series::<S>(a, b, q0))
    }

    /// The exponential recurrence on `self` with the value `f0`.
    #[inline]
    pub(super) fn exp_with(&self, f0: T) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        by_rule!(f0.is_finite() && self.finite_coeffs(), S => self.exp_series::<S>(f0))
    }

    /// `f' = h·a'` with the value `f0`.
    #[inline]
    pub(super) fn integrate_with(&self, f0: T, h: &[T; K]) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let plain = h.iter().all(|x| x.is_finite()) && self.finite_coeffs();
        by_rule!(plain, S => self.integrate::<S>(f0, h))
    }

    /// `d·f' = a'` with the value `f0`.
    #[inline]
    pub(super) fn solve_with(&self, f0: T, d: &Self) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let n = self.slope_series();
        let plain =
            !d.re.is_zero() && d.re.is_finite() && self.finite_coeffs() && d.finite_coeffs();
        by_rule!(plain, S => Self::solve_quotient::<S>(f0, &n, d))
    }

    /// The square root of `self` with the value `r0`.
    #[inline]
    pub(super) fn sqrt_with(&self, r0: T) -> Self {
        if r0.is_nan() {
            return Self::nan_parts(r0);
        }
        let plain = !r0.is_zero() && r0.is_finite() && self.finite_coeffs();
        by_rule!(plain, S => self.sqrt_series::<S>(r0))
    }

    /// The composition with `g[m − 1] = f⁽ᵐ⁾(a₀)/m!` and the value `f0`.
    #[inline]
    pub(super) fn compose_with(&self, f0: T, g: &[T; K]) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let plain = g.iter().all(|x| x.is_finite()) && self.finite_coeffs();
        by_rule!(plain, S => self.compose::<S>(f0, g))
    }

    /// `aᵖ` for a constant `p` with the value `f0`; `pow_at(m)` returns `a₀^(p − m)`.
    /// Where `a₀` is 0 or infinite the recurrence would divide by it, and where `f0` underflows
    /// or overflows it would make every coefficient 0 or ∞ with it (`(10⁻²⁰⁰ + t)²` still has
    /// `t²`), so the binomial series `Σ C(p, m)·a₀^(p−m)·δᵐ` is composed instead (a zero
    /// binomial coefficient gives zero).
    #[inline]
    pub(super) fn power(self, f0: T, p: T, pow_at: impl Fn(usize) -> T) -> Self {
        if f0.is_nan() {
            return Self::nan_parts(f0);
        }
        let x = self.re;
        if x.is_finite() && !x.is_zero() && f0.is_finite() && !f0.is_zero() {
            let plain = p.is_finite() && self.finite_coeffs();
            return by_rule!(plain, S => self.pow_series::<S>(f0, p));
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
    #[inline]
    pub(super) fn at_origin(self, other: Self, f: T) -> Self {
        if self.is_constant() && other.is_constant() {
            Self::flat(f)
        } else {
            Self::nan_parts(f)
        }
    }
}
