//! Validator take (economics.md §3.5 `increase_take`/`decrease_take`, §4.7 dividends).

use super::PlacedBy;
use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// `hotkey`'s validator take as a u16 proportion, within the current
	/// `[MinDelegateTake, MaxDelegateTake]` (bounds set later apply to old takes too).
	pub fn get_hotkey_take(hotkey: &T::AccountId) -> u16 {
		let min = MinDelegateTake::<T>::get();
		let max = MaxDelegateTake::<T>::get().max(min);
		Delegates::<T>::get(hotkey).clamp(min, max)
	}

	/// Checks shared by both take changes: the hotkey exists and `coldkey` owns it.
	fn ensure_take_owner(coldkey: &T::AccountId, hotkey: &T::AccountId) -> Result<(), Error<T>> {
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		ensure!(Owner::<T>::get(hotkey) == *coldkey, Error::<T>::NonAssociatedColdKey);
		Ok(())
	}

	/// Every check of `decrease_take`, with no write: `coldkey` owns `hotkey` and `take` is
	/// at least `MinDelegateTake` and below the current take.
	pub fn check_decrease_take(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		take: u16,
	) -> Result<(), Error<T>> {
		Self::ensure_take_owner(coldkey, hotkey)?;
		ensure!(take < Delegates::<T>::get(hotkey), Error::<T>::DelegateTakeTooLow);
		ensure!(take >= MinDelegateTake::<T>::get(), Error::<T>::DelegateTakeTooLow);
		Ok(())
	}

	/// `decrease_take`: lower the take to `take` after [`Pallet::check_decrease_take`].
	pub(crate) fn do_decrease_take(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		take: u16,
	) -> DispatchResult {
		Self::check_decrease_take(coldkey, hotkey, take)?;
		Delegates::<T>::insert(hotkey, take);
		LastTxBlockDelegateTake::<T>::insert(hotkey, Self::current_block());
		Self::deposit_event(Event::TakeDecreased(coldkey.clone(), hotkey.clone(), take));
		Ok(())
	}

	/// Every check of `increase_take`, with no write: `coldkey` owns `hotkey`, `take` is above
	/// the current take and at most `MaxDelegateTake`, and at least `TxDelegateTakeRateLimit`
	/// blocks passed since the last take change.
	pub fn check_increase_take(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		take: u16,
	) -> Result<(), Error<T>> {
		Self::ensure_take_owner(coldkey, hotkey)?;
		ensure!(take > Delegates::<T>::get(hotkey), Error::<T>::DelegateTakeTooHigh);
		ensure!(take <= MaxDelegateTake::<T>::get(), Error::<T>::DelegateTakeTooHigh);
		if let Some(last) = LastTxBlockDelegateTake::<T>::get(hotkey) {
			ensure!(
				Self::current_block().saturating_sub(last) >= TxDelegateTakeRateLimit::<T>::get(),
				Error::<T>::DelegateTxRateLimitExceeded
			);
		}
		Ok(())
	}

	/// `increase_take`: raise the take to `take` after [`Pallet::check_increase_take`].
	pub(crate) fn do_increase_take(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		take: u16,
	) -> DispatchResult {
		Self::check_increase_take(coldkey, hotkey, take)?;
		Delegates::<T>::insert(hotkey, take);
		LastTxBlockDelegateTake::<T>::insert(hotkey, Self::current_block());
		Self::deposit_event(Event::TakeIncreased(coldkey.clone(), hotkey.clone(), take));
		Ok(())
	}

	/// Pay `dividend` alpha of `netuid` to validator `hotkey` (economics.md §4.7 step 5): the
	/// take, `⌊dividend · take / 65535⌋`, is staked to `(hotkey, Owner[hotkey])`; the rest is
	/// added to the hotkey's whole pool, which raises every nominator's stake (the owner's
	/// included) pro rata to its shares. The alpha must already be counted in
	/// `SubnetAlphaOut`. Returns the take paid.
	pub fn pay_validator_dividend(hotkey: &T::AccountId, netuid: NetUid, dividend: u64) -> u64 {
		if dividend.is_zero() {
			return 0;
		}
		let take = u64::try_from(
			u128::from(dividend)
				.saturating_mul(u128::from(Self::get_hotkey_take(hotkey)))
				.checked_div(u128::from(u16::MAX))
				.unwrap_or(0),
		)
		// take ≤ 65535/65535, so the quotient is at most `dividend`.
		.unwrap_or(dividend);
		let rest = dividend.saturating_sub(take);
		// The rest goes to every holder first, at the pool's current rate; the take then
		// buys shares at the raised rate, so it does not dilute the nominators' part.
		// Neither credit depends on any list's capacity (the owner's stake is placed by the
		// protocol); both can fail only if the alpha overflows the pool, which the alpha supply
		// (≤ 21e15) rules out.
		if !Self::credit_hotkey_pool(hotkey, netuid, rest) {
			frame_support::defensive!("a dividend overflowed its hotkey pool");
		}
		let owner = Owner::<T>::get(hotkey);
		if take > 0
			&& Self::credit_stake(hotkey, &owner, netuid, take, PlacedBy::Other).is_err()
			// A take too small to buy one share: it joins the pool instead, so no alpha is lost.
			&& !Self::credit_hotkey_pool(hotkey, netuid, take)
		{
			frame_support::defensive!("a take overflowed its hotkey pool");
		}
		take
	}
}
