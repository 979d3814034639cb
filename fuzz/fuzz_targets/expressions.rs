//! Random expression trees from bytes, evaluated on f64 and on every dual type.
//!
//! Asserts, for every input: nothing panics; every value part is bit-identical to the f64
//! evaluation (NaN matches NaN). Where the computation stays well inside f64's range (every
//! intermediate value and slope 0 or within 1e±100): every type's first derivative agrees with
//! Dual64's to within the rounding noise measured at the point, and wherever the expression is
//! smooth and well-conditioned there (two central differences agreeing, resolvable above the
//! rounding of f), with central differences. Run with `cargo +nightly fuzz run expressions` from
//! the repository root (see README).
#![no_main]

use dualdiff::{Dual, Dual2Vec, DualVec, HyperDual, Real, Taylor};
use libfuzzer_sys::fuzz_target;

/// One step of the stack machine that builds the expression.
#[derive(Clone, Copy, Debug)]
enum Op {
    X,
    Const(f64),
    Unary(u8),
    Binary(u8),
}

const UNARY: u8 = 24;
const BINARY: u8 = 11;

/// Decodes the program: the first 8 bytes are x, then one byte per op (constants take 2 more).
fn decode(data: &[u8]) -> Option<(f64, Vec<Op>)> {
    if data.len() < 9 {
        return None;
    }
    let x = f64::from_le_bytes(data[..8].try_into().ok()?);
    let mut ops = Vec::new();
    let mut i = 8;
    while i < data.len() && ops.len() < 64 {
        let b = data[i];
        i += 1;
        ops.push(match b % 4 {
            0 => Op::X,
            1 => {
                let raw = u16::from_le_bytes([*data.get(i)?, *data.get(i + 1).unwrap_or(&0)]);
                i += 2;
                Op::Const(f64::from(raw as i16) / 64.0)
            }
            2 => Op::Unary((b / 4) % UNARY),
            _ => Op::Binary((b / 4) % BINARY),
        });
    }
    Some((x, ops))
}

/// Evaluates the program on any number type: a stack machine; missing operands are x.
fn eval<T: Real<Primitive = f64>>(ops: &[Op], x: T) -> T {
    eval_visiting(ops, x, |_| {})
}

/// [`eval`], showing every intermediate result to `visit`.
fn eval_visiting<T: Real<Primitive = f64>>(ops: &[Op], x: T, mut visit: impl FnMut(&T)) -> T {
    let mut stack: Vec<T> = Vec::new();
    for &op in ops {
        let v = match op {
            Op::X => x,
            Op::Const(c) => T::from_primitive(c),
            Op::Unary(k) => {
                let a = stack.pop().unwrap_or(x);
                match k {
                    0 => a.sin(),
                    1 => a.cos(),
                    2 => a.tan(),
                    3 => a.exp(),
                    4 => a.ln(),
                    5 => a.sqrt(),
                    6 => a.cbrt(),
                    7 => a.atan(),
                    8 => a.asin(),
                    9 => a.acos(),
                    10 => a.sinh(),
                    11 => a.cosh(),
                    12 => a.tanh(),
                    13 => a.asinh(),
                    14 => a.acosh(),
                    15 => a.atanh(),
                    16 => a.abs(),
                    17 => a.recip(),
                    18 => a.exp_m1(),
                    19 => a.ln_1p(),
                    20 => a.erf(),
                    21 => a.powi(3),
                    22 => -a,
                    _ => a.floor(),
                }
            }
            Op::Binary(k) => {
                let b = stack.pop().unwrap_or(x);
                let a = stack.pop().unwrap_or(x);
                match k {
                    0 => a + b,
                    1 => a - b,
                    2 => a * b,
                    3 => a / b,
                    4 => a % b,
                    5 => a.powf(b),
                    6 => a.atan2(b),
                    7 => a.hypot(b),
                    8 => a.max(b),
                    9 => a.min(b),
                    _ => a.mul_add(b, x),
                }
            }
        };
        visit(&v);
        stack.push(v);
    }
    stack.pop().unwrap_or(x)
}

