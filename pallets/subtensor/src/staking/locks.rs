//! Stake locks (conviction) and the (absent) root claims.
//!
//! This module owns `Lock`, `DecayingLock`, `HotkeyLock`, `DecayingHotkeyLock`, `OwnerLock`,
//! `DecayingOwnerLock`, `UnlockRate`, `MaturityRate`, `LockingColdkeys`, `PerpetualLockIndex`,
//! `RootClaimType`, `RootClaimable` and `RootClaimed`.
//!
//! A coldkey holds at most one lock per subnet, `Lock[(coldkey, netuid, hotkey)]`, targeting
//! one hotkey. The formulas are `subtensor_math::locks` (README "Stake locks"); this module
//! reads storage, rolls the states forward with [`roll`] and writes them back. Every change of
//! an individual lock goes through [`Pallet::replace_lock`], which takes the old lock's rolled
//! value out of its aggregate bucket and adds the new one to its bucket, so that each
//! aggregate stays the sum of its locks (within rounding; checked in `do_try_state`).
//!
//! The bucket of a lock: the owner buckets (`OwnerLock`, `DecayingOwnerLock`, keyed by netuid)
//! if it targets the subnet's owner hotkey, else the hotkey's (`HotkeyLock`,
//! `DecayingHotkeyLock`); perpetual (`DecayingLock = Some(false)`) or decaying.

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use substrate_fixed::types::U64F64;
use subtensor_math::locks::{self as lock_math, LockAmounts, LockKind, LockRates};

/// Most hotkeys read to add up a coldkey's stake on a subnet for a lock check: its own list
/// (at most `MaxStakingHotkeys` = 512) comes first, then the hotkeys it received stake on. A
/// check that cannot prove the stake within this many hotkeys refuses (`StakeUnavailable`).
pub const LOCK_STAKE_SCAN: usize = 1024;

/// The four aggregate buckets.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Bucket {
	/// `HotkeyLock[(netuid, hotkey)]`.
	Hotkey,
	/// `DecayingHotkeyLock[(netuid, hotkey)]`.
	DecayingHotkey,
	/// `OwnerLock[netuid]`.
	Owner,
	/// `DecayingOwnerLock[netuid]`.
	DecayingOwner,
}

impl Bucket {
	fn of(owner: bool, perpetual: bool) -> Self {
		match (owner, perpetual) {
			(true, true) => Bucket::Owner,
			(true, false) => Bucket::DecayingOwner,
			(false, true) => Bucket::Hotkey,
			(false, false) => Bucket::DecayingHotkey,
		}
	}

	pub(crate) fn kind(self) -> LockKind {
		LockKind {
			perpetual: matches!(self, Bucket::Hotkey | Bucket::Owner),
			owner: matches!(self, Bucket::Owner | Bucket::DecayingOwner),
		}
	}
}

fn amounts(state: &LockState) -> LockAmounts {
	LockAmounts { mass: state.locked_mass, conviction: state.conviction }
}

fn state_at(a: LockAmounts, now: u64) -> LockState {
	LockState { locked_mass: a.mass, conviction: a.conviction, last_update: now }
}

impl<T: Config> Pallet<T> {
	/// The lock timescales (`UnlockRate`, `MaturityRate`).
	pub fn lock_rates() -> LockRates {
		LockRates { unlock: UnlockRate::<T>::get(), maturity: MaturityRate::<T>::get() }
	}

	/// `state` rolled to block `now` as a lock of `kind` (a state from the future, which
	/// cannot happen, is left as it is).
	pub fn roll_lock_state(state: &LockState, now: u64, kind: LockKind) -> LockState {
		let dt = now.saturating_sub(state.last_update);
		let rolled = lock_math::roll(amounts(state), dt, Self::lock_rates(), kind);
		state_at(rolled, now.max(state.last_update))
	}

	/// Whether `hotkey` is the owner hotkey of `netuid`.
	pub(crate) fn is_owner_hotkey(netuid: NetUid, hotkey: &T::AccountId) -> bool {
		SubnetOwnerHotkey::<T>::get(netuid).as_ref() == Some(hotkey)
	}

