//! Operators and trait plumbing of every dual type, checked against the sum, product, quotient
//! and remainder rules written out by hand in this file (never against the library itself).
//!
//! Part order used throughout (`Parts::parts`):
//! - `Dual64`: `[re, eps]`;
//! - `DualVec64<N>`: `[re, eps[0], …, eps[N-1]]`;
//! - `HyperDual64`: `[re, e1, e2, e12]`;
//! - `Dual<Dual64>`: `[re.re, re.eps, eps.re, eps.eps]`, i.e. the hyper-dual order with the inner
//!   ε as ε₁ and the outer ε as ε₂ (the two algebras are the same, so the same hand rules apply).

mod common;
use common::*;

use dualdiff::{Dual, Dual32, Dual64, DualVec, DualVec64, HyperDual, HyperDual64};
use num_traits::{
    Bounded, Float, FloatConst, FromPrimitive, Inv, Num, NumCast, One, Pow, Signed, Zero,
};

type DD = Dual<Dual64>;

/// Tolerance for derivative parts computed by a different (but equivalent) formula than the hand
/// rule: a few ulps.
const TOL: f64 = 1e-14;

// ---------------------------------------------------------------------------------------------
// Hand-written algebra
// ---------------------------------------------------------------------------------------------

/// Which multiplication table the parts obey.
#[derive(Clone, Copy, Debug)]
enum Alg {
    /// `[a, a_1, …, a_k]` with every `ε_i ε_j = 0` (Dual, DualVec).
    First,
    /// `[a, a1, a2, a12]` with `ε1² = ε2² = 0`, `ε1ε2 ≠ 0` (HyperDual, Dual<Dual>).
    Second,
}

/// A number type whose parts can be listed and set in the order documented at the top.
trait Parts: Copy {
    const ALG: Alg;
    fn parts(&self) -> Vec<f64>;
    fn from_parts(p: &[f64]) -> Self;
}

impl Parts for f64 {
    const ALG: Alg = Alg::First;
    fn parts(&self) -> Vec<f64> {
        vec![*self]
    }
    fn from_parts(p: &[f64]) -> Self {
        p[0]
    }
}

impl Parts for Dual64 {
    const ALG: Alg = Alg::First;
    fn parts(&self) -> Vec<f64> {
        vec![self.re, self.eps]
    }
    fn from_parts(p: &[f64]) -> Self {
        Dual::new(p[0], p[1])
    }
}

impl<const N: usize> Parts for DualVec64<N> {
    const ALG: Alg = Alg::First;
    fn parts(&self) -> Vec<f64> {
        let mut v = vec![self.re];
        v.extend_from_slice(&self.eps);
        v
    }
    fn from_parts(p: &[f64]) -> Self {
        let mut eps = [0.0; N];
        eps.copy_from_slice(&p[1..]);
        DualVec::new(p[0], eps)
    }
}

impl Parts for HyperDual64 {
    const ALG: Alg = Alg::Second;
    fn parts(&self) -> Vec<f64> {
        vec![self.re, self.e1, self.e2, self.e12]
    }
    fn from_parts(p: &[f64]) -> Self {
        HyperDual::new(p[0], p[1], p[2], p[3])
    }
}

impl Parts for DD {
    const ALG: Alg = Alg::Second;
    fn parts(&self) -> Vec<f64> {
        vec![self.re.re, self.re.eps, self.eps.re, self.eps.eps]
    }
    fn from_parts(p: &[f64]) -> Self {
        Dual::new(Dual64::new(p[0], p[1]), Dual64::new(p[2], p[3]))
    }
}

/// A constant `c` with `n − 1` zero derivative parts.
fn constant_parts(c: f64, n: usize) -> Vec<f64> {
    let mut v = vec![0.0; n];
    v[0] = c;
    v
}

fn h_add(a: &[f64], b: &[f64]) -> Vec<f64> {
    a.iter().zip(b).map(|(x, y)| x + y).collect()
}

fn h_sub(a: &[f64], b: &[f64]) -> Vec<f64> {
    a.iter().zip(b).map(|(x, y)| x - y).collect()
}

fn h_neg(a: &[f64]) -> Vec<f64> {
    a.iter().map(|x| -x).collect()
}

/// Product rule. First order: `(a + Σ aₖεₖ)(b + Σ bₖεₖ) = ab + Σ (a bₖ + aₖ b)εₖ`.
/// Second order: `e12 = a b12 + a1 b2 + a2 b1 + a12 b`.
fn h_mul(alg: Alg, a: &[f64], b: &[f64]) -> Vec<f64> {
    match alg {
        Alg::First => {
            let mut v = vec![a[0] * b[0]];
            v.extend((1..a.len()).map(|k| a[0] * b[k] + a[k] * b[0]));
            v
        }
        Alg::Second => vec![
            a[0] * b[0],
            a[0] * b[1] + a[1] * b[0],
            a[0] * b[2] + a[2] * b[0],
            a[0] * b[3] + a[1] * b[2] + a[2] * b[1] + a[3] * b[0],
        ],
    }
}

/// Quotient rule. First order: `(a/b)' = (aₖ b − a bₖ)/b²`. Second order, from
/// `f = a/b`: `f_a = 1/b`, `f_b = −a/b²`, `f_ab = −1/b²`, `f_bb = 2a/b³`, so
/// `e12 = a12/b − a b12/b² − (a1 b2 + a2 b1)/b² + 2a b1 b2/b³`.
fn h_div(alg: Alg, a: &[f64], b: &[f64]) -> Vec<f64> {
    let (x, y) = (a[0], b[0]);
    match alg {
        Alg::First => {
            let mut v = vec![x / y];
            v.extend((1..a.len()).map(|k| (a[k] * y - x * b[k]) / (y * y)));
            v
        }
        Alg::Second => vec![
            x / y,
            (a[1] * y - x * b[1]) / (y * y),
            (a[2] * y - x * b[2]) / (y * y),
            a[3] / y - x * b[3] / (y * y) - (a[1] * b[2] + a[2] * b[1]) / (y * y)
                + 2.0 * x * b[1] * b[2] / (y * y * y),
        ],
    }
}

/// Remainder: `a % b = a − b·trunc(a/b)`, piecewise linear: `∂a = 1`, `∂b = −trunc(a/b)`,
/// every second partial zero (in both algebras).
fn h_rem(a: &[f64], b: &[f64]) -> Vec<f64> {
    let t = (a[0] / b[0]).trunc();
    let mut v = vec![a[0] % b[0]];
    v.extend((1..a.len()).map(|k| a[k] - t * b[k]));
    v
}

