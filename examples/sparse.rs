//! Newton's method on a sparse Jacobian: the 1-D Bratu problem
//!
//! ```text
//! u'' + λ·eᵘ = 0 on (0, 1),   u(0) = u(1) = 0,   λ = 1,
//! ```
//!
//! discretised by central differences on `n = 1999` interior points (`h = 1/2000`, so `x = 1/2`
//! is a grid point): `F_i(u) = u_{i−1} − 2u_i + u_{i+1} + h²λ·e^{u_i} = 0`.
//!
//! The residual is written once, generic over [`num_traits::Float`]. The Jacobian's pattern is
//! detected by one evaluation on [`SparsityTracer`]s and colored (3 colors: it is tridiagonal),
//! so each Newton step evaluates the Jacobian in **one** pass of `DualVec64<4>` instead of the
//! 125 passes of the dense `jacobian` with `DualVec64<16>`. `−J` is symmetric positive definite
//! (`2 − h²e^{u_i} > 0`), so the Newton system is solved by `nalgebra_sparse`'s sparse Cholesky
//! factorization, refactored in place at each step (the pattern never changes).
//!
//! Check: for λ = 1 the lower solution is `u(x) = −2 ln(cosh((x − ½)θ/2) / cosh(θ/4))`, with
//! `θ` the smaller root of `θ = √(2λ)·cosh(θ/4)` (θ ≈ 1.517164599), so
//! `max u = u(½) = 2 ln cosh(θ/4) ≈ 0.140539214`. The discrete solution differs by `O(h²)`.
//!
//! Prints `‖F(uₖ)‖₂` per iteration and `‖F(uₖ)‖ / ‖F(uₖ₋₁)‖²`, which settles to a constant
//! when convergence is quadratic. Exits with status 1 if Newton does not reach
//! `‖F‖ < 1e-12` in 20 steps or `u(½)` misses the exact value by more than `1e-6`.
//!
//! Run with `cargo run --release --example sparse`.

use dualdiff::{DualVec64, SparseJacobian, SparsityTracer, jacobian};
use nalgebra::DVector;
use nalgebra_sparse::factorization::CscCholesky;
use num_traits::Float;
use std::process::ExitCode;
use std::time::Instant;

/// Interior grid points.
const N: usize = 1999;
/// The Bratu parameter.
const LAMBDA: f64 = 1.0;
/// Stop when `‖F(u)‖₂` falls below this.
const TOLERANCE: f64 = 1e-12;
/// Give up after this many Newton steps.
const MAX_ITERATIONS: usize = 20;

/// The discretised Bratu residual `F_i = u_{i−1} − 2u_i + u_{i+1} + h²λ·e^{u_i}`, `u₀ = u_{n+1} = 0`.
fn bratu<T: Float>(u: &[T]) -> Vec<T> {
    let n = u.len();
    let h = 1.0 / (n + 1) as f64;
    let h2_lambda = T::from(h * h * LAMBDA).expect("an f64 constant");
    let two = T::from(2.0).expect("an f64 constant");
    (0..n)
        .map(|i| {
            let left = if i > 0 { u[i - 1] } else { T::zero() };
            let right = if i + 1 < n { u[i + 1] } else { T::zero() };
            left - two * u[i] + right + h2_lambda * u[i].exp()
        })
        .collect()
}

