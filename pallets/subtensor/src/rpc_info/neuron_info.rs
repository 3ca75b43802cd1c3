//! `NeuronInfoRuntimeApi`: the neurons of a subnet, with and without weights and bonds.

use crate::*;
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use frame_support::BoundedVec;
use scale_info::TypeInfo;

/// One neuron for a metagraph: `NeuronInfoRuntimeApi.get_neurons_lite` (clients.md §5.5).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct NeuronInfoLite<AccountId> {
	/// The neuron's hotkey.
	pub hotkey: AccountId,
	/// The coldkey owning the hotkey.
	pub coldkey: AccountId,
	/// Its UID.
	pub uid: Compact<u16>,
	/// Its subnet.
	pub netuid: Compact<u16>,
	/// Whether it set weights within the activity cutoff at the last epoch.
	pub active: bool,
	/// Its axon endpoint (all zero if none).
	pub axon_info: AxonInfo,
	/// Its prometheus endpoint (all zero if none).
	pub prometheus_info: PrometheusInfo,
	/// Stake on the hotkey on this subnet by coldkey, alpha-RAO.
	pub stake: Vec<(AccountId, Compact<u64>)>,
	/// Legacy rank (u16 proportion).
	pub rank: Compact<u16>,
	/// Alpha it earned at the last epoch.
	pub emission: Compact<u64>,
	/// Incentive share (u16 proportion).
	pub incentive: Compact<u16>,
	/// Consensus weight (u16 proportion).
	pub consensus: Compact<u16>,
	/// Legacy trust (u16 proportion).
	pub trust: Compact<u16>,
	/// Validator trust (u16 proportion).
	pub validator_trust: Compact<u16>,
	/// Dividend share (u16 proportion).
	pub dividends: Compact<u16>,
	/// Block of its last weights.
	pub last_update: Compact<u64>,
	/// Whether it holds a validator permit.
	pub validator_permit: bool,
	/// Pruning score (u16).
	pub pruning_score: Compact<u16>,
}

/// One neuron with its weights and bonds: `NeuronInfoRuntimeApi.get_neurons`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct NeuronInfo<AccountId> {
	/// The neuron's hotkey.
	pub hotkey: AccountId,
	/// The coldkey owning the hotkey.
	pub coldkey: AccountId,
	/// Its UID.
	pub uid: Compact<u16>,
	/// Its subnet.
	pub netuid: Compact<u16>,
	/// Whether it set weights within the activity cutoff at the last epoch.
	pub active: bool,
	/// Its axon endpoint.
	pub axon_info: AxonInfo,
	/// Its prometheus endpoint.
	pub prometheus_info: PrometheusInfo,
	/// Stake on the hotkey on this subnet by coldkey, alpha-RAO.
	pub stake: Vec<(AccountId, Compact<u64>)>,
	/// Legacy rank.
	pub rank: Compact<u16>,
	/// Alpha it earned at the last epoch.
	pub emission: Compact<u64>,
	/// Incentive share.
	pub incentive: Compact<u16>,
	/// Consensus weight.
	pub consensus: Compact<u16>,
	/// Legacy trust.
	pub trust: Compact<u16>,
	/// Validator trust.
	pub validator_trust: Compact<u16>,
	/// Dividend share.
	pub dividends: Compact<u16>,
	/// Block of its last weights.
	pub last_update: Compact<u64>,
	/// Whether it holds a validator permit.
	pub validator_permit: bool,
	/// Its weights `(uid, u16)`.
	pub weights: Vec<(Compact<u16>, Compact<u16>)>,
	/// Its bonds `(uid, u16)`.
	pub bonds: Vec<(Compact<u16>, Compact<u16>)>,
	/// Pruning score.
	pub pruning_score: Compact<u16>,
}

