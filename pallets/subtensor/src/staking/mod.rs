//! Stake accounting (economics.md §3.5–§3.8): every (hotkey, subnet) has a share pool whose
//! value is `TotalHotkeyAlpha` and whose shares are `TotalHotkeyShares`; a coldkey's stake is
//! its `Alpha` shares valued at the pool's rate. Crediting one coldkey buys shares; crediting the
//! whole pool (dividends) raises its value, so every nominator gains pro rata.
//!
//! This module owns `TotalHotkeyAlpha`, `TotalHotkeyShares`, `Alpha`, `StakingHotkeys`,
//! `ReceivedStakeHotkeys`, `SubnetStakePositions`, `Delegates`, `LastTxBlockDelegateTake`,
//! `TxDelegateTakeRateLimit`, `StakingOperationRateLimiter` and `LastColdkeyHotkeyStakeBlock`;
//! `locks.rs` owns the (empty) stake-lock and root-claim items; `children.rs` the childkey items. The share arithmetic is
//! `subtensor_math::share_pool`.

mod alpha;
mod children;
pub(crate) mod locks;
mod stake;
mod take;
mod transition;

use crate::*;
use alloc::vec::Vec;
pub use children::{InheritedStake, TX_SET_CHILDKEY_TAKE, TX_SET_CHILDREN};
use frame_support::{pallet_prelude::DispatchResult, traits::Get};
use substrate_fixed::types::U64F64;
use subtensor_math::share_pool::{self, SharePool};

/// Who placed a stake credit: the coldkey's own signed call, or someone else (another
/// coldkey's `transfer_stake`, or the protocol: owner cut, incentive, take, dividends). Only the
/// coldkey's own calls use its `MaxStakingHotkeys` capacity and its rate-limit marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlacedBy {
	/// The coldkey's own call: listed in `StakingHotkeys` (capacity-limited).
	Own,
	/// Anyone else: listed in `ReceivedStakeHotkeys` (no capacity to use up).
	Other,
}

/// A checked change of one coldkey's stake, computed before any write and applied with
/// [`Pallet::apply_stake_change`].
pub(crate) struct StakeChange {
	/// The hotkey pool after the change.
	pool: SharePool,
	/// The coldkey's shares after the change.
	shares: U64F64,
	/// Alpha actually added or removed (a withdrawal that would leave dust removes all).
	pub(crate) amount: u64,
}

impl<T: Config> Pallet<T> {
	/// The share pool of `hotkey` on `netuid`.
	pub fn hotkey_pool(hotkey: &T::AccountId, netuid: NetUid) -> SharePool {
		SharePool {
			value: TotalHotkeyAlpha::<T>::get(hotkey, netuid),
			shares: TotalHotkeyShares::<T>::get(hotkey, netuid),
		}
	}

	/// Alpha (RAO) that `coldkey` has staked on `hotkey` in `netuid` (TAO on root).
	pub fn stake_of(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: NetUid) -> u64 {
		share_pool::value_of(
			Self::hotkey_pool(hotkey, netuid),
			Alpha::<T>::get((hotkey, coldkey, netuid)),
		)
	}

	/// Whether `hotkey` has an owner (was registered somewhere, or created by a subnet).
	pub fn hotkey_account_exists(hotkey: &T::AccountId) -> bool {
		Owner::<T>::contains_key(hotkey)
	}

