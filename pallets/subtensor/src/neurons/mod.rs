//! Neurons: burn registration and its adjustment, root registration, UIDs and key ownership,
//! served endpoints, coldkey identities.
//!
//! Owns the storage under `// ---- neurons ----` in `lib.rs`.

pub(crate) mod identity;
pub(crate) mod registration;
pub(crate) mod root;
pub(crate) mod serving;
pub(crate) mod uids;