	/// Whether `coldkey`'s lock on `netuid` is perpetual.
	pub fn is_perpetual_lock(coldkey: &T::AccountId, netuid: NetUid) -> bool {
		DecayingLock::<T>::get(coldkey, netuid) == Some(false)
	}

	/// The bucket of `coldkey`'s lock on `netuid` to `hotkey`, now.
	pub(crate) fn lock_bucket(
		coldkey: &T::AccountId,
		netuid: NetUid,
		hotkey: &T::AccountId,
	) -> Bucket {
		Bucket::of(Self::is_owner_hotkey(netuid, hotkey), Self::is_perpetual_lock(coldkey, netuid))
	}

	/// `coldkey`'s lock on `netuid` as stored, with its hotkey.
	pub fn stored_lock(
		coldkey: &T::AccountId,
		netuid: NetUid,
	) -> Option<(T::AccountId, LockState)> {
		Lock::<T>::iter_prefix((coldkey, netuid)).next()
	}

	/// `coldkey`'s lock on `netuid` rolled to this block, with its hotkey.
	pub fn current_lock(
		coldkey: &T::AccountId,
		netuid: NetUid,
	) -> Option<(T::AccountId, LockState)> {
		let now = Self::current_block();
		Self::stored_lock(coldkey, netuid).map(|(hotkey, state)| {
			let kind = Self::lock_bucket(coldkey, netuid, &hotkey).kind();
			let rolled = Self::roll_lock_state(&state, now, kind);
			(hotkey, rolled)
		})
	}

	/// The lock of `coldkey`'s stake on `netuid`, rolled to this block (`get_coldkey_lock`).
	pub fn coldkey_lock(coldkey: &T::AccountId, netuid: NetUid) -> Option<LockState> {
		Self::current_lock(coldkey, netuid).map(|(_, state)| state)
	}

	/// Alpha of `coldkey` locked on `netuid` now (0 without a lock).
	pub fn locked_alpha(coldkey: &T::AccountId, netuid: NetUid) -> u64 {
		Self::coldkey_lock(coldkey, netuid).map(|lock| lock.locked_mass).unwrap_or(0)
	}

	/// Whether `coldkey` holds at least `needed` alpha on `netuid` over its hotkeys, reading
	/// at most [`LOCK_STAKE_SCAN`] of them and stopping once `needed` is reached.
	pub(crate) fn coldkey_stake_covers(
		coldkey: &T::AccountId,
		netuid: NetUid,
		needed: u64,
	) -> bool {
		if needed == 0 {
			return true;
		}
		let mut sum: u64 = 0;
		for hotkey in Self::staked_hotkeys(coldkey).into_iter().take(LOCK_STAKE_SCAN) {
			// Σ stake ≤ alpha supply < u64::MAX: saturating only for safety.
			sum = sum.saturating_add(Self::stake_of(&hotkey, coldkey, netuid));
			if sum >= needed {
				return true;
			}
		}
		false
	}

	/// Fails with `StakeUnavailable` if taking `amount` of `coldkey`'s alpha out of `netuid`
	/// (to another subnet, another coldkey, TAO, or destruction) would leave less than its
	/// locked mass. Free of reads beyond the lock when the coldkey has no lock there.
	pub fn ensure_available_to_unstake(
		coldkey: &T::AccountId,
		netuid: NetUid,
		amount: u64,
	) -> Result<(), Error<T>> {
		let locked = Self::locked_alpha(coldkey, netuid);
		if locked == 0 || amount == 0 {
			return Ok(());
		}
		let needed = locked.checked_add(amount).ok_or(Error::<T>::StakeUnavailable)?;
		ensure!(Self::coldkey_stake_covers(coldkey, netuid, needed), Error::<T>::StakeUnavailable);
		Ok(())
	}

	// ---- aggregates ----

