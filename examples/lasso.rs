//! The lasso by proximal gradient methods (ISTA and FISTA), with the gradient of the smooth part
//! from [`dualdiff::gradient`], checked against scikit-learn; and plain subgradient descent on the
//! whole non-smooth objective, for contrast.
//!
//! Data: the diabetes data of Efron, Hastie, Johnstone and Tibshirani, "Least Angle Regression",
//! Annals of Statistics 32(2), 2004: 442 patients, 10 baseline features (age, sex, bmi, bp,
//! s1..s6) and the target, disease progression one year after baseline. The features are
//! centred and scaled to unit sum of squares, as scikit-learn's `load_diabetes()` ships them; the
//! target is as it is. `examples/data/diabetes/` holds the CSV, the script that exported it and
//! a README on where the data come from.
//!
//! The problem, for each λ (scikit-learn's `alpha`), is scikit-learn's `Lasso` objective with an
//! unpenalised intercept `b`:
//!
//! ```text
//! minimise  F(w, b) = 1/(2n) ‖y − Xw − b‖² + λ‖w‖₁,   n = 442.
//! ```
//!
//! The reference, `examples/data/diabetes/lasso_reference.csv`, holds scikit-learn's
//! coordinate-descent solutions for six λ from near the largest useful one (2 nonzero
//! coefficients) down to a small one (9), each checked there against the optimality conditions to
//! 1e-12 and against the closed form on its support.
//!
//! The intercept, exactly: for a fixed `w` the best `b` is `ȳ − x̄·w` (where `∂F/∂b = 0`), and
//! putting it back into `F` leaves `f(w) + λ‖w‖₁` with `f(w) = 1/(2n) ‖ỹ − X̃w‖²` on the centred
//! data `X̃ = X − 1x̄ᵀ`, `ỹ = y − ȳ`. This holds for any `X`, centred or not, so the methods below
//! solve for `w` alone and recover `b = ȳ − x̄·w` at the end. (Keeping `b` as an unpenalised
//! coordinate of the prox step also works, but its curvature, 1, would set the Lipschitz constant
//! about 100 times larger than the features' alone, and every step that much shorter.)
//!
//! The smooth part `f` is a sum of squared residuals, written once, generic over
//! [`num_traits::Float`]: on `DualVec64<10>` one pass gives `f` and `∇f`, on `f64` it gives `f`
//! for the line search. Its 442 residuals are first compressed to 10, exactly: with the QR
//! factorisation `X̃ = QR` and `Qᵀỹ = (z, e)`, `‖ỹ − X̃w‖² = ‖z − Rw‖² + ‖e‖²` for every `w`.
//! An evaluation then costs 55 products of a dual by a datum instead of 4420: in a debug build,
//! which CI runs, the example takes seconds instead of minutes. Unlike the normal equations
//! (`X̃ᵀX̃`), the QR form neither squares the condition number nor cancels digits in `f`.
//!
//! The methods, from `w = 0`:
//! - **ISTA** and **FISTA** (Beck and Teboulle, SIAM J. Imaging Sciences 2(1), 2009): a gradient
//!   step on `f`, then the prox of `λ‖·‖₁`, soft-thresholding, which sets coordinates to exactly
//!   zero. The Lipschitz constant `L` of `∇f` is found by backtracking: from a small `L₀`, double
//!   it until `f(p) ≤ f(y) + ⟨∇f(y), p − y⟩ + L/2 ‖p − y‖²` at the prox-gradient point `p`. FISTA
//!   adds Nesterov's momentum: `F − F* = O(1/k²)` against ISTA's `O(1/k)`. Both stop when the
//!   prox-gradient step `‖p − y‖∞` is below `1e-13 ‖p‖∞`.
//! - **FISTA+restart**: FISTA whose momentum is reset whenever it carries the iterate past the
//!   minimum (O'Donoghue and Candès, Found. Comput. Math. 15, 2015). `f` is strongly convex here
//!   (`X̃` has full column rank; the curvatures `μ` and `L` are printed), so ISTA converges
//!   linearly, while plain FISTA's momentum, growing towards 1, makes it oscillate; the restart
//!   keeps FISTA's head start and loses the oscillation.
//! - **Subgradient descent** on `f(w) + λ‖w‖₁` itself, `w ← w − g/(L√k)`, with `g` from
//!   [`dualdiff::gradient`] of the whole objective: `abs` has slope `±1` at `±0` by the sign bit,
//!   one element of the subdifferential `[−1, 1]`. It gets as many gradient evaluations as FISTA
//!   and `L` from FISTA's line search, and keeps the best iterate (it is not a descent method).
//!
//! Printed per λ: the evaluations each method used, its objective (on the data as read, with its
//! `b`), the errors against the reference — objective and intercept relative; coefficients as the
//! largest `|w_j − w*_j| / |w*_j|` over the reference's nonzero `w*_j`, each coefficient relative
//! to itself — and its zero pattern (a coefficient's name where it is nonzero, `.` where it is
//! exactly zero) beside the reference's; then each method's objective error after 10, 30, 100, ...
//! gradient evaluations. The example exits with status 1 unless the three proximal methods match
//! the reference's coefficients, intercept and objective to 1e-6 relative and its zero pattern
//! exactly, at every λ, or if subgradient descent, held to no tolerance, ends below the optimum.
//!
//! Run with `cargo run --release --example lasso`.

