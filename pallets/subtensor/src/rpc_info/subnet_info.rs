//! `SubnetInfoRuntimeApi`: subnet summaries (`get_subnet_info`, `_v2`), hyperparameters (v1,
//! v2 structs and the v3 name/value list), the subnet to prune and auto-stake destinations.
//!
//! Names and field order are the reference's (clients index them). Where the reference
//! reports a parameter this chain does not have, the field says what is true here:
//! `scaling_law_power`, `network_modality` 0 and `network_connect` empty (no such concepts),
//! `user_liquidity_enabled` false (no user liquidity). `emission_value(s)` is the subnet's TAO
//! emission of the last block (the reference reports 0). The v3 list leaves out the
//! reference's names this chain does not track (`activity_cutoff_factor`, `burn_half_life`,
//! `burn_increase_mult`, `owner_cut_enabled`, `owner_cut_auto_lock_enabled`,
//! `min_childkey_take`) and adds `rho`, `difficulty`, `min_difficulty`, `max_difficulty`,
//! `adjustment_interval`, `adjustment_alpha` and `bonds_penalty`; clients look entries up by
//! name.

use crate::*;
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use frame_support::traits::Get;
use scale_info::TypeInfo;
use substrate_fixed::types::{I32F32, U64F64};

/// A subnet's summary, v1 (the reference's `SubnetInfo`).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetInfo<AccountId> {
	/// The subnet.
	pub netuid: Compact<NetUid>,
	/// `Rho`.
	pub rho: Compact<u16>,
	/// `Kappa`.
	pub kappa: Compact<u16>,
	/// `Difficulty` (PoW is not offered).
	pub difficulty: Compact<u64>,
	/// `ImmunityPeriod`.
	pub immunity_period: Compact<u16>,
	/// `MaxAllowedValidators`.
	pub max_allowed_validators: Compact<u16>,
	/// `MinAllowedWeights`.
	pub min_allowed_weights: Compact<u16>,
	/// `MaxWeightsLimit`.
	pub max_weights_limit: Compact<u16>,
	/// No such parameter here: 0.
	pub scaling_law_power: Compact<u16>,
	/// UIDs in use.
	pub subnetwork_n: Compact<u16>,
	/// `MaxAllowedUids`.
	pub max_allowed_uids: Compact<u16>,
	/// `BlocksSinceLastStep`.
	pub blocks_since_last_step: Compact<u64>,
	/// `Tempo`.
	pub tempo: Compact<u16>,
	/// No such concept here: 0.
	pub network_modality: Compact<u16>,
	/// No such concept here: empty.
	pub network_connect: Vec<[u16; 2]>,
	/// TAO the subnet received from the last block's emission, RAO.
	pub emission_values: Compact<u64>,
	/// `Burn`: the UID registration cost, RAO.
	pub burn: Compact<u64>,
	/// The owner coldkey (the zero account for root).
	pub owner: AccountId,
}

/// A subnet's summary, v2 (the reference's `SubnetInfov2`): v1 with `emission_value` and the
/// identity.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetInfov2<AccountId> {
	/// The subnet.
	pub netuid: Compact<NetUid>,
	/// `Rho`.
	pub rho: Compact<u16>,
	/// `Kappa`.
	pub kappa: Compact<u16>,
	/// `Difficulty` (PoW is not offered).
	pub difficulty: Compact<u64>,
	/// `ImmunityPeriod`.
	pub immunity_period: Compact<u16>,
	/// `MaxAllowedValidators`.
	pub max_allowed_validators: Compact<u16>,
	/// `MinAllowedWeights`.
	pub min_allowed_weights: Compact<u16>,
	/// `MaxWeightsLimit`.
	pub max_weights_limit: Compact<u16>,
	/// No such parameter here: 0.
	pub scaling_law_power: Compact<u16>,
	/// UIDs in use.
	pub subnetwork_n: Compact<u16>,
	/// `MaxAllowedUids`.
	pub max_allowed_uids: Compact<u16>,
	/// `BlocksSinceLastStep`.
	pub blocks_since_last_step: Compact<u64>,
	/// `Tempo`.
	pub tempo: Compact<u16>,
	/// No such concept here: 0.
	pub network_modality: Compact<u16>,
	/// No such concept here: empty.
	pub network_connect: Vec<[u16; 2]>,
	/// TAO the subnet received from the last block's emission, RAO.
	pub emission_value: Compact<u64>,
	/// `Burn`: the UID registration cost, RAO.
	pub burn: Compact<u64>,
	/// The owner coldkey (the zero account for root).
	pub owner: AccountId,
	/// `SubnetIdentitiesV3`.
	pub identity: Option<SubnetIdentityV3>,
}

