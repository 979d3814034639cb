//! The fixed-size drivers (`gradient_fixed`, `jacobian_fixed`, `hessian_fixed`), against closed
//! forms.

mod common;
use common::assert_close;
use dualdiff::{
    Dual2Vec64, DualVec, DualVec64, gradient_fixed, hessian_fixed, jacobian_fixed, vjp_fixed,
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

/// What `gradient_fixed`, `jacobian_fixed` and `vjp_fixed` hand the function: input `i` is
/// `x[i]` bit for bit with partial `i` one and the others zero (the definition of seeding), at
/// widths 0 to 10, odd and even (the inputs are written in pairs of scalars on x86-64), and for
/// values that are not ordinary numbers: −0, a quiet NaN with a payload, a signalling NaN, ∞, a
/// negative subnormal.
macro_rules! check_seeds {
    ($t:ty, $qnan:expr, $snan:expr, $($n:literal)*) => {$({
        const N: usize = $n;
        let specials: [$t; 7] =
            [-0.0, $qnan, $snan, <$t>::INFINITY, -<$t>::from_bits(1), 1.5, -2.25];
        let x = SVector::<$t, N>::from_fn(|i, _| specials[i % specials.len()]);
        let check = |seen: &SVector<DualVec<$t, N>, N>| {
            for i in 0..N {
                assert_eq!(seen[i].re.to_bits(), x[i].to_bits(), "N = {N}, input {i}");
                for k in 0..N {
                    let expected: $t = if k == i { 1.0 } else { 0.0 };
                    let got = seen[i].eps[k].to_bits();
                    assert_eq!(got, expected.to_bits(), "N = {N}, ε{k} of input {i}");
                }
            }
        };
        // Each function checks its inputs and returns the constant 0.
        let zero = DualVec::<$t, N>::constant(0.0);
        let one_output = |v: &SVector<DualVec<$t, N>, N>| {
            check(v);
            SVector::<_, 1>::new(zero)
        };
        let (value, _) = gradient_fixed(|v: &SVector<DualVec<$t, N>, N>| one_output(v)[0], &x);
        assert_eq!(value, 0.0);
        let (values, _) = jacobian_fixed(one_output, &x);
        assert_eq!(values[0], 0.0);
        let (values, _) = vjp_fixed(one_output, &x, &SVector::<$t, 1>::new(1.0));
        assert_eq!(values[0], 0.0);
    })*};
}

#[test]
#[allow(
    clippy::reversed_empty_ranges,
    reason = "N = 0 is one of the widths checked"
)]
fn fixed_drivers_seed_unit_partials() {
    let (quiet, signalling) = (0x7ff8_0000_0000_1234, 0x7ff0_0000_0000_0001);
    check_seeds!(f64, f64::from_bits(quiet), f64::from_bits(signalling), 0 1 2 3 4 5 8 10);
    let (quiet, signalling) = (0x7fc0_1234, 0x7f80_0001);
    check_seeds!(f32, f32::from_bits(quiet), f32::from_bits(signalling), 0 1 2 3 4 5 8 10);
}
