//! Every call: refused for a stranger and for an unknown subnet, allowed for its origin, and
//! the value stored; then the bound checks one by one.
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::bool_assert_comparison)]

use crate::{mock::*, Error};
use frame_support::{assert_noop, assert_ok};
use pallet_subtensor::{
	substrate_fixed::types::{I64F64, I96F32, U64F64},
	RecycleOrBurnEnum,
};
use sp_runtime::DispatchError;

#[test]
fn set_serving_rate_limit_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_serving_rate_limit(RuntimeOrigin::signed(STRANGER), NET, 100),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_serving_rate_limit(RuntimeOrigin::root(), 99, 100),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_serving_rate_limit(RuntimeOrigin::signed(OWNER), NET, 100));
		assert_eq!(pallet_subtensor::ServingRateLimit::<Test>::get(NET), 100);
	});
}

#[test]
fn set_weights_set_rate_limit_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_weights_set_rate_limit(RuntimeOrigin::signed(STRANGER), NET, 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_weights_set_rate_limit(RuntimeOrigin::root(), 99, 10),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_weights_set_rate_limit(RuntimeOrigin::signed(OWNER), NET, 10),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_weights_set_rate_limit(RuntimeOrigin::root(), NET, 10));
		assert_eq!(pallet_subtensor::WeightsSetRateLimit::<Test>::get(NET), 10);
	});
}

#[test]
fn set_adjustment_interval_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_adjustment_interval(RuntimeOrigin::signed(STRANGER), NET, 100),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_adjustment_interval(RuntimeOrigin::root(), 99, 100),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_adjustment_interval(RuntimeOrigin::signed(OWNER), NET, 100),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_adjustment_interval(RuntimeOrigin::root(), NET, 100));
		assert_eq!(pallet_subtensor::AdjustmentInterval::<Test>::get(NET), 100);
	});
}

#[test]
fn set_adjustment_alpha_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_adjustment_alpha(
				RuntimeOrigin::signed(STRANGER),
				NET,
				u64::MAX / 2
			),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_adjustment_alpha(RuntimeOrigin::root(), 99, u64::MAX / 2),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_adjustment_alpha(
			RuntimeOrigin::signed(OWNER),
			NET,
			u64::MAX / 2
		));
		assert_eq!(pallet_subtensor::AdjustmentAlpha::<Test>::get(NET), u64::MAX / 2);
	});
}

#[test]
fn set_immunity_period_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_immunity_period(RuntimeOrigin::signed(STRANGER), NET, 100),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_immunity_period(RuntimeOrigin::root(), 99, 100),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_immunity_period(RuntimeOrigin::signed(OWNER), NET, 100));
		assert_eq!(pallet_subtensor::ImmunityPeriod::<Test>::get(NET), 100);
	});
}

#[test]
fn set_min_allowed_weights_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_min_allowed_weights(RuntimeOrigin::signed(STRANGER), NET, 8),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_min_allowed_weights(RuntimeOrigin::root(), 99, 8),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_min_allowed_weights(RuntimeOrigin::signed(OWNER), NET, 8));
		assert_eq!(pallet_subtensor::MinAllowedWeights::<Test>::get(NET), 8);
	});
}

#[test]
fn set_max_allowed_uids_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_max_allowed_uids(RuntimeOrigin::signed(STRANGER), NET, 200),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_max_allowed_uids(RuntimeOrigin::root(), 99, 200),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_max_allowed_uids(RuntimeOrigin::signed(OWNER), NET, 200));
		assert_eq!(pallet_subtensor::MaxAllowedUids::<Test>::get(NET), 200);
	});
}

#[test]
fn set_kappa_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_kappa(RuntimeOrigin::signed(STRANGER), NET, 30_000),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_kappa(RuntimeOrigin::root(), 99, 30_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_kappa(RuntimeOrigin::signed(OWNER), NET, 30_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_kappa(RuntimeOrigin::root(), NET, 30_000));
		assert_eq!(pallet_subtensor::Kappa::<Test>::get(NET), 30_000);
	});
}

#[test]
fn set_rho_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_rho(RuntimeOrigin::signed(STRANGER), NET, 20),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_rho(RuntimeOrigin::root(), 99, 20),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_rho(RuntimeOrigin::signed(OWNER), NET, 20));
		assert_eq!(pallet_subtensor::Rho::<Test>::get(NET), 20);
	});
}

#[test]
fn set_activity_cutoff_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_activity_cutoff(RuntimeOrigin::signed(STRANGER), NET, 1000),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_activity_cutoff(RuntimeOrigin::root(), 99, 1000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_activity_cutoff(RuntimeOrigin::signed(OWNER), NET, 1000));
		assert_eq!(pallet_subtensor::ActivityCutoff::<Test>::get(NET), 1000);
	});
}

#[test]
fn set_network_registration_allowed_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_network_registration_allowed(
				RuntimeOrigin::signed(STRANGER),
				NET,
				false
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_network_registration_allowed(RuntimeOrigin::root(), 99, false),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_network_registration_allowed(
				RuntimeOrigin::signed(OWNER),
				NET,
				false
			),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_network_registration_allowed(
			RuntimeOrigin::root(),
			NET,
			false
		));
		assert_eq!(pallet_subtensor::NetworkRegistrationAllowed::<Test>::get(NET), false);
	});
}

