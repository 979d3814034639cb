//! Behaviour tests of every elementary function on every dual type, on both float widths.
//!
//! The checks are written once, in [`function_tests!`], and generated for each width: the
//! module `on_f64` runs them on `Dual64`, `DualVec64<3>`, `HyperDual64`, `Dual2Vec64<2>`,
//! `Dual<Dual64>` and `HyperDual<Dual64>`, the module `on_f32` on the same types over `f32`.
//! At each point every part is compared
//! - the value part bit for bit with the plain evaluation at the width;
//! - each derivative part with a closed form written out in this file, evaluated in `f64` at
//!   the (exactly widened) point and rounded to the width, to the width's tolerance
//!   ([`Precision::FIRST`], [`Precision::HIGHER`]); on `f64` also with central differences of
//!   the plain function ([`FD1`], [`FD2`]);
//! - the third derivative that `HyperDual<Dual<_>>` carries with a closed form;
//! - the parts that the seeding leaves unseeded (a unit direction of `DualVec<_, 3>`, the
//!   second direction of `Dual2Vec<_, 2>`) with exactly zero.
//!
//! Reference values never come from the dual types: the special functions' references are
//! literature values (ψ(1) = −γ, ψ₁(1) = π²/6, ζ values, Γ(1/2) = √π) spread by the recurrences,
//! and `dualdiff::Real` on plain floats supplies values only (differentiated by central
//! differences). Edge points (exact results, on the one-level and the nested types separately),
//! NaN propagation and identities follow the tables, then the checks that only one width has.
//!
//! A check that fails because the library is wrong stays in, marked
//! `#[ignore = "BUG: …"]` with the correct expectation: `cargo test -- --ignored` lists them.
#![allow(
    deprecated,
    reason = "f64::abs_sub is the reference for the dual types' abs_sub"
)]
#![allow(
    clippy::float_cmp,
    reason = "exact results are the point of many checks"
)]

mod common;

use common::{Tol, Width, assert_within, central, central2};
use dualdiff::{Dual, Dual2Vec, DualVec, HyperDual, Real};
use std::cell::RefCell;
use std::f64::consts::{FRAC_2_SQRT_PI, FRAC_PI_2, LN_2, LN_10, PI, SQRT_2};

const INF: f64 = f64::INFINITY;
const NAN: f64 = f64::NAN;

/// First derivatives of `f64` results against `central` (error ≈ 1e-10, relative to
/// `max(|f'|, 1)`).
const FD1: f64 = 1e-8;
/// Second derivatives of `f64` results against `central2` (error ≈ 1e-6, relative to
/// `max(|f''|, 1)`).
const FD2: f64 = 1e-5;

/// A float width under test, and what its results are checked to.
trait Precision: Width {
    /// First derivatives against the closed forms (rounded to the width):
    /// - `f64`: relative 1e-14, a few ulps (ulp = 2.2e-16);
    /// - `f32`: relative 1e-6, about 8 ulps (ulp = 1.19e-7): each derivative formula rounds a
    ///   few times (`asin' = 1/√((1−x)(1+x))` four times, the chain rule's products once or
    ///   twice more), and the rounding of the reference to `f32` adds half an ulp.
    const FIRST: Tol;

    /// Second and third derivatives against the closed forms (rounded to the width):
    /// - `f64`: relative 1e-14, as [`FIRST`](Self::FIRST);
    /// - `f32`: 1e-6·max(|expected|, 1). These parts are sums of products (`f''·a·b + f'·c`,
    ///   and closed forms such as `x^(y−1)·(1 + y ln x)`) whose rounding is relative to the
    ///   terms, of order 1 at the test points, not to a result that may have cancelled: at
    ///   `(2, −1.5)` the mixed partial of `xʸ`, 0.177·(1 − 1.5 ln 2) = −0.007, comes out 13
    ///   `f32` ulps off relative to itself, under one ulp of its two terms (±0.18).
    const HIGHER: Tol;

    /// Returns the central differences `[fx, fy, fxx, fxy, fyy]` of the plain two-argument
    /// function at `(x, y)` where the width's results are precise enough to be checked against
    /// them (`f64`), `None` where they are not (`f32`, whose closed forms `f64` has checked).
    fn differences(plain: &dyn Fn(Self, Self) -> Self, x: Self, y: Self) -> Option<[f64; 5]>;
}

impl Precision for f64 {
    const FIRST: Tol = Tol::Rel(1e-14);
    const HIGHER: Tol = Tol::Rel(1e-14);

    fn differences(p: &dyn Fn(f64, f64) -> f64, x: f64, y: f64) -> Option<[f64; 5]> {
        Some([
            central(|t| p(t, y), x),
            central(|t| p(x, t), y),
            central2(|t| p(t, y), x),
            central_mixed(p, x, y),
            central2(|t| p(x, t), y),
        ])
    }
}

impl Precision for f32 {
    const FIRST: Tol = Tol::Rel(1e-6);
    const HIGHER: Tol = Tol::Mixed(1e-6);

    fn differences(_: &dyn Fn(f32, f32) -> f32, _: f32, _: f32) -> Option<[f64; 5]> {
        None
    }
}

/// The mixed central difference `∂²f/∂x∂y`, steps as `central2`.
fn central_mixed(f: impl Fn(f64, f64) -> f64, x: f64, y: f64) -> f64 {
    let hx = 1e-4 * x.abs().max(1.0);
    let hy = 1e-4 * y.abs().max(1.0);
    (f(x + hx, y + hy) - f(x + hx, y - hy) - f(x - hx, y + hy) + f(x - hx, y - hy))
        / (4.0 * hx * hy)
}

/// Rounds an `f64` (a test point, a seed) to the width.
fn w<W: Width>(v: f64) -> W {
    W::nearest(v)
}

/// Lifts a constant into any scalar type (every derivative part zero).
fn k<T: Real>(v: f64) -> T {
    T::from_f64(v).expect("every f64 converts")
}

/// [`k`] with the type taken from `_like`, where operators cannot infer it.
fn like<T: Real>(_like: T, v: f64) -> T {
    k(v)
}

/// The bits of the width, for type names: `"64"` or `"32"`.
fn bits<W: Width>() -> &'static str {
    &W::NAME[1..]
}

// =============================================================================================
// What a part of a dual number should hold
// =============================================================================================

/// The quantity a part of a result carries, as a combination of the partial derivatives of
/// `f(x, y)` (a unary function has `fy = fxy = fyy = 0`).
#[derive(Clone, Copy, Debug)]
enum Want {
    /// The value `f`, bit for bit.
    Value,
    /// `a·fx + b·fy`.
    First(f64, f64),
    /// `a·fxx + b·fxy + c·fyy`.
    Second(f64, f64, f64),
    /// `a·fxxx` (unary functions only).
    Third(f64),
    /// Exactly zero: a direction the seeding leaves unseeded (checked against the closed forms'
    /// tables only; the edge and NaN tables leave it to `tests/edge_cases.rs`).
    Zero,
}
use Want::{First, Second, Third, Value, Zero};

/// One part of a result: its name, its content (widened to `f64`) and what it should hold.
struct Reading {
    part: &'static str,
    actual: f64,
    want: Want,
}

fn rd(part: &'static str, actual: impl Into<f64>, want: Want) -> Reading {
    Reading {
        part,
        actual: actual.into(),
        want,
    }
}

/// The value and partial derivatives of `f` at one point.
#[derive(Clone, Copy, Debug)]
struct Jet {
    f: f64,
    fx: f64,
    fy: f64,
    fxx: f64,
    fxy: f64,
    fyy: f64,
    fxxx: Option<f64>,
}

impl Jet {
    fn unary(f: f64, d1: f64, d2: f64, d3: Option<f64>) -> Self {
        Self {
            f,
            fx: d1,
            fy: 0.0,
            fxx: d2,
            fxy: 0.0,
            fyy: 0.0,
            fxxx: d3,
        }
    }

    /// What a part with the given `Want` should hold (`None`: not known, or not a combination
    /// of the jet — `Zero` — so not checked against it).
    fn expect(&self, w: Want) -> Option<f64> {
        match w {
            Value => Some(self.f),
            First(a, b) => Some(lin(&[(a, self.fx), (b, self.fy)])),
            Second(a, b, c) => Some(lin(&[(a, self.fxx), (b, self.fxy), (c, self.fyy)])),
            Third(a) => self.fxxx.map(|t| a * t),
            Zero => None,
        }
    }
}

/// `Σ c·v` over the terms with a nonzero coefficient, so that a partial the part does not
/// depend on (possibly infinite) cannot turn it into NaN.
fn lin(terms: &[(f64, f64)]) -> f64 {
    terms
        .iter()
        .filter(|(c, _)| *c != 0.0)
        .fold(0.0, |s, (c, v)| s + c * v)
}

/// `a` and `b` are the same: equal (so `±0` agree, use [`same_bits`] where the sign of zero
/// matters) or both NaN.
fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

