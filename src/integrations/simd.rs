//! simba's [`SimdValue`] for the dual types: each is a SIMD value of one lane, as nalgebra's
//! `RealField` requires.
//!
//! This is the one module, besides the `bytemuck` impls, that is not under
//! `#![forbid(unsafe_code)]`: simba declares `extract_unchecked` and `replace_unchecked` as
//! `unsafe fn`, and an implementation must repeat the signature. Their bodies below do nothing
//! unsafe (one lane, no indexing, no raw pointers), so every call is sound whatever the index.

use crate::{Dual, Dual2Vec, DualVec, HyperDual, Scalar};
use ::nalgebra::{RealField, SimdValue};

macro_rules! impl_simd_value {
    ([$($p:tt)*] $ty:ty) => {
        impl<$($p)*> SimdValue for $ty {
            const LANES: usize = 1;
            type Element = Self;
            type SimdBool = bool;

            #[inline]
            fn splat(val: Self) -> Self {
                val
            }

            #[inline]
            fn extract(&self, _: usize) -> Self {
                *self
            }

            // simba's signature is `unsafe fn`; the body does nothing unsafe (one lane, no
            // indexing), so it is sound for every `i`.
            #[allow(unsafe_code, reason = "the trait's signature; the body is safe")]
            #[inline]
            unsafe fn extract_unchecked(&self, _: usize) -> Self {
                *self
            }

            #[inline]
            fn replace(&mut self, _: usize, val: Self) {
                *self = val;
            }

            // As above: a safe body behind the signature simba requires.
            #[allow(unsafe_code, reason = "the trait's signature; the body is safe")]
            #[inline]
            unsafe fn replace_unchecked(&mut self, _: usize, val: Self) {
                *self = val;
            }

            #[inline]
            fn select(self, cond: bool, other: Self) -> Self {
                if cond { self } else { other }
            }
        }

    };
}

impl_simd_value!([T: Scalar + RealField] Dual<T>);
impl_simd_value!([T: Scalar + RealField, const N: usize] DualVec<T, N>);
impl_simd_value!([T: Scalar + RealField] HyperDual<T>);
impl_simd_value!([T: Scalar + RealField, const N: usize] Dual2Vec<T, N>);
