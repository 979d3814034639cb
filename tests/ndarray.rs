//! ndarray (feature `ndarray`): arrays of every number type take a dual scalar as an operand,
//! ndarray's own arithmetic (`mapv`, `sum`, `dot`) carries derivatives, and the `_ndarray`
//! drivers differentiate functions of `ArrayView1`. Every reference is a closed form written
//! out below.
#![cfg(feature = "ndarray")]

mod common;
use common::*;

use dualdiff::{
    Dual, Dual2Vec64, Dual64, DualVec64, HyperDual64, Taylor64, gradient, gradient_ndarray,
    hessian_ndarray, jacobian_ndarray,
};
use ndarray::{Array1, Array2, ArrayView1, array, aview1};

#[test]
fn every_number_type_is_a_scalar_operand() {
    // d/dt (t·xᵢ·s) with s = 3 + 1ε carrying its own derivative: xᵢ·(3 + t·…)' — here the
    // array holds xᵢ·t seeded at t = 2, so (xᵢ t s)' = xᵢ s + xᵢ t s' = xᵢ(3 + 2)
    let x = [1.0, -2.0, 0.5];
    let a: Array1<Dual64> = x.iter().map(|&v| Dual64::variable(2.0) * v).collect();
    let s = Dual64::new(3.0, 1.0);
    for (p, &v) in (&a * s).iter().zip(&x) {
        assert_eq!(p.re, 6.0 * v);
        assert_eq!(p.eps, 5.0 * v);
    }
    // the other operators, and the scalar on an owned array
    let b = a.clone() + Dual64::constant(1.0);
    assert_eq!(b[1].re, -3.0);
    assert_eq!((&a / Dual64::constant(2.0))[0].eps, 0.5);
    assert_eq!((&a - s)[2].eps, 0.5 - 1.0);

    // and for every other type (nested included): the operand compiles and multiplies
    let v = array![
        DualVec64::<2>::variable(1.5, 0),
        DualVec64::<2>::variable(2.0, 1)
    ];
    let w = &v * DualVec64::<2>::constant(4.0);
    assert_eq!((w[0].eps, w[1].eps), ([4.0, 0.0], [0.0, 4.0]));
    let h = array![HyperDual64::variable(3.0)];
    let h2 = &h * HyperDual64::variable(3.0); // x²: 2x and 2
    assert_eq!((h2[0].e1, h2[0].e12), (6.0, 2.0));
    let d2 = array![Dual2Vec64::<1>::variable(3.0, 0)];
    let cube = &(&d2 * Dual2Vec64::<1>::variable(3.0, 0)) * Dual2Vec64::<1>::variable(3.0, 0);
    assert_eq!((cube[0].grad[0], cube[0].hess(0, 0)), (27.0, 18.0));
    let t = array![Taylor64::<3>::variable(2.0)];
    let t3 = &(&t * Taylor64::<3>::variable(2.0)) * Taylor64::<3>::variable(2.0);
    assert_eq!(t3[0].derivatives(), [12.0, 12.0, 6.0]);
    let nested = array![Dual::new(Dual64::variable(2.0), Dual64::constant(1.0))];
    let sq = &nested * Dual::new(Dual64::variable(2.0), Dual64::constant(1.0));
    // x² with both layers seeded: d/dx = 2x in each, and the mixed part 2
    assert_eq!((sq[0].re.eps, sq[0].eps.re, sq[0].eps.eps), (4.0, 4.0, 2.0));
}

/// `f(x) = Σ xᵢ² + x₀·sin x₁`, written against ndarray.
fn bowl<D: num_traits::Float + 'static>(x: ArrayView1<D>) -> D {
    x.mapv(|v| v * v).sum() + x[0] * x[1].sin()
}

