//! Burn registration (economics.md §2.2) and the per-interval burn adjustment (§2.3).

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchError};
use subtensor_math::registration;

/// Where a new neuron goes.
enum Slot {
	/// A new UID at `SubnetworkN`.
	Append,
	/// Replace this UID.
	Replace(u16),
}

impl<T: Config> Pallet<T> {
	/// Register `hotkey` on `netuid`, paid by `coldkey` (economics.md §2.2). Returns the UID.
	pub(crate) fn do_burned_register(
		coldkey: &T::AccountId,
		netuid: NetUid,
		hotkey: &T::AccountId,
	) -> Result<u16, DispatchError> {
		// Checks (no writes above this line).
		ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(
			NetworkRegistrationAllowed::<T>::get(netuid),
			Error::<T>::SubNetRegistrationDisabled
		);
		ensure!(
			RegistrationsThisBlock::<T>::get(netuid) < MaxRegistrationsPerBlock::<T>::get(netuid),
			Error::<T>::TooManyRegistrationsThisBlock
		);
		ensure!(
			RegistrationsThisInterval::<T>::get(netuid)
				< TargetRegistrationsPerInterval::<T>::get(netuid).saturating_mul(3),
			Error::<T>::TooManyRegistrationsThisInterval
		);
		ensure!(
			!Uids::<T>::contains_key(netuid, hotkey),
			Error::<T>::HotKeyAlreadyRegisteredInSubNet
		);
		let cost = Burn::<T>::get(netuid);
		ensure!(Self::spendable(coldkey) >= cost, Error::<T>::NotEnoughBalanceToStake);
		ensure!(Self::coldkey_may_use_hotkey(coldkey, hotkey), Error::<T>::NonAssociatedColdKey);
		Self::ensure_can_own_hotkey(coldkey, hotkey)?;
		let max_uids = MaxAllowedUids::<T>::get(netuid);
		ensure!(max_uids != 0, Error::<T>::NoNeuronIdAvailable);
		let slot = if SubnetworkN::<T>::get(netuid) < max_uids {
			Slot::Append
		} else {
			Slot::Replace(Self::get_neuron_to_prune(netuid).ok_or(Error::<T>::NoNeuronIdAvailable)?)
		};
		let swap = Self::quote_tao_for_alpha(netuid, cost)?;

		// Effects.
		let block = Self::current_block();
		Self::withdraw_tao(coldkey, cost).map_err(|_| Error::<T>::BalanceWithdrawalError)?;
		// Buy-and-recycle: the TAO joins the pool, the alpha bought leaves the alpha issuance.
		Self::apply_buy(netuid, &swap);
		// Real TAO entering the pool: user flow for Taoflow (v3.4+, economics.md §2.2).
		Self::record_tao_inflow(netuid, cost);
		Self::recycle_subnet_alpha(netuid, swap.amount_out);
		Self::create_account_if_non_existent(coldkey, hotkey)?;
		let uid = match slot {
			Slot::Append => Self::append_neuron(netuid, hotkey, block)?,
			Slot::Replace(uid) => {
				Self::replace_neuron(netuid, uid, hotkey, block);
				uid
			},
		};
		// The counters are bounded by the per-block and per-interval checks above.
		RegistrationsThisBlock::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
		RegistrationsThisInterval::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
		BurnRegistrationsThisInterval::<T>::mutate(netuid, |n| *n = n.saturating_add(1));
		// Statistics only; a sum of paid burns, bounded by the TAO supply.
		RAORecycledForRegistration::<T>::mutate(netuid, |r| *r = r.saturating_add(cost));
		Self::deposit_event(Event::NeuronRegistered(netuid, uid, hotkey.clone()));
		Ok(uid)
	}

	/// `register_limit`: as [`Self::do_burned_register`], but only if the burn is at most
	/// `limit_price` RAO (the reference's comparison: `Burn ≤ limit_price`). The subnet checks
	/// come first, so that a missing or root subnet gets its own error rather than a price one.
	pub(crate) fn do_register_limit(
		coldkey: &T::AccountId,
		netuid: NetUid,
		hotkey: &T::AccountId,
		limit_price: u64,
	) -> Result<u16, DispatchError> {
		ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		ensure!(Burn::<T>::get(netuid) <= limit_price, Error::<T>::RegistrationPriceLimitExceeded);
		Self::do_burned_register(coldkey, netuid, hotkey)
	}

	/// Block step 1 (economics.md §2.3): for every subnet whose `AdjustmentInterval` is over,
	/// adjust `Burn` from the interval's registrations and reset the interval counters; reset
	/// every subnet's per-block counter. Returns the number of subnets visited (for the weight).
	pub(crate) fn adjust_registration_terms_for_networks() -> u32 {
		let block = Self::current_block();
		let mut visited: u32 = 0;
		for (netuid, added) in NetworksAdded::<T>::iter() {
			if !added {
				continue;
			}
			visited = visited.saturating_add(1);
			let interval = u64::from(AdjustmentInterval::<T>::get(netuid));
			if block.saturating_sub(LastAdjustmentBlock::<T>::get(netuid)) >= interval {
				let burn = registration::adjust_burn(
					Burn::<T>::get(netuid),
					RegistrationsThisInterval::<T>::get(netuid),
					TargetRegistrationsPerInterval::<T>::get(netuid),
					AdjustmentAlpha::<T>::get(netuid),
					MinBurn::<T>::get(netuid),
					MaxBurn::<T>::get(netuid),
				);
				Burn::<T>::insert(netuid, burn);
				LastAdjustmentBlock::<T>::insert(netuid, block);
				RegistrationsThisInterval::<T>::remove(netuid);
				BurnRegistrationsThisInterval::<T>::remove(netuid);
			}
			RegistrationsThisBlock::<T>::remove(netuid);
		}
		visited
	}
}