use dualdiff::{DualVec64, gradient};
use nalgebra::{DMatrix, DVector};
use num_traits::Float;
use std::ops::{Add, Mul, Sub};
use std::path::Path;

/// The number of features.
const P: usize = 10;
/// Required agreement with the reference: coefficients, intercept and objective, relative.
const TOLERANCE: f64 = 1e-6;
/// Stop when the prox-gradient step is below this fraction of `‖w‖∞`.
const STEP_TOLERANCE: f64 = 1e-13;
/// Give up after this many iterations.
const MAX_ITERATIONS: usize = 100_000;
/// The starting guess of the Lipschitz constant, deliberately small.
const L0: f64 = 1e-6;
/// The backtracking factor η.
const ETA: f64 = 2.0;
/// The line search's test compares `f(p)` with `f(y) + ⟨∇f(y), p − y⟩ + L/2 ‖p − y‖²`, values
/// that agree to many digits near the solution, while each `f` carries a rounding error of some
/// `1e-15 · f`. A violation smaller than this fraction of `f(y)` is taken as a pass, so rounding
/// alone cannot inflate `L`. The fixed point of the prox-gradient step does not depend on `L`, so
/// neither does the answer.
const ROUNDING: f64 = 1e-12;
/// The gradient evaluations after which the objective error of each method is printed.
const CHECKPOINTS: [usize; 6] = [10, 30, 100, 300, 1000, 3000];

/// The numbers the loss is written for: any [`Float`] that a datum (an `f64`) can be added to,
/// multiply and be subtracted from — `f64` itself and every `DualVec64<N>`. A datum used
/// directly costs `N + 1` products where converting it to a dual constant first would cost
/// `2N + 1`.
trait Number:
    Float + Add<f64, Output = Self> + Mul<f64, Output = Self> + Sub<f64, Output = Self>
{
}

impl<T> Number for T where
    T: Float + Add<f64, Output = T> + Mul<f64, Output = T> + Sub<f64, Output = T>
{
}

/// The diabetes data as read, the means, and the least-squares problem on the centred data.
struct Data {
    names: Vec<String>,
    /// The features as read.
    x: Vec<[f64; P]>,
    /// The target as read.
    y: Vec<f64>,
    x_mean: [f64; P],
    y_mean: f64,
    /// `R` of `X̃ = QR` (upper triangular).
    r: [[f64; P]; P],
    /// The first `P` entries of `Qᵀỹ`.
    z: [f64; P],
    /// `‖e‖²`, the squared norm of the other `n − P` entries: the residual no `w` removes.
    rss0: f64,
    /// The largest and smallest eigenvalues of `X̃ᵀX̃/n = RᵀR/n`, the Hessian of `f`: its
    /// Lipschitz constant `L` and strong convexity `μ`. Printed, not used.
    curvatures: (f64, f64),
}

/// One solution of scikit-learn's, as read from the reference CSV.
struct Reference {
    lambda: f64,
    intercept: f64,
    objective: f64,
    w: [f64; P],
}

