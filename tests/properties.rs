//! Property tests over each smooth function's domain:
//! - first derivatives (`Dual64`, `HyperDual64`) and second derivatives (`HyperDual64`) against
//!   Richardson-extrapolated central differences of the plain `f64` function;
//! - identities (`exp∘ln`, `sin² + cos²`, `atan∘tan`, `√x·√x`, …): the left side, through the
//!   library's rules on `Dual64`, `HyperDual64` and `Taylor64<2>`, has the derivatives of the
//!   right side, written out by hand;
//! - consistency checks between code paths of the library (the second derivative from
//!   `Dual<Dual64>`, `DualVec<Dual64, 1>` and `Dual2Vec64<1>` against the one from
//!   `HyperDual64`) — not a correctness reference, only a check that the chain rules agree;
//! - the value part of random expression trees is bit for bit the plain `f64` evaluation on every
//!   dual type.

mod common;
use common::*;

use core::ops::{Add, Div, Mul, Sub};
use dualdiff::{
    Dual, Dual2Vec64, Dual64, DualVec, DualVec64, HyperDual, HyperDual64, Real, Taylor64,
};
use num_traits::Float;
use proptest::prelude::*;

type DD = Dual<Dual64>;
type DV = DualVec<Dual64, 1>;
type Q = Dual2Vec64<1>;

/// Cases per property: keeps the whole file at a few seconds in debug mode.
const CASES: u32 = 256;

/// First derivative against Richardson extrapolation (`common::richardson`): over every
/// property below the largest difference seen was 1.6e-12 relative.
const D1_TOL: f64 = 1e-10;
/// Second derivative against Richardson extrapolation: the largest difference seen was 2e-9.
const D2_TOL: f64 = 1e-7;
/// Consistency between the `Dual<Dual64>` and `HyperDual64` second derivatives: a few ulps.
const CONSISTENCY_TOL: f64 = 1e-13;

/// A function of one variable, written once, generic over the number type.
trait Smooth {
    fn at<T: Real>(&self, x: T) -> T;
}

/// Checks one smooth function of one variable at `x` on `f64`, `Dual64`, `HyperDual64`,
/// `Dual<Dual64>`, `DualVec<Dual64, 1>` and `Dual2Vec64<1>`.
#[track_caller]
fn check1(f: &impl Smooth, x: f64) {
    let value = f.at(x);
    assert!(value.is_finite(), "premise: f({x}) = {value} is finite");
    let plain = |t: f64| f.at(t);
    let (r1, r2) = (richardson(plain, x, 1).value, richardson(plain, x, 2).value);

    let d = f.at(Dual64::variable(x));
    assert_eq!(d.re.to_bits(), value.to_bits(), "Dual64 value at {x}");
    assert_close(d.eps, r1, D1_TOL);

    let h = f.at(HyperDual64::variable(x));
    assert_eq!(h.re.to_bits(), value.to_bits(), "HyperDual64 value at {x}");
    assert_close(h.e1, r1, D1_TOL);
    assert_close(h.e12, r2, D2_TOL);

    // consistency checks (library against itself, other code paths): f'' from Dual<Dual64>,
    // from DualVec<Dual64, 1> and from the one-pass Hessian type Dual2Vec64<1>
    let dd = f.at(DD::new(Dual64::new(x, 1.0), Dual64::new(1.0, 0.0)));
    assert_eq!(
        dd.re.re.to_bits(),
        value.to_bits(),
        "Dual<Dual64> value at {x}"
    );
    assert_close(dd.eps.eps, h.e12, CONSISTENCY_TOL);
    let dv = f.at(DV::new(Dual64::new(x, 1.0), [Dual64::new(1.0, 0.0)]));
    assert_eq!(
        dv.re.re.to_bits(),
        value.to_bits(),
        "DualVec<Dual64, 1> value at {x}"
    );
    assert_close(dv.eps[0].eps, h.e12, CONSISTENCY_TOL);
    let q = f.at(Q::variable(x, 0));
    assert_eq!(
        q.re.to_bits(),
        value.to_bits(),
        "Dual2Vec64<1> value at {x}"
    );
    assert_close(q.grad[0], h.e1, CONSISTENCY_TOL);
    assert_close(q.hess(0, 0), h.e12, CONSISTENCY_TOL);
}

