//! Childkeys (issue 14; economics.md §4.7 step 3; yuma.md §2): a validator's hotkey (the
//! *parent*) lends proportions of its stake weight on a subnet to other hotkeys (its
//! *children*), which validate with it; the parents take back the matching part of the
//! children's dividends, less the child's `ChildkeyTake`.
//!
//! - `set_children` checks the request and schedules it; it takes effect in the first block after
//!   `PendingChildKeyCooldown` blocks (at once on a subnet that has not started), replacing the
//!   hotkey's previous children; an empty list revokes them.
//! - The epoch counts each UID's **inherited** stake: its own alpha (and root TAO) minus what it
//!   lends to its children plus what its parents lend it, one level deep
//!   ([`subtensor_math::childkeys::inherited_stake`]).
//! - Each dividend is split between the hotkey and its parents by stake-weight contribution
//!   ([`subtensor_math::childkeys::dividend_split`]).
//!
//! Bounds: at most [`crate::MAX_CHILDREN`] children per hotkey and subnet (proportions summing
//! to at most 100 %), at most [`crate::MAX_PARENTS`] parents per hotkey and subnet (a full list
//! admits a new parent only in place of a weaker one), no self link and no two-way link. Longer
//! cycles are allowed, as in the reference: inheritance is one level, so they cannot compound.
//!
//! This module owns `ChildKeys`, `ParentKeys`, `PendingChildKeys`, `PendingChildKeysDue`,
//! `SubnetParentKeys`, `PendingChildKeyCooldown`, `ChildkeyTake`, `MinChildkeyTake`,
//! `MaxChildkeyTake`, `TxChildkeyTakeRateLimit` and `TransactionKeyLastBlock`.

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use subtensor_math::childkeys::{self, ParentContribution};

/// `TransactionKeyLastBlock` kind of `set_children` (the reference's `TransactionType` index).
pub const TX_SET_CHILDREN: u16 = 0;
/// `TransactionKeyLastBlock` kind of `set_childkey_take`.
pub const TX_SET_CHILDKEY_TAKE: u16 = 1;

/// A hotkey's stakes on a subnet after childkeys, as the epoch counts them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InheritedStake {
	/// Alpha on the subnet.
	pub alpha: u64,
	/// TAO on root.
	pub root: u64,
	/// Parent links read (each costs two stake reads), for the weight.
	pub parents_read: u32,
}

impl<T: Config> Pallet<T> {
	/// `hotkey`'s children on `netuid`: `(proportion, child)`.
	pub fn get_children(hotkey: &T::AccountId, netuid: NetUid) -> Vec<(u64, T::AccountId)> {
		ChildKeys::<T>::get(hotkey, netuid).into_inner()
	}

	/// `child`'s parents on `netuid`: `(proportion, parent)`.
	pub fn get_parents(child: &T::AccountId, netuid: NetUid) -> Vec<(u64, T::AccountId)> {
		ParentKeys::<T>::get(child, netuid).into_inner()
	}

	/// `hotkey`'s childkey take on `netuid`, within the current `[MinChildkeyTake,
	/// MaxChildkeyTake]` (bounds set later apply to old takes too).
	pub fn get_childkey_take(hotkey: &T::AccountId, netuid: NetUid) -> u16 {
		let min = MinChildkeyTake::<T>::get();
		let max = MaxChildkeyTake::<T>::get().max(min);
		ChildkeyTake::<T>::get(hotkey, netuid).clamp(min, max)
	}

	/// The stake weight `hotkey` holds itself on `netuid` (before childkeys): its alpha plus
	/// `TaoWeight` × its root TAO.
	pub fn own_stake_weight(hotkey: &T::AccountId, netuid: NetUid) -> u128 {
		childkeys::stake_weight(
			TotalHotkeyAlpha::<T>::get(hotkey, netuid),
			TotalHotkeyAlpha::<T>::get(hotkey, ROOT_NETUID),
			TaoWeight::<T>::get(),
		)
	}