/// Parses one CSV field as a float.
fn parse(field: &str, path: &Path, line: usize) -> Result<f64, String> {
    field
        .trim()
        .parse()
        .map_err(|e| format!("{}:{line}: cannot parse {field:?}: {e}", path.display()))
}

/// Reads a CSV of floats with a header row; returns the header and the rows.
fn read_csv(path: &Path) -> Result<(Vec<String>, Vec<Vec<f64>>), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .ok_or_else(|| format!("{}: empty file", path.display()))?
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for (k, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let row = line
            .split(',')
            .map(|field| parse(field, path, k + 2))
            .collect::<Result<Vec<f64>, String>>()?;
        if row.len() != header.len() {
            return Err(format!(
                "{}:{}: {} fields, the header has {}",
                path.display(),
                k + 2,
                row.len(),
                header.len()
            ));
        }
        rows.push(row);
    }
    Ok((header, rows))
}

impl Data {
    /// Reads `diabetes.csv` (the 10 feature columns, then `target`), centres it and compresses
    /// the least-squares problem by QR.
    fn read(path: &Path) -> Result<Self, String> {
        let (header, rows) = read_csv(path)?;
        if header.len() != P + 1 || header[P] != "target" {
            return Err(format!(
                "{}: expected {P} features and a target, found {header:?}",
                path.display()
            ));
        }
        let n = rows.len();
        if n <= P {
            return Err(format!("{}: {n} rows, too few", path.display()));
        }
        let x: Vec<[f64; P]> = rows.iter().map(|r| std::array::from_fn(|j| r[j])).collect();
        let y: Vec<f64> = rows.iter().map(|r| r[P]).collect();
        let x_mean: [f64; P] =
            std::array::from_fn(|j| x.iter().map(|r| r[j]).sum::<f64>() / n as f64);
        let y_mean = y.iter().sum::<f64>() / n as f64;
        let xc = DMatrix::from_fn(n, P, |i, j| x[i][j] - x_mean[j]);
        let mut qty = DVector::from_iterator(n, y.iter().map(|v| v - y_mean));
        let qr = xc.qr();
        qr.q_tr_mul(&mut qty);
        let r = qr.r();
        let sigma = r.singular_values();
        let curvatures = (
            sigma.max().powi(2) / n as f64,
            sigma.min().powi(2) / n as f64,
        );
        Ok(Data {
            names: header[..P].to_vec(),
            r: std::array::from_fn(|i| std::array::from_fn(|j| r[(i, j)])),
            z: std::array::from_fn(|i| qty[i]),
            rss0: qty.rows(P, n - P).norm_squared(),
            curvatures,
            x,
            y,
            x_mean,
            y_mean,
        })
    }

    /// The intercept that is optimal for `w`: `ȳ − x̄·w`.
    fn intercept(&self, w: &[f64]) -> f64 {
        self.y_mean - dot(&self.x_mean, w)
    }

    /// scikit-learn's objective `1/(2n) ‖y − Xw − b‖² + λ‖w‖₁` on the data as read, with the
    /// intercept optimal for `w`: the number the reference's objective is compared with.
    fn objective(&self, w: &[f64], lambda: f64) -> f64 {
        let b = self.intercept(w);
        let rss: f64 = self
            .x
            .iter()
            .zip(&self.y)
            .map(|(row, y)| (y - dot(row, w) - b).powi(2))
            .sum();
        rss / (2.0 * self.y.len() as f64) + lambda * w.iter().map(|v| v.abs()).sum::<f64>()
    }
}

/// Reads `lasso_reference.csv`: `alpha, intercept, objective` and the coefficients.
fn read_reference(path: &Path, names: &[String]) -> Result<Vec<Reference>, String> {
    let (header, rows) = read_csv(path)?;
    if header.len() != 3 + P
        || header[..3] != ["alpha", "intercept", "objective"]
        || header[3..] != *names
    {
        return Err(format!("{}: unexpected header {header:?}", path.display()));
    }
    Ok(rows
        .iter()
        .map(|r| Reference {
            lambda: r[0],
            intercept: r[1],
            objective: r[2],
            w: std::array::from_fn(|j| r[3 + j]),
        })
        .collect())
}

/// `a·b` in `f64`.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

/// `‖v‖∞`.
fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

