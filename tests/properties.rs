//! Property tests over each smooth function's domain:
//! - first derivatives (`Dual64`) against central differences of the plain `f64` function;
//! - second derivatives (`HyperDual64`) against central second differences;
//! - a consistency check between two independent code paths of the library (the second
//!   derivative from `Dual<Dual64>` against the one from `HyperDual64`) — this is not a
//!   correctness reference, only a check that the two chain rules agree;
//! - the value part of random expression trees is bit for bit the plain `f64` evaluation on every
//!   dual type.

mod common;
use common::*;

use core::ops::{Add, Div, Mul, Sub};
use dualdiff::{Dual, Dual64, DualVec64, HyperDual, HyperDual64, Scalar};
use num_traits::Float;
use proptest::prelude::*;

type DD = Dual<Dual64>;

/// Cases per property: keeps the whole file at a few seconds in debug mode.
const CASES: u32 = 256;

/// First derivative against `central` (error ~1e-10 relative on these domains).
const D1_TOL: f64 = 1e-6;
/// Second derivative against `central2` (error ~1e-6 relative on these domains).
const D2_TOL: f64 = 1e-4;
/// Consistency between the `Dual<Dual64>` and `HyperDual64` second derivatives: a few ulps.
const CONSISTENCY_TOL: f64 = 1e-13;

/// Checks one smooth function of one variable at `x`, given as the same generic function
/// instantiated on `f64`, `Dual64`, `HyperDual64` and `Dual<Dual64>`.
#[track_caller]
fn check1(
    f: impl Fn(f64) -> f64,
    fd: impl Fn(Dual64) -> Dual64,
    fh: impl Fn(HyperDual64) -> HyperDual64,
    fdd: impl Fn(DD) -> DD,
    x: f64,
) {
    let value = f(x);
    assert!(value.is_finite(), "premise: f({x}) = {value} is finite");

    let d = fd(Dual64::variable(x));
    assert_eq!(d.re.to_bits(), value.to_bits(), "Dual64 value at {x}");
    assert_close(d.eps, central(&f, x), D1_TOL);

    let h = fh(HyperDual64::variable(x));
    assert_eq!(h.re.to_bits(), value.to_bits(), "HyperDual64 value at {x}");
    assert_close(h.e1, central(&f, x), D1_TOL);
    assert_close(h.e12, central2(&f, x), D2_TOL);

    // consistency check (library against itself, two code paths): f'' from Dual<Dual64>
    let dd = fdd(Dual::new(Dual64::new(x, 1.0), Dual64::new(1.0, 0.0)));
    assert_eq!(
        dd.re.re.to_bits(),
        value.to_bits(),
        "Dual<Dual64> value at {x}"
    );
    assert_close(dd.eps.eps, h.e12, CONSISTENCY_TOL);
}

/// A property test for one smooth function `|x| body` over the strategy `domain`.
macro_rules! smooth {
    ($name:ident, $domain:expr, |$x:ident| $body:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(CASES))]
            #[test]
            fn $name($x in $domain) {
                fn f<T: Scalar>($x: T) -> T {
                    $body
                }
                check1(f::<f64>, f::<Dual64>, f::<HyperDual64>, f::<DD>, $x);
            }
        }
    };
}

