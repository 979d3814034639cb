//! `Dual2Vec` and the `hessian` driver's strategies against closed-form Hessians.

mod common;
use common::{assert_close, assert_mat_close, assert_vec_close, central2};
use dualdiff::{Dual2Vec, Dual2Vec64, HyperDual64, hessian, hessian_into};
use nalgebra::DMatrix;
use num_traits::Float;

/// The extended Rosenbrock function `Σ (1 − xᵢ)² + 100 (xᵢ₊₁ − xᵢ²)²`.
fn rosenbrock<T: Float>(x: &[T]) -> T {
    let hundred = T::from(100.0).expect("representable");
    x.windows(2).fold(T::zero(), |acc, w| {
        acc + (T::one() - w[0]).powi(2) + hundred * (w[1] - w[0] * w[0]).powi(2)
    })
}

/// Its gradient and Hessian, written out by hand.
fn rosenbrock_derivatives(x: &[f64]) -> (Vec<f64>, DMatrix<f64>) {
    let n = x.len();
    let mut g = vec![0.0; n];
    let mut h = DMatrix::zeros(n, n);
    for i in 0..n - 1 {
        let (a, b) = (x[i], x[i + 1]);
        g[i] += -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
        g[i + 1] += 200.0 * (b - a * a);
        h[(i, i)] += 2.0 - 400.0 * b + 1200.0 * a * a;
        h[(i, i + 1)] += -400.0 * a;
        h[(i + 1, i)] += -400.0 * a;
        h[(i + 1, i + 1)] += 200.0;
    }
    (g, h)
}

fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.37 * i as f64 - 0.8).collect()
}

fn assert_hessian(got: (f64, Vec<f64>, DMatrix<f64>), x: &[f64]) {
    let (g, h) = rosenbrock_derivatives(x);
    assert_eq!(
        got.0,
        rosenbrock(x),
        "the value part is the plain evaluation"
    );
    assert_vec_close(&got.1, &g, 1e-13);
    assert_mat_close(&got.2, &h, 1e-13);
}

#[test]
fn every_width_gives_the_closed_form_hessian() {
    for n in [1, 2, 3, 7, 10] {
        let x = point(n);
        if n == 1 {
            assert_hessian(hessian(rosenbrock::<Dual2Vec64<1>>, &x), &x);
        }
        assert_hessian(hessian(rosenbrock::<Dual2Vec64<2>>, &x), &x);
        assert_hessian(hessian(rosenbrock::<Dual2Vec64<3>>, &x), &x);
        assert_hessian(hessian(rosenbrock::<Dual2Vec64<4>>, &x), &x);
        assert_hessian(hessian(rosenbrock::<Dual2Vec64<8>>, &x), &x);
        assert_hessian(hessian(rosenbrock::<Dual2Vec64<16>>, &x), &x);
        assert_hessian(hessian(rosenbrock::<HyperDual64>, &x), &x);
    }
}

#[test]
fn into_form_overwrites_the_buffers() {
    let x = point(5);
    let mut work = [Dual2Vec64::<2>::default(); 5];
    let mut grad = [999.0; 5];
    let mut hess = DMatrix::from_element(5, 5, 999.0);
    let f = hessian_into(
        rosenbrock::<Dual2Vec64<2>>,
        &x,
        &mut work,
        &mut grad,
        &mut hess,
    );
    assert_hessian((f, grad.to_vec(), hess), &x);
}

#[test]
#[should_panic(expected = "one variable")]
fn width_one_cannot_mix_two_variables() {
    let _ = hessian(rosenbrock::<Dual2Vec64<1>>, &[1.0, 2.0]);
}

#[test]
fn transcendental_hessian_matches_closed_form() {
    // f = e^(xy) + sin(x)·ln(y): f_xx = y²e^(xy) − sin x, f_xy = (1 + xy)e^(xy) + cos(x)/y,
    // f_yy = x²e^(xy) − sin(x)/y²
    let (x, y) = (0.7, 1.9);
    let f = |v: &[Dual2Vec64<2>]| (v[0] * v[1]).exp() + v[0].sin() * v[1].ln();
    let (_, g, h) = hessian(f, &[x, y]);
    let e = (x * y).exp();
    assert_close(g[0], y * e + x.cos() * y.ln(), 1e-14);
    assert_close(g[1], x * e + x.sin() / y, 1e-14);
    assert_close(h[(0, 0)], y * y * e - x.sin() * y.ln(), 1e-14);
    assert_close(h[(0, 1)], (1.0 + x * y) * e + x.cos() / y, 1e-14);
    assert_close(h[(1, 0)], h[(0, 1)], 0.0);
    assert_close(h[(1, 1)], x * x * e - x.sin() / (y * y), 1e-14);
    // and the diagonal against a second difference of the plain function
    let plain = |s: f64| (s * y).exp() + s.sin() * y.ln();
    assert_close(h[(0, 0)], central2(plain, x), 1e-6);
}

#[test]
fn products_quotients_and_accessors() {
    // u = x/y with x = variable 0 at 3, y = variable 1 at 2:
    // ∇u = (1/y, −x/y²), ∇²u = [[0, −1/y²], [−1/y², 2x/y³]]
    let x = Dual2Vec64::<2>::variable(3.0, 0);
    let y = Dual2Vec64::<2>::variable(2.0, 1);
    let u = x / y;
    assert_eq!(u.re, 1.5);
    assert_eq!(u.grad, [0.5, -0.75]);
    assert_eq!(u.hessian(), [[0.0, -0.25], [-0.25, 0.75]]);
    assert_eq!(u.hess(1, 0), -0.25);
    let built = Dual2Vec::new(1.0, [2.0, 3.0], [[4.0, 5.0], [99.0, 6.0]]);
    assert_eq!(
        built.hessian(),
        [[4.0, 5.0], [5.0, 6.0]],
        "only the upper triangle is read"
    );
    assert_eq!(
        format!("{:.1}", u),
        "1.5 + [0.5, -0.8]ε + [[0.0, -0.2], [-0.2, 0.8]]ε²"
    );
}

#[test]
fn quotient_hessian_at_tiny_magnitudes() {
    // f = x/y: ∇²f = [[0, −1/y²], [−1/y², 2x/y³]]; at (1e-110, 1e-110): no power of 1/y may
    // overflow before the result does.
    let (_, g, h) = hessian(|v: &[Dual2Vec64<2>]| v[0] / v[1], &[1e-110, 1e-110]);
    assert_close(g[0], 1e110, 1e-15);
    assert_close(g[1], -1e110, 1e-15);
    assert_eq!(h[(0, 0)], 0.0);
    assert_close(h[(0, 1)], -1e220, 1e-15);
    assert_close(h[(1, 1)], 2e220, 1e-15);
}
