//! Nonlinear least squares by Levenberg–Marquardt, with the Jacobian of the residuals from
//! [`dualdiff::jacobian`], checked against certified results.
//!
//! Data: NIST Statistical Reference Datasets (StRD), nonlinear regression — Misra1a (Misra, 1978;
//! NIST dental research monomolecular adsorption study; lower difficulty) and Rat43 (Ratkowsky,
//! 1983, "Nonlinear Regression Modeling", sigmoidal growth of onion bulbs; higher difficulty).
//! Works of the U.S. government, in the public domain; copied unchanged into `examples/data/`.
//! The starting values (NIST's "Start 1"), the certified parameters and the certified residual sum
//! of squares are all read from the `.dat` files.
//!
//! Each model is written once, generic over [`num_traits::Float`]: on `DualVec64<N>` it yields
//! the residuals and their Jacobian in one pass, on `f64` it evaluates trial points.
//!
//! The solver (Moré, "The Levenberg–Marquardt algorithm: implementation and theory", 1978):
//! - Marquardt-scaled damping `(JᵀJ + λD²) δ = −Jᵀr`, `D` the running maximum of the Jacobian's
//!   column norms, solved as the least-squares problem `[J; √λ D] δ ≈ [−r; 0]` by Householder QR,
//!   never forming `JᵀJ`;
//! - λ follows the gain ratio ρ = actual / predicted reduction (Nielsen, 1999); once the predicted
//!   reduction is below the rounding noise of Σr², ρ is noise and the (exact) prediction is
//!   trusted, so the last digits are not lost to spurious rejections;
//! - it stops when an undamped Gauss–Newton step would reduce Σr² by a relative amount below
//!   `FTOL` (the squared relative offset of Bates and Watts, Technometrics 23, 1981), a
//!   relative-reduction rule that a large λ cannot trigger early.
//!
//! Agreement is measured by the log relative error `LRE = −log10(|b − b_cert| / |b_cert|)`, the
//! number of agreeing significant digits (capped at 11, the digits NIST certifies). The example
//! exits with status 1 if any parameter has fewer than 6.
//!
//! Run with `cargo run --release --example curve_fit`.

use dualdiff::{DualVec64, jacobian};
use nalgebra::{DMatrix, DVector};
use num_traits::Float;
use std::path::Path;

/// Stop when a Gauss–Newton step would reduce Σr² by less than this fraction. Then
/// `‖J (b − b*)‖ ≈ √FTOL · ‖r‖`: each parameter is within about `√FTOL · √(n − p)` standard
/// errors of the least-squares solution.
const FTOL: f64 = 1e-24;
/// Give up after this many trial steps.
const MAX_STEPS: usize = 500;
/// Digits a fitted parameter must share with NIST's certified value.
const REQUIRED_DIGITS: f64 = 6.0;
/// Digits NIST certifies; LRE is capped here.
const CERTIFIED_DIGITS: f64 = 11.0;

/// Converts an `f64` constant into `T`.
fn c<T: Float>(v: f64) -> T {
    T::from(v).expect("every Float type represents an f64 constant")
}

/// Misra1a: `y = b₁ (1 − exp(−b₂ x))`.
fn misra1a<T: Float>(b: &[T], x: f64) -> T {
    b[0] * (T::one() - (-b[1] * c(x)).exp())
}

/// Rat43: `y = b₁ / (1 + exp(b₂ − b₃ x))^(1/b₄)`.
fn rat43<T: Float>(b: &[T], x: f64) -> T {
    b[0] / (T::one() + (b[1] - b[2] * c(x)).exp()).powf(b[3].recip())
}

/// One NIST StRD nonlinear-regression problem, as read from its `.dat` file.
struct Dataset {
    name: String,
    start1: Vec<f64>,
    certified: Vec<f64>,
    certified_rss: f64,
    x: Vec<f64>,
    y: Vec<f64>,
}

/// Parses one number of a `.dat` file (Fortran-style exponents such as `16.08E0` included).
fn parse_number(token: &str, what: &str) -> Result<f64, String> {
    token
        .parse()
        .map_err(|e| format!("cannot parse {what} from {token:?}: {e}"))
}

