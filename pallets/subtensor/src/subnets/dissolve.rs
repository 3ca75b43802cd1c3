//! Choosing the subnet to prune (economics.md §1.7) and dissolving a subnet (§1.8).

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::fungible::Mutate};

/// A staker's part of a dissolved subnet's pot: `⌊pot · value / all_alpha⌋`, exact in u128
/// (`pot · value < 2^128`), at most `pot`, 0 if `all_alpha = 0`. The parts of the alpha that no
/// staker holds, and the flooring remainder, are not paid to anyone.
fn pot_share(pot: u64, value: u64, all_alpha: u128) -> u64 {
	let q = u128::from(pot).saturating_mul(u128::from(value)).checked_div(all_alpha).unwrap_or(0);
	u64::try_from(q).unwrap_or(pot).min(pot)
}

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

	/// Dissolve `netuid`: close it, start paying its pool's TAO out, and remove every
	/// per-subnet item (economics.md §1.8).
	///
	/// The pot (the pool's TAO) is split pro rata over **all** of the subnet's alpha: the
	/// stakers', the pool's own reserve (`SubnetAlphaIn`) and the outstanding alpha no staker
	/// holds (burned incentive, pending emission, rounding dust), as the reference does after
	/// v3.3.0. A staker receives `⌊pot · value / (SubnetAlphaIn + SubnetAlphaOut)⌋`, about the
	/// TAO value of its alpha at the spot price (a little less: the reserve has a claim too).
	/// The reserve's and the protocol's share, and the flooring dust, are paid to nobody: they
	/// are recycled (`TotalIssuance −= left`) when the payout ends, so that the TAO can be
	/// emitted again and `TotalIssuance = balances issuance + TotalStake + Σ unpaid pots` holds
	/// exactly throughout.
	///
	/// The work is bounded: at most [`DISSOLVE_POSITIONS_PER_BLOCK`] positions are paid here,
	/// the rest by the next blocks' `on_initialize` (the same number per block), found through
	/// `SubnetStakePositions` without looking at other subnets. Meanwhile the subnet does not
	/// exist (no staking, moves, registration or emission) and its netuid is not reused.
	pub(crate) fn remove_subnet(netuid: NetUid) {
		let all_alpha = u128::from(SubnetAlphaIn::<T>::get(netuid))
			.saturating_add(u128::from(SubnetAlphaOut::<T>::get(netuid)));
		let pot = Self::clear_pool(netuid);
		DissolvingSubnets::<T>::insert(netuid, DissolvePayout { pot, left: pot, all_alpha });
		Self::pay_dissolved_stakers(netuid, DISSOLVE_POSITIONS_PER_BLOCK);
		Self::remove_network(netuid);
	}

	/// Pay up to `max` stake positions of dissolved subnet `netuid` their part of the pot, into
	/// their coldkeys' free balances, and with what is left of `max` remove its childkey links
	/// (one parent's links or pending request per unit), then its stake locks (one lock, flag
	/// or aggregate per unit); once none is left, recycle what the pot
	/// has left and free the netuid. Returns the units done (for the weight: a parent's links
	/// cost less than a position's payout).
	pub(crate) fn pay_dissolved_stakers(netuid: NetUid, max: u32) -> u32 {
		let Some(mut payout) = DissolvingSubnets::<T>::get(netuid) else { return 0 };
		let stakers = Self::take_subnet_stakes(netuid, max);
		for (coldkey, value) in &stakers {
			let share = pot_share(payout.pot, *value, payout.all_alpha).min(payout.left);
			if share == 0 {
				continue;
			}
			payout.left = payout.left.saturating_sub(share); // share ≤ left
													// Minting back TAO that left pallet-balances when it was staked: the sum of balances
													// plus the pot was within u64 before, so this cannot overflow. Only an amount below
													// the existential deposit to a new account can fail; that dust is recycled.
			if T::Currency::mint_into(coldkey, share).is_err() {
				Self::recycle_tao(share);
			}
		}
		let mut paid = u32::try_from(stakers.len()).unwrap_or(u32::MAX);
		// Childkey links on the subnet go in the same budget, once the positions are paid.
		if paid < max {
			paid =
				paid.saturating_add(Self::take_subnet_childkeys(netuid, max.saturating_sub(paid)));
		}
		// Then its stake locks, in the same budget.
		if paid < max {
			paid = paid.saturating_add(Self::take_subnet_locks(netuid, max.saturating_sub(paid)));
		}
		if Self::subnet_has_stake_positions(netuid)
			|| Self::subnet_has_childkeys(netuid)
			|| Self::subnet_has_locks(netuid)
		{
			DissolvingSubnets::<T>::insert(netuid, payout);
			return paid;
		}
		// Done: what was not paid (the reserve's and the protocol's share, dust) is recycled.
		// (Marks in StakingOperationRateLimiter on this netuid, if it was staked on in this
		// block, go in on_finalize like all others; scanning for them here would be work that
		// nobody paid for. A reused netuid's new positions are at most locked until the next
		// block.)
		DissolvingSubnets::<T>::remove(netuid);
		let distributed = payout.pot.saturating_sub(payout.left); // left ≤ pot
		if distributed > 0 {
			Self::deposit_event(Event::SubnetPotDistributed(netuid, distributed));
		}
		if payout.left > 0 {
			Self::recycle_tao(payout.left);
			Self::deposit_event(Event::SubnetPotRecycled(netuid, payout.left));
		}
		paid
	}

	/// `on_initialize`: continue the payouts of dissolved subnets, at most
	/// [`DISSOLVE_POSITIONS_PER_BLOCK`] positions in all. Returns the positions paid and the
	/// subnets visited (for the weight).
	pub(crate) fn continue_dissolving() -> (u32, u32) {
		let mut budget = DISSOLVE_POSITIONS_PER_BLOCK;
		let mut visited: u32 = 0;
		let netuids: Vec<NetUid> = DissolvingSubnets::<T>::iter_keys().collect();
		for netuid in netuids {
			if budget == 0 {
				break;
			}
			visited = visited.saturating_add(1);
			let paid = Self::pay_dissolved_stakers(netuid, budget);
			budget = budget.saturating_sub(paid);
		}
		(DISSOLVE_POSITIONS_PER_BLOCK.saturating_sub(budget), visited)
	}

	/// Delete every per-subnet item of `netuid` and emit `NetworkRemoved`.
	pub(crate) fn remove_network(netuid: NetUid) {
		Self::clear_neurons(netuid);
		Self::clear_consensus(netuid);
		Self::clear_commit_reveal(netuid);
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
		CommitRevealWeightsEnabledAlias::<T>::remove(netuid);
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
