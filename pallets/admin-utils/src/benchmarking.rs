//! Benchmarks of every call (frame-benchmarking v2). Worst case: the subnet owner as origin for
//! the owner-settable calls (one more read than root), and values that pass every bound check.
//!
//! The `#[benchmarks]` expansion times runs with floats and unwraps its own results; that code
//! runs only in the benchmark CLI and tests, never in a block.
#![allow(
	clippy::float_arithmetic,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use pallet_subtensor::{
	substrate_fixed::types::{I64F64, I96F32, U64F64},
	NetUid, RecycleOrBurnEnum,
};

/// Register a subnet owned by a funded benchmark account; returns its netuid.
fn bench_subnet<T: Config>() -> NetUid {
	let owner: T::AccountId = account("owner", 0, 0);
	let hotkey: T::AccountId = account("hotkey", 0, 0);
	let funds: u64 = 10_000_000_000_000; // 10 000 TAO
	let _ = <T as pallet_subtensor::Config>::Currency::mint_into(&owner, funds);
	pallet_subtensor::TotalIssuance::<T>::mutate(|i| *i = i.saturating_add(funds));
	// Another subnet may have been registered in this block (the test externalities do).
	pallet_subtensor::Pallet::<T>::set_network_rate_limit(0);
	let netuid = pallet_subtensor::Pallet::<T>::get_next_netuid().unwrap_or(1);
	let _ =
		pallet_subtensor::Pallet::<T>::register_network(RawOrigin::Signed(owner).into(), hotkey);
	assert!(pallet_subtensor::Pallet::<T>::subnet_exists(netuid), "benchmark subnet registered");
	netuid
}