/// Chain rule for a function of one argument with value `f` and derivatives `d1`, `d2`.
fn h_chain(alg: Alg, a: &[f64], f: f64, d1: f64, d2: f64) -> Vec<f64> {
    match alg {
        Alg::First => {
            let mut v = vec![f];
            v.extend(a[1..].iter().map(|e| d1 * e));
            v
        }
        Alg::Second => vec![f, d1 * a[1], d1 * a[2], d1 * a[3] + d2 * a[1] * a[2]],
    }
}

/// Prints what was being checked if an assertion fails while it is alive.
struct Context(String);

impl Drop for Context {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("  while checking: {}", self.0);
        }
    }
}

/// Checks the value part exactly (it must be the plain `f64` result) and the derivative parts to
/// `TOL` (a NaN part where NaN is wanted).
#[track_caller]
fn check(label: &str, got: &[f64], want: &[f64]) {
    let _ctx = Context(format!("{label}: got {got:?}, want {want:?}"));
    assert_eq!(got.len(), want.len(), "number of parts");
    assert_eq!(
        got[0].to_bits(),
        want[0].to_bits(),
        "value part: got {}, want {}",
        got[0],
        want[0]
    );
    for (k, (&g, &w)) in got.iter().zip(want).enumerate().skip(1) {
        if w.is_nan() {
            assert!(g.is_nan(), "part {k}: got {g:e}, want NaN");
        } else {
            assert_within(format_args!("part {k}"), g, w, Tol::Mixed(TOL));
        }
    }
}

