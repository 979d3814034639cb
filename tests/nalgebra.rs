//! Derivatives through nalgebra: determinants, inverses, LU/Cholesky/QR solves, symmetric
//! eigenvalues, norms and rotations evaluated on dual numbers, checked against closed-form
//! perturbation results computed in plain `f64` (Jacobi's formula, `d(A⁻¹) = −A⁻¹ B A⁻¹`, the
//! Cholesky and QR perturbation identities, Hellmann–Feynman for eigenvalues, Rodrigues'
//! formula), with central differences only as a cross-check where no closed form is written.
//!
//! Every matrix below is small (n ≤ 5) and well conditioned: the general and the SPD test
//! matrices are strictly diagonally dominant (2-norm condition numbers ≤ 1.9 and ≤ 2.8 for all
//! leading blocks), and the eigenvalue test matrix has condition ≈ 10 with eigenvalues separated
//! by ≥ 1.8. So the f64 references are accurate to ~1e-14 and the 1e-10 relative tolerance on
//! first derivatives leaves a wide margin.
#![cfg(feature = "nalgebra")]

mod common;
use common::*;

use dualdiff::{Dual, Dual32, Dual64, DualVec64, HyperDual, HyperDual64, Taylor64, hessian};
use nalgebra::{
    DMatrix, DVector, Matrix2, Matrix3, RealField, Rotation3, Unit, UnitQuaternion, Vector3,
};

const TOL: f64 = 1e-10;
const FD_TOL: f64 = 1e-6;

// ---------------------------------------------------------------------------------------------
// Test data and f64 reference helpers
// ---------------------------------------------------------------------------------------------

/// A strictly diagonally dominant (so well-conditioned) non-symmetric 5×5 matrix; its leading
/// principal submatrices are diagonally dominant too.
fn a5() -> DMatrix<f64> {
    DMatrix::from_row_slice(
        5,
        5,
        &[
            6.0, 1.0, 0.5, -0.3, 0.8, //
            0.7, 5.0, -1.0, 0.2, -0.4, //
            -0.4, 0.9, 4.5, 1.1, 0.6, //
            0.3, -0.6, 0.8, 5.5, -0.9, //
            1.2, 0.4, -0.7, 0.5, 7.0,
        ],
    )
}

/// A perturbation direction (arbitrary, non-symmetric).
fn b5() -> DMatrix<f64> {
    DMatrix::from_row_slice(
        5,
        5,
        &[
            0.3, -1.2, 0.7, 0.4, -0.5, //
            1.1, 0.5, -0.8, 0.9, 0.2, //
            -0.6, 0.2, 1.4, -0.5, 1.0, //
            0.8, -0.9, 0.3, -1.0, 0.6, //
            -0.2, 0.7, -1.3, 0.1, 0.9,
        ],
    )
}

/// A second and third perturbation direction (for the multi-direction tests).
fn b5_alt(k: usize) -> DMatrix<f64> {
    let b = b5();
    match k {
        0 => b,
        1 => DMatrix::from_fn(5, 5, |i, j| {
            b[(j, i)] * 0.5 + if i == j { 0.25 } else { 0.0 }
        }),
        _ => DMatrix::from_fn(5, 5, |i, j| ((i + 2 * j) as f64 * 0.7).sin()),
    }
}

/// A symmetric, strictly diagonally dominant matrix with positive diagonal: SPD.
fn spd5() -> DMatrix<f64> {
    DMatrix::from_row_slice(
        5,
        5,
        &[
            6.0, 1.0, 0.5, -0.3, 0.8, //
            1.0, 5.0, -1.0, 0.2, -0.4, //
            0.5, -1.0, 4.5, 1.1, 0.6, //
            -0.3, 0.2, 1.1, 5.5, -0.9, //
            0.8, -0.4, 0.6, -0.9, 7.0,
        ],
    )
}

/// A symmetric matrix with well-separated simple eigenvalues (≈ 0.89, 2.91, 4.95, 7.10, 9.15:
/// gaps ≥ 1.8, so the eigenvector perturbation sums are well conditioned).
fn sym_eig5() -> DMatrix<f64> {
    DMatrix::from_row_slice(
        5,
        5,
        &[
            1.0, 0.4, -0.2, 0.1, 0.3, //
            0.4, 3.0, 0.5, -0.3, 0.2, //
            -0.2, 0.5, 5.0, 0.6, -0.4, //
            0.1, -0.3, 0.6, 7.0, 0.5, //
            0.3, 0.2, -0.4, 0.5, 9.0,
        ],
    )
}

/// The symmetric part of `b5`.
fn bsym5() -> DMatrix<f64> {
    let b = b5();
    (&b + b.transpose()) * 0.5
}

fn rhs5() -> DVector<f64> {
    DVector::from_column_slice(&[1.0, -2.0, 0.5, 3.0, -1.5])
}

fn rhs5_dir() -> DVector<f64> {
    DVector::from_column_slice(&[0.4, 0.9, -1.1, 0.2, 0.6])
}