smooth!(sin, -10.0..10.0f64, |x| x.sin());
smooth!(cos, -10.0..10.0f64, |x| x.cos());
smooth!(tan, -1.4..1.4f64, |x| x.tan());
smooth!(exp, -20.0..=20.0f64, |x| x.exp());
smooth!(exp2, -20.0..=20.0f64, |x| x.exp2());
smooth!(exp_m1, -20.0..=20.0f64, |x| x.exp_m1());
smooth!(ln, 0.05..1000.0f64, |x| x.ln());
smooth!(ln_1p, -0.95..1000.0f64, |x| x.ln_1p());
smooth!(log2, 0.05..1000.0f64, |x| x.log2());
smooth!(log10, 0.05..1000.0f64, |x| x.log10());
smooth!(sqrt, 0.05..1000.0f64, |x| x.sqrt());
smooth!(cbrt_positive, 0.05..1000.0f64, |x| x.cbrt());
smooth!(cbrt_negative, -1000.0..-0.05f64, |x| x.cbrt());
smooth!(recip, 0.1..100.0f64, |x| x.recip());
smooth!(powi, -5.0..5.0f64, |x| x.powi(5));
smooth!(asin, -0.99..0.99f64, |x| x.asin());
smooth!(acos, -0.99..0.99f64, |x| x.acos());
smooth!(atanh, -0.99..0.99f64, |x| x.atanh());
smooth!(acosh, 1.01..100.0f64, |x| x.acosh());
smooth!(atan, -50.0..50.0f64, |x| x.atan());
smooth!(sinh, -20.0..20.0f64, |x| x.sinh());
smooth!(cosh, -20.0..20.0f64, |x| x.cosh());
smooth!(tanh, -10.0..10.0f64, |x| x.tanh());
smooth!(asinh, -100.0..100.0f64, |x| x.asinh());
smooth!(erf, -5.0..5.0f64, |x| x.erf());
smooth!(erfc, -5.0..5.0f64, |x| x.erfc());
smooth!(gamma, 0.1..10.0f64, |x| x.gamma());
smooth!(ln_gamma, 0.1..50.0f64, |x| x.ln_gamma());
smooth!(digamma, 0.1..50.0f64, |x| x.digamma());
smooth!(composite, -3.0..3.0f64, |x| (x.sin() * x.exp()).atan()
    + (x * x + T::one()).ln());

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// `x^p` with a constant exponent `p`.
    #[test]
    fn powf_constant_exponent(x in 0.1..10.0f64, p in -3.0..3.0f64) {
        fn f<T: Scalar>(x: T, p: f64) -> T {
            x.powf(T::from(p).unwrap())
        }
        check1(|x| f(x, p), |x| f(x, p), |x| f(x, p), |x| f(x, p), x);
    }

    /// `x^n` for an integer exponent, on both signs of the base, through `powf`.
    #[test]
    fn powf_integer_exponent_negative_base(x in -10.0..-0.1f64, n in 0i32..6) {
        fn f<T: Scalar>(x: T, n: i32) -> T {
            x.powf(T::from(n).unwrap())
        }
        check1(|x| f(x, n), |x| f(x, n), |x| f(x, n), |x| f(x, n), x);
    }
}

// ---------------------------------------------------------------------------------------------
// Functions of two arguments: each partial separately, plus the mixed partial by hand
// ---------------------------------------------------------------------------------------------

/// Checks a two-argument function in each argument with the other held constant.
fn check2<F64, FD, FH, FDD>(f: F64, fd: FD, fh: FH, fdd: FDD, x: f64, y: f64)
where
    F64: Fn(f64, f64) -> f64,
    FD: Fn(Dual64, Dual64) -> Dual64,
    FH: Fn(HyperDual64, HyperDual64) -> HyperDual64,
    FDD: Fn(DD, DD) -> DD,
{
    // in x
    check1(
        |t| f(t, y),
        |t| fd(t, Dual64::constant(y)),
        |t| fh(t, HyperDual64::constant(y)),
        |t| fdd(t, DD::constant(Dual64::constant(y))),
        x,
    );
    // in y
    check1(
        |t| f(x, t),
        |t| fd(Dual64::constant(x), t),
        |t| fh(HyperDual64::constant(x), t),
        |t| fdd(DD::constant(Dual64::constant(x)), t),
        y,
    );
}

/// The mixed partial `∂²f/∂x∂y` from `HyperDual64` (ε₁ on x, ε₂ on y).
fn mixed(fh: impl Fn(HyperDual64, HyperDual64) -> HyperDual64, x: f64, y: f64) -> f64 {
    fh(
        HyperDual::new(x, 1.0, 0.0, 0.0),
        HyperDual::new(y, 0.0, 1.0, 0.0),
    )
    .e12
}

