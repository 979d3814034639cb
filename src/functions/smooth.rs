//! The smooth elementary functions of the fixed-order types, each given by its value and first
//! and second derivatives at the value part, through
//! [`Chain`](crate::chain::Chain).
#![forbid(unsafe_code)]

/// Generates the smooth elementary functions of a type with a [`Chain`](crate::chain::Chain)
/// rule. The impl sits in an anonymous `const` so that the names it uses are in scope wherever it
/// is expanded.
macro_rules! impl_smooth_functions {
    ([$($params:tt)*] $ty:ty) => {
        const _: () = {
        use $crate::chain::{Chain, Parts, product_keeping_zeros};
        use $crate::functions::{from_i32, polar, power_slope, prim, scaled_powf, tail, times, two};
        use num_traits::FloatConst;

        impl<$($params)*> $ty {
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
                // −ln x/(b ln² b), divided in turn so that it does not overflow to a zero where
                // b·ln² b does (near MAX) but the quotient is a subnormal
                let fy = if b.is_zero() || b.is_infinite() {
                    -lx / b_lb2
                } else {
                    -(lx / lb / lb) / b
                };
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
    };
}

pub(crate) use impl_smooth_functions;