/// The leading n×n block.
fn lead(m: &DMatrix<f64>, n: usize) -> DMatrix<f64> {
    m.view((0, 0), (n, n)).into_owned()
}

fn lead_vec(v: &DVector<f64>, n: usize) -> DVector<f64> {
    v.rows(0, n).into_owned()
}

fn inv(a: &DMatrix<f64>) -> DMatrix<f64> {
    a.clone()
        .try_inverse()
        .expect("test matrices are invertible")
}

/// Lifts an `f64` into any real field as a constant.
fn c<D: RealField + Copy>(x: f64) -> D {
    D::from_subset(&x)
}

/// `A + t·B` with the entries lifted into `D`.
fn perturb<D: RealField + Copy>(a: &DMatrix<f64>, b: &DMatrix<f64>, t: D) -> DMatrix<D> {
    a.zip_map(b, |aij, bij| c::<D>(aij) + t * c::<D>(bij))
}

fn perturb_vec<D: RealField + Copy>(x: &DVector<f64>, v: &DVector<f64>, t: D) -> DVector<D> {
    x.zip_map(v, |xi, vi| c::<D>(xi) + t * c::<D>(vi))
}

fn re_m(m: &DMatrix<Dual64>) -> DMatrix<f64> {
    m.map(|x| x.re)
}

fn eps_m(m: &DMatrix<Dual64>) -> DMatrix<f64> {
    m.map(|x| x.eps)
}

/// Jacobi: d/dt det(A + tB) at 0 = det(A)·tr(A⁻¹B).
fn det_first(a: &DMatrix<f64>, b: &DMatrix<f64>) -> f64 {
    a.determinant() * (inv(a) * b).trace()
}

/// d²/dt² det(A + tB) at 0 = det(A)·[(tr C)² − tr(C²)], C = A⁻¹B.
fn det_second(a: &DMatrix<f64>, b: &DMatrix<f64>) -> f64 {
    let cm = inv(a) * b;
    let tr = cm.trace();
    a.determinant() * (tr * tr - (&cm * &cm).trace())
}

/// d/dt (A + tB)⁻¹ at 0 = −A⁻¹BA⁻¹.
fn inverse_first(a: &DMatrix<f64>, b: &DMatrix<f64>) -> DMatrix<f64> {
    let ai = inv(a);
    -(&ai * b * &ai)
}

/// d/dt (A + tB)⁻¹(x + tc) at 0 = −A⁻¹BA⁻¹x + A⁻¹c.
fn solve_first(
    a: &DMatrix<f64>,
    b: &DMatrix<f64>,
    x: &DVector<f64>,
    cdir: &DVector<f64>,
) -> DVector<f64> {
    let ai = inv(a);
    -(&ai * b * &ai * x) + &ai * cdir
}

// ---------------------------------------------------------------------------------------------
// determinant
// ---------------------------------------------------------------------------------------------

/// n = 1..=3 use nalgebra's explicit formulas, n = 4, 5 its LU path.
#[test]
fn determinant_first_derivative_is_jacobis_formula() {
    for n in 1..=5 {
        let (a, b) = (lead(&a5(), n), lead(&b5(), n));
        let det = perturb(&a, &b, Dual64::variable(0.0)).determinant();
        assert_close(det.re, a.determinant(), 1e-14);
        assert_close(det.eps, det_first(&a, &b), TOL);
    }
}

#[test]
fn determinant_of_fixed_size_matrices() {
    let (a, b) = (lead(&a5(), 3), lead(&b5(), 3));
    let t = Dual64::variable(0.0);
    let m3 = Matrix3::from_fn(|i, j| Dual64::constant(a[(i, j)]) + t * b[(i, j)]);
    assert_close(m3.determinant().eps, det_first(&a, &b), TOL);

    let (a2, b2) = (lead(&a5(), 2), lead(&b5(), 2));
    let m2 = Matrix2::from_fn(|i, j| Dual64::constant(a2[(i, j)]) + t * b2[(i, j)]);
    // 2×2 by hand: d/dt det = a11·b22 + b11·a22 − a12·b21 − b12·a21
    let by_hand = a2[(0, 0)] * b2[(1, 1)] + b2[(0, 0)] * a2[(1, 1)]
        - a2[(0, 1)] * b2[(1, 0)]
        - b2[(0, 1)] * a2[(1, 0)];
    assert_close(m2.determinant().eps, by_hand, TOL);
    assert_close(det_first(&a2, &b2), by_hand, TOL);
}

#[test]
fn determinant_second_derivative_with_hyperdual() {
    for n in 1..=5 {
        let (a, b) = (lead(&a5(), n), lead(&b5(), n));
        let det = perturb(&a, &b, HyperDual64::variable(0.0)).determinant();
        assert_close(det.re, a.determinant(), 1e-14);
        assert_close(det.e1, det_first(&a, &b), TOL);
        assert_close(det.e2, det_first(&a, &b), TOL);
        assert_close(det.e12, det_second(&a, &b), TOL);
    }
}

