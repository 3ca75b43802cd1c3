//! Stake locks and root claims: read-only on this chain.
//!
//! This module owns `Lock`, `DecayingLock`, `HotkeyLock`, `DecayingHotkeyLock`, `OwnerLock`,
//! `DecayingOwnerLock`, `UnlockRate`, `MaturityRate`, `RootClaimType`, `RootClaimable` and
//! `RootClaimed`. The chain has no
//! stake locks (conviction) and no root claims, so nothing writes them: they exist with their
//! true values because btcli 9.23.2 reads them by name (clients.md §4.1), and the functions
//! below read them for the runtime APIs.

use crate::*;
use substrate_fixed::types::U64F64;

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

	/// Conviction locked to `hotkey` on `netuid`: the perpetual and decaying aggregates
	/// (`HotkeyLock`, `DecayingHotkeyLock`) as stored; 0 here (no locks).
	pub fn hotkey_conviction(hotkey: &T::AccountId, netuid: NetUid) -> U64F64 {
		[HotkeyLock::<T>::get(netuid, hotkey), DecayingHotkeyLock::<T>::get(netuid, hotkey)]
			.into_iter()
			.flatten()
			.fold(U64F64::from_num(0), |acc, lock| acc.saturating_add(lock.conviction))
	}

	/// The hotkey with the most conviction on `netuid` (ties to the first in storage order);
	/// `None` here (no locks).
	pub fn most_convicted_hotkey(netuid: NetUid) -> Option<T::AccountId> {
		let mut best: Option<(T::AccountId, U64F64)> = None;
		let hotkeys = HotkeyLock::<T>::iter_key_prefix(netuid)
			.chain(DecayingHotkeyLock::<T>::iter_key_prefix(netuid));
		for hotkey in hotkeys {
			let conviction = Self::hotkey_conviction(&hotkey, netuid);
			if best.as_ref().is_none_or(|(_, c)| conviction > *c) {
				best = Some((hotkey, conviction));
			}
		}
		best.map(|(hotkey, _)| hotkey)
	}
}
