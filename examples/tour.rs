//! A tour of dualdiff: exact derivatives against closed forms and finite differences, gradient
//! and Hessian of Rosenbrock, the Jacobian of a nonlinear system, a third derivative by nesting,
//! and dual-number gradients timed against central finite differences.
//!
//! Run with `cargo run --release --example tour`.

use dualdiff::{
    Dual64, DualVec64, HyperDual, HyperDual64, derivative, finite, gradient, hessian, jacobian,
    second_derivative,
};
use num_traits::Float;
use std::hint::black_box;
use std::time::Instant;

/// f(x) = e^(sin x) · ln(1 + x²), written once for any `Float`.
fn f<T: Float>(x: T) -> T {
    x.sin().exp() * (T::one() + x * x).ln()
}

/// f'(x) = e^(sin x) · (cos x · ln(1 + x²) + 2x / (1 + x²)), by hand.
fn f_prime(x: f64) -> f64 {
    x.sin().exp() * (x.cos() * (1.0 + x * x).ln() + 2.0 * x / (1.0 + x * x))
}

/// The extended Rosenbrock function `Σ (1 − xᵢ)² + 100 (xᵢ₊₁ − xᵢ²)²`.
fn rosenbrock<T: Float>(x: &[T]) -> T {
    let hundred = T::from(100.0).unwrap_or_else(T::nan);
    x.windows(2).fold(T::zero(), |acc, w| {
        acc + (T::one() - w[0]).powi(2) + hundred * (w[1] - w[0] * w[0]).powi(2)
    })
}

/// A circle meeting an exponential: `(x² + y² − 4, eˣ + y − 1)`.
fn system<T: Float>(v: &[T]) -> Vec<T> {
    let four = T::from(4.0).unwrap_or_else(T::nan);
    vec![
        v[0] * v[0] + v[1] * v[1] - four,
        v[0].exp() + v[1] - T::one(),
    ]
}

fn section(title: &str) {
    println!("\n== {title}");
}

fn main() {
    section("1. f(x) = e^(sin x)·ln(1 + x²) at x = 1.3");
    let x = 1.3;
    let (value, ad) = derivative(f::<Dual64>, x);
    let exact = f_prime(x);
    println!("  f(x)                     = {value:.17}");
    println!("  f'(x), closed form       = {exact:.17}");
    println!(
        "  f'(x), dual number       = {ad:.17}   error {:.1e}",
        (ad - exact).abs()
    );
    for (name, fd) in [
        ("forward difference", finite::forward(f::<f64>, x)),
        ("central difference", finite::central(f::<f64>, x)),
        ("Richardson", finite::richardson(f::<f64>, x)),
    ] {
        println!(
            "  f'(x), {name:<18}= {fd:.17}   error {:.1e}",
            (fd - exact).abs()
        );
    }
    let (_, _, d2) = second_derivative(f::<HyperDual64>, x);
    let fd2 = finite::second_central(f::<f64>, x);
    println!("  f''(x), hyper-dual       = {d2:.17}   (second difference {fd2:.10})");

    section("2. Rosenbrock at (−1.2, 1): gradient and Hessian");
    let p = [-1.2, 1.0];
    let (value, g) = gradient(rosenbrock::<DualVec64<2>>, &p);
    let (px, py) = (p[0], p[1]);
    let g_exact = [
        -2.0 * (1.0 - px) - 400.0 * px * (py - px * px),
        200.0 * (py - px * px),
    ];
    println!("  f = {value}");
    println!("  gradient  (dual) = {g:?}");
    println!("  gradient (exact) = {g_exact:?}");
    let (_, _, h) = hessian(rosenbrock::<HyperDual64>, &p);
    let h_exact = [
        [1200.0 * px * px - 400.0 * py + 2.0, -400.0 * px],
        [-400.0 * px, 200.0],
    ];
    println!(
        "  Hessian   (dual) = [{:?}, {:?}]",
        [h[(0, 0)], h[(0, 1)]],
        [h[(1, 0)], h[(1, 1)]]
    );
    println!("  Hessian  (exact) = {h_exact:?}");

    section("3. Jacobian of (x² + y² − 4, eˣ + y − 1) at (1, −1)");
    let (fx, j) = jacobian(system::<DualVec64<2>>, &[1.0, -1.0]);
    println!("  f = {fx:?}");
    println!(
        "  J = [[{}, {}], [{}, {}]]",
        j[(0, 0)],
        j[(0, 1)],
        j[(1, 0)],
        j[(1, 1)]
    );
    println!(
        "  exact: [[2x, 2y], [eˣ, 1]] = [[2, −2], [{}, 1]]",
        1f64.exp()
    );

    section("4. Third derivative by nesting: d³/dx³ sin x at x = 0.5");
    let (_, d3) = derivative(
        |x: Dual64| second_derivative(|y: HyperDual<Dual64>| y.sin(), x).2,
        0.5,
    );
    println!("  nested duals = {d3:.17}");
    println!("  −cos(0.5)    = {:.17}", -0.5f64.cos());

    section("5. Gradient of Rosenbrock, n = 100: dual numbers against central differences");
    let x0: Vec<f64> = (0..100).map(|i| 0.5 + 0.01 * f64::from(i)).collect();
    let reps = 200;
    let time = |name: &str, run: &dyn Fn() -> Vec<f64>| {
        let start = Instant::now();
        let mut g = Vec::new();
        for _ in 0..reps {
            g = black_box(run());
        }
        let per_call = start.elapsed().as_secs_f64() / f64::from(reps);
        println!("  {name:<28} {:>9.2} µs per gradient", per_call * 1e6);
        g
    };
    let ad = time("DualVec64<8> (13 passes)", &|| {
        gradient(rosenbrock::<DualVec64<8>>, black_box(&x0)).1
    });
    time("Dual64 (100 passes)", &|| {
        gradient(rosenbrock::<Dual64>, black_box(&x0)).1
    });
    let fd = time("central differences", &|| {
        finite::gradient_central(rosenbrock::<f64>, black_box(&x0))
    });
    let worst = ad
        .iter()
        .zip(&fd)
        .map(|(a, d)| (a - d).abs() / a.abs().max(1.0))
        .fold(0.0, f64::max);
    println!("  largest relative difference, central differences vs exact: {worst:.1e}");
}