#[test]
fn set_target_registrations_per_interval_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_target_registrations_per_interval(
				RuntimeOrigin::signed(STRANGER),
				NET,
				3
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_target_registrations_per_interval(RuntimeOrigin::root(), 99, 3),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_target_registrations_per_interval(
				RuntimeOrigin::signed(OWNER),
				NET,
				3
			),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_target_registrations_per_interval(
			RuntimeOrigin::root(),
			NET,
			3
		));
		assert_eq!(pallet_subtensor::TargetRegistrationsPerInterval::<Test>::get(NET), 3);
	});
}

#[test]
fn set_min_burn_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_min_burn(RuntimeOrigin::signed(STRANGER), NET, 1_000_000),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_min_burn(RuntimeOrigin::root(), 99, 1_000_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_min_burn(RuntimeOrigin::signed(OWNER), NET, 1_000_000));
		assert_eq!(pallet_subtensor::MinBurn::<Test>::get(NET), 1_000_000);
	});
}

#[test]
fn set_max_burn_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_max_burn(RuntimeOrigin::signed(STRANGER), NET, 200_000_000),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_max_burn(RuntimeOrigin::root(), 99, 200_000_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_max_burn(RuntimeOrigin::signed(OWNER), NET, 200_000_000));
		assert_eq!(pallet_subtensor::MaxBurn::<Test>::get(NET), 200_000_000);
	});
}

#[test]
fn set_max_allowed_validators_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_max_allowed_validators(RuntimeOrigin::signed(STRANGER), NET, 32),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_max_allowed_validators(RuntimeOrigin::root(), 99, 32),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_max_allowed_validators(RuntimeOrigin::signed(OWNER), NET, 32),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_max_allowed_validators(RuntimeOrigin::root(), NET, 32));
		assert_eq!(pallet_subtensor::MaxAllowedValidators::<Test>::get(NET), 32);
	});
}

#[test]
fn set_bonds_moving_average_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_bonds_moving_average(
				RuntimeOrigin::signed(STRANGER),
				NET,
				500_000
			),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_bonds_moving_average(RuntimeOrigin::root(), 99, 500_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_bonds_moving_average(
			RuntimeOrigin::signed(OWNER),
			NET,
			500_000
		));
		assert_eq!(pallet_subtensor::BondsMovingAverage::<Test>::get(NET), 500_000);
	});
}

#[test]
fn set_max_registrations_per_block_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_max_registrations_per_block(
				RuntimeOrigin::signed(STRANGER),
				NET,
				4
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_max_registrations_per_block(RuntimeOrigin::root(), 99, 4),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_max_registrations_per_block(RuntimeOrigin::signed(OWNER), NET, 4),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_max_registrations_per_block(RuntimeOrigin::root(), NET, 4));
		assert_eq!(pallet_subtensor::MaxRegistrationsPerBlock::<Test>::get(NET), 4);
	});
}

#[test]
fn set_subnet_owner_cut_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_subnet_owner_cut(RuntimeOrigin::signed(STRANGER), 10_000),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_subnet_owner_cut(RuntimeOrigin::signed(OWNER), 10_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_subnet_owner_cut(RuntimeOrigin::root(), 10_000));
		assert_eq!(pallet_subtensor::SubnetOwnerCut::<Test>::get(), 10_000);
	});
}

#[test]
fn set_network_rate_limit_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_network_rate_limit(RuntimeOrigin::signed(STRANGER), 100),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_network_rate_limit(RuntimeOrigin::signed(OWNER), 100),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_network_rate_limit(RuntimeOrigin::root(), 100));
		assert_eq!(pallet_subtensor::NetworkRateLimit::<Test>::get(), 100);
	});
}

#[test]
fn set_tempo_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_tempo(RuntimeOrigin::signed(STRANGER), NET, 20),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_tempo(RuntimeOrigin::root(), 99, 20),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_tempo(RuntimeOrigin::signed(OWNER), NET, 20),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_tempo(RuntimeOrigin::root(), NET, 20));
		assert_eq!(pallet_subtensor::Tempo::<Test>::get(NET), 20);
	});
}

#[test]
fn set_network_immunity_period_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_network_immunity_period(RuntimeOrigin::signed(STRANGER), 1_000),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_network_immunity_period(RuntimeOrigin::signed(OWNER), 1_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_network_immunity_period(RuntimeOrigin::root(), 1_000));
		assert_eq!(pallet_subtensor::NetworkImmunityPeriod::<Test>::get(), 1_000);
	});
}

#[test]
fn set_network_min_lock_cost_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_network_min_lock_cost(
				RuntimeOrigin::signed(STRANGER),
				2_000_000_000_000
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_network_min_lock_cost(
				RuntimeOrigin::signed(OWNER),
				2_000_000_000_000
			),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_network_min_lock_cost(
			RuntimeOrigin::root(),
			2_000_000_000_000
		));
		assert_eq!(pallet_subtensor::NetworkMinLockCost::<Test>::get(), 2_000_000_000_000);
	});
}

