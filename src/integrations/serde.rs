//! serde integration (feature `serde`): `Serialize` and `Deserialize` for every number type,
//! nested ones included. The impls are generated (one macro, [`impl_serde!`]) from each type's
//! list of fields rather than derived: derive would need serde's proc-macro feature, serde's own
//! arrays stop at length 32, and `Dual2Vec` writes the full symmetric Hessian where it stores
//! one triangle. The format is fixed and documented here.
//!
//! Every type is a struct with named fields, the parts in declaration order:
//!
//! | type | fields |
//! |---|---|
//! | `Dual<T>` | `re: T`, `eps: T` |
//! | `DualVec<T, N>` | `re: T`, `eps: [T; N]` |
//! | `HyperDual<T>` | `re: T`, `e1: T`, `e2: T`, `e12: T` |
//! | `Dual2Vec<T, N>` | `re: T`, `grad: [T; N]`, `hessian: [[T; N]; N]` (full and symmetric) |
//! | `Taylor<T, K>` | `re: T`, `coeffs: [T; K]` |
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

use core::fmt;
use core::marker::PhantomData;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};

// =============================================================================================
// Fixed-length arrays, for every N
// =============================================================================================

/// Writes `[T; N]` as a tuple of length `N` (serde's own impl stops at 32).
pub(crate) struct ArrayRef<'a, T, const N: usize>(pub(crate) &'a [T; N]);

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
pub(crate) struct MatrixRef<'a, T, const N: usize>(pub(crate) &'a [[T; N]; N]);

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
pub(crate) struct Array<T, const N: usize>(pub(crate) [T; N]);

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
// Struct plumbing shared by every type
// =============================================================================================

/// Reads a field name (or, for formats that number fields, its index) as its position in `.0`.
pub(crate) struct FieldSeed(pub(crate) &'static [&'static str]);

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
pub(crate) fn fill<'de, A: MapAccess<'de>, V: Deserialize<'de>>(
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
pub(crate) fn required<V, E: de::Error>(slot: Option<V>, name: &'static str) -> Result<V, E> {
    slot.ok_or_else(|| de::Error::missing_field(name))
}

/// Reads element `index` of a struct written as a sequence.
pub(crate) fn element<'de, A: SeqAccess<'de>, V: Deserialize<'de>>(
    seq: &mut A,
    index: usize,
    expected: &dyn de::Expected,
) -> Result<V, A::Error> {
    seq.next_element()?
        .ok_or_else(|| de::Error::invalid_length(index, expected))
}

// =============================================================================================
// The impls of one type
// =============================================================================================