	/// `hotkey`'s alpha on `netuid` and root TAO after childkeys (yuma.md §2 `alpha_i`, `tao_i`).
	/// On root itself there are no childkeys.
	pub fn inherited_stake(hotkey: &T::AccountId, netuid: NetUid) -> InheritedStake {
		let own_alpha = TotalHotkeyAlpha::<T>::get(hotkey, netuid);
		let own_root = TotalHotkeyAlpha::<T>::get(hotkey, ROOT_NETUID);
		if netuid == ROOT_NETUID {
			return InheritedStake { alpha: own_alpha, root: own_root, parents_read: 0 };
		}
		let children = ChildKeys::<T>::get(hotkey, netuid);
		let parents: Vec<(u64, u64, u64)> = ParentKeys::<T>::get(hotkey, netuid)
			.into_iter()
			.map(|(p, parent)| {
				(
					p,
					TotalHotkeyAlpha::<T>::get(&parent, netuid),
					TotalHotkeyAlpha::<T>::get(&parent, ROOT_NETUID),
				)
			})
			.collect();
		let props = || children.iter().map(|(p, _)| *p);
		InheritedStake {
			alpha: childkeys::inherited_stake(
				own_alpha,
				props(),
				parents.iter().map(|(p, alpha, _)| (*alpha, *p)),
			),
			root: childkeys::inherited_stake(
				own_root,
				props(),
				parents.iter().map(|(p, _, root)| (*root, *p)),
			),
			parents_read: len_u32(parents.len()),
		}
	}

	/// Every check of `set_children`, with no write (errors in the order the call reports them).
	pub fn check_set_children(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		children: &[(u64, T::AccountId)],
	) -> Result<(), Error<T>> {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		ensure!(Owner::<T>::get(hotkey) == *coldkey, Error::<T>::NonAssociatedColdKey);
		let last = TransactionKeyLastBlock::<T>::get((hotkey, netuid, TX_SET_CHILDREN));
		ensure!(
			last == 0 || Self::current_block().saturating_sub(last) >= SET_CHILDREN_RATE_LIMIT,
			Error::<T>::TxRateLimitExceeded
		);
		ensure!(children.len() <= MAX_CHILDREN as usize, Error::<T>::TooManyChildren);
		let parents = ParentKeys::<T>::get(hotkey, netuid);
		let mut total: u128 = 0;
		for (i, (proportion, child)) in children.iter().enumerate() {
			ensure!(child != hotkey, Error::<T>::InvalidChild);
			ensure!(
				!children.iter().take(i).any(|(_, earlier)| earlier == child),
				Error::<T>::DuplicateChild
			);
			ensure!(
				!parents.iter().any(|(_, parent)| parent == child),
				Error::<T>::ChildParentInconsistency
			);
			total = total.saturating_add(u128::from(*proportion));
		}
		ensure!(total <= u128::from(u64::MAX), Error::<T>::ProportionOverflow);
		ensure!(
			children.is_empty()
				|| Self::own_stake_weight(hotkey, netuid) >= u128::from(StakeThreshold::<T>::get())
				|| SubnetOwnerHotkey::<T>::get(netuid).as_ref() == Some(hotkey),
			Error::<T>::NotEnoughStakeToSetChildkeys
		);
		Ok(())
	}

	/// `set_children`: check, record the rate limit, and schedule the new children (or apply
	/// them at once if the subnet has not started).
	pub(crate) fn do_set_children(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		children: Vec<(u64, T::AccountId)>,
	) -> DispatchResult {
		Self::check_set_children(coldkey, hotkey, netuid, &children)?;
		let list = ChildList::<T>::try_from(children).map_err(|_| Error::<T>::TooManyChildren)?;
		let block = Self::current_block();
		TransactionKeyLastBlock::<T>::insert((hotkey, netuid, TX_SET_CHILDREN), block);
		if !SubtokenEnabled::<T>::get(netuid) {
			// Nothing is staked or emitted before the start call: no cooldown needed.
			Self::apply_children(netuid, hotkey, list);
			return Ok(());
		}
		let cooldown = block.saturating_add(PendingChildKeyCooldown::<T>::get());
		// Due in the first block after the cooldown block, as the reference.
		let due = cooldown.saturating_add(1);
		if let Some((_, previous)) = PendingChildKeys::<T>::get(netuid, hotkey) {
			PendingChildKeysDue::<T>::remove(previous.saturating_add(1), (netuid, hotkey));
		}
		PendingChildKeys::<T>::insert(netuid, hotkey, (list.clone(), cooldown));
		PendingChildKeysDue::<T>::insert(due, (netuid, hotkey.clone()), ());
		Self::deposit_event(Event::SetChildrenScheduled(
			hotkey.clone(),
			netuid,
			cooldown,
			list.into_inner(),
		));
		Ok(())
	}

