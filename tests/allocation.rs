//! The allocation-free drivers allocate nothing: a counting global allocator watches them.

use dualdiff::{
    Dual2Vec64, Dual64, DualVec64, HyperDual64, gradient_fixed, gradient_into, hessian_fixed,
    hessian_into, hessian_into_col_major, hvp_into, jacobian_fixed, jacobian_into,
    jacobian_into_col_major, jvp_into, vjp_into,
};
use nalgebra::{DMatrix, SVector, Vector3};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the allocations made by the current thread (tests run on several threads).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards every call unchanged to the system allocator; the counter is a const-initialised
// thread-local `Cell`, which neither allocates nor re-enters the allocator.
#[allow(
    unsafe_code,
    reason = "a GlobalAlloc impl is unsafe by definition; it only forwards"
)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which we pass on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout, via `alloc` above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Returns the number of allocations `run` makes on this thread.
fn allocations(run: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    run();
    ALLOCATIONS.with(Cell::get) - before
}

fn rosenbrock<T: num_traits::Float>(x: &[T]) -> T {
    let hundred = T::from(100.0).expect("100 is representable");
    x.windows(2).fold(T::zero(), |acc, w| {
        acc + (T::one() - w[0]).powi(2) + hundred * (w[1] - w[0] * w[0]).powi(2)
    })
}

#[test]
fn the_counter_sees_allocations() {
    assert!(allocations(|| drop(std::hint::black_box(vec![1.0; 10]))) >= 1);
}

#[test]
fn into_drivers_allocate_nothing() {
    let x = [0.5, -1.0, 2.0, 1.5, 0.25];
    let mut work = [DualVec64::<2>::default(); 5];
    let mut grad = [0.0; 5];
    let mut out = [DualVec64::<2>::default(); 4];
    let mut values = [0.0; 4];
    let mut jac = DMatrix::zeros(4, 5);
    let mut dual_work = [Dual64::default(); 5];
    let mut dual_out = [Dual64::default(); 4];
    let mut jv = [0.0; 4];
    let mut hyper_work = [HyperDual64::default(); 5];
    let mut hess = DMatrix::zeros(5, 5);
    let mut hv = [0.0; 5];
    let v = [1.0, 0.0, -1.0, 2.0, 0.5];
    let mut wj = [0.0; 5];

    let n = allocations(|| {
        gradient_into(rosenbrock::<DualVec64<2>>, &x, &mut work, &mut grad);
        jacobian_into(
            |x: &[DualVec64<2>], y: &mut [DualVec64<2>]| {
                for (yi, w) in y.iter_mut().zip(x.windows(2)) {
                    *yi = w[0] * w[1].sin();
                }
            },
            &x,
            &mut work,
            &mut out,
            &mut values,
            &mut jac,
        );
        jvp_into(
            |x: &[Dual64], y: &mut [Dual64]| {
                for (yi, w) in y.iter_mut().zip(x.windows(2)) {
                    *yi = w[0] * w[1].exp();
                }
            },
            &x,
            &v,
            &mut dual_work,
            &mut dual_out,
            &mut values,
            &mut jv,
        );
        hessian_into(
            rosenbrock::<HyperDual64>,
            &x,
            &mut hyper_work,
            &mut grad,
            &mut hess,
        );
        hvp_into(rosenbrock::<HyperDual64>, &x, &v, &mut hyper_work, &mut hv);
        vjp_into(
            |x: &[DualVec64<2>], y: &mut [DualVec64<2>]| {
                for (yi, w) in y.iter_mut().zip(x.windows(2)) {
                    *yi = w[0] * w[1];
                }
            },
            &x,
            &v[..4],
            &mut work,
            &mut out,
            &mut values,
            &mut wj,
        );
        let mut flat = [0.0; 20];
        jacobian_into_col_major(
            |x: &[DualVec64<2>], y: &mut [DualVec64<2>]| {
                for (yi, w) in y.iter_mut().zip(x.windows(2)) {
                    *yi = w[0] - w[1];
                }
            },
            &x,
            &mut work,
            &mut out,
            &mut values,
            &mut flat,
        );
        let mut flat_hess = [0.0; 25];
        hessian_into_col_major(
            rosenbrock::<HyperDual64>,
            &x,
            &mut hyper_work,
            &mut grad,
            &mut flat_hess,
        );
    });
    assert_eq!(n, 0, "the _into drivers allocated {n} times");
    // The buffers hold real results: ∂/∂x₅ of Rosenbrock is 200(x₅ − x₄²), and with
    // yᵢ = xᵢxᵢ₊₁ the first entry of wᵀJ is w₀x₁.
    assert_eq!(grad[4], 200.0 * (0.25 - 1.5 * 1.5));
    assert_eq!(wj[0], v[0] * x[1]);
}

#[test]
fn fixed_size_drivers_allocate_nothing() {
    let x = Vector3::new(0.5, -1.0, 2.0);
    let mut results = (0.0, Vector3::zeros(), 0.0);
    let n = allocations(|| {
        let (_, g) = gradient_fixed(|v: &SVector<DualVec64<3>, 3>| rosenbrock(v.as_slice()), &x);
        let (_, j) = jacobian_fixed(
            |v: &SVector<DualVec64<3>, 3>| Vector3::new(v[0] * v[1], v[1] * v[2], v[2].sin()),
            &x,
        );
        let (_, _, h) = hessian_fixed(|v: &SVector<Dual2Vec64<3>, 3>| rosenbrock(v.as_slice()), &x);
        results = (j[(0, 1)], g, h[(0, 0)]);
    });
    assert_eq!(n, 0, "the fixed-size drivers allocated {n} times");
    // ∂(x₀x₁)/∂x₁ = x₀; ∂²f/∂x₀² = 2 + 1200x₀² − 400x₁ for the first Rosenbrock term.
    assert_eq!(results.0, 0.5);
    assert_eq!(results.1[2], 200.0 * (2.0 - 1.0));
    assert_eq!(results.2, 2.0 + 1200.0 * 0.25 + 400.0);
}
