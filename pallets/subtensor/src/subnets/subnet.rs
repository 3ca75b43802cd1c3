//! Subnet registration (economics.md §1.2–§1.4).

use crate::{
	AdjustmentAlpha, AdjustmentInterval, Config, DefaultTempo, DissolvingSubnets, Error, Event,
	ImmunityPeriod, LastAdjustmentBlock, MaxAllowedUids, MaxAllowedValidators, MaxDifficulty,
	MinAllowedWeights, MinDifficulty, NetUid, NetworkLastLockBlock, NetworkLastLockCost,
	NetworkLockReductionInterval, NetworkMinLockCost, NetworkRateLimit, NetworkRegisteredAt,
	NetworkRegistrationAllowed, NetworkRegistrationStartBlock, NetworksAdded, Pallet,
	RAORecycledForRegistration, SubnetIdentitiesV3, SubnetIdentityV3, SubnetLimit, SubnetLocked,
	SubnetMechanism, SubnetOwner, SubnetOwnerHotkey, SubnetworkN, TargetRegistrationsPerInterval,
	Tempo, TokenSymbol, TotalIssuance, TotalNetworks, DYNAMIC_MECHANISM,
};
use frame_support::{
	ensure,
	pallet_prelude::DispatchError,
	traits::Get as _,
	traits::{
		fungible::{Balanced, Inspect},
		tokens::{Fortitude, Precision, Preservation},
		Imbalance,
	},
};
use sp_runtime::traits::UniqueSaturatedInto;
use subtensor_math::{emission, registration};

/// `AdjustmentAlpha` of a new subnet: 0.97 as a u64 proportion (economics.md §1.4).
pub const NEW_SUBNET_ADJUSTMENT_ALPHA: u64 = 17_893_341_751_498_265_066;
/// `ImmunityPeriod` of a new subnet.
pub const NEW_SUBNET_IMMUNITY_PERIOD: u16 = 5_000;
/// `AdjustmentInterval` of a new subnet.
pub const NEW_SUBNET_ADJUSTMENT_INTERVAL: u16 = 360;
/// `MaxAllowedValidators` of a new subnet.
pub const NEW_SUBNET_MAX_ALLOWED_VALIDATORS: u16 = 64;

impl<T: Config> Pallet<T> {
	/// The current block number as a `u64`.
	pub fn current_block() -> u64 {
		frame_system::Pallet::<T>::block_number().unique_saturated_into()
	}

	/// Whether subnet `netuid` exists.
	pub fn subnet_exists(netuid: NetUid) -> bool {
		NetworksAdded::<T>::get(netuid)
	}

	/// Every subnet, root included, in netuid order.
	pub fn subnet_netuids() -> alloc::vec::Vec<NetUid> {
		let mut netuids: alloc::vec::Vec<NetUid> =
			NetworksAdded::<T>::iter().filter(|(_, added)| *added).map(|(n, _)| n).collect();
		netuids.sort();
		netuids
	}

	/// Number of subnets besides root.
	pub fn subnet_count() -> u16 {
		// TotalNetworks counts root too (checked by do_try_state), so it is at least 1.
		TotalNetworks::<T>::get().saturating_sub(1)
	}

	/// Whether `who` owns subnet `netuid`.
	pub fn is_subnet_owner(who: &T::AccountId, netuid: NetUid) -> bool {
		SubnetOwner::<T>::get(netuid).as_ref() == Some(who)
	}

	/// The price of creating a subnet now, in RAO (economics.md §1.2): the last lock doubled,
	/// decaying linearly over the emission-scaled reduction interval, at least the minimum.
	pub fn get_network_lock_cost() -> u64 {
		let interval = registration::lock_reduction_interval(
			NetworkLockReductionInterval::<T>::get(),
			emission::block_emission(TotalIssuance::<T>::get()),
		);
		registration::network_lock_cost(
			NetworkLastLockCost::<T>::get(),
			NetworkLastLockBlock::<T>::get(),
			Self::current_block(),
			NetworkMinLockCost::<T>::get(),
			interval,
		)
	}

	/// The smallest netuid ≥ 1 that no subnet uses (nor a dissolved subnet whose stakers are
	/// still being paid).
	pub fn get_next_netuid() -> Option<NetUid> {
		(1..=NetUid::MAX)
			.find(|n| !NetworksAdded::<T>::get(n) && !DissolvingSubnets::<T>::contains_key(n))
	}