/// A subnet's hyperparameters, v1 (the reference's `SubnetHyperparams`).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetHyperparams {
	/// `Rho`.
	pub rho: Compact<u16>,
	/// `Kappa`.
	pub kappa: Compact<u16>,
	/// `ImmunityPeriod`.
	pub immunity_period: Compact<u16>,
	/// `MinAllowedWeights`.
	pub min_allowed_weights: Compact<u16>,
	/// `MaxWeightsLimit`.
	pub max_weights_limit: Compact<u16>,
	/// `Tempo`.
	pub tempo: Compact<u16>,
	/// `MinDifficulty`.
	pub min_difficulty: Compact<u64>,
	/// `MaxDifficulty`.
	pub max_difficulty: Compact<u64>,
	/// `WeightsVersionKey`.
	pub weights_version: Compact<u64>,
	/// `WeightsSetRateLimit`.
	pub weights_rate_limit: Compact<u64>,
	/// `AdjustmentInterval`.
	pub adjustment_interval: Compact<u16>,
	/// `ActivityCutoff`.
	pub activity_cutoff: Compact<u64>,
	/// `NetworkRegistrationAllowed`.
	pub registration_allowed: bool,
	/// `TargetRegistrationsPerInterval`.
	pub target_regs_per_interval: Compact<u16>,
	/// `MinBurn`.
	pub min_burn: Compact<u64>,
	/// `MaxBurn`.
	pub max_burn: Compact<u64>,
	/// `BondsMovingAverage`.
	pub bonds_moving_avg: Compact<u64>,
	/// `MaxRegistrationsPerBlock`.
	pub max_regs_per_block: Compact<u16>,
	/// `ServingRateLimit`.
	pub serving_rate_limit: Compact<u64>,
	/// `MaxAllowedValidators`.
	pub max_validators: Compact<u16>,
	/// `AdjustmentAlpha`.
	pub adjustment_alpha: Compact<u64>,
	/// `Difficulty`.
	pub difficulty: Compact<u64>,
	/// Commit-reveal period in epochs ([`Pallet::commit_reveal_period`]).
	pub commit_reveal_period: Compact<u64>,
	/// `CommitRevealWeightsEnabled`.
	pub commit_reveal_weights_enabled: bool,
	/// High liquid-alpha bound (`AlphaValues.1`).
	pub alpha_high: Compact<u16>,
	/// Low liquid-alpha bound (`AlphaValues.0`).
	pub alpha_low: Compact<u16>,
	/// `LiquidAlphaOn`.
	pub liquid_alpha_enabled: bool,
}

