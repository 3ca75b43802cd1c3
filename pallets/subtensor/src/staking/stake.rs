//! Staking and unstaking through a subnet's pool (economics.md §3.5).

use super::{PlacedBy, StakeChange};
use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
};
use subtensor_math::pool::{self, Swap};

/// What a stake operation did: TAO and alpha moved, and the fee kept by the pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StakeOutcome {
	/// TAO paid in (stake) or out (unstake), RAO.
	pub tao: u64,
	/// Alpha credited (stake) or debited (unstake), alpha-RAO.
	pub alpha: u64,
	/// Swap fee kept by the pool (TAO on a stake, alpha on an unstake).
	pub fee: u64,
}

impl<T: Config> Pallet<T> {
	/// Stake `amount` TAO of `coldkey` on `hotkey` in `netuid` (calls `add_stake` and
	/// `add_stake_limit`). With `limit = Some((limit_price, allow_partial))` the marginal price
	/// after the buy may not exceed `limit_price`.
	pub(crate) fn do_add_stake(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		amount: u64,
		limit: Option<(u64, bool)>,
	) -> Result<StakeOutcome, DispatchError> {
		// Checks (no writes above this line).
		Self::ensure_subtoken_enabled(netuid)?;
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		let min_stake = T::MinStake::get();
		let min_required =
			min_stake.saturating_add(pool::fee_for(min_stake, Self::effective_fee_rate(netuid)));
		ensure!(amount >= min_required, Error::<T>::AmountTooLow);
		let amount = match limit {
			Some((limit_price, allow_partial)) => {
				let max = Self::max_buy_for_limit(netuid, limit_price);
				let amount = Self::limited_amount(amount, max, allow_partial)?;
				ensure!(amount >= min_required, Error::<T>::AmountTooLow);
				amount
			},
			None => amount,
		};
		ensure!(Self::spendable(coldkey) >= amount, Error::<T>::NotEnoughBalanceToStake);
		let swap = Self::quote_buy(netuid, amount, false)?;
		ensure!(swap.amount_out > 0, Error::<T>::AmountTooLow);
		let change = Self::quote_credit(hotkey, coldkey, netuid, swap.amount_out)?;
		Self::ensure_staking_hotkey_slot(coldkey, hotkey)?;

		// Effects.
		Self::withdraw_tao(coldkey, amount).map_err(|_| Error::<T>::BalanceWithdrawalError)?;
		Self::stake_bought(coldkey, hotkey, netuid, &swap, &change, PlacedBy::Own)?;
		Self::record_tao_inflow(netuid, amount);
		let outcome = StakeOutcome { tao: amount, alpha: swap.amount_out, fee: swap.fee };
		Self::deposit_event(Event::StakeAdded(
			coldkey.clone(),
			hotkey.clone(),
			outcome.tao,
			outcome.alpha,
			netuid,
			outcome.fee,
		));
		Ok(outcome)
	}

	/// The amount a limit order executes: `amount` if it is within `max` (the largest amount
	/// the limit price allows), else `max` with `allow_partial`. Fails with
	/// `ZeroMaxStakeAmount` if the limit allows nothing, `SlippageTooHigh` if the amount is over
	/// it without partial fills.
	pub(crate) fn limited_amount(
		amount: u64,
		max: u64,
		allow_partial: bool,
	) -> Result<u64, DispatchError> {
		ensure!(max != 0, Error::<T>::ZeroMaxStakeAmount);
		ensure!(allow_partial || amount <= max, Error::<T>::SlippageTooHigh);
		Ok(amount.min(max))
	}

	/// Apply a quoted buy and its share credit to `coldkey`'s position. If the coldkey placed it
	/// itself, the position is marked as staked this block (a call only ever restricts positions
	/// of its signer: stake received from another coldkey is not marked).
	pub(crate) fn stake_bought(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		swap: &Swap,
		change: &StakeChange,
		by: PlacedBy,
	) -> DispatchResult {
		Self::apply_buy(netuid, swap);
		Self::apply_stake_credit(hotkey, coldkey, netuid, change, by)?;
		if by == PlacedBy::Own {
			Self::set_stake_operation_limit(hotkey, coldkey, netuid);
			LastColdkeyHotkeyStakeBlock::<T>::insert(coldkey, hotkey, Self::current_block());
		}
		Ok(())
	}

	/// The fee rate a swap on `netuid` pays: the pool's `FeeRate`, 0 on root.
	pub(crate) fn effective_fee_rate(netuid: NetUid) -> u16 {
		if Self::is_dynamic(netuid) {
			FeeRate::<T>::get(netuid)
		} else {
			0
		}
	}

