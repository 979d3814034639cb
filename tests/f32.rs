//! Every elementary function, and the drivers, on the `f32` types: `Dual32`, `DualVec32<3>`,
//! `HyperDual32` and `Dual2Vec32<2>`.
//!
//! At each point the value part must be bit for bit the plain `f32` evaluation, and every
//! derivative part must match a closed form written out here, evaluated in `f64` at the same
//! (exactly widened) point and rounded to `f32`, within [`TOL`]. Parts that the seeding makes
//! zero (the unseeded directions) must be exactly zero.
//!
//! The gamma family's references are literature values (`Γ(1/2) = √π`, `ψ(1) = −γ`,
//! `ψ₁(1) = π²/6`, `ψ₂(1) = −2ζ(3)`, …) carried to the test points by the recurrences, never
//! the library's own special functions.
#![allow(
    clippy::float_cmp,
    reason = "bit-identical values and exact zeros are the point of many checks"
)]
#![allow(
    clippy::cast_possible_truncation,
    reason = "rounding the f64 closed forms to f32 is the point"
)]

mod common;

use common::assert_close;
use dualdiff::{
    Dual2Vec32, Dual32, DualVec32, HyperDual32, Real, derivative, gradient, hessian, hvp, jacobian,
    jvp, second_derivative,
};
use std::f64::consts::{FRAC_2_SQRT_PI, LN_2, LN_10, PI};

/// Derivative parts against the rounded `f64` closed form: `|a − e| ≤ TOL·max(|e|, 1)`.
///
/// `f32`'s epsilon is 1.19e-7, so this is about 8 ulps: each derivative formula rounds a few
/// times (`asin' = 1/√((1−x)(1+x))` four times, the chain rule's products once or twice more),
/// and the rounding of the reference to `f32` adds half an ulp.
const TOL: f32 = 1e-6;

/// Lifts an `f64` constant into any scalar type (every derivative part zero).
fn c<T: Real>(v: f64) -> T {
    T::from_f64(v).expect("every f64 converts")
}

/// Rounds an `f64` reference to `f32`.
fn r(x: f64) -> f32 {
    x as f32
}

/// Asserts `actual` is `expected` bit for bit.
#[track_caller]
fn assert_bits(actual: f32, expected: f32, what: &str) {
    assert!(
        actual.to_bits() == expected.to_bits(),
        "{what}: value part {actual:e} is not the plain f32 value {expected:e}"
    );
}

/// Asserts an unseeded part is exactly zero.
#[track_caller]
fn assert_zero(actual: f32, what: &str) {
    assert!(actual == 0.0, "{what}: unseeded part is {actual:e}, not 0");
}

// =============================================================================================
// Functions of one variable
// =============================================================================================

/// The function evaluated on each type, generated from one generic body.
struct OnEveryType {
    plain: fn(f32) -> f32,
    dual: fn(Dual32) -> Dual32,
    vec: fn(DualVec32<3>) -> DualVec32<3>,
    hyper: fn(HyperDual32) -> HyperDual32,
    second: fn(Dual2Vec32<2>) -> Dual2Vec32<2>,
}

/// Checks `f` at every point against `f'` and `f''` written in `f64`.
fn check_unary(f: &OnEveryType, points: &[f32], d1: fn(f64) -> f64, d2: fn(f64) -> f64) {
    for &x in points {
        let at = |ty: &str| format!("{ty} at x = {x:e}");
        let value = (f.plain)(x);
        let x64 = f64::from(x);
        let (df, d2f) = (r(d1(x64)), r(d2(x64)));

        let d = (f.dual)(Dual32::variable(x));
        assert_bits(d.re, value, &at("Dual32"));
        println!("{}: eps", at("Dual32"));
        assert_close(d.eps, df, TOL);

        let v = (f.vec)(DualVec32::<3>::variable(x, 1));
        assert_bits(v.re, value, &at("DualVec32<3>"));
        assert_zero(v.eps[0], &at("DualVec32<3>"));
        assert_zero(v.eps[2], &at("DualVec32<3>"));
        println!("{}: eps[1]", at("DualVec32<3>"));
        assert_close(v.eps[1], df, TOL);

        let h = (f.hyper)(HyperDual32::variable(x));
        assert_bits(h.re, value, &at("HyperDual32"));
        println!("{}: e1, e2, e12", at("HyperDual32"));
        assert_close(h.e1, df, TOL);
        assert_close(h.e2, df, TOL);
        assert_close(h.e12, d2f, TOL);

        let g = (f.second)(Dual2Vec32::<2>::variable(x, 0));
        assert_bits(g.re, value, &at("Dual2Vec32<2>"));
        assert_zero(g.grad[1], &at("Dual2Vec32<2>"));
        assert_zero(g.hess(0, 1), &at("Dual2Vec32<2>"));
        assert_zero(g.hess(1, 1), &at("Dual2Vec32<2>"));
        println!("{}: grad[0], hess(0, 0)", at("Dual2Vec32<2>"));
        assert_close(g.grad[0], df, TOL);
        assert_close(g.hess(0, 0), d2f, TOL);
    }
}