/// A property test for one smooth function `|x| body` over the strategy `domain`.
macro_rules! smooth {
    ($name:ident, $domain:expr, |$x:ident| $body:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(CASES))]
            #[test]
            fn $name($x in $domain) {
                struct F;
                impl Smooth for F {
                    fn at<T: Real>(&self, $x: T) -> T {
                        $body
                    }
                }
                check1(&F, $x);
            }
        }
    };
}

/// A constant of any number type.
fn c<T: Real>(v: f64) -> T {
    T::from(v).expect("every f64 converts")
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

/// `x^p` for a constant exponent `p`.
struct PowF(f64);

impl Smooth for PowF {
    fn at<T: Real>(&self, x: T) -> T {
        x.powf(c(self.0))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn powf_constant_exponent(x in 0.1..10.0f64, p in -3.0..3.0f64) {
        check1(&PowF(p), x);
    }

    /// `x^n` for an integer exponent, on a negative base, through `powf`.
    #[test]
    fn powf_integer_exponent_negative_base(x in -10.0..-0.1f64, n in 0i32..6) {
        check1(&PowF(f64::from(n)), x);
    }
}

// ---------------------------------------------------------------------------------------------
// Identities: the left side, through the library's rules, has the derivatives of the right side
// ---------------------------------------------------------------------------------------------

/// Tolerance for an identity's derivatives, relative to `max(|expected|, 1)`: the two sides
/// differ only by the rounding of the functions composed on the left.
const IDENTITY_TOL: f64 = 1e-12;

/// A property test: `|x| lhs` equals a right-hand side whose first and second derivatives at
/// `x` are `d1` and `d2` (written out by hand), checked on `Dual64`, `HyperDual64` and
/// `Taylor64<2>`.
macro_rules! identity {
    ($name:ident, $domain:expr, |$x:ident| $lhs:expr, d1: $d1:expr, d2: $d2:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(CASES))]
            #[test]
            fn $name($x in $domain) {
                fn lhs<T: Real>($x: T) -> T {
                    $lhs
                }
                let (d1, d2): (f64, f64) = ($d1, $d2);
                let at = $x;
                let d = lhs(Dual64::variable(at));
                close(format_args!("Dual64 f'({at})"), d.eps, d1)?;
                let h = lhs(HyperDual64::variable(at));
                close(format_args!("HyperDual64 f'({at})"), h.e1, d1)?;
                close(format_args!("HyperDual64 f''({at})"), h.e12, d2)?;
                let t = lhs(Taylor64::<2>::variable(at));
                let (t1, t2) = (t.derivative(1), t.derivative(2));
                close(format_args!("Taylor64 f'({at})"), t1, d1)?;
                close(format_args!("Taylor64 f''({at})"), t2, d2)?;
            }
        }
    };
}

/// Checks an identity's derivative by the common rule (mixed, to [`IDENTITY_TOL`]), failing the
/// property case rather than panicking.
fn close(what: impl core::fmt::Display, actual: f64, expected: f64) -> Result<(), TestCaseError> {
    check_close(what, actual, expected, Tol::Mixed(IDENTITY_TOL)).map_err(TestCaseError::fail)
}

identity!(exp_of_ln, 0.01..100.0f64, |x| x.ln().exp(), d1: 1.0, d2: 0.0);
identity!(ln_of_exp, -20.0..20.0f64, |x| x.exp().ln(), d1: 1.0, d2: 0.0);
identity!(sin_squared_plus_cos_squared, -10.0..10.0f64,
    |x| x.sin() * x.sin() + x.cos().powi(2), d1: 0.0, d2: 0.0);
identity!(cosh_squared_minus_sinh_squared, -3.0..3.0f64,
    |x| x.cosh().powi(2) - x.sinh().powi(2), d1: 0.0, d2: 0.0);
