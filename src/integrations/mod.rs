//! The integrations with the ecosystem's traits, one file per crate: num-traits (always), nalgebra
//! (`RealField`/`ComplexField` for 0.35 and 0.34), serde and bytemuck. Each file holds one macro
//! that a type's `number_type!` line invokes, so the impls are written once for every type.
//!
//! The two macros below are shared by them: the trait impls forward to the inherent methods.
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

#[cfg(feature = "bytemuck")]
pub(crate) mod bytemuck;
#[cfg(any(feature = "nalgebra", feature = "nalgebra_v0_34"))]
pub(crate) mod nalgebra;
pub(crate) mod num_traits;
#[cfg(feature = "serde")]
pub(crate) mod serde;
