//! The elementary functions of [`Taylor`], by the recurrences of `series`.
#![forbid(unsafe_code)]

use super::{Taylor, from_i32, num, prim_const, prim_i};
use crate::Real;
use crate::chain::{Parts, Policy};
use crate::functions::polar;
use num_traits::FloatConst;

impl<T: Real, const K: usize> Taylor<T, K> {
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
            if x < T::zero() && p.fract() != T::zero() {
                // No real xᵖ for x < 0 and a fractional p, so no derivative, even where IEEE
                // gives (−∞)ᵖ = +∞: NaN coefficients, unless the argument is a constant.
                return if self.is_constant() {
                    Self::flat(f0)
                } else {
                    Self::nan_parts(f0)
                };
            }
            return self.power(f0, p, |m| x.powf(p - num::<T>(m)));
        }
        let scaled = f0 / x;
        if x > T::zero() && scaled.is_finite() && !scaled.is_zero() {
            let plain = self.finite_coeffs() && y.finite_coeffs();
            return by_rule!(plain, S => self.powd_series::<S>(&y, f0));
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
        by_rule!(plain, S => {
            let (radial, tangential) = self.polar_parts::<S>(&other, (cx, cy));
            Self::hypot_series::<S>(h, inv, &radial, &tangential)
        })
    }

    /// `hypot` at the origin. With `m` the lowest order at which either argument moves, the
    /// result is `|tᵐ|·hypot(a(t)/tᵐ, b(t)/tᵐ)`: for an even `m` the series of the shifted
    /// arguments (which are off the origin) shifted back, for an odd `m` a cone's tip with
    /// coefficients NaN from order `m` on (below it they are 0). Constants stay constant.
    #[inline]
    pub(super) fn hypot_at_origin(self, other: Self) -> Self {
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
    #[inline]
    pub(super) fn polar_parts<S: Policy>(&self, other: &Self, (cx, cy): (T, T)) -> (Self, Self) {
        let radial = Self::new(
            T::zero(),
            core::array::from_fn(|k| S::mul(cx, self.coeffs[k]) + S::mul(cy, other.coeffs[k])),
        );
        let tangential = Self::new(
            T::zero(),
            core::array::from_fn(|k| S::mul(cx, other.coeffs[k]) - S::mul(cy, self.coeffs[k])),
        );
        (radial, tangential)
    }

    /// The series `h + r + q` of [`hypot`](Self::hypot), with `inv = 1/h`, from the radial and
    /// tangential parts of the displacement.
    #[inline]
    pub(super) fn hypot_series<S: Policy>(h: T, inv: T, radial: &Self, tangential: &Self) -> Self {
        let half: T::Primitive = 0.5f32.into();
        let half_inv = inv.scale_by(half);
        // q_m·2h = (τ²)_m − Σ_{i=2}^{m−1} q_i·(2r_{m−i} + q_{m−i}); q₀ = q₁ = 0.
        let mut q = Self::constant(T::zero());
        for m in 2..=K {
            let mut sum = T::zero();
            for i in 1..m {
                sum = sum + S::mul(tangential.c(i), tangential.c(m - i));
            }
            for i in 2..m {
                let w = radial.c(m - i) + radial.c(m - i) + q.c(m - i);
                sum = sum - S::mul(q.c(i), w);
            }
            // Along a ray τ = 0 and so is q, even where 1/h overflows.
            q.coeffs[m - 1] = if sum.is_zero_in_all_parts() {
                T::zero()
            } else {
                S::mul(sum, half_inv)
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
        // |a₀|: at −0 the slope is the limit from inside the domain, +∞ as at +0 (below zero
        // the value is NaN, so every part is NaN whatever the divisor).
        self.solve_with(self.re.ln(), &self.with_re(self.re.abs()))
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
        by_rule!(self.finite_coeffs(), S => self.sin_cos_series::<S>(s0, c0, false))
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
        by_rule!(h0.is_finite() && self.finite_coeffs(), S => self.tan_series::<S>(f0, h0, true))
    }

    /// Returns the arcsine from `√(1 − a²)·f' = a'` (with the value of `1 − a²` formed as
    /// `(1 − a₀)(1 + a₀)`, exact near `±1`). At `±1` the coefficients are the infinite one-sided limits; outside
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

    /// The series of `√(1 − a²)`.
    #[inline]
    pub(super) fn one_minus_square_root(self) -> Self {
        let u = self.one_minus_square();
        u.sqrt_with(u.re.sqrt())
    }

    /// The series of `1 − a²`: its value as `(1 − a₀)(1 + a₀)`, exact near `±1`, and its
    /// coefficients as those of `−a²`, which do not cancel at a tiny `a₀` (the product form's
    /// first coefficient `(1 − a₀)a₁ − a₁(1 + a₀)` rounds `−2a₀a₁` away).
    #[inline]
    fn one_minus_square(self) -> Self {
        let x = self.re;
        let one = T::one();
        (-(self * self)).with_re((one - x) * (one + x))
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
        let (radial, tangential) = by_rule!(plain, S => other.polar_parts::<S>(&self, (cx, cy)));
        let turned = tangential / radial.with_re(h);
        turned.atan().with_re(f0)
    }

    // ----- hyperbolic -----

    /// Returns the hyperbolic sine and cosine together: `s' = c·a'`, `c' = s·a'`.
    #[inline]
    pub(super) fn sinh_cosh(self) -> (Self, Self) {
        let x = self.re;
        let (s0, c0) = (x.sinh(), x.cosh());
        if s0.is_nan() || c0.is_nan() {
            return (Self::nan_parts(s0), Self::nan_parts(c0));
        }
        let plain = s0.is_finite() && c0.is_finite() && self.finite_coeffs();
        by_rule!(plain, S => self.sin_cos_series::<S>(s0, c0, true))
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
        by_rule!(self.finite_coeffs(), S => self.tan_series::<S>(f0, h0, false))
    }

    /// Returns the inverse hyperbolic sine from `√(a² + 1)·f' = a'` (with the leading root
    /// `hypot(a₀, 1)`, which does not overflow).
    #[inline]
    #[must_use]
    pub fn asinh(self) -> Self {
        // √(a² + 1) as hypot(a, 1), whose series does not overflow where a² does
        let r = self.hypot(Self::constant(T::one()));
        self.solve_with(self.re.asinh(), &r)
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
        let r = if u.re.is_finite() {
            u.sqrt_with((x - one).sqrt() * (x + one).sqrt())
        } else {
            // beyond √MAX, (a − 1)(a + 1) overflows: the product of the two roots does not
            (self - one).sqrt() * (self + one).sqrt()
        };
        self.solve_with(f0, &r)
    }

    /// Returns the inverse hyperbolic tangent from `(1 − a²)·f' = a'`. At `±1` the value
    /// and coefficients are infinite; outside `[−1, 1]` all parts are NaN.
    #[inline]
    #[must_use]
    pub fn atanh(self) -> Self {
        self.solve_with(self.re.atanh(), &self.one_minus_square())
    }

    // ----- special functions -----

    /// The series `±2/√π·exp(−a²)` (the slope of `erf`, or of `erfc` with `−`), coefficients
    /// of `t⁰ … tᴷ⁻¹`.
    #[inline]
    pub(super) fn erf_slope(self, negate: bool) -> [T; K] {
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
    /// (`Real::polygamma`).
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
#[inline]
fn polygamma_coefficients<T: Real, const K: usize>(x: T, n: u32) -> [T; K] {
    let mut g = [T::zero(); K];
    let mut fact = T::one();
    for (m, gm) in (1u32..).zip(&mut g) {
        fact = fact * num::<T>(m as usize);
        *gm = x.polygamma(n.saturating_add(m - 1)) / fact;
    }
    g
}
