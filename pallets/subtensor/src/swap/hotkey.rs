//! `swap_hotkey`: a coldkey replaces one of its hotkeys by another, on every subnet or on one.
//!
//! What moves from the old hotkey to the new one (`netuid = None`: on every subnet; `Some(n)`:
//! the items of subnet `n` only):
//!
//! | item | `None` | `Some(n)` |
//! | --- | --- | --- |
//! | `Owner`, `OwnedHotkeys` | old replaced by new | new added (old kept: it may serve elsewhere) |
//! | `IsNetworkMember`, `Uids`, `Keys` (the UID itself stays) | every subnet | `n` |
//! | `Axons`, `Prometheus`, `NeuronCertificates`, `WeightCommits` | every subnet | `n` |
//! | childkeys: `ChildKeys`, `ParentKeys` (and the lists naming the old hotkey), `PendingChildKeys`, `ChildkeyTake`, `TransactionKeyLastBlock` | every subnet | `n` |
//! | `SubnetOwnerHotkey` (if it is the old hotkey) | every subnet | `n` |
//! | `AlphaDividendsPerSubnet`, `TaoDividendsPerSubnet` (added to the new hotkey's) | every subnet | `n` |
//! | stake: `TotalHotkeyAlpha`, `TotalHotkeyShares`, `Alpha`, `SubnetStakePositions`, `StakingOperationRateLimiter` | every position | positions on `n` |
//! | stakers' lists: `StakingHotkeys` / `ReceivedStakeHotkeys`, `LastColdkeyHotkeyStakeBlock` | moved | new listed, old kept while staked |
//! | `Delegates` (take), `LastTxBlockDelegateTake`, `LastRateLimitedBlock(LastTxBlock)` | moved | `Delegates` stays; the two blocks copied |
//! | stake locks to the old hotkey: `Lock`, `LockingColdkeys`, `HotkeyLock`, `DecayingHotkeyLock` (the owner buckets stay with the subnet) | every subnet | `n` |
//!
//! Not moved, deliberately: everything kept per UID (`Weights`, `Bonds`, the epoch vectors,
//! `LastUpdate`, `BlockAtRegistration`, `PruningScores`): the UID stays, only its hotkey
//! changes, as on the reference chain. Locks move as stored (at most
//! `MAX_SWAP_STAKE_POSITIONS` of them, `TooManyLocksToSwap`); the new hotkey must be the target
//! of no lock on the moved subnets (`NewHotKeyHasLocks`), so that no lock total is merged or
//! changes bucket. Root claims do not exist on this chain. Unrevealed
//! `WeightCommits` move, but their hashes commit to the old hotkey, so they can no longer be
//! revealed and expire (as on the reference chain).
//!
//! Childkeys on each moved subnet (`ChildKeys`, `ParentKeys`, `PendingChildKeys`,
//! `ChildkeyTake`, the childkey rate limits) move too, the children's and parents' lists naming
//! the new hotkey in place of the old; the new hotkey must have no links of its own there
//! (`NewHotKeyHasChildkeys`).
//!
//! Stake moves by renaming keys: shares and pool values are copied exactly, so no amount
//! changes and no rounding happens. Share pools are never merged: the new hotkey must hold no
//! stake on the subnets whose stake moves (`NewHotKeyHasStake`).

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec, vec::Vec};
use frame_support::{ensure, pallet_prelude::DispatchError, traits::Get};