/// The owner of `netuid` as a signed origin.
fn owner_origin<T: Config>(netuid: NetUid) -> RawOrigin<T::AccountId> {
	match pallet_subtensor::SubnetOwner::<T>::get(netuid) {
		Some(owner) => RawOrigin::Signed(owner),
		None => RawOrigin::Root,
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn sudo_set_serving_rate_limit() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 100);
		assert_eq!(pallet_subtensor::ServingRateLimit::<T>::get(netuid), 100);
	}

	#[benchmark]
	fn sudo_set_weights_set_rate_limit() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 10);
		assert_eq!(pallet_subtensor::WeightsSetRateLimit::<T>::get(netuid), 10);
	}

	#[benchmark]
	fn sudo_set_adjustment_interval() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 100);
		assert_eq!(pallet_subtensor::AdjustmentInterval::<T>::get(netuid), 100);
	}

	#[benchmark]
	fn sudo_set_adjustment_alpha() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, u64::MAX / 2);
		assert_eq!(pallet_subtensor::AdjustmentAlpha::<T>::get(netuid), u64::MAX / 2);
	}

	#[benchmark]
	fn sudo_set_immunity_period() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 100);
		assert_eq!(pallet_subtensor::ImmunityPeriod::<T>::get(netuid), 100);
	}

	#[benchmark]
	fn sudo_set_min_allowed_weights() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 8);
		assert_eq!(pallet_subtensor::MinAllowedWeights::<T>::get(netuid), 8);
	}

	#[benchmark]
	fn sudo_set_max_allowed_uids() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 200);
		assert_eq!(pallet_subtensor::MaxAllowedUids::<T>::get(netuid), 200);
	}

	#[benchmark]
	fn sudo_set_kappa() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 30_000);
		assert_eq!(pallet_subtensor::Kappa::<T>::get(netuid), 30_000);
	}

	#[benchmark]
	fn sudo_set_rho() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 20);
		assert_eq!(pallet_subtensor::Rho::<T>::get(netuid), 20);
	}

	#[benchmark]
	fn sudo_set_activity_cutoff() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 1000);
		assert_eq!(pallet_subtensor::ActivityCutoff::<T>::get(netuid), 1000);
	}

	#[benchmark]
	fn sudo_set_network_registration_allowed() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, false);
		assert_eq!(pallet_subtensor::NetworkRegistrationAllowed::<T>::get(netuid), false);
	}

	#[benchmark]
	fn sudo_set_target_registrations_per_interval() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 3);
		assert_eq!(pallet_subtensor::TargetRegistrationsPerInterval::<T>::get(netuid), 3);
	}

	#[benchmark]
	fn sudo_set_min_burn() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 1_000_000);
		assert_eq!(pallet_subtensor::MinBurn::<T>::get(netuid), 1_000_000);
	}

	#[benchmark]
	fn sudo_set_max_burn() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 200_000_000);
		assert_eq!(pallet_subtensor::MaxBurn::<T>::get(netuid), 200_000_000);
	}

	#[benchmark]
	fn sudo_set_max_allowed_validators() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 32);
		assert_eq!(pallet_subtensor::MaxAllowedValidators::<T>::get(netuid), 32);
	}

	#[benchmark]
	fn sudo_set_bonds_moving_average() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 500_000);
		assert_eq!(pallet_subtensor::BondsMovingAverage::<T>::get(netuid), 500_000);
	}

	#[benchmark]
	fn sudo_set_max_registrations_per_block() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 4);
		assert_eq!(pallet_subtensor::MaxRegistrationsPerBlock::<T>::get(netuid), 4);
	}

	#[benchmark]
	fn sudo_set_subnet_owner_cut() {
		#[extrinsic_call]
		_(RawOrigin::Root, 10_000);
		assert_eq!(pallet_subtensor::SubnetOwnerCut::<T>::get(), 10_000);
	}

	#[benchmark]
	fn sudo_set_network_rate_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 100);
		assert_eq!(pallet_subtensor::NetworkRateLimit::<T>::get(), 100);
	}

	#[benchmark]
	fn sudo_set_tempo() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 20);
		assert_eq!(pallet_subtensor::Tempo::<T>::get(netuid), 20);
	}

	#[benchmark]
	fn sudo_set_network_immunity_period() {
		#[extrinsic_call]
		_(RawOrigin::Root, 1_000);
		assert_eq!(pallet_subtensor::NetworkImmunityPeriod::<T>::get(), 1_000);
	}

	#[benchmark]
	fn sudo_set_network_min_lock_cost() {
		#[extrinsic_call]
		_(RawOrigin::Root, 2_000_000_000_000);
		assert_eq!(pallet_subtensor::NetworkMinLockCost::<T>::get(), 2_000_000_000_000);
	}

	#[benchmark]
	fn sudo_set_subnet_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 64);
		assert_eq!(pallet_subtensor::SubnetLimit::<T>::get(), 64);
	}

	#[benchmark]
	fn sudo_set_lock_reduction_interval() {
		#[extrinsic_call]
		_(RawOrigin::Root, 50_400);
		assert_eq!(pallet_subtensor::NetworkLockReductionInterval::<T>::get(), 50_400);
	}

	#[benchmark]
	fn sudo_set_commit_reveal_weights_enabled() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, true);
		assert_eq!(pallet_subtensor::CommitRevealWeightsEnabled::<T>::get(netuid), true);
	}

	#[benchmark]
	fn sudo_set_commit_reveal_weights_interval() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 5);
		assert_eq!(pallet_subtensor::RevealPeriodEpochs::<T>::get(netuid), 5);
	}

	#[benchmark]
	fn sudo_set_liquid_alpha_enabled() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, true);
		assert_eq!(pallet_subtensor::LiquidAlphaOn::<T>::get(netuid), true);
	}

	#[benchmark]
	fn sudo_set_alpha_values() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 1_000, 60_000);
		assert_eq!(pallet_subtensor::AlphaValues::<T>::get(netuid), (1_000, 60_000));
	}

	#[benchmark]
	fn sudo_set_bonds_penalty() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 1_000);
		assert_eq!(pallet_subtensor::BondsPenalty::<T>::get(netuid), 1_000);
	}

	#[benchmark]
	fn sudo_set_toggle_transfer() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, false);
		assert_eq!(pallet_subtensor::TransferToggle::<T>::get(netuid), false);
	}

	#[benchmark]
	fn sudo_set_ema_price_halving_period() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 100_800);
		assert_eq!(pallet_subtensor::EMAPriceHalvingBlocks::<T>::get(netuid), 100_800);
	}

	#[benchmark]
	fn sudo_set_subtoken_enabled() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, true);
		assert_eq!(pallet_subtensor::SubtokenEnabled::<T>::get(netuid), true);
	}

	#[benchmark]
	fn sudo_set_alpha_sigmoid_steepness() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 500);
		assert_eq!(pallet_subtensor::AlphaSigmoidSteepness::<T>::get(netuid), 500);
	}

	#[benchmark]
	fn sudo_set_yuma3_enabled() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, true);
		assert_eq!(pallet_subtensor::Yuma3On::<T>::get(netuid), true);
	}

	#[benchmark]
	fn sudo_set_bonds_reset_enabled() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, true);
		assert_eq!(pallet_subtensor::BondsResetOn::<T>::get(netuid), true);
	}

	#[benchmark]
	fn sudo_set_owner_immune_neuron_limit() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 5);
		assert_eq!(pallet_subtensor::ImmuneOwnerUidsLimit::<T>::get(netuid), 5);
	}

	#[benchmark]
	fn sudo_set_min_allowed_uids() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 32);
		assert_eq!(pallet_subtensor::MinAllowedUids::<T>::get(netuid), 32);
	}

	#[benchmark]
	fn sudo_set_start_call_delay() {
		#[extrinsic_call]
		_(RawOrigin::Root, 100);
		assert_eq!(pallet_subtensor::StartCallDelay::<T>::get(), 100);
	}

	/// Worst case: the owner (rate-limited path) sets a hotkey nobody owns yet.
	#[benchmark]
	fn sudo_set_sn_owner_hotkey() {
		let netuid = bench_subnet::<T>();
		let hotkey: T::AccountId = account("new_owner_hotkey", 0, 0);
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, hotkey.clone());
		assert_eq!(pallet_subtensor::SubnetOwnerHotkey::<T>::get(netuid), Some(hotkey));
	}

	#[benchmark]
	fn sudo_set_owner_hparam_rate_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 5);
		assert_eq!(OwnerHyperparamRateLimit::<T>::get(), 5);
	}

	#[benchmark]
	fn sudo_set_default_take() {
		#[extrinsic_call]
		_(RawOrigin::Root, 10_000);
		assert_eq!(pallet_subtensor::MaxDelegateTake::<T>::get(), 10_000);
	}

	#[benchmark]
	fn sudo_set_tx_rate_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 100);
		assert_eq!(pallet_subtensor::TxRateLimit::<T>::get(), 100);
	}

	#[benchmark]
	fn sudo_set_tx_delegate_take_rate_limit() {
		#[extrinsic_call]
		_(RawOrigin::Root, 100);
		assert_eq!(pallet_subtensor::TxDelegateTakeRateLimit::<T>::get(), 100);
	}

	#[benchmark]
	fn sudo_set_min_difficulty() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 1_000);
		assert_eq!(pallet_subtensor::MinDifficulty::<T>::get(netuid), 1_000);
	}

	#[benchmark]
	fn sudo_set_max_difficulty() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, u64::MAX);
		assert_eq!(pallet_subtensor::MaxDifficulty::<T>::get(netuid), u64::MAX);
	}

	#[benchmark]
	fn sudo_set_max_weight_limit() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, 30_000);
		assert_eq!(pallet_subtensor::MaxWeightsLimit::<T>::get(netuid), 30_000);
	}

	#[benchmark]
	fn sudo_set_difficulty() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, netuid, 1_000_000);
		assert_eq!(pallet_subtensor::Difficulty::<T>::get(netuid), 1_000_000);
	}

	#[benchmark]
	fn sudo_set_stake_threshold() {
		#[extrinsic_call]
		_(RawOrigin::Root, 1_000);
		assert_eq!(pallet_subtensor::StakeThreshold::<T>::get(), 1_000);
	}

	#[benchmark]
	fn sudo_set_nominator_min_required_stake() {
		#[extrinsic_call]
		_(RawOrigin::Root, 1_000);
		assert_eq!(pallet_subtensor::NominatorMinRequiredStake::<T>::get(), 1_000);
	}

	#[benchmark]
	fn sudo_set_min_delegate_take() {
		#[extrinsic_call]
		_(RawOrigin::Root, 100);
		assert_eq!(pallet_subtensor::MinDelegateTake::<T>::get(), 100);
	}

	#[benchmark]
	fn sudo_set_subnet_moving_alpha() {
		#[extrinsic_call]
		_(RawOrigin::Root, I96F32::from_bits(1 << 20));
		assert_eq!(pallet_subtensor::SubnetMovingAlpha::<T>::get(), I96F32::from_bits(1 << 20));
	}

	#[benchmark]
	fn sudo_set_ck_burn() {
		#[extrinsic_call]
		_(RawOrigin::Root, 1_000);
		assert_eq!(pallet_subtensor::CKBurn::<T>::get(), 1_000);
	}

	#[benchmark]
	fn sudo_set_recycle_or_burn() {
		let netuid = bench_subnet::<T>();
		#[extrinsic_call]
		_(owner_origin::<T>(netuid), netuid, RecycleOrBurnEnum::Recycle);
		assert_eq!(pallet_subtensor::RecycleOrBurn::<T>::get(netuid), RecycleOrBurnEnum::Recycle);
	}

	#[benchmark]
	fn sudo_set_tao_flow_cutoff() {
		#[extrinsic_call]
		_(RawOrigin::Root, I64F64::from_bits(-(10i128 << 64)));
		assert_eq!(pallet_subtensor::TaoFlowCutoff::<T>::get(), I64F64::from_bits(-(10i128 << 64)));
	}

	#[benchmark]
	fn sudo_set_tao_flow_normalization_exponent() {
		#[extrinsic_call]
		_(RawOrigin::Root, U64F64::from_bits(3u128 << 63));
		assert_eq!(pallet_subtensor::FlowNormExponent::<T>::get(), U64F64::from_bits(3u128 << 63));
	}

	#[benchmark]
	fn sudo_set_tao_flow_smoothing_factor() {
		#[extrinsic_call]
		_(RawOrigin::Root, 1_000_000);
		assert_eq!(pallet_subtensor::FlowEmaSmoothingFactor::<T>::get(), 1_000_000);
	}

	#[benchmark]
	fn sudo_set_net_tao_flow_enabled() {
		#[extrinsic_call]
		_(RawOrigin::Root, false);
		assert_eq!(pallet_subtensor::NetTaoFlowEnabled::<T>::get(), false);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
