//! Fixed-size drivers and implicit differentiation, against closed forms.

mod common;
use common::assert_close;
use dualdiff::{
    Dual2Vec64, DualVec64, ImplicitError, gradient_fixed, hessian_fixed, implicit_jacobian,
    jacobian_fixed,
};
use nalgebra::{SVector, Vector2, Vector3};

#[test]
fn gradient_fixed_matches_closed_form() {
    // f = x·e^y + sin z: ∇f = (e^y, x·e^y, cos z)
    let x = Vector3::new(1.5, -0.5, 0.3);
    let (f, g) = gradient_fixed(
        |v: &SVector<DualVec64<3>, 3>| v[0] * v[1].exp() + v[2].sin(),
        &x,
    );
    assert_eq!(f, 1.5 * (-0.5f64).exp() + 0.3f64.sin());
    assert_close(g[0], (-0.5f64).exp(), 1e-15);
    assert_close(g[1], 1.5 * (-0.5f64).exp(), 1e-15);
    assert_close(g[2], 0.3f64.cos(), 1e-15);
}

#[test]
fn jacobian_fixed_non_square() {
    // f(x, y, z) = (xyz, x² + z) : 2×3, J = [[yz, xz, xy], [2x, 0, 1]]
    let x = Vector3::new(2.0, 3.0, 5.0);
    let (v, j) = jacobian_fixed(
        |v: &SVector<DualVec64<3>, 3>| Vector2::new(v[0] * v[1] * v[2], v[0] * v[0] + v[2]),
        &x,
    );
    assert_eq!(v, Vector2::new(30.0, 9.0));
    assert_eq!(
        j.row(0).iter().copied().collect::<Vec<_>>(),
        vec![15.0, 10.0, 6.0]
    );
    assert_eq!(
        j.row(1).iter().copied().collect::<Vec<_>>(),
        vec![4.0, 0.0, 1.0]
    );
}

#[test]
fn hessian_fixed_of_rosenbrock() {
    // f = (1 − x)² + 100(y − x²)²: H = [[2 − 400(y − 3x²), −400x], [−400x, 200]]
    let (x, y) = (-1.2, 1.0);
    let (f, g, h) = hessian_fixed(
        |v: &SVector<Dual2Vec64<2>, 2>| (1.0 - v[0]).powi(2) + 100.0 * (v[1] - v[0] * v[0]).powi(2),
        &Vector2::new(x, y),
    );
    assert_close(
        f,
        (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x),
        1e-15,
    );
    assert_close(g[0], -2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 1e-14);
    assert_close(g[1], 200.0 * (y - x * x), 1e-14);
    assert_close(h[(0, 0)], 2.0 - 400.0 * (y - 3.0 * x * x), 1e-14);
    assert_close(h[(0, 1)], -400.0 * x, 1e-14);
    assert_eq!(h[(0, 1)], h[(1, 0)]);
    assert_close(h[(1, 1)], 200.0, 1e-15);
}

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