#[test]
fn set_subnet_limit_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_subnet_limit(RuntimeOrigin::signed(STRANGER), 64),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_subnet_limit(RuntimeOrigin::signed(OWNER), 64),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_subnet_limit(RuntimeOrigin::root(), 64));
		assert_eq!(pallet_subtensor::SubnetLimit::<Test>::get(), 64);
		// Not above the subnet count the iterating weights are benchmarked at.
		assert_noop!(
			AdminUtils::sudo_set_subnet_limit(RuntimeOrigin::root(), 129),
			Error::<Test>::SubnetLimitGreaterThanBenchmarked
		);
		assert_ok!(AdminUtils::sudo_set_subnet_limit(RuntimeOrigin::root(), 128));
	});
}

#[test]
fn set_lock_reduction_interval_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_lock_reduction_interval(RuntimeOrigin::signed(STRANGER), 50_400),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_lock_reduction_interval(RuntimeOrigin::signed(OWNER), 50_400),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_lock_reduction_interval(RuntimeOrigin::root(), 50_400));
		assert_eq!(pallet_subtensor::NetworkLockReductionInterval::<Test>::get(), 50_400);
	});
}

#[test]
fn set_commit_reveal_weights_enabled_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_commit_reveal_weights_enabled(
				RuntimeOrigin::signed(STRANGER),
				NET,
				true
			),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_commit_reveal_weights_enabled(RuntimeOrigin::root(), 99, true),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_commit_reveal_weights_enabled(
			RuntimeOrigin::signed(OWNER),
			NET,
			true
		));
		assert_eq!(pallet_subtensor::CommitRevealWeightsEnabled::<Test>::get(NET), true);
		// The copy btcli 9.23.2 reads by getter name follows.
		assert_eq!(pallet_subtensor::CommitRevealWeightsEnabledAlias::<Test>::get(NET), true);
	});
}

#[test]
fn set_commit_reveal_weights_interval_checks_origin_subnet_and_bounds_and_stores() {
	new_test_ext().execute_with(|| {
		assert_eq!(pallet_subtensor::RevealPeriodEpochs::<Test>::get(NET), 1);
		assert_noop!(
			AdminUtils::sudo_set_commit_reveal_weights_interval(
				RuntimeOrigin::signed(STRANGER),
				NET,
				3
			),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_commit_reveal_weights_interval(RuntimeOrigin::root(), 99, 3),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_commit_reveal_weights_interval(RuntimeOrigin::root(), NET, 0),
			pallet_subtensor::Error::<Test>::RevealPeriodTooSmall
		);
		assert_noop!(
			AdminUtils::sudo_set_commit_reveal_weights_interval(RuntimeOrigin::root(), NET, 101),
			pallet_subtensor::Error::<Test>::RevealPeriodTooLarge
		);
		assert_ok!(AdminUtils::sudo_set_commit_reveal_weights_interval(
			RuntimeOrigin::signed(OWNER),
			NET,
			3
		));
		assert_eq!(pallet_subtensor::RevealPeriodEpochs::<Test>::get(NET), 3);
		assert_eq!(pallet_subtensor::RevealPeriodEpochsAlias::<Test>::get(NET), 3);
		assert_ok!(AdminUtils::sudo_set_commit_reveal_weights_interval(
			RuntimeOrigin::root(),
			NET,
			100
		));
		assert_eq!(pallet_subtensor::RevealPeriodEpochs::<Test>::get(NET), 100);
	});
}

#[test]
fn set_liquid_alpha_enabled_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_liquid_alpha_enabled(RuntimeOrigin::signed(STRANGER), NET, true),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_liquid_alpha_enabled(RuntimeOrigin::root(), 99, true),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_liquid_alpha_enabled(
			RuntimeOrigin::signed(OWNER),
			NET,
			true
		));
		assert_eq!(pallet_subtensor::LiquidAlphaOn::<Test>::get(NET), true);
	});
}

#[test]
fn set_alpha_values_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_alpha_values(RuntimeOrigin::signed(STRANGER), NET, 1_000, 60_000),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_alpha_values(RuntimeOrigin::root(), 99, 1_000, 60_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_alpha_values(
			RuntimeOrigin::signed(OWNER),
			NET,
			1_000,
			60_000
		));
		assert_eq!(pallet_subtensor::AlphaValues::<Test>::get(NET), (1_000, 60_000));
	});
}

#[test]
fn set_bonds_penalty_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_bonds_penalty(RuntimeOrigin::signed(STRANGER), NET, 1_000),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_bonds_penalty(RuntimeOrigin::root(), 99, 1_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_bonds_penalty(RuntimeOrigin::signed(OWNER), NET, 1_000));
		assert_eq!(pallet_subtensor::BondsPenalty::<Test>::get(NET), 1_000);
	});
}

#[test]
fn set_toggle_transfer_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_toggle_transfer(RuntimeOrigin::signed(STRANGER), NET, false),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_toggle_transfer(RuntimeOrigin::root(), 99, false),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_toggle_transfer(RuntimeOrigin::signed(OWNER), NET, false));
		assert_eq!(pallet_subtensor::TransferToggle::<Test>::get(NET), false);
	});
}