/// Generates `Serialize` and `Deserialize` for one number type from its fields, each given as
/// `name: kind = getter`. The kind says how the field is written: `scalar` (a `T`), `array(N)`
/// (an `[T; N]`, as a tuple) or `matrix(N)` (an `[[T; N]; N]`, as a tuple of tuples); the getter
/// (a closure of `&Self`) returns it. `build`, a closure of the fields in order, makes the number
/// or says why it cannot (a `Result` whose error is `Display`).
///
/// Reading accepts a map with exactly these fields (any order, none twice, none unknown) or a
/// sequence of them in order, as serde's derived impls do. The impls sit in an anonymous `const`
/// so that the names they use are in scope wherever they are expanded.
macro_rules! impl_serde {
    (
        [$($p:tt)*] $ty:ty,
        $name:literal { $($field:ident: $kind:ident $(($len:ident))? = $get:expr),+ $(,)? }
        => $build:expr
    ) => {
        const _: () = {
        use $crate::integrations::serde::{element, fill, required, FieldSeed};
        use core::fmt;
        use core::marker::PhantomData;
        use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
        use serde::ser::{SerializeStruct, Serializer};
        use serde::{Deserialize, Serialize};

        const FIELDS: &[&str] = &[$(stringify!($field)),+];

        impl<$($p)*> Serialize for $ty
        where
            T: Serialize,
        {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut s = serializer.serialize_struct($name, FIELDS.len())?;
                $(
                    let value = ($get)(self);
                    $crate::integrations::serde::impl_serde!(@write s, $field, $kind, value);
                )+
                s.end()
            }
        }

        impl<'de, $($p)*> Deserialize<'de> for $ty
        where
            T: Deserialize<'de>,
        {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_struct($name, FIELDS, NumberVisitor(PhantomData))
            }
        }

        struct NumberVisitor<X>(PhantomData<X>);

        impl<'de, $($p)*> Visitor<'de> for NumberVisitor<$ty>
        where
            T: Deserialize<'de>,
        {
            type Value = $ty;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a struct {} with the fields {:?}", $name, FIELDS)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<$ty, A::Error> {
                let mut index = 0;
                $(
                    let $field: $crate::integrations::serde::impl_serde!(@wire $kind $($len)?) =
                        element(&mut seq, index, &self)?;
                    index += 1;
                )+
                let _ = index;
                ($build)($($crate::integrations::serde::impl_serde!(@unwrap $kind, $field)),+)
                    .map_err(de::Error::custom)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                $(
                    let mut $field: Option<
                        $crate::integrations::serde::impl_serde!(@wire $kind $($len)?),
                    > = None;
                )+
                while let Some(index) = map.next_key_seed(FieldSeed(FIELDS))? {
                    let name = FIELDS[index];
                    $(
                        if name == stringify!($field) {
                            fill(&mut map, &mut $field, stringify!($field))?;
                        }
                    )+
                }
                $( let $field = required($field, stringify!($field))?; )+
                ($build)($($crate::integrations::serde::impl_serde!(@unwrap $kind, $field)),+)
                    .map_err(de::Error::custom)
            }
        }
        };
    };

    // How each kind of field is written...
    (@write $s:ident, $field:ident, scalar, $value:ident) => {
        $s.serialize_field(stringify!($field), &$value)?
    };
    (@write $s:ident, $field:ident, array, $value:ident) => {
        $s.serialize_field(stringify!($field), &$crate::integrations::serde::ArrayRef(&$value))?
    };
    (@write $s:ident, $field:ident, matrix, $value:ident) => {
        $s.serialize_field(stringify!($field), &$crate::integrations::serde::MatrixRef(&$value))?
    };
    // ... read ...
    (@wire scalar) => { T };
    (@wire array $len:ident) => { $crate::integrations::serde::Array<T, $len> };
    (@wire matrix $len:ident) => {
        $crate::integrations::serde::Array<$crate::integrations::serde::Array<T, $len>, $len>
    };
    // ... and handed to `build`.
    (@unwrap scalar, $v:ident) => { $v };
    (@unwrap array, $v:ident) => { $v.0 };
    (@unwrap matrix, $v:ident) => { $v.0.map(|row| row.0) };
}

pub(crate) use impl_serde;

/// Returns the matrix if it is symmetric — each entry equal to its mirror image, compared by
/// value as `==` compares (NaN matching NaN) — and otherwise the first pair that differs: a
/// `Dual2Vec`'s Hessian read back.
pub(crate) fn symmetric<T: crate::Real, const N: usize>(
    m: [[T; N]; N],
) -> Result<[[T; N]; N], Asymmetric<T>> {
    for (i, row) in m.iter().enumerate() {
        for (j, &upper) in row.iter().enumerate().skip(i + 1) {
            let lower = m[j][i];
            if upper != lower && !(upper.is_nan() && lower.is_nan()) {
                return Err(Asymmetric {
                    at: (i, j),
                    upper,
                    lower,
                });
            }
        }
    }
    Ok(m)
}

/// A Hessian that is not symmetric: entry `at` and its mirror image differ.
pub(crate) struct Asymmetric<T> {
    at: (usize, usize),
    upper: T,
    lower: T,
}

impl<T: fmt::Display> fmt::Display for Asymmetric<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (i, j) = self.at;
        write!(
            f,
            "the Hessian is not symmetric: entry ({i}, {j}) is {} but entry ({j}, {i}) is {}",
            self.upper, self.lower
        )
    }
}