/// `Dual<Dual64>` with t = 0 + 1·ε_inner + 1·ε_outer: the ε_inner·ε_outer part is d²/dt².
#[test]
fn determinant_second_derivative_with_nested_dual() {
    for n in 1..=5 {
        let (a, b) = (lead(&a5(), n), lead(&b5(), n));
        let t = Dual::new(Dual64::new(0.0, 1.0), Dual64::new(1.0, 0.0));
        let det: Dual<Dual64> = perturb(&a, &b, t).determinant();
        assert_close(det.re.re, a.determinant(), 1e-14);
        assert_close(det.re.eps, det_first(&a, &b), TOL);
        assert_close(det.eps.re, det_first(&a, &b), TOL);
        assert_close(det.eps.eps, det_second(&a, &b), TOL);
    }
}

/// f(x, y) = det [[x, y, 0], [1, xy, y], [0, 1, x + y²]] = x³y + x²y³ − 2xy − y³
/// (expanded along the first row by hand).
fn det_poly<D: RealField + Copy>(x: D, y: D) -> D {
    let (zero, one) = (c::<D>(0.0), c::<D>(1.0));
    Matrix3::new(x, y, zero, one, x * y, y, zero, one, x + y * y).determinant()
}

fn poly(x: f64, y: f64) -> f64 {
    x.powi(3) * y + x * x * y.powi(3) - 2.0 * x * y - y.powi(3)
}

/// Gradient [f_x, f_y] of `poly`.
fn poly_grad(x: f64, y: f64) -> [f64; 2] {
    [
        3.0 * x * x * y + 2.0 * x * y.powi(3) - 2.0 * y,
        x.powi(3) + 3.0 * x * x * y * y - 2.0 * x - 3.0 * y * y,
    ]
}

/// Hessian [[f_xx, f_xy], [f_xy, f_yy]] of `poly`.
fn poly_hess(x: f64, y: f64) -> [[f64; 2]; 2] {
    let fxy = 3.0 * x * x + 6.0 * x * y * y - 2.0;
    [
        [6.0 * x * y + 2.0 * y.powi(3), fxy],
        [fxy, 6.0 * x * x * y - 6.0 * y],
    ]
}

/// ∂/∂x of the Hessian of `poly`: [[f_xxx, f_xxy], [f_xxy, f_xyy]].
fn poly_hess_dx(x: f64, y: f64) -> [[f64; 2]; 2] {
    let fxxy = 6.0 * x + 6.0 * y * y;
    [[6.0 * y, fxxy], [fxxy, 12.0 * x * y]]
}

const PT: [f64; 2] = [1.3, -0.7];

#[test]
fn hessian_of_polynomial_determinant_with_hyperdual() {
    let (x, y) = (PT[0], PT[1]);
    let (f, g, h) = hessian(|v: &[HyperDual64]| det_poly(v[0], v[1]), &PT);
    assert_close(f, poly(x, y), 1e-14);
    assert_vec_close(&g, &poly_grad(x, y), TOL);
    let expected = poly_hess(x, y);
    for i in 0..2 {
        for j in 0..2 {
            assert_close(h[(i, j)], expected[i][j], TOL);
        }
    }
}

/// `HyperDual<Dual64>` with x seeded in the inner ε: every output also carries ∂/∂x.
#[test]
fn hessian_of_polynomial_determinant_with_hyperdual_over_dual() {
    let (x, y) = (PT[0], PT[1]);
    let at = [Dual64::new(x, 1.0), Dual64::new(y, 0.0)];
    let (f, g, h) = hessian(|v: &[HyperDual<Dual64>]| det_poly(v[0], v[1]), &at);
    assert_close(f.re, poly(x, y), 1e-14);
    assert_close(f.eps, poly_grad(x, y)[0], TOL);
    let hess = poly_hess(x, y);
    let hess_dx = poly_hess_dx(x, y);
    for i in 0..2 {
        assert_close(g[i].re, poly_grad(x, y)[i], TOL);
        // ∂/∂x of ∂f/∂x_i is the Hessian's row x
        assert_close(g[i].eps, hess[0][i], TOL);
        for j in 0..2 {
            assert_close(h[(i, j)].re, hess[i][j], TOL);
            assert_close(h[(i, j)].eps, hess_dx[i][j], TOL);
        }
    }
}

/// `Dual<Dual64>` with x in the inner ε and y in the outer ε: the ε·ε part is f_xy.
#[test]
fn mixed_partial_of_polynomial_determinant_with_nested_dual() {
    let (x0, y0) = (PT[0], PT[1]);
    let x = Dual::new(Dual64::new(x0, 1.0), Dual64::new(0.0, 0.0));
    let y = Dual::new(Dual64::new(y0, 0.0), Dual64::new(1.0, 0.0));
    let f = det_poly(x, y);
    assert_close(f.re.re, poly(x0, y0), 1e-14);
    assert_close(f.re.eps, poly_grad(x0, y0)[0], TOL);
    assert_close(f.eps.re, poly_grad(x0, y0)[1], TOL);
    assert_close(f.eps.eps, poly_hess(x0, y0)[0][1], TOL);
}

