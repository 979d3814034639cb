//! The edge-case table, `EDGE_CASES.md` at the crate root, checked row by row: this file reads
//! the table itself (one source of truth, so the documentation and the behaviour cannot drift)
//! and evaluates every row on plain `f64` and on every number type: `Dual64::variable(x)`,
//! `HyperDual64::variable(x)`, `DualVec64<2>` and `Dual2Vec64<2>` seeded in their first direction
//! (the second, a constant direction, must stay exactly 0), and `Taylor64<2>::variable(x)`.
//!
//! - The value column must be `f64`'s own result, bit for bit ([`table_values_are_f64s_own`]):
//!   a failure there is a mistake in the table.
//! - Every row must hold on both dual types ([`every_row_holds`]).
//! - Every elementary function has a row at each of the standard points
//!   ([`every_function_is_in_the_table`]).
//!
//! Each check collects every mismatch before it fails, so one run reports them all.
#![allow(
    clippy::float_cmp,
    reason = "exact values and exact special values are what the table states"
)]

use dualdiff::{Dual2Vec64, Dual64, DualVec64, HyperDual64, Real, Taylor64};
use std::fmt::Write as _;

/// The table, read at compile time from the crate root.
const TABLE: &str = include_str!("../EDGE_CASES.md");

/// The relative tolerance for finite nonzero derivative entries, as the table's legend states.
const RELATIVE: f64 = 1e-14;

// =============================================================================================
// Reading the table
// =============================================================================================

/// An argument of a row's function: the variable, its square root (whose slope at 0 is `+∞`,
/// for the rows where an infinite derivative part comes in), or a constant.
#[derive(Clone, Copy, Debug)]
enum Arg {
    X,
    SqrtX,
    Const(f64),
}

/// A row's function: `name(args…)`, or `a % b`.
#[derive(Clone, Debug)]
struct Function {
    name: String,
    args: Vec<Arg>,
}

/// One row of the table.
#[derive(Debug)]
struct Row {
    line: usize,
    text: String,
    function: Function,
    x_text: String,
    x: f64,
    value: f64,
    d1: f64,
    d2: f64,
    /// Where `Taylor` differs, as the row's last column says (`Taylor: f′ a, f″ b`).
    taylor: Option<(f64, f64)>,
}

impl Row {
    fn at(&self) -> String {
        format!("line {}: `{}` at x = {}", self.line, self.text, self.x_text)
    }
}

/// Reads a number as the table writes it: decimals, `inf`, `-inf`, `NaN`, `MAX`, `-MAX`.
fn number(s: &str) -> Result<f64, String> {
    match s {
        "MAX" => Ok(f64::MAX),
        "-MAX" => Ok(f64::MIN),
        "NaN" => Ok(f64::NAN),
        _ => s.parse().map_err(|e| format!("`{s}` is not a number: {e}")),
    }
}

fn arg(s: &str) -> Result<Arg, String> {
    if s == "x" {
        Ok(Arg::X)
    } else if s == "sqrt(x)" {
        Ok(Arg::SqrtX)
    } else {
        number(s).map(Arg::Const)
    }
}

/// Reads `name(a, b, …)` or `a % b`.
fn function(s: &str) -> Result<Function, String> {
    if let Some((a, b)) = s.split_once(" % ") {
        return Ok(Function {
            name: "%".into(),
            args: vec![arg(a.trim())?, arg(b.trim())?],
        });
    }
    let (name, rest) = s
        .split_once('(')
        .ok_or_else(|| format!("`{s}` is not `name(args)`"))?;
    let inner = rest
        .strip_suffix(')')
        .ok_or_else(|| format!("`{s}` does not end in `)`"))?;
    let args = inner
        .split(',')
        .map(|a| arg(a.trim()))
        .collect::<Result<_, _>>()?;
    Ok(Function {
        name: name.trim().into(),
        args,
    })
}

/// Reads `Taylor: f′ a, f″ b` from a row's last column, where `Taylor`'s series differ from the
/// other types' closed forms.
fn taylor_override(why: &str) -> Result<Option<(f64, f64)>, String> {
    let Some((_, rest)) = why.split_once("Taylor: f′ ") else {
        return Ok(None);
    };
    let (d1, rest) = rest
        .split_once(", f″ ")
        .ok_or_else(|| format!("`{why}`: a Taylor note needs `f′ a, f″ b`"))?;
    let d2 = rest.split([' ', ';', ')']).next().unwrap_or_default();
    Ok(Some((number(d1.trim())?, number(d2)?)))
}

