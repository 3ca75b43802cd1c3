//! `set_weights` / `set_mechanism_weights`: what is stored, and every bad call with its error.
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

/// Alice's started subnet `NET` with owner hotkey `HOT_A` (UID 0); `HOT_B` (UID 1) and
/// `HOT_C` (UID 2) registered by Bob; `HOT_B` holds stake and, after one epoch, a permit.
pub(super) fn with_validator(test: impl FnOnce()) {
	ExtBuilder::default()
		.with_balances(&[(ALICE, 10_000 * TAO), (BOB, 10_000 * TAO)])
		.build_and_execute(|| {
			SubtensorModule::set_start_call_delay(0);
			add_subnet(ALICE, HOT_A);
			assert_ok!(SubtensorModule::start_call(RuntimeOrigin::signed(ALICE), NET));
			SubtensorModule::set_max_registrations_per_block(NET, 5);
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_B));
			assert_ok!(SubtensorModule::burned_register(RuntimeOrigin::signed(BOB), NET, HOT_C));
			assert_ok!(SubtensorModule::add_stake(
				RuntimeOrigin::signed(BOB),
				HOT_B,
				NET,
				10 * TAO
			));
			SubtensorModule::set_max_allowed_validators(NET, 1);
			SubtensorModule::set_tempo_unchecked(NET, 1);
			SubtensorModule::set_weights_set_rate_limit(NET, 0);
			SubtensorModule::set_min_allowed_weights(NET, 2);
			run_to_block(3); // epoch at odd blocks: permits handed out
					// The owner UID always holds a permit; of the others, the top 1 by stake.
			assert_eq!(ValidatorPermit::<Test>::get(NET).into_inner(), vec![true, true, false]);
			test();
		});
}

fn set(hotkey: u64, dests: Vec<u16>, weights: Vec<u16>) -> frame_support::dispatch::DispatchResult {
	SubtensorModule::set_weights(RuntimeOrigin::signed(hotkey), NET, dests, weights, 0)
}

#[test]
fn weights_are_stored_max_upscaled_with_explicit_zeros() {
	with_validator(|| {
		assert_ok!(set(HOT_B, vec![0, 2, 1], vec![10, 0, 5]));
		assert_eq!(
			Weights::<Test>::get(NET, 1).into_inner(),
			vec![(0, 65_535), (2, 0), (1, 32_768)]
		);
		assert_eq!(LastUpdate::<Test>::get(NET)[1], 3);
		System::assert_last_event(Event::WeightsSet(NET, 1).into());
		// The mechanism call of the SDKs stores the same for mechanism 0.
		assert_ok!(SubtensorModule::set_mechanism_weights(
			RuntimeOrigin::signed(HOT_B),
			NET,
			0,
			vec![0, 2],
			vec![1, 3],
			0
		));
		assert_eq!(Weights::<Test>::get(NET, 1).into_inner(), vec![(0, 21_845), (2, 65_535)]);
	});
}