/// Dual32: dyadic entries, so the closed form a11·b22 + b11·a22 − a12·b21 − b12·a21 is exact.
#[test]
fn determinant_with_dual32() {
    let a = [[1.5f32, -0.25], [0.75, 2.0]];
    let b = [[0.5f32, 1.25], [-1.0, 0.625]];
    let t = Dual32::variable(0.0);
    let m = Matrix2::from_fn(|i, j| Dual32::constant(a[i][j]) + t * b[i][j]);
    let det = m.determinant();
    // by hand: 1.5·2 − (−0.25)(0.75) = 3.1875 and 1.5·0.625 + 0.5·2 − (−0.25)(−1) − 1.25·0.75 = 0.75
    assert_close(det.re, 3.1875, 1e-6);
    assert_close(det.eps, 0.75, 1e-6);
}

// ---------------------------------------------------------------------------------------------
// try_inverse
// ---------------------------------------------------------------------------------------------

/// n ≤ 4 use nalgebra's explicit inverses, n = 5 its LU path.
#[test]
fn inverse_derivative_is_minus_ainv_b_ainv() {
    for n in 1..=5 {
        let (a, b) = (lead(&a5(), n), lead(&b5(), n));
        let ainv = perturb(&a, &b, Dual64::variable(0.0))
            .try_inverse()
            .expect("invertible");
        assert_mat_close(&re_m(&ainv), &inv(&a), 1e-14);
        assert_mat_close(&eps_m(&ainv), &inverse_first(&a, &b), TOL);
    }
}

#[test]
fn inverse_of_fixed_size_matrix() {
    let (a, b) = (lead(&a5(), 3), lead(&b5(), 3));
    let t = Dual64::variable(0.0);
    let m = Matrix3::from_fn(|i, j| Dual64::constant(a[(i, j)]) + t * b[(i, j)]);
    let mi = m.try_inverse().expect("invertible");
    let got = DMatrix::from_fn(3, 3, |i, j| mi[(i, j)].eps);
    assert_mat_close(&got, &inverse_first(&a, &b), TOL);
}

// ---------------------------------------------------------------------------------------------
// lu().solve
// ---------------------------------------------------------------------------------------------

#[test]
fn lu_solve_derivative_with_perturbed_matrix() {
    for n in 2..=5 {
        let (a, b, x) = (lead(&a5(), n), lead(&b5(), n), lead_vec(&rhs5(), n));
        let t = Dual64::variable(0.0);
        let sol = perturb(&a, &b, t)
            .lu()
            .solve(&x.map(Dual64::constant))
            .expect("invertible");
        let zero = DVector::zeros(n);
        assert_vec_close(
            sol.map(|s| s.re).as_slice(),
            (inv(&a) * &x).as_slice(),
            1e-14,
        );
        assert_vec_close(
            sol.map(|s| s.eps).as_slice(),
            solve_first(&a, &b, &x, &zero).as_slice(),
            TOL,
        );
    }
}

#[test]
fn lu_solve_derivative_with_perturbed_matrix_and_rhs() {
    for n in 2..=5 {
        let (a, b) = (lead(&a5(), n), lead(&b5(), n));
        let (x, cdir) = (lead_vec(&rhs5(), n), lead_vec(&rhs5_dir(), n));
        let t = Dual64::variable(0.0);
        let sol = perturb(&a, &b, t)
            .lu()
            .solve(&perturb_vec(&x, &cdir, t))
            .expect("invertible");
        assert_vec_close(
            sol.map(|s| s.eps).as_slice(),
            solve_first(&a, &b, &x, &cdir).as_slice(),
            TOL,
        );
        // only the right-hand side moving: A⁻¹c
        let sol_rhs = a
            .map(Dual64::constant)
            .lu()
            .solve(&perturb_vec(&x, &cdir, t))
            .expect("invertible");
        assert_vec_close(
            sol_rhs.map(|s| s.eps).as_slice(),
            (inv(&a) * &cdir).as_slice(),
            TOL,
        );
    }
}

/// One DualVec64<3> pass gives the three directional derivatives of three Dual64 passes.
#[test]
fn lu_solve_three_directions_at_once_with_dualvec() {
    let (a, x) = (a5(), rhs5());
    let dirs: Vec<DMatrix<f64>> = (0..3).map(b5_alt).collect();
    let m = DMatrix::from_fn(5, 5, |i, j| {
        DualVec64::<3>::new(
            a[(i, j)],
            [dirs[0][(i, j)], dirs[1][(i, j)], dirs[2][(i, j)]],
        )
    });
    let sol = m
        .lu()
        .solve(&x.map(DualVec64::<3>::constant))
        .expect("invertible");
    let zero = DVector::zeros(5);
    for (k, bk) in dirs.iter().enumerate() {
        let expected = solve_first(&a, bk, &x, &zero);
        let vec_k: Vec<f64> = sol.iter().map(|s| s.eps[k]).collect();
        assert_vec_close(&vec_k, expected.as_slice(), TOL);

        let single = perturb(&a, bk, Dual64::variable(0.0))
            .lu()
            .solve(&x.map(Dual64::constant))
            .expect("invertible");
        let single_k: Vec<f64> = single.iter().map(|s| s.eps).collect();
        assert_vec_close(&single_k, expected.as_slice(), TOL);
        assert_vec_close(&vec_k, &single_k, 1e-14);
    }
}

