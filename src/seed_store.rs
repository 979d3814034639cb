//! Seeds written in whole 16-byte stores: the one module of the crate with `unsafe` blocks.
//!
//! `gradient_fixed`, `jacobian_fixed` and `vjp_fixed` hand the user's function a reference to
//! `N` seeded `DualVec<f64, N>`s in memory. Built the plain way, each seed is written with
//! 8-byte stores (the value comes from a scalar load, the partials are constants), and a
//! function that is not inlined into the driver copies them 16 bytes at a time: a load spanning
//! two smaller stores cannot be forwarded from the store buffer and waits until both reach the
//! cache. On the 3 → 2 Jacobian of the peers benchmark (`benches/peers.rs`), whose function the
//! compiler does not inline, that was a quarter of the time: 70 ns before, 53 ns after (the
//! figures and how they were measured are in BENCHMARKS.md).
//!
//! Here each seed is written as pairs `(re, ε₀), (ε₁, ε₂), …` with one SSE2 16-byte store per
//! pair, so every 16-byte load of the callee meets exactly one store. Only `f64` on x86-64 with
//! SSE2 (every hosted x86-64 target) takes this path; the values written are
//! `DualVec::variable`'s, bit for bit. The test `fixed_drivers_seed_unit_partials`
//! (tests/fixed_size.rs) checks them at odd and even widths, and passes under Miri:
//! `cargo +nightly miri test --no-default-features --features std,nalgebra --test fixed_size
//! -- fixed_drivers_seed_unit_partials`.

use crate::{DualVec, Real};
use nalgebra::SVector;

/// Returns the `N` inputs seeded for one pass: input `i` carries unit partial `i`.
#[inline]
pub(crate) fn seeded<T: Real, const N: usize>(x: &SVector<T, N>) -> SVector<DualVec<T, N>, N> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if core::any::TypeId::of::<T>() == core::any::TypeId::of::<f64>() {
        // SAFETY: `T` is `f64`, checked just above (`Real: 'static`, so the type ids compare
        // the types themselves).
        #[allow(unsafe_code, reason = "the precondition is checked on the line above")]
        return unsafe { seeded_in_pairs(x) };
    }
    SVector::from_fn(|i, _| DualVec::variable(x[i], i))
}

/// [`seeded`] for `T = f64`, one 16-byte store per pair of scalars of each seed.
///
/// # Safety
/// `T` must be `f64`.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[allow(
    unsafe_code,
    reason = "vector stores of the seeds; the benchmark and the argument are in the module docs"
)]
#[inline]
unsafe fn seeded_in_pairs<T: Real, const N: usize>(x: &SVector<T, N>) -> SVector<DualVec<T, N>, N> {
    use core::arch::x86_64::{_mm_set_pd, _mm_storeu_pd};
    use core::mem::MaybeUninit;
    debug_assert_eq!(core::any::TypeId::of::<T>(), core::any::TypeId::of::<f64>());
    let mut seeds = MaybeUninit::<[DualVec<T, N>; N]>::uninit();
    let out: *mut f64 = seeds.as_mut_ptr().cast();
    let x: *const f64 = x.as_ptr().cast();
    for i in 0..N {
        // Scalar `j` of seed `i` laid out flat: the value, then the partials.
        let scalar = |j: usize| match j {
            // SAFETY: `x` points at the `N` scalars of an `SVector<T, N>` (contiguous), `T` is
            // `f64` (this function's precondition), and `i < N`.
            0 => unsafe { x.add(i).read() },
            j if j == i + 1 => 1.0,
            _ => 0.0,
        };
        let seed = i * (N + 1);
        let mut j = 0;
        while j < N + 1 {
            if j + 1 < N + 1 {
                // SAFETY: `seeds` is an array of `N` `DualVec<f64, N>`s, each `repr(C)` with
                // fields `re: f64` and `eps: [f64; N]`: `N + 1` `f64`s with no padding. So `out`
                // is valid for writes of `N (N + 1)` `f64`s, and scalars `seed + j` and
                // `seed + j + 1` are among them. `_mm_storeu_pd` needs no alignment, and this
                // function is compiled only where the target has SSE2.
                unsafe { _mm_storeu_pd(out.add(seed + j), _mm_set_pd(scalar(j + 1), scalar(j))) };
            } else {
                // SAFETY: as above, for the one scalar `seed + j` left when `N + 1` is odd.
                unsafe { out.add(seed + j).write(scalar(j)) };
            }
            j += 2;
        }
    }
    // SAFETY: the loops wrote every one of the `N (N + 1)` scalars, and every bit pattern is an
    // `f64`, so every field of every seed is initialised.
    SVector::from(unsafe { seeds.assume_init() })
}
