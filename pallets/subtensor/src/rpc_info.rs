//! Plain data returned by the runtime APIs (clients.md §5.5), with the field names clients
//! index, and the pallet functions that compute them.

use crate::*;
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use substrate_fixed::types::I96F32;
use subtensor_math::pool::{self, Swap};

/// The spot price of one subnet: `SwapRuntimeApi.current_alpha_price_all`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetPrice {
	/// The subnet.
	pub netuid: NetUid,
	/// RAO per alpha (10⁹ = 1.0).
	pub price: u64,
}

/// A simulated swap: `SwapRuntimeApi.sim_swap_tao_for_alpha` / `sim_swap_alpha_for_tao`.
///
/// For TAO → alpha, `tao_amount` is paid (fee included) and `alpha_amount` received; for
/// alpha → TAO, `alpha_amount` is paid and `tao_amount` received. The fee is in the input
/// token; the slippage is what the output falls short of the input's value at the spot price
/// before the swap (fee excluded), in the output token.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SimSwapResult {
	/// TAO paid in or received, RAO.
	pub tao_amount: u64,
	/// Alpha received or paid in, alpha-RAO.
	pub alpha_amount: u64,
	/// Fee in TAO (on a TAO → alpha swap).
	pub tao_fee: u64,
	/// Fee in alpha (on an alpha → TAO swap).
	pub alpha_fee: u64,
	/// TAO short of the spot value (on an alpha → TAO swap).
	pub tao_slippage: u64,
	/// Alpha short of the spot value (on a TAO → alpha swap).
	pub alpha_slippage: u64,
}

impl<T: Config> Pallet<T> {
	/// `current_alpha_price_all`: the spot price of every subnet, root included, by netuid.
	pub fn current_alpha_price_all() -> Vec<SubnetPrice> {
		let mut prices: Vec<SubnetPrice> = NetworksAdded::<T>::iter()
			.filter(|(_, added)| *added)
			.map(|(netuid, _)| SubnetPrice { netuid, price: Self::current_alpha_price(netuid) })
			.collect();
		prices.sort_by_key(|p| p.netuid);
		prices
	}

	/// `sim_swap_tao_for_alpha`: what staking `tao` on `netuid` would give now, exactly as
	/// `add_stake` would execute it. All zeros if the subnet does not exist or the swap would
	/// be refused (empty pool, too little liquidity).
	pub fn sim_swap_tao_for_alpha(netuid: NetUid, tao: u64) -> SimSwapResult {
		if !Self::subnet_exists(netuid) {
			return SimSwapResult::default();
		}
		let before = Self::reserves(netuid);
		match Self::quote_buy(netuid, tao, false) {
			Ok(Swap { amount_in, fee, amount_out, .. }) => {
				let ideal = if Self::is_dynamic(netuid) {
					pool::alpha_at_spot(before, amount_in.saturating_sub(fee))
				} else {
					amount_in
				};
				SimSwapResult {
					tao_amount: amount_in,
					alpha_amount: amount_out,
					tao_fee: fee,
					alpha_fee: 0,
					tao_slippage: 0,
					alpha_slippage: ideal.saturating_sub(amount_out),
				}
			},
			Err(_) => SimSwapResult::default(),
		}
	}

	/// `sim_swap_alpha_for_tao`: what unstaking `alpha` on `netuid` would give now, exactly as
	/// `remove_stake` would execute it. All zeros if it would be refused.
	pub fn sim_swap_alpha_for_tao(netuid: NetUid, alpha: u64) -> SimSwapResult {
		if !Self::subnet_exists(netuid) {
			return SimSwapResult::default();
		}
		let before = Self::reserves(netuid);
		match Self::quote_sell(netuid, alpha, false) {
			Ok(Swap { amount_in, fee, amount_out, .. }) => {
				let ideal = if Self::is_dynamic(netuid) {
					pool::tao_at_spot(before, amount_in.saturating_sub(fee))
				} else {
					amount_in
				};
				SimSwapResult {
					tao_amount: amount_out,
					alpha_amount: amount_in,
					tao_fee: 0,
					alpha_fee: fee,
					tao_slippage: ideal.saturating_sub(amount_out),
					alpha_slippage: 0,
				}
			},
			Err(_) => SimSwapResult::default(),
		}
	}
}

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