	/// TAO `who` can pay while keeping its account alive.
	pub(crate) fn spendable(who: &T::AccountId) -> u64 {
		T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite)
	}

	/// Withdraw exactly `amount` RAO from `who` and take it out of pallet-balances' issuance
	/// (the caller accounts for it in `TotalStake` or recycles it). Returns the amount taken.
	pub(crate) fn withdraw_tao(who: &T::AccountId, amount: u64) -> Result<u64, DispatchError> {
		let credit = T::Currency::withdraw(
			who,
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)?;
		let taken = credit.peek();
		// Dropping the credit lowers pallet-balances' total issuance by `taken`.
		drop(credit);
		Ok(taken)
	}

	/// Create a subnet owned by `coldkey` with `hotkey` as UID 0 (economics.md §1.3).
	///
	/// All checks come before the first write.
	pub(crate) fn do_register_network(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
		identity: Option<SubnetIdentityV3>,
	) -> Result<NetUid, DispatchError> {
		// Checks (no writes above this line).
		ensure!(Self::coldkey_may_use_hotkey(coldkey, hotkey), Error::<T>::NonAssociatedColdKey);
		Self::ensure_can_own_hotkey(coldkey, hotkey)?;
		let block = Self::current_block();
		ensure!(
			block >= NetworkRegistrationStartBlock::<T>::get(),
			Error::<T>::SubNetRegistrationDisabled
		);
		let last = NetworkLastLockBlock::<T>::get();
		ensure!(
			last == 0 || block.saturating_sub(last) >= NetworkRateLimit::<T>::get(),
			Error::<T>::NetworkTxRateLimitExceeded
		);
		let prune = if Self::subnet_count() >= SubnetLimit::<T>::get() {
			Some(Self::get_network_to_prune().ok_or(Error::<T>::SubnetLimitReached)?)
		} else {
			None
		};
		if let Some(id) = &identity {
			ensure!(id.is_valid(), Error::<T>::InvalidIdentity);
		}
		let lock = Self::get_network_lock_cost();
		ensure!(Self::spendable(coldkey) >= lock, Error::<T>::CannotAffordLockCost);
		// The pruned subnet's netuid is reused if its payout ends within this call (a bounded
		// number of stakers); otherwise the new subnet takes the smallest free netuid.
		let next_free = Self::get_next_netuid();
		ensure!(prune.is_some() || next_free.is_some(), Error::<T>::SubnetLimitReached);

		// Effects.
		let paid =
			Self::withdraw_tao(coldkey, lock).map_err(|_| Error::<T>::BalanceWithdrawalError)?;
		NetworkLastLockCost::<T>::put(paid);
		NetworkLastLockBlock::<T>::put(block);
		let netuid = match prune {
			Some(pruned) => {
				Self::remove_subnet(pruned);
				if DissolvingSubnets::<T>::contains_key(pruned) {
					// Still paying: the pruned subnet is not counted any more, so the subnets in
					// use are below 65535 and a netuid is free.
					Self::get_next_netuid().ok_or(Error::<T>::SubnetLimitReached)?
				} else {
					pruned
				}
			},
			// Checked above.
			None => next_free.ok_or(Error::<T>::SubnetLimitReached)?,
		};
		Self::init_new_network(netuid, DefaultTempo::get(), block);
		Self::create_account_if_non_existent(coldkey, hotkey)?;
		Self::append_neuron(netuid, hotkey, block)?;
		SubnetMechanism::<T>::insert(netuid, DYNAMIC_MECHANISM);
		NetworkRegisteredAt::<T>::insert(netuid, block);
		TokenSymbol::<T>::insert(netuid, Self::get_next_available_symbol(netuid));

		// Pool seeding, profile B: the minimum lock at price 1.0; the rest is recycled.
		// The lock is never below the minimum, so `min` only guards a broken configuration.
		let pool_tao = NetworkMinLockCost::<T>::get().min(paid);
		Self::seed_pool(netuid, pool_tao);
		SubnetOwner::<T>::insert(netuid, coldkey.clone());
		SubnetOwnerHotkey::<T>::insert(netuid, hotkey.clone());
		SubnetLocked::<T>::insert(netuid, paid);
		let excess = paid.saturating_sub(pool_tao); // pool_tao ≤ paid
		RAORecycledForRegistration::<T>::insert(netuid, excess);
		Self::recycle_tao(excess);

		if let Some(id) = identity {
			SubnetIdentitiesV3::<T>::insert(netuid, id);
			Self::deposit_event(Event::SubnetIdentitySet(netuid));
		}
		Self::deposit_event(Event::NetworkAdded(netuid, DYNAMIC_MECHANISM));
		Ok(netuid)
	}

	/// Mark `netuid` as added and write the defaults of a new subnet (economics.md §1.4).
	/// Every other per-subnet item is absent (cleared when a previous subnet was removed), so it
	/// reads as its storage default. The burn adjustment interval starts at `block`.
	pub(crate) fn init_new_network(netuid: NetUid, tempo: u16, block: u64) {
		SubnetworkN::<T>::insert(netuid, 0);
		NetworksAdded::<T>::insert(netuid, true);
		Tempo::<T>::insert(netuid, tempo);
		// At most 65535 netuids exist, and this one was not counted yet.
		TotalNetworks::<T>::mutate(|n| *n = n.saturating_add(1));
		NetworkRegistrationAllowed::<T>::insert(netuid, true);
		MaxAllowedUids::<T>::insert(netuid, crate::MAX_ALLOWED_UIDS_BENCHMARKED);
		MaxAllowedValidators::<T>::insert(netuid, NEW_SUBNET_MAX_ALLOWED_VALIDATORS);
		MinAllowedWeights::<T>::insert(netuid, 1);
		ImmunityPeriod::<T>::insert(netuid, NEW_SUBNET_IMMUNITY_PERIOD);
		AdjustmentInterval::<T>::insert(netuid, NEW_SUBNET_ADJUSTMENT_INTERVAL);
		TargetRegistrationsPerInterval::<T>::insert(netuid, 1);
		AdjustmentAlpha::<T>::insert(netuid, NEW_SUBNET_ADJUSTMENT_ALPHA);
		LastAdjustmentBlock::<T>::insert(netuid, block);
		// PoW registration is off: the difficulty bounds are pinned at the top.
		MinDifficulty::<T>::insert(netuid, u64::MAX);
		MaxDifficulty::<T>::insert(netuid, u64::MAX);
	}
}
