//! Neurons: burn registration and its adjustment, UIDs and key ownership, served endpoints.
//!
//! Owns the storage under `// ---- neurons ----` in `lib.rs`.

pub(crate) mod registration;
pub(crate) mod serving;
pub(crate) mod uids;