/// A subnet's pool and emission state: `SubnetInfoRuntimeApi.get_dynamic_info`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct DynamicInfo<AccountId> {
	/// The subnet.
	pub netuid: Compact<u16>,
	/// Owner hotkey (the zero account for root).
	pub owner_hotkey: AccountId,
	/// Owner coldkey (the zero account for root).
	pub owner_coldkey: AccountId,
	/// Name from its identity (UTF-8).
	pub subnet_name: Vec<Compact<u8>>,
	/// Token symbol (UTF-8).
	pub token_symbol: Vec<Compact<u8>>,
	/// Tempo.
	pub tempo: Compact<u16>,
	/// Block of its last epoch.
	pub last_step: Compact<u64>,
	/// Blocks since its last epoch.
	pub blocks_since_last_step: Compact<u64>,
	/// TAO it received from the last block's emission, RAO.
	pub emission: Compact<u64>,
	/// Alpha reserve.
	pub alpha_in: Compact<u64>,
	/// Alpha outside the pool.
	pub alpha_out: Compact<u64>,
	/// TAO reserve.
	pub tao_in: Compact<u64>,
	/// Alpha minted for participants by the last block.
	pub alpha_out_emission: Compact<u64>,
	/// Alpha injected into the pool by the last block.
	pub alpha_in_emission: Compact<u64>,
	/// TAO injected into the pool by the last block.
	pub tao_in_emission: Compact<u64>,
	/// Alpha accrued for the next epoch (miners, validators and owner).
	pub pending_alpha_emission: Compact<u64>,
	/// Root's alpha accrued for the next epoch.
	pub pending_root_emission: Compact<u64>,
	/// TAO traded through the pool.
	pub subnet_volume: Compact<u128>,
	/// Block of its registration.
	pub network_registered_at: Compact<u64>,
	/// Its identity.
	pub subnet_identity: Option<SubnetIdentityV3>,
	/// EMA of its price.
	pub moving_price: I96F32,
}

