//! Operators for every number type: each rule is written once on owned values (the type's
//! [`Parts`]); the macros below generate the borrowed combinations, the `op=` forms, the scalar
//! forms and `Sum`/`Product`.
#![forbid(unsafe_code)]

use crate::chain::Parts;
use num_traits::{Float, One};

/// `x % y = x − y·trunc(x/y)` with `trunc(x/y)` held constant: `∂/∂x = 1`, `∂/∂y = −trunc(x/y)`.
/// NaN in every part when `y = 0`.
#[inline]
pub(crate) fn rem<X: Parts>(x: X, y: X) -> X {
    let (a, b) = (x.re(), y.re());
    x.linear2(y, a % b, X::Re::one(), -(a / b).trunc())
}

/// `x % s` for a constant `s`: slope 1.
#[inline]
pub(crate) fn rem_scalar<X: Parts>(x: X, s: X::Re) -> X {
    x.linear1(x.re() % s, X::Re::one())
}

/// `s − x` for a constant `s`: the value is exactly `s − x.re`.
#[inline]
pub(crate) fn scalar_sub<X: Parts>(s: X::Re, x: X) -> X {
    x.map(|p| -p).with_re(s - x.re())
}

/// `s % x` for a constant `s`: slope `−trunc(s/x)`.
#[inline]
pub(crate) fn scalar_rem<X: Parts>(s: X::Re, x: X) -> X {
    let r = x.re();
    x.linear1(s % r, -(s / r).trunc())
}

