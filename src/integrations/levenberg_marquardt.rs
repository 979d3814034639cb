//! levenberg-marquardt integration (feature `levenberg-marquardt`): [`LeastSquares`] turns
//! residuals written once, generic over the number type, into the crate's
//! `LeastSquaresProblem`, with the exact Jacobian written straight into nalgebra 0.34's matrix.
#![forbid(unsafe_code)]

use crate::integrations::jacobian_auto_col_major;
use crate::{Real, VectorFunction};
use levenberg_marquardt::LeastSquaresProblem;
use nalgebra_v0_34::storage::Owned;
use nalgebra_v0_34::{DMatrix, DVector, Dyn, RealField};

/// Residuals written once as a [`VectorFunction`], with their parameters, as a
/// `levenberg_marquardt::LeastSquaresProblem` (feature `levenberg-marquardt`): the residuals
/// from one evaluation on `T`, their Jacobian from `ceil(n / w)` evaluations on
/// `DualVec<T, w>`, `w = auto_width(n)` as in [`jacobian_auto`](crate::jacobian_auto), written
/// by [`jacobian_into_col_major`](crate::jacobian_into_col_major) straight into the storage of
/// the nalgebra 0.34 `DMatrix` the solver receives: no copy.
///
/// The number of residuals m is taken from one evaluation when the problem is made. If the
/// function later returns another number on the dual type, `jacobian` returns `None` (the
/// solver then stops with `TerminationReason::User`); a different number on `T` the solver
/// reports itself (`TerminationReason::WrongDimensions`).
///
/// Fitting `y = a·exp(b·x)` to four exact points of `2·exp(0.5x)`:
///
/// ```
/// use dualdiff::nalgebra_v0_34::DVector;
/// use dualdiff::{LeastSquares, Real, VectorFunction};
/// use levenberg_marquardt::LevenbergMarquardt;
///
/// /// Residuals `a·exp(b·xᵢ) − yᵢ` of the data, written once for every number type.
/// struct Exponential {
///     x: Vec<f64>,
///     y: Vec<f64>,
/// }
///
/// impl VectorFunction<f64> for Exponential {
///     fn eval<D: Real + From<f64>>(&self, p: &[D]) -> Vec<D> {
///         let model = |x: f64| p[0] * (p[1] * x.into()).exp();
///         self.x.iter().zip(&self.y).map(|(&x, &y)| model(x) - y.into()).collect()
///     }
/// }
///
/// let x = vec![0.0, 1.0, 2.0, 3.0];
/// let y = x.iter().map(|&x: &f64| 2.0 * (0.5 * x).exp()).collect();
/// let problem = LeastSquares::new(Exponential { x, y }, DVector::from_vec(vec![1.0, 0.1]));
/// let (fitted, report) = LevenbergMarquardt::new().minimize(problem);
/// assert!(report.termination.was_successful());
/// let (_, p) = fitted.into_parts();
/// assert!((p[0] - 2.0).abs() < 1e-12 && (p[1] - 0.5).abs() < 1e-12);
/// ```
///
/// # Implementing `LeastSquaresProblem` yourself
///
/// A problem type of your own returns dualdiff's Jacobian the same way: allocate the
/// nalgebra 0.34 `DMatrix` and let [`jacobian_into_col_major`](crate::jacobian_into_col_major)
/// write into its `as_mut_slice()` — column-major, which is nalgebra's layout. Name the types
/// from [`dualdiff::nalgebra_v0_34`](crate::nalgebra_v0_34) (the same nalgebra as the solver's),
/// so no nalgebra dependency of your own is needed:
///
/// ```
/// use dualdiff::nalgebra_v0_34::{storage::Owned, DMatrix, DVector, Dyn};
/// use dualdiff::{jacobian_into_col_major, DualVec64};
/// use levenberg_marquardt::{LeastSquaresProblem, LevenbergMarquardt};
/// use num_traits::Float;
///
/// /// Circle through points: residual i is ‖pᵢ − c‖ − r, parameters (cx, cy, r).
/// struct Circle {
///     points: Vec<[f64; 2]>,
///     params: DVector<f64>,
/// }
///
/// fn residuals<T: Float>(points: &[[f64; 2]], p: &[T], out: &mut [T]) {
///     for (o, &[x, y]) in out.iter_mut().zip(points) {
///         let (dx, dy) = (T::from(x).unwrap() - p[0], T::from(y).unwrap() - p[1]);
///         *o = dx.hypot(dy) - p[2];
///     }
/// }
///
/// impl LeastSquaresProblem<f64, Dyn, Dyn> for Circle {
///     type ResidualStorage = Owned<f64, Dyn>;
///     type JacobianStorage = Owned<f64, Dyn, Dyn>;
///     type ParameterStorage = Owned<f64, Dyn>;
///
///     fn set_params(&mut self, p: &DVector<f64>) {
///         self.params.copy_from(p);
///     }
///
///     fn params(&self) -> DVector<f64> {
///         self.params.clone()
///     }
///
///     fn residuals(&self) -> Option<DVector<f64>> {
///         let mut r = DVector::zeros(self.points.len());
///         residuals(&self.points, self.params.as_slice(), r.as_mut_slice());
///         Some(r)
///     }
///
///     fn jacobian(&self) -> Option<DMatrix<f64>> {
///         let (m, n) = (self.points.len(), 3);
///         let mut jac = DMatrix::zeros(m, n);
///         let (mut work, mut out) = ([DualVec64::<3>::default(); 3], vec![DualVec64::default(); m]);
///         let mut values = vec![0.0; m];
///         let f = |p: &[DualVec64<3>], out: &mut [DualVec64<3>]| residuals(&self.points, p, out);
///         jacobian_into_col_major(f, self.params.as_slice(), &mut work, &mut out, &mut values, jac.as_mut_slice());
///         Some(jac)
///     }
/// }
///
/// let points = vec![[3.0, 0.0], [1.0, 2.0], [-1.0, 0.0], [1.0, -2.0], [1.0 + 2f64.sqrt(), 2f64.sqrt()]];
/// let problem = Circle { points, params: DVector::from_vec(vec![0.5, 0.5, 1.0]) };
/// let (fitted, report) = LevenbergMarquardt::new().minimize(problem);
/// assert!(report.termination.was_successful());
/// // the circle of centre (1, 0) and radius 2
/// assert!((fitted.params - DVector::from_vec(vec![1.0, 0.0, 2.0])).norm() < 1e-12);
/// ```
#[derive(Clone, Debug)]
pub struct LeastSquares<F, T = f64>
where
    T: Real,
{
    residuals: F,
    params: DVector<T>,
    m: usize,
}