/// A coldkey's stake on a hotkey on a subnet: `StakeInfoRuntimeApi`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct StakeInfo<AccountId> {
	/// The hotkey staked to.
	pub hotkey: AccountId,
	/// The coldkey holding the stake.
	pub coldkey: AccountId,
	/// The subnet.
	pub netuid: Compact<u16>,
	/// The stake, alpha-RAO (TAO on root).
	pub stake: Compact<u64>,
	/// Locked stake (this chain has no locks: 0).
	pub locked: Compact<u64>,
	/// Alpha dividends the hotkey received at the subnet's last epoch.
	pub emission: Compact<u64>,
	/// Root (TAO) dividends the hotkey received from the subnet at its last epoch.
	pub tao_emission: Compact<u64>,
	/// Stake draining (not used by this chain: 0).
	pub drain: Compact<u64>,
	/// Whether the hotkey holds a UID on the subnet.
	pub is_registered: bool,
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

	/// `get_dynamic_info`: the pool and emission state of `netuid`; `None` if it does not
	/// exist.
	pub fn get_dynamic_info(netuid: NetUid) -> Option<DynamicInfo<T::AccountId>> {
		if !Self::subnet_exists(netuid) {
			return None;
		}
		let compact_bytes = |b: &[u8]| b.iter().map(|c| Compact(*c)).collect::<Vec<_>>();
		let identity = SubnetIdentitiesV3::<T>::get(netuid);
		let pending = PendingServerEmission::<T>::get(netuid)
			.saturating_add(PendingValidatorEmission::<T>::get(netuid))
			.saturating_add(PendingOwnerCut::<T>::get(netuid));
		Some(DynamicInfo {
			netuid: Compact(netuid),
			owner_hotkey: SubnetOwnerHotkey::<T>::get(netuid)
				.unwrap_or_else(T::UnownedAccount::get),
			owner_coldkey: SubnetOwner::<T>::get(netuid).unwrap_or_else(T::UnownedAccount::get),
			subnet_name: compact_bytes(
				identity.as_ref().map(|i| i.subnet_name.as_slice()).unwrap_or_default(),
			),
			token_symbol: compact_bytes(&TokenSymbol::<T>::get(netuid)),
			tempo: Compact(Tempo::<T>::get(netuid)),
			last_step: Compact(LastMechansimStepBlock::<T>::get(netuid)),
			blocks_since_last_step: Compact(BlocksSinceLastStep::<T>::get(netuid)),
			emission: Compact(SubnetTaoInEmission::<T>::get(netuid)),
			alpha_in: Compact(SubnetAlphaIn::<T>::get(netuid)),
			alpha_out: Compact(SubnetAlphaOut::<T>::get(netuid)),
			tao_in: Compact(SubnetTAO::<T>::get(netuid)),
			alpha_out_emission: Compact(SubnetAlphaOutEmission::<T>::get(netuid)),
			alpha_in_emission: Compact(SubnetAlphaInEmission::<T>::get(netuid)),
			tao_in_emission: Compact(SubnetTaoInEmission::<T>::get(netuid)),
			pending_alpha_emission: Compact(pending),
			pending_root_emission: Compact(PendingRootAlphaDivs::<T>::get(netuid)),
			subnet_volume: Compact(SubnetVolume::<T>::get(netuid)),
			network_registered_at: Compact(NetworkRegisteredAt::<T>::get(netuid)),
			subnet_identity: identity,
			moving_price: SubnetMovingPrice::<T>::get(netuid),
		})
	}

	/// `get_all_dynamic_info`: every subnet, root included, in netuid order (no holes:
	/// netuids are contiguous).
	pub fn get_all_dynamic_info() -> Vec<Option<DynamicInfo<T::AccountId>>> {
		let mut netuids: Vec<NetUid> =
			NetworksAdded::<T>::iter().filter(|(_, a)| *a).map(|(n, _)| n).collect();
		netuids.sort();
		netuids.into_iter().map(Self::get_dynamic_info).collect()
	}

	fn stake_info(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
	) -> StakeInfo<T::AccountId> {
		StakeInfo {
			hotkey: hotkey.clone(),
			coldkey: coldkey.clone(),
			netuid: Compact(netuid),
			stake: Compact(Self::stake_of(hotkey, coldkey, netuid)),
			locked: Compact(0),
			emission: Compact(AlphaDividendsPerSubnet::<T>::get(netuid, hotkey)),
			tao_emission: Compact(TaoDividendsPerSubnet::<T>::get(netuid, hotkey)),
			drain: Compact(0),
			is_registered: Uids::<T>::contains_key(netuid, hotkey),
		}
	}

	/// `get_stake_info_for_coldkey`: every non-zero stake position of `coldkey`.
	pub fn get_stake_info_for_coldkey(coldkey: &T::AccountId) -> Vec<StakeInfo<T::AccountId>> {
		let mut out = Vec::new();
		// Hotkeys it staked to itself, then those it received stake on.
		let hotkeys = StakingHotkeys::<T>::get(coldkey)
			.into_iter()
			.chain(ReceivedStakeHotkeys::<T>::iter_key_prefix(coldkey));
		for hotkey in hotkeys {
			let hotkey = &hotkey;
			let mut netuids = Self::staked_netuids(hotkey, coldkey);
			netuids.sort();
			for netuid in netuids {
				let info = Self::stake_info(hotkey, coldkey, netuid);
				if info.stake.0 > 0 {
					out.push(info);
				}
			}
		}
		out
	}

	/// `get_stake_info_for_hotkey_coldkey_netuid`: one position (`None` if the subnet does not
	/// exist).
	pub fn get_stake_info_for_hotkey_coldkey_netuid(
		hotkey: &T::AccountId,
		coldkey: &T::AccountId,
		netuid: NetUid,
	) -> Option<StakeInfo<T::AccountId>> {
		Self::subnet_exists(netuid).then(|| Self::stake_info(hotkey, coldkey, netuid))
	}
}
