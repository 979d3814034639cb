//! serde integration (feature `serde`): `Serialize` and `Deserialize` for every dual type, nested
//! ones included, written by hand so that the format is fixed and documented here.
//!
//! Every type is a struct with named fields, the parts in declaration order:
//!
//! | type | fields |
//! |---|---|
//! | `Dual<T>` | `re: T`, `eps: T` |
//! | `DualVec<T, N>` | `re: T`, `eps: [T; N]` |
//! | `HyperDual<T>` | `re: T`, `e1: T`, `e2: T`, `e12: T` |
//! | `Dual2Vec<T, N>` | `re: T`, `grad: [T; N]`, `hessian: [[T; N]; N]` (full and symmetric) |
//!
//! so `Dual64::new(1.5, 2.0)` is `{"re":1.5,"eps":2.0}` in JSON, and a nested type nests:
//! `Dual<Dual64>` is `{"re":{"re":…,"eps":…},"eps":{"re":…,"eps":…}}`. Arrays are fixed-length
//! tuples (as serde writes `[T; N]`), for every `N`.
//!
//! Reading is strict: a missing, duplicate or unknown field, an array of the wrong length, or a
//! `Dual2Vec` Hessian that is not symmetric is an error. Formats that write structs as sequences
//! (bincode, postcard) are read in field order.
//!
//! Non-finite parts are the format's business: serde_json writes NaN and `±∞` as `null` and cannot
//! read `null` back as a float, so a number with a non-finite part does not round-trip through
//! JSON (formats that carry IEEE floats, such as CBOR or bincode, round-trip them).
#![forbid(unsafe_code)]

use crate::{Dual, Dual2Vec, DualVec, HyperDual, Real};
use core::fmt;
use core::marker::PhantomData;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeStruct, SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};

// =============================================================================================
// Fixed-length arrays, for every N
// =============================================================================================

/// Writes `[T; N]` as a tuple of length `N` (serde's own impl stops at 32).
struct ArrayRef<'a, T, const N: usize>(&'a [T; N]);

impl<T: Serialize, const N: usize> Serialize for ArrayRef<'_, T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(N)?;
        for x in self.0 {
            tuple.serialize_element(x)?;
        }
        tuple.end()
    }
}

/// Writes `[[T; N]; N]` as a tuple of `N` tuples of length `N`.
struct MatrixRef<'a, T, const N: usize>(&'a [[T; N]; N]);

impl<T: Serialize, const N: usize> Serialize for MatrixRef<'_, T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(N)?;
        for row in self.0 {
            tuple.serialize_element(&ArrayRef(row))?;
        }
        tuple.end()
    }
}

/// Reads `[T; N]` from a sequence of exactly `N` elements. (`Copy + Default` fills the array
/// before it is read into, which keeps this free of `unsafe` and of allocation.)
#[derive(Clone, Copy)]
struct Array<T, const N: usize>([T; N]);

impl<T: Copy + Default, const N: usize> Default for Array<T, N> {
    fn default() -> Self {
        Self([T::default(); N])
    }
}

impl<'de, T: Deserialize<'de> + Copy + Default, const N: usize> Deserialize<'de> for Array<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_tuple(N, ArrayVisitor(PhantomData))
    }
}

struct ArrayVisitor<T, const N: usize>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Copy + Default, const N: usize> Visitor<'de>
    for ArrayVisitor<T, N>
{
    type Value = Array<T, N>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of length {N}")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Array<T, N>, A::Error> {
        let mut items = [T::default(); N];
        for (k, item) in items.iter_mut().enumerate() {
            *item = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(k, &self))?;
        }
        // Count any surplus elements, so that the error names the actual length.
        let mut len = N;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            len += 1;
        }
        if len == N {
            Ok(Array(items))
        } else {
            Err(de::Error::invalid_length(len, &self))
        }
    }
}

// =============================================================================================
// Struct plumbing shared by the four types
// =============================================================================================

/// Reads a field name (or, for formats that number fields, its index) as its position in `.0`.
struct FieldSeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for FieldSeed {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldSeed {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of the fields {:?}", self.0)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<usize, E> {
        usize::try_from(v)
            .ok()
            .filter(|&i| i < self.0.len())
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Unsigned(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|&name| name == v)
            .ok_or_else(|| de::Error::unknown_field(v, self.0))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        match core::str::from_utf8(v) {
            Ok(s) => self.visit_str(s),
            Err(_) => Err(de::Error::invalid_value(de::Unexpected::Bytes(v), &self)),
        }
    }
}

/// Reads the value of field `name` into `slot`, refusing a second occurrence.
fn fill<'de, A: MapAccess<'de>, V: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<V>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Returns the value read for field `name`, or the missing-field error.
fn required<V, E: de::Error>(slot: Option<V>, name: &'static str) -> Result<V, E> {
    slot.ok_or_else(|| de::Error::missing_field(name))
}