impl Dataset {
    /// Reads a NIST StRD nonlinear-regression file: the parameter lines (`b1 = start1 start2
    /// certified sd`), the certified residual sum of squares, and the `y x` observations that
    /// follow the `Data:   y   x` header.
    fn read(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut data = Dataset {
            name: String::new(),
            start1: Vec::new(),
            certified: Vec::new(),
            certified_rss: f64::NAN,
            x: Vec::new(),
            y: Vec::new(),
        };
        let mut observations = None;
        let mut in_data = false;
        for line in text.lines() {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            if in_data {
                match tokens[..] {
                    [y, x] => {
                        data.y.push(parse_number(y, "an observation y")?);
                        data.x.push(parse_number(x, "an observation x")?);
                    }
                    [] => {}
                    _ => return Err(format!("unexpected data line {line:?}")),
                }
            } else if line.starts_with("Dataset Name:") {
                data.name = tokens.get(2).copied().unwrap_or_default().to_string();
            } else if tokens == ["Data:", "y", "x"] {
                in_data = true;
            } else if line.trim_start().starts_with("Residual Sum of Squares:") {
                let last = tokens.last().copied().unwrap_or_default();
                data.certified_rss = parse_number(last, "the residual sum of squares")?;
            } else if line.trim_start().starts_with("Number of Observations:") {
                let last = tokens.last().copied().unwrap_or_default();
                let count = last.parse::<usize>().map_err(|e| {
                    format!("cannot parse the number of observations {last:?}: {e}")
                })?;
                observations = Some(count);
            } else if let [name, "=", start1, _start2, certified, _sd] = tokens[..] {
                let expected = format!("b{}", data.start1.len() + 1);
                if name != expected {
                    return Err(format!("expected parameter {expected}, found {name:?}"));
                }
                data.start1.push(parse_number(start1, "a starting value")?);
                data.certified
                    .push(parse_number(certified, "a certified value")?);
            }
        }
        if data.start1.is_empty() || !data.certified_rss.is_finite() {
            return Err(format!(
                "{}: no parameters or no certified RSS",
                path.display()
            ));
        }
        if observations != Some(data.x.len()) {
            return Err(format!(
                "{}: read {} observations, the header says {observations:?}",
                path.display(),
                data.x.len()
            ));
        }
        Ok(data)
    }
}

/// The result of a fit.
struct Fit {
    params: Vec<f64>,
    rss: f64,
    offset: f64,
    iterations: usize,
    steps: usize,
}

/// Residuals `yᵢ − model(b, xᵢ)` on any `Float`.
fn residuals<T: Float>(model: fn(&[T], f64) -> T, data: &Dataset, b: &[T]) -> Vec<T> {
    data.x
        .iter()
        .zip(&data.y)
        .map(|(&x, &y)| c::<T>(y) - model(b, x))
        .collect()
}

/// Minimizes `Σ rᵢ(b)²` by Levenberg–Marquardt from NIST's Start 1.
fn levenberg_marquardt<const N: usize>(
    data: &Dataset,
    model_dual: fn(&[DualVec64<N>], f64) -> DualVec64<N>,
    model: fn(&[f64], f64) -> f64,
) -> Result<Fit, String> {
    if data.start1.len() != N {
        return Err(format!(
            "{}: the file has {} parameters, the model {N}",
            data.name,
            data.start1.len()
        ));
    }
    let m = data.x.len();
    let eval = |b: &[f64]| {
        let (r, j) = jacobian(|bd: &[DualVec64<N>]| residuals(model_dual, data, bd), b);
        (DVector::from_vec(r), j)
    };

    let mut b = DVector::from_column_slice(&data.start1);
    let (mut r, mut jac) = eval(b.as_slice());
    let mut rss = r.norm_squared();
    let mut scale = DVector::<f64>::zeros(N);
    let mut lambda = 1e-3;
    let mut nu = 2.0;
    let mut iterations = 0;

    for steps in 0..=MAX_STEPS {
        // Stopping rule: the relative reduction an undamped Gauss–Newton step would achieve,
        // ‖Q₁ᵀr‖² / ‖r‖² with J = Q₁R (Bates and Watts' relative offset, squared). Unlike the
        // damped step's prediction, a large λ cannot make it small.
        let mut qtr = r.clone();
        jac.clone().qr().q_tr_mul(&mut qtr);
        let offset = qtr.rows(0, N).norm_squared() / rss;
        if offset <= FTOL {
            return Ok(Fit {
                params: b.iter().copied().collect(),
                rss,
                offset,
                iterations,
                steps,
            });
        }
        if steps == MAX_STEPS {
            break;
        }

        // Moré's scaling: D = running maximum of the column norms (1 for a zero column).
        for (k, d) in scale.iter_mut().enumerate() {
            let column = jac.column(k).norm();
            *d = d.max(if column > 0.0 { column } else { 1.0 });
        }

        // δ minimizes ‖r + Jδ‖² + λ‖Dδ‖²: least squares on [J; √λ D] δ ≈ [−r; 0] by QR.
        let mut a = DMatrix::<f64>::zeros(m + N, N);
        a.rows_mut(0, m).copy_from(&jac);
        for k in 0..N {
            a[(m + k, k)] = lambda.sqrt() * scale[k];
        }
        let mut rhs = DVector::<f64>::zeros(m + N);
        rhs.rows_mut(0, m).copy_from(&(-&r));
        let qr = a.qr();
        qr.q_tr_mul(&mut rhs);
        let delta = qr
            .r()
            .solve_upper_triangular(&rhs.rows(0, N))
            .ok_or_else(|| format!("{}: singular R at step {steps}", data.name))?;

        // Predicted reduction ‖r‖² − ‖r + Jδ‖² = ‖Jδ‖² + 2λ‖Dδ‖² (no cancellation).
        let predicted = (&jac * &delta).norm_squared()
            + 2.0 * lambda * delta.component_mul(&scale).norm_squared();
        let trial = &b + &delta;
        let trial_rss = DVector::from_vec(residuals(model, data, trial.as_slice())).norm_squared();
        let actual = rss - trial_rss;

        // Each rᵢ = yᵢ − model carries a rounding error of about ε·|yᵢ|, so Σr² is only known to
        // about 2ε·Σ|rᵢ||yᵢ| (allow 4×). Below that, ρ is noise while the prediction is still exact: trust it.
        let noise = 8.0
            * f64::EPSILON
            * r.iter()
                .zip(&data.y)
                .map(|(ri, yi)| (ri * yi).abs())
                .sum::<f64>();
        let rho = if !trial_rss.is_finite() {
            -1.0
        } else if predicted <= noise && actual >= -noise {
            1.0
        } else {
            actual / predicted
        };

        if rho > 1e-4 {
            // Accept; relax λ by Nielsen's rule.
            b = trial;
            (r, jac) = eval(b.as_slice());
            rss = r.norm_squared();
            iterations += 1;
            lambda *= (1.0 / 3.0).max(1.0 - (2.0 * rho - 1.0).powi(3));
            nu = 2.0;
        } else {
            // Reject; stiffen λ geometrically faster each time.
            lambda *= nu;
            nu *= 2.0;
        }
    }
    Err(format!(
        "{}: no convergence in {MAX_STEPS} steps",
        data.name
    ))
}

