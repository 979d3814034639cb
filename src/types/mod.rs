//! The number types: one file per type, each with its struct, constructors, products and chain
//! rule ([`Parts`](crate::chain::Parts), and [`Chain`](crate::chain::Chain) or its own
//! recurrences), and one [`number_type!`] line that gives it everything else.
//!
//! Adding a type means its file (struct, constructors, `Parts`, its rules, one `number_type!`
//! line) and a re-export in the crate root; no list of the types is kept anywhere else.
// No `forbid(unsafe_code)` here or in the type files: their `number_type!` lines expand
// bytemuck's and simba's unsafe trait items, written (with their safety arguments) in
// `integrations`. Cargo.toml's `[lints]` deny unsafe code everywhere else.

pub(crate) mod dual;
pub(crate) mod dual2_vec;
pub(crate) mod dual_vec;
pub(crate) mod hyperdual;
pub(crate) mod ops;
pub(crate) mod taylor;

/// Gives a number type everything that is written once for all of them: the functions the value
/// part decides, the smooth functions (`functions: chain`, through its [`Chain`] rule; `own` for
/// a type that writes them itself), the operators, `Real` and the num-traits, and behind their
/// features nalgebra's `RealField`/`ComplexField` (0.35 and 0.34), serde (from the listed fields:
/// see `integrations::serde::impl_serde!`), bytemuck (`scalars`: how many `T`s the struct
/// holds, an expression in its lengths, checked at compile time) and ndarray's `ScalarOperand`.
///
/// [`Chain`]: crate::chain::Chain
macro_rules! number_type {
    (
        $name:ident<T $(, $len:ident)*>,
        functions: $functions:ident,
        serde: $serde_name:literal {
            $($field:ident: $kind:ident $(($flen:ident))? = $get:expr),+ $(,)?
        } => $build:expr,
        scalars: $scalars:expr $(,)?
    ) => {
        $crate::functions::value::impl_value_functions!(
            [T: $crate::Real $(, const $len: usize)*] $name<T $(, $len)*>
        );
        $crate::types::number_type!(
            @functions $functions [T: $crate::Real $(, const $len: usize)*] $name<T $(, $len)*>
        );
        $crate::types::ops::impl_ops!([T: $crate::Real $(, const $len: usize)*] $name<T $(, $len)*>);
        $crate::integrations::num_traits::impl_num_traits!(
            [T: $crate::Real $(, const $len: usize)*] $name<T $(, $len)*>
        );
        #[cfg(any(feature = "nalgebra", feature = "nalgebra_v0_34"))]
        $crate::integrations::nalgebra::impl_nalgebra!(
            [T: $crate::Real $(, const $len: usize)*] $name<T $(, $len)*>
        );
        #[cfg(feature = "serde")]
        $crate::integrations::serde::impl_serde!(
            [T: $crate::Real $(, const $len: usize)*] $name<T $(, $len)*>,
            $serde_name { $($field: $kind $(($flen))? = $get),+ } => $build
        );
        #[cfg(feature = "bytemuck")]
        $crate::integrations::bytemuck::impl_bytemuck!(
            [T $(, $len)*] $name<T $(, $len)*>, scalars: $scalars
        );
        #[cfg(feature = "ndarray")]
        $crate::integrations::ndarray::impl_ndarray!(
            [T: $crate::Real $(, const $len: usize)*] $name<T $(, $len)*>
        );
    };

    (@functions chain [$($p:tt)*] $ty:ty) => {
        $crate::functions::smooth::impl_smooth_functions!([$($p)*] $ty);
    };
    (@functions own [$($p:tt)*] $ty:ty) => {};
}

pub(crate) use number_type;
