//! The serde format (feature `serde`), through serde_json: the documented shape of every type,
//! bit-exact round trips (nested types, every `N`, `f32`), what JSON does with NaN and `±∞`, and
//! the errors for malformed input.
//!
//! Round trips are compared with `{:?}`, which prints every part (where `==` compares values
//! only) in the shortest form that reads back to the same bits, `-0.0` included.
#![cfg(feature = "serde")]

use dualdiff::{
    Dual, Dual2Vec, Dual2Vec32, Dual2Vec64, Dual32, Dual64, DualVec, DualVec32, DualVec64,
    HyperDual, HyperDual32, HyperDual64, Taylor, Taylor32, Taylor64,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Writes `x` as JSON, reads it back, and checks that every part survived bit for bit.
#[track_caller]
fn round_trip<T: Serialize + DeserializeOwned + core::fmt::Debug>(x: &T) -> String {
    let json = serde_json::to_string(x).expect("serialisation succeeds");
    let back: T = serde_json::from_str(&json).expect("deserialisation succeeds");
    assert_eq!(format!("{back:?}"), format!("{x:?}"), "through {json}");
    json
}

/// Returns the error message of reading `json` as a `T`, failing if it reads.
#[track_caller]
fn read_error<T: DeserializeOwned + core::fmt::Debug>(json: &str) -> String {
    match serde_json::from_str::<T>(json) {
        Ok(x) => panic!("{json} read as {x:?}, expected an error"),
        Err(e) => e.to_string(),
    }
}

// ----- the documented shapes -----

#[test]
fn dual_is_re_and_eps() {
    assert_eq!(
        round_trip(&Dual64::new(1.5, 2.0)),
        r#"{"re":1.5,"eps":2.0}"#
    );
    assert_eq!(
        round_trip(&Dual32::new(0.25, -3.0)),
        r#"{"re":0.25,"eps":-3.0}"#
    );
}

#[test]
fn dual_vec_is_re_and_an_array() {
    assert_eq!(
        round_trip(&DualVec64::new(1.0, [0.5, 2.0])),
        r#"{"re":1.0,"eps":[0.5,2.0]}"#
    );
    assert_eq!(
        round_trip(&DualVec64::<0>::new(3.0, [])),
        r#"{"re":3.0,"eps":[]}"#
    );
    assert_eq!(
        round_trip(&DualVec32::<3>::variable(2.0, 1)),
        r#"{"re":2.0,"eps":[0.0,1.0,0.0]}"#
    );
}

#[test]
fn dual_vec_wider_than_serdes_own_arrays() {
    // serde implements `[T; N]` only up to N = 32; the format holds for every N.
    let mut eps = [0.0; 40];
    for (k, e) in eps.iter_mut().enumerate() {
        *e = k as f64 / 7.0;
    }
    let json = round_trip(&DualVec64::new(1.0, eps));
    assert!(json.starts_with(r#"{"re":1.0,"eps":[0.0,0.14285714285714285,"#));
    round_trip(&Dual2Vec64::<33>::variable(1.0, 32));
}

#[test]
fn hyperdual_is_four_named_parts() {
    assert_eq!(
        round_trip(&HyperDual64::new(1.0, 2.0, 3.0, 4.0)),
        r#"{"re":1.0,"e1":2.0,"e2":3.0,"e12":4.0}"#
    );
    round_trip(&HyperDual32::new(1.0, -2.0, 0.5, 1e-30));
}

#[test]
fn dual2_vec_writes_the_full_symmetric_hessian() {
    // f(x, y) = x²y at (3, 2): ∇f = (12, 9), ∇²f = [[4, 6], [6, 0]]
    let x = Dual2Vec64::<2>::variable(3.0, 0);
    let y = Dual2Vec64::<2>::variable(2.0, 1);
    let f = x * x * y;
    assert_eq!(
        round_trip(&f),
        r#"{"re":18.0,"grad":[12.0,9.0],"hessian":[[4.0,6.0],[6.0,0.0]]}"#
    );
    let d = Dual2Vec32::<3>::new(
        1.0,
        [1.0, 2.0, 3.0],
        [[1.0, 2.0, 3.0], [2.0, 4.0, 5.0], [3.0, 5.0, 6.0]],
    );
    assert_eq!(
        round_trip(&d),
        r#"{"re":1.0,"grad":[1.0,2.0,3.0],"hessian":[[1.0,2.0,3.0],[2.0,4.0,5.0],[3.0,5.0,6.0]]}"#
    );
    round_trip(&Dual2Vec64::<0>::constant(1.0));
}

#[test]
fn taylor_is_re_and_its_coefficients() {
    assert_eq!(
        round_trip(&Taylor64::new(1.0, [2.0, 3.0])),
        r#"{"re":1.0,"coeffs":[2.0,3.0]}"#
    );
    assert_eq!(
        round_trip(&Taylor32::<3>::variable(0.5)),
        r#"{"re":0.5,"coeffs":[1.0,0.0,0.0]}"#
    );
    // every order, beyond serde's own arrays, and a series that went through functions
    let t = Taylor64::<40>::variable(0.3).exp().sin();
    round_trip(&t);
    let nested = Taylor::new(Dual64::new(1.0, 2.0), [Dual64::new(3.0, -0.0)]);
    assert_eq!(
        round_trip(&nested),
        r#"{"re":{"re":1.0,"eps":2.0},"coeffs":[{"re":3.0,"eps":-0.0}]}"#
    );
    let e = read_error::<Taylor64<2>>(r#"{"re":1.0,"coeffs":[1.0]}"#);
    assert!(
        e.contains("invalid length 1, expected an array of length 2"),
        "{e}"
    );
    let e = read_error::<Taylor64<2>>(r#"{"re":1.0,"eps":[1.0,2.0]}"#);
    assert!(
        e.contains("unknown field `eps`, expected `re` or `coeffs`"),
        "{e}"
    );
    let t: Taylor64<2> = serde_json::from_str("[1.0,[2.0,3.0]]").expect("a sequence reads");
    assert_eq!((t.re, t.coeffs), (1.0, [2.0, 3.0]));
}

#[test]
fn nested_types_nest_the_format() {
    let x = Dual::new(Dual64::new(1.0, 2.0), Dual64::new(3.0, 4.0));
    assert_eq!(
        round_trip(&x),
        r#"{"re":{"re":1.0,"eps":2.0},"eps":{"re":3.0,"eps":4.0}}"#
    );

    // Values computed by the library, so every part is populated.
    let h = HyperDual::new(
        Dual64::variable(0.7),
        Dual64::constant(1.0),
        Dual64::constant(1.0),
        Dual64::constant(0.0),
    );
    round_trip(&(h.sin() * h.exp()));

    let v = DualVec::new(HyperDual64::variable(0.3), [HyperDual64::constant(1.0); 2]);
    round_trip(&v.ln_1p());

    let g = Dual2Vec::<Dual64, 2>::variable(Dual64::variable(1.25), 1);
    let g = g.atan() * g;
    let json = round_trip(&g);
    assert!(json.starts_with(r#"{"re":{"re":"#));

    let deep = Dual::new(
        Dual::new(Dual32::new(1.0, 2.0), Dual32::new(3.0, 4.0)),
        Dual::new(Dual32::new(5.0, 6.0), Dual32::new(7.0, 8.0)),
    );
    round_trip(&deep.cos());
}

// ----- floats that are hard to round-trip -----

#[test]
fn awkward_finite_values_round_trip_bit_for_bit() {
    // Needs serde_json's `float_roundtrip` (on in this crate's dev-dependencies): without it
    // serde_json's faster parser may be one ulp off.
    let awkward = [
        -0.0,
        5e-324,
        -5e-324,
        f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        0.1,
        1.0 / 3.0,
        core::f64::consts::PI,
        // the largest subnormal, whose decimal form is a classic parser trap
        f64::from_bits(0x000F_FFFF_FFFF_FFFF),
    ];
    for &a in &awkward {
        for &b in &awkward {
            round_trip(&Dual64::new(a, b));
        }
    }
    assert_eq!(
        round_trip(&Dual64::new(-0.0, 5e-324)),
        r#"{"re":-0.0,"eps":5e-324}"#
    );

    let awkward32 = [-0.0, 1e-45, f32::MIN_POSITIVE, f32::MAX, 0.1, 1.0 / 3.0];
    for &a in &awkward32 {
        for &b in &awkward32 {
            round_trip(&HyperDual32::new(a, b, -a, -b));
        }
    }
}

#[test]
fn json_writes_non_finite_parts_as_null_and_cannot_read_them() {
    // serde_json has no NaN or infinity: it writes `null`, and `null` is not a float when read.
    // A number with a non-finite part therefore does not round-trip through JSON.
    let d = Dual64::new(f64::NAN, f64::INFINITY);
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(json, r#"{"re":null,"eps":null}"#);
    let e = read_error::<Dual64>(&json);
    assert!(e.contains("invalid type: null, expected f64"), "{e}");

    let h = HyperDual64::new(1.0, f64::NEG_INFINITY, 2.0, f64::NAN);
    assert_eq!(
        serde_json::to_string(&h).unwrap(),
        r#"{"re":1.0,"e1":null,"e2":2.0,"e12":null}"#
    );

    // A sqrt at 0 has an infinite slope: the finite parts survive, the infinite one does not.
    let s = Dual64::variable(0.0).sqrt();
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        r#"{"re":0.0,"eps":null}"#
    );
}

// ----- the sequence form -----

#[test]
fn structs_read_from_sequences_in_field_order() {
    // Formats without field names (bincode, postcard) write structs as sequences.
    let d: Dual64 = serde_json::from_str("[1.5, 2.0]").unwrap();
    assert_eq!((d.re, d.eps), (1.5, 2.0));
    let v: DualVec64<2> = serde_json::from_str("[1.0, [2.0, 3.0]]").unwrap();
    assert_eq!((v.re, v.eps), (1.0, [2.0, 3.0]));
    let h: HyperDual64 = serde_json::from_str("[1, 2, 3, 4]").unwrap();
    assert_eq!((h.re, h.e1, h.e2, h.e12), (1.0, 2.0, 3.0, 4.0));
    let g: Dual2Vec64<2> = serde_json::from_str("[1, [2, 3], [[4, 5], [5, 6]]]").unwrap();
    assert_eq!(
        (g.re, g.grad, g.hessian()),
        (1.0, [2.0, 3.0], [[4.0, 5.0], [5.0, 6.0]])
    );

    let e = read_error::<HyperDual64>("[1, 2, 3]");
    assert!(e.contains("invalid length 3"), "{e}");
}

#[test]
fn fields_may_come_in_any_order() {
    let h: HyperDual64 = serde_json::from_str(r#"{"e12":4,"re":1,"e2":3,"e1":2}"#).unwrap();
    assert_eq!((h.re, h.e1, h.e2, h.e12), (1.0, 2.0, 3.0, 4.0));
}

// ----- errors -----

#[test]
fn wrong_lengths_are_errors() {
    let e = read_error::<DualVec64<3>>(r#"{"re":1.0,"eps":[1.0,2.0]}"#);
    assert!(
        e.contains("invalid length 2, expected an array of length 3"),
        "{e}"
    );
    let e = read_error::<DualVec64<3>>(r#"{"re":1.0,"eps":[1.0,2.0,3.0,4.0,5.0]}"#);
    assert!(
        e.contains("invalid length 5, expected an array of length 3"),
        "{e}"
    );
    let e = read_error::<DualVec64<0>>(r#"{"re":1.0,"eps":[1.0]}"#);
    assert!(
        e.contains("invalid length 1, expected an array of length 0"),
        "{e}"
    );

    let e = read_error::<Dual2Vec64<2>>(r#"{"re":1,"grad":[1,2,3],"hessian":[[1,0],[0,1]]}"#);
    assert!(
        e.contains("invalid length 3, expected an array of length 2"),
        "{e}"
    );
    let e = read_error::<Dual2Vec64<2>>(r#"{"re":1,"grad":[1,2],"hessian":[[1,0]]}"#);
    assert!(
        e.contains("invalid length 1, expected an array of length 2"),
        "{e}"
    );
    let e = read_error::<Dual2Vec64<2>>(r#"{"re":1,"grad":[1,2],"hessian":[[1,0],[0]]}"#);
    assert!(
        e.contains("invalid length 1, expected an array of length 2"),
        "{e}"
    );
    // Upper triangle only is not the format: the Hessian is written in full.
    let e = read_error::<Dual2Vec64<2>>(r#"{"re":1,"grad":[1,2],"hessian":[1,0,1]}"#);
    assert!(e.contains("expected an array of length 2"), "{e}");
}

#[test]
fn an_asymmetric_hessian_is_an_error() {
    let e = read_error::<Dual2Vec64<2>>(r#"{"re":1,"grad":[1,2],"hessian":[[1,2],[3,4]]}"#);
    assert!(
        e.contains("the Hessian is not symmetric: entry (0, 1) is 2 but entry (1, 0) is 3"),
        "{e}"
    );
    // Symmetric up to the sign of zero is symmetric (`==`); the upper triangle is kept.
    let g: Dual2Vec64<2> =
        serde_json::from_str(r#"{"re":1,"grad":[1,2],"hessian":[[1,0.0],[-0.0,4]]}"#).unwrap();
    assert_eq!(g.hess(1, 0).to_bits(), 0.0f64.to_bits());
}

#[test]
fn missing_unknown_and_duplicate_fields_are_errors() {
    let e = read_error::<Dual64>(r#"{"re":1.0}"#);
    assert!(e.contains("missing field `eps`"), "{e}");
    let e = read_error::<HyperDual64>(r#"{"re":1,"e1":2,"e2":3}"#);
    assert!(e.contains("missing field `e12`"), "{e}");
    let e = read_error::<Dual2Vec64<1>>(r#"{"re":1,"grad":[1]}"#);
    assert!(e.contains("missing field `hessian`"), "{e}");

    let e = read_error::<Dual64>(r#"{"re":1.0,"eps":2.0,"e1":3.0}"#);
    assert!(
        e.contains("unknown field `e1`, expected `re` or `eps`"),
        "{e}"
    );
    let e = read_error::<DualVec64<1>>(r#"{"re":1.0,"grad":[2.0]}"#);
    assert!(e.contains("unknown field `grad`"), "{e}");

    let e = read_error::<Dual64>(r#"{"re":1.0,"eps":2.0,"re":3.0}"#);
    assert!(e.contains("duplicate field `re`"), "{e}");
}

#[test]
fn wrong_types_are_errors() {
    let e = read_error::<Dual64>("1.5");
    assert!(e.contains("expected a struct Dual"), "{e}");
    let e = read_error::<Dual64>(r#"{"re":"1.5","eps":0}"#);
    assert!(e.contains("expected f64"), "{e}");
    // A nested type wants the nested shape.
    let e = read_error::<Dual<Dual64>>(r#"{"re":1.0,"eps":2.0}"#);
    assert!(e.contains("expected a struct Dual"), "{e}");
}
