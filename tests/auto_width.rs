//! The width-choosing drivers against closed forms, for sizes that reach every width.

mod common;
use common::{assert_close, assert_vec_close};
use dualdiff::{Real, ScalarFunction, VectorFunction, auto_width, gradient_auto, jacobian_auto};

/// f(x) = Σ xᵢ³ + Π cos(xᵢ)… kept separable enough to write the gradient by hand:
/// f = Σ (xᵢ³ + sin xᵢ · x₀), ∂f/∂x₀ = 3x₀² + sin x₀ + x₀ cos x₀ + Σ_{i>0} sin xᵢ,
/// ∂f/∂xᵢ = 3xᵢ² + x₀ cos xᵢ (i > 0).
struct Cubic;

impl<T: Real> ScalarFunction<T> for Cubic {
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> D {
        x.iter()
            .fold(D::zero(), |s, &v| s + v * v * v + v.sin() * x[0])
    }
}

fn cubic_gradient(x: &[f64]) -> Vec<f64> {
    let mut g: Vec<f64> = x.iter().map(|&v| 3.0 * v * v + x[0] * v.cos()).collect();
    g[0] += x.iter().map(|v| v.sin()).sum::<f64>();
    g
}

/// f(x)ᵢ = xᵢ · x_{(i+1) mod n}: J[i][i] = x_{i+1}, J[i][i+1] = xᵢ.
struct Ring;

impl<T: Real> VectorFunction<T> for Ring {
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> Vec<D> {
        (0..x.len()).map(|i| x[i] * x[(i + 1) % x.len()]).collect()
    }
}

#[test]
fn widths_cover_small_sizes_then_stay_bounded() {
    assert_eq!(auto_width(0), 1);
    for n in 1..=64 {
        let w = auto_width(n);
        assert!(w.is_power_of_two() && w <= 16, "n = {n}: width {w}");
        if n <= 8 {
            assert!(w >= n, "n = {n}: one pass expected, width {w}");
        }
    }
}

#[test]
fn gradient_auto_matches_the_closed_form_at_every_width() {
    for n in [1, 2, 3, 4, 5, 8, 9, 16, 17, 40] {
        let x: Vec<f64> = (0..n).map(|i| 0.3 * i as f64 - 0.9).collect();
        let (f, g) = gradient_auto(&Cubic, &x);
        let plain: f64 = x.iter().map(|&v| v * v * v + v.sin() * x[0]).sum();
        let primal = <Cubic as ScalarFunction<f64>>::eval::<f64>(&Cubic, &x);
        assert_eq!(f, primal, "n = {n}: the value part is the plain evaluation");
        assert_close(f, plain, 1e-15);
        assert_vec_close(&g, &cubic_gradient(&x), 1e-14);
    }
}

#[test]
fn jacobian_auto_matches_the_closed_form_at_every_width() {
    for n in [1, 2, 4, 7, 12, 33] {
        let x: Vec<f64> = (0..n).map(|i| 1.0 + 0.5 * i as f64).collect();
        let (fx, j) = jacobian_auto(&Ring, &x);
        assert_eq!(j.shape(), (n, n));
        for i in 0..n {
            let next = (i + 1) % n;
            assert_eq!(fx[i], x[i] * x[next]);
            for k in 0..n {
                let want = match (k == i, k == next) {
                    (true, true) => 2.0 * x[i], // n = 1: f = x², f' = 2x
                    (true, false) => x[next],
                    (false, true) => x[i],
                    (false, false) => 0.0,
                };
                assert_eq!(j[(i, k)], want, "n = {n}, J[{i}][{k}]");
            }
        }
    }
}
