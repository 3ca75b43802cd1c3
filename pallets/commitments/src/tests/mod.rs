//! Unit tests on the mock runtime: the encodings (`data.rs`) and `set_commitment`'s rules
//! (`set_commitment.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]
#![allow(clippy::indexing_slicing)]

mod data;
mod set_commitment;