// ---------------------------------------------------------------------------------------------
// cholesky
// ---------------------------------------------------------------------------------------------

/// With A(t) = LLᵀ: L'Lᵀ + LL'ᵀ = B, L' lower triangular, and in closed form
/// L' = L·Φ(L⁻¹BL⁻ᵀ), Φ taking the strict lower triangle plus half the diagonal.
#[test]
fn cholesky_factor_derivative() {
    let (a, b) = (spd5(), bsym5());
    let chol = perturb(&a, &b, Dual64::variable(0.0))
        .cholesky()
        .expect("SPD");
    let ld = eps_m(&chol.l());
    let l = a.clone().cholesky().expect("SPD").l();
    assert_mat_close(&re_m(&chol.l()), &l, 1e-14);

    for i in 0..5 {
        for j in i + 1..5 {
            assert_eq!(ld[(i, j)], 0.0, "L' must be lower triangular at ({i}, {j})");
        }
    }
    let identity = &ld * l.transpose() + &l * ld.transpose();
    assert_mat_close(&identity, &b, TOL);

    let linv = l.clone().try_inverse().expect("invertible");
    let x = &linv * &b * linv.transpose();
    let phi = DMatrix::from_fn(5, 5, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Greater => x[(i, j)],
        std::cmp::Ordering::Equal => 0.5 * x[(i, j)],
        std::cmp::Ordering::Less => 0.0,
    });
    assert_mat_close(&ld, &(&l * phi), TOL);
}

#[test]
fn cholesky_solve_derivative() {
    let (a, b, x, cdir) = (spd5(), bsym5(), rhs5(), rhs5_dir());
    let t = Dual64::variable(0.0);
    let chol = perturb(&a, &b, t).cholesky().expect("SPD");
    let sol = chol.solve(&x.map(Dual64::constant));
    let zero = DVector::zeros(5);
    assert_vec_close(
        sol.map(|s| s.eps).as_slice(),
        solve_first(&a, &b, &x, &zero).as_slice(),
        TOL,
    );
    let sol = chol.solve(&perturb_vec(&x, &cdir, t));
    assert_vec_close(
        sol.map(|s| s.eps).as_slice(),
        solve_first(&a, &b, &x, &cdir).as_slice(),
        TOL,
    );
}

// ---------------------------------------------------------------------------------------------
// qr
// ---------------------------------------------------------------------------------------------

/// A = QR, A' = B. With C = QᵀBR⁻¹ and Ω = QᵀQ' (antisymmetric), C = Ω + R'R⁻¹ where R'R⁻¹ is
/// upper triangular, so Ω's strict lower triangle is C's, Q' = QΩ, R' = (C − Ω)R, and in
/// particular R'ᵢᵢ = Rᵢᵢ·Cᵢᵢ.
#[test]
fn qr_factor_derivatives() {
    let (a, b) = (a5(), b5());
    let qr = perturb(&a, &b, Dual64::variable(0.0)).qr();
    let (qd, rd) = (eps_m(&qr.q()), eps_m(&qr.r()));
    let qr64 = a.clone().qr();
    let (q, r) = (qr64.q(), qr64.r());
    assert_mat_close(&re_m(&qr.q()), &q, 1e-14);
    assert_mat_close(&re_m(&qr.r()), &r, 1e-14);

    // Q stays orthogonal: Q'ᵀQ + QᵀQ' = 0
    let skew = qd.transpose() * &q + q.transpose() * &qd;
    assert_mat_close(&skew, &DMatrix::zeros(5, 5), TOL);
    // product rule: (QR)' = Q'R + QR' = B
    assert_mat_close(&(&qd * &r + &q * &rd), &b, TOL);

    let cm = q.transpose() * &b * inv(&r);
    for i in 0..5 {
        assert_close(rd[(i, i)], r[(i, i)] * cm[(i, i)], TOL);
        for j in 0..i {
            assert_eq!(rd[(i, j)], 0.0, "R' must be upper triangular at ({i}, {j})");
        }
    }
    let omega = DMatrix::from_fn(5, 5, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Greater => cm[(i, j)],
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Less => -cm[(j, i)],
    });
    assert_mat_close(&qd, &(&q * &omega), TOL);
    assert_mat_close(&rd, &((&cm - &omega) * &r), TOL);
}

#[test]
fn qr_solve_derivative() {
    let (a, b, x, cdir) = (a5(), b5(), rhs5(), rhs5_dir());
    let t = Dual64::variable(0.0);
    let qr = perturb(&a, &b, t).qr();
    let sol = qr.solve(&perturb_vec(&x, &cdir, t)).expect("invertible");
    assert_vec_close(
        sol.map(|s| s.eps).as_slice(),
        solve_first(&a, &b, &x, &cdir).as_slice(),
        TOL,
    );
}

// ---------------------------------------------------------------------------------------------
// symmetric_eigen
// ---------------------------------------------------------------------------------------------