/// Log relative error: the number of significant digits `estimate` shares with `certified`.
fn lre(estimate: f64, certified: f64) -> f64 {
    let rel = (estimate - certified).abs() / certified.abs();
    if rel == 0.0 {
        CERTIFIED_DIGITS
    } else {
        (-rel.log10()).min(CERTIFIED_DIGITS)
    }
}

/// Fits one dataset, prints the comparison with NIST, and returns the worst parameter LRE.
fn run<const N: usize>(
    file: &str,
    model_dual: fn(&[DualVec64<N>], f64) -> DualVec64<N>,
    model: fn(&[f64], f64) -> f64,
) -> Result<f64, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(file);
    let data = Dataset::read(&path)?;
    println!(
        "\n== {} ({} observations, {} parameters)",
        data.name,
        data.x.len(),
        N
    );
    let fit = levenberg_marquardt(&data, model_dual, model)?;
    println!(
        "  {} iterations ({} trial steps, {} rejected)",
        fit.iterations,
        fit.steps,
        fit.steps - fit.iterations
    );
    println!(
        "  stopped: a Gauss–Newton step would reduce Σr² by a fraction {:.1e}",
        fit.offset
    );
    println!(
        "  {:<5} {:>10} {:>22} {:>22} {:>6}",
        "param", "start 1", "fitted", "certified", "LRE"
    );
    let mut worst = f64::INFINITY;
    for (k, ((&fitted, &certified), &start)) in fit
        .params
        .iter()
        .zip(&data.certified)
        .zip(&data.start1)
        .enumerate()
    {
        let digits = lre(fitted, certified);
        worst = worst.min(digits);
        println!(
            "  b{:<4} {start:>10} {fitted:>22.14e} {certified:>22.10e} {digits:>6.1}",
            k + 1
        );
    }
    println!(
        "  {:<16} {:>22.14e} {:>22.10e} {:>6.1}",
        "residual SS",
        fit.rss,
        data.certified_rss,
        lre(fit.rss, data.certified_rss)
    );
    Ok(worst)
}

fn main() {
    let results = [
        (
            "Misra1a",
            run("Misra1a.dat", misra1a::<DualVec64<2>>, misra1a::<f64>),
        ),
        (
            "Rat43",
            run("Rat43.dat", rat43::<DualVec64<4>>, rat43::<f64>),
        ),
    ];
    println!("\n  (LRE is capped at {CERTIFIED_DIGITS}, the significant digits NIST certifies)");
    let mut ok = true;
    for (name, result) in results {
        match result {
            Ok(digits) if digits >= REQUIRED_DIGITS => {
                println!("  {name:<8} ok: every parameter agrees to {digits:.1} digits");
            }
            Ok(digits) => {
                println!("  {name:<8} FAILED: a parameter agrees to only {digits:.1} digits");
                ok = false;
            }
            Err(why) => {
                println!("  {name:<8} FAILED: {why}");
                ok = false;
            }
        }
    }
    if !ok {
        std::process::exit(1);
    }
}