/// `unary!(test_name, |x| generic body, [points], f', f'')`: one test per function.
macro_rules! unary {
    ($test:ident, |$x:ident| $body:expr, [$($p:expr),* $(,)?], $d1:expr, $d2:expr $(,)?) => {
        #[test]
        fn $test() {
            fn f<T: Real>($x: T) -> T {
                $body
            }
            let on = OnEveryType {
                plain: f::<f32>,
                dual: f::<Dual32>,
                vec: f::<DualVec32<3>>,
                hyper: f::<HyperDual32>,
                second: f::<Dual2Vec32<2>>,
            };
            check_unary(&on, &[$($p),*], $d1, $d2);
        }
    };
    // For the inherent methods that `Real` does not have: one closure per concrete type, and
    // the plain `f32` form spelled out.
    ($test:ident, inherent |$x:ident| $body:expr, plain |$px:ident| $plain:expr,
     [$($p:expr),* $(,)?], $d1:expr, $d2:expr $(,)?) => {
        #[test]
        fn $test() {
            let on = OnEveryType {
                plain: |$px: f32| -> f32 { $plain },
                dual: |$x: Dual32| -> Dual32 { $body },
                vec: |$x: DualVec32<3>| -> DualVec32<3> { $body },
                hyper: |$x: HyperDual32| -> HyperDual32 { $body },
                second: |$x: Dual2Vec32<2>| -> Dual2Vec32<2> { $body },
            };
            check_unary(&on, &[$($p),*], $d1, $d2);
        }
    };
}

// ----- sign, rounding -----

unary!(
    abs,
    |x| x.abs(),
    [-2.5, -0.5, 0.75, 3.0],
    |x| x.signum(),
    |_| 0.0
);
unary!(
    signum,
    |x| x.signum(),
    [-2.5, -0.5, 0.75, 3.0],
    |_| 0.0,
    |_| 0.0
);
unary!(
    floor,
    |x| x.floor(),
    [-2.5, -0.3, 0.7, 1.5, 3.2],
    |_| 0.0,
    |_| 0.0
);
unary!(
    ceil,
    |x| x.ceil(),
    [-2.5, -0.3, 0.7, 1.5, 3.2],
    |_| 0.0,
    |_| 0.0
);
unary!(
    round,
    |x| x.round(),
    [-2.5, -0.3, 0.7, 1.5, 3.2],
    |_| 0.0,
    |_| 0.0
);
unary!(
    trunc,
    |x| x.trunc(),
    [-2.5, -0.3, 0.7, 1.5, 3.2],
    |_| 0.0,
    |_| 0.0
);
unary!(
    fract,
    |x| x.fract(),
    [-2.5, -0.3, 0.7, 1.5, 3.2],
    |_| 1.0,
    |_| 0.0
);
unary!(
    copysign_of_constant_sign,
    |x| x.copysign(c(-1.0)),
    [-2.5, 0.5, 3.0],
    |x| if x < 0.0 { 1.0 } else { -1.0 },
    |_| 0.0,
);
unary!(
    clamp_inside_and_outside,
    |x| x.clamp(c(-1.0), c(2.0)),
    [-3.0, -0.5, 1.5, 4.0],
    |x| if (-1.0..=2.0).contains(&x) { 1.0 } else { 0.0 },
    |_| 0.0,
);
unary!(
    max_with_constant,
    |x| x.max(c(0.5)),
    [-1.0, 0.25, 0.75, 3.0],
    |x| if x > 0.5 { 1.0 } else { 0.0 },
    |_| 0.0,
);
unary!(
    min_with_constant,
    |x| x.min(c(0.5)),
    [-1.0, 0.25, 0.75, 3.0],
    |x| if x < 0.5 { 1.0 } else { 0.0 },
    |_| 0.0,
);
unary!(
    abs_sub_of_constant,
    |x| x.abs_sub(c(1.0)),
    [-1.0, 0.5, 1.5, 4.0],
    |x| if x > 1.0 { 1.0 } else { 0.0 },
    |_| 0.0,
);
unary!(
    mul_add_with_constants,
    |x| x.mul_add(c(3.0), c(0.5)),
    [-2.0, 0.1, 1.7],
    |_| 3.0,
    |_| 0.0,
);
unary!(
    mul_add_of_square,
    |x| x.mul_add(x, c(0.5)),
    [-2.0, 0.1, 1.7],
    |x| 2.0 * x,
    |_| 2.0,
);

// ----- powers and roots -----

