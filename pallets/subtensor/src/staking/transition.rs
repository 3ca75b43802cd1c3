//! Moving stake between hotkeys, coldkeys and subnets (economics.md §3.5,
//! `transition_stake_internal`).
//!
//! Within one subnet the shares' value moves from one position to the other with no swap and
//! no fee. Across subnets the alpha is sold on the origin pool and the TAO bought into the
//! destination pool; only one leg pays the swap fee — the origin leg, or the destination leg
//! when the origin is root (which has no fee). Both legs are user flow for Taoflow.

use super::PlacedBy;
use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::Get,
};

/// The two ends of a stake transition.
struct Transition<'a, A> {
	origin_coldkey: &'a A,
	origin_hotkey: &'a A,
	origin_netuid: NetUid,
	destination_coldkey: &'a A,
	destination_hotkey: &'a A,
	destination_netuid: NetUid,
}

impl<T: Config> Pallet<T> {
	/// `move_stake`: same coldkey, any hotkeys and subnets.
	pub(crate) fn do_move_stake(
		coldkey: &T::AccountId,
		origin_hotkey: &T::AccountId,
		destination_hotkey: &T::AccountId,
		origin_netuid: NetUid,
		destination_netuid: NetUid,
		alpha: u64,
	) -> DispatchResult {
		let t = Transition {
			origin_coldkey: coldkey,
			origin_hotkey,
			origin_netuid,
			destination_coldkey: coldkey,
			destination_hotkey,
			destination_netuid,
		};
		let tao = Self::transition_stake(&t, alpha, false)?;
		Self::deposit_event(Event::StakeMoved(
			coldkey.clone(),
			origin_hotkey.clone(),
			origin_netuid,
			destination_hotkey.clone(),
			destination_netuid,
			tao,
		));
		Ok(())
	}

	/// `transfer_stake`: same hotkey, stake given to another coldkey, any subnets.
	pub(crate) fn do_transfer_stake(
		coldkey: &T::AccountId,
		destination_coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		origin_netuid: NetUid,
		destination_netuid: NetUid,
		alpha: u64,
	) -> DispatchResult {
		// A coldkey with an announced swap takes no new positions, so that no one can push it
		// past the swap's bound (`TooManyStakePositionsToSwap`) while it cannot unstake.
		ensure!(
			!ColdkeySwapAnnouncements::<T>::contains_key(destination_coldkey),
			Error::<T>::ColdkeySwapAnnounced
		);
		let t = Transition {
			origin_coldkey: coldkey,
			origin_hotkey: hotkey,
			origin_netuid,
			destination_coldkey,
			destination_hotkey: hotkey,
			destination_netuid,
		};
		let tao = Self::transition_stake(&t, alpha, true)?;
		Self::deposit_event(Event::StakeTransferred(
			coldkey.clone(),
			destination_coldkey.clone(),
			hotkey.clone(),
			origin_netuid,
			destination_netuid,
			tao,
		));
		Ok(())
	}

	/// `swap_stake`: same coldkey and hotkey, another subnet.
	pub(crate) fn do_swap_stake(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		origin_netuid: NetUid,
		destination_netuid: NetUid,
		alpha: u64,
	) -> DispatchResult {
		let t = Transition {
			origin_coldkey: coldkey,
			origin_hotkey: hotkey,
			origin_netuid,
			destination_coldkey: coldkey,
			destination_hotkey: hotkey,
			destination_netuid,
		};
		let tao = Self::transition_stake(&t, alpha, false)?;
		Self::deposit_event(Event::StakeSwapped(
			coldkey.clone(),
			hotkey.clone(),
			origin_netuid,
			destination_netuid,
			tao,
		));
		Ok(())
	}

	/// `swap_stake_limit`: as `swap_stake`, with the marginal price of origin alpha in
	/// destination alpha after the move bounded below by `limit_price` (rao per alpha): the
	/// amount is limited by [`Self::max_move_for_limit`] and [`Self::limited_amount`] exactly as
	/// the `*_limit` stake calls limit theirs. Checks the two subnets first, so that a missing
	/// subnet is reported as such rather than as a price error.
	pub(crate) fn do_swap_stake_limit(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		origin_netuid: NetUid,
		destination_netuid: NetUid,
		alpha: u64,
		limit_price: u64,
		allow_partial: bool,
	) -> DispatchResult {
		// Checks (no writes above this line).
		ensure!(origin_netuid != destination_netuid, Error::<T>::SameNetuid);
		Self::ensure_subtoken_enabled(origin_netuid)?;
		Self::ensure_subtoken_enabled(destination_netuid)?;
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		// As every move: an amount above the stake held is capped at it.
		let alpha = alpha.min(Self::stake_of(hotkey, coldkey, origin_netuid));
		ensure!(alpha > 0, Error::<T>::AmountTooLow);
		let max = Self::max_move_for_limit(origin_netuid, destination_netuid, limit_price);
		let amount = Self::limited_amount(alpha, max, allow_partial)?;
		// The dust rule of a debit may move the whole position, more than the limit allows.
		let debit = Self::quote_debit(hotkey, coldkey, origin_netuid, amount)?;
		ensure!(debit.amount <= max, Error::<T>::SlippageTooHigh);
		// Effects: `swap_stake` with the limited amount (it repeats its own checks).
		Self::do_swap_stake(coldkey, hotkey, origin_netuid, destination_netuid, amount)
	}

