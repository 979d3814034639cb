//! The 27 nonlinear-regression problems of NIST's Statistical Reference Datasets (StRD): the
//! `.dat` files of `examples/data/nist/`, their models written once, generic over
//! [`num_traits::Float`], and the check of each model against the certified residual sum of
//! squares. Shared by `examples/nist.rs` and `tests/nist_models.rs`; it depends on nothing but
//! num-traits and std.

use num_traits::Float;
use std::path::{Path, PathBuf};

/// The 27 problems, in NIST's order of difficulty (lower, average, higher).
pub const NAMES: [&str; 27] = [
    "Misra1a", "Chwirut2", "Chwirut1", "Lanczos3", "Gauss1", "Gauss2", "DanWood", "Misra1b",
    "Kirby2", "Hahn1", "Nelson", "MGH17", "Lanczos1", "Lanczos2", "Gauss3", "Misra1c", "Misra1d",
    "Roszman1", "ENSO", "MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4", "Rat43",
    "Bennett5",
];

/// The folder holding the `.dat` files.
#[must_use]
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/nist")
}

/// Converts an `f64` constant into `T`.
fn c<T: Float>(v: f64) -> T {
    T::from(v).expect("every Float type represents an f64 constant")
}

/// A model function of the StRD, as its `.dat` file states it (several problems share one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    /// Misra1a, BoxBOD: `b1·(1 − exp(−b2·x))`.
    Exponential,
    /// Chwirut1, Chwirut2: `exp(−b1·x) / (b2 + b3·x)`.
    Chwirut,
    /// Lanczos1–3: `b1·exp(−b2·x) + b3·exp(−b4·x) + b5·exp(−b6·x)`.
    Lanczos,
    /// Gauss1–3: `b1·exp(−b2·x) + b3·exp(−(x − b4)²/b5²) + b6·exp(−(x − b7)²/b8²)`.
    Gauss,
    /// DanWood: `b1·x^b2`.
    DanWood,
    /// Misra1b: `b1·(1 − (1 + b2·x/2)^(−2))`.
    Misra1b,
    /// Misra1c: `b1·(1 − (1 + 2·b2·x)^(−1/2))`.
    Misra1c,
    /// Misra1d: `b1·b2·x·(1 + b2·x)^(−1)`.
    Misra1d,
    /// Kirby2: `(b1 + b2·x + b3·x²) / (1 + b4·x + b5·x²)`.
    Kirby2,
    /// Hahn1, Thurber: `(b1 + b2·x + b3·x² + b4·x³) / (1 + b5·x + b6·x² + b7·x³)`.
    CubicRational,
    /// Nelson: `ln y = b1 − b2·x1·exp(−b3·x2)` (the response is `ln y`).
    Nelson,
    /// MGH17: `b1 + b2·exp(−x·b4) + b3·exp(−x·b5)`.
    Mgh17,
    /// Roszman1: `b1 − b2·x − arctan(b3/(x − b4))/π`, the arctangent taken in `(0, π)`.
    Roszman1,
    /// ENSO: `b1 + b2·cos(2πx/12) + b3·sin(2πx/12) + b5·cos(2πx/b4) + b6·sin(2πx/b4)
    /// + b8·cos(2πx/b7) + b9·sin(2πx/b7)`.
    Enso,
    /// MGH09: `b1·(x² + x·b2) / (x² + x·b3 + b4)`.
    Mgh09,
    /// Rat42: `b1 / (1 + exp(b2 − b3·x))`.
    Rat42,
    /// MGH10: `b1·exp(b2/(x + b3))`.
    Mgh10,
    /// Eckerle4: `(b1/b2)·exp(−(x − b3)²/(2·b2²))`.
    Eckerle4,
    /// Rat43: `b1 / (1 + exp(b2 − b3·x))^(1/b4)`.
    Rat43,
    /// Bennett5: `b1·(b2 + x)^(−1/b3)`.
    Bennett5,
}