#[test]
fn every_bad_weights_call_fails_with_its_own_error_and_changes_nothing() {
	with_validator(|| {
		assert_noop!(
			SubtensorModule::set_mechanism_weights(
				RuntimeOrigin::signed(HOT_B),
				NET,
				1,
				vec![0, 2],
				vec![1, 1],
				0
			),
			Error::<Test>::MechanismDoesNotExist
		);
		assert_noop!(
			SubtensorModule::set_weights(
				RuntimeOrigin::signed(HOT_B),
				9,
				vec![0, 2],
				vec![1, 1],
				0
			),
			Error::<Test>::SubnetNotExists
		);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, true);
		assert_noop!(set(HOT_B, vec![0, 2], vec![1, 1]), Error::<Test>::CommitRevealEnabled);
		SubtensorModule::set_commit_reveal_weights_enabled(NET, false);
		assert_noop!(set(HOT_B, vec![0, 2], vec![1]), Error::<Test>::WeightVecNotEqualSize);
		assert_noop!(
			set(HOT_D, vec![0, 2], vec![1, 1]),
			Error::<Test>::HotKeyNotRegisteredInSubNet
		);
		SubtensorModule::set_stake_threshold(u64::MAX);
		assert_noop!(set(HOT_B, vec![0, 2], vec![1, 1]), Error::<Test>::NotEnoughStakeToSetWeights);
		SubtensorModule::set_stake_threshold(0);
		WeightsVersionKey::<Test>::insert(NET, 5);
		assert_noop!(set(HOT_B, vec![0, 2], vec![1, 1]), Error::<Test>::IncorrectWeightVersionKey);
		WeightsVersionKey::<Test>::remove(NET);
		// HOT_C has no permit: only a weight on itself is allowed.
		assert_noop!(set(HOT_C, vec![0, 1], vec![1, 1]), Error::<Test>::NeuronNoValidatorPermit);
		assert_ok!(set(HOT_C, vec![2], vec![1]));
		assert_noop!(
			set(HOT_B, vec![0, 1, 2, 3], vec![1, 1, 1, 1]),
			Error::<Test>::UidsLengthExceedUidsInSubNet
		);
		assert_noop!(set(HOT_B, vec![0, 0], vec![1, 1]), Error::<Test>::DuplicateUids);
		assert_noop!(set(HOT_B, vec![0, 7], vec![1, 1]), Error::<Test>::UidVecContainInvalidOne);
		assert_noop!(set(HOT_B, vec![0], vec![1]), Error::<Test>::WeightVecLengthIsLow);
		SubtensorModule::set_max_weight_limit(NET, 40_000);
		assert_noop!(set(HOT_B, vec![0, 2], vec![3, 1]), Error::<Test>::MaxWeightExceeded);
		assert_ok!(set(HOT_B, vec![0, 2], vec![1, 1]));
		SubtensorModule::set_weights_set_rate_limit(NET, 10);
		assert_noop!(set(HOT_B, vec![0, 2], vec![1, 1]), Error::<Test>::SettingWeightsTooFast);
	});
}

#[test]
fn a_replaced_uid_loses_its_weights_bonds_and_the_weights_on_it() {
	with_validator(|| {
		assert_ok!(set(HOT_B, vec![0, 2], vec![1, 1]));
		run_to_block(5);
		assert!(!Bonds::<Test>::get(NET, 1).is_empty());
		SubtensorModule::clear_neuron_consensus(NET, 2);
		assert_eq!(Weights::<Test>::get(NET, 1).into_inner(), vec![(0, 65_535), (2, 0)]);
		SubtensorModule::clear_neuron_consensus(NET, 1);
		assert!(Weights::<Test>::get(NET, 1).is_empty());
		assert!(Bonds::<Test>::get(NET, 1).is_empty());
		assert!(!ValidatorPermit::<Test>::get(NET)[1]);
		assert_eq!(Emission::<Test>::get(NET)[1], 0);
	});
}

#[test]
fn commitment_bonds_reset_removes_the_bonds_in_the_hotkey_only_if_the_subnet_allows_it() {
	with_validator(|| {
		assert_ok!(set(HOT_B, vec![0, 2], vec![1, 1]));
		run_to_block(5);
		let bonds = Bonds::<Test>::get(NET, 1).into_inner();
		assert!(bonds.iter().any(|(j, _)| *j == 2), "HOT_B bonds in UID 2: {bonds:?}");
		// BondsResetOn is off: nothing changes.
		SubtensorModule::reset_bonds_on_commitment(NET, &HOT_C);
		assert_eq!(Bonds::<Test>::get(NET, 1).into_inner(), bonds);
		// On: the bonds in UID 2 go, the others stay; an unregistered hotkey changes nothing.
		BondsResetOn::<Test>::insert(NET, true);
		SubtensorModule::reset_bonds_on_commitment(NET, &HOT_D);
		assert_eq!(Bonds::<Test>::get(NET, 1).into_inner(), bonds);
		SubtensorModule::reset_bonds_on_commitment(NET, &HOT_C);
		let kept: Vec<(u16, u16)> = bonds.into_iter().filter(|(j, _)| *j != 2).collect();
		assert_eq!(Bonds::<Test>::get(NET, 1).into_inner(), kept);
		assert!(SubtensorModule::is_hotkey_registered_on_network(NET, &HOT_C));
		assert!(!SubtensorModule::is_hotkey_registered_on_network(NET, &HOT_D));
	});
}
