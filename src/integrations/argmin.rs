//! argmin integration (feature `argmin`): [`ArgminProblem`] turns a function written once,
//! generic over the number type, into argmin's problem traits with exact derivatives; the
//! table of what it evaluates, and an example, are on the type.
#![forbid(unsafe_code)]

use crate::integrations::jacobian_auto_col_major;
use crate::{
    Dual2Vec, Real, ScalarFunction, SecondOrder, VectorFunction, gradient_auto,
    hessian_into_col_major,
};
use ::argmin::core::{CostFunction, Error, Gradient, Hessian, Jacobian, Operator};
use alloc::vec;
use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;
use nalgebra_v0_34::{DMatrix, DVector};

/// A function written once, generic over the number type, as an argmin problem with exact
/// derivatives (feature `argmin`).
///
/// Write the objective once as a [`ScalarFunction`] (or the residuals as a [`VectorFunction`])
/// and wrap it. With `F: ScalarFunction<T>` the problem is argmin's [`CostFunction`],
/// [`Gradient`] and [`Hessian`]; with `F: VectorFunction<T>` its [`Operator`] and [`Jacobian`],
/// for Gauss–Newton. The parameter type `P` is argmin's (see [`ArgminParam`]): `Vec<T>`, whose
/// matrices are `Vec<Vec<T>>` (one inner vector per row), or nalgebra 0.34's `DVector<T>`,
/// whose matrices are `DMatrix<T>`, filled in place through `as_mut_slice`, never copied — the
/// nalgebra version that argmin-math has a backend for. The feature switches on argmin-math's
/// backends for both (`vec` and `nalgebra_v0_34`), so argmin's solvers run on them with no more
/// set-up than a dependency on argmin 0.11; name the nalgebra types from
/// [`dualdiff::nalgebra_v0_34`](crate::nalgebra_v0_34). (argmin-math has no matrix inverse for
/// `Vec<Vec<T>>`, so Newton's method and Gauss–Newton need `DVector`.)
///
/// | argmin trait | from | evaluations (n parameters) |
/// |---|---|---|
/// | `CostFunction` | `ScalarFunction` | one on `T` |
/// | `Gradient` | `ScalarFunction` | `ceil(n / w)` on `DualVec<T, w>`, `w = auto_width(n)`, as [`gradient_auto`] |
/// | `Hessian` | `ScalarFunction` | one on `Dual2Vec<T, N>` for `n ≤ 16`, `N` the smallest of 1, 2, 4, 8, 16 that covers `n`; beyond, one per pair of blocks of 4 on `Dual2Vec<T, 8>` |
/// | `Operator` | `VectorFunction` | one on `T` |
/// | `Jacobian` | `VectorFunction` | one on `T` (for the number of outputs), then `ceil(n / w)` as for the gradient |
///
/// A `Dual2Vec<T, N>` holds `1 + N + N(N+1)/2` numbers, so its cost per operation grows as
/// `N²`: past `n = 16` the Hessian does not widen the type further but evaluates pairs of
/// blocks.
///
/// Every method returns `Ok`, except `Jacobian`, which returns an error if the function
/// returns a different number of outputs on the dual type than on `T`. A function that panics
/// panics through argmin.
///
/// L-BFGS on the Rosenbrock function, over `Vec<f64>`:
///
/// ```
/// use argmin::core::{Executor, Gradient, State};
/// use argmin::solver::linesearch::MoreThuenteLineSearch;
/// use argmin::solver::quasinewton::LBFGS;
/// use dualdiff::{ArgminProblem, Real, ScalarFunction};
///
/// /// The Rosenbrock function, written once for every number type.
/// struct Rosenbrock;
///
/// impl ScalarFunction<f64> for Rosenbrock {
///     fn eval<D: Real + From<f64>>(&self, x: &[D]) -> D {
///         let hundred: D = 100.0.into();
///         (D::one() - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
///     }
/// }
///
/// let problem = ArgminProblem::<_, Vec<f64>>::new(Rosenbrock);
/// // ∇f(0, 0) = (−2, 0): the adapter's gradient is exact
/// assert_eq!(problem.gradient(&vec![0.0, 0.0]).unwrap(), vec![-2.0, 0.0]);
///
/// let solver = LBFGS::new(MoreThuenteLineSearch::new(), 7);
/// let result = Executor::new(problem, solver)
///     .configure(|state| state.param(vec![-1.2, 1.0]).max_iters(100))
///     .run()
///     .unwrap();
/// let best = result.state().get_best_param().unwrap();
/// assert!((best[0] - 1.0).abs() < 1e-8 && (best[1] - 1.0).abs() < 1e-8);
/// ```
///
/// Residuals over nalgebra 0.34's `DVector`, for Gauss–Newton:
///
/// ```
/// use argmin::core::{Jacobian, Operator};
/// use dualdiff::nalgebra_v0_34::{DMatrix, DVector};
/// use dualdiff::{ArgminProblem, Real, VectorFunction};
///
/// /// Residuals (x − 1, 10(y − x²)): Rosenbrock's function is half their squared norm.
/// struct Residuals;
///
/// impl VectorFunction<f64> for Residuals {
///     fn eval<D: Real + From<f64>>(&self, x: &[D]) -> Vec<D> {
///         vec![x[0] - D::one(), (x[1] - x[0] * x[0]) * 10.0.into()]
///     }
/// }
///
/// let problem = ArgminProblem::<_, DVector<f64>>::new(Residuals);
/// let x = DVector::from_vec(vec![2.0, 3.0]);
/// assert_eq!(problem.apply(&x).unwrap(), DVector::from_vec(vec![1.0, -10.0]));
/// // J = [[1, 0], [−20x, 10]]
/// let j = problem.jacobian(&x).unwrap();
/// assert_eq!(j, DMatrix::from_row_slice(2, 2, &[1.0, 0.0, -40.0, 10.0]));
/// ```
pub struct ArgminProblem<F, P> {
    function: F,
    param: PhantomData<fn(&P) -> P>,
}