#[test]
fn set_ema_price_halving_period_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_ema_price_halving_period(
				RuntimeOrigin::signed(STRANGER),
				NET,
				100_800
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_ema_price_halving_period(RuntimeOrigin::root(), 99, 100_800),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_ema_price_halving_period(
				RuntimeOrigin::signed(OWNER),
				NET,
				100_800
			),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_ema_price_halving_period(
			RuntimeOrigin::root(),
			NET,
			100_800
		));
		assert_eq!(pallet_subtensor::EMAPriceHalvingBlocks::<Test>::get(NET), 100_800);
	});
}

#[test]
fn set_subtoken_enabled_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_subtoken_enabled(RuntimeOrigin::signed(STRANGER), NET, true),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_subtoken_enabled(RuntimeOrigin::root(), 99, true),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_subtoken_enabled(RuntimeOrigin::signed(OWNER), NET, true),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_subtoken_enabled(RuntimeOrigin::root(), NET, true));
		assert_eq!(pallet_subtensor::SubtokenEnabled::<Test>::get(NET), true);
	});
}

#[test]
fn set_alpha_sigmoid_steepness_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_alpha_sigmoid_steepness(RuntimeOrigin::signed(STRANGER), NET, 500),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_alpha_sigmoid_steepness(RuntimeOrigin::root(), 99, 500),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_alpha_sigmoid_steepness(
			RuntimeOrigin::signed(OWNER),
			NET,
			500
		));
		assert_eq!(pallet_subtensor::AlphaSigmoidSteepness::<Test>::get(NET), 500);
	});
}

#[test]
fn set_yuma3_enabled_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_yuma3_enabled(RuntimeOrigin::signed(STRANGER), NET, true),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_yuma3_enabled(RuntimeOrigin::root(), 99, true),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_yuma3_enabled(RuntimeOrigin::signed(OWNER), NET, true));
		assert_eq!(pallet_subtensor::Yuma3On::<Test>::get(NET), true);
	});
}

#[test]
fn set_bonds_reset_enabled_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_bonds_reset_enabled(RuntimeOrigin::signed(STRANGER), NET, true),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_bonds_reset_enabled(RuntimeOrigin::root(), 99, true),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_bonds_reset_enabled(
			RuntimeOrigin::signed(OWNER),
			NET,
			true
		));
		assert_eq!(pallet_subtensor::BondsResetOn::<Test>::get(NET), true);
	});
}

#[test]
fn set_owner_immune_neuron_limit_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_owner_immune_neuron_limit(RuntimeOrigin::signed(STRANGER), NET, 5),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_owner_immune_neuron_limit(RuntimeOrigin::root(), 99, 5),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_owner_immune_neuron_limit(
			RuntimeOrigin::signed(OWNER),
			NET,
			5
		));
		assert_eq!(pallet_subtensor::ImmuneOwnerUidsLimit::<Test>::get(NET), 5);
	});
}

#[test]
fn set_min_allowed_uids_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_min_allowed_uids(RuntimeOrigin::signed(STRANGER), NET, 32),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_min_allowed_uids(RuntimeOrigin::root(), 99, 32),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_min_allowed_uids(RuntimeOrigin::signed(OWNER), NET, 32),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_min_allowed_uids(RuntimeOrigin::root(), NET, 32));
		assert_eq!(pallet_subtensor::MinAllowedUids::<Test>::get(NET), 32);
	});
}

#[test]
fn set_start_call_delay_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_start_call_delay(RuntimeOrigin::signed(STRANGER), 100),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_start_call_delay(RuntimeOrigin::signed(OWNER), 100),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_start_call_delay(RuntimeOrigin::root(), 100));
		assert_eq!(pallet_subtensor::StartCallDelay::<Test>::get(), 100);
	});
}

#[test]
fn max_allowed_uids_bounds() {
	new_test_ext().execute_with(|| {
		let set = |v| AdminUtils::sudo_set_max_allowed_uids(RuntimeOrigin::root(), NET, v);
		assert_noop!(
			set(pallet_subtensor::MAX_ALLOWED_UIDS_BENCHMARKED + 1),
			Error::<Test>::MaxAllowedUidsGreaterThanLimit
		);
		// MinAllowedUids is 64 by default.
		assert_noop!(set(63), Error::<Test>::MaxAllowedUidsLessThanMinAllowedUids);
		assert_ok!(AdminUtils::sudo_set_min_allowed_uids(RuntimeOrigin::root(), NET, 0));
		// The new subnet allows 64 validators.
		assert_noop!(set(63), Error::<Test>::MaxAllowedUidsLessThanMaxValidators);
		assert_ok!(AdminUtils::sudo_set_max_allowed_validators(RuntimeOrigin::root(), NET, 0));
		// UID 0 (the owner's hotkey) is in use.
		assert_noop!(set(0), Error::<Test>::MaxAllowedUIdsLessThanCurrentUIds);
		assert_ok!(set(1));
		assert_ok!(set(pallet_subtensor::MAX_ALLOWED_UIDS_BENCHMARKED));
	});
}