unary!(
    recip,
    |x| x.recip(),
    [-3.0, -0.5, 0.25, 2.0, 7.0],
    |x| -1.0 / (x * x),
    |x| 2.0 / (x * x * x)
);
unary!(
    powi_cube,
    |x| x.powi(3),
    [-1.5, 0.5, 2.0],
    |x| 3.0 * x * x,
    |x| 6.0 * x,
);
unary!(
    powi_negative,
    |x| x.powi(-2),
    [-1.5, 0.5, 2.0],
    |x| -2.0 / (x * x * x),
    |x| 6.0 / (x * x * x * x),
);
unary!(powi_zero, |x| x.powi(0), [-1.5, 0.5, 2.0], |_| 0.0, |_| 0.0);
unary!(powi_one, |x| x.powi(1), [-1.5, 0.5, 2.0], |_| 1.0, |_| 0.0);
unary!(
    powf_constant_exponent,
    |x| x.powf(c(2.5)),
    [0.5, 1.0, 3.0],
    |x| 2.5 * x.powf(1.5),
    |x| 3.75 * x.sqrt(),
);
unary!(
    powf_negative_exponent,
    |x| x.powf(c(-0.5)),
    [0.25, 2.0, 9.0],
    |x| -0.5 * x.powf(-1.5),
    |x| 0.75 * x.powf(-2.5),
);
unary!(
    powf_integer_exponent_negative_base,
    |x| x.powf(c(3.0)),
    [-2.0, -0.5, 1.5],
    |x| 3.0 * x * x,
    |x| 6.0 * x,
);
unary!(
    powf_constant_base,
    |x| c::<T>(2.5).powf(x),
    [-1.0, 0.5, 3.0],
    |x| 2.5f64.powf(x) * 2.5f64.ln(),
    |x| 2.5f64.powf(x) * 2.5f64.ln().powi(2),
);
unary!(
    sqrt,
    |x| x.sqrt(),
    [0.25, 1.0, 2.0, 10.0],
    |x| 0.5 / x.sqrt(),
    |x| -0.25 / (x * x.sqrt()),
);
unary!(
    cbrt,
    |x| x.cbrt(),
    [-8.0, -0.5, 0.3, 2.0, 27.0],
    |x| 1.0 / (3.0 * x.cbrt().powi(2)),
    |x| -2.0 / (9.0 * x.cbrt().powi(5)),
);
unary!(
    hypot_with_constant,
    |x| x.hypot(c(3.0)),
    [-4.0, 0.5, 2.0],
    |x| x / x.hypot(3.0),
    |x| 9.0 / x.hypot(3.0).powi(3),
);

// ----- exponentials and logarithms -----

unary!(
    exp,
    |x| x.exp(),
    [-3.0, -0.5, 0.0, 1.0, 4.0],
    f64::exp,
    f64::exp
);
unary!(
    exp2,
    |x| x.exp2(),
    [-3.0, -0.5, 0.0, 1.0, 4.0],
    |x| x.exp2() * LN_2,
    |x| x.exp2() * LN_2 * LN_2,
);
unary!(
    exp_m1,
    |x| x.exp_m1(),
    [-1.0, -1e-3, 1e-3, 0.5, 2.0],
    f64::exp,
    f64::exp
);
unary!(
    ln,
    |x| x.ln(),
    [0.1, 0.5, 1.0, 2.0, 100.0],
    |x| 1.0 / x,
    |x| -1.0 / (x * x)
);
unary!(
    ln_1p,
    |x| x.ln_1p(),
    [-0.5, -1e-3, 0.0, 1.0, 10.0],
    |x| 1.0 / (1.0 + x),
    |x| -1.0 / ((1.0 + x) * (1.0 + x)),
);
unary!(
    log2,
    |x| x.log2(),
    [0.1, 1.0, 3.0, 64.0],
    |x| 1.0 / (x * LN_2),
    |x| -1.0 / (x * x * LN_2),
);
unary!(
    log10,
    |x| x.log10(),
    [0.1, 1.0, 3.0, 1000.0],
    |x| 1.0 / (x * LN_10),
    |x| -1.0 / (x * x * LN_10),
);
unary!(
    log_constant_base,
    |x| x.log(c(3.0)),
    [0.2, 1.0, 5.0],
    |x| 1.0 / (x * 3f64.ln()),
    |x| -1.0 / (x * x * 3f64.ln()),
);
unary!(
    log_variable_base,
    |x| c::<T>(5.0).log(x),
    [0.3, 2.0, 7.0],
    |b| -5f64.ln() / (b * b.ln().powi(2)),
    |b| 5f64.ln() * (b.ln() + 2.0) / (b * b * b.ln().powi(3)),
);

// ----- trigonometric -----