impl<F, P> ArgminProblem<F, P> {
    /// Wraps `function`; the parameter type `P` is named (`ArgminProblem::<_, Vec<f64>>::new`)
    /// or inferred from the solver.
    #[inline]
    #[must_use]
    pub const fn new(function: F) -> Self {
        Self {
            function,
            param: PhantomData,
        }
    }

    /// Returns the wrapped function.
    #[inline]
    #[must_use]
    pub const fn function(&self) -> &F {
        &self.function
    }

    /// Returns the wrapped function, consuming the problem.
    #[inline]
    #[must_use]
    pub fn into_function(self) -> F {
        self.function
    }
}

impl<F: Clone, P> Clone for ArgminProblem<F, P> {
    #[inline]
    fn clone(&self) -> Self {
        Self::new(self.function.clone())
    }
}

impl<F: fmt::Debug, P> fmt::Debug for ArgminProblem<F, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArgminProblem")
            .field("function", &self.function)
            .finish()
    }
}

/// Keeps [`ArgminParam`] to the two parameter types below.
mod sealed {
    /// The seal of [`ArgminParam`](super::ArgminParam).
    pub trait Sealed {}
}

/// A parameter type of argmin that [`ArgminProblem`] serves: `Vec<T>`, whose matrices are
/// `Vec<Vec<T>>` (row by row: the Hessian and Jacobian are assembled from a column-major
/// buffer, one copy), and nalgebra 0.34's `DVector<T>`, whose matrices are `DMatrix<T>` (written
/// in place, no copy).
///
/// The trait is sealed; its methods are plumbing and hidden from these docs.
pub trait ArgminParam: sealed::Sealed + Sized {
    /// The scalar of the parameters.
    type Scalar: Real;
    /// argmin's matrix for this parameter type (Hessian and Jacobian).
    type Matrix;

    /// Returns the parameters as a slice.
    #[doc(hidden)]
    fn values(&self) -> &[Self::Scalar];

    /// Returns the vector holding `values`, without copying them where the type allows.
    #[doc(hidden)]
    fn from_values(values: Vec<Self::Scalar>) -> Self;

    /// Returns the `rows × cols` matrix that `fill` writes in column-major order, and what
    /// `fill` returns.
    #[doc(hidden)]
    fn matrix<R>(
        rows: usize,
        cols: usize,
        fill: impl FnOnce(&mut [Self::Scalar]) -> R,
    ) -> (Self::Matrix, R);
}

impl<T: Real> sealed::Sealed for Vec<T> {}

impl<T: Real> ArgminParam for Vec<T> {
    type Scalar = T;
    type Matrix = Vec<Vec<T>>;

    #[inline]
    fn values(&self) -> &[T] {
        self
    }

    #[inline]
    fn from_values(values: Vec<T>) -> Self {
        values
    }

    fn matrix<R>(rows: usize, cols: usize, fill: impl FnOnce(&mut [T]) -> R) -> (Vec<Vec<T>>, R) {
        let mut buffer = vec![T::zero(); rows * cols];
        let r = fill(&mut buffer);
        let matrix = (0..rows)
            .map(|i| (0..cols).map(|j| buffer[i + j * rows]).collect())
            .collect();
        (matrix, r)
    }
}

impl<T: Real> sealed::Sealed for DVector<T> {}

impl<T: Real> ArgminParam for DVector<T> {
    type Scalar = T;
    type Matrix = DMatrix<T>;

    #[inline]
    fn values(&self) -> &[T] {
        self.as_slice()
    }