/// A subnet's hyperparameters, v2 (the reference's `SubnetHyperparamsV2`): v1 and five more.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct SubnetHyperparamsV2 {
	/// `Rho`.
	pub rho: Compact<u16>,
	/// `Kappa`.
	pub kappa: Compact<u16>,
	/// `ImmunityPeriod`.
	pub immunity_period: Compact<u16>,
	/// `MinAllowedWeights`.
	pub min_allowed_weights: Compact<u16>,
	/// `MaxWeightsLimit`.
	pub max_weights_limit: Compact<u16>,
	/// `Tempo`.
	pub tempo: Compact<u16>,
	/// `MinDifficulty`.
	pub min_difficulty: Compact<u64>,
	/// `MaxDifficulty`.
	pub max_difficulty: Compact<u64>,
	/// `WeightsVersionKey`.
	pub weights_version: Compact<u64>,
	/// `WeightsSetRateLimit`.
	pub weights_rate_limit: Compact<u64>,
	/// `AdjustmentInterval`.
	pub adjustment_interval: Compact<u16>,
	/// `ActivityCutoff`.
	pub activity_cutoff: Compact<u64>,
	/// `NetworkRegistrationAllowed`.
	pub registration_allowed: bool,
	/// `TargetRegistrationsPerInterval`.
	pub target_regs_per_interval: Compact<u16>,
	/// `MinBurn`.
	pub min_burn: Compact<u64>,
	/// `MaxBurn`.
	pub max_burn: Compact<u64>,
	/// `BondsMovingAverage`.
	pub bonds_moving_avg: Compact<u64>,
	/// `MaxRegistrationsPerBlock`.
	pub max_regs_per_block: Compact<u16>,
	/// `ServingRateLimit`.
	pub serving_rate_limit: Compact<u64>,
	/// `MaxAllowedValidators`.
	pub max_validators: Compact<u16>,
	/// `AdjustmentAlpha`.
	pub adjustment_alpha: Compact<u64>,
	/// `Difficulty`.
	pub difficulty: Compact<u64>,
	/// Commit-reveal period in epochs ([`Pallet::commit_reveal_period`]).
	pub commit_reveal_period: Compact<u64>,
	/// `CommitRevealWeightsEnabled`.
	pub commit_reveal_weights_enabled: bool,
	/// High liquid-alpha bound.
	pub alpha_high: Compact<u16>,
	/// Low liquid-alpha bound.
	pub alpha_low: Compact<u16>,
	/// `LiquidAlphaOn`.
	pub liquid_alpha_enabled: bool,
	/// `AlphaSigmoidSteepness` as a fixed-point number.
	pub alpha_sigmoid_steepness: I32F32,
	/// 3 with `Yuma3On`, else 2.
	pub yuma_version: Compact<u16>,
	/// `SubtokenEnabled` (the start call was made).
	pub subnet_is_active: bool,
	/// `TransferToggle`.
	pub transfers_enabled: bool,
	/// `BondsResetOn`.
	pub bonds_reset_enabled: bool,
	/// No user liquidity on this chain: false.
	pub user_liquidity_enabled: bool,
}

/// The value of one hyperparameter in the v3 list (the reference's variants; clients match on
/// the variant name).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum HyperparamValue {
	/// A flag.
	Bool(bool),
	/// A u16 (proportions are u16 / 65535).
	U16(Compact<u16>),
	/// A u32.
	U32(Compact<u32>),
	/// A u64.
	U64(Compact<u64>),
	/// A u128.
	U128(Compact<u128>),
	/// An amount of TAO, RAO.
	TaoBalance(Compact<u64>),
	/// A signed fixed-point number with 32 fractional bits.
	I32F32(I32F32),
	/// An unsigned fixed-point number with 64 fractional bits.
	U64F64(U64F64),
}

/// One named hyperparameter of the v3 list (the reference's `HyperparamEntry`).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct HyperparamEntry {
	/// ASCII name, as the v1/v2 field names.
	pub name: Vec<u8>,
	/// Typed value.
	pub value: HyperparamValue,
}

/// The v3 hyperparameters: a list of named values (`get_subnet_hyperparams_v3`).
pub type SubnetHyperparamsV3 = Vec<HyperparamEntry>;

impl<T: Config> Pallet<T> {
	/// The commit-reveal period of `netuid` in epochs (`RevealPeriodEpochs`).
	pub fn commit_reveal_period(netuid: NetUid) -> u64 {
		RevealPeriodEpochs::<T>::get(netuid)
	}

	/// Owner coldkey of `netuid` (the zero account for root).
	fn owner_or_unowned(netuid: NetUid) -> T::AccountId {
		SubnetOwner::<T>::get(netuid).unwrap_or_else(T::UnownedAccount::get)
	}

	/// `AlphaSigmoidSteepness` as the reference's `I32F32`.
	pub fn alpha_sigmoid_steepness_fixed(netuid: NetUid) -> I32F32 {
		I32F32::saturating_from_num(AlphaSigmoidSteepness::<T>::get(netuid))
	}

	/// 3 when the subnet runs Yuma 3 bonds, else 2.
	pub fn yuma_version(netuid: NetUid) -> u16 {
		if Yuma3On::<T>::get(netuid) {
			3
		} else {
			2
		}
	}

