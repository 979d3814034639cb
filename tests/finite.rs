//! Behaviour tests for `dualdiff::finite`, against hand-written derivatives.

mod common;
use common::{assert_close, assert_mat_close};

use dualdiff::finite::{
    Check, central, check_gradient, check_jacobian, forward, gradient_central,
    gradient_central_into, gradient_forward, gradient_forward_into, gradient_richardson,
    gradient_richardson_into, jacobian_central, jacobian_forward, jacobian_richardson, richardson,
    second_central,
};
use nalgebra::DMatrix;

/// Error measure used by the error-order tests.
fn rel_err(actual: f64, expected: f64) -> f64 {
    (actual - expected).abs() / expected.abs().max(1.0)
}

// Accuracy of each method in f64 on the smooth test functions below, with
// a safety margin. The forward error is about h |f''| / 2 with
// h = 1.5e-8 max(|x|, 1), which reaches 1.5e-7 (relative) for exp(x) sin(x)
// at x = 2.5; the central error is about h² |f'''| / 6 with h = 6e-6 max(|x|, 1).
const FORWARD_TOL: f64 = 5e-7;
const CENTRAL_TOL: f64 = 1e-9;
const RICHARDSON_TOL: f64 = 1e-12;
const SECOND_TOL: f64 = 1e-6;

const XS: [f64; 7] = [-2.0, -0.5, 0.0, 0.3, 1.0, 1.7, 2.5];

fn exp_sin(x: f64) -> f64 {
    x.exp() * x.sin()
}

/// d/dx exp(x) sin(x) = exp(x) (sin x + cos x).
fn exp_sin_d1(x: f64) -> f64 {
    x.exp() * (x.sin() + x.cos())
}

/// d²/dx² exp(x) sin(x) = 2 exp(x) cos x.
fn exp_sin_d2(x: f64) -> f64 {
    2.0 * x.exp() * x.cos()
}

fn rosenbrock(v: &[f64]) -> f64 {
    let (x, y) = (v[0], v[1]);
    (1.0 - x).powi(2) + 100.0 * (y - x * x).powi(2)
}

/// Gradient of (1 - x)² + 100 (y - x²)², derived by hand.
fn rosenbrock_grad(v: &[f64]) -> [f64; 2] {
    let (x, y) = (v[0], v[1]);
    [
        -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
        200.0 * (y - x * x),
    ]
}

const ROSENBROCK_POINTS: [[f64; 2]; 3] = [[-1.2, 1.0], [0.5, -0.3], [2.0, 3.0]];

/// A 2 → 3 system: [x² y, 5x + sin y, exp(x) y²].
fn system(v: &[f64]) -> Vec<f64> {
    let (x, y) = (v[0], v[1]);
    vec![x * x * y, 5.0 * x + y.sin(), x.exp() * y * y]
}

/// Jacobian of `system`, derived by hand (row i = output i).
fn system_jac(v: &[f64]) -> DMatrix<f64> {
    let (x, y) = (v[0], v[1]);
    DMatrix::from_row_slice(
        3,
        2,
        &[
            2.0 * x * y,
            x * x,
            5.0,
            y.cos(),
            x.exp() * y * y,
            2.0 * x.exp() * y,
        ],
    )
}

const SYSTEM_POINTS: [[f64; 2]; 3] = [[0.5, -1.5], [1.0, 2.0], [-0.7, 0.2]];

// ---------------------------------------------------------------------------
// Real derivatives.
// ---------------------------------------------------------------------------

#[test]
fn forward_matches_closed_form() {
    for x in XS {
        assert_close(forward(exp_sin, x), exp_sin_d1(x), FORWARD_TOL);
    }
}

#[test]
fn central_matches_closed_form() {
    for x in XS {
        assert_close(central(exp_sin, x), exp_sin_d1(x), CENTRAL_TOL);
    }
}

#[test]
fn richardson_matches_closed_form() {
    for x in XS {
        assert_close(richardson(exp_sin, x), exp_sin_d1(x), RICHARDSON_TOL);
        assert_close(richardson(f64::exp, x), x.exp(), RICHARDSON_TOL);
        assert_close(richardson(f64::sin, x), x.cos(), RICHARDSON_TOL);
    }
}

#[test]
fn second_central_matches_closed_form() {
    for x in XS {
        assert_close(second_central(exp_sin, x), exp_sin_d2(x), SECOND_TOL);
    }
}