/// Hellmann–Feynman: λᵢ' = vᵢᵀBvᵢ; and vᵢ' = Σ_{j≠i} (vⱼᵀBvᵢ)/(λᵢ − λⱼ)·vⱼ.
#[test]
fn symmetric_eigen_derivatives() {
    let (a, b) = (sym_eig5(), bsym5());
    let eig = perturb(&a, &b, Dual64::variable(0.0)).symmetric_eigen();
    let eig64 = a.clone().symmetric_eigen();
    let (lam, v) = (&eig64.eigenvalues, &eig64.eigenvectors);
    for k in 0..5 {
        // match the dual's eigenpair k to the f64 one by eigenvalue
        let i = (0..5)
            .min_by(|&p, &q| {
                let dp = (lam[p] - eig.eigenvalues[k].re).abs();
                let dq = (lam[q] - eig.eigenvalues[k].re).abs();
                dp.total_cmp(&dq)
            })
            .unwrap();
        let vi = v.column(i);
        assert_close(eig.eigenvalues[k].re, lam[i], 1e-13);
        assert_close(eig.eigenvalues[k].eps, (vi.transpose() * &b * vi)[0], TOL);

        // eigenvector derivative, with the sign of the dual's eigenvector
        let got_v = eig.eigenvectors.column(k).map(|x| x.re);
        let sign = got_v.dot(&vi).signum();
        let mut expected = DVector::zeros(5);
        for j in (0..5).filter(|&j| j != i) {
            let vj = v.column(j);
            expected += vj * ((vj.transpose() * &b * vi)[0] / (lam[i] - lam[j]));
        }
        let got_vd: Vec<f64> = eig.eigenvectors.column(k).iter().map(|x| x.eps).collect();
        assert_vec_close(&got_vd, (expected * sign).as_slice(), TOL);
    }
}

// ---------------------------------------------------------------------------------------------
// norm, normalize
// ---------------------------------------------------------------------------------------------

const X3: [f64; 3] = [1.2, -0.7, 2.1];
const V3: [f64; 3] = [0.4, 1.3, -0.6];