impl<F, T> LeastSquares<F, T>
where
    T: Real,
    F: VectorFunction<T>,
{
    /// Returns the problem of the residuals `residuals` with starting parameters `params`,
    /// evaluating the residuals once there for their number.
    #[must_use]
    pub fn new(residuals: F, params: DVector<T>) -> Self {
        let m = residuals.eval::<T>(params.as_slice()).len();
        Self {
            residuals,
            params,
            m,
        }
    }

    /// Returns the residual function.
    #[inline]
    #[must_use]
    pub const fn residual_function(&self) -> &F {
        &self.residuals
    }

    /// Returns the residual function and the current parameters (after `minimize`, the
    /// solution), consuming the problem. (`LeastSquaresProblem::params` returns a copy of the
    /// parameters without consuming it.)
    #[inline]
    #[must_use]
    pub fn into_parts(self) -> (F, DVector<T>) {
        (self.residuals, self.params)
    }
}

impl<F, T> LeastSquaresProblem<T, Dyn, Dyn> for LeastSquares<F, T>
where
    T: Real + RealField,
    F: VectorFunction<T>,
{
    type ResidualStorage = Owned<T, Dyn>;
    type JacobianStorage = Owned<T, Dyn, Dyn>;
    type ParameterStorage = Owned<T, Dyn>;

    #[inline]
    fn set_params(&mut self, x: &DVector<T>) {
        self.params.copy_from(x);
    }

    #[inline]
    fn params(&self) -> DVector<T> {
        self.params.clone()
    }

    /// Returns the residuals: one evaluation on `T`, moved into the vector.
    #[inline]
    fn residuals(&self) -> Option<DVector<T>> {
        Some(DVector::from_vec(
            self.residuals.eval(self.params.as_slice()),
        ))
    }

    /// Returns the m×n Jacobian, written in place into the matrix returned.
    fn jacobian(&self) -> Option<DMatrix<T>> {
        let x = self.params.as_slice();
        let mut jac = DMatrix::from_element(self.m, x.len(), T::zero());
        let mut values = alloc::vec![T::zero(); self.m];
        jacobian_auto_col_major(&self.residuals, x, &mut values, jac.as_mut_slice()).ok()?;
        Some(jac)
    }
}
