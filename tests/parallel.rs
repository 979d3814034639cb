//! The parallel drivers (feature `rayon`) against closed forms.
#![cfg(feature = "rayon")]

mod common;
use common::{assert_close, assert_vec_close};
use dualdiff::{Dual64, DualVec64, gradient_par, jacobian_par};
use num_traits::Float;

fn rosenbrock<T: Float>(x: &[T]) -> T {
    let hundred = T::from(100.0).expect("representable");
    x.windows(2).fold(T::zero(), |acc, w| {
        acc + (T::one() - w[0]).powi(2) + hundred * (w[1] - w[0] * w[0]).powi(2)
    })
}

/// The gradient of the extended Rosenbrock function, by hand.
fn rosenbrock_gradient(x: &[f64]) -> Vec<f64> {
    let mut g = vec![0.0; x.len()];
    for i in 0..x.len() - 1 {
        let (a, b) = (x[i], x[i + 1]);
        g[i] += -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
        g[i + 1] += 200.0 * (b - a * a);
    }
    g
}

#[test]
fn parallel_gradient_matches_the_closed_form_for_every_width() {
    let x: Vec<f64> = (0..103).map(|i| (f64::from(i) * 0.37).sin()).collect();
    let want = rosenbrock_gradient(&x);
    let check = |(f, g): (f64, Vec<f64>)| {
        assert_eq!(f, rosenbrock(&x));
        assert_vec_close(&g, &want, 1e-13);
    };
    check(gradient_par(rosenbrock::<Dual64>, &x));
    check(gradient_par(rosenbrock::<DualVec64<4>>, &x));
    check(gradient_par(rosenbrock::<DualVec64<8>>, &x));
    check(gradient_par(rosenbrock::<DualVec64<16>>, &x));
}

#[test]
fn parallel_jacobian_matches_the_closed_form() {
    // f_i = x_i · sin(x_{i+1}) for i < n − 1: J[i][i] = sin x_{i+1}, J[i][i+1] = x_i cos x_{i+1}
    let x: Vec<f64> = (0..37).map(|i| 0.1 * f64::from(i) - 1.0).collect();
    let f = |v: &[DualVec64<5>]| v.windows(2).map(|w| w[0] * w[1].sin()).collect::<Vec<_>>();
    let (fx, j) = jacobian_par(f, &x);
    assert_eq!(j.shape(), (36, 37));
    for i in 0..36 {
        assert_eq!(fx[i], x[i] * x[i + 1].sin());
        for k in 0..37 {
            let want = if k == i {
                x[i + 1].sin()
            } else if k == i + 1 {
                x[i] * x[i + 1].cos()
            } else {
                0.0
            };
            assert_close(j[(i, k)], want, 1e-15);
        }
    }
}

#[test]
fn parallel_drivers_with_no_inputs_evaluate_once() {
    let (f, g) = gradient_par(|_: &[Dual64]| Dual64::constant(4.0), &[]);
    assert_eq!((f, g), (4.0, vec![]));
    let (fx, j) = jacobian_par(|_: &[Dual64]| vec![Dual64::constant(1.0); 2], &[]);
    assert_eq!((fx, j.shape()), (vec![1.0, 1.0], (2, 0)));
}