	/// `on_initialize`: apply the pending children due in `block`. Each was scheduled by a
	/// `set_children` that paid for its application. Returns the number applied.
	pub(crate) fn apply_due_children(block: u64) -> u32 {
		let due: Vec<(NetUid, T::AccountId)> =
			PendingChildKeysDue::<T>::drain_prefix(block).map(|(key, ())| key).collect();
		let mut applied: u32 = 0;
		for (netuid, parent) in due {
			let Some((children, cooldown)) = PendingChildKeys::<T>::get(netuid, &parent) else {
				continue;
			};
			if cooldown.saturating_add(1) != block {
				continue;
			}
			PendingChildKeys::<T>::remove(netuid, &parent);
			if Self::subnet_exists(netuid) {
				Self::apply_children(netuid, &parent, children);
				applied = applied.saturating_add(1);
			}
		}
		applied
	}

	/// Replace `parent`'s children on `netuid` by `children`, keeping `ParentKeys` consistent.
	/// A child that has meanwhile become one of `parent`'s parents is skipped, and so is one
	/// whose parent list is full of parents with at least `parent`'s stake weight; a full list
	/// otherwise gives up its weakest parent. Emits `SetChildren` with the children linked.
	pub(crate) fn apply_children(netuid: NetUid, parent: &T::AccountId, children: ChildList<T>) {
		// Unlink the old children.
		for (_, child) in ChildKeys::<T>::take(parent, netuid) {
			ParentKeys::<T>::mutate_exists(&child, netuid, |links| {
				if let Some(list) = links {
					list.retain(|(_, p)| p != parent);
					if list.is_empty() {
						*links = None;
					}
				}
			});
		}
		SubnetParentKeys::<T>::remove(netuid, parent);

		let my_parents = ParentKeys::<T>::get(parent, netuid);
		let my_weight = Self::own_stake_weight(parent, netuid);
		let mut linked = ChildList::<T>::default();
		for (proportion, child) in children {
			if my_parents.iter().any(|(_, p)| *p == child) {
				Self::deposit_event(Event::ChildKeyNotLinked(parent.clone(), netuid, child));
				continue;
			}
			let mut parents = ParentKeys::<T>::get(&child, netuid);
			if parents.try_push((proportion, parent.clone())).is_err() {
				// Full: the weakest parent (the first of equals) gives way to a stronger one.
				let weakest = parents
					.iter()
					.enumerate()
					.map(|(i, (_, p))| (i, Self::own_stake_weight(p, netuid)))
					.min_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
				let Some((index, _)) = weakest.filter(|(_, w)| *w < my_weight) else {
					Self::deposit_event(Event::ChildKeyNotLinked(parent.clone(), netuid, child));
					continue;
				};
				let Some(slot) = parents.get_mut(index) else { continue };
				let (_, removed) = core::mem::replace(slot, (proportion, parent.clone()));
				Self::unlink_child(&removed, &child, netuid);
				Self::deposit_event(Event::ParentKeyReplaced(
					child.clone(),
					netuid,
					removed,
					parent.clone(),
				));
			}
			ParentKeys::<T>::insert(&child, netuid, parents);
			// At most MAX_CHILDREN entries came in, so this cannot fail.
			let _ = linked.try_push((proportion, child));
		}
		if !linked.is_empty() {
			ChildKeys::<T>::insert(parent, netuid, linked.clone());
			SubnetParentKeys::<T>::insert(netuid, parent, ());
		}
		Self::deposit_event(Event::SetChildren(parent.clone(), netuid, linked.into_inner()));
	}

	/// Remove `child` from `parent`'s children on `netuid` (its `ParentKeys` entry is the
	/// caller's business).
	fn unlink_child(parent: &T::AccountId, child: &T::AccountId, netuid: NetUid) {
		let mut children = ChildKeys::<T>::get(parent, netuid);
		children.retain(|(_, c)| c != child);
		if children.is_empty() {
			ChildKeys::<T>::remove(parent, netuid);
			SubnetParentKeys::<T>::remove(netuid, parent);
		} else {
			ChildKeys::<T>::insert(parent, netuid, children);
		}
	}

