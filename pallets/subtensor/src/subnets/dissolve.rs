//! Choosing the subnet to prune (economics.md §1.7) and dissolving a subnet (§1.8).

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::fungible::Mutate};
use subtensor_math::split;

impl<T: Config> Pallet<T> {
	/// The subnet a registration replaces when `SubnetLimit` is reached: among non-root subnets
	/// past their `NetworkImmunityPeriod`, the lowest `SubnetMovingPrice`; ties go to the
	/// earliest `NetworkRegisteredAt`, then the lowest netuid. `None` if every subnet is immune.
	pub fn get_network_to_prune() -> Option<NetUid> {
		let block = Self::current_block();
		let immunity = NetworkImmunityPeriod::<T>::get();
		NetworksAdded::<T>::iter()
			.filter(|(netuid, added)| *added && *netuid != ROOT_NETUID)
			.map(|(netuid, _)| (netuid, NetworkRegisteredAt::<T>::get(netuid)))
			.filter(|(_, registered)| block >= registered.saturating_add(immunity))
			.min_by(|(a, ra), (b, rb)| {
				SubnetMovingPrice::<T>::get(a)
					.cmp(&SubnetMovingPrice::<T>::get(b))
					.then(ra.cmp(rb))
					.then(a.cmp(b))
			})
			.map(|(netuid, _)| netuid)
	}

	/// Dissolve subnet `netuid` (root's `dissolve_network`).
	pub(crate) fn do_dissolve_network(netuid: NetUid) -> DispatchResult {
		// Checks.
		ensure!(netuid != ROOT_NETUID, Error::<T>::CannotDissolveRootSubnet);
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		// Effects.
		Self::remove_subnet(netuid);
		Ok(())
	}

	/// Empty the pool of `netuid`, pay its TAO out and remove every per-subnet item.
	///
	/// Stakers are paid pro rata to the value of their alpha (economics.md §1.8); the pool's
	/// own alpha reserve has no claim. With no staker, nobody holds a claim on the pot: it is
	/// recycled (`TotalIssuance −= pot`), which keeps `TotalIssuance = balances issuance +
	/// TotalStake` and lets the TAO be emitted again.
	///
	/// (The stake storage belongs to `staking`, which removes it through
	/// `take_subnet_stakes`: dissolving is the one place where subnets reach into staking.)
	pub(crate) fn remove_subnet(netuid: NetUid) {
		let stakers: Vec<(T::AccountId, u64)> = Self::take_subnet_stakes(netuid);
		let pot = Self::clear_pool(netuid);
		Self::pay_out_pot(netuid, pot, &stakers);
		Self::remove_network(netuid);
	}

	/// Pay `pot` RAO (already taken out of `TotalStake`) to `stakers` `(coldkey, value)` pro
	/// rata to value with the largest-remainder method, into their free balances; exactly `pot`
	/// is paid. With no staker value, the pot is recycled instead.
	pub(crate) fn pay_out_pot(netuid: NetUid, pot: u64, stakers: &[(T::AccountId, u64)]) {
		let values: Vec<u64> = stakers.iter().map(|(_, v)| *v).collect();
		if values.iter().all(|v| *v == 0) {
			Self::recycle_tao(pot);
			Self::deposit_event(Event::SubnetPotRecycled(netuid, pot));
			return;
		}
		let shares = split::largest_remainder(pot, &values);
		let mut paid: u64 = 0;
		for ((coldkey, _), share) in stakers.iter().zip(shares) {
			if share == 0 {
				continue;
			}
			// Minting back TAO that left pallet-balances when it was staked: the sum of
			// balances plus the pot was within u64 before, so this cannot overflow.
			match T::Currency::mint_into(coldkey, share) {
				Ok(_) => paid = paid.saturating_add(share),
				Err(_) => {
					// Only an amount below the existential deposit to a new account can fail;
					// that dust is recycled.
					Self::recycle_tao(share);
				},
			}
		}
		Self::deposit_event(Event::SubnetPotDistributed(netuid, paid));
	}

	/// Delete every per-subnet item of `netuid` and emit `NetworkRemoved`.
	pub(crate) fn remove_network(netuid: NetUid) {
		Self::clear_neurons(netuid);
		Self::clear_consensus(netuid);
		Self::clear_coinbase(netuid);
		// Subnet.
		NetworksAdded::<T>::remove(netuid);
		SubnetMechanism::<T>::remove(netuid);
		Tempo::<T>::remove(netuid);
		TokenSymbol::<T>::remove(netuid);
		NetworkRegisteredAt::<T>::remove(netuid);
		SubnetOwner::<T>::remove(netuid);
		SubnetOwnerHotkey::<T>::remove(netuid);
		SubnetOwnerHotkeyLastSet::<T>::remove(netuid);
		LastTempoUpdate::<T>::remove(netuid);
		SubnetLocked::<T>::remove(netuid);
		RAORecycledForRegistration::<T>::remove(netuid);
		FirstEmissionBlockNumber::<T>::remove(netuid);
		SubtokenEnabled::<T>::remove(netuid);
		if SubnetIdentitiesV3::<T>::take(netuid).is_some() {
			Self::deposit_event(Event::SubnetIdentityRemoved(netuid));
		}
		// Consensus hyperparameters.
		EMAPriceHalvingBlocks::<T>::remove(netuid);
		TransferToggle::<T>::remove(netuid);
		MaxAllowedValidators::<T>::remove(netuid);
		MinAllowedWeights::<T>::remove(netuid);
		Kappa::<T>::remove(netuid);
		Rho::<T>::remove(netuid);
		AlphaSigmoidSteepness::<T>::remove(netuid);
		BondsMovingAverage::<T>::remove(netuid);
		BondsPenalty::<T>::remove(netuid);
		BondsResetOn::<T>::remove(netuid);
		ActivityCutoff::<T>::remove(netuid);
		WeightsSetRateLimit::<T>::remove(netuid);
		LiquidAlphaOn::<T>::remove(netuid);
		AlphaValues::<T>::remove(netuid);
		Yuma3On::<T>::remove(netuid);
		CommitRevealWeightsEnabled::<T>::remove(netuid);
		MaxWeightsLimit::<T>::remove(netuid);
		Difficulty::<T>::remove(netuid);
		MinDifficulty::<T>::remove(netuid);
		MaxDifficulty::<T>::remove(netuid);
		RecycleOrBurn::<T>::remove(netuid);
		// The subnet was counted in TotalNetworks when it was added.
		TotalNetworks::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::NetworkRemoved(netuid));
	}
}