#[test]
fn min_allowed_uids_and_max_validators_stay_below_max_allowed_uids() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_min_allowed_uids(RuntimeOrigin::root(), NET, 257),
			Error::<Test>::MinAllowedUidsGreaterThanMaxAllowedUids
		);
		assert_noop!(
			AdminUtils::sudo_set_max_allowed_validators(RuntimeOrigin::root(), NET, 257),
			Error::<Test>::MaxValidatorsLargerThanMaxUIds
		);
		assert_ok!(AdminUtils::sudo_set_max_allowed_validators(RuntimeOrigin::root(), NET, 256));
	});
}

#[test]
fn burn_bounds_are_checked_and_burn_follows_them() {
	new_test_ext().execute_with(|| {
		let min = |v| AdminUtils::sudo_set_min_burn(RuntimeOrigin::root(), NET, v);
		let max = |v| AdminUtils::sudo_set_max_burn(RuntimeOrigin::root(), NET, v);
		assert_noop!(min(TAO), Error::<Test>::MinBurnNotBelowUpperBound);
		assert_noop!(max(TAO / 10), Error::<Test>::MaxBurnNotAboveLowerBound);
		assert_ok!(max(TAO / 5));
		assert_noop!(min(TAO / 5), Error::<Test>::MinBurnNotBelowMaxBurn);
		assert_ok!(min(TAO / 8));
		assert_noop!(max(TAO / 8), Error::<Test>::MaxBurnNotAboveMinBurn);
		// Burn (0.1 TAO by default) moved up into [0.125, 0.2] TAO.
		assert_eq!(pallet_subtensor::Burn::<Test>::get(NET), TAO / 8);
		System::assert_last_event(pallet_subtensor::Event::<Test>::BurnSet(NET, TAO / 8).into());
	});
}

#[test]
fn other_bounds_are_checked() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_bonds_moving_average(RuntimeOrigin::root(), NET, 1_000_001),
			Error::<Test>::BondsMovingAverageAboveOne
		);
		assert_noop!(
			AdminUtils::sudo_set_network_min_lock_cost(RuntimeOrigin::root(), 9_999_999),
			Error::<Test>::MinLockCostBelowMinimumLiquidity
		);
		assert_noop!(
			AdminUtils::sudo_set_alpha_values(RuntimeOrigin::root(), NET, 0, 10),
			Error::<Test>::AlphaLowOutOfRange
		);
		assert_noop!(
			AdminUtils::sudo_set_alpha_values(RuntimeOrigin::root(), NET, 11, 10),
			Error::<Test>::AlphaLowOutOfRange
		);
		assert_noop!(
			AdminUtils::sudo_set_owner_immune_neuron_limit(RuntimeOrigin::root(), NET, 0),
			Error::<Test>::ImmuneOwnerUidsLimitOutOfRange
		);
		assert_noop!(
			AdminUtils::sudo_set_owner_immune_neuron_limit(RuntimeOrigin::root(), NET, 11),
			Error::<Test>::ImmuneOwnerUidsLimitOutOfRange
		);
		assert_ok!(AdminUtils::sudo_set_owner_immune_neuron_limit(RuntimeOrigin::root(), NET, 10));
	});
}

#[test]
fn global_setters_emit_subtensor_events() {
	new_test_ext().execute_with(|| {
		assert_ok!(AdminUtils::sudo_set_subnet_limit(RuntimeOrigin::root(), 12));
		System::assert_last_event(pallet_subtensor::Event::<Test>::SubnetLimitSet(12).into());
		assert_ok!(AdminUtils::sudo_set_network_rate_limit(RuntimeOrigin::root(), 3));
		System::assert_last_event(pallet_subtensor::Event::<Test>::NetworkRateLimitSet(3).into());
		assert_ok!(AdminUtils::sudo_set_start_call_delay(RuntimeOrigin::root(), 4));
		System::assert_last_event(pallet_subtensor::Event::<Test>::StartCallDelaySet(4).into());
		assert_ok!(AdminUtils::sudo_set_tempo(RuntimeOrigin::root(), NET, 12));
		System::assert_last_event(
			pallet_subtensor::Event::<Test>::HyperparameterSet(NET, b"Tempo".to_vec(), 12).into(),
		);
	});
}

