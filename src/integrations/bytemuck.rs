//! bytemuck integration (feature `bytemuck`): every number type over a `Pod` scalar is `Pod` and
//! `Zeroable`, so slices of dual numbers cast to and from slices of their scalar (or bytes)
//! without copying.
//!
//! The layouts, each `#[repr(C)]` in its type's file, are the parts in declaration order:
//!
//! | type | layout | size |
//! |---|---|---|
//! | `Dual<T>` | `re, eps` | `2·size_of::<T>()` |
//! | `DualVec<T, N>` | `re, eps[0..N]` | `(1 + N)·size_of::<T>()` |
//! | `HyperDual<T>` | `re, e1, e2, e12` | `4·size_of::<T>()` |
//! | `Dual2Vec<T, N>` | `re, grad[0..N]`, then the `N×N` second-partial store row by row | `(1 + N + N²)·size_of::<T>()` |
//! | `Taylor<T, K>` | `re, coeffs[0..K]` | `(1 + K)·size_of::<T>()` |
//!
//! `Dual2Vec` keeps only the upper triangle (`j ≥ i`) of its store meaningful; the entries below
//! the diagonal are zero in every number built by the constructors and are never read, so bytes
//! written there through a cast are ignored.
//!
//! Nested types are `Pod` too (`Dual<Dual<f64>>` is four `f64`s).
//!
//! ```
//! use dualdiff::Dual64;
//!
//! let xs = [Dual64::new(1.0, 2.0), Dual64::new(3.0, 4.0)];
//! let flat: &[f64] = bytemuck::cast_slice(&xs);
//! assert_eq!(flat, [1.0, 2.0, 3.0, 4.0]);
//! ```
//!
//! # Safety
//! This module is the one place the crate writes `unsafe` for a marker trait, through
//! [`impl_bytemuck!`], which a type's `number_type!` line invokes. The argument, for every type
//! it is invoked on:
//! - `Zeroable` asks only that all-zero bits be a valid value. Every field of a number type is a
//!   `T` or an array (or array of arrays) of `T`, and `T: Zeroable` makes all-zero bits a valid
//!   `T`, hence a valid value of each field and of the struct (the constant 0; for `Dual2Vec` with
//!   the zero lower triangle that the constructors also produce).
//! - `Pod` asks for no padding, no invalid bit patterns, no pointers or interior mutability, and
//!   `Copy + 'static`. The struct is `#[repr(C)]` and every field is a `T` or (nested) arrays of
//!   `T`. Arrays have the alignment of `T` and no padding, and `size_of::<T>()` is a multiple of
//!   `align_of::<T>()`, so in `repr(C)` each field starts where the previous one ends and the
//!   size, a whole number of `T`s, needs no tail padding: the bytes are consecutive `T`s, each
//!   valid for every bit pattern because `T: Pod` (which also rules out pointers and interior
//!   mutability). No invariant of any type rests on a bit pattern (the unused lower triangle of
//!   `Dual2Vec` is never read). The type is `Copy + 'static` when `T: Pod` is.
//!
//! The layout is checked at compile time for each type: the macro asserts that its size at
//! `T = f64` (and each length 3) is the number of scalars its invocation declares, so a field of
//! another type, or a lost `#[repr(C)]` that let the compiler add padding, fails the build.

/// Generates `Zeroable` and `Pod` for one number type (see the module's safety argument), with
/// the compile-time check that the type at `T = f64` and every length 3 is exactly `$scalars`
/// `f64`s (an expression in the lengths' names).
macro_rules! impl_bytemuck {
    ([T $(, $len:ident)*] $ty:ty, scalars: $scalars:expr) => {
        // SAFETY: see the module documentation of `integrations::bytemuck`: every field is a `T`
        // or (nested) arrays of `T` in a `#[repr(C)]` struct, checked below.
        #[allow(unsafe_code, reason = "bytemuck's marker traits are unsafe to implement")]
        unsafe impl<T: bytemuck::Zeroable $(, const $len: usize)*> bytemuck::Zeroable for $ty {}

        // SAFETY: as above; `T: Pod` makes every bit pattern of every field valid.
        #[allow(unsafe_code, reason = "bytemuck's marker traits are unsafe to implement")]
        unsafe impl<T: bytemuck::Pod $(, const $len: usize)*> bytemuck::Pod for $ty {}

        const _: () = {
            type T = f64;
            $(const $len: usize = 3;)*
            assert!(core::mem::size_of::<$ty>() == ($scalars) * core::mem::size_of::<f64>());
            assert!(core::mem::align_of::<$ty>() == core::mem::align_of::<f64>());
        };
    };
}