	/// `get_subnet_info`: `None` for an unknown subnet.
	pub fn get_subnet_info(netuid: NetUid) -> Option<SubnetInfo<T::AccountId>> {
		let v2 = Self::get_subnet_info_v2(netuid)?;
		Some(SubnetInfo {
			netuid: v2.netuid,
			rho: v2.rho,
			kappa: v2.kappa,
			difficulty: v2.difficulty,
			immunity_period: v2.immunity_period,
			max_allowed_validators: v2.max_allowed_validators,
			min_allowed_weights: v2.min_allowed_weights,
			max_weights_limit: v2.max_weights_limit,
			scaling_law_power: v2.scaling_law_power,
			subnetwork_n: v2.subnetwork_n,
			max_allowed_uids: v2.max_allowed_uids,
			blocks_since_last_step: v2.blocks_since_last_step,
			tempo: v2.tempo,
			network_modality: v2.network_modality,
			network_connect: v2.network_connect,
			emission_values: v2.emission_value,
			burn: v2.burn,
			owner: v2.owner,
		})
	}

	/// `get_subnets_info`: every subnet, root included, in netuid order.
	pub fn get_subnets_info() -> Vec<Option<SubnetInfo<T::AccountId>>> {
		Self::subnet_netuids().into_iter().map(Self::get_subnet_info).collect()
	}

	/// `get_subnet_info_v2`: `None` for an unknown subnet.
	pub fn get_subnet_info_v2(netuid: NetUid) -> Option<SubnetInfov2<T::AccountId>> {
		if !Self::subnet_exists(netuid) {
			return None;
		}
		Some(SubnetInfov2 {
			netuid: Compact(netuid),
			rho: Compact(Rho::<T>::get(netuid)),
			kappa: Compact(Kappa::<T>::get(netuid)),
			difficulty: Compact(Difficulty::<T>::get(netuid)),
			immunity_period: Compact(ImmunityPeriod::<T>::get(netuid)),
			max_allowed_validators: Compact(MaxAllowedValidators::<T>::get(netuid)),
			min_allowed_weights: Compact(MinAllowedWeights::<T>::get(netuid)),
			max_weights_limit: Compact(MaxWeightsLimit::<T>::get(netuid)),
			scaling_law_power: Compact(0),
			subnetwork_n: Compact(SubnetworkN::<T>::get(netuid)),
			max_allowed_uids: Compact(MaxAllowedUids::<T>::get(netuid)),
			blocks_since_last_step: Compact(BlocksSinceLastStep::<T>::get(netuid)),
			tempo: Compact(Tempo::<T>::get(netuid)),
			network_modality: Compact(0),
			network_connect: Vec::new(),
			emission_value: Compact(SubnetTaoInEmission::<T>::get(netuid)),
			burn: Compact(Burn::<T>::get(netuid)),
			owner: Self::owner_or_unowned(netuid),
			identity: SubnetIdentitiesV3::<T>::get(netuid),
		})
	}

	/// `get_subnets_info_v2`: every subnet, root included, in netuid order.
	pub fn get_subnets_info_v2() -> Vec<Option<SubnetInfov2<T::AccountId>>> {
		Self::subnet_netuids().into_iter().map(Self::get_subnet_info_v2).collect()
	}

	/// `get_subnet_hyperparams`: `None` for an unknown subnet.
	pub fn get_subnet_hyperparams(netuid: NetUid) -> Option<SubnetHyperparams> {
		let v2 = Self::get_subnet_hyperparams_v2(netuid)?;
		Some(SubnetHyperparams {
			rho: v2.rho,
			kappa: v2.kappa,
			immunity_period: v2.immunity_period,
			min_allowed_weights: v2.min_allowed_weights,
			max_weights_limit: v2.max_weights_limit,
			tempo: v2.tempo,
			min_difficulty: v2.min_difficulty,
			max_difficulty: v2.max_difficulty,
			weights_version: v2.weights_version,
			weights_rate_limit: v2.weights_rate_limit,
			adjustment_interval: v2.adjustment_interval,
			activity_cutoff: v2.activity_cutoff,
			registration_allowed: v2.registration_allowed,
			target_regs_per_interval: v2.target_regs_per_interval,
			min_burn: v2.min_burn,
			max_burn: v2.max_burn,
			bonds_moving_avg: v2.bonds_moving_avg,
			max_regs_per_block: v2.max_regs_per_block,
			serving_rate_limit: v2.serving_rate_limit,
			max_validators: v2.max_validators,
			adjustment_alpha: v2.adjustment_alpha,
			difficulty: v2.difficulty,
			commit_reveal_period: v2.commit_reveal_period,
			commit_reveal_weights_enabled: v2.commit_reveal_weights_enabled,
			alpha_high: v2.alpha_high,
			alpha_low: v2.alpha_low,
			liquid_alpha_enabled: v2.liquid_alpha_enabled,
		})
	}