	/// Every check of `set_childkey_take`, with no write.
	pub fn check_set_childkey_take(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		take: u16,
	) -> Result<(), Error<T>> {
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		ensure!(Owner::<T>::get(hotkey) == *coldkey, Error::<T>::NonAssociatedColdKey);
		ensure!(
			take >= MinChildkeyTake::<T>::get() && take <= MaxChildkeyTake::<T>::get(),
			Error::<T>::InvalidChildkeyTake
		);
		if take > Self::get_childkey_take(hotkey, netuid) {
			let last = TransactionKeyLastBlock::<T>::get((hotkey, netuid, TX_SET_CHILDKEY_TAKE));
			ensure!(
				last == 0
					|| Self::current_block().saturating_sub(last)
						>= TxChildkeyTakeRateLimit::<T>::get(),
				Error::<T>::TxChildkeyTakeRateLimitExceeded
			);
		}
		Ok(())
	}

	/// `set_childkey_take`: set `hotkey`'s childkey take on `netuid` after
	/// [`Pallet::check_set_childkey_take`].
	pub(crate) fn do_set_childkey_take(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		take: u16,
	) -> DispatchResult {
		Self::check_set_childkey_take(coldkey, hotkey, netuid, take)?;
		ChildkeyTake::<T>::insert(hotkey, netuid, take);
		TransactionKeyLastBlock::<T>::insert(
			(hotkey, netuid, TX_SET_CHILDKEY_TAKE),
			Self::current_block(),
		);
		Self::deposit_event(Event::ChildKeyTakeSet(hotkey.clone(), take));
		Ok(())
	}

	/// Split `hotkey`'s `dividend` on `netuid` between it and its parents (economics.md §4.7
	/// step 3): `(recipient, amount)` for each parent with a non-zero part, then the hotkey
	/// itself, and the `CKBurn` part to recycle. The parts sum to `dividend`.
	pub(crate) fn split_dividend(
		hotkey: &T::AccountId,
		netuid: NetUid,
		dividend: u64,
	) -> (Vec<(T::AccountId, u64)>, u64) {
		let parents = ParentKeys::<T>::get(hotkey, netuid);
		if parents.is_empty() {
			return (alloc::vec![(hotkey.clone(), dividend)], 0);
		}
		let lent = ChildKeys::<T>::get(hotkey, netuid)
			.iter()
			.fold(0u64, |acc, (p, _)| acc.saturating_add(*p)); // ≤ u64::MAX by the checks
		let self_contribution = childkeys::weight_proportion(
			Self::own_stake_weight(hotkey, netuid),
			u64::MAX.saturating_sub(lent),
		);
		let owner = Owner::<T>::get(hotkey);
		let contributions: Vec<ParentContribution> = parents
			.iter()
			.map(|(p, parent)| ParentContribution {
				contribution: childkeys::weight_proportion(
					Self::own_stake_weight(parent, netuid),
					*p,
				),
				same_owner: Owner::<T>::get(parent) == owner,
			})
			.collect();
		let split = childkeys::dividend_split(
			dividend,
			self_contribution,
			&contributions,
			Self::get_childkey_take(hotkey, netuid),
			CKBurn::<T>::get(),
		);
		let mut out: Vec<(T::AccountId, u64)> = parents
			.into_iter()
			.zip(split.to_parents)
			.filter(|(_, amount)| *amount > 0)
			.map(|((_, parent), amount)| (parent, amount))
			.collect();
		out.push((hotkey.clone(), split.to_self));
		(out, split.burned)
	}

