//! `SubnetInfoRuntimeApi.get_subnet_state`: a subnet's per-UID state, which the SDK's
//! `metagraph()` sync reads for stake (clients.md §3.1).

use super::metagraph::UidView;
use crate::*;
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;

/// A subnet's per-UID state (the reference's `SubnetState`, fields in its order). Every vector
/// is indexed by UID and has one entry per UID in use.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetState<AccountId> {
	/// The subnet.
	pub netuid: Compact<NetUid>,
	/// Hotkey of each UID.
	pub hotkeys: Vec<AccountId>,
	/// Coldkey owning each hotkey.
	pub coldkeys: Vec<AccountId>,
	/// Whether each UID was active at the last epoch.
	pub active: Vec<bool>,
	/// Whether each UID holds a validator permit.
	pub validator_permit: Vec<bool>,
	/// Pruning score of each UID.
	pub pruning_score: Vec<Compact<u16>>,
	/// Block of each UID's last weights (its registration block until then).
	pub last_update: Vec<Compact<u64>>,
	/// Alpha each UID earned at the last epoch.
	pub emission: Vec<Compact<u64>>,
	/// Dividend share of each UID (u16 proportion).
	pub dividends: Vec<Compact<u16>>,
	/// Incentive share of each UID (u16 proportion).
	pub incentives: Vec<Compact<u16>>,
	/// Consensus weight of each UID (u16 proportion).
	pub consensus: Vec<Compact<u16>>,
	/// Legacy trust of each UID (u16 proportion).
	pub trust: Vec<Compact<u16>>,
	/// Legacy rank of each UID (u16 proportion).
	pub rank: Vec<Compact<u16>>,
	/// Block at which each UID was registered.
	pub block_at_registration: Vec<Compact<u64>>,
	/// Alpha staked to each hotkey on this subnet.
	pub alpha_stake: Vec<Compact<u64>>,
	/// TAO staked to each hotkey on root (clients weight it by `TaoWeight` themselves).
	pub tao_stake: Vec<Compact<u64>>,
	/// The stake the epoch counts: alpha plus `TaoWeight` × root stake.
	pub total_stake: Vec<Compact<u64>>,
	/// For every subnet (in netuid order), what each of these hotkeys earned there at its last
	/// epoch (0 where it holds no UID).
	pub emission_history: Vec<Vec<Compact<u64>>>,
}

impl<T: Config> Pallet<T> {
	/// `get_subnet_state`: `None` for an unknown subnet.
	pub fn get_subnet_state(netuid: NetUid) -> Option<SubnetState<T::AccountId>> {
		if !Self::subnet_exists(netuid) {
			return None;
		}
		let mut view = UidView::<T>::new(netuid);
		let emission_history = Self::subnet_netuids()
			.into_iter()
			.map(|net| {
				let emission = Emission::<T>::get(net);
				view.hotkeys
					.iter()
					.map(|hotkey| {
						let uid = Uids::<T>::get(net, hotkey);
						let earned = uid.and_then(|uid| emission.get(usize::from(uid)).copied());
						Compact(earned.unwrap_or(0))
					})
					.collect()
			})
			.collect();
		let (alpha_stake, tao_stake, total_stake) = view.stakes();
		Some(SubnetState {
			netuid: Compact(netuid),
			hotkeys: view.hotkeys.clone(),
			coldkeys: view.coldkeys(),
			active: view.active(),
			validator_permit: view.validator_permit(),
			pruning_score: view.pruning_score(),
			last_update: view.last_update(),
			emission: view.emission(),
			dividends: view.dividends(),
			incentives: view.incentives(),
			consensus: view.consensus(),
			trust: view.trust(),
			rank: view.rank(),
			block_at_registration: view.block_at_registration(),
			alpha_stake,
			tao_stake,
			total_stake,
			emission_history,
		})
	}
}
