//! One function per benchmark group: every method that computes the group's derivative, in the
//! order primal, analytic, dualdiff, num-dual, finite differences.
//!
//! Method names read `<crate>_<type or driver>`: `dualdiff_DualVec8` is dualdiff's `gradient` with
//! `DualVec64<8>` (8 partials per pass), `num_dual_DualSVec10` num-dual's `gradient` with
//! `DualSVec64<10>`, `num_dual_Dual64_Dyn` num-dual's `Gradients` on a dynamic vector (one pass per
//! input with `Dual64`), `fd_central` dualdiff's central finite differences.
//!
//! Each library gets its fastest natural formulation of a problem, measured per method with
//! interleaved timing (`benches/peers.rs` and `examples/compare.rs`; a switch only where a form
//! was more than 5% faster):
//!
//! - dualdiff's slice `gradient` (`Dual64`, `DualVec64<4|8|16>`) and its `hessian` with
//!   `Dual2Vec64<N>` run the index loop [`rosenbrock_loop`] (10–20% faster than the fold); every
//!   other dualdiff method runs the fold [`rosenbrock`];
//! - num-dual's fixed-size `gradient` and its `Gradients` on `Dyn` (`Dual64`) run the copying
//!   index loop [`rosenbrock_nd_loop`]: against the cloning fold [`rosenbrock_nd`], 10–16% faster
//!   with `DualSVec64<10>`, 20–28% with `DualSVec64<100>`, 0–12% on `Dyn`;
//! - num-dual's heap-allocated `DualDVec64` and its `Dual2SVec64<10>` Hessian multiply through
//!   references, [`rosenbrock_nd_ref`] (15–20% and 7–8% faster); its `Dual2SVec64<2>` Hessian
//!   runs the copying loop (the `&` form was 9% slower), its `HyperDual64` Hessian on `Dyn` the
//!   fold (the forms tied);
//! - for Ackley the `for` loop beat the fold ([`problems::ackley_fold`], up to 2× slower for
//!   num-dual), and for Chebyquad the iterator loops beat or tied the index loops
//!   ([`problems::chebyquad_into_indexed`]), for both libraries.
//!
//! Inputs pass through `black_box` inside every timed closure, and every timed closure returns
//! its whole result (which the runner black-boxes), so nothing is constant-folded or skipped.

use super::problems::{self, ackley, ackley_nd, chebyquad, chebyquad_into, chebyquad_into_nd};
use super::problems::{composite, composite_nd, rosenbrock, rosenbrock_loop, rosenbrock_nd};
use super::problems::{rosenbrock_nd_loop, rosenbrock_nd_ref};
use super::problems::{small_system, small_system_nd};
use super::{Kind, Runner};
use dualdiff::{
    Dual2Vec64, Dual64, DualVec, DualVec64, HyperDual64, Real, ScalarFunction, derivative, finite,
    gradient, gradient_auto, gradient_fixed, gradient_into, hessian, hessian_fixed, hessian_into,
    hvp, hvp_into, jacobian, jacobian_fixed, jacobian_into, jvp, jvp_into,
};
use nalgebra::{DMatrix, DVector, Dyn, SVector};
use num_dual::{Dual2SVec64, DualDVec64, DualSVec64, Gradients};
use std::cell::RefCell;
use std::hint::black_box;

/// The sizes of the Rosenbrock gradient groups.
pub const ROSENBROCK_SIZES: [usize; 4] = [2, 10, 100, 1000];

/// The size of the Ackley groups.
pub const ACKLEY_N: usize = 10;

/// The size of the dense Jacobian group.
pub const CHEBYQUAD_N: usize = 64;

/// Flattens a matrix column by column.
fn flat(m: &DMatrix<f64>) -> Vec<f64> {
    m.as_slice().to_vec()
}

/// Asserts that the `Float` and the `DualNum` versions of a problem are the same function.
fn assert_same_function(case: &str, float: f64, dual_num: f64) {
    assert!(
        (float - dual_num).abs() <= 1e-12 * float.abs().max(1.0),
        "{case}: the Float and DualNum versions differ: {float} vs {dual_num}"
    );
}