pub(crate) use impl_bytemuck;

#[cfg(test)]
mod tests {
    use crate::{Dual, Dual2Vec64, Dual64, DualVec64, HyperDual32, HyperDual64, Taylor64};
    use bytemuck::Zeroable;

    #[test]
    fn dual_slice_casts_to_scalars_and_back() {
        let xs = [
            Dual64::new(1.0, 2.0),
            Dual64::new(-0.0, f64::INFINITY),
            Dual64::new(5e-324, -3.5),
        ];
        let flat: &[f64] = bytemuck::cast_slice(&xs);
        assert_eq!(flat.len(), 6);
        assert_eq!(flat[..2], [1.0, 2.0]);
        assert_eq!(flat[2].to_bits(), (-0.0f64).to_bits());
        assert_eq!(flat[3], f64::INFINITY);
        assert_eq!(flat[4..], [5e-324, -3.5]);

        let back: &[Dual64] = bytemuck::cast_slice(flat);
        assert_eq!(back.len(), 3);
        for (b, x) in back.iter().zip(&xs) {
            assert_eq!(b.re.to_bits(), x.re.to_bits());
            assert_eq!(b.eps.to_bits(), x.eps.to_bits());
        }

        // An odd number of scalars is not a whole number of duals: an error, not a panic.
        assert!(bytemuck::try_cast_slice::<f64, Dual64>(&flat[..5]).is_err());
    }

    #[test]
    fn mutable_cast_writes_through() {
        let mut xs = [Dual64::new(1.0, 2.0); 2];
        let flat: &mut [f64] = bytemuck::cast_slice_mut(&mut xs);
        flat[3] = 7.0;
        assert_eq!(xs[1].eps, 7.0);
    }

    #[test]
    fn every_type_is_its_parts_in_order() {
        let v = DualVec64::<3>::new(1.0, [2.0, 3.0, 4.0]);
        assert_eq!(bytemuck::cast::<_, [f64; 4]>(v), [1.0, 2.0, 3.0, 4.0]);

        let h = HyperDual32::new(1.0, 2.0, 3.0, 4.0);
        assert_eq!(bytemuck::cast::<_, [f32; 4]>(h), [1.0, 2.0, 3.0, 4.0]);

        let nested = Dual::new(Dual64::new(1.0, 2.0), Dual64::new(3.0, 4.0));
        assert_eq!(bytemuck::cast::<_, [f64; 4]>(nested), [1.0, 2.0, 3.0, 4.0]);

        // The second-partial store is row-major; the constructor zeroes below the diagonal.
        let d = Dual2Vec64::<2>::new(1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]]);
        let parts = bytemuck::cast::<_, [f64; 7]>(d);
        assert_eq!(parts, [1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 6.0]);
        let back: Dual2Vec64<2> = bytemuck::cast(parts);
        assert_eq!(back.hessian(), [[4.0, 5.0], [5.0, 6.0]]);

        let t = Taylor64::<3>::new(1.0, [2.0, 3.0, 4.0]);
        assert_eq!(bytemuck::cast::<_, [f64; 4]>(t), [1.0, 2.0, 3.0, 4.0]);
        let series: &[Taylor64<1>] = bytemuck::cast_slice(&[1.0f64, 2.0, 3.0, 4.0]);
        assert_eq!((series[1].re, series[1].coeffs), (3.0, [4.0]));

        let bytes = bytemuck::bytes_of(&h);
        assert_eq!(bytes.len(), 16);
        assert_eq!(bytes[..4], 1.0f32.to_ne_bytes());
    }

    #[test]
    fn zeroed_is_the_constant_zero() {
        let h = HyperDual64::zeroed();
        assert_eq!((h.re, h.e1, h.e2, h.e12), (0.0, 0.0, 0.0, 0.0));
        let d = Dual2Vec64::<3>::zeroed();
        assert_eq!(d.re, 0.0);
        assert_eq!(d.grad, [0.0; 3]);
        assert_eq!(d.hessian(), [[0.0; 3]; 3]);
    }
}