impl<T: Config> Pallet<T> {
	/// Swap `old` for `new` (see the module docs), paid by `coldkey`. Returns the number of
	/// subnets visited and of stake positions moved, for the weight.
	///
	/// All checks come before the first write.
	pub(crate) fn do_swap_hotkey(
		coldkey: &T::AccountId,
		old: &T::AccountId,
		new: &T::AccountId,
		netuid: Option<NetUid>,
	) -> Result<(u32, u32), DispatchError> {
		// Checks (no writes above the effects line).
		ensure!(
			Owner::<T>::contains_key(old) && Owner::<T>::get(old) == *coldkey,
			Error::<T>::NonAssociatedColdKey
		);
		ensure!(Self::coldkey_may_use_hotkey(coldkey, new), Error::<T>::NonAssociatedColdKey);
		ensure!(old != new, Error::<T>::NewHotKeyIsSameWithOld);
		ensure!(!Self::exceeds_tx_rate_limit(coldkey), Error::<T>::HotKeySetTxRateLimitExceeded);
		let block = Self::current_block();

		// The subnets whose items move, and those whose swap cooldown applies: on one subnet,
		// that subnet; on all, the subnets the old hotkey holds a UID on (as the reference).
		let (subnets, cooled): (Vec<NetUid>, Vec<NetUid>) = match netuid {
			Some(n) => {
				ensure!(Self::subnet_exists(n), Error::<T>::SubnetNotExists);
				ensure!(
					!IsNetworkMember::<T>::get(new, n),
					Error::<T>::HotKeyAlreadyRegisteredInSubNet
				);
				(vec![n], vec![n])
			},
			None => {
				ensure!(
					IsNetworkMember::<T>::iter_prefix(new).next().is_none(),
					Error::<T>::HotKeyAlreadyRegisteredInSubNet
				);
				let subnets = Self::subnet_netuids();
				let cooled =
					subnets.iter().copied().filter(|n| IsNetworkMember::<T>::get(old, n)).collect();
				(subnets, cooled)
			},
		};
		for n in &subnets {
			ensure!(Self::childkeys_swappable(old, new, *n), Error::<T>::NewHotKeyHasChildkeys);
		}
		// The locks to the old hotkey (bounded; the new one must be the target of none).
		let locks = Self::hotkey_locks_to_swap(old, new, &subnets)?;
		let interval = T::HotkeySwapOnSubnetInterval::get();
		for n in &cooled {
			// A first swap (no record) is never gated, whatever the chain's age.
			let last = LastHotkeySwapOnNetuid::<T>::get(n, coldkey);
			ensure!(
				last == 0 || last.saturating_add(interval) < block,
				Error::<T>::HotKeySwapOnSubnetIntervalNotPassed
			);
		}

		// The stake positions to move, at most MAX_SWAP_STAKE_POSITIONS (one more is read to
		// detect the excess): on all subnets every `Alpha` entry of the old hotkey (dissolving
		// subnets included: their payout follows the positions), on one subnet its index.
		let bound = usize::try_from(MAX_SWAP_STAKE_POSITIONS).unwrap_or(usize::MAX);
		let positions: Vec<(T::AccountId, NetUid)> = match netuid {
			Some(n) => SubnetStakePositions::<T>::iter_key_prefix((n, old))
				.map(|c| (c, n))
				.take(bound.saturating_add(1))
				.collect(),
			None => Alpha::<T>::iter_key_prefix((old,)).take(bound.saturating_add(1)).collect(),
		};
		ensure!(positions.len() <= bound, Error::<T>::TooManyStakePositionsToSwap);
		// The old hotkey's share pools to move (a pool exists only with a position, so there
		// are at most as many as positions).
		let pools: BTreeSet<NetUid> = positions.iter().map(|(_, n)| *n).collect();
		for n in &pools {
			ensure!(
				TotalHotkeyShares::<T>::get(new, n) == substrate_fixed::types::U64F64::from_bits(0)
					&& TotalHotkeyAlpha::<T>::get(new, n) == 0,
				Error::<T>::NewHotKeyHasStake
			);
		}
		if netuid.is_some() {
			// The new hotkey joins the coldkey's list; on all subnets it replaces the old one.
			Self::ensure_can_own_hotkey(coldkey, new)?;
		}
		let (cost, event) = match netuid {
			Some(n) => (
				T::KeySwapOnSubnetCost::get(),
				Event::HotkeySwappedOnSubnet {
					coldkey: coldkey.clone(),
					old_hotkey: old.clone(),
					new_hotkey: new.clone(),
					netuid: n,
				},
			),
			None => (
				T::KeySwapCost::get(),
				Event::HotkeySwapped {
					coldkey: coldkey.clone(),
					old_hotkey: old.clone(),
					new_hotkey: new.clone(),
				},
			),
		};
		ensure!(Self::spendable(coldkey) >= cost, Error::<T>::NotEnoughBalanceToPaySwapHotKey);

		// Effects.
		Self::recycle_swap_cost(coldkey, cost, Error::<T>::NotEnoughBalanceToPaySwapHotKey)?;
		let all = netuid.is_none();

		// Ownership.
		if all {
			Owner::<T>::remove(old);
			Owner::<T>::insert(new, coldkey.clone());
			OwnedHotkeys::<T>::mutate(coldkey, |owned| {
				if owned.contains(new) {
					owned.retain(|h| h != old);
				} else {
					// In place: the list keeps its order and its length.
					owned.iter_mut().filter(|h| *h == old).for_each(|h| *h = new.clone());
				}
			});
		} else {
			// Room checked above.
			Self::create_account_if_non_existent(coldkey, new)?;
		}

		// Per-subnet items.
		for n in &subnets {
			let coldkeys: Vec<T::AccountId> =
				locks.iter().filter(|(ln, _)| ln == n).map(|(_, c)| c.clone()).collect();
			Self::swap_hotkey_locks(old, new, *n, &coldkeys);
			Self::swap_hotkey_subnet_items(old, new, *n);
		}

		// Stake: pools, then positions, then the stakers' lists.
		for n in &pools {
			let value = TotalHotkeyAlpha::<T>::take(old, n);
			let shares = TotalHotkeyShares::<T>::take(old, n);
			TotalHotkeyAlpha::<T>::insert(new, n, value);
			TotalHotkeyShares::<T>::insert(new, n, shares);
		}
		let mut stakers = BTreeSet::new();
		for (c, n) in &positions {
			let shares = Alpha::<T>::take((old, c, n));
			Alpha::<T>::insert((new, c, n), shares);
			SubnetStakePositions::<T>::remove((n, old, c));
			SubnetStakePositions::<T>::insert((n, new, c), ());
			// The same-block unstake guard follows the position.
			if StakingOperationRateLimiter::<T>::take((old, c, n)) {
				StakingOperationRateLimiter::<T>::insert((new, c, n), true);
			}
			stakers.insert(c.clone());
		}
		for c in &stakers {
			Self::relist_staker(c, old, new, all);
		}

		// Hotkey-wide items.
		if all {
			if Delegates::<T>::contains_key(old) {
				Delegates::<T>::insert(new, Delegates::<T>::take(old));
			}
			if let Some(b) = LastTxBlockDelegateTake::<T>::take(old) {
				LastTxBlockDelegateTake::<T>::insert(new, b);
			}
			let old_key = RateLimitKey::LastTxBlock(old.clone());
			if LastRateLimitedBlock::<T>::contains_key(&old_key) {
				let b = LastRateLimitedBlock::<T>::take(&old_key);
				LastRateLimitedBlock::<T>::insert(RateLimitKey::LastTxBlock(new.clone()), b);
			}
		} else {
			// As the reference: the new hotkey inherits the old one's rate-limit blocks, so that
			// a swap cannot reset them.
			if let Some(b) = LastTxBlockDelegateTake::<T>::get(old) {
				LastTxBlockDelegateTake::<T>::insert(new, b);
			}
			let old_key = RateLimitKey::LastTxBlock(old.clone());
			if LastRateLimitedBlock::<T>::contains_key(&old_key) {
				let b = LastRateLimitedBlock::<T>::get(&old_key);
				LastRateLimitedBlock::<T>::insert(RateLimitKey::LastTxBlock(new.clone()), b);
			}
		}

		// Rate limits of the coldkey.
		LastRateLimitedBlock::<T>::insert(RateLimitKey::LastTxBlock(coldkey.clone()), block);
		for n in &cooled {
			LastHotkeySwapOnNetuid::<T>::insert(n, coldkey, block);
		}

		Self::deposit_event(event);
		Ok((len_u32(subnets.len()), len_u32(positions.len())))
	}

