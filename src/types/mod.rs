//! The number types: one file per type, each with its struct, constructors, products and chain
//! rule; the operators of every type, generated from those owned rules.
#![forbid(unsafe_code)]

pub(crate) mod dual;
pub(crate) mod dual2_vec;
pub(crate) mod dual_vec;
pub(crate) mod hyperdual;
mod ops;
pub(crate) mod taylor;