/// Every derivative part exactly zero (positive or negative zero).
#[track_caller]
fn assert_constant(label: &str, p: &[f64], value: f64) {
    assert_eq!(
        p[0].to_bits(),
        value.to_bits(),
        "{label}: value {} != {value}",
        p[0]
    );
    assert!(
        p[1..].iter().all(|&e| e == 0.0),
        "{label}: derivative parts not zero: {p:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Every operator form, for each type
// ---------------------------------------------------------------------------------------------

/// `X op X`, `&X op X`, `X op &X`, `&X op &X`, `X op= X`, `X op= &X`.
macro_rules! binary_forms {
    ($x:expr, $y:expr, $op:tt, $opa:tt) => {{
        let (x, y) = ($x, $y);
        vec![
            ("X op X", x $op y),
            ("&X op X", &x $op y),
            ("X op &X", x $op &y),
            ("&X op &X", &x $op &y),
            ("X op= X", { let mut z = x; z $opa y; z }),
            ("X op= &X", { let mut z = x; z $opa &y; z }),
        ]
    }};
}

/// `X op T`, `&X op T`, `X op &T`, `X op= T`.
macro_rules! scalar_right_forms {
    ($x:expr, $t:expr, $op:tt, $opa:tt) => {{
        let (x, t) = ($x, $t);
        vec![
            ("X op T", x $op t),
            ("&X op T", &x $op t),
            ("X op &T", x $op &t),
            ("X op= T", { let mut z = x; z $opa t; z }),
        ]
    }};
}

/// `f64 op X`, `&f64 op X`, `f64 op &X`, `&f64 op &X`.
macro_rules! primitive_left_forms {
    ($s:expr, $x:expr, $op:tt) => {{
        let (s, x): (f64, _) = ($s, $x);
        vec![
            ("f64 op X", s $op x),
            ("&f64 op X", &s $op x),
            ("f64 op &X", s $op &x),
            ("&f64 op &X", &s $op &x),
        ]
    }};
}

/// Generates the operator tests of one type. `x`, `y` are the operands, `t` an inner scalar `T`
/// (for nested types a dual number itself, lifted into the outer type), `t_parts` its parts in the
/// outer type's order, and `s` a primitive `f64` for the left-hand forms.
macro_rules! operator_suite {
    ($m:ident, $X:ty, x = $x:expr, y = $y:expr, t = $t:expr, t_parts = $tp:expr, s = $s:expr) => {
        mod $m {
            use super::*;

            fn x() -> $X {
                $x
            }
            fn y() -> $X {
                $y
            }
            fn xp() -> Vec<f64> {
                x().parts()
            }
            fn yp() -> Vec<f64> {
                y().parts()
            }
            fn tp() -> Vec<f64> {
                $tp
            }
            fn sp() -> Vec<f64> {
                constant_parts($s, xp().len())
            }
            const ALG: Alg = <$X as Parts>::ALG;

            fn run(op: &str, forms: Vec<(&str, $X)>, want: &[f64]) {
                for (form, got) in forms {
                    check(&format!("{} {op}: {form}", stringify!($X)), &got.parts(), want);
                }
            }

            #[test]
            fn add() {
                run("+", binary_forms!(x(), y(), +, +=), &h_add(&xp(), &yp()));
                run("+", scalar_right_forms!(x(), $t, +, +=), &h_add(&xp(), &tp()));
                run("+", primitive_left_forms!($s, x(), +), &h_add(&sp(), &xp()));
            }

            #[test]
            fn sub() {
                run("-", binary_forms!(x(), y(), -, -=), &h_sub(&xp(), &yp()));
                run("-", scalar_right_forms!(x(), $t, -, -=), &h_sub(&xp(), &tp()));
                run("-", primitive_left_forms!($s, x(), -), &h_sub(&sp(), &xp()));
            }

            #[test]
            fn mul() {
                run("*", binary_forms!(x(), y(), *, *=), &h_mul(ALG, &xp(), &yp()));
                run("*", scalar_right_forms!(x(), $t, *, *=), &h_mul(ALG, &xp(), &tp()));
                run("*", primitive_left_forms!($s, x(), *), &h_mul(ALG, &sp(), &xp()));
            }

            #[test]
            fn div() {
                run("/", binary_forms!(x(), y(), /, /=), &h_div(ALG, &xp(), &yp()));
                run("/", scalar_right_forms!(x(), $t, /, /=), &h_div(ALG, &xp(), &tp()));
                run("/", primitive_left_forms!($s, x(), /), &h_div(ALG, &sp(), &xp()));
            }

            #[test]
            fn rem() {
                run("%", binary_forms!(x(), y(), %, %=), &h_rem(&xp(), &yp()));
                run("%", scalar_right_forms!(x(), $t, %, %=), &h_rem(&xp(), &tp()));
                run("%", primitive_left_forms!($s, x(), %), &h_rem(&sp(), &xp()));
                // a negative dividend: trunc rounds toward zero
                let xn = -x();
                run("%", binary_forms!(xn, y(), %, %=), &h_rem(&xn.parts(), &yp()));
            }

            #[test]
            fn neg() {
                let want = h_neg(&xp());
                run("unary -", vec![("-X", -x()), ("-&X", -&x())], &want);
            }

            #[test]
            fn a_longer_expression() {
                // (x·y − s/x) % y + t, composed from the hand rules step by step
                let (x, y) = (x(), y());
                let got = (x * y - $s / x) % y + $t;
                let step = h_sub(&h_mul(ALG, &xp(), &yp()), &h_div(ALG, &sp(), &xp()));
                let want = h_add(&h_rem(&step, &yp()), &tp());
                check("(x·y − s/x) % y + t", &got.parts(), &want);
            }
        }
    };
}

operator_suite!(
    dual64,
    Dual64,
    x = Dual::new(7.5, 3.0),
    y = Dual::new(2.0, -1.0),
    t = 4.0_f64,
    t_parts = vec![4.0, 0.0],
    s = 10.0
);

operator_suite!(
    dualvec64_3,
    DualVec64<3>,
    x = DualVec::new(7.5, [3.0, -1.0, 0.5]),
    y = DualVec::new(2.0, [-1.0, 2.0, 4.0]),
    t = 4.0_f64,
    t_parts = vec![4.0, 0.0, 0.0, 0.0],
    s = 10.0
);

operator_suite!(
    hyperdual64,
    HyperDual64,
    x = HyperDual::new(7.5, 3.0, -1.0, 0.5),
    y = HyperDual::new(2.0, -1.0, 2.0, 4.0),
    t = 4.0_f64,
    t_parts = vec![4.0, 0.0, 0.0, 0.0],
    s = 10.0
);

// For the nested type the inner scalar T is Dual64: `X op T` lifts a value that carries an inner
// perturbation into the outer type (parts [t.re, t.eps, 0, 0]).
operator_suite!(
    dual_dual64,
    DD,
    x = Dual::new(Dual64::new(7.5, 3.0), Dual64::new(-1.0, 0.5)),
    y = Dual::new(Dual64::new(2.0, -1.0), Dual64::new(2.0, 4.0)),
    t = Dual64::new(4.0, 1.5),
    t_parts = vec![4.0, 1.5, 0.0, 0.0],
    s = 10.0
);

// ---------------------------------------------------------------------------------------------
// The same rules with the numbers written out
// ---------------------------------------------------------------------------------------------

#[test]
fn dual64_worked_example() {
    // x = 2 + 3ε, y = 5 − 1ε
    let (a, b, c, d) = (2.0, 3.0, 5.0, -1.0);
    let (x, y) = (Dual64::new(a, b), Dual64::new(c, d));
    check("x + y", &(x + y).parts(), &[7.0, 2.0]);
    check("x − y", &(x - y).parts(), &[-3.0, 4.0]);
    // x·y = 10 + (2·(−1) + 3·5)ε
    check("x·y", &(x * y).parts(), &[10.0, a * d + b * c]);
    // x/y = 0.4 + (3·5 − 2·(−1))/25 ε
    check("x/y", &(x / y).parts(), &[0.4, (b * c - a * d) / 25.0]);
    // y % x = 5 % 2 = 1, derivative −1 − trunc(5/2)·3 = −7
    check("y % x", &(y % x).parts(), &[1.0, -7.0]);
    // x % y = 2 % 5 = 2, trunc(2/5) = 0: derivative 3
    check("x % y", &(x % y).parts(), &[2.0, 3.0]);
    check("−x", &(-x).parts(), &[-2.0, -3.0]);
    // s − x, s / x, s % x with s = 7
    check("7 − x", &(7.0 - x).parts(), &[5.0, -3.0]);
    // d/dx 7/x = −7/x² → −7/4 · 3
    check("7 / x", &(7.0 / x).parts(), &[3.5, -7.0 / 4.0 * 3.0]);
    // 7 % 2 = 1; ∂x (s % x) = −trunc(s/x) = −3, times 3
    check("7 % x", &(7.0 % x).parts(), &[1.0, -9.0]);
    // negative s: −7 % 2 = −1, trunc(−3.5) = −3, so ∂x = 3, times 3
    check("−7 % x", &((-7.0) % x).parts(), &[-1.0, 9.0]);
    // x op T
    check("x + 4", &(x + 4.0).parts(), &[6.0, 3.0]);
    check("x − 4", &(x - 4.0).parts(), &[-2.0, 3.0]);
    check("x · 4", &(x * 4.0).parts(), &[8.0, 12.0]);
    check("x / 4", &(x / 4.0).parts(), &[0.5, 0.75]);
    check("x % 1.5", &(x % 1.5).parts(), &[0.5, 3.0]);
}

#[test]
fn hyperdual_product_and_quotient_written_out() {
    let x = HyperDual64::new(2.0, 3.0, -1.0, 0.5);
    let y = HyperDual64::new(5.0, -1.0, 2.0, 4.0);
    // e1 = 2·(−1) + 3·5, e2 = 2·2 + (−1)·5, e12 = 2·4 + 3·2 + (−1)(−1) + 0.5·5
    let p = x * y;
    check(
        "x·y",
        &p.parts(),
        &[10.0, 13.0, -1.0, 8.0 + 6.0 + 1.0 + 2.5],
    );
    // x/y: e1 = (3·5 − 2·(−1))/25 = 17/25, e2 = ((−1)·5 − 2·2)/25 = −9/25,
    // e12 = 0.5/5 − 2·4/25 − (3·2 + (−1)(−1))/25 + 2·2·(−1)·2/125
    let q = x / y;
    let (a, b1, b2) = (2.0, -1.0, 2.0);
    let e12 = 0.5 / 5.0 - 8.0 / 25.0 - 7.0 / 25.0 + (2.0 * a * b1 * b2) / 125.0;
    check("x/y", &q.parts(), &[0.4, 17.0 / 25.0, -9.0 / 25.0, e12]);
    // x² with x = variable(3): 9 + 6ε1 + 6ε2 + 2ε1ε2
    let v = HyperDual64::variable(3.0);
    check("x²", &(v * v).parts(), &[9.0, 6.0, 6.0, 2.0]);
    // 1/x: −1/9, second derivative 2/27
    check(
        "1/x",
        &(1.0 / v).parts(),
        &[1.0 / 3.0, -1.0 / 9.0, -1.0 / 9.0, 2.0 / 27.0],
    );
}

#[test]
fn primitive_on_the_left_of_a_nested_type() {
    // 2.0 * Dual<Dual64>: the f64 at the bottom of the nesting works on the left
    let x: DD = Dual::new(Dual64::new(3.0, 1.0), Dual64::new(1.0, 0.0));
    let y = 2.0 * x;
    check("2·x", &y.parts(), &[6.0, 2.0, 2.0, 0.0]);
    // 1/x at 3, with both perturbations: f' = −1/9, f'' = 2/27
    let r = 1.0 / x;
    check(
        "1/x",
        &r.parts(),
        &[1.0 / 3.0, -1.0 / 9.0, -1.0 / 9.0, 2.0 / 27.0],
    );
    let d = 10.0 - x;
    check("10 − x", &d.parts(), &[7.0, -1.0, -1.0, 0.0]);
    // and Dual<Dual<Dual64>> (three levels)
    let z: Dual<DD> = Dual::new(x, Dual::new(Dual64::new(1.0, 0.0), Dual64::new(0.0, 0.0)));
    let w = 2.0 * z * z; // 2x²: third derivative 0, second 4, first 12
    assert_eq!(w.re.re.re, 18.0);
    assert_eq!(w.eps.eps.eps, 0.0);
    assert_eq!(w.eps.eps.re, 4.0);
    assert_eq!(w.eps.re.re, 12.0);
}

#[test]
#[allow(
    clippy::op_ref,
    reason = "the borrowed operator forms are what is under test"
)]
fn f32_on_the_left_of_dual32() {
    let x = Dual32::new(1.5, 2.0);
    let y = 2.0f32 * x;
    assert_eq!((y.re, y.eps), (3.0, 4.0));
    let y = 2.0f32 + x;
    assert_eq!((y.re, y.eps), (3.5, 2.0));
    let y = 2.0f32 - x;
    assert_eq!((y.re, y.eps), (0.5, -2.0));
    let y = &2.0f32 - &x;
    assert_eq!((y.re, y.eps), (0.5, -2.0));
    let y = 3.0f32 / x; // −3/x² · 2 = −6/2.25
    assert_eq!(y.re, 2.0);
    assert_close(y.eps, -6.0 / 2.25, 1e-6);
    let y = 4.0f32 % x; // 4 % 1.5 = 1, ∂ = −trunc(4/1.5)·2 = −4
    assert_eq!((y.re, y.eps), (1.0, -4.0));
    let mut z = x;
    z *= 2.0f32;
    z += &x;
    assert_eq!((z.re, z.eps), (4.5, 6.0));
}

