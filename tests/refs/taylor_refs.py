"""Reference Taylor coefficients for tests/taylor.rs, independent of dualdiff.

Run: python3 tests/refs/taylor_refs.py   (needs mpmath; used: mpmath 1.3.0)
Prints one `reference!(name, x0, rust closure, [c0, ..., c10]);` (a test) per function, where
ck = f^(k)(x0)/k! from mpmath.taylor at 50 significant digits, rounded to the nearest f64.
The Rust closure is the same function written for the test (`c::<F>(v)` is a constant).
"""
from mpmath import mp, mpf, taylor, log, hypot, atan2, psi
import mpmath as m

mp.dps = 50
K = 10
c = mpf
ROWS = [  # name, x0, mpmath function, Rust closure
    ("exp", "0.7", m.exp, "|x| x.exp()"),
    ("exp2", "0.7", lambda x: 2**x, "|x| x.exp2()"),
    ("exp_m1", "0.3", m.expm1, "|x| x.exp_m1()"),
    ("ln", "0.7", log, "|x| x.ln()"),
    ("ln_1p", "0.3", m.log1p, "|x| x.ln_1p()"),
    ("log2", "1.7", lambda x: log(x, 2), "|x| x.log2()"),
    ("log10", "1.7", lambda x: log(x, 10), "|x| x.log10()"),
    ("log_base_3", "1.7", lambda x: log(x) / log(3), "|x| x.log(c::<F>(3.0))"),
    ("log_5_base_x", "1.7", lambda x: log(5) / log(x), "|x| c::<F>(5.0).log(x)"),
    ("sqrt", "0.7", m.sqrt, "|x| x.sqrt()"),
    ("cbrt", "0.7", m.cbrt, "|x| x.cbrt()"),
    ("cbrt_neg", "-0.7", lambda x: -m.cbrt(-x), "|x| x.cbrt()"),
    ("recip", "0.7", lambda x: 1 / x, "|x| x.recip()"),
    ("powi_3", "0.7", lambda x: x**3, "|x| x.powi(3)"),
    ("powi_m2", "0.7", lambda x: x**-2, "|x| x.powi(-2)"),
    ("powi_3_neg", "-0.7", lambda x: x**3, "|x| x.powi(3)"),
    ("powf_2_5", "0.7", lambda x: x**c("2.5"), "|x| x.powf(c::<F>(2.5))"),
    ("powf_m0_7", "1.3", lambda x: x**c("-0.7"), "|x| x.powf(c::<F>(-0.7))"),
    ("powf_x_x", "0.7", lambda x: x**x, "|x| x.powf(x)"),
    ("powf_2_x", "0.7", lambda x: 2**x, "|x| c::<F>(2.0).powf(x)"),
    ("sin", "0.7", m.sin, "|x| x.sin()"),
    ("cos", "0.7", m.cos, "|x| x.cos()"),
    ("tan", "0.7", m.tan, "|x| x.tan()"),
    ("asin", "0.3", m.asin, "|x| x.asin()"),
    ("acos", "0.3", m.acos, "|x| x.acos()"),
    ("atan", "0.7", m.atan, "|x| x.atan()"),
    ("sinh", "0.7", m.sinh, "|x| x.sinh()"),
    ("cosh", "0.7", m.cosh, "|x| x.cosh()"),
    ("tanh", "0.7", m.tanh, "|x| x.tanh()"),
    ("asinh", "0.7", m.asinh, "|x| x.asinh()"),
    ("acosh", "1.7", m.acosh, "|x| x.acosh()"),
    ("atanh", "0.3", m.atanh, "|x| x.atanh()"),
    ("erf", "0.7", m.erf, "|x| Real::erf(x)"),
    ("erfc", "0.7", m.erfc, "|x| Real::erfc(x)"),
    ("gamma", "0.7", m.gamma, "|x| Real::gamma(x)"),
    ("gamma_neg", "-0.5", m.gamma, "|x| Real::gamma(x)"),
    ("ln_gamma", "0.7", m.loggamma, "|x| Real::ln_gamma(x)"),
    ("digamma", "0.7", m.digamma, "|x| Real::digamma(x)"),
    ("trigamma", "0.7", lambda x: psi(1, x), "|x| Real::polygamma(x, 1)"),
    ("hypot_x_0_4", "0.7", lambda x: hypot(x, c("0.4")), "|x| x.hypot(c::<F>(0.4))"),
    ("atan2_x_0_4", "0.7", lambda x: atan2(x, c("0.4")), "|x| x.atan2(c::<F>(0.4))"),
    ("atan2_0_4_x", "0.7", lambda x: atan2(c("0.4"), x), "|x| c::<F>(0.4).atan2(x)"),
    ("atan2_x_neg", "0.7", lambda x: atan2(x, c("-0.4")), "|x| x.atan2(c::<F>(-0.4))"),
    ("sin_over_1px2", "0.7", lambda x: m.sin(x) / (1 + x**2), "|x| x.sin() / (c::<F>(1.0) + x * x)"),
    ("exp_sin", "0", lambda x: m.exp(m.sin(x)), "|x| x.sin().exp()"),
]
for name, x0, f, rust in ROWS:
    print(f"    reference!({name}, {float(c(x0))!r}, {rust}, [")
    for ck in taylor(f, c(x0), K):
        print(f"        {float(ck)!r},")
    print("    ]);")
