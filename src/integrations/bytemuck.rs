//! bytemuck integration (feature `bytemuck`): every dual type over a `Pod` scalar is `Pod` and
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

use crate::{Dual, Dual2Vec, DualVec, HyperDual};
use bytemuck::{Pod, Zeroable};

// SAFETY: `Zeroable` asks only that the all-zero bit pattern be a valid value. Every field of
// `Dual<T>` is a `T`, and `T: Zeroable` makes all-zero bits a valid `T`, so all-zero bits are a
// valid `Dual<T>` (the value 0 with derivative part 0).
#[allow(
    unsafe_code,
    reason = "bytemuck's marker traits are unsafe to implement"
)]
unsafe impl<T: Zeroable> Zeroable for Dual<T> {}

// SAFETY: `Dual<T>` is `#[repr(C)]` with exactly two fields, both of type `T`. A type's size is
// a multiple of its alignment, so in `repr(C)` the second field starts right after the first
// (offset `size_of::<T>()`) and the struct ends right after it (size `2·size_of::<T>()`, a
// multiple of `align_of::<T>()`): there is no padding anywhere. Every bit pattern of the struct
// is then a pair of bit patterns of `T`, all valid because `T: Pod`; `T: Pod` also rules out
// pointers and interior mutability in the fields. `Dual<T>` is `Copy` and `'static` whenever
// `T: Pod` is, as `Pod` requires.
#[allow(
    unsafe_code,
    reason = "bytemuck's marker traits are unsafe to implement"
)]
unsafe impl<T: Pod> Pod for Dual<T> {}

// SAFETY: every field of `DualVec<T, N>` is a `T` or a `[T; N]`; with `T: Zeroable`, all-zero
// bits are a valid `T` and hence a valid `[T; N]`, so they are a valid `DualVec<T, N>`.
#[allow(
    unsafe_code,
    reason = "bytemuck's marker traits are unsafe to implement"
)]
unsafe impl<T: Zeroable, const N: usize> Zeroable for DualVec<T, N> {}

// SAFETY: `DualVec<T, N>` is `#[repr(C)]` with the fields `re: T` and `eps: [T; N]`. An array
// has the alignment of `T` and no padding (its size is `N·size_of::<T>()`), and `size_of::<T>()`
// is a multiple of `align_of::<T>()`, so `eps` starts at offset `size_of::<T>()` with no gap and
// the struct's size `(1 + N)·size_of::<T>()` needs no tail padding (for every `N`, 0 included).
// The bytes are therefore `1 + N` consecutive `T`s, each valid for every bit pattern because
// `T: Pod`, with no pointers or interior mutability. It is `Copy + 'static` when `T: Pod`.
#[allow(
    unsafe_code,
    reason = "bytemuck's marker traits are unsafe to implement"
)]
unsafe impl<T: Pod, const N: usize> Pod for DualVec<T, N> {}

// SAFETY: every field of `HyperDual<T>` is a `T`; with `T: Zeroable`, all-zero bits are a valid
// `T`, so they are a valid `HyperDual<T>`.
#[allow(
    unsafe_code,
    reason = "bytemuck's marker traits are unsafe to implement"
)]
unsafe impl<T: Zeroable> Zeroable for HyperDual<T> {}

// SAFETY: `HyperDual<T>` is `#[repr(C)]` with four fields, all of type `T`. As for `Dual<T>`,
// each field starts where the previous one ends (`size_of::<T>()` is a multiple of
// `align_of::<T>()`), and the size `4·size_of::<T>()` needs no tail padding: the bytes are four
// consecutive `T`s, each valid for every bit pattern because `T: Pod`, with no pointers or
// interior mutability. It is `Copy + 'static` when `T: Pod`.
#[allow(
    unsafe_code,
    reason = "bytemuck's marker traits are unsafe to implement"
)]
unsafe impl<T: Pod> Pod for HyperDual<T> {}

// SAFETY: every field of `Dual2Vec<T, N>` is a `T`, a `[T; N]` or a `[[T; N]; N]`; with
// `T: Zeroable`, all-zero bits are valid for each, so they are a valid `Dual2Vec<T, N>` (the
// constant 0, with the zero lower triangle that the constructors also produce).
#[allow(
    unsafe_code,
    reason = "bytemuck's marker traits are unsafe to implement"
)]
unsafe impl<T: Zeroable, const N: usize> Zeroable for Dual2Vec<T, N> {}

// SAFETY: `Dual2Vec<T, N>` is `#[repr(C)]` with the fields `re: T`, `grad: [T; N]` and
// `upper: [[T; N]; N]`. Arrays of `T` (and arrays of those) have the alignment of `T` and no
// padding, and every field's size is a multiple of `size_of::<T>()`, itself a multiple of
// `align_of::<T>()`; so each field starts where the previous one ends and the size
// `(1 + N + N²)·size_of::<T>()` needs no tail padding. The bytes are `1 + N + N²` consecutive
// `T`s, each valid for every bit pattern because `T: Pod`, with no pointers or interior
// mutability. No invariant of the type rests on the entries below the diagonal of `upper` (they
// are never read), so arbitrary bytes there are harmless. It is `Copy + 'static` when `T: Pod`.
#[allow(
    unsafe_code,
    reason = "bytemuck's marker traits are unsafe to implement"
)]
unsafe impl<T: Pod, const N: usize> Pod for Dual2Vec<T, N> {}

// The layouts the proofs above describe, checked on concrete instances: a field added to a
// type, or a lost `#[repr(C)]` that let the compiler add padding, fails the build here.
const _: () = {
    use core::mem::{align_of, size_of};
    assert!(size_of::<Dual<f64>>() == 2 * size_of::<f64>());
    assert!(size_of::<Dual<f32>>() == 2 * size_of::<f32>());
    assert!(size_of::<DualVec<f64, 0>>() == size_of::<f64>());
    assert!(size_of::<DualVec<f64, 3>>() == 4 * size_of::<f64>());
    assert!(size_of::<DualVec<f32, 5>>() == 6 * size_of::<f32>());
    assert!(size_of::<HyperDual<f64>>() == 4 * size_of::<f64>());
    assert!(size_of::<HyperDual<f32>>() == 4 * size_of::<f32>());
    assert!(size_of::<Dual2Vec<f64, 2>>() == 7 * size_of::<f64>());
    assert!(size_of::<Dual2Vec<f32, 3>>() == 13 * size_of::<f32>());
    assert!(size_of::<Dual<Dual<f64>>>() == 4 * size_of::<f64>());
    assert!(size_of::<HyperDual<DualVec<f32, 2>>>() == 12 * size_of::<f32>());
    assert!(align_of::<Dual<f64>>() == align_of::<f64>());
    assert!(align_of::<Dual2Vec<f32, 3>>() == align_of::<f32>());
};

#[cfg(test)]
mod tests {
    use crate::{Dual, Dual2Vec64, Dual64, DualVec64, HyperDual32, HyperDual64};
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
