//! The drivers on the `f32` types: the value part must be bit for bit the plain `f32`
//! evaluation, and every derivative must match a closed form written out here, evaluated in
//! `f64` at the same (exactly widened) point and rounded to `f32`, within [`TOL`]. (The
//! elementary functions on `f32` are checked in `tests/functions.rs`, module `on_f32`.)
#![allow(
    clippy::float_cmp,
    reason = "bit-identical values and exact zeros are the point of many checks"
)]
#![allow(
    clippy::cast_possible_truncation,
    reason = "rounding the f64 closed forms to f32 is the point"
)]

mod common;

use common::assert_close;
use dualdiff::{
    Dual2Vec32, Dual32, DualVec32, HyperDual32, Real, derivative, gradient, hessian, hvp, jacobian,
    jvp, second_derivative,
};

/// Derivative parts against the rounded `f64` closed form: `|a − e| ≤ TOL·max(|e|, 1)`.
///
/// `f32`'s epsilon is 1.19e-7, so this is about 8 ulps: each derivative formula rounds a few
/// times (`asin' = 1/√((1−x)(1+x))` four times, the chain rule's products once or twice more),
/// and the rounding of the reference to `f32` adds half an ulp.
const TOL: f32 = 1e-6;

/// Rounds an `f64` reference to `f32`.
fn r(x: f64) -> f32 {
    x as f32
}

/// Asserts `actual` is `expected` bit for bit.
#[track_caller]
fn assert_bits(actual: f32, expected: f32, what: &str) {
    assert!(
        actual.to_bits() == expected.to_bits(),
        "{what}: value part {actual:e} is not the plain f32 value {expected:e}"
    );
}

// =============================================================================================
// Drivers on f32
// =============================================================================================

/// `f(x) = x₀²x₁ + sin(x₁)·x₂ + exp(x₀x₂)`, generic.
fn f3<T: Real>(x: &[T]) -> T {
    x[0] * x[0] * x[1] + x[1].sin() * x[2] + (x[0] * x[2]).exp()
}

/// `f3` and its gradient and Hessian, in f64.
#[allow(
    clippy::type_complexity,
    reason = "a value, a gradient and a matrix, once"
)]
fn f3_reference(x: [f64; 3]) -> (f64, [f64; 3], [[f64; 3]; 3]) {
    let [a, b, c] = x;
    let e = (a * c).exp();
    let f = a * a * b + b.sin() * c + e;
    let g = [2.0 * a * b + c * e, a * a + b.cos() * c, b.sin() + a * e];
    let h = [
        [2.0 * b + c * c * e, 2.0 * a, e + a * c * e],
        [2.0 * a, -b.sin() * c, b.cos()],
        [e + a * c * e, b.cos(), a * a * e],
    ];
    (f, g, h)
}

const X3: [f32; 3] = [0.5, 1.25, -0.75];

fn x3_64() -> [f64; 3] {
    X3.map(f64::from)
}

#[test]
fn derivative_and_second_derivative_on_f32() {
    let (f, df) = derivative(|x| x.sin() * x.exp(), 0.5f32);
    assert_bits(f, 0.5f32.sin() * 0.5f32.exp(), "derivative");
    let x = 0.5f64;
    assert_close(df, r(x.exp() * (x.sin() + x.cos())), TOL);

    let (f, df, d2f) = second_derivative(|x| x.sin() * x.exp(), 0.5f32);
    assert_bits(f, 0.5f32.sin() * 0.5f32.exp(), "second_derivative");
    assert_close(df, r(x.exp() * (x.sin() + x.cos())), TOL);
    assert_close(d2f, r(2.0 * x.exp() * x.cos()), TOL);
}