// ---------------------------------------------------------------------------------------------
// Sum and Product
// ---------------------------------------------------------------------------------------------

fn sum_and_product<X>(items: [X; 3])
where
    X: Parts
        + core::iter::Sum
        + for<'a> core::iter::Sum<&'a X>
        + core::iter::Product
        + for<'a> core::iter::Product<&'a X>,
{
    let alg = X::ALG;
    let p: Vec<Vec<f64>> = items.iter().map(Parts::parts).collect();
    let want_sum = h_add(&h_add(&p[0], &p[1]), &p[2]);
    let want_prod = h_mul(alg, &h_mul(alg, &p[0], &p[1]), &p[2]);
    check(
        "owned sum",
        &items.into_iter().sum::<X>().parts(),
        &want_sum,
    );
    check("borrowed sum", &items.iter().sum::<X>().parts(), &want_sum);
    check(
        "owned product",
        &items.into_iter().product::<X>().parts(),
        &want_prod,
    );
    check(
        "borrowed product",
        &items.iter().product::<X>().parts(),
        &want_prod,
    );
    // the value part of the sum is f64's sum bit for bit
    let plain: f64 = p.iter().map(|v| v[0]).sum();
    assert_eq!(
        items.iter().sum::<X>().parts()[0].to_bits(),
        plain.to_bits()
    );

    // empty: Sum is −0.0 like f64's, Product is the constant 1
    let empty_f64: f64 = core::iter::empty::<f64>().sum();
    assert!(
        empty_f64.is_sign_negative(),
        "premise: f64's empty sum is −0.0"
    );
    let s = core::iter::empty::<X>().sum::<X>().parts();
    assert!(
        s[0] == 0.0 && s[0].is_sign_negative(),
        "empty owned sum {s:?}"
    );
    assert!(s[1..].iter().all(|&e| e == 0.0));
    let s = core::iter::empty::<&X>().sum::<X>().parts();
    assert!(
        s[0] == 0.0 && s[0].is_sign_negative(),
        "empty borrowed sum {s:?}"
    );
    assert_constant(
        "empty product",
        &core::iter::empty::<X>().product::<X>().parts(),
        1.0,
    );
    assert_constant(
        "empty product",
        &core::iter::empty::<&X>().product::<X>().parts(),
        1.0,
    );
    // a sum of one −0.0 stays −0.0 (f64 gives −0.0 + −0.0 = −0.0)
    let nz = X::from_parts(&constant_parts(-0.0, p[0].len()));
    assert!([nz].into_iter().sum::<X>().parts()[0].is_sign_negative());
}

#[test]
fn sum_and_product_dual64() {
    sum_and_product([
        Dual64::new(2.0, 3.0),
        Dual64::new(5.0, -1.0),
        Dual64::new(-1.5, 0.25),
    ]);
}

#[test]
fn sum_and_product_dualvec64() {
    sum_and_product([
        DualVec64::<3>::new(2.0, [3.0, 0.0, 1.0]),
        DualVec64::<3>::new(5.0, [-1.0, 2.0, 0.0]),
        DualVec64::<3>::new(-1.5, [0.25, 1.0, -3.0]),
    ]);
}

#[test]
fn sum_and_product_hyperdual64() {
    sum_and_product([
        HyperDual64::new(2.0, 3.0, -1.0, 0.5),
        HyperDual64::new(5.0, -1.0, 2.0, 4.0),
        HyperDual64::new(-1.5, 0.25, 1.0, -2.0),
    ]);
}