#[test]
fn steps_scale_with_large_arguments() {
    // d/dx x³ = 3x²; the step grows with |x| so relative accuracy is kept.
    let cube = |x: f64| x * x * x;
    for x in [1e3, -1e5] {
        let exact = 3.0 * x * x;
        let rel = |d: f64| (d - exact).abs() / exact.abs();
        assert!(rel(central(cube, x)) < CENTRAL_TOL, "central at {x}");
        assert!(
            rel(richardson(cube, x)) < RICHARDSON_TOL,
            "richardson at {x}"
        );
    }
    // d/dx ln x = 1/x at x = 1e4.
    let d = central(f64::ln, 1e4);
    assert!((d * 1e4 - 1.0).abs() < CENTRAL_TOL, "ln: {d}");
}

#[test]
fn steps_do_not_shrink_below_unit_scale() {
    // For |x| < 1 the step is floored at eps-based constants, so the error
    // is absolute: central on x³ at 1e-3 is off by exactly h² = cbrt(eps)².
    let cube = |x: f64| x * x * x;
    let h = f64::EPSILON.cbrt();
    let err = central(cube, 1e-3) - 3e-6;
    assert!((err - h * h).abs() < 0.01 * h * h, "central error {err:e}");
    assert_close(richardson(cube, 1e-3), 3e-6, RICHARDSON_TOL);
}

// ---------------------------------------------------------------------------
// Error order.
// ---------------------------------------------------------------------------

#[test]
fn higher_order_methods_are_more_accurate_on_exp() {
    let exact = 1.0_f64.exp();
    let e_fwd = rel_err(forward(f64::exp, 1.0), exact);
    let e_cen = rel_err(central(f64::exp, 1.0), exact);
    let e_ric = rel_err(richardson(f64::exp, 1.0), exact);
    assert!(e_cen < e_fwd, "central {e_cen:e} vs forward {e_fwd:e}");
    assert!(e_ric < e_cen, "richardson {e_ric:e} vs central {e_cen:e}");
    assert!(e_fwd > 1e-10, "forward error {e_fwd:e} implausibly small");
}

#[test]
fn forward_error_is_first_order_in_documented_step() {
    // For x², (f(x+h) - f(x)) / h = 2x + h exactly, and h = sqrt(eps) at x = 1.
    let h = f64::EPSILON.sqrt();
    let err = forward(|x: f64| x * x, 1.0) - 2.0;
    assert!(
        (err - h).abs() < 0.01 * h,
        "forward error {err:e}, expected about h = {h:e}"
    );
    // Forward differences are exact for linear functions (up to rounding).
    assert_close(forward(|x: f64| 3.0 * x - 1.0, 1.0), 3.0, 1e-15);
}

#[test]
fn central_error_is_second_order_in_documented_step() {
    // For x³, (f(x+h) - f(x-h)) / 2h = 3x² + h² exactly, and h = cbrt(eps) at x = 1.
    let h = f64::EPSILON.cbrt();
    let err = central(|x: f64| x * x * x, 1.0) - 3.0;
    assert!(
        (err - h * h).abs() < 0.01 * h * h,
        "central error {err:e}, expected about h² = {:e}",
        h * h
    );
    // Central differences are exact for quadratics (up to rounding).
    assert_close(central(|x: f64| x * x - 4.0 * x, 1.5), -1.0, 1e-12);
}

#[test]
fn richardson_removes_error_terms_through_h6() {
    // Central differences of x^7 have h², h⁴ and h⁶ error terms; Richardson
    // extrapolation cancels all three, so only rounding remains.
    let f = |x: f64| x.powi(7);
    let exact = 7.0 * 1.1_f64.powi(6);
    let e_cen = rel_err(central(f, 1.1), exact);
    let e_ric = rel_err(richardson(f, 1.1), exact);
    assert!(e_cen > 1e-11, "central error {e_cen:e} implausibly small");
    assert!(e_ric < 1e-13, "richardson error {e_ric:e}");
}

// ---------------------------------------------------------------------------
// Gradients.
// ---------------------------------------------------------------------------

#[test]
fn gradients_of_rosenbrock_match_closed_form() {
    for p in ROSENBROCK_POINTS {
        let expected = rosenbrock_grad(&p);
        let fwd = gradient_forward(rosenbrock, &p);
        let cen = gradient_central(rosenbrock, &p);
        let ric = gradient_richardson(rosenbrock, &p);
        for i in 0..2 {
            assert_close(fwd[i], expected[i], FORWARD_TOL);
            assert_close(cen[i], expected[i], CENTRAL_TOL);
            assert_close(ric[i], expected[i], RICHARDSON_TOL);
        }
    }
}