// ---------------------------------------------------------------------------------------------
// 1. Real derivative.
// ---------------------------------------------------------------------------------------------

/// f'(x) of [`composite`] at `x = 0.7`.
pub fn scalar_derivative(r: &mut impl Runner) {
    let x = problems::COMPOSITE_X;
    assert_same_function("scalar_derivative", composite(x), composite_nd(x));
    r.primal("f64_primal", || composite(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::composite_analytic(black_box(x)),
        |(_, d)| vec![d],
    );
    r.run(
        "dualdiff_Dual64",
        Kind::Exact,
        || derivative(composite, black_box(x)),
        |(_, d)| vec![d],
    );
    r.run(
        "num_dual_Dual64",
        Kind::Exact,
        || num_dual::first_derivative(composite_nd, black_box(x)),
        |(_, d)| vec![d],
    );
    r.run(
        "fd_central",
        Kind::Finite,
        || finite::central(composite, black_box(x)),
        |d| vec![d],
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Rosenbrock gradient.
// ---------------------------------------------------------------------------------------------

/// ∇f of the extended Rosenbrock function in `n` variables.
pub fn rosenbrock_gradient(r: &mut impl Runner, n: usize) {
    let x = problems::rosenbrock_start(n);
    let x = x.as_slice();
    assert_same_function("rosenbrock_gradient", rosenbrock(x), rosenbrock_nd(x));
    r.primal("f64_primal", || rosenbrock(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::rosenbrock_gradient(black_box(x)),
        |(_, g)| g,
    );
    let exact = Kind::Exact;
    r.run(
        "dualdiff_Dual64",
        exact,
        || gradient(rosenbrock_loop::<Dual64>, black_box(x)),
        |(_, g)| g,
    );
    r.run(
        "dualdiff_DualVec4",
        exact,
        || gradient(rosenbrock_loop::<DualVec64<4>>, black_box(x)),
        |(_, g)| g,
    );
    r.run(
        "dualdiff_DualVec8",
        exact,
        || gradient(rosenbrock_loop::<DualVec64<8>>, black_box(x)),
        |(_, g)| g,
    );
    r.run(
        "dualdiff_DualVec16",
        exact,
        || gradient(rosenbrock_loop::<DualVec64<16>>, black_box(x)),
        |(_, g)| g,
    );
    r.run(
        "dualdiff_auto",
        exact,
        || gradient_auto(&Rosenbrock, black_box(x)),
        |(_, g)| g,
    );
    match n {
        2 => rosenbrock_dualdiff_fixed::<2>(r, x),
        10 => rosenbrock_dualdiff_fixed::<10>(r, x),
        _ => {}
    }
    // num-dual's `gradient` seeds all n partials in one pass; with a fixed size that is a dual of
    // n + 1 numbers on the stack (n ≤ 100 here: n = 1000 would put 8 MB on the stack).
    match n {
        2 => rosenbrock_num_dual_svec::<2>(r, x),
        10 => rosenbrock_num_dual_svec::<10>(r, x),
        100 => rosenbrock_num_dual_svec::<100>(r, x),
        _ => {}
    }
    if n >= 100 {
        // Past the fixed sizes: one heap-allocated dual of n partials, and `Gradients` on `Dyn`
        // (n passes of `Dual64`, like `dualdiff_Dual64`).
        let xd = DVector::from_column_slice(x);
        r.run(
            "num_dual_DualDVec",
            exact,
            || {
                num_dual::gradient(
                    |v: DVector<DualDVec64>| rosenbrock_nd_ref(v.as_slice()),
                    black_box(&xd),
                )
            },
            |(_, g)| g.as_slice().to_vec(),
        );
        r.run(
            "num_dual_Dual64_Dyn",
            exact,
            || {
                <Dyn as Gradients>::gradient(
                    |v: DVector<num_dual::Dual64>, _: &()| rosenbrock_nd_loop(v.as_slice()),
                    black_box(&xd),
                    &(),
                )
            },
            |(_, g)| g.as_slice().to_vec(),
        );
    }
    r.run(
        "fd_central",
        Kind::Finite,
        || finite::gradient_central(rosenbrock::<f64>, black_box(x)),
        |g| g,
    );
}

/// [`rosenbrock`] as a [`ScalarFunction`], for `gradient_auto`.
struct Rosenbrock;

impl<T: Real> ScalarFunction<T> for Rosenbrock {
    fn eval<D: Real + From<T>>(&self, x: &[D]) -> D {
        rosenbrock(x)
    }
}

/// dualdiff's stack-only `gradient_fixed`: one pass of `DualVec64<N>`.
fn rosenbrock_dualdiff_fixed<const N: usize>(r: &mut impl Runner, x: &[f64]) {
    let xs = SVector::<f64, N>::from_column_slice(x);
    r.run(
        &format!("dualdiff_fixed_DualVec{N}"),
        Kind::Exact,
        || {
            gradient_fixed(
                |v: &SVector<DualVec64<N>, N>| rosenbrock(v.as_slice()),
                black_box(&xs),
            )
        },
        |(_, g)| g.as_slice().to_vec(),
    );
}

fn rosenbrock_num_dual_svec<const N: usize>(r: &mut impl Runner, x: &[f64]) {
    let xs = SVector::<f64, N>::from_column_slice(x);
    r.run(
        &format!("num_dual_DualSVec{N}"),
        Kind::Exact,
        || {
            num_dual::gradient(
                |v: SVector<DualSVec64<N>, N>| rosenbrock_nd_loop(v.as_slice()),
                black_box(&xs),
            )
        },
        |(_, g)| g.as_slice().to_vec(),
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Ackley gradient and Hessian (n = 10).
// ---------------------------------------------------------------------------------------------

/// ∇f of Ackley in [`ACKLEY_N`] variables.
pub fn ackley_gradient(r: &mut impl Runner) {
    const N: usize = ACKLEY_N;
    let x = problems::ackley_start(N);
    let x = x.as_slice();
    assert_same_function("ackley_gradient", ackley(x), ackley_nd(x));
    r.primal("f64_primal", || ackley(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::ackley_gradient(black_box(x)),
        |(_, g)| g,
    );
    let exact = Kind::Exact;
    r.run(
        "dualdiff_Dual64",
        exact,
        || gradient(ackley::<Dual64>, black_box(x)),
        |(_, g)| g,
    );
    r.run(
        "dualdiff_DualVec4",
        exact,
        || gradient(ackley::<DualVec64<4>>, black_box(x)),
        |(_, g)| g,
    );
    r.run(
        "dualdiff_DualVec8",
        exact,
        || gradient(ackley::<DualVec64<8>>, black_box(x)),
        |(_, g)| g,
    );
    r.run(
        "dualdiff_DualVec16",
        exact,
        || gradient(ackley::<DualVec64<16>>, black_box(x)),
        |(_, g)| g,
    );
    let xs = SVector::<f64, N>::from_column_slice(x);
    r.run(
        "num_dual_DualSVec10",
        exact,
        || {
            num_dual::gradient(
                |v: SVector<DualSVec64<N>, N>| ackley_nd(v.as_slice()),
                black_box(&xs),
            )
        },
        |(_, g)| g.as_slice().to_vec(),
    );
    r.run(
        "fd_central",
        Kind::Finite,
        || finite::gradient_central(ackley::<f64>, black_box(x)),
        |g| g,
    );
}

/// ∇²f of Ackley in [`ACKLEY_N`] variables.
pub fn ackley_hessian(r: &mut impl Runner) {
    const N: usize = ACKLEY_N;
    let x = problems::ackley_start(N);
    let x = x.as_slice();
    assert_same_function("ackley_hessian", ackley(x), ackley_nd(x));
    r.primal("f64_primal", || ackley(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::ackley_hessian(black_box(x)),
        |(_, _, h)| flat(&h),
    );
    r.run(
        "dualdiff_HyperDual64",
        Kind::Exact,
        || hessian(ackley::<HyperDual64>, black_box(x)),
        |(_, _, h)| flat(&h),
    );
    r.run(
        "dualdiff_Dual2Vec10",
        Kind::Exact,
        || hessian(ackley::<Dual2Vec64<N>>, black_box(x)),
        |(_, _, h)| flat(&h),
    );
    let xs = SVector::<f64, N>::from_column_slice(x);
    r.run(
        "dualdiff_fixed_Dual2Vec10",
        Kind::Exact,
        || {
            hessian_fixed(
                |v: &SVector<Dual2Vec64<N>, N>| ackley(v.as_slice()),
                black_box(&xs),
            )
        },
        |(_, _, h)| h.as_slice().to_vec(),
    );
    r.run(
        "dualdiff_nested_DualVec10",
        Kind::Exact,
        || {
            jacobian(
                |y: &[DualVec64<N>]| gradient(ackley::<DualVec<DualVec64<N>, N>>, y).1,
                black_box(x),
            )
        },
        |(_, h)| flat(&h),
    );
    let xs = SVector::<f64, N>::from_column_slice(x);
    r.run(
        "num_dual_Dual2SVec10",
        Kind::Exact,
        || {
            num_dual::hessian(
                |v: SVector<Dual2SVec64<N>, N>| ackley_nd(v.as_slice()),
                black_box(&xs),
            )
        },
        |(_, _, h)| h.as_slice().to_vec(),
    );
    let xd = DVector::from_column_slice(x);
    r.run(
        "num_dual_HyperDual64_Dyn",
        Kind::Exact,
        || {
            <Dyn as Gradients>::hessian(
                |v: DVector<num_dual::HyperDual64>, _: &()| ackley_nd(v.as_slice()),
                black_box(&xd),
                &(),
            )
        },
        |(_, _, h)| flat(&h),
    );
    r.run(
        "fd_central_of_analytic_gradient",
        Kind::Finite,
        || finite::jacobian_central(|v: &[f64]| problems::ackley_gradient(v).1, black_box(x)),
        |h| flat(&h),
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Rosenbrock Hessian (n = 2 and n = 10).
// ---------------------------------------------------------------------------------------------

/// ∇²f of the extended Rosenbrock function in `N` variables.
pub fn rosenbrock_hessian<const N: usize>(r: &mut impl Runner) {
    let x = problems::rosenbrock_start(N);
    let x = x.as_slice();
    assert_same_function("rosenbrock_hessian", rosenbrock(x), rosenbrock_nd(x));
    r.primal("f64_primal", || rosenbrock(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::rosenbrock_hessian(black_box(x)),
        |(_, _, h)| flat(&h),
    );
    r.run(
        "dualdiff_HyperDual64",
        Kind::Exact,
        || hessian(rosenbrock::<HyperDual64>, black_box(x)),
        |(_, _, h)| flat(&h),
    );
    r.run(
        &format!("dualdiff_Dual2Vec{N}"),
        Kind::Exact,
        || hessian(rosenbrock_loop::<Dual2Vec64<N>>, black_box(x)),
        |(_, _, h)| flat(&h),
    );
    let xs = SVector::<f64, N>::from_column_slice(x);
    r.run(
        &format!("dualdiff_fixed_Dual2Vec{N}"),
        Kind::Exact,
        || {
            hessian_fixed(
                |v: &SVector<Dual2Vec64<N>, N>| rosenbrock(v.as_slice()),
                black_box(&xs),
            )
        },
        |(_, _, h)| h.as_slice().to_vec(),
    );
    r.run(
        &format!("dualdiff_nested_DualVec{N}"),
        Kind::Exact,
        || {
            jacobian(
                |y: &[DualVec64<N>]| gradient(rosenbrock::<DualVec<DualVec64<N>, N>>, y).1,
                black_box(x),
            )
        },
        |(_, h)| flat(&h),
    );
    let xs = SVector::<f64, N>::from_column_slice(x);
    r.run(
        &format!("num_dual_Dual2SVec{N}"),
        Kind::Exact,
        || {
            // num-dual's faster form depends on the size (interleaved timing): at n = 2 the
            // copying loop (the `&` form was 9% slower), at n = 10 the `&` form (8% faster). `N`
            // is a constant, so the branch is resolved at compile time.
            num_dual::hessian(
                |v: SVector<Dual2SVec64<N>, N>| {
                    if N <= 2 {
                        rosenbrock_nd_loop(v.as_slice())
                    } else {
                        rosenbrock_nd_ref(v.as_slice())
                    }
                },
                black_box(&xs),
            )
        },
        |(_, _, h)| h.as_slice().to_vec(),
    );
    let xd = DVector::from_column_slice(x);
    r.run(
        "num_dual_HyperDual64_Dyn",
        Kind::Exact,
        || {
            <Dyn as Gradients>::hessian(
                |v: DVector<num_dual::HyperDual64>, _: &()| rosenbrock_nd(v.as_slice()),
                black_box(&xd),
                &(),
            )
        },
        |(_, _, h)| flat(&h),
    );
    r.run(
        "fd_central_of_analytic_gradient",
        Kind::Finite,
        || finite::jacobian_central(|v: &[f64]| problems::rosenbrock_gradient(v).1, black_box(x)),
        |h| flat(&h),
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Jacobians.
// ---------------------------------------------------------------------------------------------

/// J of the small system R³ → R².
pub fn small_jacobian(r: &mut impl Runner) {
    let x = problems::SMALL_X;
    let x = x.as_slice();
    assert_same_function("small_jacobian", small_system(x)[0], small_system_nd(x)[0]);
    assert_same_function("small_jacobian", small_system(x)[1], small_system_nd(x)[1]);
    r.primal("f64_primal", || small_system(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::small_system_jacobian(black_box(x)),
        |(_, j)| flat(&j),
    );
    let exact = Kind::Exact;
    r.run(
        "dualdiff_Dual64",
        exact,
        || jacobian(small_system::<Dual64>, black_box(x)),
        |(_, j)| flat(&j),
    );
    r.run(
        "dualdiff_DualVec3",
        exact,
        || jacobian(small_system::<DualVec64<3>>, black_box(x)),
        |(_, j)| flat(&j),
    );
    let xs = SVector::<f64, 3>::from_column_slice(x);
    r.run(
        "dualdiff_fixed_DualVec3",
        exact,
        || {
            jacobian_fixed(
                |v: &SVector<DualVec64<3>, 3>| {
                    let mut out = [DualVec64::<3>::default(); 2];
                    problems::small_system_into(v.as_slice(), &mut out);
                    SVector::from(out)
                },
                black_box(&xs),
            )
        },
        |(_, j)| j.as_slice().to_vec(),
    );
    r.run(
        "num_dual_DualSVec3",
        exact,
        || {
            num_dual::jacobian(
                |v: SVector<DualSVec64<3>, 3>| SVector::from(small_system_nd(v.as_slice())),
                black_box(&xs),
            )
        },
        |(_, j)| j.as_slice().to_vec(),
    );
    r.run(
        "fd_central",
        Kind::Finite,
        || finite::jacobian_central(small_system::<f64>, black_box(x)),
        |j| flat(&j),
    );
}

/// J of Chebyquad with m = n = [`CHEBYQUAD_N`]: dense.
pub fn chebyquad_jacobian(r: &mut impl Runner) {
    const N: usize = CHEBYQUAD_N;
    let x = problems::chebyquad_start(N);
    let x = x.as_slice();
    let mut nd = [0.0; N];
    chebyquad_into_nd(x, &mut nd);
    for (a, b) in chebyquad(x).iter().zip(&nd) {
        assert_same_function("chebyquad_jacobian", *a, *b);
    }
    r.primal("f64_primal", || chebyquad(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::chebyquad_jacobian(black_box(x)),
        |(_, j)| flat(&j),
    );
    let exact = Kind::Exact;
    r.run(
        "dualdiff_Dual64",
        exact,
        || jacobian(chebyquad::<Dual64>, black_box(x)),
        |(_, j)| flat(&j),
    );
    r.run(
        "dualdiff_DualVec4",
        exact,
        || jacobian(chebyquad::<DualVec64<4>>, black_box(x)),
        |(_, j)| flat(&j),
    );
    r.run(
        "dualdiff_DualVec8",
        exact,
        || jacobian(chebyquad::<DualVec64<8>>, black_box(x)),
        |(_, j)| flat(&j),
    );
    r.run(
        "dualdiff_DualVec16",
        exact,
        || jacobian(chebyquad::<DualVec64<16>>, black_box(x)),
        |(_, j)| flat(&j),
    );
    let xs = SVector::<f64, N>::from_column_slice(x);
    r.run(
        "num_dual_DualSVec64",
        exact,
        || {
            num_dual::jacobian(
                |v: SVector<DualSVec64<N>, N>| {
                    let mut out = SVector::<DualSVec64<N>, N>::zeros();
                    chebyquad_into_nd(v.as_slice(), out.as_mut_slice());
                    out
                },
                black_box(&xs),
            )
        },
        |(_, j)| j.as_slice().to_vec(),
    );
    r.run(
        "fd_central",
        Kind::Finite,
        || finite::jacobian_central(chebyquad::<f64>, black_box(x)),
        |j| flat(&j),
    );
}

// ---------------------------------------------------------------------------------------------
// 6. Allocating drivers against their `_into` twins (buffers allocated once, outside the loop).
// ---------------------------------------------------------------------------------------------

/// `gradient` against `gradient_into`: Rosenbrock, n = 100, `DualVec64<8>`.
pub fn gradient_forms(r: &mut impl Runner) {
    type D = DualVec64<8>;
    let x = problems::rosenbrock_start(100);
    let x = x.as_slice();
    r.primal("f64_primal", || rosenbrock(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::rosenbrock_gradient(black_box(x)),
        |(_, g)| g,
    );
    r.run(
        "gradient",
        Kind::Exact,
        || gradient(rosenbrock::<D>, black_box(x)),
        |(_, g)| g,
    );
    let work = RefCell::new(vec![D::default(); x.len()]);
    let grad = RefCell::new(vec![0.0; x.len()]);
    r.run(
        "gradient_into",
        Kind::Exact,
        || {
            let (mut w, mut g) = (work.borrow_mut(), grad.borrow_mut());
            gradient_into(rosenbrock::<D>, black_box(x), &mut w, &mut g)
        },
        |_| grad.borrow().clone(),
    );
}

/// `jacobian` against `jacobian_into`: Chebyquad, n = 64, `DualVec64<8>`.
pub fn jacobian_forms(r: &mut impl Runner) {
    type D = DualVec64<8>;
    let x = problems::chebyquad_start(CHEBYQUAD_N);
    let x = x.as_slice();
    let n = x.len();
    r.primal("f64_primal", || chebyquad(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::chebyquad_jacobian(black_box(x)),
        |(_, j)| flat(&j),
    );
    r.run(
        "jacobian",
        Kind::Exact,
        || jacobian(chebyquad::<D>, black_box(x)),
        |(_, j)| flat(&j),
    );
    let work = RefCell::new(vec![D::default(); n]);
    let out = RefCell::new(vec![D::default(); n]);
    let values = RefCell::new(vec![0.0; n]);
    let jac = RefCell::new(DMatrix::zeros(n, n));
    r.run(
        "jacobian_into",
        Kind::Exact,
        || {
            let (mut w, mut o) = (work.borrow_mut(), out.borrow_mut());
            let (mut v, mut j) = (values.borrow_mut(), jac.borrow_mut());
            jacobian_into(
                chebyquad_into::<D>,
                black_box(x),
                &mut w,
                &mut o,
                &mut v,
                &mut j,
            );
        },
        |()| flat(&jac.borrow()),
    );
}

/// `hessian` against `hessian_into`: Ackley, n = 10.
pub fn hessian_forms(r: &mut impl Runner) {
    let x = problems::ackley_start(ACKLEY_N);
    let x = x.as_slice();
    let n = x.len();
    r.primal("f64_primal", || ackley(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::ackley_hessian(black_box(x)),
        |(_, _, h)| flat(&h),
    );
    r.run(
        "hessian",
        Kind::Exact,
        || hessian(ackley::<HyperDual64>, black_box(x)),
        |(_, _, h)| flat(&h),
    );
    let work = RefCell::new(vec![HyperDual64::default(); n]);
    let grad = RefCell::new(vec![0.0; n]);
    let hess = RefCell::new(DMatrix::zeros(n, n));
    r.run(
        "hessian_into",
        Kind::Exact,
        || {
            let (mut w, mut g, mut h) = (work.borrow_mut(), grad.borrow_mut(), hess.borrow_mut());
            hessian_into(ackley::<HyperDual64>, black_box(x), &mut w, &mut g, &mut h)
        },
        |_| flat(&hess.borrow()),
    );
}

/// `jvp` against `jvp_into`: Chebyquad, n = 64.
pub fn jvp_forms(r: &mut impl Runner) {
    let x = problems::chebyquad_start(CHEBYQUAD_N);
    let (x, v) = (x.as_slice(), problems::direction(CHEBYQUAD_N));
    let n = x.len();
    r.primal("f64_primal", || chebyquad(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::chebyquad_jvp(black_box(x), black_box(&v)),
        |(_, jv)| jv,
    );
    r.run(
        "jvp",
        Kind::Exact,
        || jvp(chebyquad::<Dual64>, black_box(x), black_box(&v)),
        |(_, jv)| jv,
    );
    let work = RefCell::new(vec![Dual64::default(); n]);
    let out = RefCell::new(vec![Dual64::default(); n]);
    let values = RefCell::new(vec![0.0; n]);
    let jv = RefCell::new(vec![0.0; n]);
    r.run(
        "jvp_into",
        Kind::Exact,
        || {
            let (mut w, mut o) = (work.borrow_mut(), out.borrow_mut());
            let (mut val, mut d) = (values.borrow_mut(), jv.borrow_mut());
            jvp_into(
                chebyquad_into::<Dual64>,
                black_box(x),
                black_box(&v),
                &mut w,
                &mut o,
                &mut val,
                &mut d,
            );
        },
        |()| jv.borrow().clone(),
    );
}

/// `hvp` against `hvp_into`: Ackley, n = 10.
pub fn hvp_forms(r: &mut impl Runner) {
    let x = problems::ackley_start(ACKLEY_N);
    let (x, v) = (x.as_slice(), problems::direction(ACKLEY_N));
    let n = x.len();
    r.primal("f64_primal", || ackley(black_box(x)));
    r.run(
        "analytic",
        Kind::Analytic,
        || problems::ackley_hvp(black_box(x), black_box(&v)),
        |(_, hv)| hv,
    );
    r.run(
        "hvp",
        Kind::Exact,
        || hvp(ackley::<HyperDual64>, black_box(x), black_box(&v)),
        |(_, hv)| hv,
    );
    let work = RefCell::new(vec![HyperDual64::default(); n]);
    let hv = RefCell::new(vec![0.0; n]);
    r.run(
        "hvp_into",
        Kind::Exact,
        || {
            let (mut w, mut d) = (work.borrow_mut(), hv.borrow_mut());
            hvp_into(
                ackley::<HyperDual64>,
                black_box(x),
                black_box(&v),
                &mut w,
                &mut d,
            )
        },
        |_| hv.borrow().clone(),
    );
}