	/// Move the old hotkey's items of subnet `n` (membership, UID, endpoints, commits,
	/// ownership of the subnet, last dividends) to the new hotkey. The new hotkey holds no
	/// UID on `n` (checked by the caller), so nothing of it is overwritten but its dividend
	/// records, to which the old ones are added.
	fn swap_hotkey_subnet_items(old: &T::AccountId, new: &T::AccountId, n: NetUid) {
		if IsNetworkMember::<T>::take(old, n) {
			IsNetworkMember::<T>::insert(new, n, true);
		}
		if let Some(uid) = Uids::<T>::take(n, old) {
			Uids::<T>::insert(n, new, uid);
			Keys::<T>::insert(n, uid, new.clone());
		}
		if let Some(axon) = Axons::<T>::take(n, old) {
			Axons::<T>::insert(n, new, axon);
		}
		if let Some(info) = Prometheus::<T>::take(n, old) {
			Prometheus::<T>::insert(n, new, info);
		}
		if let Some(cert) = NeuronCertificates::<T>::take(n, old) {
			NeuronCertificates::<T>::insert(n, new, cert);
		}
		if let Some(commits) = WeightCommits::<T>::take(n, old) {
			WeightCommits::<T>::insert(n, new, commits);
		}
		Self::swap_childkeys(old, new, n);
		if SubnetOwnerHotkey::<T>::get(n).as_ref() == Some(old) {
			SubnetOwnerHotkey::<T>::insert(n, new.clone());
		}
		// Statistics of the last epoch; saturating: a sum of two epoch payouts fits in u64
		// unless the alpha supply did not.
		let alpha_divs = AlphaDividendsPerSubnet::<T>::take(n, old);
		if alpha_divs != 0 {
			AlphaDividendsPerSubnet::<T>::mutate(n, new, |d| *d = d.saturating_add(alpha_divs));
		}
		let tao_divs = TaoDividendsPerSubnet::<T>::take(n, old);
		if tao_divs != 0 {
			TaoDividendsPerSubnet::<T>::mutate(n, new, |d| *d = d.saturating_add(tao_divs));
		}
	}