/// `a` and `b` have the same bits, or are both NaN.
fn same_bits(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// Checks every reading against the closed-form jet, rounded to the width `W`, and against the
/// finite-difference jet if given.
#[track_caller]
fn check_readings<W: Precision>(ctx: &str, readings: &[Reading], closed: &Jet, fd: Option<&Jet>) {
    for r in readings {
        let at = format!("{ctx}, part {} ({:?})", r.part, r.want);
        if let Zero = r.want {
            assert!(
                r.actual == 0.0,
                "{at}: unseeded part is {:e}, not 0",
                r.actual
            );
            continue;
        }
        let Some(e) = closed.expect(r.want) else {
            continue;
        };
        let e: f64 = w::<W>(e).into();
        match r.want {
            Value => assert!(
                same_bits(r.actual, e),
                "{at}: value {:e} is not bit-identical to the plain evaluation {e:e}",
                r.actual
            ),
            First(..) | Second(..) | Third(..) => {
                let (tol, fd_tol) = match r.want {
                    First(..) => (W::FIRST, FD1),
                    _ => (W::HIGHER, FD2),
                };
                assert_within(&at, r.actual, e, tol);
                if let Some(fd_e) = fd.and_then(|j| j.expect(r.want)) {
                    assert_within(
                        format_args!("{at} against central differences"),
                        r.actual,
                        fd_e,
                        Tol::Mixed(fd_tol),
                    );
                }
            }
            Zero => unreachable!("handled above"),
        }
    }
}

// =============================================================================================
// The types under test: how each is seeded and what each part holds
// =============================================================================================

/// The `DualVec<_, 3>` direction for unary functions: `eps[k] = f'·DIR[k]`.
const DIR: [f64; 3] = [1.0, -2.0, 0.5];
/// The `DualVec<_, 3>` seeds of `x` and `y` for binary functions: `eps[k] = fx·DX[k] + fy·DY[k]`.
const DX: [f64; 3] = [1.0, 0.0, 0.5];
const DY: [f64; 3] = [0.0, 1.0, -2.0];
const EPS_K: [&str; 3] = ["eps[0]", "eps[1]", "eps[2]"];

/// A dual type over the width `W`: evaluates a function with its inputs seeded, and says what
/// each part holds.
trait Probe<W>: Copy {
    fn name() -> String;
    fn unary(x: W, f: &dyn Fn(Self) -> Self) -> Vec<Reading>;
    fn binary(x: W, y: W, f: &dyn Fn(Self, Self) -> Self) -> Vec<Reading>;
}

fn d<W: Precision>(re: W, eps: W) -> Dual<W> {
    Dual::new(re, eps)
}

impl<W: Precision> Probe<W> for Dual<W> {
    fn name() -> String {
        format!("Dual{}", bits::<W>())
    }
    fn unary(x: W, f: &dyn Fn(Self) -> Self) -> Vec<Reading> {
        let r = f(Dual::new(x, w(1.0)));
        vec![rd("re", r.re, Value), rd("eps", r.eps, First(1.0, 0.0))]
    }
    fn binary(x: W, y: W, f: &dyn Fn(Self, Self) -> Self) -> Vec<Reading> {
        let a = f(Dual::variable(x), Dual::constant(y));
        let b = f(Dual::constant(x), Dual::variable(y));
        vec![
            rd("re", a.re, Value),
            rd("eps (x seeded)", a.eps, First(1.0, 0.0)),
            rd("re", b.re, Value),
            rd("eps (y seeded)", b.eps, First(0.0, 1.0)),
        ]
    }
}

impl<W: Precision> Probe<W> for DualVec<W, 3> {
    fn name() -> String {
        format!("DualVec{}<3>", bits::<W>())
    }
    fn unary(x: W, f: &dyn Fn(Self) -> Self) -> Vec<Reading> {
        // A unit seed (the other directions exactly zero), and a general direction.
        let u = f(DualVec::variable(x, 1));
        let r = f(DualVec::new(x, DIR.map(w)));
        let mut v = vec![
            rd("re (unit seed)", u.re, Value),
            rd("eps[0] (unit seed)", u.eps[0], Zero),
            rd("eps[1] (unit seed)", u.eps[1], First(1.0, 0.0)),
            rd("eps[2] (unit seed)", u.eps[2], Zero),
            rd("re", r.re, Value),
        ];
        v.extend((0..3).map(|i| rd(EPS_K[i], r.eps[i], First(DIR[i], 0.0))));
        v
    }
    fn binary(x: W, y: W, f: &dyn Fn(Self, Self) -> Self) -> Vec<Reading> {
        // Unit seeds in directions 0 and 2 (direction 1 exactly zero), and general seeds.
        let u = f(DualVec::variable(x, 0), DualVec::variable(y, 2));
        let r = f(DualVec::new(x, DX.map(w)), DualVec::new(y, DY.map(w)));
        let mut v = vec![
            rd("re (unit seeds)", u.re, Value),
            rd("eps[0] (unit seeds)", u.eps[0], First(1.0, 0.0)),
            rd("eps[1] (unit seeds)", u.eps[1], Zero),
            rd("eps[2] (unit seeds)", u.eps[2], First(0.0, 1.0)),
            rd("re", r.re, Value),
        ];
        v.extend((0..3).map(|i| rd(EPS_K[i], r.eps[i], First(DX[i], DY[i]))));
        v
    }
}

impl<W: Precision> Probe<W> for HyperDual<W> {
    fn name() -> String {
        format!("HyperDual{}", bits::<W>())
    }
    fn unary(x: W, f: &dyn Fn(Self) -> Self) -> Vec<Reading> {
        let r = f(HyperDual::variable(x));
        vec![
            rd("re", r.re, Value),
            rd("e1", r.e1, First(1.0, 0.0)),
            rd("e2", r.e2, First(1.0, 0.0)),
            rd("e12", r.e12, Second(1.0, 0.0, 0.0)),
        ]
    }
    fn binary(x: W, y: W, f: &dyn Fn(Self, Self) -> Self) -> Vec<Reading> {
        let (one, zero) = (w::<W>(1.0), w::<W>(0.0));
        let (xv, xc) = (HyperDual::variable(x), HyperDual::constant(x));
        let (yv, yc) = (HyperDual::variable(y), HyperDual::constant(y));
        let xx = f(xv, yc);
        let yy = f(xc, yv);
        let xy = f(
            HyperDual::new(x, one, zero, zero),
            HyperDual::new(y, zero, one, zero),
        );
        vec![
            rd("re", xx.re, Value),
            rd("e1 (x, x seeded)", xx.e1, First(1.0, 0.0)),
            rd("e2 (x, x seeded)", xx.e2, First(1.0, 0.0)),
            rd("e12 (x, x seeded)", xx.e12, Second(1.0, 0.0, 0.0)),
            rd("re", yy.re, Value),
            rd("e1 (y, y seeded)", yy.e1, First(0.0, 1.0)),
            rd("e2 (y, y seeded)", yy.e2, First(0.0, 1.0)),
            rd("e12 (y, y seeded)", yy.e12, Second(0.0, 0.0, 1.0)),
            rd("re", xy.re, Value),
            rd("e1 (x, y seeded)", xy.e1, First(1.0, 0.0)),
            rd("e2 (x, y seeded)", xy.e2, First(0.0, 1.0)),
            rd("e12 (x, y seeded)", xy.e12, Second(0.0, 1.0, 0.0)),
        ]
    }
}

impl<W: Precision> Probe<W> for Dual2Vec<W, 2> {
    fn name() -> String {
        format!("Dual2Vec{}<2>", bits::<W>())
    }
    fn unary(x: W, f: &dyn Fn(Self) -> Self) -> Vec<Reading> {
        // Seeded in direction 0; direction 1 stays exactly zero.
        let r = f(Dual2Vec::variable(x, 0));
        vec![
            rd("re", r.re, Value),
            rd("grad[0]", r.grad[0], First(1.0, 0.0)),
            rd("grad[1]", r.grad[1], Zero),
            rd("hess(0, 0)", r.hess(0, 0), Second(1.0, 0.0, 0.0)),
            rd("hess(0, 1)", r.hess(0, 1), Zero),
            rd("hess(1, 0)", r.hess(1, 0), Zero),
            rd("hess(1, 1)", r.hess(1, 1), Zero),
        ]
    }
    fn binary(x: W, y: W, f: &dyn Fn(Self, Self) -> Self) -> Vec<Reading> {
        let r = f(Dual2Vec::variable(x, 0), Dual2Vec::variable(y, 1));
        vec![
            rd("re", r.re, Value),
            rd("grad[0]", r.grad[0], First(1.0, 0.0)),
            rd("grad[1]", r.grad[1], First(0.0, 1.0)),
            rd("hess(0, 0)", r.hess(0, 0), Second(1.0, 0.0, 0.0)),
            rd("hess(0, 1)", r.hess(0, 1), Second(0.0, 1.0, 0.0)),
            rd("hess(1, 0)", r.hess(1, 0), Second(0.0, 1.0, 0.0)),
            rd("hess(1, 1)", r.hess(1, 1), Second(0.0, 0.0, 1.0)),
        ]
    }
}

impl<W: Precision> Probe<W> for Dual<Dual<W>> {
    fn name() -> String {
        format!("Dual<Dual{}>", bits::<W>())
    }
    fn unary(x: W, f: &dyn Fn(Self) -> Self) -> Vec<Reading> {
        let (one, zero) = (w::<W>(1.0), w::<W>(0.0));
        let r = f(Dual::new(d(x, one), d(one, zero)));
        vec![
            rd("re.re", r.re.re, Value),
            rd("re.eps", r.re.eps, First(1.0, 0.0)),
            rd("eps.re", r.eps.re, First(1.0, 0.0)),
            rd("eps.eps", r.eps.eps, Second(1.0, 0.0, 0.0)),
        ]
    }
    fn binary(x: W, y: W, f: &dyn Fn(Self, Self) -> Self) -> Vec<Reading> {
        let (one, zero) = (w::<W>(1.0), w::<W>(0.0));
        let var = |v: W| Dual::new(d(v, one), d(one, zero));
        let cst = |v: W| Dual::new(d(v, zero), d(zero, zero));
        let xx = f(var(x), cst(y));
        let yy = f(cst(x), var(y));
        let xy = f(
            Dual::new(d(x, one), d(zero, zero)),
            Dual::new(d(y, zero), d(one, zero)),
        );
        vec![
            rd("re.re", xx.re.re, Value),
            rd("re.eps (x, x seeded)", xx.re.eps, First(1.0, 0.0)),
            rd("eps.re (x, x seeded)", xx.eps.re, First(1.0, 0.0)),
            rd("eps.eps (x, x seeded)", xx.eps.eps, Second(1.0, 0.0, 0.0)),
            rd("re.re", yy.re.re, Value),
            rd("re.eps (y, y seeded)", yy.re.eps, First(0.0, 1.0)),
            rd("eps.re (y, y seeded)", yy.eps.re, First(0.0, 1.0)),
            rd("eps.eps (y, y seeded)", yy.eps.eps, Second(0.0, 0.0, 1.0)),
            rd("re.re", xy.re.re, Value),
            rd("re.eps (x, y seeded)", xy.re.eps, First(1.0, 0.0)),
            rd("eps.re (x, y seeded)", xy.eps.re, First(0.0, 1.0)),
            rd("eps.eps (x, y seeded)", xy.eps.eps, Second(0.0, 1.0, 0.0)),
        ]
    }
}

impl<W: Precision> Probe<W> for HyperDual<Dual<W>> {
    fn name() -> String {
        format!("HyperDual<Dual{}>", bits::<W>())
    }
    fn unary(x: W, f: &dyn Fn(Self) -> Self) -> Vec<Reading> {
        let (one, zero) = (d(w(1.0), w(0.0)), d(w(0.0), w(0.0)));
        let r = f(HyperDual::new(d(x, w(1.0)), one, one, zero));
        vec![
            rd("re.re", r.re.re, Value),
            rd("re.eps", r.re.eps, First(1.0, 0.0)),
            rd("e1.re", r.e1.re, First(1.0, 0.0)),
            rd("e2.re", r.e2.re, First(1.0, 0.0)),
            rd("e1.eps", r.e1.eps, Second(1.0, 0.0, 0.0)),
            rd("e2.eps", r.e2.eps, Second(1.0, 0.0, 0.0)),
            rd("e12.re", r.e12.re, Second(1.0, 0.0, 0.0)),
            rd("e12.eps", r.e12.eps, Third(1.0)),
        ]
    }
    fn binary(x: W, y: W, f: &dyn Fn(Self, Self) -> Self) -> Vec<Reading> {
        let (one, zero) = (d(w(1.0), w(0.0)), d(w(0.0), w(0.0)));
        // ε₁ on x, ε₂ on y; the inner ε on x, then on y.
        let a = f(
            HyperDual::new(d(x, w(1.0)), one, zero, zero),
            HyperDual::new(d(y, w(0.0)), zero, one, zero),
        );
        let b = f(
            HyperDual::new(d(x, w(0.0)), one, zero, zero),
            HyperDual::new(d(y, w(1.0)), zero, one, zero),
        );
        vec![
            rd("re.re", a.re.re, Value),
            rd("re.eps (inner x)", a.re.eps, First(1.0, 0.0)),
            rd("e1.re", a.e1.re, First(1.0, 0.0)),
            rd("e2.re", a.e2.re, First(0.0, 1.0)),
            rd("e12.re", a.e12.re, Second(0.0, 1.0, 0.0)),
            rd("e1.eps (inner x)", a.e1.eps, Second(1.0, 0.0, 0.0)),
            rd("e2.eps (inner x)", a.e2.eps, Second(0.0, 1.0, 0.0)),
            rd("re.re", b.re.re, Value),
            rd("re.eps (inner y)", b.re.eps, First(0.0, 1.0)),
            rd("e1.eps (inner y)", b.e1.eps, Second(0.0, 1.0, 0.0)),
            rd("e2.eps (inner y)", b.e2.eps, Second(0.0, 0.0, 1.0)),
        ]
    }
}

/// Something to check on every type over the width `W` with a unary function.
trait Check<W> {
    fn run<T: Probe<W>>(&self, f: &dyn Fn(T) -> T);
}

/// Something to check on every type over the width `W` with a binary function.
trait Check2<W> {
    fn run2<T: Probe<W>>(&self, f: &dyn Fn(T, T) -> T);
}

// The macros below run a check on the types over `W`, the width of the module they expand in.

/// Runs a check with a unary function body on every type.
macro_rules! each_type {
    ($check:expr, |$x:ident| $e:expr) => {{
        each_flat!($check, |$x| $e);
        each_nested!($check, |$x| $e);
    }};
}

/// Runs a check with a unary function body on the one-level types.
macro_rules! each_flat {
    ($check:expr, |$x:ident| $e:expr) => {{
        let c = &$check;
        Check::run::<Dual<W>>(c, &|$x| $e);
        Check::run::<DualVec<W, 3>>(c, &|$x| $e);
        Check::run::<HyperDual<W>>(c, &|$x| $e);
        Check::run::<Dual2Vec<W, 2>>(c, &|$x| $e);
    }};
}

/// Runs a check with a unary function body on the nested types.
macro_rules! each_nested {
    ($check:expr, |$x:ident| $e:expr) => {{
        let c = &$check;
        Check::run::<Dual<Dual<W>>>(c, &|$x| $e);
        Check::run::<HyperDual<Dual<W>>>(c, &|$x| $e);
    }};
}

/// Runs a check with a binary function body on every type.
macro_rules! each_type2 {
    ($check:expr, |$x:ident, $y:ident| $e:expr) => {{
        each_flat2!($check, |$x, $y| $e);
        each_nested2!($check, |$x, $y| $e);
    }};
}

/// Runs a check with a binary function body on the one-level types.
macro_rules! each_flat2 {
    ($check:expr, |$x:ident, $y:ident| $e:expr) => {{
        let c = &$check;
        Check2::run2::<Dual<W>>(c, &|$x, $y| $e);
        Check2::run2::<DualVec<W, 3>>(c, &|$x, $y| $e);
        Check2::run2::<HyperDual<W>>(c, &|$x, $y| $e);
        Check2::run2::<Dual2Vec<W, 2>>(c, &|$x, $y| $e);
    }};
}

/// Runs a check with a binary function body on the nested types.
macro_rules! each_nested2 {
    ($check:expr, |$x:ident, $y:ident| $e:expr) => {{
        let c = &$check;
        Check2::run2::<Dual<Dual<W>>>(c, &|$x, $y| $e);
        Check2::run2::<HyperDual<Dual<W>>>(c, &|$x, $y| $e);
    }};
}

// =============================================================================================
// The tables' checks: value, derivatives and closed forms at points of the domain
// =============================================================================================

/// A unary function at one point: the plain function at the width and its closed-form
/// derivatives in `f64`.
struct Unary<W> {
    name: &'static str,
    x: W,
    plain: fn(W) -> W,
    d1: fn(f64) -> f64,
    d2: fn(f64) -> f64,
    d3: fn(f64) -> f64,
}

impl<W: Precision> Check<W> for Unary<W> {
    fn run<T: Probe<W>>(&self, f: &dyn Fn(T) -> T) {
        let (x, p) = (self.x, self.plain);
        let x64: f64 = x.into();
        let value: f64 = p(x).into();
        let closed = Jet::unary(value, (self.d1)(x64), (self.d2)(x64), Some((self.d3)(x64)));
        let fd = W::differences(&|t, _| p(t), x, x)
            .map(|[d1, _, d2, _, _]| Jet::unary(value, d1, d2, None));
        let ctx = format!("{} at x = {x:e} on {}", self.name, T::name());
        check_readings::<W>(&ctx, &T::unary(x, f), &closed, fd.as_ref());
    }
}

/// A binary function at one point: the plain function at the width and its closed-form
/// partials in `f64`.
struct Binary<W> {
    name: &'static str,
    x: W,
    y: W,
    plain: fn(W, W) -> W,
    fx: fn(f64, f64) -> f64,
    fy: fn(f64, f64) -> f64,
    fxx: fn(f64, f64) -> f64,
    fxy: fn(f64, f64) -> f64,
    fyy: fn(f64, f64) -> f64,
}

impl<W: Precision> Check2<W> for Binary<W> {
    fn run2<T: Probe<W>>(&self, f: &dyn Fn(T, T) -> T) {
        let (x, y, p) = (self.x, self.y, self.plain);
        let (x64, y64): (f64, f64) = (x.into(), y.into());
        let value: f64 = p(x, y).into();
        let closed = Jet {
            f: value,
            fx: (self.fx)(x64, y64),
            fy: (self.fy)(x64, y64),
            fxx: (self.fxx)(x64, y64),
            fxy: (self.fxy)(x64, y64),
            fyy: (self.fyy)(x64, y64),
            fxxx: None,
        };
        let fd = W::differences(&p, x, y).map(|[fx, fy, fxx, fxy, fyy]| Jet {
            f: value,
            fx,
            fy,
            fxx,
            fxy,
            fyy,
            fxxx: None,
        });
        let ctx = format!("{} at (x, y) = ({x:e}, {y:e}) on {}", self.name, T::name());
        check_readings::<W>(&ctx, &T::binary(x, y, f), &closed, fd.as_ref());
    }
}

/// One `#[test]` per unary function: every point on every type.
macro_rules! unary {
    ($(#[$m:meta])* $name:ident: |$x:ident| $e:expr,
     plain: $p:expr, d1: $d1:expr, d2: $d2:expr, d3: $d3:expr,
     at: [$($pt:expr),+ $(,)?] $(,)?) => {
        $(#[$m])*
        #[test]
        fn $name() {
            for x in [$($pt),+] {
                let c = Unary::<W> {
                    name: stringify!($name), x: w(x), plain: $p, d1: $d1, d2: $d2, d3: $d3,
                };
                each_type!(c, |$x| $e);
            }
        }
    };
}

/// One `#[test]` per binary function: every point on every type.
macro_rules! binary {
    ($(#[$m:meta])* $name:ident: |$x:ident, $y:ident| $e:expr,
     plain: $p:expr, fx: $fx:expr, fy: $fy:expr, fxx: $fxx:expr, fxy: $fxy:expr, fyy: $fyy:expr,
     at: [$(($px:expr, $py:expr)),+ $(,)?] $(,)?) => {
        $(#[$m])*
        #[test]
        fn $name() {
            for (x, y) in [$(($px, $py)),+] {
                let c = Binary::<W> {
                    name: stringify!($name), x: w(x), y: w(y), plain: $p,
                    fx: $fx, fy: $fy, fxx: $fxx, fxy: $fxy, fyy: $fyy,
                };
                each_type2!(c, |$x, $y| $e);
            }
        }
    };
}

// =============================================================================================
// References for the special functions
// =============================================================================================

/// The Euler–Mascheroni constant γ.
const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;

/// ζ(3) (Apéry's constant) and ζ(5).
const ZETA3: f64 = 1.202_056_903_159_594_3;
const ZETA5: f64 = 1.036_927_755_143_37;

fn factorial(n: u32) -> f64 {
    (1..=n).map(f64::from).product()
}

/// `(−1)ⁿ⁺¹`.
fn sign_n1(n: u32) -> f64 {
    if n % 2 == 1 { 1.0 } else { -1.0 }
}

/// ψ⁽ⁿ⁾(x) for `n ≥ 1`, `x > 0`, as the Hurwitz zeta series (DLMF 5.15.1)
/// `ψ⁽ⁿ⁾(x) = (−1)ⁿ⁺¹ n! Σₖ (x+k)^−s`, `s = n + 1`: summed directly up to `X = x + 40` (the
/// terms have one sign, so nothing cancels; smallest first), and the tail by Euler–Maclaurin,
/// `Σₖ (X+k)^−s = X^(1−s)/(s−1) + X^−s/2 + Σⱼ B₂ⱼ/(2j)!·s(s+1)…(s+2j−2)·X^−(s+2j−1)`,
/// whose first omitted term is below 1e-17 of the tail for `s ≤ 6`.
fn hurwitz_psi(n: u32, x: f64) -> f64 {
    assert!(n >= 1 && x > 0.0);
    const B2J_OVER_FACT: [f64; 6] = [
        1.0 / 6.0 / 2.0,
        -1.0 / 30.0 / 24.0,
        1.0 / 42.0 / 720.0,
        -1.0 / 30.0 / 40_320.0,
        5.0 / 66.0 / 3_628_800.0,
        -691.0 / 2730.0 / 479_001_600.0,
    ];
    let s = f64::from(n + 1);
    let big_x = x + 40.0;
    let mut tail = big_x.powf(1.0 - s) / (s - 1.0) + 0.5 * big_x.powf(-s);
    let mut rising = s; // s(s+1)…(s+2j−2)
    let mut power = big_x.powf(-s - 1.0);
    for (j, b) in (1u32..).zip(B2J_OVER_FACT) {
        tail += b * rising * power;
        let j2 = f64::from(2 * j);
        rising *= (s + j2 - 1.0) * (s + j2);
        power /= big_x * big_x;
    }
    let head: f64 = (0..40).rev().map(|k| (x + f64::from(k)).powf(-s)).sum();
    sign_n1(n) * factorial(n) * (tail + head)
}

/// ψ⁽ⁿ⁾(x) at an integer `x ≥ 1` or a half-integer `x` of either sign:
/// - `n = 0`: from the literature values ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2 by the recurrence
///   ψ(x + 1) = ψ(x) + 1/x;
/// - `n ≥ 1`, `x > 0`: [`hurwitz_psi`];
/// - `n ≥ 1` even, `x < 0`: the reflection ψ⁽ⁿ⁾(1 − x) − ψ⁽ⁿ⁾(x) = π·dⁿ/dxⁿ cot(πx), which is 0
///   at half-integers for even `n`;
/// - `n` odd, `x < 0`: the recurrence ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x + 1) + n!/|x|ⁿ⁺¹ (positive terms only).
fn psi_lit(n: u32, x: f64) -> f64 {
    let half = x.fract().abs() == 0.5;
    assert!(
        half || (x.fract() == 0.0 && x >= 1.0),
        "no reference ψ at {x}"
    );
    if n == 0 {
        let (mut t, mut v) = if half {
            (0.5, -EULER_GAMMA - 2.0 * LN_2)
        } else {
            (1.0, -EULER_GAMMA)
        };
        while t < x {
            v += 1.0 / t;
            t += 1.0;
        }
        while t > x {
            t -= 1.0;
            v -= 1.0 / t;
        }
        v
    } else if x > 0.0 {
        hurwitz_psi(n, x)
    } else if n.is_multiple_of(2) {
        psi_lit(n, 1.0 - x)
    } else {
        psi_lit(n, x + 1.0) + factorial(n) / x.abs().powi(n as i32 + 1)
    }
}

/// Γ(x) at an integer `x ≥ 1` or a half-integer, from Γ(1) = 1, Γ(1/2) = √π and Γ(x+1) = xΓ(x).
fn gamma_lit(x: f64) -> f64 {
    let half = x.fract().abs() == 0.5;
    assert!(
        half || (x.fract() == 0.0 && x >= 1.0),
        "no reference Γ at {x}"
    );
    let (mut t, mut v) = if half { (0.5, PI.sqrt()) } else { (1.0, 1.0) };
    while t < x {
        v *= t;
        t += 1.0;
    }
    while t > x {
        t -= 1.0;
        v /= t;
    }
    v
}

/// erf' = 2/√π·e^(−x²).
fn erf_d1(x: f64) -> f64 {
    FRAC_2_SQRT_PI * (-x * x).exp()
}

/// The special-function references themselves, against literature values: ψ⁽ⁿ⁾(1) =
/// (−1)ⁿ⁺¹ n! ζ(n+1), ψ⁽ⁿ⁾(1/2) = (2ⁿ⁺¹ − 1) ψ⁽ⁿ⁾(1), the recurrence and the reflection
/// ψ₁(x) + ψ₁(1 − x) = π²/sin²(πx), ψ₃(x) + ψ₃(1 − x) = 2π⁴ at half-integers.
#[test]
fn special_function_references_match_the_literature() {
    let (pi2, pi4) = (PI * PI, PI.powi(4));
    let cases = [
        ("ψ(1)", psi_lit(0, 1.0), -EULER_GAMMA),
        ("ψ(2)", psi_lit(0, 2.0), 1.0 - EULER_GAMMA),
        ("ψ(4)", psi_lit(0, 4.0), 1.0 + 0.5 + 1.0 / 3.0 - EULER_GAMMA),
        ("ψ(−3/2)", psi_lit(0, -1.5), 0.703_156_640_645_243_2),
        ("ψ₁(1)", psi_lit(1, 1.0), pi2 / 6.0),
        ("ψ₂(1)", psi_lit(2, 1.0), -2.0 * ZETA3),
        ("ψ₃(1)", psi_lit(3, 1.0), pi4 / 15.0),
        ("ψ₄(1)", psi_lit(4, 1.0), -24.0 * ZETA5),
        ("ψ₅(1)", psi_lit(5, 1.0), 8.0 * PI.powi(6) / 63.0),
        ("ψ₁(1/2)", psi_lit(1, 0.5), pi2 / 2.0),
        ("ψ₂(1/2)", psi_lit(2, 0.5), -14.0 * ZETA3),
        ("ψ₃(1/2)", psi_lit(3, 0.5), pi4),
        ("ψ₄(1/2)", psi_lit(4, 0.5), -744.0 * ZETA5),
        ("ψ₁(2)", psi_lit(1, 2.0), pi2 / 6.0 - 1.0),
        ("ψ₁(−1/2)", psi_lit(1, -0.5), pi2 / 2.0 + 4.0),
        (
            "ψ₁(−5/2) + ψ₁(7/2)",
            psi_lit(1, -2.5) + psi_lit(1, 3.5),
            pi2,
        ),
        (
            "ψ₃(−3/2) + ψ₃(5/2)",
            psi_lit(3, -1.5) + psi_lit(3, 2.5),
            2.0 * pi4,
        ),
        ("Γ'(1)", gamma_lit(1.0) * psi_lit(0, 1.0), -EULER_GAMMA),
        (
            "Γ''(1)",
            psi_lit(0, 1.0).powi(2) + psi_lit(1, 1.0),
            EULER_GAMMA.powi(2) + pi2 / 6.0,
        ),
        ("Γ(5)", gamma_lit(5.0), 24.0),
        ("Γ(−1/2)", gamma_lit(-0.5), -2.0 * PI.sqrt()),
        ("Γ(9/2)", gamma_lit(4.5), 105.0 / 16.0 * PI.sqrt()),
    ];
    // 1e-15: a few ulps, since `powi` rounds differently when LLVM expands it (release builds).
    for (name, actual, expected) in cases {
        assert_within(name, actual, expected, Tol::Rel(1e-15));
    }
    // And against central differences of the libm-valued Γ and ln Γ (values only).
    for x in [-2.5, -1.5, 0.5, 1.0, 4.5] {
        let g = |t: f64| Real::gamma(t);
        let d1 = gamma_lit(x) * psi_lit(0, x);
        assert_within(format_args!("Γ'({x})"), d1, central(g, x), Tol::Mixed(FD1));
        let l = |t: f64| Real::ln_gamma(t);
        assert_within(
            format_args!("lnΓ''({x})"),
            psi_lit(1, x),
            central2(l, x),
            Tol::Mixed(FD2),
        );
    }
}

// =============================================================================================
// Checks of exact results, NaN propagation and identities
// =============================================================================================

/// Exact `(f, f', f'')` at one point (the expectation rounded to the width); equal values, or
/// both NaN. The third derivative (`HyperDual<Dual<_>>`'s `e12.eps`) is not checked. Mismatches
/// are collected in `log`, so that one test reports every failing case and type at once.
struct Exact<'a> {
    name: &'static str,
    x: f64,
    want: [f64; 3],
    log: &'a RefCell<Vec<String>>,
}

impl<W: Precision> Check<W> for Exact<'_> {
    fn run<T: Probe<W>>(&self, f: &dyn Fn(T) -> T) {
        let [f0, d1, d2] = self.want.map(|v| w::<W>(v).into());
        let jet = Jet::unary(f0, d1, d2, None);
        for r in T::unary(w(self.x), f) {
            let Some(e) = jet.expect(r.want) else {
                continue;
            };
            if !same(r.actual, e) {
                self.log.borrow_mut().push(format!(
                    "{} at x = {:e} on {}, part {} ({:?}): expected {e:e}, actual {:e}",
                    self.name,
                    self.x,
                    T::name(),
                    r.part,
                    r.want,
                    r.actual
                ));
            }
        }
    }
}

/// Panics with every collected mismatch, if any.
#[track_caller]
fn report(log: &RefCell<Vec<String>>) {
    let log = log.borrow();
    assert!(
        log.is_empty(),
        "{} mismatches:\n{}",
        log.len(),
        log.join("\n")
    );
}

/// `exact!(x0 => [f, f', f''], |x| body)`: checks the exact result on every type.
macro_rules! exact {
    ($x0:expr => $want:expr, |$x:ident| $e:expr) => {{
        let log = RefCell::new(Vec::new());
        let c = Exact {
            name: stringify!($e),
            x: $x0,
            want: $want,
            log: &log,
        };
        each_type!(c, |$x| $e);
        report(&log);
    }};
}

/// Two tests from one list of exact results: the first on the one-level types (`Dual`,
/// `DualVec<_, 3>`, `HyperDual`, `Dual2Vec<_, 2>`), the second on the nested types
/// (`Dual<Dual<_>>`, `HyperDual<Dual<_>>`), whose second-derivative parts go through one more
/// product.
macro_rules! edge {
    ($(#[$fm:meta])* $flat:ident, $(#[$m:meta])* $nested:ident {
        $($x0:expr => $want:expr, |$x:ident| $e:expr;)+
    }) => {
        flat_edge!($(#[$fm])* $flat { $($x0 => $want, |$x| $e;)+ });
        nested_edge!($(#[$m])* $nested { $($x0 => $want, |$x| $e;)+ });
    };
}

/// Flat-only edge results: the first test of `edge!` without the nested twin.
macro_rules! flat_edge {
    ($(#[$fm:meta])* $flat:ident { $($x0:expr => $want:expr, |$x:ident| $e:expr;)+ }) => {
        $(#[$fm])*
        #[test]
        fn $flat() {
            let log = RefCell::new(Vec::new());
            $(
                let c = Exact { name: stringify!($e), x: $x0, want: $want, log: &log };
                each_flat!(c, |$x| $e);
            )+
            report(&log);
        }
    };
}

/// Nested-only edge results.
macro_rules! nested_edge {
    ($(#[$m:meta])* $nested:ident { $($x0:expr => $want:expr, |$x:ident| $e:expr;)+ }) => {
        $(#[$m])*
        #[test]
        fn $nested() {
            let log = RefCell::new(Vec::new());
            $(
                let c = Exact { name: stringify!($e), x: $x0, want: $want, log: &log };
                each_nested!(c, |$x| $e);
            )+
            report(&log);
        }
    };
}

/// Every part of the result is NaN (the unseeded ones aside).
struct AllNan {
    name: &'static str,
}

impl<W: Precision> Check<W> for AllNan {
    fn run<T: Probe<W>>(&self, f: &dyn Fn(T) -> T) {
        for r in T::unary(w(NAN), f) {
            assert!(
                r.actual.is_nan() || matches!(r.want, Zero),
                "{}(NaN) on {}: part {} is {:e}",
                self.name,
                T::name(),
                r.part,
                r.actual
            );
        }
    }
}

/// Every part of the result at `(x, y)` is NaN (the unseeded ones aside).
struct AllNan2 {
    name: &'static str,
    x: f64,
    y: f64,
}

impl<W: Precision> Check2<W> for AllNan2 {
    fn run2<T: Probe<W>>(&self, f: &dyn Fn(T, T) -> T) {
        for r in T::binary(w(self.x), w(self.y), f) {
            assert!(
                r.actual.is_nan() || matches!(r.want, Zero),
                "{} at ({:e}, {:e}) on {}: part {} is {:e}",
                self.name,
                self.x,
                self.y,
                T::name(),
                r.part,
                r.actual
            );
        }
    }
}

/// One test per function: a NaN argument gives NaN in every part, on every type.
macro_rules! nan_tests {
    ($($(#[$m:meta])* $name:ident: |$x:ident| $e:expr;)+) => {
        $(
            $(#[$m])*
            #[test]
            fn $name() {
                each_type!(AllNan { name: stringify!($e) }, |$x| $e);
            }
        )+
    };
}

/// One test per binary function: NaN in either argument gives NaN in every part.
macro_rules! nan_tests2 {
    ($($(#[$m:meta])* $name:ident: |$x:ident, $y:ident| $e:expr;)+) => {
        $(
            $(#[$m])*
            #[test]
            fn $name() {
                each_type2!(AllNan2 { name: stringify!($e), x: NAN, y: 1.5 }, |$x, $y| $e);
                each_type2!(AllNan2 { name: stringify!($e), x: 0.5, y: NAN }, |$x, $y| $e);
            }
        )+
    };
}

/// `(f, f', f'')` within `tol` (mixed: relative to `max(|expected|, 1)`) on every type. The
/// third derivative (in `HyperDual<Dual<_>>`) is not checked: for an identity it is a
/// cancellation of terms as large as the pieces' third derivatives (`tan''' ≈ 316` at −1.2),
/// not a few ulps of 1.
struct Near {
    name: &'static str,
    x: f64,
    want: [f64; 3],
    tol: Tol,
}

impl<W: Precision> Check<W> for Near {
    fn run<T: Probe<W>>(&self, f: &dyn Fn(T) -> T) {
        let [f0, d1, d2] = self.want.map(|v| w::<W>(v).into());
        let jet = Jet::unary(f0, d1, d2, None);
        for r in T::unary(w(self.x), f) {
            let Some(e) = jet.expect(r.want) else {
                continue;
            };
            assert_within(
                format_args!(
                    "{} at x = {:e} on {}, part {} ({:?})",
                    self.name,
                    self.x,
                    T::name(),
                    r.part,
                    r.want
                ),
                r.actual,
                e,
                self.tol,
            );
        }
    }
}

// =============================================================================================
// The checks, generated for each width
// =============================================================================================

/// Every check of this file that both widths run, expanded once per width `$w` (as the body of
/// a module; `W` names the width inside it). Test points are written in `f64` and rounded to the
/// width; the closed forms are evaluated at the rounded point, in `f64`.
macro_rules! function_tests {
    ($w:ty) => {
        use super::*;

        /// The width under test.
        type W = $w;

        // ----- sign, rounding and selection -----

        unary!(abs: |x| x.abs(),
            plain: |x| x.abs(), d1: |x| x.signum(), d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.5, -0.5, 0.75, 3.0]);
        unary!(signum: |x| x.signum(),
            plain: |x| x.signum(), d1: |_| 0.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.5, -2.0, -0.5, 0.5, 0.75, 3.0]);
        unary!(floor: |x| x.floor(),
            plain: |x| x.floor(), d1: |_| 0.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.5, -2.3, -0.7, -0.3, 0.4, 0.7, 1.5, 1.6, 3.2]);
        unary!(ceil: |x| x.ceil(),
            plain: |x| x.ceil(), d1: |_| 0.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.5, -2.3, -0.7, -0.3, 0.4, 0.7, 1.5, 1.6, 3.2]);
        // Not at the half-integers, where `round` jumps and a central difference is no reference:
        // `rounding_functions_have_derivative_zero_and_fract_one` has them, exactly.
        unary!(round: |x| x.round(),
            plain: |x| x.round(), d1: |_| 0.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.3, -0.7, -0.3, 0.4, 0.7, 1.6, 3.2]);
        unary!(trunc: |x| x.trunc(),
            plain: |x| x.trunc(), d1: |_| 0.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.5, -2.3, -0.7, -0.3, 0.4, 0.7, 1.5, 1.6, 3.2]);
        unary!(fract: |x| x.fract(),
            plain: |x| x.fract(), d1: |_| 1.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.5, -2.3, -0.7, -0.3, 0.4, 0.7, 1.5, 1.6, 3.2]);
        unary!(clamp_constant_bounds: |x| x.clamp(k(-1.0), k(2.0)),
            plain: |x| x.clamp(-1.0, 2.0),
            d1: |x| if (-1.0..=2.0).contains(&x) { 1.0 } else { 0.0 }, d2: |_| 0.0, d3: |_| 0.0,
            at: [-3.0, -0.5, 0.5, 1.5, 4.0]);
        unary!(copysign_of_constant_sign: |x| x.copysign(k(-1.0)),
            plain: |x| x.copysign(-1.0),
            d1: |x| if x < 0.0 { 1.0 } else { -1.0 }, d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.5, 0.5, 3.0]);
        unary!(max_with_constant: |x| x.max(k(0.5)),
            plain: |x| x.max(0.5),
            d1: |x| if x > 0.5 { 1.0 } else { 0.0 }, d2: |_| 0.0, d3: |_| 0.0,
            at: [-1.0, 0.25, 0.75, 3.0]);
        unary!(min_with_constant: |x| x.min(k(0.5)),
            plain: |x| x.min(0.5),
            d1: |x| if x < 0.5 { 1.0 } else { 0.0 }, d2: |_| 0.0, d3: |_| 0.0,
            at: [-1.0, 0.25, 0.75, 3.0]);
        unary!(abs_sub_of_constant: |x| x.abs_sub(k(1.0)),
            plain: |x| x.abs_sub(1.0),
            d1: |x| if x > 1.0 { 1.0 } else { 0.0 }, d2: |_| 0.0, d3: |_| 0.0,
            at: [-1.0, 0.5, 1.5, 4.0]);
        unary!(mul_add_with_constants: |x| x.mul_add(k(3.0), k(0.5)),
            plain: |x| x.mul_add(3.0, 0.5), d1: |_| 3.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.0, 0.1, 1.7]);
        unary!(mul_add_of_square: |x| x.mul_add(x, k(0.5)),
            plain: |x| x.mul_add(x, 0.5), d1: |x| 2.0 * x, d2: |_| 2.0, d3: |_| 0.0,
            at: [-2.0, 0.1, 1.7]);

        binary!(copysign: |x, y| x.copysign(y),
            plain: |x, y| x.copysign(y),
            fx: |x, y| if x.is_sign_negative() == y.is_sign_negative() { 1.0 } else { -1.0 },
            fy: |_, _| 0.0, fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(1.5, 2.0), (1.5, -2.0), (-0.5, 3.0), (-2.0, -1.0), (2.5, -1.0), (-2.5, -1.0),
                (2.5, 3.0)]);
        binary!(max: |x, y| x.max(y),
            plain: |x, y| x.max(y),
            fx: |x, y| if x >= y { 1.0 } else { 0.0 },
            fy: |x, y| if x >= y { 0.0 } else { 1.0 },
            fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(1.0, 2.0), (3.0, -1.0), (-2.0, -5.0), (-4.0, 0.5)]);
        // x·y where x wins, y² where y wins.
        binary!(max_times_y: |x, y| x.max(y) * y,
            plain: |x, y| x.max(y) * y,
            fx: |x, y| if x > y { y } else { 0.0 },
            fy: |x, y| if x > y { x } else { 2.0 * y },
            fxx: |_, _| 0.0,
            fxy: |x, y| if x > y { 1.0 } else { 0.0 },
            fyy: |x, y| if x > y { 0.0 } else { 2.0 },
            at: [(2.5, -1.0), (-2.5, 1.0)]);
        binary!(min: |x, y| x.min(y),
            plain: |x, y| x.min(y),
            fx: |x, y| if x <= y { 1.0 } else { 0.0 },
            fy: |x, y| if x <= y { 0.0 } else { 1.0 },
            fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(1.0, 2.0), (3.0, -1.0), (-2.0, -5.0), (-4.0, 0.5)]);
        // x·y where x wins, y² where y wins.
        binary!(min_times_y: |x, y| x.min(y) * y,
            plain: |x, y| x.min(y) * y,
            fx: |x, y| if x < y { y } else { 0.0 },
            fy: |x, y| if x < y { x } else { 2.0 * y },
            fxx: |_, _| 0.0,
            fxy: |x, y| if x < y { 1.0 } else { 0.0 },
            fyy: |x, y| if x < y { 0.0 } else { 2.0 },
            at: [(2.5, -1.0), (-2.5, 1.0)]);
        // clamp(x, lo = y, hi = 2): x where lo ≤ x ≤ 2, lo below, the constant 2 above.
        binary!(clamp: |x, y| x.clamp(y, k(2.0)),
            plain: |x, y| x.clamp(y, 2.0),
            fx: |x, y| if x >= y && x <= 2.0 { 1.0 } else { 0.0 },
            fy: |x, y| if x < y { 1.0 } else { 0.0 },
            fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(0.5, -1.0), (-3.0, -1.0), (5.0, -1.0), (1.5, 1.0)]);
        binary!(abs_sub: |x, y| x.abs_sub(y),
            plain: |x, y| x.abs_sub(y),
            fx: |x, y| if x > y { 1.0 } else { 0.0 },
            fy: |x, y| if x > y { -1.0 } else { 0.0 },
            fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(3.0, 1.0), (-1.0, 2.0), (0.5, -4.0), (-2.0, -3.0), (2.5, -1.0), (-2.5, 1.0)]);
        binary!(mul_add: |x, y| x.mul_add(y, k(0.75)),
            plain: |x, y| x.mul_add(y, 0.75),
            fx: |_, y| y, fy: |x, _| x, fxx: |_, _| 0.0, fxy: |_, _| 1.0, fyy: |_, _| 0.0,
            at: [(1.5, -2.0), (-0.3, 0.7), (2.0, 3.0), (-1.1, -0.9)]);
        binary!(mul_add_with_x_as_addend: |x, y| x.mul_add(y, x),
            plain: |x, y| x.mul_add(y, x),
            fx: |_, y| y + 1.0, fy: |x, _| x, fxx: |_, _| 0.0, fxy: |_, _| 1.0, fyy: |_, _| 0.0,
            at: [(2.5, -1.0), (0.3, 4.0)]);

        // ----- arithmetic and remainders -----

        binary!(add: |x, y| x + y,
            plain: |x, y| x + y,
            fx: |_, _| 1.0, fy: |_, _| 1.0, fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(1.5, -2.0)]);
        binary!(sub: |x, y| x - y,
            plain: |x, y| x - y,
            fx: |_, _| 1.0, fy: |_, _| -1.0, fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(1.5, -2.0)]);
        binary!(mul: |x, y| x * y,
            plain: |x, y| x * y,
            fx: |_, y| y, fy: |x, _| x, fxx: |_, _| 0.0, fxy: |_, _| 1.0, fyy: |_, _| 0.0,
            at: [(1.5, -2.0), (0.3, 7.0)]);
        binary!(div: |x, y| x / y,
            plain: |x, y| x / y,
            fx: |_, y| 1.0 / y, fy: |x, y| -x / (y * y),
            fxx: |_, _| 0.0, fxy: |_, y| -1.0 / (y * y), fyy: |x, y| 2.0 * x / (y * y * y),
            at: [(1.5, -2.0), (0.3, 7.0)]);
        binary!(div_euclid: |x, y| x.div_euclid(y),
            plain: |x, y| x.div_euclid(y),
            fx: |_, _| 0.0, fy: |_, _| 0.0, fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (0.3, 0.25)]);
        binary!(rem_euclid: |x, y| x.rem_euclid(y),
            plain: |x, y| x.rem_euclid(y),
            fx: |_, _| 1.0, fy: |x, y| -x.div_euclid(y),
            fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (0.3, 0.25), (-5.5, -1.5)]);
        binary!(rem: |x, y| x % y,
            plain: |x, y| x % y,
            fx: |_, _| 1.0, fy: |x, y| -(x / y).trunc(),
            fxx: |_, _| 0.0, fxy: |_, _| 0.0, fyy: |_, _| 0.0,
            at: [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (0.3, 0.25), (5.5, -1.5)]);
        unary!(rem_by_constant: |x| x % like(x, 2.0),
            plain: |x| x % 2.0, d1: |_| 1.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-7.5, -0.5, 0.3, 3.25, 5.5, 9.0]);
        unary!(rem_of_constant: |y| like(y, 7.5) % y,
            plain: |y| 7.5 % y, d1: |y| -(7.5 / y).trunc(), d2: |_| 0.0, d3: |_| 0.0,
            at: [-2.0, 0.7, 2.0, 4.0]);
        unary!(rem_euclid_by_constant: |x| x.rem_euclid(k(2.0)),
            plain: |x| x.rem_euclid(2.0), d1: |_| 1.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-7.5, -0.5, 3.25]);
        unary!(div_euclid_by_constant: |x| x.div_euclid(k(2.0)),
            plain: |x| x.div_euclid(2.0), d1: |_| 0.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-7.5, -0.5, 3.25]);

        // ----- powers and roots -----

        unary!(recip: |x| x.recip(),
            plain: |x| x.recip(),
            d1: |x| -1.0 / (x * x), d2: |x| 2.0 / (x * x * x), d3: |x| -6.0 / (x * x * x * x),
            at: [-3.0, -0.5, 0.25, 2.0, 7.0]);
        unary!(powi_3: |x| x.powi(3),
            plain: |x| x.powi(3), d1: |x| 3.0 * x * x, d2: |x| 6.0 * x, d3: |_| 6.0,
            at: [-1.5, -0.5, 0.5, 0.7, 2.0]);
        unary!(powi_minus_2: |x| x.powi(-2),
            plain: |x| x.powi(-2),
            d1: |x| -2.0 / (x * x * x), d2: |x| 6.0 / (x * x * x * x), d3: |x| -24.0 / x.powi(5),
            at: [-1.5, -0.5, 0.5, 0.7, 2.0]);
        unary!(powi_1: |x| x.powi(1),
            plain: |x| x.powi(1), d1: |_| 1.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-1.5, -0.5, 0.5, 0.7, 2.0]);
        unary!(powi_0: |x| x.powi(0),
            plain: |x| x.powi(0), d1: |_| 0.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-1.5, -0.5, 0.5, 0.7, 2.0]);
        unary!(powf_constant_2_5: |x| x.powf(k(2.5)),
            plain: |x| x.powf(2.5),
            d1: |x| 2.5 * x * x.sqrt(), d2: |x| 3.75 * x.sqrt(), d3: |x| 1.875 / x.sqrt(),
            at: [0.3, 0.5, 1.0, 2.5, 3.0, 4.0]);
        unary!(powf_constant_3: |x| x.powf(k(3.0)),
            plain: |x| x.powf(3.0), d1: |x| 3.0 * x * x, d2: |x| 6.0 * x, d3: |_| 6.0,
            at: [-2.0, -0.5, 0.3, 1.5]);
        unary!(powf_constant_minus_0_5: |x| x.powf(k(-0.5)),
            plain: |x| x.powf(-0.5),
            d1: |x| -0.5 / (x * x.sqrt()), d2: |x| 0.75 / (x * x * x.sqrt()),
            d3: |x| -1.875 / (x * x * x * x.sqrt()),
            at: [0.25, 0.3, 1.0, 2.0, 2.5, 4.0, 9.0]);
        // (2.5ˣ)⁽ⁿ⁾ = 2.5ˣ·lnⁿ 2.5.
        unary!(powf_constant_base: |x| like(x, 2.5).powf(x),
            plain: |x| w::<W>(2.5).powf(x),
            d1: |x| 2.5f64.powf(x) * 2.5f64.ln(),
            d2: |x| 2.5f64.powf(x) * 2.5f64.ln().powi(2),
            d3: |x| 2.5f64.powf(x) * 2.5f64.ln().powi(3),
            at: [-1.0, 0.5, 3.0]);
        unary!(sqrt: |x| x.sqrt(),
            plain: |x| x.sqrt(),
            d1: |x| 0.5 / x.sqrt(), d2: |x| -0.25 / (x * x.sqrt()),
            d3: |x| 0.375 / (x * x * x.sqrt()),
            at: [0.25, 0.5, 1.0, 2.0, 9.0, 10.0]);
        unary!(cbrt: |x| x.cbrt(),
            plain: |x| x.cbrt(),
            d1: |x| 1.0 / (3.0 * x.cbrt().powi(2)),
            d2: |x| -2.0 / (9.0 * x.cbrt().powi(5)),
            d3: |x| 10.0 / (27.0 * x.cbrt().powi(8)),
            at: [-8.0, -0.5, -0.3, 0.3, 0.5, 2.0, 27.0]);
        // hypot(x, 3) = √(x² + 9): h' = x/h, h'' = 9/h³, h''' = −27x/h⁵.
        unary!(hypot_with_constant: |x| x.hypot(k(3.0)),
            plain: |x| x.hypot(3.0),
            d1: |x| x / x.hypot(3.0),
            d2: |x| 9.0 / x.hypot(3.0).powi(3),
            d3: |x| -27.0 * x / x.hypot(3.0).powi(5),
            at: [-4.0, 0.5, 2.0]);

        binary!(powf: |x, y| x.powf(y),
            plain: |x, y| x.powf(y),
            fx: |x, y| y * x.powf(y - 1.0),
            fy: |x, y| x.powf(y) * x.ln(),
            fxx: |x, y| y * (y - 1.0) * x.powf(y - 2.0),
            fxy: |x, y| x.powf(y - 1.0) * (1.0 + y * x.ln()),
            fyy: |x, y| x.powf(y) * x.ln() * x.ln(),
            at: [(0.5, 2.5), (2.0, -1.5), (3.0, 0.5), (1.5, 3.0), (2.0, 1.5), (0.5, -2.0),
                (3.0, 0.25)]);
        binary!(powd: |x, y| x.powd(y),
            plain: |x, y| x.powf(y),
            fx: |x, y| y * x.powf(y - 1.0),
            fy: |x, y| x.powf(y) * x.ln(),
            fxx: |x, y| y * (y - 1.0) * x.powf(y - 2.0),
            fxy: |x, y| x.powf(y - 1.0) * (1.0 + y * x.ln()),
            fyy: |x, y| x.powf(y) * x.ln() * x.ln(),
            at: [(0.5, 2.5), (2.0, -1.5), (3.0, 0.5), (1.5, 3.0), (2.0, 1.5), (0.5, -2.0)]);
        binary!(hypot: |x, y| x.hypot(y),
            plain: |x, y| x.hypot(y),
            fx: |x, y| x / (x * x + y * y).sqrt(),
            fy: |x, y| y / (x * x + y * y).sqrt(),
            fxx: |x, y| y * y / (x * x + y * y).powf(1.5),
            fxy: |x, y| -x * y / (x * x + y * y).powf(1.5),
            fyy: |x, y| x * x / (x * x + y * y).powf(1.5),
            at: [(3.0, 4.0), (-1.0, 2.0), (0.5, -0.2), (-2.0, -3.0), (-1.5, 2.0), (0.5, -2.5)]);

        // ----- exponentials and logarithms -----

        unary!(exp: |x| x.exp(),
            plain: |x| x.exp(), d1: |x| x.exp(), d2: |x| x.exp(), d3: |x| x.exp(),
            at: [-3.0, -0.5, 0.0, 0.7, 1.0, 4.0, 5.0]);
        unary!(exp2: |x| x.exp2(),
            plain: |x| x.exp2(),
            d1: |x| x.exp2() * LN_2, d2: |x| x.exp2() * LN_2 * LN_2,
            d3: |x| x.exp2() * LN_2.powi(3),
            at: [-3.0, -0.5, 0.0, 0.7, 1.0, 4.0, 5.0]);
        unary!(exp_m1: |x| x.exp_m1(),
            plain: |x| x.exp_m1(), d1: |x| x.exp(), d2: |x| x.exp(), d3: |x| x.exp(),
            at: [-2.0, -1.0, -1e-3, 1e-4, 1e-3, 0.5, 2.0]);
        unary!(ln: |x| x.ln(),
            plain: |x| x.ln(), d1: |x| 1.0 / x, d2: |x| -1.0 / (x * x), d3: |x| 2.0 / (x * x * x),
            at: [0.1, 0.5, 1.0, 2.0, 10.0, 100.0]);
        unary!(ln_1p: |x| x.ln_1p(),
            plain: |x| x.ln_1p(),
            d1: |x| 1.0 / (1.0 + x), d2: |x| -1.0 / (1.0 + x).powi(2),
            d3: |x| 2.0 / (1.0 + x).powi(3),
            at: [-0.5, -1e-3, 0.0, 0.2, 1.0, 3.0, 10.0]);
        unary!(log_base_3: |x| x.log(k(3.0)),
            plain: |x| x.log(3.0),
            d1: |x| 1.0 / (x * 3f64.ln()), d2: |x| -1.0 / (x * x * 3f64.ln()),
            d3: |x| 2.0 / (x * x * x * 3f64.ln()),
            at: [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]);
        unary!(log2: |x| x.log2(),
            plain: |x| x.log2(),
            d1: |x| 1.0 / (x * LN_2), d2: |x| -1.0 / (x * x * LN_2),
            d3: |x| 2.0 / (x * x * x * LN_2),
            at: [0.1, 0.5, 1.0, 3.0, 10.0, 64.0]);
        unary!(log10: |x| x.log10(),
            plain: |x| x.log10(),
            d1: |x| 1.0 / (x * LN_10), d2: |x| -1.0 / (x * x * LN_10),
            d3: |x| 2.0 / (x * x * x * LN_10),
            at: [0.1, 0.5, 1.0, 3.0, 10.0, 1000.0]);
        // log_b 5 = ln 5/ln b: with L = ln b, −ln 5/(bL²), ln 5·(L + 2)/(b²L³),
        // −2 ln 5·(L² + 3L + 3)/(b³L⁴).
        unary!(log_variable_base: |b| like(b, 5.0).log(b),
            plain: |b| w::<W>(5.0).log(b),
            d1: |b| -5f64.ln() / (b * b.ln().powi(2)),
            d2: |b| 5f64.ln() * (b.ln() + 2.0) / (b * b * b.ln().powi(3)),
            d3: |b| {
                let l = b.ln();
                -2.0 * 5f64.ln() * (l * l + 3.0 * l + 3.0) / (b.powi(3) * l.powi(4))
            },
            at: [0.3, 2.0, 7.0]);
        binary!(log: |x, y| x.log(y),
            plain: |x, y| x.log(y),
            fx: |x, y| 1.0 / (x * y.ln()),
            fy: |x, y| -x.ln() / (y * y.ln().powi(2)),
            fxx: |x, y| -1.0 / (x * x * y.ln()),
            fxy: |x, y| -1.0 / (x * y * y.ln().powi(2)),
            fyy: |x, y| x.ln() * (y.ln() + 2.0) / (y * y * y.ln().powi(3)),
            at: [(2.0, 10.0), (0.5, 3.0), (7.0, 0.5), (0.2, 1.5), (5.0, 2.0), (0.3, 10.0),
                (8.0, 0.5)]);

        // ----- trigonometric -----

        unary!(sin: |x| x.sin(),
            plain: |x| x.sin(), d1: |x| x.cos(), d2: |x| -x.sin(), d3: |x| -x.cos(),
            at: [-2.0, -0.5, 0.3, 1.0, 1.2, 2.5, 4.0]);
        unary!(cos: |x| x.cos(),
            plain: |x| x.cos(), d1: |x| -x.sin(), d2: |x| -x.cos(), d3: |x| x.sin(),
            at: [-2.0, -0.5, 0.3, 1.0, 1.2, 2.5, 4.0]);
        unary!(sin_cos_sin: |x| x.sin_cos().0,
            plain: |x| x.sin_cos().0, d1: |x| x.cos(), d2: |x| -x.sin(), d3: |x| -x.cos(),
            at: [-2.0, -0.5, 0.3, 2.5, 4.0]);
        unary!(sin_cos_cos: |x| x.sin_cos().1,
            plain: |x| x.sin_cos().1, d1: |x| -x.sin(), d2: |x| -x.cos(), d3: |x| x.sin(),
            at: [-2.0, -0.5, 0.3, 2.5, 4.0]);
        // tan' = 1/cos², tan'' = 2 sin/cos³, tan''' = (2 + 4 sin²)/cos⁴.
        unary!(tan: |x| x.tan(),
            plain: |x| x.tan(),
            d1: |x| 1.0 / x.cos().powi(2),
            d2: |x| 2.0 * x.sin() / x.cos().powi(3),
            d3: |x| (2.0 + 4.0 * x.sin().powi(2)) / x.cos().powi(4),
            at: [-1.2, -0.5, -0.4, 0.3, 1.0, 2.5]);
        unary!(asin: |x| x.asin(),
            plain: |x| x.asin(),
            d1: |x| 1.0 / (1.0 - x * x).sqrt(),
            d2: |x| x / (1.0 - x * x).powf(1.5),
            d3: |x| (1.0 + 2.0 * x * x) / (1.0 - x * x).powf(2.5),
            at: [-0.9, -0.3, 0.0, 0.2, 0.5, 0.7, 0.8]);
        unary!(acos: |x| x.acos(),
            plain: |x| x.acos(),
            d1: |x| -1.0 / (1.0 - x * x).sqrt(),
            d2: |x| -x / (1.0 - x * x).powf(1.5),
            d3: |x| -(1.0 + 2.0 * x * x) / (1.0 - x * x).powf(2.5),
            at: [-0.9, -0.3, 0.0, 0.2, 0.5, 0.7, 0.8]);
        unary!(atan: |x| x.atan(),
            plain: |x| x.atan(),
            d1: |x| 1.0 / (1.0 + x * x),
            d2: |x| -2.0 * x / (1.0 + x * x).powi(2),
            d3: |x| (6.0 * x * x - 2.0) / (1.0 + x * x).powi(3),
            at: [-5.0, -3.0, -1.0, -0.5, 0.0, 0.2, 0.5, 2.0, 3.0]);
        // atan2(y, 2) = atan(y/2): 2/(y² + 4), −4y/(y² + 4)², (12y² − 16)/(y² + 4)³.
        unary!(atan2_as_numerator: |y| y.atan2(k(2.0)),
            plain: |y| y.atan2(2.0),
            d1: |y| 2.0 / (y * y + 4.0),
            d2: |y| -4.0 * y / (y * y + 4.0).powi(2),
            d3: |y| (12.0 * y * y - 16.0) / (y * y + 4.0).powi(3),
            at: [-3.0, 0.5, 1.0]);
        // atan2(3/2, x): −(3/2)/(x² + 9/4), 3x/(x² + 9/4)², (27/4 − 9x²)/(x² + 9/4)³.
        unary!(atan2_as_denominator: |x| like(x, 1.5).atan2(x),
            plain: |x| w::<W>(1.5).atan2(x),
            d1: |x| -1.5 / (x * x + 2.25),
            d2: |x| 3.0 * x / (x * x + 2.25).powi(2),
            d3: |x| (6.75 - 9.0 * x * x) / (x * x + 2.25).powi(3),
            at: [-3.0, 0.0, 0.5, 2.0]);
        // atan2(a, b) = atan(a/b) in the right quadrant: ∂a = b/r², ∂b = −a/r², with r² = a² + b².
        binary!(atan2: |a, b| a.atan2(b),
            plain: |a, b| a.atan2(b),
            fx: |a, b| b / (a * a + b * b),
            fy: |a, b| -a / (a * a + b * b),
            fxx: |a, b| -2.0 * a * b / (a * a + b * b).powi(2),
            fxy: |a, b| (a * a - b * b) / (a * a + b * b).powi(2),
            fyy: |a, b| 2.0 * a * b / (a * a + b * b).powi(2),
            at: [(1.0, 2.0), (-1.0, -0.5), (2.0, -3.0), (-0.5, 1.5), (2.0, 0.0), (-1.5, 0.0),
                (-1.0, 0.5), (1.5, 0.0)]);

        // ----- hyperbolic -----

        unary!(sinh: |x| x.sinh(),
            plain: |x| x.sinh(), d1: |x| x.cosh(), d2: |x| x.sinh(), d3: |x| x.cosh(),
            at: [-3.0, -2.0, -0.5, 0.0, 0.3, 1.0, 2.5, 3.0]);
        unary!(cosh: |x| x.cosh(),
            plain: |x| x.cosh(), d1: |x| x.sinh(), d2: |x| x.cosh(), d3: |x| x.sinh(),
            at: [-3.0, -2.0, -0.5, 0.0, 0.3, 1.0, 2.5, 3.0]);
        // tanh' = 1/cosh², tanh'' = −2 sinh/cosh³, tanh''' = (4 sinh² − 2)/cosh⁴.
        unary!(tanh: |x| x.tanh(),
            plain: |x| x.tanh(),
            d1: |x| 1.0 / x.cosh().powi(2),
            d2: |x| -2.0 * x.sinh() / x.cosh().powi(3),
            d3: |x| (4.0 * x.sinh().powi(2) - 2.0) / x.cosh().powi(4),
            at: [-3.0, -1.5, -0.5, 0.0, 0.3, 1.0, 1.2, 2.5]);
        unary!(asinh: |x| x.asinh(),
            plain: |x| x.asinh(),
            d1: |x| 1.0 / (x * x + 1.0).sqrt(),
            d2: |x| -x / (x * x + 1.0).powf(1.5),
            d3: |x| (2.0 * x * x - 1.0) / (x * x + 1.0).powf(2.5),
            at: [-3.0, -0.5, 0.0, 0.2, 1.0, 10.0]);
        unary!(acosh: |x| x.acosh(),
            plain: |x| x.acosh(),
            d1: |x| 1.0 / (x * x - 1.0).sqrt(),
            d2: |x| -x / (x * x - 1.0).powf(1.5),
            d3: |x| (2.0 * x * x + 1.0) / (x * x - 1.0).powf(2.5),
            at: [1.1, 1.5, 2.0, 3.0, 3.5, 10.0]);
        unary!(atanh: |x| x.atanh(),
            plain: |x| x.atanh(),
            d1: |x| 1.0 / (1.0 - x * x),
            d2: |x| 2.0 * x / (1.0 - x * x).powi(2),
            d3: |x| (2.0 + 6.0 * x * x) / (1.0 - x * x).powi(3),
            at: [-0.9, -0.8, -0.3, 0.0, 0.1, 0.5, 0.6, 0.8]);

        // ----- angles -----

        unary!(to_degrees: |x| x.to_degrees(),
            plain: |x| x.to_degrees(), d1: |_| 180.0 / PI, d2: |_| 0.0, d3: |_| 0.0,
            at: [-3.0, -2.0, -0.5, 0.5, 1.0, 3.0, 100.0]);
        unary!(to_radians: |x| x.to_radians(),
            plain: |x| x.to_radians(), d1: |_| PI / 180.0, d2: |_| 0.0, d3: |_| 0.0,
            at: [-270.0, -90.0, -0.5, 1.0, 45.0, 100.0, 270.0]);

        // ----- special functions -----

        unary!(erf: |x| x.erf(),
            plain: |x| Real::erf(x),
            d1: erf_d1, d2: |x| -2.0 * x * erf_d1(x), d3: |x| (4.0 * x * x - 2.0) * erf_d1(x),
            at: [-2.0, -0.5, 0.0, 0.3, 0.7, 1.5]);
        unary!(erfc: |x| x.erfc(),
            plain: |x| Real::erfc(x),
            d1: |x| -erf_d1(x), d2: |x| 2.0 * x * erf_d1(x),
            d3: |x| -(4.0 * x * x - 2.0) * erf_d1(x),
            at: [-2.0, -1.0, -0.5, 0.0, 0.5, 0.7, 1.5, 2.0, 4.0]);
        // Γ' = Γψ, Γ'' = Γ(ψ² + ψ₁), Γ''' = Γ(ψ³ + 3ψψ₁ + ψ₂).
        unary!(gamma: |x| x.gamma(),
            plain: |x| Real::gamma(x),
            d1: |x| gamma_lit(x) * psi_lit(0, x),
            d2: |x| gamma_lit(x) * (psi_lit(0, x).powi(2) + psi_lit(1, x)),
            d3: |x| {
                let (p0, p1, p2) = (psi_lit(0, x), psi_lit(1, x), psi_lit(2, x));
                gamma_lit(x) * (p0.powi(3) + 3.0 * p0 * p1 + p2)
            },
            at: [-2.5, -1.5, -0.5, 0.5, 1.0, 1.5, 2.5, 3.0, 4.0, 4.5]);
        unary!(ln_gamma: |x| x.ln_gamma(),
            plain: |x| Real::ln_gamma(x),
            d1: |x| psi_lit(0, x), d2: |x| psi_lit(1, x), d3: |x| psi_lit(2, x),
            at: [-2.5, -1.5, -0.5, 0.5, 1.0, 1.5, 3.0, 4.0, 4.5, 7.5]);
        unary!(digamma: |x| x.digamma(),
            plain: |x| Real::digamma(x),
            d1: |x| psi_lit(1, x), d2: |x| psi_lit(2, x), d3: |x| psi_lit(3, x),
            at: [-2.5, -1.5, -0.5, 0.5, 1.0, 2.5, 4.0, 5.0, 7.5]);
        unary!(polygamma_1: |x| x.polygamma(1),
            plain: |x| Real::polygamma(x, 1),
            d1: |x| psi_lit(2, x), d2: |x| psi_lit(3, x), d3: |x| psi_lit(4, x),
            at: [-0.5, 0.5, 1.0, 3.0, 4.0, 7.5]);
        unary!(polygamma_2: |x| x.polygamma(2),
            plain: |x| Real::polygamma(x, 2),
            d1: |x| psi_lit(3, x), d2: |x| psi_lit(4, x), d3: |x| psi_lit(5, x),
            at: [-0.5, 0.5, 1.0, 4.0, 7.5]);
        // Further left, ψ⁽⁴⁾ (the third derivative of ψ₁, the second of ψ₂) loses accuracy in the
        // library's upward recurrence. References by the reflection ψ₄(x) = ψ₄(1 − x) at
        // half-integers: ψ₄(−3/2) = −0.31375599950673136, ψ₄(−5/2) = −0.067995999506731364.
        unary!(polygamma_1_far_left: |x| x.polygamma(1),
            plain: |x| Real::polygamma(x, 1),
            d1: |x| psi_lit(2, x), d2: |x| psi_lit(3, x), d3: |x| psi_lit(4, x),
            at: [-1.5, -2.5]);
        unary!(polygamma_2_far_left: |x| x.polygamma(2),
            plain: |x| Real::polygamma(x, 2),
            d1: |x| psi_lit(3, x), d2: |x| psi_lit(4, x), d3: |x| psi_lit(5, x),
            at: [-1.5, -2.5]);

        /// The literature values through the dual types directly: Γ'(1) = −γ,
        /// Γ''(1) = γ² + π²/6, ψ(1) = −γ, ψ₁(1) = π²/6.
        #[test]
        fn gamma_and_digamma_at_one_give_the_literature_values() {
            let lit = |what: &str, actual: W, expected: f64, tol: Tol| {
                assert_within(what, actual, w(expected), tol);
            };
            let g = HyperDual::<W>::variable(1.0).gamma();
            assert_eq!(g.re, 1.0);
            lit("Γ'(1)", g.e1, -EULER_GAMMA, W::FIRST);
            let gamma2 = EULER_GAMMA * EULER_GAMMA + PI * PI / 6.0;
            lit("Γ''(1)", g.e12, gamma2, W::HIGHER);
            let p = Dual::<W>::variable(1.0).digamma();
            lit("ψ(1)", p.re, -0.577_215_664_901_532_9, W::FIRST);
            lit("ψ₁(1)", p.eps, PI * PI / 6.0, W::FIRST);
            let l = HyperDual::<W>::variable(1.0).ln_gamma();
            assert_eq!(l.re, 0.0);
            lit("lnΓ'(1)", l.e1, -EULER_GAMMA, W::FIRST);
            lit("lnΓ''(1)", l.e12, PI * PI / 6.0, W::HIGHER);
        }

        // ----- edge points: exact results on every type -----

        edge!(sqrt_at_zero_has_infinite_slope,
            sqrt_at_zero_has_infinite_slope_nested {
            0.0 => [0.0, INF, -INF], |x| x.sqrt();
        });

        flat_edge!(sqrt_at_negative_zero_mirrors_positive_zero {
            -0.0 => [-0.0, INF, -INF], |x| x.sqrt();
        });

        // Exact singular points of nested types, where the slope's own derivative has to come
        // out of the slope formula: sqrt at −0 (whose slope is taken from the side sqrt is
        // defined on) and cbrt at ±0 (whose slope 1/(3∛x²) once met 0·∞ in ∛x·∛x). The
        // expectations are the limits.
        nested_edge!(sqrt_at_negative_zero_nested {
            -0.0 => [-0.0, INF, -INF], |x| x.sqrt();
        });

        nested_edge!(cbrt_at_zero_nested {
            0.0 => [0.0, INF, -INF], |x| x.cbrt();
            -0.0 => [-0.0, INF, INF], |x| x.cbrt();
        });

        edge!(ln_at_zero_has_infinite_slope,
            ln_at_zero_has_infinite_slope_nested {
            0.0 => [-INF, INF, -INF], |x| x.ln();
            -1.0 => [-INF, INF, -INF], |x| x.ln_1p();
        });

        edge!(outside_the_domain_every_part_is_nan,
            outside_the_domain_every_part_is_nan_nested {
            -1.0 => [NAN, NAN, NAN], |x| x.ln();
            -1.0 => [NAN, NAN, NAN], |x| x.log2();
            -1.0 => [NAN, NAN, NAN], |x| x.log10();
            -2.0 => [NAN, NAN, NAN], |x| x.ln_1p();
            -1.0 => [NAN, NAN, NAN], |x| x.sqrt();
            1.5 => [NAN, NAN, NAN], |x| x.asin();
            -1.5 => [NAN, NAN, NAN], |x| x.acos();
            0.5 => [NAN, NAN, NAN], |x| x.acosh();
            1.5 => [NAN, NAN, NAN], |x| x.atanh();
            -2.0 => [NAN, NAN, NAN], |x| x.powf(k(1.5));
        });

        edge!(inverse_trigonometric_at_the_ends_of_the_domain,
            inverse_trigonometric_at_the_ends_of_the_domain_nested {
            1.0 => [FRAC_PI_2, INF, INF], |x| x.asin();
            -1.0 => [-FRAC_PI_2, INF, -INF], |x| x.asin();
            1.0 => [0.0, -INF, -INF], |x| x.acos();
            -1.0 => [PI, -INF, INF], |x| x.acos();
        });

        edge!(inverse_hyperbolic_at_the_ends_of_the_domain,
            inverse_hyperbolic_at_the_ends_of_the_domain_nested {
            1.0 => [INF, INF, INF], |x| x.atanh();
            -1.0 => [-INF, INF, -INF], |x| x.atanh();
            1.0 => [0.0, INF, -INF], |x| x.acosh();
        });

        edge!(saturation_and_underflow_give_zero_derivatives,
            saturation_and_underflow_give_zero_derivatives_nested {
            400.0 => [1.0, 0.0, 0.0], |x| x.tanh();
            -400.0 => [-1.0, 0.0, 0.0], |x| x.tanh();
            INF => [1.0, 0.0, 0.0], |x| x.tanh();
            -INF => [-1.0, 0.0, 0.0], |x| x.tanh();
            -1000.0 => [0.0, 0.0, 0.0], |x| x.exp();
            -INF => [0.0, 0.0, 0.0], |x| x.exp();
            -2000.0 => [0.0, 0.0, 0.0], |x| x.exp2();
        });

        edge!(exp_overflow_gives_infinite_derivatives,
            exp_overflow_gives_infinite_derivatives_nested {
            1000.0 => [INF, INF, INF], |x| x.exp();
            INF => [INF, INF, INF], |x| x.exp();
            2000.0 => [INF, INF, INF], |x| x.exp2();
        });

        edge!(atan_at_infinity_has_zero_derivatives,
            atan_at_infinity_has_zero_derivatives_nested {
            INF => [FRAC_PI_2, 0.0, 0.0], |x| x.atan();
            -INF => [-FRAC_PI_2, 0.0, 0.0], |x| x.atan();
        });

        edge!(powf_with_a_constant_exponent_at_zero_and_below,
            powf_with_a_constant_exponent_at_zero_and_below_nested {
            0.0 => [0.0, 0.0, INF], |x| x.powf(k(1.5));
            0.0 => [0.0, 0.0, 2.0], |x| x.powf(k(2.0));
            -2.0 => [-8.0, 12.0, -12.0], |x| x.powf(k(3.0));
            0.0 => [0.0, 1.0, 0.0], |x| x.powf(k(1.0));
            0.0 => [1.0, 0.0, 0.0], |x| x.powf(k(0.0));
        });

        edge!(powi_at_zero, powi_at_zero_nested {
            0.0 => [1.0, 0.0, 0.0], |x| x.powi(0);
            0.0 => [0.0, 1.0, 0.0], |x| x.powi(1);
            0.0 => [0.0, 0.0, 2.0], |x| x.powi(2);
            0.0 => [0.0, 0.0, 0.0], |x| x.powi(3);
            -2.0 => [-8.0, 12.0, -12.0], |x| x.powi(3);
        });

        edge!(abs_at_signed_zero_follows_the_sign_bit,
            abs_at_signed_zero_follows_the_sign_bit_nested {
            0.0 => [0.0, 1.0, 0.0], |x| x.abs();
            -0.0 => [0.0, -1.0, 0.0], |x| x.abs();
            // |x|² = x² is smooth: second derivative 2 from either side.
            0.0 => [0.0, 0.0, 2.0], |x| x.abs() * x.abs();
            -0.0 => [0.0, 0.0, 2.0], |x| x.abs() * x.abs();
            0.0 => [0.0, 0.0, 2.0], |x| x.abs().powi(2);
        });

        edge!(recip_at_zero, recip_at_zero_nested {
            0.0 => [INF, -INF, INF], |x| x.recip();
            -0.0 => [-INF, -INF, -INF], |x| x.recip();
            0.0 => [INF, -INF, INF], |x| x.powi(-1);
        });

        flat_edge!(cbrt_at_zero {
            0.0 => [0.0, INF, -INF], |x| x.cbrt();
            -0.0 => [-0.0, INF, INF], |x| x.cbrt();
        });

        edge!(gamma_and_digamma_at_the_poles_do_not_panic,
            gamma_and_digamma_at_the_poles_do_not_panic_nested {
            // At a negative integer: the libm value (±∞ or NaN), NaN derivatives (ψ has no
            // value).
            -1.0 => [Real::gamma(-1.0), NAN, NAN], |x| x.gamma();
            -2.0 => [Real::gamma(-2.0), NAN, NAN], |x| x.gamma();
            -3.0 => [Real::gamma(-3.0), NAN, NAN], |x| x.gamma();
            -1.0 => [NAN, NAN, NAN], |x| x.digamma();
            -4.0 => [NAN, NAN, NAN], |x| x.digamma();
            // At ±0 the sign bit picks the side: Γ ≈ 1/x, so Γ' ≈ −1/x² and Γ'' ≈ 2/x³;
            // ψ ≈ −1/x, ψ₁ ≈ 1/x², ψ₂ ≈ −2/x³.
            0.0 => [INF, -INF, INF], |x| x.gamma();
            -0.0 => [-INF, -INF, -INF], |x| x.gamma();
            0.0 => [-INF, INF, -INF], |x| x.digamma();
            -0.0 => [INF, INF, INF], |x| x.digamma();
        });

        flat_edge!(ln_gamma_at_the_poles {
            // ln Γ → +∞, ψ has no value, ψ₁ → +∞ from both sides.
            -2.0 => [INF, NAN, INF], |x| x.ln_gamma();
            // At ±0: ln Γ ≈ −ln|x|, ψ(±0) = ∓∞, ψ₁ = +∞.
            0.0 => [INF, -INF, INF], |x| x.ln_gamma();
            -0.0 => [INF, INF, INF], |x| x.ln_gamma();
        });

        // Not checked on nested types: there the slope ψ(x) is itself a dual number whose value
        // is NaN at a pole, and (documented) a NaN value carries NaN derivative parts, so
        // `Dual<Dual<_>>` gives a NaN second derivative while `HyperDual<Dual<_>>` (whose e12
        // uses ψ₁ directly) gives +∞.

        #[test]
        fn rounding_functions_have_derivative_zero_and_fract_one() {
            for x in [2.0, -3.0, 2.5, -2.5, 1.5, 0.5, -0.0] {
                exact!(x => [x.floor(), 0.0, 0.0], |t| t.floor());
                exact!(x => [x.ceil(), 0.0, 0.0], |t| t.ceil());
                exact!(x => [x.round(), 0.0, 0.0], |t| t.round());
                exact!(x => [x.trunc(), 0.0, 0.0], |t| t.trunc());
                exact!(x => [x.fract(), 1.0, 0.0], |t| t.fract());
                exact!(x => [x.signum(), 0.0, 0.0], |t| t.signum());
            }
        }

        #[test]
        fn sqrt_of_a_constant_zero_has_zero_derivative() {
            assert_eq!(Dual::<W>::constant(0.0).sqrt().eps, 0.0);
            let h = HyperDual::<W>::constant(0.0).sqrt();
            assert_eq!((h.re, h.e1, h.e2, h.e12), (0.0, 0.0, 0.0, 0.0));
            // Only the direction the argument depends on gets the infinite slope.
            let v = DualVec::<W, 3>::new(0.0, [0.0, 1.0, 0.0]).sqrt();
            assert_eq!(v.eps, [0.0, W::INFINITY, 0.0]);
        }

        #[test]
        fn atan2_at_the_origin_has_nan_derivatives() {
            let dx = Dual::<W>::constant(0.0).atan2(Dual::variable(0.0));
            let dy = Dual::<W>::variable(0.0).atan2(Dual::constant(0.0));
            assert_eq!((dx.re, dy.re), (0.0, 0.0));
            assert!(dx.eps.is_nan() && dy.eps.is_nan(), "{dx:?} {dy:?}");
            // A constant origin stays constant.
            assert_eq!(Dual::<W>::constant(0.0).atan2(Dual::constant(0.0)).eps, 0.0);
        }

        #[test]
        fn powf_with_a_variable_exponent_at_a_negative_base() {
            // ∂/∂x is the power rule; ∂/∂y = x^y ln x is undefined for x < 0.
            let dx = Dual::<W>::variable(-2.0).powf(Dual::constant(3.0));
            assert_eq!((dx.re, dx.eps), (-8.0, 12.0));
            let dy = Dual::<W>::constant(-2.0).powf(Dual::variable(3.0));
            assert_eq!(dy.re, -8.0);
            assert!(dy.eps.is_nan(), "{dy:?}");
            // x = 0, y > 0: x^y = 0 in a neighbourhood of y, so ∂/∂y = 0.
            let z = Dual::<W>::constant(0.0).powf(Dual::variable(2.5));
            assert_eq!((z.re, z.eps), (0.0, 0.0));
        }

        #[test]
        fn remainder_partials() {
            // x % y = x − y·trunc(x/y): ∂x = 1, ∂y = −trunc(x/y).
            let dx = Dual::<W>::variable(7.5) % Dual::constant(2.0);
            assert_eq!((dx.re, dx.eps), (1.5, 1.0));
            let dy = Dual::<W>::constant(7.5) % Dual::variable(2.0);
            assert_eq!((dy.re, dy.eps), (1.5, -3.0));
            let dy = Dual::<W>::constant(-7.5) % Dual::variable(2.0);
            assert_eq!((dy.re, dy.eps), (-1.5, 3.0));
            // The scalar forms.
            let s = 7.5 % Dual::<W>::variable(2.0);
            assert_eq!((s.re, s.eps), (1.5, -3.0));
            let s = Dual::<W>::variable(7.5) % 2.0;
            assert_eq!((s.re, s.eps), (1.5, 1.0));
            let h = HyperDual::<W>::new(7.5, 1.0, 0.0, 0.0) % HyperDual::new(2.0, 0.0, 1.0, 0.0);
            assert_eq!((h.re, h.e1, h.e2, h.e12), (1.5, 1.0, -3.0, 0.0));
        }

        #[test]
        fn remainder_by_zero_is_nan_in_every_part() {
            for x in [7.5, -1.0, 0.0] {
                let y = 0.0;
                each_type2!(AllNan2 { name: "x % 0", x, y }, |a, b| a % b);
                each_type2!(AllNan2 { name: "rem_euclid(x, 0)", x, y }, |a, b| a.rem_euclid(b));
                // div_euclid(x, 0) is what the plain float gives (±∞, or NaN for 0/0), and does
                // not panic.
                let (xw, yw) = (w::<W>(x), w::<W>(y));
                let q = Dual::<W>::variable(xw).div_euclid(Dual::variable(yw));
                assert!(
                    same_bits(q.re.into(), xw.div_euclid(yw).into()),
                    "div_euclid({x}, 0) = {q:?}"
                );
            }
        }

        #[test]
        fn max_and_min_on_a_tie_return_self() {
            let (a, b) = (Dual::<W>::new(1.0, 2.0), Dual::<W>::new(1.0, 5.0));
            assert_eq!(a.max(b).eps, 2.0);
            assert_eq!(a.min(b).eps, 2.0);
            assert_eq!(b.max(a).eps, 5.0);
            assert_eq!(b.min(a).eps, 5.0);
            let (a, b) = (
                HyperDual::<W>::new(1.0, 2.0, 3.0, 4.0),
                HyperDual::<W>::new(1.0, 5.0, 6.0, 7.0),
            );
            let m = a.max(b);
            assert_eq!((m.e1, m.e2, m.e12), (2.0, 3.0, 4.0));
            let m = a.min(b);
            assert_eq!((m.e1, m.e2, m.e12), (2.0, 3.0, 4.0));
            // +0 and −0 tie: the value is what the plain float gives, the derivatives are self's.
            let (p, n) = (Dual::<W>::new(0.0, 2.0), Dual::<W>::new(-0.0, 5.0));
            assert_eq!(p.max(n).eps, 2.0);
            assert_eq!(n.min(p).eps, 5.0);
            assert!(same_bits(p.max(n).re.into(), w::<W>(0.0).max(-0.0).into()));
            assert!(same_bits(n.min(p).re.into(), w::<W>(-0.0).min(0.0).into()));
        }

        #[test]
        fn max_and_min_ignore_a_nan_argument() {
            let (nan, y) = (Dual::<W>::new(W::NAN, 1.0), Dual::<W>::new(2.0, 3.0));
            for r in [nan.max(y), nan.min(y), y.max(nan), y.min(nan)] {
                assert_eq!((r.re, r.eps), (2.0, 3.0));
            }
            let (nan, y) = (
                HyperDual::<W>::new(W::NAN, 1.0, 1.0, 1.0),
                HyperDual::<W>::new(2.0, 3.0, 4.0, 5.0),
            );
            for r in [nan.max(y), nan.min(y), y.max(nan), y.min(nan)] {
                assert_eq!((r.re, r.e1, r.e2, r.e12), (2.0, 3.0, 4.0, 5.0));
            }
        }

        #[test]
        fn clamp_with_inverted_or_nan_bounds_does_not_panic() {
            let (lo, hi) = (Dual::<W>::new(3.0, 7.0), Dual::<W>::new(1.0, 9.0));
            // Documented: `min` if self < min, else `max` if self > max, else self.
            let r = Dual::<W>::new(5.0, 1.0).clamp(lo, hi);
            assert_eq!((r.re, r.eps), (1.0, 9.0));
            // A NaN bound compares false: self.
            let nan = Dual::<W>::new(W::NAN, 2.0);
            let r = Dual::<W>::new(0.5, 1.0).clamp(nan, hi);
            assert_eq!((r.re, r.eps), (0.5, 1.0));
            let r = Dual::<W>::new(0.5, 1.0).clamp(lo, nan);
            assert_eq!((r.re, r.eps), (3.0, 7.0));
        }

        #[test]
        fn clamp_with_inverted_bounds_applies_the_plain_floats_two_steps() {
            // Documented: `if x < min { x = min }` then `if x > max { x = max }` (the plain
            // clamp's own steps, without its panic), so below min the result is max; above min
            // it is max too.
            let (lo, hi) = (Dual::<W>::new(3.0, 7.0), Dual::<W>::new(1.0, 9.0));
            for x in [0.0, 2.0, 5.0] {
                let r = Dual::<W>::new(x, 1.0).clamp(lo, hi);
                assert_eq!((r.re, r.eps), (1.0, 9.0), "clamp({x}, 3, 1)");
            }
        }

        /// Found by the fuzz target: for an exponent `|p| ≥ 2⁵³` (`2²⁴` in `f32`), `p − 1` rounds
        /// to `p`, so `x^(p−1)` took the parity of `p`: `d/dx xᵖ = p·x^(p−1)` at `x = −1` with
        /// `p = 2⁶⁰` (even) is `−p` (`p − 1` is odd), not `+p`.
        #[test]
        fn slope_of_a_huge_power_keeps_its_parity() {
            let p: W = w::<W>(2.0).powi(60);
            let d = Dual::<W>::variable(-1.0).powf(Dual::constant(p));
            assert_eq!((d.re, d.eps), (1.0, -p));
            let h = HyperDual::<W>::variable(-1.0).powf(HyperDual::constant(p));
            assert_eq!((h.re, h.e1), (1.0, -p));
            // p(p − 1)·x^(p−2): p − 2 is even like p, and p(p − 1) rounds to p²
            assert_eq!(h.e12, p * p);
            let d = Dual::<W>::variable(-1.0).powd(Dual::constant(p));
            assert_eq!(d.eps, -p);
        }

        #[test]
        fn slopes_that_vanish_at_infinity_have_zero_curvature_there() {
            // erf'' = −2x·erf', asinh'' = −x/(x²+1)^(3/2), acosh'' = −x/(x²−1)^(3/2): each → 0
            // as x → ±∞ (the factor decays faster than x grows), so the limit is 0, not ∞·0.
            for x in [W::INFINITY, W::NEG_INFINITY] {
                for (name, h, value) in [
                    ("erf", HyperDual::<W>::variable(x).erf(), Real::erf(x)),
                    ("erfc", HyperDual::<W>::variable(x).erfc(), Real::erfc(x)),
                    ("asinh", HyperDual::<W>::variable(x).asinh(), x.asinh()),
                ] {
                    assert_eq!(
                        (h.re, h.e1.abs(), h.e12.abs()),
                        (value, 0.0, 0.0),
                        "{name}({x})"
                    );
                }
            }
            let h = HyperDual::<W>::variable(W::INFINITY).acosh();
            assert_eq!((h.re, h.e1, h.e12.abs()), (W::INFINITY, 0.0, 0.0), "acosh(inf)");
        }

        /// `tanh'` and `tanh''` keep their relative accuracy where `tanh x` is close to ±1: the
        /// closed forms `1/cosh²x` and `−2 sinh x/cosh³x` are accurate there, `1 − tanh²x` is not
        /// (at x = 20, `tanh x` rounds to 1 and `1 − tanh²x` to 0, while `1/cosh²20 ≈ 1.7e-17`).
        #[test]
        fn tanh_derivatives_keep_relative_accuracy_in_the_tails() {
            for x in [5.0, -10.0, 10.0, 20.0] {
                let h = HyperDual::<W>::variable(w(x)).tanh();
                let closed = |v: f64| -> W { w(v) };
                assert_within(
                    format_args!("tanh at {x}, f'"),
                    h.e1,
                    closed(1.0 / x.cosh().powi(2)),
                    W::FIRST,
                );
                assert_within(
                    format_args!("tanh at {x}, f''"),
                    h.e12,
                    closed(-2.0 * x.sinh() / x.cosh().powi(3)),
                    W::HIGHER,
                );
            }
        }

        // ----- NaN in, NaN out -----

        mod nan_in_nan_out {
            use super::*;

            nan_tests! {
                abs: |x| x.abs();
                signum: |x| x.signum();
                floor: |x| x.floor();
                ceil: |x| x.ceil();
                round: |x| x.round();
                trunc: |x| x.trunc();
                fract: |x| x.fract();
                clamp: |x| x.clamp(k(-1.0), k(2.0));
                copysign: |x| x.copysign(k(-1.0));
                rem_by_constant: |x| x % like(x, 2.0);
                recip: |x| x.recip();
                powi: |x| x.powi(3);
                powi_negative: |x| x.powi(-2);
                powf_constant: |x| x.powf(k(2.5));
                sqrt: |x| x.sqrt();
                cbrt: |x| x.cbrt();
                exp: |x| x.exp();
                exp2: |x| x.exp2();
                exp_m1: |x| x.exp_m1();
                ln: |x| x.ln();
                ln_1p: |x| x.ln_1p();
                log_constant_base: |x| x.log(k(3.0));
                log2: |x| x.log2();
                log10: |x| x.log10();
                sin: |x| x.sin();
                cos: |x| x.cos();
                sin_cos_sin: |x| x.sin_cos().0;
                sin_cos_cos: |x| x.sin_cos().1;
                tan: |x| x.tan();
                asin: |x| x.asin();
                acos: |x| x.acos();
                atan: |x| x.atan();
                sinh: |x| x.sinh();
                cosh: |x| x.cosh();
                tanh: |x| x.tanh();
                asinh: |x| x.asinh();
                acosh: |x| x.acosh();
                atanh: |x| x.atanh();
                to_degrees: |x| x.to_degrees();
                to_radians: |x| x.to_radians();
                erf: |x| x.erf();
                erfc: |x| x.erfc();
                gamma: |x| x.gamma();
                ln_gamma: |x| x.ln_gamma();
                digamma: |x| x.digamma();
                polygamma_1: |x| x.polygamma(1);
                polygamma_2: |x| x.polygamma(2);
            }

            #[test]
            fn abs_sub() {
                each_flat2!(AllNan2 { name: "abs_sub", x: NAN, y: 1.5 }, |x, y| x.abs_sub(y));
                each_flat2!(AllNan2 { name: "abs_sub", x: 0.5, y: NAN }, |x, y| x.abs_sub(y));
            }

            #[test]
            fn abs_sub_nested() {
                each_nested2!(AllNan2 { name: "abs_sub", x: NAN, y: 1.5 }, |x, y| x.abs_sub(y));
                each_nested2!(AllNan2 { name: "abs_sub", x: 0.5, y: NAN }, |x, y| x.abs_sub(y));
            }

            nan_tests2! {
                mul_add: |x, y| x.mul_add(y, k(0.75));
                mul_add_addend: |x, y| like(x, 0.75).mul_add(x, y);
                div_euclid: |x, y| x.div_euclid(y);
                rem_euclid: |x, y| x.rem_euclid(y);
                rem: |x, y| x % y;
                powf: |x, y| x.powf(y);
                powd: |x, y| x.powd(y);
                hypot: |x, y| x.hypot(y);
                log: |x, y| x.log(y);
                atan2: |x, y| x.atan2(y);
            }
        }

        // ----- identities -----
        //
        // Mixed tolerances: on f64 1e-15 where the composition rounds a few times, 1e-14 where it
        // goes through more functions; on f32 1e-6 (about 8 ulps) for all.

        #[test]
        fn sin_squared_plus_cos_squared_is_constant() {
            for x in [-2.0, -0.5, 0.3, 1.2, 4.0] {
                let c = Near {
                    name: "sin² + cos²",
                    x,
                    want: [1.0, 0.0, 0.0],
                    tol: Tol::Mixed(W::tol(1e-15, 1e-6).into()),
                };
                each_type!(c, |t| t.sin() * t.sin() + t.cos() * t.cos());
            }
        }

        #[test]
        fn exp_of_ln_is_the_identity() {
            for x in [1.5, 2.0, 5.0, 10.0] {
                let c = Near {
                    name: "exp(ln x)",
                    x,
                    want: [x, 1.0, 0.0],
                    tol: Tol::Mixed(W::tol(1e-15, 1e-6).into()),
                };
                each_type!(c, |t| t.ln().exp());
            }
        }

        #[test]
        fn sqrt_squared_is_the_identity() {
            for x in [0.5, 2.0, 9.0] {
                let c = Near {
                    name: "√x·√x",
                    x,
                    want: [x, 1.0, 0.0],
                    tol: Tol::Mixed(W::tol(1e-14, 1e-6).into()),
                };
                each_type!(c, |t| t.sqrt() * t.sqrt());
            }
        }

        #[test]
        fn tanh_agrees_with_sinh_over_cosh() {
            for x in [-1.5, -0.3, 0.5, 2.0] {
                let c = Near {
                    name: "tanh − sinh/cosh",
                    x,
                    want: [0.0; 3],
                    tol: Tol::Mixed(W::tol(1e-14, 1e-6).into()),
                };
                each_type!(c, |t| t.tanh() - t.sinh() / t.cosh());
            }
        }

        #[test]
        fn atan_of_tan_is_the_identity() {
            for x in [-1.2, -0.4, 0.3, 1.0] {
                let c = Near {
                    name: "atan(tan x)",
                    x,
                    want: [x, 1.0, 0.0],
                    tol: Tol::Mixed(W::tol(1e-14, 1e-6).into()),
                };
                each_type!(c, |t| t.tan().atan());
            }
        }

        #[test]
        fn asinh_of_sinh_is_the_identity() {
            for x in [-3.0, -0.5, 0.2, 2.0] {
                let c = Near {
                    name: "asinh(sinh x)",
                    x,
                    want: [x, 1.0, 0.0],
                    tol: Tol::Mixed(W::tol(1e-14, 1e-6).into()),
                };
                each_type!(c, |t| t.sinh().asinh());
            }
        }
    };
}