impl Model {
    /// Returns the model of the problem `name`.
    #[must_use]
    pub fn of(name: &str) -> Option<Self> {
        Some(match name {
            "Misra1a" | "BoxBOD" => Self::Exponential,
            "Chwirut1" | "Chwirut2" => Self::Chwirut,
            "Lanczos1" | "Lanczos2" | "Lanczos3" => Self::Lanczos,
            "Gauss1" | "Gauss2" | "Gauss3" => Self::Gauss,
            "DanWood" => Self::DanWood,
            "Misra1b" => Self::Misra1b,
            "Misra1c" => Self::Misra1c,
            "Misra1d" => Self::Misra1d,
            "Kirby2" => Self::Kirby2,
            "Hahn1" | "Thurber" => Self::CubicRational,
            "Nelson" => Self::Nelson,
            "MGH17" => Self::Mgh17,
            "Roszman1" => Self::Roszman1,
            "ENSO" => Self::Enso,
            "MGH09" => Self::Mgh09,
            "Rat42" => Self::Rat42,
            "MGH10" => Self::Mgh10,
            "Eckerle4" => Self::Eckerle4,
            "Rat43" => Self::Rat43,
            "Bennett5" => Self::Bennett5,
            _ => return None,
        })
    }

    /// Returns the response the model predicts: `y`, except for Nelson, whose model is of
    /// `ln y`.
    #[must_use]
    pub fn response(self, y: f64) -> f64 {
        if self == Self::Nelson { y.ln() } else { y }
    }

    /// Returns the model's prediction of the response at the predictors `x` (one, or two for
    /// Nelson) with parameters `b`.
    #[must_use]
    pub fn predict<T: Float>(self, b: &[T], x: &[f64]) -> T {
        let one = T::one();
        let t = c::<T>(x[0]);
        match self {
            Self::Exponential => b[0] * (one - (-b[1] * t).exp()),
            Self::Chwirut => (-b[0] * t).exp() / (b[1] + b[2] * t),
            Self::Lanczos => {
                b[0] * (-b[1] * t).exp() + b[2] * (-b[3] * t).exp() + b[4] * (-b[5] * t).exp()
            }
            Self::Gauss => {
                let bell = |height: T, centre: T, width: T| {
                    height * (-(t - centre).powi(2) / width.powi(2)).exp()
                };
                b[0] * (-b[1] * t).exp() + bell(b[2], b[3], b[4]) + bell(b[5], b[6], b[7])
            }
            Self::DanWood => b[0] * t.powf(b[1]),
            Self::Misra1b => b[0] * (one - (one + b[1] * t / c(2.0)).powi(-2)),
            Self::Misra1c => b[0] * (one - (one + c::<T>(2.0) * b[1] * t).powf(c(-0.5))),
            Self::Misra1d => b[0] * b[1] * t * (one + b[1] * t).recip(),
            Self::Kirby2 => (b[0] + b[1] * t + b[2] * t * t) / (one + b[3] * t + b[4] * t * t),
            Self::CubicRational => {
                let (t2, t3) = (t * t, t * t * t);
                (b[0] + b[1] * t + b[2] * t2 + b[3] * t3) / (one + b[4] * t + b[5] * t2 + b[6] * t3)
            }
            Self::Nelson => b[0] - b[1] * t * (-b[2] * c(x[1])).exp(),
            Self::Mgh17 => b[0] + b[1] * (-t * b[3]).exp() + b[2] * (-t * b[4]).exp(),
            // Read literally, `arctan[b3/(x − b4)]` is the principal arctangent, in
            // (−π/2, π/2). At the certified values b3 > 0 and x − b4 < 0 at every observation
            // (x ≤ −464, b4 ≈ −181), so it is negative everywhere, and every residual is off by
            // exactly 1: the residual sum of squares comes out as 25 + the certified value (25
            // observations). NIST's certified values take the arctangent in (0, π) — the angle
            // of the point (x − b4, b3), i.e. `atan2(b3, x − b4)`, which is π more than the
            // principal value here (and continuous where x − b4 changes sign). With it the
            // certified residual sum of squares is reproduced; the literal reading would fit
            // the same curve with b1 smaller by exactly 1.
            Self::Roszman1 => b[0] - b[1] * t - b[2].atan2(t - b[3]) / c(std::f64::consts::PI),
            Self::Enso => {
                let two_pi_t = c::<T>(2.0 * std::f64::consts::PI) * t;
                let year = two_pi_t / c(12.0);
                let (w4, w7) = (two_pi_t / b[3], two_pi_t / b[6]);
                b[0] + b[1] * year.cos()
                    + b[2] * year.sin()
                    + b[4] * w4.cos()
                    + b[5] * w4.sin()
                    + b[7] * w7.cos()
                    + b[8] * w7.sin()
            }
            Self::Mgh09 => b[0] * (t * t + t * b[1]) / (t * t + t * b[2] + b[3]),
            Self::Rat42 => b[0] / (one + (b[1] - b[2] * t).exp()),
            Self::Mgh10 => b[0] * (b[1] / (t + b[2])).exp(),
            Self::Eckerle4 => (b[0] / b[1]) * (c::<T>(-0.5) * ((t - b[2]) / b[1]).powi(2)).exp(),
            Self::Rat43 => b[0] / (one + (b[1] - b[2] * t).exp()).powf(b[3].recip()),
            Self::Bennett5 => b[0] * (b[1] + t).powf(-b[2].recip()),
        }
    }