/// `max u = u(½)` of the exact lower solution: `2 ln cosh(θ/4)` with `θ = √(2λ)·cosh(θ/4)`,
/// the smaller root, by Newton's method from `θ = 1`.
fn exact_midpoint_value(lambda: f64) -> (f64, f64) {
    let s = (2.0 * lambda).sqrt();
    let mut theta: f64 = 1.0;
    for _ in 0..50 {
        let g = theta - s * (theta / 4.0).cosh();
        let dg = 1.0 - s * (theta / 4.0).sinh() / 4.0;
        theta -= g / dg;
    }
    (theta, 2.0 * (theta / 4.0).cosh().ln())
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

fn main() -> ExitCode {
    let mut u = vec![0.0; N];

    // Detect and color once.
    let start = Instant::now();
    let prepared = SparseJacobian::detect(bratu::<SparsityTracer>, &u);
    let prepare_time = start.elapsed();
    println!(
        "Bratu, λ = {LAMBDA}, n = {N}: {} nonzeros, {} colors → passes per Jacobian: {} of \
         DualVec64<4> (dense: {} of DualVec64<16>); detection + coloring {:.2} ms",
        prepared.sparsity().nnz(),
        prepared.num_colors(),
        prepared.passes(4),
        N.div_ceil(16),
        prepare_time.as_secs_f64() * 1e3,
    );

    // Buffers reused at every step: no allocation in the Jacobian evaluation.
    let mut work = vec![DualVec64::<4>::default(); N];
    let mut out = vec![DualVec64::<4>::default(); N];
    let mut residual = vec![0.0; N];
    let mut jac = prepared.zeros::<f64>();
    let f = |v: &[DualVec64<4>], y: &mut [DualVec64<4>]| y.copy_from_slice(&bratu(v));

    let mut cholesky: Option<CscCholesky<f64>> = None;
    let mut previous: Option<f64> = None;
    let mut converged = false;
    println!(
        "{:>4}  {:>12}  {:>12}  {:>16}",
        "k", "‖F(u)‖", "‖step‖", "‖F‖/‖F_prev‖²"
    );
    for k in 0..=MAX_ITERATIONS {
        prepared.jacobian_into(f, &u, &mut work, &mut out, &mut residual, &mut jac);
        let r = norm(&residual);
        // Below ~1e-14 the residual is rounding noise and the ratio means nothing.
        let ratio = match previous {
            Some(p) if r > 1e-14 => format!("{:.3e}", r / (p * p)),
            Some(_) => String::from("(rounding)"),
            None => String::from("-"),
        };
        if r < TOLERANCE {
            println!("{k:>4}  {r:>12.3e}  {:>12}  {ratio:>16}", "-");
            converged = true;
            break;
        }
        if k == MAX_ITERATIONS {
            break;
        }
        // Solve (−J)·s = F: −J is symmetric positive definite.
        for v in jac.values_mut() {
            *v = -*v;
        }
        let factored = if let Some(c) = cholesky.as_mut() {
            c.refactor(jac.values()).is_ok()
        } else if let Ok(c) = CscCholesky::factor(&jac) {
            cholesky = Some(c);
            true
        } else {
            false
        };
        let Some(c) = cholesky.as_ref().filter(|_| factored) else {
            eprintln!("−J is not positive definite at step {k}");
            return ExitCode::FAILURE;
        };
        let step = c.solve(&DVector::from_column_slice(&residual));
        for (ui, si) in u.iter_mut().zip(step.iter()) {
            *ui += si;
        }
        println!("{k:>4}  {r:>12.3e}  {:>12.3e}  {ratio:>16}", step.norm());
        previous = Some(r);
    }
    if !converged {
        eprintln!("Newton did not reach ‖F‖ < {TOLERANCE:e} in {MAX_ITERATIONS} steps");
        return ExitCode::FAILURE;
    }

    // Cost of one Jacobian, sparse against dense, at the solution.
    let start = Instant::now();
    prepared.jacobian_into(f, &u, &mut work, &mut out, &mut residual, &mut jac);
    let sparse_time = start.elapsed();
    let start = Instant::now();
    let (_, dense) = jacobian(|v: &[DualVec64<16>]| bratu(v), &u);
    let dense_time = start.elapsed();
    let agree = jac
        .triplet_iter()
        .all(|(i, j, &v)| (v - dense[(i, j)]).abs() <= 1e-14 * v.abs().max(1.0));
    println!(
        "one Jacobian: sparse {:.3} ms, dense {:.1} ms ({:.0}× faster); entries agree: {agree}",
        sparse_time.as_secs_f64() * 1e3,
        dense_time.as_secs_f64() * 1e3,
        dense_time.as_secs_f64() / sparse_time.as_secs_f64(),
    );

    let (theta, exact) = exact_midpoint_value(LAMBDA);
    let midpoint = u[N / 2];
    let error = (midpoint - exact).abs();
    let max = u.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    println!("θ = {theta:.16}, exact u(1/2) = {exact:.12}");
    println!("computed u(1/2) = {midpoint:.12} (max over the grid {max:.12}), error {error:.2e}");
    if error > 1e-6 || !agree {
        eprintln!("the solution misses the exact value");
        return ExitCode::FAILURE;
    }
    println!("ok");
    ExitCode::SUCCESS
}