/// The checks on `Dual64`, `DualVec64<3>`, `HyperDual64`, `Dual2Vec64<2>`, `Dual<Dual64>` and
/// `HyperDual<Dual64>`, and those that only `f64` has.
mod on_f64 {
    function_tests!(f64);

    use dualdiff::{Dual64, HyperDual64};

    #[test]
    fn atan2_on_the_y_axis_has_finite_partials() {
        for y in [3.0, -2.0, 0.5] {
            // ∂/∂x atan2(y, x) = −y/(x² + y²) = −1/y at x = 0; ∂/∂y = x/(x² + y²) = 0.
            let dx = Dual64::constant(y).atan2(Dual64::variable(0.0));
            assert_eq!(dx.re, y.atan2(0.0));
            assert_within(
                format_args!("∂x atan2({y}, 0)"),
                dx.eps,
                -1.0 / y,
                Tol::Rel(1e-16),
            );
            let dy = Dual64::variable(y).atan2(Dual64::constant(0.0));
            assert_eq!(dy.eps, 0.0);
        }
    }

    /// Up to 1e300, beyond `f32`'s range.
    #[test]
    fn angle_conversions_are_bit_identical_and_scale_exactly() {
        for x in [-720.0, -1.0, 0.1, 1.0, 3.0, 1e300] {
            let deg = Dual64::variable(x).to_degrees();
            let rad = Dual64::variable(x).to_radians();
            assert!(same_bits(deg.re, x.to_degrees()) && same_bits(rad.re, x.to_radians()));
            assert_within("to_degrees'", deg.eps, 180.0 / PI, Tol::Rel(1e-16));
            assert_within("to_radians'", rad.eps, PI / 180.0, Tol::Rel(1e-16));
            let h = HyperDual64::variable(x).to_degrees();
            assert!(same_bits(h.re, x.to_degrees()));
            assert_eq!((h.e1, h.e12), (deg.eps, 0.0));
        }
    }