unary!(
    sin,
    |x| x.sin(),
    [-2.0, -0.5, 0.3, 1.0, 2.5],
    f64::cos,
    |x| -x.sin()
);
unary!(
    cos,
    |x| x.cos(),
    [-2.0, -0.5, 0.3, 1.0, 2.5],
    |x| -x.sin(),
    |x| -x.cos()
);
unary!(
    sin_cos_sine,
    |x| x.sin_cos().0,
    [-2.0, 0.3, 2.5],
    f64::cos,
    |x| -x.sin(),
);
unary!(
    sin_cos_cosine,
    |x| x.sin_cos().1,
    [-2.0, 0.3, 2.5],
    |x| -x.sin(),
    |x| -x.cos(),
);
unary!(
    tan,
    |x| x.tan(),
    [-1.2, -0.5, 0.3, 1.0, 2.5],
    |x| 1.0 / x.cos().powi(2),
    |x| 2.0 * x.sin() / x.cos().powi(3),
);
unary!(
    asin,
    |x| x.asin(),
    [-0.9, -0.3, 0.0, 0.5, 0.8],
    |x| 1.0 / (1.0 - x * x).sqrt(),
    |x| x / (1.0 - x * x).powf(1.5),
);
unary!(
    acos,
    |x| x.acos(),
    [-0.9, -0.3, 0.0, 0.5, 0.8],
    |x| -1.0 / (1.0 - x * x).sqrt(),
    |x| -x / (1.0 - x * x).powf(1.5),
);
unary!(
    atan,
    |x| x.atan(),
    [-5.0, -1.0, 0.0, 0.5, 3.0],
    |x| 1.0 / (1.0 + x * x),
    |x| -2.0 * x / (1.0 + x * x).powi(2),
);
unary!(
    atan2_as_numerator,
    |y| y.atan2(c(2.0)),
    [-3.0, 0.5, 1.0],
    |y| 2.0 / (y * y + 4.0),
    |y| -4.0 * y / (y * y + 4.0).powi(2),
);
unary!(
    atan2_as_denominator,
    |x| c::<T>(1.5).atan2(x),
    [-3.0, 0.0, 0.5, 2.0],
    |x| -1.5 / (x * x + 2.25),
    |x| 3.0 * x / (x * x + 2.25).powi(2),
);

// ----- hyperbolic -----

unary!(
    sinh,
    |x| x.sinh(),
    [-3.0, -0.5, 0.0, 1.0, 2.5],
    f64::cosh,
    f64::sinh
);
unary!(
    cosh,
    |x| x.cosh(),
    [-3.0, -0.5, 0.0, 1.0, 2.5],
    f64::sinh,
    f64::cosh
);
unary!(
    tanh,
    |x| x.tanh(),
    [-3.0, -0.5, 0.0, 1.0, 2.5],
    |x| 1.0 / x.cosh().powi(2),
    |x| -2.0 * x.sinh() / x.cosh().powi(3),
);
unary!(
    asinh,
    |x| x.asinh(),
    [-3.0, -0.5, 0.0, 1.0, 10.0],
    |x| 1.0 / (x * x + 1.0).sqrt(),
    |x| -x / (x * x + 1.0).powf(1.5),
);
unary!(
    acosh,
    |x| x.acosh(),
    [1.1, 1.5, 3.0, 10.0],
    |x| 1.0 / (x * x - 1.0).sqrt(),
    |x| -x / (x * x - 1.0).powf(1.5),
);
unary!(
    atanh,
    |x| x.atanh(),
    [-0.9, -0.3, 0.0, 0.5, 0.8],
    |x| 1.0 / (1.0 - x * x),
    |x| 2.0 * x / (1.0 - x * x).powi(2),
);

// ----- angles -----

unary!(
    to_degrees,
    |x| x.to_degrees(),
    [-2.0, 0.5, 3.0],
    |_| 180.0 / PI,
    |_| 0.0
);
unary!(
    to_radians,
    |x| x.to_radians(),
    [-90.0, 45.0, 270.0],
    |_| PI / 180.0,
    |_| 0.0
);

// ----- special functions -----

unary!(
    erf,
    |x| x.erf(),
    [-2.0, -0.5, 0.0, 0.7, 1.5],
    |x| FRAC_2_SQRT_PI * (-x * x).exp(),
    |x| -2.0 * x * FRAC_2_SQRT_PI * (-x * x).exp(),
);
unary!(
    erfc,
    |x| x.erfc(),
    [-2.0, -0.5, 0.0, 0.7, 1.5],
    |x| -FRAC_2_SQRT_PI * (-x * x).exp(),
    |x| 2.0 * x * FRAC_2_SQRT_PI * (-x * x).exp(),
);

/// Returns `[Γ(x), ψ(x), ψ₁(x), ψ₂(x), ψ₃(x)]` at an integer or half-integer `x` (not a pole),
/// from the literature values at 1 and 1/2 and the recurrences
/// `Γ(x+1) = xΓ(x)`, `ψ⁽ⁿ⁾(x+1) = ψ⁽ⁿ⁾(x) + (−1)ⁿ n!/xⁿ⁺¹`.
fn gamma_family(x: f64) -> [f64; 5] {
    const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;
    const ZETA_3: f64 = 1.202_056_903_159_594_3;
    let (mut t, mut v) = if x == x.round() {
        let at_one = [
            1.0,
            -EULER_GAMMA,
            PI * PI / 6.0,
            -2.0 * ZETA_3,
            PI.powi(4) / 15.0,
        ];
        (1.0, at_one)
    } else {
        let at_half = [
            PI.sqrt(),
            -EULER_GAMMA - 2.0 * LN_2,
            PI * PI / 2.0,
            -14.0 * ZETA_3,
            PI.powi(4),
        ];
        (0.5, at_half)
    };
    while t < x {
        v = [
            v[0] * t,
            v[1] + 1.0 / t,
            v[2] - 1.0 / t.powi(2),
            v[3] + 2.0 / t.powi(3),
            v[4] - 6.0 / t.powi(4),
        ];
        t += 1.0;
    }
    while t > x {
        t -= 1.0;
        v = [
            v[0] / t,
            v[1] - 1.0 / t,
            v[2] + 1.0 / t.powi(2),
            v[3] - 2.0 / t.powi(3),
            v[4] + 6.0 / t.powi(4),
        ];
    }
    v
}