	fn bucket_get(netuid: NetUid, hotkey: &T::AccountId, bucket: Bucket) -> Option<LockState> {
		match bucket {
			Bucket::Hotkey => HotkeyLock::<T>::get(netuid, hotkey),
			Bucket::DecayingHotkey => DecayingHotkeyLock::<T>::get(netuid, hotkey),
			Bucket::Owner => OwnerLock::<T>::get(netuid),
			Bucket::DecayingOwner => DecayingOwnerLock::<T>::get(netuid),
		}
	}

	/// Write an aggregate; an empty one (no mass, no conviction) is removed.
	fn bucket_put(netuid: NetUid, hotkey: &T::AccountId, bucket: Bucket, state: LockState) {
		let empty = state.locked_mass == 0 && state.conviction == U64F64::from_bits(0);
		match (bucket, empty) {
			(Bucket::Hotkey, false) => HotkeyLock::<T>::insert(netuid, hotkey, state),
			(Bucket::Hotkey, true) => HotkeyLock::<T>::remove(netuid, hotkey),
			(Bucket::DecayingHotkey, false) => {
				DecayingHotkeyLock::<T>::insert(netuid, hotkey, state)
			},
			(Bucket::DecayingHotkey, true) => DecayingHotkeyLock::<T>::remove(netuid, hotkey),
			(Bucket::Owner, false) => OwnerLock::<T>::insert(netuid, state),
			(Bucket::Owner, true) => OwnerLock::<T>::remove(netuid),
			(Bucket::DecayingOwner, false) => DecayingOwnerLock::<T>::insert(netuid, state),
			(Bucket::DecayingOwner, true) => DecayingOwnerLock::<T>::remove(netuid),
		}
	}

	/// An aggregate rolled to `now` (empty if absent).
	pub(crate) fn bucket_rolled(
		netuid: NetUid,
		hotkey: &T::AccountId,
		bucket: Bucket,
		now: u64,
	) -> LockAmounts {
		Self::bucket_get(netuid, hotkey, bucket)
			.map(|state| amounts(&Self::roll_lock_state(&state, now, bucket.kind())))
			.unwrap_or_default()
	}

	/// Add (`add = true`) or take out a rolled lock from an aggregate, both at `now`.
	fn bucket_apply(
		netuid: NetUid,
		hotkey: &T::AccountId,
		bucket: Bucket,
		part: LockAmounts,
		add: bool,
		now: u64,
	) {
		let current = Self::bucket_rolled(netuid, hotkey, bucket, now);
		let next =
			if add { lock_math::merge(current, part) } else { lock_math::remove(current, part) };
		// The owner rule applies to the sum as to each part.
		let next = lock_math::roll(next, 0, Self::lock_rates(), bucket.kind());
		Self::bucket_put(netuid, hotkey, bucket, state_at(next, now));
	}

	// ---- individual locks ----

	/// Replace `coldkey`'s lock on `netuid`: take `old` (hotkey, stored state, bucket it was
	/// in) out of its aggregate, write `new` (hotkey, state already rolled to `now`) and add it
	/// to the bucket of `new_bucket`. A dust lock is deleted rather than stored.
	fn replace_lock(
		coldkey: &T::AccountId,
		netuid: NetUid,
		old: Option<(&T::AccountId, &LockState, Bucket)>,
		new: Option<(&T::AccountId, LockState, Bucket)>,
		now: u64,
	) {
		if let Some((hotkey, state, bucket)) = old {
			let rolled = Self::roll_lock_state(state, now, bucket.kind());
			Self::bucket_apply(netuid, hotkey, bucket, amounts(&rolled), false, now);
			Lock::<T>::remove((coldkey, netuid, hotkey));
			LockingColdkeys::<T>::remove((netuid, hotkey, coldkey));
		}
		if let Some((hotkey, state, bucket)) = new {
			if lock_math::is_dust(amounts(&state)) {
				return;
			}
			Lock::<T>::insert((coldkey, netuid, hotkey), state);
			LockingColdkeys::<T>::insert((netuid, hotkey, coldkey), ());
			Self::bucket_apply(netuid, hotkey, bucket, amounts(&state), true, now);
		}
	}