	/// After `c`'s positions moved from `old` to `new`: list `new` for `c` (in place of `old`
	/// in its own list when `old` is left without stake of `c`, so that the swap uses none of
	/// `c`'s `MaxStakingHotkeys` capacity; otherwise in its own list if `old` was there and
	/// there is room, else in `ReceivedStakeHotkeys`, which never refuses), and unlist `old`
	/// once `c` holds no stake on it. `all`: the swap moved every subnet (then the last-stake
	/// block moves; on one subnet it is copied).
	fn relist_staker(c: &T::AccountId, old: &T::AccountId, new: &T::AccountId, all: bool) {
		let old_left = Alpha::<T>::iter_prefix((old, c)).next().is_some();
		let mut own = StakingHotkeys::<T>::get(c);
		let new_listed = own.contains(new) || ReceivedStakeHotkeys::<T>::contains_key(c, new);
		let old_own = own.contains(old);
		if !new_listed {
			if old_own && !old_left {
				own.iter_mut().filter(|h| *h == old).for_each(|h| *h = new.clone());
			} else if !(old_own && own.try_push(new.clone()).is_ok()) {
				ReceivedStakeHotkeys::<T>::insert(c, new, ());
			}
		}
		if !old_left {
			own.retain(|h| h != old);
			ReceivedStakeHotkeys::<T>::remove(c, old);
		}
		if own.is_empty() {
			StakingHotkeys::<T>::remove(c);
		} else {
			StakingHotkeys::<T>::insert(c, own);
		}
		let last = if all {
			LastColdkeyHotkeyStakeBlock::<T>::take(c, old)
		} else {
			LastColdkeyHotkeyStakeBlock::<T>::get(c, old)
		};
		if let Some(b) = last {
			LastColdkeyHotkeyStakeBlock::<T>::mutate(c, new, |v| {
				*v = Some(v.map_or(b, |x| x.max(b)));
			});
		}
	}
}
