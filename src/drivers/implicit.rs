//! Implicit differentiation: the sensitivity `dx*/dp` of the solution of `F(x, p) = 0`.
#![forbid(unsafe_code)]

use crate::{Real, Seed, jacobian};
use alloc::vec::Vec;
use core::fmt;
use nalgebra::{DMatrix, RealField};
use num_traits::Float;

/// Why [`implicit_jacobian`] could not compute a sensitivity.
#[derive(Clone, Debug, PartialEq)]
pub enum ImplicitError {
    /// `F(x, p)` returned a number of residuals different from the number of unknowns.
    NotSquare {
        /// The number of residuals `F` returned.
        residuals: usize,
        /// The number of unknowns `x`.
        unknowns: usize,
    },
    /// `∂F/∂x` is singular at the solution, so `x*` is not locally a function of `p`.
    SingularJacobian,
    /// The sensitivity came out non-finite (an infinite or NaN partial of `F`).
    NonFinite,
}

impl fmt::Display for ImplicitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotSquare {
                residuals,
                unknowns,
            } => write!(
                f,
                "F returned {residuals} residuals for {unknowns} unknowns; ∂F/∂x must be square"
            ),
            Self::SingularJacobian => {
                f.write_str("∂F/∂x is singular at the solution: x* is not locally a function of p")
            }
            Self::NonFinite => f.write_str("the sensitivity is not finite"),
        }
    }
}

impl core::error::Error for ImplicitError {}

/// Returns the sensitivity `dx*/dp = −(∂F/∂x)⁻¹·∂F/∂p` (n×m) of a solution `x*` of
/// `F(x, p) = 0` to the parameters `p`, by the implicit function theorem.
///
/// `x_star` is a solution that you found by any means (typically an iterative solver, which
/// need not be differentiable); `f(x, p)` evaluates the n residuals. Both Jacobians come from
/// [`jacobian`] in chunks of `D::WIDTH` columns, and the solve is an LU decomposition.
///
/// # Errors
/// [`ImplicitError::NotSquare`] if `f` does not return one residual per unknown,
/// [`ImplicitError::SingularJacobian`] if `∂F/∂x` is singular, and
/// [`ImplicitError::NonFinite`] if the result is not finite.
///
/// ```
/// use dualdiff::{implicit_jacobian, DualVec64};
///
/// // x² − p = 0 has the solution x* = √p, so dx*/dp = 1/(2√p).
/// let residual = |x: &[DualVec64<1>], p: &[DualVec64<1>]| vec![x[0] * x[0] - p[0]];
/// let p: f64 = 4.0;
/// let dxdp = implicit_jacobian(residual, &[p.sqrt()], &[p]).unwrap();
/// assert_eq!(dxdp[(0, 0)], 0.25);
/// ```
#[inline]
pub fn implicit_jacobian<T, D, F>(
    mut f: F,
    x_star: &[T],
    p: &[T],
) -> Result<DMatrix<T>, ImplicitError>
where
    T: Real + RealField,
    D: Seed<Scalar = T>,
    F: FnMut(&[D], &[D]) -> Vec<D>,
{
    let p_const: Vec<D> = p.iter().map(|&pi| D::constant(pi)).collect();
    let x_const: Vec<D> = x_star.iter().map(|&xi| D::constant(xi)).collect();
    let (residuals, f_x) = jacobian(|x: &[D]| f(x, &p_const), x_star);
    if residuals.len() != x_star.len() {
        return Err(ImplicitError::NotSquare {
            residuals: residuals.len(),
            unknowns: x_star.len(),
        });
    }
    let (_, f_p) = jacobian(|q: &[D]| f(&x_const, q), p);
    let sensitivity = f_x
        .lu()
        .solve(&(-f_p))
        .ok_or(ImplicitError::SingularJacobian)?;
    if sensitivity.iter().all(|v| Float::is_finite(*v)) {
        Ok(sensitivity)
    } else {
        Err(ImplicitError::NonFinite)
    }
}