/// Reads element `index` of a struct written as a sequence.
fn element<'de, A: SeqAccess<'de>, V: Deserialize<'de>>(
    seq: &mut A,
    index: usize,
    expected: &dyn de::Expected,
) -> Result<V, A::Error> {
    seq.next_element()?
        .ok_or_else(|| de::Error::invalid_length(index, expected))
}

// =============================================================================================
// Dual
// =============================================================================================

const DUAL_FIELDS: &[&str] = &["re", "eps"];

/// Writes a struct `Dual` with the fields `re` and `eps`: `{"re":1.5,"eps":2.0}` in JSON.
impl<T: Serialize> Serialize for Dual<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Dual", 2)?;
        s.serialize_field("re", &self.re)?;
        s.serialize_field("eps", &self.eps)?;
        s.end()
    }
}

/// Reads a struct `Dual` with exactly the fields `re` and `eps` (or a sequence of the two).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Dual<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Dual", DUAL_FIELDS, DualVisitor(PhantomData))
    }
}

struct DualVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for DualVisitor<T> {
    type Value = Dual<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a struct Dual with fields re and eps")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dual<T>, A::Error> {
        let re = element(&mut seq, 0, &self)?;
        let eps = element(&mut seq, 1, &self)?;
        Ok(Dual::new(re, eps))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Dual<T>, A::Error> {
        let (mut re, mut eps) = (None, None);
        while let Some(field) = map.next_key_seed(FieldSeed(DUAL_FIELDS))? {
            match field {
                0 => fill(&mut map, &mut re, "re")?,
                _ => fill(&mut map, &mut eps, "eps")?,
            }
        }
        Ok(Dual::new(required(re, "re")?, required(eps, "eps")?))
    }
}

// =============================================================================================
// DualVec
// =============================================================================================

const DUAL_VEC_FIELDS: &[&str] = &["re", "eps"];

/// Writes a struct `DualVec` with the fields `re` and `eps`, the partials as an array of length
/// `N`: `{"re":1.0,"eps":[0.5,2.0]}` in JSON.
impl<T: Serialize, const N: usize> Serialize for DualVec<T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("DualVec", 2)?;
        s.serialize_field("re", &self.re)?;
        s.serialize_field("eps", &ArrayRef(&self.eps))?;
        s.end()
    }
}

/// Reads a struct `DualVec` with exactly the fields `re` and `eps` (or a sequence of the two);
/// `eps` must hold exactly `N` partials.
impl<'de, T: Deserialize<'de> + Copy + Default, const N: usize> Deserialize<'de> for DualVec<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("DualVec", DUAL_VEC_FIELDS, DualVecVisitor(PhantomData))
    }
}

struct DualVecVisitor<T, const N: usize>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Copy + Default, const N: usize> Visitor<'de>
    for DualVecVisitor<T, N>
{
    type Value = DualVec<T, N>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a struct DualVec with fields re and eps (length {N})")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DualVec<T, N>, A::Error> {
        let re = element(&mut seq, 0, &self)?;
        let Array(eps) = element(&mut seq, 1, &self)?;
        Ok(DualVec::new(re, eps))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DualVec<T, N>, A::Error> {
        let (mut re, mut eps) = (None, None);
        while let Some(field) = map.next_key_seed(FieldSeed(DUAL_VEC_FIELDS))? {
            match field {
                0 => fill(&mut map, &mut re, "re")?,
                _ => fill(&mut map, &mut eps, "eps")?,
            }
        }
        let Array(eps) = required(eps, "eps")?;
        Ok(DualVec::new(required(re, "re")?, eps))
    }
}

// =============================================================================================
// HyperDual
// =============================================================================================

const HYPER_DUAL_FIELDS: &[&str] = &["re", "e1", "e2", "e12"];

/// Writes a struct `HyperDual` with the fields `re`, `e1`, `e2` and `e12`:
/// `{"re":1.0,"e1":2.0,"e2":3.0,"e12":4.0}` in JSON.
impl<T: Serialize> Serialize for HyperDual<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("HyperDual", 4)?;
        s.serialize_field("re", &self.re)?;
        s.serialize_field("e1", &self.e1)?;
        s.serialize_field("e2", &self.e2)?;
        s.serialize_field("e12", &self.e12)?;
        s.end()
    }
}

/// Reads a struct `HyperDual` with exactly the fields `re`, `e1`, `e2` and `e12` (or a sequence
/// of the four).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for HyperDual<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct(
            "HyperDual",
            HYPER_DUAL_FIELDS,
            HyperDualVisitor(PhantomData),
        )
    }
}