#[test]
fn owner_hotkey_is_set_by_the_owner_once_per_rate_limit_and_by_root_at_will() {
	new_test_ext().execute_with(|| {
		let set = |origin, hotkey| AdminUtils::sudo_set_sn_owner_hotkey(origin, NET, hotkey);
		assert_noop!(set(RuntimeOrigin::signed(STRANGER), 21), Error::<Test>::NotSubnetOwner);
		assert_noop!(
			AdminUtils::sudo_set_sn_owner_hotkey(RuntimeOrigin::root(), 99, 21),
			Error::<Test>::SubnetDoesNotExist
		);
		// A hotkey of another coldkey cannot become the owner hotkey.
		pallet_subtensor::Owner::<Test>::insert(31, STRANGER);
		pallet_subtensor::OwnedHotkeys::<Test>::mutate(STRANGER, |v| v.try_push(31).unwrap());
		assert_noop!(
			set(RuntimeOrigin::signed(OWNER), 31),
			pallet_subtensor::Error::<Test>::NonAssociatedColdKey
		);
		assert_ok!(set(RuntimeOrigin::signed(OWNER), 21));
		assert_eq!(pallet_subtensor::SubnetOwnerHotkey::<Test>::get(NET), Some(21));
		assert_eq!(pallet_subtensor::Owner::<Test>::get(21), OWNER);
		System::assert_last_event(
			pallet_subtensor::Event::<Test>::SubnetOwnerHotkeySet(NET, 21).into(),
		);
		assert_noop!(
			set(RuntimeOrigin::signed(OWNER), 22),
			pallet_subtensor::Error::<Test>::SubnetOwnerHotkeyRateLimitExceeded
		);
		assert_ok!(set(RuntimeOrigin::root(), 22));
		System::set_block_number(1 + pallet_subtensor::SET_SN_OWNER_HOTKEY_RATE_LIMIT);
		assert_ok!(set(RuntimeOrigin::signed(OWNER), 23));
		assert_eq!(pallet_subtensor::SubnetOwnerHotkey::<Test>::get(NET), Some(23));
	});
}

#[test]
fn only_root_may_set_a_negative_sigmoid_steepness() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_alpha_sigmoid_steepness(RuntimeOrigin::signed(OWNER), NET, -1),
			Error::<Test>::NegativeSigmoidSteepness
		);
		assert_ok!(AdminUtils::sudo_set_alpha_sigmoid_steepness(RuntimeOrigin::root(), NET, -1));
		assert_eq!(pallet_subtensor::AlphaSigmoidSteepness::<Test>::get(NET), -1);
	});
}

#[test]
fn the_owner_changes_a_hyperparameter_once_per_two_tempos_root_at_will() {
	new_test_ext().execute_with(|| {
		let tempo = u64::from(pallet_subtensor::Tempo::<Test>::get(NET));
		let owner = |v| AdminUtils::sudo_set_rho(RuntimeOrigin::signed(OWNER), NET, v);
		assert_ok!(owner(11));
		assert_noop!(owner(12), Error::<Test>::OwnerHyperparamRateLimitExceeded);
		// Other parameters have their own limit; root is not limited.
		assert_ok!(AdminUtils::sudo_set_activity_cutoff(RuntimeOrigin::signed(OWNER), NET, 400));
		assert_ok!(AdminUtils::sudo_set_rho(RuntimeOrigin::root(), NET, 13));
		System::set_block_number(1 + 2 * tempo - 1);
		assert_noop!(owner(12), Error::<Test>::OwnerHyperparamRateLimitExceeded);
		System::set_block_number(1 + 2 * tempo);
		assert_ok!(owner(12));
		assert_eq!(pallet_subtensor::Rho::<Test>::get(NET), 12);
		// Root may change the limit; 0 removes it.
		assert_noop!(
			AdminUtils::sudo_set_owner_hparam_rate_limit(RuntimeOrigin::signed(OWNER), 0),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_owner_hparam_rate_limit(RuntimeOrigin::root(), 0));
		System::assert_last_event(crate::Event::<Test>::OwnerHyperparamRateLimitSet(0).into());
		assert_ok!(owner(14));
	});
}

#[test]
fn set_default_take_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_default_take(RuntimeOrigin::signed(STRANGER), 10_000),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_default_take(RuntimeOrigin::signed(OWNER), 10_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_default_take(RuntimeOrigin::root(), 10_000));
		assert_eq!(pallet_subtensor::MaxDelegateTake::<Test>::get(), 10_000);
	});
}

#[test]
fn set_tx_rate_limit_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_tx_rate_limit(RuntimeOrigin::signed(STRANGER), 100),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_tx_rate_limit(RuntimeOrigin::signed(OWNER), 100),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_tx_rate_limit(RuntimeOrigin::root(), 100));
		assert_eq!(pallet_subtensor::TxRateLimit::<Test>::get(), 100);
	});
}

#[test]
fn set_min_difficulty_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_min_difficulty(RuntimeOrigin::signed(STRANGER), NET, 1_000),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_min_difficulty(RuntimeOrigin::root(), 99, 1_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_min_difficulty(RuntimeOrigin::signed(OWNER), NET, 1_000));
		assert_eq!(pallet_subtensor::MinDifficulty::<Test>::get(NET), 1_000);
	});
}

#[test]
fn set_max_difficulty_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_max_difficulty(RuntimeOrigin::signed(STRANGER), NET, u64::MAX),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_max_difficulty(RuntimeOrigin::root(), 99, u64::MAX),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_max_difficulty(
			RuntimeOrigin::signed(OWNER),
			NET,
			u64::MAX
		));
		assert_eq!(pallet_subtensor::MaxDifficulty::<Test>::get(NET), u64::MAX);
	});
}

#[test]
fn set_max_weight_limit_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_max_weight_limit(RuntimeOrigin::signed(STRANGER), NET, 30_000),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_max_weight_limit(RuntimeOrigin::root(), 99, 30_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_max_weight_limit(
			RuntimeOrigin::signed(OWNER),
			NET,
			30_000
		));
		assert_eq!(pallet_subtensor::MaxWeightsLimit::<Test>::get(NET), 30_000);
	});
}

