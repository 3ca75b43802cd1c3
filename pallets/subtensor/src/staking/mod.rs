//! Stake accounting (economics.md §3.5–§3.8): every (hotkey, subnet) has a share pool whose
//! value is `TotalHotkeyAlpha` and whose shares are `TotalHotkeyShares`; a coldkey's stake is
//! its `Alpha` shares valued at the pool's rate. Crediting one coldkey buys shares; crediting the
//! whole pool (dividends) raises its value, so every nominator gains pro rata.
//!
//! This module owns `TotalHotkeyAlpha`, `TotalHotkeyShares`, `Alpha`, `StakingHotkeys`,
//! `Delegates`, `LastTxBlockDelegateTake`, `TxDelegateTakeRateLimit`,
//! `StakingOperationRateLimiter` and `LastColdkeyHotkeyStakeBlock`; `locks.rs` owns the (empty)
//! stake-lock and root-claim items. The share arithmetic is
//! `subtensor_math::share_pool`.

mod alpha;
mod locks;
mod stake;
mod take;
mod transition;

use crate::*;
use alloc::vec::Vec;
use frame_support::pallet_prelude::DispatchResult;
use substrate_fixed::types::U64F64;
use subtensor_math::share_pool::{self, SharePool};

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
	/// The change's `amount` may exceed `alpha` when the remainder would be dust.
	///
	/// Fails with `NotEnoughStakeToWithdraw` if the stake is smaller than `alpha`.
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
			Self::remove_staking_hotkey_if_unstaked(coldkey, hotkey);
		} else {
			Alpha::<T>::insert((hotkey, coldkey, netuid), change.shares);
		}
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

	/// Credit `alpha` to `coldkey`'s stake on `hotkey` in `netuid` (checked, then written).
	pub(crate) fn credit_stake(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
		alpha: u64,
	) -> DispatchResult {
		if alpha == 0 {
			return Ok(());
		}
		let change = Self::quote_credit(hotkey, coldkey, netuid, alpha)?;
		Self::ensure_staking_hotkey_slot(coldkey, hotkey)?;
		Self::apply_stake_change(hotkey, coldkey, netuid, &change);
		Self::add_staking_hotkey(coldkey, hotkey)
	}

	/// Add `alpha` to the whole pool of `hotkey` on `netuid`: every holder gains pro rata
	/// (economics.md §3.6, "add for everyone"). With no holder yet, the owner's coldkey takes
	/// the alpha as its stake, so nothing is left unowned.
	///
	/// For a dynamic subnet, whose `SubnetAlphaOut` already counts the alpha. Root stake is TAO
	/// backed 1:1 by `SubnetTAO[0]`: crediting it must also raise `SubnetTAO[0]`,
	/// `SubnetAlphaOut[0]` and `TotalStake`, which this function does not do.
	pub(crate) fn credit_hotkey_pool(hotkey: &T::AccountId, netuid: NetUid, alpha: u64) {
		let pool = Self::hotkey_pool(hotkey, netuid);
		if pool.shares == U64F64::from_bits(0) {
			let owner = Owner::<T>::get(hotkey);
			if Self::credit_stake(hotkey, &owner, netuid, alpha).is_ok() {
				return;
			}
		}
		match share_pool::distribute(pool, alpha) {
			Ok(pool) => Self::write_hotkey_pool(hotkey, netuid, pool),
			// The value is bounded by the alpha issuance (≤ 21e15), far below u64::MAX.
			Err(_) => {
				frame_support::defensive!("hotkey pool value overflowed");
			},
		}
	}

	/// Fails with `TooManyStakingHotkeys` if `hotkey` is new to `coldkey` and its list is full.
	pub(crate) fn ensure_staking_hotkey_slot(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) -> DispatchResult {
		let list = StakingHotkeys::<T>::get(coldkey);
		frame_support::ensure!(
			list.contains(hotkey) || !list.is_full(),
			Error::<T>::TooManyStakingHotkeys
		);
		Ok(())
	}

	/// List `hotkey` under `coldkey`'s staking hotkeys if it is not there yet.
	fn add_staking_hotkey(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
		StakingHotkeys::<T>::try_mutate(coldkey, |list| {
			if list.contains(hotkey) {
				return Ok(());
			}
			list.try_push(hotkey.clone()).map_err(|_| Error::<T>::TooManyStakingHotkeys.into())
		})
	}

	/// Unlist `hotkey` from `coldkey`'s staking hotkeys once no stake of `coldkey` on it is
	/// left on any subnet, so that the bounded list only holds live positions.
	fn remove_staking_hotkey_if_unstaked(coldkey: &T::AccountId, hotkey: &T::AccountId) {
		if Alpha::<T>::iter_prefix((hotkey, coldkey)).next().is_none() {
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

	/// The subnets on which `coldkey` holds stake on `hotkey`.
	pub fn staked_netuids(hotkey: &T::AccountId, coldkey: &T::AccountId) -> Vec<NetUid> {
		Alpha::<T>::iter_prefix((hotkey, coldkey)).map(|(netuid, _)| netuid).collect()
	}

	/// Mark `(hotkey, coldkey, netuid)` as having received stake in this block.
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

	/// Remove every stake of `netuid` and return each coldkey's value `(coldkey, alpha)`, in a
	/// deterministic order (part of dissolving the subnet, economics.md §1.8). Scans the
	/// hotkey pools of every subnet (a subnet's stakers are not indexed separately).
	pub(crate) fn take_subnet_stakes(netuid: NetUid) -> Vec<(T::AccountId, u64)> {
		let hotkeys: Vec<T::AccountId> = TotalHotkeyAlpha::<T>::iter()
			.filter(|(_, n, _)| *n == netuid)
			.map(|(h, _, _)| h)
			.chain(
				TotalHotkeyShares::<T>::iter().filter(|(_, n, _)| *n == netuid).map(|(h, _, _)| h),
			)
			.collect::<alloc::collections::BTreeSet<_>>()
			.into_iter()
			.collect();
		let mut stakers = Vec::new();
		for hotkey in hotkeys {
			let pool = Self::hotkey_pool(&hotkey, netuid);
			let holders: Vec<(T::AccountId, U64F64)> = Alpha::<T>::iter_prefix((&hotkey,))
				.filter(|((_, n), _)| *n == netuid)
				.map(|((c, _), s)| (c, s))
				.collect();
			for (coldkey, shares) in holders {
				stakers.push((coldkey.clone(), share_pool::value_of(pool, shares)));
				Alpha::<T>::remove((&hotkey, &coldkey, netuid));
				Self::remove_staking_hotkey_if_unstaked(&coldkey, &hotkey);
			}
			TotalHotkeyAlpha::<T>::remove(&hotkey, netuid);
			TotalHotkeyShares::<T>::remove(&hotkey, netuid);
		}
		// This block's rate-limit marks on the subnet (the map holds one block's entries).
		let marked: Vec<_> = StakingOperationRateLimiter::<T>::iter_keys()
			.filter(|(_, _, n)| *n == netuid)
			.collect();
		for key in marked {
			StakingOperationRateLimiter::<T>::remove(key);
		}
		stakers
	}
}