/// f' at `t` from the seed `seed` (divided by it) on `Dual64` (`None`) or on one of the other
/// types, in the order the target lists them.
fn slope(ops: &[Op], kind: Option<usize>, t: f64, seed: f64) -> f64 {
    let raw = match kind {
        None => eval(ops, Dual::new(t, seed)).eps,
        Some(0) => eval(ops, HyperDual::new(t, seed, seed, 0.0)).e1,
        Some(1) => eval(ops, DualVec::<f64, 3>::new(t, [0.0, seed, 0.0])).eps[1],
        Some(2) => eval(ops, Dual2Vec::<f64, 2>::new(t, [seed, 0.0], [[0.0; 2]; 2])).grad[0],
        Some(_) => eval(ops, Taylor::<f64, 2>::new(t, [seed, 0.0])).coeffs[0],
    };
    raw / seed
}

/// Asserts that a value part is the f64 result bit for bit (any NaN matches any NaN).
fn same(what: &str, got: f64, want: f64) {
    assert!(
        got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
        "{what}: value {got:e} differs from f64's {want:e}"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((x, ops)) = decode(data) else { return };
    let f = |t: f64| eval(&ops, t);
    let plain = f(x);

    let d = eval(&ops, Dual::variable(x));
    same("Dual64", d.re, plain);
    let h = eval(&ops, HyperDual::variable(x));
    same("HyperDual64", h.re, plain);
    let v = eval(&ops, DualVec::<f64, 3>::variable(x, 1));
    same("DualVec64<3>", v.re, plain);
    let q = eval(&ops, Dual2Vec::<f64, 2>::variable(x, 0));
    same("Dual2Vec64<2>", q.re, plain);
    let t = eval(&ops, Taylor::<f64, 2>::variable(x));
    same("Taylor64<2>", t.re, plain);
    let nested = eval(&ops, Dual::variable(Dual::constant(x)));
    same("Dual<Dual64>", nested.re.re, plain);

    // The first-order parts of every type describe the same derivative, to within what rounding
    // can change. Two measures of that, taken only when the types disagree: how much f' swings
    // when x moves by an ulp or two (cancellation in the expression, e.g. x·g − x·(g + x·g')
    // with x² underflowing), and how much each type's f' changes when the seed is 3, 0.7, 1.3
    // or 0.9 instead of 1 (exact scaling for a well-conditioned derivative; for one that
    // cancels, the rounding noise: atan2(x, 1.27x) at x = 5e-304, whose partials are 1e303, or
    // atan2 of two nearly equal values of 1e-12 whose slopes agree to 2e-9, where some seeds
    // round alike and others do not).
    // The derivative checks below need a computation that stays well inside f64's range: every
    // intermediate value and slope 0 or within 1e±100. Beyond it, an underflow or overflow on
    // the way decides the answer, and differently for each formula: a partial derivative of
    // 1e-406 is 0 in f64 however large the part it multiplies (atan2(x, x² + x) at x = 1e135),
    // x² at x = 1e-221 is 0 while its slope is not. What happens at the ends of the range is
    // the subject of EDGE_CASES.md, checked row by row by tests/edge_cases.rs; here every input
    // still has to evaluate without a panic and with bit-identical values.
    let moderate = |v: f64| v == 0.0 || (1e-100..=1e100).contains(&v.abs());
    let mut in_range = moderate(x);
    eval_visiting(&ops, Dual::variable(x), |v| {
        in_range &= moderate(v.re) && moderate(v.eps);
    });
    if !in_range {
        return;
    }
    // With a NaN value there is no derivative to agree on (the operators are IEEE arithmetic
    // part by part, so `NaN / c` keeps a finite slope on the dual types, not on Taylor).
    if d.eps.is_finite() && !plain.is_nan() {
        let others = [
            ("HyperDual64", h.e1),
            ("DualVec64<3>", v.eps[1]),
            ("Dual2Vec64<2>", q.grad[0]),
            ("Taylor64<2>", t.coeffs[0]),
        ];
        for (kind, (what, other)) in others.into_iter().enumerate() {
            // 1e-6 relative: the types round differently, and where an expression cancels their
            // difference can exceed what the measures below show (4e-9 after a chain of abs,
            // powf and atan2 at x = 7e-15). Every real bug the target found differed by 3e-5
            // (hypot's x/h at subnormals) or far more (infinite, NaN, 16%, a factor of 2).
            let tol = 1e-6 * d.eps.abs().max(1.0);
            if (other - d.eps).abs() <= tol {
                continue;
            }
            // Taylor's recurrences form every order together, through intermediate series (ln x
            // in x^y, with coefficients 1/x^k); where f'' overflows, one of those may overflow at
            // first order too (documented on `Taylor`).
            if what.starts_with("Taylor") && !other.is_finite() && !h.e12.is_finite() {
                continue;
            }
            let nearby = [
                x.next_down().next_down(),
                x.next_down(),
                x.next_up(),
                x.next_up().next_up(),
            ];
            let swing = nearby
                .iter()
                .map(|&t| (slope(&ops, None, t, 1.0) - d.eps).abs())
                .fold(0.0, f64::max);
            // Not even the first digit of f' survives an ulp of x (x / hypot(x, x) at a
            // subnormal x has slope ±1e308 from the rounding of h alone): nothing to compare.
            if !(swing < 0.5 * d.eps.abs()) {
                continue;
            }
            let noise = [3.0, 0.7, 1.3, 0.9]
                .iter()
                .map(|&seed| {
                    let dual = (slope(&ops, None, x, seed) - d.eps).abs();
                    let this = (slope(&ops, Some(kind), x, seed) - other).abs();
                    dual + this
                })
                .fold(0.0, f64::max);
            assert!(
                (other - d.eps).abs() <= tol + 4.0 * (swing + noise),
                "{what}: f' = {other:e}, Dual64 says {:e} at x = {x:e} (ops {ops:?})",
                d.eps
            );
        }
    }

    // Against central differences, where they are trustworthy: finite values nearby, three step
    // sizes agreeing (so f is smooth there), and a moderate slope.
    if !(x.is_finite() && x.abs() < 1e6 && plain.is_finite() && d.eps.is_finite()) {
        return;
    }
    // Piecewise functions (%, floor, abs, max, min) follow the branch f64 takes at the point,
    // which rounding can put on the other side of a jump from its neighbours: no reference.
    let piecewise = ops
        .iter()
        .any(|op| matches!(op, Op::Unary(16 | 23..) | Op::Binary(4 | 8 | 9)));
    if piecewise {
        return;
    }
    // A step relative to a small x: the dual types differentiate the program f64 runs at x, and
    // near a tiny x that program can be flat where f is not (x/atan(x) is exactly 1 at
    // x = 1e-193, its slope −x²·… having underflowed), which a step of 1e-4 would not see. An
    // absolute step for a large x: tan(tan(x)) at x = −2.8e4 changes completely within 1e-4·x.
    let step = 1e-4 * if x == 0.0 { 1.0 } else { x.abs().min(1.0) };
    // Divided by the step actually taken: x ± h rounds (to a multiple of 5e-324 at a
    // subnormal x, where 1e-4·x is a few dozen of those).
    let central = |h: f64| (f(x + h) - f(x - h)) / ((x + h) - (x - h));
    let (c0, c1, c2, c3) = (
        central(8.0 * step),
        central(step),
        central(step / 2.0),
        central(step / 4.0),
    );
    // One-sided differences disagree across a kink (|x| at 0) where central ones cancel.
    let forward = (f(x + step) - plain) / ((x + step) - x);
    let backward = (plain - f(x - step)) / (x - (x - step));
    // The rounding of f's values limits what a difference can see: `noise` bounds the error
    // the rounding of f puts into a difference quotient (erf(x^x) at x = 7.5e-48 is erf(1) to
    // the last bit however x moves by 1e-4·x, though its slope is −44.6). Below the normal range
    // the grain of f is 5e-324, not ε·|f|.
    let grain = f64::EPSILON * plain.abs().max(f(x + step).abs()) + f64::from_bits(1);
    let noise = grain / (step / 4.0);
    // A program exactly flat around x has had every change rounded away on the way (atan2(x², c)
    // at x = 2e-221, where x² underflows to 0 though its slope 2x does not): its differences are
    // 0, and say nothing about the slope of the function it computes.
    let flat = f(x + step) == plain && f(x - step) == plain;
    // Three step sizes agreeing relative to their own size (so f is smooth at this scale, and a
    // tiny f that oscillates faster than any step does not pass for smooth: sin(sinh(ln x))·x²
    // at x = 7.6e-21), and well above the noise.
    let agree = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b.abs() + 10.0 * noise;
    // And a step 8 times larger agreeing to 1e-5 (its truncation error is 64 times larger): a
    // program can be smooth at the smallest steps and still wrong in its slope there, by
    // rounding that moves with x (x/ln(x/(x² + x)) at x = −5e-5, whose x and ln move by 2.5e-5
    // relative across the step while f moves by 6e-10, gives −0.49993 at three steps, −0.50002
    // at larger ones, against the true −0.500008).
    let smooth = !flat
        && [c0, c1, c2, c3].iter().all(|c| c.is_finite())
        && c3.abs() >= 1e4 * noise
        && (c0 - c1).abs() <= 1e-5 * c1.abs() + 10.0 * noise
        && agree(c1, c2)
        && agree(c2, c3)
        && (forward - backward).abs() <= 1e-2 * c3.abs();
    if !smooth {
        return;
    }
    // Every intermediate result has to move across the step by a million times its rounding,
    // or the program is quantized there: x/atanh(y) with y = ∛…∛x = 1 − 3e-15 keeps y to the
    // bit at x ± 1e-28, so the differences see x/A with A constant while A' = 4e21 is the slope
    // of the function. An intermediate's rounding is taken as ε times the largest value computed
    // up to it, which covers cancellation: x − atan(x) at x = 1e-7 is 4.6e-22 but rounded on
    // the scale of x (to 3%), however smoothly its exact value moves.
    let mut resolved = true;
    let mut largest = x.abs();
    eval_visiting(&ops, Dual::variable(x), |v| {
        if v.re.is_finite() {
            largest = largest.max(v.re.abs());
        }
        let rounding = f64::EPSILON * largest + f64::from_bits(1);
        resolved &= v.eps == 0.0 || (v.eps * step / 4.0).abs() >= 1e6 * rounding;
    });
    if !resolved {
        return;
    }
    // A difference is the mean of f' over the step; it stands for f'(x) only if f' itself hardly
    // changes there. It can change wildly while f does not: tan(6/x) at x = 1e-13 adds to f an
    // oscillation below the rounding of f, but a slope of 1e27 whose sign turns every 1e-27.
    let slope_at = |t: f64| eval(&ops, Dual::variable(t)).eps;
    let steady = [x - step / 4.0, x + step / 4.0]
        .iter()
        .all(|&t| (slope_at(t) - d.eps).abs() <= 1e-3 * d.eps.abs());
    if !steady {
        return;
    }
    // The differences are good to their truncation (below 1e-6, by the agreement) plus their
    // rounding noise (below 1e-4·|c3| by the test above).
    assert!(
        (d.eps - c3).abs() <= 1e-4 * c3.abs() + 10.0 * noise,
        "f'({x:e}) = {:e}, central differences {c3:e} (ops {ops:?})",
        d.eps
    );
});