#[test]
fn set_difficulty_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_difficulty(RuntimeOrigin::signed(STRANGER), NET, 1_000_000),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_difficulty(RuntimeOrigin::root(), 99, 1_000_000),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_noop!(
			AdminUtils::sudo_set_difficulty(RuntimeOrigin::signed(OWNER), NET, 1_000_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_difficulty(RuntimeOrigin::root(), NET, 1_000_000));
		assert_eq!(pallet_subtensor::Difficulty::<Test>::get(NET), 1_000_000);
	});
}

#[test]
fn set_stake_threshold_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_stake_threshold(RuntimeOrigin::signed(STRANGER), 1_000),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_stake_threshold(RuntimeOrigin::signed(OWNER), 1_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_stake_threshold(RuntimeOrigin::root(), 1_000));
		assert_eq!(pallet_subtensor::StakeThreshold::<Test>::get(), 1_000);
	});
}

#[test]
fn set_nominator_min_required_stake_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_nominator_min_required_stake(
				RuntimeOrigin::signed(STRANGER),
				1_000
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_nominator_min_required_stake(RuntimeOrigin::signed(OWNER), 1_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_nominator_min_required_stake(RuntimeOrigin::root(), 1_000));
		assert_eq!(pallet_subtensor::NominatorMinRequiredStake::<Test>::get(), 1_000);
	});
}

#[test]
fn set_min_delegate_take_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_min_delegate_take(RuntimeOrigin::signed(STRANGER), 100),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_min_delegate_take(RuntimeOrigin::signed(OWNER), 100),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_min_delegate_take(RuntimeOrigin::root(), 100));
		assert_eq!(pallet_subtensor::MinDelegateTake::<Test>::get(), 100);
	});
}

#[test]
fn set_subnet_moving_alpha_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_subnet_moving_alpha(
				RuntimeOrigin::signed(STRANGER),
				I96F32::from_bits(1 << 20)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_subnet_moving_alpha(
				RuntimeOrigin::signed(OWNER),
				I96F32::from_bits(1 << 20)
			),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_subnet_moving_alpha(
			RuntimeOrigin::root(),
			I96F32::from_bits(1 << 20)
		));
		assert_eq!(pallet_subtensor::SubnetMovingAlpha::<Test>::get(), I96F32::from_bits(1 << 20));
	});
}

#[test]
fn set_ck_burn_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_ck_burn(RuntimeOrigin::signed(STRANGER), 1_000),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_ck_burn(RuntimeOrigin::signed(OWNER), 1_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_ck_burn(RuntimeOrigin::root(), 1_000));
		assert_eq!(pallet_subtensor::CKBurn::<Test>::get(), 1_000);
	});
}

#[test]
fn set_recycle_or_burn_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_recycle_or_burn(
				RuntimeOrigin::signed(STRANGER),
				NET,
				RecycleOrBurnEnum::Recycle
			),
			Error::<Test>::NotSubnetOwner
		);
		assert_noop!(
			AdminUtils::sudo_set_recycle_or_burn(
				RuntimeOrigin::root(),
				99,
				RecycleOrBurnEnum::Recycle
			),
			Error::<Test>::SubnetDoesNotExist
		);
		assert_ok!(AdminUtils::sudo_set_recycle_or_burn(
			RuntimeOrigin::signed(OWNER),
			NET,
			RecycleOrBurnEnum::Recycle
		));
		assert_eq!(pallet_subtensor::RecycleOrBurn::<Test>::get(NET), RecycleOrBurnEnum::Recycle);
	});
}

#[test]
fn set_tao_flow_cutoff_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_tao_flow_cutoff(
				RuntimeOrigin::signed(STRANGER),
				I64F64::from_bits(-(10i128 << 64))
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_tao_flow_cutoff(
				RuntimeOrigin::signed(OWNER),
				I64F64::from_bits(-(10i128 << 64))
			),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_tao_flow_cutoff(
			RuntimeOrigin::root(),
			I64F64::from_bits(-(10i128 << 64))
		));
		assert_eq!(
			pallet_subtensor::TaoFlowCutoff::<Test>::get(),
			I64F64::from_bits(-(10i128 << 64))
		);
	});
}

#[test]
fn set_tao_flow_normalization_exponent_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_tao_flow_normalization_exponent(
				RuntimeOrigin::signed(STRANGER),
				U64F64::from_bits(3u128 << 63)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_tao_flow_normalization_exponent(
				RuntimeOrigin::signed(OWNER),
				U64F64::from_bits(3u128 << 63)
			),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_tao_flow_normalization_exponent(
			RuntimeOrigin::root(),
			U64F64::from_bits(3u128 << 63)
		));
		assert_eq!(
			pallet_subtensor::FlowNormExponent::<Test>::get(),
			U64F64::from_bits(3u128 << 63)
		);
	});
}

