//! Storage migrations of the pallet, one module per storage version.
//!
//! Each is a [`frame_support::migrations::VersionedMigration`]: it runs once, when the runtime is
//! upgraded on a chain whose on-chain storage version is its `FROM`, then sets `TO`; on any other
//! chain it costs one read. The runtime lists the live ones in its `Migrations` tuple; a migration
//! stays there until every chain that needs it has upgraded.
//!
//! With `try-runtime`, each checks its result (`pre_upgrade`/`post_upgrade`): the invariants of
//! [`crate::Pallet::do_try_state`] hold afterwards.

pub mod v2;