identity!(atan_of_tan, -1.4..1.4f64, |x| x.tan().atan(), d1: 1.0, d2: 0.0);
identity!(asin_of_sin, -1.5..1.5f64, |x| x.sin().asin(), d1: 1.0, d2: 0.0);
identity!(tanh_of_atanh, -0.99..0.99f64, |x| x.atanh().tanh(), d1: 1.0, d2: 0.0);
identity!(asinh_of_sinh, -10.0..10.0f64, |x| x.sinh().asinh(), d1: 1.0, d2: 0.0);
identity!(sqrt_squared, 0.01..100.0f64, |x| x.sqrt() * x.sqrt(), d1: 1.0, d2: 0.0);
identity!(cbrt_cubed, -100.0..100.0f64, |x| x.cbrt().powi(3), d1: 1.0, d2: 0.0);
identity!(exp2_of_log2, 0.01..100.0f64, |x| x.log2().exp2(), d1: 1.0, d2: 0.0);
identity!(erf_plus_erfc, -5.0..5.0f64, |x| x.erf() + x.erfc(), d1: 0.0, d2: 0.0);
identity!(tan_is_sin_over_cos, -1.4..1.4f64, |x| x.sin() / x.cos(),
    d1: 1.0 / (x.cos() * x.cos()), d2: 2.0 * x.sin() / x.cos().powi(3));
identity!(ln_gamma_recurrence, 0.1..50.0f64, |x| (x + T::one()).ln_gamma() - x.ln_gamma(),
    d1: 1.0 / x, d2: -1.0 / (x * x));
identity!(hypot_squared, -10.0..10.0f64, |x| x.hypot(c(3.0)).powi(2),
    d1: 2.0 * x, d2: 2.0);
identity!(half_powers, 0.01..100.0f64, |x| x.powf(c(0.5)) * x.powf(c(1.5)),
    d1: 2.0 * x, d2: 2.0);

// ---------------------------------------------------------------------------------------------
// Functions of two arguments: each partial separately, plus the mixed partial by hand
// ---------------------------------------------------------------------------------------------

/// A function of two variables, generic over the number type.
trait Smooth2 {
    fn at<T: Real>(&self, x: T, y: T) -> T;
}

/// `f(·, y)` and `f(x, ·)`.
struct InX<'a, F>(&'a F, f64);
struct InY<'a, F>(&'a F, f64);

impl<F: Smooth2> Smooth for InX<'_, F> {
    fn at<T: Real>(&self, x: T) -> T {
        self.0.at(x, c(self.1))
    }
}

impl<F: Smooth2> Smooth for InY<'_, F> {
    fn at<T: Real>(&self, y: T) -> T {
        self.0.at(c(self.1), y)
    }
}

/// Checks a two-argument function in each argument with the other held constant, and its
/// mixed partial (`HyperDual64`, ε₁ on x, ε₂ on y) against `mixed`, written out by hand.
#[track_caller]
fn check2(f: &impl Smooth2, x: f64, y: f64, mixed: f64) {
    check1(&InX(f, y), x);
    check1(&InY(f, x), y);
    let h = f.at(
        HyperDual::new(x, 1.0, 0.0, 0.0),
        HyperDual::new(y, 0.0, 1.0, 0.0),
    );
    assert_close(h.e12, mixed, 1e-12);
}

struct Hypot;

impl Smooth2 for Hypot {
    fn at<T: Real>(&self, x: T, y: T) -> T {
        x.hypot(y)
    }
}

struct Atan2;

impl Smooth2 for Atan2 {
    fn at<T: Real>(&self, y: T, x: T) -> T {
        y.atan2(x)
    }
}

/// A point of `(−10, 10)²` at distance > 0.5 from the origin.
fn away_from_origin() -> impl Strategy<Value = (f64, f64)> {
    (-10.0..10.0f64, -10.0..10.0f64).prop_filter("away from the origin", |(x, y)| x.hypot(*y) > 0.5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn hypot_partials((x, y) in away_from_origin()) {
        // ∂²/∂x∂y √(x² + y²) = −xy/(x² + y²)^(3/2)
        let h = x.hypot(y);
        check2(&Hypot, x, y, -x * y / (h * h * h));
    }

    #[test]
    fn atan2_partials(
        (y, x) in away_from_origin().prop_filter("off the branch cut", |(y, x)| *x > 0.0 || y.abs() > 1e-2)
    ) {
        // ∂²/∂y∂x atan2(y, x) = (y² − x²)/(x² + y²)²
        let r2 = x * x + y * y;
        check2(&Atan2, y, x, (y * y - x * x) / (r2 * r2));
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
