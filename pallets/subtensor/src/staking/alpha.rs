//! Calls that end a coldkey's alpha positions without paying it TAO: `unstake_all_alpha`
//! (every alpha position sold and the TAO restaked on root), `recycle_alpha` and `burn_alpha`
//! (stake destroyed), with the reference chain's semantics.
//!
//! Recycling and burning both remove the alpha from the hotkey's share pool
//! (`TotalHotkeyAlpha` falls, the coldkey's shares go) and leave the pool, its price,
//! `SubnetTAO`, `TotalStake` and the TAO issuance untouched. They differ in the alpha issuance:
//! recycling lowers `SubnetAlphaOut` (economics.md §0.3), so the subnet's alpha issuance
//! (`SubnetAlphaIn + SubnetAlphaOut`) falls and the amount can be emitted again; burning
//! leaves `SubnetAlphaOut` as it is, so the alpha stays counted but owned by nobody and is
//! never emitted again. Either way `Σ stake + pending ≤ SubnetAlphaOut` keeps holding.

use super::{PlacedBy, StakeChange};
use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchError};

impl<T: Config> Pallet<T> {
	/// Sell every alpha position of `coldkey` on `hotkey` (all subnets but root) and stake the
	/// TAO received on `hotkey` in root, without the TAO passing through the coldkey's
	/// balance. As on the reference chain, positions on a subnet whose trading is switched off
	/// (`SubtokenEnabled` false) are left where they are. All or nothing otherwise: every other
	/// position must be sellable. Returns the number of positions sold (for the weight).
	pub(crate) fn do_unstake_all_alpha(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) -> Result<u32, DispatchError> {
		// Checks (no writes above this line).
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		let netuids: Vec<NetUid> = Self::staked_netuids(hotkey, coldkey)
			.into_iter()
			.filter(|netuid| *netuid != ROOT_NETUID && SubtokenEnabled::<T>::get(netuid))
			.collect();
		ensure!(!netuids.is_empty(), Error::<T>::NotEnoughStakeToWithdraw);
		// Each position is on its own subnet, so the quotes do not affect each other.
		let mut sales = Vec::with_capacity(netuids.len());
		let mut tao: u64 = 0;
		for netuid in netuids {
			Self::ensure_stake_operation_limit_not_exceeded(hotkey, coldkey, netuid)?;
			// A position worth 0 rao (shares below one rao's worth) is cleared too.
			let held = Self::stake_of(hotkey, coldkey, netuid);
			let change = Self::quote_debit(hotkey, coldkey, netuid, held)?;
			Self::ensure_available_to_unstake(coldkey, netuid, change.amount)?;
			let swap = Self::quote_sell(netuid, change.amount, false)?;
			tao = tao.checked_add(swap.amount_out).ok_or(Error::<T>::Overflow)?;
			sales.push((netuid, change, swap));
		}
		// Root is not among the positions sold, so its quote is independent of the sales.
		let buy = Self::quote_buy(ROOT_NETUID, tao, false)?;
		let credit = if tao > 0 {
			Some(Self::quote_credit(hotkey, coldkey, ROOT_NETUID, buy.amount_out)?)
		} else {
			None
		};

		// Effects.
		let positions = u32::try_from(sales.len()).unwrap_or(u32::MAX);
		for (netuid, change, swap) in sales {
			Self::apply_stake_change(hotkey, coldkey, netuid, &change);
			Self::apply_sell(netuid, &swap);
			Self::record_tao_outflow(netuid, swap.amount_out);
			Self::deposit_event(Event::StakeRemoved(
				coldkey.clone(),
				hotkey.clone(),
				swap.amount_out,
				change.amount,
				netuid,
				swap.fee,
			));
		}
		if let Some(credit) = credit {
			Self::stake_bought(coldkey, hotkey, ROOT_NETUID, &buy, &credit, PlacedBy::Own)?;
			Self::record_tao_inflow(ROOT_NETUID, tao);
			Self::deposit_event(Event::StakeAdded(
				coldkey.clone(),
				hotkey.clone(),
				tao,
				buy.amount_out,
				ROOT_NETUID,
				buy.fee,
			));
		}
		Ok(positions)
	}

	/// Recycle up to `amount` of `coldkey`'s stake on `hotkey` in `netuid`: the stake is
	/// destroyed and `SubnetAlphaOut` falls by as much. Returns the amount recycled.
	pub(crate) fn do_recycle_alpha(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		amount: u64,
		netuid: NetUid,
	) -> Result<u64, DispatchError> {
		let change = Self::quote_destroy_stake(coldkey, hotkey, amount, netuid)?;
		// Effects.
		Self::apply_stake_change(hotkey, coldkey, netuid, &change);
		Self::recycle_subnet_alpha(netuid, change.amount);
		Self::deposit_event(Event::AlphaRecycled(
			coldkey.clone(),
			hotkey.clone(),
			change.amount,
			netuid,
		));
		Ok(change.amount)
	}

	/// Burn up to `amount` of `coldkey`'s stake on `hotkey` in `netuid`: the stake is
	/// destroyed and `SubnetAlphaOut` keeps counting it. Returns the amount burned.
	pub(crate) fn do_burn_alpha(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		amount: u64,
		netuid: NetUid,
	) -> Result<u64, DispatchError> {
		let change = Self::quote_destroy_stake(coldkey, hotkey, amount, netuid)?;
		// Effects.
		Self::apply_stake_change(hotkey, coldkey, netuid, &change);
		Self::deposit_event(Event::AlphaBurned(
			coldkey.clone(),
			hotkey.clone(),
			change.amount,
			netuid,
		));
		Ok(change.amount)
	}

	/// The checks of `recycle_alpha` and `burn_alpha`, in the reference's order, and the
	/// debit of `min(amount, stake)` (all of it if the remainder would be dust). Writes
	/// nothing.
	fn quote_destroy_stake(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		amount: u64,
		netuid: NetUid,
	) -> Result<StakeChange, DispatchError> {
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(netuid != ROOT_NETUID, Error::<T>::CannotBurnOrRecycleOnRootSubnet);
		Self::ensure_subtoken_enabled(netuid)?;
		ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
		ensure!(amount > 0, Error::<T>::AmountTooLow);
		// As on the reference chain, the amount is an upper bound: it is capped at the stake.
		let held = Self::stake_of(hotkey, coldkey, netuid);
		ensure!(held > 0, Error::<T>::NotEnoughStakeToWithdraw);
		let change = Self::quote_debit(hotkey, coldkey, netuid, amount.min(held))?;
		Self::ensure_available_to_unstake(coldkey, netuid, change.amount)?;
		Ok(change)
	}
}