#[test]
fn gradient_at_rosenbrock_minimum_is_near_zero() {
    // The exact gradient at (1, 1) is zero, so the errors are absolute and
    // set by the curvature: forward ≈ h f_xx / 2 = 1.5e-8 * 802 / 2 ≈ 6e-6,
    // central ≈ h² f_xxx / 6 = 3.7e-11 * 2400 / 6 ≈ 1.5e-8.
    let p = [1.0, 1.0];
    assert_eq!(rosenbrock_grad(&p), [0.0, 0.0]);
    for g in gradient_forward(rosenbrock, &p) {
        assert_close(g, 0.0, 1e-5);
    }
    for g in gradient_central(rosenbrock, &p) {
        assert_close(g, 0.0, 3e-8);
    }
    for g in gradient_richardson(rosenbrock, &p) {
        assert_close(g, 0.0, 1e-12);
    }
    let check = check_gradient(rosenbrock, &p, &[0.0, 0.0]);
    assert!(check.passes(1e-12), "{check}");
}

#[test]
fn gradient_of_three_variable_function() {
    // f = exp(x) sin(y) + y z², grad = [exp(x) sin y, exp(x) cos y + z², 2yz].
    let f = |v: &[f64]| v[0].exp() * v[1].sin() + v[1] * v[2] * v[2];
    let p = [0.4_f64, -1.1, 2.0];
    let expected = [
        p[0].exp() * p[1].sin(),
        p[0].exp() * p[1].cos() + p[2] * p[2],
        2.0 * p[1] * p[2],
    ];
    let g = gradient_richardson(f, &p);
    for i in 0..3 {
        assert_close(g[i], expected[i], RICHARDSON_TOL);
    }
}

#[test]
fn into_variants_match_allocating_variants_and_restore_work() {
    let p = [-1.2, 1.0];
    let mut work = [f64::NAN; 2];
    let mut grad = [0.0; 2];

    gradient_forward_into(rosenbrock, &p, &mut work, &mut grad);
    assert_eq!(grad.to_vec(), gradient_forward(rosenbrock, &p));
    assert_eq!(work, p);

    gradient_central_into(rosenbrock, &p, &mut work, &mut grad);
    assert_eq!(grad.to_vec(), gradient_central(rosenbrock, &p));
    assert_eq!(work, p);

    gradient_richardson_into(rosenbrock, &p, &mut work, &mut grad);
    assert_eq!(grad.to_vec(), gradient_richardson(rosenbrock, &p));
    assert_eq!(work, p);
}

#[test]
fn gradient_of_empty_input_is_empty() {
    let f = |_: &[f64]| 1.0;
    assert!(gradient_central(f, &[]).is_empty());
    assert!(gradient_richardson(f, &[]).is_empty());
    let check = check_gradient(f, &[], &[]);
    assert_eq!(check.max_rel_error, 0.0);
    assert!(check.passes(0.0));
}

#[test]
#[should_panic(expected = "`work` has length 3 but `x` has length 2")]
fn gradient_into_panics_on_work_length_mismatch() {
    let mut work = [0.0; 3];
    let mut grad = [0.0; 2];
    gradient_central_into(rosenbrock, &[1.0, 2.0], &mut work, &mut grad);
}

#[test]
#[should_panic(expected = "`grad` has length 1 but `x` has length 2")]
fn gradient_into_panics_on_grad_length_mismatch() {
    let mut work = [0.0; 2];
    let mut grad = [0.0; 1];
    gradient_richardson_into(rosenbrock, &[1.0, 2.0], &mut work, &mut grad);
}

// ---------------------------------------------------------------------------
// Jacobians.
// ---------------------------------------------------------------------------

#[test]
fn jacobians_of_system_match_closed_form() {
    for p in SYSTEM_POINTS {
        let expected = system_jac(&p);
        assert_mat_close(&jacobian_forward(system, &p), &expected, FORWARD_TOL);
        assert_mat_close(&jacobian_central(system, &p), &expected, CENTRAL_TOL);
        assert_mat_close(&jacobian_richardson(system, &p), &expected, RICHARDSON_TOL);
    }
}