unary!(
    gamma,
    |x| x.gamma(),
    [1.0, 1.5, 2.5, 4.0, -0.5, -1.5],
    |x| {
        let [g, p, ..] = gamma_family(x);
        g * p
    },
    |x| {
        let [g, p, p1, ..] = gamma_family(x);
        g * (p * p + p1)
    },
);
unary!(
    ln_gamma,
    |x| x.ln_gamma(),
    [0.5, 1.5, 3.0, 4.5, -0.5],
    |x| gamma_family(x)[1],
    |x| gamma_family(x)[2],
);
unary!(
    digamma,
    |x| x.digamma(),
    [0.5, 1.0, 2.5, 5.0, -0.5],
    |x| gamma_family(x)[2],
    |x| gamma_family(x)[3],
);
unary!(
    trigamma,
    |x| x.polygamma(1),
    [0.5, 1.0, 3.0, -1.5],
    |x| gamma_family(x)[3],
    |x| gamma_family(x)[4],
);

#[test]
fn gamma_family_reference_matches_known_values() {
    // Γ(5) = 24, Γ(−1/2) = −2√π, ψ(2) = 1 − γ, ψ₁(2) = π²/6 − 1.
    assert_eq!(gamma_family(5.0)[0], 24.0);
    assert!((gamma_family(-0.5)[0] + 2.0 * PI.sqrt()).abs() < 1e-15);
    assert!((gamma_family(2.0)[1] - (1.0 - 0.577_215_664_901_532_9)).abs() < 1e-15);
    assert!((gamma_family(2.0)[2] - (PI * PI / 6.0 - 1.0)).abs() < 1e-15);
}

// ----- remainders: the constant on the right and on the left -----

unary!(
    rem_by_constant,
    |x| x % c(2.0),
    [-7.5, -0.5, 3.25, 9.0],
    |_| 1.0,
    |_| 0.0
);
unary!(
    rem_of_constant,
    |y| c::<T>(7.5) % y,
    [-2.0, 0.7, 2.0, 4.0],
    |y| -(7.5 / y).trunc(),
    |_| 0.0,
);
unary!(
    rem_euclid_by_constant,
    inherent | x | x.rem_euclid(c(2.0)),
    plain | x | x.rem_euclid(2.0),
    [-7.5, -0.5, 3.25],
    |_| 1.0,
    |_| 0.0,
);
unary!(
    div_euclid_by_constant,
    inherent | x | x.div_euclid(c(2.0)),
    plain | x | x.div_euclid(2.0),
    [-7.5, -0.5, 3.25],
    |_| 0.0,
    |_| 0.0,
);

// =============================================================================================
// Functions of two variables: both seeded
// =============================================================================================

/// The function of two variables evaluated on each type.
struct OnEveryType2 {
    plain: fn(f32, f32) -> f32,
    dual: fn(Dual32, Dual32) -> Dual32,
    vec: fn(DualVec32<3>, DualVec32<3>) -> DualVec32<3>,
    hyper: fn(HyperDual32, HyperDual32) -> HyperDual32,
    second: fn(Dual2Vec32<2>, Dual2Vec32<2>) -> Dual2Vec32<2>,
}