/// Returns every data row of the table, failing on a row that does not read.
fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in TABLE.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() != 6 {
            errors.push(format!("line {line_no}: {} cells, not 6", cells.len()));
            continue;
        }
        if cells[0] == "function" || cells[0].starts_with("---") {
            continue;
        }
        let text = cells[0].trim_matches('`').to_string();
        let parsed = (|| {
            Ok::<_, String>(Row {
                line: line_no,
                function: function(&text)?,
                text: text.clone(),
                x_text: cells[1].to_string(),
                x: number(cells[1])?,
                value: number(cells[2])?,
                d1: number(cells[3])?,
                d2: number(cells[4])?,
                taylor: taylor_override(cells[5])?,
            })
        })();
        match parsed {
            Ok(row) => rows.push(row),
            Err(e) => errors.push(format!("line {line_no}: {e}")),
        }
    }
    assert!(errors.is_empty(), "unreadable rows:\n{}", errors.join("\n"));
    assert!(rows.len() > 100, "only {} rows read", rows.len());
    rows
}

// =============================================================================================
// Evaluating a row
// =============================================================================================

/// The methods the table uses beyond `Real`: inherent on the dual types, and on `f64` where
/// it has them (`powd` is `powf` on `f64`, which has no derivative parts to tell apart).
trait Eval: Real {
    fn rem_euclid_(self, y: Self) -> Self;
    fn div_euclid_(self, y: Self) -> Self;
    fn powd_(self, y: Self) -> Self;
}

impl Eval for f64 {
    fn rem_euclid_(self, y: Self) -> Self {
        self.rem_euclid(y)
    }
    fn div_euclid_(self, y: Self) -> Self {
        self.div_euclid(y)
    }
    fn powd_(self, y: Self) -> Self {
        self.powf(y)
    }
}

macro_rules! impl_eval {
    ($($t:ty),*) => {$(
        impl Eval for $t {
            fn rem_euclid_(self, y: Self) -> Self {
                self.rem_euclid(y)
            }
            fn div_euclid_(self, y: Self) -> Self {
                self.div_euclid(y)
            }
            fn powd_(self, y: Self) -> Self {
                self.powd(y)
            }
        }
    )*};
}
impl_eval!(
    Dual64,
    HyperDual64,
    DualVec64<2>,
    Dual2Vec64<2>,
    Taylor64<2>
);

/// Returns a constant argument as an integer exponent or order.
fn integer(a: Arg) -> Result<i32, String> {
    match a {
        Arg::Const(c) if c == c.trunc() && c.abs() < 1e9 => Ok(c as i32),
        _ => Err(format!("{a:?} is not a constant integer")),
    }
}

/// Evaluates a row's function at `x` (on `f64` or a dual type).
fn eval<T: Eval>(f: &Function, x: T) -> Result<T, String> {
    let a = |k: usize| -> T {
        match f.args[k] {
            Arg::X => x,
            Arg::SqrtX => x.sqrt(),
            Arg::Const(c) => T::from_f64(c).expect("every f64 converts"),
        }
    };
    let n = f.args.len();
    let r = match (f.name.as_str(), n) {
        ("abs", 1) => a(0).abs(),
        ("signum", 1) => a(0).signum(),
        ("floor", 1) => a(0).floor(),
        ("ceil", 1) => a(0).ceil(),
        ("round", 1) => a(0).round(),
        ("trunc", 1) => a(0).trunc(),
        ("fract", 1) => a(0).fract(),
        ("recip", 1) => a(0).recip(),
        ("sqrt", 1) => a(0).sqrt(),
        ("cbrt", 1) => a(0).cbrt(),
        ("exp", 1) => a(0).exp(),
        ("exp2", 1) => a(0).exp2(),
        ("exp_m1", 1) => a(0).exp_m1(),
        ("ln", 1) => a(0).ln(),
        ("ln_1p", 1) => a(0).ln_1p(),
        ("log2", 1) => a(0).log2(),
        ("log10", 1) => a(0).log10(),
        ("sin", 1) => a(0).sin(),
        ("cos", 1) => a(0).cos(),
        ("tan", 1) => a(0).tan(),
        ("asin", 1) => a(0).asin(),
        ("acos", 1) => a(0).acos(),
        ("atan", 1) => a(0).atan(),
        ("sinh", 1) => a(0).sinh(),
        ("cosh", 1) => a(0).cosh(),
        ("tanh", 1) => a(0).tanh(),
        ("asinh", 1) => a(0).asinh(),
        ("acosh", 1) => a(0).acosh(),
        ("atanh", 1) => a(0).atanh(),
        ("to_degrees", 1) => a(0).to_degrees(),
        ("to_radians", 1) => a(0).to_radians(),
        ("erf", 1) => a(0).erf(),
        ("erfc", 1) => a(0).erfc(),
        ("gamma", 1) => a(0).gamma(),
        ("ln_gamma", 1) => a(0).ln_gamma(),
        ("digamma", 1) => a(0).digamma(),
        ("polygamma", 2) => {
            let order = u32::try_from(integer(f.args[0])?).map_err(|e| e.to_string())?;
            a(1).polygamma(order)
        }
        ("powi", 2) => a(0).powi(integer(f.args[1])?),
        ("powf", 2) => a(0).powf(a(1)),
        ("powd", 2) => a(0).powd_(a(1)),
        ("hypot", 2) => a(0).hypot(a(1)),
        ("atan2", 2) => a(0).atan2(a(1)),
        ("log", 2) => a(0).log(a(1)),
        ("max", 2) => a(0).max(a(1)),
        ("min", 2) => a(0).min(a(1)),
        ("copysign", 2) => a(0).copysign(a(1)),
        ("abs_sub", 2) => a(0).abs_sub(a(1)),
        ("%", 2) => a(0) % a(1),
        ("rem_euclid", 2) => a(0).rem_euclid_(a(1)),
        ("div_euclid", 2) => a(0).div_euclid_(a(1)),
        ("clamp", 3) => a(0).clamp(a(1), a(2)),
        ("mul_add", 3) => a(0).mul_add(a(1), a(2)),
        (name, n) => return Err(format!("no function `{name}` of {n} arguments")),
    };
    Ok(r)
}

