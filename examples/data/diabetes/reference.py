"""Writes lasso_reference.csv: scikit-learn's Lasso solutions on diabetes.csv, KKT-checked.

The problem, for each alpha (the lambda of the lasso), is scikit-learn's Lasso objective with the
intercept b fitted and not penalised:

    minimise over (w, b)   F(w, b) = 1/(2n) * ||y - X w - b||_2^2 + alpha * ||w||_1

with n = 442, X the 10 scaled feature columns of diabetes.csv (centred, unit sum of squares) and y
the target column as it is (not centred). The solver is scikit-learn's coordinate descent
(sklearn.linear_model.Lasso, selection="cyclic"), run to a duality-gap tolerance of 1e-15 and
refused if it stops at max_iter. precompute=False: the Gram-matrix variant (precompute=True)
updates X^T r incrementally and, over many sweeps, drifted to KKT residuals near 1e-11 on these
data, while the residual-based variant reaches about 1e-15.

Each solution is then checked, independently of how it was found, against the optimality (KKT)
conditions, with c = X^T (y - X w - b) / n:

    mean(y - X w - b) = 0                            (b is optimal for the given w)
    c_j = alpha * sign(w_j)      where w_j != 0
    |c_j| <= alpha               where w_j == 0 (strictly, with the margin printed)

each to 1e-12 absolute (c is in the units of alpha). As a second, independent check the nonzero
coefficients are recomputed in closed form from the support and signs that scikit-learn found,
by solving Xa^T Xa wa = Xa^T yc - n alpha s (Xa, yc the centred columns of the support), and each
must agree to 1e-10 relative to itself (the smallest coefficient included), as must the intercept. The lasso objective is strongly convex on the support here (the smallest
eigenvalue of Xa^T Xa / n is printed), so these checks pin the solution far below the 1e-6 to
which the Rust example compares its own solutions.

Output columns: alpha, intercept, objective (F above, evaluated in float64 at scikit-learn's w and
b), then the 10 coefficients in the order of diabetes.csv. Exact zeros are written as 0.0 or -0.0
(the sign scikit-learn left on them). Floats are written with repr() and round-trip exactly.

Run from anywhere: python3 reference.py  (reads diabetes.csv, writes lasso_reference.csv)
"""

import csv
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Lasso

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "diabetes.csv"
OUT = HERE / "lasso_reference.csv"

# From near alpha_max (about 2.148 on these data: every coefficient is zero above it) down to a
# small alpha with a single zero: 2, 4, 6, 7, 8 and 9 nonzero coefficients. Each lies inside a
# stretch of the path where the support does not change, away from its ends: every zero
# coefficient has |c_j| at least 0.14 alpha below alpha (the margins are printed) and no nonzero
# coefficient is tiny, so neither side of the zero pattern is a near tie.
ALPHAS = [1.5, 0.45, 0.18, 0.08, 0.024, 0.004]
KKT_TOL = 1e-12
CLOSED_FORM_TOL = 1e-10


def read_data():
    with DATA.open() as f:
        header = next(csv.reader(f))
    table = np.loadtxt(DATA, delimiter=",", skiprows=1)
    return header[:10], table[:, :10], table[:, 10]


def objective(X, y, w, b, alpha):
    r = y - X @ w - b
    return r @ r / (2 * len(y)) + alpha * np.abs(w).sum()


def check(X, y, w, b, alpha, names):
    """Asserts the KKT conditions and the closed form; returns a line describing the solution."""
    n = len(y)
    r = y - X @ w - b
    c = X.T @ r / n
    support = w != 0
    assert abs(r.mean()) <= KKT_TOL, f"alpha={alpha}: mean residual {r.mean():.3e}"
    active = np.abs(c[support] - alpha * np.sign(w[support]))
    worst_active = active.max() if support.any() else 0.0
    assert worst_active <= KKT_TOL, f"alpha={alpha}: active KKT residual {worst_active:.3e}"
    margin = (alpha - np.abs(c[~support])).min() if (~support).any() else np.inf
    assert margin > 0, f"alpha={alpha}: a zero coefficient violates |c_j| <= alpha"

    idx = np.flatnonzero(support)
    Xa = X[:, idx] - X[:, idx].mean(axis=0)
    yc = y - y.mean()
    gram = Xa.T @ Xa
    wa = np.linalg.solve(gram, Xa.T @ yc - n * alpha * np.sign(w[idx]))
    assert np.array_equal(np.sign(wa), np.sign(w[idx])), f"alpha={alpha}: closed form flips a sign"
    closed = (np.abs(wa - w[idx]) / np.abs(wa)).max()
    assert closed <= CLOSED_FORM_TOL, f"alpha={alpha}: closed form differs by {closed:.3e}"
    b_closed = y.mean() - X[:, idx].mean(axis=0) @ wa
    assert abs(b_closed - b) <= CLOSED_FORM_TOL * abs(b), f"alpha={alpha}: intercept differs"

    mu = np.linalg.eigvalsh(gram / n)[0]
    pattern = " ".join(name if s else "." for name, s in zip(names, support))
    return (
        f"alpha={alpha:<6} support [{pattern}]  KKT residual {worst_active:.1e}"
        f"  zero margin {margin / alpha:.3f} alpha  closed form {closed:.1e}"
        f"  min eig {mu:.2e}"
    )


def main():
    names, X, y = read_data()
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        for alpha in ALPHAS:
            model = Lasso(
                alpha=alpha,
                fit_intercept=True,
                precompute=False,
                selection="cyclic",
                tol=1e-15,
                max_iter=1_000_000,
            )
            model.fit(X, y)
            assert model.n_iter_ < model.max_iter, f"alpha={alpha}: no convergence"
            w, b = model.coef_.astype(float), float(model.intercept_)
            print(check(X, y, w, b, alpha, names) + f"  ({model.n_iter_} sweeps)")
            rows.append([alpha, b, objective(X, y, w, b, alpha)] + list(w))

    with OUT.open("w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["alpha", "intercept", "objective"] + names)
        for row in rows:
            writer.writerow([repr(float(v)) for v in row])
    print(f"wrote {OUT.name}: {len(rows)} solutions, scikit-learn {sklearn.__version__}")


if __name__ == "__main__":
    main()