impl<T: Config> Pallet<T> {
	fn neuron_parts(netuid: NetUid, uid: u16) -> Option<NeuronInfo<T::AccountId>> {
		let hotkey = Keys::<T>::get(netuid, uid)?;
		let i = usize::from(uid);
		let u16_at = |v: BoundedVec<u16, MaxUids>| Compact(v.get(i).copied().unwrap_or(0));
		let stake = Alpha::<T>::iter_prefix((&hotkey,))
			.filter(|((_, n), _)| *n == netuid)
			.map(|((coldkey, _), _)| {
				let value = Self::stake_of(&hotkey, &coldkey, netuid);
				(coldkey, Compact(value))
			})
			.collect();
		let pair = |row: BoundedVec<(u16, u16), MaxUids>| {
			row.into_iter().map(|(j, w)| (Compact(j), Compact(w))).collect()
		};
		Some(NeuronInfo {
			coldkey: Owner::<T>::get(&hotkey),
			uid: Compact(uid),
			netuid: Compact(netuid),
			active: Active::<T>::get(netuid).get(i).copied().unwrap_or(false),
			axon_info: Axons::<T>::get(netuid, &hotkey).unwrap_or_default(),
			prometheus_info: Prometheus::<T>::get(netuid, &hotkey).unwrap_or_default(),
			stake,
			rank: u16_at(Rank::<T>::get(netuid)),
			emission: Compact(Emission::<T>::get(netuid).get(i).copied().unwrap_or(0)),
			incentive: u16_at(Incentive::<T>::get(netuid)),
			consensus: u16_at(Consensus::<T>::get(netuid)),
			trust: u16_at(Trust::<T>::get(netuid)),
			validator_trust: u16_at(ValidatorTrust::<T>::get(netuid)),
			dividends: u16_at(Dividends::<T>::get(netuid)),
			last_update: Compact(LastUpdate::<T>::get(netuid).get(i).copied().unwrap_or(0)),
			validator_permit: ValidatorPermit::<T>::get(netuid).get(i).copied().unwrap_or(false),
			weights: pair(Weights::<T>::get(netuid, uid)),
			bonds: pair(Bonds::<T>::get(netuid, uid)),
			pruning_score: u16_at(PruningScores::<T>::get(netuid)),
			hotkey,
		})
	}

	/// `get_neuron`: UID `uid` of `netuid` with its weights and bonds.
	pub fn get_neuron(netuid: NetUid, uid: u16) -> Option<NeuronInfo<T::AccountId>> {
		Self::neuron_parts(netuid, uid)
	}

	/// `get_neurons`: every UID of `netuid`, by UID.
	pub fn get_neurons(netuid: NetUid) -> Vec<NeuronInfo<T::AccountId>> {
		(0..SubnetworkN::<T>::get(netuid))
			.filter_map(|uid| Self::neuron_parts(netuid, uid))
			.collect()
	}

	/// `get_neuron_lite`: UID `uid` of `netuid` without weights and bonds.
	pub fn get_neuron_lite(netuid: NetUid, uid: u16) -> Option<NeuronInfoLite<T::AccountId>> {
		Self::neuron_parts(netuid, uid).map(Self::lite)
	}

	/// `get_neurons_lite`: every UID of `netuid`, by UID, without weights and bonds.
	pub fn get_neurons_lite(netuid: NetUid) -> Vec<NeuronInfoLite<T::AccountId>> {
		(0..SubnetworkN::<T>::get(netuid))
			.filter_map(|uid| Self::neuron_parts(netuid, uid))
			.map(Self::lite)
			.collect()
	}

	fn lite(n: NeuronInfo<T::AccountId>) -> NeuronInfoLite<T::AccountId> {
		NeuronInfoLite {
			hotkey: n.hotkey,
			coldkey: n.coldkey,
			uid: n.uid,
			netuid: n.netuid,
			active: n.active,
			axon_info: n.axon_info,
			prometheus_info: n.prometheus_info,
			stake: n.stake,
			rank: n.rank,
			emission: n.emission,
			incentive: n.incentive,
			consensus: n.consensus,
			trust: n.trust,
			validator_trust: n.validator_trust,
			dividends: n.dividends,
			last_update: n.last_update,
			validator_permit: n.validator_permit,
			pruning_score: n.pruning_score,
		}
	}
}