    /// Returns the residual `response(y) − predict(b, x)` of one observation.
    #[must_use]
    pub fn residual<T: Float>(self, b: &[T], obs: &Observation) -> T {
        c::<T>(self.response(obs.y)) - self.predict(b, &obs.x)
    }
}

/// One observation: the response and its one or two predictors.
#[derive(Clone, Debug)]
pub struct Observation {
    /// The response `y`.
    pub y: f64,
    /// The predictors (`x`, or `x1, x2`).
    pub x: Vec<f64>,
}

/// One certified parameter: its value and the half unit of its last printed digit.
#[derive(Clone, Copy, Debug)]
pub struct Certified {
    /// The certified value.
    pub value: f64,
    /// The number of significant digits printed.
    pub digits: u32,
    /// Half a unit in the last printed digit: the most the printed value can be off.
    pub half_unit: f64,
}

/// One StRD problem, as read from its `.dat` file.
#[derive(Clone, Debug)]
pub struct Problem {
    /// The name (`Misra1a`, …).
    pub name: String,
    /// The model.
    pub model: Model,
    /// NIST's two starting points.
    pub starts: [Vec<f64>; 2],
    /// The certified parameters.
    pub certified: Vec<Certified>,
    /// The certified residual sum of squares.
    pub certified_rss: f64,
    /// The observations.
    pub data: Vec<Observation>,
}

/// Parses one number of a `.dat` file (Fortran-style exponents such as `16.08E0` included).
fn number(token: &str, what: &str) -> Result<f64, String> {
    token
        .parse()
        .map_err(|e| format!("cannot parse {what} from {token:?}: {e}"))
}

/// Returns the certified value printed as `token`, with its digits and rounding.
fn certified(token: &str) -> Result<Certified, String> {
    let value = number(token, "a certified value")?;
    let (mantissa, exponent) = token.split_once(['E', 'e']).unwrap_or((token, "0"));
    let exponent: i32 = exponent
        .parse()
        .map_err(|e| format!("cannot parse the exponent of {token:?}: {e}"))?;
    let decimals = mantissa.split_once('.').map_or(0, |(_, d)| d.len());
    let digits = mantissa
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|&d| d == '0')
        .count();
    let decimals = i32::try_from(decimals).map_err(|e| e.to_string())?;
    Ok(Certified {
        value,
        digits: u32::try_from(digits).map_err(|e| e.to_string())?,
        half_unit: 0.5 * 10f64.powi(exponent - decimals),
    })
}