#[test]
fn jacobian_rows_agree_with_gradients() {
    let p = [1.0, 2.0];
    let jac = jacobian_richardson(system, &p);
    for i in 0..3 {
        let g = gradient_richardson(|v: &[f64]| system(v)[i], &p);
        for j in 0..2 {
            assert_eq!(jac[(i, j)], g[j], "entry ({i}, {j})");
        }
    }
}

#[test]
fn jacobian_with_no_inputs_has_output_rows() {
    let f = |_: &[f64]| vec![1.0, 2.0];
    assert_eq!(jacobian_forward(f, &[]).shape(), (2, 0));
    assert_eq!(jacobian_central(f, &[]).shape(), (2, 0));
    assert_eq!(jacobian_richardson(f, &[]).shape(), (2, 0));
}

#[test]
#[should_panic(expected = "must always return the same number of outputs")]
fn jacobian_panics_on_inconsistent_output_length() {
    let f = |v: &[f64]| vec![0.0; if v[0] > 1.0 { 2 } else { 3 }];
    let _ = jacobian_central(f, &[1.0]);
}

// ---------------------------------------------------------------------------
// Checker.
// ---------------------------------------------------------------------------

#[test]
fn check_gradient_passes_correct_gradient() {
    for p in ROSENBROCK_POINTS {
        let check = check_gradient(rosenbrock, &p, &rosenbrock_grad(&p));
        assert!(check.max_rel_error < 1e-11, "{check}");
        assert!(check.passes(1e-10), "{check}");
    }
}

#[test]
fn check_gradient_flags_perturbed_component() {
    let p = [0.5, -0.3];
    let mut ad = rosenbrock_grad(&p);
    let exact_1 = ad[1];
    ad[1] += 1e-3;
    let check = check_gradient(rosenbrock, &p, &ad);
    assert!(!check.passes(1e-6), "{check}");
    assert_eq!(check.worst_index, (0, 1));
    assert_eq!(check.ad, ad[1]);
    assert_close(check.fd, exact_1, RICHARDSON_TOL);
    // |ad - fd| / max(|fd|, 1) with |fd| = 110.
    assert_close(check.max_rel_error, 1e-3 / exact_1.abs(), 1e-6);
}

#[test]
fn check_jacobian_passes_correct_and_flags_wrong_entry() {
    let p = [1.0, 2.0];
    let mut ad = system_jac(&p);
    let good = check_jacobian(system, &p, &ad);
    assert!(good.max_rel_error < 1e-11, "{good}");
    assert!(good.passes(1e-10));

    ad[(2, 0)] += 1e-3;
    let bad = check_jacobian(system, &p, &ad);
    assert!(!bad.passes(1e-6), "{bad}");
    assert_eq!(bad.worst_index, (2, 0));
    assert_eq!(bad.ad, ad[(2, 0)]);
}

#[test]
#[should_panic(expected = "`ad_jacobian` is 2x2 but `f` has 3 outputs and 2 inputs")]
fn check_jacobian_panics_on_shape_mismatch() {
    let _ = check_jacobian(system, &[1.0, 2.0], &DMatrix::zeros(2, 2));
}

#[test]
#[should_panic(expected = "`ad_gradient` has length 1 but `x` has length 2")]
fn check_gradient_panics_on_length_mismatch() {
    let _ = check_gradient(rosenbrock, &[1.0, 2.0], &[0.0]);
}

#[test]
fn check_display_reports_error_and_location() {
    let check = Check {
        max_rel_error: 0.5,
        worst_index: (2, 1),
        ad: 1.5,
        fd: 1.0,
    };
    let text = check.to_string();
    assert!(text.contains("5e-1"), "{text}");
    assert!(text.contains("(2, 1)"), "{text}");
    assert!(text.contains("ad = 1.5"), "{text}");
    assert!(text.contains("fd = 1"), "{text}");
}

// ---------------------------------------------------------------------------
// Non-finite input.
// ---------------------------------------------------------------------------

#[test]
fn nan_argument_propagates() {
    assert!(forward(f64::exp, f64::NAN).is_nan());
    assert!(central(f64::exp, f64::NAN).is_nan());
    assert!(richardson(f64::exp, f64::NAN).is_nan());
    assert!(second_central(f64::exp, f64::NAN).is_nan());
}