/// The smooth part `f(w) = 1/(2n) ‖ỹ − X̃w‖² = 1/(2n) (‖Rw − z‖² + ‖e‖²)`.
fn loss<T: Number>(w: &[T], data: &Data) -> T {
    let rss = data
        .r
        .iter()
        .zip(&data.z)
        .enumerate()
        .fold(T::zero(), |sum, (i, (row, &z))| {
            let r = (i..P).fold(T::zero(), |s, j| s + w[j] * row[j]) - z;
            sum + r * r
        });
    (rss + data.rss0) * (0.5 / data.y.len() as f64)
}

/// The whole objective `f(w) + λ‖w‖₁`, non-smooth where a coefficient is zero.
fn lasso_objective<T: Number>(w: &[T], data: &Data, lambda: f64) -> T {
    w.iter()
        .fold(loss(w, data), |sum, &wj| sum + wj.abs() * lambda)
}

/// The prox of `τ‖·‖₁`: soft-thresholding, `sign(v) · max(|v| − τ, 0)`, exactly 0 on `[−τ, τ]`.
fn soft_threshold(v: f64, tau: f64) -> f64 {
    if v > tau {
        v - tau
    } else if v < -tau {
        v + tau
    } else {
        0.0
    }
}

/// A run of one method.
struct Run {
    w: Vec<f64>,
    gradients: usize,
    values: usize,
    /// `F` after each gradient evaluation: at the new iterate (proximal methods), or the best
    /// seen so far (subgradient descent).
    history: Vec<f64>,
    /// The Lipschitz estimate the line search ended with (proximal methods only).
    lipschitz: f64,
    /// Whether the stopping rule was met before the iteration cap.
    converged: bool,
}

/// The proximal gradient methods.
#[derive(Clone, Copy, PartialEq)]
enum Method {
    Ista,
    Fista,
    /// FISTA whose momentum restarts (`t = 1`, `y = p`) whenever the prox-gradient step `p − y`
    /// makes an obtuse angle with the motion `p − x` since the last iterate, `⟨y − p, p − x⟩ > 0`:
    /// the momentum has carried the iterate uphill, past the minimum (O'Donoghue and Candès,
    /// Found. Comput. Math. 15, 2015).
    FistaRestart,
}

/// One proximal gradient method with backtracking, from `w = 0`.
fn proximal_gradient(data: &Data, lambda: f64, method: Method) -> Run {
    let mut x = vec![0.0; P];
    let mut y = x.clone();
    let mut t = 1.0;
    let mut run = Run {
        w: Vec::new(),
        gradients: 0,
        values: 0,
        history: Vec::new(),
        lipschitz: L0,
        converged: false,
    };
    while run.gradients < MAX_ITERATIONS {
        let (fy, g) = gradient(|v: &[DualVec64<P>]| loss(v, data), &y);
        run.gradients += 1;
        // Backtracking: p = prox(y − ∇f(y)/L), accepted once f(p) ≤ Q_L(p, y), which is
        // F(p) ≤ Q_L(p, y) + λ‖p‖₁ with the λ‖p‖₁ on both sides cancelled.
        let (next, fp) = loop {
            let l = run.lipschitz;
            let p: Vec<f64> = y
                .iter()
                .zip(&g)
                .map(|(yj, gj)| soft_threshold(yj - gj / l, lambda / l))
                .collect();
            let d: Vec<f64> = p.iter().zip(&y).map(|(p, y)| p - y).collect();
            let fp = loss(&p, data);
            run.values += 1;
            if fp <= fy + dot(&g, &d) + 0.5 * l * dot(&d, &d) + ROUNDING * fy.abs() {
                break (p, fp);
            }
            run.lipschitz *= ETA;
        };
        run.history
            .push(fp + lambda * next.iter().map(|v| v.abs()).sum::<f64>());
        let step = next
            .iter()
            .zip(&y)
            .fold(0.0, |m: f64, (a, b)| m.max((a - b).abs()));
        if method != Method::Ista {
            let restarting = method == Method::FistaRestart
                && y.iter()
                    .zip(&next)
                    .zip(&x)
                    .map(|((y, n), x)| (y - n) * (n - x))
                    .sum::<f64>()
                    > 0.0;
            if restarting {
                t = 1.0;
                y.clone_from(&next);
            } else {
                let t_next = 0.5 * (1.0 + (1.0 + 4.0 * t * t).sqrt());
                let momentum = (t - 1.0) / t_next;
                y = next
                    .iter()
                    .zip(&x)
                    .map(|(n, o)| n + momentum * (n - o))
                    .collect();
                t = t_next;
            }
        } else {
            y.clone_from(&next);
        }
        x = next;
        if step <= STEP_TOLERANCE * max_abs(&x) {
            run.converged = true;
            break;
        }
    }
    run.w = x;
    run
}