#[test]
fn gradient_on_f32_every_width() {
    let (f_ref, g_ref, _) = f3_reference(x3_64());
    let check = |(f, g): (f32, Vec<f32>), width: &str| {
        assert_bits(f, f3(&X3), width);
        assert_eq!(g.len(), 3);
        println!("gradient with {width}");
        for (gi, ri) in g.iter().zip(g_ref) {
            assert_close(*gi, r(ri), TOL);
        }
        assert_close(f, r(f_ref), TOL);
    };
    check(gradient(f3::<Dual32>, &X3), "Dual32");
    check(gradient(f3::<DualVec32<2>>, &X3), "DualVec32<2>");
    check(gradient(f3::<DualVec32<3>>, &X3), "DualVec32<3>");
    check(gradient(f3::<DualVec32<8>>, &X3), "DualVec32<8>");
}

#[test]
fn jacobian_on_f32() {
    // F(x, y, z) = (x·y, sin(x) + z², exp(y)·z)
    fn map<T: Real>(v: &[T]) -> Vec<T> {
        vec![v[0] * v[1], v[0].sin() + v[2] * v[2], v[1].exp() * v[2]]
    }
    let [a, b, c] = x3_64();
    let expected = [
        [b, a, 0.0],
        [a.cos(), 0.0, 2.0 * c],
        [0.0, b.exp() * c, b.exp()],
    ];
    for (name, (values, jac)) in [
        ("Dual32", jacobian(map::<Dual32>, &X3)),
        ("DualVec32<2>", jacobian(map::<DualVec32<2>>, &X3)),
        ("DualVec32<4>", jacobian(map::<DualVec32<4>>, &X3)),
    ] {
        println!("jacobian with {name}");
        for (v, p) in values.iter().zip(map(&X3)) {
            assert_bits(*v, p, name);
        }
        assert_eq!(jac.shape(), (3, 3));
        for (i, row) in expected.iter().enumerate() {
            for (j, e) in row.iter().enumerate() {
                assert_close(jac[(i, j)], r(*e), TOL);
            }
        }
    }
}

#[test]
fn jvp_on_f32() {
    fn map<T: Real>(v: &[T]) -> Vec<T> {
        vec![v[0] * v[1], v[0].sin() + v[2] * v[2]]
    }
    let v = [1.0f32, -2.0, 0.5];
    let (values, jv) = jvp(map::<Dual32>, &X3, &v);
    let [a, b, c] = x3_64();
    let v64 = v.map(f64::from);
    assert_bits(values[0], X3[0] * X3[1], "jvp");
    assert_close(jv[0], r(b * v64[0] + a * v64[1]), TOL);
    assert_close(jv[1], r(a.cos() * v64[0] + 2.0 * c * v64[2]), TOL);
}

#[test]
fn hessian_and_hvp_on_f32() {
    let (f_ref, g_ref, h_ref) = f3_reference(x3_64());
    let check = |(f, g, h): (f32, Vec<f32>, nalgebra::DMatrix<f32>), name: &str| {
        println!("hessian with {name}");
        assert_bits(f, f3(&X3), name);
        assert_close(f, r(f_ref), TOL);
        for (gi, ri) in g.iter().zip(g_ref) {
            assert_close(*gi, r(ri), TOL);
        }
        assert_eq!(h.shape(), (3, 3));
        for (i, row) in h_ref.iter().enumerate() {
            for (j, e) in row.iter().enumerate() {
                assert_close(h[(i, j)], r(*e), TOL);
            }
        }
    };
    check(hessian(f3::<HyperDual32>, &X3), "HyperDual32");
    check(hessian(f3::<Dual2Vec32<2>>, &X3), "Dual2Vec32<2>");
    check(hessian(f3::<Dual2Vec32<3>>, &X3), "Dual2Vec32<3>");

    let v = [1.0f32, -2.0, 0.5];
    let (f, hv) = hvp(f3::<HyperDual32>, &X3, &v);
    assert_bits(f, f3(&X3), "hvp");
    for (i, row) in h_ref.iter().enumerate() {
        let e: f64 = row.iter().zip(v).map(|(h, vj)| h * f64::from(vj)).sum();
        assert_close(hv[i], r(e), TOL);
    }
}
