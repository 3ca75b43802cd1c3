//! # AdminUtils
//!
//! Setters of `SubtensorModule`'s hyperparameters (economics.md §5), with the reference chain's
//! call names and indices (`sudo_set_*`). Root may call every setter; the subnet owner may call
//! the owner-settable subset (origin "O" in economics.md §5) for its own subnet. Each call checks
//! its origin, the subnet and the value's bounds before `SubtensorModule` writes the value and
//! emits its event, so a refused call changes nothing.
//!
//! The owner may change each hyperparameter once per `OwnerHyperparamRateLimit` tempos (default
//! 2); root is not limited. Not implemented here: the reference's freeze window
//! (`AdminFreezeWindow`, the last blocks before an epoch; it needs the epoch schedule), and the
//! setters of parameters that belong to later features (staking, emission, PoW difficulty).
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

pub use pallet::*;
pub mod weights;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// `MinBurnUpperBound`: `MinBurn` must stay below 1 TAO.
pub const MIN_BURN_UPPER_BOUND: u64 = 1_000_000_000;
/// `MaxBurnLowerBound`: `MaxBurn` must stay above 0.1 TAO.
pub const MAX_BURN_LOWER_BOUND: u64 = 100_000_000;

// The call signatures follow the reference chain's argument lists (client API), and FRAME's
// expansion of `#[pallet::pallet]` and `#[pallet::error]` calls `expect` on values it provides.
#[allow(clippy::expect_used, clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::{WeightInfo, MAX_BURN_LOWER_BOUND, MIN_BURN_UPPER_BOUND};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use pallet_subtensor::{
		substrate_fixed::types::{I64F64, I96F32, U64F64},
		NetUid, RecycleOrBurnEnum,
	};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_subtensor::Config {
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// `OwnerHyperparamRateLimit` by default: 2 tempos.
	#[pallet::type_value]
	pub fn DefaultOwnerHyperparamRateLimit() -> u16 {
		2
	}

	/// Tempos a subnet owner must wait between two changes of the same hyperparameter
	/// (economics.md §5, origin "O"); root is not limited.
	#[pallet::storage]
	pub type OwnerHyperparamRateLimit<T> =
		StorageValue<_, u16, ValueQuery, DefaultOwnerHyperparamRateLimit>;

	/// Block of the owner's last change of each hyperparameter: `(NetUid, call index) → block`.
	/// Cleared with nothing else: a reused netuid starts with the entries of its predecessor,
	/// which at worst delays the new owner by `OwnerHyperparamRateLimit` tempos.
	#[pallet::storage]
	pub type LastOwnerHyperparamUpdate<T> =
		StorageDoubleMap<_, Identity, NetUid, Identity, u8, u64, OptionQuery>;

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `OwnerHyperparamRateLimit` was set: `(tempos)`.
		OwnerHyperparamRateLimitSet(u16),
	}

	/// Errors of the pallet; each names one condition.
	#[pallet::error]
	pub enum Error<T> {
		/// The subnet does not exist.
		SubnetDoesNotExist,
		/// The signer is not the subnet's owner (nor root).
		NotSubnetOwner,
		/// `MaxAllowedUids` above [`pallet_subtensor::MAX_ALLOWED_UIDS_BENCHMARKED`], the largest
		/// subnet size the UID-dependent weights are benchmarked at.
		MaxAllowedUidsGreaterThanLimit,
		/// `SubnetLimit` above [`pallet_subtensor::MAX_SUBNET_LIMIT_BENCHMARKED`].
		SubnetLimitGreaterThanBenchmarked,
		/// `MaxAllowedUids` below the number of UIDs in use.
		MaxAllowedUIdsLessThanCurrentUIds,
		/// `MaxAllowedUids` below `MinAllowedUids`.
		MaxAllowedUidsLessThanMinAllowedUids,
		/// `MaxAllowedUids` below `MaxAllowedValidators`.
		MaxAllowedUidsLessThanMaxValidators,
		/// `MinAllowedUids` above `MaxAllowedUids`.
		MinAllowedUidsGreaterThanMaxAllowedUids,
		/// `MaxAllowedValidators` above `MaxAllowedUids`.
		MaxValidatorsLargerThanMaxUIds,
		/// `MinBurn` not below 1 TAO.
		MinBurnNotBelowUpperBound,
		/// `MinBurn` not below `MaxBurn`.
		MinBurnNotBelowMaxBurn,
		/// `MaxBurn` not above 0.1 TAO.
		MaxBurnNotAboveLowerBound,
		/// `MaxBurn` not above `MinBurn`.
		MaxBurnNotAboveMinBurn,
		/// `BondsMovingAverage` above 10⁶ (i.e. above 1).
		BondsMovingAverageAboveOne,
		/// `NetworkMinLockCost` below the pool's minimum liquidity.
		MinLockCostBelowMinimumLiquidity,
		/// `AlphaValues` low is 0 or above high.
		AlphaLowOutOfRange,
		/// The subnet owner tried to set a negative `AlphaSigmoidSteepness` (root only).
		NegativeSigmoidSteepness,
		/// The owner changed this hyperparameter fewer than `OwnerHyperparamRateLimit` tempos ago.
		OwnerHyperparamRateLimitExceeded,
		/// `MaxDelegateTake` below `MinDelegateTake`.
		MaxDelegateTakeBelowMin,
		/// `MinDelegateTake` above `MaxDelegateTake`.
		MinDelegateTakeAboveMax,
		/// `MinDifficulty` above `MaxDifficulty`.
		MinDifficultyAboveMax,
		/// `MaxDifficulty` below `MinDifficulty`.
		MaxDifficultyBelowMin,
		/// `SubnetMovingAlpha` outside [0, 1].
		SubnetMovingAlphaOutOfRange,
		/// `FlowNormExponent` outside [1, 2].
		FlowNormExponentOutOfRange,
		/// `ImmuneOwnerUidsLimit` outside [1, 10].
		ImmuneOwnerUidsLimitOutOfRange,
	}

	impl<T: Config> Pallet<T> {
		/// Fails with `SubnetDoesNotExist` unless `netuid` exists.
		fn ensure_subnet(netuid: NetUid) -> DispatchResult {
			ensure!(
				pallet_subtensor::Pallet::<T>::subnet_exists(netuid),
				Error::<T>::SubnetDoesNotExist
			);
			Ok(())
		}

		/// Root, or the owner coldkey of an existing `netuid` who has not changed the
		/// hyperparameter of call `call` within the last `OwnerHyperparamRateLimit` tempos.
		/// Returns the owner (`None` for root), for [`Self::record_owner_update`].
		fn ensure_owner_or_root(
			origin: OriginFor<T>,
			netuid: NetUid,
			call: u8,
		) -> Result<Option<T::AccountId>, DispatchError> {
			let who = ensure_signed_or_root(origin)?;
			Self::ensure_subnet(netuid)?;
			if let Some(who) = &who {
				ensure!(
					pallet_subtensor::Pallet::<T>::is_subnet_owner(who, netuid),
					Error::<T>::NotSubnetOwner
				);
				let block = pallet_subtensor::Pallet::<T>::current_block();
				// Tempo ≤ u16::MAX and the limit ≤ u16::MAX: the product fits in u64.
				let limit = u64::from(OwnerHyperparamRateLimit::<T>::get())
					.saturating_mul(u64::from(pallet_subtensor::Tempo::<T>::get(netuid)));
				let passes = LastOwnerHyperparamUpdate::<T>::get(netuid, call)
					.is_none_or(|last| block.saturating_sub(last) >= limit);
				ensure!(passes, Error::<T>::OwnerHyperparamRateLimitExceeded);
			}
			Ok(who)
		}

		/// After a successful owner call: remember when the owner changed that parameter.
		fn record_owner_update(owner: Option<T::AccountId>, netuid: NetUid, call: u8) {
			if owner.is_some() {
				let block = pallet_subtensor::Pallet::<T>::current_block();
				LastOwnerHyperparamUpdate::<T>::insert(netuid, call, block);
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set `MaxDelegateTake`: at least `MinDelegateTake`.
		///
		/// - Origin: root.
		/// - Errors: [`Error::MaxDelegateTakeBelowMin`], `BadOrigin`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_default_take())]
		pub fn sudo_set_default_take(origin: OriginFor<T>, default_take: u16) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(
				default_take >= pallet_subtensor::MinDelegateTake::<T>::get(),
				Error::<T>::MaxDelegateTakeBelowMin
			);
			pallet_subtensor::Pallet::<T>::set_max_delegate_take(default_take);
			Ok(())
		}

		/// Set `TxRateLimit`.
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_tx_rate_limit())]
		pub fn sudo_set_tx_rate_limit(origin: OriginFor<T>, tx_rate_limit: u64) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_tx_rate_limit(tx_rate_limit);
			Ok(())
		}

		/// Set `TxDelegateTakeRateLimit`: the least blocks between a take change of a hotkey and
		/// an increase of its take.
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(45)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_tx_delegate_take_rate_limit())]
		pub fn sudo_set_tx_delegate_take_rate_limit(
			origin: OriginFor<T>,
			tx_rate_limit: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_tx_delegate_take_rate_limit(tx_rate_limit);
			Ok(())
		}

		/// Set `MinDifficulty`: at most `MaxDifficulty` (PoW registration is not offered).
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::MinDifficultyAboveMax`], [`Error::NotSubnetOwner`], [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_difficulty())]
		pub fn sudo_set_min_difficulty(
			origin: OriginFor<T>,
			netuid: NetUid,
			min_difficulty: u64,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 4)?;
			ensure!(
				min_difficulty <= pallet_subtensor::MaxDifficulty::<T>::get(netuid),
				Error::<T>::MinDifficultyAboveMax
			);
			pallet_subtensor::Pallet::<T>::set_min_difficulty(netuid, min_difficulty);
			Self::record_owner_update(owner, netuid, 4);
			Ok(())
		}

		/// Set `MaxDifficulty`: at least `MinDifficulty` (PoW registration is not offered).
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::MaxDifficultyBelowMin`], [`Error::NotSubnetOwner`], [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_difficulty())]
		pub fn sudo_set_max_difficulty(
			origin: OriginFor<T>,
			netuid: NetUid,
			max_difficulty: u64,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 5)?;
			ensure!(
				max_difficulty >= pallet_subtensor::MinDifficulty::<T>::get(netuid),
				Error::<T>::MaxDifficultyBelowMin
			);
			pallet_subtensor::Pallet::<T>::set_max_difficulty(netuid, max_difficulty);
			Self::record_owner_update(owner, netuid, 5);
			Ok(())
		}

		/// Set `MaxWeightsLimit`: the largest single weight (u16 proportion).
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`], [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(12)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_weight_limit())]
		pub fn sudo_set_max_weight_limit(
			origin: OriginFor<T>,
			netuid: NetUid,
			max_weight_limit: u16,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 12)?;
			pallet_subtensor::Pallet::<T>::set_max_weight_limit(netuid, max_weight_limit);
			Self::record_owner_update(owner, netuid, 12);
			Ok(())
		}

		/// Set `Difficulty` (PoW registration is not offered).
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(24)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_difficulty())]
		pub fn sudo_set_difficulty(
			origin: OriginFor<T>,
			netuid: NetUid,
			difficulty: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_difficulty(netuid, difficulty);
			Ok(())
		}

		/// Set `StakeThreshold`: least stake to set weights.
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(42)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_stake_threshold())]
		pub fn sudo_set_stake_threshold(origin: OriginFor<T>, min_stake: u64) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_stake_threshold(min_stake);
			Ok(())
		}

		/// Set `NominatorMinRequiredStake` (per million of the minimum stake).
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(43)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_nominator_min_required_stake())]
		pub fn sudo_set_nominator_min_required_stake(
			origin: OriginFor<T>,
			min_stake: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_nominator_min_required_stake(min_stake);
			Ok(())
		}

		/// Set `MinDelegateTake`: at most `MaxDelegateTake`.
		///
		/// - Origin: root.
		/// - Errors: [`Error::MinDelegateTakeAboveMax`], `BadOrigin`.
		#[pallet::call_index(46)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_delegate_take())]
		pub fn sudo_set_min_delegate_take(origin: OriginFor<T>, take: u16) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(
				take <= pallet_subtensor::MaxDelegateTake::<T>::get(),
				Error::<T>::MinDelegateTakeAboveMax
			);
			pallet_subtensor::Pallet::<T>::set_min_delegate_take(take);
			Ok(())
		}

		/// Set `SubnetMovingAlpha`: in [0, 1].
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetMovingAlphaOutOfRange`], `BadOrigin`.
		#[pallet::call_index(63)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_subnet_moving_alpha())]
		pub fn sudo_set_subnet_moving_alpha(origin: OriginFor<T>, alpha: I96F32) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(
				alpha >= I96F32::from_bits(0) && alpha <= I96F32::from_bits(1i128 << 32),
				Error::<T>::SubnetMovingAlphaOutOfRange
			);
			pallet_subtensor::Pallet::<T>::set_subnet_moving_alpha(alpha);
			Ok(())
		}

		/// Set `CKBurn` (u64 proportion).
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(73)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_ck_burn())]
		pub fn sudo_set_ck_burn(origin: OriginFor<T>, burn: u64) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_ck_burn(burn);
			Ok(())
		}

		/// Set `RecycleOrBurn`.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`], [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(80)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_recycle_or_burn())]
		pub fn sudo_set_recycle_or_burn(
			origin: OriginFor<T>,
			netuid: NetUid,
			recycle_or_burn: RecycleOrBurnEnum,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 80)?;
			pallet_subtensor::Pallet::<T>::set_recycle_or_burn(netuid, recycle_or_burn);
			Self::record_owner_update(owner, netuid, 80);
			Ok(())
		}

		/// Set `TaoFlowCutoff` (RAO per block).
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(81)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_tao_flow_cutoff())]
		pub fn sudo_set_tao_flow_cutoff(
			origin: OriginFor<T>,
			flow_cutoff: I64F64,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_tao_flow_cutoff(flow_cutoff);
			Ok(())
		}

		/// Set `FlowNormExponent`: in [1, 2].
		///
		/// - Origin: root.
		/// - Errors: [`Error::FlowNormExponentOutOfRange`], `BadOrigin`.
		#[pallet::call_index(82)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_tao_flow_normalization_exponent())]
		pub fn sudo_set_tao_flow_normalization_exponent(
			origin: OriginFor<T>,
			exponent: U64F64,
		) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(
				exponent >= U64F64::from_bits(1u128 << 64)
					&& exponent <= U64F64::from_bits(2u128 << 64),
				Error::<T>::FlowNormExponentOutOfRange
			);
			pallet_subtensor::Pallet::<T>::set_tao_flow_normalization_exponent(exponent);
			Ok(())
		}

		/// Set `FlowEmaSmoothingFactor` (x / i64::MAX).
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(83)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_tao_flow_smoothing_factor())]
		pub fn sudo_set_tao_flow_smoothing_factor(
			origin: OriginFor<T>,
			smoothing_factor: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_tao_flow_smoothing_factor(smoothing_factor);
			Ok(())
		}

		/// Set `NetTaoFlowEnabled`.
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(91)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_net_tao_flow_enabled())]
		pub fn sudo_set_net_tao_flow_enabled(
			origin: OriginFor<T>,
			enabled: bool,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_net_tao_flow_enabled(enabled);
			Ok(())
		}

		/// Set `ServingRateLimit`: least blocks between two endpoint updates of a hotkey.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_serving_rate_limit())]
		pub fn sudo_set_serving_rate_limit(
			origin: OriginFor<T>,
			netuid: NetUid,
			serving_rate_limit: u64,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 3)?;
			pallet_subtensor::Pallet::<T>::set_serving_rate_limit(netuid, serving_rate_limit);
			Self::record_owner_update(owner, netuid, 3);
			Ok(())
		}

		/// Set `WeightsSetRateLimit`: least blocks between two weight updates.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_weights_set_rate_limit())]
		pub fn sudo_set_weights_set_rate_limit(
			origin: OriginFor<T>,
			netuid: NetUid,
			weights_set_rate_limit: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_weights_set_rate_limit(
				netuid,
				weights_set_rate_limit,
			);
			Ok(())
		}

		/// Set `AdjustmentInterval`: blocks between two burn adjustments.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(8)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_adjustment_interval())]
		pub fn sudo_set_adjustment_interval(
			origin: OriginFor<T>,
			netuid: NetUid,
			adjustment_interval: u16,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_adjustment_interval(netuid, adjustment_interval);
			Ok(())
		}

		/// Set `AdjustmentAlpha`: weight of the old burn in an adjustment (x / u64::MAX).
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_adjustment_alpha())]
		pub fn sudo_set_adjustment_alpha(
			origin: OriginFor<T>,
			netuid: NetUid,
			adjustment_alpha: u64,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 9)?;
			pallet_subtensor::Pallet::<T>::set_adjustment_alpha(netuid, adjustment_alpha);
			Self::record_owner_update(owner, netuid, 9);
			Ok(())
		}

		/// Set `ImmunityPeriod`: blocks a new UID cannot be replaced.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(13)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_immunity_period())]
		pub fn sudo_set_immunity_period(
			origin: OriginFor<T>,
			netuid: NetUid,
			immunity_period: u16,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 13)?;
			pallet_subtensor::Pallet::<T>::set_immunity_period(netuid, immunity_period);
			Self::record_owner_update(owner, netuid, 13);
			Ok(())
		}

		/// Set `MinAllowedWeights`.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(14)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_allowed_weights())]
		pub fn sudo_set_min_allowed_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			min_allowed_weights: u16,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 14)?;
			pallet_subtensor::Pallet::<T>::set_min_allowed_weights(netuid, min_allowed_weights);
			Self::record_owner_update(owner, netuid, 14);
			Ok(())
		}

		/// Set `MaxAllowedUids`: at most [`pallet_subtensor::MAX_ALLOWED_UIDS_BENCHMARKED`] (the
		/// largest subnet size every UID-dependent weight is benchmarked at), and at least the
		/// UIDs in use, `MinAllowedUids` and `MaxAllowedValidators`.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::MaxAllowedUidsGreaterThanLimit`], [`Error::MaxAllowedUIdsLessThanCurrentUIds`], [`Error::MaxAllowedUidsLessThanMinAllowedUids`], [`Error::MaxAllowedUidsLessThanMaxValidators`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(15)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_allowed_uids())]
		pub fn sudo_set_max_allowed_uids(
			origin: OriginFor<T>,
			netuid: NetUid,
			max_allowed_uids: u16,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 15)?;
			ensure!(
				max_allowed_uids <= pallet_subtensor::MAX_ALLOWED_UIDS_BENCHMARKED,
				Error::<T>::MaxAllowedUidsGreaterThanLimit
			);
			ensure!(
				max_allowed_uids >= pallet_subtensor::SubnetworkN::<T>::get(netuid),
				Error::<T>::MaxAllowedUIdsLessThanCurrentUIds
			);
			ensure!(
				max_allowed_uids >= pallet_subtensor::MinAllowedUids::<T>::get(netuid),
				Error::<T>::MaxAllowedUidsLessThanMinAllowedUids
			);
			ensure!(
				max_allowed_uids >= pallet_subtensor::MaxAllowedValidators::<T>::get(netuid),
				Error::<T>::MaxAllowedUidsLessThanMaxValidators
			);
			pallet_subtensor::Pallet::<T>::set_max_allowed_uids(netuid, max_allowed_uids);
			Self::record_owner_update(owner, netuid, 15);
			Ok(())
		}

		/// Set `Kappa`: the consensus majority (u16 proportion).
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(16)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_kappa())]
		pub fn sudo_set_kappa(origin: OriginFor<T>, netuid: NetUid, kappa: u16) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_kappa(netuid, kappa);
			Ok(())
		}

		/// Set `Rho`: incentive steepness.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(17)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_rho())]
		pub fn sudo_set_rho(origin: OriginFor<T>, netuid: NetUid, rho: u16) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 17)?;
			pallet_subtensor::Pallet::<T>::set_rho(netuid, rho);
			Self::record_owner_update(owner, netuid, 17);
			Ok(())
		}

		/// Set `ActivityCutoff`: blocks without weights after which a validator is inactive; at
		/// least `MinActivityCutoff` (360).
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`],
		///   `pallet_subtensor::Error::ActivityCutoffTooLow`, `BadOrigin`.
		#[pallet::call_index(18)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_activity_cutoff())]
		pub fn sudo_set_activity_cutoff(
			origin: OriginFor<T>,
			netuid: NetUid,
			activity_cutoff: u16,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 18)?;
			ensure!(
				activity_cutoff >= pallet_subtensor::MinActivityCutoff::<T>::get(),
				pallet_subtensor::Error::<T>::ActivityCutoffTooLow
			);
			pallet_subtensor::Pallet::<T>::set_activity_cutoff(netuid, activity_cutoff);
			Self::record_owner_update(owner, netuid, 18);
			Ok(())
		}

		/// Set `NetworkRegistrationAllowed`: whether neurons may register.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(19)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_registration_allowed())]
		pub fn sudo_set_network_registration_allowed(
			origin: OriginFor<T>,
			netuid: NetUid,
			registration_allowed: bool,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_network_registration_allowed(
				netuid,
				registration_allowed,
			);
			Ok(())
		}

		/// Set `TargetRegistrationsPerInterval`.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(21)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_target_registrations_per_interval())]
		pub fn sudo_set_target_registrations_per_interval(
			origin: OriginFor<T>,
			netuid: NetUid,
			target_registrations_per_interval: u16,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_target_registrations_per_interval(
				netuid,
				target_registrations_per_interval,
			);
			Ok(())
		}

		/// Set `MinBurn`: below `MIN_BURN_UPPER_BOUND` (1 TAO) and below `MaxBurn`; `Burn` is moved into the bounds.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::MinBurnNotBelowUpperBound`], [`Error::MinBurnNotBelowMaxBurn`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(22)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_burn())]
		pub fn sudo_set_min_burn(
			origin: OriginFor<T>,
			netuid: NetUid,
			min_burn: u64,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 22)?;
			ensure!(min_burn < MIN_BURN_UPPER_BOUND, Error::<T>::MinBurnNotBelowUpperBound);
			ensure!(
				min_burn < pallet_subtensor::MaxBurn::<T>::get(netuid),
				Error::<T>::MinBurnNotBelowMaxBurn
			);
			pallet_subtensor::Pallet::<T>::set_min_burn(netuid, min_burn);
			Self::record_owner_update(owner, netuid, 22);
			Ok(())
		}

		/// Set `MaxBurn`: above `MAX_BURN_LOWER_BOUND` (0.1 TAO) and above `MinBurn`; `Burn` is moved into the bounds.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::MaxBurnNotAboveLowerBound`], [`Error::MaxBurnNotAboveMinBurn`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(23)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_burn())]
		pub fn sudo_set_max_burn(
			origin: OriginFor<T>,
			netuid: NetUid,
			max_burn: u64,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 23)?;
			ensure!(max_burn > MAX_BURN_LOWER_BOUND, Error::<T>::MaxBurnNotAboveLowerBound);
			ensure!(
				max_burn > pallet_subtensor::MinBurn::<T>::get(netuid),
				Error::<T>::MaxBurnNotAboveMinBurn
			);
			pallet_subtensor::Pallet::<T>::set_max_burn(netuid, max_burn);
			Self::record_owner_update(owner, netuid, 23);
			Ok(())
		}

		/// Set `MaxAllowedValidators`: at most `MaxAllowedUids`.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::MaxValidatorsLargerThanMaxUIds`], `BadOrigin`.
		#[pallet::call_index(25)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_allowed_validators())]
		pub fn sudo_set_max_allowed_validators(
			origin: OriginFor<T>,
			netuid: NetUid,
			max_allowed_validators: u16,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			ensure!(
				max_allowed_validators <= pallet_subtensor::MaxAllowedUids::<T>::get(netuid),
				Error::<T>::MaxValidatorsLargerThanMaxUIds
			);
			pallet_subtensor::Pallet::<T>::set_max_allowed_validators(
				netuid,
				max_allowed_validators,
			);
			Ok(())
		}

		/// Set `BondsMovingAverage` (per million, at most 10⁶).
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::BondsMovingAverageAboveOne`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(26)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_bonds_moving_average())]
		pub fn sudo_set_bonds_moving_average(
			origin: OriginFor<T>,
			netuid: NetUid,
			bonds_moving_average: u64,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 26)?;
			ensure!(bonds_moving_average <= 1_000_000, Error::<T>::BondsMovingAverageAboveOne);
			pallet_subtensor::Pallet::<T>::set_bonds_moving_average(netuid, bonds_moving_average);
			Self::record_owner_update(owner, netuid, 26);
			Ok(())
		}

		/// Set `MaxRegistrationsPerBlock`.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(27)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_registrations_per_block())]
		pub fn sudo_set_max_registrations_per_block(
			origin: OriginFor<T>,
			netuid: NetUid,
			max_registrations_per_block: u16,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_max_registrations_per_block(
				netuid,
				max_registrations_per_block,
			);
			Ok(())
		}

		/// Set `SubnetOwnerCut` (u16 proportion).
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(28)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_subnet_owner_cut())]
		pub fn sudo_set_subnet_owner_cut(
			origin: OriginFor<T>,
			subnet_owner_cut: u16,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_subnet_owner_cut(subnet_owner_cut);
			Ok(())
		}

		/// Set `NetworkRateLimit`: least blocks between two subnet registrations.
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(29)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_rate_limit())]
		pub fn sudo_set_network_rate_limit(
			origin: OriginFor<T>,
			rate_limit: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_network_rate_limit(rate_limit);
			Ok(())
		}

		/// Set `Tempo`: blocks between two epochs.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(30)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_tempo())]
		pub fn sudo_set_tempo(origin: OriginFor<T>, netuid: NetUid, tempo: u16) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_tempo_unchecked(netuid, tempo);
			Ok(())
		}

		/// Set `NetworkImmunityPeriod`: blocks a new subnet cannot be pruned.
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(35)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_immunity_period())]
		pub fn sudo_set_network_immunity_period(
			origin: OriginFor<T>,
			immunity_period: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_network_immunity_period(immunity_period);
			Ok(())
		}

		/// Set `NetworkMinLockCost`: at least the pool minimum liquidity, since it seeds every new pool.
		///
		/// - Origin: root.
		/// - Errors: [`Error::MinLockCostBelowMinimumLiquidity`], `BadOrigin`.
		#[pallet::call_index(36)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_min_lock_cost())]
		pub fn sudo_set_network_min_lock_cost(
			origin: OriginFor<T>,
			lock_cost: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(
				lock_cost >= subtensor_math::pool::MIN_LIQ,
				Error::<T>::MinLockCostBelowMinimumLiquidity
			);
			pallet_subtensor::Pallet::<T>::set_network_min_lock_cost(lock_cost);
			Ok(())
		}

		/// Set `SubnetLimit`: most subnets besides root, at most
		/// [`pallet_subtensor::MAX_SUBNET_LIMIT_BENCHMARKED`] (the subnet count the weights of
		/// `register_network`'s pruning and of `unstake_all` are benchmarked at).
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetLimitGreaterThanBenchmarked`], `BadOrigin`.
		#[pallet::call_index(37)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_subnet_limit())]
		pub fn sudo_set_subnet_limit(origin: OriginFor<T>, max_subnets: u16) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(
				max_subnets <= pallet_subtensor::MAX_SUBNET_LIMIT_BENCHMARKED,
				Error::<T>::SubnetLimitGreaterThanBenchmarked
			);
			pallet_subtensor::Pallet::<T>::set_subnet_limit(max_subnets);
			Ok(())
		}

		/// Make `hotkey` the owner hotkey of subnet `netuid` (it must be free or owned by the
		/// subnet's owner coldkey). The owner may do so once per
		/// [`pallet_subtensor::SET_SN_OWNER_HOTKEY_RATE_LIMIT`] blocks; root is not limited.
		///
		/// - Origin: the subnet owner or root.
		/// - Emits: `SubtensorModule::SubnetOwnerHotkeySet`.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   `SubtensorModule::SubnetNotExists` (the root subnet, which has no owner),
		///   `SubtensorModule::SubnetOwnerHotkeyRateLimitExceeded`,
		///   `SubtensorModule::NonAssociatedColdKey`, `BadOrigin`.
		#[pallet::call_index(67)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_sn_owner_hotkey())]
		pub fn sudo_set_sn_owner_hotkey(
			origin: OriginFor<T>,
			netuid: NetUid,
			hotkey: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed_or_root(origin)?;
			Self::ensure_subnet(netuid)?;
			if let Some(who) = &who {
				ensure!(
					pallet_subtensor::Pallet::<T>::is_subnet_owner(who, netuid),
					Error::<T>::NotSubnetOwner
				);
			}
			pallet_subtensor::Pallet::<T>::set_sn_owner_hotkey(who.is_none(), netuid, &hotkey)
		}

		/// Set `NetworkLockReductionInterval`.
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(38)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_lock_reduction_interval())]
		pub fn sudo_set_lock_reduction_interval(
			origin: OriginFor<T>,
			interval: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_lock_reduction_interval(interval);
			Ok(())
		}

		/// Set `CommitRevealWeightsEnabled`.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(49)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_commit_reveal_weights_enabled())]
		pub fn sudo_set_commit_reveal_weights_enabled(
			origin: OriginFor<T>,
			netuid: NetUid,
			enabled: bool,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 49)?;
			pallet_subtensor::Pallet::<T>::set_commit_reveal_weights_enabled(netuid, enabled);
			Self::record_owner_update(owner, netuid, 49);
			Ok(())
		}

		/// Set `RevealPeriodEpochs`, the epochs between a weight commit and its reveal: within
		/// `[MIN_COMMIT_REVEAL_PEROIDS, MAX_COMMIT_REVEAL_PEROIDS]` (1..=100).
		///
		/// - Origin: the subnet owner or root.
		/// - Emits: `SubtensorModule::CommitRevealPeriodsSet`.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `SubtensorModule::RevealPeriodTooLarge`,
		///   `SubtensorModule::RevealPeriodTooSmall`, `BadOrigin`.
		#[pallet::call_index(57)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_commit_reveal_weights_interval())]
		pub fn sudo_set_commit_reveal_weights_interval(
			origin: OriginFor<T>,
			netuid: NetUid,
			interval: u64,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 57)?;
			pallet_subtensor::Pallet::<T>::set_reveal_period(netuid, interval)?;
			Self::record_owner_update(owner, netuid, 57);
			Ok(())
		}

		/// Set `LiquidAlphaOn`.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(50)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_liquid_alpha_enabled())]
		pub fn sudo_set_liquid_alpha_enabled(
			origin: OriginFor<T>,
			netuid: NetUid,
			enabled: bool,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 50)?;
			pallet_subtensor::Pallet::<T>::set_liquid_alpha_on(netuid, enabled);
			Self::record_owner_update(owner, netuid, 50);
			Ok(())
		}

		/// Set `AlphaValues` (low, high): `0 < low ≤ high`.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::AlphaLowOutOfRange`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(51)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_alpha_values())]
		pub fn sudo_set_alpha_values(
			origin: OriginFor<T>,
			netuid: NetUid,
			alpha_low: u16,
			alpha_high: u16,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 51)?;
			ensure!(alpha_low > 0 && alpha_low <= alpha_high, Error::<T>::AlphaLowOutOfRange);
			pallet_subtensor::Pallet::<T>::set_alpha_values(netuid, (alpha_low, alpha_high));
			Self::record_owner_update(owner, netuid, 51);
			Ok(())
		}

		/// Set `BondsPenalty` (u16 proportion).
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(60)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_bonds_penalty())]
		pub fn sudo_set_bonds_penalty(
			origin: OriginFor<T>,
			netuid: NetUid,
			bonds_penalty: u16,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 60)?;
			pallet_subtensor::Pallet::<T>::set_bonds_penalty(netuid, bonds_penalty);
			Self::record_owner_update(owner, netuid, 60);
			Ok(())
		}

		/// Set `TransferToggle`: whether stake transfers are allowed.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(61)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_toggle_transfer())]
		pub fn sudo_set_toggle_transfer(
			origin: OriginFor<T>,
			netuid: NetUid,
			toggle: bool,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 61)?;
			pallet_subtensor::Pallet::<T>::set_transfer_toggle(netuid, toggle);
			Self::record_owner_update(owner, netuid, 61);
			Ok(())
		}

		/// Set `EMAPriceHalvingBlocks`.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(65)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_ema_price_halving_period())]
		pub fn sudo_set_ema_price_halving_period(
			origin: OriginFor<T>,
			netuid: NetUid,
			ema_halving: u64,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_ema_price_halving_blocks(netuid, ema_halving);
			Ok(())
		}

		/// Set `SubtokenEnabled`: whether staking and emission are on.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], `BadOrigin`.
		#[pallet::call_index(66)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_subtoken_enabled())]
		pub fn sudo_set_subtoken_enabled(
			origin: OriginFor<T>,
			netuid: NetUid,
			subtoken_enabled: bool,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			pallet_subtensor::Pallet::<T>::set_subtoken_enabled(netuid, subtoken_enabled);
			Ok(())
		}

		/// Set `AlphaSigmoidSteepness`. Negative values are reserved: only root may set them.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], [`Error::NegativeSigmoidSteepness`], `BadOrigin`.
		#[pallet::call_index(68)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_alpha_sigmoid_steepness())]
		pub fn sudo_set_alpha_sigmoid_steepness(
			origin: OriginFor<T>,
			netuid: NetUid,
			steepness: i16,
		) -> DispatchResult {
			let by_root = ensure_root(origin.clone()).is_ok();
			let owner = Self::ensure_owner_or_root(origin, netuid, 68)?;
			ensure!(by_root || steepness >= 0, Error::<T>::NegativeSigmoidSteepness);
			pallet_subtensor::Pallet::<T>::set_alpha_sigmoid_steepness(netuid, steepness);
			Self::record_owner_update(owner, netuid, 68);
			Ok(())
		}

		/// Set `Yuma3On`.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(69)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_yuma3_enabled())]
		pub fn sudo_set_yuma3_enabled(
			origin: OriginFor<T>,
			netuid: NetUid,
			enabled: bool,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 69)?;
			pallet_subtensor::Pallet::<T>::set_yuma3_on(netuid, enabled);
			Self::record_owner_update(owner, netuid, 69);
			Ok(())
		}

		/// Set `BondsResetOn`.
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(70)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_bonds_reset_enabled())]
		pub fn sudo_set_bonds_reset_enabled(
			origin: OriginFor<T>,
			netuid: NetUid,
			enabled: bool,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 70)?;
			pallet_subtensor::Pallet::<T>::set_bonds_reset_on(netuid, enabled);
			Self::record_owner_update(owner, netuid, 70);
			Ok(())
		}

		/// Set `ImmuneOwnerUidsLimit`: in [1, 10].
		///
		/// - Origin: the subnet owner or root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::ImmuneOwnerUidsLimitOutOfRange`], [`Error::NotSubnetOwner`],
		///   [`Error::OwnerHyperparamRateLimitExceeded`], `BadOrigin`.
		#[pallet::call_index(72)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_owner_immune_neuron_limit())]
		pub fn sudo_set_owner_immune_neuron_limit(
			origin: OriginFor<T>,
			netuid: NetUid,
			immune_neurons: u16,
		) -> DispatchResult {
			let owner = Self::ensure_owner_or_root(origin, netuid, 72)?;
			ensure!((1..=10).contains(&immune_neurons), Error::<T>::ImmuneOwnerUidsLimitOutOfRange);
			pallet_subtensor::Pallet::<T>::set_immune_owner_uids_limit(netuid, immune_neurons);
			Self::record_owner_update(owner, netuid, 72);
			Ok(())
		}

		/// Set `OwnerHyperparamRateLimit`: tempos a subnet owner waits between two changes of the
		/// same hyperparameter (0 removes the limit).
		///
		/// - Origin: root.
		/// - Emits: [`Event::OwnerHyperparamRateLimitSet`].
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(75)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_owner_hparam_rate_limit())]
		pub fn sudo_set_owner_hparam_rate_limit(
			origin: OriginFor<T>,
			epochs: u16,
		) -> DispatchResult {
			ensure_root(origin)?;
			OwnerHyperparamRateLimit::<T>::put(epochs);
			Self::deposit_event(Event::OwnerHyperparamRateLimitSet(epochs));
			Ok(())
		}

		/// Set `MinAllowedUids`: at most `MaxAllowedUids`.
		///
		/// - Origin: root.
		/// - Errors: [`Error::SubnetDoesNotExist`], [`Error::MinAllowedUidsGreaterThanMaxAllowedUids`], `BadOrigin`.
		#[pallet::call_index(79)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_allowed_uids())]
		pub fn sudo_set_min_allowed_uids(
			origin: OriginFor<T>,
			netuid: NetUid,
			min_allowed_uids: u16,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_subnet(netuid)?;
			ensure!(
				min_allowed_uids <= pallet_subtensor::MaxAllowedUids::<T>::get(netuid),
				Error::<T>::MinAllowedUidsGreaterThanMaxAllowedUids
			);
			pallet_subtensor::Pallet::<T>::set_min_allowed_uids(netuid, min_allowed_uids);
			Ok(())
		}

		/// Set `StartCallDelay`: blocks between registration and the earliest `start_call`.
		///
		/// - Origin: root.
		/// - Errors: `BadOrigin`.
		#[pallet::call_index(85)]
		#[pallet::weight(<T as Config>::WeightInfo::sudo_set_start_call_delay())]
		pub fn sudo_set_start_call_delay(origin: OriginFor<T>, delay: u64) -> DispatchResult {
			ensure_root(origin)?;
			pallet_subtensor::Pallet::<T>::set_start_call_delay(delay);
			Ok(())
		}
	}
}