/// Subgradient descent on `f(w) + λ‖w‖₁` with steps `1/(L√k)`, for `evaluations` gradient
/// evaluations from `w = 0`; returns the iterate with the smallest objective seen.
fn subgradient(data: &Data, lambda: f64, lipschitz: f64, evaluations: usize) -> Run {
    let mut w = vec![0.0; P];
    let mut best = (f64::INFINITY, w.clone());
    let mut history = Vec::with_capacity(evaluations);
    for k in 1..=evaluations {
        let (value, g) = gradient(|v: &[DualVec64<P>]| lasso_objective(v, data, lambda), &w);
        if value < best.0 {
            best = (value, w.clone());
        }
        history.push(best.0);
        let step = 1.0 / (lipschitz * (k as f64).sqrt());
        for (wj, gj) in w.iter_mut().zip(&g) {
            *wj -= step * gj;
        }
    }
    Run {
        w: best.1,
        gradients: evaluations,
        values: 0,
        history,
        lipschitz,
        converged: false,
    }
}

/// The zero pattern: a name where the coefficient is nonzero, `.` where it is exactly zero.
fn pattern(w: &[f64], names: &[String]) -> String {
    w.iter()
        .zip(names)
        .map(|(&v, name)| if v == 0.0 { "." } else { name.as_str() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The errors of a run against the reference.
struct Errors {
    /// The objective on the data as read, with the intercept optimal for the run's `w`.
    objective: f64,
    objective_error: f64,
    /// The largest `|w_j − w*_j| / |w*_j|` over the reference's nonzero `w*_j`.
    w: f64,
    intercept: f64,
    same_zeros: bool,
    /// The largest `|w_j|` where the reference is exactly zero.
    off_support: f64,
}

fn errors(w: &[f64], reference: &Reference, data: &Data) -> Errors {
    let objective = data.objective(w, reference.lambda);
    let pairs = || w.iter().zip(&reference.w);
    Errors {
        objective,
        objective_error: (objective - reference.objective).abs() / reference.objective.abs(),
        w: pairs()
            .filter(|(_, r)| **r != 0.0)
            .map(|(v, r)| ((v - r) / r).abs())
            .fold(0.0, f64::max),
        intercept: (data.intercept(w) - reference.intercept).abs() / reference.intercept.abs(),
        same_zeros: pairs().all(|(v, r)| (*v == 0.0) == (*r == 0.0)),
        off_support: pairs()
            .filter(|(_, r)| **r == 0.0)
            .map(|(v, _)| v.abs())
            .fold(0.0, f64::max),
    }
}

/// Solves one λ by the three methods, prints the tables, and returns the failed checks.
fn solve(data: &Data, reference: &Reference) -> Vec<String> {
    let lambda = reference.lambda;
    let ista = proximal_gradient(data, lambda, Method::Ista);
    let fista = proximal_gradient(data, lambda, Method::Fista);
    let restarted = proximal_gradient(data, lambda, Method::FistaRestart);
    let sub = subgradient(data, lambda, fista.lipschitz, fista.gradients);
    let runs = [
        ("ISTA", &ista, true),
        ("FISTA", &fista, true),
        ("FISTA+restart", &restarted, true),
        ("subgradient", &sub, false),
    ];

    println!("\nλ = {lambda}");
    println!(
        "  {:<13} {:>7} {:>7} {:>22} {:>8} {:>8} {:>8}  zero pattern",
        "method", "∇ evals", "f evals", "objective F", "F err", "w err", "b err"
    );
    println!(
        "  {:<13} {:>7} {:>7} {:>22} {:>8} {:>8} {:>8}  {}",
        "scikit-learn",
        "",
        "",
        format!("{:.15e}", reference.objective),
        "",
        "",
        "",
        pattern(&reference.w, &data.names)
    );
    let mut failures = Vec::new();
    for (name, run, checked) in runs {
        let e = errors(&run.w, reference, data);
        // Subgradient descent evaluates F only with its gradient: no separate f evaluations.
        let values = if checked {
            run.values.to_string()
        } else {
            "-".to_string()
        };
        println!(
            "  {:<13} {:>7} {:>7} {:>22} {:>8.1e} {:>8.1e} {:>8.1e}  {}{}",
            name,
            run.gradients,
            values,
            format!("{:.15e}", e.objective),
            e.objective_error,
            e.w,
            e.intercept,
            pattern(&run.w, &data.names),
            if checked && !run.converged {
                "  (iteration cap)"
            } else {
                ""
            }
        );
        if checked {
            for (what, error) in [
                ("coefficients", e.w),
                ("intercept", e.intercept),
                ("objective", e.objective_error),
            ] {
                if error.is_nan() || error > TOLERANCE {
                    failures.push(format!("λ = {lambda}, {name}: {what} off by {error:.1e}"));
                }
            }
            if !e.same_zeros {
                failures.push(format!("λ = {lambda}, {name}: zero pattern differs"));
            }
        } else {
            // Not held to the tolerance, but no method can go below the optimum: if this one
            // did, the reference or the objective evaluated here would be wrong.
            if e.objective.is_nan() || e.objective < reference.objective * (1.0 - 1e-12) {
                failures.push(format!(
                    "λ = {lambda}, {name}: objective {:e} below the optimum",
                    e.objective
                ));
            }
            println!(
                "  {:<13} where scikit-learn's w is 0: largest |w| {:.1e}, exact zeros {}",
                "",
                e.off_support,
                run.w.iter().filter(|v| **v == 0.0).count()
            );
        }
    }
    print!("  {:<24}", "F err after k ∇ evals, k:");
    for k in CHECKPOINTS {
        print!(" {k:>8}");
    }
    println!();
    for (name, run, _) in runs {
        print!("  {name:<24}");
        for k in CHECKPOINTS {
            match run.history.get(k - 1) {
                Some(f) => print!(
                    " {:>8.1e}",
                    (f - reference.objective).abs() / reference.objective
                ),
                None => print!(" {:>8}", "-"),
            }
        }
        println!();
    }
    println!(
        "  L from the line search (L₀ = {L0:e}, η = {ETA}): {:.3e} ISTA, {:.3e} FISTA, \
         {:.3e} FISTA+restart",
        ista.lipschitz, fista.lipschitz, restarted.lipschitz
    );
    failures
}

/// Reads the data and the reference, or says why not.
fn read() -> Result<(Data, Vec<Reference>), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/diabetes");
    let data = Data::read(&dir.join("diabetes.csv"))?;
    let references = read_reference(&dir.join("lasso_reference.csv"), &data.names)?;
    if references.is_empty() {
        return Err("no reference solutions".to_string());
    }
    Ok((data, references))
}

fn main() {
    let (data, references) = read().unwrap_or_else(|why| {
        eprintln!("lasso: {why}");
        std::process::exit(1);
    });
    println!(
        "Lasso on the diabetes data (n = {}, {P} features), against scikit-learn's solutions.",
        data.y.len()
    );
    println!(
        "F err, b err: relative; w err: the largest |w_j − w*_j| / |w*_j| over scikit-learn's \
         nonzero w*_j;\nF err after k: at the k-th iterate (subgradient: the best so far), \
         - once the method has stopped.\nThe eigenvalues of f's Hessian X̃ᵀX̃/n lie in \
         [μ, L] = [{:.3e}, {:.3e}].",
        data.curvatures.1, data.curvatures.0
    );
    let failures: Vec<String> = references.iter().flat_map(|r| solve(&data, r)).collect();
    if failures.is_empty() {
        println!(
            "\nok: ISTA, FISTA and FISTA+restart match scikit-learn's coefficients, intercept and \
             objective to {TOLERANCE:e} and its zero pattern exactly, at every λ"
        );
    } else {
        for failure in &failures {
            println!("FAILED: {failure}");
        }
        std::process::exit(1);
    }
}
