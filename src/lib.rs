//! Forward-mode automatic differentiation with dual numbers.
//!
//! Write a numeric function once, generic over [`Float`](::num_traits::Float) (or nalgebra's
//! `RealField`), and evaluate it on a dual type instead of `f64`: the same evaluation returns
//! the value and its exact derivatives — no truncation error, no step size to tune.
//!
//! | type | carries | use it for |
//! |---|---|---|
//! | [`Dual<T>`] | value + one directional derivative | derivatives, `J·v`, gradients one entry per pass |
//! | [`DualVec<T, N>`] | value + `N` partials | gradients and Jacobians, `N` columns per pass |
//! | [`HyperDual<T>`] | value + two first + one mixed second derivative | second derivatives, `H·v` |
//! | [`Dual2Vec<T, N>`] | value + gradient + Hessian in `N` directions | whole Hessians in one pass |
//! | [`Taylor<T, K>`] | value + `K` Taylor coefficients | every derivative to order `K` in one pass |
//!
//! The types nest (`Dual<Dual<f64>>`, `HyperDual<Dual<f64>>`) for higher derivatives, and each
//! is a [`Float`](::num_traits::Float) and a [`Real`] itself, and (feature `nalgebra`, on by
//! default; `nalgebra_v0_34` for nalgebra 0.34) a `RealField`. The drivers [`derivative`],
//! [`second_derivative`], [`gradient`], [`jacobian`], [`jvp`], [`hessian`] and [`hvp`] seed the
//! inputs and read the results; each allocating driver has an allocation-free `_into` twin, and
//! [`jacobian_into_col_major`] and [`hessian_into_col_major`] write into any column-major
//! buffer. [`gradient_fixed`], [`jacobian_fixed`] and [`hessian_fixed`] work on
//! `nalgebra::SVector`s without touching the heap; [`gradient_auto`] and [`jacobian_auto`]
//! choose the chunk width; [`implicit_jacobian`] differentiates the solution of `F(x, p) = 0`;
//! [`taylor_derivatives`] gives every derivative to order `K`. The `sparse` module (feature
//! `sparse`, on by default) detects sparsity patterns, colors them and evaluates sparse
//! Jacobians and Hessians in `ceil(colors / width)` passes. [`finite`] holds finite
//! differences, the baseline and a checker for hand-written derivatives.
//!
//! ```
//! use dualdiff::{derivative, gradient, hessian, DualVec64, HyperDual64};
//! use num_traits::Float;
//!
//! fn rosenbrock<D: Float>(x: &[D]) -> D {
//!     let (one, hundred) = (D::one(), D::from(100.0).unwrap());
//!     (one - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
//! }
//!
//! // f'(x) of a scalar function
//! let (f, df) = derivative(|x| x.sin() * x.exp(), 0.5);
//! assert!((df - 0.5f64.exp() * (0.5f64.sin() + 0.5f64.cos())).abs() < 1e-15);
//!
//! // a gradient, two partials per pass
//! let (f, g) = gradient(rosenbrock::<DualVec64<2>>, &[1.0, 1.0]);
//! assert_eq!((f, g), (0.0, vec![0.0, 0.0]));
//!
//! // the Hessian at the minimum: [[802, −400], [−400, 200]]
//! let (_, _, h) = hessian(rosenbrock::<HyperDual64>, &[1.0, 1.0]);
//! assert_eq!(h[(0, 0)], 802.0);
//! assert_eq!(h[(0, 1)], -400.0);
//! ```
//!
//! # Conventions
//! Every number type follows these rules; [`edge_cases`] lists what they give at the hard points
//! of every elementary function, and the test suite checks every row of it on every type.
//!
//! 1. **The value part is the plain evaluation, bit for bit.** Generic code evaluated on any
//!    number type has the value part that the same code has on plain `T`.
//! 2. **Comparisons look at the value part only** (`==`, `<`, `max`, `min`, `clamp`), so
//!    generic code takes exactly the branches that the plain evaluation takes. `max`, `min` and
//!    `clamp` return the argument that `f64` would return (on a tie, `self`), derivative parts
//!    and all; a NaN argument is ignored as `f64::max` ignores it.
//! 3. **At a non-smooth point the sign bit decides**: `abs'(±0) = ±1` (one element of the
//!    subdifferential `[−1, 1]`), so `abs(x)²` has second derivative 2 at 0. A locally constant
//!    function (`floor`, `ceil`, `round`, `trunc`, `signum`, `div_euclid`) has derivative parts
//!    exactly 0, whatever its argument's, infinite ones included; a locally affine one scales
//!    its argument's parts by its slope, with no curvature term: `fract' = 1`, and `x % y` has
//!    `∂/∂x = 1`, `∂/∂y = −trunc(x/y)`.
//! 4. **Bad input behaves like `f64`**: outside a function's domain the value is NaN as `f64`
//!    gives it, and a value that is NaN has NaN in every derivative part; at a singular point
//!    the derivative is the infinite limit where there is one (`ln` and `sqrt` at 0, `asin` at
//!    1), NaN where there is none. Nothing panics, ever.
//! 5. **Structural zeros stay zero.** A derivative part that is exactly zero in every part (the
//!    part of a constant) stays zero through every elementary function and through division,
//!    even against an infinite slope, so an infinite slope never leaks into a direction the
//!    argument does not depend on: `sqrt(x) + c` has `∂/∂c = 0` at `x = 0`. `+`, `−` and `×` are
//!    IEEE arithmetic part by part (`∞ − ∞` has a NaN value and the difference of the
//!    operands' derivative parts).
//! 6. **Edge cases are right by construction**, not patched: `atan2(y, 0)`, `tanh(400)`,
//!    `powf(0, 1.5)` (a constant exponent takes the power rule) and `sqrt(0)` have the
//!    mathematically right derivatives.
//!
//! # Non-smooth functions
//! At a kink the derivative does not exist, and the conventions above return one fixed answer:
//! `abs'(±0) = ±1`, chosen by the sign bit, is one element of the subdifferential `[−1, 1]`, and
//! `max` and `min` carry the derivative parts of the argument they pick (`self` on a tie). For
//! a convex function that is a valid subgradient — never information about the whole
//! subdifferential.
//!
//! That is enough for subgradient descent, but subgradient descent is slow: with diminishing
//! steps its objective error falls like `O(1/√k)`, and its iterates never land on a kink — a
//! coordinate whose optimum is 0 keeps stepping across zero and is exactly 0 only by accident.
//!
//! For a composite objective `f(x) + λ‖x‖₁` with `f` smooth (the lasso, sparse regression,
//! compressed sensing), a proximal gradient method is the answer: a gradient step on `f` alone,
//! then the proximal map of `λ‖·‖₁`, soft-thresholding `sign(v)·max(|v| − λ/L, 0)`, which sets
//! every small coordinate to exactly 0. ISTA converges like `O(1/k)`, FISTA like `O(1/k²)` (and
//! linearly for a strongly convex `f`); only `∇f` is needed, which is what this crate computes —
//! write `f` once over `Float` and never differentiate through the `‖x‖₁` term. The example
//! `lasso` fits the diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004) at six
//! values of λ: ISTA and FISTA match scikit-learn's coordinate descent to about `5e-11` with its
//! exact zeros, while subgradient descent, given FISTA's budget of gradients, is still `2e-3`
//! off in the objective at the smallest λ and has no exact zero at any λ.
// Unsafe code: `[lints]` in Cargo.toml denies it, and every module forbids it except these.
// `seed_store.rs` is the one module with `unsafe` blocks: it writes the fixed-size drivers'
// seeds in 16-byte stores, which the peers benchmark shows pays (BENCHMARKS.md has the figures,
// the module its safety argument). The two integrations whose trait impls need it are
// `integrations/bytemuck.rs` (`unsafe impl` of its marker traits, with the safety argument) and
// `integrations/nalgebra.rs` (simba's `SimdValue`, which `RealField` requires, declares two
// `unsafe fn`s; the bodies are safe); the number types' files expand those two macros through
// their `number_type!` line. Nothing new can slip in without an `allow`, with its reason, in
// one of those three modules.
#![no_std]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[cfg(not(any(feature = "std", feature = "libm")))]
compile_error!("dualdiff needs the `std` feature or, without std, the `libm` feature");