#[test]
fn infinite_argument_gives_nan() {
    for x in [f64::INFINITY, f64::NEG_INFINITY] {
        assert!(forward(f64::sin, x).is_nan(), "forward at {x}");
        assert!(central(f64::sin, x).is_nan(), "central at {x}");
        assert!(richardson(f64::sin, x).is_nan(), "richardson at {x}");
        assert!(
            second_central(f64::sin, x).is_nan(),
            "second_central at {x}"
        );
    }
}

#[test]
fn nan_from_function_propagates() {
    let f = |x: f64| if x > 1.0 { f64::NAN } else { x };
    assert!(forward(f, 1.0).is_nan());
    assert!(central(f, 1.0).is_nan());
    assert!(richardson(f, 1.0).is_nan());
    assert!(second_central(f, 1.0).is_nan());
}

#[test]
fn nan_coordinate_does_not_panic() {
    let p = [f64::NAN, 1.0];
    assert!(gradient_forward(rosenbrock, &p).iter().all(|g| g.is_nan()));
    assert!(gradient_central(rosenbrock, &p).iter().all(|g| g.is_nan()));
    assert!(
        gradient_richardson(rosenbrock, &p)
            .iter()
            .all(|g| g.is_nan())
    );
    assert!(jacobian_richardson(system, &p).iter().all(|g| g.is_nan()));
}

#[test]
fn check_reports_nan_and_never_passes() {
    let p = [0.5, -0.3];
    let mut ad = rosenbrock_grad(&p);
    ad[0] = f64::NAN;
    let check = check_gradient(rosenbrock, &p, &ad);
    assert!(check.max_rel_error.is_nan());
    assert_eq!(check.worst_index, (0, 0));
    assert!(!check.passes(f64::INFINITY));

    let check = check_gradient(|_: &[f64]| f64::NAN, &p, &[0.0, 0.0]);
    assert!(check.max_rel_error.is_nan());
    assert!(!check.passes(1.0));
}

// ---------------------------------------------------------------------------
// f32.
// ---------------------------------------------------------------------------

#[test]
fn f32_scalar_derivatives() {
    let f = |x: f32| x.exp() * x.sin();
    for x in [-1.0_f32, 0.3, 1.0, 2.0] {
        let exact = exp_sin_d1(f64::from(x));
        assert_close(f64::from(forward(f, x)), exact, 2e-3);
        assert_close(f64::from(central(f, x)), exact, 2e-4);
        assert_close(f64::from(richardson(f, x)), exact, 2e-5);
        assert_close(
            f64::from(second_central(f, x)),
            exp_sin_d2(f64::from(x)),
            2e-3,
        );
    }
    let exact = 1.0_f64.exp();
    let e_cen = rel_err(f64::from(central(f32::exp, 1.0)), exact);
    let e_ric = rel_err(f64::from(richardson(f32::exp, 1.0)), exact);
    assert!(
        e_ric < e_cen,
        "f32 richardson {e_ric:e} vs central {e_cen:e}"
    );
}

#[test]
fn f32_gradient_jacobian_and_check() {
    let rosen32 = |v: &[f32]| (1.0 - v[0]).powi(2) + 100.0 * (v[1] - v[0] * v[0]).powi(2);
    let p32 = [0.5_f32, -0.3];
    let p64 = [0.5, -0.3];
    let expected = rosenbrock_grad(&p64);
    let g = gradient_richardson(rosen32, &p32);
    for i in 0..2 {
        assert_close(f64::from(g[i]), expected[i], 1e-4);
    }
    let mut work = [0.0_f32; 2];
    let mut grad = [0.0_f32; 2];
    gradient_central_into(rosen32, &p32, &mut work, &mut grad);
    for i in 0..2 {
        assert_close(f64::from(grad[i]), expected[i], 1e-3);
    }

    let system32 = |v: &[f32]| {
        vec![
            v[0] * v[0] * v[1],
            5.0 * v[0] + v[1].sin(),
            v[0].exp() * v[1] * v[1],
        ]
    };
    let jac = jacobian_richardson(system32, &[1.0_f32, 2.0]);
    let expected = system_jac(&[1.0, 2.0]);
    assert_mat_close(&jac.map(f64::from), &expected, 1e-4);

    let ad: Vec<f32> = [1.0_f32 - 1.0, 0.0].to_vec();
    let check = check_gradient(rosen32, &[1.0, 1.0], &ad);
    assert!(check.passes(1e-3), "{check}");
}