	/// `get_subnet_hyperparams_v2`: `None` for an unknown subnet.
	pub fn get_subnet_hyperparams_v2(netuid: NetUid) -> Option<SubnetHyperparamsV2> {
		if !Self::subnet_exists(netuid) {
			return None;
		}
		let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);
		Some(SubnetHyperparamsV2 {
			rho: Compact(Rho::<T>::get(netuid)),
			kappa: Compact(Kappa::<T>::get(netuid)),
			immunity_period: Compact(ImmunityPeriod::<T>::get(netuid)),
			min_allowed_weights: Compact(MinAllowedWeights::<T>::get(netuid)),
			max_weights_limit: Compact(MaxWeightsLimit::<T>::get(netuid)),
			tempo: Compact(Tempo::<T>::get(netuid)),
			min_difficulty: Compact(MinDifficulty::<T>::get(netuid)),
			max_difficulty: Compact(MaxDifficulty::<T>::get(netuid)),
			weights_version: Compact(WeightsVersionKey::<T>::get(netuid)),
			weights_rate_limit: Compact(WeightsSetRateLimit::<T>::get(netuid)),
			adjustment_interval: Compact(AdjustmentInterval::<T>::get(netuid)),
			activity_cutoff: Compact(u64::from(ActivityCutoff::<T>::get(netuid))),
			registration_allowed: NetworkRegistrationAllowed::<T>::get(netuid),
			target_regs_per_interval: Compact(TargetRegistrationsPerInterval::<T>::get(netuid)),
			min_burn: Compact(MinBurn::<T>::get(netuid)),
			max_burn: Compact(MaxBurn::<T>::get(netuid)),
			bonds_moving_avg: Compact(BondsMovingAverage::<T>::get(netuid)),
			max_regs_per_block: Compact(MaxRegistrationsPerBlock::<T>::get(netuid)),
			serving_rate_limit: Compact(ServingRateLimit::<T>::get(netuid)),
			max_validators: Compact(MaxAllowedValidators::<T>::get(netuid)),
			adjustment_alpha: Compact(AdjustmentAlpha::<T>::get(netuid)),
			difficulty: Compact(Difficulty::<T>::get(netuid)),
			commit_reveal_period: Compact(Self::commit_reveal_period(netuid)),
			commit_reveal_weights_enabled: CommitRevealWeightsEnabled::<T>::get(netuid),
			alpha_high: Compact(alpha_high),
			alpha_low: Compact(alpha_low),
			liquid_alpha_enabled: LiquidAlphaOn::<T>::get(netuid),
			alpha_sigmoid_steepness: Self::alpha_sigmoid_steepness_fixed(netuid),
			yuma_version: Compact(Self::yuma_version(netuid)),
			subnet_is_active: SubtokenEnabled::<T>::get(netuid),
			transfers_enabled: TransferToggle::<T>::get(netuid),
			bonds_reset_enabled: BondsResetOn::<T>::get(netuid),
			user_liquidity_enabled: false,
		})
	}

	/// `get_subnet_hyperparams_v3`: every hyperparameter of `netuid` by name (module docs);
	/// `None` for an unknown subnet.
	pub fn get_subnet_hyperparams_v3(netuid: NetUid) -> Option<SubnetHyperparamsV3> {
		use HyperparamValue::{Bool, TaoBalance, I32F32 as Fixed, U16, U64};
		if !Self::subnet_exists(netuid) {
			return None;
		}
		let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);
		let entries: Vec<(&str, HyperparamValue)> = alloc::vec![
			("rho", U16(Compact(Rho::<T>::get(netuid)))),
			("kappa", U16(Compact(Kappa::<T>::get(netuid)))),
			("immunity_period", U16(Compact(ImmunityPeriod::<T>::get(netuid)))),
			("min_allowed_weights", U16(Compact(MinAllowedWeights::<T>::get(netuid)))),
			("max_weights_limit", U16(Compact(MaxWeightsLimit::<T>::get(netuid)))),
			("tempo", U16(Compact(Tempo::<T>::get(netuid)))),
			("min_difficulty", U64(Compact(MinDifficulty::<T>::get(netuid)))),
			("max_difficulty", U64(Compact(MaxDifficulty::<T>::get(netuid)))),
			("weights_version", U64(Compact(WeightsVersionKey::<T>::get(netuid)))),
			("weights_rate_limit", U64(Compact(WeightsSetRateLimit::<T>::get(netuid)))),
			("adjustment_interval", U16(Compact(AdjustmentInterval::<T>::get(netuid)))),
			("activity_cutoff", U64(Compact(u64::from(ActivityCutoff::<T>::get(netuid))))),
			("registration_allowed", Bool(NetworkRegistrationAllowed::<T>::get(netuid))),
			(
				"target_regs_per_interval",
				U16(Compact(TargetRegistrationsPerInterval::<T>::get(netuid))),
			),
			("min_burn", TaoBalance(Compact(MinBurn::<T>::get(netuid)))),
			("max_burn", TaoBalance(Compact(MaxBurn::<T>::get(netuid)))),
			("bonds_moving_avg", U64(Compact(BondsMovingAverage::<T>::get(netuid)))),
			("bonds_penalty", U16(Compact(BondsPenalty::<T>::get(netuid)))),
			("max_regs_per_block", U16(Compact(MaxRegistrationsPerBlock::<T>::get(netuid)))),
			("serving_rate_limit", U64(Compact(ServingRateLimit::<T>::get(netuid)))),
			("max_validators", U16(Compact(MaxAllowedValidators::<T>::get(netuid)))),
			("adjustment_alpha", U64(Compact(AdjustmentAlpha::<T>::get(netuid)))),
			("difficulty", U64(Compact(Difficulty::<T>::get(netuid)))),
			("commit_reveal_period", U64(Compact(Self::commit_reveal_period(netuid)))),
			("commit_reveal_weights_enabled", Bool(CommitRevealWeightsEnabled::<T>::get(netuid))),
			("alpha_high", U16(Compact(alpha_high))),
			("alpha_low", U16(Compact(alpha_low))),
			("liquid_alpha_enabled", Bool(LiquidAlphaOn::<T>::get(netuid))),
			("alpha_sigmoid_steepness", Fixed(Self::alpha_sigmoid_steepness_fixed(netuid))),
			("yuma_version", U16(Compact(Self::yuma_version(netuid)))),
			("subnet_is_active", Bool(SubtokenEnabled::<T>::get(netuid))),
			("transfers_enabled", Bool(TransferToggle::<T>::get(netuid))),
			("bonds_reset_enabled", Bool(BondsResetOn::<T>::get(netuid))),
			("user_liquidity_enabled", Bool(false)),
		];
		Some(
			entries
				.into_iter()
				.map(|(name, value)| HyperparamEntry { name: name.as_bytes().to_vec(), value })
				.collect(),
		)
	}

	/// `get_subnet_to_prune`: the subnet a new registration would replace at the subnet limit
	/// (`None` if none may be pruned).
	pub fn get_subnet_to_prune() -> Option<NetUid> {
		Self::get_network_to_prune()
	}

	/// `get_coldkey_auto_stake_hotkey`: the hotkey `coldkey`'s mining rewards on `netuid` are
	/// staked to. Always `None`: this chain has no auto-stake destinations (rewards are staked to
	/// the miner's own hotkey).
	pub fn get_coldkey_auto_stake_hotkey(
		_coldkey: &T::AccountId,
		_netuid: NetUid,
	) -> Option<T::AccountId> {
		None
	}
}