	/// Move `alpha` of the origin position to the destination (capped at the origin stake,
	/// `AmountTooLow` if that is 0); returns the TAO value moved (the spot value within a
	/// subnet, the TAO out of the origin pool across subnets).
	///
	/// The signer is the origin coldkey. The destination position is its own (it uses the
	/// signer's `StakingHotkeys` room and is rate-limited for the block) only if the destination
	/// coldkey is the signer; stake given to another coldkey uses none of that coldkey's room
	/// and does not restrict it.
	fn transition_stake(
		t: &Transition<'_, T::AccountId>,
		alpha: u64,
		is_transfer: bool,
	) -> Result<u64, DispatchError> {
		// Checks (no writes above this line).
		ensure!(
			t.origin_netuid != t.destination_netuid
				|| t.origin_coldkey != t.destination_coldkey
				|| t.origin_hotkey != t.destination_hotkey,
			Error::<T>::SameNetuid
		);
		Self::ensure_subtoken_enabled(t.origin_netuid)?;
		Self::ensure_subtoken_enabled(t.destination_netuid)?;
		ensure!(Self::hotkey_account_exists(t.origin_hotkey), Error::<T>::HotKeyAccountNotExists);
		ensure!(
			Self::hotkey_account_exists(t.destination_hotkey),
			Error::<T>::HotKeyAccountNotExists
		);
		if is_transfer {
			ensure!(
				TransferToggle::<T>::get(t.origin_netuid)
					&& TransferToggle::<T>::get(t.destination_netuid),
				Error::<T>::TransferDisallowed
			);
		}
		let alpha = alpha.min(Self::stake_of(t.origin_hotkey, t.origin_coldkey, t.origin_netuid));
		ensure!(alpha > 0, Error::<T>::AmountTooLow);
		let by =
			if t.destination_coldkey == t.origin_coldkey { PlacedBy::Own } else { PlacedBy::Other };
		Self::ensure_stake_operation_limit_not_exceeded(
			t.origin_hotkey,
			t.origin_coldkey,
			t.origin_netuid,
		)?;
		let debit = Self::quote_debit(t.origin_hotkey, t.origin_coldkey, t.origin_netuid, alpha)?;
		// Alpha leaving the coldkey's stake on the origin subnet may not go below its lock;
		// moves between its own hotkeys on one subnet keep its stake there whole.
		if t.origin_netuid != t.destination_netuid || t.origin_coldkey != t.destination_coldkey {
			Self::ensure_available_to_unstake(t.origin_coldkey, t.origin_netuid, debit.amount)?;
		}
		if by == PlacedBy::Own {
			Self::ensure_staking_hotkey_slot(t.destination_coldkey, t.destination_hotkey)?;
		}

		if t.origin_netuid == t.destination_netuid {
			let netuid = t.origin_netuid;
			let tao = Self::alpha_to_tao_at_spot(netuid, debit.amount);
			ensure!(tao >= T::MinStake::get(), Error::<T>::AmountTooLow);
			// Effects: the debit is applied first, so that the credit is priced at the pool's
			// rate after it (the two positions may share a hotkey pool).
			Self::apply_stake_change(t.origin_hotkey, t.origin_coldkey, netuid, &debit);
			Self::credit_stake(
				t.destination_hotkey,
				t.destination_coldkey,
				netuid,
				debit.amount,
				by,
			)?;
			if by == PlacedBy::Own {
				Self::set_stake_operation_limit(
					t.destination_hotkey,
					t.destination_coldkey,
					netuid,
				);
			}
			return Ok(tao);
		}

		let origin_is_root = !Self::is_dynamic(t.origin_netuid);
		let sell = Self::quote_sell(t.origin_netuid, debit.amount, origin_is_root)?;
		ensure!(sell.amount_out >= T::MinStake::get(), Error::<T>::AmountTooLow);
		let buy = Self::quote_buy(t.destination_netuid, sell.amount_out, !origin_is_root)?;
		ensure!(buy.amount_out > 0, Error::<T>::AmountTooLow);
		let credit = Self::quote_credit(
			t.destination_hotkey,
			t.destination_coldkey,
			t.destination_netuid,
			buy.amount_out,
		)?;

		// Effects.
		Self::apply_stake_change(t.origin_hotkey, t.origin_coldkey, t.origin_netuid, &debit);
		Self::apply_sell(t.origin_netuid, &sell);
		Self::record_tao_outflow(t.origin_netuid, sell.amount_out);
		Self::stake_bought(
			t.destination_coldkey,
			t.destination_hotkey,
			t.destination_netuid,
			&buy,
			&credit,
			by,
		)?;
		Self::record_tao_inflow(t.destination_netuid, sell.amount_out);
		Ok(sell.amount_out)
	}
}