    /// Found by the fuzz target: `hypot`'s partials `x/h`, `y/h` were quotients of subnormals
    /// with a few bits each (`d/dx [hypot(x, x) + x]` came out as 2.41414 at x = 8e-321, not
    /// 1 + √2). And along a ray the second derivative is 0 (`hypot(x, 4x) = √17·|x|`), which the
    /// curvature terms `y²/h³`, `−xy/h³`, `x²/h³` lost to `∞ − ∞` once `h³` underflowed
    /// (x = 1e-120); now they are `s²/h`, `−cs/h`, `c²/h`, which cancel exactly wherever `1/h`
    /// is finite. (The scales are `f64`'s subnormals.)
    #[test]
    fn hypot_along_a_ray_at_tiny_scales() {
        for x0 in [
            7.954e-321,
            6.6527680299607e-310,
            2.2e-308,
            1e-200,
            1e-120,
            1e-20,
            3.0,
        ] {
            let x = Dual64::variable(x0);
            let d = x.hypot(x) + x;
            assert_eq!(d.re, x0.hypot(x0) + x0, "value at {x0}");
            assert_within(
                format_args!("hypot(x, x) + x at {x0}"),
                d.eps,
                1.0 + SQRT_2,
                f64::FIRST,
            );
            let x = HyperDual64::variable(x0);
            let h = x.hypot(Real::scale_by(x, 4.0));
            assert_within(
                format_args!("hypot(x, 4x)' at {x0}"),
                h.e1,
                17f64.sqrt(),
                f64::FIRST,
            );
            if (1.0 / h.re).is_finite() {
                assert_eq!(h.e12.abs(), 0.0, "hypot(x, 4x)'' at {x0}");
            } else {
                // The curvature terms are of order 1/h, which overflows: ∞ − ∞.
                assert!(h.e12.is_nan(), "hypot(x, 4x)'' at {x0}");
            }
        }
    }
}

/// The checks on `Dual32`, `DualVec32<3>`, `HyperDual32`, `Dual2Vec32<2>`, `Dual<Dual32>` and
/// `HyperDual<Dual32>`.
mod on_f32 {
    function_tests!(f32);
}
