//! `set_weights` and `batch_set_weights` (yuma.md §2, the reference's `do_set_weights`): every
//! check (`check_set_weights`, shared with the transaction extension), then the row is stored
//! max-upscaled with its explicit zeros and `LastUpdate` moves to this block.

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use codec::Compact;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	BoundedVec,
};
use subtensor_math::fixed;

impl<T: Config> Pallet<T> {
	/// Every check of `set_weights`, with no write: the UID of `hotkey` if the call would
	/// succeed. The call and the transaction extension both use it, so they cannot disagree.
	pub fn check_set_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		dests: &[u16],
		weights: &[u16],
		version_key: u64,
	) -> Result<u16, Error<T>> {
		ensure!(!CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealEnabled);
		Self::check_weights(hotkey, netuid, dests, weights, version_key, true)
	}

	/// The checks of a weight row, in the reference's order (so a client sees the same first
	/// error): lengths, subnet, UID count, registration, stake, version key, rate limit (when
	/// `rate_limited`; a reveal is not, its commit was), permit, duplicates, UID range, minimum
	/// count, maximum weight (on the normalised row, which max-upscaling does not change).
	/// Returns the UID of `hotkey`.
	pub(crate) fn check_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		dests: &[u16],
		weights: &[u16],
		version_key: u64,
		rate_limited: bool,
	) -> Result<u16, Error<T>> {
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
		if rate_limited {
			ensure!(
				Self::weights_rate_limit_passes(netuid, uid),
				Error::<T>::SettingWeightsTooFast
			);
		}
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
		Ok(uid)
	}

	/// Whether `uid` of `netuid` may update its weights (or commit) now: never updated, or at
	/// least `WeightsSetRateLimit` blocks since `LastUpdate`.
	pub(crate) fn weights_rate_limit_passes(netuid: NetUid, uid: u16) -> bool {
		let block = Self::current_block();
		let last = LastUpdate::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(0);
		last == 0 || block.saturating_sub(last) >= WeightsSetRateLimit::<T>::get(netuid)
	}

	/// Set the weights of `hotkey` on `netuid`: [`Pallet::check_set_weights`], then the row is
	/// stored and `LastUpdate` moves to this block.
	pub(crate) fn do_set_weights(
		hotkey: &T::AccountId,
		netuid: NetUid,
		dests: &[u16],
		weights: &[u16],
		version_key: u64,
	) -> DispatchResult {
		let uid = Self::check_set_weights(hotkey, netuid, dests, weights, version_key)?;
		Self::write_weights(netuid, uid, dests, weights, true);
		Ok(())
	}

	/// Store a checked row max-upscaled with its explicit zeros; with `stamp`, `LastUpdate` of
	/// `uid` moves to this block (a reveal does not stamp: its commit did).
	pub(crate) fn write_weights(
		netuid: NetUid,
		uid: u16,
		dests: &[u16],
		weights: &[u16],
		stamp: bool,
	) {
		let upscaled = fixed::u16_max_upscale(weights);
		let row: Vec<(u16, u16)> = dests.iter().copied().zip(upscaled).collect();
		// dests.len() ≤ n ≤ MAX_UIDS_LIMIT (checked): the row fits its bound.
		Weights::<T>::insert(netuid, uid, BoundedVec::truncate_from(row));
		if stamp {
			Self::stamp_last_update(netuid, uid);
		}
		Self::deposit_event(Event::WeightsSet(netuid, uid));
	}

	/// `LastUpdate` of `uid` on `netuid` := this block.
	pub(crate) fn stamp_last_update(netuid: NetUid, uid: u16) {
		let block = Self::current_block();
		LastUpdate::<T>::mutate(netuid, |v| {
			if let Some(x) = v.get_mut(usize::from(uid)) {
				*x = block;
			}
		});
	}

	/// One item of `batch_set_weights` as plain vectors `(netuid, dests, weights, version)`.
	fn batch_item(
		netuid: &Compact<NetUid>,
		row: &[(Compact<u16>, Compact<u16>)],
		version_key: &Compact<u64>,
	) -> (NetUid, Vec<u16>, Vec<u16>, u64) {
		let dests = row.iter().map(|(u, _)| u.0).collect();
		let weights = row.iter().map(|(_, w)| w.0).collect();
		(netuid.0, dests, weights, version_key.0)
	}

	/// Every check of `batch_set_weights` as the transaction extension applies it, with no
	/// write: equal lengths, and every item passing [`Pallet::check_set_weights`] on the
	/// current state (the first failure is returned).
	pub fn check_batch_set_weights(
		hotkey: &T::AccountId,
		netuids: &[Compact<NetUid>],
		weights: &[Vec<(Compact<u16>, Compact<u16>)>],
		version_keys: &[Compact<u64>],
	) -> Result<(), Error<T>> {
		ensure!(
			netuids.len() == weights.len() && netuids.len() == version_keys.len(),
			Error::<T>::InputLengthsUnequal
		);
		for ((netuid, row), version_key) in netuids.iter().zip(weights).zip(version_keys) {
			let (netuid, dests, values, version_key) = Self::batch_item(netuid, row, version_key);
			Self::check_set_weights(hotkey, netuid, &dests, &values, version_key)?;
		}
		Ok(())
	}

	/// `batch_set_weights`: each item is a `set_weights`; failed items are reported in events
	/// and skipped.
	pub(crate) fn do_batch_set_weights(
		hotkey: &T::AccountId,
		netuids: &[Compact<NetUid>],
		weights: &[Vec<(Compact<u16>, Compact<u16>)>],
		version_keys: &[Compact<u64>],
	) -> DispatchResult {
		ensure!(
			netuids.len() == weights.len() && netuids.len() == version_keys.len(),
			Error::<T>::InputLengthsUnequal
		);
		let mut failed = false;
		for ((netuid, row), version_key) in netuids.iter().zip(weights).zip(version_keys) {
			let (netuid, dests, values, version_key) = Self::batch_item(netuid, row, version_key);
			// `do_set_weights` checks everything before writing: a failed item wrote nothing.
			if let Err(e) = Self::do_set_weights(hotkey, netuid, &dests, &values, version_key) {
				Self::note_batch_item_failed(&mut failed, netuid, e);
			}
		}
		Self::deposit_event(Event::BatchWeightsCompleted(netuids.to_vec(), hotkey.clone()));
		Ok(())
	}

	/// Report a failed batch item (and, for the first one, that the batch had errors).
	pub(crate) fn note_batch_item_failed(failed: &mut bool, netuid: NetUid, e: DispatchError) {
		if !*failed {
			Self::deposit_event(Event::BatchCompletedWithErrors());
			*failed = true;
		}
		Self::deposit_event(Event::BatchWeightItemFailed(netuid, e));
	}

	/// The stake that counts for a hotkey's weight on `netuid`: its inherited alpha plus
	/// `TaoWeight` × its inherited root stake (after childkeys; RAO, u128 so that nothing
	/// saturates).
	pub fn stake_weight_of(hotkey: &T::AccountId, netuid: NetUid) -> u128 {
		let stake = Self::inherited_stake(hotkey, netuid);
		subtensor_math::childkeys::stake_weight(stake.alpha, stake.root, TaoWeight::<T>::get())
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