	/// `lock_stake`: see the call.
	pub(crate) fn do_lock_stake(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		amount: u64,
	) -> DispatchResult {
		// Checks (no writes above this line).
		ensure!(amount > 0, Error::<T>::AmountTooLow);
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		let now = Self::current_block();
		let stored = Self::stored_lock(coldkey, netuid);
		let old = stored.as_ref().map(|(h, s)| (h, s, Self::lock_bucket(coldkey, netuid, h)));
		// The existing lock rolled to now; one decayed to dust counts as none.
		let current = old
			.map(|(h, s, b)| (h, Self::roll_lock_state(s, now, b.kind())))
			.filter(|(_, s)| !lock_math::is_dust(amounts(s)));
		if let Some((existing, _)) = &current {
			ensure!(*existing == hotkey, Error::<T>::LockHotkeyMismatch);
		}
		let base = current.map(|(_, s)| amounts(&s)).unwrap_or_default();
		let mass = base.mass.checked_add(amount).ok_or(Error::<T>::InsufficientStakeForLock)?;
		ensure!(
			Self::coldkey_stake_covers(coldkey, netuid, mass),
			Error::<T>::InsufficientStakeForLock
		);
		let bucket = Self::lock_bucket(coldkey, netuid, hotkey);
		let new = lock_math::roll(
			LockAmounts { mass, conviction: base.conviction },
			0,
			Self::lock_rates(),
			bucket.kind(),
		);

		// Effects.
		Self::replace_lock(coldkey, netuid, old, Some((hotkey, state_at(new, now), bucket)), now);
		Self::deposit_event(Event::StakeLocked {
			coldkey: coldkey.clone(),
			hotkey: hotkey.clone(),
			netuid,
			amount,
		});
		Ok(())
	}

	/// `move_lock`: see the call.
	pub(crate) fn do_move_lock(
		coldkey: &T::AccountId,
		destination: &T::AccountId,
		netuid: NetUid,
	) -> DispatchResult {
		// Checks.
		ensure!(Self::hotkey_account_exists(destination), Error::<T>::HotKeyAccountNotExists);
		let (origin, state) =
			Self::stored_lock(coldkey, netuid).ok_or(Error::<T>::NoExistingLock)?;
		let now = Self::current_block();
		let old_bucket = Self::lock_bucket(coldkey, netuid, &origin);
		let rolled = Self::roll_lock_state(&state, now, old_bucket.kind());
		let same_owner = Owner::<T>::get(&origin) == Owner::<T>::get(destination);
		let conviction = if same_owner { rolled.conviction } else { U64F64::from_bits(0) };
		let new_bucket = Self::lock_bucket(coldkey, netuid, destination);
		let new = lock_math::roll(
			LockAmounts { mass: rolled.locked_mass, conviction },
			0,
			Self::lock_rates(),
			new_bucket.kind(),
		);

		// Effects.
		Self::replace_lock(
			coldkey,
			netuid,
			Some((&origin, &state, old_bucket)),
			Some((destination, state_at(new, now), new_bucket)),
			now,
		);
		Self::deposit_event(Event::LockMoved {
			coldkey: coldkey.clone(),
			origin_hotkey: origin,
			destination_hotkey: destination.clone(),
			netuid,
		});
		Ok(())
	}