#[test]
fn gradient_of_a_function_of_an_array_view() {
    // ∇f = (2x₀ + sin x₁, 2x₁ + x₀ cos x₁, 2x₂, …)
    let x = array![0.7, -1.3, 2.0, 0.25];
    let expected = [
        2.0 * 0.7 + (-1.3f64).sin(),
        2.0 * -1.3 + 0.7 * (-1.3f64).cos(),
        4.0,
        0.5,
    ];
    let value = 0.49 + 1.69 + 4.0 + 0.0625 + 0.7 * (-1.3f64).sin();
    let (f, g) = gradient_ndarray(bowl::<DualVec64<2>>, &x);
    assert_close(f, value, 1e-15);
    for (a, e) in g.iter().zip(expected) {
        assert_close(*a, e, 1e-15);
    }
    // a strided view (a column of a row-major matrix) is taken as well
    let m = Array2::from_shape_fn((4, 3), |(i, j)| if j == 1 { x[i] } else { f64::NAN });
    let (f2, g2) = gradient_ndarray(bowl::<Dual64>, &m.column(1));
    assert_close(f2, value, 1e-15);
    for (a, e) in g2.iter().zip(expected) {
        assert_close(*a, e, 1e-15);
    }
    // the documented path without the ndarray drivers: wrap the slice driver's input
    let (f3, g3) = gradient(|v: &[DualVec64<4>]| bowl(aview1(v)), x.as_slice().unwrap());
    assert_close(f3, value, 1e-15);
    for (a, e) in g3.iter().zip(expected) {
        assert_close(*a, e, 1e-15);
    }
}

#[test]
fn jacobian_of_a_linear_map_plus_exponentials() {
    // f(x) = A·x + exp(x) (elementwise), through ndarray's `dot`: J = A + diag(exp x)
    let a = array![[1.0, 2.0, -1.0], [0.5, 0.0, 3.0]];
    let x = array![0.2, -0.4, 1.1];
    let f = |v: ArrayView1<DualVec64<2>>| {
        let ad = a.mapv(DualVec64::<2>::constant);
        let head = v.slice(ndarray::s![..2]).mapv(|t| t.exp());
        ad.dot(&v) + head
    };
    let (values, jac) = jacobian_ndarray(f, &x);
    assert_eq!(jac.shape(), &[2, 3]);
    for i in 0..2 {
        let expected_value = a.row(i).dot(&x) + x[i].exp();
        assert_close(values[i], expected_value, 1e-15);
        for j in 0..3 {
            let expected = a[[i, j]] + if i == j { x[i].exp() } else { 0.0 };
            assert_close(jac[[i, j]], expected, 1e-15);
        }
    }
    // the matrix comes back column-major, unchanged in meaning: its transpose is row-major
    assert!(jac.t().is_standard_layout());
    assert_eq!(jac.t()[[2, 1]], jac[[1, 2]]);
}

#[test]
fn hessian_of_a_quadratic_form_and_more() {
    // f(x) = xᵀAx + x₀x₁x₂: ∇²f = A + Aᵀ + [[0, x₂, x₁], [x₂, 0, x₀], [x₁, x₀, 0]]
    let a = array![[2.0, 1.0, 0.0], [-1.0, 3.0, 0.5], [4.0, 0.0, 1.0]];
    let x = array![1.5, -0.5, 2.0];
    let f = |v: ArrayView1<Dual2Vec64<4>>| {
        let ad = a.mapv(Dual2Vec64::<4>::constant);
        v.dot(&ad.dot(&v)) + v[0] * v[1] * v[2]
    };
    let (value, grad, hess) = hessian_ndarray(f, &x);
    assert_close(value, x.dot(&a.dot(&x)) + 1.5 * -0.5 * 2.0, 1e-15);
    let sym = &a + &a.t();
    let g_expected = sym.dot(&x) + array![x[1] * x[2], x[0] * x[2], x[0] * x[1]];
    let cubic = array![[0.0, x[2], x[1]], [x[2], 0.0, x[0]], [x[1], x[0], 0.0]];
    let h_expected = &sym + &cubic;
    for i in 0..3 {
        assert_close(grad[i], g_expected[i], 1e-15);
        for j in 0..3 {
            assert_close(hess[[i, j]], h_expected[[i, j]], 1e-15);
        }
    }
    // HyperDual gives the same, entry by entry
    let fh = |v: ArrayView1<HyperDual64>| {
        let ad = a.mapv(HyperDual64::constant);
        v.dot(&ad.dot(&v)) + v[0] * v[1] * v[2]
    };
    let (_, _, hess_h) = hessian_ndarray(fh, &x);
    for (a, e) in hess_h.iter().zip(h_expected.iter()) {
        assert_close(*a, *e, 1e-15);
    }
}
