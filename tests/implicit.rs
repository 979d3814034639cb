//! Implicit differentiation (`implicit_jacobian`): the sensitivity of a solution of
//! `F(x, p) = 0` against the closed form of the solution, and the errors it reports.

mod common;
use common::assert_close;
use dualdiff::{DualVec64, ImplicitError, implicit_jacobian};

/// F(x, p) = (x₀² + x₁² − p₀², x₀ − p₁x₁): the point on the circle of radius p₀ on the line
/// x₀ = p₁x₁, x* = p₀(p₁, 1)/√(1 + p₁²).
fn circle_line<D: num_traits::Float>(x: &[D], p: &[D]) -> Vec<D> {
    vec![x[0] * x[0] + x[1] * x[1] - p[0] * p[0], x[0] - p[1] * x[1]]
}

#[test]
fn implicit_jacobian_matches_the_closed_form_solution() {
    let (p0, p1) = (2.0f64, 0.75f64);
    let s = (1.0 + p1 * p1).sqrt();
    let x_star = [p0 * p1 / s, p0 / s];
    let dxdp = implicit_jacobian(circle_line::<DualVec64<2>>, &x_star, &[p0, p1])
        .expect("the solution is regular");
    let s3 = s * s * s;
    // x₀* = p₀p₁/s: ∂/∂p₀ = p₁/s, ∂/∂p₁ = p₀/s³;  x₁* = p₀/s: ∂/∂p₀ = 1/s, ∂/∂p₁ = −p₀p₁/s³
    assert_close(dxdp[(0, 0)], p1 / s, 1e-14);
    assert_close(dxdp[(0, 1)], p0 / s3, 1e-14);
    assert_close(dxdp[(1, 0)], 1.0 / s, 1e-14);
    assert_close(dxdp[(1, 1)], -p0 * p1 / s3, 1e-14);
    // The same with width-1 duals (one column per pass).
    let narrow = implicit_jacobian(circle_line::<dualdiff::Dual64>, &x_star, &[p0, p1])
        .expect("the solution is regular");
    assert_close(narrow[(1, 1)], -p0 * p1 / s3, 1e-14);
}

#[test]
fn implicit_jacobian_reports_a_singular_jacobian() {
    // Both residuals depend on x only through x₀ + x₁: ∂F/∂x = [[1, 1], [2, 2]].
    let degenerate = |x: &[DualVec64<2>], p: &[DualVec64<2>]| {
        vec![x[0] + x[1] - p[0], (x[0] + x[1]) * 2.0 - p[0] * 2.0]
    };
    let err = implicit_jacobian(degenerate, &[1.0, 1.0], &[2.0]).unwrap_err();
    assert_eq!(err, ImplicitError::SingularJacobian);
    assert!(err.to_string().contains("singular"));
}

#[test]
fn implicit_jacobian_requires_one_residual_per_unknown() {
    let short = |x: &[DualVec64<2>], p: &[DualVec64<2>]| vec![x[0] + x[1] - p[0]];
    let err = implicit_jacobian(short, &[1.0, 1.0], &[2.0]).unwrap_err();
    assert_eq!(
        err,
        ImplicitError::NotSquare {
            residuals: 1,
            unknowns: 2
        }
    );
}