	/// A dissolved subnet: remove up to `max` parents' links and pending requests on `netuid`.
	/// (`ChildkeyTake` is a hotkey's own setting per netuid and is kept.)
	/// Returns the number removed (for the weight and the budget).
	pub(crate) fn take_subnet_childkeys(netuid: NetUid, max: u32) -> u32 {
		let mut done: u32 = 0;
		let parents: Vec<T::AccountId> = SubnetParentKeys::<T>::iter_key_prefix(netuid)
			.take(usize::try_from(max).unwrap_or(usize::MAX))
			.collect();
		for parent in parents {
			for (_, child) in ChildKeys::<T>::take(&parent, netuid) {
				ParentKeys::<T>::remove(&child, netuid);
			}
			SubnetParentKeys::<T>::remove(netuid, &parent);
			done = done.saturating_add(1);
		}
		let left = max.saturating_sub(done);
		let pending: Vec<T::AccountId> = PendingChildKeys::<T>::iter_key_prefix(netuid)
			.take(usize::try_from(left).unwrap_or(usize::MAX))
			.collect();
		for parent in pending {
			PendingChildKeys::<T>::remove(netuid, &parent);
			done = done.saturating_add(1);
		}
		done
	}

	/// Whether dissolved `netuid` still has childkey links or pending requests to remove.
	pub(crate) fn subnet_has_childkeys(netuid: NetUid) -> bool {
		SubnetParentKeys::<T>::iter_key_prefix(netuid).next().is_some()
			|| PendingChildKeys::<T>::iter_key_prefix(netuid).next().is_some()
	}
}

impl<T: Config> Pallet<T> {
	/// Whether `new` could take `old`'s childkey links on `netuid` in a hotkey swap: it has no
	/// links or pending request of its own there, and `old`'s pending request does not name it
	/// (either would link it to itself or merge two link sets).
	pub(crate) fn childkeys_swappable(
		old: &T::AccountId,
		new: &T::AccountId,
		netuid: NetUid,
	) -> bool {
		!ChildKeys::<T>::contains_key(new, netuid)
			&& !ParentKeys::<T>::contains_key(new, netuid)
			&& PendingChildKeys::<T>::get(netuid, new).is_none()
			&& PendingChildKeys::<T>::get(netuid, old)
				.is_none_or(|(children, _)| !children.iter().any(|(_, c)| c == new))
	}

	/// `swap_hotkey`: move `old`'s childkey links, pending request, childkey take and childkey
	/// rate limits on `netuid` to `new` (checked with [`Self::childkeys_swappable`]). Its
	/// children's and parents' lists name `new` in its place, with the same proportions.
	/// (Other parents' pending requests that name `old` as a child are left as they are: they
	/// link `old` when due, as on the reference chain.)
	pub(crate) fn swap_childkeys(old: &T::AccountId, new: &T::AccountId, netuid: NetUid) {
		let rename = |links: core::slice::IterMut<'_, (u64, T::AccountId)>| {
			links.filter(|(_, k)| k == old).for_each(|(_, k)| *k = new.clone());
		};
		let children = ChildKeys::<T>::take(old, netuid);
		if !children.is_empty() {
			for (_, child) in children.iter() {
				ParentKeys::<T>::mutate(child, netuid, |parents| rename(parents.iter_mut()));
			}
			ChildKeys::<T>::insert(new, netuid, children);
			SubnetParentKeys::<T>::remove(netuid, old);
			SubnetParentKeys::<T>::insert(netuid, new, ());
		}
		let parents = ParentKeys::<T>::take(old, netuid);
		if !parents.is_empty() {
			for (_, parent) in parents.iter() {
				ChildKeys::<T>::mutate(parent, netuid, |children| rename(children.iter_mut()));
			}
			ParentKeys::<T>::insert(new, netuid, parents);
		}
		if let Some((children, cooldown)) = PendingChildKeys::<T>::take(netuid, old) {
			let due = cooldown.saturating_add(1);
			PendingChildKeysDue::<T>::remove(due, (netuid, old));
			PendingChildKeysDue::<T>::insert(due, (netuid, new.clone()), ());
			PendingChildKeys::<T>::insert(netuid, new, (children, cooldown));
		}
		if ChildkeyTake::<T>::contains_key(old, netuid) {
			ChildkeyTake::<T>::insert(new, netuid, ChildkeyTake::<T>::take(old, netuid));
		}
		for kind in [TX_SET_CHILDREN, TX_SET_CHILDKEY_TAKE] {
			if TransactionKeyLastBlock::<T>::contains_key((old, netuid, kind)) {
				let b = TransactionKeyLastBlock::<T>::take((old, netuid, kind));
				TransactionKeyLastBlock::<T>::insert((new, netuid, kind), b);
			}
		}
	}
}
