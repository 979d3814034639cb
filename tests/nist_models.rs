//! The NIST StRD models of `examples/nist.rs` (in `examples/nist/strd.rs`) against NIST's
//! certified residual sums of squares, before any derivative is taken: each model, evaluated at
//! the certified parameters, must reproduce the certified sum of squares. Needs no feature.

#[allow(
    dead_code,
    reason = "the example uses parts of the shared module that these tests do not"
)]
#[path = "../examples/nist/strd.rs"]
mod strd;

use strd::{NAMES, Problem};

fn load(name: &str) -> Problem {
    Problem::load(name).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_file_parses_with_nists_counts() {
    // (parameters, observations) as the files' headers state them
    let expected: [(&str, usize, usize); 27] = [
        ("Misra1a", 2, 14),
        ("Chwirut2", 3, 54),
        ("Chwirut1", 3, 214),
        ("Lanczos3", 6, 24),
        ("Gauss1", 8, 250),
        ("Gauss2", 8, 250),
        ("DanWood", 2, 6),
        ("Misra1b", 2, 14),
        ("Kirby2", 5, 151),
        ("Hahn1", 7, 236),
        ("Nelson", 3, 128),
        ("MGH17", 5, 33),
        ("Lanczos1", 6, 24),
        ("Lanczos2", 6, 24),
        ("Gauss3", 8, 250),
        ("Misra1c", 2, 14),
        ("Misra1d", 2, 14),
        ("Roszman1", 4, 25),
        ("ENSO", 9, 168),
        ("MGH09", 4, 11),
        ("Thurber", 7, 37),
        ("BoxBOD", 2, 6),
        ("Rat42", 3, 9),
        ("MGH10", 3, 16),
        ("Eckerle4", 3, 35),
        ("Rat43", 4, 15),
        ("Bennett5", 3, 154),
    ];
    assert_eq!(NAMES.len(), expected.len());
    for (name, (file, p, n)) in NAMES.iter().zip(expected) {
        assert_eq!(*name, file);
        let problem = load(name);
        assert_eq!(problem.certified.len(), p, "{name}: parameters");
        assert_eq!(problem.starts[0].len(), p, "{name}: start 1");
        assert_eq!(problem.starts[1].len(), p, "{name}: start 2");
        assert_eq!(problem.data.len(), n, "{name}: observations");
        let predictors = if *name == "Nelson" { 2 } else { 1 };
        assert!(
            problem.data.iter().all(|o| o.x.len() == predictors),
            "{name}: predictors"
        );
    }
}

#[test]
fn certified_values_are_read_with_their_digits() {
    // Misra1a: b1 = 2.3894212918E+02, b2 = 5.5015643181E-04 (11 digits each)
    let misra = load("Misra1a");
    assert_eq!(misra.certified[0].value, 2.3894212918E+02);
    assert_eq!(misra.certified[0].digits, 11);
    assert_eq!(misra.certified[0].half_unit, 0.5e-8);
    assert_eq!(misra.certified[1].half_unit, 0.5e-14);
    assert_eq!(misra.certified_rss, 1.2455138894E-01);
    // Roszman1 prints b1 with 12 digits and the exponent "E-0"
    let roszman = load("Roszman1");
    assert_eq!(roszman.certified[0].value, 1.20196866396);
    assert_eq!(roszman.certified[0].digits, 12);
    // the LRE of the certified values themselves is every certified digit
    assert_eq!(misra.lre(&misra.certified_values()), 11.0);
    let lre = misra.lre(&[2.3894212918E+02 * (1.0 + 1e-7), 5.5015643181E-04]);
    assert!((lre - 7.0).abs() < 1e-8, "{lre}");
}

#[test]
fn every_model_reproduces_its_certified_residual_sum_of_squares() {
    let mut failures = Vec::new();
    for name in NAMES {
        if let Err(e) = load(name).check_rss() {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn lanczos1_certified_sum_is_below_what_eleven_digit_parameters_reach() {
    // Lanczos1's data are exact to 13 digits, and its certified sum of squares, 1.4e-25, is
    // that of the unrounded solution; at the parameters as printed (11 digits) it is about
    // 4e-21. The check's rounding term accounts for it: the model is right.
    let problem = load("Lanczos1");
    let rss = problem.rss(&problem.certified_values());
    assert!(rss > 1e3 * problem.certified_rss && rss < 1e-20, "{rss:e}");
    assert_eq!(problem.check_rss(), Ok(rss));
}

#[test]
fn roszman1_read_literally_misses_by_one_per_observation() {
    // With the principal arctangent, in (−π/2, π/2), every residual at the certified values is
    // off by exactly 1 from the model taken with the arctangent in (0, π): b3/(x − b4) < 0 at
    // every observation, where the two differ by π (divided by π in the model).
    let problem = load("Roszman1");
    let b = problem.certified_values();
    let pi = std::f64::consts::PI;
    let mut literal_rss = 0.0;
    for (obs, r) in problem.data.iter().zip(problem.residuals(&b)) {
        let x = obs.x[0];
        assert!(x - b[3] < 0.0);
        let literal = obs.y - (b[0] - b[1] * x - (b[2] / (x - b[3])).atan() / pi);
        assert!(
            (literal - (r - 1.0)).abs() < 1e-12,
            "{literal} against {r} − 1"
        );
        literal_rss += literal * literal;
    }
    // 25 observations: the literal reading gives 25 + a little, far from the certified 4.9e-4
    assert!((literal_rss - 25.0).abs() < 0.1, "{literal_rss}");
    assert!(problem.check_rss().is_ok());
}
