//! Storage version 1 → 2: build the stake-position indices.
//!
//! Version 2 added two indices over `Alpha` (the hardening of issue 11):
//!
//! - `SubnetStakePositions` — `(netuid, hotkey, coldkey)` for every `Alpha[(hotkey, coldkey,
//!   netuid)]`, so that dissolving a subnet finds its stakers without scanning other subnets;
//! - `ReceivedStakeHotkeys` — `(coldkey, hotkey)` for stake a coldkey holds but did not place,
//!   so that nobody else can fill its `StakingHotkeys` list.
//!
//! A version-1 chain has neither. This migration lists every position in `SubnetStakePositions`,
//! lists in `ReceivedStakeHotkeys` the staked hotkeys that are missing from the coldkey's
//! `StakingHotkeys`, and drops from `StakingHotkeys` the hotkeys on which the coldkey no longer
//! holds stake, so that every invariant of `do_try_state` holds afterwards. (A version-1
//! `StakingHotkeys` entry may have been created by someone else's `transfer_stake`; who placed it
//! is not recorded, so it stays where it is.)
//!
//! Cost: one pass over `Alpha` and one over `StakingHotkeys`, in the upgrade block. That suits the
//! chains that exist at version 1 (development and test networks, thousands of positions); a
//! chain with millions would need the multi-block form (`pallet-migrations`).

use crate::{
	Alpha, Config, MaxStakingHotkeys, Pallet, ReceivedStakeHotkeys, StakingHotkeys,
	SubnetStakePositions,
};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
	BoundedVec,
};
#[cfg(feature = "try-runtime")]
use {alloc::vec::Vec, codec::Encode, sp_runtime::TryRuntimeError};

/// The index-building step, without the version guard: use [`MigrateV1ToV2`].
pub struct BuildStakeIndices<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for BuildStakeIndices<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut reads: u64 = 0;
		let mut writes: u64 = 0;

		// Unlist hotkeys without stake first, so that the pass below sees the final lists.
		StakingHotkeys::<T>::translate::<BoundedVec<T::AccountId, MaxStakingHotkeys>, _>(
			|coldkey, mut list| {
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(1);
				list.retain(|hotkey| {
					reads = reads.saturating_add(1);
					Alpha::<T>::iter_prefix((hotkey, &coldkey)).next().is_some()
				});
				(!list.is_empty()).then_some(list)
			},
		);

		for ((hotkey, coldkey, netuid), _shares) in Alpha::<T>::iter() {
			// The position, and the coldkey's list (cached by the overlay after the first read).
			reads = reads.saturating_add(2);
			SubnetStakePositions::<T>::insert((netuid, &hotkey, &coldkey), ());
			writes = writes.saturating_add(1);
			if !StakingHotkeys::<T>::get(&coldkey).contains(&hotkey) {
				ReceivedStakeHotkeys::<T>::insert(&coldkey, &hotkey, ());
				writes = writes.saturating_add(1);
			}
		}

		T::DbWeight::get().reads_writes(reads, writes)
	}

	/// The number of `Alpha` positions, which the indices must match afterwards.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		let positions = u64::try_from(Alpha::<T>::iter_keys().count()).unwrap_or(u64::MAX);
		Ok(positions.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		use codec::Decode;
		let positions = u64::decode(&mut &state[..])
			.map_err(|_| TryRuntimeError::Other("pre_upgrade state does not decode"))?;
		let now = u64::try_from(Alpha::<T>::iter_keys().count()).unwrap_or(u64::MAX);
		frame_support::ensure!(now == positions, "the migration changed no position");
		let indexed =
			u64::try_from(SubnetStakePositions::<T>::iter_keys().count()).unwrap_or(u64::MAX);
		frame_support::ensure!(indexed == positions, "every position is indexed by subnet");
		Pallet::<T>::do_try_state()
	}
}

/// Storage version 1 → 2 of `SubtensorModule`: builds the stake-position indices (see the module
/// documentation). A no-op (one read) on a chain already at version 2.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	BuildStakeIndices<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
