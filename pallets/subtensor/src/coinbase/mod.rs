//! The per-block coinbase (economics.md §4.1–§4.5, §4.8; profile B): the halving block reward,
//! shared among the emitting subnets by their Taoflow, injected into their pools, and each
//! subnet's alpha emission accrued as pending emission for its next epoch.
//!
//! This module owns `BlockEmission`, `SubnetEmaTaoFlow`, `SubnetTaoInEmission`,
//! `SubnetAlphaInEmission`, `SubnetAlphaOutEmission` and the four `Pending*` items. The
//! formulas are `subtensor_math::emission`.

mod drain;

#[cfg(any(feature = "runtime-benchmarks", test))]
pub(crate) use drain::Pending;

use crate::*;
use alloc::vec::Vec;
use substrate_fixed::types::{I64F64, I96F32};
use subtensor_math::emission;

/// What the coinbase will do to one subnet in this block, computed before any write.
struct SubnetPlan {
	netuid: NetUid,
	/// The flow EMA after this block's update.
	ema: I64F64,
	terms: emission::SubnetTerms,
	/// The chain buy of `terms.excess`, if it goes through (fee-free, no limit).
	chain_buy: Option<subtensor_math::pool::Swap>,
}

impl<T: Config> Pallet<T> {
	/// Block step 4 (economics.md §4.8): mint this block's TAO emission into the emitting
	/// subnets' pools by Taoflow share, and accrue their alpha emission. Returns the number of
	/// emitting subnets (for the weight).
	///
	/// Every amount is computed first; the writes that follow cannot fail, so the hook never
	/// leaves half-done state.
	///
	/// `subnets` is this block's [`Self::subnets_to_emit_to`].
	pub(crate) fn run_coinbase(subnets: &[NetUid]) -> u32 {
		let block = Self::current_block();
		let block_emission = emission::block_emission(TotalIssuance::<T>::get());
		BlockEmission::<T>::put(block_emission);

		// Taoflow (§4.3–§4.4): the EMA of each subnet consumes the flow recorded since its last
		// update, then the shares follow from the EMAs.
		let smoothing = FlowEmaSmoothingFactor::<T>::get();
		let emas: Vec<I64F64> = subnets
			.iter()
			.map(|&netuid| {
				let (last, ema) =
					SubnetEmaTaoFlow::<T>::get(netuid).unwrap_or((0, I64F64::from_bits(0)));
				if last == block {
					ema
				} else {
					emission::flow_ema_next(ema, SubnetTaoFlow::<T>::get(netuid), smoothing)
				}
			})
			.collect();
		// The exponent is checked by its setter; an out-of-range value shares nothing.
		let shares = emission::taoflow_shares(
			&emas,
			TaoFlowCutoff::<T>::get(),
			FlowNormExponent::<T>::get(),
		)
		.unwrap_or_else(|_| alloc::vec![substrate_fixed::types::U64F64::from_bits(0); emas.len()]);

		let plans: Vec<SubnetPlan> = subnets
			.iter()
			.zip(emas.iter().zip(shares.iter()))
			.map(|(&netuid, (&ema, &share))| {
				let tao_emission = emission::apply_share(block_emission, share);
				let alpha_emission = emission::alpha_block_emission(
					SubnetAlphaIn::<T>::get(netuid),
					SubnetAlphaOut::<T>::get(netuid),
				);
				let reserves = Self::reserves(netuid);
				let terms = emission::subnet_terms(tao_emission, alpha_emission, reserves);
				// The chain buy runs on the pool after the injection (price-neutral first).
				let injected = subtensor_math::pool::Reserves {
					tao: reserves.tao.saturating_add(terms.tao_in),
					alpha: reserves.alpha.saturating_add(terms.alpha_in),
				};
				let chain_buy = (terms.excess > 0)
					.then(|| {
						subtensor_math::pool::swap_tao_for_alpha(injected, terms.excess, 0).ok()
					})
					.flatten();
				SubnetPlan { netuid, ema, terms, chain_buy }
			})
			.collect();

		// Effects: injection and chain buy (§4.5 "Injection").
		for plan in &plans {
			let netuid = plan.netuid;
			SubnetEmaTaoFlow::<T>::insert(netuid, (block, plan.ema));
			SubnetTaoFlow::<T>::remove(netuid);
			let t = plan.terms;
			// Block emission ≤ 1 TAO and issuance stays below the 21M cap: no saturation.
			SubnetTAO::<T>::mutate(netuid, |x| *x = x.saturating_add(t.tao_in));
			SubnetAlphaIn::<T>::mutate(netuid, |x| *x = x.saturating_add(t.alpha_in));
			TotalStake::<T>::mutate(|x| *x = x.saturating_add(t.tao_in));
			let mut minted = t.tao_in;
			if let Some(swap) = &plan.chain_buy {
				// The bought alpha is recycled (v3.3.0): only the price moves.
				Self::apply_buy(netuid, swap);
				Self::recycle_subnet_alpha(netuid, swap.amount_out);
				minted = minted.saturating_add(swap.amount_in);
			}
			TotalIssuance::<T>::mutate(|x| *x = x.saturating_add(minted));
			SubnetTaoInEmission::<T>::insert(netuid, t.tao_in);
			SubnetAlphaInEmission::<T>::insert(netuid, t.alpha_in);
			SubnetAlphaOutEmission::<T>::insert(netuid, t.alpha_out);
		}

		// Alpha out to participants (§4.5), read after every injection of this block.
		let moving_sum = plans.iter().fold(I96F32::from_bits(0), |acc, p| {
			acc.saturating_add(SubnetMovingPrice::<T>::get(p.netuid))
		});
		let root_sell = moving_sum > I96F32::from_bits(1i128 << 32);
		let owner_cut = SubnetOwnerCut::<T>::get();
		let tao_weight = TaoWeight::<T>::get();
		let root_tao = SubnetTAO::<T>::get(ROOT_NETUID);
		for plan in &plans {
			let netuid = plan.netuid;
			let alpha_out = plan.terms.alpha_out;
			SubnetAlphaOut::<T>::mutate(netuid, |x| *x = x.saturating_add(alpha_out));
			let issuance =
				SubnetAlphaIn::<T>::get(netuid).saturating_add(SubnetAlphaOut::<T>::get(netuid));
			let root_prop = emission::root_proportion(root_tao, tao_weight, issuance);
			let split = emission::split_alpha_out(alpha_out, owner_cut, root_prop);
			// Pending amounts are at most a few tempos of alpha emission (≤ 1 alpha per block).
			PendingOwnerCut::<T>::mutate(netuid, |x| *x = x.saturating_add(split.owner_cut));
			PendingServerEmission::<T>::mutate(netuid, |x| *x = x.saturating_add(split.server));
			PendingValidatorEmission::<T>::mutate(netuid, |x| {
				*x = x.saturating_add(split.validator)
			});
			if root_sell {
				PendingRootAlphaDivs::<T>::mutate(netuid, |x| *x = x.saturating_add(split.root));
			} else {
				Self::recycle_subnet_alpha(netuid, split.root);
			}
		}
		u32::try_from(plans.len()).unwrap_or(u32::MAX)
	}

	/// Remove every coinbase item of `netuid` (part of dissolving the subnet). Pending alpha
	/// goes with the subnet's alpha issuance.
	pub(crate) fn clear_coinbase(netuid: NetUid) {
		SubnetEmaTaoFlow::<T>::remove(netuid);
		SubnetTaoInEmission::<T>::remove(netuid);
		SubnetAlphaInEmission::<T>::remove(netuid);
		SubnetAlphaOutEmission::<T>::remove(netuid);
		PendingOwnerCut::<T>::remove(netuid);
		PendingServerEmission::<T>::remove(netuid);
		PendingValidatorEmission::<T>::remove(netuid);
		PendingRootAlphaDivs::<T>::remove(netuid);
	}
}
