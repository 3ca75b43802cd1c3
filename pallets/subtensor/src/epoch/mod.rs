//! The Yuma Consensus epoch of one subnet (yuma.md): gather the inputs from storage, run
//! `subtensor_math::yuma::epoch` (pure), write its outputs. Also the weights validators set
//! (`set_weights.rs`).
//!
//! This module owns `Weights`, `Bonds`, `WeightsVersionKey`, the per-UID outputs (`Rank`,
//! `Trust`, `Consensus`, `Incentive`, `Dividends`, `ValidatorTrust`, `StakeWeight`,
//! `ValidatorPermit`, `Active`, `Emission`; `PruningScores` is shared with `neurons`),
//! `BlocksSinceLastStep`, `LastMechansimStepBlock`, `SubnetEpochConsensus`,
//! `MechanismCountCurrent` and `SubnetEpochIndex`.

mod set_weights;

use crate::*;
use alloc::vec::Vec;
use frame_support::{traits::Get, weights::Weight, BoundedVec};
use subtensor_math::yuma::{self, EpochInputs, EpochOutputs, YumaParams};

/// A stored weight or bond row: `(target uid, u16)`.
type WeightRow = BoundedVec<(u16, u16), MaxUids>;

/// A vector read from storage, padded with defaults (or cut) to `n` entries (yuma.md §2).
fn padded<V: Clone + Default>(v: Vec<V>, n: usize) -> Vec<V> {
	let mut v = v;
	v.resize(n, V::default());
	v
}

impl<T: Config> Pallet<T> {
	/// The hotkey of every UID of `netuid`, by UID (`None` cannot happen while `Keys` covers
	/// `[0, SubnetworkN)`, which `do_try_state` checks).
	pub fn epoch_hotkeys(netuid: NetUid) -> Vec<Option<T::AccountId>> {
		(0..SubnetworkN::<T>::get(netuid)).map(|uid| Keys::<T>::get(netuid, uid)).collect()
	}

	/// The epoch's inputs for `netuid`, read from storage (yuma.md §2). Stake is each hotkey's
	/// inherited alpha and root stake (its own, less what it lends its children, plus what its
	/// parents lend it: `staking/children.rs`).
	pub fn epoch_inputs(netuid: NetUid) -> EpochInputs {
		Self::epoch_inputs_counted(netuid).0
	}

	/// [`Self::epoch_inputs`] and the number of parent links read (for the weight).
	fn epoch_inputs_counted(netuid: NetUid) -> (EpochInputs, u32) {
		let n = SubnetworkN::<T>::get(netuid);
		let len = usize::from(n);
		let hotkeys = Self::epoch_hotkeys(netuid);
		let mut alpha_stake = Vec::with_capacity(len);
		let mut root_stake = Vec::with_capacity(len);
		let mut parents_read: u32 = 0;
		for hotkey in &hotkeys {
			let stake =
				hotkey.as_ref().map(|h| Self::inherited_stake(h, netuid)).unwrap_or_default();
			alpha_stake.push(stake.alpha);
			root_stake.push(stake.root);
			parents_read = parents_read.saturating_add(stake.parents_read);
		}
		let inputs = EpochInputs {
			n,
			alpha_stake,
			root_stake,
			validator_permit: padded(ValidatorPermit::<T>::get(netuid).into_inner(), len),
			last_update: padded(LastUpdate::<T>::get(netuid).into_inner(), len),
			block_at_registration: (0..n)
				.map(|uid| BlockAtRegistration::<T>::get(netuid, uid))
				.collect(),
			weights: (0..n).map(|uid| Weights::<T>::get(netuid, uid).into_inner()).collect(),
			bonds: (0..n).map(|uid| Bonds::<T>::get(netuid, uid).into_inner()).collect(),
			commit_block: Self::commit_blocks(netuid, &hotkeys),
		};
		(inputs, parents_read)
	}

