//! Coldkey swaps: announced by the coldkey, made after `ColdkeySwapAnnouncementDelay` blocks
//! (`swap_coldkey_announced`), or made by root (`swap_coldkey`). While a swap is announced the
//! coldkey's other signed calls are refused ([`crate::extension`]), so that a thief holding the
//! old key cannot drain it first; a dispute freezes every call until root acts.
//!
//! What moves from the old coldkey to the new one: its free balance (all of it; the old
//! account may be reaped), every stake position (`Alpha`, `SubnetStakePositions`, the
//! same-block marks, `StakingHotkeys`, `ReceivedStakeHotkeys`, `LastColdkeyHotkeyStakeBlock`),
//! its hotkeys (`Owner`, `OwnedHotkeys`), its subnets (`SubnetOwner`), its identity
//! (`IdentitiesV2`, unless the new coldkey has one), its rate-limit records
//! (`LastHotkeySwapOnNetuid`; `LastRateLimitedBlock` restarts at the swap for the new coldkey)
//! and its announcement and dispute are removed. Positions move by renaming keys: shares do not
//! change. Its stake locks (`Lock`, `LockingColdkeys`) and perpetual flags (`DecayingLock`,
//! `PerpetualLockIndex`) move as stored, so the lock totals do not change; the new coldkey may
//! have no lock (`ActiveLockExists`). Root claims do not exist on this chain.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::DispatchError,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Get,
	},
};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Move everything of `old` to `new` (see the module docs). Returns the number of stake
	/// positions moved, for the weight. All checks come before the first write.
	pub(crate) fn do_swap_coldkey(
		old: &T::AccountId,
		new: &T::AccountId,
	) -> Result<u32, DispatchError> {
		// Checks.
		ensure!(old != new, Error::<T>::SameColdkey);
		ensure!(!Self::hotkey_account_exists(new), Error::<T>::NewColdKeyIsHotkey);
		// The new coldkey holds no stake (so renamed positions collide with nothing) and has no
		// swap of its own under way.
		ensure!(
			StakingHotkeys::<T>::get(new).is_empty()
				&& ReceivedStakeHotkeys::<T>::iter_prefix(new).next().is_none()
				&& !ColdkeySwapAnnouncements::<T>::contains_key(new),
			Error::<T>::ColdKeyAlreadyAssociated
		);
		let bound = usize::try_from(MAX_SWAP_STAKE_POSITIONS).unwrap_or(usize::MAX);
		let mut positions: Vec<(T::AccountId, NetUid)> = Vec::new();
		for hotkey in Self::staked_hotkeys(old) {
			for netuid in Alpha::<T>::iter_key_prefix((&hotkey, old)) {
				positions.push((hotkey.clone(), netuid));
				ensure!(positions.len() <= bound, Error::<T>::TooManyStakePositionsToSwap);
			}
		}
		let lock_netuids = Self::coldkey_locks_to_swap(old, new)?;
		let owned = OwnedHotkeys::<T>::get(old);
		let mut new_owned = OwnedHotkeys::<T>::get(new);
		for h in owned.iter() {
			if !new_owned.contains(h) {
				new_owned.try_push(h.clone()).map_err(|_| Error::<T>::TooManyOwnedHotkeys)?;
			}
		}

		// Effects.
		for (hotkey, netuid) in &positions {
			let shares = Alpha::<T>::take((hotkey, old, netuid));
			Alpha::<T>::insert((hotkey, new, netuid), shares);
			SubnetStakePositions::<T>::remove((netuid, hotkey, old));
			SubnetStakePositions::<T>::insert((netuid, hotkey, new), ());
			if StakingOperationRateLimiter::<T>::take((hotkey, old, netuid)) {
				StakingOperationRateLimiter::<T>::insert((hotkey, new, netuid), true);
			}
		}
		Self::swap_coldkey_locks(old, new, &lock_netuids);
		// The new coldkey's lists are empty (checked): they are the old one's.
		StakingHotkeys::<T>::insert(new, StakingHotkeys::<T>::take(old));
		if StakingHotkeys::<T>::get(new).is_empty() {
			StakingHotkeys::<T>::remove(new);
		}
		let received: Vec<T::AccountId> =
			ReceivedStakeHotkeys::<T>::drain_prefix(old).map(|(h, ())| h).collect();
		for h in received {
			ReceivedStakeHotkeys::<T>::insert(new, h, ());
		}
		let last_stakes: Vec<(T::AccountId, u64)> =
			LastColdkeyHotkeyStakeBlock::<T>::drain_prefix(old).collect();
		for (h, b) in last_stakes {
			LastColdkeyHotkeyStakeBlock::<T>::insert(new, h, b);
		}
		for h in owned.iter() {
			Owner::<T>::insert(h, new.clone());
		}
		OwnedHotkeys::<T>::remove(old);
		if !new_owned.is_empty() {
			OwnedHotkeys::<T>::insert(new, new_owned);
		}
		for netuid in Self::subnet_netuids() {
			if SubnetOwner::<T>::get(netuid).as_ref() == Some(old) {
				SubnetOwner::<T>::insert(netuid, new.clone());
			}
			let last = LastHotkeySwapOnNetuid::<T>::take(netuid, old);
			if last != 0 {
				LastHotkeySwapOnNetuid::<T>::insert(netuid, new, last);
			}
		}
		if IdentitiesV2::<T>::get(new).is_none() {
			if let Some(identity) = IdentitiesV2::<T>::take(old) {
				IdentitiesV2::<T>::insert(new, identity);
			}
		} else {
			IdentitiesV2::<T>::remove(old);
		}
		ColdkeySwapAnnouncements::<T>::remove(old);
		ColdkeySwapDisputes::<T>::remove(old);
		LastRateLimitedBlock::<T>::remove(RateLimitKey::LastTxBlock(old.clone()));
		LastRateLimitedBlock::<T>::insert(
			RateLimitKey::LastTxBlock(new.clone()),
			Self::current_block(),
		);
		// All of the free balance, the account may die (as the reference). A transfer of what
		// is reducible cannot fail but for a frozen balance, which this chain does not use.
		let all = T::Currency::reducible_balance(old, Preservation::Expendable, Fortitude::Polite);
		if all > 0 {
			T::Currency::transfer(old, new, all, Preservation::Expendable)?;
		}

		Self::deposit_event(Event::ColdkeySwapped {
			old_coldkey: old.clone(),
			new_coldkey: new.clone(),
		});
		Ok(len_u32(positions.len()))
	}

	/// `announce_coldkey_swap`: record (or, after the reannouncement delay, replace) `who`'s
	/// announcement; the first one recycles `KeySwapCost`.
	pub(crate) fn do_announce_coldkey_swap(
		who: &T::AccountId,
		new_coldkey_hash: T::Hash,
	) -> frame_support::pallet_prelude::DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		// A swap that could not be made must not freeze the coldkey: the positions are
		// counted now (at most one past the bound is read). Once announced, no one can add
		// positions to it (`transfer_stake` to it is refused).
		let bound = usize::try_from(MAX_SWAP_STAKE_POSITIONS).unwrap_or(usize::MAX);
		let positions = Self::staked_hotkeys(who)
			.into_iter()
			.flat_map(|hotkey| Alpha::<T>::iter_key_prefix((hotkey, who.clone())))
			.take(bound.saturating_add(1))
			.count();
		ensure!(positions <= bound, Error::<T>::TooManyStakePositionsToSwap);
		if let Some((when, _)) = ColdkeySwapAnnouncements::<T>::get(who) {
			let min = when.saturating_add(ColdkeySwapReannouncementDelay::<T>::get());
			ensure!(now >= min, Error::<T>::ColdkeySwapReannouncedTooEarly);
		} else {
			let cost = T::KeySwapCost::get();
			ensure!(Self::spendable(who) >= cost, Error::<T>::NotEnoughBalanceToPaySwapColdKey);
			Self::recycle_swap_cost(who, cost, Error::<T>::NotEnoughBalanceToPaySwapColdKey)?;
		}
		let when = now.saturating_add(ColdkeySwapAnnouncementDelay::<T>::get());
		ColdkeySwapAnnouncements::<T>::insert(who, (when, new_coldkey_hash));
		Self::deposit_event(Event::ColdkeySwapAnnounced { who: who.clone(), new_coldkey_hash });
		Ok(())
	}

	/// The coldkey-swap guard of signed calls: `Ok` unless `who` has an announced swap and the
	/// call is not one of the swap's own (`allowed`), or the swap is disputed (then nothing is
	/// allowed).
	pub fn check_coldkey_swap(who: &T::AccountId, allowed: bool) -> Result<(), Error<T>> {
		if !ColdkeySwapAnnouncements::<T>::contains_key(who) {
			return Ok(());
		}
		ensure!(!ColdkeySwapDisputes::<T>::contains_key(who), Error::<T>::ColdkeySwapDisputed);
		ensure!(allowed, Error::<T>::ColdkeySwapAnnounced);
		Ok(())
	}
}