fn dot3(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

#[test]
fn norm_derivative() {
    let x = Vector3::from_fn(|i, _| Dual64::new(X3[i], V3[i]));
    let nx = dot3(X3, X3).sqrt();
    let n = x.norm();
    assert_close(n.re, nx, 1e-15);
    // d/dt ‖x + tv‖ = xᵀv / ‖x‖
    assert_close(n.eps, dot3(X3, V3) / nx, TOL);
    // d/dt ‖x + tv‖² = 2xᵀv
    assert_close(x.norm_squared().eps, 2.0 * dot3(X3, V3), TOL);

    // second derivative: (‖v‖² − (x̂ᵀv)²) / ‖x‖
    let xh = Vector3::from_fn(|i, _| HyperDual64::new(X3[i], V3[i], V3[i], 0.0));
    let proj = dot3(X3, V3) / nx;
    assert_close(xh.norm().e12, (dot3(V3, V3) - proj * proj) / nx, TOL);

    // the same through a dynamically sized vector
    let xd = DVector::from_fn(3, |i, _| Dual64::new(X3[i], V3[i]));
    assert_close(xd.norm().eps, dot3(X3, V3) / nx, TOL);
}

#[test]
fn normalize_derivative() {
    let x = Vector3::from_fn(|i, _| Dual64::new(X3[i], V3[i]));
    let nx = dot3(X3, X3).sqrt();
    let xhat = X3.map(|xi| xi / nx);
    let proj = dot3(xhat, V3);
    // d/dt (x + tv)/‖x + tv‖ = (v − x̂(x̂ᵀv)) / ‖x‖
    let expected: Vec<f64> = (0..3).map(|i| (V3[i] - xhat[i] * proj) / nx).collect();
    let u = x.normalize();
    let got: Vec<f64> = u.iter().map(|ui| ui.eps).collect();
    assert_vec_close(&got, &expected, TOL);

    let unit = Unit::new_normalize(x);
    let got: Vec<f64> = unit.iter().map(|ui| ui.eps).collect();
    assert_vec_close(&got, &expected, TOL);
}

// ---------------------------------------------------------------------------------------------
// rotations
// ---------------------------------------------------------------------------------------------

const AXIS: [f64; 3] = [1.0, -2.0, 0.5];
const P3: [f64; 3] = [0.3, 1.1, -0.9];
const THETA: f64 = 0.8;

fn unit_axis() -> Vector3<f64> {
    Vector3::from(AXIS).normalize()
}

/// Rodrigues: R(θ)p = p cos θ + (k × p) sin θ + k(k·p)(1 − cos θ), by hand in f64.
fn rodrigues(k: &Vector3<f64>, p: &Vector3<f64>, theta: f64) -> Vector3<f64> {
    p * theta.cos() + k.cross(p) * theta.sin() + k * (k.dot(p) * (1.0 - theta.cos()))
}

#[test]
fn rotation3_from_axis_angle_derivative() {
    let k = unit_axis();
    let p = Vector3::from(P3);
    let rp = rodrigues(&k, &p, THETA);
    // d/dθ R(θ)p = k × R(θ)p;  d²/dθ² R(θ)p = k × (k × R(θ)p)
    let d1 = k.cross(&rp);
    let d2 = k.cross(&d1);

    let axis = Unit::new_unchecked(k.map(Dual64::constant));
    let r = Rotation3::from_axis_angle(&axis, Dual64::variable(THETA));
    let out = r * p.map(Dual64::constant);
    for i in 0..3 {
        assert_close(out[i].re, rp[i], 1e-14);
        assert_close(out[i].eps, d1[i], TOL);
    }

    let axis = Unit::new_unchecked(k.map(HyperDual64::constant));
    let r = Rotation3::from_axis_angle(&axis, HyperDual64::variable(THETA));
    let out = r * p.map(HyperDual64::constant);
    for i in 0..3 {
        assert_close(out[i].e1, d1[i], TOL);
        assert_close(out[i].e12, d2[i], TOL);
    }
}

#[test]
fn unit_quaternion_from_axis_angle_derivative() {
    let k = unit_axis();
    let p = Vector3::from(P3);
    let rp = rodrigues(&k, &p, THETA);
    let d1 = k.cross(&rp);
    let d2 = k.cross(&d1);

    let axis = Unit::new_unchecked(k.map(Dual64::constant));
    let q = UnitQuaternion::from_axis_angle(&axis, Dual64::variable(THETA));
    let out = q * p.map(Dual64::constant);
    for i in 0..3 {
        assert_close(out[i].re, rp[i], 1e-14);
        assert_close(out[i].eps, d1[i], TOL);
    }
    // through the rotation matrix too
    let out = q.to_rotation_matrix() * p.map(Dual64::constant);
    for i in 0..3 {
        assert_close(out[i].eps, d1[i], TOL);
    }

    let axis = Unit::new_unchecked(k.map(HyperDual64::constant));
    let q = UnitQuaternion::from_axis_angle(&axis, HyperDual64::variable(THETA));
    let out = q.transform_vector(&p.map(HyperDual64::constant));
    for i in 0..3 {
        assert_close(out[i].e1, d1[i], TOL);
        assert_close(out[i].e12, d2[i], TOL);
    }
}

/// Euler angles moving along a direction: angles(t) = angles0 + t·dir (away from gimbal lock).
const EULER0: [f64; 3] = [0.3, -0.5, 1.1];
const EULER_DIR: [f64; 3] = [0.7, -0.4, 1.3];

fn euler_at<D: RealField + Copy>(t: D) -> [D; 3] {
    [0, 1, 2].map(|i| c::<D>(EULER0[i]) + t * c::<D>(EULER_DIR[i]))
}

#[test]
fn rotation3_from_euler_angles_derivative() {
    let p = Vector3::from(P3);
    let [r, pi, y] = euler_at(Dual64::variable(0.0));
    let rot = Rotation3::from_euler_angles(r, pi, y);

    let out = rot * p.map(Dual64::constant);
    for i in 0..3 {
        let fd = central(
            |s| {
                let [r, pi, y] = euler_at(s);
                (Rotation3::from_euler_angles(r, pi, y) * p)[i]
            },
            0.0,
        );
        assert_close(out[i].eps, fd, FD_TOL);
    }

    // round trip: the recovered angles move exactly along the direction
    let (r2, p2, y2) = rot.euler_angles();
    let got = [r2, p2, y2];
    for i in 0..3 {
        assert_close(got[i].re, EULER0[i], 1e-14);
        assert_close(got[i].eps, EULER_DIR[i], TOL);
        let fd = central(
            |s| {
                let [r, pi, y] = euler_at(s);
                let (a, b, c) = Rotation3::from_euler_angles(r, pi, y).euler_angles();
                [a, b, c][i]
            },
            0.0,
        );
        assert_close(got[i].eps, fd, FD_TOL);
    }
}

#[test]
fn unit_quaternion_from_euler_angles_derivative() {
    let p = Vector3::from(P3);
    let [r, pi, y] = euler_at(Dual64::variable(0.0));
    let q = UnitQuaternion::from_euler_angles(r, pi, y);

    let out = q * p.map(Dual64::constant);
    for i in 0..3 {
        let fd = central(
            |s| {
                let [r, pi, y] = euler_at(s);
                (UnitQuaternion::from_euler_angles(r, pi, y) * p)[i]
            },
            0.0,
        );
        assert_close(out[i].eps, fd, FD_TOL);
    }

    let (r2, p2, y2) = q.euler_angles();
    let got = [r2, p2, y2];
    for i in 0..3 {
        assert_close(got[i].re, EULER0[i], 1e-14);
        assert_close(got[i].eps, EULER_DIR[i], TOL);
        let fd = central(
            |s| {
                let [r, pi, y] = euler_at(s);
                let (a, b, c) = UnitQuaternion::from_euler_angles(r, pi, y).euler_angles();
                [a, b, c][i]
            },
            0.0,
        );
        assert_close(got[i].eps, fd, FD_TOL);
    }
}

// ---------------------------------------------------------------------------------------------
// Taylor: the decompositions carry whole series, checked coefficient by coefficient against the
// Taylor expansions of closed forms.
// ---------------------------------------------------------------------------------------------

/// `c + t`, a variable at `c`.
fn tv(c: f64) -> Taylor64<3> {
    Taylor64::variable(c)
}

/// The constant `c`.
fn tc(c: f64) -> Taylor64<3> {
    Taylor64::constant(c)
}

/// Asserts every coefficient of `t` (the value first) against `expected`.
#[track_caller]
fn assert_series(t: Taylor64<3>, expected: [f64; 4], tol: f64) {
    for (k, &e) in expected.iter().enumerate() {
        assert_close(t.coefficient(k), e, tol);
    }
}

#[test]
fn taylor_determinant_is_the_whole_polynomial() {
    // det [[t, 1], [2, t²]] = t³ − 2 about t₀ = 1.5: t₀³ − 2 + 3t₀²·s + 3t₀·s² + s³
    let t = tv(1.5);
    let det = Matrix2::new(t, tc(1.0), tc(2.0), t * t).determinant();
    assert_series(det, [1.5f64.powi(3) - 2.0, 3.0 * 2.25, 4.5, 1.0], 1e-14);
}

#[test]
fn taylor_lu_solve_is_the_geometric_series() {
    // [[2 + t, 1], [1, 3]]·x = (1, 2): x₀ = 1/(5 + 3t) = Σ (1/5)(−3/5)ᵏ tᵏ and
    // x₁ = (3 + 2t)/(5 + 3t) = 3/5 + Σ_{k≥1} (1/25)(−3/5)ᵏ⁻¹ tᵏ
    let t = tv(0.0);
    let a = Matrix2::new(t + 2.0, tc(1.0), tc(1.0), tc(3.0));
    let b = nalgebra::Vector2::new(tc(1.0), tc(2.0));
    let x = a.lu().solve(&b).expect("non-singular");
    let r = -3.0 / 5.0;
    assert_series(x[0], [0.2, 0.2 * r, 0.2 * r * r, 0.2 * r * r * r], 1e-15);
    assert_series(x[1], [0.6, 0.04, 0.04 * r, 0.04 * r * r], 1e-15);
}

#[test]
fn taylor_cholesky_and_norm() {
    // [[4 + t, 2], [2, 3]] = L·Lᵀ: L₀₀ = √(4 + t) = 2 + t/4 − t²/64 + t³/512 and
    // L₁₁ = √(3 − 4/(4 + t)) = √2 + t/(8√2) + … (the higher coefficients from mpmath's taylor)
    let t = tv(0.0);
    let l = Matrix2::new(t + 4.0, tc(2.0), tc(2.0), tc(3.0))
        .cholesky()
        .expect("positive definite")
        .l();
    assert_series(l[(0, 0)], [2.0, 0.25, -1.0 / 64.0, 1.0 / 512.0], 1e-15);
    assert_series(
        l[(1, 1)],
        [
            2f64.sqrt(),
            1.0 / (8.0 * 2f64.sqrt()),
            -0.024_859_222_776_089_56,
            0.007_077_973_151_525_5,
        ],
        1e-14,
    );
    // ‖(t, 2t, 2)‖ = √(5t² + 4) about 1: 3, 5/3, 10/27, −50/243
    let t = tv(1.0);
    let v = Vector3::new(t, t * 2.0, tc(2.0));
    assert_series(
        v.norm(),
        [3.0, 5.0 / 3.0, 10.0 / 27.0, -50.0 / 243.0],
        1e-14,
    );
}

#[test]
fn taylor_symmetric_eigenvalues_are_exact_lines() {
    // [[2, s], [s, 2]] has eigenvalues 2 ± s: about s = 0.5, 2.5 + t and 1.5 − t, no curvature
    let s = tv(0.5);
    let eig = Matrix2::new(tc(2.0), s, s, tc(2.0)).symmetric_eigen();
    let mut values: Vec<Taylor64<3>> = eig.eigenvalues.iter().copied().collect();
    values.sort_by(|a, b| a.re.total_cmp(&b.re));
    assert_series(values[0], [1.5, -1.0, 0.0, 0.0], 1e-14);
    assert_series(values[1], [2.5, 1.0, 0.0, 0.0], 1e-14);
}

#[test]
fn taylor_runs_generic_real_field_code() {
    // x·sin x written against RealField: about 0.7 its series is x sin x's
    fn f<T: RealField + Copy>(x: T) -> T {
        x.sin() * x
    }
    let x0 = 0.7f64;
    let (s, c) = x0.sin_cos();
    // f = x sin x, f′ = sin + x cos, f″ = 2 cos − x sin, f‴ = −3 sin − x cos
    let expected = [
        x0 * s,
        s + x0 * c,
        (2.0 * c - x0 * s) / 2.0,
        (-3.0 * s - x0 * c) / 6.0,
    ];
    assert_series(f(tv(x0)), expected, 1e-15);
}