#[test]
fn sum_and_product_dual_dual64() {
    sum_and_product([
        DD::from_parts(&[2.0, 3.0, -1.0, 0.5]),
        DD::from_parts(&[5.0, -1.0, 2.0, 4.0]),
        DD::from_parts(&[-1.5, 0.25, 1.0, -2.0]),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Display, comparisons, Default, From
// ---------------------------------------------------------------------------------------------

#[test]
fn display_formats() {
    assert_eq!(format!("{}", Dual64::new(1.0, 2.0)), "1 + 2ε");
    assert_eq!(format!("{:.2}", Dual64::new(1.0, 2.0)), "1.00 + 2.00ε");
    assert_eq!(format!("{}", Dual64::new(0.5, 1.25)), "0.5 + 1.25ε");
    assert_eq!(format!("{:.1}", Dual32::new(1.0, 2.0)), "1.0 + 2.0ε");
    assert_eq!(
        format!("{}", DualVec64::<2>::new(1.0, [2.0, 3.0])),
        "1 + [2, 3]ε"
    );
    assert_eq!(
        format!("{:.2}", DualVec64::<2>::new(1.0, [2.0, 3.0])),
        "1.00 + [2.00, 3.00]ε"
    );
    assert_eq!(
        format!("{}", HyperDual64::new(1.0, 2.0, 3.0, 4.0)),
        "1 + 2ε1 + 3ε2 + 4ε1ε2"
    );
    assert_eq!(
        format!("{:.3}", HyperDual64::new(1.0, 2.0, 3.0, 4.0)),
        "1.000 + 2.000ε1 + 3.000ε2 + 4.000ε1ε2"
    );
    // the precision reaches the inner parts of a nested type
    let nested = format!("{:.1}", DD::from_parts(&[1.0, 2.0, 3.0, 4.0]));
    assert!(nested.contains("1.0") && nested.contains("4.0"), "{nested}");
}

fn comparisons<X: Parts + Default + PartialEq + PartialOrd + core::fmt::Debug>() {
    let n = X::default().parts().len();
    let mk = |re: f64, d: f64| {
        let mut p = vec![d; n];
        p[0] = re;
        X::from_parts(&p)
    };
    // equal values with different derivative parts: equal, and neither is less
    assert_eq!(mk(1.0, 2.0), mk(1.0, 3.0));
    assert_eq!(
        mk(1.0, 2.0).partial_cmp(&mk(1.0, 3.0)),
        Some(core::cmp::Ordering::Equal)
    );
    assert!(mk(1.0, 2.0) >= mk(1.0, 3.0), "equal values: not less");
    assert!(mk(1.0, 2.0) <= mk(1.0, -3.0));
    // different values: ordered by value, whatever the derivative parts
    assert_ne!(mk(1.0, 2.0), mk(1.5, 2.0));
    assert!(mk(1.0, 9.0) < mk(1.5, -9.0));
    assert!(mk(2.0, -9.0) > mk(1.5, 9.0));
    assert!(mk(-0.0, 1.0) == mk(0.0, 2.0), "−0 == +0 as for f64");
    // NaN: unordered, not equal to itself
    let nan = mk(f64::NAN, 0.0);
    assert_ne!(nan, mk(f64::NAN, 0.0));
    assert_eq!(nan.partial_cmp(&mk(1.0, 0.0)), None);
}

#[test]
fn comparisons_look_at_the_value_only() {
    // Dual::new(1, 2) == Dual::new(1, 3)
    assert_eq!(Dual::new(1.0, 2.0), Dual::new(1.0, 3.0));
    comparisons::<Dual64>();
    comparisons::<DualVec64<3>>();
    comparisons::<HyperDual64>();
    comparisons::<DD>();
}

#[test]
fn default_is_zero_in_every_part() {
    assert_constant("Dual64", &Dual64::default().parts(), 0.0);
    assert_constant("DualVec64<3>", &DualVec64::<3>::default().parts(), 0.0);
    assert_constant("HyperDual64", &HyperDual64::default().parts(), 0.0);
    assert_constant("Dual<Dual64>", &DD::default().parts(), 0.0);
    let d = Dual32::default();
    assert_eq!((d.re, d.eps), (0.0, 0.0));
}

#[test]
fn from_inner_scalar_is_a_constant() {
    assert_constant("Dual64", &<Dual64 as From<f64>>::from(2.5).parts(), 2.5);
    assert_constant(
        "DualVec64<3>",
        &<DualVec64<3> as From<f64>>::from(2.5).parts(),
        2.5,
    );
    assert_constant(
        "HyperDual64",
        &<HyperDual64 as From<f64>>::from(2.5).parts(),
        2.5,
    );
    // the inner scalar of a nested type keeps its own (inner) derivative
    check(
        "Dual<Dual64>::from",
        &<DD as From<Dual64>>::from(Dual64::new(2.5, 1.0)).parts(),
        &[2.5, 1.0, 0.0, 0.0],
    );
    let x: Dual64 = 2.5.into();
    assert_eq!((x.re, x.eps), (2.5, 0.0));
}

// ---------------------------------------------------------------------------------------------
// num-traits
// ---------------------------------------------------------------------------------------------

/// Every constant-producing trait method gives the `f64` constant with zero derivative parts.
fn constants_have_zero_derivatives<X>()
where
    X: Parts
        + Float
        + FloatConst
        + FromPrimitive
        + NumCast
        + Bounded
        + Num<FromStrRadixErr = num_traits::ParseFloatError>
        + core::fmt::Debug,
{
    assert_constant("zero", &<X as Zero>::zero().parts(), 0.0);
    assert_constant("one", &<X as One>::one().parts(), 1.0);
    assert!(<X as Zero>::zero().is_zero());
    assert_constant(
        "from_str_radix",
        &X::from_str_radix("2.5", 10).unwrap().parts(),
        2.5,
    );
    assert!(X::from_str_radix("not a number", 10).is_err());
    assert_constant(
        "NumCast f32",
        &<X as NumCast>::from(2.5f32).unwrap().parts(),
        2.5,
    );
    assert_constant(
        "NumCast i32",
        &<X as NumCast>::from(-7i32).unwrap().parts(),
        -7.0,
    );
    assert_constant(
        "NumCast u64",
        &<X as NumCast>::from(12u64).unwrap().parts(),
        12.0,
    );
    assert_constant("from_i32", &X::from_i32(-3).unwrap().parts(), -3.0);
    assert_constant("from_u8", &X::from_u8(200).unwrap().parts(), 200.0);
    assert_constant("from_f64", &X::from_f64(0.25).unwrap().parts(), 0.25);
    assert_constant("from_f32", &X::from_f32(0.75).unwrap().parts(), 0.75);
    assert_constant(
        "Bounded::max",
        &<X as Bounded>::max_value().parts(),
        f64::MAX,
    );
    assert_constant(
        "Bounded::min",
        &<X as Bounded>::min_value().parts(),
        f64::MIN,
    );
    assert_constant("Float::max", &<X as Float>::max_value().parts(), f64::MAX);
    assert_constant("Float::min", &<X as Float>::min_value().parts(), f64::MIN);
    assert_constant("epsilon", &X::epsilon().parts(), f64::EPSILON);
    assert_constant(
        "min_positive",
        &X::min_positive_value().parts(),
        f64::MIN_POSITIVE,
    );
    assert_constant("infinity", &X::infinity().parts(), f64::INFINITY);
    assert_constant(
        "neg_infinity",
        &X::neg_infinity().parts(),
        f64::NEG_INFINITY,
    );
    assert_constant("neg_zero", &X::neg_zero().parts(), -0.0);
    use core::f64::consts as c;
    let consts: [(&str, X, f64); 19] = [
        ("PI", X::PI(), c::PI),
        ("E", X::E(), c::E),
        ("TAU", X::TAU(), c::TAU),
        ("SQRT_2", X::SQRT_2(), c::SQRT_2),
        ("LN_2", X::LN_2(), c::LN_2),
        ("LN_10", X::LN_10(), c::LN_10),
        ("LOG2_E", X::LOG2_E(), c::LOG2_E),
        ("LOG10_E", X::LOG10_E(), c::LOG10_E),
        ("LOG2_10", X::LOG2_10(), c::LOG2_10),
        ("LOG10_2", X::LOG10_2(), c::LOG10_2),
        ("FRAC_1_PI", X::FRAC_1_PI(), c::FRAC_1_PI),
        ("FRAC_2_PI", X::FRAC_2_PI(), c::FRAC_2_PI),
        ("FRAC_2_SQRT_PI", X::FRAC_2_SQRT_PI(), c::FRAC_2_SQRT_PI),
        ("FRAC_1_SQRT_2", X::FRAC_1_SQRT_2(), c::FRAC_1_SQRT_2),
        ("FRAC_PI_2", X::FRAC_PI_2(), c::FRAC_PI_2),
        ("FRAC_PI_3", X::FRAC_PI_3(), c::FRAC_PI_3),
        ("FRAC_PI_4", X::FRAC_PI_4(), c::FRAC_PI_4),
        ("FRAC_PI_6", X::FRAC_PI_6(), c::FRAC_PI_6),
        ("FRAC_PI_8", X::FRAC_PI_8(), c::FRAC_PI_8),
    ];
    for (name, got, want) in consts {
        assert_constant(name, &got.parts(), want);
    }
    // Float::nan(): NaN in every part
    let nan = X::nan().parts();
    assert!(nan.iter().all(|e| e.is_nan()), "nan(): {nan:?}");
}

#[test]
fn num_traits_constants_dual64() {
    constants_have_zero_derivatives::<Dual64>();
}

#[test]
fn num_traits_constants_dualvec64() {
    constants_have_zero_derivatives::<DualVec64<3>>();
}

#[test]
fn num_traits_constants_hyperdual64() {
    constants_have_zero_derivatives::<HyperDual64>();
}

#[test]
fn num_traits_constants_dual_dual64() {
    constants_have_zero_derivatives::<DD>();
}

/// ToPrimitive, Signed, Inv, Pow on a number with non-zero derivative parts.
fn value_traits<X>(x: X, y: X)
where
    X: Parts
        + Float
        + Signed
        + Inv<Output = X>
        + Pow<i32, Output = X>
        + Pow<X, Output = X>
        + core::fmt::Debug,
    for<'a> &'a X: Inv<Output = X>,
{
    let alg = X::ALG;
    let (xp, yp) = (x.parts(), y.parts());
    let a = xp[0];
    // ToPrimitive reads the value part
    assert_eq!(x.to_f64(), Some(a));
    assert_eq!(x.to_f32(), Some(a as f32));
    assert_eq!(x.to_i32(), Some(a.trunc() as i32));
    assert_eq!(x.to_i64(), Some(a.trunc() as i64));
    assert_eq!((-x).to_u32(), None, "negative to unsigned");
    // Signed: abs'(x) = signum(x), signum' = 0
    let neg = -x;
    check(
        "Signed::abs",
        &Signed::abs(&neg).parts(),
        &h_chain(alg, &neg.parts(), a, -1.0, 0.0),
    );
    check("Signed::abs +", &Signed::abs(&x).parts(), &xp);
    check(
        "Signed::signum",
        &Signed::signum(&neg).parts(),
        &h_chain(alg, &xp, -1.0, 0.0, 0.0),
    );
    assert!(Signed::is_positive(&x) && !Signed::is_negative(&x));
    assert!(Signed::is_negative(&neg) && !Signed::is_positive(&neg));
    // abs_sub: x − y where positive, constant 0 otherwise (y < x here)
    check(
        "Signed::abs_sub",
        &Signed::abs_sub(&x, &y).parts(),
        &h_sub(&xp, &yp),
    );
    assert_constant("Signed::abs_sub ≤ 0", &Signed::abs_sub(&y, &x).parts(), 0.0);
    // Inv: 1/x, (1/x)' = −1/x², (1/x)'' = 2/x³
    let want = h_chain(alg, &xp, 1.0 / a, -1.0 / (a * a), 2.0 / (a * a * a));
    check("Inv", &x.inv().parts(), &want);
    check("Inv &", &(&x).inv().parts(), &want);
    // Pow<i32>: x³, 3x², 6x
    let want = h_chain(alg, &xp, a.powi(3), 3.0 * a * a, 6.0 * a);
    check("Pow<i32>", &Pow::<i32>::pow(x, 3).parts(), &want);
    check(
        "Pow<i32> 0",
        &Pow::<i32>::pow(x, 0).parts(),
        &constant_parts(1.0, xp.len()),
    );
    // Pow<Self> with a variable exponent: x^y in both, f = exp(y ln x)
    let (b, lnx) = (yp[0], a.ln());
    let f = a.powf(b);
    let fx = b * a.powf(b - 1.0);
    let fy = f * lnx;
    let want = match alg {
        Alg::First => {
            let mut v = vec![f];
            v.extend((1..xp.len()).map(|k| fx * xp[k] + fy * yp[k]));
            v
        }
        Alg::Second => {
            let fxx = b * (b - 1.0) * a.powf(b - 2.0);
            let fxy = a.powf(b - 1.0) * (1.0 + b * lnx);
            let fyy = f * lnx * lnx;
            vec![
                f,
                fx * xp[1] + fy * yp[1],
                fx * xp[2] + fy * yp[2],
                fx * xp[3]
                    + fy * yp[3]
                    + fxx * xp[1] * xp[2]
                    + fxy * (xp[1] * yp[2] + yp[1] * xp[2])
                    + fyy * yp[1] * yp[2],
            ]
        }
    };
    let _ctx = Context("Pow<Self>".into());
    let got = Pow::<X>::pow(x, y).parts();
    assert_eq!(got[0], want[0]);
    for (g, w) in got[1..].iter().zip(&want[1..]) {
        assert_close(*g, *w, 1e-13);
    }
}

#[test]
fn num_traits_value_traits_dual64() {
    value_traits(Dual64::new(2.5, 3.0), Dual64::new(1.5, -1.0));
    // Pow<T> with T = f64: the power rule with a constant exponent, x^2.5
    let x = Dual64::new(2.5, 3.0);
    let p = Pow::<f64>::pow(x, 2.5);
    assert_eq!(p.re, 2.5f64.powf(2.5));
    assert_close(p.eps, 2.5 * 2.5f64.powf(1.5) * 3.0, TOL);
}

#[test]
fn num_traits_value_traits_dualvec64() {
    value_traits(
        DualVec64::<3>::new(2.5, [3.0, 0.0, -2.0]),
        DualVec64::<3>::new(1.5, [-1.0, 1.0, 0.5]),
    );
    let p = Pow::<f64>::pow(DualVec64::<3>::new(2.5, [3.0, 0.0, -2.0]), 2.0);
    check("Pow<T>", &p.parts(), &[6.25, 15.0, 0.0, -10.0]);
}

#[test]
fn num_traits_value_traits_hyperdual64() {
    value_traits(
        HyperDual64::new(2.5, 3.0, -1.0, 0.5),
        HyperDual64::new(1.5, -1.0, 2.0, 4.0),
    );
    // Pow<T>: x^3 at variable 2 → 8, 12, 12, 12
    let p = Pow::<f64>::pow(HyperDual64::variable(2.0), 3.0);
    check("Pow<T>", &p.parts(), &[8.0, 12.0, 12.0, 12.0]);
}

#[test]
fn num_traits_value_traits_dual_dual64() {
    value_traits(
        DD::from_parts(&[2.5, 3.0, -1.0, 0.5]),
        DD::from_parts(&[1.5, -1.0, 2.0, 4.0]),
    );
    // Pow<T> with a plain constant T = Dual64: x^3 at 2 with both perturbations
    let x = DD::from_parts(&[2.0, 1.0, 1.0, 0.0]);
    let p = Pow::<Dual64>::pow(x, Dual64::constant(3.0));
    check("Pow<T>", &p.parts(), &[8.0, 12.0, 12.0, 12.0]);
}

#[test]
fn nan_is_nan_in_every_part_32() {
    let d = <Dual32 as Float>::nan();
    assert!(d.re.is_nan() && d.eps.is_nan());
    let h = <dualdiff::HyperDual32 as Float>::nan();
    assert!(h.re.is_nan() && h.e1.is_nan() && h.e2.is_nan() && h.e12.is_nan());
    let v = <dualdiff::DualVec32<2> as Float>::nan();
    assert!(v.re.is_nan() && v.eps.iter().all(|e| e.is_nan()));
}

// ---------------------------------------------------------------------------------------------
// A function written once, generic over num_traits::Float
// ---------------------------------------------------------------------------------------------

/// `f(x) = sin x · eˣ + 2x³`.
fn f<T: Float>(x: T) -> T {
    x.sin() * x.exp() + T::from(2.0).unwrap() * x.powi(3)
}

/// `f'(x) = eˣ (sin x + cos x) + 6x²`, by hand.
fn f1(x: f64) -> f64 {
    x.exp() * (x.sin() + x.cos()) + 6.0 * x * x
}

/// `f''(x) = 2eˣ cos x + 12x`, by hand.
fn f2(x: f64) -> f64 {
    2.0 * x.exp() * x.cos() + 12.0 * x
}

/// `f'''(x) = 2eˣ (cos x − sin x) + 12`, by hand.
fn f3(x: f64) -> f64 {
    2.0 * x.exp() * (x.cos() - x.sin()) + 12.0
}

#[test]
fn generic_float_function_on_every_type() {
    for x0 in [-2.0, -0.3, 0.0, 0.7, 1.9, 3.5] {
        let value = f(x0);

        let d = f(Dual64::variable(x0));
        assert_eq!(d.re.to_bits(), value.to_bits());
        assert_close(d.eps, f1(x0), 1e-14);

        // DualVec seeded in direction 1 only: partials [0, f', 0]
        let v = f(DualVec64::<3>::variable(x0, 1));
        assert_eq!(v.re.to_bits(), value.to_bits());
        assert_eq!(v.eps[0], 0.0);
        assert_close(v.eps[1], f1(x0), 1e-14);
        assert_eq!(v.eps[2], 0.0);

        let h = f(HyperDual64::variable(x0));
        assert_eq!(h.re.to_bits(), value.to_bits());
        assert_close(h.e1, f1(x0), 1e-14);
        assert_close(h.e2, f1(x0), 1e-14);
        assert_close(h.e12, f2(x0), 1e-14);

        let dd = f(DD::from_parts(&[x0, 1.0, 1.0, 0.0]));
        assert_eq!(dd.re.re.to_bits(), value.to_bits());
        assert_close(dd.re.eps, f1(x0), 1e-14);
        assert_close(dd.eps.re, f1(x0), 1e-14);
        assert_close(dd.eps.eps, f2(x0), 1e-14);

        // third derivative: HyperDual<Dual64> with all three perturbations
        let t = f(HyperDual::new(
            Dual64::new(x0, 1.0),
            Dual64::new(1.0, 0.0),
            Dual64::new(1.0, 0.0),
            Dual64::new(0.0, 0.0),
        ));
        assert_close(t.e12.eps, f3(x0), 1e-13);

        // f32 types: value equals the f32 evaluation, derivatives to f32 precision
        let x32 = x0 as f32;
        let d32 = f(Dual32::variable(x32));
        assert_eq!(d32.re.to_bits(), f(x32).to_bits());
        assert_close(d32.eps, f1(x0) as f32, 1e-5);
        let h32 = f(dualdiff::HyperDual32::variable(x32));
        assert_close(h32.e12, f2(x0) as f32, 1e-5);
        let v32 = f(dualdiff::DualVec32::<2>::variable(x32, 0));
        assert_close(v32.eps[0], f1(x0) as f32, 1e-5);
        assert_eq!(v32.eps[1], 0.0);
    }
}

// ---------------------------------------------------------------------------------------------
// Division at extreme magnitudes, by zero, and NaN values made by an operator
// ---------------------------------------------------------------------------------------------

/// The quotient rule in the scaled form that stays finite whenever the result is finite: from
/// `q·b = a`, `e1 = (a1 − q b1)/b`, `e2 = (a2 − q b2)/b`, `e12 = (a12 − e1 b2 − e2 b1 − q b12)/b`.
fn h_div_scaled(a: &[f64], b: &[f64]) -> Vec<f64> {
    let q = a[0] / b[0];
    let e1 = (a[1] - q * b[1]) / b[0];
    let e2 = (a[2] - q * b[2]) / b[0];
    let e12 = (a[3] - e1 * b[2] - e2 * b[1] - q * b[3]) / b[0];
    vec![q, e1, e2, e12]
}

/// Quotients whose value and derivatives are all finite and representable, with operands far
/// from 1: `(a, b)` pairs in the second-order part order.
/// Like [`check`], but relative for every non-zero expected part (the parts here are far below
/// 1, where `assert_close` is absolute): compares `got / want` with 1.
#[track_caller]
fn check_rel(label: &str, got: &[f64], want: &[f64]) {
    let _ctx = Context(format!("{label}: got {got:?}, want {want:?}"));
    assert_eq!(got.len(), want.len(), "number of parts");
    assert_eq!(got[0].to_bits(), want[0].to_bits(), "value part");
    for (g, w) in got[1..].iter().zip(&want[1..]) {
        if *w == 0.0 {
            assert_eq!(*g, 0.0);
        } else {
            assert_close(g / w, 1.0, TOL);
        }
    }
}

fn extreme_quotients() -> Vec<([f64; 4], [f64; 4])> {
    vec![
        // (3e200 + ε1) / (1e200 + ε1): e1 = (1 − 3)/1e200 = −2e-200
        ([3e200, 1.0, 0.0, 0.0], [1e200, 1.0, 0.0, 0.0]),
        // (1e-160 + ε1) / 1e-160: e1 = 1e160
        ([1e-160, 1.0, 0.0, 0.0], [1e-160, 0.0, 0.0, 0.0]),
        // 1e-110 / (1e-110 + ε1 + ε2): e1 = e2 = −1e110, e12 = 2e220
        ([1e-110, 0.0, 0.0, 0.0], [1e-110, 1.0, 1.0, 0.0]),
        // 2e-120 / (4e-120 + ε1 − ε2 + ε1ε2)
        ([2e-120, 0.5, 1.0, 0.0], [4e-120, 1.0, -1.0, 1.0]),
    ]
}

#[test]
fn division_at_extreme_magnitudes_first_order() {
    for (a, b) in extreme_quotients() {
        let want = h_div_scaled(&a, &b);
        // Dual64 along ε1, and DualVec64<2> carrying ε1 and ε2
        let d = Dual64::new(a[0], a[1]) / Dual64::new(b[0], b[1]);
        check_rel("Dual64", &d.parts(), &[want[0], want[1]]);
        let v = DualVec64::<2>::new(a[0], [a[1], a[2]]) / DualVec64::<2>::new(b[0], [b[1], b[2]]);
        check_rel("DualVec64<2>", &v.parts(), &want[..3]);
    }
}

#[test]
fn division_at_extreme_magnitudes_dual_dual64() {
    for (a, b) in extreme_quotients() {
        let want = h_div_scaled(&a, &b);
        check_rel(
            "Dual<Dual64>",
            &(DD::from_parts(&a) / DD::from_parts(&b)).parts(),
            &want,
        );
    }
}

#[test]
fn division_at_extreme_magnitudes_hyperdual() {
    for (a, b) in extreme_quotients() {
        let want = h_div_scaled(&a, &b);
        let got = HyperDual64::from_parts(&a) / HyperDual64::from_parts(&b);
        check_rel("HyperDual64", &got.parts(), &want);
    }
}

#[test]
fn division_by_a_constant_zero_matches_division_by_the_scalar_zero() {
    // d/dx (x / c) = 1/c → +inf for c = +0, as `x / 0.0` (X op T) already gives
    let d = Dual64::new(1.0, 1.0);
    assert_eq!(
        (d / 0.0).parts(),
        vec![f64::INFINITY, f64::INFINITY],
        "premise: X op T"
    );
    check(
        "Dual64",
        &(d / Dual64::constant(0.0)).parts(),
        &(d / 0.0).parts(),
    );
    let v = DualVec64::<3>::new(1.0, [1.0, 0.0, -1.0]);
    check(
        "DualVec64",
        &(v / DualVec64::constant(0.0)).parts(),
        &(v / 0.0).parts(),
    );
    let h = HyperDual64::new(1.0, 1.0, 0.0, 0.0);
    check(
        "HyperDual64",
        &(h / HyperDual64::constant(0.0)).parts(),
        &(h / 0.0).parts(),
    );
}

#[test]
fn arithmetic_operators_are_ieee_part_by_part() {
    // Documented: `+`, `−`, `×` follow IEEE arithmetic in every part, so a NaN value from
    // ∞ − ∞ or 0·∞ keeps the derivative parts that the product and sum rules give.
    let inf = f64::INFINITY;
    let d = (Dual64::new(inf, 1.0) - Dual64::new(inf, 0.0)).parts();
    assert!(d[0].is_nan());
    assert_eq!(d[1], 1.0, "1 − 0");
    let p = (Dual64::new(0.0, 1.0) * Dual64::new(inf, 0.0)).parts();
    assert!(p[0].is_nan());
    assert_eq!(p[1], inf, "0·0 + 1·∞");
    let s = (Dual64::new(inf, 1.0) * 0.0).parts();
    assert!(s[0].is_nan());
    assert_eq!(s[1], 0.0, "1·0");
    let h = (HyperDual64::new(inf, 1.0, 1.0, 0.0) - HyperDual64::constant(inf)).parts();
    assert!(h[0].is_nan());
    assert_eq!(&h[1..], &[1.0, 1.0, 0.0]);
    // An elementary function with a NaN value, by contrast, gives NaN in every part.
    let f = Dual64::new(-1.0, 1.0).sqrt().parts();
    assert!(f.iter().all(|e| e.is_nan()), "{f:?}");
}
