//! `set_weights` (yuma.md §2, the reference's `do_set_weights`): every check, then the row is
//! stored max-upscaled with its explicit zeros and `LastUpdate` moves to this block.

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use frame_support::{ensure, pallet_prelude::DispatchResult, BoundedVec};
use subtensor_math::fixed;

impl<T: Config> Pallet<T> {
	/// Set the weights of `hotkey` on `netuid`. All checks come before any write, in the
	/// reference's order (so a client sees the same first error): commit-reveal, lengths,
	/// subnet, UID count, registration, stake, version key, rate limit, permit, duplicates,
	/// UID range, minimum count, maximum weight (on the normalised row, which max-upscaling
	/// does not change).
	pub(crate) fn do_set_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		dests: &[u16],
		weights: &[u16],
		version_key: u64,
	) -> DispatchResult {
		ensure!(!CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealEnabled);
		ensure!(dests.len() == weights.len(), Error::<T>::WeightVecNotEqualSize);
		ensure!(Self::subnet_exists(netuid), Error::<T>::SubnetNotExists);
		let n = SubnetworkN::<T>::get(netuid);
		ensure!(dests.len() <= usize::from(n), Error::<T>::UidsLengthExceedUidsInSubNet);
		let uid = Uids::<T>::get(netuid, hotkey).ok_or(Error::<T>::HotKeyNotRegisteredInSubNet)?;
		ensure!(
			Self::stake_weight_of(hotkey, netuid) >= u128::from(StakeThreshold::<T>::get()),
			Error::<T>::NotEnoughStakeToSetWeights
		);
		ensure!(
			version_key >= WeightsVersionKey::<T>::get(netuid),
			Error::<T>::IncorrectWeightVersionKey
		);
		let block = Self::current_block();
		let last = LastUpdate::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(0);
		ensure!(
			last == 0 || block.saturating_sub(last) >= WeightsSetRateLimit::<T>::get(netuid),
			Error::<T>::SettingWeightsTooFast
		);
		let self_weight = dests.len() == 1 && dests.first() == Some(&uid);
		let permit = ValidatorPermit::<T>::get(netuid).get(usize::from(uid)).copied() == Some(true);
		ensure!(self_weight || permit, Error::<T>::NeuronNoValidatorPermit);
		let unique: BTreeSet<u16> = dests.iter().copied().collect();
		ensure!(unique.len() == dests.len(), Error::<T>::DuplicateUids);
		ensure!(dests.iter().all(|d| *d < n), Error::<T>::UidVecContainInvalidOne);
		let min_len = usize::from(MinAllowedWeights::<T>::get(netuid).min(n));
		ensure!(self_weight || dests.len() >= min_len, Error::<T>::WeightVecLengthIsLow);
		ensure!(
			self_weight
				|| Self::max_weight_within_limit(weights, MaxWeightsLimit::<T>::get(netuid)),
			Error::<T>::MaxWeightExceeded
		);

		// Effects.
		let upscaled = fixed::u16_max_upscale(weights);
		let row: Vec<(u16, u16)> = dests.iter().copied().zip(upscaled).collect();
		// dests.len() ≤ n ≤ MAX_UIDS_LIMIT: the row fits its bound.
		Weights::<T>::insert(netuid, uid, BoundedVec::truncate_from(row));
		LastUpdate::<T>::mutate(netuid, |v| {
			if let Some(x) = v.get_mut(usize::from(uid)) {
				*x = block;
			}
		});
		Self::deposit_event(Event::WeightsSet(netuid, uid));
		Ok(())
	}

	/// The stake that counts for a hotkey's weight on `netuid`: its alpha plus `TaoWeight` ×
	/// its root stake (RAO, u128 so that nothing saturates).
	pub fn stake_weight_of(hotkey: &T::AccountId, netuid: NetUid) -> u128 {
		let alpha = u128::from(TotalHotkeyAlpha::<T>::get(hotkey, netuid));
		let root = u128::from(TotalHotkeyAlpha::<T>::get(hotkey, ROOT_NETUID));
		// root · w / u64::MAX with w ≤ u64::MAX: at most `root`.
		let weighted = root
			.saturating_mul(u128::from(TaoWeight::<T>::get()))
			.checked_div(u128::from(u64::MAX))
			.unwrap_or(0);
		alpha.saturating_add(weighted)
	}

	/// Whether every weight, normalised to sum 1, is at most `limit / 65535`; `limit = 65535`
	/// allows anything. Exact integer comparison: `w · 65535 ≤ limit · Σw`.
	fn max_weight_within_limit(weights: &[u16], limit: u16) -> bool {
		if limit == u16::MAX {
			return true;
		}
		let total = weights.iter().fold(0u128, |a, w| a.saturating_add(u128::from(*w)));
		if total == 0 {
			return true;
		}
		weights.iter().all(|w| {
			u128::from(*w).saturating_mul(u128::from(u16::MAX))
				<= u128::from(limit).saturating_mul(total)
		})
	}
}