mod chain;
mod drivers;
pub mod edge_cases;
pub mod finite;
mod functions;
mod integrations;
mod real;
mod seed_store;
#[cfg(feature = "sparse")]
pub mod sparse;
mod types;

/// The nalgebra (0.35) whose matrices the drivers return, so that `dualdiff::nalgebra::DMatrix`
/// names them without a dependency of your own.
pub use nalgebra;
/// nalgebra 0.34 (feature `nalgebra_v0_34`), of which every number type is then a `RealField`
/// too: name its matrices from here, as argmin-math and levenberg-marquardt use them.
#[cfg(feature = "nalgebra_v0_34")]
pub use nalgebra_v0_34;

pub use drivers::Seed;
#[cfg(feature = "alloc")]
pub use drivers::auto_width::{
    ScalarFunction, VectorFunction, auto_width, gradient_auto, jacobian_auto,
};
pub use drivers::first_order::{
    derivative, gradient_into, jacobian_into_col_major, jvp_into, vjp_into,
};
#[cfg(feature = "alloc")]
pub use drivers::first_order::{gradient, jacobian, jacobian_into, jvp, vjp};
pub use drivers::fixed_size::{gradient_fixed, hessian_fixed, jacobian_fixed, vjp_fixed};
#[cfg(feature = "alloc")]
pub use drivers::implicit::{ImplicitError, implicit_jacobian};
#[cfg(feature = "rayon")]
pub use drivers::parallel::{gradient_par, jacobian_par};
pub use drivers::second_order::{SecondOrder, hessian_into_col_major, hvp_into, second_derivative};
#[cfg(feature = "alloc")]
pub use drivers::second_order::{hessian, hessian_into, hvp};
pub use drivers::taylor::taylor_derivatives;
#[cfg(feature = "alloc")]
pub use drivers::taylor::taylor_directional;
#[cfg(feature = "argmin")]
pub use integrations::argmin::{ArgminParam, ArgminProblem};
#[cfg(feature = "levenberg-marquardt")]
pub use integrations::levenberg_marquardt::LeastSquares;
#[cfg(feature = "ndarray")]
pub use integrations::ndarray::{gradient_ndarray, hessian_ndarray, jacobian_ndarray};
pub use real::Real;
#[cfg(feature = "sparse")]
pub use sparse::{
    SparseHessian, SparseJacobian, SparseSecondOrder, Sparsity, SparsityTracer, hessian_sparsity,
    jacobian_sparsity, sparse_hessian, sparse_jacobian,
};
pub use types::dual::{Dual, Dual32, Dual64};
pub use types::dual_vec::{DualVec, DualVec32, DualVec64};
pub use types::dual2_vec::{Dual2Vec, Dual2Vec32, Dual2Vec64};
pub use types::hyperdual::{HyperDual, HyperDual32, HyperDual64};
pub use types::taylor::{Taylor, Taylor32, Taylor64};
