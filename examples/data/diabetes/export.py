"""Writes diabetes.csv: scikit-learn's copy of the diabetes data, scaled as load_diabetes scales it.

The data are those of Efron, Hastie, Johnstone and Tibshirani, "Least Angle Regression", Annals of
Statistics 32(2), 2004: 442 patients, 10 baseline features and the target (a quantitative measure
of disease progression one year after baseline). scikit-learn ships them inside the package, so
nothing is downloaded.

load_diabetes(scaled=True) mean-centres each feature column and divides it by its standard
deviation (ddof = 0) times sqrt(n_samples), so each column has mean 0 (up to rounding) and sum of
squares 1. The target is left as it is: neither centred nor scaled.

Every float is written with repr(), the shortest decimal that reads back to the same float64, so
the CSV round-trips exactly; the script checks that it does.

Run from anywhere: python3 export.py  (writes diabetes.csv beside this script)
"""

import csv
import pathlib

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "diabetes.csv"


def main():
    bunch = load_diabetes(scaled=True)
    X, y = bunch.data, bunch.target
    names = list(bunch.feature_names)
    assert X.shape == (442, 10) and y.shape == (442,)
    assert names == ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], names
    # The scaling documented above: column means 0 and sums of squares 1, to rounding.
    assert np.abs(X.mean(axis=0)).max() < 1e-15
    assert np.abs((X**2).sum(axis=0) - 1.0).max() < 1e-14

    with OUT.open("w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(names + ["target"])
        for row, target in zip(X, y):
            writer.writerow([repr(float(v)) for v in row] + [repr(float(target))])

    # Round trip: reading the CSV back gives the same float64 values, bit for bit.
    back = np.loadtxt(OUT, delimiter=",", skiprows=1)
    assert np.array_equal(back[:, :10], X) and np.array_equal(back[:, 10], y)
    print(f"wrote {OUT.name}: {X.shape[0]} rows, scikit-learn {sklearn.__version__}")


if __name__ == "__main__":
    main()
