//! Stake locks and root claims: read-only on this chain.
//!
//! This module owns `Lock`, `DecayingLock`, `HotkeyLock`, `DecayingHotkeyLock`, `OwnerLock`,
//! `DecayingOwnerLock`, `UnlockRate`, `MaturityRate`, `RootClaimType`, `RootClaimable` and
//! `RootClaimed`. The chain has no
//! stake locks (conviction) and no root claims, so nothing writes them: they exist with their
//! true values because btcli 9.23.2 reads them by name (clients.md §4.1), and the functions
//! below read them for the runtime APIs.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The lock of `coldkey`'s stake on `netuid` (the first `Lock` entry under `(coldkey,
	/// netuid)`, as stored): always `None` here, since no call creates locks, so there is
	/// nothing to roll forward.
	pub fn coldkey_lock(coldkey: &T::AccountId, netuid: NetUid) -> Option<LockState> {
		Lock::<T>::iter_prefix((coldkey, netuid)).next().map(|(_hotkey, state)| state)
	}

	/// Alpha of `coldkey` locked on `netuid` (0 without a lock).
	pub fn locked_alpha(coldkey: &T::AccountId, netuid: NetUid) -> u64 {
		Self::coldkey_lock(coldkey, netuid).map(|lock| lock.locked_mass).unwrap_or(0)
	}

	/// How `coldkey` takes its root dividends: always the default `Swap` here.
	pub fn root_claim_type(coldkey: &T::AccountId) -> RootClaimTypeEnum {
		RootClaimType::<T>::get(coldkey)
	}
}