struct HyperDualVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for HyperDualVisitor<T> {
    type Value = HyperDual<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a struct HyperDual with fields re, e1, e2 and e12")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<HyperDual<T>, A::Error> {
        let re = element(&mut seq, 0, &self)?;
        let e1 = element(&mut seq, 1, &self)?;
        let e2 = element(&mut seq, 2, &self)?;
        let e12 = element(&mut seq, 3, &self)?;
        Ok(HyperDual::new(re, e1, e2, e12))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HyperDual<T>, A::Error> {
        let (mut re, mut e1, mut e2, mut e12) = (None, None, None, None);
        while let Some(field) = map.next_key_seed(FieldSeed(HYPER_DUAL_FIELDS))? {
            match field {
                0 => fill(&mut map, &mut re, "re")?,
                1 => fill(&mut map, &mut e1, "e1")?,
                2 => fill(&mut map, &mut e2, "e2")?,
                _ => fill(&mut map, &mut e12, "e12")?,
            }
        }
        Ok(HyperDual::new(
            required(re, "re")?,
            required(e1, "e1")?,
            required(e2, "e2")?,
            required(e12, "e12")?,
        ))
    }
}

// =============================================================================================
// Dual2Vec
// =============================================================================================

const DUAL2_VEC_FIELDS: &[&str] = &["re", "grad", "hessian"];

/// Writes a struct `Dual2Vec` with the fields `re`, `grad` (an array of length `N`) and
/// `hessian`, the full symmetric `N×N` Hessian as an array of `N` rows:
/// `{"re":18.0,"grad":[12.0,9.0],"hessian":[[4.0,6.0],[6.0,0.0]]}` in JSON.
impl<T: Real + Serialize, const N: usize> Serialize for Dual2Vec<T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Dual2Vec", 3)?;
        s.serialize_field("re", &self.re)?;
        s.serialize_field("grad", &ArrayRef(&self.grad))?;
        s.serialize_field("hessian", &MatrixRef(&self.hessian()))?;
        s.end()
    }
}

/// Reads a struct `Dual2Vec` with exactly the fields `re`, `grad` and `hessian` (or a sequence
/// of the three): `N` partials and `N` rows of `N` entries. The Hessian must be symmetric —
/// each entry equal to its mirror image, compared by value as `==` compares (NaN matching
/// NaN) — or reading fails.
impl<'de, T: Real + Deserialize<'de>, const N: usize> Deserialize<'de> for Dual2Vec<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Dual2Vec", DUAL2_VEC_FIELDS, Dual2VecVisitor(PhantomData))
    }
}

struct Dual2VecVisitor<T, const N: usize>(PhantomData<T>);

impl<T: Real, const N: usize> Dual2VecVisitor<T, N> {
    /// Builds the number, refusing a Hessian that is not symmetric.
    fn build<E: de::Error>(
        re: T,
        Array(grad): Array<T, N>,
        Array(rows): Array<Array<T, N>, N>,
    ) -> Result<Dual2Vec<T, N>, E> {
        let hessian = rows.map(|Array(row)| row);
        for (i, row) in hessian.iter().enumerate() {
            for (j, &upper) in row.iter().enumerate().skip(i + 1) {
                let lower = hessian[j][i];
                if upper != lower && !(upper.is_nan() && lower.is_nan()) {
                    return Err(de::Error::custom(format_args!(
                        "the Hessian is not symmetric: entry ({i}, {j}) is {upper} \
                         but entry ({j}, {i}) is {lower}"
                    )));
                }
            }
        }
        Ok(Dual2Vec::new(re, grad, hessian))
    }
}

impl<'de, T: Real + Deserialize<'de>, const N: usize> Visitor<'de> for Dual2VecVisitor<T, N> {
    type Value = Dual2Vec<T, N>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a struct Dual2Vec with fields re, grad (length {N}) and hessian ({N}×{N})"
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dual2Vec<T, N>, A::Error> {
        let re = element(&mut seq, 0, &self)?;
        let grad = element(&mut seq, 1, &self)?;
        let hessian = element(&mut seq, 2, &self)?;
        Self::build(re, grad, hessian)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Dual2Vec<T, N>, A::Error> {
        let (mut re, mut grad, mut hessian) = (None, None, None);
        while let Some(field) = map.next_key_seed(FieldSeed(DUAL2_VEC_FIELDS))? {
            match field {
                0 => fill(&mut map, &mut re, "re")?,
                1 => fill(&mut map, &mut grad, "grad")?,
                _ => fill(&mut map, &mut hessian, "hessian")?,
            }
        }
        Self::build(
            required(re, "re")?,
            required(grad, "grad")?,
            required(hessian, "hessian")?,
        )
    }
}
