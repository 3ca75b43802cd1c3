//! Setters of the hyperparameters (economics.md §5), called by `pallet-admin-utils` after it has
//! checked the origin and the bounds. Each writes one item and emits its event.

use crate::*;
use substrate_fixed::types::{I64F64, I96F32, U64F64};

/// A hyperparameter value as the `u128` of [`Event::HyperparameterSet`].
pub trait HyperValue: Copy {
	/// The value widened to `u128` (booleans 0/1; `i16` as its bits; pairs as `hi << 16 | lo`).
	fn to_u128(self) -> u128;
}
impl HyperValue for u16 {
	fn to_u128(self) -> u128 {
		u128::from(self)
	}
}
impl HyperValue for u64 {
	fn to_u128(self) -> u128 {
		u128::from(self)
	}
}
impl HyperValue for bool {
	fn to_u128(self) -> u128 {
		u128::from(self)
	}
}
impl HyperValue for i16 {
	fn to_u128(self) -> u128 {
		u128::from(u16::from_le_bytes(self.to_le_bytes()))
	}
}
impl HyperValue for (u16, u16) {
	fn to_u128(self) -> u128 {
		(u128::from(self.1) << 16) | u128::from(self.0)
	}
}

impl HyperValue for RecycleOrBurnEnum {
	fn to_u128(self) -> u128 {
		match self {
			RecycleOrBurnEnum::Burn => 0,
			RecycleOrBurnEnum::Recycle => 1,
		}
	}
}
impl HyperValue for I96F32 {
	fn to_u128(self) -> u128 {
		u128::from_le_bytes(self.to_bits().to_le_bytes())
	}
}
impl HyperValue for I64F64 {
	fn to_u128(self) -> u128 {
		u128::from_le_bytes(self.to_bits().to_le_bytes())
	}
}
impl HyperValue for U64F64 {
	fn to_u128(self) -> u128 {
		self.to_bits()
	}
}

/// One setter per global item: writes it and emits `GlobalParameterSet(name, v)`.
macro_rules! global_setters {
	($($setter:ident => $item:ident: $ty:ty),* $(,)?) => {
		impl<T: Config> Pallet<T> {
			$(
				#[doc = concat!("Set `", stringify!($item), "` (the caller checks bounds).")]
				pub fn $setter(value: $ty) {
					$item::<T>::put(value);
					Self::deposit_event(Event::GlobalParameterSet(
						stringify!($item).as_bytes().to_vec(),
						HyperValue::to_u128(value),
					));
				}
			)*
		}
	};
}

global_setters! {
	set_tx_rate_limit => TxRateLimit: u64,
	set_tx_delegate_take_rate_limit => TxDelegateTakeRateLimit: u64,
	set_max_delegate_take => MaxDelegateTake: u16,
	set_min_delegate_take => MinDelegateTake: u16,
	set_stake_threshold => StakeThreshold: u64,
	set_nominator_min_required_stake => NominatorMinRequiredStake: u64,
	set_subnet_moving_alpha => SubnetMovingAlpha: I96F32,
	set_ck_burn => CKBurn: u64,
	set_tao_flow_cutoff => TaoFlowCutoff: I64F64,
	set_tao_flow_normalization_exponent => FlowNormExponent: U64F64,
	set_tao_flow_smoothing_factor => FlowEmaSmoothingFactor: u64,
	set_net_tao_flow_enabled => NetTaoFlowEnabled: bool,
}

/// One setter per per-subnet item: writes it and emits `HyperparameterSet(netuid, name, v)`.
macro_rules! subnet_setters {
	($($setter:ident => $item:ident: $ty:ty),* $(,)?) => {
		impl<T: Config> Pallet<T> {
			$(
				#[doc = concat!("Set `", stringify!($item), "` of `netuid` (the caller checks bounds).")]
				pub fn $setter(netuid: NetUid, value: $ty) {
					$item::<T>::insert(netuid, value);
					Self::deposit_event(Event::HyperparameterSet(
						netuid,
						stringify!($item).as_bytes().to_vec(),
						HyperValue::to_u128(value),
					));
				}
			)*
		}
	};
}