/// Generates every operator of one number type from its owned rules (the type's [`Parts`] and
/// the helpers above). The impls sit in an anonymous `const` so that the names they use are in
/// scope wherever they are expanded.
macro_rules! impl_ops {
    ([$($p:tt)*] $ty:ty) => {
        const _: () = {
        use $crate::chain::Parts;
        use $crate::types::ops::{rem, rem_scalar, scalar_rem, scalar_sub};
        use core::iter::{Product, Sum};
        use core::ops::{
            Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
        };

        // ----- the owned rules -----
        impl<$($p)*> Add for $ty {
            type Output = Self;
            /// `(a + bε) + (c + dε) = (a + c) + (b + d)ε`
            #[inline]
            fn add(self, rhs: Self) -> Self {
                self.zip(rhs, |a, b| a + b)
            }
        }
        impl<$($p)*> Sub for $ty {
            type Output = Self;
            /// `(a + bε) − (c + dε) = (a − c) + (b − d)ε`
            #[inline]
            fn sub(self, rhs: Self) -> Self {
                self.zip(rhs, |a, b| a - b)
            }
        }
        impl<$($p)*> Mul for $ty {
            type Output = Self;
            #[inline]
            fn mul(self, rhs: Self) -> Self {
                Parts::mul(self, rhs)
            }
        }
        impl<$($p)*> Div for $ty {
            type Output = Self;
            #[inline]
            fn div(self, rhs: Self) -> Self {
                Parts::div(self, rhs)
            }
        }
        impl<$($p)*> Rem for $ty {
            type Output = Self;
            #[inline]
            fn rem(self, rhs: Self) -> Self {
                rem(self, rhs)
            }
        }
        impl<$($p)*> Neg for $ty {
            type Output = Self;
            #[inline]
            fn neg(self) -> Self {
                self.map(|a| -a)
            }
        }
        impl<$($p)*> Neg for &$ty {
            type Output = $ty;
            #[inline]
            fn neg(self) -> $ty {
                -*self
            }
        }

        // ----- with the inner scalar `T` on the right -----
        impl<$($p)*> Add<T> for $ty {
            type Output = Self;
            #[inline]
            fn add(self, s: T) -> Self {
                self.with_re(self.re + s)
            }
        }
        impl<$($p)*> Sub<T> for $ty {
            type Output = Self;
            #[inline]
            fn sub(self, s: T) -> Self {
                self.with_re(self.re - s)
            }
        }
        impl<$($p)*> Mul<T> for $ty {
            type Output = Self;
            #[inline]
            fn mul(self, s: T) -> Self {
                self.map(|a| a * s)
            }
        }
        impl<$($p)*> Div<T> for $ty {
            type Output = Self;
            #[inline]
            fn div(self, s: T) -> Self {
                self.map(|a| a / s)
            }
        }
        impl<$($p)*> Rem<T> for $ty {
            type Output = Self;
            #[inline]
            fn rem(self, s: T) -> Self {
                rem_scalar(self, s)
            }
        }

        $crate::types::ops::impl_ops!(@forward [$($p)*] $ty, Add, add, AddAssign, add_assign);
        $crate::types::ops::impl_ops!(@forward [$($p)*] $ty, Sub, sub, SubAssign, sub_assign);
        $crate::types::ops::impl_ops!(@forward [$($p)*] $ty, Mul, mul, MulAssign, mul_assign);
        $crate::types::ops::impl_ops!(@forward [$($p)*] $ty, Div, div, DivAssign, div_assign);
        $crate::types::ops::impl_ops!(@forward [$($p)*] $ty, Rem, rem, RemAssign, rem_assign);

        $crate::types::ops::impl_ops!(@primitive [$($p)*] $ty, f64);
        $crate::types::ops::impl_ops!(@primitive [$($p)*] $ty, f32);

        impl<$($p)*> Sum for $ty {
            /// Adds up the items, starting from `−0.0` as `f64`'s `Sum` does.
            #[inline]
            fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
                iter.fold(Self::constant(T::neg_zero()), |a, b| a + b)
            }
        }
        impl<'a, $($p)*> Sum<&'a $ty> for $ty {
            /// Adds up the items, starting from `−0.0` as `f64`'s `Sum` does.
            #[inline]
            fn sum<I: Iterator<Item = &'a $ty>>(iter: I) -> Self {
                iter.copied().sum()
            }
        }
        impl<$($p)*> Product for $ty {
            /// Multiplies the items, starting from 1.
            #[inline]
            fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
                iter.fold(Self::constant(T::one()), |a, b| a * b)
            }
        }
        impl<'a, $($p)*> Product<&'a $ty> for $ty {
            /// Multiplies the items, starting from 1.
            #[inline]
            fn product<I: Iterator<Item = &'a $ty>>(iter: I) -> Self {
                iter.copied().product()
            }
        }
        };
    };

    // The borrowed combinations and the `op=` forms, from the owned rule.
    (@forward [$($p:tt)*] $ty:ty, $Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident) => {
        impl<$($p)*> $Op<&$ty> for $ty {
            type Output = $ty;
            #[inline]
            fn $op(self, rhs: &$ty) -> $ty {
                $Op::$op(self, *rhs)
            }
        }
        impl<$($p)*> $Op<$ty> for &$ty {
            type Output = $ty;
            #[inline]
            fn $op(self, rhs: $ty) -> $ty {
                $Op::$op(*self, rhs)
            }
        }
        impl<$($p)*> $Op<&$ty> for &$ty {
            type Output = $ty;
            #[inline]
            fn $op(self, rhs: &$ty) -> $ty {
                $Op::$op(*self, *rhs)
            }
        }
        impl<$($p)*> $Op<T> for &$ty {
            type Output = $ty;
            #[inline]
            fn $op(self, rhs: T) -> $ty {
                $Op::$op(*self, rhs)
            }
        }
        impl<$($p)*> $Op<&T> for $ty {
            type Output = $ty;
            #[inline]
            fn $op(self, rhs: &T) -> $ty {
                $Op::$op(self, *rhs)
            }
        }
        impl<$($p)*> $OpAssign for $ty {
            #[inline]
            fn $op_assign(&mut self, rhs: $ty) {
                *self = $Op::$op(*self, rhs);
            }
        }
        impl<$($p)*> $OpAssign<&$ty> for $ty {
            #[inline]
            fn $op_assign(&mut self, rhs: &$ty) {
                *self = $Op::$op(*self, *rhs);
            }
        }
        impl<$($p)*> $OpAssign<T> for $ty {
            #[inline]
            fn $op_assign(&mut self, rhs: T) {
                *self = $Op::$op(*self, rhs);
            }
        }
    };

    // A primitive float on the left: `2.0 * x`, at every nesting level over that primitive.
    (@primitive [$($p:tt)*] $ty:ty, $prim:ty) => {
        impl<$($p)*> Add<$ty> for $prim where T: Real<Primitive = $prim> {
            type Output = $ty;
            #[inline]
            fn add(self, rhs: $ty) -> $ty {
                rhs + T::from_primitive(self)
            }
        }
        impl<$($p)*> Sub<$ty> for $prim where T: Real<Primitive = $prim> {
            type Output = $ty;
            #[inline]
            fn sub(self, rhs: $ty) -> $ty {
                scalar_sub(T::from_primitive(self), rhs)
            }
        }
        impl<$($p)*> Mul<$ty> for $prim where T: Real<Primitive = $prim> {
            type Output = $ty;
            #[inline]
            fn mul(self, rhs: $ty) -> $ty {
                rhs * T::from_primitive(self)
            }
        }
        impl<$($p)*> Div<$ty> for $prim where T: Real<Primitive = $prim> {
            type Output = $ty;
            #[inline]
            fn div(self, rhs: $ty) -> $ty {
                <$ty as Parts>::scalar_div(T::from_primitive(self), rhs)
            }
        }
        impl<$($p)*> Rem<$ty> for $prim where T: Real<Primitive = $prim> {
            type Output = $ty;
            #[inline]
            fn rem(self, rhs: $ty) -> $ty {
                scalar_rem(T::from_primitive(self), rhs)
            }
        }
        $crate::types::ops::impl_ops!(@primitive_ref [$($p)*] $ty, $prim, Add, add);
        $crate::types::ops::impl_ops!(@primitive_ref [$($p)*] $ty, $prim, Sub, sub);
        $crate::types::ops::impl_ops!(@primitive_ref [$($p)*] $ty, $prim, Mul, mul);
        $crate::types::ops::impl_ops!(@primitive_ref [$($p)*] $ty, $prim, Div, div);
        $crate::types::ops::impl_ops!(@primitive_ref [$($p)*] $ty, $prim, Rem, rem);
    };

    (@primitive_ref [$($p:tt)*] $ty:ty, $prim:ty, $Op:ident, $op:ident) => {
        impl<$($p)*> $Op<&$ty> for $prim where T: Real<Primitive = $prim> {
            type Output = $ty;
            #[inline]
            fn $op(self, rhs: &$ty) -> $ty {
                $Op::$op(self, *rhs)
            }
        }
        impl<$($p)*> $Op<$ty> for &$prim where T: Real<Primitive = $prim> {
            type Output = $ty;
            #[inline]
            fn $op(self, rhs: $ty) -> $ty {
                $Op::$op(*self, rhs)
            }
        }
        impl<$($p)*> $Op<&$ty> for &$prim where T: Real<Primitive = $prim> {
            type Output = $ty;
            #[inline]
            fn $op(self, rhs: &$ty) -> $ty {
                $Op::$op(*self, *rhs)
            }
        }
    };
}

pub(crate) use impl_ops;