#[test]
fn set_tao_flow_smoothing_factor_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_tao_flow_smoothing_factor(
				RuntimeOrigin::signed(STRANGER),
				1_000_000
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_tao_flow_smoothing_factor(RuntimeOrigin::signed(OWNER), 1_000_000),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_tao_flow_smoothing_factor(
			RuntimeOrigin::root(),
			1_000_000
		));
		assert_eq!(pallet_subtensor::FlowEmaSmoothingFactor::<Test>::get(), 1_000_000);
	});
}

#[test]
fn set_net_tao_flow_enabled_checks_origin_and_subnet_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_net_tao_flow_enabled(RuntimeOrigin::signed(STRANGER), false),
			DispatchError::BadOrigin
		);
		assert_noop!(
			AdminUtils::sudo_set_net_tao_flow_enabled(RuntimeOrigin::signed(OWNER), false),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_net_tao_flow_enabled(RuntimeOrigin::root(), false));
		assert_eq!(pallet_subtensor::NetTaoFlowEnabled::<Test>::get(), false);
	});
}

#[test]
fn take_difficulty_and_flow_bounds_are_checked() {
	new_test_ext().execute_with(|| {
		assert_ok!(AdminUtils::sudo_set_min_delegate_take(RuntimeOrigin::root(), 5_000));
		assert_noop!(
			AdminUtils::sudo_set_default_take(RuntimeOrigin::root(), 4_999),
			Error::<Test>::MaxDelegateTakeBelowMin
		);
		assert_noop!(
			AdminUtils::sudo_set_min_delegate_take(RuntimeOrigin::root(), 11_797),
			Error::<Test>::MinDelegateTakeAboveMax
		);
		// A new subnet pins both bounds at u64::MAX (PoW is off).
		assert_ok!(AdminUtils::sudo_set_min_difficulty(RuntimeOrigin::root(), NET, 900));
		assert_ok!(AdminUtils::sudo_set_max_difficulty(RuntimeOrigin::root(), NET, 1_000));
		assert_noop!(
			AdminUtils::sudo_set_min_difficulty(RuntimeOrigin::root(), NET, 1_001),
			Error::<Test>::MinDifficultyAboveMax
		);
		assert_noop!(
			AdminUtils::sudo_set_max_difficulty(RuntimeOrigin::root(), NET, 899),
			Error::<Test>::MaxDifficultyBelowMin
		);
		assert_noop!(
			AdminUtils::sudo_set_subnet_moving_alpha(
				RuntimeOrigin::root(),
				I96F32::from_bits((1i128 << 32) + 1)
			),
			Error::<Test>::SubnetMovingAlphaOutOfRange
		);
		assert_noop!(
			AdminUtils::sudo_set_subnet_moving_alpha(RuntimeOrigin::root(), I96F32::from_bits(-1)),
			Error::<Test>::SubnetMovingAlphaOutOfRange
		);
		for bad in [U64F64::from_bits((1u128 << 64) - 1), U64F64::from_bits((2u128 << 64) + 1)] {
			assert_noop!(
				AdminUtils::sudo_set_tao_flow_normalization_exponent(RuntimeOrigin::root(), bad),
				Error::<Test>::FlowNormExponentOutOfRange
			);
		}
	});
}

#[test]
fn set_tx_delegate_take_rate_limit_is_root_only_and_stores() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			AdminUtils::sudo_set_tx_delegate_take_rate_limit(RuntimeOrigin::signed(OWNER), 7),
			DispatchError::BadOrigin
		);
		assert_ok!(AdminUtils::sudo_set_tx_delegate_take_rate_limit(RuntimeOrigin::root(), 7));
		assert_eq!(pallet_subtensor::TxDelegateTakeRateLimit::<Test>::get(), 7);
	});
}

/// Regression of issue 11, finding 5: an owner could raise `MaxAllowedUids` to 4096 while every
/// UID-dependent weight was benchmarked at 256.
#[test]
fn finding_5_max_allowed_uids_is_bounded_by_the_benchmarked_size() {
	new_test_ext().execute_with(|| {
		let set = |n| AdminUtils::sudo_set_max_allowed_uids(RuntimeOrigin::root(), NET, n);
		assert_noop!(set(257), Error::<Test>::MaxAllowedUidsGreaterThanLimit);
		assert_noop!(set(4096), Error::<Test>::MaxAllowedUidsGreaterThanLimit);
		assert_eq!(pallet_subtensor::MaxAllowedUids::<Test>::get(NET), 256);
		assert_ok!(set(256));
	});
}

/// Regression of issue 11, finding 6: `ActivityCutoff` 0 switched every validator inactive.
#[test]
fn finding_6_activity_cutoff_has_a_minimum() {
	new_test_ext().execute_with(|| {
		let set = |n| AdminUtils::sudo_set_activity_cutoff(RuntimeOrigin::signed(OWNER), NET, n);
		assert_noop!(set(0), pallet_subtensor::Error::<Test>::ActivityCutoffTooLow);
		assert_noop!(set(359), pallet_subtensor::Error::<Test>::ActivityCutoffTooLow);
		assert_ok!(set(360));
		assert_eq!(pallet_subtensor::ActivityCutoff::<Test>::get(NET), 360);
	});
}