	/// Unstake `amount` alpha of `coldkey`'s stake on `hotkey` in `netuid` into TAO (calls
	/// `remove_stake`, `remove_stake_limit`, `remove_stake_full_limit`). An amount above the
	/// stake is capped at the stake (economics.md §3.5); `AmountTooLow` if that is 0. With
	/// `limit`, the marginal price after the sell may not fall below `limit_price`.
	pub(crate) fn do_remove_stake(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		amount: u64,
		limit: Option<(u64, bool)>,
	) -> Result<StakeOutcome, DispatchError> {
		// Checks (no writes above this line).
		Self::ensure_subtoken_enabled(netuid)?;
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		let amount = amount.min(Self::stake_of(hotkey, coldkey, netuid));
		ensure!(amount > 0, Error::<T>::AmountTooLow);
		Self::ensure_stake_operation_limit_not_exceeded(hotkey, coldkey, netuid)?;
		let amount = match limit {
			Some((limit_price, allow_partial)) => Self::limited_amount(
				amount,
				Self::max_sell_for_limit(netuid, limit_price),
				allow_partial,
			)?,
			None => amount,
		};
		let change = Self::quote_debit(hotkey, coldkey, netuid, amount)?;
		if let Some((limit_price, _)) = limit {
			// The dust rule may sell the whole position, more than the limit allows.
			ensure!(
				change.amount <= Self::max_sell_for_limit(netuid, limit_price),
				Error::<T>::SlippageTooHigh
			);
		}
		Self::ensure_available_to_unstake(coldkey, netuid, change.amount)?;
		let swap = Self::quote_sell(netuid, change.amount, false)?;
		// A partial unstake must be worth the minimum stake; a full one may be any size.
		if change.shares != substrate_fixed::types::U64F64::from_bits(0) {
			ensure!(swap.amount_out >= T::MinStake::get(), Error::<T>::AmountTooLow);
		}

		// Effects.
		let outcome = Self::unstake_quoted(coldkey, hotkey, netuid, &change, &swap)?;
		Self::clear_small_nomination_if_required(coldkey, hotkey, netuid);
		Ok(outcome)
	}

	/// Apply a quoted debit and sell, pay the TAO to `coldkey` and emit `StakeRemoved`.
	fn unstake_quoted(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
		change: &StakeChange,
		swap: &Swap,
	) -> Result<StakeOutcome, DispatchError> {
		Self::apply_stake_change(hotkey, coldkey, netuid, change);
		Self::apply_sell(netuid, swap);
		Self::deposit_tao(coldkey, swap.amount_out)?;
		Self::record_tao_outflow(netuid, swap.amount_out);
		let outcome = StakeOutcome { tao: swap.amount_out, alpha: change.amount, fee: swap.fee };
		Self::deposit_event(Event::StakeRemoved(
			coldkey.clone(),
			hotkey.clone(),
			outcome.tao,
			outcome.alpha,
			netuid,
			outcome.fee,
		));
		Ok(outcome)
	}

	/// Pay `amount` RAO that left `TotalStake` to `coldkey`'s free balance (minted back into
	/// pallet-balances, where it was withdrawn from when staked).
	pub(crate) fn deposit_tao(coldkey: &T::AccountId, amount: u64) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		match T::Currency::mint_into(coldkey, amount) {
			Ok(_) => Ok(()),
			// Below the existential deposit into an empty account: the dust is recycled so
			// that TotalIssuance still equals balances issuance plus stake.
			Err(_) if amount < T::Currency::minimum_balance() => {
				Self::recycle_tao(amount);
				Ok(())
			},
			Err(e) => Err(e),
		}
	}

	/// Unstake every position of `coldkey` on `hotkey` into TAO (call `unstake_all`).
	pub(crate) fn do_unstake_all(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
		// Checks (no writes above this line): every position must be sellable.
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		let mut plans = alloc::vec::Vec::new();
		for netuid in Self::staked_netuids(hotkey, coldkey) {
			// A position worth 0 rao (shares below one rao's worth) is cleared too.
			let held = Self::stake_of(hotkey, coldkey, netuid);
			Self::ensure_stake_operation_limit_not_exceeded(hotkey, coldkey, netuid)?;
			plans.push((netuid, held));
		}
		ensure!(!plans.is_empty(), Error::<T>::NotEnoughStakeToWithdraw);
		// Each position is on its own subnet, so the quotes do not affect each other.
		let mut quoted = alloc::vec::Vec::new();
		for (netuid, held) in plans {
			let change = Self::quote_debit(hotkey, coldkey, netuid, held)?;
			Self::ensure_available_to_unstake(coldkey, netuid, change.amount)?;
			let swap = Self::quote_sell(netuid, change.amount, false)?;
			quoted.push((netuid, change, swap));
		}

		// Effects.
		for (netuid, change, swap) in quoted {
			Self::unstake_quoted(coldkey, hotkey, netuid, &change, &swap)?;
		}
		Ok(())
	}

	/// After a nominator unstakes, a remainder worth less than `NominatorMinRequiredStake`
	/// per million of the minimum stake (at the spot price) is unstaked too (economics.md
	/// §3.5 step 5). The hotkey's own coldkey is never cleared. Best effort: a remainder that
	/// cannot be sold stays.
	fn clear_small_nomination_if_required(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		netuid: NetUid,
	) {
		if Owner::<T>::get(hotkey) == *coldkey {
			return;
		}
		let left = Self::stake_of(hotkey, coldkey, netuid);
		if left == 0 {
			return;
		}
		let threshold = u128::from(NominatorMinRequiredStake::<T>::get())
			.saturating_mul(u128::from(T::MinStake::get()))
			/ 1_000_000;
		if u128::from(Self::alpha_to_tao_at_spot(netuid, left)) >= threshold {
			return;
		}
		// Never below the coldkey's lock: the remainder then stays.
		if Self::ensure_available_to_unstake(coldkey, netuid, left).is_err() {
			return;
		}
		// All or nothing: a failure part-way rolls its writes back.
		let _ = frame_support::storage::with_storage_layer(|| -> DispatchResult {
			let change = Self::quote_debit(hotkey, coldkey, netuid, left)?;
			let swap = Self::quote_sell(netuid, change.amount, false)?;
			Self::unstake_quoted(coldkey, hotkey, netuid, &change, &swap).map(|_| ())
		});
	}
}
