//! Subnets: registration and lock cost, pruning and dissolving, symbols, identity, start call,
//! the owner's tempo.
//!
//! Owns the storage under `// ---- subnets ----` in `lib.rs`.

pub(crate) mod dissolve;
pub(crate) mod identity;
pub(crate) mod subnet;
pub mod symbols;
pub(crate) mod tempo;
