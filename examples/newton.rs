//! Newton's method for nonlinear systems `F(x) = 0`, with the exact Jacobian from
//! [`dualdiff::jacobian`].
//!
//! Each residual is written once, generic over [`num_traits::Float`]; the solver evaluates it on
//! `DualVec64<N>` (value and Jacobian in one pass) and the check at the end evaluates it on plain
//! `f64`. Two problems:
//!
//! 1. the circle `x² + y² = 4` meets the curve `y = eˣ − 1` (two roots, one per starting point);
//! 2. the helical valley function of Fletcher and Powell (1963), problem (7) of Moré, Garbow and
//!    Hillstrom, "Testing Unconstrained Optimization Software", ACM TOMS 7(1), 1981, pp. 17–41:
//!    three unknowns, standard start `(−1, 0, 0)`, solution `(1, 0, 0)`.
//!
//! Per iteration it prints `‖F(xₖ)‖`, the Newton step `‖sₖ‖` and `‖F(xₖ)‖ / ‖F(xₖ₋₁)‖²`, which
//! settles to a constant when convergence is quadratic. It exits with status 1 if any solve fails
//! to reach `‖F‖ < 1e-14` within 50 iterations, so it doubles as a smoke test.
//!
//! Run with `cargo run --release --example newton`.

use dualdiff::{DualVec64, jacobian};
use nalgebra::DVector;
use num_traits::{Float, FloatConst};

/// Stop when `‖F(x)‖₂` falls below this.
const TOLERANCE: f64 = 1e-14;
/// Give up after this many Newton steps.
const MAX_ITERATIONS: usize = 50;

/// Converts an `f64` constant into `T`.
fn c<T: Float>(v: f64) -> T {
    T::from(v).expect("every Float type represents an f64 constant")
}

/// The circle `x² + y² = 4` and the curve `y = eˣ − 1`: `F(x, y) = (x² + y² − 4, eˣ − 1 − y)`.
fn circle_exp<T: Float>(v: &[T]) -> Vec<T> {
    let (x, y) = (v[0], v[1]);
    vec![x * x + y * y - c(4.0), x.exp() - T::one() - y]
}

/// The helical valley function (Moré, Garbow & Hillstrom 1981, problem 7):
/// `f₁ = 10 (x₃ − 10 θ(x₁, x₂))`, `f₂ = 10 (√(x₁² + x₂²) − 1)`, `f₃ = x₃`, where
/// `2π θ = arctan(x₂/x₁)` for `x₁ > 0` and `arctan(x₂/x₁) + π` for `x₁ < 0`.
fn helical_valley<T: Float + FloatConst>(v: &[T]) -> Vec<T> {
    let (x1, x2, x3) = (v[0], v[1], v[2]);
    let angle = if x1 > T::zero() {
        (x2 / x1).atan()
    } else {
        (x2 / x1).atan() + T::PI()
    };
    let theta = angle / (c::<T>(2.0) * T::PI());
    let ten = c::<T>(10.0);
    vec![
        ten * (x3 - ten * theta),
        ten * ((x1 * x1 + x2 * x2).sqrt() - T::one()),
        x3,
    ]
}

/// Euclidean norm.
fn norm(v: &[f64]) -> f64 {
    v.iter().map(|a| a * a).sum::<f64>().sqrt()
}

/// Runs Newton's method from `x0`, printing one line per iteration; returns the root, or a
/// message saying why it stopped.
fn newton<const N: usize>(
    f: impl Fn(&[DualVec64<N>]) -> Vec<DualVec64<N>>,
    x0: [f64; N],
) -> Result<[f64; N], String> {
    println!(
        "  {:>3}  {:>12}  {:>12}  {:>20}",
        "k", "‖F(xₖ)‖", "‖sₖ‖", "‖F(xₖ)‖/‖F(xₖ₋₁)‖²"
    );
    let mut x = x0;
    let mut previous: Option<f64> = None;
    for k in 0..=MAX_ITERATIONS {
        let (values, jac) = jacobian(&f, &x);
        let f_norm = norm(&values);
        // Meaningless on the first row, and once F rounds to exactly zero.
        let ratio = match previous {
            Some(p) if f_norm > 0.0 => format!("{:>20.3e}", f_norm / (p * p)),
            _ => format!("{:>20}", "—"),
        };
        if !f_norm.is_finite() {
            return Err(format!("‖F‖ is not finite at iteration {k} (x = {x:?})"));
        }
        if f_norm < TOLERANCE {
            println!("  {k:>3}  {f_norm:>12.3e}  {:>12}  {ratio}", "—");
            return Ok(x);
        }
        if k == MAX_ITERATIONS {
            println!("  {k:>3}  {f_norm:>12.3e}  {:>12}  {ratio}", "—");
            break;
        }
        // Newton step: J(xₖ) sₖ = −F(xₖ).
        let rhs = -DVector::from_vec(values);
        let step = jac
            .lu()
            .solve(&rhs)
            .ok_or_else(|| format!("the Jacobian is singular at iteration {k} (x = {x:?})"))?;
        println!("  {k:>3}  {f_norm:>12.3e}  {:>12.3e}  {ratio}", step.norm());
        for (xi, si) in x.iter_mut().zip(step.iter()) {
            *xi += si;
        }
        previous = Some(f_norm);
    }
    Err(format!(
        "no convergence to ‖F‖ < {TOLERANCE:e} in {MAX_ITERATIONS} iterations"
    ))
}

/// Solves one problem from `x0` and prints the root and the residual at it; `false` on failure.
fn solve<const N: usize>(
    title: &str,
    labels: [&str; N],
    x0: [f64; N],
    f_dual: impl Fn(&[DualVec64<N>]) -> Vec<DualVec64<N>>,
    f_plain: impl Fn(&[f64]) -> Vec<f64>,
    check: impl Fn(&[f64; N]),
) -> bool {
    println!("\n== {title}, from x₀ = {x0:?}");
    match newton(f_dual, x0) {
        Ok(root) => {
            for (label, r) in labels.iter().zip(&root) {
                println!("  {label:>2} = {r:>23.16e}");
            }
            let residual: Vec<String> = f_plain(&root).iter().map(|r| format!("{r:.3e}")).collect();
            println!("  F(root) in f64 = [{}]", residual.join(", "));
            check(&root);
            true
        }
        Err(why) => {
            println!("  FAILED: {why}");
            false
        }
    }
}

fn main() {
    let mut ok = true;

    for x0 in [[1.0, 1.0], [-2.0, 0.0]] {
        ok &= solve(
            "x² + y² = 4  ∩  y = eˣ − 1",
            ["x", "y"],
            x0,
            circle_exp::<DualVec64<2>>,
            circle_exp::<f64>,
            |&[x, y]| {
                println!("  substituted:   x² + y² = {:.17}", x * x + y * y);
                println!("                 eˣ − 1  = {:.17}", x.exp() - 1.0);
                println!("                 y       = {y:.17}");
            },
        );
    }

    ok &= solve(
        "helical valley (Moré, Garbow & Hillstrom 1981, problem 7)",
        ["x₁", "x₂", "x₃"],
        [-1.0, 0.0, 0.0],
        helical_valley::<DualVec64<3>>,
        helical_valley::<f64>,
        |x| {
            let err = norm(&[x[0] - 1.0, x[1], x[2]]);
            println!("  published solution (1, 0, 0): ‖x − x*‖ = {err:.3e}");
        },
    );

    if !ok {
        eprintln!("newton: at least one solve did not converge");
        std::process::exit(1);
    }
}
