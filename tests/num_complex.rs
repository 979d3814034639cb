//! `num_complex::Complex` over the dual types: the frequency response of a transfer function,
//! differentiated through complex arithmetic, `norm` and `arg`. Every reference is a
//! closed-form derivative worked out by hand in the comments.

mod common;
use common::*;

use dualdiff::{Dual64, DualVec64, HyperDual64, derivative, gradient, second_derivative};
use num_complex::Complex;
use num_traits::Float;

/// The first-order low-pass `H(s) = 1 / (1 + sτ)` at `s = iω`.
fn low_pass<T: Float>(tau: T, omega: T) -> Complex<T> {
    let s = Complex::new(T::zero(), omega);
    Complex::from(T::one()) / (Complex::from(T::one()) + s * tau)
}

/// The second-order system `H(s) = ωₙ² / (s² + 2ζωₙ s + ωₙ²)` at `s = iω`.
fn second_order<T: Float>(zeta: T, omega_n: T, omega: T) -> Complex<T> {
    let s = Complex::new(T::zero(), omega);
    let two = T::one() + T::one();
    let wn2 = Complex::from(omega_n * omega_n);
    wn2 / (s * s + s * (two * zeta * omega_n) + wn2)
}

#[test]
fn low_pass_magnitude_and_phase_in_tau() {
    // |H| = (1 + ω²τ²)^(−1/2): d/dτ = −ω²τ (1 + ω²τ²)^(−3/2)
    // arg H = −atan(ωτ):        d/dτ = −ω / (1 + ω²τ²)
    let (tau, omega) = (0.8, 2.5);
    let q = 1.0 + omega * omega * tau * tau;
    let (mag, dmag) = derivative(|t| low_pass(t, Dual64::constant(omega)).norm(), tau);
    assert_close(mag, q.powf(-0.5), 1e-15);
    assert_close(dmag, -omega * omega * tau * q.powf(-1.5), 1e-15);
    let (phase, dphase) = derivative(|t| low_pass(t, Dual64::constant(omega)).arg(), tau);
    assert_close(phase, -(omega * tau).atan(), 1e-15);
    assert_close(dphase, -omega / q, 1e-15);
}

#[test]
fn low_pass_gradient_in_tau_and_omega_and_curvature() {
    // in ω: d|H|/dω = −ωτ² q^(−3/2), d arg/dω = −τ/q (q = 1 + ω²τ²)
    let (tau, omega) = (0.3, 4.0);
    let q = 1.0 + omega * omega * tau * tau;
    let (_, g) = gradient(
        |v: &[DualVec64<2>]| low_pass(v[0], v[1]).norm(),
        &[tau, omega],
    );
    assert_close(g[0], -omega * omega * tau * q.powf(-1.5), 1e-15);
    assert_close(g[1], -omega * tau * tau * q.powf(-1.5), 1e-15);
    let (_, g) = gradient(
        |v: &[DualVec64<2>]| low_pass(v[0], v[1]).arg(),
        &[tau, omega],
    );
    assert_close(g[0], -omega / q, 1e-15);
    assert_close(g[1], -tau / q, 1e-15);
    // d²|H|/dτ² = a(2aτ² − 1)(1 + aτ²)^(−5/2), a = ω²; d² arg/dτ² = 2ω³τ / q²
    let a = omega * omega;
    let (_, _, d2mag) =
        second_derivative(|t| low_pass(t, HyperDual64::constant(omega)).norm(), tau);
    assert_close(d2mag, a * (2.0 * a * tau * tau - 1.0) * q.powf(-2.5), 1e-14);
    let (_, _, d2phase) =
        second_derivative(|t| low_pass(t, HyperDual64::constant(omega)).arg(), tau);
    assert_close(d2phase, 2.0 * omega * omega * omega * tau / (q * q), 1e-14);
}

#[test]
fn second_order_system_in_damping() {
    // D = (ωₙ² − ω²)² + (2ζωₙω)², |H| = ωₙ²/√D, arg H = −atan2(2ζωₙω, ωₙ² − ω²):
    // d|H|/dζ = −4ζωₙ⁴ω² D^(−3/2),  d arg/dζ = −2ωₙω(ωₙ² − ω²)/D
    let (zeta, wn, w) = (0.3, 2.0, 1.5);
    let x = wn * wn - w * w;
    let y = 2.0 * zeta * wn * w;
    let d = x * x + y * y;
    let c = |v: f64| Dual64::constant(v);
    let (mag, dmag) = derivative(|z| second_order(z, c(wn), c(w)).norm(), zeta);
    assert_close(mag, wn * wn / d.sqrt(), 1e-15);
    assert_close(dmag, -4.0 * zeta * wn.powi(4) * w * w * d.powf(-1.5), 1e-15);
    let (phase, dphase) = derivative(|z| second_order(z, c(wn), c(w)).arg(), zeta);
    assert_close(phase, -y.atan2(x), 1e-15);
    assert_close(dphase, -2.0 * wn * w * x / d, 1e-15);
}

#[test]
fn second_order_system_at_resonance() {
    // at ω = ωₙ: |H| = 1/(2ζ), d/dζ = −1/(2ζ²); arg H = −π/2 whatever ζ, d/dζ = 0; and in ω,
    // d arg/dω = −(x·y' − y·x')/(x² + y²) with x = 0, x' = −2ω, y = 2ζωₙω: −1/(ζωₙ)
    let (zeta, wn) = (0.25, 3.0);
    let c = |v: f64| Dual64::constant(v);
    let (mag, dmag) = derivative(|z| second_order(z, c(wn), c(wn)).norm(), zeta);
    assert_close(mag, 1.0 / (2.0 * zeta), 1e-15);
    assert_close(dmag, -1.0 / (2.0 * zeta * zeta), 1e-15);
    let (phase, dphase) = derivative(|z| second_order(z, c(wn), c(wn)).arg(), zeta);
    assert_close(phase, -std::f64::consts::FRAC_PI_2, 1e-15);
    assert_eq!(dphase, 0.0);
    let (_, dphase_w) = derivative(|w| second_order(c(zeta), c(wn), w).arg(), wn);
    assert_close(dphase_w, -1.0 / (zeta * wn), 1e-15);
}

#[test]
fn dead_time_through_the_complex_exponential() {
    // H(s) = e^(−sT)/(1 + sτ): arg H = −ωT − atan(ωτ) (unwrapped), d/dT = −ω; |H| does not
    // depend on T. Complex::exp carries the dead time's derivative.
    let (dead, tau, omega) = (0.1, 0.5, 3.0);
    let h = |t: Dual64| {
        let s = Complex::new(Dual64::constant(0.0), Dual64::constant(omega));
        (-s * t).exp() * low_pass(Dual64::constant(tau), Dual64::constant(omega))
    };
    let (phase, dphase) = derivative(|t| h(t).arg(), dead);
    assert_close(phase, -omega * dead - (omega * tau).atan(), 1e-15);
    assert_close(dphase, -omega, 1e-14);
    let (_, dmag) = derivative(|t| h(t).norm(), dead);
    assert!(dmag.abs() < 1e-15, "{dmag:e}");
}
