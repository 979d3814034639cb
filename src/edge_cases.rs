#![forbid(unsafe_code)]
// The edge-case table lives at the crate root, where `tests/edge_cases.rs` reads and checks it;
// this module only shows it in the API docs.
#![doc = include_str!("../EDGE_CASES.md")]