impl Problem {
    /// Reads the problem `name` from `examples/data/nist/`.
    ///
    /// # Errors
    /// If the file is missing or not in NIST's format.
    pub fn load(name: &str) -> Result<Self, String> {
        let path = data_dir().join(format!("{name}.dat"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Self::parse(name, &text)
    }

    /// Parses a NIST StRD nonlinear-regression file: the parameter lines (`b1 = start1 start2
    /// certified deviation`), the `Residual Sum of Squares:` line, and the observations after
    /// the `Data:  y  x` header, one per line.
    ///
    /// # Errors
    /// If a part is missing or does not parse.
    pub fn parse(name: &str, text: &str) -> Result<Self, String> {
        let model = Model::of(name).ok_or_else(|| format!("no model for {name}"))?;
        let (mut starts, mut certified_values) = ([Vec::new(), Vec::new()], Vec::new());
        let (mut certified_rss, mut data, mut in_data) = (None, Vec::new(), false);
        for line in text.lines() {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            if in_data {
                if !tokens.is_empty() {
                    let row = tokens
                        .iter()
                        .map(|t| number(t, "an observation"))
                        .collect::<Result<Vec<_>, _>>()?;
                    data.push(Observation {
                        y: row[0],
                        x: row[1..].to_vec(),
                    });
                }
            } else if tokens.len() == 6 && tokens[0].starts_with('b') && tokens[1] == "=" {
                starts[0].push(number(tokens[2], "start 1")?);
                starts[1].push(number(tokens[3], "start 2")?);
                certified_values.push(certified(tokens[4])?);
            } else if line.starts_with("Residual Sum of Squares:") {
                let last = tokens
                    .last()
                    .ok_or("an empty residual sum of squares line")?;
                certified_rss = Some(number(last, "the residual sum of squares")?);
            } else if tokens.first() == Some(&"Data:") && tokens.get(1) == Some(&"y") {
                in_data = true;
            }
        }
        let problem = Self {
            name: name.to_owned(),
            model,
            starts,
            certified: certified_values,
            certified_rss: certified_rss.ok_or("no residual sum of squares")?,
            data,
        };
        if problem.certified.is_empty() || problem.data.is_empty() {
            return Err(format!("{name}: no parameters or no observations"));
        }
        Ok(problem)
    }

    /// Returns the certified parameter values.
    #[must_use]
    pub fn certified_values(&self) -> Vec<f64> {
        self.certified.iter().map(|c| c.value).collect()
    }

    /// Returns the residuals at `b`.
    #[must_use]
    pub fn residuals<T: Float>(&self, b: &[T]) -> Vec<T> {
        self.data
            .iter()
            .map(|obs| self.model.residual(b, obs))
            .collect()
    }

    /// Returns the residual sum of squares at `b`.
    #[must_use]
    pub fn rss(&self, b: &[f64]) -> f64 {
        self.residuals(b).iter().map(|r| r * r).sum()
    }

    /// Checks the model against the certified residual sum of squares and returns the residual
    /// sum of squares at the certified parameters.
    ///
    /// The certified parameters are printed to 11 or so digits, so the model can only be
    /// evaluated at values rounded by up to `hⱼ` (half a unit in the last digit) from the
    /// certified least-squares solution b*. At b* the gradient `2Jᵀr` of the sum of squares
    /// vanishes, so the rounding raises it by `‖Jδ‖²` to first order, and `|Jδ|ᵢ ≤ eᵢ =
    /// Σⱼ |rᵢ(b + hⱼ·eⱼ) − rᵢ(b)|`. The check is
    ///
    /// `|RSS(b) − RSS_cert| ≤ ‖e‖² + 1e-10·RSS_cert`,
    ///
    /// the second term for the certified sum of squares itself, printed to 11 digits (half a
    /// unit ≤ 5·10⁻¹¹ relative), and the rounding of the sums. For 25 of the 27 problems `‖e‖²`
    /// is far below that term, so the check is one of relative agreement to 10⁻¹⁰. For Lanczos2
    /// it allows about 6·10⁻¹⁰ relative (the agreement is 1.0·10⁻¹⁰); Lanczos1's certified sum
    /// of squares, 1.4·10⁻²⁵, is below what parameters printed to 11 digits can reproduce
    /// (about 4·10⁻²¹ at the printed values), and the first term says so.
    ///
    /// # Errors
    /// If the model does not reproduce the certified residual sum of squares.
    pub fn check_rss(&self) -> Result<f64, String> {
        let b = self.certified_values();
        let rss = self.rss(&b);
        let base = self.residuals(&b);
        let mut spread = vec![0.0; self.data.len()];
        for (j, cert) in self.certified.iter().enumerate() {
            let mut moved = b.clone();
            moved[j] += cert.half_unit;
            for (e, (r, r0)) in spread
                .iter_mut()
                .zip(self.residuals(&moved).iter().zip(&base))
            {
                *e += (r - r0).abs();
            }
        }
        let rounding: f64 = spread.iter().map(|e| e * e).sum();
        let allowed = rounding + 1e-10 * self.certified_rss;
        let diff = (rss - self.certified_rss).abs();
        if diff <= allowed {
            Ok(rss)
        } else {
            Err(format!(
                "{}: residual sum of squares {rss:e} at the certified values, certified {:e} \
                 (difference {diff:e}, allowed {allowed:e})",
                self.name, self.certified_rss
            ))
        }
    }

    /// Returns the log relative error of `estimate` against the certified parameters: the
    /// least over the parameters of `−log10(|b − b_cert| / |b_cert|)`, each capped at the
    /// digits certified for it (an exact match counts as all of them).
    #[must_use]
    pub fn lre(&self, estimate: &[f64]) -> f64 {
        self.certified
            .iter()
            .zip(estimate)
            .map(|(cert, &b)| {
                let digits = f64::from(cert.digits);
                let relative = (b - cert.value).abs() / cert.value.abs();
                if relative.is_nan() {
                    0.0
                } else {
                    (-relative.log10()).clamp(0.0, digits)
                }
            })
            .fold(f64::INFINITY, f64::min)
    }
}