subnet_setters! {
	set_tempo_unchecked => Tempo: u16,
	set_max_allowed_uids => MaxAllowedUids: u16,
	set_min_allowed_uids => MinAllowedUids: u16,
	set_immunity_period => ImmunityPeriod: u16,
	set_immune_owner_uids_limit => ImmuneOwnerUidsLimit: u16,
	set_network_registration_allowed => NetworkRegistrationAllowed: bool,
	set_max_registrations_per_block => MaxRegistrationsPerBlock: u16,
	set_target_registrations_per_interval => TargetRegistrationsPerInterval: u16,
	set_adjustment_interval => AdjustmentInterval: u16,
	set_adjustment_alpha => AdjustmentAlpha: u64,
	set_serving_rate_limit => ServingRateLimit: u64,
	set_ema_price_halving_blocks => EMAPriceHalvingBlocks: u64,
	set_subtoken_enabled => SubtokenEnabled: bool,
	set_transfer_toggle => TransferToggle: bool,
	set_max_allowed_validators => MaxAllowedValidators: u16,
	set_min_allowed_weights => MinAllowedWeights: u16,
	set_kappa => Kappa: u16,
	set_rho => Rho: u16,
	set_alpha_sigmoid_steepness => AlphaSigmoidSteepness: i16,
	set_bonds_moving_average => BondsMovingAverage: u64,
	set_bonds_penalty => BondsPenalty: u16,
	set_bonds_reset_on => BondsResetOn: bool,
	set_activity_cutoff => ActivityCutoff: u16,
	set_weights_set_rate_limit => WeightsSetRateLimit: u64,
	set_liquid_alpha_on => LiquidAlphaOn: bool,
	set_alpha_values => AlphaValues: (u16, u16),
	set_yuma3_on => Yuma3On: bool,
	set_commit_reveal_weights_enabled => CommitRevealWeightsEnabled: bool,
	set_max_weight_limit => MaxWeightsLimit: u16,
	set_difficulty => Difficulty: u64,
	set_min_difficulty => MinDifficulty: u64,
	set_max_difficulty => MaxDifficulty: u64,
	set_recycle_or_burn => RecycleOrBurn: RecycleOrBurnEnum,
}

impl<T: Config> Pallet<T> {
	/// Set `MinBurn` of `netuid`, moving `Burn` into the new bounds if needed.
	pub fn set_min_burn(netuid: NetUid, min_burn: u64) {
		MinBurn::<T>::insert(netuid, min_burn);
		Self::deposit_event(Event::MinBurnSet(netuid, min_burn));
		Self::clamp_burn(netuid);
	}

	/// Set `MaxBurn` of `netuid`, moving `Burn` into the new bounds if needed.
	pub fn set_max_burn(netuid: NetUid, max_burn: u64) {
		MaxBurn::<T>::insert(netuid, max_burn);
		Self::deposit_event(Event::MaxBurnSet(netuid, max_burn));
		Self::clamp_burn(netuid);
	}

	/// Keep `Burn ∈ [MinBurn, MaxBurn]` (the caller keeps `MinBurn < MaxBurn`).
	fn clamp_burn(netuid: NetUid) {
		let burn = Burn::<T>::get(netuid);
		let clamped = burn.max(MinBurn::<T>::get(netuid)).min(MaxBurn::<T>::get(netuid));
		if clamped != burn {
			Burn::<T>::insert(netuid, clamped);
			Self::deposit_event(Event::BurnSet(netuid, clamped));
		}
	}

	/// Set `SubnetLimit`.
	pub fn set_subnet_limit(limit: u16) {
		SubnetLimit::<T>::put(limit);
		Self::deposit_event(Event::SubnetLimitSet(limit));
	}

	/// Set `NetworkMinLockCost`.
	pub fn set_network_min_lock_cost(cost: u64) {
		NetworkMinLockCost::<T>::put(cost);
		Self::deposit_event(Event::NetworkMinLockCostSet(cost));
	}

	/// Set `NetworkLockReductionInterval`.
	pub fn set_lock_reduction_interval(interval: u64) {
		NetworkLockReductionInterval::<T>::put(interval);
		Self::deposit_event(Event::NetworkLockCostReductionIntervalSet(interval));
	}

	/// Set `NetworkRateLimit`.
	pub fn set_network_rate_limit(limit: u64) {
		NetworkRateLimit::<T>::put(limit);
		Self::deposit_event(Event::NetworkRateLimitSet(limit));
	}

	/// Set `NetworkImmunityPeriod`.
	pub fn set_network_immunity_period(period: u64) {
		NetworkImmunityPeriod::<T>::put(period);
		Self::deposit_event(Event::NetworkImmunityPeriodSet(period));
	}

	/// Set `StartCallDelay`.
	pub fn set_start_call_delay(delay: u64) {
		StartCallDelay::<T>::put(delay);
		Self::deposit_event(Event::StartCallDelaySet(delay));
	}

	/// Set `SubnetOwnerCut`.
	pub fn set_subnet_owner_cut(cut: u16) {
		SubnetOwnerCut::<T>::put(cut);
		Self::deposit_event(Event::SubnetOwnerCutSet(cut));
	}
}