/// Checks `f(x, y)` against `[fx, fy, fxx, fxy, fyy]` written in `f64`.
fn check_binary(f: &OnEveryType2, points: &[(f32, f32)], partials: fn(f64, f64) -> [f64; 5]) {
    for &(x, y) in points {
        let at = |ty: &str| format!("{ty} at (x, y) = ({x:e}, {y:e})");
        let value = (f.plain)(x, y);
        let [fx, fy, fxx, fxy, fyy] = partials(f64::from(x), f64::from(y)).map(r);

        let dx = (f.dual)(Dual32::variable(x), Dual32::constant(y));
        let dy = (f.dual)(Dual32::constant(x), Dual32::variable(y));
        assert_bits(dx.re, value, &at("Dual32"));
        assert_bits(dy.re, value, &at("Dual32"));
        println!("{}: ∂x, ∂y", at("Dual32"));
        assert_close(dx.eps, fx, TOL);
        assert_close(dy.eps, fy, TOL);

        let v = (f.vec)(DualVec32::variable(x, 0), DualVec32::variable(y, 2));
        assert_bits(v.re, value, &at("DualVec32<3>"));
        assert_zero(v.eps[1], &at("DualVec32<3>"));
        println!("{}: eps[0], eps[2]", at("DualVec32<3>"));
        assert_close(v.eps[0], fx, TOL);
        assert_close(v.eps[2], fy, TOL);

        // ε₁ on x and ε₂ on y: e12 is the mixed partial; both on one argument, the pure one.
        let h = (f.hyper)(
            HyperDual32::new(x, 1.0, 0.0, 0.0),
            HyperDual32::new(y, 0.0, 1.0, 0.0),
        );
        let hx = (f.hyper)(HyperDual32::variable(x), HyperDual32::constant(y));
        let hy = (f.hyper)(HyperDual32::constant(x), HyperDual32::variable(y));
        assert_bits(h.re, value, &at("HyperDual32"));
        println!("{}: e1, e2, e12", at("HyperDual32"));
        assert_close(h.e1, fx, TOL);
        assert_close(h.e2, fy, TOL);
        assert_close(h.e12, fxy, TOL);
        assert_close(hx.e12, fxx, TOL);
        assert_close(hy.e12, fyy, TOL);

        let g = (f.second)(Dual2Vec32::variable(x, 0), Dual2Vec32::variable(y, 1));
        assert_bits(g.re, value, &at("Dual2Vec32<2>"));
        println!("{}: grad, hessian", at("Dual2Vec32<2>"));
        assert_close(g.grad[0], fx, TOL);
        assert_close(g.grad[1], fy, TOL);
        assert_close(g.hess(0, 0), fxx, TOL);
        assert_close(g.hess(0, 1), fxy, TOL);
        assert_close(g.hess(1, 0), fxy, TOL);
        assert_close(g.hess(1, 1), fyy, TOL);
    }
}

/// `binary!(test_name, |x, y| generic body, [points], |x, y| [fx, fy, fxx, fxy, fyy])`.
macro_rules! binary {
    ($test:ident, |$x:ident, $y:ident| $body:expr, [$($p:expr),* $(,)?], $partials:expr $(,)?) => {
        #[test]
        fn $test() {
            fn f<T: Real>($x: T, $y: T) -> T {
                $body
            }
            let on = OnEveryType2 {
                plain: f::<f32>,
                dual: f::<Dual32>,
                vec: f::<DualVec32<3>>,
                hyper: f::<HyperDual32>,
                second: f::<Dual2Vec32<2>>,
            };
            check_binary(&on, &[$($p),*], $partials);
        }
    };
    ($test:ident, inherent |$x:ident, $y:ident| $body:expr,
     plain |$px:ident, $py:ident| $plain:expr, [$($p:expr),* $(,)?], $partials:expr $(,)?) => {
        #[test]
        fn $test() {
            let on = OnEveryType2 {
                plain: |$px: f32, $py: f32| -> f32 { $plain },
                dual: |$x: Dual32, $y: Dual32| -> Dual32 { $body },
                vec: |$x: DualVec32<3>, $y: DualVec32<3>| -> DualVec32<3> { $body },
                hyper: |$x: HyperDual32, $y: HyperDual32| -> HyperDual32 { $body },
                second: |$x: Dual2Vec32<2>, $y: Dual2Vec32<2>| -> Dual2Vec32<2> { $body },
            };
            check_binary(&on, &[$($p),*], $partials);
        }
    };
}