    #[inline]
    fn from_values(values: Vec<T>) -> Self {
        DVector::from_vec(values)
    }

    fn matrix<R>(rows: usize, cols: usize, fill: impl FnOnce(&mut [T]) -> R) -> (DMatrix<T>, R) {
        let mut matrix = DMatrix::from_element(rows, cols, T::zero());
        let r = fill(matrix.as_mut_slice());
        (matrix, r)
    }
}

impl<T, F, P> CostFunction for ArgminProblem<F, P>
where
    T: Real,
    P: ArgminParam<Scalar = T>,
    F: ScalarFunction<T>,
{
    type Param = P;
    type Output = T;

    /// Returns `f(x)`, one evaluation on `T`.
    #[inline]
    fn cost(&self, param: &P) -> Result<T, Error> {
        Ok(self.function.eval(param.values()))
    }
}

impl<T, F, P> Gradient for ArgminProblem<F, P>
where
    T: Real,
    P: ArgminParam<Scalar = T>,
    F: ScalarFunction<T>,
{
    type Param = P;
    type Gradient = P;

    /// Returns `∇f(x)` by [`gradient_auto`].
    #[inline]
    fn gradient(&self, param: &P) -> Result<P, Error> {
        Ok(P::from_values(
            gradient_auto(&self.function, param.values()).1,
        ))
    }
}

impl<T, F, P> Hessian for ArgminProblem<F, P>
where
    T: Real,
    P: ArgminParam<Scalar = T>,
    F: ScalarFunction<T>,
{
    type Param = P;
    type Hessian = P::Matrix;

    /// Returns `∇²f(x)` from `Dual2Vec` evaluations (see the module documentation).
    fn hessian(&self, param: &P) -> Result<P::Matrix, Error> {
        let x = param.values();
        let n = x.len();
        let (matrix, ()) = P::matrix(n, n, |hess| hessian_auto(&self.function, x, hess));
        Ok(matrix)
    }
}

/// Computes the n×n Hessian of `f` at `x` into `hess` (column-major), on the `Dual2Vec` width
/// the module documentation gives.
fn hessian_auto<T: Real, F: ScalarFunction<T>>(f: &F, x: &[T], hess: &mut [T]) {
    /// One width, with its scratch space.
    fn with<T: Real, H, F: ScalarFunction<T>>(f: &F, x: &[T], hess: &mut [T])
    where
        H: SecondOrder<Scalar = T> + Real + From<T>,
    {
        let mut work = vec![H::constant(T::zero()); x.len()];
        let mut grad = vec![T::zero(); x.len()];
        hessian_into_col_major(|v: &[H]| f.eval(v), x, &mut work, &mut grad, hess);
    }

    match x.len() {
        0 | 1 => with::<T, Dual2Vec<T, 1>, F>(f, x, hess),
        2 => with::<T, Dual2Vec<T, 2>, F>(f, x, hess),
        3 | 4 => with::<T, Dual2Vec<T, 4>, F>(f, x, hess),
        5..=8 => with::<T, Dual2Vec<T, 8>, F>(f, x, hess),
        9..=16 => with::<T, Dual2Vec<T, 16>, F>(f, x, hess),
        _ => with::<T, Dual2Vec<T, 8>, F>(f, x, hess),
    }
}

impl<T, F, P> Operator for ArgminProblem<F, P>
where
    T: Real,
    P: ArgminParam<Scalar = T>,
    F: VectorFunction<T>,
{
    type Param = P;
    type Output = P;

    /// Returns the residuals `f(x)`, one evaluation on `T`.
    #[inline]
    fn apply(&self, param: &P) -> Result<P, Error> {
        Ok(P::from_values(self.function.eval(param.values())))
    }
}

impl<T, F, P> Jacobian for ArgminProblem<F, P>
where
    T: Real,
    P: ArgminParam<Scalar = T>,
    F: VectorFunction<T>,
{
    type Param = P;
    type Jacobian = P::Matrix;

    /// Returns the m×n Jacobian of the residuals: one evaluation on `T` for m, then the passes
    /// of [`jacobian_auto`](crate::jacobian_auto).
    ///
    /// # Errors
    /// If the function returns a different number of outputs on the dual type than on `T`.
    fn jacobian(&self, param: &P) -> Result<P::Matrix, Error> {
        let x = param.values();
        let m = self.function.eval::<T>(x).len();
        let mut values = vec![T::zero(); m];
        let (matrix, filled) = P::matrix(m, x.len(), |jac| {
            jacobian_auto_col_major(&self.function, x, &mut values, jac)
        });
        match filled {
            Ok(()) => Ok(matrix),
            Err(len) => Err(Error::msg(alloc::format!(
                "dualdiff::ArgminProblem: the function returned {m} outputs on the scalar type \
                 and {len} on the dual type"
            ))),
        }
    }
}