	/// Quote crediting `alpha` to `coldkey`'s stake on `hotkey` in `netuid`. Writes nothing.
	///
	/// Fails with `InsufficientLiquidity` if the amount buys no share at the pool's rate.
	pub(crate) fn quote_credit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
		alpha: u64,
	) -> Result<StakeChange, Error<T>> {
		let (pool, shares) = share_pool::deposit(
			Self::hotkey_pool(hotkey, netuid),
			Alpha::<T>::get((hotkey, coldkey, netuid)),
			alpha,
		)
		.map_err(Error::<T>::from)?;
		Ok(StakeChange { pool, shares, amount: alpha })
	}

	/// Quote debiting `alpha` from `coldkey`'s stake on `hotkey` in `netuid`. Writes nothing.
	/// The change's `amount` may exceed `alpha` when the remainder would be dust, and when the
	/// last holder leaves it takes the pool's whole value (its flooring remainder too), so that
	/// no pool is left with value and no shares.
	///
	/// Fails with `NotEnoughStakeToWithdraw` if the stake is smaller than `alpha` (callers cap
	/// the amount at the stake first).
	pub(crate) fn quote_debit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
		alpha: u64,
	) -> Result<StakeChange, Error<T>> {
		let (pool, shares, amount) = share_pool::withdraw(
			Self::hotkey_pool(hotkey, netuid),
			Alpha::<T>::get((hotkey, coldkey, netuid)),
			alpha,
		)
		.map_err(|_| Error::<T>::NotEnoughStakeToWithdraw)?;
		let (pool, amount) = if pool.shares == U64F64::from_bits(0) && pool.value > 0 {
			// The remainder is at most the pool's value, which fits with `amount` in u64.
			(SharePool { value: 0, shares: pool.shares }, amount.saturating_add(pool.value))
		} else {
			(pool, amount)
		};
		Ok(StakeChange { pool, shares, amount })
	}

	/// Write a quoted change of `coldkey`'s stake on `hotkey` in `netuid`. Zero entries are
	/// removed rather than stored.
	pub(crate) fn apply_stake_change(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
		change: &StakeChange,
	) {
		Self::write_hotkey_pool(hotkey, netuid, change.pool);
		if change.shares == U64F64::from_bits(0) {
			Alpha::<T>::remove((hotkey, coldkey, netuid));
			SubnetStakePositions::<T>::remove((netuid, hotkey, coldkey));
			Self::remove_staking_hotkey_if_unstaked(coldkey, hotkey);
		} else {
			Alpha::<T>::insert((hotkey, coldkey, netuid), change.shares);
			SubnetStakePositions::<T>::insert((netuid, hotkey, coldkey), ());
		}
	}

	/// Write a quoted credit of `coldkey`'s stake on `hotkey` in `netuid`, and list the hotkey
	/// for the coldkey if this is its first stake on it: in `StakingHotkeys` if placed by the
	/// coldkey itself (the caller checked the room with [`Self::ensure_staking_hotkey_slot`]),
	/// else in `ReceivedStakeHotkeys`, which never refuses.
	pub(crate) fn apply_stake_credit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
		change: &StakeChange,
		by: PlacedBy,
	) -> DispatchResult {
		let listed = Self::has_stake_on(hotkey, coldkey);
		Self::apply_stake_change(hotkey, coldkey, netuid, change);
		if listed || change.shares == U64F64::from_bits(0) {
			return Ok(());
		}
		match by {
			PlacedBy::Own => StakingHotkeys::<T>::try_mutate(coldkey, |list| {
				list.try_push(hotkey.clone()).map_err(|_| Error::<T>::TooManyStakingHotkeys.into())
			}),
			PlacedBy::Other => {
				ReceivedStakeHotkeys::<T>::insert(coldkey, hotkey, ());
				Ok(())
			},
		}
	}

	/// Every hotkey `coldkey` holds stake on: those it staked to itself (`StakingHotkeys`), then
	/// those it received stake on from others or from the protocol (`ReceivedStakeHotkeys`).
	pub fn staked_hotkeys(coldkey: &T::AccountId) -> Vec<T::AccountId> {
		StakingHotkeys::<T>::get(coldkey)
			.into_iter()
			.chain(ReceivedStakeHotkeys::<T>::iter_key_prefix(coldkey))
			.collect()
	}

	/// Whether `coldkey` holds stake on `hotkey` on any subnet (then the hotkey is listed for it).
	fn has_stake_on(hotkey: &T::AccountId, coldkey: &T::AccountId) -> bool {
		Alpha::<T>::iter_prefix((hotkey, coldkey)).next().is_some()
	}

	fn write_hotkey_pool(hotkey: &T::AccountId, netuid: NetUid, pool: SharePool) {
		if pool.shares == U64F64::from_bits(0) && pool.value == 0 {
			TotalHotkeyAlpha::<T>::remove(hotkey, netuid);
			TotalHotkeyShares::<T>::remove(hotkey, netuid);
		} else {
			TotalHotkeyAlpha::<T>::insert(hotkey, netuid, pool.value);
			TotalHotkeyShares::<T>::insert(hotkey, netuid, pool.shares);
		}
	}

	/// Credit `alpha` to `coldkey`'s stake on `hotkey` in `netuid` (checked, then written),
	/// placed `by` the coldkey itself or by someone else. Only an own credit can fail for lack
	/// of room (`TooManyStakingHotkeys`); any credit fails if the amount buys no share.
	pub(crate) fn credit_stake(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
		alpha: u64,
		by: PlacedBy,
	) -> DispatchResult {
		if alpha == 0 {
			return Ok(());
		}
		let change = Self::quote_credit(hotkey, coldkey, netuid, alpha)?;
		if by == PlacedBy::Own {
			Self::ensure_staking_hotkey_slot(coldkey, hotkey)?;
		}
		Self::apply_stake_credit(hotkey, coldkey, netuid, &change, by)
	}

	/// Add `alpha` to the whole pool of `hotkey` on `netuid`: every holder gains pro rata
	/// (economics.md §3.6, "add for everyone"). With no holder yet, the owner's coldkey takes
	/// the alpha as its stake, so that no value sits in a pool without shares (where the next
	/// staker would take it). Returns whether the alpha was credited; it is not (and nothing is
	/// written) only if the amount overflows the pool, which the alpha supply rules out — the
	/// caller then recycles it.
	///
	/// For a dynamic subnet, whose `SubnetAlphaOut` already counts the alpha. Root stake is TAO
	/// backed 1:1 by `SubnetTAO[0]`: crediting it must also raise `SubnetTAO[0]`,
	/// `SubnetAlphaOut[0]` and `TotalStake`, which this function does not do.
	pub(crate) fn credit_hotkey_pool(hotkey: &T::AccountId, netuid: NetUid, alpha: u64) -> bool {
		if alpha == 0 {
			return true;
		}
		let pool = Self::hotkey_pool(hotkey, netuid);
		if pool.shares == U64F64::from_bits(0) {
			let owner = Owner::<T>::get(hotkey);
			return Self::credit_stake(hotkey, &owner, netuid, alpha, PlacedBy::Other).is_ok();
		}
		match share_pool::distribute(pool, alpha) {
			Ok(pool) => {
				Self::write_hotkey_pool(hotkey, netuid, pool);
				true
			},
			Err(_) => false,
		}
	}

	/// Fails with `TooManyStakingHotkeys` if `hotkey` is new to `coldkey` and the coldkey's own
	/// list (`StakingHotkeys`) is full. For the coldkey's own calls only.
	pub(crate) fn ensure_staking_hotkey_slot(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) -> DispatchResult {
		let len = StakingHotkeys::<T>::decode_len(coldkey).unwrap_or(0);
		frame_support::ensure!(
			Self::has_stake_on(hotkey, coldkey)
				|| u32::try_from(len).unwrap_or(u32::MAX) < <MaxStakingHotkeys as Get<u32>>::get(),
			Error::<T>::TooManyStakingHotkeys
		);
		Ok(())
	}

	/// Unlist `hotkey` from `coldkey`'s lists once no stake of `coldkey` on it is left on any
	/// subnet, so that they only hold live positions.
	fn remove_staking_hotkey_if_unstaked(coldkey: &T::AccountId, hotkey: &T::AccountId) {
		if Self::has_stake_on(hotkey, coldkey) {
			return;
		}
		// Listed in exactly one of the two.
		if ReceivedStakeHotkeys::<T>::take(coldkey, hotkey).is_none() {
			StakingHotkeys::<T>::mutate_exists(coldkey, |list| {
				if let Some(l) = list {
					l.retain(|h| h != hotkey);
					if l.is_empty() {
						*list = None;
					}
				}
			});
		}
	}

	/// The existing subnets on which `coldkey` holds stake on `hotkey` (stake on a dissolved
	/// subnet whose payout is under way is not listed: it is being paid out).
	pub fn staked_netuids(hotkey: &T::AccountId, coldkey: &T::AccountId) -> Vec<NetUid> {
		Alpha::<T>::iter_prefix((hotkey, coldkey))
			.map(|(netuid, _)| netuid)
			.filter(|netuid| Self::subnet_exists(*netuid))
			.collect()
	}

	/// Mark `(hotkey, coldkey, netuid)` as having received stake from its own coldkey's call in
	/// this block.
	pub(crate) fn set_stake_operation_limit(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
	) {
		StakingOperationRateLimiter::<T>::insert((hotkey, coldkey, netuid), true);
	}

	/// Fails with `StakingOperationRateLimitExceeded` if the position received stake in this
	/// block (an unstake or move right after a stake would let a sandwich settle in one block).
	pub(crate) fn ensure_stake_operation_limit_not_exceeded(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
	) -> DispatchResult {
		frame_support::ensure!(
			!StakingOperationRateLimiter::<T>::get((hotkey, coldkey, netuid)),
			Error::<T>::StakingOperationRateLimitExceeded
		);
		Ok(())
	}

	/// `on_finalize`: forget this block's staked positions.
	pub(crate) fn clear_staking_rate_limiter() {
		let _ = StakingOperationRateLimiter::<T>::clear(u32::MAX, None);
	}

	/// Fails with `SubnetNotExists` or `SubtokenDisabled` unless staking is open on `netuid`
	/// (root always is).
	pub(crate) fn ensure_subtoken_enabled(netuid: NetUid) -> DispatchResult {
		frame_support::ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		frame_support::ensure!(
			netuid == ROOT_NETUID || SubtokenEnabled::<T>::get(netuid),
			Error::<T>::SubtokenDisabled
		);
		Ok(())
	}

	/// Remove up to `max` stake positions of `netuid` (a dissolved subnet, economics.md §1.8),
	/// found through `SubnetStakePositions` without looking at other subnets, and return each
	/// one's `(coldkey, alpha value)`. Each position is withdrawn whole at its hotkey pool's
	/// rate (the subnet is closed, so the rate does not move); a pool goes with its last
	/// position, which takes the pool's flooring remainder. Returns an empty list once no
	/// position is left.
	pub(crate) fn take_subnet_stakes(netuid: NetUid, max: u32) -> Vec<(T::AccountId, u64)> {
		let keys: Vec<(T::AccountId, T::AccountId)> =
			SubnetStakePositions::<T>::iter_key_prefix((netuid,))
				.take(usize::try_from(max).unwrap_or(usize::MAX))
				.collect();
		let mut stakers = Vec::with_capacity(keys.len());
		for (hotkey, coldkey) in keys {
			let held = Self::stake_of(&hotkey, &coldkey, netuid);
			let value = match Self::quote_debit(&hotkey, &coldkey, netuid, held) {
				Ok(change) => {
					Self::apply_stake_change(&hotkey, &coldkey, netuid, &change);
					change.amount
				},
				// Withdrawing exactly the value held cannot fail. Were it to, the position goes
				// unpaid and its shares leave the pool (the subnet is gone; nothing is minted).
				Err(_) => {
					frame_support::defensive!("withdrawing a whole position failed");
					let shares = Alpha::<T>::get((&hotkey, &coldkey, netuid));
					let pool = Self::hotkey_pool(&hotkey, netuid);
					let left = pool.shares.saturating_sub(shares);
					let value = if left == U64F64::from_bits(0) { 0 } else { pool.value };
					let change = StakeChange {
						pool: SharePool { value, shares: left },
						shares: U64F64::from_bits(0),
						amount: 0,
					};
					Self::apply_stake_change(&hotkey, &coldkey, netuid, &change);
					0
				},
			};
			stakers.push((coldkey, value));
		}
		stakers
	}

	/// Whether any stake position of `netuid` is left.
	pub(crate) fn subnet_has_stake_positions(netuid: NetUid) -> bool {
		SubnetStakePositions::<T>::iter_key_prefix((netuid,)).next().is_some()
	}
}