binary!(add, |x, y| x + y, [(1.5, -2.0)], |_, _| [
    1.0, 1.0, 0.0, 0.0, 0.0
]);
binary!(sub, |x, y| x - y, [(1.5, -2.0)], |_, _| [
    1.0, -1.0, 0.0, 0.0, 0.0
]);
binary!(mul, |x, y| x * y, [(1.5, -2.0), (0.3, 7.0)], |x, y| [
    y, x, 0.0, 1.0, 0.0
]);
binary!(div, |x, y| x / y, [(1.5, -2.0), (0.3, 7.0)], |x, y| [
    1.0 / y,
    -x / (y * y),
    0.0,
    -1.0 / (y * y),
    2.0 * x / (y * y * y)
],);
binary!(
    rem,
    |x, y| x % y,
    [(7.5, 2.0), (-7.5, 2.0), (5.5, -1.5)],
    |x, y| [1.0, -(x / y).trunc(), 0.0, 0.0, 0.0],
);
binary!(
    rem_euclid,
    inherent | x,
    y | x.rem_euclid(y),
    plain | x,
    y | x.rem_euclid(y),
    [(7.5, 2.0), (-7.5, 2.0), (-5.5, -1.5)],
    |x, y| [1.0, -x.div_euclid(y), 0.0, 0.0, 0.0],
);
binary!(
    div_euclid,
    inherent | x,
    y | x.div_euclid(y),
    plain | x,
    y | x.div_euclid(y),
    [(7.5, 2.0), (-7.5, 2.0)],
    |_, _| [0.0; 5],
);
binary!(
    hypot,
    |x, y| x.hypot(y),
    [(3.0, 4.0), (-1.5, 2.0), (0.5, -2.5)],
    |x, y| {
        let h = x.hypot(y);
        let h3 = h * h * h;
        [x / h, y / h, y * y / h3, -x * y / h3, x * x / h3]
    },
);
binary!(
    atan2,
    |y, x| y.atan2(x),
    [(1.0, 2.0), (-1.0, 0.5), (2.0, -3.0), (1.5, 0.0)],
    |y, x| {
        let r2 = x * x + y * y;
        let r4 = r2 * r2;
        [
            x / r2,
            -y / r2,
            -2.0 * x * y / r4,
            (y * y - x * x) / r4,
            2.0 * x * y / r4,
        ]
    },
);
binary!(
    powf_both_variable,
    |x, y| x.powf(y),
    [(2.0, 1.5), (0.5, -2.0), (3.0, 0.25)],
    |x, y| {
        let (f, l) = (x.powf(y), x.ln());
        [
            y * x.powf(y - 1.0),
            f * l,
            y * (y - 1.0) * x.powf(y - 2.0),
            x.powf(y - 1.0) * (1.0 + y * l),
            f * l * l,
        ]
    },
);
binary!(
    powd,
    inherent | x,
    y | x.powd(y),
    plain | x,
    y | x.powf(y),
    [(2.0, 1.5), (0.5, -2.0)],
    |x, y| {
        let (f, l) = (x.powf(y), x.ln());
        [
            y * x.powf(y - 1.0),
            f * l,
            y * (y - 1.0) * x.powf(y - 2.0),
            x.powf(y - 1.0) * (1.0 + y * l),
            f * l * l,
        ]
    },
);
binary!(
    log,
    |x, b| x.log(b),
    [(5.0, 2.0), (0.3, 10.0), (8.0, 0.5)],
    |x, b| {
        let (lx, lb) = (x.ln(), b.ln());
        [
            1.0 / (x * lb),
            -lx / (b * lb * lb),
            -1.0 / (x * x * lb),
            -1.0 / (x * b * lb * lb),
            lx * (lb + 2.0) / (b * b * lb.powi(3)),
        ]
    },
);
binary!(
    copysign,
    |x, s| x.copysign(s),
    [(2.5, -1.0), (-2.5, -1.0), (2.5, 3.0)],
    |x, s| {
        let flip = if x.is_sign_negative() == s.is_sign_negative() {
            1.0
        } else {
            -1.0
        };
        [flip, 0.0, 0.0, 0.0, 0.0]
    },
);
binary!(
    max,
    |x, y| x.max(y) * y,
    [(2.5, -1.0), (-2.5, 1.0)],
    // x·y where x wins, y² where y wins
    |x, y| if x > y {
        [y, x, 0.0, 1.0, 0.0]
    } else {
        [0.0, 2.0 * y, 0.0, 0.0, 2.0]
    },
);
binary!(
    min,
    |x, y| x.min(y) * y,
    [(2.5, -1.0), (-2.5, 1.0)],
    |x, y| if x < y {
        [y, x, 0.0, 1.0, 0.0]
    } else {
        [0.0, 2.0 * y, 0.0, 0.0, 2.0]
    },
);
binary!(
    abs_sub,
    |x, y| x.abs_sub(y),
    [(2.5, -1.0), (-2.5, 1.0)],
    |x, y| if x > y {
        [1.0, -1.0, 0.0, 0.0, 0.0]
    } else {
        [0.0; 5]
    },
);
binary!(
    mul_add,
    |x, y| x.mul_add(y, x),
    [(2.5, -1.0), (0.3, 4.0)],
    |x, y| [y + 1.0, x, 0.0, 1.0, 0.0],
);

// =============================================================================================
// Drivers on f32
// =============================================================================================

/// `f(x) = x₀²x₁ + sin(x₁)·x₂ + exp(x₀x₂)`, generic.
fn f3<T: Real>(x: &[T]) -> T {
    x[0] * x[0] * x[1] + x[1].sin() * x[2] + (x[0] * x[2]).exp()
}

/// `f3` and its gradient and Hessian, in f64.
#[allow(
    clippy::type_complexity,
    reason = "a value, a gradient and a matrix, once"
)]
fn f3_reference(x: [f64; 3]) -> (f64, [f64; 3], [[f64; 3]; 3]) {
    let [a, b, c] = x;
    let e = (a * c).exp();
    let f = a * a * b + b.sin() * c + e;
    let g = [2.0 * a * b + c * e, a * a + b.cos() * c, b.sin() + a * e];
    let h = [
        [2.0 * b + c * c * e, 2.0 * a, e + a * c * e],
        [2.0 * a, -b.sin() * c, b.cos()],
        [e + a * c * e, b.cos(), a * a * e],
    ];
    (f, g, h)
}

const X3: [f32; 3] = [0.5, 1.25, -0.75];

fn x3_64() -> [f64; 3] {
    X3.map(f64::from)
}

