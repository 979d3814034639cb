//! Macros shared by the trait-plumbing modules.
// Not `forbid(unsafe_code)`: it would bind `bytemuck` and `simd`, whose trait impls need `unsafe`;
// every other integration forbids it itself.

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

#[cfg(feature = "bytemuck")]
pub(crate) mod bytemuck;
#[cfg(any(feature = "nalgebra", feature = "nalgebra_v0_34"))]
pub(crate) mod nalgebra;
pub(crate) mod num_traits;
#[cfg(feature = "serde")]
pub(crate) mod serde;