fn hypot<T: Scalar>(x: T, y: T) -> T {
    x.hypot(y)
}

fn atan2<T: Scalar>(y: T, x: T) -> T {
    y.atan2(x)
}

/// A point of `(−10, 10)²` at distance > 0.5 from the origin.
fn away_from_origin() -> impl Strategy<Value = (f64, f64)> {
    (-10.0..10.0f64, -10.0..10.0f64).prop_filter("away from the origin", |(x, y)| x.hypot(*y) > 0.5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn hypot_partials((x, y) in away_from_origin()) {
        check2(hypot::<f64>, hypot::<Dual64>, hypot::<HyperDual64>, hypot::<DD>, x, y);
        // ∂²/∂x∂y √(x² + y²) = −xy/(x² + y²)^(3/2)
        let h = x.hypot(y);
        assert_close(mixed(hypot::<HyperDual64>, x, y), -x * y / (h * h * h), 1e-12);
    }

    #[test]
    fn atan2_partials(
        (y, x) in away_from_origin().prop_filter("off the branch cut", |(y, x)| *x > 0.0 || y.abs() > 1e-2)
    ) {
        check2(atan2::<f64>, atan2::<Dual64>, atan2::<HyperDual64>, atan2::<DD>, y, x);
        // ∂²/∂y∂x atan2(y, x) = (y² − x²)/(x² + y²)²
        let r2 = x * x + y * y;
        assert_close(mixed(atan2::<HyperDual64>, y, x), (y * y - x * x) / (r2 * r2), 1e-12);
    }
}

// ---------------------------------------------------------------------------------------------
// Value part of random expression trees: bit for bit the f64 evaluation
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Expr {
    X,
    Y,
    C(f64),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Div(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    /// `e + c`, `e · c`, `e / c` with the inner scalar on the right.
    AddC(Box<Expr>, f64),
    MulC(Box<Expr>, f64),
    DivC(Box<Expr>, f64),
    /// `c − e`, `c / e` with a primitive on the left.
    CSub(f64, Box<Expr>),
    CDiv(f64, Box<Expr>),
    Sin(Box<Expr>),
    Exp(Box<Expr>),
    SqrtAbs(Box<Expr>),
    LnAbs(Box<Expr>),
    Tanh(Box<Expr>),
    Atan(Box<Expr>),
    Powi(Box<Expr>, i32),
    Hypot(Box<Expr>, Box<Expr>),
    Atan2(Box<Expr>, Box<Expr>),
    MulAdd(Box<Expr>, Box<Expr>, Box<Expr>),
    Max(Box<Expr>, Box<Expr>),
}

/// The operations of `T` that the trees use, with `f64` scalars on either side.
trait Num: Float + Add<f64, Output = Self> + Mul<f64, Output = Self> + Div<f64, Output = Self>
where
    f64: Sub<Self, Output = Self> + Div<Self, Output = Self>,
{
}

impl<T> Num for T
where
    T: Float + Add<f64, Output = T> + Mul<f64, Output = T> + Div<f64, Output = T>,
    f64: Sub<T, Output = T> + Div<T, Output = T>,
{
}

fn eval<T: Num>(e: &Expr, x: T, y: T) -> T
where
    f64: Sub<T, Output = T> + Div<T, Output = T>,
{
    let ev = |e: &Expr| eval(e, x, y);
    match e {
        Expr::X => x,
        Expr::Y => y,
        Expr::C(c) => T::from(*c).unwrap(),
        Expr::Add(a, b) => ev(a) + ev(b),
        Expr::Sub(a, b) => ev(a) - ev(b),
        Expr::Mul(a, b) => ev(a) * ev(b),
        Expr::Div(a, b) => ev(a) / ev(b),
        Expr::Neg(a) => -ev(a),
        Expr::AddC(a, c) => ev(a) + *c,
        Expr::MulC(a, c) => ev(a) * *c,
        Expr::DivC(a, c) => ev(a) / *c,
        Expr::CSub(c, a) => *c - ev(a),
        Expr::CDiv(c, a) => *c / ev(a),
        Expr::Sin(a) => ev(a).sin(),
        Expr::Exp(a) => ev(a).exp(),
        Expr::SqrtAbs(a) => ev(a).abs().sqrt(),
        Expr::LnAbs(a) => ev(a).abs().ln(),
        Expr::Tanh(a) => ev(a).tanh(),
        Expr::Atan(a) => ev(a).atan(),
        Expr::Powi(a, n) => ev(a).powi(*n),
        Expr::Hypot(a, b) => ev(a).hypot(ev(b)),
        Expr::Atan2(a, b) => ev(a).atan2(ev(b)),
        Expr::MulAdd(a, b, c) => ev(a).mul_add(ev(b), ev(c)),
        Expr::Max(a, b) => ev(a).max(ev(b)),
    }
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        Just(Expr::X),
        Just(Expr::Y),
        (-3.0..3.0f64).prop_map(Expr::C)
    ];
    leaf.prop_recursive(5, 40, 3, |inner| {
        let c = -3.0..3.0f64;
        let b = || inner.clone().prop_map(Box::new);
        prop_oneof![
            (b(), b()).prop_map(|(a, b)| Expr::Add(a, b)),
            (b(), b()).prop_map(|(a, b)| Expr::Sub(a, b)),
            (b(), b()).prop_map(|(a, b)| Expr::Mul(a, b)),
            (b(), b()).prop_map(|(a, b)| Expr::Div(a, b)),
            b().prop_map(Expr::Neg),
            (b(), c.clone()).prop_map(|(a, c)| Expr::AddC(a, c)),
            (b(), c.clone()).prop_map(|(a, c)| Expr::MulC(a, c)),
            (b(), c.clone()).prop_map(|(a, c)| Expr::DivC(a, c)),
            (c.clone(), b()).prop_map(|(c, a)| Expr::CSub(c, a)),
            (c.clone(), b()).prop_map(|(c, a)| Expr::CDiv(c, a)),
            b().prop_map(Expr::Sin),
            b().prop_map(Expr::Exp),
            b().prop_map(Expr::SqrtAbs),
            b().prop_map(Expr::LnAbs),
            b().prop_map(Expr::Tanh),
            b().prop_map(Expr::Atan),
            (b(), -3i32..5).prop_map(|(a, n)| Expr::Powi(a, n)),
            (b(), b()).prop_map(|(a, b)| Expr::Hypot(a, b)),
            (b(), b()).prop_map(|(a, b)| Expr::Atan2(a, b)),
            (b(), b(), b()).prop_map(|(a, b, c)| Expr::MulAdd(a, b, c)),
            (b(), b()).prop_map(|(a, b)| Expr::Max(a, b)),
        ]
    })
}

/// Bit-identical, with any NaN equal to any NaN.
fn same_bits(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn expression_values_are_the_plain_evaluation(e in expr(), x in -4.0..4.0f64, y in -4.0..4.0f64) {
        let plain = eval(&e, x, y);

        let d = eval(&e, Dual64::variable(x), Dual64::constant(y)).re;
        prop_assert!(same_bits(d, plain), "Dual64: {d:e} vs f64 {plain:e}");

        let v = eval(&e, DualVec64::<2>::variable(x, 0), DualVec64::<2>::variable(y, 1)).re;
        prop_assert!(same_bits(v, plain), "DualVec64<2>: {v:e} vs f64 {plain:e}");

        let h = eval(&e, HyperDual::new(x, 1.0, 0.0, 0.0), HyperDual::new(y, 0.0, 1.0, 0.0)).re;
        prop_assert!(same_bits(h, plain), "HyperDual64: {h:e} vs f64 {plain:e}");
    }
}