#[test]
fn derivative_and_second_derivative_on_f32() {
    let (f, df) = derivative(|x| x.sin() * x.exp(), 0.5f32);
    assert_bits(f, 0.5f32.sin() * 0.5f32.exp(), "derivative");
    let x = 0.5f64;
    assert_close(df, r(x.exp() * (x.sin() + x.cos())), TOL);

    let (f, df, d2f) = second_derivative(|x| x.sin() * x.exp(), 0.5f32);
    assert_bits(f, 0.5f32.sin() * 0.5f32.exp(), "second_derivative");
    assert_close(df, r(x.exp() * (x.sin() + x.cos())), TOL);
    assert_close(d2f, r(2.0 * x.exp() * x.cos()), TOL);
}

#[test]
fn gradient_on_f32_every_width() {
    let (f_ref, g_ref, _) = f3_reference(x3_64());
    let check = |(f, g): (f32, Vec<f32>), width: &str| {
        assert_bits(f, f3(&X3), width);
        assert_eq!(g.len(), 3);
        println!("gradient with {width}");
        for (gi, ri) in g.iter().zip(g_ref) {
            assert_close(*gi, r(ri), TOL);
        }
        assert_close(f, r(f_ref), TOL);
    };
    check(gradient(f3::<Dual32>, &X3), "Dual32");
    check(gradient(f3::<DualVec32<2>>, &X3), "DualVec32<2>");
    check(gradient(f3::<DualVec32<3>>, &X3), "DualVec32<3>");
    check(gradient(f3::<DualVec32<8>>, &X3), "DualVec32<8>");
}

#[test]
fn jacobian_on_f32() {
    // F(x, y, z) = (x·y, sin(x) + z², exp(y)·z)
    fn map<T: Real>(v: &[T]) -> Vec<T> {
        vec![v[0] * v[1], v[0].sin() + v[2] * v[2], v[1].exp() * v[2]]
    }
    let [a, b, c] = x3_64();
    let expected = [
        [b, a, 0.0],
        [a.cos(), 0.0, 2.0 * c],
        [0.0, b.exp() * c, b.exp()],
    ];
    for (name, (values, jac)) in [
        ("Dual32", jacobian(map::<Dual32>, &X3)),
        ("DualVec32<2>", jacobian(map::<DualVec32<2>>, &X3)),
        ("DualVec32<4>", jacobian(map::<DualVec32<4>>, &X3)),
    ] {
        println!("jacobian with {name}");
        for (v, p) in values.iter().zip(map(&X3)) {
            assert_bits(*v, p, name);
        }
        assert_eq!(jac.shape(), (3, 3));
        for (i, row) in expected.iter().enumerate() {
            for (j, e) in row.iter().enumerate() {
                assert_close(jac[(i, j)], r(*e), TOL);
            }
        }
    }
}

#[test]
fn jvp_on_f32() {
    fn map<T: Real>(v: &[T]) -> Vec<T> {
        vec![v[0] * v[1], v[0].sin() + v[2] * v[2]]
    }
    let v = [1.0f32, -2.0, 0.5];
    let (values, jv) = jvp(map::<Dual32>, &X3, &v);
    let [a, b, c] = x3_64();
    let v64 = v.map(f64::from);
    assert_bits(values[0], X3[0] * X3[1], "jvp");
    assert_close(jv[0], r(b * v64[0] + a * v64[1]), TOL);
    assert_close(jv[1], r(a.cos() * v64[0] + 2.0 * c * v64[2]), TOL);
}

#[test]
fn hessian_and_hvp_on_f32() {
    let (f_ref, g_ref, h_ref) = f3_reference(x3_64());
    let check = |(f, g, h): (f32, Vec<f32>, nalgebra::DMatrix<f32>), name: &str| {
        println!("hessian with {name}");
        assert_bits(f, f3(&X3), name);
        assert_close(f, r(f_ref), TOL);
        for (gi, ri) in g.iter().zip(g_ref) {
            assert_close(*gi, r(ri), TOL);
        }
        assert_eq!(h.shape(), (3, 3));
        for (i, row) in h_ref.iter().enumerate() {
            for (j, e) in row.iter().enumerate() {
                assert_close(h[(i, j)], r(*e), TOL);
            }
        }
    };
    check(hessian(f3::<HyperDual32>, &X3), "HyperDual32");
    check(hessian(f3::<Dual2Vec32<2>>, &X3), "Dual2Vec32<2>");
    check(hessian(f3::<Dual2Vec32<3>>, &X3), "Dual2Vec32<3>");

    let v = [1.0f32, -2.0, 0.5];
    let (f, hv) = hvp(f3::<HyperDual32>, &X3, &v);
    assert_bits(f, f3(&X3), "hvp");
    for (i, row) in h_ref.iter().enumerate() {
        let e: f64 = row.iter().zip(v).map(|(h, vj)| h * f64::from(vj)).sum();
        assert_close(hv[i], r(e), TOL);
    }
}