	/// `set_perpetual_lock`: see the call. The lock (if any) is rolled to now under its old
	/// kind, then moves to the bucket of its new kind.
	pub(crate) fn do_set_perpetual_lock(
		coldkey: &T::AccountId,
		netuid: NetUid,
		enabled: bool,
	) -> DispatchResult {
		// Checks.
		ensure!(!enabled || Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		let now = Self::current_block();
		let stored = Self::stored_lock(coldkey, netuid);

		// Effects.
		if let Some((hotkey, state)) = &stored {
			let old_bucket = Self::lock_bucket(coldkey, netuid, hotkey);
			let rolled = Self::roll_lock_state(state, now, old_bucket.kind());
			let new_bucket = Bucket::of(Self::is_owner_hotkey(netuid, hotkey), enabled);
			Self::replace_lock(
				coldkey,
				netuid,
				Some((hotkey, state, old_bucket)),
				Some((hotkey, rolled, new_bucket)),
				now,
			);
		}
		Self::write_perpetual_flag(coldkey, netuid, enabled);
		Self::deposit_event(Event::PerpetualLockUpdated {
			coldkey: coldkey.clone(),
			netuid,
			enabled,
		});
		Ok(())
	}

	fn write_perpetual_flag(coldkey: &T::AccountId, netuid: NetUid, enabled: bool) {
		if enabled {
			DecayingLock::<T>::insert(coldkey, netuid, false);
			PerpetualLockIndex::<T>::insert(netuid, coldkey, ());
		} else {
			DecayingLock::<T>::remove(coldkey, netuid);
			PerpetualLockIndex::<T>::remove(netuid, coldkey);
		}
	}

	// ---- key swaps, owner changes, dissolution ----

	/// Checks of a hotkey swap's locks on `subnets`: at most [`MAX_SWAP_STAKE_POSITIONS`]
	/// locks to `old` (`TooManyLocksToSwap`), and `new` is the target of no lock there
	/// (`NewHotKeyHasLocks`). Returns the locks to move.
	pub(crate) fn hotkey_locks_to_swap(
		old: &T::AccountId,
		new: &T::AccountId,
		subnets: &[NetUid],
	) -> Result<Vec<(NetUid, T::AccountId)>, Error<T>> {
		let bound = usize::try_from(MAX_SWAP_STAKE_POSITIONS).unwrap_or(usize::MAX);
		let mut locks = Vec::new();
		for n in subnets {
			// Locks to `new` as the owner hotkey (where `old` is not the owner) would have to
			// change bucket; locks to `new` as a plain hotkey would have to merge.
			let new_is_owner = Self::is_owner_hotkey(*n, new) && !Self::is_owner_hotkey(*n, old);
			let old_has = LockingColdkeys::<T>::iter_key_prefix((n, old)).next().is_some()
				|| HotkeyLock::<T>::contains_key(n, old)
				|| DecayingHotkeyLock::<T>::contains_key(n, old);
			ensure!(
				!((new_is_owner && old_has)
					|| HotkeyLock::<T>::contains_key(n, new)
					|| DecayingHotkeyLock::<T>::contains_key(n, new)
					|| LockingColdkeys::<T>::iter_key_prefix((n, new)).next().is_some()),
				Error::<T>::NewHotKeyHasLocks
			);
			for coldkey in LockingColdkeys::<T>::iter_key_prefix((n, old)) {
				locks.push((*n, coldkey));
				ensure!(locks.len() <= bound, Error::<T>::TooManyLocksToSwap);
			}
		}
		Ok(locks)
	}

	/// Move the locks to `old` on `subnet` to `new` (a hotkey swap; called before the owner
	/// hotkey is renamed). The states are copied as stored (the target's owner does not
	/// change, so conviction is kept); the hotkey aggregates move with them. If `old` is the
	/// owner hotkey, the owner buckets stay (the owner hotkey becomes `new`).
	pub(crate) fn swap_hotkey_locks(
		old: &T::AccountId,
		new: &T::AccountId,
		subnet: NetUid,
		coldkeys: &[T::AccountId],
	) {
		for coldkey in coldkeys {
			if let Some(state) = Lock::<T>::take((coldkey, subnet, old)) {
				Lock::<T>::insert((coldkey, subnet, new), state);
			}
			LockingColdkeys::<T>::remove((subnet, old, coldkey));
			LockingColdkeys::<T>::insert((subnet, new, coldkey), ());
		}
		if let Some(state) = HotkeyLock::<T>::take(subnet, old) {
			HotkeyLock::<T>::insert(subnet, new, state);
		}
		if let Some(state) = DecayingHotkeyLock::<T>::take(subnet, old) {
			DecayingHotkeyLock::<T>::insert(subnet, new, state);
		}
	}

	/// The subnet's owner hotkey changes from `old` to `new`: the owner buckets become `old`'s
	/// hotkey buckets and `new`'s hotkey buckets become the owner buckets (rolled to now; the
	/// owner rule then sets their conviction to their mass), as the reference's ownership
	/// change does.
	pub(crate) fn on_owner_hotkey_changed(
		netuid: NetUid,
		old: Option<&T::AccountId>,
		new: &T::AccountId,
	) {
		if old == Some(new) {
			return;
		}
		let now = Self::current_block();
		let pairs =
			[(Bucket::Owner, Bucket::Hotkey), (Bucket::DecayingOwner, Bucket::DecayingHotkey)];
		for (owner_bucket, hotkey_bucket) in pairs {
			let from_owner = Self::bucket_rolled(netuid, new, owner_bucket, now);
			let to_owner = Self::bucket_rolled(netuid, new, hotkey_bucket, now);
			Self::bucket_put(netuid, new, owner_bucket, LockState::default());
			Self::bucket_put(netuid, new, hotkey_bucket, LockState::default());
			if let Some(old) = old {
				Self::bucket_apply(netuid, old, hotkey_bucket, from_owner, true, now);
			}
			Self::bucket_apply(netuid, new, owner_bucket, to_owner, true, now);
		}
	}

	/// Coldkey swap checks: `new` has no lock (`ActiveLockExists`). Returns the netuids of
	/// `old`'s locks and flags (at most one of each per subnet).
	pub(crate) fn coldkey_locks_to_swap(
		old: &T::AccountId,
		new: &T::AccountId,
	) -> Result<Vec<NetUid>, Error<T>> {
		ensure!(Lock::<T>::iter_prefix((new,)).next().is_none(), Error::<T>::ActiveLockExists);
		let mut netuids: Vec<NetUid> = Lock::<T>::iter_key_prefix((old,)).map(|(n, _)| n).collect();
		netuids.extend(DecayingLock::<T>::iter_key_prefix(old));
		netuids.sort();
		netuids.dedup();
		Ok(netuids)
	}

	/// Move `old`'s locks and perpetual flags on `netuids` to `new`, as stored: each lock keeps
	/// its hotkey and kind, so the aggregates do not change.
	pub(crate) fn swap_coldkey_locks(old: &T::AccountId, new: &T::AccountId, netuids: &[NetUid]) {
		for n in netuids {
			let keys: Vec<(T::AccountId, LockState)> = Lock::<T>::iter_prefix((old, n)).collect();
			for (hotkey, state) in keys {
				Lock::<T>::remove((old, n, &hotkey));
				Lock::<T>::insert((new, n, &hotkey), state);
				LockingColdkeys::<T>::remove((n, &hotkey, old));
				LockingColdkeys::<T>::insert((n, &hotkey, new), ());
			}
			let perpetual = Self::is_perpetual_lock(old, *n);
			Self::write_perpetual_flag(old, *n, false);
			Self::write_perpetual_flag(new, *n, perpetual);
		}
	}

	/// Remove up to `max` lock entries of dissolved subnet `netuid` (an individual lock with
	/// its index entry, a perpetual flag with its index entry, or an aggregate). Returns the
	/// entries removed.
	pub(crate) fn take_subnet_locks(netuid: NetUid, max: u32) -> u32 {
		let mut budget = usize::try_from(max).unwrap_or(usize::MAX);
		let mut done: usize = 0;
		let locks: Vec<(T::AccountId, T::AccountId)> =
			LockingColdkeys::<T>::iter_key_prefix((netuid,)).take(budget).collect();
		for (hotkey, coldkey) in &locks {
			Lock::<T>::remove((coldkey, netuid, hotkey));
			LockingColdkeys::<T>::remove((netuid, hotkey, coldkey));
		}
		done = done.saturating_add(locks.len());
		budget = budget.saturating_sub(locks.len());
		let flags: Vec<T::AccountId> =
			PerpetualLockIndex::<T>::iter_key_prefix(netuid).take(budget).collect();
		for coldkey in &flags {
			Self::write_perpetual_flag(coldkey, netuid, false);
		}
		done = done.saturating_add(flags.len());
		budget = budget.saturating_sub(flags.len());
		let hotkeys: Vec<T::AccountId> =
			HotkeyLock::<T>::iter_key_prefix(netuid).take(budget).collect();
		for hotkey in &hotkeys {
			HotkeyLock::<T>::remove(netuid, hotkey);
		}
		done = done.saturating_add(hotkeys.len());
		budget = budget.saturating_sub(hotkeys.len());
		let hotkeys: Vec<T::AccountId> =
			DecayingHotkeyLock::<T>::iter_key_prefix(netuid).take(budget).collect();
		for hotkey in &hotkeys {
			DecayingHotkeyLock::<T>::remove(netuid, hotkey);
		}
		done = done.saturating_add(hotkeys.len());
		budget = budget.saturating_sub(hotkeys.len());
		if budget > 0
			&& (OwnerLock::<T>::contains_key(netuid)
				|| DecayingOwnerLock::<T>::contains_key(netuid))
		{
			OwnerLock::<T>::remove(netuid);
			DecayingOwnerLock::<T>::remove(netuid);
			done = done.saturating_add(1);
		}
		u32::try_from(done).unwrap_or(u32::MAX)
	}

	/// Whether any lock entry of `netuid` is left.
	pub(crate) fn subnet_has_locks(netuid: NetUid) -> bool {
		LockingColdkeys::<T>::iter_key_prefix((netuid,)).next().is_some()
			|| PerpetualLockIndex::<T>::iter_key_prefix(netuid).next().is_some()
			|| HotkeyLock::<T>::iter_key_prefix(netuid).next().is_some()
			|| DecayingHotkeyLock::<T>::iter_key_prefix(netuid).next().is_some()
			|| OwnerLock::<T>::contains_key(netuid)
			|| DecayingOwnerLock::<T>::contains_key(netuid)
	}

	// ---- queries ----

	/// How `coldkey` takes its root dividends: always the default `Swap` here.
	pub fn root_claim_type(coldkey: &T::AccountId) -> RootClaimTypeEnum {
		RootClaimType::<T>::get(coldkey)
	}

	/// Conviction locked to `hotkey` on `netuid` now: its hotkey aggregates, plus the owner
	/// aggregates if it is the owner hotkey.
	pub fn hotkey_conviction(hotkey: &T::AccountId, netuid: NetUid) -> U64F64 {
		let now = Self::current_block();
		let mut buckets = alloc::vec![Bucket::Hotkey, Bucket::DecayingHotkey];
		if Self::is_owner_hotkey(netuid, hotkey) {
			buckets.extend([Bucket::Owner, Bucket::DecayingOwner]);
		}
		buckets.into_iter().fold(U64F64::from_bits(0), |acc, bucket| {
			acc.saturating_add(Self::bucket_rolled(netuid, hotkey, bucket, now).conviction)
		})
	}

	/// The hotkey with the most conviction on `netuid` now (ties to the first in storage
	/// order, the owner hotkey last); `None` without locks.
	pub fn most_convicted_hotkey(netuid: NetUid) -> Option<T::AccountId> {
		let mut best: Option<(T::AccountId, U64F64)> = None;
		let mut hotkeys: Vec<T::AccountId> = HotkeyLock::<T>::iter_key_prefix(netuid)
			.chain(DecayingHotkeyLock::<T>::iter_key_prefix(netuid))
			.collect();
		if OwnerLock::<T>::contains_key(netuid) || DecayingOwnerLock::<T>::contains_key(netuid) {
			hotkeys.extend(SubnetOwnerHotkey::<T>::get(netuid));
		}
		for hotkey in hotkeys {
			let conviction = Self::hotkey_conviction(&hotkey, netuid);
			if best.as_ref().is_none_or(|(_, c)| conviction > *c) {
				best = Some((hotkey, conviction));
			}
		}
		best.map(|(hotkey, _)| hotkey)
	}
}