	/// The epoch's parameters for `netuid` at the current block, distributing `rao_emission`.
	///
	/// `last_tempo` (the bond mask) is the block after the previous epoch
	/// (`LastMechansimStepBlock + 1`), read before this epoch records its own block. The
	/// reference at its HEAD does the same: it writes `LastMechansimStepBlock` after
	/// `distribute_emission` has run the epoch, so both use the previous epoch's block + 1
	/// (yuma.md §2).
	pub fn yuma_params(netuid: NetUid, rao_emission: u64) -> YumaParams {
		let block = Self::current_block();
		let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);
		YumaParams {
			current_block: block,
			activity_cutoff: u64::from(ActivityCutoff::<T>::get(netuid)),
			last_tempo: yuma::last_tempo(
				block,
				Tempo::<T>::get(netuid),
				LastMechansimStepBlock::<T>::get(netuid),
			),
			tao_weight: TaoWeight::<T>::get(),
			stake_threshold: StakeThreshold::<T>::get(),
			max_allowed_validators: MaxAllowedValidators::<T>::get(netuid),
			owner_uid: SubnetOwnerHotkey::<T>::get(netuid).and_then(|h| Uids::<T>::get(netuid, h)),
			kappa: Kappa::<T>::get(netuid),
			bonds_penalty: BondsPenalty::<T>::get(netuid),
			bonds_moving_average: BondsMovingAverage::<T>::get(netuid),
			yuma3: Yuma3On::<T>::get(netuid),
			liquid_alpha: LiquidAlphaOn::<T>::get(netuid),
			alpha_low,
			alpha_high,
			alpha_sigmoid_steepness: AlphaSigmoidSteepness::<T>::get(netuid),
			rao_emission,
		}
	}

	/// Run the epoch of `netuid` over `rao_emission` alpha and write its outputs. Returns the
	/// outputs (for the payout), the inputs' stakes and the parent links read (for the weight).
	pub(crate) fn run_epoch(netuid: NetUid, rao_emission: u64) -> (EpochInputs, EpochOutputs, u32) {
		let (inputs, parents_read) = Self::epoch_inputs_counted(netuid);
		let outputs = yuma::epoch(&inputs, &Self::yuma_params(netuid, rao_emission));
		Self::persist_epoch(netuid, &outputs);
		// Counted after the inputs were read: until now commit-reveal saw this epoch through its
		// look-ahead (`current_epoch_with_lookahead`), as the reference does.
		SubnetEpochIndex::<T>::mutate(netuid, |e| *e = e.saturating_add(1));
		(inputs, outputs, parents_read)
	}

	/// Write an epoch's outputs (yuma.md §4.12). Vectors longer than the bound cannot occur
	/// (`n ≤ MaxAllowedUids ≤ MAX_UIDS_LIMIT`); they would be cut.
	fn persist_epoch(netuid: NetUid, o: &EpochOutputs) {
		Rank::<T>::insert(netuid, BoundedVec::truncate_from(o.rank.clone()));
		Trust::<T>::insert(netuid, BoundedVec::truncate_from(o.trust.clone()));
		Consensus::<T>::insert(netuid, BoundedVec::truncate_from(o.consensus.clone()));
		Incentive::<T>::insert(netuid, BoundedVec::truncate_from(o.incentive.clone()));
		Dividends::<T>::insert(netuid, BoundedVec::truncate_from(o.dividends.clone()));
		ValidatorTrust::<T>::insert(netuid, BoundedVec::truncate_from(o.validator_trust.clone()));
		StakeWeight::<T>::insert(netuid, BoundedVec::truncate_from(o.stake_weight.clone()));
		ValidatorPermit::<T>::insert(netuid, BoundedVec::truncate_from(o.validator_permit.clone()));
		Active::<T>::insert(netuid, BoundedVec::truncate_from(o.active.clone()));
		Emission::<T>::insert(netuid, BoundedVec::truncate_from(o.emission.clone()));
		PruningScores::<T>::insert(netuid, BoundedVec::truncate_from(o.pruning_scores.clone()));
		for (uid, row) in (0u16..).zip(o.bonds.iter()) {
			if row.is_empty() {
				Bonds::<T>::remove(netuid, uid);
			} else {
				Bonds::<T>::insert(netuid, uid, BoundedVec::truncate_from(row.clone()));
			}
		}
	}

	/// Whether the epoch of `netuid` runs at `block` (economics.md §4.6, v3.3.0 schedule):
	/// `(block + netuid + 1) mod (tempo + 1) = tempo`, so every `tempo + 1` blocks, staggered
	/// by netuid. Tempo 0 never runs.
	pub fn is_epoch_block(netuid: NetUid, tempo: u16, block: u64) -> bool {
		if tempo == 0 {
			return false;
		}
		let period = u64::from(tempo).saturating_add(1); // ≥ 2
		block.saturating_add(u64::from(netuid)).saturating_add(1).checked_rem(period)
			== Some(u64::from(tempo))
	}

	/// Blocks until the next epoch of `netuid` after `block` (0 if it runs at `block`);
	/// `None` for tempo 0.
	pub fn blocks_until_next_epoch(netuid: NetUid, tempo: u16, block: u64) -> Option<u64> {
		if tempo == 0 {
			return None;
		}
		let period = u64::from(tempo).saturating_add(1);
		let phase =
			block.saturating_add(u64::from(netuid)).saturating_add(1).checked_rem(period)?;
		// phase ≤ tempo, so this cannot underflow.
		Some(u64::from(tempo).saturating_sub(phase))
	}

	/// Forget the consensus state of `uid` on `netuid` when it is given to a new hotkey
	/// (yuma.md §5): its outputs are zeroed, its weights and bonds removed, weights pointing
	/// at it zeroed, its permit revoked.
	pub(crate) fn clear_neuron_consensus(netuid: NetUid, uid: u16) {
		let i = usize::from(uid);
		let zero_u16 = |v: &mut BoundedVec<u16, MaxUids>| {
			if let Some(x) = v.get_mut(i) {
				*x = 0;
			}
		};
		Rank::<T>::mutate(netuid, zero_u16);
		Trust::<T>::mutate(netuid, zero_u16);
		Consensus::<T>::mutate(netuid, zero_u16);
		Incentive::<T>::mutate(netuid, zero_u16);
		Dividends::<T>::mutate(netuid, zero_u16);
		ValidatorTrust::<T>::mutate(netuid, zero_u16);
		StakeWeight::<T>::mutate(netuid, zero_u16);
		Emission::<T>::mutate(netuid, |v| {
			if let Some(x) = v.get_mut(i) {
				*x = 0;
			}
		});
		ValidatorPermit::<T>::mutate(netuid, |v| {
			if let Some(x) = v.get_mut(i) {
				*x = false;
			}
		});
		Weights::<T>::remove(netuid, uid);
		Bonds::<T>::remove(netuid, uid);
		let rows: Vec<(u16, WeightRow)> = Weights::<T>::iter_prefix(netuid)
			.filter(|(_, row)| row.iter().any(|(j, w)| *j == uid && *w != 0))
			.collect();
		for (validator, mut row) in rows {
			for (j, w) in row.iter_mut() {
				if *j == uid {
					*w = 0;
				}
			}
			Weights::<T>::insert(netuid, validator, row);
		}
	}

	/// The epoch counter of `netuid` (`SubnetEpochIndex`: one more per epoch run), which
	/// `Commitments` counts its space in (the reference's `get_epoch_index`).
	pub fn get_epoch_index(netuid: NetUid) -> u64 {
		SubnetEpochIndex::<T>::get(netuid)
	}

	/// A hotkey committed a `ResetBondsFlag` (`Commitments`): if `BondsResetOn` is set for
	/// `netuid` and `hotkey` holds a UID there, every validator's bond in that UID is removed
	/// (the reference's `do_reset_bonds`). Otherwise nothing changes.
	///
	/// Cost: at most [`Self::reset_bonds_max_weight`]: one pass over the subnet's bond rows.
	pub fn reset_bonds_on_commitment(netuid: NetUid, hotkey: &T::AccountId) {
		if !BondsResetOn::<T>::get(netuid) {
			return;
		}
		let Some(uid) = Uids::<T>::get(netuid, hotkey) else {
			return;
		};
		let rows: Vec<(u16, WeightRow)> = Bonds::<T>::iter_prefix(netuid)
			.filter(|(_, row)| row.iter().any(|(j, _)| *j == uid))
			.collect();
		for (validator, mut row) in rows {
			row.retain(|(j, _)| *j != uid);
			Bonds::<T>::insert(netuid, validator, row);
		}
	}

	/// The most [`Self::reset_bonds_on_commitment`] costs: two reads, then every bond row of a
	/// full subnet (`MAX_ALLOWED_UIDS_BENCHMARKED` UIDs, the largest `MaxAllowedUids` the
	/// setters accept) read and rewritten.
	pub fn reset_bonds_max_weight() -> Weight {
		let rows = u64::from(MAX_ALLOWED_UIDS_BENCHMARKED);
		T::DbWeight::get().reads_writes(rows.saturating_add(2), rows)
	}

	/// Remove every consensus item of `netuid` (part of dissolving the subnet).
	pub(crate) fn clear_consensus(netuid: NetUid) {
		let _ = Weights::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = Bonds::<T>::clear_prefix(netuid, u32::MAX, None);
		WeightsVersionKey::<T>::remove(netuid);
		Rank::<T>::remove(netuid);
		Trust::<T>::remove(netuid);
		Consensus::<T>::remove(netuid);
		Incentive::<T>::remove(netuid);
		Dividends::<T>::remove(netuid);
		ValidatorTrust::<T>::remove(netuid);
		StakeWeight::<T>::remove(netuid);
		ValidatorPermit::<T>::remove(netuid);
		Active::<T>::remove(netuid);
		Emission::<T>::remove(netuid);
		BlocksSinceLastStep::<T>::remove(netuid);
		LastMechansimStepBlock::<T>::remove(netuid);
		let _ = AlphaDividendsPerSubnet::<T>::clear_prefix(netuid, u32::MAX, None);
		let _ = TaoDividendsPerSubnet::<T>::clear_prefix(netuid, u32::MAX, None);
		SubnetEpochConsensus::<T>::remove(netuid);
		MechanismCountCurrent::<T>::remove(netuid);
		SubnetEpochIndex::<T>::remove(netuid);
	}
}
