//! The integrations with the ecosystem's traits, one file per crate: num-traits (always), nalgebra
//! (`RealField`/`ComplexField` for 0.35 and 0.34), serde, bytemuck and ndarray. Each file holds
//! one macro that a type's `number_type!` line invokes, so the impls are written once for every
//! type. The solver adapters, argmin and levenberg-marquardt, sit beside them: they wrap a
//! function written once into the solver's problem traits.
//!
//! The two macros below are shared by the trait impls, which forward to the inherent methods;
//! [`jacobian_auto_col_major`] is shared by the two solver adapters.
// Not `forbid(unsafe_code)`: it would bind `bytemuck` and `nalgebra`, whose trait impls need
// `unsafe`; every other integration forbids it itself.

/// Forwards trait methods that take `self` by value to the inherent methods of the same name.
macro_rules! forward {
    ($($name:ident($($arg:ident: $argty:ty),*) -> $ret:ty;)*) => {
        $(
            #[inline]
            fn $name(self, $($arg: $argty),*) -> $ret {
                Self::$name(self, $($arg),*)
            }
        )*
    };
}

pub(crate) use forward;

/// Defines constant-valued trait methods: the value from `T`, every derivative part zero.
macro_rules! constants {
    ($($name:ident),*) => {
        $(
            #[inline]
            fn $name() -> Self {
                Self::constant(T::$name())
            }
        )*
    };
}

pub(crate) use constants;

#[cfg(feature = "argmin")]
pub(crate) mod argmin;
#[cfg(feature = "bytemuck")]
pub(crate) mod bytemuck;
#[cfg(feature = "levenberg-marquardt")]
pub(crate) mod levenberg_marquardt;
#[cfg(any(feature = "nalgebra", feature = "nalgebra_v0_34"))]
pub(crate) mod nalgebra;
#[cfg(feature = "ndarray")]
pub(crate) mod ndarray;
pub(crate) mod num_traits;
#[cfg(feature = "serde")]
pub(crate) mod serde;

/// Computes `f(x)` into `values` and the m×n Jacobian, column-major, into `jac` (m =
/// `values.len()`), with the chunk width [`auto_width`](crate::auto_width) chooses for `n`:
/// `ceil(n / width)` passes. Returns `Err(len)` if `f` returned `len` outputs instead of m (the
/// matrix is then unspecified), so that a solver adapter reports the mismatch instead of
/// panicking.
#[cfg(any(feature = "argmin", feature = "levenberg-marquardt"))]
pub(crate) fn jacobian_auto_col_major<T, F>(
    f: &F,
    x: &[T],
    values: &mut [T],
    jac: &mut [T],
) -> Result<(), usize>
where
    T: crate::Real,
    F: crate::VectorFunction<T>,
{
    use crate::{Dual, DualVec, Real, Seed, VectorFunction, auto_width, jacobian_into_col_major};
    use alloc::vec;

    /// One width: the seeded inputs and dual outputs as scratch, the outputs of a wrong length
    /// remembered rather than copied.
    fn with<T, D, F>(f: &F, x: &[T], values: &mut [T], jac: &mut [T]) -> Result<(), usize>
    where
        T: Real,
        D: Seed<Scalar = T> + Real + From<T>,
        F: VectorFunction<T>,
    {
        let mut work = vec![D::constant(T::zero()); x.len()];
        let mut out = vec![D::constant(T::zero()); values.len()];
        let mut wrong = None;
        let eval = |v: &[D], out: &mut [D]| {
            let y = f.eval(v);
            if y.len() == out.len() {
                out.copy_from_slice(&y);
            } else {
                wrong = Some(y.len());
            }
        };
        jacobian_into_col_major(eval, x, &mut work, &mut out, values, jac);
        wrong.map_or(Ok(()), Err)
    }

    match auto_width(x.len()) {
        1 => with::<T, Dual<T>, F>(f, x, values, jac),
        2 => with::<T, DualVec<T, 2>, F>(f, x, values, jac),
        4 => with::<T, DualVec<T, 4>, F>(f, x, values, jac),
        8 => with::<T, DualVec<T, 8>, F>(f, x, values, jac),
        _ => with::<T, DualVec<T, 16>, F>(f, x, values, jac),
    }
}