// =============================================================================================
// Comparing
// =============================================================================================

/// `actual` is `expected` bit for bit, or both are NaN (the value column's rule).
fn same_value(expected: f64, actual: f64) -> bool {
    expected.to_bits() == actual.to_bits() || (expected.is_nan() && actual.is_nan())
}

/// The derivative columns' rule, as the table's legend states it: NaN, `±inf` and zero (of
/// either sign) exactly, a finite nonzero entry to [`RELATIVE`]. (Not a general-purpose
/// approximate comparison — `common::assert_close` is that — but the table's own matching
/// rule, as a predicate, so that every mismatch can be collected before failing.)
fn same_derivative(expected: f64, actual: f64) -> bool {
    if expected.is_nan() {
        actual.is_nan()
    } else if expected.is_infinite() || expected == 0.0 {
        actual == expected
    } else {
        (actual - expected).abs() <= RELATIVE * expected.abs()
    }
}

/// Returns every way the number types miss `row` (empty when the row holds).
fn mismatches(row: &Row) -> Vec<String> {
    let seeded = |f: &dyn Fn() -> Result<Vec<(&'static str, f64, Expect)>, String>| f();
    let mut parts = Vec::new();
    let mut errors = Vec::new();
    let f = &row.function;
    let all = [
        seeded(&|| {
            let d = eval(f, Dual64::variable(row.x))?;
            Ok(vec![
                ("Dual64 re", d.re, Expect::Value),
                ("Dual64 eps (f′)", d.eps, Expect::D1),
            ])
        }),
        seeded(&|| {
            let h = eval(f, HyperDual64::variable(row.x))?;
            Ok(vec![
                ("HyperDual64 re", h.re, Expect::Value),
                ("HyperDual64 e1 (f′)", h.e1, Expect::D1),
                ("HyperDual64 e2 (f′)", h.e2, Expect::D1),
                ("HyperDual64 e12 (f″)", h.e12, Expect::D2),
            ])
        }),
        seeded(&|| {
            let v = eval(f, DualVec64::<2>::variable(row.x, 0))?;
            Ok(vec![
                ("DualVec64<2> re", v.re, Expect::Value),
                ("DualVec64<2> eps[0] (f′)", v.eps[0], Expect::D1),
                (
                    "DualVec64<2> eps[1] (constant direction)",
                    v.eps[1],
                    Expect::Constant,
                ),
            ])
        }),
        seeded(&|| {
            let v = eval(f, Dual2Vec64::<2>::variable(row.x, 0))?;
            Ok(vec![
                ("Dual2Vec64<2> re", v.re, Expect::Value),
                ("Dual2Vec64<2> grad[0] (f′)", v.grad[0], Expect::D1),
                ("Dual2Vec64<2> hess(0, 0) (f″)", v.hess(0, 0), Expect::D2),
                (
                    "Dual2Vec64<2> grad[1] (constant direction)",
                    v.grad[1],
                    Expect::Constant,
                ),
                (
                    "Dual2Vec64<2> hess(0, 1) (constant direction)",
                    v.hess(0, 1),
                    Expect::Constant,
                ),
                (
                    "Dual2Vec64<2> hess(1, 1) (constant direction)",
                    v.hess(1, 1),
                    Expect::Constant,
                ),
            ])
        }),
        seeded(&|| {
            let t = eval(f, Taylor64::<2>::variable(row.x))?;
            Ok(vec![
                ("Taylor64<2> re", t.re, Expect::Value),
                ("Taylor64<2> f′", t.derivative(1), Expect::TaylorD1),
                ("Taylor64<2> f″", t.derivative(2), Expect::TaylorD2),
            ])
        }),
    ];
    for r in all {
        match r {
            Ok(p) => parts.extend(p),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return vec![format!(
            "cannot evaluate `{}`: {}",
            row.text,
            errors.join("; ")
        )];
    }
    // Taylor holds f″/2, which rounds where f″ is a subnormal: its f″ is that coefficient times 2
    let (taylor_d1, taylor_d2) = row.taylor.unwrap_or((row.d1, row.d2 / 2.0 * 2.0));
    let mut out = Vec::new();
    for (part, actual, expect) in parts {
        let holds = match expect {
            Expect::Value => same_value(row.value, actual),
            Expect::D1 => same_derivative(row.d1, actual),
            Expect::D2 => same_derivative(row.d2, actual),
            Expect::TaylorD1 => same_derivative(taylor_d1, actual),
            Expect::TaylorD2 => same_derivative(taylor_d2, actual),
            // a direction the argument does not depend on: exactly 0, or NaN with a NaN value
            Expect::Constant => {
                if row.value.is_nan() {
                    actual.is_nan()
                } else {
                    actual == 0.0
                }
            }
        };
        if !holds {
            let table = match expect {
                Expect::Value => row.value,
                Expect::D1 => row.d1,
                Expect::D2 => row.d2,
                Expect::TaylorD1 => taylor_d1,
                Expect::TaylorD2 => taylor_d2,
                Expect::Constant => 0.0,
            };
            out.push(format!("{part} {actual:?}, table {table:?}"));
        }
    }
    out
}

/// Which column of the table a part of a number is checked against.
#[derive(Clone, Copy)]
enum Expect {
    Value,
    D1,
    D2,
    TaylorD1,
    TaylorD2,
    Constant,
}

/// Formats a failure report: one block per row.
fn report(title: &str, items: &[(String, Vec<String>)]) -> String {
    let mut s = format!("{title} ({}):\n", items.len());
    for (at, problems) in items {
        let _ = writeln!(s, "  {at}");
        for p in problems {
            let _ = writeln!(s, "      {p}");
        }
    }
    s
}

// =============================================================================================
// The tests
// =============================================================================================

#[test]
fn table_values_are_f64s_own() {
    let mut wrong = Vec::new();
    for row in rows() {
        match eval(&row.function, row.x) {
            Ok(plain) if same_value(row.value, plain) => {}
            Ok(plain) => wrong.push((
                row.at(),
                vec![format!("f64 gives {plain:?}, table {:?}", row.value)],
            )),
            Err(e) => wrong.push((row.at(), vec![e])),
        }
    }
    assert!(
        wrong.is_empty(),
        "{}",
        report("value column differs from f64", &wrong)
    );
}

#[test]
fn every_row_holds() {
    let failing: Vec<_> = rows()
        .into_iter()
        .map(|row| (row.at(), mismatches(&row)))
        .filter(|(_, problems)| !problems.is_empty())
        .collect();
    assert!(
        failing.is_empty(),
        "{}",
        report("rows that do not hold", &failing)
    );
}

/// Every elementary function (the `Float`-shaped methods of the dual types and `Real`'s
/// special functions) and `%`.
const FUNCTIONS: &[&str] = &[
    "abs",
    "signum",
    "floor",
    "ceil",
    "round",
    "trunc",
    "fract",
    "max",
    "min",
    "clamp",
    "copysign",
    "abs_sub",
    "mul_add",
    "%",
    "rem_euclid",
    "div_euclid",
    "recip",
    "powi",
    "powf",
    "powd",
    "sqrt",
    "cbrt",
    "hypot",
    "exp",
    "exp2",
    "exp_m1",
    "ln",
    "ln_1p",
    "log",
    "log2",
    "log10",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "atan2",
    "sinh",
    "cosh",
    "tanh",
    "asinh",
    "acosh",
    "atanh",
    "to_degrees",
    "to_radians",
    "erf",
    "erfc",
    "gamma",
    "ln_gamma",
    "digamma",
    "polygamma",
];

/// The points every function's first form in the table has a row at.
const POINTS: &[&str] = &["0", "1", "-1", "inf", "-inf", "NaN", "5e-324", "MAX"];

#[test]
fn every_function_is_in_the_table() {
    let rows = rows();
    let mut missing = Vec::new();
    for &name in FUNCTIONS {
        let Some(first) = rows.iter().find(|r| r.function.name == name) else {
            missing.push(format!("`{name}` has no row"));
            continue;
        };
        for &p in POINTS {
            if !rows.iter().any(|r| r.text == first.text && r.x_text == p) {
                missing.push(format!("`{}` has no row at x = {p}", first.text));
            }
        }
    }
    for row in &rows {
        if !FUNCTIONS.contains(&row.function.name.as_str()) {
            missing.push(format!("{}: `{}` is not in FUNCTIONS", row.at(), row.text));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
