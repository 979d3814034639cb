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
// No `forbid(unsafe_code)`: the `number_type!` line expands bytemuck's and simba's unsafe
// trait items, written (with their safety arguments) in `integrations`. Cargo.toml's `[lints]`
// deny unsafe code, so none can be written here without an `allow`.

use crate::Real;
use crate::chain::{Parts, Policy};
use core::fmt;
use num_traits::{Float, FromPrimitive, One};

/// Evaluates `$body` with the type `$S` standing for the [`Plain`](crate::chain::Plain) policy
/// if `$plain` holds, and for [`KeepZeros`](crate::chain::KeepZeros) otherwise.
macro_rules! by_rule {
    ($plain:expr, $S:ident => $body:expr) => {
        if $plain {
            type $S = $crate::chain::Plain;
            $body
        } else {
            type $S = $crate::chain::KeepZeros;
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
/// [`taylor_derivatives`](crate::taylor_derivatives)). The cost is `O(K²)` per operation, against `2ᴷ` parts for `K`
/// nested [`Dual`](crate::Dual)s. Seeding `x + t·v` ([`Taylor::new`]`(x, [v, 0, …])`) gives
/// directional derivatives of every order, from which mixed partials follow by polarization
/// ([`taylor_directional`](crate::taylor_directional)).
///
/// The value is `re` and `coeffs[k − 1]` is the coefficient of `tᵏ` (stable Rust cannot write
/// `[T; K + 1]`), mirroring [`Dual`](crate::Dual)'s `re` and `eps`.
///
/// It follows the crate's [conventions](crate#conventions), with what a series adds:
/// - `abs` takes the series of `±x` whole (all higher coefficients included), and the
///   remainders hold `trunc(x/y)` constant, as for the other types;
/// - at a singular point the coefficients of a varying argument are the infinite limits where
///   the recurrences determine them (`sqrt(variable(0))` has coefficients `+∞, −∞, +∞, …`), NaN
///   where there is no limit (`hypot` and `atan2` at the origin);
/// - a recurrence computes every order together, sometimes through an intermediate series (the
///   `ln x` of `x^y` with a varying exponent, whose coefficients are `1/xᵏ` up to sign and
///   scale): where the second and higher derivatives overflow `T` — at a subnormal `x`, say —
///   such a series can overflow at first order too, and the slope is then infinite where the
///   dual types' closed-form partials still give it;
/// - the coefficients are `f⁽ᵏ⁾/k!`, so a derivative whose coefficient is below the subnormal
///   range reads back as 0. The edge-case table notes the few points where a series gives a
///   different answer than the closed forms.
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

impl<T: Real, const K: usize> Taylor<T, K> {
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

    /// Returns `true` if every coefficient's value is finite.
    #[inline]
    fn finite_coeffs(&self) -> bool {
        self.coeffs.iter().all(|c| c.is_finite())
    }

    /// The product of two series in which an exact zero times an infinite coefficient is zero
    /// (IEEE `*` where every part is finite): for products inside a function's rule, where a
    /// zero stands for "no dependence", not for a limit.
    #[inline]
    fn product_keeping_zeros(self, rhs: Self) -> Self {
        let finite = |x: &Self| x.re.is_finite() && x.finite_coeffs();
        by_rule!(finite(&self) && finite(&rhs), S => self.mul_with(rhs, |a, b| S::mul(a, b)))
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
}

impl<T: Real, const K: usize> Parts for Taylor<T, K> {
    type Re = T;

    #[inline]
    fn re(&self) -> T {
        self.re
    }

    #[inline]
    fn with_re(self, re: T) -> Self {
        Self { re, ..self }
    }

    #[inline]
    fn constant(re: T) -> Self {
        Self::constant(re)
    }

    #[inline]
    fn nan_parts(re: T) -> Self {
        Self::new(re, [T::nan(); K])
    }

    #[inline]
    fn is_constant(&self) -> bool {
        self.coeffs.iter().all(Real::is_zero_in_all_parts)
    }

    #[inline]
    fn map(self, f: impl Fn(T) -> T) -> Self {
        let mut coeffs = self.coeffs;
        for c in &mut coeffs {
            *c = f(*c);
        }
        Self::new(f(self.re), coeffs)
    }

    #[inline]
    fn zip(self, o: Self, f: impl Fn(T, T) -> T) -> Self {
        let mut coeffs = self.coeffs;
        for (c, &d) in coeffs.iter_mut().zip(&o.coeffs) {
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

    /// `q = a/b` from `q·b = a`: `qₖ = (aₖ − Σ_{j<k} qⱼ·b_{k−j})/b₀`. A NaN quotient has NaN
    /// coefficients; dividing by a zero value gives the infinite limits (zero where `a` and
    /// `b` are constants).
    #[inline]
    fn div(self, rhs: Self) -> Self {
        Self::quotient(&self, &rhs, self.re / rhs.re)
    }

    #[inline]
    fn scalar_div(s: T, x: Self) -> Self {
        Self::quotient(&Self::constant(s), &x, s / x.re)
    }
}

mod functions;
mod series;

/// Returns `k` as a `T` (exact for every order in use).
#[inline]
fn num<T: Real>(k: usize) -> T {
    T::from_usize(k).unwrap_or_else(T::nan)
}

/// Returns `k` as the primitive float under `T`.
#[inline]
fn prim<T: Real>(k: usize) -> T::Primitive {
    T::Primitive::from_usize(k).unwrap_or_else(T::Primitive::nan)
}

/// Returns `i` as the primitive float under `T`.
#[inline]
fn prim_i<T: Real>(i: i32) -> T::Primitive {
    T::Primitive::from_i32(i).unwrap_or_else(T::Primitive::nan)
}

/// Returns a constant of the primitive float under `T`.
#[inline]
fn prim_const<T: Real>(c: fn() -> T::Primitive) -> T::Primitive {
    c()
}

/// Returns `n` as a `T`. Every `i32` converts to every float, so the fallback never runs.
#[inline]
fn from_i32<T: Real>(n: i32) -> T {
    T::from_i32(n).unwrap_or_else(T::nan)
}

/// Returns `k!` in the primitive float under `T`.
#[inline]
fn factorial<T: Real>(k: usize) -> T::Primitive {
    (1..=k).fold(T::Primitive::one(), |f, i| f * prim::<T>(i))
}

impl<T: fmt::Display, const K: usize> fmt::Display for Taylor<T, K> {
    /// Writes `re + c₁t + c₂t^2 + …`; a precision (`{:.3}`) applies to every coefficient.
    #[inline]
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

impl<T: Real, const K: usize> Default for Taylor<T, K> {
    /// Returns zero with zero coefficients.
    #[inline]
    fn default() -> Self {
        Self::constant(T::default())
    }
}

crate::types::number_type! {
    Taylor<T, K>,
    functions: own,
    serde: "Taylor" { re: scalar = |x: &Taylor<T, K>| x.re, coeffs: array(K) = |x: &Taylor<T, K>| x.coeffs }
        => |re, coeffs| Ok::<_, core::convert::Infallible>(Taylor::new(re, coeffs)),
    scalars: 1 + K,
}
